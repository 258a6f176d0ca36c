// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocol/templatedocument.h"

#include "protocol/payloadbuilder.h"

#include <QSet>
#include <algorithm>
#include <vector>

using namespace Qt::Literals::StringLiterals;

namespace Nh {

namespace {

constexpr int kMaxXmlDepth = 64;

/** QChar offsets of the byte offsets of UTF-8 text (valid UTF-8: the JSON reader checked). */
class ByteToChar
{
public:
    explicit ByteToChar(QByteArrayView utf8)
    {
        bool ascii = true;
        for (const char c : utf8)
            ascii = ascii && static_cast<unsigned char>(c) < 0x80;
        if (ascii)
            return;
        m_map.resize(utf8.size() + 1);
        qsizetype chars = 0;
        for (qsizetype i = 0; i < utf8.size(); ++i) {
            const auto c = static_cast<unsigned char>(utf8[i]);
            m_map[i] = chars;
            if ((c & 0xC0) != 0x80)
                chars += (c & 0xF8) == 0xF0 ? 2 : 1;
        }
        m_map[utf8.size()] = chars;
    }

    qsizetype operator()(qsizetype byte) const
    {
        if (m_map.empty() || byte < 0)
            return byte;
        return m_map[std::min<std::size_t>(std::size_t(byte), m_map.size() - 1)];
    }

private:
    std::vector<qsizetype> m_map;
};

QString bodyDocumentName()
{
    return TemplateDocument::tr("body template");
}

int hexValue(QChar c)
{
    const char16_t u = c.unicode();
    if (u >= u'0' && u <= u'9')
        return u - u'0';
    if (u >= u'a' && u <= u'f')
        return u - u'a' + 10;
    if (u >= u'A' && u <= u'F')
        return u - u'A' + 10;
    return -1;
}

/// Decodes the raw text of a JSON string (between its quotes) into `slot`.
void decodeJsonString(QStringView raw, qsizetype rawOffset, TemplateSlot &slot)
{
    slot.valueOffset = rawOffset;
    if (!raw.contains(u'\\')) {
        slot.value = raw.toString();
        return;
    }
    slot.sourceMap.reserve(raw.size() + 1);
    for (qsizetype i = 0; i < raw.size();) {
        if (raw[i] != u'\\' || i + 1 >= raw.size()) {
            slot.value += raw[i];
            slot.sourceMap.append(rawOffset + i);
            ++i;
            continue;
        }
        const QChar e = raw[i + 1];
        qsizetype used = 2;
        QChar out = e;
        switch (e.unicode()) {
        case u'n':
            out = u'\n';
            break;
        case u't':
            out = u'\t';
            break;
        case u'r':
            out = u'\r';
            break;
        case u'b':
            out = u'\b';
            break;
        case u'f':
            out = u'\f';
            break;
        case u'u': {
            // The strict reader has checked the four hex digits.
            int v = 0;
            for (qsizetype k = i + 2; k < i + 6 && k < raw.size(); ++k)
                v = v * 16 + qMax(0, hexValue(raw[k]));
            out = QChar(char16_t(v));
            used = qMin<qsizetype>(6, raw.size() - i);
            break;
        }
        default:
            break;
        }
        slot.value += out;
        slot.sourceMap.append(rawOffset + i);
        i += used;
    }
    slot.sourceMap.append(rawOffset + raw.size());
}

/// Appends the decoded XML character data of raw[from, to) to `slot`: entities, CDATA sections;
/// comments and processing instructions are skipped. Attribute values normalise white space.
void decodeXml(QStringView body, qsizetype from, qsizetype to, bool attribute, TemplateSlot &slot)
{
    slot.valueOffset = from;
    const QStringView raw = body.sliced(from, to - from);
    const bool plain = !raw.contains(u'&') && (attribute || !raw.contains(u'<'))
        && (!attribute || std::none_of(raw.begin(), raw.end(), [](QChar c) {
               return c == u'\t' || c == u'\n' || c == u'\r';
           }));
    if (plain) {
        slot.value = raw.toString();
        return;
    }
    qsizetype i = from;
    while (i < to) {
        const QChar c = body[i];
        if (c == u'&') {
            const qsizetype semi = body.first(to).indexOf(u';', i);
            if (semi > i + 1) {
                const QStringView name = body.sliced(i + 1, semi - i - 1);
                QString decoded;
                if (name == u"amp")
                    decoded = u"&"_s;
                else if (name == u"lt")
                    decoded = u"<"_s;
                else if (name == u"gt")
                    decoded = u">"_s;
                else if (name == u"quot")
                    decoded = u"\""_s;
                else if (name == u"apos")
                    decoded = u"'"_s;
                else if (name.startsWith(u'#')) {
                    bool ok = false;
                    const uint code = name.startsWith(u"#x") ? name.sliced(2).toUInt(&ok, 16)
                                                             : name.sliced(1).toUInt(&ok, 10);
                    if (ok && code <= 0x10FFFF)
                        decoded = QString::fromUcs4(reinterpret_cast<const char32_t *>(&code), 1);
                }
                if (!decoded.isEmpty()) {
                    for (const QChar d : std::as_const(decoded)) {
                        slot.value += d;
                        slot.sourceMap.append(i);
                    }
                    i = semi + 1;
                    continue;
                }
            }
        } else if (!attribute && c == u'<') {
            const QStringView rest = body.sliced(i, to - i);
            if (rest.startsWith(u"<![CDATA[")) {
                const qsizetype end = body.first(to).indexOf(u"]]>", i + 9);
                const qsizetype stop = end < 0 ? to : end;
                for (qsizetype k = i + 9; k < stop; ++k) {
                    slot.value += body[k];
                    slot.sourceMap.append(k);
                }
                i = end < 0 ? to : end + 3;
                continue;
            }
            const bool comment = rest.startsWith(u"<!--");
            const qsizetype end = body.first(to).indexOf(comment ? u"-->" : u"?>", i + 2);
            i = end < 0 ? to : end + (comment ? 3 : 2);
            continue;
        }
        const bool space = c == u'\t' || c == u'\n' || c == u'\r';
        slot.value += attribute && space ? QChar(u' ') : c;
        slot.sourceMap.append(i);
        ++i;
    }
    slot.sourceMap.append(to);
}

void parseSlot(TemplateSlot &slot)
{
    auto parsed = TemplateExpression::parse(slot.value);
    if (parsed) {
        slot.expression = std::move(parsed).value();
        return;
    }
    Error e = parsed.error();
    const qsizetype begin = slot.sourceOffset(e.offset);
    const qsizetype end = slot.sourceOffset(e.offset + e.length);
    e.offset = begin;
    e.length = qMax<qsizetype>(0, end - begin);
    e.where = templateFieldName(slot);
    slot.error = std::move(e);
}

TemplateSlot wholeFieldSlot(TemplateField field, TemplateSlot::Context context,
                            const QString &header, const QString &path, const QString &value)
{
    TemplateSlot slot;
    slot.field = field;
    slot.context = context;
    slot.header = header;
    slot.path = path;
    slot.value = value;
    slot.offset = 0;
    slot.length = value.size();
    slot.valueOffset = 0;
    return slot;
}

} // namespace

// --- JSON ---------------------------------------------------------------------------------

class TemplateDocument::JsonScanner
{
public:
    JsonScanner(TemplateDocument &doc, const JsonDocument &json, const ByteToChar &toChar)
        : m_doc(doc)
        , m_json(json)
        , m_toChar(toChar)
    { }

    void walk(const JsonNode &node, const QString &path)
    {
        switch (node.type) {
        case JsonNode::Type::Object:
            for (const JsonNode::Member &m : node.members) {
                const QString child = path.isEmpty() ? m.key : path + u'.' + m.key;
                const qsizetype keyBegin = m_toChar(m.keyOffset);
                const JsonNode &value = m_json.node(m.child);
                m_doc.m_keys.append(
                    {m.key, child, keyBegin, m_toChar(m.keyOffset + m.keyLength) - keyBegin,
                     value.type == JsonNode::Type::String,
                     value.type == JsonNode::Type::Object || value.type == JsonNode::Type::Array});
                walk(value, child);
            }
            break;
        case JsonNode::Type::Array:
            for (qsizetype i = 0; i < node.items.size(); ++i)
                walk(m_json.node(node.items.at(i)), path + u'[' + QString::number(i) + u']');
            break;
        case JsonNode::Type::String: {
            TemplateSlot slot;
            slot.field = TemplateField::Body;
            slot.context = TemplateSlot::Context::JsonString;
            slot.path = path;
            slot.offset = m_toChar(node.offset);
            slot.length = m_toChar(node.offset + node.length) - slot.offset;
            const QStringView raw =
                QStringView(m_doc.m_source.body).sliced(slot.offset + 1, slot.length - 2);
            decodeJsonString(raw, slot.offset + 1, slot);
            parseSlot(slot);
            m_doc.m_slots.append(std::move(slot));
            break;
        }
        default:
            break;
        }
    }

private:
    TemplateDocument &m_doc;
    const JsonDocument &m_json;
    const ByteToChar &m_toChar;
};

// --- XML ----------------------------------------------------------------------------------

/** Finds attribute values and leaf element text in a well-formed document, with positions. */
class TemplateDocument::XmlScanner
{
public:
    explicit XmlScanner(TemplateDocument &doc)
        : m_doc(doc)
        , m_body(doc.m_source.body)
    { }

    void run()
    {
        const qsizetype n = m_body.size();
        qsizetype i = 0;
        while (i < n) {
            if (m_body[i] != u'<') {
                const qsizetype next = m_body.indexOf(u'<', i);
                i = next < 0 ? n : next;
                continue;
            }
            const QStringView rest = m_body.sliced(i);
            if (rest.startsWith(u"<!--")) {
                i = skipPast(i + 4, u"-->");
            } else if (rest.startsWith(u"<![CDATA[")) {
                i = skipPast(i + 9, u"]]>");
            } else if (rest.startsWith(u"<?")) {
                i = skipPast(i + 2, u"?>");
            } else if (rest.startsWith(u"<!")) {
                i = skipDeclaration(i + 2);
            } else if (rest.startsWith(u"</")) {
                i = endTag(i);
            } else {
                i = startTag(i);
            }
        }
    }

private:
    struct Element
    {
        QString path;
        qsizetype contentStart = 0;
        bool hasChild = false;
    };

    qsizetype skipPast(qsizetype from, QStringView end) const
    {
        const qsizetype at = m_body.indexOf(end, from);
        return at < 0 ? m_body.size() : at + end.size();
    }

    qsizetype skipDeclaration(qsizetype from) const
    {
        int brackets = 0;
        for (qsizetype j = from; j < m_body.size(); ++j) {
            const QChar c = m_body[j];
            if (c == u'[')
                ++brackets;
            else if (c == u']')
                --brackets;
            else if (c == u'>' && brackets <= 0)
                return j + 1;
        }
        return m_body.size();
    }

    static bool isNameEnd(QChar c) { return c.isSpace() || c == u'>' || c == u'/' || c == u'='; }

    qsizetype endTag(qsizetype i)
    {
        const qsizetype close = m_body.indexOf(u'>', i);
        if (!m_stack.empty()) {
            const Element e = m_stack.back();
            m_stack.pop_back();
            if (!e.hasChild && e.contentStart < i) {
                TemplateSlot slot;
                slot.field = TemplateField::Body;
                slot.context = TemplateSlot::Context::XmlText;
                slot.path = e.path;
                slot.offset = e.contentStart;
                slot.length = i - e.contentStart;
                decodeXml(m_body, e.contentStart, i, false, slot);
                // XElement.Value of an empty leaf is "", which the SDK does not validate.
                if (!slot.value.isEmpty()) {
                    parseSlot(slot);
                    m_doc.m_slots.append(std::move(slot));
                }
            }
        }
        return close < 0 ? m_body.size() : close + 1;
    }

    qsizetype startTag(qsizetype i)
    {
        const qsizetype n = m_body.size();
        qsizetype j = i + 1;
        while (j < n && !isNameEnd(m_body[j]))
            ++j;
        const QString name = m_body.sliced(i + 1, j - i - 1).toString();
        if (!m_stack.empty())
            m_stack.back().hasChild = true;
        const QString path = m_stack.empty() ? name : m_stack.back().path + u'/' + name;
        for (;;) {
            while (j < n && m_body[j].isSpace())
                ++j;
            if (j >= n)
                return n;
            if (m_body[j] == u'/') {
                const qsizetype close = m_body.indexOf(u'>', j);
                return close < 0 ? n : close + 1;
            }
            if (m_body[j] == u'>') {
                if (m_stack.size() < kMaxXmlDepth * 2)
                    m_stack.push_back({path, j + 1, false});
                return j + 1;
            }
            const qsizetype nameBegin = j;
            while (j < n && !isNameEnd(m_body[j]))
                ++j;
            const QString attribute = m_body.sliced(nameBegin, j - nameBegin).toString();
            while (j < n && (m_body[j].isSpace() || m_body[j] == u'='))
                ++j;
            if (j >= n || (m_body[j] != u'"' && m_body[j] != u'\''))
                return skipPast(j, u">");
            const QChar quote = m_body[j];
            const qsizetype valueBegin = j + 1;
            qsizetype valueEnd = m_body.indexOf(quote, valueBegin);
            if (valueEnd < 0)
                valueEnd = n;
            TemplateSlot slot;
            slot.field = TemplateField::Body;
            slot.context = TemplateSlot::Context::XmlAttribute;
            slot.path = path + u"/@"_s + attribute;
            slot.offset = valueBegin;
            slot.length = valueEnd - valueBegin;
            slot.quote = quote;
            decodeXml(m_body, valueBegin, valueEnd, true, slot);
            parseSlot(slot);
            m_doc.m_slots.append(std::move(slot));
            j = valueEnd + 1;
        }
    }

    TemplateDocument &m_doc;
    QStringView m_body;
    std::vector<Element> m_stack;
};

// --- the document -------------------------------------------------------------------------

TemplateSource TemplateSource::fromRegistration(const Registration &registration)
{
    TemplateSource s;
    s.platform = registration.platform;
    s.body = registration.bodyTemplate;
    s.headers = registration.headers;
    s.expiry = registration.expiry;
    s.priority = registration.priority;
    s.name = registration.templateName;
    return s;
}

TemplateSource TemplateSource::fromInstallation(Platform platform, const QString &name,
                                                const InstallationTemplate &tpl)
{
    TemplateSource s;
    s.platform = platform;
    s.body = tpl.body;
    for (auto it = tpl.headers.cbegin(); it != tpl.headers.cend(); ++it)
        s.headers.append({it.key(), it.value()});
    s.expiry = tpl.expiry;
    s.name = name;
    s.installationTemplate = true;
    return s;
}

qsizetype TemplateSlot::sourceOffset(qsizetype i) const
{
    if (sourceMap.isEmpty())
        return valueOffset + qBound<qsizetype>(0, i, value.size());
    return sourceMap.at(qBound<qsizetype>(0, i, sourceMap.size() - 1));
}

QString templateFieldName(const TemplateSlot &slot)
{
    switch (slot.field) {
    case TemplateField::Body:
        return u"BodyTemplate"_s;
    case TemplateField::Header:
        return slot.header;
    case TemplateField::Expiry:
        return u"Expiry"_s;
    case TemplateField::Priority:
        return u"Priority"_s;
    }
    return {};
}

Result<TemplateDocument> TemplateDocument::parse(const TemplateSource &source)
{
    TemplateDocument doc;
    doc.m_source = source;
    const QString &body = doc.m_source.body;
    qsizetype first = 0;
    while (first < body.size() && body[first].isSpace())
        ++first;
    const QByteArray utf8 = body.toUtf8();
    const ByteToChar toChar(utf8);
    auto locate = [&](Error e) {
        const qsizetype begin = toChar(e.offset);
        e.length = e.offset >= 0 ? toChar(e.offset + e.length) - begin : 0;
        e.offset = begin;
        e.where = u"BodyTemplate"_s;
        return e;
    };
    if (first < body.size() && body[first] == u'{') {
        doc.m_kind = BodyKind::Json;
        const auto json = JsonDocument::parse(utf8, bodyDocumentName());
        if (!json)
            return locate(json.error());
        JsonScanner(doc, *json, toChar).walk(json->root(), {});
    } else if (first < body.size() && body[first] == u'<') {
        doc.m_kind = BodyKind::Xml;
        const auto outline = readXmlOutline(utf8, bodyDocumentName());
        if (!outline)
            return locate(outline.error());
        XmlScanner(doc).run();
    } else {
        return makeError(
            ErrorCode::Syntax,
            tr("Invalid payload format. Either Json object or valid Xml are allowed: "
               "the body template starts with %1, expected '{' or '<'")
                .arg(first < body.size() ? u'\'' + QString(body[first]) + u'\'' : tr("nothing")),
            qMin(first, body.size()), first < body.size() ? 1 : 0, u"BodyTemplate"_s);
    }
    for (const TemplateHeader &h : source.headers) {
        TemplateSlot slot = wholeFieldSlot(TemplateField::Header, TemplateSlot::Context::Header,
                                           h.name, h.name, h.value);
        parseSlot(slot);
        doc.m_slots.append(std::move(slot));
    }
    if (!source.expiry.isEmpty()) {
        TemplateSlot slot = wholeFieldSlot(TemplateField::Expiry, TemplateSlot::Context::Expiry, {},
                                           u"Expiry"_s, source.expiry);
        parseSlot(slot);
        doc.m_slots.append(std::move(slot));
    }
    if (!source.priority.isEmpty()) {
        TemplateSlot slot = wholeFieldSlot(TemplateField::Priority, TemplateSlot::Context::Priority,
                                           {}, u"Priority"_s, source.priority);
        parseSlot(slot);
        doc.m_slots.append(std::move(slot));
    }
    return doc;
}

std::optional<Error> TemplateDocument::firstError() const
{
    for (const TemplateSlot &s : m_slots) {
        if (s.error)
            return s.error;
    }
    return std::nullopt;
}

QStringList TemplateDocument::properties() const
{
    QStringList names;
    QSet<QString> seen;
    for (const TemplateSlot &s : m_slots) {
        for (const QString &p : s.expression.properties()) {
            const QString key = templatePropertyKey(p);
            if (!seen.contains(key)) {
                seen.insert(key);
                names.append(p);
            }
        }
    }
    return names;
}

} // namespace Nh
