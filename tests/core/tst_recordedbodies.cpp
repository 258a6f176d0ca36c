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
#include "protocol/errorbody.h"
#include "protocol/installation.h"
#include "protocol/notification.h"
#include "protocol/notificationdetails.h"
#include "protocol/notificationoutcome.h"
#include "protocol/registrationfeed.h"

#include <QDir>
#include <QDirIterator>
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

namespace {

/** The parsers of core a body can go to, and the two kinds of body that wait for one. */
enum class Parser {
    RegistrationEntry,
    RegistrationFeed,
    Installation,
    InstallationPatch,
    ErrorBody,
    NotificationOutcome,
    NotificationDetails,
    SkipHubDescription,
    SkipJob,
};

const char *parserName(Parser parser)
{
    switch (parser) {
    case Parser::RegistrationEntry:
        return "registration entry";
    case Parser::RegistrationFeed:
        return "registration feed";
    case Parser::Installation:
        return "installation";
    case Parser::InstallationPatch:
        return "installation patch";
    case Parser::ErrorBody:
        return "error body";
    case Parser::NotificationOutcome:
        return "notification outcome";
    case Parser::NotificationDetails:
        return "notification details";
    case Parser::SkipHubDescription:
        return "hub description (skipped)";
    case Parser::SkipJob:
        return "import/export job (skipped)";
    }
    return "?";
}

/**
 * The routing table. The first row whose `shape` matches the body's shape (see shapeOf()) and
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
    // Hubs: one hub, the namespace's list, and the empty feed the service gave for a hub or
    // a namespace without any (GET /{hub}, GET /, GET /$Resources/NotificationHubs).
    Route {R"(^(entry|feed)/NotificationHubDescription$)", "", Parser::SkipHubDescription},
    Route {R"(^feed/$)", R"(^/(\$Resources/NotificationHubs/?|[^/?]*)(\?|$))",
           Parser::SkipHubDescription},
    Route {R"(^(entry|feed)/NotificationHubJob$)", "", Parser::SkipJob},
    Route {R"(^Error$)", "", Parser::ErrorBody},
    Route {R"(^NotificationOutcome$)", "", Parser::NotificationOutcome},
    Route {R"(^NotificationDetails$)", "", Parser::NotificationDetails},
    Route {R"(^json:installation$)", R"(^$|/installations/[^/?]+(\?|$))", Parser::Installation},
    Route {R"(^json:patch$)", R"(^$)", Parser::InstallationPatch},
};

const char *skipReason(Parser parser)
{
    if (parser == Parser::SkipHubDescription)
        return "hub descriptions wait for the hub-configuration issue, which adds their parser";
    if (parser == Parser::SkipJob)
        return "import/export jobs are no feature of nhconsole: core has no parser for them";
    return nullptr;
}

/** One response body: a recorded exchange's or a fixture file's. */
struct Body
{
    /// "pairs.jsonl:<line> <file> #<seq>" for an exchange, the relative path for a fixture file.
    QString name;
    QString target; ///< the request target; empty for a fixture file
    int status = 0;
    QByteArray continuationHeader; ///< x-ms-continuationtoken, if the answer had one
    QByteArray bytes;
    QString shape;
    std::optional<Parser> parser; ///< from the routing table; nullopt when no row covers it
};

/** "Error", "entry/AppleRegistrationDescription", "feed/" (a feed without entries),
 *  "json:installation", "json:patch", or something no row routes. Read with regular
 *  expressions, so a body that is not well-formed XML still gets its shape. */
QString shapeOf(const QByteArray &bytes)
{
    QByteArray text = bytes.trimmed();
    if (text.startsWith("\xEF\xBB\xBF"))
        text = text.sliced(3).trimmed();
    if (text.startsWith('{') || text.startsWith('[')) {
        // QJsonDocument is strict; a body it refuses keeps a shape by its first key.
        const QJsonDocument doc = QJsonDocument::fromJson(text);
        if (doc.isArray() && !doc.array().isEmpty()
            && doc.array().first().toObject().contains(u"op"))
            return u"json:patch"_s;
        if (doc.isObject() && doc.object().contains(u"installationId"))
            return u"json:installation"_s;
        if (doc.isNull() && text.contains("\"installationId\""))
            return u"json:installation"_s;
        return u"json:other"_s;
    }
    const QString xml = QString::fromUtf8(text);
    static const QRegularExpression root(uR"re(<(?![?!])(?:[\w.-]+:)?([\w.-]+))re"_s);
    const auto rootMatch = root.match(xml);
    if (!rootMatch.hasMatch())
        return u"text"_s;
    const QString rootName = rootMatch.captured(1);
    if (rootName != u"entry" && rootName != u"feed")
        return rootName;
    static const QRegularExpression inner(uR"re(<content\b[^>]*>\s*<(?:[\w.-]+:)?([\w.-]+))re"_s);
    return rootName + u'/' + inner.match(xml).captured(1);
}

/** The text of every `<name>…</name>` (any prefix; `<name/>` has none), entities resolved, in
 *  document order. */
QStringList elementTexts(const QByteArray &bytes, const QString &name)
{
    const QRegularExpression re(uR"re(<(?:[\w.-]+:)?%1(?:\s[^>]*)?(?<!/)>([^<]*)</)re"_s.arg(name));
    QStringList out;
    const QString text = QString::fromUtf8(bytes);
    for (auto it = re.globalMatch(text); it.hasNext();) {
        QString value = it.next().captured(1);
        value.replace(u"&lt;"_s, u"<"_s)
            .replace(u"&gt;"_s, u">"_s)
            .replace(u"&quot;"_s, u"\""_s)
            .replace(u"&apos;"_s, u"'"_s)
            .replace(u"&amp;"_s, u"&"_s);
        out.append(value);
    }
    return out;
}

qsizetype countStartTags(const QByteArray &bytes, const QString &name)
{
    const QRegularExpression re(uR"re(<(?:[\w.-]+:)?%1[\s/>])re"_s.arg(name));
    qsizetype n = 0;
    for (auto it = re.globalMatch(QString::fromUtf8(bytes)); it.hasNext(); it.next())
        ++n;
    return n;
}

/** A `Location` header of a recorded answer. */
struct LocationHeader
{
    QString name; ///< as Body::name
    QString target;
    QString value;
};

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

QString shown(const QString &value)
{
    return value;
}
QString shown(const QByteArray &value)
{
    return QString::fromUtf8(value);
}
QString shown(const QStringList &value)
{
    return value.join(u'|');
}
QString shown(bool value)
{
    return value ? u"yes"_s : u"no"_s;
}
QString shown(qint64 value)
{
    return QString::number(value);
}
QString shown(std::optional<Nh::Platform> value)
{
    return value ? Nh::installationPlatformName(*value) : u"(none)"_s;
}

/** Collects the fields where a parsed value and what the test read from the body differ. */
struct Mismatches
{
    QStringList list;

    template<typename A, typename B>
    void expect(const QString &what, const A &parsed, const B &read)
    {
        if (!(parsed == read))
            list << u"%1: parsed '%2', the body says '%3'"_s.arg(what, shown(parsed), shown(read));
    }
};

/** Compares a parsed registration with the text of its entry (or description). */
void compareRegistration(Mismatches &m, const QString &prefix, const Nh::Registration &reg,
                         const QByteArray &entry)
{
    const QString text = QString::fromUtf8(entry);
    m.expect(prefix + u"RegistrationId"_s, reg.registrationId,
             elementTexts(entry, u"RegistrationId"_s).value(0).trimmed());
    static const QRegularExpression typed(uR"re(i:type="(?:\w+:)?(\w+)")re"_s);
    static const QRegularExpression element(uR"re(<content\b[^>]*>\s*<(?:\w+:)?(\w+))re"_s);
    const auto t = typed.match(text);
    m.expect(prefix + u"kind"_s, reg.kindName(),
             t.hasMatch() ? t.captured(1) : element.match(text).captured(1));
    // <ETag>, else the entry's etag attribute W/"n".
    static const QRegularExpression etagAttribute(uR"re(\betag="W/&quot;(\d+)&quot;")re"_s);
    const QStringList etags = elementTexts(entry, u"ETag"_s);
    const QString etag =
        !etags.isEmpty() ? etags.first().trimmed() : etagAttribute.match(text).captured(1);
    m.expect(prefix + u"ETag"_s, reg.etag, etag.isEmpty() ? 0 : etag.toLongLong());
    QStringList tags;
    for (const QString &tag : elementTexts(entry, u"Tags"_s).value(0).split(u','))
        if (!tag.trimmed().isEmpty())
            tags << tag.trimmed();
    m.expect(prefix + u"Tags"_s, reg.tags, tags);
    m.expect(prefix + reg.handleElementName(), reg.handle,
             elementTexts(entry, reg.handleElementName()).value(0).trimmed());
    // The date and time to the second; the parser keeps milliseconds, the service writes 7 digits.
    const QString expiration = elementTexts(entry, u"ExpirationTime"_s).value(0).trimmed();
    if (!expiration.isEmpty()) {
        m.expect(prefix + u"ExpirationTime"_s,
                 reg.expirationTime.toUTC().toString(u"yyyy-MM-ddTHH:mm:ss"_s),
                 expiration.left(19));
    }
    if (reg.isTemplate) {
        // BodyTemplate is CDATA or escaped text.
        static const QRegularExpression cdata(
            uR"re(<(?:\w+:)?BodyTemplate>\s*<!\[CDATA\[(.*?)\]\]>\s*</)re"_s,
            QRegularExpression::DotMatchesEverythingOption);
        const auto c = cdata.match(text);
        m.expect(prefix + u"BodyTemplate"_s, reg.bodyTemplate,
                 c.hasMatch() ? c.captured(1) : elementTexts(entry, u"BodyTemplate"_s).value(0));
        m.expect(prefix + u"TemplateName"_s, reg.templateName,
                 elementTexts(entry, u"TemplateName"_s).value(0));
    }
}

/** The text of each <entry> of a feed, in order. */
QList<QByteArray> entryTexts(const QByteArray &feed)
{
    static const QRegularExpression start(uR"re(<(?:[\w.-]+:)?entry[\s/>])re"_s);
    const QString text = QString::fromUtf8(feed);
    QList<qsizetype> starts;
    for (auto it = start.globalMatch(text); it.hasNext();)
        starts << it.next().capturedStart();
    QList<QByteArray> out;
    for (qsizetype i = 0; i < starts.size(); ++i) {
        const qsizetype end = i + 1 < starts.size() ? starts.at(i + 1) : text.size();
        out << text.mid(starts.at(i), end - starts.at(i)).toUtf8();
    }
    return out;
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

QString describe(const Nh::Error &e)
{
    return u"%1 (line %2, column %3, offset %4, where '%5')"_s.arg(e.message)
        .arg(e.line)
        .arg(e.column)
        .arg(e.offset)
        .arg(e.where);
}

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
    bool loadPairs(const QString &recordings);
    bool loadFixtureFiles(const QString &recordings);
    bool loadExpectedFailures();
    /** Parses `body` with `parser`: an empty string when it parsed and its fields agree with the
     *  body, else what went wrong; `error` receives the parser's error, if any. */
    QString check(const Body &body, Parser parser, std::optional<Nh::Error> *error);

    QList<Body> m_bodies;
    QList<LocationHeader> m_locations;
    /// Files under recordings/ whose exchanges pairs.jsonl holds.
    QSet<QString> m_pairFiles;
    QMap<QString, ExpectedFailure> m_expected;
    QMap<Parser, int> m_routed;
    /// The warnings of the last check().
    QStringList m_warnings;
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
    QVERIFY(loadPairs(recordings));
    QVERIFY(loadFixtureFiles(recordings));
    QVERIFY(loadExpectedFailures());
    QSet<QString> names;
    for (const Body &body : std::as_const(m_bodies)) {
        QVERIFY2(!names.contains(body.name), qPrintable(u"two bodies named "_s + body.name));
        names.insert(body.name);
    }

    for (Body &body : m_bodies) {
        body.parser = routeOf(body.shape, body.target);
        if (body.parser)
            ++m_routed[*body.parser];
        else
            ++m_unrouted;
    }
    qInfo("recorded bodies found: %lld (%d with no parser routed to them)",
          static_cast<long long>(m_bodies.size()), m_unrouted);
    for (auto it = m_routed.cbegin(); it != m_routed.cend(); ++it)
        qInfo("  %-28s %4d", parserName(it.key()), it.value());
    const auto sends = std::count_if(m_locations.cbegin(), m_locations.cend(), [](const auto &h) {
        return kSendTargets.match(h.target).hasMatch();
    });
    qInfo("Location headers: %lld, %lld of them on sends (their notification ids are checked); "
          "the client reads no id from the others (registration ids, jobs)",
          static_cast<long long>(m_locations.size()), static_cast<long long>(sends));
}

bool TestRecordedBodies::loadPairs(const QString &recordings)
{
    QFile file(recordings + u"/pairs.jsonl"_s);
    if (!file.open(QIODevice::ReadOnly)) {
        qWarning("cannot open %s", qPrintable(file.fileName()));
        return false;
    }
    int lineNumber = 0;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine().trimmed();
        ++lineNumber;
        if (line.isEmpty())
            continue;
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
        if (!doc.isObject()) {
            qWarning("pairs.jsonl line %d: %s", lineNumber, qPrintable(error.errorString()));
            return false;
        }
        const QJsonObject pair = doc.object();
        const QString fileName = pair.value(u"file").toString();
        m_pairFiles.insert(fileName.section(u'#', 0, 0));
        Body body;
        // (file, seq) repeats in the nock recordings (one file, many scopes): the line is unique.
        body.name = u"pairs.jsonl:%1 %2 #%3"_s.arg(QString::number(lineNumber), fileName,
                                                   QString::number(pair.value(u"seq").toInt()));
        body.target = pair.value(u"target").toString();
        body.status = pair.value(u"status").toInt();
        const QJsonObject headers = pair.value(u"response_headers").toObject();
        for (auto it = headers.begin(); it != headers.end(); ++it) {
            if (it.key().compare(u"x-ms-continuationtoken", Qt::CaseInsensitive) == 0)
                body.continuationHeader = it.value().toString().toUtf8();
            if (it.key().compare(u"Location", Qt::CaseInsensitive) == 0)
                m_locations.append({body.name, body.target, it.value().toString()});
        }
        const QString responseBody = pair.value(u"response_body").toString();
        if (responseBody.isEmpty())
            continue;
        body.bytes = responseBody.toUtf8();
        body.shape = shapeOf(body.bytes);
        m_bodies.append(body);
    }
    return true;
}

bool TestRecordedBodies::loadFixtureFiles(const QString &recordings)
{
    // Every file that is not an exchange pairs.jsonl already holds is a body of its own.
    const QDir root(recordings);
    QStringList names;
    for (QDirIterator it(recordings, QDir::Files, QDirIterator::Subdirectories); it.hasNext();)
        names.append(root.relativeFilePath(it.next()));
    names.sort();
    for (const QString &name : std::as_const(names)) {
        if (name == u"README.md" || name == u"pairs.jsonl" || m_pairFiles.contains(name))
            continue;
        QFile file(root.filePath(name));
        if (!file.open(QIODevice::ReadOnly)) {
            qWarning("cannot open %s", qPrintable(file.fileName()));
            return false;
        }
        Body body;
        body.name = name;
        body.bytes = file.readAll();
        body.shape = shapeOf(body.bytes);
        m_bodies.append(body);
    }
    return true;
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
    for (const Body &body : std::as_const(m_bodies)) {
        if (!body.parser)
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
    for (const Body &body : std::as_const(m_bodies))
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
    if (!m_pairFiles.contains(name))
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
    const auto inPairs = std::count_if(m_bodies.cbegin(), m_bodies.cend(), [&name](const Body &b) {
        return b.name.contains(u' ' + name + u'#');
    });
    QCOMPARE(qsizetype(inPairs), hubBodies);
    m_tokenServiceBodies = int(tokenBodies);
}

void TestRecordedBodies::parses_data()
{
    QTest::addColumn<int>("index");
    QTest::addColumn<Parser>("parser");
    for (qsizetype i = 0; i < m_bodies.size(); ++i) {
        const Body &body = m_bodies.at(i);
        if (body.parser)
            QTest::newRow(qPrintable(body.name)) << int(i) << *body.parser;
    }
}

void TestRecordedBodies::parses()
{
    QFETCH(int, index);
    QFETCH(Parser, parser);
    const Body &body = m_bodies.at(index);
    if (const char *reason = skipReason(parser)) {
        QSKIP(reason);
    }
    std::optional<Nh::Error> error;
    m_warnings.clear();
    const QString problem = check(body, parser, &error);
    for (const QString &w : std::as_const(m_warnings))
        qInfo("warning: %s", qPrintable(w));
    const auto expected = m_expected.constFind(body.name);
    if (expected == m_expected.cend()) {
        QVERIFY2(problem.isEmpty(),
                 qPrintable(u"%1 via the %2 parser: %3"_s.arg(
                     body.name, QString::fromLatin1(parserName(parser)), problem)));
        ++m_parsed;
        return;
    }
    QVERIFY2(error.has_value(),
             qPrintable(u"%1 is listed in expected-failures.json (%2) but the %3 parser reads it "
                        "now%4: remove the entry"_s.arg(
                            body.name, expected->reason, QString::fromLatin1(parserName(parser)),
                            problem.isEmpty() ? QString() : u" (" + problem + u')')));
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
    for (const LocationHeader &header : std::as_const(m_locations)) {
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

QString TestRecordedBodies::check(const Body &body, Parser parser, std::optional<Nh::Error> *error)
{
    const QByteArray &bytes = body.bytes;
    Mismatches m;
    if (body.status > 0) {
        // An <Error> answers a failure, every other body a success.
        m.expect(u"HTTP status class"_s, body.status >= 400, parser == Parser::ErrorBody);
    }
    switch (parser) {
    case Parser::RegistrationEntry: {
        const auto result = Nh::parseRegistrationEntry(bytes);
        if (!result) {
            *error = result.error();
            return describe(result.error());
        }
        for (const Nh::Warning &w : result.warnings())
            m_warnings << w.message;
        compareRegistration(m, QString(), *result, bytes);
        break;
    }
    case Parser::RegistrationFeed: {
        const auto result = Nh::parseRegistrationFeed(bytes);
        if (!result) {
            *error = result.error();
            return describe(result.error());
        }
        for (const Nh::Warning &w : result.warnings())
            m_warnings << w.message;
        const QList<QByteArray> entries = entryTexts(bytes);
        m.expect(u"number of entries"_s, qint64(result->entries.size()), qint64(entries.size()));
        for (qsizetype i = 0; i < qMin(entries.size(), result->entries.size()); ++i)
            compareRegistration(m, u"entry %1: "_s.arg(i + 1), result->entries.at(i),
                                entries.at(i));
        if (!body.continuationHeader.isEmpty()) {
            m.expect(u"continuation token (x-ms-continuationtoken)"_s, result->continuationToken,
                     body.continuationHeader);
        } else {
            m.expect(u"has a continuation token"_s, !result->continuationToken.isEmpty(),
                     bytes.contains("rel=\"next\""));
        }
        break;
    }
    case Parser::Installation: {
        const auto result = Nh::parseInstallation(bytes);
        if (!result) {
            *error = result.error();
            return describe(result.error());
        }
        for (const Nh::Warning &w : result.warnings())
            m_warnings << w.message;
        const QJsonObject o = QJsonDocument::fromJson(bytes).object();
        m.expect(u"installationId"_s, result->installationId,
                 o.value(u"installationId").toString());
        m.expect(u"number of tags"_s, qint64(result->tags.size()),
                 qint64(o.value(u"tags").toArray().size()));
        m.expect(u"userId"_s, result->userId, o.value(u"userId").toString());
        m.expect(u"platform"_s, std::optional(result->platform),
                 Nh::platformFromInstallationName(o.value(u"platform").toString()));
        if (o.value(u"pushChannel").isString())
            m.expect(u"pushChannel"_s, result->pushChannel, o.value(u"pushChannel").toString());
        const QString expiration = o.value(u"expirationTime").toString();
        if (expiration.endsWith(u'Z')) {
            m.expect(u"expirationTime"_s,
                     result->expirationTime.toUTC().toString(u"yyyy-MM-ddTHH:mm:ss"_s),
                     expiration.left(19));
        }
        const QJsonObject templates = o.value(u"templates").toObject();
        m.expect(u"templates"_s, result->templates.keys(), templates.keys());
        for (auto it = templates.begin(); it != templates.end(); ++it) {
            // An object, or (the Java SDK's form) that object JSON-encoded in a string.
            const QJsonObject t = it->isObject()
                ? it->toObject()
                : QJsonDocument::fromJson(it->toString().toUtf8()).object();
            const Nh::InstallationTemplate parsed = result->templates.value(it.key());
            m.expect(it.key() + u".body"_s, parsed.body, t.value(u"body").toString());
            m.expect(it.key() + u".expiry"_s, parsed.expiry, t.value(u"expiry").toString());
            m.expect(it.key() + u".headers"_s, parsed.headers.keys(),
                     t.value(u"headers").toObject().keys());
        }
        break;
    }
    case Parser::InstallationPatch: {
        Nh::Installation installation;
        installation.installationId = u"recorded"_s;
        installation.platform = Nh::Platform::FcmV1;
        installation.pushChannel = u"channel"_s;
        const auto result = Nh::applyInstallationPatch(installation, bytes);
        if (!result) {
            *error = result.error();
            return describe(result.error());
        }
        for (const Nh::Warning &w : result.warnings())
            m_warnings << w.message;
        m.expect(u"installationId"_s, result->installationId, installation.installationId);
        break;
    }
    case Parser::ErrorBody: {
        const auto result = Nh::parseErrorBody(bytes);
        if (!result) {
            *error = result.error();
            return describe(result.error());
        }
        for (const Nh::Warning &w : result.warnings())
            m_warnings << w.message;
        m.expect(u"Code"_s, QString::number(result->code),
                 elementTexts(bytes, u"Code"_s).value(0).trimmed());
        const QString detail = elementTexts(bytes, u"Detail"_s).value(0).trimmed();
        m.expect(u"Detail"_s, result->detail, detail);
        static const QRegularExpression trackingId(uR"re(TrackingId:([^,]+),)re"_s);
        m.expect(u"TrackingId"_s, result->trackingId, trackingId.match(detail).captured(1));
        QString text = detail.section(u"TrackingId:"_s, 0, 0);
        while (text.endsWith(u'.'))
            text.chop(1);
        m.expect(u"text"_s, result->text, text);
        if (body.status > 0)
            m.expect(u"Code = HTTP status"_s, qint64(result->code), qint64(body.status));
        if (!result->timeStamp.isEmpty()) {
            m.expect(u"TimeStamp is a time"_s, Nh::parseErrorTimeStamp(result->timeStamp).isValid(),
                     true);
        }
        break;
    }
    case Parser::NotificationOutcome: {
        const auto result = Nh::parseNotificationOutcome(bytes);
        if (!result) {
            *error = result.error();
            return describe(result.error());
        }
        for (const Nh::Warning &w : result.warnings())
            m_warnings << w.message;
        m.expect(u"Success"_s, QString::number(result->success),
                 elementTexts(bytes, u"Success"_s).value(0).trimmed());
        m.expect(u"Failure"_s, QString::number(result->failure),
                 elementTexts(bytes, u"Failure"_s).value(0).trimmed());
        m.expect(u"number of results"_s, qint64(result->results.size()),
                 qint64(countStartTags(bytes, u"RegistrationResult"_s)));
        break;
    }
    case Parser::NotificationDetails: {
        const auto result = Nh::parseNotificationDetails(bytes);
        if (!result) {
            *error = result.error();
            return describe(result.error());
        }
        for (const Nh::Warning &w : result.warnings())
            m_warnings << w.message;
        m.expect(u"NotificationId"_s, result->notificationId,
                 elementTexts(bytes, u"NotificationId"_s).value(0));
        m.expect(u"State"_s, result->stateText, elementTexts(bytes, u"State"_s).value(0));
        qsizetype outcomes = 0;
        for (const Nh::PlatformOutcomeCounts &counts : result->outcomeCounts)
            outcomes += counts.outcomes.size();
        m.expect(u"number of outcomes"_s, qint64(outcomes),
                 qint64(countStartTags(bytes, u"Outcome"_s)));
        break;
    }
    case Parser::SkipHubDescription:
    case Parser::SkipJob:
        break;
    }
    return m.list.join(u"; "_s);
}

void TestRecordedBodies::cleanupTestCase()
{
    if (m_bodies.isEmpty())
        return;
    qInfo("recorded bodies: %lld found, %d parsed, %d failed as expected "
          "(tests/data/recorded-bodies/expected-failures.json), %d hub descriptions and %d jobs "
          "skipped (no parser yet), %d not routed; left out: %d token-service (ACS) answers of "
          "the nock recordings, not the hub's",
          static_cast<long long>(m_bodies.size()), m_parsed, m_failedAsExpected,
          m_routed.value(Parser::SkipHubDescription), m_routed.value(Parser::SkipJob), m_unrouted,
          m_tokenServiceBodies);
}

QTEST_GUILESS_MAIN(TestRecordedBodies)
#include "tst_recordedbodies.moc"
