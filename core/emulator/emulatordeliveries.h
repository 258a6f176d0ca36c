// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "emulator/emulatorlog.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <deque>
#include <functional>
#include <utility>

namespace Nh {

class EmulatorStore;

/** What `GET /$emulator/deliveries` selects (docs/protocol.md §9.11); empty fields select all. */
struct DeliveryFilter
{
    QString hub; ///< compared case-insensitively
    QString handle;
    QString registrationId;
    QString installationId;
    QString tag; ///< the registration carried it when it was reached (case-insensitive)
    QDateTime since; ///< valid: delivered at or after it
    qint64 afterSequence = -1; ///< >= 0: from sends whose log sequence is greater
    int limit = 100;
};

/**
 * The emulator's delivery records (issue #20, docs/protocol.md §9.11): what each registration a
 * send reached received, bounded per send (kPerSend) and in all (kMaxKept), oldest dropped
 * first; every send's count is kept whole. Lives with EmulatorState in the emulator's thread
 * and writes through to the EmulatorStore when one is attached (`--data`).
 *
 * A send gets a number from beginSend(); its deliveries carry the log sequence of the request
 * that made the send once setSequence() knows it (0 until then).
 */
class EmulatorDeliveries
{
public:
    /** Deliveries kept per send; the rest are counted only. */
    static constexpr int kPerSend = 100;
    /** Deliveries kept in all. */
    static constexpr qsizetype kMaxKept = 5000;
    /** Sends whose counts and first deliveries are remembered for their log entries. */
    static constexpr qsizetype kMaxSends = 1000;
    /** The most a query returns at once. */
    static constexpr int kMaxLimit = 1000;

    EmulatorDeliveries();
    ~EmulatorDeliveries();
    Q_DISABLE_COPY_MOVE(EmulatorDeliveries)

    /** A new send: its number for add(). */
    qint64 beginSend();
    /** True while the send keeps its deliveries (fewer than kPerSend so far). */
    bool wants(qint64 send) const;
    /** Counts one delivery of `send`; keeps `delivery` while wants(). */
    void add(qint64 send, EmulatorDelivery delivery);
    /** Counts one delivery of `send` that is not kept. */
    void count(qint64 send);
    /** The log sequence of the request that made `send`: set on what it kept and will keep. */
    void setSequence(qint64 send, qint64 sequence);
    qint64 sequenceOf(qint64 send) const;
    /** Deliveries of `send` in all, the ones not kept included. */
    qint64 countOf(qint64 send) const;
    /** The first `n` (at most EmulatorLogEntry::kLoggedDeliveries) deliveries of `send`. */
    QList<EmulatorDelivery> firstOf(qint64 send) const;
    /** Writes the deliveries kept since the last flush to the store (one transaction). */
    void flush();

    /** Kept deliveries matching `filter`, oldest first, at most filter.limit; `more` is set
     *  when more matched, `sends` gets the sends they came from (in order, once each). */
    QList<EmulatorDelivery> query(const DeliveryFilter &filter, bool *more = nullptr,
                                  QList<qint64> *sends = nullptr) const;
    qsizetype size() const { return qsizetype(m_kept.size()); }
    /** Forgets every delivery and send (and in the store). */
    void clear();

    /** The highest log sequence among the kept deliveries (0 when none). */
    qint64 lastSequence() const;
    /** Write-through from now on (the store's rows are read by load()). */
    void attachStore(EmulatorStore *store) { m_store = store; }
    /** A delivery with the number of its send, as the store keeps it. */
    using Stored = std::pair<qint64, EmulatorDelivery>;
    /** The deliveries a data file kept, oldest first (before any send). */
    void load(const QList<Stored> &deliveries);

    /** Called after a send's later chunks (or a scheduled send's delivery) added deliveries. */
    std::function<void(qint64 send)> changed;
    void notifyChanged(qint64 send) const
    {
        if (changed)
            changed(send);
    }

private:
    struct Kept
    {
        qint64 send = 0;
        EmulatorDelivery delivery;
    };
    struct Send
    {
        qint64 sequence = 0;
        qint64 count = 0;
        int kept = 0;
        QList<EmulatorDelivery> first;
    };

    std::deque<Kept> m_kept;
    QHash<qint64, Send> m_sends;
    std::deque<qint64> m_sendOrder;
    QList<Stored> m_unsaved;
    int m_savedSinceTrim = 0;
    qint64 m_nextSend = 0;
    EmulatorStore *m_store = nullptr;
};

} // namespace Nh
