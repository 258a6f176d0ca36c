// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocol/templaterenderer.h"

#include "protocol/payloadbuilder.h"
#include "protocol/payloads/templatepayload.h"

#include <QSet>
#include <QUrl>
#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace Nh {

namespace {

struct Evaluated
{
    QString text;
    QStringList missing;
    bool number = false;
    bool clipped = false;
    bool usedDefault = false;
};

/// The first n QChars, without cutting a surrogate pair in two.
QString clip(const QString &text, int n)
{
    qsizetype keep = qMin<qsizetype>(n, text.size());
    if (keep > 0 && keep < text.size() && text[keep - 1].isHighSurrogate())
        --keep;
    return text.left(keep);
}

/// `\}` in a default value stands for `}` (docs/protocol.md §13.4).
QString unescapeDefault(const QString &raw)
{
    QString out = raw;
    out.replace(u"\\}"_s, u"}"_s);
    return out;
}

Evaluated evaluate(const TemplateExpression &e, const TemplatePropertyBag &bag, bool jsonBody,
                   TemplateRenderOptions options)
{
    Evaluated out;
    for (const TemplateTerm &t : e.terms()) {
        if (t.kind == TemplateTerm::Kind::Literal) {
            out.text += t.text;
            continue;
        }
        const std::optional<QString> found = bag.value(t.text);
        if (!found)
            out.missing.append(t.text);
        QString v = found.value_or(QString());
        if (v.isEmpty() && t.defaultValue) {
            v = unescapeDefault(*t.defaultValue);
            out.usedDefault = true;
        }
        switch (t.kind) {
        case TemplateTerm::Kind::Property:
            if (t.maxLength >= 0 && v.size() > t.maxLength) {
                v = clip(v, t.maxLength);
                out.clipped = true;
            }
            break;
        case TemplateTerm::Kind::Ellipsis: {
            const int n = t.maxLength;
            if (options.ellipsis == TemplateEllipsisRule::Documented) {
                if (v.size() > n) {
                    v = n > 3 ? clip(v, n - 3) + u"..."_s : u"..."_s.left(n);
                    out.clipped = true;
                }
            } else if (v.size() > qint64(n) + 3) {
                v = clip(v, n) + u"..."_s;
                out.clipped = true;
            }
            break;
        }
        case TemplateTerm::Kind::UriEncoded:
            v = QString::fromLatin1(QUrl::toPercentEncoding(v));
            break;
        case TemplateTerm::Kind::Number:
            out.number = jsonBody && e.mayRenderNumber() && TemplateRenderer::isJsonNumberText(v);
            break;
        case TemplateTerm::Kind::Literal:
            break;
        }
        out.text += v;
    }
    return out;
}

QString jsonString(QStringView s)
{
    QString out;
    out.reserve(s.size() + 2);
    out += u'"';
    for (const QChar c : s) {
        switch (c.unicode()) {
        case u'"':
            out += u"\\\"";
            break;
        case u'\\':
            out += u"\\\\";
            break;
        case u'\n':
            out += u"\\n";
            break;
        case u'\r':
            out += u"\\r";
            break;
        case u'\t':
            out += u"\\t";
            break;
        case u'\b':
            out += u"\\b";
            break;
        case u'\f':
            out += u"\\f";
            break;
        default:
            if (c.unicode() < 0x20)
                out += u"\\u"_s + QString::number(c.unicode(), 16).rightJustified(4, u'0');
            else
                out += c;
        }
    }
    out += u'"';
    return out;
}

QString xmlEscaped(QStringView s, QChar quote)
{
    QString out;
    out.reserve(s.size());
    for (const QChar c : s) {
        switch (c.unicode()) {
        case u'&':
            out += u"&amp;";
            break;
        case u'<':
            out += u"&lt;";
            break;
        case u'>':
            out += u"&gt;";
            break;
        case u'"':
            out += quote == u'"' ? u"&quot;"_s : u"\""_s;
            break;
        case u'\'':
            out += quote == u'\'' ? u"&apos;"_s : u"'"_s;
            break;
        default:
            out += c;
        }
    }
    return out;
}

/// QChar offset in `text` of a byte offset in its UTF-8 form.
/// The UTF-16 index of a byte offset into `utf8` (valid UTF-8, from QString::toUtf8()). An
/// offset inside a character (a validator may point at any byte) counts as that character's
/// start, so that a span never ends before it begins.
qsizetype charOffset(const QByteArray &utf8, qsizetype byte)
{
    if (byte <= 0)
        return byte;
    byte = qMin(byte, utf8.size());
    while (byte > 0 && byte < utf8.size() && (quint8(utf8.at(byte)) & 0xC0) == 0x80)
        --byte;
    return QString::fromUtf8(utf8.left(byte)).size();
}

template<typename T> void relocate(T &located, const QByteArray &utf8)
{
    if (located.offset < 0)
        return;
    const qsizetype begin = charOffset(utf8, located.offset);
    const qsizetype end = charOffset(utf8, located.offset + located.length);
    located.offset = begin;
    located.length = end - begin;
}

bool isByte(QStringView text)
{
    bool ok = false;
    const uint v = text.trimmed().toUInt(&ok);
    return ok && v <= 255;
}

} // namespace

TemplatePropertyBag::TemplatePropertyBag(const TemplateProperties &properties)
    : m_properties(properties)
{
    for (qsizetype i = 0; i < m_properties.size(); ++i) {
        const QString key = templatePropertyKey(m_properties.at(i).first);
        if (!m_index.contains(key))
            m_index.insert(key, i);
    }
}

Result<TemplatePropertyBag> TemplatePropertyBag::fromSendBody(const QByteArray &body)
{
    auto properties = TemplatePayload::propertiesFromBody(body);
    if (!properties)
        return properties.error();
    return TemplatePropertyBag(*properties);
}

std::optional<QString> TemplatePropertyBag::value(QStringView name) const
{
    const auto it = m_index.constFind(templatePropertyKey(name));
    if (it == m_index.cend())
        return std::nullopt;
    return m_properties.at(*it).second;
}

bool RenderedTemplate::hasEmptySubstitutions() const
{
    return std::any_of(substitutions.cbegin(), substitutions.cend(),
                       [](const TemplateSubstitution &s) { return s.empty; });
}

bool TemplateRenderer::isJsonNumberText(QStringView t)
{
    // (0|([1-9][0-9]*))(\.[0-9]+)?((e|E)(+|-)?[0-9]+)? — the documented pattern, whole text.
    auto digit = [&](qsizetype i) {
        return i < t.size() && t[i] >= u'0' && t[i] <= u'9';
    };
    qsizetype i = 0;
    if (!digit(0))
        return false;
    if (t[0] == u'0') {
        i = 1;
    } else {
        while (digit(i))
            ++i;
    }
    if (i < t.size() && t[i] == u'.') {
        ++i;
        if (!digit(i))
            return false;
        while (digit(i))
            ++i;
    }
    if (i < t.size() && (t[i] == u'e' || t[i] == u'E')) {
        ++i;
        if (i < t.size() && (t[i] == u'+' || t[i] == u'-'))
            ++i;
        if (!digit(i))
            return false;
        while (digit(i))
            ++i;
    }
    return i == t.size();
}

Result<RenderedTemplate> TemplateRenderer::render(const TemplateSource &source,
                                                  const TemplatePropertyBag &properties,
                                                  TemplateRenderOptions options)
{
    auto document = TemplateDocument::parse(source);
    if (!document)
        return document.error();
    return render(*document, properties, options);
}

Result<RenderedTemplate> TemplateRenderer::render(const TemplateDocument &document,
                                                  const TemplatePropertyBag &properties,
                                                  TemplateRenderOptions options)
{
    if (const auto error = document.firstError())
        return *error;
    const TemplateSource &source = document.source();
    const QList<TemplateSlot> &values = document.values();
    const bool json = document.bodyKind() == TemplateDocument::BodyKind::Json;

    RenderedTemplate out;
    out.platform = source.platform;
    out.body.reserve(source.body.size() + source.body.size() / 4);
    QSet<QString> missingSeen;
    qsizetype cursor = 0;
    for (const TemplateSlot &slot : values) {
        if (slot.expression.isLiteral()) {
            if (slot.field == TemplateField::Header)
                out.headers.append({slot.header.toUtf8(), slot.value.toUtf8()});
            else if (slot.field == TemplateField::Expiry)
                out.expiry = slot.value;
            else if (slot.field == TemplateField::Priority)
                out.priority = slot.value;
            continue;
        }
        const Evaluated value = evaluate(slot.expression, properties,
                                         json && slot.field == TemplateField::Body, options);
        TemplateSubstitution sub;
        sub.field = slot.field;
        sub.header = slot.header;
        sub.path = slot.path;
        sub.templateOffset = slot.offset;
        sub.templateLength = slot.length;
        sub.text = value.text;
        sub.properties = slot.expression.properties();
        sub.missing = value.missing;
        sub.empty = value.text.isEmpty();
        sub.clipped = value.clipped;
        sub.number = value.number;
        sub.usedDefault = value.usedDefault;
        for (const QString &name : value.missing) {
            const QString key = templatePropertyKey(name);
            if (!missingSeen.contains(key)) {
                missingSeen.insert(key);
                out.missingProperties.append(name);
            }
        }
        switch (slot.field) {
        case TemplateField::Body: {
            // Body values come in document order (TemplateDocument).
            out.body += QStringView(source.body).sliced(cursor, slot.offset - cursor);
            QString rendered;
            qsizetype inner = 0;
            if (slot.context == TemplateSlot::Context::JsonString) {
                rendered = value.number ? value.text : jsonString(value.text);
                inner = value.number ? 0 : 1;
            } else {
                rendered = xmlEscaped(
                    value.text,
                    slot.context == TemplateSlot::Context::XmlAttribute ? slot.quote : QChar());
            }
            sub.offset = out.body.size() + inner;
            sub.length = rendered.size() - 2 * inner;
            out.body += rendered;
            cursor = slot.offset + slot.length;
            break;
        }
        case TemplateField::Header:
            sub.offset = 0;
            sub.length = value.text.size();
            out.headers.append({slot.header.toUtf8(), value.text.toUtf8()});
            break;
        case TemplateField::Expiry:
            sub.length = value.text.size();
            out.expiry = value.text;
            break;
        case TemplateField::Priority:
            sub.length = value.text.size();
            out.priority = value.text;
            break;
        }
        out.substitutions.append(std::move(sub));
    }
    out.body += QStringView(source.body).sliced(cursor);

    // The rendered payload as the platform's native format.
    const QByteArray utf8 = out.body.toUtf8();
    Status validation = payloadBuilder(nativeFormat(source.platform)).validate(utf8, out.headers);
    if (!validation) {
        Error e = validation.error();
        relocate(e, utf8);
        if (e.line == 0)
            e.where = e.where.isEmpty() ? u"BodyTemplate"_s : e.where;
        out.validation = Status(std::move(e));
    } else {
        for (Warning w : validation.warnings()) {
            relocate(w, utf8);
            out.validation.addWarning(std::move(w));
        }
    }
    if (out.validation.ok()) {
        if (!out.expiry.isEmpty() && out.expiry.trimmed() != u"0"
            && !parseHubDateTime(out.expiry.trimmed())) {
            out.validation.addWarning(
                {tr("The rendered Expiry \"%1\" is not a date-time or 0: APNs would get no valid "
                    "expiry")
                     .arg(out.expiry.left(80)),
                 -1, 0});
        }
        if (!out.priority.isEmpty() && !isByte(out.priority)) {
            out.validation.addWarning(
                {tr("The rendered Priority \"%1\" is not a number from 0 to 255")
                     .arg(out.priority.left(80)),
                 -1, 0});
        }
    }
    return out;
}

} // namespace Nh
