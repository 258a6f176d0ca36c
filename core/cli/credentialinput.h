// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// How `nhcli hub set-credential` turns files into a credential's properties (issue #17).
// Secrets come from files or standard input only, never from the command line.

#include "common/result.h"
#include "protocol/hubdescription.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <optional>
#include <utility>

namespace Nh {

using CredentialProperties = QList<std::pair<QString, QString>>;

/**
 * A credential's properties from text: a JSON object whose values are strings (numbers and
 * booleans are taken as their text), or `Name=value` lines (blank lines and lines starting
 * with '#' skipped, white space around the name and a trailing CR trimmed, the value kept as
 * it is). A name given twice, an empty name or nothing at all is an error.
 */
Result<CredentialProperties> parseCredentialProperties(const QByteArray &text);

/** The token-mode APNs properties from a .p8 file: Token is its key body without the PEM lines. */
Result<CredentialProperties> apnsTokenProperties(const QByteArray &p8, const QString &keyId,
                                                 const QString &teamId, const QString &bundleId);

/** The certificate-mode APNs properties: ApnsCertificate = the .p12 in base64, CertificateKey. */
CredentialProperties apnsCertificateProperties(const QByteArray &p12, const QString &password);

/**
 * The FCM v1 properties from a Firebase service-account JSON file: ProjectId (project_id),
 * PrivateKey (private_key), ClientEmail (client_email).
 */
Result<CredentialProperties> fcmV1Properties(const QByteArray &serviceAccountJson);

/** One property that set-credential or remove-credential changed. */
struct CredentialChange
{
    enum class Kind { Added, Removed, Changed };
    Kind kind = Kind::Changed;
    QString property;
    QString oldValue; ///< kRedacted for a secret unless revealed
    QString newValue; ///< kRedacted for a secret unless revealed
};

/** "added", "removed", "changed" (for --json). */
QString credentialChangeKindName(CredentialChange::Kind kind);

/**
 * What changes from `before` to `after` (either may be absent), property by property (names
 * compared case-insensitively); secret values are shown as kRedacted.
 */
QList<CredentialChange> credentialChanges(PnsCredentialKind kind,
                                          const std::optional<PnsCredential> &before,
                                          const std::optional<PnsCredential> &after);

} // namespace Nh
