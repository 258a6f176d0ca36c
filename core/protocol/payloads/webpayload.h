// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/payloadbuilder.h"

namespace Nh {

/**
 * Format `browser` (Web Push): a JSON object the service worker reads. Direct sends also carry
 * the subscription keys in the headers P256DH and Auth (base64url; checked here when present).
 */
class BrowserPayload final : public PayloadBuilder
{
public:
    Format format() const override;
    QByteArray contentType(const QByteArray &body, const HttpHeaders &headers) const override;
    QList<PayloadPreset> presets() const override;

protected:
    Status validateBody(const QByteArray &body, const HttpHeaders &headers) const override;
    Status validateHeaders(const HttpHeaders &headers) const override;
};

/** Format `xiaomi` (Mi Push): a JSON object. */
class XiaomiPayload final : public PayloadBuilder
{
public:
    Format format() const override;
    QByteArray contentType(const QByteArray &body, const HttpHeaders &headers) const override;
    QList<PayloadPreset> presets() const override;

protected:
    Status validateBody(const QByteArray &body, const HttpHeaders &headers) const override;
};

} // namespace Nh
