// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocol/connectionstring.h"
#include "protocol/crypto.h"
#include "protocol/sastoken.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Nh;

namespace {
// docs/protocol.md §2.3: the realistic vectors (key used as text, not decoded).
const QString kKey = u"dGVzdGtleXRlc3RrZXl0ZXN0a2V5dGVzdGtleTEyMzQ="_s;
const QString kRule = u"DefaultFullSharedAccessSignature"_s;
constexpr qint64 kSe = 1700000000;

ConnectionString contoso()
{
    return ConnectionString::fromParts(u"contoso.servicebus.windows.net"_s, -1, kRule, kKey);
}

QUrl testSendUrl()
{
    return QUrl(
        u"https://contoso.servicebus.windows.net/myHub/messages?api-version=2020-06&test"_s);
}

QDateTime at(qint64 secs)
{
    return QDateTime::fromSecsSinceEpoch(secs, Qt::UTC);
}
} // namespace

class TestSasToken final : public QObject
{
    Q_OBJECT

private slots:
    void hmacKnownAnswers_data();
    void hmacKnownAnswers();
    void base64Validation_data();
    void base64Validation();
    void publishedTokenVector();
    void clientStyles_data();
    void clientStyles();
    void canonicalHeader();
    void seedHeaderLeavesSlash();
    void decode_data();
    void decode();
    void decodeErrors_data();
    void decodeErrors();
    void validate_data();
    void validate();
    void expiryDisplay();
};

void TestSasToken::hmacKnownAnswers_data()
{
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QByteArray>("hex");

    // RFC 4231 test case 2.
    QTest::newRow("RFC 4231 case 2")
        << "Jefe"_ba
        << "what do ya want for nothing?"_ba
        << "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"_ba;
    // The official JS SDK's unit test (base64 u0JTQtSb…).
    QTest::newRow("JS SDK vector")
        << "mysecretkey"_ba
        << "mydata"_ba
        << QByteArray::fromBase64("u0JTQtSbhCo8r7+Yr/RNiJOs7/VwDireHAXovvLBbXo="_ba).toHex();
    // RFC 4231 test case 1 (20 bytes of 0x0b).
    QTest::newRow("RFC 4231 case 1")
        << QByteArray(20, '\x0b') << "Hi There"_ba
        << "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"_ba;
}

void TestSasToken::hmacKnownAnswers()
{
    QFETCH(QByteArray, key);
    QFETCH(QByteArray, data);
    QFETCH(QByteArray, hex);
    QCOMPARE(Crypto::hmacSha256(key, data).toHex(), hex);
}

void TestSasToken::base64Validation_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("bad");
    QTest::newRow("valid 44") << kKey << -1;
    QTest::newRow("valid no padding") << u"YWJj"_s << -1;
    QTest::newRow("valid two pads") << u"YQ=="_s << -1;
    QTest::newRow("bad char") << u"YW!j"_s << 2;
    QTest::newRow("url-safe alphabet") << u"YW-j"_s << 2;
    QTest::newRow("three pads") << u"Y==="_s << 3;
    QTest::newRow("data after pad") << u"YQ=a"_s << 3;
    QTest::newRow("too short") << u"YWJ"_s << 3;
    QTest::newRow("empty") << u""_s << 0;
}

void TestSasToken::base64Validation()
{
    QFETCH(QString, text);
    QFETCH(int, bad);
    QCOMPARE(Crypto::firstInvalidBase64Index(text), qsizetype(bad));
}

void TestSasToken::publishedTokenVector()
{
    // Papr-ai/parse-server-azure-push test/sasToken.tests.js: sr =
    // encodeURIComponent("endpoint/hub").
    const Sas::Token t = Sas::signEncoded(u"endpoint%2Fhub"_s, 1, u"keyName"_s, u"keyVal"_s);
    QCOMPARE(
        t.header(),
        u"SharedAccessSignature sr=endpoint%2Fhub&sig=EGsjmHg%2FOKM5bYk5pU7ZpN5ExQRuT3VCwXuCftrmUZw%3D&se=1&skn=keyName"_s);
}

void TestSasToken::clientStyles_data()
{
    QTest::addColumn<int>("style"); // index into the options below
    QTest::addColumn<QString>("sr");
    QTest::addColumn<QString>("signature");

    QTest::newRow("canonical / seed")
        << 0 << u"https%3a%2f%2fcontoso.servicebus.windows.net%2fmyhub"_s
        << u"dn0bOTQUy3jFuwXoCcktcXgzcqtM0/ysOc8lja4M7sQ="_s;
    QTest::newRow(".NET") << 1
                          << u"http%3a%2f%2fcontoso.servicebus.windows.net%2fmyhub%2fmessages%2f"_s
                          << u"ueCLR1aY2EUQN9LF09ouyioTdj6GYNApUHsvGRbpp28="_s;
    QTest::newRow("Java")
        << 2
        << u"https%3a%2f%2fcontoso.servicebus.windows.net%2fmyhub%2fmessages%3fapi-version%3d2020-06%26test"_s
        << u"D52J097wLySmx3zbIpV4TKaXNikBJnpgGpYYhOUixsk="_s;
    QTest::newRow("JS") << 3 << u"https%3A%2F%2Fcontoso.servicebus.windows.net%2F"_s
                        << u"5vXIlJ2rzutgNaNXF7iZy91+SK9vWhPCJv1oGdZzcvs="_s;
}

void TestSasToken::clientStyles()
{
    QFETCH(int, style);
    QFETCH(QString, sr);
    QFETCH(QString, signature);

    const Sas::Options options[] = {Sas::Options::pythonSeed(), Sas::Options::dotNetSdk(),
                                    Sas::Options::javaSdk(), Sas::Options::jsSdk()};
    const Sas::Options &o = options[style];
    const QString audience = Sas::audience(contoso(), u"myHub"_s, testSendUrl(), o.audience);
    const Sas::Token t = Sas::generate(audience, kRule, kKey, at(kSe - o.ttlSeconds), o);
    QCOMPARE(t.sr, sr);
    QCOMPARE(t.expiry, kSe);
    QCOMPARE(t.signature, signature);

    // What we generate in every style, the validator accepts for the test-send URL.
    const auto decoded = Sas::decode(t.header());
    QVERIFY(decoded.ok());
    const auto st = Sas::validate(*decoded, kKey, testSendUrl(), at(kSe - 10));
    QVERIFY2(st.ok(), qPrintable(st.ok() ? QString() : st.error().message));
}

void TestSasToken::canonicalHeader()
{
    const Sas::Token t = Sas::generateForHub(contoso(), u"myHub"_s, at(kSe - 3600));
    QCOMPARE(
        t.header(),
        u"SharedAccessSignature sr=https%3a%2f%2fcontoso.servicebus.windows.net%2fmyhub&sig=dn0bOTQUy3jFuwXoCcktcXgzcqtM0%2FysOc8lja4M7sQ%3D&se=1700000000&skn=DefaultFullSharedAccessSignature"_s);
}

void TestSasToken::seedHeaderLeavesSlash()
{
    const Sas::Token t =
        Sas::generateForHub(contoso(), u"myHub"_s, at(kSe - 300), Sas::Options::pythonSeed());
    QVERIFY(t.header().contains(u"sig=dn0bOTQUy3jFuwXoCcktcXgzcqtM0/ysOc8lja4M7sQ%3D&"_s));
}

void TestSasToken::decode_data()
{
    QTest::addColumn<QString>("header");
    QTest::addColumn<QString>("resource");
    QTest::addColumn<QString>("signature");
    QTest::addColumn<QStringList>("order");

    QTest::newRow("canonical")
        << u"SharedAccessSignature sr=https%3a%2f%2fcontoso.servicebus.windows.net%2fmyhub&sig=dn0bOTQUy3jFuwXoCcktcXgzcqtM0%2FysOc8lja4M7sQ%3D&se=1700000000&skn=DefaultFullSharedAccessSignature"_s
        << u"https://contoso.servicebus.windows.net/myhub"_s
        << u"dn0bOTQUy3jFuwXoCcktcXgzcqtM0/ysOc8lja4M7sQ="_s
        << QStringList {u"sr"_s, u"sig"_s, u"se"_s, u"skn"_s};
    QTest::newRow("seed order, raw slash")
        << u"SharedAccessSignature sig=dn0bOTQUy3jFuwXoCcktcXgzcqtM0/ysOc8lja4M7sQ%3D&se=1700000000&skn=DefaultFullSharedAccessSignature&sr=https%3a%2f%2fcontoso.servicebus.windows.net%2fmyhub"_s
        << u"https://contoso.servicebus.windows.net/myhub"_s
        << u"dn0bOTQUy3jFuwXoCcktcXgzcqtM0/ysOc8lja4M7sQ="_s
        << QStringList {u"sig"_s, u"se"_s, u"skn"_s, u"sr"_s};
    QTest::newRow("no scheme word, lower-case scheme word elsewhere")
        << u"  sharedaccesssignature   sr=a&sig=YWJj&se=5&skn=r"_s << u"a"_s << u"YWJj"_s
        << QStringList {u"sr"_s, u"sig"_s, u"se"_s, u"skn"_s};
    QTest::newRow("unknown field ignored")
        << u"sr=a&foo=bar&sig=YWJj&se=5&skn=r"_s << u"a"_s << u"YWJj"_s
        << QStringList {u"sr"_s, u"sig"_s, u"se"_s, u"skn"_s};
}

void TestSasToken::decode()
{
    QFETCH(QString, header);
    QFETCH(QString, resource);
    QFETCH(QString, signature);
    QFETCH(QStringList, order);
    const auto t = Sas::decode(header);
    QVERIFY2(t.ok(), qPrintable(t.ok() ? QString() : t.error().message));
    QCOMPARE(t->resource, resource);
    QCOMPARE(t->signature, signature);
    QCOMPARE(t->fieldOrder, order);
}

void TestSasToken::decodeErrors_data()
{
    QTest::addColumn<QString>("header");
    QTest::addColumn<Nh::ErrorCode>("code");
    QTest::addColumn<QString>("where");

    QTest::newRow("empty") << u""_s << ErrorCode::Empty << u""_s;
    QTest::newRow("bearer") << u"Bearer abc.def"_s << ErrorCode::InvalidValue << u""_s;
    QTest::newRow("missing skn") << u"SharedAccessSignature sr=a&sig=YWJj&se=5"_s
                                 << ErrorCode::MissingField << u"skn"_s;
    QTest::newRow("missing sig") << u"SharedAccessSignature sr=a&se=5&skn=r"_s
                                 << ErrorCode::MissingField << u"sig"_s;
    QTest::newRow("duplicate sr") << u"SharedAccessSignature sr=a&sr=b&sig=YWJj&se=5&skn=r"_s
                                  << ErrorCode::DuplicateField << u"sr"_s;
    QTest::newRow("se not a number") << u"SharedAccessSignature sr=a&sig=YWJj&se=tomorrow&skn=r"_s
                                     << ErrorCode::InvalidValue << u"se"_s;
    QTest::newRow("sig not base64") << u"SharedAccessSignature sr=a&sig=%%%&se=5&skn=r"_s
                                    << ErrorCode::InvalidValue << u"sig"_s;
    QTest::newRow("empty sr") << u"SharedAccessSignature sr=&sig=YWJj&se=5&skn=r"_s
                              << ErrorCode::EmptyField << u"sr"_s;
    QTest::newRow("no equals") << u"SharedAccessSignature sr"_s << ErrorCode::Syntax << u""_s;
    QTest::newRow("glued scheme") << u"SharedAccessSignaturesr=a"_s << ErrorCode::Syntax << u""_s;
}

void TestSasToken::decodeErrors()
{
    QFETCH(QString, header);
    QFETCH(Nh::ErrorCode, code);
    QFETCH(QString, where);
    const auto t = Sas::decode(header);
    QVERIFY(!t.ok());
    QCOMPARE(t.error().code, code);
    QCOMPARE(t.error().where, where);
    QVERIFY(!t.error().message.isEmpty());
}

void TestSasToken::validate_data()
{
    QTest::addColumn<QString>("header");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("url");
    QTest::addColumn<qint64>("now");
    QTest::addColumn<Nh::ErrorCode>("code"); // None = accepted

    const QString canonical =
        u"SharedAccessSignature sr=https%3a%2f%2fcontoso.servicebus.windows.net%2fmyhub&sig=dn0bOTQUy3jFuwXoCcktcXgzcqtM0%2FysOc8lja4M7sQ%3D&se=1700000000&skn="_s
        + kRule;
    const QString send = u"https://contoso.servicebus.windows.net/myHub/messages"_s;

    QTest::newRow("valid") << canonical << kKey << send << kSe - 60 << ErrorCode::None;
    QTest::newRow("valid at the last second")
        << canonical << kKey << send << kSe << ErrorCode::None;
    QTest::newRow("hub case differs from sr")
        << canonical << kKey
        << u"https://contoso.servicebus.windows.net/MYHUB/registrations/1-2-3"_s << kSe - 60
        << ErrorCode::None;
    QTest::newRow("key base64-decoded first must fail")
        << u"SharedAccessSignature sr=https%3a%2f%2fcontoso.servicebus.windows.net%2fmyhub&sig=5BrsFXC2mVP0xwjH%2BZEx8peiJShy7VsW5ApBmcirsi8%3D&se=1700000000&skn="_s
            + kRule
        << kKey << send << kSe - 60 << ErrorCode::InvalidSignature;
    QTest::newRow("wrong key") << canonical << u"b3RoZXJrZXk="_s << send << kSe - 60
                               << ErrorCode::InvalidSignature;
    QTest::newRow("se tampered") << QString(canonical).replace(u"se=1700000000"_s,
                                                               u"se=1800000000"_s)
                                 << kKey << send << kSe - 60 << ErrorCode::InvalidSignature;
    QTest::newRow("sr re-encoded upper-case breaks the signature")
        << QString(canonical).replace(u"%3a%2f%2f"_s, u"%3A%2F%2F"_s) << kKey << send << kSe - 60
        << ErrorCode::InvalidSignature;
    QTest::newRow("expired") << canonical << kKey << send << kSe + 1 << ErrorCode::ExpiredToken;
    QTest::newRow("other hub") << canonical << kKey
                               << u"https://contoso.servicebus.windows.net/otherHub/messages"_s
                               << kSe - 60 << ErrorCode::InvalidAudience;
    QTest::newRow("hub name prefix is not a segment")
        << canonical << kKey << u"https://contoso.servicebus.windows.net/myhubx/messages"_s
        << kSe - 60 << ErrorCode::InvalidAudience;
    QTest::newRow("other namespace")
        << canonical << kKey << u"https://fabrikam.servicebus.windows.net/myHub/messages"_s
        << kSe - 60 << ErrorCode::InvalidAudience;
    QTest::newRow("port named in sr must match")
        << canonical << kKey << u"https://contoso.servicebus.windows.net:8443/myHub/messages"_s
        << kSe - 60 << ErrorCode::None; // sr has no port (.NET style): any port
}

void TestSasToken::validate()
{
    QFETCH(QString, header);
    QFETCH(QString, key);
    QFETCH(QString, url);
    QFETCH(qint64, now);
    QFETCH(Nh::ErrorCode, code);
    const auto t = Sas::decode(header);
    QVERIFY(t.ok());
    const auto st = Sas::validate(*t, key, QUrl(url), at(now));
    if (code == ErrorCode::None) {
        QVERIFY2(st.ok(), qPrintable(st.ok() ? QString() : st.error().message));
    } else {
        QVERIFY(!st.ok());
        QCOMPARE(st.error().code, code);
    }
}

void TestSasToken::expiryDisplay()
{
    // Tokens carrying a port, as the seed and the JS SDK send to a loopback emulator.
    const auto cs = ConnectionString::fromParts(u"localhost"_s, 8443, kRule, kKey);
    const QDateTime now = at(kSe);
    const QUrl url(u"https://localhost:8443/myHub/messages?api-version=2013-10&test"_s);
    const auto seed =
        Sas::decode(Sas::generateForHub(cs, u"myHub"_s, now, Sas::Options::pythonSeed()).header());
    QVERIFY(seed.ok());
    QCOMPARE(seed->rawSr, u"https%3a%2f%2flocalhost%3a8443%2fmyhub"_s);
    QCOMPARE(seed->secondsLeft(now), 300);
    QCOMPARE(seed->expiresAt(), at(kSe + 300));
    QVERIFY(Sas::validate(*seed, kKey, url, now).ok());
    const auto js =
        Sas::decode(Sas::generateForHub(cs, u"myHub"_s, now, Sas::Options::jsSdk()).header());
    QCOMPARE(js->rawSr, u"https%3A%2F%2Flocalhost%3A8443%2F"_s);
    QVERIFY(Sas::validate(*js, kKey, url, now).ok());
    // Same token, wrong port.
    const auto st = Sas::validate(*js, kKey, QUrl(u"https://localhost:9443/myHub/messages"_s), now);
    QVERIFY(!st.ok());
    QCOMPARE(st.error().code, ErrorCode::InvalidAudience);
}

QTEST_GUILESS_MAIN(TestSasToken)
#include "tst_sastoken.moc"
