// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "client/exchange.h"
#include "client/profilesession.h"
#include "notekind.h"
#include "protocol/notification.h"
#include "store/historystore.h"

#include <QList>
#include <QObject>
#include <functional>

class ComposerWidget;
class QWidget;
namespace Nh {
class HubClient;
class ProfileSession;
} // namespace Nh

/**
 * Sends under the current profile: the composer's send gate (refused while the profile is not
 * connected, held while it is still connecting, asked first on a production hub), re-sends of
 * stored exchanges, and the history record of every exchange (source "gui", the profile's id and
 * name).
 */
class SendFlow final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SendFlow)

public:
    /** `history` may be null (no history); the confirmations open over `window`. */
    SendFlow(Nh::ProfileSession *session, Nh::HubClient *client, Nh::HistoryStore *history,
             ComposerWidget *composer, QWidget *window);

    /** Where exchanges are written from now on (null: nowhere); see the constructor. */
    void setHistory(Nh::HistoryStore *history) { m_history = history; }

    /** Sends a stored exchange again under the current profile (a new exchange). */
    void resend(const Nh::HistoryRecord &record);
    /** Writes `exchange` to the history under the current profile. */
    void record(const Nh::Exchange &exchange, Nh::HistoryContext context = {});
    /**
     * The registrations already fetched (the reach preview's): a template send's results found
     * there are rendered without asking the hub again.
     */
    void setKnownRegistrations(std::function<QList<Nh::Registration>()> known)
    {
        m_known = std::move(known);
    }

signals:
    /** A send or a re-send finished; emitted before (send) or after (re-send) it is recorded. */
    void exchangeFinished(const Nh::Exchange &exchange);
    /** A sentence for the status bar. */
    void note(const QString &text, NoteKind kind);
    /**
     * A template test send of the composer, after exchangeFinished(): `exchange` with what each
     * result registration was rendered into (Exchange::rendered). It is recorded right after,
     * with them.
     */
    void renderedPayloadsReady(const Nh::Exchange &exchange);

private:
    /** A send asked for while the profile was still connecting goes now, or is refused. */
    void sendWhenConnected(Nh::ProfileSession::State state);
    /** The composer's send gate. */
    void gate(const std::function<void()> &proceed);
    /** Runs `go` now, or after a confirmation when the current profile is production. */
    void confirm(const QString &what, const std::function<void()> &go);
    /** Refuses with a note when the current profile is not connected. */
    bool checkConnected();
    void composerFinished(const Nh::Exchange &exchange);
    /** Writes `exchange` with `context`, whose profile is already set. */
    void write(const Nh::Exchange &exchange, const Nh::HistoryContext &context);

    Nh::ProfileSession *m_session;
    Nh::HubClient *m_client;
    Nh::HistoryStore *m_history;
    ComposerWidget *m_composer;
    QWidget *m_window;
    Nh::Notification m_lastNotification;
    std::function<QList<Nh::Registration>()> m_known;
    /** The send asked for while connecting (the console's start-up included). */
    std::function<void()> m_waiting;
};
