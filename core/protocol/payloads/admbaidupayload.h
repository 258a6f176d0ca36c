// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/payloadbuilder.h"

namespace Nh {

/** Format `adm` (Amazon Device Messaging): `{"data":{…}}` with string values. */
class AdmPayload final : public PayloadBuilder
{
public:
    Format format() const override;
    QByteArray contentType(const QByteArray &body, const HttpHeaders &headers) const override;
    QList<PayloadPreset> presets() const override;

protected:
    Status validateBody(const QByteArray &body, const HttpHeaders &headers) const override;
};

/** Format `baidu` (deprecated): a JSON object, sent as JSON like the JS SDK and the seed. */
class BaiduPayload final : public PayloadBuilder
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
