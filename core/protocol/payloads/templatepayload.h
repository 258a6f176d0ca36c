// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/notification.h"
#include "protocol/payloadbuilder.h"

namespace Nh {

/**
 * Format `template`: a flat JSON object whose values are all strings (docs/protocol.md §4.3); the
 * hub renders every matching template registration with these properties.
 */
class TemplatePayload final : public PayloadBuilder
{
public:
    Format format() const override;
    QByteArray contentType(const QByteArray &body, const HttpHeaders &headers) const override;
    QList<PayloadPreset> presets() const override;

    /** The compact JSON object for `properties`, in their order. */
    static QByteArray bodyFromProperties(const TemplateProperties &properties);
    /**
     * The properties of a template body, in document order. Errors as validate() reports them:
     * Syntax (line/column), UnexpectedRoot, InvalidValue naming the key whose value is not a
     * string, DuplicateField for a repeated name.
     */
    static Result<TemplateProperties> propertiesFromBody(const QByteArray &body);

protected:
    Status validateBody(const QByteArray &body, const HttpHeaders &headers) const override;
};

} // namespace Nh
