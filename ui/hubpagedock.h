// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "client/profilesession.h"

#include <QObject>

class HubPage;
class QAction;
class QDockWidget;
class QMainWindow;
namespace Nh {
class HubClient;
} // namespace Nh

/**
 * The Hub page in its dock ("hubPageDock", issue #17), opened from the Hub menu (showAction(),
 * "Hub Configuration…", Ctrl+Shift+H). It follows the current profile: reread when the profile is
 * Ready and the dock is open, a note when it is not connected. Hidden until asked for.
 */
class HubPageDock final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HubPageDock)

public:
    /** Adds the dock to `window` (bottom area, hidden). */
    HubPageDock(Nh::HubClient *client, Nh::ProfileSession *session, QMainWindow *window);

    HubPage *page() const { return m_page; }
    QDockWidget *dock() const { return m_dock; }
    QAction *showAction() const { return m_showAction; }

public slots:
    /** Shows and raises the dock; reads the hub when nothing is shown yet. */
    void show();
    /** Follows the current profile. */
    void showState(Nh::ProfileSession::State state);

private:
    Nh::ProfileSession *m_session;
    HubPage *m_page = nullptr;
    QDockWidget *m_dock = nullptr;
    QAction *m_showAction = nullptr;
    bool m_stale = true; ///< the page does not show the current profile's hub
};
