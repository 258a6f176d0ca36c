// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "protocol/installation.h"
#include "protocol/platform.h"
#include "protocol/registration.h"
#include "protocol/templateexpression.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace Nh {

/** What a template registration or installation template carries (docs/protocol.md §13.1). */
struct TemplateSource
{
    Platform platform = Platform::Apple;
    QString body; ///< BodyTemplate / templates.{name}.body
    QList<TemplateHeader>
        headers; ///< WnsHeaders, MpnsHeaders, ApnsHeaders / templates.{name}.headers
    QString expiry; ///< APNs; empty = none
    QString priority; ///< APNs registrations; empty = none
    QString name; ///< TemplateName / the installation's template key; may be empty
    bool installationTemplate = false; ///< an installation template rather than a registration

    /** The template part of a template registration (a native one gives an empty body). */
    static TemplateSource fromRegistration(const Registration &registration);
    /** One template of an installation of `platform`. */
    static TemplateSource fromInstallation(Platform platform, const QString &name,
                                           const InstallationTemplate &tpl);
};

/** Which field of a TemplateSource a value is in. */
enum class TemplateField : quint8 { Body, Header, Expiry, Priority };

/**
 * One place of a template that the hub evaluates: a JSON string leaf, an XML attribute value or
 * leaf element text, a header value, the APNs expiry or priority. Offsets are in QChar units of
 * the field's text (TemplateSource::body for the body, the header value otherwise).
 */
struct TemplateSlot
{
    enum class Context : quint8 { JsonString, XmlAttribute, XmlText, Header, Expiry, Priority };

    TemplateField field = TemplateField::Body;
    Context context = Context::JsonString;
    QString header; ///< Header: its name
    /// Body: "aps.alert", "message.data.count", "items[1]" (JSON); "toast/visual/binding/text",
    /// "image/@src" (XML). Header fields: the header name, "Expiry", "Priority".
    QString path;
    /// The value as the hub reads it (JSON escapes and XML entities decoded).
    QString value;
    /// The span the renderer replaces: JSON: the string token with its quotes; XML: the raw
    /// attribute value inside its quotes, or the raw element content; other fields: all of it.
    qsizetype offset = 0;
    qsizetype length = 0;
    /// Where `value` starts in the field text when it is written there unchanged (no escapes,
    /// no entities): position i of `value` is then valueOffset + i.
    qsizetype valueOffset = 0;
    /// Otherwise the field-text offset of each QChar of `value`, plus one entry for its end
    /// (size value.size() + 1). Empty when the value is written unchanged.
    QList<qsizetype> sourceMap;
    /// The quote of an XML attribute value (`"` or `'`), else a null QChar.
    QChar quote;
    /// The parsed value (a literal when `error` is set).
    TemplateExpression expression;
    /// Why the value does not parse; located in the field text.
    std::optional<Error> error;

    /** The position in the field text of position `i` of `value`. */
    qsizetype sourceOffset(qsizetype i) const;
};

/**
 * A template split into the places the hub evaluates, each parsed (docs/protocol.md §13.3).
 * JSON bodies (first non-space character `{`) are read with the strict JSON reader, XML bodies
 * (first `<`) with QXmlStreamReader for well-formedness and a span scanner for positions.
 *
 * parse() fails only when the body is neither (ErrorCode::Syntax, "Invalid payload format…"),
 * or is malformed JSON/XML (ErrorCode::Syntax/Truncated, located in the body). A value that does
 * not parse does not fail the document: its slot carries the error (see firstError()), so that
 * a linter or an editor can show them all.
 */
class TemplateDocument
{
    Q_DECLARE_TR_FUNCTIONS(Nh::TemplateDocument)

public:
    enum class BodyKind : quint8 { Json, Xml };

    /** A JSON member key, for the linter (keys are never evaluated). */
    struct Key
    {
        QString text;
        QString path;
        qsizetype offset = 0; ///< of the opening quote, in the body
        qsizetype length = 0;
        bool stringValue = false; ///< the member's value is a JSON string
        bool containerValue = false; ///< the member's value is an object or an array
    };

    static Result<TemplateDocument> parse(const TemplateSource &source);

    const TemplateSource &source() const { return m_source; }
    BodyKind bodyKind() const { return m_kind; }
    /** Every evaluated place, body first (document order), then headers, expiry, priority. */
    const QList<TemplateSlot> &values() const { return m_slots; }
    /** JSON bodies: every member key in document order. */
    const QList<Key> &keys() const { return m_keys; }
    /** The first slot error, with where = the field ("BodyTemplate", a header name, …). */
    std::optional<Error> firstError() const;
    /** Distinct property names the template uses, compared case-insensitively, first spelling. */
    QStringList properties() const;

private:
    class JsonScanner;
    class XmlScanner;
    TemplateSource m_source;
    BodyKind m_kind = BodyKind::Json;
    QList<TemplateSlot> m_slots;
    QList<Key> m_keys;
};

/** "BodyTemplate", the header name, "Expiry" or "Priority": the field named in messages. */
QString templateFieldName(const TemplateSlot &slot);

} // namespace Nh
