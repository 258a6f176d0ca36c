// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "client/exchange.h"

#include <QList>
#include <QString>

namespace Nh {

/**
 * One problem the console can see in a request another client sent (issue #20, the traffic
 * view): a sentence for people, the kind for filters and JSON, and how bad it is.
 */
struct RequestFlag
{
    enum class Kind {
        MissingFormat, ///< a send without ServiceBusNotification-Format
        UnknownFormat, ///< a Format header the hub does not know
        RefusedPayload, ///< a payload the hub or the platform refuses (the payload builders)
        PayloadWarning, ///< a payload the hub takes but the platform refuses or ignores
        ReachedNothing, ///< a test send whose outcome is Success 0, Failure 0
        TokenExpired, ///< the SAS token's se was already past when the request came
        TokenNearExpiry, ///< the SAS token expires within kTokenNearExpirySeconds
        WrongAudience, ///< the SAS token is signed for a URI that does not cover the request
        Unauthorized, ///< the hub answered 401 (the sentence says why)
    };
    enum class Severity { Warning, Problem };

    Kind kind = Kind::MissingFormat;
    Severity severity = Severity::Warning;
    QString sentence; ///< translated, one sentence (or two)
};

/** A token with less than this left when the request came is flagged (TokenNearExpiry). */
inline constexpr qint64 kTokenNearExpirySeconds = 120;

/** The stable key of a kind, for JSON and filters: "missing-format", "wrong-audience", … */
QString requestFlagKey(RequestFlag::Kind kind);

/**
 * What is wrong with `exchange`, a request another client sent to the emulator (made by
 * exchangeFromLogEntry()), in the order the kinds are declared; empty when nothing is. Sends
 * are checked for their Format header and their payload (PayloadBuilder::validate(), the check
 * the composer's own sends go through); a test send's outcome for an expression that reached
 * nothing; every request for its SAS token as logged (se and sr: the signature is redacted, so
 * it is not checked here; a wrong one gets the hub's 401); a 401 with the explainer's cause.
 * Pure: no network, no clock (the request's own time decides about expiry).
 */
QList<RequestFlag> lintRequest(const Exchange &exchange);

/** The most severe of `flags`' severities; Warning for an empty list. */
RequestFlag::Severity worstSeverity(const QList<RequestFlag> &flags);

} // namespace Nh
