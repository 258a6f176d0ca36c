// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/trafficmodel.h"

#include "client/trafficexchange.h"
#include "protocol/notification.h"

#include <QStringList>

using namespace Qt::Literals::StringLiterals;

namespace Nh {

TrafficRow TrafficRow::fromLogEntry(const EmulatorLogEntry &entry, const QUrl &origin)
{
    TrafficRow r;
    r.sequence = entry.sequence;
    r.origin = origin;
    r.exchange = exchangeFromLogEntry(entry, origin);
    r.flags = lintRequest(r.exchange);
    r.client =
        QString::fromUtf8(headerValue(entry.requestHeaders, "User-Agent").value_or(QByteArray()));
    r.tags =
        QString::fromUtf8(headerValue(entry.requestHeaders, kTagsHeader).value_or(QByteArray()));
    r.fault = entry.fault;
    r.deliveries = entry.deliveries;
    r.deliveryCount = entry.deliveryCount;
    r.elapsedMicroseconds = entry.elapsedMicroseconds;
    return r;
}

TrafficModel::TrafficModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(kFlushIntervalMs);
    connect(&m_flushTimer, &QTimer::timeout, this, &TrafficModel::flush);
}

void TrafficModel::setCapacity(int rows)
{
    m_capacity = std::max(1, rows);
    while (int(m_pending.size()) > m_capacity) {
        m_pending.pop_front();
        ++m_dropped;
    }
    trim();
}

void TrafficModel::setPaused(bool paused)
{
    if (m_paused == paused)
        return;
    m_paused = paused;
    if (!m_paused && !m_pending.empty())
        m_flushTimer.start();
}

void TrafficModel::append(const EmulatorLogEntry &entry, const QUrl &origin)
{
    m_lastSequence = std::max(m_lastSequence, entry.sequence);
    m_pending.push_back({entry, origin});
    if (int(m_pending.size()) > m_capacity) {
        m_pending.pop_front();
        ++m_dropped;
    }
    if (!m_paused && !m_flushTimer.isActive())
        m_flushTimer.start();
}

void TrafficModel::flush()
{
    m_flushTimer.stop();
    if (m_paused || m_pending.empty())
        return;
    // Make room first, so the insert and the removal are one block each.
    const int added = int(m_pending.size());
    const int overflow = int(m_rows.size()) + added - m_capacity;
    if (overflow > 0) {
        const int removed = std::min(overflow, int(m_rows.size()));
        beginRemoveRows({}, 0, removed - 1);
        m_rows.erase(m_rows.begin(), m_rows.begin() + removed);
        endRemoveRows();
        m_dropped += removed;
    }
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + added - 1);
    for (const Pending &p : m_pending)
        m_rows.push_back(TrafficRow::fromLogEntry(p.entry, p.origin));
    m_pending.clear();
    endInsertRows();
    emit flushed(added);
}

void TrafficModel::clear()
{
    m_flushTimer.stop();
    beginResetModel();
    m_rows.clear();
    m_pending.clear();
    m_dropped = 0;
    endResetModel();
}

void TrafficModel::trim()
{
    const int overflow = int(m_rows.size()) - m_capacity;
    if (overflow <= 0)
        return;
    beginRemoveRows({}, 0, overflow - 1);
    m_rows.erase(m_rows.begin(), m_rows.begin() + overflow);
    endRemoveRows();
    m_dropped += overflow;
}

int TrafficModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int TrafficModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

namespace {

QString outcomeText(const TrafficRow &r)
{
    const Exchange &e = r.exchange;
    if (e.outcome) {
        return TrafficModel::tr("Success %1, Failure %2")
            .arg(e.outcome->success)
            .arg(e.outcome->failure);
    }
    if (r.deliveryCount > 0)
        return TrafficModel::tr("%n delivery(ies)", nullptr, int(r.deliveryCount));
    if (!r.fault.isEmpty())
        return TrafficModel::tr("fault: %1").arg(r.fault);
    return exchangeResultDisplayName(e.result);
}

QString flagText(const TrafficRow &r)
{
    QStringList lines;
    for (const RequestFlag &f : r.flags)
        lines.append(f.sentence);
    return lines.join(u'\n');
}

QString requestText(const TrafficRow &r)
{
    const QUrl &url = r.exchange.url;
    QString text = QString::fromLatin1(r.exchange.method) + u' ' + url.path();
    if (url.hasQuery())
        text += u'?' + url.query(QUrl::PrettyDecoded);
    return text;
}

} // namespace

QVariant TrafficModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_rows.size()))
        return {};
    const TrafficRow &r = m_rows.at(std::size_t(index.row()));
    switch (role) {
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case TimeColumn:
            return r.exchange.started.toLocalTime().toString(u"HH:mm:ss.zzz"_s);
        case ClientColumn:
            return r.client;
        case OperationColumn:
            return r.exchange.operation;
        case RequestColumn:
            return requestText(r);
        case StatusColumn:
            return r.exchange.status ? QVariant(r.exchange.status) : QVariant(u"—"_s);
        case OutcomeColumn:
            return outcomeText(r);
        case DurationColumn:
            return tr("%1 ms").arg(double(r.elapsedMicroseconds) / 1000.0, 0, 'f', 1);
        case ColumnCount:
            break;
        }
        return {};
    case Qt::ToolTipRole:
        if (r.flags.isEmpty())
            return index.column() == ClientColumn ? QVariant(r.client) : QVariant();
        return flagText(r);
    case FlagTextRole:
        return flagText(r);
    case SequenceRole:
        return r.sequence;
    case ClientRole:
        return r.client;
    case OperationRole:
        return r.exchange.operation;
    case StatusRole:
        return r.exchange.status;
    case TagsRole:
        return r.tags;
    case ResultRole:
        return int(r.exchange.result);
    case FlagCountRole:
        return int(r.flags.size());
    case FlagSeverityRole:
        return r.flags.isEmpty() ? -1 : int(worstSeverity(r.flags));
    default:
        return {};
    }
}

QVariant TrafficModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case TimeColumn:
        return tr("Time");
    case ClientColumn:
        return tr("Client");
    case OperationColumn:
        return tr("Operation");
    case RequestColumn:
        return tr("Request");
    case StatusColumn:
        return tr("Status");
    case OutcomeColumn:
        return tr("Outcome");
    case DurationColumn:
        return tr("Duration");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace Nh
