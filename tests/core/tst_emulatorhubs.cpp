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

private:
    EmulatorFixture::Response hubCall(const QByteArray &method, const QString &path,
                                      const QByteArray &body = {}, const HttpHeaders &headers = {},
                                      const QString &rule = kFull);
    HubDescription fcmOnly() const;
    EmulatorFixture f;
};

void TestEmulatorHubs::initTestCase()
{
    QVERIFY(f.start());
}

void TestEmulatorHubs::init()
{
    f.resetHub();
    // Every test starts from the default configuration of the one hub.
    for (const QString &name : f.emulator.state().hubNames()) {
        if (name != f.hub())
            f.emulator.state().removeHub(name);
    }
    EmulatorHub *hub = f.emulator.state().hub(f.hub());
    hub->description =
        defaultHubDescription(f.emulator.state().rules, QDateTime::currentDateTimeUtc());
    hub->description.name = f.hub();
    hub->gcmRetired = false;
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

QTEST_GUILESS_MAIN(TestEmulatorHubs)
#include "tst_emulatorhubs.moc"
