// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The small model helpers of hubdescription.h that the checks need (docs/hub-checks.md). The
// parser, writer and redaction live in hubdescription.cpp.
#include "protocol/hubdescription.h"

#include <QStringList>

using namespace Qt::Literals::StringLiterals;

namespace Nh {

QString pnsCredentialElementName(PnsCredentialKind kind)
{
    switch (kind) {
    case PnsCredentialKind::Apns:
        return u"ApnsCredential"_s;
    case PnsCredentialKind::Wns:
        return u"WnsCredential"_s;
    case PnsCredentialKind::Gcm:
        return u"GcmCredential"_s;
    case PnsCredentialKind::Mpns:
        return u"MpnsCredential"_s;
    case PnsCredentialKind::Adm:
        return u"AdmCredential"_s;
    case PnsCredentialKind::Baidu:
        return u"BaiduCredential"_s;
    case PnsCredentialKind::FcmV1:
        return u"FcmV1Credential"_s;
    case PnsCredentialKind::Browser:
        return u"BrowserCredential"_s;
    case PnsCredentialKind::Xiaomi:
        return u"XiaomiCredential"_s;
    }
    return QString();
}

Platform pnsCredentialPlatform(PnsCredentialKind kind)
{
    switch (kind) {
    case PnsCredentialKind::Apns:
        return Platform::Apple;
    case PnsCredentialKind::Wns:
        return Platform::Windows;
    case PnsCredentialKind::Gcm:
        return Platform::Gcm;
    case PnsCredentialKind::Mpns:
        return Platform::WindowsPhone;
    case PnsCredentialKind::Adm:
        return Platform::Adm;
    case PnsCredentialKind::Baidu:
        return Platform::Baidu;
    case PnsCredentialKind::FcmV1:
        return Platform::FcmV1;
    case PnsCredentialKind::Browser:
        return Platform::Browser;
    case PnsCredentialKind::Xiaomi:
        return Platform::Xiaomi;
    }
    return Platform::Apple;
}

PnsCredentialKind pnsCredentialKindFor(Platform platform)
{
    switch (platform) {
    case Platform::Apple:
        return PnsCredentialKind::Apns;
    case Platform::FcmV1:
        return PnsCredentialKind::FcmV1;
    case Platform::Gcm:
        return PnsCredentialKind::Gcm;
    case Platform::Windows:
        return PnsCredentialKind::Wns;
    case Platform::WindowsPhone:
        return PnsCredentialKind::Mpns;
    case Platform::Adm:
        return PnsCredentialKind::Adm;
    case Platform::Baidu:
        return PnsCredentialKind::Baidu;
    case Platform::Browser:
        return PnsCredentialKind::Browser;
    case Platform::Xiaomi:
        return PnsCredentialKind::Xiaomi;
    }
    return PnsCredentialKind::Apns;
}

QString accessRightsText(AccessRights rights)
{
    QStringList names;
    if (rights.testFlag(AccessRight::Listen))
        names.append(u"Listen"_s);
    if (rights.testFlag(AccessRight::Send))
        names.append(u"Send"_s);
    if (rights.testFlag(AccessRight::Manage))
        names.append(u"Manage"_s);
    return names.join(u", ");
}

std::optional<QString> PnsCredential::property(QStringView name) const
{
    for (const auto &[key, value] : properties) {
        if (QStringView(key).compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return std::nullopt;
}

const PnsCredential *HubDescription::credential(PnsCredentialKind kind) const
{
    for (const PnsCredential &c : credentials) {
        if (c.kind == kind)
            return &c;
    }
    return nullptr;
}

PnsCredential *HubDescription::credential(PnsCredentialKind kind)
{
    for (PnsCredential &c : credentials) {
        if (c.kind == kind)
            return &c;
    }
    return nullptr;
}

const AuthorizationRule *HubDescription::rule(QStringView keyName) const
{
    for (const AuthorizationRule &r : authorizationRules) {
        if (r.keyName == keyName)
            return &r;
    }
    return nullptr;
}

} // namespace Nh
