// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A hub's own configuration, as the SAS management API reads and writes it: the
// NotificationHubDescription (docs/protocol.md §14; issue #17). The whole description is a
// secret: PNS credentials and rule keys come back unmasked.

#include "common/result.h"
#include "protocol/platform.h"

#include <QByteArray>
#include <QDateTime>
#include <QFlags>
#include <QList>
#include <QString>
#include <QStringView>
#include <optional>
#include <utility>

namespace Nh {

/** The credential elements of a NotificationHubDescription, one per push service. */
enum class PnsCredentialKind {
    Apns, ///< ApnsCredential: certificate mode or token mode
    Wns, ///< WnsCredential
    Gcm, ///< GcmCredential: FCM legacy (retired by Google 2024-06-20)
    Mpns, ///< MpnsCredential (MPNS retired)
    Adm, ///< AdmCredential
    Baidu, ///< BaiduCredential
    FcmV1, ///< FcmV1Credential
    Browser, ///< BrowserCredential (VAPID)
    Xiaomi, ///< XiaomiCredential (element name and position unconfirmed)
};
inline constexpr int kPnsCredentialKindCount = 9;

/** "ApnsCredential", "FcmV1Credential", … */
QString pnsCredentialElementName(PnsCredentialKind kind);
/** The kind an element name stands for (exact, as the service's DataContract names are). */
std::optional<PnsCredentialKind> pnsCredentialKindFromElementName(QStringView name);
/** The platform whose registrations the credential serves (Gcm → Platform::Gcm, …). */
Platform pnsCredentialPlatform(PnsCredentialKind kind);
/** The credential a platform's sends need. */
PnsCredentialKind pnsCredentialKindFor(Platform platform);
/**
 * Whether a credential property holds a secret (keys, certificates and their passwords, tokens,
 * private keys, client secrets). Names compare case-insensitively. Unknown properties count as
 * secrets: redacting too much is the safe mistake.
 */
bool isSecretPnsProperty(PnsCredentialKind kind, QStringView propertyName);

/**
 * One `<XxxCredential>`: its name/value properties in document order, names as written
 * (the service accepts case variants: `Endpoint` and `endpoint`).
 */
struct PnsCredential
{
    PnsCredentialKind kind = PnsCredentialKind::Apns;
    QList<std::pair<QString, QString>> properties;
    /// `<BlockedOn>`, never seen on the wire; invalid when absent.
    QDateTime blockedOn;

    /** The value of a property, names compared case-insensitively; nullopt when absent. */
    std::optional<QString> property(QStringView name) const;
    /** Replaces the property (matched case-insensitively, keeping its spelling) or appends it. */
    void setProperty(const QString &name, const QString &value);
    /** Removes every property of that name (case-insensitively); returns whether one was there. */
    bool removeProperty(QStringView name);

    friend bool operator==(const PnsCredential &, const PnsCredential &) = default;
};

/** The rights of an authorization rule. */
enum class AccessRight {
    Listen = 0x1,
    Send = 0x2,
    Manage = 0x4,
};
Q_DECLARE_FLAGS(AccessRights, AccessRight)
Q_DECLARE_OPERATORS_FOR_FLAGS(AccessRights)

/** "Listen", "Send", "Manage" (joined with ", " in that order for several). */
QString accessRightsText(AccessRights rights);

/** One `<AuthorizationRule i:type="SharedAccessAuthorizationRule">`. */
struct AuthorizationRule
{
    QString keyName;
    AccessRights rights;
    QString primaryKey; ///< secret
    QString secondaryKey; ///< secret
    QString claimType = QStringLiteral("SharedAccessKey");
    QString claimValue = QStringLiteral("None");
    QDateTime createdTime; ///< invalid when absent
    QDateTime modifiedTime; ///< invalid when absent
    /// Children we do not model (IssuerName, Revision, newer ones), raw XML in document order,
    /// written back after SecondaryKey.
    QList<QString> unknownElements;

    friend bool operator==(const AuthorizationRule &, const AuthorizationRule &) = default;
};

/** An element of the description that nhconsole does not model, kept for the round-trip. */
struct UnknownHubElement
{
    QString name; ///< local name
    QString xml; ///< the element as read, serialised again (namespaces declared as needed)
    /// The known element it followed in the document ("" when first), so a writer can put it
    /// back in place.
    QString after;

    friend bool operator==(const UnknownHubElement &, const UnknownHubElement &) = default;
};

/**
 * A NotificationHubDescription and the Atom metadata around it. Read-only parts (the daily
 * figures, Atom dates) are kept so a view can show them; a writer leaves them out.
 */
struct HubDescription
{
    QString name; ///< the Atom title (the hub's path); ≤ 260 characters
    /// `RegistrationTtl` as written (an xs:duration such as `P90D`); empty when absent.
    QString registrationTtl;
    QList<PnsCredential> credentials; ///< at most one per kind, in document order
    QList<AuthorizationRule> authorizationRules;
    std::optional<qint64> dailyOperations; ///< DailyOperations or DailyApiCalls (read-only)
    std::optional<qint64> dailyMaxActiveDevices; ///< read-only
    std::optional<qint64> dailyMaxActiveRegistrations; ///< read-only
    std::optional<QString> userMetadata;
    std::optional<bool> status; ///< `<Status>`: true = disabled
    QList<UnknownHubElement> unknownElements;

    // Atom metadata (not part of the description); invalid when unknown.
    QDateTime published;
    QDateTime updated;

    const PnsCredential *credential(PnsCredentialKind kind) const;
    PnsCredential *credential(PnsCredentialKind kind);
    /** The rule of that key name (exact match, as the service compares), or nullptr. */
    const AuthorizationRule *rule(QStringView keyName) const;

    friend bool operator==(const HubDescription &, const HubDescription &) = default;
};

/** One hub of a namespace listing: the full description (list form A) or only its name (B). */
struct HubListEntry
{
    QString name;
    std::optional<HubDescription> description;
};

/**
 * Reads a hub description: an Atom `<entry>` whose content is a `NotificationHubDescription`,
 * or a bare `NotificationHubDescription`. Unknown elements are kept, property names are read
 * case-insensitively. The service's answer for a hub that does not exist (200 with a feed and no
 * entry) is an error with ErrorCode::NotFound, whose sentence names `hubName` when given. Errors
 * are located (line, column, and Error::where the element path such as
 * `entry/content/NotificationHubDescription/ApnsCredential`).
 */
Result<HubDescription> parseHubDescription(const QByteArray &xml, QStringView hubName = {});

/** Reads a namespace's hub list, either form (docs/protocol.md §14). */
Result<QList<HubListEntry>> parseHubList(const QByteArray &xml);

/**
 * The `<NotificationHubDescription>` element for a PUT: every writable element in the order
 * the service uses (ApnsCredential, RegistrationTtl, WnsCredential, AuthorizationRules,
 * GcmCredential, MpnsCredential, UserMetadata, AdmCredential, BaiduCredential, Status,
 * FcmV1Credential, BrowserCredential, XiaomiCredential), unknown elements back after the
 * element they followed; read-only figures left out.
 */
QByteArray hubDescriptionXml(const HubDescription &description);
/** The same wrapped in the Atom `<entry><content type="application/xml">` of a PUT body. */
QByteArray hubDescriptionEntryXml(const HubDescription &description);

/**
 * A copy with every secret (rule keys, secret credential properties) replaced by kRedacted
 * (common/redaction.h): for views, logs and exports unless the user asks to reveal.
 */
HubDescription redactedHubDescription(const HubDescription &description);

/**
 * Redacts the secrets in the XML text of a hub description, entry or hub-list feed (request or
 * response body), leaving the rest byte for byte; text that is not such a document is returned
 * unchanged. Used wherever bodies are shown, stored or exported.
 */
QByteArray redactHubDescriptionXml(const QByteArray &xml);

} // namespace Nh
