// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QLatin1StringView>
#include <QString>
#include <QXmlStreamReader>
#include <optional>

namespace Nh::Xml {

/** The namespaces of the hub's documents (docs/protocol.md §7). QLatin1StringView because Qt 6.4's
 *  QXmlStreamAttributes::value(ns, name) has QString and QLatin1StringView overloads only. */
inline constexpr QLatin1StringView kServiceBusNs {
    "http://schemas.microsoft.com/netservices/2010/10/servicebus/connect"};
inline constexpr QLatin1StringView kInstanceNs {"http://www.w3.org/2001/XMLSchema-instance"};
inline constexpr QLatin1StringView kAtomNs {"http://www.w3.org/2005/Atom"};
inline constexpr QLatin1StringView kDataServicesMetadataNs {
    "http://schemas.microsoft.com/ado/2007/08/dataservices/metadata"};

/** Documents nested deeper than this are refused (hostile input; real ones are < 10 deep). The
 *  root is level 1, so kMaxDepth levels are accepted. */
inline constexpr int kMaxDepth = 64;
/** Bodies larger than this are refused before parsing (the service's own limit is 64 KB for
 *  requests; registration feeds of 100 entries stay well below this). */
inline constexpr qsizetype kMaxDocumentBytes = 16 * 1024 * 1024;
/** Values quoted in messages are cut to this many characters (see excerpt()). */
inline constexpr qsizetype kExcerptLimit = 40;

/**
 * A place in a document, as the errors of these parsers report it (Error::line, column, offset).
 *
 * - `line` is QXmlStreamReader::lineNumber(): 1-based; LF, CR LF and a lone CR each end a line.
 * - `column` is QXmlStreamReader::columnNumber(): the number of UTF-16 code units the reader has
 *   consumed on the current line. Read as a 1-based column, it names the last character the
 *   reader took: for an error about an element, the '>' of its start tag (or of its end tag once
 *   the element has been read); for a character Qt refuses, that character. It is 0 when the
 *   reader stands at the start of a line (nothing on it consumed yet). Columns count UTF-16 code
 *   units, not bytes and not code points: "é" is one, an emoji two.
 * - `offset` is QXmlStreamReader::characterOffset(): UTF-16 code units consumed since the start
 *   of the decoded document (a BOM is not counted), i.e. the 0-based offset just past that
 *   character. It is not a byte offset.
 *
 * The one exception is an error that names a single character the reader never took (one XML
 * forbids, found by readerError()): there `column` is that character's 1-based column, `offset`
 * its 0-based offset and Error::length 1.
 */
struct Position
{
    qint64 line = 0;
    qint64 column = 0;
    qint64 offset = -1;
};

/** Where `reader` stands now (see Position). */
Position positionOf(const QXmlStreamReader &reader);

/**
 * An Error located at `at`. `what` is the sentence without the location, which is appended
 * ("… (line 3, column 17)"); `what` may hold any text, "%1" included.
 */
Error errorAt(const Position &at, ErrorCode code, const QString &what, const QString &where = {});
/** errorAt(positionOf(reader), …). */
Error errorAt(const QXmlStreamReader &reader, ErrorCode code, const QString &what,
              const QString &where = {});

/** A Warning at the reader's current offset. */
Warning warningAt(const QXmlStreamReader &reader, const QString &message);

/**
 * The Error for a reader that has hasError(); `document` names the kind ("NotificationOutcome").
 *
 * Qt reports PrematureEndOfDocumentError whenever it wants more input, which also happens for
 * input that is not XML at all (fewer than 4 bytes, a control character right after a name).
 * With `input` (the bytes the reader was given) such an error is Truncated only when the input
 * is XML up to its end: it starts with '<' (after a BOM and white space) and holds no character
 * XML 1.0 forbids (C0 controls other than TAB, LF, CR; U+FFFE, U+FFFF). Otherwise it is Syntax,
 * located at that character. Without `input`, every premature end is Truncated. All other reader
 * errors (not well-formed, bad encoding, invalid characters, custom ones) are Syntax.
 */
Error readerError(const QXmlStreamReader &reader, const QString &document,
                  QByteArrayView input = {});

/** True if the current StartElement carries xsi:nil="true" (any prefix bound to kInstanceNs). */
bool isNil(const QXmlStreamReader &reader);

/** Checks that a body is non-empty (Empty) and not over kMaxDocumentBytes (LimitExceeded);
 *  `document` names the kind in the message. */
Status checkBody(const QByteArray &body, const QString &document);

/** `value` cut to kExcerptLimit characters with "…" appended when cut, for quoting in messages,
 *  so that a hostile megabyte of text stays out of them. */
QString excerpt(QStringView value);

/** How a text reads as a count (see parseCount()). */
enum class CountText { Valid, Empty, NotWhole, Negative, TooLarge };

/**
 * Reads `text` as a non-negative whole number of at most `max` (xs:long, xs:int as DataContract
 * writes them): decimal digits, surrounding white space and one leading '+' allowed. Sets *value
 * only when the result is CountText::Valid.
 */
CountText parseCount(QStringView text, qint64 max, qint64 *value);

/**
 * Walks one document element by element over a QXmlStreamReader. It counts the absolute depth
 * (root = 1) and refuses an element deeper than kMaxDepth with LimitExceeded, wherever it is met
 * (also inside skip()), and keeps the first error, so that callers can simply stop: every call
 * that moves returns false on error and keeps returning false after it.
 *
 * Errors: the reader's own through readerError() (given the input, so Truncated means truncated),
 * LimitExceeded for depth, UnexpectedRoot from enterRoot(name), Syntax for an element inside a
 * text-only one, InvalidValue/EmptyField/LimitExceeded/DuplicateField from readCount(), and
 * whatever the caller passes to fail().
 */
class Reader
{
public:
    /** `document` names the kind in messages ("NotificationOutcome", "registration feed"). */
    Reader(const QByteArray &xml, const QString &document);
    Reader(const Reader &) = delete;
    Reader &operator=(const Reader &) = delete;

    /** Reads up to the root element and stands on it. */
    bool enterRoot();
    /** enterRoot() and checks the root's local name (any namespace, any prefix). */
    bool enterRoot(QLatin1StringView name);
    /** Moves to the next child element of the open one; false at its end tag or on error. */
    bool nextChild();
    /** Skips the current element up to and including its end tag. */
    bool skip();
    /** The text of the current element (xsi:nil = empty; CDATA and references resolved); consumes
     *  its end tag. A child element is a Syntax error. */
    bool readText(QString *text);
    /**
     * Reads the current element as a non-negative xs:long (surrounding white space and a '+'
     * allowed). `label` names it in messages ("<Success>", "<Count> of outcome 2 in <…>"), `where`
     * is Error::where. With `seen`, a second such element is DuplicateField, else *seen is set.
     */
    bool readCount(const QString &label, const QString &where, qint64 *count, bool *seen = nullptr);
    /** Reads on to the end of the document, so trailing garbage is an error too. */
    bool finish();

    /** The current element is in the service namespace, in none, or in the root's. */
    bool isOurs() const;
    /** The current element is `localName` and isOurs(). */
    bool isElement(QLatin1StringView localName) const;

    /** Fails with an Error located where the reader stands; returns false. The first error wins. */
    bool fail(ErrorCode code, const QString &what, const QString &where = {});
    /** Fails with `error` unless an error came first; returns false. */
    bool fail(Error error);
    bool failed() const { return m_failed; }
    /** The first error; code None while none has happened. */
    const Error &error() const { return m_error; }

    const QXmlStreamReader &stream() const { return m_reader; }
    /** positionOf(stream()). */
    Position position() const { return positionOf(m_reader); }
    /** How deep the reader stands: 1 on the root, 0 before it and after it has ended. */
    int depth() const { return m_depth; }

private:
    bool failFromReader();

    QByteArray m_input;
    QXmlStreamReader m_reader;
    QString m_document;
    QString m_rootNamespace;
    int m_depth = 0;
    bool m_failed = false;
    Error m_error;
};

/** How escapeText() writes line breaks and characters XML 1.0 cannot carry. */
enum class TextEscaping {
    /** CR and LF as &#13; and &#10;, so that the document stays on one line and a parser does
     *  not fold CR LF into LF; TAB as it is; a character XML 1.0 cannot carry becomes U+FFFD. */
    OneLine,
    /** As the service's .NET writer puts text (docs/protocol.md §7.6, reproduced byte for byte by
     *  the emulator): LF and TAB as they are, CR as &#xD;; a character XML 1.0 cannot carry is
     *  dropped. */
    Service,
};

/**
 * `text` as XML character data: &, < and > as entities; '"' and '\'' as they are (the service
 * does not escape them in text); line breaks and characters XML 1.0 cannot carry as `escaping`
 * says. A lone surrogate becomes U+FFFD in both.
 */
QString escapeText(QStringView text, TextEscaping escaping = TextEscaping::OneLine);

/**
 * `value` for a "…"-quoted attribute, as the service writes it: &, <, > and " as entities; TAB,
 * LF and CR as &#x9;, &#xA; and &#xD; (attribute normalization would turn them into spaces);
 * characters XML 1.0 cannot carry dropped, a lone surrogate as U+FFFD.
 */
QString escapeAttribute(QStringView value);

/** Appends escapeText(text, escaping).toUtf8() to `out` without the QString in between: ASCII is
 *  copied byte by byte (for writers that answer many requests, e.g. the emulator's feeds). */
void appendEscapedText(QByteArray &out, QStringView text,
                       TextEscaping escaping = TextEscaping::OneLine);

/** Appends escapeAttribute(value).toUtf8() to `out`, as appendEscapedText() does. */
void appendEscapedAttribute(QByteArray &out, QStringView value);

/** appendEscapedText() of QString::fromUtf8(utf8), without the QString while the text is ASCII
 *  (the emulator's stored ids and handles are UTF-8). */
void appendEscapedUtf8Text(QByteArray &out, QByteArrayView utf8,
                           TextEscaping escaping = TextEscaping::OneLine);

/** appendEscapedAttribute() of QString::fromUtf8(utf8), as appendEscapedUtf8Text() does. */
void appendEscapedUtf8Attribute(QByteArray &out, QByteArrayView utf8);

/** "<name>" + escapeText(text) + "</name>" (OneLine). `name` is written as it is. */
QString textElement(QLatin1StringView name, QStringView text);

/** `text` as a CDATA section; "]]>" in it ends one section after "]]" and starts another for
 *  ">"; characters XML 1.0 cannot carry are dropped, a lone surrogate becomes U+FFFD. */
QString cdataSection(QStringView text);

/** The order pretty() writes an element's attributes in. */
enum class Attributes {
    AsWritten, ///< as in the input (editors: the user's document stays theirs)
    DeclarationsFirst, ///< namespace declarations, then the rest (comparing two documents)
};

/**
 * `xml` indented by two spaces a level, for people to read. Names, prefixes and namespace
 * declarations stay as written (no invented n1: prefixes); the XML declaration is kept only when
 * the input has one; text that is only white space is dropped; CDATA sections, comments and
 * processing instructions are kept. nullopt when `xml` is not well-formed.
 */
std::optional<QByteArray> pretty(const QByteArray &xml, Attributes order = Attributes::AsWritten);

} // namespace Nh::Xml
