// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Nh::HubClient against the in-process emulator over real HTTPS.

#include "client/hubclient.h"
#include "emulator/emulatorstate.h"
#include "emulator/faults.h"
#include "emulatorfixture.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Nh;

class TestHubClient final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void testSendReachesRegistrations();
    void invalidNotificationIsNeverSent();
    void retriesAfter429();
    void cancel();
    void timeout();

private:
    Exchange run(HubJob *job);
    EmulatorFixture f;
    QNetworkAccessManager nam;
    std::unique_ptr<HubClient> client;
};

void TestHubClient::initTestCase()
{
    QVERIFY(f.start());
    client = std::make_unique<HubClient>(&nam);
    HubConnection c;
    c.connectionString = f.connectionString();
    c.hub = f.hub();
    c.caCertificates = {f.emulator.certificate()};
    c.transferTimeoutMs = 5000;
    client->setConnection(c);
}

void TestHubClient::init()
{
    f.resetHub();
}

Exchange TestHubClient::run(HubJob *job)
{
    QSignalSpy finished(job, &HubJob::finished);
    if (!finished.wait(15000))
        return {};
    return finished.first().first().value<Exchange>();
}

void TestHubClient::testSendReachesRegistrations()
{
    Registration r;
    r.handle = u"AB12"_s;
    r.tags = {u"sports"_s};
    f.emulator.state().putRegistration(*f.emulator.state().hub(f.hub()), r);
    Notification n;
    n.format = Format::Apple;
    n.body = R"({"aps":{"alert":"hi"}})";
    n.target = Target::tags(u"sports"_s);
    const Exchange e = run(client->send(n));
    QCOMPARE(e.result, ExchangeResult::Success);
    QCOMPARE(e.status, 201);
    QVERIFY(e.outcome.has_value());
    QCOMPARE(e.outcome->success, 1);
    QCOMPARE(e.outcome->results.value(0).pnsHandle, u"AB12"_s);
    QVERIFY(!e.notificationId.isEmpty());
    QVERIFY(e.timeToFirstByteMs >= 0);
    // The Authorization header is redacted in the record, and real on request.
    const auto shown = headerValue(e.requestHeaders, "Authorization").value_or(QByteArray());
    QVERIFY(shown.contains("sig=[redacted]"));
    QVERIFY(
        !headerValue(e.requestHeadersFor(Reveal::Yes), "Authorization")->contains("[redacted]"));
    QCOMPARE(headerValue(e.requestHeaders, "ServiceBusNotification-Tags"),
             std::optional<QByteArray>("sports"));
    QVERIFY(e.url.query().contains(u"test"_s));
}

void TestHubClient::invalidNotificationIsNeverSent()
{
    const int before = int(f.emulator.log().size());
    Notification n;
    n.format = Format::Template;
    n.body = R"({"n": 5})";
    const Exchange e = run(client->send(n));
    QCOMPARE(e.result, ExchangeResult::Invalid);
    QVERIFY(e.error.has_value());
    QVERIFY(e.error->isLocated());
    QCOMPARE(int(f.emulator.log().size()), before);
}

void TestHubClient::retriesAfter429()
{
    FaultRule rule;
    rule.fault = *Fault::parse(u"status=429;retry-after=0"_s);
    rule.operation = u"registrations.list"_s;
    rule.count = 2;
    f.emulator.faults().add(rule);
    auto *job = client->listRegistrations({});
    QSignalSpy retrying(job, &HubJob::retrying);
    const Exchange e = run(job);
    QCOMPARE(e.result, ExchangeResult::Success);
    QCOMPARE(e.attempts.size(), 3);
    QCOMPARE(e.attempts[0].status, 429);
    QCOMPARE(retrying.size(), 2);
}

void TestHubClient::cancel()
{
    FaultRule rule;
    rule.fault = *Fault::parse(u"stall"_s);
    rule.count = 1;
    f.emulator.faults().add(rule);
    auto *job = client->getRegistration(u"1-2-3"_s);
    QSignalSpy finished(job, &HubJob::finished);
    QTimer::singleShot(200, job, &HubJob::cancel);
    QVERIFY(finished.wait(10000));
    const Exchange e = finished.first().first().value<Exchange>();
    QCOMPARE(e.result, ExchangeResult::Cancelled);
    QCOMPARE(e.abortReason, AbortReason::User);
}

void TestHubClient::timeout()
{
    HubConnection c = client->connection();
    c.transferTimeoutMs = 300;
    HubClient fast(&nam);
    fast.setConnection(c);
    FaultRule rule;
    rule.fault = *Fault::parse(u"stall"_s);
    rule.count = 1;
    f.emulator.faults().add(rule);
    const Exchange e = run(fast.getRegistration(u"1-2-3"_s));
    QCOMPARE(e.result, ExchangeResult::Timeout);
    QCOMPARE(e.abortReason, AbortReason::Timeout);
    QVERIFY2(e.errorSentence.contains(u"within 0.3 s"_s), qPrintable(e.errorSentence));
}

QTEST_GUILESS_MAIN(TestHubClient)
#include "tst_hubclient.moc"
