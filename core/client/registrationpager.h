// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "client/hubclient.h"
#include "common/result.h"
#include "protocol/registration.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>

namespace Nh {

/**
 * The token that asks for the page after `exchange`'s: the x-ms-continuationtoken header
 * (URL-encoded once, as HubClient::ListQuery wants it) or, when a proxy dropped that header,
 * the token of the feed's rel="next" link. Empty on the last page and for a failed exchange.
 */
QString nextContinuationToken(const Exchange &exchange);

/**
 * The paging rule of a listing, without any I/O: which token asks for the next page, and the
 * guard against a hub (or a proxy) that hands back a token it gave before, which would make a
 * client fetch the same pages forever. RegistrationPager applies it to every page.
 */
class ContinuationTokens
{
public:
    /** Starts a listing at `firstToken` (empty: the first page). */
    void reset(const QString &firstToken = {});
    /**
     * After a successful page: the token of the next page (empty: that page was the last), or
     * an Error when the token is one this listing has already used.
     */
    Result<QString> advance(const Exchange &page);
    /** The token of the page asked for last. */
    const QString &current() const { return m_current; }

private:
    QString m_current;
    QSet<QString> m_seen;
};

/**
 * Pages through the registrations of a hub (all, by tag or by channel) with HubClient: the one
 * next-page rule (nextContinuationToken()), a guard against a repeated token (the page that
 * repeats one fails, see ContinuationTokens) and cancel. Asynchronous (docs/conventions.md R4).
 *
 * After start(), page() comes for each page that arrived, in order; finished() comes exactly
 * once, after the last page, a failed page, maxPages() pages, or cancel(); never from inside
 * start(). By default the pager asks for the next page as soon as one arrived (a slot of page()
 * may still change pageSize() or cancel()); with setAutoContinue(false) it waits for fetchNext()
 * after each page, for views that load a page at a time.
 */
class RegistrationPager final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RegistrationPager)

public:
    /** Page size asked for when the query names none; the SDKs' default. */
    static constexpr int kDefaultPageSize = 100;

    /** `client` must outlive the pager. */
    explicit RegistrationPager(HubClient *client, QObject *parent = nullptr);

    /**
     * Starts over with `query`: tag or filter choose the listing, top the page size (<= 0: the
     * default), continuationToken the first page (empty: the hub's first). A paging still
     * running is abandoned silently (its late answer never arrives here).
     */
    void start(const HubClient::ListQuery &query = {});
    /** Asks for the next page when there is one and none is in flight; false otherwise. */
    bool fetchNext();
    /** Ends the paging silently: the page in flight is cancelled and no signal follows. */
    void abandon();

    /** Entries asked for by the next request (>= 1). */
    void setPageSize(int rows);
    int pageSize() const { return m_query.top; }
    /** Pages fetched at most per start() (0: no bound); the rest stays announced by hasMore(). */
    void setMaxPages(int pages);
    int maxPages() const { return m_maxPages; }
    void setAutoContinue(bool on) { m_autoContinue = on; }
    bool autoContinue() const { return m_autoContinue; }

    /** The query of the current paging. */
    const HubClient::ListQuery &query() const { return m_query; }
    /** True while a page is in flight. */
    bool isRunning() const { return !m_job.isNull(); }
    /** True while the paging has not ended (a page in flight, or waiting for fetchNext()). */
    bool isActive() const { return m_active; }
    /**
     * True when there is a page to ask for: the last page announced another one, or a page
     * failed (asking again with nextToken() retries it). False after the last page and after a
     * repeated token.
     */
    bool hasMore() const { return m_more; }
    /**
     * The token of the next request: the one the last page announced (empty after the last
     * page), or after a failed page the token that asked for it (empty for the first page).
     */
    QString nextToken() const { return m_next; }
    /** The pages that arrived since start(). */
    int pages() const { return m_pages; }
    /** The exchange of the last page, successful or not (a repeated token marks it failed). */
    const Exchange &lastExchange() const { return m_last; }

public slots:
    /**
     * Aborts the page in flight (finished() reports the Cancelled exchange), or ends a paging
     * that waits between pages (finished() follows from the event loop). Nothing when ended.
     */
    void cancel();

signals:
    /** A page arrived: its registrations, in the hub's order. */
    void page(const QList<Nh::Registration> &registrations);
    /** The paging ended: ok, or the Error of the failed or cancelled page. */
    void finished(const Nh::Status &result);

private:
    void request();
    void onExchange(const Exchange &exchange);
    void end(const Status &result);
    Error cancelledError() const;

    HubClient *m_client;
    QPointer<HubJob> m_job;
    HubClient::ListQuery m_query;
    ContinuationTokens m_tokens;
    QString m_next;
    bool m_more = false;
    int m_maxPages = 0;
    int m_pages = 0;
    quint64 m_generation = 0; ///< counts start()s, so a queued end cannot reach a later paging
    bool m_autoContinue = true;
    bool m_active = false;
    bool m_inPageSignal = false;
    bool m_cancelRequested = false;
    Exchange m_last;
};

} // namespace Nh
