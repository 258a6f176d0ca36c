// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocol/payloads/mpnspayload.h"

#include <QCoreApplication>
#include <QXmlStreamReader>
#include <array>

using namespace Qt::Literals::StringLiterals;

namespace Nh {

namespace {

/** The translation context of this file's messages; lupdate reads it from here. */
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Nh::MpnsPayload)
};

constexpr QLatin1StringView kWpNamespace {"WPNotification"};
// MPNS classes: 1/2/3 immediate tile/toast/raw, +10 within 450 s, +20 within 900 s.
constexpr std::array<QByteArrayView, 9> kClasses {
    {"1", "2", "3", "11", "12", "13", "21", "22", "23"}};

} // namespace

Format MpnsPayload::format() const
{
    return Format::WindowsPhone;
}

MpnsPayload::Kind MpnsPayload::kindForBody(const QByteArray &body)
{
    if (!looksLikeXml(body))
        return Kind::Raw;
    QXmlStreamReader reader(body);
    int depth = 0;
    while (!reader.atEnd()) {
        const auto token = reader.readNext();
        if (token == QXmlStreamReader::StartElement) {
            ++depth;
            if (depth == 1
                && (reader.name() != u"Notification" || reader.namespaceUri() != kWpNamespace)) {
                return Kind::Raw;
            }
            if (depth == 2) {
                if (reader.namespaceUri() != kWpNamespace)
                    return Kind::Raw;
                if (reader.name() == u"Toast")
                    return Kind::Toast;
                if (reader.name() == u"Tile")
                    return Kind::Tile;
                return Kind::Raw;
            }
        } else if (token == QXmlStreamReader::EndElement) {
            --depth;
        }
    }
    return Kind::Raw;
}

QByteArray MpnsPayload::contentType(const QByteArray &, const HttpHeaders &) const
{
    return "application/xml;charset=utf-8"_ba;
}

HttpHeaders MpnsPayload::derivedHeaders(const QByteArray &body, const HttpHeaders &) const
{
    switch (kindForBody(body)) {
    case Kind::Toast:
        return {{"X-WindowsPhone-Target"_ba, "toast"_ba}, {"X-NotificationClass"_ba, "2"_ba}};
    case Kind::Tile:
        // MPNS calls the tile target "token" (the Python sample's "tile" is refused).
        return {{"X-WindowsPhone-Target"_ba, "token"_ba}, {"X-NotificationClass"_ba, "1"_ba}};
    case Kind::Raw:
        break;
    }
    return {{"X-NotificationClass"_ba, "3"_ba}};
}

QList<PayloadPreset> MpnsPayload::presets() const
{
    return {
        {u"toast"_s,
         Tr::tr("Toast"),
         R"(<?xml version="1.0" encoding="utf-8"?><wp:Notification xmlns:wp="WPNotification"><wp:Toast><wp:Text1>Hello</wp:Text1><wp:Text2>Test from nhconsole</wp:Text2></wp:Toast></wp:Notification>)"_ba,
         {}},
        {u"tile"_s,
         Tr::tr("Tile"),
         R"(<?xml version="1.0" encoding="utf-8"?><wp:Notification xmlns:wp="WPNotification"><wp:Tile><wp:Count>7</wp:Count><wp:Title>Hello</wp:Title></wp:Tile></wp:Notification>)"_ba,
         {}},
        {u"raw"_s, Tr::tr("Raw"), R"(<root><message>Test from nhconsole</message></root>)"_ba, {}},
    };
}

Status MpnsPayload::validateBody(const QByteArray &body, const HttpHeaders &) const
{
    Status result;
    if (looksLikeXml(body)) {
        const auto outline = readXmlOutline(body, documentName());
        if (!outline)
            return outline.error();
        if (outline->rootName == u"Notification" && outline->rootNamespace == kWpNamespace) {
            if (outline->firstChildNamespace != kWpNamespace
                || (outline->firstChildName != u"Toast" && outline->firstChildName != u"Tile")) {
                return errorInText(body, outline->rootOffset, outline->rootLength,
                                   ErrorCode::UnexpectedRoot,
                                   Tr::tr("<wp:Notification> must contain <wp:Toast> or <wp:Tile>, "
                                          "not <%1>")
                                       .arg(outline->firstChildName),
                                   outline->firstChildName);
            }
        } else if (outline->rootName == u"Notification") {
            result.addWarning(
                warningInText(body, outline->rootOffset, outline->rootLength,
                              Tr::tr("<Notification> is not in the WPNotification "
                                     "namespace, so it is sent as a raw notification")));
        }
    }
    if (kindForBody(body) == Kind::Raw)
        warnIfOver(result, body, kMaxMpnsRawBytes, u"MPNS"_s);
    Warning retired;
    retired.message = Tr::tr("MPNS (format windowsphone) is deprecated and no longer supported by "
                             "Notification Hubs; expect the send to fail");
    result.addWarning(retired);
    return result;
}

Status MpnsPayload::validateHeaders(const HttpHeaders &headers) const
{
    for (const auto &[name, rawValue] : headers) {
        const QByteArray value = rawValue.trimmed();
        const QString shown = QString::fromUtf8(value.left(80));
        if (name.compare("X-WindowsPhone-Target", Qt::CaseInsensitive) == 0) {
            if (value.compare("toast", Qt::CaseInsensitive) != 0
                && value.compare("token", Qt::CaseInsensitive) != 0) {
                const QString hint = value.compare("tile", Qt::CaseInsensitive) == 0
                    ? Tr::tr(" (MPNS calls the tile target \"token\")")
                    : QString();
                return makeError(
                    ErrorCode::InvalidValue,
                    Tr::tr("The header X-WindowsPhone-Target must be toast or token, not "
                           "\"%1\"%2")
                        .arg(shown, hint),
                    -1, 0, QString::fromLatin1(name));
            }
        } else if (name.compare("X-NotificationClass", Qt::CaseInsensitive) == 0) {
            bool known = false;
            for (const QByteArrayView c : kClasses)
                known = known || c == value;
            if (!known) {
                return makeError(ErrorCode::InvalidValue,
                                 Tr::tr("The header X-NotificationClass must be 1, 2 or 3 (tile, "
                                        "toast, raw), or 11–13 / 21–23 for delayed delivery, not "
                                        "\"%1\"")
                                     .arg(shown),
                                 -1, 0, QString::fromLatin1(name));
            }
        }
    }
    return {};
}

} // namespace Nh
