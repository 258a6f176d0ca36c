// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "emulator/emulatordeliveries.h"

#include "emulator/emulatorstore.h"

using namespace Qt::Literals::StringLiterals;

namespace Nh {

namespace {

/** The store is trimmed to kMaxKept rows after this many new ones. */
constexpr int kTrimEvery = 500;

bool matches(const EmulatorDelivery &d, const DeliveryFilter &f, qint64 sequence)
{
    if (!f.hub.isEmpty() && d.hub.compare(f.hub, Qt::CaseInsensitive) != 0)
        return false;
    if (!f.handle.isEmpty() && d.handle != f.handle)
        return false;
    if (!f.registrationId.isEmpty() && d.registrationId != f.registrationId)
        return false;
    if (!f.installationId.isEmpty() && d.installationId != f.installationId)
        return false;
    if (!f.tag.isEmpty() && !d.tags.contains(f.tag, Qt::CaseInsensitive))
        return false;
    if (f.since.isValid() && d.time < f.since)
        return false;
    if (f.afterSequence >= 0 && sequence <= f.afterSequence)
        return false;
    return true;
}

} // namespace

EmulatorDeliveries::EmulatorDeliveries() = default;
EmulatorDeliveries::~EmulatorDeliveries() = default;

qint64 EmulatorDeliveries::beginSend()
{
    const qint64 send = ++m_nextSend;
    m_sends.insert(send, Send {});
    m_sendOrder.push_back(send);
    while (qsizetype(m_sendOrder.size()) > kMaxSends) {
        m_sends.remove(m_sendOrder.front());
        m_sendOrder.pop_front();
    }
    return send;
}

bool EmulatorDeliveries::wants(qint64 send) const
{
    const auto it = m_sends.constFind(send);
    return it != m_sends.cend() && it->kept < kPerSend;
}

void EmulatorDeliveries::add(qint64 send, EmulatorDelivery delivery)
{
    auto it = m_sends.find(send);
    if (it == m_sends.end())
        return;
    ++it->count;
    if (it->kept >= kPerSend)
        return;
    ++it->kept;
    delivery.sequence = it->sequence;
    if (it->first.size() < EmulatorLogEntry::kLoggedDeliveries)
        it->first.append(delivery);
    if (m_store)
        m_unsaved.append({send, delivery});
    m_kept.push_back({send, std::move(delivery)});
    while (qsizetype(m_kept.size()) > kMaxKept)
        m_kept.pop_front();
}

void EmulatorDeliveries::count(qint64 send)
{
    if (auto it = m_sends.find(send); it != m_sends.end())
        ++it->count;
}

void EmulatorDeliveries::setSequence(qint64 send, qint64 sequence)
{
    auto it = m_sends.find(send);
    if (it == m_sends.end())
        return;
    it->sequence = sequence;
    for (EmulatorDelivery &d : it->first)
        d.sequence = sequence;
    // The send's kept deliveries are among the newest: walk back until all are found.
    int found = 0;
    for (auto k = m_kept.rbegin(); k != m_kept.rend() && found < it->kept; ++k) {
        if (k->send == send) {
            k->delivery.sequence = sequence;
            ++found;
        }
    }
    for (Stored &s : m_unsaved) {
        if (s.first == send)
            s.second.sequence = sequence;
    }
    if (m_store)
        m_store->setDeliverySequence(send, sequence);
}

qint64 EmulatorDeliveries::sequenceOf(qint64 send) const
{
    return m_sends.value(send).sequence;
}

qint64 EmulatorDeliveries::countOf(qint64 send) const
{
    return m_sends.value(send).count;
}

QList<EmulatorDelivery> EmulatorDeliveries::firstOf(qint64 send) const
{
    return m_sends.value(send).first;
}

void EmulatorDeliveries::flush()
{
    if (!m_store || m_unsaved.isEmpty())
        return;
    m_store->saveDeliveries(m_unsaved);
    m_savedSinceTrim += int(m_unsaved.size());
    m_unsaved.clear();
    if (m_savedSinceTrim >= kTrimEvery) {
        m_store->trimDeliveries(kMaxKept);
        m_savedSinceTrim = 0;
    }
}

QList<EmulatorDelivery> EmulatorDeliveries::query(const DeliveryFilter &filter, bool *more,
                                                  QList<qint64> *sends) const
{
    QList<EmulatorDelivery> out;
    const int limit = qBound(1, filter.limit, kMaxLimit);
    if (more)
        *more = false;
    for (const Kept &k : m_kept) {
        if (!matches(k.delivery, filter, k.delivery.sequence))
            continue;
        if (out.size() >= limit) {
            if (more)
                *more = true;
            break;
        }
        out.append(k.delivery);
        if (sends && !sends->contains(k.send))
            sends->append(k.send);
    }
    return out;
}

void EmulatorDeliveries::clear()
{
    m_kept.clear();
    m_sends.clear();
    m_sendOrder.clear();
    m_unsaved.clear();
    if (m_store)
        m_store->clearDeliveries();
}

qint64 EmulatorDeliveries::lastSequence() const
{
    qint64 last = 0;
    for (const Kept &k : m_kept)
        last = qMax(last, k.delivery.sequence);
    return last;
}

void EmulatorDeliveries::load(const QList<Stored> &deliveries)
{
    for (const Stored &s : deliveries) {
        m_kept.push_back({s.first, s.second});
        m_nextSend = qMax(m_nextSend, s.first);
    }
    while (qsizetype(m_kept.size()) > kMaxKept)
        m_kept.pop_front();
}

} // namespace Nh
