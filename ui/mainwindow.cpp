// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "banner.h"
#include "client/hubclient.h"
#include "client/resend.h"
#include "client/templaterendering.h"
#include "composerfold.h"
#include "composerstrip.h"
#include "composerwidget.h"
#include "confirm.h"
#include "diagnosedock.h"
#include "emulator/hubemulator.h"
#include "exchangeview.h"
#include "historypanel.h"
#include "hubpage.h"
#include "hubpagedock.h"
#include "hubviews.h"
#include "makeaction.h"
#include "outcomeview.h"
#include "preferencesdialog.h"
#include "profileswitcher.h"
#include "protocol/notificationoutcome.h"
#include "protocol/sastoken.h"
#include "reachpreview.h"
#include "registrationsbrowser.h"
#include "sasinspector.h"
#include "sendflow.h"
#include "store/exchangeexport.h"
#include "store/profilestore.h"
#include "store/secretstore.h"
#include "store/settings.h"
#include "theme.h"
#include "trafficdock.h"
#include "windowstate.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QSplitter>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

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

// --- the skeleton, then the panes (docs/architecture.md, "Start-up") ---------------------------

void MainWindow::createSkeleton()
{
    m_banner = new Banner(this);
    connect(m_banner, &Banner::addHubRequested, this, &MainWindow::newProfile);
    connect(m_banner, &Banner::sessionKeyRequested, this, &MainWindow::askForSessionKey);
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(8, 6, 8, 6);
    layout->addWidget(m_banner);
    // The composer and the exchange view side by side; until they are made, empty placeholders
    // keep their places (and the sizes the splitter restores).
    m_mainSplitter = new QSplitter(Qt::Horizontal, this);
    m_mainSplitter->setObjectName(u"mainSplitter"_s);
    m_mainSplitter->addWidget(new QWidget(m_mainSplitter));
    m_mainSplitter->addWidget(new QWidget(m_mainSplitter));
    m_mainSplitter->setStretchFactor(0, 2);
    m_mainSplitter->setStretchFactor(1, 5);
    m_mainSplitter->setChildrenCollapsible(false);
    // The composer folds to a strip at the left edge once a send is made (issue #16); the strip
    // comes with the composer.
    m_paneRow = new QHBoxLayout;
    m_paneRow->setSpacing(4);
    m_paneRow->addWidget(m_mainSplitter, 1);
    layout->addLayout(m_paneRow, 1);
    setCentralWidget(central);

    m_historyDock = new QDockWidget(tr("History"), this);
    m_historyDock->setObjectName(u"historyDock"_s);
    m_historyDock->setWidget(new QWidget(m_historyDock));
    m_historyDock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable);
    addDockWidget(Qt::BottomDockWidgetArea, m_historyDock);
    m_registrationsDock = HubViews::makeDock(this);
    // Beside the history, which stays in front: after a send people look there first.
    tabifyDockWidget(m_historyDock, m_registrationsDock);
    m_hubPageDock = new HubPageDock(m_context.client, m_session, this);
    tabifyDockWidget(m_historyDock, m_hubPageDock->dock());
    m_historyDock->raise();

    m_profileSwitcher = new ProfileSwitcher(m_context.profiles, this);
    m_profileActions = new ProfileActions(m_context.profiles, m_session, m_context.settings, this);
    connect(m_profileActions, &ProfileActions::activateRequested, this,
            &MainWindow::activateProfile);
    connect(m_profileActions, &ProfileActions::note, this, &MainWindow::showNote);
    connect(m_profileActions, &ProfileActions::busy, this, &MainWindow::setBusy);
    createMenuTitles();
    createToolBar();
    createStatusBar();
}

void MainWindow::completeBuild()
{
    if (m_built || m_building)
        return;
    m_building = true;
    if (!m_keysFrom)
        qApp->removeEventFilter(this);
    createPanes();
    createActions();
    createMenus();
    completeToolBar();
    connectExchanges();
    connectSession();
    addPanesToWindowState();
    // The panes' own splitters and columns, as saved (the window's were restored with the
    // skeleton).
    m_windowState->restorePanes();
    // Given its panes, the window lays itself out again, and a first run's History dock would
    // take more than its height: as in the skeleton (and a window made in one go).
    if (m_firstRun && isVisible())
        resizeDocks({m_historyDock}, {m_historyPanel->sizeHint().height()}, Qt::Vertical);

    // Tab goes through the panes first and then the profile switcher, as in a window made in
    // one go; and the focus is where such a window puts it by default, the composer's first
    // field, not on what the skeleton had (the switcher, a dock's tab bar).
    QWidget::setTabOrder(previousInFocusChain(), m_profileSwitcher);
    for (QWidget *w = m_composer->nextInFocusChain(); m_composer->isAncestorOf(w);
         w = w->nextInFocusChain()) {
        if ((w->focusPolicy() & Qt::TabFocus) && w->isVisibleTo(this) && w->isEnabled()) {
            w->setFocus(Qt::OtherFocusReason);
            break;
        }
    }
    m_building = false;
    m_built = true;
    emit built();
}

MainWindow *MainWindow::completed() const
{
    // The panes are made once and for all; the accessors stay const for their callers.
    auto *self = const_cast<MainWindow *>(this);
    self->completeBuild();
    return self;
}

void MainWindow::createPanes()
{
    m_composer = new ComposerWidget(m_context.client, this);
    m_composer->setObjectName(u"composer"_s);
    m_exchangeView = new ExchangeView(this);
    m_exchangeView->setObjectName(u"exchangeView"_s);
    m_sendFlow = new SendFlow(m_session, m_context.client, m_context.history, m_composer, this);
    // Shown, the splitter keeps the sizes it gave the placeholders; not yet shown (the panes
    // made by the constructor), it lays the panes out from their size hints when it is, as a
    // window made in one go does. The placeholders go later: one may be handling the event that
    // asked for the panes.
    const bool shown = m_mainSplitter->isVisible();
    QWidgetList placeholders;
    if (shown) {
        placeholders << m_mainSplitter->replaceWidget(0, m_composer)
                     << m_mainSplitter->replaceWidget(1, m_exchangeView);
    } else {
        placeholders << m_mainSplitter->widget(0) << m_mainSplitter->widget(1);
        for (QWidget *placeholder : placeholders)
            placeholder->setParent(nullptr);
        m_mainSplitter->addWidget(m_composer);
        m_mainSplitter->addWidget(m_exchangeView);
    }
    for (QWidget *placeholder : placeholders) {
        placeholder->hide();
        placeholder->deleteLater();
    }
    // The stretch is the widgets' own (their size policies): the panes take the placeholders'.
    m_mainSplitter->setStretchFactor(0, 2);
    m_mainSplitter->setStretchFactor(1, 5);
    m_composerFold = new ComposerFold(m_composer, this);
    m_paneRow->insertWidget(0, m_composerFold->strip());

    m_historyPanel = new HistoryPanel(m_context.history, m_context.profiles, this);
    m_historyPanel->setObjectName(u"historyPanel"_s);
    QWidget *placeholder = m_historyDock->widget();
    m_historyDock->setWidget(m_historyPanel);
    placeholder->hide();
    placeholder->deleteLater();
    m_hubViews = new HubViews(m_context.client, m_session, m_composer, m_registrationsDock, this);
    // The Diagnose page (issue #19): built when first asked for; it wires its entry points.
    m_diagnoseDock = new DiagnoseDock(
        m_context.client, [this] { return m_context.history; }, this);
    connect(m_diagnoseDock, &DiagnoseDock::exchangeFinished, this,
            [this](const Nh::Exchange &e) { m_sendFlow->record(e); });
}

bool MainWindow::event(QEvent *event)
{
    // The skeleton's first paint: the panes in the event loop's next turn.
    if (event->type() == QEvent::Paint && !m_built && !m_buildPosted) {
        m_buildPosted = true;
        QTimer::singleShot(0, this, &MainWindow::completeBuild);
    }
    return QMainWindow::event(event);
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    // Only while the skeleton is shown (and the turn of the event loop after): a key pressed in
    // this window before the panes are made makes them first, and goes to where the focus is
    // then (the composer, not the part of the skeleton that had it), so nothing typed is lost.
    const QEvent::Type type = event->type();
    auto *widget = qobject_cast<QWidget *>(watched);
    if (m_building
        || (type != QEvent::KeyPress && type != QEvent::KeyRelease
            && type != QEvent::ShortcutOverride && type != QEvent::InputMethod)
        || !widget || widget->window() != this)
        return QMainWindow::eventFilter(watched, event);
    if (!m_built) {
        m_keysFrom = widget;
        completeBuild();
        // The rest of this key (its press after its shortcut override, its release) still goes
        // to the skeleton's widget: sent on until the event loop's next turn.
        QTimer::singleShot(0, this, [this] {
            m_keysFrom = nullptr;
            qApp->removeEventFilter(this);
        });
    }
    QWidget *focus = QApplication::focusWidget();
    // A shortcut override is answered by the panes' shortcuts, which exist now.
    if (widget != m_keysFrom || type == QEvent::ShortcutOverride || !focus || focus == widget)
        return QMainWindow::eventFilter(watched, event);
    if (type == QEvent::InputMethod)
        QCoreApplication::postEvent(focus, static_cast<QInputMethodEvent *>(event)->clone());
    else
        QCoreApplication::postEvent(focus, static_cast<QKeyEvent *>(event)->clone());
    return true;
}

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

void MainWindow::createActions()
{
    const auto make = [this](const QString &name, const QString &text, const QKeySequence &key,
                             const QString &icon = {}) {
        return makeAction(this, name, text, key, icon);
    };
    m_sasAction = make(u"actionSasInspector"_s, tr("&SAS Token Inspector…"),
                       QKeySequence(Qt::CTRL | Qt::Key_I), u"lock"_s);
    connect(m_sasAction, &QAction::triggered, this, &MainWindow::showSasInspector);
    m_searchHistoryAction =
        make(u"actionSearchHistory"_s, tr("&Search History"), QKeySequence(Qt::CTRL | Qt::Key_F));
    connect(m_searchHistoryAction, &QAction::triggered, this, [this] {
        m_historyDock->show();
        m_historyDock->raise();
        m_historyPanel->focusSearch();
    });

    m_quitAction = make(u"actionQuit"_s, tr("&Quit"), QKeySequence::Quit);
    // Some platforms (offscreen, plain X11 without a desktop) map StandardKey::Quit to nothing.
    if (m_quitAction->shortcut().isEmpty())
        m_quitAction->setShortcut(QKeySequence(tr("Ctrl+Q")));
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_copyCurlAction = make(u"actionCopyCurl"_s, tr("Copy as &curl"),
                            QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C), u"copy"_s);
    connect(m_copyCurlAction, &QAction::triggered, m_exchangeView, &ExchangeView::copyCurl);
    m_copyJsonAction = make(u"actionCopyJson"_s, tr("Copy as &JSON"),
                            QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_J), u"copy"_s);
    connect(m_copyJsonAction, &QAction::triggered, m_exchangeView, &ExchangeView::copyJson);
    m_saveExchangeAction =
        make(u"actionSaveExchange"_s, tr("&Save Exchange…"), QKeySequence::Save, u"save"_s);
    if (m_saveExchangeAction->shortcut().isEmpty())
        m_saveExchangeAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_S));
    connect(m_saveExchangeAction, &QAction::triggered, m_exchangeView, &ExchangeView::save);
    m_revealAction = make(u"actionReveal"_s, tr("&Reveal Secrets"),
                          QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R), u"reveal"_s);
    m_revealAction->setCheckable(true);
    connect(m_revealAction, &QAction::toggled, m_exchangeView, &ExchangeView::setRevealed);
    connect(m_exchangeView, &ExchangeView::revealChanged, m_revealAction, &QAction::setChecked);

    m_focusPayloadAction =
        make(u"actionFocusPayload"_s, tr("Go to &Payload"), QKeySequence(Qt::CTRL | Qt::Key_1));
    connect(m_focusPayloadAction, &QAction::triggered, m_composerFold, &ComposerFold::unfold);
    connect(m_focusPayloadAction, &QAction::triggered, m_composer, &ComposerWidget::focusPayload);
    m_focusTagsAction =
        make(u"actionFocusTags"_s, tr("Go to &Tag Expression"), QKeySequence(Qt::CTRL | Qt::Key_L));
    connect(m_focusTagsAction, &QAction::triggered, m_composerFold, &ComposerFold::unfold);
    connect(m_focusTagsAction, &QAction::triggered, m_composer,
            &ComposerWidget::focusTagExpression);
    m_resetLayoutAction = make(u"actionResetLayout"_s, tr("Reset &Layout"), QKeySequence());
    connect(m_resetLayoutAction, &QAction::triggered, this, &MainWindow::resetLayout);

    m_aboutAction = make(u"actionAbout"_s, tr("&About nhconsole"), QKeySequence::HelpContents);
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::showAbout);
    m_aboutQtAction = make(u"actionAboutQt"_s, tr("About &Qt"), QKeySequence());
    connect(m_aboutQtAction, &QAction::triggered, qApp, &QApplication::aboutQt);

    const auto updateExchangeActions = [this] {
        const bool has = m_exchangeView->hasExchange();
        m_copyCurlAction->setEnabled(has);
        m_copyJsonAction->setEnabled(has);
        m_saveExchangeAction->setEnabled(has);
        m_revealAction->setEnabled(has && !m_exchangeView->exchange().authorization.isEmpty());
    };
    connect(m_exchangeView, &ExchangeView::exchangeChanged, this, updateExchangeActions);
    updateExchangeActions();
}

void MainWindow::createMenuTitles()
{
    // Their actions belong to the panes: the menus are filled with them (createMenus()); one
    // opened before makes the panes first.
    for (const QString &title : {tr("&Profile"), tr("&Edit"), tr("&Notification"), tr("H&ub"),
                                 tr("Hi&story"), tr("&View"), tr("&Help")}) {
        QMenu *menu = menuBar()->addMenu(title);
        connect(menu, &QMenu::aboutToShow, this, &MainWindow::completeBuild);
        m_menus.append(menu);
    }
}

void MainWindow::createMenus()
{
    QMenu *file = m_menus.at(0);
    file->addActions({m_profileActions->newAction(), m_profileActions->editAction(),
                      m_profileActions->duplicateAction(), m_profileActions->deleteAction(),
                      m_profileActions->importAction(), m_profileActions->exportAction()});
    file->addSeparator();
    file->addAction(m_sasAction);
    file->addSeparator();
    file->addAction(m_quitAction);

    QMenu *edit = m_menus.at(1);
    edit->addActions({m_copyCurlAction, m_copyJsonAction, m_saveExchangeAction});
    edit->addSeparator();
    edit->addAction(m_revealAction);
    // Preferences: the dialog previews, applies and stores what it changes by itself.
    auto *preferences = new QAction(tr("Pre&ferences…"), this);
    preferences->setObjectName(u"actionPreferences"_s);
    preferences->setShortcut(QKeySequence::Preferences);
    if (preferences->shortcut().isEmpty()) // no platform binding on X11/Wayland
        preferences->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    preferences->setMenuRole(QAction::PreferencesRole);
    connect(preferences, &QAction::triggered, this, [this] {
        auto *dialog = new PreferencesDialog(m_context.settings, m_context.history, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    edit->addSeparator();
    edit->addAction(preferences);

    QMenu *send = m_menus.at(2);
    send->addActions({m_composer->sendAction(), m_composer->cancelAction()});
    send->addSeparator();
    send->addActions({m_composer->testSendAction(), m_composer->prettyPrintAction()});

    QMenu *hub = m_menus.at(3);
    hub->addActions({m_hubViews->showAction(), m_hubViews->refreshAction()});
    hub->addAction(m_hubPageDock->showAction());
    hub->addAction(m_diagnoseDock->showAction());
    hub->addSeparator();
    hub->addActions({registrationsBrowser()->newAction(), registrationsBrowser()->sendTestAction(),
                     registrationsBrowser()->deleteAction()});
    hub->addSeparator();
    hub->addAction(registrationsBrowser()->installationsAction());

    QMenu *history = m_menus.at(4);
    history->addAction(m_searchHistoryAction);
    history->addSeparator();
    history->addActions({m_historyPanel->resendAction(), m_historyPanel->compareAction(),
                         m_historyPanel->pinAction(), m_historyPanel->labelAction(),
                         m_historyPanel->deleteAction()});
    history->addSeparator();
    history->addActions({m_historyPanel->exportCurlAction(),
                         m_historyPanel->exportCurlTokenAction(),
                         m_historyPanel->exportJsonAction(), m_historyPanel->exportHarAction()});

    QMenu *view = m_menus.at(5);
    QAction *showHistory = m_historyDock->toggleViewAction();
    showHistory->setObjectName(u"actionShowHistory"_s);
    showHistory->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_H));
    showHistory->setIcon(Theme::icon(u"history"_s));
    view->addActions({showHistory, m_hubViews->showAction()});
    QAction *showTraffic =
        view->addAction(Theme::icon(u"emulator"_s), tr("&Traffic"), this, &MainWindow::showTraffic);
    showTraffic->setObjectName(u"actionShowTraffic"_s);
    showTraffic->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_R));
    showTraffic->setStatusTip(tr("Every client's requests to the bundled emulator, live"));
    view->addSeparator();
    view->addActions({m_composerFold->showAction(), m_composerFold->foldAfterSendAction()});
    view->addSeparator();
    view->addActions({m_focusPayloadAction, m_focusTagsAction});
    view->addSeparator();
    view->addAction(m_resetLayoutAction);

    QMenu *help = m_menus.at(6);
    help->addActions({m_aboutAction, m_aboutQtAction});
}

void MainWindow::createToolBar()
{
    QToolBar *bar = addToolBar(tr("Main"));
    m_toolBar = bar;
    bar->setObjectName(u"mainToolBar"_s);
    bar->setMovable(false);
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->addWidget(new QLabel(tr("Profile "), bar));
    bar->addWidget(m_profileSwitcher);
    bar->addAction(m_profileActions->newAction());
    bar->addSeparator();
}

void MainWindow::completeToolBar()
{
    // After the profile part of the skeleton: the actions of the panes.
    m_toolBar->addActions({m_composer->sendAction(), m_composer->cancelAction()});
    m_toolBar->addSeparator();
    m_toolBar->addActions({m_copyCurlAction, m_revealAction, m_sasAction});
}

void MainWindow::createStatusBar()
{
    m_profileStatus = new QLabel(this);
    m_profileStatus->setObjectName(u"profileStatus"_s);
    m_keyProgress = new QProgressBar(this);
    m_keyProgress->setObjectName(u"keyProgress"_s);
    m_keyProgress->setRange(0, 0);
    m_keyProgress->setMaximumWidth(120);
    m_keyProgress->setMaximumHeight(fontMetrics().height());
    m_keyProgress->hide();
    statusBar()->addPermanentWidget(m_keyProgress);
    statusBar()->addPermanentWidget(m_profileStatus);
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
