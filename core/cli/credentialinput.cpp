// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/credentialinput.h"

#include "common/redaction.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QSet>

using namespace Qt::Literals::StringLiterals;

namespace Nh {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Nh::Cli)
};

Status addProperty(CredentialProperties &properties, QSet<QString> &seen, const QString &name,
                   const QString &value, qint64 line)
{
    if (name.isEmpty())
        return makeError(ErrorCode::EmptyField,
                         Tr::tr("Line %1 has no property name before '='.").arg(line));
    if (seen.contains(name.toLower()))
        return makeError(ErrorCode::DuplicateField,
                         Tr::tr("The property %1 is given twice.").arg(name));
    seen.insert(name.toLower());
    properties.append({name, value});
    return {};
}

} // namespace

Result<CredentialProperties> parseCredentialProperties(const QByteArray &text)
{
    const QByteArray trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return makeError(ErrorCode::Empty, Tr::tr("No credential properties were given."));
    CredentialProperties properties;
    QSet<QString> seen;
    if (trimmed.startsWith('{')) {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(trimmed, &error);
        if (!doc.isObject())
            return makeError(ErrorCode::Syntax,
                             Tr::tr("The credential properties are not a JSON object: %1")
                                 .arg(error.errorString()),
                             error.offset);
        const QJsonObject o = doc.object();
        for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
            const QJsonValue v = it.value();
            QString value;
            if (v.isString())
                value = v.toString();
            else if (v.isDouble() || v.isBool())
                value = v.toVariant().toString();
            else
                return makeError(ErrorCode::InvalidValue,
                                 Tr::tr("The property %1 is not a string.").arg(it.key()));
            if (auto st = addProperty(properties, seen, it.key().trimmed(), value, 0); !st)
                return st.error();
        }
    } else {
        const QList<QByteArray> lines = text.split('\n');
        for (qsizetype i = 0; i < lines.size(); ++i) {
            QByteArray line = lines.at(i);
            if (line.endsWith('\r'))
                line.chop(1);
            if (line.trimmed().isEmpty() || line.trimmed().startsWith('#'))
                continue;
            const qsizetype eq = line.indexOf('=');
            if (eq < 0)
                return makeError(ErrorCode::Syntax,
                                 Tr::tr("Line %1 is not Name=value.").arg(i + 1));
            const QString name = QString::fromUtf8(line.left(eq)).trimmed();
            const QString value = QString::fromUtf8(line.mid(eq + 1));
            if (auto st = addProperty(properties, seen, name, value, i + 1); !st)
                return st.error();
        }
    }
    if (properties.isEmpty())
        return makeError(ErrorCode::Empty, Tr::tr("No credential properties were given."));
    return properties;
}

Result<CredentialProperties> apnsTokenProperties(const QByteArray &p8, const QString &keyId,
                                                 const QString &teamId, const QString &bundleId)
{
    // The hub wants the key's base64 body only, without the PEM lines.
    QByteArray body;
    for (const QByteArray &line : p8.split('\n')) {
        const QByteArray l = line.trimmed();
        if (l.isEmpty() || l.startsWith("-----"))
            continue;
        body += l;
    }
    // A PKCS#8 key is DER: base64 of a SEQUENCE (0x30).
    const auto der = QByteArray::fromBase64Encoding(body, QByteArray::AbortOnBase64DecodingErrors);
    if (body.isEmpty() || !der || der.decoded.isEmpty() || der.decoded.at(0) != 0x30)
        return makeError(ErrorCode::InvalidValue,
                         Tr::tr("The .p8 file holds no key: expected a PEM private key."));
    return CredentialProperties {{u"Token"_s, QString::fromLatin1(body)},
                                 {u"KeyId"_s, keyId},
                                 {u"AppId"_s, teamId},
                                 {u"AppName"_s, bundleId}};
}

CredentialProperties apnsCertificateProperties(const QByteArray &p12, const QString &password)
{
    return {{u"ApnsCertificate"_s, QString::fromLatin1(p12.toBase64())},
            {u"CertificateKey"_s, password}};
}

Result<CredentialProperties> fcmV1Properties(const QByteArray &serviceAccountJson)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(serviceAccountJson, &error);
    if (!doc.isObject())
        return makeError(
            ErrorCode::Syntax,
            Tr::tr("The service-account file is not a JSON object: %1").arg(error.errorString()),
            error.offset);
    const QJsonObject o = doc.object();
    CredentialProperties properties;
    const std::pair<const char16_t *, QString> fields[] = {
        {u"project_id", u"ProjectId"_s},
        {u"private_key", u"PrivateKey"_s},
        {u"client_email", u"ClientEmail"_s},
    };
    for (const auto &[field, property] : fields) {
        const QString value = o.value(QStringView(field)).toString();
        if (value.isEmpty())
            return makeError(ErrorCode::MissingField,
                             Tr::tr("The service-account file has no %1: download the key of "
                                    "the Firebase service account again.")
                                 .arg(QStringView(field)),
                             -1, 0);
        properties.append({property, value});
    }
    return properties;
}

QString credentialChangeKindName(CredentialChange::Kind kind)
{
    switch (kind) {
    case CredentialChange::Kind::Added:
        return u"added"_s;
    case CredentialChange::Kind::Removed:
        return u"removed"_s;
    case CredentialChange::Kind::Changed:
        break;
    }
    return u"changed"_s;
}

QList<CredentialChange> credentialChanges(PnsCredentialKind kind,
                                          const std::optional<PnsCredential> &before,
                                          const std::optional<PnsCredential> &after)
{
    const auto shown = [kind](const QString &name, const QString &value) {
        return isSecretPnsProperty(kind, name) ? kRedacted.toString() : value;
    };
    QList<CredentialChange> changes;
    if (before) {
        for (const auto &[name, value] : before->properties) {
            const std::optional<QString> now = after ? after->property(name) : std::nullopt;
            if (!now)
                changes.append({CredentialChange::Kind::Removed, name, shown(name, value), {}});
            else if (*now != value)
                changes.append(
                    {CredentialChange::Kind::Changed, name, shown(name, value), shown(name, *now)});
        }
    }
    if (after) {
        for (const auto &[name, value] : after->properties) {
            if (!before || !before->property(name))
                changes.append({CredentialChange::Kind::Added, name, {}, shown(name, value)});
        }
    }
    return changes;
}

} // namespace Nh
