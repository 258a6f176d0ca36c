// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "client/explainer.h"

#include "client/explainerdetail.h"

#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace Nh {

using namespace ExplainerDetail;

HubErrorKind classifyHubError(int status, QStringView detail)
{
    // The service's own wording first (docs/protocol.md §3.4, §12), then the status.
    if (has(detail, u"MissingToken"))
        return HubErrorKind::MissingToken;
    if (has(detail, u"MalformedToken"))
        return HubErrorKind::MalformedToken;
    if (has(detail, u"InvalidSignature") || has(detail, u"40103")
        || has(detail, u"invalid authorization token signature"))
        return HubErrorKind::InvalidSignature;
    if (has(detail, u"ExpiredToken"))
        return HubErrorKind::ExpiredToken;
    if (has(detail, u"InvalidAudience"))
        return HubErrorKind::InvalidAudience;
    if (has(detail, u"claim is required"))
        return HubErrorKind::ClaimRequired;
    if (has(detail, u"messaging entity") && has(detail, u"could not be found"))
        return HubErrorKind::HubNotFound;
    if (has(detail, u"Installation not found"))
        return HubErrorKind::InstallationNotFound;
    if (has(detail, u"No message branch"))
        return HubErrorKind::NoMessageBranch;
    if (has(detail, u"tag expression"))
        return HubErrorKind::InvalidTagExpression;
    if (has(detail, u"invalid tag"))
        return HubErrorKind::InvalidTag;
    if (has(detail, u"can not start with $") || has(detail, u"cannot start with $"))
        return HubErrorKind::TagStartsWithDollar;
    if (has(detail, u"Tags serialized size") || has(detail, u"Max Allowed Size"))
        return HubErrorKind::TagsTooLarge;
    if (has(detail, u"'X-WNS-Type' is missing"))
        return HubErrorKind::MissingWnsType;
    if (has(detail, u"mandatory HTTP header"))
        return HubErrorKind::MissingHeader;
    if (has(detail, u"template properties"))
        return HubErrorKind::TemplateProperties;
    if (status == 413 || has(detail, u"64 KB"))
        return HubErrorKind::BodyTooLarge;
    if (status == 429 || status == 503 || has(detail, u"throttl") || has(detail, u"quota"))
        return HubErrorKind::Throttled;
    if (status == 404) {
        if (has(detail, u"registration"))
            return HubErrorKind::RegistrationNotFound;
        if (has(detail, u"notification"))
            return HubErrorKind::NotificationNotFound;
        return HubErrorKind::NotFound;
    }
    if (status == 400 && has(detail, u"tags") && has(detail, u"at most"))
        return HubErrorKind::TooManyTags;
    switch (status) {
    case 400:
        return HubErrorKind::BadRequest;
    case 401:
        return HubErrorKind::Unauthorized;
    case 403:
        return HubErrorKind::Forbidden;
    case 405:
        return HubErrorKind::MethodNotAllowed;
    case 409:
        return HubErrorKind::Conflict;
    case 410:
        return HubErrorKind::RegistrationIdUnusable;
    case 412:
        return HubErrorKind::EtagMismatch;
    default:
        break;
    }
    if (status >= 500 && status <= 599)
        return HubErrorKind::ServerError;
    return HubErrorKind::Unknown;
}

QString requiredClaimFromDetail(QStringView detail)
{
    static const QRegularExpression kClaim(u"\\b(Manage|Send|Listen)\\s+claim\\s+is\\s+required"_s,
                                           QRegularExpression::CaseInsensitiveOption);
    const auto m = kClaim.match(detail);
    if (!m.hasMatch())
        return {};
    // Normalise the case: "manage" → "Manage".
    const QString claim = m.captured(1).toLower();
    return claim.left(1).toUpper() + claim.mid(1);
}

QString requiredClaimForOperation(const QString &operation, const QUrl &url)
{
    if (isSendOperation(operation) || operation.startsWith(u"schedules."_s)
        || operation.startsWith(u"telemetry."_s) || operation.startsWith(u"feedback."_s))
        return u"Send"_s;
    if (operation == operationName(Operation::RegistrationsByTag) || operation.startsWith(u"hub."_s)
        || operation.startsWith(u"hubs."_s))
        return u"Manage"_s;
    if (operation == operationName(Operation::RegistrationsList)) {
        const bool byChannel = url.query(QUrl::FullyDecoded).contains(u"$filter"_s);
        return byChannel ? u"Listen"_s : u"Manage"_s;
    }
    return u"Listen"_s;
}

Explanation explainHubError(int status, QStringView detail)
{
    Explanation x;
    switch (classifyHubError(status, detail)) {
    case HubErrorKind::MissingToken:
        x.cause = Tr::tr("The request reached the hub without an Authorization header.");
        x.nextStep = Tr::tr("Check that the connection string has SharedAccessKeyName and "
                            "SharedAccessKey; a proxy in between may also strip the header.");
        x.docsHint = kDocsSas;
        break;
    case HubErrorKind::MalformedToken:
        x.cause = Tr::tr("The hub could not read the SharedAccessSignature token.");
        x.nextStep = Tr::tr("The token needs sr, sig, se and skn; let nhconsole sign it from the "
                            "connection string.");
        x.docsHint = kDocsSas;
        break;
    case HubErrorKind::InvalidSignature:
        x.cause = Tr::tr("The token's signature does not match: the key is not the current key of "
                         "the rule named in skn, the namespace has no such rule, or the signed sr "
                         "was encoded differently from the one sent.");
        x.nextStep =
            Tr::tr("Copy the connection string again from the portal (Access Policies) and "
                   "check that SharedAccessKey belongs to SharedAccessKeyName; keys change "
                   "when they are regenerated.");
        x.docsHint = kDocsSas;
        break;
    case HubErrorKind::ExpiredToken:
        x.cause =
            Tr::tr("The token's expiry (se) is in the past by the hub's clock: the token is too "
                   "old, or this computer's clock is behind the hub's (clock skew).");
        x.nextStep = Tr::tr("Compare the token's se with this computer's clock, set the clock "
                            "right (automatic time), and sign a fresh token for each request.");
        x.docsHint = kDocsSas;
        break;
    case HubErrorKind::InvalidAudience:
        x.cause =
            Tr::tr("The token was signed for a resource (sr) that does not cover this request: "
                   "another namespace, host, port or hub.");
        x.nextStep =
            Tr::tr("Sign the hub URL (https://<namespace>/<hub>) or the namespace root, with "
                   "the host and hub name the request uses.");
        x.docsHint = kDocsSas;
        break;
    case HubErrorKind::ClaimRequired: {
        const QString claim = requiredClaimFromDetail(detail);
        x.cause = Tr::tr("The SAS rule of the token does not grant the %1 claim this operation "
                         "needs.")
                      .arg(claim.isEmpty() ? Tr::tr("required") : claim);
        x.nextStep = Tr::tr("Use a connection string whose rule grants %1: "
                            "DefaultFullSharedAccessSignature grants Listen, Send and Manage, "
                            "DefaultListenSharedAccessSignature only Listen.")
                         .arg(claim.isEmpty() ? Tr::tr("the right") : claim);
        x.docsHint = kDocsSecurity;
        break;
    }
    case HubErrorKind::Unauthorized:
        x.cause = Tr::tr("The hub refused the token.");
        x.nextStep = Tr::tr("Check the key and rule of the connection string and this computer's "
                            "clock.");
        x.docsHint = kDocsSas;
        break;
    case HubErrorKind::Forbidden:
        x.cause =
            Tr::tr("The hub refused the operation: the rule lacks the right it needs (newer "
                   "hubs answer 403 where older ones said \"claim is required\"), or the hub's "
                   "pricing tier lacks the feature (telemetry and scheduled sends need "
                   "Standard).");
        x.nextStep =
            Tr::tr("Check the rule's claims (Listen, Send, Manage) and the hub's tier in the "
                   "portal.");
        x.docsHint = kDocsSecurity;
        break;
    case HubErrorKind::HubNotFound:
        x.cause = Tr::tr("The namespace has no hub of that name.");
        x.nextStep = Tr::tr("Check the hub name: it is the Notification Hub's name in the portal, "
                            "not the namespace's, and it is not part of the connection string.");
        x.docsHint = kDocsSas;
        break;
    case HubErrorKind::RegistrationNotFound:
        x.cause = Tr::tr("The registration does not exist: it was deleted, expired, or the hub "
                         "removed it after the push service rejected its handle.");
        x.nextStep = Tr::tr("List the registrations to find the current id, or create the "
                            "registration again.");
        x.docsHint = kDocsRegistrations;
        break;
    case HubErrorKind::InstallationNotFound:
        x.cause = Tr::tr("The installation does not exist. Installations are saved asynchronously, "
                         "so a read right after a PUT can miss it.");
        x.nextStep =
            Tr::tr("Retry in a few seconds; if it is still missing, check the installation "
                   "id.");
        x.docsHint = kDocsInstallation;
        break;
    case HubErrorKind::NotificationNotFound:
        x.cause =
            Tr::tr("The hub does not know this notification: telemetry exists only after the "
                   "hub has processed a send, and only on the Standard tier; a scheduled send "
                   "disappears once sent or cancelled.");
        x.nextStep =
            Tr::tr("Use the id from the Location of a send on this hub, and read telemetry "
                   "again every 10 seconds or so, for up to 30 minutes.");
        x.docsHint = kDocsTelemetry;
        break;
    case HubErrorKind::NoMessageBranch:
    case HubErrorKind::NotFound:
        x.cause = Tr::tr("The hub has nothing at this address: the hub, or the entity the request "
                         "names, does not exist.");
        x.nextStep = Tr::tr("Check the hub name and the id in the request.");
        x.docsHint = kDocsRegistrations;
        break;
    case HubErrorKind::InvalidTag:
        x.cause = Tr::tr("A tag has characters the hub does not allow: tags are up to 120 "
                         "characters of letters, digits and _ @ # . : -.");
        x.nextStep = Tr::tr("Replace spaces and other characters in the tag; write system tags as "
                            "$InstallationId:{id} with braces.");
        x.docsHint = kDocsTags;
        break;
    case HubErrorKind::TagStartsWithDollar:
        x.cause = Tr::tr("Tags can not start with $: that prefix is reserved for the hub's own "
                         "$InstallationId:{…} and $UserId:{…} tags.");
        x.nextStep = Tr::tr("Remove the $ from the tag.");
        x.docsHint = kDocsTags;
        break;
    case HubErrorKind::TagsTooLarge:
        x.cause = Tr::tr("The registration's tags, joined with commas, are larger than the hub's "
                         "8000-byte cap.");
        x.nextStep = Tr::tr("Use fewer or shorter tags (60 tags per registration are documented).");
        x.docsHint = kDocsTags;
        break;
    case HubErrorKind::TooManyTags:
        x.cause =
            Tr::tr("The registration has more tags than the hub allows (60 per registration).");
        x.nextStep = Tr::tr("Use fewer tags, e.g. one tag per user instead of one per interest.");
        x.docsHint = kDocsTags;
        break;
    case HubErrorKind::InvalidTagExpression:
        x.cause = Tr::tr("The hub could not read the tag expression.");
        x.nextStep =
            Tr::tr("Use tags joined by ||, && and !, with parentheses; at most 20 tags when "
                   "only || is used, 6 otherwise.");
        x.docsHint = kDocsTags;
        break;
    case HubErrorKind::MissingWnsType:
        x.cause = Tr::tr("A Windows (WNS) send needs the X-WNS-Type header, and it was missing.");
        x.nextStep =
            Tr::tr("Add X-WNS-Type: wns/toast, wns/tile, wns/badge or wns/raw, matching the "
                   "payload.");
        x.docsHint = kDocsWns;
        break;
    case HubErrorKind::MissingHeader:
        x.cause = Tr::tr("A header the hub requires for this request was missing.");
        x.nextStep =
            Tr::tr("Add the header the hub names: ServiceBusNotification-Format for every "
                   "send, -DeviceHandle for direct sends, -ScheduleTime for scheduled ones.");
        x.docsHint = kDocsSas;
        break;
    case HubErrorKind::TemplateProperties:
        x.cause = Tr::tr("The template properties are invalid: a template send carries a flat JSON "
                         "object whose values are all strings.");
        x.nextStep = Tr::tr("Quote every value (\"5\", not 5) and do not nest objects or arrays.");
        x.docsHint = kDocsTemplates;
        break;
    case HubErrorKind::BadRequest:
        x.cause = Tr::tr("The hub refused the request as malformed.");
        x.nextStep = Tr::tr("Correct what the hub's detail names and send again.");
        x.docsHint = kDocsSas;
        break;
    case HubErrorKind::MethodNotAllowed:
        x.cause = Tr::tr("The hub does not allow this method at this address.");
        x.nextStep = Tr::tr("Use the method the hub lists as allowed.");
        x.docsHint = kDocsRegistrations;
        break;
    case HubErrorKind::Conflict:
        x.cause = Tr::tr("The hub refused the registration operation as a conflict: registration "
                         "changes are coming in too fast.");
        x.nextStep = Tr::tr("Wait a moment and try again; avoid updating the same registration in "
                            "parallel.");
        x.docsHint = kDocsRegistrations;
        break;
    case HubErrorKind::RegistrationIdUnusable:
        x.cause = Tr::tr("The hub will not use this registration id (410 Gone).");
        x.nextStep =
            Tr::tr("Get a new id with Create registration ID, or let the hub assign one by "
                   "creating the registration with POST.");
        x.docsHint = kDocsRegistrations;
        break;
    case HubErrorKind::EtagMismatch:
        x.cause = Tr::tr("The registration changed since it was read: the ETag sent in If-Match no "
                         "longer matches (or the registration is gone).");
        x.nextStep = Tr::tr("Reload the registration, apply the change again and save with its "
                            "current ETag, or use If-Match: * to overwrite it.");
        x.docsHint = kDocsRegistrations;
        break;
    case HubErrorKind::BodyTooLarge:
        x.cause = Tr::tr("The request body is over the hub's 64 KB limit.");
        x.nextStep =
            Tr::tr("Shorten the payload; the platforms' own limits are smaller still (APNs "
                   "4 KB, WNS raw 5 KB).");
        x.docsHint = kDocsFaq;
        break;
    case HubErrorKind::Throttled:
        x.cause = Tr::tr("The hub is throttling requests: too many in a short time for this hub's "
                         "tier (test sends: at most 10 a minute).");
        x.nextStep = Tr::tr("Wait for the time the hub gives in Retry-After, then try again, and "
                            "slow down.");
        x.docsHint = kDocsFaq;
        break;
    case HubErrorKind::ServerError:
        x.cause = Tr::tr("The hub failed on the service side (%1); this is usually transient.")
                      .arg(status);
        x.nextStep = Tr::tr("Try again in a moment; if it persists, give Azure support the "
                            "TrackingId of the answer.");
        x.docsHint = kDocsFaq;
        break;
    case HubErrorKind::Unknown:
        x.cause =
            Tr::tr("The hub answered %1, which nhconsole has no specific advice for.").arg(status);
        x.nextStep = Tr::tr("Read the hub's detail and the response headers.");
        x.docsHint = kDocsFaq;
        break;
    }
    return x;
}

Explanation explainTransportError(QNetworkReply::NetworkError error, AbortReason reason)
{
    Explanation x;
    if (reason == AbortReason::User) {
        x.cause =
            Tr::tr("You cancelled the request before the hub answered; the hub may still have "
                   "received it.");
        x.nextStep = Tr::tr("Send it again when ready; after a cancelled send, check the telemetry "
                            "or the registrations before repeating it.");
        return x;
    }
    if (reason == AbortReason::Timeout) {
        x.cause = Tr::tr("No data arrived within the transfer timeout: the hub, a proxy or the "
                         "network stalled. The hub may still have received the request.");
        x.nextStep = Tr::tr("Try again; test sends wait for the push services and can be slow, so "
                            "raise the timeout in the settings if this repeats.");
        return x;
    }
    switch (error) {
    case QNetworkReply::HostNotFoundError:
        x.cause = Tr::tr("The host name could not be resolved (DNS), so nothing was sent.");
        x.nextStep = Tr::tr("Check the Endpoint of the connection string "
                            "(sb://<namespace>.servicebus.windows.net/) for typos, and the network "
                            "and DNS of this computer.");
        x.docsHint = kDocsSas;
        break;
    case QNetworkReply::ConnectionRefusedError:
        x.cause = Tr::tr("Nothing accepts connections on that host and port, so nothing was sent.");
        x.nextStep = Tr::tr("Check the port in the Endpoint; for the local emulator, start "
                            "nhemulator on that port.");
        break;
    case QNetworkReply::RemoteHostClosedError:
        x.cause =
            Tr::tr("The server closed the connection before answering (reset); the hub may or "
                   "may not have received the request.");
        x.nextStep = Tr::tr("Try again; if it repeats, a proxy, firewall or TLS inspection is "
                            "dropping the connection.");
        break;
    case QNetworkReply::SslHandshakeFailedError:
        x.cause =
            Tr::tr("The TLS handshake failed: the server's certificate is not trusted by this "
                   "computer, is not for this host name, or is outside its validity dates.");
        x.nextStep =
            Tr::tr("For the local emulator, add its certificate to the connection's trusted "
                   "certificates; behind a TLS-inspecting proxy, add the proxy's CA; check "
                   "this computer's clock. Never turn certificate checks off.");
        break;
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::ProxyNotFoundError:
    case QNetworkReply::ProxyTimeoutError:
    case QNetworkReply::ProxyAuthenticationRequiredError:
    case QNetworkReply::UnknownProxyError:
        x.cause = Tr::tr("The proxy between this computer and the hub failed or refused the "
                         "request.");
        x.nextStep = Tr::tr("Check the proxy settings (HTTPS_PROXY) and credentials.");
        break;
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
        x.cause = Tr::tr("The network was unavailable.");
        x.nextStep = Tr::tr("Reconnect and try again.");
        break;
    case QNetworkReply::ProtocolFailure:
        x.cause = Tr::tr("The server did not answer in HTTP: something other than a hub listens "
                         "there.");
        x.nextStep = Tr::tr("Check the host and port of the Endpoint.");
        break;
    default:
        x.cause = Tr::tr("The request failed below HTTP, without an answer from the hub.");
        x.nextStep = Tr::tr("Check the network and try again.");
        break;
    }
    return x;
}

Explanation explain(const Exchange &e)
{
    switch (e.result) {
    case ExchangeResult::Pending:
        return {};
    case ExchangeResult::Invalid: {
        Explanation x;
        x.cause = Tr::tr("nhconsole did not send this request: %1")
                      .arg(e.error ? e.error->message : e.errorSentence);
        x.nextStep = Tr::tr("Correct the marked part and send again.");
        return x;
    }
    case ExchangeResult::Cancelled:
    case ExchangeResult::Timeout:
    case ExchangeResult::TransportError:
        return explainTransportError(e.networkError, e.abortReason);
    case ExchangeResult::HubError: {
        if (auto x = explainHubConfigExchange(e))
            return *x;
        if (auto x = explainHubConfigCause(e))
            return *x;
        const QString text = errorText(e);
        HubErrorKind kind = classifyHubError(e.status, text);
        // A 403 with Retry-After is the older service's throttling (docs/protocol.md §3.5).
        if (e.status == 403 && hasHeader(e.responseHeaders, "Retry-After"))
            return explainHubError(429, text);
        if (kind == HubErrorKind::NotFound || kind == HubErrorKind::NoMessageBranch) {
            // Say which entity a bare 404 is about, from the operation.
            if (e.operation.startsWith(u"registrations."_s))
                kind = HubErrorKind::RegistrationNotFound;
            else if (e.operation.startsWith(u"installations."_s))
                kind = HubErrorKind::InstallationNotFound;
            else if (e.operation == operationName(Operation::TelemetryGet)
                     || e.operation == operationName(Operation::SchedulesCancel))
                kind = HubErrorKind::NotificationNotFound;
            if (kind == HubErrorKind::RegistrationNotFound)
                return explainHubError(404, u"registration");
            if (kind == HubErrorKind::InstallationNotFound)
                return explainHubError(404, u"Installation not found");
            if (kind == HubErrorKind::NotificationNotFound)
                return explainHubError(404, u"notification");
        }
        return explainHubError(e.status, text);
    }
    case ExchangeResult::BadResponse: {
        Explanation x;
        const QString type = header(e.responseHeaders, "Content-Type");
        x.cause = Tr::tr("The hub answered %1, but its body could not be read: %2")
                      .arg(e.status)
                      .arg(e.error ? e.error->message : e.errorSentence);
        if (type.startsWith(u"text/html"_s, Qt::CaseInsensitive))
            x.nextStep = Tr::tr("The body is an HTML page, which comes from a proxy or gateway in "
                                "front of the hub rather than the hub: check the Endpoint and the "
                                "proxy. The raw bytes are kept in the exchange.");
        else if (e.responseBody.isEmpty())
            x.nextStep = Tr::tr("The body was empty. Send again; if it repeats, compare with the "
                                "raw response in the exchange.");
        else
            x.nextStep = Tr::tr("Look at the raw bytes kept in the exchange at the place the error "
                                "names; a proxy or a cut connection can mangle a response.");
        x.docsHint = kDocsFixer;
        return x;
    }
    case ExchangeResult::NoTargets:
        return noTargets(header(e.requestHeaders, "ServiceBusNotification-Tags"), sentFormat(e));
    case ExchangeResult::Success:
        break;
    }

    if (e.outcome)
        return explainOutcomeCounts(*e.outcome, sentFormat(e) == Format::Template);
    if (e.details)
        return explainDetails(*e.details);
    Explanation x;
    if (isSendOperation(e.operation)) {
        if (e.operation == operationName(Operation::SendScheduled))
            x.cause =
                Tr::tr("The hub accepted the scheduled send; it goes out at its schedule time.");
        else
            x.cause = Tr::tr("The hub accepted the notification (%1) and queued it. A normal send "
                             "does not say whether any registration was reached.")
                          .arg(e.status);
        if (e.notificationId.isEmpty()) {
            x.cause +=
                u' '
                + Tr::tr(
                    "The hub returned no Location, so there is no notification id: hubs on the "
                    "Free and Basic tiers do not return one.");
            x.nextStep = Tr::tr("Use a test send to see per-registration outcomes.");
        } else {
            x.nextStep = Tr::tr("Use a test send to see per-registration outcomes, or read the "
                                "telemetry of notification %1 (Standard tier).")
                             .arg(e.notificationId);
        }
        x.docsHint = kDocsFixer;
        return x;
    }
    x.cause = Tr::tr("The hub answered %1: the request succeeded.").arg(e.status);
    return x;
}

} // namespace Nh
