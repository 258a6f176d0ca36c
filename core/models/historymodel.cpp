// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/historymodel.h"

#include "common/logging.h"

#include <QScopedValueRollback>
#include <QSet>
#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace Nh {

namespace {

/** A valid index of `model`'s top level. Invalid indexes (which views and
 *  QAbstractItemModelTester pass on purpose) are refused quietly; checkIndex() would warn. */
bool isRowIndex(const QAbstractItemModel *model, const QModelIndex &index)
{
    return index.isValid()
        && model->checkIndex(index, QAbstractItemModel::CheckIndexOption::ParentIsInvalid);
}

} // namespace

HistoryModel::HistoryModel(HistoryStore *store, QObject *parent)
    : QAbstractTableModel(parent)
    , m_store(store)
{
    if (!store) {
        m_error = tr("No history is open");
        return;
    }
    auto reader = HistoryReader::open(store->path());
    if (!reader) {
        m_error = reader.error().message;
        return;
    }
    m_reader = std::move(reader).value();
    m_dataVersion = m_reader->dataVersion();
    connect(store, &HistoryStore::written, this, &HistoryModel::onWritten);
    connect(store, &HistoryStore::updated, this, &HistoryModel::onUpdated);
    connect(store, &HistoryStore::removed, this, &HistoryModel::onRemoved);
    connect(&m_poll, &QTimer::timeout, this, &HistoryModel::pollForChanges);
    m_poll.start(kDefaultPollMs);
    refresh();
}

HistoryModel::~HistoryModel() = default;

void HistoryModel::setError(const QString &message)
{
    if (m_error != message)
        qCWarning(lcStore).noquote() << message;
    m_error = message;
}

void HistoryModel::setFilter(const HistoryFilter &filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    refresh();
}

void HistoryModel::setHistorySort(const HistorySort &sort)
{
    if (sort == m_sort)
        return;
    m_sort = sort;
    refresh();
}

void HistoryModel::setPageSize(int rows)
{
    m_pageSize = std::max(1, rows);
}

void HistoryModel::setPollInterval(int ms)
{
    if (ms <= 0)
        m_poll.stop();
    else if (m_reader)
        m_poll.start(ms);
}

void HistoryModel::refresh()
{
    if (!m_reader)
        return;
    const QScopedValueRollback busy(m_notifying, m_notifying + 1);
    beginResetModel();
    // Read before the page: a row committed in between is then seen again by insertNewRows(),
    // which skips rows it already holds, rather than missed.
    m_lastRowId = m_reader->lastRowId();
    auto page = m_reader->page(m_filter, m_sort, nullptr, m_pageSize);
    if (page) {
        m_rows = std::move(page).value();
        m_atEnd = m_rows.size() < m_pageSize;
        m_error.clear();
    } else {
        m_rows.clear();
        m_atEnd = true;
        setError(page.error().message);
    }
    endResetModel();
}

bool HistoryModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_reader && !m_atEnd;
}

void HistoryModel::fetchMore(const QModelIndex &parent)
{
    // Not from a slot of this model's own change signals (a view or QAbstractItemModelTester
    // asks for more as a reset or an insert is announced): rows inserted then would arrive
    // inside the previous change. The view asks again once it is handled.
    if (!canFetchMore(parent) || m_notifying > 0)
        return;
    const QScopedValueRollback busy(m_notifying, m_notifying + 1);
    auto page =
        m_reader->page(m_filter, m_sort, m_rows.isEmpty() ? nullptr : &m_rows.last(), m_pageSize);
    if (!page) {
        m_atEnd = true;
        setError(page.error().message);
        return;
    }
    QList<HistorySummary> rows = std::move(page).value();
    m_atEnd = rows.size() < m_pageSize;
    // A row inserted as it was written may come again in a later page.
    QSet<qint64> held;
    for (const HistorySummary &r : std::as_const(m_rows))
        held.insert(r.rowId);
    rows.removeIf([&held](const HistorySummary &r) { return held.contains(r.rowId); });
    if (rows.isEmpty())
        return;
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + rows.size() - 1));
    m_rows += rows;
    endInsertRows();
}

void HistoryModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= ColumnCount)
        return;
    setHistorySort({sortKeyFor(column), order});
}

HistorySort::Key HistoryModel::sortKeyFor(int column)
{
    switch (column) {
    case Time:
        return HistorySort::Key::Started;
    case Profile:
        return HistorySort::Key::Profile;
    case Operation:
        return HistorySort::Key::Operation;
    case Target:
        return HistorySort::Key::Target;
    case Format:
        return HistorySort::Key::Format;
    case Status:
        return HistorySort::Key::Status;
    case Outcome:
        return HistorySort::Key::Outcome;
    case Elapsed:
        return HistorySort::Key::Elapsed;
    case Label:
        return HistorySort::Key::Label;
    default:
        return HistorySort::Key::Started;
    }
}

qint64 HistoryModel::totalCount() const
{
    if (!m_reader)
        return -1;
    auto n = m_reader->count(m_filter);
    return n ? n.value() : -1;
}

HistorySummary HistoryModel::summary(int row) const
{
    return m_rows.value(row);
}

int HistoryModel::rowOf(const QUuid &id) const
{
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).id == id)
            return int(i);
    }
    return -1;
}

Result<HistoryRecord> HistoryModel::record(int row) const
{
    if (!m_reader)
        return makeError(ErrorCode::Storage, m_error);
    if (row < 0 || row >= m_rows.size()) {
        return makeError(ErrorCode::NotFound,
                         tr("There is no row %1 in the history list").arg(row + 1));
    }
    return m_reader->load(m_rows.at(row).id);
}

int HistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int HistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HistoryModel::data(const QModelIndex &index, int role) const
{
    if (!isRowIndex(this, index))
        return {};
    const HistorySummary &r = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Time:
            return r.started.toLocalTime().toString(u"yyyy-MM-dd HH:mm:ss"_s);
        case Profile:
            return r.profileName;
        case Operation:
            return r.operation;
        case Target:
            if (r.targetKind == TargetKind::Broadcast)
                return tr("All registrations");
            if (r.targetKind == TargetKind::Batch && r.target.isEmpty())
                return tr("Direct batch");
            return r.target;
        case Format:
            return r.format;
        case Status:
            return r.httpStatus > 0
                ? tr("%1 (%2)").arg(exchangeResultDisplayName(r.result)).arg(r.httpStatus)
                : exchangeResultDisplayName(r.result);
        case Outcome:
            if (r.outcomeSuccess < 0)
                return QString();
            return tr("%1 sent, %2 failed").arg(r.outcomeSuccess).arg(r.outcomeFailure);
        case Elapsed:
            return r.totalMs >= 0 ? tr("%1 ms").arg(r.totalMs) : QString();
        case Label:
            return r.label;
        }
        return {};
    case Qt::EditRole:
        return index.column() == Label ? QVariant(r.label) : data(index, Qt::DisplayRole);
    case Qt::ToolTipRole:
        if (index.column() == Status && !r.errorSentence.isEmpty())
            return r.errorSentence;
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == Elapsed)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        return {};
    case ExchangeIdRole:
        return r.id;
    case RowIdRole:
        return r.rowId;
    case StartedRole:
        return r.started;
    case ProfileIdRole:
        return r.profileId;
    case OperationRole:
        return r.operation;
    case TargetRole:
        return r.target;
    case TargetKindRole:
        return int(r.targetKind);
    case TagsRole:
        return r.tags;
    case FormatRole:
        return r.format;
    case HttpStatusRole:
        return r.httpStatus;
    case ResultRole:
        return int(r.result);
    case StatusRole:
        return int(r.status);
    case ElapsedRole:
        return r.totalMs;
    case PinnedRole:
        return r.pinned;
    case LabelRole:
        return r.label;
    case ErrorRole:
        return r.errorSentence;
    case SortRole:
        return HistorySort::valueOf(r, sortKeyFor(index.column()));
    default:
        return {};
    }
}

QVariant HistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Time:
        return tr("Time");
    case Profile:
        return tr("Profile");
    case Operation:
        return tr("Operation");
    case Target:
        return tr("Target");
    case Format:
        return tr("Format");
    case Status:
        return tr("Status");
    case Outcome:
        return tr("Outcome");
    case Elapsed:
        return tr("Elapsed");
    case Label:
        return tr("Label");
    default:
        return {};
    }
}

Qt::ItemFlags HistoryModel::flags(const QModelIndex &index) const
{
    if (!isRowIndex(this, index))
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
    if (index.column() == Label)
        f |= Qt::ItemIsEditable;
    return f;
}

bool HistoryModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!m_store || !isRowIndex(this, index))
        return false;
    const QScopedValueRollback busy(m_notifying, m_notifying + 1);
    HistorySummary &r = m_rows[index.row()];
    if (role == PinnedRole) {
        const bool pinned = value.toBool();
        if (pinned == r.pinned)
            return true;
        r.pinned = pinned;
        m_store->setPinned(r.id, pinned);
    } else if (role == LabelRole || (role == Qt::EditRole && index.column() == Label)) {
        const QString label = value.toString().trimmed();
        if (label == r.label)
            return true;
        r.label = label;
        m_store->setLabel(r.id, label);
    } else {
        return false;
    }
    emit dataChanged(this->index(index.row(), 0), this->index(index.row(), ColumnCount - 1));
    return true;
}

QHash<int, QByteArray> HistoryModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(ExchangeIdRole, "exchangeId");
    names.insert(RowIdRole, "rowId");
    names.insert(StartedRole, "started");
    names.insert(ProfileIdRole, "profileId");
    names.insert(OperationRole, "operation");
    names.insert(TargetRole, "target");
    names.insert(TargetKindRole, "targetKind");
    names.insert(TagsRole, "tags");
    names.insert(FormatRole, "format");
    names.insert(HttpStatusRole, "httpStatus");
    names.insert(ResultRole, "result");
    names.insert(StatusRole, "status");
    names.insert(ElapsedRole, "elapsed");
    names.insert(PinnedRole, "pinned");
    names.insert(LabelRole, "label");
    names.insert(ErrorRole, "error");
    names.insert(SortRole, "sortValue");
    return names;
}

void HistoryModel::onWritten(const QUuid &, qint64 rowId)
{
    if (m_reader && rowId > m_lastRowId)
        insertNewRows();
}

void HistoryModel::insertNewRows()
{
    const QScopedValueRollback busy(m_notifying, m_notifying + 1);
    const qint64 last = m_reader->lastRowId();
    auto fresh = m_reader->rowsAfter(m_lastRowId, m_filter);
    if (!fresh) {
        setError(fresh.error().message);
        return;
    }
    m_lastRowId = std::max(m_lastRowId, last);
    for (const HistorySummary &row : std::as_const(fresh.value())) {
        m_lastRowId = std::max(m_lastRowId, row.rowId);
        const bool held =
            std::any_of(m_rows.cbegin(), m_rows.cend(),
                        [&row](const HistorySummary &r) { return r.rowId == row.rowId; });
        if (held)
            continue;
        const auto at = std::find_if(m_rows.cbegin(), m_rows.cend(), [&](const HistorySummary &r) {
            return m_sort.before(row, r);
        });
        const int position = int(at - m_rows.cbegin());
        // Past the last fetched row it belongs to a page not read yet: fetchMore() brings it.
        if (position == m_rows.size() && !m_atEnd)
            continue;
        beginInsertRows({}, position, position);
        m_rows.insert(position, row);
        endInsertRows();
    }
}

void HistoryModel::onUpdated(const QUuid &id)
{
    const int row = rowOf(id);
    if (row < 0 || !m_reader)
        return;
    const QScopedValueRollback busy(m_notifying, m_notifying + 1);
    auto fresh = m_reader->rows({m_rows.at(row).rowId}, m_filter);
    if (!fresh) {
        setError(fresh.error().message);
        return;
    }
    if (fresh->isEmpty()) {
        // No longer passes the filter (unpinned under "pinned only", a label that no longer
        // matches the text) or gone.
        removeRowAt(row);
        return;
    }
    const HistorySummary updated = fresh->first();
    const bool inPlace = (row == 0 || m_sort.before(m_rows.at(row - 1), updated))
        && (row + 1 >= m_rows.size() || m_sort.before(updated, m_rows.at(row + 1)));
    if (inPlace) {
        m_rows[row] = updated;
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
        return;
    }
    // Its sort value changed (sorted by label): move it to its place, or let a later page
    // bring it.
    removeRowAt(row);
    const auto at = std::find_if(m_rows.cbegin(), m_rows.cend(), [&](const HistorySummary &r) {
        return m_sort.before(updated, r);
    });
    const int position = int(at - m_rows.cbegin());
    if (position == m_rows.size() && !m_atEnd)
        return;
    beginInsertRows({}, position, position);
    m_rows.insert(position, updated);
    endInsertRows();
}

void HistoryModel::onRemoved(const QList<QUuid> &ids)
{
    const QScopedValueRollback busy(m_notifying, m_notifying + 1);
    const QSet<QUuid> gone(ids.cbegin(), ids.cend());
    // From the end, in contiguous runs: one signal per run, indexes below stay valid.
    int row = int(m_rows.size()) - 1;
    while (row >= 0) {
        if (!gone.contains(m_rows.at(row).id)) {
            --row;
            continue;
        }
        int first = row;
        while (first > 0 && gone.contains(m_rows.at(first - 1).id))
            --first;
        beginRemoveRows({}, first, row);
        m_rows.remove(first, row - first + 1);
        endRemoveRows();
        row = first - 1;
    }
}

void HistoryModel::removeRowAt(int row)
{
    const QScopedValueRollback busy(m_notifying, m_notifying + 1);
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    endRemoveRows();
}

void HistoryModel::pollForChanges()
{
    if (!m_reader)
        return;
    const qint64 version = m_reader->dataVersion();
    if (version == m_dataVersion)
        return;
    m_dataVersion = version;
    insertNewRows();
    dropMissingRows();
}

void HistoryModel::dropMissingRows()
{
    if (m_rows.isEmpty())
        return;
    const QScopedValueRollback busy(m_notifying, m_notifying + 1);
    QList<qint64> ids;
    ids.reserve(m_rows.size());
    for (const HistorySummary &r : std::as_const(m_rows))
        ids.append(r.rowId);
    auto fresh = m_reader->rows(ids);
    if (!fresh) {
        setError(fresh.error().message);
        return;
    }
    QHash<qint64, HistorySummary> current;
    for (const HistorySummary &r : std::as_const(fresh.value()))
        current.insert(r.rowId, r);
    QList<QUuid> gone;
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        const auto it = current.constFind(m_rows.at(i).rowId);
        if (it == current.constEnd()) {
            gone.append(m_rows.at(i).id);
        } else if (it->pinned != m_rows.at(i).pinned || it->label != m_rows.at(i).label) {
            // Pinned or labelled by another process.
            m_rows[i].pinned = it->pinned;
            m_rows[i].label = it->label;
            emit dataChanged(index(int(i), 0), index(int(i), ColumnCount - 1));
        }
    }
    if (!gone.isEmpty())
        onRemoved(gone);
}

} // namespace Nh
