// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "client/exchange.h"
#include "client/hubclient.h"
#include "common/result.h"

#include <QString>
#include <QUrl>

namespace Nh {

/**
 * The request that sends a stored exchange again (a new exchange with a new id), for
 * HubClient::start() under the caller's current connection: path relative to the hub, query
 * without api-version, headers without Authorization and x-ms-version (both are made afresh),
 * the stored body, and the response expected from the operation.
 * Errors: MissingField when the exchange was never sent (no URL), InvalidValue when its URL is
 * not below its hub. A warning says when a header or the body holds a redacted secret.
 */
Result<HubRequest> resendRequest(const Exchange &exchange);

/** What an exchange's operation returns, as HubClient expects it ("send.test" → Outcome). */
Expect expectedResponse(const QString &operation);

/** The part of `url`'s path after the segment `hub` (case-insensitive); empty when none. */
QString pathBelowHub(const QUrl &url, const QString &hub);

} // namespace Nh
