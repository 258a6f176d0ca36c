// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocol/connectionstring.h"

#include "common/redaction.h"
#include "protocol/crypto.h"

#include <QCoreApplication>
#include <array>
#include <optional>

using namespace Qt::Literals::StringLiterals;

namespace Nh {

namespace {

/** The translation context of this file's messages; lupdate reads it from here. */
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Nh::ConnectionString)
};

/** 1-based position for messages. */
qsizetype pos(qsizetype offset)
{
    return offset + 1;
}

enum class Key { Endpoint, KeyName, Key, EntityPath, Count };

constexpr std::array<QStringView, static_cast<int>(Key::Count)> kKeyNames {
    u"Endpoint", u"SharedAccessKeyName", u"SharedAccessKey", u"EntityPath"};

QString keyLabel(Key k)
{
    return kKeyNames[static_cast<std::size_t>(k)].toString();
}

std::optional<Key> keyFromName(QStringView name)
{
    for (std::size_t i = 0; i < kKeyNames.size(); ++i) {
        if (name.compare(kKeyNames[i], Qt::CaseInsensitive) == 0)
            return static_cast<Key>(i);
    }
    return std::nullopt;
}

struct Field
{
    QStringView value;
    qsizetype keyOffset = -1;
    qsizetype valueOffset = -1;
};

/** Trims white space and reports how much was cut from the front. */
QStringView trimmed(QStringView s, qsizetype *leading)
{
    qsizetype b = 0;
    qsizetype e = s.size();
    while (b < e && s[b].isSpace())
        ++b;
    while (e > b && s[e - 1].isSpace())
        --e;
    *leading = b;
    return s.sliced(b, e - b);
}

Error fieldError(ErrorCode code, const QString &message, qsizetype offset, qsizetype length,
                 Key key)
{
    return makeError(code, message, offset, length, keyLabel(key));
}

bool isRuleNameChar(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= u'A' && u <= u'Z') || (u >= u'a' && u <= u'z') || (u >= u'0' && u <= u'9')
        || u == u'.' || u == u'-' || u == u'_';
}

/** Loose IPv6 literal check (hex digits, ':' and an embedded IPv4 tail); QtNetwork is not
 *  available to the protocol library. */
bool isIpv6Literal(QStringView s)
{
    if (!s.contains(u':'))
        return false;
    for (QChar c : s) {
        const char16_t u = c.unicode();
        const bool hex =
            (u >= u'0' && u <= u'9') || (u >= u'a' && u <= u'f') || (u >= u'A' && u <= u'F');
        if (!hex && u != u':' && u != u'.')
            return false;
    }
    return true;
}

bool isIpv4Literal(QStringView s)
{
    const auto parts = s.split(u'.');
    if (parts.size() != 4)
        return false;
    for (const auto &p : parts) {
        bool ok = false;
        const int n = p.toInt(&ok);
        if (!ok || n < 0 || n > 255)
            return false;
    }
    return true;
}

/** Validates and normalises the Endpoint value; fills host and port. */
Status parseEndpoint(const Field &f, QString *host, int *port)
{
    const QStringView v = f.value;
    const qsizetype at = f.valueOffset;
    const qsizetype schemeEnd = v.indexOf(u"://");
    if (schemeEnd <= 0) {
        return fieldError(ErrorCode::InvalidValue,
                          Tr::tr("Endpoint at position %1 is not a URL: expected "
                                 "sb://<namespace>.servicebus.windows.net/")
                              .arg(pos(at)),
                          at, v.size(), Key::Endpoint);
    }
    const QStringView scheme = v.first(schemeEnd);
    if (scheme.compare(u"http", Qt::CaseInsensitive) == 0) {
        return fieldError(ErrorCode::InvalidValue,
                          Tr::tr("Endpoint at position %1 uses http://: Notification Hubs are only "
                                 "reachable over HTTPS, so use sb:// or https://")
                              .arg(pos(at)),
                          at, schemeEnd, Key::Endpoint);
    }
    if (scheme.compare(u"sb", Qt::CaseInsensitive) != 0
        && scheme.compare(u"https", Qt::CaseInsensitive) != 0) {
        return fieldError(
            ErrorCode::InvalidValue,
            Tr::tr("Endpoint at position %1 has the scheme '%2': expected sb:// or https://")
                .arg(pos(at))
                .arg(scheme),
            at, schemeEnd, Key::Endpoint);
    }
    const qsizetype authorityAt = schemeEnd + 3;
    qsizetype authorityEnd = authorityAt;
    while (authorityEnd < v.size() && v[authorityEnd] != u'/' && v[authorityEnd] != u'?'
           && v[authorityEnd] != u'#')
        ++authorityEnd;
    QStringView authority = v.sliced(authorityAt, authorityEnd - authorityAt);
    if (authority.contains(u'@')) {
        return fieldError(
            ErrorCode::InvalidValue,
            Tr::tr("Endpoint contains a user name ('@') at position %1; expected only a "
                   "host name and an optional port")
                .arg(pos(at + authorityAt)),
            at + authorityAt, authority.size(), Key::Endpoint);
    }
    // Host and port; IPv6 literals come in brackets.
    QStringView hostPart = authority;
    QStringView portPart;
    if (authority.startsWith(u'[')) {
        const qsizetype close = authority.indexOf(u']');
        if (close < 0) {
            return fieldError(
                ErrorCode::Syntax,
                Tr::tr("Endpoint at position %1 has an IPv6 address without its closing ']'")
                    .arg(pos(at + authorityAt)),
                at + authorityAt, authority.size(), Key::Endpoint);
        }
        hostPart = authority.sliced(1, close - 1);
        const QStringView rest = authority.sliced(close + 1);
        if (!rest.isEmpty()) {
            if (!rest.startsWith(u':')) {
                return fieldError(
                    ErrorCode::Syntax,
                    Tr::tr("Endpoint at position %1: unexpected '%2' after the IPv6 address")
                        .arg(pos(at + authorityAt + close + 1))
                        .arg(rest),
                    at + authorityAt + close + 1, rest.size(), Key::Endpoint);
            }
            portPart = rest.sliced(1);
        }
    } else if (const qsizetype colon = authority.lastIndexOf(u':'); colon >= 0) {
        hostPart = authority.first(colon);
        portPart = authority.sliced(colon + 1);
    }
    if (hostPart.isEmpty()) {
        return fieldError(ErrorCode::InvalidValue,
                          Tr::tr("Endpoint at position %1 has no host name").arg(pos(at)), at,
                          v.size(), Key::Endpoint);
    }
    if (!authority.startsWith(u'[')) {
        for (qsizetype i = 0; i < hostPart.size(); ++i) {
            const QChar c = hostPart[i];
            const bool ok = c.isLetterOrNumber() || c == u'-' || c == u'.' || c == u'_';
            if (!ok || c.unicode() > 0x7f) {
                const qsizetype o = at + authorityAt + i;
                return fieldError(
                    ErrorCode::InvalidValue,
                    Tr::tr("Endpoint host has an invalid character '%1' at position %2")
                        .arg(c)
                        .arg(pos(o)),
                    o, 1, Key::Endpoint);
            }
        }
    } else if (!isIpv6Literal(hostPart)) {
        return fieldError(
            ErrorCode::InvalidValue,
            Tr::tr("Endpoint at position %1 has '%2' in brackets, which is not an IPv6 address")
                .arg(pos(at + authorityAt))
                .arg(hostPart),
            at + authorityAt, authority.size(), Key::Endpoint);
    }
    int parsedPort = -1;
    if (!portPart.isNull()) {
        bool ok = false;
        const int p = portPart.toInt(&ok);
        const qsizetype o = at + authorityAt + (authority.size() - portPart.size());
        if (!ok || p < 1 || p > 65535 || portPart.startsWith(u'+')) {
            return fieldError(
                ErrorCode::InvalidValue,
                Tr::tr("Endpoint port '%1' at position %2 is not a number from 1 to 65535")
                    .arg(portPart)
                    .arg(pos(o)),
                o, portPart.size(), Key::Endpoint);
        }
        // 443 is the default for both schemes: drop it so the canonical form is stable.
        parsedPort = p == 443 ? -1 : p;
    }
    const QStringView rest = v.sliced(authorityEnd);
    if (!rest.isEmpty() && rest != u"/") {
        const qsizetype o = at + authorityEnd;
        if (rest.startsWith(u'?') || rest.startsWith(u'#')) {
            return fieldError(
                ErrorCode::InvalidValue,
                Tr::tr("Endpoint has a query or fragment ('%1') at position %2; expected "
                       "only sb://<host>[:port]/")
                    .arg(rest)
                    .arg(pos(o)),
                o, rest.size(), Key::Endpoint);
        }
        return fieldError(ErrorCode::InvalidValue,
                          Tr::tr("Endpoint has a path ('%1') at position %2; the hub name is given "
                                 "separately, so the endpoint must end after the host (and port)")
                              .arg(rest)
                              .arg(pos(o)),
                          o, rest.size(), Key::Endpoint);
    }
    *host = hostPart.toString().toLower();
    *port = parsedPort;
    return {};
}

} // namespace

Result<ConnectionString> ConnectionString::parse(QStringView input)
{
    QList<Warning> warnings;
    qsizetype base = 0;
    QStringView text = trimmed(input, &base);
    if (text.isEmpty())
        return makeError(ErrorCode::Empty, Tr::tr("The connection string is empty"));

    // People paste strings copied from JSON or shell snippets with their quotes.
    if (text.size() >= 2 && (text.front() == u'"' || text.front() == u'\'')
        && text.back() == text.front()) {
        warnings.append({Tr::tr("The surrounding quotes were removed"), base, 1});
        qsizetype lead = 0;
        text = trimmed(text.sliced(1, text.size() - 2), &lead);
        base += 1 + lead;
    }

    std::array<std::optional<Field>, static_cast<int>(Key::Count)> fields;
    qsizetype partStart = 0;
    while (partStart <= text.size()) {
        qsizetype partEnd = text.indexOf(u';', partStart);
        if (partEnd < 0)
            partEnd = text.size();
        qsizetype lead = 0;
        const QStringView part = trimmed(text.sliced(partStart, partEnd - partStart), &lead);
        const qsizetype partAt = base + partStart + lead;
        partStart = partEnd + 1;
        if (part.isEmpty())
            continue; // ";;" or a trailing ';'

        const qsizetype eq = part.indexOf(u'=');
        if (eq < 0) {
            return makeError(ErrorCode::Syntax,
                             Tr::tr("Expected Key=Value at position %1, found '%2'")
                                 .arg(pos(partAt))
                                 .arg(part.left(40)),
                             partAt, part.size());
        }
        qsizetype keyLead = 0;
        const QStringView name = trimmed(part.first(eq), &keyLead);
        qsizetype valueLead = 0;
        const QStringView value = trimmed(part.sliced(eq + 1), &valueLead);
        const qsizetype keyAt = partAt + keyLead;
        const qsizetype valueAt = partAt + eq + 1 + valueLead;
        if (name.isEmpty()) {
            return makeError(
                ErrorCode::Syntax,
                Tr::tr("Missing key name before '=' at position %1").arg(pos(partAt + eq)),
                partAt + eq, 1);
        }
        const auto key = keyFromName(name);
        if (!key) {
            if (name.compare(u"SharedAccessSignature", Qt::CaseInsensitive) == 0) {
                return makeError(
                    ErrorCode::InvalidValue,
                    Tr::tr("SharedAccessSignature at position %1: connection strings that carry a "
                           "ready-made token are not supported; nhconsole signs every request and "
                           "needs SharedAccessKeyName and SharedAccessKey")
                        .arg(pos(keyAt)),
                    keyAt, part.size(), name.toString());
            }
            warnings.append(
                {Tr::tr("Unknown key '%1' at position %2 is ignored").arg(name).arg(pos(keyAt)),
                 keyAt, name.size()});
            continue;
        }
        auto &slot = fields[static_cast<std::size_t>(*key)];
        if (slot) {
            return fieldError(
                ErrorCode::DuplicateField,
                Tr::tr("%1 appears twice: again at position %2 (first at position %3)")
                    .arg(keyLabel(*key))
                    .arg(pos(keyAt))
                    .arg(pos(slot->keyOffset)),
                keyAt, name.size(), *key);
        }
        if (value.isEmpty()) {
            return fieldError(
                ErrorCode::EmptyField,
                Tr::tr("%1 at position %2 is empty").arg(keyLabel(*key)).arg(pos(keyAt)), keyAt,
                part.size(), *key);
        }
        slot = Field {value, keyAt, valueAt};
    }

    for (Key k : {Key::Endpoint, Key::KeyName, Key::Key}) {
        if (!fields[static_cast<std::size_t>(k)]) {
            return fieldError(ErrorCode::MissingField,
                              Tr::tr("The connection string has no %1; expected "
                                     "Endpoint=sb://<namespace>.servicebus.windows.net/;"
                                     "SharedAccessKeyName=<rule>;SharedAccessKey=<key>")
                                  .arg(keyLabel(k)),
                              base + text.size(), 0, k);
        }
    }

    ConnectionString cs;
    if (auto st = parseEndpoint(*fields[0], &cs.m_host, &cs.m_port); !st)
        return st.error();

    const Field &ruleField = *fields[static_cast<std::size_t>(Key::KeyName)];
    for (qsizetype i = 0; i < ruleField.value.size(); ++i) {
        if (!isRuleNameChar(ruleField.value[i])) {
            const qsizetype o = ruleField.valueOffset + i;
            return fieldError(
                ErrorCode::InvalidValue,
                Tr::tr("SharedAccessKeyName has an invalid character '%1' at position %2: "
                       "rule names use letters, digits, '.', '-' and '_'")
                    .arg(ruleField.value[i])
                    .arg(pos(o)),
                o, 1, Key::KeyName);
        }
    }
    cs.m_keyName = ruleField.value.toString();

    const Field &keyField = *fields[static_cast<std::size_t>(Key::Key)];
    if (const qsizetype bad = Crypto::firstInvalidBase64Index(keyField.value); bad >= 0) {
        const qsizetype o = keyField.valueOffset + bad;
        const QString what = bad < keyField.value.size()
            ? Tr::tr("SharedAccessKey at position %1 is not base64: unexpected '%2' at position %3")
                  .arg(pos(keyField.keyOffset))
                  .arg(keyField.value[bad])
                  .arg(pos(o))
            : Tr::tr("SharedAccessKey at position %1 is not base64: its length (%2) is not a "
                     "multiple of 4 or its padding is wrong; was it copied completely?")
                  .arg(pos(keyField.keyOffset))
                  .arg(keyField.value.size());
        return fieldError(ErrorCode::InvalidValue, what, o, bad < keyField.value.size() ? 1 : 0,
                          Key::Key);
    }
    cs.m_key = keyField.value.toString();
    const auto decodedSize = QByteArray::fromBase64(cs.m_key.toLatin1()).size();
    if (decodedSize != 32) {
        warnings.append(
            {Tr::tr("SharedAccessKey decodes to %1 bytes; keys issued by Azure are 32 bytes "
                    "(44 characters). Check that it was copied completely.")
                 .arg(decodedSize),
             keyField.valueOffset, keyField.value.size()});
    }

    if (const auto &ep = fields[static_cast<std::size_t>(Key::EntityPath)]) {
        cs.m_entityPath = ep->value.toString();
        warnings.append(
            {Tr::tr("EntityPath '%1' at position %2 is ignored: Notification Hubs take the "
                    "hub name separately (use it as the hub name)")
                 .arg(cs.m_entityPath)
                 .arg(pos(ep->keyOffset)),
             ep->keyOffset, ep->value.size()});
    }

    Result<ConnectionString> result(std::move(cs));
    result.setWarnings(std::move(warnings));
    return result;
}

ConnectionString ConnectionString::fromParts(const QString &host, int port, const QString &keyName,
                                             const QString &key)
{
    ConnectionString cs;
    cs.m_host = host.toLower();
    cs.m_port = port == 443 ? -1 : port;
    cs.m_keyName = keyName;
    cs.m_key = key;
    return cs;
}

QString ConnectionString::namespaceName() const
{
    if (isIpv4Literal(m_host) || isIpv6Literal(m_host))
        return m_host;
    return m_host.section(u'.', 0, 0);
}

QUrl ConnectionString::endpointUrl() const
{
    QUrl url;
    url.setScheme(u"https"_s);
    url.setHost(m_host);
    url.setPort(m_port);
    url.setPath(u"/"_s);
    return url;
}

QUrl ConnectionString::hubUrl(const QString &hub) const
{
    QUrl url = endpointUrl();
    url.setPath(u'/' + hub);
    return url;
}

QString ConnectionString::toString() const
{
    QString authority = m_host.contains(u':') ? u'[' + m_host + u']' : m_host;
    if (m_port > 0)
        authority += u':' + QString::number(m_port);
    return u"Endpoint=sb://"_s + authority + u"/;SharedAccessKeyName="_s + m_keyName
        + u";SharedAccessKey="_s + m_key;
}

QString ConnectionString::toRedactedString() const
{
    return redactSecrets(toString());
}

Status validateHubName(QStringView hub)
{
    if (hub.trimmed().isEmpty())
        return makeError(ErrorCode::Empty, Tr::tr("The hub name is empty"));
    if (hub.size() > 260) {
        return makeError(
            ErrorCode::LimitExceeded,
            Tr::tr("The hub name is %1 characters long; the limit is 260").arg(hub.size()), 260,
            hub.size() - 260);
    }
    for (qsizetype i = 0; i < hub.size(); ++i) {
        const QChar c = hub[i];
        const char16_t u = c.unicode();
        const bool alnum =
            (u >= u'A' && u <= u'Z') || (u >= u'a' && u <= u'z') || (u >= u'0' && u <= u'9');
        if (alnum || u == u'.' || u == u'-' || u == u'_') {
            if (!alnum && (i == 0 || i == hub.size() - 1)) {
                return makeError(
                    ErrorCode::InvalidValue,
                    Tr::tr("The hub name must start and end with a letter or digit, not "
                           "'%1' (position %2)")
                        .arg(c)
                        .arg(pos(i)),
                    i, 1);
            }
            continue;
        }
        QString why;
        if (c == u'/')
            why =
                Tr::tr("hub paths with '/' are a legacy form that clients put into URLs unescaped");
        else if (c.isSpace())
            why = Tr::tr("clients put the name into the URL path unescaped");
        else
            why = Tr::tr("hub names use letters, digits, '.', '-' and '_'");
        return makeError(ErrorCode::InvalidValue,
                         Tr::tr("The hub name has an invalid character '%1' at position %2: %3")
                             .arg(c)
                             .arg(pos(i))
                             .arg(why),
                         i, 1);
    }
    return {};
}

} // namespace Nh
