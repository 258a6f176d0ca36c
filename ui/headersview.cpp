// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "headersview.h"

#include "models/headermodel.h"
#include "payloadeditor.h"
#include "protocol/xmlutil.h"
#include "splitterfit.h"
#include "statusdecorationproxy.h"
#include "theme.h"
#include "wrappingdelegate.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

HeadersView::HeadersView(QWidget *parent)
    : QWidget(parent)
    , m_model(new Nh::HeaderModel(this))
    , m_proxy(new StatusDecorationProxy(StatusDecorationProxy::Kind::Headers, this))
{
    m_proxy->setSourceModel(m_model);
    m_proxy->setPalette(palette());

    auto *title = new QLabel(tr("<b>Request</b>"), this);
    m_requestLine = new QLineEdit(this);
    m_requestLine->setObjectName(u"requestLine"_s);
    m_requestLine->setReadOnly(true);
    m_requestLine->setFont(Theme::monospace());
    m_requestLine->setPlaceholderText(tr("No request yet"));

    m_table = new QTableView(this);
    m_table->setObjectName(u"requestHeadersTable"_s);
    m_table->setModel(m_proxy);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    // Every value whole (issue #16): long ones (the Authorization token, a tag expression, the
    // content type) wrap in the value column, the row as tall as its value needs.
    WrappingDelegate::install(m_table, {Nh::HeaderModel::Value});

    m_sasInfo = new QLabel(this);
    m_sasInfo->setObjectName(u"sasInfo"_s);
    m_sasInfo->setWordWrap(true);
    m_sasInfo->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *transportNote = m_transportNote = new QLabel(this);
    transportNote->setObjectName(u"transportNote"_s);
    updateTransportNote();
    transportNote->setWordWrap(true);
    QFont small = transportNote->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    transportNote->setFont(small);
    transportNote->setForegroundRole(QPalette::PlaceholderText);

    auto *top = new QWidget(this);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    // The title beside the request line: a line of height more for the header values.
    auto *titleRow = new QHBoxLayout;
    titleRow->addWidget(title);
    titleRow->addWidget(m_requestLine, 1);
    topLayout->addLayout(titleRow);
    topLayout->addWidget(m_table, 1);
    topLayout->addWidget(m_sasInfo);
    topLayout->addWidget(transportNote);

    auto *bottom = new QWidget(this);
    auto *bottomLayout = new QVBoxLayout(bottom);
    bottomLayout->setContentsMargins(0, 0, 0, 0);
    m_bodyTitle = new QLabel(tr("<b>Body</b>"), this);
    m_body = new PayloadEditor(this);
    m_body->setObjectName(u"requestBody"_s);
    m_body->setReadOnly(true);
    bottomLayout->addWidget(m_bodyTitle);
    bottomLayout->addWidget(m_body, 1);

    m_splitter = new QSplitter(Qt::Vertical, this);
    m_splitter->setObjectName(u"requestSplitter"_s);
    m_splitter->addWidget(top);
    m_splitter->addWidget(bottom);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_splitter);

    // Every header row in view: the headers' part takes the height its rows need from the
    // body, down to a few lines of it (issue #16).
    keepRowsInView(m_splitter, m_table, [this] {
        return m_bodyTitle->sizeHint().height() + fontMetrics().lineSpacing() * 5;
    });
    clear();
}

void HeadersView::setExchange(const Nh::Exchange &e)
{
    // Decoded where that keeps the URL unambiguous (QUrl's display form), any password dropped.
    m_requestLine->setText(QString::fromLatin1(e.method) + u' ' + e.url.toDisplayString());
    if (e.url.isEmpty())
        m_requestLine->setText(QString::fromLatin1(e.method));
    // A long URL does not fit the line: show its start (the host and the path) and the whole
    // line on hover.
    m_requestLine->setCursorPosition(0);
    m_requestLine->setToolTip(m_requestLine->text());
    // The model holds the real token so Reveal can show it; it displays it redacted.
    m_model->setHeaders(e.requestHeadersFor(Nh::Reveal::Yes), Nh::HeaderModel::Origin::Sent);
    m_table->resizeColumnToContents(Nh::HeaderModel::Name);

    if (e.token) {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const qint64 left = e.token->secondsLeft(now);
        const QString when = e.token->expiresAt().toString(u"yyyy-MM-dd HH:mm:ss"_s);
        const QString relative = left >= 0
            ? tr("in %n min", nullptr, int((left + 59) / 60))
            : tr("expired %n min ago", nullptr, int((-left + 59) / 60));
        m_sasInfo->setText(tr("SAS token signed with rule <b>%1</b> for <tt>%2</tt>; expires %3 "
                              "UTC (%4).")
                               .arg(e.token->keyName.toHtmlEscaped(),
                                    e.token->resource.toHtmlEscaped(), when, relative));
        m_sasInfo->show();
    } else {
        m_sasInfo->clear();
        m_sasInfo->hide();
    }

    m_body->clearError();
    const QByteArray pretty = [&] {
        if (auto json = PayloadEditor::prettyJson(e.requestBody))
            return *json;
        if (e.requestBody.trimmed().startsWith('<')) {
            if (auto xml = Nh::Xml::pretty(e.requestBody))
                return *xml;
        }
        return e.requestBody;
    }();
    m_body->setPlainText(QString::fromUtf8(pretty));
    m_body->guessSyntax();
    m_bodyTitle->setText(e.requestBody.isEmpty()
                             ? tr("<b>Body</b> (none)")
                             : tr("<b>Body</b> — %n byte(s) sent, shown indented", nullptr,
                                  int(e.requestBody.size())));
}

void HeadersView::clear()
{
    m_requestLine->clear();
    m_requestLine->setToolTip({});
    m_model->setRows({});
    m_sasInfo->clear();
    m_sasInfo->hide();
    m_body->clear();
    m_bodyTitle->setText(tr("<b>Body</b>"));
}

void HeadersView::setReveal(Nh::Reveal reveal)
{
    m_model->setReveal(reveal);
}

void HeadersView::setForeignRequest(bool foreign)
{
    m_foreign = foreign;
    updateTransportNote();
}

void HeadersView::updateTransportNote()
{
    m_transportNote->setText(
        m_foreign ? tr("Headers as the emulator received them from the client that sent this "
                       "request.")
                  : tr("Headers as nhconsole built them. Qt adds Host, Content-Length, "
                       "Connection and Accept-Encoding when it sends; they are not listed."));
}

void HeadersView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        m_proxy->setPalette(palette());
}
