// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QDateTime>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace Nh {

class ConnectionString;

/**
 * Shared Access Signature tokens (docs/protocol.md §2, docs/protocol.md §9.2, §9.6,
 * §9.7 rules 18–19).
 *
 *   sr  = encode(audience)            the exact text that is signed
 *   sig = base64(HMAC-SHA256(key = UTF-8 of the key *string*, sr + "\n" + se))
 *   Authorization: SharedAccessSignature sr=<sr>&sig=<encode(sig)>&se=<se>&skn=<rule>
 */
namespace Sas {

/** Which URI a client signs. Real clients differ; a validating server must accept them all. */
enum class Audience {
    Hub, ///< https://ns/hub: the Python seed and the REST docs (nhconsole's default)
    Namespace, ///< https://ns/: the JS SDK
    RequestUrl, ///< the full request URL with its query: the Java SDK
    DotNet, ///< the request URL as http://, no port, no query, trailing '/': the .NET SDK
};

enum class HexCase { Lower, Upper };

struct Options
{
    Audience audience = Audience::Hub;
    /** Lower-case the audience before encoding (every current client does). */
    bool lowerCaseAudience = true;
    /** Hex digits of the percent-encoding of sr (lower: seed/.NET/Java; upper: JS). */
    HexCase hexCase = HexCase::Lower;
    /** Percent-encode '/' in the signature (the seed leaves it raw; the others encode it). */
    bool encodeSlashInSignature = true;
    /** Lifetime from "now" in seconds (seed 300, JS 3600, .NET 1200). */
    qint64 ttlSeconds = 3600;

    static Options canonical() { return {}; }
    static Options pythonSeed();
    static Options jsSdk();
    static Options dotNetSdk();
    static Options javaSdk();
};

/** A token as generated; `header()` is the Authorization value. */
struct Token
{
    QString sr; ///< encoded audience, exactly as signed and sent
    QString signature; ///< base64 HMAC (not percent-encoded)
    qint64 expiry = 0; ///< se: seconds since the epoch, UTC
    QString keyName; ///< skn
    bool encodeSlashInSignature = true;

    /** `SharedAccessSignature sr=…&sig=…&se=…&skn=…` */
    QString header() const;
};

/** Percent-encodes everything but the RFC 3986 unreserved set (A–Z a–z 0–9 - . _ ~) as UTF-8. */
QString percentEncode(QStringView text, HexCase hexCase = HexCase::Lower);

/**
 * The unencoded URI a client of `style` signs for a request to `requestUrl` on `hub`.
 * `requestUrl` is needed for Audience::RequestUrl and DotNet only.
 */
QString audience(const ConnectionString &cs, const QString &hub, const QUrl &requestUrl,
                 Audience style);

/** Signs an already-encoded `sr` (what the known-answer vectors of docs/protocol.md §2.3 use). */
Token signEncoded(const QString &sr, qint64 expiry, const QString &keyName, const QString &key);

/** Encodes `audienceUri` as `options` say and signs it; expiry = now + options.ttlSeconds. */
Token generate(const QString &audienceUri, const QString &keyName, const QString &key,
               const QDateTime &now, const Options &options = Options::canonical());

/** The token nhconsole sends for a request to `hub` (canonical options). */
Token generateForHub(const ConnectionString &cs, const QString &hub, const QDateTime &now,
                     const Options &options = Options::canonical());

/** A token read back from an Authorization header, for display and validation. */
struct DecodedToken
{
    QString rawSr; ///< sr as sent (what was signed)
    QString resource; ///< sr percent-decoded
    QString rawSig; ///< sig as sent
    QString signature; ///< sig percent-decoded (base64)
    QString rawSe; ///< se as sent (what was signed)
    qint64 expiry = 0;
    QString keyName; ///< skn, percent-decoded
    QStringList fieldOrder; ///< e.g. {"sig","se","skn","sr"} for the seed

    QDateTime expiresAt() const { return QDateTime::fromSecsSinceEpoch(expiry, Qt::UTC); }
    /** Seconds from `now` until expiry; negative when expired. */
    qint64 secondsLeft(const QDateTime &now) const { return expiry - now.toSecsSinceEpoch(); }

    friend bool operator==(const DecodedToken &, const DecodedToken &) = default;
};

/**
 * Reads `SharedAccessSignature sr=…&sig=…&se=…&skn=…` (the scheme word is optional and its case
 * ignored; fields in any order). Errors name the field: missing, duplicated, empty, se not an
 * integer, sig not base64.
 */
Result<DecodedToken> decode(QStringView authorizationValue);

/**
 * Validates a token as the service does (docs/protocol.md §9.7 rules 18–19), in this order:
 * - the HMAC over the raw sr + "\n" + raw se under `key` equals the decoded sig
 *   (ErrorCode::InvalidSignature),
 * - se is not in the past relative to `now` (ErrorCode::ExpiredToken),
 * - the decoded sr, ignoring scheme, query, a trailing '/' and case, names the request's host
 *   (and its port, when sr has one) and is the namespace root or a path prefix of the request
 *   path at a segment boundary (ErrorCode::InvalidAudience).
 * The key-name lookup (ErrorCode::UnknownKeyName) is the caller's, since it owns the rules.
 * Messages start with the service's own codes ("InvalidSignature: …", "ExpiredToken: …").
 */
Status validate(const DecodedToken &token, const QString &key, const QUrl &requestUrl,
                const QDateTime &now);

} // namespace Sas
} // namespace Nh
