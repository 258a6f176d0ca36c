// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// ProfileStore's keychain jobs: the operations that involve the keychain (create, change key,
// duplicate, delete, export with keys, import) and report through a ProfileJob.
#include "protocol/crypto.h"
#include "store/profilestore.h"

#include <QMetaObject>

using namespace Qt::Literals::StringLiterals;

namespace Nh {

// ---------------------------------------------------------------------------------------------
// ProfileJob

ProfileJob::ProfileJob(Operation operation, QObject *parent)
    : QObject(parent)
    , m_operation(operation)
{ }

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
    if (finishedWithoutKey(job, p))
        return job;
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
    writeKeyThenAdd(job, p, key);
    return job;
}

bool ProfileStore::finishedWithoutKey(ProfileJob *job, const Profile &p)
{
    if (const Status ok = checkNew(p); !ok) {
        finishLater(job, ok);
        return true;
    }
    if (p.needsKey())
        return false;
    const auto added = add(p);
    if (added)
        job->m_ids = {p.id};
    finishLater(job, added ? Status() : Status(added.error()));
    return true;
}

void ProfileStore::writeKeyThenAdd(ProfileJob *job, const Profile &p, const QString &key)
{
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
}

ProfileJob *ProfileStore::changeKey(const QUuid &id, const QString &key)
{
    auto *job = new ProfileJob(ProfileJob::Operation::ChangeKey, this);
    const auto p = profile(id);
    if (!p || !p->needsKey()) {
        finishLater(job,
                    makeError(p ? ErrorCode::Usage : ErrorCode::NotFound,
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
                    makeError(ErrorCode::NotFound,
                              tr("The profile %1 does not exist (any more).")
                                  .arg(id.toString(QUuid::WithoutBraces)),
                              -1, 0, u"id"_s));
        return job;
    }
    Profile copy = *source;
    copy.id = QUuid::createUuid();
    copy.name =
        name.trimmed().isEmpty() ? uniqueName(tr("%1 (copy)").arg(source->name)) : name.trimmed();
    if (finishedWithoutKey(job, copy))
        return job;
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
                writeKeyThenAdd(job, copy, r.value());
            });
    return job;
}

ProfileJob *ProfileStore::remove(const QUuid &id)
{
    auto *job = new ProfileJob(ProfileJob::Operation::Remove, this);
    const auto p = profile(id);
    if (!p) {
        finishLater(job,
                    makeError(ErrorCode::NotFound,
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
                        makeError(ErrorCode::NotFound,
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
