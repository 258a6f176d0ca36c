// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "banner.h"
#include "client/resend.h"
#include "client/templaterendering.h"
#include "composerfold.h"
#include "composerwidget.h"
#include "diagnosedock.h"
#include "emulator/hubemulator.h"
#include "exchangeview.h"
#include "historypanel.h"
#include "hubpagedock.h"
#include "hubviews.h"
#include "outcomeview.h"
#include "profileswitcher.h"
#include "protocol/notificationoutcome.h"
#include "protocol/sastoken.h"
#include "reachpreview.h"
#include "registrationsbrowser.h"
#include "sasinspector.h"
#include "sendflow.h"
#include "store/exchangeexport.h"
#include "store/secretstore.h"
#include "theme.h"
#include "trafficdock.h"
#include "windowstate.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QHeaderView>
#include <QInputDialog>
#include <QMessageBox>
#include <QProgressBar>
#include <QSplitter>
#include <QStatusBar>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr int kStatusTimeoutMs = 8000;
constexpr int kProblemTimeoutMs = 15000;

} // namespace

MainWindow::MainWindow(const AppContext &context, QWidget *parent)
    : QMainWindow(parent)
    , m_context(context)
{
    Q_ASSERT(m_context.client && m_context.settings && m_context.profiles && m_context.secrets);
    setObjectName(u"mainWindow"_s);
    setWindowIcon(Theme::icon(u"nhconsole"_s));
    m_session =
        new Nh::ProfileSession({m_context.client, m_context.profiles, m_context.secrets,
                                m_context.emulator, m_context.emulatorStatus, m_context.settings},
                               this);
    createSkeleton();

    resize(1440, 900);
    resizeDocks({m_historyDock}, {HistoryPanel::initialHeight(this)}, Qt::Vertical);
    createWindowState();
    // The geometry, the docks and the main splitter; the panes' parts come with them.
    m_firstRun = !m_windowState->restore();
    if (m_context.deferredStartup) {
        // The panes come after the first paint (event()); a key pressed before brings them at
        // once (eventFilter()).
        showNote(tr("Starting…"), NoteKind::Busy);
        qApp->installEventFilter(this);
        return;
    }
    completeBuild();
    activateStartProfile();
}

MainWindow::~MainWindow() = default;

void MainWindow::showNote(const QString &text, NoteKind kind)
{
    switch (kind) {
    case NoteKind::Info:
        statusBar()->showMessage(text, kStatusTimeoutMs);
        return;
    case NoteKind::Problem:
        statusBar()->showMessage(text, kProblemTimeoutMs);
        return;
    case NoteKind::Busy:
        statusBar()->showMessage(text);
        return;
    }
}

void MainWindow::setBusy(const QString &text)
{
    m_keyProgress->setVisible(!text.isEmpty());
    if (!text.isEmpty())
        showNote(text, NoteKind::Busy);
    else
        statusBar()->clearMessage();
}

void MainWindow::connectExchanges()
{
    connect(m_sendFlow, &SendFlow::exchangeFinished, this, &MainWindow::showLiveExchange);
    connect(m_sendFlow, &SendFlow::renderedPayloadsReady, this, [this](const Nh::Exchange &e) {
        if (m_exchangeView->hasExchange() && m_exchangeView->exchange().id == e.id)
            m_exchangeView->setRenderedPayloads(e.rendered);
    });
    m_sendFlow->setKnownRegistrations(
        [this] { return m_hubViews->reachPreview()->registrations(); });
    connect(m_sendFlow, &SendFlow::note, this, &MainWindow::showNote);
    connect(m_hubViews, &HubViews::note, this, &MainWindow::showNote);
    connect(m_hubViews, &HubViews::exchangeFinished, m_sendFlow,
            [this](const Nh::Exchange &e) { m_sendFlow->record(e); });
    // The Hub page's reads go into the history too (its bodies redacted there, as every hub
    // description is).
    connect(m_hubPageDock, &HubPageDock::exchangeFinished, m_sendFlow,
            [this](const Nh::Exchange &e) { m_sendFlow->record(e); });
    connect(m_exchangeView->outcomeView(), &OutcomeView::registrationActivated, m_hubViews,
            &HubViews::showRegistration);
    const auto note = [this](const QString &text) {
        showNote(text);
    };
    connect(m_composer, &ComposerWidget::message, this, note);
    connect(m_exchangeView, &ExchangeView::message, this, note);
    connect(m_exchangeView, &ExchangeView::hubPageRequested, m_hubPageDock, &HubPageDock::show);
    connect(m_historyPanel, &HistoryPanel::message, this, note);
    connect(m_historyPanel, &HistoryPanel::exchangeSelected, this, &MainWindow::showHistoryRecord);
    connect(m_historyPanel, &HistoryPanel::resendRequested, m_sendFlow, &SendFlow::resend);
    // Curl exports may carry a token of the current profile, for its own hub only.
    m_historyPanel->setTokenSigner([this](const Nh::HistoryRecord &record) -> QString {
        const Nh::HubConnection &c = m_context.client->connection();
        if (!isProfileReady() || c.connectionString.key().isEmpty()
            || record.exchange.hub.compare(c.hub, Qt::CaseInsensitive) != 0
            || record.exchange.url.host() != c.connectionString.hubUrl(c.hub).host())
            return {};
        return Nh::Sas::generateForHub(c.connectionString, c.hub, QDateTime::currentDateTimeUtc())
            .header();
    });
    // Curl commands for exchanges with the bundled emulator trust its certificate, whichever
    // profile is current; a stored exchange with a real hub never gets it.
    const auto certificate = [this](const Nh::HistoryRecord &record) -> QString {
        const QUrl &url = record.exchange.url;
        return Nh::ProfileSession::isBundledEmulator(m_context.emulator, url.host(), url.port())
            ? m_context.emulator->certificatePath()
            : QString();
    };
    m_exchangeView->setCertificateLookup(certificate);
    m_historyPanel->setCertificateLookup(certificate);
    if (Nh::HistoryStore *history = std::exchange(m_context.history, nullptr))
        setHistory(history);
}

// --- the current profile ---------------------------------------------------------------------

void MainWindow::connectSession()
{
    using State = Nh::ProfileSession::State;
    // The composer first: a profile's default format and tags are in place before the reach
    // preview is given the composer's target.
    connect(m_session, &Nh::ProfileSession::stateChanged, m_composer, [this](State state) {
        const Nh::Profile &p = currentProfile();
        if (state == State::Connecting) {
            m_composer->setConnectionProblem(tr("connecting to “%1”…").arg(p.name));
        } else if (state == State::ReadingKey) {
            // Typing goes on while the keychain answers (at start-up too); Send waits for it.
        } else if (state == State::Ready) {
            m_composer->setConnectionProblem({});
            m_composer->setEnabled(true);
            if (p.defaultFormat)
                m_composer->setFormat(*p.defaultFormat);
            if (!p.defaultTags.isEmpty()) {
                m_composer->setTargetKind(Nh::TargetKind::Tags);
                m_composer->setTagExpression(p.defaultTags);
            }
        } else {
            m_composer->setEnabled(true);
            m_composer->setConnectionProblem(
                tr("“%1” has no working connection; the banner above says why.").arg(p.name));
        }
    });
    connect(m_session, &Nh::ProfileSession::stateChanged, this, [this](State state) {
        if (state == State::Ready && m_sasInspector)
            m_sasInspector->refresh();
    });
    connect(m_session, &Nh::ProfileSession::stateChanged, m_hubViews, &HubViews::showState);
    connect(m_session, &Nh::ProfileSession::stateChanged, m_hubPageDock, &HubPageDock::showState);
    connect(m_session, &Nh::ProfileSession::stateChanged, this, &MainWindow::showSessionState);
    connect(m_session, &Nh::ProfileSession::profileChanged, this, &MainWindow::updateBanner);
    connect(m_profileSwitcher, &ProfileSwitcher::profileActivated, this,
            &MainWindow::activateProfile);
    connect(m_context.secrets, &Nh::SecretStore::keychainProblem, this,
            [this](const Nh::Error &e) { showNote(e.message, NoteKind::Problem); });
}

void MainWindow::showSessionState(Nh::ProfileSession::State state)
{
    using State = Nh::ProfileSession::State;
    const Nh::Profile &p = currentProfile();
    if (state == State::Connecting) {
        m_profileSwitcher->setCurrentProfile(p.id);
        setWindowTitle(tr("nhconsole — %1").arg(p.name));
        return;
    }
    if (state == State::ReadingKey) {
        m_readingKey = true;
        setBusy(tr("Reading the key of “%1” from the system keychain…").arg(p.name));
        updateBanner();
        return;
    }
    if (m_readingKey) {
        m_readingKey = false;
        setBusy({});
    }
    const bool ready = state == State::Ready;
    if (ready) {
        const Nh::ConnectionString &cs = m_session->connection().connectionString;
        m_profileStatus->setText(tr("%1 · hub %2 · rule %3 · %4")
                                     .arg(p.name, p.hub, cs.keyName(), cs.hubUrl(p.hub).host()));
    } else {
        m_profileStatus->setText(tr("%1 · not connected").arg(p.name));
    }
    updateBanner();
    m_sasAction->setEnabled(ready);
    if (ready)
        showNote(tr("Sending to “%1” (hub %2)").arg(p.name, p.hub));
    else
        showNote(m_session->problem(), NoteKind::Problem);
    emit profileActivated(p.id, ready);
}

void MainWindow::updateBanner()
{
    m_banner->showFor(*m_session, m_context.secrets->hasSessionKey(currentProfile().id));
}

void MainWindow::askForSessionKey()
{
    const Nh::Profile &p = currentProfile();
    auto *ask = new QInputDialog(this);
    ask->setObjectName(u"sessionKeyDialog"_s);
    ask->setWindowTitle(tr("Key for this run"));
    ask->setLabelText(tr("The SAS key of rule “%1” for “%2”. It is kept in memory until nhconsole "
                         "quits and never written to disk.")
                          .arg(p.keyName, p.name));
    ask->setTextEchoMode(QLineEdit::Password);
    ask->setAttribute(Qt::WA_DeleteOnClose);
    const QUuid id = p.id;
    connect(ask, &QInputDialog::textValueSelected, this, [this, id](const QString &key) {
        if (!key.trimmed().isEmpty())
            m_session->provideSessionKey(id, key.trimmed());
    });
    ask->open();
}

void MainWindow::setProfilePathChooser(PathChooser chooser)
{
    m_profileActions->setPathChooser(std::move(chooser));
}

void MainWindow::showSasInspector()
{
    if (!m_sasInspector) {
        m_sasInspector = new SasInspector(m_context.client, this);
        m_sasInspector->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_sasInspector->show();
    m_sasInspector->raise();
}

// --- sending ---------------------------------------------------------------------------------

void MainWindow::send()
{
    completeBuild();
    m_composer->requestSend();
}

void MainWindow::resend(const Nh::HistoryRecord &record)
{
    completeBuild();
    m_sendFlow->resend(record);
}

void MainWindow::showLiveExchange(const Nh::Exchange &exchange)
{
    m_exchangeView->setExchange(exchange);
    // A template send's rendered payloads come from SendFlow::renderedPayloadsReady().
    if (Nh::isTemplateSendWithResults(exchange) && exchange.rendered.isEmpty())
        m_exchangeView->setRenderedPayloads({}, true);
    // Its row comes when the history has written it (written() selects it); until then the
    // row that was current is not what the view shows.
    m_historyPanel->clearSelection();
    // A send or a re-send whose outcome names refused handles: the hub deletes those
    // registrations, which the Registrations dock may still list.
    registrationsBrowser()->noteRefusedRegistrations(exchange);
}

void MainWindow::showHistoryRecord(const Nh::HistoryRecord &record)
{
    // The live exchange (with its real Authorization, for Reveal) is already shown.
    if (m_exchangeView->hasExchange() && m_exchangeView->exchange().id == record.exchange.id)
        return;
    m_exchangeView->setExchange(record.exchange);
}
// --- window ----------------------------------------------------------------------------------

void MainWindow::showAbout()
{
    auto *box = new QMessageBox(QMessageBox::NoIcon, tr("About nhconsole"),
                                tr("<b>nhconsole %1</b><p>A debugging console for Azure "
                                   "Notification Hubs: compose, validate and send "
                                   "notifications, and see the exact request beside the hub's "
                                   "answer.</p><p>Licensed under the GPL, version 3 or later.</p>")
                                    .arg(QCoreApplication::applicationVersion()),
                                QMessageBox::Close, this);
    box->setIconPixmap(Theme::icon(u"nhconsole"_s).pixmap(64, 64));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::createWindowState()
{
    m_windowState = std::make_unique<WindowState>(this, m_context.settings);
    m_windowState->addSplitter(m_mainSplitter);
}

void MainWindow::addPanesToWindowState()
{
    for (QSplitter *splitter : m_exchangeView->splitters())
        m_windowState->addSplitter(splitter);
    m_windowState->addSplitter(registrationsBrowser()->splitter());
    for (QSplitter *splitter : m_composer->splitters())
        m_windowState->addSplitter(splitter);
    m_windowState->addState(
        u"composerFold"_s, [this] { return m_composerFold->saveState(); },
        [this](const QByteArray &state) { m_composerFold->restoreState(state); });
    m_windowState->addState(
        u"historyHeader"_s, [this] { return m_historyPanel->headerState(); },
        [this](const QByteArray &state) { m_historyPanel->restoreHeaderState(state); });
    QHeaderView *registrationsHeader = registrationsBrowser()->table()->horizontalHeader();
    m_windowState->addState(
        u"registrationsHeader"_s,
        [registrationsHeader] { return registrationsHeader->saveState(); },
        [registrationsHeader](const QByteArray &state) {
            registrationsHeader->restoreState(state);
        });
}

void MainWindow::saveWindowState() const
{
    if (!m_built) { // closed before its panes were made: what the skeleton restored
        m_windowState->save();
        return;
    }
    // The splitter keeps the composer's width while it is folded; saved folded, it would come
    // back as the narrowest composer.
    const bool folded = m_composerFold->isFolded();
    m_composerFold->setFolded(false);
    m_windowState->save();
    m_composerFold->setFolded(folded);
}

bool MainWindow::restoreWindowState()
{
    completeBuild();
    return m_windowState->restore();
}

void MainWindow::resetLayout()
{
    m_windowState->forget();
    m_composerFold->restoreState({});
    m_composerFold->unfold();
    for (QDockWidget *dock : {m_historyDock, m_hubViews->dock()}) {
        dock->setFloating(false);
        addDockWidget(Qt::BottomDockWidgetArea, dock);
        dock->show();
    }
    tabifyDockWidget(m_historyDock, m_hubViews->dock());
    // The Hub page is opened from the Hub menu: back beside the history, closed.
    m_hubPageDock->dock()->setFloating(false);
    tabifyDockWidget(m_historyDock, m_hubPageDock->dock());
    m_hubPageDock->dock()->hide();
    // The Diagnose page and the Traffic dock are built when first asked for: where they are made,
    // closed.
    if (QDockWidget *diagnose = m_diagnoseDock->dock()) {
        diagnose->setFloating(false);
        tabifyDockWidget(m_historyDock, diagnose);
        diagnose->hide();
    }
    if (m_trafficDock) {
        m_trafficDock->setFloating(false);
        addDockWidget(Qt::BottomDockWidgetArea, m_trafficDock);
        m_trafficDock->hide();
    }
    m_historyDock->raise();
    resizeDocks({m_historyDock}, {m_historyPanel->sizeHint().height()}, Qt::Vertical);
    const int width = m_mainSplitter->width();
    m_mainSplitter->setSizes({width * 2 / 7, width * 5 / 7});
    const int exchangeWidth = m_exchangeView->splitter()->width();
    m_exchangeView->splitter()->setSizes({exchangeWidth / 2, exchangeWidth - exchangeWidth / 2});
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveWindowState();
    QMainWindow::closeEvent(event);
}
