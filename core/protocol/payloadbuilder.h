// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/httpheaders.h"
#include "common/result.h"
#include "protocol/platform.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringView>

namespace Nh {

/** The hub refuses request bodies larger than this with 413 (docs/protocol.md §4.8): an Error. */
inline constexpr qsizetype kMaxSendBodyBytes = 64 * 1024;
/** APNs refuses payloads larger than this, VoIP included; the hub accepts them: a Warning. */
inline constexpr qsizetype kMaxApnsPayloadBytes = 4 * 1024;
/** WNS refuses raw notifications larger than this; the hub accepts them: a Warning. */
inline constexpr qsizetype kMaxWnsRawBytes = 5 * 1024;
/** MPNS refuses raw notifications larger than this; the hub accepts them: a Warning. */
inline constexpr qsizetype kMaxMpnsRawBytes = 1024;

class JsonDocument;
struct JsonNode;

/** A ready-made notification a person can send as it is: a body plus its platform headers. */
struct PayloadPreset
{
    QString id; ///< stable and untranslated ("alert", "background", "toast", …)
    QString name; ///< translated, for pickers
    QByteArray body; ///< UTF-8
    HttpHeaders headers; ///< platform headers the preset needs (may be empty)
};

/**
 * What a notification format needs on the wire: its Content-Type, the platform headers derived
 * from the body, validation with located errors, and presets. One stateless instance per
 * format, obtained from payloadBuilder(); safe to use from any thread.
 *
 * `headers` arguments are the user's platform headers (names case-insensitive). They override
 * the derived ones: an explicit `X-WNS-Type: wns/raw` makes an XML body raw.
 */
class PayloadBuilder
{
public:
    PayloadBuilder() = default;
    virtual ~PayloadBuilder() = default;
    Q_DISABLE_COPY_MOVE(PayloadBuilder)

    virtual Format format() const = 0;

    /** The Content-Type to send with `body` (the SDKs' spelling, docs/protocol.md §4.3). */
    virtual QByteArray contentType(const QByteArray &body, const HttpHeaders &headers) const = 0;

    /**
     * Platform headers derived from the body alone (X-WNS-Type from the root element, the MPNS
     * target and class, …), in the order they are sent. Empty for formats that derive none.
     */
    virtual HttpHeaders derivedHeaders(const QByteArray &body, const HttpHeaders &headers) const;

    /** derivedHeaders() with the user's headers applied on top: a user header replaces a
     *  derived one in place, other user headers follow in their own order. */
    HttpHeaders platformHeaders(const QByteArray &body, const HttpHeaders &headers) const;

    /**
     * Checks body and headers as the hub and the PNS would. Errors (ErrorCode::Syntax for
     * malformed JSON/XML with line/column, MissingField, InvalidValue, UnexpectedRoot,
     * LimitExceeded for bodies over kMaxSendBodyBytes, …) are what the hub refuses or what
     * cannot work; Warnings are what the hub accepts but the PNS will refuse or ignore
     * (oversized APNs/WNS raw/MPNS raw bodies, retired platforms, …). Never throws.
     */
    Status validate(const QByteArray &body, const HttpHeaders &headers) const;

    /** Named presets, the first being the default; every one of them validates. */
    virtual QList<PayloadPreset> presets() const = 0;
    PayloadPreset defaultPreset() const;
    QByteArray defaultBody() const;

protected:
    /** Format-specific body checks; called after the common size/emptiness checks. */
    virtual Status validateBody(const QByteArray &body, const HttpHeaders &headers) const = 0;
    /** Format-specific header-value checks; called after the common name/value checks. */
    virtual Status validateHeaders(const HttpHeaders &headers) const;
    /** "Apple (APNs) payload": names the document in messages. */
    QString documentName() const;

    /** Parses a JSON body whose root must be an object (UnexpectedRoot otherwise). */
    Result<JsonDocument> parseJsonObject(const QByteArray &body) const;
    /**
     * Requires every member of `object` to be a string (InvalidValue located at the member,
     * naming `path.key`); `path` is the object's own dotted path ("message.data").
     */
    Status requireStringValues(const JsonDocument &doc, const JsonNode &object, QByteArrayView body,
                               const QString &path) const;
    /** A warning when `body` is over `limit` bytes: the hub accepts it, `pns` refuses it. */
    void warnIfOver(Status &status, const QByteArray &body, qsizetype limit,
                    const QString &pns) const;
};

/** The builder for `format`; the reference stays valid for the life of the process. */
const PayloadBuilder &payloadBuilder(Format format);

/**
 * Checks the user's header list for what no format accepts: names that are not HTTP tokens,
 * values with control characters, and headers that nhconsole sets itself (Authorization,
 * ServiceBusNotification-*, Content-Length, Host). Content-Type is allowed: it replaces the
 * builder's choice.
 */
Status validateUserHeaders(const HttpHeaders &headers);

/** Appends the warnings of `from` to `into`. */
void appendWarnings(Status &into, const Status &from);

// ---------------------------------------------------------------------------------------------
// Helpers shared by the builders in payloads/ and by the batch and template code.

/**
 * A strict (RFC 8259) JSON reader that keeps where every value and key is, because the
 * validators must say where a problem is and QJsonParseError::offset points past the token
 * it complains about. Keys keep their document order (templates need it).
 */
struct JsonNode
{
    enum class Type : quint8 { Null, Bool, Number, String, Array, Object };
    struct Member
    {
        QString key;
        qsizetype keyOffset = 0; ///< byte offset of the key's opening quote
        qsizetype keyLength = 0; ///< bytes, quotes included
        int child = -1; ///< index of the value in JsonDocument
    };

    Type type = Type::Null;
    qsizetype offset = 0; ///< byte offset of the value's first byte
    qsizetype length = 0; ///< bytes
    QString text; ///< String: decoded value; Number and Bool: the literal
    QList<Member> members; ///< Object, in document order (duplicates kept)
    QList<int> items; ///< Array
};

class JsonDocument
{
public:
    /** Refuses bigger input outright (payloads are ≤ 64 KB; this bounds memory). */
    static constexpr qsizetype kMaxBytes = 1024 * 1024;
    static constexpr int kMaxDepth = 64;

    /**
     * Parses `text` (UTF-8, an optional BOM is skipped with a warning). `document` names it in
     * messages ("Apple (APNs) payload"). Errors: Empty, Syntax (with line/column/offset of the
     * offending byte), Truncated (located at the end), LimitExceeded (size, depth).
     */
    static Result<JsonDocument> parse(QByteArrayView text, const QString &document);

    const JsonNode &root() const { return m_nodes.first(); }
    const JsonNode &node(int index) const { return m_nodes.at(index); }
    /** The first member called `key` of an object node, or nullptr. */
    const JsonNode::Member *member(const JsonNode &object, QStringView key) const;
    /** The value of the first member called `key`, or nullptr. */
    const JsonNode *value(const JsonNode &object, QStringView key) const;

private:
    QList<JsonNode> m_nodes;
};

/** A translated name for a JSON type: "a string", "a number", "an object", … */
QString jsonTypeName(JsonNode::Type type);

/** 1-based line and column (in QChar units) of a byte offset in UTF-8 text. */
struct TextPosition
{
    qint64 line = 1;
    qint64 column = 1;
};
TextPosition textPosition(QByteArrayView text, qsizetype byteOffset);

/** An Error at a byte offset of `text`; " (line L, column C)" is appended to `what`. */
Error errorInText(QByteArrayView text, qsizetype offset, qsizetype length, ErrorCode code,
                  const QString &what, const QString &where = {});
/** The same location for a Warning. */
Warning warningInText(QByteArrayView text, qsizetype offset, qsizetype length, const QString &what);

/** `s` as a JSON string literal (quotes included), UTF-8, escaping only what must be. */
QByteArray jsonQuote(QStringView s);

/** True if the first byte after whitespace (and a UTF-8 BOM) is '<'. */
bool looksLikeXml(QByteArrayView body);

/** The root element of an XML document and its first child element. */
struct XmlOutline
{
    QString rootName; ///< local name
    QString rootNamespace;
    QString rootPrefix;
    QString firstChildName; ///< local name, empty when the root has no child element
    QString firstChildNamespace;
    qsizetype rootOffset = 0; ///< byte offset of the root's '<' (exact when the prolog is ASCII)
    qsizetype rootLength = 0; ///< bytes of '<' plus the qualified name
};

/**
 * Reads a whole XML document: well-formedness (Syntax/Truncated with line and column),
 * nesting (LimitExceeded beyond Xml::kMaxDepth) and a root element (Empty when none).
 */
Result<XmlOutline> readXmlOutline(const QByteArray &body, const QString &document);

} // namespace Nh
