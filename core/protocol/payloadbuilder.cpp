// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocol/payloadbuilder.h"

#include "protocol/payloads/admbaidupayload.h"
#include "protocol/payloads/apnspayload.h"
#include "protocol/payloads/fcmlegacypayload.h"
#include "protocol/payloads/fcmv1payload.h"
#include "protocol/payloads/mpnspayload.h"
#include "protocol/payloads/templatepayload.h"
#include "protocol/payloads/webpayload.h"
#include "protocol/payloads/wnspayload.h"
#include "protocol/xmlutil.h"

#include <QCoreApplication>
#include <QXmlStreamReader>
#include <array>

using namespace Qt::Literals::StringLiterals;

namespace Nh {

namespace {

/** The translation context of this file's messages; lupdate reads it from here. */
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Nh::PayloadBuilder)
};

// Headers nhconsole sets itself: a user value would silently fight the target, schedule or auth.
constexpr std::array<QByteArrayView, 9> kReservedHeaders {{
    "Authorization",
    "Host",
    "Content-Length",
    "Transfer-Encoding",
    "x-ms-version",
    "ServiceBusNotification-Format",
    "ServiceBusNotification-Tags",
    "ServiceBusNotification-DeviceHandle",
    "ServiceBusNotification-ScheduleTime",
}};

bool isTokenChar(char c)
{
    // RFC 9110 §5.6.2 tchar.
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    return QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
}

qsizetype skipBom(QByteArrayView text)
{
    return text.startsWith("\xEF\xBB\xBF") ? 3 : 0;
}

bool isJsonSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/** Offset of the first byte that is not part of valid UTF-8, or -1. */
qsizetype firstInvalidUtf8(QByteArrayView text)
{
    const auto *p = reinterpret_cast<const unsigned char *>(text.data());
    const qsizetype n = text.size();
    qsizetype i = 0;
    while (i < n) {
        const unsigned char c = p[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        int extra = 0;
        char32_t min = 0;
        char32_t cp = 0;
        if ((c & 0xE0) == 0xC0) {
            extra = 1;
            min = 0x80;
            cp = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            extra = 2;
            min = 0x800;
            cp = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            extra = 3;
            min = 0x10000;
            cp = c & 0x07;
        } else {
            return i;
        }
        for (int k = 1; k <= extra; ++k) {
            if (i + k >= n || (p[i + k] & 0xC0) != 0x80)
                return i;
            cp = (cp << 6) | (p[i + k] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return i;
        i += extra + 1;
    }
    return -1;
}

/**
 * Byte offset of the root element's '<': past a BOM, whitespace, the XML declaration,
 * processing instructions, comments and a DOCTYPE. The reader's own offsets cannot say it:
 * it reads ahead, and counts QChars rather than bytes.
 */
qsizetype rootTagOffset(QByteArrayView body)
{
    const qsizetype n = body.size();
    qsizetype i = skipBom(body);
    for (;;) {
        while (i < n && isJsonSpace(body.at(i)))
            ++i;
        if (i + 1 >= n || body.at(i) != '<')
            return qMin(i, n);
        qsizetype next = -1;
        if (body.sliced(i).startsWith("<?")) {
            next = body.indexOf("?>", i + 2);
            next = next < 0 ? -1 : next + 2;
        } else if (body.sliced(i).startsWith("<!--")) {
            next = body.indexOf("-->", i + 4);
            next = next < 0 ? -1 : next + 3;
        } else if (body.at(i + 1) == '!') {
            int brackets = 0;
            for (qsizetype j = i + 2; j < n; ++j) {
                const char c = body.at(j);
                if (c == '[')
                    ++brackets;
                else if (c == ']')
                    --brackets;
                else if (c == '>' && brackets <= 0) {
                    next = j + 1;
                    break;
                }
            }
        } else {
            return i;
        }
        if (next < 0)
            return i;
        i = next;
    }
}

/** Reads one document into a flat node list; the first node is the root. */
class JsonReader
{
public:
    JsonReader(QByteArrayView text, const QString &document)
        : m_text(text)
        , m_document(document)
    { }

    Result<QList<JsonNode>> run()
    {
        QList<Warning> warnings;
        if (const qsizetype bom = skipBom(m_text); bom > 0) {
            m_pos = bom;
            warnings.append(warningInText(
                m_text, 0, bom,
                Tr::tr("The %1 starts with a byte order mark, which some JSON parsers refuse")
                    .arg(m_document)));
        }
        if (const qsizetype bad = firstInvalidUtf8(m_text); bad >= 0) {
            return errorInText(
                m_text, bad, 1, ErrorCode::Syntax,
                Tr::tr("The %1 is not valid UTF-8 at byte %2").arg(m_document).arg(bad + 1));
        }
        skipSpace();
        if (atEnd())
            return makeError(ErrorCode::Empty, Tr::tr("The %1 is empty").arg(m_document));
        if (parseValue(0) < 0)
            return *m_error;
        skipSpace();
        if (!atEnd()) {
            fail(ErrorCode::Syntax, m_pos, 1,
                 Tr::tr("unexpected %1 after the end of the JSON value").arg(describe(m_pos)));
            return *m_error;
        }
        Result<QList<JsonNode>> result(std::move(m_nodes));
        result.setWarnings(warnings);
        return result;
    }

private:
    bool atEnd() const { return m_pos >= m_text.size(); }
    char peek() const { return m_text.at(m_pos); }

    void skipSpace()
    {
        while (!atEnd() && isJsonSpace(peek()))
            ++m_pos;
    }

    QString describe(qsizetype at) const
    {
        if (at >= m_text.size())
            return Tr::tr("end of text");
        const char c = m_text.at(at);
        if (c == '\n' || c == '\r')
            return Tr::tr("line break");
        const auto u = static_cast<unsigned char>(c);
        if (u >= 0x20 && u < 0x7F)
            return u"'"_s + QLatin1Char(c) + u"'"_s;
        if (u >= 0xC0) {
            // A whole UTF-8 sequence (the text was validated before parsing).
            const int len = u >= 0xF0 ? 4 : u >= 0xE0 ? 3 : 2;
            return u"'"_s
                + QString::fromUtf8(m_text.sliced(at, qMin(qsizetype(len), m_text.size() - at)))
                + u"'"_s;
        }
        return Tr::tr("byte 0x%1").arg(u, 2, 16, QLatin1Char('0'));
    }

    int fail(ErrorCode code, qsizetype at, qsizetype length, const QString &detail)
    {
        const QString what = code == ErrorCode::Truncated
            ? Tr::tr("The %1 ends too early: %2").arg(m_document, detail)
            : code == ErrorCode::LimitExceeded
            ? Tr::tr("The %1 is refused: %2").arg(m_document, detail)
            : Tr::tr("The %1 is not valid JSON: %2").arg(m_document, detail);
        // At the end of the text there is no byte to mark: the span stays inside the input.
        length = qBound(qsizetype(0), length, m_text.size() - at);
        m_error = errorInText(m_text, at, length, code, what);
        return -1;
    }

    int addNode(JsonNode::Type type, qsizetype offset)
    {
        JsonNode node;
        node.type = type;
        node.offset = offset;
        m_nodes.append(std::move(node));
        return int(m_nodes.size() - 1);
    }

    int parseValue(int depth)
    {
        skipSpace();
        if (atEnd())
            return fail(ErrorCode::Truncated, m_pos, 0, Tr::tr("a value is missing at the end"));
        const char c = peek();
        if (c == '{' || c == '[') {
            if (depth >= JsonDocument::kMaxDepth) {
                return fail(ErrorCode::LimitExceeded, m_pos, 1,
                            Tr::tr("values are nested more than %1 levels deep")
                                .arg(JsonDocument::kMaxDepth));
            }
            return c == '{' ? parseObject(depth) : parseArray(depth);
        }
        if (c == '"') {
            const qsizetype start = m_pos;
            QString s;
            if (!parseString(&s))
                return -1;
            const int index = addNode(JsonNode::Type::String, start);
            m_nodes[index].length = m_pos - start;
            m_nodes[index].text = std::move(s);
            return index;
        }
        if (c == '-' || (c >= '0' && c <= '9'))
            return parseNumber();
        return parseWord();
    }

    int parseWord()
    {
        const qsizetype start = m_pos;
        qsizetype end = m_pos;
        while (end < m_text.size()) {
            const char c = m_text.at(end);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                  || c == '_'))
                break;
            ++end;
        }
        if (end == start) {
            return fail(ErrorCode::Syntax, start, 1,
                        Tr::tr("unexpected %1: expected a value").arg(describe(start)));
        }
        const QByteArrayView word = m_text.sliced(start, end - start);
        JsonNode::Type type = JsonNode::Type::Bool;
        if (word == "null") {
            type = JsonNode::Type::Null;
        } else if (word != "true" && word != "false") {
            const QString shown = QString::fromLatin1(word.first(qMin(word.size(), qsizetype(40))));
            // Unquoted keys and 'undefined'/'NaN' are the usual JavaScript leftovers.
            return fail(ErrorCode::Syntax, start, end - start,
                        Tr::tr("unexpected word '%1': expected a value (a string in double "
                               "quotes, a number, true, false, null, an object or an array)")
                            .arg(shown));
        }
        m_pos = end;
        const int index = addNode(type, start);
        m_nodes[index].length = end - start;
        m_nodes[index].text = QString::fromLatin1(word);
        return index;
    }

    int parseNumber()
    {
        const qsizetype start = m_pos;
        auto digits = [this] {
            const qsizetype from = m_pos;
            while (!atEnd() && peek() >= '0' && peek() <= '9')
                ++m_pos;
            return m_pos - from;
        };
        if (peek() == '-')
            ++m_pos;
        if (atEnd())
            return fail(ErrorCode::Truncated, m_pos, 0, Tr::tr("a number is cut off"));
        if (peek() == '0') {
            ++m_pos;
            if (!atEnd() && peek() >= '0' && peek() <= '9') {
                return fail(ErrorCode::Syntax, m_pos, 1,
                            Tr::tr("a number may not have leading zeros"));
            }
        } else if (digits() == 0) {
            return fail(ErrorCode::Syntax, m_pos, 1,
                        Tr::tr("unexpected %1: expected a digit").arg(describe(m_pos)));
        }
        if (!atEnd() && peek() == '.') {
            ++m_pos;
            if (digits() == 0) {
                return fail(atEnd() ? ErrorCode::Truncated : ErrorCode::Syntax, m_pos, 1,
                            Tr::tr("unexpected %1: expected a digit after the decimal point")
                                .arg(describe(m_pos)));
            }
        }
        if (!atEnd() && (peek() == 'e' || peek() == 'E')) {
            ++m_pos;
            if (!atEnd() && (peek() == '+' || peek() == '-'))
                ++m_pos;
            if (digits() == 0) {
                return fail(
                    atEnd() ? ErrorCode::Truncated : ErrorCode::Syntax, m_pos, 1,
                    Tr::tr("unexpected %1: expected a digit in the exponent").arg(describe(m_pos)));
            }
        }
        const int index = addNode(JsonNode::Type::Number, start);
        m_nodes[index].length = m_pos - start;
        m_nodes[index].text = QString::fromLatin1(m_text.sliced(start, m_pos - start));
        return index;
    }

    static int hexValue(char c)
    {
        if (c >= '0' && c <= '9')
            return c - '0';
        if (c >= 'a' && c <= 'f')
            return c - 'a' + 10;
        if (c >= 'A' && c <= 'F')
            return c - 'A' + 10;
        return -1;
    }

    bool readHex4(char16_t *out)
    {
        if (m_pos + 4 > m_text.size()) {
            fail(ErrorCode::Truncated, m_text.size(), 0, Tr::tr("a \\u escape is cut off"));
            return false;
        }
        char16_t v = 0;
        for (int k = 0; k < 4; ++k) {
            const int h = hexValue(m_text.at(m_pos + k));
            if (h < 0) {
                fail(ErrorCode::Syntax, m_pos + k, 1,
                     Tr::tr("unexpected %1: a \\u escape needs four hexadecimal digits")
                         .arg(describe(m_pos + k)));
                return false;
            }
            v = char16_t(v * 16 + h);
        }
        m_pos += 4;
        *out = v;
        return true;
    }

    bool parseString(QString *out)
    {
        const qsizetype start = m_pos;
        ++m_pos; // opening quote
        qsizetype run = m_pos;
        auto flush = [&] {
            if (m_pos > run)
                out->append(QString::fromUtf8(m_text.sliced(run, m_pos - run)));
        };
        while (!atEnd()) {
            const auto c = static_cast<unsigned char>(peek());
            if (c == '"') {
                flush();
                ++m_pos;
                return true;
            }
            if (c < 0x20) {
                fail(ErrorCode::Syntax, m_pos, 1,
                     Tr::tr("a string contains a raw control character (%1); write it as an "
                            "escape such as \\n")
                         .arg(describe(m_pos)));
                return false;
            }
            if (c != '\\') {
                ++m_pos;
                continue;
            }
            flush();
            ++m_pos;
            if (atEnd())
                break;
            const char e = peek();
            ++m_pos;
            switch (e) {
            case '"':
                out->append(u'"');
                break;
            case '\\':
                out->append(u'\\');
                break;
            case '/':
                out->append(u'/');
                break;
            case 'b':
                out->append(u'\b');
                break;
            case 'f':
                out->append(u'\f');
                break;
            case 'n':
                out->append(u'\n');
                break;
            case 'r':
                out->append(u'\r');
                break;
            case 't':
                out->append(u'\t');
                break;
            case 'u': {
                char16_t unit = 0;
                if (!readHex4(&unit))
                    return false;
                out->append(QChar(unit));
                break;
            }
            default:
                fail(ErrorCode::Syntax, m_pos - 2, 2,
                     Tr::tr("unknown escape '\\%1' in a string")
                         .arg(QString::fromUtf8(m_text.sliced(m_pos - 1, 1))));
                return false;
            }
            run = m_pos;
        }
        fail(ErrorCode::Truncated, m_text.size(), 0,
             Tr::tr("the string that starts at line %1, column %2 is not closed")
                 .arg(textPosition(m_text, start).line)
                 .arg(textPosition(m_text, start).column));
        return false;
    }

    int parseObject(int depth)
    {
        const qsizetype start = m_pos;
        ++m_pos;
        const int index = addNode(JsonNode::Type::Object, start);
        skipSpace();
        if (!atEnd() && peek() == '}') {
            ++m_pos;
            m_nodes[index].length = m_pos - start;
            return index;
        }
        bool afterComma = false;
        for (;;) {
            skipSpace();
            if (atEnd())
                return fail(ErrorCode::Truncated, m_pos, 0, Tr::tr("an object is not closed"));
            if (peek() != '"') {
                if (afterComma && peek() == '}') {
                    return fail(ErrorCode::Syntax, m_pos, 1,
                                Tr::tr("unexpected '}' after ',': JSON allows no trailing comma"));
                }
                return fail(
                    ErrorCode::Syntax, m_pos, 1,
                    Tr::tr("unexpected %1: expected a key in double quotes").arg(describe(m_pos)));
            }
            const qsizetype keyStart = m_pos;
            QString key;
            if (!parseString(&key))
                return -1;
            const qsizetype keyLength = m_pos - keyStart;
            skipSpace();
            if (atEnd())
                return fail(ErrorCode::Truncated, m_pos, 0, Tr::tr("an object is not closed"));
            if (peek() != ':') {
                return fail(ErrorCode::Syntax, m_pos, 1,
                            Tr::tr("unexpected %1: expected ':' after the key \"%2\"")
                                .arg(describe(m_pos), key));
            }
            ++m_pos;
            const int child = parseValue(depth + 1);
            if (child < 0)
                return -1;
            m_nodes[index].members.append({key, keyStart, keyLength, child});
            skipSpace();
            if (atEnd())
                return fail(ErrorCode::Truncated, m_pos, 0, Tr::tr("an object is not closed"));
            if (peek() == ',') {
                ++m_pos;
                afterComma = true;
                continue;
            }
            if (peek() == '}') {
                ++m_pos;
                break;
            }
            return fail(ErrorCode::Syntax, m_pos, 1,
                        Tr::tr("unexpected %1: expected ',' or '}' after the value of \"%2\"")
                            .arg(describe(m_pos), key));
        }
        m_nodes[index].length = m_pos - start;
        return index;
    }

    int parseArray(int depth)
    {
        const qsizetype start = m_pos;
        ++m_pos;
        const int index = addNode(JsonNode::Type::Array, start);
        skipSpace();
        if (!atEnd() && peek() == ']') {
            ++m_pos;
            m_nodes[index].length = m_pos - start;
            return index;
        }
        for (;;) {
            skipSpace();
            if (!atEnd() && peek() == ']' && !m_nodes[index].items.isEmpty()) {
                return fail(ErrorCode::Syntax, m_pos, 1,
                            Tr::tr("unexpected ']' after ',': JSON allows no trailing comma"));
            }
            const int child = parseValue(depth + 1);
            if (child < 0)
                return -1;
            m_nodes[index].items.append(child);
            skipSpace();
            if (atEnd())
                return fail(ErrorCode::Truncated, m_pos, 0, Tr::tr("an array is not closed"));
            if (peek() == ',') {
                ++m_pos;
                continue;
            }
            if (peek() == ']') {
                ++m_pos;
                break;
            }
            return fail(
                ErrorCode::Syntax, m_pos, 1,
                Tr::tr("unexpected %1: expected ',' or ']' in an array").arg(describe(m_pos)));
        }
        m_nodes[index].length = m_pos - start;
        return index;
    }

    QByteArrayView m_text;
    QString m_document;
    qsizetype m_pos = 0;
    QList<JsonNode> m_nodes;
    std::optional<Error> m_error;
};

} // namespace

// --- PayloadBuilder -------------------------------------------------------------------------

HttpHeaders PayloadBuilder::derivedHeaders(const QByteArray &, const HttpHeaders &) const
{
    return {};
}

HttpHeaders PayloadBuilder::platformHeaders(const QByteArray &body,
                                            const HttpHeaders &headers) const
{
    HttpHeaders out = derivedHeaders(body, headers);
    const qsizetype derivedCount = out.size();
    QList<bool> replaced(derivedCount, false);
    for (const auto &h : headers) {
        // Content-Type is not a platform header: prepareSend() puts it in its own place.
        if (h.first.compare("Content-Type", Qt::CaseInsensitive) == 0)
            continue;
        bool done = false;
        for (qsizetype i = 0; i < derivedCount; ++i) {
            if (!replaced.at(i) && out.at(i).first.compare(h.first, Qt::CaseInsensitive) == 0) {
                out[i] = h;
                replaced[i] = true;
                done = true;
                break;
            }
        }
        if (!done)
            out.append(h);
    }
    return out;
}

Status PayloadBuilder::validate(const QByteArray &body, const HttpHeaders &headers) const
{
    Status result;
    const Status userHeaders = validateUserHeaders(headers);
    if (!userHeaders)
        return userHeaders;
    appendWarnings(result, userHeaders);

    if (body.trimmed().isEmpty())
        return makeError(ErrorCode::Empty, Tr::tr("The %1 is empty").arg(documentName()));
    if (body.size() > kMaxSendBodyBytes) {
        return makeError(ErrorCode::LimitExceeded,
                         Tr::tr("The %1 is %2 bytes; the hub refuses bodies over %3 bytes (64 KB) "
                                "with 413 Request Entity Too Large")
                             .arg(documentName())
                             .arg(body.size())
                             .arg(kMaxSendBodyBytes),
                         kMaxSendBodyBytes, body.size() - kMaxSendBodyBytes);
    }
    const Status bodyStatus = validateBody(body, headers);
    if (!bodyStatus)
        return bodyStatus;
    appendWarnings(result, bodyStatus);
    const Status headerStatus = validateHeaders(headers);
    if (!headerStatus)
        return headerStatus;
    appendWarnings(result, headerStatus);
    return result;
}

PayloadPreset PayloadBuilder::defaultPreset() const
{
    return presets().constFirst();
}

QByteArray PayloadBuilder::defaultBody() const
{
    return defaultPreset().body;
}

Status PayloadBuilder::validateHeaders(const HttpHeaders &) const
{
    return {};
}

QString PayloadBuilder::documentName() const
{
    return Tr::tr("%1 payload").arg(formatDisplayName(format()));
}

Result<JsonDocument> PayloadBuilder::parseJsonObject(const QByteArray &body) const
{
    auto doc = JsonDocument::parse(body, documentName());
    if (!doc)
        return doc;
    const JsonNode &root = doc->root();
    if (root.type != JsonNode::Type::Object) {
        return errorInText(body, root.offset, root.length, ErrorCode::UnexpectedRoot,
                           Tr::tr("The %1 must be a JSON object ({…}), not %2")
                               .arg(documentName(), jsonTypeName(root.type)));
    }
    return doc;
}

Status PayloadBuilder::requireStringValues(const JsonDocument &doc, const JsonNode &object,
                                           QByteArrayView body, const QString &path) const
{
    for (const auto &m : object.members) {
        const JsonNode &value = doc.node(m.child);
        if (value.type == JsonNode::Type::String)
            continue;
        const QString full = path.isEmpty() ? m.key : path + u'.' + m.key;
        return errorInText(
            body, m.keyOffset, value.offset + value.length - m.keyOffset, ErrorCode::InvalidValue,
            Tr::tr("The value of \"%1\" must be a string, not %2; write it in quotes")
                .arg(full, jsonTypeName(value.type)),
            full);
    }
    return {};
}

void PayloadBuilder::warnIfOver(Status &status, const QByteArray &body, qsizetype limit,
                                const QString &pns) const
{
    if (body.size() <= limit)
        return;
    Warning w;
    w.message = Tr::tr("The %1 is %2 bytes; the hub accepts it, but %3 refuses payloads over %4 "
                       "bytes, so the delivery will fail")
                    .arg(documentName())
                    .arg(body.size())
                    .arg(pns)
                    .arg(limit);
    w.offset = limit;
    w.length = body.size() - limit;
    status.addWarning(w);
}

const PayloadBuilder &payloadBuilder(Format format)
{
    static const TemplatePayload templatePayload;
    static const ApnsPayload apns;
    static const FcmV1Payload fcmV1;
    static const FcmLegacyPayload fcmLegacy;
    static const WnsPayload wns;
    static const MpnsPayload mpns;
    static const AdmPayload adm;
    static const BaiduPayload baidu;
    static const BrowserPayload browser;
    static const XiaomiPayload xiaomi;
    switch (format) {
    case Format::Template:
        return templatePayload;
    case Format::Apple:
        return apns;
    case Format::FcmV1:
        return fcmV1;
    case Format::Gcm:
        return fcmLegacy;
    case Format::Windows:
        return wns;
    case Format::WindowsPhone:
        return mpns;
    case Format::Adm:
        return adm;
    case Format::Baidu:
        return baidu;
    case Format::Browser:
        return browser;
    case Format::Xiaomi:
        return xiaomi;
    }
    return templatePayload;
}

Status validateUserHeaders(const HttpHeaders &headers)
{
    for (const auto &[name, value] : headers) {
        const QString shownName = QString::fromLatin1(name.left(60));
        if (name.isEmpty()) {
            return makeError(ErrorCode::EmptyField, Tr::tr("A platform header has no name"));
        }
        for (const char c : name) {
            if (!isTokenChar(c)) {
                return makeError(ErrorCode::InvalidValue,
                                 Tr::tr("The header name \"%1\" is not a valid HTTP field name "
                                        "(letters, digits and !#$%&'*+-.^_`|~ only)")
                                     .arg(shownName),
                                 -1, 0, shownName);
            }
        }
        for (const QByteArrayView reserved : kReservedHeaders) {
            if (reserved.compare(name, Qt::CaseInsensitive) == 0) {
                return makeError(
                    ErrorCode::InvalidValue,
                    Tr::tr("The header %1 is set by nhconsole from the target, schedule "
                           "and connection; remove it from the platform headers")
                        .arg(shownName),
                    -1, 0, shownName);
            }
        }
        if (value.trimmed().isEmpty()) {
            return makeError(ErrorCode::EmptyField,
                             Tr::tr("The header %1 has no value").arg(shownName), -1, 0, shownName);
        }
        for (qsizetype i = 0; i < value.size(); ++i) {
            const auto c = static_cast<unsigned char>(value.at(i));
            if ((c < 0x20 && c != '\t') || c == 0x7F) {
                return makeError(ErrorCode::InvalidValue,
                                 Tr::tr("The value of header %1 contains a line break or control "
                                        "character at position %2")
                                     .arg(shownName)
                                     .arg(i + 1),
                                 i, 1, shownName);
            }
        }
    }
    return {};
}

void appendWarnings(Status &into, const Status &from)
{
    for (const auto &w : from.warnings())
        into.addWarning(w);
}

// --- JSON -------------------------------------------------------------------------------------

Result<JsonDocument> JsonDocument::parse(QByteArrayView text, const QString &document)
{
    if (text.size() > kMaxBytes) {
        return makeError(ErrorCode::LimitExceeded,
                         Tr::tr("The %1 is %2 bytes, more than the %3 bytes accepted")
                             .arg(document)
                             .arg(text.size())
                             .arg(kMaxBytes));
    }
    auto nodes = JsonReader(text, document).run();
    if (!nodes)
        return nodes.error();
    JsonDocument doc;
    doc.m_nodes = std::move(nodes).value();
    Result<JsonDocument> result(std::move(doc));
    result.setWarnings(nodes.warnings());
    return result;
}

const JsonNode::Member *JsonDocument::member(const JsonNode &object, QStringView key) const
{
    for (const auto &m : object.members) {
        if (m.key == key)
            return &m;
    }
    return nullptr;
}

const JsonNode *JsonDocument::value(const JsonNode &object, QStringView key) const
{
    const JsonNode::Member *m = member(object, key);
    return m ? &m_nodes.at(m->child) : nullptr;
}

QString jsonTypeName(JsonNode::Type type)
{
    switch (type) {
    case JsonNode::Type::Null:
        return Tr::tr("null");
    case JsonNode::Type::Bool:
        return Tr::tr("a boolean");
    case JsonNode::Type::Number:
        return Tr::tr("a number");
    case JsonNode::Type::String:
        return Tr::tr("a string");
    case JsonNode::Type::Array:
        return Tr::tr("an array");
    case JsonNode::Type::Object:
        return Tr::tr("an object");
    }
    return {};
}

TextPosition textPosition(QByteArrayView text, qsizetype byteOffset)
{
    const qsizetype end = qBound(qsizetype(0), byteOffset, text.size());
    TextPosition pos;
    for (qsizetype i = 0; i < end; ++i) {
        const auto c = static_cast<unsigned char>(text.at(i));
        if (c == '\n') {
            ++pos.line;
            pos.column = 1;
        } else if ((c & 0xC0) != 0x80) {
            // One QChar per sequence start, two for the 4-byte sequences (surrogate pairs).
            pos.column += c >= 0xF0 ? 2 : 1;
        }
    }
    return pos;
}

Error errorInText(QByteArrayView text, qsizetype offset, qsizetype length, ErrorCode code,
                  const QString &what, const QString &where)
{
    const TextPosition pos = textPosition(text, offset);
    Error e =
        makeError(code, Tr::tr("%1 (line %2, column %3)").arg(what).arg(pos.line).arg(pos.column),
                  offset, length, where);
    e.line = pos.line;
    e.column = pos.column;
    return e;
}

Warning warningInText(QByteArrayView text, qsizetype offset, qsizetype length, const QString &what)
{
    const TextPosition pos = textPosition(text, offset);
    Warning w;
    w.message = Tr::tr("%1 (line %2, column %3)").arg(what).arg(pos.line).arg(pos.column);
    w.offset = offset;
    w.length = length;
    return w;
}

QByteArray jsonQuote(QStringView s)
{
    const QByteArray utf8 = s.toUtf8();
    QByteArray out;
    out.reserve(utf8.size() + 2);
    out.append('"');
    for (const char c : utf8) {
        switch (c) {
        case '"':
            out.append("\\\"");
            break;
        case '\\':
            out.append("\\\\");
            break;
        case '\n':
            out.append("\\n");
            break;
        case '\r':
            out.append("\\r");
            break;
        case '\t':
            out.append("\\t");
            break;
        case '\b':
            out.append("\\b");
            break;
        case '\f':
            out.append("\\f");
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                out.append("\\u00");
                out.append(
                    QByteArray::number(static_cast<unsigned char>(c), 16).rightJustified(2, '0'));
            } else {
                out.append(c);
            }
        }
    }
    out.append('"');
    return out;
}

bool looksLikeXml(QByteArrayView body)
{
    for (qsizetype i = skipBom(body); i < body.size(); ++i) {
        const char c = body.at(i);
        if (!isJsonSpace(c))
            return c == '<';
    }
    return false;
}

Result<XmlOutline> readXmlOutline(const QByteArray &body, const QString &document)
{
    if (const Status s = Xml::checkBody(body, document); !s)
        return s.error();
    QXmlStreamReader reader(body);
    XmlOutline out;
    bool haveRoot = false;
    int depth = 0;
    while (!reader.atEnd()) {
        const auto token = reader.readNext();
        if (token == QXmlStreamReader::StartElement) {
            ++depth;
            if (depth > Xml::kMaxDepth) {
                return Xml::errorAt(reader, ErrorCode::LimitExceeded,
                                    Tr::tr("The %1 nests elements more than %2 levels deep")
                                        .arg(document)
                                        .arg(Xml::kMaxDepth));
            }
            if (depth == 1) {
                haveRoot = true;
                out.rootName = reader.name().toString();
                out.rootNamespace = reader.namespaceUri().toString();
                out.rootPrefix = reader.prefix().toString();
                out.rootOffset = rootTagOffset(body);
                out.rootLength = 1 + reader.qualifiedName().toUtf8().size();
            } else if (depth == 2 && out.firstChildName.isEmpty()) {
                out.firstChildName = reader.name().toString();
                out.firstChildNamespace = reader.namespaceUri().toString();
            }
        } else if (token == QXmlStreamReader::EndElement) {
            --depth;
        }
    }
    if (reader.hasError())
        return Xml::readerError(reader, document);
    if (!haveRoot)
        return makeError(ErrorCode::Empty, Tr::tr("The %1 has no root element").arg(document));
    return out;
}

} // namespace Nh
