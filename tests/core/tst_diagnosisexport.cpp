// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The diagnosis exports (issue #19): Markdown for a support ticket and the documented JSON form,
// from a report built by hand that holds every kind of secret a report can hold, in the
// evidence and copied into the checks' texts. None of them may come out.

#include "common/redaction.h"
#include "diagnosis/diagnosisexport.h"
#include "protocol/hubdescription.h"
#include "protocol/sastoken.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Nh;

namespace {

const QDateTime kT0 = QDateTime(QDate(2026, 3, 1), QTime(12, 0, 0, 123), Qt::UTC);
const QByteArray kLiveSig = "bGl2ZS1zaWduYXR1cmU%3d"_ba;
const QString kDecodedSig = u"bGl2ZS1zaWduYXR1cmU="_s;
const QByteArray kLiveToken = "SharedAccessSignature sr=https%3a%2f%2fns.servicebus.windows.net%2f"
                              "myhub&sig="_ba
    + kLiveSig + "&se=1772366400&skn=DefaultFullSharedAccessSignature"_ba;
// tests/data/hubs/every-credential.xml: every secret value in it starts with this.
constexpr auto kSecretMark = "S3c"_L1;
const QString kAccountKey = u"QWNjb3VudEtleUFjY291bnRLZXlBY2NvdW50S2V5MDA="_s;
const QUuid kRegsId = QUuid::fromString(u"11111111-2222-4333-8444-555555555555"_s);
const QUuid kHubId = QUuid::fromString(u"66666666-7777-4888-8999-aaaaaaaaaaaa"_s);

QByteArray everyCredential()
{
    QFile file(QString::fromUtf8(NH_TEST_DATA_DIR) + u"/hubs/every-credential.xml"_s);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

/** Live secrets everywhere: a SAS header and token, a hub description, texts that copy them. */
DiagnosisReport secretReport()
{
    DiagnosisReport report;
    report.hub = u"myhub"_s;
    report.profileName = u"Staging"_s;
    report.subject.kind = DiagnosisSubject::Kind::Handle;
    report.subject.value = u"fcm-token-frank-twice-xR7:APA91bQ2x"_s;
    report.subject.platform = Platform::FcmV1;
    DiagnosisSend send;
    send.format = Format::FcmV1;
    send.tagExpression = u"sports || politics"_s;
    send.headers = {{"Authorization", kLiveToken}, {"apns-push-type", "alert"}};
    report.send = send;
    report.started = kT0;
    report.finished = kT0.addMSecs(250);

    Exchange regs;
    regs.id = kRegsId;
    regs.operation = u"registrations.byChannel"_s;
    regs.hub = u"myhub"_s;
    regs.started = kT0;
    regs.method = "GET";
    regs.url = QUrl(u"https://ns.servicebus.windows.net/myhub/registrations/"
                    "?$filter=PnsHandle%20eq%20'fcm-token-frank-twice-xR7:APA91bQ2x'"
                    "&api-version=2020-06"_s);
    // As a careless caller might hand it over: the live token in the headers.
    regs.requestHeaders = {{"Authorization", kLiveToken}, {"x-ms-version", "2020-06"}};
    regs.authorization = QString::fromLatin1(kLiveToken);
    auto token = Sas::decode(QString::fromLatin1(kLiveToken));
    if (token)
        regs.token = *token;
    regs.status = 200;
    regs.result = ExchangeResult::Success;
    regs.responseBody = "<feed>Endpoint=sb://ns/;SharedAccessKeyName=x;SharedAccessKey="_ba
        + kAccountKey.toUtf8() + "</feed>"_ba;

    Exchange hub;
    hub.id = kHubId;
    hub.operation = u"hub.get"_s;
    hub.hub = u"myhub"_s;
    hub.started = kT0.addMSecs(100);
    hub.method = "GET";
    hub.url = QUrl(u"https://ns.servicebus.windows.net/myhub?api-version=2020-06&sig="_s
                   + QString::fromLatin1(kLiveSig));
    hub.requestHeaders = {{"Authorization", kLiveToken}};
    hub.status = 200;
    hub.result = ExchangeResult::Success;
    hub.responseBody = everyCredential();
    if (auto d = parseHubDescription(hub.responseBody))
        hub.hubDescription = *d;
    report.exchanges = {regs, hub};

    Registration r1;
    r1.registrationId = u"123-456-1"_s;
    r1.platform = Platform::FcmV1;
    r1.handle = report.subject.value;
    r1.tags = {u"sports"_s, u"user:frank"_s};
    Registration r2 = r1;
    r2.registrationId = u"123-456-2"_s;
    Registration browser;
    browser.registrationId = u"123-456-3"_s;
    browser.platform = Platform::Browser;
    browser.handle = u"https://fcm.googleapis.com/fcm/send/x"_s;
    browser.p256dh = u"BPublicKey"_s;
    browser.auth = u"S3c-browser-auth-secret"_s;
    report.registrations = {r1, r2, browser};

    for (DiagnosisCheckId id : allDiagnosisChecks()) {
        DiagnosisCheck c;
        c.id = id;
        c.verdict = DiagnosisVerdict::Ok;
        c.summary = u"Nothing wrong here."_s;
        report.checks << c;
    }
    DiagnosisCheck *dup = report.check(DiagnosisCheckId::Duplicates);
    dup->verdict = DiagnosisVerdict::Problem;
    dup->weight = 80;
    dup->summary = u"The handle is in 2 registrations | both reached."_s;
    dup->details = {u"123-456-1: sports, user:frank"_s, u"123-456-2: sports, user:frank"_s,
                    // secrets copied into free text, as a careless check might
                    u"rule key S3c-full-primary-key-00000000000000000000= was used"_s,
                    u"signature "_s + kDecodedSig,
                    u"WNS secret S3c-wns-secret, connection SharedAccessKey="_s + kAccountKey};
    dup->nextStep = u"Delete 123-456-2 and keep one registration per device."_s;
    dup->evidence = {kRegsId};
    dup->registrationIds = {u"123-456-1"_s, u"123-456-2"_s};
    DiagnosisCheck *hubCheck = report.check(DiagnosisCheckId::HubConfiguration);
    hubCheck->verdict = DiagnosisVerdict::Warning;
    hubCheck->weight = 10;
    hubCheck->summary = u"The FCM v1 key S3c-----BEGIN PRIVATE KEY-----\n"
                        "MIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----\n is set."_s;
    hubCheck->evidence = {kHubId};
    DiagnosisCheck *tpl = report.check(DiagnosisCheckId::Template);
    tpl->rendered.insert(u"123-456-1"_s,
                         "{\"message\":{\"data\":{\"u\":\"x?sig="_ba + kLiveSig + "\"}}}"_ba);
    report.check(DiagnosisCheckId::TestSend)->verdict = DiagnosisVerdict::Pending;
    return report;
}

} // namespace

class TestDiagnosisExport : public QObject
{
    Q_OBJECT

private slots:
    void fixtureHoldsTheSecrets();
    void markdownHasNoSecret();
    void jsonHasNoSecret();
    void markdownShape();
    void jsonShape();
    void emptyReport();
};

void TestDiagnosisExport::fixtureHoldsTheSecrets()
{
    // The test is only worth something if the report really holds them.
    const DiagnosisReport r = secretReport();
    QVERIFY(r.exchanges.at(1).responseBody.contains("S3c-full-primary-key"));
    QVERIFY(r.exchanges.at(1).hubDescription.has_value());
    QVERIFY(r.exchanges.at(0).token.has_value());
    QVERIFY(r.check(DiagnosisCheckId::Duplicates)->details.join(u' ').contains(kDecodedSig));
}

void TestDiagnosisExport::markdownHasNoSecret()
{
    const QString md = QString::fromUtf8(DiagnosisExport::toMarkdown(secretReport()));
    for (const QString &secret :
         {QString(kSecretMark), QString::fromLatin1(kLiveSig), kDecodedSig, kAccountKey})
        QVERIFY2(!md.contains(secret, Qt::CaseInsensitive), qPrintable(secret + u"\n"_s + md));
    QVERIFY(md.contains(kRedacted));
    // The token's readable parts stay.
    QVERIFY2(md.contains(u"skn=DefaultFullSharedAccessSignature"_s), qPrintable(md));
}

void TestDiagnosisExport::jsonHasNoSecret()
{
    const QByteArray json =
        QJsonDocument(DiagnosisExport::toJson(secretReport())).toJson(QJsonDocument::Compact);
    const QString text = QString::fromUtf8(json);
    for (const QString &secret :
         {QString(kSecretMark), QString::fromLatin1(kLiveSig), kDecodedSig, kAccountKey})
        QVERIFY2(!text.contains(secret, Qt::CaseInsensitive), qPrintable(secret + u"\n"_s + text));
    // Bodies are kept, redacted: the public parts of the hub description are there.
    QVERIFY(text.contains(u"DefaultListenSharedAccessSignature"_s));
    QVERIFY(text.contains(u"example-project"_s));
}

void TestDiagnosisExport::markdownShape()
{
    const QString md = QString::fromUtf8(DiagnosisExport::toMarkdown(secretReport()));
    const QStringList lines = md.split(u'\n');
    QVERIFY2(lines.first().startsWith(u"# "_s), qPrintable(md));
    QVERIFY(lines.first().contains(u"myhub"_s));
    QVERIFY(lines.first().contains(u"Handle fcm-token-fr"_s));
    // The verdict line comes next, naming the problem and its fix.
    QVERIFY2(lines.at(2).contains(u"Most likely cause: The handle is in 2 registrations"_s),
             qPrintable(lines.at(2)));
    QVERIFY(lines.at(2).contains(u"Fix: Delete 123-456-2"_s));
    // One table row per check with its verdict; a pipe in a summary does not break the table.
    QVERIFY2(md.contains(u"| 2 | Duplicate registrations | Problem | The handle is in 2 "
                         "registrations \\| both reached. |"_s),
             qPrintable(md));
    QVERIFY(md.contains(u"| 7 | Hub configuration | Warning |"_s));
    QVERIFY(md.contains(u"| 8 | Test send to this device | Pending |"_s));
    // Details, next step, evidence as method + path + status.
    QVERIFY(md.contains(u"- 123-456-1: sports, user:frank\n"_s));
    QVERIFY(md.contains(u"**Next step:** Delete 123-456-2"_s));
    QVERIFY2(md.contains(u"- `GET /myhub/registrations/?$filter=PnsHandle eq "
                         "'fcm-token-frank-twice-xR7:APA91bQ2x'&api-version=2020-06` 200"_s),
             qPrintable(md));
    // The requests with their headers, the token's signature redacted.
    QVERIFY(md.contains(u"## Requests"_s));
    QVERIFY2(md.contains(u"Authorization: SharedAccessSignature sr="_s), qPrintable(md));
    QVERIFY(md.contains(u"## Registrations"_s));
    QVERIFY(md.contains(u"| 123-456-2 | fcmv1 |"_s));
}

void TestDiagnosisExport::jsonShape()
{
    const QJsonObject o = DiagnosisExport::toJson(secretReport());
    QCOMPARE(o.value(u"version"_s).toInt(), DiagnosisExport::kJsonVersion);
    QCOMPARE(o.value(u"hub"_s).toString(), u"myhub"_s);
    QCOMPARE(o.value(u"subject"_s)[u"kind"_s].toString(), u"handle"_s);
    QCOMPARE(o.value(u"subject"_s)[u"platform"_s].toString(), u"fcmv1"_s);
    QCOMPARE(o.value(u"send"_s)[u"format"_s].toString(), u"fcmv1"_s);
    QCOMPARE(o.value(u"send"_s)[u"tags"_s].toString(), u"sports || politics"_s);
    QCOMPARE(o.value(u"likelyCause"_s).toString(), u"duplicates"_s);
    QCOMPARE(o.value(u"verdict"_s).toString(), u"problem"_s);
    QCOMPARE(o.value(u"requests"_s).toInt(), 2);
    const QJsonArray checks = o.value(u"checks"_s).toArray();
    QCOMPARE(checks.size(), allDiagnosisChecks().size());
    const QJsonObject dup = checks.at(1).toObject();
    QCOMPARE(dup.value(u"key"_s).toString(), u"duplicates"_s);
    QCOMPARE(dup.value(u"verdict"_s).toString(), u"problem"_s);
    QCOMPARE(dup.value(u"details"_s).toArray().size(), 5);
    QCOMPARE(dup.value(u"nextStep"_s).toString(),
             u"Delete 123-456-2 and keep one registration per device."_s);
    QCOMPARE(dup.value(u"evidence"_s).toArray().first().toString(),
             kRegsId.toString(QUuid::WithoutBraces));
    const QJsonArray exchanges = o.value(u"exchanges"_s).toArray();
    QCOMPARE(exchanges.size(), 2);
    QCOMPARE(exchanges.first()[u"id"_s].toString(), kRegsId.toString(QUuid::WithoutBraces));
    QCOMPARE(exchanges.first()[u"method"_s].toString(), u"GET"_s);
    QCOMPARE(exchanges.first()[u"status"_s].toInt(), 200);
    const QJsonArray regs = o.value(u"registrations"_s).toArray();
    QCOMPARE(regs.size(), 3);
    QCOMPARE(regs.at(2)[u"auth"_s].toString(), kRedacted.toString());
    QCOMPARE(regs.at(2)[u"p256dh"_s].toString(), u"BPublicKey"_s);
    QVERIFY(o.value(u"installation"_s).isNull());
}

void TestDiagnosisExport::emptyReport()
{
    // A report without a send, evidence or checks still exports.
    DiagnosisReport r;
    r.hub = u"h"_s;
    r.subject.kind = DiagnosisSubject::Kind::Installation;
    r.subject.value = u"inst-1"_s;
    const QJsonObject o = DiagnosisExport::toJson(r);
    QVERIFY(o.value(u"send"_s).isNull());
    QVERIFY(o.value(u"likelyCause"_s).isNull());
    const QString md = QString::fromUtf8(DiagnosisExport::toMarkdown(r));
    QVERIFY2(md.startsWith(u"# Diagnosis: Installation inst-1 on hub h\n"_s), qPrintable(md));
}

QTEST_GUILESS_MAIN(TestDiagnosisExport)
#include "tst_diagnosisexport.moc"
