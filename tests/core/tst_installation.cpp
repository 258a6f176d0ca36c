// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocol/installation.h"
#include "protocol/xmlutil.h"

#include <QFile>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using Nh::ErrorCode;
using Nh::Installation;
using Nh::Platform;
using Nh::Registration;

Q_DECLARE_METATYPE(Nh::ErrorCode)
Q_DECLARE_METATYPE(Nh::Platform)

namespace {

const QString kToken = u"62BCD3484834B7E2DC56733AC5509259230CC1BA82BA1AE7D06E91908A05A8FA"_s;

QByteArray fixture(const QString &relative)
{
    QFile file(QString::fromUtf8(NH_TEST_DATA_DIR) + u"/installations/"_s + relative);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(relative));
    return file.readAll();
}

QString message(const Nh::Result<Installation> &r)
{
    return r.ok() ? QString() : r.error().message;
}

Installation parsed(const QByteArray &json)
{
    const auto result = Nh::parseInstallation(json);
    if (!result.ok())
        qFatal("fixture installation does not parse: %s", qPrintable(result.error().message));
    return result.value();
}

// The installation every patch row starts from.
const QByteArray kPatchBase =
    R"nh({"installationId":"i1","userId":"bob","platform":"apns","pushChannel":"AB12",)nh"
    R"nh("tags":["a","b"],"pushVariables":{"v1":"x"},)nh"
    "\"templates\":{\"t1\":{\"body\":\"{\\\"aps\\\":{}}\",\"headers\":{\"apns-priority\":\"10\"},\"expiry\":\"2030-01-01\",\"tags\":[\"tt\"]}}}"_ba;

} // namespace

class Tst_installation final : public QObject
{
    Q_OBJECT
private slots:
    void documentationExample();
    void recordedGetIsReproducedByteForByte();
    void browserChannelAsObject();
    void browserChannelAsString();
    void secondaryTileChannelExpired();
    void platformNames_data();
    void platformNames();
    void roundTrip();
    void warnings();
    void brokenInstallations_data();
    void brokenInstallations();
    void tooBig();
    void patches_data();
    void patches();
    void patchErrors_data();
    void patchErrors();
    void patchBrowserChannel();
    void materialisedRegistrations();
    void materialisedWindowsTiles();
    void materialisedOtherPlatforms();
};

void Tst_installation::documentationExample()
{
    const auto result = Nh::parseInstallation(fixture(u"doc-example.json"_s));
    QVERIFY2(result.ok(), qPrintable(message(result)));
    const Installation &i = result.value();
    QCOMPARE(i.installationId, u"95e4cf2e-685f-4141-98e2-4c5f71d1a696"_s);
    QCOMPARE(i.userId, u"alice"_s);
    QCOMPARE(i.platform, Platform::Apple);
    QCOMPARE(i.pushChannel, kToken);
    QVERIFY(!i.pushChannelIsObject);
    QCOMPARE(i.pushChannelExpired, std::optional<bool>(false));
    QCOMPARE(i.expirationTime, Registration::neverExpires());
    QCOMPARE(i.tags, QStringList {u"tag1"_s});
    QCOMPARE(i.pushVariables, (QMap<QString, QString> {{u"var1"_s, u"value1"_s}}));
    QCOMPARE(i.templates.size(), 1);
    const Nh::InstallationTemplate t = i.templates.value(u"Template Name"_s);
    const QString body = uR"nh({"aps":{"alert":"$(msg)"}})nh"_s;
    QCOMPARE(t.body, body);
    QCOMPARE(t.expiry, u"…"_s);
    QCOMPARE(t.headers, (QMap<QString, QString> {{u"apns-priority"_s, u"10"_s}}));
    QCOMPARE(t.tags, QStringList {u"Template Name"_s});
    QCOMPARE(i.secondaryTiles.size(), 1);
    QCOMPARE(i.secondaryTiles.value(u"tileId1"_s).pushChannel, u"…"_s);
    QVERIFY(i.secondaryTiles.value(u"tileId1"_s).tags.isEmpty());
    QVERIFY(!i.lastUpdate.isValid());
    // The template tag "Template Name" breaks §6.1 (a space) but the service returns such tags
    // itself: a warning, not an error.
    QCOMPARE(result.warnings().size(), 1);
    QVERIFY2(result.warnings().first().message.contains(u"/templates/Template Name/tags/0"_s),
             qPrintable(result.warnings().first().message));
}

void Tst_installation::recordedGetIsReproducedByteForByte()
{
    const QByteArray recorded = fixture(u"rec-wns-headers.json"_s);
    const auto result = Nh::parseInstallation(recorded);
    QVERIFY2(result.ok(), qPrintable(message(result)));
    QCOMPARE(result->platform, Platform::Windows);
    QCOMPARE(result->pushChannel, u"https://some.url/"_s);
    QCOMPARE(result->templates.value(u"Template Name"_s).headers,
             (QMap<QString, QString> {{u"X-WNS-Type"_s, u"wns/toast"_s}}));
    QCOMPARE(Nh::installationJson(result.value()), recorded);
}

void Tst_installation::browserChannelAsObject()
{
    const auto result = Nh::parseInstallation(fixture(u"js-browser-object.json"_s));
    QVERIFY2(result.ok(), qPrintable(message(result)));
    QCOMPARE(result->platform, Platform::Browser);
    QVERIFY(result->pushChannelIsObject);
    const auto channel = result->browserPushChannel();
    QVERIFY(channel.has_value());
    QCOMPARE(channel->endpoint, u"https://fcm.googleapis.com/fcm/send/abc:def"_s);
    QCOMPARE(
        channel->p256dh,
        u"BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM"_s);
    QCOMPARE(channel->auth, u"tBHItJI5svbpez7KI4CCXg"_s);
    // Written back as an object, not as a string.
    const QByteArray json = Nh::installationJson(result.value());
    const QByteArray expected =
        R"nh({"installationId":"web-1","pushChannel":{"auth":"tBHItJI5svbpez7KI4CCXg","endpoint":"https://fcm.googleapis.com/fcm/send/abc:def","p256dh":"BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM"},"platform":"browser","tags":["web","lang:en"]})nh"_ba;
    QCOMPARE(json, expected);
    QCOMPARE(Nh::parseInstallation(json).value(), result.value());
}

void Tst_installation::browserChannelAsString()
{
    const auto result = Nh::parseInstallation(fixture(u"java-browser-string.json"_s));
    QVERIFY2(result.ok(), qPrintable(message(result)));
    QCOMPARE(result->platform, Platform::Browser); // "Browser"
    QVERIFY(!result->pushChannelIsObject);
    QCOMPARE(result->pushChannelExpired, std::optional<bool>(true)); // read from expiredPushChannel
    const auto channel = result->browserPushChannel();
    QVERIFY(channel.has_value());
    QCOMPARE(channel->endpoint, u"https://updates.push.services.mozilla.com/wpush/v2/xyz"_s);
    QCOMPARE(channel->p256dh, u"p256dh-key"_s);
    QCOMPARE(channel->auth, u"auth-secret"_s);
    // Written back as the same JSON string, under the service's name pushChannelExpired.
    const QByteArray expected =
        "{\"installationId\":\"web-2\",\"pushChannel\":\"{\\\"endpoint\\\":\\\"https://updates.push.services.mozilla.com/wpush/v2/xyz\\\",\\\"p256dh\\\":\\\"p256dh-key\\\",\\\"auth\\\":\\\"auth-secret\\\"}\",\"pushChannelExpired\":true,\"platform\":\"browser\"}"_ba;
    QCOMPARE(Nh::installationJson(result.value()), expected);
}

// Every SDK models pushChannelExpired on a WNS secondary tile (the Java SDK's own serializer
// fixture writes it); it was dropped with a warning that it is no member of a tile.
void Tst_installation::secondaryTileChannelExpired()
{
    const QByteArray json = fixture(u"wns-tile-expired.json"_s);
    const auto result = Nh::parseInstallation(json);
    QVERIFY2(result.ok(), qPrintable(message(result)));
    // Was: "The member /secondaryTiles/tile1/pushChannelExpired is not part of a secondary tile".
    QVERIFY2(result.warnings().isEmpty(), qPrintable(result.warnings().value(0).message));
    QCOMPARE(result->secondaryTiles.value(u"tile1"_s).pushChannelExpired, std::optional(true));
    QCOMPARE(result->secondaryTiles.value(u"tile2"_s).pushChannelExpired, std::nullopt);
    QCOMPARE(result->pushChannelExpired, std::optional(false));

    // Written back after the tile's channel, as the SDKs order it; left out when unset.
    const QByteArray written = Nh::installationJson(*result);
    QVERIFY2(written.contains(R"nh(token=tile1","pushChannelExpired":true,"tags":["t1"])nh"),
             written.constData());
    QVERIFY2(written.contains(R"nh(token=tile2","tags":[])nh"), written.constData());
    const auto again = Nh::parseInstallation(written);
    QVERIFY2(again.ok(), qPrintable(message(again)));
    QVERIFY(again.value() == result.value());

    QByteArray wrongType = json;
    wrongType.replace(R"nh("pushChannelExpired":true)nh", R"nh("pushChannelExpired":"yes")nh");
    const auto refused = Nh::parseInstallation(wrongType);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().where, u"/secondaryTiles/tile1/pushChannelExpired"_s);
    QVERIFY2(refused.error().message.contains(u"boolean"_s), qPrintable(refused.error().message));
    QVERIFY(refused.error().line > 0);
}

void Tst_installation::platformNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<Platform>("platform");
    QTest::addColumn<QString>("written");
    QTest::newRow("apns") << u"apns"_s << Platform::Apple << u"apns"_s;
    QTest::newRow("APNS") << u"APNS"_s << Platform::Apple << u"apns"_s;
    QTest::newRow("fcmv1") << u"fcmv1"_s << Platform::FcmV1 << u"fcmv1"_s;
    QTest::newRow("fcmV1 (.NET)") << u"fcmV1"_s << Platform::FcmV1 << u"fcmv1"_s;
    QTest::newRow("FCMV1 (docs)") << u"FCMV1"_s << Platform::FcmV1 << u"fcmv1"_s;
    QTest::newRow("gcm") << u"gcm"_s << Platform::Gcm << u"gcm"_s;
    QTest::newRow("wns") << u"wns"_s << Platform::Windows << u"wns"_s;
    QTest::newRow("mpns") << u"mpns"_s << Platform::WindowsPhone << u"mpns"_s;
    QTest::newRow("adm") << u"Adm"_s << Platform::Adm << u"adm"_s;
    QTest::newRow("baidu") << u"baidu"_s << Platform::Baidu << u"baidu"_s;
    QTest::newRow("xiaomi") << u"xiaomi"_s << Platform::Xiaomi << u"xiaomi"_s;
}

void Tst_installation::platformNames()
{
    QFETCH(QString, name);
    QFETCH(Platform, platform);
    QFETCH(QString, written);
    const QByteArray json =
        R"nh({"installationId":"x","platform":")nh" + name.toUtf8() + R"nh(","pushChannel":"h"})nh";
    const auto result = Nh::parseInstallation(json);
    QVERIFY2(result.ok(), qPrintable(message(result)));
    QCOMPARE(result->platform, platform);
    const QByteArray out = Nh::installationJson(result.value());
    const QByteArray expected = R"nh("platform":")nh" + written.toUtf8() + '"';
    QVERIFY2(out.contains(expected), out.constData());
}

void Tst_installation::roundTrip()
{
    for (const QString &file :
         {u"doc-example.json"_s, u"rec-wns-headers.json"_s, u"js-browser-object.json"_s,
          u"java-browser-string.json"_s, u"wns-tile-expired.json"_s}) {
        const Installation original = parsed(fixture(file));
        const auto again = Nh::parseInstallation(Nh::installationJson(original));
        QVERIFY2(again.ok(), qPrintable(message(again)));
        QVERIFY2(again.value() == original, qPrintable(file));
    }
    // Every member, with text that needs escaping.
    Installation full;
    full.installationId = u"id \"1\""_s;
    full.userId = u"ü\\ser"_s;
    full.platform = Platform::Windows;
    full.pushChannel = u"https://db5.notify.windows.com/?token=a&b\n"_s;
    full.pushChannelExpired = false;
    full.expirationTime = QDateTime(QDate(2030, 1, 2), QTime(3, 4, 5, 6), Qt::UTC);
    full.lastActiveOn = QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC);
    full.lastUpdate = QDateTime(QDate(2026, 1, 2), QTime(0, 0), Qt::UTC);
    full.tags = {u"a"_s, u"b:c"_s};
    full.pushVariables = {{u"k"_s, u"v\t\u0001"_s}};
    full.templates.insert(
        u"t/1"_s, {u"<toast/>"_s, {{u"X-WNS-Type"_s, u"wns/toast"_s}}, QString(), {u"x"_s}});
    full.secondaryTiles.insert(
        u"tile"_s,
        {u"https://tile/"_s, {u"t"_s}, {{u"tt"_s, {u"<tile/>"_s, {}, QString(), {}}}}, true});
    const QByteArray json = Nh::installationJson(full);
    const auto again = Nh::parseInstallation(json);
    QVERIFY2(again.ok(), qPrintable(message(again) + u" in "_s + QString::fromUtf8(json)));
    QVERIFY2(again.value() == full, json.constData());
    QVERIFY2(
        json.contains(
            R"nh("lastActiveOn":"2026-01-01T00:00:00.000Z","lastUpdate":"2026-01-02T00:00:00.000Z")nh"),
        json.constData());
    QVERIFY2(json.contains("\"pushVariables\":{\"k\":\"v\\t\\u0001\"}"), json.constData());
}

void Tst_installation::warnings()
{
    const QByteArray json = R"nh({"installationId":"x","platform":"gcm","pushChannel":"h",)nh"
                            "\"tags\":[\"caf\\u00e9\"],\"futureMember\":{\"a\":1}}";
    const auto result = Nh::parseInstallation(json);
    QVERIFY2(result.ok(), qPrintable(message(result)));
    QCOMPARE(result->tags, QStringList {u"café"_s});
    QCOMPARE(result.warnings().size(), 2);
    QVERIFY(result.warnings()[0].message.contains(u"futureMember"_s));
    QVERIFY(result.warnings()[1].message.contains(u"non-ASCII"_s));

    QByteArray many = R"nh({"installationId":"x","platform":"gcm","pushChannel":"h","tags":[)nh";
    for (int i = 0; i < 61; ++i)
        many += (i ? ",\"t" : "\"t") + QByteArray::number(i) + '"';
    many += "]}";
    const auto manyTags = Nh::parseInstallation(many);
    QVERIFY2(manyTags.ok(), qPrintable(message(manyTags)));
    QCOMPARE(manyTags->tags.size(), 61);
    QCOMPARE(manyTags.warnings().size(), 1);
    QVERIFY(manyTags.warnings()[0].message.contains(u"61 tags"_s));
}

void Tst_installation::brokenInstallations_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<ErrorCode>("code");
    QTest::addColumn<int>("line"); // 0 = not located
    QTest::addColumn<int>("column"); // 0 = not checked
    QTest::addColumn<QString>("where");
    QTest::addColumn<QString>("mentions");

    QTest::newRow("empty") << QByteArray() << ErrorCode::Empty << 0 << 0 << QString() << u"empty"_s;
    QTest::newRow("garbage") << "hello"_ba << ErrorCode::Syntax << 1 << 0 << QString()
                             << u"not valid JSON"_s;
    QTest::newRow("truncated") << R"nh({"installationId": "a",)nh"_ba << ErrorCode::Truncated << 1
                               << 0 << QString() << u"not valid JSON"_s;
    QTest::newRow("syntax on line 3")
        << "{\n  \"installationId\": \"x\",\n  \"platform\": apns\n}"_ba << ErrorCode::Syntax << 3
        << 0 << QString() << u"(line 3, column"_s;
    QTest::newRow("array") << R"nh([{"installationId":"x"}])nh"_ba << ErrorCode::UnexpectedRoot << 0
                           << 0 << QString() << u"an array"_s;
    QTest::newRow("missing installationId")
        << R"nh({"platform":"apns","pushChannel":"h"})nh"_ba << ErrorCode::MissingField << 0 << 0
        << u"installationId"_s << u"no installationId"_s;
    QTest::newRow("blank installationId")
        << "{\"platform\":\"apns\",\n\"installationId\":\"  \",\"pushChannel\":\"h\"}"_ba
        << ErrorCode::EmptyField << 2 << 1 << u"installationId"_s << u"installationId is empty"_s;
    QTest::newRow("missing platform")
        << R"nh({"installationId":"x","pushChannel":"h"})nh"_ba << ErrorCode::MissingField << 0 << 0
        << u"platform"_s << u"no platform"_s;
    QTest::newRow("missing pushChannel")
        << R"nh({"installationId":"x","platform":"apns"})nh"_ba << ErrorCode::MissingField << 0 << 0
        << u"pushChannel"_s << u"no pushChannel"_s;
    QTest::newRow("empty pushChannel")
        << R"nh({"installationId":"x","platform":"apns","pushChannel":""})nh"_ba
        << ErrorCode::EmptyField << 1 << 41 << u"/pushChannel"_s << u"pushChannel is empty"_s;
    QTest::newRow("unknown platform fcm")
        << "{\"installationId\":\"x\",\n\"platform\":\"fcm\",\"pushChannel\":\"h\"}"_ba
        << ErrorCode::InvalidValue << 2 << 12 << u"/platform"_s << u"'fcm'"_s;
    QTest::newRow("installationId is a number")
        << R"nh({"installationId":5,"platform":"apns","pushChannel":"h"})nh"_ba
        << ErrorCode::InvalidValue << 1 << 2 << u"/installationId"_s
        << u"must be a string, not a number"_s;
    QTest::newRow("tags is a string")
        << R"nh({"installationId":"x","platform":"apns","pushChannel":"h","tags":"a"})nh"_ba
        << ErrorCode::InvalidValue << 1 << 0 << u"/tags"_s << u"an array of tags"_s;
    QTest::newRow("tag with a space")
        << "{\"installationId\":\"x\",\"platform\":\"apns\",\"pushChannel\":\"h\",\n\"tags\":[\n  \"ok\",\n     \"bad tag\"]}"_ba
        << ErrorCode::Syntax << 4 << 6 << u"/tags/1"_s << u"at /tags/1 is not valid"_s;
    QTest::newRow("tag starting with $")
        << R"nh({"installationId":"x","platform":"apns","pushChannel":"h","tags":["$InstallationId:{x}"]})nh"_ba
        << ErrorCode::InvalidValue << 1 << 0 << u"/tags/0"_s << u"can not start with $"_s;
    QTest::newRow("tag of 121 characters")
        << R"nh({"installationId":"x","platform":"apns","pushChannel":"h","tags":[")nh"
            + QByteArray(121, 'a') + "\"]}"
        << ErrorCode::LimitExceeded << 1 << 0 << u"/tags/0"_s << u"121 characters"_s;
    QTest::newRow("empty tag")
        << R"nh({"installationId":"x","platform":"apns","pushChannel":"h","tags":["a",""]})nh"_ba
        << ErrorCode::Empty << 0 << 0 << u"/tags/1"_s << u"at /tags/1 is not valid"_s;
    QTest::newRow("tag is a number")
        << R"nh({"installationId":"x","platform":"apns","pushChannel":"h","tags":[1]})nh"_ba
        << ErrorCode::InvalidValue << 1 << 0 << u"/tags/0"_s << u"not a number"_s;
    QTest::newRow("browser channel without auth")
        << R"nh({"installationId":"x","platform":"browser","pushChannel":{"endpoint":"https://e/","p256dh":"k"}})nh"_ba
        << ErrorCode::MissingField << 1 << 0 << u"/pushChannel/auth"_s << u"no auth"_s;
    QTest::newRow("browser channel not JSON")
        << R"nh({"installationId":"x","platform":"browser","pushChannel":"https://e/"})nh"_ba
        << ErrorCode::InvalidValue << 1 << 0 << u"/pushChannel"_s << u"endpoint, p256dh and auth"_s;
    QTest::newRow("object channel for apns")
        << R"nh({"installationId":"x","platform":"apns","pushChannel":{"endpoint":"e"}})nh"_ba
        << ErrorCode::InvalidValue << 1 << 0 << u"/pushChannel"_s << u"only browser"_s;
    QTest::newRow("template without body")
        << "{\"installationId\":\"x\",\"platform\":\"apns\",\"pushChannel\":\"h\",\n\"templates\":{\"t\":{\"tags\":[]}}}"_ba
        << ErrorCode::MissingField << 2 << 14 << u"/templates/t/body"_s << u"has no body"_s;
    QTest::newRow("template string that is not an object")
        << R"nh({"installationId":"x","platform":"apns","pushChannel":"h","templates":{"t":"body"}})nh"_ba
        << ErrorCode::InvalidValue << 1 << 0 << u"/templates/t"_s
        << u"does not hold a JSON object"_s;
    QTest::newRow("push variable that is a number")
        << R"nh({"installationId":"x","platform":"apns","pushChannel":"h","pushVariables":{"n":1}})nh"_ba
        << ErrorCode::InvalidValue << 1 << 0 << u"/pushVariables/n"_s << u"must be a string"_s;
    QTest::newRow("bad expirationTime")
        << R"nh({"installationId":"x","platform":"apns","pushChannel":"h","expirationTime":"soon"})nh"_ba
        << ErrorCode::InvalidValue << 1 << 0 << u"/expirationTime"_s << u"'soon'"_s;
    QTest::newRow("pushChannelExpired is a string")
        << R"nh({"installationId":"x","platform":"apns","pushChannel":"h","pushChannelExpired":"no"})nh"_ba
        << ErrorCode::InvalidValue << 1 << 0 << u"/pushChannelExpired"_s << u"a boolean"_s;
    QByteArray deep = R"nh({"installationId":"x","platform":"apns","pushChannel":"h","x":)nh";
    deep += QByteArray(5000, '[') + QByteArray(5000, ']') + '}';
    QTest::newRow("nested too deeply")
        << deep << ErrorCode::LimitExceeded << 1 << 0 << QString() << u"not valid JSON"_s;
}

void Tst_installation::brokenInstallations()
{
    QFETCH(QByteArray, json);
    QFETCH(ErrorCode, code);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, where);
    QFETCH(QString, mentions);
    const auto result = Nh::parseInstallation(json);
    QVERIFY2(!result.ok(), "a broken installation was accepted");
    const Nh::Error &error = result.error();
    QVERIFY2(error.message.contains(mentions),
             qPrintable(u"message: "_s + error.message + u" / expected to mention: "_s + mentions));
    QCOMPARE(error.code, code);
    QCOMPARE(error.line, qint64(line));
    if (column > 0)
        QCOMPARE(error.column, qint64(column));
    if (line > 0) {
        QVERIFY2(error.message.contains(u"line %1, column %2"_s.arg(error.line).arg(error.column)),
                 qPrintable(error.message));
        QVERIFY(error.offset >= 0);
    }
    if (!where.isEmpty())
        QCOMPARE(error.where, where);
}

void Tst_installation::tooBig()
{
    QByteArray huge = R"nh({"installationId":"x","platform":"apns","pushChannel":")nh";
    huge += QByteArray(Nh::Xml::kMaxDocumentBytes, 'a') + "\"}";
    const auto result = Nh::parseInstallation(huge);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, ErrorCode::LimitExceeded);
    const auto patch = Nh::applyInstallationPatch(parsed(kPatchBase), huge);
    QVERIFY(!patch.ok());
    QCOMPARE(patch.error().code, ErrorCode::LimitExceeded);
}

void Tst_installation::patches_data()
{
    QTest::addColumn<QByteArray>("patch");
    QTest::addColumn<QByteArray>("expected"); // the whole installation afterwards

    const auto expect = [](const char *tags, const char *rest = nullptr) {
        QByteArray json =
            R"nh({"installationId":"i1","userId":"bob","platform":"apns","pushChannel":"AB12","tags":)nh";
        json += tags;
        json += rest
            ? QByteArray(rest)
            : ",\"pushVariables\":{\"v1\":\"x\"},\"templates\":{\"t1\":{\"body\":\"{\\\"aps\\\":{}}\",\"headers\":{\"apns-priority\":\"10\"},\"expiry\":\"2030-01-01\",\"tags\":[\"tt\"]}}}"_ba;
        return json;
    };

    QTest::newRow("add one tag") << R"nh([{"op":"add","path":"/tags","value":"c"}])nh"_ba
                                 << expect(R"nh(["a","b","c"])nh");
    QTest::newRow("add tags, one already there")
        << R"nh([{"op":"add","path":"/tags","value":["b","d"]}])nh"_ba
        << expect(R"nh(["a","b","d"])nh");
    QTest::newRow("add with /tags/-") << R"nh([{"op":"add","path":"/tags/-","value":"e"}])nh"_ba
                                      << expect(R"nh(["a","b","e"])nh");
    QTest::newRow("replace tags") << R"nh([{"op":"replace","path":"/tags","value":["z"]}])nh"_ba
                                  << expect(R"nh(["z"])nh");
    QTest::newRow("replace tags by a string")
        << R"nh([{"op":"replace","path":"/tags","value":"z"}])nh"_ba << expect(R"nh(["z"])nh");
    QTest::newRow("remove a tag by value")
        << R"nh([{"op":"remove","path":"/tags/a"}])nh"_ba << expect(R"nh(["b"])nh");
    QTest::newRow("remove all tags")
        << R"nh([{"op":"remove","path":"/tags"}])nh"_ba << expect(R"nh([])nh");
    QTest::newRow("replace userId")
        << R"nh([{"op":"replace","path":"/userId","value":"carol"}])nh"_ba
        << expect(R"nh(["a","b"])nh").replace(R"nh("userId":"bob")nh", R"nh("userId":"carol")nh");
    QTest::newRow("remove userId")
        << R"nh([{"op":"remove","path":"/userId"}])nh"_ba
        << expect(R"nh(["a","b"])nh").replace(R"nh("userId":"bob",)nh", "");
    QTest::newRow("replace pushChannel")
        << R"nh([{"op":"replace","path":"/pushChannel","value":"CD34"}])nh"_ba
        << expect(R"nh(["a","b"])nh").replace("AB12", "CD34");
    QTest::newRow("add a push variable")
        << R"nh([{"op":"add","path":"/pushVariables/v2","value":"y"}])nh"_ba
        << expect(R"nh(["a","b"])nh").replace(R"nh({"v1":"x"})nh", R"nh({"v1":"x","v2":"y"})nh");
    QTest::newRow("remove a push variable")
        << R"nh([{"op":"remove","path":"/pushVariables/v1"}])nh"_ba
        << expect(R"nh(["a","b"])nh").replace(R"nh("pushVariables":{"v1":"x"},)nh", "");
    QTest::newRow("replace all push variables")
        << R"nh([{"op":"replace","path":"/pushVariables","value":{"k":"v"}}])nh"_ba
        << expect(R"nh(["a","b"])nh").replace(R"nh({"v1":"x"})nh", R"nh({"k":"v"})nh");
    QTest::newRow("add a template as a JSON string (documented form)")
        << "[{\"op\":\"add\",\"path\":\"/templates/t2\",\"value\":\"{\\\"body\\\":\\\"{}\\\",\\\"tags\\\":[\\\"x\\\"]}\"}]"_ba
        << expect(R"nh(["a","b"])nh")
               .replace(R"nh("tags":["tt"]}})nh",
                        R"nh("tags":["tt"]},"t2":{"body":"{}","tags":["x"]}})nh");
    QTest::newRow("add a template as an object, name with a space")
        << R"nh([{"op":"add","path":"/templates/Template Name","value":{"body":"b"}}])nh"_ba
        << expect(R"nh(["a","b"])nh")
               .replace(R"nh("templates":{)nh",
                        R"nh("templates":{"Template Name":{"body":"b"},)nh");
    QTest::newRow("pointer escapes in a template name")
        << R"nh([{"op":"add","path":"/templates/a~1b~0c","value":{"body":"b"}}])nh"_ba
        << expect(R"nh(["a","b"])nh")
               .replace(R"nh("templates":{)nh", R"nh("templates":{"a/b~c":{"body":"b"},)nh");
    QTest::newRow("replace a template's body")
        << "[{\"op\":\"replace\",\"path\":\"/templates/t1/body\",\"value\":\"{\\\"aps\\\":1}\"}]"_ba
        << expect(R"nh(["a","b"])nh")
               .replace("\"body\":\"{\\\"aps\\\":{}}\"", "\"body\":\"{\\\"aps\\\":1}\"");
    QTest::newRow("add a template header")
        << R"nh([{"op":"add","path":"/templates/t1/headers/apns-push-type","value":"alert"}])nh"_ba
        << expect(R"nh(["a","b"])nh")
               .replace(R"nh({"apns-priority":"10"})nh",
                        R"nh({"apns-priority":"10","apns-push-type":"alert"})nh");
    QTest::newRow("remove a template header")
        << R"nh([{"op":"remove","path":"/templates/t1/headers/apns-priority"}])nh"_ba
        << expect(R"nh(["a","b"])nh").replace(R"nh("headers":{"apns-priority":"10"},)nh", "");
    QTest::newRow("replace template headers")
        << R"nh([{"op":"replace","path":"/templates/t1/headers","value":{"apns-priority":"5"}}])nh"_ba
        << expect(R"nh(["a","b"])nh")
               .replace(R"nh("apns-priority":"10")nh", R"nh("apns-priority":"5")nh");
    QTest::newRow("remove a template's expiry")
        << R"nh([{"op":"remove","path":"/templates/t1/expiry"}])nh"_ba
        << expect(R"nh(["a","b"])nh").replace(R"nh("expiry":"2030-01-01",)nh", "");
    QTest::newRow("replace a template's expiry")
        << R"nh([{"op":"replace","path":"/templates/t1/expiry","value":"$(e)"}])nh"_ba
        << expect(R"nh(["a","b"])nh").replace("2030-01-01", "$(e)");
    QTest::newRow("add template tags")
        << R"nh([{"op":"add","path":"/templates/t1/tags","value":["m","tt"]}])nh"_ba
        << expect(R"nh(["a","b"])nh").replace(R"nh("tags":["tt"])nh", R"nh("tags":["tt","m"])nh");
    QTest::newRow("replace template tags by a string")
        << R"nh([{"op":"replace","path":"/templates/t1/tags","value":"n"}])nh"_ba
        << expect(R"nh(["a","b"])nh").replace(R"nh("tags":["tt"])nh", R"nh("tags":["n"])nh");
    QTest::newRow("remove a template tag")
        << R"nh([{"op":"remove","path":"/templates/t1/tags/tt"}])nh"_ba
        << expect(R"nh(["a","b"])nh").replace(R"nh(,"tags":["tt"])nh", "");
    QTest::newRow("remove a template")
        << R"nh([{"op":"remove","path":"/templates/t1"}])nh"_ba
        << expect(R"nh(["a","b"])nh", R"nh(,"pushVariables":{"v1":"x"}})nh");
    QTest::newRow("remove all templates")
        << R"nh([{"op":"remove","path":"/templates"}])nh"_ba
        << expect(R"nh(["a","b"])nh", R"nh(,"pushVariables":{"v1":"x"}})nh");
    QTest::newRow("secondary tile, then its members")
        << R"nh([)nh"
           R"nh({"op":"add","path":"/secondaryTiles/tile1","value":{"pushChannel":"https://t/","tags":["x"]}},)nh"
           R"nh({"op":"add","path":"/secondaryTiles/tile1/tags","value":"y"},)nh"
           R"nh({"op":"replace","path":"/secondaryTiles/tile1/pushChannel","value":"https://u/"},)nh"
           R"nh({"op":"add","path":"/secondaryTiles/tile1/templates/tt","value":{"body":"<tile/>"}},)nh"
           R"nh({"op":"replace","path":"/secondaryTiles/tile1/templates/tt/body","value":"<tile2/>"})nh"
           R"nh(])nh"_ba
        << expect(R"nh(["a","b"])nh")
               .replace(
                   R"nh("tags":["tt"]}}})nh",
                   R"nh("tags":["tt"]}},"secondaryTiles":{"tile1":{"pushChannel":"https://u/","tags":["x","y"],"templates":{"tt":{"body":"<tile2/>"}}}}})nh");
    QTest::newRow("add then remove a secondary tile")
        << R"nh([{"op":"add","path":"/secondaryTiles/t","value":{"pushChannel":"p"}},{"op":"remove","path":"/secondaryTiles/t"}])nh"_ba
        << expect(R"nh(["a","b"])nh");
    QTest::newRow("several operations in order")
        << R"nh([{"op":"remove","path":"/tags"},{"op":"add","path":"/tags","value":"q"},{"op":"add","path":"/userId","value":"dan"}])nh"_ba
        << expect(R"nh(["q"])nh").replace(R"nh("userId":"bob")nh", R"nh("userId":"dan")nh");
    QTest::newRow("no operations") << "[]"_ba << expect(R"nh(["a","b"])nh");
}

void Tst_installation::patches()
{
    QFETCH(QByteArray, patch);
    QFETCH(QByteArray, expected);
    const Installation base = parsed(kPatchBase);
    const auto result = Nh::applyInstallationPatch(base, patch);
    QVERIFY2(result.ok(), qPrintable(message(result)));
    const Installation want = parsed(expected);
    QVERIFY2(result.value() == want,
             qPrintable(QString::fromUtf8(Nh::installationJson(result.value())) + u"\n!= "_s
                        + QString::fromUtf8(expected)));
}

void Tst_installation::patchErrors_data()
{
    QTest::addColumn<QByteArray>("patch");
    QTest::addColumn<ErrorCode>("code");
    QTest::addColumn<int>("line"); // 0 = not located
    QTest::addColumn<int>("column"); // 0 = not checked
    QTest::addColumn<QString>("mentions");

    QTest::newRow("empty") << QByteArray() << ErrorCode::Empty << 0 << 0 << u"empty"_s;
    QTest::newRow("not JSON") << "[{op:add}]"_ba << ErrorCode::Syntax << 1 << 0
                              << u"not valid JSON"_s;
    QTest::newRow("an object, not an array")
        << R"nh({"op":"add","path":"/tags","value":"a"})nh"_ba << ErrorCode::UnexpectedRoot << 0
        << 0 << u"JSON array of operations"_s;
    QTest::newRow("operation is a number")
        << "[1]"_ba << ErrorCode::InvalidValue << 0 << 0 << u"Patch operation 1 is a number"_s;
    QTest::newRow("no path") << R"nh([{"op":"add","value":"a"}])nh"_ba << ErrorCode::MissingField
                             << 0 << 0 << u"Patch operation 1 has no \"path\""_s;
    QTest::newRow("no op") << R"nh([{"path":"/tags","value":"a"}])nh"_ba << ErrorCode::MissingField
                           << 1 << 10 << u"Patch operation 1 on /tags has no \"op\""_s;
    QTest::newRow("test is not supported")
        << R"nh([{"op":"test","path":"/userId","value":"bob"}])nh"_ba << ErrorCode::InvalidValue
        << 1 << 0 << u"Patch operation 1 (test /userId): the operation is not supported"_s;
    QTest::newRow("move is not supported")
        << R"nh([{"op":"move","from":"/tags","path":"/userId"}])nh"_ba << ErrorCode::InvalidValue
        << 1 << 0 << u"(move /userId)"_s;
    QTest::newRow("add without value")
        << R"nh([{"op":"add","path":"/tags"}])nh"_ba << ErrorCode::MissingField << 1 << 0
        << u"(add /tags): the operation needs a value"_s;
    QTest::newRow("path without slash")
        << R"nh([{"op":"add","path":"tags","value":"a"}])nh"_ba << ErrorCode::InvalidValue << 1 << 0
        << u"must start with '/'"_s;
    QTest::newRow("unknown member")
        << R"nh([{"op":"add","path":"/color","value":"red"}])nh"_ba << ErrorCode::InvalidValue << 1
        << 0 << u"(add /color): this path can not be patched"_s;
    QTest::newRow("installationId is read-only")
        << R"nh([{"op":"replace","path":"/installationId","value":"i2"}])nh"_ba
        << ErrorCode::InvalidValue << 1 << 0 << u"installationId can not be changed"_s;
    QTest::newRow("platform is read-only")
        << R"nh([{"op":"replace","path":"/platform","value":"gcm"}])nh"_ba
        << ErrorCode::InvalidValue << 1 << 0 << u"platform can not be changed"_s;
    QTest::newRow("removing pushChannel")
        << R"nh([{"op":"remove","path":"/pushChannel"}])nh"_ba << ErrorCode::InvalidValue << 1 << 0
        << u"pushChannel is required"_s;
    QTest::newRow("emptying pushChannel")
        << R"nh([{"op":"replace","path":"/pushChannel","value":""}])nh"_ba << ErrorCode::EmptyField
        << 1 << 0 << u"pushChannel is empty"_s;
    QTest::newRow("removing a tag that is not there")
        << R"nh([{"op":"remove","path":"/tags/zz"}])nh"_ba << ErrorCode::InvalidValue << 1 << 0
        << u"(remove /tags/zz): there is no tag 'zz'"_s;
    QTest::newRow("removing a template that is not there")
        << R"nh([{"op":"remove","path":"/templates/nope"}])nh"_ba << ErrorCode::InvalidValue << 1
        << 0 << u"there is no template 'nope'"_s;
    QTest::newRow("member of a template that is not there")
        << R"nh([{"op":"replace","path":"/templates/nope/body","value":"b"}])nh"_ba
        << ErrorCode::InvalidValue << 1 << 0 << u"there is no template 'nope'"_s;
    QTest::newRow("removing a template's body")
        << R"nh([{"op":"remove","path":"/templates/t1/body"}])nh"_ba << ErrorCode::InvalidValue << 1
        << 0 << u"body of a template is required"_s;
    QTest::newRow("template without body")
        << "[{\"op\":\"add\",\"path\":\"/templates/t2\",\"value\":\"{\\\"headers\\\":{}}\"}]"_ba
        << ErrorCode::MissingField << 1 << 0 << u"has no body"_s;
    QTest::newRow("invalid tag") << R"nh([{"op":"add","path":"/tags","value":"bad tag"}])nh"_ba
                                 << ErrorCode::Syntax << 1 << 0 << u"at position 4 in a tag"_s;
    QTest::newRow("tag of the wrong type")
        << R"nh([{"op":"add","path":"/tags","value":5}])nh"_ba << ErrorCode::InvalidValue << 1 << 0
        << u"a tag or an array of tags, not a number"_s;
    QTest::newRow("userId of the wrong type")
        << R"nh([{"op":"add","path":"/userId","value":{"a":1}}])nh"_ba << ErrorCode::InvalidValue
        << 1 << 0 << u"must be a string, not an object"_s;
    QTest::newRow("second operation fails, on line 3")
        << "[\n  {\"op\":\"add\",\"path\":\"/tags\",\"value\":\"ok\"},\n  {\"op\":\"remove\",\"path\":\"/userId/x\"}\n]"_ba
        << ErrorCode::InvalidValue << 3 << 25
        << u"Patch operation 2 (remove /userId/x): this path can not be patched"_s;
    QTest::newRow("same path twice, the second is located")
        << "[{\"op\":\"remove\",\"path\":\"/tags/a\"},\n{\"op\":\"remove\",\"path\":\"/tags/a\"}]"_ba
        << ErrorCode::InvalidValue << 2 << 23 << u"Patch operation 2 (remove /tags/a)"_s;
}

void Tst_installation::patchErrors()
{
    QFETCH(QByteArray, patch);
    QFETCH(ErrorCode, code);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, mentions);
    const auto result = Nh::applyInstallationPatch(parsed(kPatchBase), patch);
    QVERIFY2(!result.ok(), "a broken patch was accepted");
    const Nh::Error &error = result.error();
    QVERIFY2(error.message.contains(mentions),
             qPrintable(u"message: "_s + error.message + u" / expected to mention: "_s + mentions));
    QCOMPARE(error.code, code);
    QCOMPARE(error.line, qint64(line));
    if (column > 0)
        QCOMPARE(error.column, qint64(column));
    if (line > 0) {
        QVERIFY2(error.message.contains(u"line %1, column %2"_s.arg(error.line).arg(error.column)),
                 qPrintable(error.message));
    }
}

void Tst_installation::patchBrowserChannel()
{
    const Installation browser = parsed(fixture(u"js-browser-object.json"_s));
    const auto replaced = Nh::applyInstallationPatch(
        browser,
        R"nh([{"op":"replace","path":"/pushChannel","value":{"endpoint":"https://n/","p256dh":"p","auth":"a"}}])nh");
    QVERIFY2(replaced.ok(), qPrintable(message(replaced)));
    QCOMPARE(replaced->browserPushChannel()->endpoint, u"https://n/"_s);
    QVERIFY(replaced->pushChannelIsObject);

    const auto broken = Nh::applyInstallationPatch(
        browser,
        R"nh([{"op":"replace","path":"/pushChannel","value":{"endpoint":"https://n/"}}])nh");
    QVERIFY(!broken.ok());
    QCOMPARE(broken.error().code, ErrorCode::MissingField);
    QVERIFY2(
        broken.error().message.contains(
            u"Patch operation 1 (replace /pushChannel): The browser pushChannel has no p256dh"_s),
        qPrintable(broken.error().message));
}

void Tst_installation::materialisedRegistrations()
{
    const QList<Registration> regs =
        Nh::registrationsForInstallation(parsed(fixture(u"doc-example.json"_s)));
    // APNs: the native registration and one per template; secondary tiles are WNS only.
    QCOMPARE(regs.size(), 2);
    const QStringList systemTags {u"$InstallationId:{95e4cf2e-685f-4141-98e2-4c5f71d1a696}"_s,
                                  u"$UserId:{alice}"_s};

    const Registration &native = regs[0];
    QCOMPARE(native.kindName(), u"AppleRegistrationDescription"_s);
    QCOMPARE(native.handle, kToken);
    QCOMPARE(native.tags, (systemTags + QStringList {u"tag1"_s}));
    QCOMPARE(native.pushVariables, uR"nh({"var1":"value1"})nh"_s);
    QCOMPARE(native.expirationTime, Registration::neverExpires());
    QVERIFY(native.registrationId.isEmpty());
    QCOMPARE(native.etag, qint64(0));

    const Registration &templ = regs[1];
    QCOMPARE(templ.kindName(), u"AppleTemplateRegistrationDescription"_s);
    QCOMPARE(templ.handle, kToken);
    QCOMPARE(templ.templateName, u"Template Name"_s);
    QCOMPARE(templ.bodyTemplate, uR"nh({"aps":{"alert":"$(msg)"}})nh"_s);
    QCOMPARE(templ.expiry, u"…"_s);
    const QList<Nh::TemplateHeader> headers {{u"apns-priority"_s, u"10"_s}};
    QCOMPARE(templ.headers, headers);
    QCOMPARE(templ.tags, (systemTags + QStringList {u"tag1"_s, u"Template Name"_s}));
}

void Tst_installation::materialisedWindowsTiles()
{
    const QByteArray json =
        R"nh({"installationId":"w1","platform":"wns","pushChannel":"https://main/",)nh"
        R"nh("tags":["a"],)nh"
        R"nh("templates":{"toast":{"body":"<toast/>","headers":{"X-WNS-Type":"wns/toast"}}},)nh"
        R"nh("secondaryTiles":{"tile1":{"pushChannel":"https://tile/","tags":["t"],)nh"
        R"nh("templates":{"tt":{"body":"<tile/>","headers":{"X-WNS-Type":"wns/tile"},"tags":["x"]}}}}})nh";
    const QList<Registration> regs = Nh::registrationsForInstallation(parsed(json));
    QCOMPARE(regs.size(), 4);
    const QString system = u"$InstallationId:{w1}"_s;
    QCOMPARE(regs[0].kindName(), u"WindowsRegistrationDescription"_s);
    QCOMPARE(regs[0].handle, u"https://main/"_s);
    QCOMPARE(regs[0].tags, (QStringList {system, u"a"_s}));
    QCOMPARE(regs[1].kindName(), u"WindowsTemplateRegistrationDescription"_s);
    const QList<Nh::TemplateHeader> toastHeaders {{u"X-WNS-Type"_s, u"wns/toast"_s}};
    QCOMPARE(regs[1].headers, toastHeaders);
    QCOMPARE(regs[1].templateName, u"toast"_s);
    QCOMPARE(regs[2].kindName(), u"WindowsRegistrationDescription"_s);
    QCOMPARE(regs[2].handle, u"https://tile/"_s);
    QCOMPARE(regs[2].secondaryTileName, u"tile1"_s);
    QCOMPARE(regs[2].tags, (QStringList {system, u"t"_s}));
    QCOMPARE(regs[3].kindName(), u"WindowsTemplateRegistrationDescription"_s);
    QCOMPARE(regs[3].secondaryTileName, u"tile1"_s);
    QCOMPARE(regs[3].bodyTemplate, u"<tile/>"_s);
    QCOMPARE(regs[3].tags, (QStringList {system, u"t"_s, u"x"_s}));
}

void Tst_installation::materialisedOtherPlatforms()
{
    const QList<Registration> browser =
        Nh::registrationsForInstallation(parsed(fixture(u"java-browser-string.json"_s)));
    QCOMPARE(browser.size(), 1);
    QCOMPARE(browser[0].kindName(), u"BrowserRegistrationDescription"_s);
    QCOMPARE(browser[0].handle, u"https://updates.push.services.mozilla.com/wpush/v2/xyz"_s);
    QCOMPARE(browser[0].p256dh, u"p256dh-key"_s);
    QCOMPARE(browser[0].auth, u"auth-secret"_s);
    QCOMPARE(browser[0].tags, QStringList {u"$InstallationId:{web-2}"_s}); // no userId, no tags

    // BaiduInstallation writes "{userId}-{channelId}".
    const QList<Registration> baidu = Nh::registrationsForInstallation(
        parsed(R"nh({"installationId":"b","platform":"baidu","pushChannel":"user1-chan-2"})nh"));
    QCOMPARE(baidu[0].baiduUserId, u"user1"_s);
    QCOMPARE(baidu[0].handle, u"chan-2"_s);

    // FCM v1 templates carry no headers element, so headers are dropped; expiry is APNs only.
    const QList<Registration> fcm = Nh::registrationsForInstallation(parsed(
        R"nh({"installationId":"f","userId":"u","platform":"fcmv1","pushChannel":"tok","expirationTime":"2030-01-01T00:00:00Z",)nh"
        R"nh("templates":{"t":{"body":"{}","headers":{"h":"v"},"expiry":"e"}}})nh"));
    QCOMPARE(fcm.size(), 2);
    QCOMPARE(fcm[1].kindName(), u"FcmV1TemplateRegistrationDescription"_s);
    QVERIFY(fcm[1].headers.isEmpty());
    QVERIFY(fcm[1].expiry.isEmpty());
    QCOMPARE(fcm[1].expirationTime, QDateTime(QDate(2030, 1, 1), QTime(0, 0), Qt::UTC));
    QCOMPARE(fcm[0].tags, (QStringList {u"$InstallationId:{f}"_s, u"$UserId:{u}"_s}));
}

QTEST_GUILESS_MAIN(Tst_installation)
#include "tst_installation.moc"
