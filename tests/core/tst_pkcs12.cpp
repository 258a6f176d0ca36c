// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocol/pkcs12.h"

#include <QFile>
#include <QTest>
#include <openssl/err.h>

using namespace Qt::Literals::StringLiterals;
using namespace Nh;

Q_DECLARE_METATYPE(Nh::ErrorCode)
Q_DECLARE_METATYPE(Nh::ApnsCertificateEnvironment)

namespace {
// The throwaway files of tests/data/hubs/certs (README.md there says how they were made).
const QString kPassword = u"nhconsole-test"_s;

QByteArray certFile(const QString &name)
{
    QFile file(QStringLiteral(NH_TEST_DATA_DIR "/hubs/certs/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing test file %s", qPrintable(file.fileName()));
    return file.readAll();
}

QDateTime utc(int y, int m, int d)
{
    return QDateTime(QDate(y, m, d), QTime(0, 0), Qt::UTC);
}
} // namespace

class TestPkcs12 final : public QObject
{
    Q_OBJECT

private slots:
    void legacyProviderIsInstalled();
    void readsFiles_data();
    void readsFiles();
    void readsBase64WithLineBreaks();
    void refuses_data();
    void refuses();
    void locatesBadBase64();
    void errorsNeverContainThePassword();
    void leavesNoOpenSslErrorBehind();
    void environmentFromCommonName_data();
    void environmentFromCommonName();
};

void TestPkcs12::legacyProviderIsInstalled()
{
    // Debian 12: libssl3 ships ossl-modules/legacy.so. Without it the RC2-40 case below fails
    // with a clear message instead.
    QVERIFY(pkcs12LegacyProviderAvailable());
}

void TestPkcs12::readsFiles_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("commonName");
    QTest::addColumn<ApnsCertificateEnvironment>("environment");
    QTest::addColumn<QDateTime>("notBefore");
    QTest::addColumn<QDateTime>("notAfter");
    QTest::addColumn<bool>("hasKey");
    QTest::addColumn<bool>("legacy");

    QTest::newRow("modern AES, production")
        << u"apns-production-aes.p12"_s << u"Apple Push Services: com.example.nhconsole"_s
        << ApnsCertificateEnvironment::SandboxAndProduction << utc(2026, 1, 1) << utc(2027, 1, 1)
        << true << false;
    QTest::newRow("legacy RC2-40/3DES, development")
        << u"apns-development-legacy.p12"_s
        << u"Apple Development IOS Push Services: com.example.nhconsole"_s
        << ApnsCertificateEnvironment::Sandbox << utc(2026, 1, 1) << utc(2027, 1, 1) << true
        << true;
    QTest::newRow("expired sandbox")
        << u"apns-sandbox-expired.p12"_s << u"Apple Sandbox Push Services: com.example.nhconsole"_s
        << ApnsCertificateEnvironment::Sandbox << utc(2024, 1, 1) << utc(2025, 1, 1) << true
        << false;
    QTest::newRow("no key") << u"apns-production-nokey.p12"_s
                            << u"Apple Push Services: com.example.nhconsole"_s
                            << ApnsCertificateEnvironment::SandboxAndProduction << utc(2026, 1, 1)
                            << utc(2027, 1, 1) << false << false;
    QTest::newRow("not Apple") << u"not-apple.p12"_s << u"client.example.com"_s
                               << ApnsCertificateEnvironment::NotApplePush << utc(2026, 1, 1)
                               << utc(2027, 1, 1) << true << false;
}

void TestPkcs12::readsFiles()
{
    QFETCH(QString, file);
    QFETCH(QString, commonName);
    QFETCH(ApnsCertificateEnvironment, environment);
    QFETCH(QDateTime, notBefore);
    QFETCH(QDateTime, notAfter);
    QFETCH(bool, hasKey);
    QFETCH(bool, legacy);

    const auto read = readPkcs12(certFile(file), kPassword);
    QVERIFY2(read.ok(), qPrintable(read.ok() ? QString() : read.error().message));
    QCOMPARE(read->commonName, commonName);
    QCOMPARE(read->apnsEnvironment, environment);
    QCOMPARE(read->isApplePush(), environment != ApnsCertificateEnvironment::NotApplePush);
    QCOMPARE(read->notBefore, notBefore);
    QCOMPARE(read->notAfter, notAfter);
    QCOMPARE(read->notAfter.timeSpec(), Qt::UTC);
    QCOMPARE(read->hasPrivateKey, hasKey);
    QCOMPARE(read->privateKeyMatches, hasKey);
    QCOMPARE(read->usedLegacyAlgorithms, legacy);
    QCOMPARE(read->issuerCommonName, u"nhconsole Test CA (not Apple)"_s);
    QCOMPARE(read->issuer, u"CN=nhconsole Test CA (not Apple), O=nhconsole tests"_s);
    QCOMPARE(read->sha1Thumbprint.size(), 40);
    QVERIFY(read->subject.startsWith(u"CN="_s + commonName));
    if (read->isApplePush()) {
        QCOMPARE(read->userId, u"com.example.nhconsole"_s);
        QCOMPARE(read->bundleId(), u"com.example.nhconsole"_s);
        QCOMPARE(read->organizationalUnit, u"ABCDE12345"_s);
        QVERIFY(read->subject.contains(u"UID=com.example.nhconsole, OU=ABCDE12345"_s));
    }
}

void TestPkcs12::readsBase64WithLineBreaks()
{
    // The hub stores the file as base64 text; pasted values often carry line breaks.
    QByteArray text = certFile(u"apns-development-legacy.p12"_s).toBase64();
    for (qsizetype at = 64; at < text.size(); at += 65)
        text.insert(at, '\n');
    const auto read = readPkcs12Base64(QString::fromLatin1(text), kPassword);
    QVERIFY(read.ok());
    QCOMPARE(read->apnsEnvironment, ApnsCertificateEnvironment::Sandbox);
    QVERIFY(read->usedLegacyAlgorithms);
    // Same file, same thumbprint, whichever entry point.
    QCOMPARE(read->sha1Thumbprint,
             readPkcs12(certFile(u"apns-development-legacy.p12"_s), kPassword)->sha1Thumbprint);
}

void TestPkcs12::refuses_data()
{
    QTest::addColumn<QByteArray>("der");
    QTest::addColumn<QString>("password");
    QTest::addColumn<ErrorCode>("code");

    QTest::newRow("empty") << QByteArray() << kPassword << ErrorCode::Empty;
    QTest::newRow("garbage") << QByteArray("this is not a certificate") << kPassword
                             << ErrorCode::Syntax;
    QTest::newRow("truncated") << certFile(u"apns-production-aes.p12"_s).left(300) << kPassword
                               << ErrorCode::Syntax;
    QTest::newRow("wrong password, modern")
        << certFile(u"apns-production-aes.p12"_s) << u"wrong"_s << ErrorCode::InvalidSignature;
    QTest::newRow("wrong password, legacy")
        << certFile(u"apns-development-legacy.p12"_s) << u"wrong"_s << ErrorCode::InvalidSignature;
    QTest::newRow("empty password")
        << certFile(u"apns-production-aes.p12"_s) << QString() << ErrorCode::InvalidSignature;
    QTest::newRow("key only, no certificate")
        << certFile(u"key-only.p12"_s) << kPassword << ErrorCode::MissingField;
}

void TestPkcs12::refuses()
{
    QFETCH(QByteArray, der);
    QFETCH(QString, password);
    QFETCH(ErrorCode, code);
    const auto read = readPkcs12(der, password);
    QVERIFY(!read.ok());
    QCOMPARE(read.error().code, code);
    QCOMPARE(read.error().where, u"ApnsCertificate"_s);
    QVERIFY(!read.error().message.isEmpty());
}

void TestPkcs12::locatesBadBase64()
{
    const auto read = readPkcs12Base64(u"MIIK\n  Ab*d"_s, kPassword);
    QVERIFY(!read.ok());
    QCOMPARE(read.error().code, ErrorCode::InvalidValue);
    QCOMPARE(read.error().offset, 9);
    QCOMPARE(read.error().length, 1);
    QVERIFY(read.error().message.contains(u"9"_s));

    const auto blank = readPkcs12Base64(u" \n "_s, kPassword);
    QVERIFY(!blank.ok());
    QCOMPARE(blank.error().code, ErrorCode::Empty);
}

void TestPkcs12::errorsNeverContainThePassword()
{
    const QString secret = u"s3cret-Pa55"_s;
    for (const QString &file : {u"apns-production-aes.p12"_s, u"apns-development-legacy.p12"_s}) {
        const auto read = readPkcs12(certFile(file), secret);
        QVERIFY(!read.ok());
        QVERIFY(!read.error().message.contains(secret));
        QVERIFY(!read.error().where.contains(secret));
    }
}

void TestPkcs12::leavesNoOpenSslErrorBehind()
{
    // Qt's TLS backend reads the same per-thread error queue: a failed read must not leave
    // entries there.
    ERR_clear_error();
    QVERIFY(!readPkcs12(QByteArray("garbage"), kPassword).ok());
    QVERIFY(!readPkcs12(certFile(u"apns-production-aes.p12"_s), u"wrong"_s).ok());
    QVERIFY(readPkcs12(certFile(u"apns-development-legacy.p12"_s), kPassword).ok());
    QCOMPARE(ERR_peek_error(), 0UL);
}

void TestPkcs12::environmentFromCommonName_data()
{
    QTest::addColumn<QString>("commonName");
    QTest::addColumn<ApnsCertificateEnvironment>("environment");
    QTest::newRow("universal") << u"Apple Push Services: com.a.b"_s
                               << ApnsCertificateEnvironment::SandboxAndProduction;
    QTest::newRow("development iOS")
        << u"Apple Development IOS Push Services: com.a.b"_s << ApnsCertificateEnvironment::Sandbox;
    QTest::newRow("sandbox") << u"Apple Sandbox Push Services: com.a.b"_s
                             << ApnsCertificateEnvironment::Sandbox;
    QTest::newRow("production iOS") << u"Apple Production IOS Push Services: com.a.b"_s
                                    << ApnsCertificateEnvironment::Production;
    QTest::newRow("case") << u"apple development ios push services: x"_s
                          << ApnsCertificateEnvironment::Sandbox;
    QTest::newRow("developer id") << u"Developer ID Application: Example"_s
                                  << ApnsCertificateEnvironment::NotApplePush;
    QTest::newRow("empty") << QString() << ApnsCertificateEnvironment::NotApplePush;
}

void TestPkcs12::environmentFromCommonName()
{
    QFETCH(QString, commonName);
    QFETCH(ApnsCertificateEnvironment, environment);
    QCOMPARE(apnsEnvironmentFromCommonName(commonName), environment);
}

QTEST_GUILESS_MAIN(TestPkcs12)
#include "tst_pkcs12.moc"
