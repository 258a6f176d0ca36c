// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocol/platform.h"

#include <QCoreApplication>
#include <array>

using namespace Qt::Literals::StringLiterals;

namespace Nh {

namespace {

struct PlatformInfo
{
    Platform platform;
    Format format;
    QStringView wire;
    QStringView installation;
    QStringView kind;
};

constexpr std::array<PlatformInfo, kPlatformCount> kPlatforms {{
    {Platform::Apple, Format::Apple, u"apple", u"apns", u"Apple"},
    {Platform::FcmV1, Format::FcmV1, u"fcmv1", u"fcmv1", u"FcmV1"},
    {Platform::Gcm, Format::Gcm, u"gcm", u"gcm", u"Gcm"},
    {Platform::Windows, Format::Windows, u"windows", u"wns", u"Windows"},
    {Platform::WindowsPhone, Format::WindowsPhone, u"windowsphone", u"mpns", u"Mpns"},
    {Platform::Adm, Format::Adm, u"adm", u"adm", u"Adm"},
    {Platform::Baidu, Format::Baidu, u"baidu", u"baidu", u"Baidu"},
    {Platform::Browser, Format::Browser, u"browser", u"browser", u"Browser"},
    {Platform::Xiaomi, Format::Xiaomi, u"xiaomi", u"xiaomi", u"Xiaomi"},
}};

const PlatformInfo &info(Platform p)
{
    return kPlatforms[static_cast<std::size_t>(p)];
}

} // namespace

QString formatWireName(Format format)
{
    if (format == Format::Template)
        return u"template"_s;
    return platformWireName(*platformForFormat(format));
}

std::optional<Format> formatFromWireName(QStringView name)
{
    const QStringView n = name.trimmed();
    if (n.compare(u"template", Qt::CaseInsensitive) == 0)
        return Format::Template;
    if (n.compare(u"fcm", Qt::CaseInsensitive) == 0)
        return Format::Gcm;
    for (const auto &p : kPlatforms) {
        if (n.compare(p.wire, Qt::CaseInsensitive) == 0)
            return p.format;
    }
    return std::nullopt;
}

std::optional<Platform> platformForFormat(Format format)
{
    for (const auto &p : kPlatforms) {
        if (p.format == format)
            return p.platform;
    }
    return std::nullopt;
}

Format nativeFormat(Platform platform)
{
    return info(platform).format;
}

QString platformWireName(Platform platform)
{
    return info(platform).wire.toString();
}

std::optional<Platform> platformFromWireName(QStringView name)
{
    for (const auto &p : kPlatforms) {
        if (name.compare(p.wire, Qt::CaseInsensitive) == 0)
            return p.platform;
    }
    return std::nullopt;
}

QString installationPlatformName(Platform platform)
{
    return info(platform).installation.toString();
}

std::optional<Platform> platformFromInstallationName(QStringView name)
{
    for (const auto &p : kPlatforms) {
        if (name.compare(p.installation, Qt::CaseInsensitive) == 0)
            return p.platform;
    }
    return std::nullopt;
}

QString registrationKindPrefix(Platform platform)
{
    return info(platform).kind.toString();
}

QString platformDisplayName(Platform platform)
{
    switch (platform) {
    case Platform::Apple:
        return QCoreApplication::translate("Nh::Platform", "Apple (APNs)");
    case Platform::FcmV1:
        return QCoreApplication::translate("Nh::Platform", "Firebase (FCM v1)");
    case Platform::Gcm:
        return QCoreApplication::translate("Nh::Platform", "Firebase legacy (GCM)");
    case Platform::Windows:
        return QCoreApplication::translate("Nh::Platform", "Windows (WNS)");
    case Platform::WindowsPhone:
        return QCoreApplication::translate("Nh::Platform", "Windows Phone (MPNS)");
    case Platform::Adm:
        return QCoreApplication::translate("Nh::Platform", "Amazon (ADM)");
    case Platform::Baidu:
        return QCoreApplication::translate("Nh::Platform", "Baidu");
    case Platform::Browser:
        return QCoreApplication::translate("Nh::Platform", "Browser (Web Push)");
    case Platform::Xiaomi:
        return QCoreApplication::translate("Nh::Platform", "Xiaomi");
    }
    return {};
}

QString formatDisplayName(Format format)
{
    if (format == Format::Template)
        return QCoreApplication::translate("Nh::Platform", "Template");
    return platformDisplayName(*platformForFormat(format));
}

} // namespace Nh
