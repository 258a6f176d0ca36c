// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/history/historyreader.h"

#include "store/history/historyconnection.h"
#include "store/history/historyqueries.h"
#include "store/history/historyrowcodec.h"
#include "store/history/historyschema.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace Nh {

using namespace HistoryDb;

Result<std::unique_ptr<HistoryReader>> HistoryReader::open(const QString &path)
{
    std::unique_ptr<HistoryReader> reader(new HistoryReader);
    reader->m_path = path;
    reader->m_connection = newConnectionName(u"reader");
    if (!QFileInfo::exists(path)) {
        QSqlDatabase::removeDatabase(reader->m_connection);
        return makeError(ErrorCode::NotFound,
                         Tr::tr("There is no history file at %1").arg(nativePath(path)));
    }
    if (auto opened = openConnection(path, reader->m_connection, false); !opened)
        return opened.error();
    QSqlDatabase db = QSqlDatabase::database(reader->m_connection);
    const int version = scalar(db, u"PRAGMA user_version"_s).value_or(-1).toInt();
    if (version > kSchemaVersion) {
        return makeError(ErrorCode::InvalidValue,
                         Tr::tr("The history file %1 was written by a newer nhconsole (schema %2; "
                                "this one reads up to %3)")
                             .arg(nativePath(path))
                             .arg(version)
                             .arg(kSchemaVersion));
    }
    if (version < kSchemaVersion) {
        return makeError(ErrorCode::UnexpectedRoot,
                         Tr::tr("%1 is not an nhconsole history file, or one not opened by "
                                "nhconsole yet")
                             .arg(nativePath(path)));
    }
    reader->m_fullText =
        scalar(db, u"SELECT value FROM meta WHERE key = 'search'"_s).value_or(QString()).toString()
        == kSearchFts5;
    return reader;
}

HistoryReader::~HistoryReader()
{
    if (!m_connection.isEmpty())
        closeConnection(m_connection);
}

Result<qint64> HistoryReader::count(const HistoryFilter &filter) const
{
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    const Where w = whereClause(filter, m_fullText);
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.prepare(u"SELECT count(*) FROM exchanges WHERE "_s + w.sql)) {
        return makeError(ErrorCode::Storage,
                         Tr::tr("Could not search the history file %1: %2")
                             .arg(nativePath(m_path), sqlError(q)));
    }
    for (const QVariant &v : w.values)
        q.addBindValue(v);
    if (!q.exec() || !q.next()) {
        return makeError(ErrorCode::Storage,
                         Tr::tr("Could not search the history file %1: %2")
                             .arg(nativePath(m_path), sqlError(q)));
    }
    const qint64 n = q.value(0).toLongLong();
    q.finish();
    return n;
}

static Result<QList<HistorySummary>> runSummaries(const QString &connection, const QString &path,
                                                  const QString &sql, const QVariantList &values)
{
    QSqlDatabase db = QSqlDatabase::database(connection);
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.prepare(sql)) {
        return makeError(
            ErrorCode::Storage,
            Tr::tr("Could not search the history file %1: %2").arg(nativePath(path), sqlError(q)));
    }
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (!q.exec()) {
        return makeError(
            ErrorCode::Storage,
            Tr::tr("Could not search the history file %1: %2").arg(nativePath(path), sqlError(q)));
    }
    QList<HistorySummary> rows;
    while (q.next())
        rows.append(summaryFromRow(q));
    q.finish();
    return rows;
}

Result<QList<HistorySummary>> HistoryReader::page(const HistoryFilter &filter,
                                                  const HistorySort &sort,
                                                  const HistorySummary *after, int limit) const
{
    Where w = whereClause(filter, m_fullText);
    const QString expr = sortExpression(sort.key);
    const bool desc = sort.order == Qt::DescendingOrder;
    if (after) {
        w.sql += u" AND ("_s + expr + u", id) "_s + (desc ? u'<' : u'>') + u" (?, ?)"_s;
        w.values.append(HistorySort::valueOf(*after, sort.key));
        w.values.append(after->rowId);
    }
    const QString direction = desc ? u" DESC"_s : u" ASC"_s;
    const QString sql = u"SELECT "_s + selectColumns(Selection::Summary)
        + u" FROM exchanges WHERE "_s + w.sql + u" ORDER BY "_s + expr + direction + u", id"_s
        + direction + u" LIMIT "_s + QString::number(std::max(limit, 0));
    return runSummaries(m_connection, m_path, sql, w.values);
}

Result<QList<HistorySummary>> HistoryReader::rowsAfter(qint64 rowId,
                                                       const HistoryFilter &filter) const
{
    Where w = whereClause(filter, m_fullText);
    w.sql += u" AND id > ?"_s;
    w.values.append(rowId);
    return runSummaries(m_connection, m_path,
                        u"SELECT "_s + selectColumns(Selection::Summary)
                            + u" FROM exchanges WHERE "_s + w.sql + u" ORDER BY id"_s,
                        w.values);
}

Result<QList<HistorySummary>> HistoryReader::rows(const QList<qint64> &rowIds,
                                                  const HistoryFilter &filter) const
{
    const Where w = whereClause(filter, m_fullText);
    QList<HistorySummary> all;
    // Integers only, so they may be written into the statement; chunks keep it short.
    for (qsizetype start = 0; start < rowIds.size(); start += 500) {
        QStringList ids;
        for (qint64 id : rowIds.mid(start, 500))
            ids.append(QString::number(id));
        auto part = runSummaries(m_connection, m_path,
                                 u"SELECT "_s + selectColumns(Selection::Summary)
                                     + u" FROM exchanges WHERE "_s + w.sql + u" AND id IN ("_s
                                     + ids.join(u',') + u") ORDER BY id"_s,
                                 w.values);
        if (!part)
            return part.error();
        all += part.value();
    }
    return all;
}

qint64 HistoryReader::lastRowId() const
{
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    // AUTOINCREMENT keeps the highest id ever given in sqlite_sequence, deleted rows included.
    return scalar(db, u"SELECT seq FROM sqlite_sequence WHERE name = 'exchanges'"_s)
        .value_or(0)
        .toLongLong();
}

qint64 HistoryReader::dataVersion() const
{
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    return scalar(db, u"PRAGMA data_version"_s).value_or(0).toLongLong();
}

Result<HistoryRecord> HistoryReader::load(const QUuid &id) const
{
    auto list = load(QList<QUuid> {id});
    if (!list)
        return list.error();
    if (list->isEmpty()) {
        return makeError(
            ErrorCode::NotFound,
            Tr::tr("The exchange %1 is no longer in the history (deleted, or removed by "
                   "the history limit)")
                .arg(id.toString(QUuid::WithoutBraces)),
            -1, 0, id.toString(QUuid::WithoutBraces));
    }
    return list->first();
}

Result<QList<HistoryRecord>> HistoryReader::load(const QList<QUuid> &ids) const
{
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.prepare(u"SELECT "_s + selectColumns(Selection::Record)
                   + u" FROM exchanges WHERE uuid = ?"_s)) {
        return makeError(
            ErrorCode::Storage,
            Tr::tr("Could not read the history file %1: %2").arg(nativePath(m_path), sqlError(q)));
    }
    QList<HistoryRecord> records;
    for (const QUuid &id : ids) {
        q.addBindValue(id.toString(QUuid::WithoutBraces));
        if (!q.exec()) {
            return makeError(ErrorCode::Storage,
                             Tr::tr("Could not read the history file %1: %2")
                                 .arg(nativePath(m_path), sqlError(q)));
        }
        if (q.next())
            records.append(recordFromRow(q));
        q.finish();
    }
    return records;
}

RetentionPolicy HistoryReader::retention() const
{
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    RetentionPolicy p;
    if (auto count = scalar(db, u"SELECT value FROM meta WHERE key = 'retention_count'"_s))
        p.maxCount = count->toInt();
    if (auto days = scalar(db, u"SELECT value FROM meta WHERE key = 'retention_days'"_s))
        p.maxAgeDays = days->toInt();
    return p;
}
} // namespace Nh
