// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/platform.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>
#include <optional>

namespace Nh {

/** One header of a template registration's ApnsHeaders/WnsHeaders/MpnsHeaders, in document order.
 */
struct TemplateHeader
{
    QString name;
    QString value;

    friend bool operator==(const TemplateHeader &, const TemplateHeader &) = default;
};

/** The kind of a `*RegistrationDescription` element: a platform, native or template. */
struct RegistrationKind
{
    Platform platform = Platform::Apple;
    bool isTemplate = false;

    friend bool operator==(const RegistrationKind &, const RegistrationKind &) = default;
};

/**
 * "AppleRegistrationDescription", "FcmV1TemplateRegistrationDescription", …
 * (docs/protocol.md §7.3). The nine platforms of Nh::Platform, each with and without "Template".
 */
QString registrationKindName(RegistrationKind kind);

/**
 * The kind named by a description element ("GcmTemplateRegistrationDescription"); exact,
 * case-sensitive match as the service's DataContract names are. nullopt for anything else,
 * including the SDK-only "FcmRegistrationDescription".
 */
std::optional<RegistrationKind> registrationKindFromName(QStringView name);

/**
 * The primary handle element of a platform: DeviceToken, FcmV1RegistrationId, GcmRegistrationId,
 * ChannelUri (WNS and MPNS), AdmRegistrationId, BaiduChannelId, Endpoint (browser),
 * XiaomiRegistrationId.
 */
QString registrationHandleElementName(Platform platform);

/** "ApnsHeaders", "WnsHeaders" or "MpnsHeaders" for the template kinds that carry headers,
 *  else an empty string. The item element is the same name without the final "s". */
QString registrationHeadersElementName(Platform platform);

/**
 * A registration as the hub stores it (docs/protocol.md §7.3): the base part, the handle part and,
 * for template kinds, the template part. Fields that the kind does not use stay empty.
 */
struct Registration
{
    Platform platform = Platform::Apple;
    bool isTemplate = false;

    // Base part. registrationId, etag and expirationTime are read-only (set by the hub).
    QString registrationId;
    /// The integer version from `<ETag>` / `W/"n"`; 0 means none (a registration not yet stored).
    qint64 etag = 0;
    /// UTC; defaults to "never" (neverExpires()).
    QDateTime expirationTime = neverExpires();
    QStringList tags;
    /// The JSON object text exactly as sent or received, e.g. `{"var1":"value1"}`; empty if none.
    QString pushVariables;

    // Handle part.
    /// The primary handle (registrationHandleElementName()): device token, FCM/GCM/ADM/Xiaomi
    /// registration id, WNS/MPNS channel URI, Baidu channel id or Web Push endpoint.
    QString handle;
    QString secondaryTileName; ///< WNS/MPNS, optional
    QString baiduUserId; ///< Baidu, required with the channel id
    QString p256dh; ///< browser, required
    QString auth; ///< browser, required

    // Template part (isTemplate only).
    QString bodyTemplate;
    QString templateName;
    QString expiry; ///< APNs templates; empty = nil
    QString priority; ///< APNs templates; empty = not set
    /// ApnsHeaders / WnsHeaders / MpnsHeaders (registrationHeadersElementName()).
    QList<TemplateHeader> headers;

    // Atom entry metadata (not part of the description); invalid when unknown.
    QDateTime published;
    QDateTime updated;

    /** 9999-12-31T23:59:59.999Z, the hub's "does not expire". */
    static QDateTime neverExpires();

    RegistrationKind kind() const { return {platform, isTemplate}; }
    /** e.g. "AppleTemplateRegistrationDescription". */
    QString kindName() const;
    /** e.g. "DeviceToken"; see registrationHandleElementName(). */
    QString handleElementName() const;

    friend bool operator==(const Registration &, const Registration &) = default;
};

/**
 * Reads the date-times the hub writes (`2018-11-07T00:18:38Z`, `9999-12-31T23:59:59.999`,
 * `9999-12-31T23:59:59.9999999Z`, `…+01:00`): any number of fraction digits (truncated to
 * milliseconds), and no zone meaning UTC. Returns a UTC QDateTime, or nullopt if the text is
 * not such a date-time.
 */
std::optional<QDateTime> parseHubDateTime(QStringView text);

/** `2018-11-07T00:18:38Z` (Atom published/updated: seconds, UTC). */
QString hubDateTimeText(const QDateTime &dateTime);
/** `9999-12-31T23:59:59.999Z` (ExpirationTime and installation times: milliseconds, UTC). */
QString hubDateTimeTextWithMs(const QDateTime &dateTime);
/**
 * Appends, in UTF-8, what hubDateTimeText() (`withMs` false) or hubDateTimeTextWithMs() writes for
 * the UTC time `msSinceEpoch`, without a QDateTime for years 1..9999 (the emulator's feeds write
 * three of these per registration).
 */
void appendHubDateTime(QByteArray &out, qint64 msSinceEpoch, bool withMs);

} // namespace Nh
