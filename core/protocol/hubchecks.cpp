// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocol/hubchecks.h"

#include "common/redaction.h"
#include "protocol/crypto.h"
#include "protocol/hubchecksdetail.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <algorithm>
#include <array>

using namespace Qt::Literals::StringLiterals;

namespace Nh {

namespace HubChecksDetail {

void Findings::add(const QString &id, HubCheckSeverity severity,
                   std::optional<PnsCredentialKind> kind, const QString &message,
                   const QString &fix, const QString &profile)
{
    m_list.append({id, severity, kind, profile, message, fix});
}

void Findings::addMasked(PnsCredentialKind kind)
{
    add(credentialIdPrefix(kind) + u"-masked"_s, HubCheckSeverity::Info, kind,
        Tr::tr("The hub returned the %1 masked: its secrets cannot be checked")
            .arg(pnsCredentialElementName(kind)),
        Tr::tr("Read the hub with a Manage key over the SAS API to check them"));
}

QString credentialIdPrefix(PnsCredentialKind kind)
{
    using Kind = PnsCredentialKind;
    switch (kind) {
    case Kind::Apns:
        return u"apns"_s;
    case Kind::Wns:
        return u"wns"_s;
    case Kind::Gcm:
        return u"gcm"_s;
    case Kind::Mpns:
        return u"mpns"_s;
    case Kind::Adm:
        return u"adm"_s;
    case Kind::Baidu:
        return u"baidu"_s;
    case Kind::FcmV1:
        return u"fcmv1"_s;
    case Kind::Browser:
        return u"browser"_s;
    case Kind::Xiaomi:
        return u"xiaomi"_s;
    }
    return {};
}

/** A value the service (or an export) masked: kRedacted, or only '*' / '#'. */
bool isMasked(const QString &value)
{
    if (value == kRedacted)
        return true;
    return value.size() >= 3 && std::all_of(value.cbegin(), value.cend(), [](QChar c) {
               return c == u'*' || c == u'#';
           });
}

QString propertyText(const PnsCredential &credential, QStringView name)
{
    return credential.property(name).value_or(QString()).trimmed();
}

QByteArray base64Decoded(QString value, QByteArray::Base64Options options, bool *ok)
{
    value.remove(QRegularExpression(u"\\s+"_s));
    const auto decoded = QByteArray::fromBase64Encoding(
        value.toLatin1(), options | QByteArray::AbortOnBase64DecodingErrors);
    *ok = decoded.decodingStatus == QByteArray::Base64DecodingStatus::Ok && !value.isEmpty();
    return decoded.decoded;
}

bool matchesWhole(const QString &pattern, const QString &value)
{
    return QRegularExpression(QRegularExpression::anchoredPattern(pattern)).match(value).hasMatch();
}

} // namespace HubChecksDetail

namespace {

using namespace HubChecksDetail;
using Sev = HubCheckSeverity;
using Kind = PnsCredentialKind;

constexpr std::array kAllKinds = {Kind::Apns,  Kind::Wns,   Kind::Gcm,     Kind::Mpns,  Kind::Adm,
                                  Kind::Baidu, Kind::FcmV1, Kind::Browser, Kind::Xiaomi};

QString prefix(Kind kind)
{
    return credentialIdPrefix(kind);
}

QString text(const PnsCredential &credential, QStringView name)
{
    return propertyText(credential, name);
}

QString display(Kind kind)
{
    return platformDisplayName(pnsCredentialPlatform(kind));
}

QString formatName(Kind kind)
{
    return formatWireName(nativeFormat(pnsCredentialPlatform(kind)));
}

/** The properties a credential cannot work without (docs/hub-checks.md, "required"). */
QList<QString> requiredProperties(Kind kind)
{
    switch (kind) {
    case Kind::Apns:
        return {}; // depends on the mode: checked on its own
    case Kind::Wns:
        return {u"PackageSid"_s, u"SecretKey"_s};
    case Kind::Gcm:
        return {u"GoogleApiKey"_s};
    case Kind::Mpns:
        return {}; // empty Properties = unauthenticated MPNS
    case Kind::Adm:
        return {u"ClientId"_s, u"ClientSecret"_s};
    case Kind::Baidu:
        return {u"BaiduApiKey"_s, u"BaiduSecretKey"_s};
    case Kind::FcmV1:
        return {u"ProjectId"_s, u"PrivateKey"_s, u"ClientEmail"_s};
    case Kind::Browser:
        return {u"Subject"_s, u"VapidPublicKey"_s, u"VapidPrivateKey"_s};
    case Kind::Xiaomi:
        return {u"AppSecret"_s};
    }
    return {};
}

/**
 * A PEM private key (PKCS#8 or PKCS#1) whose body is base64 of a DER SEQUENCE. The "\n" escapes
 * of the service account JSON, pasted as they are, count as line breaks.
 */
bool isPemPrivateKey(QString key)
{
    key.replace(u"\\n"_s, u"\n"_s);
    key = key.trimmed();
    static const QRegularExpression pem(QRegularExpression::anchoredPattern(
        u"-----BEGIN (RSA )?PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END (RSA )?PRIVATE KEY-----"_s));
    const auto match = pem.match(key);
    if (!match.hasMatch() || match.captured(1) != match.captured(3))
        return false;
    bool ok = false;
    const QByteArray der = base64Decoded(match.captured(2), QByteArray::Base64Encoding, &ok);
    return ok && der.size() >= 32 && static_cast<unsigned char>(der.at(0)) == 0x30;
}

/** Runs the checks of one description, collecting findings in order. */
class Checker
{
public:
    Checker(const HubDescription &description, const HubCheckContext &context)
        : d(description)
        , ctx(context)
    { }

    QList<HubFinding> run()
    {
        checkHubWide();
        for (const Kind kind : kAllKinds)
            checkCredential(kind);
        checkCoverage();
        checkRules();
        for (const ProfileKey &profile : ctx.profiles)
            checkProfile(profile);
        return out.take();
    }

private:
    const HubDescription &d;
    const HubCheckContext &ctx;
    Findings out;

    void add(const QString &id, Sev severity, std::optional<Kind> kind, const QString &message,
             const QString &fix = {}, const QString &profile = {})
    {
        out.add(id, severity, kind, message, fix, profile);
    }

    void checkHubWide()
    {
        if (d.status.value_or(false))
            add(u"hub-disabled"_s, Sev::Problem, std::nullopt,
                Tr::tr("The hub is disabled (Status is true): it accepts no sends"),
                Tr::tr("Enable the hub again (Status false) in its description"));
        if (d.credentials.isEmpty())
            add(u"hub-no-credentials"_s, Sev::Problem, std::nullopt,
                Tr::tr("The hub has no push service credential: every send answers 400 \"The "
                       "notification has no target applications\""),
                Tr::tr("Add the credential of each platform the apps use"));
    }

    void checkCredential(Kind kind)
    {
        const PnsCredential *c = d.credential(kind);
        const QString p = prefix(kind);
        if (!c) {
            // Legacy GCM, MPNS and Baidu are retired: not having them is right.
            const bool retired = kind == Kind::Gcm || kind == Kind::Mpns || kind == Kind::Baidu;
            add(p + u"-not-configured"_s, retired ? Sev::Ok : Sev::Info, kind,
                Tr::tr("%1 is not configured: sends in format %2 answer 400 \"The notification "
                       "has no target applications\"")
                    .arg(display(kind), formatName(kind)),
                retired ? QString()
                        : Tr::tr("Add a %1 if the apps use %2")
                              .arg(pnsCredentialElementName(kind), display(kind)));
            return;
        }
        if (kind == Kind::Apns) {
            checkApnsCredential(out, *c, ctx.now);
            return;
        }
        add(p + u"-configured"_s, Sev::Ok, kind, Tr::tr("%1 is configured").arg(display(kind)));
        checkRequired(*c);
        switch (kind) {
        case Kind::Gcm:
            checkGcm();
            break;
        case Kind::Mpns:
            add(u"mpns-retired"_s, Sev::Warning, kind,
                Tr::tr("Microsoft retired MPNS (Windows Phone): sends to it reach no device"),
                Tr::tr("Remove the MpnsCredential and the Mpns registrations"));
            break;
        case Kind::FcmV1:
            checkFcmV1(*c);
            break;
        case Kind::Wns:
            checkWns(*c);
            break;
        case Kind::Browser:
            checkBrowser(*c);
            break;
        default:
            break;
        }
    }

    /** Missing required properties; a masked one is reported once per credential. */
    void checkRequired(const PnsCredential &c)
    {
        bool masked = false;
        for (const QString &name : requiredProperties(c.kind)) {
            const QString value = text(c, name);
            if (value.isEmpty()) {
                // Xiaomi's data-plane property names are not confirmed: only a warning.
                add(prefix(c.kind) + u'-' + name.toLower() + u"-missing"_s,
                    c.kind == Kind::Xiaomi ? Sev::Warning : Sev::Problem, c.kind,
                    Tr::tr("The %1 has no %2: %3 sends cannot be delivered")
                        .arg(pnsCredentialElementName(c.kind), name, display(c.kind)),
                    Tr::tr("Enter the %1 of the %2 credential").arg(name, display(c.kind)));
            } else if (isMasked(value)) {
                masked = true;
            }
        }
        if (masked)
            out.addMasked(c.kind);
    }

    // --- Firebase, GCM, WNS, browser ---

    void checkGcm()
    {
        if (!d.credential(Kind::FcmV1))
            add(u"gcm-without-fcmv1"_s, Sev::Problem, Kind::Gcm,
                Tr::tr("Android is configured only with legacy GCM/FCM, which Google retired on "
                       "2024-06-20: nothing reaches Android devices"),
                Tr::tr("Add an FcmV1Credential from the Firebase service account and migrate "
                       "the registrations to FCM v1"));
        else
            add(u"gcm-retired"_s, Sev::Info, Kind::Gcm,
                Tr::tr("The legacy GCM credential is still there; Google retired that API on "
                       "2024-06-20"),
                Tr::tr("Remove the GcmCredential once no Gcm registrations are left"));
    }

    void checkFcmV1(const PnsCredential &c)
    {
        const QString projectId = text(c, u"ProjectId");
        const QString email = text(c, u"ClientEmail");
        const QString key = text(c, u"PrivateKey");
        if (!projectId.isEmpty() && !matchesWhole(u"[a-z][a-z0-9-]{4,28}[a-z0-9]"_s, projectId))
            add(u"fcmv1-projectid-shape"_s, Sev::Warning, Kind::FcmV1,
                Tr::tr("ProjectId \"%1\" does not look like a Firebase project id").arg(projectId),
                Tr::tr("Copy project_id from the Firebase service account JSON"));
        static const QRegularExpression serviceAccount(
            QRegularExpression::anchoredPattern(
                u"[^@\\s]+@([^@\\s.]+)\\.iam\\.gserviceaccount\\.com"_s),
            QRegularExpression::CaseInsensitiveOption);
        if (!email.isEmpty() && !matchesWhole(u"[^@\\s]+@[^@\\s]+\\.[^@\\s]+"_s, email)) {
            add(u"fcmv1-clientemail-shape"_s, Sev::Problem, Kind::FcmV1,
                Tr::tr("ClientEmail \"%1\" is not an e-mail address").arg(email),
                Tr::tr("Copy client_email from the Firebase service account JSON"));
        } else if (!email.isEmpty()) {
            const auto match = serviceAccount.match(email);
            if (!match.hasMatch())
                add(u"fcmv1-clientemail-not-service-account"_s, Sev::Warning, Kind::FcmV1,
                    Tr::tr("ClientEmail %1 is not a Google service account "
                           "(…@….iam.gserviceaccount.com)")
                        .arg(email),
                    Tr::tr("Copy client_email from the Firebase service account JSON"));
            else if (!projectId.isEmpty() && match.captured(1) != projectId)
                add(u"fcmv1-project-mismatch"_s, Sev::Warning, Kind::FcmV1,
                    Tr::tr("The service account %1 belongs to project %2, not to ProjectId %3")
                        .arg(email, match.captured(1), projectId),
                    Tr::tr("Use the service account JSON of the app's own Firebase project"));
        }
        if (!key.isEmpty() && !isMasked(key) && !isPemPrivateKey(key))
            add(u"fcmv1-privatekey-shape"_s, Sev::Problem, Kind::FcmV1,
                Tr::tr("PrivateKey is not a PEM private key (-----BEGIN PRIVATE KEY----- … "
                       "-----END PRIVATE KEY-----)"),
                Tr::tr("Copy private_key from the Firebase service account JSON whole"));
    }

    void checkWns(const PnsCredential &c)
    {
        const QString sid = text(c, u"PackageSid");
        if (!sid.isEmpty() && !isMasked(sid)
            && !sid.startsWith(u"ms-app://"_s, Qt::CaseInsensitive))
            add(u"wns-packagesid-shape"_s, Sev::Warning, Kind::Wns,
                Tr::tr("PackageSid \"%1\" does not start with ms-app://").arg(sid),
                Tr::tr("Copy the Package SID from the app's Partner Center page"));
    }

    void checkBrowser(const PnsCredential &c)
    {
        const QString subject = text(c, u"Subject");
        if (!subject.isEmpty() && !subject.startsWith(u"mailto:"_s, Qt::CaseInsensitive)
            && !subject.startsWith(u"https://"_s, Qt::CaseInsensitive))
            add(u"browser-subject-shape"_s, Sev::Warning, Kind::Browser,
                Tr::tr("The VAPID Subject \"%1\" is neither a mailto: nor an https: URL")
                    .arg(subject),
                Tr::tr("Use mailto:you@example.com or the site's https: URL"));
        // VAPID keys: base64url, a P-256 point (65 bytes, 0x04 first) and a 32-byte scalar.
        const auto checkKey = [&](const QString &name, int size) {
            const QString value = text(c, name);
            if (value.isEmpty() || isMasked(value))
                return;
            bool ok = false;
            const QByteArray raw = base64Decoded(
                value, QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals, &ok);
            if (!ok || raw.size() != size || (size == 65 && raw.at(0) != 0x04))
                add(u"browser-"_s + name.toLower() + u"-shape"_s, Sev::Warning, Kind::Browser,
                    Tr::tr("%1 is not a base64url P-256 key of %2 bytes").arg(name).arg(size),
                    Tr::tr("Generate the VAPID key pair again and paste both keys"));
        };
        checkKey(u"VapidPublicKey"_s, 65);
        checkKey(u"VapidPrivateKey"_s, 32);
    }

    // --- coverage, rules, profiles ---

    void checkCoverage()
    {
        if (!ctx.registrations)
            return;
        std::array<int, kPlatformCount> counts {};
        for (const RegistrationCount &r : *ctx.registrations)
            counts[size_t(r.kind.platform)] += r.count;
        for (const Kind kind : kAllKinds) {
            const Platform platform = pnsCredentialPlatform(kind);
            const int count = counts[size_t(platform)];
            if (count <= 0)
                continue;
            if (!d.credential(kind))
                add(u"coverage-no-credential"_s, Sev::Problem, kind,
                    Tr::tr("%n %1 registration(s) but no %2: sends in format %3 answer 400 "
                           "\"The notification has no target applications\"",
                           nullptr, count)
                        .arg(display(kind), pnsCredentialElementName(kind), formatName(kind)),
                    Tr::tr("Add the %1 to the hub").arg(pnsCredentialElementName(kind)));
            if (kind == Kind::Gcm)
                add(u"gcm-registrations"_s, Sev::Warning, kind,
                    Tr::tr("%n legacy GCM registration(s): Google retired legacy FCM on "
                           "2024-06-20 and they are not migrated automatically",
                           nullptr, count),
                    Tr::tr("Migrate to FCM v1: have the apps register FcmV1 (and FcmV1Template) "
                           "registrations, then delete the Gcm ones"));
        }
    }

    void checkRules()
    {
        for (const AuthorizationRule &rule : d.authorizationRules) {
            if (rule.rights.testFlag(AccessRight::Manage)
                && !(rule.rights.testFlag(AccessRight::Send)
                     && rule.rights.testFlag(AccessRight::Listen)))
                add(u"rule-manage-incomplete"_s, Sev::Warning, std::nullopt,
                    Tr::tr("Rule %1 has %2: Manage should also include Send and Listen")
                        .arg(rule.keyName, accessRightsText(rule.rights)),
                    Tr::tr("Give rule %1 Listen, Send and Manage").arg(rule.keyName));
        }
    }

    void checkProfile(const ProfileKey &p)
    {
        const AuthorizationRule *rule = d.rule(p.keyName);
        if (!rule) {
            if (p.keyName == u"RootManageSharedAccessKey"_s)
                add(u"profile-namespace-rule"_s, Sev::Info, std::nullopt,
                    Tr::tr("Profile %1 uses the namespace's RootManageSharedAccessKey: full "
                           "rights over every hub of the namespace")
                        .arg(p.profile),
                    p.role == ProfileKey::Role::Client
                        ? Tr::tr("Ship a hub rule with Listen only in apps")
                        : QString(),
                    p.profile);
            else
                add(u"profile-rule-unknown"_s, Sev::Warning, std::nullopt,
                    Tr::tr("Profile %1 uses rule %2, which this hub does not have: a "
                           "namespace-level rule, or one that was deleted")
                        .arg(p.profile, p.keyName),
                    Tr::tr("Check the rule name in the profile's connection string"), p.profile);
            return;
        }
        const auto same = [&](const QString &stored) {
            return !stored.isEmpty() && Crypto::constantTimeEquals(p.key.toUtf8(), stored.toUtf8());
        };
        const bool checkable = (!rule->primaryKey.isEmpty() && !isMasked(rule->primaryKey))
            || (!rule->secondaryKey.isEmpty() && !isMasked(rule->secondaryKey));
        QString which;
        if (!checkable) {
            add(u"profile-key-unverified"_s, Sev::Info, std::nullopt,
                Tr::tr("The hub returned no keys for rule %1: profile %2's key cannot be checked")
                    .arg(rule->keyName, p.profile),
                {}, p.profile);
        } else if (same(rule->primaryKey)) {
            which = Tr::tr("primary key");
        } else if (same(rule->secondaryKey)) {
            which = Tr::tr("secondary key");
        } else {
            add(u"profile-key-rotated"_s, Sev::Problem, std::nullopt,
                Tr::tr("Profile %1's key matches neither key of rule %2: it was rotated or is "
                       "wrong, and requests answer 401")
                    .arg(p.profile, rule->keyName),
                Tr::tr("Copy the current connection string of rule %1 into the profile")
                    .arg(rule->keyName),
                p.profile);
            return;
        }
        const QString rights = accessRightsText(rule->rights);
        add(u"profile-rights"_s, Sev::Ok, std::nullopt,
            which.isEmpty()
                ? Tr::tr("Profile %1 uses rule %2 (%3)").arg(p.profile, rule->keyName, rights)
                : Tr::tr("Profile %1 uses rule %2 (%3) with its %4")
                      .arg(p.profile, rule->keyName, rights, which),
            {}, p.profile);
        const bool canSend = rule->rights.testFlag(AccessRight::Send);
        if (p.role == ProfileKey::Role::BackEnd) {
            if (!canSend)
                add(u"profile-cannot-send"_s, Sev::Problem, std::nullopt,
                    Tr::tr("Profile %1 sends with rule %2, which can only %3: sends answer 401")
                        .arg(p.profile, rule->keyName,
                             rights.isEmpty() ? Tr::tr("nothing") : rights),
                    Tr::tr("Use a rule with Send (DefaultFullSharedAccessSignature) for sending"),
                    p.profile);
            if (!rule->rights.testFlag(AccessRight::Manage))
                add(u"profile-no-manage"_s, Sev::Info, std::nullopt,
                    Tr::tr("Profile %1 cannot read or change the hub's configuration: rule %2 "
                           "has no Manage")
                        .arg(p.profile, rule->keyName),
                    {}, p.profile);
        } else if (canSend || rule->rights.testFlag(AccessRight::Manage)) {
            add(u"profile-full-key-client"_s, Sev::Info, std::nullopt,
                Tr::tr("Client profile %1 uses rule %2 (%3): anyone who takes the key out of the "
                       "app can do the same")
                    .arg(p.profile, rule->keyName, rights),
                Tr::tr("Ship a Listen-only rule (DefaultListenSharedAccessSignature) in apps"),
                p.profile);
        }
    }
};

} // namespace

QString hubCheckSeverityName(HubCheckSeverity severity)
{
    switch (severity) {
    case Sev::Ok:
        return u"ok"_s;
    case Sev::Info:
        return u"info"_s;
    case Sev::Warning:
        return u"warning"_s;
    case Sev::Problem:
        return u"problem"_s;
    }
    return {};
}

QList<RegistrationCount> countRegistrations(const QList<Registration> &registrations)
{
    QList<RegistrationCount> counts;
    for (const Registration &r : registrations) {
        auto it = std::find_if(counts.begin(), counts.end(),
                               [&](const RegistrationCount &c) { return c.kind == r.kind(); });
        if (it == counts.end())
            counts.append({r.kind(), 1});
        else
            ++it->count;
    }
    return counts;
}

QList<HubFinding> checkHub(const HubDescription &description, const HubCheckContext &context)
{
    return Checker(description, context).run();
}

HubCheckSeverity worstSeverity(const QList<HubFinding> &findings)
{
    HubCheckSeverity worst = Sev::Ok;
    for (const HubFinding &f : findings)
        worst = std::max(worst, f.severity);
    return worst;
}

bool hubServesFormat(const HubDescription &description, Format format)
{
    const std::optional<Platform> platform = platformForFormat(format);
    if (!platform)
        return !description.credentials.isEmpty();
    return description.credential(pnsCredentialKindFor(*platform)) != nullptr;
}

} // namespace Nh
