// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocol/notificationdetails.h"
#include "protocol/xmlutil.h"

#include <QFile>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace Nh {
// QCOMPARE prints these on a mismatch.
char *toString(const OutcomeCount &c)
{
    return QTest::toString(u"{%1: %2}"_s.arg(c.name).arg(c.count));
}
char *toString(const PlatformOutcomeCounts &p)
{
    QStringList entries;
    for (const OutcomeCount &c : p.outcomes)
        entries.append(u"%1=%2"_s.arg(c.name).arg(c.count));
    return QTest::toString(p.platform + u" ["_s + entries.join(u", "_s) + u']');
}
} // namespace Nh

Q_DECLARE_METATYPE(Nh::NotificationDetails)
Q_DECLARE_METATYPE(Nh::NotificationState)
Q_DECLARE_METATYPE(Nh::ErrorCode)
Q_DECLARE_METATYPE(std::optional<Nh::Platform>)

namespace {

const QString kDataDir = QString::fromUtf8(NH_TEST_DATA_DIR) + u"/details/"_s;
constexpr char kOpen[] = "<NotificationDetails xmlns=\"http://schemas.microsoft.com/netservices/"
                         "2010/10/servicebus/connect\" xmlns:i=\"http://www.w3.org/2001/"
                         "XMLSchema-instance\">";

QByteArray fixture(const QString &name)
{
    QFile file(kDataDir + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(file.fileName()));
    return file.readAll();
}

QDateTime utc(int y, int mo, int d, int h, int mi, int s, int ms = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s, ms), Qt::UTC);
}

// completed-wns.xml (the docs/protocol.md §5.4 example with its placeholders filled in), by hand.
Nh::NotificationDetails completedWns()
{
    Nh::NotificationDetails d;
    d.notificationId = u"5b2c3a1e-8d4f-4e6a-b7c9-0a1b2c3d4e5f"_s;
    d.location = u"sb://contoso.servicebus.windows.net/myhub/messages/"
                 "5b2c3a1e-8d4f-4e6a-b7c9-0a1b2c3d4e5f?api-version=2015-04"_s;
    d.stateText = u"Completed"_s;
    d.state = Nh::NotificationState::Completed;
    d.enqueueTime = utc(2015, 11, 2, 21, 19, 43);
    // .9926996 kept to the millisecond, cut rather than rounded.
    d.startTime = utc(2015, 11, 2, 21, 19, 43, 992);
    d.endTime = utc(2015, 11, 2, 21, 19, 43, 992);
    d.notificationBody = u"<toast><visual><binding template=\"ToastText01\"><text id=\"1\">Hello"
                         "</text></binding></visual></toast>"_s;
    d.targetPlatforms = QStringList {u"windows"_s};
    d.outcomeCounts = {
        Nh::PlatformOutcomeCounts {u"Wns"_s, {{u"Success"_s, 3}, {u"WrongToken"_s, 1}}}};
    d.pnsErrorDetailsUri = u"https://contoso.blob.core.windows.net/pnserrors/5b2c3a1e?"
                           "sv=2015-04-05&sr=b&sp=r"_s;
    return d;
}

Nh::NotificationDetails multiPlatformCancelled()
{
    Nh::NotificationDetails d;
    d.stateText = u"Cancelled"_s;
    d.state = Nh::NotificationState::Canceled;
    d.enqueueTime = utc(2024, 5, 6, 7, 8, 7, 123); // 09:08:07.123+02:00
    d.notificationBody = u"{\"aps\":{\"alert\":\"  spaced  \"}}"_s;
    d.tags = u"sports,news"_s;
    d.targetPlatforms = QStringList {u"apple"_s, u"gcm"_s, u"windows phone"_s, u"apple template"_s};
    d.outcomeCounts = {
        Nh::PlatformOutcomeCounts {u"Apns"_s, {{u"Success"_s, 10}, {u"ExpiredChannel"_s, 2}}},
        Nh::PlatformOutcomeCounts {u"Gcm"_s, {{u"NotFound"_s, 1}}},
        Nh::PlatformOutcomeCounts {u"Foo"_s, {{u"Success"_s, 0}}},
        Nh::PlatformOutcomeCounts {u"FcmV1"_s, {}},
    };
    return d;
}

QByteArray manyEntries(int count)
{
    QByteArray xml = "<NotificationDetails><ApnsOutcomeCounts>"_ba;
    for (int i = 0; i < count; ++i)
        xml += "<Outcome><Name>n</Name><Count>1</Count></Outcome>"_ba;
    return xml + "</ApnsOutcomeCounts></NotificationDetails>"_ba;
}

QByteArray manyPlatforms(int count)
{
    QByteArray xml = "<NotificationDetails>"_ba;
    for (int i = 0; i < count; ++i)
        xml += "<P"_ba + QByteArray::number(i) + "OutcomeCounts/>"_ba;
    return xml + "</NotificationDetails>"_ba;
}

} // namespace

class Tst_notificationdetails final : public QObject
{
    Q_OBJECT
private slots:
    void parsesBodies_data();
    void parsesBodies();
    void readsStates_data();
    void readsStates();
    void namesStates();
    void mapsCountPrefixesToPlatforms_data();
    void mapsCountPrefixesToPlatforms();
    void reportsLocatedErrors_data();
    void reportsLocatedErrors();
    void acceptsUpToTheLimits();
    void serializesTheServiceShape_data();
    void serializesTheServiceShape();
    void roundTrips_data();
    void roundTrips();
};

void Tst_notificationdetails::parsesBodies_data()
{
    QTest::addColumn<QByteArray>("xml");
    QTest::addColumn<Nh::NotificationDetails>("expected");

    Nh::NotificationDetails scheduled;
    scheduled.stateText = u"Scheduled"_s;
    scheduled.state = Nh::NotificationState::Scheduled;
    Nh::NotificationDetails unknownState;
    unknownState.stateText = u"Throttled"_s;
    Nh::NotificationDetails utcFromOffset;
    utcFromOffset.startTime = utc(2020, 1, 1, 5, 30, 0, 50);
    utcFromOffset.endTime = utc(2019, 12, 31, 23, 59, 59);

    QTest::newRow("completed WNS (protocol.md 5.4)")
        << fixture(u"completed-wns.xml"_s) << completedWns();
    QTest::newRow("several platforms, Cancelled, prefixes, any order")
        << fixture(u"multi-platform-cancelled.xml"_s) << multiPlatformCancelled();
    QTest::newRow("scheduled, nil and empty times")
        << fixture(u"scheduled-minimal.xml"_s) << scheduled;
    QTest::newRow("empty document element")
        << "<NotificationDetails/>"_ba << Nh::NotificationDetails {};
    QTest::newRow("unknown state kept as text")
        << "<NotificationDetails><State> Throttled </State></NotificationDetails>"_ba
        << unknownState;
    QTest::newRow("offsets and fractions normalised to UTC milliseconds")
        << "<NotificationDetails><StartTime>2020-01-01T00:00:00.0509999-05:30</StartTime>"
           "<EndTime>2019-12-31T23:59:59</EndTime></NotificationDetails>"_ba
        << utcFromOffset;
}

void Tst_notificationdetails::parsesBodies()
{
    QFETCH(QByteArray, xml);
    QFETCH(Nh::NotificationDetails, expected);

    const auto parsed = Nh::parseNotificationDetails(xml);
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().message));
    const Nh::NotificationDetails &d = parsed.value();
    QCOMPARE(d.notificationId, expected.notificationId);
    QCOMPARE(d.location, expected.location);
    QCOMPARE(d.stateText, expected.stateText);
    QCOMPARE(d.state, expected.state);
    QCOMPARE(d.enqueueTime, expected.enqueueTime);
    QCOMPARE(d.startTime, expected.startTime);
    QCOMPARE(d.endTime, expected.endTime);
    QCOMPARE(d.notificationBody, expected.notificationBody);
    QCOMPARE(d.tags, expected.tags);
    QCOMPARE(d.targetPlatforms, expected.targetPlatforms);
    QCOMPARE(d.outcomeCounts.size(), expected.outcomeCounts.size());
    for (qsizetype i = 0; i < expected.outcomeCounts.size(); ++i)
        QCOMPARE(d.outcomeCounts.at(i), expected.outcomeCounts.at(i));
    QCOMPARE(d.pnsErrorDetailsUri, expected.pnsErrorDetailsUri);
    QVERIFY2(d == expected, "a field the checks above miss differs");
}

void Tst_notificationdetails::readsStates_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<Nh::NotificationState>("state");

    using S = Nh::NotificationState;
    QTest::newRow("Abandoned") << u"Abandoned"_s << S::Abandoned;
    QTest::newRow("Canceled (docs, Java)") << u"Canceled"_s << S::Canceled;
    QTest::newRow("Cancelled (.NET, JS)") << u"Cancelled"_s << S::Canceled;
    QTest::newRow("Completed") << u"Completed"_s << S::Completed;
    QTest::newRow("Enqueued") << u"Enqueued"_s << S::Enqueued;
    QTest::newRow("NoTargetFound") << u"NoTargetFound"_s << S::NoTargetFound;
    QTest::newRow("Processing") << u"Processing"_s << S::Processing;
    QTest::newRow("Scheduled") << u"Scheduled"_s << S::Scheduled;
    QTest::newRow("DetailedStateAvailable")
        << u"DetailedStateAvailable"_s << S::DetailedStateAvailable;
    QTest::newRow("Unknown") << u"Unknown"_s << S::Unknown;
    QTest::newRow("other case and spaces") << u" completed "_s << S::Completed;
    QTest::newRow("not a state") << u"Delivered"_s << S::Unknown;
    QTest::newRow("empty") << QString() << S::Unknown;
}

void Tst_notificationdetails::readsStates()
{
    QFETCH(QString, name);
    QFETCH(Nh::NotificationState, state);

    QCOMPARE(Nh::notificationStateFromName(name), state);
}

void Tst_notificationdetails::namesStates()
{
    using S = Nh::NotificationState;
    QCOMPARE(Nh::notificationStateName(S::Canceled), u"Canceled"_s);
    QCOMPARE(Nh::notificationStateName(S::NoTargetFound), u"NoTargetFound"_s);
    QCOMPARE(Nh::notificationStateName(S::Unknown), u"Unknown"_s);
    for (const S state : {S::Unknown, S::Enqueued, S::Processing, S::Completed, S::Abandoned,
                          S::NoTargetFound, S::Canceled, S::Scheduled, S::DetailedStateAvailable}) {
        QCOMPARE(Nh::notificationStateFromName(Nh::notificationStateName(state)), state);
    }
}

void Tst_notificationdetails::mapsCountPrefixesToPlatforms_data()
{
    QTest::addColumn<QString>("prefix");
    QTest::addColumn<std::optional<Nh::Platform>>("platform");

    using P = Nh::Platform;
    QTest::newRow("Apns") << u"Apns"_s << std::optional(P::Apple);
    QTest::newRow("Mpns") << u"Mpns"_s << std::optional(P::WindowsPhone);
    QTest::newRow("Wns") << u"Wns"_s << std::optional(P::Windows);
    QTest::newRow("Gcm") << u"Gcm"_s << std::optional(P::Gcm);
    QTest::newRow("FcmV1") << u"FcmV1"_s << std::optional(P::FcmV1);
    QTest::newRow("Adm") << u"Adm"_s << std::optional(P::Adm);
    QTest::newRow("Baidu") << u"Baidu"_s << std::optional(P::Baidu);
    QTest::newRow("Browser") << u"Browser"_s << std::optional(P::Browser);
    QTest::newRow("Xiaomi") << u"Xiaomi"_s << std::optional(P::Xiaomi);
    QTest::newRow("case-insensitive") << u"fcmv1"_s << std::optional(P::FcmV1);
    QTest::newRow("unknown") << u"Foo"_s << std::optional<P>();
    QTest::newRow("not the format name") << u"Apple"_s << std::optional<P>();
}

void Tst_notificationdetails::mapsCountPrefixesToPlatforms()
{
    QFETCH(QString, prefix);
    QFETCH(std::optional<Nh::Platform>, platform);

    QCOMPARE(Nh::platformForOutcomeCounts(prefix), platform);
    if (platform)
        QCOMPARE(Nh::outcomeCountsPrefix(*platform).toLower(), prefix.toLower());
}

void Tst_notificationdetails::reportsLocatedErrors_data()
{
    QTest::addColumn<QByteArray>("xml");
    QTest::addColumn<Nh::ErrorCode>("code");
    QTest::addColumn<qint64>("line");
    QTest::addColumn<qint64>("column");
    QTest::addColumn<QString>("where");
    QTest::addColumn<QStringList>("mentions");

    using Nh::ErrorCode;
    // Columns are where the reader stands: just after the '>' of the tag at fault.
    QTest::newRow("empty") << fixture(u"empty.xml"_s) << ErrorCode::Empty << qint64(0) << qint64(0)
                           << QString() << QStringList {u"NotificationDetails"_s};
    QTest::newRow("truncated") << fixture(u"truncated.xml"_s) << ErrorCode::Truncated << qint64(1)
                               << qint64(153) << QString()
                               << QStringList {u"ends too early"_s, u"line 1, column 153"_s};
    QTest::newRow("garbage") << "\x89PNG\r\n\x1a\n"_ba << ErrorCode::Syntax << qint64(1)
                             << qint64(1) << QString() << QStringList {u"not well-formed"_s};
    QTest::newRow("an outcome instead")
        << "<NotificationOutcome/>"_ba << ErrorCode::UnexpectedRoot << qint64(1) << qint64(22)
        << u"NotificationOutcome"_s << QStringList {u"<NotificationDetails>"_s};
    QTest::newRow("time that is not a time")
        << fixture(u"bad-time.xml"_s) << ErrorCode::InvalidValue << qint64(3) << qint64(38)
        << u"EndTime"_s
        << QStringList {u"<EndTime>"_s, u"\"yesterday at noon\""_s, u"line 3, column 38"_s};
    QTest::newRow("second 60")
        << "<NotificationDetails><StartTime>2020-01-01T00:00:60Z</StartTime>"_ba
        << ErrorCode::InvalidValue << qint64(1) << qint64(64) << u"StartTime"_s
        << QStringList {u"<StartTime>"_s};
    QTest::newRow("offset beyond 14 hours")
        << "<NotificationDetails><StartTime>2020-01-01T00:00:00+15:00</StartTime>"_ba
        << ErrorCode::InvalidValue << qint64(1) << qint64(69) << u"StartTime"_s
        << QStringList {u"+15:00"_s};
    QTest::newRow("outcome without Count")
        << fixture(u"missing-count.xml"_s) << ErrorCode::MissingField << qint64(4) << qint64(46)
        << u"ApnsOutcomeCounts/Outcome[2]/Count"_s
        << QStringList {u"Outcome 2"_s, u"<ApnsOutcomeCounts>"_s, u"<Count>"_s,
                        u"line 4, column 46"_s};
    QTest::newRow("negative count")
        << "<NotificationDetails><WnsOutcomeCounts><Outcome><Name>a</Name><Count>-3</Count>"
           "</Outcome></WnsOutcomeCounts></NotificationDetails>"_ba
        << ErrorCode::InvalidValue << qint64(1) << qint64(79)
        << u"WnsOutcomeCounts/Outcome[1]/Count"_s
        << QStringList {u"<Count> of outcome 1 in <WnsOutcomeCounts>"_s, u"negative"_s};
    QTest::newRow("State twice")
        << "<NotificationDetails><State>a</State><State>b</State></NotificationDetails>"_ba
        << ErrorCode::DuplicateField << qint64(1) << qint64(44) << u"State"_s
        << QStringList {u"<State>"_s};
    QTest::newRow("platform block twice")
        << "<NotificationDetails><WnsOutcomeCounts/><WnsOutcomeCounts/></NotificationDetails>"_ba
        << ErrorCode::DuplicateField << qint64(1) << qint64(59) << u"WnsOutcomeCounts"_s
        << QStringList {u"<WnsOutcomeCounts>"_s};
    QTest::newRow("more platform blocks than the limit")
        << manyPlatforms(int(Nh::kMaxOutcomeCountPlatforms) + 1) << ErrorCode::LimitExceeded
        << qint64(1) << qint64(0) << u"P%1OutcomeCounts"_s.arg(Nh::kMaxOutcomeCountPlatforms)
        << QStringList {QString::number(Nh::kMaxOutcomeCountPlatforms)};
    QTest::newRow("more outcome entries than the limit")
        << manyEntries(int(Nh::kMaxOutcomeCountEntries) + 1) << ErrorCode::LimitExceeded
        << qint64(1) << qint64(0) << u"ApnsOutcomeCounts"_s
        << QStringList {QString::number(Nh::kMaxOutcomeCountEntries)};
    QTest::newRow("placeholders in a time")
        << "<NotificationDetails><StartTime>%1 %2</StartTime></NotificationDetails>"_ba
        << ErrorCode::InvalidValue << qint64(1) << qint64(49) << u"StartTime"_s
        << QStringList {u"<StartTime> is \"%1 %2\""_s, u"(line 1, column 49)"_s};
    QTest::newRow("nested beyond kMaxDepth")
        << "<NotificationDetails>"_ba + "<x>"_ba.repeated(Nh::Xml::kMaxDepth)
        << ErrorCode::LimitExceeded << qint64(1) << qint64(21 + 3 * Nh::Xml::kMaxDepth) << u"x"_s
        << QStringList {QString::number(Nh::Xml::kMaxDepth)};
    QTest::newRow("body over kMaxDocumentBytes")
        << "<NotificationDetails><NotificationBody>"_ba
            + QByteArray(Nh::Xml::kMaxDocumentBytes, 'a')
            + "</NotificationBody></NotificationDetails>"_ba
        << ErrorCode::LimitExceeded << qint64(0) << qint64(0) << QString()
        << QStringList {QString::number(Nh::Xml::kMaxDocumentBytes)};
}

void Tst_notificationdetails::reportsLocatedErrors()
{
    QFETCH(QByteArray, xml);
    QFETCH(Nh::ErrorCode, code);
    QFETCH(qint64, line);
    QFETCH(qint64, column);
    QFETCH(QString, where);
    QFETCH(QStringList, mentions);

    const auto parsed = Nh::parseNotificationDetails(xml);
    QVERIFY2(!parsed.ok(), "a broken body was accepted");
    const Nh::Error &error = parsed.error();
    QCOMPARE(error.code, code);
    QCOMPARE(error.line, line);
    // Column 0 in a row means "not pinned" (long generated lines): the line is checked.
    if (column > 0)
        QCOMPARE(error.column, column);
    QCOMPARE(error.where, where);
    for (const QString &mention : mentions) {
        QVERIFY2(error.message.contains(mention),
                 qPrintable(u"\"%1\" does not mention \"%2\""_s.arg(error.message, mention)));
    }
}

void Tst_notificationdetails::acceptsUpToTheLimits()
{
    const auto entries =
        Nh::parseNotificationDetails(manyEntries(int(Nh::kMaxOutcomeCountEntries)));
    QVERIFY2(entries.ok(), qPrintable(entries.ok() ? QString() : entries.error().message));
    QCOMPARE(entries->outcomeCounts.size(), 1);
    QCOMPARE(entries->outcomeCounts.first().outcomes.size(), Nh::kMaxOutcomeCountEntries);

    const auto platforms =
        Nh::parseNotificationDetails(manyPlatforms(int(Nh::kMaxOutcomeCountPlatforms)));
    QVERIFY2(platforms.ok(), qPrintable(platforms.ok() ? QString() : platforms.error().message));
    QCOMPARE(platforms->outcomeCounts.size(), Nh::kMaxOutcomeCountPlatforms);
    QCOMPARE(platforms->outcomeCounts.last().platform,
             u"P%1"_s.arg(Nh::kMaxOutcomeCountPlatforms - 1));
}

void Tst_notificationdetails::serializesTheServiceShape_data()
{
    QTest::addColumn<Nh::NotificationDetails>("details");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("completed WNS, one line, .NET order") << completedWns()
                                                         << kOpen
            + "<NotificationId>5b2c3a1e-8d4f-4e6a-b7c9-0a1b2c3d4e5f</NotificationId>"
              "<Location>sb://contoso.servicebus.windows.net/myhub/messages/"
              "5b2c3a1e-8d4f-4e6a-b7c9-0a1b2c3d4e5f?api-version=2015-04</Location>"
              "<State>Completed</State>"
              "<EnqueueTime>2015-11-02T21:19:43Z</EnqueueTime>"
              "<StartTime>2015-11-02T21:19:43.9920000Z</StartTime>"
              "<EndTime>2015-11-02T21:19:43.9920000Z</EndTime>"
              "<NotificationBody>&lt;toast&gt;&lt;visual&gt;&lt;binding template=\""
              "ToastText01\"&gt;&lt;text id=\"1\"&gt;Hello&lt;/text&gt;&lt;/binding&gt;"
              "&lt;/visual&gt;&lt;/toast&gt;</NotificationBody>"
              "<TargetPlatforms>windows</TargetPlatforms>"
              "<WnsOutcomeCounts><Outcome><Name>Success</Name><Count>3</Count></Outcome>"
              "<Outcome><Name>WrongToken</Name><Count>1</Count></Outcome>"
              "</WnsOutcomeCounts>"
              "<PnsErrorDetailsUri>https://contoso.blob.core.windows.net/pnserrors/"
              "5b2c3a1e?sv=2015-04-05&amp;sr=b&amp;sp=r</PnsErrorDetailsUri>"
              "</NotificationDetails>"_ba;

    Nh::NotificationDetails sparse;
    sparse.state = Nh::NotificationState::Canceled;
    sparse.startTime = QDateTime(QDate(2024, 5, 6), QTime(9, 8, 7, 5), Qt::OffsetFromUTC, 7200);
    sparse.targetPlatforms = QStringList {u"apple"_s, u"windows phone"_s};
    sparse.notificationBody = u"{\r\n  \"a\": 1\r\n}"_s;
    sparse.outcomeCounts = {Nh::PlatformOutcomeCounts {u"Apns"_s, {}},
                            Nh::PlatformOutcomeCounts {u"not a name"_s, {{u"x"_s, 1}}}};
    QTest::newRow("State from the enum, UTC, CR LF kept, bad block name left out") << sparse
                                                                                   << kOpen
            + "<State>Canceled</State><StartTime>2024-05-06T07:08:07.0050000Z</StartTime>"
              "<NotificationBody>{&#13;&#10;  \"a\": 1&#13;&#10;}</NotificationBody>"
              "<TargetPlatforms>apple,windows phone</TargetPlatforms>"
              "<ApnsOutcomeCounts></ApnsOutcomeCounts></NotificationDetails>"_ba;
}

void Tst_notificationdetails::serializesTheServiceShape()
{
    QFETCH(Nh::NotificationDetails, details);
    QFETCH(QByteArray, expected);

    QCOMPARE(Nh::notificationDetailsXml(details), expected);
}

void Tst_notificationdetails::roundTrips_data()
{
    QTest::addColumn<Nh::NotificationDetails>("details");

    QTest::newRow("completed WNS") << completedWns();
    QTest::newRow("several platforms") << multiPlatformCancelled();
    Nh::NotificationDetails body;
    body.stateText = u"Enqueued"_s;
    body.state = Nh::NotificationState::Enqueued;
    body.notificationBody = u"  <x a='1'>&amp; \t\r\n\U0001F600 ]]> </x>  "_s;
    body.outcomeCounts = {Nh::PlatformOutcomeCounts {
        u"Xiaomi"_s, {{u"PnsUnreachable"_s, Q_INT64_C(9223372036854775807)}}}};
    QTest::newRow("body whitespace and markup, largest count") << body;
}

void Tst_notificationdetails::roundTrips()
{
    QFETCH(Nh::NotificationDetails, details);

    const QByteArray xml = Nh::notificationDetailsXml(details);
    QVERIFY2(!xml.contains('\n'), "the serializer must write one line");
    const auto parsed = Nh::parseNotificationDetails(xml);
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().message));
    QVERIFY2(parsed.value() == details, xml.constData());
}

QTEST_GUILESS_MAIN(Tst_notificationdetails)
#include "tst_notificationdetails.moc"
