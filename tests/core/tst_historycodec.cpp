// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The history's row codec: the column table makes the same CREATE TABLE, INSERT and SELECT lists
// as the history files written so far, every column survives a round trip through a real SQLite
// table, and only the columns that may hold NULL do.

#include "store/history/historyrowcodec.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Nh;
using namespace Nh::HistoryDb;

namespace {

const QDateTime kT0 = QDateTime(QDate(2026, 3, 1), QTime(12, 0, 0, 123), Qt::UTC);

/** A record with every field set to something other than its default. */
HistoryRecord fullRecord()
{
    HistoryRecord r;
    Exchange &e = r.exchange;
    e.id = QUuid::fromString(u"0b6b8a5e-5b0b-4b6e-9a57-5c4c1e0d2a11"_s);
    e.started = kT0;
    e.operation = u"send.test"_s;
    e.hub = u"myhub"_s;
    e.method = "POST";
    e.url = QUrl(u"https://ns.servicebus.windows.net/myhub/messages?api-version=2020-06&test"_s);
    e.requestHeaders = {{"ServiceBusNotification-Format", "apple"},
                        {"ServiceBusNotification-Tags", "a || b"}};
    e.requestBody = "{\"aps\":{\"alert\":\"hi\"}}";
    e.status = 201;
    e.reasonPhrase = "Created";
    e.responseHeaders = {{"Location", "https://ns/myhub/messages/1"}, {"TrackingId", "t-1"}};
    e.responseBody =
        "<NotificationOutcome><Success>3</Success><Failure>2</Failure>"
        "<Results i:nil=\"true\" xmlns:i=\"http://www.w3.org/2001/XMLSchema-instance\"/>"
        "</NotificationOutcome>";
    e.outcome = *parseNotificationOutcome(e.responseBody);
    e.timeToFirstByteMs = 12;
    e.totalMs = 34;
    e.attempts = {Attempt {kT0, 503, 5, 2}, Attempt {kT0.addMSecs(7), 201, 27, -1}};
    e.result = ExchangeResult::Success;
    e.abortReason = AbortReason::Timeout;
    e.errorSentence = u"An error sentence"_s;
    Error error;
    error.code = ErrorCode::Syntax;
    error.message = u"bad"_s;
    error.offset = 4;
    error.length = 2;
    error.line = 1;
    error.column = 5;
    error.where = u"body"_s;
    e.error = error;
    Sas::DecodedToken token;
    token.rawSr = u"https%3a%2f%2fns%2fmyhub"_s;
    token.resource = u"https://ns/myhub"_s;
    token.rawSe = u"1772366400"_s;
    token.expiry = 1772366400;
    token.keyName = u"DefaultFullSharedAccessSignature"_s;
    token.fieldOrder = {u"sr"_s, u"sig"_s, u"se"_s, u"skn"_s};
    e.token = token;
    e.location = u"https://ns/myhub/messages/1"_s;
    e.notificationId = u"n-1"_s;
    e.trackingId = u"t-1"_s;
    e.continuationToken = u"c-1"_s;
    e.etag = u"\"3\""_s;
    RenderedPayload rendered;
    rendered.registrationId = u"reg-1"_s;
    rendered.body = uR"x({"aps":{"alert":""}})x"_s;
    rendered.marks = {{RenderedPayload::Mark::Kind::Empty, 17, 2, u"Empty."_s}};
    e.rendered = {rendered};
    r.context.profileId = u"p-1"_s;
    r.context.profileName = u"Production hub"_s;
    r.context.source = u"cli"_s;
    r.context.target = u"a || b"_s;
    r.context.targetKind = TargetKind::Tags;
    r.context.format = u"apple"_s;
    r.tags = {u"a"_s, u"b"_s};
    r.status = HistoryStatus::Failure;
    r.pinned = true;
    r.label = u"a label"_s;
    return r;
}

/** Only what every stored exchange has: an id and a start. */
HistoryRecord emptyRecord()
{
    HistoryRecord r;
    r.exchange.id = QUuid::fromString(u"5d1c0e3a-8c1b-4e0f-9a57-0c4c1e0d2a22"_s);
    r.exchange.started = kT0;
    return r;
}

} // namespace

class TestHistoryCodec : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void statementsAsWritten();
    void roundTrip_data();
    void roundTrip();
    void summaryOfRecord();
    void nullMask_data();
    void nullMask();

private:
    /** Stores `record` in the fresh table; returns its row id (0 on failure). */
    qint64 insert(const HistoryRecord &record);

    QSqlDatabase m_db;
    QString m_connection;
};

void TestHistoryCodec::init()
{
    m_connection = u"tst_historycodec-"_s + QString::fromLatin1(QTest::currentDataTag());
    m_db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connection);
    m_db.setDatabaseName(u":memory:"_s);
    QVERIFY(m_db.open());
    QSqlQuery q(m_db);
    QVERIFY2(q.exec(createExchangesSql()), qPrintable(q.lastError().text()));
}

void TestHistoryCodec::cleanup()
{
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connection);
}

qint64 TestHistoryCodec::insert(const HistoryRecord &record)
{
    QSqlQuery q(m_db);
    if (!q.prepare(insertSql()))
        return 0;
    for (const QVariant &v : bindValues(record))
        q.addBindValue(v);
    if (!q.exec()) {
        qWarning() << q.lastError().text();
        return 0;
    }
    return q.lastInsertId().toLongLong();
}

void TestHistoryCodec::statementsAsWritten()
{
    // What schema 1 and every version so far wrote and read, kept in step by hand before the
    // column table made them.
    QCOMPARE(createExchangesSql(),
             u"CREATE TABLE exchanges (id INTEGER PRIMARY KEY AUTOINCREMENT, uuid TEXT NOT NULL "
             u"UNIQUE, started_ms INTEGER NOT NULL, profile_id TEXT NOT NULL DEFAULT '', "
             u"profile_name TEXT NOT NULL DEFAULT '', source TEXT NOT NULL DEFAULT '', operation "
             u"TEXT NOT NULL DEFAULT '', hub TEXT NOT NULL DEFAULT '', target TEXT NOT NULL "
             u"DEFAULT '', target_kind TEXT NOT NULL DEFAULT '', tags TEXT NOT NULL DEFAULT '', "
             u"format TEXT NOT NULL DEFAULT '', method TEXT NOT NULL DEFAULT '', url TEXT NOT "
             u"NULL DEFAULT '', request_headers TEXT NOT NULL DEFAULT '', request_body BLOB, "
             u"status INTEGER NOT NULL DEFAULT 0, reason TEXT NOT NULL DEFAULT '', "
             u"response_headers TEXT NOT NULL DEFAULT '', response_body BLOB, ttfb_ms INTEGER "
             u"NOT NULL DEFAULT -1, total_ms INTEGER NOT NULL DEFAULT -1, attempts TEXT NOT NULL "
             u"DEFAULT '[]', result TEXT NOT NULL DEFAULT '', status_class INTEGER NOT NULL "
             u"DEFAULT 8, abort_reason INTEGER NOT NULL DEFAULT 0, error_sentence TEXT NOT NULL "
             u"DEFAULT '', error TEXT, token TEXT, parsed TEXT NOT NULL DEFAULT '', "
             u"outcome_success INTEGER NOT NULL DEFAULT -1, outcome_failure INTEGER NOT NULL "
             u"DEFAULT -1, location TEXT NOT NULL DEFAULT '', notification_id TEXT NOT NULL "
             u"DEFAULT '', tracking_id TEXT NOT NULL DEFAULT '', continuation_token TEXT NOT "
             u"NULL DEFAULT '', etag TEXT NOT NULL DEFAULT '', pinned INTEGER NOT NULL DEFAULT "
             u"0, label TEXT NOT NULL DEFAULT '', rendered TEXT)"_s);

    const QString columns =
        u"uuid, started_ms, profile_id, profile_name, source, operation, hub, target, "
        u"target_kind, tags, format, method, url, request_headers, request_body, status, reason, "
        u"response_headers, response_body, ttfb_ms, total_ms, attempts, result, status_class, "
        u"abort_reason, error_sentence, error, token, parsed, outcome_success, outcome_failure, "
        u"location, notification_id, tracking_id, continuation_token, etag, pinned, label, "
        u"rendered"_s;
    // In the column order of the INSERT: 1 = COALESCE(?, ''), 0 = ?.
    const QByteArray textMask = "001111111111110011000110010010011111010";
    QStringList marks;
    for (char c : textMask)
        marks.append(c == '1' ? u"COALESCE(?, '')"_s : u"?"_s);
    QCOMPARE(insertSql(),
             u"INSERT INTO exchanges ("_s + columns + u") VALUES ("_s + marks.join(u", "_s)
                 + u") ON CONFLICT(uuid) DO NOTHING"_s);
    QCOMPARE(bindValues(fullRecord()).size(), textMask.size());

    // A list row reads its columns in the table's order (the hand-written list had its own).
    QCOMPARE(selectColumns(Selection::Summary),
             u"id, uuid, started_ms, profile_id, profile_name, source, operation, hub, target, "
             u"target_kind, tags, format, method, status, total_ms, result, status_class, "
             u"error_sentence, outcome_success, outcome_failure, pinned, label"_s);
    QCOMPARE(selectColumns(Selection::Record), u"id, "_s + columns);
}

void TestHistoryCodec::roundTrip_data()
{
    QTest::addColumn<int>("column");
    const auto columns = historyColumns();
    for (qsizetype i = 0; i < qsizetype(columns.size()); ++i)
        QTest::newRow(columns[i].name.data()) << int(i);
}

void TestHistoryCodec::roundTrip()
{
    QFETCH(int, column);
    const HistoryColumn &c = historyColumns()[column];
    const HistoryRecord original = fullRecord();
    const qint64 rowId = insert(original);
    QCOMPARE(rowId, qint64(1));

    QSqlQuery q(m_db);
    QVERIFY(q.exec(u"SELECT "_s + selectColumns(Selection::Record) + u" FROM exchanges"_s));
    QVERIFY(q.next());
    const HistoryRecord read = recordFromRow(q);
    if (!c.encode) {
        QCOMPARE(read.rowId, rowId);
        return;
    }
    const QVariant stored = c.encode(original);
    QVERIFY2(!stored.isNull(), "the full record leaves no column empty");
    QCOMPARE(c.encode(read), stored);
}

void TestHistoryCodec::summaryOfRecord()
{
    const HistoryRecord original = fullRecord();
    QVERIFY(insert(original) > 0);
    QSqlQuery q(m_db);
    QVERIFY(q.exec(u"SELECT "_s + selectColumns(Selection::Summary) + u" FROM exchanges"_s));
    QVERIFY(q.next());
    const HistorySummary s = summaryFromRow(q);
    const Exchange &e = original.exchange;
    QCOMPARE(s.rowId, qint64(1));
    QCOMPARE(s.id, e.id);
    QCOMPARE(s.started, e.started);
    QCOMPARE(s.profileId, original.context.profileId);
    QCOMPARE(s.profileName, original.context.profileName);
    QCOMPARE(s.source, original.context.source);
    QCOMPARE(s.operation, e.operation);
    QCOMPARE(s.hub, e.hub);
    QCOMPARE(s.target, original.context.target);
    QCOMPARE(s.targetKind, original.context.targetKind);
    QCOMPARE(s.tags, original.tags);
    QCOMPARE(s.format, original.context.format);
    QCOMPARE(s.method, e.method);
    QCOMPARE(s.httpStatus, e.status);
    QCOMPARE(s.result, e.result);
    QCOMPARE(s.status, original.status);
    QCOMPARE(s.totalMs, e.totalMs);
    QCOMPARE(s.outcomeSuccess, qint64(3));
    QCOMPARE(s.outcomeFailure, qint64(2));
    QCOMPARE(s.errorSentence, e.errorSentence);
    QCOMPARE(s.pinned, original.pinned);
    QCOMPARE(s.label, original.label);
}

void TestHistoryCodec::nullMask_data()
{
    roundTrip_data();
}

void TestHistoryCodec::nullMask()
{
    QFETCH(int, column);
    const HistoryColumn &c = historyColumns()[column];
    QVERIFY(insert(emptyRecord()) > 0);
    QSqlQuery q(m_db);
    QVERIFY(q.exec(u"SELECT typeof("_s + c.name + u"), "_s + c.name + u" FROM exchanges"_s));
    QVERIFY(q.next());
    const QString type = q.value(0).toString();
    // Only an exchange's error, SAS token and rendered template payloads (schema 3) may be
    // absent; bodies are stored as empty blobs.
    const bool mayBeNull = c.name == "error"_L1 || c.name == "token"_L1 || c.name == "rendered"_L1;
    QCOMPARE(type == u"null"_s, mayBeNull);
    if (c.bind == Bind::TextOrEmpty) {
        // A null text (no url, no target kind, …) is stored as ''.
        QCOMPARE(type, u"text"_s);
        if (c.encode(emptyRecord()).toString().isNull())
            QCOMPARE(q.value(1).toString(), u""_s);
    }
}

QTEST_GUILESS_MAIN(TestHistoryCodec)
#include "tst_historycodec.moc"
