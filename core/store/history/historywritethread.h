// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/history/historytypes.h"

#include <QList>
#include <QMutex>
#include <QPair>
#include <QSqlDatabase>
#include <QString>
#include <QThread>
#include <QUuid>
#include <QWaitCondition>
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
 * Owns the writing connection; drains the queue in transactions of up to 500 ops and
 * reports each op to the store only after its transaction committed.
 */
class HistoryWriter final : public QThread
{
public:
    HistoryWriter(HistoryStore *store, QString path)
        : m_store(store)
        , m_path(std::move(path))
    { }

    void enqueue(HistoryDb::WriteOp op)
    {
        QMutexLocker lock(&m_mutex);
        m_queue.append(std::move(op));
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
    bool m_stopping = false;
};

} // namespace Nh
