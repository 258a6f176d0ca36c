// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/payloadbuilder.h"

#include <optional>

namespace Nh {

/**
 * Format `windows` (WNS). X-WNS-Type is derived from the root element (<toast> → wns/toast,
 * <tile> → wns/tile, <badge> → wns/badge) and anything that is not XML is wns/raw, sent as
 * application/octet-stream; an explicit X-WNS-Type from the user wins.
 */
class WnsPayload final : public PayloadBuilder
{
public:
    Format format() const override;
    QByteArray contentType(const QByteArray &body, const HttpHeaders &headers) const override;
    HttpHeaders derivedHeaders(const QByteArray &body, const HttpHeaders &headers) const override;
    QList<PayloadPreset> presets() const override;

    /** "wns/toast", "wns/tile", "wns/badge" from the root element, "wns/raw" for a body that
     *  is not XML; nullopt for XML whose root is none of these (or unreadable). */
    static std::optional<QByteArray> typeForBody(const QByteArray &body);
    /** The user's X-WNS-Type (trimmed, lower case) if any, else typeForBody(). */
    static std::optional<QByteArray> effectiveType(const QByteArray &body,
                                                   const HttpHeaders &headers);

protected:
    Status validateBody(const QByteArray &body, const HttpHeaders &headers) const override;
    Status validateHeaders(const HttpHeaders &headers) const override;
};

} // namespace Nh
