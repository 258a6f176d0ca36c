// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cli/clierrors.h"
#include "client/exchange.h"
#include "common/result.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace Nh {

// The --json shapes of nhcli (issue #5). Keys are camelCase and stable; secrets are redacted
// exactly as in the human output (request headers come redacted from the Exchange).

/**
 * {code, message, offset?, length?, line?, column?, where?} (location fields only when set);
 * code is errorCodeName().
 */
QJsonObject errorToJson(const Error &error);
/** [{message, offset?}] */
QJsonArray warningsToJson(const QList<Warning> &warnings);
/** [[name, value], …] in wire order, duplicates kept. */
QJsonArray headersToJson(const HttpHeaders &headers);

QJsonObject outcomeToJson(const NotificationOutcome &outcome);
QJsonObject registrationToJson(const Registration &registration);
/** The installation as the hub writes it (installationJson()), as an object. */
QJsonObject installationToJson(const Installation &installation);
QJsonObject detailsToJson(const NotificationDetails &details);
QJsonObject hubErrorToJson(const HubErrorBody &body);

/**
 * One exchange: operation, result, status, request {method, url, headers, body}, response
 * {status, reason, headers, body}, timings, ids, the parsed body under its own key (outcome,
 * registration, feed, installation, details, hubError) and error {message, …} when it failed.
 * Bodies are text (invalid UTF-8 replaced), with any SharedAccessKey/sig value redacted.
 */
QJsonObject exchangeToJson(const Exchange &exchange);

} // namespace Nh
