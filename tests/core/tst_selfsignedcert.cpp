// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "emulator/selfsignedcert.h"

#include <QFile>
#include <QSslCertificate>
#include <QSslCertificateExtension>
#include <QSslKey>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

class TestSelfSignedCert final : public QObject
{
    Q_OBJECT

private slots:
    void hasWhatClientsNeed();
    void keyIsEcAndMatches();
    void loadOrCreateReusesTheFile();
    void replacesBrokenFiles();
};

void TestSelfSignedCert::hasWhatClientsNeed()
{
    const auto pair = Nh::generateSelfSignedCertificate();
    QVERIFY(pair.ok());
    const QSslCertificate cert(pair->certificatePem, QSsl::Pem);
    QVERIFY(!cert.isNull());
    QVERIFY(cert.isSelfSigned());
    // SAN: localhost, 127.0.0.1, ::1 (docs/protocol.md §9.7 rule 2).
    const auto san = cert.subjectAlternativeNames();
    QVERIFY(san.values(QSsl::DnsEntry).contains(u"localhost"_s));
    const QStringList ips = san.values(QSsl::IpAddressEntry);
    QVERIFY2(ips.contains(u"127.0.0.1"_s), qPrintable(ips.join(u',')));
    QVERIFY2(ips.contains(u"0:0:0:0:0:0:0:1"_s) || ips.contains(u"::1"_s),
             qPrintable(ips.join(u',')));
    // CA:TRUE, so the file is its own trust anchor.
    bool ca = false;
    for (const QSslCertificateExtension &ext : cert.extensions()) {
        if (ext.name() == u"basicConstraints")
            ca = ext.value().toMap().value(u"ca"_s).toBool();
    }
    QVERIFY(ca);
    QVERIFY(cert.expiryDate() > QDateTime::currentDateTimeUtc().addDays(800));
    QVERIFY(cert.effectiveDate() <= QDateTime::currentDateTimeUtc());
    const auto expiry = Nh::certificateExpiry(pair->certificatePem);
    QVERIFY(expiry.ok());
    QCOMPARE(expiry->toSecsSinceEpoch(), cert.expiryDate().toSecsSinceEpoch());
}

void TestSelfSignedCert::keyIsEcAndMatches()
{
    const auto pair = Nh::generateSelfSignedCertificate();
    QVERIFY(pair.ok());
    const QSslKey key(pair->privateKeyPem, QSsl::Ec, QSsl::Pem);
    QVERIFY(!key.isNull());
    QCOMPARE(key.length(), 256);
    const QSslCertificate cert(pair->certificatePem, QSsl::Pem);
    QCOMPARE(key.type(), QSsl::PrivateKey);
    QCOMPARE(cert.publicKey().algorithm(), QSsl::Ec);
    QCOMPARE(cert.publicKey().length(), 256);
}

void TestSelfSignedCert::loadOrCreateReusesTheFile()
{
    QTemporaryDir dir;
    const auto first = Nh::loadOrCreateCertificate(dir.path());
    QVERIFY(first.ok());
    QVERIFY(QFile::exists(Nh::certificateFileName(dir.path())));
    const auto keyPerms = QFile::permissions(dir.filePath(u"emulator-key.pem"_s));
    QVERIFY(!(keyPerms & (QFile::ReadOther | QFile::ReadGroup)));
    const auto second = Nh::loadOrCreateCertificate(dir.path());
    QVERIFY(second.ok());
    QCOMPARE(second->certificatePem, first->certificatePem);
}

void TestSelfSignedCert::replacesBrokenFiles()
{
    QTemporaryDir dir;
    QFile f(Nh::certificateFileName(dir.path()));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("not a certificate");
    f.close();
    const auto made = Nh::loadOrCreateCertificate(dir.path());
    QVERIFY(made.ok());
    QVERIFY(made->certificatePem.startsWith("-----BEGIN CERTIFICATE-----"));
    QVERIFY(!Nh::certificateExpiry("garbage"_ba).ok());
}

QTEST_GUILESS_MAIN(TestSelfSignedCert)
#include "tst_selfsignedcert.moc"
