// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// ProfileStore and ProfileModel (issue #6) over a QSettings file in a temporary directory and a
// real SecretStore. The keychain paths run under tests/support/with_keyring.sh: `unlocked` (the
// keys really go to gnome-keyring) and `no-service` (no keychain: keys in memory for this run
// only, and saying so). Run bare, the suite covers everything that needs no keychain and skips
// the rest.
#include "models/profilemodel.h"
#include "resultcheck.h"
#include "store/profilestore.h"
#include "store/secretstore.h"

#include <QAbstractItemModelTester>
#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <functional>
#include <memory>
#include <optional>

using namespace Qt::Literals::StringLiterals;
using namespace Nh;

namespace {

// 32 random bytes, base64, as the portal issues them; two of them to tell them apart.
const QString kKey = u"q8Xr1mB0mC3v4kqk0f3n2oQ3m3nB7Xb1Kk9j1oP8t0E="_s;
const QString kOtherKey = u"Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0Z2FycGw="_s;
const QString kRule = u"DefaultFullSharedAccessSignature"_s;

QString connectionText(const QString &key = kKey, const QString &extra = {})
{
    return u"Endpoint=sb://contoso.servicebus.windows.net/;SharedAccessKeyName="_s + kRule
        + u";SharedAccessKey="_s + key + extra;
}

Profile hubProfile(const QString &name)
{
    Profile p;
    p.name = name;
    p.host = u"contoso.servicebus.windows.net"_s;
    p.hub = u"orders"_s;
    p.keyName = kRule;
    return p;
}

/** Waits for a job; returns the status and keeps the job for its accessors. */
struct JobResult
{
    std::optional<Status> status;
    std::unique_ptr<ProfileJob> job;
    bool finishedInsideCall = false;
};

JobResult await(ProfileJob *job)
{
    JobResult r;
    r.finishedInsideCall = job->isFinished();
    job->setAutoDelete(false);
    QObject::connect(job, &ProfileJob::finished, job, [&r](const Status &s) { r.status = s; });
    if (!QTest::qWaitFor([&r] { return r.status.has_value(); }, 20000))
        qWarning("profile job did not finish within 20 s");
    job->setParent(nullptr);
    r.job.reset(job);
    return r;
}

struct KeyRead
{
    std::optional<Result<QString>> result;
    KeychainIssue issue = KeychainIssue::None;
    SecretLocation location = SecretLocation::None;
};

KeyRead readKey(SecretStore &secrets, const QUuid &id)
{
    KeyRead r;
    SecretJob *job = secrets.readKey(id, u"read back"_s);
    job->setAutoDelete(false);
    QObject::connect(job, &SecretJob::finished, job, [&r, job](const Result<QString> &res) {
        r.result = res;
        r.issue = job->issue();
        r.location = job->location();
    });
    if (!QTest::qWaitFor([&r] { return r.result.has_value(); }, 20000))
        qWarning("keychain read did not finish within 20 s");
    delete job;
    return r;
}

QJsonObject jsonObject(const QByteArray &bytes)
{
    return QJsonDocument::fromJson(bytes).object();
}

QByteArray exportWith(const std::function<void(QJsonObject &)> &edit)
{
    QJsonObject p {{u"name"_s, u"Orders"_s},
                   {u"kind"_s, u"hub"_s},
                   {u"host"_s, u"contoso.servicebus.windows.net"_s},
                   {u"port"_s, -1},
                   {u"hub"_s, u"orders"_s},
                   {u"keyName"_s, kRule},
                   {u"apiVersion"_s, u"2020-06"_s},
                   {u"timeoutMs"_s, 30000},
                   {u"production"_s, false}};
    QJsonObject root {{u"format"_s, u"nhconsole-profiles"_s},
                      {u"version"_s, 1},
                      {u"containsKeys"_s, false},
                      {u"profiles"_s, QJsonArray {p, p, p}}};
    edit(root);
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

/** Replaces member `field` of profiles[index] (an undefined value removes it). */
std::function<void(QJsonObject &)> setField(int index, const QString &field, const QJsonValue &v)
{
    return [=](QJsonObject &root) {
        QJsonArray list = root.value(u"profiles"_s).toArray();
        QJsonObject p = list.at(index).toObject();
        if (v.isUndefined())
            p.remove(field);
        else
            p.insert(field, v);
        list.replace(index, p);
        root.insert(u"profiles"_s, list);
    };
}

} // namespace

class TestProfileStore final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    // No keychain needed.
    void fromConnectionString_data();
    void fromConnectionString();
    void validateNamesTheField_data();
    void validateNamesTheField();
    void namesAreUnique();
    void findByNameOrId();
    void builtInEmulatorProfile();
    void reloadSeesAnotherSettingsObject();
    void exportJsonWithoutKeys();
    void parseExportErrors_data();
    void parseExportErrors();
    void importMakesNamesUnique();
    void profileModel();
    void profileFilterModel();

    // The keychain.
    void keysGoToTheKeychain();
    void exportsSayWhenTheyHoldKeys();
    void importStoresKeys();
    void noKeychainKeepsKeysInMemory();
    void noKeyInTheSettingsFile();

private:
    bool keychainMode(QStringView mode) const { return m_mode == mode; }
    std::unique_ptr<QSettings> openSettings() const
    {
        return std::make_unique<QSettings>(m_settingsPath, QSettings::IniFormat);
    }

    QString m_mode;
    QTemporaryDir m_dir;
    QString m_settingsPath;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<SecretStore> m_secrets;
    std::unique_ptr<ProfileStore> m_store;
    QStringList m_keysUsed;
};

void TestProfileStore::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    m_mode = qEnvironmentVariable("NH_KEYRING_MODE");
    qInfo("keychain mode: %s", m_mode.isEmpty() ? "none (bare run)" : qPrintable(m_mode));
}

void TestProfileStore::init()
{
    static int run = 0;
    m_settingsPath = m_dir.filePath(u"settings-%1.conf"_s.arg(++run));
    m_settings = openSettings();
    m_secrets = std::make_unique<SecretStore>();
    m_store = std::make_unique<ProfileStore>(m_settings.get(), m_secrets.get());
}

void TestProfileStore::cleanup()
{
    m_store.reset();
    m_secrets.reset();
    m_settings.reset();
}

// --- no keychain ---

void TestProfileStore::fromConnectionString_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("hub");
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("code"); // -1: success
    QTest::addColumn<QString>("where");
    QTest::addColumn<QString>("at"); // the text Error::offset must point at
    QTest::addColumn<QString>("fragment"); // in the message, or in the first warning
    QTest::addColumn<QString>("expectedHub");
    QTest::addColumn<QString>("expectedName");
    QTest::addColumn<int>("warnings");

    QTest::newRow("default name is namespace/hub")
        << connectionText() << u"orders"_s << QString() << -1 << QString() << QString() << QString()
        << u"orders"_s << u"contoso/orders"_s << 0;
    QTest::newRow("explicit name is trimmed")
        << connectionText() << u" orders "_s << u"  Contoso prod "_s << -1 << QString() << QString()
        << QString() << u"orders"_s << u"Contoso prod"_s << 0;
    QTest::newRow("EntityPath gives the hub, with a warning")
        << connectionText(kKey, u";EntityPath=alerts"_s) << QString() << QString() << -1
        << QString() << QString() << u"taken from the connection string's EntityPath"_s
        << u"alerts"_s << u"contoso/alerts"_s << 1; // the store's replaces the parser's
    QTest::newRow("explicit hub beats EntityPath")
        << connectionText(kKey, u";EntityPath=alerts"_s) << u"orders"_s << QString() << -1
        << QString() << QString() << u"EntityPath"_s << u"orders"_s << u"contoso/orders"_s << 1;
    QTest::newRow("key not base64, located")
        << connectionText(u"abc!defg"_s) << u"orders"_s << QString() << int(ErrorCode::InvalidValue)
        << u"SharedAccessKey"_s << u"!defg"_s << u"not base64"_s << QString() << QString() << 0;
    QTest::newRow("no key")
        << u"Endpoint=sb://contoso.servicebus.windows.net/;SharedAccessKeyName=x"_s << u"orders"_s
        << QString() << int(ErrorCode::MissingField) << u"SharedAccessKey"_s << QString()
        << u"has no SharedAccessKey"_s << QString() << QString() << 0;
    QTest::newRow("empty text") << QString() << u"orders"_s << QString() << int(ErrorCode::Empty)
                                << QString() << QString() << u"empty"_s << QString() << QString()
                                << 0;
    QTest::newRow("no hub anywhere")
        << connectionText() << u"  "_s << QString() << int(ErrorCode::EmptyField) << u"hub"_s
        << QString() << u"Enter the hub name"_s << QString() << QString() << 0;
    QTest::newRow("hub with a slash")
        << connectionText() << u"orders/eu"_s << QString() << int(ErrorCode::InvalidValue)
        << u"hub"_s << QString() << u"“contoso/orders/eu”"_s << QString() << QString() << 0;
}

void TestProfileStore::fromConnectionString()
{
    QFETCH(QString, text);
    QFETCH(QString, hub);
    QFETCH(QString, name);
    QFETCH(int, code);
    QFETCH(QString, where);
    QFETCH(QString, at);
    QFETCH(QString, fragment);
    QFETCH(QString, expectedHub);
    QFETCH(QString, expectedName);
    QFETCH(int, warnings);

    const auto r = ProfileStore::fromConnectionString(text, hub, name);
    if (code >= 0) {
        QVERIFY2(!r.ok(), "the connection string was accepted");
        const Error &e = r.error();
        QCOMPARE(int(e.code), code);
        QCOMPARE(e.where, where);
        QVERIFY2(e.message.contains(fragment), qPrintable(e.message));
        QVERIFY2(!e.message.contains(kKey), "the message quotes the key");
        if (!at.isEmpty()) {
            QVERIFY2(e.offset >= 0, "the error has no position");
            QCOMPARE(text.mid(e.offset, at.size()), at);
            QVERIFY2(e.message.contains(u"position %1"_s.arg(e.offset + 1)), qPrintable(e.message));
        }
        return;
    }
    NH_VERIFY_OK(r);
    const Profile &p = r->profile;
    QVERIFY(!p.id.isNull());
    QCOMPARE(p.kind, ProfileKind::Hub);
    QCOMPARE(p.host, u"contoso.servicebus.windows.net"_s);
    QCOMPARE(p.port, -1);
    QCOMPARE(p.keyName, kRule);
    QCOMPARE(p.hub, expectedHub);
    QCOMPARE(p.name, expectedName);
    QCOMPARE(p.endpoint(), u"sb://contoso.servicebus.windows.net/"_s);
    QCOMPARE(r->key, kKey);
    QCOMPARE(r.warnings().size(), warnings);
    if (expectedHub == u"alerts"_s) {
        // It keeps the parser's place of the EntityPath.
        QCOMPARE(text.mid(r.warnings().first().offset, 10), u"EntityPath"_s);
    }
    if (!fragment.isEmpty()) {
        QVERIFY2(std::any_of(r.warnings().cbegin(), r.warnings().cend(),
                             [&](const Warning &w) { return w.message.contains(fragment); }),
                 qPrintable(r.warnings().value(0).message));
    }
    // The draft is saved by create(), not here.
    QCOMPARE(m_store->count(), 1);
}

void TestProfileStore::validateNamesTheField_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<int>("code");
    QTest::addColumn<int>("offset"); // -1: none
    QTest::addColumn<QString>("fragment");

    QTest::newRow("empty name") << u"name"_s << QVariant(u"   "_s) << int(ErrorCode::EmptyField)
                                << -1 << u"needs a name"_s;
    QTest::newRow("long name") << u"name"_s << QVariant(QString(101, u'n'))
                               << int(ErrorCode::LimitExceeded) << 100 << u"the limit is 100"_s;
    QTest::newRow("line break in name") << u"name"_s << QVariant(u"Prod\nEU"_s)
                                        << int(ErrorCode::InvalidValue) << 4 << u"position 5"_s;
    QTest::newRow("no host") << u"host"_s << QVariant(QString()) << int(ErrorCode::EmptyField) << -1
                             << u"no endpoint host"_s;
    QTest::newRow("host with a path")
        << u"host"_s << QVariant(u"contoso.net/hub"_s) << int(ErrorCode::InvalidValue) << -1
        << u"“contoso.net/hub”"_s;
    QTest::newRow("port 0") << u"port"_s << QVariant(0) << int(ErrorCode::InvalidValue) << -1
                            << u"between 1 and 65535"_s;
    QTest::newRow("port 70000") << u"port"_s << QVariant(70000) << int(ErrorCode::InvalidValue)
                                << -1 << u"The port 70000"_s;
    QTest::newRow("empty hub") << u"hub"_s << QVariant(QString()) << int(ErrorCode::EmptyField)
                               << -1 << u"Profile “Orders”"_s;
    QTest::newRow("hub with a space")
        << u"hub"_s << QVariant(u"my hub"_s) << int(ErrorCode::InvalidValue) << -1
        << u"Profile “Orders”"_s;
    QTest::newRow("no rule") << u"keyName"_s << QVariant(QString()) << int(ErrorCode::EmptyField)
                             << -1 << u"SharedAccessKeyName"_s;
    QTest::newRow("rule with a space") << u"keyName"_s << QVariant(u"Full Access"_s)
                                       << int(ErrorCode::InvalidValue) << 4 << u"position 5"_s;
    QTest::newRow("api version") << u"apiVersion"_s << QVariant(u"v2"_s)
                                 << int(ErrorCode::InvalidValue) << -1 << u"“v2”"_s;
    QTest::newRow("timeout too short")
        << u"timeoutMs"_s << QVariant(999) << int(ErrorCode::InvalidValue) << -1 << u"999 ms"_s;
    QTest::newRow("timeout too long") << u"timeoutMs"_s << QVariant(600001)
                                      << int(ErrorCode::InvalidValue) << -1 << u"600001 ms"_s;
    QTest::newRow("default tags do not parse")
        << u"defaultTags"_s << QVariant(u"sports &&"_s) << int(ErrorCode::Syntax) << -1
        << u"default tag expression"_s;
    QTest::newRow("long label") << u"label"_s << QVariant(QString(41, u'l'))
                                << int(ErrorCode::LimitExceeded) << 40 << u"the limit is 40"_s;
    QTest::newRow("tab in label") << u"label"_s << QVariant(u"PR\tOD"_s)
                                  << int(ErrorCode::InvalidValue) << 2 << u"position 3"_s;
    QTest::newRow("colour by name")
        << u"colour"_s << QVariant(u"red"_s) << int(ErrorCode::InvalidValue) << -1 << u"#rrggbb"_s;
}

void TestProfileStore::validateNamesTheField()
{
    QFETCH(QString, field);
    QFETCH(QVariant, value);
    QFETCH(int, code);
    QFETCH(int, offset);
    QFETCH(QString, fragment);

    Profile p = hubProfile(u"Orders"_s);
    NH_VERIFY_OK(p.validate());
    const QHash<QString, std::function<void(Profile &)>> set {
        {u"name"_s,
         [&](Profile &x) {
             x.name = value.toString();
         }},
        {u"host"_s,
         [&](Profile &x) {
             x.host = value.toString();
         }},
        {u"port"_s,
         [&](Profile &x) {
             x.port = value.toInt();
         }},
        {u"hub"_s,
         [&](Profile &x) {
             x.hub = value.toString();
         }},
        {u"keyName"_s,
         [&](Profile &x) {
             x.keyName = value.toString();
         }},
        {u"apiVersion"_s,
         [&](Profile &x) {
             x.apiVersion = value.toString();
         }},
        {u"timeoutMs"_s,
         [&](Profile &x) {
             x.timeoutMs = value.toInt();
         }},
        {u"defaultTags"_s,
         [&](Profile &x) {
             x.defaultTags = value.toString();
         }},
        {u"label"_s,
         [&](Profile &x) {
             x.label = value.toString();
         }},
        {u"colour"_s,
         [&](Profile &x) {
             x.colour = value.toString();
         }},
    };
    QVERIFY(set.contains(field));
    set.value(field)(p);

    const auto check = [&](const Status &s, const char *how) {
        QVERIFY2(!s.ok(), how);
        QCOMPARE(s.error().where, field);
        QCOMPARE(int(s.error().code), code);
        if (offset >= 0)
            QCOMPARE(s.error().offset, offset);
        QVERIFY2(s.error().message.contains(fragment), qPrintable(s.error().message));
    };
    check(p.validate(), "validate() accepted it");

    // add() refuses it the same way and saves nothing.
    const auto added = m_store->add(p);
    check(added.ok() ? Status() : Status(added.error()), "add() accepted it");
    QCOMPARE(m_store->count(), 1);
    m_settings->sync();
    QVERIFY(!QSettings(m_settingsPath, QSettings::IniFormat).childGroups().contains(u"Profiles"_s));

    // So do update() of a saved profile, and rename() for the name.
    const auto saved = m_store->add(hubProfile(u"Orders"_s));
    NH_VERIFY_OK(saved);
    Profile edited = p;
    edited.id = saved->id;
    check(m_store->update(edited), "update() accepted it");
    QCOMPARE(*m_store->profile(saved->id), *saved);
    if (field == u"name"_s)
        check(m_store->rename(saved->id, value.toString()), "rename() accepted it");
}

void TestProfileStore::namesAreUnique()
{
    const auto prod = m_store->add(hubProfile(u"Prod"_s));
    NH_VERIFY_OK(prod);

    // Case-insensitive, surrounding spaces ignored.
    const auto again = m_store->add(hubProfile(u"  PROD "_s));
    QVERIFY(!again.ok());
    QCOMPARE(again.error().code, ErrorCode::DuplicateField);
    QCOMPARE(again.error().where, u"name"_s);
    QVERIFY2(again.error().message.contains(u"“PROD”"_s), qPrintable(again.error().message));

    const auto test = m_store->add(hubProfile(u"Test"_s));
    NH_VERIFY_OK(test);
    const Status renamed = m_store->rename(test->id, u"prod"_s);
    QVERIFY(!renamed.ok());
    QCOMPARE(renamed.error().code, ErrorCode::DuplicateField);
    QCOMPARE(renamed.error().where, u"name"_s);
    QCOMPARE(m_store->profile(test->id)->name, u"Test"_s);
    // Renaming to its own name in another case is fine.
    NH_VERIFY_OK(m_store->rename(test->id, u"TEST"_s));
    QCOMPARE(m_store->profile(test->id)->name, u"TEST"_s);

    QVERIFY(m_store->isNameTaken(u"prod"));
    QVERIFY(!m_store->isNameTaken(u"prod", prod->id));
    QCOMPARE(m_store->uniqueName(u"Prod"_s), u"Prod (2)"_s);
    NH_VERIFY_OK(m_store->add(hubProfile(u"Prod (2)"_s)));
    QCOMPARE(m_store->uniqueName(u" Prod "_s), u"Prod (3)"_s);
    QCOMPARE(m_store->uniqueName(u"Fresh"_s), u"Fresh"_s);
    // The emulator's name counts too.
    QCOMPARE(m_store->uniqueName(u"local EMULATOR"_s), u"local EMULATOR (2)"_s);

    // The same id twice is refused.
    Profile sameId = hubProfile(u"Other"_s);
    sameId.id = prod->id;
    const auto dup = m_store->add(sameId);
    QVERIFY(!dup.ok());
    QCOMPARE(dup.error().where, u"id"_s);
}

void TestProfileStore::findByNameOrId()
{
    const auto prod = m_store->add(hubProfile(u"Contoso Prod"_s));
    NH_VERIFY_OK(prod);
    const auto byName = m_store->find(u" contoso prod ");
    NH_VERIFY_OK(byName);
    QCOMPARE(byName->id, prod->id);
    const QString id = prod->id.toString(QUuid::WithoutBraces);
    NH_VERIFY_OK(m_store->find(id));
    QCOMPARE(m_store->find(id)->name, u"Contoso Prod"_s);
    QCOMPARE(m_store->find(prod->id.toString())->id, prod->id);

    const auto missing = m_store->find(u"staging");
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().where, u"profile"_s);
    QVERIFY2(missing.error().message.contains(u"There is no profile “staging”"_s),
             qPrintable(missing.error().message));
    QVERIFY2(missing.error().message.contains(u"“Local emulator”, “Contoso Prod”"_s),
             qPrintable(missing.error().message));
}

void TestProfileStore::builtInEmulatorProfile()
{
    // Out of the box: one profile, the emulator, not yet in the file.
    QCOMPARE(m_store->count(), 1);
    const Profile emu = m_store->at(0);
    QCOMPARE(emu.id, kEmulatorProfileId);
    QCOMPARE(emu, defaultEmulatorProfile());
    QCOMPARE(emu.name, u"Local emulator"_s);
    QVERIFY(emu.isEmulator());
    QVERIFY(!emu.needsKey());
    QVERIFY(emu.endpoint().isEmpty());
    NH_VERIFY_OK(emu.validate());
    QVERIFY(!QFile::exists(m_settingsPath)
            || !openSettings()->childGroups().contains(u"Profiles"_s));

    // It cannot be removed, and nothing asks the keychain.
    QSignalSpy removed(m_store.get(), &ProfileStore::profileRemoved);
    auto r = await(m_store->remove(kEmulatorProfileId));
    QVERIFY(!r.finishedInsideCall);
    QVERIFY(r.status && !r.status->ok());
    QCOMPARE(r.status->error().where, u"id"_s);
    QVERIFY2(r.status->error().message.contains(u"built in and cannot be deleted"_s),
             qPrintable(r.status->error().message));
    QCOMPARE(removed.size(), 0);
    QCOMPARE(m_store->count(), 1);
    QCOMPARE(r.job->issue(), KeychainIssue::None);

    // It can be edited; the edit is saved and kept first after a reload.
    NH_VERIFY_OK(m_store->add(hubProfile(u"Alpha"_s)));
    NH_VERIFY_OK(m_store->rename(kEmulatorProfileId, u"Zulu emulator"_s));
    Profile edited = *m_store->profile(kEmulatorProfileId);
    edited.hub = u"otherHub"_s;
    NH_VERIFY_OK(m_store->update(edited));
    // An emulator cannot become a hub profile.
    Profile asHub = edited;
    asHub.kind = ProfileKind::Hub;
    asHub.host = u"contoso.net"_s;
    const Status kindChange = m_store->update(asHub);
    QVERIFY(!kindChange.ok());
    QCOMPARE(kindChange.error().where, u"kind"_s);

    auto other = openSettings();
    ProfileStore second(other.get(), m_secrets.get());
    QCOMPARE(second.count(), 2);
    QCOMPARE(second.at(0).id, kEmulatorProfileId);
    QCOMPARE(second.at(0).name, u"Zulu emulator"_s);
    QCOMPARE(second.at(0).hub, u"otherHub"_s);
    QCOMPARE(second.at(1).name, u"Alpha"_s);

    // A file that lost the emulator's group gets the default one back.
    other->remove(u"Profiles/"_s + kEmulatorProfileId.toString(QUuid::WithoutBraces));
    other->sync();
    ProfileStore third(other.get(), m_secrets.get());
    QCOMPARE(third.at(0), defaultEmulatorProfile());
}

void TestProfileStore::reloadSeesAnotherSettingsObject()
{
    Profile p = hubProfile(u"Orders EU"_s);
    p.port = 5671;
    p.apiVersion = u"2017-04"_s;
    p.timeoutMs = 45000;
    p.defaultFormat = Format::Apple;
    p.defaultTags = u"sports && !lang:fr"_s;
    p.label = u"PROD"_s;
    p.colour = u"#c62828"_s;
    p.production = true;
    const auto added = m_store->add(p);
    NH_VERIFY_OK(added);

    // Another QSettings on the same file (another process, nhcli) sees every field.
    auto otherSettings = openSettings();
    ProfileStore other(otherSettings.get(), m_secrets.get());
    QCOMPARE(other.count(), 2);
    QCOMPARE(*other.profile(added->id), *added);
    QCOMPARE(other.profile(added->id)->endpoint(), u"sb://contoso.servicebus.windows.net:5671/"_s);

    // It edits and adds; this store sees it after reload(), as one reset.
    Profile changed = *added;
    changed.label = u"staging"_s;
    changed.production = false;
    changed.defaultFormat.reset();
    NH_VERIFY_OK(other.update(changed));
    NH_VERIFY_OK(other.add(hubProfile(u"Alerts"_s)));

    QSignalSpy reset(m_store.get(), &ProfileStore::profilesReset);
    QCOMPARE(m_store->profile(added->id)->label, u"PROD"_s);
    m_store->reload();
    QCOMPARE(reset.size(), 1);
    QCOMPARE(m_store->count(), 3);
    QCOMPARE(*m_store->profile(added->id), changed);
    // Emulator first, then by name.
    QCOMPARE(m_store->at(1).name, u"Alerts"_s);
    QCOMPARE(m_store->at(2).name, u"Orders EU"_s);

    // A group that is not a profile is skipped, not a crash.
    otherSettings->setValue(u"Profiles/not-a-uuid/Name"_s, u"junk"_s);
    otherSettings->setValue(
        u"Profiles/"_s + QUuid::createUuid().toString(QUuid::WithoutBraces) + u"/Kind"_s, u"ftp"_s);
    otherSettings->sync();
    m_store->reload();
    QCOMPARE(m_store->count(), 3);
}

void TestProfileStore::exportJsonWithoutKeys()
{
    const auto a = m_store->add(hubProfile(u"Orders"_s));
    NH_VERIFY_OK(a);
    Profile b = hubProfile(u"Alerts"_s);
    b.label = u"PROD"_s;
    NH_VERIFY_OK(m_store->add(b));

    const QByteArray all = m_store->exportJson({});
    const QJsonObject root = jsonObject(all);
    QCOMPARE(root.value(u"format"_s).toString(), u"nhconsole-profiles"_s);
    QCOMPARE(root.value(u"version"_s).toInt(), 1);
    QCOMPARE(root.value(u"containsKeys"_s).toBool(true), false);
    QVERIFY(!root.contains(u"warning"_s));
    const QJsonArray list = root.value(u"profiles"_s).toArray();
    QCOMPARE(list.size(), 3);
    QCOMPARE(list.at(0).toObject().value(u"kind"_s).toString(), u"emulator"_s);
    QVERIFY(!list.at(0).toObject().contains(u"host"_s));
    for (const QJsonValue &v : list)
        QVERIFY(!v.toObject().contains(u"key"_s));

    // A key handed in for an emulator profile never goes in.
    const QByteArray one = m_store->exportJson({kEmulatorProfileId}, {{kEmulatorProfileId, kKey}});
    QVERIFY(!one.contains(kKey.toUtf8()));
    QCOMPARE(jsonObject(one).value(u"containsKeys"_s).toBool(true), false);

    // It reads back as the same profiles, with new ids.
    const auto parsed = ProfileStore::parseExport(all);
    NH_VERIFY_OK(parsed);
    QCOMPARE(parsed->size(), 3);
    Profile back = parsed->at(1).profile;
    QVERIFY(back.id != a->id);
    back.id = a->id;
    QCOMPARE(back, *a);
    QVERIFY(parsed->at(1).key.isEmpty());
}

void TestProfileStore::parseExportErrors_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("where");
    QTest::addColumn<QString>("fragment");

    QTest::newRow("empty") << QByteArray("  \n") << int(ErrorCode::Empty) << QString()
                           << u"empty"_s;
    QTest::newRow("not JSON") << QByteArray("{\"format\": nope}") << int(ErrorCode::Syntax)
                              << QString() << u"not valid JSON at position"_s;
    QTest::newRow("truncated") << QByteArray("{\"format\": \"nhconsole-profiles\"")
                               << int(ErrorCode::Truncated) << QString() << u"not valid JSON"_s;
    QTest::newRow("array at the top")
        << QByteArray("[]") << int(ErrorCode::UnexpectedRoot) << QString() << u"JSON object"_s;
    QTest::newRow("another format")
        << exportWith([](QJsonObject &r) { r.insert(u"format"_s, u"har"_s); })
        << int(ErrorCode::UnexpectedRoot) << u"format"_s << u"“har”"_s;
    QTest::newRow("newer version")
        << exportWith([](QJsonObject &r) { r.insert(u"version"_s, 2); })
        << int(ErrorCode::InvalidValue) << u"version"_s << u"version 2"_s;
    QTest::newRow("no version") << exportWith([](QJsonObject &r) { r.remove(u"version"_s); })
                                << int(ErrorCode::MissingField) << u"version"_s << u"“version”"_s;
    QTest::newRow("no profiles list")
        << exportWith([](QJsonObject &r) { r.insert(u"profiles"_s, u"all"_s); })
        << int(ErrorCode::MissingField) << u"profiles"_s << u"“profiles”"_s;
    QTest::newRow("third has no hub")
        << exportWith(setField(2, u"hub"_s, QJsonValue::Undefined)) << int(ErrorCode::MissingField)
        << u"profiles[2].hub"_s << u"Profile 3"_s;
    QTest::newRow("port is text") << exportWith(setField(0, u"port"_s, u"443"_s))
                                  << int(ErrorCode::InvalidValue) << u"profiles[0].port"_s
                                  << u"a whole number"_s;
    QTest::newRow("timeout is fractional")
        << exportWith(setField(1, u"timeoutMs"_s, 1500.5)) << int(ErrorCode::InvalidValue)
        << u"profiles[1].timeoutMs"_s << u"Profile 2"_s;
    QTest::newRow("unknown kind") << exportWith(setField(1, u"kind"_s, u"ftp"_s))
                                  << int(ErrorCode::InvalidValue) << u"profiles[1].kind"_s
                                  << u"“ftp”"_s;
    QTest::newRow("name is a number")
        << exportWith(setField(0, u"name"_s, 7)) << int(ErrorCode::InvalidValue)
        << u"profiles[0].name"_s << u"a string"_s;
    QTest::newRow("production is text")
        << exportWith(setField(2, u"production"_s, u"yes"_s)) << int(ErrorCode::InvalidValue)
        << u"profiles[2].production"_s << u"true or false"_s;
    QTest::newRow("unknown format")
        << exportWith(setField(0, u"defaultFormat"_s, u"telex"_s)) << int(ErrorCode::InvalidValue)
        << u"profiles[0].defaultFormat"_s << u"“telex”"_s;
    QTest::newRow("invalid colour, from validate()")
        << exportWith(setField(1, u"colour"_s, u"blue"_s)) << int(ErrorCode::InvalidValue)
        << u"profiles[1].colour"_s << u"#rrggbb"_s;
    QTest::newRow("key not base64")
        << exportWith(setField(1, u"key"_s, u"not base64 at all!"_s))
        << int(ErrorCode::InvalidValue) << u"profiles[1].key"_s << u"not base64"_s;
    QTest::newRow("entry not an object") << exportWith([](QJsonObject &r) {
        QJsonArray l = r.value(u"profiles"_s).toArray();
        l.replace(1, 42);
        r.insert(u"profiles"_s, l);
    }) << int(ErrorCode::InvalidValue) << u"profiles[1]"_s
                                         << u"not a JSON object"_s;
    QTest::newRow("too many profiles") << exportWith([](QJsonObject &r) {
        QJsonArray l;
        for (int i = 0; i <= ProfileStore::kMaxImportProfiles; ++i)
            l.append(QJsonObject());
        r.insert(u"profiles"_s, l);
    }) << int(ErrorCode::LimitExceeded) << u"profiles"_s
                                       << u"at most 1000"_s;
    QTest::newRow("too big") << QByteArray(ProfileStore::kMaxImportBytes + 1, ' ') + "{}"
                             << int(ErrorCode::LimitExceeded) << QString() << u"bytes"_s;
}

void TestProfileStore::parseExportErrors()
{
    QFETCH(QByteArray, json);
    QFETCH(int, code);
    QFETCH(QString, where);
    QFETCH(QString, fragment);

    const auto r = ProfileStore::parseExport(json);
    QVERIFY2(!r.ok(), "the file was accepted");
    QCOMPARE(int(r.error().code), code);
    QCOMPARE(r.error().where, where);
    QVERIFY2(r.error().message.contains(fragment), qPrintable(r.error().message));
    QVERIFY2(!r.error().message.contains(u"not base64 at all"_s), "the message quotes the key");
    if (r.error().code == ErrorCode::Syntax || r.error().code == ErrorCode::Truncated) {
        QVERIFY2(r.error().message.contains(u"position %1"_s.arg(r.error().offset + 1)),
                 qPrintable(r.error().message));
    }

    // importProfiles() refuses it the same way and adds nothing.
    auto imported = await(m_store->importProfiles(json));
    QVERIFY(!imported.finishedInsideCall);
    QVERIFY(imported.status && !imported.status->ok());
    QCOMPARE(imported.status->error().where, where);
    QCOMPARE(m_store->count(), 1);
}

void TestProfileStore::importMakesNamesUnique()
{
    NH_VERIFY_OK(m_store->add(hubProfile(u"Orders"_s)));
    const QByteArray json = exportWith([](QJsonObject &r) {
        QJsonArray l = r.value(u"profiles"_s).toArray();
        QJsonObject emu {{u"name"_s, u"Local emulator"_s},
                         {u"kind"_s, u"emulator"_s},
                         {u"hub"_s, u"myHub"_s},
                         {u"keyName"_s, kRule},
                         {u"key"_s, kKey}};
        l.append(emu);
        r.insert(u"profiles"_s, l);
    });
    QSignalSpy added(m_store.get(), &ProfileStore::profileAdded);
    auto r = await(m_store->importProfiles(json));
    QVERIFY(r.status.has_value());
    NH_VERIFY_OK(*r.status);
    const QList<QUuid> ids = r.job->profileIds();
    QCOMPARE(ids.size(), 4);
    QCOMPARE(added.size(), 4);
    QStringList names;
    for (const QUuid &id : ids) {
        QVERIFY(m_store->profile(id).has_value());
        names << m_store->profile(id)->name;
    }
    QCOMPARE(
        names,
        (QStringList {u"Orders (2)"_s, u"Orders (3)"_s, u"Orders (4)"_s, u"Local emulator (2)"_s}));
    QVERIFY(!ids.contains(kEmulatorProfileId));
    // The emulator's key is dropped with a warning; no key went anywhere.
    QVERIFY(!r.status->warnings().isEmpty());
    QVERIFY2(r.status->warnings().first().message.contains(u"is ignored"_s),
             qPrintable(r.status->warnings().first().message));
    QCOMPARE(r.job->keyLocation(), SecretLocation::None);
    QCOMPARE(m_store->count(), 6);
}

void TestProfileStore::profileModel()
{
    ProfileModel model(m_store.get(), m_secrets.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.columnCount(), int(ProfileModel::ColumnCount));
    const QModelIndex emu = model.index(0, ProfileModel::Name);
    QCOMPARE(emu.data().toString(), u"Local emulator"_s);
    QCOMPARE(emu.data(ProfileModel::BuiltInRole).toBool(), true);
    QCOMPARE(emu.data(ProfileModel::KindRole).toInt(), int(ProfileKind::Emulator));
    QCOMPARE(model.index(0, ProfileModel::Endpoint).data().toString(), u"(running emulator)"_s);
    QCOMPARE(model.index(0, ProfileModel::Endpoint).data(Qt::EditRole).toString(), QString());

    Profile p = hubProfile(u"Orders"_s);
    p.port = 8443;
    p.production = true;
    p.colour = u"#c62828"_s;
    const auto added = m_store->add(p);
    NH_VERIFY_OK(added);
    QCOMPARE(model.rowCount(), 2);
    const QModelIndex row = model.indexOf(added->id);
    QCOMPARE(row.row(), 1);
    QCOMPARE(model.profileId(row), added->id);
    QCOMPARE(model.index(1, ProfileModel::Endpoint).data().toString(),
             u"contoso.servicebus.windows.net:8443"_s);
    QCOMPARE(row.data(ProfileModel::ProductionRole).toBool(), true);
    QCOMPARE(row.data(ProfileModel::ColourRole).toString(), u"#c62828"_s);
    QCOMPARE(row.data(ProfileModel::BuiltInRole).toBool(), false);
    QVERIFY(row.data(Qt::ToolTipRole).toString().contains(u"Production hub"_s));
    QVERIFY(model.flags(model.index(1, ProfileModel::Name)) & Qt::ItemIsEditable);
    QVERIFY(!(model.flags(model.index(1, ProfileModel::Endpoint)) & Qt::ItemIsEditable));

    // Edits go through the store.
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QVERIFY(model.setData(model.index(1, ProfileModel::Label), u" PROD "_s));
    QCOMPARE(m_store->profile(added->id)->label, u"PROD"_s);
    QCOMPARE(changed.size(), 1);
    QVERIFY(model.setData(model.index(1, ProfileModel::Hub), u"alerts"_s));
    QCOMPARE(m_store->profile(added->id)->hub, u"alerts"_s);

    // A refused edit leaves the row and says why, naming the field.
    QSignalSpy refused(&model, &ProfileModel::editRefused);
    QVERIFY(!model.setData(model.index(1, ProfileModel::Name), u"local emulator"_s));
    QCOMPARE(refused.size(), 1);
    QCOMPARE(refused.first().at(1).value<Error>().where, u"name"_s);
    QVERIFY(!model.setData(model.index(1, ProfileModel::Hub), u"has space"_s));
    QCOMPARE(refused.size(), 2);
    QCOMPARE(refused.last().at(1).value<Error>().where, u"hub"_s);
    QCOMPARE(model.index(1, ProfileModel::Hub).data().toString(), u"alerts"_s);
    QVERIFY(!model.setData(model.index(1, ProfileModel::Endpoint), u"x"_s));

    // Session keys show.
    m_secrets->keepInMemory(added->id, kKey);
    QCOMPARE(model.indexOf(added->id).data(ProfileModel::SessionKeyRole).toBool(), true);
    QVERIFY(model.indexOf(added->id).data(Qt::ToolTipRole).toString().contains(u"in memory"_s));
    m_secrets->forgetSessionKeys();
    QCOMPARE(model.indexOf(added->id).data(ProfileModel::SessionKeyRole).toBool(), false);

    // Another process's edits arrive as a reset; removals as removed rows.
    auto otherSettings = openSettings();
    ProfileStore other(otherSettings.get(), m_secrets.get());
    NH_VERIFY_OK(other.add(hubProfile(u"Alerts"_s)));
    m_store->reload();
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(1, ProfileModel::Name).data().toString(), u"Alerts"_s);

    Profile emuProfile = defaultEmulatorProfile();
    emuProfile.id = QUuid::createUuid();
    emuProfile.name = u"Second emulator"_s;
    const auto second = m_store->add(emuProfile);
    NH_VERIFY_OK(second);
    QCOMPARE(model.rowCount(), 4);
    // An emulator profile goes without the keychain.
    auto removed = await(m_store->remove(second->id));
    NH_VERIFY_OK(*removed.status);
    QCOMPARE(model.rowCount(), 3);
    QVERIFY(!model.indexOf(second->id).isValid());
}

void TestProfileStore::profileFilterModel()
{
    for (const QString &name : {u"zeta"_s, u"Alpha"_s, u"beta"_s}) {
        Profile p = hubProfile(name);
        p.production = name == u"beta"_s;
        NH_VERIFY_OK(m_store->add(p));
    }
    ProfileModel model(m_store.get(), m_secrets.get());
    ProfileFilterModel filter;
    filter.setSourceModel(&model);
    QAbstractItemModelTester tester(&filter, QAbstractItemModelTester::FailureReportingMode::Fatal);
    filter.sort(ProfileModel::Name, Qt::AscendingOrder);
    const auto names = [&] {
        QStringList out;
        for (int r = 0; r < filter.rowCount(); ++r)
            out << filter.index(r, ProfileModel::Name).data().toString();
        return out;
    };
    QCOMPARE(names(), (QStringList {u"Local emulator"_s, u"Alpha"_s, u"beta"_s, u"zeta"_s}));
    // The built-in profile stays on top in either direction.
    filter.sort(ProfileModel::Name, Qt::DescendingOrder);
    QCOMPARE(names(), (QStringList {u"Local emulator"_s, u"zeta"_s, u"beta"_s, u"Alpha"_s}));

    filter.setText(u"ALP"_s);
    QCOMPARE(names(), QStringList {u"Alpha"_s});
    filter.setText(u"servicebus"_s); // the endpoint column
    QCOMPARE(filter.rowCount(), 3);
    filter.setText({});
    filter.setKind(ProfileKind::Emulator);
    QCOMPARE(names(), QStringList {u"Local emulator"_s});
    filter.setKind(std::nullopt);
    filter.setProductionOnly(true);
    QCOMPARE(names(), QStringList {u"beta"_s});
    // A row that changes follows the filter.
    const QUuid zeta = m_store->find(u"zeta")->id;
    Profile z = *m_store->profile(zeta);
    z.production = true;
    NH_VERIFY_OK(m_store->update(z));
    QCOMPARE(names(), (QStringList {u"zeta"_s, u"beta"_s}));
}

// --- the keychain ---

void TestProfileStore::keysGoToTheKeychain()
{
    if (!keychainMode(u"unlocked"))
        QSKIP("needs an unlocked keychain (with_keyring.sh unlocked)");
    m_keysUsed << kKey << kOtherKey;
    const auto draft = ProfileStore::fromConnectionString(connectionText(), u"orders"_s);
    NH_VERIFY_OK(draft);

    QSignalSpy added(m_store.get(), &ProfileStore::profileAdded);
    auto created = await(m_store->create(draft->profile, draft->key));
    QVERIFY(!created.finishedInsideCall);
    NH_VERIFY_OK(*created.status);
    QVERIFY(created.status->warnings().isEmpty());
    QCOMPARE(created.job->keyLocation(), SecretLocation::Keychain);
    const QUuid id = draft->profile.id;
    QCOMPARE(created.job->profileIds(), QList<QUuid> {id});
    QCOMPARE(added.size(), 1);
    QVERIFY(!m_secrets->hasSessionKey(id));
    auto read = readKey(*m_secrets, id);
    NH_VERIFY_OK(*read.result);
    QCOMPARE(read.result->value(), kKey);
    QCOMPARE(read.location, SecretLocation::Keychain);

    // A name that is taken: refused before the keychain is touched.
    Profile clash = draft->profile;
    clash.id = QUuid::createUuid();
    auto refused = await(m_store->create(clash, kOtherKey));
    QVERIFY(!refused.status->ok());
    QCOMPARE(refused.status->error().where, u"name"_s);
    QCOMPARE(readKey(*m_secrets, clash.id).issue, KeychainIssue::NotFound);
    // A key that is not base64 is refused, never quoted.
    clash.name = u"Other"_s;
    auto badKey = await(m_store->create(clash, u"not-a-key!"_s));
    QVERIFY(!badKey.status->ok());
    QCOMPARE(badKey.status->error().where, u"key"_s);
    QVERIFY(!badKey.status->error().message.contains(u"not-a-key"_s));
    QVERIFY(!m_store->profile(clash.id));

    // Change the key.
    auto changed = await(m_store->changeKey(id, kOtherKey));
    NH_VERIFY_OK(*changed.status);
    QCOMPARE(changed.job->keyLocation(), SecretLocation::Keychain);
    QCOMPARE(readKey(*m_secrets, id).result->value(), kOtherKey);
    auto emuKey = await(m_store->changeKey(kEmulatorProfileId, kKey));
    QVERIFY(!emuKey.status->ok());
    QVERIFY2(emuKey.status->error().message.contains(u"emulator profile"_s),
             qPrintable(emuKey.status->error().message));

    // Duplicate copies the key into an entry of its own.
    auto dup = await(m_store->duplicate(id));
    NH_VERIFY_OK(*dup.status);
    const QUuid copy = dup.job->profileIds().value(0);
    QVERIFY(!copy.isNull() && copy != id);
    QCOMPARE(m_store->profile(copy)->name, u"contoso/orders (copy)"_s);
    QCOMPARE(m_store->profile(copy)->hub, u"orders"_s);
    QCOMPARE(readKey(*m_secrets, copy).result->value(), kOtherKey);
    auto dup2 = await(m_store->duplicate(id, u"Orders staging"_s));
    NH_VERIFY_OK(*dup2.status);
    const QUuid copy2 = dup2.job->profileIds().value(0);
    QCOMPARE(m_store->profile(copy2)->name, u"Orders staging"_s);

    // Remove deletes the keychain entry too, and only that one.
    QSignalSpy removedSpy(m_store.get(), &ProfileStore::profileRemoved);
    auto removed = await(m_store->remove(copy));
    NH_VERIFY_OK(*removed.status);
    QCOMPARE(removedSpy.size(), 1);
    QVERIFY(!m_store->profile(copy));
    auto gone = readKey(*m_secrets, copy);
    QVERIFY(!gone.result->ok());
    QCOMPARE(gone.issue, KeychainIssue::NotFound);
    QCOMPARE(gone.result->error().where, SecretStore::keychainKey(copy));
    QCOMPARE(readKey(*m_secrets, id).result->value(), kOtherKey);
    // Reloaded from the file, it stays gone.
    ProfileStore reread(openSettings().get(), m_secrets.get());
    QVERIFY(!reread.profile(copy));
    QVERIFY(reread.profile(copy2).has_value());

    // A profile whose key is missing is still duplicated, without a key and with a warning.
    SecretJob *drop = m_secrets->deleteKey(copy2, {});
    QSignalSpy dropped(drop, &SecretJob::finished);
    QVERIFY(dropped.wait(20000));
    auto keyless = await(m_store->duplicate(copy2));
    NH_VERIFY_OK(*keyless.status);
    QCOMPARE(keyless.status->warnings().size(), 1);
    QVERIFY2(keyless.status->warnings().first().message.contains(u"has none either"_s),
             qPrintable(keyless.status->warnings().first().message));
    QCOMPARE(keyless.job->keyLocation(), SecretLocation::None);
    QCOMPARE(readKey(*m_secrets, keyless.job->profileIds().value(0)).issue,
             KeychainIssue::NotFound);
}

void TestProfileStore::exportsSayWhenTheyHoldKeys()
{
    if (!keychainMode(u"unlocked"))
        QSKIP("needs an unlocked keychain (with_keyring.sh unlocked)");
    m_keysUsed << kKey;
    const auto draft = ProfileStore::fromConnectionString(connectionText(), u"orders"_s);
    NH_VERIFY_OK(draft);
    NH_VERIFY_OK(*await(m_store->create(draft->profile, draft->key)).status);
    const QUuid id = draft->profile.id;
    NH_VERIFY_OK(m_store->add(hubProfile(u"No key here"_s)));

    // Without keys: no trace of the key in any form.
    auto without = await(m_store->exportProfiles({}, ProfileStore::KeyExport::Without));
    NH_VERIFY_OK(*without.status);
    QVERIFY(without.status->warnings().isEmpty());
    const QByteArray plain = without.job->data();
    for (const QByteArray &needle : {kKey.toUtf8(), kKey.left(12).toUtf8(),
                                     kKey.toUtf8().toBase64(), QUrl::toPercentEncoding(kKey)})
        QVERIFY2(!plain.contains(needle), "an export without keys holds the key");
    QCOMPARE(jsonObject(plain).value(u"containsKeys"_s).toBool(true), false);
    QCOMPARE(without.job->profileIds().size(), 3);

    // With keys: the key, "containsKeys": true, a warning member and a warning.
    auto with =
        await(m_store->exportProfiles({id, kEmulatorProfileId}, ProfileStore::KeyExport::With));
    NH_VERIFY_OK(*with.status);
    const QJsonObject root = jsonObject(with.job->data());
    QCOMPARE(root.value(u"containsKeys"_s).toBool(), true);
    QVERIFY2(root.value(u"warning"_s).toString().contains(u"SAS keys in plain text"_s),
             qPrintable(root.value(u"warning"_s).toString()));
    const QJsonArray list = root.value(u"profiles"_s).toArray();
    QCOMPARE(list.size(), 2);
    QCOMPARE(list.at(1).toObject().value(u"key"_s).toString(), kKey);
    QVERIFY(!list.at(0).toObject().contains(u"key"_s));
    QVERIFY(!with.status->warnings().isEmpty());
    QVERIFY2(with.status->warnings().first().message.contains(u"in plain text"_s),
             qPrintable(with.status->warnings().first().message));

    // A profile without a key in the keychain is exported without one, and that is said.
    const QUuid bare = m_store->find(u"No key here")->id;
    auto partial = await(m_store->exportProfiles({bare}, ProfileStore::KeyExport::With));
    NH_VERIFY_OK(*partial.status);
    QCOMPARE(jsonObject(partial.job->data()).value(u"containsKeys"_s).toBool(true), false);
    QCOMPARE(partial.status->warnings().size(), 1);
    QVERIFY2(partial.status->warnings().first().message.contains(u"“No key here” has no key"_s),
             qPrintable(partial.status->warnings().first().message));

    // An unknown id is refused.
    auto unknown =
        await(m_store->exportProfiles({QUuid::createUuid()}, ProfileStore::KeyExport::Without));
    QVERIFY(!unknown.status->ok());
    QCOMPARE(unknown.status->error().where, u"id"_s);
}

void TestProfileStore::importStoresKeys()
{
    if (!keychainMode(u"unlocked"))
        QSKIP("needs an unlocked keychain (with_keyring.sh unlocked)");
    m_keysUsed << kKey;
    NH_VERIFY_OK(m_store->add(hubProfile(u"Orders"_s)));
    const QByteArray json = exportWith([](QJsonObject &r) {
        QJsonArray l = r.value(u"profiles"_s).toArray();
        QJsonObject first = l.at(0).toObject();
        first.insert(u"key"_s, kKey);
        l = {first};
        r.insert(u"profiles"_s, l);
        r.insert(u"containsKeys"_s, true);
    });
    auto r = await(m_store->importProfiles(json));
    NH_VERIFY_OK(*r.status);
    QCOMPARE(r.job->keyLocation(), SecretLocation::Keychain);
    const QUuid id = r.job->profileIds().value(0);
    QCOMPARE(m_store->profile(id)->name, u"Orders (2)"_s);
    auto read = readKey(*m_secrets, id);
    NH_VERIFY_OK(*read.result);
    QCOMPARE(read.result->value(), kKey);
}

void TestProfileStore::noKeychainKeepsKeysInMemory()
{
    if (!keychainMode(u"no-service"))
        QSKIP("needs a session bus without a Secret Service (with_keyring.sh no-service)");
    m_keysUsed << kKey;
    const auto draft = ProfileStore::fromConnectionString(connectionText(), u"orders"_s);
    NH_VERIFY_OK(draft);

    // Without the user's consent nothing is created, and the sentence says why.
    QSignalSpy problems(m_secrets.get(), &SecretStore::keychainProblem);
    auto refused = await(m_store->create(draft->profile, draft->key));
    QVERIFY(!refused.status->ok());
    QCOMPARE(refused.job->issue(), KeychainIssue::Unavailable);
    QCOMPARE(refused.job->keyLocation(), SecretLocation::None);
    QVERIFY2(refused.status->error().message.contains(u"No keychain is available"_s),
             qPrintable(refused.status->error().message));
    QVERIFY2(refused.status->error().message.contains(u"“contoso/orders”"_s),
             qPrintable(refused.status->error().message));
    QVERIFY(!refused.status->error().message.contains(kKey));
    QCOMPARE(m_store->count(), 1);
    QVERIFY(problems.size() >= 1);
    QCOMPARE(m_secrets->lastIssue(), KeychainIssue::Unavailable);

    // With it, the key is held in memory for this run, and the warning says so.
    m_secrets->setSessionFallbackEnabled(true);
    auto created = await(m_store->create(draft->profile, draft->key));
    NH_VERIFY_OK(*created.status);
    QCOMPARE(created.job->keyLocation(), SecretLocation::Memory);
    QCOMPARE(created.job->issue(), KeychainIssue::Unavailable);
    QCOMPARE(created.status->warnings().size(), 1);
    const QString warning = created.status->warnings().first().message;
    QVERIFY2(warning.contains(u"kept in memory for this run only"_s), qPrintable(warning));
    QVERIFY2(warning.contains(u"no keychain is available"_s), qPrintable(warning));
    const QUuid id = draft->profile.id;
    QVERIFY(m_secrets->hasSessionKey(id));
    auto read = readKey(*m_secrets, id);
    NH_VERIFY_OK(*read.result);
    QCOMPARE(read.result->value(), kKey);
    QCOMPARE(read.location, SecretLocation::Memory);

    // The model shows it.
    ProfileModel model(m_store.get(), m_secrets.get());
    QCOMPARE(model.indexOf(id).data(ProfileModel::SessionKeyRole).toBool(), true);

    // A new run (another SecretStore) has no key.
    SecretStore nextRun;
    auto lost = readKey(nextRun, id);
    QVERIFY(!lost.result->ok());
    QCOMPARE(lost.issue, KeychainIssue::Unavailable);

    // Duplicate and export with keys use the key in memory.
    auto dup = await(m_store->duplicate(id));
    NH_VERIFY_OK(*dup.status);
    QCOMPARE(dup.job->keyLocation(), SecretLocation::Memory);
    auto exported = await(m_store->exportProfiles({id}, ProfileStore::KeyExport::With));
    NH_VERIFY_OK(*exported.status);
    QVERIFY(exported.job->data().contains(kKey.toUtf8()));

    // Remove drops the memory copy and warns that an older keychain entry may remain.
    auto removed = await(m_store->remove(id));
    NH_VERIFY_OK(*removed.status);
    QVERIFY(!m_secrets->hasSessionKey(id));
    QVERIFY(!m_store->profile(id));
    QCOMPARE(removed.status->warnings().size(), 1);
    QVERIFY2(removed.status->warnings().first().message.contains(u"may remain"_s),
             qPrintable(removed.status->warnings().first().message));
}

void TestProfileStore::noKeyInTheSettingsFile()
{
    // Runs last: every file this suite wrote (settings files, and the QStandardPaths test
    // locations) holds no key in any form.
    if (m_keysUsed.isEmpty())
        QSKIP("no key was handled in this mode");
    QStringList roots {m_dir.path()};
    for (const auto location :
         {QStandardPaths::GenericConfigLocation, QStandardPaths::GenericDataLocation,
          QStandardPaths::GenericCacheLocation})
        roots << QStandardPaths::writableLocation(location);
    int files = 0;
    for (const QString &root : std::as_const(roots)) {
        QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile f(it.next());
            if (!f.open(QIODevice::ReadOnly))
                continue;
            ++files;
            const QByteArray content = f.readAll();
            for (const QString &key : std::as_const(m_keysUsed)) {
                QVERIFY2(!content.contains(key.toUtf8())
                             && !content.contains(key.left(16).toUtf8()),
                         qPrintable(u"a key was written to "_s + f.fileName()));
            }
        }
    }
    QVERIFY(files > 0);
}

QTEST_GUILESS_MAIN(TestProfileStore)
#include "tst_profilestore.moc"
