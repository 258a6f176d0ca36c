// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/historystore.h"

#include <QPointer>
#include <QSortFilterProxyModel>

namespace Nh {

class HistoryModel;

/**
 * The filter state of the history view (docs/conventions.md R10): profile, time range, format, tag,
 * target, status and free text. Over a HistoryModel the filter and the sort are pushed down to
 * SQLite, so they cover the whole history and not only the fetched rows; the proxy then checks
 * each row against the same filter (all but the free text, which needs headers and bodies),
 * so a row that changes after it was fetched (unpinned under "pinned only") leaves at once.
 * Over any other model with HistoryModel's roles it filters and sorts the rows itself, and
 * matches the free text against the displayed texts, label and error.
 */
class HistoryFilterModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryFilterModel)

public:
    explicit HistoryFilterModel(QObject *parent = nullptr);

    void setSourceModel(QAbstractItemModel *model) override;

    const HistoryFilter &filter() const { return m_filter; }
    void setFilter(const HistoryFilter &filter);
    void setProfileId(const QString &profileId);
    /** Invalid bounds are open; `to` is exclusive. */
    void setTimeRange(const QDateTime &from, const QDateTime &to);
    void setFormat(const QString &format);
    void setTag(const QString &tag);
    void setTargetText(const QString &target);
    void setStatuses(HistoryStatuses statuses);
    void setText(const QString &text);
    void setPinnedOnly(bool pinnedOnly);

    /** Over a HistoryModel: sorts the whole history in SQLite. */
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

signals:
    void filterChanged(const Nh::HistoryFilter &filter);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    HistorySummary summaryOf(int sourceRow) const;
    bool matchesText(int sourceRow) const;

    QPointer<HistoryModel> m_history;
    HistoryFilter m_filter;
};

} // namespace Nh
