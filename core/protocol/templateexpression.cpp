// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocol/templateexpression.h"

#include <QSet>

using namespace Qt::Literals::StringLiterals;

namespace Nh {

namespace {

/// Values quoted in messages are cut here.
constexpr qsizetype kQuoteLimit = 40;

/** The SDK's validator messages, by the resource names of the .NET SDK (SRClient). */
enum class Problem {
    InvalidToken, ///< fewer than 3 characters left where a term must start
    TokenBegin, ///< a term starting with another character
    MissingOpenParenthesis,
    MissingCloseParenthesis,
    MissingProperty, ///< `:{` right after `(`
    MissingDefaultEnd,
    PercentFormat, ///< `%(p, n)` / `#(p, n)`
    DotFormat, ///< `.(p)` without n
    NotPositiveInteger,
    LiteralMissingClose,
    CompositionOperator,
    HashInComposite,
    ClosingBraceMissing,
    PropertyNameBad,
    PropertyTooLong,
    Body,
};

struct Failure
{
    Problem problem;
    qsizetype offset = 0;
    qsizetype length = 0;
    /// The rest of the value from the token on: the SDK's "current invalid token".
    QString token;
    /// Problem-specific detail: the property name, the length text.
    QString detail;
};

bool isSpace(QChar c)
{
    return c.isSpace();
}

bool isNumberSpace(QChar c)
{
    // What .NET's int.TryParse(NumberStyles.Integer) skips around the digits.
    return c == u' ' || (c.unicode() >= 0x09 && c.unicode() <= 0x0D);
}

bool isPropertyChar(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9')
        || u == u'_';
}

QString position(qsizetype offset)
{
    return QString::number(offset + 1);
}

QString quoted(QStringView text)
{
    const QString shown = text.size() <= kQuoteLimit
        ? text.toString()
        : text.first(kQuoteLimit).toString() + u'\u2026';
    return u'\'' + shown + u'\'';
}

QString describeAt(QStringView value, qsizetype i)
{
    if (i >= value.size())
        return TemplateExpression::tr("the end of the value");
    return quoted(value.sliced(i, 1));
}

bool isTypographicQuote(QChar c)
{
    return c == u'\u2018' || c == u'\u2019' || c == u'\u201C' || c == u'\u201D';
}

/// `n` of `$(p, n)`: what int.TryParse accepts, and not negative.
std::optional<int> parseLength(QStringView text)
{
    qsizetype b = 0;
    qsizetype e = text.size();
    while (b < e && isNumberSpace(text[b]))
        ++b;
    while (e > b && isNumberSpace(text[e - 1]))
        --e;
    bool negative = false;
    if (b < e && (text[b] == u'+' || text[b] == u'-')) {
        negative = text[b] == u'-';
        ++b;
    }
    if (b == e)
        return std::nullopt;
    qint64 n = 0;
    for (qsizetype i = b; i < e; ++i) {
        if (text[i] < u'0' || text[i] > u'9')
            return std::nullopt;
        n = n * 10 + (text[i].unicode() - u'0');
        if (n > 2147483648LL)
            return std::nullopt;
    }
    if (negative && n != 0)
        return std::nullopt;
    if (n > 2147483647LL)
        return std::nullopt;
    return int(n);
}

} // namespace

class TemplateExpression::Parser
{
public:
    explicit Parser(QStringView value)
        : m_value(value)
    { }

    /// Fills `out`; returns the failure, if any.
    std::optional<Failure> run(TemplateExpression &out)
    {
        out.m_text = m_value.toString();
        const QStringView v = m_value;
        bool blank = true;
        for (const QChar c : v)
            blank = blank && c.isSpace();
        if (blank || !isExpressionStart(v.front())) {
            out.m_form = Form::Literal;
            return std::nullopt;
        }
        const QChar first = v.front();
        out.m_form = first == u'{' ? Form::Composite : first == u'#' ? Form::Numeric : Form::Single;
        qsizetype pos = 0;
        m_end = v.size();
        if (first == u'{') {
            if (v.back() != u'}') {
                return Failure {Problem::ClosingBraceMissing, v.size() - 1, 1, v.toString(), {}};
            }
            pos = 1;
            m_end = v.size() - 1;
            while (m_end > pos && isSpace(v[m_end - 1]))
                --m_end;
        }
        for (;;) {
            while (pos < m_end && isSpace(v[pos]))
                ++pos;
            const QString rest = v.sliced(pos, m_end - pos).toString();
            if (m_end - pos < 3)
                return Failure {Problem::InvalidToken, pos, m_end - pos, rest, {}};
            TemplateTerm term;
            term.offset = pos;
            qsizetype last = -1; // index of the term's last character
            std::optional<Failure> failure;
            switch (v[pos].unicode()) {
            case u'$':
                if (v.sliced(pos, m_end - pos).startsWith(u"$body", Qt::CaseInsensitive))
                    return Failure {Problem::Body, pos, 5, rest, {}};
                term.kind = TemplateTerm::Kind::Property;
                failure = token(pos, term, last);
                break;
            case u'.':
                term.kind = TemplateTerm::Kind::Ellipsis;
                failure = token(pos, term, last);
                break;
            case u'%':
                term.kind = TemplateTerm::Kind::UriEncoded;
                failure = token(pos, term, last);
                break;
            case u'#':
                term.kind = TemplateTerm::Kind::Number;
                failure = token(pos, term, last);
                break;
            case u'\'':
            case u'"':
                term.kind = TemplateTerm::Kind::Literal;
                failure = literal(pos, term, last);
                break;
            default:
                return Failure {Problem::TokenBegin, pos, 1, rest, {}};
            }
            if (failure)
                return failure;
            term.length = last + 1 - term.offset;
            out.m_terms.append(std::move(term));
            pos = last + 1;
            // Deliberately more lenient than the SDK, which throws IndexOutOfRange on trailing
            // whitespace after an unbraced term (docs/protocol.md §13.2).
            while (pos < m_end && isSpace(v[pos]))
                ++pos;
            if (pos >= m_end)
                break;
            if (v[pos] != u'+') {
                return Failure {Problem::CompositionOperator,
                                pos,
                                m_end - pos,
                                v.sliced(pos, m_end - pos).toString(),
                                {}};
            }
            ++pos;
        }
        if (out.m_terms.size() > 1) {
            for (const TemplateTerm &t : std::as_const(out.m_terms)) {
                if (t.kind == TemplateTerm::Kind::Number)
                    return Failure {Problem::HashInComposite, t.offset, t.length, {}, {}};
            }
        }
        return std::nullopt;
    }

private:
    /// `$(…)`, `.(…)`, `%(…)`, `#(…)` at `pos`; `last` receives the index of its `)`.
    std::optional<Failure> token(qsizetype pos, TemplateTerm &term, qsizetype &last)
    {
        const QStringView v = m_value;
        const QString rest = v.sliced(pos, m_end - pos).toString();
        if (v[pos + 1] != u'(')
            return Failure {Problem::MissingOpenParenthesis, pos + 1, 1, rest, {}};
        const QStringView span = v.first(m_end);
        qsizetype close = span.indexOf(u')', pos + 2);
        qsizetype comma = span.indexOf(u',', pos + 2);
        qsizetype nameEnd = -1; // where the name stops when a default follows it
        const qsizetype defaultBegin = span.indexOf(u":{", pos);
        if (defaultBegin > pos + 1 && close >= 0 && defaultBegin < close) {
            if (defaultBegin < pos + 3)
                return Failure {Problem::MissingProperty, defaultBegin, 2, rest, {}};
            qsizetype end = defaultBegin + 2;
            bool escape = false;
            for (;; ++end) {
                if (end >= m_end)
                    return Failure {
                        Problem::MissingDefaultEnd, defaultBegin, m_end - defaultBegin, rest, {}};
                if (v[end] == u'}' && !escape)
                    break;
                escape = v[end] == u'\\' && !escape;
            }
            term.defaultValue = v.sliced(defaultBegin + 2, end - defaultBegin - 2).toString();
            nameEnd = defaultBegin;
            comma = span.indexOf(u',', end);
            close = span.indexOf(u')', end);
        }
        if (close < 0)
            return Failure {Problem::MissingCloseParenthesis, pos, m_end - pos, rest, {}};
        const bool hasLength = comma >= 0 && comma < close;
        if ((term.kind == TemplateTerm::Kind::UriEncoded || term.kind == TemplateTerm::Kind::Number)
            && hasLength) {
            return Failure {Problem::PercentFormat, comma, close - comma, rest, {}};
        }
        if (term.kind == TemplateTerm::Kind::Ellipsis && !hasLength)
            return Failure {Problem::DotFormat, pos, close + 1 - pos, rest, {}};
        if (hasLength) {
            const QStringView lengthText = v.sliced(comma + 1, close - comma - 1);
            const auto n = parseLength(lengthText);
            if (!n) {
                return Failure {Problem::NotPositiveInteger, comma + 1, close - comma - 1, rest,
                                lengthText.toString()};
            }
            term.maxLength = *n;
        }
        if (nameEnd < 0)
            nameEnd = hasLength ? comma : close;
        qsizetype nameBegin = pos + 2;
        while (nameBegin < nameEnd && isSpace(v[nameBegin]))
            ++nameBegin;
        while (nameEnd > nameBegin && isSpace(v[nameEnd - 1]))
            --nameEnd;
        const QStringView name = v.sliced(nameBegin, nameEnd - nameBegin);
        bool valid = !name.isEmpty();
        for (const QChar c : name)
            valid = valid && isPropertyChar(c);
        if (!valid) {
            return Failure {Problem::PropertyNameBad, nameEnd > nameBegin ? nameBegin : pos,
                            nameEnd > nameBegin ? nameEnd - nameBegin : close + 1 - pos, rest,
                            name.toString()};
        }
        if (name.size() > kMaxPropertyNameLength) {
            return Failure {Problem::PropertyTooLong, nameBegin, name.size(), rest,
                            QString::number(name.size())};
        }
        term.text = name.toString();
        last = close;
        return std::nullopt;
    }

    /// `'…'` or `"…"` at `pos`, a doubled quote standing for one.
    std::optional<Failure> literal(qsizetype pos, TemplateTerm &term, qsizetype &last)
    {
        const QStringView v = m_value;
        const QChar quote = v[pos];
        QString text;
        qsizetype from = pos + 1;
        for (;;) {
            const qsizetype at = v.first(m_end).indexOf(quote, from);
            if (at < 0) {
                return Failure {Problem::LiteralMissingClose,
                                pos,
                                1,
                                v.sliced(pos, m_end - pos).toString(),
                                {}};
            }
            text += v.sliced(from, at - from);
            if (at + 1 < m_end && v[at + 1] == quote) {
                text += quote;
                from = at + 2;
                continue;
            }
            last = at;
            break;
        }
        term.text = text;
        return std::nullopt;
    }

    QStringView m_value;
    qsizetype m_end = 0;
};

namespace {

Error toError(QStringView value, const Failure &f)
{
    const QString at = position(f.offset);
    QString message;
    ErrorCode code = ErrorCode::Syntax;
    switch (f.problem) {
    case Problem::InvalidToken:
        message = f.offset >= value.size() || f.length == 0
            ? TemplateExpression::tr(
                  "Error is it contains an invalid token: nothing at position %1, expected "
                  "$(name), .(name, n), %(name), #(name) or a quoted literal")
                  .arg(at)
            : TemplateExpression::tr(
                  "Error is it contains an invalid token: %1 at position %2 is too short, "
                  "expected $(name), .(name, n), %(name), #(name) or a quoted literal")
                  .arg(quoted(f.token), at);
        break;
    case Problem::TokenBegin:
        message = TemplateExpression::tr(
                      "Token has to begin with one of these characters . % ' \" $ #: found %1 "
                      "at position %2")
                      .arg(describeAt(value, f.offset), at);
        if (isTypographicQuote(value[f.offset]))
            message += TemplateExpression::tr(
                " (typographic quotes do not delimit literals: use ' or \")");
        break;
    case Problem::MissingOpenParenthesis:
        message =
            TemplateExpression::tr("The character following $ or . or % should be a (: found %1 at "
                                   "position %2")
                .arg(describeAt(value, f.offset), at);
        break;
    case Problem::MissingCloseParenthesis:
        message = TemplateExpression::tr(
                      "Missing closing parentheses: the term at position %1 has no ')'")
                      .arg(at);
        break;
    case Problem::MissingProperty:
        message =
            TemplateExpression::tr("Missing property name before the default value at position %1")
                .arg(at);
        break;
    case Problem::MissingDefaultEnd:
        message =
            TemplateExpression::tr("The default value at position %1 has no closing '}'").arg(at);
        break;
    case Problem::PercentFormat:
        message = TemplateExpression::tr(
                      "The expression %(prop , n) is not valid: %() and #() take no length "
                      "(position %1)")
                      .arg(at);
        break;
    case Problem::DotFormat:
        message = TemplateExpression::tr(
                      "Error trying to parse for .(prop , n) format: the term at position %1 "
                      "needs a length, as in .(title, 20)")
                      .arg(at);
        break;
    case Problem::NotPositiveInteger:
        code = ErrorCode::InvalidValue;
        message = TemplateExpression::tr(
                      "%1 is not a positive integer (position %2): expected a number of "
                      "characters")
                      .arg(quoted(f.detail), at);
        break;
    case Problem::LiteralMissingClose:
        message = TemplateExpression::tr(
                      "Literal is missing closing notation: the %1 at position %2 is never "
                      "closed")
                      .arg(describeAt(value, f.offset), at);
        break;
    case Problem::CompositionOperator:
        message = TemplateExpression::tr(
                      "Only valid composition operator is +: found %1 at position %2, expected "
                      "'+' or the end of the expression")
                      .arg(quoted(f.token), at);
        break;
    case Problem::HashInComposite:
        message = TemplateExpression::tr(
                      "Token type '#(prop)' is not allowed in composite expression (position "
                      "%1)")
                      .arg(at);
        break;
    case Problem::ClosingBraceMissing:
        message = TemplateExpression::tr(
                      "Error is closing parenthesis is missing: the expression starts with '{' "
                      "but ends with %1 at position %2, expected '}'")
                      .arg(describeAt(value, f.offset), at);
        break;
    case Problem::PropertyNameBad:
        code = ErrorCode::InvalidValue;
        message = f.detail.isEmpty()
            ? TemplateExpression::tr(
                  "Property name is empty at position %1: only ASCII-7 alphanumeric characters "
                  "and '_' are permitted in the property name")
                  .arg(at)
            : TemplateExpression::tr(
                  "Property name is %1 at position %2: only ASCII-7 alphanumeric characters and "
                  "'_' are permitted in the property name")
                  .arg(quoted(f.detail), at);
        break;
    case Problem::PropertyTooLong:
        code = ErrorCode::LimitExceeded;
        message =
            TemplateExpression::tr(
                "Property name at position %1 is of length %2. Maximum allowed length is "
                "%3")
                .arg(at, f.detail, QString::number(TemplateExpression::kMaxPropertyNameLength));
        break;
    case Problem::Body:
        code = ErrorCode::InvalidValue;
        message = TemplateExpression::tr("Expression type '$body' is not supported (position %1)")
                      .arg(at);
        break;
    }
    const qsizetype offset = qBound<qsizetype>(0, f.offset, value.size());
    return makeError(code, message, offset, qBound<qsizetype>(0, f.length, value.size() - offset));
}

/// The .NET SDK's texts (SRClient; the older Microsoft.ServiceBus wording), untranslated.
QString serviceText(QStringView value, const Failure &f)
{
    const QString e = value.toString();
    switch (f.problem) {
    case Problem::InvalidToken:
        return u"Expression is %1. Error is it contains an invalid token : %2"_s.arg(e, f.token);
    case Problem::TokenBegin:
        return u"Expression is %1. Token has to begin with one of these characters . % ' \" $. "
               "Current invalid token is %2"_s.arg(e, f.token);
    case Problem::MissingOpenParenthesis:
        return u"Expression is %1. The character following $ or . or % should be a ( The current "
               "invalid token is %2"_s.arg(e, f.token);
    case Problem::MissingCloseParenthesis:
        return u"Expression is %1. Missing closing parentheses. Current invalid token is %2"_s.arg(
            e, f.token);
    case Problem::MissingProperty:
        return u"Expression is %1. Missing property name. Current invalid token is %2"_s.arg(
            e, f.token);
    case Problem::MissingDefaultEnd:
        return u"Expression is %1. Missing closing } of the default value. Current invalid token "
               "is %2"_s.arg(e, f.token);
    case Problem::PercentFormat:
        return u"Expression is %1. The expression %(prop , n) is not a valid. The current invalid "
               "token is %2"_s.arg(e, f.token);
    case Problem::DotFormat:
        return u"Expression is %1. Error trying to parse for .(prop , n) format. The current "
               "invalid token is %2"_s.arg(e, f.token);
    case Problem::NotPositiveInteger:
        return u"Expression is %1. %3 is not a positive integer. The current invalid token is %2"_s
            .arg(e, f.token, f.detail);
    case Problem::LiteralMissingClose:
        return u"Expression is %1. Literal is missing closing notation. Current invalid token is "
               "%2"_s.arg(e, f.token);
    case Problem::CompositionOperator:
        return u"Expression is %1. Only valid composition operator is +. Current invalid token is "
               ": %2"_s.arg(e, f.token);
    case Problem::HashInComposite:
        return u"Token type '#(prop)' is not allowed in composite expression."_s;
    case Problem::ClosingBraceMissing:
        return u"Expression is %1. Error is closing parenthesis is missing"_s.arg(e);
    case Problem::PropertyNameBad:
        return u"Property name is %1. Only ASCII-7 alphanumeric characters and '_' are permitted "
               "in the property name"_s.arg(f.detail);
    case Problem::PropertyTooLong:
        return u"Property name is of length. %1. Maximum allowed length is %2"_s.arg(
            f.detail, QString::number(TemplateExpression::kMaxPropertyNameLength));
    case Problem::Body:
        return u"Expression type '$body' is not supported."_s;
    }
    return {};
}

} // namespace

bool TemplateExpression::isExpressionStart(QChar c)
{
    return c == u'$' || c == u'.' || c == u'%' || c == u'#' || c == u'{';
}

Result<TemplateExpression> TemplateExpression::parse(QStringView value)
{
    TemplateExpression e;
    Parser parser(value);
    if (const auto failure = parser.run(e))
        return toError(value, *failure);
    return e;
}

QString TemplateExpression::serviceErrorText(QStringView value)
{
    TemplateExpression e;
    Parser parser(value);
    if (const auto failure = parser.run(e))
        return serviceText(value, *failure);
    return {};
}

QStringList TemplateExpression::properties() const
{
    QStringList names;
    QSet<QString> seen;
    for (const TemplateTerm &t : m_terms) {
        if (!t.isProperty())
            continue;
        const QString key = templatePropertyKey(t.text);
        if (!seen.contains(key)) {
            seen.insert(key);
            names.append(t.text);
        }
    }
    return names;
}

QString templatePropertyKey(QStringView name)
{
    // Names are ASCII by the grammar; a bag may hold others, which no template can reach.
    return name.toString().toCaseFolded();
}

} // namespace Nh
