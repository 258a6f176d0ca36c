// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/history/historytypes.h"

#include <QLatin1StringView>
#include <QSqlQuery>
#include <QString>
#include <QVariant>
#include <QVariantList>
#include <span>

/**
 * How a HistoryRecord is a row of the `exchanges` table, and back. One column table
 * (historyColumns()) says for every column its name, SQL type, how it is bound and read, and
 * whether a list row selects it; the CREATE TABLE, the INSERT's column list and placeholders,
 * the bound values and both SELECT lists are made from it, so they cannot fall out of step.
 * Internal to nh_store.
 */
namespace Nh::HistoryDb {

/** A decoded row: the record, and what the row holds beside it. */
struct HistoryRow
{
    HistoryRecord record;
    /// Which parsed response the stored body holds ("outcome", "feed", …; empty: none).
    QString parsed;
    qint64 outcomeSuccess = -1; ///< -1: no NotificationOutcome
    qint64 outcomeFailure = -1;
};

/** How a value is bound in the INSERT. */
enum class Bind {
    /// As it is; a null QVariant stores NULL (the bodies, error and token may be NULL).
    Value,
    /// A NOT NULL text column with '' for "none": bound through COALESCE(?, ''), so a null
    /// QString stores ''.
    TextOrEmpty,
};

/** One column of `exchanges`. */
struct HistoryColumn
{
    QLatin1StringView name;
    QLatin1StringView sqlType; ///< as in CREATE TABLE ("TEXT NOT NULL DEFAULT ''")
    Bind bind;
    bool inSummary; ///< selected for a list row (HistorySummary)
    /// The value stored for a record; nullptr for the row id, which SQLite assigns.
    QVariant (*encode)(const HistoryRecord &record);
    /// Sets what the stored value holds.
    void (*decode)(HistoryRow &row, const QVariant &value);
};

/** Every column, in the table's order (CREATE TABLE, INSERT, SELECT). */
std::span<const HistoryColumn> historyColumns();

/** A column added after schema version 1, and the version that added it (ALTER TABLE). */
struct AddedColumn
{
    QLatin1StringView name;
    int since;
};
/** The columns of historyColumns() that a file of an older version gets by ALTER TABLE (a new
 *  file is created with every column). */
std::span<const AddedColumn> addedColumns();

/** What a SELECT reads: a list row, or the whole record. */
enum class Selection { Summary, Record };

/** The CREATE TABLE statement of `exchanges`, every column of the current version. */
QString createExchangesSql();
/** The INSERT of one record (with bindValues()); a uuid already stored is left as it is. */
QString insertSql();
/** The values of insertSql(), in its order. */
QVariantList bindValues(const HistoryRecord &record);
/** The column list of a SELECT that decodeRow() reads ("id, uuid, …"). */
QString selectColumns(Selection selection);

/** The current row of `q`, a SELECT of selectColumns(selection). */
HistoryRow decodeRow(const QSqlQuery &q, Selection selection);
/** The list row of the current row of a SELECT of selectColumns(Selection::Summary). */
HistorySummary summaryFromRow(const QSqlQuery &q);
/** The whole record of the current row of a SELECT of selectColumns(Selection::Record), its
 *  outcome and other parsed responses parsed again from the stored body. */
HistoryRecord recordFromRow(const QSqlQuery &q);

} // namespace Nh::HistoryDb
