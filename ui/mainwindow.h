// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "appcontext.h"
#include "client/exchange.h"
#include "client/profilesession.h"
#include "hubpagedock.h"
#include "hubviews.h"
#include "notekind.h"
#include "profileactions.h"
#include "profiletransfer.h"
#include "protocol/notification.h"
#include "store/historystore.h"
#include "store/profile.h"

#include <QMainWindow>
#include <QPointer>
#include <functional>
#include <memory>

class Banner;
class ComposerFold;
class ComposerWidget;
class DiagnoseDock;
class ExchangeView;
class HistoryPanel;
class SendFlow;
class ProfileSwitcher;
class ReachPreview;
class RegistrationsBrowser;
class SasInspector;
class TrafficDock;
class WindowState;
struct SendTestTarget;
class QAction;
class QDockWidget;
class QHBoxLayout;
class QMenu;
class QToolBar;
class QLabel;
class QProgressBar;
class QSplitter;

/**
 * The console's window (docs/conventions.md R11): wiring only. It lays out the panes (composer,
 * exchange view, history and registrations docks), puts their actions into menus and the toolbar,
 * and connects ComposerWidget → HistoryStore/HistoryPanel → ExchangeView. The panes do the work;
 * the current profile's connection is Nh::ProfileSession's, the Profile menu's work
 * ProfileActions', the banner Banner's and the saved layout WindowState's.
 *
 * It is made in two parts (docs/architecture.md, "Start-up"): the constructor makes the
 * skeleton, the window as it will be laid out (the restored geometry and docks, placeholders
 * where the panes go, the menu titles, the toolbar's profile part, the status bar); the panes
 * follow in completeBuild(). With AppContext::deferredStartup that comes after the first paint;
 * otherwise the constructor calls it.
 *
 * Every exchange is written to the history with source "gui" and the profile's id.
 */
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(const AppContext &context, QWidget *parent = nullptr);
    ~MainWindow() override;

    /** True once the panes are made (completeBuild()). */
    bool isBuilt() const { return m_built; }
    /**
     * Makes the panes now, when they are not made yet: the constructor does it, or (with
     * AppContext::deferredStartup) the event loop's turn after the first paint, or the first
     * key pressed, menu opened or accessor of a pane called before that. built() follows.
     */
    void completeBuild();

    // The panes' accessors complete the build first: code that needs a pane gets it.
    ComposerWidget *composer() const { return completed()->m_composer; }
    /** Folds the composer to a strip after a send, and unfolds it (issue #16). */
    ComposerFold *composerFold() const { return completed()->m_composerFold; }
    ExchangeView *exchangeView() const { return completed()->m_exchangeView; }
    HistoryPanel *historyPanel() const { return completed()->m_historyPanel; }
    ProfileSwitcher *profileSwitcher() const { return m_profileSwitcher; }
    /** The hub's registrations, in the "registrationsDock" dock. */
    RegistrationsBrowser *registrationsBrowser() const
    {
        return completed()->m_hubViews->registrations();
    }
    /** The Hub page dock (issue #17). */
    HubPageDock *hubPageDock() const { return m_hubPageDock; }
    /** The Diagnose page's dock (issue #19), built on first use. */
    DiagnoseDock *diagnoseDock() const { return completed()->m_diagnoseDock; }
    /** What the composer's target reaches: the composer's "Reach" tab. */
    ReachPreview *reachPreview() const { return completed()->m_hubViews->reachPreview(); }
    /** The current profile and its connection state. */
    Nh::ProfileSession *session() const { return m_session; }
    /** The Traffic dock (issue #20); null until first shown (showTraffic()). */
    TrafficDock *trafficDock() const { return m_trafficDock; }

    /** The profile sends go to. */
    const Nh::Profile &currentProfile() const { return m_session->profile(); }
    /** True once the current profile's connection is in place (its key read). */
    bool isProfileReady() const { return m_session->isReady(); }
    /**
     * Activates the profile used last (the emulator profile the first time) and, on a first
     * run, fills the composer's target. The constructor does it unless
     * AppContext::deferredStartup; then StartupSequence does, once the services are in place.
     */
    void activateStartProfile();
    /** The bundled emulator, started after the window was made (StartupSequence). */
    void setEmulator(Nh::HubEmulator *emulator, const Nh::Status &status);
    /** The history file, opened after the window was made (StartupSequence); null: none. */
    void setHistory(Nh::HistoryStore *history);

    /** Switches to profile `id`: the client's connection, the banner, the title. */
    void activateProfile(const QUuid &id) { m_session->activate(id); }
    /** Where profile import and export ask for their file (tests skip the file dialog). */
    void setProfilePathChooser(PathChooser chooser);

    /** Writes geometry, dock, splitter and column state to the "State/" group. */
    void saveWindowState() const;
    /** Reads it back; returns false when nothing was saved yet. */
    bool restoreWindowState();

    /** A sentence in the status bar, kept for as long as `kind` says. */
    void showNote(const QString &text, NoteKind kind = NoteKind::Info);

public slots:
    /** Send, asking first when the current profile is a production one. */
    void send();
    /** Sends a stored exchange again under the current profile (a new exchange). */
    void resend(const Nh::HistoryRecord &record);
    void newProfile() { m_profileActions->newProfile(); }
    void editProfile() { m_profileActions->editProfile(); }
    void duplicateProfile() { m_profileActions->duplicateProfile(); }
    /** Asks, then deletes the current profile and its key. */
    void deleteProfile() { m_profileActions->deleteProfile(); }
    /** Profiles from an export file; the current profile stays. */
    void importProfiles() { m_profileActions->importProfiles(); }
    /** The export dialog (which profiles, keys only when asked). */
    void exportProfiles() { m_profileActions->exportProfiles(); }
    void showSasInspector();
    /** Shows the Traffic dock: every client's exchanges with the emulator; made on first use. */
    void showTraffic();
    /** Shows and raises the Registrations dock, focused on its table. */
    void showRegistrations() { completed()->m_hubViews->show(); }
    /**
     * F5: reloads from the hub what the keyboard focus is in. In the composer (its reach
     * preview included): the registrations the reach preview and tag completion are evaluated
     * from. Anywhere else: the Registrations dock, which is shown. A profile that is not
     * connected refreshes nothing and says so.
     */
    void refreshFocusedView() { completed()->m_hubViews->refreshFocused(); }
    /** Fills the composer for a test send to one registration and focuses it; never sends. */
    void prepareTestSend(const SendTestTarget &target)
    {
        completed()->m_hubViews->prepareTestSend(target);
    }

signals:
    /** The panes are made (completeBuild()); emitted once. */
    void built();
    /** The current profile's connection is in place (or could not be, `ready` false). */
    void profileActivated(const QUuid &id, bool ready);

protected:
    void closeEvent(QCloseEvent *event) override;
    bool event(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    /** This window, its panes made: for the accessors (completeBuild() is not const). */
    MainWindow *completed() const;
    /** What the first frame needs: see the class comment. */
    void createSkeleton();
    void createMenuTitles();
    void createPanes();
    void createActions();
    void createMenus();
    void createToolBar();
    void completeToolBar();
    void createStatusBar();
    void createWindowState();
    /** The panes' splitters and columns, kept by m_windowState too. */
    void addPanesToWindowState();
    void connectSession();
    void connectExchanges();
    /** The switcher, title, status bar and banner follow the session's state. */
    void showSessionState(Nh::ProfileSession::State state);
    void updateBanner();
    void askForSessionKey();
    void showHistoryRecord(const Nh::HistoryRecord &record);
    /** An exchange that just finished (a send or a re-send), before the history wrote it. */
    void showLiveExchange(const Nh::Exchange &exchange);
    /** The progress bar and `text` while keys are read or written; empty hides both. */
    void setBusy(const QString &text);
    void showAbout();
    void resetLayout();

    AppContext m_context;
    Nh::ProfileSession *m_session = nullptr;
    bool m_readingKey = false;
    bool m_built = false;
    bool m_building = false;
    bool m_buildPosted = false;
    /** The skeleton's widget that had the focus when a key made the panes (eventFilter()). */
    QPointer<QWidget> m_keysFrom;
    /** No saved layout was restored. */
    bool m_firstRun = false;

    ComposerWidget *m_composer = nullptr;
    ComposerFold *m_composerFold = nullptr;
    ExchangeView *m_exchangeView = nullptr;
    HistoryPanel *m_historyPanel = nullptr;
    ProfileSwitcher *m_profileSwitcher = nullptr;
    ProfileActions *m_profileActions = nullptr;
    SendFlow *m_sendFlow = nullptr;
    HubViews *m_hubViews = nullptr;
    HubPageDock *m_hubPageDock = nullptr;
    DiagnoseDock *m_diagnoseDock = nullptr;
    QPointer<SasInspector> m_sasInspector;
    TrafficDock *m_trafficDock = nullptr;
    QSplitter *m_mainSplitter = nullptr;
    /** The composer's strip and the splitter, side by side. */
    QHBoxLayout *m_paneRow = nullptr;
    QDockWidget *m_historyDock = nullptr;
    QDockWidget *m_registrationsDock = nullptr;
    QToolBar *m_toolBar = nullptr;
    /** Profile, Edit, Notification, Hub, History, View, Help: titles first, filled later. */
    QList<QMenu *> m_menus;
    Banner *m_banner = nullptr;
    QLabel *m_profileStatus = nullptr;
    QProgressBar *m_keyProgress = nullptr;
    std::unique_ptr<WindowState> m_windowState;

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
    QAction *m_aboutAction = nullptr;
    QAction *m_aboutQtAction = nullptr;
};
