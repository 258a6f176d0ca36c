// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "client/exchange.h"
#include "client/reachplan.h"
#include "protocol/registration.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>

namespace Nh {

class HubClient;
class RegistrationPager;

/**
 * Runs ReachPlans against a hub (docs/reach.md): fetches, page by page and in parallel, the
 * listings a plan still wants (ReachPlan::wanted()), and stops as soon as the listings complete
 * so far cover the plan, or the bound is reached. Registrations and complete listings are kept
 * until clear(), so a later plan that the listings already cover is answered without a request
 * (editing `user:x && lang:en` to `user:x && lang:de` fetches nothing more).
 *
 * Asynchronous and cancellable (docs/conventions.md R4): finished() comes exactly once per
 * start(), never from inside it.
 */
class ReachQuery final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReachQuery)

public:
    /** Registrations fetched at most per start(); the rest of the hub is not fetched. */
    static constexpr int kDefaultLimit = 10000;
    /** Page size asked for: the SDKs' default. */
    static constexpr int kPageSize = 100;

    /** `client` must outlive the query. */
    explicit ReachQuery(HubClient *client, QObject *parent = nullptr);

    /** At most this many registrations are fetched per start() (>= 1). */
    void setLimit(int limit);
    int limit() const { return m_limit; }

    /** Runs `plan`; a run still going is abandoned silently. */
    void start(const ReachPlan &plan);
    bool isRunning() const { return m_running; }
    /** Forgets every registration and listing fetched (before fetching afresh). */
    void clear();

    /** Whether the listings complete so far cover `plan` (no request needed). */
    bool covers(const ReachPlan &plan) const { return plan.isCoveredBy(m_complete); }
    /** Every registration fetched since clear(), each once, in the order they arrived. */
    const QList<Registration> &registrations() const { return m_registrations; }

    /** The last run ended with its plan covered: registrations() holds the whole reach. */
    bool isComplete() const { return m_covered; }
    /** The last run stopped at limit() with the plan not covered. */
    bool isTruncated() const { return m_truncated; }
    /** The last run ended without a failed or cancelled page. */
    bool ok() const { return m_ok; }
    /** Requests the last run made (0 when the listings already covered its plan). */
    int requests() const { return m_requests; }
    /** When the oldest listing the last run relied on arrived (UTC); invalid before any. */
    QDateTime fetchedAt() const { return m_fetchedAt; }
    /** The exchange that failed the last run (a failed or cancelled page). */
    const Exchange &failure() const { return m_failure; }
    /** The plan of the last start(). */
    const ReachPlan &plan() const { return m_plan; }

public slots:
    /** Stops the pages in flight; finished() reports a Cancelled exchange. */
    void cancel();

signals:
    /** After each page: registrations fetched by this run, and its requests so far. */
    void progress(int fetched, int requests);
    void finished();

private:
    struct Running
    {
        ReachPlan::Listing listing;
        RegistrationPager *pager = nullptr;
    };
    void advance();
    void onPage(const QString &key, const QList<Registration> &entries);
    void onListingFinished(const QString &key, const Status &result);
    void end(bool ok, bool covered);
    void stopAll();

    HubClient *m_client;
    int m_limit = kDefaultLimit;
    ReachPlan m_plan = ReachPlan::everything();
    QHash<QString, Running> m_listings;
    QSet<QString> m_complete;
    QHash<QString, QDateTime> m_completedAt;
    QSet<QString> m_ids;
    QList<Registration> m_registrations;
    int m_fetchedThisRun = 0;
    int m_requests = 0;
    bool m_running = false;
    bool m_covered = false;
    bool m_truncated = false;
    bool m_ok = false;
    quint64 m_generation = 0;
    QDateTime m_fetchedAt;
    Exchange m_failure;
};

} // namespace Nh
