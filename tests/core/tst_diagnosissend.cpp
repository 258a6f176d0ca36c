// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Check 8 of the diagnosis (issue #19, docs/diagnosis.md) against the emulator: which devices a
// test send can target, the test send and the direct send with its telemetry (only when asked,
// never from start()), the APNs environment mismatch a test send reveals, and check 1 reading the
// local history for an earlier "invalid handle".

#include "diagnosistesthelpers.h"
#include "emulator/faults.h"
#include "protocol/payloadbuilder.h"
#include "store/history/historyreader.h"
#include "store/historystore.h"

#include <QTemporaryDir>

using namespace Nh;
using namespace DiagnosisTest;
using namespace Qt::Literals::StringLiterals;

namespace {

const QString kFcm = u"fcm-token-gus-Q7x:APA91bSend0001"_s;
const QString kDefault = u"sports || politics"_s;

QString key(DiagnosisVerdict v)
{
    return diagnosisVerdictKey(v);
}

int sendsLogged(HubEmulator &emulator)
{
    int n = 0;
    for (const EmulatorLogEntry &e : emulator.log()) {
        if (e.operation.startsWith(u"send"_s))
            ++n;
    }
    return n;
}

} // namespace

class TestDiagnosisSend : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void installationIsTargetedBySystemTag();
    void registrationWithOwnTag();
    void sharedTagCannotTarget();
    void testSendReachesTheDevice();
    void apnsEnvironmentNeedsTheTestSend();
    void apnsEnvironmentByDirectSendTelemetry();
    void directSendWithTelemetry();
    void telemetryOnFreeTierSaidPlainly();
    void cancelWhileWaitingForTelemetry();
    void historyTellsWhenTheHandleWasReported();

private:
    bool runAction(DiagnosisEngine &engine, void (DiagnosisEngine::*action)());

    EmulatorFixture f;
    std::unique_ptr<HubClient> client;
};

void TestDiagnosisSend::initTestCase()
{
    EmulatorOptions options = EmulatorFixture::defaultOptions();
    options.seedDemoData = false;
    QVERIFY(f.start(options));
    client = std::make_unique<HubClient>(&f.nam);
    client->setConnection(f.hubConnection());
}

void TestDiagnosisSend::init()
{
    f.resetHubConfiguration();
}

bool TestDiagnosisSend::runAction(DiagnosisEngine &engine, void (DiagnosisEngine::*action)())
{
    QSignalSpy finished(&engine, &DiagnosisEngine::finished);
    (engine.*action)();
    if (!engine.isRunning() || !finished.wait(5000))
        return false;
    return finished.size() == 1;
}

void TestDiagnosisSend::installationIsTargetedBySystemTag()
{
    Installation i;
    i.installationId = u"inst-hana"_s;
    i.platform = Platform::FcmV1;
    i.pushChannel = kFcm;
    i.tags = {u"sports"_s};
    QVERIFY(putInstallation(*client, i));
    const int before = sendsLogged(f.emulator);
    DiagnosisEngine engine(client.get());
    QVERIFY(run(engine, subject(DiagnosisSubject::Kind::Installation, i.installationId),
                send(Format::FcmV1, kDefault)));
    QString why;
    QVERIFY2(engine.canSendTest(&why), qPrintable(why));
    QVERIFY(engine.report()
                .check(DiagnosisCheckId::TestSend)
                ->summary.contains(u"$InstallationId:{inst-hana}"_s));
    QCOMPARE(sendsLogged(f.emulator), before); // start() never pushes
}

void TestDiagnosisSend::registrationWithOwnTag()
{
    const QString id =
        createRegistration(*client, native(Platform::FcmV1, kFcm, {u"sports"_s, u"user:gus"_s}));
    QVERIFY(!id.isEmpty());
    DiagnosisEngine engine(client.get());
    QVERIFY(run(engine, subject(DiagnosisSubject::Kind::Registration, id),
                send(Format::FcmV1, kDefault)));
    QString why;
    QVERIFY2(engine.canSendTest(&why), qPrintable(why));
    QVERIFY(engine.report().check(DiagnosisCheckId::TestSend)->summary.contains(u"user:gus"_s));
    // The probe asked the hub once, by tag, for one more than the device's own.
    int probes = 0;
    for (const Exchange &e : engine.report().exchanges)
        probes += e.operation == u"registrations.bytag"_s ? 1 : 0;
    QCOMPARE(probes, 1);
}

void TestDiagnosisSend::sharedTagCannotTarget()
{
    QVERIFY(!createRegistration(*client, native(Platform::FcmV1, kFcm, {u"sports"_s})).isEmpty());
    QVERIFY(
        !createRegistration(*client, native(Platform::FcmV1, u"fcm-other:APA91b"_s, {u"sports"_s}))
             .isEmpty());
    DiagnosisEngine engine(client.get());
    QVERIFY(
        run(engine, subject(DiagnosisSubject::Kind::Handle, kFcm), send(Format::FcmV1, kDefault)));
    QString why;
    QVERIFY(!engine.canSendTest(&why));
    QVERIFY2(why.contains(u"`sports`"_s), qPrintable(why));
    QCOMPARE(key(engine.report().check(DiagnosisCheckId::TestSend)->verdict), u"pending"_s);
}

void TestDiagnosisSend::testSendReachesTheDevice()
{
    QVERIFY(
        !createRegistration(*client, native(Platform::FcmV1, kFcm, {u"sports"_s, u"user:gus"_s}))
             .isEmpty());
    const int before = sendsLogged(f.emulator);
    DiagnosisEngine engine(client.get());
    QVERIFY(
        run(engine, subject(DiagnosisSubject::Kind::Handle, kFcm), send(Format::FcmV1, kDefault)));
    QCOMPARE(sendsLogged(f.emulator), before);
    QSignalSpy checks(&engine, &DiagnosisEngine::checkFinished);
    QVERIFY(runAction(engine, &DiagnosisEngine::sendTest));
    QCOMPARE(sendsLogged(f.emulator), before + 1);
    const DiagnosisCheck *c = engine.report().check(DiagnosisCheckId::TestSend);
    QVERIFY2(key(c->verdict) == u"ok"_s, qPrintable(c->summary));
    QCOMPARE(c->evidence.size(), 1);
    const Exchange *sent = engine.report().exchange(c->evidence.first());
    QVERIFY(sent);
    QCOMPARE(sent->operation, u"send.test"_s);
    QCOMPARE(headerValue(sent->requestHeaders, "ServiceBusNotification-Tags").value_or(""),
             QByteArray("user:gus"));
    bool testSendEmitted = false;
    for (const QList<QVariant> &args : std::as_const(checks))
        testSendEmitted = testSendEmitted
            || args.first().value<DiagnosisCheck>().id == DiagnosisCheckId::TestSend;
    QVERIFY(testSendEmitted);
    QCOMPARE(cause(engine.report()), QString());
}

void TestDiagnosisSend::apnsEnvironmentNeedsTheTestSend()
{
    // The emulator's sandbox APNs endpoint answers "invalid" for a token marked "production".
    const QString token = u"C0FFEE0012production4A5B6C7D8E9F00112233445566778899AABBCCDDEEFF01"_s;
    QVERIFY(
        !createRegistration(*client, native(Platform::Apple, token, {u"sports"_s, u"user:ada"_s}))
             .isEmpty());
    DiagnosisEngine engine(client.get());
    QVERIFY(
        run(engine, subject(DiagnosisSubject::Kind::Handle, token), send(Format::Apple, kDefault)));
    QCOMPARE(cause(engine.report()), QString());
    QVERIFY(engine.canSendTest());
    QVERIFY(runAction(engine, &DiagnosisEngine::sendTest));
    const DiagnosisReport &r = engine.report();
    QCOMPARE(key(verdict(r, DiagnosisCheckId::TestSend)), u"problem"_s);
    QCOMPARE(key(verdict(r, DiagnosisCheckId::HubConfiguration)), u"problem"_s);
    QCOMPARE(cause(r), u"hub"_s);
    QVERIFY2(r.verdictLine().contains(u"APNs environment mismatch"_s), qPrintable(r.verdictLine()));
    QVERIFY(r.verdictLine().contains(u"production build"_s));
}

void TestDiagnosisSend::apnsEnvironmentByDirectSendTelemetry()
{
    // No tag of its own: the direct send and its telemetry tell the environment instead.
    const QString token = u"C0FFEE0012production4A5B6C7D8E9F00112233445566778899AABBCCDDEEFF01"_s;
    QVERIFY(!createRegistration(*client, native(Platform::Apple, token, {u"sports"_s})).isEmpty());
    QVERIFY(!createRegistration(*client, native(Platform::FcmV1, kFcm, {u"sports"_s})).isEmpty());
    DiagnosisEngine engine(client.get());
    engine.setTelemetryPolling(10, 3);
    QVERIFY(
        run(engine, subject(DiagnosisSubject::Kind::Handle, token), send(Format::Apple, kDefault)));
    QVERIFY(!engine.canSendTest());
    QVERIFY(runAction(engine, &DiagnosisEngine::sendDirect));
    const DiagnosisReport &r = engine.report();
    QCOMPARE(key(verdict(r, DiagnosisCheckId::TestSend)), u"problem"_s);
    QVERIFY(r.check(DiagnosisCheckId::TestSend)->summary.contains(u"BadChannel"_s));
    QCOMPARE(cause(r), u"hub"_s);
    QVERIFY2(r.verdictLine().contains(u"APNs environment mismatch"_s), qPrintable(r.verdictLine()));
}

void TestDiagnosisSend::directSendWithTelemetry()
{
    // Only the shared tag: no test send can target the device, a direct send can.
    QVERIFY(!createRegistration(*client, native(Platform::FcmV1, kFcm, {u"sports"_s})).isEmpty());
    QVERIFY(
        !createRegistration(*client, native(Platform::FcmV1, u"fcm-other:APA91b"_s, {u"sports"_s}))
             .isEmpty());
    DiagnosisEngine engine(client.get());
    engine.setTelemetryPolling(10, 3);
    QVERIFY(
        run(engine, subject(DiagnosisSubject::Kind::Handle, kFcm), send(Format::FcmV1, kDefault)));
    QVERIFY(!engine.canSendTest());
    QSignalSpy progress(&engine, &DiagnosisEngine::progress);
    QVERIFY(runAction(engine, &DiagnosisEngine::sendDirect));
    QVERIFY(!progress.isEmpty());
    QCOMPARE(progress.last().at(0).toInt(), progress.last().at(1).toInt()); // done == total
    const DiagnosisCheck *c = engine.report().check(DiagnosisCheckId::TestSend);
    QVERIFY(c);
    QVERIFY2(key(c->verdict) == u"ok"_s, qPrintable(c->summary));
    QCOMPARE(c->evidence.size(), 2);
    QCOMPARE(engine.report().exchange(c->evidence.at(0))->operation, u"send.direct"_s);
    QCOMPARE(engine.report().exchange(c->evidence.at(1))->operation, u"telemetry.get"_s);
}

void TestDiagnosisSend::telemetryOnFreeTierSaidPlainly()
{
    QVERIFY(!createRegistration(*client, native(Platform::FcmV1, kFcm, {u"sports"_s})).isEmpty());
    FaultRule rule;
    rule.operation = u"telemetry.get"_s;
    rule.fault = *Fault::parse(u"status=403");
    f.emulator.faults().add(rule);
    DiagnosisEngine engine(client.get());
    engine.setTelemetryPolling(10, 3);
    QVERIFY(
        run(engine, subject(DiagnosisSubject::Kind::Handle, kFcm), send(Format::FcmV1, kDefault)));
    QVERIFY(runAction(engine, &DiagnosisEngine::sendDirect));
    const DiagnosisCheck *c = engine.report().check(DiagnosisCheckId::TestSend);
    QVERIFY(c);
    QCOMPARE(key(c->verdict), u"cannot-tell"_s);
    QVERIFY2(c->summary.contains(u"Standard tier"_s), qPrintable(c->summary));
    int polls = 0;
    for (const Exchange &e : engine.report().exchanges)
        polls += e.operation == u"telemetry.get"_s ? 1 : 0;
    QCOMPARE(polls, 1); // a 403 is not asked again
}

void TestDiagnosisSend::cancelWhileWaitingForTelemetry()
{
    QVERIFY(!createRegistration(*client, native(Platform::FcmV1, kFcm, {u"sports"_s})).isEmpty());
    FaultRule rule;
    rule.operation = u"telemetry.get"_s;
    rule.fault = *Fault::parse(u"delay=3000");
    f.emulator.faults().add(rule);
    DiagnosisEngine engine(client.get());
    QVERIFY(
        run(engine, subject(DiagnosisSubject::Kind::Handle, kFcm), send(Format::FcmV1, kDefault)));
    QSignalSpy added(&engine, &DiagnosisEngine::exchangeAdded);
    QSignalSpy finished(&engine, &DiagnosisEngine::finished);
    engine.sendDirect();
    QVERIFY(added.wait(5000)); // the direct send; its telemetry is now delayed
    QCOMPARE(added.last().first().value<Exchange>().operation, u"send.direct"_s);
    engine.cancel();
    QVERIFY(finished.wait(2000));
    QCOMPARE(finished.size(), 1);
    QVERIFY(engine.report().cancelled);
    QVERIFY(!engine.isRunning());
    QCOMPARE(added.size(), 1); // the delayed answer is not taken in
}

void TestDiagnosisSend::historyTellsWhenTheHandleWasReported()
{
    // A handle the push service refuses: a test send makes the hub report it and delete it.
    const QString dead = u"fcm-token-invalid-Q7x:APA91bDead"_s;
    QVERIFY(!createRegistration(*client, native(Platform::FcmV1, dead, {u"sports"_s})).isEmpty());
    Notification n;
    n.format = Format::FcmV1;
    n.body = payloadBuilder(Format::FcmV1).defaultBody();
    n.target = Target::tags(u"sports"_s);
    const Exchange earlier = await(client->send(n, true));
    QVERIFY(earlier.outcome && earlier.outcome->failure == 1);

    QTemporaryDir dir;
    auto store = HistoryStore::open(dir.filePath(u"history.sqlite"_s));
    QVERIFY(store);
    QSignalSpy written(store->get(), &HistoryStore::written);
    (*store)->add(earlier);
    QVERIFY(written.wait(5000));

    DiagnosisEngine engine(client.get());
    engine.setHistory(&(*store)->reader());
    QVERIFY(
        run(engine, subject(DiagnosisSubject::Kind::Handle, dead), send(Format::FcmV1, kDefault)));
    const DiagnosisCheck *c = engine.report().check(DiagnosisCheckId::Registered);
    QCOMPARE(key(c->verdict), u"problem"_s);
    QVERIFY2(c->summary.contains(u"reported the handle as invalid"_s), qPrintable(c->summary));
    QVERIFY(c->summary.contains(earlier.started.toUTC().toString(u"yyyy-MM-dd"_s)));
    QVERIFY(c->nextStep.contains(u"fresh token"_s));
}

QTEST_GUILESS_MAIN(TestDiagnosisSend)
#include "tst_diagnosissend.moc"
