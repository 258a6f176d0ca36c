// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "store/profile.h"

#include <QAbstractTableModel>
#include <QList>
#include <QPointer>
#include <QSortFilterProxyModel>
#include <QUuid>
#include <optional>

namespace Nh {

class ProfileStore;
class SecretStore;

/**
 * The profiles of a ProfileStore, one row each in the store's order (docs/conventions.md R10).
 * Name, hub and label are editable; an edit goes through ProfileStore::update(), and a refused edit
 * leaves the row as it was and emits editRefused() with the sentence to show. Rows follow the
 * store's signals. QtCore only: the colour is a "#rrggbb" string in ColourRole; ui/ paints it.
 *
 * With a SecretStore, SessionKeyRole tells which profiles have their key in memory only.
 */
class ProfileModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfileModel)

public:
    enum Column { Name, Kind, Endpoint, Hub, KeyName, Label, ColumnCount };
    enum Role {
        ProfileIdRole = Qt::UserRole, ///< QUuid
        KindRole, ///< int(Nh::ProfileKind)
        ProductionRole, ///< bool
        ColourRole, ///< QString "#rrggbb" or empty
        SessionKeyRole, ///< bool: the key is held in memory for this run only
        BuiltInRole, ///< bool: the built-in Local emulator profile (cannot be deleted)
    };

    explicit ProfileModel(ProfileStore *store, SecretStore *secrets = nullptr,
                          QObject *parent = nullptr);

    QModelIndex indexOf(const QUuid &id, int column = Name) const;
    QUuid profileId(const QModelIndex &index) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

signals:
    void editRefused(const QModelIndex &index, const Nh::Error &error);

private:
    void onAdded(const QUuid &id);
    void onChanged(const QUuid &id);
    void onRemoved(const QUuid &id);
    void onReset();
    void onSessionKeysChanged();
    std::optional<Profile> profileAt(int row) const;

    QPointer<ProfileStore> m_store;
    QPointer<SecretStore> m_secrets;
    /** The ids in row order, kept here so that rows can be removed after the store let go. */
    QList<QUuid> m_ids;
};

/**
 * Filter and sort state of the profile list (docs/conventions.md R10): free text over name,
 * endpoint, hub, rule and label (case-insensitive), optionally one kind or production only. Sorting
 * by Name keeps the built-in emulator profile first and compares names locale-aware.
 */
class ProfileFilterModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfileFilterModel)

public:
    explicit ProfileFilterModel(QObject *parent = nullptr);

    QString text() const { return m_text; }
    void setText(const QString &text);
    std::optional<ProfileKind> kind() const { return m_kind; }
    void setKind(std::optional<ProfileKind> kind);
    bool productionOnly() const { return m_productionOnly; }
    void setProductionOnly(bool on);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    QString m_text;
    std::optional<ProfileKind> m_kind;
    bool m_productionOnly = false;
};

} // namespace Nh
