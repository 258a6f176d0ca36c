// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "store/history/historytypes.h"

#include <QList>
#include <QString>
#include <QUuid>
#include <memory>

namespace Nh {

/**
 * Read access to a history file over a connection of its own (SQLite WAL: reading never blocks
 * the writer and sees only committed exchanges). Use it in the thread that opened it. Every
 * query finishes before returning, so no read transaction is left open.
 */
class HistoryReader
{
    Q_DISABLE_COPY_MOVE(HistoryReader)

public:
    /** Errors: the file cannot be opened, is not a history file, or has a newer schema. */
    static Result<std::unique_ptr<HistoryReader>> open(const QString &path);
    ~HistoryReader();

    QString path() const { return m_path; }
    /** True when the file has the FTS5 index; free text then matches word starts. */
    bool hasFullTextSearch() const { return m_fullText; }

    /** How many exchanges pass `filter`. */
    Result<qint64> count(const HistoryFilter &filter = {}) const;
    /**
     * At most `limit` rows passing `filter` in `sort` order, starting after `after` (keyset
     * paging: pass the last row of the previous page, or nullptr for the first page).
     */
    Result<QList<HistorySummary>> page(const HistoryFilter &filter, const HistorySort &sort,
                                       const HistorySummary *after, int limit) const;
    /** Rows with a rowId above `rowId` that pass `filter`, by rowId (what was written since). */
    Result<QList<HistorySummary>> rowsAfter(qint64 rowId, const HistoryFilter &filter) const;
    /** The rows among `rowIds` that still exist and pass `filter`, by rowId. */
    Result<QList<HistorySummary>> rows(const QList<qint64> &rowIds,
                                       const HistoryFilter &filter = {}) const;
    /** The highest rowId ever given (0 for an empty history). */
    qint64 lastRowId() const;
    /** Changes when another connection (the writer thread, another process) commits. */
    qint64 dataVersion() const;

    /** The whole record, its outcome and other bodies parsed again. Errors: MissingField when
     *  no such exchange is stored (deleted, or pruned by the retention limit). */
    Result<HistoryRecord> load(const QUuid &id) const;
    Result<QList<HistoryRecord>> load(const QList<QUuid> &ids) const;

    RetentionPolicy retention() const;

private:
    HistoryReader() = default;
    QString m_path;
    QString m_connection;
    bool m_fullText = false;
};

} // namespace Nh
