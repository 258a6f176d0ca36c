// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "client/hubclient.h"
#include "composerwidget.h"
#include "emulator/hubemulator.h"
#include "exchangeview.h"
#include "headersview.h"
#include "payloadeditor.h"
#include "sessionlist.h"
#include "tagexpressionedit.h"
#include "theme.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDockWidget>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QToolBar>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace {

const QString kStateGroup = u"State/"_s;
constexpr int kStatusTimeoutMs = 8000;

/** The tag expression a first send uses: it reaches every Apple demo registration. */
const QString kDemoExpression = u"sports || politics"_s;

} // namespace

MainWindow::MainWindow(const AppContext &context, QWidget *parent)
    : QMainWindow(parent)
    , m_context(context)
{
    setObjectName(u"mainWindow"_s);
    setWindowIcon(Theme::icon(u"nhconsole"_s));
    const QString hub = m_context.client->connection().hub;
    setWindowTitle(m_context.emulator ? tr("nhconsole — %1 (local emulator)").arg(hub)
                                      : tr("nhconsole — %1").arg(hub));

    m_composer = new ComposerWidget(m_context.client, this);
    m_composer->setObjectName(u"composer"_s);
    m_exchangeView = new ExchangeView(this);
    m_exchangeView->setObjectName(u"exchangeView"_s);
    if (m_context.emulator)
        m_exchangeView->setCaCertificatePath(m_context.emulator->certificatePath());

    m_mainSplitter = new QSplitter(Qt::Horizontal, this);
    m_mainSplitter->setObjectName(u"mainSplitter"_s);
    m_mainSplitter->addWidget(m_composer);
    m_mainSplitter->addWidget(m_exchangeView);
    m_mainSplitter->setStretchFactor(0, 2);
    m_mainSplitter->setStretchFactor(1, 5);
    m_mainSplitter->setChildrenCollapsible(false);

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(8, 6, 8, 6);
    layout->addWidget(createBanner());
    layout->addWidget(m_mainSplitter, 1);
    setCentralWidget(central);

    m_sessionList = new SessionList(this);
    m_sessionList->setObjectName(u"sessionList"_s);
    m_historyDock = new QDockWidget(tr("This Session"), this);
    m_historyDock->setObjectName(u"historyDock"_s);
    m_historyDock->setWidget(m_sessionList);
    m_historyDock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable);
    addDockWidget(Qt::BottomDockWidgetArea, m_historyDock);

    createActions();
    createMenus();
    createToolBar();

    m_profileStatus = new QLabel(this);
    m_profileStatus->setObjectName(u"profileStatus"_s);
    statusBar()->addPermanentWidget(m_profileStatus);
    const Nh::HubConnection &c = m_context.client->connection();
    m_profileStatus->setText(tr("%1 · rule %2 · %3")
                                 .arg(hub, c.connectionString.keyName(),
                                      c.connectionString.hubUrl(hub).host()));

    connect(m_composer, &ComposerWidget::exchangeFinished, this,
            &MainWindow::showExchangeFinished);
    connect(m_composer, &ComposerWidget::sendStarted, this, [this] {
        statusBar()->showMessage(tr("Sending… press Esc to cancel"));
    });
    connect(m_composer, &ComposerWidget::message, this,
            [this](const QString &text) { statusBar()->showMessage(text, kStatusTimeoutMs); });
    connect(m_exchangeView, &ExchangeView::message, this,
            [this](const QString &text) { statusBar()->showMessage(text, kStatusTimeoutMs); });
    connect(m_sessionList, &SessionList::exchangeSelected, m_exchangeView,
            &ExchangeView::setExchange);
    connect(m_exchangeView, &ExchangeView::revealChanged, m_revealAction, &QAction::setChecked);

    // First run: a ready payload and a target that reaches the demo registrations.
    if (m_context.emulator && m_context.emulatorStatus.ok()) {
        m_composer->setTargetKind(ComposerWidget::TargetKind::Tags);
        m_composer->setTagExpression(kDemoExpression);
        m_composer->validateNow();
        m_composer->refreshKnownTags();
    }
    updateBanner();
    resize(1440, 900);
    restoreWindowState();
    statusBar()->showMessage(tr("Ready. Ctrl+Enter sends."), kStatusTimeoutMs);
}

void MainWindow::createActions()
{
    const auto make = [this](const QString &name, const QString &text, const QKeySequence &key,
                             const QString &icon = {}) {
        auto *a = new QAction(text, this);
        a->setObjectName(name);
        a->setShortcut(key);
        if (!icon.isEmpty())
            a->setIcon(Theme::icon(icon));
        return a;
    };
    // TODO(#7): enable once profiles land: opens ProfileDialog (connection string → keychain).
    m_addHubAction = make(u"actionAddHub"_s, tr("&Add Hub…"),
                          QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N), u"addhub"_s);
    m_addHubAction->setEnabled(false);
    m_addHubAction->setToolTip(tr("Connection profiles for real hubs arrive in the next version"));
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
    m_revealAction = make(u"actionReveal"_s, tr("&Reveal Secrets"),
                          QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R), u"reveal"_s);
    m_revealAction->setCheckable(true);
    connect(m_revealAction, &QAction::toggled, m_exchangeView, &ExchangeView::setRevealed);

    m_focusPayloadAction = make(u"actionFocusPayload"_s, tr("Go to &Payload"),
                                QKeySequence(Qt::CTRL | Qt::Key_1));
    connect(m_focusPayloadAction, &QAction::triggered, this, [this] {
        m_composer->findChild<PayloadEditor *>(u"payloadEditor"_s)->setFocus();
    });
    m_focusTagsAction = make(u"actionFocusTags"_s, tr("Go to &Tag Expression"),
                             QKeySequence(Qt::CTRL | Qt::Key_L));
    connect(m_focusTagsAction, &QAction::triggered, this, [this] {
        m_composer->setTargetKind(ComposerWidget::TargetKind::Tags);
        m_composer->findChild<TagExpressionEdit *>(u"tagExpressionEdit"_s)->setFocus();
    });
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
        m_revealAction->setEnabled(has && !m_exchangeView->exchange().authorization.isEmpty());
    };
    connect(m_sessionList, &SessionList::exchangeSelected, this, updateExchangeActions);
    updateExchangeActions();
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_addHubAction);
    file->addSeparator();
    file->addAction(m_quitAction);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(m_copyCurlAction);
    edit->addAction(m_copyJsonAction);
    edit->addSeparator();
    edit->addAction(m_revealAction);

    QMenu *send = menuBar()->addMenu(tr("&Notification"));
    send->addAction(m_composer->sendAction());
    send->addAction(m_composer->cancelAction());
    send->addSeparator();
    send->addAction(m_composer->testSendAction());
    send->addAction(m_composer->prettyPrintAction());
    send->addAction(m_composer->refreshTagsAction());

    QMenu *view = menuBar()->addMenu(tr("&View"));
    QAction *history = m_historyDock->toggleViewAction();
    history->setObjectName(u"actionShowHistory"_s);
    history->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_H));
    history->setIcon(Theme::icon(u"history"_s));
    view->addAction(history);
    view->addSeparator();
    view->addAction(m_focusPayloadAction);
    view->addAction(m_focusTagsAction);
    view->addSeparator();
    view->addAction(m_resetLayoutAction);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(m_aboutAction);
    help->addAction(m_aboutQtAction);
}

void MainWindow::createToolBar()
{
    QToolBar *bar = addToolBar(tr("Main"));
    bar->setObjectName(u"mainToolBar"_s);
    bar->setMovable(false);
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->addWidget(new QLabel(tr("Hub "), bar));
    // TODO(#7): fill from Nh::ProfileStore and switch the client's connection on change.
    m_profileSwitcher = new QComboBox(bar);
    m_profileSwitcher->setObjectName(u"profileSwitcher"_s);
    m_profileSwitcher->setMinimumContentsLength(24);
    const QString hub = m_context.client->connection().hub;
    m_profileSwitcher->addItem(Theme::icon(m_context.emulator ? u"emulator"_s : u"addhub"_s),
                               m_context.emulator ? tr("Local emulator · %1").arg(hub) : hub);
    m_profileSwitcher->setToolTip(tr("The hub notifications go to"));
    bar->addWidget(m_profileSwitcher);
    bar->addAction(m_addHubAction);
    bar->addSeparator();
    bar->addAction(m_composer->sendAction());
    bar->addAction(m_composer->cancelAction());
    bar->addSeparator();
    bar->addAction(m_copyCurlAction);
    bar->addAction(m_revealAction);
}

QWidget *MainWindow::createBanner()
{
    m_banner = new QFrame(this);
    m_banner->setObjectName(u"emulatorBanner"_s);
    m_banner->setFrameShape(QFrame::StyledPanel);
    m_bannerIcon = new QLabel(m_banner);
    m_bannerText = new QLabel(m_banner);
    m_bannerText->setObjectName(u"emulatorBannerText"_s);
    m_bannerText->setWordWrap(true);
    m_bannerText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *addHub = new QPushButton(Theme::icon(u"addhub"_s), tr("Add a real hub…"), m_banner);
    addHub->setObjectName(u"bannerAddHubButton"_s);
    addHub->setEnabled(false); // TODO(#7): triggers m_addHubAction once profiles land.
    addHub->setToolTip(m_addHubAction ? m_addHubAction->toolTip() : QString());
    auto *h = new QHBoxLayout(m_banner);
    h->setContentsMargins(10, 6, 10, 6);
    h->addWidget(m_bannerIcon);
    h->addWidget(m_bannerText, 1);
    h->addWidget(addHub);
    return m_banner;
}

void MainWindow::updateBanner()
{
    if (!m_context.emulator) {
        m_banner->hide();
        return;
    }
    Theme::Tone tone = Theme::Tone::Info;
    if (!m_context.emulatorStatus.ok()) {
        tone = Theme::Tone::Failure;
        m_bannerText->setText(tr("<b>The bundled emulator could not start.</b> %1 Sends will "
                                 "fail until a hub is reachable.")
                                  .arg(m_context.emulatorStatus.error().message.toHtmlEscaped()));
    } else {
        m_bannerText->setText(
            tr("<b>You are sending to the local emulator</b> bundled with nhconsole (hub "
               "<tt>%1</tt> at <tt>https://127.0.0.1:%2</tt>), with demo registrations for every "
               "platform. Nothing leaves this machine. To use a real hub, add a connection "
               "profile with its connection string (File ▸ Add Hub…, coming with profiles).")
                .arg(m_context.emulator->hubName().toHtmlEscaped())
                .arg(m_context.emulator->port()));
    }
    Theme::paintBanner(m_banner, tone);
    m_bannerIcon->setPixmap(Theme::toneIcon(tone).pixmap(24, 24));
    m_banner->show();
}

void MainWindow::showExchangeFinished(const Nh::Exchange &exchange)
{
    // TODO(#7): also append to Nh::HistoryStore (redacted) once it lands.
    m_sessionList->add(exchange);
    m_exchangeView->setExchange(exchange);
    QString text = Nh::exchangeResultDisplayName(exchange.result);
    if (exchange.outcome) {
        text = tr("%1: %2 delivered, %3 failed")
                   .arg(text)
                   .arg(exchange.outcome->success)
                   .arg(exchange.outcome->failure);
    }
    if (exchange.totalMs >= 0)
        text += tr(" (%1 ms)").arg(exchange.totalMs);
    statusBar()->showMessage(text, kStatusTimeoutMs);
}

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

void MainWindow::saveWindowState() const
{
    QSettings &s = *m_context.settings;
    s.setValue(kStateGroup + u"geometry"_s, saveGeometry());
    s.setValue(kStateGroup + u"windowState"_s, saveState());
    for (const QSplitter *splitter : findChildren<QSplitter *>()) {
        if (!splitter->objectName().isEmpty())
            s.setValue(kStateGroup + splitter->objectName(), splitter->saveState());
    }
}

bool MainWindow::restoreWindowState()
{
    const QSettings &s = *m_context.settings;
    if (!s.contains(kStateGroup + u"geometry"_s))
        return false;
    restoreGeometry(s.value(kStateGroup + u"geometry"_s).toByteArray());
    restoreState(s.value(kStateGroup + u"windowState"_s).toByteArray());
    for (QSplitter *splitter : findChildren<QSplitter *>()) {
        const QString key = kStateGroup + splitter->objectName();
        if (!splitter->objectName().isEmpty() && s.contains(key))
            splitter->restoreState(s.value(key).toByteArray());
    }
    return true;
}

void MainWindow::resetLayout()
{
    m_context.settings->remove(u"State"_s);
    m_historyDock->show();
    const int width = m_mainSplitter->width();
    m_mainSplitter->setSizes({width * 2 / 7, width * 5 / 7});
    const int exchangeWidth = m_exchangeView->splitter()->width();
    m_exchangeView->splitter()->setSizes({exchangeWidth / 2, exchangeWidth / 2});
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveWindowState();
    QMainWindow::closeEvent(event);
}

void MainWindow::changeEvent(QEvent *event)
{
    QMainWindow::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_banner)
        updateBanner();
}
