// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocol/directbatch.h"

#include "protocol/payloadbuilder.h"
#include "protocol/xmlutil.h"

#include <QCoreApplication>
#include <QUuid>
#include <optional>

using namespace Qt::Literals::StringLiterals;

namespace Nh {

namespace {

/** The translation context of this file's messages; lupdate reads it from here. */
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Nh::DirectBatch)
};

constexpr qsizetype kMaxBoundaryLength = 1000;

bool isSpace(char c)
{
    return c == ' ' || c == '\t';
}

struct Parameter
{
    QByteArray name; ///< lower case
    QByteArray value; ///< unquoted
};

/** `type/subtype; name=value; name = "quoted"`: the media type and its parameters. */
struct HeaderValue
{
    QByteArray token; ///< media type or disposition type, lower case
    QList<Parameter> parameters;

    std::optional<QByteArray> parameter(QByteArrayView name) const
    {
        for (const auto &p : parameters) {
            if (p.name == name)
                return p.value;
        }
        return std::nullopt;
    }
};

/** Lenient RFC 9110 parameter parsing; `errorAt` receives the offset of a broken quote. */
HeaderValue parseHeaderValue(QByteArrayView text, qsizetype *errorAt)
{
    HeaderValue out;
    qsizetype i = 0;
    const qsizetype n = text.size();
    while (i < n && text.at(i) != ';')
        ++i;
    out.token = text.first(i).trimmed().toByteArray().toLower();
    while (i < n) {
        ++i; // ';'
        while (i < n && isSpace(text.at(i)))
            ++i;
        const qsizetype nameStart = i;
        while (i < n && text.at(i) != '=' && text.at(i) != ';')
            ++i;
        const QByteArray name =
            text.sliced(nameStart, i - nameStart).trimmed().toByteArray().toLower();
        if (i >= n || text.at(i) == ';') {
            if (!name.isEmpty())
                out.parameters.append({name, {}});
            continue;
        }
        ++i; // '='
        while (i < n && isSpace(text.at(i)))
            ++i;
        QByteArray value;
        if (i < n && text.at(i) == '"') {
            const qsizetype quote = i;
            ++i;
            bool closed = false;
            while (i < n) {
                const char c = text.at(i);
                if (c == '\\' && i + 1 < n) {
                    value.append(text.at(i + 1));
                    i += 2;
                    continue;
                }
                if (c == '"') {
                    closed = true;
                    ++i;
                    break;
                }
                value.append(c);
                ++i;
            }
            if (!closed && errorAt && *errorAt < 0)
                *errorAt = quote;
            while (i < n && text.at(i) != ';')
                ++i;
        } else {
            const qsizetype valueStart = i;
            while (i < n && text.at(i) != ';')
                ++i;
            value = text.sliced(valueStart, i - valueStart).trimmed().toByteArray();
        }
        out.parameters.append({name, value});
    }
    return out;
}

struct Part
{
    QList<QPair<QByteArray, QByteArray>> headers;
    qsizetype start = 0; ///< offset of the first header line
    qsizetype contentStart = 0;
    qsizetype contentEnd = 0;

    std::optional<QByteArray> header(QByteArrayView name) const
    {
        for (const auto &h : headers) {
            if (h.first.compare(name, Qt::CaseInsensitive) == 0)
                return h.second;
        }
        return std::nullopt;
    }
};

/** Length of the line break at `at` (2 for CRLF, 1 for LF), 0 if there is none. */
qsizetype lineBreakAt(QByteArrayView body, qsizetype at)
{
    if (at < body.size() && body.at(at) == '\n')
        return 1;
    if (at + 1 < body.size() && body.at(at) == '\r' && body.at(at + 1) == '\n')
        return 2;
    return 0;
}

/**
 * The next delimiter line at or after `from`: "--boundary" at the start of a line, followed by
 * "--", padding or a line break (or the end of the body). -1 if there is none.
 */
qsizetype findDelimiter(QByteArrayView body, QByteArrayView delimiter, qsizetype from)
{
    qsizetype at = from;
    while ((at = body.indexOf(delimiter, at)) >= 0) {
        const bool lineStart = at == 0 || body.at(at - 1) == '\n';
        const qsizetype after = at + delimiter.size();
        const bool properEnd = after >= body.size() || body.at(after) == '-'
            || isSpace(body.at(after)) || body.at(after) == '\r' || body.at(after) == '\n';
        if (lineStart && properEnd)
            return at;
        at += 1;
    }
    return -1;
}

class HandleArrayReader
{
public:
    HandleArrayReader(QByteArrayView body, qsizetype start, qsizetype end)
        : m_body(body)
        , m_pos(start)
        , m_end(end)
    { }

    Result<QStringList> read()
    {
        skipSpace();
        if (m_pos >= m_end) {
            return errorInText(
                m_body, m_pos, 0, ErrorCode::EmptyField,
                Tr::tr("The devices part is empty: it must hold a JSON array of device "
                       "handles"),
                u"devices"_s);
        }
        if (m_body.at(m_pos) != '[') {
            return errorInText(m_body, m_pos, 1, ErrorCode::Syntax,
                               Tr::tr("The devices part must be a JSON array of device handles, "
                                      "starting with '['"),
                               u"devices"_s);
        }
        const qsizetype open = m_pos;
        ++m_pos;
        QStringList handles;
        skipSpace();
        if (m_pos < m_end && m_body.at(m_pos) == ']') {
            ++m_pos;
        } else {
            for (;;) {
                skipSpace();
                if (m_pos >= m_end)
                    return truncated(open);
                const char q = m_body.at(m_pos);
                if (q != '"' && q != '\'') {
                    return errorInText(m_body, m_pos, 1,
                                       q == ']' ? ErrorCode::Syntax : ErrorCode::InvalidValue,
                                       q == ']' ? Tr::tr("The devices array has a trailing comma")
                                                : Tr::tr("The devices array may hold only strings "
                                                         "(device handles in quotes)"),
                                       u"devices"_s);
                }
                const qsizetype stringStart = m_pos;
                auto handle = readString(q);
                if (!handle)
                    return handle.error();
                if (handle->trimmed().isEmpty()) {
                    return errorInText(m_body, stringStart, m_pos - stringStart,
                                       ErrorCode::EmptyField,
                                       Tr::tr("Device handle %1 in the devices array is empty")
                                           .arg(handles.size() + 1),
                                       u"devices"_s);
                }
                handles.append(std::move(handle).value());
                if (handles.size() > kMaxDirectBatchHandles) {
                    return errorInText(
                        m_body, stringStart, m_pos - stringStart, ErrorCode::LimitExceeded,
                        Tr::tr("The devices array holds more than %1 device handles, "
                               "the most a direct batch takes")
                            .arg(kMaxDirectBatchHandles),
                        u"devices"_s);
                }
                skipSpace();
                if (m_pos >= m_end)
                    return truncated(open);
                if (m_body.at(m_pos) == ',') {
                    ++m_pos;
                    continue;
                }
                if (m_body.at(m_pos) == ']') {
                    ++m_pos;
                    break;
                }
                return errorInText(m_body, m_pos, 1, ErrorCode::Syntax,
                                   Tr::tr("Expected ',' or ']' in the devices array"),
                                   u"devices"_s);
            }
        }
        skipSpace();
        if (m_pos < m_end) {
            return errorInText(m_body, m_pos, 1, ErrorCode::Syntax,
                               Tr::tr("Unexpected text after the devices array"), u"devices"_s);
        }
        if (handles.isEmpty()) {
            return errorInText(m_body, open, 2, ErrorCode::EmptyField,
                               Tr::tr("The devices array lists no device handles"), u"devices"_s);
        }
        return handles;
    }

private:
    void skipSpace()
    {
        while (
            m_pos < m_end
            && (isSpace(m_body.at(m_pos)) || m_body.at(m_pos) == '\r' || m_body.at(m_pos) == '\n'))
            ++m_pos;
    }

    Error truncated(qsizetype open) const
    {
        return errorInText(m_body, m_pos, 0, ErrorCode::Truncated,
                           Tr::tr("The devices array that starts at line %1 is not closed with ']'")
                               .arg(textPosition(m_body, open).line),
                           u"devices"_s);
    }

    Result<QString> readString(char quote)
    {
        const qsizetype start = m_pos;
        ++m_pos;
        QByteArray utf8;
        QString out;
        auto flush = [&] {
            out.append(QString::fromUtf8(utf8));
            utf8.clear();
        };
        while (m_pos < m_end) {
            const char c = m_body.at(m_pos);
            if (c == quote) {
                ++m_pos;
                flush();
                return out;
            }
            if (static_cast<unsigned char>(c) < 0x20) {
                return errorInText(m_body, m_pos, 1, ErrorCode::Syntax,
                                   Tr::tr("A device handle contains a line break or control "
                                          "character"),
                                   u"devices"_s);
            }
            if (c != '\\') {
                utf8.append(c);
                ++m_pos;
                continue;
            }
            if (m_pos + 1 >= m_end)
                break;
            const char e = m_body.at(m_pos + 1);
            m_pos += 2;
            switch (e) {
            case '"':
            case '\'':
            case '\\':
            case '/':
                utf8.append(e);
                break;
            case 'n':
                utf8.append('\n');
                break;
            case 't':
                utf8.append('\t');
                break;
            case 'r':
                utf8.append('\r');
                break;
            case 'b':
                utf8.append('\b');
                break;
            case 'f':
                utf8.append('\f');
                break;
            case 'u': {
                bool ok = false;
                const ushort unit = m_pos + 4 <= m_end
                    ? m_body.sliced(m_pos, 4).toByteArray().toUShort(&ok, 16)
                    : 0;
                if (!ok) {
                    return errorInText(m_body, m_pos - 2, 2, ErrorCode::Syntax,
                                       Tr::tr("A \\u escape in the devices array needs four "
                                              "hexadecimal digits"),
                                       u"devices"_s);
                }
                flush();
                out.append(QChar(unit));
                m_pos += 4;
                break;
            }
            default:
                return errorInText(
                    m_body, m_pos - 2, 2, ErrorCode::Syntax,
                    Tr::tr("Unknown escape '\\%1' in the devices array").arg(QLatin1Char(e)),
                    u"devices"_s);
            }
        }
        return errorInText(m_body, m_end, 0, ErrorCode::Truncated,
                           Tr::tr("The device handle that starts at line %1, column %2 is not "
                                  "closed")
                               .arg(textPosition(m_body, start).line)
                               .arg(textPosition(m_body, start).column),
                           u"devices"_s);
    }

    QByteArrayView m_body;
    qsizetype m_pos;
    qsizetype m_end;
};

Error contentTypeError(ErrorCode code, const QString &message, qsizetype offset = -1,
                       qsizetype length = 0)
{
    return makeError(code, message, offset, length, u"Content-Type"_s);
}

} // namespace

QByteArray directBatchContentType(QByteArrayView boundary)
{
    return "multipart/mixed; boundary=\"" + boundary.toByteArray() + '"';
}

QByteArray buildDirectBatchBody(QByteArrayView notificationContentType, QByteArrayView notification,
                                const QStringList &deviceHandles, QByteArrayView boundary)
{
    QByteArray devices("[");
    for (qsizetype i = 0; i < deviceHandles.size(); ++i) {
        if (i > 0)
            devices.append(',');
        devices.append(jsonQuote(deviceHandles.at(i)));
    }
    devices.append(']');

    const QByteArray delimiter = "--" + boundary.toByteArray();
    QByteArray out;
    out.reserve(notification.size() + devices.size() + 4 * delimiter.size() + 256);
    out.append(delimiter).append("\r\n");
    out.append("Content-Type: ").append(notificationContentType).append("\r\n");
    out.append("Content-Disposition: inline; name=notification\r\n\r\n");
    out.append(notification).append("\r\n");
    out.append(delimiter).append("\r\n");
    out.append("Content-Type: application/json\r\n");
    out.append("Content-Disposition: inline; name=devices\r\n\r\n");
    out.append(devices).append("\r\n");
    out.append(delimiter).append("--\r\n");
    return out;
}

QByteArray batchBoundaryFor(QByteArrayView notification)
{
    QByteArray boundary = kDirectBatchBoundary.toByteArray();
    while (notification.contains(QByteArray("--" + boundary))) {
        boundary = kDirectBatchBoundary.toByteArray() + '-'
            + QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
    }
    return boundary;
}

Result<DirectBatch> parseDirectBatch(QByteArrayView contentType, QByteArrayView body)
{
    // --- the Content-Type and its boundary ---
    if (contentType.trimmed().isEmpty()) {
        return contentTypeError(
            ErrorCode::MissingField,
            Tr::tr("A direct batch needs a Content-Type of multipart/mixed with a "
                   "boundary"));
    }
    qsizetype quoteError = -1;
    const HeaderValue type = parseHeaderValue(contentType, &quoteError);
    if (!type.token.startsWith("multipart/")) {
        return contentTypeError(
            ErrorCode::InvalidValue,
            Tr::tr("The Content-Type of a direct batch must be multipart/mixed, "
                   "not \"%1\"")
                .arg(QString::fromLatin1(type.token.left(80))),
            0, contentType.indexOf(';') < 0 ? contentType.size() : contentType.indexOf(';'));
    }
    if (quoteError >= 0) {
        return contentTypeError(ErrorCode::Syntax,
                                Tr::tr("The Content-Type has a quote at position %1 that is not "
                                       "closed")
                                    .arg(quoteError + 1),
                                quoteError, 1);
    }
    const auto boundaryParam = type.parameter("boundary");
    if (!boundaryParam) {
        return contentTypeError(
            ErrorCode::MissingField,
            Tr::tr("The Content-Type multipart/mixed has no boundary parameter"));
    }
    const QByteArray boundary = *boundaryParam;
    if (boundary.isEmpty()) {
        return contentTypeError(ErrorCode::EmptyField,
                                Tr::tr("The boundary parameter of the Content-Type is empty"));
    }
    if (boundary.size() > kMaxBoundaryLength) {
        return contentTypeError(
            ErrorCode::LimitExceeded,
            Tr::tr("The boundary parameter is %1 characters long; at most %2 are "
                   "accepted")
                .arg(boundary.size())
                .arg(kMaxBoundaryLength));
    }

    // --- the body: delimiters and parts ---
    if (body.trimmed().isEmpty()) {
        return makeError(ErrorCode::Empty, Tr::tr("The direct batch body is empty"));
    }
    if (body.size() > Xml::kMaxDocumentBytes) {
        return makeError(
            ErrorCode::LimitExceeded,
            Tr::tr("The direct batch body is %1 bytes, more than the %2 bytes accepted")
                .arg(body.size())
                .arg(Xml::kMaxDocumentBytes));
    }
    const QByteArray delimiter = "--" + boundary;
    qsizetype pos = findDelimiter(body, delimiter, 0);
    if (pos < 0) {
        return errorInText(body, 0, 0, ErrorCode::Syntax,
                           Tr::tr("The direct batch body has no line \"%1\" that starts a part")
                               .arg(QString::fromLatin1(delimiter.left(120))));
    }
    QList<Part> parts;
    bool closed = false;
    while (!closed) {
        pos += delimiter.size();
        if (body.sliced(pos).startsWith("--")) {
            closed = true;
            break;
        }
        while (pos < body.size() && isSpace(body.at(pos)))
            ++pos;
        if (pos >= body.size()) {
            return errorInText(body, pos, 0, ErrorCode::Truncated,
                               Tr::tr("The direct batch body ends after a delimiter without the "
                                      "closing \"%1--\"")
                                   .arg(QString::fromLatin1(delimiter.left(120))));
        }
        const qsizetype lb = lineBreakAt(body, pos);
        if (lb == 0) {
            return errorInText(body, pos, 1, ErrorCode::Syntax,
                               Tr::tr("Unexpected text after the part delimiter"));
        }
        pos += lb;

        Part part;
        part.start = pos;
        // Part headers up to the empty line; continuation lines start with a space or tab.
        for (;;) {
            if (pos >= body.size()) {
                return errorInText(body, pos, 0, ErrorCode::Truncated,
                                   Tr::tr("The part that starts at line %1 ends inside its headers")
                                       .arg(textPosition(body, part.start).line));
            }
            const qsizetype lineBreak = lineBreakAt(body, pos);
            if (lineBreak > 0) {
                pos += lineBreak;
                break;
            }
            qsizetype eol = body.indexOf('\n', pos);
            if (eol < 0)
                eol = body.size();
            const qsizetype lineEnd = (eol > pos && body.at(eol - 1) == '\r') ? eol - 1 : eol;
            const QByteArrayView line = body.sliced(pos, lineEnd - pos);
            // A lone CR (no LF after it) leaves an empty line here, which is not a header.
            if (!line.isEmpty() && isSpace(line.at(0)) && !part.headers.isEmpty()) {
                part.headers.last().second += ' ' + line.trimmed().toByteArray();
            } else {
                const qsizetype colon = line.indexOf(':');
                if (colon <= 0) {
                    return errorInText(body, pos, lineEnd - pos, ErrorCode::Syntax,
                                       Tr::tr("A part header line has no \"name: value\" form"));
                }
                part.headers.append({line.first(colon).trimmed().toByteArray(),
                                     line.sliced(colon + 1).trimmed().toByteArray()});
            }
            pos = eol < body.size() ? eol + 1 : eol;
        }
        part.contentStart = pos;
        const qsizetype next = findDelimiter(body, delimiter, pos);
        if (next < 0) {
            return errorInText(body, body.size(), 0, ErrorCode::Truncated,
                               Tr::tr("The part that starts at line %1 is not followed by a "
                                      "delimiter; the body ends without \"%2--\"")
                                   .arg(textPosition(body, part.start).line)
                                   .arg(QString::fromLatin1(delimiter.left(120))));
        }
        // The line break before a delimiter belongs to the delimiter (RFC 2046 §5.1.1).
        qsizetype end = next;
        if (end > part.contentStart && body.at(end - 1) == '\n')
            --end;
        if (end > part.contentStart && body.at(end - 1) == '\r')
            --end;
        part.contentEnd = end;
        parts.append(std::move(part));
        pos = next;
    }

    // --- the named parts ---
    DirectBatch batch;
    batch.boundary = boundary;
    const Part *notificationPart = nullptr;
    const Part *devicesPart = nullptr;
    QList<Warning> warnings;
    for (const Part &part : parts) {
        const auto disposition = part.header("Content-Disposition");
        const QByteArray name = disposition
            ? parseHeaderValue(*disposition, nullptr).parameter("name").value_or(QByteArray())
            : QByteArray();
        const Part **slot = nullptr;
        if (name.compare("notification", Qt::CaseInsensitive) == 0)
            slot = &notificationPart;
        else if (name.compare("devices", Qt::CaseInsensitive) == 0)
            slot = &devicesPart;
        if (!slot) {
            warnings.append(warningInText(
                body, part.start, 0,
                name.isEmpty() ? Tr::tr("A part without a name is ignored")
                               : Tr::tr("The part \"%1\" is ignored: a direct batch has only "
                                        "the parts notification and devices")
                                     .arg(QString::fromUtf8(name.left(80)))));
            continue;
        }
        if (*slot) {
            return errorInText(
                body, part.start, 0, ErrorCode::DuplicateField,
                Tr::tr("The part \"%1\" appears twice").arg(QString::fromLatin1(name.toLower())),
                QString::fromLatin1(name.toLower()));
        }
        *slot = &part;
    }
    // The service's own detail text (docs/protocol.md §4.6), so the emulator can answer with it.
    const QString missing = Tr::tr("Could not find a part of the multipart content supplied.");
    if (!notificationPart)
        return makeError(ErrorCode::MissingField, missing, -1, 0, u"notification"_s);
    if (!devicesPart)
        return makeError(ErrorCode::MissingField, missing, -1, 0, u"devices"_s);

    batch.notificationContentType = notificationPart->header("Content-Type").value_or(QByteArray());
    batch.notification = body.sliced(notificationPart->contentStart,
                                     notificationPart->contentEnd - notificationPart->contentStart)
                             .toByteArray();
    if (batch.notification.trimmed().isEmpty()) {
        return errorInText(body, notificationPart->contentStart, 0, ErrorCode::EmptyField,
                           Tr::tr("The notification part is empty"), u"notification"_s);
    }
    auto handles =
        HandleArrayReader(body, devicesPart->contentStart, devicesPart->contentEnd).read();
    if (!handles)
        return handles.error();
    batch.deviceHandles = std::move(handles).value();

    Result<DirectBatch> result(std::move(batch));
    result.setWarnings(warnings);
    return result;
}

} // namespace Nh
