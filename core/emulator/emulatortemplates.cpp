// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "emulator/emulatortemplates.h"

#include "protocol/installation.h"
#include "protocol/templatedocument.h"
#include "protocol/templateexpression.h"
#include "protocol/templatelinter.h"
#include "protocol/templaterenderer.h"

#include <QJsonArray>

using namespace Qt::Literals::StringLiterals;

namespace Nh {

QJsonObject EmulatorRender::toJson() const
{
    QJsonArray headerArray;
    for (const auto &[n, v] : headers)
        headerArray.append(QJsonArray {QString::fromUtf8(n), QString::fromUtf8(v)});
    QJsonObject o {{u"registrationId"_s, registrationId},
                   {u"platform"_s, platformWireName(platform)},
                   {u"templateName"_s, templateName},
                   {u"outcome"_s, outcome},
                   {u"body"_s, body},
                   {u"truncated"_s, truncated},
                   {u"headers"_s, headerArray},
                   {u"missingProperties"_s, QJsonArray::fromStringList(missingProperties)},
                   {u"emptySubstitutions"_s, QJsonArray::fromStringList(emptySubstitutions)},
                   {u"warnings"_s, QJsonArray::fromStringList(warnings)},
                   {u"problem"_s, problem}};
    if (!expiry.isEmpty())
        o.insert(u"expiry"_s, expiry);
    if (!priority.isEmpty())
        o.insert(u"priority"_s, priority);
    return o;
}

std::optional<QString> EmulatorTemplates::problem(const TemplateSource &source)
{
    const auto document = TemplateDocument::parse(source);
    if (!document)
        return document.error().message;
    // A value that does not parse: the SDK validator's own text (docs/protocol.md §13.6).
    for (const TemplateSlot &slot : document->values()) {
        if (!slot.error)
            continue;
        const QString text = TemplateExpression::serviceErrorText(slot.value);
        return text.isEmpty() ? slot.error->message : text;
    }
    const TemplateLint lint = TemplateLinter::lint(*document);
    for (const TemplateFinding &f : lint.findings) {
        if (f.severity == TemplateFinding::Severity::Error)
            return f.message;
    }
    return std::nullopt;
}

std::optional<QString> EmulatorTemplates::registrationProblem(const Registration &registration)
{
    if (!registration.isTemplate)
        return std::nullopt;
    return problem(TemplateSource::fromRegistration(registration));
}

std::optional<QString> EmulatorTemplates::installationProblem(const Installation &installation)
{
    const auto check = [&](const QMap<QString, InstallationTemplate> &templates,
                           Platform platform) -> std::optional<QString> {
        for (auto it = templates.cbegin(); it != templates.cend(); ++it) {
            if (auto p = problem(TemplateSource::fromInstallation(platform, it.key(), *it)))
                return tr("Template '%1' is invalid: %2").arg(it.key(), *p);
        }
        return std::nullopt;
    };
    if (auto p = check(installation.templates, installation.platform))
        return p;
    for (const SecondaryTile &tile : installation.secondaryTiles) {
        if (auto p = check(tile.templates, Platform::Windows))
            return p;
    }
    return std::nullopt;
}

EmulatorRender EmulatorTemplates::render(const Registration &registration,
                                         const TemplatePropertyBag &properties, bool detailed,
                                         bool lint)
{
    EmulatorRender out;
    out.registrationId = registration.registrationId;
    out.platform = registration.platform;
    out.templateName = registration.templateName;
    // Templates are validated when written; one stored otherwise (demo data, a data file of an
    // older version) that does not parse cannot be rendered, and the payload is invalid.
    const auto document = TemplateDocument::parse(TemplateSource::fromRegistration(registration));
    if (!document) {
        out.problem = document.error().message;
        return out;
    }
    const auto rendered = TemplateRenderer::render(*document, properties);
    if (!rendered) {
        out.problem = rendered.error().message;
        return out;
    }
    if (!rendered->validation.ok())
        out.problem = rendered->validation.error().message;
    if (!detailed)
        return out;

    out.truncated = rendered->body.size() > EmulatorRender::kMaxLoggedBody;
    out.body =
        out.truncated ? rendered->body.first(EmulatorRender::kMaxLoggedBody) : rendered->body;
    out.headers = rendered->headers;
    out.expiry = rendered->expiry;
    out.priority = rendered->priority;
    out.missingProperties = rendered->missingProperties;
    for (const TemplateSubstitution &s : rendered->substitutions) {
        if (s.empty)
            out.emptySubstitutions.append(s.path);
    }
    if (!lint)
        return out;
    for (const TemplateFinding &f : TemplateLinter::lint(*document).findings) {
        if (f.severity == TemplateFinding::Severity::Warning)
            out.warnings.append(f.message);
    }
    for (const Warning &w : rendered->validation.warnings())
        out.warnings.append(w.message);
    return out;
}

} // namespace Nh
