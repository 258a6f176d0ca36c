// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/registrationmodel.h"

#include "client/reach.h"
#include "protocol/platform.h"

using namespace Qt::Literals::StringLiterals;

namespace Nh {

RegistrationModel::RegistrationModel(HubClient *client, QObject *parent)
    : QAbstractTableModel(parent)
    , m_client(client)
{ }

void RegistrationModel::setQuery(const HubClient::ListQuery &query)
{
    const bool wasLoading = isLoading();
    if (m_job) {
        // The old listing's late page must not land in the new one.
        disconnect(m_job, nullptr, this, nullptr);
        m_job->cancel();
        m_job = nullptr;
    }
    beginResetModel();
    m_query = query;
    m_rows.clear();
    m_token.clear();
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
    if (m_job) {
        disconnect(m_job, nullptr, this, nullptr);
        m_job->cancel();
        m_job = nullptr;
    }
    beginResetModel();
    m_rows = registrations;
    m_token.clear();
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
    if (m_job)
        m_job->cancel();
}

void RegistrationModel::startPage()
{
    if (isLoading())
        return;
    HubClient::ListQuery q = m_query;
    q.top = m_pageSize;
    q.continuationToken = m_token;
    m_job = m_client->listRegistrations(q);
    connect(m_job, &HubJob::finished, this, &RegistrationModel::onPage);
    emit loadingChanged(true);
}

void RegistrationModel::onPage(const Exchange &exchange)
{
    m_job = nullptr;
    m_last = exchange;
    int added = 0;
    if (exchange.ok() && exchange.feed) {
        ++m_pages;
        const QList<Registration> &entries = exchange.feed->entries;
        const QString next = nextContinuationToken(exchange);
        // A hub that hands back the token it was given would page forever.
        m_hasMore = !next.isEmpty() && next != m_token;
        m_token = next;
        if (!entries.isEmpty()) {
            const int first = int(m_rows.size());
            beginInsertRows({}, first, first + int(entries.size()) - 1);
            m_rows.append(entries);
            endInsertRows();
            added = int(entries.size());
        }
    } else {
        // Do not let the view ask again at once: the user retries with loadMore().
        m_paused = true;
    }
    // A view may have asked for the next page while the rows went in.
    if (!isLoading())
        emit loadingChanged(false);
    emit pageFinished(exchange, added);
}

} // namespace Nh
