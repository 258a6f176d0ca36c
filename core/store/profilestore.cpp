// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/profilestore.h"

#include "common/logging.h"
#include "store/profilecodec.h"

#include <QSettings>
#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace Nh {

namespace {

QString shownName(const Profile &p)
{
    return p.name.trimmed().isEmpty() ? p.id.toString(QUuid::WithoutBraces) : p.name;
}

} // namespace

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
    const int version = ProfileCodec::intValue(m_settings->value(u"Version"_s), kFormatVersion);
    if (version > kFormatVersion)
        qCWarning(lcStore) << "profiles were saved by a newer nhconsole, version" << version;
    const QStringList groups = m_settings->childGroups();
    for (const QString &group : groups) {
        if (auto p = ProfileCodec::readProfile(m_settings, group))
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
    ProfileCodec::writeProfile(m_settings, profile);
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
        return makeError(
            ErrorCode::DuplicateField,
            tr("There is a profile named “%1” already; profile names must be unique.").arg(p.name),
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
        return makeError(
            ErrorCode::NotFound,
            tr("The profile %1 does not exist (any more).").arg(id.toString(QUuid::WithoutBraces)),
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
    m_settings->remove(ProfileCodec::groupOf(id));
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
    QList<Profile> chosen;
    for (const Profile &p : m_profiles) {
        if (ids.isEmpty() || ids.contains(p.id))
            chosen.append(p);
    }
    return ProfileCodec::exportJson(chosen, keys);
}

Result<QList<ProfileWithKey>> ProfileStore::parseExport(const QByteArray &json)
{
    return ProfileCodec::parseExport(json);
}

} // namespace Nh
