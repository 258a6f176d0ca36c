// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// MainWindow's construction in two parts (docs/architecture.md, "Start-up"): the skeleton the
// first frame shows, then the panes with their actions, menus and toolbar.

#include "banner.h"
#include "client/resend.h"
#include "composerfold.h"
#include "composerstrip.h"
#include "composerwidget.h"
#include "diagnosedock.h"
#include "exchangeview.h"
#include "historypanel.h"
#include "hubpagedock.h"
#include "hubviews.h"
#include "mainwindow.h"
#include "makeaction.h"
#include "preferencesdialog.h"
#include "profileswitcher.h"
#include "registrationsbrowser.h"
#include "sasinspector.h"
#include "sendflow.h"
#include "store/exchangeexport.h"
#include "theme.h"
#include "windowstate.h"

#include <QApplication>
#include <QDockWidget>
#include <QInputMethodEvent>
#include <QKeyEvent>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QProgressBar>
#include <QSplitter>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

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
