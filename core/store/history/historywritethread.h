// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/history/historydirect.h"
#include "store/history/historytypes.h"

#include <QList>
#include <QMutex>
#include <QPair>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QThread>
#include <QUuid>
#include <QWaitCondition>
#include <initializer_list>
#include <memory>
#include <optional>
#include <unordered_map>
#include <variant>

namespace Nh {

class HistoryStore;

namespace HistoryDb {

/** The writes a HistoryStore queues for its writer thread. */
struct AddOp
{
    Exchange exchange;
    HistoryContext context;
};
struct PinOp
{
    QUuid id;
    bool pinned = false;
};
struct LabelOp
{
    QUuid id;
    QString label;
};
struct RemoveOp
{
    QList<QUuid> ids;
};
struct RetentionOp
{
    RetentionPolicy policy;
};
using WriteOp = std::variant<AddOp, PinOp, LabelOp, RemoveOp, RetentionOp>;

} // namespace HistoryDb

/**
 * Owns the writing connection; drains the queue in transactions of up to 500 ops (group
 * commit: once woken by a write, it gathers what arrives within a few milliseconds into the same
 * transaction) and reports each op to the store only after its transaction committed. Its
 * statements are prepared once and reused (docs/architecture.md, "The history writer").
 */
class HistoryWriter final : public QThread
{
public:
    HistoryWriter(HistoryStore *store, QString path)
        : m_store(store)
        , m_path(std::move(path))
    { }

    /** Ops gathered into one transaction at most. */
    static constexpr qsizetype kMaxBatch = 500;
    /** How long the writer gathers ops after the first one before it commits them. */
    static constexpr int kGroupCommitMs = 20;
    /** How long it gathers while a stream of writes goes on: after a batch of kBusyBatch ops
     *  or more (a `--repeat` burst), fewer and larger transactions. */
    static constexpr int kBusyGroupCommitMs = 100;
    static constexpr qsizetype kBusyBatch = 32;

    void enqueue(HistoryDb::WriteOp op)
    {
        QMutexLocker lock(&m_mutex);
        m_queue.append(std::move(op));
        // While the writer gathers a batch it sleeps out its window: wake it only when it waits
        // for a first op or the batch is full.
        if (m_idle || m_queue.size() >= kMaxBatch)
            m_wake.wakeOne();
    }

    void stop()
    {
        QMutexLocker lock(&m_mutex);
        m_stopping = true;
        m_wake.wakeOne();
    }

    int pending() const
    {
        QMutexLocker lock(&m_mutex);
        return int(m_queue.size()) + m_inFlight;
    }

protected:
    void run() override;

private:
    struct Report
    {
        QList<QPair<QUuid, qint64>> written;
        QList<QUuid> updated;
        QList<QUuid> removed;
        QList<QPair<QUuid, QString>> failed;
    };

    /** A statement prepared once on the writer's connection and reused. */
    QSqlQuery &prepared(QSqlDatabase &db, const QString &sql);
    /** The same through SQLite's API (historydirect.h), when it can be; else nullptr. */
    HistoryDb::DirectStatement *direct(const QString &sql);
    /** What a statement that ran changed: the rows, and the row id of the last insert. */
    struct Changes
    {
        qint64 rows = 0;
        qint64 lastRowId = 0;
    };
    /**
     * Runs `sql` with `count` values bound in order, through SQLite's API when it can (direct())
     * and else through QSqlQuery, and reports what it changed in `changes` (when given); the
     * driver's error text on failure, the same through either path.
     */
    std::optional<QString> exec(QSqlDatabase &db, const QString &sql, const QVariant *values,
                                qsizetype count, Changes *changes = nullptr);
    std::optional<QString> exec(QSqlDatabase &db, const QString &sql,
                                std::initializer_list<QVariant> values = {})
    {
        return exec(db, sql, values.begin(), qsizetype(values.size()));
    }
    std::optional<QVariant> scalar(QSqlDatabase &db, const QString &sql,
                                   std::initializer_list<QVariant> values = {});
    QList<HistoryDb::WriteOp> takeBatch();
    /** Indexes the rows added since the last feed in the free-text index, if the file has one. */
    std::optional<QString> feedFullText(QSqlDatabase &db);

    bool apply(QSqlDatabase &db, const HistoryDb::WriteOp &op, Report &report, bool &added);
    void prune(QSqlDatabase &db, Report &report);
    QList<QUuid> deleteWhere(QSqlDatabase &db, const QString &condition,
                             const QVariantList &values);
    void deliver(Report report);
    void failAll(const QList<HistoryDb::WriteOp> &ops, const QString &message);

    HistoryStore *m_store;
    QString m_path;
    mutable QMutex m_mutex;
    QWaitCondition m_wake;
    QList<HistoryDb::WriteOp> m_queue;
    int m_inFlight = 0;
    /// Ops in the last batch taken (the writer's own; read under m_mutex).
    qsizetype m_lastBatch = 0;
    bool m_stopping = false;
    bool m_idle = false;
    /// The file has the free-text index (read at the start of each transaction).
    bool m_fullText = false;
    /// Rows inserted in this transaction and not yet in the free-text index: ids first..last.
    qint64 m_unindexedFirst = 0;
    qint64 m_unindexedLast = 0;
    /// The writer thread's own: its prepared statements, by SQL text.
    std::unordered_map<QString, std::unique_ptr<QSqlQuery>> m_statements;
    /// The last statement that did not prepare (its error is what exec() reports).
    std::unique_ptr<QSqlQuery> m_unprepared;
    /// The connection's SQLite handle when statements can run on it directly (else nullptr),
    /// and those statements by SQL text (nullptr: it did not prepare; QSqlQuery runs it).
    sqlite3 *m_handle = nullptr;
    std::unordered_map<QString, std::unique_ptr<HistoryDb::DirectStatement>> m_direct;
};

} // namespace Nh
