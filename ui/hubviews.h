// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "client/exchange.h"
#include "client/profilesession.h"
#include "notekind.h"

#include <QObject>

class ComposerWidget;
class ReachPreview;
class RegistrationsBrowser;
struct SendTestTarget;
class QAction;
class QDockWidget;
class QMainWindow;
namespace Nh {
class HubClient;
} // namespace Nh

/**
 * The views of the hub's registrations: the Registrations dock ("registrationsDock", a
 * RegistrationsBrowser) and the composer's Reach tab (a ReachPreview, evaluated from the
 * composer's format and target). Both follow the current profile's connection (showState()),
 * and F5 is theirs alone: refreshFocused() reloads the reach preview when the composer has the
 * focus, the registrations otherwise.
 */
class HubViews final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HubViews)

public:
    /**
     * The Registrations dock ("registrationsDock"), added to `window`'s bottom area with an empty
     * placeholder: made with the window's skeleton, before the views (docs/architecture.md,
     * "Start-up"), so that the saved dock layout finds it.
     */
    static QDockWidget *makeDock(QMainWindow *window);

    /** Puts the browser into `dock` (from makeDock()) and the Reach tab into `composer`. */
    HubViews(Nh::HubClient *client, Nh::ProfileSession *session, ComposerWidget *composer,
             QDockWidget *dock, QMainWindow *window);

    RegistrationsBrowser *registrations() const { return m_registrations; }
    ReachPreview *reachPreview() const { return m_reachPreview; }
    QDockWidget *dock() const { return m_dock; }
    /** F5: refreshFocused(). */
    QAction *refreshAction() const { return m_refreshAction; }
    /** Ctrl+G: show(). */
    QAction *showAction() const { return m_showAction; }

public slots:
    /** Shows and raises the dock, focused on its table. */
    void show();
    /** See the class comment; a profile that is not connected refreshes nothing and says so. */
    void refreshFocused();
    /** Shows the dock with `registrationId` selected, or says that it is not loaded. */
    void showRegistration(const QString &registrationId);
    /** Follows the current profile: connected and reloaded when Ready, a note otherwise. */
    void showState(Nh::ProfileSession::State state);
    /** Fills the composer for a test send to one registration and focuses it; never sends. */
    void prepareTestSend(const SendTestTarget &target);
    /** Feeds the reach preview the composer's format and target. */
    void updateReachTarget();

signals:
    /** A sentence for the status bar. */
    void note(const QString &text, NoteKind kind);
    /** An exchange the browser made (create, edit, delete), for the history. */
    void exchangeFinished(const Nh::Exchange &exchange);

private:
    void createActions();
    /** The browser and the preview forget the old connection; `note` says why. */
    void disconnectViews(const QString &note);

    Nh::ProfileSession *m_session;
    ComposerWidget *m_composer;
    RegistrationsBrowser *m_registrations = nullptr;
    QDockWidget *m_dock = nullptr;
    ReachPreview *m_reachPreview = nullptr;
    QAction *m_refreshAction = nullptr;
    QAction *m_showAction = nullptr;
};
