// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/history/historyrowcodec.h"

#include "common/recentresults.h"
#include "common/redaction.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

using namespace Qt::Literals::StringLiterals;

namespace Nh::HistoryDb {

namespace {

const QChar kTagSeparator = QChar(0x1f);

QString headersTextOnce(const HttpHeaders &headers)
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

/** headersTextOnce(), remembered per thread for the last request and response headers (a burst
 *  of sends stores the same headers again and again). */
QString headersText(const HttpHeaders &headers)
{
    thread_local RecentResults<HttpHeaders, QString, 2> remembered;
    return remembered.get(headers, headersTextOnce);
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

QString tokenJsonOnce(const Sas::DecodedToken &token)
{
    const QJsonObject o {
        {u"sr"_s, token.rawSr},    {u"resource"_s, token.resource},
        {u"se"_s, token.rawSe},    {u"expiry"_s, double(token.expiry)},
        {u"skn"_s, token.keyName}, {u"order"_s, QJsonArray::fromStringList(token.fieldOrder)}};
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QVariant tokenJson(const std::optional<Sas::DecodedToken> &token)
{
    if (!token)
        return QVariant(QMetaType::fromType<QString>());
    // The token is signed once a second and kept as long: remembered per thread.
    thread_local std::optional<Sas::DecodedToken> lastToken;
    thread_local QString lastJson;
    if (lastToken != token) {
        lastJson = tokenJsonOnce(*token);
        lastToken = token;
    }
    return lastJson;
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

/** Binds an empty byte array as an empty blob, not NULL. */
QVariant blob(const QByteArray &bytes)
{
    return bytes.isNull() ? QVariant(QByteArray("")) : QVariant(bytes);
}

AbortReason abortReasonFromInt(int value)
{
    return value == int(AbortReason::User)   ? AbortReason::User
        : value == int(AbortReason::Timeout) ? AbortReason::Timeout
                                             : AbortReason::None;
}

using Record = HistoryRecord;
using Row = HistoryRow;

constexpr auto kText = "TEXT NOT NULL DEFAULT ''"_L1;
constexpr bool kSummary = true;
constexpr bool kRecordOnly = false;

// The order is the table's: it is the order of CREATE TABLE, of the INSERT and of every SELECT.
// A column added later belongs to a new schema version (ALTER TABLE), not to this list alone.
const HistoryColumn kColumns[] = {
    {"id"_L1, "INTEGER PRIMARY KEY AUTOINCREMENT"_L1, Bind::Value, kSummary, nullptr,
     [](Row &w, const QVariant &v) {
         w.record.rowId = v.toLongLong();
     }},
    {"uuid"_L1, "TEXT NOT NULL UNIQUE"_L1, Bind::Value, kSummary,
     [](const Record &r) -> QVariant { return r.exchange.id.toString(QUuid::WithoutBraces); },
     [](Row &w, const QVariant &v) {
         w.record.exchange.id = QUuid::fromString(v.toString());
     }},
    {"started_ms"_L1, "INTEGER NOT NULL"_L1, Bind::Value, kSummary,
     [](const Record &r) -> QVariant { return r.exchange.started.toMSecsSinceEpoch(); },
     [](Row &w, const QVariant &v) {
         w.record.exchange.started = QDateTime::fromMSecsSinceEpoch(v.toLongLong(), Qt::UTC);
     }},
    {"profile_id"_L1, kText, Bind::TextOrEmpty, kSummary,
     [](const Record &r) -> QVariant { return r.context.profileId; },
     [](Row &w, const QVariant &v) {
         w.record.context.profileId = v.toString();
     }},
    {"profile_name"_L1, kText, Bind::TextOrEmpty, kSummary,
     [](const Record &r) -> QVariant { return r.context.profileName; },
     [](Row &w, const QVariant &v) {
         w.record.context.profileName = v.toString();
     }},
    {"source"_L1, kText, Bind::TextOrEmpty, kSummary,
     [](const Record &r) -> QVariant { return r.context.source; },
     [](Row &w, const QVariant &v) {
         w.record.context.source = v.toString();
     }},
    {"operation"_L1, kText, Bind::TextOrEmpty, kSummary,
     [](const Record &r) -> QVariant { return r.exchange.operation; },
     [](Row &w, const QVariant &v) {
         w.record.exchange.operation = v.toString();
     }},
    {"hub"_L1, kText, Bind::TextOrEmpty, kSummary,
     [](const Record &r) -> QVariant { return r.exchange.hub; },
     [](Row &w, const QVariant &v) {
         w.record.exchange.hub = v.toString();
     }},
    {"target"_L1, kText, Bind::TextOrEmpty, kSummary,
     [](const Record &r) -> QVariant { return r.context.target; },
     [](Row &w, const QVariant &v) {
         w.record.context.target = v.toString();
     }},
    {"target_kind"_L1, kText, Bind::TextOrEmpty, kSummary,
     [](const Record &r) -> QVariant { return targetKindName(r.context.targetKind); },
     [](Row &w, const QVariant &v) {
         w.record.context.targetKind = targetKindFromName(v.toString());
     }},
    {"tags"_L1, kText, Bind::TextOrEmpty, kSummary,
     [](const Record &r) -> QVariant { return r.tags.join(kTagSeparator); },
     [](Row &w, const QVariant &v) {
         w.record.tags = v.toString().split(kTagSeparator, Qt::SkipEmptyParts);
     }},
    {"format"_L1, kText, Bind::TextOrEmpty, kSummary,
     [](const Record &r) -> QVariant { return r.context.format; },
     [](Row &w, const QVariant &v) {
         w.record.context.format = v.toString();
     }},
    {"method"_L1, kText, Bind::TextOrEmpty, kSummary,
     [](const Record &r) -> QVariant { return QString::fromUtf8(r.exchange.method); },
     [](Row &w, const QVariant &v) {
         w.record.exchange.method = v.toString().toUtf8();
     }},
    {"url"_L1, kText, Bind::TextOrEmpty, kRecordOnly,
     [](const Record &r) -> QVariant {
         const QUrl &url = r.exchange.url;
         return url.isEmpty() ? QString() : QString::fromUtf8(url.toEncoded());
     },
     [](Row &w, const QVariant &v) {
         const QString url = v.toString();
         w.record.exchange.url = url.isEmpty() ? QUrl() : QUrl(url, QUrl::TolerantMode);
     }},
    {"request_headers"_L1, kText, Bind::TextOrEmpty, kRecordOnly,
     [](const Record &r) -> QVariant { return headersText(r.exchange.requestHeaders); },
     [](Row &w, const QVariant &v) {
         w.record.exchange.requestHeaders = headersFromText(v.toString());
     }},
    {"request_body"_L1, "BLOB"_L1, Bind::Value, kRecordOnly,
     [](const Record &r) -> QVariant { return blob(r.exchange.requestBody); },
     [](Row &w, const QVariant &v) {
         w.record.exchange.requestBody = v.toByteArray();
     }},
    {"status"_L1, "INTEGER NOT NULL DEFAULT 0"_L1, Bind::Value, kSummary,
     [](const Record &r) -> QVariant { return r.exchange.status; },
     [](Row &w, const QVariant &v) {
         w.record.exchange.status = v.toInt();
     }},
    {"reason"_L1, kText, Bind::TextOrEmpty, kRecordOnly,
     [](const Record &r) -> QVariant { return QString::fromUtf8(r.exchange.reasonPhrase); },
     [](Row &w, const QVariant &v) {
         w.record.exchange.reasonPhrase = v.toString().toUtf8();
     }},
    {"response_headers"_L1, kText, Bind::TextOrEmpty, kRecordOnly,
     [](const Record &r) -> QVariant { return headersText(r.exchange.responseHeaders); },
     [](Row &w, const QVariant &v) {
         w.record.exchange.responseHeaders = headersFromText(v.toString());
     }},
    {"response_body"_L1, "BLOB"_L1, Bind::Value, kRecordOnly,
     [](const Record &r) -> QVariant { return blob(r.exchange.responseBody); },
     [](Row &w, const QVariant &v) {
         w.record.exchange.responseBody = v.toByteArray();
     }},
    {"ttfb_ms"_L1, "INTEGER NOT NULL DEFAULT -1"_L1, Bind::Value, kRecordOnly,
     [](const Record &r) -> QVariant { return r.exchange.timeToFirstByteMs; },
     [](Row &w, const QVariant &v) {
         w.record.exchange.timeToFirstByteMs = v.toLongLong();
     }},
    {"total_ms"_L1, "INTEGER NOT NULL DEFAULT -1"_L1, Bind::Value, kSummary,
     [](const Record &r) -> QVariant { return r.exchange.totalMs; },
     [](Row &w, const QVariant &v) {
         w.record.exchange.totalMs = v.toLongLong();
     }},
    {"attempts"_L1, "TEXT NOT NULL DEFAULT '[]'"_L1, Bind::TextOrEmpty, kRecordOnly,
     [](const Record &r) -> QVariant {
         return QString::fromUtf8(attemptsJson(r.exchange.attempts));
     },
     [](Row &w, const QVariant &v) {
         w.record.exchange.attempts = attemptsFromJson(v.toString().toUtf8());
     }},
    {"result"_L1, kText, Bind::TextOrEmpty, kSummary,
     [](const Record &r) -> QVariant { return exchangeResultName(r.exchange.result); },
     [](Row &w, const QVariant &v) {
         w.record.exchange.result = resultFromName(v.toString());
     }},
    {"status_class"_L1, "INTEGER NOT NULL DEFAULT 8"_L1, Bind::Value, kSummary,
     [](const Record &r) -> QVariant { return int(r.status); },
     [](Row &w, const QVariant &v) {
         w.record.status = statusFromInt(v.toInt());
     }},
    {"abort_reason"_L1, "INTEGER NOT NULL DEFAULT 0"_L1, Bind::Value, kRecordOnly,
     [](const Record &r) -> QVariant { return int(r.exchange.abortReason); },
     [](Row &w, const QVariant &v) {
         w.record.exchange.abortReason = abortReasonFromInt(v.toInt());
     }},
    {"error_sentence"_L1, kText, Bind::TextOrEmpty, kSummary,
     [](const Record &r) -> QVariant { return r.exchange.errorSentence; },
     [](Row &w, const QVariant &v) {
         w.record.exchange.errorSentence = v.toString();
     }},
    {"error"_L1, "TEXT"_L1, Bind::Value, kRecordOnly,
     [](const Record &r) -> QVariant { return errorJson(r.exchange.error); },
     [](Row &w, const QVariant &v) {
         w.record.exchange.error = errorFromJson(v);
     }},
    {"token"_L1, "TEXT"_L1, Bind::Value, kRecordOnly,
     [](const Record &r) -> QVariant { return tokenJson(r.exchange.token); },
     [](Row &w, const QVariant &v) {
         w.record.exchange.token = tokenFromJson(v);
     }},
    {"parsed"_L1, kText, Bind::TextOrEmpty, kRecordOnly,
     [](const Record &r) -> QVariant { return parsedKind(r.exchange); },
     [](Row &w, const QVariant &v) {
         w.parsed = v.toString();
     }},
    {"outcome_success"_L1, "INTEGER NOT NULL DEFAULT -1"_L1, Bind::Value, kSummary,
     [](const Record &r) -> QVariant {
         return r.exchange.outcome ? r.exchange.outcome->success : -1;
     },
     [](Row &w, const QVariant &v) {
         w.outcomeSuccess = v.toLongLong();
     }},
    {"outcome_failure"_L1, "INTEGER NOT NULL DEFAULT -1"_L1, Bind::Value, kSummary,
     [](const Record &r) -> QVariant {
         return r.exchange.outcome ? r.exchange.outcome->failure : -1;
     },
     [](Row &w, const QVariant &v) {
         w.outcomeFailure = v.toLongLong();
     }},
    {"location"_L1, kText, Bind::TextOrEmpty, kRecordOnly,
     [](const Record &r) -> QVariant { return r.exchange.location; },
     [](Row &w, const QVariant &v) {
         w.record.exchange.location = v.toString();
     }},
    {"notification_id"_L1, kText, Bind::TextOrEmpty, kRecordOnly,
     [](const Record &r) -> QVariant { return r.exchange.notificationId; },
     [](Row &w, const QVariant &v) {
         w.record.exchange.notificationId = v.toString();
     }},
    {"tracking_id"_L1, kText, Bind::TextOrEmpty, kRecordOnly,
     [](const Record &r) -> QVariant { return r.exchange.trackingId; },
     [](Row &w, const QVariant &v) {
         w.record.exchange.trackingId = v.toString();
     }},
    {"continuation_token"_L1, kText, Bind::TextOrEmpty, kRecordOnly,
     [](const Record &r) -> QVariant { return r.exchange.continuationToken; },
     [](Row &w, const QVariant &v) {
         w.record.exchange.continuationToken = v.toString();
     }},
    {"etag"_L1, kText, Bind::TextOrEmpty, kRecordOnly,
     [](const Record &r) -> QVariant { return r.exchange.etag; },
     [](Row &w, const QVariant &v) {
         w.record.exchange.etag = v.toString();
     }},
    {"pinned"_L1, "INTEGER NOT NULL DEFAULT 0"_L1, Bind::Value, kSummary,
     [](const Record &r) -> QVariant { return r.pinned ? 1 : 0; },
     [](Row &w, const QVariant &v) {
         w.record.pinned = v.toBool();
     }},
    {"label"_L1, kText, Bind::TextOrEmpty, kSummary,
     [](const Record &r) -> QVariant { return r.label; },
     [](Row &w, const QVariant &v) {
         w.record.label = v.toString();
     }},
    // Schema 3 (addedColumns()).
    {"rendered"_L1, "TEXT"_L1, Bind::Value, kRecordOnly,
     [](const Record &r) -> QVariant {
         return r.exchange.rendered.isEmpty()
             ? QVariant()
             : QVariant(QString::fromUtf8(RenderedPayload::toJson(r.exchange.rendered)));
     },
     [](Row &w, const QVariant &v) {
         w.record.exchange.rendered = v.isNull() ? QList<RenderedPayload>()
                                                 : RenderedPayload::fromJson(v.toString().toUtf8());
     }},
};

const AddedColumn kAddedColumns[] = {
    {"rendered"_L1, 3},
};

bool selected(const HistoryColumn &column, Selection selection)
{
    return selection == Selection::Record || column.inSummary;
}

} // namespace

std::span<const HistoryColumn> historyColumns()
{
    return kColumns;
}

std::span<const AddedColumn> addedColumns()
{
    return kAddedColumns;
}

QString createExchangesSql()
{
    QStringList columns;
    for (const HistoryColumn &c : kColumns)
        columns.append(c.name + u' ' + c.sqlType);
    return u"CREATE TABLE exchanges ("_s + columns.join(u", "_s) + u')';
}

QString insertSql()
{
    QStringList names, marks;
    for (const HistoryColumn &c : kColumns) {
        if (!c.encode)
            continue;
        names.append(c.name);
        marks.append(c.bind == Bind::TextOrEmpty ? u"COALESCE(?, '')"_s : u"?"_s);
    }
    return u"INSERT INTO exchanges ("_s + names.join(u", "_s) + u") VALUES ("_s
        + marks.join(u", "_s) + u") ON CONFLICT(uuid) DO NOTHING"_s;
}

QVariantList bindValues(const HistoryRecord &record)
{
    QVariantList values;
    for (const HistoryColumn &c : kColumns) {
        if (c.encode)
            values.append(c.encode(record));
    }
    return values;
}

QString selectColumns(Selection selection)
{
    QStringList names;
    for (const HistoryColumn &c : kColumns) {
        if (selected(c, selection))
            names.append(c.name);
    }
    return names.join(u", "_s);
}

HistoryRow decodeRow(const QSqlQuery &q, Selection selection)
{
    HistoryRow row;
    int i = 0;
    for (const HistoryColumn &c : kColumns) {
        if (selected(c, selection))
            c.decode(row, q.value(i++));
    }
    return row;
}

HistorySummary summaryFromRow(const QSqlQuery &q)
{
    const HistoryRow row = decodeRow(q, Selection::Summary);
    const HistoryRecord &r = row.record;
    const Exchange &e = r.exchange;
    HistorySummary s;
    s.rowId = r.rowId;
    s.id = e.id;
    s.started = e.started;
    s.profileId = r.context.profileId;
    s.profileName = r.context.profileName;
    s.source = r.context.source;
    s.operation = e.operation;
    s.hub = e.hub;
    s.target = r.context.target;
    s.targetKind = r.context.targetKind;
    s.tags = r.tags;
    s.format = r.context.format;
    s.method = e.method;
    s.httpStatus = e.status;
    s.result = e.result;
    s.status = r.status;
    s.totalMs = e.totalMs;
    s.outcomeSuccess = row.outcomeSuccess;
    s.outcomeFailure = row.outcomeFailure;
    s.errorSentence = e.errorSentence;
    s.pinned = r.pinned;
    s.label = r.label;
    return s;
}

HistoryRecord recordFromRow(const QSqlQuery &q)
{
    HistoryRow row = decodeRow(q, Selection::Record);
    // The outcome counts are not kept apart: the outcome itself is parsed again.
    parseAgain(row.record.exchange, row.parsed);
    return row.record;
}

} // namespace Nh::HistoryDb
