// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocol/tagexpression.h"

#include <QHash>
#include <QVarLengthArray>
#include <algorithm>
#include <limits>
#include <optional>
#include <vector>

using namespace Qt::Literals::StringLiterals;

namespace Nh {

namespace {

/// Documented per-registration tag limit (docs/protocol.md §6.1); users report more working, so a
/// list over it only gets a warning.
constexpr int kDocumentedRegistrationTagLimit = 60;
/// Tags quoted in messages are cut here so that a huge input does not make a huge message.
constexpr qsizetype kQuoteLimit = 40;
/// Expressions quoted in warnings are cut here.
constexpr qsizetype kExpressionQuoteLimit = 200;
/// Up to this many distinct tags, the parser finds repeats by comparing (see Parser::m_seen).
constexpr qsizetype kLinearSearchLimit = 16;
/// Up to this many comparisons, matches() compares case-insensitively instead of folding the
/// registration's tags into a new set.
constexpr qsizetype kLinearMatchLimit = 256;

/// The only `$` tags the service accepts (docs/protocol.md §6.1), compared case-insensitively as
/// the .NET regex does.
constexpr QLatin1StringView kSystemPrefixes[] = {
    QLatin1StringView("$InstallationId:"),
    QLatin1StringView("$UserId:"),
};

QString position(qsizetype offset)
{
    return QString::number(offset + 1);
}

bool isAsciiAlnum(char16_t c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9');
}

/// The documented tag alphabet, ASCII only (what the iOS SDK enforces).
bool isAsciiTagChar(char16_t c)
{
    return isAsciiAlnum(c) || c == u'_' || c == u'@' || c == u'#' || c == u'.' || c == u':'
        || c == u'-';
}

/// The id alphabet of `$InstallationId:{…}` / `$UserId:{…}` adds `=` (base64 ids).
bool isAsciiIdChar(char16_t c)
{
    return isAsciiTagChar(c) || c == u'=';
}

/// What .NET's Unicode `\w` admits beyond ASCII: [\p{L}\p{Mn}\p{Nd}\p{Pc}]. .NET matches UTF-16
/// code units, so surrogates (characters outside the BMP) are never word characters.
bool isNonAsciiWordChar(QChar c)
{
    if (c.unicode() < 0x80 || c.isSurrogate())
        return false;
    switch (c.category()) {
    case QChar::Letter_Uppercase:
    case QChar::Letter_Lowercase:
    case QChar::Letter_Titlecase:
    case QChar::Letter_Modifier:
    case QChar::Letter_Other:
    case QChar::Mark_NonSpacing:
    case QChar::Number_DecimalDigit:
    case QChar::Punctuation_Connector:
        return true;
    default:
        return false;
    }
}

/// Only ASCII whitespace separates tokens: a pasted no-break space is reported, not skipped.
bool isSpace(char16_t c)
{
    return c == u' ' || c == u'\t' || c == u'\n' || c == u'\r' || c == u'\v' || c == u'\f';
}

bool isDelimiter(char16_t c)
{
    return isSpace(c) || c == u'&' || c == u'|' || c == u'!' || c == u'(' || c == u')';
}

/// A character for a message: quoted when printable, U+XXXX otherwise (NUL, controls, lone
/// surrogates). `length` receives 2 for a surrogate pair.
QString describeChar(QStringView text, qsizetype i, qsizetype *length)
{
    const QChar c = text[i];
    *length = 1;
    char32_t ucs4 = c.unicode();
    if (c.isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate()) {
        *length = 2;
        ucs4 = QChar::surrogateToUcs4(c, text[i + 1]);
    }
    if (c == u' ')
        return u"' '"_s;
    if (!c.isSurrogate() || *length == 2) {
        if (QChar::isPrint(ucs4) && !QChar::isSpace(ucs4))
            return QChar(u'\'') + text.sliced(i, *length).toString() + QChar(u'\'');
    }
    return u"U+"_s + QString::number(ucs4, 16).toUpper().rightJustified(4, u'0');
}

QString quoted(QStringView text, qsizetype limit = kQuoteLimit)
{
    if (text.size() <= limit)
        return text.toString();
    return text.first(limit).toString() + u'\u2026';
}

QString invalidCharMessage(const QString &what, qsizetype offset, bool inExpression)
{
    QString message = TagExpression::tr("Invalid character %1 at position %2 in a tag: valid tag "
                                        "characters are alphanumeric, _, @, -, ., : and #")
                          .arg(what, position(offset));
    if (inExpression && what == u"','"_s)
        message += TagExpression::tr(" (to target any of several tags, join them with '||')");
    return message;
}

Error invalidChar(QStringView text, qsizetype i, bool inExpression)
{
    qsizetype length = 1;
    const QString what = describeChar(text, i, &length);
    return makeError(ErrorCode::Syntax, invalidCharMessage(what, i, inExpression), i, length);
}

void warnNonAscii(QStringView text, qsizetype begin, qsizetype end, QList<Warning> *warnings)
{
    if (!warnings)
        return;
    Warning w;
    w.message = TagExpression::tr("Tag '%1' at position %2 contains non-ASCII characters: the "
                                  "service accepts them, but some SDKs (iOS) refuse them")
                    .arg(quoted(text.sliced(begin, end - begin)), position(begin));
    w.offset = begin;
    w.length = end - begin;
    warnings->append(std::move(w));
}

std::optional<Error> checkLength(qsizetype begin, qsizetype end)
{
    const qsizetype length = end - begin;
    if (length <= TagExpression::kMaxTagLength)
        return std::nullopt;
    return makeError(ErrorCode::LimitExceeded,
                     TagExpression::tr("Tag at position %1 is %2 characters long; the limit is %3")
                         .arg(position(begin), QString::number(length),
                              QString::number(TagExpression::kMaxTagLength)),
                     begin, length);
}

/// `$InstallationId:{id}` or `$UserId:{id}` in text[begin, end), which starts with `$`.
std::optional<Error> checkSystemTag(QStringView text, qsizetype begin, qsizetype end,
                                    QList<Warning> *warnings)
{
    const QStringView tag = text.sliced(begin, end - begin);
    qsizetype prefixLength = 0;
    for (const QLatin1StringView prefix : kSystemPrefixes) {
        if (tag.startsWith(prefix, Qt::CaseInsensitive)) {
            prefixLength = prefix.size();
            break;
        }
    }
    if (prefixLength == 0) {
        return makeError(ErrorCode::InvalidValue,
                         TagExpression::tr("Tags can not start with $. The tag at position %1 is "
                                           "neither $InstallationId:{id} nor $UserId:{id}, the "
                                           "only system tags")
                             .arg(position(begin)),
                         begin, end - begin);
    }

    const qsizetype open = begin + prefixLength;
    if (open == end || text[open] != u'{') {
        // The .NET SDK answers `$InstallationId:[x]` with the generic invalid-tag text, which
        // does not say what is wrong (azure-docs #18460); say it.
        QStringView id = text.sliced(open, end - open);
        const bool square = id.startsWith(u'[');
        if (square) {
            id = id.sliced(1);
            if (id.endsWith(u']'))
                id.chop(1);
        }
        const QString suggestion = text.sliced(begin, prefixLength).toString() + u'{'
            + (id.isEmpty() ? u"id"_s : quoted(id)) + u'}';
        const QString message = square
            ? TagExpression::tr("System tag at position %1 needs braces around its id, not square "
                                "brackets: write %2")
                  .arg(position(begin), suggestion)
            : TagExpression::tr("System tag at position %1 needs braces around its id: write %2")
                  .arg(position(begin), suggestion);
        return makeError(ErrorCode::InvalidValue, message, begin, end - begin);
    }

    bool nonAscii = false;
    qsizetype i = open + 1;
    for (; i < end && text[i] != u'}'; ++i) {
        const QChar c = text[i];
        if (isAsciiIdChar(c.unicode()))
            continue;
        if (isNonAsciiWordChar(c)) {
            nonAscii = true;
            continue;
        }
        qsizetype length = 1;
        const QString what = describeChar(text, i, &length);
        return makeError(ErrorCode::Syntax,
                         TagExpression::tr("Invalid character %1 at position %2 in the id of a "
                                           "system tag: valid id characters are alphanumeric, _, "
                                           "@, -, ., :, # and =")
                             .arg(what, position(i)),
                         i, length);
    }
    if (i == end) {
        return makeError(
            ErrorCode::Syntax,
            TagExpression::tr("System tag at position %1 has no closing '}'").arg(position(begin)),
            begin, end - begin);
    }
    if (i == open + 1) {
        return makeError(
            ErrorCode::InvalidValue,
            TagExpression::tr("System tag at position %1 has an empty id").arg(position(begin)),
            begin, end - begin);
    }
    if (i + 1 < end) {
        qsizetype length = 1;
        const QString what = describeChar(text, i + 1, &length);
        return makeError(ErrorCode::Syntax,
                         TagExpression::tr("Invalid character %1 at position %2 after the closing "
                                           "'}' of a system tag")
                             .arg(what, position(i + 1)),
                         i + 1, length);
    }
    if (auto error = checkLength(begin, end))
        return error;
    if (nonAscii)
        warnNonAscii(text, begin, end, warnings);
    return std::nullopt;
}

/**
 * Validates the tag text[begin, end) (non-empty). Positions in errors are offsets in `text`, so
 * the same check serves expressions, tag lists and single tags.
 */
std::optional<Error> checkTag(QStringView text, qsizetype begin, qsizetype end,
                              bool allowSystemTags, bool inExpression, QList<Warning> *warnings)
{
    if (text[begin] == u'$') {
        if (allowSystemTags)
            return checkSystemTag(text, begin, end, warnings);
        return makeError(ErrorCode::InvalidValue,
                         TagExpression::tr("Tags can not start with $. The tag at position %1 "
                                           "does; system tags such as $InstallationId:{id} are "
                                           "added by the service")
                             .arg(position(begin)),
                         begin, end - begin);
    }
    bool nonAscii = false;
    for (qsizetype i = begin; i < end; ++i) {
        const QChar c = text[i];
        if (isAsciiTagChar(c.unicode()))
            continue;
        if (isNonAsciiWordChar(c)) {
            nonAscii = true;
            continue;
        }
        return invalidChar(text, i, inExpression);
    }
    if (auto error = checkLength(begin, end))
        return error;
    if (nonAscii)
        warnNonAscii(text, begin, end, warnings);
    return std::nullopt;
}

} // namespace

// --- the expression tree ---------------------------------------------------------------------

struct TagExpression::Data
{
    enum class Kind : quint8 { Tag, Not, And, Or };

    struct Node
    {
        Kind kind = Kind::Tag;
        /// Written in parentheses; only used to spot `&&` inside `||` without them.
        bool grouped = false;
        /// The span in the text: the tag for Tag nodes, operands for the others.
        qsizetype offset = 0;
        qsizetype length = 0;
        /// Not/And/Or: children are children[first, first + count). And/Or are n-ary, so that
        /// long chains stay flat and evaluation depth is bounded by kMaxDepth, not by the tag
        /// count. Tag: `first` indexes distinctTags.
        qsizetype first = 0;
        qsizetype count = 0;
        /// Operators on the longest path down from here (0 for a tag).
        int depth = 0;
    };

    bool isBinary(qsizetype n) const
    {
        return nodes[n].kind == Kind::And || nodes[n].kind == Kind::Or;
    }
    qsizetype child(qsizetype n, qsizetype i) const { return children[nodes[n].first + i]; }

    /// `present[i]`: whether distinctTags[i] is among the registration's tags.
    bool evaluate(qsizetype n, const bool *present) const;
    void appendNormalized(QString &out, qsizetype n) const;
    /// The subtree at `n` as a public Term (depth bounded by kMaxDepth, as evaluate()).
    Term term(qsizetype n) const;

    QString text;
    // std::vector: it moves nodes when it grows, where QList would copy this non-relocatable type.
    std::vector<Node> nodes;
    std::vector<qsizetype> children;
    qsizetype root = -1;
    int tagCount = 0;
    bool hasAnd = false;
    bool hasNot = false;
    /// Each tag once, so that matches() looks each up once however often it is written.
    QStringList distinctTags;
    QList<Warning> warnings;
};

bool TagExpression::Data::evaluate(qsizetype n, const bool *present) const
{
    const Node &node = nodes[n];
    switch (node.kind) {
    case Kind::Tag:
        return present[node.first];
    case Kind::Not:
        return !evaluate(child(n, 0), present);
    case Kind::And:
        for (qsizetype i = 0; i < node.count; ++i) {
            if (!evaluate(child(n, i), present))
                return false;
        }
        return true;
    case Kind::Or:
        for (qsizetype i = 0; i < node.count; ++i) {
            if (evaluate(child(n, i), present))
                return true;
        }
        return false;
    }
    return false;
}

void TagExpression::Data::appendNormalized(QString &out, qsizetype n) const
{
    const Node &node = nodes[n];
    switch (node.kind) {
    case Kind::Tag:
        out += distinctTags[node.first];
        return;
    case Kind::Not: {
        const qsizetype operand = child(n, 0);
        out += u'!';
        if (isBinary(operand)) {
            out += u'(';
            appendNormalized(out, operand);
            out += u')';
        } else {
            appendNormalized(out, operand);
        }
        return;
    }
    case Kind::And:
    case Kind::Or: {
        const QLatin1StringView op(node.kind == Kind::And ? " && " : " || ");
        for (qsizetype i = 0; i < node.count; ++i) {
            if (i > 0)
                out += op;
            const qsizetype c = child(n, i);
            // Same-operator children were flattened while parsing; keep the test anyway so the
            // output stays unambiguous whatever the tree.
            const bool parenthesise = isBinary(c) && nodes[c].kind != node.kind;
            if (parenthesise)
                out += u'(';
            appendNormalized(out, c);
            if (parenthesise)
                out += u')';
        }
        return;
    }
    }
}

// --- tokenizer and recursive-descent parser --------------------------------------------------

class TagExpression::Parser
{
public:
    Parser(QStringView text, Data &data)
        : m_text(text)
        , m_d(data)
    {
        m_d.nodes.reserve(16);
        m_d.children.reserve(16);
    }

    /// The root node, or nullopt with error() set.
    std::optional<qsizetype> run();
    const Error &error() const { return m_error; }

private:
    using Kind = Data::Kind;

    struct Token
    {
        enum Type { Tag, And, Or, Not, Open, Close, End };
        Type type = End;
        qsizetype offset = 0;
        qsizetype length = 0;
    };

    bool advance();
    std::optional<qsizetype> parseOr();
    std::optional<qsizetype> parseAnd();
    std::optional<qsizetype> parseUnary();
    std::optional<qsizetype> parsePrimary();

    qsizetype addNode(Kind kind, qsizetype offset, qsizetype end,
                      const QVarLengthArray<qsizetype, 8> &operands);
    bool enter();
    bool fail(Error error);
    bool unexpected(const QString &expected);
    QString describe(const Token &token) const;
    /// The index of `tag` in distinctTags, appending it if new.
    qsizetype distinctIndex(QStringView tag);

    QStringView m_text;
    Data &m_d;
    Token m_token;
    qsizetype m_pos = 0;
    /// End of the last consumed token, for node spans.
    qsizetype m_prevEnd = 0;
    int m_depth = 0;
    /// Where the operators first nested deeper than kMaxDepth, or -1.
    qsizetype m_tooDeepAt = -1;
    Error m_error;
    /// A tag's text → its index in distinctTags; filled only once there are more than
    /// kLinearSearchLimit distinct tags, since real expressions have few and a hash per parse
    /// costs more than comparing them.
    QHash<QStringView, qsizetype> m_seen;
};

bool TagExpression::Parser::fail(Error error)
{
    m_error = std::move(error);
    return false;
}

bool TagExpression::Parser::advance()
{
    m_prevEnd = m_token.offset + m_token.length;
    while (m_pos < m_text.size() && isSpace(m_text[m_pos].unicode()))
        ++m_pos;
    const qsizetype start = m_pos;
    if (start == m_text.size()) {
        m_token = {Token::End, start, 0};
        return true;
    }
    const char16_t c = m_text[start].unicode();
    const bool doubled = start + 1 < m_text.size() && m_text[start + 1] == c;
    switch (c) {
    case u'&':
    case u'|':
        if (!doubled) {
            const QString message = c == u'&'
                ? TagExpression::tr("Single '&' at position %1: use '&&'").arg(position(start))
                : TagExpression::tr("Single '|' at position %1: use '||'").arg(position(start));
            return fail(makeError(ErrorCode::Syntax, message, start, 1));
        }
        m_token = {c == u'&' ? Token::And : Token::Or, start, 2};
        m_pos += 2;
        return true;
    case u'!':
        m_token = {Token::Not, start, 1};
        ++m_pos;
        return true;
    case u'(':
        m_token = {Token::Open, start, 1};
        ++m_pos;
        return true;
    case u')':
        m_token = {Token::Close, start, 1};
        ++m_pos;
        return true;
    default:
        break;
    }
    qsizetype end = start;
    while (end < m_text.size() && !isDelimiter(m_text[end].unicode()))
        ++end;
    if (auto error = checkTag(m_text, start, end, true, true, &m_d.warnings))
        return fail(std::move(*error));
    m_token = {Token::Tag, start, end - start};
    m_pos = end;
    return true;
}

QString TagExpression::Parser::describe(const Token &token) const
{
    switch (token.type) {
    case Token::Tag:
        return TagExpression::tr("tag '%1'").arg(quoted(m_text.sliced(token.offset, token.length)));
    case Token::And:
        return u"'&&'"_s;
    case Token::Or:
        return u"'||'"_s;
    case Token::Not:
        return u"'!'"_s;
    case Token::Open:
        return u"'('"_s;
    case Token::Close:
        return u"')'"_s;
    case Token::End:
        break;
    }
    return {};
}

bool TagExpression::Parser::unexpected(const QString &expected)
{
    if (m_token.type == Token::End) {
        return fail(makeError(ErrorCode::Syntax,
                              TagExpression::tr("Unexpected end of expression at position %1: %2")
                                  .arg(position(m_token.offset), expected),
                              m_token.offset, 0));
    }
    return fail(makeError(ErrorCode::Syntax,
                          TagExpression::tr("Unexpected %1 at position %2: %3")
                              .arg(describe(m_token), position(m_token.offset), expected),
                          m_token.offset, m_token.length));
}

bool TagExpression::Parser::enter()
{
    if (++m_depth <= kMaxDepth)
        return true;
    return fail(makeError(
        ErrorCode::LimitExceeded,
        TagExpression::tr("The expression is nested too deeply at position %1: at most %2 "
                          "levels of '(' and '!' are allowed")
            .arg(position(m_token.offset), QString::number(kMaxDepth)),
        m_token.offset, m_token.length));
}

qsizetype TagExpression::Parser::addNode(Kind kind, qsizetype offset, qsizetype end,
                                         const QVarLengthArray<qsizetype, 8> &operands)
{
    Data::Node node;
    node.kind = kind;
    node.offset = offset;
    node.length = end - offset;
    node.first = qsizetype(m_d.children.size());
    node.count = operands.size();
    for (const qsizetype operand : operands)
        node.depth = std::max(node.depth, m_d.nodes[operand].depth + 1);
    if (node.depth > kMaxDepth && m_tooDeepAt < 0)
        m_tooDeepAt = offset;
    m_d.children.insert(m_d.children.end(), operands.cbegin(), operands.cend());
    m_d.nodes.push_back(std::move(node));
    return qsizetype(m_d.nodes.size()) - 1;
}

std::optional<qsizetype> TagExpression::Parser::run()
{
    if (!advance())
        return std::nullopt;
    if (m_token.type == Token::End) {
        fail(makeError(ErrorCode::Empty, TagExpression::tr("The tag expression is empty"), 0, 0));
        return std::nullopt;
    }
    const auto root = parseOr();
    if (!root)
        return std::nullopt;
    if (m_token.type == Token::Close) {
        fail(makeError(ErrorCode::Syntax,
                       TagExpression::tr("Unexpected ')' at position %1: there is no matching '('")
                           .arg(position(m_token.offset)),
                       m_token.offset, 1));
        return std::nullopt;
    }
    if (m_token.type != Token::End) {
        unexpected(TagExpression::tr("expected '&&', '||' or the end of the expression"));
        return std::nullopt;
    }
    if (m_tooDeepAt >= 0) {
        // Within kMaxDepth '(' and '!', yet deeper in operators: `a || !!…!b && c` reads as
        // `a || (!!…!b && c)`, which is how normalized() writes it.
        fail(makeError(ErrorCode::LimitExceeded,
                       TagExpression::tr("The expression is nested too deeply at position %1: at "
                                         "most %2 operators may enclose one another ('&&' "
                                         "binding tighter than '||' counts as a level)")
                           .arg(position(m_tooDeepAt), QString::number(kMaxDepth)),
                       m_tooDeepAt, 1));
        return std::nullopt;
    }
    return root;
}

std::optional<qsizetype> TagExpression::Parser::parseOr()
{
    const qsizetype start = m_token.offset;
    QVarLengthArray<qsizetype, 8> operands;
    qsizetype direct = 0;
    std::optional<qsizetype> only;
    bool mixed = false;
    for (;;) {
        const auto operand = parseAnd();
        if (!operand)
            return std::nullopt;
        ++direct;
        only = operand;
        const Data::Node &node = m_d.nodes[*operand];
        if (node.kind == Kind::Or) {
            // Only a parenthesised group can be an Or here; `||` is associative, so flatten it.
            for (qsizetype i = 0; i < node.count; ++i)
                operands.append(m_d.child(*operand, i));
        } else {
            operands.append(*operand);
            mixed = mixed || (node.kind == Kind::And && !node.grouped);
        }
        if (m_token.type != Token::Or)
            break;
        if (!advance())
            return std::nullopt;
    }
    if (direct == 1)
        return only;

    const qsizetype n = addNode(Kind::Or, start, m_prevEnd, operands);
    if (mixed) {
        QString reading;
        m_d.appendNormalized(reading, n);
        Warning w;
        w.message = TagExpression::tr(
                        "'&&' and '||' are mixed without parentheses at position %1: the service "
                        "does not document their precedence; nhconsole reads this as %2")
                        .arg(position(start), quoted(reading, kExpressionQuoteLimit));
        w.offset = start;
        w.length = m_prevEnd - start;
        m_d.warnings.append(std::move(w));
    }
    return n;
}

std::optional<qsizetype> TagExpression::Parser::parseAnd()
{
    const qsizetype start = m_token.offset;
    QVarLengthArray<qsizetype, 8> operands;
    qsizetype direct = 0;
    std::optional<qsizetype> only;
    for (;;) {
        const auto operand = parseUnary();
        if (!operand)
            return std::nullopt;
        ++direct;
        only = operand;
        const Data::Node &node = m_d.nodes[*operand];
        if (node.kind == Kind::And) {
            for (qsizetype i = 0; i < node.count; ++i)
                operands.append(m_d.child(*operand, i));
        } else {
            operands.append(*operand);
        }
        if (m_token.type != Token::And)
            break;
        m_d.hasAnd = true;
        if (!advance())
            return std::nullopt;
    }
    if (direct == 1)
        return only;
    return addNode(Kind::And, start, m_prevEnd, operands);
}

std::optional<qsizetype> TagExpression::Parser::parseUnary()
{
    if (m_token.type != Token::Not)
        return parsePrimary();
    const qsizetype start = m_token.offset;
    if (!enter() || !advance())
        return std::nullopt;
    const auto operand = parseUnary();
    if (!operand)
        return std::nullopt;
    --m_depth;
    m_d.hasNot = true;
    QVarLengthArray<qsizetype, 8> operands;
    operands.append(*operand);
    return addNode(Kind::Not, start, m_prevEnd, operands);
}

std::optional<qsizetype> TagExpression::Parser::parsePrimary()
{
    switch (m_token.type) {
    case Token::Tag: {
        const QStringView tag = m_text.sliced(m_token.offset, m_token.length);
        Data::Node node;
        node.kind = Kind::Tag;
        node.offset = m_token.offset;
        node.length = m_token.length;
        node.first = distinctIndex(tag);
        m_d.nodes.push_back(node);
        ++m_d.tagCount;
        if (!advance())
            return std::nullopt;
        return qsizetype(m_d.nodes.size()) - 1;
    }
    case Token::Open: {
        const Token open = m_token;
        if (!enter() || !advance())
            return std::nullopt;
        const auto inner = parseOr();
        if (!inner)
            return std::nullopt;
        if (m_token.type == Token::End) {
            fail(makeError(
                ErrorCode::Syntax,
                TagExpression::tr("Unclosed '(' at position %1").arg(position(open.offset)),
                open.offset, 1));
            return std::nullopt;
        }
        if (m_token.type != Token::Close) {
            unexpected(TagExpression::tr("expected '&&', '||' or ')'"));
            return std::nullopt;
        }
        --m_depth;
        m_d.nodes[*inner].grouped = true;
        if (!advance())
            return std::nullopt;
        return inner;
    }
    default:
        unexpected(TagExpression::tr("expected a tag or '('"));
        return std::nullopt;
    }
}

qsizetype TagExpression::Parser::distinctIndex(QStringView tag)
{
    const qsizetype count = m_d.distinctTags.size();
    if (count <= kLinearSearchLimit) {
        for (qsizetype i = 0; i < count; ++i) {
            if (m_d.distinctTags.at(i) == tag)
                return i;
        }
    } else {
        if (m_seen.isEmpty()) {
            // Views of the stored strings stay valid: their data does not move when the list grows.
            m_seen.reserve(count * 2);
            for (qsizetype i = 0; i < count; ++i)
                m_seen.insert(QStringView(m_d.distinctTags.at(i)), i);
        }
        const auto seen = m_seen.constFind(tag);
        if (seen != m_seen.cend())
            return *seen;
        m_seen.insert(tag, count);
    }
    m_d.distinctTags.append(tag.toString());
    return count;
}

// --- TagExpression ---------------------------------------------------------------------------

Result<TagExpression> TagExpression::parse(QStringView text, Limits limits)
{
    Data data;
    Parser parser(text, data);
    const auto root = parser.run();
    if (!root) {
        Result<TagExpression> failed(parser.error());
        failed.setWarnings(data.warnings);
        return failed;
    }
    data.root = *root;
    data.text = text.toString();

    TagExpression expression;
    const QList<Warning> warnings = data.warnings;
    expression.m_d = std::make_shared<const Data>(std::move(data));
    if (limits == Limits::Enforce) {
        const Status status = expression.checkLimits();
        if (!status) {
            Result<TagExpression> failed(status.error());
            failed.setWarnings(warnings);
            return failed;
        }
    }
    Result<TagExpression> result(std::move(expression));
    result.setWarnings(warnings);
    return result;
}

Status TagExpression::checkLimits() const
{
    if (!m_d)
        return {};
    const bool orOnly = usesOnlyOr();
    const int limit = orOnly ? kMaxTagsOrOnly : kMaxTags;
    if (m_d->tagCount <= limit)
        return {};

    // Tag nodes are created in text order, so the (limit + 1)th one is the first over.
    const Data::Node *over = nullptr;
    int seen = 0;
    for (const Data::Node &node : m_d->nodes) {
        if (node.kind == Data::Kind::Tag && ++seen == limit + 1) {
            over = &node;
            break;
        }
    }
    Q_ASSERT(over);
    const QString message = orOnly
        ? tr("The expression has %1 tags; the service allows at most %2 in an expression that "
             "uses only '||'. The first tag over the limit is at position %3")
              .arg(QString::number(m_d->tagCount), QString::number(limit), position(over->offset))
        : tr("The expression has %1 tags; the service allows at most %2 when '&&' or '!' is used "
             "(%3 with only '||'). The first tag over the limit is at position %4")
              .arg(QString::number(m_d->tagCount), QString::number(limit),
                   QString::number(kMaxTagsOrOnly), position(over->offset));
    return makeError(ErrorCode::LimitExceeded, message, over->offset, over->length);
}

bool TagExpression::matches(const QSet<QString> &tags, Qt::CaseSensitivity cs) const
{
    if (!m_d)
        return false;
    const QStringList &distinct = m_d->distinctTags;
    QVarLengthArray<bool, 32> present(distinct.size());
    qsizetype misses = 0;
    for (qsizetype i = 0; i < distinct.size(); ++i) {
        present[i] = tags.contains(distinct.at(i));
        misses += present[i] ? 0 : 1;
    }
    if (cs == Qt::CaseInsensitive && misses > 0 && !tags.isEmpty()) {
        // Exact hits are case-insensitive hits too; only the misses need another look. Both ways
        // below use the same simple case folding.
        if (misses * tags.size() <= kLinearMatchLimit) {
            for (qsizetype i = 0; i < distinct.size(); ++i) {
                for (auto it = tags.cbegin(); !present[i] && it != tags.cend(); ++it)
                    present[i] = distinct.at(i).compare(*it, Qt::CaseInsensitive) == 0;
            }
        } else {
            QSet<QString> folded;
            folded.reserve(tags.size());
            for (const QString &tag : tags)
                folded.insert(tag.toCaseFolded());
            for (qsizetype i = 0; i < distinct.size(); ++i)
                present[i] = present[i] || folded.contains(distinct.at(i).toCaseFolded());
        }
    }
    return m_d->evaluate(m_d->root, present.constData());
}

bool TagExpression::evaluate(const bool *present) const
{
    return m_d && m_d->evaluate(m_d->root, present);
}

std::optional<QStringList>
TagExpression::cover(const std::function<qint64(const QString &)> &size) const
{
    if (!m_d)
        return QStringList();
    struct Cover
    {
        std::optional<QStringList> tags; // nullopt: everything
        qint64 cost = 0;
    };
    const Data &d = *m_d;
    // Depth is bounded by kMaxDepth (see parse()), so recursion is safe here too.
    const std::function<Cover(qsizetype)> visit = [&](qsizetype n) -> Cover {
        const Data::Node &node = d.nodes[n];
        switch (node.kind) {
        case Data::Kind::Tag: {
            const QString &tag = d.distinctTags.at(node.first);
            return {QStringList {tag}, size(tag)};
        }
        case Data::Kind::Not:
            return {std::nullopt, std::numeric_limits<qint64>::max()};
        case Data::Kind::And: {
            Cover best {std::nullopt, std::numeric_limits<qint64>::max()};
            for (qsizetype i = 0; i < node.count; ++i) {
                Cover c = visit(d.child(n, i));
                if (c.tags && (!best.tags || c.cost < best.cost))
                    best = std::move(c);
            }
            return best;
        }
        case Data::Kind::Or: {
            Cover all {QStringList(), 0};
            for (qsizetype i = 0; i < node.count; ++i) {
                Cover c = visit(d.child(n, i));
                if (!c.tags)
                    return c;
                for (const QString &t : std::as_const(*c.tags)) {
                    if (!all.tags->contains(t))
                        all.tags->append(t);
                }
                all.cost += c.cost;
            }
            return all;
        }
        }
        return {std::nullopt, 0};
    };
    return visit(d.root).tags;
}

QString TagExpression::normalized() const
{
    QString out;
    if (m_d) {
        out.reserve(m_d->text.size() + 16);
        m_d->appendNormalized(out, m_d->root);
    }
    return out;
}

QString TagExpression::text() const
{
    return m_d ? m_d->text : QString();
}

QStringList TagExpression::tags() const
{
    return m_d ? m_d->distinctTags : QStringList();
}

int TagExpression::tagCount() const
{
    return m_d ? m_d->tagCount : 0;
}

bool TagExpression::usesOnlyOr() const
{
    return m_d && !m_d->hasAnd && !m_d->hasNot;
}

bool TagExpression::isSingleTag() const
{
    return m_d && m_d->nodes[m_d->root].kind == Data::Kind::Tag;
}

QList<Warning> TagExpression::warnings() const
{
    return m_d ? m_d->warnings : QList<Warning>();
}

TagExpression::Term TagExpression::Data::term(qsizetype n) const
{
    const Node &node = nodes[n];
    Term out;
    switch (node.kind) {
    case Kind::Tag:
        out.kind = Term::Kind::Tag;
        out.tag = distinctTags[node.first];
        return out;
    case Kind::Not:
        out.kind = Term::Kind::Not;
        break;
    case Kind::And:
        out.kind = Term::Kind::And;
        break;
    case Kind::Or:
        out.kind = Term::Kind::Or;
        break;
    }
    out.operands.reserve(node.count);
    for (qsizetype i = 0; i < node.count; ++i)
        out.operands.append(term(child(n, i)));
    return out;
}

TagExpression::Term TagExpression::term() const
{
    return m_d ? m_d->term(m_d->root) : Term();
}

// --- single tags and tag lists ---------------------------------------------------------------

Status validateTag(QStringView tag, bool allowSystemTags)
{
    if (tag.isEmpty())
        return makeError(ErrorCode::Empty, TagExpression::tr("The tag is empty"), 0, 0);
    QList<Warning> warnings;
    if (auto error = checkTag(tag, 0, tag.size(), allowSystemTags, false, &warnings))
        return std::move(*error);
    Status status;
    for (Warning &w : warnings)
        status.addWarning(std::move(w));
    return status;
}

Result<QStringList> parseTagList(QStringView commaSeparated, bool allowSystemTags)
{
    QStringList tags;
    QList<Warning> warnings;
    if (commaSeparated.isEmpty())
        return tags;

    QSet<QString> seen;
    qsizetype start = 0;
    for (;;) {
        const qsizetype comma = commaSeparated.indexOf(u',', start);
        const qsizetype end = comma < 0 ? commaSeparated.size() : comma;
        qsizetype b = start;
        qsizetype e = end;
        while (b < e && isSpace(commaSeparated[b].unicode()))
            ++b;
        while (e > b && isSpace(commaSeparated[e - 1].unicode()))
            --e;
        if (b == e) {
            Result<QStringList> failed(makeError(
                ErrorCode::EmptyField,
                TagExpression::tr("Empty tag at position %1 of the tag list: remove the extra ','")
                    .arg(position(start)),
                start, end - start));
            failed.setWarnings(warnings);
            return failed;
        }
        if (auto error = checkTag(commaSeparated, b, e, allowSystemTags, false, &warnings)) {
            Result<QStringList> failed(std::move(*error));
            failed.setWarnings(warnings);
            return failed;
        }
        const QString tag = commaSeparated.sliced(b, e - b).toString();
        if (b != start || e != end) {
            Warning w;
            w.message = TagExpression::tr("Spaces around tag '%1' at position %2 were removed: "
                                          "SDKs split tags on ',' without trimming, so write the "
                                          "list without spaces")
                            .arg(quoted(tag), position(b));
            w.offset = start;
            w.length = end - start;
            warnings.append(std::move(w));
        }
        // The .NET SDK keeps tags in a case-insensitive set, so "a,A" is one tag there.
        const QString folded = tag.toCaseFolded();
        if (seen.contains(folded)) {
            Warning w;
            w.message = TagExpression::tr("Tag '%1' at position %2 repeats an earlier tag")
                            .arg(quoted(tag), position(b));
            w.offset = b;
            w.length = e - b;
            warnings.append(std::move(w));
        } else {
            seen.insert(folded);
        }
        tags.append(tag);
        if (comma < 0)
            break;
        start = comma + 1;
    }
    if (tags.size() > kDocumentedRegistrationTagLimit) {
        Warning w;
        w.message = TagExpression::tr("The list has %1 tags; the documented limit is %2 per "
                                      "registration (the service may accept more)")
                        .arg(QString::number(tags.size()),
                             QString::number(kDocumentedRegistrationTagLimit));
        w.offset = 0;
        w.length = commaSeparated.size();
        warnings.append(std::move(w));
    }
    Result<QStringList> result(std::move(tags));
    result.setWarnings(std::move(warnings));
    return result;
}

} // namespace Nh
