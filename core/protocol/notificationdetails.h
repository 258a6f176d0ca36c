// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "protocol/platform.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>
#include <optional>

namespace Nh {

/**
 * The State of a sent message (docs/protocol.md §5.4). The docs and the Java SDK spell "Canceled"
 * and have Scheduled; the .NET and JS SDKs spell "Cancelled" and add DetailedStateAvailable. Both
 * spellings read as Canceled; anything else is Unknown.
 */
enum class NotificationState {
    Unknown,
    Enqueued,
    Processing,
    Completed,
    Abandoned,
    NoTargetFound,
    Canceled,
    Scheduled,
    DetailedStateAvailable,
};

/** Case-insensitive; "Canceled" and "Cancelled" both give Canceled; unknown names give Unknown. */
NotificationState notificationStateFromName(QStringView name);
/** The documented wire name ("Canceled", "NoTargetFound", …). */
QString notificationStateName(NotificationState state);

/** One `<Outcome><Name>…</Name><Count>…</Count></Outcome>`; names are an open set. */
struct OutcomeCount
{
    QString name; ///< "Success", "WrongToken", "BadChannel", … shown verbatim
    qint64 count = 0;

    friend bool operator==(const OutcomeCount &, const OutcomeCount &) = default;
};

/** One `{platform}OutcomeCounts` element, in document order. */
struct PlatformOutcomeCounts
{
    /** The element name without "OutcomeCounts": "Apns", "Wns", "Gcm", "FcmV1", … (open set). */
    QString platform;
    QList<OutcomeCount> outcomes;

    friend bool operator==(const PlatformOutcomeCounts &, const PlatformOutcomeCounts &) = default;
};

/** Per-message telemetry, `GET /{hub}/messages/{id}` (Standard tier). Every field is optional. */
struct NotificationDetails
{
    QString notificationId;
    QString location; ///< sb://… URL as sent
    QString stateText; ///< <State> as sent; the serializer writes notificationStateName() if empty
    NotificationState state = NotificationState::Unknown;
    QDateTime
        enqueueTime; ///< UTC, millisecond precision (the wire has up to 7 digits); null if absent
    QDateTime startTime;
    QDateTime endTime;
    QString notificationBody; ///< verbatim, whitespace kept
    QString tags;
    QStringList
        targetPlatforms; ///< the comma list split and trimmed ("windows", "apple template", …)
    QList<PlatformOutcomeCounts> outcomeCounts;
    QString pnsErrorDetailsUri;

    friend bool operator==(const NotificationDetails &, const NotificationDetails &) = default;
};

/** More `{platform}OutcomeCounts` blocks, or more <Outcome> entries in all, are refused. */
inline constexpr qsizetype kMaxOutcomeCountPlatforms = 64;
inline constexpr qsizetype kMaxOutcomeCountEntries = 1000;

/** The Platform of an outcome-counts prefix ("Apns" → Apple, "Mpns" → WindowsPhone, "Wns" →
 *  Windows, "Gcm", "FcmV1", "Adm", "Baidu", "Browser", "Xiaomi"); case-insensitive. */
std::optional<Platform> platformForOutcomeCounts(QStringView prefix);
/** The inverse: the element name prefix for a platform ("Apns" for Apple). */
QString outcomeCountsPrefix(Platform platform);

/**
 * Parses a NotificationDetails body (docs/protocol.md §5.4). Elements are matched by local name in
 * the service namespace, no namespace or the root's namespace, in any order; unknown elements are
 * skipped; any element ending in "OutcomeCounts" is a platform block. Times are xs:dateTime with
 * any number of fractional digits (kept to the millisecond) and Z, an offset or no zone (= UTC).
 * Never throws.
 *
 * Errors (located by line/column): Empty, Syntax / Truncated, UnexpectedRoot (names the root),
 * LimitExceeded (size, depth, too many blocks or entries, a count over 2^63-1), InvalidValue (a
 * time that is not xs:dateTime, a count that is not a non-negative integer), EmptyField,
 * MissingField (an <Outcome> without <Name> or <Count>, named), DuplicateField.
 */
Result<NotificationDetails> parseNotificationDetails(const QByteArray &xml);

/**
 * Serializes for the emulator: UTF-8, one line, default service namespace plus xmlns:i, no
 * prefixes, elements in the .NET SDK's order (NotificationId, Location, State, EnqueueTime,
 * StartTime, EndTime, NotificationBody, Tags, TargetPlatforms, the count blocks in list order,
 * PnsErrorDetailsUri). Empty strings and null times are left out; State is always written.
 * Times are UTC, `2015-11-02T21:19:43Z`, or with 7 fractional digits
 * (`…43.9920000Z`) when there are milliseconds. TargetPlatforms are joined with ",". Blocks whose
 * platform is not a plain ASCII name (letters and digits) are left out, as they cannot be an
 * element name; characters XML cannot carry become U+FFFD.
 */
QByteArray notificationDetailsXml(const NotificationDetails &details);

} // namespace Nh
