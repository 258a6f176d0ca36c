// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "store/historystore.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <functional>

namespace Nh {

/**
 * Exports of exchanges for other tools (issue #6). Every export starts from historyRecordFor(),
 * so a record built from a live Exchange is redacted exactly as the history stores it: the SAS
 * key never appears, nor a signature (the curl export's Authorization is a placeholder or a
 * token the caller signs afresh).
 */
struct CurlOptions
{
    /// A text chosen for each exported record (a token, a certificate file), or an empty string.
    using PerRecord = std::function<QString(const HistoryRecord &record)>;

    /**
     * Returns a freshly signed Authorization value for the exchange's URL (for example
     * Sas::generate(...).header() with the profile's key), or an empty string for the
     * placeholder. It receives the redacted record, never a key.
     */
    PerRecord freshAuthorization;
    /// The shell variable of the placeholder: -H "Authorization: ${NH_SAS_TOKEN}".
    QString tokenVariable = QStringLiteral("NH_SAS_TOKEN");
    /**
     * The certificate file curl must trust to reach the record's server (the local emulator's
     * self-signed one), added as --cacert before the URL; an empty string for none. Exports may
     * mix servers, so it is asked per record.
     */
    PerRecord caCertificate;
};

/**
 * One POSIX-shell curl command (lines joined by " \\\n"): method, URL, every stored request
 * header (x-ms-version, ServiceBusNotification-*, Content-Type, …) and the body, quoted so that
 * any byte survives (a body that is not UTF-8 is piped in by printf: --data-binary @-).
 * Errors: MissingField when the exchange was never sent (no URL).
 */
Result<QString> exchangeToCurl(const HistoryRecord &record, const CurlOptions &options = {});

/**
 * A sh script of several curl commands, each under a comment (time, operation, outcome). It
 * stops early with a message when the token variable is unset and the placeholder is used.
 * Exchanges that were never sent are left out, each with a warning.
 */
Result<QString> exchangesToCurlScript(const QList<HistoryRecord> &records,
                                      const CurlOptions &options = {});

/** One exchange as JSON: every stored field, bodies as text (base64 when not UTF-8). */
QJsonObject exchangeToJson(const HistoryRecord &record);
/** {"format":"nhconsole-history","version":1,"exported":…,"exchanges":[…]}, indented UTF-8. */
QByteArray exchangesToJson(const QList<HistoryRecord> &records);

/**
 * A HAR 1.2 log (http://www.softwareishard.com/blog/har-12-spec/): log.version "1.2",
 * creator nhconsole, one entry per exchange with startedDateTime, time, request {method, url,
 * httpVersion, cookies, headers, queryString, postData, headersSize, bodySize}, response
 * {status, statusText, httpVersion, cookies, headers, content {size, mimeType, text[, encoding]},
 * redirectURL, headersSize, bodySize}, cache and timings {send, wait, receive}; nhconsole's own
 * fields start with '_' as the spec asks. A response that never came has status 0. Exchanges
 * that were never sent are left out, each with a warning.
 */
Result<QByteArray> exchangesToHar(const QList<HistoryRecord> &records);

/// The file formats of exchange exports, shared by the history, the exchange view and nhcli.
enum class ExportFormat { Curl, Json, Har };

/**
 * `records` as the bytes of an export file in `format`: a curl script (exchangesToCurlScript,
 * UTF-8), the JSON document (exchangesToJson) or a HAR log (exchangesToHar), with the warnings
 * those give. `options` is used by the curl script only.
 */
Result<QByteArray> exportExchanges(const QList<HistoryRecord> &records, ExportFormat format,
                                   const CurlOptions &options = {});
/// The usual file name suffix of `format`: ".sh", ".json" or ".har".
QString exportSuffix(ExportFormat format);

/// Whether `host` (a URL's host) is this machine: "localhost", 127.0.0.0/8 or ::1.
bool isLoopbackHost(const QString &host);

/**
 * A CurlOptions::caCertificate lookup that gives `path` (made absolute) to the exchanges with a
 * loopback host, such as the local emulator's, and nothing to the others: --cacert replaces
 * curl's own trust store, so a real hub's command must not get it. Empty `path`: no lookup.
 */
CurlOptions::PerRecord loopbackCertificate(const QString &path);

/**
 * Quotes `text` as one word for a POSIX shell (dash included): in single quotes, or, for bytes
 * that are not UTF-8 or hold NUL, as "$(printf '…')" with octal escapes (trailing line feeds
 * would be lost there; header values and URLs have none).
 */
QString shellQuote(const QByteArray &text);

} // namespace Nh
