// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/secretstore.h"

#include "common/logging.h"

#include <QMetaObject>
#include <qt6keychain/keychain.h>

using namespace Qt::Literals::StringLiterals;

namespace Nh {

namespace {

/** Texts of D-Bus and Secret Service failures that mean "nothing to talk to". QtKeychain 0.13
 *  passes them on as OtherError (docs/toolchain.md §5, and the probes behind tst_secretstore). */
constexpr QStringView kUnavailableMarkers[] = {
    u"org.freedesktop.secrets", // "The name org.freedesktop.secrets was not provided by any
                                // .service files"
    u"Could not connect", // GIO: DBUS_SESSION_BUS_ADDRESS points nowhere
    u"autolaunch", // GIO: no DBUS_SESSION_BUS_ADDRESS and no X11 display
    u"D-Bus is not running", // QtDBus (KWallet path): no bus
    u"NoServer",
    u"ServiceUnknown",
    u"No keychain service",
    u"No keyring daemon",
};

QString shownDetail(const QString &detail)
{
    return detail.isEmpty() ? SecretStore::tr("no details given") : detail;
}

QString nameOf(const QString &profileName, const QUuid &id)
{
    return profileName.isEmpty() ? id.toString(QUuid::WithoutBraces) : profileName;
}

} // namespace

KeychainIssue classifyKeychainError(int code, QStringView detail)
{
    switch (code) {
    case QKeychain::NoError:
        return KeychainIssue::None;
    case QKeychain::EntryNotFound:
        return KeychainIssue::NotFound;
    case QKeychain::AccessDeniedByUser:
        return KeychainIssue::Denied;
    case QKeychain::AccessDenied:
        // libsecret maps SECRET_ERROR_IS_LOCKED to AccessDenied.
        return detail.contains(u"lock", Qt::CaseInsensitive) ? KeychainIssue::Locked
                                                             : KeychainIssue::Denied;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return KeychainIssue::Unavailable;
    case QKeychain::CouldNotDeleteEntry:
        return KeychainIssue::Failed;
    default:
        break;
    }
    if (detail.contains(u"locked", Qt::CaseInsensitive))
        return KeychainIssue::Locked;
    // gnome-keyring without a default collection ("Object does not exist at path
    // /org/freedesktop/secrets/collection/login"): creating one needs an unlock prompt, and
    // that failed or was dismissed. For the user this is a keyring that will not open.
    if (detail.contains(u"/org/freedesktop/secrets/collection"))
        return KeychainIssue::Locked;
    for (QStringView marker : kUnavailableMarkers) {
        if (detail.contains(marker, Qt::CaseInsensitive))
            return KeychainIssue::Unavailable;
    }
    return KeychainIssue::Failed;
}

SecretJob::SecretJob(Operation operation, const QUuid &profileId, const QString &profileName,
                     QObject *parent)
    : QObject(parent)
    , m_operation(operation)
    , m_profileId(profileId)
    , m_profileName(nameOf(profileName, profileId))
{ }

SecretStore::SecretStore(QObject *parent)
    : SecretStore(kService.toString(), parent)
{ }

SecretStore::SecretStore(const QString &service, QObject *parent)
    : QObject(parent)
    , m_service(service)
{ }

SecretStore::~SecretStore() = default;

QString SecretStore::keychainKey(const QUuid &profileId)
{
    return u"profile/"_s + profileId.toString(QUuid::WithoutBraces) + u"/sas-key"_s;
}

QString SecretStore::probeKey()
{
    return u"probe/availability"_s;
}

SecretJob *SecretStore::readKey(const QUuid &profileId, const QString &profileName)
{
    auto *job = new SecretJob(SecretJob::Operation::Read, profileId, profileName, this);
    if (const auto it = m_memory.constFind(profileId); it != m_memory.cend()) {
        const QString key = *it;
        QMetaObject::invokeMethod(
            job, [this, job, key] { succeed(job, key, SecretLocation::Memory); },
            Qt::QueuedConnection);
        return job;
    }
    keychainRead(job, keychainKey(profileId),
                 [this, job](int code, const QString &detail, const QString &text) {
                     afterRead(job, code, detail, text);
                 });
    return job;
}

SecretJob *SecretStore::writeKey(const QUuid &profileId, const QString &profileName,
                                 const QString &key)
{
    auto *job = new SecretJob(SecretJob::Operation::Write, profileId, profileName, this);
    keychainWrite(job, keychainKey(profileId), key,
                  [this, job, key](int code, const QString &detail, const QString &) {
                      afterWrite(job, key, code, detail);
                  });
    return job;
}

SecretJob *SecretStore::deleteKey(const QUuid &profileId, const QString &profileName)
{
    auto *job = new SecretJob(SecretJob::Operation::Delete, profileId, profileName, this);
    if (m_memory.remove(profileId) > 0)
        emit sessionKeysChanged();
    probe(job, [this, job](int code, const QString &detail, const QString &) {
        afterDeleteProbe(job, code, detail);
    });
    return job;
}

void SecretStore::setSessionFallbackEnabled(bool enabled)
{
    if (m_sessionFallback == enabled)
        return;
    m_sessionFallback = enabled;
    emit sessionFallbackChanged(enabled);
}

void SecretStore::keepInMemory(const QUuid &profileId, const QString &key)
{
    m_memory.insert(profileId, key);
    emit sessionKeysChanged();
}

void SecretStore::forgetSessionKeys()
{
    if (m_memory.isEmpty())
        return;
    m_memory.clear();
    emit sessionKeysChanged();
}

void SecretStore::runKeychain(QKeychain::Job *job, SecretJob *owner, KeychainCallback done)
{
    // Written out (docs/conventions.md R8): with a fallback, QtKeychain's KWallet path writes the
    // secret in plain text to ~/.config/<service>.conf.
    job->setInsecureFallback(false);
    job->setAutoDelete(true);
    connect(job, &QKeychain::Job::finished, owner,
            [done = std::move(done)](QKeychain::Job *finished) {
                QString text;
                if (auto *read = qobject_cast<QKeychain::ReadPasswordJob *>(finished))
                    text = read->textData();
                done(int(finished->error()), finished->errorString(), text);
            });
    job->start();
}

void SecretStore::keychainRead(SecretJob *job, const QString &entry, KeychainCallback done)
{
    auto *read = new QKeychain::ReadPasswordJob(m_service, job);
    read->setKey(entry);
    runKeychain(read, job, std::move(done));
}

void SecretStore::keychainWrite(SecretJob *job, const QString &entry, const QString &value,
                                KeychainCallback done)
{
    auto *write = new QKeychain::WritePasswordJob(m_service, job);
    write->setKey(entry);
    write->setTextData(value);
    runKeychain(write, job, std::move(done));
}

void SecretStore::keychainDelete(SecretJob *job, const QString &entry, KeychainCallback done)
{
    auto *remove = new QKeychain::DeletePasswordJob(m_service, job);
    remove->setKey(entry);
    runKeychain(remove, job, std::move(done));
}

void SecretStore::probe(SecretJob *job, KeychainCallback done)
{
    keychainWrite(job, probeKey(), u"probe"_s,
                  [this, job, done](int code, const QString &detail, const QString &) {
                      if (code != QKeychain::NoError) {
                          done(code, detail, {});
                          return;
                      }
                      keychainDelete(job, probeKey(),
                                     [done](int, const QString &, const QString &) {
                                         done(QKeychain::NoError, {}, {});
                                     });
                  });
}

void SecretStore::afterRead(SecretJob *job, int code, const QString &detail, const QString &key)
{
    if (code == QKeychain::NoError && !key.isEmpty()) {
        succeed(job, key, SecretLocation::Keychain);
        return;
    }
    const KeychainIssue issue =
        code == QKeychain::NoError ? KeychainIssue::NotFound : classifyKeychainError(code, detail);
    if (issue != KeychainIssue::NotFound) {
        fail(job, issue, detail);
        return;
    }
    // A locked gnome-keyring also says "not found": only a keychain that can be written has
    // really no key.
    probe(job, [this, job, detail](int probeCode, const QString &probeDetail, const QString &) {
        if (probeCode == QKeychain::NoError) {
            fail(job, KeychainIssue::NotFound, detail);
            return;
        }
        KeychainIssue probeIssue = classifyKeychainError(probeCode, probeDetail);
        if (probeIssue == KeychainIssue::NotFound)
            probeIssue = KeychainIssue::Failed;
        fail(job, probeIssue, probeDetail);
    });
}

void SecretStore::afterWrite(SecretJob *job, const QString &key, int code, const QString &detail)
{
    if (code == QKeychain::NoError) {
        if (m_memory.remove(job->m_profileId) > 0)
            emit sessionKeysChanged();
        succeed(job, {}, SecretLocation::Keychain);
        return;
    }
    KeychainIssue issue = classifyKeychainError(code, detail);
    if (issue == KeychainIssue::NotFound)
        issue = KeychainIssue::Failed;
    if (!m_sessionFallback) {
        fail(job, issue, detail);
        return;
    }
    job->m_issue = issue;
    job->m_detail = detail;
    noteIssue(issue);
    emit keychainProblem(keychainError(job, issue, detail));
    m_memory.insert(job->m_profileId, key);
    emit sessionKeysChanged();
    QString text;
    switch (issue) {
    case KeychainIssue::Unavailable:
        text = tr("The key of profile “%1” is kept in memory for this run only, because no "
                  "keychain is available (%2). It is gone when nhconsole exits.");
        break;
    case KeychainIssue::Locked:
        text = tr("The key of profile “%1” is kept in memory for this run only, because the "
                  "keychain is locked (%2). It is gone when nhconsole exits.");
        break;
    case KeychainIssue::Denied:
        text = tr("The key of profile “%1” is kept in memory for this run only, because access "
                  "to the keychain was denied (%2). It is gone when nhconsole exits.");
        break;
    default:
        text = tr("The key of profile “%1” is kept in memory for this run only, because the "
                  "keychain reported an error (%2). It is gone when nhconsole exits.");
        break;
    }
    Warning w;
    w.message = text.arg(job->m_profileName, shownDetail(detail));
    succeed(job, {}, SecretLocation::Memory, {w});
}

void SecretStore::afterDeleteProbe(SecretJob *job, int code, const QString &detail)
{
    if (code == QKeychain::NoError) {
        keychainDelete(job, keychainKey(job->m_profileId),
                       [this, job](int deleteCode, const QString &deleteDetail, const QString &) {
                           const KeychainIssue issue =
                               classifyKeychainError(deleteCode, deleteDetail);
                           if (issue == KeychainIssue::None || issue == KeychainIssue::NotFound)
                               succeed(job, {}, SecretLocation::None);
                           else
                               fail(job, issue, deleteDetail);
                       });
        return;
    }
    KeychainIssue issue = classifyKeychainError(code, detail);
    if (issue == KeychainIssue::NotFound)
        issue = KeychainIssue::Failed;
    if (!m_sessionFallback) {
        fail(job, issue, detail);
        return;
    }
    // The user chose to work without the keychain: what this run kept is gone; say that an
    // older entry may still be there.
    job->m_issue = issue;
    job->m_detail = detail;
    noteIssue(issue);
    Warning w;
    w.message = tr("The key of profile “%1” is no longer kept in memory, but the keychain could "
                   "not be reached (%2), so a key saved there in an earlier run may remain.")
                    .arg(job->m_profileName, shownDetail(detail));
    succeed(job, {}, SecretLocation::None, {w});
}

void SecretStore::succeed(SecretJob *job, const QString &value, SecretLocation location,
                          const QList<Warning> &warnings)
{
    job->m_location = location;
    if (location == SecretLocation::Keychain)
        noteIssue(KeychainIssue::None);
    Result<QString> result(value);
    result.setWarnings(warnings);
    finish(job, result);
}

void SecretStore::fail(SecretJob *job, KeychainIssue issue, const QString &detail)
{
    job->m_issue = issue;
    job->m_detail = detail;
    job->m_location = SecretLocation::None;
    const Error error = keychainError(job, issue, detail);
    if (issue != KeychainIssue::NotFound) {
        noteIssue(issue);
        emit keychainProblem(error);
    }
    finish(job, Result<QString>(error));
}

void SecretStore::finish(SecretJob *job, const Result<QString> &result)
{
    if (job->m_finished)
        return;
    job->m_finished = true;
    qCInfo(lcStore) << "keychain" << int(job->m_operation) << keychainKey(job->m_profileId)
                    << (result.ok() ? "ok" : "failed") << "location" << int(job->m_location)
                    << "issue" << int(job->m_issue) << job->m_detail;
    emit job->finished(result);
    if (job->m_autoDelete)
        job->deleteLater();
}

void SecretStore::noteIssue(KeychainIssue issue)
{
    m_lastIssue = issue;
}

Error SecretStore::keychainError(const SecretJob *job, KeychainIssue issue,
                                 const QString &detail) const
{
    using Op = SecretJob::Operation;
    const Op op = job->m_operation;
    QString text;
    switch (issue) {
    case KeychainIssue::None:
    case KeychainIssue::NotFound:
        text = tr("No key is stored in the keychain for profile “%1”. Paste its connection "
                  "string again to store the key.");
        return makeError(ErrorCode::Keychain, text.arg(job->m_profileName), -1, 0,
                         keychainKey(job->m_profileId));
    case KeychainIssue::Unavailable:
        if (op == Op::Read)
            text = tr("No keychain is available, so the key of profile “%1” cannot be read "
                      "(%2). Start a Secret Service such as GNOME Keyring or KWallet and try "
                      "again, or paste the connection string again and keep the key in memory "
                      "for this run only.");
        else if (op == Op::Write)
            text = tr("No keychain is available, so the key of profile “%1” cannot be saved "
                      "(%2). Start a Secret Service such as GNOME Keyring or KWallet and try "
                      "again, or keep the key in memory for this run only.");
        else
            text = tr("No keychain is available, so the key of profile “%1” cannot be removed "
                      "from it (%2). Start a Secret Service such as GNOME Keyring or KWallet "
                      "and try again.");
        break;
    case KeychainIssue::Locked:
        if (op == Op::Read)
            text = tr("The keychain is locked, so the key of profile “%1” cannot be read (%2). "
                      "Unlock the keyring (for example in Passwords and Keys) and try again, or "
                      "paste the connection string again and keep the key in memory for this "
                      "run only.");
        else if (op == Op::Write)
            text = tr("The keychain is locked, so the key of profile “%1” cannot be saved "
                      "(%2). Unlock the keyring (for example in Passwords and Keys) and try "
                      "again, or keep the key in memory for this run only.");
        else
            text = tr("The keychain is locked, so the key of profile “%1” cannot be removed "
                      "(%2). Unlock the keyring (for example in Passwords and Keys) and try "
                      "again.");
        break;
    case KeychainIssue::Denied:
        if (op == Op::Read)
            text = tr("Access to the keychain was denied, so the key of profile “%1” cannot be "
                      "read (%2). Allow nhconsole to use the keychain and try again, or paste "
                      "the connection string again and keep the key in memory for this run "
                      "only.");
        else if (op == Op::Write)
            text = tr("Access to the keychain was denied, so the key of profile “%1” cannot be "
                      "saved (%2). Allow nhconsole to use the keychain and try again, or keep "
                      "the key in memory for this run only.");
        else
            text = tr("Access to the keychain was denied, so the key of profile “%1” cannot be "
                      "removed (%2). Allow nhconsole to use the keychain and try again.");
        break;
    case KeychainIssue::Failed:
        if (op == Op::Read)
            text = tr("The keychain could not read the key of profile “%1”: %2.");
        else if (op == Op::Write)
            text = tr("The keychain could not save the key of profile “%1”: %2.");
        else
            text = tr("The keychain could not remove the key of profile “%1”: %2.");
        break;
    }
    return makeError(ErrorCode::Keychain, text.arg(job->m_profileName, shownDetail(detail)), -1, 0,
                     keychainKey(job->m_profileId));
}

} // namespace Nh
