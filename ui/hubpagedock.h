// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "client/exchange.h"
#include "client/profilesession.h"

#include <QObject>

class HubPage;
class LazyWidget;
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

    /** The page, made now if the dock was never shown (it is made on first show). */
    HubPage *page() const;
    QDockWidget *dock() const { return m_dock; }
    QAction *showAction() const { return m_showAction; }

signals:
    /** The page's HubPage::exchangeFinished (connect here: the page is made lazily). */
    void exchangeFinished(const Nh::Exchange &exchange);

public slots:
    /** Shows and raises the dock; reads the hub when nothing is shown yet. */
    void show();
    /** Follows the current profile. */
    void showState(Nh::ProfileSession::State state);

private:
    /** Connects the page once it is made and shows the session's current state in it. */
    void adoptPage(HubPage *page);

    Nh::ProfileSession *m_session;
    /// The dock's contents: the page is made on first show (or page()), not at start-up.
    LazyWidget *m_lazyPage = nullptr;
    HubPage *m_page = nullptr; ///< null until made
    QDockWidget *m_dock = nullptr;
    QAction *m_showAction = nullptr;
    bool m_stale = true; ///< the page does not show the current profile's hub
};
