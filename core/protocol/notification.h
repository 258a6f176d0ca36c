// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/httpheaders.h"
#include "common/result.h"
#include "protocol/platform.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <optional>

namespace Nh {

/** Operation headers of a send (docs/protocol.md §4.2), spelled as the SDKs send them. */
inline constexpr QByteArrayView kFormatHeader = "ServiceBusNotification-Format";
inline constexpr QByteArrayView kTagsHeader = "ServiceBusNotification-Tags";
inline constexpr QByteArrayView kDeviceHandleHeader = "ServiceBusNotification-DeviceHandle";
inline constexpr QByteArrayView kScheduleTimeHeader = "ServiceBusNotification-ScheduleTime";
inline constexpr QByteArrayView kContentTypeHeader = "Content-Type";
/** The subscription keys of a browser direct send (docs/protocol.md §4.4). */
inline constexpr QByteArrayView kP256dhHeader = "P256DH";
inline constexpr QByteArrayView kAuthHeader = "Auth";

/** Scheduled sends may be at most this far ahead (docs/protocol.md §4.7). */
inline constexpr int kMaxScheduleDays = 7;

/** Template property values in order; names are the $(name)s of the templates. */
using TemplateProperties = QList<QPair<QString, QString>>;

/**
 * What a target is: who a send goes to, and what the history says an exchange aimed at. One
 * list for the protocol, the history and the composer. The history keeps the values (its
 * model's target-kind role) and spells them by name in its files, exports and the CLI: keep
 * the order and add new kinds at the end.
 */
enum class TargetKind {
    None, ///< not known (history: no send and no resource path); never a send target
    Broadcast, ///< every registration of the format (no Tags header)
    Tags, ///< ServiceBusNotification-Tags: a tag or a tag expression
    Device, ///< direct send to one PNS handle (`direct`)
    Batch, ///< direct batch send, 1 to kMaxDirectBatchHandles handles
    Resource, ///< history only: a request on a resource path (registrations, …); never sent to
};

/** Whether `kind` is a direct send: one device handle or a batch of them. */
constexpr bool isDirectKind(TargetKind kind)
{
    return kind == TargetKind::Device || kind == TargetKind::Batch;
}

/** Who receives a send: Broadcast, Tags, Device or Batch. */
struct Target
{
    TargetKind kind = TargetKind::Broadcast;
    QString tagExpression; ///< Tags: sent as written (trimmed)
    QStringList deviceHandles; ///< Device: exactly one; Batch: the batch
    /// Browser direct sends: the subscription's keys (base64url), sent as the P256DH and Auth
    /// headers. A P256DH/Auth among the notification's own headers takes precedence.
    QByteArray p256dh;
    QByteArray auth;

    static Target broadcast();
    static Target tags(const QString &expression);
    static Target device(const QString &handle, const QByteArray &p256dh = {},
                         const QByteArray &auth = {});
    static Target devices(const QStringList &handles);

    friend bool operator==(const Target &, const Target &) = default;
};

/** One notification as the user composed it. */
struct Notification
{
    Format format = Format::Template;
    QByteArray body; ///< UTF-8 (or raw bytes for WNS raw)
    /// User platform headers (apns-push-type, X-WNS-Type, …); they override derived ones.
    HttpHeaders headers;
    Target target;
    /// Absent: send now. Present: a scheduled send at this instant (any time spec; sent as UTC).
    std::optional<QDateTime> scheduleTime;

    friend bool operator==(const Notification &, const Notification &) = default;
};

/** A template body from ordered properties: a compact JSON object of strings, in order. */
QByteArray templateBody(const TemplateProperties &properties);
/**
 * The properties of a template body in document order. Errors: Syntax/Truncated with
 * line/column, UnexpectedRoot (not an object), InvalidValue naming the key whose value is not a
 * string, DuplicateField for a repeated name.
 */
Result<TemplateProperties> templateProperties(const QByteArray &body);

/**
 * The request pieces of a send, minus what the client adds (Authorization, api-version).
 * prepareSend() and checkDraft() in protocol/draftcheck.h build it.
 */
struct PreparedSend
{
    /// Relative to the hub: "messages", "messages/$batch" or "schedulednotifications".
    QString path;
    /// Value-less query flags to append after api-version: "direct" for direct sends.
    QStringList queryFlags;
    /// In send order: ServiceBusNotification-Format, -Tags, -DeviceHandle, -ScheduleTime,
    /// Content-Type, then the platform headers (derived ones, overridden by the user's).
    HttpHeaders headers;
    /// The payload, or the multipart body of a direct batch.
    QByteArray body;
};

/** `yyyy-MM-ddTHH:mm:ss` in UTC, no zone suffix: the .NET "s" form the SDKs send. */
QByteArray formatScheduleTime(const QDateTime &time);

/**
 * Reads a ServiceBusNotification-ScheduleTime value as the emulator must: the .NET `s` form
 * (`2026-01-31T12:00:00`, taken as UTC) and ISO 8601 with 1–7 fraction digits and `Z` or a
 * ±hh:mm offset (the JS SDK's `toISOString()`: `2026-11-23T01:19:38.887Z`). Surrounding
 * whitespace is ignored. Returns a UTC QDateTime. Errors: Empty, Syntax/Truncated at the
 * 0-based offset of the offending character ("at position N" in the message, 1-based),
 * InvalidValue for a date or time that does not exist.
 */
Result<QDateTime> parseScheduleTime(QByteArrayView value);

/**
 * The id a send's `Location` header names (docs/protocol.md §4.9): its last path segment, without
 * query or fragment. `…/messages/{id}`, `…/messages/$batch/{id}` and
 * `…/schedulednotifications/{id}` all give `{id}`. Empty for an empty header or one whose path
 * ends in '/'.
 */
QString notificationIdFromLocation(const QString &location);

} // namespace Nh
