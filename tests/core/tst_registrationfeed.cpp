// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocol/registrationfeed.h"
#include "protocol/xmlutil.h"

#include <QFile>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using Nh::ErrorCode;
using Nh::Platform;
using Nh::Registration;

Q_DECLARE_METATYPE(Nh::ErrorCode)
Q_DECLARE_METATYPE(Nh::Platform)

namespace {

const QByteArray kSb = "http://schemas.microsoft.com/netservices/2010/10/servicebus/connect"_ba;
const QByteArray kXsi = "http://www.w3.org/2001/XMLSchema-instance"_ba;
const QByteArray kAtom = "http://www.w3.org/2005/Atom"_ba;
const QString kToken = u"62BCD3484834B7E2DC56733AC5509259230CC1BA82BA1AE7D06E91908A05A8FA"_s;

QByteArray fixture(const QString &relative)
{
    QFile file(QString::fromUtf8(NH_TEST_DATA_DIR) + u'/' + relative);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(relative));
    return file.readAll();
}

QDateTime utc(int y, int mo, int d, int h, int mi, int s, int ms = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s, ms), Qt::UTC);
}

QString differences(const Registration &a, const Registration &b)
{
    QStringList out;
    const auto check = [&out](const char *name, const auto &x, const auto &y) {
        if (!(x == y))
            out << QString::fromLatin1(name);
    };
    check("platform", a.platform, b.platform);
    check("isTemplate", a.isTemplate, b.isTemplate);
    check("registrationId", a.registrationId, b.registrationId);
    check("etag", a.etag, b.etag);
    check("expirationTime", a.expirationTime, b.expirationTime);
    check("tags", a.tags, b.tags);
    check("pushVariables", a.pushVariables, b.pushVariables);
    check("handle", a.handle, b.handle);
    check("secondaryTileName", a.secondaryTileName, b.secondaryTileName);
    check("baiduUserId", a.baiduUserId, b.baiduUserId);
    check("p256dh", a.p256dh, b.p256dh);
    check("auth", a.auth, b.auth);
    check("bodyTemplate", a.bodyTemplate, b.bodyTemplate);
    check("templateName", a.templateName, b.templateName);
    check("expiry", a.expiry, b.expiry);
    check("priority", a.priority, b.priority);
    check("headers", a.headers, b.headers);
    check("published", a.published, b.published);
    check("updated", a.updated, b.updated);
    return u"differ in: "_s + out.join(u", "_s);
}

/// A registration of the kind with every field that kind carries, filled with awkward text.
Registration fullRegistration(Platform platform, bool isTemplate)
{
    Registration reg;
    reg.platform = platform;
    reg.isTemplate = isTemplate;
    reg.registrationId = u"8372532420827572008-85883004107185159-4"_s;
    reg.etag = 7;
    reg.expirationTime = utc(2031, 1, 2, 3, 4, 5, 678);
    reg.tags = {u"sports"_s, u"user:alice"_s, u"#x@y.z-1_2"_s};
    reg.pushVariables = uR"nh({"var1":"a < b & \"c\"","n":"1"})nh"_s;
    reg.handle = u"handle-for-"_s + Nh::registrationKindName({platform, isTemplate});
    reg.published = utc(2026, 1, 2, 3, 4, 5);
    reg.updated = utc(2026, 1, 2, 3, 4, 6);
    switch (platform) {
    case Platform::Windows:
    case Platform::WindowsPhone:
        reg.handle = u"https://db5.notify.windows.com/?token=AwYAAAB&x=1"_s;
        reg.secondaryTileName = u"tile 2"_s;
        break;
    case Platform::Baidu:
        reg.baiduUserId = u"baidu-user"_s;
        break;
    case Platform::Browser:
        reg.handle = u"https://fcm.googleapis.com/fcm/send/abc:def"_s;
        reg.p256dh = u"BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA"_s;
        reg.auth = u"tBHItJI5svbpez7KI4CCXg"_s;
        break;
    default:
        break;
    }
    if (isTemplate) {
        // "]]>" must survive the CDATA section; '<' and '&' must stay raw inside it.
        reg.bodyTemplate = uR"nh({"aps":{"alert":"$(msg) ]]> <b> & more"}})nh"_s;
        reg.templateName = u"Template Name"_s;
        if (platform == Platform::Apple) {
            reg.expiry = u"$(expiry)"_s;
            reg.priority = u"5"_s;
            reg.headers = {{u"apns-push-type"_s, u"alert"_s}, {u"apns-priority"_s, u"5"_s}};
        } else if (platform == Platform::Windows) {
            reg.headers = {{u"X-WNS-Type"_s, u"wns/toast"_s}, {u"X-WNS-Tag"_s, u"$(tag)"_s}};
        } else if (platform == Platform::WindowsPhone) {
            reg.headers = {{u"X-WindowsPhone-Target"_s, u"toast"_s}};
        }
    }
    return reg;
}

Registration withoutReadOnly(Registration reg)
{
    reg.registrationId.clear();
    reg.etag = 0;
    reg.expirationTime = Registration::neverExpires();
    reg.published = QDateTime();
    reg.updated = QDateTime();
    return reg;
}

constexpr Platform kPlatforms[] = {
    Platform::Apple, Platform::FcmV1, Platform::Gcm,     Platform::Windows, Platform::WindowsPhone,
    Platform::Adm,   Platform::Baidu, Platform::Browser, Platform::Xiaomi,
};

QByteArray entryAround(const QByteArray &description)
{
    return "<entry xmlns=\"" + kAtom + "\">\n<content type=\"application/xml\">\n" + description
        + "\n</content>\n</entry>";
}

} // namespace

class Tst_registrationfeed final : public QObject
{
    Q_OBJECT
private slots:
    void escapedBytesAsStrings_data();
    void escapedBytesAsStrings();
    void hubDateTimesFromMilliseconds();
    void everyKindParses_data();
    void everyKindParses();
    void kindDetails();
    void javaScriptRequestBody();
    void anyChildOrder_data();
    void anyChildOrder();
    void unknownAndForeignElementsAreSkipped();
    void tagsWithSpacesAreTrimmedWithAWarning();
    void recordedFeedWithNextLink();
    void specFeed();
    void emptyFeed();
    void feedSkipsUnknownKind();
    void feedNamesBrokenEntry();
    void roundTrip_data();
    void roundTrip();
    void requestXmlByteExact();
    void writesTextAsTheServiceDoes_data();
    void writesTextAsTheServiceDoes();
    void feedXmlMatchesRecording();
    void prettyKeepsTheHubsNames();
    void entryXmlMatchesRecording();
    void nextLinkLikeService();
    void nextLinkReplacesToken();
    void continuationTokens_data();
    void continuationTokens();
    void brokenEntries_data();
    void brokenEntries();
    void truncatedEntry_data();
    void truncatedEntry();
    void brokenFeeds_data();
    void brokenFeeds();
    void tooBig();
    void kindNames();
    void hubDateTimes_data();
    void hubDateTimes();
};

void Tst_registrationfeed::everyKindParses_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("handle");
    QTest::addColumn<QString>("registrationId");
    QTest::addColumn<qint64>("etag");
    QTest::addColumn<QStringList>("tags");
    QTest::addColumn<QString>("templateName");
    QTest::addColumn<QString>("bodyTemplate");

    QTest::newRow("Apple, recorded") << u"Apple"_s << u"AppleRegistrationDescription"_s << kToken
                                     << u"3198129520782546842-5934554123377093628-2"_s << qint64(1)
                                     << QStringList() << QString() << QString();
    QTest::newRow("AppleTemplate, recorded")
        << u"AppleTemplate"_s << u"AppleTemplateRegistrationDescription"_s << kToken
        << u"4497227228776861650-7267172778370643468-3"_s << qint64(1) << QStringList {u"tag1"_s}
        << u"Template Name"_s << uR"nh({"aps":{"alert":"alert!"}})nh"_s;
    QTest::newRow("Gcm, recorded")
        << u"Gcm"_s << u"GcmRegistrationDescription"_s << u"amzn1.adm-registration.v2.123"_s
        << u"6809438969138932488-4214573370351617522-3"_s << qint64(1) << QStringList {u"tag1"_s}
        << QString() << QString();
    QTest::newRow("GcmTemplate, bare, reversed")
        << u"GcmTemplate"_s << u"GcmTemplateRegistrationDescription"_s << u"gcm-token-1"_s
        << u"100-200-3"_s << qint64(0) << QStringList {u"news"_s, u"sports"_s} << u"news"_s
        << uR"nh({"data":{"message":"$(msg)"}})nh"_s;
    QTest::newRow("FcmV1, polymorphic")
        << u"FcmV1"_s << u"FcmV1RegistrationDescription"_s << u"fcm-v1-token"_s << u"7-8-9"_s
        << qint64(0) << QStringList() << QString() << QString();
    QTest::newRow("FcmV1Template, docs")
        << u"FcmV1Template"_s << u"FcmV1TemplateRegistrationDescription"_s << u"{fcm token}"_s
        << QString() << qint64(0) << QStringList {u"news"_s} << u"default"_s
        << uR"nh({"message":{"notification":{"title":"$(title)"}}})nh"_s;
    QTest::newRow("Windows, sb: prefix")
        << u"Windows"_s << u"WindowsRegistrationDescription"_s
        << u"https://db5.notify.windows.com/?token=AwYAAAB"_s << QString() << qint64(0)
        << QStringList {u"a"_s, u"b"_s} << QString() << QString();
    QTest::newRow("WindowsTemplate, docs")
        << u"WindowsTemplate"_s << u"WindowsTemplateRegistrationDescription"_s
        << u"https://db5.notify.windows.com/?token=…"_s << QString() << qint64(0)
        << QStringList {u"tag1"_s} << QString()
        << uR"nh(<toast><visual><binding template="ToastText01"><text id="1">$(msg)</text></binding></visual></toast>)nh"_s;
    QTest::newRow("Mpns, recorded")
        << u"Mpns"_s << u"MpnsRegistrationDescription"_s << u"https://some.url/"_s
        << u"2270130495392485512-2858389966561136576-2"_s << qint64(1) << QStringList {u"tag1"_s}
        << QString() << QString();
    QTest::newRow("MpnsTemplate, recorded")
        << u"MpnsTemplate"_s << u"MpnsTemplateRegistrationDescription"_s << u"https://some.url/"_s
        << u"2335707656381260644-4071611309203321228-2"_s << qint64(1) << QStringList {u"tag1"_s}
        << u"Template Name"_s
        << uR"nh(<wp:Notification xmlns:wp="WPNotification" Version="2.0"><wp:Tile Id="TileId" Template="IconicTile"><wp:Title Action="Clear">Title</wp:Title></wp:Tile></wp:Notification>)nh"_s;
    QTest::newRow("Adm, spec p2:etag")
        << u"Adm"_s << u"AdmRegistrationDescription"_s << u"adm-handle"_s
        << u"2192063451154125368-6984305267748345300-1"_s << qint64(1)
        << QStringList {u"tag1"_s, u"tag2"_s} << QString() << QString();
    QTest::newRow("AdmTemplate, m:etag only, split CDATA")
        << u"AdmTemplate"_s << u"AdmTemplateRegistrationDescription"_s
        << u"amzn1.adm-registration.v3.abc"_s << u"5-6-7"_s << qint64(4) << QStringList() << u"t1"_s
        << uR"nh({"data":{"msg":"a]]>b"}})nh"_s;
    QTest::newRow("Baidu, recorded")
        << u"Baidu"_s << u"BaiduRegistrationDescription"_s << u"channelId"_s
        << u"7728566708160304420-1554751136163411166-1"_s << qint64(1) << QStringList {u"tag1"_s}
        << QString() << QString();
    QTest::newRow("BaiduTemplate, recorded")
        << u"BaiduTemplate"_s << u"BaiduTemplateRegistrationDescription"_s << u"channelId"_s
        << u"3630626623047843061-208359035529298722-2"_s << qint64(1) << QStringList {u"tag1"_s}
        << u"Template Name"_s << uR"nh({"title":"Title","description":"Description"})nh"_s;
    QTest::newRow("Browser") << u"Browser"_s << u"BrowserRegistrationDescription"_s
                             << u"https://fcm.googleapis.com/fcm/send/abc:def"_s << QString()
                             << qint64(0) << QStringList {u"web"_s} << QString() << QString();
    QTest::newRow("BrowserTemplate, handle last")
        << u"BrowserTemplate"_s << u"BrowserTemplateRegistrationDescription"_s
        << u"https://updates.push.services.mozilla.com/wpush/v2/xyz"_s << QString() << qint64(0)
        << QStringList() << u"web-alert"_s << uR"nh({"title":"$(title)"})nh"_s;
    QTest::newRow("Xiaomi, bare") << u"Xiaomi"_s << u"XiaomiRegistrationDescription"_s
                                  << u"mi-regid-42"_s << QString() << qint64(0) << QStringList()
                                  << QString() << QString();
    QTest::newRow("XiaomiTemplate, polymorphic xsi:type")
        << u"XiaomiTemplate"_s << u"XiaomiTemplateRegistrationDescription"_s << u"mi-regid-43"_s
        << QString() << qint64(0) << QStringList() << QString() << uR"nh({"title":"$(title)"})nh"_s;
}

void Tst_registrationfeed::everyKindParses()
{
    QFETCH(QString, file);
    QFETCH(QString, kind);
    QFETCH(QString, handle);
    QFETCH(QString, registrationId);
    QFETCH(qint64, etag);
    QFETCH(QStringList, tags);
    QFETCH(QString, templateName);
    QFETCH(QString, bodyTemplate);

    const auto result =
        Nh::parseRegistrationEntry(fixture(u"registrations/kinds/"_s + file + u".xml"_s));
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
    const Registration &reg = result.value();
    QCOMPARE(reg.kindName(), kind);
    QCOMPARE(reg.isTemplate, kind.contains(u"Template"_s));
    QCOMPARE(reg.handle, handle);
    QCOMPARE(reg.registrationId, registrationId);
    QCOMPARE(reg.etag, etag);
    QCOMPARE(reg.tags, tags);
    QCOMPARE(reg.templateName, templateName);
    QCOMPARE(reg.bodyTemplate, bodyTemplate);
}

void Tst_registrationfeed::kindDetails()
{
    const auto appleTemplate =
        Nh::parseRegistrationEntry(fixture(u"registrations/kinds/AppleTemplate.xml"_s));
    QVERIFY(appleTemplate.ok());
    QCOMPARE(appleTemplate->platform, Platform::Apple);
    const QString recordedVariables = uR"nh({"var1":"value1"})nh"_s;
    QCOMPARE(appleTemplate->pushVariables, recordedVariables);
    QCOMPARE(appleTemplate->expiry, QString()); // <Expiry i:nil="true"/>
    QVERIFY(appleTemplate->headers.isEmpty()); // <ApnsHeaders/>
    // "9999-12-31T23:59:59.999" without a zone is the same "never".
    QCOMPARE(appleTemplate->expirationTime, utc(9999, 12, 31, 23, 59, 59, 999));
    QCOMPARE(appleTemplate->published, utc(2018, 11, 7, 0, 18, 37));
    QCOMPARE(appleTemplate->updated, utc(2018, 11, 7, 0, 18, 37));

    const auto mpns =
        Nh::parseRegistrationEntry(fixture(u"registrations/kinds/MpnsTemplate.xml"_s));
    QVERIFY(mpns.ok());
    QCOMPARE(mpns->platform, Platform::WindowsPhone);
    QCOMPARE(mpns->secondaryTileName, u"Tile name"_s);
    const QList<Nh::TemplateHeader> mpnsHeaders {{u"X-NotificationClass"_s, u"1"_s},
                                                 {u"X-WindowsPhone-Target"_s, u"token"_s}};
    QCOMPARE(mpns->headers, mpnsHeaders);

    const auto wns =
        Nh::parseRegistrationEntry(fixture(u"registrations/kinds/WindowsTemplate.xml"_s));
    QVERIFY(wns.ok());
    const QList<Nh::TemplateHeader> wnsHeaders {{u"X-WNS-Type"_s, u"wns/toast"_s}};
    QCOMPARE(wns->headers, wnsHeaders);

    const auto windows = Nh::parseRegistrationEntry(fixture(u"registrations/kinds/Windows.xml"_s));
    QVERIFY(windows.ok());
    QCOMPARE(windows->secondaryTileName, u"tile-2"_s);

    const auto baidu = Nh::parseRegistrationEntry(fixture(u"registrations/kinds/Baidu.xml"_s));
    QVERIFY(baidu.ok());
    QCOMPARE(baidu->baiduUserId, u"userId"_s);
    QCOMPARE(baidu->handleElementName(), u"BaiduChannelId"_s);

    const auto browser = Nh::parseRegistrationEntry(fixture(u"registrations/kinds/Browser.xml"_s));
    QVERIFY(browser.ok());
    QCOMPARE(
        browser->p256dh,
        u"BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM"_s);
    QCOMPARE(browser->auth, u"tBHItJI5svbpez7KI4CCXg"_s);
    const QString escapedVariables = uR"nh({"lang":"en"})nh"_s; // written as {&quot;lang&quot;…}
    QCOMPARE(browser->pushVariables, escapedVariables);

    const auto browserTemplate =
        Nh::parseRegistrationEntry(fixture(u"registrations/kinds/BrowserTemplate.xml"_s));
    QVERIFY(browserTemplate.ok());
    QCOMPARE(browserTemplate->p256dh, u"p256dh-key"_s);
    QCOMPARE(browserTemplate->auth, u"auth-secret"_s);

    // 12:00 at +02:00 is 10:00 UTC.
    const auto xiaomi = Nh::parseRegistrationEntry(fixture(u"registrations/kinds/Xiaomi.xml"_s));
    QVERIFY(xiaomi.ok());
    QCOMPARE(xiaomi->expirationTime, utc(2030, 6, 1, 10, 0, 0));
    QCOMPARE(xiaomi->expirationTime.timeSpec(), Qt::UTC);

    // Seven fraction digits are cut to milliseconds, not rounded into the next year.
    const auto adm = Nh::parseRegistrationEntry(fixture(u"registrations/kinds/Adm.xml"_s));
    QVERIFY(adm.ok());
    QCOMPARE(adm->expirationTime, Registration::neverExpires());
}

void Tst_registrationfeed::javaScriptRequestBody()
{
    const auto result =
        Nh::parseRegistrationEntry(fixture(u"registrations/js-apple-request.xml"_s));
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
    QCOMPARE(result->kindName(), u"AppleRegistrationDescription"_s);
    QCOMPARE(result->handle, u"62bcd3484834b7e2dc56733ac5509259230cc1ba82ba1ae7d06e91908a05a8fa"_s);
    QCOMPARE(result->tags, (QStringList {u"sports"_s, u"user:alice"_s}));
    QCOMPARE(result->registrationId, QString());
    QCOMPARE(result->etag, qint64(0));
    QCOMPARE(result->expirationTime, Registration::neverExpires());
    QCOMPARE(result->updated, utc(2026, 11, 23, 0, 19, 38, 908));
    QVERIFY(result.warnings().isEmpty());
}

void Tst_registrationfeed::anyChildOrder_data()
{
    QTest::addColumn<QList<int>>("order");
    // 0 ETag, 1 ExpirationTime, 2 RegistrationId, 3 Tags, 4 PushVariables, 5 DeviceToken,
    // 6 BodyTemplate, 7 Expiry, 8 TemplateName, 9 Priority, 10 ApnsHeaders
    QTest::newRow("DataContract order") << QList<int> {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    QTest::newRow("JS SDK order") << QList<int> {2, 3, 4, 5, 6, 8, 7, 10, 0, 1, 9};
    QTest::newRow("reversed") << QList<int> {10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0};
    QTest::newRow("handle last") << QList<int> {0, 1, 2, 3, 4, 6, 7, 8, 9, 10, 5};
    QTest::newRow("interleaved") << QList<int> {6, 0, 10, 5, 1, 9, 2, 8, 3, 7, 4};
}

void Tst_registrationfeed::anyChildOrder()
{
    QFETCH(QList<int>, order);
    const QList<QByteArray> children {
        "<ETag>3</ETag>",
        "<ExpirationTime>2030-01-01T00:00:00Z</ExpirationTime>",
        "<RegistrationId>1-2-3</RegistrationId>",
        "<Tags>a,b:c</Tags>",
        "<PushVariables>{\"k\":\"v\"}</PushVariables>",
        "<DeviceToken>ABCD</DeviceToken>",
        "<BodyTemplate><![CDATA[{\"aps\":{\"alert\":\"$(m)\"}}]]></BodyTemplate>",
        "<Expiry>$(e)</Expiry>",
        "<TemplateName>t</TemplateName>",
        "<Priority>10</Priority>",
        "<ApnsHeaders><ApnsHeader><Header>apns-push-type</Header><Value>alert</Value></"
        "ApnsHeader></ApnsHeaders>",
    };
    QByteArray description = "<AppleTemplateRegistrationDescription xmlns=\"" + kSb + "\">";
    for (const int i : order)
        description += children[i];
    description += "</AppleTemplateRegistrationDescription>";

    Registration expected;
    expected.platform = Platform::Apple;
    expected.isTemplate = true;
    expected.etag = 3;
    expected.expirationTime = utc(2030, 1, 1, 0, 0, 0);
    expected.registrationId = u"1-2-3"_s;
    expected.tags = {u"a"_s, u"b:c"_s};
    expected.pushVariables = uR"nh({"k":"v"})nh"_s;
    expected.handle = u"ABCD"_s;
    expected.bodyTemplate = uR"nh({"aps":{"alert":"$(m)"}})nh"_s;
    expected.expiry = u"$(e)"_s;
    expected.templateName = u"t"_s;
    expected.priority = u"10"_s;
    expected.headers = {{u"apns-push-type"_s, u"alert"_s}};

    for (const QByteArray &xml : {description, entryAround(description)}) {
        const auto result = Nh::parseRegistrationEntry(xml);
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
        QVERIFY2(result.value() == expected, qPrintable(differences(result.value(), expected)));
    }
}

void Tst_registrationfeed::unknownAndForeignElementsAreSkipped()
{
    const QByteArray xml = entryAround("<GcmRegistrationDescription xmlns=\"" + kSb
                                       + "\" xmlns:x=\"urn:other\">"
                                         "<x:GcmRegistrationId>not-this</x:GcmRegistrationId>"
                                         "<NewThing a=\"1\"><Deep><Deeper/></Deep></NewThing>"
                                         "<GcmRegistrationId>this-one</GcmRegistrationId>"
                                         "<DeviceToken>belongs-to-apple</DeviceToken>"
                                         "</GcmRegistrationDescription><Second/>");
    const auto result = Nh::parseRegistrationEntry(xml);
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
    QCOMPARE(result->handle, u"this-one"_s);
    const QList<Nh::Warning> warnings = result.warnings();
    QCOMPARE(warnings.size(), 4);
    QVERIFY2(warnings[0].message.contains(u"urn:other"_s), qPrintable(warnings[0].message));
    QVERIFY2(warnings[1].message.contains(u"<NewThing>"_s), qPrintable(warnings[1].message));
    QVERIFY2(warnings[2].message.contains(u"<DeviceToken>"_s), qPrintable(warnings[2].message));
    QVERIFY2(warnings[3].message.contains(u"<Second>"_s), qPrintable(warnings[3].message));

    // The unknown element of the AdmTemplate fixture is reported too.
    const auto adm = Nh::parseRegistrationEntry(fixture(u"registrations/kinds/AdmTemplate.xml"_s));
    QVERIFY(adm.ok());
    QCOMPARE(adm.warnings().size(), 1);
    QVERIFY(adm.warnings().first().message.contains(u"<FutureElement>"_s));
}

void Tst_registrationfeed::tagsWithSpacesAreTrimmedWithAWarning()
{
    // The documentation writes "myTag, myOtherTag"; the service and the SDKs use no spaces.
    const QByteArray xml = "<GcmRegistrationDescription xmlns=\"" + kSb
        + "\">\n<Tags>myTag, myOtherTag,,</Tags><GcmRegistrationId>g</GcmRegistrationId>"
          "</GcmRegistrationDescription>";
    const auto result = Nh::parseRegistrationEntry(xml);
    QVERIFY(result.ok());
    QCOMPARE(result->tags, (QStringList {u"myTag"_s, u"myOtherTag"_s}));
    QCOMPARE(result.warnings().size(), 1);
    const QString message = result.warnings().first().message;
    QVERIFY2(message.contains(u"(line 2)"_s) && message.contains(u"'myTag,myOtherTag'"_s),
             qPrintable(message));

    const auto clean = Nh::parseRegistrationEntry(fixture(u"registrations/js-apple-request.xml"_s));
    QVERIFY(clean.warnings().isEmpty());
}

void Tst_registrationfeed::recordedFeedWithNextLink()
{
    const auto result = Nh::parseRegistrationFeed(fixture(u"feeds/rec-top2.xml"_s));
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
    const Nh::RegistrationFeed &feed = result.value();
    QCOMPARE(feed.entries.size(), 2);
    QCOMPARE(feed.entries[0].registrationId, u"5338658925190566729-3584145164946923081-1"_s);
    QCOMPARE(feed.entries[1].registrationId, u"5645581655424771962-133652254487445652-1"_s);
    for (const Registration &reg : feed.entries) {
        QCOMPARE(reg.kindName(), u"AppleRegistrationDescription"_s);
        QCOMPARE(reg.etag, qint64(1));
        QCOMPARE(reg.handle, kToken);
        QCOMPARE(reg.expirationTime, Registration::neverExpires());
        QCOMPARE(reg.published, utc(2018, 11, 7, 0, 18, 38));
    }
    // The link carries the token encoded twice; the header form is encoded once.
    QCOMPARE(feed.continuationToken, "MzEobik7Mg%3D%3D"_ba);
    QCOMPARE(
        feed.nextLink,
        u"https://sdk-sample-namespace.servicebus.windows.net/sdk-sample-nh/registrations?api-version=2017-04&%24top=2&continuationtoken=MzEobik7Mg%253D%253D"_s);
    QCOMPARE(Nh::decodeContinuationToken(feed.continuationToken), "MzEobik7Mg=="_ba);
}

void Tst_registrationfeed::specFeed()
{
    const auto result = Nh::parseRegistrationFeed(fixture(u"feeds/spec-2020-06.xml"_s));
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
    const QStringList expectedKinds {
        u"WindowsRegistrationDescription"_s, u"WindowsRegistrationDescription"_s,
        u"AppleRegistrationDescription"_s, u"GcmRegistrationDescription"_s,
        u"AdmRegistrationDescription"_s};
    const QStringList expectedHandles {u"https://wns-handle.com/"_s, u"https://baidu-handle.com/"_s,
                                       u"FFEEDDCC"_s, u"fcm-handle"_s, u"adm-handle"_s};
    QCOMPARE(result->entries.size(), 5);
    for (qsizetype i = 0; i < 5; ++i) {
        const Registration &reg = result->entries[i];
        QCOMPARE(reg.kindName(), expectedKinds[i]);
        QCOMPARE(reg.handle, expectedHandles[i]);
        QCOMPARE(reg.tags, (QStringList {u"tag1"_s, u"tag2"_s}));
        QCOMPARE(reg.etag, qint64(1));
        QCOMPARE(reg.expirationTime, Registration::neverExpires());
    }
    QVERIFY(result->continuationToken.isEmpty());
    QVERIFY(result->nextLink.isEmpty());
}

void Tst_registrationfeed::emptyFeed()
{
    const auto result = Nh::parseRegistrationFeed(fixture(u"feeds/empty.xml"_s));
    QVERIFY(result.ok());
    QVERIFY(result->entries.isEmpty());
    QVERIFY(result->continuationToken.isEmpty());
    QVERIFY(result.warnings().isEmpty());
}

void Tst_registrationfeed::feedSkipsUnknownKind()
{
    const auto result = Nh::parseRegistrationFeed(fixture(u"feeds/unknown-kind.xml"_s));
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
    QCOMPARE(result->entries.size(), 1);
    QCOMPARE(result->entries[0].kindName(), u"AdmRegistrationDescription"_s);
    QCOMPARE(result->entries[0].registrationId, u"2-2-2"_s);
    QCOMPARE(result.warnings().size(), 1);
    const QString message = result.warnings().first().message;
    QVERIFY2(message.contains(u"Entry 1"_s) && message.contains(u"HuaweiRegistrationDescription"_s),
             qPrintable(message));
}

void Tst_registrationfeed::feedNamesBrokenEntry()
{
    const auto result = Nh::parseRegistrationFeed(fixture(u"feeds/broken-second-entry.xml"_s));
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, ErrorCode::MissingField);
    QCOMPARE(result.error().where, u"GcmRegistrationId"_s);
    QCOMPARE(result.error().line, qint64(3));
    QVERIFY2(result.error().message.startsWith(u"Entry 2: "_s), qPrintable(result.error().message));
    QVERIFY2(result.error().message.contains(u"<GcmRegistrationId>"_s),
             qPrintable(result.error().message));
    QVERIFY2(result.error().message.contains(u"line 3"_s), qPrintable(result.error().message));
}

void Tst_registrationfeed::roundTrip_data()
{
    QTest::addColumn<Platform>("platform");
    QTest::addColumn<bool>("isTemplate");
    for (const Platform p : kPlatforms) {
        for (const bool isTemplate : {false, true}) {
            const QString name = Nh::registrationKindName({p, isTemplate});
            QTest::newRow(qPrintable(name)) << p << isTemplate;
        }
    }
}

void Tst_registrationfeed::roundTrip()
{
    QFETCH(Platform, platform);
    QFETCH(bool, isTemplate);
    const Registration reg = fullRegistration(platform, isTemplate);

    // A request leaves out the read-only members.
    const QByteArray request = Nh::registrationRequestXml(reg);
    QVERIFY(!request.contains("<RegistrationId>"));
    QVERIFY(!request.contains("<ETag>"));
    QVERIFY(!request.contains("<ExpirationTime>"));
    QVERIFY(request.contains("<Tags>sports,user:alice,#x@y.z-1_2</Tags>"));
    const auto fromRequest = Nh::parseRegistrationEntry(request);
    QVERIFY2(fromRequest.ok(),
             qPrintable(fromRequest.ok() ? QString() : fromRequest.error().message));
    QVERIFY2(fromRequest.value() == withoutReadOnly(reg),
             qPrintable(differences(fromRequest.value(), withoutReadOnly(reg))));
    QVERIFY(fromRequest.warnings().isEmpty());

    // The emulator's entry keeps everything.
    Nh::EntryContext entryContext;
    entryContext.baseUrl = u"https://localhost:8443/myHub"_s;
    entryContext.query = u"api-version=2020-06"_s;
    entryContext.now = utc(2026, 5, 5, 5, 5, 5);
    const auto fromEntry = Nh::parseRegistrationEntry(Nh::registrationEntryXml(reg, entryContext));
    QVERIFY2(fromEntry.ok(), qPrintable(fromEntry.ok() ? QString() : fromEntry.error().message));
    QVERIFY2(fromEntry.value() == reg, qPrintable(differences(fromEntry.value(), reg)));

    // And in a feed, next to a second one without times (the context's time is used).
    Registration second = reg;
    second.registrationId = u"1-1-1"_s;
    second.etag = 1;
    second.published = QDateTime();
    second.updated = QDateTime();
    Nh::FeedContext feedContext;
    feedContext.baseUrl = u"https://localhost:8443/myHub"_s;
    feedContext.query = u"api-version=2020-06&$top=2"_s;
    feedContext.updated = utc(2026, 5, 5, 5, 5, 5);
    feedContext.continuationToken = "Mn0="_ba;
    const auto feed =
        Nh::parseRegistrationFeed(Nh::registrationFeedXml({reg, second}, feedContext));
    QVERIFY2(feed.ok(), qPrintable(feed.ok() ? QString() : feed.error().message));
    QCOMPARE(feed->entries.size(), 2);
    QVERIFY2(feed->entries[0] == reg, qPrintable(differences(feed->entries[0], reg)));
    second.published = feedContext.updated;
    second.updated = feedContext.updated;
    QVERIFY2(feed->entries[1] == second, qPrintable(differences(feed->entries[1], second)));
    QCOMPARE(feed->continuationToken, "Mn0%3D"_ba);
}

void Tst_registrationfeed::requestXmlByteExact()
{
    Registration reg;
    reg.platform = Platform::Apple;
    reg.isTemplate = true;
    reg.registrationId = u"123-234-1"_s; // read-only: not sent
    reg.etag = 3; // read-only: not sent
    reg.tags = {u"sports"_s, u"user:alice"_s};
    reg.pushVariables = uR"nh({"lang":"en"})nh"_s;
    reg.handle = kToken;
    reg.bodyTemplate = uR"nh({"aps":{"alert":"$(msg)"}})nh"_s;
    reg.expiry = u"$(expiry)"_s;
    reg.templateName = u"alert"_s;
    reg.priority = u"10"_s;
    reg.headers = {{u"apns-push-type"_s, u"alert"_s}, {u"apns-priority"_s, u"10"_s}};
    QCOMPARE(Nh::registrationRequestXml(reg),
             fixture(u"registrations/apple-template-request.xml"_s));
}

void Tst_registrationfeed::writesTextAsTheServiceDoes_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QByteArray>("written");

    QTest::newRow("quotes stay, markup is escaped")
        << u"pushVariables"_s << uR"nh({"a":"<b> & 'c'"})nh"_s
        << R"nh(<PushVariables>{"a":"&lt;b&gt; &amp; 'c'"}</PushVariables>)nh"_ba;
    QTest::newRow("LF and TAB stay, CR is a reference")
        << u"templateName"_s << u"a\r\n\tb"_s << "<TemplateName>a&#xD;\n\tb</TemplateName>"_ba;
    QTest::newRow("characters XML cannot carry are dropped")
        << u"templateName"_s << u"a\u0001b\uFFFFc"_s << "<TemplateName>abc</TemplateName>"_ba;
    QTest::newRow("a lone surrogate becomes U+FFFD")
        << u"templateName"_s << u"a"_s + QChar(0xD800) + u"b"_s
        << "<TemplateName>a\xEF\xBF\xBD"
           "b</TemplateName>"_ba;
    QTest::newRow("]]> splits the CDATA section")
        << u"bodyTemplate"_s << u"x]]>y"_s
        << "<BodyTemplate><![CDATA[x]]]]><![CDATA[>y]]></BodyTemplate>"_ba;
    QTest::newRow("]]> joined by a dropped character splits it too")
        << u"bodyTemplate"_s << u"x]]\u0001>y"_s
        << "<BodyTemplate><![CDATA[x]]]]><![CDATA[>y]]></BodyTemplate>"_ba;
    QTest::newRow("attributes escape quotes and white space")
        << u"query"_s << u"a=\"1\"&b=<\t\n\r>"_s
        << "href=\"https://h/myHub/registrations/1-2-3?a=&quot;1&quot;&amp;b=&lt;&#x9;&#xA;&#xD;"
           "&gt;\""_ba;
}

void Tst_registrationfeed::writesTextAsTheServiceDoes()
{
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(QByteArray, written);

    Registration reg = fullRegistration(Platform::Apple, true);
    reg.registrationId = u"1-2-3"_s;
    Nh::EntryContext context;
    context.baseUrl = u"https://h/myHub"_s;
    context.now = utc(2026, 5, 5, 5, 5, 5);
    if (field == u"pushVariables")
        reg.pushVariables = value;
    else if (field == u"templateName")
        reg.templateName = value;
    else if (field == u"bodyTemplate")
        reg.bodyTemplate = value;
    else
        context.query = value;

    const QByteArray xml = Nh::registrationEntryXml(reg, context);
    QVERIFY2(xml.contains(written), xml.constData());
    const auto parsed = Nh::parseRegistrationEntry(xml);
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().message));
}

void Tst_registrationfeed::feedXmlMatchesRecording()
{
    // Parse a real feed and write it back: the bytes must be the service's.
    const QByteArray recorded = fixture(u"feeds/rec-three.xml"_s);
    const auto parsed = Nh::parseRegistrationFeed(recorded);
    QVERIFY(parsed.ok());
    QCOMPARE(parsed->entries.size(), 3);
    Nh::FeedContext context;
    context.baseUrl = u"https://sdk-sample-namespace.servicebus.windows.net/sdk-sample-nh"_s;
    context.query = u"api-version=2017-04&$top=100"_s;
    context.updated = utc(2018, 11, 7, 0, 18, 25);
    QCOMPARE(Nh::registrationFeedXml(parsed->entries, context), recorded);
}

void Tst_registrationfeed::entryXmlMatchesRecording()
{
    // The recorded AppleTemplate POST response, except that this service version wrote the
    // ExpirationTime without its 'Z'; the emulator always writes it.
    QByteArray recorded = fixture(u"registrations/kinds/AppleTemplate.xml"_s);
    const auto parsed = Nh::parseRegistrationEntry(recorded);
    QVERIFY(parsed.ok());
    recorded.replace("23:59:59.999</ExpirationTime>", "23:59:59.999Z</ExpirationTime>");
    Nh::EntryContext context;
    context.baseUrl = u"https://sdk-sample-namespace.servicebus.windows.net/sdk-sample-nh/"_s;
    context.query = u"api-version=2017-04"_s;
    QCOMPARE(Nh::registrationEntryXml(parsed.value(), context), recorded);

    // The Mpns template response (its <MpnsHeaders> after the body, TemplateName last).
    QByteArray mpns = fixture(u"registrations/kinds/MpnsTemplate.xml"_s);
    const auto parsedMpns = Nh::parseRegistrationEntry(mpns);
    QVERIFY(parsedMpns.ok());
    mpns.replace("23:59:59.999</ExpirationTime>", "23:59:59.999Z</ExpirationTime>");
    QCOMPARE(Nh::registrationEntryXml(parsedMpns.value(), context), mpns);
}

void Tst_registrationfeed::nextLinkLikeService()
{
    Nh::FeedContext context;
    context.baseUrl = u"https://sdk-sample-namespace.servicebus.windows.net/sdk-sample-nh"_s;
    context.query = u"api-version=2017-04&$top=2"_s;
    context.updated = utc(2018, 11, 7, 0, 18, 38);
    context.continuationToken = "MzEobik7Mg=="_ba;
    const QByteArray xml = Nh::registrationFeedXml({}, context);
    // docs/protocol.md §7.6, verbatim.
    const QByteArray expectedStart =
        R"nh(<feed xmlns="http://www.w3.org/2005/Atom"><title type="text">Registrations</title><id>https://sdk-sample-namespace.servicebus.windows.net/sdk-sample-nh/registrations?api-version=2017-04&amp;$top=2</id><updated>2018-11-07T00:18:38Z</updated><link rel="self" href="https://sdk-sample-namespace.servicebus.windows.net/sdk-sample-nh/registrations?api-version=2017-04&amp;$top=2"/>)nh"_ba;
    const QByteArray expectedNext =
        R"nh(<link rel="next" href="https://sdk-sample-namespace.servicebus.windows.net/sdk-sample-nh/registrations?api-version=2017-04&amp;%24top=2&amp;continuationtoken=MzEobik7Mg%253D%253D"/>)nh"_ba;
    QVERIFY2(xml.startsWith(expectedStart), xml.constData());
    QVERIFY2(xml.contains(expectedNext), xml.constData());
    const auto parsed = Nh::parseRegistrationFeed(xml);
    QVERIFY(parsed.ok());
    QVERIFY(parsed->entries.isEmpty());
    QCOMPARE(parsed->continuationToken, "MzEobik7Mg%3D%3D"_ba);
}

void Tst_registrationfeed::nextLinkReplacesToken()
{
    // The second page's request carries the old token (any name case); the next link must not
    // repeat it. By-tag feeds keep their collection path.
    Nh::FeedContext context;
    context.baseUrl = u"https://localhost:8443/myHub"_s;
    context.collectionPath = u"tags/user:alice/registrations"_s;
    context.query = u"api-version=2020-06&%24top=1&ContinuationToken=MzEobik7Mg%253D%253D"_s;
    context.updated = utc(2026, 1, 1, 0, 0, 0);
    context.continuationToken = "NDI="_ba;
    const QByteArray xml = Nh::registrationFeedXml({}, context);
    const QByteArray expectedNext =
        R"nh(<link rel="next" href="https://localhost:8443/myHub/tags/user:alice/registrations?api-version=2020-06&amp;%24top=1&amp;continuationtoken=NDI%253D"/>)nh"_ba;
    const QByteArray expectedId =
        R"nh(<id>https://localhost:8443/myHub/tags/user:alice/registrations?api-version=2020-06&amp;%24top=1&amp;ContinuationToken=MzEobik7Mg%253D%253D</id>)nh"_ba;
    QVERIFY2(xml.contains(expectedNext), xml.constData());
    QVERIFY2(xml.contains(expectedId), xml.constData());
}

void Tst_registrationfeed::continuationTokens_data()
{
    QTest::addColumn<QByteArray>("given");
    QTest::addColumn<QByteArray>("raw");
    QTest::newRow("raw") << "MzEobik7Mg=="_ba
                         << "MzEobik7Mg=="_ba;
    QTest::newRow("once (header)") << "MzEobik7Mg%3D%3D"_ba
                                   << "MzEobik7Mg=="_ba;
    QTest::newRow("twice (JS SDK)") << "MzEobik7Mg%253D%253D"_ba
                                    << "MzEobik7Mg=="_ba;
    QTest::newRow("lower-case hex") << "MzEobik7Mg%3d%3d"_ba
                                    << "MzEobik7Mg=="_ba;
    QTest::newRow("plus and slash, twice") << "a%252Bb%252Fc%253D"_ba
                                           << "a+b/c="_ba;
    QTest::newRow("plus kept") << "a+b"_ba
                               << "a+b"_ba;
    QTest::newRow("empty") << QByteArray() << QByteArray();
}

void Tst_registrationfeed::continuationTokens()
{
    QFETCH(QByteArray, given);
    QFETCH(QByteArray, raw);
    QCOMPARE(Nh::decodeContinuationToken(given), raw);
    QCOMPARE(Nh::encodeContinuationToken("MzEobik7Mg=="_ba), "MzEobik7Mg%3D%3D"_ba);
    QCOMPARE(Nh::encodeContinuationToken("a+b/c="_ba), "a%2Bb%2Fc%3D"_ba);
}

void Tst_registrationfeed::brokenEntries_data()
{
    QTest::addColumn<QByteArray>("xml");
    QTest::addColumn<ErrorCode>("code");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column"); // 0 = not checked
    QTest::addColumn<QString>("where");
    QTest::addColumn<QString>("mentions");

    const QByteArray sbOpen = "<AppleRegistrationDescription xmlns=\"" + kSb + "\">";
    const QByteArray templateOpen = "<AppleTemplateRegistrationDescription xmlns=\"" + kSb + "\">";

    QTest::newRow("empty") << QByteArray() << ErrorCode::Empty << 0 << 0 << QString() << u"empty"_s;
    QTest::newRow("whitespace only")
        << "  \n\t "_ba << ErrorCode::Empty << 0 << 0 << QString() << u"empty"_s;
    QTest::newRow("garbage") << "hello world"_ba << ErrorCode::Syntax << 1 << 0 << QString()
                             << u"not well-formed"_s;
    QTest::newRow("JSON") << R"nh({"installationId":"x"})nh"_ba << ErrorCode::Syntax << 1 << 0
                          << QString() << u"not well-formed"_s;
    QTest::newRow("wrong root: feed")
        << "<feed xmlns=\"" + kAtom + "\"></feed>" << ErrorCode::UnexpectedRoot << 1 << 0
        << u"feed"_s << u"<feed>"_s;
    QTest::newRow("wrong root: error body")
        << "<Error><Code>404</Code><Detail>x</Detail></Error>"_ba << ErrorCode::UnexpectedRoot << 1
        << 7 << u"Error"_s << u"<Error>"_s;
    QTest::newRow("unknown kind in entry")
        << entryAround("<FcmRegistrationDescription xmlns=\"" + kSb
                       + "\"><FcmRegistrationId>x</FcmRegistrationId></FcmRegistrationDescription>")
        << ErrorCode::InvalidValue << 3
        << int(QByteArray("<FcmRegistrationDescription xmlns=\"").size() + kSb.size() + 2)
        << u"FcmRegistrationDescription"_s
        << u"Unknown registration description kind <FcmRegistrationDescription>"_s;
    QTest::newRow("unknown bare kind")
        << "<HuaweiRegistrationDescription/>"_ba << ErrorCode::InvalidValue << 1 << 0
        << u"HuaweiRegistrationDescription"_s << u"HuaweiRegistrationDescription"_s;
    QTest::newRow("not a description in content")
        << entryAround("<Foo/>") << ErrorCode::InvalidValue << 3 << 6 << u"Foo"_s
        << u"<Foo> is not a registration description"_s;
    QTest::newRow("polymorphic without i:type")
        << "<RegistrationDescription xmlns=\"" + kSb
            + "\"><DeviceToken>A</DeviceToken></RegistrationDescription>"
        << ErrorCode::MissingField << 1 << 0 << u"RegistrationDescription"_s << u"i:type"_s;
    QTest::newRow("polymorphic, unknown i:type")
        << "<RegistrationDescription xmlns:i=\"" + kXsi
            + "\" i:type=\"NokiaXRegistrationDescription\"/>"
        << ErrorCode::InvalidValue << 1 << 0 << u"NokiaXRegistrationDescription"_s
        << u"<NokiaXRegistrationDescription>"_s;
    QTest::newRow("missing DeviceToken")
        << entryAround(sbOpen + "\n<Tags>a</Tags>\n</AppleRegistrationDescription>")
        << ErrorCode::MissingField << 3 << int(sbOpen.size()) << u"DeviceToken"_s
        << u"has no <DeviceToken> element (line 3"_s;
    QTest::newRow("missing browser Auth")
        << "<BrowserRegistrationDescription xmlns=\"" + kSb
            + "\"><Endpoint>https://e/</Endpoint><P256DH>k</P256DH></"
              "BrowserRegistrationDescription>"
        << ErrorCode::MissingField << 1 << 0 << u"Auth"_s << u"<Auth>"_s;
    QTest::newRow("missing BaiduUserId")
        << "<BaiduRegistrationDescription xmlns=\"" + kSb
            + "\"><BaiduChannelId>c</BaiduChannelId></BaiduRegistrationDescription>"
        << ErrorCode::MissingField << 1 << 0 << u"BaiduUserId"_s << u"<BaiduUserId>"_s;
    QTest::newRow("empty DeviceToken")
        << sbOpen
            + "\n<RegistrationId>1-2-3</RegistrationId>\n  <DeviceToken> "
              "</DeviceToken>\n</AppleRegistrationDescription>"
        << ErrorCode::EmptyField << 3 << 15 << u"DeviceToken"_s << u"<DeviceToken>"_s;
    QTest::newRow("template without BodyTemplate")
        << templateOpen
            + "<DeviceToken>A</DeviceToken><TemplateName>t</TemplateName></"
              "AppleTemplateRegistrationDescription>"
        << ErrorCode::MissingField << 1 << int(templateOpen.size()) << u"BodyTemplate"_s
        << u"has no <BodyTemplate> element"_s;
    QTest::newRow("blank BodyTemplate")
        << templateOpen
            + "<DeviceToken>A</DeviceToken><BodyTemplate><![CDATA[  "
              "]]></BodyTemplate></AppleTemplateRegistrationDescription>"
        << ErrorCode::EmptyField << 1 << 0 << u"BodyTemplate"_s << u"<BodyTemplate>"_s;
    QTest::newRow("bad ETag") << sbOpen
            + "\n  <RegistrationId>1-2-3</RegistrationId>\n  <DeviceToken>AB</DeviceToken>\n  "
              "<ETag>one</ETag>\n</AppleRegistrationDescription>"
                              << ErrorCode::InvalidValue << 4 << 8 << u"ETag"_s
                              << u"'one' is not a whole number (line 4, column 8)"_s;
    QTest::newRow("negative ETag")
        << sbOpen + "<ETag>-1</ETag><DeviceToken>AB</DeviceToken></AppleRegistrationDescription>"
        << ErrorCode::InvalidValue << 1 << 0 << u"ETag"_s << u"'-1'"_s;
    QTest::newRow("bad etag attribute")
        << "<entry xmlns=\"" + kAtom
            + "\" xmlns:a=\"http://schemas.microsoft.com/ado/2007/08/dataservices/metadata\" "
              "a:etag=\"W/&quot;x&quot;\">"
            + "<content>" + sbOpen
            + "<DeviceToken>A</DeviceToken></AppleRegistrationDescription></content></entry>"
        << ErrorCode::InvalidValue << 1 << 0 << u"a:etag"_s << u"W/\"x\""_s;
    QTest::newRow("bad ExpirationTime")
        << sbOpen
            + "\n<ExpirationTime>tomorrow</ExpirationTime><DeviceToken>A</DeviceToken></"
              "AppleRegistrationDescription>"
        << ErrorCode::InvalidValue << 2 << 16 << u"ExpirationTime"_s << u"'tomorrow'"_s;
    QTest::newRow("impossible date")
        << sbOpen
            + "<ExpirationTime>2021-02-30T00:00:00Z</ExpirationTime><DeviceToken>A</DeviceToken></"
              "AppleRegistrationDescription>"
        << ErrorCode::InvalidValue << 1 << 0 << u"ExpirationTime"_s << u"2021-02-30"_s;
    QTest::newRow("duplicate DeviceToken")
        << sbOpen
            + "\n  <DeviceToken>AB</DeviceToken>\n\n  "
              "<DeviceToken>CD</DeviceToken>\n</AppleRegistrationDescription>"
        << ErrorCode::DuplicateField << 4 << 15 << u"DeviceToken"_s << u"appears twice"_s;
    QTest::newRow("entry without content")
        << "<entry xmlns=\"" + kAtom + "\">\n<title>x</title>\n</entry>" << ErrorCode::MissingField
        << 1 << 0 << u"content"_s << u"<content>"_s;
    QTest::newRow("empty content") << entryAround("") << ErrorCode::MissingField << 1 << 0
                                   << u"content"_s << u"no registration description"_s;
    QTest::newRow("element inside Tags")
        << sbOpen + "<DeviceToken>A</DeviceToken><Tags>a<b/></Tags></AppleRegistrationDescription>"
        << ErrorCode::Syntax << 1 << 0 << u"Tags"_s << u"<b> inside <Tags>"_s;
    QTest::newRow("header item without name")
        << templateOpen
            + "<DeviceToken>A</DeviceToken><BodyTemplate>{}</"
              "BodyTemplate>\n<ApnsHeaders><ApnsHeader><Value>1</Value></ApnsHeader></"
              "ApnsHeaders></AppleTemplateRegistrationDescription>"
        << ErrorCode::MissingField << 2 << 25 << u"ApnsHeader"_s << u"<ApnsHeader>"_s;
    QTest::newRow("handle in a foreign namespace")
        << "<AppleRegistrationDescription xmlns=\"" + kSb
            + "\" "
              "xmlns:o=\"urn:other\"><o:DeviceToken>A</o:DeviceToken></"
              "AppleRegistrationDescription>"
        << ErrorCode::MissingField << 1 << 0 << u"DeviceToken"_s << u"<DeviceToken>"_s;
    QTest::newRow("trailing element")
        << sbOpen + "<DeviceToken>A</DeviceToken></AppleRegistrationDescription><x/>"
        << ErrorCode::Syntax << 1 << 0 << QString() << u"not well-formed"_s;
    QTest::newRow("mismatched end tag") << sbOpen + "\n<DeviceToken>A</Tags>" << ErrorCode::Syntax
                                        << 2 << 0 << QString() << u"not well-formed"_s;
    QTest::newRow("unbound prefix")
        << "<sb:AppleRegistrationDescription><sb:DeviceToken>A</sb:DeviceToken></sb:AppleRegistrationDescription>"_ba
        << ErrorCode::Syntax << 1 << 0 << QString() << u"not well-formed"_s;

    QTest::newRow("placeholders in ETag")
        << sbOpen + "<DeviceToken>A</DeviceToken><ETag>%1%2</ETag></AppleRegistrationDescription>"
        << ErrorCode::InvalidValue << 1 << int(sbOpen.size()) + 34 << u"ETag"_s
        << u"'%1%2' is not a whole number (line 1"_s;
    QTest::newRow("control character right after a tag name")
        << sbOpen + "<DeviceToken\x01" << ErrorCode::Syntax << 1 << int(sbOpen.size()) + 13
        << QString() << u"U+0001"_s;
    QTest::newRow("three bytes that are not XML")
        << "{}\n"_ba << ErrorCode::Syntax << 1 << 1 << QString() << u"does not start with '<'"_s;
    // The depth counts from the root, also inside an element that is skipped.
    QByteArray deepSkipped = sbOpen + "<DeviceToken>A</DeviceToken>";
    const int levels = Nh::Xml::kMaxDepth; // levels 2 … kMaxDepth + 1
    deepSkipped += "<x>"_ba.repeated(levels) + "</x>"_ba.repeated(levels);
    deepSkipped += "</AppleRegistrationDescription>";
    QTest::newRow("nested too deeply below a skipped element")
        << deepSkipped << ErrorCode::LimitExceeded << 1 << int(sbOpen.size()) + 28 + 3 * levels
        << u"x"_s << u"nested more than %1 levels"_s.arg(Nh::Xml::kMaxDepth);
    QByteArray deepInside = sbOpen + "<DeviceToken>A</DeviceToken>";
    for (int i = 0; i < 100; ++i)
        deepInside += "<x>";
    QTest::newRow("nested too deeply in a description")
        << deepInside << ErrorCode::LimitExceeded << 1 << 0 << QString() << u"nested"_s;
    QByteArray deepEntry = "<entry xmlns=\"" + kAtom + "\">";
    for (int i = 0; i < 1000; ++i)
        deepEntry += "<x>";
    for (int i = 0; i < 1000; ++i)
        deepEntry += "</x>";
    deepEntry += "</entry>";
    QTest::newRow("nested too deeply in an entry")
        << deepEntry << ErrorCode::LimitExceeded << 1 << 0 << QString() << u"nested"_s;
}

void Tst_registrationfeed::brokenEntries()
{
    QFETCH(QByteArray, xml);
    QFETCH(ErrorCode, code);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, where);
    QFETCH(QString, mentions);

    const auto result = Nh::parseRegistrationEntry(xml);
    QVERIFY2(!result.ok(), "a broken entry was accepted");
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
    if (!where.isEmpty())
        QCOMPARE(error.where, where);
}

void Tst_registrationfeed::truncatedEntry_data()
{
    QTest::addColumn<int>("keep");
    QTest::newRow("in the entry's attributes") << 40;
    QTest::newRow("in <id>") << 250;
    QTest::newRow("in the description") << 900;
    QTest::newRow("in the CDATA body") << 1140;
    QTest::newRow("last byte missing") << -1;
    QTest::newRow("first three bytes") << 3;
}

void Tst_registrationfeed::truncatedEntry()
{
    QFETCH(int, keep);
    const QByteArray whole = fixture(u"registrations/kinds/AppleTemplate.xml"_s);
    const QByteArray cut = keep < 0 ? whole.chopped(1) : whole.left(keep);
    const auto result = Nh::parseRegistrationEntry(cut);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, ErrorCode::Truncated);
    QCOMPARE(result.error().line, qint64(1));
    QVERIFY2(result.error().message.contains(u"ends too early"_s),
             qPrintable(result.error().message));
}

void Tst_registrationfeed::brokenFeeds_data()
{
    QTest::addColumn<QByteArray>("xml");
    QTest::addColumn<ErrorCode>("code");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("empty") << QByteArray() << ErrorCode::Empty << 0 << u"empty"_s;
    QTest::newRow("an entry is not a feed") << fixture(u"registrations/kinds/Apple.xml"_s)
                                            << ErrorCode::UnexpectedRoot << 1 << u"found <entry>"_s;
    QTest::newRow("truncated") << fixture(u"feeds/rec-top2.xml"_s).left(2000)
                               << ErrorCode::Truncated << 23 << u"ends too early"_s;
    QTest::newRow("garbage") << "\x01\x02\x03"_ba << ErrorCode::Syntax << 1 << u"not well-formed"_s;
    QByteArray deep = "<feed xmlns=\"" + kAtom + "\">";
    for (int i = 0; i < 200; ++i)
        deep += "<link>";
    QTest::newRow("nested too deeply") << deep << ErrorCode::LimitExceeded << 1 << u"nested"_s;
}

void Tst_registrationfeed::brokenFeeds()
{
    QFETCH(QByteArray, xml);
    QFETCH(ErrorCode, code);
    QFETCH(int, line);
    QFETCH(QString, mentions);
    const auto result = Nh::parseRegistrationFeed(xml);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, code);
    QCOMPARE(result.error().line, qint64(line));
    QVERIFY2(result.error().message.contains(mentions), qPrintable(result.error().message));
}

void Tst_registrationfeed::tooBig()
{
    QByteArray huge = "<entry xmlns=\"" + kAtom + "\"><content>";
    huge += QByteArray(Nh::Xml::kMaxDocumentBytes, ' ');
    const auto entry = Nh::parseRegistrationEntry(huge);
    QVERIFY(!entry.ok());
    QCOMPARE(entry.error().code, ErrorCode::LimitExceeded);
    QVERIFY2(entry.error().message.contains(QString::number(huge.size())),
             qPrintable(entry.error().message));
    const auto feed = Nh::parseRegistrationFeed(huge);
    QVERIFY(!feed.ok());
    QCOMPARE(feed.error().code, ErrorCode::LimitExceeded);
}

void Tst_registrationfeed::kindNames()
{
    QCOMPARE(Nh::registrationKindName({Platform::Apple, true}),
             u"AppleTemplateRegistrationDescription"_s);
    QCOMPARE(Nh::registrationKindName({Platform::WindowsPhone, false}),
             u"MpnsRegistrationDescription"_s);
    QCOMPARE(Nh::registrationKindName({Platform::FcmV1, true}),
             u"FcmV1TemplateRegistrationDescription"_s);
    QCOMPARE(Nh::registrationKindFromName(u"GcmTemplateRegistrationDescription"),
             (Nh::RegistrationKind {Platform::Gcm, true}));
    QCOMPARE(Nh::registrationKindFromName(u"XiaomiRegistrationDescription"),
             (Nh::RegistrationKind {Platform::Xiaomi, false}));
    // The SDK-only FCM name is not a wire kind (docs/protocol.md §9.5); names are case-sensitive.
    QVERIFY(!Nh::registrationKindFromName(u"FcmRegistrationDescription"));
    QVERIFY(!Nh::registrationKindFromName(u"appleRegistrationDescription"));
    QVERIFY(!Nh::registrationKindFromName(u"RegistrationDescription"));
    QVERIFY(!Nh::registrationKindFromName(u"TemplateRegistrationDescription"));
    const QStringList handles {
        u"DeviceToken"_s,         u"FcmV1RegistrationId"_s, u"GcmRegistrationId"_s, u"ChannelUri"_s,
        u"ChannelUri"_s,          u"AdmRegistrationId"_s,   u"BaiduChannelId"_s,    u"Endpoint"_s,
        u"XiaomiRegistrationId"_s};
    for (qsizetype i = 0; i < handles.size(); ++i)
        QCOMPARE(Nh::registrationHandleElementName(kPlatforms[i]), handles[i]);
    QCOMPARE(Nh::registrationHeadersElementName(Platform::Apple), u"ApnsHeaders"_s);
    QCOMPARE(Nh::registrationHeadersElementName(Platform::Windows), u"WnsHeaders"_s);
    QCOMPARE(Nh::registrationHeadersElementName(Platform::WindowsPhone), u"MpnsHeaders"_s);
    QCOMPARE(Nh::registrationHeadersElementName(Platform::Gcm), QString());
    QCOMPARE(Registration::neverExpires(), utc(9999, 12, 31, 23, 59, 59, 999));
    QCOMPARE(Registration().expirationTime, Registration::neverExpires());
}

void Tst_registrationfeed::hubDateTimes_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QDateTime>("expected"); // invalid = refused
    QTest::newRow("Atom") << u"2018-11-07T00:18:38Z"_s << utc(2018, 11, 7, 0, 18, 38);
    QTest::newRow("never, ms") << u"9999-12-31T23:59:59.999Z"_s
                               << utc(9999, 12, 31, 23, 59, 59, 999);
    QTest::newRow("never, no zone")
        << u"9999-12-31T23:59:59.999"_s << utc(9999, 12, 31, 23, 59, 59, 999);
    QTest::newRow("never, 7 digits")
        << u"9999-12-31T23:59:59.9999999Z"_s << utc(9999, 12, 31, 23, 59, 59, 999);
    QTest::newRow("one digit") << u"2020-01-01T00:00:00.5Z"_s << utc(2020, 1, 1, 0, 0, 0, 500);
    QTest::newRow("offset") << u"2020-01-01T01:30:00+01:30"_s << utc(2020, 1, 1, 0, 0, 0);
    QTest::newRow("negative offset, no colon")
        << u"2020-01-01T00:00:00-0500"_s << utc(2020, 1, 1, 5, 0, 0);
    QTest::newRow("JS toISOString")
        << u"2026-11-23T01:19:38.887Z"_s << utc(2026, 11, 23, 1, 19, 38, 887);
    QTest::newRow("date only") << u"2020-01-01"_s << QDateTime();
    QTest::newRow("no seconds") << u"2020-01-01T00:00Z"_s << QDateTime();
    QTest::newRow("empty fraction") << u"2020-01-01T00:00:00.Z"_s << QDateTime();
    QTest::newRow("trailing text") << u"2020-01-01T00:00:00Zx"_s << QDateTime();
    QTest::newRow("hour 24") << u"2020-01-01T24:00:00Z"_s << QDateTime();
    QTest::newRow("letters") << u"yyyy-mm-ddThh:mm:ssZ"_s << QDateTime();
}

void Tst_registrationfeed::hubDateTimes()
{
    QFETCH(QString, text);
    QFETCH(QDateTime, expected);
    const auto parsed = Nh::parseHubDateTime(text);
    if (!expected.isValid()) {
        QVERIFY2(!parsed, qPrintable(text));
        return;
    }
    QVERIFY2(parsed.has_value(), qPrintable(text));
    QCOMPARE(*parsed, expected);
    QCOMPARE(Nh::hubDateTimeTextWithMs(utc(9999, 12, 31, 23, 59, 59, 999)),
             u"9999-12-31T23:59:59.999Z"_s);
    QCOMPARE(Nh::hubDateTimeText(utc(2018, 11, 7, 0, 18, 38, 500)), u"2018-11-07T00:18:38Z"_s);
}

void Tst_registrationfeed::prettyKeepsTheHubsNames()
{
    // Indented for people, with the prefixes and default namespaces as written (no n1:).
    const QByteArray xml = "<entry xmlns=\"http://www.w3.org/2005/Atom\"><content "
                           "type=\"application/xml\"><a:B xmlns:a=\"urn:x\"><a:C>1</a:C>"
                           "</a:B></content></entry>";
    const auto pretty = Nh::Xml::pretty(xml);
    QVERIFY(pretty);
    QCOMPARE(*pretty,
             QByteArray("<entry xmlns=\"http://www.w3.org/2005/Atom\">\n"
                        "  <content type=\"application/xml\">\n"
                        "    <a:B xmlns:a=\"urn:x\">\n"
                        "      <a:C>1</a:C>\n"
                        "    </a:B>\n"
                        "  </content>\n"
                        "</entry>"));
    // A declaration only when the input has one; nothing for a document that is not well-formed.
    QVERIFY(Nh::Xml::pretty("<?xml version=\"1.0\"?><a/>")->startsWith("<?xml version=\"1.0\""));
    QVERIFY(Nh::Xml::pretty("<a/>")->startsWith("<a"));
    QVERIFY(!Nh::Xml::pretty("<a><b></a>"));
}

void Tst_registrationfeed::escapedBytesAsStrings_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << QString();
    QTest::newRow("plain") << u"https://h:443/hub/registrations/1-2-3?api-version=2020-06"_s;
    QTest::newRow("markup") << u"a&b<c>d\"e'f"_s;
    QTest::newRow("line breaks and tab") << u"a\tb\nc\rd"_s;
    QTest::newRow("controls and DEL") << u"a\x01b\x7f\x1f"_s;
    QTest::newRow("non-ASCII after ASCII") << u"caf\u00e9 & <x> \"q\" \r"_s;
    QTest::newRow("surrogate pair") << u"x\U0001F600y&"_s;
    QTest::newRow("lone surrogate") << (u"a"_s + QChar(0xD800) + u"b&"_s);
    QTest::newRow("U+FFFE") << (u"a"_s + QChar(0xFFFE) + u"<"_s);
    // The UTF-8 writer looks at eight bytes at a time: a character at each place of a word.
    const QString plain = u"0123456789abcdefghijklmnopqrstuvwxyz-_:.@#"_s;
    for (const QString &c : {u"&"_s, u"<"_s, u">"_s, u"\""_s, u"\r"_s, u"\x01"_s, u"\x7f"_s,
                             u"\u00e9"_s, u"\U0001F600"_s}) {
        for (const int at : {0, 1, 7, 8, 9, 15, 16, 23, 39, 41}) {
            const QString text = plain.first(at) + c + plain.sliced(at);
            QTest::addRow("%s at %d", c.toUtf8().toHex().constData(), at) << text;
        }
    }
}

void Tst_registrationfeed::escapedBytesAsStrings()
{
    // The emulator's writers append bytes; they must be what the QString escaping writes.
    QFETCH(QString, text);
    for (const auto escaping : {Nh::Xml::TextEscaping::OneLine, Nh::Xml::TextEscaping::Service}) {
        QByteArray out = "prefix";
        Nh::Xml::appendEscapedText(out, text, escaping);
        QCOMPARE(out, "prefix" + Nh::Xml::escapeText(text, escaping).toUtf8());
    }
    QByteArray attribute = "p";
    Nh::Xml::appendEscapedAttribute(attribute, text);
    QCOMPARE(attribute, "p" + Nh::Xml::escapeAttribute(text).toUtf8());
    // From UTF-8 (the emulator's stored ids and handles): what the text read back escapes to.
    const QByteArray utf8 = text.toUtf8();
    const QString decoded = QString::fromUtf8(utf8);
    for (const auto escaping : {Nh::Xml::TextEscaping::OneLine, Nh::Xml::TextEscaping::Service}) {
        QByteArray out = "prefix";
        Nh::Xml::appendEscapedUtf8Text(out, utf8, escaping);
        QCOMPARE(out, "prefix" + Nh::Xml::escapeText(decoded, escaping).toUtf8());
    }
    attribute = "p";
    Nh::Xml::appendEscapedUtf8Attribute(attribute, utf8);
    QCOMPARE(attribute, "p" + Nh::Xml::escapeAttribute(decoded).toUtf8());
}

void Tst_registrationfeed::hubDateTimesFromMilliseconds()
{
    // appendHubDateTime() against the QDateTime writers: around 1970, leap days, the ends of
    // years 1 and 9999 and outside them (Qt's own text there), and a spread in between.
    QList<qint64> times {0,
                         -1,
                         1,
                         951782400000, // 2000-02-29
                         -2203891200001, // 1900-02-28, the last ms
                         -62135596800000, // 0001-01-01
                         -62135596800001,
                         253402300799999, // 9999-12-31T23:59:59.999
                         253402300800000,
                         -70000000000000};
    for (qint64 t = -62135596800000; t < 253402300800000; t += 9876543210987)
        times << t << t + 86399999;
    for (const qint64 ms : std::as_const(times)) {
        const QDateTime time = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
        for (const bool withMs : {false, true}) {
            QByteArray out = "x";
            Nh::appendHubDateTime(out, ms, withMs);
            const QString expected =
                withMs ? Nh::hubDateTimeTextWithMs(time) : Nh::hubDateTimeText(time);
            QCOMPARE(out, "x" + expected.toUtf8());
        }
    }
}

QTEST_GUILESS_MAIN(Tst_registrationfeed)
#include "tst_registrationfeed.moc"
