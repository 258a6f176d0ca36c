// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Every response body recorded from the real service, and every hand-written parse fixture that
// other projects keep beside those recordings (../shared/recordings; docs/architecture.md, "Where
// the tests live"), through the parser of core that reads it. One small routing table decides which
// parser a body goes to, from its content (root element, the description inside an Atom
// <content>, the JSON's shape) and the request it answered. Each body then parses, and the test
// compares a few fields with what it reads from the body on its own; or it fails with the located
// error that tests/data/recorded-bodies/expected-failures.json names and explains. A body no row
// routes fails the suite, so a new recording cannot be ignored without saying so.
// recordedcorpus.h reads the folder and a body's text; recordedchecks.h parses and compares.
#include "protocol/notification.h"
#include "recordedchecks.h"
#include "recordedcorpus.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QUrl>
#include <algorithm>
#include <array>
#include <optional>

using namespace Qt::Literals::StringLiterals;
using Recorded::Body;
using Recorded::describe;
using Recorded::Parser;
using Recorded::parserName;

namespace {

/**
 * The routing table. The first row whose `shape` matches the body's shape (Recorded::shapeOf()) and
 * whose `target` matches the request target (empty = any; fixture files have no target) wins.
 */
struct Route
{
    const char *shape;
    const char *target;
    Parser parser;
};

const std::array kRoutes {
    // Registrations of every platform and era: <entry> with a *RegistrationDescription, or the
    // polymorphic <RegistrationDescription i:type="…">.
    Route {R"(^entry/\w*RegistrationDescription$)", "", Parser::RegistrationEntry},
    Route {R"(^feed/\w*RegistrationDescription$)", "", Parser::RegistrationFeed},
    // An empty page of registrations (all, by tag, by channel).
    Route {R"(^feed/$)", R"(^/[^/?]+/(tags/[^/?]+/)?registrations(\?|$))",
           Parser::RegistrationFeed},
    // Hubs (docs/protocol.md §14): one hub, the namespace's list in either form, and the empty
    // feed the service gives for a hub that does not exist (GET /{hub}) or a namespace without
    // any (GET /, GET /$Resources/NotificationHubs).
    Route {R"(^entry/NotificationHubDescription$)", "", Parser::HubDescription},
    Route {R"(^feed/NotificationHubDescription$)", "", Parser::HubList},
    Route {R"(^feed/$)", R"(^/(\$Resources/NotificationHubs/?)?(\?|$))", Parser::HubList},
    Route {R"(^feed/$)", R"(^/[^/?]+(\?|$))", Parser::HubDescription},
    Route {R"(^(entry|feed)/NotificationHubJob$)", "", Parser::SkipJob},
    Route {R"(^Error$)", "", Parser::ErrorBody},
    Route {R"(^NotificationOutcome$)", "", Parser::NotificationOutcome},
    Route {R"(^NotificationDetails$)", "", Parser::NotificationDetails},
    Route {R"(^json:installation$)", R"(^$|/installations/[^/?]+(\?|$))", Parser::Installation},
    Route {R"(^json:patch$)", R"(^$)", Parser::InstallationPatch},
};

const char *skipReason(Parser parser)
{
    if (parser == Parser::SkipJob)
        return "import/export jobs are no feature of nhconsole: core has no parser for them";
    return nullptr;
}

/**
 * The id formats a send's Location ends in (docs/protocol.md §4.9): since 2022
 * `NH-{yyyyMMddHHmmssfff}-{32 hex}-{nn}`, before `{32 hex}-{yyyyMMddHHmmss}-{n}-{n}`; a scheduled
 * send's id has its own form.
 */
const QRegularExpression kNotificationIdForms(
    uR"re(^(NH-\d{17}-[0-9a-f]{32}-\d{2}|[0-9a-f]{32}-\d{14}-\d+-\d+|[0-9a-f]{32}_\d{14}_\d+_\d+_\w+-S\d+)$)re"_s);

/** The requests whose answer's Location the client reads a notification id from: the sends. */
const QRegularExpression
    kSendTargets(uR"re(^/[^/?]+/(messages(/\$batch)?|schedulednotifications)/?(\?|$))re"_s);

/** The parser of the first row of kRoutes that covers the body, if any. */
std::optional<Parser> routeOf(const QString &shape, const QString &target)
{
    for (const Route &route : kRoutes) {
        if (QRegularExpression(QString::fromLatin1(route.shape)).match(shape).hasMatch()
            && QRegularExpression(QString::fromLatin1(route.target)).match(target).hasMatch()) {
            return route.parser;
        }
    }
    return std::nullopt;
}

/** What the expected-failures file says about one body. */
struct ExpectedFailure
{
    QString message; ///< a part of Error::message
    qint64 line = 0;
    qint64 column = 0;
    QString where; ///< Error::where, when the file names it
    QString reason;
};

} // namespace

Q_DECLARE_METATYPE(Parser)

class TestRecordedBodies final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void everyBodyIsRouted();
    void expectedFailuresNameRecordedBodies();
    void onlyTokenServiceAnswersAreLeftOut();
    void parses_data();
    void parses();
    void notificationIdsFromLocation_data();
    void notificationIdsFromLocation();
    void cleanupTestCase();

private:
    bool loadExpectedFailures();

    Recorded::Corpus m_corpus;
    /// The row of kRoutes each body of m_corpus goes to, by index; nullopt when none covers it.
    QList<std::optional<Parser>> m_parsers;
    QMap<QString, ExpectedFailure> m_expected;
    QMap<Parser, int> m_routed;
    int m_unrouted = 0;
    QString m_recordings;
    int m_parsed = 0;
    int m_failedAsExpected = 0;
    int m_tokenServiceBodies = 0;
};

void TestRecordedBodies::initTestCase()
{
    const QString recordings = QString::fromUtf8(NH_SHARED_DIR) + u"/recordings"_s;
    if (!QFileInfo::exists(recordings + u"/pairs.jsonl"_s)) {
        // The convention of tests/support/shared_dir.py: skip locally, fail under CI.
        const QString where = QDir::cleanPath(recordings);
        if (qEnvironmentVariableIsSet("CI")) {
            QFAIL(qPrintable(u"the recordings are missing: %1 does not exist. CI runs beside "
                             "../shared; without it this suite would pass without testing "
                             "anything."_s.arg(where)));
        }
        QSKIP(qPrintable(u"the recordings are not here (%1 does not exist): this clone has no "
                         "../shared beside it."_s.arg(where)));
    }
    m_recordings = recordings;
    QVERIFY(Recorded::load(recordings, m_corpus));
    QVERIFY(loadExpectedFailures());
    QSet<QString> names;
    for (const Body &body : std::as_const(m_corpus.bodies)) {
        QVERIFY2(!names.contains(body.name), qPrintable(u"two bodies named "_s + body.name));
        names.insert(body.name);
    }

    for (const Body &body : std::as_const(m_corpus.bodies)) {
        m_parsers.append(routeOf(body.shape, body.target));
        if (m_parsers.last())
            ++m_routed[*m_parsers.last()];
        else
            ++m_unrouted;
    }
    qInfo("recorded bodies found: %lld (%d with no parser routed to them)",
          static_cast<long long>(m_corpus.bodies.size()), m_unrouted);
    for (auto it = m_routed.cbegin(); it != m_routed.cend(); ++it)
        qInfo("  %-28s %4d", parserName(it.key()), it.value());
    const auto sends =
        std::count_if(m_corpus.locations.cbegin(), m_corpus.locations.cend(),
                      [](const auto &h) { return kSendTargets.match(h.target).hasMatch(); });
    qInfo("Location headers: %lld, %lld of them on sends (their notification ids are checked); "
          "the client reads no id from the others (registration ids, jobs)",
          static_cast<long long>(m_corpus.locations.size()), static_cast<long long>(sends));
}

bool TestRecordedBodies::loadExpectedFailures()
{
    QFile file(QString::fromUtf8(NH_TEST_DATA_DIR) + u"/recorded-bodies/expected-failures.json"_s);
    if (!file.open(QIODevice::ReadOnly)) {
        qWarning("cannot open %s", qPrintable(file.fileName()));
        return false;
    }
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &error);
    if (!doc.isObject()) {
        qWarning("%s: %s", qPrintable(file.fileName()), qPrintable(error.errorString()));
        return false;
    }
    for (const QJsonValue &value : doc.object().value(u"failures").toArray()) {
        const QJsonObject o = value.toObject();
        ExpectedFailure f;
        f.message = o.value(u"message").toString();
        f.line = o.value(u"line").toInteger();
        f.column = o.value(u"column").toInteger();
        f.where = o.value(u"where").toString();
        f.reason = o.value(u"reason").toString();
        const QString body = o.value(u"body").toString();
        if (body.isEmpty() || f.message.isEmpty() || f.line <= 0 || f.reason.trimmed().isEmpty()) {
            qWarning("expected-failures.json: every entry needs body, message, line (the error "
                     "is located) and reason: %s",
                     QJsonDocument(o).toJson(QJsonDocument::Compact).constData());
            return false;
        }
        if (m_expected.contains(body)) {
            qWarning("expected-failures.json names %s twice", qPrintable(body));
            return false;
        }
        m_expected.insert(body, f);
    }
    return true;
}

void TestRecordedBodies::everyBodyIsRouted()
{
    QStringList unrouted;
    for (qsizetype i = 0; i < m_corpus.bodies.size(); ++i) {
        const Body &body = m_corpus.bodies.at(i);
        if (!m_parsers.at(i))
            unrouted << u"%1 (shape '%2', target '%3')"_s.arg(body.name, body.shape, body.target);
    }
    QVERIFY2(unrouted.isEmpty(),
             qPrintable(u"No row of the routing table (kRoutes) covers these bodies; add a row "
                        "that sends them to their parser, or one that skips them with a "
                        "reason:\n  "_s
                        + unrouted.join(u"\n  "_s)));
}

void TestRecordedBodies::expectedFailuresNameRecordedBodies()
{
    QSet<QString> names;
    for (const Body &body : std::as_const(m_corpus.bodies))
        names.insert(body.name);
    QStringList stale;
    for (auto it = m_expected.cbegin(); it != m_expected.cend(); ++it) {
        if (!names.contains(it.key()))
            stale << it.key();
    }
    QVERIFY2(stale.isEmpty(),
             qPrintable(u"expected-failures.json names bodies that are not in the recordings: "_s
                        + stale.join(u", "_s)));
}

// The nock recordings also hold the answers of the old token service (ACS,
// *.accesscontrol.windows.net) that the node SDK asked before each call; pairs.jsonl leaves them
// out, as they are not the hub's, and nhconsole signs with SAS (docs/protocol.md §2). Every other
// answer there is in pairs.jsonl.
void TestRecordedBodies::onlyTokenServiceAnswersAreLeftOut()
{
    const QString name = u"node-legacy-nock/nock-recordings.jsonl"_s;
    if (!m_corpus.pairFiles.contains(name))
        QSKIP("pairs.jsonl holds no nock recordings");
    QFile file(m_recordings + u'/' + name);
    QVERIFY(file.open(QIODevice::ReadOnly));
    qsizetype hubBodies = 0;
    qsizetype tokenBodies = 0;
    QStringList other;
    while (!file.atEnd()) {
        const QJsonObject o = QJsonDocument::fromJson(file.readLine()).object();
        const QString body = o.value(u"responseBody").toString();
        if (body.isEmpty())
            continue;
        const QString host = QUrl(o.value(u"host").toString()).host();
        if (host.endsWith(u".servicebus.windows.net"))
            ++hubBodies;
        else if (host.endsWith(u".accesscontrol.windows.net")
                 && body.startsWith(u"wrap_access_token="))
            ++tokenBodies;
        else
            other << host + o.value(u"path").toString();
    }
    QVERIFY2(other.isEmpty(),
             qPrintable(u"answers of neither the hub nor ACS: "_s + other.join(u", ")));
    const auto inPairs =
        std::count_if(m_corpus.bodies.cbegin(), m_corpus.bodies.cend(),
                      [&name](const Body &b) { return b.name.contains(u' ' + name + u'#'); });
    QCOMPARE(qsizetype(inPairs), hubBodies);
    m_tokenServiceBodies = int(tokenBodies);
}

void TestRecordedBodies::parses_data()
{
    QTest::addColumn<int>("index");
    QTest::addColumn<Parser>("parser");
    for (qsizetype i = 0; i < m_corpus.bodies.size(); ++i) {
        if (const std::optional<Parser> parser = m_parsers.at(i))
            QTest::newRow(qPrintable(m_corpus.bodies.at(i).name)) << int(i) << *parser;
    }
}

void TestRecordedBodies::parses()
{
    QFETCH(int, index);
    QFETCH(Parser, parser);
    const Body &body = m_corpus.bodies.at(index);
    if (const char *reason = skipReason(parser))
        QSKIP(reason);
    const Recorded::Check result = Recorded::check(body, parser);
    for (const QString &w : result.warnings)
        qInfo("warning: %s", qPrintable(w));
    const auto expected = m_expected.constFind(body.name);
    if (expected == m_expected.cend()) {
        QVERIFY2(result.problem.isEmpty(),
                 qPrintable(u"%1 via the %2 parser: %3"_s.arg(
                     body.name, QString::fromLatin1(parserName(parser)), result.problem)));
        ++m_parsed;
        return;
    }
    const std::optional<Nh::Error> &error = result.error;
    QVERIFY2(error.has_value(),
             qPrintable(u"%1 is listed in expected-failures.json (%2) but the %3 parser reads it "
                        "now%4: remove the entry"_s.arg(
                            body.name, expected->reason, QString::fromLatin1(parserName(parser)),
                            result.problem.isEmpty() ? QString() : u" (" + result.problem + u')')));
    QVERIFY2(error->isLocated(), qPrintable(describe(*error)));
    QVERIFY2(error->message.contains(expected->message),
             qPrintable(u"expected a message with '%1', got %2"_s.arg(expected->message,
                                                                      describe(*error))));
    QCOMPARE(error->line, expected->line);
    if (expected->column > 0)
        QCOMPARE(error->column, expected->column);
    if (!expected->where.isEmpty())
        QCOMPARE(error->where, expected->where);
    ++m_failedAsExpected;
}

void TestRecordedBodies::notificationIdsFromLocation_data()
{
    QTest::addColumn<QString>("location");
    for (const Recorded::LocationHeader &header : std::as_const(m_corpus.locations)) {
        if (kSendTargets.match(header.target).hasMatch())
            QTest::newRow(qPrintable(header.name)) << header.value;
    }
}

void TestRecordedBodies::notificationIdsFromLocation()
{
    QFETCH(QString, location);
    const QString id = Nh::notificationIdFromLocation(location);
    static const QRegularExpression lastSegment(uR"re(/([^/?#]+)(?:[?#]|$))re"_s);
    QCOMPARE(id, lastSegment.match(location).captured(1));
    QVERIFY2(kNotificationIdForms.match(id).hasMatch(), qPrintable(id));
}

void TestRecordedBodies::cleanupTestCase()
{
    if (m_corpus.bodies.isEmpty())
        return;
    qInfo("recorded bodies: %lld found, %d parsed, %d failed as expected "
          "(tests/data/recorded-bodies/expected-failures.json); %d went to the hub description "
          "parser, %d to the hub list parser; %d jobs skipped (no parser), %d not routed; left "
          "out: %d token-service "
          "(ACS) answers of the nock recordings, not the hub's",
          static_cast<long long>(m_corpus.bodies.size()), m_parsed, m_failedAsExpected,
          m_routed.value(Parser::HubDescription), m_routed.value(Parser::HubList),
          m_routed.value(Parser::SkipJob), m_unrouted, m_tokenServiceBodies);
}

QTEST_GUILESS_MAIN(TestRecordedBodies)
#include "tst_recordedbodies.moc"
