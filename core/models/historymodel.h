// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/historystore.h"

#include <QAbstractTableModel>
#include <QPointer>
#include <QTimer>
#include <memory>

namespace Nh {

/**
 * The history as a table (docs/conventions.md R10), newest first by default. Rows are fetched
 * lazily in pages (canFetchMore()/fetchMore()), filtered and sorted by SQLite over the model's own
 * connection, so a history of 100k exchanges opens with one page read. Exchanges committed by
 * the store appear at their place as they are written; rows written or removed by another
 * process (nhcli) are picked up by a poll of PRAGMA data_version (pollForChanges(), also on a
 * timer). Headers and bodies are not held: record() loads one exchange in full.
 *
 * Only Label (Qt::EditRole) and PinnedRole are editable; edits go to the store and show at once.
 */
class HistoryModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryModel)

public:
    enum Column {
        Time,
        Profile,
        Operation,
        Target,
        Format,
        Status,
        Outcome,
        Elapsed,
        Label,
        ColumnCount
    };
    enum Role {
        ExchangeIdRole = Qt::UserRole, ///< QUuid
        RowIdRole, ///< qint64
        StartedRole, ///< QDateTime (UTC)
        ProfileIdRole,
        OperationRole,
        TargetRole,
        TargetKindRole, ///< int(TargetKind)
        TagsRole, ///< QStringList
        FormatRole,
        HttpStatusRole, ///< int, 0 without a response
        ResultRole, ///< int(ExchangeResult)
        StatusRole, ///< int(HistoryStatus): the severity a decoration proxy colours by
        ElapsedRole, ///< qint64 ms, -1 unknown
        PinnedRole, ///< bool, settable
        LabelRole, ///< QString, settable
        ErrorRole, ///< the error sentence, empty on success
        SortRole, ///< the value the column is sorted by (as SQLite sorts)
    };

    static constexpr int kDefaultPageSize = 200;
    static constexpr int kDefaultPollMs = 2000;

    /** Opens its own reader on the store's file; on failure the model is empty and error()
     *  says why. The store must outlive the model or be destroyed with it. */
    explicit HistoryModel(HistoryStore *store, QObject *parent = nullptr);
    ~HistoryModel() override;

    /** Why the model is empty or stale (the file could not be read); empty when all is well. */
    QString error() const { return m_error; }

    void setFilter(const HistoryFilter &filter);
    const HistoryFilter &filter() const { return m_filter; }
    HistorySort historySort() const { return m_sort; }
    void setHistorySort(const HistorySort &sort);
    /** Rows read per fetchMore(); the first page is read at once. */
    void setPageSize(int rows);
    /** 0 stops the timer; pollForChanges() can still be called. */
    void setPollInterval(int ms);

    /** Exchanges passing the filter in the whole file (one count query; -1 on error). */
    qint64 totalCount() const;
    HistorySummary summary(int row) const;
    /** The row of `id` among the rows fetched so far, or -1. */
    int rowOf(const QUuid &id) const;
    /** The whole exchange of `row`, read from the file. */
    Result<HistoryRecord> record(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    /** Sorts in SQLite (the whole history, not just the fetched rows), then starts over. */
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    QHash<int, QByteArray> roleNames() const override;

    static HistorySort::Key sortKeyFor(int column);

public slots:
    /** Reads the first page again (filter, sort and fetched rows start over). */
    void refresh();
    /** Picks up what other connections committed since the last look. */
    void pollForChanges();

private:
    void onWritten(const QUuid &id, qint64 rowId);
    void onUpdated(const QUuid &id);
    void onRemoved(const QList<QUuid> &ids);
    void insertNewRows();
    void dropMissingRows();
    void removeRowAt(int row);
    void setError(const QString &message);

    QPointer<HistoryStore> m_store;
    std::unique_ptr<HistoryReader> m_reader;
    QList<HistorySummary> m_rows;
    HistoryFilter m_filter;
    HistorySort m_sort;
    int m_pageSize = kDefaultPageSize;
    bool m_atEnd = false;
    qint64 m_lastRowId = 0;
    qint64 m_dataVersion = 0;
    QString m_error;
    QTimer m_poll;
    /** Above 0 while this model announces a change: fetchMore() then waits (see there). */
    int m_notifying = 0;
};

} // namespace Nh
