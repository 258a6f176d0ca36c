// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocol/payloads/admbaidupayload.h"

#include <QCoreApplication>

using namespace Qt::Literals::StringLiterals;

namespace Nh {

namespace {

/** The translation context of this file's messages; lupdate reads it from here. */
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Nh::AdmBaiduPayload)
};

} // namespace

// --- ADM ----------------------------------------------------------------------------------------

Format AdmPayload::format() const
{
    return Format::Adm;
}

QByteArray AdmPayload::contentType(const QByteArray &, const HttpHeaders &) const
{
    // [JS] spelling; [NET] sends "application/json" without the charset (docs/protocol.md §4.3).
    return "application/json;charset=utf-8"_ba;
}

QList<PayloadPreset> AdmPayload::presets() const
{
    return {
        {u"data"_s,
         Tr::tr("Data"),
         R"({"data":{"title":"Hello","body":"Test from nhconsole"}})"_ba,
         {}},
        {u"consolidated"_s,
         Tr::tr("Data with consolidation key"),
         R"({"data":{"message":"Test from nhconsole"},"consolidationKey":"nhconsole","expiresAfter":86400})"_ba,
         {}},
    };
}

Status AdmPayload::validateBody(const QByteArray &body, const HttpHeaders &) const
{
    auto doc = parseJsonObject(body);
    if (!doc)
        return doc.error();
    Status result;
    for (const auto &w : doc.warnings())
        result.addWarning(w);
    const JsonNode &root = doc->root();
    const JsonNode *data = doc->value(root, u"data");
    if (!data) {
        return errorInText(
            body, root.offset, 1, ErrorCode::MissingField,
            Tr::tr("The %1 has no \"data\" object: ADM needs {\"data\":{…}}").arg(documentName()),
            u"data"_s);
    }
    if (data->type != JsonNode::Type::Object) {
        return errorInText(
            body, data->offset, data->length, ErrorCode::InvalidValue,
            Tr::tr("\"data\" must be an object of strings, not %1").arg(jsonTypeName(data->type)),
            u"data"_s);
    }
    if (const Status s = requireStringValues(*doc, *data, body, u"data"_s); !s)
        return s;
    return result;
}

// --- Baidu --------------------------------------------------------------------------------------

Format BaiduPayload::format() const
{
    return Format::Baidu;
}

QByteArray BaiduPayload::contentType(const QByteArray &, const HttpHeaders &) const
{
    // CONFLICT (docs/protocol.md §4.3): the .NET SDK sends application/x-www-form-urlencoded with
    // an optional X-Baidu-Message-Type; the JS SDK and the Python seed send JSON. We follow JS and
    // Python because the body is the same JSON either way; a user Content-Type header can still
    // select the .NET form for comparison.
    return "application/json;charset=utf-8"_ba;
}

QList<PayloadPreset> BaiduPayload::presets() const
{
    return {
        {u"android"_s,
         Tr::tr("Android notification"),
         R"({"title":"Hello","description":"Test from nhconsole"})"_ba,
         {}},
        {u"ios"_s, Tr::tr("iOS notification"), R"({"aps":{"alert":"Test from nhconsole"}})"_ba, {}},
    };
}

Status BaiduPayload::validateBody(const QByteArray &body, const HttpHeaders &) const
{
    auto doc = parseJsonObject(body);
    if (!doc)
        return doc.error();
    Status result;
    for (const auto &w : doc.warnings())
        result.addWarning(w);
    Warning retired;
    retired.message = Tr::tr("Baidu push is deprecated in Notification Hubs; delivery is not "
                             "confirmed to work");
    result.addWarning(retired);
    return result;
}

Status BaiduPayload::validateHeaders(const HttpHeaders &headers) const
{
    if (const auto type = headerValue(headers, "X-Baidu-Message-Type")) {
        const QByteArray v = type->trimmed();
        // Baidu's message_type: 0 = pass-through message, 1 = notification.
        if (v != "0" && v != "1") {
            return makeError(ErrorCode::InvalidValue,
                             Tr::tr("The header X-Baidu-Message-Type must be 0 (message) or 1 "
                                    "(notification), not \"%1\"")
                                 .arg(QString::fromUtf8(v.left(80))),
                             -1, 0, u"X-Baidu-Message-Type"_s);
        }
    }
    return {};
}

} // namespace Nh
