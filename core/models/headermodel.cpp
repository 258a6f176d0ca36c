// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/headermodel.h"

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace Nh {

namespace {

bool sameRow(const HeaderModel::Row &a, const HeaderModel::Row &b)
{
    return a.name == b.name && a.value == b.value && a.origin == b.origin && a.note == b.note;
}

} // namespace

HeaderModel::HeaderModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void HeaderModel::setRows(const QList<Row> &rows)
{
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

void HeaderModel::setHeaders(const HttpHeaders &headers, Origin origin)
{
    QList<Row> rows;
    rows.reserve(headers.size());
    for (const auto &[name, value] : headers)
        rows.append({name, value, origin, {}});
    setRows(rows);
}

HttpHeaders HeaderModel::headers(Origin origin) const
{
    HttpHeaders out;
    for (const Row &r : m_rows) {
        if (r.origin == origin && !r.name.isEmpty())
            out.append({r.name, r.value});
    }
    return out;
}

HttpHeaders HeaderModel::shownHeaders() const
{
    HttpHeaders out;
    out.reserve(m_rows.size());
    for (const Row &r : m_rows)
        out.append({r.name, shownValue(r)});
    return out;
}

void HeaderModel::replaceRows(Origin origin, const QList<Row> &rows)
{
    QList<Row> current;
    for (const Row &r : std::as_const(m_rows)) {
        if (r.origin == origin)
            current.append(r);
    }
    if (current.size() == rows.size()
        && std::equal(current.cbegin(), current.cend(), rows.cbegin(), sameRow))
        return;

    // Row by row rather than a reset, so an editor open on a custom row survives.
    for (int i = int(m_rows.size()) - 1; i >= 0; --i) {
        if (m_rows.at(i).origin != origin)
            continue;
        int first = i;
        while (first > 0 && m_rows.at(first - 1).origin == origin)
            --first;
        beginRemoveRows({}, first, i);
        m_rows.remove(first, i - first + 1);
        endRemoveRows();
        i = first;
    }
    if (rows.isEmpty())
        return;
    int at = int(m_rows.size());
    if (origin == Origin::Automatic)
        at = 0;
    beginInsertRows({}, at, at + int(rows.size()) - 1);
    for (qsizetype k = 0; k < rows.size(); ++k) {
        Row r = rows.at(k);
        r.origin = origin;
        m_rows.insert(at + k, r);
    }
    endInsertRows();
    if (origin == Origin::Custom)
        emit customHeadersChanged();
}

void HeaderModel::setReveal(Reveal reveal)
{
    if (reveal == m_reveal)
        return;
    m_reveal = reveal;
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
    emit revealChanged(reveal);
}

bool HeaderModel::hasSecrets() const
{
    return std::any_of(m_rows.cbegin(), m_rows.cend(),
                       [this](const Row &r) { return isSecret(r); });
}

int HeaderModel::appendCustom(const QByteArray &name, const QByteArray &value)
{
    const int row = int(m_rows.size());
    beginInsertRows({}, row, row);
    m_rows.append({name, value, Origin::Custom, {}});
    endInsertRows();
    emit customHeadersChanged();
    return row;
}

QByteArray HeaderModel::shownValue(const Row &row) const
{
    if (m_reveal == Reveal::Yes)
        return row.value;
    return redactHeaders({{row.name, row.value}}, Reveal::No).constFirst().second;
}

bool HeaderModel::isSecret(const Row &row) const
{
    if (row.value.isEmpty())
        return false;
    return isSecretHeader(row.name)
        || redactHeaders({{row.name, row.value}}, Reveal::No).constFirst().second != row.value;
}

int HeaderModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int HeaderModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HeaderModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        if (index.column() == Name)
            return QString::fromUtf8(r.name);
        return QString::fromUtf8(shownValue(r));
    case Qt::ToolTipRole: {
        QString tip = QString::fromUtf8(index.column() == Name ? r.name : shownValue(r));
        if (!r.note.isEmpty())
            tip += u"\n\n"_s + r.note;
        if (isSecret(r) && m_reveal == Reveal::No)
            tip += u"\n\n"_s + tr("The secret part is hidden; use Reveal to show it.");
        return tip;
    }
    case OriginRole:
        return int(r.origin);
    case SecretRole:
        return isSecret(r);
    case NoteRole:
        return r.note;
    default:
        return {};
    }
}

QVariant HeaderModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Header");
    case Value:
        return tr("Value");
    }
    return {};
}

Qt::ItemFlags HeaderModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && m_rows.at(index.row()).origin == Origin::Custom)
        f |= Qt::ItemIsEditable;
    return f;
}

bool HeaderModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole
        || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    Row &r = m_rows[index.row()];
    if (r.origin != Origin::Custom)
        return false;
    const QByteArray bytes = value.toString().trimmed().toUtf8();
    QByteArray &field = index.column() == Name ? r.name : r.value;
    if (field == bytes)
        return true;
    field = bytes;
    emit dataChanged(index, index);
    emit customHeadersChanged();
    return true;
}

bool HeaderModel::insertRows(int row, int count, const QModelIndex &parent)
{
    if (parent.isValid() || row < 0 || row > m_rows.size() || count < 1)
        return false;
    beginInsertRows(parent, row, row + count - 1);
    for (int i = 0; i < count; ++i)
        m_rows.insert(row, Row {});
    endInsertRows();
    emit customHeadersChanged();
    return true;
}

bool HeaderModel::removeRows(int row, int count, const QModelIndex &parent)
{
    if (parent.isValid() || row < 0 || count < 1 || row + count > m_rows.size())
        return false;
    bool custom = false;
    for (int i = row; i < row + count; ++i)
        custom = custom || m_rows.at(i).origin == Origin::Custom;
    beginRemoveRows(parent, row, row + count - 1);
    m_rows.remove(row, count);
    endRemoveRows();
    if (custom)
        emit customHeadersChanged();
    return true;
}

} // namespace Nh
