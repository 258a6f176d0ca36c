// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringView>
#include <optional>

namespace Nh {

/** A push notification service a registration can belong to (docs/protocol.md §4.3, §7.3). */
enum class Platform {
    Apple, ///< APNs; registrations: Apple*, installations: "apns"
    FcmV1, ///< FCM HTTP v1; FcmV1*, "fcmv1"
    Gcm, ///< FCM legacy ("GCM"); Gcm*, "gcm" (retired by Google 2024-06-20)
    Windows, ///< WNS; Windows*, "wns"
    WindowsPhone, ///< MPNS; Mpns*, "mpns" (deprecated)
    Adm, ///< Amazon Device Messaging; Adm*, "adm"
    Baidu, ///< Baidu; Baidu* (deprecated)
    Browser, ///< Web Push; Browser*, "browser"
    Xiaomi, ///< Xiaomi Mi Push; Xiaomi*, "xiaomi"
};
inline constexpr int kPlatformCount = 9;

/** The value of the ServiceBusNotification-Format header (docs/protocol.md §4.3). */
enum class Format {
    Template,
    Apple,
    FcmV1,
    Gcm,
    Windows,
    WindowsPhone,
    Adm,
    Baidu,
    Browser,
    Xiaomi,
};
inline constexpr int kFormatCount = 10;

/** The exact lower-case wire name: "template", "apple", "fcmv1", "gcm", "windows", … */
QString formatWireName(Format format);

/**
 * Reads a ServiceBusNotification-Format value as the service does: case-insensitively
 * ("FcmV1" = "fcmv1"), and with "fcm" taken as the legacy "gcm" format, which a later version
 * of the public Python sample sends (docs/protocol.md §9.6). Returns nullopt for anything else.
 */
std::optional<Format> formatFromWireName(QStringView name);

/** The platform a native format is delivered to; nullopt for Format::Template. */
std::optional<Platform> platformForFormat(Format format);

/** The native format of a platform (the inverse of platformForFormat). */
Format nativeFormat(Platform platform);

/**
 * The name the service writes in a NotificationOutcome's <ApplicationPlatform> ("apple",
 * "fcmv1", "gcm", "windows", "windowsphone", "adm", "baidu", "browser", "xiaomi").
 */
QString platformWireName(Platform platform);
std::optional<Platform> platformFromWireName(QStringView name);

/** The `platform` of an installation: "apns", "fcmv1", "gcm", "wns", "mpns", "adm", "baidu",
 *  "browser", "xiaomi" (docs/protocol.md §7.7). Parsing is case-insensitive. */
QString installationPlatformName(Platform platform);
std::optional<Platform> platformFromInstallationName(QStringView name);

/** The prefix of the registration description element: "Apple", "FcmV1", "Gcm", "Windows",
 *  "Mpns", "Adm", "Baidu", "Browser", "Xiaomi" (+ "[Template]RegistrationDescription"). */
QString registrationKindPrefix(Platform platform);

/** A name for people: "Apple (APNs)", "Firebase (FCM v1)", … (translated). */
QString platformDisplayName(Platform platform);
QString formatDisplayName(Format format);

} // namespace Nh
