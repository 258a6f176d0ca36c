// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "protocol/platform.h"
#include "protocol/registration.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <optional>

namespace Nh {

/** A template of an installation (docs/protocol.md §7.7), keyed by its name in Installation. */
struct InstallationTemplate
{
    QString body;
    /// WNS/MPNS headers by the documentation; APNs headers appear in samples too.
    QMap<QString, QString> headers;
    QString expiry; ///< APNs only; empty = not set
    QStringList tags;

    friend bool operator==(const InstallationTemplate &, const InstallationTemplate &) = default;
};

/** A WNS secondary tile of an installation (deprecated by the service, still accepted). */
struct SecondaryTile
{
    QString pushChannel;
    QStringList tags;
    QMap<QString, InstallationTemplate> templates;
    /// Read-only, set by the hub, as on the installation itself; every SDK models it on a tile.
    std::optional<bool> pushChannelExpired;

    friend bool operator==(const SecondaryTile &, const SecondaryTile &) = default;
};

/** A Web Push subscription as a browser installation carries it. */
struct BrowserPushChannel
{
    QString endpoint;
    QString p256dh;
    QString auth;
};

/** An installation as PUT to and read from `/{hub}/installations/{id}` (docs/protocol.md §7.7). */
struct Installation
{
    QString installationId;
    QString userId; ///< empty = none
    Platform platform = Platform::Apple;
    /// The PNS handle. A browser channel is JSON `{endpoint,p256dh,auth}`: the JS SDK sends it
    /// as an object, the Java SDK as a JSON-encoded string; see pushChannelIsObject.
    QString pushChannel;
    /// True when pushChannel arrived as a JSON object; it then holds that object's compact text
    /// and installationJson() writes an object again, so both forms round-trip.
    bool pushChannelIsObject = false;
    /// Read-only, set by the hub; also read from the documented name `expiredPushChannel`.
    std::optional<bool> pushChannelExpired;
    /// Read-only times; invalid when absent.
    QDateTime expirationTime;
    QDateTime lastUpdate;
    QDateTime lastActiveOn;
    QStringList tags;
    QMap<QString, QString> pushVariables;
    QMap<QString, InstallationTemplate> templates;
    QMap<QString, SecondaryTile> secondaryTiles;

    /** The browser subscription from either form of pushChannel; nullopt if it is not a JSON
     *  object with string endpoint, p256dh and auth. */
    std::optional<BrowserPushChannel> browserPushChannel() const;

    friend bool operator==(const Installation &, const Installation &) = default;
};

/**
 * Reads an installation. `platform` is matched case-insensitively ("fcmV1" = "fcmv1"); a
 * template may be an object or a JSON-encoded string; unknown keys are skipped with a warning.
 *
 * Errors: empty, too large (Xml::kMaxDocumentBytes), not JSON (located: line, column and
 * position of the parser's complaint), not an object, a missing or empty installationId,
 * platform or pushChannel (named in `where`), a key of the wrong JSON type, an unknown platform,
 * a browser channel without endpoint/p256dh/auth, a template without body, a bad date, and an
 * installation tag that breaks docs/protocol.md §6.1 (1–120 characters of ASCII letters, digits and
 * `_ @ # . : -`, not starting with `$`; located where the tag is written). Non-ASCII letters in
 * tags and more than 60 tags give warnings. Template and tile tags that break §6.1 only warn:
 * the service itself returns a template tagged "Template Name" ([REC]).
 */
Result<Installation> parseInstallation(const QByteArray &json);

/**
 * The installation as compact JSON in the order the service writes it: installationId, userId,
 * pushChannel, pushChannelExpired, platform, expirationTime, lastActiveOn, lastUpdate, tags,
 * pushVariables, templates, secondaryTiles. Unset optional members are left out.
 */
QByteArray installationJson(const Installation &installation);

/**
 * Applies a JSON Patch (RFC 6902 subset, docs/protocol.md §7.7) and returns the patched copy:
 * `add`/`remove`/`replace` on
 * `/tags` (value: a tag or an array; add appends the missing ones, replace sets, remove clears),
 * `/tags/{tag}` (remove by value), `/tags/-` (add), `/userId`, `/pushChannel`,
 * `/pushVariables[/{name}]`, `/templates[/{name}]` (value: an object or a JSON string),
 * `/templates/{name}/body|headers|expiry|tags`, `/templates/{name}/headers/{header}`,
 * `/templates/{name}/tags/{tag}`, `/secondaryTiles/{tile}[/pushChannel|tags|templates[/…]]`.
 * Pointer escapes `~0` and `~1` are honoured. `replace` does not require the target to exist
 * (the documentation calls it remove+add); `remove` does (RFC 6902 §4.2).
 *
 * Errors name the operation (1-based), its op and path and, when it can be found in the text,
 * the line and column of that path: not an array, an operation that is not an object, a missing
 * op/path/value, test/move/copy, an unknown or read-only path, a value of the wrong type, a
 * missing target of remove, an invalid tag, and removing a required member.
 */
Result<Installation> applyInstallationPatch(const Installation &installation,
                                            const QByteArray &patchJson);

/**
 * The registrations the hub materialises from an installation (docs/protocol.md §7.7): the native
 * one, then one template registration per template in name order, then for each WNS secondary
 * tile a native registration (SecondaryTileName = tile id) and its templates. All are tagged
 * `$InstallationId:{id}` (and `$UserId:{userId}` when set) before the installation's tags;
 * template registrations add the template's own tags. registrationId and etag stay empty for
 * the caller to assign; expirationTime is the installation's, or never.
 */
QList<Registration> registrationsForInstallation(const Installation &installation);

} // namespace Nh
