// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocol/platform.h"

#include <QSet>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Nh;

class TestPlatform final : public QObject
{
    Q_OBJECT

private slots:
    void formatNames_data();
    void formatNames();
    void lenientFormatParsing_data();
    void lenientFormatParsing();
    void platformNames();
    void displayNamesAreDistinct();
};

void TestPlatform::formatNames_data()
{
    QTest::addColumn<Format>("format");
    QTest::addColumn<QString>("wire");
    QTest::addColumn<QString>("installation"); // empty for template
    QTest::addColumn<QString>("kind");

    QTest::newRow("template") << Format::Template << u"template"_s << u""_s << u""_s;
    QTest::newRow("apple") << Format::Apple << u"apple"_s << u"apns"_s << u"Apple"_s;
    QTest::newRow("fcmv1") << Format::FcmV1 << u"fcmv1"_s << u"fcmv1"_s << u"FcmV1"_s;
    QTest::newRow("gcm") << Format::Gcm << u"gcm"_s << u"gcm"_s << u"Gcm"_s;
    QTest::newRow("windows") << Format::Windows << u"windows"_s << u"wns"_s << u"Windows"_s;
    QTest::newRow("windowsphone") << Format::WindowsPhone << u"windowsphone"_s << u"mpns"_s
                                  << u"Mpns"_s;
    QTest::newRow("adm") << Format::Adm << u"adm"_s << u"adm"_s << u"Adm"_s;
    QTest::newRow("baidu") << Format::Baidu << u"baidu"_s << u"baidu"_s << u"Baidu"_s;
    QTest::newRow("browser") << Format::Browser << u"browser"_s << u"browser"_s << u"Browser"_s;
    QTest::newRow("xiaomi") << Format::Xiaomi << u"xiaomi"_s << u"xiaomi"_s << u"Xiaomi"_s;
}

void TestPlatform::formatNames()
{
    QFETCH(Format, format);
    QFETCH(QString, wire);
    QFETCH(QString, installation);
    QFETCH(QString, kind);

    QCOMPARE(formatWireName(format), wire);
    QCOMPARE(formatFromWireName(wire), std::optional<Format>(format));
    const auto platform = platformForFormat(format);
    QCOMPARE(platform.has_value(), !installation.isEmpty());
    if (!platform)
        return;
    QCOMPARE(nativeFormat(*platform), format);
    QCOMPARE(platformWireName(*platform), wire);
    QCOMPARE(platformFromWireName(wire), platform);
    QCOMPARE(installationPlatformName(*platform), installation);
    QCOMPARE(platformFromInstallationName(installation.toUpper()), platform);
    QCOMPARE(registrationKindPrefix(*platform), kind);
}

void TestPlatform::lenientFormatParsing_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("format"); // -1 = refused

    QTest::newRow("docs spelling FcmV1") << u"FcmV1"_s << int(Format::FcmV1);
    QTest::newRow("upper case") << u"APPLE"_s << int(Format::Apple);
    QTest::newRow("padded") << u" template "_s << int(Format::Template);
    QTest::newRow("later seed page 'fcm' is legacy gcm") << u"fcm"_s << int(Format::Gcm);
    QTest::newRow("unknown") << u"nokiax"_s << -1;
    QTest::newRow("empty") << u""_s << -1;
    QTest::newRow("prefix only") << u"app"_s << -1;
}

void TestPlatform::lenientFormatParsing()
{
    QFETCH(QString, name);
    QFETCH(int, format);
    const auto f = formatFromWireName(name);
    if (format < 0)
        QVERIFY(!f.has_value());
    else
        QCOMPARE(f, std::optional<Format>(static_cast<Format>(format)));
}

void TestPlatform::platformNames()
{
    QVERIFY(!platformForFormat(Format::Template));
    QVERIFY(!platformFromInstallationName(u"apple"_s)); // installations say "apns"
    QVERIFY(!platformFromWireName(u"apns"_s)); // outcomes say "apple"
}

void TestPlatform::displayNamesAreDistinct()
{
    QSet<QString> names;
    for (int i = 0; i < kFormatCount; ++i) {
        const QString n = formatDisplayName(static_cast<Format>(i));
        QVERIFY(!n.isEmpty());
        names.insert(n);
    }
    QCOMPARE(names.size(), kFormatCount);
}

QTEST_GUILESS_MAIN(TestPlatform)
#include "tst_platform.moc"
