// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "emulator/emulatorlog.h"

#include <QList>
#include <QPointer>
#include <QTcpSocket>
#include <functional>
#include <list>
#include <memory>

QT_BEGIN_NAMESPACE
class QTimer;
class QObject;
QT_END_NAMESPACE

namespace Nh {

struct EmulatorReply;
struct EmulatorRequest;

/**
 * The emulator's request log (the last kMaxEntries exchanges) and its stream, `GET
 * /$emulator/traffic?after=SEQ[&limit=N][&wait=MS]` (docs/protocol.md §9.11): the entries
 * after a position, or, when there are none, a long poll held without blocking the emulator's
 * thread until an entry comes or the wait is over.
 *
 * Positions are log sequence numbers. An entry updated after it was logged (its send reached
 * more registrations) gets a new position from the same counter, so a reader past it sees it
 * again, with the same `sequence`.
 */
class EmulatorTraffic
{
public:
    static constexpr qsizetype kMaxEntries = 1000;
    static constexpr int kDefaultLimit = 100;
    static constexpr int kMaxLimit = 1000;

    /** Writes an answer on a held connection (the emulator's transport). */
    using Writer = std::function<void(QTcpSocket *, const EmulatorReply &)>;

    /** `context` owns the wait timers; `waitMs`/`maxWaitMs`/`maxWaiters` bound the long poll. */
    EmulatorTraffic(QObject *context, Writer writer, int waitMs, int maxWaitMs, int maxWaiters);
    ~EmulatorTraffic();
    Q_DISABLE_COPY_MOVE(EmulatorTraffic)

    /** Logs `entry` at `position` (its sequence) and releases the waiting requests. */
    void append(const EmulatorLogEntry &entry);
    /** The entry with `sequence`, or null when it left the log. */
    EmulatorLogEntry *find(qint64 sequence);
    /** Moves the entry with `sequence` (changed through find()) to `position`; releases. */
    void touched(qint64 sequence, qint64 position);
    QList<EmulatorLogEntry> entries() const;

    /** Answers a traffic request on `socket` now, or holds it (long poll). */
    void serve(const EmulatorRequest &request, QTcpSocket *socket);
    /** Answers every held request with what there is (stopping). */
    void releaseAll();

private:
    struct Waiter;
    /** The answer for entries after `after` (at most `limit`); empty list when none. */
    EmulatorReply answer(qint64 after, int limit, bool *empty) const;
    void release();
    void finish(Waiter *waiter);

    QObject *m_context;
    Writer m_writer;
    int m_waitMs;
    int m_maxWaitMs;
    int m_maxWaiters;
    QList<EmulatorLogEntry> m_entries;
    QList<qint64> m_positions; ///< parallel to m_entries
    qint64 m_last = 0; ///< the highest position given
    std::list<std::unique_ptr<Waiter>> m_waiters;
};

} // namespace Nh
