// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "client/hubclient.h"
#include "client/registrationpager.h"
#include "protocol/registration.h"

#include <QAbstractTableModel>
#include <QString>

namespace Nh {

/**
 * The registrations of a hub, one row each, in the hub's order (docs/conventions.md R10), loaded a
 * page at a time as a view scrolls: canFetchMore()/fetchMore() follow the hub's continuation tokens
 * (docs/protocol.md §7.5) through a RegistrationPager. One page is in flight at most; it can be
 * cancelled, and after a cancelled or failed page the model stops asking for more until loadMore()
 * or refresh(). Also usable without a client as a fixed list (setRegistrations()). QtCore only.
 */
class RegistrationModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RegistrationModel)

public:
    enum Column { Platform, RegistrationId, Handle, Tags, Expiry, TemplateName, ColumnCount };
    enum Role {
        RegistrationIdRole = Qt::UserRole, ///< QString
        PlatformRole, ///< int(Nh::Platform)
        IsTemplateRole, ///< bool
        ExpiredRole, ///< bool: the expiration time has passed
        TagListRole, ///< QStringList
    };

    /** Page size asked of the hub; the SDKs' default. */
    static constexpr int kDefaultPageSize = 100;

    /** `client` (may be null for a fixed list) must outlive the model. */
    explicit RegistrationModel(HubClient *client, QObject *parent = nullptr);

    /**
     * Forgets every row and lists `query` from its first page (top is the model's page size;
     * tag/filter choose all, by tag or by channel). A page in flight is abandoned.
     */
    void setQuery(const HubClient::ListQuery &query);
    const HubClient::ListQuery &query() const { return m_query; }
    /** setQuery() with the current query. */
    void refresh();
    void setPageSize(int rows);
    int pageSize() const { return m_pageSize; }

    /** Replaces every row with a fixed list that has no further pages (a model reset). */
    void setRegistrations(const QList<Registration> &registrations);
    void clear();

    const QList<Registration> &registrations() const { return m_rows; }
    /** The registration of `row`; a default one out of range. */
    Registration registration(int row) const;
    /** The row of the registration with `id`, or -1. */
    int rowOf(const QString &registrationId) const;
    /** Replaces the row with the same id, or appends one. */
    void upsert(const Registration &registration);
    /** Removes the row with `id`; false when there is none. */
    bool remove(const QString &registrationId);

    bool isLoading() const { return m_pager && m_pager->isRunning(); }
    /** True when the hub said it has more pages (whether or not the model will ask now). */
    bool hasMorePages() const { return m_hasMore; }
    /** The pages that arrived since the last setQuery(). */
    int pagesLoaded() const { return m_pages; }
    /** The exchange of the last page, successful or not. */
    const Exchange &lastExchange() const { return m_last; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    /** "Apple (APNs)", "Apple (APNs) template", … (translated). */
    static QString kindText(const Registration &registration);
    /** "never" for Registration::neverExpires(), else `yyyy-MM-dd HH:mm UTC` (translated). */
    static QString expiryText(const QDateTime &expirationTime);

public slots:
    /** Asks for the next page even after a cancelled or failed one. */
    void loadMore();
    /** Abandons the page in flight; pageFinished() reports it Cancelled. */
    void cancel();

signals:
    void loadingChanged(bool loading);
    /** A page ended: `exchange.ok()` with `added` rows, or its failure (Cancelled included). */
    void pageFinished(const Nh::Exchange &exchange, int added);

private:
    void startPage();
    void onPage(const QList<Registration> &entries);
    void onFinished(const Status &result);

    HubClient *m_client;
    RegistrationPager *m_pager = nullptr;
    HubClient::ListQuery m_query;
    int m_pageSize = kDefaultPageSize;
    QList<Registration> m_rows;
    bool m_started = false; ///< the first page of the query was asked for
    bool m_hasMore = false;
    bool m_paused = false;
    int m_pages = 0;
    Exchange m_last;
};

} // namespace Nh
