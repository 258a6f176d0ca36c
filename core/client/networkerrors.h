// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "client/exchange.h"

#include <QList>
#include <QNetworkReply>
#include <QSslError>
#include <QString>

namespace Nh {

/**
 * A sentence for a failure below HTTP, saying what happened and what to do (translated): DNS,
 * refused, TLS (which certificate, why), reset, timeout (with the limit), cancel. Qt's own
 * errorString() names the operation wrongly for POSTs and says nothing of causes.
 */
QString describeTransportError(QNetworkReply::NetworkError error, const QString &qtMessage,
                               const QUrl &url, const QList<QSslError> &sslErrors,
                               AbortReason reason, int timeoutMs);

/**
 * A sentence for an HTTP error answer (4xx/5xx): what the status means for this operation, the
 * hub's own <Detail> text, and the next step (401: bad signature vs expired vs missing claim with
 * the rule name; 404: hub or entity; 412; 413; 429/503 with Retry-After; 5xx).
 */
QString describeHubError(const Exchange &exchange);

/** For a 2xx whose body did not parse: the located parse error and what was expected. */
QString describeBadResponse(const Exchange &exchange, const Error &parseError);

} // namespace Nh
