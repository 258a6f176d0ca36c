// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "client/hubclient.h"
#include "client/registrationpager.h"
#include "protocol/platform.h"
#include "protocol/registration.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>

namespace Nh {

class TagExpression;

/**
 * Whether a send in `format` can reach `registration` at all, before its tags are looked at:
 * `template` reaches the template registrations of every platform, a native format the native
 * registrations of its own platform (docs/protocol.md §4.3). The emulator selects by the same rule
 * (EmulatorState::deliver), so a local preview and a real test send agree.
 */
bool formatReaches(Format format, const Registration &registration);

/**
 * Whether a send in `format` with `expression` reaches `registration`. A null pointer is a
 * broadcast (every registration the format reaches); a null TagExpression reaches nothing.
 * Tags are compared as TagExpression::matches() does by default (case-insensitively).
 * Expiry is not looked at here (reachedRegistrations() does): the tags alone decide.
 */
bool reaches(const Registration &registration, Format format, const TagExpression *expression);

/**
 * The registrations of `all` that reaches() admits and whose ExpirationTime has not passed, in
 * the order given: the hub lists an expired registration until it removes it, but no send
 * reaches it (docs/protocol.md §9.7 rule 28).
 */
QList<Registration> reachedRegistrations(const QList<Registration> &all, Format format,
                                         const TagExpression *expression);

/**
 * Fetches every registration of a listing (all, by tag or by channel), page after page, up to
 * a bound, for views that evaluate the hub's registrations locally (the reach preview). Pages
 * with a RegistrationPager. Asynchronous and cancellable (docs/conventions.md R4): finished() comes
 * exactly once per start(), after the last page, a failed page, the bound, or cancel().
 */
class RegistrationCollector final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RegistrationCollector)

public:
    /** Registrations kept at most by default; the rest of the hub is not fetched. */
    static constexpr int kDefaultLimit = 10000;
    /** Page size asked for; the SDKs' default, and the documented maximum of one client. */
    static constexpr int kPageSize = 100;

    /** `client` must outlive the collector. */
    explicit RegistrationCollector(HubClient *client, QObject *parent = nullptr);

    /** At most this many registrations are kept (>= 1); takes effect at the next start(). */
    void setLimit(int limit);
    int limit() const { return m_limit; }

    /**
     * Starts over with `query` (top and continuationToken are the collector's own; tag and
     * filter select the listing). A collection still running is cancelled first, silently.
     */
    void start(const HubClient::ListQuery &query = {});
    bool isRunning() const { return m_pager->isRunning(); }

    /** What has been fetched so far (everything, once finished() says ok). */
    const QList<Registration> &registrations() const { return m_registrations; }
    /** True when the bound stopped the collection while the hub had more pages. */
    bool isTruncated() const { return m_truncated; }
    int pages() const { return m_pager->pages(); }
    /** When the last page arrived (UTC); invalid before the first. */
    QDateTime fetchedAt() const { return m_fetchedAt; }
    /** The exchange that ended the collection: the last page, or the one that failed. */
    const Exchange &lastExchange() const { return m_pager->lastExchange(); }
    /** True when the collection ended without a failed or cancelled page. */
    bool ok() const { return m_ok; }

public slots:
    /** Stops after the page in flight; finished() reports a Cancelled exchange. */
    void cancel();

signals:
    /** After each page: registrations kept so far. */
    void progress(int fetched);
    void finished();

private:
    void onPage(const QList<Registration> &entries);
    void end(bool ok);

    RegistrationPager *m_pager;
    int m_limit = kDefaultLimit;
    QList<Registration> m_registrations;
    bool m_truncated = false;
    bool m_ok = false;
    bool m_running = false;
    QDateTime m_fetchedAt;
};

} // namespace Nh
