// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The APNs part of the hub checks (docs/hub-checks.md, "APNs").
#include "protocol/hubchecksdetail.h"
#include "protocol/pkcs12.h"

using namespace Qt::Literals::StringLiterals;

namespace Nh {

namespace HubChecksDetail {

namespace {

using Sev = HubCheckSeverity;
using Kind = PnsCredentialKind;

class ApnsChecker
{
public:
    ApnsChecker(Findings &out, const QDateTime &now)
        : m_out(out)
        , m_now(now)
    { }

    void run(const PnsCredential &c)
    {
        const bool token = !propertyText(c, u"Token").isEmpty();
        const bool certificate = !propertyText(c, u"ApnsCertificate").isEmpty();
        const auto env = apnsEndpointEnvironment(c.property(u"Endpoint"));

        if (token && certificate) {
            m_out.add(u"apns-mode-both"_s, Sev::Problem, Kind::Apns,
                      Tr::tr("The APNs credential has both a token and a certificate: the service "
                             "refuses it (\"Cannot set both token and certificate for APNS.\")"),
                      Tr::tr("Keep one mode: remove either Token (with KeyId, AppId, AppName) or "
                             "ApnsCertificate and CertificateKey"));
        } else if (!token && !certificate) {
            m_out.add(u"apns-mode-missing"_s, Sev::Problem, Kind::Apns,
                      Tr::tr("The APNs credential has neither a token nor a certificate"),
                      Tr::tr("Enter a .p8 token with its KeyId, Team ID and bundle id, or a .p12 "
                             "certificate with its password"));
        } else {
            m_out.add(u"apns-configured"_s, Sev::Ok, Kind::Apns, configuredSentence(token, env));
        }
        checkApnsEndpoint(c, env);
        if (token)
            checkApnsToken(c);
        if (certificate)
            checkApnsCertificate(c, env);
    }

private:
    Findings &m_out;
    const QDateTime m_now;

    static QString configuredSentence(bool token, ApnsEndpointEnvironment env)
    {
        switch (env) {
        case ApnsEndpointEnvironment::Production:
            return token ? Tr::tr("Apple (APNs) is configured in token mode for production")
                         : Tr::tr("Apple (APNs) is configured in certificate mode for production");
        case ApnsEndpointEnvironment::Sandbox:
            return token ? Tr::tr("Apple (APNs) is configured in token mode for the sandbox")
                         : Tr::tr("Apple (APNs) is configured in certificate mode for the "
                                  "sandbox");
        default:
            return token ? Tr::tr("Apple (APNs) is configured in token mode for an unknown "
                                  "environment")
                         : Tr::tr("Apple (APNs) is configured in certificate mode for an "
                                  "unknown environment");
        }
    }

    void checkApnsEndpoint(const PnsCredential &c, ApnsEndpointEnvironment env)
    {
        const QString endpoint = propertyText(c, u"Endpoint");
        switch (env) {
        case ApnsEndpointEnvironment::Production:
            m_out.add(u"apns-endpoint-production"_s, Sev::Ok, Kind::Apns,
                      Tr::tr("APNs sends go to the production environment (%1): device tokens of "
                             "development builds answer \"handle invalid\"")
                          .arg(endpoint));
            break;
        case ApnsEndpointEnvironment::Sandbox:
            m_out.add(u"apns-endpoint-sandbox"_s, Sev::Ok, Kind::Apns,
                      Tr::tr("APNs sends go to the sandbox environment (%1): device tokens of "
                             "App Store, TestFlight and ad hoc builds answer \"handle invalid\"")
                          .arg(endpoint));
            if (endpoint.startsWith(u"https://api.sandbox.push.apple.com"_s, Qt::CaseInsensitive))
                m_out.add(
                    u"apns-endpoint-sandbox-alias"_s, Sev::Info, Kind::Apns,
                    Tr::tr("%1 delivers to the sandbox, but the portal shows neither mode for it")
                        .arg(endpoint),
                    Tr::tr("Prefer https://api.development.push.apple.com:443/3/device"));
            break;
        case ApnsEndpointEnvironment::Missing:
            m_out.add(u"apns-endpoint-missing"_s, Sev::Warning, Kind::Apns,
                      Tr::tr("The APNs credential has no Endpoint: its environment cannot be told"),
                      Tr::tr("Set Endpoint to https://api.push.apple.com:443/3/device (production) "
                             "or https://api.development.push.apple.com:443/3/device (sandbox)"));
            break;
        case ApnsEndpointEnvironment::Invalid:
            m_out.add(
                u"apns-endpoint-invalid"_s, Sev::Problem, Kind::Apns,
                Tr::tr("The APNs Endpoint %1 has no port and path: the service saves it but "
                       "delivers nothing")
                    .arg(endpoint),
                Tr::tr("Use https://api.development.push.apple.com:443/3/device for the sandbox"));
            break;
        case ApnsEndpointEnvironment::Unknown:
            m_out.add(u"apns-endpoint-unknown"_s, Sev::Problem, Kind::Apns,
                      Tr::tr("The APNs Endpoint \"%1\" is neither a production nor a sandbox "
                             "endpoint")
                          .arg(endpoint),
                      Tr::tr("Set Endpoint to https://api.push.apple.com:443/3/device (production) "
                             "or https://api.development.push.apple.com:443/3/device (sandbox)"));
            break;
        }
    }

    void checkApnsToken(const PnsCredential &c)
    {
        // KeyId and AppId (the Team ID) are Apple's 10-character identifiers; AppName is the
        // bundle id, sent as apns-topic.
        struct Field
        {
            QString name;
            QString what;
            QString pattern;
        };
        const Field fields[] = {
            {u"KeyId"_s, Tr::tr("key id (10 characters, from the .p8 key's page)"),
             u"[A-Z0-9]{10}"_s},
            {u"AppId"_s, Tr::tr("Team ID (10 characters)"), u"[A-Z0-9]{10}"_s},
            {u"AppName"_s, Tr::tr("bundle id (such as com.example.app)"),
             u"[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+"_s},
        };
        for (const Field &f : fields) {
            const QString value = propertyText(c, f.name);
            const QString id = u"apns-"_s + f.name.toLower();
            if (value.isEmpty())
                m_out.add(id + u"-missing"_s, Sev::Problem, Kind::Apns,
                          Tr::tr("Token mode needs %1, the %2; it is missing").arg(f.name, f.what),
                          Tr::tr("Enter the %1").arg(f.what));
            else if (!matchesWhole(f.pattern, value))
                m_out.add(id + u"-shape"_s, Sev::Warning, Kind::Apns,
                          Tr::tr("%1 \"%2\" does not look like a %3").arg(f.name, value, f.what),
                          Tr::tr("Copy the %1 from the Apple developer account").arg(f.what));
        }
        const QString token = propertyText(c, u"Token");
        if (isMasked(token)) {
            m_out.addMasked(Kind::Apns);
        } else if (token.contains(u"-----BEGIN"_s) || token.contains(u"-----END"_s)) {
            m_out.add(u"apns-token-pem-header"_s, Sev::Warning, Kind::Apns,
                      Tr::tr("The APNs Token still has the .p8 file's -----BEGIN/-----END lines"),
                      Tr::tr("Enter only the base64 text between the header and footer lines"));
        } else {
            bool ok = false;
            const QByteArray der = base64Decoded(token, QByteArray::Base64Encoding, &ok);
            // A .p8 is a PKCS#8 structure: a DER SEQUENCE.
            if (!ok || der.size() < 32 || static_cast<unsigned char>(der.at(0)) != 0x30)
                m_out.add(u"apns-token-invalid"_s, Sev::Problem, Kind::Apns,
                          Tr::tr("The APNs Token is not the base64 body of a .p8 key"),
                          Tr::tr("Paste the .p8 file's content without its header and footer"));
        }
    }

    void checkApnsCertificate(const PnsCredential &c, ApnsEndpointEnvironment env)
    {
        const QString base64 = propertyText(c, u"ApnsCertificate");
        const QString password = c.property(u"CertificateKey").value_or(QString());
        if (isMasked(base64) || isMasked(password)) {
            m_out.addMasked(Kind::Apns);
            return;
        }
        const auto read = readPkcs12Base64(base64, password);
        if (!read.ok()) {
            if (read.error().code == ErrorCode::InvalidSignature)
                m_out.add(u"apns-certificate-password"_s, Sev::Problem, Kind::Apns,
                          read.error().message,
                          Tr::tr("Enter the password the .p12 file was exported with"));
            else
                m_out.add(
                    u"apns-certificate-unreadable"_s, Sev::Problem, Kind::Apns,
                    Tr::tr("The APNs certificate cannot be read: %1").arg(read.error().message),
                    Tr::tr("Export the push certificate with its private key as .p12 again"));
            return;
        }
        const Pkcs12Certificate &cert = read.value();
        const qint64 secondsLeft = m_now.secsTo(cert.notAfter);
        const qint64 daysLeft = secondsLeft / 86400;
        const QString expiry = cert.notAfter.date().toString(Qt::ISODate);
        m_out.add(u"apns-certificate"_s, Sev::Ok, Kind::Apns,
                  secondsLeft > 0
                      ? Tr::tr("APNs certificate %1, valid until %2 (%n day(s) left)", nullptr,
                               int(daysLeft))
                            .arg(cert.subject, expiry)
                      : Tr::tr("APNs certificate %1, valid until %2").arg(cert.subject, expiry));
        if (!cert.hasPrivateKey)
            m_out.add(u"apns-certificate-no-key"_s, Sev::Problem, Kind::Apns,
                      Tr::tr("The .p12 file has the certificate but not its private key"),
                      Tr::tr("Export the certificate together with its private key"));
        else if (!cert.privateKeyMatches)
            m_out.add(u"apns-certificate-key-mismatch"_s, Sev::Problem, Kind::Apns,
                      Tr::tr("The private key in the .p12 file is not the certificate's own"),
                      Tr::tr("Export the certificate together with its own private key"));
        if (secondsLeft <= 0)
            m_out.add(u"apns-certificate-expired"_s, Sev::Problem, Kind::Apns,
                      Tr::tr("The APNs certificate expired on %1 (%n day(s) ago)", nullptr,
                             int(-daysLeft))
                          .arg(expiry),
                      Tr::tr("Create a new push certificate in the Apple developer account and "
                             "upload it"));
        else if (m_now < cert.notBefore)
            m_out.add(u"apns-certificate-not-yet-valid"_s, Sev::Problem, Kind::Apns,
                      Tr::tr("The APNs certificate is not valid before %1")
                          .arg(cert.notBefore.date().toString(Qt::ISODate)),
                      Tr::tr("Check the computer's clock, or wait until the certificate is valid"));
        else if (daysLeft < kCertificateExpiryWarningDays)
            m_out.add(
                u"apns-certificate-expiring"_s, Sev::Warning, Kind::Apns,
                Tr::tr("The APNs certificate expires on %1 (in %n day(s))", nullptr, int(daysLeft))
                    .arg(expiry),
                Tr::tr("Renew the push certificate before it expires, or move to token mode"));
        if (!cert.isApplePush()) {
            m_out.add(
                u"apns-certificate-not-apple"_s, Sev::Warning, Kind::Apns,
                Tr::tr("The certificate's subject (%1) is not an Apple push certificate's")
                    .arg(cert.commonName),
                Tr::tr("Upload the \"Apple Push Notification service SSL\" certificate of the "
                       "app"));
        } else if ((cert.apnsEnvironment == ApnsCertificateEnvironment::Sandbox
                    && env == ApnsEndpointEnvironment::Production)
                   || (cert.apnsEnvironment == ApnsCertificateEnvironment::Production
                       && env == ApnsEndpointEnvironment::Sandbox)) {
            m_out.add(u"apns-certificate-environment-mismatch"_s, Sev::Warning, Kind::Apns,
                      Tr::tr("The certificate (%1) is for %2 but the Endpoint is %3")
                          .arg(cert.commonName,
                               cert.apnsEnvironment == ApnsCertificateEnvironment::Sandbox
                                   ? Tr::tr("the sandbox")
                                   : Tr::tr("production"),
                               propertyText(c, u"Endpoint")),
                      Tr::tr("Use the endpoint of the certificate's environment, or a certificate "
                             "for the endpoint's environment"));
        }
        if (cert.usedLegacyAlgorithms)
            m_out.add(
                u"apns-certificate-legacy-encryption"_s, Sev::Info, Kind::Apns,
                Tr::tr("The .p12 file uses older encryption (RC2/3DES); nhconsole reads it with "
                       "OpenSSL's legacy provider"));
    }
};

} // namespace

void checkApnsCredential(Findings &out, const PnsCredential &apns, const QDateTime &now)
{
    ApnsChecker(out, now).run(apns);
}

} // namespace HubChecksDetail

ApnsEndpointEnvironment apnsEndpointEnvironment(const std::optional<QString> &endpoint)
{
    const QString e = endpoint.value_or(QString()).trimmed().toLower();
    if (e.isEmpty())
        return ApnsEndpointEnvironment::Missing;
    if (e == u"gateway.push.apple.com"_s || e == u"https://api.push.apple.com:443/3/device"_s)
        return ApnsEndpointEnvironment::Production;
    if (e == u"gateway.sandbox.push.apple.com"_s
        || e == u"https://api.development.push.apple.com:443/3/device"_s
        || e == u"https://api.sandbox.push.apple.com:443/3/device"_s)
        return ApnsEndpointEnvironment::Sandbox;
    if (e == u"https://api.sandbox.push.apple.com"_s
        || e == u"https://api.sandbox.push.apple.com/"_s)
        return ApnsEndpointEnvironment::Invalid;
    return ApnsEndpointEnvironment::Unknown;
}

} // namespace Nh
