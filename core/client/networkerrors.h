// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "client/exchange.h"

#include <QList>
#include <QNetworkReply>
#include <QSslCertificate>
#include <QSslError>
#include <QString>

namespace Nh {

/**
 * A sentence for a failure below HTTP, saying what happened and what to do (translated): DNS
 * (host and port named), refused, TLS (each certificate's subject, issuer, fingerprint and
 * validity, and each QSslError reason with its remedy), reset, timeout (with the limit in
 * seconds), cancel. `reason` decides over `error`. Qt's own errorString() names the operation
 * wrongly for POSTs and says nothing of causes; it is used only for errors not named here.
 */
QString describeTransportError(QNetworkReply::NetworkError error, const QString &qtMessage,
                               const QUrl &url, const QList<QSslError> &sslErrors,
                               AbortReason reason, int timeoutMs);

/**
 * A sentence for an HTTP error answer (4xx/5xx): the status and the operation, the hub's own
 * <Detail> text verbatim (without its TrackingId/TimeStamp suffix, which follows separately),
 * and the next step. 401 tells InvalidSignature / ExpiredToken (the token's se against this
 * computer's clock at sending: clock skew) / InvalidAudience / a missing claim (named, with the
 * rule `skn` of the exchange's token) / MissingToken apart; 403; 404 tells the hub from the
 * registration, installation or notification; 410; 412 (the If-Match sent, reload and retry);
 * 413 (the body size against 64 KB); 429/503 (Retry-After and the attempts made); 5xx; 400
 * with the advice of explainHubError().
 */
QString describeHubError(const Exchange &exchange);

/**
 * For a 2xx whose body did not parse: the status and operation, what body was expected, the
 * located parse error, how many raw bytes were kept and their Content-Type (an HTML page points
 * at a proxy in the way).
 */
QString describeBadResponse(const Exchange &exchange, const Error &parseError);

/** "the test send", "reading the registration", … for an operation name (translated). */
QString operationDisplayName(const QString &operation);

/**
 * A certificate for people: `"CN=localhost, O=nhconsole emulator" (issued by itself, SHA-256
 * 3F:A1:…, valid 2026-01-01 to 2027-01-01)`.
 */
QString describeCertificate(const QSslCertificate &certificate);

} // namespace Nh
