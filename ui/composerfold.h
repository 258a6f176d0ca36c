// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QObject>

class ComposerStrip;
class ComposerWidget;
class QAction;

/**
 * The composer folded to a strip once a send is made, so the exchange view gets the window's
 * width (issue #16). View ▸ Composer (Ctrl+B), the strip and the composer's own fold button
 * fold and unfold it; a send that finishes folds it while View ▸ Fold Composer After Sending
 * (Ctrl+Shift+B) is on, which it is until the user turns it off (the window keeps that choice,
 * saveState()). Whatever needs the composer unfolds it: a change of target from elsewhere (a
 * test send prepared in the Registrations dock, a profile's default tags), a send it refuses,
 * Go to Payload and Go to Tag Expression (unfold() before focusing).
 */
class ComposerFold final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ComposerFold)

public:
    ComposerFold(ComposerWidget *composer, QObject *parent);

    /** The strip shown in the composer's place while it is folded (the caller lays it out). */
    ComposerStrip *strip() const { return m_strip; }
    /** View ▸ Composer: checked while the composer is shown. */
    QAction *showAction() const { return m_showAction; }
    /** View ▸ Fold Composer After Sending. */
    QAction *foldAfterSendAction() const { return m_foldAfterSendAction; }

    bool isFolded() const { return m_folded; }
    void setFolded(bool folded);
    void unfold() { setFolded(false); }

    /** The remembered choice (fold after sending or not), for the window's saved state. */
    QByteArray saveState() const;
    void restoreState(const QByteArray &state);

private:
    ComposerWidget *m_composer;
    ComposerStrip *m_strip = nullptr;
    QAction *m_showAction = nullptr;
    QAction *m_foldAfterSendAction = nullptr;
    bool m_folded = false;
};
