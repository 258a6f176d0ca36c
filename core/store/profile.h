// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "client/hubclient.h"
#include "common/result.h"
#include "protocol/connectionstring.h"
#include "protocol/platform.h"

#include <QCoreApplication>
#include <QString>
#include <QUuid>
#include <optional>

namespace Nh {

/** Where a profile's endpoint and key come from. */
enum class ProfileKind {
    Hub, ///< a real hub: endpoint in the settings, SAS key in the OS keychain
    Emulator, ///< the in-process emulator: endpoint and key come from the running emulator
};

/** "hub" / "emulator", as settings and exports spell the kind. */
QString profileKindName(ProfileKind kind);
std::optional<ProfileKind> profileKindFromName(QStringView name);

/**
 * The id of the "Local emulator" profile that exists out of the box (ProfileStore adds it when
 * the settings have none). It can be edited but not deleted.
 */
inline constexpr QUuid kEmulatorProfileId {0x6e68636f, 0x6e73, 0x4f6c, 0x80, 0x65, 0x6d,
                                           0x75,       0x6c,   0x61,   0x74, 0x6f};

/**
 * One saved connection (issue #6): what to talk to and how, never the key. The key of a
 * ProfileKind::Hub profile lives only in the OS keychain (SecretStore) under the profile's id;
 * an Emulator profile has no stored key at all.
 *
 * A plain value type. The non-trivial members are defined in profilestore.cpp.
 */
struct Profile
{
    Q_DECLARE_TR_FUNCTIONS(Nh::Profile)

public:
    /** Shortest and longest transfer timeout a profile accepts, ms. */
    static constexpr int kMinTimeoutMs = 1000;
    static constexpr int kMaxTimeoutMs = 600000;
    static constexpr int kMaxNameLength = 100;
    static constexpr int kMaxLabelLength = 40;

    QUuid id;
    /** Unique in a ProfileStore (case-insensitively), so `nhcli --profile NAME` can pick it. */
    QString name;
    ProfileKind kind = ProfileKind::Hub;
    /** Lower-case host name; empty for Emulator profiles (the emulator says where it runs). */
    QString host;
    /** Explicit port, or -1 for 443; unused for Emulator profiles. */
    int port = -1;
    QString hub;
    /** The SAS rule (SharedAccessKeyName), e.g. "DefaultFullSharedAccessSignature". */
    QString keyName;
    QString apiVersion = QStringLiteral("2020-06");
    /** Inactivity timeout per request, ms (HubConnection::transferTimeoutMs). */
    int timeoutMs = 30000;
    /** The format the composer starts with; nullopt leaves the choice to the composer. */
    std::optional<Format> defaultFormat;
    /** The tag expression the composer starts with; empty for none. */
    QString defaultTags;
    /** A short tag shown next to the name ("PROD", "staging"); may be empty. */
    QString label;
    /** "#rrggbb" (lower case) or empty; ui/ turns it into a QColor (core has no QtGui). */
    QString colour;
    /** Marks a production hub so the UI can ask before sending to it. */
    bool production = false;

    bool isEmulator() const { return kind == ProfileKind::Emulator; }
    /** Whether the key of this profile is kept in the keychain. */
    bool needsKey() const { return kind == ProfileKind::Hub; }

    /** `sb://host[:port]/` for a Hub profile; empty for an Emulator profile. */
    QString endpoint() const;

    /**
     * The connection for a Hub profile with its `key` (from SecretStore): endpoint, rule, hub,
     * API version and timeout of this profile. No CA certificates are added.
     */
    HubConnection connection(const QString &key) const;

    /**
     * The connection for an Emulator profile: host, port, rule and key from `live` (the running
     * emulator's connectionString(keyName)), hub, API version and timeout from this profile. The
     * caller adds the emulator's certificate to caCertificates.
     */
    HubConnection connection(const ConnectionString &live) const;

    /**
     * Checks every field; the error names the profile and the field (Error::where is the field:
     * "name", "host", "port", "hub", "keyName", "apiVersion", "timeoutMs", "defaultTags",
     * "label", "colour"). ErrorCode::EmptyField for a missing required value,
     * ErrorCode::InvalidValue or ErrorCode::LimitExceeded otherwise. A default tag expression
     * that does not parse is refused with its position.
     */
    Status validate() const;

    friend bool operator==(const Profile &, const Profile &) = default;
};

/** A profile together with its key, as a pasted connection string or an import gives them. */
struct ProfileWithKey
{
    Profile profile;
    /** The SAS key; empty when there is none (Emulator profiles, exports without keys). */
    QString key;
};

/** The built-in "Local emulator" profile as it is out of the box. */
Profile defaultEmulatorProfile();

} // namespace Nh
