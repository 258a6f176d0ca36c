// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "emulator/emulatorhubconfig.h"

#include "emulator/emulatorstate.h"
#include "emulator/hubemulator.h"
#include "protocol/connectionstring.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace Nh {

namespace {

/** The translation context of this file's messages. */
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Nh::EmulatorHubConfig)
};

// Test values only: a throwaway P-256 key made for the emulator (docs/protocol.md §9.10), in
// the shapes the service and docs/hub-checks.md expect.
constexpr auto kDemoP8 =
    "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgoGiewTHI7xmH+dbSBnjM2LpG/YMVB80hokg04oXiL1eh"
    "RANCAASKgqj5odQdy4VJyPHbxYXX4uBuixcTkV3dnbbgxhle8EzEdnVVoZ5PqDqjTBWtI9pxhRnH+1rLgnIP+Wule+nZ"_L1;
constexpr auto kDemoVapidPublic =
    "BIqCqPmh1B3LhUnI8dvFhdfi4G6LFxORXd2dtuDGGV7wTMR2dVWhnk-oOqNMFa0j2nGFGcf7WsuCcg_5a6V76dk"_L1;
constexpr auto kDemoVapidPrivate = "oGiewTHI7xmH-dbSBnjM2LpG_YMVB80hokg04oXiL1c"_L1;

// tests/data/hubs/certs/apns-sandbox-expired.p12 (expired 2025-01-01, password nhconsole-test):
// made with a one-off CA, no one's real certificate.
constexpr auto kExpiredP12 =
    "MIIKLwIBAzCCCeUGCSqGSIb3DQEHAaCCCdYEggnSMIIJzjCCBEIGCSqGSIb3DQEHBqCCBDMwggQvAgEAMIIEKAYJKoZIhv"
    "cN"
    "AQcBMFcGCSqGSIb3DQEFDTBKMCkGCSqGSIb3DQEFDDAcBAgDJ2VTN67+"
    "hAICCAAwDAYIKoZIhvcNAgkFADAdBglghkgBZQME"
    "ASoEEG3jUkV3vnHKPWYwOw65QGmAggPAMA3zy98PCpweNJP51DG0ZRAipOjfoWsypInFttR+"
    "eUXc8dHdjwKaua008vNoegrX"
    "T361iroVMk6thdpVtQx2I6gowduhfn1Ja0Hl8u0fTxNaKmh7JjqYEA/743tQekHqlmdJf4aLuTJabT57aoylsb+Qc/"
    "hPF+rA"
    "+ufwHu84ZDfwOAsgmZ0t61OUbXk6FrjTsu9ldo2KPgHjCEbVMUGBONeKNmUnNTpHlvAhsH6N98m6ol80E/2J0HsyGqZP/"
    "GMs"
    "/FKjNyZ/vPbeKZG0NcX+o+1UWxbq8U8uHI/NmQYyTVVYUHfAq/"
    "5NuEQjh963dD7wuCuxKVQGGkAKcmvQEpLaA2vZdq8SHRYU"
    "1TMNq0Pgbzj9FqijMKgXcQnHzo1re4Oy2oZe7+"
    "OkXyseysEcHbdpaIrzpTKuqLriTOEy4Leb2oOhePlcJG6QNAen5V0Gbmyc"
    "urmKZ2bzitehUofO/"
    "pmcRzesId92LVwovZ6lb5OClq5HjOSWi3AupW0Kayl2KUgQQlhTKzLAM13iwk5jTfuRlGAL2bOSIKBE"
    "GbKciI/"
    "yxu5VTGjTaJ5Vf+EzPrXSCeBS9anrkTjUik2R9CwPCccptlCVKSoz1tpTUTG64aTu3qmZYIoAhk4QUGCJ2U0Ei8iG"
    "dtnPGN/D6Lv8TzTocpnVRg1j7zZ8VhCrDCoRH8Tewmsfz/"
    "i4aJOEaEkuHzTuKlDNFZX3eFyifhLudLAbUf1U1qQuRTlR7uEH"
    "5iv0Iu2mANclGFbJHQHhFjPuyePJ+1XBAHrLRBHApNsvYaH9+"
    "yYluPhdtwithL7QlEKD71ggbpMJ8wlP7fv1UIh9NdnSgE6o"
    "HJ4h13aovHU16ohThy3w7ghM5KMk+2j33OqSiqy6i1FlYXomb7OaWJvDjP4+N1K+V3DwdT0kS/Xtu/"
    "A+F5JK8206EUDGsFGq"
    "JZRQGsJYffw/LQIANCtuFN9DRT6VOelrSjZgm5/"
    "5q4cVE5MFvWz05+OngY+ZlgICfqEZeQC83vLUd9KfSLriSBHGJics9zw5"
    "BHi9+csrCl45SEYkHfcNMOXsamhFD9sgHDcauUCvin1YC8FsMJ5Q/"
    "YjTY3tsv9sf6RgY9OclGJ6hc0urOrsi+gj4C6Gj8qNo"
    "7Ckv1d8XsJuGvf6blm8NOwhkVDHkt55akNc382XgcrHRPpYTHJqga1t3zanD6iYlv3iUvzj/KYMhR70rWrz/l/"
    "qVa1LG4I1N"
    "WK8zmNFHDlnYVF+nzsJ/U/1gDVpPvKm4ylhyemFscOOah0r0PgVj56eBG1AJBE/"
    "YMIIFhAYJKoZIhvcNAQcBoIIFdQSCBXEw"
    "ggVtMIIFaQYLKoZIhvcNAQwKAQKgggUxMIIFLTBXBgkqhkiG9w0BBQ0wSjApBgkqhkiG9w0BBQwwHAQI1tdDtLra2cICAg"
    "gA"
    "MAwGCCqGSIb3DQIJBQAwHQYJYIZIAWUDBAEqBBAQnWIa0PRDCu0XQgsiZ1qDBIIE0EqBm4+"
    "lSwUq37i6V225qfi1ibzPlVm9"
    "ZPDTWpG21BE5SvoqgQGLbw6CXKUHihewCJ+"
    "NfdqMamzTV7DY04qb6h3Tplqu9eUQDTZxqtOFCGNISvTrtzbWMjJ8k9XMOLfQ"
    "UiCaTuBc9jFrg1oAEfiEJRTTFCaaNZcGaVlhK39Jsq4pJ9TcNJJVo3O9ivPjVItYcCw1XIhKVjjGIwILaT73PDyKLWyVf0"
    "TQ"
    "BX60lgT680gvWDuLvTr+oM6udU948vTtcXEXbRe/"
    "v09RjABu4SqRNHx3SK+IxzW7GxRNANuI+XoaRUWFA8TRO7UvrTfryO61"
    "r8w/rQY0te2VwMqdzlEycGnRj37LVXIQ5HlLoIQwjVtsevdLEXjr5Jp58ABlss3efIkY/"
    "wVTUs6OcI4oyStiy7nAJ5rgvn8F"
    "1nS2C33fToTjDw1EAz3TYiiWf7jhroQiGp1AA8I4KCTPXd2WQLB8t8hpk4npo19Mvgmv11Ak202zB7pr/"
    "0dy9frL0rXK58vV"
    "p13Cu3ctLZH8fsxOXdCWd1bVl8g+LuCEsR7yAk1Bo2qipC6XdTqA+bBzQ+1VgX07+"
    "C0NnysVQ4LaTi6MjU4kUGaI0ZkGny7m"
    "3uqhzuVzXdIxETlzV1Q2XB+VpeJaQwN3qEjcBY58kOfppCa3+"
    "WLftVnFYj7hCQmIQfIWjbuvfGKY6lH3sHw2rGWFZ5PwBB68"
    "iQnkgBbQlqo/"
    "tmMyAqxl9DKgiDuP6AqqY4KaFIIhMgS98JHtxz9clwLBFHSmaCucejb9cjVBzla5PMhl2ne3K94EJ0C7INQd"
    "b4P1qFuUuxLPljk1bVZJxzhnLBgxJEZTheDzdiM7//Xu4uwZNOiYxE/"
    "E9KzDDhj3dJsnqiGP3BDKje8bvAcELQBu4CChyFff"
    "hSX9RbtCRLIfTY2zvF5ox/"
    "8ndzosK135aOYKJ7pFliwWv7cmfd2rxC8JeZs2f7fiXn3vPMOgiBsS+yC37Ib0D8C1nU959mlo"
    "Ks4EF8ZgqOs3zYIxzs2e9AD54EC+UvXC0r+LJSXgwstoRAG0vVBWsrG2A0gCk1zmfICCucufwpE+nmBgsckNfN12vHjAS/"
    "+j"
    "UJTKrgN+dp3fM/nlzJh/x65r2NUZsFl1B6jswh9REmJ/vymf8vt3QXeLvaoli75zL6gc5SVwXxN2lLrn38FNUBVIomg/"
    "YiW2"
    "ttQ7yUdHwp+m5RMNlX4dbdEJRsdJQhQxy+4ACOEt+UcZBI4PSxpMFk4m8/"
    "YUIEMPRKH+j19jFhciuPC66UWIiaYSlbt9wEuN"
    "HJJrOYR5I26PRAmH5IPth7FqOEZGTyN0gC3ZpcMp2WrgNVa5qcD47jPO52h41JhOGvwQnQ+7+"
    "HSAjs2tE5bRe6laDs75P4Aw"
    "oi88rKb65qyuW2OC/"
    "ffuCF8KwdYG4eelqGsW3gztSMVFf6UjmEL0TUOY8wsO+haFMKd7Y3fUf1c40JzbpzrrfAKnw72pu4RS"
    "HcwpPXev6oavq8Idqe9YSIRinY3h695kqnD5FJ50gNxUWZ1jlLaD9gsB4aBa5P973bV4vOCVN7AakmQ34qTKGMVcdT3Som"
    "Vw"
    "fQW+2BWBS80eVkJwuvcdMNpEg01Fi6epkm5uNy9B6aCaWd7wf2A45MfIT+99vv/"
    "tKGGhB5794zCHMSUwIwYJKoZIhvcNAQkV"
    "MRYEFNhwjpcsFrYc0hnuGsg0QgEeh2f+MEEwMTANBglghkgBZQMEAgEFAAQg//"
    "U+6lzx+oC4+luo94VixJyZYsO0lqMgho4j"
    "7wcQJVoECMD1B4tj5pH6AgIIAA=="_L1;
constexpr auto kExpiredP12Password = "nhconsole-test"_L1;

PnsCredential credential(PnsCredentialKind kind,
                         std::initializer_list<std::pair<QLatin1StringView, QLatin1StringView>> p)
{
    PnsCredential c;
    c.kind = kind;
    for (const auto &[name, value] : p)
        c.properties.append({QString(name), QString(value)});
    return c;
}

AccessRights accessRightsOf(Rights rights)
{
    AccessRights out;
    if (rights.testFlag(Right::Listen))
        out |= AccessRight::Listen;
    if (rights.testFlag(Right::Send))
        out |= AccessRight::Send;
    if (rights.testFlag(Right::Manage))
        out |= AccessRight::Manage | AccessRight::Send | AccessRight::Listen;
    return out;
}

/** The JSON names of the credentials in a --hub-config file. */
struct JsonCredentialName
{
    QLatin1StringView json;
    PnsCredentialKind kind;
};
constexpr JsonCredentialName kJsonCredentials[] = {
    {"apns"_L1, PnsCredentialKind::Apns},     {"wns"_L1, PnsCredentialKind::Wns},
    {"gcm"_L1, PnsCredentialKind::Gcm},       {"mpns"_L1, PnsCredentialKind::Mpns},
    {"adm"_L1, PnsCredentialKind::Adm},       {"baidu"_L1, PnsCredentialKind::Baidu},
    {"fcmV1"_L1, PnsCredentialKind::FcmV1},   {"browser"_L1, PnsCredentialKind::Browser},
    {"xiaomi"_L1, PnsCredentialKind::Xiaomi},
};

/** The error a --hub-config problem gives: the file, the place, what is wrong. */
Error configError(const QString &fileName, const QString &where, const QString &what)
{
    Error e = makeError(ErrorCode::InvalidValue, Tr::tr("%1: %2: %3").arg(fileName, where, what),
                        -1, 0, where);
    return e;
}

} // namespace

QList<AuthorizationRule> defaultAuthorizationRules(const QList<SasRule> &rules,
                                                   const QDateTime &now)
{
    // The service lists Listen first, then Full ([REC-NET] 2020).
    QList<AuthorizationRule> out;
    for (const auto name :
         {"DefaultListenSharedAccessSignature"_L1, "DefaultFullSharedAccessSignature"_L1}) {
        for (const SasRule &r : rules) {
            if (r.name != name)
                continue;
            AuthorizationRule a;
            a.keyName = r.name;
            a.rights = accessRightsOf(r.rights);
            a.primaryKey = r.key;
            a.secondaryKey = r.key;
            a.createdTime = now;
            a.modifiedTime = now;
            out.append(a);
        }
    }
    return out;
}

PnsCredential defaultPnsCredential(PnsCredentialKind kind)
{
    using K = PnsCredentialKind;
    switch (kind) {
    case K::Apns:
        return credential(K::Apns,
                          {{"Endpoint"_L1, kApnsSandboxEndpoint},
                           {"Token"_L1, kDemoP8},
                           {"KeyId"_L1, "NHDEMO0KEY"_L1},
                           {"AppId"_L1, "ABCDE12345"_L1},
                           {"AppName"_L1, "com.example.nhconsole"_L1}});
    case K::Wns:
        return credential(
            K::Wns,
            {{"PackageSid"_L1, "ms-app://s-1-15-2-1000000000-2000000000-3000000000"_L1},
             {"SecretKey"_L1, "nhemulator-demo-wns-secret"_L1},
             {"WindowsLiveEndpoint"_L1, "https://login.live.com/accesstoken.srf"_L1}});
    case K::Gcm:
        return credential(K::Gcm,
                          {{"GoogleApiKey"_L1, "AIzaSyNhEmulatorDemoLegacyServerKey00"_L1},
                           {"GcmEndpoint"_L1, "https://fcm.googleapis.com/fcm/send"_L1}});
    case K::Mpns:
        return credential(K::Mpns, {});
    case K::Adm:
        return credential(K::Adm,
                          {{"ClientId"_L1, "amzn1.application-oa2-client.nhemulatordemo"_L1},
                           {"ClientSecret"_L1, "nhemulator-demo-adm-secret"_L1}});
    case K::Baidu:
        return credential(K::Baidu,
                          {{"BaiduApiKey"_L1, "nhemulator-demo-baidu-key"_L1},
                           {"BaiduSecretKey"_L1, "nhemulator-demo-baidu-secret"_L1}});
    case K::FcmV1: {
        PnsCredential c =
            credential(K::FcmV1,
                       {{"ProjectId"_L1, "nhconsole-demo"_L1},
                        {"ClientEmail"_L1,
                         "firebase-adminsdk-demo@nhconsole-demo.iam.gserviceaccount.com"_L1}});
        c.properties.insert(
            1,
            {u"PrivateKey"_s,
             u"-----BEGIN PRIVATE KEY-----\n"_s + kDemoP8 + u"\n-----END PRIVATE KEY-----\n"_s});
        return c;
    }
    case K::Browser:
        return credential(K::Browser,
                          {{"Subject"_L1, "mailto:push@example.com"_L1},
                           {"VapidPublicKey"_L1, kDemoVapidPublic},
                           {"VapidPrivateKey"_L1, kDemoVapidPrivate}});
    case K::Xiaomi:
        return credential(K::Xiaomi,
                          {{"AppSecret"_L1, "nhemulator-demo-xiaomi-secret"_L1},
                           {"Endpoint"_L1, "https://api.xmpush.xiaomi.com/v3/message/regid"_L1}});
    }
    return {};
}

HubDescription defaultHubDescription(const QList<SasRule> &rules, const QDateTime &now)
{
    HubDescription d;
    d.registrationTtl = kDefaultRegistrationTtl;
    d.authorizationRules = defaultAuthorizationRules(rules, now);
    // The order the service writes them in (docs/protocol.md §14.4).
    using K = PnsCredentialKind;
    for (const K kind :
         {K::Apns, K::Wns, K::Gcm, K::Mpns, K::Adm, K::Baidu, K::FcmV1, K::Browser, K::Xiaomi})
        d.credentials.append(defaultPnsCredential(kind));
    d.published = now;
    d.updated = now;
    return d;
}

EmulatorHubConfig problemsDemoHubConfig(const QList<SasRule> &rules, const QDateTime &now)
{
    using K = PnsCredentialKind;
    EmulatorHubConfig c;
    c.name = kProblemsDemoHub;
    c.gcmRetired = true;
    c.rulesGiven = true;
    c.description = defaultHubDescription(rules, now);
    c.description.credentials.removeIf(
        [](const PnsCredential &p) { return p.kind == K::FcmV1 || p.kind == K::Apns; });
    c.description.credentials.prepend(credential(K::Apns,
                                                 {{"Endpoint"_L1, kApnsProductionEndpoint},
                                                  {"ApnsCertificate"_L1, kExpiredP12},
                                                  {"CertificateKey"_L1, kExpiredP12Password}}));
    AuthorizationRule listenOnly;
    listenOnly.keyName = u"AppBackendSharedAccessSignature"_s;
    listenOnly.rights = AccessRight::Listen;
    // Derived from the namespace's keys so it differs from every other rule's.
    const SasRule *full = nullptr;
    for (const SasRule &r : rules)
        full = r.name == u"DefaultFullSharedAccessSignature" ? &r : full;
    const QByteArray seed = (full ? full->key : QString()).toUtf8() + "listen-only";
    listenOnly.primaryKey =
        QString::fromLatin1(QCryptographicHash::hash(seed, QCryptographicHash::Sha256).toBase64());
    listenOnly.secondaryKey = listenOnly.primaryKey;
    listenOnly.createdTime = now;
    listenOnly.modifiedTime = now;
    c.description.authorizationRules.append(listenOnly);
    return c;
}

Result<QList<EmulatorHubConfig>> parseHubConfig(const QByteArray &json, const QString &fileName)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
    if (pe.error != QJsonParseError::NoError) {
        const QByteArray before = json.first(qMin<qsizetype>(pe.offset, json.size()));
        const qint64 line = before.count('\n') + 1;
        const qint64 column = pe.offset - (before.lastIndexOf('\n') + 1) + 1;
        Error e = makeError(ErrorCode::InvalidValue,
                            Tr::tr("%1: line %2, column %3: %4")
                                .arg(fileName)
                                .arg(line)
                                .arg(column)
                                .arg(pe.errorString()),
                            pe.offset);
        e.line = line;
        e.column = column;
        return e;
    }
    const QJsonValue hubsValue = doc.object().value(u"hubs"_s);
    if (!doc.isObject() || !hubsValue.isArray()) {
        return configError(fileName, u"hubs"_s,
                           Tr::tr("expected an object with a \"hubs\" array (one entry per hub)"));
    }
    QList<EmulatorHubConfig> out;
    const QJsonArray hubs = hubsValue.toArray();
    for (qsizetype i = 0; i < hubs.size(); ++i) {
        const QString at = u"hubs[%1]"_s.arg(i);
        const QJsonObject h = hubs.at(i).toObject();
        if (!hubs.at(i).isObject())
            return configError(fileName, at, Tr::tr("expected an object"));
        EmulatorHubConfig c;
        c.name = h.value(u"name"_s).toString();
        if (auto st = validateHubName(c.name); !st)
            return configError(fileName, at + u".name"_s, st.error().message);
        for (const EmulatorHubConfig &other : std::as_const(out)) {
            if (other.name.compare(c.name, Qt::CaseInsensitive) == 0)
                return configError(fileName, at + u".name"_s,
                                   Tr::tr("the hub '%1' is configured twice").arg(c.name));
        }
        c.description.registrationTtl =
            h.value(u"registrationTtl"_s).toString(kDefaultRegistrationTtl);
        // Credentials: absent = every platform's default; "default" = that platform's default.
        const QJsonValue creds = h.value(u"credentials"_s);
        if (creds.isUndefined()) {
            c.description.credentials = defaultHubDescription({}, {}).credentials;
        } else if (!creds.isObject()) {
            return configError(fileName, at + u".credentials"_s,
                               Tr::tr("expected an object naming the platforms"));
        }
        const QJsonObject credObject = creds.toObject();
        for (auto it = credObject.begin(); it != credObject.end(); ++it) {
            const QString where = at + u".credentials."_s + it.key();
            const auto known =
                std::find_if(std::begin(kJsonCredentials), std::end(kJsonCredentials),
                             [&](const JsonCredentialName &n) { return n.json == it.key(); });
            if (known == std::end(kJsonCredentials)) {
                return configError(fileName, where,
                                   Tr::tr("unknown platform; expected apns, wns, gcm, mpns, adm, "
                                          "baidu, fcmV1, browser or xiaomi"));
            }
            if (it.value() == QJsonValue(u"default"_s)) {
                c.description.credentials.append(defaultPnsCredential(known->kind));
                continue;
            }
            if (!it.value().isObject())
                return configError(fileName, where,
                                   Tr::tr("expected an object of properties or \"default\""));
            PnsCredential p;
            p.kind = known->kind;
            const QJsonObject props = it.value().toObject();
            for (auto pit = props.begin(); pit != props.end(); ++pit) {
                if (known->kind == PnsCredentialKind::Gcm && pit.key() == u"retired") {
                    if (!pit.value().isBool())
                        return configError(fileName, where + u".retired"_s,
                                           Tr::tr("expected true or false"));
                    c.gcmRetired = pit.value().toBool();
                    continue;
                }
                if (!pit.value().isString() || pit.key().isEmpty())
                    return configError(fileName, where + u'.' + pit.key(),
                                       Tr::tr("expected a string"));
                // JSON names are the wire names with a lower-case first letter.
                QString name = pit.key();
                name[0] = name[0].toUpper();
                p.properties.append({name, pit.value().toString()});
            }
            c.description.credentials.append(p);
        }
        if (const QJsonValue rules = h.value(u"rules"_s); !rules.isUndefined()) {
            if (!rules.isArray())
                return configError(fileName, at + u".rules"_s, Tr::tr("expected an array"));
            c.rulesGiven = true;
            const QJsonArray list = rules.toArray();
            for (qsizetype r = 0; r < list.size(); ++r) {
                const QString where = at + u".rules[%1]"_s.arg(r);
                const QJsonObject o = list.at(r).toObject();
                AuthorizationRule a;
                a.keyName = o.value(u"keyName"_s).toString();
                a.primaryKey = o.value(u"primaryKey"_s).toString();
                a.secondaryKey = o.value(u"secondaryKey"_s).toString(a.primaryKey);
                if (a.keyName.isEmpty() || a.primaryKey.isEmpty())
                    return configError(fileName, where,
                                       Tr::tr("a rule needs \"keyName\" and \"primaryKey\""));
                for (const QJsonValue v : o.value(u"rights"_s).toArray()) {
                    const QString right = v.toString();
                    if (right == u"Listen")
                        a.rights |= AccessRight::Listen;
                    else if (right == u"Send")
                        a.rights |= AccessRight::Send;
                    else if (right == u"Manage")
                        a.rights |= AccessRight::Manage;
                    else
                        return configError(
                            fileName, where + u".rights"_s,
                            Tr::tr("\"%1\": expected Listen, Send or Manage").arg(right));
                }
                c.description.authorizationRules.append(a);
            }
        }
        if (const QJsonValue g = h.value(u"generate"_s); !g.isUndefined()) {
            const QJsonObject go = g.toObject();
            const double count = go.value(u"count"_s).toDouble(-1);
            const double seed = go.value(u"seed"_s).toDouble(1);
            if (!g.isObject() || count < 0 || count > 100000000 || count != std::floor(count)
                || seed < 0 || seed != std::floor(seed)) {
                return configError(fileName, at + u".generate"_s,
                                   Tr::tr("expected {\"count\": N, \"seed\": S} with whole "
                                          "numbers, N at most 100000000"));
            }
            c.generate.count = qint64(count);
            c.generate.seed = quint64(seed);
        }
        c.description.name = c.name;
        out.append(c);
    }
    return out;
}

Result<QList<EmulatorHubConfig>> readHubConfigFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return makeError(ErrorCode::Storage,
                         Tr::tr("%1: cannot be read: %2").arg(path, file.errorString()));
    }
    return parseHubConfig(file.readAll(), path);
}

QCommandLineOption hubConfigOption()
{
    return QCommandLineOption(
        u"hub-config"_s,
        QCoreApplication::translate(
            "nhemulator",
            "Configure the hubs (credentials, rules) from this JSON file, one entry per hub "
            "(docs/protocol.md §9.10). Hubs it does not name are configured for every platform."),
        u"file"_s);
}

Status applyHubConfigOption(const QCommandLineParser &parser, EmulatorOptions &options)
{
    const QString name = hubConfigOption().names().constFirst();
    if (!parser.isSet(name))
        return {};
    auto configs = readHubConfigFile(parser.value(name));
    if (!configs)
        return configs.error();
    options.hubConfigs = *configs;
    return {};
}

QList<QCommandLineOption> generateOptions()
{
    return {QCommandLineOption(
                u"generate"_s,
                QCoreApplication::translate(
                    "nhemulator",
                    "Add N synthetic registrations to the hub (users, 1,000 cohorts, 5 languages, "
                    "every platform, templates), in memory only; --log prints how fast they were "
                    "made."),
                u"N"_s),
            QCommandLineOption(
                u"seed"_s,
                QCoreApplication::translate(
                    "nhemulator", "Seed of --generate (default 1): the same seed, the same hub."),
                u"S"_s, u"1"_s)};
}

Status applyGenerateOptions(const QCommandLineParser &parser, EmulatorOptions &options)
{
    if (!parser.isSet(u"generate"_s))
        return {};
    bool countOk = false;
    bool seedOk = false;
    options.generate.count = parser.value(u"generate"_s).toLongLong(&countOk);
    options.generate.seed = parser.value(u"seed"_s).toULongLong(&seedOk);
    if (!countOk || !seedOk || options.generate.count < 0 || options.generate.count > 100000000)
        return makeError(ErrorCode::Usage,
                         QCoreApplication::translate(
                             "nhemulator",
                             "--generate takes a number from 0 to 100000000 and --seed a whole "
                             "number, not '%1' and '%2'.")
                             .arg(parser.value(u"generate"_s), parser.value(u"seed"_s)));
    return {};
}

Status validateHubCredentials(const HubDescription &d)
{
    const auto missing = [](PnsCredentialKind kind, QLatin1StringView property) {
        return makeError(ErrorCode::InvalidValue,
                         Tr::tr("%1 needs the property %2.")
                             .arg(pnsCredentialElementName(kind), QString(property)),
                         -1, 0, pnsCredentialElementName(kind));
    };
    const auto has = [](const PnsCredential &c, QLatin1StringView name) {
        return !c.property(QString(name)).value_or(QString()).trimmed().isEmpty();
    };
    for (const PnsCredential &c : d.credentials) {
        switch (c.kind) {
        case PnsCredentialKind::Apns: {
            const bool token = has(c, "Token"_L1);
            const bool certificate = has(c, "ApnsCertificate"_L1);
            if (token && certificate) {
                return makeError(ErrorCode::InvalidValue,
                                 Tr::tr("Cannot set both token and certificate for APNS."), -1, 0,
                                 u"ApnsCredential"_s);
            }
            if (!token && !certificate) {
                return makeError(ErrorCode::InvalidValue,
                                 Tr::tr("ApnsCredential needs either Token (token mode) or "
                                        "ApnsCertificate (certificate mode)."),
                                 -1, 0, u"ApnsCredential"_s);
            }
            if (token) {
                for (const auto p : {"KeyId"_L1, "AppId"_L1, "AppName"_L1}) {
                    if (!has(c, p))
                        return missing(c.kind, p);
                }
            }
            break;
        }
        case PnsCredentialKind::FcmV1:
            for (const auto p : {"ProjectId"_L1, "PrivateKey"_L1, "ClientEmail"_L1}) {
                if (!has(c, p))
                    return missing(c.kind, p);
            }
            break;
        case PnsCredentialKind::Browser:
            for (const auto p : {"Subject"_L1, "VapidPublicKey"_L1, "VapidPrivateKey"_L1}) {
                if (!has(c, p))
                    return missing(c.kind, p);
            }
            break;
        default:
            break;
        }
    }
    return {};
}

void configureHubs(EmulatorState &state, const QList<EmulatorHubConfig> &configs,
                   bool createProblemsHub)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const auto apply = [&](EmulatorHub &hub, const EmulatorHubConfig &c) {
        hub.gcmRetired = c.gcmRetired;
        // Changed over the API and kept in the data file: that description stays.
        if (hub.descriptionChanged)
            return;
        hub.description = c.description;
        hub.description.name = hub.name;
        if (!c.rulesGiven)
            hub.description.authorizationRules = defaultAuthorizationRules(state.rules, now);
        for (AuthorizationRule &r : hub.description.authorizationRules) {
            if (!r.createdTime.isValid())
                r.createdTime = now;
            if (!r.modifiedTime.isValid())
                r.modifiedTime = now;
        }
        if (hub.description.registrationTtl.isEmpty())
            hub.description.registrationTtl = kDefaultRegistrationTtl;
        hub.description.published = now;
        hub.description.updated = now;
    };
    const auto configured = [&](const QString &name) {
        return std::any_of(configs.cbegin(), configs.cend(), [&](const EmulatorHubConfig &c) {
            return c.name.compare(name, Qt::CaseInsensitive) == 0;
        });
    };
    if (!configured(QString(kProblemsDemoHub))) {
        EmulatorHub *problems = state.hub(kProblemsDemoHub);
        if (!problems && createProblemsHub) {
            problems = &state.addHub(kProblemsDemoHub);
            seedProblemsDemoData(state, *problems);
        }
        if (problems)
            apply(*problems, problemsDemoHubConfig(state.rules, now));
    }
    for (const EmulatorHubConfig &c : configs) {
        EmulatorHub &hub = state.addHub(c.name);
        apply(hub, c);
        if (c.generate.count > 0)
            generateRegistrations(hub, c.generate);
    }
}

void seedProblemsDemoData(EmulatorState &state, EmulatorHub &hub)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const auto add = [&](Platform p, const QString &handle, const QStringList &tags) {
        Registration r;
        r.platform = p;
        r.handle = handle;
        r.tags = tags;
        r.etag = 1;
        r.published = now;
        r.updated = now;
        state.putRegistration(hub, r);
    };
    // Development-build tokens on a production hub: "handle invalid", then deleted.
    add(Platform::Apple, u"9A1F0C2B4D6E8F10development3C5E7A9B1D3F5A7C9E1B3D5F7A9C1E3B5D7F9A1C"_s,
        {u"sports"_s, u"user:alice"_s});
    add(Platform::Apple, u"5E7A9C1E3B5D7F9A1C3E5A7C9E1B3D5F7A9C1E3Bdevelopment5D7F9A1C3E5A7C9"_s,
        {u"politics"_s});
    // Legacy GCM registrations: Google's retired API refuses them.
    add(Platform::Gcm, u"gcm-legacy-token-frank-APA91bX"_s, {u"sports"_s, u"user:frank"_s});
    add(Platform::Gcm, u"gcm-legacy-token-grace-APA91bY"_s, {u"politics"_s});
    // FCM v1 registrations: the hub has no FcmV1Credential, fcmv1 sends answer 400.
    add(Platform::FcmV1, u"fcm-token-heidi-pQ7:APA91bZ"_s, {u"sports"_s, u"user:heidi"_s});
}

} // namespace Nh
