// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>

namespace Nh {

/** A PEM certificate and its PEM private key (PKCS#8, unencrypted). */
struct CertificatePair
{
    QByteArray certificatePem;
    QByteArray privateKeyPem;
};

/**
 * Makes the emulator's TLS certificate with OpenSSL: an EC P-256 key, X.509 v3, SHA-256,
 * subjectAltName = the given DNS names and IP addresses, basicConstraints critical CA:TRUE (so the
 * same file is its own trust anchor for SSL_CERT_FILE and NODE_EXTRA_CA_CERTS), keyUsage
 * digitalSignature + keyCertSign, extendedKeyUsage serverAuth, subject and authority key ids.
 */
Result<CertificatePair> generateSelfSignedCertificate(
    const QStringList &dnsNames = {QStringLiteral("localhost")},
    const QStringList &ipAddresses = {QStringLiteral("127.0.0.1"), QStringLiteral("::1")},
    int validDays = 825);

/** When the certificate stops being valid (notAfter), or an Error for unreadable PEM. */
Result<QDateTime> certificateExpiry(const QByteArray &certificatePem);

/**
 * Reads `dir`/emulator-cert.pem and `dir`/emulator-key.pem; when they are missing, unreadable, or
 * expire within a week, makes new ones and writes them (the key readable by the owner only).
 * This is what lets clients trust the emulator once: the certificate file stays the same.
 */
Result<CertificatePair> loadOrCreateCertificate(const QString &dir);

QString certificateFileName(const QString &dir);

} // namespace Nh
