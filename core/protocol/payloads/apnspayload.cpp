// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocol/payloads/apnspayload.h"

#include <QCoreApplication>
#include <array>

using namespace Qt::Literals::StringLiterals;

namespace Nh {

namespace {

/** The translation context of this file's messages; lupdate reads it from here. */
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Nh::ApnsPayload)
};

// Apple's documented apns-push-type values (docs/protocol.md §4.4 lists the first six; the rest are
// the newer ones from Apple's "Sending notification requests to APNs").
constexpr std::array<QByteArrayView, 11> kPushTypes {{
    "alert",
    "background",
    "voip",
    "complication",
    "fileprovider",
    "mdm",
    "location",
    "liveactivity",
    "pushtotalk",
    "widgets",
    "controls",
}};

constexpr qsizetype kMaxCollapseIdBytes = 64;

QString headerName(QByteArrayView name)
{
    return QString::fromLatin1(name);
}

bool isUnsignedInteger(QByteArrayView v)
{
    if (v.isEmpty() || v.size() > 18)
        return false;
    for (const char c : v) {
        if (c < '0' || c > '9')
            return false;
    }
    return true;
}

} // namespace

Format ApnsPayload::format() const
{
    return Format::Apple;
}

QByteArray ApnsPayload::contentType(const QByteArray &, const HttpHeaders &) const
{
    return "application/json;charset=utf-8"_ba;
}

QList<PayloadPreset> ApnsPayload::presets() const
{
    return {
        {u"alert"_s,
         Tr::tr("Alert"),
         R"({"aps":{"alert":{"title":"Hello","body":"Test from nhconsole"},"sound":"default"}})"_ba,
         {{"apns-push-type"_ba, "alert"_ba}, {"apns-priority"_ba, "10"_ba}}},
        // Apple requires priority 5 and no alert/sound/badge for background pushes.
        {u"background"_s,
         Tr::tr("Background (silent)"),
         R"({"aps":{"content-available":1},"refresh":"nhconsole"})"_ba,
         {{"apns-push-type"_ba, "background"_ba}, {"apns-priority"_ba, "5"_ba}}},
        {u"badge"_s,
         Tr::tr("Badge"),
         R"({"aps":{"badge":7}})"_ba,
         {{"apns-push-type"_ba, "alert"_ba}, {"apns-priority"_ba, "10"_ba}}},
    };
}

Status ApnsPayload::validateBody(const QByteArray &body, const HttpHeaders &headers) const
{
    auto doc = parseJsonObject(body);
    if (!doc)
        return doc.error();
    Status result;
    for (const auto &w : doc.warnings())
        result.addWarning(w);
    const JsonNode &root = doc->root();
    const JsonNode::Member *aps = doc->member(root, u"aps");
    if (!aps) {
        return errorInText(
            body, root.offset, 1, ErrorCode::MissingField,
            Tr::tr("The %1 has no \"aps\" object: APNs needs {\"aps\":{…}} at the top "
                   "level")
                .arg(documentName()),
            u"aps"_s);
    }
    const JsonNode &apsNode = doc->node(aps->child);
    if (apsNode.type != JsonNode::Type::Object) {
        return errorInText(
            body, apsNode.offset, apsNode.length, ErrorCode::InvalidValue,
            Tr::tr("\"aps\" must be an object, not %1").arg(jsonTypeName(apsNode.type)), u"aps"_s);
    }
    const bool hasAlert = doc->member(apsNode, u"alert") != nullptr;
    const bool hasBadge = doc->member(apsNode, u"badge") != nullptr;
    const bool hasSound = doc->member(apsNode, u"sound") != nullptr;
    const JsonNode *available = doc->value(apsNode, u"content-available");
    if (!hasAlert && !hasBadge && !hasSound && !available) {
        result.addWarning(warningInText(body, aps->keyOffset, aps->keyLength,
                                        Tr::tr("\"aps\" has none of alert, badge, sound or "
                                               "content-available: the device will show nothing")));
    }
    if (available && !(available->type == JsonNode::Type::Number && available->text == u"1")) {
        result.addWarning(warningInText(body, available->offset, available->length,
                                        Tr::tr("\"content-available\" should be the number 1; APNs "
                                               "ignores other values")));
    }
    const auto pushType = headerValue(headers, "apns-push-type");
    if (pushType && pushType->trimmed().compare("background", Qt::CaseInsensitive) == 0) {
        if (!available) {
            result.addWarning(
                warningInText(body, apsNode.offset, 1,
                              Tr::tr("A background push needs \"content-available\": 1 "
                                     "in \"aps\"")));
        }
        if (hasAlert || hasBadge || hasSound) {
            result.addWarning(warningInText(body, apsNode.offset, 1,
                                            Tr::tr("Apple wants background pushes without alert, "
                                                   "badge or sound; APNs may drop this one")));
        }
    }
    warnIfOver(result, body, kMaxApnsPayloadBytes, u"APNs"_s);
    return result;
}

Status ApnsPayload::validateHeaders(const HttpHeaders &headers) const
{
    Status result;
    QByteArray pushType;
    QByteArray priority;
    for (const auto &[name, rawValue] : headers) {
        const QByteArray value = rawValue.trimmed();
        const QString shown = QString::fromUtf8(value.left(80));
        if (name.compare("apns-push-type", Qt::CaseInsensitive) == 0) {
            bool known = false;
            for (const QByteArrayView t : kPushTypes)
                known = known || t.compare(value, Qt::CaseInsensitive) == 0;
            if (!known) {
                return makeError(
                    ErrorCode::InvalidValue,
                    Tr::tr("The header apns-push-type has the unknown value \"%1\"; use "
                           "alert, background, voip, complication, fileprovider, mdm, "
                           "location, liveactivity, pushtotalk, widgets or controls")
                        .arg(shown),
                    -1, 0, headerName(name));
            }
            pushType = value.toLower();
        } else if (name.compare("apns-priority", Qt::CaseInsensitive) == 0
                   || name.compare("X-Apns-Priority", Qt::CaseInsensitive) == 0) {
            if (value != "5" && value != "10") {
                return makeError(ErrorCode::InvalidValue,
                                 Tr::tr("The header %1 must be 10 (immediate) or 5 (power-saving), "
                                        "not \"%2\"")
                                     .arg(headerName(name), shown),
                                 -1, 0, headerName(name));
            }
            priority = value;
        } else if (name.compare("apns-expiration", Qt::CaseInsensitive) == 0) {
            if (!isUnsignedInteger(value)) {
                return makeError(ErrorCode::InvalidValue,
                                 Tr::tr("The header apns-expiration must be a UNIX time in seconds "
                                        "(an integer such as 1700000000, or 0), not \"%1\"")
                                     .arg(shown),
                                 -1, 0, headerName(name));
            }
        } else if (name.compare("apns-collapse-id", Qt::CaseInsensitive) == 0) {
            if (value.size() > kMaxCollapseIdBytes) {
                Warning w;
                w.message =
                    Tr::tr("The header apns-collapse-id is %1 bytes; APNs refuses more than "
                           "%2")
                        .arg(value.size())
                        .arg(kMaxCollapseIdBytes);
                result.addWarning(w);
            }
        } else if (name.compare("apns-topic", Qt::CaseInsensitive) == 0) {
            Warning w;
            w.message = Tr::tr("The hub takes the APNs topic from its APNs credential; the header "
                               "apns-topic may be ignored or refused");
            result.addWarning(w);
        } else if (name.compare("ServiceBusNotification-Apns-Expiry", Qt::CaseInsensitive) == 0
                   || name.compare("ServiceBusNotification-ApnsExpiry", Qt::CaseInsensitive) == 0) {
            Warning w;
            w.message = Tr::tr("The SDKs disagree on the date format of %1; prefer apns-expiration "
                               "(UNIX seconds)")
                            .arg(headerName(name));
            result.addWarning(w);
        }
    }
    if (pushType == "background" && priority == "10") {
        Warning w;
        w.message = Tr::tr("Apple requires apns-priority 5 for background pushes; APNs refuses "
                           "priority 10 with push type background");
        result.addWarning(w);
    }
    return result;
}

} // namespace Nh
