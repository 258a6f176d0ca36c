// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/exchangeexport.h"

#include "common/redaction.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace Nh {

namespace {

/** The translation context of this file's messages; lupdate reads it from here. */
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Nh::ExchangeExport)
};

constexpr QByteArrayView kAuthorization = "Authorization";

QString when(const Exchange &e)
{
    return e.started.toUTC().toString(Qt::ISODateWithMs);
}

Error neverSent(const Exchange &e)
{
    return makeError(
        ErrorCode::MissingField,
        Tr::tr("The exchange of %1 (%2) was never sent, so it has no request to export")
            .arg(when(e), e.operation),
        -1, 0, u"url"_s);
}

/** A comment line cannot end early: no line breaks inside. */
QString oneLine(QString text)
{
    text.replace(u'\r', u' ').replace(u'\n', u' ');
    return text;
}

/** Single quotes hold any bytes but NUL; the script is text, so the bytes must be UTF-8. */
bool fitsSingleQuotes(const QByteArray &text)
{
    return text.isValidUtf8() && !text.contains('\0');
}

/** A printf format that writes `bytes` exactly (POSIX printf: octal escapes, %% for %). */
QString printfFormat(const QByteArray &bytes)
{
    QString out = u"'"_s;
    for (char c : bytes) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '%')
            out += u"%%"_s;
        else if (c == '\\')
            out += u"\\\\"_s;
        else if (u >= 0x20 && u < 0x7f && c != '\'')
            out += QLatin1Char(c);
        else
            out += u"\\"_s + QString::number(u, 8).rightJustified(3, u'0');
    }
    return out + u'\'';
}

QJsonArray headersJson(const HttpHeaders &headers)
{
    QJsonArray array;
    for (const auto &[name, value] : headers) {
        array.append(QJsonObject {{u"name"_s, QString::fromUtf8(name)},
                                  {u"value"_s, QString::fromUtf8(value)}});
    }
    return array;
}

/** Sets `key` (and `key`Encoding = "base64" when the bytes are not UTF-8). */
void putBody(QJsonObject &o, const QString &key, const QByteArray &body)
{
    if (body.isValidUtf8()) {
        o.insert(key, QString::fromUtf8(body));
    } else {
        o.insert(key, QString::fromLatin1(body.toBase64()));
        o.insert(key + u"Encoding"_s, u"base64"_s);
    }
}

QString contentType(const HttpHeaders &headers)
{
    return QString::fromUtf8(headerValue(headers, "Content-Type").value_or(QByteArray())).trimmed();
}

/** Name/value pairs of the query, decoded; a bare flag ("test") has an empty value. */
QJsonArray queryJson(const QUrl &url)
{
    QJsonArray array;
    const QByteArray query = url.query(QUrl::FullyEncoded).toUtf8();
    for (const QByteArray &part : query.split('&')) {
        if (part.isEmpty())
            continue;
        const qsizetype eq = part.indexOf('=');
        array.append(QJsonObject {
            {u"name"_s, QUrl::fromPercentEncoding(eq < 0 ? part : part.first(eq))},
            {u"value"_s, eq < 0 ? QString() : QUrl::fromPercentEncoding(part.sliced(eq + 1))}});
    }
    return array;
}

bool isToken(const QByteArray &word)
{
    return !word.isEmpty()
        && std::all_of(word.cbegin(), word.cend(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

QString curlCommand(const HistoryRecord &r, const CurlOptions &options, bool *usesPlaceholder,
                    bool *usesToken = nullptr)
{
    const Exchange &e = r.exchange;
    const bool hasBody = !e.requestBody.isEmpty();
    const QByteArray method = e.method.isEmpty() ? "GET"_ba : e.method.toUpper();
    QString first = u"curl "_s;
    // -X only where curl would not infer the method itself.
    if (!((method == "GET" && !hasBody) || (method == "POST" && hasBody)))
        first +=
            u"-X "_s + (isToken(method) ? QString::fromLatin1(method) : shellQuote(method)) + u' ';
    if (const QString ca = options.caCertificate ? options.caCertificate(r) : QString();
        !ca.isEmpty())
        first += u"--cacert "_s + shellQuote(ca.toUtf8()) + u' ';
    QStringList parts {first + shellQuote(e.url.toEncoded())};
    const QString fresh = options.freshAuthorization ? options.freshAuthorization(r) : QString();
    for (const auto &[name, value] : e.requestHeaders) {
        if (name.compare(kAuthorization, Qt::CaseInsensitive) == 0) {
            if (!fresh.isEmpty()) {
                parts.append(u"-H "_s + shellQuote(name + ": " + oneLine(fresh).toUtf8()));
                if (usesToken)
                    *usesToken = true;
            } else {
                // Double quotes: the shell expands the variable, and nothing else is in them.
                parts.append(u"-H \""_s + QString::fromUtf8(name) + u": ${"_s
                             + options.tokenVariable + u"}\""_s);
                if (usesPlaceholder)
                    *usesPlaceholder = true;
            }
            continue;
        }
        parts.append(u"-H "_s + shellQuote(name + ": " + value));
    }
    QString input;
    if (hasBody) {
        if (fitsSingleQuotes(e.requestBody)) {
            parts.append(u"--data-binary "_s + shellQuote(e.requestBody));
        } else {
            // Not text: printf writes the exact bytes to curl's standard input.
            input = u"printf "_s + printfFormat(e.requestBody) + u" |\n"_s;
            parts.append(u"--data-binary @-"_s);
        }
    }
    return input + parts.join(u" \\\n  "_s);
}

} // namespace

QString shellQuote(const QByteArray &text)
{
    if (!fitsSingleQuotes(text))
        return u"\"$(printf "_s + printfFormat(text) + u")\""_s;
    QString out = u"'"_s;
    for (QChar c : QString::fromUtf8(text)) {
        if (c == u'\'')
            out += u"'\\''"_s;
        else
            out += c;
    }
    return out + u'\'';
}

Result<QString> exchangeToCurl(const HistoryRecord &record, const CurlOptions &options)
{
    const HistoryRecord r = historyRecordFor(record.exchange, record.context);
    if (r.exchange.url.isEmpty())
        return neverSent(r.exchange);
    return curlCommand(r, options, nullptr);
}

Result<QString> exchangesToCurlScript(const QList<HistoryRecord> &records,
                                      const CurlOptions &options)
{
    QStringList commands;
    QList<Warning> warnings;
    bool placeholder = false;
    bool tokens = false;
    for (const HistoryRecord &record : records) {
        const HistoryRecord r = historyRecordFor(record.exchange, record.context);
        const Exchange &e = r.exchange;
        if (e.url.isEmpty()) {
            warnings.append({neverSent(e).message, -1, 0});
            continue;
        }
        QString comment = u"# "_s + when(e) + u' ' + e.operation + u" → "_s
            + (e.status > 0 ? QString::number(e.status) + u' ' : QString())
            + exchangeResultName(e.result);
        if (!r.context.profileName.isEmpty())
            comment += u" (profile "_s + r.context.profileName + u')';
        if (!record.label.isEmpty())
            comment += u": "_s + record.label;
        commands.append(oneLine(comment) + u'\n' + curlCommand(r, options, &placeholder, &tokens));
    }
    // Signed tokens are secrets until they expire: the file must not claim otherwise.
    const char *const header = tokens
        ? QT_TRANSLATE_N_NOOP("Nh::ExchangeExport",
                              "%n exchange(s) exported from the nhconsole history with signed "
                              "SAS tokens (never the key). Keep this file private until they "
                              "expire.")
        : QT_TRANSLATE_N_NOOP("Nh::ExchangeExport",
                              "%n exchange(s) exported from the nhconsole history. They hold "
                              "no secret.");
    QString script = u"#!/bin/sh\n# "_s
        + oneLine(QCoreApplication::translate("Nh::ExchangeExport", header, nullptr,
                                              int(commands.size())))
        + u'\n';
    if (placeholder) {
        const QString message =
            oneLine(Tr::tr("set %1 to a SharedAccessSignature token for the hub")
                        .arg(options.tokenVariable));
        script += u"# "_s + message + u"\n: \"${"_s + options.tokenVariable + u":?"_s
            + QString(message).replace(u'}', u')') + u"}\"\n"_s;
    }
    for (const QString &command : std::as_const(commands))
        script += u'\n' + command + u'\n';
    Result<QString> result(script);
    result.setWarnings(warnings);
    return result;
}

QJsonObject exchangeToJson(const HistoryRecord &record)
{
    const HistoryRecord r = historyRecordFor(record.exchange, record.context);
    const Exchange &e = r.exchange;
    QJsonObject request {{u"method"_s, QString::fromUtf8(e.method)},
                         {u"url"_s, QString::fromUtf8(e.url.toEncoded())},
                         {u"headers"_s, headersJson(e.requestHeaders)}};
    putBody(request, u"body"_s, e.requestBody);
    QJsonObject response {{u"status"_s, e.status},
                          {u"reason"_s, QString::fromUtf8(e.reasonPhrase)},
                          {u"headers"_s, headersJson(e.responseHeaders)}};
    putBody(response, u"body"_s, e.responseBody);

    QJsonArray attempts;
    for (const Attempt &a : e.attempts) {
        attempts.append(QJsonObject {{u"started"_s, a.started.toUTC().toString(Qt::ISODateWithMs)},
                                     {u"status"_s, a.status},
                                     {u"totalMs"_s, double(a.totalMs)},
                                     {u"retryAfterSeconds"_s, a.retryAfterSeconds}});
    }
    QJsonArray tags;
    for (const QString &t : r.tags)
        tags.append(t);
    QJsonObject o {
        {u"id"_s, e.id.toString(QUuid::WithoutBraces)},
        {u"started"_s, when(e)},
        {u"operation"_s, e.operation},
        {u"hub"_s, e.hub},
        {u"profile"_s,
         QJsonObject {{u"id"_s, r.context.profileId}, {u"name"_s, r.context.profileName}}},
        {u"source"_s, r.context.source},
        {u"target"_s, r.context.target},
        {u"tags"_s, tags},
        {u"format"_s, r.context.format},
        {u"request"_s, request},
        {u"response"_s, response},
        {u"timeToFirstByteMs"_s, double(e.timeToFirstByteMs)},
        {u"totalMs"_s, double(e.totalMs)},
        {u"attempts"_s, attempts},
        {u"result"_s, exchangeResultName(e.result)},
        {u"status"_s, historyStatusName(r.status)},
        {u"errorSentence"_s, e.errorSentence},
        {u"location"_s, e.location},
        {u"notificationId"_s, e.notificationId},
        {u"trackingId"_s, e.trackingId},
        {u"continuationToken"_s, e.continuationToken},
        {u"etag"_s, e.etag},
        {u"pinned"_s, record.pinned},
        {u"label"_s, record.label},
    };
    if (e.error) {
        o.insert(u"error"_s,
                 QJsonObject {{u"message"_s, e.error->message},
                              {u"offset"_s, double(e.error->offset)},
                              {u"length"_s, double(e.error->length)},
                              {u"line"_s, double(e.error->line)},
                              {u"column"_s, double(e.error->column)},
                              {u"where"_s, e.error->where}});
    }
    if (e.token) {
        // No signature: what was signed and until when is what people debug with.
        o.insert(u"token"_s,
                 QJsonObject {{u"resource"_s, e.token->resource},
                              {u"expires"_s, e.token->expiresAt().toString(Qt::ISODate)},
                              {u"keyName"_s, e.token->keyName}});
    }
    if (e.outcome) {
        QJsonArray results;
        for (const RegistrationResult &rr : e.outcome->results) {
            results.append(QJsonObject {{u"applicationPlatform"_s, rr.applicationPlatform},
                                        {u"pnsHandle"_s, rr.pnsHandle},
                                        {u"registrationId"_s, rr.registrationId},
                                        {u"outcome"_s, rr.outcome}});
        }
        o.insert(u"outcome"_s,
                 QJsonObject {{u"success"_s, double(e.outcome->success)},
                              {u"failure"_s, double(e.outcome->failure)},
                              {u"results"_s, results}});
    }
    if (e.hubError) {
        o.insert(u"hubError"_s,
                 QJsonObject {{u"code"_s, e.hubError->code},
                              {u"detail"_s, e.hubError->detail},
                              {u"trackingId"_s, e.hubError->trackingId},
                              {u"timeStamp"_s, e.hubError->timeStamp}});
    }
    return o;
}

QByteArray exchangesToJson(const QList<HistoryRecord> &records)
{
    QJsonArray exchanges;
    for (const HistoryRecord &r : records)
        exchanges.append(exchangeToJson(r));
    const QJsonObject root {
        {u"format"_s, u"nhconsole-history"_s},
        {u"version"_s, 1},
        {u"exported"_s, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
        {u"exchanges"_s, exchanges},
    };
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

Result<QByteArray> exchangesToHar(const QList<HistoryRecord> &records)
{
    QJsonArray entries;
    QList<Warning> warnings;
    for (const HistoryRecord &record : records) {
        const HistoryRecord r = historyRecordFor(record.exchange, record.context);
        const Exchange &e = r.exchange;
        if (e.url.isEmpty()) {
            warnings.append({neverSent(e).message, -1, 0});
            continue;
        }
        const bool answered = e.status > 0;
        QJsonObject request {
            {u"method"_s, QString::fromUtf8(e.method.isEmpty() ? "GET"_ba : e.method)},
            {u"url"_s, QString::fromUtf8(e.url.toEncoded())},
            {u"httpVersion"_s, u"HTTP/1.1"_s},
            {u"cookies"_s, QJsonArray()},
            {u"headers"_s, headersJson(e.requestHeaders)},
            {u"queryString"_s, queryJson(e.url)},
            {u"headersSize"_s, -1},
            {u"bodySize"_s, double(e.requestBody.size())},
        };
        if (!e.requestBody.isEmpty()) {
            QJsonObject post {{u"mimeType"_s, contentType(e.requestHeaders)}};
            // HAR has no encoding field for postData: bytes that are not UTF-8 go as base64
            // with a note in a custom field.
            if (e.requestBody.isValidUtf8()) {
                post.insert(u"text"_s, QString::fromUtf8(e.requestBody));
            } else {
                post.insert(u"text"_s, QString::fromLatin1(e.requestBody.toBase64()));
                post.insert(u"_encoding"_s, u"base64"_s);
            }
            request.insert(u"postData"_s, post);
        }
        QJsonObject content {{u"size"_s, double(e.responseBody.size())},
                             {u"mimeType"_s, contentType(e.responseHeaders)}};
        if (!e.responseBody.isEmpty()) {
            if (e.responseBody.isValidUtf8()) {
                content.insert(u"text"_s, QString::fromUtf8(e.responseBody));
            } else {
                content.insert(u"text"_s, QString::fromLatin1(e.responseBody.toBase64()));
                content.insert(u"encoding"_s, u"base64"_s);
            }
        }
        const QJsonObject response {
            {u"status"_s, e.status},
            {u"statusText"_s, QString::fromUtf8(e.reasonPhrase)},
            {u"httpVersion"_s, answered ? u"HTTP/1.1"_s : QString()},
            {u"cookies"_s, QJsonArray()},
            {u"headers"_s, headersJson(e.responseHeaders)},
            {u"content"_s, content},
            {u"redirectURL"_s,
             e.status >= 300 && e.status < 400 ? QString::fromUtf8(
                 headerValue(e.responseHeaders, "Location").value_or(QByteArray()))
                                               : QString()},
            {u"headersSize"_s, -1},
            {u"bodySize"_s, answered ? double(e.responseBody.size()) : -1.0},
        };
        // HAR: time is the sum of the timings that are not -1. Waiting ends at the first byte.
        const qint64 total = std::max<qint64>(e.totalMs, 0);
        const qint64 wait = e.timeToFirstByteMs >= 0 ? std::min(e.timeToFirstByteMs, total) : total;
        const QJsonObject timings {{u"blocked"_s, -1},
                                   {u"dns"_s, -1},
                                   {u"connect"_s, -1},
                                   {u"ssl"_s, -1},
                                   {u"send"_s, 0},
                                   {u"wait"_s, double(wait)},
                                   {u"receive"_s, double(total - wait)}};
        QJsonObject entry {
            {u"startedDateTime"_s, when(e)},
            {u"time"_s, double(total)},
            {u"request"_s, request},
            {u"response"_s, response},
            {u"cache"_s, QJsonObject()},
            {u"timings"_s, timings},
            {u"_nhconsole"_s,
             QJsonObject {{u"id"_s, e.id.toString(QUuid::WithoutBraces)},
                          {u"operation"_s, e.operation},
                          {u"hub"_s, e.hub},
                          {u"profile"_s, r.context.profileName},
                          {u"target"_s, r.context.target},
                          {u"format"_s, r.context.format},
                          {u"result"_s, exchangeResultName(e.result)},
                          {u"status"_s, historyStatusName(r.status)},
                          {u"attempts"_s, double(e.attempts.size())},
                          {u"label"_s, record.label}}},
        };
        if (!e.errorSentence.isEmpty())
            entry.insert(u"_error"_s, e.errorSentence);
        entries.append(entry);
    }
    const QJsonObject log {
        {u"version"_s, u"1.2"_s},
        {u"creator"_s,
         QJsonObject {{u"name"_s, u"nhconsole"_s}, {u"version"_s, QStringLiteral(NH_VERSION)}}},
        {u"pages"_s, QJsonArray()},
        {u"entries"_s, entries},
    };
    Result<QByteArray> result(QJsonDocument(QJsonObject {{u"log"_s, log}}).toJson());
    result.setWarnings(warnings);
    return result;
}

Result<QByteArray> exportExchanges(const QList<HistoryRecord> &records, ExportFormat format,
                                   const CurlOptions &options)
{
    switch (format) {
    case ExportFormat::Curl: {
        const auto script = exchangesToCurlScript(records, options);
        if (!script)
            return script.error();
        Result<QByteArray> data(script->toUtf8());
        data.setWarnings(script.warnings());
        return data;
    }
    case ExportFormat::Json:
        return exchangesToJson(records);
    case ExportFormat::Har:
        return exchangesToHar(records);
    }
    Q_UNREACHABLE();
    return QByteArray();
}

bool isLoopbackHost(const QString &host)
{
    return host.compare(u"localhost"_s, Qt::CaseInsensitive) == 0
        || QHostAddress(host).isLoopback();
}

CurlOptions::PerRecord loopbackCertificate(const QString &path)
{
    if (path.isEmpty())
        return {};
    return [absolute = QFileInfo(path).absoluteFilePath()](const HistoryRecord &r) {
        return isLoopbackHost(r.exchange.url.host()) ? absolute : QString();
    };
}

QString exportSuffix(ExportFormat format)
{
    switch (format) {
    case ExportFormat::Curl:
        return u".sh"_s;
    case ExportFormat::Json:
        return u".json"_s;
    case ExportFormat::Har:
        return u".har"_s;
    }
    Q_UNREACHABLE();
    return QString();
}

} // namespace Nh
