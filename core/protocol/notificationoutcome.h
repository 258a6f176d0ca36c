// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QLatin1StringView>
#include <QList>
#include <QString>
#include <QStringView>

namespace Nh {

/** One registration a test send reached (docs/protocol.md §5.2). All four fields are free text. */
struct RegistrationResult
{
    QString applicationPlatform; ///< "apple", "fcmv1", "gcm", "windows", … (not a format name)
    QString pnsHandle; ///< not necessarily a real token (FCM v1 may repeat the id)
    QString registrationId;
    QString outcome; ///< shown verbatim; classifyOutcome() sorts it

    friend bool operator==(const RegistrationResult &, const RegistrationResult &) = default;
};

/** The body of a test ("debug") send: counts plus at most ~10 per-registration results. */
struct NotificationOutcome
{
    qint64 success = 0;
    qint64 failure = 0;
    QList<RegistrationResult> results;

    friend bool operator==(const NotificationOutcome &, const NotificationOutcome &) = default;
};

/** More <RegistrationResult> elements than this are refused (the service sends at most 10). */
inline constexpr qsizetype kMaxOutcomeResults = 1000;

/** Outcome texts seen from the real service (docs/protocol.md §5.2). */
inline constexpr QLatin1StringView kOutcomeSuccess {
    "The Notification was successfully sent to the Push Notification System"};
inline constexpr QLatin1StringView kOutcomeInvalidHandle {
    "The Push Notification System handle for the registration is invalid"};
inline constexpr QLatin1StringView kOutcomeExpiredHandle {
    "The Push Notification System handle for the registration is no longer valid"};
inline constexpr QLatin1StringView kOutcomeWrongToken {
    "The Token obtained from the Token Provider is wrong"};
inline constexpr QLatin1StringView kOutcomeInvalidToken {
    "The Token obtained from the Token Provider is invalid"};
inline constexpr QLatin1StringView kOutcomeInvalidPayload {"The Notification payload is invalid"};

/** What an outcome text means; BadCredentials = the hub's PNS credentials are wrong. */
enum class OutcomeKind {
    Success,
    InvalidHandle,
    ExpiredHandle,
    BadCredentials,
    InvalidPayload,
    Unknown
};

/**
 * Sorts a free-text outcome. Compares case-insensitively, ignoring surrounding whitespace and a
 * trailing period; any "The Token obtained from the Token Provider …" is BadCredentials.
 * Texts not listed above give Unknown.
 */
OutcomeKind classifyOutcome(QStringView outcome);

/** The service's text for a kind (BadCredentials → kOutcomeWrongToken); empty for Unknown. */
QLatin1StringView outcomeText(OutcomeKind kind);

/**
 * Parses a NotificationOutcome body (docs/protocol.md §5.2). Elements are matched by local name in
 * the service namespace, no namespace or the root's namespace, with any prefix and in any order;
 * other elements are skipped. `<Results i:nil="true"/>`, `<Results/>` and no <Results> all give
 * an empty list. Never throws.
 *
 * Errors (located by line/column): Empty, LimitExceeded (body over Xml::kMaxDocumentBytes,
 * nesting over Xml::kMaxDepth, more than kMaxOutcomeResults results, a count over 2^63-1),
 * Syntax / Truncated (not XML), UnexpectedRoot (names the root found), MissingField (no
 * <Success>; a RegistrationResult without one of its four children, named), EmptyField,
 * InvalidValue (a count that is not a non-negative integer), DuplicateField.
 * Warnings name what the JS SDK would reject but this parser accepts: a prefixed root, no
 * <Failure>, no <Results>.
 */
Result<NotificationOutcome> parseNotificationOutcome(const QByteArray &xml);

/**
 * Serializes for the emulator exactly as real clients need it (docs/protocol.md §9.5,
 * §9.7 rule 12): UTF-8, one line, no XML declaration, default service namespace plus xmlns:i, no
 * prefixes on elements, children in DataContract order, `<Results i:nil="true"/>` when there are no
 * results, all four RegistrationResult children always present. Characters XML cannot carry become
 * U+FFFD.
 */
QByteArray notificationOutcomeXml(const NotificationOutcome &outcome);

} // namespace Nh
