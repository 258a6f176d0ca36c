// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "exchangeview.h"

#include "headersview.h"
#include "outcomeview.h"
#include "store/exchangeexport.h"
#include "theme.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QSplitter>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace {

QToolButton *toolButton(QWidget *parent, const QString &name, const QString &icon,
                        const QString &text, const QString &tip)
{
    auto *b = new QToolButton(parent);
    b->setObjectName(name);
    b->setIcon(Theme::icon(icon));
    b->setText(text);
    b->setToolTip(tip);
    b->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    b->setAutoRaise(true);
    return b;
}

} // namespace

ExchangeView::ExchangeView(QWidget *parent)
    : QWidget(parent)
{
    m_title = new QLabel(this);
    m_title->setObjectName(u"exchangeTitle"_s);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_revealButton = toolButton(this, u"revealButton"_s, u"reveal"_s, tr("Reveal secrets"),
                                tr("Show the SAS signature in the Authorization header. It is "
                                   "hidden again when another exchange is shown."));
    m_revealButton->setCheckable(true);
    m_copyCurlButton = toolButton(this, u"copyCurlButton"_s, u"copy"_s, tr("Copy as curl"),
                                  tr("Copy a curl command that repeats this request (the "
                                     "signature only while revealed, never the key)"));
    m_copyJsonButton = toolButton(this, u"copyJsonButton"_s, u"copy"_s, tr("Copy JSON"),
                                  tr("Copy the whole exchange as JSON (secrets redacted)"));

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_title, 1);
    bar->addWidget(m_revealButton);
    bar->addWidget(m_copyCurlButton);
    bar->addWidget(m_copyJsonButton);

    m_headers = new HeadersView(this);
    m_headers->setObjectName(u"requestPane"_s);
    m_outcome = new OutcomeView(this);
    m_outcome->setObjectName(u"outcomePane"_s);
    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(u"exchangeSplitter"_s);
    m_splitter->addWidget(m_headers);
    m_splitter->addWidget(m_outcome);
    // The answer has more to show (outcome table, explanations) than the request's headers.
    m_splitter->setStretchFactor(0, 2);
    m_splitter->setStretchFactor(1, 3);
    m_splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_splitter, 1);

    connect(m_revealButton, &QToolButton::toggled, this, &ExchangeView::setRevealed);
    connect(m_copyCurlButton, &QToolButton::clicked, this, &ExchangeView::copyCurl);
    connect(m_copyJsonButton, &QToolButton::clicked, this, &ExchangeView::copyJson);
    clear();
}

void ExchangeView::setExchange(const Nh::Exchange &exchange)
{
    const bool other = !m_hasExchange || exchange.id != m_exchange.id;
    m_exchange = exchange;
    m_hasExchange = true;
    if (other)
        setRevealed(false);
    m_title->setText(tr("<b>%1</b> · %2 · started %3")
                         .arg(exchange.operation.toHtmlEscaped(), exchange.hub.toHtmlEscaped(),
                              exchange.started.toLocalTime().toString(u"HH:mm:ss"_s)));
    m_headers->setExchange(exchange);
    m_outcome->setExchange(exchange);
    // A long URL does not fit the request line: show its start (the host and the path) and the
    // whole line on hover.
    if (auto *line = m_headers->findChild<QLineEdit *>(u"requestLine"_s)) {
        line->setCursorPosition(0);
        line->setToolTip(line->text());
    }
    m_revealButton->setEnabled(!exchange.authorization.isEmpty());
    m_copyCurlButton->setEnabled(!exchange.url.isEmpty());
    m_copyJsonButton->setEnabled(true);
    emit exchangeChanged();
}

void ExchangeView::clear()
{
    m_exchange = {};
    m_hasExchange = false;
    setRevealed(false);
    m_title->setText(tr("<b>Exchange</b> · nothing sent yet"));
    m_headers->clear();
    m_outcome->clear();
    m_revealButton->setEnabled(false);
    m_copyCurlButton->setEnabled(false);
    m_copyJsonButton->setEnabled(false);
    emit exchangeChanged();
}

bool ExchangeView::isRevealed() const
{
    return m_revealButton->isChecked();
}

void ExchangeView::setRevealed(bool on)
{
    if (m_revealButton->isChecked() != on) {
        m_revealButton->setChecked(on); // comes back here through toggled()
        return;
    }
    m_headers->setReveal(on ? Nh::Reveal::Yes : Nh::Reveal::No);
    m_revealButton->setText(on ? tr("Hide secrets") : tr("Reveal secrets"));
    emit revealChanged(on);
}

QString ExchangeView::curlCommand() const
{
    if (!m_hasExchange)
        return {};
    Nh::CurlOptions options;
    if (isRevealed() && !m_exchange.authorization.isEmpty()) {
        // The token that was sent (a signature with an expiry), never the key.
        const QString sent = m_exchange.authorization;
        options.freshAuthorization = [sent](const Nh::HistoryRecord &) {
            return sent;
        };
    }
    Nh::HistoryRecord record;
    record.exchange = m_exchange;
    const auto curl = Nh::exchangeToCurl(record, options);
    if (!curl)
        return {};
    QString command = curl.value();
    if (!m_caCertificatePath.isEmpty()) {
        // The emulator's self-signed certificate: curl must trust it to connect at all.
        const qsizetype at = command.indexOf(u"curl "_s);
        if (at >= 0)
            command.insert(at + 5,
                           u"--cacert "_s + Nh::shellQuote(m_caCertificatePath.toUtf8()) + u' ');
    }
    return command;
}

QByteArray ExchangeView::json() const
{
    if (!m_hasExchange)
        return {};
    return QJsonDocument(Nh::exchangeToJson(Nh::historyRecordFor(m_exchange)))
        .toJson(QJsonDocument::Indented);
}

void ExchangeView::copyCurl()
{
    if (!m_hasExchange)
        return;
    QGuiApplication::clipboard()->setText(curlCommand());
    emit message(isRevealed() ? tr("Copied the request as curl, with the token that was sent")
                              : tr("Copied the request as curl; set NH_SAS_TOKEN to a token before "
                                   "running it"));
}

void ExchangeView::copyJson()
{
    if (!m_hasExchange)
        return;
    QGuiApplication::clipboard()->setText(QString::fromUtf8(json()));
    emit message(tr("Copied the exchange as JSON (secrets redacted)"));
}
