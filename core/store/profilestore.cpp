// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/profilestore.h"

#include "common/logging.h"
#include "protocol/crypto.h"
#include "protocol/tagexpression.h"
#include "store/profilecodec.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QMetaObject>
#include <QRegularExpression>
#include <QSettings>
#include <QUrl>
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
    return makeError(ErrorCode::InvalidValue,
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
    return makeError(ErrorCode::InvalidValue,
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
        return makeError(ErrorCode::InvalidValue,
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
            ErrorCode::InvalidValue,
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
        finishLater(job,
                    makeError(ErrorCode::EmptyField,
                              tr("Profile “%1” needs its SAS key: paste the connection "
                                 "string of the namespace.")
                                  .arg(p.name),
                              -1, 0, u"key"_s));
        return job;
    }
    if (Crypto::firstInvalidBase64Index(key) >= 0) {
        finishLater(job,
                    makeError(ErrorCode::InvalidValue,
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
        finishLater(job,
                    makeError(ErrorCode::InvalidValue,
                              p ? tr("Profile “%1” is an emulator profile; the emulator "
                                     "gives its key.")
                                      .arg(p->name)
                                : tr("The profile %1 does not exist (any more).")
                                      .arg(id.toString(QUuid::WithoutBraces)),
                              -1, 0, u"id"_s));
        return job;
    }
    if (key.isEmpty() || Crypto::firstInvalidBase64Index(key) >= 0) {
        finishLater(job,
                    makeError(ErrorCode::InvalidValue,
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
        finishLater(job,
                    makeError(ErrorCode::InvalidValue,
                              tr("The profile %1 does not exist (any more).")
                                  .arg(id.toString(QUuid::WithoutBraces)),
                              -1, 0, u"id"_s));
        return job;
    }
    Profile copy = *source;
    copy.id = QUuid::createUuid();
    copy.name =
        name.trimmed().isEmpty() ? uniqueName(tr("%1 (copy)").arg(source->name)) : name.trimmed();
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
        finishLater(job,
                    makeError(ErrorCode::InvalidValue,
                              tr("The profile %1 does not exist (any more).")
                                  .arg(id.toString(QUuid::WithoutBraces)),
                              -1, 0, u"id"_s));
        return job;
    }
    job->m_ids = {id};
    if (id == kEmulatorProfileId) {
        finishLater(job,
                    makeError(ErrorCode::InvalidValue,
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
            finishLater(job,
                        makeError(ErrorCode::InvalidValue,
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
        job, [this, job, pending, all] { readKeysThenExport(job, pending, all, {}, {}); },
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
