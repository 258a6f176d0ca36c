// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QCoreApplication>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QStringView>
#include <functional>
#include <memory>
#include <optional>

namespace Nh {

/**
 * A parsed ServiceBusNotification-Tags expression (docs/protocol.md §6.2): tags combined with `||`,
 * `&&`, `!` and parentheses, whitespace allowed between tokens. Precedence is read as
 * `!` > `&&` > `||`, all left-associative; the service does not document it, so parse() warns
 * when `&&` and `||` are mixed without parentheses.
 *
 * The value is immutable and implicitly shared (copies are cheap). A default-constructed
 * TagExpression is null: it matches nothing and normalizes to an empty string.
 *
 * Errors (all located: `offset`/`length` in QChar units of the parsed text, the message names
 * the 1-based position):
 * - ErrorCode::Empty: the text is empty or only whitespace;
 * - ErrorCode::Syntax: an unexpected token, a single `&` or `|`, an unclosed `(`, a character
 *   that is not allowed in a tag, a system tag without its closing `}`;
 * - ErrorCode::InvalidValue: a tag starting with `$` that is not `$InstallationId:{id}` or
 *   `$UserId:{id}`, a system tag without braces or with an empty id;
 * - ErrorCode::LimitExceeded: a tag longer than 120 characters, more than 64 nested `(`/`!`,
 *   or (Limits::Enforce only) more tags than the service allows, see checkLimits().
 */
class TagExpression
{
    Q_DECLARE_TR_FUNCTIONS(Nh::TagExpression)

public:
    /** Whether parse() refuses an expression with too many tags, or leaves it to checkLimits(). */
    enum class Limits {
        Enforce, ///< too many tags is an ErrorCode::LimitExceeded error
        Report, ///< parse anyway (for an "explain" view); call checkLimits() to learn about it
    };

    /** Longest tag, in QChar units, system tags included (.NET Constants.MaximumTagSize). */
    static constexpr int kMaxTagLength = 120;
    /** Most tag occurrences in an expression that uses only `||` (docs/protocol.md §6.3). */
    static constexpr int kMaxTagsOrOnly = 20;
    /** Most tag occurrences in an expression that uses `&&` or `!` (docs/protocol.md §6.3). */
    static constexpr int kMaxTags = 6;
    /**
     * Most nested `(` and `!` together, and most nested operators (`!`, `&&`, `||`, counting an
     * `&&` that binds tighter than `||` without parentheses): deeper input is refused rather than
     * recursed into. The second bound keeps normalized(), which writes those parentheses out,
     * within the first.
     */
    static constexpr int kMaxDepth = 64;

    TagExpression() = default;

    /**
     * Parses `text`. Linear in its length; never recurses deeper than kMaxDepth. Warnings of the
     * result: `&&` and `||` mixed without parentheses; tags with non-ASCII letters or digits
     * (the service accepts them, some SDKs refuse them).
     */
    static Result<TagExpression> parse(QStringView text, Limits limits = Limits::Enforce);

    /** ErrorCode::LimitExceeded when the expression has more tags than the service allows:
     *  kMaxTagsOrOnly if it uses only `||`, kMaxTags otherwise. Located at the first tag over. */
    Status checkLimits() const;

    /**
     * Evaluates the expression for a registration with `tags`. Whether the service compares tags
     * case-sensitively is UNCONFIRMED (docs/protocol.md §6.1); the .NET SDK keeps tags in a
     * case-insensitive set, hence the default. Case-insensitive comparison uses simple Unicode
     * case folding (QString::toCaseFolded(): "É" = "é", but "ß" ≠ "ss"), system tags included.
     * A null expression matches nothing.
     */
    bool matches(const QSet<QString> &tags, Qt::CaseSensitivity cs = Qt::CaseInsensitive) const;

    /**
     * Evaluates the expression from whether each of tags() (in that order) is present: for
     * callers that look the tags up themselves (the emulator's index compares interned, case
     * folded tags, as matches() compares). `present` holds tags().size() values. A null
     * expression matches nothing.
     */
    bool evaluate(const bool *present) const;

    /**
     * For evaluating from an index: tags such that every tag set the expression matches holds
     * at least one of them (compared as matches() does), or nullopt when a tag set with none of
     * the expression's tags can match (a negation). `size` estimates how many registrations
     * have a tag: of the operands of `&&` the one with the smallest cover is taken, `||` joins
     * its operands' covers. The result is a superset filter: check candidates with matches().
     */
    std::optional<QStringList> cover(const std::function<qint64(const QString &)> &size) const;

    /**
     * A canonical text: single spaces around `&&`/`||`, `!` written tight, and parentheses
     * exactly around each `&&`/`||` group nested in a group of the other operator or under `!`
     * ("a || b && !c" → "a || (b && !c)"). Redundant parentheses and those around groups of the
     * same operator are dropped. The result parses to an equivalent expression without warnings.
     */
    QString normalized() const;

    /** The text that was parsed, unchanged. */
    QString text() const;
    /** Distinct tags (exact comparison), in order of first appearance. */
    QStringList tags() const;
    /** Tag occurrences: "a || a" has 2 (the service's limits count occurrences). */
    int tagCount() const;
    /** True if the expression has no `&&` and no `!` (a single tag counts as OR-only). */
    bool usesOnlyOr() const;
    /** True if the whole expression is one tag, possibly in parentheses. */
    bool isSingleTag() const;
    /** The warnings parse() returned with this expression. */
    QList<Warning> warnings() const;
    bool isNull() const { return !m_d; }

    /**
     * The parsed tree, for code that evaluates an expression over sets of registrations rather
     * than one registration's tags (the reach planner, docs/reach.md). `&&` and `||` are n-ary
     * (a chain is one node), `!` has one operand, redundant parentheses are gone. A null
     * expression is an `||` without operands, which matches nothing.
     */
    struct Term
    {
        enum class Kind : quint8 { Tag, Not, And, Or };
        Kind kind = Kind::Or;
        QString tag; ///< Tag only
        QList<Term> operands; ///< Not: one; And/Or: two or more
    };
    Term term() const;

private:
    struct Data;
    class Parser;
    std::shared_ptr<const Data> m_d;
};

/**
 * Validates one registration tag: 1..120 characters of ASCII letters, digits and `_ @ # . : -`
 * (the service's own list), non-ASCII letters and digits accepted with a warning. Tags starting
 * with `$` are refused ("Tags can not start with $.") unless `allowSystemTags`, which admits
 * exactly `$InstallationId:{id}` and `$UserId:{id}`. Positions in messages are 1-based within
 * `tag`. Errors: Empty, Syntax (bad character), InvalidValue (`$`), LimitExceeded (length).
 */
Status validateTag(QStringView tag, bool allowSystemTags = false);

/**
 * Splits a registration's comma-separated <Tags> string ("tag1,tag2") and validates each item
 * with validateTag(). An empty string is an empty list. Items with surrounding whitespace are
 * trimmed with a warning (the SDKs split on ',' without trimming); an empty item ("a,,b", "a,")
 * is ErrorCode::EmptyField. Duplicates and more than 60 tags (the documented per-registration
 * limit, disputed) are warnings. System tags are allowed by default because the service writes
 * them into <Tags> of registrations made from installations. Offsets refer to the whole string.
 */
Result<QStringList> parseTagList(QStringView commaSeparated, bool allowSystemTags = true);

} // namespace Nh
