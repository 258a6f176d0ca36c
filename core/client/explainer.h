// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "client/exchange.h"
#include "protocol/platform.h"

#include <QNetworkReply>
#include <QString>
#include <QStringView>
#include <optional>

namespace Nh {

/**
 * Why a result came out as it did and what to try next (issue #5): shown beside every result.
 * All text is translated; `docsHint` is a documentation URL (untranslated) or empty.
 */
struct Explanation
{
    QString cause; ///< what most likely happened
    QString nextStep; ///< what to do about it; empty when nothing needs doing
    QString docsHint; ///< the page that covers it, e.g. a learn.microsoft.com URL
    /// The hub's own configuration explains it (a platform without credential, …): views
    /// offer the Hub page (issue #17).
    bool hubConfiguration = false;

    bool isEmpty() const { return cause.isEmpty() && nextStep.isEmpty(); }
};

/**
 * What a hub's error answer is about, from its status and <Detail> text (docs/protocol.md §2.2,
 * §3.4, §3.5, §6.4, §12). Details win over statuses: a 403 that says "Manage claim is required" is
 * ClaimRequired, a 403 that says it throttles is Throttled.
 */
enum class HubErrorKind {
    Unknown, ///< a status and detail nhconsole has no specific advice for
    // 401 and the older service's rights errors
    MissingToken, ///< no Authorization header
    MalformedToken, ///< the header is not a readable SharedAccessSignature
    InvalidSignature, ///< wrong key, unknown rule, or a differently encoded sr (also "40103")
    ExpiredToken, ///< se in the past by the hub's clock
    InvalidAudience, ///< sr does not cover the request URL
    ClaimRequired, ///< "<Manage|Send|Listen> claim is required for this operation"
    Unauthorized, ///< any other 401
    Forbidden, ///< 403: the rule lacks the right, or the tier lacks the feature
    // 404
    HubNotFound, ///< "The messaging entity '…' could not be found"
    RegistrationNotFound,
    InstallationNotFound, ///< "Installation not found"
    NotificationNotFound, ///< telemetry or a scheduled send the hub does not know
    NoMessageBranch, ///< "No message branch at the URI": a path the hub does not serve
    NotFound, ///< any other 404
    // 400
    InvalidTag, ///< "An invalid tag(s) '…' was supplied"
    TagStartsWithDollar, ///< "Tags can not start with $"
    TagsTooLarge, ///< the 8000-byte serialized-tags cap
    TooManyTags, ///< more than 60 tags on a registration
    InvalidTagExpression, ///< a tag expression the hub could not read
    MissingWnsType, ///< "The mandatory HTTP header 'X-WNS-Type' is missing"
    MissingHeader, ///< another mandatory header (Format, DeviceHandle, ScheduleTime, …)
    TemplateProperties, ///< template properties that are not a flat JSON object of strings
    BadRequest, ///< any other 400
    // others
    MethodNotAllowed, ///< 405
    Conflict, ///< 409: registration operations too fast
    RegistrationIdUnusable, ///< 410: PUT at an id the hub will not use
    EtagMismatch, ///< 412: If-Match does not match (or is missing)
    BodyTooLarge, ///< 413: over 64 KB
    Throttled, ///< 429, 503, or a 403 that says it throttles
    ServerError, ///< other 5xx
};

/** Sorts a hub error; `detail` may be the whole <Detail> or just its text (case is ignored). */
HubErrorKind classifyHubError(int status, QStringView detail);

/** "Manage", "Send" or "Listen" named by a "… claim is required" detail; empty otherwise. */
QString requiredClaimFromDetail(QStringView detail);

/**
 * The claim a call needs (docs/protocol.md §2.2 rule 5, §7.1): "Send" for sends, schedules,
 * telemetry and the feedback container, "Manage" for listing all registrations (without $filter) or
 * by tag, "Listen" for the rest. `url` tells a list by channel ($filter) from a full list.
 */
QString requiredClaimForOperation(const QString &operation, const QUrl &url = {});

/**
 * Explains a test send's per-registration <Outcome> text (docs/protocol.md §5.2): success, invalid
 * or no-longer-valid handle, the hub's PNS credentials wrong ("The Token obtained from the Token
 * Provider …"), invalid payload; anything else gets a generic explanation that says the text is
 * shown as the hub sent it. `platform` (from <ApplicationPlatform>) makes the advice specific.
 */
Explanation explainOutcome(QStringView outcomeText,
                           std::optional<Platform> platform = std::nullopt);

/** Explains a hub error answer by classifyHubError(); never empty. */
Explanation explainHubError(int status, QStringView detail);

/** Explains a failure below HTTP; `reason` decides over `error` (User = cancel, Timeout). */
Explanation explainTransportError(QNetworkReply::NetworkError error, AbortReason reason);

/**
 * Explains a finished exchange, choosing among the above by its result: the transport error,
 * the hub's error (refined by the operation, e.g. which entity a bare 404 is about), a bad 2xx
 * body, NoTargets, failing outcomes of a test send, telemetry states, a send without Location.
 * Empty for a Pending exchange.
 */
Explanation explain(const Exchange &exchange);
/**
 * Explains the failed calls on the hub's own configuration (`hub.*` and `hubs.list`,
 * docs/protocol.md §14) where they differ from any other call: a "Manage claim is required" on a
 * GET or list (the service gives a wrong key the same text there, so both causes are named), the
 * 200 with an empty feed for a hub that does not exist, a 409 on create, a 404 on delete.
 * nullopt for other exchanges (hubconfigexplainer.cpp); explain() asks it first.
 */
std::optional<Explanation> explainHubConfigExchange(const Exchange &exchange);
/**
 * Explains the send failures that the hub's configuration causes: a 400 "The notification has no
 * target applications" (no credential serves the format, docs/hub-checks.md). Marked
 * hubConfiguration; nullopt for other exchanges (hubconfigexplainer.cpp); explain() asks it.
 */
std::optional<Explanation> explainHubConfigCause(const Exchange &exchange);

} // namespace Nh
