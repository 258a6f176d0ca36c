// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;

/**
 * The composer's bottom row: a line on what Send would do (or why it cannot), a busy bar while a
 * send is in flight, Cancel and Send.
 */
class SendBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SendBar)

public:
    explicit SendBar(QWidget *parent = nullptr);

    /** A send is in flight: busy bar, Cancel on, Send off. */
    void showSending();
    /** The notification cannot be sent: `reason` in the failure tone, Send off. */
    void showRefusal(const QString &reason);
    /** The notification is fine but there is no hub: `problem` as a warning, Send off. */
    void showNotConnected(const QString &problem);
    /** Ready: "send to `target`" (rich text), Send on. */
    void showReady(const QString &target, bool test);

signals:
    void sendClicked();
    void cancelClicked();

private:
    void setSending(bool sending, bool canSend);

    QLabel *m_status = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QPushButton *m_sendButton = nullptr;
};
