// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocol/directbatch.h"
#include "protocol/draftcheck.h"
#include "protocol/notification.h"
#include "protocol/payloadbuilder.h"
#include "protocol/payloads/mpnspayload.h"
#include "protocol/payloads/wnspayload.h"

#include <QFile>
#include <QTest>

// No raw string literals in this file: moc (6.4) lexes R"(…)" as ordinary strings, and the
// quotes and braces of JSON inside them make it lose the slots that follow.

using namespace Qt::Literals::StringLiterals;
using Nh::ErrorCode;
using Nh::Format;
using Nh::HttpHeaders;

Q_DECLARE_METATYPE(Nh::Format)
Q_DECLARE_METATYPE(Nh::ErrorCode)
Q_DECLARE_METATYPE(Nh::Target)

namespace {

constexpr QByteArrayView kJson = "application/json;charset=utf-8";

QByteArray fixture(const QString &name)
{
    QFile f(QString::fromUtf8(NH_TEST_DATA_DIR) + u"/payloads/"_s + name);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(name));
    return f.readAll();
}

QString show(const HttpHeaders &headers)
{
    QStringList lines;
    for (const auto &[name, value] : headers)
        lines.append(QString::fromUtf8(name + ": " + value));
    return u"["_s + lines.join(u" | "_s) + u"]"_s;
}

/** Empty when equal (names compared exactly: the order and spelling are what is sent). */
QString headerDiff(const HttpHeaders &actual, const HttpHeaders &expected)
{
    if (actual.size() != expected.size()) {
        return u"header count %1, expected %2: got %3, expected %4"_s.arg(actual.size())
            .arg(expected.size())
            .arg(show(actual), show(expected));
    }
    for (qsizetype i = 0; i < actual.size(); ++i) {
        if (actual.at(i) != expected.at(i)) {
            return u"header %1 is \"%2: %3\", expected \"%4: %5\""_s.arg(i + 1).arg(
                QString::fromUtf8(actual.at(i).first), QString::fromUtf8(actual.at(i).second),
                QString::fromUtf8(expected.at(i).first), QString::fromUtf8(expected.at(i).second));
        }
    }
    return {};
}

QString warningsText(const QList<Nh::Warning> &warnings)
{
    QStringList all;
    for (const auto &w : warnings)
        all.append(w.message);
    return all.join(u" / "_s);
}

bool anyWarningContains(const QList<Nh::Warning> &warnings, const QString &part)
{
    for (const auto &w : warnings) {
        if (w.message.contains(part))
            return true;
    }
    return false;
}

QByteArray padTo(QByteArray prefix, QByteArray suffix, qsizetype size)
{
    return prefix + QByteArray(size - prefix.size() - suffix.size(), 'x') + suffix;
}

QDateTime utc(int y, int mo, int d, int h, int mi, int s, int ms = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s, ms), Qt::UTC);
}

} // namespace

class Tst_payloads final : public QObject
{
    Q_OBJECT

private:
    void addErrorColumns()
    {
        QTest::addColumn<Format>("format");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<HttpHeaders>("headers");
        QTest::addColumn<ErrorCode>("code");
        QTest::addColumn<QString>("where");
        QTest::addColumn<qlonglong>("offset");
        QTest::addColumn<qlonglong>("line");
        QTest::addColumn<qlonglong>("column");
        QTest::addColumn<QString>("messagePart");
    }

    void checkValidationError()
    {
        QFETCH(Format, format);
        QFETCH(QByteArray, body);
        QFETCH(HttpHeaders, headers);
        QFETCH(ErrorCode, code);
        QFETCH(QString, where);
        QFETCH(qlonglong, offset);
        QFETCH(qlonglong, line);
        QFETCH(qlonglong, column);
        QFETCH(QString, messagePart);

        const Nh::Status s = Nh::payloadBuilder(format).validate(body, headers);
        QVERIFY2(!s.ok(), "the input was accepted");
        const Nh::Error &e = s.error();
        QVERIFY2(e.code == code,
                 qPrintable(
                     u"code %1, expected %2: %3"_s.arg(int(e.code)).arg(int(code)).arg(e.message)));
        QCOMPARE(e.where, where);
        QCOMPARE(qlonglong(e.offset), offset);
        QCOMPARE(qlonglong(e.line), line);
        QCOMPARE(qlonglong(e.column), column);
        QVERIFY2(e.message.contains(messagePart),
                 qPrintable(u"\"%1\" does not contain \"%2\""_s.arg(e.message, messagePart)));
        if (line > 0) {
            const QString place = u"line %1, column %2"_s.arg(line).arg(column);
            QVERIFY2(e.message.contains(place),
                     qPrintable(u"\"%1\" does not name \"%2\""_s.arg(e.message, place)));
        }
    }

private slots:
    // --- presets: every format, every preset ----------------------------------------------

    void presetIds_data()
    {
        QTest::addColumn<Format>("format");
        QTest::addColumn<QStringList>("ids");
        QTest::newRow("template") << Format::Template
                                  << QStringList {u"title-body"_s, u"message"_s, u"badge"_s};
        QTest::newRow("apple") << Format::Apple
                               << QStringList {u"alert"_s, u"background"_s, u"badge"_s};
        QTest::newRow("fcmv1") << Format::FcmV1
                               << QStringList {u"notification"_s, u"data"_s, u"android-high"_s};
        QTest::newRow("gcm") << Format::Gcm << QStringList {u"notification"_s, u"data"_s};
        QTest::newRow("windows") << Format::Windows
                                 << QStringList {u"toast"_s, u"tile"_s, u"badge"_s, u"raw"_s};
        QTest::newRow("windowsphone")
            << Format::WindowsPhone << QStringList {u"toast"_s, u"tile"_s, u"raw"_s};
        QTest::newRow("adm") << Format::Adm << QStringList {u"data"_s, u"consolidated"_s};
        QTest::newRow("baidu") << Format::Baidu << QStringList {u"android"_s, u"ios"_s};
        QTest::newRow("browser") << Format::Browser << QStringList {u"notification"_s, u"link"_s};
        QTest::newRow("xiaomi") << Format::Xiaomi << QStringList {u"notification"_s};
    }

    void presetIds()
    {
        QFETCH(Format, format);
        QFETCH(QStringList, ids);
        const Nh::PayloadBuilder &builder = Nh::payloadBuilder(format);
        QCOMPARE(builder.format(), format);
        QStringList actual;
        for (const auto &p : builder.presets()) {
            actual.append(p.id);
            QVERIFY2(!p.name.isEmpty(), qPrintable(p.id));
        }
        QCOMPARE(actual, ids);
        QCOMPARE(builder.defaultPreset().id, ids.first());
        QCOMPARE(builder.defaultBody(), builder.presets().first().body);
    }

    void appleDefaultIsTheDocumentedAlert()
    {
        QCOMPARE(
            Nh::payloadBuilder(Format::Apple).defaultBody(),
            "{\"aps\":{\"alert\":{\"title\":\"Hello\",\"body\":\"Test from nhconsole\"},\"sound\":\"default\"}}"_ba);
    }

    void presets_data()
    {
        QTest::addColumn<Format>("format");
        QTest::addColumn<QString>("id");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<HttpHeaders>("platformHeaders");
        QTest::addColumn<QString>("warning"); // a part of the one expected warning, or empty

        const HttpHeaders none;
        const QByteArray json = kJson.toByteArray();
        QTest::newRow("template title-body")
            << Format::Template << u"title-body"_s << json << none << QString();
        QTest::newRow("template message")
            << Format::Template << u"message"_s << json << none << QString();
        QTest::newRow("template badge")
            << Format::Template << u"badge"_s << json << none << QString();
        QTest::newRow("apple alert")
            << Format::Apple << u"alert"_s << json
            << HttpHeaders {{"apns-push-type", "alert"}, {"apns-priority", "10"}} << QString();
        QTest::newRow("apple background")
            << Format::Apple << u"background"_s << json
            << HttpHeaders {{"apns-push-type", "background"}, {"apns-priority", "5"}} << QString();
        QTest::newRow("apple badge")
            << Format::Apple << u"badge"_s << json
            << HttpHeaders {{"apns-push-type", "alert"}, {"apns-priority", "10"}} << QString();
        QTest::newRow("fcmv1 notification")
            << Format::FcmV1 << u"notification"_s << json << none << QString();
        QTest::newRow("fcmv1 data") << Format::FcmV1 << u"data"_s << json << none << QString();
        QTest::newRow("fcmv1 android-high")
            << Format::FcmV1 << u"android-high"_s << json << none << QString();
        QTest::newRow("gcm notification")
            << Format::Gcm << u"notification"_s << json << none << u"2024-06-20"_s;
        QTest::newRow("gcm data") << Format::Gcm << u"data"_s << json << none << u"2024-06-20"_s;
        QTest::newRow("windows toast") << Format::Windows << u"toast"_s << "application/xml"_ba
                                       << HttpHeaders {{"X-WNS-Type", "wns/toast"}} << QString();
        QTest::newRow("windows tile") << Format::Windows << u"tile"_s << "application/xml"_ba
                                      << HttpHeaders {{"X-WNS-Type", "wns/tile"}} << QString();
        QTest::newRow("windows badge") << Format::Windows << u"badge"_s << "application/xml"_ba
                                       << HttpHeaders {{"X-WNS-Type", "wns/badge"}} << QString();
        QTest::newRow("windows raw") << Format::Windows << u"raw"_s << "application/octet-stream"_ba
                                     << HttpHeaders {{"X-WNS-Type", "wns/raw"}} << QString();
        QTest::newRow("windowsphone toast")
            << Format::WindowsPhone << u"toast"_s << "application/xml;charset=utf-8"_ba
            << HttpHeaders {{"X-WindowsPhone-Target", "toast"}, {"X-NotificationClass", "2"}}
            << u"deprecated"_s;
        QTest::newRow("windowsphone tile")
            << Format::WindowsPhone << u"tile"_s << "application/xml;charset=utf-8"_ba
            << HttpHeaders {{"X-WindowsPhone-Target", "token"}, {"X-NotificationClass", "1"}}
            << u"deprecated"_s;
        QTest::newRow("windowsphone raw")
            << Format::WindowsPhone << u"raw"_s << "application/xml;charset=utf-8"_ba
            << HttpHeaders {{"X-NotificationClass", "3"}} << u"deprecated"_s;
        QTest::newRow("adm data") << Format::Adm << u"data"_s << json << none << QString();
        QTest::newRow("adm consolidated")
            << Format::Adm << u"consolidated"_s << json << none << QString();
        QTest::newRow("baidu android")
            << Format::Baidu << u"android"_s << json << none << u"deprecated"_s;
        QTest::newRow("baidu ios") << Format::Baidu << u"ios"_s << json << none << u"deprecated"_s;
        QTest::newRow("browser notification")
            << Format::Browser << u"notification"_s << json << none << QString();
        QTest::newRow("browser link") << Format::Browser << u"link"_s << json << none << QString();
        QTest::newRow("xiaomi notification")
            << Format::Xiaomi << u"notification"_s << json << none << QString();
    }

    void presets()
    {
        QFETCH(Format, format);
        QFETCH(QString, id);
        QFETCH(QByteArray, contentType);
        QFETCH(HttpHeaders, platformHeaders);
        QFETCH(QString, warning);

        const Nh::PayloadBuilder &builder = Nh::payloadBuilder(format);
        std::optional<Nh::PayloadPreset> preset;
        for (const auto &p : builder.presets()) {
            if (p.id == id)
                preset = p;
        }
        QVERIFY2(preset, qPrintable(u"no preset "_s + id));

        const Nh::Status s = builder.validate(preset->body, preset->headers);
        QVERIFY2(s.ok(), qPrintable(s.ok() ? QString() : s.error().message));
        if (warning.isEmpty()) {
            QVERIFY2(s.warnings().isEmpty(), qPrintable(warningsText(s.warnings())));
        } else {
            QCOMPARE(s.warnings().size(), 1);
            QVERIFY2(s.warnings().first().message.contains(warning),
                     qPrintable(s.warnings().first().message));
        }
        QCOMPARE(builder.contentType(preset->body, preset->headers), contentType);
        const QString diff =
            headerDiff(builder.platformHeaders(preset->body, preset->headers), platformHeaders);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));

        // The same preset through prepareSend: format, content type, then platform headers.
        Nh::Notification n;
        n.format = format;
        n.body = preset->body;
        n.headers = preset->headers;
        const auto prepared = Nh::prepareSend(n);
        QVERIFY2(prepared.ok(), qPrintable(prepared.ok() ? QString() : prepared.error().message));
        HttpHeaders expected {
            {"ServiceBusNotification-Format", Nh::formatWireName(format).toLatin1()},
            {"Content-Type", contentType}};
        expected.append(platformHeaders);
        const QString sendDiff = headerDiff(prepared->headers, expected);
        QVERIFY2(sendDiff.isEmpty(), qPrintable(sendDiff));
        QCOMPARE(prepared->body, preset->body);
        QCOMPARE(prepared->path, u"messages"_s);
        QVERIFY(prepared->queryFlags.isEmpty());
    }

    // --- malformed JSON, located ----------------------------------------------------------

    void jsonSyntax_data()
    {
        addErrorColumns();
        const HttpHeaders none;
        QTest::newRow("trailing comma in object")
            << Format::Apple << "{\"aps\":{\"alert\":\"hi\"},}"_ba << none << ErrorCode::Syntax
            << QString() << 22LL << 1LL << 23LL << u"trailing comma"_s;
        QTest::newRow("missing colon, multi-line fixture")
            << Format::Apple << fixture(u"apple-missing-colon.json"_s) << none << ErrorCode::Syntax
            << QString() << 25LL << 3LL << 13LL << u"expected ':' after the key \"alert\""_s;
        QTest::newRow("truncated object")
            << Format::Apple << "{\"aps\":{\"alert\":\"hi\"}"_ba << none << ErrorCode::Truncated
            << QString() << 21LL << 1LL << 22LL << u"ends too early"_s;
        QTest::newRow("unterminated string")
            << Format::Apple << "{\"aps\":{\"alert\":\"hi}}"_ba << none << ErrorCode::Truncated
            << QString() << 21LL << 1LL << 22LL << u"line 1, column 17 is not closed"_s;
        QTest::newRow("single-quoted key")
            << Format::Template << "{'a':'b'}"_ba << none << ErrorCode::Syntax << QString() << 1LL
            << 1LL << 2LL << u"expected a key in double quotes"_s;
        QTest::newRow("unquoted key")
            << Format::Browser << "{title:\"x\"}"_ba << none << ErrorCode::Syntax << QString()
            << 1LL << 1LL << 2LL << u"expected a key in double quotes"_s;
        QTest::newRow("leading zero")
            << Format::Gcm << "{\"data\":{\"n\":01}}"_ba << none << ErrorCode::Syntax << QString()
            << 14LL << 1LL << 15LL << u"leading zeros"_s;
        QTest::newRow("raw line break in a string")
            << Format::Apple << "{\"aps\":{\"alert\":\"a\nb\"}}"_ba << none << ErrorCode::Syntax
            << QString() << 18LL << 1LL << 19LL << u"control character"_s;
        QTest::newRow("garbage after the value")
            << Format::Apple << "{\"aps\":{}} x"_ba << none << ErrorCode::Syntax << QString()
            << 11LL << 1LL << 12LL << u"after the end of the JSON value"_s;
        QTest::newRow("Python True")
            << Format::Apple << "{\"aps\":{\"badge\":True}}"_ba << none << ErrorCode::Syntax
            << QString() << 16LL << 1LL << 17LL << u"unexpected word 'True'"_s;
        QTest::newRow("invalid UTF-8")
            << Format::Apple << "{\"aps\":{\"alert\":\"\xff\"}}"_ba << none << ErrorCode::Syntax
            << QString() << 17LL << 1LL << 18LL << u"not valid UTF-8 at byte 18"_s;
        QTest::newRow("column counts characters, not bytes")
            << Format::Apple << "{\"aps\":{\"alert\":\"\xc3\xa9\",}}"_ba << none
            << ErrorCode::Syntax << QString() << 21LL << 1LL << 21LL << u"trailing comma"_s;
        QTest::newRow("bad escape")
            << Format::Template << "{\"a\":\"\\x41\"}"_ba << none << ErrorCode::Syntax << QString()
            << 6LL << 1LL << 7LL << u"unknown escape"_s;
        QTest::newRow("short unicode escape")
            << Format::Template << "{\"a\":\"\\u12G4\"}"_ba << none << ErrorCode::Syntax
            << QString() << 10LL << 1LL << 11LL << u"four hexadecimal digits"_s;
        QTest::newRow("XML sent as JSON")
            << Format::Apple << "<toast/>"_ba << none << ErrorCode::Syntax << QString() << 0LL
            << 1LL << 1LL << u"expected a value"_s;
        QTest::newRow("empty") << Format::Apple << QByteArray() << none << ErrorCode::Empty
                               << QString() << -1LL << 0LL << 0LL << u"is empty"_s;
        QTest::newRow("only whitespace")
            << Format::Template << " \n\t "_ba << none << ErrorCode::Empty << QString() << -1LL
            << 0LL << 0LL << u"is empty"_s;

        // 12 bytes of prefix, then '[' at depths 2, 3, …: the one at depth 64 is refused.
        const QByteArray deep =
            "{\"aps\":{\"x\":"_ba + QByteArray(70, '[') + QByteArray(70, ']') + "}}";
        QTest::newRow("nested too deep")
            << Format::Apple << deep << none << ErrorCode::LimitExceeded << QString() << 74LL << 1LL
            << 75LL << u"nested more than 64 levels"_s;
    }

    void jsonSyntax() { checkValidationError(); }

    void byteOrderMarkIsAWarning()
    {
        const Nh::Status s = Nh::payloadBuilder(Format::Apple)
                                 .validate("\xEF\xBB\xBF{\"aps\":{\"alert\":\"hi\"}}"_ba, {});
        QVERIFY2(s.ok(), qPrintable(s.ok() ? QString() : s.error().message));
        QCOMPARE(s.warnings().size(), 1);
        QVERIFY(s.warnings().first().message.contains(u"byte order mark"_s));
        QCOMPARE(s.warnings().first().offset, 0);
    }

    // --- platform shapes -------------------------------------------------------------------

    void shape_data()
    {
        addErrorColumns();
        const HttpHeaders none;
        QTest::newRow("apple without aps")
            << Format::Apple << "{\"alert\":\"hi\"}"_ba << none << ErrorCode::MissingField
            << u"aps"_s << 0LL << 1LL << 1LL << u"no \"aps\" object"_s;
        QTest::newRow("apple aps not an object")
            << Format::Apple << "{\"aps\":\"hi\"}"_ba << none << ErrorCode::InvalidValue << u"aps"_s
            << 7LL << 1LL << 8LL << u"not a string"_s;
        QTest::newRow("apple array root")
            << Format::Apple << "[{\"aps\":{}}]"_ba << none << ErrorCode::UnexpectedRoot
            << QString() << 0LL << 1LL << 1LL << u"must be a JSON object"_s;
        QTest::newRow("fcmv1 legacy shape")
            << Format::FcmV1 << "{\"notification\":{\"title\":\"x\"}}"_ba << none
            << ErrorCode::MissingField << u"message"_s << 0LL << 1LL << 1LL
            << u"legacy (gcm) body"_s;
        QTest::newRow("fcmv1 message not an object")
            << Format::FcmV1 << "{\"message\":[]}"_ba << none << ErrorCode::InvalidValue
            << u"message"_s << 11LL << 1LL << 12LL << u"not an array"_s;
        QTest::newRow("fcmv1 token")
            << Format::FcmV1 << "{\"message\":{\"token\":\"abc\",\"notification\":{}}}"_ba << none
            << ErrorCode::InvalidValue << u"message.token"_s << 12LL << 1LL << 13LL
            << u"adds the target"_s;
        QTest::newRow("fcmv1 topic")
            << Format::FcmV1 << "{\"message\":{\"data\":{},\"topic\":\"news\"}}"_ba << none
            << ErrorCode::InvalidValue << u"message.topic"_s << 22LL << 1LL << 23LL
            << u"adds the target"_s;
        QTest::newRow("fcmv1 condition")
            << Format::FcmV1 << "{\"message\":{\"condition\":\"'a' in topics\"}}"_ba << none
            << ErrorCode::InvalidValue << u"message.condition"_s << 12LL << 1LL << 13LL
            << u"adds the target"_s;
        QTest::newRow("fcmv1 data number")
            << Format::FcmV1 << "{\"message\":{\"data\":{\"count\":1}}}"_ba << none
            << ErrorCode::InvalidValue << u"message.data.count"_s << 20LL << 1LL << 21LL
            << u"must be a string, not a number"_s;
        QTest::newRow("fcmv1 android.data bool on line 4")
            << Format::FcmV1
            << "{\n \"message\": {\n  \"android\": {\n   \"data\": {\"silent\": true}\n  }\n }\n}"_ba
            << none << ErrorCode::InvalidValue << u"message.android.data.silent"_s << 43LL << 4LL
            << 13LL << u"not a boolean"_s;
        QTest::newRow("fcmv1 data not an object")
            << Format::FcmV1 << "{\"message\":{\"data\":\"x\"}}"_ba << none
            << ErrorCode::InvalidValue << u"message.data"_s << 19LL << 1LL << 20LL
            << u"object of strings"_s;
        QTest::newRow("gcm registration_ids")
            << Format::Gcm << "{\"registration_ids\":[\"a\"],\"data\":{}}"_ba << none
            << ErrorCode::InvalidValue << u"registration_ids"_s << 1LL << 1LL << 2LL
            << u"adds the target"_s;
        QTest::newRow("gcm to") << Format::Gcm << "{\"data\":{},\"to\":\"abc\"}"_ba << none
                                << ErrorCode::InvalidValue << u"to"_s << 11LL << 1LL << 12LL
                                << u"adds the target"_s;
        QTest::newRow("adm without data")
            << Format::Adm << "{\"consolidationKey\":\"x\"}"_ba << none << ErrorCode::MissingField
            << u"data"_s << 0LL << 1LL << 1LL << u"no \"data\""_s;
        QTest::newRow("adm data value number")
            << Format::Adm << "{\"data\":{\"badge\":3}}"_ba << none << ErrorCode::InvalidValue
            << u"data.badge"_s << 9LL << 1LL << 10LL << u"not a number"_s;
        QTest::newRow("template number value, fixture")
            << Format::Template << fixture(u"template-number-value.json"_s) << none
            << ErrorCode::InvalidValue << u"count"_s << 24LL << 3LL << 3LL
            << u"template property \"count\" must be a string, not a number"_s;
        QTest::newRow("template nested object")
            << Format::Template << "{\"a\":{\"b\":\"c\"}}"_ba << none << ErrorCode::InvalidValue
            << u"a"_s << 1LL << 1LL << 2LL << u"not an object"_s;
        QTest::newRow("template null")
            << Format::Template << "{\"a\":\"x\",\"b\":null}"_ba << none << ErrorCode::InvalidValue
            << u"b"_s << 9LL << 1LL << 10LL << u"not null"_s;
        QTest::newRow("template duplicate key")
            << Format::Template << "{\"a\":\"1\",\"a\":\"2\"}"_ba << none
            << ErrorCode::DuplicateField << u"a"_s << 9LL << 1LL << 10LL
            << u"appears twice (first at line 1, column 2)"_s;
        QTest::newRow("template array root")
            << Format::Template << "[\"a\"]"_ba << none << ErrorCode::UnexpectedRoot << QString()
            << 0LL << 1LL << 1LL << u"flat JSON object"_s;
        QTest::newRow("browser string root")
            << Format::Browser << "\"hello\""_ba << none << ErrorCode::UnexpectedRoot << QString()
            << 0LL << 1LL << 1LL << u"not a string"_s;
        QTest::newRow("xiaomi number root")
            << Format::Xiaomi << "42"_ba << none << ErrorCode::UnexpectedRoot << QString() << 0LL
            << 1LL << 1LL << u"not a number"_s;
        QTest::newRow("baidu form body")
            << Format::Baidu << "title=Hello&description=x"_ba << none << ErrorCode::Syntax
            << QString() << 0LL << 1LL << 1LL << u"unexpected word 'title'"_s;

        // WNS: XML well-formedness (QXmlStreamReader's line; its column is where it stopped).
        QTest::newRow("wns unknown root after a prolog, fixture")
            << Format::Windows << fixture(u"wns-unknown-root.xml"_s) << none
            << ErrorCode::UnexpectedRoot << u"tile2"_s << 76LL << 3LL << 1LL
            << u"root element of the Windows (WNS) payload is <tile2>"_s;
        QTest::newRow("wns root in another namespace")
            << Format::Windows << "<w:toast xmlns:w=\"urn:wns\"/>"_ba << none
            << ErrorCode::UnexpectedRoot << u"toast"_s << 0LL << 1LL << 1LL
            << u"<w:toast> in the namespace \"urn:wns\""_s;
        QTest::newRow("wns html root")
            << Format::Windows << "  <html><body/></html>"_ba << none << ErrorCode::UnexpectedRoot
            << u"html"_s << 2LL << 1LL << 3LL << u"X-WNS-Type: wns/raw"_s;
        QTest::newRow("wns mismatched tag, fixture")
            << Format::Windows << fixture(u"wns-mismatched-tag.xml"_s) << none << ErrorCode::Syntax
            << QString() << 134LL << 6LL << 13LL << u"not well-formed XML"_s;
        QTest::newRow("wns truncated")
            << Format::Windows << "<toast><visual>"_ba << none << ErrorCode::Truncated << QString()
            << 15LL << 1LL << 15LL << u"ends too early"_s;
        QTest::newRow("wns explicit toast but not XML")
            << Format::Windows << "hello"_ba << HttpHeaders {{"X-WNS-Type", "wns/toast"}}
            << ErrorCode::Syntax << u"X-WNS-Type"_s << 0LL << 1LL << 1LL
            << u"X-WNS-Type is wns/toast but the Windows (WNS) payload is not XML"_s;
        QTest::newRow("wns nested too deep")
            << Format::Windows
            << QByteArray("<toast>"_ba + QByteArray(70 * 3, 'x').replace("xxx", "<a>") + "</toast>")
            << none << ErrorCode::LimitExceeded << QString() << 199LL << 1LL << 199LL
            << u"more than 64 levels"_s;
        QTest::newRow("mpns notification without toast or tile")
            << Format::WindowsPhone
            << "<wp:Notification xmlns:wp=\"WPNotification\"><wp:Flip/></wp:Notification>"_ba
            << none << ErrorCode::UnexpectedRoot << u"Flip"_s << 0LL << 1LL << 1LL
            << u"must contain <wp:Toast> or <wp:Tile>"_s;
        QTest::newRow("mpns malformed")
            << Format::WindowsPhone << "<root><a></root>"_ba << none << ErrorCode::Syntax
            << QString() << 16LL << 1LL << 16LL << u"not well-formed XML"_s;
    }

    void shape() { checkValidationError(); }

    // --- header values --------------------------------------------------------------------

    void headerValues_data()
    {
        addErrorColumns();
        const QByteArray apple = Nh::payloadBuilder(Format::Apple).defaultBody();
        const QByteArray toast = Nh::payloadBuilder(Format::Windows).defaultBody();
        const QByteArray mpns = Nh::payloadBuilder(Format::WindowsPhone).defaultBody();
        // Header errors carry no line; the offset is in the value, when there is one.
        auto row = [](const char *name, Format f, const QByteArray &body, const HttpHeaders &h,
                      ErrorCode code, const QString &where, const QString &part,
                      qlonglong offset = -1) {
            QTest::newRow(name) << f << body << h << code << where << offset << 0LL << 0LL << part;
        };
        row("apns-push-type unknown", Format::Apple, apple, {{"apns-push-type", "loud"}},
            ErrorCode::InvalidValue, u"apns-push-type"_s, u"unknown value \"loud\""_s);
        row("apns-priority 7", Format::Apple, apple, {{"apns-priority", "7"}},
            ErrorCode::InvalidValue, u"apns-priority"_s, u"must be 10 (immediate) or 5"_s);
        row("X-Apns-Priority 1", Format::Apple, apple, {{"X-Apns-Priority", "1"}},
            ErrorCode::InvalidValue, u"X-Apns-Priority"_s, u"not \"1\""_s);
        row("apns-expiration text", Format::Apple, apple, {{"apns-expiration", "tomorrow"}},
            ErrorCode::InvalidValue, u"apns-expiration"_s, u"UNIX time in seconds"_s);
        row("apns-expiration negative", Format::Apple, apple, {{"apns-expiration", "-5"}},
            ErrorCode::InvalidValue, u"apns-expiration"_s, u"not \"-5\""_s);
        row("X-WNS-Type unknown", Format::Windows, toast, {{"X-WNS-Type", "wns/popup"}},
            ErrorCode::InvalidValue, u"X-WNS-Type"_s, u"not \"wns/popup\""_s);
        row("X-WNS-Cache-Policy", Format::Windows, toast, {{"X-WNS-Cache-Policy", "always"}},
            ErrorCode::InvalidValue, u"X-WNS-Cache-Policy"_s, u"cache or no-cache"_s);
        row("X-WNS-TTL", Format::Windows, toast, {{"X-WNS-TTL", "1h"}}, ErrorCode::InvalidValue,
            u"X-WNS-TTL"_s, u"number of seconds"_s);
        row("X-WNS-PRIORITY", Format::Windows, toast, {{"X-WNS-PRIORITY", "5"}},
            ErrorCode::InvalidValue, u"X-WNS-PRIORITY"_s, u"1, 2, 3 or 4"_s);
        row("X-WNS-Tag too long", Format::Windows, toast, {{"X-WNS-Tag", "abcdefghijklmnopq"}},
            ErrorCode::InvalidValue, u"X-WNS-Tag"_s, u"17 characters"_s);
        row("X-WNS-RequestForStatus", Format::Windows, toast, {{"X-WNS-RequestForStatus", "yes"}},
            ErrorCode::InvalidValue, u"X-WNS-RequestForStatus"_s, u"true or false"_s);
        row("mpns target tile", Format::WindowsPhone, mpns, {{"X-WindowsPhone-Target", "tile"}},
            ErrorCode::InvalidValue, u"X-WindowsPhone-Target"_s,
            u"MPNS calls the tile target \"token\""_s);
        row("mpns class 4", Format::WindowsPhone, mpns, {{"X-NotificationClass", "4"}},
            ErrorCode::InvalidValue, u"X-NotificationClass"_s, u"not \"4\""_s);
        row("baidu message type", Format::Baidu, "{}"_ba, {{"X-Baidu-Message-Type", "2"}},
            ErrorCode::InvalidValue, u"X-Baidu-Message-Type"_s, u"0 (message) or 1"_s);
        // Generic checks for every format.
        row("line break in a value", Format::Apple, apple,
            {{"apns-push-type", "alert\r\nX-Injected: 1"}}, ErrorCode::InvalidValue,
            u"apns-push-type"_s, u"control character at position 6"_s, 5);
        row("space in a name", Format::Template, "{}"_ba, {{"My Header", "x"}},
            ErrorCode::InvalidValue, u"My Header"_s, u"not a valid HTTP field name"_s);
        row("empty name", Format::Template, "{}"_ba, {{"", "x"}}, ErrorCode::EmptyField, QString(),
            u"no name"_s);
        row("empty value", Format::Windows, toast, {{"X-WNS-TTL", "  "}}, ErrorCode::EmptyField,
            u"X-WNS-TTL"_s, u"has no value"_s);
        row("Authorization is reserved", Format::Gcm, "{}"_ba,
            {{"authorization", "SharedAccessSignature sr=x"}}, ErrorCode::InvalidValue,
            u"authorization"_s, u"set by nhconsole"_s);
        row("Tags header is reserved", Format::Template, "{}"_ba,
            {{"ServiceBusNotification-Tags", "a"}}, ErrorCode::InvalidValue,
            u"ServiceBusNotification-Tags"_s, u"set by nhconsole"_s);
    }

    void headerValues() { checkValidationError(); }

    void browserKeyHeaders()
    {
        const QByteArray body = Nh::payloadBuilder(Format::Browser).defaultBody();
        const Nh::Status bad =
            Nh::payloadBuilder(Format::Browser).validate(body, {{"P256DH", "BIjk+/xyz"}});
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().code, ErrorCode::InvalidValue);
        QCOMPARE(bad.error().where, u"P256DH"_s);
        QCOMPARE(bad.error().offset, 4);
        QVERIFY(bad.error().message.contains(u"position 5"_s));

        // 16 bytes of auth secret in base64url is 22 characters; 3 bytes is a warning only.
        const Nh::Status ok = Nh::payloadBuilder(Format::Browser)
                                  .validate(body, {{"Auth", "AAECAwQFBgcICQoLDA0ODw"}});
        QVERIFY(ok.ok());
        QVERIFY2(ok.warnings().isEmpty(), qPrintable(warningsText(ok.warnings())));
        const Nh::Status shortKey =
            Nh::payloadBuilder(Format::Browser).validate(body, {{"Auth", "AAEC"}});
        QVERIFY(shortKey.ok());
        QVERIFY(anyWarningContains(shortKey.warnings(), u"decodes to 3 bytes"_s));
    }

    void acceptedHeaderValues()
    {
        const auto &apple = Nh::payloadBuilder(Format::Apple);
        const Nh::Status s = apple.validate(apple.defaultBody(),
                                            {{"apns-push-type", "voip"},
                                             {"apns-priority", " 10 "},
                                             {"apns-expiration", "0"},
                                             {"apns-collapse-id", "news"},
                                             {"Content-Type", "application/json"}});
        QVERIFY2(s.ok(), qPrintable(s.ok() ? QString() : s.error().message));
        QVERIFY2(s.warnings().isEmpty(), qPrintable(warningsText(s.warnings())));
    }

    // --- warnings: the hub accepts, the PNS refuses -----------------------------------------

    void warnings_data()
    {
        QTest::addColumn<Format>("format");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<HttpHeaders>("headers");
        QTest::addColumn<QString>("warning");

        const QByteArray prefix = "{\"aps\":{\"alert\":\""_ba;
        QTest::newRow("apple over 4 KB")
            << Format::Apple << padTo(prefix, "\"}}", 4097) << HttpHeaders() << u"4097 bytes"_s;
        QTest::newRow("apple aps empty") << Format::Apple << "{\"aps\":{}}"_ba << HttpHeaders()
                                         << u"none of alert, badge, sound"_s;
        QTest::newRow("apple content-available true")
            << Format::Apple << "{\"aps\":{\"content-available\":true}}"_ba << HttpHeaders()
            << u"should be the number 1"_s;
        QTest::newRow("apple background at priority 10")
            << Format::Apple << "{\"aps\":{\"content-available\":1}}"_ba
            << HttpHeaders {{"apns-push-type", "background"}, {"apns-priority", "10"}}
            << u"apns-priority 5 for background"_s;
        QTest::newRow("apple background without content-available")
            << Format::Apple << "{\"aps\":{\"badge\":1}}"_ba
            << HttpHeaders {{"apns-push-type", "background"}} << u"needs \"content-available\""_s;
        QTest::newRow("apple background with alert")
            << Format::Apple << "{\"aps\":{\"alert\":\"x\",\"content-available\":1}}"_ba
            << HttpHeaders {{"apns-push-type", "background"}} << u"without alert"_s;
        QTest::newRow("apple apns-topic")
            << Format::Apple << "{\"aps\":{\"badge\":1}}"_ba
            << HttpHeaders {{"apns-topic", "com.example"}} << u"topic from its APNs credential"_s;
        QTest::newRow("apple legacy expiry header")
            << Format::Apple << "{\"aps\":{\"badge\":1}}"_ba
            << HttpHeaders {{"ServiceBusNotification-Apns-Expiry", "2026-01-01T00:00Z"}}
            << u"prefer apns-expiration"_s;
        QTest::newRow("wns raw over 5 KB")
            << Format::Windows << QByteArray(5121, 'r') << HttpHeaders() << u"over 5120 bytes"_s;
        QTest::newRow("wns type and root disagree")
            << Format::Windows << "<toast/>"_ba << HttpHeaders {{"X-WNS-Type", "wns/tile"}}
            << u"X-WNS-Type is wns/tile but the root element is <toast>"_s;
        QTest::newRow("mpns raw over 1 KB") << Format::WindowsPhone << QByteArray(1025, 'r')
                                            << HttpHeaders() << u"over 1024 bytes"_s;
        QTest::newRow("mpns Notification without namespace")
            << Format::WindowsPhone << "<Notification><Toast/></Notification>"_ba << HttpHeaders()
            << u"not in the WPNotification namespace"_s;
        QTest::newRow("gcm retired") << Format::Gcm << "{}"_ba << HttpHeaders() << u"2024-06-20"_s;
        QTest::newRow("gcm with a v1 body") << Format::Gcm << "{\"message\":{\"data\":{}}}"_ba
                                            << HttpHeaders() << u"looks like an FCM v1 body"_s;
        QTest::newRow("fcmv1 numeric ttl")
            << Format::FcmV1 << "{\"message\":{\"android\":{\"ttl\":3600}}}"_ba << HttpHeaders()
            << u"\"3600s\""_s;
        QTest::newRow("fcmv1 empty message") << Format::FcmV1 << "{\"message\":{}}"_ba
                                             << HttpHeaders() << u"nothing will be delivered"_s;
        QTest::newRow("fcmv1 unknown top-level key")
            << Format::FcmV1 << "{\"message\":{\"data\":{}},\"to\":\"x\"}"_ba << HttpHeaders()
            << u"top-level member \"to\""_s;
        QTest::newRow("template without properties")
            << Format::Template << "{}"_ba << HttpHeaders() << u"no properties"_s;
        QTest::newRow("apns-collapse-id too long")
            << Format::Apple << "{\"aps\":{\"badge\":1}}"_ba
            << HttpHeaders {{"apns-collapse-id", QByteArray(65, 'c')}} << u"65 bytes"_s;
    }

    void warnings()
    {
        QFETCH(Format, format);
        QFETCH(QByteArray, body);
        QFETCH(HttpHeaders, headers);
        QFETCH(QString, warning);
        const Nh::Status s = Nh::payloadBuilder(format).validate(body, headers);
        QVERIFY2(s.ok(), qPrintable(s.ok() ? QString() : s.error().message));
        QVERIFY2(anyWarningContains(s.warnings(), warning),
                 qPrintable(
                     u"no warning with \"%1\" in: %2"_s.arg(warning, warningsText(s.warnings()))));
    }

    void pnsLimitsAreExact()
    {
        const QByteArray prefix = "{\"aps\":{\"alert\":\""_ba;
        const Nh::Status atLimit =
            Nh::payloadBuilder(Format::Apple).validate(padTo(prefix, "\"}}", 4096), {});
        QVERIFY(atLimit.ok());
        QVERIFY2(atLimit.warnings().isEmpty(), qPrintable(warningsText(atLimit.warnings())));
        const Nh::Status raw =
            Nh::payloadBuilder(Format::Windows).validate(QByteArray(5120, 'r'), {});
        QVERIFY(raw.ok());
        QVERIFY2(raw.warnings().isEmpty(), qPrintable(warningsText(raw.warnings())));
        // An XML toast is not raw: the 5 KB raw limit does not apply to it.
        const QByteArray bigToast = padTo("<toast><!--", "--></toast>", 6000);
        const Nh::Status toast = Nh::payloadBuilder(Format::Windows).validate(bigToast, {});
        QVERIFY(toast.ok());
        QVERIFY2(toast.warnings().isEmpty(), qPrintable(warningsText(toast.warnings())));
    }

    // --- the 64 KB request limit is an error for every format --------------------------------

    void hubSizeLimit_data()
    {
        QTest::addColumn<Format>("format");
        QTest::addColumn<QByteArray>("prefix");
        QTest::addColumn<QByteArray>("suffix");
        QTest::newRow("template") << Format::Template << "{\"a\":\""_ba
                                  << "\"}"_ba;
        QTest::newRow("apple") << Format::Apple << "{\"aps\":{\"alert\":\""_ba
                               << "\"}}"_ba;
        QTest::newRow("fcmv1") << Format::FcmV1 << "{\"message\":{\"data\":{\"a\":\""_ba
                               << "\"}}}"_ba;
        QTest::newRow("gcm") << Format::Gcm << "{\"data\":{\"a\":\""_ba
                             << "\"}}"_ba;
        QTest::newRow("windows raw") << Format::Windows << "raw"_ba << QByteArray();
        QTest::newRow("windows toast") << Format::Windows << "<toast><!--"_ba
                                       << "--></toast>"_ba;
        QTest::newRow("windowsphone") << Format::WindowsPhone << "raw"_ba << QByteArray();
        QTest::newRow("adm") << Format::Adm << "{\"data\":{\"a\":\""_ba
                             << "\"}}"_ba;
        QTest::newRow("baidu") << Format::Baidu << "{\"a\":\""_ba
                               << "\"}"_ba;
        QTest::newRow("browser") << Format::Browser << "{\"a\":\""_ba
                                 << "\"}"_ba;
        QTest::newRow("xiaomi") << Format::Xiaomi << "{\"a\":\""_ba
                                << "\"}"_ba;
    }

    void hubSizeLimit()
    {
        QFETCH(Format, format);
        QFETCH(QByteArray, prefix);
        QFETCH(QByteArray, suffix);
        const auto &builder = Nh::payloadBuilder(format);

        const Nh::Status atLimit = builder.validate(padTo(prefix, suffix, 65536), {});
        QVERIFY2(atLimit.ok(), qPrintable(atLimit.ok() ? QString() : atLimit.error().message));

        const Nh::Status over = builder.validate(padTo(prefix, suffix, 65537), {});
        QVERIFY(!over.ok());
        QCOMPARE(over.error().code, ErrorCode::LimitExceeded);
        QCOMPARE(over.error().offset, 65536);
        QVERIFY2(over.error().message.contains(u"65537 bytes"_s)
                     && over.error().message.contains(u"413"_s),
                 qPrintable(over.error().message));
    }

    void hostileInputNeverCrashes_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("binary") << QByteArray("\x00\x01\x02\xfe\xff\x80{[<", 9);
        QTest::newRow("lone brackets") << "[[[[[[[[{{{{{{"_ba;
        QTest::newRow("only a quote") << "\""_ba;
        QTest::newRow("backslash at end") << "{\"a\":\"\\"_ba;
        QTest::newRow("minus only") << "-"_ba;
        QTest::newRow("exponent only") << "1e"_ba;
        QTest::newRow("huge") << QByteArray(2 * 1024 * 1024, '[');
        QTest::newRow("doctype") << "<!DOCTYPE toast [<!ENTITY a \"aaaa\">]><toast>&a;</toast>"_ba;
    }

    void hostileInputNeverCrashes()
    {
        QFETCH(QByteArray, body);
        for (int f = 0; f < Nh::kFormatCount; ++f) {
            const auto &builder = Nh::payloadBuilder(Format(f));
            const Nh::Status s = builder.validate(body, {});
            if (!s.ok())
                QVERIFY2(!s.error().message.isEmpty(), qPrintable(Nh::formatWireName(Format(f))));
            // Deriving headers and the content type must be total as well.
            (void)builder.platformHeaders(body, {});
            (void)builder.contentType(body, {});
        }
        const auto parsed = Nh::JsonDocument::parse(body, u"input"_s);
        if (!parsed.ok())
            QVERIFY(parsed.error().code != ErrorCode::None);
    }

    // --- WNS and MPNS header derivation -----------------------------------------------------

    void wnsDerivation_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<HttpHeaders>("userHeaders");
        QTest::addColumn<HttpHeaders>("platformHeaders");
        QTest::addColumn<QByteArray>("contentType");

        QTest::newRow("toast") << "<toast/>"_ba << HttpHeaders()
                               << HttpHeaders {{"X-WNS-Type", "wns/toast"}} << "application/xml"_ba;
        QTest::newRow("tile after spaces")
            << "\n  <tile><visual/></tile>"_ba << HttpHeaders()
            << HttpHeaders {{"X-WNS-Type", "wns/tile"}} << "application/xml"_ba;
        QTest::newRow("tile after a declaration and a comment")
            << "<?xml version=\"1.0\"?>\n<!-- <toast> -->\n<tile/>"_ba << HttpHeaders()
            << HttpHeaders {{"X-WNS-Type", "wns/tile"}} << "application/xml"_ba;
        QTest::newRow("badge") << "<badge value=\"alert\"/>"_ba << HttpHeaders()
                               << HttpHeaders {{"X-WNS-Type", "wns/badge"}} << "application/xml"_ba;
        QTest::newRow("plain text is raw")
            << "hello raw"_ba << HttpHeaders() << HttpHeaders {{"X-WNS-Type", "wns/raw"}}
            << "application/octet-stream"_ba;
        QTest::newRow("JSON is raw")
            << "{\"a\":1}"_ba << HttpHeaders() << HttpHeaders {{"X-WNS-Type", "wns/raw"}}
            << "application/octet-stream"_ba;
        QTest::newRow("explicit raw wins over a toast root")
            << "<toast/>"_ba << HttpHeaders {{"X-WNS-Type", "wns/raw"}}
            << HttpHeaders {{"X-WNS-Type", "wns/raw"}} << "application/octet-stream"_ba;
        QTest::newRow("user spelling kept in place, other headers follow")
            << "<toast/>"_ba << HttpHeaders {{"X-WNS-TTL", "60"}, {"x-wns-type", "WNS/RAW"}}
            << HttpHeaders {{"x-wns-type", "WNS/RAW"}, {"X-WNS-TTL", "60"}}
            << "application/octet-stream"_ba;
        QTest::newRow("Content-Type is not a platform header")
            << "<toast/>"_ba << HttpHeaders {{"Content-Type", "text/xml"}}
            << HttpHeaders {{"X-WNS-Type", "wns/toast"}} << "application/xml"_ba;
        QTest::newRow("unknown root derives nothing")
            << "<foo/>"_ba << HttpHeaders() << HttpHeaders() << "application/xml"_ba;
    }

    void wnsDerivation()
    {
        QFETCH(QByteArray, body);
        QFETCH(HttpHeaders, userHeaders);
        QFETCH(HttpHeaders, platformHeaders);
        QFETCH(QByteArray, contentType);
        const auto &builder = Nh::payloadBuilder(Format::Windows);
        const QString diff =
            headerDiff(builder.platformHeaders(body, userHeaders), platformHeaders);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
        QCOMPARE(builder.contentType(body, userHeaders), contentType);
    }

    void mpnsDerivation_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<HttpHeaders>("userHeaders");
        QTest::addColumn<HttpHeaders>("platformHeaders");
        const QByteArray toast =
            "<wp:Notification xmlns:wp=\"WPNotification\"><wp:Toast><wp:Text1>a</wp:Text1></wp:Toast></wp:Notification>"_ba;
        QTest::newRow("toast") << toast << HttpHeaders()
                               << HttpHeaders {{"X-WindowsPhone-Target", "toast"},
                                               {"X-NotificationClass", "2"}};
        QTest::newRow("tile with another prefix")
            << "<n:Notification xmlns:n=\"WPNotification\"><n:Tile/></n:Notification>"_ba
            << HttpHeaders()
            << HttpHeaders {{"X-WindowsPhone-Target", "token"}, {"X-NotificationClass", "1"}};
        QTest::newRow("raw text") << "counter=5"_ba << HttpHeaders()
                                  << HttpHeaders {{"X-NotificationClass", "3"}};
        QTest::newRow("delayed class overrides in place")
            << toast << HttpHeaders {{"X-NotificationClass", "12"}}
            << HttpHeaders {{"X-WindowsPhone-Target", "toast"}, {"X-NotificationClass", "12"}};
    }

    void mpnsDerivation()
    {
        QFETCH(QByteArray, body);
        QFETCH(HttpHeaders, userHeaders);
        QFETCH(HttpHeaders, platformHeaders);
        const auto &builder = Nh::payloadBuilder(Format::WindowsPhone);
        const QString diff =
            headerDiff(builder.platformHeaders(body, userHeaders), platformHeaders);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
        QCOMPARE(builder.contentType(body, userHeaders), "application/xml;charset=utf-8"_ba);
        QVERIFY(builder.validate(body, userHeaders).ok());
    }

    // --- prepareSend ----------------------------------------------------------------------

    void prepareSend_data()
    {
        QTest::addColumn<Format>("format");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<HttpHeaders>("userHeaders");
        QTest::addColumn<Nh::Target>("target");
        QTest::addColumn<QDateTime>("schedule"); // invalid = send now
        QTest::addColumn<QString>("path");
        QTest::addColumn<QStringList>("flags");
        QTest::addColumn<HttpHeaders>("headers");

        const QByteArray apple = "{\"aps\":{\"alert\":\"hi\"}}"_ba;
        const QByteArray json = kJson.toByteArray();
        QTest::newRow("broadcast apple")
            << Format::Apple << apple << HttpHeaders {{"apns-push-type", "alert"}}
            << Nh::Target::broadcast() << QDateTime() << u"messages"_s << QStringList()
            << HttpHeaders {{"ServiceBusNotification-Format", "apple"},
                            {"Content-Type", json},
                            {"apns-push-type", "alert"}};
        QTest::newRow("tag expression, trimmed")
            << Format::Template << "{\"message\":\"hi\"}"_ba << HttpHeaders()
            << Nh::Target::tags(u"  (sports || music) && !politics "_s) << QDateTime()
            << u"messages"_s << QStringList()
            << HttpHeaders {{"ServiceBusNotification-Format", "template"},
                            {"ServiceBusNotification-Tags", "(sports || music) && !politics"},
                            {"Content-Type", json}};
        QTest::newRow("single tag, fcmv1")
            << Format::FcmV1 << "{\"message\":{\"data\":{\"a\":\"b\"}}}"_ba << HttpHeaders()
            << Nh::Target::tags(u"user:alice"_s) << QDateTime() << u"messages"_s << QStringList()
            << HttpHeaders {{"ServiceBusNotification-Format", "fcmv1"},
                            {"ServiceBusNotification-Tags", "user:alice"},
                            {"Content-Type", json}};
        QTest::newRow("direct fcmv1")
            << Format::FcmV1 << "{\"message\":{\"data\":{\"a\":\"b\"}}}"_ba << HttpHeaders()
            << Nh::Target::device(u" fcm-token-1 "_s) << QDateTime() << u"messages"_s
            << QStringList {u"direct"_s}
            << HttpHeaders {{"ServiceBusNotification-Format", "fcmv1"},
                            {"ServiceBusNotification-DeviceHandle", "fcm-token-1"},
                            {"Content-Type", json}};
        QTest::newRow("direct windows toast")
            << Format::Windows << "<toast/>"_ba << HttpHeaders {{"X-WNS-TTL", "60"}}
            << Nh::Target::device(u"https://db5.notify.windows.com/?token=AwYAAAB"_s) << QDateTime()
            << u"messages"_s << QStringList {u"direct"_s}
            << HttpHeaders {{"ServiceBusNotification-Format", "windows"},
                            {"ServiceBusNotification-DeviceHandle",
                             "https://db5.notify.windows.com/?token=AwYAAAB"},
                            {"Content-Type", "application/xml"},
                            {"X-WNS-Type", "wns/toast"},
                            {"X-WNS-TTL", "60"}};
        QTest::newRow("direct browser with keys from the target")
            << Format::Browser << "{\"title\":\"hi\"}"_ba << HttpHeaders()
            << Nh::Target::device(
                   u"https://fcm.googleapis.com/fcm/send/abc"_s,
                   "BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM"_ba,
                   "tBHItJI5svbpez7KI4CCXg"_ba)
            << QDateTime() << u"messages"_s << QStringList {u"direct"_s}
            << HttpHeaders {{"ServiceBusNotification-Format", "browser"},
                            {"ServiceBusNotification-DeviceHandle",
                             "https://fcm.googleapis.com/fcm/send/abc"},
                            {"Content-Type", json},
                            {"P256DH",
                             "BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-"
                             "Ts1XbjhazAkj7I99e8QcYP7DkM"},
                            {"Auth", "tBHItJI5svbpez7KI4CCXg"}};
        QTest::newRow("scheduled tag send")
            << Format::Template << "{\"message\":\"hi\"}"_ba << HttpHeaders()
            << Nh::Target::tags(u"sports"_s) << utc(2026, 3, 1, 12, 30, 0, 999)
            << u"schedulednotifications"_s << QStringList()
            << HttpHeaders {{"ServiceBusNotification-Format", "template"},
                            {"ServiceBusNotification-Tags", "sports"},
                            {"ServiceBusNotification-ScheduleTime", "2026-03-01T12:30:00"},
                            {"Content-Type", json}};
        QTest::newRow("scheduled broadcast given with an offset")
            << Format::Apple << apple << HttpHeaders() << Nh::Target::broadcast()
            << QDateTime(QDate(2026, 3, 2), QTime(1, 0), Qt::OffsetFromUTC, 2 * 3600)
            << u"schedulednotifications"_s << QStringList()
            << HttpHeaders {{"ServiceBusNotification-Format", "apple"},
                            {"ServiceBusNotification-ScheduleTime", "2026-03-01T23:00:00"},
                            {"Content-Type", json}};
        QTest::newRow("user Content-Type wins (Baidu as .NET sends it)")
            << Format::Baidu << "{\"title\":\"x\"}"_ba
            << HttpHeaders {{"content-type", "application/x-www-form-urlencoded"},
                            {"X-Baidu-Message-Type", "1"}}
            << Nh::Target::broadcast() << QDateTime() << u"messages"_s << QStringList()
            << HttpHeaders {{"ServiceBusNotification-Format", "baidu"},
                            {"Content-Type", "application/x-www-form-urlencoded"},
                            {"X-Baidu-Message-Type", "1"}};
    }

    void prepareSend()
    {
        QFETCH(Format, format);
        QFETCH(QByteArray, body);
        QFETCH(HttpHeaders, userHeaders);
        QFETCH(Nh::Target, target);
        QFETCH(QDateTime, schedule);
        QFETCH(QString, path);
        QFETCH(QStringList, flags);
        QFETCH(HttpHeaders, headers);

        Nh::Notification n;
        n.format = format;
        n.body = body;
        n.headers = userHeaders;
        n.target = target;
        if (schedule.isValid())
            n.scheduleTime = schedule;
        const auto prepared = Nh::prepareSend(n, utc(2026, 3, 1, 8, 0, 0));
        QVERIFY2(prepared.ok(), qPrintable(prepared.ok() ? QString() : prepared.error().message));
        QCOMPARE(prepared->path, path);
        QCOMPARE(prepared->queryFlags, flags);
        const QString diff = headerDiff(prepared->headers, headers);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
        QCOMPARE(prepared->body, body);
    }

    void prepareDirectBatch()
    {
        Nh::Notification n;
        n.format = Format::Apple;
        n.body = "{\"aps\":{\"alert\":\"hi\"}}"_ba;
        n.headers = {{"apns-push-type", "alert"}};
        n.target = Nh::Target::devices({u"TOKEN1"_s, u"TOKEN2"_s});
        const auto prepared = Nh::prepareSend(n);
        QVERIFY2(prepared.ok(), qPrintable(prepared.ok() ? QString() : prepared.error().message));
        QCOMPARE(prepared->path, u"messages/$batch"_s);
        QCOMPARE(prepared->queryFlags, QStringList {u"direct"_s});
        const QString diff = headerDiff(
            prepared->headers,
            {{"ServiceBusNotification-Format", "apple"},
             {"Content-Type", "multipart/mixed; boundary=\"nh-batch-multipart-boundary\""},
             {"apns-push-type", "alert"}});
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
        QCOMPARE(prepared->body,
                 "--nh-batch-multipart-boundary\r\n"
                 "Content-Type: application/json;charset=utf-8\r\n"
                 "Content-Disposition: inline; name=notification\r\n"
                 "\r\n"
                 "{\"aps\":{\"alert\":\"hi\"}}"
                 "\r\n"
                 "--nh-batch-multipart-boundary\r\n"
                 "Content-Type: application/json\r\n"
                 "Content-Disposition: inline; name=devices\r\n"
                 "\r\n"
                 "[\"TOKEN1\",\"TOKEN2\"]"
                 "\r\n"
                 "--nh-batch-multipart-boundary--\r\n"_ba);
    }

    void prepareSendWarnings()
    {
        Nh::Notification n;
        n.format = Format::Apple;
        n.body = "{\"aps\":{\"alert\":\"hi\"}}"_ba;
        n.target = Nh::Target::device(u"not-hex-token"_s);
        auto prepared = Nh::prepareSend(n);
        QVERIFY(prepared.ok());
        QVERIFY(anyWarningContains(prepared.warnings(), u"hexadecimal"_s));

        n.target = Nh::Target::devices({u"ab"_s, u"cd"_s, u"ab"_s});
        prepared = Nh::prepareSend(n);
        QVERIFY(prepared.ok());
        QVERIFY(anyWarningContains(prepared.warnings(), u"Device handle 3 repeats"_s));

        // Payload warnings travel too.
        n.format = Format::Gcm;
        n.body = "{}"_ba;
        n.target = Nh::Target::broadcast();
        prepared = Nh::prepareSend(n);
        QVERIFY(prepared.ok());
        QVERIFY(anyWarningContains(prepared.warnings(), u"2024-06-20"_s));
    }

    void prepareSendErrors_data()
    {
        QTest::addColumn<Format>("format");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<HttpHeaders>("userHeaders");
        QTest::addColumn<Nh::Target>("target");
        QTest::addColumn<QDateTime>("schedule");
        QTest::addColumn<ErrorCode>("code");
        QTest::addColumn<QString>("where");
        QTest::addColumn<QString>("messagePart");

        const QByteArray apple = "{\"aps\":{\"alert\":\"hi\"}}"_ba;
        const QByteArray tmpl = "{\"message\":\"hi\"}"_ba;
        const QDateTime now; // send now
        QStringList tooMany;
        for (int i = 0; i <= Nh::kMaxDirectBatchHandles; ++i)
            tooMany.append(u"t%1"_s.arg(i));

        QTest::newRow("template to a device")
            << Format::Template << tmpl << HttpHeaders() << Nh::Target::device(u"abc"_s) << now
            << ErrorCode::InvalidValue << u"ServiceBusNotification-DeviceHandle"_s
            << u"cannot be sent to a device handle"_s;
        QTest::newRow("template batch")
            << Format::Template << tmpl << HttpHeaders() << Nh::Target::devices({u"a"_s}) << now
            << ErrorCode::InvalidValue << u"ServiceBusNotification-DeviceHandle"_s
            << u"cannot be sent to a device handle"_s;
        QTest::newRow("blank tag expression")
            << Format::Apple << apple << HttpHeaders() << Nh::Target::tags(u"   "_s) << now
            << ErrorCode::EmptyField << u"ServiceBusNotification-Tags"_s
            << u"tag expression is empty"_s;
        QTest::newRow("line break in tags")
            << Format::Apple << apple << HttpHeaders() << Nh::Target::tags(u"a\r\nX: y"_s) << now
            << ErrorCode::InvalidValue << u"ServiceBusNotification-Tags"_s << u"position 2"_s;
        QTest::newRow("empty handle")
            << Format::Apple << apple << HttpHeaders() << Nh::Target::device(u" "_s) << now
            << ErrorCode::EmptyField << u"ServiceBusNotification-DeviceHandle"_s
            << u"device handle is empty"_s;
        Nh::Target two = Nh::Target::device(u"a"_s);
        two.deviceHandles.append(u"b"_s);
        QTest::newRow("two handles for a direct send")
            << Format::Apple << apple << HttpHeaders() << two << now << ErrorCode::InvalidValue
            << u"ServiceBusNotification-DeviceHandle"_s << u"exactly one device handle (2"_s;
        QTest::newRow("handle with a line break")
            << Format::Apple << apple << HttpHeaders() << Nh::Target::device(u"ab\ncd"_s) << now
            << ErrorCode::InvalidValue << u"ServiceBusNotification-DeviceHandle"_s
            << u"position 3"_s;
        QTest::newRow("empty batch")
            << Format::Apple << apple << HttpHeaders() << Nh::Target::devices({}) << now
            << ErrorCode::EmptyField << u"devices"_s << u"at least one"_s;
        QTest::newRow("1001 handles")
            << Format::Apple << apple << HttpHeaders() << Nh::Target::devices(tooMany) << now
            << ErrorCode::LimitExceeded << u"devices"_s
            << u"at most 1000 device handles, not 1001"_s;
        QTest::newRow("empty handle in a batch")
            << Format::Apple << apple << HttpHeaders() << Nh::Target::devices({u"a"_s, u""_s})
            << now << ErrorCode::EmptyField << u"ServiceBusNotification-DeviceHandle"_s
            << u"Device handle 2 is empty"_s;
        QTest::newRow("browser direct without keys")
            << Format::Browser << "{\"title\":\"x\"}"_ba << HttpHeaders()
            << Nh::Target::device(u"https://push.example/abc"_s) << now << ErrorCode::MissingField
            << u"P256DH"_s << u"the header P256DH"_s;
        QTest::newRow("browser direct without Auth")
            << Format::Browser << "{\"title\":\"x\"}"_ba
            << HttpHeaders {{"p256dh",
                             "BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-"
                             "Ts1XbjhazAkj7I99e8QcYP7DkM"}}
            << Nh::Target::device(u"https://push.example/abc"_s) << now << ErrorCode::MissingField
            << u"Auth"_s << u"the header Auth"_s;
        for (const auto &[kind, name] : {std::pair {Nh::TargetKind::None, "none"},
                                         std::pair {Nh::TargetKind::Resource, "resource"}}) {
            // Kinds the history records; no notification goes to them.
            Nh::Target notASendTarget;
            notASendTarget.kind = kind;
            QTest::addRow("target kind %s", name)
                << Format::Apple << apple << HttpHeaders() << notASendTarget << now
                << ErrorCode::InvalidValue << u"target"_s << u"tag expression, device handles"_s;
        }
        QTest::newRow("schedule in the past")
            << Format::Apple << apple << HttpHeaders() << Nh::Target::broadcast()
            << utc(2026, 3, 1, 7, 59, 59) << ErrorCode::InvalidValue
            << u"ServiceBusNotification-ScheduleTime"_s
            << u"2026-03-01T07:59:59 UTC is in the past"_s;
        QTest::newRow("schedule beyond 7 days")
            << Format::Apple << apple << HttpHeaders() << Nh::Target::broadcast()
            << utc(2026, 3, 8, 8, 0, 1) << ErrorCode::LimitExceeded
            << u"ServiceBusNotification-ScheduleTime"_s << u"more than 7 days ahead"_s;
        QTest::newRow("scheduled direct send")
            << Format::Apple << apple << HttpHeaders() << Nh::Target::device(u"ab"_s)
            << utc(2026, 3, 2, 8, 0, 0) << ErrorCode::InvalidValue
            << u"ServiceBusNotification-ScheduleTime"_s << u"cannot schedule a direct send"_s;
        QTest::newRow("invalid payload")
            << Format::Apple << "{\"alert\":\"x\"}"_ba << HttpHeaders() << Nh::Target::broadcast()
            << now << ErrorCode::MissingField << u"aps"_s << u"no \"aps\" object"_s;
        QTest::newRow("reserved header")
            << Format::Apple << apple << HttpHeaders {{"ServiceBusNotification-Format", "gcm"}}
            << Nh::Target::broadcast() << now << ErrorCode::InvalidValue
            << u"ServiceBusNotification-Format"_s << u"set by nhconsole"_s;
    }

    void prepareSendErrors()
    {
        QFETCH(Format, format);
        QFETCH(QByteArray, body);
        QFETCH(HttpHeaders, userHeaders);
        QFETCH(Nh::Target, target);
        QFETCH(QDateTime, schedule);
        QFETCH(ErrorCode, code);
        QFETCH(QString, where);
        QFETCH(QString, messagePart);

        Nh::Notification n;
        n.format = format;
        n.body = body;
        n.headers = userHeaders;
        n.target = target;
        if (schedule.isValid())
            n.scheduleTime = schedule;
        const auto prepared = Nh::prepareSend(n, utc(2026, 3, 1, 8, 0, 0));
        QVERIFY2(!prepared.ok(), "the notification was accepted");
        QVERIFY2(
            prepared.error().code == code,
            qPrintable(
                u"code %1: %2"_s.arg(int(prepared.error().code)).arg(prepared.error().message)));
        QCOMPARE(prepared.error().where, where);
        QVERIFY2(prepared.error().message.contains(messagePart),
                 qPrintable(prepared.error().message));
    }

    void scheduleBoundaries()
    {
        Nh::Notification n;
        n.format = Format::Template;
        n.body = "{\"a\":\"b\"}"_ba;
        const QDateTime now = utc(2026, 3, 1, 8, 0, 0, 500);
        n.scheduleTime = now.addDays(Nh::kMaxScheduleDays);
        auto prepared = Nh::prepareSend(n, now);
        QVERIFY2(prepared.ok(), qPrintable(prepared.ok() ? QString() : prepared.error().message));
        QCOMPARE(Nh::headerValue(prepared->headers, "ServiceBusNotification-ScheduleTime").value(),
                 "2026-03-08T08:00:00"_ba);
        n.scheduleTime = now;
        QVERIFY(Nh::prepareSend(n, now).ok());
        n.scheduleTime = QDateTime();
        prepared = Nh::prepareSend(n, now);
        QVERIFY(!prepared.ok());
        QCOMPARE(prepared.error().code, ErrorCode::InvalidValue);
    }

    void tagTargetUsesTheExpressionParser()
    {
        const Nh::Status broken = Nh::validateTagTarget(u"sports &&"_s);
        QVERIFY(!broken.ok());
        QVERIFY2(broken.error().code == ErrorCode::Syntax, qPrintable(broken.error().message));
        QVERIFY(broken.error().offset >= 0);
        QVERIFY(!broken.error().where.isEmpty());

        Nh::Notification n;
        n.format = Format::Template;
        n.body = "{\"a\":\"b\"}"_ba;
        n.target = Nh::Target::tags(u"sports &&"_s);
        const auto prepared = Nh::prepareSend(n);
        QVERIFY(!prepared.ok());
        QCOMPARE(prepared.error().code, ErrorCode::Syntax);

        QVERIFY(Nh::validateTagTarget(u"a || b"_s).ok());
        QCOMPARE(Nh::validateTagTarget(u""_s).error().code, ErrorCode::EmptyField);
    }

    // --- schedule time text ---------------------------------------------------------------

    void formatScheduleTime_data()
    {
        QTest::addColumn<QDateTime>("time");
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("UTC") << utc(2026, 1, 31, 12, 0, 0) << "2026-01-31T12:00:00"_ba;
        QTest::newRow("milliseconds dropped")
            << utc(2026, 1, 31, 12, 0, 5, 987) << "2026-01-31T12:00:05"_ba;
        QTest::newRow("offset converted to UTC")
            << QDateTime(QDate(2026, 1, 1), QTime(0, 30), Qt::OffsetFromUTC, -5 * 3600)
            << "2026-01-01T05:30:00"_ba;
        QTest::newRow("single-digit fields padded")
            << utc(987, 2, 3, 4, 5, 6) << "0987-02-03T04:05:06"_ba;
    }

    void formatScheduleTime()
    {
        QFETCH(QDateTime, time);
        QFETCH(QByteArray, text);
        QCOMPARE(Nh::formatScheduleTime(time), text);
        const auto back = Nh::parseScheduleTime(text);
        QVERIFY(back.ok());
        QCOMPARE(back.value(), time.toUTC().addMSecs(-time.time().msec()));
    }

    void parseScheduleTime_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QDateTime>("expected");
        QTest::newRow(".NET s form") << "2026-01-31T12:00:00"_ba << utc(2026, 1, 31, 12, 0, 0);
        QTest::newRow("JS toISOString")
            << "2026-11-23T01:19:38.887Z"_ba << utc(2026, 11, 23, 1, 19, 38, 887);
        QTest::newRow(".NET o form, 7 digits")
            << "2026-11-23T01:19:38.8870000Z"_ba << utc(2026, 11, 23, 1, 19, 38, 887);
        QTest::newRow("one fraction digit")
            << "2026-11-23T01:19:38.5Z"_ba << utc(2026, 11, 23, 1, 19, 38, 500);
        QTest::newRow("positive offset")
            << "2026-01-31T14:00:00+02:00"_ba << utc(2026, 1, 31, 12, 0, 0);
        QTest::newRow("negative offset across midnight")
            << "2026-01-31T22:30:00-05:30"_ba << utc(2026, 2, 1, 4, 0, 0);
        QTest::newRow("surrounding whitespace")
            << "  2026-01-31T12:00:00 "_ba << utc(2026, 1, 31, 12, 0, 0);
        QTest::newRow("space separator, lower-case z")
            << "2026-01-31 12:00:00z"_ba << utc(2026, 1, 31, 12, 0, 0);
        QTest::newRow("leap day") << "2028-02-29T00:00:00"_ba << utc(2028, 2, 29, 0, 0, 0);
    }

    void parseScheduleTime()
    {
        QFETCH(QByteArray, text);
        QFETCH(QDateTime, expected);
        const auto parsed = Nh::parseScheduleTime(text);
        QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().message));
        QCOMPARE(parsed.value(), expected);
        QCOMPARE(parsed.value().timeSpec(), Qt::UTC);
    }

    void parseScheduleTimeErrors_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<ErrorCode>("code");
        QTest::addColumn<qlonglong>("offset");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("empty") << QByteArray() << ErrorCode::Empty << -1LL << u"empty"_s;
        QTest::newRow("blank") << "   "_ba << ErrorCode::Empty << -1LL << u"empty"_s;
        QTest::newRow("date only")
            << "2026-01-31"_ba << ErrorCode::Truncated << 10LL << u"position 11"_s;
        QTest::newRow("slashes") << "2026/01/31T12:00:00"_ba << ErrorCode::Syntax << 4LL
                                 << u"position 5: expected '-'"_s;
        QTest::newRow("US form the Java SDK sends for APNs expiry")
            << "01/31/2026 12:00:00"_ba << ErrorCode::Syntax << 2LL << u"position 3"_s;
        QTest::newRow("no seconds") << "2026-01-31T12:00Z"_ba << ErrorCode::Syntax << 16LL
                                    << u"position 17: expected ':'"_s;
        QTest::newRow("dot without digits")
            << "2026-01-31T12:00:00.Z"_ba << ErrorCode::Syntax << 20LL << u"fraction of a second"_s;
        QTest::newRow("8 fraction digits") << "2026-01-31T12:00:00.12345678Z"_ba
                                           << ErrorCode::Syntax << 27LL << u"at most 7 digits"_s;
        QTest::newRow("zone name")
            << "2026-01-31T12:00:00 UTC"_ba << ErrorCode::Syntax << 19LL << u"position 20"_s;
        QTest::newRow("offset without colon")
            << "2026-01-31T12:00:00+0200"_ba << ErrorCode::Syntax << 22LL << u"expected ':'"_s;
        QTest::newRow("February 30")
            << "2026-02-30T12:00:00"_ba << ErrorCode::InvalidValue << 0LL << u"does not exist"_s;
        QTest::newRow("hour 25") << "2026-01-31T25:00:00"_ba << ErrorCode::InvalidValue << 0LL
                                 << u"does not exist"_s;
        QTest::newRow("Python strftime quotes")
            << "2026-01-31'T'12:00:00"_ba << ErrorCode::Syntax << 10LL << u"position 11"_s;
        QTest::newRow("garbage") << "soon"_ba << ErrorCode::Syntax << 0LL << u"position 1"_s;
    }

    void parseScheduleTimeErrors()
    {
        QFETCH(QByteArray, text);
        QFETCH(ErrorCode, code);
        QFETCH(qlonglong, offset);
        QFETCH(QString, messagePart);
        const auto parsed = Nh::parseScheduleTime(text);
        QVERIFY2(!parsed.ok(),
                 qPrintable(parsed.ok() ? parsed.value().toString(Qt::ISODate) : QString()));
        QVERIFY2(parsed.error().code == code, qPrintable(parsed.error().message));
        QCOMPARE(qlonglong(parsed.error().offset), offset);
        QVERIFY2(parsed.error().message.contains(messagePart), qPrintable(parsed.error().message));
    }

    // The notification id of a send's Location (docs/protocol.md §4.9), in the forms recorded.
    void notificationIdFromLocation_data()
    {
        QTest::addColumn<QString>("location");
        QTest::addColumn<QString>("id");
        QTest::newRow("2022, Kestrel")
            << u"https://ns.servicebus.windows.net/hub/messages/"
               "NH-20221214202418733-10e10df3cf8145ce838ec74b5610a9f6-06?api-version=2020-06"_s
            << u"NH-20221214202418733-10e10df3cf8145ce838ec74b5610a9f6-06"_s;
        QTest::newRow("batch, 2018")
            << u"https://ns.servicebus.windows.net/hub/messages/$batch/"
               "b755f9e4bb0844c8a2881986777aadb0-20181107001827-33331921-16?api-version=2017-04&direct"_s
            << u"b755f9e4bb0844c8a2881986777aadb0-20181107001827-33331921-16"_s;
        QTest::newRow("scheduled")
            << u"https://ns.servicebus.windows.net/hub/schedulednotifications/"
               "af14_20181107001832_1_17_Q-S6?api-version=2017-04"_s
            << u"af14_20181107001832_1_17_Q-S6"_s;
        QTest::newRow("no query, spaces") << u" https://h/hub/messages/abc "_s << u"abc"_s;
        QTest::newRow("empty") << QString() << QString();
        QTest::newRow("ends in a slash") << u"https://h/hub/messages/"_s << QString();
    }

    void notificationIdFromLocation()
    {
        QFETCH(QString, location);
        QFETCH(QString, id);
        QCOMPARE(Nh::notificationIdFromLocation(location), id);
    }

    // --- templates --------------------------------------------------------------------------

    void templateRoundTrip_data()
    {
        QTest::addColumn<Nh::TemplateProperties>("properties");
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("order kept")
            << Nh::TemplateProperties {{u"zeta"_s, u"1"_s}, {u"alpha"_s, u"2"_s}}
            << "{\"zeta\":\"1\",\"alpha\":\"2\"}"_ba;
        QTest::newRow("escapes") << Nh::TemplateProperties {{u"msg"_s,
                                                             u"say \"hi\"\n\\ \u0001 tab\t"_s}}
                                 << "{\"msg\":\"say \\\"hi\\\"\\n\\\\ \\u0001 tab\\t\"}"_ba;
        QTest::newRow("unicode kept as UTF-8")
            << Nh::TemplateProperties {{u"名前"_s, u"café 🎉"_s}} << "{\"名前\":\"café 🎉\"}"_ba;
        QTest::newRow("empty value")
            << Nh::TemplateProperties {{u"a"_s, QString()}} << "{\"a\":\"\"}"_ba;
        QTest::newRow("no properties") << Nh::TemplateProperties() << "{}"_ba;
    }

    void templateRoundTrip()
    {
        QFETCH(Nh::TemplateProperties, properties);
        QFETCH(QByteArray, body);
        QCOMPARE(Nh::templateBody(properties), body);
        const auto back = Nh::templateProperties(body);
        QVERIFY2(back.ok(), qPrintable(back.ok() ? QString() : back.error().message));
        QCOMPARE(back.value(), properties);
    }

    void templatePropertiesFromPrettyJson()
    {
        const auto props = Nh::templateProperties(
            "{\n  \"b\" : \"\\u00e9\\ud83c\\udf89\",\n  \"a\":\"x\\/y\"\n}\n"_ba);
        QVERIFY2(props.ok(), qPrintable(props.ok() ? QString() : props.error().message));
        QCOMPARE(props.value(), (Nh::TemplateProperties {{u"b"_s, u"é🎉"_s}, {u"a"_s, u"x/y"_s}}));
        const auto bad = Nh::templateProperties(fixture(u"template-number-value.json"_s));
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().code, ErrorCode::InvalidValue);
        QCOMPARE(bad.error().where, u"count"_s);
        QCOMPARE(bad.error().line, 3);
        QCOMPARE(bad.error().length, 10);
    }

    // --- text positions -------------------------------------------------------------------

    void textPosition_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<qlonglong>("offset");
        QTest::addColumn<qlonglong>("line");
        QTest::addColumn<qlonglong>("column");
        QTest::newRow("start") << "abc"_ba << 0LL << 1LL << 1LL;
        QTest::newRow("end") << "abc"_ba << 3LL << 1LL << 4LL;
        QTest::newRow("CRLF lines") << "a\r\nbc\r\nd"_ba << 7LL << 3LL << 1LL;
        QTest::newRow("two-byte character") << "\xc3\xa9x"_ba << 2LL << 1LL << 2LL;
        QTest::newRow("four-byte character is two QChars")
            << "\xf0\x9f\x8e\x89x"_ba << 4LL << 1LL << 3LL;
        QTest::newRow("past the end is clamped") << "a\nb"_ba << 99LL << 2LL << 2LL;
    }

    void textPosition()
    {
        QFETCH(QByteArray, text);
        QFETCH(qlonglong, offset);
        QFETCH(qlonglong, line);
        QFETCH(qlonglong, column);
        const Nh::TextPosition pos = Nh::textPosition(text, offset);
        QCOMPARE(qlonglong(pos.line), line);
        QCOMPARE(qlonglong(pos.column), column);
    }

    void jsonDocumentKeepsPositionsAndOrder()
    {
        const QByteArray text = " {\"b\": [1, \"x\"], \"a\": {\"c\": null}} "_ba;
        const auto doc = Nh::JsonDocument::parse(text, u"test"_s);
        QVERIFY(doc.ok());
        const Nh::JsonNode &root = doc->root();
        QCOMPARE(root.type, Nh::JsonNode::Type::Object);
        QCOMPARE(root.offset, 1);
        QCOMPARE(root.length, 33);
        QCOMPARE(root.members.size(), 2);
        QCOMPARE(root.members.at(0).key, u"b"_s);
        QCOMPARE(root.members.at(0).keyOffset, 2);
        QCOMPARE(root.members.at(0).keyLength, 3);
        QCOMPARE(root.members.at(1).key, u"a"_s);
        const Nh::JsonNode *b = doc->value(root, u"b");
        QVERIFY(b);
        QCOMPARE(b->type, Nh::JsonNode::Type::Array);
        QCOMPARE(b->items.size(), 2);
        QCOMPARE(doc->node(b->items.at(1)).text, u"x"_s);
        QCOMPARE(doc->node(b->items.at(1)).offset, 11);
        const Nh::JsonNode *a = doc->value(root, u"a");
        QVERIFY(a);
        QCOMPARE(doc->value(*a, u"c")->type, Nh::JsonNode::Type::Null);
        QVERIFY(!doc->value(root, u"missing"));
    }

    // --- direct batch -----------------------------------------------------------------------

    void buildDirectBatchExact()
    {
        QCOMPARE(Nh::directBatchContentType(),
                 "multipart/mixed; boundary=\"nh-batch-multipart-boundary\""_ba);
        QCOMPARE(Nh::buildDirectBatchBody("application/xml", "<toast/>",
                                          {u"https://a/?t=1"_s, u"q\"uote"_s}, "b1"),
                 "--b1\r\nContent-Type: application/xml\r\nContent-Disposition: inline; "
                 "name=notification\r\n\r\n<toast/>\r\n--b1\r\nContent-Type: application/json\r\n"
                 "Content-Disposition: inline; name=devices\r\n\r\n"
                 "[\"https://a/?t=1\",\"q\\\"uote\"]\r\n--b1--\r\n"_ba);
    }

    void directBatchRoundTrip_data()
    {
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QByteArray>("notification");
        QTest::addColumn<QStringList>("handles");
        QTest::newRow("apple") << kJson.toByteArray() << "{\"aps\":{\"alert\":\"hi\"}}"_ba
                               << QStringList {u"TOKEN1"_s, u"TOKEN2"_s};
        QTest::newRow("multi-line XML and odd handles")
            << "application/xml"_ba
            << "<toast>\r\n  <visual/>\r\n</toast>\n"_ba
            << QStringList {u"https://x/?a=1&b='2'"_s, u"back\\slash \"q\""_s, u"é"_s};
        QTest::newRow("payload ending in CRLF") << "application/octet-stream"_ba
                                                << "raw line\r\n"_ba << QStringList {u"h"_s};
        QStringList many;
        for (int i = 0; i < Nh::kMaxDirectBatchHandles; ++i)
            many.append(u"handle-%1"_s.arg(i));
        QTest::newRow("1000 handles") << kJson.toByteArray() << "{\"a\":\"b\"}"_ba << many;
    }

    void directBatchRoundTrip()
    {
        QFETCH(QByteArray, contentType);
        QFETCH(QByteArray, notification);
        QFETCH(QStringList, handles);
        const QByteArray body = Nh::buildDirectBatchBody(contentType, notification, handles);
        const auto batch = Nh::parseDirectBatch(Nh::directBatchContentType(), body);
        QVERIFY2(batch.ok(), qPrintable(batch.ok() ? QString() : batch.error().message));
        QCOMPARE(batch->boundary, "nh-batch-multipart-boundary"_ba);
        QCOMPARE(batch->notificationContentType, contentType);
        QCOMPARE(batch->notification, notification);
        QCOMPARE(batch->deviceHandles, handles);
        QVERIFY2(batch.warnings().isEmpty(), qPrintable(warningsText(batch.warnings())));
    }

    void boundaryAvoidsThePayload()
    {
        const QByteArray payload = "{\"a\":\"--nh-batch-multipart-boundary\"}"_ba;
        const QByteArray boundary = Nh::batchBoundaryFor(payload);
        QVERIFY(boundary != "nh-batch-multipart-boundary");
        QVERIFY(boundary.startsWith("nh-batch-multipart-boundary-"));
        QCOMPARE(Nh::batchBoundaryFor("{}"), "nh-batch-multipart-boundary"_ba);

        Nh::Notification n;
        n.format = Format::Browser;
        n.body = payload;
        n.target = Nh::Target::devices({u"https://push.example/1"_s});
        const auto prepared = Nh::prepareSend(n);
        QVERIFY(prepared.ok());
        const auto batch = Nh::parseDirectBatch(
            Nh::headerValue(prepared->headers, "Content-Type").value(), prepared->body);
        QVERIFY2(batch.ok(), qPrintable(batch.ok() ? QString() : batch.error().message));
        QCOMPARE(batch->notification, payload);
        QCOMPARE(batch->deviceHandles, QStringList {u"https://push.example/1"_s});
    }

    void parseJsSdkBatch()
    {
        // Byte for byte what @azure/notification-hubs 2.1.0 sends (docs/protocol.md §9.3):
        // spaces around '=', a quoted boundary, "Content-type", no CRLF after the close.
        const auto batch = Nh::parseDirectBatch(
            "multipart/mixed; boundary = \"nh-boundary-6f1c2a7e-0b9d-4d61-9a57-2f4f1f3c8e10\"",
            fixture(u"batch-js-sdk.txt"_s));
        QVERIFY2(batch.ok(), qPrintable(batch.ok() ? QString() : batch.error().message));
        QCOMPARE(batch->boundary, "nh-boundary-6f1c2a7e-0b9d-4d61-9a57-2f4f1f3c8e10"_ba);
        QCOMPARE(batch->notificationContentType, kJson.toByteArray());
        QCOMPARE(batch->notification, "{\"aps\":{\"alert\":\"Hello\"}}"_ba);
        QCOMPARE(batch->deviceHandles, (QStringList {u"123"_s, u"456"_s, u"789"_s}));
        QVERIFY(batch.warnings().isEmpty());
    }

    void parseDocBatch()
    {
        // The docs' example: LF line ends, single-quoted handles, a preamble.
        const auto batch =
            Nh::parseDirectBatch("multipart/mixed; boundary=\"nh-batch-multipart-boundary\"",
                                 fixture(u"batch-doc-single-quotes.txt"_s));
        QVERIFY2(batch.ok(), qPrintable(batch.ok() ? QString() : batch.error().message));
        QCOMPARE(batch->notificationContentType, "application/json; charset=utf-8"_ba);
        QCOMPARE(batch->notification, "{\"aps\":{\"alert\":\"hi\"}}"_ba);
        QCOMPARE(batch->deviceHandles, (QStringList {u"t1"_s, u"t2"_s}));
    }

    void parseBatchVariants_data()
    {
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("notification");
        QTest::addColumn<QStringList>("handles");
        QTest::addColumn<int>("warnings");

        const QByteArray parts =
            "--b\r\ncontent-disposition: INLINE; NAME=\"Devices\"\r\n\r\n[ 'a' , \"b\" ]\r\n"
            "--b\r\nCONTENT-TYPE: text/plain\r\nContent-Disposition: form-data; "
            "name=notification\r\n\r\npayload\r\n--b--"_ba;
        QTest::newRow("unquoted boundary, parts in any order and case")
            << "multipart/mixed;boundary=b"_ba << parts << "payload"_ba
            << QStringList {u"a"_s, u"b"_s} << 0;
        QTest::newRow("upper-case type, boundary after another parameter")
            << "Multipart/Mixed; charset=utf-8; BOUNDARY=\"b\""_ba << parts << "payload"_ba
            << QStringList {u"a"_s, u"b"_s} << 0;
        QTest::newRow("epilogue and padding after delimiters")
            << "multipart/mixed; boundary=b"_ba
            << "--b  \nContent-Disposition: inline; name=notification\n\nx\n--b\t\n"
               "Content-Disposition: inline; name=devices\n\n[\"h\"]\n--b--\r\nepilogue"_ba
            << "x"_ba << QStringList {u"h"_s} << 0;
        QTest::newRow("folded header and an unknown part")
            << "multipart/mixed; boundary=b"_ba
            << "--b\r\nContent-Disposition: inline;\r\n name=notification\r\n\r\nx\r\n"
               "--b\r\nContent-Disposition: inline; name=extra\r\n\r\nignored\r\n"
               "--b\r\nContent-Disposition: inline; name=devices\r\n\r\n[\"h\"]\r\n--b--"_ba
            << "x"_ba << QStringList {u"h"_s} << 1;
        QTest::newRow("boundary prefix inside the content")
            << "multipart/mixed; boundary=b"_ba
            << "--b\r\nContent-Disposition: inline; name=notification\r\n\r\n--bx\r\n--b\r\n"
               "Content-Disposition: inline; name=devices\r\n\r\n[\"\\u00e9\"]\r\n--b--"_ba
            << "--bx"_ba << QStringList {u"é"_s} << 0;
    }

    void parseBatchVariants()
    {
        QFETCH(QByteArray, contentType);
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, notification);
        QFETCH(QStringList, handles);
        QFETCH(int, warnings);
        const auto batch = Nh::parseDirectBatch(contentType, body);
        QVERIFY2(batch.ok(), qPrintable(batch.ok() ? QString() : batch.error().message));
        QCOMPARE(batch->notification, notification);
        QCOMPARE(batch->deviceHandles, handles);
        QCOMPARE(batch.warnings().size(), warnings);
    }

    void parseBatchErrors_data()
    {
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<ErrorCode>("code");
        QTest::addColumn<QString>("where");
        QTest::addColumn<qlonglong>("offset");
        QTest::addColumn<qlonglong>("line");
        QTest::addColumn<QString>("messagePart");

        const QByteArray ct = "multipart/mixed; boundary=b"_ba;
        const QByteArray note =
            "--b\r\nContent-Disposition: inline; name=notification\r\n\r\n{}\r\n"_ba;
        auto devices = [](const QByteArray &array) -> QByteArray {
            return "--b\r\nContent-Disposition: inline; name=devices\r\n\r\n"_ba + array
                + "\r\n--b--"_ba;
        };
        const QString missing = u"Could not find a part of the multipart content supplied."_s;
        QString allHandles = u"["_s;
        for (int i = 0; i <= Nh::kMaxDirectBatchHandles; ++i)
            allHandles += (i ? u","_s : QString()) + u"\"h%1\""_s.arg(i);
        allHandles += u"]"_s;

        QTest::newRow("missing devices part")
            << ct << QByteArray(note + "--b--"_ba) << ErrorCode::MissingField << u"devices"_s
            << -1LL << 0LL << missing;
        QTest::newRow("missing notification part")
            << ct << devices("[\"a\"]") << ErrorCode::MissingField << u"notification"_s << -1LL
            << 0LL << missing;
        QTest::newRow("not multipart")
            << "application/json"_ba << note << ErrorCode::InvalidValue << u"Content-Type"_s << 0LL
            << 0LL << u"must be multipart/mixed"_s;
        QTest::newRow("no Content-Type")
            << QByteArray() << note << ErrorCode::MissingField << u"Content-Type"_s << -1LL << 0LL
            << u"needs a Content-Type"_s;
        QTest::newRow("no boundary")
            << "multipart/mixed; charset=utf-8"_ba << note << ErrorCode::MissingField
            << u"Content-Type"_s << -1LL << 0LL << u"no boundary"_s;
        QTest::newRow("empty boundary")
            << "multipart/mixed; boundary=\"\""_ba << note << ErrorCode::EmptyField
            << u"Content-Type"_s << -1LL << 0LL << u"boundary parameter"_s;
        QTest::newRow("unclosed quote")
            << "multipart/mixed; boundary=\"b"_ba << note << ErrorCode::Syntax << u"Content-Type"_s
            << 26LL << 0LL << u"position 27"_s;
        QTest::newRow("empty body")
            << ct << QByteArray() << ErrorCode::Empty << QString() << -1LL << 0LL << u"empty"_s;
        QTest::newRow("no delimiter") << ct << "{\"aps\":{}}"_ba << ErrorCode::Syntax << QString()
                                      << 0LL << 1LL << u"no line \"--b\""_s;
        QTest::newRow("no closing delimiter") << ct << note << ErrorCode::Truncated << QString()
                                              << 59LL << 5LL << u"ends without \"--b--\""_s;
        QTest::newRow("ends inside part headers")
            << ct << "--b\r\nContent-Disposition: inline; name=devices\r\n"_ba
            << ErrorCode::Truncated << QString() << 48LL << 3LL << u"inside its headers"_s;
        QTest::newRow("header line without colon")
            << ct << "--b\r\nname=devices\r\n\r\n[]\r\n--b--"_ba << ErrorCode::Syntax << QString()
            << 5LL << 2LL << u"\"name: value\""_s;
        QTest::newRow("text after delimiter")
            << ct << "--b junk\r\n"_ba << ErrorCode::Syntax << QString() << 4LL << 1LL
            << u"after the part delimiter"_s;
        QTest::newRow("duplicate part")
            << ct << QByteArray(note + note + "--b--"_ba) << ErrorCode::DuplicateField
            << u"notification"_s << 64LL << 6LL << u"appears twice"_s;
        QTest::newRow("empty notification")
            << ct
            << QByteArray("--b\r\nContent-Disposition: inline; name=notification\r\n\r\n\r\n"_ba
                          + devices("[\"a\"]"))
            << ErrorCode::EmptyField << u"notification"_s << 55LL << 4LL << u"empty"_s;
        QTest::newRow("empty array")
            << ct << QByteArray(note + devices("[ ]")) << ErrorCode::EmptyField << u"devices"_s
            << 109LL << 8LL << u"no device handles"_s;
        QTest::newRow("empty devices part")
            << ct << QByteArray(note + devices("")) << ErrorCode::EmptyField << u"devices"_s
            << 109LL << 8LL << u"is empty"_s;
        QTest::newRow("object instead of array")
            << ct << QByteArray(note + devices("{\"a\":1}")) << ErrorCode::Syntax << u"devices"_s
            << 109LL << 8LL << u"JSON array"_s;
        QTest::newRow("number handle")
            << ct << QByteArray(note + devices("[\"a\",42]")) << ErrorCode::InvalidValue
            << u"devices"_s << 114LL << 8LL << u"only strings"_s;
        QTest::newRow("trailing comma")
            << ct << QByteArray(note + devices("[\"a\",]")) << ErrorCode::Syntax << u"devices"_s
            << 114LL << 8LL << u"trailing comma"_s;
        QTest::newRow("empty handle")
            << ct << QByteArray(note + devices("[\"a\",'']")) << ErrorCode::EmptyField
            << u"devices"_s << 114LL << 8LL << u"Device handle 2 in the devices array is empty"_s;
        QTest::newRow("unterminated handle")
            << ct
            << QByteArray(
                   note
                   + "--b\r\nContent-Disposition: inline; name=devices\r\n\r\n[\"abc\r\n--b--"_ba)
            << ErrorCode::Truncated << u"devices"_s << 114LL << 8LL
            << u"line 8, column 2 is not closed"_s;
        QTest::newRow("array not closed")
            << ct << QByteArray(note + devices("[\"a\"")) << ErrorCode::Truncated << u"devices"_s
            << 113LL << 8LL << u"not closed with ']'"_s;
        QTest::newRow("text after the array")
            << ct << QByteArray(note + devices("[\"a\"] x")) << ErrorCode::Syntax << u"devices"_s
            << 115LL << 8LL << u"after the devices array"_s;
        QTest::newRow("1001 handles")
            << ct << QByteArray(note + devices(allHandles.toUtf8())) << ErrorCode::LimitExceeded
            << u"devices"_s << 7000LL << 8LL << u"more than 1000"_s;
    }

    void parseBatchErrors()
    {
        QFETCH(QByteArray, contentType);
        QFETCH(QByteArray, body);
        QFETCH(ErrorCode, code);
        QFETCH(QString, where);
        QFETCH(qlonglong, offset);
        QFETCH(qlonglong, line);
        QFETCH(QString, messagePart);
        const auto batch = Nh::parseDirectBatch(contentType, body);
        QVERIFY2(!batch.ok(), "the batch was accepted");
        const Nh::Error &e = batch.error();
        QVERIFY2(e.code == code, qPrintable(u"code %1: %2"_s.arg(int(e.code)).arg(e.message)));
        QCOMPARE(e.where, where);
        QCOMPARE(qlonglong(e.offset), offset);
        QCOMPARE(qlonglong(e.line), line);
        QVERIFY2(e.message.contains(messagePart), qPrintable(e.message));
        if (code == ErrorCode::MissingField && where != u"Content-Type"_s)
            QCOMPARE(e.message, messagePart); // the service's exact text, for the emulator
    }

    void parseBatchHostile()
    {
        const QByteArray ct = "multipart/mixed; boundary=b"_ba;
        QVERIFY(!Nh::parseDirectBatch(ct, QByteArray(1024 * 1024, '-')).ok());
        QVERIFY(!Nh::parseDirectBatch(ct, QByteArray("--b\r\n\x00\x01\xff", 8)).ok());
        QVERIFY(!Nh::parseDirectBatch(ct, "--b--"_ba).ok());
        QVERIFY(!Nh::parseDirectBatch(
                     QByteArray("multipart/mixed; boundary=" + QByteArray(2000, 'b')), "x"_ba)
                     .ok());
        QString many = u"["_s;
        for (int i = 0; i < 5000; ++i)
            many += u"\"h\","_s;
        const auto big = Nh::parseDirectBatch(
            ct,
            QByteArray("--b\r\nContent-Disposition: inline; name=notification\r\n\r\n{}\r\n--b\r\n"
                       "Content-Disposition: inline; name=devices\r\n\r\n"_ba
                       + many.toUtf8() + "]\r\n--b--"_ba));
        QVERIFY(!big.ok());
        QCOMPARE(big.error().code, ErrorCode::LimitExceeded);
    }
};

QTEST_GUILESS_MAIN(Tst_payloads)
#include "tst_payloads.moc"
