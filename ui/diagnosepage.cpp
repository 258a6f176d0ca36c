// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "diagnosepage.h"

#include "client/hubclient.h"
#include "confirm.h"
#include "diagnoseform.h"
#include "diagnosis/diagnosisengine.h"
#include "diagnosis/diagnosisexport.h"
#include "diagnosischeckcard.h"
#include "exportfile.h"
#include "store/historystore.h"
#include "theme.h"

#include <QAction>
#include <QDir>
#include <QFrame>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QSplitter>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr int kBannerIcon = 32;

QString defaultChoosePath(QWidget *parent, const QString &fileName, const QString &filter)
{
    return ExportFile::askPath(parent, DiagnosePage::tr("Export the Diagnosis"),
                               QDir::home().filePath(fileName), filter);
}

} // namespace

DiagnosePage::DiagnosePage(Nh::HubClient *client, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_engine(new Nh::DiagnosisEngine(client, this))
    , m_chooser(&defaultChoosePath)
{
    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(u"diagnoseSplitter"_s);
    m_splitter->addWidget(buildQuestion());
    m_splitter->addWidget(buildAnswer());
    m_splitter->setStretchFactor(0, 2);
    m_splitter->setStretchFactor(1, 5);
    m_splitter->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_splitter);
    connectEngine();
    renderReport();
}

DiagnosePage::~DiagnosePage() = default;

QWidget *DiagnosePage::buildQuestion()
{
    m_form = new DiagnoseForm(this);
    m_form->setObjectName(u"diagnoseForm"_s);
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(u"diagnoseFormScroll"_s);
    scroll->setWidget(m_form);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    m_diagnoseButton = new QPushButton(tr("&Diagnose"), this);
    m_diagnoseButton->setObjectName(u"diagnoseButton"_s);
    m_diagnoseButton->setDefault(true);
    m_diagnoseButton->setToolTip(tr("Runs the checks for this device; they only read, nothing "
                                    "is sent to the device"));
    connect(m_diagnoseButton, &QPushButton::clicked, this, &DiagnosePage::diagnose);
    connect(m_form, &DiagnoseForm::submitted, this, &DiagnosePage::diagnose);
    connect(m_form, &DiagnoseForm::subjectChanged, this, [this] {
        m_formProblem.clear();
        updateActions();
    });
    m_formNote = new QLabel(this);
    m_formNote->setObjectName(u"diagnoseFormNote"_s);
    m_formNote->setWordWrap(true);
    Theme::paintLabel(m_formNote, Theme::Tone::Failure);

    auto *question = new QWidget(this);
    auto *layout = new QVBoxLayout(question);
    layout->setContentsMargins(0, 0, 4, 0);
    layout->addWidget(scroll, 1);
    layout->addWidget(m_formNote);
    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(m_diagnoseButton);
    layout->addLayout(row);
    return question;
}

QWidget *DiagnosePage::buildBanner()
{
    m_banner = new QFrame(this);
    m_banner->setObjectName(u"diagnoseVerdictBanner"_s);
    m_banner->setFrameShape(QFrame::StyledPanel);
    m_bannerIcon = new QLabel(m_banner);
    m_bannerIcon->setFixedSize(kBannerIcon, kBannerIcon);
    m_verdict = new QLabel(m_banner);
    m_verdict->setObjectName(u"diagnoseVerdict"_s);
    m_verdict->setWordWrap(true);
    m_verdict->setTextFormat(Qt::PlainText);
    m_verdict->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont big = m_verdict->font();
    big.setPointSizeF(big.pointSizeF() * 1.25);
    big.setBold(true);
    m_verdict->setFont(big);
    m_subtitle = new QLabel(m_banner);
    m_subtitle->setObjectName(u"diagnoseSubtitle"_s);
    m_subtitle->setWordWrap(true);
    m_subtitle->setTextFormat(Qt::PlainText);
    m_subtitle->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *text = new QVBoxLayout;
    text->addWidget(m_verdict);
    text->addWidget(m_subtitle);
    auto *layout = new QHBoxLayout(m_banner);
    layout->addWidget(m_bannerIcon, 0, Qt::AlignTop);
    layout->addLayout(text, 1);
    return m_banner;
}

QWidget *DiagnosePage::buildAnswer()
{
    m_progressRow = new QWidget(this);
    m_progress = new QProgressBar(m_progressRow);
    m_progress->setObjectName(u"diagnoseProgress"_s);
    m_progress->setMaximumWidth(220);
    m_step = new QLabel(m_progressRow);
    m_step->setObjectName(u"diagnoseStep"_s);
    m_cancelButton = new QPushButton(Theme::icon(u"cancel"_s), tr("Cancel"), m_progressRow);
    m_cancelButton->setObjectName(u"diagnoseCancelButton"_s);
    connect(m_cancelButton, &QPushButton::clicked, this, &DiagnosePage::cancel);
    auto *progressLayout = new QHBoxLayout(m_progressRow);
    progressLayout->setContentsMargins(0, 0, 0, 0);
    progressLayout->addWidget(m_progress);
    progressLayout->addWidget(m_step, 1);
    progressLayout->addWidget(m_cancelButton);
    m_progressRow->hide();

    auto *cards = new QWidget(this);
    cards->setObjectName(u"diagnoseChecks"_s);
    m_cardsLayout = new QVBoxLayout(cards);
    m_cardsLayout->setContentsMargins(0, 0, 0, 0);
    m_cardsLayout->setSpacing(4);
    for (const Nh::DiagnosisCheckId id : Nh::allDiagnosisChecks()) {
        auto *card = new DiagnosisCheckCard(id, cards);
        connect(card, &DiagnosisCheckCard::exchangeActivated, this, &DiagnosePage::openEvidence);
        m_cards.insert(id, card);
        m_cardsLayout->addWidget(card);
    }
    m_cardsLayout->addStretch(1);
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(u"diagnoseChecksScroll"_s);
    scroll->setWidget(cards);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_checksScroll = scroll;

    auto *answer = new QWidget(this);
    auto *layout = new QVBoxLayout(answer);
    layout->setContentsMargins(4, 0, 0, 0);
    layout->addWidget(buildBanner());
    layout->addWidget(m_progressRow);
    layout->addWidget(scroll, 1);
    layout->addWidget(buildActions());
    return answer;
}

QWidget *DiagnosePage::buildActions()
{
    auto *bar = new QWidget(this);
    m_sendTestButton =
        new QPushButton(Theme::icon(u"send"_s), tr("&Send Test to This Device"), bar);
    m_sendTestButton->setObjectName(u"diagnoseSendTestButton"_s);
    m_sendTestButton->setToolTip(tr("A test send that only this device can receive (check 8); "
                                    "it shows on the device"));
    connect(m_sendTestButton, &QPushButton::clicked, this, &DiagnosePage::sendTest);
    m_sendDirectButton = new QPushButton(tr("Send Di&rectly…"), bar);
    m_sendDirectButton->setObjectName(u"diagnoseSendDirectButton"_s);
    m_sendDirectButton->setToolTip(tr("A real send to this device's handle, then the hub's "
                                      "per-message telemetry (Standard tier); asks first"));
    connect(m_sendDirectButton, &QPushButton::clicked, this, &DiagnosePage::sendDirect);
    m_sendNote = new QLabel(bar);
    m_sendNote->setObjectName(u"diagnoseSendNote"_s);
    m_sendNote->setWordWrap(true);

    m_exportMarkdown = new QAction(tr("Export as &Markdown…"), this);
    m_exportMarkdown->setObjectName(u"actionExportDiagnosisMarkdown"_s);
    connect(m_exportMarkdown, &QAction::triggered, this,
            [this] { exportReport(ExportKind::Markdown); });
    m_exportJson = new QAction(tr("Export as &JSON…"), this);
    m_exportJson->setObjectName(u"actionExportDiagnosisJson"_s);
    connect(m_exportJson, &QAction::triggered, this, [this] { exportReport(ExportKind::Json); });
    m_exportButton = new QToolButton(bar);
    m_exportButton->setObjectName(u"diagnoseExportButton"_s);
    m_exportButton->setText(tr("Export"));
    m_exportButton->setIcon(Theme::icon(u"save"_s));
    m_exportButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_exportButton->setPopupMode(QToolButton::InstantPopup);
    auto *menu = new QMenu(m_exportButton);
    menu->addActions({m_exportMarkdown, m_exportJson});
    m_exportButton->setMenu(menu);

    auto *layout = new QHBoxLayout(bar);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addWidget(m_sendTestButton);
    layout->addWidget(m_sendDirectButton);
    layout->addWidget(m_sendNote, 1);
    layout->addWidget(m_exportButton);
    return bar;
}

void DiagnosePage::connectEngine()
{
    connect(m_engine, &Nh::DiagnosisEngine::progress, this,
            [this](int done, int total, const QString &step) {
                m_progress->setRange(0, qMax(total, 1));
                m_progress->setValue(qBound(0, done, qMax(total, 1)));
                m_step->setText(step);
            });
    connect(m_engine, &Nh::DiagnosisEngine::checkFinished, this, &DiagnosePage::onCheckFinished);
    connect(m_engine, &Nh::DiagnosisEngine::exchangeAdded, this, [this](const Nh::Exchange &e) {
        if (m_explicitSend)
            emit exchangeFinished(e);
    });
    connect(m_engine, &Nh::DiagnosisEngine::finished, this, &DiagnosePage::onFinished);
}

void DiagnosePage::setHistory(std::function<Nh::HistoryStore *()> history)
{
    m_form->setHistory(history);
    Nh::HistoryStore *store = history ? history() : nullptr;
    m_engine->setHistory(store ? &store->reader() : nullptr);
    m_form->reloadHistory();
}

void DiagnosePage::setProfileName(const QString &name)
{
    m_engine->setProfileName(name);
}

void DiagnosePage::setConnected(bool connected, const QString &note)
{
    m_connected = connected;
    m_connectionNote = note;
    if (!connected && m_busy)
        cancel();
    updateActions();
}

// --- entry points ----------------------------------------------------------------------------

void DiagnosePage::diagnoseRegistration(const QString &registrationId,
                                        const std::optional<Nh::Exchange> &send)
{
    Nh::DiagnosisSubject subject;
    subject.kind = Nh::DiagnosisSubject::Kind::Registration;
    subject.value = registrationId;
    m_form->setSubject(subject);
    if (send)
        m_form->setHistoryExchange(*send);
    else
        m_form->clearSend();
    diagnose();
}

void DiagnosePage::diagnoseWithSend(const Nh::Exchange &exchange)
{
    m_form->setHistoryExchange(exchange);
    m_form->askForSubject();
    m_formProblem.clear();
    updateActions();
    emit message(tr("Name the device that did not get this send, then press Diagnose."));
}

// --- running ---------------------------------------------------------------------------------

void DiagnosePage::diagnose()
{
    if (!m_connected || !m_form->hasSubject())
        return;
    const auto send = m_form->send();
    if (!send) {
        m_formProblem = send.error().message;
        updateActions();
        return;
    }
    m_formProblem.clear();
    m_explicitSend = false;
    for (DiagnosisCheckCard *card : std::as_const(m_cards)) {
        card->setExpanded(false);
        card->setPending(card->id() != Nh::DiagnosisCheckId::TestSend);
    }
    m_progress->setRange(0, 0);
    m_step->setText(tr("Starting…"));
    m_engine->start(m_form->subject(), send.value());
    m_report = m_engine->report();
    m_hasReport = true;
    m_fromEngine = true;
    setBusy(true);
    updateVerdict();
}

void DiagnosePage::cancel()
{
    if (m_busy)
        m_engine->cancel();
}

void DiagnosePage::sendTest()
{
    QString whyNot;
    if (m_busy || !m_fromEngine || !m_engine->canSendTest(&whyNot))
        return;
    m_explicitSend = true;
    card(Nh::DiagnosisCheckId::TestSend)->setPending(true);
    m_progress->setRange(0, 0);
    m_step->setText(tr("Sending the test to this device…"));
    setBusy(true);
    m_engine->sendTest();
    settleIfIdle();
}

void DiagnosePage::settleIfIdle()
{
    // An engine that started nothing (it refused, or finished at once) leaves no page waiting.
    if (m_busy && !m_engine->isRunning()) {
        m_explicitSend = false;
        setBusy(false);
        renderReport();
    }
}

void DiagnosePage::sendDirect()
{
    if (m_busy || !m_fromEngine)
        return;
    Confirm::Question q;
    q.objectName = u"confirmDiagnoseSendDirect"_s;
    q.title = tr("Send to the Customer's Device?");
    q.text = tr("This is a real push, not a test: %1 receives it and may show it to its user. "
                "nhconsole then asks the hub for the message's telemetry (Standard tier only) "
                "and shows the push services' results as they arrive.")
                 .arg(m_report.subject.displayText());
    q.acceptText = tr("Send to the Device");
    q.acceptObjectName = u"confirmSendDirectButton"_s;
    Confirm::ask(this, q, [this] {
        if (m_busy)
            return;
        m_explicitSend = true;
        card(Nh::DiagnosisCheckId::TestSend)->setPending(true);
        m_progress->setRange(0, 0);
        m_step->setText(tr("Sending to this device…"));
        setBusy(true);
        m_engine->sendDirect();
        settleIfIdle();
    });
}

void DiagnosePage::onCheckFinished(const Nh::DiagnosisCheck &check)
{
    m_report = m_engine->report();
    if (Nh::DiagnosisCheck *shown = m_report.check(check.id))
        *shown = check;
    else
        m_report.checks.append(check);
    if (DiagnosisCheckCard *c = card(check.id))
        c->setCheck(check, m_report);
    updateVerdict();
}

void DiagnosePage::onFinished(const Nh::DiagnosisReport &report)
{
    m_report = report;
    m_hasReport = true;
    m_fromEngine = true;
    m_explicitSend = false;
    setBusy(false);
    renderReport();
    emit message(report.cancelled ? tr("Diagnosis cancelled.") : tr("Diagnosis finished."));
    emit finished(report);
}

void DiagnosePage::showReport(const Nh::DiagnosisReport &report)
{
    if (m_busy)
        m_engine->cancel();
    m_report = report;
    m_hasReport = true;
    m_fromEngine = false;
    setBusy(false);
    renderReport();
}

void DiagnosePage::setBusy(bool busy)
{
    m_busy = busy;
    m_progressRow->setVisible(busy);
    updateActions();
}

void DiagnosePage::renderReport()
{
    for (DiagnosisCheckCard *c : std::as_const(m_cards)) {
        const Nh::DiagnosisCheck *check = m_hasReport ? m_report.check(c->id()) : nullptr;
        if (check && check->verdict != Nh::DiagnosisVerdict::Pending)
            c->setCheck(*check, m_report);
        else
            c->setPending(false);
        c->setExpanded(false);
    }
    // The likely cause is open: its details and next step are what the engineer reads next.
    if (const Nh::DiagnosisCheck *cause = m_hasReport ? m_report.likelyCause() : nullptr) {
        DiagnosisCheckCard *open = card(cause->id);
        open->setExpanded(true);
        // In view however short the dock, once the cards have their new heights.
        QMetaObject::invokeMethod(
            m_checksScroll,
            [scroll = m_checksScroll, open] { scroll->ensureWidgetVisible(open, 0, 0); },
            Qt::QueuedConnection);
    }
    updateVerdict();
    updateActions();
}

QString DiagnosePage::verdictText() const
{
    return m_verdict->text();
}

void DiagnosePage::updateVerdict()
{
    Theme::Tone tone = Theme::Tone::Neutral;
    QString line;
    QString subtitle;
    if (!m_hasReport) {
        line = tr("Which device did not get the push?");
        subtitle = tr("Name it on the left, optionally with the send that did not arrive, and "
                      "press Diagnose. The checks only read; nothing reaches the device unless "
                      "you ask for it below.");
    } else {
        line = m_report.verdictLine();
        if (const Nh::DiagnosisCheck *cause = m_report.likelyCause())
            tone = DiagnosisCheckCard::toneFor(cause->verdict);
        else if (m_report.overall() == Nh::DiagnosisVerdict::Ok)
            tone = Theme::Tone::Success;
        else if (m_report.overall() == Nh::DiagnosisVerdict::CannotTell)
            tone = Theme::Tone::Info;
        if (m_report.cancelled && !m_report.likelyCause()) {
            line = tr("Cancelled: only the checks shown below ran.");
            tone = Theme::Tone::Neutral;
        }
        QStringList parts {m_report.subject.displayText()};
        if (!m_report.hub.isEmpty())
            parts.append(tr("hub %1").arg(m_report.hub));
        if (!m_report.profileName.isEmpty())
            parts.append(m_report.profileName);
        parts.append(tr("%n request(s)", nullptr, m_report.requests()));
        if (m_report.started.isValid() && m_report.finished.isValid())
            parts.append(tr("%1 s").arg(
                double(m_report.started.msecsTo(m_report.finished)) / 1000.0, 0, 'f', 1));
        if (m_report.send && m_report.send->format)
            parts.append(tr("send: %1 to %2")
                             .arg(Nh::formatWireName(*m_report.send->format),
                                  m_report.send->tagExpression.isEmpty()
                                      ? tr("everyone")
                                      : m_report.send->tagExpression));
        else
            parts.append(tr("no send given"));
        subtitle = parts.join(u" · "_s);
    }
    m_verdict->setText(line);
    m_subtitle->setText(subtitle);
    Theme::paintBanner(m_banner, tone);
    const QIcon icon = Theme::toneIcon(tone);
    m_bannerIcon->setPixmap(icon.isNull() ? QPixmap() : icon.pixmap(kBannerIcon, kBannerIcon));
}

void DiagnosePage::updateActions()
{
    const bool subject = m_form->hasSubject();
    m_diagnoseButton->setEnabled(m_connected && subject && !m_busy);
    QString formNote = m_formProblem;
    if (!m_connected)
        formNote = m_connectionNote.isEmpty() ? tr("Not connected to a hub.") : m_connectionNote;
    m_formNote->setText(formNote);
    m_formNote->setVisible(!formNote.isEmpty());

    const bool idle = !m_busy && m_connected;
    const bool ran = m_fromEngine && m_report.finished.isValid() && !m_report.cancelled;
    QString whyNot;
    const bool canTest = ran && m_engine->canSendTest(&whyNot);
    m_sendTestButton->setEnabled(idle && canTest);
    m_sendDirectButton->setEnabled(idle && ran && !canTest);
    QString note;
    if (m_busy)
        note.clear();
    else if (!ran)
        note = tr("Check 8 pushes to the device, so it runs only when you ask: diagnose first.");
    else if (canTest)
        note = tr("A test send can reach exactly this device.");
    else
        note = tr("No test send can reach only this device: %1 “Send Directly…” sends a real "
                  "push instead.")
                   .arg(whyNot);
    m_sendNote->setText(note);
    m_sendTestButton->setToolTip(canTest || whyNot.isEmpty() ? m_sendTestButton->toolTip()
                                                             : whyNot);
    m_exportButton->setEnabled(m_hasReport && !m_busy);
}

void DiagnosePage::openEvidence(const QUuid &exchangeId)
{
    if (const Nh::Exchange *e = m_report.exchange(exchangeId))
        emit exchangeActivated(*e);
    else
        emit message(tr("That request is no longer kept with the diagnosis."));
}

// --- export ----------------------------------------------------------------------------------

Nh::Status DiagnosePage::exportTo(const QString &path, ExportKind kind) const
{
    const QByteArray data = kind == ExportKind::Markdown
        ? Nh::DiagnosisExport::toMarkdown(m_report)
        : QJsonDocument(Nh::DiagnosisExport::toJson(m_report)).toJson(QJsonDocument::Indented);
    return ExportFile::write(path, data);
}

void DiagnosePage::exportReport(ExportKind kind)
{
    if (!m_hasReport)
        return;
    // "diagnosis-registration-4711-20261207-1730.md": the subject, cut to stay a file name.
    QString subject = m_report.subject.value.left(24);
    subject.replace(QRegularExpression(u"[^A-Za-z0-9_-]+"_s), u"-"_s);
    const QString stamp =
        (m_report.started.isValid() ? m_report.started : QDateTime::currentDateTimeUtc())
            .toLocalTime()
            .toString(u"yyyyMMdd-HHmm"_s);
    const QString name = u"diagnosis-%1-%2-%3"_s.arg(
        Nh::DiagnosisSubject::kindKey(m_report.subject.kind), subject, stamp);
    const bool markdown = kind == ExportKind::Markdown;
    const QString path =
        m_chooser(this, name + (markdown ? u".md"_s : u".json"_s),
                  markdown ? tr("Markdown (*.md)") : ExportFile::filter(Nh::ExportFormat::Json));
    if (path.isEmpty())
        return;
    const Nh::Status written = exportTo(path, kind);
    emit message(written ? tr("Diagnosis written to %1.").arg(QDir::toNativeSeparators(path))
                         : written.error().message);
}
