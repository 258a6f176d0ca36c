// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// HubClient's calls on the hub's own configuration (issue #17, docs/protocol.md §14): the
// requests they build (URL, api-version, headers, the namespace audience of the list), the
// refusal to save a description whose secrets came back masked, the list's fallback, and the
// explanations of their failures.

#include "client/explainer.h"
#include "client/hubclient.h"
#include "client/hublistjob.h"
#include "common/redaction.h"
#include "emulator/emulatorhubconfig.h"
#include "emulator/emulatorstate.h"
#include "emulator/faults.h"
#include "emulatorfixture.h"
#include "protocol/operation.h"

#include <QFile>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Nh;

namespace {

/** A sentence check that prints the sentence when it fails. */
#define VERIFY_CONTAINS(text, part) \
    QVERIFY2((text).contains(part), \
             qPrintable(u"\"%1\" is missing from: %2"_s.arg(QString(part), QString(text))))

HubDescription fixtureDescription()
{
    QFile file(QString::fromUtf8(NH_TEST_DATA_DIR) + u"/hubs/every-credential.xml"_s);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    auto d = parseHubDescription(file.readAll());
    return d ? *d : HubDescription {};
}

QByteArray header(const Exchange &e, QByteArrayView name)
{
    return headerValue(e.requestHeaders, name).value_or(QByteArray());
}

} // namespace

class TestHubClientHubs final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    // No hub routes needed.
    void maskedSecrets_data();
    void maskedSecrets();
    void updateRefusedWhileMasked_data();
    void updateRefusedWhileMasked();
    void requestShapes();
    void listSignsTheNamespace();
    void listStopsOnTransportFailure();
    void listCancelledBeforeItStarts();
    void operationNames();
    void explainManageClaimOnGet();
    void explainManageClaimOnUpdate();
    void explainMissingHub();
    void explainConflictOnCreate();

    // Over the emulator's hub routes.
    void getReadsTheDescription();
    void getOfAMissingHubIsNotFound();
    void createUpdateDelete();
    void listFormA();
    void listFallsBackToFormB();
    void listFailsWhenBothFormsFail();
    void listenKeyIsExplained();

private:
    void resetHubs();
    Exchange finish(HubJob *job);
    HubConnection connection() const;

    EmulatorFixture f;
    std::unique_ptr<HubClient> client;
};

void TestHubClientHubs::initTestCase()
{
    QVERIFY(f.start());
    client = std::make_unique<HubClient>(&f.nam);
    client->setConnection(connection());
    QVERIFY2(!fixtureDescription().credentials.isEmpty(), "tests/data/hubs/every-credential.xml");
}

void TestHubClientHubs::init()
{
    f.resetHub();
}

HubConnection TestHubClientHubs::connection() const
{
    return f.hubConnection();
}

Exchange TestHubClientHubs::finish(HubJob *job)
{
    QSignalSpy spy(job, &HubJob::finished);
    if (!spy.wait(10000) || spy.size() != 1)
        return {};
    return spy.first().first().value<Exchange>();
}

void TestHubClientHubs::maskedSecrets_data()
{
    QTest::addColumn<QString>("property"); // "" = none changed
    QTest::addColumn<QString>("value");
    QTest::addColumn<QStringList>("masked");

    QTest::newRow("as read") << QString() << QString() << QStringList();
    QTest::newRow("redacted") << u"GoogleApiKey"_s << kRedacted.toString()
                              << QStringList {u"GcmCredential/GoogleApiKey"_s};
    QTest::newRow("hashes") << u"GoogleApiKey"_s << u"###################"_s
                            << QStringList {u"GcmCredential/GoogleApiKey"_s};
    QTest::newRow("stars") << u"GoogleApiKey"_s << u"****"_s
                           << QStringList {u"GcmCredential/GoogleApiKey"_s};
    QTest::newRow("empty") << u"GoogleApiKey"_s << QString()
                           << QStringList {u"GcmCredential/GoogleApiKey"_s};
    QTest::newRow("a non-secret may be empty") << u"GcmEndpoint"_s << QString() << QStringList();
    QTest::newRow("a hash inside a value") << u"GoogleApiKey"_s << u"ab#cd"_s << QStringList();
}

void TestHubClientHubs::maskedSecrets()
{
    QFETCH(QString, property);
    QFETCH(QString, value);
    QFETCH(QStringList, masked);
    HubDescription d = fixtureDescription();
    if (!property.isEmpty()) {
        PnsCredential *gcm = d.credential(PnsCredentialKind::Gcm);
        QVERIFY(gcm);
        gcm->setProperty(property, value);
    }
    QCOMPARE(HubClient::maskedSecrets(d), masked);

    // The redacted copy every view shows cannot be saved: every secret is listed.
    const QStringList all = HubClient::maskedSecrets(redactedHubDescription(fixtureDescription()));
    QVERIFY(all.contains(u"ApnsCredential/CertificateKey"_s)
            || all.contains(u"ApnsCredential/Token"_s));
    QVERIFY(all.contains(u"AuthorizationRules/DefaultFullSharedAccessSignature/PrimaryKey"_s));
}

void TestHubClientHubs::updateRefusedWhileMasked_data()
{
    QTest::addColumn<bool>("redactAll");
    QTest::newRow("one masked credential property") << false;
    QTest::newRow("the redacted description") << true;
}

void TestHubClientHubs::updateRefusedWhileMasked()
{
    QFETCH(bool, redactAll);
    HubDescription d = fixtureDescription();
    d.name = f.hub();
    if (redactAll)
        d = redactedHubDescription(d);
    else
        d.credential(PnsCredentialKind::Wns)->setProperty(u"SecretKey"_s, u"#######"_s);
    const qsizetype before = f.emulator.log().size();

    const Exchange e = finish(client->updateHub(d));
    QCOMPARE(e.result, ExchangeResult::Invalid);
    QCOMPARE(e.operation, operationName(Operation::HubUpdate));
    QVERIFY(e.attempts.isEmpty());
    QVERIFY(e.requestHeaders.isEmpty());
    QVERIFY(e.error);
    QCOMPARE(e.error->code, ErrorCode::EmptyField);
    if (!redactAll) {
        QCOMPARE(e.error->where, u"WnsCredential/SecretKey"_s);
        VERIFY_CONTAINS(e.errorSentence, u"WnsCredential/SecretKey"_s);
    }
    VERIFY_CONTAINS(e.errorSentence, u"entered again"_s);
    QCOMPARE(f.emulator.log().size(), before); // nothing reached the emulator
    VERIFY_CONTAINS(explain(e).cause, u"did not send"_s);
}

// What each call puts on the wire, whatever the emulator answers.
void TestHubClientHubs::requestShapes()
{
    const QString base = f.url(u"/"_s);
    HubDescription d = fixtureDescription();
    d.name = u"newhub"_s;

    Exchange e = finish(client->getHub(u"otherhub"_s));
    QCOMPARE(e.method, "GET"_ba);
    QCOMPARE(e.url.toString(), base + u"otherhub?api-version=2020-06"_s);
    QCOMPARE(header(e, "x-ms-version"), "2020-06"_ba);

    e = finish(client->createHub(d));
    QCOMPARE(e.operation, u"hub.create"_s);
    QCOMPARE(e.method, "PUT"_ba);
    QCOMPARE(e.url.toString(), base + u"newhub?api-version=2020-06"_s);
    QCOMPARE(header(e, "Content-Type"), "application/atom+xml;type=entry;charset=utf-8"_ba);
    QVERIFY(!hasHeader(e.requestHeaders, "If-Match"));
    QCOMPARE(e.requestBody, hubDescriptionEntryXml(d));

    e = finish(client->updateHub(d));
    QCOMPARE(e.operation, u"hub.update"_s);
    QCOMPARE(e.method, "PUT"_ba);
    QCOMPARE(header(e, "If-Match"), "*"_ba);
    QCOMPARE(header(e, "Content-Type"), "application/atom+xml;type=entry;charset=utf-8"_ba);
    // Always the whole description: rules and every credential go back.
    QVERIFY(e.requestBody.contains("<AuthorizationRules>"));
    QVERIFY(e.requestBody.contains("<FcmV1Credential>"));

    e = finish(client->deleteHub(u"newhub"_s));
    QCOMPARE(e.operation, u"hub.delete"_s);
    QCOMPARE(e.method, "DELETE"_ba);
    QCOMPARE(e.url.toString(), base + u"newhub?api-version=2020-06"_s);
    QVERIFY(e.requestBody.isEmpty());
}

void TestHubClientHubs::listSignsTheNamespace()
{
    HubListJob *job = client->listHubs();
    QSignalSpy spy(job, &HubListJob::finished);
    QVERIFY(spy.wait(10000));
    QCOMPARE(spy.size(), 1);
    const QList<Exchange> exchanges = job->exchanges();
    QVERIFY(!exchanges.isEmpty());
    const Exchange &a = exchanges.first();
    QCOMPARE(a.operation, u"hubs.list"_s);
    QCOMPARE(a.url.toString(), f.url(u"/$Resources/NotificationHubs?api-version=2020-06"_s));
    // Below the namespace: a token for the hub would not cover it.
    const auto token = Sas::decode(a.authorization);
    QVERIFY(token);
    QCOMPARE(QUrl(token->resource).path(), u"/"_s);
    if (job->usedFallback()) {
        QVERIFY(exchanges.size() >= 2);
        QCOMPARE(exchanges.at(1).url.toString(), f.url(u"/"_s)); // no api-version
        QVERIFY(!exchanges.at(1).url.hasQuery());
    }
    if (!job->ok())
        QVERIFY(job->error());
}

// No answer at all: form (B) would fail the same way, so the listing ends after (A).
void TestHubClientHubs::listStopsOnTransportFailure()
{
    quint16 port = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        port = probe.serverPort();
    }
    HubConnection c = connection();
    c.connectionString = ConnectionString::fromParts(
        u"127.0.0.1"_s, port, c.connectionString.keyName(), c.connectionString.key());
    HubClient refused(&f.nam);
    refused.setConnection(c);
    HubListJob *job = refused.listHubs();
    QSignalSpy spy(job, &HubListJob::finished);
    QVERIFY(spy.wait(10000));
    QCOMPARE(spy.size(), 1);
    QVERIFY(!job->ok());
    QCOMPARE(job->exchanges().size(), 1);
    QCOMPARE(job->lastExchange().result, ExchangeResult::TransportError);
    QCOMPARE(job->error()->code, ErrorCode::Transport);
    QVERIFY(!job->usedFallback());
}

void TestHubClientHubs::listCancelledBeforeItStarts()
{
    const qsizetype before = f.emulator.log().size();
    HubListJob *job = client->listHubs();
    QSignalSpy spy(job, &HubListJob::finished);
    job->cancel();
    QVERIFY(spy.isEmpty()); // never from inside the call
    QVERIFY(spy.wait(5000));
    QCOMPARE(spy.size(), 1);
    QVERIFY(!job->ok());
    QCOMPARE(job->error()->code, ErrorCode::Cancelled);
    QVERIFY(job->exchanges().isEmpty());
    QCOMPARE(f.emulator.log().size(), before);
}

void TestHubClientHubs::operationNames()
{
    QCOMPARE(operationName(Operation::HubGet), u"hub.get"_s);
    QCOMPARE(operationName(Operation::HubCreate), u"hub.create"_s);
    QCOMPARE(operationName(Operation::HubUpdate), u"hub.update"_s);
    QCOMPARE(operationName(Operation::HubDelete), u"hub.delete"_s);
    QCOMPARE(operationName(Operation::HubList), u"hubs.list"_s);
    QCOMPARE(operationFromName(u"hubs.list"), Operation::HubList);
    QCOMPARE(requiredClaimForOperation(u"hubs.list"_s), u"Manage"_s);
    QCOMPARE(requiredClaimForOperation(u"hub.get"_s), u"Manage"_s);
    QCOMPARE(requiredClaimForOperation(u"hub.update"_s), u"Manage"_s);
}

namespace {

Exchange hubError(const QString &operation, int status, const QString &text)
{
    Exchange e;
    e.operation = operation;
    e.method = operation == u"hub.get"_s ? "GET"_ba : "PUT"_ba;
    e.url = QUrl(u"https://ns.servicebus.windows.net/orders?api-version=2020-06"_s);
    e.status = status;
    e.result = ExchangeResult::HubError;
    HubErrorBody body;
    body.code = status;
    body.detail = text + u"..TrackingId:x"_s;
    body.text = text;
    e.hubError = body;
    return e;
}

} // namespace

// The service answers a wrong key on GET with the same text as a key without Manage
// (docs/protocol.md §14.3): the explanation names both and does not guess.
void TestHubClientHubs::explainManageClaimOnGet()
{
    for (const QString &op : {u"hub.get"_s, u"hubs.list"_s}) {
        const Explanation x =
            explain(hubError(op, 401, u"Manage claim is required for this operation"_s));
        VERIFY_CONTAINS(x.cause, u"lacks Manage"_s);
        VERIFY_CONTAINS(x.cause, u"wrong"_s);
        VERIFY_CONTAINS(x.cause, u"cannot tell"_s);
        VERIFY_CONTAINS(x.nextStep, u"DefaultFullSharedAccessSignature"_s);
        VERIFY_CONTAINS(x.nextStep, u"RootManageSharedAccessKey"_s);
    }
    // The rule's name, when the token is known.
    Exchange e = hubError(u"hub.get"_s, 401, u"Manage claim is required for this operation"_s);
    Sas::DecodedToken token;
    token.keyName = u"DefaultListenSharedAccessSignature"_s;
    e.token = token;
    VERIFY_CONTAINS(explain(e).cause, u"DefaultListenSharedAccessSignature"_s);
}

void TestHubClientHubs::explainManageClaimOnUpdate()
{
    // On PUT a wrong key answers InvalidSignature: the claim text means the rights.
    const Explanation x =
        explain(hubError(u"hub.update"_s, 401, u"Manage claim is required for this operation"_s));
    VERIFY_CONTAINS(x.cause, u"does not grant the Manage right"_s);
    QVERIFY(!x.cause.contains(u"wrong"_s));
    VERIFY_CONTAINS(x.nextStep, u"RootManageSharedAccessKey"_s);
    // Other answers keep the general explanation.
    VERIFY_CONTAINS(explain(hubError(u"hub.update"_s, 401,
                                     u"InvalidSignature: The token has an invalid signature"_s))
                        .cause,
                    u"signature"_s);
}

void TestHubClientHubs::explainMissingHub()
{
    // The 200 with an empty feed, as HubClient reads it.
    Exchange e;
    e.operation = u"hub.get"_s;
    e.url = QUrl(u"https://ns.servicebus.windows.net/orders?api-version=2020-06"_s);
    e.status = 200;
    e.result = ExchangeResult::HubError;
    const QByteArray feed =
        R"(<feed xmlns="http://www.w3.org/2005/Atom"><title type="text">Publicly Listed Services</title><subtitle type="text">This is the list of publicly-listed services currently available.</subtitle><id>uuid:1;id=6225</id><updated>2020-07-02T18:03:08Z</updated><generator>Service Bus 1.1</generator></feed>)";
    const auto parsed = parseHubDescription(feed, u"orders");
    QVERIFY(!parsed);
    QCOMPARE(parsed.error().code, ErrorCode::NotFound);
    e.error = parsed.error();
    const Explanation x = explain(e);
    VERIFY_CONTAINS(x.cause, u"'orders'"_s);
    VERIFY_CONTAINS(x.cause, u"200"_s);
    VERIFY_CONTAINS(x.nextStep, u"hub list"_s);
}

void TestHubClientHubs::explainConflictOnCreate()
{
    const Explanation x = explain(hubError(u"hub.create"_s, 409, u"SubCode=40900. Conflict"_s));
    VERIFY_CONTAINS(x.cause, u"already exists"_s);
    VERIFY_CONTAINS(x.nextStep, u"If-Match: *"_s);
}

// --- over the emulator's hub routes -------------------------------------------------------------

void TestHubClientHubs::resetHubs()
{
    for (const QString &name : f.emulator.state().hubNames()) {
        if (name != f.hub())
            f.emulator.state().removeHub(name);
    }
    EmulatorHub *hub = f.emulator.state().hub(f.hub());
    hub->description =
        defaultHubDescription(f.emulator.state().rules, QDateTime::currentDateTimeUtc());
    hub->description.name = f.hub();
}

void TestHubClientHubs::getReadsTheDescription()
{
    resetHubs();
    const Exchange e = finish(client->getHub(f.hub()));
    QVERIFY2(e.ok(), qPrintable(e.errorSentence));
    QCOMPARE(e.status, 200);
    QVERIFY(e.hubDescription);
    QCOMPARE(e.hubDescription->name, f.hub());
    QCOMPARE(e.hubDescription->credentials.size(), kPnsCredentialKindCount);
    QVERIFY(e.hubDescription->rule(u"DefaultFullSharedAccessSignature"));
}

void TestHubClientHubs::getOfAMissingHubIsNotFound()
{
    resetHubs();
    const Exchange e = finish(client->getHub(u"nosuchhub"_s));
    QCOMPARE(e.status, 200); // the service's empty feed
    QCOMPARE(e.result, ExchangeResult::HubError);
    QVERIFY(e.error);
    QCOMPARE(e.error->code, ErrorCode::NotFound);
    QVERIFY(!e.hubDescription);
    VERIFY_CONTAINS(explain(e).cause, u"'nosuchhub'"_s);
}

void TestHubClientHubs::createUpdateDelete()
{
    resetHubs();
    HubDescription d = f.emulator.state().hub(f.hub())->description;
    d.name = u"newhub"_s;

    Exchange e = finish(client->createHub(d));
    QVERIFY2(e.ok(), qPrintable(e.errorSentence));
    QCOMPARE(e.status, 201);
    QVERIFY(e.hubDescription);
    QVERIFY(f.emulator.state().hub(u"newhub"_s));

    e = finish(client->createHub(d)); // exists: 409
    QCOMPARE(e.status, 409);
    VERIFY_CONTAINS(explain(e).cause, u"already exists"_s);

    d.credentials.removeIf([](const PnsCredential &c) { return c.kind == PnsCredentialKind::Gcm; });
    e = finish(client->updateHub(d));
    QVERIFY2(e.ok(), qPrintable(e.errorSentence));
    QCOMPARE(e.status, 200);
    QVERIFY(!f.emulator.state().hub(u"newhub"_s)->description.credential(PnsCredentialKind::Gcm));
    QVERIFY(f.emulator.state().hub(u"newhub"_s)->description.credential(PnsCredentialKind::FcmV1));

    e = finish(client->deleteHub(u"newhub"_s));
    QVERIFY2(e.ok(), qPrintable(e.errorSentence));
    QCOMPARE(e.status, 200);
    QVERIFY(!f.emulator.state().hub(u"newhub"_s));
    e = finish(client->deleteHub(u"newhub"_s));
    QCOMPARE(e.status, 404);
    VERIFY_CONTAINS(explain(e).cause, u"'newhub'"_s);
}

void TestHubClientHubs::listFormA()
{
    resetHubs();
    HubListJob *job = client->listHubs();
    QSignalSpy spy(job, &HubListJob::finished);
    QVERIFY(spy.wait(10000));
    QVERIFY2(job->ok(), qPrintable(job->error() ? job->error()->message : QString()));
    QVERIFY(!job->usedFallback());
    QCOMPARE(job->exchanges().size(), 1);
    QCOMPARE(job->hubs().size(), f.emulator.state().hubNames().size());
    for (const HubListEntry &h : job->hubs())
        QVERIFY2(h.description, qPrintable(h.name));
}

void TestHubClientHubs::listFallsBackToFormB()
{
    resetHubs();
    HubDescription d = f.emulator.state().hub(f.hub())->description;
    d.name = u"second"_s;
    QVERIFY(finish(client->createHub(d)).ok());

    FaultRule rule;
    rule.fault = *Fault::parse(u"status=500"_s);
    rule.operation = u"hubs.list"_s;
    rule.count = 1; // form A only
    f.emulator.faults().add(rule);

    HubListJob *job = client->listHubs();
    QSignalSpy spy(job, &HubListJob::finished);
    QVERIFY(spy.wait(10000));
    QVERIFY2(job->ok(), qPrintable(job->error() ? job->error()->message : QString()));
    QVERIFY(job->usedFallback());
    // A (500), B, then one GET per hub.
    const QList<Exchange> &x = job->exchanges();
    QCOMPARE(x.size(), 2 + job->hubs().size());
    QCOMPARE(x.at(0).status, 500);
    QVERIFY(!x.at(1).url.hasQuery());
    QStringList names;
    for (const HubListEntry &h : job->hubs()) {
        QVERIFY(h.description);
        QCOMPARE(h.description->name, h.name);
        names << h.name;
    }
    QVERIFY(names.contains(u"second"_s));
    QVERIFY(names.contains(f.hub()));
    f.emulator.faults().clear();
}

void TestHubClientHubs::listFailsWhenBothFormsFail()
{
    resetHubs();
    FaultRule rule;
    rule.fault = *Fault::parse(u"status=503"_s);
    rule.operation = u"hubs.list"_s;
    rule.count = 2;
    f.emulator.faults().add(rule);
    HubListJob *job = client->listHubs();
    QSignalSpy spy(job, &HubListJob::finished);
    QVERIFY(spy.wait(15000));
    QVERIFY(!job->ok());
    QVERIFY(job->error());
    QCOMPARE(job->lastExchange().status, 503);
    f.emulator.faults().clear();
}

void TestHubClientHubs::listenKeyIsExplained()
{
    resetHubs();
    HubClient listen(&f.nam);
    HubConnection c = connection();
    c.connectionString = f.connectionString(u"DefaultListenSharedAccessSignature"_s);
    listen.setConnection(c);
    const Exchange e = finish(listen.getHub(f.hub()));
    QCOMPARE(e.status, 401);
    const Explanation x = explain(e);
    VERIFY_CONTAINS(x.cause, u"DefaultListenSharedAccessSignature"_s);
    VERIFY_CONTAINS(x.cause, u"wrong"_s);
    VERIFY_CONTAINS(x.nextStep, u"Manage"_s);
}

QTEST_GUILESS_MAIN(TestHubClientHubs)
#include "tst_hubclient_hubs.moc"
