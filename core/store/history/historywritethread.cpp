// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/history/historywritethread.h"

#include "common/logging.h"
#include "store/history/historyconnection.h"
#include "store/history/historyrowcodec.h"
#include "store/history/historyschema.h"
#include "store/historystore.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDeadlineTimer>
#include <QSqlQuery>
#include <algorithm>

#ifdef Q_OS_LINUX
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

using namespace Qt::Literals::StringLiterals;

namespace Nh {

using namespace HistoryDb;

namespace {

/// BEGIN IMMEDIATE tries, each waiting up to the busy timeout for another writer.
constexpr int kBeginAttempts = 3;
constexpr qint64 kDayMs = 24LL * 60 * 60 * 1000;
#ifdef Q_OS_LINUX
constexpr int kWriterNice = 10;
#endif

const QString &insertStatement()
{
    static const QString sql = insertSql();
    return sql;
}

} // namespace

QSqlQuery &HistoryWriter::prepared(QSqlDatabase &db, const QString &sql)
{
    auto it = m_statements.find(sql);
    if (it != m_statements.end())
        return *it->second;
    auto q = std::make_unique<QSqlQuery>(db);
    q->setForwardOnly(true);
    if (!q->prepare(sql)) {
        // Not kept: the next use prepares again. exec() reports the error meanwhile.
        m_unprepared = std::move(q);
        return *m_unprepared;
    }
    return *m_statements.emplace(sql, std::move(q)).first->second;
}

DirectStatement *HistoryWriter::direct(const QString &sql)
{
    if (!m_handle)
        return nullptr;
    auto it = m_direct.find(sql);
    if (it == m_direct.end())
        it = m_direct.emplace(sql, DirectStatement::prepare(m_handle, sql)).first;
    return it->second.get();
}

std::optional<QString> HistoryWriter::exec(QSqlDatabase &db, const QString &sql,
                                           const QVariant *values, qsizetype count,
                                           Changes *changes)
{
    if (DirectStatement *statement = direct(sql)) {
        if (std::all_of(values, values + count, &DirectStatement::bindable)) {
            if (auto error = statement->exec(values, count))
                return error;
            if (changes)
                *changes = {statement->changes(), statement->lastInsertId()};
            return std::nullopt;
        }
    }
    QSqlQuery &q = prepared(db, sql);
    if (&q == m_unprepared.get())
        return sqlError(q);
    for (qsizetype i = 0; i < count; ++i)
        q.bindValue(int(i), values[i]);
    if (!q.exec()) {
        const QString error = sqlError(q);
        q.finish();
        return error;
    }
    if (changes)
        *changes = {q.numRowsAffected(), q.lastInsertId().toLongLong()};
    q.finish();
    return std::nullopt;
}

std::optional<QVariant> HistoryWriter::scalar(QSqlDatabase &db, const QString &sql,
                                              std::initializer_list<QVariant> values)
{
    QSqlQuery &q = prepared(db, sql);
    int i = 0;
    for (const QVariant &v : values)
        q.bindValue(i++, v);
    std::optional<QVariant> result;
    if (q.exec() && q.next())
        result = q.value(0);
    q.finish();
    return result;
}

QList<WriteOp> HistoryWriter::takeBatch()
{
    QMutexLocker lock(&m_mutex);
    m_inFlight = 0;
    m_idle = true;
    while (m_queue.isEmpty() && !m_stopping)
        m_wake.wait(&m_mutex);
    m_idle = false;
    // Group commit: what the next few milliseconds bring goes into the same transaction (one
    // fsync, one retention check), unless the store is closing or the batch is full. A stream
    // (the last batch was busy) gathers longer: fewer, larger transactions.
    const bool busy = m_lastBatch >= kBusyBatch;
    QDeadlineTimer window(busy ? kBusyGroupCommitMs : kGroupCommitMs);
    while (!m_stopping && m_queue.size() < kMaxBatch && !window.hasExpired())
        m_wake.wait(&m_mutex, window);
    const qsizetype n = std::min<qsizetype>(m_queue.size(), kMaxBatch);
    m_lastBatch = n;
    QList<WriteOp> batch = m_queue.first(n);
    m_queue.remove(0, n);
    m_inFlight = int(n);
    return batch;
}

void HistoryWriter::run()
{
#ifdef Q_OS_LINUX
    // The history is background work: a send, a redraw or the network thread come first. A
    // niced thread (a task of its own on Linux) still gets its share when the CPUs are busy,
    // unlike SCHED_IDLE, so a writer holding the file's write lock is never starved.
    setpriority(PRIO_PROCESS, pid_t(syscall(SYS_gettid)), kWriterNice);
#endif
    const QString name = newConnectionName(u"writer");
    const Status opened = openConnection(m_path, name, true);
    if (opened) {
        QSqlDatabase db = QSqlDatabase::database(name);
        m_handle = DirectStatement::handle(db);
    }
    for (;;) {
        QList<WriteOp> batch = takeBatch();
        if (batch.isEmpty())
            break;
        if (!opened) {
            failAll(batch, opened.error().message);
            continue;
        }
        QSqlDatabase db = QSqlDatabase::database(name);
        // IMMEDIATE takes the write lock up front: a deferred transaction that later needs it
        // can fail at once with SQLITE_BUSY, past the busy handler, when another process writes.
        std::optional<QString> beginError;
        for (int attempt = 0; attempt < kBeginAttempts; ++attempt) {
            beginError = exec(db, u"BEGIN IMMEDIATE"_s);
            if (!beginError)
                break;
        }
        if (beginError) {
            failAll(batch,
                    Tr::tr("Could not write to the history file %1: %2")
                        .arg(nativePath(m_path), *beginError));
            continue;
        }
        m_fullText = scalar(db, u"SELECT value FROM meta WHERE key = 'search'"_s)
                         .value_or(QString())
                         .toString()
            == kSearchFts5;
        m_unindexedFirst = m_unindexedLast = 0;
        Report report;
        bool added = false;
        std::optional<QString> error;
        for (const WriteOp &op : std::as_const(batch)) {
            // A label or a delete goes through the index's triggers: the rows they touch must
            // be in it first.
            if (!std::holds_alternative<AddOp>(op) && (error = feedFullText(db)))
                break;
            apply(db, op, report, added);
        }
        if (!error)
            error = feedFullText(db);
        if (!error && added)
            prune(db, report);
        if (!error)
            error = exec(db, u"COMMIT"_s);
        if (error) {
            exec(db, u"ROLLBACK"_s);
            failAll(batch,
                    Tr::tr("Could not write to the history file %1: %2")
                        .arg(nativePath(m_path), *error));
            continue;
        }
        deliver(std::move(report));
    }
    m_statements.clear();
    m_unprepared.reset();
    // Finalized before the connection closes (an open statement keeps it from closing).
    m_direct.clear();
    m_handle = nullptr;
    closeConnection(name);
}

std::optional<QString> HistoryWriter::feedFullText(QSqlDatabase &db)
{
    if (m_unindexedFirst == 0)
        return std::nullopt;
    // The writer holds the file's write lock and ids only grow (AUTOINCREMENT): every row in
    // the range was inserted by this transaction.
    const qint64 first = m_unindexedFirst;
    const qint64 last = m_unindexedLast;
    m_unindexedFirst = m_unindexedLast = 0;
    if (!m_fullText)
        return std::nullopt;
    return exec(db, fullTextFeedSql(), {first, last});
}

bool HistoryWriter::apply(QSqlDatabase &db, const WriteOp &op, Report &report, bool &added)
{
    if (const auto *add = std::get_if<AddOp>(&op)) {
        added = true;
        const HistoryRecord r = historyRecordFor(add->exchange, add->context);
        const Exchange &e = r.exchange;
        const QVariantList values = bindValues(r);
        Changes changes;
        if (auto error = exec(db, insertStatement(), values.constData(), values.size(), &changes)) {
            report.failed.append({e.id,
                                  Tr::tr("Could not write to the history file %1: %2")
                                      .arg(nativePath(m_path), *error)});
            return false;
        }
        const bool inserted = changes.rows > 0;
        qint64 rowId = inserted ? changes.lastRowId : 0;
        if (inserted) {
            if (m_unindexedFirst == 0)
                m_unindexedFirst = rowId;
            m_unindexedLast = rowId;
            for (const QString &tag : std::as_const(r.tags)) {
                exec(db, u"INSERT OR IGNORE INTO exchange_tags (tag, exchange_id) VALUES (?, ?)"_s,
                     {tag, rowId});
            }
        } else {
            // The same exchange added twice (a retry of the caller): it is stored once.
            rowId = scalar(db, u"SELECT id FROM exchanges WHERE uuid = ?"_s,
                           {e.id.toString(QUuid::WithoutBraces)})
                        .value_or(0)
                        .toLongLong();
        }
        report.written.append({e.id, rowId});
        return true;
    }
    if (const auto *pin = std::get_if<PinOp>(&op)) {
        if (auto error = exec(db, u"UPDATE exchanges SET pinned = ? WHERE uuid = ?"_s,
                              {pin->pinned ? 1 : 0, pin->id.toString(QUuid::WithoutBraces)})) {
            report.failed.append({pin->id, *error});
            return false;
        }
        report.updated.append(pin->id);
        return true;
    }
    if (const auto *label = std::get_if<LabelOp>(&op)) {
        if (auto error = exec(db, u"UPDATE exchanges SET label = COALESCE(?, '') WHERE uuid = ?"_s,
                              {label->label.trimmed(), label->id.toString(QUuid::WithoutBraces)})) {
            report.failed.append({label->id, *error});
            return false;
        }
        report.updated.append(label->id);
        return true;
    }
    if (const auto *remove = std::get_if<RemoveOp>(&op)) {
        for (const QUuid &id : remove->ids) {
            report.removed += deleteWhere(db, u"uuid = ?"_s, {id.toString(QUuid::WithoutBraces)});
        }
        return true;
    }
    if (const auto *retention = std::get_if<RetentionOp>(&op)) {
        exec(db, u"INSERT OR REPLACE INTO meta (key, value) VALUES ('retention_count', ?)"_s,
             {QString::number(std::max(0, retention->policy.maxCount))});
        exec(db, u"INSERT OR REPLACE INTO meta (key, value) VALUES ('retention_days', ?)"_s,
             {QString::number(std::max(0, retention->policy.maxAgeDays))});
        prune(db, report);
        return true;
    }
    return true;
}

QList<QUuid> HistoryWriter::deleteWhere(QSqlDatabase &db, const QString &condition,
                                        const QVariantList &values)
{
    QList<QUuid> ids;
    {
        QSqlQuery &q = prepared(db, u"SELECT uuid FROM exchanges WHERE "_s + condition);
        for (qsizetype i = 0; i < values.size(); ++i)
            q.bindValue(int(i), values.at(i));
        if (q.exec()) {
            while (q.next())
                ids.append(QUuid::fromString(q.value(0).toString()));
        }
        q.finish();
    }
    if (ids.isEmpty())
        return ids;
    QSqlQuery &q = prepared(db, u"DELETE FROM exchanges WHERE "_s + condition);
    for (qsizetype i = 0; i < values.size(); ++i)
        q.bindValue(int(i), values.at(i));
    if (!q.exec()) {
        qCWarning(lcStore) << "history delete failed:" << sqlError(q);
        q.finish();
        return {};
    }
    q.finish();
    return ids;
}

void HistoryWriter::prune(QSqlDatabase &db, Report &report)
{
    int maxCount = RetentionPolicy::kDefaultMaxCount;
    int maxDays = 0;
    if (auto v = scalar(db, u"SELECT value FROM meta WHERE key = 'retention_count'"_s))
        maxCount = v->toInt();
    if (auto v = scalar(db, u"SELECT value FROM meta WHERE key = 'retention_days'"_s))
        maxDays = v->toInt();
    if (maxDays > 0) {
        const qint64 cutoff =
            QDateTime::currentDateTimeUtc().toMSecsSinceEpoch() - qint64(maxDays) * kDayMs;
        report.removed += deleteWhere(db, u"pinned = 0 AND started_ms < ?"_s, {cutoff});
    }
    if (maxCount > 0) {
        // Counted, not stepped through: count(*) reads the pages of the smallest index, and the
        // pinned rows are few. Only the excess (usually the few rows this batch added) is
        // stepped through, oldest first, so a full history costs no more than an empty one.
        const qint64 total =
            scalar(db, u"SELECT count(*) FROM exchanges"_s).value_or(0).toLongLong();
        const qint64 pinned = scalar(db, u"SELECT count(*) FROM exchanges WHERE pinned > 0"_s)
                                  .value_or(0)
                                  .toLongLong();
        const qint64 excess = total - pinned - maxCount;
        if (excess <= 0)
            return;
        QSqlQuery &q = prepared(db,
                                u"SELECT started_ms, id FROM exchanges WHERE pinned = 0 "
                                u"ORDER BY started_ms ASC, id ASC LIMIT 1 OFFSET ?"_s);
        q.bindValue(0, excess - 1);
        if (q.exec() && q.next()) {
            const QVariantList edge = {q.value(0), q.value(1)};
            q.finish();
            report.removed += deleteWhere(db, u"pinned = 0 AND (started_ms, id) <= (?, ?)"_s, edge);
        } else {
            q.finish();
        }
    }
}

void HistoryWriter::failAll(const QList<WriteOp> &ops, const QString &message)
{
    qCWarning(lcStore).noquote() << message;
    Report report;
    for (const WriteOp &op : ops) {
        if (const auto *add = std::get_if<AddOp>(&op))
            report.failed.append({add->exchange.id, message});
        else if (const auto *pin = std::get_if<PinOp>(&op))
            report.failed.append({pin->id, message});
        else if (const auto *label = std::get_if<LabelOp>(&op))
            report.failed.append({label->id, message});
        else if (const auto *remove = std::get_if<RemoveOp>(&op)) {
            for (const QUuid &id : remove->ids)
                report.failed.append({id, message});
        }
    }
    deliver(std::move(report));
}

void HistoryWriter::deliver(Report report)
{
    HistoryStore *store = m_store;
    // Emitted in the store's thread; events still queued when the store is destroyed are
    // dropped with it.
    QMetaObject::invokeMethod(
        store,
        [store, report = std::move(report)] {
            for (const auto &[id, rowId] : report.written)
                emit store->written(id, rowId);
            for (const QUuid &id : report.updated)
                emit store->updated(id);
            if (!report.removed.isEmpty())
                emit store->removed(report.removed);
            for (const auto &[id, message] : report.failed)
                emit store->writeFailed(id, message);
        },
        Qt::QueuedConnection);
}
} // namespace Nh
