// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Reading a PKCS#12 (.p12) file, as a hub's ApnsCredential stores its certificate (base64 text in
// ApnsCertificate, the password in CertificateKey): docs/hub-checks.md.

#include "common/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringView>

namespace Nh {

/** What an APNs certificate's subject says about the environments it may push to. */
enum class ApnsCertificateEnvironment {
    NotApplePush, ///< the subject is not one of Apple's push certificates
    Sandbox, ///< "Apple Development IOS Push Services", "Apple Sandbox Push Services"
    Production, ///< "Apple Production IOS Push Services"
    SandboxAndProduction, ///< "Apple Push Services" (Apple's universal certificate)
};

/**
 * What the subject's common name says: Sandbox for "Apple Development … Push Services" and
 * "Apple Sandbox Push Services", Production for "Apple Production … Push Services", both for
 * "Apple Push Services" (each followed by ": bundle id"). Compared case-insensitively.
 */
ApnsCertificateEnvironment apnsEnvironmentFromCommonName(QStringView commonName);

/** The certificate (and key presence) read from a PKCS#12 file. Never holds the key itself. */
struct Pkcs12Certificate
{
    /// The subject in document order, "CN=…, UID=…, OU=…, O=…, C=…".
    QString subject;
    QString commonName; ///< CN
    QString userId; ///< UID: Apple puts the bundle id there
    QString organizationalUnit; ///< OU: Apple puts the team id there
    QString issuer; ///< same form as subject
    QString issuerCommonName;
    QDateTime notBefore; ///< UTC
    QDateTime notAfter; ///< UTC
    bool hasPrivateKey = false;
    /// The private key is the certificate's own (false when there is no key).
    bool privateKeyMatches = false;
    /// SHA-1 of the DER certificate, upper-case hex (what Windows and the hub call a thumbprint).
    QString sha1Thumbprint;
    /// The file needed OpenSSL's legacy provider (RC2-40, 3DES: older exports).
    bool usedLegacyAlgorithms = false;
    ApnsCertificateEnvironment apnsEnvironment = ApnsCertificateEnvironment::NotApplePush;

    bool isApplePush() const { return apnsEnvironment != ApnsCertificateEnvironment::NotApplePush; }
    /** The bundle id: UID, else what follows ": " in the common name; empty when neither. */
    QString bundleId() const;
};

/**
 * Reads the first certificate of a PKCS#12 file and whether it carries a private key. Files
 * encrypted with RC2 or 3DES (exports made before OpenSSL 3) are read through a private OpenSSL
 * library context that has the legacy provider loaded; the process-wide default is left alone.
 * An empty password also tries "no password". Errors (their sentences never contain the
 * password):
 *  - ErrorCode::Empty: no bytes;
 *  - ErrorCode::Syntax: not a PKCS#12 structure;
 *  - ErrorCode::InvalidSignature: the password does not open it (the file's MAC does not match);
 *  - ErrorCode::InvalidValue: it cannot be decrypted (no MAC and a wrong password, or an
 *    algorithm this OpenSSL cannot read, e.g. without the legacy provider);
 *  - ErrorCode::MissingField: it holds no certificate.
 */
Result<Pkcs12Certificate> readPkcs12(const QByteArray &der, const QString &password);

/**
 * The same for base64 text, as ApnsCertificate holds it. White space (line breaks) is ignored;
 * a character outside the alphabet is ErrorCode::InvalidValue located at its offset in `base64`.
 */
Result<Pkcs12Certificate> readPkcs12Base64(QStringView base64, const QString &password);

/** Whether OpenSSL's legacy provider can be loaded here (for diagnostics and tests). */
bool pkcs12LegacyProviderAvailable();

} // namespace Nh
