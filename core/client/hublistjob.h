// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "client/exchange.h"
#include "common/result.h"
#include "protocol/hubdescription.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <optional>

namespace Nh {

class HubClient;
class HubJob;

/**
 * Lists a namespace's hubs (docs/protocol.md §14.2): list form (A), `GET
 * /$Resources/NotificationHubs`, whose entries hold full descriptions; when that answers 4xx/5xx
 * or a body that does not read, form (B), `GET /`, and one `GET /{hub}` per name. A transport
 * failure ends the listing (it would fail the same way again). Made by HubClient::listHubs();
 * finished() comes exactly once, never from inside the call that made the job, and the job
 * deletes itself afterwards.
 */
class HubListJob final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HubListJob)

public:
    explicit HubListJob(HubClient *client);

    /** The hubs, each with its description, in the order the service listed them. */
    const QList<HubListEntry> &hubs() const { return m_hubs; }
    /** Why the listing failed; nullopt on success. */
    const std::optional<Error> &error() const { return m_error; }
    bool ok() const { return m_finished && !m_error; }
    /** Every exchange made, in order (for the history; their bodies hold secrets). */
    const QList<Exchange> &exchanges() const { return m_exchanges; }
    /** The exchange that ended the listing (the failed one, or the last). */
    const Exchange &lastExchange() const;
    /** True when form (A) failed and the list came from form (B). */
    bool usedFallback() const { return m_fallback; }

public slots:
    void cancel();

signals:
    void finished();

private:
    void track(HubJob *job, void (HubListJob::*next)(const Exchange &));
    void onFormA(const Exchange &e);
    void onFormB(const Exchange &e);
    void fetchNext();
    void onHub(const Exchange &e);
    void fail(const Exchange &e);
    void finish();

    HubClient *m_client;
    QPointer<HubJob> m_job;
    QList<HubListEntry> m_hubs;
    QList<Exchange> m_exchanges;
    std::optional<Error> m_error;
    qsizetype m_next = 0;
    bool m_fallback = false;
    bool m_cancelled = false;
    bool m_finished = false;
};

} // namespace Nh
