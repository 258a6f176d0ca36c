// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/payloadbuilder.h"

namespace Nh {

/**
 * Format `windowsphone` (MPNS, deprecated). <wp:Notification><wp:Toast> derives
 * X-WindowsPhone-Target: toast + X-NotificationClass: 2, <wp:Tile> derives token + 1, anything
 * else is raw (class 3, no target; 1 KB over MPNS is a Warning).
 */
class MpnsPayload final : public PayloadBuilder
{
public:
    enum class Kind { Toast, Tile, Raw };

    Format format() const override;
    QByteArray contentType(const QByteArray &body, const HttpHeaders &headers) const override;
    HttpHeaders derivedHeaders(const QByteArray &body, const HttpHeaders &headers) const override;
    QList<PayloadPreset> presets() const override;

    /** Toast/Tile for a WPNotification document with that first child, Raw otherwise. */
    static Kind kindForBody(const QByteArray &body);

protected:
    Status validateBody(const QByteArray &body, const HttpHeaders &headers) const override;
    Status validateHeaders(const HttpHeaders &headers) const override;
};

} // namespace Nh
