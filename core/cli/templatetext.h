// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cli/textrenderer.h"
#include "protocol/payloadbuilder.h"
#include "protocol/templatelinter.h"
#include "protocol/templaterenderer.h"

#include <QJsonObject>
#include <QString>

namespace Nh {

// How nhcli shows templates (issue #16): `templates lint|render` and the property check of
// `send`. The --json shapes are stable and untranslated where they name things (checks,
// severities, fields); the sentences are the linter's and renderer's translated texts.

/** "syntax", "embedded-expression", … (stable, for --json and scripts). */
QString templateCheckName(TemplateFinding::Check check);
/** "error" or "warning". */
QString templateSeverityName(TemplateFinding::Severity severity);

/** Where `offset` (QChar units, not bytes) is in `text`: 1-based, lines end at '\n'. */
TextPosition textPositionAt(QStringView text, qsizetype offset);

/** "BodyTemplate", the header's name, "Expiry" or "Priority". */
QString templateFieldLabel(TemplateField field, const QString &header);
/** The text of that field in `source` (the header's value; empty when it has none). */
QString templateFieldText(const TemplateSource &source, TemplateField field, const QString &header);

/** {platform, templateName, body, headers: [[name, value]], expiry?, priority?} */
QJsonObject templateSourceToJson(const TemplateSource &source);
/**
 * {errors, warnings, properties, findings: [{severity, check, field, header?, offset, length,
 * line, column, message, fix, code?}]}; line and column only for a located finding.
 */
QJsonObject templateLintToJson(const TemplateLint &lint, const TemplateSource &source);
/**
 * {platform, body, headers, expiry?, priority?, substitutions: [{field, header?, path,
 * expression, offset, length, text, properties, missing, empty, clipped, number, usedDefault}],
 * missingProperties, validation: {ok, error?, warnings}}; offsets are in the rendered field.
 */
QJsonObject renderedTemplateToJson(const RenderedTemplate &rendered, const TemplateSource &source);

/**
 * The findings for people: one block per finding ("BodyTemplate 2:14 (offset 31) warning:
 * message", the line of the field with a caret under the span, "fix: …"), then a count line.
 */
QString templateLintText(const TemplateLint &lint, const TemplateSource &source,
                         const TextRenderer &renderer);
/**
 * The rendered payload for people: the body, headers, expiry and priority as rendered, a table
 * of the substitutions (empty and missing ones marked), the missing properties and the
 * platform's verdict on the payload.
 */
QString renderedTemplateText(const RenderedTemplate &rendered, const TemplateSource &source,
                             const TextRenderer &renderer);

} // namespace Nh
