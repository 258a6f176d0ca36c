// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocol/sastoken.h"

#include "protocol/connectionstring.h"
#include "protocol/crypto.h"

#include <QCoreApplication>

using namespace Qt::Literals::StringLiterals;

namespace Nh::Sas {

namespace {

/** The translation context of this file's messages; lupdate reads it from here. */
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Nh::SasToken)
};

bool isUnreserved(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
        || c == '.' || c == '_' || c == '~';
}

QString percentDecode(QStringView s)
{
    return QString::fromUtf8(QByteArray::fromPercentEncoding(s.toUtf8()));
}

/** Lower-cases a path and strips one trailing '/'. */
QString normalisedPath(QString path)
{
    path = path.toLower();
    while (path.endsWith(u'/'))
        path.chop(1);
    return path;
}

int effectivePort(const QUrl &url)
{
    if (url.port() > 0)
        return url.port();
    return url.scheme().compare(u"http"_s, Qt::CaseInsensitive) == 0 ? 80 : 443;
}

} // namespace

Options Options::pythonSeed()
{
    Options o;
    o.encodeSlashInSignature = false;
    o.ttlSeconds = 300;
    return o;
}

Options Options::jsSdk()
{
    Options o;
    o.audience = Audience::Namespace;
    o.hexCase = HexCase::Upper;
    o.ttlSeconds = 3600;
    return o;
}

Options Options::dotNetSdk()
{
    Options o;
    o.audience = Audience::DotNet;
    o.ttlSeconds = 1200;
    return o;
}

Options Options::javaSdk()
{
    Options o;
    o.audience = Audience::RequestUrl;
    return o;
}

QString percentEncode(QStringView text, HexCase hexCase)
{
    const char *digits = hexCase == HexCase::Lower ? "0123456789abcdef" : "0123456789ABCDEF";
    const QByteArray utf8 = text.toUtf8();
    QString out;
    out.reserve(utf8.size() * 3);
    for (const char c : utf8) {
        if (isUnreserved(c)) {
            out += QLatin1Char(c);
        } else {
            const auto b = static_cast<unsigned char>(c);
            out += u'%';
            out += QLatin1Char(digits[b >> 4]);
            out += QLatin1Char(digits[b & 0xf]);
        }
    }
    return out;
}

QString Token::header() const
{
    QString sig = percentEncode(signature, HexCase::Upper);
    if (!encodeSlashInSignature)
        sig.replace(u"%2F"_s, u"/"_s);
    return u"SharedAccessSignature sr="_s + sr + u"&sig="_s + sig + u"&se="_s
        + QString::number(expiry) + u"&skn="_s + keyName;
}

QString audience(const ConnectionString &cs, const QString &hub, const QUrl &requestUrl,
                 Audience style)
{
    switch (style) {
    case Audience::Hub:
        return cs.hubUrl(hub).toString(QUrl::FullyEncoded);
    case Audience::Namespace:
        return cs.endpointUrl().toString(QUrl::FullyEncoded);
    case Audience::RequestUrl:
        return requestUrl.toString(QUrl::FullyEncoded);
    case Audience::DotNet: {
        QUrl u = requestUrl;
        u.setScheme(u"http"_s);
        u.setPort(-1);
        u.setQuery(QString());
        u.setFragment(QString());
        if (!u.path().endsWith(u'/'))
            u.setPath(u.path() + u'/');
        return u.toString(QUrl::FullyEncoded);
    }
    }
    return {};
}

Token signEncoded(const QString &sr, qint64 expiry, const QString &keyName, const QString &key)
{
    Token t;
    t.sr = sr;
    t.expiry = expiry;
    t.keyName = keyName;
    const QByteArray stringToSign = sr.toUtf8() + '\n' + QByteArray::number(expiry);
    t.signature = QString::fromLatin1(Crypto::hmacSha256(key.toUtf8(), stringToSign).toBase64());
    return t;
}

Token generate(const QString &audienceUri, const QString &keyName, const QString &key,
               const QDateTime &now, const Options &options)
{
    const QString uri = options.lowerCaseAudience ? audienceUri.toLower() : audienceUri;
    Token t = signEncoded(percentEncode(uri, options.hexCase),
                          now.toSecsSinceEpoch() + options.ttlSeconds, keyName, key);
    t.encodeSlashInSignature = options.encodeSlashInSignature;
    return t;
}

Token generateForHub(const ConnectionString &cs, const QString &hub, const QDateTime &now,
                     const Options &options)
{
    return generate(audience(cs, hub, cs.hubUrl(hub), options.audience), cs.keyName(), cs.key(),
                    now, options);
}

Result<DecodedToken> decode(QStringView value)
{
    QStringView text = value.trimmed();
    if (text.isEmpty())
        return makeError(ErrorCode::Empty, Tr::tr("The Authorization header is empty"));
    qsizetype base = value.indexOf(text.front());
    constexpr QStringView kScheme = u"SharedAccessSignature";
    if (text.startsWith(kScheme, Qt::CaseInsensitive)) {
        const QStringView rest = text.sliced(kScheme.size());
        if (!rest.isEmpty() && !rest.front().isSpace()) {
            return makeError(ErrorCode::Syntax,
                             Tr::tr("Expected a space after 'SharedAccessSignature' at position %1")
                                 .arg(base + kScheme.size() + 1),
                             base + kScheme.size(), 1);
        }
        const QStringView fields = rest.trimmed();
        base += text.size() - fields.size();
        text = fields;
    } else if (const qsizetype space = text.indexOf(u' ');
               space > 0 && !text.first(space).contains(u'=')) {
        return makeError(ErrorCode::InvalidValue,
                         Tr::tr("The Authorization scheme is '%1', not SharedAccessSignature")
                             .arg(text.first(space)),
                         base, space);
    }

    DecodedToken t;
    struct Seen
    {
        bool sr = false, sig = false, se = false, skn = false;
    } seen;
    qsizetype start = 0;
    while (start <= text.size()) {
        qsizetype end = text.indexOf(u'&', start);
        if (end < 0)
            end = text.size();
        const QStringView field = text.sliced(start, end - start);
        const qsizetype at = base + start;
        start = end + 1;
        if (field.isEmpty())
            continue;
        const qsizetype eq = field.indexOf(u'=');
        if (eq <= 0) {
            return makeError(ErrorCode::Syntax,
                             Tr::tr("Expected name=value at position %1 of the token, found '%2'")
                                 .arg(at + 1)
                                 .arg(field.left(32)),
                             at, field.size());
        }
        const QStringView name = field.first(eq);
        const QStringView raw = field.sliced(eq + 1);
        bool *flag = nullptr;
        if (name == u"sr")
            flag = &seen.sr;
        else if (name == u"sig")
            flag = &seen.sig;
        else if (name == u"se")
            flag = &seen.se;
        else if (name == u"skn")
            flag = &seen.skn;
        else
            continue; // unknown fields are ignored, as the service does
        if (*flag) {
            return makeError(ErrorCode::DuplicateField,
                             Tr::tr("The token has '%1' twice (position %2)").arg(name).arg(at + 1),
                             at, field.size(), name.toString());
        }
        *flag = true;
        if (raw.isEmpty()) {
            return makeError(
                ErrorCode::EmptyField,
                Tr::tr("The token's '%1' at position %2 is empty").arg(name).arg(at + 1), at,
                field.size(), name.toString());
        }
        t.fieldOrder.append(name.toString());
        if (name == u"sr") {
            t.rawSr = raw.toString();
            t.resource = percentDecode(raw);
        } else if (name == u"sig") {
            t.rawSig = raw.toString();
            t.signature = percentDecode(raw);
            if (const qsizetype bad = Crypto::firstInvalidBase64Index(t.signature); bad >= 0) {
                return makeError(
                    ErrorCode::InvalidValue,
                    Tr::tr("The token's signature (sig at position %1) is not base64").arg(at + 1),
                    at + eq + 1, raw.size(), u"sig"_s);
            }
        } else if (name == u"se") {
            t.rawSe = raw.toString();
            bool ok = false;
            t.expiry = raw.toLongLong(&ok);
            if (!ok || t.expiry < 0) {
                return makeError(
                    ErrorCode::InvalidValue,
                    Tr::tr("The token's expiry (se at position %1) is '%2', not a number of "
                           "seconds since 1970")
                        .arg(at + 1)
                        .arg(raw.left(32)),
                    at + eq + 1, raw.size(), u"se"_s);
            }
        } else {
            t.keyName = percentDecode(raw);
        }
    }
    const std::pair<bool, QStringView> required[] = {
        {seen.sr, u"sr"}, {seen.sig, u"sig"}, {seen.se, u"se"}, {seen.skn, u"skn"}};
    for (const auto &[present, name] : required) {
        if (!present) {
            return makeError(
                ErrorCode::MissingField,
                Tr::tr("The token has no '%1' field; expected sr, sig, se and skn").arg(name),
                base + text.size(), 0, name.toString());
        }
    }
    return t;
}

Status validate(const DecodedToken &token, const QString &key, const QUrl &requestUrl,
                const QDateTime &now)
{
    const QByteArray stringToSign = token.rawSr.toUtf8() + '\n' + token.rawSe.toUtf8();
    const QByteArray expected = Crypto::hmacSha256(key.toUtf8(), stringToSign);
    const QByteArray given = QByteArray::fromBase64(token.signature.toLatin1());
    if (!Crypto::constantTimeEquals(expected, given)) {
        return makeError(ErrorCode::InvalidSignature,
                         Tr::tr("InvalidSignature: The token has an invalid signature."), -1, 0,
                         u"sig"_s);
    }
    if (token.expiry < now.toSecsSinceEpoch()) {
        return makeError(ErrorCode::ExpiredToken,
                         Tr::tr("ExpiredToken: The token expired at %1 (%2 seconds ago).")
                             .arg(token.expiresAt().toString(Qt::ISODate))
                             .arg(now.toSecsSinceEpoch() - token.expiry),
                         -1, 0, u"se"_s);
    }
    const QUrl audienceUrl(token.resource, QUrl::StrictMode);
    const auto audienceError = [&] {
        return makeError(
            ErrorCode::InvalidAudience,
            Tr::tr("InvalidAudience: The token audience '%1' does not grant access to '%2'.")
                .arg(token.resource, requestUrl.toString(QUrl::RemoveQuery)),
            -1, 0, u"sr"_s);
    };
    if (!audienceUrl.isValid() || audienceUrl.host().isEmpty())
        return audienceError();
    if (audienceUrl.host().compare(requestUrl.host(), Qt::CaseInsensitive) != 0)
        return audienceError();
    // .NET drops the port from what it signs; a token that names one must name the right one.
    if (audienceUrl.port() > 0 && audienceUrl.port() != effectivePort(requestUrl))
        return audienceError();
    const QString scope = normalisedPath(audienceUrl.path());
    const QString path = normalisedPath(requestUrl.path());
    if (!scope.isEmpty() && path != scope && !path.startsWith(scope + u'/'))
        return audienceError();
    return {};
}

} // namespace Nh::Sas
