// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/payloadbuilder.h"

namespace Nh {

/**
 * Format `apple` (APNs): a JSON object with an `aps` object; headers apns-push-type,
 * apns-priority (5|10), apns-expiration (UNIX seconds). 4 KB over APNs is a Warning.
 */
class ApnsPayload final : public PayloadBuilder
{
public:
    Format format() const override;
    QByteArray contentType(const QByteArray &body, const HttpHeaders &headers) const override;
    QList<PayloadPreset> presets() const override;

protected:
    Status validateBody(const QByteArray &body, const HttpHeaders &headers) const override;
    Status validateHeaders(const HttpHeaders &headers) const override;
};

} // namespace Nh
