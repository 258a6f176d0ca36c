// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/registrationmodel.h"

#include "protocol/platform.h"

using namespace Qt::Literals::StringLiterals;

namespace Nh {

RegistrationModel::RegistrationModel(HubClient *client, QObject *parent)
    : QAbstractTableModel(parent)
    , m_client(client)
{
    if (!m_client)
        return;
    m_pager = new RegistrationPager(m_client, this);
    // A page at a time, as the view scrolls.
    m_pager->setAutoContinue(false);
    connect(m_pager, &RegistrationPager::page, this, &RegistrationModel::onPage);
    connect(m_pager, &RegistrationPager::finished, this, &RegistrationModel::onFinished);
}

void RegistrationModel::setQuery(const HubClient::ListQuery &query)
{
    const bool wasLoading = isLoading();
    if (m_pager)
        m_pager->abandon(); // the old listing's late page must not land in the new one
    beginResetModel();
    m_query = query;
    m_rows.clear();
    m_started = false;
    m_pages = 0;
    m_paused = false;
    m_hasMore = m_client != nullptr;
    m_last = {};
    endResetModel();
    // A view (or the model tester) may already have asked for the first page on modelReset.
    if (m_hasMore && !isLoading())
        startPage();
    else if (wasLoading && !isLoading())
        emit loadingChanged(false);
}

void RegistrationModel::refresh()
{
    setQuery(m_query);
}

void RegistrationModel::setPageSize(int rows)
{
    m_pageSize = std::max(1, rows);
}

void RegistrationModel::setRegistrations(const QList<Registration> &registrations)
{
    const bool wasLoading = isLoading();
    if (m_pager)
        m_pager->abandon();
    beginResetModel();
    m_rows = registrations;
    m_started = false;
    m_hasMore = false;
    m_paused = false;
    m_pages = 0;
    endResetModel();
    if (wasLoading)
        emit loadingChanged(false);
}

void RegistrationModel::clear()
{
    setRegistrations({});
}

Registration RegistrationModel::registration(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row) : Registration {};
}

int RegistrationModel::rowOf(const QString &registrationId) const
{
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).registrationId == registrationId)
            return int(i);
    }
    return -1;
}

void RegistrationModel::upsert(const Registration &registration)
{
    const int row = rowOf(registration.registrationId);
    if (row >= 0) {
        m_rows[row] = registration;
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
        return;
    }
    const int at = int(m_rows.size());
    beginInsertRows({}, at, at);
    m_rows.append(registration);
    endInsertRows();
}

bool RegistrationModel::remove(const QString &registrationId)
{
    const int row = rowOf(registrationId);
    if (row < 0)
        return false;
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    endRemoveRows();
    return true;
}

int RegistrationModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RegistrationModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString RegistrationModel::kindText(const Registration &r)
{
    return r.isTemplate ? tr("%1 template").arg(platformDisplayName(r.platform))
                        : platformDisplayName(r.platform);
}

QString RegistrationModel::expiryText(const QDateTime &expirationTime)
{
    if (!expirationTime.isValid() || expirationTime >= Registration::neverExpires())
        return tr("never");
    return tr("%1 UTC").arg(expirationTime.toUTC().toString(u"yyyy-MM-dd HH:mm"_s));
}

QVariant RegistrationModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Registration &r = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case Platform:
            return kindText(r);
        case RegistrationId:
            return r.registrationId;
        case Handle:
            return r.handle;
        case Tags:
            return r.tags.join(u", "_s);
        case Expiry:
            return expiryText(r.expirationTime);
        case TemplateName:
            return r.templateName;
        case ColumnCount:
            break;
        }
        return {};
    case Qt::ToolTipRole:
        switch (Column(index.column())) {
        case Handle:
            return QString(r.handleElementName() + u": "_s + r.handle);
        case Tags:
            return r.tags.join(u'\n');
        case Platform:
            return r.kindName();
        default:
            return {};
        }
    case RegistrationIdRole:
        return r.registrationId;
    case PlatformRole:
        return int(r.platform);
    case IsTemplateRole:
        return r.isTemplate;
    case ExpiredRole:
        return r.expirationTime.isValid() && r.expirationTime < QDateTime::currentDateTimeUtc();
    case TagListRole:
        return r.tags;
    default:
        return {};
    }
}

QVariant RegistrationModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Platform:
        return tr("Platform");
    case RegistrationId:
        return tr("Registration id");
    case Handle:
        return tr("Handle");
    case Tags:
        return tr("Tags");
    case Expiry:
        return tr("Expires");
    case TemplateName:
        return tr("Template");
    case ColumnCount:
        break;
    }
    return {};
}

bool RegistrationModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_client && m_hasMore && !m_paused && !isLoading();
}

void RegistrationModel::fetchMore(const QModelIndex &parent)
{
    if (canFetchMore(parent))
        startPage();
}

void RegistrationModel::loadMore()
{
    m_paused = false;
    if (m_client && m_hasMore && !isLoading())
        startPage();
}

void RegistrationModel::cancel()
{
    if (isLoading())
        m_pager->cancel();
}

void RegistrationModel::startPage()
{
    if (isLoading())
        return;
    if (m_started && m_pager->isActive()) {
        m_pager->fetchNext();
    } else {
        // The first page, or the next one after a failed or cancelled page ended the paging.
        HubClient::ListQuery q = m_query;
        q.top = m_pageSize;
        q.continuationToken = m_started ? m_pager->nextToken() : QString();
        m_pager->start(q);
        m_started = true;
    }
    emit loadingChanged(true);
}

void RegistrationModel::onPage(const QList<Registration> &entries)
{
    m_last = m_pager->lastExchange();
    ++m_pages;
    m_hasMore = m_pager->hasMore();
    int added = 0;
    if (!entries.isEmpty()) {
        const int first = int(m_rows.size());
        beginInsertRows({}, first, first + int(entries.size()) - 1);
        m_rows.append(entries);
        endInsertRows();
        added = int(entries.size());
    }
    // A view may have asked for the next page while the rows went in.
    if (!isLoading())
        emit loadingChanged(false);
    emit pageFinished(m_last, added);
}

void RegistrationModel::onFinished(const Status &result)
{
    if (result.ok())
        return; // the last page was reported by onPage()
    m_last = m_pager->lastExchange();
    // A repeated continuation token ends the listing; any other failure can be retried.
    m_hasMore = m_hasMore && m_pager->hasMore();
    // Do not let the view ask again at once: the user retries with loadMore().
    m_paused = true;
    if (!isLoading())
        emit loadingChanged(false);
    emit pageFinished(m_last, 0);
}

} // namespace Nh
