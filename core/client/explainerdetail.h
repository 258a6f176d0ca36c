// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the explainer's two halves share (explainer.cpp: hub and transport errors, whole
// exchanges; outcomeexplainer.cpp: delivery outcomes). Internal to nh_client.

#include "client/explainer.h"
#include "protocol/notificationoutcome.h"
#include "protocol/operation.h"

#include <QCoreApplication>

namespace Nh::ExplainerDetail {

using namespace Qt::Literals::StringLiterals;

/** The translation context of this file's messages; lupdate reads it from here. */
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Nh::Explainer)
};

inline QString trn(const char *text, qint64 n)
{
    return QCoreApplication::translate("Nh::Explainer", text, nullptr, int(n));
}

// The pages that cover each topic (docs/protocol.md §0 [DOC], [DOC-REST]).
inline const QString kDocsSas =
    u"https://learn.microsoft.com/rest/api/notificationhubs/common-concepts"_s;
inline const QString kDocsSecurity =
    u"https://learn.microsoft.com/azure/notification-hubs/notification-hubs-push-notification-security"_s;
inline const QString kDocsTags =
    u"https://learn.microsoft.com/azure/notification-hubs/notification-hubs-tags-segment-push-message"_s;
inline const QString kDocsTemplates =
    u"https://learn.microsoft.com/azure/notification-hubs/notification-hubs-templates-cross-platform-push-messages"_s;
inline const QString kDocsRegistrations =
    u"https://learn.microsoft.com/azure/notification-hubs/notification-hubs-push-notification-registration-management"_s;
inline const QString kDocsFixer =
    u"https://learn.microsoft.com/azure/notification-hubs/notification-hubs-push-notification-fixer"_s;
inline const QString kDocsFaq =
    u"https://learn.microsoft.com/azure/notification-hubs/notification-hubs-push-notification-faq"_s;
inline const QString kDocsFcmMigration =
    u"https://learn.microsoft.com/azure/notification-hubs/notification-hubs-gcm-to-fcm"_s;
inline const QString kDocsWns =
    u"https://learn.microsoft.com/rest/api/notificationhubs/send-wns-native-notification"_s;
inline const QString kDocsTelemetry =
    u"https://learn.microsoft.com/rest/api/notificationhubs/get-notification-message-telemetry"_s;
inline const QString kDocsInstallation =
    u"https://learn.microsoft.com/rest/api/notificationhubs/create-overwrite-installation"_s;
inline const QString kDocsApns =
    u"https://learn.microsoft.com/azure/notification-hubs/push-notification-updates-ios-13"_s;

inline bool has(QStringView text, QStringView needle)
{
    return text.contains(needle, Qt::CaseInsensitive);
}

inline QString header(const HttpHeaders &headers, QByteArrayView name)
{
    return QString::fromUtf8(headerValue(headers, name).value_or(QByteArray())).trimmed();
}

/** The hub's text of an error answer: the <Error> text, else the body if it looks like text. */
inline QString errorText(const Exchange &e)
{
    if (e.hubError)
        return e.hubError->text;
    const QByteArray body = e.responseBody.left(500).simplified();
    if (body.contains('<') || body.contains('\0'))
        return {};
    return QString::fromUtf8(body);
}

inline bool isSendOperation(const QString &operation)
{
    return operation.startsWith(operationName(Operation::Send));
}

/** The format of a send, from its ServiceBusNotification-Format header. */
inline std::optional<Format> sentFormat(const Exchange &e)
{
    const QString name = header(e.requestHeaders, "ServiceBusNotification-Format");
    return name.isEmpty() ? std::nullopt : formatFromWireName(name);
}

/** The platform a telemetry outcome-count element names ("Apns", "FcmV1", "Wns", …). */
inline std::optional<Platform> platformFromCountsName(QStringView name)
{
    static const QList<QPair<QStringView, Platform>> kNames = {
        {u"Apns", Platform::Apple},        {u"FcmV1", Platform::FcmV1},
        {u"Gcm", Platform::Gcm},           {u"Wns", Platform::Windows},
        {u"Mpns", Platform::WindowsPhone}, {u"Adm", Platform::Adm},
        {u"Baidu", Platform::Baidu},       {u"Browser", Platform::Browser},
        {u"Xiaomi", Platform::Xiaomi}};
    for (const auto &[n, p] : kNames) {
        if (name.compare(n, Qt::CaseInsensitive) == 0)
            return p;
    }
    return std::nullopt;
}

// Delivery outcomes (outcomeexplainer.cpp).
Explanation invalidHandle(std::optional<Platform> platform, bool expired);
Explanation badCredentials(std::optional<Platform> platform);
Explanation invalidPayload(std::optional<Platform> platform);
Explanation noTargets(const QString &tags, std::optional<Format> format);
Explanation explainDetails(const NotificationDetails &d);
Explanation explainOutcomeCounts(const NotificationOutcome &o, bool templateSend);

} // namespace Nh::ExplainerDetail
