// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "protocol/registration.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

namespace Nh {

/** One page of `GET /{hub}/registrations` (docs/protocol.md §7.5, §7.6). */
struct RegistrationFeed
{
    QList<Registration> entries;
    /// The `continuationtoken` of the `rel="next"` link, decoded once: the form the service also
    /// sends in `x-ms-continuationtoken` (still URL-encoded, e.g. `MzEobik7Mg%3D%3D`), to be
    /// appended verbatim to the next request. Empty on the last page.
    QByteArray continuationToken;
    /// The `rel="next"` href as written (entities resolved); empty on the last page.
    QString nextLink;
};

/**
 * Reads one registration: an Atom `<entry>` whose `<content>` holds a `*RegistrationDescription`
 * (docs/protocol.md §7.3), a bare description without the entry, or the polymorphic
 * `<RegistrationDescription i:type="AppleRegistrationDescription">`. Children may come in any
 * order; unknown elements, and elements in a foreign namespace, are skipped with a warning.
 * The entry's etag attribute (`W/"n"`, any prefix bound to the data-services metadata
 * namespace) is used when the description has no `<ETag>`.
 *
 * Errors carry line and column: empty, not XML, truncated, another root, an unknown kind (named),
 * a missing handle element (named), a template without BodyTemplate, a bad ETag or
 * ExpirationTime, a repeated element, nesting deeper than Xml::kMaxDepth, a body over
 * Xml::kMaxDocumentBytes.
 */
Result<Registration> parseRegistrationEntry(const QByteArray &xml);

/**
 * Reads a registration feed. An entry of a kind this parser does not know (a newer platform) is
 * left out with a warning that names it, so that one entry does not hide the page; every other
 * broken entry fails the whole feed, with its entry number in the message. No `<entry>` = [].
 */
Result<RegistrationFeed> parseRegistrationFeed(const QByteArray &xml);

/**
 * The body a client sends to create or update a registration (POST /registrations,
 * PUT /registrations/{id}): XML declaration, `<entry xmlns=Atom><content type="application/xml">`
 * and the description in DataContract order (docs/protocol.md §7.3) without the read-only ETag,
 * ExpirationTime and RegistrationId. Tags are comma-joined without spaces, BodyTemplate is CDATA
 * (a "]]>" inside is split across two sections), empty optional elements are left out.
 */
QByteArray registrationRequestXml(const Registration &registration);

/** Where and when an entry is served from (for the emulator's responses). */
struct EntryContext
{
    /// `https://host:port/hub`, without a trailing slash.
    QString baseUrl;
    /// The collection the entry id sits under: "registrations" or "tags/{tag}/registrations".
    QString collectionPath = QStringLiteral("registrations");
    /// The request's query string without '?', as received (e.g. `api-version=2017-04&$top=2`);
    /// the service copies it into the entry's `<id>` and self link.
    QString query;
    /// Used for `<published>`/`<updated>` when the registration has none.
    QDateTime now;
};

/**
 * One registration as the service returns it (docs/protocol.md §7.6): `<entry
 * a:etag="W/&quot;n&quot;">` with `<id>`, `<title>` (the id), published, updated, a self link and
 * the description with ETag, ExpirationTime and RegistrationId. No XML declaration, single line.
 */
QByteArray registrationEntryXml(const Registration &registration, const EntryContext &context);

/** Where and when a feed is served from (for the emulator's responses). */
struct FeedContext
{
    QString baseUrl;
    QString collectionPath = QStringLiteral("registrations");
    QString query;
    /// The feed's `<updated>`, and the entries' times when a registration has none.
    QDateTime updated;
    /// The raw (not URL-encoded) token of the next page; empty on the last page.
    QByteArray continuationToken;
};

/**
 * A feed as the service returns it (docs/protocol.md §7.6): title "Registrations", id, updated, a
 * self link with the request query and, when `continuationToken` is set, a `rel="next"` link
 * with the request query re-encoded and `continuationtoken=` encoded twice, as the service does.
 */
QByteArray registrationFeedXml(const QList<Registration> &registrations,
                               const FeedContext &context);

/**
 * The `x-ms-continuationtoken` form of a raw paging token: percent-encoded once
 * (`MzEobik7Mg==` → `MzEobik7Mg%3D%3D`).
 */
QByteArray encodeContinuationToken(const QByteArray &rawToken);

/**
 * The raw token from what a client sends back, which may be encoded once (as the header gave it)
 * or twice (the JS SDK re-encodes it; docs/protocol.md §9.7 rule 8), or already decoded by a query
 * parser. '+' is kept as is. Meant for tokens the hub produced (base64), which contain no '%'.
 */
QByteArray decodeContinuationToken(const QByteArray &token);

} // namespace Nh
