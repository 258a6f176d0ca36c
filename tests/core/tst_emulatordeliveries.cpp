// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The emulator as a test hub (issue #20, docs/protocol.md §9.11): delivery records, their
// bounds and persistence, `/$emulator/deliveries`, `/$emulator/reset` and the traffic stream.

#include "emulator/emulatordeliveries.h"
#include "emulator/emulatorstate.h"
#include "emulator/faults.h"
#include "emulatorfixture.h"
#include "protocol/installation.h"
#include "protocol/notificationoutcome.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Nh;

namespace {

const QString kSend = u"/myHub/messages?api-version=2020-06"_s;

QJsonObject jsonOf(const EmulatorFixture::Response &r)
{
    return QJsonDocument::fromJson(r.body).object();
}

QString errorMessage(const EmulatorFixture::Response &r)
{
    return jsonOf(r).value(u"error"_s).toObject().value(u"message"_s).toString();
}

} // namespace

class TestEmulatorDeliveries final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void nativeSendRecordsEachRegistration();
    void templateSendRecordsTheRenderedPayload();
    void testSendIsMarked();
    void directAndBatchSends();
    void scheduledSendRecordsWhenDelivered();
    void largeSendKeepsCountsAndTheFirstDeliveries();
    void boundInAll();
    void filtersAndSince();
    void queryErrors();
    void deleteClears();
    void resetRestoresTheStartState();
    void dataFileKeepsDeliveries();
    void trafficAfter();
    void trafficLongPollReleasedByANewEntry();
    void trafficLongPollTimesOut();
    void trafficErrors();

private:
    QString addRegistration(Platform platform, const QString &handle, const QStringList &tags,
                            const QString &bodyTemplate = {});
    EmulatorFixture::Response get(const QString &pathAndQuery);
    EmulatorFixture::Response control(const QByteArray &method, const QString &pathAndQuery);
    QJsonArray deliveries(const QString &query = {});
    EmulatorFixture f;
};

void TestEmulatorDeliveries::initTestCase()
{
    QVERIFY(f.start());
}

void TestEmulatorDeliveries::init()
{
    f.resetHub();
    f.emulator.state().deliveries().clear();
    f.emulator.state().setSendChunkSize(2000);
}

QString TestEmulatorDeliveries::addRegistration(Platform platform, const QString &handle,
                                                const QStringList &tags,
                                                const QString &bodyTemplate)
{
    Registration r;
    r.platform = platform;
    r.handle = handle;
    r.tags = tags;
    r.isTemplate = !bodyTemplate.isEmpty();
    r.bodyTemplate = bodyTemplate;
    if (r.isTemplate)
        r.templateName = u"t1"_s;
    r.registrationId = EmulatorState::newRegistrationId();
    f.emulator.state().putRegistration(*f.emulator.state().hub(f.hub()), r);
    return r.registrationId;
}

EmulatorFixture::Response TestEmulatorDeliveries::get(const QString &pathAndQuery)
{
    return control("GET", pathAndQuery);
}

EmulatorFixture::Response TestEmulatorDeliveries::control(const QByteArray &method,
                                                          const QString &pathAndQuery)
{
    EmulatorFixture::Call c;
    c.method = method;
    c.pathAndQuery = pathAndQuery;
    c.sign = false; // loopback control routes need no key
    return f.call(c);
}

QJsonArray TestEmulatorDeliveries::deliveries(const QString &query)
{
    const auto r = get(u"/$emulator/deliveries"_s + (query.isEmpty() ? QString() : u'?' + query));
    if (r.status != 200)
        qWarning("deliveries: %d %s", r.status, r.body.constData());
    return jsonOf(r).value(u"deliveries"_s).toArray();
}

void TestEmulatorDeliveries::nativeSendRecordsEachRegistration()
{
    const QString a = addRegistration(Platform::Apple, u"AAAA01"_s, {u"sports"_s});
    const QString b = addRegistration(Platform::Apple, u"BBBB02-expired"_s, {u"sports"_s});
    addRegistration(Platform::Apple, u"CCCC03"_s, {u"politics"_s});
    const QByteArray payload = R"({"aps":{"alert":"goal"}})";
    const auto r = f.send(kSend, payload,
                          {{"ServiceBusNotification-Format", "apple"},
                           {"ServiceBusNotification-Tags", "sports"},
                           {"apns-priority", "5"},
                           {"apns-push-type", "alert"}});
    QCOMPARE(r.status, 201);
    const EmulatorLogEntry entry = f.emulator.log().constLast();

    const QJsonArray list = deliveries();
    QCOMPARE(list.size(), 2);
    QSet<QString> ids;
    for (const QJsonValue &v : list) {
        const auto d = EmulatorDelivery::fromJson(v.toObject());
        QVERIFY(d);
        ids.insert(d->registrationId);
        QCOMPARE(d->payload, payload);
        QCOMPARE(d->format, u"apple"_s);
        QCOMPARE(d->hub, f.hub());
        QCOMPARE(headerValue(d->headers, "apns-priority").value_or(""), "5"_ba);
        QCOMPARE(headerValue(d->headers, "apns-push-type").value_or(""), "alert"_ba);
        QVERIFY(!headerValue(d->headers, "Authorization"));
        QVERIFY(!d->test);
        QVERIFY(!d->notificationId.isEmpty());
        QVERIFY(r.header("Location").contains(d->notificationId.toUtf8()));
        QCOMPARE(d->tags, QStringList {u"sports"_s});
        QCOMPARE(d->outcome,
                 outcomeText(d->registrationId == b ? OutcomeKind::ExpiredHandle
                                                    : OutcomeKind::Success));
    }
    QCOMPARE(ids, (QSet<QString> {a, b}));

    // The log entry carries them, and the records its sequence.
    QCOMPARE(entry.operation, u"send"_s);
    QCOMPARE(entry.deliveryCount, 2);
    QCOMPARE(entry.deliveries.size(), 2);
    QCOMPARE(list.first().toObject().value(u"sequence"_s).toInteger(), entry.sequence);
    const auto back = EmulatorLogEntry::fromJson(entry.toJson());
    QVERIFY(back);
    QCOMPARE(back->deliveryCount, 2);
}

void TestEmulatorDeliveries::templateSendRecordsTheRenderedPayload()
{
    const QString id = addRegistration(Platform::Apple, u"DDDD04"_s, {u"user:ann"_s},
                                       u"{\"aps\":{\"alert\":\"$(msg)\"}}"_s);
    addRegistration(Platform::Apple, u"EEEE05"_s, {u"user:ann"_s}); // native: not reached
    const auto r = f.send(kSend, R"({"msg":"Hello Ann"})",
                          {{"ServiceBusNotification-Format", "template"},
                           {"ServiceBusNotification-Tags", "user:ann"}});
    QCOMPARE(r.status, 201);
    const QJsonArray list = deliveries(u"tag=user:ann"_s);
    QCOMPARE(list.size(), 1);
    const auto d = EmulatorDelivery::fromJson(list.first().toObject());
    QVERIFY(d);
    QCOMPARE(d->registrationId, id);
    QCOMPARE(d->format, u"template"_s);
    QCOMPARE(d->templateName, u"t1"_s);
    QCOMPARE(QJsonDocument::fromJson(d->payload).object(),
             QJsonDocument::fromJson(R"({"aps":{"alert":"Hello Ann"}})").object());
}

void TestEmulatorDeliveries::testSendIsMarked()
{
    addRegistration(Platform::FcmV1, u"fcm-token-1"_s, {u"a"_s});
    const auto r = f.send(kSend + u"&test"_s, R"({"message":{"notification":{"title":"t"}}})",
                          {{"ServiceBusNotification-Format", "fcmv1"}});
    QCOMPARE(r.status, 201);
    const QJsonArray list = deliveries();
    QCOMPARE(list.size(), 1);
    QVERIFY(list.first().toObject().value(u"test"_s).toBool());
    QVERIFY(!list.first().toObject().contains(u"notificationId"_s));
    QCOMPARE(list.first().toObject().value(u"platform"_s).toString(), u"fcmv1"_s);

    // A payload the PNS would refuse: the record says so, as the test send's answer does.
    addRegistration(Platform::Apple, u"ABCD00"_s, {u"b"_s});
    QCOMPARE(f.send(kSend + u"&test"_s, R"({"alert":"no aps"})",
                    {{"ServiceBusNotification-Format", "apple"}})
                 .status,
             201);
    const QJsonArray refused = deliveries(u"handle=ABCD00"_s);
    QCOMPARE(refused.size(), 1);
    QCOMPARE(refused.first().toObject().value(u"outcome"_s).toString(),
             outcomeText(OutcomeKind::InvalidPayload));
}

void TestEmulatorDeliveries::directAndBatchSends()
{
    auto r = f.send(kSend + u"&direct"_s, R"({"aps":{"alert":"x"}})",
                    {{"ServiceBusNotification-Format", "apple"},
                     {"ServiceBusNotification-DeviceHandle", "FFFF06"}});
    QCOMPARE(r.status, 201);
    QJsonArray list = deliveries(u"handle=FFFF06"_s);
    QCOMPARE(list.size(), 1);
    QCOMPARE(list.first().toObject().value(u"registrationId"_s).toString(), QString());

    const QByteArray batch = "--b\r\nContent-Type: application/json\r\nContent-Disposition: "
                             "inline; name=notification\r\n\r\n{\"aps\":{}}\r\n--b\r\n"
                             "Content-Type: application/json\r\nContent-Disposition: inline; "
                             "name=devices\r\n\r\n[\"H1\",\"H2\"]\r\n--b--\r\n";
    r = f.send(u"/myHub/messages/$batch?api-version=2020-06&direct"_s, batch,
               {{"ServiceBusNotification-Format", "apple"},
                {"Content-Type", "multipart/mixed; boundary=b"}});
    QCOMPARE(r.status, 201);
    QCOMPARE(f.emulator.log().constLast().deliveryCount, 2);
    QCOMPARE(deliveries(u"handle=H2"_s).size(), 1);
}

void TestEmulatorDeliveries::scheduledSendRecordsWhenDelivered()
{
    addRegistration(Platform::Apple, u"GGGG07"_s, {u"later"_s});
    const auto r = f.send(u"/myHub/schedulednotifications?api-version=2020-06"_s,
                          R"({"aps":{"alert":"later"}})",
                          {{"ServiceBusNotification-Format", "apple"},
                           {"ServiceBusNotification-Tags", "later"},
                           {"ServiceBusNotification-ScheduleTime", "2020-01-01T00:00:00"}});
    QCOMPARE(r.status, 201);
    const qint64 scheduled = f.emulator.log().constLast().sequence;
    QCOMPARE(f.emulator.log().constLast().deliveryCount, 0);
    QCOMPARE(deliveries().size(), 0);

    QSignalSpy logged(&f.emulator, &HubEmulator::exchangeLogged);
    QCOMPARE(f.emulator.state().deliverDue(QDateTime::currentDateTimeUtc()), 1);
    const QJsonArray list = deliveries();
    QCOMPARE(list.size(), 1);
    QCOMPARE(list.first().toObject().value(u"sequence"_s).toInteger(), scheduled);
    // The schedule's entry again, with its delivery.
    QVERIFY(!logged.isEmpty());
    const auto again = logged.first().first().value<EmulatorLogEntry>();
    QCOMPARE(again.sequence, scheduled);
    QCOMPARE(again.deliveryCount, 1);
}

void TestEmulatorDeliveries::largeSendKeepsCountsAndTheFirstDeliveries()
{
    EmulatorHub &hub = *f.emulator.state().hub(f.hub());
    for (int i = 0; i < 250; ++i) {
        Registration r;
        r.platform = Platform::Gcm;
        r.handle = u"gcm-%1"_s.arg(i);
        r.tags = {u"many"_s};
        f.emulator.state().putRegistration(hub, r);
    }
    f.emulator.state().setSendChunkSize(40);
    QSignalSpy logged(&f.emulator, &HubEmulator::exchangeLogged);
    const auto r =
        f.send(kSend, R"({"data":{"m":"x"}})",
               {{"ServiceBusNotification-Format", "gcm"}, {"ServiceBusNotification-Tags", "many"}});
    QCOMPARE(r.status, 201);
    const qint64 sequence = f.emulator.log().constLast().sequence;
    // The later chunks run from the event loop; the entry comes again as they do.
    QTRY_COMPARE(f.emulator.state().pendingSends(), 0);
    QTRY_VERIFY(!logged.isEmpty());
    const auto last = logged.constLast().first().value<EmulatorLogEntry>();
    QCOMPARE(last.sequence, sequence);
    QCOMPARE(last.deliveryCount, 250);
    QCOMPARE(last.deliveries.size(), EmulatorLogEntry::kLoggedDeliveries);
    QCOMPARE(f.emulator.log().constLast().deliveryCount, 250);

    const auto all = get(u"/$emulator/deliveries?limit=1000"_s);
    QCOMPARE(all.status, 200);
    const QJsonObject o = jsonOf(all);
    QCOMPARE(o.value(u"deliveries"_s).toArray().size(), EmulatorDeliveries::kPerSend);
    QCOMPARE(o.value(u"more"_s).toBool(), false);
    const QJsonArray sends = o.value(u"sends"_s).toArray();
    QCOMPARE(sends.size(), 1);
    QCOMPARE(sends.first().toObject().value(u"deliveryCount"_s).toInteger(), 250);
    QCOMPARE(sends.first().toObject().value(u"sequence"_s).toInteger(), sequence);
}

void TestEmulatorDeliveries::boundInAll()
{
    EmulatorDeliveries records;
    const qint64 sends = EmulatorDeliveries::kMaxKept / EmulatorDeliveries::kPerSend + 3;
    qint64 last = 0;
    for (qint64 s = 0; s < sends; ++s) {
        last = records.beginSend();
        for (int i = 0; i < EmulatorDeliveries::kPerSend + 5; ++i) {
            EmulatorDelivery d;
            d.handle = u"h%1-%2"_s.arg(s).arg(i);
            if (records.wants(last))
                records.add(last, d);
            else
                records.count(last);
        }
        records.setSequence(last, s + 1);
    }
    QCOMPARE(records.size(), EmulatorDeliveries::kMaxKept);
    QCOMPARE(records.countOf(last), EmulatorDeliveries::kPerSend + 5);
    QCOMPARE(records.firstOf(last).size(), EmulatorLogEntry::kLoggedDeliveries);
    QCOMPARE(records.lastSequence(), sends);
    // The oldest went first.
    DeliveryFilter all;
    all.limit = 1;
    QCOMPARE(records.query(all).first().handle, u"h3-0"_s);
}

void TestEmulatorDeliveries::filtersAndSince()
{
    const QString a = addRegistration(Platform::Apple, u"HHHH08"_s, {u"x"_s});
    addRegistration(Platform::Apple, u"IIII09"_s, {u"y"_s});
    Installation inst;
    inst.installationId = u"inst-1"_s;
    inst.platform = Platform::Apple;
    inst.pushChannel = u"JJJJ10"_s;
    inst.tags = {u"z"_s};
    f.emulator.state().putInstallation(*f.emulator.state().hub(f.hub()), inst);

    const HttpHeaders apple {{"ServiceBusNotification-Format", "apple"}};
    QCOMPARE(f.send(kSend, R"({"aps":{}})", apple).status, 201);
    const qint64 first = f.emulator.log().constLast().sequence;
    const QDateTime between = QDateTime::currentDateTimeUtc().addMSecs(1);
    QTRY_VERIFY(QDateTime::currentDateTimeUtc() > between);
    QCOMPARE(f.send(kSend, R"({"aps":{"n":2}})", apple).status, 201);

    QCOMPARE(deliveries().size(), 6);
    QCOMPARE(deliveries(u"handle=HHHH08"_s).size(), 2);
    QCOMPARE(deliveries(u"registration="_s + a).size(), 2);
    QCOMPARE(deliveries(u"installation=inst-1"_s).size(), 2);
    QCOMPARE(deliveries(u"installation=inst-1"_s).first().toObject().value(u"handle"_s),
             u"JJJJ10"_s);
    QCOMPARE(deliveries(u"tag=Y"_s).size(), 2);
    QCOMPARE(deliveries(u"hub=MYHUB"_s).size(), 6);
    QCOMPARE(deliveries(u"since=%1"_s.arg(first)).size(), 3);
    const QString since = between.toString(Qt::ISODateWithMs);
    const QJsonArray later =
        deliveries(u"since="_s + QString::fromLatin1(QUrl::toPercentEncoding(since)));
    QCOMPARE(later.size(), 3);
    QVERIFY(later.first().toObject().value(u"payload"_s).toString().contains(u"\"n\":2"_s));

    const auto limited = get(u"/$emulator/deliveries?limit=4"_s);
    QCOMPARE(jsonOf(limited).value(u"count"_s).toInt(), 4);
    QCOMPARE(jsonOf(limited).value(u"more"_s).toBool(), true);
}

void TestEmulatorDeliveries::queryErrors()
{
    const auto badSince = get(u"/$emulator/deliveries?since=yesterday"_s);
    QCOMPARE(badSince.status, 400);
    QVERIFY(badSince.header("Content-Type").startsWith("application/json"));
    QVERIFY2(errorMessage(badSince).contains(u"'since'"_s), badSince.body.constData());
    QCOMPARE(jsonOf(badSince).value(u"error"_s).toObject().value(u"status"_s).toInt(), 400);

    const auto unknownHub = get(u"/$emulator/deliveries?hub=nope"_s);
    QCOMPARE(unknownHub.status, 404);
    QVERIFY2(errorMessage(unknownHub).contains(u"'nope'"_s), unknownHub.body.constData());

    const auto unknownParameter = get(u"/$emulator/deliveries?registrationId=1"_s);
    QCOMPARE(unknownParameter.status, 400);
    QVERIFY2(errorMessage(unknownParameter).contains(u"registrationid"_s),
             unknownParameter.body.constData());

    QCOMPARE(get(u"/$emulator/deliveries?limit=0"_s).status, 400);
    QCOMPARE(get(u"/$emulator/deliveries?limit=1001"_s).status, 400);
    const auto put = control("PUT", u"/$emulator/deliveries"_s);
    QCOMPARE(put.status, 405);
    QCOMPARE(put.header("Allow"), "GET, DELETE"_ba);
    QCOMPARE(control("GET", u"/$emulator/reset"_s).status, 405);
}

void TestEmulatorDeliveries::deleteClears()
{
    addRegistration(Platform::Apple, u"KKKK11"_s, {});
    QCOMPARE(f.send(kSend, R"({"aps":{}})", {{"ServiceBusNotification-Format", "apple"}}).status,
             201);
    QCOMPARE(deliveries().size(), 1);
    QCOMPARE(control("DELETE", u"/$emulator/deliveries"_s).status, 204);
    QCOMPARE(deliveries().size(), 0);
}

void TestEmulatorDeliveries::resetRestoresTheStartState()
{
    // The fixture's emulator started without demo data: a reset empties it.
    addRegistration(Platform::Apple, u"LLLL12"_s, {});
    QCOMPARE(f.send(kSend, R"({"aps":{}})", {{"ServiceBusNotification-Format", "apple"}}).status,
             201);
    FaultRule rule;
    rule.fault = *Fault::parse(u"status=503"_s);
    rule.operation = u"registrations.list"_s;
    rule.count = 1;
    f.emulator.faults().add(rule);
    EmulatorHub &hub = *f.emulator.state().hub(f.hub());
    const QString ttl = hub.description.registrationTtl;
    hub.description.registrationTtl = u"P9D"_s;

    const auto r = control("POST", u"/$emulator/reset"_s);
    QCOMPARE(r.status, 200);
    const QJsonArray hubs = jsonOf(r).value(u"hubs"_s).toArray();
    QCOMPARE(hubs.first().toObject().value(u"registrations"_s).toInt(), 0);
    QVERIFY(hub.registrations.empty());
    QVERIFY(hub.messages.isEmpty());
    QVERIFY(f.emulator.faults().rules().isEmpty());
    QCOMPARE(deliveries().size(), 0);
    QCOMPARE(hub.description.registrationTtl, u"P9D"_s); // the configuration stays
    hub.description.registrationTtl = ttl;

    // With demo data, a reset brings the demo registrations back.
    EmulatorOptions options = EmulatorFixture::defaultOptions();
    options.seedDemoData = true;
    HubEmulator demo;
    QVERIFY(demo.start(options));
    EmulatorHub &demoHub = *demo.state().hub(demo.hubName());
    const auto before = demoHub.registrations.size();
    const auto installationsBefore = demoHub.installations.size();
    QVERIFY(before > 0);
    QVERIFY(installationsBefore > 0);
    demo.state().removeRegistration(demoHub, demoHub.registrations.begin()->first);
    demo.reset();
    QCOMPARE(demoHub.registrations.size(), before);
    QCOMPARE(demoHub.installations.size(), installationsBefore);
}

void TestEmulatorDeliveries::dataFileKeepsDeliveries()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    EmulatorOptions options = EmulatorFixture::defaultOptions();
    options.dataFile = dir.filePath(u"emulator.db"_s);
    qint64 sequence = 0;
    {
        EmulatorFixture first;
        QVERIFY(first.start(options));
        Registration r;
        r.platform = Platform::Apple;
        r.handle = u"MMMM13"_s;
        first.emulator.state().putRegistration(*first.emulator.state().hub(first.hub()), r);
        QCOMPARE(
            first.send(kSend, R"({"aps":{"p":1}})", {{"ServiceBusNotification-Format", "apple"}})
                .status,
            201);
        sequence = first.emulator.log().constLast().sequence;
    }
    EmulatorFixture second;
    QVERIFY(second.start(options));
    QCOMPARE(second.emulator.state().deliveries().size(), 1);
    DeliveryFilter all;
    const EmulatorDelivery d = second.emulator.state().deliveries().query(all).first();
    QCOMPARE(d.handle, u"MMMM13"_s);
    QCOMPARE(d.payload, R"({"aps":{"p":1}})"_ba);
    QCOMPARE(d.sequence, sequence);
    // New sends go on from there, so since=SEQ still tells them apart.
    QCOMPARE(second.send(kSend, R"({"aps":{"p":2}})", {{"ServiceBusNotification-Format", "apple"}})
                 .status,
             201);
    QVERIFY(second.emulator.log().constLast().sequence > sequence);
    all.afterSequence = sequence;
    QCOMPARE(second.emulator.state().deliveries().query(all).size(), 1);
    // A reset forgets them in the file too.
    second.emulator.reset();
    second.emulator.stop();
    EmulatorFixture third;
    QVERIFY(third.start(options));
    QCOMPARE(third.emulator.state().deliveries().size(), 0);
}

void TestEmulatorDeliveries::trafficAfter()
{
    QCOMPARE(get(u"/myHub/registrations?api-version=2020-06"_s).status, 401); // logged
    const qint64 last = f.emulator.log().constLast().sequence;
    const auto all = get(u"/$emulator/traffic?after=0&wait=0&limit=1000"_s);
    QCOMPARE(all.status, 200);
    const QJsonObject o = jsonOf(all);
    const QJsonArray entries = o.value(u"entries"_s).toArray();
    QCOMPARE(entries.size(), f.emulator.log().size());
    QCOMPARE(o.value(u"next"_s).toInteger(), last);
    const auto entry = EmulatorLogEntry::fromJson(entries.last().toObject());
    QVERIFY(entry);
    QCOMPARE(entry->sequence, last);
    QCOMPARE(entry->status, 401);

    // Nothing after the last: an empty list at once with wait=0, and the traffic requests
    // themselves are not logged.
    const auto none = get(u"/$emulator/traffic?after=%1&wait=0"_s.arg(last));
    QCOMPARE(jsonOf(none).value(u"entries"_s).toArray().size(), 0);
    QCOMPARE(jsonOf(none).value(u"next"_s).toInteger(), last);
    QCOMPARE(f.emulator.log().constLast().sequence, last);

    const auto two = get(u"/$emulator/traffic?after=0&wait=0&limit=2"_s);
    QCOMPARE(jsonOf(two).value(u"entries"_s).toArray().size(), 2);
    QCOMPARE(jsonOf(two).value(u"next"_s).toInteger(),
             jsonOf(two)
                 .value(u"entries"_s)
                 .toArray()
                 .last()
                 .toObject()
                 .value(u"sequence"_s)
                 .toInteger());
}

void TestEmulatorDeliveries::trafficLongPollReleasedByANewEntry()
{
    QCOMPARE(get(u"/$emulator/hubs"_s).status, 200);
    const qint64 last = f.emulator.log().constLast().sequence;
    QNetworkRequest request {QUrl(f.url(u"/$emulator/traffic?after=%1&wait=20000"_s.arg(last)))};
    request.setSslConfiguration(f.tls());
    QElapsedTimer timer;
    timer.start();
    QNetworkReply *poll = f.nam.get(request);
    QSignalSpy finished(poll, &QNetworkReply::finished);
    // Held: the emulator's thread goes on serving.
    QCOMPARE(get(u"/$emulator/hubs"_s).status, 200);
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 10000);
    QVERIFY(timer.elapsed() < 20000);
    const QJsonObject o = QJsonDocument::fromJson(poll->readAll()).object();
    poll->deleteLater();
    const QJsonArray entries = o.value(u"entries"_s).toArray();
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries.first().toObject().value(u"url"_s).toString(), u"/$emulator/hubs"_s);
    QCOMPARE(o.value(u"next"_s).toInteger(), last + 1);
}

void TestEmulatorDeliveries::trafficLongPollTimesOut()
{
    const qint64 last = f.emulator.log().isEmpty() ? 0 : f.emulator.log().constLast().sequence;
    QNetworkRequest request {QUrl(f.url(u"/$emulator/traffic?after=%1&wait=300"_s.arg(last)))};
    request.setSslConfiguration(f.tls());
    QElapsedTimer timer;
    timer.start();
    QNetworkReply *poll = f.nam.get(request);
    QSignalSpy finished(poll, &QNetworkReply::finished);
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 10000);
    QVERIFY2(timer.elapsed() >= 250, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(poll->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    const QJsonObject o = QJsonDocument::fromJson(poll->readAll()).object();
    poll->deleteLater();
    QCOMPARE(o.value(u"entries"_s).toArray().size(), 0);
    QCOMPARE(o.value(u"next"_s).toInteger(), last);
}

void TestEmulatorDeliveries::trafficErrors()
{
    const auto badAfter = get(u"/$emulator/traffic?after=-1"_s);
    QCOMPARE(badAfter.status, 400);
    QVERIFY2(errorMessage(badAfter).contains(u"'after'"_s), badAfter.body.constData());
    QCOMPARE(get(u"/$emulator/traffic?wait=999999"_s).status, 400);
    QCOMPARE(get(u"/$emulator/traffic?limit=x"_s).status, 400);
    const auto post = control("POST", u"/$emulator/traffic"_s);
    QCOMPARE(post.status, 405);
    QCOMPARE(post.header("Allow"), "GET"_ba);
}

QTEST_GUILESS_MAIN(TestEmulatorDeliveries)
#include "tst_emulatordeliveries.moc"
