// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/historystore.h"

#include "common/logging.h"
#include "common/redaction.h"
#include "protocol/notification.h"
#include "protocol/operation.h"
#include "protocol/platform.h"
#include "protocol/tagexpression.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QThread>
#include <QWaitCondition>
#include <algorithm>
#include <variant>

using namespace Qt::Literals::StringLiterals;

namespace Nh {

namespace {

/** The translation context of this file's messages; lupdate reads it from here. */
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Nh::HistoryStore)
};

/// 1: exchanges, tags, meta. 2: the free-text index (FTS5, or a note that LIKE is used).
constexpr int kSchemaVersion = 2;
/// Ops committed in one transaction at most, so a burst is committed (and reported) in steps.
constexpr int kMaxBatch = 500;
/// BEGIN IMMEDIATE tries, each waiting up to the busy timeout for another writer.
constexpr int kBeginAttempts = 3;
constexpr int kBusyTimeoutMs = 10000;
constexpr qint64 kDayMs = 24LL * 60 * 60 * 1000;
const QChar kTagSeparator = QChar(0x1f);

const QString kSearchFts5 = u"fts5"_s;
const QString kSearchLike = u"like"_s;

// The columns free text looks at, in the FTS5 table and in the LIKE fallback alike.
const QStringList kTextColumns = {
    u"url"_s,           u"request_headers"_s, u"request_body"_s, u"response_headers"_s,
    u"response_body"_s, u"error_sentence"_s,  u"target"_s,       u"label"_s,
};

const QString kSummaryColumns =
    u"id, uuid, started_ms, profile_id, profile_name, source, operation, hub, target, "
    u"target_kind, tags, format, method, status, result, status_class, total_ms, "
    u"outcome_success, outcome_failure, error_sentence, pinned, label"_s;

const QString kRecordColumns =
    u"id, uuid, started_ms, profile_id, profile_name, source, operation, hub, target, "
    u"target_kind, tags, format, method, url, request_headers, request_body, status, reason, "
    u"response_headers, response_body, ttfb_ms, total_ms, attempts, result, status_class, "
    u"abort_reason, error_sentence, error, token, parsed, outcome_success, outcome_failure, "
    u"location, notification_id, tracking_id, continuation_token, etag, pinned, label"_s;

// --- connections ------------------------------------------------------------------------------

QString newConnectionName(QStringView role)
{
    return u"nh-history-"_s + role + u'-' + QUuid::createUuid().toString(QUuid::Id128);
}

QString sqlError(const QSqlQuery &q)
{
    return q.lastError().text();
}

/** Runs one statement; on failure returns the driver's text. */
std::optional<QString> execSql(QSqlDatabase &db, const QString &sql,
                               const QVariantList &values = {})
{
    QSqlQuery q(db);
    if (!q.prepare(sql))
        return sqlError(q);
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (!q.exec())
        return sqlError(q);
    q.finish();
    return std::nullopt;
}

std::optional<QVariant> scalar(QSqlDatabase &db, const QString &sql,
                               const QVariantList &values = {})
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.prepare(sql))
        return std::nullopt;
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (!q.exec() || !q.next())
        return std::nullopt;
    QVariant v = q.value(0);
    q.finish();
    return v;
}

void closeConnection(const QString &name)
{
    {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        if (db.isValid())
            db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

/** Opens `path` under `name` with the settings every history connection uses. */
Status openConnection(const QString &path, const QString &name, bool writer)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
    db.setDatabaseName(path);
    db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=%1"_s.arg(kBusyTimeoutMs));
    if (!db.open()) {
        return makeError(ErrorCode::Storage,
                         Tr::tr("Could not open the history file %1: %2")
                             .arg(QDir::toNativeSeparators(path), db.lastError().text()));
    }
    // FULL: an exchange reported written survives a power cut too, not only a crash; commits
    // are batched, so the fsyncs stay few.
    const QString sync = writer ? u"PRAGMA synchronous=FULL"_s : u"PRAGMA synchronous=NORMAL"_s;
    if (auto error = execSql(db, sync)) {
        return makeError(ErrorCode::Storage,
                         Tr::tr("Could not read the history file %1: %2")
                             .arg(QDir::toNativeSeparators(path), *error));
    }
    return {};
}

// --- schema -----------------------------------------------------------------------------------

bool fts5Available(QSqlDatabase &db)
{
    if (execSql(db, u"CREATE VIRTUAL TABLE temp.nh_fts5_probe USING fts5(x)"_s))
        return false;
    execSql(db, u"DROP TABLE temp.nh_fts5_probe"_s);
    return true;
}

QStringList fullTextSchema()
{
    const QString columns = kTextColumns.join(u", "_s);
    QStringList newValues, oldValues;
    for (const QString &c : kTextColumns) {
        newValues.append(u"new."_s + c);
        oldValues.append(u"old."_s + c);
    }
    const QString insertNew = u"INSERT INTO exchanges_fts(rowid, "_s + columns
        + u") VALUES (new.id, "_s + newValues.join(u", "_s) + u");"_s;
    const QString deleteOld = u"INSERT INTO exchanges_fts(exchanges_fts, rowid, "_s + columns
        + u") VALUES ('delete', old.id, "_s + oldValues.join(u", "_s) + u");"_s;
    // External content: the text is stored once, in exchanges; the index follows by triggers.
    return {
        u"CREATE VIRTUAL TABLE exchanges_fts USING fts5("_s + columns
            + u", content='exchanges', content_rowid='id', tokenize='unicode61')"_s,
        u"CREATE TRIGGER exchanges_fts_ai AFTER INSERT ON exchanges BEGIN "_s + insertNew
            + u" END"_s,
        u"CREATE TRIGGER exchanges_fts_ad AFTER DELETE ON exchanges BEGIN "_s + deleteOld
            + u" END"_s,
        u"CREATE TRIGGER exchanges_fts_au AFTER UPDATE OF label ON exchanges BEGIN "_s + deleteOld
            + u" "_s + insertNew + u" END"_s,
    };
}

const QStringList &schemaVersion1()
{
    static const QStringList sql = {
        u"CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"_s,
        u"CREATE TABLE exchanges ("
        "id INTEGER PRIMARY KEY AUTOINCREMENT, "
        "uuid TEXT NOT NULL UNIQUE, "
        "started_ms INTEGER NOT NULL, "
        "profile_id TEXT NOT NULL DEFAULT '', "
        "profile_name TEXT NOT NULL DEFAULT '', "
        "source TEXT NOT NULL DEFAULT '', "
        "operation TEXT NOT NULL DEFAULT '', "
        "hub TEXT NOT NULL DEFAULT '', "
        "target TEXT NOT NULL DEFAULT '', "
        "target_kind TEXT NOT NULL DEFAULT '', "
        "tags TEXT NOT NULL DEFAULT '', "
        "format TEXT NOT NULL DEFAULT '', "
        "method TEXT NOT NULL DEFAULT '', "
        "url TEXT NOT NULL DEFAULT '', "
        "request_headers TEXT NOT NULL DEFAULT '', "
        "request_body BLOB, "
        "status INTEGER NOT NULL DEFAULT 0, "
        "reason TEXT NOT NULL DEFAULT '', "
        "response_headers TEXT NOT NULL DEFAULT '', "
        "response_body BLOB, "
        "ttfb_ms INTEGER NOT NULL DEFAULT -1, "
        "total_ms INTEGER NOT NULL DEFAULT -1, "
        "attempts TEXT NOT NULL DEFAULT '[]', "
        "result TEXT NOT NULL DEFAULT '', "
        "status_class INTEGER NOT NULL DEFAULT 8, "
        "abort_reason INTEGER NOT NULL DEFAULT 0, "
        "error_sentence TEXT NOT NULL DEFAULT '', "
        "error TEXT, "
        "token TEXT, "
        "parsed TEXT NOT NULL DEFAULT '', "
        "outcome_success INTEGER NOT NULL DEFAULT -1, "
        "outcome_failure INTEGER NOT NULL DEFAULT -1, "
        "location TEXT NOT NULL DEFAULT '', "
        "notification_id TEXT NOT NULL DEFAULT '', "
        "tracking_id TEXT NOT NULL DEFAULT '', "
        "continuation_token TEXT NOT NULL DEFAULT '', "
        "etag TEXT NOT NULL DEFAULT '', "
        "pinned INTEGER NOT NULL DEFAULT 0, "
        "label TEXT NOT NULL DEFAULT '')"_s,
        u"CREATE INDEX exchanges_started ON exchanges(started_ms, id)"_s,
        // Covering for the retention query (newest unpinned first).
        u"CREATE INDEX exchanges_pinned_started ON exchanges(pinned, started_ms, id)"_s,
        u"CREATE INDEX exchanges_profile ON exchanges(profile_id, started_ms)"_s,
        u"CREATE INDEX exchanges_status ON exchanges(status_class, started_ms)"_s,
        u"CREATE INDEX exchanges_format ON exchanges(format COLLATE NOCASE, started_ms)"_s,
        u"CREATE TABLE exchange_tags (tag TEXT NOT NULL COLLATE NOCASE, exchange_id INTEGER NOT "
        u"NULL, PRIMARY KEY (tag, exchange_id)) WITHOUT ROWID"_s,
        u"CREATE INDEX exchange_tags_exchange ON exchange_tags(exchange_id)"_s,
        u"CREATE TRIGGER exchanges_tags_ad AFTER DELETE ON exchanges BEGIN "
        u"DELETE FROM exchange_tags WHERE exchange_id = old.id; END"_s,
    };
    return sql;
}

QString nativePath(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

/** Brings the file to kSchemaVersion in one write transaction (safe against a second process
 *  migrating at the same moment: the version is read again under the write lock). */
Status migrate(QSqlDatabase &db, const QString &path, bool wantFullText)
{
    // WAL cannot be switched on inside a transaction; the mode is stored in the file.
    {
        QSqlQuery q(db);
        if (!q.exec(u"PRAGMA journal_mode=WAL"_s)) {
            return makeError(ErrorCode::Storage,
                             Tr::tr("Could not read the history file %1: %2")
                                 .arg(nativePath(path), sqlError(q)));
        }
        q.finish();
    }
    if (auto error = execSql(db, u"BEGIN IMMEDIATE"_s)) {
        return makeError(
            ErrorCode::Storage,
            Tr::tr("Could not prepare the history file %1: %2").arg(nativePath(path), *error));
    }
    const auto fail = [&](const QString &message, ErrorCode code = ErrorCode::Storage) -> Status {
        execSql(db, u"ROLLBACK"_s);
        return makeError(code, message);
    };
    const int version = scalar(db, u"PRAGMA user_version"_s).value_or(0).toInt();
    if (version > kSchemaVersion) {
        return fail(
            Tr::tr("The history file %1 was written by a newer nhconsole (schema %2; this one "
                   "reads up to %3)")
                .arg(nativePath(path))
                .arg(version)
                .arg(kSchemaVersion),
            ErrorCode::InvalidValue);
    }
    if (version == 0) {
        const qint64 tables =
            scalar(db, u"SELECT count(*) FROM sqlite_master WHERE type = 'table'"_s)
                .value_or(0)
                .toLongLong();
        if (tables > 0) {
            execSql(db, u"ROLLBACK"_s);
            return makeError(ErrorCode::UnexpectedRoot,
                             Tr::tr("%1 is a database, but not an nhconsole history file")
                                 .arg(nativePath(path)));
        }
    }
    QStringList steps;
    if (version < 1)
        steps += schemaVersion1();
    if (version < 2) {
        const bool fts = wantFullText && fts5Available(db);
        if (fts) {
            steps += fullTextSchema();
            // Exchanges written under schema 1 get indexed too.
            steps += u"INSERT INTO exchanges_fts(exchanges_fts) VALUES ('rebuild')"_s;
        }
        steps += u"INSERT OR REPLACE INTO meta (key, value) VALUES ('search', '%1')"_s.arg(
            fts ? kSearchFts5 : kSearchLike);
    }
    for (const QString &sql : std::as_const(steps)) {
        if (auto error = execSql(db, sql)) {
            return fail(
                Tr::tr("Could not prepare the history file %1: %2").arg(nativePath(path), *error));
        }
    }
    // A file made without the index gets one when it is wanted and SQLite has FTS5.
    if (version >= 2 && wantFullText
        && scalar(db, u"SELECT value FROM meta WHERE key = 'search'"_s).value_or(QString())
            == kSearchLike
        && fts5Available(db)) {
        QStringList index = fullTextSchema();
        index += u"INSERT INTO exchanges_fts(exchanges_fts) VALUES ('rebuild')"_s;
        index += u"UPDATE meta SET value = 'fts5' WHERE key = 'search'"_s;
        for (const QString &sql : std::as_const(index)) {
            if (auto error = execSql(db, sql)) {
                return fail(Tr::tr("Could not index the history file %1: %2")
                                .arg(nativePath(path), *error));
            }
        }
    }
    if (auto error = execSql(db, u"PRAGMA user_version=%1"_s.arg(kSchemaVersion)))
        return fail(
            Tr::tr("Could not prepare the history file %1: %2").arg(nativePath(path), *error));
    if (auto error = execSql(db, u"COMMIT"_s))
        return fail(
            Tr::tr("Could not prepare the history file %1: %2").arg(nativePath(path), *error));
    return {};
}

// --- record encoding --------------------------------------------------------------------------

QString headersText(const HttpHeaders &headers)
{
    QString text;
    for (const auto &[name, value] : headers) {
        QString v = QString::fromUtf8(value);
        // A field value cannot hold a line break on the wire; keep one header per line.
        v.replace(u'\r', u' ').replace(u'\n', u' ');
        if (!text.isEmpty())
            text += u'\n';
        text += QString::fromUtf8(name) + u": "_s + v;
    }
    return text;
}

HttpHeaders headersFromText(const QString &text)
{
    HttpHeaders headers;
    const auto lines = QStringView(text).split(u'\n', Qt::SkipEmptyParts);
    for (QStringView line : lines) {
        const qsizetype colon = line.indexOf(u':');
        if (colon <= 0)
            continue;
        QStringView value = line.sliced(colon + 1);
        if (value.startsWith(u' '))
            value = value.sliced(1);
        headers.append({line.first(colon).toUtf8(), value.toUtf8()});
    }
    return headers;
}

QString targetKindName(TargetKind kind)
{
    switch (kind) {
    case TargetKind::None:
        return {};
    case TargetKind::Broadcast:
        return u"broadcast"_s;
    case TargetKind::Tags:
        return u"tags"_s;
    case TargetKind::Device:
        return u"device"_s;
    case TargetKind::Batch:
        return u"batch"_s;
    case TargetKind::Resource:
        return u"resource"_s;
    }
    return {};
}

TargetKind targetKindFromName(const QString &name)
{
    for (TargetKind k : {TargetKind::Broadcast, TargetKind::Tags, TargetKind::Device,
                         TargetKind::Batch, TargetKind::Resource}) {
        if (targetKindName(k) == name)
            return k;
    }
    return TargetKind::None;
}

ExchangeResult resultFromName(const QString &name)
{
    for (int i = 0; i <= int(ExchangeResult::Invalid); ++i) {
        if (exchangeResultName(ExchangeResult(i)) == name)
            return ExchangeResult(i);
    }
    return ExchangeResult::Pending;
}

HistoryStatus statusFromInt(int value)
{
    switch (value) {
    case int(HistoryStatus::Success):
    case int(HistoryStatus::Failure):
    case int(HistoryStatus::NoTargets):
        return HistoryStatus(value);
    default:
        return HistoryStatus::Error;
    }
}

QByteArray attemptsJson(const QList<Attempt> &attempts)
{
    QJsonArray array;
    for (const Attempt &a : attempts) {
        array.append(QJsonObject {{u"started"_s, double(a.started.toMSecsSinceEpoch())},
                                  {u"status"_s, a.status},
                                  {u"totalMs"_s, double(a.totalMs)},
                                  {u"retryAfter"_s, a.retryAfterSeconds}});
    }
    return QJsonDocument(array).toJson(QJsonDocument::Compact);
}

QList<Attempt> attemptsFromJson(const QByteArray &json)
{
    QList<Attempt> attempts;
    const QJsonArray array = QJsonDocument::fromJson(json).array();
    for (const QJsonValue &v : array) {
        const QJsonObject o = v.toObject();
        Attempt a;
        a.started =
            QDateTime::fromMSecsSinceEpoch(qint64(o.value(u"started"_s).toDouble()), Qt::UTC);
        a.status = o.value(u"status"_s).toInt();
        a.totalMs = qint64(o.value(u"totalMs"_s).toDouble());
        a.retryAfterSeconds = o.value(u"retryAfter"_s).toInt(-1);
        attempts.append(a);
    }
    return attempts;
}

QVariant errorJson(const std::optional<Error> &error)
{
    if (!error)
        return QVariant(QMetaType::fromType<QString>());
    const QJsonObject o {{u"code"_s, int(error->code)},
                         {u"message"_s, error->message},
                         {u"offset"_s, double(error->offset)},
                         {u"length"_s, double(error->length)},
                         {u"line"_s, double(error->line)},
                         {u"column"_s, double(error->column)},
                         {u"where"_s, error->where}};
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

std::optional<Error> errorFromJson(const QVariant &value)
{
    if (value.isNull())
        return std::nullopt;
    const QJsonObject o = QJsonDocument::fromJson(value.toString().toUtf8()).object();
    if (o.isEmpty())
        return std::nullopt;
    Error e;
    const int code = o.value(u"code"_s).toInt();
    e.code = code >= 0 && code <= int(kLastErrorCode) ? ErrorCode(code) : ErrorCode::InvalidValue;
    e.message = o.value(u"message"_s).toString();
    e.offset = qsizetype(o.value(u"offset"_s).toDouble(-1));
    e.length = qsizetype(o.value(u"length"_s).toDouble());
    e.line = qint64(o.value(u"line"_s).toDouble());
    e.column = qint64(o.value(u"column"_s).toDouble());
    e.where = o.value(u"where"_s).toString();
    return e;
}

QVariant tokenJson(const std::optional<Sas::DecodedToken> &token)
{
    if (!token)
        return QVariant(QMetaType::fromType<QString>());
    const QJsonObject o {
        {u"sr"_s, token->rawSr},    {u"resource"_s, token->resource},
        {u"se"_s, token->rawSe},    {u"expiry"_s, double(token->expiry)},
        {u"skn"_s, token->keyName}, {u"order"_s, QJsonArray::fromStringList(token->fieldOrder)}};
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

std::optional<Sas::DecodedToken> tokenFromJson(const QVariant &value)
{
    if (value.isNull())
        return std::nullopt;
    const QJsonObject o = QJsonDocument::fromJson(value.toString().toUtf8()).object();
    if (o.isEmpty())
        return std::nullopt;
    Sas::DecodedToken t;
    t.rawSr = o.value(u"sr"_s).toString();
    t.resource = o.value(u"resource"_s).toString();
    t.rawSe = o.value(u"se"_s).toString();
    t.expiry = qint64(o.value(u"expiry"_s).toDouble());
    t.keyName = o.value(u"skn"_s).toString();
    for (const QJsonValue &v : o.value(u"order"_s).toArray())
        t.fieldOrder.append(v.toString());
    t.rawSig = kRedacted.toString();
    t.signature = kRedacted.toString();
    return t;
}

/** Which parsed response the exchange holds; load() parses the stored body again with it. */
QString parsedKind(const Exchange &e)
{
    if (e.outcome)
        return u"outcome"_s;
    if (e.registration)
        return u"registration"_s;
    if (e.feed)
        return u"feed"_s;
    if (e.installation)
        return u"installation"_s;
    if (e.details)
        return u"details"_s;
    if (e.hubError)
        return u"hub-error"_s;
    return {};
}

void parseAgain(Exchange &e, const QString &kind)
{
    const auto take = [](auto result, auto &into) {
        if (result)
            into = *result;
    };
    if (kind == u"outcome"_s)
        take(parseNotificationOutcome(e.responseBody), e.outcome);
    else if (kind == u"registration"_s)
        take(parseRegistrationEntry(e.responseBody), e.registration);
    else if (kind == u"feed"_s)
        take(parseRegistrationFeed(e.responseBody), e.feed);
    else if (kind == u"installation"_s)
        take(parseInstallation(e.responseBody), e.installation);
    else if (kind == u"details"_s)
        take(parseNotificationDetails(e.responseBody), e.details);
    else if (kind == u"hub-error"_s)
        take(parseErrorBody(e.responseBody), e.hubError);
}

/**
 * The VALUES of the exchange INSERT. A null QString binds as NULL; the text columns are NOT NULL
 * with '' for "none", so they take COALESCE(?, ''). The bodies, error and token may be NULL.
 */
QString insertPlaceholders()
{
    // In the column order of the INSERT: 1 = text, 0 = other.
    static const char kText[] = "00111111111111001100011001001001111101";
    QStringList marks;
    for (const char *c = kText; *c; ++c)
        marks.append(*c == '1' ? u"COALESCE(?, '')"_s : u"?"_s);
    return marks.join(u", "_s);
}

/** Binds an empty byte array as an empty blob, not NULL. */
QVariant blob(const QByteArray &bytes)
{
    return bytes.isNull() ? QVariant(QByteArray("")) : QVariant(bytes);
}

QString escapeLike(const QString &text)
{
    QString out;
    out.reserve(text.size() + 2);
    for (QChar c : text) {
        if (c == u'%' || c == u'_' || c == u'\\')
            out += u'\\';
        out += c;
    }
    return u'%' + out + u'%';
}

bool hasWordCharacter(QStringView word)
{
    return std::any_of(word.begin(), word.end(), [](QChar c) { return c.isLetterOrNumber(); });
}

struct Where
{
    QString sql = u"1"_s;
    QVariantList values;
};

Where whereClause(const HistoryFilter &f, bool fullText)
{
    Where w;
    const auto add = [&w](const QString &condition) {
        w.sql += u" AND "_s + condition;
    };
    if (!f.profileId.isEmpty()) {
        add(u"profile_id = ?"_s);
        w.values.append(f.profileId);
    }
    if (f.from.isValid()) {
        add(u"started_ms >= ?"_s);
        w.values.append(f.from.toMSecsSinceEpoch());
    }
    if (f.to.isValid()) {
        add(u"started_ms < ?"_s);
        w.values.append(f.to.toMSecsSinceEpoch());
    }
    if (!f.format.isEmpty()) {
        add(u"format = ? COLLATE NOCASE"_s);
        w.values.append(f.format);
    }
    if (!f.tag.isEmpty()) {
        add(u"id IN (SELECT exchange_id FROM exchange_tags WHERE tag = ?)"_s);
        w.values.append(f.tag.trimmed());
    }
    if (!f.target.isEmpty()) {
        add(u"target LIKE ? ESCAPE '\\'"_s);
        w.values.append(escapeLike(f.target));
    }
    if (f.statuses) {
        QStringList ints;
        for (HistoryStatus s : {HistoryStatus::Success, HistoryStatus::Failure,
                                HistoryStatus::NoTargets, HistoryStatus::Error}) {
            if (f.statuses.testFlag(s))
                ints.append(QString::number(int(s)));
        }
        add(u"status_class IN ("_s + ints.join(u',') + u')');
    }
    if (f.pinnedOnly)
        add(u"pinned = 1"_s);

    const QStringList words = f.text.split(QChar(u' '), Qt::SkipEmptyParts);
    QStringList match;
    for (QString word : words) {
        word = word.trimmed();
        if (word.isEmpty())
            continue;
        if (fullText && hasWordCharacter(word)) {
            // A quoted FTS5 string is a phrase of its tokens; '*' makes its last one a prefix.
            match.append(u'"' + QString(word).replace(u'"', u"\"\""_s) + u"\"*"_s);
            continue;
        }
        QStringList any;
        for (const QString &column : kTextColumns) {
            // LIKE never matches a BLOB operand (the bodies): compare their text.
            any.append(u"CAST("_s + column + u" AS TEXT) LIKE ? ESCAPE '\\'"_s);
            w.values.append(escapeLike(word));
        }
        add(u'(' + any.join(u" OR "_s) + u')');
    }
    if (!match.isEmpty()) {
        add(u"id IN (SELECT rowid FROM exchanges_fts WHERE exchanges_fts MATCH ?)"_s);
        w.values.append(match.join(u' '));
    }
    return w;
}

QString sortExpression(HistorySort::Key key)
{
    switch (key) {
    case HistorySort::Key::Started:
        return u"started_ms"_s;
    case HistorySort::Key::Profile:
        return u"profile_name"_s;
    case HistorySort::Key::Operation:
        return u"operation"_s;
    case HistorySort::Key::Target:
        return u"target"_s;
    case HistorySort::Key::Format:
        return u"format"_s;
    case HistorySort::Key::Status:
        return u"status"_s;
    case HistorySort::Key::Outcome:
        return u"outcome_failure"_s;
    case HistorySort::Key::Elapsed:
        return u"total_ms"_s;
    case HistorySort::Key::Label:
        return u"label"_s;
    }
    return u"started_ms"_s;
}

HistorySummary summaryFrom(const QSqlQuery &q)
{
    HistorySummary s;
    s.rowId = q.value(0).toLongLong();
    s.id = QUuid::fromString(q.value(1).toString());
    s.started = QDateTime::fromMSecsSinceEpoch(q.value(2).toLongLong(), Qt::UTC);
    s.profileId = q.value(3).toString();
    s.profileName = q.value(4).toString();
    s.source = q.value(5).toString();
    s.operation = q.value(6).toString();
    s.hub = q.value(7).toString();
    s.target = q.value(8).toString();
    s.targetKind = targetKindFromName(q.value(9).toString());
    s.tags = q.value(10).toString().split(kTagSeparator, Qt::SkipEmptyParts);
    s.format = q.value(11).toString();
    s.method = q.value(12).toString().toUtf8();
    s.httpStatus = q.value(13).toInt();
    s.result = resultFromName(q.value(14).toString());
    s.status = statusFromInt(q.value(15).toInt());
    s.totalMs = q.value(16).toLongLong();
    s.outcomeSuccess = q.value(17).toLongLong();
    s.outcomeFailure = q.value(18).toLongLong();
    s.errorSentence = q.value(19).toString();
    s.pinned = q.value(20).toBool();
    s.label = q.value(21).toString();
    return s;
}

HistoryRecord recordFrom(const QSqlQuery &q)
{
    HistoryRecord r;
    Exchange &e = r.exchange;
    int i = 0;
    const auto next = [&q, &i] {
        return q.value(i++);
    };
    r.rowId = next().toLongLong();
    e.id = QUuid::fromString(next().toString());
    e.started = QDateTime::fromMSecsSinceEpoch(next().toLongLong(), Qt::UTC);
    r.context.profileId = next().toString();
    r.context.profileName = next().toString();
    r.context.source = next().toString();
    e.operation = next().toString();
    e.hub = next().toString();
    r.context.target = next().toString();
    r.context.targetKind = targetKindFromName(next().toString());
    r.tags = next().toString().split(kTagSeparator, Qt::SkipEmptyParts);
    r.context.format = next().toString();
    e.method = next().toString().toUtf8();
    const QString url = next().toString();
    e.url = url.isEmpty() ? QUrl() : QUrl(url, QUrl::TolerantMode);
    e.requestHeaders = headersFromText(next().toString());
    e.requestBody = next().toByteArray();
    e.status = next().toInt();
    e.reasonPhrase = next().toString().toUtf8();
    e.responseHeaders = headersFromText(next().toString());
    e.responseBody = next().toByteArray();
    e.timeToFirstByteMs = next().toLongLong();
    e.totalMs = next().toLongLong();
    e.attempts = attemptsFromJson(next().toString().toUtf8());
    e.result = resultFromName(next().toString());
    r.status = statusFromInt(next().toInt());
    const int abort = next().toInt();
    e.abortReason = abort == int(AbortReason::User) ? AbortReason::User
        : abort == int(AbortReason::Timeout)        ? AbortReason::Timeout
                                                    : AbortReason::None;
    e.errorSentence = next().toString();
    e.error = errorFromJson(next());
    e.token = tokenFromJson(next());
    const QString parsed = next().toString();
    next(); // outcome_success: the outcome itself is parsed again below
    next(); // outcome_failure
    e.location = next().toString();
    e.notificationId = next().toString();
    e.trackingId = next().toString();
    e.continuationToken = next().toString();
    e.etag = next().toString();
    r.pinned = next().toBool();
    r.label = next().toString();
    parseAgain(e, parsed);
    return r;
}

QString pathBelowHub(const QUrl &url, const QString &hub)
{
    const QStringList segments = url.path().split(u'/', Qt::SkipEmptyParts);
    for (qsizetype i = 0; i < segments.size(); ++i) {
        if (segments.at(i).compare(hub, Qt::CaseInsensitive) == 0)
            return segments.mid(i + 1).join(u'/');
    }
    return {};
}

/** Redacts like Nh::redactHeaders(), but keeps an already redacted SAS token readable (a
 *  second redactHeaders() pass would blank it whole, its value no longer changing). */
HttpHeaders redactedHeaders(const HttpHeaders &headers)
{
    HttpHeaders out;
    out.reserve(headers.size());
    for (const auto &[name, value] : headers) {
        QByteArray shown = redactSecrets(value);
        if (isSecretHeader(name) && !shown.isEmpty()
            && !shown.contains(QByteArray("sig=" + kRedacted.toString().toUtf8())))
            shown = kRedacted.toString().toUtf8();
        out.append({name, shown});
    }
    return out;
}

} // namespace

// --- free functions ---------------------------------------------------------------------------

HistoryStatus historyStatusOf(const Exchange &exchange)
{
    switch (exchange.result) {
    case ExchangeResult::Success:
        return exchange.outcome && exchange.outcome->failure > 0 ? HistoryStatus::Failure
                                                                 : HistoryStatus::Success;
    case ExchangeResult::NoTargets:
        return HistoryStatus::NoTargets;
    case ExchangeResult::HubError:
        return HistoryStatus::Failure;
    case ExchangeResult::Pending:
    case ExchangeResult::TransportError:
    case ExchangeResult::Timeout:
    case ExchangeResult::Cancelled:
    case ExchangeResult::BadResponse:
    case ExchangeResult::Invalid:
        break;
    }
    return HistoryStatus::Error;
}

QString historyStatusName(HistoryStatus status)
{
    switch (status) {
    case HistoryStatus::Success:
        return u"success"_s;
    case HistoryStatus::Failure:
        return u"failure"_s;
    case HistoryStatus::NoTargets:
        return u"no-targets"_s;
    case HistoryStatus::Error:
        return u"error"_s;
    }
    return {};
}

QString historyStatusDisplayName(HistoryStatus status)
{
    switch (status) {
    case HistoryStatus::Success:
        return Tr::tr("Success");
    case HistoryStatus::Failure:
        return Tr::tr("Failure");
    case HistoryStatus::NoTargets:
        return Tr::tr("No targets");
    case HistoryStatus::Error:
        return Tr::tr("Error");
    }
    return {};
}

void HistoryContext::describe(const Notification &notification)
{
    format = formatWireName(notification.format);
    const Target &t = notification.target;
    switch (t.kind) {
    case Target::Kind::Broadcast:
        targetKind = TargetKind::Broadcast;
        target.clear();
        break;
    case Target::Kind::TagExpression:
        targetKind = TargetKind::Tags;
        target = t.tagExpression.trimmed();
        break;
    case Target::Kind::DeviceHandle:
        targetKind = TargetKind::Device;
        target = t.deviceHandles.value(0);
        break;
    case Target::Kind::DeviceHandles:
        targetKind = TargetKind::Batch;
        target = t.deviceHandles.join(u", "_s);
        break;
    }
}

HistoryRecord historyRecordFor(const Exchange &exchange, const HistoryContext &context)
{
    HistoryRecord r;
    r.context = context;
    Exchange &e = r.exchange;
    e = exchange;
    e.authorization.clear();
    if (e.token) {
        e.token->rawSig = kRedacted.toString();
        e.token->signature = kRedacted.toString();
    }
    if (!e.started.isValid())
        e.started = QDateTime::currentDateTimeUtc();
    e.requestHeaders = redactedHeaders(e.requestHeaders);
    e.responseHeaders = redactedHeaders(e.responseHeaders);
    if (!e.url.isEmpty())
        e.url = QUrl::fromEncoded(redactSecrets(e.url.toEncoded()), QUrl::TolerantMode);
    e.requestBody = redactSecrets(e.requestBody);
    e.responseBody = redactSecrets(e.responseBody);
    e.errorSentence = redactSecrets(e.errorSentence);
    if (e.error)
        e.error->message = redactSecrets(e.error->message);
    e.location = redactSecrets(e.location);
    e.continuationToken = redactSecrets(e.continuationToken);
    if (e.hubError) {
        // Its text came from the body, which is redacted above; parse it again from there.
        if (auto body = parseErrorBody(e.responseBody))
            e.hubError = *body;
        else
            e.hubError.reset();
    }

    // What the request aimed at, unless the caller said.
    HistoryContext &c = r.context;
    const QString path = e.url.isEmpty() ? QString() : pathBelowHub(e.url, e.hub);
    if (c.target.isEmpty() && c.targetKind == TargetKind::None) {
        const auto tags = headerValue(e.requestHeaders, kTagsHeader);
        const auto handle = headerValue(e.requestHeaders, kDeviceHandleHeader);
        if (tags) {
            c.targetKind = TargetKind::Tags;
            c.target = QString::fromUtf8(*tags).trimmed();
        } else if (handle) {
            c.targetKind = TargetKind::Device;
            c.target = QString::fromUtf8(*handle).trimmed();
        } else if (e.operation == operationName(Operation::SendBatch)
                   || path.endsWith(u"$batch"_s)) {
            c.targetKind = TargetKind::Batch;
        } else if (e.operation.startsWith(operationName(Operation::Send))) {
            c.targetKind = TargetKind::Broadcast;
        } else if (!path.isEmpty()) {
            c.targetKind = TargetKind::Resource;
            c.target = path;
        }
    }
    if (c.format.isEmpty()) {
        if (const auto format = headerValue(e.requestHeaders, kFormatHeader)) {
            const QString raw = QString::fromUtf8(*format).trimmed();
            const auto known = formatFromWireName(raw);
            c.format = known ? formatWireName(*known) : raw.toLower();
        }
    }
    c.target = redactSecrets(c.target);

    if (c.targetKind == TargetKind::Tags) {
        if (auto parsed = TagExpression::parse(c.target, TagExpression::Limits::Report))
            r.tags = parsed->tags();
    } else if (e.operation == operationName(Operation::RegistrationsByTag)) {
        const QStringList segments = path.split(u'/');
        if (segments.size() >= 2 && segments.first() == u"tags"_s)
            r.tags = {segments.at(1)};
    }
    r.status = historyStatusOf(e);
    return r;
}

Expect expectedResponse(const QString &operation)
{
    static const QHash<QString, Expect> table = {
        {operationName(Operation::SendTest), Expect::Outcome},
        {operationName(Operation::RegistrationsCreate), Expect::Registration},
        {operationName(Operation::RegistrationsPut), Expect::Registration},
        {operationName(Operation::RegistrationsGet), Expect::Registration},
        {operationName(Operation::RegistrationsList), Expect::Feed},
        {operationName(Operation::RegistrationsByTag), Expect::Feed},
        {operationName(Operation::InstallationsGet), Expect::Installation},
        {operationName(Operation::TelemetryGet), Expect::Details},
        {operationName(Operation::FeedbackGet), Expect::Text},
    };
    return table.value(operation, Expect::Nothing);
}

Result<HubRequest> resendRequest(const HistoryRecord &record)
{
    const Exchange &e = record.exchange;
    if (e.url.isEmpty() || !e.url.isValid()) {
        return makeError(ErrorCode::MissingField,
                         QCoreApplication::translate("Nh::HistoryStore",
                                                     "The exchange of %1 was never sent (%2), so "
                                                     "there is no request to send again")
                             .arg(e.started.toLocalTime().toString(Qt::ISODate),
                                  e.errorSentence.isEmpty() ? exchangeResultDisplayName(e.result)
                                                            : e.errorSentence),
                         -1, 0, u"url"_s);
    }
    const QString path = pathBelowHub(e.url, e.hub);
    if (e.hub.isEmpty() || path.isEmpty()) {
        return makeError(ErrorCode::InvalidValue,
                         QCoreApplication::translate("Nh::HistoryStore",
                                                     "The stored URL %1 is not below the hub "
                                                     "\"%2\", so it cannot be sent again")
                             .arg(e.url.toString(), e.hub),
                         -1, 0, u"url"_s);
    }
    HubRequest r;
    r.operation = e.operation;
    r.method = e.method;
    r.path = path;
    r.body = e.requestBody;
    r.expect = expectedResponse(e.operation);
    const QByteArray query = e.url.query(QUrl::FullyEncoded).toUtf8();
    for (const QByteArray &part : query.split('&')) {
        if (part.isEmpty())
            continue;
        const qsizetype eq = part.indexOf('=');
        const QString name = QUrl::fromPercentEncoding(eq < 0 ? part : part.first(eq));
        if (name == u"api-version"_s)
            continue;
        r.query.append({name, eq < 0 ? QString() : QUrl::fromPercentEncoding(part.sliced(eq + 1))});
    }
    bool redacted = e.requestBody.contains(kRedacted.toString().toUtf8());
    for (const auto &[name, value] : e.requestHeaders) {
        if (name.compare("Authorization", Qt::CaseInsensitive) == 0
            || name.compare("x-ms-version", Qt::CaseInsensitive) == 0)
            continue;
        redacted = redacted || value.contains(kRedacted.toString().toUtf8());
        r.headers.append({name, value});
    }
    Result<HubRequest> result(std::move(r));
    if (redacted) {
        result.addWarning({QCoreApplication::translate(
                               "Nh::HistoryStore",
                               "A secret in this exchange was redacted when it was stored; the "
                               "request sent again carries \"[redacted]\" in its place"),
                           -1, 0});
    }
    return result;
}

// --- HistoryFilter, HistorySort -----------------------------------------------------------------

bool HistoryFilter::isEmpty() const
{
    return *this == HistoryFilter();
}

bool HistoryFilter::matchesSummary(const HistorySummary &row) const
{
    if (!profileId.isEmpty() && row.profileId != profileId)
        return false;
    if (from.isValid() && row.started < from)
        return false;
    if (to.isValid() && row.started >= to)
        return false;
    if (!format.isEmpty() && row.format.compare(format, Qt::CaseInsensitive) != 0)
        return false;
    if (!tag.isEmpty() && !row.tags.contains(tag.trimmed(), Qt::CaseInsensitive))
        return false;
    if (!target.isEmpty() && !row.target.contains(target, Qt::CaseInsensitive))
        return false;
    if (statuses && !statuses.testFlag(row.status))
        return false;
    if (pinnedOnly && !row.pinned)
        return false;
    return true;
}

QVariant HistorySort::valueOf(const HistorySummary &row, Key key)
{
    switch (key) {
    case Key::Started:
        return row.started.toMSecsSinceEpoch();
    case Key::Profile:
        return row.profileName;
    case Key::Operation:
        return row.operation;
    case Key::Target:
        return row.target;
    case Key::Format:
        return row.format;
    case Key::Status:
        return row.httpStatus;
    case Key::Outcome:
        return row.outcomeFailure;
    case Key::Elapsed:
        return row.totalMs;
    case Key::Label:
        return row.label;
    }
    return {};
}

bool HistorySort::before(const HistorySummary &a, const HistorySummary &b) const
{
    const QVariant va = valueOf(a, key);
    const QVariant vb = valueOf(b, key);
    int c = 0;
    if (va.typeId() == QMetaType::QString) {
        // SQLite's BINARY collation compares UTF-8 bytes.
        c = va.toString().toUtf8().compare(vb.toString().toUtf8());
    } else {
        const qint64 x = va.toLongLong(), y = vb.toLongLong();
        c = x < y ? -1 : x > y ? 1 : 0;
    }
    if (c == 0)
        c = a.rowId < b.rowId ? -1 : a.rowId > b.rowId ? 1 : 0;
    return order == Qt::AscendingOrder ? c < 0 : c > 0;
}

// --- HistoryReader ----------------------------------------------------------------------------

Result<std::unique_ptr<HistoryReader>> HistoryReader::open(const QString &path)
{
    std::unique_ptr<HistoryReader> reader(new HistoryReader);
    reader->m_path = path;
    reader->m_connection = newConnectionName(u"reader");
    if (!QFileInfo::exists(path)) {
        QSqlDatabase::removeDatabase(reader->m_connection);
        return makeError(ErrorCode::NotFound,
                         Tr::tr("There is no history file at %1").arg(nativePath(path)));
    }
    if (auto opened = openConnection(path, reader->m_connection, false); !opened)
        return opened.error();
    QSqlDatabase db = QSqlDatabase::database(reader->m_connection);
    const int version = scalar(db, u"PRAGMA user_version"_s).value_or(-1).toInt();
    if (version > kSchemaVersion) {
        return makeError(ErrorCode::InvalidValue,
                         Tr::tr("The history file %1 was written by a newer nhconsole (schema %2; "
                                "this one reads up to %3)")
                             .arg(nativePath(path))
                             .arg(version)
                             .arg(kSchemaVersion));
    }
    if (version < kSchemaVersion) {
        return makeError(ErrorCode::UnexpectedRoot,
                         Tr::tr("%1 is not an nhconsole history file, or one not opened by "
                                "nhconsole yet")
                             .arg(nativePath(path)));
    }
    reader->m_fullText =
        scalar(db, u"SELECT value FROM meta WHERE key = 'search'"_s).value_or(QString()).toString()
        == kSearchFts5;
    return reader;
}

HistoryReader::~HistoryReader()
{
    if (!m_connection.isEmpty())
        closeConnection(m_connection);
}

Result<qint64> HistoryReader::count(const HistoryFilter &filter) const
{
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    const Where w = whereClause(filter, m_fullText);
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.prepare(u"SELECT count(*) FROM exchanges WHERE "_s + w.sql)) {
        return makeError(ErrorCode::Storage,
                         Tr::tr("Could not search the history file %1: %2")
                             .arg(nativePath(m_path), sqlError(q)));
    }
    for (const QVariant &v : w.values)
        q.addBindValue(v);
    if (!q.exec() || !q.next()) {
        return makeError(ErrorCode::Storage,
                         Tr::tr("Could not search the history file %1: %2")
                             .arg(nativePath(m_path), sqlError(q)));
    }
    const qint64 n = q.value(0).toLongLong();
    q.finish();
    return n;
}

static Result<QList<HistorySummary>> runSummaries(const QString &connection, const QString &path,
                                                  const QString &sql, const QVariantList &values)
{
    QSqlDatabase db = QSqlDatabase::database(connection);
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.prepare(sql)) {
        return makeError(
            ErrorCode::Storage,
            Tr::tr("Could not search the history file %1: %2").arg(nativePath(path), sqlError(q)));
    }
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (!q.exec()) {
        return makeError(
            ErrorCode::Storage,
            Tr::tr("Could not search the history file %1: %2").arg(nativePath(path), sqlError(q)));
    }
    QList<HistorySummary> rows;
    while (q.next())
        rows.append(summaryFrom(q));
    q.finish();
    return rows;
}

Result<QList<HistorySummary>> HistoryReader::page(const HistoryFilter &filter,
                                                  const HistorySort &sort,
                                                  const HistorySummary *after, int limit) const
{
    Where w = whereClause(filter, m_fullText);
    const QString expr = sortExpression(sort.key);
    const bool desc = sort.order == Qt::DescendingOrder;
    if (after) {
        w.sql += u" AND ("_s + expr + u", id) "_s + (desc ? u'<' : u'>') + u" (?, ?)"_s;
        w.values.append(HistorySort::valueOf(*after, sort.key));
        w.values.append(after->rowId);
    }
    const QString direction = desc ? u" DESC"_s : u" ASC"_s;
    const QString sql = u"SELECT "_s + kSummaryColumns + u" FROM exchanges WHERE "_s + w.sql
        + u" ORDER BY "_s + expr + direction + u", id"_s + direction + u" LIMIT "_s
        + QString::number(std::max(limit, 0));
    return runSummaries(m_connection, m_path, sql, w.values);
}

Result<QList<HistorySummary>> HistoryReader::rowsAfter(qint64 rowId,
                                                       const HistoryFilter &filter) const
{
    Where w = whereClause(filter, m_fullText);
    w.sql += u" AND id > ?"_s;
    w.values.append(rowId);
    return runSummaries(m_connection, m_path,
                        u"SELECT "_s + kSummaryColumns + u" FROM exchanges WHERE "_s + w.sql
                            + u" ORDER BY id"_s,
                        w.values);
}

Result<QList<HistorySummary>> HistoryReader::rows(const QList<qint64> &rowIds,
                                                  const HistoryFilter &filter) const
{
    const Where w = whereClause(filter, m_fullText);
    QList<HistorySummary> all;
    // Integers only, so they may be written into the statement; chunks keep it short.
    for (qsizetype start = 0; start < rowIds.size(); start += 500) {
        QStringList ids;
        for (qint64 id : rowIds.mid(start, 500))
            ids.append(QString::number(id));
        auto part =
            runSummaries(m_connection, m_path,
                         u"SELECT "_s + kSummaryColumns + u" FROM exchanges WHERE "_s + w.sql
                             + u" AND id IN ("_s + ids.join(u',') + u") ORDER BY id"_s,
                         w.values);
        if (!part)
            return part.error();
        all += part.value();
    }
    return all;
}

qint64 HistoryReader::lastRowId() const
{
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    // AUTOINCREMENT keeps the highest id ever given in sqlite_sequence, deleted rows included.
    return scalar(db, u"SELECT seq FROM sqlite_sequence WHERE name = 'exchanges'"_s)
        .value_or(0)
        .toLongLong();
}

qint64 HistoryReader::dataVersion() const
{
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    return scalar(db, u"PRAGMA data_version"_s).value_or(0).toLongLong();
}

Result<HistoryRecord> HistoryReader::load(const QUuid &id) const
{
    auto list = load(QList<QUuid> {id});
    if (!list)
        return list.error();
    if (list->isEmpty()) {
        return makeError(
            ErrorCode::NotFound,
            Tr::tr("The exchange %1 is no longer in the history (deleted, or removed by "
                   "the history limit)")
                .arg(id.toString(QUuid::WithoutBraces)),
            -1, 0, id.toString(QUuid::WithoutBraces));
    }
    return list->first();
}

Result<QList<HistoryRecord>> HistoryReader::load(const QList<QUuid> &ids) const
{
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.prepare(u"SELECT "_s + kRecordColumns + u" FROM exchanges WHERE uuid = ?"_s)) {
        return makeError(
            ErrorCode::Storage,
            Tr::tr("Could not read the history file %1: %2").arg(nativePath(m_path), sqlError(q)));
    }
    QList<HistoryRecord> records;
    for (const QUuid &id : ids) {
        q.addBindValue(id.toString(QUuid::WithoutBraces));
        if (!q.exec()) {
            return makeError(ErrorCode::Storage,
                             Tr::tr("Could not read the history file %1: %2")
                                 .arg(nativePath(m_path), sqlError(q)));
        }
        if (q.next())
            records.append(recordFrom(q));
        q.finish();
    }
    return records;
}

RetentionPolicy HistoryReader::retention() const
{
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    RetentionPolicy p;
    if (auto count = scalar(db, u"SELECT value FROM meta WHERE key = 'retention_count'"_s))
        p.maxCount = count->toInt();
    if (auto days = scalar(db, u"SELECT value FROM meta WHERE key = 'retention_days'"_s))
        p.maxAgeDays = days->toInt();
    return p;
}

// --- the writer thread ------------------------------------------------------------------------

struct AddOp
{
    Exchange exchange;
    HistoryContext context;
};
struct PinOp
{
    QUuid id;
    bool pinned = false;
};
struct LabelOp
{
    QUuid id;
    QString label;
};
struct RemoveOp
{
    QList<QUuid> ids;
};
struct RetentionOp
{
    RetentionPolicy policy;
};
using WriteOp = std::variant<AddOp, PinOp, LabelOp, RemoveOp, RetentionOp>;

/**
 * Owns the writing connection; drains the queue in transactions of up to kMaxBatch ops and
 * reports each op to the store only after its transaction committed.
 */
class HistoryWriter final : public QThread
{
public:
    HistoryWriter(HistoryStore *store, QString path)
        : m_store(store)
        , m_path(std::move(path))
    { }

    void enqueue(WriteOp op)
    {
        QMutexLocker lock(&m_mutex);
        m_queue.append(std::move(op));
        m_wake.wakeOne();
    }

    void stop()
    {
        QMutexLocker lock(&m_mutex);
        m_stopping = true;
        m_wake.wakeOne();
    }

    int pending() const
    {
        QMutexLocker lock(&m_mutex);
        return int(m_queue.size()) + m_inFlight;
    }

protected:
    void run() override;

private:
    struct Report
    {
        QList<QPair<QUuid, qint64>> written;
        QList<QUuid> updated;
        QList<QUuid> removed;
        QList<QPair<QUuid, QString>> failed;
    };

    bool apply(QSqlDatabase &db, const WriteOp &op, Report &report, bool &added);
    void prune(QSqlDatabase &db, Report &report);
    QList<QUuid> deleteWhere(QSqlDatabase &db, const QString &condition,
                             const QVariantList &values);
    void deliver(Report report);
    void failAll(const QList<WriteOp> &ops, const QString &message);

    HistoryStore *m_store;
    QString m_path;
    mutable QMutex m_mutex;
    QWaitCondition m_wake;
    QList<WriteOp> m_queue;
    int m_inFlight = 0;
    bool m_stopping = false;
};

void HistoryWriter::run()
{
    const QString name = newConnectionName(u"writer");
    const Status opened = openConnection(m_path, name, true);
    for (;;) {
        QList<WriteOp> batch;
        {
            QMutexLocker lock(&m_mutex);
            m_inFlight = 0;
            while (m_queue.isEmpty() && !m_stopping)
                m_wake.wait(&m_mutex);
            if (m_queue.isEmpty())
                break;
            const qsizetype n = std::min<qsizetype>(m_queue.size(), kMaxBatch);
            batch = m_queue.first(n);
            m_queue.remove(0, n);
            m_inFlight = int(n);
        }
        if (!opened) {
            failAll(batch, opened.error().message);
            continue;
        }
        QSqlDatabase db = QSqlDatabase::database(name);
        // IMMEDIATE takes the write lock up front: a deferred transaction that later needs it
        // can fail at once with SQLITE_BUSY, past the busy handler, when another process writes.
        std::optional<QString> beginError;
        for (int attempt = 0; attempt < kBeginAttempts; ++attempt) {
            beginError = execSql(db, u"BEGIN IMMEDIATE"_s);
            if (!beginError)
                break;
        }
        if (beginError) {
            failAll(batch,
                    Tr::tr("Could not write to the history file %1: %2")
                        .arg(nativePath(m_path), *beginError));
            continue;
        }
        Report report;
        bool added = false;
        for (const WriteOp &op : std::as_const(batch))
            apply(db, op, report, added);
        if (added)
            prune(db, report);
        if (auto error = execSql(db, u"COMMIT"_s)) {
            execSql(db, u"ROLLBACK"_s);
            failAll(batch,
                    Tr::tr("Could not write to the history file %1: %2")
                        .arg(nativePath(m_path), *error));
            continue;
        }
        deliver(std::move(report));
    }
    closeConnection(name);
}

bool HistoryWriter::apply(QSqlDatabase &db, const WriteOp &op, Report &report, bool &added)
{
    if (const auto *add = std::get_if<AddOp>(&op)) {
        added = true;
        const HistoryRecord r = historyRecordFor(add->exchange, add->context);
        const Exchange &e = r.exchange;
        const QString uuid = e.id.toString(QUuid::WithoutBraces);
        QSqlQuery q(db);
        q.prepare(
            u"INSERT INTO exchanges (uuid, started_ms, profile_id, profile_name, source, "
            u"operation, hub, target, target_kind, tags, format, method, url, request_headers, "
            u"request_body, status, reason, response_headers, response_body, ttfb_ms, total_ms, "
            u"attempts, result, status_class, abort_reason, error_sentence, error, token, parsed, "
            u"outcome_success, outcome_failure, location, notification_id, tracking_id, "
            u"continuation_token, etag, pinned, label) VALUES ("_s
            + insertPlaceholders() + u") ON CONFLICT(uuid) DO NOTHING"_s);
        const QVariantList values = {
            uuid,
            e.started.toMSecsSinceEpoch(),
            r.context.profileId,
            r.context.profileName,
            r.context.source,
            e.operation,
            e.hub,
            r.context.target,
            targetKindName(r.context.targetKind),
            r.tags.join(kTagSeparator),
            r.context.format,
            QString::fromUtf8(e.method),
            e.url.isEmpty() ? QString() : QString::fromUtf8(e.url.toEncoded()),
            headersText(e.requestHeaders),
            blob(e.requestBody),
            e.status,
            QString::fromUtf8(e.reasonPhrase),
            headersText(e.responseHeaders),
            blob(e.responseBody),
            e.timeToFirstByteMs,
            e.totalMs,
            QString::fromUtf8(attemptsJson(e.attempts)),
            exchangeResultName(e.result),
            int(r.status),
            int(e.abortReason),
            e.errorSentence,
            errorJson(e.error),
            tokenJson(e.token),
            parsedKind(e),
            e.outcome ? e.outcome->success : -1,
            e.outcome ? e.outcome->failure : -1,
            e.location,
            e.notificationId,
            e.trackingId,
            e.continuationToken,
            e.etag,
            r.pinned ? 1 : 0,
            r.label,
        };
        for (const QVariant &v : values)
            q.addBindValue(v);
        if (!q.exec()) {
            report.failed.append({e.id,
                                  Tr::tr("Could not write to the history file %1: %2")
                                      .arg(nativePath(m_path), sqlError(q))});
            return false;
        }
        const bool inserted = q.numRowsAffected() > 0;
        q.finish();
        qint64 rowId = 0;
        if (inserted) {
            rowId = scalar(db, u"SELECT last_insert_rowid()"_s).value_or(0).toLongLong();
            for (const QString &tag : std::as_const(r.tags)) {
                execSql(db,
                        u"INSERT OR IGNORE INTO exchange_tags (tag, exchange_id) VALUES (?, ?)"_s,
                        {tag, rowId});
            }
        } else {
            // The same exchange added twice (a retry of the caller): it is stored once.
            rowId = scalar(db, u"SELECT id FROM exchanges WHERE uuid = ?"_s, {uuid})
                        .value_or(0)
                        .toLongLong();
        }
        report.written.append({e.id, rowId});
        return true;
    }
    if (const auto *pin = std::get_if<PinOp>(&op)) {
        if (auto error = execSql(db, u"UPDATE exchanges SET pinned = ? WHERE uuid = ?"_s,
                                 {pin->pinned ? 1 : 0, pin->id.toString(QUuid::WithoutBraces)})) {
            report.failed.append({pin->id, *error});
            return false;
        }
        report.updated.append(pin->id);
        return true;
    }
    if (const auto *label = std::get_if<LabelOp>(&op)) {
        if (auto error =
                execSql(db, u"UPDATE exchanges SET label = COALESCE(?, '') WHERE uuid = ?"_s,
                        {label->label.trimmed(), label->id.toString(QUuid::WithoutBraces)})) {
            report.failed.append({label->id, *error});
            return false;
        }
        report.updated.append(label->id);
        return true;
    }
    if (const auto *remove = std::get_if<RemoveOp>(&op)) {
        for (const QUuid &id : remove->ids) {
            report.removed += deleteWhere(db, u"uuid = ?"_s, {id.toString(QUuid::WithoutBraces)});
        }
        return true;
    }
    if (const auto *retention = std::get_if<RetentionOp>(&op)) {
        execSql(db, u"INSERT OR REPLACE INTO meta (key, value) VALUES ('retention_count', ?)"_s,
                {QString::number(std::max(0, retention->policy.maxCount))});
        execSql(db, u"INSERT OR REPLACE INTO meta (key, value) VALUES ('retention_days', ?)"_s,
                {QString::number(std::max(0, retention->policy.maxAgeDays))});
        prune(db, report);
        return true;
    }
    return true;
}

QList<QUuid> HistoryWriter::deleteWhere(QSqlDatabase &db, const QString &condition,
                                        const QVariantList &values)
{
    QList<QUuid> ids;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(u"SELECT uuid FROM exchanges WHERE "_s + condition);
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (q.exec()) {
        while (q.next())
            ids.append(QUuid::fromString(q.value(0).toString()));
    }
    q.finish();
    if (ids.isEmpty())
        return ids;
    if (auto error = execSql(db, u"DELETE FROM exchanges WHERE "_s + condition, values)) {
        qCWarning(lcStore) << "history delete failed:" << *error;
        return {};
    }
    return ids;
}

void HistoryWriter::prune(QSqlDatabase &db, Report &report)
{
    int maxCount = RetentionPolicy::kDefaultMaxCount;
    int maxDays = 0;
    if (auto v = scalar(db, u"SELECT value FROM meta WHERE key = 'retention_count'"_s))
        maxCount = v->toInt();
    if (auto v = scalar(db, u"SELECT value FROM meta WHERE key = 'retention_days'"_s))
        maxDays = v->toInt();
    if (maxDays > 0) {
        const qint64 cutoff =
            QDateTime::currentDateTimeUtc().toMSecsSinceEpoch() - qint64(maxDays) * kDayMs;
        report.removed += deleteWhere(db, u"pinned = 0 AND started_ms < ?"_s, {cutoff});
    }
    if (maxCount > 0) {
        QSqlQuery q(db);
        q.setForwardOnly(true);
        q.prepare(u"SELECT started_ms, id FROM exchanges WHERE pinned = 0 "
                  u"ORDER BY started_ms DESC, id DESC LIMIT 1 OFFSET ?"_s);
        q.addBindValue(maxCount);
        if (q.exec() && q.next()) {
            const QVariantList edge = {q.value(0), q.value(1)};
            q.finish();
            report.removed += deleteWhere(db, u"pinned = 0 AND (started_ms, id) <= (?, ?)"_s, edge);
        }
    }
}

void HistoryWriter::failAll(const QList<WriteOp> &ops, const QString &message)
{
    qCWarning(lcStore).noquote() << message;
    Report report;
    for (const WriteOp &op : ops) {
        if (const auto *add = std::get_if<AddOp>(&op))
            report.failed.append({add->exchange.id, message});
        else if (const auto *pin = std::get_if<PinOp>(&op))
            report.failed.append({pin->id, message});
        else if (const auto *label = std::get_if<LabelOp>(&op))
            report.failed.append({label->id, message});
        else if (const auto *remove = std::get_if<RemoveOp>(&op)) {
            for (const QUuid &id : remove->ids)
                report.failed.append({id, message});
        }
    }
    deliver(std::move(report));
}

void HistoryWriter::deliver(Report report)
{
    HistoryStore *store = m_store;
    // Emitted in the store's thread; events still queued when the store is destroyed are
    // dropped with it.
    QMetaObject::invokeMethod(
        store,
        [store, report = std::move(report)] {
            for (const auto &[id, rowId] : report.written)
                emit store->written(id, rowId);
            for (const QUuid &id : report.updated)
                emit store->updated(id);
            if (!report.removed.isEmpty())
                emit store->removed(report.removed);
            for (const auto &[id, message] : report.failed)
                emit store->writeFailed(id, message);
        },
        Qt::QueuedConnection);
}

// --- HistoryStore -----------------------------------------------------------------------------

QString HistoryStore::defaultPath()
{
    // Shared by nhconsole and nhcli, whatever the running application's name.
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
        + u"/nhconsole/history.sqlite"_s;
}

Result<std::unique_ptr<HistoryStore>> HistoryStore::open(const QString &path)
{
    return open(path, Options());
}

Result<std::unique_ptr<HistoryStore>> HistoryStore::open(const QString &path, Options options)
{
    if (path.isEmpty())
        return makeError(ErrorCode::Usage, Tr::tr("No history file was given"));
    const QFileInfo info(path);
    if (!QDir().mkpath(info.absolutePath())) {
        return makeError(ErrorCode::Storage,
                         Tr::tr("Could not create the folder %1 for the history file")
                             .arg(nativePath(info.absolutePath())));
    }
    {
        const QString name = newConnectionName(u"migrate");
        Status status = openConnection(path, name, true);
        if (status) {
            QSqlDatabase db = QSqlDatabase::database(name);
            status = migrate(db, path, options.fullTextSearch);
        }
        closeConnection(name);
        if (!status)
            return status.error();
    }
    auto reader = HistoryReader::open(path);
    if (!reader)
        return reader.error();
    std::unique_ptr<HistoryStore> store(new HistoryStore);
    store->m_path = path;
    store->m_reader = std::move(reader).value();
    store->m_writer = std::make_unique<HistoryWriter>(store.get(), path);
    store->m_writer->setObjectName(u"nh-history-writer"_s);
    store->m_writer->start();
    return store;
}

HistoryStore::~HistoryStore()
{
    if (m_writer) {
        m_writer->stop();
        m_writer->wait();
    }
}

QUuid HistoryStore::add(const Exchange &exchange, const HistoryContext &context)
{
    AddOp op {exchange, context};
    // The real token never enters the queue.
    op.exchange.authorization.clear();
    if (op.exchange.id.isNull())
        op.exchange.id = QUuid::createUuid();
    const QUuid id = op.exchange.id;
    m_writer->enqueue(std::move(op));
    return id;
}

void HistoryStore::setPinned(const QUuid &id, bool pinned)
{
    m_writer->enqueue(PinOp {id, pinned});
}

void HistoryStore::setLabel(const QUuid &id, const QString &label)
{
    m_writer->enqueue(LabelOp {id, label});
}

void HistoryStore::remove(const QList<QUuid> &ids)
{
    if (!ids.isEmpty())
        m_writer->enqueue(RemoveOp {ids});
}

void HistoryStore::setRetention(const RetentionPolicy &policy)
{
    m_writer->enqueue(RetentionOp {policy});
}

int HistoryStore::pendingWrites() const
{
    return m_writer->pending();
}

} // namespace Nh
