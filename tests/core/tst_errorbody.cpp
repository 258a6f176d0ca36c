// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocol/errorbody.h"
#include "protocol/xmlutil.h"

#include <QFile>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

Q_DECLARE_METATYPE(Nh::ErrorCode)

namespace {

const QString kDataDir = QString::fromUtf8(NH_TEST_DATA_DIR) + u"/errors/"_s;

QByteArray fixture(const QString &name)
{
    QFile file(kDataDir + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(file.fileName()));
    return file.readAll();
}

QDateTime utc(int y, int mo, int d, int h, int mi, int s)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s), Qt::UTC);
}

} // namespace

class Tst_errorbody final : public QObject
{
    Q_OBJECT
private slots:
    void parsesServiceBodies_data();
    void parsesServiceBodies();
    void splitsTheDetail_data();
    void splitsTheDetail();
    void reportsLocatedErrors_data();
    void reportsLocatedErrors();
    void warnsWithoutDetail();
    void serializesTheServiceShape_data();
    void serializesTheServiceShape();
    void roundTrips_data();
    void roundTrips();
    void readsTimeStamps_data();
    void readsTimeStamps();
    void writesTimeStampsInUtc();
};

void Tst_errorbody::parsesServiceBodies_data()
{
    QTest::addColumn<QByteArray>("xml");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("trackingId");
    QTest::addColumn<QString>("timeStamp");

    QTest::newRow("404 installation, protocol.md 3.4")
        << fixture(u"installation-not-found.xml"_s) << 404 << u"Installation not found"_s
        << u"cc8c4f9b-fd82-4cfa-8f99-7a089eb4cd69_G3"_s << u"11/7/2018 12:18:37 AM"_s;
    QTest::newRow("400 invalid tag, doubled dots")
        << fixture(u"invalid-tag.xml"_s) << 400
        << u"An invalid tag(s) '' was supplied. Valid tag characters are alphanumeric, _, @, "
           "-, ., : and #"_s
        << u"5b2f8a3e-3f0e-4b7c-9d58-3c1ab0b1c2d4_G12"_s << u"6/1/2023 3:04:05 PM"_s;
    QTest::newRow("400 X-WNS-Type missing")
        << fixture(u"wns-type-missing.xml"_s) << 400
        << u"The mandatory HTTP header 'X-WNS-Type' is missing"_s
        << u"9e0c1d2b-7a61-4f3e-8c55-2b6d9f0a1e77_G5"_s << u"2/28/2019 11:59:59 PM"_s;
    QTest::newRow("401 ExpiredToken with no text")
        << fixture(u"expired-token.xml"_s) << 401 << u"ExpiredToken:"_s
        << u"0b1d1c58-6b3f-4c55-9c1a-0d3b1f3a2e11_G7"_s << u"3/14/2024 9:05:12 PM"_s;
    QTest::newRow("400 tag size, single dot")
        << fixture(u"tags-too-large.xml"_s) << 400
        << u"Registration Tags serialized size is more than maximum supported value. Actual "
           "Size: '8123' and Max Allowed Size: '8000'"_s
        << u"1a2b3c4d-0000-4000-8000-123456789abc_G0"_s << u"10/10/2020 10:10:10 AM"_s;
    QTest::newRow("prefixed, pretty, Detail first, extra element")
        << fixture(u"pretty-namespaced.xml"_s) << 401
        << u"Manage claim is required for this operation"_s
        << u"77d0e5a1-2c3b-4d4e-9f00-aa11bb22cc33_G1"_s << u"7/4/2021 12:00:01 PM"_s;
    QTest::newRow("no suffix at all")
        << "<Error><Code>500</Code><Detail>Internal Server Error</Detail></Error>"_ba << 500
        << u"Internal Server Error"_s << QString() << QString();
    QTest::newRow("empty Detail") << "<Error><Code>403</Code><Detail/></Error>"_ba << 403
                                  << QString() << QString() << QString();
}

void Tst_errorbody::parsesServiceBodies()
{
    QFETCH(QByteArray, xml);
    QFETCH(int, code);
    QFETCH(QString, text);
    QFETCH(QString, trackingId);
    QFETCH(QString, timeStamp);

    const auto parsed = Nh::parseErrorBody(xml);
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().message));
    QCOMPARE(parsed->code, code);
    QCOMPARE(parsed->text, text);
    QCOMPARE(parsed->trackingId, trackingId);
    QCOMPARE(parsed->timeStamp, timeStamp);
    // Detail is kept as sent (trimmed), so the UI can show exactly what the JS SDK shows.
    QVERIFY2(parsed->detail.startsWith(text), qPrintable(parsed->detail));
    if (!trackingId.isEmpty()) {
        QVERIFY(
            parsed->detail.endsWith(u"TrackingId:"_s + trackingId + u",TimeStamp:"_s + timeStamp));
    }
    QVERIFY(parsed.warnings().isEmpty());
}

void Tst_errorbody::splitsTheDetail_data()
{
    QTest::addColumn<QString>("detail");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("trackingId");
    QTest::addColumn<QString>("timeStamp");

    QTest::newRow("service shape")
        << u"Tags can not start with $..TrackingId:a_G1,TimeStamp:1/2/"
           "2020 1:02:03 PM"_s
        << u"Tags can not start with $"_s << u"a_G1"_s << u"1/2/2020 1:02:03 PM"_s;
    QTest::newRow("TrackingId without TimeStamp")
        << u"Gone.TrackingId:b_G2"_s << u"Gone"_s << u"b_G2"_s << QString();
    QTest::newRow("label quoted earlier in the text")
        << u"Header TrackingId: is bad.TrackingId:c_G3,TimeStamp:5/6/2021 7:08:09 AM"_s
        << u"Header TrackingId: is bad"_s << u"c_G3"_s << u"5/6/2021 7:08:09 AM"_s;
    QTest::newRow("plain text keeps inner dots")
        << u"Use v1.2 or later..."_s << u"Use v1.2 or later"_s << QString() << QString();
    QTest::newRow("empty") << QString() << QString() << QString() << QString();
}

void Tst_errorbody::splitsTheDetail()
{
    QFETCH(QString, detail);
    QFETCH(QString, text);
    QFETCH(QString, trackingId);
    QFETCH(QString, timeStamp);

    const Nh::HubErrorBody body = Nh::errorBodyFromDetail(409, detail);
    QCOMPARE(body.code, 409);
    QCOMPARE(body.detail, detail);
    QCOMPARE(body.text, text);
    QCOMPARE(body.trackingId, trackingId);
    QCOMPARE(body.timeStamp, timeStamp);
}

void Tst_errorbody::reportsLocatedErrors_data()
{
    QTest::addColumn<QByteArray>("xml");
    QTest::addColumn<Nh::ErrorCode>("code");
    QTest::addColumn<qint64>("line");
    QTest::addColumn<qint64>("column");
    QTest::addColumn<QString>("where");
    QTest::addColumn<QStringList>("mentions");

    using Nh::ErrorCode;
    // Columns are where the reader stands: just after the '>' of the tag at fault.
    QTest::newRow("empty body (the 2022 403)")
        << fixture(u"empty.xml"_s) << ErrorCode::Empty << qint64(0) << qint64(0) << QString()
        << QStringList {u"Error"_s, u"empty"_s};
    QTest::newRow("truncated") << fixture(u"truncated.xml"_s) << ErrorCode::Truncated << qint64(1)
                               << qint64(51) << QString()
                               << QStringList {u"ends too early"_s, u"line 1, column 51"_s};
    QTest::newRow("HTML page from a gateway")
        << fixture(u"html-gateway.html"_s) << ErrorCode::UnexpectedRoot << qint64(1) << qint64(6)
        << u"html"_s << QStringList {u"<html>"_s, u"<Error>"_s};
    QTest::newRow("an outcome instead")
        << "<NotificationOutcome xmlns=\"http://schemas.microsoft.com/netservices/2010/10/"
           "servicebus/connect\"><Success>1</Success></NotificationOutcome>"_ba
        << ErrorCode::UnexpectedRoot << qint64(1) << qint64(97) << u"NotificationOutcome"_s
        << QStringList {u"<NotificationOutcome>"_s};
    QTest::newRow("JSON") << "{\"error\":{\"code\":404}}"_ba << ErrorCode::Syntax << qint64(1)
                          << qint64(1) << QString() << QStringList {u"not well-formed"_s};
    QTest::newRow("no Code") << fixture(u"no-code.xml"_s) << ErrorCode::MissingField << qint64(3)
                             << qint64(8) << u"Code"_s
                             << QStringList {u"<Code>"_s, u"line 3, column 8"_s};
    QTest::newRow("Code not a number")
        << "<Error><Code>abc</Code></Error>"_ba << ErrorCode::InvalidValue << qint64(1)
        << qint64(23) << u"Code"_s << QStringList {u"\"abc\""_s, u"column 23"_s};
    QTest::newRow("Code negative")
        << "<Error><Code>-1</Code></Error>"_ba << ErrorCode::InvalidValue << qint64(1) << qint64(22)
        << u"Code"_s << QStringList {u"\"-1\""_s};
    QTest::newRow("Code beyond int")
        << "<Error><Code>4294967296</Code></Error>"_ba << ErrorCode::LimitExceeded << qint64(1)
        << qint64(30) << u"Code"_s << QStringList {u"4294967296"_s};
    QTest::newRow("Code empty") << "<Error><Code></Code></Error>"_ba << ErrorCode::EmptyField
                                << qint64(1) << qint64(20) << u"Code"_s
                                << QStringList {u"<Code> is empty"_s};
    QTest::newRow("Detail twice")
        << "<Error><Code>1</Code><Detail>a</Detail><Detail>b</Detail></Error>"_ba
        << ErrorCode::DuplicateField << qint64(1) << qint64(47) << u"Detail"_s
        << QStringList {u"<Detail>"_s, u"more than once"_s};
    QTest::newRow("placeholders in Code")
        << "<Error><Code>%1</Code></Error>"_ba << ErrorCode::InvalidValue << qint64(1) << qint64(22)
        << u"Code"_s
        << QStringList {u"<Code> is \"%1\", which is not a status code"_s,
                        u"(line 1, column 22)"_s};
    QTest::newRow("nested beyond kMaxDepth")
        << "<Error>"_ba + "<x>"_ba.repeated(Nh::Xml::kMaxDepth) << ErrorCode::LimitExceeded
        << qint64(1) << qint64(7 + 3 * Nh::Xml::kMaxDepth) << u"x"_s
        << QStringList {QString::number(Nh::Xml::kMaxDepth)};
    QTest::newRow("body over kMaxDocumentBytes")
        << "<Error><Detail>"_ba + QByteArray(Nh::Xml::kMaxDocumentBytes, 'a')
            + "</Detail></Error>"_ba
        << ErrorCode::LimitExceeded << qint64(0) << qint64(0) << QString()
        << QStringList {QString::number(Nh::Xml::kMaxDocumentBytes)};
}

void Tst_errorbody::reportsLocatedErrors()
{
    QFETCH(QByteArray, xml);
    QFETCH(Nh::ErrorCode, code);
    QFETCH(qint64, line);
    QFETCH(qint64, column);
    QFETCH(QString, where);
    QFETCH(QStringList, mentions);

    const auto parsed = Nh::parseErrorBody(xml);
    QVERIFY2(!parsed.ok(), "a broken body was accepted");
    const Nh::Error &error = parsed.error();
    QCOMPARE(error.code, code);
    QCOMPARE(error.line, line);
    QCOMPARE(error.column, column);
    QCOMPARE(error.where, where);
    for (const QString &mention : mentions) {
        QVERIFY2(error.message.contains(mention),
                 qPrintable(u"\"%1\" does not mention \"%2\""_s.arg(error.message, mention)));
    }
}

void Tst_errorbody::warnsWithoutDetail()
{
    const auto parsed = Nh::parseErrorBody("<Error><Code>503</Code></Error>"_ba);
    QVERIFY(parsed.ok());
    QCOMPARE(parsed->code, 503);
    QVERIFY(parsed->detail.isEmpty());
    QCOMPARE(parsed.warnings().size(), 1);
    QVERIFY2(parsed.warnings().first().message.contains(u"<Detail>"_s),
             qPrintable(parsed.warnings().first().message));
}

void Tst_errorbody::serializesTheServiceShape_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("trackingId");
    QTest::addColumn<QDateTime>("timeStamp");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("protocol.md 3.4 example, byte for byte")
        << 404 << u"Installation not found"_s << u"cc8c4f9b-fd82-4cfa-8f99-7a089eb4cd69_G3"_s
        << utc(2018, 11, 7, 0, 18, 37)
        << "<Error><Code>404</Code><Detail>Installation not found.TrackingId:cc8c4f9b-fd82-"
           "4cfa-8f99-7a089eb4cd69_G3,TimeStamp:11/7/2018 12:18:37 AM</Detail></Error>"_ba;
    QTest::newRow("text ending in a period gives the doubled dots")
        << 400 << u"Tags can not start with $."_s << u"t_G2"_s << utc(2020, 1, 2, 13, 2, 3)
        << "<Error><Code>400</Code><Detail>Tags can not start with $..TrackingId:t_G2,"
           "TimeStamp:1/2/2020 1:02:03 PM</Detail></Error>"_ba;
    QTest::newRow("no tracking id: no suffix")
        << 401 << u"ExpiredToken: "_s << QString() << utc(2020, 1, 2, 13, 2, 3)
        << "<Error><Code>401</Code><Detail>ExpiredToken: </Detail></Error>"_ba;
    QTest::newRow("no time stamp: TrackingId only")
        << 500 << u"Boom"_s << u"x_G1"_s << QDateTime()
        << "<Error><Code>500</Code><Detail>Boom.TrackingId:x_G1</Detail></Error>"_ba;
    QTest::newRow("markup in the text is escaped")
        << 400 << u"An invalid tag(s) '<a&b>' was supplied"_s << u"e_G9"_s
        << utc(2021, 12, 31, 23, 59, 59)
        << "<Error><Code>400</Code><Detail>An invalid tag(s) '&lt;a&amp;b&gt;' was supplied"
           ".TrackingId:e_G9,TimeStamp:12/31/2021 11:59:59 PM</Detail></Error>"_ba;
}

void Tst_errorbody::serializesTheServiceShape()
{
    QFETCH(int, code);
    QFETCH(QString, text);
    QFETCH(QString, trackingId);
    QFETCH(QDateTime, timeStamp);
    QFETCH(QByteArray, expected);

    QCOMPARE(Nh::errorBodyXml(code, text, trackingId, timeStamp), expected);
}

void Tst_errorbody::roundTrips_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("trackingId");
    QTest::addColumn<QDateTime>("timeStamp");

    QTest::newRow("404") << 404 << u"Registration not found"_s
                         << u"0f8fad5b-d9cb-469f-a165-70867728950e_G4"_s
                         << utc(2026, 3, 9, 12, 0, 0);
    QTest::newRow("midnight, non-ASCII text, line break")
        << 400 << u"Ung\u00fcltiges Tag \u00ab$x\u00bb\nzweite Zeile"_s << u"u_G0"_s
        << utc(2026, 12, 1, 0, 0, 1);
    QTest::newRow("large code") << 2147483647 << u"x"_s << u"m_G1"_s << utc(2000, 2, 29, 23, 1, 2);
}

void Tst_errorbody::roundTrips()
{
    QFETCH(int, code);
    QFETCH(QString, text);
    QFETCH(QString, trackingId);
    QFETCH(QDateTime, timeStamp);

    const auto parsed = Nh::parseErrorBody(Nh::errorBodyXml(code, text, trackingId, timeStamp));
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().message));
    QCOMPARE(parsed->code, code);
    QCOMPARE(parsed->text, text);
    QCOMPARE(parsed->trackingId, trackingId);
    QCOMPARE(Nh::parseErrorTimeStamp(parsed->timeStamp), timeStamp);
}

void Tst_errorbody::readsTimeStamps_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QDateTime>("expected");

    QTest::newRow("12 AM is midnight") << u"11/7/2018 12:18:37 AM"_s << utc(2018, 11, 7, 0, 18, 37);
    QTest::newRow("12 PM is noon") << u"12/31/2019 12:00:00 PM"_s << utc(2019, 12, 31, 12, 0, 0);
    QTest::newRow("1 PM") << u"1/2/2020 1:02:03 PM"_s << utc(2020, 1, 2, 13, 2, 3);
    QTest::newRow("lower case, padded, spaces")
        << u" 03/04/2021 09:05:06 am "_s << utc(2021, 3, 4, 9, 5, 6);
    QTest::newRow("hour 0") << u"1/1/2020 0:00:00 AM"_s << QDateTime();
    QTest::newRow("hour 13") << u"1/1/2020 13:00:00 PM"_s << QDateTime();
    QTest::newRow("month 13") << u"13/1/2020 1:00:00 AM"_s << QDateTime();
    QTest::newRow("February 30") << u"2/30/2020 1:00:00 AM"_s << QDateTime();
    QTest::newRow("ISO instead") << u"2020-01-01T00:00:00Z"_s << QDateTime();
    QTest::newRow("empty") << QString() << QDateTime();
}

void Tst_errorbody::readsTimeStamps()
{
    QFETCH(QString, text);
    QFETCH(QDateTime, expected);

    const QDateTime parsed = Nh::parseErrorTimeStamp(text);
    QCOMPARE(parsed.isValid(), expected.isValid());
    if (expected.isValid()) {
        QCOMPARE(parsed, expected);
        QCOMPARE(parsed.timeSpec(), Qt::UTC);
    }
}

void Tst_errorbody::writesTimeStampsInUtc()
{
    // 15:02:03 at UTC+2 is 1:02:03 PM UTC.
    const QDateTime eastOfUtc(QDate(2020, 1, 2), QTime(15, 2, 3), Qt::OffsetFromUTC, 2 * 3600);
    QCOMPARE(Nh::errorTimeStampText(eastOfUtc), u"1/2/2020 1:02:03 PM"_s);
    QCOMPARE(Nh::errorTimeStampText(utc(2018, 11, 7, 0, 18, 37)), u"11/7/2018 12:18:37 AM"_s);
}

QTEST_GUILESS_MAIN(Tst_errorbody)
#include "tst_errorbody.moc"
