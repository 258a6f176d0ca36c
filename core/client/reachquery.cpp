// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "reachquery.h"

#include "client/registrationpager.h"

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace Nh {

ReachQuery::ReachQuery(HubClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{ }

void ReachQuery::setLimit(int limit)
{
    m_limit = std::max(1, limit);
}

void ReachQuery::start(const ReachPlan &plan)
{
    stopAll();
    ++m_generation;
    m_plan = plan;
    m_running = true;
    m_covered = false;
    m_truncated = false;
    m_ok = false;
    m_requests = 0;
    m_fetchedThisRun = 0;
    m_failure = Exchange();
    // finished() never comes from inside start(), even when nothing needs fetching.
    QMetaObject::invokeMethod(
        this,
        [this, generation = m_generation] {
            if (generation == m_generation)
                advance();
        },
        Qt::QueuedConnection);
}

void ReachQuery::clear()
{
    stopAll();
    if (m_running) {
        m_running = false;
        ++m_generation; // the queued advance() of a run not yet started is dropped
    }
    m_complete.clear();
    m_completedAt.clear();
    m_ids.clear();
    m_registrations.clear();
    m_fetchedAt = {};
}

void ReachQuery::cancel()
{
    if (!m_running)
        return;
    for (const Running &r : std::as_const(m_listings)) {
        if (r.pager->isRunning()) {
            r.pager->cancel(); // its finished() ends the run with the Cancelled exchange
            return;
        }
    }
    // Nothing in flight yet: end from the event loop, as a cancelled page would. The queued
    // advance() of this run is dropped (new generation).
    ++m_generation;
    QMetaObject::invokeMethod(
        this,
        [this, generation = m_generation] {
            if (generation != m_generation)
                return;
            stopAll();
            m_failure = Exchange();
            m_failure.result = ExchangeResult::Cancelled;
            m_failure.errorSentence = tr("Cancelled.");
            end(false, false);
        },
        Qt::QueuedConnection);
}

void ReachQuery::advance()
{
    if (!m_running)
        return;
    if (m_plan.isCoveredBy(m_complete)) {
        end(true, true);
        return;
    }
    const QList<ReachPlan::Listing> wanted = m_plan.wanted(m_complete);
    QSet<QString> wantedKeys;
    for (const ReachPlan::Listing &listing : wanted)
        wantedKeys.insert(listing.key());
    // A listing no longer wanted (the other side of an `&&` won the race) stops.
    for (auto it = m_listings.begin(); it != m_listings.end();) {
        if (wantedKeys.contains(it.key())) {
            ++it;
            continue;
        }
        it->pager->abandon();
        it->pager->deleteLater();
        it = m_listings.erase(it);
    }
    const int room = m_limit - m_fetchedThisRun;
    if (room <= 0) {
        m_truncated = true;
        end(true, false);
        return;
    }
    for (const ReachPlan::Listing &listing : wanted) {
        const QString key = listing.key();
        if (m_listings.contains(key))
            continue;
        auto *pager = new RegistrationPager(m_client, this);
        pager->setAutoContinue(false);
        connect(pager, &RegistrationPager::page, this,
                [this, key](const QList<Registration> &entries) { onPage(key, entries); });
        connect(pager, &RegistrationPager::finished, this,
                [this, key](const Status &result) { onListingFinished(key, result); });
        m_listings.insert(key, Running {listing, pager});
        HubClient::ListQuery query = listing.query();
        query.top = std::min(kPageSize, room);
        ++m_requests;
        pager->start(query);
    }
}

void ReachQuery::onPage(const QString &key, const QList<Registration> &entries)
{
    const auto it = m_listings.constFind(key);
    if (it == m_listings.cend())
        return;
    RegistrationPager *pager = it->pager;
    m_fetchedThisRun += int(entries.size());
    for (const Registration &r : entries) {
        if (!m_ids.contains(r.registrationId)) {
            m_ids.insert(r.registrationId);
            m_registrations.append(r);
        }
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (!m_fetchedAt.isValid())
        m_fetchedAt = now;
    emit progress(m_fetchedThisRun, m_requests);
    if (!pager->hasMore()) {
        // The listing is whole; the pager's finished() follows and advances the run.
        m_complete.insert(key);
        m_completedAt.insert(key, now);
        return;
    }
    const int room = m_limit - m_fetchedThisRun;
    if (room <= 0) {
        m_truncated = true;
        end(true, false);
        return;
    }
    pager->setPageSize(std::min(kPageSize, room));
    ++m_requests;
    pager->fetchNext();
}

void ReachQuery::onListingFinished(const QString &key, const Status &result)
{
    const auto it = m_listings.find(key);
    if (it == m_listings.end())
        return;
    RegistrationPager *pager = it->pager;
    m_listings.erase(it);
    pager->deleteLater();
    if (!result.ok()) {
        m_failure = pager->lastExchange();
        end(false, false);
        return;
    }
    advance();
}

void ReachQuery::end(bool ok, bool covered)
{
    if (!m_running)
        return;
    stopAll();
    m_running = false;
    m_ok = ok;
    m_covered = covered;
    if (covered) {
        // The answer is as old as the oldest listing it rests on.
        QDateTime oldest;
        const QString all = ReachPlan::Listing {}.key();
        const QList<ReachPlan::Listing> used = m_complete.contains(all)
            ? QList<ReachPlan::Listing> {ReachPlan::Listing {}}
            : m_plan.listings();
        for (const ReachPlan::Listing &listing : used) {
            const QDateTime at = m_completedAt.value(listing.key());
            if (at.isValid() && (!oldest.isValid() || at < oldest))
                oldest = at;
        }
        if (oldest.isValid())
            m_fetchedAt = oldest;
    }
    emit finished();
}

void ReachQuery::stopAll()
{
    for (const Running &r : std::as_const(m_listings)) {
        r.pager->abandon();
        r.pager->deleteLater();
    }
    m_listings.clear();
}

} // namespace Nh
