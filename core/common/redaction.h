// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/httpheaders.h"

#include <QString>

namespace Nh {

/** Whether a view shows secrets; only an explicit user action sets Yes (docs/conventions.md R8). */
enum class Reveal { No, Yes };

/** What replaces a secret. Chosen so it is neither valid base64 nor an XML tag. */
inline constexpr QStringView kRedacted = u"[redacted]";

/**
 * Replaces every secret in free text: the value of `SharedAccessKey=` (up to ';', '&', a quote or
 * white space) and of `sig=` (SAS signatures in tokens and in blob SAS URLs), case-insensitively.
 * The rest (sr, se, skn, host names) stays, because it is what people debug with.
 */
QString redactSecrets(const QString &text);
QByteArray redactSecrets(const QByteArray &text);

/** True for headers whose whole value is a credential (Authorization, Proxy-Authorization,
 *  Cookie, Set-Cookie). */
bool isSecretHeader(QByteArrayView name);

/**
 * The headers as a view, a log, the history or an export may show them: with Reveal::No the
 * signature inside Authorization (and any secret in any value) is replaced by kRedacted, keeping
 * the token's sr/se/skn readable; a secret header that is not a SAS token is replaced whole.
 */
HttpHeaders redactHeaders(const HttpHeaders &headers, Reveal reveal = Reveal::No);

} // namespace Nh
