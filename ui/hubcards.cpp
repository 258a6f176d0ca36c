// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "hubcards.h"

#include "protocol/pkcs12.h"

#include <QCoreApplication>
#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(HubPage)
};

QString apnsMode(const Nh::PnsCredential &c)
{
    const bool token = c.property(u"Token").has_value() || c.property(u"KeyId").has_value();
    const bool certificate = c.property(u"ApnsCertificate").has_value();
    if (token && certificate)
        return Tr::tr("Token and certificate");
    if (token)
        return Tr::tr("Token");
    if (certificate)
        return Tr::tr("Certificate");
    return Tr::tr("No mode");
}

} // namespace

Theme::Tone severityTone(Nh::HubCheckSeverity severity)
{
    switch (severity) {
    case Nh::HubCheckSeverity::Ok:
        return Theme::Tone::Success;
    case Nh::HubCheckSeverity::Info:
        return Theme::Tone::Info;
    case Nh::HubCheckSeverity::Warning:
        return Theme::Tone::Warning;
    case Nh::HubCheckSeverity::Problem:
        return Theme::Tone::Failure;
    }
    return Theme::Tone::Neutral;
}

QString pnsCredentialTitle(Nh::PnsCredentialKind kind)
{
    using K = Nh::PnsCredentialKind;
    switch (kind) {
    case K::Apns:
        return Tr::tr("Apple (APNs)");
    case K::Wns:
        return Tr::tr("Windows (WNS)");
    case K::Gcm:
        return Tr::tr("FCM legacy (GCM)");
    case K::Mpns:
        return Tr::tr("Windows Phone (MPNS)");
    case K::Adm:
        return Tr::tr("Amazon (ADM)");
    case K::Baidu:
        return Tr::tr("Baidu");
    case K::FcmV1:
        return Tr::tr("Firebase (FCM v1)");
    case K::Browser:
        return Tr::tr("Browser (Web Push)");
    case K::Xiaomi:
        return Tr::tr("Xiaomi");
    }
    return {};
}

QList<PlatformCardData> platformCards(const Nh::HubDescription &description,
                                      const QList<Nh::HubFinding> &findings, const QDateTime &now)
{
    QList<PlatformCardData> cards;
    for (int i = 0; i < Nh::kPnsCredentialKindCount; ++i) {
        const auto kind = static_cast<Nh::PnsCredentialKind>(i);
        PlatformCardData card;
        card.kind = kind;
        card.title = pnsCredentialTitle(kind);
        for (const Nh::HubFinding &f : findings)
            if (f.credential == kind)
                card.findings.append(f);
        if (const Nh::PnsCredential *c = description.credential(kind)) {
            card.configured = true;
            for (const auto &[name, value] : c->properties)
                if (!Nh::isSecretPnsProperty(kind, name))
                    card.properties.append({name, value});
            if (kind == Nh::PnsCredentialKind::Apns) {
                card.mode = apnsMode(*c);
                switch (Nh::apnsEndpointEnvironment(c->property(u"Endpoint"))) {
                case Nh::ApnsEndpointEnvironment::Sandbox:
                    card.environment = Tr::tr("Sandbox");
                    card.environmentTone = Theme::Tone::Info;
                    break;
                case Nh::ApnsEndpointEnvironment::Production:
                    card.environment = Tr::tr("Production");
                    card.environmentTone = Theme::Tone::Warning;
                    break;
                default:
                    card.environment = Tr::tr("Unknown");
                    card.environmentTone = Theme::Tone::Failure;
                    break;
                }
                if (const auto cert = c->property(u"ApnsCertificate"); cert && !cert->isEmpty()) {
                    const auto read = Nh::readPkcs12Base64(
                        *cert, c->property(u"CertificateKey").value_or(QString()));
                    if (read && read->notAfter.isValid())
                        card.daysToExpiry = now.daysTo(read->notAfter);
                }
            }
        }
        cards.append(card);
    }
    return cards;
}

QList<Nh::HubFinding> hubWideFindings(const QList<Nh::HubFinding> &findings)
{
    QList<Nh::HubFinding> out;
    for (const Nh::HubFinding &f : findings)
        if (!f.credential)
            out.append(f);
    return out;
}

QString registrationTtlText(const QString &ttl)
{
    if (ttl.isEmpty())
        return Tr::tr("not set");
    static const QRegularExpression days(u"^P(\\d+)D"_s);
    const auto m = days.match(ttl);
    if (m.hasMatch()) {
        const qint64 n = m.captured(1).toLongLong();
        if (n >= 10675199)
            return Tr::tr("never expires");
        if (m.capturedLength() == ttl.size())
            return Tr::tr("%n day(s)", nullptr, int(n));
    }
    return ttl;
}

QString expiryCountdownText(qint64 days)
{
    if (days < 0)
        return Tr::tr("Certificate expired %n day(s) ago", nullptr, int(-days));
    if (days == 0)
        return Tr::tr("Certificate expires today");
    return Tr::tr("Certificate expires in %n day(s)", nullptr, int(days));
}
