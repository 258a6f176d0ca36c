// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "emulator/emulatortraffic.h"

#include "emulator/emulatoroperations.h"
#include "emulator/emulatorservice.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>
#include <algorithm>
#include <limits>

using namespace Qt::Literals::StringLiterals;

namespace Nh {

using EmulatorOps::Tr;

struct EmulatorTraffic::Waiter
{
    QPointer<QTcpSocket> socket;
    qint64 after = 0;
    int limit = kDefaultLimit;
    std::unique_ptr<QTimer> timer;
};

EmulatorTraffic::EmulatorTraffic(QObject *context, Writer writer, int waitMs, int maxWaitMs,
                                 int maxWaiters)
    : m_context(context)
    , m_writer(std::move(writer))
    , m_waitMs(waitMs)
    , m_maxWaitMs(maxWaitMs)
    , m_maxWaiters(maxWaiters)
{ }

EmulatorTraffic::~EmulatorTraffic() = default;

void EmulatorTraffic::append(const EmulatorLogEntry &entry)
{
    m_entries.append(entry);
    m_positions.append(entry.sequence);
    m_last = qMax(m_last, entry.sequence);
    if (m_entries.size() > kMaxEntries) {
        m_entries.removeFirst();
        m_positions.removeFirst();
    }
    release();
}

EmulatorLogEntry *EmulatorTraffic::find(qint64 sequence)
{
    // Sequences grow along the log: a binary search finds it.
    const auto it =
        std::lower_bound(m_entries.begin(), m_entries.end(), sequence,
                         [](const EmulatorLogEntry &e, qint64 s) { return e.sequence < s; });
    return it != m_entries.end() && it->sequence == sequence ? &*it : nullptr;
}

void EmulatorTraffic::touched(qint64 sequence, qint64 position)
{
    const EmulatorLogEntry *e = find(sequence);
    if (!e)
        return;
    m_positions[e - m_entries.constData()] = position;
    m_last = qMax(m_last, position);
    release();
}

QList<EmulatorLogEntry> EmulatorTraffic::entries() const
{
    return m_entries;
}

EmulatorReply EmulatorTraffic::answer(qint64 after, int limit, bool *empty) const
{
    // A position beyond the log's: the emulator was restarted under the reader; start over.
    if (after > m_last)
        after = 0;
    QList<qsizetype> found;
    for (qsizetype i = 0; i < m_positions.size(); ++i) {
        if (m_positions.at(i) > after)
            found.append(i);
    }
    std::sort(found.begin(), found.end(),
              [this](qsizetype a, qsizetype b) { return m_positions.at(a) < m_positions.at(b); });
    if (found.size() > limit)
        found.resize(limit);
    QJsonArray list;
    for (const qsizetype i : std::as_const(found))
        list.append(m_entries.at(i).toJson());
    const qint64 next = found.isEmpty() ? qMax(after, m_last) : m_positions.at(found.constLast());
    *empty = found.isEmpty();
    return EmulatorService::jsonReply(
        200, QJsonDocument(QJsonObject {{u"entries"_s, list}, {u"next"_s, next}}));
}

void EmulatorTraffic::serve(const EmulatorRequest &request, QTcpSocket *socket)
{
    if (request.method != "GET") {
        EmulatorReply refusal = EmulatorService::jsonError(
            405,
            Tr::tr("The method %1 is not allowed on %2; allowed: GET.")
                .arg(QString::fromLatin1(request.method), request.url.path()));
        refusal.headers.append({"Allow"_ba, "GET"_ba});
        return m_writer(socket, refusal);
    }
    const auto query = EmulatorOps::queryItems(request.url);
    const auto number = [&](const QString &name, qint64 fallback, qint64 min,
                            qint64 max) -> std::optional<qint64> {
        if (!query.contains(name))
            return fallback;
        bool ok = false;
        const qint64 v = query.value(name).toLongLong(&ok);
        if (!ok || v < min || v > max)
            return std::nullopt;
        return v;
    };
    const auto after = number(u"after"_s, 0, 0, std::numeric_limits<qint64>::max());
    const auto limit = number(u"limit"_s, kDefaultLimit, 1, kMaxLimit);
    const auto wait = number(u"wait"_s, m_waitMs, 0, m_maxWaitMs);
    if (!after)
        return m_writer(
            socket,
            EmulatorService::jsonError(400,
                                       Tr::tr("'after' takes a log sequence number (0 or more), "
                                              "not '%1'.")
                                           .arg(query.value(u"after"_s))));
    if (!limit)
        return m_writer(socket,
                        EmulatorService::jsonError(400,
                                                   Tr::tr("'limit' takes a number from 1 to "
                                                          "%1, not '%2'.")
                                                       .arg(kMaxLimit)
                                                       .arg(query.value(u"limit"_s))));
    if (!wait)
        return m_writer(
            socket,
            EmulatorService::jsonError(400,
                                       Tr::tr("'wait' takes milliseconds from 0 to %1, not '%2'.")
                                           .arg(m_maxWaitMs)
                                           .arg(query.value(u"wait"_s))));
    bool empty = true;
    EmulatorReply reply = answer(*after, int(*limit), &empty);
    if (!empty || *wait == 0)
        return m_writer(socket, reply);
    if (qsizetype(m_waiters.size()) >= m_maxWaiters) {
        return m_writer(socket,
                        EmulatorService::jsonError(503,
                                                   Tr::tr("%1 traffic requests are waiting "
                                                          "already; try again later.")
                                                       .arg(m_maxWaiters)));
    }
    auto waiter = std::make_unique<Waiter>();
    waiter->socket = socket;
    waiter->after = *after;
    waiter->limit = int(*limit);
    waiter->timer = std::make_unique<QTimer>();
    waiter->timer->setSingleShot(true);
    Waiter *w = waiter.get();
    QObject::connect(waiter->timer.get(), &QTimer::timeout, m_context, [this, w] { finish(w); });
    waiter->timer->start(int(*wait));
    m_waiters.push_back(std::move(waiter));
}

void EmulatorTraffic::finish(Waiter *waiter)
{
    const auto it = std::find_if(m_waiters.begin(), m_waiters.end(),
                                 [waiter](const auto &w) { return w.get() == waiter; });
    if (it == m_waiters.end())
        return;
    std::unique_ptr<Waiter> done = std::move(*it);
    m_waiters.erase(it);
    done->timer->stop();
    if (done->socket && done->socket->state() == QAbstractSocket::ConnectedState) {
        bool empty = true;
        m_writer(done->socket, answer(done->after, done->limit, &empty));
    }
}

void EmulatorTraffic::release()
{
    std::list<Waiter *> ready;
    // The newest position always belongs to an entry still in the log.
    for (const auto &w : m_waiters) {
        if (w->after > m_last ? !m_entries.isEmpty() : m_last > w->after)
            ready.push_back(w.get());
    }
    for (Waiter *w : ready)
        finish(w);
}

void EmulatorTraffic::releaseAll()
{
    while (!m_waiters.empty())
        finish(m_waiters.front().get());
}

} // namespace Nh
