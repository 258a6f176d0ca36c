// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The emulator renders, as the hub does (issue #16, docs/protocol.md §13.5, §13.6): templates are
// validated when written, a template send renders each reached registration with the sent
// properties, the outcome follows from the rendered payload, and the request log shows it.

#include "emulator/demodevices.h"
#include "emulator/emulatorstate.h"
#include "emulatorfixture.h"
#include "protocol/errorbody.h"
#include "protocol/installation.h"
#include "protocol/notificationoutcome.h"
#include "protocol/registrationfeed.h"
#include "protocol/tagexpression.h"
#include "protocol/templateexpression.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Nh;

namespace {
const QString kV = u"api-version=2020-06"_s;
const QString kToast =
    uR"x(<toast><visual><binding template="ToastText01"><text id="1">$(msg)</text></binding></visual></toast>)x"_s;
} // namespace

class TestEmulatorTemplates final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void validTemplateRendersAndSucceeds();
    void missingPropertyRendersEmptyAndIsLogged();
    void embeddedExpressionIsSentLiterally();
    void fcmV1WithoutMessageIsPayloadInvalid();
    void wnsHeaderTemplateIsRendered();
    void invalidRegistrationTemplateIsRefused_data();
    void invalidRegistrationTemplateIsRefused();
    void invalidTemplateOnUpdateIsRefused();
    void installationTemplateIsValidated();
    void installationTemplateIsRendered();
    void logJsonCarriesTheRenders();
    void rendersAreCapped();
    void demoDataShowsTheTraps();
    void demoDevicesShowOneFailureEach();

private:
    Registration add(Platform p, const QString &handle, const QStringList &tags,
                     const QString &bodyTemplate, const QList<TemplateHeader> &headers = {});
    EmulatorFixture::Response templateSend(const QByteArray &properties, const QByteArray &tags,
                                           bool test = true);
    EmulatorLogEntry lastSend() const;
    EmulatorFixture::Response writeRegistration(const Registration &reg, const QString &id = {});
    EmulatorFixture f;
};

void TestEmulatorTemplates::initTestCase()
{
    QVERIFY(f.start());
}

void TestEmulatorTemplates::init()
{
    f.resetHub();
}

Registration TestEmulatorTemplates::add(Platform p, const QString &handle, const QStringList &tags,
                                        const QString &bodyTemplate,
                                        const QList<TemplateHeader> &headers)
{
    Registration r;
    r.platform = p;
    r.isTemplate = true;
    r.handle = handle;
    r.tags = tags;
    r.etag = 1;
    r.bodyTemplate = bodyTemplate;
    r.headers = headers;
    r.registrationId = EmulatorState::newRegistrationId();
    f.emulator.state().putRegistration(*f.emulator.state().hub(f.hub()), r);
    return r;
}

EmulatorFixture::Response TestEmulatorTemplates::templateSend(const QByteArray &properties,
                                                              const QByteArray &tags, bool test)
{
    HttpHeaders h {{"ServiceBusNotification-Format"_ba, "template"_ba},
                   {"Content-Type"_ba, "application/json;charset=utf-8"_ba}};
    if (!tags.isEmpty())
        h.append({"ServiceBusNotification-Tags"_ba, tags});
    return f.send(u"/myHub/messages?"_s + kV + (test ? u"&test"_s : QString()), properties, h);
}

EmulatorLogEntry TestEmulatorTemplates::lastSend() const
{
    const QList<EmulatorLogEntry> log = f.emulator.log();
    for (auto it = log.crbegin(); it != log.crend(); ++it) {
        if (it->operation.startsWith(u"send"_s))
            return *it;
    }
    return {};
}

EmulatorFixture::Response TestEmulatorTemplates::writeRegistration(const Registration &reg,
                                                                   const QString &id)
{
    EmulatorFixture::Call c;
    c.method = id.isEmpty() ? "POST" : "PUT";
    c.pathAndQuery =
        (id.isEmpty() ? u"/myHub/registrations?"_s : u"/myHub/registrations/"_s + id + u'?') + kV;
    c.headers = {{"Content-Type"_ba, "application/atom+xml;type=entry;charset=utf-8"_ba}};
    c.body = registrationRequestXml(reg);
    return f.call(c);
}

void TestEmulatorTemplates::validTemplateRendersAndSucceeds()
{
    const Registration reg = add(Platform::Apple, u"AB12"_s, {u"t"_s},
                                 uR"x({"aps":{"alert":"$(msg)","badge":"#(n)"}})x"_s);
    const auto r = templateSend(R"x({"msg":"Hello \"you\"","N":"3"})x", "t");
    QCOMPARE(r.status, 201);
    const auto outcome = parseNotificationOutcome(r.body);
    QVERIFY2(outcome.ok(), r.body.constData());
    QCOMPARE(outcome->success, 1);
    QCOMPARE(outcome->failure, 0);
    QCOMPARE(outcome->results.value(0).outcome, QString(kOutcomeSuccess));

    const EmulatorLogEntry e = lastSend();
    QCOMPARE(e.renders.size(), 1);
    const EmulatorRender &render = e.renders.first();
    QCOMPARE(render.registrationId, reg.registrationId);
    QCOMPARE(render.platform, Platform::Apple);
    // Escaped as JSON; property names are case-insensitive; #() of a number is a number.
    QCOMPARE(render.body, uR"x({"aps":{"alert":"Hello \"you\"","badge":3}})x"_s);
    QVERIFY(render.missingProperties.isEmpty());
    QVERIFY(render.emptySubstitutions.isEmpty());
    QVERIFY(render.problem.isEmpty());
    QCOMPARE(render.outcome, QString(kOutcomeSuccess));
}

void TestEmulatorTemplates::missingPropertyRendersEmptyAndIsLogged()
{
    add(Platform::Apple, u"AB13"_s, {u"t"_s},
        uR"x({"aps":{"alert":{"title":"$(title)","body":"$(message)"}}})x"_s);
    const auto r = templateSend(R"x({"title":"Hi","body":"not the message"})x", "t");
    const auto outcome = parseNotificationOutcome(r.body);
    QVERIFY(outcome.ok());
    // The hub still hands it over: an empty alert body is a valid payload.
    QCOMPARE(outcome->success, 1);

    const EmulatorLogEntry e = lastSend();
    QCOMPARE(e.renders.size(), 1);
    const EmulatorRender &render = e.renders.first();
    QCOMPARE(render.body, uR"x({"aps":{"alert":{"title":"Hi","body":""}}})x"_s);
    QCOMPARE(render.missingProperties, QStringList {u"message"_s});
    QCOMPARE(render.emptySubstitutions, QStringList {u"aps.alert.body"_s});
    // What nhemulator --log prints.
    const QString text = e.text();
    QVERIFY2(text.startsWith(e.summary()), qPrintable(text));
    QVERIFY2(text.contains(uR"x(payload: {"aps":{"alert":{"title":"Hi","body":""}}})x"_s),
             qPrintable(text));
    QVERIFY2(text.contains(u"rendered empty: message"_s), qPrintable(text));
}

void TestEmulatorTemplates::embeddedExpressionIsSentLiterally()
{
    add(Platform::Apple, u"AB14"_s, {u"t"_s}, uR"x({"aps":{"alert":"Hello $(name)"}})x"_s);
    const auto r = templateSend(R"x({"name":"Ann"})x", "t");
    QCOMPARE(parseNotificationOutcome(r.body)->success, 1);
    const EmulatorRender render = lastSend().renders.value(0);
    // Only the first character decides: the value is a literal, sent as written.
    QCOMPARE(render.body, uR"x({"aps":{"alert":"Hello $(name)"}})x"_s);
    QVERIFY(render.missingProperties.isEmpty());
    // The linter's warning says so in the log.
    QVERIFY2(render.warnings.join(u'\n').contains(u"$(name)"_s),
             qPrintable(render.warnings.join(u'\n')));
}

void TestEmulatorTemplates::fcmV1WithoutMessageIsPayloadInvalid()
{
    const Registration bare =
        add(Platform::FcmV1, u"fcm-bare"_s, {u"t"_s}, uR"x({"notification":{"body":"$(msg)"}})x"_s);
    const Registration wrapped = add(Platform::FcmV1, u"fcm-wrapped"_s, {u"t"_s},
                                     uR"x({"message":{"notification":{"body":"$(msg)"}}})x"_s);
    const auto r = templateSend(R"x({"msg":"hi"})x", "t");
    QCOMPARE(r.status, 201);
    const auto outcome = parseNotificationOutcome(r.body);
    QVERIFY(outcome.ok());
    QCOMPARE(outcome->success, 1);
    QCOMPARE(outcome->failure, 1);
    QHash<QString, QString> byId;
    for (const RegistrationResult &res : outcome->results)
        byId.insert(res.registrationId, res.outcome);
    QCOMPARE(byId.value(bare.registrationId), QString(kOutcomeInvalidPayload));
    QCOMPARE(byId.value(wrapped.registrationId), QString(kOutcomeSuccess));

    for (const EmulatorRender &render : lastSend().renders) {
        QCOMPARE(render.problem.isEmpty(), render.registrationId == wrapped.registrationId);
        QCOMPARE(render.outcome, byId.value(render.registrationId));
    }
    // Telemetry counts it as the service does.
    const QString id = QUrl(QString::fromUtf8(r.header("Location"))).path().section(u'/', -1, -1);
    const SentMessage m = f.emulator.state().hub(f.hub())->messages.value(id);
    QCOMPARE(m.counts.value(Platform::FcmV1).value(u"InvalidNotificationFormat"_s), qint64(1));
    QCOMPARE(m.counts.value(Platform::FcmV1).value(u"Success"_s), qint64(1));
    // A registration whose handle the PNS refuses keeps that outcome.
    add(Platform::FcmV1, u"fcm-bare-expired"_s, {u"e"_s}, uR"x({"notification":{"body":"x"}})x"_s);
    const auto expired = parseNotificationOutcome(templateSend(R"x({})x", "e").body);
    QVERIFY(expired.ok());
    QCOMPARE(expired->results.value(0).outcome, QString(kOutcomeExpiredHandle));
}

void TestEmulatorTemplates::wnsHeaderTemplateIsRendered()
{
    add(Platform::Windows, u"https://db5.notify.windows.com/?token=t"_s, {u"t"_s}, kToast,
        {{u"X-WNS-Type"_s, u"wns/toast"_s}, {u"X-WNS-Tag"_s, u"$(tag)"_s}});
    const auto r = templateSend(R"x({"msg":"a < b","tag":"news"})x", "t");
    QCOMPARE(parseNotificationOutcome(r.body)->success, 1);
    const EmulatorRender render = lastSend().renders.value(0);
    QVERIFY2(render.body.contains(u">a &lt; b</text>"_s), qPrintable(render.body));
    QCOMPARE(headerValue(render.headers, "X-WNS-Tag").value_or(QByteArray()), "news"_ba);
    QVERIFY(lastSend().text().contains(u"X-WNS-Tag: news"_s));
}

void TestEmulatorTemplates::invalidRegistrationTemplateIsRefused_data()
{
    QTest::addColumn<int>("platform");
    QTest::addColumn<QString>("body");
    QTest::addColumn<QString>("header");
    QTest::addColumn<QString>("expected");
    // The SDK validator's own texts (docs/protocol.md §13.6).
    QTest::newRow("text after an expression")
        << int(Platform::Apple) << uR"x({"aps":{"alert":"$(name) is here"}})x"_s << QString()
        << TemplateExpression::serviceErrorText(u"$(name) is here");
    QTest::newRow("literal that starts like one")
        << int(Platform::FcmV1) << uR"x({"message":{"notification":{"body":"$5 off"}}})x"_s
        << QString() << TemplateExpression::serviceErrorText(u"$5 off");
    QTest::newRow("xml value") << int(Platform::Windows)
                               << uR"x(<toast><text id="1">{$(a)</text></toast>)x"_s << QString()
                               << TemplateExpression::serviceErrorText(u"{$(a)");
    QTest::newRow("wns header") << int(Platform::Windows) << kToast << u"$(a) b"_s
                                << TemplateExpression::serviceErrorText(u"$(a) b");
    QTest::newRow("xml for apple") << int(Platform::Apple) << uR"x(<aps>$(a)</aps>)x"_s << QString()
                                   << u"Template body has to be JSON"_s;
    QTest::newRow("neither json nor xml")
        << int(Platform::Apple) << u"hello $(a)"_s << QString() << u"Invalid payload format"_s;
}

void TestEmulatorTemplates::invalidRegistrationTemplateIsRefused()
{
    QFETCH(int, platform);
    QFETCH(QString, body);
    QFETCH(QString, header);
    QFETCH(QString, expected);
    QVERIFY(!expected.isEmpty());
    Registration reg;
    reg.platform = Platform(platform);
    reg.isTemplate = true;
    reg.handle = reg.platform == Platform::Windows ? u"https://db5.notify.windows.com/?token=x"_s
                                                   : u"AB15"_s;
    reg.bodyTemplate = body;
    if (reg.platform == Platform::Windows) {
        reg.headers = {{u"X-WNS-Type"_s, u"wns/toast"_s}};
        if (!header.isEmpty())
            reg.headers.append({u"X-WNS-Tag"_s, header});
    }
    const auto r = writeRegistration(reg);
    QCOMPARE(r.status, 400);
    const auto error = parseErrorBody(r.body);
    QVERIFY2(error.ok(), r.body.constData());
    QVERIFY2(error->detail.contains(expected), qPrintable(error->detail));
    QVERIFY(f.emulator.state().hub(f.hub())->registrations.empty());
}

void TestEmulatorTemplates::invalidTemplateOnUpdateIsRefused()
{
    const QString valid = uR"x({"aps":{"alert":"{'Hi ' + $(name)}"}})x"_s;
    Registration reg;
    reg.platform = Platform::Apple;
    reg.isTemplate = true;
    reg.handle = u"AB16"_s;
    reg.bodyTemplate = valid;
    auto r = writeRegistration(reg);
    QCOMPARE(r.status, 200);
    const auto created = parseRegistrationEntry(r.body);
    QVERIFY(created.ok());
    const QString id = created->registrationId;

    reg.bodyTemplate = uR"x({"aps":{"alert":"{#(n) + 'x'}"}})x"_s;
    r = writeRegistration(reg, id);
    QCOMPARE(r.status, 400);
    const auto error = parseErrorBody(r.body);
    QVERIFY2(error.ok(), r.body.constData());
    QVERIFY2(error->detail.contains(TemplateExpression::serviceErrorText(u"{#(n) + 'x'}")),
             qPrintable(error->detail));
    // The stored one is unchanged.
    QCOMPARE(f.emulator.state().hub(f.hub())->registrations.at(id).bodyTemplate, valid);
}

void TestEmulatorTemplates::installationTemplateIsValidated()
{
    EmulatorFixture::Call c;
    c.method = "PUT";
    c.pathAndQuery = u"/myHub/installations/inst-t?"_s + kV;
    c.headers = {{"Content-Type"_ba, "application/json"_ba}};
    c.body = R"x({"installationId":"inst-t","platform":"apns","pushChannel":"AB17",
        "templates":{"t1":{"body":"{\"aps\":{\"alert\":\"$(name) is here\"}}"}}})x";
    auto r = f.call(c);
    QCOMPARE(r.status, 400);
    auto error = parseErrorBody(r.body);
    QVERIFY2(error.ok(), r.body.constData());
    QVERIFY2(error->detail.contains(u"Template 't1' is invalid: "_s
                                    + TemplateExpression::serviceErrorText(u"$(name) is here")),
             qPrintable(error->detail));
    QVERIFY(f.emulator.state().hub(f.hub())->installations.empty());

    // A valid one is stored; a PATCH that breaks its template is refused.
    c.body = R"x({"installationId":"inst-t","platform":"apns","pushChannel":"AB17",
        "templates":{"t1":{"body":"{\"aps\":{\"alert\":\"$(name)\"}}"}}})x";
    QCOMPARE(f.call(c).status, 200);
    c.method = "PATCH";
    c.body =
        R"x([{"op":"replace","path":"/templates/t1/body","value":"{\"aps\":{\"alert\":\"$(a\"}}"}])x";
    r = f.call(c);
    QCOMPARE(r.status, 400);
    error = parseErrorBody(r.body);
    QVERIFY2(error.ok(), r.body.constData());
    QVERIFY2(error->detail.contains(TemplateExpression::serviceErrorText(u"$(a")),
             qPrintable(error->detail));
    const Installation &stored = f.emulator.state().hub(f.hub())->installations.at(u"inst-t"_s);
    QCOMPARE(stored.templates.value(u"t1"_s).body, uR"x({"aps":{"alert":"$(name)"}})x"_s);
}

void TestEmulatorTemplates::installationTemplateIsRendered()
{
    Installation inst;
    inst.installationId = u"inst-r"_s;
    inst.platform = Platform::FcmV1;
    inst.pushChannel = u"fcm-inst-r"_s;
    InstallationTemplate tpl;
    tpl.body = uR"x({"message":{"data":{"t":"$(title, 3)"}}})x"_s;
    inst.templates.insert(u"short"_s, tpl);
    f.emulator.state().putInstallation(*f.emulator.state().hub(f.hub()), inst);
    const auto r = templateSend(R"x({"title":"Headline"})x", "$InstallationId:{inst-r}");
    const auto outcome = parseNotificationOutcome(r.body);
    QVERIFY(outcome.ok());
    QCOMPARE(outcome->success, 1);
    const EmulatorRender render = lastSend().renders.value(0);
    QCOMPARE(render.templateName, u"short"_s);
    QCOMPARE(render.body, uR"x({"message":{"data":{"t":"Hea"}}})x"_s);
}

void TestEmulatorTemplates::logJsonCarriesTheRenders()
{
    const Registration reg =
        add(Platform::Apple, u"AB18"_s, {u"t"_s}, uR"x({"aps":{"alert":"$(msg)"}})x"_s);
    // A normal (not test) send is rendered and logged too.
    QCOMPARE(templateSend(R"x({"other":"x"})x", "t", false).status, 201);
    const QJsonObject json = lastSend().toJson();
    const QJsonArray renders = json.value(u"renders"_s).toArray();
    QCOMPARE(renders.size(), 1);
    const QJsonObject o = renders.first().toObject();
    QCOMPARE(o.value(u"registrationId"_s).toString(), reg.registrationId);
    QCOMPARE(o.value(u"platform"_s).toString(), u"apple"_s);
    QCOMPARE(o.value(u"body"_s).toString(), uR"x({"aps":{"alert":""}})x"_s);
    QCOMPARE(o.value(u"missingProperties"_s).toArray(), QJsonArray {u"msg"_s});
    QCOMPARE(o.value(u"emptySubstitutions"_s).toArray(), QJsonArray {u"aps.alert"_s});
    QCOMPARE(o.value(u"outcome"_s).toString(), QString(kOutcomeSuccess));
    // Other exchanges have no renders.
    EmulatorFixture::Call list;
    list.pathAndQuery = u"/myHub/registrations?"_s + kV;
    QCOMPARE(f.call(list).status, 200);
    const EmulatorLogEntry last = f.emulator.log().constLast();
    QVERIFY(!last.toJson().contains(u"renders"_s));
    QCOMPARE(last.text(), last.summary());
}

void TestEmulatorTemplates::rendersAreCapped()
{
    const QString pad(20000, u'x');
    for (int i = 0; i < 15; ++i) {
        add(Platform::Apple, u"AC%1"_s.arg(i), {u"many"_s},
            u"{\"aps\":{\"alert\":\"$(msg)\"},\"pad\":\""_s + pad + u"\"}"_s);
    }
    const auto r = templateSend(R"x({"msg":"hi"})x", "many");
    const auto outcome = parseNotificationOutcome(r.body);
    QVERIFY(outcome.ok());
    QCOMPARE(outcome->results.size(), 10);
    const EmulatorLogEntry e = lastSend();
    QCOMPARE(e.renders.size(), 10);
    QStringList logged, listed;
    for (const EmulatorRender &render : e.renders) {
        logged << render.registrationId;
        QVERIFY(render.truncated);
        QCOMPARE(render.body.size(), EmulatorRender::kMaxLoggedBody);
    }
    for (const RegistrationResult &res : outcome->results)
        listed << res.registrationId;
    QCOMPARE(logged, listed);
}

void TestEmulatorTemplates::demoDataShowsTheTraps()
{
    EmulatorState state;
    EmulatorHub &hub = state.addHub(u"demo"_s);
    state.seedDemoData(hub);
    // The demo's default target and the composer's default template properties.
    const auto expression = TagExpression::parse(u"sports || politics"_s);
    QVERIFY(expression.ok());
    const auto d = state.deliver(hub, Format::Template, &*expression,
                                 R"x({"title":"Hello","body":"Test from nhconsole"})x"_ba,
                                 u"sports || politics"_s, true);
    QHash<QString, EmulatorRender> byName;
    for (const EmulatorRender &r : d.renders)
        byName.insert(r.templateName, r);
    QCOMPARE(d.renders.size(), 4);
    QCOMPARE(d.outcome.results.size(), 4);

    const EmulatorRender unsent = byName.value(u"unsent-property"_s);
    QCOMPARE(unsent.missingProperties, QStringList {u"message"_s});
    QCOMPARE(unsent.outcome, QString(kOutcomeSuccess));

    const EmulatorRender embedded = byName.value(u"embedded-expression"_s);
    QVERIFY2(embedded.body.contains(u"Breaking: $(body)"_s), qPrintable(embedded.body));
    QVERIFY(!embedded.warnings.isEmpty());
    QCOMPARE(embedded.outcome, QString(kOutcomeSuccess));

    const EmulatorRender fcm = byName.value(u"fcm-v1"_s);
    QVERIFY2(fcm.body.startsWith(u"{\"message\":"_s), qPrintable(fcm.body));
    QCOMPARE(fcm.outcome, QString(kOutcomeSuccess));

    const EmulatorRender bare = byName.value(u"fcm-v1-no-message"_s);
    QCOMPARE(bare.outcome, QString(kOutcomeInvalidPayload));
    QVERIFY(!bare.problem.isEmpty());
    QCOMPARE(d.outcome.success, 3);
    QCOMPARE(d.outcome.failure, 1);
}

void TestEmulatorTemplates::demoDevicesShowOneFailureEach()
{
    // The diagnosis's demo devices (demodevices.cpp), as seedDemoData() leaves them.
    const auto row = [](QLatin1StringView name) {
        for (const DemoDevice &d : demoDevices()) {
            if (d.name == name)
                return d;
        }
        return DemoDevice {};
    };
    EmulatorState state;
    EmulatorHub &hub = state.addHub(u"demo"_s);
    state.seedDemoData(hub);
    const auto withHandle = [&](QLatin1StringView handle) {
        QList<Registration> found;
        for (auto it = hub.registrations.begin(); it != hub.registrations.end(); ++it) {
            if (it->second.handle == handle)
                found << it->second;
        }
        return found;
    };
    const auto testSend = [&](Format format, const QString &tags) {
        const auto expression = TagExpression::parse(tags);
        return state.deliver(hub, format, &*expression, "{}", tags, true);
    };
    const auto reached = [](const EmulatorState::Delivery &d, const QString &id) {
        for (const RegistrationResult &r : d.outcome.results) {
            if (r.registrationId == id)
                return r.outcome;
        }
        return QString();
    };
    const QDateTime now = QDateTime::currentDateTimeUtc();

    // Healthy: one native registration, reached by its send, successfully.
    const QList<Registration> healthy = withHandle(row("healthy"_L1).subject);
    QCOMPARE(healthy.size(), 1);
    QCOMPARE(healthy.first().expirationTime, Registration::neverExpires());
    // Duplicate: two native registrations with the handle, both reached.
    const QList<Registration> twice = withHandle(row("duplicate"_L1).subject);
    QCOMPARE(twice.size(), 2);
    for (const Registration &r : twice)
        QVERIFY(!r.isTemplate && r.platform == Platform::FcmV1);
    // Expired: listed with an ExpirationTime in the past, not reached by a send.
    const QList<Registration> expired = withHandle(row("expired"_L1).subject);
    QCOMPARE(expired.size(), 1);
    QVERIFY(expired.first().expirationTime < now);
    // Legacy GCM and the template that uses $(message), as the rows say.
    const QList<Registration> gcm = withHandle(row("legacy-gcm"_L1).subject);
    QCOMPARE(gcm.size(), 1);
    QCOMPARE(gcm.first().platform, Platform::Gcm);
    const QList<Registration> unsent = withHandle(row("template-property"_L1).subject);
    QCOMPARE(unsent.size(), 1);
    QVERIFY(unsent.first().isTemplate);
    QVERIFY(unsent.first().bodyTemplate.contains(u"$(message)"_s));
    // The production token on the sandbox hub.
    const QList<Registration> production = withHandle(row("apns-environment"_L1).subject);
    QCOMPARE(production.size(), 1);
    // The installation whose tags the row's expression excludes.
    const DemoDevice excluded = row("tags-excluded"_L1);
    QVERIFY(hub.installations.count(QString(excluded.subject)) == 1);
    const Installation &inst = hub.installations.at(QString(excluded.subject));
    const auto expression = TagExpression::parse(QString(excluded.tags));
    const QSet<QString> tags(inst.tags.cbegin(), inst.tags.cend());
    QVERIFY(!inst.tags.isEmpty() && !expression->matches(tags));
    QCOMPARE(hub.registrations.idsOfInstallation(inst.installationId).size(), 1);

    // Sends, last since they delete what the PNS refused.
    const auto fcm = testSend(Format::FcmV1, u"sports || politics"_s);
    QCOMPARE(reached(fcm, healthy.first().registrationId), QString(kOutcomeSuccess));
    for (const Registration &r : twice)
        QCOMPARE(reached(fcm, r.registrationId), QString(kOutcomeSuccess));
    QCOMPARE(reached(fcm, gcm.first().registrationId), QString());
    const auto apple = testSend(Format::Apple, u"sports || politics"_s);
    QCOMPARE(reached(apple, expired.first().registrationId), QString()); // not a target any more
    QCOMPARE(reached(apple, production.first().registrationId), QString(kOutcomeInvalidHandle));
    QVERIFY(withHandle(row("apns-environment"_L1).subject).isEmpty()); // deleted, as the hub does
    QCOMPARE(withHandle(row("expired"_L1).subject).size(), 1); // still listed
    const auto alone = testSend(Format::Apple, u"user:ivan"_s);
    QCOMPARE(alone.matched, 0);
}

QTEST_GUILESS_MAIN(TestEmulatorTemplates)
#include "tst_emulatortemplates.moc"
