// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The real QtKeychain against a private keychain in each state tests/support/with_keyring.sh
// sets up (NH_KEYRING_MODE). Run bare, the suite makes its own sandbox without a session bus,
// so it never touches the keychain of the person running it.
#include "resultcheck.h"
#include "store/profilestore.h"
#include "store/secretstore.h"
#include "store/settings.h"

#include <QDirIterator>
#include <QRandomGenerator>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <optional>
#include <qt6keychain/keychain.h>

using namespace Qt::Literals::StringLiterals;
using Nh::KeychainIssue;
using Nh::SecretLocation;

namespace {

/** The entry the `seed` run stores and the `locked` run must not be able to read. */
constexpr QUuid kSeedId {0x5eed5eed, 0x0001, 0x4000, 0x80, 0, 0, 0, 0, 0, 0, 0x01};
const QString kSeedKey = u"c2VlZGVkLWtleS1mb3ItdGhlLWxvY2tlZC1rZXlyaW5nISE="_s;

QString randomKey()
{
    QByteArray bytes(32, Qt::Uninitialized);
    QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(bytes.data()),
                                          bytes.size() / int(sizeof(quint32)));
    return QString::fromLatin1(bytes.toBase64());
}

struct Finished
{
    std::optional<Nh::Result<QString>> result;
    SecretLocation location = SecretLocation::None;
    KeychainIssue issue = KeychainIssue::None;
    bool finishedBeforeReturn = false;
};

/** Waits for `job`; the contract says finished() never comes from inside the call. */
Finished await(Nh::SecretJob *job)
{
    Finished f;
    f.finishedBeforeReturn = job->isFinished();
    job->setAutoDelete(false);
    QObject::connect(job, &Nh::SecretJob::finished, job, [&f, job](const Nh::Result<QString> &r) {
        f.result = r;
        f.location = job->location();
        f.issue = job->issue();
    });
    if (!QTest::qWaitFor([&f] { return f.result.has_value(); }, 20000))
        qWarning("keychain job did not finish within 20 s");
    delete job;
    return f;
}

std::optional<Nh::Status> awaitProfileJob(Nh::ProfileJob *job, Nh::ProfileJob **keep = nullptr)
{
    std::optional<Nh::Status> status;
    job->setAutoDelete(keep == nullptr);
    QObject::connect(job, &Nh::ProfileJob::finished, job,
                     [&status](const Nh::Status &s) { status = s; });
    if (!QTest::qWaitFor([&status] { return status.has_value(); }, 20000))
        qWarning("profile job did not finish within 20 s");
    if (keep)
        *keep = job;
    return status;
}

struct Raw
{
    int code = -1;
    QString text;
};

/** QtKeychain directly, to see what is really in the keychain. */
Raw rawRead(const QString &entry)
{
    auto *job = new QKeychain::ReadPasswordJob(Nh::SecretStore::kService.toString());
    job->setKey(entry);
    job->setInsecureFallback(false);
    Raw raw;
    bool done = false;
    QObject::connect(job, &QKeychain::Job::finished, job, [&](QKeychain::Job *) {
        raw.code = int(job->error());
        raw.text = job->textData();
        done = true;
    });
    job->start();
    if (!QTest::qWaitFor([&done] { return done; }, 20000))
        qWarning("raw keychain read did not finish within 20 s");
    return raw;
}

} // namespace

class TestSecretStore final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void classifiesKeychainErrors_data();
    void classifiesKeychainErrors();
    void namesEntries();
    void sessionKeysFinishLater();

    void seedForLockedRun();
    void roundTripThroughTheKeychain();
    void keychainWriteDropsSessionCopy();
    void unavailableKeychainSaysSoAndFallsBack();
    void lockedKeychainIsNotMistakenForNoKey();
    void profilesKeepTheirKeysInTheKeychain();
    void profilesWithoutAKeychain();

    void noKeyEverReachesAFile();

private:
    bool isMode(std::initializer_list<QStringView> modes) const;
    bool unavailable() const
    {
        return isMode({u"self", u"no-bus", u"no-service", u"kwallet-no-bus"});
    }
    bool locked() const { return isMode({u"locked", u"uninitialised"}); }
    void checkNoKeyOnDisk();

    QString m_mode;
    QString m_home;
    std::optional<QTemporaryDir> m_selfSandbox;
    QStringList m_keys;
};

bool TestSecretStore::isMode(std::initializer_list<QStringView> modes) const
{
    return std::any_of(modes.begin(), modes.end(), [this](QStringView m) { return m_mode == m; });
}

void TestSecretStore::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_mode = qEnvironmentVariable("NH_KEYRING_MODE");
    if (m_mode.isEmpty()) {
        // Run by hand or by the bare ctest entry: a sandbox with no session bus.
        m_mode = u"self"_s;
        m_selfSandbox.emplace();
        QVERIFY(m_selfSandbox->isValid());
        m_home = m_selfSandbox->path() + u"/home"_s;
        QVERIFY(QDir().mkpath(m_home));
        qputenv("HOME", m_home.toUtf8());
        qputenv("DBUS_SESSION_BUS_ADDRESS",
                (u"unix:path="_s + m_selfSandbox->path() + u"/no-such-bus"_s).toUtf8());
        for (const char *name : {"DISPLAY", "WAYLAND_DISPLAY", "XDG_CURRENT_DESKTOP",
                                 "KDE_SESSION_VERSION", "KDE_FULL_SESSION"})
            qunsetenv(name);
    } else {
        m_home = qEnvironmentVariable("NH_KEYRING_HOME");
        QVERIFY2(!m_home.isEmpty() && QDir::homePath() == m_home,
                 "with_keyring.sh must set HOME and NH_KEYRING_HOME to its sandbox");
    }
    qInfo("keychain mode: %s, sandbox home %s", qPrintable(m_mode), qPrintable(m_home));
}

void TestSecretStore::cleanupTestCase()
{
    if (m_selfSandbox)
        qunsetenv("DBUS_SESSION_BUS_ADDRESS");
}

void TestSecretStore::classifiesKeychainErrors_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("detail");
    QTest::addColumn<KeychainIssue>("issue");

    // The texts QtKeychain 0.13.2 gave in each state (docs/toolchain.md §5 and with_keyring.sh).
    QTest::newRow("ok") << int(QKeychain::NoError) << QString() << KeychainIssue::None;
    QTest::newRow("not found") << int(QKeychain::EntryNotFound) << u"Entry not found"_s
                               << KeychainIssue::NotFound;
    QTest::newRow("locked collection (libsecret IS_LOCKED)")
        << int(QKeychain::AccessDenied) << u"Cannot create an item in a locked collection"_s
        << KeychainIssue::Locked;
    QTest::newRow("no default collection, prompt failed")
        << int(QKeychain::OtherError)
        << u"Object does not exist at path “/org/freedesktop/secrets/collection/login”"_s
        << KeychainIssue::Locked;
    QTest::newRow("bus without Secret Service")
        << int(QKeychain::OtherError)
        << u"The name org.freedesktop.secrets was not provided by any .service files"_s
        << KeychainIssue::Unavailable;
    QTest::newRow("bus address points nowhere")
        << int(QKeychain::OtherError) << u"Could not connect: No such file or directory"_s
        << KeychainIssue::Unavailable;
    QTest::newRow("no bus address, no X11")
        << int(QKeychain::OtherError) << u"Cannot autolaunch D-Bus without X11 $DISPLAY"_s
        << KeychainIssue::Unavailable;
    QTest::newRow("KWallet path without a bus")
        << int(QKeychain::OtherError)
        << u"Could not open wallet: org.freedesktop.DBus.Error.NoServer; D-Bus is not running"_s
        << KeychainIssue::Unavailable;
    QTest::newRow("no backend") << int(QKeychain::NoBackendAvailable)
                                << u"No keychain service available"_s << KeychainIssue::Unavailable;
    QTest::newRow("denied by user")
        << int(QKeychain::AccessDeniedByUser) << u"Denied"_s << KeychainIssue::Denied;
    QTest::newRow("denied otherwise")
        << int(QKeychain::AccessDenied) << u"Access to keychain denied"_s << KeychainIssue::Denied;
    QTest::newRow("could not delete")
        << int(QKeychain::CouldNotDeleteEntry) << u"Failed"_s << KeychainIssue::Failed;
    QTest::newRow("unknown other error")
        << int(QKeychain::OtherError) << u"Unknown error"_s << KeychainIssue::Failed;
}

void TestSecretStore::classifiesKeychainErrors()
{
    QFETCH(int, code);
    QFETCH(QString, detail);
    QFETCH(KeychainIssue, issue);
    QCOMPARE(Nh::classifyKeychainError(code, detail), issue);
}

void TestSecretStore::namesEntries()
{
    const QUuid id = QUuid::fromString(u"{0b5c6a2e-1d7f-4c35-9a8e-3f1b2c4d5e6f}"_s);
    QCOMPARE(Nh::SecretStore::keychainKey(id),
             u"profile/0b5c6a2e-1d7f-4c35-9a8e-3f1b2c4d5e6f/sas-key"_s);
    QCOMPARE(Nh::SecretStore::kService, u"nhconsole");
    Nh::SecretStore store;
    QCOMPARE(store.service(), u"nhconsole"_s);
    QVERIFY(!store.sessionFallbackEnabled());
}

void TestSecretStore::sessionKeysFinishLater()
{
    Nh::SecretStore store;
    const QUuid id = QUuid::createUuid();
    const QString key = randomKey();
    m_keys.append(key);
    QSignalSpy keysChanged(&store, &Nh::SecretStore::sessionKeysChanged);
    store.keepInMemory(id, key);
    QCOMPARE(keysChanged.size(), 1);
    QVERIFY(store.hasSessionKey(id));
    QCOMPARE(store.sessionKeyIds(), QList<QUuid> {id});

    const Finished f = await(store.readKey(id, u"Memory only"_s));
    QVERIFY2(!f.finishedBeforeReturn, "finished() must not come from inside readKey()");
    QVERIFY(f.result.has_value());
    QVERIFY(f.result->ok());
    QCOMPARE(f.result->value(), key);
    QCOMPARE(f.location, SecretLocation::Memory);

    store.forgetSessionKeys();
    QCOMPARE(keysChanged.size(), 2);
    QVERIFY(!store.hasSessionKey(id));
}

void TestSecretStore::seedForLockedRun()
{
    if (m_mode != u"seed")
        QSKIP("only the first run of `with_keyring.sh locked` seeds the keyring");
    Nh::SecretStore store;
    const Finished f = await(store.writeKey(kSeedId, u"Seed"_s, kSeedKey));
    QVERIFY(f.result.has_value());
    NH_VERIFY_OK(*f.result);
    QCOMPARE(f.location, SecretLocation::Keychain);
    QCOMPARE(rawRead(Nh::SecretStore::keychainKey(kSeedId)).text, kSeedKey);
}

void TestSecretStore::roundTripThroughTheKeychain()
{
    if (m_mode != u"unlocked")
        QSKIP("needs an unlocked keychain");
    Nh::SecretStore store;
    QSignalSpy problems(&store, &Nh::SecretStore::keychainProblem);
    const QUuid id = QUuid::createUuid();
    const QString entry = Nh::SecretStore::keychainKey(id);
    const QString first = randomKey();
    const QString second = randomKey();
    m_keys << first << second;

    Finished f = await(store.writeKey(id, u"Contoso prod"_s, first));
    QVERIFY2(!f.finishedBeforeReturn, "finished() must not come from inside writeKey()");
    NH_VERIFY_OK(*f.result);
    QCOMPARE(f.location, SecretLocation::Keychain);
    QCOMPARE(f.issue, KeychainIssue::None);
    QVERIFY(f.result->warnings().isEmpty());
    const Raw stored = rawRead(entry);
    QCOMPARE(stored.code, int(QKeychain::NoError));
    QCOMPARE(stored.text, first);
    QVERIFY(!store.hasSessionKey(id));

    f = await(store.readKey(id, u"Contoso prod"_s));
    QVERIFY(f.result->ok());
    QCOMPARE(f.result->value(), first);
    QCOMPARE(f.location, SecretLocation::Keychain);

    f = await(store.writeKey(id, u"Contoso prod"_s, second));
    QVERIFY(f.result->ok());
    f = await(store.readKey(id, u"Contoso prod"_s));
    QCOMPARE(f.result->value(), second);

    f = await(store.deleteKey(id, u"Contoso prod"_s));
    NH_VERIFY_OK(*f.result);
    QCOMPARE(rawRead(entry).code, int(QKeychain::EntryNotFound));
    // The probe entry that tells "locked" from "not found" does not stay behind.
    QCOMPARE(rawRead(Nh::SecretStore::probeKey()).code, int(QKeychain::EntryNotFound));

    f = await(store.readKey(id, u"Contoso prod"_s));
    QVERIFY(!f.result->ok());
    QCOMPARE(f.issue, KeychainIssue::NotFound);
    QCOMPARE(f.result->error().code, Nh::ErrorCode::Keychain);
    QCOMPARE(f.result->error().where, entry);
    QVERIFY2(f.result->error().message.contains(u"No key is stored in the keychain for profile "
                                                u"“Contoso prod”"_s),
             qPrintable(f.result->error().message));
    QCOMPARE(rawRead(Nh::SecretStore::probeKey()).code, int(QKeychain::EntryNotFound));

    // Deleting what is not there is not an error.
    f = await(store.deleteKey(id, u"Contoso prod"_s));
    QVERIFY(f.result->ok());
    QCOMPARE(problems.size(), 0);
    QCOMPARE(store.lastIssue(), KeychainIssue::None);
    checkNoKeyOnDisk();
}

void TestSecretStore::keychainWriteDropsSessionCopy()
{
    if (m_mode != u"unlocked")
        QSKIP("needs an unlocked keychain");
    Nh::SecretStore store;
    const QUuid id = QUuid::createUuid();
    const QString inMemory = randomKey();
    const QString inKeychain = randomKey();
    m_keys << inMemory << inKeychain;
    store.keepInMemory(id, inMemory);
    Finished f = await(store.writeKey(id, u"P"_s, inKeychain));
    QVERIFY(f.result->ok());
    QVERIFY2(!store.hasSessionKey(id), "the keychain copy replaces the one in memory");
    f = await(store.readKey(id, u"P"_s));
    QCOMPARE(f.result->value(), inKeychain);
    QCOMPARE(f.location, SecretLocation::Keychain);
    QVERIFY(await(store.deleteKey(id, u"P"_s)).result->ok());
}

void TestSecretStore::unavailableKeychainSaysSoAndFallsBack()
{
    if (!unavailable())
        QSKIP("needs a mode without a keychain");
    Nh::SecretStore store;
    QSignalSpy problems(&store, &Nh::SecretStore::keychainProblem);
    QSignalSpy fallbackChanged(&store, &Nh::SecretStore::sessionFallbackChanged);
    const QUuid id = QUuid::createUuid();
    const QString key = randomKey();
    m_keys << key;

    Finished f = await(store.writeKey(id, u"Contoso prod"_s, key));
    QVERIFY(f.result.has_value());
    QVERIFY(!f.result->ok());
    QCOMPARE(f.issue, KeychainIssue::Unavailable);
    QCOMPARE(f.location, SecretLocation::None);
    const Nh::Error &e = f.result->error();
    QCOMPARE(e.where, Nh::SecretStore::keychainKey(id));
    QVERIFY2(e.message.startsWith(u"No keychain is available, so the key of profile "
                                  u"“Contoso prod” cannot be saved ("_s),
             qPrintable(e.message));
    QVERIFY2(e.message.contains(u"keep the key in memory for this run only"_s),
             qPrintable(e.message));
    QVERIFY2(!e.message.contains(key), "an error must never quote the key");
    QCOMPARE(problems.size(), 1);
    QCOMPARE(problems.at(0).at(0).value<Nh::Error>().message, e.message);
    QCOMPARE(store.lastIssue(), KeychainIssue::Unavailable);
    QVERIFY(!store.hasSessionKey(id));

    f = await(store.readKey(id, u"Contoso prod"_s));
    QVERIFY(!f.result->ok());
    QCOMPARE(f.issue, KeychainIssue::Unavailable);
    QVERIFY2(f.result->error().message.startsWith(u"No keychain is available, so the key of "
                                                  u"profile “Contoso prod” cannot be read"_s),
             qPrintable(f.result->error().message));

    f = await(store.deleteKey(id, u"Contoso prod"_s));
    QVERIFY(!f.result->ok());
    QCOMPARE(f.issue, KeychainIssue::Unavailable);

    // The user opts in: the key is kept for this run, and the job says so.
    store.setSessionFallbackEnabled(true);
    QCOMPARE(fallbackChanged.size(), 1);
    QVERIFY(store.sessionFallbackEnabled());
    f = await(store.writeKey(id, u"Contoso prod"_s, key));
    QVERIFY(f.result->ok());
    QCOMPARE(f.location, SecretLocation::Memory);
    QCOMPARE(f.issue, KeychainIssue::Unavailable);
    QCOMPARE(f.result->warnings().size(), 1);
    QVERIFY2(f.result->warnings().at(0).message.startsWith(
                 u"The key of profile “Contoso prod” is kept in memory for this run only, "
                 u"because no keychain is available"_s),
             qPrintable(f.result->warnings().at(0).message));
    QVERIFY(store.hasSessionKey(id));

    f = await(store.readKey(id, u"Contoso prod"_s));
    QVERIFY(f.result->ok());
    QCOMPARE(f.result->value(), key);
    QCOMPARE(f.location, SecretLocation::Memory);

    f = await(store.deleteKey(id, u"Contoso prod"_s));
    QVERIFY(f.result->ok());
    QCOMPARE(f.result->warnings().size(), 1);
    QVERIFY2(f.result->warnings().at(0).message.contains(u"may remain"_s),
             qPrintable(f.result->warnings().at(0).message));
    QVERIFY(!store.hasSessionKey(id));
    f = await(store.readKey(id, u"Contoso prod"_s));
    QVERIFY(!f.result->ok());
    QCOMPARE(f.issue, KeychainIssue::Unavailable);

    // QtKeychain's own insecure fallback stays off: its plain-text store would be
    // ~/.config/nhconsole.conf (the KWallet path of kwallet-no-bus).
    QVERIFY(!QFile::exists(m_home + u"/.config/nhconsole.conf"_s));
    checkNoKeyOnDisk();
}

void TestSecretStore::lockedKeychainIsNotMistakenForNoKey()
{
    if (!locked())
        QSKIP("needs a locked keychain");
    Nh::SecretStore store;
    const QUuid id = QUuid::createUuid();
    const QString key = randomKey();
    m_keys << key << kSeedKey;

    Finished f = await(store.writeKey(id, u"Staging"_s, key));
    QVERIFY(!f.result->ok());
    QCOMPARE(f.issue, KeychainIssue::Locked);
    QVERIFY2(f.result->error().message.startsWith(
                 u"The keychain is locked, so the key of profile “Staging” cannot be saved ("_s),
             qPrintable(f.result->error().message));
    QVERIFY2(f.result->error().message.contains(u"keep the key in memory for this run only"_s),
             qPrintable(f.result->error().message));

    // gnome-keyring answers a read of a locked keyring with "not found"; the store must not.
    const QUuid readId = m_mode == u"locked" ? kSeedId : id;
    f = await(store.readKey(readId, u"Seeded"_s));
    QVERIFY(!f.result->ok());
    QCOMPARE(f.issue, KeychainIssue::Locked);
    QVERIFY2(f.result->error().message.startsWith(
                 u"The keychain is locked, so the key of profile “Seeded” cannot be read"_s),
             qPrintable(f.result->error().message));

    // ... and a delete with "done" while it removed nothing.
    f = await(store.deleteKey(readId, u"Seeded"_s));
    QVERIFY(!f.result->ok());
    QCOMPARE(f.issue, KeychainIssue::Locked);
    QVERIFY2(f.result->error().message.startsWith(
                 u"The keychain is locked, so the key of profile “Seeded” cannot be removed"_s),
             qPrintable(f.result->error().message));

    store.setSessionFallbackEnabled(true);
    f = await(store.writeKey(id, u"Staging"_s, key));
    QVERIFY(f.result->ok());
    QCOMPARE(f.location, SecretLocation::Memory);
    QCOMPARE(f.issue, KeychainIssue::Locked);
    QVERIFY2(f.result->warnings().value(0).message.contains(u"because the keychain is locked"_s),
             qPrintable(f.result->warnings().value(0).message));
    checkNoKeyOnDisk();
}

void TestSecretStore::profilesKeepTheirKeysInTheKeychain()
{
    if (m_mode != u"unlocked")
        QSKIP("needs an unlocked keychain");
    const QString key = randomKey();
    m_keys << key;
    auto settings = Nh::Settings::openUserSettings();
    QVERIFY(settings->fileName().startsWith(m_home));
    Nh::SecretStore secrets;
    Nh::ProfileStore store(settings.get(), &secrets);

    const QString text = u"Endpoint=sb://contoso.servicebus.windows.net/;SharedAccessKeyName="
                         u"DefaultFullSharedAccessSignature;SharedAccessKey="_s
        + key;
    const auto draft = Nh::ProfileStore::fromConnectionString(text, u"orders"_s);
    QVERIFY(draft.ok());
    Nh::ProfileJob *kept = nullptr;
    auto status = awaitProfileJob(store.create(draft->profile, draft->key), &kept);
    QVERIFY(status.has_value());
    NH_VERIFY_OK(*status);
    QCOMPARE(kept->keyLocation(), SecretLocation::Keychain);
    delete kept;
    const QUuid id = draft->profile.id;
    QCOMPARE(rawRead(Nh::SecretStore::keychainKey(id)).text, key);

    // A copy has its own entry with the same key.
    status = awaitProfileJob(store.duplicate(id), &kept);
    NH_VERIFY_OK(*status);
    const QUuid copyId = kept->profileIds().value(0);
    delete kept;
    QCOMPARE(store.profile(copyId)->name, u"contoso/orders (copy)"_s);
    QCOMPARE(rawRead(Nh::SecretStore::keychainKey(copyId)).text, key);

    // Exports carry keys only when asked, and then say so.
    status =
        awaitProfileJob(store.exportProfiles({id}, Nh::ProfileStore::KeyExport::Without), &kept);
    QVERIFY(status->ok());
    QVERIFY(!kept->data().contains(key.toUtf8()));
    delete kept;
    status = awaitProfileJob(store.exportProfiles({id}, Nh::ProfileStore::KeyExport::With), &kept);
    QVERIFY(status->ok());
    QVERIFY(kept->data().contains(key.toUtf8()));
    QVERIFY(kept->data().contains("\"containsKeys\": true"));
    QVERIFY2(status->warnings().value(0).message.contains(u"in plain text"_s),
             qPrintable(status->warnings().value(0).message));
    delete kept;

    // Deleting a profile deletes its keychain entry.
    status = awaitProfileJob(store.remove(copyId));
    NH_VERIFY_OK(*status);
    QVERIFY(!store.profile(copyId));
    QCOMPARE(rawRead(Nh::SecretStore::keychainKey(copyId)).code, int(QKeychain::EntryNotFound));
    QCOMPARE(rawRead(Nh::SecretStore::keychainKey(id)).text, key);
    status = awaitProfileJob(store.remove(id));
    QVERIFY(status->ok());
    QCOMPARE(rawRead(Nh::SecretStore::keychainKey(id)).code, int(QKeychain::EntryNotFound));
    settings->sync();
    checkNoKeyOnDisk();
}

void TestSecretStore::profilesWithoutAKeychain()
{
    if (!unavailable() && !locked())
        QSKIP("needs a keychain that cannot be used");
    const QString key = randomKey();
    m_keys << key;
    auto settings = Nh::Settings::openUserSettings();
    Nh::SecretStore secrets;
    Nh::ProfileStore store(settings.get(), &secrets);
    const KeychainIssue expected = locked() ? KeychainIssue::Locked : KeychainIssue::Unavailable;

    Nh::Profile p;
    p.name = u"Fabrikam test"_s;
    p.host = u"fabrikam.servicebus.windows.net"_s;
    p.hub = u"alerts"_s;
    p.keyName = u"DefaultFullSharedAccessSignature"_s;
    const int before = store.count();

    Nh::ProfileJob *kept = nullptr;
    auto status = awaitProfileJob(store.create(p, key), &kept);
    QVERIFY(!status->ok());
    QCOMPARE(kept->issue(), expected);
    delete kept;
    QCOMPARE(store.count(), before);
    QVERIFY2(status->error().message.contains(u"“Fabrikam test”"_s),
             qPrintable(status->error().message));

    secrets.setSessionFallbackEnabled(true);
    status = awaitProfileJob(store.create(p, key), &kept);
    NH_VERIFY_OK(*status);
    QCOMPARE(kept->keyLocation(), SecretLocation::Memory);
    const QUuid id = kept->profileIds().value(0);
    delete kept;
    QCOMPARE(store.count(), before + 1);
    QVERIFY(secrets.hasSessionKey(id));
    QCOMPARE(status->warnings().size(), 1);

    // Without the fallback a delete that cannot reach the keychain keeps the profile.
    secrets.setSessionFallbackEnabled(false);
    status = awaitProfileJob(store.remove(id));
    QVERIFY(!status->ok());
    QVERIFY2(status->error().message.startsWith(u"Profile “Fabrikam test” was not deleted."_s),
             qPrintable(status->error().message));
    QVERIFY(store.profile(id).has_value());

    secrets.setSessionFallbackEnabled(true);
    status = awaitProfileJob(store.remove(id));
    NH_VERIFY_OK(*status);
    QVERIFY(!store.profile(id).has_value());
    settings->sync();
    checkNoKeyOnDisk();
}

void TestSecretStore::noKeyEverReachesAFile()
{
    if (m_keys.isEmpty())
        QSKIP("no key was handled in this mode");
    checkNoKeyOnDisk();
}

void TestSecretStore::checkNoKeyOnDisk()
{
    // Every file in the sandbox home: settings, QStandardPaths' config/data/cache (test mode
    // puts them under ~/.qttest) and the keyring itself, which must hold keys only encrypted.
    QList<QByteArray> needles;
    for (const QString &key : std::as_const(m_keys)) {
        needles << key.toUtf8() << key.left(16).toUtf8() << QUrl::toPercentEncoding(key)
                << key.toUtf8().toBase64()
                << QByteArray(reinterpret_cast<const char *>(key.utf16()), key.size() * 2);
    }
    int files = 0;
    QDirIterator it(m_home, QDir::Files | QDir::Hidden | QDir::System,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QByteArray content = f.readAll();
        ++files;
        for (const QByteArray &needle : std::as_const(needles)) {
            QVERIFY2(!content.contains(needle), qPrintable(u"a key was written to "_s + path));
        }
    }
    qInfo("scanned %d files under %s", files, qPrintable(m_home));
}

QTEST_GUILESS_MAIN(TestSecretStore)
#include "tst_secretstore.moc"
