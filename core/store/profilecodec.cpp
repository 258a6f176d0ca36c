// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/profilecodec.h"

#include "protocol/crypto.h"
#include "store/profilestore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QSettings>

using namespace Qt::Literals::StringLiterals;

namespace Nh::ProfileCodec {

namespace {

/** The translation context of the export's messages (they were ProfileStore's). */
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Nh::ProfileStore)
};

QString trStore(const char *text)
{
    return QCoreApplication::translate("Nh::ProfileStore", text);
}

/** 1-based position for messages. */
qsizetype pos(qsizetype offset)
{
    return offset + 1;
}

const QString kName = u"Name"_s;
const QString kKind = u"Kind"_s;
const QString kHost = u"Host"_s;
const QString kPort = u"Port"_s;
const QString kHub = u"Hub"_s;
const QString kKeyName = u"KeyName"_s;
const QString kApiVersion = u"ApiVersion"_s;
const QString kTimeoutMs = u"TimeoutMs"_s;
const QString kDefaultFormat = u"DefaultFormat"_s;
const QString kDefaultTags = u"DefaultTags"_s;
const QString kLabel = u"Label"_s;
const QString kColour = u"Colour"_s;
const QString kProduction = u"Production"_s;

} // namespace

QString groupOf(const QUuid &id)
{
    return ProfileStore::kGroup.toString() + u'/' + id.toString(QUuid::WithoutBraces);
}

/** Writes every field; never a key (there is no field for one). */
void writeProfile(QSettings *s, const Profile &p)
{
    s->remove(groupOf(p.id));
    s->beginGroup(groupOf(p.id));
    s->setValue(kName, p.name);
    s->setValue(kKind, profileKindName(p.kind));
    if (p.kind == ProfileKind::Hub) {
        s->setValue(kHost, p.host);
        s->setValue(kPort, p.port);
    }
    s->setValue(kHub, p.hub);
    s->setValue(kKeyName, p.keyName);
    s->setValue(kApiVersion, p.apiVersion);
    s->setValue(kTimeoutMs, p.timeoutMs);
    s->setValue(kDefaultFormat, p.defaultFormat ? formatWireName(*p.defaultFormat) : QString());
    s->setValue(kDefaultTags, p.defaultTags);
    s->setValue(kLabel, p.label);
    s->setValue(kColour, p.colour);
    s->setValue(kProduction, p.production);
    s->endGroup();
}

int intValue(const QVariant &v, int fallback)
{
    bool ok = false;
    const int n = v.toInt(&ok);
    return ok ? n : fallback;
}

/** Reads the subgroup `group` of the current (Profiles) group; nullopt for what is not one. */
std::optional<Profile> readProfile(QSettings *s, const QString &group)
{
    const QUuid id = QUuid::fromString(group);
    if (id.isNull())
        return std::nullopt;
    s->beginGroup(group);
    Profile p;
    p.id = id;
    p.name = s->value(kName).toString();
    const auto kind = profileKindFromName(s->value(kKind, u"hub"_s).toString());
    if (kind)
        p.kind = *kind;
    p.host = s->value(kHost).toString();
    p.port = intValue(s->value(kPort), -1);
    p.hub = s->value(kHub).toString();
    p.keyName = s->value(kKeyName).toString();
    p.apiVersion = s->value(kApiVersion, p.apiVersion).toString();
    p.timeoutMs = intValue(s->value(kTimeoutMs), p.timeoutMs);
    p.defaultFormat = formatFromWireName(s->value(kDefaultFormat).toString());
    p.defaultTags = s->value(kDefaultTags).toString();
    p.label = s->value(kLabel).toString();
    p.colour = s->value(kColour).toString();
    p.production = s->value(kProduction, false).toBool();
    s->endGroup();
    if (!kind)
        return std::nullopt;
    return p;
}

QJsonObject toJson(const Profile &p, const QString *key)
{
    QJsonObject o;
    o.insert(u"id"_s, p.id.toString(QUuid::WithoutBraces));
    o.insert(u"name"_s, p.name);
    o.insert(u"kind"_s, profileKindName(p.kind));
    if (p.kind == ProfileKind::Hub) {
        o.insert(u"host"_s, p.host);
        o.insert(u"port"_s, p.port);
    }
    o.insert(u"hub"_s, p.hub);
    o.insert(u"keyName"_s, p.keyName);
    o.insert(u"apiVersion"_s, p.apiVersion);
    o.insert(u"timeoutMs"_s, p.timeoutMs);
    if (p.defaultFormat)
        o.insert(u"defaultFormat"_s, formatWireName(*p.defaultFormat));
    if (!p.defaultTags.isEmpty())
        o.insert(u"defaultTags"_s, p.defaultTags);
    if (!p.label.isEmpty())
        o.insert(u"label"_s, p.label);
    if (!p.colour.isEmpty())
        o.insert(u"colour"_s, p.colour);
    o.insert(u"production"_s, p.production);
    if (key)
        o.insert(u"key"_s, *key);
    return o;
}

namespace {

QString entryPath(int index, const QString &field = {})
{
    const QString base = u"profiles[%1]"_s.arg(index);
    return field.isEmpty() ? base : base + u'.' + field;
}

Error entryError(ErrorCode code, int index, const QString &field, const QString &message)
{
    return makeError(code, message, -1, 0, entryPath(index, field));
}

QString typeError(int index, const QString &field, const QString &expected)
{
    return trStore("Profile %1 in the file: “%2” must be %3.").arg(index + 1).arg(field, expected);
}

} // namespace

Result<ProfileWithKey> fromJson(const QJsonValue &value, int index)
{
    if (!value.isObject()) {
        return entryError(ErrorCode::InvalidValue, index, {},
                          trStore("Profile %1 in the file is not a JSON object.").arg(index + 1));
    }
    const QJsonObject o = value.toObject();
    ProfileWithKey out;
    Profile &p = out.profile;
    p.id = QUuid::createUuid();

    auto text = [&](const QString &field, QString *target, bool required) -> Status {
        const QJsonValue v = o.value(field);
        if (v.isUndefined() || v.isNull()) {
            if (!required)
                return {};
            return entryError(
                ErrorCode::MissingField, index, field,
                trStore("Profile %1 in the file has no “%2”.").arg(index + 1).arg(field));
        }
        if (!v.isString()) {
            return entryError(ErrorCode::InvalidValue, index, field,
                              typeError(index, field, trStore("a string")));
        }
        *target = v.toString();
        return {};
    };
    auto number = [&](const QString &field, int *target) -> Status {
        const QJsonValue v = o.value(field);
        if (v.isUndefined() || v.isNull())
            return {};
        const double d = v.toDouble(0.5);
        if (!v.isDouble() || d != double(qint64(d)) || d < -1 || d > 1e9) {
            return entryError(ErrorCode::InvalidValue, index, field,
                              typeError(index, field, trStore("a whole number")));
        }
        *target = int(d);
        return {};
    };

    QString kindText = u"hub"_s;
    for (const Status &s : {text(u"name"_s, &p.name, true), text(u"kind"_s, &kindText, false)}) {
        if (!s)
            return s.error();
    }
    const auto kind = profileKindFromName(kindText);
    if (!kind) {
        return entryError(ErrorCode::InvalidValue, index, u"kind"_s,
                          trStore("Profile %1 in the file has the kind “%2”; expected “hub” or "
                                  "“emulator”.")
                              .arg(index + 1)
                              .arg(kindText));
    }
    p.kind = *kind;
    const bool hub = p.kind == ProfileKind::Hub;
    QString format;
    const Status checks[] = {
        text(u"host"_s, &p.host, hub),
        number(u"port"_s, &p.port),
        text(u"hub"_s, &p.hub, true),
        text(u"keyName"_s, &p.keyName, true),
        text(u"apiVersion"_s, &p.apiVersion, false),
        number(u"timeoutMs"_s, &p.timeoutMs),
        text(u"defaultFormat"_s, &format, false),
        text(u"defaultTags"_s, &p.defaultTags, false),
        text(u"label"_s, &p.label, false),
        text(u"colour"_s, &p.colour, false),
        text(u"key"_s, &out.key, false),
    };
    for (const Status &s : checks) {
        if (!s)
            return s.error();
    }
    p.host = p.host.toLower();
    p.colour = p.colour.toLower();
    if (!format.isEmpty()) {
        p.defaultFormat = formatFromWireName(format);
        if (!p.defaultFormat) {
            return entryError(ErrorCode::InvalidValue, index, u"defaultFormat"_s,
                              trStore("Profile %1 in the file has the format “%2”, which this "
                                      "nhconsole does not know.")
                                  .arg(index + 1)
                                  .arg(format));
        }
    }
    const QJsonValue production = o.value(u"production"_s);
    if (!production.isUndefined() && !production.isNull()) {
        if (!production.isBool()) {
            return entryError(ErrorCode::InvalidValue, index, u"production"_s,
                              typeError(index, u"production"_s, trStore("true or false")));
        }
        p.production = production.toBool();
    }
    if (const Status valid = p.validate(); !valid) {
        Error e = valid.error();
        e.where = entryPath(index, e.where);
        return e;
    }

    Result<ProfileWithKey> result(out);
    if (o.contains(u"key"_s)) {
        if (!hub) {
            result.value().key.clear();
            result.addWarning({trStore("Profile “%1” in the file is an emulator profile; its "
                                       "“key” is ignored (the emulator gives the key).")
                                   .arg(p.name)});
        } else if (out.key.isEmpty() || Crypto::firstInvalidBase64Index(out.key) >= 0) {
            // Never quote the key itself.
            return entryError(
                ErrorCode::InvalidValue, index, u"key"_s,
                trStore("The key of profile “%1” in the file is not base64.").arg(p.name));
        }
    }
    return result;
}

QByteArray exportJson(const QList<Profile> &profiles, const QHash<QUuid, QString> &keys)
{
    QJsonArray list;
    bool containsKeys = false;
    for (const Profile &p : profiles) {
        const auto key = keys.constFind(p.id);
        const bool withKey = p.needsKey() && key != keys.cend() && !key->isEmpty();
        containsKeys = containsKeys || withKey;
        list.append(toJson(p, withKey ? &*key : nullptr));
    }
    QJsonObject root;
    root.insert(u"format"_s, ProfileStore::kExportFormat.toString());
    root.insert(u"version"_s, ProfileStore::kFormatVersion);
    root.insert(u"containsKeys"_s, containsKeys);
    if (containsKeys) {
        root.insert(u"warning"_s,
                    Tr::tr("This file contains SAS keys in plain text. Anyone who has it can send "
                           "to these hubs. Keep it safe and delete it once it is imported."));
    }
    root.insert(u"profiles"_s, list);
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

Result<QList<ProfileWithKey>> parseExport(const QByteArray &json)
{
    if (json.trimmed().isEmpty())
        return makeError(ErrorCode::Empty, Tr::tr("The profile file is empty."));
    if (json.size() > ProfileStore::kMaxImportBytes) {
        return makeError(ErrorCode::LimitExceeded,
                         Tr::tr("The profile file is %1 bytes long; at most %2 bytes are read.")
                             .arg(json.size())
                             .arg(ProfileStore::kMaxImportBytes),
                         ProfileStore::kMaxImportBytes,
                         json.size() - ProfileStore::kMaxImportBytes);
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const qsizetype at = qBound(qsizetype(0), qsizetype(parseError.offset), json.size());
        const ErrorCode code = parseError.error == QJsonParseError::DeepNesting
            ? ErrorCode::LimitExceeded
            : (at >= json.size() ? ErrorCode::Truncated : ErrorCode::Syntax);
        return makeError(code,
                         Tr::tr("The profile file is not valid JSON at position %1: %2.")
                             .arg(pos(at))
                             .arg(parseError.errorString()),
                         at, 1);
    }
    if (!doc.isObject()) {
        return makeError(ErrorCode::UnexpectedRoot,
                         Tr::tr("The profile file does not hold a JSON object at the top."));
    }
    const QJsonObject root = doc.object();
    const QString format = root.value(u"format"_s).toString();
    if (format != ProfileStore::kExportFormat) {
        return makeError(ErrorCode::UnexpectedRoot,
                         Tr::tr("This is not an nhconsole profile export: its “format” is “%1”, "
                                "expected “%2”.")
                             .arg(format, ProfileStore::kExportFormat.toString()),
                         -1, 0, u"format"_s);
    }
    const QJsonValue version = root.value(u"version"_s);
    if (!version.isDouble()) {
        return makeError(ErrorCode::MissingField,
                         Tr::tr("The profile file has no “version” number."), -1, 0, u"version"_s);
    }
    if (version.toDouble() > ProfileStore::kFormatVersion) {
        return makeError(ErrorCode::InvalidValue,
                         Tr::tr("The profile file has version %1; this nhconsole reads version %2. "
                                "Update nhconsole to import it.")
                             .arg(version.toDouble())
                             .arg(ProfileStore::kFormatVersion),
                         -1, 0, u"version"_s);
    }
    const QJsonValue profiles = root.value(u"profiles"_s);
    if (!profiles.isArray()) {
        return makeError(ErrorCode::MissingField,
                         Tr::tr("The profile file has no “profiles” list."), -1, 0, u"profiles"_s);
    }
    const QJsonArray list = profiles.toArray();
    if (list.size() > ProfileStore::kMaxImportProfiles) {
        return makeError(ErrorCode::LimitExceeded,
                         Tr::tr("The profile file lists %1 profiles; at most %2 are imported.")
                             .arg(list.size())
                             .arg(ProfileStore::kMaxImportProfiles),
                         -1, 0, u"profiles"_s);
    }
    QList<ProfileWithKey> out;
    QList<Warning> warnings;
    for (int i = 0; i < list.size(); ++i) {
        auto entry = fromJson(list.at(i), i);
        if (!entry)
            return entry.error();
        warnings.append(entry.warnings());
        out.append(entry.value());
    }
    Result<QList<ProfileWithKey>> result(out);
    result.setWarnings(warnings);
    return result;
}

} // namespace Nh::ProfileCodec
