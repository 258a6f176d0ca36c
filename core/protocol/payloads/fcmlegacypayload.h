// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/payloadbuilder.h"

namespace Nh {

/**
 * Format `gcm` (FCM legacy HTTP): a JSON object without registration_ids/to/condition. Every
 * validation warns that Google retired the legacy API on 2024-06-20.
 */
class FcmLegacyPayload final : public PayloadBuilder
{
public:
    Format format() const override;
    QByteArray contentType(const QByteArray &body, const HttpHeaders &headers) const override;
    QList<PayloadPreset> presets() const override;

protected:
    Status validateBody(const QByteArray &body, const HttpHeaders &headers) const override;
};

} // namespace Nh
