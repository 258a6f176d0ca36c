// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Nh::HubClient against the in-process emulator over real HTTPS: every operation, every failure
// class with its sentence (networkerrors), the headers of every format's send, keep-alive.

#include "client/explainer.h"
#include "client/hubclient.h"
#include "emulator/emulatorservice.h"
#include "emulator/emulatorstate.h"
#include "emulator/faults.h"
#include "emulatorfixture.h"
#include "protocol/installation.h"
#include "protocol/sastoken.h"

#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Nh;

Q_DECLARE_METATYPE(Nh::Notification)
Q_DECLARE_METATYPE(Nh::ErrorCode)

namespace {

const QString kFull = u"DefaultFullSharedAccessSignature"_s;
const QString kListen = u"DefaultListenSharedAccessSignature"_s;

/** A sentence check that prints the sentence when it fails. */
#define VERIFY_CONTAINS(text, part) \
    QVERIFY2((text).contains(part), \
             qPrintable(u"\"%1\" is missing from: %2"_s.arg(QString(part), QString(text))))

QStringList headerNames(const HttpHeaders &headers)
{
    QStringList names;
    for (const auto &h : headers)
        names << QString::fromLatin1(h.first);
    return names;
}

} // namespace

class TestHubClient final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    // Every operation once.
    void testSendReachesRegistrations();
    void broadcastTestSend();
    void sendWithoutTestHasLocation();
    void testSendReachingNobodyIsNoTargets();
    void directSend();
    void directBatchSend();
    void scheduledSendAndCancel();
    void telemetry();
    void createRegistrationId();
    void registrationCrudWithEtags();
    void listPaging_data();
    void listPaging();
    void installations();
    void feedbackContainer();
    void invalidNotificationIsNeverSent();
    void sendWarningsReachTheExchange();
    void tokenSignedOnceASecond();
    void lastRequestKeptOnlyForTheSameRequest();

    // Failure classes.
    void dnsFailure();
    void connectionRefused();
    void untrustedCertificate();
    void connectionReset();
    void retriesAfter429();
    void cancel();
    void cancelDuringRetryWait();
    void timeout();
    void unauthorized_data();
    void unauthorized();
    void hubErrors_data();
    void hubErrors();
    void throttleAdviceByOperation_data();
    void throttleAdviceByOperation();
    void unreadableSuccessBody_data();
    void unreadableSuccessBody();

    // Wire.
    void keepAliveReusesOneConnection();
    void userAgentNamesNhconsole();
    void sendHeaders_data();
    void sendHeaders();

private:
    Exchange run(HubJob *job);
    HubConnection connection(const QString &rule = kFull) const;
    EmulatorHub &hub();
    QString seed(Platform platform, const QString &handle, const QStringList &tags,
                 bool isTemplate = false);
    void addFault(const QString &operation, const QString &spec, int count = 1);

    EmulatorFixture f;
    QNetworkAccessManager nam;
    std::unique_ptr<HubClient> client;
};

void TestHubClient::initTestCase()
{
    QVERIFY(f.start());
    client = std::make_unique<HubClient>(&nam);
    client->setConnection(connection());
}

void TestHubClient::init()
{
    f.resetHub();
    f.emulator.service().clock = [] {
        return QDateTime::currentDateTimeUtc();
    };
}

HubConnection TestHubClient::connection(const QString &rule) const
{
    return f.hubConnection(rule);
}

EmulatorHub &TestHubClient::hub()
{
    return *f.emulator.state().hub(f.hub());
}

QString TestHubClient::seed(Platform platform, const QString &handle, const QStringList &tags,
                            bool isTemplate)
{
    Registration r;
    r.platform = platform;
    r.handle = handle;
    r.tags = tags;
    r.isTemplate = isTemplate;
    if (isTemplate)
        r.bodyTemplate = uR"x({"aps":{"alert":"$(msg)"}})x"_s;
    r.registrationId = EmulatorState::newRegistrationId();
    r.etag = 1;
    f.emulator.state().putRegistration(hub(), r);
    return r.registrationId;
}

void TestHubClient::addFault(const QString &operation, const QString &spec, int count)
{
    FaultRule rule;
    const auto fault = Fault::parse(spec);
    QVERIFY2(fault.ok(), qPrintable(spec));
    rule.fault = *fault;
    rule.operation = operation;
    rule.count = count;
    f.emulator.faults().add(rule);
}

Exchange TestHubClient::run(HubJob *job)
{
    QSignalSpy finished(job, &HubJob::finished);
    if (!finished.wait(15000))
        return {};
    return finished.first().first().value<Exchange>();
}

// --- every operation ----------------------------------------------------------------------------

void TestHubClient::testSendReachesRegistrations()
{
    Registration r;
    r.handle = u"AB12"_s;
    r.tags = {u"sports"_s};
    f.emulator.state().putRegistration(hub(), r);
    Notification n;
    n.format = Format::Apple;
    n.body = R"({"aps":{"alert":"hi"}})";
    n.target = Target::tags(u"sports"_s);
    const Exchange e = run(client->send(n));
    QCOMPARE(e.result, ExchangeResult::Success);
    QCOMPARE(e.operation, u"send.test"_s);
    QCOMPARE(e.status, 201);
    QVERIFY(e.outcome.has_value());
    QCOMPARE(e.outcome->success, 1);
    QCOMPARE(e.outcome->results.value(0).pnsHandle, u"AB12"_s);
    QVERIFY(!e.notificationId.isEmpty());
    QVERIFY(e.timeToFirstByteMs >= 0);
    QVERIFY(e.errorSentence.isEmpty());
    // The Authorization header is redacted in the record, and real on request.
    const auto shown = headerValue(e.requestHeaders, "Authorization").value_or(QByteArray());
    QVERIFY(shown.contains("sig=[redacted]"));
    QVERIFY(
        !headerValue(e.requestHeadersFor(Reveal::Yes), "Authorization")->contains("[redacted]"));
    QCOMPARE(headerValue(e.requestHeaders, "ServiceBusNotification-Tags"),
             std::optional<QByteArray>("sports"));
    QVERIFY(e.url.query().contains(u"test"_s));
    VERIFY_CONTAINS(explain(e).cause, u"for 1 registration(s)"_s);
}

void TestHubClient::broadcastTestSend()
{
    seed(Platform::Apple, u"AA01"_s, {u"a"_s});
    seed(Platform::Apple, u"AA02"_s, {});
    seed(Platform::FcmV1, u"fcm-token-1"_s, {u"a"_s});
    Notification n;
    n.format = Format::Apple;
    n.body = R"({"aps":{"alert":"all"}})";
    n.target = Target::broadcast();
    const Exchange e = run(client->send(n));
    QCOMPARE(e.result, ExchangeResult::Success);
    QVERIFY(!hasHeader(e.requestHeaders, "ServiceBusNotification-Tags"));
    QVERIFY(e.outcome.has_value());
    // A native format reaches only its own platform's registrations.
    QCOMPARE(e.outcome->success, 2);
    QCOMPARE(e.outcome->results.size(), 2);
    for (const RegistrationResult &r : std::as_const(e.outcome->results))
        QCOMPARE(r.applicationPlatform, u"apple"_s);
}

void TestHubClient::sendWithoutTestHasLocation()
{
    seed(Platform::Apple, u"AA01"_s, {u"news"_s});
    Notification n;
    n.format = Format::Apple;
    n.body = R"({"aps":{"alert":"hi"}})";
    n.target = Target::tags(u"news"_s);
    const Exchange e = run(client->send(n, false));
    QCOMPARE(e.result, ExchangeResult::Success);
    QCOMPARE(e.operation, u"send"_s);
    QCOMPARE(e.status, 201);
    QVERIFY(!e.outcome.has_value());
    QVERIFY(e.responseBody.isEmpty());
    QVERIFY(!e.url.query().contains(u"test"_s));
    QVERIFY2(e.location.contains(u"/messages/"_s + e.notificationId), qPrintable(e.location));
    QVERIFY(hub().messages.contains(e.notificationId));
    VERIFY_CONTAINS(explain(e).nextStep, e.notificationId);
}

void TestHubClient::testSendReachingNobodyIsNoTargets()
{
    seed(Platform::Apple, u"AA01"_s, {u"news"_s});
    Notification n;
    n.format = Format::Apple;
    n.body = R"({"aps":{"alert":"hi"}})";
    n.target = Target::tags(u"sports"_s);
    const Exchange e = run(client->send(n));
    QCOMPARE(e.result, ExchangeResult::NoTargets);
    QVERIFY(e.ok());
    QCOMPARE(e.outcome->success, 0);
    const Explanation x = explain(e);
    VERIFY_CONTAINS(x.cause, u"\"sports\" matched no apple registration"_s);
    VERIFY_CONTAINS(x.nextStep, u"template sends reach only template registrations"_s);
}

void TestHubClient::directSend()
{
    Notification n;
    n.format = Format::Apple;
    n.body = R"({"aps":{"alert":"direct"}})";
    n.target = Target::device(u"ABCDEF0123"_s);
    const Exchange e = run(client->send(n));
    QCOMPARE(e.result, ExchangeResult::Success);
    QCOMPARE(e.operation, u"send.direct"_s);
    QCOMPARE(e.status, 201);
    QVERIFY(e.url.query().contains(u"direct"_s));
    QVERIFY2(!e.url.query().contains(u"test"_s), "a direct send never carries the test flag");
    QVERIFY(!e.notificationId.isEmpty());
    QCOMPARE(f.emulator.log().last().operation, u"send.direct"_s);
}

void TestHubClient::directBatchSend()
{
    Notification n;
    n.format = Format::FcmV1;
    n.body = R"({"message":{"notification":{"title":"batch"}}})";
    n.target = Target::devices({u"tok-1"_s, u"tok-2"_s, u"tok-3"_s});
    const Exchange e = run(client->send(n));
    QCOMPARE(e.result, ExchangeResult::Success);
    QCOMPARE(e.operation, u"send.batch"_s);
    QCOMPARE(e.status, 201);
    QVERIFY2(e.url.path().endsWith(u"/messages/$batch"_s), qPrintable(e.url.path()));
    QVERIFY(e.requestBody.contains("name=devices"));
    QVERIFY(e.requestBody.contains("tok-3"));
    QVERIFY2(e.location.contains(u"/messages/$batch/"_s), qPrintable(e.location));
    QVERIFY(!e.notificationId.isEmpty());
}

void TestHubClient::scheduledSendAndCancel()
{
    Notification n;
    n.format = Format::Apple;
    n.body = R"({"aps":{"alert":"later"}})";
    n.target = Target::tags(u"news"_s);
    n.scheduleTime = QDateTime::currentDateTimeUtc().addSecs(3600);
    const Exchange e = run(client->send(n));
    QCOMPARE(e.result, ExchangeResult::Success);
    QCOMPARE(e.operation, u"send.scheduled"_s);
    QCOMPARE(e.status, 201);
    QVERIFY2(e.url.path().endsWith(u"/schedulednotifications"_s), qPrintable(e.url.path()));
    QVERIFY(!e.notificationId.isEmpty());
    QVERIFY(hub().messages.value(e.notificationId).scheduled);

    const Exchange cancelled = run(client->cancelScheduled(e.notificationId));
    QCOMPARE(cancelled.result, ExchangeResult::Success);
    QCOMPARE(cancelled.operation, u"schedules.cancel"_s);
    QCOMPARE(cancelled.method, "DELETE"_ba);
    QCOMPARE(cancelled.status, 200);
    QVERIFY(!hub().messages.value(e.notificationId).scheduled);

    // Cancelling it again: the hub no longer knows a scheduled send of that id.
    const Exchange again = run(client->cancelScheduled(e.notificationId));
    QCOMPARE(again.result, ExchangeResult::HubError);
    QCOMPARE(again.status, 404);
    VERIFY_CONTAINS(again.errorSentence,
                    u"has no scheduled notification '%1'"_s.arg(e.notificationId));
    VERIFY_CONTAINS(again.errorSentence, u"already sent or cancelled"_s);
}

void TestHubClient::telemetry()
{
    seed(Platform::Apple, u"AA01"_s, {u"news"_s});
    seed(Platform::Apple, u"AA02"_s, {u"news"_s});
    Notification n;
    n.format = Format::Apple;
    n.body = R"({"aps":{"alert":"t"}})";
    n.target = Target::tags(u"news"_s);
    const Exchange sent = run(client->send(n, false));
    QCOMPARE(sent.result, ExchangeResult::Success);
    QVERIFY(!sent.notificationId.isEmpty());

    const Exchange e = run(client->telemetry(sent.notificationId));
    QCOMPARE(e.result, ExchangeResult::Success);
    QCOMPARE(e.operation, u"telemetry.get"_s);
    QCOMPARE(e.status, 200);
    QVERIFY(e.details.has_value());
    QCOMPARE(e.details->notificationId, sent.notificationId);
    QCOMPARE(e.details->state, NotificationState::Completed);
    QCOMPARE(e.details->outcomeCounts.size(), 1);
    QCOMPARE(e.details->outcomeCounts.first().platform, u"Apns"_s);
    QCOMPARE(e.details->outcomeCounts.first().outcomes.value(0).name, u"Success"_s);
    QCOMPARE(e.details->outcomeCounts.first().outcomes.value(0).count, 2);
}

void TestHubClient::createRegistrationId()
{
    const Exchange e = run(client->createRegistrationId());
    QCOMPARE(e.result, ExchangeResult::Success);
    QCOMPARE(e.operation, u"registrationids.create"_s);
    QCOMPARE(e.method, "POST"_ba);
    QCOMPARE(e.status, 201);
    const QString id = QUrl(e.location).path().section(u'/', -1);
    QVERIFY2(QRegularExpression(u"^[0-9]+-[0-9]+-[0-9]+$"_s).match(id).hasMatch(),
             qPrintable(e.location));
}

void TestHubClient::registrationCrudWithEtags()
{
    Registration r;
    r.platform = Platform::Apple;
    r.handle = u"0A1B2C"_s;
    r.tags = {u"alpha"_s};
    const Exchange created = run(client->createRegistration(r));
    QCOMPARE(created.result, ExchangeResult::Success);
    QCOMPARE(created.operation, u"registrations.create"_s);
    QCOMPARE(headerValue(created.requestHeaders, "Content-Type"),
             std::optional<QByteArray>("application/atom+xml;type=entry;charset=utf-8"));
    QVERIFY(created.registration.has_value());
    const QString id = created.registration->registrationId;
    QVERIFY(!id.isEmpty());
    QCOMPARE(created.registration->etag, 1);
    // The service (and so the emulator) sends no ETag header: the entry carries it.
    QVERIFY(created.etag.isEmpty());

    const Exchange got = run(client->getRegistration(id));
    QCOMPARE(got.result, ExchangeResult::Success);
    QCOMPARE(got.registration->handle, u"0A1B2C"_s);
    QCOMPARE(got.registration->tags, QStringList {u"alpha"_s});

    Registration changed = *got.registration;
    changed.tags = {u"alpha"_s, u"beta"_s};
    const Exchange updated = run(client->putRegistration(changed, 1));
    QCOMPARE(updated.result, ExchangeResult::Success);
    QCOMPARE(headerValue(updated.requestHeaders, "If-Match"), std::optional<QByteArray>("\"1\""));
    QCOMPARE(updated.registration->etag, 2);

    // A stale ETag: 412, and the sentence says which ETag and what to do.
    const Exchange stale = run(client->putRegistration(changed, 1));
    QCOMPARE(stale.result, ExchangeResult::HubError);
    QCOMPARE(stale.status, 412);
    VERIFY_CONTAINS(stale.errorSentence, u"412 Precondition Failed"_s);
    VERIFY_CONTAINS(stale.errorSentence, u"registration '%1'"_s.arg(id));
    VERIFY_CONTAINS(stale.errorSentence, u"If-Match ETag \"1\""_s);
    VERIFY_CONTAINS(stale.errorSentence, u"reload it to get its current ETag"_s);
    VERIFY_CONTAINS(
        stale.errorSentence,
        u"The ETag in If-Match (1) does not match the registration's current ETag (2)"_s);

    const Exchange staleDelete = run(client->deleteRegistration(id, 1));
    QCOMPARE(staleDelete.status, 412);
    QCOMPARE(hub().registrations.count(id), 1u);

    // If-Match: * replaces whatever is there.
    const Exchange forced = run(client->putRegistration(changed, 0));
    QCOMPARE(forced.status, 200);
    QCOMPARE(headerValue(forced.requestHeaders, "If-Match"), std::optional<QByteArray>("*"));
    QCOMPARE(forced.registration->etag, 3);

    const Exchange deleted = run(client->deleteRegistration(id, 3));
    QCOMPARE(deleted.result, ExchangeResult::Success);
    QCOMPARE(deleted.status, 200);
    QCOMPARE(hub().registrations.count(id), 0u);

    const Exchange gone = run(client->getRegistration(id));
    QCOMPARE(gone.result, ExchangeResult::HubError);
    QCOMPARE(gone.status, 404);
    VERIFY_CONTAINS(gone.errorSentence,
                    u"registration '%1' does not exist on hub '%2'"_s.arg(id, f.hub()));
}

void TestHubClient::listPaging_data()
{
    QTest::addColumn<QString>("tag");
    QTest::addColumn<bool>("byChannel");
    QTest::addColumn<QString>("operation");
    QTest::addColumn<int>("expected");
    QTest::newRow("all") << QString() << false << u"registrations.list"_s << 7;
    QTest::newRow("by tag") << u"news"_s << false << u"registrations.bytag"_s << 5;
    QTest::newRow("by channel") << QString() << true << u"registrations.list"_s << 3;
}

void TestHubClient::listPaging()
{
    QFETCH(QString, tag);
    QFETCH(bool, byChannel);
    QFETCH(QString, operation);
    QFETCH(int, expected);
    // 7 registrations: 5 tagged news; 3 of one device (lower-case handle, upper-case filter).
    QSet<QString> wanted;
    for (int i = 0; i < 7; ++i) {
        const bool news = i < 5;
        const bool sameDevice = i >= 3 && i < 6;
        const QString id = seed(Platform::Apple, sameDevice ? u"abcdef01"_s : u"FF0%1"_s.arg(i),
                                news ? QStringList {u"news"_s} : QStringList {u"other"_s});
        if ((tag.isEmpty() || news) && (!byChannel || sameDevice))
            wanted.insert(id);
    }
    QCOMPARE(wanted.size(), expected);

    HubClient::ListQuery q;
    q.top = 2;
    q.tag = tag;
    if (byChannel)
        q.filter = HubClient::channelFilter(Platform::Apple, u"abcdef01"_s);
    QSet<QString> seen;
    int pages = 0;
    do {
        const Exchange e = run(client->listRegistrations(q));
        QCOMPARE(e.result, ExchangeResult::Success);
        QCOMPARE(e.operation, operation);
        QVERIFY(e.feed.has_value());
        QVERIFY(e.feed->entries.size() <= 2);
        for (const Registration &r : std::as_const(e.feed->entries)) {
            QVERIFY2(!seen.contains(r.registrationId), "a page repeated a registration");
            seen.insert(r.registrationId);
        }
        q.continuationToken = e.continuationToken;
        QVERIFY(++pages <= 10);
    } while (!q.continuationToken.isEmpty());
    QCOMPARE(seen, wanted);
    QCOMPARE(pages, (expected + 1) / 2);
}

void TestHubClient::installations()
{
    Installation inst;
    inst.installationId = u"inst-1"_s;
    inst.platform = Platform::Apple;
    inst.pushChannel = u"0A0B0C"_s;
    inst.tags = {u"first"_s};
    const Exchange put = run(client->putInstallation(inst));
    QCOMPARE(put.result, ExchangeResult::Success);
    QCOMPARE(put.operation, u"installations.put"_s);
    QCOMPARE(put.status, 200);
    QCOMPARE(headerValue(put.requestHeaders, "Content-Type"),
             std::optional<QByteArray>("application/json"));

    const Exchange got = run(client->getInstallation(u"inst-1"_s));
    QCOMPARE(got.result, ExchangeResult::Success);
    QVERIFY(got.installation.has_value());
    QCOMPARE(got.installation->pushChannel, u"0A0B0C"_s);
    QCOMPARE(got.installation->tags, QStringList {u"first"_s});

    const Exchange patched = run(client->patchInstallation(
        u"inst-1"_s, R"([{"op":"add","path":"/tags","value":"second"}])"));
    QCOMPARE(patched.result, ExchangeResult::Success);
    QCOMPARE(patched.method, "PATCH"_ba);
    QCOMPARE(headerValue(patched.requestHeaders, "Content-Type"),
             std::optional<QByteArray>("application/json-patch+json"));
    const Exchange after = run(client->getInstallation(u"inst-1"_s));
    QCOMPARE(after.installation->tags, (QStringList {u"first"_s, u"second"_s}));

    const Exchange deleted = run(client->deleteInstallation(u"inst-1"_s));
    QCOMPARE(deleted.result, ExchangeResult::Success);
    QCOMPARE(deleted.status, 204);

    const Exchange gone = run(client->getInstallation(u"inst-1"_s));
    QCOMPARE(gone.result, ExchangeResult::HubError);
    QCOMPARE(gone.status, 404);
    VERIFY_CONTAINS(gone.errorSentence, u"installation 'inst-1' does not exist"_s);
    VERIFY_CONTAINS(gone.errorSentence, u"\"Installation not found\""_s);
}

void TestHubClient::feedbackContainer()
{
    const Exchange e = run(client->feedbackContainer());
    QCOMPARE(e.result, ExchangeResult::Success);
    QCOMPARE(e.operation, u"feedback.get"_s);
    QCOMPARE(e.status, 200);
    QVERIFY2(e.responseBody.startsWith("https://"), e.responseBody.constData());
    QVERIFY(e.responseBody.contains("sig="));
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
    VERIFY_CONTAINS(explain(e).cause, u"did not send"_s);
}

void TestHubClient::sendWarningsReachTheExchange()
{
    seed(Platform::Apple, u"AA01"_s, {u"news"_s});
    Notification n;
    n.format = Format::Apple;
    const QByteArray head = R"({"aps":{"alert":")";
    n.body = head + QByteArray(5000 - head.size() - 3, 'x') + "\"}}";
    QCOMPARE(n.body.size(), 5000);
    n.target = Target::tags(u"news"_s);
    const Exchange e = run(client->send(n));
    // The hub takes it (APNs would not): a warning, not a refusal, and it must not be lost.
    QCOMPARE(e.result, ExchangeResult::Success);
    QCOMPARE(e.warnings.size(), 1);
    const Warning &w = e.warnings.first();
    VERIFY_CONTAINS(w.message, u"5000 bytes"_s);
    VERIFY_CONTAINS(w.message, u"APNs refuses payloads over 4096 bytes"_s);
    QCOMPARE(w.offset, 4096);
    QCOMPARE(w.length, 5000 - 4096);

    // A clean payload leaves none, and a later send does not inherit the earlier warnings.
    n.body = R"({"aps":{"alert":"hi"}})";
    const Exchange clean = run(client->send(n));
    QCOMPARE(clean.result, ExchangeResult::Success);
    QVERIFY(clean.warnings.isEmpty());
}

// --- failure classes ----------------------------------------------------------------------------

void TestHubClient::dnsFailure()
{
    HubConnection c = connection();
    c.connectionString = ConnectionString::fromParts(
        u"nhconsole-test.invalid"_s, 8443, c.connectionString.keyName(), c.connectionString.key());
    HubClient lost(&nam);
    lost.setConnection(c);
    const Exchange e = run(lost.getRegistration(u"1-2-3"_s));
    QCOMPARE(e.result, ExchangeResult::TransportError);
    QCOMPARE(e.status, 0);
    QCOMPARE(e.abortReason, AbortReason::None);
    QCOMPARE(e.networkError, QNetworkReply::HostNotFoundError);
    VERIFY_CONTAINS(e.errorSentence,
                    u"The host name nhconsole-test.invalid could not be resolved (DNS)"_s);
    VERIFY_CONTAINS(e.errorSentence, u"port 8443"_s);
    VERIFY_CONTAINS(e.errorSentence, u"Endpoint"_s);
    VERIFY_CONTAINS(explain(e).cause, u"DNS"_s);
}

void TestHubClient::connectionRefused()
{
    // A loopback port that was just free: bind it, note it, close it.
    quint16 port = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        port = probe.serverPort();
    }
    HubConnection c = connection();
    c.connectionString = ConnectionString::fromParts(
        u"127.0.0.1"_s, port, c.connectionString.keyName(), c.connectionString.key());
    HubClient refused(&nam);
    refused.setConnection(c);
    const Exchange e = run(refused.getRegistration(u"1-2-3"_s));
    QCOMPARE(e.result, ExchangeResult::TransportError);
    QCOMPARE(e.networkError, QNetworkReply::ConnectionRefusedError);
    VERIFY_CONTAINS(e.errorSentence, u"127.0.0.1:%1 refused the connection"_s.arg(port));
    VERIFY_CONTAINS(e.errorSentence, u"nothing listens on port %1"_s.arg(port));
    VERIFY_CONTAINS(e.errorSentence, u"nhemulator"_s);
}

void TestHubClient::untrustedCertificate()
{
    // Another manager: QNAM caches TLS sessions per host, and this client trusts nothing extra.
    QNetworkAccessManager otherNam;
    HubConnection c = connection();
    c.caCertificates.clear();
    HubClient untrusting(&otherNam);
    untrusting.setConnection(c);
    const int before = int(f.emulator.log().size());
    const Exchange e = run(untrusting.getRegistration(u"1-2-3"_s));
    QCOMPARE(e.result, ExchangeResult::TransportError);
    QCOMPARE(e.networkError, QNetworkReply::SslHandshakeFailedError);
    QCOMPARE(int(f.emulator.log().size()), before);
    // The certificate by name and why it was refused, with what to do.
    VERIFY_CONTAINS(e.errorSentence,
                    u"The TLS handshake with 127.0.0.1:%1 failed"_s.arg(f.emulator.port()));
    VERIFY_CONTAINS(e.errorSentence,
                    u"the certificate \"CN=localhost, O=nhconsole emulator\" (issued by itself"_s);
    VERIFY_CONTAINS(e.errorSentence, u"self-signed"_s);
    VERIFY_CONTAINS(e.errorSentence, u"not issued by an authority this computer trusts"_s);
    VERIFY_CONTAINS(e.errorSentence, u"Never turn certificate checks off"_s);
    const QString fingerprint = QString::fromLatin1(
        f.emulator.certificate().digest(QCryptographicHash::Sha256).first(4).toHex(':').toUpper());
    VERIFY_CONTAINS(e.errorSentence, u"SHA-256 "_s + fingerprint);
}

void TestHubClient::connectionReset()
{
    // Every attempt is reset: QNAM silently resends once on a reused connection.
    addFault(u"registrations.get"_s, u"reset"_s, -1);
    const Exchange e = run(client->getRegistration(u"1-2-3"_s));
    QCOMPARE(e.result, ExchangeResult::TransportError);
    QCOMPARE(e.status, 0);
    QCOMPARE(e.abortReason, AbortReason::None);
    QCOMPARE(e.networkError, QNetworkReply::RemoteHostClosedError);
    VERIFY_CONTAINS(e.errorSentence,
                    u"127.0.0.1:%1 closed the connection before answering (connection reset)"_s.arg(
                        f.emulator.port()));
}

void TestHubClient::retriesAfter429()
{
    addFault(u"registrations.list"_s, u"status=429;retry-after=0"_s, 2);
    auto *job = client->listRegistrations({});
    QSignalSpy retrying(job, &HubJob::retrying);
    const Exchange e = run(job);
    QCOMPARE(e.result, ExchangeResult::Success);
    QCOMPARE(e.attempts.size(), 3);
    QCOMPARE(e.attempts[0].status, 429);
    QCOMPARE(e.attempts[0].retryAfterSeconds, 0);
    QCOMPARE(e.attempts[2].status, 200);
    QCOMPARE(retrying.size(), 2);
    QVERIFY(e.errorSentence.isEmpty());
}

void TestHubClient::cancel()
{
    addFault(u"*"_s, u"stall"_s);
    auto *job = client->getRegistration(u"1-2-3"_s);
    QSignalSpy finished(job, &HubJob::finished);
    QTimer::singleShot(200, job, &HubJob::cancel);
    QVERIFY(finished.wait(10000));
    const Exchange e = finished.first().first().value<Exchange>();
    QCOMPARE(e.result, ExchangeResult::Cancelled);
    QCOMPARE(e.abortReason, AbortReason::User);
    VERIFY_CONTAINS(e.errorSentence, u"Cancelled: you stopped the request to 127.0.0.1:"_s);
    VERIFY_CONTAINS(explain(e).cause, u"You cancelled"_s);
}

void TestHubClient::cancelDuringRetryWait()
{
    addFault(u"registrations.list"_s, u"status=429;retry-after=20"_s);
    auto *job = client->listRegistrations({});
    connect(job, &HubJob::retrying, job, &HubJob::cancel);
    QElapsedTimer clock;
    clock.start();
    const Exchange e = run(job);
    QVERIFY2(clock.elapsed() < 5000, "the cancel did not stop the Retry-After wait");
    QCOMPARE(e.result, ExchangeResult::Cancelled);
    QCOMPARE(e.abortReason, AbortReason::User);
    QCOMPARE(e.attempts.size(), 1);
    QCOMPARE(e.attempts.first().status, 429);
    VERIFY_CONTAINS(e.errorSentence, u"Cancelled"_s);
}

void TestHubClient::timeout()
{
    HubConnection c = client->connection();
    c.transferTimeoutMs = 300;
    HubClient fast(&nam);
    fast.setConnection(c);
    addFault(u"*"_s, u"stall"_s);
    const Exchange e = run(fast.getRegistration(u"1-2-3"_s));
    QCOMPARE(e.result, ExchangeResult::Timeout);
    QCOMPARE(e.abortReason, AbortReason::Timeout);
    VERIFY_CONTAINS(e.errorSentence,
                    u"No response from 127.0.0.1:%1 within 0.3 s"_s.arg(f.emulator.port()));
    VERIFY_CONTAINS(explain(e).cause, u"transfer timeout"_s);
}

void TestHubClient::unauthorized_data()
{
    QTest::addColumn<QString>("keyName");
    QTest::addColumn<QString>("key"); ///< empty: the rule's real key
    QTest::addColumn<qint64>("ttl"); ///< 0: the default lifetime
    QTest::addColumn<qint64>("hubClockAhead"); ///< seconds the emulator's clock is ahead
    QTest::addColumn<QString>("call"); ///< send, list, foreign-token, no-token
    QTest::addColumn<QStringList>("sentence");

    const QString wrongKey = u"bm90LXRoZS1rZXktbm90LXRoZS1rZXktbm90LXRoZS1rZXk="_s;
    QTest::newRow("bad signature (wrong key)")
        << kFull << wrongKey << qint64(0) << qint64(0) << u"send"_s
        << QStringList {u"401 Unauthorized to the test send"_s, u"(InvalidSignature)"_s,
                        u"rule 'DefaultFullSharedAccessSignature'"_s,
                        u"\"InvalidSignature: The token has an invalid signature\""_s,
                        u"copy the connection string again"_s};
    QTest::newRow("bad signature (unknown rule)")
        << u"NoSuchRule"_s << wrongKey << qint64(0) << qint64(0) << u"send"_s
        << QStringList {u"(InvalidSignature)"_s, u"rule 'NoSuchRule'"_s,
                        u"the namespace has no rule named 'NoSuchRule'"_s,
                        u"no rule of that name"_s};
    QTest::newRow("expired token (lifetime)")
        << kFull << QString() << qint64(-120) << qint64(0) << u"send"_s
        << QStringList {u"(ExpiredToken)"_s, u"rule 'DefaultFullSharedAccessSignature'"_s,
                        u"\"ExpiredToken: The token expired at"_s,
                        u"already expired by this computer's clock"_s, u"clock skew"_s};
    QTest::newRow("expired token (clock skew)")
        << kFull << QString() << qint64(0) << qint64(7200) << u"send"_s
        << QStringList {u"(ExpiredToken)"_s, u"rule 'DefaultFullSharedAccessSignature'"_s,
                        u"still valid for"_s, u"the hub's clock is at least"_s, u"(clock skew)"_s};
    QTest::newRow("missing Send claim")
        << kListen << QString() << qint64(0) << qint64(0) << u"send"_s
        << QStringList {u"rule 'DefaultListenSharedAccessSignature' does not grant the Send "
                        "claim that the test send needs"_s,
                        u"\"Send claim is required for this operation"_s,
                        u"whose rule grants Send"_s};
    QTest::newRow("missing Manage claim")
        << kListen << QString() << qint64(0) << qint64(0) << u"list"_s
        << QStringList {u"rule 'DefaultListenSharedAccessSignature' does not grant the Manage "
                        "claim that listing registrations needs"_s,
                        u"\"Manage claim is required for this operation"_s};
    QTest::newRow("token for another hub")
        << kFull << QString() << qint64(0) << qint64(0) << u"foreign-token"_s
        << QStringList {u"(InvalidAudience)"_s, u"rule 'DefaultFullSharedAccessSignature'"_s,
                        u"/otherhub, which does not cover"_s,
                        u"\"InvalidAudience: The token audience"_s};
    QTest::newRow("no token") << kFull << QString() << qint64(0) << qint64(0) << u"no-token"_s
                              << QStringList {
                                     u"without an Authorization header (MissingToken)"_s,
                                     u"\"MissingToken: The request has no Authorization header"_s,
                                     u"SharedAccessKeyName and SharedAccessKey"_s};
}

void TestHubClient::unauthorized()
{
    QFETCH(QString, keyName);
    QFETCH(QString, key);
    QFETCH(qint64, ttl);
    QFETCH(qint64, hubClockAhead);
    QFETCH(QString, call);
    QFETCH(QStringList, sentence);

    HubConnection c = connection(keyName == kListen ? kListen : kFull);
    if (!key.isEmpty())
        c.connectionString =
            ConnectionString::fromParts(u"127.0.0.1"_s, f.emulator.port(), keyName, key);
    if (ttl != 0)
        c.sas.ttlSeconds = ttl;
    if (hubClockAhead != 0)
        f.emulator.service().clock = [hubClockAhead] {
            return QDateTime::currentDateTimeUtc().addSecs(hubClockAhead);
        };
    HubClient signer(&nam);
    signer.setConnection(c);

    HubJob *job = nullptr;
    if (call == u"send") {
        Notification n;
        n.format = Format::Apple;
        n.body = R"({"aps":{"alert":"hi"}})";
        job = signer.send(n);
    } else if (call == u"list") {
        job = signer.listRegistrations({});
    } else {
        HubRequest r;
        r.operation = u"registrations.get"_s;
        r.path = u"registrations/1-2-3"_s;
        r.expect = Expect::Registration;
        if (call == u"foreign-token") {
            const auto cs = f.connectionString();
            const auto token =
                Sas::generate(u"https://127.0.0.1:%1/otherhub"_s.arg(f.emulator.port()),
                              cs.keyName(), cs.key(), QDateTime::currentDateTimeUtc());
            r.headers = {{"Authorization", token.header().toUtf8()}};
        } else {
            r.headers = {{"Authorization", QByteArray()}}; // a null value removes the header
        }
        job = signer.start(r);
    }
    const Exchange e = run(job);
    QCOMPARE(e.result, ExchangeResult::HubError);
    QCOMPARE(e.status, 401);
    QCOMPARE(e.abortReason, AbortReason::None);
    QCOMPARE(e.attempts.size(), 1);
    QVERIFY(e.hubError.has_value());
    for (const QString &part : std::as_const(sentence))
        VERIFY_CONTAINS(e.errorSentence, part);
    QVERIFY(!explain(e).nextStep.isEmpty());
}

void TestHubClient::hubErrors_data()
{
    QTest::addColumn<QString>("call");
    QTest::addColumn<QString>("fault"); ///< injected on `faultOperation`, empty: none
    QTest::addColumn<int>("faultCount");
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("attempts");
    QTest::addColumn<QStringList>("sentence");

    QTest::newRow("403 forbidden")
        << u"get-registration"_s << u"status=403"_s << 1 << 403 << 1
        << QStringList {u"403 Forbidden to reading the registration"_s,
                        u"\"The request was refused (injected fault 403)\""_s,
                        u"rule 'DefaultFullSharedAccessSignature' lacks the Listen right"_s,
                        u"pricing tier"_s};
    QTest::newRow("403 with Retry-After (older throttling)")
        << u"get-registration"_s << u"status=403;retry-after=5"_s << 1 << 403 << 1
        << QStringList {u"the hub is throttling requests"_s, u"1 attempt(s)"_s,
                        u"asked to wait 5 s"_s};
    QTest::newRow("404 hub") << u"other-hub"_s << QString() << 0 << 404 << 1
                             << QStringList {u"there is no hub named 'noSuchHub' in the namespace "
                                             "at 127.0.0.1:"_s,
                                             u"\"The messaging entity 'sb://127.0.0.1:"_s,
                                             u"/noSuchHub' could not be found\""_s,
                                             u"not the namespace's"_s};
    QTest::newRow("404 registration")
        << u"get-registration"_s << QString() << 0 << 404 << 1
        << QStringList {u"404 Not Found to reading the registration"_s,
                        u"registration '1-2-3' does not exist on hub 'myHub'"_s,
                        u"\"The registration '1-2-3' was not found\""_s};
    QTest::newRow("404 installation")
        << u"get-installation"_s << QString() << 0 << 404 << 1
        << QStringList {u"installation 'inst-x' does not exist on hub 'myHub'"_s,
                        u"\"Installation not found\""_s, u"Retry in a few seconds"_s};
    QTest::newRow("404 telemetry")
        << u"telemetry"_s << QString() << 0 << 404 << 1
        << QStringList {u"hub 'myHub' has no telemetry for notification 'nosuch'"_s,
                        u"Standard tier"_s};
    QTest::newRow("413 body over 64 KB")
        << u"huge-patch"_s << QString() << 0 << 413 << 1
        << QStringList {u"413 Request Entity Too Large"_s,
                        u"the request body of 70000 bytes is over the hub's limit of 64 KB (65536 "
                        "bytes)"_s,
                        u"APNs 4 KB"_s};
    QTest::newRow("429, retries exhausted")
        << u"list"_s << u"status=429;retry-after=0"_s << 3 << 429 << 3
        << QStringList {u"429 Too Many Requests to listing registrations"_s,
                        u"the hub is throttling requests"_s,
                        u"nhconsole made 3 attempt(s), honouring Retry-After"_s,
                        u"asked to wait 0 s"_s, u"the namespace's pricing tier limits"_s};
    QTest::newRow("503, retries exhausted")
        << u"list"_s << u"status=503;retry-after=0"_s << 3 << 503 << 3
        << QStringList {u"503 Service Unavailable"_s,
                        u"the hub is unavailable or throttling requests"_s, u"3 attempt(s)"_s};
    QTest::newRow("429 without Retry-After")
        << u"list"_s << u"status=429"_s << 1 << 429 << 1
        << QStringList {u"The hub sent no Retry-After, so nhconsole did not retry (1 "
                        "attempt(s))"_s};
    QTest::newRow("429 with a Retry-After over the bound")
        << u"list"_s << u"status=429;retry-after=120"_s << 1 << 429 << 1
        << QStringList {u"1 attempt(s)"_s, u"asked to wait 120 s"_s};
    QTest::newRow("500") << u"list"_s << u"status=500"_s << 1 << 500 << 1
                         << QStringList {u"500 Internal Server Error to listing registrations"_s,
                                         u"the hub failed on the service side"_s,
                                         u"\"An internal error occurred (injected fault 500)\""_s,
                                         u"give Azure support the TrackingId"_s};
    QTest::newRow("400 invalid tag")
        << u"bad-tag"_s << QString() << 0 << 400 << 1
        << QStringList {u"400 Bad Request to creating the registration"_s,
                        u"\"An invalid tag(s) 'bad tag' was supplied. Valid tag characters are "
                        "alphanumeric, _, @, -, ., : and #\""_s,
                        u"$InstallationId:{id}"_s};
    QTest::newRow("400 tag starting with $")
        << u"dollar-tag"_s << QString() << 0 << 400 << 1
        << QStringList {u"to saving the installation"_s, u"Tags can not start with $."_s,
                        u"Remove the $"_s};
}

void TestHubClient::hubErrors()
{
    QFETCH(QString, call);
    QFETCH(QString, fault);
    QFETCH(int, faultCount);
    QFETCH(int, status);
    QFETCH(int, attempts);
    QFETCH(QStringList, sentence);

    if (!fault.isEmpty())
        addFault(u"*"_s, fault, faultCount);
    HubClient other(&nam);
    HubConnection otherConnection = connection();
    otherConnection.hub = u"noSuchHub"_s;
    other.setConnection(otherConnection);

    HubJob *job = nullptr;
    if (call == u"get-registration") {
        job = client->getRegistration(u"1-2-3"_s);
    } else if (call == u"get-installation") {
        job = client->getInstallation(u"inst-x"_s);
    } else if (call == u"telemetry") {
        job = client->telemetry(u"nosuch"_s);
    } else if (call == u"list") {
        job = client->listRegistrations({});
    } else if (call == u"other-hub") {
        job = other.listRegistrations({});
    } else if (call == u"huge-patch") {
        QByteArray patch = R"([{"op":"add","path":"/tags","value":")";
        patch += QByteArray(70000 - patch.size() - 3, 'x') + "\"}]";
        QCOMPARE(patch.size(), 70000);
        job = client->patchInstallation(u"inst-x"_s, patch);
    } else if (call == u"bad-tag") {
        Registration r;
        r.handle = u"0A0B"_s;
        r.tags = {u"bad tag"_s};
        job = client->createRegistration(r);
    } else if (call == u"dollar-tag") {
        Installation inst;
        inst.installationId = u"inst-d"_s;
        inst.pushChannel = u"0A0B"_s;
        inst.tags = {u"$mine"_s};
        job = client->putInstallation(inst);
    }
    QVERIFY(job);
    const Exchange e = run(job);
    QCOMPARE(e.result, ExchangeResult::HubError);
    QCOMPARE(e.status, status);
    QCOMPARE(e.abortReason, AbortReason::None);
    QCOMPARE(e.attempts.size(), attempts);
    QVERIFY(e.error.has_value());
    for (const QString &part : std::as_const(sentence))
        VERIFY_CONTAINS(e.errorSentence, part);
    const Explanation x = explain(e);
    QVERIFY(!x.cause.isEmpty() && !x.nextStep.isEmpty() && !x.docsHint.isEmpty());
}

void TestHubClient::throttleAdviceByOperation_data()
{
    QTest::addColumn<QString>("call");
    QTest::addColumn<QString>("fault");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("says");
    QTest::addColumn<QString>("never");

    const QString testSends = u"test sends are limited to 10 a minute"_s;
    const QString tier = u"the namespace's pricing tier limits how many calls a hub accepts"_s;
    QTest::newRow("test send 429") << u"test-send"_s << u"status=429"_s << 429 << testSends << tier;
    QTest::newRow("test send 503 with Retry-After")
        << u"test-send"_s << u"status=503;retry-after=0"_s << 503 << testSends << tier;
    QTest::newRow("plain send 429") << u"send"_s << u"status=429"_s << 429 << tier << testSends;
    QTest::newRow("registration list 429")
        << u"list"_s << u"status=429"_s << 429 << tier << testSends;
    QTest::newRow("registration create 503")
        << u"create-registration"_s << u"status=503"_s << 503 << tier << testSends;
    QTest::newRow("installation delete 429 with Retry-After")
        << u"delete-installation"_s << u"status=429;retry-after=0"_s << 429 << tier << testSends;
}

void TestHubClient::throttleAdviceByOperation()
{
    QFETCH(QString, call);
    QFETCH(QString, fault);
    QFETCH(int, status);
    QFETCH(QString, says);
    QFETCH(QString, never);

    // Every attempt is throttled, so retries (when Retry-After allows them) end the same way.
    addFault(u"*"_s, fault, -1);
    HubJob *job = nullptr;
    if (call == u"test-send" || call == u"send") {
        seed(Platform::Apple, u"AA01"_s, {u"news"_s});
        Notification n;
        n.format = Format::Apple;
        n.body = R"({"aps":{"alert":"hi"}})";
        n.target = Target::tags(u"news"_s);
        job = client->send(n, call == u"test-send");
    } else if (call == u"list") {
        job = client->listRegistrations({});
    } else if (call == u"create-registration") {
        Registration r;
        r.handle = u"0A0B"_s;
        job = client->createRegistration(r);
    } else if (call == u"delete-installation") {
        job = client->deleteInstallation(u"inst-x"_s);
    }
    QVERIFY(job);
    const Exchange e = run(job);
    f.emulator.faults().clear();
    QCOMPARE(e.result, ExchangeResult::HubError);
    QCOMPARE(e.status, status);
    VERIFY_CONTAINS(e.errorSentence, says);
    QVERIFY2(!e.errorSentence.contains(never), qPrintable(e.errorSentence));
}

void TestHubClient::unreadableSuccessBody_data()
{
    QTest::addColumn<QString>("fault");
    QTest::addColumn<ErrorCode>("code");
    QTest::addColumn<QByteArray>("bodyStart");
    QTest::addColumn<bool>("located"); ///< the parse error has a line/column or offset
    QTest::addColumn<QStringList>("sentence");

    QTest::newRow("garbage") << u"garbage"_s << ErrorCode::Syntax << "<NotificationOutcome><Succ"_ba
                             << true
                             << QStringList {u"raw byte(s) are kept"_s,
                                             u"Content-Type application/xml; charset=utf-8"_s};
    QTest::newRow("truncated") << u"truncated"_s << ErrorCode::Truncated
                               << "<NotificationOutcome"_ba << true
                               << QStringList {u"raw byte(s) are kept"_s};
    QTest::newRow("html from a proxy")
        << u"html"_s << ErrorCode::UnexpectedRoot << "<!DOCTYPE html>"_ba << true
        << QStringList {u"Content-Type text/html; charset=utf-8"_s, u"proxy or gateway"_s};
    QTest::newRow("empty") << u"empty"_s << ErrorCode::Empty << QByteArray() << false
                           << QStringList {u"The body is empty"_s};
    QTest::newRow("oversized") << u"oversized"_s << ErrorCode::LimitExceeded
                               << "<NotificationOutcome>xxxx"_ba << false
                               << QStringList {u"raw byte(s) are kept"_s};
}

void TestHubClient::unreadableSuccessBody()
{
    QFETCH(QString, fault);
    QFETCH(ErrorCode, code);
    QFETCH(QByteArray, bodyStart);
    QFETCH(bool, located);
    QFETCH(QStringList, sentence);

    seed(Platform::Apple, u"AA01"_s, {u"news"_s});
    addFault(u"send.test"_s, fault);
    Notification n;
    n.format = Format::Apple;
    n.body = R"({"aps":{"alert":"hi"}})";
    n.target = Target::tags(u"news"_s);
    const Exchange e = run(client->send(n));
    QCOMPARE(e.result, ExchangeResult::BadResponse);
    QCOMPARE(e.status, 201);
    QVERIFY(e.error.has_value());
    QCOMPARE(e.error->code, code);
    // The raw bytes are kept as received.
    QVERIFY2(e.responseBody.startsWith(bodyStart), e.responseBody.left(40).constData());
    QCOMPARE(e.error->isLocated(), located);
    VERIFY_CONTAINS(e.errorSentence,
                    u"The hub answered 201 Created to the test send, but the body is not "
                    "readable as a NotificationOutcome (XML)"_s);
    // The parser's located error is in the sentence.
    VERIFY_CONTAINS(e.errorSentence, e.error->message.left(30));
    for (const QString &part : std::as_const(sentence))
        VERIFY_CONTAINS(e.errorSentence, part);
}

// --- wire ---------------------------------------------------------------------------------------

void TestHubClient::keepAliveReusesOneConnection()
{
    QNetworkAccessManager freshNam;
    HubClient keepAlive(&freshNam);
    keepAlive.setConnection(connection());
    const int before = f.emulator.connectionCount();
    Notification n;
    n.format = Format::Template;
    n.body = R"({"msg":"hi"})";
    n.target = Target::tags(u"news"_s);
    constexpr int kSends = 6;
    for (int i = 0; i < kSends; ++i) {
        const Exchange e = run(keepAlive.send(n));
        QCOMPARE(e.status, 201);
    }
    QCOMPARE(f.emulator.connectionCount(), before + 1);
}

void TestHubClient::userAgentNamesNhconsole()
{
    // Every request says who sends it, not Qt's default "Mozilla/5.0": a send, a registration
    // call and an installation call alike.
    const QRegularExpression form(u"^nhconsole/%1 \\(Qt %2; [\\x20-\\x7e]+\\)$"_s.arg(
        QRegularExpression::escape(QStringLiteral(NH_VERSION)),
        QRegularExpression::escape(QString::fromLatin1(qVersion()))));
    QVERIFY2(form.match(QString::fromLatin1(HubClient::userAgent())).hasMatch(),
             HubClient::userAgent().constData());

    Notification n;
    n.format = Format::Apple;
    n.body = R"({"aps":{"alert":"who"}})";
    n.target = Target::broadcast();
    run(client->send(n));
    run(client->listRegistrations({}));
    run(client->getInstallation(u"nobody"_s));
    const QList<EmulatorLogEntry> served = f.emulator.log();
    QVERIFY(served.size() >= 3);
    for (const EmulatorLogEntry &entry : served.last(3)) {
        QCOMPARE(headerValue(entry.requestHeaders, "User-Agent"),
                 std::optional<QByteArray>(HubClient::userAgent()));
    }
}

void TestHubClient::sendHeaders_data()
{
    QTest::addColumn<Notification>("notification");
    QTest::addColumn<HttpHeaders>("expected"); ///< after Authorization and x-ms-version

    const QByteArray json = "application/json;charset=utf-8";
    const auto make = [](Format format, const QByteArray &body, const Target &target,
                         const HttpHeaders &headers = {}) {
        Notification n;
        n.format = format;
        n.body = body;
        n.target = target;
        n.headers = headers;
        return n;
    };
    QTest::newRow("template, tag")
        << make(Format::Template, R"({"title":"Hi"})", Target::tags(u"sports"_s))
        << HttpHeaders {{"ServiceBusNotification-Format", "template"},
                        {"ServiceBusNotification-Tags", "sports"},
                        {"Content-Type", json}};
    QTest::newRow("apple, broadcast, apns headers")
        << make(Format::Apple, R"({"aps":{"alert":"Hi"}})", Target::broadcast(),
                {{"apns-push-type", "alert"}, {"apns-priority", "10"}})
        << HttpHeaders {{"ServiceBusNotification-Format", "apple"},
                        {"Content-Type", json},
                        {"apns-push-type", "alert"},
                        {"apns-priority", "10"}};
    QTest::newRow("apple, direct")
        << make(Format::Apple, R"({"aps":{"alert":"Hi"}})", Target::device(u"AB12CD"_s))
        << HttpHeaders {{"ServiceBusNotification-Format", "apple"},
                        {"ServiceBusNotification-DeviceHandle", "AB12CD"},
                        {"Content-Type", json}};
    {
        const QDateTime when = QDateTime::currentDateTimeUtc().addSecs(7200);
        Notification n =
            make(Format::Apple, R"({"aps":{"alert":"Hi"}})", Target::tags(u"sports || news"_s));
        n.scheduleTime = when;
        QTest::newRow("apple, scheduled")
            << n
            << HttpHeaders {{"ServiceBusNotification-Format", "apple"},
                            {"ServiceBusNotification-Tags", "sports || news"},
                            {"ServiceBusNotification-ScheduleTime",
                             when.toString(u"yyyy-MM-ddTHH:mm:ss"_s).toLatin1()},
                            {"Content-Type", json}};
    }
    QTest::newRow("apple, direct batch")
        << make(Format::Apple, R"({"aps":{"alert":"Hi"}})", Target::devices({u"AA01"_s, u"AA02"_s}))
        << HttpHeaders {
               {"ServiceBusNotification-Format", "apple"},
               {"Content-Type", "multipart/mixed; boundary=\"nh-batch-multipart-boundary\""}};
    QTest::newRow("fcmv1, tag") << make(
        Format::FcmV1, R"({"message":{"notification":{"title":"Hi"}}})", Target::tags(u"news"_s))
                                << HttpHeaders {{"ServiceBusNotification-Format", "fcmv1"},
                                                {"ServiceBusNotification-Tags", "news"},
                                                {"Content-Type", json}};
    QTest::newRow("gcm, broadcast")
        << make(Format::Gcm, R"({"data":{"m":"Hi"}})", Target::broadcast())
        << HttpHeaders {{"ServiceBusNotification-Format", "gcm"}, {"Content-Type", json}};
    QTest::newRow("windows toast, tag") << make(
        Format::Windows,
        R"(<toast><visual><binding template="ToastGeneric"><text>Hi</text></binding></visual></toast>)",
        Target::tags(u"news"_s))
                                        << HttpHeaders {
                                               {"ServiceBusNotification-Format", "windows"},
                                               {"ServiceBusNotification-Tags", "news"},
                                               {"Content-Type", "application/xml"},
                                               {"X-WNS-Type", "wns/toast"}};
    QTest::newRow("windows raw, direct")
        << make(Format::Windows, "raw bytes",
                Target::device(u"https://db5.notify.windows.com/?token=abc"_s),
                {{"X-WNS-Type", "wns/raw"}})
        << HttpHeaders {
               {"ServiceBusNotification-Format", "windows"},
               {"ServiceBusNotification-DeviceHandle", "https://db5.notify.windows.com/?token=abc"},
               {"Content-Type", "application/octet-stream"},
               {"X-WNS-Type", "wns/raw"}};
    QTest::newRow("windowsphone toast, broadcast") << make(
        Format::WindowsPhone,
        R"(<?xml version="1.0" encoding="utf-8"?><wp:Notification xmlns:wp="WPNotification"><wp:Toast><wp:Text1>Hi</wp:Text1></wp:Toast></wp:Notification>)",
        Target::broadcast())
                                                   << HttpHeaders {
                                                          {"ServiceBusNotification-Format",
                                                           "windowsphone"},
                                                          {"Content-Type",
                                                           "application/xml;charset=utf-8"},
                                                          {"X-WindowsPhone-Target", "toast"},
                                                          {"X-NotificationClass", "2"}};
    QTest::newRow("adm, tag") << make(Format::Adm, R"({"data":{"m":"Hi"}})",
                                      Target::tags(u"news"_s))
                              << HttpHeaders {{"ServiceBusNotification-Format", "adm"},
                                              {"ServiceBusNotification-Tags", "news"},
                                              {"Content-Type", json}};
    QTest::newRow("baidu, broadcast")
        << make(Format::Baidu, R"({"title":"Hello","description":"Hi"})", Target::broadcast())
        << HttpHeaders {{"ServiceBusNotification-Format", "baidu"}, {"Content-Type", json}};
    QTest::newRow("browser, direct")
        << make(Format::Browser, R"({"title":"Hi","body":"there"})",
                Target::device(u"https://push.example.com/send/abc"_s, "BPkey", "authkey"))
        << HttpHeaders {
               {"ServiceBusNotification-Format", "browser"},
               {"ServiceBusNotification-DeviceHandle", "https://push.example.com/send/abc"},
               {"Content-Type", json},
               {"P256DH", "BPkey"},
               {"Auth", "authkey"}};
    QTest::newRow("xiaomi, tag") << make(Format::Xiaomi, R"({"title":"Hello","description":"Hi"})",
                                         Target::tags(u"news"_s))
                                 << HttpHeaders {{"ServiceBusNotification-Format", "xiaomi"},
                                                 {"ServiceBusNotification-Tags", "news"},
                                                 {"Content-Type", json}};
}

void TestHubClient::sendHeaders()
{
    QFETCH(Notification, notification);
    QFETCH(HttpHeaders, expected);

    const Exchange e = run(client->send(notification));
    QCOMPARE(e.status, 201); // the emulator's SAS validator accepted it (401 otherwise)
    QVERIFY2(e.ok(), qPrintable(e.errorSentence));

    // Exactly these headers in this order: Authorization, x-ms-version, User-Agent, then the
    // send's.
    HttpHeaders all = {
        {"Authorization", {}}, {"x-ms-version", "2020-06"}, {"User-Agent", HubClient::userAgent()}};
    all.append(expected);
    QCOMPARE(headerNames(e.requestHeaders), headerNames(all));
    for (qsizetype i = 1; i < all.size(); ++i)
        QCOMPARE(e.requestHeaders.at(i).second, all.at(i).second);
    const QByteArray auth = e.requestHeaders.first().second;
    QVERIFY2(auth.startsWith("SharedAccessSignature sr="), auth.constData());
    QVERIFY2(auth.contains("&skn=DefaultFullSharedAccessSignature"), auth.constData());

    // And the emulator received each of them with the same value.
    const EmulatorLogEntry served = f.emulator.log().last();
    QCOMPARE(served.status, 201);
    QVERIFY(hasHeader(served.requestHeaders, "Authorization"));
    for (qsizetype i = 1; i < all.size(); ++i) {
        QCOMPARE(headerValue(served.requestHeaders, all.at(i).first),
                 std::optional<QByteArray>(all.at(i).second));
    }
}

void TestHubClient::tokenSignedOnceASecond()
{
    // Requests built within one second carry that second's token; the next second signs anew,
    // and a new connection never reuses the old one's token.
    HubClient c(&nam);
    c.setConnection(connection());
    HubRequest r;
    r.method = "POST";
    r.path = u"messages"_s;
    const QDateTime t0 = QDateTime::currentDateTimeUtc();
    const QDateTime second = QDateTime::fromSecsSinceEpoch(t0.toSecsSinceEpoch(), Qt::UTC);
    QString a, b, later;
    const QNetworkRequest first = c.buildRequest(r, second, &a);
    c.buildRequest(r, second.addMSecs(999), &b);
    c.buildRequest(r, second.addSecs(1), &later);
    QCOMPARE(b, a);
    QVERIFY(later != a);
    for (const QString &header : {a, later}) {
        const auto decoded = Sas::decode(header);
        QVERIFY(decoded);
        QVERIFY2(Sas::validate(*decoded, connection().connectionString.key(), first.url(), t0),
                 qPrintable(header));
    }
    QCOMPARE(Sas::decode(later)->expiry, Sas::decode(a)->expiry + 1);

    // Another key: signed with it, not taken from the last second's token.
    HubConnection other = connection(kListen);
    c.setConnection(other);
    QString signedByOther;
    c.buildRequest(r, second, &signedByOther);
    QVERIFY(signedByOther != a);
    QVERIFY(
        Sas::validate(*Sas::decode(signedByOther), other.connectionString.key(), first.url(), t0));
}

void TestHubClient::lastRequestKeptOnlyForTheSameRequest()
{
    // A burst of the same request reuses the one built; anything that changes the request
    // (path, query, headers, a body, the second, the connection, the default TLS configuration)
    // builds it anew.
    HubClient c(&nam);
    c.setConnection(connection());
    HubRequest r;
    r.method = "POST";
    r.path = u"messages"_s;
    r.headers = {{"ServiceBusNotification-Format", "apple"}};
    r.body = "{}";
    const QDateTime second =
        QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch(), Qt::UTC);
    QString auth;
    const QNetworkRequest first = c.buildRequest(r, second, &auth);
    QString again;
    QCOMPARE(c.buildRequest(r, second.addMSecs(500), &again), first);
    QCOMPARE(again, auth);

    HubRequest otherPath = r;
    otherPath.path = u"messages/$batch"_s;
    QVERIFY(c.buildRequest(otherPath, second, nullptr).url().path().endsWith(u"/$batch"_s));
    HubRequest withQuery = r;
    withQuery.query = {{u"test"_s, QString()}};
    QVERIFY(c.buildRequest(withQuery, second, nullptr).url().query().endsWith(u"&test"_s));
    HubRequest otherHeaders = r;
    otherHeaders.headers = {{"ServiceBusNotification-Format", "gcm"}};
    QCOMPARE(
        c.buildRequest(otherHeaders, second, nullptr).rawHeader("ServiceBusNotification-Format"),
        "gcm"_ba);
    HubRequest noBody = r;
    noBody.body.clear();
    QVERIFY(!c.buildRequest(noBody, second, nullptr).hasRawHeader("Content-Type"));
    QVERIFY(c.buildRequest(r, second, nullptr).hasRawHeader("Content-Type"));

    // The default TLS configuration as it is now, not as it was for the last request.
    const QSslConfiguration saved = QSslConfiguration::defaultConfiguration();
    QSslConfiguration changed = saved;
    changed.setProtocol(QSsl::TlsV1_3OrLater);
    QSslConfiguration::setDefaultConfiguration(changed);
    const QSsl::SslProtocol protocol =
        c.buildRequest(r, second, nullptr).sslConfiguration().protocol();
    QSslConfiguration::setDefaultConfiguration(saved);
    QCOMPARE(protocol, QSsl::TlsV1_3OrLater);
    QCOMPARE(c.buildRequest(r, second, nullptr).sslConfiguration().protocol(), saved.protocol());

    // Another connection: its hub, not the last request's.
    HubConnection other = connection();
    other.hub = u"otherhub"_s;
    c.setConnection(other);
    QVERIFY(c.buildRequest(r, second, nullptr).url().path().startsWith(u"/otherhub/"_s));
}

QTEST_GUILESS_MAIN(TestHubClient)
#include "tst_hubclient.moc"
