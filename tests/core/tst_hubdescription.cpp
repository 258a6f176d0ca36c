// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The hub description (docs/protocol.md §14): every hub body of ../shared/recordings parses,
// writes back in the service's element order and reads the same again; unknown elements keep
// their place; the secrets are redacted and nothing else is touched; malformed input gives
// located errors. Hand-written fixtures are in tests/data/hubs/.
#include "common/redaction.h"
#include "protocol/hubdescription.h"
#include "recordedcorpus.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Nh;

namespace {

/** The service's element order (docs/protocol.md §14.4), read-only figures included. */
const QStringList kServiceOrder {
    u"ApnsCredential"_s,        u"RegistrationTtl"_s,
    u"WnsCredential"_s,         u"AuthorizationRules"_s,
    u"GcmCredential"_s,         u"MpnsCredential"_s,
    u"DailyOperations"_s,       u"DailyApiCalls"_s,
    u"DailyMaxActiveDevices"_s, u"DailyMaxActiveRegistrations"_s,
    u"UserMetadata"_s,          u"AdmCredential"_s,
    u"BaiduCredential"_s,       u"Status"_s,
    u"FcmV1Credential"_s,       u"BrowserCredential"_s,
    u"XiaomiCredential"_s,
};
const QStringList kReadOnly {u"DailyOperations"_s, u"DailyApiCalls"_s, u"DailyMaxActiveDevices"_s,
                             u"DailyMaxActiveRegistrations"_s};

QByteArray readData(const QString &name)
{
    QFile file(QString::fromUtf8(NH_TEST_DATA_DIR) + u"/hubs/"_s + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open %s", qPrintable(file.fileName()));
    return file.readAll();
}

QString recordingsDir()
{
    return QString::fromUtf8(NH_SHARED_DIR) + u"/recordings"_s;
}

bool isPresent(const HubDescription &d, const QString &name)
{
    if (const auto kind = pnsCredentialKindFromElementName(name))
        return d.credential(*kind) != nullptr;
    if (name == u"RegistrationTtl")
        return !d.registrationTtl.isEmpty();
    if (name == u"AuthorizationRules")
        return !d.authorizationRules.isEmpty();
    if (name == u"UserMetadata")
        return d.userMetadata.has_value();
    if (name == u"Status")
        return d.status.has_value();
    return false;
}

/**
 * What a writer can give back: no read-only figures, no Atom metadata, and each unknown element
 * after the element it will follow in the written text (the nearest earlier one that is written).
 */
HubDescription writable(HubDescription d)
{
    for (UnknownHubElement &u : d.unknownElements) {
        qsizetype i = kServiceOrder.indexOf(u.after);
        while (i >= 0 && !isPresent(d, kServiceOrder.at(i)))
            --i;
        u.after = i >= 0 ? kServiceOrder.at(i) : QString();
    }
    d.name.clear();
    d.published = {};
    d.updated = {};
    d.dailyOperations.reset();
    d.dailyMaxActiveDevices.reset();
    d.dailyMaxActiveRegistrations.reset();
    return d;
}

/** The local names of the children of the first NotificationHubDescription in `xml`. */
QStringList childNames(const QByteArray &xml)
{
    QXmlStreamReader r(xml);
    QStringList names;
    int depth = 0;
    int descriptionDepth = -1;
    while (!r.atEnd()) {
        const auto t = r.readNext();
        if (t == QXmlStreamReader::StartElement) {
            ++depth;
            if (descriptionDepth < 0 && r.name() == u"NotificationHubDescription")
                descriptionDepth = depth;
            else if (descriptionDepth > 0 && depth == descriptionDepth + 1)
                names << r.name().toString();
        } else if (t == QXmlStreamReader::EndElement) {
            if (depth == descriptionDepth)
                return names;
            --depth;
        }
    }
    return names;
}

/** Checks that `d` writes back in the service's order and reads the same again. */
void checkRoundTrip(const HubDescription &d)
{
    const QByteArray xml = hubDescriptionEntryXml(d);
    const auto again = parseHubDescription(xml);
    QVERIFY2(again.ok(), qPrintable(again.ok() ? QString() : again.error().message));
    HubDescription expected = writable(d);
    HubDescription got = *again;
    got.name.clear();
    QCOMPARE(got.credentials, expected.credentials);
    QCOMPARE(got.authorizationRules, expected.authorizationRules);
    QCOMPARE(got.unknownElements, expected.unknownElements);
    QVERIFY(got == expected);
    // Written: the known elements in the service's order.
    QStringList known = childNames(xml);
    known.removeIf([](const QString &n) { return !kServiceOrder.contains(n); });
    for (qsizetype i = 1; i < known.size(); ++i) {
        QVERIFY2(kServiceOrder.indexOf(known.at(i - 1)) < kServiceOrder.indexOf(known.at(i)),
                 qPrintable(known.join(u", ")));
    }
    for (const QString &n : kReadOnly)
        QVERIFY2(!known.contains(n), qPrintable(n));
}

/**
 * The redaction the test expects, made on its own with regular expressions: every rule key and
 * every secret property value of a credential replaced, nothing else.
 */
QByteArray expectedRedaction(const QByteArray &xml)
{
    QString text = QString::fromUtf8(xml);
    static const QRegularExpression keys(
        uR"re(<(PrimaryKey|SecondaryKey)>([^<]*[^<\s][^<]*)</)re"_s);
    text.replace(keys, u"<\\1>[redacted]</"_s);
    static const QRegularExpression credential(uR"re(<(\w+Credential)>(.*?)</\1>)re"_s,
                                               QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression property(
        uR"re((<Name>([^<]*)</Name>\s*<Value>)([^<]*)(</Value>))re"_s);
    QString out;
    qsizetype last = 0;
    for (auto it = credential.globalMatch(text); it.hasNext();) {
        const auto c = it.next();
        const auto kind = pnsCredentialKindFromElementName(c.captured(1));
        QString inner = c.captured(2);
        QString redacted;
        qsizetype innerLast = 0;
        for (auto p = property.globalMatch(inner); p.hasNext();) {
            const auto m = p.next();
            const bool secret = !kind || isSecretPnsProperty(*kind, m.captured(2));
            redacted += inner.mid(innerLast, m.capturedStart(3) - innerLast);
            redacted +=
                secret && !m.captured(3).trimmed().isEmpty() ? u"[redacted]"_s : m.captured(3);
            innerLast = m.capturedEnd(3);
        }
        redacted += inner.mid(innerLast);
        out += text.mid(last, c.capturedStart(2) - last) + redacted;
        last = c.capturedEnd(2);
    }
    out += text.mid(last);
    return out.toUtf8();
}

/** QCOMPARE for long texts: names the first place where they differ. */
void compareText(const QByteArray &actual, const QByteArray &expected)
{
    if (actual == expected)
        return;
    qsizetype i = 0;
    while (i < actual.size() && i < expected.size() && actual.at(i) == expected.at(i))
        ++i;
    const qsizetype from = qMax<qsizetype>(0, i - 60);
    QFAIL(qPrintable(u"differ at byte %1:\n  actual:   …%2\n  expected: …%3"_s.arg(i).arg(
        QString::fromUtf8(actual.mid(from, 140)), QString::fromUtf8(expected.mid(from, 140)))));
}

const QByteArray kEmptyFeed =
    R"(<feed xmlns="http://www.w3.org/2005/Atom"><title type="text">Publicly Listed Services</title><subtitle type="text">This is the list of publicly-listed services currently available.</subtitle><id>uuid:594a8b69-0b46-4d1b-93fd-fca24d916d08;id=6225</id><updated>2020-07-02T18:03:08Z</updated><generator>Service Bus 1.1</generator></feed>)";

} // namespace

class TestHubDescription final : public QObject
{
    Q_OBJECT

private slots:
    void recordedBodies_data();
    void recordedBodies();
    void everyCredential();
    void lowercasePropertyNames();
    void unknownElementsKeepTheirPlace();
    void writerBytes();
    void emptyFeedIsNotFound();
    void hubListForms();
    void locatedErrors_data();
    void locatedErrors();
    void everyCutIsALocatedError();
    void redactsEverySecret();
    void redactionOfBrokenDocuments();
    void oddShapesAreRedacted_data();
    void oddShapesAreRedacted();
    void redactionLeavesOtherTextAlone_data();
    void redactionLeavesOtherTextAlone();
    void secretProperties_data();
    void secretProperties();
    void helpers();
};

void TestHubDescription::recordedBodies_data()
{
    QTest::addColumn<QByteArray>("body");
    const QString recordings = recordingsDir();
    if (!QFileInfo::exists(recordings + u"/pairs.jsonl"_s)) {
        if (qEnvironmentVariableIsSet("CI"))
            QFAIL("the recordings are missing (../shared/recordings)");
        QSKIP("the recordings are not here: this clone has no ../shared beside it.");
    }
    Recorded::Corpus corpus;
    QVERIFY(Recorded::load(recordings, corpus));
    int rows = 0;
    for (const Recorded::Body &body : std::as_const(corpus.bodies)) {
        if (body.bytes.contains("NotificationHubDescription")) {
            QTest::newRow(qPrintable(body.name)) << body.bytes;
            ++rows;
        }
    }
    qInfo("hub bodies in the recordings: %d", rows);
    QVERIFY(rows >= 150);
}

void TestHubDescription::recordedBodies()
{
    QFETCH(QByteArray, body);
    QList<HubDescription> descriptions;
    const QList<QByteArray> entries = Recorded::entryTexts(body);
    if (Recorded::shapeOf(body).startsWith(u"feed/")) {
        const auto list = parseHubList(body);
        QVERIFY2(list.ok(), qPrintable(list.ok() ? QString() : list.error().message));
        QCOMPARE(list->size(), entries.size());
        for (qsizetype i = 0; i < list->size(); ++i) {
            QCOMPARE(list->at(i).name, Recorded::elementTexts(entries.at(i), u"title"_s).value(0));
            QVERIFY(list->at(i).description.has_value());
            descriptions << *list->at(i).description;
        }
    } else {
        const auto d = parseHubDescription(body);
        QVERIFY2(d.ok(), qPrintable(d.ok() ? QString() : d.error().message));
        QCOMPARE(d->name, Recorded::elementTexts(body, u"title"_s).value(0));
        descriptions << *d;
    }
    const QList<QByteArray> parts = entries.isEmpty() ? QList<QByteArray> {body} : entries;
    for (qsizetype i = 0; i < descriptions.size(); ++i) {
        const HubDescription &d = descriptions.at(i);
        const QByteArray &part = parts.at(i);
        // What a client reads: the credentials and rules the body holds.
        QStringList kinds;
        for (const PnsCredential &c : d.credentials)
            kinds << pnsCredentialElementName(c.kind);
        QStringList expectedKinds = childNames(part);
        expectedKinds.removeIf([](const QString &n) { return !n.endsWith(u"Credential"); });
        QCOMPARE(kinds, expectedKinds);
        QStringList rules;
        for (const AuthorizationRule &r : d.authorizationRules)
            rules << r.keyName;
        QCOMPARE(rules, Recorded::elementTexts(part, u"KeyName"_s));
        // Written back: the service's order is the order these bodies came in.
        checkRoundTrip(d);
        if (QTest::currentTestFailed())
            return;
        QStringList recorded = childNames(part);
        recorded.removeIf([](const QString &n) { return kReadOnly.contains(n); });
        QCOMPARE(childNames(hubDescriptionXml(d)), recorded);
    }
    // Redacted byte for byte as the regular expressions of the test redact it, and read back as
    // the redacted model.
    const QByteArray redacted = redactHubDescriptionXml(body);
    compareText(redacted, expectedRedaction(body));
    QCOMPARE(redactHubDescriptionXml(redacted), redacted);
    if (entries.isEmpty() || Recorded::shapeOf(body).startsWith(u"entry/")) {
        const auto again = parseHubDescription(redacted);
        QVERIFY(again.ok());
        QVERIFY(*again == redactedHubDescription(descriptions.first()));
    }
}

void TestHubDescription::everyCredential()
{
    const auto d = parseHubDescription(readData(u"every-credential.xml"_s));
    QVERIFY2(d.ok(), qPrintable(d.ok() ? QString() : d.error().message));
    QVERIFY(d.warnings().isEmpty());
    QCOMPARE(d->name, u"every-credential"_s);
    QCOMPARE(d->credentials.size(), kPnsCredentialKindCount);
    QCOMPARE(d->credential(PnsCredentialKind::Apns)->property(u"endpoint"),
             u"https://api.development.push.apple.com:443/3/device"_s);
    QVERIFY(d->credential(PnsCredentialKind::FcmV1)
                ->property(u"PrivateKey")
                ->contains(u"\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n"_s));
    QCOMPARE(d->credential(PnsCredentialKind::Xiaomi)->property(u"AppSecret"),
             u"S3c-xiaomi-app-secret"_s);
    QCOMPARE(d->registrationTtl, u"P90D"_s);
    QCOMPARE(d->authorizationRules.size(), 2);
    const AuthorizationRule *full = d->rule(u"DefaultFullSharedAccessSignature");
    QVERIFY(full);
    QCOMPARE(full->rights, AccessRight::Listen | AccessRight::Send | AccessRight::Manage);
    QCOMPARE(accessRightsText(full->rights), u"Listen, Send, Manage"_s);
    QCOMPARE(full->createdTime, QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5, 123), Qt::UTC));
    QCOMPARE(d->rule(u"DefaultListenSharedAccessSignature")->rights,
             AccessRights(AccessRight::Listen));
    QVERIFY(!d->rule(u"defaultlistensharedaccesssignature"));
    QCOMPARE(d->dailyOperations, 28);
    QCOMPARE(d->dailyMaxActiveDevices, 3);
    QCOMPARE(d->dailyMaxActiveRegistrations, 14);
    QCOMPARE(d->userMetadata, u"owner: push team & friends"_s);
    QCOMPARE(d->status, false);
    QCOMPARE(d->published, QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5), Qt::UTC));
    checkRoundTrip(*d);
    // XiaomiCredential last, FcmV1 after Baidu and Status.
    QCOMPARE(childNames(hubDescriptionXml(*d)),
             QStringList({u"ApnsCredential"_s, u"RegistrationTtl"_s, u"WnsCredential"_s,
                          u"AuthorizationRules"_s, u"GcmCredential"_s, u"MpnsCredential"_s,
                          u"UserMetadata"_s, u"AdmCredential"_s, u"BaiduCredential"_s, u"Status"_s,
                          u"FcmV1Credential"_s, u"BrowserCredential"_s, u"XiaomiCredential"_s}));
}

void TestHubDescription::lowercasePropertyNames()
{
    const QString file = recordingsDir()
        + u"/java-backend-fixtures/NotificationHubDescriptionWithAllCredentialsLowercaseNames"_s;
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        QSKIP("the recordings are not here");
    const QByteArray body = f.readAll();
    const auto d = parseHubDescription(body);
    QVERIFY(d.ok());
    const PnsCredential *apns = d->credential(PnsCredentialKind::Apns);
    QVERIFY(apns);
    QCOMPARE(apns->property(u"Endpoint"), u"ApnsEndpointValue"_s);
    QCOMPARE(apns->properties.first().first, u"endpoint"_s); // the spelling is kept
    QCOMPARE(apns->property(u"ApnsCertificate"), u"ApnsCertificateValue"_s);
    QCOMPARE(d->credential(PnsCredentialKind::Browser)->property(u"VapidPrivateKey"), u"456"_s);
    // Written back with the names as read.
    QVERIFY(hubDescriptionXml(*d).contains("<Name>apnsCertificate</Name>"));
    // Secret whatever the case.
    const QByteArray redacted = redactHubDescriptionXml(body);
    for (const char *secret :
         {"ApnsCertificateValue", "ApnsCertificateKeyValue", "ApnsTokenValue", "WnsSecretKeyValue",
          "GoogleApiKeyValue", "MpnsCertificateValue", "AdmClientSecretValue",
          "BaiduSecretKeyValue", "BaiduApiKeyValue", "<Value>456</Value>"})
        QVERIFY2(!redacted.contains(secret), secret);
    for (const char *open : {"ApnsEndpointValue", "ApnsKeyIdValue", "WnsPackageSidValue",
                             "AdmClientIdValue", "mailto:foo.com", "<Value>123</Value>"})
        QVERIFY2(redacted.contains(open), open);
    PnsCredential c = *apns;
    c.setProperty(u"ENDPOINT"_s, u"gateway.push.apple.com"_s);
    QCOMPARE(c.properties.first(), std::pair(u"endpoint"_s, u"gateway.push.apple.com"_s));
    QVERIFY(c.removeProperty(u"Thumbprint"));
    QVERIFY(!c.removeProperty(u"Thumbprint"));
    c.setProperty(u"New"_s, u"v"_s);
    QCOMPARE(c.properties.last(), std::pair(u"New"_s, u"v"_s));
}

void TestHubDescription::unknownElementsKeepTheirPlace()
{
    const auto d = parseHubDescription(readData(u"unknown-elements.xml"_s));
    QVERIFY2(d.ok(), qPrintable(d.ok() ? QString() : d.error().message));
    QStringList seen;
    for (const UnknownHubElement &u : d->unknownElements)
        seen << u.name + u'@' + u.after;
    QCOMPARE(seen,
             QStringList({u"Path@"_s, u"HuaweiCredential@AuthorizationRules"_s,
                          u"FutureSetting@DailyMaxActiveDevices"_s,
                          u"Extension@DailyMaxActiveDevices"_s, u"Trailing@FcmV1Credential"_s}));
    const QString ns = u"http://schemas.microsoft.com/netservices/2010/10/servicebus/connect"_s;
    QCOMPARE(d->unknownElements.at(0).xml, u"<Path xmlns=\"%1\">unknown-elements</Path>"_s.arg(ns));
    QCOMPARE(d->unknownElements.at(2).xml,
             u"<FutureSetting xmlns=\"%1\" xmlns:i=\"http://www.w3.org/2001/XMLSchema-instance\" "
             "i:nil=\"true\"></FutureSetting>"_s.arg(ns));
    QCOMPARE(d->unknownElements.at(3).xml,
             u"<x:Extension xmlns:x=\"urn:example:extension\" x:kind=\"demo\">text &amp; "
             "<x:Part>more</x:Part></x:Extension>"_s);
    const AuthorizationRule &rule = d->authorizationRules.first();
    QCOMPARE(rule.unknownElements,
             QStringList({u"<IssuerName xmlns=\"%1\">sender-issuer</IssuerName>"_s.arg(ns),
                          u"<Revision xmlns=\"%1\">3</Revision>"_s.arg(ns)}));
    QCOMPARE(rule.rights, AccessRight::Listen | AccessRight::Send);
    QVERIFY(!rule.createdTime.isValid());
    QCOMPARE(d->credential(PnsCredentialKind::Apns)->blockedOn,
             QDateTime(QDate(2026, 3, 4), QTime(5, 6, 7), Qt::UTC));
    QCOMPARE(d->status, true);
    checkRoundTrip(*d);
    QCOMPARE(childNames(hubDescriptionXml(*d)),
             QStringList({u"Path"_s, u"ApnsCredential"_s, u"RegistrationTtl"_s,
                          u"AuthorizationRules"_s, u"HuaweiCredential"_s, u"FutureSetting"_s,
                          u"Extension"_s, u"Status"_s, u"FcmV1Credential"_s, u"Trailing"_s}));
    // The unknown credential's values count as secrets.
    HubDescription r = redactedHubDescription(*d);
    QVERIFY(!r.unknownElements.at(1).xml.contains(u"S3c"_s));
    QVERIFY(r.unknownElements.at(1).xml.contains(u"<Value>[redacted]</Value>"_s));
    QCOMPARE(r.unknownElements.at(0), d->unknownElements.at(0));
    QVERIFY(!redactHubDescriptionXml(readData(u"unknown-elements.xml"_s)).contains("S3c"));
}

void TestHubDescription::writerBytes()
{
    HubDescription d;
    d.name = u"ignored"_s;
    d.registrationTtl = u"P39D"_s;
    PnsCredential fcm;
    fcm.kind = PnsCredentialKind::FcmV1;
    fcm.properties = {{u"ProjectId"_s, u"p"_s}, {u"PrivateKey"_s, u"a\r\nb<&>"_s}};
    PnsCredential gcm;
    gcm.kind = PnsCredentialKind::Gcm;
    gcm.properties = {{u"GoogleApiKey"_s, u"k"_s}};
    PnsCredential mpns;
    mpns.kind = PnsCredentialKind::Mpns;
    d.credentials = {fcm, gcm, mpns};
    AuthorizationRule rule;
    rule.keyName = u"full"_s;
    rule.rights = AccessRight::Send | AccessRight::Manage | AccessRight::Listen;
    rule.primaryKey = u"pk"_s;
    rule.createdTime = QDateTime(QDate(2020, 7, 2), QTime(18, 3, 10, 772), Qt::UTC);
    d.authorizationRules = {rule};
    d.dailyOperations = 5;
    d.status = true;
    QCOMPARE(
        QString::fromUtf8(hubDescriptionXml(d)),
        uR"(<NotificationHubDescription xmlns="http://schemas.microsoft.com/netservices/2010/10/servicebus/connect" xmlns:i="http://www.w3.org/2001/XMLSchema-instance">)"
        uR"(<RegistrationTtl>P39D</RegistrationTtl><AuthorizationRules><AuthorizationRule i:type="SharedAccessAuthorizationRule">)"
        uR"(<ClaimType>SharedAccessKey</ClaimType><ClaimValue>None</ClaimValue><Rights><AccessRights>Listen</AccessRights>)"
        uR"(<AccessRights>Manage</AccessRights><AccessRights>Send</AccessRights></Rights><CreatedTime>2020-07-02T18:03:10.772Z</CreatedTime>)"
        uR"(<KeyName>full</KeyName><PrimaryKey>pk</PrimaryKey></AuthorizationRule></AuthorizationRules>)"
        uR"(<GcmCredential><Properties><Property><Name>GoogleApiKey</Name><Value>k</Value></Property></Properties></GcmCredential>)"
        uR"(<MpnsCredential><Properties></Properties></MpnsCredential><Status>true</Status>)"
        uR"(<FcmV1Credential><Properties><Property><Name>ProjectId</Name><Value>p</Value></Property>)"
        uR"(<Property><Name>PrivateKey</Name><Value>a&#xD;)"
        u"\n"
        uR"(b&lt;&amp;&gt;</Value></Property></Properties></FcmV1Credential></NotificationHubDescription>)"_s);
    const QByteArray entry = hubDescriptionEntryXml(d);
    const QByteArray prefix = "<?xml version=\"1.0\" encoding=\"utf-8\"?><entry "
                              "xmlns=\"http://www.w3.org/2005/Atom\"><content "
                              "type=\"application/xml\"><NotificationHubDescription ";
    QVERIFY(entry.startsWith(prefix));
    QVERIFY(entry.endsWith("</NotificationHubDescription></content></entry>"));
    const auto again = parseHubDescription(entry);
    QVERIFY(again.ok());
    QCOMPARE(again->credential(PnsCredentialKind::FcmV1)->property(u"PrivateKey"), u"a\r\nb<&>"_s);
    QVERIFY(again->credential(PnsCredentialKind::Mpns)->properties.isEmpty());
}

void TestHubDescription::emptyFeedIsNotFound()
{
    const auto d = parseHubDescription(kEmptyFeed);
    QVERIFY(!d.ok());
    QCOMPARE(d.error().code, ErrorCode::NotFound);
    QVERIFY2(d.error().message.contains(
                 u"does not exist (the service answers 200 with an empty feed)"_s),
             qPrintable(d.error().message));
    const auto named = parseHubDescription(kEmptyFeed, u"am3verify20200623");
    QVERIFY(named.error().message.startsWith(
        u"The hub am3verify20200623 does not exist (the service answers 200 with an empty feed)"_s));
    // The same feed is an empty list of hubs.
    const auto list = parseHubList(kEmptyFeed);
    QVERIFY(list.ok());
    QVERIFY(list->isEmpty());
    // A feed with hubs is a list, not one description.
    const auto many = parseHubDescription(readData(u"list-b.xml"_s));
    QCOMPARE(many.error().code, ErrorCode::UnexpectedRoot);
}

void TestHubDescription::hubListForms()
{
    // (B): names only, as GET / answers since 2020.
    const auto b = parseHubList(readData(u"list-b.xml"_s));
    QVERIFY2(b.ok(), qPrintable(b.ok() ? QString() : b.error().message));
    QCOMPARE(b->size(), 2);
    QCOMPARE(b->at(0).name, u"am3verify20200623"_s);
    QVERIFY(!b->at(0).description);
    QCOMPARE(b->at(1).name, u"second-hub"_s);
    // (A): full descriptions.
    QFile f(recordingsDir() + u"/java-backend-fixtures/NotificationHubDescriptionRealLifeFeed"_s);
    if (!f.open(QIODevice::ReadOnly))
        QSKIP("the recordings are not here");
    const auto a = parseHubList(f.readAll());
    QVERIFY(a.ok());
    QVERIFY(a->size() > 1);
    QCOMPARE(a->first().name, u"adm-hub"_s);
    QVERIFY(a->first().description);
    QCOMPARE(a->first().description->name, u"adm-hub"_s);
    QVERIFY(a->first().description->credential(PnsCredentialKind::Adm));
    QCOMPARE(a->first().description->dailyMaxActiveRegistrations, 12);
    // Not a list.
    const auto notList = parseHubList(readData(u"unknown-elements.xml"_s));
    QCOMPARE(notList.error().code, ErrorCode::UnexpectedRoot);
    const auto noTitle = parseHubList(
        "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><id>x</id></entry></feed>");
    QCOMPARE(noTitle.error().code, ErrorCode::MissingField);
    QVERIFY2(noTitle.error().message.startsWith(u"Entry 1: "_s),
             qPrintable(noTitle.error().message));
}

void TestHubDescription::locatedErrors_data()
{
    QTest::addColumn<QByteArray>("xml");
    QTest::addColumn<ErrorCode>("code");
    QTest::addColumn<qint64>("line");
    QTest::addColumn<qint64>("column");
    QTest::addColumn<QString>("where");
    QTest::addColumn<QString>("message");

    const QByteArray head = "<entry xmlns=\"http://www.w3.org/2005/Atom\"><content>\n"
                            "<NotificationHubDescription xmlns=\"http://schemas.microsoft.com/"
                            "netservices/2010/10/servicebus/connect\">\n";
    const QByteArray tail = "\n</NotificationHubDescription></content></entry>";
    const QString d = u"entry/content/NotificationHubDescription/"_s;
    QTest::newRow("not well-formed")
        << head + "<RegistrationTtl>P1D</Registration>" + tail << ErrorCode::Syntax << 3LL << 35LL
        << d + u"RegistrationTtl"_s << u"not well-formed"_s;
    QTest::newRow("truncated") << head + "<RegistrationTtl>P1D" << ErrorCode::Truncated << 3LL
                               << 20LL << d + u"RegistrationTtl"_s << u"ends too early"_s;
    QTest::newRow("wrong root") << QByteArray("<Error><Code>401</Code></Error>")
                                << ErrorCode::UnexpectedRoot << 1LL << 7LL << u"Error"_s
                                << u"root element is <Error>"_s;
    QTest::newRow("credential without Properties") << head
            + "<ApnsCredential>\n  <BlockedOn>2020-01-01T00:00:00Z</BlockedOn>\n</ApnsCredential>"
            + tail << ErrorCode::MissingField << 3LL
                                                   << 16LL << d + u"ApnsCredential"_s
                                                   << u"has no <Properties>"_s;
    QTest::newRow("property without Value")
        << head
            + "<GcmCredential><Properties>\n<Property><Name>GoogleApiKey</Name></Property>"
              "</Properties></GcmCredential>"
            + tail
        << ErrorCode::MissingField << 4LL << 10LL << d + u"GcmCredential/Properties/Property"_s
        << u"GoogleApiKey"_s;
    QTest::newRow("duplicate property") << head
            + "<GcmCredential><Properties><Property><Name>GoogleApiKey</Name><Value>a</Value>"
              "</Property>\n<Property><Name>googleapikey</Name><Value>b</Value></Property>"
              "</Properties></GcmCredential>"
            + tail << ErrorCode::DuplicateField
                                        << 4LL << 10LL << d + u"GcmCredential/Properties/Property"_s
                                        << u"more than once"_s;
    QTest::newRow("bad number") << head + "<DailyMaxActiveDevices>many</DailyMaxActiveDevices>"
            + tail << ErrorCode::InvalidValue
                                << 3LL << 23LL << d + u"DailyMaxActiveDevices"_s << u"\"many\""_s;
    QTest::newRow("negative number")
        << head + "<DailyApiCalls>-1</DailyApiCalls>" + tail << ErrorCode::InvalidValue << 3LL
        << 15LL << d + u"DailyApiCalls"_s << u"\"-1\""_s;
    QTest::newRow("bad boolean") << head + "<Status>maybe</Status>" + tail
                                 << ErrorCode::InvalidValue << 3LL << 8LL << d + u"Status"_s
                                 << u"expected true or false"_s;
    QTest::newRow("bad duration") << head + "<RegistrationTtl>90 days</RegistrationTtl>" + tail
                                  << ErrorCode::InvalidValue << 3LL << 17LL
                                  << d + u"RegistrationTtl"_s << u"duration"_s;
    const QByteArray rule = "<AuthorizationRules>\n<AuthorizationRule><KeyName>k</KeyName>\n";
    QTest::newRow("bad date") << head + rule
            + "<CreatedTime>yesterday</CreatedTime></AuthorizationRule></AuthorizationRules>" + tail
                              << ErrorCode::InvalidValue << 5LL << 13LL
                              << d + u"AuthorizationRules/AuthorizationRule/CreatedTime"_s
                              << u"ISO 8601"_s;
    QTest::newRow("bad right") << head + rule
            + "<Rights><AccessRights>Write</AccessRights></Rights></AuthorizationRule></"
              "AuthorizationRules>"
            + tail << ErrorCode::InvalidValue
                               << 5LL << 22LL
                               << d + u"AuthorizationRules/AuthorizationRule/Rights/AccessRights"_s
                               << u"expected Listen, Send or Manage"_s;
    QTest::newRow("rule without KeyName")
        << head
            + "<AuthorizationRules>\n<AuthorizationRule><ClaimType>SharedAccessKey</ClaimType>"
              "</AuthorizationRule></AuthorizationRules>"
            + tail
        << ErrorCode::MissingField << 4LL << 19LL << d + u"AuthorizationRules/AuthorizationRule"_s
        << u"no <KeyName>"_s;
    QTest::newRow("credential twice") << head
            + "<WnsCredential><Properties/></WnsCredential>\n<WnsCredential><Properties/></"
              "WnsCredential>"
            + tail << ErrorCode::DuplicateField
                                      << 4LL << 15LL << d + u"WnsCredential"_s
                                      << u"more than once"_s;
    QTest::newRow("entry without description")
        << QByteArray("<entry xmlns=\"http://www.w3.org/2005/Atom\">\n<title>x</title></entry>")
        << ErrorCode::MissingField << 1LL << 43LL << u"entry"_s << u"NotificationHubDescription"_s;
    QTest::newRow("bad Atom date")
        << QByteArray(
               "<entry xmlns=\"http://www.w3.org/2005/Atom\">\n<updated>soon</updated></entry>")
        << ErrorCode::InvalidValue << 2LL << 9LL << u"entry/updated"_s << u"ISO 8601"_s;
}

void TestHubDescription::locatedErrors()
{
    QFETCH(QByteArray, xml);
    QFETCH(ErrorCode, code);
    QFETCH(qint64, line);
    QFETCH(qint64, column);
    QFETCH(QString, where);
    QFETCH(QString, message);
    const auto d = parseHubDescription(xml);
    QVERIFY(!d.ok());
    const Error &e = d.error();
    const QString described = u"%1 (code %2, line %3, column %4, where %5)"_s.arg(e.message)
                                  .arg(int(e.code))
                                  .arg(e.line)
                                  .arg(e.column)
                                  .arg(e.where);
    QVERIFY2(e.code == code, qPrintable(described));
    QVERIFY2(e.line == line && e.column == column, qPrintable(described));
    QCOMPARE(e.where, where);
    QVERIFY2(e.message.contains(message), qPrintable(described));
    QVERIFY2(e.message.contains(u"(line %1, column %2)"_s.arg(line).arg(column)),
             qPrintable(described));
}

void TestHubDescription::everyCutIsALocatedError()
{
    for (const QString &name : {u"every-credential.xml"_s, u"unknown-elements.xml"_s}) {
        const QByteArray body = readData(name).trimmed();
        for (qsizetype n = 1; n < body.size(); ++n) {
            const auto d = parseHubDescription(body.first(n));
            QVERIFY2(!d.ok(), qPrintable(u"%1 cut at %2 parsed"_s.arg(name).arg(n)));
            QVERIFY2(d.error().isLocated() || d.error().code == ErrorCode::Empty,
                     qPrintable(u"%1 cut at %2: %3"_s.arg(name).arg(n).arg(d.error().message)));
        }
        QVERIFY(parseHubDescription(body).ok());
    }
}

void TestHubDescription::redactsEverySecret()
{
    const QByteArray body = readData(u"every-credential.xml"_s);
    const QByteArray redacted = redactHubDescriptionXml(body);
    QVERIFY(!redacted.contains("S3c"));
    QCOMPARE(redacted.count("[redacted]"), 15); // 4 rule keys, 11 credential secrets
    compareText(redacted, expectedRedaction(body));
    for (const char *open :
         {"https://api.development.push.apple.com:443/3/device", "ABCDE12345", "TEAM123456",
          "com.example.app", "ms-app://s-1-15-2-1", "https://login.live.com/accesstoken.srf",
          "DefaultFullSharedAccessSignature", "https://fcm.googleapis.com/fcm/send",
          "amzn1.application-oa2-client.1", "example-project",
          "firebase-adminsdk@example-project.iam.gserviceaccount.com", "mailto:push@example.com",
          "BPublicVapidKey", "https://api.xmpush.xiaomi.com", "owner: push team &amp; friends",
          "<!-- Hand-written"})
        QVERIFY2(redacted.contains(open), open);
    QCOMPARE(redactHubDescriptionXml(redacted), redacted);

    // The model's redaction agrees with the text's.
    const auto d = parseHubDescription(body);
    QVERIFY(d.ok());
    const HubDescription r = redactedHubDescription(*d);
    const auto fromText = parseHubDescription(redacted);
    QVERIFY(fromText.ok());
    QVERIFY(*fromText == r);
    QVERIFY(!hubDescriptionXml(r).contains("S3c"));
    QCOMPARE(r.authorizationRules.first().primaryKey, kRedacted.toString());
    QCOMPARE(r.credential(PnsCredentialKind::Apns)->property(u"Endpoint"),
             d->credential(PnsCredentialKind::Apns)->property(u"Endpoint"));
    // An empty secret stays empty: nothing is hidden, and a check can tell it was empty.
    HubDescription empty = *d;
    empty.authorizationRules.first().secondaryKey.clear();
    empty.credential(PnsCredentialKind::Gcm)->setProperty(u"GoogleApiKey"_s, QString());
    const HubDescription re = redactedHubDescription(empty);
    QVERIFY(re.authorizationRules.first().secondaryKey.isEmpty());
    QCOMPARE(re.credential(PnsCredentialKind::Gcm)->property(u"GoogleApiKey"), QString());
    // A written description (a PUT body) is redacted as well.
    QVERIFY(!redactHubDescriptionXml(hubDescriptionEntryXml(*d)).contains("S3c"));
}

void TestHubDescription::redactionOfBrokenDocuments()
{
    // Cut anywhere (a body the client kept only the head of): no secret, nor a part of one.
    const QByteArray body = readData(u"every-credential.xml"_s);
    for (qsizetype n = 1; n < body.size(); ++n) {
        const QByteArray redacted = redactHubDescriptionXml(body.first(n));
        if (redacted.contains("S3c")) {
            QFAIL(qPrintable(u"cut at %1: %2"_s.arg(n).arg(QString::fromUtf8(redacted.right(80)))));
        }
    }
    // Broken in the middle: the secrets after the break are gone too.
    QByteArray broken = body;
    broken.replace("<RegistrationTtl>P90D</RegistrationTtl>", "<RegistrationTtl>P90D</Oops>");
    const QByteArray redacted = redactHubDescriptionXml(broken);
    QVERIFY(!redacted.contains("S3c"));
    QVERIFY(redacted.contains("https://api.development.push.apple.com:443/3/device"));
}

void TestHubDescription::oddShapesAreRedacted_data()
{
    QTest::addColumn<QByteArray>("xml");
    const QByteArray head = "<NotificationHubDescription><ApnsCredential><Properties>";
    const QByteArray tail = "</Properties></ApnsCredential></NotificationHubDescription>";
    QTest::newRow("name after value")
        << head + "<Property><Value>S3c1</Value><Name>Token</Name></Property>" + tail;
    QTest::newRow("no name") << head + "<Property><Value>S3c1</Value></Property>" + tail;
    QTest::newRow("key inside a property")
        << head + "<Property><Value>S3c1</Value><PrimaryKey>S3c2</PrimaryKey></Property>" + tail;
    QTest::newRow("property inside a property") << head
            + "<Property><Value>S3c1</Value><Property><Name>Endpoint</Name><Value>x</Value>"
              "</Property><Name>Endpoint</Name></Property>"
            + tail;
    QTest::newRow("value outside a property") << head + "<Value>S3c1</Value>" + tail;
    QTest::newRow("CDATA and entities") << head
            + "<Property><Name>Token</Name><Value><![CDATA[S3c1<>]]>&amp;S3c2</Value></Property>"
            + tail;
    QTest::newRow("prefixed") << QByteArray(
        "<sb:NotificationHubDescription "
        "xmlns:sb=\"urn:x\"><sb:AuthorizationRules><sb:AuthorizationRule>"
        "<sb:PrimaryKey>S3c1</sb:PrimaryKey></sb:AuthorizationRule></sb:AuthorizationRules>"
        "</sb:NotificationHubDescription>");
}

void TestHubDescription::oddShapesAreRedacted()
{
    QFETCH(QByteArray, xml);
    const QByteArray redacted = redactHubDescriptionXml(xml);
    QVERIFY2(!redacted.contains("S3c"), redacted.constData());
    QVERIFY(redacted.contains("[redacted]"));
}

void TestHubDescription::redactionLeavesOtherTextAlone_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("registration") << QByteArray(
        "<entry xmlns=\"http://www.w3.org/2005/Atom\"><content><GcmRegistrationDescription>"
        "<PrimaryKey>not a hub</PrimaryKey></GcmRegistrationDescription></content></entry>");
    QTest::newRow("json mentioning it")
        << QByteArray(R"({"note":"NotificationHubDescription <Value>x</Value>"})");
    QTest::newRow("sentence") << QByteArray(
        "NotificationHubDescription: <PrimaryKey>k</PrimaryKey>");
    QTest::newRow("list B") << readData(u"list-b.xml"_s);
    QTest::newRow("no secrets") << QByteArray(
        "<NotificationHubDescription xmlns=\"http://schemas.microsoft.com/netservices/2010/10/"
        "servicebus/connect\">\r\n  <RegistrationTtl>P1D</RegistrationTtl>\t"
        "<ApnsCredential><Properties><Property><Name>Endpoint</Name><Value>\xC3\xA9</Value>"
        "</Property><Property><Name>Token</Name><Value></Value></Property></Properties>"
        "</ApnsCredential></NotificationHubDescription>");
}

void TestHubDescription::redactionLeavesOtherTextAlone()
{
    QFETCH(QByteArray, text);
    QCOMPARE(redactHubDescriptionXml(text), text);
}

void TestHubDescription::secretProperties_data()
{
    QTest::addColumn<PnsCredentialKind>("kind");
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("secret");
    const auto row = [](PnsCredentialKind kind, const char *name, bool secret) {
        QTest::addRow("%s %s", qPrintable(pnsCredentialElementName(kind)), name)
            << kind << QString::fromLatin1(name) << secret;
    };
    using K = PnsCredentialKind;
    for (const char *n : {"ApnsCertificate", "CertificateKey", "Token", "apnsCertificate"})
        row(K::Apns, n, true);
    for (const char *n : {"Endpoint", "endpoint", "KeyId", "AppId", "AppName", "Thumbprint"})
        row(K::Apns, n, false);
    row(K::Wns, "SecretKey", true);
    row(K::Wns, "WnsCertificate", true);
    row(K::Wns, "PackageSid", false);
    row(K::Wns, "WindowsLiveEndpoint", false);
    row(K::Gcm, "GoogleApiKey", true);
    row(K::Gcm, "GcmEndpoint", false);
    row(K::Mpns, "MpnsCertificate", true);
    row(K::Mpns, "CertificateKey", true);
    row(K::Adm, "ClientSecret", true);
    row(K::Adm, "ClientId", false);
    row(K::Baidu, "BaiduApiKey", true);
    row(K::Baidu, "BaiduSecretKey", true);
    row(K::Baidu, "BaiduEndPoint", false);
    row(K::FcmV1, "PrivateKey", true);
    row(K::FcmV1, "ProjectId", false);
    row(K::FcmV1, "ClientEmail", false);
    row(K::Browser, "VapidPrivateKey", true);
    row(K::Browser, "VapidPublicKey", false);
    row(K::Browser, "Subject", false);
    row(K::Xiaomi, "AppSecret", true);
    row(K::Xiaomi, "Endpoint", false);
    row(K::Apns, "SomethingNew", true);
}

void TestHubDescription::secretProperties()
{
    QFETCH(PnsCredentialKind, kind);
    QFETCH(QString, name);
    QFETCH(bool, secret);
    QCOMPARE(isSecretPnsProperty(kind, name), secret);
}

void TestHubDescription::helpers()
{
    for (int i = 0; i < kPnsCredentialKindCount; ++i) {
        const auto kind = static_cast<PnsCredentialKind>(i);
        const QString name = pnsCredentialElementName(kind);
        QVERIFY(name.endsWith(u"Credential"_s));
        QCOMPARE(pnsCredentialKindFromElementName(name), kind);
        QCOMPARE(pnsCredentialKindFor(pnsCredentialPlatform(kind)), kind);
    }
    QCOMPARE(pnsCredentialPlatform(PnsCredentialKind::Gcm), Platform::Gcm);
    QCOMPARE(pnsCredentialPlatform(PnsCredentialKind::Mpns), Platform::WindowsPhone);
    QCOMPARE(pnsCredentialKindFor(Platform::Apple), PnsCredentialKind::Apns);
    QVERIFY(!pnsCredentialKindFromElementName(u"apnscredential"));
    QCOMPARE(accessRightsText(AccessRight::Manage | AccessRight::Listen), u"Listen, Manage"_s);
    QCOMPARE(accessRightsText({}), QString());
}

QTEST_GUILESS_MAIN(TestHubDescription)
#include "tst_hubdescription.moc"
