// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>
#include <optional>

namespace Nh {

/** One term of a template expression (docs/protocol.md §13.2). */
struct TemplateTerm
{
    enum class Kind : quint8 {
        Property, ///< `$(name)` or `$(name, n)`: the property's text, clipped at n characters
        Ellipsis, ///< `.(name, n)`: clipped with "..." (docs/protocol.md §13.4 for the rule)
        UriEncoded, ///< `%(name)`: the property's text, percent-encoded
        Number, ///< `#(name)`: a bare JSON number when the text is one and the term stands alone
        Literal, ///< `'text'` or `"text"`, a doubled quote standing for one
    };

    Kind kind = Kind::Literal;
    /// Property kinds: the name as written, trimmed. Literal: the text with quotes undoubled.
    QString text;
    /// `$(name, n)` and `.(name, n)`: n; -1 when the term has no length.
    int maxLength = -1;
    /// The SDK-accepted, undocumented `name:{default}`: the text between `:{` and `}` as written.
    std::optional<QString> defaultValue;
    /// Where the term is in the value text (QChar units).
    qsizetype offset = 0;
    qsizetype length = 0;

    bool isProperty() const { return kind != Kind::Literal; }
};

/**
 * One template value parsed with the grammar the official .NET SDK validates
 * (docs/protocol.md §13.2): a leaf string of a JSON body, an attribute value or leaf element
 * text of an XML body, a template header value, an APNs expiry or priority.
 *
 * The first character decides: a value that is empty, whitespace only, or whose first character
 * is none of `$ . % # {` is a literal and is sent as it is, whatever it contains ("Hello
 * $(name)" included). Otherwise the whole value must be an expression: one term, or terms joined
 * with `+`, optionally wrapped in `{…}`.
 *
 * Errors are ErrorCode::Syntax (a term that does not parse, text after a term without `+`, `#()`
 * joined with other terms), ErrorCode::InvalidValue (a bad property name, a length that is not
 * a non-negative integer, `$body`) or ErrorCode::LimitExceeded (a property name over
 * kMaxPropertyNameLength). Each is located in QChar units of the value and its message starts
 * with the SDK's sentence; serviceErrorText() gives the SDK's own, untranslated text.
 */
class TemplateExpression
{
    Q_DECLARE_TR_FUNCTIONS(Nh::TemplateExpression)

public:
    /** What the first character made of the value (the SDK's ExpressionType). */
    enum class Form : quint8 {
        Literal, ///< not an expression: sent unchanged
        Single, ///< `$(…)`, `.(…)`, `%(…)`, or an unbraced chain starting with one of them
        Numeric, ///< starts with `#(`: a JSON number when it renders as one
        Composite, ///< starts with `{`: always a string
    };

    /** Longest property name (.NET ExpressionEvaluator.MaxLengthOfPropertyName). */
    static constexpr int kMaxPropertyNameLength = 120;

    TemplateExpression() = default;

    /** Parses one value. Linear in its length. */
    static Result<TemplateExpression> parse(QStringView value);

    /**
     * The text the .NET SDK's validator (InvalidDataContractException) gives for `value`, in
     * English and untranslated, or an empty string when the value is valid. The emulator answers
     * an invalid template with it (docs/protocol.md §13.6).
     */
    static QString serviceErrorText(QStringView value);

    /** True when `c` makes a value an expression when it comes first. */
    static bool isExpressionStart(QChar c);

    Form form() const { return m_form; }
    bool isLiteral() const { return m_form == Form::Literal; }
    /** True for `{…}`. */
    bool isBraced() const { return m_form == Form::Composite; }
    /** True for several terms without braces, which the SDK accepts but the docs do not show. */
    bool isUnbracedChain() const { return m_form != Form::Composite && m_terms.size() > 1; }
    /** True when a lone `#(…)` renders a bare JSON number for numeric text. */
    bool mayRenderNumber() const { return m_form == Form::Numeric; }
    /** The terms in order; empty for a literal. */
    const QList<TemplateTerm> &terms() const { return m_terms; }
    /** The value as parsed. */
    const QString &text() const { return m_text; }
    /** Distinct property names in order of first use, compared case-insensitively. */
    QStringList properties() const;

private:
    class Parser;
    Form m_form = Form::Literal;
    QList<TemplateTerm> m_terms;
    QString m_text;
};

/** Property names compare case-insensitively (docs/protocol.md §13.4): the folded key. */
QString templatePropertyKey(QStringView name);

} // namespace Nh
