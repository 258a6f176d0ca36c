// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// ProfileSession (issue #14): the current profile's connection state, against a real
// in-process emulator (the fixture), a real ProfileStore over an INI file and a real
// SecretStore. Run bare, the keychain cannot be reached, so a Hub profile needs its key; under
// tests/support/with_keyring.sh `unlocked` its key really comes from gnome-keyring, and under
// `no-service` it needs its key again.
#include "client/hubclient.h"
#include "client/profilesession.h"
#include "emulatorfixture.h"
#include "resultcheck.h"
#include "store/profilestore.h"
#include "store/secretstore.h"
#include "store/settings.h"

#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <memory>
#include <optional>

using namespace Qt::Literals::StringLiterals;
using namespace Nh;
using State = ProfileSession::State;

namespace {

QList<State> statesOf(const QSignalSpy &spy)
{
    QList<State> states;
    for (const QList<QVariant> &args : spy)
        states << args.first().value<State>();
    return states;
}

/** Waits for a keychain job and returns its result. */
Result<QString> awaitSecret(SecretJob *job)
{
    std::optional<Result<QString>> result;
    job->setAutoDelete(false);
    QObject::connect(job, &SecretJob::finished, job,
                     [&result](const Result<QString> &r) { result = r; });
    const bool done = QTest::qWaitFor([&result] { return result.has_value(); }, 20000);
    delete job;
    if (!done)
        return makeError(ErrorCode::MissingField, u"the keychain job did not finish"_s);
    return *result;
}

} // namespace

class TestProfileSession final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void emulatorProfileIsReadyAtOnce();
    void unknownIdIsTheEmulatorProfile();
    void emulatorNotRunningFails();
    void emulatorStartErrorIsTheReason();
    void unknownEmulatorRuleFails();
    void hubProfileWithoutKeyNeedsKey();
    void sessionKeyMakesItReady();
    void hubProfileOnTheBundledEmulatorTrustsIt();
    void keyFromTheKeychain();
    void staleKeyReadIsIgnored();
    void editsOfTheCurrentProfileAreTakenOver();

private:
    std::unique_ptr<ProfileSession> makeSession(const HubEmulator *emulator,
                                                const Status &emulatorStatus = {});
    /** A Hub profile at the fixture's emulator (127.0.0.1, its port, its hub and rule). */
    Profile emulatorHubProfile(const QString &name) const;
    /** Sends a test notification through the client; returns the exchange's result. */
    ExchangeResult testSend();

    EmulatorFixture m_fixture;
    QNetworkAccessManager m_nam;
    QString m_mode;
    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<SecretStore> m_secrets;
    std::unique_ptr<ProfileStore> m_profiles;
    std::unique_ptr<HubClient> m_client;
};

void TestProfileSession::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    QVERIFY(m_fixture.start());
    m_mode = qEnvironmentVariable("NH_KEYRING_MODE");
    qInfo("keychain mode: %s", m_mode.isEmpty() ? "none (bare run)" : qPrintable(m_mode));
}

void TestProfileSession::init()
{
    static int run = 0;
    m_settings = std::make_unique<QSettings>(m_dir.filePath(u"settings-%1.conf"_s.arg(++run)),
                                             QSettings::IniFormat);
    // A service of its own: no test sees the keys of another run.
    m_secrets = std::make_unique<SecretStore>(u"nhconsole-tst-profilesession"_s);
    m_profiles = std::make_unique<ProfileStore>(m_settings.get(), m_secrets.get());
    m_client = std::make_unique<HubClient>(&m_nam);
}

void TestProfileSession::cleanup()
{
    m_client.reset();
    m_profiles.reset();
    m_secrets.reset();
    m_settings.reset();
}

std::unique_ptr<ProfileSession> TestProfileSession::makeSession(const HubEmulator *emulator,
                                                                const Status &emulatorStatus)
{
    ProfileSession::Services services;
    services.client = m_client.get();
    services.profiles = m_profiles.get();
    services.secrets = m_secrets.get();
    services.emulator = emulator;
    services.emulatorStatus = emulatorStatus;
    services.settings = m_settings.get();
    return std::make_unique<ProfileSession>(services);
}

Profile TestProfileSession::emulatorHubProfile(const QString &name) const
{
    Profile p;
    p.name = name;
    p.host = u"127.0.0.1"_s;
    p.port = int(m_fixture.emulator.port());
    p.hub = m_fixture.hub();
    p.keyName = u"DefaultFullSharedAccessSignature"_s;
    return p;
}

ExchangeResult TestProfileSession::testSend()
{
    Notification n;
    n.format = Format::Apple;
    n.body = R"({"aps":{"alert":"profile session"}})"_ba;
    HubJob *job = m_client->send(n, true);
    QSignalSpy finished(job, &HubJob::finished);
    if (!finished.wait(10000))
        return ExchangeResult::Pending;
    return finished.first().first().value<Exchange>().result;
}

void TestProfileSession::emulatorProfileIsReadyAtOnce()
{
    auto session = makeSession(&m_fixture.emulator);
    QCOMPARE(session->state(), State::Connecting);
    QSignalSpy states(session.get(), &ProfileSession::stateChanged);
    session->activate(kEmulatorProfileId);
    // No keychain for the emulator: ready before activate() returns.
    QCOMPARE(statesOf(states), (QList<State> {State::Connecting, State::Ready}));
    QVERIFY(session->isReady());
    QVERIFY(session->problem().isEmpty());
    QCOMPARE(session->profile().id, kEmulatorProfileId);
    QCOMPARE(Settings(m_settings.get()).lastProfileId(), kEmulatorProfileId);

    // The client now reaches the emulator: 127.0.0.1, its port, its certificate trusted.
    const HubConnection &c = m_client->connection();
    QCOMPARE(&c, &session->connection());
    QCOMPARE(c.connectionString.host(), u"127.0.0.1"_s);
    QCOMPARE(c.connectionString.port(), int(m_fixture.emulator.port()));
    QVERIFY(c.caCertificates.contains(m_fixture.emulator.certificate()));
    QVERIFY(!c.connectionString.key().isEmpty());
    // A real send succeeds (the Apple demo registrations are reached or NoTargets: either
    // way the hub answered, which a wrong key or an untrusted certificate would prevent).
    const ExchangeResult result = testSend();
    QVERIFY2(result == ExchangeResult::Success || result == ExchangeResult::NoTargets,
             qPrintable(u"result %1"_s.arg(int(result))));
}

void TestProfileSession::unknownIdIsTheEmulatorProfile()
{
    auto session = makeSession(&m_fixture.emulator);
    session->activate(QUuid::createUuid());
    QCOMPARE(session->profile().id, kEmulatorProfileId);
    QVERIFY(session->isReady());
}

void TestProfileSession::emulatorNotRunningFails()
{
    auto session = makeSession(nullptr);
    QSignalSpy states(session.get(), &ProfileSession::stateChanged);
    session->activate(kEmulatorProfileId);
    QCOMPARE(statesOf(states), (QList<State> {State::Connecting, State::Failed}));
    QCOMPARE(session->problem(), u"The bundled emulator is not running."_s);
    QVERIFY(!session->isReady());

    // An emulator that is not listening is not running either.
    HubEmulator stopped;
    auto again = makeSession(&stopped);
    again->activate(kEmulatorProfileId);
    QCOMPARE(again->state(), State::Failed);
    QCOMPARE(again->problem(), u"The bundled emulator is not running."_s);
}

void TestProfileSession::emulatorStartErrorIsTheReason()
{
    const Error why = makeError(ErrorCode::InvalidValue, u"Port 443 is taken."_s);
    auto session = makeSession(&m_fixture.emulator, why);
    session->activate(kEmulatorProfileId);
    QCOMPARE(session->state(), State::Failed);
    QCOMPARE(session->problem(), why.message);
}

void TestProfileSession::unknownEmulatorRuleFails()
{
    Profile p = defaultEmulatorProfile();
    p.id = {};
    p.name = u"Wrong rule"_s;
    p.keyName = u"NoSuchRule"_s;
    const auto added = m_profiles->add(p);
    NH_VERIFY_OK(added);
    auto session = makeSession(&m_fixture.emulator);
    session->activate(added.value().id);
    QCOMPARE(session->state(), State::Failed);
    QVERIFY2(session->problem().contains(u"no SAS rule named “NoSuchRule”"_s),
             qPrintable(session->problem()));
    QVERIFY2(session->problem().contains(u"DefaultFullSharedAccessSignature"_s),
             qPrintable(session->problem()));
}

void TestProfileSession::hubProfileWithoutKeyNeedsKey()
{
    const auto added = m_profiles->add(emulatorHubProfile(u"No key"_s));
    NH_VERIFY_OK(added);
    auto session = makeSession(&m_fixture.emulator);
    QSignalSpy states(session.get(), &ProfileSession::stateChanged);
    session->activate(added.value().id);
    // The key is read asynchronously, never inside activate().
    QCOMPARE(statesOf(states), (QList<State> {State::Connecting, State::ReadingKey}));
    QTRY_COMPARE_WITH_TIMEOUT(states.size(), 3, 20000);
    QCOMPARE(statesOf(states).last(), State::NeedsKey);
    QVERIFY(!session->isReady());
    // Whatever the keychain's trouble, the sentence names the profile.
    QVERIFY2(session->problem().contains(u"No key"_s), qPrintable(session->problem()));
}

void TestProfileSession::sessionKeyMakesItReady()
{
    const auto added = m_profiles->add(emulatorHubProfile(u"Given key"_s));
    NH_VERIFY_OK(added);
    const QUuid id = added.value().id;
    auto session = makeSession(&m_fixture.emulator);
    session->activate(id);
    QTRY_COMPARE_WITH_TIMEOUT(session->state(), State::NeedsKey, 20000);

    QSignalSpy states(session.get(), &ProfileSession::stateChanged);
    session->provideSessionKey(id, m_fixture.connectionString().key());
    QVERIFY(m_secrets->hasSessionKey(id));
    QTRY_COMPARE_WITH_TIMEOUT(session->state(), State::Ready, 20000);
    QCOMPARE(statesOf(states), (QList<State> {State::Connecting, State::ReadingKey, State::Ready}));
    QCOMPARE(m_client->connection().connectionString.key(), m_fixture.connectionString().key());
    QCOMPARE(Settings(m_settings.get()).lastProfileId(), id);
}

void TestProfileSession::hubProfileOnTheBundledEmulatorTrustsIt()
{
    const auto added = m_profiles->add(emulatorHubProfile(u"Emulator as a hub"_s));
    NH_VERIFY_OK(added);
    const QUuid id = added.value().id;
    m_secrets->keepInMemory(id, m_fixture.connectionString().key());
    auto session = makeSession(&m_fixture.emulator);
    session->activate(id);
    QTRY_COMPARE_WITH_TIMEOUT(session->state(), State::Ready, 20000);
    QVERIFY(m_client->connection().caCertificates.contains(m_fixture.emulator.certificate()));
    const ExchangeResult result = testSend();
    QVERIFY2(result == ExchangeResult::Success || result == ExchangeResult::NoTargets,
             qPrintable(u"result %1"_s.arg(int(result))));

    // Without the bundled emulator the same profile gets no extra trust anchor.
    auto plain = makeSession(nullptr);
    plain->activate(id);
    QTRY_COMPARE_WITH_TIMEOUT(plain->state(), State::Ready, 20000);
    QVERIFY(m_client->connection().caCertificates.isEmpty());
}

void TestProfileSession::keyFromTheKeychain()
{
    if (m_mode != u"unlocked")
        QSKIP("needs an unlocked keychain (with_keyring.sh unlocked)");
    const auto added = m_profiles->add(emulatorHubProfile(u"Keychain key"_s));
    NH_VERIFY_OK(added);
    const QUuid id = added.value().id;
    const Result<QString> written =
        awaitSecret(m_secrets->writeKey(id, u"Keychain key"_s, m_fixture.connectionString().key()));
    NH_VERIFY_OK(written);
    QVERIFY(!m_secrets->hasSessionKey(id)); // in the keychain, not in memory

    auto session = makeSession(&m_fixture.emulator);
    QSignalSpy states(session.get(), &ProfileSession::stateChanged);
    session->activate(id);
    QTRY_COMPARE_WITH_TIMEOUT(session->state(), State::Ready, 20000);
    QCOMPARE(statesOf(states), (QList<State> {State::Connecting, State::ReadingKey, State::Ready}));
    QCOMPARE(m_client->connection().connectionString.key(), m_fixture.connectionString().key());
    NH_VERIFY_OK(awaitSecret(m_secrets->deleteKey(id, u"Keychain key"_s)));
}

void TestProfileSession::staleKeyReadIsIgnored()
{
    const auto first = m_profiles->add(emulatorHubProfile(u"First"_s));
    const auto second = m_profiles->add(emulatorHubProfile(u"Second"_s));
    NH_VERIFY_OK(first);
    NH_VERIFY_OK(second);
    m_secrets->keepInMemory(first.value().id, u"c3RhbGUga2V5IG9mIHRoZSBmaXJzdCBwcm9maWxlIQ=="_s);
    m_secrets->keepInMemory(second.value().id, m_fixture.connectionString().key());
    auto session = makeSession(&m_fixture.emulator);
    QSignalSpy states(session.get(), &ProfileSession::stateChanged);
    session->activate(first.value().id);
    session->activate(second.value().id); // before the first read has finished
    QTRY_COMPARE_WITH_TIMEOUT(session->state(), State::Ready, 20000);
    // The first read finished before the second (both from memory, in order) and changed
    // nothing: one Ready, for the second profile, with its key.
    QCOMPARE(statesOf(states),
             (QList<State> {State::Connecting, State::ReadingKey, State::Connecting,
                            State::ReadingKey, State::Ready}));
    QCOMPARE(session->profile().id, second.value().id);
    QCOMPARE(m_client->connection().connectionString.key(), m_fixture.connectionString().key());
}

void TestProfileSession::editsOfTheCurrentProfileAreTakenOver()
{
    const auto added = m_profiles->add(emulatorHubProfile(u"Before"_s));
    NH_VERIFY_OK(added);
    const auto other = m_profiles->add(emulatorHubProfile(u"Other"_s));
    NH_VERIFY_OK(other);
    m_secrets->keepInMemory(added.value().id, m_fixture.connectionString().key());
    auto session = makeSession(&m_fixture.emulator);
    session->activate(added.value().id);
    QTRY_COMPARE_WITH_TIMEOUT(session->state(), State::Ready, 20000);

    QSignalSpy changed(session.get(), &ProfileSession::profileChanged);
    QSignalSpy states(session.get(), &ProfileSession::stateChanged);
    // Another profile's edit is not the session's business.
    Profile o = other.value();
    o.name = u"Other edited"_s;
    NH_VERIFY_OK(m_profiles->update(o));
    QCOMPARE(changed.size(), 0);

    Profile p = added.value();
    p.name = u"After"_s;
    p.label = u"PROD"_s;
    p.production = true;
    NH_VERIFY_OK(m_profiles->update(p));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(session->profile().name, u"After"_s);
    QCOMPARE(session->profile().label, u"PROD"_s);
    QVERIFY(session->profile().production);
    // The connection stays as it was.
    QCOMPARE(states.size(), 0);
    QVERIFY(session->isReady());
}

QTEST_GUILESS_MAIN(TestProfileSession)
#include "tst_profilesession.moc"
