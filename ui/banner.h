// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "theme.h"

#include <QFrame>

class QLabel;
class QPushButton;
namespace Nh {
class ProfileSession;
} // namespace Nh

/**
 * The strip above the composer that says where sends go when that needs saying: the bundled
 * emulator, a production hub, a key held in memory for this run, or why the current profile
 * cannot send. Its button offers the way on: add a real hub, or enter the key for this run.
 * Hidden for an ordinary connected hub. objectName "emulatorBanner".
 */
class Banner final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Banner)

public:
    explicit Banner(QWidget *parent = nullptr);

    /** Says what `session` is doing now; `keyInMemory` when its key is held for this run. */
    void showFor(const Nh::ProfileSession &session, bool keyInMemory);

signals:
    /** The button offered to add a real hub. */
    void addHubRequested();
    /** The button offered to enter the key of the current profile for this run. */
    void sessionKeyRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void paint(Theme::Tone tone);

    QLabel *m_icon = nullptr;
    QLabel *m_text = nullptr;
    QPushButton *m_button = nullptr;
    Theme::Tone m_tone = Theme::Tone::Info;
    bool m_asksForKey = false;
};
