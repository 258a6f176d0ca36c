// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocol/xmlutil.h"

#include <QCoreApplication>
#include <QStringDecoder>
#include <QStringEncoder>
#include <QXmlStreamWriter>
#include <algorithm>
#include <array>
#include <cstring>
#include <limits>
#include <utility>

using namespace Qt::Literals::StringLiterals;

namespace Nh::Xml {

namespace {

/** The translation context of this file's messages; lupdate reads it from here. */
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Nh::Xml)
};

/** A character XML 1.0 forbids even as a reference: C0 controls but TAB, LF, CR; U+FFFE/FFFF. */
bool isForbidden(QChar c)
{
    const char16_t u = c.unicode();
    return (u < 0x20 && u != u'\t' && u != u'\n' && u != u'\r') || u >= 0xFFFE;
}

/** Appends text[*i] (and its low surrogate) where XML can carry it; otherwise U+FFFD, or nothing
 *  when `replace` is false. A lone surrogate always becomes U+FFFD. */
void appendCharacter(QString &out, QStringView text, qsizetype *i, bool replace)
{
    const QChar c = text[*i];
    if (c.isHighSurrogate() && *i + 1 < text.size() && text[*i + 1].isLowSurrogate()) {
        out += c;
        out += text[++*i];
    } else if (c.isSurrogate()) {
        out += QChar(QChar::ReplacementCharacter);
    } else if (isForbidden(c)) {
        if (replace)
            out += QChar(QChar::ReplacementCharacter);
    } else {
        out += c;
    }
}

/** How escaped() spells the characters markup gives a meaning to; an empty spelling keeps the
 *  character as it is. &, < and > are always entities. */
struct Escaping
{
    QLatin1StringView quote;
    QLatin1StringView tab;
    QLatin1StringView lineFeed;
    QLatin1StringView carriageReturn;
    bool replaceForbidden;

    QLatin1StringView spelling(QChar c) const
    {
        const std::array<std::pair<char16_t, QLatin1StringView>, 7> spellings {{
            {u'&', QLatin1StringView("&amp;")},
            {u'<', QLatin1StringView("&lt;")},
            {u'>', QLatin1StringView("&gt;")},
            {u'"', quote},
            {u'\t', tab},
            {u'\n', lineFeed},
            {u'\r', carriageReturn},
        }};
        for (const auto &[character, entity] : spellings) {
            if (character == c.unicode())
                return entity;
        }
        return {};
    }
};

constexpr Escaping kOneLineText {
    {}, {}, QLatin1StringView("&#10;"), QLatin1StringView("&#13;"), true};
constexpr Escaping kServiceText {{}, {}, {}, QLatin1StringView("&#xD;"), false};
constexpr Escaping kServiceAttribute {QLatin1StringView("&quot;"), QLatin1StringView("&#x9;"),
                                      QLatin1StringView("&#xA;"), QLatin1StringView("&#xD;"),
                                      false};

QString escaped(QStringView text, const Escaping &rules)
{
    QString out;
    out.reserve(text.size() + text.size() / 8);
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (const QLatin1StringView entity = rules.spelling(text[i]); !entity.isEmpty())
            out += entity;
        else
            appendCharacter(out, text, &i, rules.replaceForbidden);
    }
    return out;
}

/** Appends the `n` characters at `run`, ASCII only, one byte a character (Qt's UTF-8 encoder
 *  copies ASCII many characters at a time). */
/** Appends characters below 0x80, which are their own UTF-8. */
void appendAsciiRun(QByteArray &out, const char16_t *run, qsizetype n)
{
    if (n <= 0)
        return;
    const qsizetype at = out.size();
    out.resize(at + n);
    char *to = out.data() + at;
    for (qsizetype i = 0; i < n; ++i)
        to[i] = char(run[i]);
}

/** Printable ASCII that no escaping changes: every character but C0 controls, & < > ". */
constexpr std::array<bool, 128> kPlainAscii = [] {
    std::array<bool, 128> plain {};
    for (int c = 0x20; c < 0x80; ++c)
        plain[size_t(c)] = c != '&' && c != '<' && c != '>' && c != '"';
    return plain;
}();

/** escaped(text, rules).toUtf8() appended to `out`: ASCII directly, from the first other
 *  character on through escaped() (which decides surrogates and forbidden characters). */
void appendEscaped(QByteArray &out, QStringView text, const Escaping &rules)
{
    const char16_t *const chars = text.utf16();
    const qsizetype size = text.size();
    qsizetype run = 0;
    for (qsizetype i = 0; i < size; ++i) {
        const char16_t u = chars[i];
        if (u < 0x80 && kPlainAscii[u])
            continue;
        appendAsciiRun(out, chars + run, i - run);
        run = i + 1;
        if (u >= 0x80 || isForbidden(QChar(u))) {
            out += escaped(text.sliced(i), rules).toUtf8();
            return;
        }
        if (const QLatin1StringView entity = rules.spelling(QChar(u)); !entity.isEmpty())
            out.append(entity.data(), entity.size());
        else
            out += char(u);
    }
    appendAsciiRun(out, chars + run, size - run);
}

/** Whether one of the eight bytes of `word` may not be plain (kPlainAscii): a byte from 0x80
 *  on, below 0x20, or one of " & < >. May say yes for plain bytes, never no for others. */
constexpr bool mayNeedEscaping(quint64 word)
{
    constexpr quint64 kOnes = 0x0101010101010101ULL;
    constexpr quint64 kHighs = 0x8080808080808080ULL;
    // A zero byte in v (exact up to false alarms above a real one): the classic bit trick.
    const auto hasZero = [](quint64 v) {
        return (v - kOnes) & ~v & kHighs;
    };
    const auto has = [&](char c) {
        return hasZero(word ^ (kOnes * quint8(c)));
    };
    const quint64 below0x20 = (word - kOnes * 0x20) & ~word & kHighs;
    return ((word & kHighs) | below0x20 | has('"') | has('&') | has('<') | has('>')) != 0;
}

/** appendEscaped(out, QString::fromUtf8(utf8), rules): ASCII byte by byte, from the first other
 *  byte on (a character boundary) through the QString path, which decides everything else. */
void appendEscapedUtf8(QByteArray &out, QByteArrayView utf8, const Escaping &rules)
{
    const char *const bytes = utf8.data();
    const qsizetype size = utf8.size();
    qsizetype run = 0;
    const auto flush = [&](qsizetype end) {
        // resize and copy: QByteArray::append() goes through insert(), dearer for short runs.
        if (end <= run)
            return;
        const qsizetype at = out.size();
        out.resize(at + end - run);
        std::memcpy(out.data() + at, bytes + run, size_t(end - run));
    };
    qsizetype i = 0;
    while (i < size) {
        // Eight bytes at a time while none of them needs a look (ids and handles are plain).
        if (i + 8 <= size) {
            quint64 word = 0;
            std::memcpy(&word, bytes + i, sizeof word);
            if (!mayNeedEscaping(word)) {
                i += 8;
                continue;
            }
        }
        for (const qsizetype end = qMin(size, i + 8); i < end; ++i) {
            const char16_t u = uchar(bytes[i]);
            if (u < 0x80 && kPlainAscii[u])
                continue;
            flush(i);
            run = i + 1;
            if (u >= 0x80 || isForbidden(QChar(u))) {
                appendEscaped(out, QString::fromUtf8(utf8.sliced(i)), rules);
                return;
            }
            if (const QLatin1StringView entity = rules.spelling(QChar(u)); !entity.isEmpty())
                out.append(entity.data(), entity.size());
            else
                out += char(u);
        }
    }
    flush(size);
}

/**
 * Where a document that Qt found to end early is in fact not XML: the index in `text` of the
 * first character that cannot start a document (anything but '<' after white space) or
 * that XML forbids; -1 when the text is XML as far as it goes.
 */
qsizetype firstNonXml(QStringView text)
{
    qsizetype i = 0;
    while (i < text.size()
           && (text[i] == u' ' || text[i] == u'\t' || text[i] == u'\n' || text[i] == u'\r'))
        ++i;
    if (i < text.size() && text[i] != u'<')
        return i;
    const auto bad = std::find_if(text.begin() + i, text.end(), isForbidden);
    return bad == text.end() ? -1 : bad - text.begin();
}

/** The Position of text[index], counting lines as QXmlStreamReader does. */
Position positionIn(QStringView text, qsizetype index)
{
    Position at;
    at.line = 1;
    qsizetype lineStart = 0;
    for (qsizetype i = 0; i < index; ++i) {
        const bool loneReturn = text[i] == u'\r' && (i + 1 >= text.size() || text[i + 1] != u'\n');
        if (text[i] == u'\n' || loneReturn) {
            ++at.line;
            lineStart = i + 1;
        }
    }
    at.column = index - lineStart + 1;
    at.offset = index;
    return at;
}

} // namespace

Position positionOf(const QXmlStreamReader &reader)
{
    return {reader.lineNumber(), reader.columnNumber(), reader.characterOffset()};
}

Error errorAt(const Position &at, ErrorCode code, const QString &what, const QString &where)
{
    Error e = makeError(code,
                        Tr::tr("%1 (line %2, column %3)")
                            .arg(what, QString::number(at.line), QString::number(at.column)),
                        at.offset, 0, where);
    e.line = at.line;
    e.column = at.column;
    return e;
}

Error errorAt(const QXmlStreamReader &reader, ErrorCode code, const QString &what,
              const QString &where)
{
    return errorAt(positionOf(reader), code, what, where);
}

Warning warningAt(const QXmlStreamReader &reader, const QString &message)
{
    Warning warning;
    warning.message = message;
    warning.offset = reader.characterOffset();
    return warning;
}

Error readerError(const QXmlStreamReader &reader, const QString &document, QByteArrayView input)
{
    if (reader.error() != QXmlStreamReader::PrematureEndOfDocumentError) {
        return errorAt(reader, ErrorCode::Syntax,
                       Tr::tr("The %1 document is not well-formed XML: %2")
                           .arg(document, reader.errorString()));
    }
    if (!input.isEmpty()) {
        // Decoded as QXmlStreamReader guesses before it has read an encoding declaration (the
        // decoder drops a BOM). A document in another single-byte encoding keeps its ASCII
        // characters, and those are what is looked for ('<', white space, C0 controls).
        QStringDecoder decoder(
            QStringConverter::encodingForData(input, u'<').value_or(QStringConverter::Utf8));
        const QString text = decoder(input);
        if (const qsizetype bad = firstNonXml(text); bad >= 0) {
            const QChar c = text[bad];
            const QString what = isForbidden(c)
                ? Tr::tr("The %1 document is not well-formed XML: it holds the character U+%2, "
                         "which XML does not allow")
                      .arg(document, u"%1"_s.arg(int(c.unicode()), 4, 16, QChar(u'0')).toUpper())
                : Tr::tr("The %1 document is not well-formed XML: it does not start with '<'")
                      .arg(document);
            Error e = errorAt(positionIn(text, bad), ErrorCode::Syntax, what);
            e.length = 1;
            return e;
        }
    }
    return errorAt(
        reader, ErrorCode::Truncated,
        Tr::tr("The %1 document ends too early: %2").arg(document, reader.errorString()));
}

bool isNil(const QXmlStreamReader &reader)
{
    const auto value = reader.attributes().value(kInstanceNs, QLatin1StringView("nil"));
    return value.trimmed().compare(u"true", Qt::CaseInsensitive) == 0 || value.trimmed() == u"1";
}

Status checkBody(const QByteArray &body, const QString &document)
{
    if (body.trimmed().isEmpty())
        return makeError(ErrorCode::Empty, Tr::tr("The %1 document is empty").arg(document));
    if (body.size() > kMaxDocumentBytes) {
        return makeError(
            ErrorCode::LimitExceeded,
            Tr::tr("The %1 document is %2 bytes, more than the %3 bytes accepted")
                .arg(document, QString::number(body.size()), QString::number(kMaxDocumentBytes)));
    }
    return {};
}

QString excerpt(QStringView value)
{
    return value.size() > kExcerptLimit ? value.left(kExcerptLimit) + QChar(0x2026)
                                        : value.toString();
}

CountText parseCount(QStringView text, qint64 max, qint64 *value)
{
    QStringView digits = text.trimmed();
    if (digits.isEmpty())
        return CountText::Empty;
    const bool negative = digits.startsWith(u'-');
    if (negative || digits.startsWith(u'+'))
        digits = digits.sliced(1);
    const bool allDigits = !digits.isEmpty()
        && std::all_of(digits.begin(), digits.end(),
                       [](QChar c) { return c >= u'0' && c <= u'9'; });
    if (!allDigits)
        return CountText::NotWhole;
    if (negative)
        return CountText::Negative;
    bool ok = false;
    const qint64 number = digits.toLongLong(&ok);
    if (!ok || number > max)
        return CountText::TooLarge;
    *value = number;
    return CountText::Valid;
}

// --- Reader ---

Reader::Reader(const QByteArray &xml, const QString &document)
    : m_input(xml)
    , m_reader(xml)
    , m_document(document)
{ }

bool Reader::enterRoot()
{
    while (!m_failed && !m_reader.atEnd()) {
        if (m_reader.readNext() == QXmlStreamReader::StartElement) {
            m_depth = 1;
            m_rootNamespace = m_reader.namespaceUri().toString();
            return true;
        }
    }
    return failFromReader();
}

bool Reader::enterRoot(QLatin1StringView name)
{
    if (!enterRoot())
        return false;
    if (m_reader.name() != name) {
        return fail(ErrorCode::UnexpectedRoot,
                    Tr::tr("Expected a <%1> document, but the root element is <%2>")
                        .arg(name, m_reader.qualifiedName().toString()),
                    m_reader.name().toString());
    }
    return true;
}

bool Reader::nextChild()
{
    while (!m_failed) {
        switch (m_reader.readNext()) {
        case QXmlStreamReader::StartElement:
            if (++m_depth > kMaxDepth) {
                return fail(ErrorCode::LimitExceeded,
                            Tr::tr("Elements are nested more than %1 levels deep").arg(kMaxDepth),
                            m_reader.name().toString());
            }
            return true;
        case QXmlStreamReader::EndElement:
            --m_depth;
            return false;
        case QXmlStreamReader::Invalid:
        case QXmlStreamReader::EndDocument:
            return failFromReader();
        default:
            break;
        }
    }
    return false;
}

bool Reader::skip()
{
    const int level = m_depth;
    while (!m_failed) {
        // nextChild() goes one level down, or one up at an end tag: ours is level - 1.
        if (!nextChild() && !m_failed && m_depth < level)
            return true;
    }
    return false;
}

bool Reader::readText(QString *text)
{
    if (m_failed)
        return false;
    if (isNil(m_reader)) {
        text->clear();
        return skip();
    }
    const QString name = m_reader.name().toString();
    QString value;
    while (!m_reader.atEnd()) {
        switch (m_reader.readNext()) {
        case QXmlStreamReader::Characters:
        case QXmlStreamReader::EntityReference:
            value += m_reader.text();
            break;
        case QXmlStreamReader::EndElement:
            --m_depth;
            *text = std::move(value);
            return true;
        case QXmlStreamReader::StartElement:
            return fail(ErrorCode::Syntax,
                        Tr::tr("Unexpected element <%1> inside <%2>: expected text")
                            .arg(m_reader.name().toString(), name),
                        name);
        default:
            break;
        }
    }
    return failFromReader();
}

bool Reader::readCount(const QString &label, const QString &where, qint64 *count, bool *seen)
{
    if (seen && *seen)
        return fail(ErrorCode::DuplicateField, Tr::tr("%1 appears more than once").arg(label),
                    where);
    if (seen)
        *seen = true;
    QString text;
    if (!readText(&text))
        return false;
    switch (parseCount(text, std::numeric_limits<qint64>::max(), count)) {
    case CountText::Valid:
        return true;
    case CountText::Empty:
        return fail(ErrorCode::EmptyField, Tr::tr("%1 is empty: expected a count").arg(label),
                    where);
    case CountText::NotWhole:
        return fail(ErrorCode::InvalidValue,
                    Tr::tr("%1 is \"%2\", which is not a whole number").arg(label, excerpt(text)),
                    where);
    case CountText::Negative:
        return fail(ErrorCode::InvalidValue,
                    Tr::tr("%1 is \"%2\": a count cannot be negative").arg(label, excerpt(text)),
                    where);
    case CountText::TooLarge:
        break;
    }
    return fail(ErrorCode::LimitExceeded,
                Tr::tr("%1 is \"%2\", larger than the largest count (%3)")
                    .arg(label, excerpt(text), QString::number(std::numeric_limits<qint64>::max())),
                where);
}

bool Reader::finish()
{
    if (m_failed)
        return false;
    while (!m_reader.atEnd())
        m_reader.readNext();
    if (m_reader.hasError())
        return failFromReader();
    m_depth = 0;
    return true;
}

bool Reader::isOurs() const
{
    const QStringView ns = m_reader.namespaceUri();
    return ns.isEmpty() || ns == kServiceBusNs || ns == m_rootNamespace;
}

bool Reader::isElement(QLatin1StringView localName) const
{
    return m_reader.name() == localName && isOurs();
}

bool Reader::fail(ErrorCode code, const QString &what, const QString &where)
{
    if (m_failed)
        return false;
    return fail(errorAt(m_reader, code, what, where));
}

bool Reader::fail(Error error)
{
    if (!m_failed) {
        m_error = std::move(error);
        m_failed = true;
    }
    return false;
}

bool Reader::failFromReader()
{
    if (m_reader.hasError())
        return fail(readerError(m_reader, m_document, m_input));
    return fail(ErrorCode::Truncated, Tr::tr("The %1 document ends too early").arg(m_document));
}

// --- writing ---

QString escapeText(QStringView text, TextEscaping escaping)
{
    return escaped(text, escaping == TextEscaping::OneLine ? kOneLineText : kServiceText);
}

QString escapeAttribute(QStringView value)
{
    return escaped(value, kServiceAttribute);
}

void appendEscapedText(QByteArray &out, QStringView text, TextEscaping escaping)
{
    appendEscaped(out, text, escaping == TextEscaping::OneLine ? kOneLineText : kServiceText);
}

void appendEscapedAttribute(QByteArray &out, QStringView value)
{
    appendEscaped(out, value, kServiceAttribute);
}

void appendEscapedUtf8Text(QByteArray &out, QByteArrayView utf8, TextEscaping escaping)
{
    appendEscapedUtf8(out, utf8, escaping == TextEscaping::OneLine ? kOneLineText : kServiceText);
}

void appendEscapedUtf8Attribute(QByteArray &out, QByteArrayView utf8)
{
    appendEscapedUtf8(out, utf8, kServiceAttribute);
}

QString textElement(QLatin1StringView name, QStringView text)
{
    return u'<' + name + u'>' + escapeText(text) + "</"_L1 + name + u'>';
}

QString cdataSection(QStringView text)
{
    // Filtered first: dropping a character could otherwise join a "]]>".
    QString valid;
    valid.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i)
        appendCharacter(valid, text, &i, false);
    valid.replace("]]>"_L1, "]]]]><![CDATA[>"_L1);
    return "<![CDATA["_L1 + valid + "]]>"_L1;
}

std::optional<QByteArray> pretty(const QByteArray &xml, Attributes order)
{
    // Without namespace processing the declarations are plain attributes and every name is read
    // as written, so the writer cannot invent prefixes for namespaced names.
    QXmlStreamReader reader(xml);
    reader.setNamespaceProcessing(false);
    QByteArray out;
    QXmlStreamWriter writer(&out);
    writer.setAutoFormatting(true);
    writer.setAutoFormattingIndent(2);
    while (!reader.atEnd()) {
        switch (reader.readNext()) {
        case QXmlStreamReader::StartDocument:
            // Only when the input had a declaration: the hub's answers have none.
            if (!reader.documentVersion().isEmpty())
                writer.writeStartDocument(reader.documentVersion().toString());
            break;
        case QXmlStreamReader::StartElement: {
            writer.writeStartElement(reader.qualifiedName().toString());
            const QXmlStreamAttributes attributes = reader.attributes();
            const auto isDeclaration = [](const QXmlStreamAttribute &a) {
                return a.qualifiedName() == u"xmlns" || a.qualifiedName().startsWith(u"xmlns:");
            };
            // Two passes when declarations go first: they, then the rest, each as written.
            for (int pass = order == Attributes::DeclarationsFirst ? 0 : 1; pass < 2; ++pass) {
                for (const QXmlStreamAttribute &a : attributes) {
                    if (order == Attributes::DeclarationsFirst && isDeclaration(a) != (pass == 0))
                        continue;
                    writer.writeAttribute(a.qualifiedName().toString(), a.value().toString());
                }
            }
            break;
        }
        case QXmlStreamReader::EndElement:
            writer.writeEndElement();
            break;
        case QXmlStreamReader::Characters:
            if (reader.isCDATA())
                writer.writeCDATA(reader.text().toString());
            else if (!reader.isWhitespace())
                writer.writeCharacters(reader.text().toString());
            break;
        case QXmlStreamReader::Comment:
            writer.writeComment(reader.text().toString());
            break;
        case QXmlStreamReader::ProcessingInstruction:
            writer.writeProcessingInstruction(reader.processingInstructionTarget().toString(),
                                              reader.processingInstructionData().toString());
            break;
        case QXmlStreamReader::DTD:
            writer.writeDTD(reader.text().toString());
            break;
        case QXmlStreamReader::EntityReference:
            writer.writeEntityReference(reader.name().toString());
            break;
        default:
            break;
        }
    }
    if (reader.hasError())
        return std::nullopt;
    writer.writeEndDocument();
    return out.trimmed();
}

} // namespace Nh::Xml
