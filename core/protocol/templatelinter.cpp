// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocol/templatelinter.h"

#include <QRegularExpression>
#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace Nh {

namespace {

using Check = TemplateFinding::Check;
using Severity = TemplateFinding::Severity;

/// Values quoted in fixes are cut here.
constexpr qsizetype kFixLimit = 120;

/** A term as people write it inside text: `$(name)`, `.(name, 20)`, `%(name)`, `#(name)`. */
const QRegularExpression &termPattern()
{
    static const QRegularExpression re(
        u"[$.%#]\\(\\s*[A-Za-z0-9_]+\\s*(?::\\{[^}]*\\})?\\s*(?:,\\s*\\d+\\s*)?\\)"_s);
    return re;
}

bool isTypographicQuote(QChar c)
{
    return c == u'\u2018' || c == u'\u2019' || c == u'\u201C' || c == u'\u201D';
}

bool hasTypographicQuote(QStringView text)
{
    return std::any_of(text.begin(), text.end(), isTypographicQuote);
}

QString quoteLiteral(QStringView text)
{
    QString out = text.toString();
    out.replace(u"'"_s, u"''"_s);
    return u'\'' + out + u'\'';
}

QString shorten(const QString &text)
{
    return text.size() <= kFixLimit ? text : text.left(kFixLimit) + u'\u2026';
}

/**
 * `text` rewritten as a braced concatenation of its terms and quoted text runs:
 * "Hello $(name)" → "{'Hello ' + $(name)}". Empty when the text has no term.
 */
QString concatenation(QStringView text)
{
    QStringList parts;
    qsizetype cursor = 0;
    auto it = termPattern().globalMatch(text);
    while (it.hasNext()) {
        const auto m = it.next();
        if (m.capturedStart() > cursor)
            parts << quoteLiteral(text.sliced(cursor, m.capturedStart() - cursor));
        QString term = m.captured();
        if (term.startsWith(u'#'))
            term[0] = u'$'; // #() cannot be joined (the SDK refuses it)
        parts << term;
        cursor = m.capturedEnd();
    }
    if (parts.isEmpty())
        return {};
    if (cursor < text.size())
        parts << quoteLiteral(text.sliced(cursor));
    return u'{' + parts.join(u" + "_s) + u'}';
}

QString replaceTypographicQuotes(QString text)
{
    for (QChar &c : text) {
        if (c == u'\u2018' || c == u'\u2019')
            c = u'\'';
        else if (c == u'\u201C' || c == u'\u201D')
            c = u'"';
    }
    return text;
}

bool needsJson(Platform p)
{
    return p != Platform::Windows && p != Platform::WindowsPhone;
}

std::optional<QString> headerOf(const TemplateSource &s, QStringView name)
{
    for (const TemplateHeader &h : s.headers) {
        if (h.name.compare(name, Qt::CaseInsensitive) == 0)
            return h.value;
    }
    return std::nullopt;
}

class Linter
{
public:
    explicit Linter(TemplateLint &out)
        : m_out(out)
    { }

    void add(Severity severity, Check check, const TemplateSlot *slot, qsizetype offset,
             qsizetype length, const QString &message, const QString &fix,
             ErrorCode code = ErrorCode::None)
    {
        TemplateFinding f;
        f.severity = severity;
        f.check = check;
        if (slot) {
            f.field = slot->field;
            f.header = slot->header;
        }
        f.offset = offset;
        f.length = length;
        f.message = message;
        f.fix = fix;
        f.code = code;
        m_out.findings.append(std::move(f));
    }

    void slotError(const TemplateSlot &slot)
    {
        const Error &e = *slot.error;
        const QString &v = slot.value;
        QString fix;
        QString hashFree = v;
        hashFree.replace(u"#("_s, u"$("_s);
        if (hasTypographicQuote(v)) {
            fix = TemplateLinter::tr("Use straight quotes: %1")
                      .arg(shorten(replaceTypographicQuotes(v)));
        } else if (v.startsWith(u'{') && hashFree != v && TemplateExpression::parse(hashFree)) {
            fix = TemplateLinter::tr("Use $() in a concatenation: %1").arg(shorten(hashFree));
        } else if (!termPattern().match(v).hasMatch()) {
            fix = TemplateLinter::tr("If this is text, make it a quoted literal: %1")
                      .arg(shorten(u'{' + quoteLiteral(v) + u'}'));
        } else if (const QString c = concatenation(v); !v.startsWith(u'{') && !c.isEmpty()) {
            fix =
                TemplateLinter::tr("Quote the text and join the parts with +: %1").arg(shorten(c));
        }
        add(Severity::Error, Check::Syntax, &slot, e.offset, e.length, e.message, fix, e.code);
    }

    void literal(const TemplateSlot &slot)
    {
        const QString &v = slot.value;
        qsizetype lead = 0;
        while (lead < v.size() && v[lead].isSpace())
            ++lead;
        if (lead > 0 && lead < v.size() && TemplateExpression::isExpressionStart(v[lead])) {
            const auto trimmed = TemplateExpression::parse(QStringView(v).sliced(lead));
            if (trimmed && !trimmed->isLiteral()) {
                add(Severity::Warning, Check::LeadingWhitespace, &slot, slot.sourceOffset(0),
                    slot.sourceOffset(lead) - slot.sourceOffset(0),
                    TemplateLinter::tr("The white space before the expression at %1 makes the "
                                       "whole value a literal: it is sent as written")
                        .arg(slot.path),
                    TemplateLinter::tr("Remove the leading white space: %1")
                        .arg(shorten(v.sliced(lead))));
                return;
            }
        }
        const auto m = termPattern().match(v);
        if (!m.hasMatch())
            return;
        const qsizetype at = slot.sourceOffset(m.capturedStart());
        // "‘Hi ’ + $(name)" meant an expression: braces and straight quotes make it one.
        QString rewrite = u'{' + replaceTypographicQuotes(v).trimmed() + u'}';
        const auto braced = TemplateExpression::parse(rewrite);
        if (!braced || braced->terms().size() < 2)
            rewrite = concatenation(v);
        add(Severity::Warning, Check::EmbeddedExpression, &slot, at,
            slot.sourceOffset(m.capturedEnd()) - at,
            TemplateLinter::tr("%1 at %2 is sent literally: only the first character decides "
                               "whether a value is an expression")
                .arg(m.captured(), slot.path),
            TemplateLinter::tr("Write the value as a concatenation: %1").arg(shorten(rewrite)));
        if (hasTypographicQuote(v)) {
            const auto q = std::find_if(v.cbegin(), v.cend(), isTypographicQuote);
            const qsizetype i = slot.sourceOffset(q - v.cbegin());
            add(Severity::Warning, Check::TypographicQuotes, &slot, i, 1,
                TemplateLinter::tr("Typographic quotes at %1 do not delimit literals (the "
                                   "documentation's own example uses them)")
                    .arg(slot.path),
                TemplateLinter::tr("Use ' or \" instead of \u2018 \u2019 \u201C \u201D"));
        }
    }

    void expression(const TemplateSlot &slot, bool jsonBody)
    {
        const TemplateExpression &e = slot.expression;
        const qsizetype begin = slot.sourceOffset(0);
        const qsizetype length = slot.sourceOffset(slot.value.size()) - begin;
        if (e.isUnbracedChain()) {
            add(Severity::Warning, Check::UnbracedChain, &slot, begin, length,
                TemplateLinter::tr("The concatenation at %1 has no braces: the SDK accepts it, "
                                   "the documentation requires {…} (the service's handling is "
                                   "unconfirmed)")
                    .arg(slot.path),
                TemplateLinter::tr("Wrap it in braces: %1")
                    .arg(shorten(u'{' + slot.value.trimmed() + u'}')));
        }
        if (jsonBody && e.isBraced() && e.terms().size() == 1
            && e.terms().constFirst().kind == TemplateTerm::Kind::Number) {
            const TemplateTerm &t = e.terms().constFirst();
            add(Severity::Warning, Check::BracedNumber, &slot, begin, length,
                TemplateLinter::tr("Inside braces, #(%1) at %2 renders a string, never a number")
                    .arg(t.text, slot.path),
                TemplateLinter::tr("Remove the braces: #(%1)").arg(t.text));
        }
        for (const TemplateTerm &t : e.terms()) {
            if (!t.defaultValue)
                continue;
            const qsizetype at = slot.sourceOffset(t.offset);
            add(Severity::Warning, Check::DefaultValue, &slot, at,
                slot.sourceOffset(t.offset + t.length) - at,
                TemplateLinter::tr("The default value of %1 at %2 is undocumented: the SDK accepts "
                                   "it, what the service does with it is unconfirmed")
                    .arg(t.text, slot.path),
                TemplateLinter::tr("Send the property instead of relying on :{…}"));
        }
    }

    TemplateLint &m_out;
};

} // namespace

bool TemplateLint::hasErrors() const
{
    return std::any_of(findings.cbegin(), findings.cend(),
                       [](const TemplateFinding &f) { return f.severity == Severity::Error; });
}

QList<TemplateFinding> TemplateLint::ofSeverity(TemplateFinding::Severity severity) const
{
    QList<TemplateFinding> out;
    for (const TemplateFinding &f : findings) {
        if (f.severity == severity)
            out.append(f);
    }
    return out;
}

TemplateLint TemplateLinter::lint(const TemplateSource &source)
{
    const auto document = TemplateDocument::parse(source);
    if (document)
        return lint(*document);
    TemplateLint out;
    Linter l(out);
    const Error &e = document.error();
    QString fix;
    const QString trimmed = source.body.trimmed();
    if (!trimmed.startsWith(u'{') && !trimmed.startsWith(u'<')) {
        fix = needsJson(source.platform) ? tr("Write the body as a JSON object: {…}")
                                         : tr("Write the body as XML (<toast>…</toast>) or a JSON "
                                              "object");
    }
    l.add(Severity::Error, Check::Syntax, nullptr, e.offset, e.length, e.message, fix, e.code);
    if (trimmed.startsWith(u'<')) {
        // `<binding $(property)>`: an expression where XML wants a name (the documentation's
        // own example of an invalid template).
        static const QRegularExpression inName(u"<[^<>\"']*?\\s([$.%#]\\([^)]*\\))"_s);
        const auto m = inName.match(source.body);
        if (m.hasMatch()) {
            l.add(Severity::Warning, Check::ExpressionInKey, nullptr, m.capturedStart(1),
                  m.capturedLength(1),
                  tr("%1 stands where XML expects a name: the hub evaluates only attribute values "
                     "and element text")
                      .arg(m.captured(1)),
                  tr("Move it into an attribute value: name=\"%1\"").arg(m.captured(1)));
        }
    }
    return out;
}

TemplateLint TemplateLinter::lint(const TemplateDocument &document)
{
    TemplateLint out;
    Linter l(out);
    const TemplateSource &source = document.source();
    const bool json = document.bodyKind() == TemplateDocument::BodyKind::Json;
    out.properties = document.properties();

    // Errors first: values that do not parse, and the body kind the platform refuses.
    if (!json && needsJson(source.platform)) {
        l.add(Severity::Error, Check::WrongBodyKind, nullptr, 0, 0,
              tr("Template body has to be JSON for %1").arg(platformDisplayName(source.platform)),
              tr("Write the body as a JSON object: {…}"), ErrorCode::UnexpectedRoot);
    }
    for (const TemplateSlot &slot : document.values()) {
        if (slot.error)
            l.slotError(slot);
    }
    if (source.name.size() > kMaxTemplateNameLength) {
        l.add(Severity::Error, Check::NameTooLong, nullptr, -1, 0,
              tr("The template name exceeds the '%1' character limit: it has %2")
                  .arg(kMaxTemplateNameLength)
                  .arg(source.name.size()),
              tr("Shorten the template name"), ErrorCode::LimitExceeded);
    }
    for (const TemplateSlot &slot : document.values()) {
        if (slot.field == TemplateField::Header && slot.value.trimmed().isEmpty()
            && (source.platform == Platform::Windows
                || source.platform == Platform::WindowsPhone)) {
            l.add(Severity::Error, Check::EmptyHeader, &slot, -1, 0,
                  source.platform == Platform::Windows
                      ? tr("WNS header '%1' is null or empty.").arg(slot.header)
                      : tr("MPNS header '%1' is null or empty.").arg(slot.header),
                  tr("Give %1 a value or remove it").arg(slot.header), ErrorCode::EmptyField);
        }
    }

    // Then what the service accepts but the device will not get as meant.
    for (const TemplateSlot &slot : document.values()) {
        if (slot.error)
            continue;
        if (slot.expression.isLiteral())
            l.literal(slot);
        else
            l.expression(slot, json && slot.field == TemplateField::Body);
    }
    for (const TemplateDocument::Key &key : document.keys()) {
        const auto m = termPattern().match(key.text);
        if (!m.hasMatch())
            continue;
        l.add(Severity::Warning, Check::ExpressionInKey, nullptr, key.offset, key.length,
              tr("The key \"%1\" contains %2: keys are sent as written, never evaluated")
                  .arg(shorten(key.text), m.captured()),
              tr("Use a fixed key and put the expression in its value"));
    }
    if (source.platform == Platform::FcmV1 && json) {
        const bool hasMessage =
            std::any_of(document.keys().cbegin(), document.keys().cend(),
                        [](const TemplateDocument::Key &k) { return k.path == u"message"; });
        if (!hasMessage) {
            const qsizetype root = source.body.indexOf(u'{');
            l.add(Severity::Warning, Check::FcmV1WithoutMessage, nullptr, root, 1,
                  tr("The FCM v1 template has no \"message\" object: Google refuses the rendered "
                     "payload, and the outcome is still a success at the hub"),
                  tr("Wrap the body: {\"message\":{…}}"));
        }
        for (const TemplateDocument::Key &key : document.keys()) {
            const bool inData = key.path.startsWith(u"message.data.")
                || key.path.startsWith(u"message.android.data.");
            const qsizetype dot = key.path.lastIndexOf(u'.');
            const QStringView parent = QStringView(key.path).first(qMax<qsizetype>(0, dot));
            if (!inData || (parent != u"message.data" && parent != u"message.android.data"))
                continue;
            if (!key.stringValue) {
                l.add(Severity::Warning, Check::NonStringData, nullptr, key.offset, key.length,
                      tr("%1 is not a string: FCM v1 \"data\" allows only string values")
                          .arg(key.path),
                      tr("Quote the value"));
            }
        }
        for (const TemplateSlot &slot : document.values()) {
            const bool inData = slot.path.startsWith(u"message.data.")
                || slot.path.startsWith(u"message.android.data.");
            if (inData && !slot.error && slot.expression.mayRenderNumber()) {
                l.add(Severity::Warning, Check::NonStringData, &slot, slot.offset, slot.length,
                      tr("#() at %1 renders a number when the property is numeric: FCM v1 "
                         "\"data\" allows only string values")
                          .arg(slot.path),
                      tr("Use $(%1) instead").arg(slot.expression.terms().constFirst().text));
            }
        }
    }
    if (source.platform == Platform::Windows) {
        const auto type = headerOf(source, u"X-WNS-Type");
        if (!type) {
            const QString root = source.body.trimmed().startsWith(u'<')
                ? QRegularExpression(u"<\\s*(toast|tile|badge)\\b"_s).match(source.body).captured(1)
                : QString();
            l.add(Severity::Warning, Check::MissingWnsType, nullptr, -1, 0,
                  tr("Must contain WNS Header : 'X-WNS-Type'. The .NET SDK adds it from the body; "
                     "other clients must send it"),
                  tr("Add the header X-WNS-Type: %1")
                      .arg(root.isEmpty() ? u"wns/raw"_s : u"wns/"_s + root));
        } else if (json && type->trimmed().compare(u"wns/raw", Qt::CaseInsensitive) != 0) {
            l.add(Severity::Warning, Check::WrongBodyKind, nullptr, 0, 0,
                  tr("A JSON body for WNS is only sent as a raw notification"),
                  tr("Set X-WNS-Type: wns/raw, or write the body as XML"));
        }
    }
    if (source.installationTemplate && source.platform == Platform::Apple
        && !source.headers.isEmpty()) {
        l.add(Severity::Warning, Check::ApnsHeadersInInstallation, nullptr, -1, 0,
              tr("Headers on an APNs installation template were refused in 2019 and are "
                 "accepted since, with no confirmed effect"),
              tr("Put apns-* headers on the send, or use an APNs template registration"));
    }
    return out;
}

} // namespace Nh
