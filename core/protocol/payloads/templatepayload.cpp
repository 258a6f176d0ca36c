// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocol/payloads/templatepayload.h"

#include <QCoreApplication>
#include <QHash>

using namespace Qt::Literals::StringLiterals;

namespace Nh {

namespace {

/** The translation context of this file's messages; lupdate reads it from here. */
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Nh::TemplatePayload)
};

} // namespace

Format TemplatePayload::format() const
{
    return Format::Template;
}

QByteArray TemplatePayload::contentType(const QByteArray &, const HttpHeaders &) const
{
    return "application/json;charset=utf-8"_ba;
}

QList<PayloadPreset> TemplatePayload::presets() const
{
    return {
        {u"title-body"_s,
         Tr::tr("Title and body"),
         R"({"title":"Hello","body":"Test from nhconsole"})"_ba,
         {}},
        {u"message"_s, Tr::tr("Single message"), R"({"message":"Test from nhconsole"})"_ba, {}},
        // Template values are strings even when the template uses them as numbers.
        {u"badge"_s,
         Tr::tr("Message and badge"),
         R"({"message":"Test from nhconsole","badge":"7"})"_ba,
         {}},
    };
}

QByteArray TemplatePayload::bodyFromProperties(const TemplateProperties &properties)
{
    QByteArray out("{");
    bool first = true;
    for (const auto &[name, value] : properties) {
        if (!first)
            out.append(',');
        first = false;
        out.append(jsonQuote(name));
        out.append(':');
        out.append(jsonQuote(value));
    }
    out.append('}');
    return out;
}

Result<TemplateProperties> TemplatePayload::propertiesFromBody(const QByteArray &body)
{
    const QString document = Tr::tr("%1 payload").arg(formatDisplayName(Format::Template));
    auto doc = JsonDocument::parse(body, document);
    if (!doc)
        return doc.error();
    const JsonNode &root = doc->root();
    if (root.type != JsonNode::Type::Object) {
        return errorInText(
            body, root.offset, root.length, ErrorCode::UnexpectedRoot,
            Tr::tr("A template payload must be a flat JSON object of strings, not %1")
                .arg(jsonTypeName(root.type)));
    }
    TemplateProperties properties;
    QHash<QString, qsizetype> firstIndex;
    for (qsizetype i = 0; i < root.members.size(); ++i) {
        const JsonNode::Member &m = root.members.at(i);
        const JsonNode &value = doc->node(m.child);
        if (value.type != JsonNode::Type::String) {
            return errorInText(body, m.keyOffset, value.offset + value.length - m.keyOffset,
                               ErrorCode::InvalidValue,
                               Tr::tr("The template property \"%1\" must be a string, not %2: "
                                      "template values are strings only")
                                   .arg(m.key, jsonTypeName(value.type)),
                               m.key);
        }
        if (const auto seen = firstIndex.constFind(m.key); seen != firstIndex.cend()) {
            const TextPosition firstAt = textPosition(body, root.members.at(*seen).keyOffset);
            return errorInText(body, m.keyOffset, m.keyLength, ErrorCode::DuplicateField,
                               Tr::tr("The template property \"%1\" appears twice (first at line "
                                      "%2, column %3)")
                                   .arg(m.key)
                                   .arg(firstAt.line)
                                   .arg(firstAt.column),
                               m.key);
        }
        firstIndex.insert(m.key, i);
        properties.append({m.key, value.text});
    }
    Result<TemplateProperties> result(std::move(properties));
    result.setWarnings(doc.warnings());
    return result;
}

Status TemplatePayload::validateBody(const QByteArray &body, const HttpHeaders &) const
{
    const auto properties = propertiesFromBody(body);
    if (!properties)
        return properties.error();
    Status result;
    for (const auto &w : properties.warnings())
        result.addWarning(w);
    if (properties->isEmpty()) {
        Warning w;
        w.message = Tr::tr("The template payload has no properties: every $(name) in the templates "
                           "will be empty");
        result.addWarning(w);
    }
    return result;
}

} // namespace Nh
