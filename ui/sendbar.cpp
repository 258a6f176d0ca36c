// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sendbar.h"

#include "theme.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>

using namespace Qt::Literals::StringLiterals;

SendBar::SendBar(QWidget *parent)
    : QWidget(parent)
{
    m_status = new QLabel(this);
    m_status->setObjectName(u"sendStatus"_s);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(u"sendProgress"_s);
    m_progress->setRange(0, 0);
    m_progress->setTextVisible(false);
    m_progress->setMaximumWidth(120);
    m_progress->hide();
    m_cancelButton = new QPushButton(Theme::icon(u"cancel"_s), tr("Cancel"), this);
    m_cancelButton->setObjectName(u"cancelButton"_s);
    m_cancelButton->setToolTip(tr("Stop waiting for the hub (Esc)"));
    m_cancelButton->setEnabled(false);
    m_sendButton = new QPushButton(Theme::icon(u"send"_s), tr("Send"), this);
    m_sendButton->setObjectName(u"sendButton"_s);
    m_sendButton->setDefault(true);
    m_sendButton->setToolTip(tr("Send the notification (Ctrl+Enter)"));
    QFont bold = m_sendButton->font();
    bold.setBold(true);
    m_sendButton->setFont(bold);
    m_sendButton->setMinimumWidth(110);

    auto *h = new QHBoxLayout(this);
    h->setContentsMargins(0, 0, 0, 0);
    h->addWidget(m_status, 1);
    h->addWidget(m_progress);
    h->addWidget(m_cancelButton);
    h->addWidget(m_sendButton);
    connect(m_sendButton, &QPushButton::clicked, this, &SendBar::sendClicked);
    connect(m_cancelButton, &QPushButton::clicked, this, &SendBar::cancelClicked);
}

void SendBar::showSending()
{
    setSending(true, false);
    m_status->setText(tr("Waiting for the hub…"));
    Theme::paintLabel(m_status, Theme::Tone::Info);
}

void SendBar::showRefusal(const QString &reason)
{
    setSending(false, false);
    m_status->setText(tr("<b>Cannot send:</b> %1").arg(reason.toHtmlEscaped()));
    Theme::paintLabel(m_status, Theme::Tone::Failure);
}

void SendBar::showNotConnected(const QString &problem)
{
    setSending(false, false);
    m_status->setText(tr("<b>Not connected:</b> %1").arg(problem.toHtmlEscaped()));
    Theme::paintLabel(m_status, Theme::Tone::Warning);
}

void SendBar::showReady(const QString &target, bool test)
{
    setSending(false, true);
    m_status->setText(
        (test ? tr("Ready: test send to %1.") : tr("Ready: send to %1.")).arg(target));
    Theme::paintLabel(m_status, Theme::Tone::Neutral);
}

void SendBar::setSending(bool sending, bool canSend)
{
    m_sendButton->setEnabled(canSend);
    m_cancelButton->setEnabled(sending);
    m_progress->setVisible(sending);
}
