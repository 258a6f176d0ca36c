// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocol/payloads/wnspayload.h"

#include <QCoreApplication>
#include <QXmlStreamReader>
#include <array>

using namespace Qt::Literals::StringLiterals;

namespace Nh {

namespace {

/** The translation context of this file's messages; lupdate reads it from here. */
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Nh::WnsPayload)
};

constexpr QByteArrayView kTypeHeader = "X-WNS-Type";
constexpr QByteArrayView kRaw = "wns/raw";
constexpr std::array<QByteArrayView, 4> kTypes {{"wns/toast", "wns/tile", "wns/badge", "wns/raw"}};
// WNS: "X-WNS-Tag … an alphanumeric string of no more than 16 characters".
constexpr qsizetype kMaxTagLength = 16;

std::optional<QByteArray> typeForRoot(QStringView localName, QStringView ns)
{
    if (!ns.isEmpty())
        return std::nullopt;
    if (localName == u"toast")
        return "wns/toast"_ba;
    if (localName == u"tile")
        return "wns/tile"_ba;
    if (localName == u"badge")
        return "wns/badge"_ba;
    return std::nullopt;
}

bool isInteger(QByteArrayView v)
{
    if (v.isEmpty() || v.size() > 10)
        return false;
    for (const char c : v) {
        if (c < '0' || c > '9')
            return false;
    }
    return true;
}

Error badHeader(QByteArrayView name, const QString &message)
{
    return makeError(ErrorCode::InvalidValue, message, -1, 0, QString::fromLatin1(name));
}

} // namespace

Format WnsPayload::format() const
{
    return Format::Windows;
}

std::optional<QByteArray> WnsPayload::typeForBody(const QByteArray &body)
{
    if (!looksLikeXml(body))
        return QByteArray(kRaw.data(), kRaw.size());
    QXmlStreamReader reader(body);
    while (!reader.atEnd()) {
        if (reader.readNext() == QXmlStreamReader::StartElement)
            return typeForRoot(reader.name(), reader.namespaceUri());
    }
    return std::nullopt;
}

std::optional<QByteArray> WnsPayload::effectiveType(const QByteArray &body,
                                                    const HttpHeaders &headers)
{
    if (const auto explicitType = headerValue(headers, kTypeHeader))
        return explicitType->trimmed().toLower();
    return typeForBody(body);
}

QByteArray WnsPayload::contentType(const QByteArray &body, const HttpHeaders &headers) const
{
    // The SDKs force octet-stream for raw (docs/protocol.md §4.4); XML types go as application/xml.
    return effectiveType(body, headers) == kRaw ? "application/octet-stream"_ba
                                                : "application/xml"_ba;
}

HttpHeaders WnsPayload::derivedHeaders(const QByteArray &body, const HttpHeaders &) const
{
    if (const auto type = typeForBody(body))
        return {{QByteArray(kTypeHeader.data(), kTypeHeader.size()), *type}};
    return {};
}

QList<PayloadPreset> WnsPayload::presets() const
{
    return {
        {u"toast"_s,
         Tr::tr("Toast"),
         R"(<toast><visual><binding template="ToastGeneric"><text>Hello</text><text>Test from nhconsole</text></binding></visual></toast>)"_ba,
         {}},
        {u"tile"_s,
         Tr::tr("Tile"),
         R"(<tile><visual><binding template="TileMedium"><text>Hello</text><text hint-style="captionSubtle">Test from nhconsole</text></binding></visual></tile>)"_ba,
         {}},
        {u"badge"_s, Tr::tr("Badge"), R"(<badge value="7"/>)"_ba, {}},
        {u"raw"_s,
         Tr::tr("Raw"),
         R"({"message":"Test from nhconsole"})"_ba,
         {{"X-WNS-Type"_ba, "wns/raw"_ba}}},
    };
}

Status WnsPayload::validateBody(const QByteArray &body, const HttpHeaders &headers) const
{
    Status result;
    const auto explicitType = headerValue(headers, kTypeHeader);
    const QByteArray wanted = explicitType ? explicitType->trimmed().toLower() : QByteArray();
    if (wanted == kRaw || (!explicitType && !looksLikeXml(body))) {
        warnIfOver(result, body, kMaxWnsRawBytes, u"WNS"_s);
        return result;
    }
    if (!looksLikeXml(body)) {
        return errorInText(body, 0, 1, ErrorCode::Syntax,
                           Tr::tr("X-WNS-Type is %1 but the %2 is not XML; send raw content with "
                                  "X-WNS-Type: wns/raw")
                               .arg(QString::fromLatin1(wanted), documentName()),
                           QString::fromLatin1(kTypeHeader));
    }
    const auto outline = readXmlOutline(body, documentName());
    if (!outline)
        return outline.error();
    const auto type = typeForRoot(outline->rootName, outline->rootNamespace);
    if (!type) {
        const QString shown = outline->rootPrefix.isEmpty()
            ? outline->rootName
            : outline->rootPrefix + u':' + outline->rootName;
        const QString detail = outline->rootNamespace.isEmpty()
            ? QString()
            : Tr::tr(" in the namespace \"%1\"").arg(outline->rootNamespace);
        return errorInText(body, outline->rootOffset, outline->rootLength,
                           ErrorCode::UnexpectedRoot,
                           Tr::tr("The root element of the %1 is <%2>%3; WNS accepts <toast>, "
                                  "<tile> or <badge> without a namespace, or raw content with "
                                  "X-WNS-Type: wns/raw")
                               .arg(documentName(), shown, detail),
                           outline->rootName);
    }
    if (explicitType && wanted != *type) {
        result.addWarning(warningInText(body, outline->rootOffset, outline->rootLength,
                                        Tr::tr("X-WNS-Type is %1 but the root element is <%2>; WNS "
                                               "will refuse the notification")
                                            .arg(QString::fromLatin1(wanted), outline->rootName)));
    }
    return result;
}

Status WnsPayload::validateHeaders(const HttpHeaders &headers) const
{
    for (const auto &[name, rawValue] : headers) {
        const QByteArray value = rawValue.trimmed();
        const QString shown = QString::fromUtf8(value.left(80));
        if (name.compare(kTypeHeader, Qt::CaseInsensitive) == 0) {
            bool known = false;
            for (const QByteArrayView t : kTypes)
                known = known || t.compare(value, Qt::CaseInsensitive) == 0;
            if (!known) {
                return badHeader(name,
                                 Tr::tr("The header X-WNS-Type must be wns/toast, wns/tile, "
                                        "wns/badge or wns/raw, not \"%1\"")
                                     .arg(shown));
            }
        } else if (name.compare("X-WNS-Cache-Policy", Qt::CaseInsensitive) == 0) {
            if (value.compare("cache", Qt::CaseInsensitive) != 0
                && value.compare("no-cache", Qt::CaseInsensitive) != 0) {
                return badHeader(name,
                                 Tr::tr("The header X-WNS-Cache-Policy must be cache or no-cache, "
                                        "not \"%1\"")
                                     .arg(shown));
            }
        } else if (name.compare("X-WNS-RequestForStatus", Qt::CaseInsensitive) == 0
                   || name.compare("X-WNS-SuppressPopup", Qt::CaseInsensitive) == 0) {
            if (value.compare("true", Qt::CaseInsensitive) != 0
                && value.compare("false", Qt::CaseInsensitive) != 0) {
                return badHeader(name,
                                 Tr::tr("The header %1 must be true or false, not \"%2\"")
                                     .arg(QString::fromLatin1(name), shown));
            }
        } else if (name.compare("X-WNS-TTL", Qt::CaseInsensitive) == 0) {
            if (!isInteger(value)) {
                return badHeader(name,
                                 Tr::tr("The header X-WNS-TTL must be a number of seconds, not "
                                        "\"%1\"")
                                     .arg(shown));
            }
        } else if (name.compare("X-WNS-PRIORITY", Qt::CaseInsensitive) == 0) {
            if (value != "1" && value != "2" && value != "3" && value != "4") {
                return badHeader(
                    name,
                    Tr::tr("The header X-WNS-PRIORITY must be 1, 2, 3 or 4, not \"%1\"")
                        .arg(shown));
            }
        } else if (name.compare("X-WNS-Tag", Qt::CaseInsensitive) == 0) {
            if (value.size() > kMaxTagLength) {
                return badHeader(
                    name,
                    Tr::tr("The header X-WNS-Tag is %1 characters long; WNS accepts at "
                           "most %2")
                        .arg(value.size())
                        .arg(kMaxTagLength));
            }
        }
    }
    return {};
}

} // namespace Nh
