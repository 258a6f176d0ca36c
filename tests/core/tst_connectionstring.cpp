// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocol/connectionstring.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {
const QString kKey = u"dGVzdGtleXRlc3RrZXl0ZXN0a2V5dGVzdGtleTEyMzQ="_s;
const QString kCanonical = u"Endpoint=sb://contoso.servicebus.windows.net/;SharedAccessKeyName="
                           "DefaultFullSharedAccessSignature;SharedAccessKey="_s
    + kKey;
} // namespace

class TestConnectionString final : public QObject
{
    Q_OBJECT

private slots:
    void acceptsVariants_data();
    void acceptsVariants();
    void rejectsBadInput_data();
    void rejectsBadInput();
    void warnsAboutEntityPath();
    void warnsAboutShortKey();
    void canonicalFormIsWhatTheSeedParses();
    void redactedFormHidesTheKey();
    void urls();
    void hubNames_data();
    void hubNames();
};

void TestConnectionString::acceptsVariants_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("canonical");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<int>("warnings");

    const QString host = u"contoso.servicebus.windows.net"_s;
    const QString name = u"SharedAccessKeyName=DefaultFullSharedAccessSignature"_s;
    const QString key = u"SharedAccessKey="_s + kKey;

    QTest::newRow("portal form") << kCanonical << kCanonical << host << -1 << 0;
    QTest::newRow("trailing semicolon") << kCanonical + u';' << kCanonical << host << -1 << 0;
    QTest::newRow("key before key name")
        << u"Endpoint=sb://contoso.servicebus.windows.net/;"_s + key + u';' + name << kCanonical
        << host << -1 << 0;
    QTest::newRow("endpoint last")
        << name + u';' + key + u";Endpoint=sb://contoso.servicebus.windows.net/"_s << kCanonical
        << host << -1 << 0;
    QTest::newRow("lower-case key names")
        << u"endpoint=sb://contoso.servicebus.windows.net/;sharedaccesskeyname="
           "DefaultFullSharedAccessSignature;sharedaccesskey="_s
            + kKey
        << kCanonical << host << -1 << 0;
    QTest::newRow("whitespace everywhere")
        << u"  \n Endpoint = sb://contoso.servicebus.windows.net/ ;\t"_s + name + u" ; "_s + key
            + u"  \n"_s
        << kCanonical << host << -1 << 0;
    QTest::newRow("https endpoint")
        << u"Endpoint=https://contoso.servicebus.windows.net/;"_s + name + u';' + key << kCanonical
        << host << -1 << 0;
    QTest::newRow("no trailing slash")
        << u"Endpoint=sb://contoso.servicebus.windows.net;"_s + name + u';' + key << kCanonical
        << host << -1 << 0;
    QTest::newRow("upper-case host and scheme")
        << u"Endpoint=SB://Contoso.ServiceBus.Windows.NET/;"_s + name + u';' + key << kCanonical
        << host << -1 << 0;
    QTest::newRow("default port dropped")
        << u"Endpoint=sb://contoso.servicebus.windows.net:443/;"_s + name + u';' + key << kCanonical
        << host << -1 << 0;
    QTest::newRow("loopback with port")
        << u"Endpoint=sb://localhost:8443/;"_s + name + u';' + key
        << u"Endpoint=sb://localhost:8443/;"_s + name + u';' + key << u"localhost"_s << 8443 << 0;
    QTest::newRow("IPv4 with port, https, no slash")
        << u"Endpoint=https://127.0.0.1:5000;"_s + name + u';' + key
        << u"Endpoint=sb://127.0.0.1:5000/;"_s + name + u';' + key << u"127.0.0.1"_s << 5000 << 0;
    QTest::newRow("IPv6 literal") << u"Endpoint=sb://[::1]:8443/;"_s + name + u';' + key
                                  << u"Endpoint=sb://[::1]:8443/;"_s + name + u';' + key << u"::1"_s
                                  << 8443 << 0;
    QTest::newRow("double quotes") << u'"' + kCanonical + u'"' << kCanonical << host << -1 << 1;
    QTest::newRow("single quotes and semicolon")
        << u'\'' + kCanonical + u";'"_s << kCanonical << host << -1 << 1;
    QTest::newRow("unknown key warns")
        << kCanonical + u";TransportType=Amqp"_s << kCanonical << host << -1 << 1;
    QTest::newRow("empty parts") << u";;"_s + kCanonical + u";;"_s << kCanonical << host << -1 << 0;
}

void TestConnectionString::acceptsVariants()
{
    QFETCH(QString, input);
    QFETCH(QString, canonical);
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(int, warnings);

    const auto cs = Nh::ConnectionString::parse(input);
    QVERIFY2(cs.ok(), qPrintable(cs.ok() ? QString() : cs.error().message));
    QCOMPARE(cs->toString(), canonical);
    QCOMPARE(cs->host(), host);
    QCOMPARE(cs->port(), port);
    QCOMPARE(cs->keyName(), u"DefaultFullSharedAccessSignature"_s);
    QCOMPARE(cs->key(), kKey);
    QCOMPARE(cs.warnings().size(), warnings);
    // The canonical form parses to the same value, without warnings.
    const auto again = Nh::ConnectionString::parse(cs->toString());
    QVERIFY(again.ok());
    QCOMPARE(*again, *cs);
    QVERIFY(again.warnings().isEmpty());
}

void TestConnectionString::rejectsBadInput_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<Nh::ErrorCode>("code");
    QTest::addColumn<QString>("where");
    QTest::addColumn<QString>("at"); // the text the error offset must point at
    QTest::addColumn<QString>("fragment"); // must appear in the message

    const QString ep = u"Endpoint=sb://contoso.servicebus.windows.net/"_s;
    const QString name = u"SharedAccessKeyName=DefaultFullSharedAccessSignature"_s;
    const QString key = u"SharedAccessKey="_s + kKey;

    QTest::newRow("empty") << u""_s << Nh::ErrorCode::Empty << u""_s << u""_s << u"empty"_s;
    QTest::newRow("blank") << u"  \t\n"_s << Nh::ErrorCode::Empty << u""_s << u""_s << u"empty"_s;
    QTest::newRow("not key=value") << u"hello world"_s << Nh::ErrorCode::Syntax << u""_s
                                   << u"hello world"_s << u"Expected Key=Value at position 1"_s;
    QTest::newRow("missing key") << ep + u';' + name << Nh::ErrorCode::MissingField
                                 << u"SharedAccessKey"_s << u""_s << u"has no SharedAccessKey"_s;
    QTest::newRow("missing key name")
        << ep + u';' + key << Nh::ErrorCode::MissingField << u"SharedAccessKeyName"_s << u""_s
        << u"has no SharedAccessKeyName"_s;
    QTest::newRow("missing endpoint") << name + u';' + key << Nh::ErrorCode::MissingField
                                      << u"Endpoint"_s << u""_s << u"has no Endpoint"_s;
    QTest::newRow("empty key") << ep + u';' + name + u";SharedAccessKey="_s
                               << Nh::ErrorCode::EmptyField << u"SharedAccessKey"_s
                               << u"SharedAccessKey="_s << u"is empty"_s;
    QTest::newRow("empty key name, spaces")
        << ep + u";SharedAccessKeyName =  ;"_s + key << Nh::ErrorCode::EmptyField
        << u"SharedAccessKeyName"_s << u"SharedAccessKeyName ="_s << u"is empty"_s;
    QTest::newRow("duplicate key, other case")
        << ep + u';' + name + u';' + key + u";sharedaccesskey="_s + kKey
        << Nh::ErrorCode::DuplicateField << u"SharedAccessKey"_s << u"sharedaccesskey="_s
        << u"appears twice"_s;
    QTest::newRow("key not base64")
        << ep + u';' + name + u";SharedAccessKey=abc!defg"_s << Nh::ErrorCode::InvalidValue
        << u"SharedAccessKey"_s << u"!defg"_s << u"not base64: unexpected '!'"_s;
    QTest::newRow("key truncated")
        << ep + u';' + name + u";SharedAccessKey=dGVzdGtleX"_s << Nh::ErrorCode::InvalidValue
        << u"SharedAccessKey"_s << u""_s << u"copied completely"_s;
    QTest::newRow("key with space inside")
        << ep + u';' + name + u";SharedAccessKey=dGVz dGtl"_s << Nh::ErrorCode::InvalidValue
        << u"SharedAccessKey"_s << u" dGtl"_s << u"not base64"_s;
    QTest::newRow("http endpoint")
        << u"Endpoint=http://contoso.servicebus.windows.net/;"_s + name + u';' + key
        << Nh::ErrorCode::InvalidValue << u"Endpoint"_s << u"http://"_s << u"HTTPS"_s;
    QTest::newRow("ftp endpoint") << u"Endpoint=ftp://contoso/;"_s + name + u';' + key
                                  << Nh::ErrorCode::InvalidValue << u"Endpoint"_s << u"ftp://"_s
                                  << u"'ftp'"_s;
    QTest::newRow("no scheme") << u"Endpoint=contoso.servicebus.windows.net;"_s + name + u';' + key
                               << Nh::ErrorCode::InvalidValue << u"Endpoint"_s
                               << u"contoso.servicebus"_s << u"not a URL"_s;
    QTest::newRow("endpoint with path")
        << u"Endpoint=sb://contoso.servicebus.windows.net/myhub/;"_s + name + u';' + key
        << Nh::ErrorCode::InvalidValue << u"Endpoint"_s << u"/myhub/"_s << u"has a path"_s;
    QTest::newRow("endpoint with query")
        << u"Endpoint=sb://contoso.net/?x=1;"_s + name + u';' + key << Nh::ErrorCode::InvalidValue
        << u"Endpoint"_s << u"/?x=1"_s << u"has a path"_s;
    QTest::newRow("port out of range")
        << u"Endpoint=sb://localhost:99999/;"_s + name + u';' + key << Nh::ErrorCode::InvalidValue
        << u"Endpoint"_s << u"99999"_s << u"1 to 65535"_s;
    QTest::newRow("port not a number")
        << u"Endpoint=sb://localhost:https/;"_s + name + u';' + key << Nh::ErrorCode::InvalidValue
        << u"Endpoint"_s << u"https/"_s << u"not a number"_s;
    QTest::newRow("no host") << u"Endpoint=sb:///;"_s + name + u';' + key
                             << Nh::ErrorCode::InvalidValue << u"Endpoint"_s << u"sb:///"_s
                             << u"no host"_s;
    QTest::newRow("user info") << u"Endpoint=sb://me@contoso.net/;"_s + name + u';' + key
                               << Nh::ErrorCode::InvalidValue << u"Endpoint"_s << u"me@contoso"_s
                               << u"user name"_s;
    QTest::newRow("bad host character")
        << u"Endpoint=sb://con toso.net/;"_s + name + u';' + key << Nh::ErrorCode::InvalidValue
        << u"Endpoint"_s << u" toso"_s << u"invalid character ' '"_s;
    QTest::newRow("rule name with space")
        << ep + u";SharedAccessKeyName=Default Full;"_s + key << Nh::ErrorCode::InvalidValue
        << u"SharedAccessKeyName"_s << u" Full"_s << u"invalid character ' '"_s;
    QTest::newRow("ready-made token") << ep + u";SharedAccessSignature=SharedAccessSignature sr=x"_s
                                      << Nh::ErrorCode::InvalidValue << u"SharedAccessSignature"_s
                                      << u"SharedAccessSignature="_s << u"not supported"_s;
    QTest::newRow("equals without key")
        << ep + u";=abc;"_s + name + u';' + key << Nh::ErrorCode::Syntax << u""_s << u"=abc"_s
        << u"Missing key name"_s;
}

void TestConnectionString::rejectsBadInput()
{
    QFETCH(QString, input);
    QFETCH(Nh::ErrorCode, code);
    QFETCH(QString, where);
    QFETCH(QString, at);
    QFETCH(QString, fragment);

    const auto cs = Nh::ConnectionString::parse(input);
    QVERIFY(!cs.ok());
    const Nh::Error &e = cs.error();
    QCOMPARE(e.code, code);
    QCOMPARE(e.where, where);
    QVERIFY2(e.message.contains(fragment), qPrintable(e.message));
    if (!at.isEmpty()) {
        const qsizetype expected = input.indexOf(at);
        QVERIFY(expected >= 0);
        QCOMPARE(e.offset, expected);
        // The message names the same place, 1-based.
        QVERIFY2(e.message.contains(u"position %1"_s.arg(expected + 1)), qPrintable(e.message));
    }
    // Never echo a key into a message.
    QVERIFY(!e.message.contains(kKey));
}

void TestConnectionString::warnsAboutEntityPath()
{
    const auto cs = Nh::ConnectionString::parse(QString(kCanonical + u";EntityPath=myHub"_s));
    QVERIFY(cs.ok());
    QCOMPARE(cs->entityPath(), u"myHub"_s);
    QCOMPARE(cs->toString(), kCanonical); // never emitted: the seed requires exactly 3 parts
    QCOMPARE(cs.warnings().size(), 1);
    QVERIFY(cs.warnings().first().message.contains(u"EntityPath 'myHub'"_s));
    QCOMPARE(cs.warnings().first().offset, kCanonical.size() + 1);
}

void TestConnectionString::warnsAboutShortKey()
{
    const auto cs = Nh::ConnectionString::parse(
        u"Endpoint=sb://x.net/;SharedAccessKeyName=r;SharedAccessKey=c2hvcnQ="_s);
    QVERIFY(cs.ok());
    QCOMPARE(cs.warnings().size(), 1);
    QVERIFY(cs.warnings().first().message.contains(u"5 bytes"_s));
}

void TestConnectionString::canonicalFormIsWhatTheSeedParses()
{
    // NotificationHub.py: split(';') must give exactly 3 parts, and
    // 'https' + part[11:] must give the https endpoint.
    const QString pasted = u" endpoint=https://LocalHost:8443 ;sharedaccesskey="_s + kKey
        + u";sharedaccesskeyname=Rule;"_s;
    const auto cs = Nh::ConnectionString::parse(pasted);
    QVERIFY(cs.ok());
    const QStringList parts = cs->toString().split(u';');
    QCOMPARE(parts.size(), 3);
    QVERIFY(parts[0].startsWith(u"Endpoint"_s));
    QCOMPARE(u"https"_s + parts[0].mid(11), u"https://localhost:8443/"_s);
    QCOMPARE(parts[1].mid(20), u"Rule"_s);
    QCOMPARE(parts[2].mid(16), kKey);
}

void TestConnectionString::redactedFormHidesTheKey()
{
    const auto cs = Nh::ConnectionString::parse(kCanonical);
    QVERIFY(cs.ok());
    const QString shown = cs->toRedactedString();
    QVERIFY(!shown.contains(kKey));
    QVERIFY(shown.contains(u"SharedAccessKeyName=DefaultFullSharedAccessSignature"_s));
    QVERIFY(shown.contains(u"Endpoint=sb://contoso.servicebus.windows.net/"_s));
}

void TestConnectionString::urls()
{
    const QString loopback =
        u"Endpoint=sb://localhost:8443/;SharedAccessKeyName=r;SharedAccessKey="_s + kKey;
    const auto cs = Nh::ConnectionString::parse(loopback);
    QVERIFY(cs.ok());
    QCOMPARE(cs->endpointUrl().toString(), u"https://localhost:8443/"_s);
    QCOMPARE(cs->hubUrl(u"myHub"_s).toString(), u"https://localhost:8443/myHub"_s);
    QCOMPARE(cs->namespaceName(), u"localhost"_s);
    const auto real = Nh::ConnectionString::parse(kCanonical);
    QCOMPARE(real->namespaceName(), u"contoso"_s);
    QCOMPARE(real->hubUrl(u"hub"_s).toString(), u"https://contoso.servicebus.windows.net/hub"_s);
}

void TestConnectionString::hubNames_data()
{
    QTest::addColumn<QString>("hub");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<int>("offset");

    QTest::newRow("simple") << u"myHub"_s << true << -1;
    QTest::newRow("dots dashes underscores") << u"my.hub-1_a"_s << true << -1;
    QTest::newRow("empty") << u""_s << false << -1;
    QTest::newRow("slash") << u"a/b"_s << false << 1;
    QTest::newRow("space") << u"my hub"_s << false << 2;
    QTest::newRow("leading dash") << u"-hub"_s << false << 0;
    QTest::newRow("trailing dot") << u"hub."_s << false << 3;
    QTest::newRow("too long") << QString(261, u'a') << false << 260;
    QTest::newRow("260 is fine") << QString(260, u'a') << true << -1;
}

void TestConnectionString::hubNames()
{
    QFETCH(QString, hub);
    QFETCH(bool, valid);
    QFETCH(int, offset);
    const auto st = Nh::validateHubName(hub);
    QCOMPARE(st.ok(), valid);
    if (!valid)
        QCOMPARE(st.error().offset, offset);
}

QTEST_GUILESS_MAIN(TestConnectionString)
#include "tst_connectionstring.moc"
