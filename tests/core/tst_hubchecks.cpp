// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocol/hubchecks.h"

#include <QFile>
#include <QTest>
#include <functional>

using namespace Qt::Literals::StringLiterals;
using namespace Nh;

using Kind = PnsCredentialKind;
using Sev = HubCheckSeverity;
/** Turns the healthy hub (and its context) into the case of a row. */
using Mutation = std::function<void(HubDescription &, HubCheckContext &)>;

Q_DECLARE_METATYPE(Nh::HubCheckSeverity)
Q_DECLARE_METATYPE(Nh::ApnsEndpointEnvironment)
Q_DECLARE_METATYPE(Nh::Format)
Q_DECLARE_METATYPE(Mutation)

namespace {
// Throwaway values, generated for this suite only.
const QString kP8Body =
    u"MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgJaY7o936H0FkP57htAut5eUr/LSAs6YDQ7H9dufkyXqh"
    "RANCAASQNBRQPbGr6VtSBwJ6Y5VHVkNJLPfvuBgjfcuDlKlMPCCBPU3oG47Uc5CiOgU6NB1zhCBBi5MfGY2nZKHdy48L"_s;
const QString kPemKey = u"-----BEGIN PRIVATE KEY-----\n"
                        "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgboLueI+Pli4x5k6b\n"
                        "kwEpeT3Q0J0Zv/GU1pyUTi3PQg6hRANCAAS3TQxZUeB775aIGvuQzuEzuhT1luJM\n"
                        "Xsem5O9UiQ+UdOHAxbajBWEhhtjZkxb+RzRXQVnlf/jHzsVaduDz1FzD\n"
                        "-----END PRIVATE KEY-----\n"_s;
const QString kWnsSecret = u"wns-secret-Xy12"_s;
const QString kListenKey = u"bGlzdGVubGlzdGVubGlzdGVubGlzdGVubGlzdGVuMTI="_s;
const QString kFullKey = u"ZnVsbGZ1bGxmdWxsZnVsbGZ1bGxmdWxsZnVsbGZ1bDE="_s;
const QString kFullSecondary = u"c2Vjb25kc2Vjb25kc2Vjb25kc2Vjb25kc2Vjb25kMTI="_s;
const QString kCertPassword = u"nhconsole-test"_s;
const QString kSandbox = u"https://api.development.push.apple.com:443/3/device"_s;
const QString kProduction = u"https://api.push.apple.com:443/3/device"_s;

QDateTime utc(int y, int m, int d)
{
    return QDateTime(QDate(y, m, d), QTime(12, 0), Qt::UTC);
}

QString base64Url(QByteArray raw)
{
    return QString::fromLatin1(
        raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QString certBase64(const QString &file)
{
    QFile f(QStringLiteral(NH_TEST_DATA_DIR "/hubs/certs/") + file);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing test file %s", qPrintable(f.fileName()));
    return QString::fromLatin1(f.readAll().toBase64());
}

PnsCredential credential(Kind kind, QList<std::pair<QString, QString>> properties)
{
    PnsCredential c;
    c.kind = kind;
    c.properties = std::move(properties);
    return c;
}

/** Replaces (or adds) a property, matched case-insensitively; an empty value removes it. */
void set(HubDescription &d, Kind kind, const QString &name, const QString &value)
{
    PnsCredential *c = d.credential(kind);
    if (!c) {
        d.credentials.append(credential(kind, {}));
        c = &d.credentials.last();
    }
    for (qsizetype i = 0; i < c->properties.size(); ++i) {
        if (c->properties[i].first.compare(name, Qt::CaseInsensitive) == 0) {
            if (value.isEmpty())
                c->properties.removeAt(i);
            else
                c->properties[i].second = value;
            return;
        }
    }
    if (!value.isEmpty())
        c->properties.append({name, value});
}

void remove(HubDescription &d, Kind kind)
{
    d.credentials.removeIf([kind](const PnsCredential &c) { return c.kind == kind; });
}

AuthorizationRule rule(const QString &name, AccessRights rights, const QString &primary,
                       const QString &secondary)
{
    AuthorizationRule r;
    r.keyName = name;
    r.rights = rights;
    r.primaryKey = primary;
    r.secondaryKey = secondary;
    return r;
}

/** APNs token mode on the sandbox, FCM v1, WNS, browser; the two default rules. */
HubDescription healthyHub()
{
    HubDescription d;
    d.name = u"healthy"_s;
    d.registrationTtl = u"P90D"_s;
    d.credentials = {
        credential(Kind::Apns,
                   {{u"Endpoint"_s, kSandbox},
                    {u"Token"_s, kP8Body},
                    {u"KeyId"_s, u"ABC123DEFG"_s},
                    {u"AppId"_s, u"TEAM123456"_s},
                    {u"AppName"_s, u"com.example.nhconsole"_s}}),
        credential(Kind::Wns,
                   {{u"PackageSid"_s, u"ms-app://S-1-15-2-1234-5678"_s},
                    {u"SecretKey"_s, kWnsSecret},
                    {u"WindowsLiveEndpoint"_s, u"https://login.live.com/accesstoken.srf"_s}}),
        credential(
            Kind::FcmV1,
            {{u"ProjectId"_s, u"nhconsole-demo"_s},
             {u"PrivateKey"_s, kPemKey},
             {u"ClientEmail"_s, u"firebase-adminsdk-x1@nhconsole-demo.iam.gserviceaccount.com"_s}}),
        credential(Kind::Browser,
                   {{u"Subject"_s, u"mailto:push@example.com"_s},
                    {u"VapidPublicKey"_s, base64Url(QByteArray(1, '\x04') + QByteArray(64, 'p'))},
                    {u"VapidPrivateKey"_s, base64Url(QByteArray(32, 's'))}}),
    };
    d.authorizationRules = {
        rule(u"DefaultListenSharedAccessSignature"_s, AccessRight::Listen, kListenKey, kListenKey),
        rule(u"DefaultFullSharedAccessSignature"_s,
             AccessRight::Listen | AccessRight::Send | AccessRight::Manage, kFullKey,
             kFullSecondary),
    };
    return d;
}

HubCheckContext healthyContext()
{
    HubCheckContext context;
    context.now = utc(2026, 6, 1);
    context.registrations = QList<RegistrationCount> {
        {{Platform::Apple, false}, 5},
        {{Platform::FcmV1, true}, 3},
        {{Platform::Windows, false}, 1},
    };
    context.profiles = {{u"back end"_s, u"DefaultFullSharedAccessSignature"_s, kFullKey,
                         ProfileKey::Role::BackEnd}};
    return context;
}

/** APNs in certificate mode with a file of tests/data/hubs/certs. */
void useCertificate(HubDescription &d, const QString &file, const QString &endpoint,
                    const QString &password = kCertPassword)
{
    remove(d, Kind::Apns);
    d.credentials.prepend(credential(Kind::Apns,
                                     {{u"Endpoint"_s, endpoint},
                                      {u"ApnsCertificate"_s, certBase64(file)},
                                      {u"CertificateKey"_s, password}}));
}

QString describe(const QList<HubFinding> &findings)
{
    QStringList lines;
    for (const HubFinding &f : findings)
        lines.append(hubCheckSeverityName(f.severity) + u' ' + f.id + u": "_s + f.message);
    return lines.join(u'\n');
}

const HubFinding *find(const QList<HubFinding> &findings, const QString &id)
{
    for (const HubFinding &f : findings) {
        if (f.id == id)
            return &f;
    }
    return nullptr;
}
} // namespace

class TestHubChecks final : public QObject
{
    Q_OBJECT

private slots:
    void healthyHubHasNoProblem();
    void findings_data();
    void findings();
    void problemHubShowsEachProblem();
    void compatibleCertificateIsNotAMismatch();
    void escapedNewlinesInPrivateKeyAreAccepted();
    void withoutRegistrationsNoCoverage();
    void secretsNeverInSentences();
    void apnsEndpoints_data();
    void apnsEndpoints();
    void servesFormat_data();
    void servesFormat();
    void countsRegistrations();
    void severityNames();
};

void TestHubChecks::healthyHubHasNoProblem()
{
    const auto findings = checkHub(healthyHub(), healthyContext());
    QVERIFY2(worstSeverity(findings) <= Sev::Info, qPrintable(describe(findings)));
    // Every credential kind says whether it is configured, once.
    for (const QString &p : {u"apns"_s, u"wns"_s, u"gcm"_s, u"mpns"_s, u"adm"_s, u"baidu"_s,
                             u"fcmv1"_s, u"browser"_s, u"xiaomi"_s}) {
        const bool configured = find(findings, p + u"-configured"_s);
        const bool absent = find(findings, p + u"-not-configured"_s);
        QVERIFY2(configured != absent, qPrintable(p));
    }
    QCOMPARE(find(findings, u"apns-configured"_s)->severity, Sev::Ok);
    QVERIFY(find(findings, u"apns-configured"_s)->message.contains(u"token mode"_s));
    QVERIFY(find(findings, u"apns-configured"_s)->message.contains(u"sandbox"_s));
    QCOMPARE(find(findings, u"gcm-not-configured"_s)->severity, Sev::Ok);
    QCOMPARE(find(findings, u"adm-not-configured"_s)->severity, Sev::Info);
    QCOMPARE(find(findings, u"profile-rights"_s)->profile, u"back end"_s);
    // Hub-wide findings come first, profiles last.
    QCOMPARE(findings.first().id, u"apns-configured"_s);
    QCOMPARE(findings.last().id, u"profile-rights"_s);
}

void TestHubChecks::findings_data()
{
    QTest::addColumn<Mutation>("mutate");
    QTest::addColumn<QString>("id");
    QTest::addColumn<Sev>("severity");

    const auto row = [](const char *name, Mutation m, const QString &id, Sev s) {
        QTest::newRow(name) << m << id << s;
    };
    const auto apns = [](const QString &name, const QString &value) {
        return [=](HubDescription &d, HubCheckContext &) {
            set(d, Kind::Apns, name, value);
        };
    };
    const auto prop = [](Kind kind, const QString &name, const QString &value) {
        return [=](HubDescription &d, HubCheckContext &) {
            set(d, kind, name, value);
        };
    };
    const auto cert = [](const QString &file, const QString &endpoint, QDateTime now,
                         const QString &password = kCertPassword) {
        return [=](HubDescription &d, HubCheckContext &c) {
            useCertificate(d, file, endpoint, password);
            c.now = now;
        };
    };
    const auto profile = [](const QString &keyName, const QString &key,
                            ProfileKey::Role role = ProfileKey::Role::BackEnd) {
        return [=](HubDescription &, HubCheckContext &c) {
            c.profiles = {{u"p"_s, keyName, key, role}};
        };
    };
    const auto registrations = [](Platform platform, bool isTemplate, int count) {
        return [=](HubDescription &, HubCheckContext &c) {
            c.registrations = QList<RegistrationCount> {{{platform, isTemplate}, count}};
        };
    };

    // Hub-wide.
    row(
        "disabled", [](HubDescription &d, HubCheckContext &) { d.status = true; },
        u"hub-disabled"_s, Sev::Problem);
    row(
        "no credentials", [](HubDescription &d, HubCheckContext &) { d.credentials.clear(); },
        u"hub-no-credentials"_s, Sev::Problem);

    // APNs endpoint table.
    row("endpoint sandbox", apns(u"Endpoint"_s, kSandbox), u"apns-endpoint-sandbox"_s, Sev::Ok);
    row("endpoint production", apns(u"Endpoint"_s, kProduction), u"apns-endpoint-production"_s,
        Sev::Ok);
    row("endpoint gateway", apns(u"Endpoint"_s, u"gateway.push.apple.com"_s),
        u"apns-endpoint-production"_s, Sev::Ok);
    row("endpoint gateway sandbox, case and space",
        apns(u"Endpoint"_s, u" Gateway.Sandbox.Push.Apple.com "_s), u"apns-endpoint-sandbox"_s,
        Sev::Ok);
    row("endpoint sandbox alias",
        apns(u"Endpoint"_s, u"https://api.sandbox.push.apple.com:443/3/device"_s),
        u"apns-endpoint-sandbox-alias"_s, Sev::Info);
    row("endpoint sandbox without port",
        apns(u"Endpoint"_s, u"https://api.sandbox.push.apple.com"_s), u"apns-endpoint-invalid"_s,
        Sev::Problem);
    row("endpoint unknown", apns(u"Endpoint"_s, u"https://push.example.com/3/device"_s),
        u"apns-endpoint-unknown"_s, Sev::Problem);
    row("endpoint missing", apns(u"Endpoint"_s, {}), u"apns-endpoint-missing"_s, Sev::Warning);

    // APNs mode and token fields.
    row("mode both", apns(u"ApnsCertificate"_s, certBase64(u"apns-production-aes.p12"_s)),
        u"apns-mode-both"_s, Sev::Problem);
    row("mode missing", apns(u"Token"_s, {}), u"apns-mode-missing"_s, Sev::Problem);
    row("keyid missing", apns(u"KeyId"_s, {}), u"apns-keyid-missing"_s, Sev::Problem);
    row("keyid shape", apns(u"KeyId"_s, u"ABC"_s), u"apns-keyid-shape"_s, Sev::Warning);
    row("team id missing", apns(u"AppId"_s, {}), u"apns-appid-missing"_s, Sev::Problem);
    row("team id shape", apns(u"AppId"_s, u"my team"_s), u"apns-appid-shape"_s, Sev::Warning);
    row("bundle id missing", apns(u"AppName"_s, {}), u"apns-appname-missing"_s, Sev::Problem);
    row("bundle id shape", apns(u"AppName"_s, u"My App"_s), u"apns-appname-shape"_s, Sev::Warning);
    row("token with PEM lines",
        apns(u"Token"_s,
             u"-----BEGIN PRIVATE KEY-----\n"_s + kP8Body + u"\n-----END PRIVATE KEY-----"_s),
        u"apns-token-pem-header"_s, Sev::Warning);
    row("token not base64", apns(u"Token"_s, u"not a key!"_s), u"apns-token-invalid"_s,
        Sev::Problem);
    row("token not DER", apns(u"Token"_s, QString::fromLatin1(QByteArray(48, 'k').toBase64())),
        u"apns-token-invalid"_s, Sev::Problem);
    row("token masked", apns(u"Token"_s, u"[redacted]"_s), u"apns-masked"_s, Sev::Info);

    // APNs certificates (tests/data/hubs/certs).
    row("certificate ok", cert(u"apns-production-aes.p12"_s, kProduction, utc(2026, 6, 1)),
        u"apns-certificate"_s, Sev::Ok);
    row("certificate expired", cert(u"apns-sandbox-expired.p12"_s, kSandbox, utc(2026, 6, 1)),
        u"apns-certificate-expired"_s, Sev::Problem);
    row("certificate expires in 16 days",
        cert(u"apns-production-aes.p12"_s, kProduction, utc(2026, 12, 15)),
        u"apns-certificate-expiring"_s, Sev::Warning);
    row("certificate not yet valid",
        cert(u"apns-production-aes.p12"_s, kProduction, utc(2025, 6, 1)),
        u"apns-certificate-not-yet-valid"_s, Sev::Problem);
    row("certificate without key",
        cert(u"apns-production-nokey.p12"_s, kProduction, utc(2026, 6, 1)),
        u"apns-certificate-no-key"_s, Sev::Problem);
    row("certificate wrong password",
        cert(u"apns-production-aes.p12"_s, kProduction, utc(2026, 6, 1), u"wrong"_s),
        u"apns-certificate-password"_s, Sev::Problem);
    row(
        "certificate garbage",
        [](HubDescription &d, HubCheckContext &) {
            useCertificate(d, u"apns-production-aes.p12"_s, kProduction);
            set(d, Kind::Apns, u"ApnsCertificate"_s, u"bm90IGEgcDEyIGZpbGU="_s);
        },
        u"apns-certificate-unreadable"_s, Sev::Problem);
    row("certificate key only", cert(u"key-only.p12"_s, kProduction, utc(2026, 6, 1)),
        u"apns-certificate-unreadable"_s, Sev::Problem);
    row("certificate not Apple", cert(u"not-apple.p12"_s, kProduction, utc(2026, 6, 1)),
        u"apns-certificate-not-apple"_s, Sev::Warning);
    row("development certificate, production endpoint",
        cert(u"apns-development-legacy.p12"_s, kProduction, utc(2026, 6, 1)),
        u"apns-certificate-environment-mismatch"_s, Sev::Warning);
    row("legacy RC2-40 file", cert(u"apns-development-legacy.p12"_s, kSandbox, utc(2026, 6, 1)),
        u"apns-certificate-legacy-encryption"_s, Sev::Info);
    row("certificate mode card", cert(u"apns-development-legacy.p12"_s, kSandbox, utc(2026, 6, 1)),
        u"apns-configured"_s, Sev::Ok);

    // FCM v1.
    row(
        "fcmv1 absent", [](HubDescription &d, HubCheckContext &) { remove(d, Kind::FcmV1); },
        u"fcmv1-not-configured"_s, Sev::Info);
    row("project id missing", prop(Kind::FcmV1, u"ProjectId"_s, {}), u"fcmv1-projectid-missing"_s,
        Sev::Problem);
    row("client email missing", prop(Kind::FcmV1, u"ClientEmail"_s, {}),
        u"fcmv1-clientemail-missing"_s, Sev::Problem);
    row("private key missing", prop(Kind::FcmV1, u"PrivateKey"_s, {}),
        u"fcmv1-privatekey-missing"_s, Sev::Problem);
    row("project id shape", prop(Kind::FcmV1, u"ProjectId"_s, u"My Project"_s),
        u"fcmv1-projectid-shape"_s, Sev::Warning);
    row("client email shape", prop(Kind::FcmV1, u"ClientEmail"_s, u"firebase admin"_s),
        u"fcmv1-clientemail-shape"_s, Sev::Problem);
    row("client email not a service account",
        prop(Kind::FcmV1, u"ClientEmail"_s, u"someone@gmail.com"_s),
        u"fcmv1-clientemail-not-service-account"_s, Sev::Warning);
    row("service account of another project",
        prop(Kind::FcmV1, u"ClientEmail"_s, u"sa@other-project.iam.gserviceaccount.com"_s),
        u"fcmv1-project-mismatch"_s, Sev::Warning);
    row("private key not PEM", prop(Kind::FcmV1, u"PrivateKey"_s, kP8Body),
        u"fcmv1-privatekey-shape"_s, Sev::Problem);
    row("private key lowercase property name", prop(Kind::FcmV1, u"privateKey"_s, u"abc"_s),
        u"fcmv1-privatekey-shape"_s, Sev::Problem);

    // Legacy GCM (retired 2024-06-20), MPNS.
    row(
        "gcm only",
        [](HubDescription &d, HubCheckContext &) {
            remove(d, Kind::FcmV1);
            set(d, Kind::Gcm, u"GoogleApiKey"_s, u"AIzaLegacyKey"_s);
        },
        u"gcm-without-fcmv1"_s, Sev::Problem);
    row("gcm next to fcmv1", prop(Kind::Gcm, u"GoogleApiKey"_s, u"AIzaLegacyKey"_s),
        u"gcm-retired"_s, Sev::Info);
    row("gcm without key",
        prop(Kind::Gcm, u"GcmEndpoint"_s, u"https://fcm.googleapis.com/fcm/send"_s),
        u"gcm-googleapikey-missing"_s, Sev::Problem);
    row(
        "mpns",
        [](HubDescription &d, HubCheckContext &) {
            d.credentials.append(credential(Kind::Mpns, {}));
        },
        u"mpns-retired"_s, Sev::Warning);

    // Required fields and shapes of the others.
    row("wns sid missing", prop(Kind::Wns, u"PackageSid"_s, {}), u"wns-packagesid-missing"_s,
        Sev::Problem);
    row("wns secret missing", prop(Kind::Wns, u"SecretKey"_s, {}), u"wns-secretkey-missing"_s,
        Sev::Problem);
    row("wns sid shape", prop(Kind::Wns, u"PackageSid"_s, u"S-1-15-2-1"_s),
        u"wns-packagesid-shape"_s, Sev::Warning);
    row("wns secret masked", prop(Kind::Wns, u"SecretKey"_s, u"********"_s), u"wns-masked"_s,
        Sev::Info);
    row("adm client id missing", prop(Kind::Adm, u"ClientSecret"_s, u"adm-secret"_s),
        u"adm-clientid-missing"_s, Sev::Problem);
    row("baidu api key missing", prop(Kind::Baidu, u"BaiduSecretKey"_s, u"baidu-secret"_s),
        u"baidu-baiduapikey-missing"_s, Sev::Problem);
    row("browser subject shape", prop(Kind::Browser, u"Subject"_s, u"push@example.com"_s),
        u"browser-subject-shape"_s, Sev::Warning);
    row("browser public key shape",
        prop(Kind::Browser, u"VapidPublicKey"_s, base64Url(QByteArray(65, 'x'))),
        u"browser-vapidpublickey-shape"_s, Sev::Warning);
    row("browser private key missing", prop(Kind::Browser, u"VapidPrivateKey"_s, {}),
        u"browser-vapidprivatekey-missing"_s, Sev::Problem);
    row("xiaomi secret missing",
        prop(Kind::Xiaomi, u"Endpoint"_s, u"https://api.xmpush.xiaomi.com"_s),
        u"xiaomi-appsecret-missing"_s, Sev::Warning);

    // Coverage: registrations of platforms without a credential.
    row("adm registrations, no credential", registrations(Platform::Adm, false, 3),
        u"coverage-no-credential"_s, Sev::Problem);
    row(
        "fcmv1 template registrations, no credential",
        [](HubDescription &d, HubCheckContext &c) {
            remove(d, Kind::FcmV1);
            c.registrations = QList<RegistrationCount> {{{Platform::FcmV1, true}, 2}};
        },
        u"coverage-no-credential"_s, Sev::Problem);
    row("gcm registrations, no credential", registrations(Platform::Gcm, false, 2),
        u"coverage-no-credential"_s, Sev::Problem);
    row("gcm registrations", registrations(Platform::Gcm, true, 2), u"gcm-registrations"_s,
        Sev::Warning);

    // Rules and profiles.
    row(
        "manage without send",
        [](HubDescription &d, HubCheckContext &) {
            d.authorizationRules.append(
                rule(u"ManageOnly"_s, AccessRight::Manage, kFullKey, kFullKey));
        },
        u"rule-manage-incomplete"_s, Sev::Warning);
    row("full key, back end", profile(u"DefaultFullSharedAccessSignature"_s, kFullKey),
        u"profile-rights"_s, Sev::Ok);
    row("listen key used to send", profile(u"DefaultListenSharedAccessSignature"_s, kListenKey),
        u"profile-cannot-send"_s, Sev::Problem);
    row("listen key, no manage", profile(u"DefaultListenSharedAccessSignature"_s, kListenKey),
        u"profile-no-manage"_s, Sev::Info);
    row("full key on a client",
        profile(u"DefaultFullSharedAccessSignature"_s, kFullKey, ProfileKey::Role::Client),
        u"profile-full-key-client"_s, Sev::Info);
    row("listen key on a client",
        profile(u"DefaultListenSharedAccessSignature"_s, kListenKey, ProfileKey::Role::Client),
        u"profile-rights"_s, Sev::Ok);
    row("rotated key", profile(u"DefaultFullSharedAccessSignature"_s, kListenKey),
        u"profile-key-rotated"_s, Sev::Problem);
    row("unknown rule", profile(u"OldSenderRule"_s, kFullKey), u"profile-rule-unknown"_s,
        Sev::Warning);
    row("namespace rule", profile(u"RootManageSharedAccessKey"_s, kFullKey),
        u"profile-namespace-rule"_s, Sev::Info);
    row(
        "keys not returned",
        [](HubDescription &d, HubCheckContext &c) {
            for (AuthorizationRule &r : d.authorizationRules)
                r.primaryKey = r.secondaryKey = u"[redacted]"_s;
            c.profiles = {{u"p"_s, u"DefaultFullSharedAccessSignature"_s, kListenKey,
                           ProfileKey::Role::BackEnd}};
        },
        u"profile-key-unverified"_s, Sev::Info);
}

void TestHubChecks::findings()
{
    QFETCH(Mutation, mutate);
    QFETCH(QString, id);
    QFETCH(Sev, severity);

    HubDescription hub = healthyHub();
    HubCheckContext context = healthyContext();
    mutate(hub, context);
    const auto findings = checkHub(hub, context);
    const HubFinding *f = find(findings, id);
    QVERIFY2(f, qPrintable(u"no "_s + id + u" in:\n"_s + describe(findings)));
    QCOMPARE(f->severity, severity);
    QVERIFY(!f->message.isEmpty());
    if (severity >= Sev::Warning)
        QVERIFY2(!f->fix.isEmpty(), qPrintable(id));
    QVERIFY(worstSeverity(findings) >= severity);
    // Ids are stable text: lower case words joined by '-'.
    QVERIFY(QRegularExpression(u"^[a-z0-9]+(-[a-z0-9]+)*$"_s).match(f->id).hasMatch());
}

void TestHubChecks::problemHubShowsEachProblem()
{
    // The emulator's second demo hub (issue #17): no FCM v1 credential, APNs on the production
    // endpoint with an expired certificate, legacy GCM only, and a profile whose rule can only
    // listen.
    HubDescription hub = healthyHub();
    remove(hub, Kind::FcmV1);
    useCertificate(hub, u"apns-sandbox-expired.p12"_s, kProduction);
    set(hub, Kind::Gcm, u"GoogleApiKey"_s, u"AIzaLegacyKey"_s);
    HubCheckContext context = healthyContext();
    context.registrations = QList<RegistrationCount> {
        {{Platform::FcmV1, false}, 4}, {{Platform::Gcm, false}, 2}, {{Platform::Apple, false}, 3}};
    context.profiles = {{u"sender"_s, u"DefaultListenSharedAccessSignature"_s, kListenKey,
                         ProfileKey::Role::BackEnd}};
    const auto findings = checkHub(hub, context);
    const QList<std::pair<QString, Sev>> expected = {
        {u"apns-endpoint-production"_s, Sev::Ok},
        {u"apns-certificate-expired"_s, Sev::Problem},
        {u"apns-certificate-environment-mismatch"_s, Sev::Warning},
        {u"gcm-without-fcmv1"_s, Sev::Problem},
        {u"fcmv1-not-configured"_s, Sev::Info},
        {u"coverage-no-credential"_s, Sev::Problem},
        {u"gcm-registrations"_s, Sev::Warning},
        {u"profile-cannot-send"_s, Sev::Problem},
    };
    for (const auto &[id, severity] : expected) {
        const HubFinding *f = find(findings, id);
        QVERIFY2(f, qPrintable(id + u" missing in:\n"_s + describe(findings)));
        QCOMPARE(f->severity, severity);
    }
    const HubFinding *coverage = find(findings, u"coverage-no-credential"_s);
    QCOMPARE(coverage->credential, std::optional<Kind>(Kind::FcmV1));
    QVERIFY(coverage->message.contains(u"no target applications"_s));
    QVERIFY(coverage->message.contains(u"fcmv1"_s));
    QVERIFY(find(findings, u"apns-certificate-expired"_s)->message.contains(u"2025-01-01"_s));
    QCOMPARE(worstSeverity(findings), Sev::Problem);
}

void TestHubChecks::compatibleCertificateIsNotAMismatch()
{
    // "Apple Push Services" certificates serve both environments.
    HubDescription hub = healthyHub();
    useCertificate(hub, u"apns-production-aes.p12"_s, kSandbox);
    const auto findings = checkHub(hub, healthyContext());
    QVERIFY(!find(findings, u"apns-certificate-environment-mismatch"_s));
    QVERIFY(!find(findings, u"apns-certificate-legacy-encryption"_s));
    QVERIFY2(worstSeverity(findings) <= Sev::Info, qPrintable(describe(findings)));
    QVERIFY(find(findings, u"apns-configured"_s)->message.contains(u"certificate mode"_s));
    // The card's countdown: 2026-06-01 12:00 to 2027-01-01 00:00.
    QVERIFY2(find(findings, u"apns-certificate"_s)->message.contains(u"(213 day(s) left)"_s),
             qPrintable(describe(findings)));
}

void TestHubChecks::escapedNewlinesInPrivateKeyAreAccepted()
{
    // The service account JSON's "\n" escapes, pasted as they are.
    HubDescription hub = healthyHub();
    QString escaped = kPemKey;
    escaped.replace(u"\n"_s, u"\\n"_s);
    set(hub, Kind::FcmV1, u"PrivateKey"_s, escaped);
    const auto findings = checkHub(hub, healthyContext());
    QVERIFY2(!find(findings, u"fcmv1-privatekey-shape"_s), qPrintable(describe(findings)));
}

void TestHubChecks::withoutRegistrationsNoCoverage()
{
    HubDescription hub = healthyHub();
    remove(hub, Kind::FcmV1);
    HubCheckContext context = healthyContext();
    context.registrations.reset();
    QVERIFY(!find(checkHub(hub, context), u"coverage-no-credential"_s));
    context.registrations = QList<RegistrationCount> {{{Platform::FcmV1, true}, 0}};
    QVERIFY(!find(checkHub(hub, context), u"coverage-no-credential"_s));
}

void TestHubChecks::secretsNeverInSentences()
{
    HubDescription hub = healthyHub();
    set(hub, Kind::Gcm, u"GoogleApiKey"_s, u"AIzaLegacySecretKey"_s);
    HubCheckContext context = healthyContext();
    context.profiles.append({u"client"_s, u"DefaultFullSharedAccessSignature"_s, kFullSecondary,
                             ProfileKey::Role::Client});
    context.profiles.append({u"stale"_s, u"DefaultFullSharedAccessSignature"_s,
                             u"c3RhbGVzdGFsZXN0YWxlc3RhbGVzdGFsZXN0YWxlMTI="_s,
                             ProfileKey::Role::BackEnd});
    auto findings = checkHub(hub, context);
    useCertificate(hub, u"apns-production-aes.p12"_s, kSandbox, u"wrong-Pa55"_s);
    findings += checkHub(hub, context);
    const QStringList secrets = {
        kP8Body.left(40), kPemKey.mid(28, 40),
        kWnsSecret,       u"AIzaLegacySecretKey"_s,
        kFullKey,         kFullSecondary,
        kListenKey,       u"c3RhbGVzdGFsZXN0YWxl"_s,
        u"wrong-Pa55"_s,  certBase64(u"apns-production-aes.p12"_s).left(40)};
    for (const HubFinding &f : findings) {
        for (const QString &secret : secrets) {
            QVERIFY2(!f.message.contains(secret), qPrintable(f.id));
            QVERIFY2(!f.fix.contains(secret), qPrintable(f.id));
        }
    }
    QVERIFY(find(findings, u"profile-key-rotated"_s));
    QVERIFY(find(findings, u"apns-certificate-password"_s));
}

void TestHubChecks::apnsEndpoints_data()
{
    QTest::addColumn<QString>("endpoint");
    QTest::addColumn<ApnsEndpointEnvironment>("environment");
    using E = ApnsEndpointEnvironment;
    QTest::newRow("gateway") << u"gateway.push.apple.com"_s << E::Production;
    QTest::newRow("gateway sandbox") << u"gateway.sandbox.push.apple.com"_s << E::Sandbox;
    QTest::newRow("http2 production") << kProduction << E::Production;
    QTest::newRow("http2 development") << kSandbox << E::Sandbox;
    QTest::newRow("http2 sandbox")
        << u"https://api.sandbox.push.apple.com:443/3/device"_s << E::Sandbox;
    QTest::newRow("sandbox bare") << u"https://api.sandbox.push.apple.com"_s << E::Invalid;
    QTest::newRow("sandbox bare slash") << u"https://api.sandbox.push.apple.com/"_s << E::Invalid;
    QTest::newRow("production bare") << u"https://api.push.apple.com"_s << E::Unknown;
    QTest::newRow("upper case") << u"HTTPS://API.PUSH.APPLE.COM:443/3/device"_s << E::Production;
    QTest::newRow("empty") << QString() << E::Missing;
    QTest::newRow("blank") << u"  "_s << E::Missing;
}

void TestHubChecks::apnsEndpoints()
{
    QFETCH(QString, endpoint);
    QFETCH(ApnsEndpointEnvironment, environment);
    QCOMPARE(apnsEndpointEnvironment(endpoint), environment);
}

void TestHubChecks::servesFormat_data()
{
    QTest::addColumn<Format>("format");
    QTest::addColumn<bool>("healthy");
    QTest::addColumn<bool>("apnsOnly");
    QTest::newRow("apple") << Format::Apple << true << true;
    QTest::newRow("fcmv1") << Format::FcmV1 << true << false;
    QTest::newRow("gcm") << Format::Gcm << false << false;
    QTest::newRow("windows") << Format::Windows << true << false;
    QTest::newRow("windowsphone") << Format::WindowsPhone << false << false;
    QTest::newRow("adm") << Format::Adm << false << false;
    QTest::newRow("baidu") << Format::Baidu << false << false;
    QTest::newRow("browser") << Format::Browser << true << false;
    QTest::newRow("xiaomi") << Format::Xiaomi << false << false;
    QTest::newRow("template") << Format::Template << true << true;
}

void TestHubChecks::servesFormat()
{
    QFETCH(Format, format);
    QFETCH(bool, healthy);
    QFETCH(bool, apnsOnly);
    QCOMPARE(hubServesFormat(healthyHub(), format), healthy);
    HubDescription hub;
    hub.credentials = {credential(Kind::Apns, {{u"Endpoint"_s, kSandbox}})};
    QCOMPARE(hubServesFormat(hub, format), apnsOnly);
    QVERIFY(!hubServesFormat(HubDescription(), format));
}

void TestHubChecks::countsRegistrations()
{
    Registration apple;
    apple.platform = Platform::Apple;
    Registration appleTemplate = apple;
    appleTemplate.isTemplate = true;
    Registration gcm;
    gcm.platform = Platform::Gcm;
    const auto counts = countRegistrations({apple, gcm, apple, appleTemplate, apple});
    QCOMPARE(counts.size(), 3);
    QCOMPARE(counts[0].kind, apple.kind());
    QCOMPARE(counts[0].count, 3);
    QCOMPARE(counts[1].kind, gcm.kind());
    QCOMPARE(counts[1].count, 1);
    QCOMPARE(counts[2].kind, appleTemplate.kind());
    QCOMPARE(counts[2].count, 1);
    QVERIFY(countRegistrations({}).isEmpty());
}

void TestHubChecks::severityNames()
{
    QCOMPARE(hubCheckSeverityName(Sev::Ok), u"ok"_s);
    QCOMPARE(hubCheckSeverityName(Sev::Info), u"info"_s);
    QCOMPARE(hubCheckSeverityName(Sev::Warning), u"warning"_s);
    QCOMPARE(hubCheckSeverityName(Sev::Problem), u"problem"_s);
    QCOMPARE(worstSeverity({}), Sev::Ok);
}

QTEST_GUILESS_MAIN(TestHubChecks)
#include "tst_hubchecks.moc"
