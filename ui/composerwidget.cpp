// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "composerwidget.h"

#include "client/hubclient.h"
#include "client/registrationpager.h"
#include "draftnotelabel.h"
#include "formatbar.h"
#include "headerseditor.h"
#include "payloadeditor.h"
#include "protocol/payloadbuilder.h"
#include "sendbar.h"
#include "sendoptions.h"
#include "templatepropertiestable.h"
#include "theme.h"

#include <QAction>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QSplitter>
#include <QTabWidget>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace {

/** Edits are validated after this pause, so typing stays smooth. */
constexpr int kValidateDelayMs = 150;
constexpr int kTagPages = 5;
} // namespace

ComposerWidget::ComposerWidget(Nh::HubClient *client, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_validateTimer(new QTimer(this))
{
    m_validateTimer->setSingleShot(true);
    m_validateTimer->setInterval(kValidateDelayMs);
    connect(m_validateTimer, &QTimer::timeout, this, &ComposerWidget::validateNow);

    m_sendAction = new QAction(Theme::icon(u"send"_s), tr("&Send"), this);
    m_sendAction->setObjectName(u"actionSend"_s);
    m_sendAction->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)});
    m_sendAction->setToolTip(tr("Send the notification (Ctrl+Enter)"));
    connect(m_sendAction, &QAction::triggered, this, &ComposerWidget::requestSend);
    m_cancelAction = new QAction(Theme::icon(u"cancel"_s), tr("&Cancel Send"), this);
    m_cancelAction->setObjectName(u"actionCancel"_s);
    m_cancelAction->setShortcut(QKeySequence(Qt::Key_Escape));
    m_cancelAction->setEnabled(false);
    connect(m_cancelAction, &QAction::triggered, this, &ComposerWidget::cancel);
    m_prettyAction = new QAction(Theme::icon(u"prettyprint"_s), tr("&Pretty-print Payload"), this);
    m_prettyAction->setObjectName(u"actionPrettyPrint"_s);
    m_prettyAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    connect(m_prettyAction, &QAction::triggered, this, &ComposerWidget::prettyPrint);
    m_testAction = new QAction(tr("&Test Send"), this);
    m_testAction->setObjectName(u"actionTestSend"_s);
    m_testAction->setCheckable(true);
    m_testAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
    m_refreshTagsAction = new QAction(Theme::icon(u"refresh"_s), tr("&Refresh Known Tags"), this);
    m_refreshTagsAction->setObjectName(u"actionRefreshTags"_s);
    // No shortcut of its own: F5 belongs to the window, which routes it to the view in focus.
    connect(m_refreshTagsAction, &QAction::triggered, this, &ComposerWidget::refreshKnownTags);
    addActions({m_sendAction, m_cancelAction, m_prettyAction, m_testAction, m_refreshTagsAction});

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *title = new QLabel(tr("<b>Compose</b>"), this);
    m_titleRow = new QHBoxLayout;
    m_titleRow->addWidget(title, 1);
    layout->addLayout(m_titleRow);
    m_formatBar = new FormatBar(m_prettyAction, this);
    layout->addWidget(m_formatBar);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(u"composerTabs"_s);
    m_tabs->addTab(buildPayloadTab(), tr("Payload"));
    m_headers = new HeadersEditor(m_tabs);
    m_tabs->addTab(m_headers, tr("Headers"));
    layout->addWidget(m_tabs, 1);
    m_target = new TargetPicker(this);
    layout->addWidget(m_target);
    m_options = new SendOptions(this);
    layout->addWidget(m_options);
    m_sendBar = new SendBar(this);
    layout->addWidget(m_sendBar);

    connect(m_headers, &HeadersEditor::customHeadersChanged, this,
            &ComposerWidget::scheduleValidation);
    connect(m_target, &TargetPicker::changed, this, &ComposerWidget::updateTestOption);
    connect(m_target, &TargetPicker::changed, this, &ComposerWidget::scheduleValidation);
    connect(m_options, &SendOptions::scheduleChanged, this, &ComposerWidget::updateTestOption);
    connect(m_options, &SendOptions::scheduleChanged, this, &ComposerWidget::scheduleValidation);
    connect(m_testAction, &QAction::toggled, m_options, &SendOptions::setTest);
    connect(m_options, &SendOptions::testToggled, m_testAction, &QAction::setChecked);
    connect(m_options, &SendOptions::testToggled, this, &ComposerWidget::updateSendState);
    connect(m_formatBar, &FormatBar::formatActivated, this, &ComposerWidget::setFormat);
    connect(m_formatBar, &FormatBar::presetActivated, this, &ComposerWidget::applyPreset);
    connect(m_sendBar, &SendBar::sendClicked, this, &ComposerWidget::requestSend);
    connect(m_sendBar, &SendBar::cancelClicked, this, &ComposerWidget::cancel);

    setFormat(Nh::Format::Apple);
    setTestSend(true);
    setTargetKind(Nh::TargetKind::Broadcast);
    validateNow();
}

// --- building ---------------------------------------------------------------------------------

QWidget *ComposerWidget::buildPayloadTab()
{
    auto *tab = new QWidget(this);
    m_properties = new TemplatePropertiesTable(tab);
    // Shown in template mode only; hidden from the start, or the splitter's first minimum
    // (computed before the window is shown) counts it and the window cannot be 800 px tall.
    m_properties->hide();
    m_editor = new PayloadEditor(tab);
    m_editor->setObjectName(u"payloadEditor"_s);
    m_payloadLabel = new QLabel(tab);
    m_payloadLabel->setObjectName(u"payloadStatus"_s);
    m_payloadLabel->setWordWrap(true);
    m_payloadLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *editorPane = new QWidget(tab);
    auto *editorLayout = new QVBoxLayout(editorPane);
    editorLayout->setContentsMargins(0, 0, 0, 0);
    editorLayout->addWidget(m_editor, 1);
    editorLayout->addWidget(m_payloadLabel);

    m_payloadSplitter = new QSplitter(Qt::Vertical, tab);
    m_payloadSplitter->setObjectName(u"payloadSplitter"_s);
    m_payloadSplitter->addWidget(m_properties);
    m_payloadSplitter->addWidget(editorPane);
    m_payloadSplitter->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(tab);
    layout->addWidget(m_payloadSplitter);

    connect(m_editor, &QPlainTextEdit::textChanged, this, &ComposerWidget::onPayloadEdited);
    connect(m_properties, &TemplatePropertiesTable::propertiesEdited, this,
            &ComposerWidget::onPropertiesEdited);
    return tab;
}

// --- state ------------------------------------------------------------------------------------

void ComposerWidget::setFormat(Nh::Format format)
{
    m_formatBar->setFormat(format);
    m_properties->setVisible(format == Nh::Format::Template);
    m_headers->setFormat(format);
    applyPreset(0);
}

Nh::Format ComposerWidget::format() const
{
    return m_formatBar->format();
}

void ComposerWidget::applyPreset(int index)
{
    const QList<Nh::PayloadPreset> presets = Nh::payloadBuilder(format()).presets();
    if (index < 0 || index >= presets.size())
        return;
    m_formatBar->setPresetIndex(index);
    const Nh::PayloadPreset &p = presets.at(index);
    setCustomHeaders(p.headers);
    setPayload(p.body);
    // Presets are compact on the wire; people read them indented.
    prettyPrint();
    validateNow();
}

void ComposerWidget::setPayload(const QByteArray &body)
{
    m_editor->setPayload(body);
    m_editor->guessSyntax();
}

QByteArray ComposerWidget::payload() const
{
    return m_editor->payload();
}

void ComposerWidget::setTargetKind(Nh::TargetKind kind)
{
    m_target->setKind(kind);
    updateTestOption();
    scheduleValidation();
}

void ComposerWidget::setTestSend(bool on)
{
    m_options->setTest(on);
}

bool ComposerWidget::isTestSend() const
{
    return m_options->isTest();
}

bool ComposerWidget::isTestPossible() const
{
    return m_options->isTestPossible();
}

void ComposerWidget::setSchedule(const std::optional<QDateTime> &when)
{
    m_options->setSchedule(when);
}

Nh::HttpHeaders ComposerWidget::customHeaders() const
{
    return m_headers->customHeaders();
}

void ComposerWidget::setCustomHeaders(const Nh::HttpHeaders &headers)
{
    m_headers->setCustomHeaders(headers);
}

Nh::Draft ComposerWidget::draft() const
{
    Nh::Draft d;
    d.format = format();
    d.payload = payload();
    d.customHeaders = customHeaders();
    d.target = m_target->target();
    d.scheduleTime = m_options->schedule();
    d.test = isTestSend();
    return d;
}

Nh::Notification ComposerWidget::notification() const
{
    return draft().notification();
}

bool ComposerWidget::canSend() const
{
    return m_refusal.isEmpty() && m_connectionProblem.isEmpty() && !isSending();
}

void ComposerWidget::setConnectionProblem(const QString &problem)
{
    if (problem == m_connectionProblem)
        return;
    m_connectionProblem = problem;
    updateSendState();
}

void ComposerWidget::addPage(QWidget *page, const QString &title)
{
    m_tabs->addTab(page, title);
}

void ComposerWidget::setPageTitle(QWidget *page, const QString &title)
{
    if (const int index = m_tabs->indexOf(page); index >= 0)
        m_tabs->setTabText(index, title);
}

void ComposerWidget::showPage(QWidget *page)
{
    m_tabs->setCurrentWidget(page);
}

// --- validation -------------------------------------------------------------------------------

void ComposerWidget::scheduleValidation()
{
    if (!m_syncing)
        m_validateTimer->start();
}

void ComposerWidget::onPayloadEdited()
{
    if (m_syncing)
        return;
    if (format() == Nh::Format::Template) {
        const auto props = Nh::templateProperties(payload());
        if (props)
            m_properties->setProperties(*props);
        m_properties->setBodyReadable(props.ok());
    }
    scheduleValidation();
}

void ComposerWidget::onPropertiesEdited(const Nh::TemplateProperties &properties)
{
    if (m_syncing)
        return;
    m_syncing = true;
    setPayload(Nh::templateBody(properties));
    m_editor->prettyPrint();
    m_syncing = false;
    scheduleValidation();
}

void ComposerWidget::validateNow()
{
    m_validateTimer->stop();
    m_check = Nh::checkDraft(draft());
    m_refusal = m_check->refusal;
    if (m_check->payload.error)
        m_editor->setError(*m_check->payload.error);
    else
        m_editor->clearError();
    m_target->showTagNote(m_check->target);
    updateAutomaticHeaders(m_check->sendHeaders);
    showNotes(*m_check);
    updateSendState();

    const QString target = QString::number(int(format())) + u'|'
        + QString::number(int(targetKind())) + u'|' + m_target->tagExpression() + u'|'
        + m_target->deviceHandlesText();
    if (target != m_emittedTarget) {
        m_emittedTarget = target;
        emit targetChanged();
    }
    if (const Nh::TemplateProperties properties = templateProperties();
        properties != m_emittedProperties) {
        m_emittedProperties = properties;
        emit templatePropertiesChanged();
    }
}

Nh::TemplateProperties ComposerWidget::templateProperties() const
{
    if (format() != Nh::Format::Template)
        return {};
    const auto properties = Nh::templateProperties(payload());
    return properties ? *properties : Nh::TemplateProperties();
}

void ComposerWidget::setTemplatePropertiesUsed(const QStringList &properties)
{
    m_properties->setOfferedProperties(properties);
}

void ComposerWidget::showNotes(const Nh::DraftCheck &check)
{
    showDraftNote(m_payloadLabel, check.payload);
    m_headers->setStatus(check.headers.text, draftNoteTone(check.headers.tone));
    m_options->showScheduleNote(check.schedule);
    updateTestOption();
    const bool payloadFails = check.payload.tone == Nh::DraftNote::Tone::Failure;
    m_tabs->setTabIcon(0, payloadFails ? Theme::toneIcon(Theme::Tone::Failure) : QIcon());
    m_tabs->setTabIcon(
        1, check.headers.text.isEmpty() ? QIcon() : Theme::toneIcon(Theme::Tone::Failure));
}

void ComposerWidget::updateAutomaticHeaders(const Nh::HttpHeaders &headers)
{
    if (m_previewAuthorization.isEmpty() && !m_client->connection().connectionString.isNull()) {
        const Nh::HubConnection &c = m_client->connection();
        m_previewAuthorization = Nh::Sas::generateForHub(c.connectionString, c.hub,
                                                         QDateTime::currentDateTimeUtc(), c.sas)
                                     .header();
    }
    Nh::HttpHeaders automatic;
    if (!m_previewAuthorization.isEmpty())
        automatic.append({"Authorization", m_previewAuthorization.toUtf8()});
    automatic.append({"x-ms-version", m_client->connection().apiVersion.toUtf8()});
    automatic.append(headers);
    m_headers->setAutomaticHeaders(automatic);
    m_tabs->setTabText(1, tr("Headers (%1)").arg(m_headers->rowCount()));
}

void ComposerWidget::updateTestOption()
{
    // The hub has no test mode for direct or scheduled sends (docs/protocol.md §4.5, §4.7).
    const bool possible = !Nh::isDirectKind(targetKind()) && !m_options->schedule();
    m_options->setTestPossible(possible);
    m_testAction->setEnabled(possible);
}

void ComposerWidget::updateSendState()
{
    const bool ready = canSend();
    m_sendAction->setEnabled(ready);
    m_cancelAction->setEnabled(isSending());
    if (isSending())
        m_sendBar->showSending();
    else if (!m_refusal.isEmpty())
        m_sendBar->showRefusal(m_refusal);
    else if (!m_connectionProblem.isEmpty())
        m_sendBar->showNotConnected(m_connectionProblem); // the hub is what is missing
    else
        m_sendBar->showReady(m_target->describe(format()), isTestSend() && isTestPossible());
    emit readyChanged(ready);
}

// --- sending ----------------------------------------------------------------------------------

void ComposerWidget::requestSend()
{
    if (isSending())
        return;
    if (m_sendGate)
        m_sendGate([this] { send(); });
    else
        send();
}

void ComposerWidget::setFoldAction(QAction *fold)
{
    auto *button = new QToolButton(this);
    button->setObjectName(u"foldComposerButton"_s);
    button->setArrowType(Qt::LeftArrow);
    button->setAutoRaise(true);
    button->setToolTip(tr("Fold the composer to a strip (%1); the exchange gets its width")
                           .arg(fold->shortcut().toString(QKeySequence::NativeText)));
    connect(button, &QToolButton::clicked, fold, &QAction::trigger);
    m_titleRow->addWidget(button);
}

void ComposerWidget::focusPayload()
{
    m_editor->setFocus();
}

void ComposerWidget::focusTagExpression()
{
    m_target->focusTagExpression();
    updateTestOption();
    scheduleValidation();
}

void ComposerWidget::send()
{
    if (isSending())
        return;
    validateNow();
    if (!canSend()) {
        emit message(tr("Not sent: %1").arg(m_refusal));
        return;
    }
    const Nh::Notification n = notification();
    const bool test = isTestSend() && isTestPossible();
    Nh::HubJob *job = m_client->send(n, test);
    m_job = job;
    connect(job, &Nh::HubJob::finished, this, [this](const Nh::Exchange &e) {
        m_job = nullptr;
        setSending(false);
        emit exchangeFinished(e);
    });
    connect(job, &Nh::HubJob::retrying, this, [this](int attempt, int delay) {
        emit message(
            tr("The hub is throttling; attempt %1 in %n s", nullptr, delay).arg(attempt + 1));
    });
    setSending(true);
    emit sendStarted(n);
}

void ComposerWidget::cancel()
{
    if (m_job)
        m_job->cancel();
}

void ComposerWidget::setSending(bool sending)
{
    m_formatBar->setPickersEnabled(!sending);
    updateSendState();
    emit sendingChanged(sending);
}

bool ComposerWidget::prettyPrint()
{
    const bool wasSyncing = m_syncing;
    const bool done = m_editor->prettyPrint();
    m_syncing = wasSyncing;
    if (!done && !m_editor->toPlainText().trimmed().isEmpty() && !m_syncing)
        emit message(tr("Only valid JSON or XML can be pretty-printed"));
    return done;
}

// --- tags -------------------------------------------------------------------------------------

void ComposerWidget::refreshKnownTags()
{
    // At most kTagPages pages of 100 registrations; their tags, once each, sorted.
    if (!m_tagPager) {
        m_tagPager = new Nh::RegistrationPager(m_client, this);
        m_tagPager->setMaxPages(kTagPages);
        connect(m_tagPager, &Nh::RegistrationPager::page, this,
                [this](const QList<Nh::Registration> &registrations) {
                    for (const Nh::Registration &r : registrations)
                        m_fetchedTags.append(r.tags);
                });
        connect(m_tagPager, &Nh::RegistrationPager::finished, this, [this](const Nh::Status &st) {
            if (!st) {
                emit message(tr("Could not read the hub's tags: %1").arg(st.error().message));
                return;
            }
            m_fetchedTags.removeDuplicates();
            m_fetchedTags.sort(Qt::CaseInsensitive);
            m_target->setKnownTags(m_fetchedTags);
            // Bounded: a hub with more registrations than kTagPages pages is not listed whole.
            if (m_tagPager->hasMore())
                emit message(tr("%n tag(s) from the hub's first %1 registrations, offered as you "
                                "type",
                                nullptr, int(m_fetchedTags.size()))
                                 .arg(kTagPages * Nh::RegistrationPager::kDefaultPageSize));
            else
                emit message(tr("%n tag(s) known to the hub, offered as you type", nullptr,
                                int(m_fetchedTags.size())));
        });
    }
    m_fetchedTags.clear();
    Nh::HubClient::ListQuery query;
    query.top = Nh::RegistrationPager::kDefaultPageSize;
    m_tagPager->start(query);
}

void ComposerWidget::setKnownTags(const QStringList &tags)
{
    m_target->setKnownTags(tags);
}

void ComposerWidget::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_check) {
        showNotes(*m_check);
        updateSendState();
    }
}
