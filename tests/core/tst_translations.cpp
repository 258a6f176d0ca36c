// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The shipped German catalogue at run time: found beside the executable (the build tree's
// share/nhconsole/translations), chosen from the locale, used by core's messages, and removed
// again. (Completeness against the sources is translations_complete.)

#include "i18n/translations.h"
#include "protocol/connectionstring.h"

#include <QCoreApplication>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {

/** The located error for a connection string with no Endpoint, in the current language. */
QString missingEndpointMessage()
{
    const auto parsed = Nh::ConnectionString::parse(
        u"SharedAccessKeyName=DefaultFullSharedAccessSignature;SharedAccessKey=a2V5"_s);
    return parsed.ok() ? QString() : parsed.error().message;
}

} // namespace

class TestTranslations final : public QObject
{
    Q_OBJECT

private slots:
    void shipsGerman();
    void germanLocalesGetGerman_data();
    void germanLocalesGetGerman();
    void otherLocalesStayEnglish_data();
    void otherLocalesStayEnglish();
};

void TestTranslations::shipsGerman()
{
    QCOMPARE(Nh::shippedLanguages(), QStringList {u"de"_s});
}

void TestTranslations::germanLocalesGetGerman_data()
{
    QTest::addColumn<QString>("locale");
    QTest::newRow("de") << u"de"_s;
    QTest::newRow("de_DE") << u"de_DE"_s;
    QTest::newRow("de_AT") << u"de_AT"_s;
    QTest::newRow("de_CH") << u"de_CH"_s;
}

void TestTranslations::germanLocalesGetGerman()
{
    QFETCH(QString, locale);
    Nh::installTranslations(qApp, QLocale(u"en"_s));
    const QString english = missingEndpointMessage();
    QVERIFY2(!english.isEmpty(), "a connection string without Endpoint must be refused");

    QCOMPARE(Nh::installTranslations(qApp, QLocale(locale)), u"de"_s);
    const QString german = missingEndpointMessage();
    QVERIFY2(german != english, qPrintable(german));
    QVERIFY2(german.contains(u"Endpoint"_s), qPrintable(german)); // the key's name stays
    // A sample of plain UI vocabulary from the catalogue, looked up the way widgets do.
    QCOMPARE(QCoreApplication::translate("MainWindow", "&Help"), u"&Hilfe"_s);

    // Back to English: the translators are removed, not stacked.
    QCOMPARE(Nh::installTranslations(qApp, QLocale(u"en_US"_s)), QString());
    QCOMPARE(missingEndpointMessage(), english);
}

void TestTranslations::otherLocalesStayEnglish_data()
{
    QTest::addColumn<QString>("locale");
    QTest::newRow("en_GB") << u"en_GB"_s;
    QTest::newRow("fr_FR") << u"fr_FR"_s;
    QTest::newRow("C") << u"C"_s;
}

void TestTranslations::otherLocalesStayEnglish()
{
    QFETCH(QString, locale);
    Nh::installTranslations(qApp, QLocale(u"en"_s));
    const QString english = missingEndpointMessage();
    QCOMPARE(Nh::installTranslations(qApp, QLocale(locale)), QString());
    QCOMPARE(missingEndpointMessage(), english);
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
