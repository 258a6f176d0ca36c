// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocol/notificationoutcome.h"
#include "protocol/xmlutil.h"

#include <QFile>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace Nh {
// QCOMPARE prints these on a mismatch.
char *toString(const RegistrationResult &r)
{
    return QTest::toString(u"{%1 | %2 | %3 | %4}"_s.arg(r.applicationPlatform, r.pnsHandle,
                                                        r.registrationId, r.outcome));
}
char *toString(const NotificationOutcome &o)
{
    QString text = u"{success %1, failure %2, %3 results}"_s.arg(o.success).arg(o.failure).arg(
        o.results.size());
    return QTest::toString(text);
}
} // namespace Nh

Q_DECLARE_METATYPE(Nh::NotificationOutcome)
Q_DECLARE_METATYPE(Nh::ErrorCode)
Q_DECLARE_METATYPE(Nh::OutcomeKind)

namespace {

const QString kDataDir = QString::fromUtf8(NH_TEST_DATA_DIR) + u"/outcomes/"_s;
constexpr char kOpen[] = "<NotificationOutcome xmlns=\"http://schemas.microsoft.com/netservices/"
                         "2010/10/servicebus/connect\" xmlns:i=\"http://www.w3.org/2001/"
                         "XMLSchema-instance\">";

QByteArray fixture(const QString &name)
{
    QFile file(kDataDir + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(file.fileName()));
    return file.readAll();
}

Nh::RegistrationResult result(const QString &platform, const QString &handle, const QString &id,
                              const QString &outcome)
{
    return Nh::RegistrationResult {platform, handle, id, outcome};
}

// The two results of docs/protocol.md §5.2, typed in by hand.
Nh::NotificationOutcome twoResults()
{
    return Nh::NotificationOutcome {
        1,
        1,
        {result(u"apple"_s, u"00FC13ADFF785122B4AD28809A3420982341241421348097878E577C991DE8F0"_s,
                u"849523884231660601-248604613279522266-3"_s,
                u"The Push Notification System handle for the registration is invalid"_s),
         result(u"apple"_s, u"7603CF2F5537AADF272DEA23B4FB4D33B56F0F8FE697F57777EC459594910786"_s,
                u"282625459606590828-2679902039720441464-3"_s,
                u"The Notification was successfully sent to the Push Notification System"_s)}};
}

// `count` results whose fields say their own number.
QByteArray manyResults(int count)
{
    QByteArray xml = kOpen + "<Success>0</Success><Failure>0</Failure><Results>"_ba;
    for (int i = 0; i < count; ++i) {
        xml += "<RegistrationResult><ApplicationPlatform>gcm</ApplicationPlatform><PnsHandle>h"_ba
            + QByteArray::number(i) + "</PnsHandle><RegistrationId>r"_ba + QByteArray::number(i)
            + "</RegistrationId><Outcome>o</Outcome></RegistrationResult>"_ba;
    }
    return xml + "</Results></NotificationOutcome>"_ba;
}

// A root with `levels` nested unknown <x> elements, then a valid Success.
QByteArray nested(int levels)
{
    return "<NotificationOutcome>"_ba + "<x>"_ba.repeated(levels) + "</x>"_ba.repeated(levels)
        + "<Success>1</Success><Failure>0</Failure><Results/></NotificationOutcome>"_ba;
}

QByteArray utf16WithBom(const QByteArray &utf8)
{
    const QString text = QString::fromUtf8(utf8);
    QByteArray bytes("\xFF\xFE", 2);
    for (const QChar c : text) {
        bytes.append(char(c.unicode() & 0xFF));
        bytes.append(char(c.unicode() >> 8));
    }
    return bytes;
}

} // namespace

class Tst_notificationoutcome final : public QObject
{
    Q_OBJECT
private slots:
    void parsesValidBodies_data();
    void parsesValidBodies();
    void reportsLocatedErrors_data();
    void reportsLocatedErrors();
    void acceptsUpToTheLimits();
    void warnsWhereTheJsSdkWouldFail_data();
    void warnsWhereTheJsSdkWouldFail();
    void serializesTheServiceShape_data();
    void serializesTheServiceShape();
    void roundTrips_data();
    void roundTrips();
    void classifiesOutcomes_data();
    void classifiesOutcomes();
    void outcomeTextMatchesClassification();
};

void Tst_notificationoutcome::parsesValidBodies_data()
{
    QTest::addColumn<QByteArray>("xml");
    QTest::addColumn<Nh::NotificationOutcome>("expected");

    const Nh::NotificationOutcome none {0, 0, {}};
    QTest::newRow("two results, pretty-printed") << fixture(u"two-results.xml"_s) << twoResults();
    QTest::newRow("no target: Results i:nil") << fixture(u"empty-nil.xml"_s) << none;
    QTest::newRow("no target: Results self-closing, XML declaration")
        << fixture(u"empty-self-closing.xml"_s) << none;
    QTest::newRow("prefixed root and children")
        << fixture(u"prefixed-root.xml"_s)
        << Nh::NotificationOutcome {
               3, 0, {result(u"fcmv1"_s, u"5678"_s, u"5678"_s, QString(Nh::kOutcomeSuccess))}};
    QTest::newRow("any order, unknown and foreign elements, nil handle")
        << fixture(u"any-order-unknown-elements.xml"_s)
        << Nh::NotificationOutcome {0,
                                    1,
                                    {result(u"windows"_s, QString(), u"reg-1"_s,
                                            u"The Notification payload is invalid"_s)}};
    QTest::newRow("UTF-8 BOM") << "\xEF\xBB\xBF"_ba + fixture(u"two-results.xml"_s) << twoResults();
    QTest::newRow("UTF-16LE with BOM")
        << utf16WithBom(fixture(u"two-results.xml"_s)) << twoResults();
    QTest::newRow("no namespace at all")
        << "<NotificationOutcome><Success>2</Success><Failure>5</Failure><Results/>"
           "</NotificationOutcome>"_ba
        << Nh::NotificationOutcome {2, 5, {}};
    QTest::newRow("another default namespace")
        << "<NotificationOutcome xmlns=\"urn:other\"><Failure>5</Failure><Success>2</Success>"
           "</NotificationOutcome>"_ba
        << Nh::NotificationOutcome {2, 5, {}};
    QTest::newRow("largest count, leading plus and zeros, whitespace")
        << "<NotificationOutcome><Success> 9223372036854775807 </Success>"
           "<Failure>+007</Failure></NotificationOutcome>"_ba
        << Nh::NotificationOutcome {Q_INT64_C(9223372036854775807), 7, {}};
    QTest::newRow("entities, CDATA and a numeric CR in text")
        << "<NotificationOutcome><Success>1</Success><Failure>0</Failure><Results>"
           "<RegistrationResult><ApplicationPlatform>windows</ApplicationPlatform>"
           "<PnsHandle>https://wns.example/?a=1&amp;b=2</PnsHandle>"
           "<RegistrationId><![CDATA[<id>]]></RegistrationId>"
           "<Outcome>line&#13;&#10;two</Outcome></RegistrationResult></Results>"
           "</NotificationOutcome>"_ba
        << Nh::NotificationOutcome {1,
                                    0,
                                    {result(u"windows"_s, u"https://wns.example/?a=1&b=2"_s,
                                            u"<id>"_s, u"line\r\ntwo"_s)}};
    QTest::newRow("nested just within kMaxDepth")
        << nested(Nh::Xml::kMaxDepth - 1) << Nh::NotificationOutcome {1, 0, {}};
}

void Tst_notificationoutcome::parsesValidBodies()
{
    QFETCH(QByteArray, xml);
    QFETCH(Nh::NotificationOutcome, expected);

    const auto parsed = Nh::parseNotificationOutcome(xml);
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().message));
    QCOMPARE(parsed->success, expected.success);
    QCOMPARE(parsed->failure, expected.failure);
    QCOMPARE(parsed->results.size(), expected.results.size());
    for (qsizetype i = 0; i < expected.results.size(); ++i)
        QCOMPARE(parsed->results.at(i), expected.results.at(i));
}

void Tst_notificationoutcome::reportsLocatedErrors_data()
{
    QTest::addColumn<QByteArray>("xml");
    QTest::addColumn<Nh::ErrorCode>("code");
    QTest::addColumn<qint64>("line");
    QTest::addColumn<qint64>("column");
    QTest::addColumn<QString>("where");
    QTest::addColumn<QStringList>("mentions");

    using Nh::ErrorCode;
    // Columns are where the reader stands: just after the last character of the token at fault
    // (the '>' of a tag), counted from 1.
    QTest::newRow("empty file") << fixture(u"empty.xml"_s) << ErrorCode::Empty << qint64(0)
                                << qint64(0) << QString() << QStringList {u"empty"_s};
    QTest::newRow("whitespace only") << " \n\t "_ba << ErrorCode::Empty << qint64(0) << qint64(0)
                                     << QString() << QStringList {u"NotificationOutcome"_s};
    QTest::newRow("truncated inside an end tag")
        << fixture(u"truncated.xml"_s) << ErrorCode::Truncated << qint64(1) << qint64(251)
        << QString() << QStringList {u"ends too early"_s, u"line 1, column 251"_s};
    QTest::newRow("garbage bytes")
        << fixture(u"garbage.bin"_s) << ErrorCode::Syntax << qint64(1) << qint64(1) << QString()
        << QStringList {u"not well-formed"_s, u"line 1"_s};
    QTest::newRow("JSON instead of XML")
        << fixture(u"json-body.json"_s) << ErrorCode::Syntax << qint64(1) << qint64(1) << QString()
        << QStringList {u"not well-formed"_s, u"line 1, column 1"_s};
    QTest::newRow("error body instead of an outcome")
        << fixture(u"wrong-root-error.xml"_s) << ErrorCode::UnexpectedRoot << qint64(1) << qint64(7)
        << u"Error"_s
        << QStringList {u"<Error>"_s, u"<NotificationOutcome>"_s, u"line 1, column 7"_s};
    QTest::newRow("Atom feed root, prefix named")
        << "<a:feed xmlns:a=\"http://www.w3.org/2005/Atom\"/>"_ba << ErrorCode::UnexpectedRoot
        << qint64(1) << qint64(47) << u"feed"_s << QStringList {u"<a:feed>"_s};
    QTest::newRow("second result lacks Outcome")
        << fixture(u"missing-outcome.xml"_s) << ErrorCode::MissingField << qint64(15) << qint64(25)
        << u"Results/RegistrationResult[2]/Outcome"_s
        << QStringList {u"Result 2"_s, u"<Outcome>"_s, u"line 15, column 25"_s};
    QTest::newRow("a second root element")
        << fixture(u"extra-content.xml"_s) << ErrorCode::Syntax << qint64(2) << qint64(22)
        << QString() << QStringList {u"Extra content"_s, u"line 2"_s};
    QTest::newRow("negative Success")
        << "<NotificationOutcome><Success>-1</Success><Failure>0</Failure>"
           "</NotificationOutcome>"_ba
        << ErrorCode::InvalidValue << qint64(1) << qint64(42) << u"Success"_s
        << QStringList {u"<Success>"_s, u"\"-1\""_s, u"negative"_s, u"column 42"_s};
    QTest::newRow("fractional Failure")
        << "<NotificationOutcome><Success>1</Success><Failure>1.5</Failure>"
           "</NotificationOutcome>"_ba
        << ErrorCode::InvalidValue << qint64(1) << qint64(63) << u"Failure"_s
        << QStringList {u"<Failure>"_s, u"\"1.5\""_s, u"column 63"_s};
    QTest::newRow("Success one past the largest qint64")
        << "<NotificationOutcome><Success>9223372036854775808</Success>"
           "</NotificationOutcome>"_ba
        << ErrorCode::LimitExceeded << qint64(1) << qint64(59) << u"Success"_s
        << QStringList {u"9223372036854775808"_s, u"larger"_s};
    QTest::newRow("Success is empty")
        << "<NotificationOutcome><Success/></NotificationOutcome>"_ba << ErrorCode::EmptyField
        << qint64(1) << qint64(31) << u"Success"_s << QStringList {u"<Success> is empty"_s};
    QTest::newRow("Success is nil")
        << "<NotificationOutcome xmlns:i=\"http://www.w3.org/2001/XMLSchema-instance\">\n"
           "<Success i:nil=\"true\"/></NotificationOutcome>"_ba
        << ErrorCode::EmptyField << qint64(2) << qint64(23) << u"Success"_s
        << QStringList {u"line 2, column 23"_s};
    QTest::newRow("Success missing")
        << "<NotificationOutcome><Failure>0</Failure><Results/></NotificationOutcome>"_ba
        << ErrorCode::MissingField << qint64(1) << qint64(73) << u"Success"_s
        << QStringList {u"no <Success>"_s, u"column 73"_s};
    QTest::newRow("Success in a foreign namespace only")
        << "<NotificationOutcome xmlns:x=\"urn:x\"><x:Success>1</x:Success>"
           "</NotificationOutcome>"_ba
        << ErrorCode::MissingField << qint64(1) << qint64(83) << u"Success"_s
        << QStringList {u"no <Success>"_s};
    QTest::newRow("Success twice")
        << "<NotificationOutcome><Success>1</Success><Success>2</Success>"
           "</NotificationOutcome>"_ba
        << ErrorCode::DuplicateField << qint64(1) << qint64(50) << u"Success"_s
        << QStringList {u"more than once"_s, u"column 50"_s};
    QTest::newRow("Results twice")
        << "<NotificationOutcome><Success>1</Success><Results/><Results/>"
           "</NotificationOutcome>"_ba
        << ErrorCode::DuplicateField << qint64(1) << qint64(61) << u"Results"_s
        << QStringList {u"<Results>"_s};
    QTest::newRow("Outcome twice in a result")
        << "<NotificationOutcome><Success>1</Success><Results><RegistrationResult>"
           "<Outcome>a</Outcome><Outcome>b</Outcome></RegistrationResult></Results>"
           "</NotificationOutcome>"_ba
        << ErrorCode::DuplicateField << qint64(1) << qint64(99)
        << u"Results/RegistrationResult[1]/Outcome"_s << QStringList {u"Result 1"_s};
    QTest::newRow("element inside a count")
        << "<NotificationOutcome><Success><b/>1</Success></NotificationOutcome>"_ba
        << ErrorCode::Syntax << qint64(1) << qint64(34) << u"Success"_s
        << QStringList {u"<b>"_s, u"<Success>"_s};
    QTest::newRow("mismatched end tag")
        << "<NotificationOutcome><Success>1</Failure></NotificationOutcome>"_ba << ErrorCode::Syntax
        << qint64(1) << qint64(41) << QString()
        << QStringList {u"not well-formed"_s, u"column 41"_s};
    QTest::newRow("nested one level beyond kMaxDepth")
        << nested(Nh::Xml::kMaxDepth) << ErrorCode::LimitExceeded << qint64(1)
        << qint64(21 + 3 * Nh::Xml::kMaxDepth) << u"x"_s
        << QStringList {QString::number(Nh::Xml::kMaxDepth) + u" levels"_s};
    QTest::newRow("deep nesting inside a result field")
        << "<NotificationOutcome><Success>1</Success><Results><RegistrationResult><Outcome>"_ba
            + "<b>"_ba.repeated(100)
        << ErrorCode::Syntax << qint64(1) << qint64(82) << u"Outcome"_s
        << QStringList {u"<b>"_s, u"<Outcome>"_s};
    QTest::newRow("more results than kMaxOutcomeResults")
        << manyResults(int(Nh::kMaxOutcomeResults) + 1) << ErrorCode::LimitExceeded << qint64(1)
        << qint64(0) << u"Results"_s
        << QStringList {u"more than "_s + QString::number(Nh::kMaxOutcomeResults)};
    QTest::newRow("body over kMaxDocumentBytes")
        << QByteArray(Nh::Xml::kMaxDocumentBytes + 1, ' ') + "<NotificationOutcome/>"_ba
        << ErrorCode::LimitExceeded << qint64(0) << qint64(0) << QString()
        << QStringList {QString::number(Nh::Xml::kMaxDocumentBytes)};
    // Text in a value ends up inside the sentence that errorAt() completes with the location.
    QTest::newRow("placeholders in a value")
        << "<NotificationOutcome><Success>%1%2</Success></NotificationOutcome>"_ba
        << ErrorCode::InvalidValue << qint64(1) << qint64(44) << u"Success"_s
        << QStringList {
               u"<Success> is \"%1%2\", which is not a whole number (line 1, column 44)"_s};
    // Qt reports some input that is not XML as a premature end: it is Syntax, at the character.
    QTest::newRow("only control characters")
        << "\x01\x02\x03"_ba << ErrorCode::Syntax << qint64(1) << qint64(1) << QString()
        << QStringList {u"not well-formed"_s, u"U+0001"_s, u"line 1, column 1"_s};
    QTest::newRow("control character right after a tag name")
        << "<NotificationOutcome>\n<Success\x01"_ba << ErrorCode::Syntax << qint64(2) << qint64(9)
        << QString() << QStringList {u"not well-formed"_s, u"U+0001"_s, u"line 2, column 9"_s};
    QTest::newRow("control character in the middle of a value")
        << "<NotificationOutcome><Success>1\x01"
           "2</Success></NotificationOutcome>"_ba
        << ErrorCode::Syntax << qint64(1) << qint64(32) << QString()
        << QStringList {u"not well-formed"_s, u"column 32"_s};
    QTest::newRow("three bytes that are not XML")
        << "abc"_ba << ErrorCode::Syntax << qint64(1) << qint64(1) << QString()
        << QStringList {u"not well-formed"_s, u"does not start with '<'"_s};
    QTest::newRow("three bytes of a start tag")
        << "<No"_ba << ErrorCode::Truncated << qint64(1) << qint64(0) << QString()
        << QStringList {u"ends too early"_s};
    QTest::newRow("entity expansion bomb")
        << "<!DOCTYPE d [<!ENTITY a \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\">"
           "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
           "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">"
           "<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">]>\n"
           "<NotificationOutcome><Success>&d;</Success></NotificationOutcome>"_ba
        << ErrorCode::Syntax << qint64(2) << qint64(0) << QString()
        << QStringList {u"not well-formed"_s, u"line 2"_s};
}

void Tst_notificationoutcome::reportsLocatedErrors()
{
    QFETCH(QByteArray, xml);
    QFETCH(Nh::ErrorCode, code);
    QFETCH(qint64, line);
    QFETCH(qint64, column);
    QFETCH(QString, where);
    QFETCH(QStringList, mentions);

    const auto parsed = Nh::parseNotificationOutcome(xml);
    QVERIFY2(!parsed.ok(), "a broken body was accepted");
    const Nh::Error &error = parsed.error();
    QCOMPARE(error.code, code);
    QCOMPARE(error.line, line);
    // Column 0 in a row means "not pinned": the test checks the line only.
    if (column > 0)
        QCOMPARE(error.column, column);
    QCOMPARE(error.where, where);
    for (const QString &mention : mentions) {
        QVERIFY2(error.message.contains(mention),
                 qPrintable(u"\"%1\" does not mention \"%2\""_s.arg(error.message, mention)));
    }
}

void Tst_notificationoutcome::acceptsUpToTheLimits()
{
    const auto parsed = Nh::parseNotificationOutcome(manyResults(int(Nh::kMaxOutcomeResults)));
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().message));
    QCOMPARE(parsed->results.size(), Nh::kMaxOutcomeResults);
    QCOMPARE(parsed->results.first().pnsHandle, u"h0"_s);
    QCOMPARE(parsed->results.last().registrationId,
             u"r"_s + QString::number(Nh::kMaxOutcomeResults - 1));

    // The refusal comes at the first result beyond the limit, not at the end of the body.
    const auto refused = Nh::parseNotificationOutcome(manyResults(int(Nh::kMaxOutcomeResults) + 1));
    QVERIFY(!refused.ok());
    const QByteArray body = manyResults(int(Nh::kMaxOutcomeResults) + 1);
    qsizetype start = -1;
    for (qsizetype i = 0; i <= Nh::kMaxOutcomeResults; ++i)
        start = body.indexOf("<RegistrationResult>", start + 1);
    QCOMPARE(refused.error().column, start + qsizetype(sizeof("<RegistrationResult>") - 1));
}

void Tst_notificationoutcome::warnsWhereTheJsSdkWouldFail_data()
{
    QTest::addColumn<QByteArray>("xml");
    QTest::addColumn<QStringList>("warnings");

    QTest::newRow("service shape: none") << fixture(u"two-results.xml"_s) << QStringList {};
    QTest::newRow("prefixed root")
        << fixture(u"prefixed-root.xml"_s) << QStringList {u"<a:NotificationOutcome>"_s};
    QTest::newRow("no Failure, no Results")
        << "<NotificationOutcome><Success>1</Success></NotificationOutcome>"_ba
        << QStringList {u"<Failure>"_s, u"<Results>"_s};
}

void Tst_notificationoutcome::warnsWhereTheJsSdkWouldFail()
{
    QFETCH(QByteArray, xml);
    QFETCH(QStringList, warnings);

    const auto parsed = Nh::parseNotificationOutcome(xml);
    QVERIFY(parsed.ok());
    QCOMPARE(parsed.warnings().size(), warnings.size());
    for (qsizetype i = 0; i < warnings.size(); ++i) {
        const QString &message = parsed.warnings().at(i).message;
        QVERIFY2(message.contains(warnings.at(i)) && message.contains(u"JS SDK"_s),
                 qPrintable(message));
    }
}

void Tst_notificationoutcome::serializesTheServiceShape_data()
{
    QTest::addColumn<Nh::NotificationOutcome>("outcome");
    QTest::addColumn<QByteArray>("expected");

    // The no-target body exactly as docs/protocol.md §5.2 quotes it from the service.
    QTest::newRow("no target")
        << Nh::NotificationOutcome {0, 0, {}}
        << "<NotificationOutcome xmlns=\"http://schemas.microsoft.com/netservices/2010/10/"
           "servicebus/connect\" xmlns:i=\"http://www.w3.org/2001/XMLSchema-instance\">"
           "<Success>0</Success><Failure>0</Failure><Results i:nil=\"true\"/>"
           "</NotificationOutcome>"_ba;
    QTest::newRow("one result, DataContract order")
        << Nh::NotificationOutcome {1,
                                    0,
                                    {result(u"apple"_s, u"ABCD"_s, u"123-456-3"_s,
                                            QString(Nh::kOutcomeSuccess))}}
        << kOpen
            + "<Success>1</Success><Failure>0</Failure><Results><RegistrationResult>"
              "<ApplicationPlatform>apple</ApplicationPlatform><PnsHandle>ABCD</PnsHandle>"
              "<RegistrationId>123-456-3</RegistrationId><Outcome>The Notification was "
              "successfully sent to the Push Notification System</Outcome>"
              "</RegistrationResult></Results></NotificationOutcome>"_ba;
    QTest::newRow("empty fields still written, text escaped, bad characters replaced")
        << Nh::NotificationOutcome {0,
                                    1,
                                    {result(QString(), u"a<b>&c]]>"_s, u"x\r\ny"_s,
                                            u"bell\u0007 \u00e9"_s)}}
        << kOpen
            + "<Success>0</Success><Failure>1</Failure><Results><RegistrationResult>"
              "<ApplicationPlatform></ApplicationPlatform>"
              "<PnsHandle>a&lt;b&gt;&amp;c]]&gt;</PnsHandle>"
              "<RegistrationId>x&#13;&#10;y</RegistrationId>"
              "<Outcome>bell\xEF\xBF\xBD \xC3\xA9</Outcome>"
              "</RegistrationResult></Results></NotificationOutcome>"_ba;
}

void Tst_notificationoutcome::serializesTheServiceShape()
{
    QFETCH(Nh::NotificationOutcome, outcome);
    QFETCH(QByteArray, expected);

    QCOMPARE(Nh::notificationOutcomeXml(outcome), expected);
}

void Tst_notificationoutcome::roundTrips_data()
{
    QTest::addColumn<Nh::NotificationOutcome>("outcome");

    QTest::newRow("no target") << Nh::NotificationOutcome {0, 0, {}};
    QTest::newRow("two results") << twoResults();
    QTest::newRow("largest counts") << Nh::NotificationOutcome {
        Q_INT64_C(9223372036854775807), Q_INT64_C(9223372036854775807), {}};
    QTest::newRow("markup, CR LF, tab and non-BMP text") << Nh::NotificationOutcome {
        1,
        0,
        {result(u"windows"_s, u"https://x.notify.windows.com/?token=a&b<c>"_s,
                u"id\r\n\twith \U0001F600"_s, u"\"quoted\" 'text'"_s)}};
    Nh::NotificationOutcome ten {10, 0, {}};
    for (int i = 0; i < 10; ++i) {
        ten.results.append(result(u"fcmv1"_s, u"handle-%1"_s.arg(i), u"reg-%1"_s.arg(i),
                                  QString(Nh::kOutcomeSuccess)));
    }
    QTest::newRow("ten results (the service maximum)") << ten;
}

void Tst_notificationoutcome::roundTrips()
{
    QFETCH(Nh::NotificationOutcome, outcome);

    const QByteArray xml = Nh::notificationOutcomeXml(outcome);
    QVERIFY2(!xml.contains('\n'), "the serializer must write one line");
    const auto parsed = Nh::parseNotificationOutcome(xml);
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().message));
    QVERIFY2(parsed.warnings().isEmpty(), "the serializer's output should satisfy the JS SDK");
    QCOMPARE(parsed.value(), outcome);
}

void Tst_notificationoutcome::classifiesOutcomes_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<Nh::OutcomeKind>("kind");

    using Nh::OutcomeKind;
    QTest::newRow("success")
        << u"The Notification was successfully sent to the Push Notification System"_s
        << OutcomeKind::Success;
    QTest::newRow("success, other case, period, spaces")
        << u"  the notification was successfully sent to the push notification system. "_s
        << OutcomeKind::Success;
    QTest::newRow("invalid handle")
        << u"The Push Notification System handle for the registration is invalid"_s
        << OutcomeKind::InvalidHandle;
    QTest::newRow("expired handle")
        << u"The Push Notification System handle for the registration is no longer valid"_s
        << OutcomeKind::ExpiredHandle;
    QTest::newRow("token wrong") << u"The Token obtained from the Token Provider is wrong"_s
                                 << OutcomeKind::BadCredentials;
    QTest::newRow("token invalid") << u"The Token obtained from the Token Provider is invalid"_s
                                   << OutcomeKind::BadCredentials;
    QTest::newRow("invalid payload")
        << u"The Notification payload is invalid"_s << OutcomeKind::InvalidPayload;
    QTest::newRow("NET unknown") << u"UnknownError"_s << OutcomeKind::Unknown;
    QTest::newRow("empty") << QString() << OutcomeKind::Unknown;
    QTest::newRow("a prefix of a known text")
        << u"The Notification payload"_s << OutcomeKind::Unknown;
}

void Tst_notificationoutcome::classifiesOutcomes()
{
    QFETCH(QString, text);
    QFETCH(Nh::OutcomeKind, kind);

    QCOMPARE(Nh::classifyOutcome(text), kind);
}

void Tst_notificationoutcome::outcomeTextMatchesClassification()
{
    using Nh::OutcomeKind;
    for (const OutcomeKind kind :
         {OutcomeKind::Success, OutcomeKind::InvalidHandle, OutcomeKind::ExpiredHandle,
          OutcomeKind::BadCredentials, OutcomeKind::InvalidPayload}) {
        const QLatin1StringView text = Nh::outcomeText(kind);
        QVERIFY2(!text.isEmpty(), "every known kind has the service's text");
        QCOMPARE(Nh::classifyOutcome(QString(text)), kind);
    }
    QVERIFY(Nh::outcomeText(OutcomeKind::Unknown).isEmpty());
    QCOMPARE(Nh::outcomeText(OutcomeKind::BadCredentials), Nh::kOutcomeWrongToken);
}

QTEST_GUILESS_MAIN(Tst_notificationoutcome)
#include "tst_notificationoutcome.moc"
