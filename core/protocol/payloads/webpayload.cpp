// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocol/payloads/webpayload.h"

#include <QCoreApplication>

using namespace Qt::Literals::StringLiterals;

namespace Nh {

namespace {

/** The translation context of this file's messages; lupdate reads it from here. */
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Nh::WebPayload)
};

// RFC 8291: the subscription's P-256 public key is 65 bytes, its auth secret 16 bytes.
constexpr qsizetype kP256dhBytes = 65;
constexpr qsizetype kAuthBytes = 16;

Status checkBase64Url(QByteArrayView name, const QByteArray &rawValue, qsizetype expectedBytes)
{
    const QByteArray value = rawValue.trimmed();
    const QString shownName = QString::fromLatin1(name);
    for (qsizetype i = 0; i < value.size(); ++i) {
        const char c = value.at(i);
        const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
            || c == '-' || c == '_' || c == '=';
        if (!ok) {
            return makeError(ErrorCode::InvalidValue,
                             Tr::tr("The header %1 must be base64url (A–Z, a–z, 0–9, - and _); "
                                    "position %2 has '%3'")
                                 .arg(shownName)
                                 .arg(i + 1)
                                 .arg(QString::fromLatin1(&c, 1)),
                             i, 1, shownName);
        }
    }
    Status result;
    const auto decoded = QByteArray::fromBase64Encoding(
        value, QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    if (!decoded || decoded.decoded.size() != expectedBytes) {
        Warning w;
        w.message = Tr::tr("The header %1 decodes to %2 bytes; a browser subscription's key has %3")
                        .arg(shownName)
                        .arg(decoded ? decoded.decoded.size() : 0)
                        .arg(expectedBytes);
        result.addWarning(w);
    }
    return result;
}

Status statusOf(const Result<JsonDocument> &doc)
{
    if (!doc)
        return doc.error();
    Status result;
    for (const auto &w : doc.warnings())
        result.addWarning(w);
    return result;
}

} // namespace

// --- Browser ------------------------------------------------------------------------------------

Format BrowserPayload::format() const
{
    return Format::Browser;
}

QByteArray BrowserPayload::contentType(const QByteArray &, const HttpHeaders &) const
{
    return "application/json;charset=utf-8"_ba;
}

QList<PayloadPreset> BrowserPayload::presets() const
{
    return {
        {u"notification"_s,
         Tr::tr("Notification"),
         R"({"title":"Hello","body":"Test from nhconsole"})"_ba,
         {}},
        {u"link"_s,
         Tr::tr("Notification with a link"),
         R"({"title":"Hello","body":"Test from nhconsole","data":{"url":"https://example.com/"}})"_ba,
         {}},
    };
}

Status BrowserPayload::validateBody(const QByteArray &body, const HttpHeaders &) const
{
    return statusOf(parseJsonObject(body));
}

Status BrowserPayload::validateHeaders(const HttpHeaders &headers) const
{
    Status result;
    for (const auto &[name, value] : headers) {
        Status s;
        if (name.compare("P256DH", Qt::CaseInsensitive) == 0)
            s = checkBase64Url(name, value, kP256dhBytes);
        else if (name.compare("Auth", Qt::CaseInsensitive) == 0)
            s = checkBase64Url(name, value, kAuthBytes);
        if (!s)
            return s;
        appendWarnings(result, s);
    }
    return result;
}

// --- Xiaomi -------------------------------------------------------------------------------------

Format XiaomiPayload::format() const
{
    return Format::Xiaomi;
}

QByteArray XiaomiPayload::contentType(const QByteArray &, const HttpHeaders &) const
{
    return "application/json;charset=utf-8"_ba;
}

QList<PayloadPreset> XiaomiPayload::presets() const
{
    // Mi Push's own message fields; the hub's mapping of them is not documented (docs/protocol.md
    // §4.3 marks the service-side status UNCONFIRMED).
    return {
        {u"notification"_s,
         Tr::tr("Notification"),
         R"({"title":"Hello","description":"Test from nhconsole"})"_ba,
         {}},
    };
}

Status XiaomiPayload::validateBody(const QByteArray &body, const HttpHeaders &) const
{
    return statusOf(parseJsonObject(body));
}

} // namespace Nh
