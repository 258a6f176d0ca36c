// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/trafficfiltermodel.h"

#include "models/trafficmodel.h"

namespace Nh {

TrafficFilterModel::TrafficFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{ }

void TrafficFilterModel::set(QString &field, const QString &text)
{
    const QString trimmed = text.trimmed();
    if (field == trimmed)
        return;
    field = trimmed;
    invalidateFilter();
}

void TrafficFilterModel::setClient(const QString &text)
{
    set(m_client, text);
}

void TrafficFilterModel::setOperation(const QString &text)
{
    set(m_operation, text);
}

void TrafficFilterModel::setStatus(const QString &text)
{
    set(m_status, text);
}

void TrafficFilterModel::setTag(const QString &text)
{
    set(m_tag, text);
}

void TrafficFilterModel::setFlaggedOnly(bool on)
{
    if (m_flaggedOnly == on)
        return;
    m_flaggedOnly = on;
    invalidateFilter();
}

bool TrafficFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    const auto text = [&](int role) {
        return index.data(role).toString();
    };
    if (m_flaggedOnly && index.data(TrafficModel::FlagCountRole).toInt() == 0)
        return false;
    if (!m_client.isEmpty()
        && !text(TrafficModel::ClientRole).contains(m_client, Qt::CaseInsensitive))
        return false;
    if (!m_operation.isEmpty()
        && !text(TrafficModel::OperationRole).startsWith(m_operation, Qt::CaseInsensitive))
        return false;
    if (!m_status.isEmpty()
        && !QString::number(index.data(TrafficModel::StatusRole).toInt()).startsWith(m_status))
        return false;
    if (!m_tag.isEmpty() && !text(TrafficModel::TagsRole).contains(m_tag, Qt::CaseInsensitive))
        return false;
    return true;
}

} // namespace Nh
