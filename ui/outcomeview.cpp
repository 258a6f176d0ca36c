// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "outcomeview.h"

#include "client/explainer.h"
#include "client/templaterendering.h"
#include "models/headermodel.h"
#include "models/outcomemodel.h"
#include "payloadeditor.h"
#include "protocol/operation.h"
#include "renderedpayloadview.h"
#include "splitterfit.h"
#include "statusdecorationproxy.h"
#include "theme.h"
#include "wrappingdelegate.h"

#include <QAction>
#include <QDesktopServices>
#include <QEvent>
#include <QFormLayout>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QResizeEvent>
#include <QScrollArea>
#include <QScrollBar>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QUrl>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace {

QTableView *makeTable(QWidget *parent, const QString &name)
{
    auto *t = new QTableView(parent);
    t->setObjectName(name);
    t->verticalHeader()->hide();
    t->horizontalHeader()->setStretchLastSection(true);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setAlternatingRowColors(true);
    t->setWordWrap(false);
    t->verticalHeader()->setDefaultSectionSize(t->fontMetrics().height() + 8);
    return t;
}

QString milliseconds(qint64 ms)
{
    return ms < 0 ? OutcomeView::tr("—") : OutcomeView::tr("%1 ms").arg(ms);
}

} // namespace

OutcomeView::OutcomeView(QWidget *parent)
    : QWidget(parent)
    , m_outcomeModel(new Nh::OutcomeModel(this))
    , m_outcomeProxy(new StatusDecorationProxy(StatusDecorationProxy::Kind::Outcome, this))
    , m_responseHeaders(new Nh::HeaderModel(this))
    , m_responseProxy(new StatusDecorationProxy(StatusDecorationProxy::Kind::Headers, this))
{
    m_outcomeProxy->setSourceModel(m_outcomeModel);
    m_responseProxy->setSourceModel(m_responseHeaders);

    // --- banner ---
    m_banner = new QFrame(this);
    m_banner->setObjectName(u"resultBanner"_s);
    m_banner->setFrameShape(QFrame::StyledPanel);
    m_bannerIcon = new QLabel(m_banner);
    m_bannerIcon->setFixedSize(32, 32);
    m_title = new QLabel(m_banner);
    m_title->setObjectName(u"resultTitle"_s);
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.25);
    big.setBold(true);
    m_title->setFont(big);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_sentence = new QLabel(m_banner);
    m_sentence->setObjectName(u"resultSentence"_s);
    m_sentence->setWordWrap(true);
    m_sentence->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_detail = new QLabel(m_banner);
    m_detail->setObjectName(u"hubDetail"_s);
    m_detail->setWordWrap(true);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_detail->setTextFormat(Qt::PlainText);
    m_advice = new QLabel(m_banner);
    m_advice->setObjectName(u"resultAdvice"_s);
    m_advice->setWordWrap(true);
    m_advice->setTextInteractionFlags(Qt::TextBrowserInteraction);
    // The Hub page link stays in the application; the docs open in the browser.
    connect(m_advice, &QLabel::linkActivated, this, [this](const QString &link) {
        if (link == kHubPageLink)
            emit hubPageRequested();
        else
            QDesktopServices::openUrl(QUrl(link));
    });
    auto *bannerText = new QVBoxLayout;
    bannerText->addWidget(m_title);
    bannerText->addWidget(m_sentence);
    bannerText->addWidget(m_detail);
    bannerText->addWidget(m_advice);
    auto *bannerLayout = new QHBoxLayout(m_banner);
    bannerLayout->addWidget(m_bannerIcon, 0, Qt::AlignTop);
    bannerLayout->addLayout(bannerText, 1);
    m_bannerScroll = new QScrollArea(this);
    m_bannerScroll->setObjectName(u"resultBannerScroll"_s);
    m_bannerScroll->setWidget(m_banner);
    m_bannerScroll->setWidgetResizable(true);
    m_bannerScroll->setFrameShape(QFrame::NoFrame);
    m_bannerScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    m_summary = new QLabel(this);
    m_summary->setObjectName(u"outcomeSummary"_s);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);

    // --- results tab ---
    m_resultsTable = makeTable(this, u"resultsTable"_s);
    m_resultsTable->setModel(m_outcomeProxy);
    // A row per registration: the result in a word or two, then the hub's own sentence, whole:
    // it wraps in its column (issue #16). Ids are recognised by their start and end, elided in
    // the middle, whole on hover and in the detail under the table.
    m_resultsTable->setTextElideMode(Qt::ElideMiddle);
    WrappingDelegate::install(m_resultsTable, {Nh::OutcomeModel::Outcome});
    m_resultsTable->horizontalHeader()->setSectionResizeMode(Nh::OutcomeModel::Outcome,
                                                             QHeaderView::Stretch);
    connect(m_resultsTable, &QTableView::activated, this, [this](const QModelIndex &index) {
        const QString id =
            index.siblingAtColumn(Nh::OutcomeModel::RegistrationId).data().toString();
        if (!id.isEmpty())
            emit registrationActivated(id);
    });
    // Issue #19: "Why?" diagnoses the row's registration with this exchange as the send.
    m_whyAction = new QAction(tr("Why? Dia&gnose This Registration…"), this);
    m_whyAction->setObjectName(u"actionWhyDiagnose"_s);
    connect(m_whyAction, &QAction::triggered, this, [this] {
        const QString id = m_resultsTable->currentIndex()
                               .siblingAtColumn(Nh::OutcomeModel::RegistrationId)
                               .data()
                               .toString();
        if (!id.isEmpty())
            emit diagnoseRequested(id);
    });
    m_resultsTable->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_resultsTable->addAction(m_whyAction);
    m_resultsPlaceholder = new QLabel(this);
    m_resultsPlaceholder->setObjectName(u"resultsPlaceholder"_s);
    m_resultsPlaceholder->setWordWrap(true);
    m_resultsPlaceholder->setAlignment(Qt::AlignCenter);
    m_resultsPlaceholder->setMargin(24);
    // Under the table, the current row's ids and the hub's words whole: the table elides them
    // at the usual pane width.
    m_resultDetail = new QLabel(this);
    m_resultDetail->setObjectName(u"resultDetail"_s);
    m_resultDetail->setWordWrap(true);
    m_resultDetail->setTextInteractionFlags(Qt::TextBrowserInteraction);
    connect(m_resultDetail, &QLabel::linkActivated, m_whyAction, &QAction::trigger);
    m_resultDetail->setContentsMargins(4, 4, 4, 4);
    m_resultDetail->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    // In a scroll area below a splitter handle: a long explanation never pushes the window's
    // other panes smaller, and the user chooses how much room each half gets.
    // A template send: the current result's payload, as rendered from its template and the
    // properties sent, under what the hub said about it.
    m_rendered = new RenderedPayloadView(this);
    auto *detailPane = new QWidget(this);
    auto *detailLayout = new QVBoxLayout(detailPane);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    detailLayout->addWidget(m_resultDetail);
    detailLayout->addWidget(m_rendered, 1);
    auto *detailScroll = new QScrollArea(this);
    detailScroll->setObjectName(u"resultDetailScroll"_s);
    detailScroll->setWidget(detailPane);
    detailScroll->setWidgetResizable(true);
    detailScroll->setFrameShape(QFrame::NoFrame);
    detailScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    // Two lines at least (it scrolls), not a scroll bar's own minimum: the rows come first.
    detailScroll->setMinimumHeight(fontMetrics().lineSpacing() * 2 + 8);
    auto *resultsSplit = new QSplitter(Qt::Vertical, this);
    resultsSplit->setObjectName(u"resultsSplitter"_s);
    resultsSplit->addWidget(m_resultsTable);
    resultsSplit->addWidget(detailScroll);
    resultsSplit->setStretchFactor(0, 3);
    resultsSplit->setStretchFactor(1, 1);
    resultsSplit->setChildrenCollapsible(false);
    // Every registration's row in view above the detail (its rows wrap the hub's words); but a
    // template send's detail holds the rendered payload a row is selected for, so it keeps
    // two fifths of the page.
    keepRowsInView(resultsSplit, m_resultsTable, [this, resultsSplit] {
        const int lines = fontMetrics().lineSpacing() * 2;
        return m_templateSend ? qMax(lines, resultsSplit->height() * 2 / 5) : lines;
    });
    m_resultsPage = resultsSplit;
    m_splitters.append(resultsSplit);
    connect(m_resultsTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &OutcomeView::showResultDetail);
    m_resultsStack = new QStackedWidget(this);
    m_resultsStack->addWidget(m_resultsPlaceholder);
    m_resultsStack->addWidget(m_resultsPage);

    // --- response tab ---
    auto *response = new QWidget(this);
    m_responseStatus = new QLabel(response);
    m_responseStatus->setObjectName(u"responseStatus"_s);
    m_responseStatus->setFont(Theme::monospace());
    m_responseStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_responseTable = makeTable(response, u"responseHeadersTable"_s);
    m_responseTable->setModel(m_responseProxy);
    m_rawResponse = new PayloadEditor(response);
    m_rawResponse->setObjectName(u"rawResponse"_s);
    m_rawResponse->setReadOnly(true);
    m_rawResponse->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    auto *responseSplit = new QSplitter(Qt::Vertical, response);
    responseSplit->setObjectName(u"responseSplitter"_s);
    responseSplit->addWidget(m_responseTable);
    responseSplit->addWidget(m_rawResponse);
    m_splitters.append(responseSplit);
    auto *responseLayout = new QVBoxLayout(response);
    responseLayout->addWidget(m_responseStatus);
    responseLayout->addWidget(responseSplit, 1);

    // --- timings tab ---
    auto *timings = new QWidget(this);
    m_timings = new QLabel(timings);
    m_timings->setObjectName(u"timingsSummary"_s);
    m_timings->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_attempts = new QTableWidget(0, 4, timings);
    m_attempts->setObjectName(u"attemptsTable"_s);
    m_attempts->setHorizontalHeaderLabels(
        {tr("Started (UTC)"), tr("Status"), tr("Duration"), tr("Retry-After")});
    m_attempts->verticalHeader()->hide();
    m_attempts->horizontalHeader()->setStretchLastSection(true);
    m_attempts->setEditTriggers(QAbstractItemView::NoEditTriggers);
    auto *timingsLayout = new QVBoxLayout(timings);
    timingsLayout->addWidget(m_timings);
    timingsLayout->addWidget(m_attempts, 1);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(u"outcomeTabs"_s);
    m_tabs->addTab(m_resultsStack, tr("Registrations"));
    m_tabs->addTab(response, tr("Response"));
    m_tabs->addTab(timings, tr("Timings"));

    auto *title = new QLabel(tr("<b>Response</b>"), this);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(title);
    layout->addWidget(m_bannerScroll);
    layout->addWidget(m_summary);
    layout->addWidget(m_tabs, 1);
    clear();
}

QString OutcomeView::outcomeState(const Nh::Exchange &e)
{
    // The SDKs' NotificationOutcomeState: DetailedStateAvailable for a parsed test-send body,
    // Enqueued for any other accepted send, NoTargetFound when nothing matched.
    if (!e.ok())
        return {};
    if (e.result == Nh::ExchangeResult::NoTargets)
        return u"NoTargetFound"_s;
    if (e.outcome)
        return u"DetailedStateAvailable"_s;
    if (e.operation.startsWith(Nh::operationName(Nh::Operation::Send)))
        return u"Enqueued"_s;
    return {};
}

void OutcomeView::setExchange(const Nh::Exchange &e)
{
    showBanner(e);

    QStringList summary;
    if (e.outcome) {
        summary << tr("Success <b>%1</b>").arg(e.outcome->success)
                << tr("Failure <b>%1</b>").arg(e.outcome->failure);
    }
    if (const QString state = outcomeState(e); !state.isEmpty())
        summary << tr("State <b>%1</b>").arg(state);
    if (!e.notificationId.isEmpty())
        summary << tr("Notification id <tt>%1</tt>").arg(e.notificationId.toHtmlEscaped());
    if (!e.trackingId.isEmpty())
        summary << tr("Tracking id <tt>%1</tt>").arg(e.trackingId.toHtmlEscaped());
    m_summary->setText(summary.join(u" · "_s));
    m_summary->setVisible(!summary.isEmpty());

    // Results.
    m_templateSend = Nh::isTemplateSendWithResults(e);
    m_renderedPayloads = e.rendered;
    m_renderingPending = false;
    m_rendered->setVisible(m_templateSend);
    m_outcomeModel->setOutcome(e.outcome.value_or(Nh::NotificationOutcome {}),
                               m_templateSend ? Nh::SentPayload::Template
                                              : Nh::SentPayload::Native);
    const int rows = m_outcomeModel->rowCount();
    m_tabs->setTabText(ResultsTab,
                       rows > 0 ? tr("Registrations (%1)").arg(rows) : tr("Registrations"));
    if (rows > 0) {
        m_resultsStack->setCurrentWidget(m_resultsPage);
        fitResultColumns();
        // The first failure is what the user came for; otherwise the first row.
        int row = 0;
        for (int r = 0; r < rows; ++r) {
            if (!m_outcomeModel->index(r, 0).data(Nh::OutcomeModel::SucceededRole).toBool()) {
                row = r;
                break;
            }
        }
        m_resultsTable->setCurrentIndex(m_outcomeProxy->index(row, 0));
        revealCurrentResult();
        if (m_templateSend) {
            // The rows need little room (ten at most); the rendered payload below needs more.
            // Once laid out: the page was hidden until now.
            QMetaObject::invokeMethod(
                this,
                [this, rows] {
                    auto *split = qobject_cast<QSplitter *>(m_resultsPage);
                    const int total = split->height();
                    const int table = m_resultsTable->horizontalHeader()->height()
                        + m_resultsTable->verticalHeader()->defaultSectionSize() * rows
                        + m_resultsTable->frameWidth() * 2;
                    if (total > 0)
                        split->setSizes({qMin(table, total / 2), total - qMin(table, total / 2)});
                },
                Qt::QueuedConnection);
        }
    } else {
        m_resultsStack->setCurrentWidget(m_resultsPlaceholder);
        QString why;
        if (e.result == Nh::ExchangeResult::NoTargets)
            why = tr("No registration matched this format and target, so the hub reached no "
                     "device.");
        else if (e.ok() && e.operation.startsWith(Nh::operationName(Nh::Operation::Send))
                 && e.operation != Nh::operationName(Nh::Operation::SendTest))
            why = tr("The hub reports each registration's outcome only for test sends. Turn on "
                     "Test send in the composer to see them.");
        else if (!e.ok())
            why = tr("No outcome: the request did not succeed. The banner above says why; the "
                     "Response tab has the hub's answer.");
        m_resultsPlaceholder->setText(why);
    }

    // Response.
    if (e.status > 0) {
        //: The response's status line, e.g. "HTTP 201 Created"
        m_responseStatus->setText(
            tr("HTTP %1 %2").arg(e.status).arg(QString::fromUtf8(e.reasonPhrase)));
    } else {
        m_responseStatus->setText(tr("No HTTP response"));
    }
    m_responseHeaders->setHeaders(e.responseHeaders, Nh::HeaderModel::Origin::Received);
    m_responseTable->resizeColumnToContents(Nh::HeaderModel::Name);
    m_rawResponse->setPlainText(QString::fromUtf8(e.responseBody));
    m_rawResponse->guessSyntax();

    // Timings.
    m_timings->setText(tr("Time to first byte: <b>%1</b> · Total: <b>%2</b> · Attempts: <b>%3</b>")
                           .arg(milliseconds(e.timeToFirstByteMs), milliseconds(e.totalMs))
                           .arg(e.attempts.size()));
    m_attempts->setRowCount(int(e.attempts.size()));
    for (int i = 0; i < e.attempts.size(); ++i) {
        const Nh::Attempt &a = e.attempts.at(i);
        const QStringList cells {
            a.started.toUTC().toString(u"HH:mm:ss.zzz"_s),
            a.status > 0 ? QString::number(a.status) : tr("none"),
            milliseconds(a.totalMs),
            a.retryAfterSeconds >= 0 ? tr("%1 s").arg(a.retryAfterSeconds) : QString(),
        };
        for (int c = 0; c < cells.size(); ++c)
            m_attempts->setItem(i, c, new QTableWidgetItem(cells.at(c)));
    }

    // A failure is read on the response; a success on its results.
    m_tabs->setCurrentIndex(!e.ok() && e.status > 0 ? ResponseTab : ResultsTab);
}

void OutcomeView::showBanner(const Nh::Exchange &e)
{
    Theme::Tone tone = Theme::Tone::Neutral;
    QString title;
    QString sentence = e.errorSentence;
    const QString status = e.status > 0
        ? u"%1 %2 · "_s.arg(e.status).arg(QString::fromUtf8(e.reasonPhrase))
        : QString();
    switch (e.result) {
    case Nh::ExchangeResult::Success:
        if (e.outcome) {
            tone = e.outcome->failure > 0 ? Theme::Tone::Warning : Theme::Tone::Success;
            title = status
                + tr("%1 delivered, %2 failed").arg(e.outcome->success).arg(e.outcome->failure);
            if (sentence.isEmpty())
                sentence = tr("The hub passed the test send to the push services of %n "
                              "registration(s); each one's outcome is below.",
                              nullptr, int(e.outcome->results.size()));
        } else {
            tone = Theme::Tone::Success;
            title = status + Nh::exchangeResultDisplayName(e.result);
            if (sentence.isEmpty()
                && e.operation.startsWith(Nh::operationName(Nh::Operation::Send)))
                sentence = tr("The hub accepted the notification. Only a test send says which "
                              "registrations it reached.");
        }
        break;
    case Nh::ExchangeResult::NoTargets:
        tone = Theme::Tone::Warning;
        title = status + Nh::exchangeResultDisplayName(e.result);
        break;
    case Nh::ExchangeResult::Cancelled:
    case Nh::ExchangeResult::Pending:
        tone = Theme::Tone::Info;
        title = Nh::exchangeResultDisplayName(e.result);
        break;
    default:
        tone = Theme::Tone::Failure;
        title = status + Nh::exchangeResultDisplayName(e.result);
        break;
    }
    m_title->setText(title);
    m_sentence->setText(sentence);
    m_sentence->setVisible(!sentence.isEmpty());

    // The client's sentence quotes the hub's detail without the TrackingId/TimeStamp trailer
    // the hub appends (the tracking id is shown below): say the detail once.
    const QString detail = e.hubError ? e.hubError->detail.trimmed() : QString();
    QString core = detail;
    if (const qsizetype trailer = core.indexOf(u"TrackingId:"_s, 0, Qt::CaseInsensitive);
        trailer > 0)
        core = core.left(trailer);
    while (core.endsWith(u'.') || core.endsWith(u' '))
        core.chop(1);
    const bool quoted = !core.isEmpty() && sentence.contains(core);
    m_detail->setText(detail.isEmpty() || quoted ? QString() : tr("The hub said: %1").arg(detail));
    m_detail->setVisible(!detail.isEmpty() && !quoted);

    const Nh::Explanation why = Nh::explain(e);
    QStringList advice;
    // The sentence usually already gives the cause; the next step is what people look for.
    if (!why.cause.isEmpty() && !sentence.contains(why.cause))
        advice << why.cause.toHtmlEscaped();
    if (!why.nextStep.isEmpty())
        advice << tr("<b>Next:</b> %1").arg(why.nextStep.toHtmlEscaped());
    if (why.hubConfiguration)
        advice << u"<a href=\"%1\">%2</a>"_s.arg(
            QString(kHubPageLink),
            tr("Open the Hub page to see the hub's configuration").toHtmlEscaped());
    if (!why.docsHint.isEmpty())
        advice << u"<a href=\"%1\">%1</a>"_s.arg(why.docsHint.toHtmlEscaped());
    m_advice->setText(advice.join(u"<br>"_s));
    m_advice->setVisible(!advice.isEmpty());
    m_tone = int(tone);
    applyTone();
    m_bannerScroll->show();
    fitBanner();
}

void OutcomeView::fitBanner()
{
    if (!m_bannerScroll->isVisibleTo(this))
        return;
    // The scroll area spans the view (no margins); its viewport may not be laid out yet.
    const int available = qMax(width() - m_bannerScroll->frameWidth() * 2, 200);
    int wanted = m_banner->hasHeightForWidth() ? m_banner->heightForWidth(available) : -1;
    if (wanted < 0)
        wanted = m_banner->sizeHint().height();
    // At most half the pane (but room for a few lines): the tabs stay usable.
    const int cap = qMax(fontMetrics().height() * 6, height() / 2);
    m_bannerScroll->setFixedHeight(qMin(wanted, cap));
}

void OutcomeView::fitResultColumns()
{
    if (m_outcomeModel->rowCount() == 0)
        return;
    // Platform and result fit whole; ids are recognised by their start and end; the hub's
    // sentence gets what is left and wraps in it, so the table never needs a horizontal
    // scroll bar. In a narrow pane (the composer open beside it) the ids give way first, down
    // to a few characters: the hub's words keep a dozen ems at least.
    m_resultsTable->resizeColumnsToContents();
    const int em = fontMetrics().horizontalAdvance(u'M');
    QHeaderView *header = m_resultsTable->horizontalHeader();
    const int fixed = m_resultsTable->columnWidth(Nh::OutcomeModel::Platform)
        + m_resultsTable->columnWidth(Nh::OutcomeModel::Result);
    const int share = (m_resultsTable->viewport()->width() - fixed - 12 * em) / 2;
    for (const int column : {Nh::OutcomeModel::Handle, Nh::OutcomeModel::RegistrationId}) {
        const int cap = qBound(4 * em, share, qMax(8 * em, header->sectionSizeHint(column)));
        m_resultsTable->setColumnWidth(column, qMin(m_resultsTable->columnWidth(column), cap));
    }
}

void OutcomeView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    if (event->size().width() != event->oldSize().width()
        || event->size().height() != event->oldSize().height()) {
        fitResultColumns();
        fitBanner();
        revealCurrentResult();
    }
}

void OutcomeView::applyTone()
{
    const auto tone = Theme::Tone(m_tone);
    Theme::paintBanner(m_banner, tone);
    m_bannerIcon->setPixmap(Theme::toneIcon(tone).pixmap(32, 32));
    Theme::paintLabel(m_title, tone);
    m_outcomeProxy->setPalette(palette());
    m_responseProxy->setPalette(palette());
    if (m_resultDetail)
        showResultDetail(m_resultsTable->currentIndex());
}

void OutcomeView::clear()
{
    m_tone = int(Theme::Tone::Neutral);
    m_bannerScroll->hide();
    m_summary->hide();
    m_outcomeModel->clear();
    m_responseHeaders->setRows({});
    m_rawResponse->clear();
    m_responseStatus->clear();
    m_timings->clear();
    m_attempts->setRowCount(0);
    m_templateSend = false;
    m_renderedPayloads.clear();
    m_rendered->hide();
    m_resultsPlaceholder->setText(tr("Press Send (Ctrl+Enter) to see the hub's answer here: "
                                     "each registration the test send reached, its outcome and "
                                     "what it means."));
    m_resultsStack->setCurrentWidget(m_resultsPlaceholder);
    m_tabs->setTabText(ResultsTab, tr("Registrations"));
}

void OutcomeView::revealCurrentResult()
{
    // Queued: once the rows and the pane's new size are laid out, however short the pane, the
    // chosen result (the first failure) is in view.
    QMetaObject::invokeMethod(
        m_resultsTable,
        [table = m_resultsTable] {
            if (table->currentIndex().isValid())
                table->scrollTo(table->currentIndex());
        },
        Qt::QueuedConnection);
}

void OutcomeView::setRenderedPayloads(const QList<Nh::RenderedPayload> &payloads, bool pending)
{
    m_renderedPayloads = payloads;
    m_renderingPending = pending;
    showRendered(m_resultsTable->currentIndex());
}

void OutcomeView::showRendered(const QModelIndex &current)
{
    if (!m_templateSend)
        return;
    const QString id = current.isValid()
        ? current.siblingAtColumn(Nh::OutcomeModel::RegistrationId).data().toString()
        : QString();
    for (const Nh::RenderedPayload &p : std::as_const(m_renderedPayloads)) {
        if (!id.isEmpty() && p.registrationId == id) {
            m_rendered->setPayload(p);
            return;
        }
    }
    m_rendered->clear(m_renderingPending
                          ? tr("Rendering this registration's template…")
                          : tr("No rendered payload was kept for this registration."));
}

void OutcomeView::showResultDetail(const QModelIndex &current)
{
    showRendered(current);
    if (!current.isValid()) {
        m_resultDetail->setText(tr("Select a registration to read its whole result here."));
        return;
    }
    const auto cell = [&current](int column) {
        return current.siblingAtColumn(column).data().toString().toHtmlEscaped();
    };
    const bool ok = current.data(Nh::OutcomeModel::SucceededRole).toBool();
    const QString outcome = u"<span style=\"color:%1\">%2</span>"_s.arg(
        Theme::foreground(ok ? Theme::Tone::Success : Theme::Tone::Failure, palette()).name(),
        cell(Nh::OutcomeModel::Outcome));
    // The row whole: who, what the hub said, what it means and what to do about it.
    const QString text =
        tr("<b>%1</b> · registration <tt>%2</tt> · handle <tt>%3</tt>")
            .arg(cell(Nh::OutcomeModel::Platform), cell(Nh::OutcomeModel::RegistrationId),
                 cell(Nh::OutcomeModel::Handle))
        + u"<br>"_s + outcome + u"<br>"_s
        + tr("%1 <b>Next:</b> %2")
              .arg(current.data(Nh::OutcomeModel::CauseRole).toString().toHtmlEscaped(),
                   current.data(Nh::OutcomeModel::NextStepRole).toString().toHtmlEscaped())
        + u" <a href=\"nhconsole:why\">"_s + tr("Why? Diagnose this registration") + u"</a>"_s;
    m_resultDetail->setText(text);
}

void OutcomeView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_banner)
        applyTone();
}
