// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/httpheaders.h"
#include "common/result.h"
#include "protocol/notification.h"
#include "protocol/templatedocument.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace Nh {

/**
 * The properties of a template send: a flat string bag looked up case-insensitively
 * (docs/protocol.md §13.4). When two names differ only in case the first one wins.
 */
class TemplatePropertyBag
{
public:
    TemplatePropertyBag() = default;
    explicit TemplatePropertyBag(const TemplateProperties &properties);

    /** The bag of a template send body: a flat JSON object of strings (TemplatePayload). */
    static Result<TemplatePropertyBag> fromSendBody(const QByteArray &body);

    /** The value of `name` (any case), or nullopt when the bag has no such property. */
    std::optional<QString> value(QStringView name) const;
    bool contains(QStringView name) const { return value(name).has_value(); }
    const TemplateProperties &properties() const { return m_properties; }

private:
    TemplateProperties m_properties;
    QHash<QString, qsizetype> m_index;
};

/** Where one evaluated value landed in the rendered output. */
struct TemplateSubstitution
{
    TemplateField field = TemplateField::Body;
    QString header; ///< Header field: its name
    QString path; ///< as TemplateSlot::path
    /// The value's span in the template field (TemplateSlot::offset/length).
    qsizetype templateOffset = 0;
    qsizetype templateLength = 0;
    /// The rendered text's span in the rendered field (RenderedTemplate::body or the header
    /// value): inside the quotes of a JSON string, the bare number, the escaped XML text.
    qsizetype offset = 0;
    qsizetype length = 0;
    QString text; ///< the evaluated text, before JSON/XML escaping
    QStringList properties; ///< the properties the value uses
    QStringList missing; ///< those the bag does not have (rendered as "", or their default)
    bool empty = false; ///< the value rendered to ""
    bool clipped = false; ///< a `$(p, n)` or `.(p, n)` cut the text
    bool number = false; ///< emitted as a bare JSON number by `#()`
    bool usedDefault = false; ///< a `:{default}` stood in for a missing or empty property
};

/** A template rendered for one property bag, and what the platform would make of it. */
struct RenderedTemplate
{
    Platform platform = Platform::Apple;
    QString body;
    /// The header templates rendered, in their order (X-WNS-Type, apns-*, …).
    HttpHeaders headers;
    QString expiry; ///< rendered APNs expiry; empty when the template has none
    QString priority; ///< rendered APNs priority; empty when none
    /// Every value that is an expression (literals are copied as they are), in
    /// TemplateDocument::values() order.
    QList<TemplateSubstitution> substitutions;
    /// Properties the template uses that the bag lacks, first spelling, in order.
    QStringList missingProperties;
    /// The rendered body and headers validated as the platform's native payload
    /// (PayloadBuilder::validate; size limit, JSON/XML, required shape) plus the expiry and
    /// priority checks. A failure is what the hub reports as "The Notification payload is
    /// invalid" (docs/protocol.md §13.5); its offsets are in `body` (QChar units).
    Status validation;

    QByteArray bodyUtf8() const { return body.toUtf8(); }
    /** True when some substitution rendered empty. */
    bool hasEmptySubstitutions() const;
};

/** How `.(p, n)` clips (a CONFLICT between the docs and the old service code, §13.4). */
enum class TemplateEllipsisRule : quint8 {
    Documented, ///< total ≤ n, "..." included (the docs' example; the default)
    Legacy, ///< unclipped while ≤ n + 3, else the first n characters + "..."
};

/** Choices of TemplateRenderer::render(). */
struct TemplateRenderOptions
{
    TemplateEllipsisRule ellipsis = TemplateEllipsisRule::Documented;
};

/**
 * Renders a parsed template for a property bag, with the documented semantics
 * (docs/protocol.md §13.4): `$(p)` the text, missing → "" and reported; `$(p, n)` the first n
 * characters; `.(p, n)` clipped to n characters including "..."; `%(p)` percent-encoded UTF-8
 * (RFC 3986 unreserved characters kept); a lone unbraced `#(p)` in a JSON body a bare number
 * when the text matches the documented JavaScript number pattern; literals as they are.
 * Substituted text is escaped for where it lands (JSON string, XML text or attribute).
 *
 * Stateless and thread-safe. Linear in the size of the template plus the rendered output.
 */
class TemplateRenderer
{
    Q_DECLARE_TR_FUNCTIONS(Nh::TemplateRenderer)

public:
    /**
     * Renders `document`. Fails (with the slot's located error) only when a value of the
     * template does not parse; everything about the rendered payload is in `validation`.
     */
    static Result<RenderedTemplate> render(const TemplateDocument &document,
                                           const TemplatePropertyBag &properties,
                                           TemplateRenderOptions options = {});
    /** Parses `source` (TemplateDocument::parse) and renders it. */
    static Result<RenderedTemplate> render(const TemplateSource &source,
                                           const TemplatePropertyBag &properties,
                                           TemplateRenderOptions options = {});

    /** True when `text` matches the documented JavaScript number pattern of `#()`. */
    static bool isJsonNumberText(QStringView text);
};

} // namespace Nh
