// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/historyfiltermodel.h"

#include "models/historymodel.h"

using namespace Qt::Literals::StringLiterals;

namespace Nh {

HistoryFilterModel::HistoryFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(HistoryModel::SortRole);
}

void HistoryFilterModel::setSourceModel(QAbstractItemModel *model)
{
    m_history = qobject_cast<HistoryModel *>(model);
    if (m_history)
        m_history->setFilter(m_filter);
    QSortFilterProxyModel::setSourceModel(model);
}

void HistoryFilterModel::setFilter(const HistoryFilter &filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    if (m_history)
        m_history->setFilter(m_filter); // resets the source; the proxy follows
    invalidateFilter();
    emit filterChanged(m_filter);
}

void HistoryFilterModel::setProfileId(const QString &profileId)
{
    HistoryFilter f = m_filter;
    f.profileId = profileId;
    setFilter(f);
}

void HistoryFilterModel::setTimeRange(const QDateTime &from, const QDateTime &to)
{
    HistoryFilter f = m_filter;
    f.from = from;
    f.to = to;
    setFilter(f);
}

void HistoryFilterModel::setFormat(const QString &format)
{
    HistoryFilter f = m_filter;
    f.format = format.trimmed();
    setFilter(f);
}

void HistoryFilterModel::setTag(const QString &tag)
{
    HistoryFilter f = m_filter;
    f.tag = tag.trimmed();
    setFilter(f);
}

void HistoryFilterModel::setTargetText(const QString &target)
{
    HistoryFilter f = m_filter;
    f.target = target;
    setFilter(f);
}

void HistoryFilterModel::setStatuses(HistoryStatuses statuses)
{
    HistoryFilter f = m_filter;
    f.statuses = statuses;
    setFilter(f);
}

void HistoryFilterModel::setText(const QString &text)
{
    HistoryFilter f = m_filter;
    f.text = text.simplified();
    setFilter(f);
}

void HistoryFilterModel::setPinnedOnly(bool pinnedOnly)
{
    HistoryFilter f = m_filter;
    f.pinnedOnly = pinnedOnly;
    setFilter(f);
}

void HistoryFilterModel::sort(int column, Qt::SortOrder order)
{
    if (m_history) {
        // The proxy keeps the source order, which SQLite now gives for the whole history.
        QSortFilterProxyModel::sort(-1, order);
        m_history->sort(column, order);
        return;
    }
    QSortFilterProxyModel::sort(column, order);
}

HistorySummary HistoryFilterModel::summaryOf(int sourceRow) const
{
    if (m_history)
        return m_history->summary(sourceRow);
    const QAbstractItemModel *m = sourceModel();
    const QModelIndex i = m->index(sourceRow, 0);
    HistorySummary s;
    s.profileId = i.data(HistoryModel::ProfileIdRole).toString();
    s.started = i.data(HistoryModel::StartedRole).toDateTime();
    s.format = i.data(HistoryModel::FormatRole).toString();
    s.tags = i.data(HistoryModel::TagsRole).toStringList();
    s.target = i.data(HistoryModel::TargetRole).toString();
    s.status = HistoryStatus(i.data(HistoryModel::StatusRole).toInt());
    s.pinned = i.data(HistoryModel::PinnedRole).toBool();
    return s;
}

bool HistoryFilterModel::matchesText(int sourceRow) const
{
    const QStringList words = m_filter.text.split(u' ', Qt::SkipEmptyParts);
    if (words.isEmpty())
        return true;
    const QAbstractItemModel *m = sourceModel();
    QString text;
    for (int c = 0; c < m->columnCount(); ++c)
        text += m->index(sourceRow, c).data().toString() + u'\n';
    const QModelIndex first = m->index(sourceRow, 0);
    text += first.data(HistoryModel::LabelRole).toString() + u'\n'
        + first.data(HistoryModel::ErrorRole).toString() + u'\n'
        + first.data(HistoryModel::TargetRole).toString();
    return std::all_of(words.cbegin(), words.cend(),
                       [&text](const QString &w) { return text.contains(w, Qt::CaseInsensitive); });
}

bool HistoryFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (sourceParent.isValid() || !sourceModel())
        return false;
    if (!m_filter.matchesSummary(summaryOf(sourceRow)))
        return false;
    // Over a HistoryModel, SQLite already matched the text against headers and bodies.
    return m_history || matchesText(sourceRow);
}

} // namespace Nh
