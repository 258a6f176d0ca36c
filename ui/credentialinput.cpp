// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "credentialinput.h"

#include "protocol/pkcs12.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

using namespace Qt::Literals::StringLiterals;

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(HubPage)
};

Nh::Error missing(const QString &field)
{
    return Nh::makeError(Nh::ErrorCode::EmptyField, Tr::tr("%1 is empty.").arg(field), -1, 0,
                         field);
}

Nh::PnsCredential credential(Nh::PnsCredentialKind kind,
                             const QList<std::pair<QString, QString>> &properties)
{
    Nh::PnsCredential c;
    c.kind = kind;
    c.properties = properties;
    return c;
}

} // namespace

Nh::Result<Nh::PnsCredential> apnsTokenCredential(const QString &p8, const QString &keyId,
                                                  const QString &teamId, const QString &bundleId,
                                                  ApnsTarget target)
{
    QStringList body;
    for (const QString &line : p8.split(u'\n')) {
        const QString t = line.trimmed();
        if (!t.isEmpty() && !t.startsWith(u"-----"_s))
            body << t;
    }
    const QString token = body.join(QString());
    if (token.isEmpty())
        return missing(u"Token"_s);
    for (const auto &[name, value] :
         {std::pair {u"KeyId"_s, keyId}, {u"AppId"_s, teamId}, {u"AppName"_s, bundleId}})
        if (value.trimmed().isEmpty())
            return missing(name);
    const QString endpoint = target == ApnsTarget::Production
        ? u"https://api.push.apple.com:443/3/device"_s
        : u"https://api.development.push.apple.com:443/3/device"_s;
    return credential(Nh::PnsCredentialKind::Apns,
                      {{u"Endpoint"_s, endpoint},
                       {u"Token"_s, token},
                       {u"KeyId"_s, keyId.trimmed()},
                       {u"AppName"_s, bundleId.trimmed()},
                       {u"AppId"_s, teamId.trimmed()}});
}

Nh::Result<Nh::PnsCredential> apnsCertificateCredential(const QByteArray &p12,
                                                        const QString &password, ApnsTarget target)
{
    if (p12.isEmpty())
        return missing(u"ApnsCertificate"_s);
    const auto read = Nh::readPkcs12(p12, password);
    if (!read)
        return read.error();
    const QString endpoint = target == ApnsTarget::Production ? u"gateway.push.apple.com"_s
                                                              : u"gateway.sandbox.push.apple.com"_s;
    return credential(Nh::PnsCredentialKind::Apns,
                      {{u"Endpoint"_s, endpoint},
                       {u"ApnsCertificate"_s, QString::fromLatin1(p12.toBase64())},
                       {u"CertificateKey"_s, password},
                       {u"Thumbprint"_s, read.value().sha1Thumbprint}});
}

Nh::Result<Nh::PnsCredential> fcmV1Credential(const QByteArray &serviceAccountJson)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(serviceAccountJson, &error);
    if (!doc.isObject())
        return Nh::makeError(
            Nh::ErrorCode::Syntax,
            Tr::tr("The service-account file is not JSON: %1").arg(error.errorString()),
            error.offset);
    const QJsonObject o = doc.object();
    QList<std::pair<QString, QString>> properties;
    for (const auto &[name, key] : {std::pair {u"ProjectId"_s, u"project_id"_s},
                                    {u"PrivateKey"_s, u"private_key"_s},
                                    {u"ClientEmail"_s, u"client_email"_s}}) {
        const QString value = o.value(key).toString();
        if (value.isEmpty())
            return Nh::makeError(Nh::ErrorCode::MissingField,
                                 Tr::tr("The service-account file has no %1.").arg(key), -1, 0,
                                 key);
        properties.append({name, value});
    }
    return credential(Nh::PnsCredentialKind::FcmV1, properties);
}

Nh::Result<Nh::PnsCredential> wnsCredential(const QString &packageSid, const QString &secret)
{
    if (packageSid.trimmed().isEmpty())
        return missing(u"PackageSid"_s);
    if (secret.isEmpty())
        return missing(u"SecretKey"_s);
    return credential(Nh::PnsCredentialKind::Wns,
                      {{u"PackageSid"_s, packageSid.trimmed()},
                       {u"SecretKey"_s, secret},
                       {u"WindowsLiveEndpoint"_s, u"https://login.live.com/accesstoken.srf"_s}});
}

Nh::Result<Nh::PnsCredential> browserCredential(const QString &subject, const QString &publicKey,
                                                const QString &privateKey)
{
    for (const auto &[name, value] : {std::pair {u"Subject"_s, subject},
                                      {u"VapidPublicKey"_s, publicKey},
                                      {u"VapidPrivateKey"_s, privateKey}})
        if (value.trimmed().isEmpty())
            return missing(name);
    return credential(Nh::PnsCredentialKind::Browser,
                      {{u"Subject"_s, subject.trimmed()},
                       {u"VapidPublicKey"_s, publicKey.trimmed()},
                       {u"VapidPrivateKey"_s, privateKey.trimmed()}});
}

Nh::HubDescription withCredential(Nh::HubDescription description,
                                  const Nh::PnsCredential &credential)
{
    if (Nh::PnsCredential *c = description.credential(credential.kind))
        *c = credential;
    else
        description.credentials.append(credential);
    return description;
}
