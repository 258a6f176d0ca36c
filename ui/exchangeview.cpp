// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "exchangeview.h"

#include "exportfile.h"
#include "headersview.h"
#include "outcomeview.h"
#include "store/exchangeexport.h"
#include "theme.h"

#include <QClipboard>
#include <QDir>
#include <QFileDialog>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QMessageBox>
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
    m_saveButton = toolButton(this, u"saveButton"_s, u"save"_s, tr("Save…"),
                              tr("Save the exchange as a HAR file (opens in browser developer "
                                 "tools), as JSON or as a curl script"));

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_title, 1);
    bar->addWidget(m_revealButton);
    bar->addWidget(m_copyCurlButton);
    bar->addWidget(m_copyJsonButton);
    bar->addWidget(m_saveButton);

    m_headers = new HeadersView(this);
    m_headers->setObjectName(u"requestPane"_s);
    m_outcome = new OutcomeView(this);
    m_outcome->setObjectName(u"outcomePane"_s);
    connect(m_outcome, &OutcomeView::hubPageRequested, this, &ExchangeView::hubPageRequested);
    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(u"exchangeSplitter"_s);
    m_splitter->addWidget(m_headers);
    m_splitter->addWidget(m_outcome);
    // Halves: the request's header values (a SAS token) and the hub's outcomes both wrap in
    // their columns; neither side needs more width than the other to be read whole.
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_splitter, 1);

    connect(m_revealButton, &QToolButton::toggled, this, &ExchangeView::setRevealed);
    connect(m_copyCurlButton, &QToolButton::clicked, this, &ExchangeView::copyCurl);
    connect(m_copyJsonButton, &QToolButton::clicked, this, &ExchangeView::copyJson);
    connect(m_saveButton, &QToolButton::clicked, this, &ExchangeView::save);
    clear();
}

QList<QSplitter *> ExchangeView::splitters() const
{
    return QList<QSplitter *> {m_splitter, m_headers->splitter()} + m_outcome->splitters();
}

void ExchangeView::setRenderedPayloads(const QList<Nh::RenderedPayload> &payloads, bool pending)
{
    m_exchange.rendered = payloads;
    m_outcome->setRenderedPayloads(payloads, pending);
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
    m_revealButton->setEnabled(!exchange.authorization.isEmpty());
    m_copyCurlButton->setEnabled(!exchange.url.isEmpty());
    m_copyJsonButton->setEnabled(true);
    m_saveButton->setEnabled(true);
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
    m_saveButton->setEnabled(false);
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

Nh::HistoryRecord ExchangeView::record() const
{
    // Unredacted: every export redacts through historyRecordFor() itself.
    Nh::HistoryRecord r;
    r.exchange = m_exchange;
    return r;
}

Nh::CurlOptions ExchangeView::curlOptions() const
{
    Nh::CurlOptions options;
    // The emulator's self-signed certificate: curl must trust it to connect at all.
    options.caCertificate = m_certificateLookup;
    if (isRevealed() && !m_exchange.authorization.isEmpty()) {
        // The token that was sent (a signature with an expiry), never the key.
        const QString sent = m_exchange.authorization;
        options.freshAuthorization = [sent](const Nh::HistoryRecord &) {
            return sent;
        };
    }
    return options;
}

QString ExchangeView::curlCommand() const
{
    if (!m_hasExchange)
        return {};
    const auto curl = Nh::exchangeToCurl(record(), curlOptions());
    return curl ? curl.value() : QString();
}

QByteArray ExchangeView::json() const
{
    if (!m_hasExchange)
        return {};
    return QJsonDocument(Nh::exchangeToJson(record())).toJson(QJsonDocument::Indented);
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

Nh::Status ExchangeView::saveTo(const QString &path, Nh::ExportFormat format) const
{
    if (!m_hasExchange)
        return Nh::makeError(Nh::ErrorCode::Usage, tr("No exchange is shown to save."));
    const Nh::CurlOptions options = curlOptions();
    const auto data = Nh::exportExchanges({record()}, format, options);
    if (!data)
        return data.error();
    return ExportFile::write(path, data.value(), ExportFile::accessFor(format, options));
}

void ExchangeView::save()
{
    if (!m_hasExchange)
        return;
    const QList<Nh::ExportFormat> formats {Nh::ExportFormat::Har, Nh::ExportFormat::Json,
                                           Nh::ExportFormat::Curl};
    QStringList filters;
    for (const Nh::ExportFormat f : formats)
        filters.append(ExportFile::filter(f));
    QString chosen = filters.first();
    const QString base = u"nhconsole-"_s + m_exchange.operation + u'-'
        + m_exchange.started.toUTC().toString(u"yyyyMMdd-HHmmss"_s);
    const QString path = QFileDialog::getSaveFileName(this, tr("Save Exchange"),
                                                      base + Nh::exportSuffix(formats.first()),
                                                      filters.join(u";;"_s), &chosen);
    if (path.isEmpty())
        return;
    // The file name's suffix decides when it names a format; otherwise the chosen filter does.
    Nh::ExportFormat format = formats.at(std::max(qsizetype(0), filters.indexOf(chosen)));
    for (const Nh::ExportFormat f : formats) {
        if (path.endsWith(Nh::exportSuffix(f), Qt::CaseInsensitive))
            format = f;
    }
    if (const Nh::Status saved = saveTo(path, format); !saved) {
        QMessageBox::warning(this, tr("Save failed"), saved.error().message);
        return;
    }
    emit message(format == Nh::ExportFormat::Curl && isRevealed()
                     ? tr("Saved the exchange to %1 with the token that was sent; treat the file "
                          "as a secret until it expires")
                           .arg(QDir::toNativeSeparators(path))
                     : tr("Saved the exchange to %1; the file holds no key or signature")
                           .arg(QDir::toNativeSeparators(path)));
}
