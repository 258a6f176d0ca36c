// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/profilestore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QMetaObject>
#include <QRegularExpression>
#include <QSettings>
#include <QUrl>
#include <algorithm>

#include "common/logging.h"
#include "protocol/crypto.h"
#include "protocol/tagexpression.h"

using namespace Qt::Literals::StringLiterals;

namespace Nh {

// ---------------------------------------------------------------------------------------------
// Profile (profile.h is a value type without a .cpp of its own)

namespace {

QString trProfile(const char *text)
{
    return QCoreApplication::translate("Nh::Profile", text);
}

QString trStore(const char *text)
{
    return QCoreApplication::translate("Nh::ProfileStore", text);
}

/** 1-based position for messages. */
qsizetype pos(qsizetype offset)
{
    return offset + 1;
}

/** The first line break or other control character, or -1. */
qsizetype firstControl(QStringView text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i].category() == QChar::Other_Control)
            return i;
    }
    return -1;
}

bool isRuleNameChar(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= u'A' && u <= u'Z') || (u >= u'a' && u <= u'z') || (u >= u'0' && u <= u'9')
        || u == u'.' || u == u'-' || u == u'_';
}

bool isApiVersion(const QString &text)
{
    static const QRegularExpression re(u"^\\d{4}-\\d{2}(-\\d{2})?(-preview)?$"_s);
    return re.match(text).hasMatch();
}

bool isColour(const QString &text)
{
    static const QRegularExpression re(u"^#[0-9a-fA-F]{6}$"_s);
    return re.match(text).hasMatch();
}

Error fieldError(ErrorCode code, const QString &message, const QString &field,
                 qsizetype offset = -1, qsizetype length = 0)
{
    return makeError(code, message, offset, length, field);
}

QString shownName(const Profile &p)
{
    return p.name.trimmed().isEmpty() ? p.id.toString(QUuid::WithoutBraces) : p.name;
}

} // namespace

QString profileKindName(ProfileKind kind)
{
    return kind == ProfileKind::Emulator ? u"emulator"_s : u"hub"_s;
}

std::optional<ProfileKind> profileKindFromName(QStringView name)
{
    if (name.compare(u"hub", Qt::CaseInsensitive) == 0)
        return ProfileKind::Hub;
    if (name.compare(u"emulator", Qt::CaseInsensitive) == 0)
        return ProfileKind::Emulator;
    return std::nullopt;
}

Profile defaultEmulatorProfile()
{
    Profile p;
    p.id = kEmulatorProfileId;
    p.name = trProfile("Local emulator");
    p.kind = ProfileKind::Emulator;
    // The defaults of HubEmulator (EmulatorOptions::hubName and its full-access rule).
    p.hub = u"myHub"_s;
    p.keyName = u"DefaultFullSharedAccessSignature"_s;
    p.label = trProfile("emulator");
    p.colour = u"#2e7d32"_s;
    return p;
}

QString Profile::endpoint() const
{
    if (kind != ProfileKind::Hub || host.isEmpty())
        return {};
    QUrl url;
    url.setScheme(u"sb"_s);
    url.setHost(host);
    if (port > 0)
        url.setPort(port);
    url.setPath(u"/"_s);
    return url.toString();
}

HubConnection Profile::connection(const QString &key) const
{
    HubConnection c;
    c.connectionString = ConnectionString::fromParts(host, port, keyName, key);
    c.hub = hub;
    c.apiVersion = apiVersion;
    c.transferTimeoutMs = timeoutMs;
    return c;
}

HubConnection Profile::connection(const ConnectionString &live) const
{
    HubConnection c;
    c.connectionString = live;
    c.hub = hub;
    c.apiVersion = apiVersion;
    c.transferTimeoutMs = timeoutMs;
    return c;
}

Status Profile::validate() const
{
    const QString trimmedName = name.trimmed();
    if (trimmedName.isEmpty())
        return fieldError(ErrorCode::EmptyField, tr("A profile needs a name."), u"name"_s);
    if (name.size() > kMaxNameLength) {
        return fieldError(ErrorCode::LimitExceeded,
                          tr("The profile name “%1…” is %2 characters long; the limit is %3.")
                              .arg(name.left(20))
                              .arg(name.size())
                              .arg(kMaxNameLength),
                          u"name"_s, kMaxNameLength, name.size() - kMaxNameLength);
    }
    if (const qsizetype at = firstControl(name); at >= 0) {
        return fieldError(ErrorCode::InvalidValue,
                          tr("The profile name has a line break or control character at position "
                             "%1.")
                              .arg(pos(at)),
                          u"name"_s, at, 1);
    }
    const QString who = name;

    if (kind == ProfileKind::Hub) {
        if (host.trimmed().isEmpty()) {
            return fieldError(ErrorCode::EmptyField,
                              tr("Profile “%1” has no endpoint host; paste the connection string "
                                 "of its namespace.")
                                  .arg(who),
                              u"host"_s);
        }
        QUrl url;
        url.setHost(host, QUrl::StrictMode);
        if (url.host().isEmpty() || host.contains(u'/') || host.contains(u' ')) {
            return fieldError(
                ErrorCode::InvalidValue,
                tr("The endpoint host “%1” of profile “%2” is not a host name.").arg(host, who),
                u"host"_s);
        }
        if (port != -1 && (port < 1 || port > 65535)) {
            return fieldError(ErrorCode::InvalidValue,
                              tr("The port %1 of profile “%2” is not between 1 and 65535.")
                                  .arg(port)
                                  .arg(who),
                              u"port"_s);
        }
    }

    if (const Status hubOk = validateHubName(hub); !hubOk) {
        Error e = hubOk.error();
        e.message = tr("Profile “%1”: %2.").arg(who, e.message);
        if (e.code == ErrorCode::Empty)
            e.code = ErrorCode::EmptyField;
        e.where = u"hub"_s;
        return e;
    }

    if (keyName.isEmpty()) {
        return fieldError(ErrorCode::EmptyField,
                          tr("Profile “%1” has no SAS rule name (SharedAccessKeyName).").arg(who),
                          u"keyName"_s);
    }
    if (keyName.size() > 256) {
        return fieldError(ErrorCode::LimitExceeded,
                          tr("The SAS rule name of profile “%1” is %2 characters long; the limit "
                             "is 256.")
                              .arg(who)
                              .arg(keyName.size()),
                          u"keyName"_s, 256, keyName.size() - 256);
    }
    for (qsizetype i = 0; i < keyName.size(); ++i) {
        if (!isRuleNameChar(keyName[i])) {
            return fieldError(ErrorCode::InvalidValue,
                              tr("The SAS rule name of profile “%1” has the character '%2' at "
                                 "position %3; rule names use letters, digits, '.', '-' and '_'.")
                                  .arg(who)
                                  .arg(keyName[i])
                                  .arg(pos(i)),
                              u"keyName"_s, i, 1);
        }
    }

    if (!isApiVersion(apiVersion)) {
        return fieldError(ErrorCode::InvalidValue,
                          tr("The API version “%1” of profile “%2” is not a version like "
                             "2020-06.")
                              .arg(apiVersion, who),
                          u"apiVersion"_s);
    }
    if (timeoutMs < kMinTimeoutMs || timeoutMs > kMaxTimeoutMs) {
        return fieldError(ErrorCode::InvalidValue,
                          tr("The timeout of profile “%1” is %2 ms; it must be between %3 and %4 "
                             "ms.")
                              .arg(who)
                              .arg(timeoutMs)
                              .arg(kMinTimeoutMs)
                              .arg(kMaxTimeoutMs),
                          u"timeoutMs"_s);
    }
    if (!defaultTags.trimmed().isEmpty()) {
        const auto parsed = TagExpression::parse(defaultTags);
        if (!parsed) {
            Error e = parsed.error();
            e.message = tr("Profile “%1”: the default tag expression is not valid. %2")
                            .arg(who, e.message);
            e.where = u"defaultTags"_s;
            return e;
        }
    }
    if (label.size() > kMaxLabelLength) {
        return fieldError(ErrorCode::LimitExceeded,
                          tr("The label of profile “%1” is %2 characters long; the limit is %3.")
                              .arg(who)
                              .arg(label.size())
                              .arg(kMaxLabelLength),
                          u"label"_s, kMaxLabelLength, label.size() - kMaxLabelLength);
    }
    if (const qsizetype at = firstControl(label); at >= 0) {
        return fieldError(ErrorCode::InvalidValue,
                          tr("The label of profile “%1” has a line break or control character at "
                             "position %2.")
                              .arg(who)
                              .arg(pos(at)),
                          u"label"_s, at, 1);
    }
    if (!colour.isEmpty() && !isColour(colour)) {
        return fieldError(ErrorCode::InvalidValue,
                          tr("The colour “%1” of profile “%2” is not of the form #rrggbb.")
                              .arg(colour, who),
                          u"colour"_s);
    }
    return {};
}

// ---------------------------------------------------------------------------------------------
// Settings and JSON forms of a profile

namespace {

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
            return entryError(ErrorCode::MissingField, index, field,
                              trStore("Profile %1 in the file has no “%2”.")
                                  .arg(index + 1)
                                  .arg(field));
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
            return entryError(ErrorCode::InvalidValue, index, u"key"_s,
                              trStore("The key of profile “%1” in the file is not base64.")
                                  .arg(p.name));
        }
    }
    return result;
}

} // namespace

// ---------------------------------------------------------------------------------------------
// ProfileJob

ProfileJob::ProfileJob(Operation operation, QObject *parent)
    : QObject(parent)
    , m_operation(operation)
{ }

// ---------------------------------------------------------------------------------------------
// ProfileStore

ProfileStore::ProfileStore(QSettings *settings, SecretStore *secrets, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_secrets(secrets)
{
    Q_ASSERT(settings);
    Q_ASSERT(secrets);
    load();
}

void ProfileStore::load()
{
    m_profiles.clear();
    m_settings->beginGroup(kGroup.toString());
    const int version = intValue(m_settings->value(u"Version"_s), kFormatVersion);
    if (version > kFormatVersion)
        qCWarning(lcStore) << "profiles were saved by a newer nhconsole, version" << version;
    const QStringList groups = m_settings->childGroups();
    for (const QString &group : groups) {
        if (auto p = readProfile(m_settings, group))
            m_profiles.append(*p);
        else
            qCWarning(lcStore) << "skipping settings group" << group << "(not a profile)";
    }
    m_settings->endGroup();
    std::sort(m_profiles.begin(), m_profiles.end(), [](const Profile &a, const Profile &b) {
        if ((a.id == kEmulatorProfileId) != (b.id == kEmulatorProfileId))
            return a.id == kEmulatorProfileId;
        const int byName = a.name.compare(b.name, Qt::CaseInsensitive);
        return byName != 0 ? byName < 0 : a.id.toString() < b.id.toString();
    });
    if (indexOf(kEmulatorProfileId) < 0)
        m_profiles.prepend(defaultEmulatorProfile());
}

int ProfileStore::indexOf(const QUuid &id) const
{
    for (int i = 0; i < m_profiles.size(); ++i) {
        if (m_profiles.at(i).id == id)
            return i;
    }
    return -1;
}

std::optional<Profile> ProfileStore::profile(const QUuid &id) const
{
    const int i = indexOf(id);
    if (i < 0)
        return std::nullopt;
    return m_profiles.at(i);
}

Result<Profile> ProfileStore::find(QStringView nameOrId) const
{
    const QStringView wanted = nameOrId.trimmed();
    for (const Profile &p : m_profiles) {
        if (p.name.compare(wanted, Qt::CaseInsensitive) == 0)
            return p;
    }
    const QUuid id = QUuid::fromString(wanted);
    if (!id.isNull()) {
        if (auto p = profile(id))
            return *p;
    }
    QStringList names;
    for (const Profile &p : m_profiles)
        names.append(u"“"_s + p.name + u"”"_s);
    return makeError(ErrorCode::NotFound,
                     tr("There is no profile “%1”. The profiles are: %2.")
                         .arg(wanted.toString(), names.join(u", "_s)),
                     -1, 0, u"profile"_s);
}

bool ProfileStore::isNameTaken(QStringView name, const QUuid &except) const
{
    const QStringView wanted = name.trimmed();
    return std::any_of(m_profiles.cbegin(), m_profiles.cend(), [&](const Profile &p) {
        return p.id != except && p.name.trimmed().compare(wanted, Qt::CaseInsensitive) == 0;
    });
}

QString ProfileStore::uniqueName(const QString &base) const
{
    QString stem = base.trimmed().left(Profile::kMaxNameLength - 6);
    if (stem.isEmpty())
        stem = tr("Profile");
    if (!isNameTaken(stem))
        return stem;
    for (int n = 2;; ++n) {
        const QString candidate = u"%1 (%2)"_s.arg(stem).arg(n);
        if (!isNameTaken(candidate))
            return candidate;
    }
}

Status ProfileStore::settingsStatus() const
{
    m_settings->sync();
    if (m_settings->status() == QSettings::NoError)
        return {};
    return makeError(ErrorCode::Storage,
                     tr("The settings file %1 could not be written; check that its folder exists "
                        "and is writable.")
                         .arg(m_settings->fileName()),
                     -1, 0, m_settings->fileName());
}

Status ProfileStore::save(const Profile &profile)
{
    m_settings->setValue(kGroup.toString() + u"/Version"_s, kFormatVersion);
    writeProfile(m_settings, profile);
    return settingsStatus();
}

Status ProfileStore::checkNew(const Profile &profile) const
{
    if (const Status valid = profile.validate(); !valid)
        return valid;
    if (indexOf(profile.id) >= 0) {
        return makeError(ErrorCode::DuplicateField,
                         tr("A profile with the id %1 exists already.")
                             .arg(profile.id.toString(QUuid::WithoutBraces)),
                         -1, 0, u"id"_s);
    }
    if (isNameTaken(profile.name)) {
        return makeError(ErrorCode::DuplicateField,
                         tr("There is a profile named “%1” already; profile names must be unique.")
                             .arg(profile.name.trimmed()),
                         -1, 0, u"name"_s);
    }
    return {};
}

Result<Profile> ProfileStore::add(Profile profile)
{
    if (profile.id.isNull())
        profile.id = QUuid::createUuid();
    profile.name = profile.name.trimmed();
    if (const Status ok = checkNew(profile); !ok)
        return ok.error();
    if (const Status saved = save(profile); !saved)
        return saved.error();
    m_profiles.append(profile);
    emit profileAdded(profile.id);
    return profile;
}

Status ProfileStore::update(const Profile &changed)
{
    const int i = indexOf(changed.id);
    if (i < 0) {
        return makeError(ErrorCode::NotFound,
                         tr("The profile “%1” does not exist (any more).").arg(shownName(changed)),
                         -1, 0, u"id"_s);
    }
    Profile p = changed;
    p.name = p.name.trimmed();
    if (p.kind != m_profiles.at(i).kind) {
        return makeError(ErrorCode::InvalidValue,
                         tr("Profile “%1” cannot change between hub and emulator; create a new "
                            "profile instead.")
                             .arg(shownName(p)),
                         -1, 0, u"kind"_s);
    }
    if (const Status valid = p.validate(); !valid)
        return valid;
    if (isNameTaken(p.name, p.id)) {
        return makeError(ErrorCode::DuplicateField,
                         tr("There is a profile named “%1” already; profile names must be unique.")
                             .arg(p.name),
                         -1, 0, u"name"_s);
    }
    if (p == m_profiles.at(i))
        return {};
    if (const Status saved = save(p); !saved)
        return saved;
    m_profiles[i] = p;
    emit profileChanged(p.id);
    return {};
}

Status ProfileStore::rename(const QUuid &id, const QString &name)
{
    auto p = profile(id);
    if (!p) {
        return makeError(ErrorCode::NotFound,
                         tr("The profile %1 does not exist (any more).")
                             .arg(id.toString(QUuid::WithoutBraces)),
                         -1, 0, u"id"_s);
    }
    p->name = name;
    return update(*p);
}

void ProfileStore::reload()
{
    m_settings->sync();
    load();
    emit profilesReset();
}

void ProfileStore::removeNow(const QUuid &id)
{
    const int i = indexOf(id);
    if (i < 0)
        return;
    m_settings->remove(groupOf(id));
    m_settings->sync();
    m_profiles.removeAt(i);
    emit profileRemoved(id);
}

Result<ProfileWithKey> ProfileStore::fromConnectionString(QStringView text, const QString &hub,
                                                          const QString &name)
{
    const auto parsed = ConnectionString::parse(text);
    if (!parsed)
        return parsed.error();
    const ConnectionString &cs = parsed.value();
    QList<Warning> warnings = parsed.warnings();

    QString hubName = hub.trimmed();
    if (hubName.isEmpty() && !cs.entityPath().isEmpty()) {
        hubName = cs.entityPath();
        // This replaces the parser's "EntityPath is ignored" (it is not), keeping its place.
        Warning taken {tr("The hub name “%1” is taken from the connection string's "
                          "EntityPath.")
                           .arg(hubName)};
        for (qsizetype i = 0; i < warnings.size(); ++i) {
            if (warnings.at(i).message.contains(u"EntityPath"_s)
                && warnings.at(i).message.contains(hubName)) {
                taken.offset = warnings.at(i).offset;
                taken.length = warnings.at(i).length;
                warnings.removeAt(i);
                break;
            }
        }
        warnings.append(taken);
    }
    if (hubName.isEmpty()) {
        return makeError(ErrorCode::EmptyField,
                         tr("Enter the hub name: a connection string names the namespace and a "
                            "SAS rule, not the hub."),
                         -1, 0, u"hub"_s);
    }

    ProfileWithKey out;
    Profile &p = out.profile;
    p.id = QUuid::createUuid();
    p.kind = ProfileKind::Hub;
    p.host = cs.host();
    p.port = cs.port();
    p.hub = hubName;
    p.keyName = cs.keyName();
    p.name = name.trimmed().isEmpty() ? cs.namespaceName() + u'/' + hubName : name.trimmed();
    out.key = cs.key();
    if (const Status valid = p.validate(); !valid)
        return valid.error();
    Result<ProfileWithKey> result(out);
    result.setWarnings(warnings);
    return result;
}

QByteArray ProfileStore::exportJson(const QList<QUuid> &ids,
                                    const QHash<QUuid, QString> &keys) const
{
    QJsonArray list;
    bool containsKeys = false;
    for (const Profile &p : m_profiles) {
        if (!ids.isEmpty() && !ids.contains(p.id))
            continue;
        const auto key = keys.constFind(p.id);
        const bool withKey = p.needsKey() && key != keys.cend() && !key->isEmpty();
        containsKeys = containsKeys || withKey;
        list.append(toJson(p, withKey ? &*key : nullptr));
    }
    QJsonObject root;
    root.insert(u"format"_s, kExportFormat.toString());
    root.insert(u"version"_s, kFormatVersion);
    root.insert(u"containsKeys"_s, containsKeys);
    if (containsKeys) {
        root.insert(u"warning"_s,
                    tr("This file contains SAS keys in plain text. Anyone who has it can send "
                       "to these hubs. Keep it safe and delete it once it is imported."));
    }
    root.insert(u"profiles"_s, list);
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

Result<QList<ProfileWithKey>> ProfileStore::parseExport(const QByteArray &json)
{
    if (json.trimmed().isEmpty())
        return makeError(ErrorCode::Empty, tr("The profile file is empty."));
    if (json.size() > kMaxImportBytes) {
        return makeError(ErrorCode::LimitExceeded,
                         tr("The profile file is %1 bytes long; at most %2 bytes are read.")
                             .arg(json.size())
                             .arg(kMaxImportBytes),
                         kMaxImportBytes, json.size() - kMaxImportBytes);
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const qsizetype at = qBound(qsizetype(0), qsizetype(parseError.offset), json.size());
        const ErrorCode code = parseError.error == QJsonParseError::DeepNesting
            ? ErrorCode::LimitExceeded
            : (at >= json.size() ? ErrorCode::Truncated : ErrorCode::Syntax);
        return makeError(code,
                         tr("The profile file is not valid JSON at position %1: %2.")
                             .arg(pos(at))
                             .arg(parseError.errorString()),
                         at, 1);
    }
    if (!doc.isObject()) {
        return makeError(ErrorCode::UnexpectedRoot,
                         tr("The profile file does not hold a JSON object at the top."));
    }
    const QJsonObject root = doc.object();
    const QString format = root.value(u"format"_s).toString();
    if (format != kExportFormat) {
        return makeError(ErrorCode::UnexpectedRoot,
                         tr("This is not an nhconsole profile export: its “format” is “%1”, "
                            "expected “%2”.")
                             .arg(format, kExportFormat.toString()),
                         -1, 0, u"format"_s);
    }
    const QJsonValue version = root.value(u"version"_s);
    if (!version.isDouble()) {
        return makeError(ErrorCode::MissingField,
                         tr("The profile file has no “version” number."), -1, 0, u"version"_s);
    }
    if (version.toDouble() > kFormatVersion) {
        return makeError(ErrorCode::InvalidValue,
                         tr("The profile file has version %1; this nhconsole reads version %2. "
                            "Update nhconsole to import it.")
                             .arg(version.toDouble())
                             .arg(kFormatVersion),
                         -1, 0, u"version"_s);
    }
    const QJsonValue profiles = root.value(u"profiles"_s);
    if (!profiles.isArray()) {
        return makeError(ErrorCode::MissingField,
                         tr("The profile file has no “profiles” list."), -1, 0, u"profiles"_s);
    }
    const QJsonArray list = profiles.toArray();
    if (list.size() > kMaxImportProfiles) {
        return makeError(ErrorCode::LimitExceeded,
                         tr("The profile file lists %1 profiles; at most %2 are imported.")
                             .arg(list.size())
                             .arg(kMaxImportProfiles),
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

// --- jobs ---

void ProfileStore::finish(ProfileJob *job, const Status &status)
{
    if (job->m_finished)
        return;
    job->m_finished = true;
    emit job->finished(status);
    if (job->m_autoDelete)
        job->deleteLater();
}

void ProfileStore::finishLater(ProfileJob *job, const Status &status)
{
    QMetaObject::invokeMethod(
        job, [this, job, status] { finish(job, status); }, Qt::QueuedConnection);
}

namespace {

Status withWarnings(Status status, const QList<Warning> &warnings)
{
    for (const Warning &w : warnings)
        status.addWarning(w);
    return status;
}

} // namespace

ProfileJob *ProfileStore::create(const Profile &profile, const QString &key)
{
    auto *job = new ProfileJob(ProfileJob::Operation::Create, this);
    Profile p = profile;
    if (p.id.isNull())
        p.id = QUuid::createUuid();
    p.name = p.name.trimmed();
    if (const Status ok = checkNew(p); !ok) {
        finishLater(job, ok);
        return job;
    }
    if (!p.needsKey()) {
        const auto added = add(p);
        if (added)
            job->m_ids = {p.id};
        finishLater(job, added ? Status() : Status(added.error()));
        return job;
    }
    if (key.isEmpty()) {
        finishLater(job, makeError(ErrorCode::EmptyField,
                                   tr("Profile “%1” needs its SAS key: paste the connection "
                                      "string of the namespace.")
                                       .arg(p.name),
                                   -1, 0, u"key"_s));
        return job;
    }
    if (Crypto::firstInvalidBase64Index(key) >= 0) {
        finishLater(job, makeError(ErrorCode::InvalidValue,
                                   tr("The key of profile “%1” is not base64; copy it again from "
                                      "the portal.")
                                       .arg(p.name),
                                   -1, 0, u"key"_s));
        return job;
    }
    SecretJob *secret = m_secrets->writeKey(p.id, p.name, key);
    connect(secret, &SecretJob::finished, job, [this, job, secret, p](const Result<QString> &r) {
        job->m_issue = secret->issue();
        if (!r) {
            finish(job, r.error());
            return;
        }
        const auto added = add(p);
        if (!added) {
            // The settings refused it: take the key back out so nothing is left behind.
            m_secrets->deleteKey(p.id, p.name);
            finish(job, added.error());
            return;
        }
        job->m_ids = {p.id};
        job->m_keyLocation = secret->location();
        finish(job, withWarnings({}, r.warnings()));
    });
    return job;
}

ProfileJob *ProfileStore::changeKey(const QUuid &id, const QString &key)
{
    auto *job = new ProfileJob(ProfileJob::Operation::ChangeKey, this);
    const auto p = profile(id);
    if (!p || !p->needsKey()) {
        finishLater(job, makeError(p ? ErrorCode::Usage : ErrorCode::NotFound,
                                   p ? tr("Profile “%1” is an emulator profile; the emulator "
                                          "gives its key.")
                                           .arg(p->name)
                                     : tr("The profile %1 does not exist (any more).")
                                           .arg(id.toString(QUuid::WithoutBraces)),
                                   -1, 0, u"id"_s));
        return job;
    }
    if (key.isEmpty() || Crypto::firstInvalidBase64Index(key) >= 0) {
        finishLater(job, makeError(ErrorCode::InvalidValue,
                                   tr("The key of profile “%1” is not base64; copy it again from "
                                      "the portal.")
                                       .arg(p->name),
                                   -1, 0, u"key"_s));
        return job;
    }
    job->m_ids = {id};
    SecretJob *secret = m_secrets->writeKey(id, p->name, key);
    connect(secret, &SecretJob::finished, job, [this, job, secret](const Result<QString> &r) {
        job->m_issue = secret->issue();
        job->m_keyLocation = secret->location();
        finish(job, r ? withWarnings({}, r.warnings()) : Status(r.error()));
    });
    return job;
}

ProfileJob *ProfileStore::duplicate(const QUuid &id, const QString &name)
{
    auto *job = new ProfileJob(ProfileJob::Operation::Duplicate, this);
    const auto source = profile(id);
    if (!source) {
        finishLater(job, makeError(ErrorCode::NotFound,
                                   tr("The profile %1 does not exist (any more).")
                                       .arg(id.toString(QUuid::WithoutBraces)),
                                   -1, 0, u"id"_s));
        return job;
    }
    Profile copy = *source;
    copy.id = QUuid::createUuid();
    copy.name = name.trimmed().isEmpty() ? uniqueName(tr("%1 (copy)").arg(source->name))
                                         : name.trimmed();
    if (const Status ok = checkNew(copy); !ok) {
        finishLater(job, ok);
        return job;
    }
    if (!copy.needsKey()) {
        const auto added = add(copy);
        if (added)
            job->m_ids = {copy.id};
        finishLater(job, added ? Status() : Status(added.error()));
        return job;
    }
    SecretJob *read = m_secrets->readKey(source->id, source->name);
    const QString sourceName = source->name;
    connect(read, &SecretJob::finished, job,
            [this, job, read, copy, sourceName](const Result<QString> &r) {
                if (!r && read->issue() != KeychainIssue::NotFound) {
                    job->m_issue = read->issue();
                    finish(job, r.error());
                    return;
                }
                if (!r) {
                    // Nothing to copy: the copy is made anyway, and says so.
                    const auto added = add(copy);
                    if (!added) {
                        finish(job, added.error());
                        return;
                    }
                    job->m_ids = {copy.id};
                    Status s;
                    s.addWarning({tr("Profile “%1” has no key in the keychain, so its copy “%2” "
                                     "has none either; paste the connection string to add one.")
                                      .arg(sourceName, copy.name)});
                    finish(job, s);
                    return;
                }
                SecretJob *write = m_secrets->writeKey(copy.id, copy.name, r.value());
                connect(write, &SecretJob::finished, job,
                        [this, job, write, copy](const Result<QString> &w) {
                            job->m_issue = write->issue();
                            if (!w) {
                                finish(job, w.error());
                                return;
                            }
                            const auto added = add(copy);
                            if (!added) {
                                m_secrets->deleteKey(copy.id, copy.name);
                                finish(job, added.error());
                                return;
                            }
                            job->m_ids = {copy.id};
                            job->m_keyLocation = write->location();
                            finish(job, withWarnings({}, w.warnings()));
                        });
            });
    return job;
}

ProfileJob *ProfileStore::remove(const QUuid &id)
{
    auto *job = new ProfileJob(ProfileJob::Operation::Remove, this);
    const auto p = profile(id);
    if (!p) {
        finishLater(job, makeError(ErrorCode::NotFound,
                                   tr("The profile %1 does not exist (any more).")
                                       .arg(id.toString(QUuid::WithoutBraces)),
                                   -1, 0, u"id"_s));
        return job;
    }
    job->m_ids = {id};
    if (id == kEmulatorProfileId) {
        finishLater(job, makeError(ErrorCode::InvalidValue,
                                   tr("“%1” is built in and cannot be deleted; you can rename or "
                                      "edit it.")
                                       .arg(p->name),
                                   -1, 0, u"id"_s));
        return job;
    }
    if (!p->needsKey()) {
        removeNow(id);
        finishLater(job, {});
        return job;
    }
    SecretJob *secret = m_secrets->deleteKey(id, p->name);
    const QString name = p->name;
    connect(secret, &SecretJob::finished, job,
            [this, job, secret, id, name](const Result<QString> &r) {
                job->m_issue = secret->issue();
                if (!r) {
                    Error e = r.error();
                    e.message = tr("Profile “%1” was not deleted. %2").arg(name, e.message);
                    finish(job, e);
                    return;
                }
                removeNow(id);
                finish(job, withWarnings({}, r.warnings()));
            });
    return job;
}

ProfileJob *ProfileStore::exportProfiles(const QList<QUuid> &ids, KeyExport keys)
{
    auto *job = new ProfileJob(ProfileJob::Operation::Export, this);
    QList<Profile> chosen;
    for (const QUuid &id : ids) {
        if (indexOf(id) < 0) {
            finishLater(job, makeError(ErrorCode::NotFound,
                                       tr("The profile %1 does not exist (any more).")
                                           .arg(id.toString(QUuid::WithoutBraces)),
                                       -1, 0, u"id"_s));
            return job;
        }
    }
    for (const Profile &p : m_profiles) {
        if (ids.isEmpty() || ids.contains(p.id))
            chosen.append(p);
    }
    job->m_ids.clear();
    for (const Profile &p : chosen)
        job->m_ids.append(p.id);
    if (keys == KeyExport::Without) {
        job->m_data = exportJson(job->m_ids);
        finishLater(job, {});
        return job;
    }
    QList<Profile> pending;
    for (const Profile &p : chosen) {
        if (p.needsKey())
            pending.append(p);
    }
    const QList<QUuid> all = job->m_ids;
    // Started from the event loop so that finished() never comes from inside this call.
    QMetaObject::invokeMethod(
        job,
        [this, job, pending, all] { readKeysThenExport(job, pending, all, {}, {}); },
        Qt::QueuedConnection);
    return job;
}

void ProfileStore::readKeysThenExport(ProfileJob *job, QList<Profile> pending, QList<QUuid> ids,
                                      QHash<QUuid, QString> keys, QList<Warning> warnings)
{
    if (pending.isEmpty()) {
        job->m_data = exportJson(ids, keys);
        if (!keys.isEmpty()) {
            warnings.prepend({tr("The export contains the SAS keys of %n profile(s) in plain "
                                 "text. Anyone who has the file can send to these hubs; keep it "
                                 "safe and delete it once it is imported.",
                                 nullptr, int(keys.size()))});
        }
        finish(job, withWarnings({}, warnings));
        return;
    }
    const Profile p = pending.takeFirst();
    SecretJob *read = m_secrets->readKey(p.id, p.name);
    connect(read, &SecretJob::finished, job,
            [this, job, read, p, pending, ids, keys, warnings](const Result<QString> &r) mutable {
                if (r) {
                    keys.insert(p.id, r.value());
                } else if (read->issue() == KeychainIssue::NotFound) {
                    warnings.append({tr("Profile “%1” has no key in the keychain; it is exported "
                                        "without one.")
                                         .arg(p.name)});
                } else {
                    job->m_issue = read->issue();
                    finish(job, r.error());
                    return;
                }
                readKeysThenExport(job, pending, ids, keys, warnings);
            });
}

ProfileJob *ProfileStore::importProfiles(const QByteArray &json)
{
    auto *job = new ProfileJob(ProfileJob::Operation::Import, this);
    const auto parsed = parseExport(json);
    if (!parsed) {
        finishLater(job, parsed.error());
        return job;
    }
    QList<ProfileWithKey> withKeys;
    for (ProfileWithKey entry : parsed.value()) {
        entry.profile.name = uniqueName(entry.profile.name);
        const auto added = add(entry.profile);
        if (!added) {
            finishLater(job, added.error());
            return job;
        }
        job->m_ids.append(added->id);
        if (entry.profile.needsKey() && !entry.key.isEmpty())
            withKeys.append(entry);
    }
    const int imported = int(job->m_ids.size());
    const QList<Warning> warnings = parsed.warnings();
    QMetaObject::invokeMethod(
        job,
        [this, job, withKeys, imported, warnings] {
            storeImportedKeys(job, withKeys, imported, warnings, {});
        },
        Qt::QueuedConnection);
    return job;
}

void ProfileStore::storeImportedKeys(ProfileJob *job, QList<ProfileWithKey> pending, int imported,
                                     QList<Warning> warnings, QList<Error> failures)
{
    if (pending.isEmpty()) {
        if (failures.isEmpty()) {
            finish(job, withWarnings({}, warnings));
            return;
        }
        Error e = failures.first();
        e.message = tr("%n profile(s) were imported, but %1 of their keys could not be stored. "
                       "%2",
                       nullptr, imported)
                        .arg(failures.size())
                        .arg(failures.first().message);
        finish(job, withWarnings(e, warnings));
        return;
    }
    const ProfileWithKey entry = pending.takeFirst();
    SecretJob *write = m_secrets->writeKey(entry.profile.id, entry.profile.name, entry.key);
    connect(write, &SecretJob::finished, job,
            [this, job, write, pending, imported, warnings,
             failures](const Result<QString> &r) mutable {
                if (r) {
                    warnings.append(r.warnings());
                    if (write->location() == SecretLocation::Memory)
                        job->m_keyLocation = SecretLocation::Memory;
                    else if (job->m_keyLocation == SecretLocation::None)
                        job->m_keyLocation = SecretLocation::Keychain;
                } else {
                    job->m_issue = write->issue();
                    failures.append(r.error());
                }
                storeImportedKeys(job, pending, imported, warnings, failures);
            });
}

} // namespace Nh
