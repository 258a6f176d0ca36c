// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "store/profile.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QUuid>
#include <optional>

class QSettings;

/**
 * The two stored forms of a Profile: its settings group (what ProfileStore keeps) and its JSON
 * object in a profile export (ProfileStore::exportJson(), parseExport()). Keys are never in the
 * settings; an export holds one only when asked to.
 */
namespace Nh::ProfileCodec {

/** `Profiles/<id>`: the settings group of the profile `id`. */
QString groupOf(const QUuid &id);
/** Writes every field into groupOf(p.id), replacing what was there; never a key. */
void writeProfile(QSettings *s, const Profile &p);
/** `v` as an int, or `fallback` when it is not one. */
int intValue(const QVariant &v, int fallback);
/** Reads the subgroup `group` of the current (Profiles) group; nullopt for what is not one. */
std::optional<Profile> readProfile(QSettings *s, const QString &group);

/** The export object of `p`, with `key` when given. */
QJsonObject toJson(const Profile &p, const QString *key);
/** Entry `index` of an export's "profiles" list, validated; errors name `profiles[index]`. */
Result<ProfileWithKey> fromJson(const QJsonValue &value, int index);

/** The export document of `profiles` (in that order), with the keys in `keys` for hub ones. */
QByteArray exportJson(const QList<Profile> &profiles, const QHash<QUuid, QString> &keys);
/** Reads an export document; see ProfileStore::parseExport(). */
Result<QList<ProfileWithKey>> parseExport(const QByteArray &json);

} // namespace Nh::ProfileCodec
