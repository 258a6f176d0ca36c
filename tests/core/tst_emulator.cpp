// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The emulator's routes over real HTTPS: statuses, headers and bodies as docs/protocol.md §9.7
// lists them, SAS rejection, registrations, installations, schedules, telemetry and bad requests.

#include "emulator/emulatorstate.h"
#include "emulatorfixture.h"
#include "protocol/errorbody.h"
#include "protocol/installation.h"
#include "protocol/notificationdetails.h"
#include "protocol/notificationoutcome.h"
#include "protocol/registrationfeed.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSignalSpy>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Nh;

namespace {
const QString kV = u"api-version=2020-06"_s;
const QByteArray kToast =
    R"(<toast><visual><binding template="ToastText01"><text id="1">Hi</text></binding></visual></toast>)"_ba;

QString errorDetail(const EmulatorFixture::Response &r)
{
    const auto e = parseErrorBody(r.body);
    return e.ok() ? e->text : QString::fromUtf8(r.body);
}
} // namespace

class TestEmulator final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void untrustedClientFailsTls();
    void absoluteFormTarget();
    void sendAnswers201WithAbsoluteLocation();
    void testSendReturnsOutcome();
    void sasRejections_data();
    void sasRejections();
    void everyClientTokenStyleIsAccepted_data();
    void everyClientTokenStyleIsAccepted();
    void listenRuleClaims();
    void badRequests_data();
    void badRequests();
    void registrationLifecycle();
    void registrationIdThenPut();
    void everyAnswerCarriesTheServiceHeaders_data();
    void everyAnswerCarriesTheServiceHeaders();
    void registrationAnswersAsTheServiceDoes();
    void listPagesWithContinuationTokens();
    void listByTagAndChannel();
    void installationLifecycle();
    void scheduleAndCancel();
    void scheduledSendIsDeliveredWhenDue();
    void secondHub();
    void directAndBatch();
    void telemetryCountsOutcomes();
    void keepAliveUsesOneConnection();
    void logIsRedacted();
    void dataFileKeepsTheNamespace();

private:
    Registration addRegistration(Platform p, const QString &handle, const QStringList &tags,
                                 bool isTemplate = false);
    EmulatorFixture f;
};

void TestEmulator::initTestCase()
{
    QVERIFY(f.start());
}

void TestEmulator::init()
{
    f.resetHub();
}

Registration TestEmulator::addRegistration(Platform p, const QString &handle,
                                           const QStringList &tags, bool isTemplate)
{
    Registration r;
    r.platform = p;
    r.handle = handle;
    r.tags = tags;
    r.etag = 1;
    r.isTemplate = isTemplate;
    if (isTemplate)
        r.bodyTemplate = u"{\"aps\":{\"alert\":\"$(msg)\"}}"_s;
    r.registrationId = EmulatorState::newRegistrationId();
    f.emulator.state().putRegistration(*f.emulator.state().hub(f.hub()), r);
    return r;
}

void TestEmulator::untrustedClientFailsTls()
{
    EmulatorFixture::Call c;
    c.pathAndQuery = u"/myHub/registrations?"_s + kV;
    c.trust = false;
    const auto r = f.call(c);
    QVERIFY(r.finished);
    QCOMPARE(r.error, QNetworkReply::SslHandshakeFailedError);
}

void TestEmulator::absoluteFormTarget()
{
    // The seed's http.client sends `POST https://localhost:PORT/hub/messages?… HTTP/1.1`.
    addRegistration(Platform::Apple, u"AA11"_s, {u"sports"_s});
    const auto cs = f.emulator.connectionString();
    const auto token = Sas::generateForHub(cs, f.hub(), QDateTime::currentDateTimeUtc(),
                                           Sas::Options::pythonSeed());
    const QByteArray body = R"({"aps":{"alert":"x"}})";
    const QByteArray request = "POST https://localhost:" + QByteArray::number(f.emulator.port())
        + "/myHub/messages?api-version=2013-10&test HTTP/1.1\r\nHost: localhost:"
        + QByteArray::number(f.emulator.port()) + "\r\nContent-type: application/json\r\n"
        + "Authorization: " + token.header().toUtf8()
        + "\r\nServiceBusNotification-Format: apple\r\n"
        + "ServiceBusNotification-Tags: sports\r\nContent-Length: "
        + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    // The server runs in this thread: wait with signals, never with waitFor*().
    QSslSocket socket;
    socket.setSslConfiguration(f.tls());
    QSignalSpy encrypted(&socket, &QSslSocket::encrypted);
    socket.connectToHostEncrypted(u"127.0.0.1"_s, f.emulator.port(), u"localhost"_s);
    QVERIFY(encrypted.wait(10000));
    socket.write(request);
    QByteArray response;
    QSignalSpy readyRead(&socket, &QSslSocket::readyRead);
    while (!response.contains("</NotificationOutcome>") && readyRead.wait(10000))
        response += socket.readAll();
    QVERIFY2(response.startsWith("HTTP/1.1 201 Created\r\n"), response.left(200).constData());
    QVERIFY(response.contains("<Success>1</Success>"));
}

void TestEmulator::sendAnswers201WithAbsoluteLocation()
{
    const auto r = f.send(u"/myHub/messages/?"_s + kV, R"({"aps":{"alert":"x"}})",
                          {{"ServiceBusNotification-Format", "apple"},
                           {"Content-Type", "application/json;charset=utf-8"}});
    QCOMPARE(r.status, 201);
    QVERIFY(r.body.isEmpty());
    const QUrl location(QString::fromUtf8(r.header("Location")));
    QCOMPARE(location.scheme(), u"https"_s);
    QCOMPARE(location.port(), int(f.emulator.port()));
    const QStringList path = location.path().split(u'/'); // "", hub, messages, id
    QCOMPARE(path.value(1), f.hub());
    QCOMPARE(path.value(2), u"messages"_s);
    QVERIFY(!path.value(3).isEmpty());
    QVERIFY(!r.header("TrackingId").isEmpty());
    QVERIFY(!r.header("x-ms-correlation-request-id").isEmpty());
    QCOMPARE(r.header("X-Powered-By"), "Azure Notification Hubs"_ba);
    // An empty 201 has no Content-Type, as the service's (docs/protocol.md §9.7 rule 11).
    QVERIFY(r.header("Content-Type").isEmpty());
}

void TestEmulator::testSendReturnsOutcome()
{
    const auto alice = addRegistration(Platform::Apple, u"A1"_s, {u"sports"_s, u"user:alice"_s});
    addRegistration(Platform::Apple, u"A2"_s, {u"politics"_s});
    addRegistration(Platform::FcmV1, u"F1"_s, {u"sports"_s});
    const auto r = f.send(u"/myHub/messages?"_s + kV + u"&test=true"_s, R"({"aps":{"alert":"x"}})",
                          {{"ServiceBusNotification-Format", "apple"},
                           {"ServiceBusNotification-Tags", "sports && !politics"}});
    QCOMPARE(r.status, 201);
    const auto outcome = parseNotificationOutcome(r.body);
    QVERIFY2(outcome.ok(), r.body.constData());
    QCOMPARE(outcome->success, 1);
    QCOMPARE(outcome->failure, 0);
    QCOMPARE(outcome->results.size(), 1);
    QCOMPARE(outcome->results[0].registrationId, alice.registrationId);
    QCOMPARE(outcome->results[0].applicationPlatform, u"apple"_s);
    QCOMPARE(outcome->results[0].pnsHandle, u"A1"_s);
    QCOMPARE(outcome->results[0].outcome, QString(kOutcomeSuccess));
    QVERIFY(outcome.warnings().isEmpty()); // exactly the shape the JS SDK needs
}

void TestEmulator::sasRejections_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("detail");
    QTest::newRow("no Authorization header") << 0 << u"MissingToken"_s;
    QTest::newRow("signed with another key") << 1 << u"InvalidSignature"_s;
    QTest::newRow("expired token") << 2 << u"ExpiredToken"_s;
    QTest::newRow("token for another hub") << 3 << u"InvalidAudience"_s;
    QTest::newRow("unknown rule name") << 4 << u"no rule named"_s;
    QTest::newRow("not a SAS token") << 5 << u"MalformedToken"_s;
}

void TestEmulator::sasRejections()
{
    QFETCH(int, kind);
    QFETCH(QString, detail);
    EmulatorFixture::Call c;
    c.method = "POST";
    c.pathAndQuery = u"/myHub/messages?"_s + kV;
    c.body = R"({"aps":{"alert":"x"}})";
    c.headers = {{"ServiceBusNotification-Format", "apple"}};
    const auto cs = f.connectionString();
    const QUrl url(f.url(c.pathAndQuery));
    QByteArray header;
    switch (kind) {
    case 0:
        c.sign = false;
        break;
    case 1:
        header = Sas::generateForHub(ConnectionString::fromParts(u"localhost"_s, f.emulator.port(),
                                                                 cs.keyName(), u"d3Jvbmc="_s),
                                     f.hub(), QDateTime::currentDateTimeUtc())
                     .header()
                     .toUtf8();
        break;
    case 2:
        header = Sas::generateForHub(cs, f.hub(), QDateTime::currentDateTimeUtc().addSecs(-7200))
                     .header()
                     .toUtf8();
        break;
    case 3:
        header = Sas::generateForHub(cs, u"otherHub"_s, QDateTime::currentDateTimeUtc())
                     .header()
                     .toUtf8();
        break;
    case 4:
        header = Sas::generateForHub(ConnectionString::fromParts(u"localhost"_s, f.emulator.port(),
                                                                 u"NoSuchRule"_s, cs.key()),
                                     f.hub(), QDateTime::currentDateTimeUtc())
                     .header()
                     .toUtf8();
        break;
    case 5:
        header = "Bearer eyJhbGciOi";
        break;
    }
    if (!header.isEmpty()) {
        c.sign = false;
        c.headers.append({"Authorization", header});
    }
    const auto r = f.call(c);
    QCOMPARE(r.status, 401);
    const auto e = parseErrorBody(r.body);
    QVERIFY(e.ok());
    QCOMPARE(e->code, 401);
    QVERIFY2(e->detail.contains(detail), qPrintable(e->detail));
    QVERIFY(!e->trackingId.isEmpty());
    // The log shows the refusal, never the key.
    QVERIFY(!f.emulator.log()
                 .last()
                 .toJson()
                 .toVariantMap()
                 .value(u"requestHeaders"_s)
                 .toString()
                 .contains(cs.key()));
}

void TestEmulator::everyClientTokenStyleIsAccepted_data()
{
    QTest::addColumn<int>("style");
    QTest::newRow("canonical") << 0;
    QTest::newRow("Python seed") << 1;
    QTest::newRow("JS SDK (namespace, upper-case hex)") << 2;
    QTest::newRow(".NET (http, no port, trailing slash)") << 3;
    QTest::newRow("Java (full URL with query)") << 4;
}

void TestEmulator::everyClientTokenStyleIsAccepted()
{
    QFETCH(int, style);
    const Sas::Options options[] = {Sas::Options::canonical(), Sas::Options::pythonSeed(),
                                    Sas::Options::jsSdk(), Sas::Options::dotNetSdk(),
                                    Sas::Options::javaSdk()};
    EmulatorFixture::Call c;
    c.pathAndQuery = u"/myHub/registrations?"_s + kV;
    c.sas = options[style];
    const auto r = f.call(c);
    QVERIFY2(r.status == 200, qPrintable(errorDetail(r)));
}

void TestEmulator::listenRuleClaims()
{
    EmulatorFixture::Call send;
    send.method = "POST";
    send.pathAndQuery = u"/myHub/messages?"_s + kV;
    send.body = R"({"aps":{}})";
    send.headers = {{"ServiceBusNotification-Format", "apple"}};
    send.rule = u"DefaultListenSharedAccessSignature"_s;
    auto r = f.call(send);
    QCOMPARE(r.status, 401);
    QVERIFY(errorDetail(r).contains(u"Send claim is required"_s));

    EmulatorFixture::Call list;
    list.pathAndQuery = u"/myHub/registrations?"_s + kV;
    list.rule = send.rule;
    r = f.call(list);
    QCOMPARE(r.status, 401);
    QVERIFY(errorDetail(r).contains(u"Manage claim is required for this operation"_s));

    // Listen may create a registration and read by channel.
    EmulatorFixture::Call create;
    create.method = "POST";
    create.pathAndQuery = u"/myHub/registrations?"_s + kV;
    create.rule = send.rule;
    Registration reg;
    reg.handle = u"ABCDEF"_s;
    create.body = registrationRequestXml(reg);
    create.headers = {{"Content-Type", "application/atom+xml;type=entry;charset=utf-8"}};
    r = f.call(create);
    QCOMPARE(r.status, 200);
    list.pathAndQuery = u"/myHub/registrations?"_s + kV + u"&$filter=DeviceToken+eq+%27abcdef%27"_s;
    r = f.call(list);
    QCOMPARE(r.status, 200);
    QCOMPARE(parseRegistrationFeed(r.body)->entries.size(), 1);
}

void TestEmulator::badRequests_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<Nh::HttpHeaders>("headers");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("detail");

    const HttpHeaders apple {{"ServiceBusNotification-Format", "apple"}};
    QTest::newRow("unknown hub") << "POST"_ba << u"/nohub/messages?"_s + kV << "{}"_ba << apple
                                 << 404 << u"could not be found"_s;
    QTest::newRow("unknown route") << "GET"_ba << u"/myHub/whatever?"_s + kV << ""_ba
                                   << HttpHeaders {} << 404 << u"No message branch"_s;
    QTest::newRow("wrong method") << "GET"_ba << u"/myHub/messages?"_s + kV << ""_ba
                                  << HttpHeaders {} << 405 << u"not allowed"_s;
    QTest::newRow("no api-version")
        << "POST"_ba << u"/myHub/messages"_s << "{}"_ba << apple << 400 << u"api-version"_s;
    QTest::newRow("no format header")
        << "POST"_ba << u"/myHub/messages?"_s + kV << "{}"_ba << HttpHeaders {} << 400
        << u"ServiceBusNotification-Format"_s;
    QTest::newRow("unknown format")
        << "POST"_ba << u"/myHub/messages?"_s + kV << "{}"_ba
        << HttpHeaders {{"ServiceBusNotification-Format", "nokiax"}} << 400 << u"'nokiax'"_s;
    QTest::newRow("windows without X-WNS-Type")
        << "POST"_ba << u"/myHub/messages?"_s + kV << kToast
        << HttpHeaders {{"ServiceBusNotification-Format", "windows"}} << 400
        << u"The mandatory HTTP header 'X-WNS-Type' is missing"_s;
    QTest::newRow("bad tag expression")
        << "POST"_ba << u"/myHub/messages?"_s + kV << "{}"_ba
        << HttpHeaders {{"ServiceBusNotification-Format", "apple"},
                        {"ServiceBusNotification-Tags", "(sports && )"}}
        << 400 << u"position 12"_s;
    QTest::newRow("template value not a string")
        << "POST"_ba << u"/myHub/messages?"_s + kV << R"({"n": 5})"_ba
        << HttpHeaders {{"ServiceBusNotification-Format", "template"}} << 400
        << u"template properties"_s;
    QTest::newRow("body over 64 KB") << "POST"_ba << u"/myHub/messages?"_s + kV
                                     << QByteArray(65537, 'a') << apple << 413 << u"64 KB"_s;
    QTest::newRow("broken registration XML")
        << "POST"_ba << u"/myHub/registrations?"_s + kV
        << "<entry><content><AppleRegistrationDescr"_ba << HttpHeaders {} << 400
        << u"registration is invalid"_s;
    QTest::newRow("registration tag starting with $")
        << "POST"_ba << u"/myHub/registrations?"_s + kV
        << R"(<entry xmlns="http://www.w3.org/2005/Atom"><content type="application/xml"><AppleRegistrationDescription xmlns="http://schemas.microsoft.com/netservices/2010/10/servicebus/connect"><Tags>$admin</Tags><DeviceToken>AB</DeviceToken></AppleRegistrationDescription></content></entry>)"_ba
        << HttpHeaders {} << 400 << u"Tags can not start with $"_s;
    QTest::newRow("broken installation JSON")
        << "PUT"_ba << u"/myHub/installations/i1?"_s + kV << "{\"installationId\":"_ba
        << HttpHeaders {{"Content-Type", "application/json"}} << 400
        << u"installation is invalid"_s;
    QTest::newRow("installation id mismatch")
        << "PUT"_ba << u"/myHub/installations/i1?"_s + kV
        << R"({"installationId":"i2","platform":"apns","pushChannel":"AB"})"_ba << HttpHeaders {}
        << 400 << u"differs"_s;
    QTest::newRow("bad $filter") << "GET"_ba
                                 << u"/myHub/registrations?"_s + kV
            + u"&$filter=BaiduChannelId+eq+x%27"_s
                                 << ""_ba << HttpHeaders {} << 400 << u"Field eq 'value'"_s;
    QTest::newRow("batch without devices part")
        << "POST"_ba << u"/myHub/messages/$batch?"_s + kV + u"&direct"_s
        << "--b\r\nContent-Type: application/json\r\nContent-Disposition: inline; name=notification\r\n\r\n{}\r\n--b--"_ba
        << HttpHeaders {{"ServiceBusNotification-Format", "apple"},
                        {"Content-Type", "multipart/mixed; boundary=b"}}
        << 400 << u"Could not find a part of the multipart content supplied"_s;
    QTest::newRow("direct send without handle")
        << "POST"_ba << u"/myHub/messages?"_s + kV + u"&direct"_s << "{}"_ba << apple << 400
        << u"DeviceHandle"_s;
}

void TestEmulator::badRequests()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(Nh::HttpHeaders, headers);
    QFETCH(int, status);
    QFETCH(QString, detail);
    EmulatorFixture::Call c;
    c.method = method;
    c.pathAndQuery = path;
    c.body = body;
    c.headers = headers;
    if (path.startsWith(u"/nohub"_s))
        c.hubForToken = u"nohub"_s;
    const auto r = f.call(c);
    QCOMPARE(r.status, status);
    const auto e = parseErrorBody(r.body);
    QVERIFY2(e.ok(), r.body.left(300).constData());
    QCOMPARE(e->code, status);
    QVERIFY2(e->text.contains(detail), qPrintable(e->text));
    // The emulator still serves after every bad request.
    EmulatorFixture::Call ok;
    ok.pathAndQuery = u"/myHub/registrations?"_s + kV;
    QCOMPARE(f.call(ok).status, 200);
}

void TestEmulator::registrationLifecycle()
{
    Registration reg;
    reg.platform = Platform::Windows;
    reg.isTemplate = true;
    reg.handle = u"https://db5.notify.windows.com/?token=x"_s;
    reg.tags = {u"a"_s, u"b"_s};
    reg.bodyTemplate = QString::fromUtf8(kToast);
    reg.headers = {{u"X-WNS-Type"_s, u"wns/toast"_s}};
    EmulatorFixture::Call c;
    c.method = "POST";
    c.pathAndQuery = u"/myHub/registrations?"_s + kV;
    c.body = registrationRequestXml(reg);
    auto r = f.call(c);
    QCOMPARE(r.status, 200);
    // No ETag header: today's service carries the ETag in the entry only (docs/protocol.md §7.6).
    QVERIFY(r.header("ETag").isEmpty());
    QVERIFY(r.header("Content-Type").startsWith("application/atom+xml; type=entry"));
    const auto created = parseRegistrationEntry(r.body);
    QVERIFY(created.ok());
    const QString id = created->registrationId;
    QVERIFY(!id.isEmpty());
    QCOMPARE(created->tags, reg.tags);
    QCOMPARE(created->bodyTemplate, reg.bodyTemplate);

    // Update with the right ETag (the JS SDK sends it quoted, no W/) → 2.
    reg.tags = {u"c"_s};
    c.method = "PUT";
    c.pathAndQuery = u"/myHub/registrations/"_s + id + u'?' + kV;
    c.body = registrationRequestXml(reg);
    c.headers = {{"If-Match", "\"1\""}};
    r = f.call(c);
    QCOMPARE(r.status, 200);
    QCOMPARE(parseRegistrationEntry(r.body)->etag, 2);
    // A stale ETag → 412, nothing changes.
    r = f.call(c);
    QCOMPARE(r.status, 412);
    c.method = "GET";
    c.body.clear();
    c.headers.clear();
    r = f.call(c);
    QCOMPARE(r.status, 200);
    QCOMPARE(parseRegistrationEntry(r.body)->tags, QStringList {u"c"_s});
    QCOMPARE(parseRegistrationEntry(r.body)->etag, 2);
    QCOMPARE(r.header("Content-Type"), "application/xml"_ba); // a read: as the service labels it
    // Delete with If-Match: * → 200; again → 404.
    c.method = "DELETE";
    c.headers = {{"If-Match", "*"}};
    r = f.call(c);
    QCOMPARE(r.status, 200);
    r = f.call(c);
    QCOMPARE(r.status, 404);
}

void TestEmulator::registrationIdThenPut()
{
    EmulatorFixture::Call c;
    c.method = "POST";
    c.pathAndQuery = u"/myHub/registrationIDs?"_s + kV; // the JS SDK's capitals
    c.headers = {{"Content-Type", "application/xml;type=entry;charset=utf-8"}};
    auto r = f.call(c);
    QCOMPARE(r.status, 201);
    const QUrl location(QString::fromUtf8(r.header("Location")));
    QVERIFY(location.toString().startsWith(u"https://"_s));
    const QString id = location.path().split(u'/').value(3);
    QVERIFY(QRegularExpression(u"^\\d+-\\d+-\\d+$"_s).match(id).hasMatch());
    Registration reg;
    reg.platform = Platform::FcmV1;
    reg.handle = u"fcm-token"_s;
    c.method = "PUT";
    c.pathAndQuery = u"/myHub/registrations/"_s + id + u'?' + kV;
    c.body = registrationRequestXml(reg);
    r = f.call(c);
    QCOMPARE(r.status, 200);
    QCOMPARE(parseRegistrationEntry(r.body)->registrationId, id);
    c.pathAndQuery = u"/myHub/registrations/not-an-id?"_s + kV;
    QCOMPARE(f.call(c).status, 410);
}

void TestEmulator::everyAnswerCarriesTheServiceHeaders_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("pathAndQuery");
    QTest::addColumn<int>("status");
    QTest::newRow("list registrations") << "GET"_ba << u"/myHub/registrations?"_s + kV << 200;
    QTest::newRow("registration id") << "POST"_ba << u"/myHub/registrationIDs?"_s + kV << 201;
    QTest::newRow("delete installation")
        << "DELETE"_ba << u"/myHub/installations/nobody?"_s + kV << 204;
    QTest::newRow("error 404") << "GET"_ba << u"/myHub/registrations/1-2-3?"_s + kV << 404;
    QTest::newRow("error 405") << "PATCH"_ba << u"/myHub/registrations?"_s + kV << 405;
    QTest::newRow("hub description") << "GET"_ba << u"/myHub?"_s + kV << 200;
}

void TestEmulator::everyAnswerCarriesTheServiceHeaders()
{
    // The service puts TrackingId, x-ms-correlation-request-id and Strict-Transport-Security
    // on every answer, errors too (docs/protocol.md §9.7 rule 21).
    QFETCH(QByteArray, method);
    QFETCH(QString, pathAndQuery);
    QFETCH(int, status);
    EmulatorFixture::Call c;
    c.method = method;
    c.pathAndQuery = pathAndQuery;
    const auto r = f.call(c);
    QCOMPARE(r.status, status);
    const QRegularExpression uuid(
        u"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"_s);
    QVERIFY2(uuid.match(QString::fromLatin1(r.header("TrackingId"))).hasMatch(),
             r.header("TrackingId").constData());
    QVERIFY(uuid.match(QString::fromLatin1(r.header("x-ms-correlation-request-id"))).hasMatch());
    QCOMPARE(r.header("Strict-Transport-Security"), "max-age=2592000"_ba);
    if (status >= 400) // the error body names the same TrackingId
        QVERIFY(r.body.contains(QByteArray("TrackingId:" + r.header("TrackingId"))));
}

void TestEmulator::registrationAnswersAsTheServiceDoes()
{
    // As recorded from the service in 2024 (docs/protocol.md §7.2, §7.6).
    EmulatorFixture::Call c;
    c.method = "POST";
    c.pathAndQuery = u"/myHub/registrationIDs?"_s + kV;
    auto r = f.call(c);
    QCOMPARE(r.status, 201);
    QCOMPARE(r.header("Content-Length"), "0"_ba);
    QVERIFY(r.header("Content-Type").startsWith("application/atom+xml; type=entry"));
    const QUrl location(QString::fromUtf8(r.header("Location")));
    QCOMPARE(location.path().section(u'/', 0, 2), u"/myHub/registrationids"_s);
    QVERIFY(!location.hasQuery());

    Registration reg;
    reg.platform = Platform::Apple;
    reg.handle = u"00fc13adff"_s;
    c.pathAndQuery = u"/myHub/registrations?"_s + kV;
    c.body = registrationRequestXml(reg);
    r = f.call(c);
    QCOMPARE(r.status, 200);
    QVERIFY(r.header("Content-Location").isEmpty());
    // A write's answer: under registrations/, ExpirationTime without a zone, token upper-cased.
    QVERIFY(r.body.contains("<ExpirationTime>9999-12-31T23:59:59.9999999</ExpirationTime>"));
    QVERIFY(r.body.contains("<DeviceToken>00FC13ADFF</DeviceToken>"));
    const auto created = parseRegistrationEntry(r.body);
    QVERIFY(created.ok());
    QCOMPARE(created->handle, u"00FC13ADFF"_s);
    QVERIFY(r.body.contains(
        QByteArray("/myHub/registrations/" + created->registrationId.toUtf8() + '?')));

    // A read: application/xml, under resources/, ExpirationTime with Z; the same in a feed.
    c.method = "GET";
    c.body.clear();
    c.pathAndQuery = u"/myHub/registrations/"_s + created->registrationId + u'?' + kV;
    r = f.call(c);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.header("Content-Type"), "application/xml"_ba);
    QVERIFY(
        r.body.contains(QByteArray("/myHub/resources/" + created->registrationId.toUtf8() + '?')));
    QVERIFY(r.body.contains("<ExpirationTime>9999-12-31T23:59:59.9999999Z</ExpirationTime>"));
    c.pathAndQuery = u"/myHub/registrations?"_s + kV;
    r = f.call(c);
    QCOMPARE(r.status, 200);
    QVERIFY(r.body.contains(QByteArray("/myHub/resources?" + kV.toUtf8() + "</id>")));
    QVERIFY(r.body.contains("<ExpirationTime>9999-12-31T23:59:59.9999999Z</ExpirationTime>"));
    QVERIFY(!r.body.contains("<ExpirationTime>9999-12-31T23:59:59.999Z"));
}

void TestEmulator::listPagesWithContinuationTokens()
{
    QSet<QString> all;
    for (int i = 0; i < 5; ++i)
        all.insert(addRegistration(Platform::Apple, u"T%1"_s.arg(i), {u"t"_s}).registrationId);
    for (const bool twice : {false, true}) {
        QSet<QString> seen;
        QString token;
        int pages = 0;
        do {
            EmulatorFixture::Call c;
            c.pathAndQuery = u"/myHub/registrations?"_s + kV + u"&%24top=2"_s;
            if (!token.isEmpty()) {
                const QByteArray sent = twice ? QUrl::toPercentEncoding(token) : token.toUtf8();
                c.pathAndQuery += (pages % 2 ? u"&ContinuationToken="_s : u"&continuationtoken="_s)
                    + QString::fromUtf8(sent);
            }
            const auto r = f.call(c);
            QCOMPARE(r.status, 200);
            QCOMPARE(r.header("Content-Type"), "application/xml"_ba); // as the service's feeds
            const auto feed = parseRegistrationFeed(r.body);
            QVERIFY(feed.ok());
            QVERIFY(feed->entries.size() <= 2);
            for (const auto &e : feed->entries)
                seen.insert(e.registrationId);
            token = QString::fromUtf8(r.header("x-ms-continuationtoken"));
            ++pages;
        } while (!token.isEmpty() && pages < 10);
        QCOMPARE(pages, 3);
        QCOMPARE(seen, all);
    }
}

void TestEmulator::listByTagAndChannel()
{
    addRegistration(Platform::Apple, u"62BCD3484834B7E2"_s, {u"user:alice"_s});
    addRegistration(Platform::Windows, u"https://db5.notify.windows.com/?token=AwY%2b"_s,
                    {u"user:bob"_s});
    addRegistration(Platform::Gcm, u"g1"_s, {u"user:alice"_s, u"x"_s});
    EmulatorFixture::Call c;
    c.pathAndQuery = u"/myHub/tags/user:alice/registrations?"_s + kV;
    auto r = f.call(c);
    QCOMPARE(r.status, 200);
    QCOMPARE(parseRegistrationFeed(r.body)->entries.size(), 2);
    // The JS SDK upper-cases device tokens in channel queries.
    c.pathAndQuery =
        u"/myHub/registrations?"_s + kV + u"&%24filter=DeviceToken+eq+%2762bcd3484834b7e2%27"_s;
    r = f.call(c);
    QCOMPARE(parseRegistrationFeed(r.body)->entries.size(), 1);
    // ChannelUri matches any handle; the value may arrive encoded once more (JS).
    const QString uri = QString::fromUtf8(QUrl::toPercentEncoding(QString::fromUtf8(
        QUrl::toPercentEncoding(u"https://db5.notify.windows.com/?token=AwY%2b"_s))));
    c.pathAndQuery =
        u"/myHub/registrations?"_s + kV + u"&%24filter=ChannelUri+eq+%27"_s + uri + u"%27"_s;
    r = f.call(c);
    QCOMPARE(r.status, 200);
    QCOMPARE(parseRegistrationFeed(r.body)->entries.size(), 1);
}

void TestEmulator::installationLifecycle()
{
    const QByteArray json =
        R"({"installationId":"inst-1","platform":"apns","pushChannel":"AB12","userId":"alice","tags":["vip"],
        "templates":{"t1":{"body":"{\"aps\":{\"alert\":\"$(msg)\"}}","tags":["tt"]}}})";
    EmulatorFixture::Call c;
    c.method = "PUT";
    c.pathAndQuery = u"/myHub/installations/inst-1?"_s + kV;
    c.body = json;
    c.headers = {{"Content-Type", "application/json"}};
    auto r = f.call(c);
    QCOMPARE(r.status, 200);

    c.method = "GET";
    c.body.clear();
    r = f.call(c);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.header("Content-Type"), "application/xml; charset=utf-8"_ba); // the service's quirk
    const auto inst = parseInstallation(r.body);
    QVERIFY(inst.ok());
    QCOMPARE(inst->userId, u"alice"_s);

    // The registrations it implies make $InstallationId and $UserId targets work.
    for (const QByteArray &expr : {"$InstallationId:{inst-1}"_ba, "$UserId:{alice} && vip"_ba}) {
        r = f.send(
            u"/myHub/messages?"_s + kV + u"&test"_s, R"({"aps":{"alert":"x"}})",
            {{"ServiceBusNotification-Format", "apple"}, {"ServiceBusNotification-Tags", expr}});
        QCOMPARE(r.status, 201);
        QCOMPARE(parseNotificationOutcome(r.body)->results.size(), 1);
    }
    r = f.send(
        u"/myHub/messages?"_s + kV + u"&test"_s, R"({"msg":"hi"})",
        {{"ServiceBusNotification-Format", "template"}, {"ServiceBusNotification-Tags", "tt"}});
    QCOMPARE(parseNotificationOutcome(r.body)->results.size(), 1);

    // PATCH (the JS SDK sends application/json, and needs 200).
    c.method = "PATCH";
    c.body = R"([{"op":"add","path":"/tags","value":"new"}])";
    r = f.call(c);
    QCOMPARE(r.status, 200);
    r = f.send(
        u"/myHub/messages?"_s + kV + u"&test"_s, R"({"aps":{"alert":"x"}})",
        {{"ServiceBusNotification-Format", "apple"}, {"ServiceBusNotification-Tags", "new"}});
    QCOMPARE(parseNotificationOutcome(r.body)->results.size(), 1);
    c.body = R"([{"op":"explode","path":"/tags"}])";
    QCOMPARE(f.call(c).status, 400);

    c.method = "DELETE";
    c.body.clear();
    QCOMPARE(f.call(c).status, 204);
    c.method = "GET";
    r = f.call(c);
    QCOMPARE(r.status, 404);
    QCOMPARE(errorDetail(r), u"Installation not found"_s);
    QVERIFY(f.emulator.state().hub(f.hub())->registrations.empty());
}

void TestEmulator::scheduleAndCancel()
{
    const QByteArray when =
        QDateTime::currentDateTimeUtc().addSecs(3600).toString(Qt::ISODateWithMs).toUtf8();
    auto r = f.send(u"/myHub/schedulednotifications/?"_s + kV, R"({"aps":{}})",
                    {{"ServiceBusNotification-Format", "apple"},
                     {"ServiceBusNotification-ScheduleTime", when}});
    QCOMPARE(r.status, 201);
    const QUrl location(QString::fromUtf8(r.header("Location")));
    QCOMPARE(location.path().split(u'/').value(2), u"schedulednotifications"_s);
    const QString id = location.path().split(u'/').value(3);
    EmulatorFixture::Call c;
    c.method = "DELETE";
    c.pathAndQuery = u"/myHub/schedulednotifications/"_s + id + u'?' + kV;
    QCOMPARE(f.call(c).status, 200);
    QCOMPARE(f.call(c).status, 404);
    r = f.send(u"/myHub/schedulednotifications?"_s + kV, R"({"aps":{}})",
               {{"ServiceBusNotification-Format", "apple"},
                {"ServiceBusNotification-ScheduleTime", "tomorrow"}});
    QCOMPARE(r.status, 400);
}

void TestEmulator::scheduledSendIsDeliveredWhenDue()
{
    addRegistration(Platform::Apple, u"S1"_s, {u"later"_s});
    const QByteArray when =
        QDateTime::currentDateTimeUtc().addMSecs(1200).toString(Qt::ISODateWithMs).toUtf8();
    const auto r = f.send(u"/myHub/schedulednotifications?"_s + kV, R"({"aps":{}})",
                          {{"ServiceBusNotification-Format", "apple"},
                           {"ServiceBusNotification-Tags", "later"},
                           {"ServiceBusNotification-ScheduleTime", when}});
    QCOMPARE(r.status, 201);
    const QString id = QUrl(QString::fromUtf8(r.header("Location"))).path().split(u'/').value(3);
    EmulatorFixture::Call c;
    c.pathAndQuery = u"/myHub/messages/"_s + id + u'?' + kV;
    QCOMPARE(parseNotificationDetails(f.call(c).body)->state, NotificationState::Scheduled);
    QTRY_COMPARE_WITH_TIMEOUT(parseNotificationDetails(f.call(c).body)->state,
                              NotificationState::Completed, 5000);
    const auto d = parseNotificationDetails(f.call(c).body);
    QCOMPARE(d->outcomeCounts.value(0).outcomes.value(0).name, u"Success"_s);
}

void TestEmulator::secondHub()
{
    EmulatorOptions o = EmulatorFixture::defaultOptions();
    o.additionalHubs = {u"otherHub"_s};
    EmulatorFixture two;
    QVERIFY(two.start(o));
    EmulatorFixture::Call c;
    c.pathAndQuery = u"/otherHub/registrations?"_s + kV;
    c.hubForToken = u"otherHub"_s;
    QCOMPARE(two.call(c).status, 200);
    // A token scoped to one hub does not open the other.
    c.hubForToken.clear();
    QCOMPARE(two.call(c).status, 401);
    o.additionalHubs = {u"bad hub"_s};
    EmulatorFixture broken;
    QVERIFY(!broken.emulator.start(o).ok());
}

void TestEmulator::directAndBatch()
{
    auto r = f.send(u"/myHub/messages?"_s + kV + u"&direct=true"_s, R"({"aps":{}})",
                    {{"ServiceBusNotification-Format", "apple"},
                     {"ServiceBusNotification-DeviceHandle", "ABCD"}});
    QCOMPARE(r.status, 201);
    // The JS SDK's batch: spaces around '=', a quoted boundary, no final CRLF.
    const QByteArray body =
        "--nh-boundary-1\r\nContent-type: application/json\r\nContent-Disposition: inline; "
        "name=notification\r\n\r\n"
        "{\"aps\":{}}\r\n--nh-boundary-1\r\nContent-type: application/json\r\nContent-Disposition: "
        "inline; name=devices\r\n\r\n"
        "[\"t1\",\"t2-expired\"]\r\n--nh-boundary-1--";
    r = f.send(u"/myHub/messages/$batch?"_s + kV + u"&direct=true"_s, body,
               {{"ServiceBusNotification-Format", "apple"},
                {"Content-Type", "multipart/mixed; boundary = \"nh-boundary-1\""}});
    QCOMPARE(r.status, 201);
    const QString id = QUrl(QString::fromUtf8(r.header("Location"))).path().split(u'/').value(4);
    EmulatorFixture::Call c;
    c.pathAndQuery = u"/myHub/messages/"_s + id + u'?' + kV;
    r = f.call(c);
    QCOMPARE(r.status, 200);
    const auto d = parseNotificationDetails(r.body);
    QVERIFY(d.ok());
    QCOMPARE(d->outcomeCounts.size(), 1);
    QCOMPARE(d->outcomeCounts[0].platform, u"Apns"_s);
    QCOMPARE(d->outcomeCounts[0].outcomes.size(), 2); // one Success, one BadChannel
}

void TestEmulator::telemetryCountsOutcomes()
{
    addRegistration(Platform::Windows, u"https://ok"_s, {u"n"_s});
    addRegistration(Platform::Windows, u"https://expired-channel"_s, {u"n"_s});
    auto r = f.send(u"/myHub/messages?"_s + kV, kToast,
                    {{"ServiceBusNotification-Format", "windows"},
                     {"X-WNS-Type", "wns/toast"},
                     {"ServiceBusNotification-Tags", "n"}});
    QCOMPARE(r.status, 201);
    const QString id = QUrl(QString::fromUtf8(r.header("Location"))).path().split(u'/').value(3);
    EmulatorFixture::Call c;
    c.pathAndQuery = u"/myHub/messages/"_s + id + u'?' + kV;
    r = f.call(c);
    QCOMPARE(r.status, 200);
    const auto d = parseNotificationDetails(r.body);
    QVERIFY(d.ok());
    QCOMPARE(d->notificationId, id);
    QCOMPARE(d->state, NotificationState::Completed);
    QCOMPARE(d->notificationBody.toUtf8(), kToast);
    QCOMPARE(d->outcomeCounts.value(0).platform, u"Wns"_s);
    qint64 success = 0, expired = 0;
    for (const auto &o : d->outcomeCounts.value(0).outcomes) {
        if (o.name == u"Success")
            success = o.count;
        if (o.name == u"ExpiredChannel")
            expired = o.count;
    }
    QCOMPARE(success, 1);
    QCOMPARE(expired, 1);
    c.pathAndQuery = u"/myHub/messages/nope?"_s + kV;
    QCOMPARE(f.call(c).status, 404);
}

void TestEmulator::keepAliveUsesOneConnection()
{
    QNetworkAccessManager nam;
    const int before = f.emulator.connectionCount();
    for (int i = 0; i < 5; ++i) {
        QNetworkRequest request(QUrl(f.url(u"/myHub/registrations?"_s + kV)));
        request.setSslConfiguration(f.tls());
        request.setRawHeader(
            "Authorization",
            Sas::generateForHub(f.connectionString(), f.hub(), QDateTime::currentDateTimeUtc())
                .header()
                .toUtf8());
        QNetworkReply *reply = nam.get(request);
        QSignalSpy done(reply, &QNetworkReply::finished);
        QVERIFY(done.wait(10000));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        reply->deleteLater();
    }
    QCOMPARE(f.emulator.connectionCount() - before, 1);
}

void TestEmulator::logIsRedacted()
{
    const auto cs = f.connectionString();
    QSignalSpy logged(&f.emulator, &HubEmulator::exchangeLogged);
    EmulatorFixture::Call c;
    c.pathAndQuery = u"/myHub/feedbackcontainer?"_s + kV;
    const auto r = f.call(c);
    QCOMPARE(r.status, 200);
    QVERIFY(r.body.contains("sig=")); // the container URL carries a signature…
    QCOMPARE(logged.size(), 1);
    const auto entry = logged.first().first().value<EmulatorLogEntry>();
    const QByteArray json = QJsonDocument(entry.toJson()).toJson();
    QVERIFY(json.contains("sig=[redacted]")); // …which the log hides,
    QVERIFY(!json.contains(cs.key().toUtf8()));
    const QByteArray auth =
        headerValue(entry.requestHeaders, "Authorization").value_or(QByteArray());
    QVERIFY(
        auth.contains("skn=DefaultFullSharedAccessSignature")); // keeping what people debug with
    QVERIFY(auth.contains("sig=[redacted]"));
    QVERIFY(entry.summary().contains(u"feedback.get"_s));
}

void TestEmulator::dataFileKeepsTheNamespace()
{
    QTemporaryDir dir;
    EmulatorOptions o = EmulatorFixture::defaultOptions();
    o.dataFile = dir.filePath(u"ns.sqlite"_s);
    QString key;
    QString regId;
    {
        EmulatorFixture first;
        QVERIFY(first.start(o));
        key = first.emulator.connectionString().key();
        Registration reg;
        reg.handle = u"AABB"_s;
        reg.tags = {u"kept"_s};
        EmulatorFixture::Call c;
        c.method = "POST";
        c.pathAndQuery = u"/myHub/registrations?"_s + kV;
        c.body = registrationRequestXml(reg);
        auto r = first.call(c);
        QCOMPARE(r.status, 200);
        regId = parseRegistrationEntry(r.body)->registrationId;
        c.method = "PUT";
        c.pathAndQuery = u"/myHub/installations/i9?"_s + kV;
        c.body = R"({"installationId":"i9","platform":"fcmv1","pushChannel":"tok"})";
        QCOMPARE(first.call(c).status, 200);
    }
    EmulatorFixture second;
    QVERIFY(second.start(o));
    QCOMPARE(second.emulator.connectionString().key(),
             key); // same keys: connection strings stay valid
    EmulatorFixture::Call c;
    c.pathAndQuery = u"/myHub/registrations/"_s + regId + u'?' + kV;
    auto r = second.call(c);
    QCOMPARE(r.status, 200);
    QCOMPARE(parseRegistrationEntry(r.body)->tags, QStringList {u"kept"_s});
    c.pathAndQuery = u"/myHub/installations/i9?"_s + kV;
    QCOMPARE(second.call(c).status, 200);
}

QTEST_GUILESS_MAIN(TestEmulator)
#include "tst_emulator.moc"
