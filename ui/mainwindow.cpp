// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "client/hubclient.h"
#include "composerwidget.h"
#include "emulator/hubemulator.h"
#include "exchangeview.h"
#include "historypanel.h"
#include "installationdialog.h"
#include "localemulator.h"
#include "outcomeview.h"
#include "payloadeditor.h"
#include "preferencesdialog.h"
#include "profiledialog.h"
#include "profileswitcher.h"
#include "protocol/notificationoutcome.h"
#include "protocol/sastoken.h"
#include "reachpreview.h"
#include "registrationsbrowser.h"
#include "sasinspector.h"
#include "store/exchangeexport.h"
#include "store/profilestore.h"
#include "store/secretstore.h"
#include "store/settings.h"
#include "tagexpressionedit.h"
#include "theme.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace {

const QString kStateGroup = u"State/"_s;
const QString kHistoryHeaderKey = u"State/historyHeader"_s;
const QString kRegistrationsHeaderKey = u"State/registrationsHeader"_s;
constexpr int kStatusTimeoutMs = 8000;
constexpr int kProblemTimeoutMs = 15000;

/** The tag expression a first send uses: it reaches every Apple demo registration. */
const QString kDemoExpression = u"sports || politics"_s;

/** Whether `host`:`port` is the bundled emulator, running in this process. */
bool isBundledEmulator(const Nh::HubEmulator *emulator, const QString &host, int port)
{
    return emulator && emulator->isListening() && Nh::isLoopbackHost(host)
        && port == int(emulator->port());
}

QString profileIdText(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

/**
 * A word-wrapped label that asks for the height its text needs at its current width. The
 * main window's layout sizes the central widget from size hints, not heightForWidth(), so a
 * plain QLabel with a long sentence is cut off at the bottom.
 */
class WrappingLabel final : public QLabel
{
public:
    using QLabel::QLabel;

protected:
    void resizeEvent(QResizeEvent *event) override
    {
        QLabel::resizeEvent(event);
        const int needed = heightForWidth(width());
        if (needed > 0 && needed != minimumHeight())
            setMinimumHeight(needed);
    }
};

} // namespace

MainWindow::MainWindow(const AppContext &context, QWidget *parent)
    : QMainWindow(parent)
    , m_context(context)
{
    Q_ASSERT(m_context.client && m_context.settings && m_context.profiles && m_context.secrets);
    setObjectName(u"mainWindow"_s);
    setWindowIcon(Theme::icon(u"nhconsole"_s));

    m_composer = new ComposerWidget(m_context.client, this);
    m_composer->setObjectName(u"composer"_s);
    m_exchangeView = new ExchangeView(this);
    m_exchangeView->setObjectName(u"exchangeView"_s);

    // Every send passes here first, so a production profile can ask before it goes out.
    m_composer->setSendGate([this](const std::function<void()> &proceed) { gateSend(proceed); });

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

    m_historyPanel = new HistoryPanel(m_context.history, m_context.profiles, this);
    m_historyPanel->setObjectName(u"historyPanel"_s);
    m_historyDock = new QDockWidget(tr("History"), this);
    m_historyDock->setObjectName(u"historyDock"_s);
    m_historyDock->setWidget(m_historyPanel);
    m_historyDock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable);
    addDockWidget(Qt::BottomDockWidgetArea, m_historyDock);
    createRegistrationsDock();

    m_profileSwitcher = new ProfileSwitcher(m_context.profiles, this);
    createActions();
    createMenus();
    createToolBar();

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

    connect(m_composer, &ComposerWidget::exchangeFinished, this, &MainWindow::showExchangeFinished);
    connect(m_composer, &ComposerWidget::sendStarted, this, [this](const Nh::Notification &n) {
        m_lastNotification = n;
        statusBar()->showMessage(tr("Sending… press Esc to cancel"));
    });
    connect(m_composer, &ComposerWidget::message, this,
            [this](const QString &text) { statusBar()->showMessage(text, kStatusTimeoutMs); });
    connect(m_exchangeView, &ExchangeView::message, this,
            [this](const QString &text) { statusBar()->showMessage(text, kStatusTimeoutMs); });
    connect(m_historyPanel, &HistoryPanel::message, this,
            [this](const QString &text) { statusBar()->showMessage(text, kStatusTimeoutMs); });
    connect(m_historyPanel, &HistoryPanel::exchangeSelected, this, &MainWindow::showHistoryRecord);
    connect(m_historyPanel, &HistoryPanel::resendRequested, this, &MainWindow::resend);
    // Curl exports may carry a token of the current profile, for its own hub only.
    m_historyPanel->setTokenSigner([this](const Nh::HistoryRecord &record) -> QString {
        const Nh::HubConnection &c = m_context.client->connection();
        if (!m_profileReady || c.connectionString.key().isEmpty()
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
        return isBundledEmulator(m_context.emulator, url.host(), url.port())
            ? m_context.emulator->certificatePath()
            : QString();
    };
    m_exchangeView->setCertificateLookup(certificate);
    m_historyPanel->setCertificateLookup(certificate);
    connect(m_exchangeView, &ExchangeView::revealChanged, m_revealAction, &QAction::setChecked);
    connect(m_profileSwitcher, &ProfileSwitcher::profileActivated, this,
            &MainWindow::activateProfile);
    connect(m_context.secrets, &Nh::SecretStore::keychainProblem, this,
            [this](const Nh::Error &e) { statusBar()->showMessage(e.message, kProblemTimeoutMs); });
    connect(m_context.profiles, &Nh::ProfileStore::profileChanged, this, [this](const QUuid &id) {
        if (id == m_profile.id) {
            if (const auto p = m_context.profiles->profile(id)) {
                m_profile.name = p->name;
                m_profile.label = p->label;
                m_profile.colour = p->colour;
                m_profile.production = p->production;
                updateBanner();
            }
        }
    });
    if (m_context.history) {
        connect(m_context.history, &Nh::HistoryStore::written, this, [this](const QUuid &id) {
            // The row of what the exchange view shows becomes the current one.
            if (m_exchangeView->hasExchange() && m_exchangeView->exchange().id == id)
                m_historyPanel->selectExchange(id);
        });
        connect(m_context.history, &Nh::HistoryStore::writeFailed, this,
                [this](const QUuid &, const QString &message) {
                    statusBar()->showMessage(message, kProblemTimeoutMs);
                });
    }

    resize(1440, 900);
    const int historyHeight = m_historyPanel->sizeHint().height();
    resizeDocks({m_historyDock}, {historyHeight}, Qt::Vertical);
    restoreWindowState();

    const QUuid last = Nh::Settings(m_context.settings).lastProfileId();
    activateProfile(m_context.profiles->profile(last) ? last : Nh::kEmulatorProfileId);
    // First run: a ready payload and a target that reaches the demo registrations.
    if (m_profile.isEmulator() && m_profileReady && m_profile.defaultTags.isEmpty()) {
        m_composer->setTargetKind(ComposerWidget::TargetKind::Tags);
        m_composer->setTagExpression(kDemoExpression);
        m_composer->validateNow();
    }
    if (m_profileReady)
        statusBar()->showMessage(tr("Ready. Ctrl+Enter sends."), kStatusTimeoutMs);
}

MainWindow::~MainWindow() = default;

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
    m_newProfileAction = make(u"actionNewProfile"_s, tr("&New Profile…"),
                              QKeySequence(Qt::CTRL | Qt::Key_N), u"addhub"_s);
    m_newProfileAction->setToolTip(tr("Add a hub from its connection string (Ctrl+N)"));
    connect(m_newProfileAction, &QAction::triggered, this, &MainWindow::newProfile);
    m_editProfileAction =
        make(u"actionEditProfile"_s, tr("&Edit Profile…"), QKeySequence(Qt::CTRL | Qt::Key_E));
    connect(m_editProfileAction, &QAction::triggered, this, &MainWindow::editProfile);
    m_duplicateProfileAction = make(u"actionDuplicateProfile"_s, tr("D&uplicate Profile"),
                                    QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
    connect(m_duplicateProfileAction, &QAction::triggered, this, &MainWindow::duplicateProfile);
    m_deleteProfileAction = make(u"actionDeleteProfile"_s, tr("&Delete Profile…"),
                                 QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Delete), u"remove"_s);
    connect(m_deleteProfileAction, &QAction::triggered, this, &MainWindow::deleteProfile);
    m_importProfilesAction = make(u"actionImportProfiles"_s, tr("&Import Profiles…"),
                                  QKeySequence(Qt::CTRL | Qt::Key_O));
    connect(m_importProfilesAction, &QAction::triggered, this, &MainWindow::importProfiles);
    m_exportProfilesAction = make(u"actionExportProfiles"_s, tr("E&xport Profiles…"),
                                  QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    connect(m_exportProfilesAction, &QAction::triggered, this, &MainWindow::exportProfiles);
    m_profileImporter = new ProfileImporter(m_context.profiles, this);
    m_profileImporter->setPathChooser(m_profilePathChooser);
    connect(m_profileImporter, &ProfileImporter::message, this,
            [this](const QString &text) { statusBar()->showMessage(text, kStatusTimeoutMs); });
    connect(m_profileImporter, &ProfileImporter::busyChanged, this, [this](bool busy) {
        m_importProfilesAction->setEnabled(!busy);
        setKeyProgress(busy ? tr("Importing profiles and storing their keys…") : QString());
    });
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

    m_focusPayloadAction =
        make(u"actionFocusPayload"_s, tr("Go to &Payload"), QKeySequence(Qt::CTRL | Qt::Key_1));
    connect(m_focusPayloadAction, &QAction::triggered, this,
            m_composer, &ComposerWidget::focusPayload);
    m_focusTagsAction =
        make(u"actionFocusTags"_s, tr("Go to &Tag Expression"), QKeySequence(Qt::CTRL | Qt::Key_L));
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

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&Profile"));
    file->addAction(m_newProfileAction);
    file->addAction(m_editProfileAction);
    file->addAction(m_duplicateProfileAction);
    file->addAction(m_deleteProfileAction);
    file->addAction(m_importProfilesAction);
    file->addAction(m_exportProfilesAction);
    file->addSeparator();
    file->addAction(m_sasAction);
    file->addSeparator();
    file->addAction(m_quitAction);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(m_copyCurlAction);
    edit->addAction(m_copyJsonAction);
    edit->addAction(m_saveExchangeAction);
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

    QMenu *send = menuBar()->addMenu(tr("&Notification"));
    send->addAction(m_composer->sendAction());
    send->addAction(m_composer->cancelAction());
    send->addSeparator();
    send->addAction(m_composer->testSendAction());
    send->addAction(m_composer->prettyPrintAction());

    QMenu *hub = menuBar()->addMenu(tr("H&ub"));
    hub->addAction(m_showRegistrationsAction);
    hub->addAction(m_refreshAction);
    hub->addSeparator();
    hub->addAction(m_registrations->newAction());
    hub->addAction(m_registrations->sendTestAction());
    hub->addAction(m_registrations->deleteAction());
    hub->addSeparator();
    hub->addAction(m_registrations->installationsAction());

    QMenu *history = menuBar()->addMenu(tr("Hi&story"));
    history->addAction(m_searchHistoryAction);
    history->addSeparator();
    history->addAction(m_historyPanel->resendAction());
    history->addAction(m_historyPanel->compareAction());
    history->addAction(m_historyPanel->pinAction());
    history->addAction(m_historyPanel->labelAction());
    history->addAction(m_historyPanel->deleteAction());
    history->addSeparator();
    history->addAction(m_historyPanel->exportCurlAction());
    history->addAction(m_historyPanel->exportCurlTokenAction());
    history->addAction(m_historyPanel->exportJsonAction());
    history->addAction(m_historyPanel->exportHarAction());

    QMenu *view = menuBar()->addMenu(tr("&View"));
    QAction *showHistory = m_historyDock->toggleViewAction();
    showHistory->setObjectName(u"actionShowHistory"_s);
    showHistory->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_H));
    showHistory->setIcon(Theme::icon(u"history"_s));
    view->addAction(showHistory);
    view->addAction(m_showRegistrationsAction);
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
    bar->addWidget(new QLabel(tr("Profile "), bar));
    bar->addWidget(m_profileSwitcher);
    bar->addAction(m_newProfileAction);
    bar->addSeparator();
    bar->addAction(m_composer->sendAction());
    bar->addAction(m_composer->cancelAction());
    bar->addSeparator();
    bar->addAction(m_copyCurlAction);
    bar->addAction(m_revealAction);
    bar->addAction(m_sasAction);
}

QWidget *MainWindow::createBanner()
{
    m_banner = new QFrame(this);
    m_banner->setObjectName(u"emulatorBanner"_s);
    m_banner->setFrameShape(QFrame::StyledPanel);
    m_bannerIcon = new QLabel(m_banner);
    m_bannerText = new WrappingLabel(m_banner);
    m_bannerText->setObjectName(u"emulatorBannerText"_s);
    m_bannerText->setWordWrap(true);
    m_bannerText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_bannerButton = new QPushButton(m_banner);
    m_bannerButton->setObjectName(u"bannerAddHubButton"_s);
    connect(m_bannerButton, &QPushButton::clicked, this, [this] {
        if (!m_profileReady && m_profile.needsKey())
            askForSessionKey();
        else
            newProfile();
    });
    auto *h = new QHBoxLayout(m_banner);
    h->setContentsMargins(10, 6, 10, 6);
    h->addWidget(m_bannerIcon);
    h->addWidget(m_bannerText, 1);
    h->addWidget(m_bannerButton);
    return m_banner;
}

void MainWindow::updateBanner()
{
    Theme::Tone tone = Theme::Tone::Info;
    const QString name = m_profile.name.toHtmlEscaped();
    m_bannerButton->show();
    if (!m_profileReady) {
        tone = Theme::Tone::Warning;
        if (m_profile.isEmulator()) {
            m_bannerText->setText(tr("<b>The bundled emulator is not available.</b> %1 Sends "
                                     "will fail until a hub is reachable; add one with its "
                                     "connection string (Profile ▸ New Profile…).")
                                      .arg(m_profileProblem.toHtmlEscaped()));
            m_bannerButton->setIcon(Theme::icon(u"addhub"_s));
            m_bannerButton->setText(tr("Add a real hub…"));
        } else {
            m_bannerText->setText(
                tr("<b>“%1” cannot send yet.</b> %2").arg(name, m_profileProblem.toHtmlEscaped()));
            m_bannerButton->setIcon(Theme::icon(u"lock"_s));
            m_bannerButton->setText(tr("Enter the key for this run…"));
        }
    } else if (m_profile.production) {
        tone = Theme::Tone::Failure;
        m_bannerText->setText(tr("<b>Production hub.</b> “%1” sends to hub <tt>%2</tt> at "
                                 "<tt>%3</tt>: notifications reach real devices. nhconsole asks "
                                 "before every send.")
                                  .arg(name, m_profile.hub.toHtmlEscaped(),
                                       m_context.client->connection()
                                           .connectionString.hubUrl(m_profile.hub)
                                           .host()
                                           .toHtmlEscaped()));
        m_bannerButton->hide();
    } else if (m_profile.isEmulator()) {
        m_bannerText->setText(
            tr("<b>You are sending to the local emulator</b> bundled with nhconsole (hub "
               "<tt>%1</tt> at <tt>%2</tt>), with demo registrations for every platform. "
               "Nothing leaves this machine. To use a real hub, add a connection profile with "
               "its connection string (Profile ▸ New Profile…, Ctrl+N).")
                .arg(m_profile.hub.toHtmlEscaped(),
                     m_context.client->connection()
                         .connectionString.hubUrl(m_profile.hub)
                         .toString(QUrl::RemovePath | QUrl::RemoveQuery)
                         .toHtmlEscaped()));
        m_bannerButton->setIcon(Theme::icon(u"addhub"_s));
        m_bannerButton->setText(tr("Add a real hub…"));
    } else if (m_context.secrets->hasSessionKey(m_profile.id)) {
        m_bannerText->setText(tr("The key of “%1” is held in memory for this run only: the "
                                 "system keychain could not keep it. It is never written to "
                                 "disk.")
                                  .arg(name));
        m_bannerButton->hide();
    } else {
        m_banner->hide();
        return;
    }
    Theme::paintBanner(m_banner, tone);
    m_bannerIcon->setPixmap(Theme::toneIcon(tone).pixmap(24, 24));
    m_banner->show();
}

void MainWindow::updateProfileActions()
{
    const bool builtIn = m_profile.id == Nh::kEmulatorProfileId;
    m_deleteProfileAction->setEnabled(!builtIn && m_profile.id.isNull() == false);
    m_deleteProfileAction->setToolTip(builtIn ? tr("The local emulator profile cannot be "
                                                   "deleted")
                                              : tr("Delete this profile and its key"));
    m_sasAction->setEnabled(m_profileReady);
}

// --- profiles --------------------------------------------------------------------------------

void MainWindow::activateProfile(const QUuid &id)
{
    const auto found = m_context.profiles->profile(id);
    const Nh::Profile p = found ? *found : Nh::defaultEmulatorProfile();
    disconnectHubViews(tr("Connecting to “%1”…").arg(p.name));
    m_profile = p;
    m_profileReady = false;
    m_composer->setConnectionProblem(tr("connecting to “%1”…").arg(p.name));
    m_profileProblem.clear();
    m_keyJob = nullptr; // a read still in flight is for another profile now
    Nh::Settings(m_context.settings).setLastProfileId(p.id);
    m_profileSwitcher->setCurrentProfile(p.id);
    setWindowTitle(tr("nhconsole — %1").arg(p.name));

    if (p.isEmulator()) {
        const Nh::HubEmulator *emulator = m_context.emulator;
        if (!emulator || !m_context.emulatorStatus.ok() || !emulator->isListening()) {
            profileFailed(p,
                          m_context.emulatorStatus.ok()
                              ? Nh::makeError(Nh::ErrorCode::Usage,
                                              tr("The bundled emulator is not running."))
                              : m_context.emulatorStatus.error());
            return;
        }
        connectProfile(p, {});
        return;
    }
    setKeyProgress(tr("Reading the key of “%1” from the system keychain…").arg(p.name));
    m_composer->setEnabled(false);
    updateBanner();
    Nh::SecretJob *job = m_context.secrets->readKey(p.id, p.name);
    m_keyJob = job;
    connect(job, &Nh::SecretJob::finished, this, [this, job, p](const Nh::Result<QString> &r) {
        if (m_keyJob != job)
            return; // another profile was chosen meanwhile
        m_keyJob = nullptr;
        setKeyProgress({});
        m_composer->setEnabled(true);
        if (r)
            connectProfile(p, r.value());
        else
            profileFailed(p, r.error());
    });
}

void MainWindow::connectProfile(const Nh::Profile &p, const QString &key)
{
    Nh::HubConnection c;
    const Nh::HubEmulator *emulator = m_context.emulator;
    if (p.isEmulator()) {
        const Nh::ConnectionString live = emulator->connectionString(p.keyName);
        if (live.key().isEmpty()) {
            profileFailed(p,
                          Nh::makeError(Nh::ErrorCode::NotFound,
                                        tr("The emulator has no SAS rule named “%1”; its "
                                           "rules are %2.")
                                            .arg(p.keyName, emulator->ruleNames().join(u", "_s))));
            return;
        }
        // Where and how LocalEmulator reaches it (127.0.0.1, its certificate), with the
        // profile's own rule and hub.
        const Nh::HubConnection base = LocalEmulator::connection(*emulator);
        c = p.connection(Nh::ConnectionString::fromParts(base.connectionString.host(),
                                                         base.connectionString.port(),
                                                         live.keyName(), live.key()));
        c.caCertificates = base.caCertificates;
    } else {
        c = p.connection(key);
        // A hub profile may point at the bundled emulator too; trust its certificate then.
        if (isBundledEmulator(emulator, p.host, p.port))
            c.caCertificates = {emulator->certificate()};
    }
    m_context.client->setConnection(c);
    m_profileReady = true;
    m_composer->setConnectionProblem({});
    m_composer->setEnabled(true);
    if (p.defaultFormat)
        m_composer->setFormat(*p.defaultFormat);
    if (!p.defaultTags.isEmpty()) {
        m_composer->setTargetKind(ComposerWidget::TargetKind::Tags);
        m_composer->setTagExpression(p.defaultTags);
    }
    m_profileStatus->setText(tr("%1 · hub %2 · rule %3 · %4")
                                 .arg(p.name, p.hub, c.connectionString.keyName(),
                                      c.connectionString.hubUrl(p.hub).host()));
    if (m_sasInspector)
        m_sasInspector->refresh();
    m_registrations->setConnected(true);
    m_registrations->refresh();
    m_reachPreview->setConnected(true);
    m_reachPreview->refresh();
    updateReachTarget();
    updateBanner();
    updateProfileActions();
    statusBar()->showMessage(tr("Sending to “%1” (hub %2)").arg(p.name, p.hub), kStatusTimeoutMs);
    emit profileActivated(p.id, true);
}

void MainWindow::profileFailed(const Nh::Profile &p, const Nh::Error &error)
{
    m_profileReady = false;
    m_profileProblem = error.message;
    m_composer->setEnabled(true);
    m_composer->setConnectionProblem(
        tr("“%1” has no working connection; the banner above says why.").arg(p.name));
    m_profileStatus->setText(tr("%1 · not connected").arg(p.name));
    // One plain note in each view; the banner above carries the reason.
    disconnectHubViews(tr("Not connected: “%1” has no working connection yet, so there is "
                          "nothing to list.")
                           .arg(p.name));
    updateBanner();
    updateProfileActions();
    statusBar()->showMessage(error.message, kProblemTimeoutMs);
    emit profileActivated(p.id, false);
}

void MainWindow::askForSessionKey()
{
    auto *ask = new QInputDialog(this);
    ask->setObjectName(u"sessionKeyDialog"_s);
    ask->setWindowTitle(tr("Key for this run"));
    ask->setLabelText(tr("The SAS key of rule “%1” for “%2”. It is kept in memory until nhconsole "
                         "quits and never written to disk.")
                          .arg(m_profile.keyName, m_profile.name));
    ask->setTextEchoMode(QLineEdit::Password);
    ask->setAttribute(Qt::WA_DeleteOnClose);
    const QUuid id = m_profile.id;
    connect(ask, &QInputDialog::textValueSelected, this, [this, id](const QString &key) {
        if (key.trimmed().isEmpty())
            return;
        m_context.secrets->keepInMemory(id, key.trimmed());
        activateProfile(id);
    });
    ask->open();
}

void MainWindow::setKeyProgress(const QString &text)
{
    m_keyProgress->setVisible(!text.isEmpty());
    if (!text.isEmpty())
        statusBar()->showMessage(text);
    else
        statusBar()->clearMessage();
}

void MainWindow::newProfile()
{
    auto *dialog = new ProfileDialog(m_context.profiles, this);
    dialog->setNewProfileDefaults(Nh::Settings(m_context.settings)); // from Preferences
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this,
            [this, dialog] { activateProfile(dialog->savedProfileId()); });
    dialog->open();
}

void MainWindow::editProfile()
{
    const auto p = m_context.profiles->profile(m_profile.id);
    if (!p)
        return;
    auto *dialog = new ProfileDialog(m_context.profiles, *p, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this,
            [this, dialog] { activateProfile(dialog->savedProfileId()); });
    dialog->open();
}

void MainWindow::duplicateProfile()
{
    Nh::ProfileJob *job = m_context.profiles->duplicate(m_profile.id);
    setKeyProgress(tr("Copying “%1” and its key…").arg(m_profile.name));
    connect(job, &Nh::ProfileJob::finished, this, [this, job](const Nh::Status &status) {
        setKeyProgress({});
        if (!status) {
            QMessageBox::warning(this, tr("Duplicate Profile"), status.error().message);
            return;
        }
        for (const Nh::Warning &w : status.warnings())
            statusBar()->showMessage(w.message, kProblemTimeoutMs);
        if (!job->profileIds().isEmpty())
            activateProfile(job->profileIds().constFirst());
    });
}

void MainWindow::deleteProfile()
{
    if (m_profile.id == Nh::kEmulatorProfileId)
        return;
    const Nh::Profile p = m_profile;
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Delete Profile"),
                                tr("Delete the profile “%1” and its key from the system "
                                   "keychain? Its exchanges stay in the history.")
                                    .arg(p.name),
                                QMessageBox::Cancel, this);
    box->setObjectName(u"confirmDeleteProfile"_s);
    QPushButton *remove = box->addButton(tr("Delete"), QMessageBox::DestructiveRole);
    remove->setObjectName(u"confirmDeleteProfileButton"_s);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, remove, p] {
        if (box->clickedButton() != remove)
            return;
        setKeyProgress(tr("Deleting “%1” and its key…").arg(p.name));
        Nh::ProfileJob *job = m_context.profiles->remove(p.id);
        connect(job, &Nh::ProfileJob::finished, this, [this, p](const Nh::Status &status) {
            setKeyProgress({});
            if (!status) {
                QMessageBox::warning(this, tr("Delete Profile"), status.error().message);
                return;
            }
            statusBar()->showMessage(tr("Deleted the profile “%1”").arg(p.name), kStatusTimeoutMs);
            if (m_profile.id == p.id)
                activateProfile(Nh::kEmulatorProfileId);
        });
    });
    box->open();
}

void MainWindow::setProfilePathChooser(PathChooser chooser)
{
    m_profilePathChooser = std::move(chooser);
    m_profileImporter->setPathChooser(m_profilePathChooser);
}

void MainWindow::importProfiles()
{
    m_profileImporter->chooseAndImport();
}

void MainWindow::exportProfiles()
{
    auto *dialog = new ProfileExportDialog(m_context.profiles, this);
    dialog->setPathChooser(m_profilePathChooser);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(
        dialog, &ProfileExportDialog::exportFinished, this,
        [this, dialog](const Nh::Status &status) {
            if (!status)
                return; // the dialog stays open and shows why
            const int count = int(dialog->selectedIds().size());
            const QString path = dialog->writtenPath();
            statusBar()->showMessage(
                dialog->includeKeysBox()->isChecked()
                    ? tr("Exported %n profile(s) to %1, WITH their keys in plain text.", nullptr,
                         count)
                          .arg(path)
                    : tr("Exported %n profile(s) to %1, without keys.", nullptr, count).arg(path),
                kProblemTimeoutMs);
        });
    dialog->open();
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

void MainWindow::confirmSend(const QString &what, const std::function<void()> &go)
{
    if (!m_profile.production) {
        go();
        return;
    }
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Production hub"),
                                tr("“%1” is a production hub (%2): %3 reaches real devices. "
                                   "Send anyway?")
                                    .arg(m_profile.name, m_profile.hub, what),
                                QMessageBox::Cancel, this);
    box->setObjectName(u"confirmProductionSend"_s);
    QPushButton *yes = box->addButton(tr("Send to Production"), QMessageBox::AcceptRole);
    yes->setObjectName(u"confirmProductionSendButton"_s);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    const QUuid id = m_profile.id;
    connect(box, &QMessageBox::finished, this, [this, box, yes, id, go] {
        if (box->clickedButton() == yes && m_profile.id == id)
            go();
    });
    box->open();
}

void MainWindow::send()
{
    m_composer->requestSend();
}

void MainWindow::gateSend(const std::function<void()> &proceed)
{
    if (m_composer->isSending())
        return;
    if (!m_profileReady) {
        statusBar()->showMessage(
            tr("Not sent: “%1” is not connected. %2").arg(m_profile.name, m_profileProblem),
            kProblemTimeoutMs);
        return;
    }
    confirmSend(tr("this notification"), proceed);
}

void MainWindow::resend(const Nh::HistoryRecord &record)
{
    if (!m_profileReady) {
        statusBar()->showMessage(
            tr("Not sent: “%1” is not connected. %2").arg(m_profile.name, m_profileProblem),
            kProblemTimeoutMs);
        return;
    }
    const auto request = Nh::resendRequest(record);
    if (!request) {
        statusBar()->showMessage(request.error().message, kProblemTimeoutMs);
        return;
    }
    QStringList notes;
    for (const Nh::Warning &w : request.warnings())
        notes << w.message;
    const Nh::HubRequest r = request.value();
    Nh::HistoryContext context = record.context;
    confirmSend(tr("this re-sent request"), [this, r, context, notes] {
        Nh::HubJob *job = m_context.client->start(r);
        statusBar()->showMessage(notes.isEmpty() ? tr("Re-sending… press Esc to cancel")
                                                 : notes.join(u' '));
        connect(job, &Nh::HubJob::finished, this, [this, context](const Nh::Exchange &e) {
            recordExchange(e, context);
            showLiveExchange(e);
            statusBar()->showMessage(tr("Re-sent: %1").arg(Nh::exchangeResultDisplayName(e.result)),
                                     kStatusTimeoutMs);
        });
    });
}

void MainWindow::recordExchange(const Nh::Exchange &exchange, Nh::HistoryContext context)
{
    if (!m_context.history)
        return;
    context.profileId = profileIdText(m_profile.id);
    context.profileName = m_profile.name;
    context.source = u"gui"_s;
    m_context.history->add(exchange, context);
}

void MainWindow::showExchangeFinished(const Nh::Exchange &exchange)
{
    Nh::HistoryContext context;
    context.describe(m_lastNotification);
    // The exchange view first: the history's written() then selects its row.
    showLiveExchange(exchange);
    recordExchange(exchange, context);
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

void MainWindow::showLiveExchange(const Nh::Exchange &exchange)
{
    m_exchangeView->setExchange(exchange);
    // Its row comes when the history has written it (written() selects it); until then the
    // row that was current is not what the view shows.
    m_historyPanel->clearSelection();
    // A send or a re-send whose outcome names refused handles: the hub deletes those
    // registrations, which the Registrations dock may still list.
    if (exchange.outcome) {
        QStringList refused;
        for (const Nh::RegistrationResult &r : std::as_const(exchange.outcome->results)) {
            const Nh::OutcomeKind kind = Nh::classifyOutcome(r.outcome);
            if (kind == Nh::OutcomeKind::InvalidHandle || kind == Nh::OutcomeKind::ExpiredHandle)
                refused << r.registrationId;
        }
        m_registrations->noteRefusedRegistrations(refused);
    }
}

void MainWindow::showHistoryRecord(const Nh::HistoryRecord &record)
{
    // The live exchange (with its real Authorization, for Reveal) is already shown.
    if (m_exchangeView->hasExchange() && m_exchangeView->exchange().id == record.exchange.id)
        return;
    m_exchangeView->setExchange(record.exchange);
}

// --- registrations and reach ---------------------------------------------------------------

void MainWindow::createRegistrationsDock()
{
    m_registrations = new RegistrationsBrowser(m_context.client, this);
    m_registrationsDock = new QDockWidget(tr("Registrations"), this);
    m_registrationsDock->setObjectName(u"registrationsDock"_s);
    m_registrationsDock->setWidget(m_registrations);
    m_registrationsDock->setFeatures(QDockWidget::DockWidgetClosable
                                     | QDockWidget::DockWidgetMovable
                                     | QDockWidget::DockWidgetFloatable);
    addDockWidget(Qt::BottomDockWidgetArea, m_registrationsDock);
    // Beside the history, which stays in front: after a send people look there first.
    tabifyDockWidget(m_historyDock, m_registrationsDock);
    m_historyDock->raise();

    m_reachPreview = new ReachPreview(m_context.client, m_composer);
    m_reachPreview->setCompact(true);
    m_composer->addPage(m_reachPreview, tr("Reach"));

    // F5 is the window's alone: with the views' own F5 too, Qt would find it ambiguous and do
    // nothing. refreshFocusedView() picks the view the way their own shortcuts did.
    m_registrations->refreshAction()->setShortcut({});
    m_reachPreview->refreshAction()->setShortcut({});
    m_refreshAction = new QAction(Theme::icon(u"refresh"_s), tr("&Refresh"), this);
    m_refreshAction->setObjectName(u"actionRefresh"_s);
    m_refreshAction->setShortcut(QKeySequence(Qt::Key_F5));
    m_refreshAction->setToolTip(tr("Reload from the hub: the reach preview and known tags when "
                                   "the composer has the focus, the registrations otherwise "
                                   "(F5)"));
    connect(m_refreshAction, &QAction::triggered, this, &MainWindow::refreshFocusedView);
    m_showRegistrationsAction = new QAction(tr("Show &Registrations"), this);
    m_showRegistrationsAction->setObjectName(u"actionShowRegistrations"_s);
    m_showRegistrationsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_G));
    connect(m_showRegistrationsAction, &QAction::triggered, this, &MainWindow::showRegistrations);
    m_registrations->newAction()->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    m_registrations->sendTestAction()->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
    m_registrations->installationsAction()->setShortcut(
        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I));
    // From the menu the dialogs' results land in the dock: bring it up.
    for (QAction *a : {m_registrations->newAction(), m_registrations->installationsAction()})
        connect(a, &QAction::triggered, this, &MainWindow::showRegistrations);

    const auto note = [this](const QString &text) {
        statusBar()->showMessage(text, kStatusTimeoutMs);
    };
    connect(m_registrations, &RegistrationsBrowser::message, this, note);
    connect(m_registrations, &RegistrationsBrowser::sendTestRequested, this,
            &MainWindow::prepareTestSend);
    connect(m_registrations, &RegistrationsBrowser::exchangeFinished, this,
            [this](const Nh::Exchange &e) { recordExchange(e, {}); });
    // Esc cancels the browser's request while it has the focus, but a send in flight owns Esc:
    // two enabled Esc actions would be ambiguous, and Qt would cancel neither.
    connect(m_composer, &ComposerWidget::sendingChanged, this, [this](bool sending) {
        m_registrations->cancelAction()->setShortcut(sending ? QKeySequence()
                                                             : QKeySequence(Qt::Key_Escape));
    });
    connect(m_composer, &ComposerWidget::targetChanged, this, &MainWindow::updateReachTarget);
    connect(m_reachPreview, &ReachPreview::reachChanged, this, [this](int reached) {
        m_composer->setPageTitle(m_reachPreview,
                                 reached < 0 ? tr("Reach") : tr("Reach (%1)").arg(reached));
    });
    connect(m_reachPreview, &ReachPreview::registrationActivated, this,
            &MainWindow::showRegistration);
    // One fetch serves both: the tags completion offers are those of the registrations the
    // reach preview lists (the composer's own fetch stays for its Refresh Known Tags action).
    connect(m_reachPreview, &ReachPreview::knownTagsChanged, m_composer,
            &ComposerWidget::setKnownTags);
    connect(m_exchangeView->outcomeView(), &OutcomeView::registrationActivated, this,
            &MainWindow::showRegistration);
}

void MainWindow::showRegistrations()
{
    m_registrationsDock->show();
    m_registrationsDock->raise();
    m_registrations->table()->setFocus();
}

void MainWindow::refreshFocusedView()
{
    if (!m_profileReady) {
        statusBar()->showMessage(
            tr("Nothing to refresh: “%1” is not connected.").arg(m_profile.name), kStatusTimeoutMs);
        return;
    }
    const QWidget *focus = QApplication::focusWidget();
    if (focus && (focus == m_composer || m_composer->isAncestorOf(focus))) {
        m_reachPreview->refresh();
        statusBar()->showMessage(tr("Fetching the hub's registrations for the reach preview "
                                    "and tag completion…"),
                                 kStatusTimeoutMs);
        return;
    }
    m_registrationsDock->show();
    m_registrationsDock->raise();
    m_registrations->refresh();
}

void MainWindow::updateReachTarget()
{
    m_reachPreview->setFormat(m_composer->format());
    switch (m_composer->targetKind()) {
    case ComposerWidget::TargetKind::Tags:
        m_reachPreview->setTagExpression(m_composer->tagExpression());
        break;
    case ComposerWidget::TargetKind::Devices:
        m_reachPreview->setDeviceHandles(m_composer->deviceHandles());
        break;
    case ComposerWidget::TargetKind::Broadcast:
        m_reachPreview->setTagExpression({});
        break;
    }
}

void MainWindow::prepareTestSend(const SendTestTarget &target)
{
    // setFormat() loads the format's default preset: a payload that fits the registration.
    m_composer->setFormat(target.format);
    if (!target.deviceHandle.isEmpty()) {
        m_composer->setTargetKind(ComposerWidget::TargetKind::Devices);
        m_composer->setDeviceHandles(target.deviceHandle);
        if (target.format == Nh::Format::Browser) {
            // A web push is encrypted to the subscription's keys (nh-rest.md §4.4).
            Nh::HttpHeaders headers = m_composer->customHeaders();
            Nh::setHeader(headers, "P256DH"_ba, target.p256dh);
            Nh::setHeader(headers, "Auth"_ba, target.auth);
            m_composer->setCustomHeaders(headers);
        }
    } else {
        m_composer->setTargetKind(ComposerWidget::TargetKind::Tags);
        m_composer->setTagExpression(target.tagExpression);
    }
    // The hub has no test mode for a direct send; the composer greys the flag out then.
    m_composer->setTestSend(true);
    m_composer->validateNow();
    m_composer->focusPayload();
    statusBar()->showMessage(tr("Ready to send to registration %1: check the payload, then "
                                "press Send (Ctrl+Enter).")
                                 .arg(target.registrationId),
                             kStatusTimeoutMs);
}

void MainWindow::showRegistration(const QString &registrationId)
{
    showRegistrations();
    if (!m_registrations->selectRegistration(registrationId)) {
        statusBar()->showMessage(tr("Registration %1 is not among those loaded in "
                                    "Registrations; load more or refresh to find it.")
                                     .arg(registrationId),
                                 kStatusTimeoutMs);
    }
}

void MainWindow::disconnectHubViews(const QString &note)
{
    m_registrations->setConnected(false, note);
    m_reachPreview->setConnected(false, note);
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

void MainWindow::saveWindowState() const
{
    QSettings &s = *m_context.settings;
    s.setValue(kStateGroup + u"geometry"_s, saveGeometry());
    s.setValue(kStateGroup + u"windowState"_s, saveState());
    for (const QSplitter *splitter : findChildren<QSplitter *>()) {
        if (!splitter->objectName().isEmpty())
            s.setValue(kStateGroup + splitter->objectName(), splitter->saveState());
    }
    s.setValue(kHistoryHeaderKey, m_historyPanel->headerState());
    s.setValue(kRegistrationsHeaderKey, m_registrations->table()->horizontalHeader()->saveState());
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
    if (s.contains(kHistoryHeaderKey))
        m_historyPanel->restoreHeaderState(s.value(kHistoryHeaderKey).toByteArray());
    if (s.contains(kRegistrationsHeaderKey))
        m_registrations->table()->horizontalHeader()->restoreState(
            s.value(kRegistrationsHeaderKey).toByteArray());
    return true;
}

void MainWindow::resetLayout()
{
    m_context.settings->remove(u"State"_s);
    for (QDockWidget *dock : {m_historyDock, m_registrationsDock}) {
        dock->setFloating(false);
        addDockWidget(Qt::BottomDockWidgetArea, dock);
        dock->show();
    }
    tabifyDockWidget(m_historyDock, m_registrationsDock);
    m_historyDock->raise();
    resizeDocks({m_historyDock}, {m_historyPanel->sizeHint().height()}, Qt::Vertical);
    const int width = m_mainSplitter->width();
    m_mainSplitter->setSizes({width * 2 / 7, width * 5 / 7});
    const int exchangeWidth = m_exchangeView->splitter()->width();
    m_exchangeView->splitter()->setSizes({exchangeWidth * 2 / 5, exchangeWidth * 3 / 5});
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveWindowState();
    QMainWindow::closeEvent(event);
}

void MainWindow::changeEvent(QEvent *event)
{
    QMainWindow::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_banner && m_bannerButton)
        updateBanner();
}
