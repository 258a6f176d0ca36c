// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "protocol/templatedocument.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace Nh {

/** One thing the linter says about a template, located in one of its fields. */
struct TemplateFinding
{
    enum class Severity : quint8 {
        Error, ///< the service refuses the template (the SDK validator's grammar, malformed body)
        Warning, ///< accepted, but the device will not get what the author meant
    };
    /** Stable names of the checks, for tests, filters and the CLI's --json. */
    enum class Check : quint8 {
        Syntax, ///< a value or the body does not parse
        EmbeddedExpression, ///< `$(…)` inside a literal: sent literally
        LeadingWhitespace, ///< `" $(x)"`: the space makes the value a literal
        TypographicQuotes, ///< ‘…’ or “…” where a literal was meant
        ExpressionInKey, ///< an expression in a JSON key or an XML name: never evaluated
        UnbracedChain, ///< `$(a) + $(b)` without `{}`: SDK accepts, docs require braces
        BracedNumber, ///< `{#(x)}`: braces make it a string
        DefaultValue, ///< `:{default}`: undocumented
        WrongBodyKind, ///< XML for a JSON platform or the reverse
        FcmV1WithoutMessage, ///< FCM v1 body without the `message` envelope
        NonStringData, ///< FCM v1 `data` value that is not (or will not render as) a string
        MissingWnsType, ///< WNS template without an X-WNS-Type header
        EmptyHeader, ///< a template header with an empty value
        ApnsHeadersInInstallation, ///< `headers` on an APNs installation template
        NameTooLong, ///< a template name over kMaxTemplateNameLength
    };

    Severity severity = Severity::Warning;
    Check check = Check::Syntax;
    TemplateField field = TemplateField::Body;
    QString header; ///< Header field: its name
    /// Position in the field text (QChar units); -1 when the finding is about the whole field.
    qsizetype offset = -1;
    qsizetype length = 0;
    QString message; ///< one translated sentence naming the place
    QString fix; ///< one translated line: what to write instead (may be empty)
    /// Errors: the error behind it (code, line/column for malformed bodies).
    ErrorCode code = ErrorCode::None;
};

/** What lintTemplate() found, errors first in field order, then warnings. */
struct TemplateLint
{
    QList<TemplateFinding> findings;
    QStringList properties; ///< the properties the template uses (empty when the body is broken)

    bool hasErrors() const;
    /** The findings of one severity. */
    QList<TemplateFinding> ofSeverity(TemplateFinding::Severity severity) const;
};

/**
 * Checks a template for what the service refuses (errors) and for the traps it accepts
 * silently (warnings), each with its position and a one-line fix (docs/protocol.md §13.3).
 * Pure and thread-safe.
 */
class TemplateLinter
{
    Q_DECLARE_TR_FUNCTIONS(Nh::TemplateLinter)

public:
    /** Longest TemplateName (.NET RegistrationSDKHelper.TemplateMaxLength). */
    static constexpr int kMaxTemplateNameLength = 200;

    static TemplateLint lint(const TemplateSource &source);
    /** The same for a template already parsed (the renderer's input). */
    static TemplateLint lint(const TemplateDocument &document);
};

} // namespace Nh
