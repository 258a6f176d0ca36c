// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/httpheaders.h"
#include "common/redaction.h"
#include "common/result.h"
#include "protocol/errorbody.h"
#include "protocol/hubdescription.h"
#include "protocol/installation.h"
#include "protocol/notificationdetails.h"
#include "protocol/notificationoutcome.h"
#include "protocol/registration.h"
#include "protocol/registrationfeed.h"
#include "protocol/renderedpayload.h"
#include "protocol/sastoken.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QNetworkReply>
#include <QString>
#include <QUrl>
#include <QUuid>
#include <optional>

namespace Nh {

/** How an exchange ended, for filters, exit codes and colours. */
enum class ExchangeResult {
    Pending,
    Success, ///< 2xx and, where a body was expected, it parsed
    NoTargets, ///< a test send that reached no registration
    HubError, ///< the hub answered 4xx/5xx (hubError holds its <Error> body when it sent one)
    TransportError, ///< DNS, refused, TLS, reset, … (no HTTP status)
    Timeout, ///< no data for the transfer timeout
    Cancelled, ///< the user cancelled
    BadResponse, ///< a 2xx whose body could not be parsed (parse error located, bytes kept)
    Invalid, ///< refused before sending: the request itself is wrong (error located)
};

/** Who ended a job early (docs/conventions.md R5): the reply's error code alone cannot tell. */
enum class AbortReason { None, User, Timeout };

/** One attempt of an exchange; retries after 429/503 add attempts. */
struct Attempt
{
    QDateTime started;
    int status = 0;
    qint64 totalMs = 0;
    int retryAfterSeconds = -1;
};

/**
 * Everything about one call to the hub, as sent and as received (issue #5): what the exchange
 * view shows, what the history stores and what exports are made from.
 *
 * requestHeaders are the headers exactly as built, in order, with the Authorization signature
 * already redacted; the real token is kept apart (authorization) and only comes back through
 * requestHeadersFor(Reveal::Yes). QNAM adds transport headers of its own (Host, Connection,
 * Accept-Encoding, Content-Length…), which are not in this list; User-Agent is ours
 * (HubClient::userAgent()) and is listed.
 */
struct Exchange
{
    QUuid id = QUuid::createUuid();
    QString operation; ///< operationName(): "send", "send.test", "registrations.list", …
    QString hub;
    QDateTime started;

    QByteArray method;
    QUrl url;
    HttpHeaders requestHeaders; ///< redacted
    QByteArray requestBody;
    QString authorization; ///< the real SAS header value; never stored or logged
    std::optional<Sas::DecodedToken> token;

    int status = 0; ///< 0 when no HTTP response arrived
    /// Why no HTTP response arrived (DNS, refused, TLS, …); NoError when one did.
    QNetworkReply::NetworkError networkError = QNetworkReply::NoError;
    QByteArray reasonPhrase;
    HttpHeaders responseHeaders;
    QByteArray responseBody;

    qint64 timeToFirstByteMs = -1;
    qint64 totalMs = -1;
    QList<Attempt> attempts;

    ExchangeResult result = ExchangeResult::Pending;
    AbortReason abortReason = AbortReason::None;
    /** What happened and what to do, for people (translated); empty on success. */
    QString errorSentence;
    /** The located parse error of a bad 2xx body, or the transport/hub error. */
    std::optional<Error> error;
    /**
     * What validation noticed without refusing the request (a payload over the PNS's limit, a
     * retired platform, a tag-expression remark, …), as prepareSend() reported it; offsets are
     * into requestBody, or into the header the message names. Filled for sends only.
     */
    QList<Warning> warnings;

    // What the response meant, when it parsed.
    std::optional<HubErrorBody> hubError;
    std::optional<NotificationOutcome> outcome;
    std::optional<Registration> registration;
    std::optional<RegistrationFeed> feed;
    std::optional<Installation> installation;
    std::optional<NotificationDetails> details;
    /// hub.get/create/update: the description as answered. A secret: never stored or logged
    /// (the history keeps the body redacted, docs/protocol.md §14.6).
    std::optional<HubDescription> hubDescription;
    std::optional<QList<HubListEntry>> hubList; ///< hub.list: either form, as answered
    QString location; ///< the Location header
    QString notificationId; ///< last path segment of Location for sends
    QString trackingId; ///< TrackingId response header
    QString continuationToken; ///< x-ms-continuationtoken, as sent (URL-encoded once)
    QString etag; ///< ETag response header
    /**
     * A template test send: what each template registration of the outcome was rendered into,
     * computed by the console from the registration's template and the properties sent (the
     * hub never says). Kept with the exchange in the history (docs/architecture.md, "Templates").
     */
    QList<RenderedPayload> rendered;

    bool ok() const
    {
        return result == ExchangeResult::Success || result == ExchangeResult::NoTargets;
    }
    HttpHeaders requestHeadersFor(Reveal reveal) const;
};

/** A short untranslated name for files and JSON ("success", "no-targets", "hub-error", …). */
QString exchangeResultName(ExchangeResult result);
QString exchangeResultDisplayName(ExchangeResult result);

/**
 * The error domain of an ending: Transport, Timeout, Cancelled, HubRejected or BadResponse;
 * None for Success, NoTargets and Pending, and also for Invalid, whose code is the refusal's
 * own (see exchangeErrorCode()).
 */
ErrorCode errorCodeFor(ExchangeResult result);
/**
 * What went wrong with `exchange`, as one ErrorCode: errorCodeFor(result); for a request
 * refused before sending the refusal's code (Syntax, LimitExceeded, …); Cancelled for one that
 * is still pending. None when it is ok().
 */
ErrorCode exchangeErrorCode(const Exchange &exchange);

} // namespace Nh

Q_DECLARE_METATYPE(Nh::Exchange)
