// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "client/exchange.h"
#include "client/requestlint.h"
#include "emulator/emulatorlog.h"

#include <QAbstractTableModel>
#include <QList>
#include <QTimer>
#include <QUrl>
#include <deque>

namespace Nh {

/** One exchange of the traffic view: the Exchange record, its flags and its deliveries. */
struct TrafficRow
{
    qint64 sequence = 0; ///< the emulator's log sequence
    QUrl origin; ///< the emulator it came from (`https://127.0.0.1:PORT`)
    Exchange exchange;
    QList<RequestFlag> flags;
    QString client; ///< the User-Agent, as sent
    QString tags; ///< ServiceBusNotification-Tags, as sent
    QString fault; ///< the injected fault, empty when none
    QList<EmulatorDelivery> deliveries;
    qint64 deliveryCount = 0;
    qint64 elapsedMicroseconds = 0; ///< how long the emulator took to answer

    /** Converts a log entry: exchangeFromLogEntry(), lintRequest(), the delivery records. */
    static TrafficRow fromLogEntry(const EmulatorLogEntry &entry, const QUrl &origin);
};

/**
 * The traffic of one or more emulators as a table (issue #20), newest last. Built for a client
 * that sends as fast as the emulator answers: append() only queues the entry, and a timer
 * (kFlushIntervalMs) converts what was queued and inserts it with one beginInsertRows(); the
 * table keeps at most capacity() rows and drops the oldest (one beginRemoveRows()). The queue is
 * bounded by the same capacity, so entries that would be dropped at once are never converted.
 * Paused, the queue keeps filling (bounded) and nothing is inserted until resumed.
 */
class TrafficModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrafficModel)

public:
    enum Column {
        TimeColumn,
        ClientColumn,
        OperationColumn,
        RequestColumn,
        StatusColumn,
        OutcomeColumn,
        DurationColumn,
        ColumnCount
    };
    enum Role {
        SequenceRole = Qt::UserRole + 1,
        ClientRole, ///< QString: the User-Agent
        OperationRole, ///< QString: "send.test", …
        StatusRole, ///< int: the HTTP status, 0 when none
        TagsRole, ///< QString: the Tags header
        ResultRole, ///< int: ExchangeResult
        FlagCountRole, ///< int
        /// int: -1 without flags, else RequestFlag::Severity of the worst
        FlagSeverityRole,
        FlagTextRole, ///< QString: the flags' sentences, one a line (also the row's tooltip)
    };

    static constexpr int kFlushIntervalMs = 100;
    static constexpr int kDefaultCapacity = 5000;

    explicit TrafficModel(QObject *parent = nullptr);

    int capacity() const { return m_capacity; }
    /** Drops the oldest rows beyond `rows` at once. */
    void setCapacity(int rows);

    bool isPaused() const { return m_paused; }
    void setPaused(bool paused);

    /** Queues `entry` from the emulator at `origin`; it shows at the next flush. */
    void append(const EmulatorLogEntry &entry, const QUrl &origin);
    /** Inserts what is queued now (the timer does it on its own). */
    void flush();
    /** Removes every row and empties the queue. */
    void clear();

    const TrafficRow &row(int row) const { return m_rows.at(std::size_t(row)); }
    /** Entries queued and not yet shown. */
    int pendingCount() const { return int(m_pending.size()); }
    /** Entries dropped unseen (queue full) or removed as the oldest, since the last clear(). */
    qint64 droppedCount() const { return m_dropped; }
    /** The newest sequence appended, -1 when none. */
    qint64 lastSequence() const { return m_lastSequence; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

signals:
    /** Rows were added by a flush (after rowsInserted). */
    void flushed(int added);

private:
    struct Pending
    {
        EmulatorLogEntry entry;
        QUrl origin;
    };
    void trim();

    std::deque<TrafficRow> m_rows;
    std::deque<Pending> m_pending;
    QTimer m_flushTimer;
    int m_capacity = kDefaultCapacity;
    bool m_paused = false;
    qint64 m_dropped = 0;
    qint64 m_lastSequence = -1;
};

} // namespace Nh
