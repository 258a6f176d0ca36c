// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocol/tagexpression.h"

#include <QRandomGenerator>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using Nh::ErrorCode;
using Nh::TagExpression;

namespace {

/// `count` tags named t1, t2, … joined with `op` (" || ", " && ").
QString chain(int count, const QString &op, const QString &stem = u"t"_s)
{
    QStringList parts;
    for (int i = 1; i <= count; ++i)
        parts << stem + QString::number(i);
    return parts.join(op);
}

/// Offset of the n-th (1-based) tag in chain(count, op).
qsizetype chainOffset(int n, const QString &op, const QString &stem = u"t"_s)
{
    qsizetype offset = 0;
    for (int i = 1; i < n; ++i)
        offset += stem.size() + QString::number(i).size() + op.size();
    return offset;
}

QString describe(const Nh::Error &e)
{
    return u"code %1, offset %2, length %3: %4"_s.arg(QString::number(int(e.code)),
                                                      QString::number(e.offset),
                                                      QString::number(e.length), e.message);
}

QString describe(const QList<Nh::Warning> &warnings)
{
    QStringList lines;
    for (const Nh::Warning &w : warnings)
        lines << u"[%1+%2] %3"_s.arg(QString::number(w.offset), QString::number(w.length),
                                     w.message);
    return lines.join(u"\n"_s);
}

QSet<QString> toSet(const QStringList &list)
{
    return QSet<QString>(list.cbegin(), list.cend());
}

} // namespace

class Tst_TagExpression final : public QObject
{
    Q_OBJECT
private slots:
    void valid_data();
    void valid();
    void normalizedRoundTrip_data();
    void normalizedRoundTrip();
    void errors_data();
    void errors();
    void limits_data();
    void limits();
    void depth();
    void hostile();
    void manyDistinctTags();
    void fuzz();
    void matches_data();
    void matches();
    void precedence_data();
    void precedence();
    void warnings_data();
    void warnings();
    void nullExpression();
    void validateTag_data();
    void validateTag();
    void parseTagList_data();
    void parseTagList();
};

void Tst_TagExpression::valid_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("normalized");
    QTest::addColumn<QStringList>("tags");
    QTest::addColumn<int>("tagCount");
    QTest::addColumn<bool>("onlyOr");
    QTest::addColumn<bool>("single");

    QTest::newRow("single tag") << u"sports"_s << u"sports"_s << QStringList {u"sports"_s} << 1
                                << true << true;
    QTest::newRow("tag in parentheses")
        << u"((sports))"_s << u"sports"_s << QStringList {u"sports"_s} << 1 << true << true;
    QTest::newRow("surrounding whitespace")
        << u" \t sports \r\n"_s << u"sports"_s << QStringList {u"sports"_s} << 1 << true << true;
    QTest::newRow("every tag character")
        << u"aZ09_@#.:-"_s << u"aZ09_@#.:-"_s << QStringList {u"aZ09_@#.:-"_s} << 1 << true << true;
    QTest::newRow("120 characters") << QString(120, u'x') << QString(120, u'x')
                                    << QStringList {QString(120, u'x')} << 1 << true << true;
    QTest::newRow("installation id")
        << u"$InstallationId:{8b3e1b9e-0c3a-4f7d-b26e-2c1a8a1c2f3d}"_s
        << u"$InstallationId:{8b3e1b9e-0c3a-4f7d-b26e-2c1a8a1c2f3d}"_s
        << QStringList {u"$InstallationId:{8b3e1b9e-0c3a-4f7d-b26e-2c1a8a1c2f3d}"_s} << 1 << true
        << true;
    QTest::newRow("user id with = and @")
        << u"$UserId:{alice@contoso.com==}"_s << u"$UserId:{alice@contoso.com==}"_s
        << QStringList {u"$UserId:{alice@contoso.com==}"_s} << 1 << true << true;
    QTest::newRow("system tag prefix in lower case")
        << u"$installationid:{x}"_s << u"$installationid:{x}"_s
        << QStringList {u"$installationid:{x}"_s} << 1 << true << true;
    QTest::newRow("or without spaces")
        << u"a||b"_s << u"a || b"_s << QStringList {u"a"_s, u"b"_s} << 2 << true << false;
    QTest::newRow("documented example")
        << u"(follows_RedSox || follows_Cardinals) && location_Boston"_s
        << u"(follows_RedSox || follows_Cardinals) && location_Boston"_s
        << QStringList {u"follows_RedSox"_s, u"follows_Cardinals"_s, u"location_Boston"_s} << 3
        << false << false;
    QTest::newRow("and binds tighter than or")
        << u"a || b && !c"_s << u"a || (b && !c)"_s << QStringList {u"a"_s, u"b"_s, u"c"_s} << 3
        << false << false;
    QTest::newRow("and first") << u"a && b || c"_s << u"(a && b) || c"_s
                               << QStringList {u"a"_s, u"b"_s, u"c"_s} << 3 << false << false;
    QTest::newRow("two and groups")
        << u"(a && b) || (c && !d)"_s << u"(a && b) || (c && !d)"_s
        << QStringList {u"a"_s, u"b"_s, u"c"_s, u"d"_s} << 4 << false << false;
    QTest::newRow("redundant same-operator group")
        << u"(a || b) || c"_s << u"a || b || c"_s << QStringList {u"a"_s, u"b"_s, u"c"_s} << 3
        << true << false;
    QTest::newRow("right group of and")
        << u"a && (b && c)"_s << u"a && b && c"_s << QStringList {u"a"_s, u"b"_s, u"c"_s} << 3
        << false << false;
    QTest::newRow("not tight") << u"! a"_s << u"!a"_s << QStringList {u"a"_s} << 1 << false
                               << false;
    QTest::newRow("not of group") << u"!( a || b )"_s << u"!(a || b)"_s
                                  << QStringList {u"a"_s, u"b"_s} << 2 << false << false;
    QTest::newRow("not of parenthesised tag")
        << u"!(a)"_s << u"!a"_s << QStringList {u"a"_s} << 1 << false << false;
    QTest::newRow("double not") << u"!!a"_s << u"!!a"_s << QStringList {u"a"_s} << 1 << false
                                << false;
    QTest::newRow("not of not group")
        << u"!(!a)"_s << u"!!a"_s << QStringList {u"a"_s} << 1 << false << false;
    QTest::newRow("nested groups")
        << u"((a || b) && (c || (d && e))) || f"_s << u"((a || b) && (c || (d && e))) || f"_s
        << QStringList {u"a"_s, u"b"_s, u"c"_s, u"d"_s, u"e"_s, u"f"_s} << 6 << false << false;
    QTest::newRow("repeated tag counted twice")
        << u"a || b || a && !c"_s << u"a || b || (a && !c)"_s
        << QStringList {u"a"_s, u"b"_s, u"c"_s} << 4 << false << false;
    QTest::newRow("tags differing in case are distinct")
        << u"Sports || sports"_s << u"Sports || sports"_s << QStringList {u"Sports"_s, u"sports"_s}
        << 2 << true << false;
    QTest::newRow("newlines and tabs between tokens")
        << u"a\n&&\tb"_s << u"a && b"_s << QStringList {u"a"_s, u"b"_s} << 2 << false << false;
    QTest::newRow("python sample join")
        << u"sports || politics"_s << u"sports || politics"_s
        << QStringList {u"sports"_s, u"politics"_s} << 2 << true << false;
}

void Tst_TagExpression::valid()
{
    QFETCH(QString, text);
    QFETCH(QString, normalized);
    QFETCH(QStringList, tags);
    QFETCH(int, tagCount);
    QFETCH(bool, onlyOr);
    QFETCH(bool, single);

    const auto result = TagExpression::parse(text);
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : describe(result.error())));
    QCOMPARE(result->normalized(), normalized);
    QCOMPARE(result->tags(), tags);
    QCOMPARE(result->tagCount(), tagCount);
    QCOMPARE(result->usesOnlyOr(), onlyOr);
    QCOMPARE(result->isSingleTag(), single);
    QCOMPARE(result->text(), text);
    QVERIFY(!result->isNull());
    QVERIFY(result->checkLimits().ok());
}

void Tst_TagExpression::normalizedRoundTrip_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("mixed") << u"a || b && !c"_s;
    QTest::newRow("mixed both sides") << u"a && b || c && d || !e"_s;
    QTest::newRow("not over mixed group") << u"!(a || b && c) && d"_s;
    QTest::newRow("deep groups") << u"((a || (b && (c || !(d && e)))) && f)"_s;
    QTest::newRow("redundant parentheses") << u"(((a)) || ((b && c)))"_s;
    QTest::newRow("or chain") << u"a||b||c||d||e||f"_s;
    QTest::newRow("nots") << u"!!a && !(!b || c)"_s;
}

void Tst_TagExpression::normalizedRoundTrip()
{
    QFETCH(QString, text);
    const auto first = TagExpression::parse(text);
    QVERIFY2(first.ok(), qPrintable(first.ok() ? QString() : describe(first.error())));
    const QString normalized = first->normalized();
    const auto second = TagExpression::parse(normalized);
    QVERIFY2(second.ok(), qPrintable(normalized));
    QVERIFY2(second.warnings().isEmpty(), qPrintable(describe(second.warnings())));
    QCOMPARE(second->normalized(), normalized);
    QCOMPARE(second->tags(), first->tags());
    QCOMPARE(second->tagCount(), first->tagCount());

    // Same truth table over every subset of the tags.
    const QStringList tags = first->tags();
    QVERIFY(tags.size() <= 10);
    for (int mask = 0; mask < (1 << tags.size()); ++mask) {
        QSet<QString> set;
        for (int i = 0; i < tags.size(); ++i) {
            if (mask & (1 << i))
                set.insert(tags[i]);
        }
        QVERIFY2(first->matches(set) == second->matches(set),
                 qPrintable(u"differs for mask %1: %2 vs %3"_s.arg(QString::number(mask), text,
                                                                   normalized)));
    }
}

void Tst_TagExpression::errors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<ErrorCode>("code");
    QTest::addColumn<int>("offset");
    QTest::addColumn<int>("length");
    QTest::addColumn<QStringList>("fragments");

    QTest::newRow("empty") << QString() << ErrorCode::Empty << 0 << 0 << QStringList {u"empty"_s};
    QTest::newRow("blank") << u"  \t\n "_s << ErrorCode::Empty << 0 << 0
                           << QStringList {u"empty"_s};
    // 0-based 13 is the ')' of "(a || b) && ()".
    QTest::newRow("empty group") << u"(a || b) && ()"_s << ErrorCode::Syntax << 13 << 1
                                 << QStringList {
                                        u"Unexpected ')' at position 14: expected a tag or '('"_s};
    QTest::newRow("lone close") << u")"_s << ErrorCode::Syntax << 0 << 1
                                << QStringList {u"Unexpected ')' at position 1"_s};
    QTest::newRow("extra close") << u"a)"_s << ErrorCode::Syntax << 1 << 1
                                 << QStringList {u"Unexpected ')' at position 2"_s,
                                                 u"no matching '('"_s};
    QTest::newRow("trailing operator") << u"a||b && "_s << ErrorCode::Syntax << 8 << 0
                                       << QStringList {u"Unexpected end of expression at position "
                                                       u"9: expected a tag or '('"_s};
    QTest::newRow("lone not") << u"!"_s << ErrorCode::Syntax << 1 << 0
                              << QStringList {u"Unexpected end of expression at position 2"_s};
    QTest::newRow("leading operator")
        << u"&& a"_s << ErrorCode::Syntax << 0 << 2
        << QStringList {u"Unexpected '&&' at position 1"_s, u"expected a tag or '('"_s};
    QTest::newRow("double operator") << u"a || || b"_s << ErrorCode::Syntax << 5 << 2
                                     << QStringList {u"Unexpected '||' at position 6"_s};
    QTest::newRow("unclosed") << u"!!(a || b"_s << ErrorCode::Syntax << 2 << 1
                              << QStringList {u"Unclosed '(' at position 3"_s};
    QTest::newRow("unclosed inner") << u"(a && (b || c)"_s << ErrorCode::Syntax << 0 << 1
                                    << QStringList {u"Unclosed '(' at position 1"_s};
    QTest::newRow("missing operator")
        << u"a b"_s << ErrorCode::Syntax << 2 << 1
        << QStringList {u"Unexpected tag 'b' at position 3"_s, u"expected '&&', '||' or the end"_s};
    QTest::newRow("missing operator in group") << u"(a b)"_s << ErrorCode::Syntax << 3 << 1
                                               << QStringList {u"Unexpected tag 'b' at position "
                                                               u"4: expected '&&', '||' or ')'"_s};
    QTest::newRow("not after tag") << u"a !b"_s << ErrorCode::Syntax << 2 << 1
                                   << QStringList {u"Unexpected '!' at position 3"_s};
    QTest::newRow("group after tag") << u"a (b)"_s << ErrorCode::Syntax << 2 << 1
                                     << QStringList {u"Unexpected '(' at position 3"_s};
    QTest::newRow("single ampersand") << u"a||bc & d"_s << ErrorCode::Syntax << 6 << 1
                                      << QStringList {u"Single '&' at position 7: use '&&'"_s};
    QTest::newRow("single pipe") << u"a | b"_s << ErrorCode::Syntax << 2 << 1
                                 << QStringList {u"Single '|' at position 3: use '||'"_s};
    QTest::newRow("triple ampersand") << u"a &&& b"_s << ErrorCode::Syntax << 4 << 1
                                      << QStringList {u"Single '&' at position 5"_s};
    QTest::newRow("percent") << u"abcd%e"_s << ErrorCode::Syntax << 4 << 1
                             << QStringList {
                                    u"Invalid character '%' at position 5 in a tag: valid "
                                    u"tag characters are alphanumeric, _, @, -, ., : and #"_s};
    QTest::newRow("comma hints at or")
        << u"a,b"_s << ErrorCode::Syntax << 1 << 1
        << QStringList {u"Invalid character ',' at position 2"_s, u"'||'"_s};
    QTest::newRow("quote") << u"a || 'b'"_s << ErrorCode::Syntax << 5 << 1
                           << QStringList {u"Invalid character ''' at position 6"_s};
    QTest::newRow("nul") << u"a\0b"_s << ErrorCode::Syntax << 1 << 1
                         << QStringList {u"Invalid character U+0000 at position 2"_s};
    QTest::newRow("no-break space") << u"a\u00A0|| b"_s << ErrorCode::Syntax << 1 << 1
                                    << QStringList {u"Invalid character U+00A0 at position 2"_s};
    QTest::newRow("lone high surrogate") << QString(u"a"_s + QChar(0xD800)) << ErrorCode::Syntax
                                         << 1 << 1 << QStringList {u"U+D800 at position 2"_s};
    QTest::newRow("lone low surrogate") << QString(QChar(0xDC00) + u"a"_s) << ErrorCode::Syntax << 0
                                        << 1 << QStringList {u"U+DC00 at position 1"_s};
    // .NET's \w works on UTF-16 units, so characters outside the BMP are never tag characters.
    QTest::newRow("surrogate pair")
        << u"a || b\U0001D538"_s << ErrorCode::Syntax << 6 << 2
        << QStringList {u"Invalid character '\U0001D538' at position 7"_s};
    QTest::newRow("dollar in the middle")
        << u"a$b"_s << ErrorCode::Syntax << 1 << 1 << QStringList {u"'$' at position 2"_s};
    QTest::newRow("121 characters") << QString(121, u'x') << ErrorCode::LimitExceeded << 0 << 121
                                    << QStringList {u"Tag at position 1 is 121 characters long; "
                                                    u"the limit is 120"_s};
    QTest::newRow("121 characters after an operator")
        << u"a || "_s + QString(121, u'y') << ErrorCode::LimitExceeded << 5 << 121
        << QStringList {u"Tag at position 6 is 121 characters long"_s};
    QTest::newRow("user tag with dollar")
        << u"a || $foo"_s << ErrorCode::InvalidValue << 5 << 4
        << QStringList {u"Tags can not start with $."_s, u"position 6"_s};
    QTest::newRow("dollar alone") << u"$"_s << ErrorCode::InvalidValue << 0 << 1
                                  << QStringList {u"Tags can not start with $."_s, u"position 1"_s};
    QTest::newRow("square brackets")
        << u"a || $InstallationId:[abc]"_s << ErrorCode::InvalidValue << 5 << 21
        << QStringList {u"position 6"_s, u"braces"_s, u"$InstallationId:{abc}"_s};
    QTest::newRow("no braces") << u"$UserId:alice"_s << ErrorCode::InvalidValue << 0 << 13
                               << QStringList {u"position 1"_s, u"$UserId:{alice}"_s};
    QTest::newRow("prefix only") << u"$UserId:"_s << ErrorCode::InvalidValue << 0 << 8
                                 << QStringList {u"position 1"_s, u"$UserId:{id}"_s};
    QTest::newRow("empty id") << u"$UserId:{}"_s << ErrorCode::InvalidValue << 0 << 10
                              << QStringList {u"position 1 has an empty id"_s};
    QTest::newRow("unclosed id") << u"$UserId:{abc && b"_s << ErrorCode::Syntax << 0 << 12
                                 << QStringList {u"position 1 has no closing '}'"_s};
    QTest::newRow("bad id character") << u"$UserId:{a/b}"_s << ErrorCode::Syntax << 10 << 1
                                      << QStringList {u"Invalid character '/' at position 11 in "
                                                      u"the id"_s};
    QTest::newRow("text after closing brace") << u"$UserId:{a}b"_s << ErrorCode::Syntax << 11 << 1
                                              << QStringList {u"Invalid character 'b' at position "
                                                              u"12 after the closing '}'"_s};
    QTest::newRow("system tag of 121 characters")
        << u"$UserId:{"_s + QString(111, u'i') + u'}' << ErrorCode::LimitExceeded << 0 << 121
        << QStringList {u"Tag at position 1 is 121 characters long"_s};
    QTest::newRow("first error wins") << u"a ) %"_s << ErrorCode::Syntax << 2 << 1
                                      << QStringList {u"Unexpected ')' at position 3"_s};
}

void Tst_TagExpression::errors()
{
    QFETCH(QString, text);
    QFETCH(ErrorCode, code);
    QFETCH(int, offset);
    QFETCH(int, length);
    QFETCH(QStringList, fragments);

    for (const auto limits : {TagExpression::Limits::Enforce, TagExpression::Limits::Report}) {
        const auto result = TagExpression::parse(text, limits);
        QVERIFY2(!result.ok(), qPrintable(u"accepted: "_s + text));
        const Nh::Error &e = result.error();
        QCOMPARE(e.code, code);
        QCOMPARE(e.offset, qsizetype(offset));
        QCOMPARE(e.length, qsizetype(length));
        for (const QString &fragment : fragments)
            QVERIFY2(e.message.contains(fragment),
                     qPrintable(u"«%1» lacks «%2»"_s.arg(e.message, fragment)));
    }
}

void Tst_TagExpression::limits_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("tagCount");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<int>("offset"); // of the first tag over the limit
    QTest::addColumn<QStringList>("fragments");

    const QString orOp = u" || "_s;
    const QString andOp = u" && "_s;
    QTest::newRow("20 with or") << chain(20, orOp) << 20 << true << -1 << QStringList();
    QTest::newRow("21 with or") << chain(21, orOp) << 21 << false << int(chainOffset(21, orOp))
                                << QStringList {u"21 tags"_s, u"at most 20"_s, u"only '||'"_s,
                                                u"position %1"_s.arg(chainOffset(21, orOp) + 1)};
    QTest::newRow("6 with and") << chain(6, andOp) << 6 << true << -1 << QStringList();
    QTest::newRow("7 with and") << chain(7, andOp) << 7 << false << int(chainOffset(7, andOp))
                                << QStringList {u"7 tags"_s, u"at most 6"_s, u"'&&' or '!'"_s,
                                                u"position %1"_s.arg(chainOffset(7, andOp) + 1)};
    // One '!' makes the whole expression subject to the lower limit.
    QTest::newRow("6 with one not") << u"!"_s + chain(6, orOp) << 6 << true << -1 << QStringList();
    QTest::newRow("7 with one not")
        << u"!"_s + chain(7, orOp) << 7 << false << int(chainOffset(7, orOp) + 1)
        << QStringList {u"7 tags"_s, u"at most 6"_s};
    QTest::newRow("7 with one and")
        << chain(6, orOp) + u" && x"_s << 7 << false << int(chainOffset(7, orOp))
        << QStringList {u"7 tags"_s, u"at most 6"_s};
    QTest::newRow("21 of the same tag") << QStringList(21, u"a"_s).join(orOp) << 21 << false
                                        << 20 * 5 << QStringList {u"21 tags"_s};
}

void Tst_TagExpression::limits()
{
    QFETCH(QString, text);
    QFETCH(int, tagCount);
    QFETCH(bool, ok);
    QFETCH(int, offset);
    QFETCH(QStringList, fragments);

    const auto enforced = TagExpression::parse(text);
    const auto reported = TagExpression::parse(text, TagExpression::Limits::Report);
    QVERIFY2(reported.ok(), qPrintable(text));
    QCOMPARE(reported->tagCount(), tagCount);
    const Nh::Status status = reported->checkLimits();
    QCOMPARE(enforced.ok(), ok);
    QCOMPARE(status.ok(), ok);
    if (ok)
        return;
    QCOMPARE(enforced.error().code, ErrorCode::LimitExceeded);
    QCOMPARE(status.error().code, ErrorCode::LimitExceeded);
    QCOMPARE(status.error().message, enforced.error().message);
    QCOMPARE(status.error().offset, enforced.error().offset);
    if (offset >= 0)
        QCOMPARE(status.error().offset, qsizetype(offset));
    for (const QString &fragment : fragments)
        QVERIFY2(status.error().message.contains(fragment),
                 qPrintable(u"«%1» lacks «%2»"_s.arg(status.error().message, fragment)));
}

void Tst_TagExpression::depth()
{
    const QString atLimit =
        QString(TagExpression::kMaxDepth, u'(') + u"a"_s + QString(TagExpression::kMaxDepth, u')');
    const auto ok = TagExpression::parse(atLimit);
    QVERIFY2(ok.ok(), qPrintable(ok.ok() ? QString() : describe(ok.error())));
    QCOMPARE(ok->normalized(), u"a"_s);

    const QString nots = QString(TagExpression::kMaxDepth, u'!') + u"a"_s;
    QVERIFY(TagExpression::parse(nots).ok());

    const QString overNots = QString(TagExpression::kMaxDepth + 1, u'!') + u"a"_s;
    const auto tooDeep = TagExpression::parse(overNots);
    QVERIFY(!tooDeep.ok());
    QCOMPARE(tooDeep.error().code, ErrorCode::LimitExceeded);
    QCOMPARE(tooDeep.error().offset, qsizetype(64));
    QVERIFY2(tooDeep.error().message.contains(u"position 65"_s),
             qPrintable(tooDeep.error().message));

    // '(' and '!' share the budget.
    QString mixed;
    for (int i = 0; i < 40; ++i)
        mixed += u"!("_s;
    const auto mixedResult = TagExpression::parse(QString(mixed + u"a"_s));
    QVERIFY(!mixedResult.ok());
    QCOMPARE(mixedResult.error().code, ErrorCode::LimitExceeded);
    QCOMPARE(mixedResult.error().offset, qsizetype(64));

    // '&&' under '||' without parentheses is a level too: normalized() writes it out as '(',
    // and what it writes must parse again (the tag expression fuzzer found this).
    const QString bangs(TagExpression::kMaxDepth - 2, u'!');
    const auto deepest = TagExpression::parse(QString(u"a || "_s + bangs + u"j && w"_s));
    QVERIFY2(deepest.ok(), qPrintable(deepest.ok() ? QString() : describe(deepest.error())));
    QCOMPARE(deepest->normalized(), QString(u"a || ("_s + bangs + u"j && w)"_s));
    QVERIFY(TagExpression::parse(deepest->normalized()).ok());
    const auto overOperators = TagExpression::parse(QString(u"a || !"_s + bangs + u"j && w"_s));
    QVERIFY(!overOperators.ok());
    QCOMPARE(overOperators.error().code, ErrorCode::LimitExceeded);
    // Located at the outermost operator over the limit: here the '||' that encloses the rest.
    QCOMPARE(overOperators.error().offset, qsizetype(0));
    QVERIFY2(overOperators.error().message.contains(u"position 1"_s)
                 && overOperators.error().message.contains(u"'&&' binding tighter"_s),
             qPrintable(overOperators.error().message));
}

void Tst_TagExpression::hostile()
{
    // 100000 '(' must be refused at the first level over the cap, not overflow the stack.
    const auto parens = TagExpression::parse(QString(100000, u'('));
    QVERIFY(!parens.ok());
    QCOMPARE(parens.error().code, ErrorCode::LimitExceeded);
    QCOMPARE(parens.error().offset, qsizetype(TagExpression::kMaxDepth));
    QCOMPARE(parens.error().length, qsizetype(1));
    QVERIFY(parens.error().message.contains(u"position 65"_s));

    const auto bangs = TagExpression::parse(QString(100000, u'!'));
    QVERIFY(!bangs.ok());
    QCOMPARE(bangs.error().code, ErrorCode::LimitExceeded);

    // A megabyte-long tag: one length error, with a short message.
    const auto longTag = TagExpression::parse(QString(1 << 20, u'x'));
    QVERIFY(!longTag.ok());
    QCOMPARE(longTag.error().code, ErrorCode::LimitExceeded);
    QCOMPARE(longTag.error().length, qsizetype(1 << 20));
    QVERIFY(longTag.error().message.size() < 200);

    // A huge OR chain: flat, so Report mode parses and evaluates it without deep recursion.
    const int count = 100000;
    QStringList parts;
    parts.reserve(count);
    for (int i = 0; i < count; ++i)
        parts << u"t"_s + QString::number(i);
    const QString huge = parts.join(u"||"_s);
    const auto report = TagExpression::parse(huge, TagExpression::Limits::Report);
    QVERIFY(report.ok());
    QCOMPARE(report->tagCount(), count);
    QVERIFY(report->matches({u"t99999"_s}));
    QVERIFY(!report->matches({u"t100000"_s}));
    QCOMPARE(report->normalized().size(), huge.size() + 2 * (count - 1));
    const auto enforced = TagExpression::parse(huge);
    QVERIFY(!enforced.ok());
    QCOMPARE(enforced.error().code, ErrorCode::LimitExceeded);
    QVERIFY(enforced.error().message.contains(u"100000 tags"_s));

    // The same with one unparenthesised '&&' at the end: one warning, cut short.
    const auto mixed =
        TagExpression::parse(QString(huge + u" && x"_s), TagExpression::Limits::Report);
    QVERIFY(mixed.ok());
    QCOMPARE(mixed.warnings().size(), 1);
    QVERIFY(mixed.warnings().first().message.size() < 600);

    // Binary garbage: refused at its first byte that is not a tag character.
    QByteArray bytes(4096, '\0');
    for (int i = 0; i < bytes.size(); ++i)
        bytes[i] = char((i * 131 + 7) % 256);
    const auto garbage = TagExpression::parse(QString::fromLatin1(bytes));
    QVERIFY(!garbage.ok());
    QVERIFY(garbage.error().offset >= 0);
}

void Tst_TagExpression::manyDistinctTags()
{
    // Past a few distinct tags the parser switches from comparing to hashing; repeats written
    // before and after the switch must still be recognised.
    const QString text = chain(30, u" || "_s) + u" || t3 || t25 || T3"_s;
    const auto result = TagExpression::parse(text, TagExpression::Limits::Report);
    QVERIFY(result.ok());
    QCOMPARE(result->tagCount(), 33);
    QStringList expected = chain(30, u","_s).split(u',');
    expected << u"T3"_s;
    QCOMPARE(result->tags(), expected);
    QVERIFY(result->matches({u"t3"_s}));
    QVERIFY(result->matches({u"t25"_s}, Qt::CaseSensitive));
    QVERIFY(!result->matches({u"t31"_s}));
    QCOMPARE(result->normalized(), text);
}

void Tst_TagExpression::fuzz()
{
    // Random token soup: every input is either accepted and round-trips through normalized(), or
    // refused with an error located inside the text whose message names that position.
    const QStringList pieces = {u"a"_s,           u"Bb"_s, u"c:1"_s,    u"&&"_s,
                                u"||"_s,          u"!"_s,  u"("_s,      u")"_s,
                                u" "_s,           u"&"_s,  u"|"_s,      u"%"_s,
                                u"$UserId:{u}"_s, u"$x"_s, u"\u00E9"_s, QString(QChar(0xD800)),
                                u"\t"_s};
    QRandomGenerator random(20260601);
    for (int round = 0; round < 3000; ++round) {
        QString text;
        const int n = random.bounded(1, 12);
        for (int i = 0; i < n; ++i)
            text += pieces[random.bounded(int(pieces.size()))];
        const auto result = TagExpression::parse(text, TagExpression::Limits::Report);
        if (result.ok()) {
            const auto again =
                TagExpression::parse(result->normalized(), TagExpression::Limits::Report);
            QVERIFY2(again.ok(), qPrintable(text));
            QCOMPARE(again->normalized(), result->normalized());
            continue;
        }
        const Nh::Error &e = result.error();
        if (e.code == ErrorCode::Empty)
            continue;
        QVERIFY2(e.offset >= 0 && e.offset <= text.size(), qPrintable(text));
        QVERIFY2(e.offset + e.length <= text.size(), qPrintable(text));
        QVERIFY2(e.message.contains(u"position %1"_s.arg(e.offset + 1)),
                 qPrintable(text + u" → "_s + e.message));
    }
}

void Tst_TagExpression::matches_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("tags");
    QTest::addColumn<bool>("caseSensitive");
    QTest::addColumn<bool>("expected");

    QTest::newRow("single hit") << u"sports"_s << QStringList {u"sports"_s, u"news"_s} << false
                                << true;
    QTest::newRow("single miss") << u"sports"_s << QStringList {u"news"_s} << false << false;
    QTest::newRow("empty set") << u"sports"_s << QStringList() << false << false;
    QTest::newRow("not on empty set") << u"!sports"_s << QStringList() << false << true;
    QTest::newRow("case folded by default")
        << u"Sports"_s << QStringList {u"sPORTS"_s} << false << true;
    QTest::newRow("case sensitive miss")
        << u"Sports"_s << QStringList {u"sports"_s} << true << false;
    QTest::newRow("case sensitive hit") << u"Sports"_s << QStringList {u"Sports"_s} << true << true;
    QTest::newRow("non-ASCII case folded")
        << u"\u00C9t\u00E9"_s << QStringList {u"\u00E9T\u00C9"_s} << false << true;
    // Simple folding only: one character never becomes two.
    QTest::newRow("sharp s is not ss")
        << u"stra\u00DFe"_s << QStringList {u"STRASSE"_s} << false << false;
    QTest::newRow("installation id")
        << u"$InstallationId:{abc-123}"_s << QStringList {u"$InstallationId:{abc-123}"_s, u"t"_s}
        << false << true;
    QTest::newRow("installation id, other case")
        << u"$InstallationId:{abc-123}"_s << QStringList {u"$installationid:{ABC-123}"_s} << false
        << true;
    QTest::newRow("installation id, other case, sensitive")
        << u"$InstallationId:{abc-123}"_s << QStringList {u"$installationid:{ABC-123}"_s} << true
        << false;
    QTest::newRow("installation id and tag")
        << u"$InstallationId:{abc} && !muted"_s
        << QStringList {u"$InstallationId:{abc}"_s, u"muted"_s} << false << false;
    QTest::newRow("user id or") << u"$UserId:{alice} || $UserId:{bob}"_s
                                << QStringList {u"$UserId:{bob}"_s} << false << true;
    QTest::newRow("documented example hit")
        << u"(follows_RedSox || follows_Cardinals) && location_Boston"_s
        << QStringList {u"follows_Cardinals"_s, u"location_Boston"_s} << false << true;
    QTest::newRow("documented example miss")
        << u"(follows_RedSox || follows_Cardinals) && location_Boston"_s
        << QStringList {u"follows_Cardinals"_s, u"location_NewYork"_s} << false << false;
    QTest::newRow("not of group") << u"!(a || b)"_s << QStringList {u"c"_s} << false << true;
    QTest::newRow("not of group miss") << u"!(a || b)"_s << QStringList {u"b"_s} << false << false;
    QTest::newRow("double not") << u"!!a"_s << QStringList {u"a"_s} << false << true;
}

void Tst_TagExpression::matches()
{
    QFETCH(QString, text);
    QFETCH(QStringList, tags);
    QFETCH(bool, caseSensitive);
    QFETCH(bool, expected);

    const auto result = TagExpression::parse(text);
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : describe(result.error())));
    const QSet<QString> set = toSet(tags);
    QCOMPARE(result->matches(set, caseSensitive ? Qt::CaseSensitive : Qt::CaseInsensitive),
             expected);
    if (!caseSensitive)
        QCOMPARE(result->matches(set), expected); // the default is case-insensitive
}

void Tst_TagExpression::precedence_data()
{
    // Full truth tables over three tags, bit 0 = a, bit 1 = b, bit 2 = c; each row lists the
    // expected value for masks 0..7, written out by hand from the intended reading.
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("table");

    QTest::newRow("a || b && c = a || (b && c)") << u"a || b && c"_s << u"01010111"_s;
    QTest::newRow("a && b || c = (a && b) || c") << u"a && b || c"_s << u"00011111"_s;
    QTest::newRow("!a && b = (!a) && b") << u"!a && b"_s << u"00100010"_s;
    QTest::newRow("!a || b && c = (!a) || (b && c)") << u"!a || b && c"_s << u"10101011"_s;
    QTest::newRow("!(a || b) && c") << u"!(a || b) && c"_s << u"00001000"_s;
    QTest::newRow("(a || b) && c") << u"(a || b) && c"_s << u"00000111"_s;
    QTest::newRow("a && !b && c") << u"a && !b && c"_s << u"00000100"_s;
    QTest::newRow("a || !b || c") << u"a || !b || c"_s << u"11011111"_s;
}

void Tst_TagExpression::precedence()
{
    QFETCH(QString, text);
    QFETCH(QString, table);
    const auto result = TagExpression::parse(text);
    QVERIFY(result.ok());
    const QStringList names {u"a"_s, u"b"_s, u"c"_s};
    for (int mask = 0; mask < 8; ++mask) {
        QSet<QString> set;
        for (int i = 0; i < 3; ++i) {
            if (mask & (1 << i))
                set.insert(names[i]);
        }
        const bool expected = table[mask] == u'1';
        QVERIFY2(result->matches(set) == expected,
                 qPrintable(u"mask %1: expected %2"_s.arg(QString::number(mask),
                                                          expected ? u"true"_s : u"false"_s)));
    }
}

void Tst_TagExpression::warnings_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("count");
    QTest::addColumn<int>("offset"); // of the first warning
    QTest::addColumn<int>("length");
    QTest::addColumn<QStringList>("fragments"); // in the first warning

    QTest::newRow("plain or") << u"a || b"_s << 0 << -1 << 0 << QStringList();
    QTest::newRow("parenthesised") << u"a || (b && c)"_s << 0 << -1 << 0 << QStringList();
    QTest::newRow("parenthesised left") << u"(a && b) || c"_s << 0 << -1 << 0 << QStringList();
    QTest::newRow("and of ors") << u"(a || b) && (c || d)"_s << 0 << -1 << 0 << QStringList();
    QTest::newRow("mixed, and on the right")
        << u"a || b && c"_s << 1 << 0 << 11
        << QStringList {u"position 1"_s, u"a || (b && c)"_s, u"precedence"_s};
    QTest::newRow("mixed, and on the left")
        << u"x && y || z"_s << 1 << 0 << 11 << QStringList {u"(x && y) || z"_s};
    QTest::newRow("mixed inside a group") << u"q && (a || b && c)"_s << 1 << 6 << 11
                                          << QStringList {u"position 7"_s, u"a || (b && c)"_s};
    QTest::newRow("two mixed groups")
        << u"(a || b && c) && (d && e || f)"_s << 2 << 1 << 11 << QStringList {u"position 2"_s};
    QTest::newRow("not is no mix") << u"!a || b"_s << 0 << -1 << 0 << QStringList();
    QTest::newRow("non-ASCII tag") << u"news || caf\u00E9"_s << 1 << 8 << 4
                                   << QStringList {u"caf\u00E9"_s, u"position 9"_s, u"iOS"_s};
    QTest::newRow("non-ASCII system tag id")
        << u"$UserId:{j\u00F6rg}"_s << 1 << 0 << 14 << QStringList {u"non-ASCII"_s};
    QTest::newRow("non-ASCII digits")
        << u"tag\u0663"_s << 1 << 0 << 4 << QStringList {u"non-ASCII"_s};
}

void Tst_TagExpression::warnings()
{
    QFETCH(QString, text);
    QFETCH(int, count);
    QFETCH(int, offset);
    QFETCH(int, length);
    QFETCH(QStringList, fragments);

    const auto result = TagExpression::parse(text);
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : describe(result.error())));
    QVERIFY2(result.warnings().size() == count, qPrintable(describe(result.warnings())));
    QCOMPARE(result->warnings().size(), count);
    if (count == 0)
        return;
    const Nh::Warning &w = result.warnings().first();
    QCOMPARE(w.offset, qsizetype(offset));
    QCOMPARE(w.length, qsizetype(length));
    for (const QString &fragment : fragments)
        QVERIFY2(w.message.contains(fragment),
                 qPrintable(u"«%1» lacks «%2»"_s.arg(w.message, fragment)));
}

void Tst_TagExpression::nullExpression()
{
    const TagExpression none;
    QVERIFY(none.isNull());
    QVERIFY(!none.matches({u"a"_s}));
    QVERIFY(none.normalized().isEmpty());
    QVERIFY(none.tags().isEmpty());
    QCOMPARE(none.tagCount(), 0);
    QVERIFY(!none.isSingleTag());
    QVERIFY(none.checkLimits().ok());
}

void Tst_TagExpression::validateTag_data()
{
    QTest::addColumn<QString>("tag");
    QTest::addColumn<bool>("allowSystem");
    QTest::addColumn<ErrorCode>("code"); // None when valid
    QTest::addColumn<int>("offset");
    QTest::addColumn<QStringList>("fragments");
    QTest::addColumn<int>("warnings");

    QTest::newRow("plain") << u"sports"_s << false << ErrorCode::None << -1 << QStringList() << 0;
    QTest::newRow("colon and at") << u"user:alice@contoso.com"_s << false << ErrorCode::None << -1
                                  << QStringList() << 0;
    QTest::newRow("120") << QString(120, u'a') << false << ErrorCode::None << -1 << QStringList()
                         << 0;
    QTest::newRow("121") << QString(121, u'a') << false << ErrorCode::LimitExceeded << 0
                         << QStringList {u"121 characters"_s, u"120"_s} << 0;
    QTest::newRow("empty") << QString() << false << ErrorCode::Empty << 0 << QStringList() << 0;
    QTest::newRow("space") << u"my tag"_s << false << ErrorCode::Syntax << 2
                           << QStringList {u"' ' at position 3"_s} << 0;
    QTest::newRow("operator characters") << u"a&&b"_s << false << ErrorCode::Syntax << 1
                                         << QStringList {u"'&' at position 2"_s} << 0;
    QTest::newRow("comma without or hint")
        << u"a,b"_s << false << ErrorCode::Syntax << 1 << QStringList {u"',' at position 2"_s} << 0;
    QTest::newRow("system tag refused")
        << u"$InstallationId:{x}"_s << false << ErrorCode::InvalidValue << 0
        << QStringList {u"Tags can not start with $."_s} << 0;
    QTest::newRow("system tag allowed")
        << u"$InstallationId:{x}"_s << true << ErrorCode::None << -1 << QStringList() << 0;
    QTest::newRow("square brackets") << u"$InstallationId:[x]"_s << true << ErrorCode::InvalidValue
                                     << 0 << QStringList {u"$InstallationId:{x}"_s} << 0;
    QTest::newRow("unknown system tag") << u"$Device:{x}"_s << true << ErrorCode::InvalidValue << 0
                                        << QStringList {u"Tags can not start with $."_s} << 0;
    QTest::newRow("non-ASCII") << u"caf\u00E9"_s << false << ErrorCode::None << -1 << QStringList()
                               << 1;
    QTest::newRow("nul") << u"a\0"_s << false << ErrorCode::Syntax << 1
                         << QStringList {u"U+0000 at position 2"_s} << 0;
}

void Tst_TagExpression::validateTag()
{
    QFETCH(QString, tag);
    QFETCH(bool, allowSystem);
    QFETCH(ErrorCode, code);
    QFETCH(int, offset);
    QFETCH(QStringList, fragments);
    QFETCH(int, warnings);

    const Nh::Status status = Nh::validateTag(tag, allowSystem);
    if (code == ErrorCode::None) {
        QVERIFY2(status.ok(), qPrintable(status.ok() ? QString() : describe(status.error())));
        QCOMPARE(status.warnings().size(), warnings);
        return;
    }
    QVERIFY(!status.ok());
    QCOMPARE(status.error().code, code);
    QCOMPARE(status.error().offset, qsizetype(offset));
    for (const QString &fragment : fragments)
        QVERIFY2(status.error().message.contains(fragment),
                 qPrintable(u"«%1» lacks «%2»"_s.arg(status.error().message, fragment)));
    QVERIFY(!status.error().message.contains(u"'||'"_s));
}

void Tst_TagExpression::parseTagList_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected"); // when ok
    QTest::addColumn<ErrorCode>("code"); // None when ok
    QTest::addColumn<int>("offset");
    QTest::addColumn<QStringList>("fragments"); // of the error, or of the first warning
    QTest::addColumn<int>("warnings");

    QTest::newRow("empty") << QString() << QStringList() << ErrorCode::None << -1 << QStringList()
                           << 0;
    QTest::newRow("one") << u"sports"_s << QStringList {u"sports"_s} << ErrorCode::None << -1
                         << QStringList() << 0;
    QTest::newRow("service output") << u"$InstallationId:{8b3e1b9e},tag1"_s
                                    << QStringList {u"$InstallationId:{8b3e1b9e}"_s, u"tag1"_s}
                                    << ErrorCode::None << -1 << QStringList() << 0;
    QTest::newRow("docs with a space")
        << u"myTag, myOtherTag"_s << QStringList {u"myTag"_s, u"myOtherTag"_s} << ErrorCode::None
        << 6 << QStringList {u"'myOtherTag' at position 8"_s, u"without trimming"_s} << 1;
    QTest::newRow("duplicate in other case")
        << u"a,A"_s << QStringList {u"a"_s, u"A"_s} << ErrorCode::None << 2
        << QStringList {u"'A' at position 3"_s} << 1;
    QTest::newRow("61 tags") << chain(61, u","_s) << chain(61, u","_s).split(u',')
                             << ErrorCode::None << 0 << QStringList {u"61 tags"_s, u"60"_s} << 1;
    QTest::newRow("double comma") << u"a,,b"_s << QStringList() << ErrorCode::EmptyField << 2
                                  << QStringList {u"position 3"_s} << 0;
    QTest::newRow("trailing comma") << u"a,"_s << QStringList() << ErrorCode::EmptyField << 2
                                    << QStringList {u"position 3"_s} << 0;
    QTest::newRow("leading comma") << u",a"_s << QStringList() << ErrorCode::EmptyField << 0
                                   << QStringList {u"position 1"_s} << 0;
    QTest::newRow("blank item") << u"a, ,b"_s << QStringList() << ErrorCode::EmptyField << 2
                                << QStringList {u"position 3"_s} << 0;
    QTest::newRow("space inside") << u"a,b c"_s << QStringList() << ErrorCode::Syntax << 3
                                  << QStringList {u"' ' at position 4"_s} << 0;
    QTest::newRow("bad character in the second tag")
        << u"tag1,ta%g2"_s << QStringList() << ErrorCode::Syntax << 7
        << QStringList {u"'%' at position 8"_s} << 0;
    QTest::newRow("unknown dollar tag")
        << u"a,$x"_s << QStringList() << ErrorCode::InvalidValue << 2
        << QStringList {u"Tags can not start with $."_s, u"position 3"_s} << 0;
    QTest::newRow("too long") << u"a,"_s + QString(121, u'b') << QStringList()
                              << ErrorCode::LimitExceeded << 2
                              << QStringList {u"position 3 is 121 characters long"_s} << 0;
}

void Tst_TagExpression::parseTagList()
{
    QFETCH(QString, text);
    QFETCH(QStringList, expected);
    QFETCH(ErrorCode, code);
    QFETCH(int, offset);
    QFETCH(QStringList, fragments);
    QFETCH(int, warnings);

    const auto result = Nh::parseTagList(text);
    if (code != ErrorCode::None) {
        QVERIFY2(!result.ok(), qPrintable(text));
        QCOMPARE(result.error().code, code);
        QCOMPARE(result.error().offset, qsizetype(offset));
        for (const QString &fragment : fragments)
            QVERIFY2(result.error().message.contains(fragment),
                     qPrintable(u"«%1» lacks «%2»"_s.arg(result.error().message, fragment)));
        return;
    }
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : describe(result.error())));
    QCOMPARE(result.value(), expected);
    QVERIFY2(result.warnings().size() == warnings, qPrintable(describe(result.warnings())));
    if (warnings == 0)
        return;
    const Nh::Warning &w = result.warnings().first();
    QCOMPARE(w.offset, qsizetype(offset));
    for (const QString &fragment : fragments)
        QVERIFY2(w.message.contains(fragment),
                 qPrintable(u"«%1» lacks «%2»"_s.arg(w.message, fragment)));
}

QTEST_GUILESS_MAIN(Tst_TagExpression)
#include "tst_tagexpression.moc"
