// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The diagnosis without a network (issue #19, docs/diagnosis.md): DiagnosisSend::fromExchange, the
// tag-expression explanations of check 5, the handle shapes the engine asks by channel, and the
// verdict line naming the heaviest problem first over checks computed from facts.

#include "diagnosis/diagnosisfacts.h"
#include "protocol/notification.h"

#include <QTest>

using namespace Nh;
using namespace Qt::Literals::StringLiterals;

class TestDiagnosis : public QObject
{
    Q_OBJECT

private slots:
    void fromExchangeTagSend();
    void fromExchangeTemplateSend();
    void fromExchangeDirectSend();
    void fromExchangeRefusesNonSends_data();
    void fromExchangeRefusesNonSends();
    void whyExcluded_data();
    void whyExcluded();
    void handleShapes_data();
    void handleShapes();
    void verdictNamesTheHeaviestProblem();
    void warningsNeverOutrankProblems();
    void nativeAndTemplateBothMatching();
    void noSendLeavesTagsUntold();
};

namespace {

Exchange sendExchange(const QByteArray &format, const QByteArray &tags, const QByteArray &body,
                      const QString &operation = u"send.test"_s)
{
    Exchange e;
    e.operation = operation;
    e.method = "POST";
    e.requestHeaders = {{"Authorization", "SharedAccessSignature sr=x&sig=REDACTED&se=1&skn=k"},
                        {"Content-Type", "application/json;charset=utf-8"},
                        {"x-ms-version", "2015-01"},
                        {"ServiceBusNotification-Format", format}};
    if (!tags.isEmpty())
        e.requestHeaders.append({QByteArray("ServiceBusNotification-Tags"), tags});
    e.requestBody = body;
    return e;
}

Registration reg(Platform platform, const QString &handle, const QStringList &tags)
{
    Registration r;
    r.platform = platform;
    r.handle = handle;
    r.tags = tags;
    r.registrationId = u"reg-"_s + handle.left(6);
    return r;
}

} // namespace

void TestDiagnosis::fromExchangeTagSend()
{
    Exchange e = sendExchange("apple", "sports && !lang:fr", R"({"aps":{"alert":"hi"}})");
    e.requestHeaders.append({QByteArray("apns-push-type"), QByteArray("alert")});
    const auto send = DiagnosisSend::fromExchange(e);
    QVERIFY2(send, send ? "" : qPrintable(send.error().message));
    QCOMPARE(*send->format, Format::Apple);
    QCOMPARE(send->tagExpression, u"sports && !lang:fr"_s);
    QCOMPARE(send->exchangeId, e.id);
    QCOMPARE(send->body, QByteArray(R"({"aps":{"alert":"hi"}})"));
    // Only the platform's headers: no signature, no protocol headers.
    QCOMPARE(send->headers, HttpHeaders({{"apns-push-type", "alert"}}));
    QVERIFY(send->deviceHandle.isEmpty());
}

void TestDiagnosis::fromExchangeTemplateSend()
{
    const auto send = DiagnosisSend::fromExchange(
        sendExchange("template", "", R"({"title":"Hello","body":"World"})", u"send"_s));
    QVERIFY(send);
    QCOMPARE(*send->format, Format::Template);
    QVERIFY(send->tagExpression.isEmpty()); // a broadcast
    QCOMPARE(send->properties.value(u"title"_s), u"Hello"_s);
    QCOMPARE(send->properties.value(u"body"_s), u"World"_s);
    QVERIFY(send->body.isEmpty());

    const auto broken = DiagnosisSend::fromExchange(sendExchange("template", "a", R"({"n":1})"));
    QVERIFY(!broken);
    QVERIFY(broken.error().message.contains(u"template properties"_s));
}

void TestDiagnosis::fromExchangeDirectSend()
{
    Exchange e = sendExchange("fcmv1", "", R"({"message":{"data":{"a":"b"}}})", u"send.direct"_s);
    e.requestHeaders.append(
        {QByteArray("ServiceBusNotification-DeviceHandle"), QByteArray("fcm-token:APA91b")});
    const auto send = DiagnosisSend::fromExchange(e);
    QVERIFY(send);
    QCOMPARE(*send->format, Format::FcmV1);
    QCOMPARE(send->deviceHandle, u"fcm-token:APA91b"_s);
    QVERIFY(send->headers.isEmpty());
}

void TestDiagnosis::fromExchangeRefusesNonSends_data()
{
    QTest::addColumn<QString>("operation");
    QTest::addColumn<QByteArray>("format");
    QTest::addColumn<QString>("says");
    QTest::newRow("registration read") << u"registrations.get"_s << QByteArray() << u"not a send"_s;
    QTest::newRow("hub read") << u"hub.get"_s << QByteArray() << u"not a send"_s;
    QTest::newRow("no format") << u"send"_s << QByteArray() << u"ServiceBusNotification-Format"_s;
    QTest::newRow("unknown format") << u"send"_s << QByteArray("pigeon") << u"pigeon"_s;
}

void TestDiagnosis::fromExchangeRefusesNonSends()
{
    QFETCH(QString, operation);
    QFETCH(QByteArray, format);
    QFETCH(QString, says);
    Exchange e = sendExchange(format, "", "{}", operation);
    if (format.isEmpty())
        removeHeader(e.requestHeaders, "ServiceBusNotification-Format");
    const auto send = DiagnosisSend::fromExchange(e);
    QVERIFY(!send);
    QVERIFY2(send.error().message.contains(says), qPrintable(send.error().message));
}

void TestDiagnosis::whyExcluded_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<QStringList>("tags");
    QTest::addColumn<QString>("expected");
    QTest::newRow("negation") << u"sports && !lang:fr"_s << QStringList {u"sports"_s, u"lang:fr"_s}
                              << u"`sports && !lang:fr`: excluded by `!lang:fr`, the registration "
                                 u"has `lang:fr`"_s;
    QTest::newRow("missing tag of and")
        << u"sports && lang:de"_s << QStringList {u"sports"_s}
        << u"`sports && lang:de`: excluded by `lang:de`, the registration does not have `lang:de`"_s;
    QTest::newRow("or of tags") << u"sports || politics"_s << QStringList {u"news"_s}
                                << u"`sports || politics`: the registration has none of `sports`, "
                                   u"`politics`"_s;
    QTest::newRow("single tag") << u"sports"_s << QStringList {}
                                << u"`sports`: the registration does not have `sports`"_s;
    QTest::newRow("group under and")
        << u"vip && (sports || politics)"_s << QStringList {u"vip"_s}
        << u"`vip && (sports || politics)`: excluded by `sports || politics`, the registration has "
           u"none of `sports`, `politics`"_s;
    QTest::newRow("case-insensitive match")
        << u"Sports"_s << QStringList {u"sports"_s} << QString();
}

void TestDiagnosis::whyExcluded()
{
    QFETCH(QString, expression);
    QFETCH(QStringList, tags);
    QFETCH(QString, expected);
    const auto parsed = TagExpression::parse(expression);
    QVERIFY(parsed);
    QCOMPARE(DiagnosisChecks::whyExcluded(*parsed, tags), expected);
}

void TestDiagnosis::handleShapes_data()
{
    QTest::addColumn<QString>("handle");
    QTest::addColumn<QList<Platform>>("platforms");
    QTest::newRow("apns hex")
        << u"B7C41E09A2D35F68C0E1B2A3948576D1F0E9C8B7A6D5E4F3C2B1A09F8E7D6C5B"_s
        << QList<Platform> {Platform::Apple};
    QTest::newRow("fcm token") << u"fcm-token-bob-d8Ks1eQ:APA91bHun4MxP5egoKMwt2KZFBaFUH"_s
                               << QList<Platform> {Platform::FcmV1, Platform::Gcm};
    QTest::newRow("gcm token") << u"gcm-legacy-token-APA91bGHXQBB"_s
                               << QList<Platform> {Platform::FcmV1, Platform::Gcm};
    QTest::newRow("wns uri") << u"https://db5.notify.windows.com/?token=AwYAAAB"_s
                             << QList<Platform> {Platform::Windows, Platform::Browser};
    QTest::newRow("adm") << u"amzn1.adm-registration.v3.Y29t"_s << QList<Platform> {Platform::Adm};
    QTest::newRow("baidu") << u"3785562685113372034"_s << QList<Platform> {Platform::Baidu};
    QTest::newRow("other") << u"x/y+z="_s
                           << QList<Platform> {Platform::FcmV1, Platform::Gcm, Platform::Xiaomi,
                                               Platform::Adm};
}

void TestDiagnosis::handleShapes()
{
    QFETCH(QString, handle);
    QFETCH(QList<Platform>, platforms);
    QCOMPARE(platformsForHandleShape(handle), platforms);
}

void TestDiagnosis::verdictNamesTheHeaviestProblem()
{
    // Legacy GCM, excluded by its tags and expired: the format explains it first.
    DiagnosisFacts facts;
    facts.send = DiagnosisSend {};
    facts.send->format = Format::FcmV1;
    facts.send->tagExpression = u"sports"_s;
    facts.expression = *TagExpression::parse(u"sports"_s);
    Registration r = reg(Platform::Gcm, u"gcm-APA91b"_s, {u"news"_s});
    r.expirationTime = facts.now.addDays(-1);
    facts.registrations = {r};
    DiagnosisReport report;
    for (DiagnosisCheckId id : allDiagnosisChecks())
        report.checks.append(DiagnosisChecks::run(id, facts));
    QCOMPARE(report.check(DiagnosisCheckId::PlatformFormat)->verdict, DiagnosisVerdict::Problem);
    QCOMPARE(report.check(DiagnosisCheckId::Tags)->verdict, DiagnosisVerdict::Problem);
    QCOMPARE(report.check(DiagnosisCheckId::Expiry)->verdict, DiagnosisVerdict::Problem);
    QVERIFY(report.likelyCause());
    QCOMPARE(report.likelyCause()->id, DiagnosisCheckId::PlatformFormat);
    QVERIFY(report.verdictLine().startsWith(u"Most likely cause: The send is FCM v1"_s));
    QVERIFY(report.verdictLine().contains(u"Fix: "_s));

    // Not registered at all outranks everything.
    facts.registrations.clear();
    report.checks.clear();
    for (DiagnosisCheckId id : allDiagnosisChecks())
        report.checks.append(DiagnosisChecks::run(id, facts));
    QCOMPARE(report.likelyCause()->id, DiagnosisCheckId::Registered);
}

void TestDiagnosis::warningsNeverOutrankProblems()
{
    // An expiring registration (warning) and a template missing a property (problem).
    DiagnosisFacts facts;
    facts.send = DiagnosisSend {};
    facts.send->format = Format::Template;
    facts.send->properties = {{u"title"_s, u"Hi"_s}};
    Registration r = reg(Platform::FcmV1, u"fcm:APA91b"_s, {});
    r.isTemplate = true;
    r.bodyTemplate = uR"j({"message":{"notification":{"title":"$(title)","body":"$(text)"}}})j"_s;
    r.expirationTime = facts.now.addDays(2);
    facts.registrations = {r};
    DiagnosisReport report;
    for (DiagnosisCheckId id : allDiagnosisChecks())
        report.checks.append(DiagnosisChecks::run(id, facts));
    QCOMPARE(report.check(DiagnosisCheckId::Expiry)->verdict, DiagnosisVerdict::Warning);
    QCOMPARE(report.check(DiagnosisCheckId::Template)->verdict, DiagnosisVerdict::Problem);
    QCOMPARE(report.likelyCause()->id, DiagnosisCheckId::Template);
    QVERIFY(report.check(DiagnosisCheckId::Template)->summary.contains(u"$(text)"_s));
}

void TestDiagnosis::nativeAndTemplateBothMatching()
{
    DiagnosisFacts facts;
    facts.send = DiagnosisSend {};
    facts.send->format = Format::Apple;
    facts.send->tagExpression = u"sports"_s;
    facts.expression = *TagExpression::parse(u"sports"_s);
    Registration n = reg(Platform::Apple, u"ABCDEF0123456789ABCDEF0123456789"_s, {u"sports"_s});
    Registration t = n;
    t.registrationId = u"reg-template"_s;
    t.isTemplate = true;
    t.bodyTemplate = uR"j({"aps":{"alert":"$(text)"}})j"_s;
    facts.registrations = {n, t};
    const DiagnosisCheck c = DiagnosisChecks::duplicates(facts);
    QCOMPARE(c.verdict, DiagnosisVerdict::Warning);
    QCOMPARE(c.registrationIds.size(), 2);

    // Made from one installation, both kinds are by design.
    n.tags.append(u"$InstallationId:{i1}"_s);
    t.tags.append(u"$InstallationId:{i1}"_s);
    facts.registrations = {n, t};
    QCOMPARE(DiagnosisChecks::duplicates(facts).verdict, DiagnosisVerdict::Ok);
}

void TestDiagnosis::noSendLeavesTagsUntold()
{
    DiagnosisFacts facts;
    facts.registrations = {reg(Platform::FcmV1, u"fcm:APA91b"_s, {u"sports"_s})};
    QCOMPARE(DiagnosisChecks::tags(facts).verdict, DiagnosisVerdict::CannotTell);
    QCOMPARE(DiagnosisChecks::platformFormat(facts).verdict, DiagnosisVerdict::Ok);
    QCOMPARE(DiagnosisChecks::templates(facts).verdict, DiagnosisVerdict::Ok);
    QCOMPARE(DiagnosisChecks::testSend(facts).verdict, DiagnosisVerdict::Pending);
    facts.registrations.first().platform = Platform::Gcm;
    QCOMPARE(DiagnosisChecks::platformFormat(facts).verdict, DiagnosisVerdict::Problem);
}

QTEST_GUILESS_MAIN(TestDiagnosis)
#include "tst_diagnosis.moc"
