// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "client/exchange.h"
#include "client/profilesession.h"

#include <QObject>
#include <functional>
#include <optional>

class DiagnosePage;
class MainWindow;
class QAction;
class QDockWidget;
namespace Nh {
class HistoryStore;
class HubClient;
} // namespace Nh

/**
 * The Diagnose page in its dock ("diagnoseDock", issue #19), beside the history. Nothing of it
 * is built until it is first asked for: Hub ▸ Diagnose a Device… (showAction()), a
 * registration's "Diagnose This Registration…", an outcome row's "Why?" (that registration,
 * with the exchange shown as the send) or a history row's "Diagnose a Device with This Send…"
 * (the device asked for). It wires those entry points of `window` itself, follows the current
 * profile's connection, and opens evidence in the window's exchange view.
 */
class DiagnoseDock final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DiagnoseDock)

public:
    /** `history` gives the window's history when asked (it may come after the window). */
    DiagnoseDock(Nh::HubClient *client, std::function<Nh::HistoryStore *()> history,
                 MainWindow *window);

    /** "Diagnose a Device…" (Ctrl+Shift+G), for the Hub menu. */
    QAction *showAction() const { return m_showAction; }
    /** The page, once built; null before. */
    DiagnosePage *page() const { return m_page; }
    /** The dock, once built; null before. */
    QDockWidget *dock() const { return m_dock; }

public slots:
    /** Builds the page when needed, shows and raises it, the device field focused. */
    void show();
    /** Diagnoses `registrationId` (with `send` as the send that did not arrive) at once. */
    void diagnoseRegistration(const QString &registrationId,
                              const std::optional<Nh::Exchange> &send = {});
    /** Opens the page with `exchange` as the send; the device is asked for. */
    void diagnoseWithSend(const Nh::Exchange &exchange);
    /** Follows the current profile. */
    void showState(Nh::ProfileSession::State state);

signals:
    /** A push the user asked for on the page (check 8), for the history. */
    void exchangeFinished(const Nh::Exchange &exchange);

private:
    DiagnosePage *ensurePage();
    void applyState();

    Nh::HubClient *m_client;
    std::function<Nh::HistoryStore *()> m_history;
    MainWindow *m_window;
    DiagnosePage *m_page = nullptr;
    QDockWidget *m_dock = nullptr;
    QAction *m_showAction = nullptr;
};
