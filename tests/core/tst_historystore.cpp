// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Nh::HistoryStore and Nh::HistoryReader on SQLite files in a QTemporaryDir: schema and
// migrations, redaction, derived targets, filters (FTS5 and LIKE), paging, pin/label/delete,
// retention, re-send against the emulator, and a writer process killed mid-write.

#include "client/hubclient.h"
#include "client/resend.h"
#include "common/redaction.h"
#include "emulatorfixture.h"
#include "protocol/notificationoutcome.h"
#include "store/history/historyschema.h"
#include "store/historystore.h"

#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <tuple>

using namespace Qt::Literals::StringLiterals;
using namespace Nh;

Q_DECLARE_METATYPE(Nh::HistoryFilter)

namespace {

const QDateTime kT0 = QDateTime(QDate(2026, 3, 1), QTime(12, 0), Qt::UTC);
const QByteArray kRedactedToken =
    "SharedAccessSignature sr=https%3a%2f%2fns.servicebus.windows.net%2fmyhub&sig=[redacted]"
    "&se=1772366400&skn=DefaultFullSharedAccessSignature"_ba;

Exchange sendExchange(const QDateTime &started, const QByteArray &format, const QByteArray &tags)
{
    Exchange e;
    e.operation = u"send.test"_s;
    e.hub = u"myhub"_s;
    e.started = started;
    e.method = "POST";
    e.url = QUrl(u"https://ns.servicebus.windows.net/myhub/messages?api-version=2020-06&test"_s);
    e.requestHeaders = {{"Authorization", kRedactedToken},
                        {"x-ms-version", "2020-06"},
                        {"ServiceBusNotification-Format", format}};
    if (!tags.isEmpty())
        e.requestHeaders.append({"ServiceBusNotification-Tags"_ba, tags});
    e.requestHeaders.append({"Content-Type"_ba, "application/json;charset=utf-8"_ba});
    e.requestBody = "{\"aps\":{\"alert\":\"hello\"}}";
    e.status = 201;
    e.reasonPhrase = "Created";
    e.result = ExchangeResult::Success;
    e.totalMs = 42;
    e.timeToFirstByteMs = 40;
    return e;
}

QByteArray outcomeBody(int success, int failure)
{
    NotificationOutcome o;
    o.success = success;
    o.failure = failure;
    for (int i = 0; i < success + failure; ++i) {
        o.results.append({u"apple"_s, u"HANDLE%1"_s.arg(i), u"reg-%1"_s.arg(i),
                          i < success ? QString(kOutcomeSuccess) : QString(kOutcomeInvalidHandle)});
    }
    return notificationOutcomeXml(o);
}

void withOutcome(Exchange &e, int success, int failure)
{
    e.responseBody = outcomeBody(success, failure);
    e.outcome = *parseNotificationOutcome(e.responseBody);
    e.result = success + failure == 0 ? ExchangeResult::NoTargets : ExchangeResult::Success;
}

/** Adds and waits until the store reports every exchange committed. */
bool addAll(HistoryStore &store, const QList<QPair<Exchange, HistoryContext>> &items)
{
    QSignalSpy written(&store, &HistoryStore::written);
    for (const auto &[e, c] : items)
        store.add(e, c);
    return QTest::qWaitFor([&] { return written.size() >= items.size(); }, 10000);
}

HistoryContext named(const QString &name, const QString &profile = {})
{
    HistoryContext c;
    c.source = name;
    c.profileId = profile;
    c.profileName = profile.isEmpty() ? QString() : u"Profile "_s + profile;
    return c;
}

QStringList sourcesOf(const QList<HistorySummary> &rows)
{
    QStringList names;
    for (const HistorySummary &r : rows)
        names.append(r.source);
    return names;
}

QByteArray fileBytes(const QString &path)
{
    QByteArray all;
    for (const QString &suffix : {u""_s, u"-wal"_s}) {
        QFile f(path + suffix);
        if (f.open(QIODevice::ReadOnly))
            all += f.readAll();
    }
    return all;
}

/** A plain connection to look at the file the way any SQLite tool would. */
class RawDb
{
public:
    explicit RawDb(const QString &path)
        : m_name(u"raw-"_s + QUuid::createUuid().toString(QUuid::Id128))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_name);
        db.setDatabaseName(path);
        db.open();
    }
    ~RawDb()
    {
        QSqlDatabase::database(m_name).close();
        QSqlDatabase::removeDatabase(m_name);
    }
    QVariant value(const QString &sql)
    {
        QSqlQuery q(QSqlDatabase::database(m_name));
        if (!q.exec(sql) || !q.next())
            return {};
        return q.value(0);
    }
    bool exec(const QString &sql)
    {
        QSqlQuery q(QSqlDatabase::database(m_name));
        return q.exec(sql);
    }

private:
    QString m_name;
};

} // namespace

class TestHistoryStore final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void fullTextSearchFollowsSqlite();
    void roundTrip();
    void secretsNeverStored_data();
    void secretsNeverStored();
    void derivesTarget_data();
    void derivesTarget();
    void filters_data();
    void filters();
    void paging_data();
    void paging();
    void pinLabelDelete();
    void retentionByCount();
    void retentionByAge();
    void duplicateAddStoredOnce();
    void refusesFiles_data();
    void refusesFiles();
    void migratesOlderFiles();
    void renderedPayloadsRoundTripAndSchema2Migrates();
    void resendAgainstEmulator();
    void resendRefusals_data();
    void resendRefusals();
    void crashKeepsReportedWrites();
    void concurrentWritersLoseNothing();
    void closingCommitsQueuedWrites();
    void writtenMeansCommitted();
    void retentionTrimsABurst();
    void fullTextFedPerTransaction();

private:
    /** Six exchanges of the filter table, written to `path`. */
    bool writeFilterFixture(const QString &path, bool fullText);

    QTemporaryDir m_dir;
    std::unique_ptr<HistoryStore> m_fts;
    std::unique_ptr<HistoryStore> m_like;
};

void TestHistoryStore::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    QVERIFY(writeFilterFixture(m_dir.filePath(u"filters-fts.sqlite"_s), true));
    QVERIFY(writeFilterFixture(m_dir.filePath(u"filters-like.sqlite"_s), false));
}

bool TestHistoryStore::writeFilterFixture(const QString &path, bool fullText)
{
    auto opened = HistoryStore::open(path, HistoryStore::Options {fullText});
    if (!opened) {
        qWarning() << opened.error().message;
        return false;
    }
    std::unique_ptr<HistoryStore> &store = fullText ? m_fts : m_like;
    store = std::move(opened).value();

    Exchange a = sendExchange(kT0.addSecs(-3 * 3600), "apple", "sports && news");
    withOutcome(a, 1, 0);
    a.responseHeaders = {{"TrackingId", "cc8c4f9b-fd82-4cfa-8f99-7a089eb4cd69_G3"}};

    Exchange b = sendExchange(kT0.addSecs(-2 * 3600), "fcmv1", "sports");
    b.status = 401;
    b.reasonPhrase = "Unauthorized";
    b.responseBody = "<Error><Code>401</Code><Detail>Unauthorized: Invalid token</Detail></Error>";
    b.result = ExchangeResult::HubError;

    Exchange c = sendExchange(kT0.addSecs(-3600), "template", "user:42 || vip");
    withOutcome(c, 0, 0);

    Exchange d = sendExchange(kT0.addSecs(-1800), "apple", {});
    d.requestHeaders.append({"ServiceBusNotification-DeviceHandle"_ba, "ABCDEF0123"_ba});
    d.operation = u"send.direct"_s;
    d.status = 0;
    d.reasonPhrase.clear();
    d.result = ExchangeResult::TransportError;
    d.errorSentence = u"Connection refused by 127.0.0.1 port 8443"_s;

    Exchange e = sendExchange(kT0.addSecs(-600), "apple", "news");
    e.requestBody = "{\"aps\":{\"alert\":\"Breaking 50% off_sale\"}}";
    withOutcome(e, 1, 1);

    Exchange f;
    f.operation = u"registrations.get"_s;
    f.hub = u"myhub"_s;
    f.started = kT0;
    f.method = "GET";
    f.url =
        QUrl(u"https://ns.servicebus.windows.net/myhub/registrations/123?api-version=2020-06"_s);
    f.requestHeaders = {{"Authorization", kRedactedToken}, {"x-ms-version", "2020-06"}};
    f.status = 200;
    f.result = ExchangeResult::Success;

    return addAll(*store,
                  {{a, named(u"a"_s, u"P1"_s)},
                   {b, named(u"b"_s, u"P1"_s)},
                   {c, named(u"c"_s, u"P2"_s)},
                   {d, named(u"d"_s, u"P2"_s)},
                   {e, named(u"e"_s, u"P1"_s)},
                   {f, named(u"f"_s, u"P3"_s)}});
}

void TestHistoryStore::fullTextSearchFollowsSqlite()
{
    RawDb raw(m_dir.filePath(u"filters-fts.sqlite"_s));
    // What Debian 12's SQLite 3.40 is built with decides, not a guess.
    bool compiled = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"options"_s);
        db.setDatabaseName(u":memory:"_s);
        QVERIFY(db.open());
        QSqlQuery options(db);
        QVERIFY(options.exec(u"PRAGMA compile_options"_s));
        while (options.next())
            compiled = compiled || options.value(0).toString() == u"ENABLE_FTS5"_s;
    }
    QSqlDatabase::removeDatabase(u"options"_s);
    QCOMPARE(m_fts->hasFullTextSearch(), compiled);
    QCOMPARE(m_like->hasFullTextSearch(), false);
    QCOMPARE(raw.value(u"SELECT value FROM meta WHERE key = 'search'"_s).toString(),
             compiled ? u"fts5"_s : u"like"_s);
    QCOMPARE(raw.value(u"PRAGMA journal_mode"_s).toString(), u"wal"_s);
    QCOMPARE(raw.value(u"PRAGMA user_version"_s).toInt(), HistoryDb::kSchemaVersion);
}

void TestHistoryStore::roundTrip()
{
    auto store = HistoryStore::open(m_dir.filePath(u"roundtrip.sqlite"_s));
    QVERIFY2(store, qPrintable(store ? QString() : store.error().message));
    Exchange e = sendExchange(kT0.addMSecs(123), "apple", "sports");
    withOutcome(e, 2, 1);
    e.responseHeaders = {{"Location", "https://ns.servicebus.windows.net/myhub/messages/77?api"},
                         {"TrackingId", "t-1"}};
    e.attempts = {{kT0, 429, 10, 1}, {kT0.addSecs(1), 201, 32, -1}};
    e.abortReason = AbortReason::None;
    e.location = u"https://ns.servicebus.windows.net/myhub/messages/77"_s;
    e.notificationId = u"77"_s;
    e.trackingId = u"t-1"_s;
    e.etag = u"3"_s;
    e.error = makeError(ErrorCode::Syntax, u"Bad thing at line 2"_s, 14, 3, u"Results"_s);
    e.error->line = 2;
    e.error->column = 7;
    Sas::DecodedToken token;
    token.rawSr = u"https%3a%2f%2fns"_s;
    token.resource = u"https://ns"_s;
    token.rawSig = u"c2VjcmV0"_s;
    token.signature = u"c2VjcmV0"_s;
    token.rawSe = u"1772366400"_s;
    token.expiry = 1772366400;
    token.keyName = u"DefaultFullSharedAccessSignature"_s;
    e.token = token;
    HistoryContext c;
    c.profileId = u"p-1"_s;
    c.profileName = u"Staging"_s;
    c.source = u"gui"_s;

    QSignalSpy written(store->get(), &HistoryStore::written);
    const QUuid id = (*store)->add(e, c);
    QCOMPARE(id, e.id);
    QVERIFY(written.wait(5000));
    QCOMPARE(written.first().at(0).toUuid(), e.id);
    QVERIFY(written.first().at(1).toLongLong() > 0);

    auto loaded = (*store)->reader().load(e.id);
    QVERIFY2(loaded, qPrintable(loaded ? QString() : loaded.error().message));
    const HistoryRecord &r = loaded.value();
    const Exchange &x = r.exchange;
    QCOMPARE(r.rowId, written.first().at(1).toLongLong());
    QCOMPARE(x.started, kT0.addMSecs(123));
    QCOMPARE(x.operation, u"send.test"_s);
    QCOMPARE(x.hub, u"myhub"_s);
    QCOMPARE(x.method, "POST"_ba);
    QCOMPARE(x.url, e.url);
    QCOMPARE(x.requestHeaders, e.requestHeaders);
    QCOMPARE(x.requestBody, e.requestBody);
    QCOMPARE(x.status, 201);
    QCOMPARE(x.reasonPhrase, "Created"_ba);
    QCOMPARE(x.responseHeaders, e.responseHeaders);
    QCOMPARE(x.responseBody, e.responseBody);
    QCOMPARE(x.timeToFirstByteMs, 40);
    QCOMPARE(x.totalMs, 42);
    QCOMPARE(x.attempts.size(), 2);
    QCOMPARE(x.attempts.at(0).status, 429);
    QCOMPARE(x.attempts.at(0).retryAfterSeconds, 1);
    QCOMPARE(x.attempts.at(1).started, kT0.addSecs(1));
    QCOMPARE(x.attempts.at(1).totalMs, 32);
    QCOMPARE(x.result, ExchangeResult::Success);
    QVERIFY(x.outcome.has_value());
    QCOMPARE(*x.outcome, *e.outcome);
    QVERIFY(x.error.has_value());
    QCOMPARE(x.error->code, ErrorCode::Syntax);
    QCOMPARE(x.error->offset, 14);
    QCOMPARE(x.error->length, 3);
    QCOMPARE(x.error->line, 2);
    QCOMPARE(x.error->column, 7);
    QCOMPARE(x.error->where, u"Results"_s);
    QCOMPARE(x.location, e.location);
    QCOMPARE(x.notificationId, u"77"_s);
    QCOMPARE(x.trackingId, u"t-1"_s);
    QCOMPARE(x.etag, u"3"_s);
    QVERIFY(x.token.has_value());
    QCOMPARE(x.token->resource, u"https://ns"_s);
    QCOMPARE(x.token->expiry, 1772366400);
    QCOMPARE(x.token->keyName, u"DefaultFullSharedAccessSignature"_s);
    QCOMPARE(x.token->signature, kRedacted.toString());
    QCOMPARE(r.context.profileId, u"p-1"_s);
    QCOMPARE(r.context.profileName, u"Staging"_s);
    QCOMPARE(r.context.source, u"gui"_s);
    QCOMPARE(r.context.targetKind, TargetKind::Tags);
    QCOMPARE(r.context.target, u"sports"_s);
    QCOMPARE(r.context.format, u"apple"_s);
    QCOMPARE(r.tags, QStringList {u"sports"_s});
    // One of three registrations failed: a failure for the filters, though the call succeeded.
    QCOMPARE(r.status, HistoryStatus::Failure);

    // The summary row agrees.
    auto rows = (*store)->reader().page({}, {}, nullptr, 10);
    QVERIFY(rows);
    QCOMPARE(rows->size(), 1);
    QCOMPARE(rows->first().outcomeSuccess, 2);
    QCOMPARE(rows->first().outcomeFailure, 1);
    QCOMPARE(rows->first().httpStatus, 201);
    QCOMPARE(rows->first().status, HistoryStatus::Failure);
    QCOMPARE(rows->first().tags, QStringList {u"sports"_s});
}

void TestHistoryStore::secretsNeverStored_data()
{
    QTest::addColumn<QString>("where");
    QTest::addColumn<QByteArray>("secret");
    QTest::addColumn<QString>("kept"); // what must stay readable after redaction

    QTest::newRow("live Authorization header")
        << u"authorization-header"_s << "bGl2ZVNpZ25hdHVyZQ%3d%3d"_ba << u"skn=RootManage"_s;
    QTest::newRow("authorization field")
        << u"authorization-field"_s << "QXV0aEZpZWxk"_ba << u"sig=[redacted]"_s;
    QTest::newRow("decoded token signature") << u"token"_s << "VG9rZW5TaWc="_ba << u""_s;
    QTest::newRow("feedback container URL in the response body")
        << u"response-body"_s << "YmxvYi1zaWc%3D"_ba << u"sv=2015-07-08"_s;
    QTest::newRow("connection string in the request body")
        << u"request-body"_s << "a2V5LWluLWJvZHk="_ba << u"SharedAccessKeyName=Root"_s;
    QTest::newRow("sig in the URL") << u"url"_s << "dXJsU2ln"_ba << u"api-version"_s;
    QTest::newRow("cookie header") << u"cookie"_s << "session=c2Vzc2lvbg"_ba << u""_s;
    QTest::newRow("key in the error sentence")
        << u"error"_s << "ZXJyb3JLZXk="_ba << u"Could not parse"_s;
}

void TestHistoryStore::secretsNeverStored()
{
    QFETCH(QString, where);
    QFETCH(QByteArray, secret);
    QFETCH(QString, kept);

    Exchange e = sendExchange(kT0, "apple", "t");
    if (where == u"authorization-header"_s) {
        setHeader(e.requestHeaders, "Authorization",
                  "SharedAccessSignature sr=https%3a%2f%2fns%2fmyhub&sig=" + secret
                      + "&se=1&skn=RootManage");
    } else if (where == u"authorization-field"_s) {
        e.authorization =
            u"SharedAccessSignature sr=x&sig="_s + QString::fromLatin1(secret) + u"&se=1&skn=k"_s;
    } else if (where == u"token"_s) {
        Sas::DecodedToken t;
        t.rawSig = QString::fromLatin1(secret);
        t.signature = QString::fromLatin1(secret);
        e.token = t;
    } else if (where == u"response-body"_s) {
        e.operation = u"feedback.get"_s;
        e.responseBody = "https://pushpnsfb.blob.core.windows.net/x?sv=2015-07-08&sr=c&sig="
            + secret + "&se=2026-01-01&sp=rl";
    } else if (where == u"request-body"_s) {
        e.requestBody = "Endpoint=sb://ns/;SharedAccessKeyName=Root;SharedAccessKey=" + secret;
    } else if (where == u"url"_s) {
        e.url = QUrl::fromEncoded("https://ns/myhub/messages?api-version=2020-06&sig=" + secret);
    } else if (where == u"cookie"_s) {
        e.requestHeaders.append({"Cookie", secret});
    } else if (where == u"error"_s) {
        e.result = ExchangeResult::BadResponse;
        e.errorSentence = u"Could not parse: SharedAccessKey="_s + QString::fromLatin1(secret);
        e.error = makeError(ErrorCode::Syntax, e.errorSentence);
    }

    const QString path = m_dir.filePath(u"secret-%1.sqlite"_s.arg(where));
    {
        auto store = HistoryStore::open(path);
        QVERIFY(store);
        QVERIFY(addAll(**store, {{e, {}}}));
        auto loaded = (*store)->reader().load(e.id);
        QVERIFY(loaded);
        const Exchange &x = loaded->exchange;
        QVERIFY(x.authorization.isEmpty());
        const QByteArray everything = x.url.toEncoded() + x.requestBody + x.responseBody
            + x.errorSentence.toUtf8() + (x.error ? x.error->message.toUtf8() : QByteArray())
            + (x.token ? x.token->rawSig.toUtf8() + x.token->signature.toUtf8() : QByteArray());
        QByteArray headers;
        for (const auto &[n, v] : x.requestHeaders + x.responseHeaders)
            headers += n + ": " + v + "\n";
        const QByteArray shown = everything + headers;
        QVERIFY2(!shown.contains(secret), shown.constData());
        if (!kept.isEmpty()) {
            QVERIFY2(shown.contains(kept.toUtf8()),
                     qPrintable(u"\"%1\" was lost: "_s.arg(kept) + QString::fromUtf8(shown)));
        }
    }
    // Nor anywhere in the file, free-text index included.
    QVERIFY2(!fileBytes(path).contains(secret), "the secret is in the database file");
}

void TestHistoryStore::derivesTarget_data()
{
    QTest::addColumn<QString>("operation");
    QTest::addColumn<QString>("url");
    QTest::addColumn<HttpHeaders>("headers");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("target");
    QTest::addColumn<QStringList>("tags");
    QTest::addColumn<QString>("format");

    const QString send = u"https://ns/myhub/messages?api-version=2020-06"_s;
    QTest::newRow("tag expression")
        << u"send"_s << send
        << HttpHeaders {{"ServiceBusNotification-Format", "FcmV1"},
                        {"ServiceBusNotification-Tags", " (a || b) && !a "}}
        << int(TargetKind::Tags) << u"(a || b) && !a"_s << QStringList {u"a"_s, u"b"_s}
        << u"fcmv1"_s;
    QTest::newRow("legacy fcm format name")
        << u"send"_s << send << HttpHeaders {{"ServiceBusNotification-Format", "fcm"}}
        << int(TargetKind::Broadcast) << QString() << QStringList() << u"gcm"_s;
    QTest::newRow("unknown format kept lower-case")
        << u"send"_s << send << HttpHeaders {{"ServiceBusNotification-Format", "Pigeon"}}
        << int(TargetKind::Broadcast) << QString() << QStringList() << u"pigeon"_s;
    QTest::newRow("unparsable tags keep the text, no tags")
        << u"send"_s << send << HttpHeaders {{"ServiceBusNotification-Tags", "a && (("}}
        << int(TargetKind::Tags) << u"a && (("_s << QStringList() << QString();
    QTest::newRow("direct send") << u"send.direct"_s << send + u"&direct"_s
                                 << HttpHeaders {{"ServiceBusNotification-DeviceHandle", "ABC123"}}
                                 << int(TargetKind::Device) << u"ABC123"_s << QStringList()
                                 << QString();
    QTest::newRow("direct batch")
        << u"send.batch"_s << u"https://ns/myhub/messages/$batch?api-version=2020-06&direct"_s
        << HttpHeaders() << int(TargetKind::Batch) << QString() << QStringList() << QString();
    QTest::newRow("registrations by tag")
        << u"registrations.bytag"_s << u"https://ns/myhub/tags/vip/registrations?api-version=1"_s
        << HttpHeaders() << int(TargetKind::Resource) << u"tags/vip/registrations"_s
        << QStringList {u"vip"_s} << QString();
    QTest::newRow("installation") << u"installations.get"_s
                                  << u"https://ns/myhub/installations/i-1?api-version=1"_s
                                  << HttpHeaders() << int(TargetKind::Resource)
                                  << u"installations/i-1"_s << QStringList() << QString();
    QTest::newRow("never sent") << u"send"_s << QString() << HttpHeaders()
                                << int(TargetKind::Broadcast) << QString() << QStringList()
                                << QString();
}

void TestHistoryStore::derivesTarget()
{
    QFETCH(QString, operation);
    QFETCH(QString, url);
    QFETCH(HttpHeaders, headers);
    QFETCH(int, kind);
    QFETCH(QString, target);
    QFETCH(QStringList, tags);
    QFETCH(QString, format);

    Exchange e;
    e.operation = operation;
    e.hub = u"myhub"_s;
    e.url = url.isEmpty() ? QUrl() : QUrl(url);
    e.requestHeaders = headers;
    const HistoryRecord r = historyRecordFor(e);
    QCOMPARE(int(r.context.targetKind), kind);
    QCOMPARE(r.context.target, target);
    QCOMPARE(r.tags, tags);
    QCOMPARE(r.context.format, format);

    // What the caller says wins.
    HistoryContext given;
    given.target = u"given"_s;
    given.targetKind = TargetKind::Device;
    given.format = u"apple"_s;
    const HistoryRecord g = historyRecordFor(e, given);
    QCOMPARE(g.context.target, u"given"_s);
    QCOMPARE(g.context.targetKind, TargetKind::Device);
    QCOMPARE(g.context.format, u"apple"_s);
}

void TestHistoryStore::filters_data()
{
    QTest::addColumn<bool>("fullText");
    QTest::addColumn<HistoryFilter>("filter");
    QTest::addColumn<QStringList>("expected"); // sources, newest first

    const auto both = [](const char *name, const HistoryFilter &f, const QStringList &expected) {
        QTest::addRow("%s (fts5)", name) << true << f << expected;
        QTest::addRow("%s (like)", name) << false << f << expected;
    };
    const auto make = [](auto change) {
        HistoryFilter f;
        change(f);
        return f;
    };
    both("no filter", {}, {u"f"_s, u"e"_s, u"d"_s, u"c"_s, u"b"_s, u"a"_s});
    both("profile", make([](HistoryFilter &f) { f.profileId = u"P1"_s; }),
         {u"e"_s, u"b"_s, u"a"_s});
    both("from (inclusive)", make([](HistoryFilter &f) { f.from = kT0.addSecs(-3600); }),
         {u"f"_s, u"e"_s, u"d"_s, u"c"_s});
    both("to (exclusive)", make([](HistoryFilter &f) { f.to = kT0.addSecs(-3600); }),
         {u"b"_s, u"a"_s});
    both("time range", make([](HistoryFilter &f) {
             f.from = kT0.addSecs(-2 * 3600);
             f.to = kT0.addSecs(-1800);
         }),
         {u"c"_s, u"b"_s});
    both("format, any case", make([](HistoryFilter &f) { f.format = u"APPLE"_s; }),
         {u"e"_s, u"d"_s, u"a"_s});
    both("tag", make([](HistoryFilter &f) { f.tag = u"sports"_s; }), {u"b"_s, u"a"_s});
    both("tag, any case", make([](HistoryFilter &f) { f.tag = u"NEWS"_s; }), {u"e"_s, u"a"_s});
    both("tag with a colon", make([](HistoryFilter &f) { f.tag = u"user:42"_s; }), {u"c"_s});
    both("part of a tag is not a tag", make([](HistoryFilter &f) { f.tag = u"spo"_s; }), {});
    both("target text", make([](HistoryFilter &f) { f.target = u"sport"_s; }), {u"b"_s, u"a"_s});
    both("device handle as target", make([](HistoryFilter &f) { f.target = u"abcdef"_s; }),
         {u"d"_s});
    both("status success", make([](HistoryFilter &f) { f.statuses = HistoryStatus::Success; }),
         {u"f"_s, u"a"_s});
    both("status failure", make([](HistoryFilter &f) { f.statuses = HistoryStatus::Failure; }),
         {u"e"_s, u"b"_s});
    both("status no targets", make([](HistoryFilter &f) { f.statuses = HistoryStatus::NoTargets; }),
         {u"c"_s});
    both("status error", make([](HistoryFilter &f) { f.statuses = HistoryStatus::Error; }),
         {u"d"_s});
    both("two statuses", make([](HistoryFilter &f) {
             f.statuses = HistoryStatus::Success | HistoryStatus::NoTargets;
         }),
         {u"f"_s, u"c"_s, u"a"_s});
    both("pinned only", make([](HistoryFilter &f) { f.pinnedOnly = true; }), {});
    both("text in a response body", make([](HistoryFilter &f) { f.text = u"unauthorized"_s; }),
         {u"b"_s});
    both("text in a response header", make([](HistoryFilter &f) { f.text = u"fd82-4cfa"_s; }),
         {u"a"_s});
    both("text in the error sentence, two words",
         make([](HistoryFilter &f) { f.text = u"refused 127.0.0.1"_s; }), {u"d"_s});
    both("text as a word start", make([](HistoryFilter &f) { f.text = u"Track"_s; }), {u"a"_s});
    both("text with % and _", make([](HistoryFilter &f) { f.text = u"50% off_sale"_s; }), {u"e"_s});
    both("text in a request header", make([](HistoryFilter &f) { f.text = u"vip"_s; }), {u"c"_s});
    both("text and profile and status", make([](HistoryFilter &f) {
             f.text = u"sports"_s;
             f.profileId = u"P1"_s;
             f.statuses = HistoryStatus::Failure;
         }),
         {u"b"_s});
    both("text that is nowhere", make([](HistoryFilter &f) { f.text = u"zebra"_s; }), {});
    // The one documented difference: FTS5 matches word starts, LIKE any substring.
    QTest::newRow("inside a word (fts5)")
        << true << make([](HistoryFilter &f) { f.text = u"racking"_s; }) << QStringList();
    QTest::newRow("inside a word (like)")
        << false << make([](HistoryFilter &f) { f.text = u"racking"_s; }) << QStringList {u"a"_s};
}

void TestHistoryStore::filters()
{
    QFETCH(bool, fullText);
    QFETCH(HistoryFilter, filter);
    QFETCH(QStringList, expected);
    HistoryStore &store = fullText ? *m_fts : *m_like;
    if (fullText && !store.hasFullTextSearch())
        QSKIP("this SQLite has no FTS5");
    auto rows = store.reader().page(filter, {}, nullptr, 100);
    QVERIFY2(rows, qPrintable(rows ? QString() : rows.error().message));
    QCOMPARE(sourcesOf(rows.value()), expected);
    auto count = store.reader().count(filter);
    QVERIFY(count);
    QCOMPARE(count.value(), expected.size());
    // The filter's own row check agrees with SQL on everything but text.
    if (filter.text.isEmpty()) {
        auto all = store.reader().page({}, {}, nullptr, 100);
        QStringList matched;
        for (const HistorySummary &r : all.value()) {
            if (filter.matchesSummary(r))
                matched.append(r.source);
        }
        QCOMPARE(matched, expected);
    }
}

void TestHistoryStore::paging_data()
{
    QTest::addColumn<int>("key");
    QTest::addColumn<int>("order");
    QTest::newRow("time, newest first")
        << int(HistorySort::Key::Started) << int(Qt::DescendingOrder);
    QTest::newRow("time, oldest first")
        << int(HistorySort::Key::Started) << int(Qt::AscendingOrder);
    QTest::newRow("elapsed, ascending")
        << int(HistorySort::Key::Elapsed) << int(Qt::AscendingOrder);
    QTest::newRow("profile, descending")
        << int(HistorySort::Key::Profile) << int(Qt::DescendingOrder);
}

void TestHistoryStore::paging()
{
    QFETCH(int, key);
    QFETCH(int, order);
    const QString path = m_dir.filePath(u"paging.sqlite"_s);
    auto store = HistoryStore::open(path);
    QVERIFY(store);
    constexpr int kRows = 23;
    struct Row
    {
        int i;
        qint64 started, elapsed;
        QString profile;
    };
    QList<Row> expected;
    if ((*store)->reader().count().value() == 0) {
        QList<QPair<Exchange, HistoryContext>> items;
        for (int i = 0; i < kRows; ++i) {
            // Groups of three share a start time and a profile: ties are broken by the row id.
            Exchange e = sendExchange(kT0.addSecs(i / 3), "apple", "t");
            e.totalMs = (i * 7) % kRows;
            HistoryContext c = named(QString::number(i));
            c.profileName = u"p%1"_s.arg(i % 4);
            items.append({e, c});
        }
        QVERIFY(addAll(**store, items));
    }
    for (int i = 0; i < kRows; ++i)
        expected.append({i, i / 3, (i * 7) % kRows, u"p%1"_s.arg(i % 4)});
    // Rows were written in order i, so row ids grow with i.
    const HistorySort sort {HistorySort::Key(key), Qt::SortOrder(order)};
    std::sort(expected.begin(), expected.end(), [&](const Row &a, const Row &b) {
        const auto k = [&](const Row &r) -> std::tuple<qint64, QString, int> {
            switch (sort.key) {
            case HistorySort::Key::Started:
                return {r.started, {}, r.i};
            case HistorySort::Key::Elapsed:
                return {r.elapsed, {}, r.i};
            default:
                return {0, r.profile, r.i};
            }
        };
        return sort.order == Qt::AscendingOrder ? k(a) < k(b) : k(b) < k(a);
    });
    QStringList want;
    for (const Row &r : expected)
        want.append(QString::number(r.i));

    QStringList got;
    std::optional<HistorySummary> last;
    int pages = 0;
    for (;;) {
        auto page = (*store)->reader().page({}, sort, last ? &*last : nullptr, 5);
        QVERIFY(page);
        ++pages;
        got += sourcesOf(page.value());
        if (page->size() < 5)
            break;
        last = page->last();
    }
    QCOMPARE(got, want);
    QCOMPARE(pages, 5);
}

void TestHistoryStore::pinLabelDelete()
{
    auto store = HistoryStore::open(m_dir.filePath(u"pin.sqlite"_s));
    QVERIFY(store);
    HistoryStore &s = **store;
    const Exchange a = sendExchange(kT0, "apple", "a");
    const Exchange b = sendExchange(kT0.addSecs(1), "apple", "b");
    const Exchange c = sendExchange(kT0.addSecs(2), "apple", "c");
    QVERIFY(addAll(s, {{a, named(u"a"_s)}, {b, named(u"b"_s)}, {c, named(u"c"_s)}}));

    QSignalSpy updated(&s, &HistoryStore::updated);
    QSignalSpy removed(&s, &HistoryStore::removed);
    s.setPinned(b.id, true);
    s.setLabel(b.id, u"  before the fix  "_s);
    QTRY_COMPARE(updated.size(), 2);
    QCOMPARE(updated.at(0).at(0).toUuid(), b.id);
    auto loaded = s.reader().load(b.id);
    QVERIFY(loaded);
    QCOMPARE(loaded->pinned, true);
    QCOMPARE(loaded->label, u"before the fix"_s);

    HistoryFilter pinned;
    pinned.pinnedOnly = true;
    QCOMPARE(sourcesOf(s.reader().page(pinned, {}, nullptr, 10).value()), QStringList {u"b"_s});
    HistoryFilter byLabel;
    byLabel.text = u"fix"_s;
    QCOMPARE(sourcesOf(s.reader().page(byLabel, {}, nullptr, 10).value()), QStringList {u"b"_s});
    s.setLabel(b.id, u"after"_s);
    QTRY_COMPARE(updated.size(), 3);
    QCOMPARE(s.reader().count(byLabel).value(), 0);
    HistoryFilter byNewLabel;
    byNewLabel.text = u"after"_s;
    QCOMPARE(s.reader().count(byNewLabel).value(), 1);

    s.remove({a.id, c.id});
    QVERIFY(removed.wait(5000));
    const auto ids = removed.first().first().value<QList<QUuid>>();
    QCOMPARE(QSet<QUuid>(ids.cbegin(), ids.cend()), (QSet<QUuid> {a.id, c.id}));
    QCOMPARE(s.reader().count().value(), 1);
    auto gone = s.reader().load(a.id);
    QVERIFY(!gone);
    QCOMPARE(gone.error().code, ErrorCode::NotFound);
    QVERIFY2(gone.error().message.contains(a.id.toString(QUuid::WithoutBraces)),
             qPrintable(gone.error().message));
    // The tag table follows the deletes.
    HistoryFilter tagA;
    tagA.tag = u"a"_s;
    QCOMPARE(s.reader().count(tagA).value(), 0);
    RawDb raw(s.path());
    QCOMPARE(raw.value(u"SELECT count(*) FROM exchange_tags"_s).toInt(), 1);
}

void TestHistoryStore::retentionByCount()
{
    const QString path = m_dir.filePath(u"retention-count.sqlite"_s);
    QList<Exchange> all;
    {
        auto store = HistoryStore::open(path);
        QVERIFY(store);
        HistoryStore &s = **store;
        QCOMPARE(s.retention(), RetentionPolicy());
        QList<QPair<Exchange, HistoryContext>> items;
        for (int i = 0; i < 8; ++i) {
            all.append(sendExchange(kT0.addSecs(i), "apple", "t"));
            items.append({all.last(), named(QString::number(i))});
        }
        QVERIFY(addAll(s, items));
        s.setPinned(all.at(0).id, true); // the oldest: kept whatever the limit
        QSignalSpy removed(&s, &HistoryStore::removed);
        s.setRetention({5, 0});
        QVERIFY(removed.wait(5000));
        const auto ids = removed.first().first().value<QList<QUuid>>();
        QCOMPARE(QSet<QUuid>(ids.cbegin(), ids.cend()), (QSet<QUuid> {all.at(1).id, all.at(2).id}));
        QCOMPARE(sourcesOf(s.reader().page({}, {}, nullptr, 20).value()),
                 (QStringList {u"7"_s, u"6"_s, u"5"_s, u"4"_s, u"3"_s, u"0"_s}));
        // Applied after every write from now on.
        QVERIFY(addAll(s, {{sendExchange(kT0.addSecs(100), "apple", "t"), named(u"new"_s)}}));
        QTRY_COMPARE(s.reader().count().value(), 6);
        QCOMPARE(sourcesOf(s.reader().page({}, {}, nullptr, 20).value()),
                 (QStringList {u"new"_s, u"7"_s, u"6"_s, u"5"_s, u"4"_s, u"0"_s}));
    }
    // The limit is in the file, for every process that writes it.
    auto again = HistoryStore::open(path);
    QVERIFY(again);
    QCOMPARE((*again)->retention(), (RetentionPolicy {5, 0}));
}

void TestHistoryStore::retentionByAge()
{
    auto store = HistoryStore::open(m_dir.filePath(u"retention-age.sqlite"_s));
    QVERIFY(store);
    HistoryStore &s = **store;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const Exchange old1 = sendExchange(now.addDays(-10), "apple", "t");
    const Exchange old2 = sendExchange(now.addDays(-8), "apple", "t");
    const Exchange recent = sendExchange(now.addDays(-6), "apple", "t");
    QVERIFY(addAll(
        s, {{old1, named(u"old1"_s)}, {old2, named(u"old2"_s)}, {recent, named(u"recent"_s)}}));
    s.setPinned(old1.id, true);
    QSignalSpy removed(&s, &HistoryStore::removed);
    s.setRetention({0, 7});
    QVERIFY(removed.wait(5000));
    QCOMPARE(removed.first().first().value<QList<QUuid>>(), QList<QUuid> {old2.id});
    QCOMPARE(sourcesOf(s.reader().page({}, {}, nullptr, 20).value()),
             (QStringList {u"recent"_s, u"old1"_s}));
}

void TestHistoryStore::duplicateAddStoredOnce()
{
    auto store = HistoryStore::open(m_dir.filePath(u"duplicate.sqlite"_s));
    QVERIFY(store);
    const Exchange e = sendExchange(kT0, "apple", "t");
    QSignalSpy written(store->get(), &HistoryStore::written);
    QSignalSpy failed(store->get(), &HistoryStore::writeFailed);
    (*store)->add(e);
    (*store)->add(e);
    QTRY_COMPARE(written.size(), 2);
    QCOMPARE(written.at(0).at(1), written.at(1).at(1));
    QCOMPARE(failed.size(), 0);
    QCOMPARE((*store)->reader().count().value(), 1);
}

void TestHistoryStore::refusesFiles_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("setup"); // SQL run on a fresh SQLite file first, or empty
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("phrase");

    QTest::newRow("garbage") << QByteArray(4096, 'x') << QString() << int(ErrorCode::Storage)
                             << u"history file"_s;
    QTest::newRow("truncated SQLite header") << "SQLite format 3\0\x10\0"_ba << QString()
                                             << int(ErrorCode::Storage) << u"history file"_s;
    QTest::newRow("another application's database")
        << QByteArray() << u"CREATE TABLE contacts (name TEXT)"_s << int(ErrorCode::UnexpectedRoot)
        << u"not an nhconsole history file"_s;
    QTest::newRow("written by a newer nhconsole")
        << QByteArray() << u"PRAGMA user_version=99"_s << int(ErrorCode::InvalidValue)
        << u"newer nhconsole (schema 99"_s;
}

void TestHistoryStore::refusesFiles()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, setup);
    QFETCH(int, code);
    QFETCH(QString, phrase);
    const QString path =
        m_dir.filePath(u"refused-%1.sqlite"_s.arg(QString::fromUtf8(QTest::currentDataTag())));
    if (!setup.isEmpty()) {
        RawDb raw(path);
        QVERIFY(raw.exec(setup));
    } else {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(content);
    }
    auto store = HistoryStore::open(path);
    QVERIFY(!store);
    QCOMPARE(int(store.error().code), code);
    QVERIFY2(store.error().message.contains(phrase), qPrintable(store.error().message));
    QVERIFY2(store.error().message.contains(QDir::toNativeSeparators(path)),
             qPrintable(store.error().message));
}

void TestHistoryStore::renderedPayloadsRoundTripAndSchema2Migrates()
{
    // A schema-2 file (no rendered column) with an exchange in it, made from a new one.
    const QString path = m_dir.filePath(u"v2.sqlite"_s);
    const Exchange old = sendExchange(kT0, "template", "sports");
    {
        auto store = HistoryStore::open(path);
        QVERIFY(store);
        QVERIFY(addAll(**store, {{old, named(u"old"_s)}}));
    }
    {
        RawDb raw(path);
        for (const QString &sql :
             {u"ALTER TABLE exchanges DROP COLUMN rendered"_s, u"PRAGMA user_version=2"_s})
            QVERIFY2(raw.exec(sql), qPrintable(sql));
        QCOMPARE(raw.value(u"SELECT count(*) FROM pragma_table_info('exchanges') WHERE name = "
                           u"'rendered'"_s)
                     .toInt(),
                 0);
    }
    auto store = HistoryStore::open(path);
    QVERIFY(store);
    {
        RawDb raw(path);
        QCOMPARE(raw.value(u"PRAGMA user_version"_s).toInt(), HistoryDb::kSchemaVersion);
    }
    // The old exchange reads back with nothing rendered.
    auto oldRecord = (*store)->reader().load(old.id);
    QVERIFY(oldRecord);
    QVERIFY(oldRecord->exchange.rendered.isEmpty());

    // A template send with what its registrations were rendered into, back as it was.
    Exchange e = sendExchange(kT0.addSecs(60), "template", "sports");
    e.requestBody = R"({"message":"Hi"})";
    withOutcome(e, 2, 0);
    Registration r;
    r.platform = Platform::Apple;
    r.isTemplate = true;
    r.registrationId = u"reg-0"_s;
    r.templateName = u"t"_s;
    r.bodyTemplate = uR"x({"aps":{"alert":"$(message)","title":"$(title)"}})x"_s;
    const auto bag = TemplatePropertyBag::fromSendBody(e.requestBody);
    QVERIFY(bag);
    e.rendered = {RenderedPayload::render(r, *bag),
                  RenderedPayload::unavailable(u"reg-1"_s, u"Could not be fetched."_s)};
    QCOMPARE(e.rendered.first().marks.size(), 1);
    QVERIFY(addAll(**store, {{e, named(u"new"_s)}}));
    auto record = (*store)->reader().load(e.id);
    QVERIFY(record);
    QCOMPARE(record->exchange.rendered, e.rendered);
    QCOMPARE(record->exchange.rendered.first().body, uR"x({"aps":{"alert":"Hi","title":""}})x"_s);
}

void TestHistoryStore::migratesOlderFiles()
{
    // A file of schema 1 (no free-text index yet) with exchanges in it.
    const QString path = m_dir.filePath(u"v1.sqlite"_s);
    const Exchange e = sendExchange(kT0, "apple", "breakingnews");
    {
        auto store = HistoryStore::open(path);
        QVERIFY(store);
        QVERIFY(addAll(**store, {{e, named(u"old"_s)}}));
    }
    {
        RawDb raw(path);
        for (const QString &sql :
             {u"DROP TRIGGER IF EXISTS exchanges_fts_ai"_s,
              u"DROP TRIGGER IF EXISTS exchanges_fts_ad"_s,
              u"DROP TRIGGER IF EXISTS exchanges_fts_au"_s, u"DROP TABLE IF EXISTS exchanges_fts"_s,
              u"DELETE FROM meta WHERE key = 'search'"_s, u"PRAGMA user_version=1"_s})
            QVERIFY2(raw.exec(sql), qPrintable(sql));
    }
    // A reader refuses what a store has not migrated yet.
    QVERIFY(!HistoryReader::open(path));
    auto store = HistoryStore::open(path);
    QVERIFY(store);
    RawDb raw(path);
    QCOMPARE(raw.value(u"PRAGMA user_version"_s).toInt(), HistoryDb::kSchemaVersion);
    HistoryFilter f;
    f.text = u"breaking"_s;
    QCOMPARE(sourcesOf((*store)->reader().page(f, {}, nullptr, 10).value()),
             QStringList {u"old"_s});

    // A file made without the index gets one when opened with it.
    const QString likePath = m_dir.filePath(u"like-then-fts.sqlite"_s);
    {
        auto like = HistoryStore::open(likePath, HistoryStore::Options {false});
        QVERIFY(like);
        QVERIFY(!(*like)->hasFullTextSearch());
        QVERIFY(addAll(**like, {{e, named(u"old"_s)}}));
    }
    auto fts = HistoryStore::open(likePath);
    QVERIFY(fts);
    if (!(*fts)->hasFullTextSearch())
        QSKIP("this SQLite has no FTS5");
    f.text = u"breakingn"_s;
    QCOMPARE(sourcesOf((*fts)->reader().page(f, {}, nullptr, 10).value()), QStringList {u"old"_s});
}

void TestHistoryStore::resendAgainstEmulator()
{
    EmulatorFixture f;
    QVERIFY(f.start());
    QNetworkAccessManager nam;
    HubClient client(&nam);
    HubConnection connection;
    connection.connectionString = f.connectionString();
    connection.hub = f.hub();
    connection.caCertificates = {f.emulator.certificate()};
    client.setConnection(connection);

    Notification n;
    n.format = Format::Apple;
    n.body = "{\"aps\":{\"alert\":\"again\"}}";
    n.target = Target::tags(u"sports || news"_s);
    auto *job = client.send(n);
    QSignalSpy first(job, &HubJob::finished);
    QVERIFY(first.wait(15000));
    const Exchange original = first.first().first().value<Exchange>();
    QCOMPARE(original.result, ExchangeResult::NoTargets);

    auto store = HistoryStore::open(m_dir.filePath(u"resend.sqlite"_s));
    QVERIFY(store);
    QVERIFY(addAll(**store, {{original, {}}}));
    auto record = (*store)->reader().load(original.id);
    QVERIFY(record);

    auto request = resendRequest(record.value().exchange);
    QVERIFY2(request, qPrintable(request ? QString() : request.error().message));
    QCOMPARE(request->operation, u"send.test"_s);
    QCOMPARE(request->method, "POST"_ba);
    QCOMPARE(request->path, u"messages"_s);
    QCOMPARE(request->query, (QList<QPair<QString, QString>> {{u"test"_s, QString()}}));
    QCOMPARE(request->expect, Expect::Outcome);
    QCOMPARE(request->body, n.body);
    QVERIFY(!hasHeader(request->headers, "Authorization"));
    QVERIFY(!hasHeader(request->headers, "x-ms-version"));
    QCOMPARE(request.warnings().size(), 0);

    auto *again = client.start(request.value());
    QSignalSpy second(again, &HubJob::finished);
    QVERIFY(second.wait(15000));
    const Exchange resent = second.first().first().value<Exchange>();
    QVERIFY(resent.id != original.id);
    QCOMPARE(resent.result, ExchangeResult::NoTargets);
    QCOMPARE(resent.url, original.url);
    QCOMPARE(resent.requestBody, original.requestBody);
    QCOMPARE(headerValue(resent.requestHeaders, "ServiceBusNotification-Tags"),
             headerValue(original.requestHeaders, "ServiceBusNotification-Tags"));
    QCOMPARE(headerValue(resent.requestHeaders, "ServiceBusNotification-Format"),
             std::optional<QByteArray>("apple"));
    // A fresh signature, accepted by the emulator.
    QVERIFY(!resent.authorization.isEmpty());
    QVERIFY(!resent.authorization.contains(kRedacted));
}

void TestHistoryStore::resendRefusals_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("phrase");
    QTest::newRow("never sent") << QString() << int(ErrorCode::MissingField) << u"never sent"_s;
    QTest::newRow("not below the hub") << u"https://ns/otherhub/messages?api-version=1"_s
                                       << int(ErrorCode::InvalidValue) << u"not below the hub"_s;
}

void TestHistoryStore::resendRefusals()
{
    QFETCH(QString, url);
    QFETCH(int, code);
    QFETCH(QString, phrase);
    HistoryRecord r;
    r.exchange.hub = u"myhub"_s;
    r.exchange.operation = u"send"_s;
    r.exchange.result = ExchangeResult::Invalid;
    r.exchange.url = url.isEmpty() ? QUrl() : QUrl(url);
    auto request = resendRequest(r.exchange);
    QVERIFY(!request);
    QCOMPARE(int(request.error().code), code);
    QVERIFY2(request.error().message.contains(phrase), qPrintable(request.error().message));

    // A redacted secret in the body goes out as it is, with a warning.
    r.exchange.url = QUrl(u"https://ns/myhub/messages?api-version=2020-06"_s);
    r.exchange.requestBody = "sig=[redacted]";
    auto warned = resendRequest(r.exchange);
    QVERIFY(warned);
    QCOMPARE(warned.warnings().size(), 1);
    QVERIFY(warned.warnings().first().message.contains(u"[redacted]"_s));
}

void TestHistoryStore::crashKeepsReportedWrites()
{
    const QString path = m_dir.filePath(u"crash.sqlite"_s);
    QProcess writer;
    writer.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    writer.start(QString::fromUtf8(NH_HISTORYWRITER), {path, u"1000000"_s, u"crash"_s, u"8"_s});
    QVERIFY2(writer.waitForStarted(5000), qPrintable(writer.errorString()));
    QStringList reported;
    const auto readLines = [&] {
        while (writer.canReadLine()) {
            const QString line = QString::fromUtf8(writer.readLine()).trimmed();
            if (line.startsWith(u"written "_s))
                reported.append(line.mid(8));
            else
                QVERIFY2(false, qPrintable(u"unexpected output: "_s + line));
        }
    };
    while (reported.size() < 150) {
        QVERIFY2(writer.waitForReadyRead(10000), "the writer stopped reporting");
        readLines();
    }
    writer.kill(); // SIGKILL: no destructor, no flush, in the middle of whatever it was doing
    QVERIFY(writer.waitForFinished(5000));
    QCOMPARE(writer.exitStatus(), QProcess::CrashExit);
    readLines(); // lines written before the kill were reported too

    {
        RawDb raw(path);
        QCOMPARE(raw.value(u"PRAGMA integrity_check"_s).toString(), u"ok"_s);
        if (raw.value(u"SELECT value FROM meta WHERE key = 'search'"_s).toString() == u"fts5"_s)
            QVERIFY(
                raw.exec(u"INSERT INTO exchanges_fts(exchanges_fts) VALUES('integrity-check')"_s));
    }
    auto reader = HistoryReader::open(path);
    QVERIFY(reader);
    QList<QUuid> ids;
    for (const QString &id : std::as_const(reported))
        ids.append(QUuid::fromString(id));
    auto records = (*reader)->load(ids);
    QVERIFY(records);
    QCOMPARE(records->size(), reported.size());
    for (const HistoryRecord &r : records.value()) {
        QCOMPARE(r.exchange.status, 201);
        QCOMPARE(r.tags, QStringList {u"crash"_s});
        QVERIFY(r.exchange.requestBody.startsWith("{\"aps\":{\"alert\":\"crash #"));
    }
    QVERIFY((*reader)->count().value() >= reported.size());

    // And the file takes new writes.
    auto store = HistoryStore::open(path);
    QVERIFY(store);
    QVERIFY(addAll(**store, {{sendExchange(kT0, "apple", "after"), {}}}));
}

void TestHistoryStore::concurrentWritersLoseNothing()
{
    constexpr int kEach = 150;
    const QString path = m_dir.filePath(u"concurrent.sqlite"_s);
    auto store = HistoryStore::open(path);
    QVERIFY(store);
    (*store)->setRetention({0, 0});

    QProcess cli1, cli2;
    for (QProcess *p : {&cli1, &cli2})
        p->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    cli1.start(QString::fromUtf8(NH_HISTORYWRITER),
               {path, QString::number(kEach), u"cli1"_s, u"4"_s});
    cli2.start(QString::fromUtf8(NH_HISTORYWRITER),
               {path, QString::number(kEach), u"cli2"_s, u"1"_s});
    // The "GUI": this process, writing at the same time.
    QSignalSpy written(store->get(), &HistoryStore::written);
    QSignalSpy failed(store->get(), &HistoryStore::writeFailed);
    QSet<QUuid> expected;
    for (int i = 0; i < kEach; ++i)
        expected.insert(
            (*store)->add(sendExchange(kT0.addMSecs(i), "apple", "gui"), named(u"gui"_s)));

    for (QProcess *p : {&cli1, &cli2}) {
        QVERIFY2(p->waitForFinished(60000), "a writer process did not finish");
        QCOMPARE(p->exitStatus(), QProcess::NormalExit);
        QCOMPARE(p->exitCode(), 0);
        const QList<QByteArray> lines = p->readAllStandardOutput().split('\n');
        int count = 0;
        for (const QByteArray &line : lines) {
            if (line.startsWith("written ")) {
                expected.insert(QUuid::fromString(QString::fromLatin1(line.mid(8))));
                ++count;
            } else {
                QVERIFY2(line.isEmpty() || line == "done", line.constData());
            }
        }
        QCOMPARE(count, kEach);
    }
    QTRY_COMPARE_WITH_TIMEOUT(written.size(), kEach, 30000);
    QCOMPARE(failed.size(), 0);
    QCOMPARE(expected.size(), 3 * kEach);
    QCOMPARE((*store)->reader().count().value(), 3 * kEach);
    auto records = (*store)->reader().load(QList<QUuid>(expected.cbegin(), expected.cend()));
    QVERIFY(records);
    QCOMPARE(records->size(), 3 * kEach);
    for (const char *tag : {"cli1", "cli2", "gui"}) {
        HistoryFilter byTag;
        byTag.tag = QString::fromLatin1(tag);
        QCOMPARE((*store)->reader().count(byTag).value(), kEach);
    }
}

void TestHistoryStore::closingCommitsQueuedWrites()
{
    // More than one batch, queued at once and not waited for: the writer is gathering its group
    // commit when the store closes, and closing commits all of it.
    constexpr int kCount = 1200;
    const QString path = m_dir.filePath(u"close.sqlite"_s);
    QSet<QUuid> ids;
    {
        auto store = HistoryStore::open(path);
        QVERIFY(store);
        (*store)->setRetention({0, 0});
        for (int i = 0; i < kCount; ++i) {
            ids.insert((*store)->add(sendExchange(kT0.addMSecs(i), "apple", "closing"),
                                     named(u"close"_s)));
        }
    }
    auto reader = HistoryReader::open(path);
    QVERIFY(reader);
    QCOMPARE((*reader)->count().value(), kCount);
    auto records = (*reader)->load(QList<QUuid>(ids.cbegin(), ids.cend()));
    QVERIFY(records);
    QCOMPARE(records->size(), kCount);
    HistoryFilter byTag;
    byTag.tag = u"closing"_s;
    QCOMPARE((*reader)->count(byTag).value(), kCount);
    HistoryFilter byText;
    byText.text = u"closing"_s;
    QCOMPARE((*reader)->count(byText).value(), kCount);
}

void TestHistoryStore::writtenMeansCommitted()
{
    // Each written() comes after the commit that holds its row: another connection sees the row,
    // its tag and its full-text entry at that moment, for every row of every batch.
    constexpr int kCount = 1200;
    const QString path = m_dir.filePath(u"written.sqlite"_s);
    auto store = HistoryStore::open(path);
    QVERIFY(store);
    (*store)->setRetention({0, 0});
    RawDb raw(path);
    const bool fts = (*store)->hasFullTextSearch();
    QStringList missing;
    QSet<qint64> rowIds;
    int written = 0;
    connect(store->get(), &HistoryStore::written, this, [&](const QUuid &id, qint64 rowId) {
        ++written;
        rowIds.insert(rowId);
        const QString uuid = id.toString(QUuid::WithoutBraces);
        const QString where = u" WHERE id = %1 AND uuid = '%2'"_s.arg(rowId).arg(uuid);
        bool seen = raw.value(u"SELECT count(*) FROM exchanges"_s + where).toInt() == 1
            && raw.value(u"SELECT count(*) FROM exchange_tags WHERE tag = 'committed' AND "
                         u"exchange_id = %1"_s.arg(rowId))
                    .toInt()
                == 1;
        if (fts) {
            seen = seen
                && raw.value(u"SELECT count(*) FROM exchanges_fts WHERE exchanges_fts MATCH "
                             u"'committed' AND rowid = %1"_s.arg(rowId))
                        .toInt()
                    == 1;
        }
        if (!seen)
            missing.append(uuid);
    });
    for (int i = 0; i < kCount; ++i)
        (*store)->add(sendExchange(kT0.addMSecs(i), "apple", "committed"), named(u"w"_s));
    QTRY_COMPARE_WITH_TIMEOUT(written, kCount, 30000);
    QVERIFY2(missing.isEmpty(), qPrintable(missing.mid(0, 5).join(u", "_s)));
    QCOMPARE(rowIds.size(), kCount);
    QCOMPARE((*store)->pendingWrites(), 0);
}

void TestHistoryStore::retentionTrimsABurst()
{
    // A batch that adds far more than the limit: the newest unpinned rows stay, and the pinned.
    const QString path = m_dir.filePath(u"retention-burst.sqlite"_s);
    auto store = HistoryStore::open(path);
    QVERIFY(store);
    HistoryStore &s = **store;
    const Exchange pinned = sendExchange(kT0, "apple", "t");
    QVERIFY(addAll(s, {{pinned, named(u"pinned"_s)}}));
    s.setPinned(pinned.id, true);
    QSignalSpy removed(&s, &HistoryStore::removed);
    s.setRetention({10, 0});
    QList<QPair<Exchange, HistoryContext>> items;
    QStringList newest;
    for (int i = 1; i <= 40; ++i) {
        items.append({sendExchange(kT0.addSecs(i), "apple", "t"), named(QString::number(i))});
        if (i > 30)
            newest.prepend(QString::number(i));
    }
    QVERIFY(addAll(s, items));
    QTRY_COMPARE(s.reader().count().value(), 11);
    QCOMPARE(sourcesOf(s.reader().page({}, {}, nullptr, 20).value()),
             newest + QStringList {u"pinned"_s});
    int removedCount = 0;
    for (const auto &args : std::as_const(removed))
        removedCount += int(args.first().value<QList<QUuid>>().size());
    QCOMPARE(removedCount, 30);
}

void TestHistoryStore::fullTextFedPerTransaction()
{
    const QString path = m_dir.filePath(u"feed.sqlite"_s);
    const Exchange old = sendExchange(kT0, "apple", "feedold");
    {
        auto store = HistoryStore::open(path);
        QVERIFY(store);
        if (!(*store)->hasFullTextSearch())
            QSKIP("this SQLite has no FTS5");
        QVERIFY(addAll(**store, {{old, named(u"old"_s)}}));
    }
    // A file of schema 3 fed the index row by row, by a trigger: opening it drops the trigger
    // (the writer feeds the index; both would index every row twice).
    {
        RawDb raw(path);
        QStringList newValues;
        for (const QString &c : HistoryDb::textColumns())
            newValues.append(u"new."_s + c);
        const QString trigger =
            u"CREATE TRIGGER exchanges_fts_ai AFTER INSERT ON exchanges BEGIN INSERT INTO "
            u"exchanges_fts(rowid, %1) VALUES (new.id, %2); END"_s.arg(
                HistoryDb::textColumns().join(u", "_s), newValues.join(u", "_s));
        QVERIFY(raw.exec(trigger));
        QVERIFY(raw.exec(u"PRAGMA user_version=3"_s));
    }
    auto store = HistoryStore::open(path);
    QVERIFY(store);
    HistoryStore &s = **store;
    {
        RawDb raw(path);
        QCOMPARE(raw.value(u"PRAGMA user_version"_s).toInt(), HistoryDb::kSchemaVersion);
        QCOMPARE(raw.value(u"SELECT count(*) FROM sqlite_master WHERE name = 'exchanges_fts_ai'"_s)
                     .toInt(),
                 0);
    }

    // Adds, a label and a delete queued at once (one transaction, as a rule): the label and the
    // delete go through the index's triggers, so the rows they touch are indexed first.
    QSignalSpy written(&s, &HistoryStore::written);
    QSignalSpy updated(&s, &HistoryStore::updated);
    QSignalSpy removed(&s, &HistoryStore::removed);
    const Exchange a = sendExchange(kT0.addSecs(1), "apple", "feednew");
    const Exchange b = sendExchange(kT0.addSecs(2), "apple", "feednew");
    const Exchange c = sendExchange(kT0.addSecs(3), "apple", "feednew");
    s.add(a, named(u"a"_s));
    s.add(b, named(u"b"_s));
    s.setLabel(a.id, u"zebra crossing"_s);
    s.remove({b.id});
    s.add(c, named(u"c"_s));
    QTRY_COMPARE(written.size(), 3);
    QTRY_COMPARE(updated.size(), 1);
    QTRY_COMPARE(removed.size(), 1);

    RawDb raw(path);
    // rank 1: the index is checked against the rows too (each indexed once, none missing).
    QVERIFY(raw.exec(
        u"INSERT INTO exchanges_fts(exchanges_fts, rank) VALUES ('integrity-check', 1)"_s));
    const auto search = [&](const QString &text) {
        HistoryFilter f;
        f.text = text;
        return sourcesOf(s.reader().page(f, {}, nullptr, 20).value());
    };
    QCOMPARE(search(u"feednew"_s), (QStringList {u"c"_s, u"a"_s}));
    QCOMPARE(search(u"feedold"_s), QStringList {u"old"_s});
    QCOMPARE(search(u"zebra"_s), QStringList {u"a"_s});
}

QTEST_GUILESS_MAIN(TestHistoryStore)
#include "tst_historystore.moc"
