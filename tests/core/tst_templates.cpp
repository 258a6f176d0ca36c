// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The template expression language (docs/protocol.md §13): the parser against the grammar the
// .NET SDK validates, the renderer against the documentation's examples, the linter against the
// traps of the field. Every row states its input and the expected output or located error.

#include "protocol/payloadbuilder.h"
#include "protocol/templatedocument.h"
#include "protocol/templateexpression.h"
#include "protocol/templatelinter.h"
#include "protocol/templaterenderer.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;
using Nh::ErrorCode;
using Nh::Platform;
using Nh::TemplateExpression;
using Nh::TemplateFinding;
using Nh::TemplateTerm;

namespace {

/// A compact spelling of terms: `$name`, `.title,20`, `%q`, `#n`, `'text'`, `$name:{Guest}`.
QString describeTerms(const TemplateExpression &e)
{
    QStringList parts;
    for (const TemplateTerm &t : e.terms()) {
        QString s;
        switch (t.kind) {
        case TemplateTerm::Kind::Property:
            s = u"$"_s;
            break;
        case TemplateTerm::Kind::Ellipsis:
            s = u"."_s;
            break;
        case TemplateTerm::Kind::UriEncoded:
            s = u"%"_s;
            break;
        case TemplateTerm::Kind::Number:
            s = u"#"_s;
            break;
        case TemplateTerm::Kind::Literal:
            s = u"'"_s;
            break;
        }
        s += t.text;
        if (t.kind == TemplateTerm::Kind::Literal)
            s += u'\'';
        if (t.defaultValue)
            s += u":{"_s + *t.defaultValue + u'}';
        if (t.maxLength >= 0)
            s += u',' + QString::number(t.maxLength);
        parts << s;
    }
    return parts.join(u' ');
}

QString checkName(TemplateFinding::Check c)
{
    using C = TemplateFinding::Check;
    switch (c) {
    case C::Syntax:
        return u"Syntax"_s;
    case C::EmbeddedExpression:
        return u"EmbeddedExpression"_s;
    case C::LeadingWhitespace:
        return u"LeadingWhitespace"_s;
    case C::TypographicQuotes:
        return u"TypographicQuotes"_s;
    case C::ExpressionInKey:
        return u"ExpressionInKey"_s;
    case C::UnbracedChain:
        return u"UnbracedChain"_s;
    case C::BracedNumber:
        return u"BracedNumber"_s;
    case C::DefaultValue:
        return u"DefaultValue"_s;
    case C::WrongBodyKind:
        return u"WrongBodyKind"_s;
    case C::FcmV1WithoutMessage:
        return u"FcmV1WithoutMessage"_s;
    case C::NonStringData:
        return u"NonStringData"_s;
    case C::MissingWnsType:
        return u"MissingWnsType"_s;
    case C::EmptyHeader:
        return u"EmptyHeader"_s;
    case C::ApnsHeadersInInstallation:
        return u"ApnsHeadersInInstallation"_s;
    case C::NameTooLong:
        return u"NameTooLong"_s;
    }
    return {};
}

/// "E:Syntax@25" / "W:EmbeddedExpression@23" for each finding, in order.
QStringList describeFindings(const Nh::TemplateLint &lint)
{
    QStringList out;
    for (const TemplateFinding &f : lint.findings) {
        out << (f.severity == TemplateFinding::Severity::Error ? u"E:"_s : u"W:"_s)
                + checkName(f.check) + u'@' + QString::number(f.offset);
    }
    return out;
}

Nh::TemplateProperties props(const QStringList &pairs)
{
    Nh::TemplateProperties out;
    for (const QString &p : pairs) {
        const qsizetype eq = p.indexOf(u'=');
        out.append({p.left(eq), p.mid(eq + 1)});
    }
    return out;
}

Nh::TemplateSource source(Platform platform, const QString &body,
                          const QList<Nh::TemplateHeader> &headers = {})
{
    Nh::TemplateSource s;
    s.platform = platform;
    s.body = body;
    s.headers = headers;
    return s;
}

constexpr int kOk = -1;

} // namespace

class Tst_Templates final : public QObject
{
    Q_OBJECT
private slots:
    void parse_data();
    void parse();
    void serviceText_data();
    void serviceText();
    void documentValues();
    void documentErrors_data();
    void documentErrors();
    void render_data();
    void render();
    void substitutions();
    void renderHeaders();
    void renderValidation_data();
    void renderValidation();
    void lint_data();
    void lint();
    void lintFixes_data();
    void lintFixes();
    void everyCut();
};

void Tst_Templates::parse_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<int>("form"); // TemplateExpression::Form, or kOk when an error is expected
    QTest::addColumn<QString>("terms");
    QTest::addColumn<int>("errorCode"); // ErrorCode, kOk when valid
    QTest::addColumn<int>("errorOffset");

    using F = TemplateExpression::Form;
    auto ok = [](const char *name, const QString &v, F form, const QString &terms) {
        QTest::newRow(name) << v << int(form) << terms << kOk << kOk;
    };
    auto bad = [](const char *name, const QString &v, ErrorCode code, int offset) {
        QTest::newRow(name) << v << kOk << QString() << int(code) << offset;
    };

    // The documented table ([DOC-TPL]).
    ok("doc $(prop)", u"$(prop)"_s, F::Single, u"$prop"_s);
    ok("doc $(prop, n)", u"$(title, 20)"_s, F::Single, u"$title,20"_s);
    ok("doc .(prop, n)", u".(title, 20)"_s, F::Single, u".title,20"_s);
    ok("doc %(prop)", u"%(prop)"_s, F::Single, u"%prop"_s);
    ok("doc #(prop)", u"#(badge)"_s, F::Numeric, u"#badge"_s);
    ok("doc concatenation", u"{$(prop) + ' - ' + $(prop2)}"_s, F::Composite,
       u"$prop ' - ' $prop2"_s);
    ok("doc WNS example", u"{'Hi, ' + $(name)}"_s, F::Composite, u"'Hi, ' $name"_s);
    // The first character decides.
    ok("literal text", u"Hello $(name)"_s, F::Literal, QString());
    ok("literal leading space", u" $(x)"_s, F::Literal, QString());
    ok("literal quoted alone", u"'text'"_s, F::Literal, QString());
    ok("literal empty", QString(), F::Literal, QString());
    ok("literal blanks", u"   "_s, F::Literal, QString());
    ok("literal typographic", u"\u2018Hi\u2019"_s, F::Literal, QString());
    // Grammar details of the SDK validator.
    ok("unbraced chain", u"$(a) + ' ' + $(b)"_s, F::Single, u"$a ' ' $b"_s);
    ok("braced hash", u"{#(x)}"_s, F::Composite, u"#x"_s);
    ok("spaces inside", u"{  $( name )+'x'  }"_s, F::Composite, u"$name 'x'"_s);
    ok("doubled single quote", u"{'it''s' + $(x)}"_s, F::Composite, u"'it's' $x"_s);
    ok("doubled double quote", u"{\"say \"\"hi\"\"\"}"_s, F::Composite, u"'say \"hi\"'"_s);
    ok("length zero", u"$(p, 0)"_s, F::Single, u"$p,0"_s);
    ok("length with sign", u"$(p,+5)"_s, F::Single, u"$p,5"_s);
    ok("property named body", u"$(body)"_s, F::Single, u"$body"_s);
    ok("name of 120", u"$("_s + QString(120, u'a') + u')', F::Single, u"$"_s + QString(120, u'a'));
    ok("default value", u"$(name:{Guest})"_s, F::Single, u"$name:{Guest}"_s);
    ok("default with escaped brace", u"$(name:{a\\}b}, 3)"_s, F::Single, u"$name:{a\\}b},3"_s);
    ok("trailing spaces", u"$(a)  "_s, F::Single, u"$a"_s);

    // What the validator refuses, located.
    bad("text after a term", u"$(name) is here"_s, ErrorCode::Syntax, 8);
    bad("no operator in braces", u"{$(a) $(b)}"_s, ErrorCode::Syntax, 6);
    bad("hash in composite", u"{#(x) + 'a'}"_s, ErrorCode::Syntax, 1);
    bad("hash in unbraced chain", u"#(x) + $(y)"_s, ErrorCode::Syntax, 0);
    bad("hash after a term", u"{$(y) + #(x)}"_s, ErrorCode::Syntax, 8);
    bad("dollar amount", u"$5 off"_s, ErrorCode::Syntax, 1);
    bad("ellipsis text", u"...more"_s, ErrorCode::Syntax, 1);
    bad("hashtag", u"#tag"_s, ErrorCode::Syntax, 1);
    bad("json-looking text", u"{json}"_s, ErrorCode::Syntax, 1);
    bad("typographic quotes in braces", u"{\u2018 - \u2019}"_s, ErrorCode::Syntax, 1);
    bad("unclosed term", u"$(p"_s, ErrorCode::Syntax, 0);
    bad("dot without length", u".(title)"_s, ErrorCode::Syntax, 0);
    bad("percent with length", u"%(p, 3)"_s, ErrorCode::Syntax, 3);
    bad("hash with length", u"#(p,1)"_s, ErrorCode::Syntax, 3);
    bad("length not a number", u"$(p, x)"_s, ErrorCode::InvalidValue, 4);
    bad("negative length", u"$(p, -1)"_s, ErrorCode::InvalidValue, 4);
    bad("length overflows int", u"$(p, 2147483648)"_s, ErrorCode::InvalidValue, 4);
    bad("literal not closed", u"{'abc}"_s, ErrorCode::Syntax, 1);
    bad("bad property character", u"$(na-me)"_s, ErrorCode::InvalidValue, 2);
    bad("non-ASCII property", u"$(\u00f1)"_s, ErrorCode::InvalidValue, 2);
    bad("empty property", u"$()"_s, ErrorCode::InvalidValue, 0);
    bad("name of 121", u"$("_s + QString(121, u'a') + u')', ErrorCode::LimitExceeded, 2);
    bad("$body", u"$body"_s, ErrorCode::InvalidValue, 0);
    bad("default without name", u"$(:{x})"_s, ErrorCode::Syntax, 2);
    bad("default not closed", u"$(n:{x)"_s, ErrorCode::Syntax, 3);
    bad("empty braces", u"{}"_s, ErrorCode::Syntax, 1);
    bad("nothing after plus", u"{$(a) + }"_s, ErrorCode::Syntax, 7);
    bad("unbraced nothing after plus", u"$(a) + "_s, ErrorCode::Syntax, 7);
    bad("brace not closed", u"{$(a)"_s, ErrorCode::Syntax, 4);
    bad("brace then space", u"{$(a)} "_s, ErrorCode::Syntax, 6);
}

void Tst_Templates::parse()
{
    QFETCH(QString, value);
    QFETCH(int, form);
    QFETCH(QString, terms);
    QFETCH(int, errorCode);
    QFETCH(int, errorOffset);

    const auto e = TemplateExpression::parse(value);
    if (errorCode == kOk) {
        QVERIFY2(e.ok(), qPrintable(e.ok() ? QString() : e.error().message));
        QCOMPARE(int(e->form()), form);
        QCOMPARE(describeTerms(*e), terms);
        for (const TemplateTerm &t : e->terms())
            QVERIFY(t.offset >= 0 && t.offset + t.length <= value.size());
        QVERIFY(TemplateExpression::serviceErrorText(value).isEmpty());
        return;
    }
    QVERIFY2(!e.ok(), qPrintable(e.ok() ? describeTerms(*e) : QString()));
    QCOMPARE(int(e.error().code), errorCode);
    QCOMPARE(e.error().offset, errorOffset);
    QVERIFY(e.error().offset + e.error().length <= value.size());
    QVERIFY2(e.error().message.contains(QString::number(errorOffset + 1)),
             qPrintable(e.error().message));
    QVERIFY(!TemplateExpression::serviceErrorText(value).isEmpty());
}

void Tst_Templates::serviceText_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("text");
    // The .NET SDK's own texts, which the emulator answers with (docs/protocol.md §13.6).
    QTest::newRow("composition") << u"$(name) is here"_s
                                 << u"Expression is $(name) is here. Only valid composition "
                                    "operator is +. Current invalid token is : is here"_s;
    QTest::newRow("hash") << u"{#(x) + 'a'}"_s
                          << u"Token type '#(prop)' is not allowed in composite expression."_s;
    QTest::newRow("open parenthesis")
        << u"$5 off"_s
        << u"Expression is $5 off. The character following $ or . or % should be a ( The "
           "current invalid token is $5 off"_s;
    QTest::newRow("dot") << u".(t)"_s
                         << u"Expression is .(t). Error trying to parse for .(prop , n) format. "
                            "The current invalid token is .(t)"_s;
    QTest::newRow("property") << u"$(a-b)"_s
                              << u"Property name is a-b. Only ASCII-7 alphanumeric characters "
                                 "and '_' are permitted in the property name"_s;
    QTest::newRow("brace") << u"{$(a)"_s
                           << u"Expression is {$(a). Error is closing parenthesis is missing"_s;
    QTest::newRow("body") << u"$body"_s << u"Expression type '$body' is not supported."_s;
    QTest::newRow("length") << u"$(p, x)"_s
                            << u"Expression is $(p, x).  x is not a positive integer. The "
                               "current invalid token is $(p, x)"_s;
}

void Tst_Templates::serviceText()
{
    QFETCH(QString, value);
    QFETCH(QString, text);
    QCOMPARE(TemplateExpression::serviceErrorText(value), text);
}

void Tst_Templates::documentValues()
{
    const QString body =
        uR"T({"aps":{"alert":"{$(Title) + ': ' + $(body)}","badge":"#(badge)"},"x":"$(title)","n":3})T"_s;
    const auto doc = Nh::TemplateDocument::parse(source(Platform::Apple, body));
    QVERIFY(doc.ok());
    QCOMPARE(doc->bodyKind(), Nh::TemplateDocument::BodyKind::Json);
    QCOMPARE(doc->values().size(), 3);
    QCOMPARE(doc->values().at(0).path, u"aps.alert"_s);
    QCOMPARE(doc->values().at(1).path, u"aps.badge"_s);
    QCOMPARE(doc->properties(), (QStringList {u"Title"_s, u"body"_s, u"badge"_s}));
    for (const Nh::TemplateSlot &s : doc->values())
        QCOMPARE(body.mid(s.offset, s.length), u'"' + s.value + u'"');

    // XML: attribute values and leaf text, with entities decoded and positions kept.
    const QString xml =
        uR"T(<toast launch="$(id)"><visual><binding template="ToastGeneric"><text id="1">{'a &amp; b ' + $(m)}</text><image src="%(img)"/></binding></visual></toast>)T"_s;
    const auto x = Nh::TemplateDocument::parse(source(Platform::Windows, xml));
    QVERIFY2(x.ok(), qPrintable(x.ok() ? QString() : x.error().message));
    QCOMPARE(x->bodyKind(), Nh::TemplateDocument::BodyKind::Xml);
    QStringList paths;
    for (const Nh::TemplateSlot &s : x->values())
        paths << s.path + u'=' + s.value;
    QCOMPARE(
        paths,
        (QStringList {u"toast/@launch=$(id)"_s, u"toast/visual/binding/@template=ToastGeneric"_s,
                      u"toast/visual/binding/text/@id=1"_s,
                      u"toast/visual/binding/text={'a & b ' + $(m)}"_s,
                      u"toast/visual/binding/image/@src=%(img)"_s}));
    QCOMPARE(x->properties(), (QStringList {u"id"_s, u"m"_s, u"img"_s}));
}

void Tst_Templates::documentErrors_data()
{
    QTest::addColumn<QString>("body");
    QTest::addColumn<int>("offset"); // in the body
    QTest::addColumn<bool>("documentFails");

    QTest::newRow("not JSON or XML") << u"hello"_s << 0 << true;
    QTest::newRow("empty") << QString() << 0 << true;
    QTest::newRow("malformed JSON") << uR"T({"aps":{"alert":"x",}})T"_s << 20 << true;
    QTest::newRow("malformed XML") << u"<toast><visual></toast>"_s << -2 << true;
    // A value error is located in the body, past the escapes before it.
    QTest::newRow("value error") << uR"T({"aps":{"alert":"$(name) is here"}})T"_s << 25 << false;
    QTest::newRow("value error after escape") << uR"T({"a":"{'\"' + $(x) y}"})T"_s << 19 << false;
    QTest::newRow("value error non-ASCII before")
        << u"{\"\u00e9\":\"x\",\"a\":\"$(n) y\"}"_s << 19 << false;
    QTest::newRow("xml entity before error")
        << u"<toast><text>{'&lt;' + $(a) b}</text></toast>"_s << 28 << false;
}

void Tst_Templates::documentErrors()
{
    QFETCH(QString, body);
    QFETCH(int, offset);
    QFETCH(bool, documentFails);
    const auto doc = Nh::TemplateDocument::parse(source(Platform::Apple, body));
    if (documentFails) {
        QVERIFY(!doc.ok());
        QVERIFY(doc.error().isLocated());
        if (offset >= 0)
            QCOMPARE(doc.error().offset, offset);
        QCOMPARE(doc.error().where, u"BodyTemplate"_s);
        return;
    }
    QVERIFY(doc.ok());
    const auto error = doc->firstError();
    QVERIFY(error.has_value());
    QCOMPARE(error->offset, offset);
    QCOMPARE(error->where, u"BodyTemplate"_s);
}

void Tst_Templates::render_data()
{
    QTest::addColumn<int>("platform");
    QTest::addColumn<QString>("body");
    QTest::addColumn<QStringList>("properties");
    QTest::addColumn<bool>("legacyEllipsis");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QStringList>("missing");

    const int apple = int(Platform::Apple);
    const int wns = int(Platform::Windows);
    auto row = [](const char *name, int platform, const QString &body, const QStringList &props,
                  const QString &expected, const QStringList &missing = {}, bool legacy = false) {
        QTest::newRow(name) << platform << body << props << legacy << expected << missing;
    };

    row("doc iOS example", apple, uR"T({"aps":{"alert":"$(message)"}})T"_s, {u"message=Hello"_s},
        uR"T({"aps":{"alert":"Hello"}})T"_s);
    row("names are case-insensitive", apple, uR"T({"aps":{"alert":"$(MESSAGE)"}})T"_s,
        {u"message=Hi"_s}, uR"T({"aps":{"alert":"Hi"}})T"_s);
    row("missing renders empty", apple, uR"T({"aps":{"alert":"$(message)"}})T"_s, {},
        uR"T({"aps":{"alert":""}})T"_s, {u"message"_s});
    row("clip", apple, uR"T({"aps":{"alert":"$(title, 5)"}})T"_s, {u"title=Hello world"_s},
        uR"T({"aps":{"alert":"Hello"}})T"_s);
    row("clip zero", apple, uR"T({"aps":{"alert":"$(title, 0)"}})T"_s, {u"title=Hello"_s},
        uR"T({"aps":{"alert":""}})T"_s);
    row("doc ellipsis example", apple, uR"T({"aps":{"alert":".(title, 20)"}})T"_s,
        {u"title=This is the title line"_s}, uR"T({"aps":{"alert":"This is the title..."}})T"_s);
    row("ellipsis short enough", apple, uR"T({"aps":{"alert":".(title, 20)"}})T"_s,
        {u"title=Short"_s}, uR"T({"aps":{"alert":"Short"}})T"_s);
    row("legacy ellipsis keeps n+3", apple, uR"T({"aps":{"alert":".(title, 20)"}})T"_s,
        {u"title=This is the title line"_s}, uR"T({"aps":{"alert":"This is the title line"}})T"_s,
        {}, true);
    row("legacy ellipsis clips past n+3", apple, uR"T({"aps":{"alert":".(t, 4)"}})T"_s,
        {u"t=abcdefghij"_s}, uR"T({"aps":{"alert":"abcd..."}})T"_s, {}, true);
    row("uri-encoded", apple, uR"T({"aps":{"alert":"%(q)"}})T"_s, {u"q=a b&c/\u00e9~_.-"_s},
        uR"T({"aps":{"alert":"a%20b%26c%2F%C3%A9~_.-"}})T"_s);
    row("doc badge number", apple, uR"T({"aps":{"badge":"#(badge)"}})T"_s, {u"badge=40"_s},
        uR"T({"aps":{"badge":40}})T"_s);
    row("number with fraction and exponent", apple, uR"T({"aps":{"badge":"#(n)"}})T"_s,
        {u"n=1.5e+3"_s}, uR"T({"aps":{"badge":1.5e+3}})T"_s);
    row("not a number stays a string", apple, uR"T({"aps":{"badge":"#(n)"}})T"_s, {u"n=forty"_s},
        uR"T({"aps":{"badge":"forty"}})T"_s);
    row("minus is not in the documented pattern", apple, uR"T({"aps":{"badge":"#(n)"}})T"_s,
        {u"n=-1"_s}, uR"T({"aps":{"badge":"-1"}})T"_s);
    row("leading zero is not a number", apple, uR"T({"aps":{"badge":"#(n)"}})T"_s, {u"n=01"_s},
        uR"T({"aps":{"badge":"01"}})T"_s);
    row("missing number renders empty string", apple, uR"T({"aps":{"badge":"#(n)"}})T"_s, {},
        uR"T({"aps":{"badge":""}})T"_s, {u"n"_s});
    row("braced hash is a string", apple, uR"T({"aps":{"badge":"{#(n)}"}})T"_s, {u"n=40"_s},
        uR"T({"aps":{"badge":"40"}})T"_s);
    row("literal sent unchanged", apple, uR"T({"aps":{"alert":"Hello $(name)"}})T"_s,
        {u"name=Ann"_s}, uR"T({"aps":{"alert":"Hello $(name)"}})T"_s);
    row("concatenation", apple, uR"T({"aps":{"alert":"{'Hi, ' + $(name) + '!'}"}})T"_s,
        {u"name=Ann"_s}, uR"T({"aps":{"alert":"Hi, Ann!"}})T"_s);
    row("unbraced chain", apple, uR"T({"aps":{"alert":"$(a) + ' ' + $(b)"}})T"_s,
        {u"a=x"_s, u"b=y"_s}, uR"T({"aps":{"alert":"x y"}})T"_s);
    row("json escaping", apple, uR"T({"aps":{"alert":"$(m)"}})T"_s, {u"m=He said \"hi\"\\\n"_s},
        uR"T({"aps":{"alert":"He said \"hi\"\\\n"}})T"_s);
    row("json-looking property arrives as text", apple, uR"T({"aps":{"alert":"$(m)"}})T"_s,
        {u"m={\"a\":1}"_s}, uR"T({"aps":{"alert":"{\"a\":1}"}})T"_s);
    row("default when missing", apple, uR"T({"aps":{"alert":"$(name:{Guest})"}})T"_s, {},
        uR"T({"aps":{"alert":"Guest"}})T"_s, {u"name"_s});
    row("default not used when present", apple, uR"T({"aps":{"alert":"$(name:{Guest})"}})T"_s,
        {u"name=Ann"_s}, uR"T({"aps":{"alert":"Ann"}})T"_s);
    row("first of two spellings wins", apple, uR"T({"aps":{"alert":"$(name)"}})T"_s,
        {u"Name=first"_s, u"name=second"_s}, uR"T({"aps":{"alert":"first"}})T"_s);
    row("non-ASCII around", apple, u"{\"\u00e9\":\"\u00e9\",\"aps\":{\"alert\":\"$(x)\"}}"_s,
        {u"x=\u00fc"_s}, u"{\"\u00e9\":\"\u00e9\",\"aps\":{\"alert\":\"\u00fc\"}}"_s);
    row("doc WNS example", wns,
        uR"T(<toast><visual><binding template="ToastText01"><text id="1">$(message)</text></binding></visual></toast>)T"_s,
        {u"message=a < b & c"_s},
        uR"T(<toast><visual><binding template="ToastText01"><text id="1">a &lt; b &amp; c</text></binding></visual></toast>)T"_s);
    row("doc WNS concatenation and image", wns,
        uR"T(<toast><visual><binding template="ToastImageAndText01"><image id="1" src="$(day1_image)" alt="alt text"/><text id="1">{'Hi, ' + $(name)}</text></binding></visual></toast>)T"_s,
        {u"day1_image=http://x/a.png?a=1&b=\"2\""_s, u"name=Ann"_s},
        uR"T(<toast><visual><binding template="ToastImageAndText01"><image id="1" src="http://x/a.png?a=1&amp;b=&quot;2&quot;" alt="alt text"/><text id="1">Hi, Ann</text></binding></visual></toast>)T"_s);
    row("XML hash is text", wns, uR"T(<badge value="#(count)"/>)T"_s, {u"count=7"_s},
        uR"T(<badge value="7"/>)T"_s);
}

void Tst_Templates::render()
{
    QFETCH(int, platform);
    QFETCH(QString, body);
    QFETCH(QStringList, properties);
    QFETCH(bool, legacyEllipsis);
    QFETCH(QString, expected);
    QFETCH(QStringList, missing);

    Nh::TemplateRenderOptions options;
    if (legacyEllipsis)
        options.ellipsis = Nh::TemplateEllipsisRule::Legacy;
    const auto r = Nh::TemplateRenderer::render(
        source(Platform(platform), body), Nh::TemplatePropertyBag(props(properties)), options);
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
    QCOMPARE(r->body, expected);
    QCOMPARE(r->missingProperties, missing);
    for (const Nh::TemplateSubstitution &s : r->substitutions) {
        if (s.field == Nh::TemplateField::Body && !s.number && platform == int(Platform::Apple))
            QCOMPARE(r->body.mid(s.offset - 1, s.length + 2),
                     QString::fromUtf8(Nh::jsonQuote(s.text)));
        QVERIFY(s.offset >= 0 && s.offset + s.length <= r->body.size());
    }
}

void Tst_Templates::substitutions()
{
    const QString body = uR"T({"aps":{"alert":"$(message)","sound":"$(sound)","badge":"#(n)"}})T"_s;
    const auto r = Nh::TemplateRenderer::render(
        source(Platform::Apple, body), Nh::TemplatePropertyBag(props({u"message=Hi"_s, u"n=3"_s})));
    QVERIFY(r.ok());
    QCOMPARE(r->body, uR"T({"aps":{"alert":"Hi","sound":"","badge":3}})T"_s);
    QCOMPARE(r->substitutions.size(), 3);
    const auto &alert = r->substitutions.at(0);
    QCOMPARE(alert.path, u"aps.alert"_s);
    QCOMPARE(r->body.mid(alert.offset, alert.length), u"Hi"_s);
    QCOMPARE(body.mid(alert.templateOffset, alert.templateLength), u"\"$(message)\""_s);
    QVERIFY(!alert.empty);
    const auto &sound = r->substitutions.at(1);
    QVERIFY(sound.empty);
    QCOMPARE(sound.missing, QStringList {u"sound"_s});
    QCOMPARE(sound.length, 0);
    QCOMPARE(r->body.mid(sound.offset - 1, 2), u"\"\""_s);
    const auto &badge = r->substitutions.at(2);
    QVERIFY(badge.number);
    QCOMPARE(r->body.mid(badge.offset, badge.length), u"3"_s);
    QVERIFY(r->hasEmptySubstitutions());
    QVERIFY2(r->validation.ok(),
             qPrintable(r->validation.ok() ? QString() : r->validation.error().message));
}

void Tst_Templates::renderHeaders()
{
    Nh::TemplateSource s = source(
        Platform::Windows,
        uR"T(<toast><visual><binding template="ToastGeneric"><text>$(m)</text></binding></visual></toast>)T"_s,
        {{u"X-WNS-Type"_s, u"$(type)"_s}, {u"X-WNS-Tag"_s, u"fixed"_s}});
    auto r = Nh::TemplateRenderer::render(
        s, Nh::TemplatePropertyBag(props({u"m=Hi"_s, u"type=wns/toast"_s})));
    QVERIFY(r.ok());
    QCOMPARE(r->headers,
             (Nh::HttpHeaders {{"X-WNS-Type"_ba, "wns/toast"_ba}, {"X-WNS-Tag"_ba, "fixed"_ba}}));
    QVERIFY(r->validation.ok());
    // A header that renders to something WNS refuses makes the payload invalid.
    r = Nh::TemplateRenderer::render(s, Nh::TemplatePropertyBag(props({u"m=Hi"_s})));
    QVERIFY(r.ok());
    QVERIFY(!r->validation.ok());
    QCOMPARE(r->missingProperties, QStringList {u"type"_s});

    // APNs expiry and priority are templates too.
    Nh::TemplateSource apple = source(Platform::Apple, uR"T({"aps":{"alert":"x"}})T"_s);
    apple.expiry = u"$(exp)"_s;
    apple.priority = u"$(prio)"_s;
    r = Nh::TemplateRenderer::render(
        apple, Nh::TemplatePropertyBag(props({u"exp=2030-01-01T00:00:00Z"_s, u"prio=high"_s})));
    QVERIFY(r.ok());
    QCOMPARE(r->expiry, u"2030-01-01T00:00:00Z"_s);
    QCOMPARE(r->priority, u"high"_s);
    QVERIFY(r->validation.ok());
    QCOMPARE(r->validation.warnings().size(), 1); // the priority is not a byte
    QCOMPARE(r->substitutions.size(), 2);
    QCOMPARE(r->substitutions.at(0).field, Nh::TemplateField::Expiry);

    // #() in a header is text, even beside a JSON body.
    Nh::TemplateSource collapse = source(Platform::Apple, uR"T({"aps":{"badge":"#(n)"}})T"_s,
                                         {{u"apns-collapse-id"_s, u"#(n)"_s}});
    r = Nh::TemplateRenderer::render(collapse, Nh::TemplatePropertyBag({{u"n"_s, u"5"_s}}));
    QVERIFY(r.ok());
    QCOMPARE(r->body, uR"T({"aps":{"badge":5}})T"_s);
    QCOMPARE(r->headers, (Nh::HttpHeaders {{"apns-collapse-id"_ba, "5"_ba}}));
    QVERIFY(r->substitutions.at(0).number);
    QVERIFY(!r->substitutions.at(1).number);
}

void Tst_Templates::renderValidation_data()
{
    QTest::addColumn<int>("platform");
    QTest::addColumn<QString>("body");
    QTest::addColumn<QString>("value");
    QTest::addColumn<int>("errorCode"); // kOk: valid
    QTest::addColumn<int>("warnings");

    QTest::newRow("APNs fine") << int(Platform::Apple) << uR"T({"aps":{"alert":"$(m)"}})T"_s
                               << u"Hi"_s << kOk << 0;
    QTest::newRow("APNs over 4 KB warns")
        << int(Platform::Apple) << uR"T({"aps":{"alert":"$(m)"}})T"_s << QString(5000, u'x') << kOk
        << 1;
    QTest::newRow("over 64 KB is refused")
        << int(Platform::Apple) << uR"T({"aps":{"alert":"$(m)"}})T"_s << QString(70000, u'x')
        << int(ErrorCode::LimitExceeded) << 0;
    QTest::newRow("FCM v1 without message")
        << int(Platform::FcmV1) << uR"T({"notification":{"title":"$(m)"}})T"_s << u"Hi"_s
        << int(ErrorCode::MissingField) << 0;
    QTest::newRow("FCM v1 number in data")
        << int(Platform::FcmV1) << uR"T({"message":{"data":{"n":"#(m)"}}})T"_s << u"5"_s
        << int(ErrorCode::InvalidValue) << 0;
    QTest::newRow("FCM v1 fine") << int(Platform::FcmV1)
                                 << uR"T({"message":{"notification":{"title":"$(m)"}}})T"_s
                                 << u"Hi"_s << kOk << 0;
    QTest::newRow("WNS root unknown")
        << int(Platform::Windows) << uR"T(<note><text>$(m)</text></note>)T"_s << u"Hi"_s
        << int(ErrorCode::UnexpectedRoot) << 0;
}

void Tst_Templates::renderValidation()
{
    QFETCH(int, platform);
    QFETCH(QString, body);
    QFETCH(QString, value);
    QFETCH(int, errorCode);
    QFETCH(int, warnings);
    const auto r = Nh::TemplateRenderer::render(source(Platform(platform), body),
                                                Nh::TemplatePropertyBag({{u"m"_s, value}}));
    QVERIFY(r.ok());
    if (errorCode == kOk) {
        QVERIFY2(r->validation.ok(),
                 qPrintable(r->validation.ok() ? QString() : r->validation.error().message));
        QCOMPARE(r->validation.warnings().size(), warnings);
        return;
    }
    QVERIFY(!r->validation.ok());
    QCOMPARE(int(r->validation.error().code), errorCode);
    const Nh::Error &e = r->validation.error();
    QVERIFY(e.offset <= r->body.size());
}

void Tst_Templates::lint_data()
{
    QTest::addColumn<int>("platform");
    QTest::addColumn<QString>("body");
    QTest::addColumn<QStringList>("headers"); // "Name: value"
    QTest::addColumn<bool>("installation");
    QTest::addColumn<QStringList>("findings");

    const int apple = int(Platform::Apple);
    const int fcm = int(Platform::FcmV1);
    const int wns = int(Platform::Windows);
    const QStringList wnsToast {u"X-WNS-Type: wns/toast"_s};
    auto row = [](const char *name, int platform, const QString &body, const QStringList &headers,
                  const QStringList &findings, bool installation = false) {
        QTest::newRow(name) << platform << body << headers << installation << findings;
    };

    row("clean", apple, uR"T({"aps":{"alert":"{'Hi, ' + $(name)}","badge":"#(n)"}})T"_s, {}, {});
    row("embedded expression", apple, uR"T({"aps":{"alert":"Hello $(name)"}})T"_s, {},
        {u"W:EmbeddedExpression@23"_s});
    row("text after expression", apple, uR"T({"aps":{"alert":"$(name) is here"}})T"_s, {},
        {u"E:Syntax@25"_s});
    row("leading white space", apple, uR"T({"aps":{"alert":" $(name)"}})T"_s, {},
        {u"W:LeadingWhitespace@17"_s});
    row("typographic quotes in braces", apple,
        u"{\"aps\":{\"alert\":\"{\u2018Hi \u2019 + $(name)}\"}}"_s, {}, {u"E:Syntax@18"_s});
    row("typographic quotes first", apple, u"{\"aps\":{\"alert\":\"\u2018Hi \u2019 + $(name)\"}}"_s,
        {}, {u"W:EmbeddedExpression@25"_s, u"W:TypographicQuotes@17"_s});
    row("unbraced chain", apple, uR"T({"aps":{"alert":"$(a) + ' ' + $(b)"}})T"_s, {},
        {u"W:UnbracedChain@17"_s});
    row("braced number", apple, uR"T({"aps":{"badge":"{#(n)}"}})T"_s, {}, {u"W:BracedNumber@17"_s});
    row("hash in composite", apple, uR"T({"aps":{"alert":"{#(n) + 'x'}"}})T"_s, {},
        {u"E:Syntax@18"_s});
    row("dollar amount", apple, uR"T({"aps":{"alert":"$5 off"}})T"_s, {}, {u"E:Syntax@18"_s});
    row("expression in key", apple, uR"T({"$(key)":"x","aps":{"alert":"y"}})T"_s, {},
        {u"W:ExpressionInKey@1"_s});
    row("default value", apple, uR"T({"aps":{"alert":"$(name:{Guest})"}})T"_s, {},
        {u"W:DefaultValue@17"_s});
    row("XML for APNs", apple, uR"T(<toast><text>$(m)</text></toast>)T"_s, {},
        {u"E:WrongBodyKind@0"_s});
    row("not a document", apple, u"hello"_s, {}, {u"E:Syntax@0"_s});
    row("FCM v1 without message", fcm, uR"T({"notification":{"title":"$(t)"}})T"_s, {},
        {u"W:FcmV1WithoutMessage@0"_s});
    row("FCM v1 non-string data", fcm,
        uR"T({"message":{"data":{"count":"#(n)","flag":true,"s":"$(s)"}}})T"_s, {},
        {u"W:NonStringData@35"_s, u"W:NonStringData@28"_s});
    row("FCM v1 fine", fcm,
        uR"T({"message":{"notification":{"title":"$(t)"},"data":{"a":"$(a)"}}})T"_s, {}, {});
    row("WNS without X-WNS-Type", wns,
        uR"T(<toast><visual><binding template="ToastGeneric"><text>$(m)</text></binding></visual></toast>)T"_s,
        {}, {u"W:MissingWnsType@-1"_s});
    row("WNS fine", wns,
        uR"T(<toast><visual><binding template="ToastGeneric"><text>$(m)</text></binding></visual></toast>)T"_s,
        wnsToast, {});
    row("WNS expression in a name", wns,
        uR"T(<toast><visual><binding $(property)><text>x</text></binding></visual></toast>)T"_s,
        wnsToast, {u"E:Syntax@-2"_s, u"W:ExpressionInKey@24"_s});
    row("WNS issue 266", wns,
        uR"T(<toast><visual><binding template="ToastGeneric"><text>Test +{$(object)}</text></binding></visual></toast>)T"_s,
        wnsToast, {u"W:EmbeddedExpression@61"_s});
    row("WNS empty header", wns, uR"T(<badge value="1"/>)T"_s,
        {u"X-WNS-Type: wns/badge"_s, u"X-WNS-Tag: "_s}, {u"E:EmptyHeader@-1"_s});
    row("WNS bad header template", wns, uR"T(<badge value="1"/>)T"_s, {u"X-WNS-Type: $(t"_s},
        {u"E:Syntax@0"_s});
    row("APNs headers in an installation", apple, uR"T({"aps":{"alert":"x"}})T"_s,
        {u"apns-priority: 5"_s}, {u"W:ApnsHeadersInInstallation@-1"_s}, true);
    row("template name of 201", apple, uR"T({"aps":{"alert":"x"}})T"_s, {},
        {u"E:NameTooLong@-1"_s});
    row("APNs headers in a registration", apple, uR"T({"aps":{"alert":"x"}})T"_s,
        {u"apns-priority: 5"_s}, {});
}

void Tst_Templates::lint()
{
    QFETCH(int, platform);
    QFETCH(QString, body);
    QFETCH(QStringList, headers);
    QFETCH(bool, installation);
    QFETCH(QStringList, findings);

    Nh::TemplateSource s = source(Platform(platform), body);
    for (const QString &h : headers) {
        const qsizetype colon = h.indexOf(u':');
        s.headers.append({h.left(colon), h.mid(colon + 1).trimmed()});
    }
    s.installationTemplate = installation;
    if (QByteArrayView(QTest::currentDataTag()) == "template name of 201")
        s.name = QString(201, u'n');
    const Nh::TemplateLint lint = Nh::TemplateLinter::lint(s);
    QStringList got = describeFindings(lint);
    // A malformed XML body is located by line/column; its offset is not pinned here.
    for (QString &g : got) {
        if (g.startsWith(u"E:Syntax@") && findings.contains(u"E:Syntax@-2"_s)
            && body.startsWith(u'<'))
            g = u"E:Syntax@-2"_s;
    }
    QCOMPARE(got, findings);
    for (const TemplateFinding &f : lint.findings) {
        QVERIFY(!f.message.isEmpty());
        QVERIFY(f.severity == TemplateFinding::Severity::Warning || f.code != ErrorCode::None);
    }
    QCOMPARE(lint.hasErrors(), findings.join(u' ').contains(u"E:"_s));
}

void Tst_Templates::lintFixes_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("fix");

    QTest::newRow("embedded") << u"Hello $(name)"_s << u"{'Hello ' + $(name)}"_s;
    QTest::newRow("text after") << u"$(name) is here"_s << u"{$(name) + ' is here'}"_s;
    QTest::newRow("apostrophe") << u"It's $(n)"_s << u"{'It''s ' + $(n)}"_s;
    QTest::newRow("dollar amount") << u"$5 off"_s << u"{'$5 off'}"_s;
    QTest::newRow("typographic") << u"{\u2018Hi \u2019 + $(name)}"_s << u"{'Hi ' + $(name)}"_s;
    QTest::newRow("hash joined") << u"{#(n) + ' items'}"_s << u"{$(n) + ' items'}"_s;
    QTest::newRow("unbraced") << u"$(a) + $(b)"_s << u"{$(a) + $(b)}"_s;
    QTest::newRow("leading space") << u"  $(a)"_s << u"$(a)"_s;
}

void Tst_Templates::lintFixes()
{
    QFETCH(QString, value);
    QFETCH(QString, fix);
    const QString body =
        u"{\"aps\":{\"alert\":"_s + QString::fromUtf8(Nh::jsonQuote(value)) + u"}}"_s;
    const Nh::TemplateLint lint = Nh::TemplateLinter::lint(source(Platform::Apple, body));
    QVERIFY(!lint.findings.isEmpty());
    QVERIFY2(lint.findings.constFirst().fix.endsWith(fix),
             qPrintable(lint.findings.constFirst().fix));
}

void Tst_Templates::everyCut()
{
    // Every prefix and every one-character deletion of templates with every construct: no
    // crash, and every reported span stays inside its text.
    const QList<QPair<Platform, QString>> templates {
        {Platform::Apple,
         u"{\"aps\":{\"alert\":\"{'It''s ' + $(a, 3) + \\\"x\\\" + .(b, 5)}\",\"badge\":\"#(n)\","
         "\"s\":\"%(a:{d\\\\}})\",\"\u00e9\":\"\\u00e9 $(a)\"}}"_s},
        {Platform::Windows,
         u"<toast launch=\"$(a)\"><visual><binding template='x'><text>{'&lt;' + $(a)}</text>"
         "<text><![CDATA[$(n)]]><!-- c --></text></binding></visual></toast>"_s},
    };
    const Nh::TemplatePropertyBag bag({{u"a"_s, u"<\u00fc>\"&"_s}, {u"n"_s, u"7"_s}});
    for (const auto &[platform, text] : templates) {
        const auto whole = Nh::TemplateRenderer::render(source(platform, text), bag);
        QVERIFY2(whole.ok(), qPrintable(whole.ok() ? QString() : whole.error().message));
        QCOMPARE(whole->substitutions.size(), 3);
        QStringList variants;
        for (qsizetype i = 0; i <= text.size(); ++i)
            variants << text.left(i);
        for (qsizetype i = 0; i < text.size(); ++i)
            variants << text.left(i) + text.mid(i + 1);
        for (const QString &v : std::as_const(variants)) {
            const auto doc = Nh::TemplateDocument::parse(source(platform, v));
            const Nh::TemplateLint lint = Nh::TemplateLinter::lint(source(platform, v));
            for (const TemplateFinding &f : lint.findings)
                QVERIFY2(f.offset + f.length <= v.size(), qPrintable(v));
            if (!doc)
                continue;
            for (const Nh::TemplateSlot &slot : doc->values()) {
                QVERIFY2(slot.offset >= 0 && slot.offset + slot.length <= v.size(), qPrintable(v));
                QVERIFY(slot.sourceMap.isEmpty() || slot.sourceMap.size() == slot.value.size() + 1);
            }
            const auto r = Nh::TemplateRenderer::render(*doc, bag);
            if (!r)
                continue;
            for (const Nh::TemplateSubstitution &sub : r->substitutions)
                QVERIFY2(sub.offset >= 0 && sub.offset + sub.length <= r->body.size(),
                         qPrintable(v));
        }
    }
}

QTEST_GUILESS_MAIN(Tst_Templates)
#include "tst_templates.moc"
