// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QStringView>

namespace Nh::Crypto {

/** HMAC-SHA256 of `message` under `key` (OpenSSL EVP_MAC); 32 bytes. */
QByteArray hmacSha256(QByteArrayView key, QByteArrayView message);

/** Compares in time independent of where the inputs differ (CRYPTO_memcmp). */
bool constantTimeEquals(QByteArrayView a, QByteArrayView b);

/**
 * Strict standard base64 (RFC 4648 §4: A–Z a–z 0–9 + /, '=' padding only at the end, length a
 * multiple of 4). Returns -1 when `text` is valid, else the 0-based index of the first character
 * that makes it invalid (text.size() when it is merely too short or wrongly padded).
 */
qsizetype firstInvalidBase64Index(QStringView text);

/** `count` bytes from OpenSSL's CSPRNG (RAND_bytes). */
QByteArray randomBytes(int count);

} // namespace Nh::Crypto
