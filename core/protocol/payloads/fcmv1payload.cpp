// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocol/payloads/fcmv1payload.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <array>

using namespace Qt::Literals::StringLiterals;

namespace Nh {

namespace {

/** The translation context of this file's messages; lupdate reads it from here. */
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Nh::FcmV1Payload)
};

// Members of an FCM v1 Message that say what to deliver (besides the target).
constexpr std::array<QStringView, 6> kContentKeys {
    {u"notification", u"data", u"android", u"apns", u"webpush", u"fcm_options"}};
// The hub fills in the target from the registration or the direct-send handle.
constexpr std::array<QStringView, 3> kTargetKeys {{u"token", u"topic", u"condition"}};

} // namespace

Format FcmV1Payload::format() const
{
    return Format::FcmV1;
}

QByteArray FcmV1Payload::contentType(const QByteArray &, const HttpHeaders &) const
{
    return "application/json;charset=utf-8"_ba;
}

QList<PayloadPreset> FcmV1Payload::presets() const
{
    return {
        {u"notification"_s,
         Tr::tr("Notification"),
         R"({"message":{"notification":{"title":"Hello","body":"Test from nhconsole"}}})"_ba,
         {}},
        // A data-only message shows nothing by itself: the app's handler must display it.
        {u"data"_s,
         Tr::tr("Data only"),
         R"({"message":{"data":{"title":"Hello","body":"Test from nhconsole"}}})"_ba,
         {}},
        {u"android-high"_s,
         Tr::tr("Android, high priority"),
         R"({"message":{"android":{"priority":"high","notification":{"title":"Hello","body":"Test from nhconsole"}}}})"_ba,
         {}},
    };
}

Status FcmV1Payload::validateBody(const QByteArray &body, const HttpHeaders &) const
{
    auto doc = parseJsonObject(body);
    if (!doc)
        return doc.error();
    Status result;
    for (const auto &w : doc.warnings())
        result.addWarning(w);
    const JsonNode &root = doc->root();
    const JsonNode::Member *message = doc->member(root, u"message");
    if (!message) {
        const bool legacyShape = doc->member(root, u"notification") || doc->member(root, u"data");
        return errorInText(body, root.offset, 1, ErrorCode::MissingField,
                           legacyShape
                               ? Tr::tr("The %1 has no \"message\" object: FCM v1 wraps the "
                                        "message as {\"message\":{\"notification\":{…}}}; "
                                        "this looks like a legacy (gcm) body")
                                     .arg(documentName())
                               : Tr::tr("The %1 has no \"message\" object: FCM v1 needs "
                                        "{\"message\":{…}} at the top level")
                                     .arg(documentName()),
                           u"message"_s);
    }
    for (const auto &m : root.members) {
        if (m.key != u"message" && m.key != u"validate_only") {
            result.addWarning(warningInText(body, m.keyOffset, m.keyLength,
                                            Tr::tr("FCM v1 does not know the top-level member "
                                                   "\"%1\"; only \"message\" is sent on")
                                                .arg(m.key)));
        }
    }
    const JsonNode &msg = doc->node(message->child);
    if (msg.type != JsonNode::Type::Object) {
        return errorInText(
            body, msg.offset, msg.length, ErrorCode::InvalidValue,
            Tr::tr("\"message\" must be an object, not %1").arg(jsonTypeName(msg.type)),
            u"message"_s);
    }
    for (const QStringView key : kTargetKeys) {
        if (const JsonNode::Member *m = doc->member(msg, key)) {
            const QString path = u"message."_s + key;
            return errorInText(body, m->keyOffset, m->keyLength, ErrorCode::InvalidValue,
                               Tr::tr("\"%1\" must not be set: the hub adds the target itself "
                                      "(tags, registration or device handle)")
                                   .arg(path),
                               path);
        }
    }
    const auto checkData = [&](const JsonNode &parent, const QString &path) -> Status {
        const JsonNode *data = doc->value(parent, u"data");
        if (!data)
            return {};
        if (data->type != JsonNode::Type::Object) {
            return errorInText(body, data->offset, data->length, ErrorCode::InvalidValue,
                               Tr::tr("\"%1\" must be an object of strings, not %2")
                                   .arg(path, jsonTypeName(data->type)),
                               path);
        }
        return requireStringValues(*doc, *data, body, path);
    };
    if (const Status s = checkData(msg, u"message.data"_s); !s)
        return s;
    if (const JsonNode *android = doc->value(msg, u"android");
        android && android->type == JsonNode::Type::Object) {
        if (const Status s = checkData(*android, u"message.android.data"_s); !s)
            return s;
        if (const JsonNode *ttl = doc->value(*android, u"ttl")) {
            static const QRegularExpression duration(u"^\\d+(\\.\\d{1,9})?s$"_s);
            if (ttl->type != JsonNode::Type::String || !duration.match(ttl->text).hasMatch()) {
                result.addWarning(
                    warningInText(body, ttl->offset, ttl->length,
                                  Tr::tr("FCM v1 wants \"android.ttl\" as a string of "
                                         "seconds such as \"3600s\" (legacy "
                                         "time_to_live was a number)")));
            }
        }
    }
    bool hasContent = false;
    for (const QStringView key : kContentKeys)
        hasContent = hasContent || doc->member(msg, key);
    if (!hasContent) {
        result.addWarning(
            warningInText(body, message->keyOffset, message->keyLength,
                          Tr::tr("\"message\" has no notification, data, android, apns "
                                 "or webpush member: nothing will be delivered")));
    }
    return result;
}

} // namespace Nh
