// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/payloadbuilder.h"

namespace Nh {

/**
 * Format `fcmv1` (FCM HTTP v1): `{"message":{…}}` without token/topic/condition (the hub adds
 * the target) and with string values in `data` and `android.data`.
 */
class FcmV1Payload final : public PayloadBuilder
{
public:
    Format format() const override;
    QByteArray contentType(const QByteArray &body, const HttpHeaders &headers) const override;
    QList<PayloadPreset> presets() const override;

protected:
    Status validateBody(const QByteArray &body, const HttpHeaders &headers) const override;
};

} // namespace Nh
