// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The diagnosis engine's checks 1-7 against the emulator over HTTPS (issue #19, docs/diagnosis.md):
// each check's ok and problem case, made over the hub's API in the test, the verdict ordering,
// the number of requests a diagnosis makes, and cancellation.

#include "diagnosistesthelpers.h"
#include "emulator/emulatorstate.h"

using namespace Nh;
using namespace DiagnosisTest;
using namespace Qt::Literals::StringLiterals;

namespace {

const QString kFcm = u"fcm-token-dora-Q7x:APA91bHealthy0001"_s;
const QString kApple = u"4F1D9C0B7E2A6D3358C1E0B9A7F4D2C6E8B1A3F5D7C9E0B2A4C6E8F0A2B4C6D8"_s;
const QString kDefault = u"sports || politics"_s;

QString key(DiagnosisVerdict v)
{
    return diagnosisVerdictKey(v);
}

} // namespace

class TestDiagnosisEngine : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void healthyDeviceEveryCheckOk();
    void registeredMissingHandle();
    void registeredMissingRegistrationId();
    void duplicatesOfOneHandle();
    void duplicatesFoundFromARegistrationId();
    void installationWithExpiredChannel();
    void platformLegacyGcm();
    void platformTemplateSendToNative();
    void expiryPassed();
    void tagsExcludeTheInstallation();
    void tagsNameTheExcludingSubExpression();
    void templateMissingProperty();
    void templateRendersWithTheProperties();
    void hubWithoutManageCannotTell();
    void hubWithoutTheCredential();
    void appleWithoutTestSendDoesNotWarn();
    void verdictOrdering();
    void userSubjectFindsTheInstallation();
    void handfulOfRequests_data();
    void handfulOfRequests();
    void cancelStopsAndReportsOnce();
    void restartDropsTheFirstRun();

private:
    EmulatorFixture f;
    std::unique_ptr<HubClient> client;
};

void TestDiagnosisEngine::initTestCase()
{
    EmulatorOptions options = EmulatorFixture::defaultOptions();
    options.seedDemoData = false;
    QVERIFY(f.start(options));
    client = std::make_unique<HubClient>(&f.nam);
    client->setConnection(f.hubConnection());
}

void TestDiagnosisEngine::init()
{
    f.resetHubConfiguration();
}

void TestDiagnosisEngine::healthyDeviceEveryCheckOk()
{
    QVERIFY(
        !createRegistration(*client, native(Platform::FcmV1, kFcm, {u"sports"_s, u"user:dora"_s}))
             .isEmpty());
    DiagnosisEngine engine(client.get());
    QSignalSpy checks(&engine, &DiagnosisEngine::checkFinished);
    QSignalSpy progress(&engine, &DiagnosisEngine::progress);
    QSignalSpy exchanges(&engine, &DiagnosisEngine::exchangeAdded);
    QVERIFY(
        run(engine, subject(DiagnosisSubject::Kind::Handle, kFcm), send(Format::FcmV1, kDefault)));
    const DiagnosisReport &r = engine.report();
    QCOMPARE(checks.size(), 7); // check 8 stays Pending: nothing pushes unless asked
    QCOMPARE(exchanges.size(), r.exchanges.size());
    QVERIFY(!progress.isEmpty());
    QCOMPARE(progress.last().at(0).toInt(), r.requests()); // done == every request
    QCOMPARE(progress.last().at(1).toInt(), r.requests());
    for (const DiagnosisCheck &c : r.checks) {
        for (const QUuid &id : c.evidence)
            QVERIFY(r.exchange(id)); // every piece of evidence is openable
    }
    // No token, key or PNS credential in what the report keeps.
    const QByteArray secret = f.connectionString().key().toUtf8();
    for (const Exchange &e : r.exchanges) {
        QVERIFY(e.authorization.isEmpty());
        QVERIFY(!e.responseBody.contains(secret));
        for (const auto &h : e.requestHeaders)
            QVERIFY(!h.second.contains(secret));
        if (e.hubDescription) {
            for (const AuthorizationRule &rule : e.hubDescription->authorizationRules)
                QVERIFY(rule.primaryKey.toUtf8() != secret && rule.secondaryKey.toUtf8() != secret);
        }
    }
    for (const DiagnosisCheck &c : r.checks) {
        const QString expected = c.id == DiagnosisCheckId::TestSend ? u"pending"_s : u"ok"_s;
        QVERIFY2(key(c.verdict) == expected,
                 qPrintable(diagnosisCheckKey(c.id) + u": "_s + c.summary));
    }
    QCOMPARE(r.overall(), DiagnosisVerdict::Ok);
    QCOMPARE(cause(r), QString());
    QCOMPARE(r.registrations.size(), 1);
    QVERIFY(!r.finished.isNull());
    QVERIFY(!r.cancelled);
    QString why;
    QVERIFY2(engine.canSendTest(&why), qPrintable(why)); // `user:dora` is its own
}

void TestDiagnosisEngine::registeredMissingHandle()
{
    DiagnosisEngine engine(client.get());
    QVERIFY(
        run(engine, subject(DiagnosisSubject::Kind::Handle, kFcm), send(Format::FcmV1, kDefault)));
    const DiagnosisReport &r = engine.report();
    QCOMPARE(key(verdict(r, DiagnosisCheckId::Registered)), u"problem"_s);
    QCOMPARE(cause(r), u"registered"_s);
    QVERIFY(r.verdictLine().contains(u"No registration or installation carries this handle"_s));
    // Nothing else can be judged without a registration.
    QCOMPARE(key(verdict(r, DiagnosisCheckId::Tags)), u"cannot-tell"_s);
    QVERIFY(!engine.canSendTest());
}

void TestDiagnosisEngine::registeredMissingRegistrationId()
{
    DiagnosisEngine engine(client.get());
    QVERIFY(run(engine, subject(DiagnosisSubject::Kind::Registration, u"1234567890123456789-1"_s)));
    const DiagnosisReport &r = engine.report();
    QCOMPARE(key(verdict(r, DiagnosisCheckId::Registered)), u"problem"_s);
    QVERIFY(r.check(DiagnosisCheckId::Registered)->summary.contains(u"does not exist"_s));
    QCOMPARE(r.check(DiagnosisCheckId::Registered)->evidence.size(), 1);
    QVERIFY(r.exchange(r.check(DiagnosisCheckId::Registered)->evidence.first()));
}

void TestDiagnosisEngine::duplicatesOfOneHandle()
{
    const QString handle = u"fcm-token-frank-twice-xR7:APA91bQ2x"_s;
    const QString a = createRegistration(*client, native(Platform::FcmV1, handle, {u"sports"_s}));
    const QString b = createRegistration(*client, native(Platform::FcmV1, handle, {u"politics"_s}));
    QVERIFY(!a.isEmpty() && !b.isEmpty());
    DiagnosisEngine engine(client.get());
    QVERIFY(run(engine, subject(DiagnosisSubject::Kind::Handle, handle),
                send(Format::FcmV1, kDefault)));
    const DiagnosisReport &r = engine.report();
    const DiagnosisCheck *c = r.check(DiagnosisCheckId::Duplicates);
    QCOMPARE(key(c->verdict), u"problem"_s);
    QCOMPARE(QSet<QString>(c->registrationIds.cbegin(), c->registrationIds.cend()),
             QSet<QString>({a, b}));
    QCOMPARE(cause(r), u"duplicates"_s);
    QVERIFY(!c->evidence.isEmpty());
    for (const QUuid &id : c->evidence)
        QVERIFY(r.exchange(id)->url.toString().contains(u"filter"_s));
}

void TestDiagnosisEngine::duplicatesFoundFromARegistrationId()
{
    const QString handle = u"fcm-token-frank-twice-xR7:APA91bQ2x"_s;
    const QString a = createRegistration(*client, native(Platform::FcmV1, handle, {u"sports"_s}));
    const QString b = createRegistration(*client, native(Platform::FcmV1, handle, {u"sports"_s}));
    QVERIFY(!a.isEmpty() && !b.isEmpty());
    DiagnosisEngine engine(client.get());
    QVERIFY(run(engine, subject(DiagnosisSubject::Kind::Registration, a),
                send(Format::FcmV1, kDefault)));
    const DiagnosisReport &r = engine.report();
    QCOMPARE(r.registrations.size(), 2); // the other one came from the by-channel listing
    QCOMPARE(cause(r), u"duplicates"_s);
    QVERIFY2(r.requests() <= 4, qPrintable(QString::number(r.requests())));
}

void TestDiagnosisEngine::installationWithExpiredChannel()
{
    // The hub sets pushChannelExpired itself when the push service refuses the channel.
    Installation i;
    i.installationId = u"inst-expired-channel"_s;
    i.platform = Platform::FcmV1;
    i.pushChannel = u"fcm-token-old-Zz9:APA91bOld"_s;
    i.tags = {u"sports"_s};
    i.pushChannelExpired = true;
    f.emulator.state().putInstallation(*f.emulator.state().hub(f.hub()), i);
    DiagnosisEngine engine(client.get());
    QVERIFY(run(engine, subject(DiagnosisSubject::Kind::Installation, i.installationId),
                send(Format::FcmV1, kDefault)));
    const DiagnosisReport &r = engine.report();
    QCOMPARE(key(verdict(r, DiagnosisCheckId::Registered)), u"problem"_s);
    QVERIFY(r.check(DiagnosisCheckId::Registered)->summary.contains(u"expired"_s));
    QCOMPARE(cause(r), u"registered"_s);
}

void TestDiagnosisEngine::platformLegacyGcm()
{
    const QString handle = u"gcm-legacy-token-APA91bGHXQBB"_s;
    QVERIFY(!createRegistration(*client, native(Platform::Gcm, handle, {u"sports"_s})).isEmpty());
    DiagnosisEngine engine(client.get());
    QVERIFY(run(engine, subject(DiagnosisSubject::Kind::Handle, handle),
                send(Format::FcmV1, u"sports"_s)));
    const DiagnosisReport &r = engine.report();
    QCOMPARE(key(verdict(r, DiagnosisCheckId::PlatformFormat)), u"problem"_s);
    QVERIFY(r.check(DiagnosisCheckId::PlatformFormat)->summary.contains(u"legacy GCM"_s));
    QCOMPARE(cause(r), u"platform"_s);
    // The tags match: format and tags are told apart.
    QCOMPARE(key(verdict(r, DiagnosisCheckId::Tags)), u"ok"_s);
}

void TestDiagnosisEngine::platformTemplateSendToNative()
{
    QVERIFY(!createRegistration(*client, native(Platform::FcmV1, kFcm, {u"sports"_s})).isEmpty());
    DiagnosisEngine engine(client.get());
    QVERIFY(run(engine, subject(DiagnosisSubject::Kind::Handle, kFcm),
                send(Format::Template, u"sports"_s, {{u"title"_s, u"Hi"_s}})));
    QCOMPARE(key(verdict(engine.report(), DiagnosisCheckId::PlatformFormat)), u"problem"_s);
    QCOMPARE(cause(engine.report()), u"platform"_s);
}

void TestDiagnosisEngine::expiryPassed()
{
    // The API cannot set ExpirationTime (the hub does): the expired registration goes in through
    // the emulator's state, as a registration past the hub's time-to-live would be.
    Registration r = native(Platform::Apple, kApple, {u"sports"_s});
    r.registrationId = EmulatorState::newRegistrationId();
    r.etag = 1;
    r.expirationTime = QDateTime::currentDateTimeUtc().addDays(-3);
    f.emulator.state().putRegistration(*f.emulator.state().hub(f.hub()), r);

    DiagnosisEngine engine(client.get());
    QVERIFY(run(engine, subject(DiagnosisSubject::Kind::Handle, kApple),
                send(Format::Apple, kDefault)));
    const DiagnosisReport &report = engine.report();
    QCOMPARE(key(verdict(report, DiagnosisCheckId::Expiry)), u"problem"_s);
    QCOMPARE(report.check(DiagnosisCheckId::Expiry)->registrationIds,
             QStringList {r.registrationId});
    QCOMPARE(cause(report), u"expiry"_s);

    // A fresh one is fine.
    f.resetHub();
    QVERIFY(!createRegistration(*client, native(Platform::Apple, kApple, {u"sports"_s})).isEmpty());
    QVERIFY(run(engine, subject(DiagnosisSubject::Kind::Handle, kApple),
                send(Format::Apple, kDefault)));
    QCOMPARE(key(verdict(engine.report(), DiagnosisCheckId::Expiry)), u"ok"_s);
}

void TestDiagnosisEngine::tagsExcludeTheInstallation()
{
    Installation i;
    i.installationId = u"5d2c7a8e-9b14-4f3e-8a61-2c9d0e7f4b35"_s;
    i.platform = Platform::FcmV1;
    i.pushChannel = u"fcm-token-erin-Zz9:APA91bTags0001"_s;
    i.tags = {u"news"_s, u"lang:de"_s};
    QVERIFY(putInstallation(*client, i));

    DiagnosisEngine engine(client.get());
    QVERIFY(run(engine, subject(DiagnosisSubject::Kind::Installation, i.installationId),
                send(Format::FcmV1, kDefault)));
    const DiagnosisReport &r = engine.report();
    const DiagnosisCheck *c = r.check(DiagnosisCheckId::Tags);
    QCOMPARE(key(c->verdict), u"problem"_s);
    QVERIFY2(c->summary.contains(u"`sports || politics`: the registration has none of `sports`, "
                                 u"`politics`"_s),
             qPrintable(c->summary));
    QCOMPARE(cause(r), u"tags"_s);
    QVERIFY(r.installation);
    QCOMPARE(key(verdict(r, DiagnosisCheckId::Registered)), u"ok"_s);
    QString why;
    QVERIFY2(engine.canSendTest(&why), qPrintable(why));

    // The same installation with a matching tag passes.
    i.tags = {u"sports"_s};
    QVERIFY(putInstallation(*client, i));
    QVERIFY(run(engine, subject(DiagnosisSubject::Kind::Installation, i.installationId),
                send(Format::FcmV1, kDefault)));
    QCOMPARE(key(verdict(engine.report(), DiagnosisCheckId::Tags)), u"ok"_s);
}

void TestDiagnosisEngine::tagsNameTheExcludingSubExpression()
{
    QVERIFY(!createRegistration(*client, native(Platform::FcmV1, kFcm, {u"sports"_s, u"lang:fr"_s}))
                 .isEmpty());
    DiagnosisEngine engine(client.get());
    QVERIFY(run(engine, subject(DiagnosisSubject::Kind::Handle, kFcm),
                send(Format::FcmV1, u"sports && !lang:fr"_s)));
    const DiagnosisCheck *c = engine.report().check(DiagnosisCheckId::Tags);
    QCOMPARE(key(c->verdict), u"problem"_s);
    QVERIFY2(c->summary.contains(
                 u"`sports && !lang:fr`: excluded by `!lang:fr`, the registration has `lang:fr`"_s),
             qPrintable(c->summary));
}

void TestDiagnosisEngine::templateMissingProperty()
{
    const QString body = uR"j({"aps":{"alert":{"title":"$(title)","body":"$(message)"}}})j"_s;
    const QString id =
        createRegistration(*client, templated(Platform::Apple, kApple, {u"sports"_s}, body));
    QVERIFY(!id.isEmpty());
    DiagnosisEngine engine(client.get());
    QVERIFY(
        run(engine, subject(DiagnosisSubject::Kind::Handle, kApple),
            send(Format::Template, kDefault, {{u"title"_s, u"Hello"_s}, {u"body"_s, u"World"_s}})));
    const DiagnosisReport &r = engine.report();
    const DiagnosisCheck *c = r.check(DiagnosisCheckId::Template);
    QCOMPARE(key(c->verdict), u"problem"_s);
    QVERIFY2(c->summary.contains(u"$(message)"_s), qPrintable(c->summary));
    QVERIFY(c->rendered.value(id).contains("Hello"));
    QCOMPARE(cause(r), u"template"_s);
}

void TestDiagnosisEngine::templateRendersWithTheProperties()
{
    const QString body = uR"j({"aps":{"alert":{"title":"$(title)","body":"$(body)"}}})j"_s;
    const QString id =
        createRegistration(*client, templated(Platform::Apple, kApple, {u"sports"_s}, body));
    DiagnosisEngine engine(client.get());
    QVERIFY(
        run(engine, subject(DiagnosisSubject::Kind::Handle, kApple),
            send(Format::Template, kDefault, {{u"title"_s, u"Hello"_s}, {u"body"_s, u"World"_s}})));
    const DiagnosisCheck *c = engine.report().check(DiagnosisCheckId::Template);
    QCOMPARE(key(c->verdict), u"ok"_s);
    QCOMPARE(c->rendered.value(id), R"({"aps":{"alert":{"title":"Hello","body":"World"}}})");
}

void TestDiagnosisEngine::hubWithoutManageCannotTell()
{
    QVERIFY(!createRegistration(*client, native(Platform::FcmV1, kFcm, {u"sports"_s})).isEmpty());
    HubClient listen(&f.nam);
    listen.setConnection(f.hubConnection(u"DefaultListenSharedAccessSignature"_s));
    DiagnosisEngine engine(&listen);
    QVERIFY(
        run(engine, subject(DiagnosisSubject::Kind::Handle, kFcm), send(Format::FcmV1, kDefault)));
    const DiagnosisReport &r = engine.report();
    const DiagnosisCheck *c = r.check(DiagnosisCheckId::HubConfiguration);
    QCOMPARE(key(c->verdict), u"cannot-tell"_s);
    QVERIFY(c->summary.contains(u"could not be read"_s));
    QVERIFY(c->summary.size() > u"The hub's configuration could not be read: "_s.size() + 10);
    QCOMPARE(c->evidence.size(), 1);
    QVERIFY(r.exchange(c->evidence.first())->status == 401
            || r.exchange(c->evidence.first())->status == 403);
    // The by-channel listings need only Listen: the device is still found.
    QCOMPARE(key(verdict(r, DiagnosisCheckId::Registered)), u"ok"_s);
    QCOMPARE(cause(r), QString());
}

void TestDiagnosisEngine::hubWithoutTheCredential()
{
    EmulatorHub *hub = f.emulator.state().hub(f.hub());
    hub->description.credentials.removeIf(
        [](const PnsCredential &c) { return c.kind == PnsCredentialKind::FcmV1; });
    QVERIFY(!createRegistration(*client, native(Platform::FcmV1, kFcm, {u"sports"_s})).isEmpty());
    DiagnosisEngine engine(client.get());
    QVERIFY(
        run(engine, subject(DiagnosisSubject::Kind::Handle, kFcm), send(Format::FcmV1, kDefault)));
    const DiagnosisCheck *c = engine.report().check(DiagnosisCheckId::HubConfiguration);
    QCOMPARE(key(c->verdict), u"problem"_s);
    QVERIFY2(c->summary.contains(u"FcmV1Credential"_s), qPrintable(c->summary));
    QCOMPARE(cause(engine.report()), u"hub"_s);
}

void TestDiagnosisEngine::appleWithoutTestSendDoesNotWarn()
{
    const QString token = u"C0FFEE0012production4A5B6C7D8E9F00112233445566778899AABBCCDDEEFF01"_s;
    QVERIFY(!createRegistration(*client, native(Platform::Apple, token, {u"sports"_s})).isEmpty());
    DiagnosisEngine engine(client.get());
    QVERIFY(
        run(engine, subject(DiagnosisSubject::Kind::Handle, token), send(Format::Apple, kDefault)));
    const DiagnosisCheck *c = engine.report().check(DiagnosisCheckId::HubConfiguration);
    QCOMPARE(key(c->verdict), u"ok"_s);
    QVERIFY(c->details.join(u' ').contains(u"a test send tells"_s));
    QCOMPARE(cause(engine.report()), QString());
}

void TestDiagnosisEngine::verdictOrdering()
{
    // Expired and excluded by its tags: the tags explain the missing push first.
    Registration r = native(Platform::Apple, kApple, {u"news"_s});
    r.registrationId = EmulatorState::newRegistrationId();
    r.etag = 1;
    r.expirationTime = QDateTime::currentDateTimeUtc().addDays(-1);
    f.emulator.state().putRegistration(*f.emulator.state().hub(f.hub()), r);
    DiagnosisEngine engine(client.get());
    QVERIFY(run(engine, subject(DiagnosisSubject::Kind::Handle, kApple),
                send(Format::Apple, kDefault)));
    QCOMPARE(key(verdict(engine.report(), DiagnosisCheckId::Expiry)), u"problem"_s);
    QCOMPARE(key(verdict(engine.report(), DiagnosisCheckId::Tags)), u"problem"_s);
    QCOMPARE(cause(engine.report()), u"tags"_s);
    QVERIFY(engine.report().verdictLine().startsWith(u"Most likely cause: The send's tags"_s));

    // A wrong format outranks the tags and the expiry.
    QVERIFY(run(engine, subject(DiagnosisSubject::Kind::Handle, kApple),
                send(Format::FcmV1, kDefault)));
    QCOMPARE(cause(engine.report()), u"platform"_s);
}

void TestDiagnosisEngine::userSubjectFindsTheInstallation()
{
    Installation i;
    i.installationId = u"inst-user-ivy"_s;
    i.userId = u"ivy"_s;
    i.platform = Platform::FcmV1;
    i.pushChannel = u"fcm-token-ivy-Zz9:APA91bUser"_s;
    i.tags = {u"sports"_s};
    QVERIFY(putInstallation(*client, i));
    DiagnosisEngine engine(client.get());
    QVERIFY(run(engine, subject(DiagnosisSubject::Kind::User, u"ivy"_s),
                send(Format::FcmV1, kDefault)));
    const DiagnosisReport &r = engine.report();
    QCOMPARE(key(verdict(r, DiagnosisCheckId::Registered)), u"ok"_s);
    QVERIFY(r.installation);
    QCOMPARE(r.installation->installationId, i.installationId);
    QCOMPARE(cause(r), QString());
}

void TestDiagnosisEngine::handfulOfRequests_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("value");
    QTest::addColumn<int>("bound");
    QTest::newRow("fcm handle") << int(DiagnosisSubject::Kind::Handle) << kFcm << 4;
    QTest::newRow("apple handle") << int(DiagnosisSubject::Kind::Handle) << kApple << 3;
    QTest::newRow("installation") << int(DiagnosisSubject::Kind::Installation) << u"inst-many"_s
                                  << 3;
    QTest::newRow("user") << int(DiagnosisSubject::Kind::User) << u"many"_s << 5;
}

void TestDiagnosisEngine::handfulOfRequests()
{
    QFETCH(int, kind);
    QFETCH(QString, value);
    QFETCH(int, bound);
    // A hub with many other registrations: a diagnosis never lists them.
    EmulatorHub *hub = f.emulator.state().hub(f.hub());
    for (int n = 0; n < 500; ++n) {
        Registration other =
            native(Platform::FcmV1, u"fcm-other-%1:APA91b"_s.arg(n), {u"sports"_s});
        other.registrationId = EmulatorState::newRegistrationId();
        other.etag = 1;
        f.emulator.state().putRegistration(*hub, other);
    }
    QVERIFY(
        !createRegistration(*client, native(Platform::FcmV1, kFcm, {u"sports"_s, u"device:1"_s}))
             .isEmpty());
    QVERIFY(!createRegistration(*client, native(Platform::Apple, kApple, {u"sports"_s})).isEmpty());
    Installation i;
    i.installationId = u"inst-many"_s;
    i.userId = u"many"_s;
    i.platform = Platform::FcmV1;
    i.pushChannel = u"fcm-token-many-Zz9:APA91bMany"_s;
    i.tags = {u"sports"_s};
    QVERIFY(putInstallation(*client, i));

    DiagnosisEngine engine(client.get());
    QVERIFY(
        run(engine, subject(DiagnosisSubject::Kind(kind), value), send(Format::FcmV1, kDefault)));
    const DiagnosisReport &r = engine.report();
    QVERIFY2(r.requests() <= bound, qPrintable(QString::number(r.requests())));
    QCOMPARE(r.requests(), int(r.exchanges.size()));
    QVERIFY(!r.registrations.isEmpty());
    int fetched = 0;
    for (const Exchange &e : r.exchanges) {
        if (e.operation == u"registrations.list"_s)
            QVERIFY2(e.url.query().contains(u"filter"_s), qPrintable(e.url.toString()));
        if (e.feed)
            fetched += int(e.feed->entries.size());
    }
    QVERIFY2(fetched < 10, qPrintable(QString::number(fetched)));
}

void TestDiagnosisEngine::cancelStopsAndReportsOnce()
{
    QVERIFY(!createRegistration(*client, native(Platform::FcmV1, kFcm, {u"sports"_s})).isEmpty());
    DiagnosisEngine engine(client.get());
    QSignalSpy finished(&engine, &DiagnosisEngine::finished);
    QSignalSpy checks(&engine, &DiagnosisEngine::checkFinished);
    engine.start(subject(DiagnosisSubject::Kind::Handle, kFcm), send(Format::FcmV1, kDefault));
    QVERIFY(engine.isRunning());
    QCOMPARE(finished.size(), 0); // never from inside start()
    engine.cancel();
    QVERIFY(!engine.isRunning());
    QVERIFY(finished.wait(2000));
    QCOMPARE(finished.size(), 1);
    const auto report = finished.first().first().value<DiagnosisReport>();
    QVERIFY(report.cancelled);
    QVERIFY(report.finished.isNull());
    QCOMPARE(report.overall(), DiagnosisVerdict::Pending);
    // Late answers of the cancelled requests change nothing.
    QVERIFY(!finished.wait(300));
    QCOMPARE(checks.size(), 0);
    QCOMPARE(finished.size(), 1);
}

void TestDiagnosisEngine::restartDropsTheFirstRun()
{
    QVERIFY(!createRegistration(*client, native(Platform::FcmV1, kFcm, {u"sports"_s})).isEmpty());
    DiagnosisEngine engine(client.get());
    QSignalSpy finished(&engine, &DiagnosisEngine::finished);
    engine.start(subject(DiagnosisSubject::Kind::Handle, u"nobody-0000:APA91b"_s));
    engine.start(subject(DiagnosisSubject::Kind::Handle, kFcm), send(Format::FcmV1, kDefault));
    QVERIFY(finished.wait(5000));
    QVERIFY(!finished.wait(300));
    QCOMPARE(finished.size(), 1);
    QCOMPARE(engine.report().subject.value, kFcm);
    QCOMPARE(key(verdict(engine.report(), DiagnosisCheckId::Registered)), u"ok"_s);
}

QTEST_GUILESS_MAIN(TestDiagnosisEngine)
#include "tst_diagnosisengine.moc"
