// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Exports of exchanges (curl, JSON, HAR 1.2) and the comparison of two exchanges. The curl
// scripts are run by /bin/sh against a stand-in curl that records its arguments byte for byte.

#include "common/redaction.h"
#include "protocol/notificationoutcome.h"
#include "store/exchangediff.h"
#include "store/exchangeexport.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Nh;

namespace {

const QDateTime kT0 = QDateTime(QDate(2026, 3, 1), QTime(12, 0, 0, 123), Qt::UTC);
const QByteArray kLiveSig = "bGl2ZS1zaWduYXR1cmU%3d"_ba;
const QByteArray kLiveToken = "SharedAccessSignature sr=https%3a%2f%2fns.servicebus.windows.net%2f"
                              "myhub&sig="_ba
    + kLiveSig + "&se=1772366400&skn=DefaultFullSharedAccessSignature"_ba;

/** A test send as HubClient records it, with the live token still in the exchange. */
HistoryRecord testSend()
{
    HistoryRecord r;
    Exchange &e = r.exchange;
    e.id = QUuid::fromString(u"0b6b8a5e-5b0b-4b6e-9a57-5c4c1e0d2a11"_s);
    e.operation = u"send.test"_s;
    e.hub = u"myhub"_s;
    e.started = kT0;
    e.method = "POST";
    e.url = QUrl(u"https://ns.servicebus.windows.net/myhub/messages?api-version=2020-06&test"_s);
    e.requestHeaders = {{"Authorization", kLiveToken},
                        {"x-ms-version", "2020-06"},
                        {"ServiceBusNotification-Format", "apple"},
                        {"ServiceBusNotification-Tags", "sports"},
                        {"Content-Type", "application/json;charset=utf-8"}};
    e.authorization = QString::fromLatin1(kLiveToken);
    e.requestBody = "{\"aps\":{\"alert\":\"it's on\"}}";
    e.status = 201;
    e.reasonPhrase = "Created";
    e.responseHeaders = {{"Content-Type", "application/xml; charset=utf-8"},
                         {"TrackingId", "t-1"},
                         {"Date", "Sun, 01 Mar 2026 12:00:00 GMT"}};
    NotificationOutcome o;
    o.success = 1;
    o.failure = 1;
    o.results = {{u"apple"_s, u"AA"_s, u"reg-1"_s, QString(kOutcomeSuccess)},
                 {u"apple"_s, u"BB"_s, u"reg-2"_s, QString(kOutcomeInvalidHandle)}};
    e.responseBody = notificationOutcomeXml(o);
    e.outcome = o;
    e.result = ExchangeResult::Success;
    e.timeToFirstByteMs = 30;
    e.totalMs = 45;
    r.context.profileName = u"Staging"_s;
    r.label = u"before fix"_s;
    return r;
}

HistoryRecord neverSent()
{
    HistoryRecord r;
    r.exchange.operation = u"send"_s;
    r.exchange.started = kT0;
    r.exchange.result = ExchangeResult::Invalid;
    r.exchange.errorSentence = u"The tag expression is empty"_s;
    return r;
}

QByteArray allText(const QString &s)
{
    return s.toUtf8();
}

} // namespace

class TestExchangeExport final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void curlCommand();
    void curlFreshToken();
    void curlNeverSent();
    void curlRunsInSh_data();
    void curlRunsInSh();
    void curlScriptNeedsToken();
    void curlTrustsCertificate();
    void exportFormats_data();
    void exportFormats();
    void json();
    void har();
    void harTransportError();
    void exportsHoldNoSecret();
    void exportsHoldNoHubSecret();
    void diffText_data();
    void diffText();
    void normalizedBody_data();
    void normalizedBody();
    void diffExchanges();
    void diffOutcomeLineByLine();

private:
    QTemporaryDir m_dir;
};

void TestExchangeExport::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // A stand-in curl: every argument NUL-terminated into args, standard input into stdin.
    QFile fake(m_dir.filePath(u"curl"_s));
    QVERIFY(fake.open(QIODevice::WriteOnly));
    fake.write("#!/bin/sh\n"
               ": > \"$OUT/stdin\"\n"
               "for a in \"$@\"; do printf '%s\\0' \"$a\"; "
               "if [ \"$a\" = \"@-\" ]; then cat > \"$OUT/stdin\"; fi; done > \"$OUT/args\"\n");
    fake.close();
    QVERIFY(fake.setPermissions(fake.permissions() | QFileDevice::ExeOwner));
}

void TestExchangeExport::curlCommand()
{
    auto curl = exchangeToCurl(testSend());
    QVERIFY(curl);
    QCOMPARE(
        curl.value(),
        u"curl 'https://ns.servicebus.windows.net/myhub/messages?api-version=2020-06&test' \\\n"
        "  -H \"Authorization: ${NH_SAS_TOKEN}\" \\\n"
        "  -H 'x-ms-version: 2020-06' \\\n"
        "  -H 'ServiceBusNotification-Format: apple' \\\n"
        "  -H 'ServiceBusNotification-Tags: sports' \\\n"
        "  -H 'Content-Type: application/json;charset=utf-8' \\\n"
        "  --data-binary '{\"aps\":{\"alert\":\"it'\\''s on\"}}'"_s);

    HistoryRecord del = testSend();
    del.exchange.method = "DELETE";
    del.exchange.requestBody.clear();
    del.exchange.requestHeaders = {{"If-Match", "*"}};
    QCOMPARE(exchangeToCurl(del).value(),
             u"curl -X DELETE "
             u"'https://ns.servicebus.windows.net/myhub/messages?api-version=2020-06&test' \\\n"
             "  -H 'If-Match: *'"_s);

    CurlOptions other;
    other.tokenVariable = u"SAS"_s;
    QVERIFY(exchangeToCurl(testSend(), other).value().contains(u"-H \"Authorization: ${SAS}\""_s));
}

void TestExchangeExport::curlFreshToken()
{
    CurlOptions options;
    HistoryRecord seen;
    options.freshAuthorization = [&seen](const HistoryRecord &r) {
        seen = r;
        return u"SharedAccessSignature sr=x&sig=FRESH&se=9&skn=k"_s;
    };
    const QString curl = exchangeToCurl(testSend(), options).value();
    QVERIFY2(
        curl.contains(u"-H 'Authorization: SharedAccessSignature sr=x&sig=FRESH&se=9&skn=k'"_s),
        qPrintable(curl));
    QVERIFY(!curl.contains(u"NH_SAS_TOKEN"_s));
    // The callback sees the redacted record only.
    QVERIFY(seen.exchange.authorization.isEmpty());
    QVERIFY(headerValue(seen.exchange.requestHeaders, "Authorization")->contains("sig=[redacted]"));
    QCOMPARE(seen.exchange.url, testSend().exchange.url);
    // A script with tokens says it is a secret; one with the placeholder says it holds none.
    const QString script = exchangesToCurlScript({testSend()}, options).value();
    QVERIFY2(script.contains(u"Keep this file private"_s), qPrintable(script));
    QVERIFY(!script.contains(u"no secret"_s));
    QVERIFY(exchangesToCurlScript({testSend()}).value().contains(u"They hold no secret."_s));
}

void TestExchangeExport::curlNeverSent()
{
    auto curl = exchangeToCurl(neverSent());
    QVERIFY(!curl);
    QCOMPARE(curl.error().code, ErrorCode::MissingField);
    QVERIFY2(curl.error().message.contains(u"never sent"_s), qPrintable(curl.error().message));
    QVERIFY(curl.error().message.contains(u"2026-03-01T12:00:00.123Z"_s));
}

void TestExchangeExport::curlRunsInSh_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("url");
    QTest::addColumn<HttpHeaders>("headers");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QList<QByteArray>>("args");

    const QByteArray url = "https://ns/myhub/messages?api-version=2020-06&test"_ba;
    QTest::newRow("quotes, dollars, backticks")
        << "POST"_ba << url << HttpHeaders {{"Content-Type", "application/json"}}
        << "{\"a\":\"it's $HOME `id` \\\"q\\\" \\\\n\"}"_ba
        << QList<QByteArray> {url, "-H", "Content-Type: application/json", "--data-binary",
                              "{\"a\":\"it's $HOME `id` \\\"q\\\" \\\\n\"}"};
    QTest::newRow("UTF-8 and line breaks")
        << "PUT"_ba << url << HttpHeaders {{"X-Name", "Zoë ✓"}} << "line 1\nline 2\r\n\ttab\n"_ba
        << QList<QByteArray> {"-X",
                              "PUT",
                              url,
                              "-H",
                              "X-Name: Zoë ✓",
                              "--data-binary",
                              "line 1\nline 2\r\n\ttab\n"};
    QTest::newRow("binary body through printf")
        << "POST"_ba << url << HttpHeaders() << QByteArray("\x00\xff%s\\n\x01'end\n\n", 13)
        << QList<QByteArray> {url, "--data-binary", "@-"};
    QTest::newRow("header not UTF-8")
        << "GET"_ba << url << HttpHeaders {{"X-Latin", "caf\xe9"}} << QByteArray()
        << QList<QByteArray> {url, "-H", "X-Latin: caf\xe9"};
    QTest::newRow("encoded URL")
        << "GET"_ba
        << "https://ns/myhub/tags/a%20b%27c/registrations?api-version=2020-06&$top=5"_ba
        << HttpHeaders() << QByteArray()
        << QList<QByteArray> {
               "https://ns/myhub/tags/a%20b%27c/registrations?api-version=2020-06&$top=5"};
}

void TestExchangeExport::curlRunsInSh()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, url);
    QFETCH(HttpHeaders, headers);
    QFETCH(QByteArray, body);
    QFETCH(QList<QByteArray>, args);

    HistoryRecord r;
    r.exchange.operation = u"send"_s;
    r.exchange.hub = u"myhub"_s;
    r.exchange.started = kT0;
    r.exchange.method = method;
    r.exchange.url = QUrl::fromEncoded(url);
    r.exchange.requestHeaders = headers;
    r.exchange.requestHeaders.prepend({"Authorization", kLiveToken});
    r.exchange.requestBody = body;
    auto script = exchangesToCurlScript({r});
    QVERIFY(script);
    const QString path = m_dir.filePath(u"run.sh"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(script->toUtf8());
    file.close();

    QProcess sh;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"PATH"_s, m_dir.path() + u':' + env.value(u"PATH"_s));
    env.insert(u"OUT"_s, m_dir.path());
    env.insert(u"NH_SAS_TOKEN"_s, u"SharedAccessSignature sr=a&sig=b&se=1&skn=c"_s);
    sh.setProcessEnvironment(env);
    sh.start(u"/bin/sh"_s, {path});
    QVERIFY(sh.waitForFinished(10000));
    QVERIFY2(sh.exitCode() == 0, sh.readAllStandardError().constData());

    QFile argsFile(m_dir.filePath(u"args"_s));
    QVERIFY(argsFile.open(QIODevice::ReadOnly));
    QList<QByteArray> got = argsFile.readAll().split('\0');
    QCOMPARE(got.takeLast(), QByteArray()); // after the last terminator
    // The Authorization header comes from the variable, whatever it was.
    QList<QByteArray> want = args;
    const qsizetype urlAt = want.indexOf(url);
    want.insert(urlAt + 1, "Authorization: SharedAccessSignature sr=a&sig=b&se=1&skn=c");
    want.insert(urlAt + 1, "-H");
    QCOMPARE(got, want);
    QFile input(m_dir.filePath(u"stdin"_s));
    QVERIFY(input.open(QIODevice::ReadOnly));
    QCOMPARE(input.readAll(), args.contains("@-") ? body : QByteArray());
}

void TestExchangeExport::curlScriptNeedsToken()
{
    auto script = exchangesToCurlScript({testSend(), neverSent(), testSend()});
    QVERIFY(script);
    QCOMPARE(script.warnings().size(), 1);
    QVERIFY(script.warnings().first().message.contains(u"never sent"_s));
    QCOMPARE(script->count(u"\ncurl "_s), 2);
    QVERIFY2(
        script->contains(
            u"# 2026-03-01T12:00:00.123Z send.test → 201 success (profile Staging): before fix\n"_s),
        qPrintable(script.value()));
    const QString path = m_dir.filePath(u"notoken.sh"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(script->toUtf8());
    file.close();
    QProcess sh;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(u"NH_SAS_TOKEN"_s);
    env.insert(u"PATH"_s, m_dir.path() + u':' + env.value(u"PATH"_s));
    env.insert(u"OUT"_s, m_dir.path());
    QFile::remove(m_dir.filePath(u"args"_s));
    sh.setProcessEnvironment(env);
    sh.start(u"/bin/sh"_s, {path});
    QVERIFY(sh.waitForFinished(10000));
    QVERIFY(sh.exitCode() != 0);
    QVERIFY2(sh.readAllStandardError().contains("NH_SAS_TOKEN"), "the message names the variable");
    QVERIFY2(!QFile::exists(m_dir.filePath(u"args"_s)), "curl ran without a token");
}

void TestExchangeExport::curlTrustsCertificate()
{
    // Asked per record: only the exchange with the emulator's address gets the certificate.
    HistoryRecord emulator = testSend();
    emulator.exchange.url =
        QUrl(u"https://127.0.0.1:44847/myHub/messages/?api-version=2020-06&test"_s);
    CurlOptions options;
    options.caCertificate = [](const HistoryRecord &r) {
        return r.exchange.url.port() == 44847 ? u"/tmp/it's here/emulator.pem"_s : QString();
    };
    const auto curl = exchangeToCurl(emulator, options);
    QVERIFY(curl);
    // Before the URL, quoted as one word whatever the path holds.
    QVERIFY2(curl->startsWith(u"curl --cacert '/tmp/it'\\''s here/emulator.pem' 'https://"_s),
             qPrintable(curl.value()));
    QVERIFY(!exchangeToCurl(testSend(), options)->contains(u"--cacert"_s));
    QVERIFY(!exchangeToCurl(emulator)->contains(u"--cacert"_s));
    const QString script = exchangesToCurlScript({testSend(), emulator}, options).value();
    QCOMPARE(script.count(u"--cacert"_s), 1);

    // The lookup for a CA file: loopback hosts only, the path made absolute.
    for (const QString &host :
         {u"localhost"_s, u"LOCALHOST"_s, u"127.0.0.1"_s, u"127.8.9.10"_s, u"::1"_s})
        QVERIFY2(isLoopbackHost(host), qPrintable(host));
    for (const QString &host : {u"ns.servicebus.windows.net"_s, u"10.0.0.1"_s,
                                u"127.0.0.1.nip.io"_s, u"localhost.example"_s, QString()})
        QVERIFY2(!isLoopbackHost(host), qPrintable(host));
    QVERIFY(!loopbackCertificate(QString()));
    const auto lookup = loopbackCertificate(u"ca.pem"_s);
    QCOMPARE(lookup(emulator), QDir::current().absoluteFilePath(u"ca.pem"_s));
    QCOMPARE(lookup(testSend()), QString());
}

void TestExchangeExport::exportFormats_data()
{
    QTest::addColumn<int>("format");
    QTest::addColumn<QString>("suffix");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("curl") << int(ExportFormat::Curl) << u".sh"_s
                          << exchangesToCurlScript({testSend(), neverSent()})->toUtf8();
    QTest::newRow("json") << int(ExportFormat::Json) << u".json"_s << QByteArray();
    QTest::newRow("har") << int(ExportFormat::Har) << u".har"_s
                         << *exchangesToHar({testSend(), neverSent()});
}

void TestExchangeExport::exportFormats()
{
    QFETCH(int, format);
    QFETCH(QString, suffix);
    QFETCH(QByteArray, expected);
    const auto kind = ExportFormat(format);
    QCOMPARE(exportSuffix(kind), suffix);
    const auto data = exportExchanges({testSend(), neverSent()}, kind);
    QVERIFY(data);
    if (kind == ExportFormat::Json) {
        // Its "exported" time differs from a second call's, and so does the id given to an
        // exchange that never had one; the sent exchange does not.
        const QJsonObject got = QJsonDocument::fromJson(*data).object();
        const QJsonObject want =
            QJsonDocument::fromJson(exchangesToJson({testSend(), neverSent()})).object();
        const QJsonArray gotList = got.value(u"exchanges"_s).toArray();
        QCOMPARE(gotList.size(), 2); // JSON keeps what was never sent: it is history, not replay
        QCOMPARE(gotList.first(), want.value(u"exchanges"_s).toArray().first());
        QVERIFY(data.warnings().isEmpty());
    } else {
        QCOMPARE(*data, expected);
        // The exchange that was never sent is left out, with a warning.
        QCOMPARE(data.warnings().size(), 1);
    }
}

void TestExchangeExport::json()
{
    HistoryRecord binary = testSend();
    binary.exchange.responseBody = QByteArray("\xff\xfe\x00x", 4);
    binary.exchange.outcome.reset();
    const QJsonDocument doc = QJsonDocument::fromJson(exchangesToJson({testSend(), binary}));
    const QJsonObject root = doc.object();
    QCOMPARE(root.value(u"format"_s).toString(), u"nhconsole-history"_s);
    QCOMPARE(root.value(u"version"_s).toInt(), 1);
    const QJsonArray list = root.value(u"exchanges"_s).toArray();
    QCOMPARE(list.size(), 2);
    const QJsonObject e = list.at(0).toObject();
    QCOMPARE(e.value(u"id"_s).toString(), u"0b6b8a5e-5b0b-4b6e-9a57-5c4c1e0d2a11"_s);
    QCOMPARE(e.value(u"started"_s).toString(), u"2026-03-01T12:00:00.123Z"_s);
    QCOMPARE(e.value(u"operation"_s).toString(), u"send.test"_s);
    QCOMPARE(e.value(u"profile"_s).toObject().value(u"name"_s).toString(), u"Staging"_s);
    QCOMPARE(e.value(u"target"_s).toString(), u"sports"_s);
    QCOMPARE(e.value(u"tags"_s).toArray(), QJsonArray {u"sports"_s});
    QCOMPARE(e.value(u"format"_s).toString(), u"apple"_s);
    QCOMPARE(e.value(u"result"_s).toString(), u"success"_s);
    QCOMPARE(e.value(u"status"_s).toString(), u"failure"_s);
    QCOMPARE(e.value(u"label"_s).toString(), u"before fix"_s);
    const QJsonObject request = e.value(u"request"_s).toObject();
    QCOMPARE(request.value(u"method"_s).toString(), u"POST"_s);
    QCOMPARE(request.value(u"body"_s).toString(), u"{\"aps\":{\"alert\":\"it's on\"}}"_s);
    const QJsonArray headers = request.value(u"headers"_s).toArray();
    QCOMPARE(headers.size(), 5);
    QCOMPARE(headers.at(0).toObject().value(u"name"_s).toString(), u"Authorization"_s);
    QVERIFY(headers.at(0).toObject().value(u"value"_s).toString().contains(u"sig=[redacted]"_s));
    const QJsonObject outcome = e.value(u"outcome"_s).toObject();
    QCOMPARE(outcome.value(u"success"_s).toInt(), 1);
    QCOMPARE(outcome.value(u"failure"_s).toInt(), 1);
    QCOMPARE(outcome.value(u"results"_s).toArray().at(1).toObject().value(u"registrationId"_s),
             u"reg-2"_s);
    const QJsonObject response = list.at(1).toObject().value(u"response"_s).toObject();
    QCOMPARE(response.value(u"bodyEncoding"_s).toString(), u"base64"_s);
    QCOMPARE(QByteArray::fromBase64(response.value(u"body"_s).toString().toLatin1()),
             QByteArray("\xff\xfe\x00x", 4));
    QVERIFY(!list.at(1).toObject().contains(u"outcome"_s));
}

void TestExchangeExport::har()
{
    HistoryRecord binary = testSend();
    binary.exchange.responseBody = QByteArray("\x89PNG\x00", 5);
    auto har = exchangesToHar({testSend(), neverSent(), binary});
    QVERIFY(har);
    QCOMPARE(har.warnings().size(), 1);
    QJsonParseError error;
    const QJsonObject log =
        QJsonDocument::fromJson(har.value(), &error).object().value(u"log"_s).toObject();
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(log.value(u"version"_s).toString(), u"1.2"_s);
    QCOMPARE(log.value(u"creator"_s).toObject().value(u"name"_s).toString(), u"nhconsole"_s);
    QVERIFY(!log.value(u"creator"_s).toObject().value(u"version"_s).toString().isEmpty());
    const QJsonArray entries = log.value(u"entries"_s).toArray();
    QCOMPARE(entries.size(), 2);

    const QJsonObject entry = entries.at(0).toObject();
    for (const QString &key :
         {u"startedDateTime"_s, u"time"_s, u"request"_s, u"response"_s, u"cache"_s, u"timings"_s})
        QVERIFY2(entry.contains(key), qPrintable(key));
    QCOMPARE(entry.value(u"startedDateTime"_s).toString(), u"2026-03-01T12:00:00.123Z"_s);
    const QJsonObject timings = entry.value(u"timings"_s).toObject();
    QCOMPARE(timings.value(u"send"_s).toInt(), 0);
    QCOMPARE(timings.value(u"wait"_s).toInt(), 30);
    QCOMPARE(timings.value(u"receive"_s).toInt(), 15);
    QCOMPARE(entry.value(u"time"_s).toInt(), 45);

    const QJsonObject request = entry.value(u"request"_s).toObject();
    for (const QString &key : {u"method"_s, u"url"_s, u"httpVersion"_s, u"cookies"_s, u"headers"_s,
                               u"queryString"_s, u"headersSize"_s, u"bodySize"_s})
        QVERIFY2(request.contains(key), qPrintable(key));
    QCOMPARE(request.value(u"method"_s).toString(), u"POST"_s);
    QCOMPARE(request.value(u"url"_s).toString(),
             u"https://ns.servicebus.windows.net/myhub/messages?api-version=2020-06&test"_s);
    QCOMPARE(request.value(u"httpVersion"_s).toString(), u"HTTP/1.1"_s);
    QCOMPARE(request.value(u"queryString"_s).toArray(),
             (QJsonArray {QJsonObject {{u"name"_s, u"api-version"_s}, {u"value"_s, u"2020-06"_s}},
                          QJsonObject {{u"name"_s, u"test"_s}, {u"value"_s, u""_s}}}));
    QCOMPARE(request.value(u"bodySize"_s).toInt(), 27);
    const QJsonObject post = request.value(u"postData"_s).toObject();
    QCOMPARE(post.value(u"mimeType"_s).toString(), u"application/json;charset=utf-8"_s);
    QCOMPARE(post.value(u"text"_s).toString(), u"{\"aps\":{\"alert\":\"it's on\"}}"_s);

    const QJsonObject response = entry.value(u"response"_s).toObject();
    for (const QString &key :
         {u"status"_s, u"statusText"_s, u"httpVersion"_s, u"cookies"_s, u"headers"_s, u"content"_s,
          u"redirectURL"_s, u"headersSize"_s, u"bodySize"_s})
        QVERIFY2(response.contains(key), qPrintable(key));
    QCOMPARE(response.value(u"status"_s).toInt(), 201);
    QCOMPARE(response.value(u"statusText"_s).toString(), u"Created"_s);
    const QJsonObject content = response.value(u"content"_s).toObject();
    QCOMPARE(content.value(u"mimeType"_s).toString(), u"application/xml; charset=utf-8"_s);
    QCOMPARE(content.value(u"size"_s).toInt(), testSend().exchange.responseBody.size());
    QCOMPARE(content.value(u"text"_s).toString().toUtf8(), testSend().exchange.responseBody);
    QVERIFY(!content.contains(u"encoding"_s));
    QCOMPARE(entry.value(u"_nhconsole"_s).toObject().value(u"operation"_s).toString(),
             u"send.test"_s);

    const QJsonObject binaryContent =
        entries.at(1).toObject().value(u"response"_s).toObject().value(u"content"_s).toObject();
    QCOMPARE(binaryContent.value(u"encoding"_s).toString(), u"base64"_s);
    QCOMPARE(binaryContent.value(u"size"_s).toInt(), 5);
    QCOMPARE(QByteArray::fromBase64(binaryContent.value(u"text"_s).toString().toLatin1()),
             QByteArray("\x89PNG\x00", 5));
}

void TestExchangeExport::harTransportError()
{
    HistoryRecord r = testSend();
    Exchange &e = r.exchange;
    e.status = 0;
    e.reasonPhrase.clear();
    e.responseHeaders.clear();
    e.responseBody.clear();
    e.outcome.reset();
    e.timeToFirstByteMs = -1;
    e.totalMs = 5000;
    e.result = ExchangeResult::Timeout;
    e.errorSentence = u"No response from ns.servicebus.windows.net in time"_s;
    const QJsonObject entry = QJsonDocument::fromJson(exchangesToHar({r}).value())
                                  .object()
                                  .value(u"log"_s)
                                  .toObject()
                                  .value(u"entries"_s)
                                  .toArray()
                                  .at(0)
                                  .toObject();
    const QJsonObject response = entry.value(u"response"_s).toObject();
    QCOMPARE(response.value(u"status"_s).toInt(), 0);
    QCOMPARE(response.value(u"bodySize"_s).toInt(), -1);
    QCOMPARE(entry.value(u"timings"_s).toObject().value(u"wait"_s).toInt(), 5000);
    QCOMPARE(entry.value(u"timings"_s).toObject().value(u"receive"_s).toInt(), 0);
    QCOMPARE(entry.value(u"time"_s).toInt(), 5000);
    QCOMPARE(entry.value(u"_error"_s).toString(), e.errorSentence);
}

void TestExchangeExport::exportsHoldNoSecret()
{
    HistoryRecord r = testSend();
    r.exchange.responseBody = "https://blob/x?sv=1&sig=" + kLiveSig + "&se=2";
    r.exchange.url = QUrl::fromEncoded("https://ns/myhub/x?api-version=1&sig=" + kLiveSig);
    const QByteArray all = allText(exchangeToCurl(r).value())
        + allText(exchangesToCurlScript({r}).value()) + exchangesToJson({r})
        + exchangesToHar({r}).value();
    QVERIFY2(!all.contains(kLiveSig), "the live signature leaked into an export");
    QVERIFY(!all.contains(QUrl::fromPercentEncoding(kLiveSig).toUtf8()));
}

// A hub description carries every rule key and PNS credential (docs/protocol.md §14.6): the
// history and every export hold it redacted, whatever else they keep of it.
void TestExchangeExport::exportsHoldNoHubSecret()
{
    QFile fixture(QString::fromUtf8(NH_TEST_DATA_DIR) + u"/hubs/every-credential.xml"_s);
    QVERIFY(fixture.open(QIODevice::ReadOnly));
    const QByteArray description = fixture.readAll();
    // Every secret value of the fixture starts with these three characters, no other text does.
    const QByteArray secretMark = "S3c";
    QVERIFY(description.contains(secretMark));

    HistoryRecord r = testSend();
    Exchange &e = r.exchange;
    e.operation = u"hub.update"_s;
    e.method = "PUT";
    e.url = QUrl(u"https://ns.servicebus.windows.net/myhub?api-version=2020-06"_s);
    e.requestHeaders = {{"Authorization", kLiveToken},
                        {"Content-Type", "application/atom+xml;type=entry;charset=utf-8"},
                        {"If-Match", "*"}};
    e.requestBody = description;
    e.status = 200;
    e.responseBody = description;
    e.outcome.reset();

    const HistoryRecord stored = historyRecordFor(e);
    QVERIFY(!stored.exchange.requestBody.contains(secretMark));
    QVERIFY(!stored.exchange.responseBody.contains(secretMark));
    QVERIFY(stored.exchange.responseBody.contains("<Value>[redacted]</Value>"));
    QVERIFY(stored.exchange.responseBody.contains(
        "https://api.development.push.apple.com:443/3/device"));

    const QByteArray all = allText(exchangeToCurl(r).value())
        + allText(exchangesToCurlScript({r}).value()) + exchangesToJson({r})
        + exchangesToHar({r}).value();
    QVERIFY2(!all.contains(secretMark), "a hub secret leaked into an export");
    QVERIFY(all.contains("DefaultFullSharedAccessSignature"));
    QVERIFY(all.contains("firebase-adminsdk@example-project.iam.gserviceaccount.com"));
}

void TestExchangeExport::diffText_data()
{
    QTest::addColumn<QString>("left");
    QTest::addColumn<QString>("right");
    QTest::addColumn<QString>("expected"); // one token per line: =text, -text, +text
    QTest::addColumn<bool>("identical");

    QTest::newRow("equal") << u"a\nb"_s << u"a\nb"_s << u"=a =b"_s << true;
    QTest::newRow("both empty") << QString() << QString() << QString() << true;
    QTest::newRow("changed middle") << u"a\nb\nc"_s << u"a\nx\nc"_s << u"=a -b +x =c"_s << false;
    QTest::newRow("added at end") << u"a"_s << u"a\nb"_s << u"=a +b"_s << false;
    QTest::newRow("removed at start") << u"a\nb"_s << u"b"_s << u"-a =b"_s << false;
    QTest::newRow("from nothing") << QString() << u"a\nb"_s << u"+a +b"_s << false;
    QTest::newRow("moved line") << u"a\nb\nc\nd"_s << u"b\nc\na\nd"_s << u"-a =b =c +a =d"_s
                                << false;
    QTest::newRow("CRLF equals LF") << u"a\r\nb\r\n"_s << u"a\nb"_s << u"=a =b"_s << false;
}

void TestExchangeExport::diffText()
{
    QFETCH(QString, left);
    QFETCH(QString, right);
    QFETCH(QString, expected);
    QFETCH(bool, identical);
    const BodyDiff d = Nh::diffText(left, right);
    QStringList got;
    for (const DiffLine &l : d.lines) {
        const QChar mark = l.kind == DiffLine::Kind::Same ? u'='
            : l.kind == DiffLine::Kind::Removed           ? u'-'
                                                          : u'+';
        got.append(mark + l.text);
    }
    QCOMPARE(got.join(u' '), expected);
    QCOMPARE(d.identical, identical);
    QVERIFY(!d.approximate);
    // Line numbers count each side's own lines.
    int left1 = 0, right1 = 0;
    for (const DiffLine &l : d.lines) {
        if (l.kind != DiffLine::Kind::Added)
            QCOMPARE(l.leftLine, ++left1);
        else
            QCOMPARE(l.leftLine, 0);
        if (l.kind != DiffLine::Kind::Removed)
            QCOMPARE(l.rightLine, ++right1);
        else
            QCOMPARE(l.rightLine, 0);
    }
}

void TestExchangeExport::normalizedBody_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("expected"); // "-" for nullopt

    QTest::newRow("json object, keys sorted")
        << "{\"b\":1,\"a\":{\"c\":[1,2]}}"_ba
        << u"{\n    \"a\": {\n        \"c\": [\n            1,\n            2\n        ]\n    },\n    \"b\": 1\n}"_s;
    QTest::newRow("xml one line") << "<a xmlns=\"urn:x\"><b>1</b><c/></a>"_ba
                                  << u"<a xmlns=\"urn:x\">\n  <b>1</b>\n  <c/>\n</a>"_s;
    QTest::newRow("xml with prefixes")
        << "<p:a xmlns:p=\"urn:p\"><p:b i:nil=\"true\" xmlns:i=\"urn:i\"/></p:a>"_ba
        << u"<p:a xmlns:p=\"urn:p\">\n  <p:b xmlns:i=\"urn:i\" i:nil=\"true\"/>\n</p:a>"_s;
    QTest::newRow("plain text") << "hello"_ba << u"-"_s;
    QTest::newRow("broken json") << "{\"a\":"_ba << u"-"_s;
    QTest::newRow("truncated xml") << "<a><b>"_ba << u"-"_s;
    QTest::newRow("empty") << QByteArray() << u"-"_s;
}

void TestExchangeExport::normalizedBody()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, expected);
    const auto got = Nh::normalizedBody(body);
    if (expected == u"-"_s) {
        QVERIFY2(!got, qPrintable(got.value_or(QString())));
        return;
    }
    QVERIFY(got);
    QCOMPARE(*got, expected);
}

void TestExchangeExport::diffExchanges()
{
    const HistoryRecord a = testSend();
    HistoryRecord same = testSend();
    same.exchange.id = QUuid::createUuid();
    same.exchange.started = kT0.addSecs(60);
    setHeader(same.exchange.requestHeaders, "Authorization",
              "SharedAccessSignature sr=x&sig=other&se=2&skn=DefaultFullSharedAccessSignature");
    setHeader(same.exchange.responseHeaders, "TrackingId", "t-2");
    setHeader(same.exchange.responseHeaders, "Date", "Sun, 01 Mar 2026 12:01:00 GMT");
    const ExchangeDiff equivalent = Nh::diffExchanges(a, same);
    QVERIFY(equivalent.fields.isEmpty());
    QVERIFY(equivalent.isEquivalent());
    QCOMPARE(equivalent.responseHeaders.size(), 2);
    QVERIFY(equivalent.responseHeaders.at(0).isVolatile);

    HistoryRecord b = testSend();
    setHeader(b.exchange.requestHeaders, "ServiceBusNotification-Tags", "news");
    b.exchange.requestHeaders.append({"apns-priority"_ba, "5"_ba});
    b.exchange.requestBody = "{\"aps\":{\"alert\":\"it's off\"}}";
    b.exchange.status = 400;
    b.exchange.reasonPhrase = "Bad Request";
    b.exchange.result = ExchangeResult::HubError;
    b.exchange.outcome.reset();
    b.exchange.responseBody = "<Error><Code>400</Code><Detail>Bad</Detail></Error>";
    const ExchangeDiff d = Nh::diffExchanges(a, b);
    QVERIFY(!d.isEquivalent());
    QStringList fields;
    for (const FieldDifference &f : d.fields)
        fields.append(f.field);
    QCOMPARE(fields,
             (QStringList {u"target"_s, u"status"_s, u"reason"_s, u"result"_s, u"outcome.success"_s,
                           u"outcome.failure"_s}));
    QCOMPARE(d.fields.at(1).left, u"201"_s);
    QCOMPARE(d.fields.at(1).right, u"400"_s);
    QCOMPARE(d.requestHeaders.size(), 2);
    QCOMPARE(d.requestHeaders.at(0).name, "ServiceBusNotification-Tags"_ba);
    QCOMPARE(d.requestHeaders.at(0).left, std::optional<QByteArray>("sports"));
    QCOMPARE(d.requestHeaders.at(0).right, std::optional<QByteArray>("news"));
    QCOMPARE(d.requestHeaders.at(1).name, "apns-priority"_ba);
    QCOMPARE(d.requestHeaders.at(1).left, std::nullopt);
    QVERIFY(!d.requestHeaders.at(1).isVolatile);
    QVERIFY(d.requestBody.normalized);
    QVERIFY(!d.requestBody.identical);
    // Two registrations were in the left outcome only.
    QCOMPARE(d.outcomes.size(), 2);
    QCOMPARE(d.outcomes.at(0).registrationId, u"reg-1"_s);
    QCOMPARE(d.outcomes.at(0).right, QString());
}

void TestExchangeExport::diffOutcomeLineByLine()
{
    // The service sends one-line XML; pretty-printed, only the changed result shows.
    HistoryRecord a = testSend();
    HistoryRecord b = testSend();
    NotificationOutcome o = *b.exchange.outcome;
    o.results[1].outcome = QString(kOutcomeSuccess);
    o.success = 2;
    o.failure = 0;
    b.exchange.outcome = o;
    b.exchange.responseBody = notificationOutcomeXml(o);
    const ExchangeDiff d = Nh::diffExchanges(a, b);
    QVERIFY(d.responseBody.normalized);
    QStringList changed;
    for (const DiffLine &l : d.responseBody.lines) {
        if (l.kind != DiffLine::Kind::Same)
            changed.append((l.kind == DiffLine::Kind::Removed ? u"-"_s : u"+"_s)
                           + l.text.trimmed());
    }
    QCOMPARE(changed,
             (QStringList {u"-<Success>1</Success>"_s, u"-<Failure>1</Failure>"_s,
                           u"+<Success>2</Success>"_s, u"+<Failure>0</Failure>"_s,
                           u"-<Outcome>"_s + QString(kOutcomeInvalidHandle) + u"</Outcome>"_s,
                           u"+<Outcome>"_s + QString(kOutcomeSuccess) + u"</Outcome>"_s}));
    QCOMPARE(d.outcomes.size(), 1);
    QCOMPARE(d.outcomes.first().registrationId, u"reg-2"_s);
    QCOMPARE(d.outcomes.first().left, QString(kOutcomeInvalidHandle));
    QCOMPARE(d.outcomes.first().right, QString(kOutcomeSuccess));
}

QTEST_GUILESS_MAIN(TestExchangeExport)
#include "tst_exchangeexport.moc"
