// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QAction;
class QToolButton;

/**
 * The composer folded (issue #16): a strip as narrow as a line of text at the window's left
 * edge, so the exchange view gets the width. It shows "Compose" written downwards under a button
 * that unfolds the composer; a click anywhere on it unfolds it too (`action` is triggered).
 */
class ComposerStrip final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ComposerStrip)

public:
    /** `unfold` is the action a click triggers (the window's "Composer" toggle). */
    ComposerStrip(QAction *unfold, QWidget *parent = nullptr);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override { return sizeHint(); }

protected:
    void paintEvent(QPaintEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;

private:
    QAction *m_unfold;
    QToolButton *m_button = nullptr;
};
