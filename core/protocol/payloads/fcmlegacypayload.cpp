// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocol/payloads/fcmlegacypayload.h"

#include <QCoreApplication>
#include <array>

using namespace Qt::Literals::StringLiterals;

namespace Nh {

namespace {

/** The translation context of this file's messages; lupdate reads it from here. */
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Nh::FcmLegacyPayload)
};

constexpr std::array<QStringView, 4> kTargetKeys {
    {u"registration_ids", u"to", u"condition", u"notification_key"}};

} // namespace

Format FcmLegacyPayload::format() const
{
    return Format::Gcm;
}

QByteArray FcmLegacyPayload::contentType(const QByteArray &, const HttpHeaders &) const
{
    return "application/json;charset=utf-8"_ba;
}

QList<PayloadPreset> FcmLegacyPayload::presets() const
{
    return {
        {u"notification"_s,
         Tr::tr("Notification"),
         R"({"notification":{"title":"Hello","body":"Test from nhconsole"}})"_ba,
         {}},
        {u"data"_s, Tr::tr("Data only"), R"({"data":{"message":"Test from nhconsole"}})"_ba, {}},
    };
}

Status FcmLegacyPayload::validateBody(const QByteArray &body, const HttpHeaders &) const
{
    auto doc = parseJsonObject(body);
    if (!doc)
        return doc.error();
    Status result;
    for (const auto &w : doc.warnings())
        result.addWarning(w);
    const JsonNode &root = doc->root();
    for (const QStringView key : kTargetKeys) {
        if (const JsonNode::Member *m = doc->member(root, key)) {
            return errorInText(body, m->keyOffset, m->keyLength, ErrorCode::InvalidValue,
                               Tr::tr("\"%1\" must not be set: the hub adds the target itself "
                                      "(tags, registration or device handle)")
                                   .arg(key),
                               key.toString());
        }
    }
    if (const JsonNode::Member *m = doc->member(root, u"message")) {
        result.addWarning(warningInText(body, m->keyOffset, m->keyLength,
                                        Tr::tr("This looks like an FCM v1 body ({\"message\":…}); "
                                               "send it with the fcmv1 format")));
    }
    Warning retired;
    retired.message = Tr::tr("Google retired the FCM legacy API (format gcm) on 2024-06-20; sends "
                             "to gcm registrations are expected to fail. Use fcmv1");
    result.addWarning(retired);
    return result;
}

} // namespace Nh
