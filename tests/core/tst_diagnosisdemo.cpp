// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The acceptance cases of the diagnosis (issue #19, docs/diagnosis.md): for every row of the demo
// devices table (core/emulator/demodevices.cpp) the situation it describes is made over the hub's
// API on a fresh hub, among neighbours that share its topics, and the engine must name the row's
// expected cause first; the healthy device passes every check. The APNs environment row needs the
// test send, and says nothing before it.

#include "diagnosistesthelpers.h"
#include "emulator/demodevices.h"
#include "emulator/emulatorstate.h"

using namespace Nh;
using namespace DiagnosisTest;
using namespace Qt::Literals::StringLiterals;

class TestDiagnosisDemo : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void demoDevice_data();
    void demoDevice();

private:
    bool makeSituation(const DemoDevice &device);

    EmulatorFixture f;
    std::unique_ptr<HubClient> client;
};

void TestDiagnosisDemo::initTestCase()
{
    EmulatorOptions options = EmulatorFixture::defaultOptions();
    options.seedDemoData = false;
    QVERIFY(f.start(options));
    client = std::make_unique<HubClient>(&f.nam);
    client->setConnection(f.hubConnection());
}

bool TestDiagnosisDemo::makeSituation(const DemoDevice &device)
{
    const QString name = device.name;
    const QString handle = device.subject;
    // Neighbours with the demo's topics: a diagnosis must tell the device apart from them.
    if (createRegistration(
            *client,
            native(Platform::Apple,
                   u"62BCD3484834B7E2DC56733AC5509259230CC1BA82BA1AE7D06E91908A05A8FA"_s,
                   {u"sports"_s, u"user:alice"_s}))
            .isEmpty()
        || createRegistration(*client,
                              native(Platform::FcmV1, u"fcm-token-neighbour:APA91b"_s,
                                     {u"sports"_s, u"politics"_s}))
               .isEmpty())
        return false;

    if (name == u"healthy"_s)
        return !createRegistration(
                    *client,
                    native(Platform::FcmV1, handle,
                           {u"sports"_s, u"politics"_s, u"user:bob"_s, u"lang:en"_s}))
                    .isEmpty();
    if (name == u"duplicate"_s)
        return !createRegistration(*client, native(Platform::FcmV1, handle, {u"sports"_s}))
                    .isEmpty()
            && !createRegistration(*client, native(Platform::FcmV1, handle, {u"sports"_s}))
                    .isEmpty();
    if (name == u"expired"_s) {
        // The hub alone sets ExpirationTime: the expired registration goes in through the state.
        Registration r = native(Platform::Apple, handle, {u"sports"_s, u"lang:en"_s});
        r.registrationId = EmulatorState::newRegistrationId();
        r.etag = 1;
        r.expirationTime = QDateTime::currentDateTimeUtc().addDays(-10);
        f.emulator.state().putRegistration(*f.emulator.state().hub(f.hub()), r);
        return true;
    }
    if (name == u"legacy-gcm"_s)
        return !createRegistration(*client, native(Platform::Gcm, handle, {u"sports"_s})).isEmpty();
    if (name == u"template-property"_s)
        return !createRegistration(
                    *client,
                    templated(Platform::Apple, handle, {u"sports"_s, u"lang:en"_s},
                              uR"j({"aps":{"alert":{"title":"$(title)","body":"$(message)"}}})j"_s))
                    .isEmpty();
    if (name == u"apns-environment"_s)
        return !createRegistration(*client,
                                   native(Platform::Apple, handle, {u"sports"_s, u"user:grace"_s}))
                    .isEmpty();
    if (name == u"tags-excluded"_s) {
        Installation i;
        i.installationId = handle;
        i.platform = Platform::FcmV1;
        i.pushChannel = u"fcm-token-heidi-install:APA91bTg"_s;
        i.tags = {u"news"_s, u"lang:de"_s};
        return putInstallation(*client, i);
    }
    return false;
}

void TestDiagnosisDemo::demoDevice_data()
{
    QTest::addColumn<int>("row");
    for (int i = 0; i < demoDevices().size(); ++i)
        QTest::newRow(QString(demoDevices().at(i).name).toUtf8().constData()) << i;
}

void TestDiagnosisDemo::demoDevice()
{
    QFETCH(int, row);
    const DemoDevice &device = demoDevices().at(row);
    f.resetHubConfiguration();
    QVERIFY(makeSituation(device));

    DiagnosisSubject s;
    s.kind = device.subjectKind == "installation"_L1 ? DiagnosisSubject::Kind::Installation
        : device.subjectKind == "user"_L1            ? DiagnosisSubject::Kind::User
                                                     : DiagnosisSubject::Kind::Handle;
    s.value = device.subject;
    DiagnosisSend sent;
    sent.format = formatFromWireName(QString(device.format));
    QVERIFY(sent.format);
    sent.tagExpression = device.tags;
    for (QLatin1StringView kv : device.properties) {
        const QString text = kv;
        sent.properties.insert(text.section(u'=', 0, 0), text.section(u'=', 1));
    }

    DiagnosisEngine engine(client.get());
    QVERIFY(run(engine, s, sent));
    const DiagnosisReport &report = engine.report();
    QVERIFY2(report.requests() <= 5, qPrintable(QString::number(report.requests())));
    qInfo("%s: %d requests", device.name.data(), int(report.requests()));
    if (device.needsTestSend) {
        // Nothing the hub stores tells a token's environment: no cause before the test send.
        QCOMPARE(cause(report), QString());
        QString why;
        QVERIFY2(engine.canSendTest(&why), qPrintable(why));
        QSignalSpy finished(&engine, &DiagnosisEngine::finished);
        engine.sendTest();
        QVERIFY(finished.wait(5000));
    }
    const DiagnosisReport &done = engine.report();
    QVERIFY2(cause(done) == QString(device.expectedCause), qPrintable(done.verdictLine()));
    if (device.expectedCause.isEmpty()) {
        for (const DiagnosisCheck &c : done.checks) {
            if (c.id != DiagnosisCheckId::TestSend)
                QVERIFY2(c.verdict == DiagnosisVerdict::Ok,
                         qPrintable(diagnosisCheckKey(c.id) + u": "_s + c.summary));
        }
        QCOMPARE(done.verdictLine(), u"Every check passed."_s);
    } else {
        QVERIFY(done.verdictLine().startsWith(u"Most likely cause: "_s));
        QVERIFY(!done.likelyCause()->nextStep.isEmpty());
    }
}

QTEST_GUILESS_MAIN(TestDiagnosisDemo)
#include "tst_diagnosisdemo.moc"
