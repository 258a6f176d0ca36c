// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "appcontext.h"
#include "client/exchange.h"
#include "profiletransfer.h"
#include "protocol/notification.h"
#include "store/historystore.h"
#include "store/profile.h"

#include <QMainWindow>
#include <QPointer>
#include <functional>

class ComposerWidget;
class ExchangeView;
class HistoryPanel;
class ProfileSwitcher;
class ReachPreview;
class RegistrationsBrowser;
class SasInspector;
struct SendTestTarget;
class QAction;
class QDockWidget;
class QFrame;
class QLabel;
class QProgressBar;
class QPushButton;
class QSplitter;
namespace Nh {
class SecretJob;
} // namespace Nh

/**
 * The console's window (style.md R11): it owns the actions, menus, profile switcher, status bar
 * and window state, and wires ComposerWidget → HistoryStore/HistoryPanel → ExchangeView. The
 * panes do the work.
 *
 * The current profile decides where the client sends: an Emulator profile uses the running
 * bundled emulator, a Hub profile its key from the keychain (read asynchronously; sends wait for
 * it). Every exchange is written to the history with source "gui" and the profile's id.
 */
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(const AppContext &context, QWidget *parent = nullptr);
    ~MainWindow() override;

    ComposerWidget *composer() const { return m_composer; }
    ExchangeView *exchangeView() const { return m_exchangeView; }
    HistoryPanel *historyPanel() const { return m_historyPanel; }
    ProfileSwitcher *profileSwitcher() const { return m_profileSwitcher; }
    /** The hub's registrations, in the "registrationsDock" dock. */
    RegistrationsBrowser *registrationsBrowser() const { return m_registrations; }
    /** What the composer's target reaches: the composer's "Reach" tab. */
    ReachPreview *reachPreview() const { return m_reachPreview; }

    /** The profile sends go to. */
    const Nh::Profile &currentProfile() const { return m_profile; }
    /** True once the current profile's connection is in place (its key read). */
    bool isProfileReady() const { return m_profileReady; }
    /** Switches to profile `id`: the client's connection, the banner, the title. */
    void activateProfile(const QUuid &id);
    /** Where profile import and export ask for their file (tests skip the file dialog). */
    void setProfilePathChooser(PathChooser chooser);

    /** Writes geometry, dock, splitter and column state to the "State/" group. */
    void saveWindowState() const;
    /** Reads it back; returns false when nothing was saved yet. */
    bool restoreWindowState();

public slots:
    /** Send, asking first when the current profile is a production one. */
    void send();
    /** Sends a stored exchange again under the current profile (a new exchange). */
    void resend(const Nh::HistoryRecord &record);
    void newProfile();
    void editProfile();
    void duplicateProfile();
    /** Asks, then deletes the current profile and its key. */
    void deleteProfile();
    /** Profiles from an export file; the current profile stays. */
    void importProfiles();
    /** The export dialog (which profiles, keys only when asked). */
    void exportProfiles();
    void showSasInspector();
    /** Shows and raises the Registrations dock, focused on its table. */
    void showRegistrations();
    /**
     * F5: reloads from the hub what the keyboard focus is in. In the composer (its reach
     * preview included): the registrations the reach preview and tag completion are evaluated
     * from. Anywhere else: the Registrations dock, which is shown. A profile that is not
     * connected refreshes nothing and says so.
     */
    void refreshFocusedView();
    /** Fills the composer for a test send to one registration and focuses it; never sends. */
    void prepareTestSend(const SendTestTarget &target);

signals:
    /** The current profile's connection is in place (or could not be, `ready` false). */
    void profileActivated(const QUuid &id, bool ready);

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void createActions();
    void createMenus();
    void createToolBar();
    QWidget *createBanner();
    void updateBanner();
    void updateProfileActions();
    void connectProfile(const Nh::Profile &profile, const QString &key);
    void profileFailed(const Nh::Profile &profile, const Nh::Error &error);
    void askForSessionKey();
    /** Runs `go` now, or after a confirmation when the current profile is production. */
    /** The composer's send gate: refuses while not connected, asks on a production hub. */
    void gateSend(const std::function<void()> &proceed);
    void confirmSend(const QString &what, const std::function<void()> &go);
    void recordExchange(const Nh::Exchange &exchange, Nh::HistoryContext context);
    void showExchangeFinished(const Nh::Exchange &exchange);
    void createRegistrationsDock();
    /** Feeds the reach preview the composer's format and target. */
    void updateReachTarget();
    void showRegistration(const QString &registrationId);
    /** The browser and the preview forget the old connection; `note` says why. */
    void disconnectHubViews(const QString &note);
    void showHistoryRecord(const Nh::HistoryRecord &record);
    /** An exchange that just finished (a send or a re-send), before the history wrote it. */
    void showLiveExchange(const Nh::Exchange &exchange);
    void setKeyProgress(const QString &text);
    void showAbout();
    void resetLayout();

    AppContext m_context;
    Nh::Profile m_profile;
    bool m_profileReady = false;
    QString m_profileProblem;
    QPointer<Nh::SecretJob> m_keyJob;
    Nh::Notification m_lastNotification;

    ComposerWidget *m_composer = nullptr;
    ExchangeView *m_exchangeView = nullptr;
    HistoryPanel *m_historyPanel = nullptr;
    ProfileSwitcher *m_profileSwitcher = nullptr;
    QPointer<SasInspector> m_sasInspector;
    QSplitter *m_mainSplitter = nullptr;
    QDockWidget *m_historyDock = nullptr;
    RegistrationsBrowser *m_registrations = nullptr;
    QDockWidget *m_registrationsDock = nullptr;
    ReachPreview *m_reachPreview = nullptr;
    QFrame *m_banner = nullptr;
    QLabel *m_bannerIcon = nullptr;
    QLabel *m_bannerText = nullptr;
    QPushButton *m_bannerButton = nullptr;
    QLabel *m_profileStatus = nullptr;
    QProgressBar *m_keyProgress = nullptr;

    QAction *m_newProfileAction = nullptr;
    QAction *m_editProfileAction = nullptr;
    QAction *m_duplicateProfileAction = nullptr;
    QAction *m_deleteProfileAction = nullptr;
    QAction *m_importProfilesAction = nullptr;
    QAction *m_exportProfilesAction = nullptr;
    ProfileImporter *m_profileImporter = nullptr;
    PathChooser m_profilePathChooser = &chooseProfileFile;
    QAction *m_sasAction = nullptr;
    QAction *m_searchHistoryAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_copyCurlAction = nullptr;
    QAction *m_copyJsonAction = nullptr;
    QAction *m_saveExchangeAction = nullptr;
    QAction *m_revealAction = nullptr;
    QAction *m_focusPayloadAction = nullptr;
    QAction *m_focusTagsAction = nullptr;
    QAction *m_resetLayoutAction = nullptr;
    QAction *m_refreshAction = nullptr;
    QAction *m_showRegistrationsAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QAction *m_aboutQtAction = nullptr;
};
