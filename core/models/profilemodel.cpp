// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/profilemodel.h"

#include "store/profilestore.h"
#include "store/secretstore.h"

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

ProfileModel::ProfileModel(ProfileStore *store, SecretStore *secrets, QObject *parent)
    : QAbstractTableModel(parent)
    , m_store(store)
    , m_secrets(secrets)
{
    Q_ASSERT(store);
    for (const Profile &p : store->profiles())
        m_ids.append(p.id);
    connect(store, &ProfileStore::profileAdded, this, &ProfileModel::onAdded);
    connect(store, &ProfileStore::profileChanged, this, &ProfileModel::onChanged);
    connect(store, &ProfileStore::profileRemoved, this, &ProfileModel::onRemoved);
    connect(store, &ProfileStore::profilesReset, this, &ProfileModel::onReset);
    if (secrets) {
        connect(secrets, &SecretStore::sessionKeysChanged, this,
                &ProfileModel::onSessionKeysChanged);
    }
}

QModelIndex ProfileModel::indexOf(const QUuid &id, int column) const
{
    const int row = int(m_ids.indexOf(id));
    return row < 0 ? QModelIndex() : index(row, column);
}

QUuid ProfileModel::profileId(const QModelIndex &index) const
{
    if (!isRowIndex(this, index))
        return {};
    return m_ids.at(index.row());
}

std::optional<Profile> ProfileModel::profileAt(int row) const
{
    if (!m_store || row < 0 || row >= m_ids.size())
        return std::nullopt;
    return m_store->profile(m_ids.at(row));
}

int ProfileModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_ids.size());
}

int ProfileModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ProfileModel::data(const QModelIndex &index, int role) const
{
    if (!isRowIndex(this, index))
        return {};
    const auto p = profileAt(index.row());
    if (!p)
        return {};
    switch (role) {
    case ProfileIdRole:
        return p->id;
    case KindRole:
        return int(p->kind);
    case ProductionRole:
        return p->production;
    case ColourRole:
        return p->colour;
    case SessionKeyRole:
        return m_secrets && m_secrets->hasSessionKey(p->id);
    case BuiltInRole:
        return p->id == kEmulatorProfileId;
    case Qt::ToolTipRole: {
        QString tip = p->isEmulator()
            ? tr("%1: the local emulator, hub “%2”").arg(p->name, p->hub)
            : tr("%1: hub “%2” at %3, rule %4").arg(p->name, p->hub, p->endpoint(), p->keyName);
        if (p->production)
            tip += u'\n' + tr("Production hub: sends reach real devices.");
        if (m_secrets && m_secrets->hasSessionKey(p->id))
            tip += u'\n' + tr("The key is kept in memory for this run only.");
        return tip;
    }
    case Qt::DisplayRole:
    case Qt::EditRole:
        switch (index.column()) {
        case Name:
            return p->name;
        case Kind:
            if (role == Qt::EditRole)
                return profileKindName(p->kind);
            return p->isEmulator() ? tr("Emulator") : tr("Hub");
        case Endpoint:
            if (p->isEmulator())
                return role == Qt::EditRole ? QString() : tr("(running emulator)");
            return p->port > 0 ? p->host + u':' + QString::number(p->port) : p->host;
        case Hub:
            return p->hub;
        case KeyName:
            return p->keyName;
        case Label:
            return p->label;
        default:
            return {};
        }
    default:
        return {};
    }
}

QVariant ProfileModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Name");
    case Kind:
        return tr("Kind");
    case Endpoint:
        return tr("Endpoint");
    case Hub:
        return tr("Hub");
    case KeyName:
        return tr("SAS rule");
    case Label:
        return tr("Label");
    default:
        return {};
    }
}

Qt::ItemFlags ProfileModel::flags(const QModelIndex &index) const
{
    if (!isRowIndex(this, index))
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
    if (index.column() == Name || index.column() == Hub || index.column() == Label)
        f |= Qt::ItemIsEditable;
    return f;
}

bool ProfileModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !(flags(index) & Qt::ItemIsEditable) || !m_store)
        return false;
    auto p = profileAt(index.row());
    if (!p)
        return false;
    const QString text = value.toString();
    switch (index.column()) {
    case Name:
        p->name = text;
        break;
    case Hub:
        p->hub = text.trimmed();
        break;
    case Label:
        p->label = text.trimmed();
        break;
    default:
        return false;
    }
    const Status saved = m_store->update(*p);
    if (!saved) {
        emit editRefused(index, saved.error());
        return false;
    }
    // update() emitted profileChanged(), which refreshed the row.
    return true;
}

void ProfileModel::onAdded(const QUuid &id)
{
    if (m_ids.contains(id))
        return;
    const int row = int(m_ids.size());
    beginInsertRows({}, row, row);
    m_ids.append(id);
    endInsertRows();
}

void ProfileModel::onChanged(const QUuid &id)
{
    const int row = int(m_ids.indexOf(id));
    if (row >= 0)
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void ProfileModel::onRemoved(const QUuid &id)
{
    const int row = int(m_ids.indexOf(id));
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_ids.removeAt(row);
    endRemoveRows();
}

void ProfileModel::onReset()
{
    beginResetModel();
    m_ids.clear();
    if (m_store) {
        for (const Profile &p : m_store->profiles())
            m_ids.append(p.id);
    }
    endResetModel();
}

void ProfileModel::onSessionKeysChanged()
{
    if (!m_ids.isEmpty())
        emit dataChanged(index(0, 0), index(int(m_ids.size()) - 1, ColumnCount - 1),
                         {SessionKeyRole, Qt::ToolTipRole});
}

// ---------------------------------------------------------------------------------------------

ProfileFilterModel::ProfileFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setSortLocaleAware(true);
}

void ProfileFilterModel::setText(const QString &text)
{
    if (m_text == text)
        return;
    m_text = text;
    invalidateFilter();
}

void ProfileFilterModel::setKind(std::optional<ProfileKind> kind)
{
    if (m_kind == kind)
        return;
    m_kind = kind;
    invalidateFilter();
}

void ProfileFilterModel::setProductionOnly(bool on)
{
    if (m_productionOnly == on)
        return;
    m_productionOnly = on;
    invalidateFilter();
}

bool ProfileFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QAbstractItemModel *source = sourceModel();
    if (!source)
        return false;
    const QModelIndex first = source->index(sourceRow, 0, sourceParent);
    if (m_kind && first.data(ProfileModel::KindRole).toInt() != int(*m_kind))
        return false;
    if (m_productionOnly && !first.data(ProfileModel::ProductionRole).toBool())
        return false;
    const QString needle = m_text.trimmed();
    if (needle.isEmpty())
        return true;
    for (int c = 0; c < source->columnCount(sourceParent); ++c) {
        const QString text = source->index(sourceRow, c, sourceParent).data().toString();
        if (text.contains(needle, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

bool ProfileFilterModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const bool leftBuiltIn = left.siblingAtColumn(0).data(ProfileModel::BuiltInRole).toBool();
    const bool rightBuiltIn = right.siblingAtColumn(0).data(ProfileModel::BuiltInRole).toBool();
    if (leftBuiltIn != rightBuiltIn) {
        // The built-in profile stays on top in either direction.
        return sortOrder() == Qt::AscendingOrder ? leftBuiltIn : rightBuiltIn;
    }
    const QString a = left.data().toString();
    const QString b = right.data().toString();
    const int byText = QString::localeAwareCompare(a.toCaseFolded(), b.toCaseFolded());
    if (byText != 0)
        return byText < 0;
    return left.row() < right.row();
}

} // namespace Nh
