// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The emulator holds hub configurations and acts on them (issue #17, docs/protocol.md §9.10,
// §14): GET/PUT/DELETE /{hub} and both hub lists over real HTTPS, the Manage claim, the checks
// on a PUT, and sends that follow the configuration.

#include "emulator/emulatorhubconfig.h"
#include "emulator/emulatorstate.h"
#include "emulatorfixture.h"
#include "protocol/hubchecks.h"
#include "protocol/hubdescription.h"
#include "protocol/notificationoutcome.h"
#include "protocol/registrationfeed.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Nh;

namespace {
const QString kV = u"api-version=2017-04"_s;
const QString kFull = u"DefaultFullSharedAccessSignature"_s;
const QString kListen = u"DefaultListenSharedAccessSignature"_s;

PnsCredential cred(PnsCredentialKind kind, const QList<std::pair<QString, QString>> &props)
{
    PnsCredential c;
    c.kind = kind;
    c.properties = props;
    return c;
}
} // namespace

class TestEmulatorHubs final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void getAnswersTheDefaultConfiguration();
    void getOfAMissingHubIsTheEmptyFeed();
    void createConflictUpdateDelete();
    void updateResetsWhatItLeavesOut();
    void listFormB();
    void listFormA();
    void manageClaimIsRequired_data();
    void manageClaimIsRequired();
    void wrongKeyAnswersAsRecorded();
    void badDescriptionsAreRefused_data();
    void badDescriptionsAreRefused();
    void hubRuleAuthenticates();
    void sendWithoutCredentialIsRefused_data();
    void sendWithoutCredentialIsRefused();
    void productionTokenOnSandboxHubIsInvalid();
    void sandboxTokenOnProductionHubIsInvalid();
    void retiredGcmFailsPerRegistration();
    void hubConfigFileConfiguresHubs();
    void hubConfigErrorsNameFileAndPlace_data();
    void hubConfigErrorsNameFileAndPlace();
    void problemsDemoHubShowsItsProblems();
    void configurationOutlivesDemoDataAndReset();
    void dataFileKeepsHubDescriptions();

private:
    EmulatorFixture::Response hubCall(const QByteArray &method, const QString &path,
                                      const QByteArray &body = {}, const HttpHeaders &headers = {},
                                      const QString &rule = kFull);
    HubDescription fcmOnly() const;
    Registration addRegistration(Platform p, const QString &handle);
    NotificationOutcome testSend(const QByteArray &format, const QByteArray &body,
                                 const QString &hub = u"myHub"_s);
    EmulatorFixture f;
};

void TestEmulatorHubs::initTestCase()
{
    QVERIFY(f.start());
}

void TestEmulatorHubs::init()
{
    // Every test starts from the default configuration of the one hub.
    f.resetHubConfiguration();
}

EmulatorFixture::Response TestEmulatorHubs::hubCall(const QByteArray &method, const QString &path,
                                                    const QByteArray &body,
                                                    const HttpHeaders &headers, const QString &rule)
{
    EmulatorFixture::Call c;
    c.method = method;
    c.pathAndQuery = path;
    c.body = body;
    c.headers = headers;
    c.rule = rule;
    c.sas.audience = Sas::Audience::Namespace;
    return f.call(c);
}

HubDescription TestEmulatorHubs::fcmOnly() const
{
    HubDescription d;
    d.credentials = {defaultPnsCredential(PnsCredentialKind::FcmV1)};
    return d;
}

void TestEmulatorHubs::getAnswersTheDefaultConfiguration()
{
    const auto r = hubCall("GET", u"/myHub?"_s + kV);
    QCOMPARE(r.status, 200);
    QVERIFY(r.header("Content-Type").startsWith("application/atom+xml; type=entry"));
    QVERIFY(!r.header("TrackingId").isEmpty());
    QCOMPARE(r.header("Strict-Transport-Security"), "max-age=2592000"_ba);
    const auto d = parseHubDescription(r.body, u"myHub");
    QVERIFY2(d.ok(), r.body.constData());
    QCOMPARE(d->name, u"myHub"_s);
    QCOMPARE(d->registrationTtl, QString(kDefaultRegistrationTtl));
    QCOMPARE(d->credentials.size(), kPnsCredentialKindCount);
    const PnsCredential *apns = d->credential(PnsCredentialKind::Apns);
    QVERIFY(apns);
    QCOMPARE(apnsEndpointEnvironment(apns->property(u"Endpoint")),
             ApnsEndpointEnvironment::Sandbox);
    QVERIFY(apns->property(u"Token"));
    // The default rules, with the keys the emulator's connection strings use.
    QCOMPARE(d->authorizationRules.size(), 2);
    const AuthorizationRule *full = d->rule(kFull);
    QVERIFY(full);
    QCOMPARE(full->rights, AccessRight::Listen | AccessRight::Send | AccessRight::Manage);
    QCOMPARE(full->primaryKey, f.emulator.connectionString(kFull).key());
    QCOMPARE(d->rule(kListen)->rights, AccessRights(AccessRight::Listen));
    // The read-only daily figures, as the service adds them.
    QCOMPARE(d->dailyMaxActiveRegistrations, std::optional<qint64>(0));
    QVERIFY(d->dailyOperations.has_value());
    // The default hub passes the checks: nothing keeps a send from being delivered.
    QVERIFY(worstSeverity(checkHub(*d)) != HubCheckSeverity::Problem);
}

void TestEmulatorHubs::getOfAMissingHubIsTheEmptyFeed()
{
    const auto r = hubCall("GET", u"/noSuchHub?"_s + kV);
    QCOMPARE(r.status, 200); // not 404: as recorded (docs/protocol.md §14.3)
    QVERIFY(r.body.contains("<title type=\"text\">Publicly Listed Services</title>"));
    QVERIFY(r.body.contains("<generator>Service Bus 1.1</generator>"));
    QVERIFY(!r.body.contains("<entry"));
    const auto d = parseHubDescription(r.body, u"noSuchHub");
    QVERIFY(!d.ok());
    QCOMPARE(d.error().code, ErrorCode::NotFound);
    const auto list = parseHubList(r.body);
    QVERIFY(list.ok());
    QVERIFY(list->isEmpty());
}

void TestEmulatorHubs::createConflictUpdateDelete()
{
    const QString path = u"/newHub?"_s + kV;
    auto r = hubCall("PUT", path, hubDescriptionEntryXml(fcmOnly()));
    QCOMPARE(r.status, 201);
    auto d = parseHubDescription(r.body, u"newHub");
    QVERIFY2(d.ok(), r.body.constData());
    QCOMPARE(d->name, u"newHub"_s);
    QVERIFY(d->credential(PnsCredentialKind::FcmV1));
    QVERIFY(!d->credential(PnsCredentialKind::Apns));
    QCOMPARE(d->authorizationRules.size(), 2); // the defaults, as the service adds them
    QCOMPARE(d->registrationTtl, QString(kDefaultRegistrationTtl));

    // The new hub serves the data plane.
    Registration reg;
    reg.platform = Platform::FcmV1;
    reg.handle = u"fcm-token-new-hub"_s;
    EmulatorFixture::Call c;
    c.method = "POST";
    c.pathAndQuery = u"/newHub/registrations?"_s + kV;
    c.hubForToken = u"newHub"_s;
    c.body = registrationRequestXml(reg);
    c.headers = {{"Content-Type", "application/atom+xml;type=entry;charset=utf-8"}};
    QCOMPARE(f.call(c).status, 200);

    // Again without If-Match: 409 as recorded.
    r = hubCall("PUT", path, hubDescriptionEntryXml(fcmOnly()));
    QCOMPARE(r.status, 409);
    QVERIFY2(
        r.body.startsWith("<Error><Code>409</Code><Detail>SubCode=40900. Conflict.TrackingId:"),
        r.body.constData());
    QVERIFY(r.body.contains(",TimeStamp:"));

    // With If-Match: *, 200 and the whole description replaced.
    HubDescription update;
    update.credentials = {defaultPnsCredential(PnsCredentialKind::Apns)};
    update.status = true;
    r = hubCall("PUT", path, hubDescriptionEntryXml(update), {{"If-Match", "*"}});
    QCOMPARE(r.status, 200);
    d = parseHubDescription(r.body, u"newHub");
    QVERIFY(d.ok());
    QCOMPARE(d->status, std::optional<bool>(true));
    QVERIFY(d->credential(PnsCredentialKind::Apns));
    QVERIFY(!d->credential(PnsCredentialKind::FcmV1));
    r = hubCall("GET", path);
    QCOMPARE(r.status, 200);
    QCOMPARE(parseHubDescription(r.body)->credentials, d->credentials);

    r = hubCall("DELETE", path);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.header("Content-Length"), "0"_ba);
    QVERIFY(r.body.isEmpty());
    QVERIFY(!r.header("TrackingId").isEmpty());
    QVERIFY(!f.emulator.state().hub(u"newHub"_s));

    r = hubCall("DELETE", path);
    QCOMPARE(r.status, 404);
    QVERIFY2(r.body.contains("<Detail>No service is hosted at the specified address..TrackingId:"),
             r.body.constData());
    QVERIFY(r.body.contains(r.header("TrackingId")));
    QVERIFY(parseHubList(hubCall("GET", path).body)->isEmpty());

    // An update of a hub that does not exist.
    QCOMPARE(hubCall("PUT", path, hubDescriptionEntryXml(fcmOnly()), {{"If-Match", "*"}}).status,
             404);
}

void TestEmulatorHubs::updateResetsWhatItLeavesOut()
{
    HubDescription d;
    d.registrationTtl = u"P90D"_s;
    d.userMetadata = u"only this"_s;
    auto r = hubCall("PUT", u"/myHub?"_s + kV, hubDescriptionEntryXml(d), {{"If-Match", "*"}});
    QCOMPARE(r.status, 200);
    r = hubCall("GET", u"/myHub?"_s + kV);
    const auto read = parseHubDescription(r.body);
    QVERIFY(read.ok());
    QCOMPARE(read->registrationTtl, u"P90D"_s);
    QCOMPARE(read->userMetadata, std::optional<QString>(u"only this"_s));
    QVERIFY(read->credentials.isEmpty()); // every credential left out is gone
    QCOMPARE(read->authorizationRules.size(), 2); // rules left out: the defaults again
    // And a send the hub now has no credential for is refused as the service does.
    r = f.send(u"/myHub/messages?"_s + kV, R"({"data":{"m":"x"}})",
               {{"ServiceBusNotification-Format", "gcm"},
                {"Content-Type", "application/json;charset=utf-8"}});
    QCOMPARE(r.status, 400);
}

void TestEmulatorHubs::listFormB()
{
    QCOMPARE(hubCall("PUT", u"/second?"_s + kV, hubDescriptionEntryXml(fcmOnly())).status, 201);
    const auto r = hubCall("GET", u"/"_s); // no api-version, as the .NET SDK asks
    QCOMPARE(r.status, 200);
    QVERIFY(r.body.contains("Publicly Listed Services"));
    const auto list = parseHubList(r.body);
    QVERIFY2(list.ok(), r.body.constData());
    QCOMPARE(list->size(), 2);
    QCOMPARE(list->at(0).name, u"myHub"_s);
    QCOMPARE(list->at(1).name, u"second"_s);
    QVERIFY(!list->at(0).description);
    QVERIFY(!r.body.contains("PrimaryKey"));
}

void TestEmulatorHubs::listFormA()
{
    QCOMPARE(hubCall("PUT", u"/second?"_s + kV, hubDescriptionEntryXml(fcmOnly())).status, 201);
    const auto r = hubCall("GET", u"/$Resources/NotificationHubs?api-version=2013-07"_s);
    QCOMPARE(r.status, 200);
    const auto list = parseHubList(r.body);
    QVERIFY2(list.ok(), r.body.constData());
    QCOMPARE(list->size(), 2);
    QVERIFY(list->at(0).description);
    QCOMPARE(list->at(0).description->credentials.size(), kPnsCredentialKindCount);
    QCOMPARE(list->at(1).name, u"second"_s);
    QVERIFY(list->at(1).description->credential(PnsCredentialKind::FcmV1));
}

void TestEmulatorHubs::manageClaimIsRequired_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("ifMatch");
    QTest::newRow("get") << "GET"_ba << u"/myHub?"_s + kV << false;
    QTest::newRow("create") << "PUT"_ba << u"/other?"_s + kV << false;
    QTest::newRow("update") << "PUT"_ba << u"/myHub?"_s + kV << true;
    QTest::newRow("delete") << "DELETE"_ba << u"/myHub?"_s + kV << false;
    QTest::newRow("list B") << "GET"_ba << u"/"_s << false;
    QTest::newRow("list A") << "GET"_ba << u"/$Resources/NotificationHubs?"_s + kV << false;
}

void TestEmulatorHubs::manageClaimIsRequired()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(bool, ifMatch);
    HttpHeaders headers;
    if (ifMatch)
        headers.append({"If-Match"_ba, "*"_ba});
    const QByteArray body = method == "PUT" ? hubDescriptionEntryXml(fcmOnly()) : QByteArray();
    const auto r = hubCall(method, path, body, headers, kListen);
    QCOMPARE(r.status, 401);
    QVERIFY2(r.body.contains("<Detail>Manage claim is required for this operation..TrackingId:"),
             r.body.constData());
    QCOMPARE(r.header("Strict-Transport-Security"), "max-age=2592000"_ba);
    // Nothing changed.
    QVERIFY(f.emulator.state().hub(u"myHub"_s));
    QVERIFY(!f.emulator.state().hub(u"other"_s));
    QCOMPARE(f.emulator.state().hub(u"myHub"_s)->description.credentials.size(),
             kPnsCredentialKindCount);
}

void TestEmulatorHubs::wrongKeyAnswersAsRecorded()
{
    // docs/protocol.md §14.3: a wrong key reading gets the Manage text, writing InvalidSignature.
    const auto call = [&](const QByteArray &method, const QByteArray &body) {
        EmulatorFixture::Call c;
        c.method = method;
        c.pathAndQuery = u"/myHub?"_s + kV;
        c.body = body;
        c.sign = false;
        const QString audience = u"https://127.0.0.1:%1/"_s.arg(f.emulator.port());
        const auto token = Sas::generate(audience, kFull, u"d3JvbmcgYnV0IHdlbGwtZm9ybWVkIGtleQ=="_s,
                                         QDateTime::currentDateTimeUtc());
        c.headers = {{"Authorization", token.header().toUtf8()}};
        return f.call(c);
    };
    auto r = call("GET", {});
    QCOMPARE(r.status, 401);
    QVERIFY2(r.body.contains("Manage claim is required for this operation.."), r.body.constData());
    r = call("PUT", hubDescriptionEntryXml(fcmOnly()));
    QCOMPARE(r.status, 401);
    QVERIFY2(r.body.contains("InvalidSignature"), r.body.constData());
}

void TestEmulatorHubs::badDescriptionsAreRefused_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("expected");
    using K = PnsCredentialKind;
    const auto entry = [](const PnsCredential &c) {
        HubDescription d;
        d.credentials = {c};
        return hubDescriptionEntryXml(d);
    };
    PnsCredential both = defaultPnsCredential(K::Apns);
    both.setProperty(u"ApnsCertificate"_s, u"MIIB"_s);
    QTest::newRow("apns token and certificate")
        << entry(both) << u"Cannot set both token and certificate for APNS."_s;
    QTest::newRow("apns neither") << entry(
        cred(K::Apns, {{u"Endpoint"_s, QString(kApnsSandboxEndpoint)}}))
                                  << u"either Token"_s;
    PnsCredential noKeyId = defaultPnsCredential(K::Apns);
    noKeyId.removeProperty(u"KeyId");
    QTest::newRow("apns token without KeyId") << entry(noKeyId) << u"KeyId"_s;
    PnsCredential noAppName = defaultPnsCredential(K::Apns);
    noAppName.removeProperty(u"AppName");
    QTest::newRow("apns token without AppName") << entry(noAppName) << u"AppName"_s;
    PnsCredential fcm = defaultPnsCredential(K::FcmV1);
    fcm.removeProperty(u"ClientEmail");
    QTest::newRow("fcmv1 without ClientEmail") << entry(fcm) << u"ClientEmail"_s;
    PnsCredential browser = defaultPnsCredential(K::Browser);
    browser.removeProperty(u"VapidPrivateKey");
    QTest::newRow("browser without VapidPrivateKey") << entry(browser) << u"VapidPrivateKey"_s;
    QTest::newRow("not well-formed")
        << "<entry xmlns=\"http://www.w3.org/2005/Atom\"><content type=\"application/xml\">"
           "<NotificationHubDescription><ApnsCredential></NotificationHubDescription>"_ba
        << u"line 1, column"_s;
    QTest::newRow("credential without Properties")
        << "<NotificationHubDescription xmlns=\"http://schemas.microsoft.com/netservices/2010/10/"
           "servicebus/connect\"><GcmCredential/></NotificationHubDescription>"_ba
        << u"GcmCredential"_s;
}

void TestEmulatorHubs::badDescriptionsAreRefused()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, expected);
    auto r = hubCall("PUT", u"/refused?"_s + kV, body);
    QCOMPARE(r.status, 400);
    QVERIFY2(QString::fromUtf8(r.body).contains(expected), r.body.constData());
    QVERIFY(!f.emulator.state().hub(u"refused"_s));
    // An update is checked the same way and leaves the hub as it was.
    r = hubCall("PUT", u"/myHub?"_s + kV, body, {{"If-Match", "*"}});
    QCOMPARE(r.status, 400);
    QCOMPARE(f.emulator.state().hub(u"myHub"_s)->description.credentials.size(),
             kPnsCredentialKindCount);
}

void TestEmulatorHubs::hubRuleAuthenticates()
{
    // A rule of the hub's own description signs requests to that hub, with its rights.
    HubDescription d = fcmOnly();
    AuthorizationRule rule;
    rule.keyName = u"AppBackend"_s;
    rule.rights = AccessRight::Listen;
    rule.primaryKey = u"YXBwLWJhY2tlbmQtbGlzdGVuLW9ubHkta2V5LTAwMDA="_s;
    d.authorizationRules = {rule};
    QCOMPARE(hubCall("PUT", u"/withRule?"_s + kV, hubDescriptionEntryXml(d)).status, 201);
    const auto call = [&](const QByteArray &method, const QString &path) {
        EmulatorFixture::Call c;
        c.method = method;
        c.pathAndQuery = path;
        c.sign = false;
        const QString audience = u"https://127.0.0.1:%1/withRule"_s.arg(f.emulator.port());
        const auto token =
            Sas::generate(audience, rule.keyName, rule.primaryKey, QDateTime::currentDateTimeUtc());
        c.headers = {{"Authorization", token.header().toUtf8()}};
        return f.call(c);
    };
    QCOMPARE(call("POST", u"/withRule/registrationIDs?"_s + kV).status, 201); // Listen
    const auto r = call("GET", u"/withRule?"_s + kV); // no Manage
    QCOMPARE(r.status, 401);
    QVERIFY(r.body.contains("Manage claim is required"));
}

Registration TestEmulatorHubs::addRegistration(Platform p, const QString &handle)
{
    Registration r;
    r.platform = p;
    r.handle = handle;
    r.etag = 1;
    r.published = QDateTime::currentDateTimeUtc();
    r.updated = r.published;
    r.registrationId = EmulatorState::newRegistrationId();
    f.emulator.state().putRegistration(*f.emulator.state().hub(f.hub()), r);
    return r;
}

NotificationOutcome TestEmulatorHubs::testSend(const QByteArray &format, const QByteArray &body,
                                               const QString &hub)
{
    EmulatorFixture::Call c;
    c.method = "POST";
    c.pathAndQuery = u"/"_s + hub + u"/messages?test&"_s + kV;
    c.hubForToken = hub;
    c.body = body;
    c.headers = {{"ServiceBusNotification-Format", format},
                 {"Content-Type", "application/json;charset=utf-8"}};
    const auto r = f.call(c);
    if (r.status != 201)
        qWarning("test send answered %d: %s", r.status, r.body.constData());
    auto outcome = parseNotificationOutcome(r.body);
    return outcome ? *outcome : NotificationOutcome();
}

void TestEmulatorHubs::sendWithoutCredentialIsRefused_data()
{
    QTest::addColumn<QByteArray>("format");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("path");
    QTest::newRow("gcm") << "gcm"_ba << int(PnsCredentialKind::Gcm) << u"messages"_s;
    QTest::newRow("fcmv1") << "fcmv1"_ba << int(PnsCredentialKind::FcmV1) << u"messages"_s;
    QTest::newRow("apple test") << "apple"_ba << int(PnsCredentialKind::Apns) << u"messages?test"_s;
    QTest::newRow("fcmv1 direct") << "fcmv1"_ba << int(PnsCredentialKind::FcmV1)
                                  << u"messages?direct"_s;
}

void TestEmulatorHubs::sendWithoutCredentialIsRefused()
{
    QFETCH(QByteArray, format);
    QFETCH(int, kind);
    QFETCH(QString, path);
    HubDescription &d = f.emulator.state().hub(f.hub())->description;
    d.credentials.removeIf(
        [&](const PnsCredential &c) { return c.kind == PnsCredentialKind(kind); });
    const QString sep = path.contains(u'?') ? u"&"_s : u"?"_s;
    const auto r = f.send(u"/myHub/"_s + path + sep + kV, R"({"aps":{"alert":"x"}})",
                          {{"ServiceBusNotification-Format", format},
                           {"ServiceBusNotification-DeviceHandle", "some-handle"},
                           {"Content-Type", "application/json;charset=utf-8"}});
    QCOMPARE(r.status, 400);
    const QByteArray expected =
        "<Detail>The notification has no target applications. The notification format is " + format
        + ". Review the credentials specified in the notification hub description and the "
          "notification format..TrackingId:";
    QVERIFY2(r.body.contains(expected), r.body.constData());
    // The other formats are still served.
    QCOMPARE(
        f.send(u"/myHub/messages?"_s + kV, R"({"aps":{"alert":"x"}})",
               {{"ServiceBusNotification-Format", format == "apple" ? "windows"_ba : "apple"_ba},
                {"X-WNS-Type", "wns/raw"},
                {"Content-Type", "application/json;charset=utf-8"}})
            .status,
        201);
}

void TestEmulatorHubs::productionTokenOnSandboxHubIsInvalid()
{
    const Registration prod = addRegistration(Platform::Apple, u"AB12production34CD"_s);
    const Registration plain = addRegistration(Platform::Apple, u"AB1234CDEF"_s);
    const Registration dev = addRegistration(Platform::Apple, u"AB12development34CD"_s);
    const NotificationOutcome o = testSend("apple", R"({"aps":{"alert":"x"}})");
    QCOMPARE(o.results.size(), 3);
    for (const RegistrationResult &r : o.results) {
        const OutcomeKind expected = r.registrationId == prod.registrationId
            ? OutcomeKind::InvalidHandle
            : OutcomeKind::Success;
        QCOMPARE(classifyOutcome(r.outcome), expected);
    }
    QCOMPARE(o.failure, 1);
    const EmulatorHub *hub = f.emulator.state().hub(f.hub());
    QVERIFY(!hub->registrations.contains(prod.registrationId)); // deleted, as the service does
    QVERIFY(hub->registrations.contains(plain.registrationId));
    QVERIFY(hub->registrations.contains(dev.registrationId));
}

void TestEmulatorHubs::sandboxTokenOnProductionHubIsInvalid()
{
    // Switch the hub to production over the wire, as a user would.
    HubDescription d = f.emulator.state().hub(f.hub())->description;
    d.credential(PnsCredentialKind::Apns)
        ->setProperty(u"Endpoint"_s, QString(kApnsProductionEndpoint));
    QCOMPARE(
        hubCall("PUT", u"/myHub?"_s + kV, hubDescriptionEntryXml(d), {{"If-Match", "*"}}).status,
        200);
    const Registration sandbox = addRegistration(Platform::Apple, u"AB12sandbox34CD"_s);
    const Registration dev = addRegistration(Platform::Apple, u"AB12Development34CD"_s);
    const Registration prod = addRegistration(Platform::Apple, u"AB12production34CD"_s);
    const NotificationOutcome o = testSend("apple", R"({"aps":{"alert":"x"}})");
    QCOMPARE(o.results.size(), 3);
    QCOMPARE(o.failure, 2);
    QCOMPARE(o.success, 1);
    const EmulatorHub *hub = f.emulator.state().hub(f.hub());
    QVERIFY(!hub->registrations.contains(sandbox.registrationId));
    QVERIFY(!hub->registrations.contains(dev.registrationId));
    QVERIFY(hub->registrations.contains(prod.registrationId));
}

void TestEmulatorHubs::retiredGcmFailsPerRegistration()
{
    f.emulator.state().hub(f.hub())->gcmRetired = true;
    const Registration gcm = addRegistration(Platform::Gcm, u"gcm-legacy-1"_s);
    addRegistration(Platform::FcmV1, u"fcm-v1-1"_s);
    const NotificationOutcome o = testSend("gcm", R"({"data":{"m":"x"}})");
    QCOMPARE(o.success, 0);
    QCOMPARE(o.failure, 1);
    QCOMPARE(o.results.size(), 1);
    QCOMPARE(o.results.first().registrationId, gcm.registrationId);
    QCOMPARE(classifyOutcome(o.results.first().outcome), OutcomeKind::BadCredentials);
    // Not a handle problem: the registration stays.
    QVERIFY(f.emulator.state().hub(f.hub())->registrations.contains(gcm.registrationId));
    // A plain send still answers 201 (never a 4xx): the shutdown shows at the push service.
    QCOMPARE(f.send(u"/myHub/messages?"_s + kV, R"({"data":{"m":"x"}})",
                    {{"ServiceBusNotification-Format", "gcm"},
                     {"Content-Type", "application/json;charset=utf-8"}})
                 .status,
             201);
}

void TestEmulatorHubs::hubConfigFileConfiguresHubs()
{
    const QByteArray json = R"({"hubs": [
        {"name": "configured", "registrationTtl": "P30D",
         "credentials": {
             "apns": {"endpoint": "https://api.push.apple.com:443/3/device",
                      "token": "MIGHAgEAMBMGByqGSM49", "keyId": "ABC1234567",
                      "appId": "TEAM123456", "appName": "com.example.app"},
             "gcm": {"googleApiKey": "AIzaUserTestValue", "retired": true},
             "wns": "default"},
         "rules": [{"keyName": "Backend", "rights": ["Listen", "Send"],
                    "primaryKey": "YmFja2VuZC1rZXktMDAwMDAwMDAwMDAwMDAwMDAwMDA="}]},
        {"name": "plain"}
    ]})";
    const auto configs = parseHubConfig(json, u"hubs.json"_s);
    QVERIFY2(configs.ok(), configs.ok() ? "" : qPrintable(configs.error().message));
    QCOMPARE(configs->size(), 2);

    EmulatorFixture g;
    EmulatorOptions options = EmulatorFixture::defaultOptions();
    options.hubConfigs = *configs;
    QVERIFY(g.start(options));
    EmulatorFixture::Call c;
    c.pathAndQuery = u"/configured?"_s + kV;
    c.sas.audience = Sas::Audience::Namespace;
    auto r = g.call(c);
    QCOMPARE(r.status, 200);
    const auto d = parseHubDescription(r.body);
    QVERIFY2(d.ok(), r.body.constData());
    QCOMPARE(d->registrationTtl, u"P30D"_s);
    QCOMPARE(d->credentials.size(), 3);
    const PnsCredential *apns = d->credential(PnsCredentialKind::Apns);
    QCOMPARE(apns->property(u"AppName"), std::optional<QString>(u"com.example.app"_s));
    QCOMPARE(apnsEndpointEnvironment(apns->property(u"Endpoint")),
             ApnsEndpointEnvironment::Production);
    QCOMPARE(d->credential(PnsCredentialKind::Gcm)->property(u"GoogleApiKey"),
             std::optional<QString>(u"AIzaUserTestValue"_s));
    QVERIFY(d->credential(PnsCredentialKind::Wns));
    QCOMPARE(d->authorizationRules.size(), 1);
    QCOMPARE(d->authorizationRules.first().rights, AccessRight::Listen | AccessRight::Send);
    QVERIFY(g.emulator.state().hub(u"configured"_s)->gcmRetired);
    // A hub with no credentials given: every platform; the --hub hub untouched: the default.
    c.pathAndQuery = u"/plain?"_s + kV;
    QCOMPARE(parseHubDescription(g.call(c).body)->credentials.size(), kPnsCredentialKindCount);
    c.pathAndQuery = u"/myHub?"_s + kV;
    QCOMPARE(parseHubDescription(g.call(c).body)->credentials.size(), kPnsCredentialKindCount);
    // No problems hub without demo data.
    QVERIFY(!g.emulator.state().hub(kProblemsDemoHub));
}

void TestEmulatorHubs::hubConfigErrorsNameFileAndPlace_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("expected");
    QTest::newRow("syntax") << "{\"hubs\": [\n  {\"name\": \"a\",}\n]}"_ba
                            << u"hubs.json: line 2, column"_s;
    QTest::newRow("no hubs") << R"({"hub": []})"_ba << u"hubs.json: hubs:"_s;
    QTest::newRow("bad name") << R"({"hubs": [{"name": ""}]})"_ba << u"hubs.json: hubs[0].name:"_s;
    QTest::newRow("twice") << R"({"hubs": [{"name": "a"}, {"name": "A"}]})"_ba
                           << u"hubs.json: hubs[1].name: the hub 'A' is configured twice"_s;
    QTest::newRow("unknown platform")
        << R"({"hubs": [{"name": "a", "credentials": {"fcm": {}}}]})"_ba
        << u"hubs.json: hubs[0].credentials.fcm: unknown platform"_s;
    QTest::newRow("number value")
        << R"({"hubs": [{"name": "a", "credentials": {"apns": {"token": 5}}}]})"_ba
        << u"hubs.json: hubs[0].credentials.apns.token: expected a string"_s;
    QTest::newRow("retired not bool")
        << R"({"hubs": [{"name": "a", "credentials": {"gcm": {"retired": "yes"}}}]})"_ba
        << u"hubs.json: hubs[0].credentials.gcm.retired"_s;
    QTest::newRow("bad right")
        << R"({"hubs": [{"name": "a", "rules": [{"keyName": "k", "primaryKey": "p", "rights": ["Admin"]}]}]})"_ba
        << u"hubs.json: hubs[0].rules[0].rights: \"Admin\""_s;
}

void TestEmulatorHubs::hubConfigErrorsNameFileAndPlace()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, expected);
    const auto configs = parseHubConfig(json, u"hubs.json"_s);
    QVERIFY(!configs.ok());
    QVERIFY2(configs.error().message.startsWith(expected), qPrintable(configs.error().message));
    // A missing file names the file.
    const auto missing = readHubConfigFile(u"/nonexistent/hubs.json"_s);
    QVERIFY(!missing.ok());
    QVERIFY(missing.error().message.startsWith(u"/nonexistent/hubs.json: "_s));
}

void TestEmulatorHubs::problemsDemoHubShowsItsProblems()
{
    EmulatorFixture g;
    EmulatorOptions options = EmulatorFixture::defaultOptions();
    options.seedDemoData = true;
    QVERIFY(g.start(options));
    EmulatorFixture::Call c;
    c.pathAndQuery = u"/problemsHub?"_s + kV;
    c.sas.audience = Sas::Audience::Namespace;
    auto r = g.call(c);
    QCOMPARE(r.status, 200);
    const auto d = parseHubDescription(r.body);
    QVERIFY2(d.ok(), r.body.constData());
    QStringList ids;
    for (const HubFinding &finding : checkHub(*d))
        ids << finding.id;
    for (const char *id : {"fcmv1-not-configured", "apns-endpoint-production",
                           "apns-certificate-expired", "gcm-without-fcmv1"})
        QVERIFY2(ids.contains(QLatin1StringView(id)), qPrintable(ids.join(u' ')));
    QVERIFY(g.emulator.state().hub(kProblemsDemoHub)->gcmRetired);
    bool listenOnly = false;
    for (const AuthorizationRule &rule : d->authorizationRules)
        listenOnly = listenOnly || rule.rights == AccessRights(AccessRight::Listen);
    QVERIFY(listenOnly);
    // The first hub is the default one, with its demo data.
    c.pathAndQuery = u"/myHub?"_s + kV;
    QCOMPARE(parseHubDescription(g.call(c).body)->credentials.size(), kPnsCredentialKindCount);

    // Its sends show them: FCM v1 refused, development tokens invalid, GCM refused by Google.
    c.method = "POST";
    c.hubForToken = kProblemsDemoHub;
    c.sas.audience = Sas::Audience::Hub;
    c.pathAndQuery = u"/problemsHub/messages?test&"_s + kV;
    c.headers = {{"ServiceBusNotification-Format", "fcmv1"},
                 {"Content-Type", "application/json;charset=utf-8"}};
    c.body = R"({"message":{"notification":{"title":"x"}}})";
    QCOMPARE(g.call(c).status, 400);
    c.headers.first().second = "apple";
    c.body = R"({"aps":{"alert":"x"}})";
    r = g.call(c);
    QCOMPARE(r.status, 201);
    auto o = parseNotificationOutcome(r.body);
    QVERIFY(o.ok());
    QCOMPARE(o->failure, 2);
    for (const RegistrationResult &result : o->results)
        QCOMPARE(classifyOutcome(result.outcome), OutcomeKind::InvalidHandle);
    c.headers.first().second = "gcm";
    c.body = R"({"data":{"m":"x"}})";
    r = g.call(c);
    QCOMPARE(r.status, 201);
    o = parseNotificationOutcome(r.body);
    QCOMPARE(o->failure, 2);
    QCOMPARE(o->success, 0);
}

void TestEmulatorHubs::configurationOutlivesDemoDataAndReset()
{
    // Without demo data (the JS SDK's --no-demo-data) the hub is still configured for every
    // platform, and a reset of the hub's contents keeps its configuration.
    HubDescription &d = f.emulator.state().hub(f.hub())->description;
    d.credentials.removeIf(
        [](const PnsCredential &c) { return c.kind == PnsCredentialKind::Baidu; });
    addRegistration(Platform::Apple, u"AB12"_s);
    f.resetHub();
    const auto r = hubCall("GET", u"/myHub?"_s + kV);
    const auto read = parseHubDescription(r.body);
    QVERIFY(read.ok());
    QCOMPARE(read->credentials.size(), kPnsCredentialKindCount - 1);
    QVERIFY(f.emulator.state().hub(f.hub())->registrations.empty());
}

void TestEmulatorHubs::dataFileKeepsHubDescriptions()
{
    // With --data, descriptions written over the API (update, create, delete) survive a restart
    // and win over --hub-config; hubs not changed over the API follow the file of each start.
    QTemporaryDir dir;
    EmulatorOptions o = EmulatorFixture::defaultOptions();
    o.dataFile = dir.filePath(u"ns.sqlite"_s);
    const auto configured = [](const QString &name, PnsCredentialKind kind) {
        EmulatorHubConfig c;
        c.name = name;
        c.description.credentials = {defaultPnsCredential(kind)};
        return c;
    };
    o.hubConfigs = {configured(u"myHub"_s, PnsCredentialKind::Wns),
                    configured(u"fileHub"_s, PnsCredentialKind::Apns)};
    const auto call = [](EmulatorFixture &fixture, const QByteArray &method, const QString &path,
                         const QByteArray &body = {}, const HttpHeaders &headers = {}) {
        EmulatorFixture::Call c;
        c.method = method;
        c.pathAndQuery = path + u'?' + kV;
        c.body = body;
        c.headers = headers;
        c.rule = kFull;
        c.sas.audience = Sas::Audience::Namespace;
        return fixture.call(c);
    };
    HubDescription xiaomi;
    xiaomi.credentials = {defaultPnsCredential(PnsCredentialKind::Xiaomi)};
    xiaomi.credentials.first().setProperty(u"AppSecret"_s, u"kept-xiaomi-secret"_s);
    {
        EmulatorFixture first;
        QVERIFY(first.start(o));
        QVERIFY(parseHubDescription(call(first, "GET", u"/myHub"_s).body)
                    ->credential(PnsCredentialKind::Wns));
        QCOMPARE(
            call(first, "PUT", u"/myHub"_s, hubDescriptionEntryXml(fcmOnly()), {{"If-Match", "*"}})
                .status,
            200);
        QCOMPARE(call(first, "PUT", u"/newHub"_s, hubDescriptionEntryXml(xiaomi)).status, 201);
        QCOMPARE(call(first, "PUT", u"/goneHub"_s, hubDescriptionEntryXml(xiaomi)).status, 201);
        QCOMPARE(call(first, "DELETE", u"/goneHub"_s).status, 200);
    }
    o.hubConfigs = {configured(u"myHub"_s, PnsCredentialKind::Wns),
                    configured(u"fileHub"_s, PnsCredentialKind::Adm)};
    EmulatorFixture second;
    QVERIFY(second.start(o));
    auto mine = parseHubDescription(call(second, "GET", u"/myHub"_s).body, u"myHub");
    QVERIFY(mine.ok());
    QCOMPARE(mine->credentials.size(), 1);
    QVERIFY(mine->credential(PnsCredentialKind::FcmV1)); // the update, not the file's WNS
    QVERIFY(mine->published.isValid());
    auto created = parseHubDescription(call(second, "GET", u"/newHub"_s).body, u"newHub");
    QVERIFY(created.ok());
    QCOMPARE(created->credential(PnsCredentialKind::Xiaomi)->property(u"AppSecret"),
             std::optional<QString>(u"kept-xiaomi-secret"_s));
    QCOMPARE(created->authorizationRules.size(), 2);
    // Deleted: the service's 200 with an empty feed.
    const auto gone = call(second, "GET", u"/goneHub"_s);
    QCOMPARE(gone.status, 200);
    QVERIFY(!parseHubDescription(gone.body, u"goneHub").ok());
    // Not changed over the API: this start's file.
    auto file = parseHubDescription(call(second, "GET", u"/fileHub"_s).body, u"fileHub");
    QVERIFY(file.ok());
    QVERIFY(file->credential(PnsCredentialKind::Adm));
    QVERIFY(!file->credential(PnsCredentialKind::Apns));
}

QTEST_GUILESS_MAIN(TestEmulatorHubs)
#include "tst_emulatorhubs.moc"
