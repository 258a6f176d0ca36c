// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/hubtext.h"

#include "cli/clisession.h"

#include <QCoreApplication>

using namespace Qt::Literals::StringLiterals;

namespace Nh {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Nh::Cli)
};

constexpr std::array<std::pair<PnsCredentialKind, QStringView>, kPnsCredentialKindCount> kNames {{
    {PnsCredentialKind::Apns, u"apns"},
    {PnsCredentialKind::Wns, u"wns"},
    {PnsCredentialKind::Gcm, u"gcm"},
    {PnsCredentialKind::Mpns, u"mpns"},
    {PnsCredentialKind::Adm, u"adm"},
    {PnsCredentialKind::Baidu, u"baidu"},
    {PnsCredentialKind::FcmV1, u"fcmv1"},
    {PnsCredentialKind::Browser, u"browser"},
    {PnsCredentialKind::Xiaomi, u"xiaomi"},
}};

QJsonValue optionalNumber(const std::optional<qint64> &n)
{
    return n ? QJsonValue(double(*n)) : QJsonValue();
}

QString severityLabel(HubCheckSeverity s)
{
    switch (s) {
    case HubCheckSeverity::Ok:
        return Tr::tr("ok");
    case HubCheckSeverity::Info:
        return Tr::tr("info");
    case HubCheckSeverity::Warning:
        return Tr::tr("warning");
    case HubCheckSeverity::Problem:
        break;
    }
    return Tr::tr("problem");
}

Tone severityTone(HubCheckSeverity s)
{
    switch (s) {
    case HubCheckSeverity::Ok:
        return Tone::Good;
    case HubCheckSeverity::Info:
        return Tone::Dim;
    case HubCheckSeverity::Warning:
        return Tone::Warn;
    case HubCheckSeverity::Problem:
        break;
    }
    return Tone::Bad;
}

} // namespace

QString credentialCliName(PnsCredentialKind kind)
{
    for (const auto &[k, name] : kNames) {
        if (k == kind)
            return name.toString();
    }
    return {};
}

std::optional<PnsCredentialKind> credentialKindFromCliName(QStringView name)
{
    const QStringView n = name.trimmed();
    for (const auto &[k, text] : kNames) {
        if (n.compare(text, Qt::CaseInsensitive) == 0)
            return k;
    }
    if (auto p = platformFromCliName(n))
        return pnsCredentialKindFor(*p);
    return std::nullopt;
}

QString credentialCliNames()
{
    QStringList names;
    for (const auto &[k, name] : kNames)
        names << name.toString();
    return names.join(u", "_s);
}

QJsonObject hubDescriptionToJson(const HubDescription &description, bool reveal)
{
    const HubDescription d = reveal ? description : redactedHubDescription(description);
    QJsonArray credentials;
    for (const PnsCredential &c : d.credentials) {
        QJsonObject properties;
        for (const auto &[name, value] : c.properties)
            properties.insert(name, value);
        credentials.append(QJsonObject {{u"platform"_s, credentialCliName(c.kind)},
                                        {u"element"_s, pnsCredentialElementName(c.kind)},
                                        {u"properties"_s, properties}});
    }
    QJsonArray rules;
    for (const AuthorizationRule &r : d.authorizationRules) {
        QJsonArray rights;
        for (const AccessRight right :
             {AccessRight::Listen, AccessRight::Send, AccessRight::Manage}) {
            if (r.rights.testFlag(right))
                rights.append(accessRightsText(right));
        }
        QJsonObject rule {{u"keyName"_s, r.keyName}, {u"rights"_s, rights}};
        if (!r.primaryKey.isEmpty())
            rule.insert(u"primaryKey"_s, r.primaryKey);
        if (!r.secondaryKey.isEmpty())
            rule.insert(u"secondaryKey"_s, r.secondaryKey);
        rules.append(rule);
    }
    QJsonObject o {
        {u"name"_s, d.name},
        {u"registrationTtl"_s, d.registrationTtl},
        {u"disabled"_s, d.status.value_or(false)},
        {u"credentials"_s, credentials},
        {u"authorizationRules"_s, rules},
        {u"dailyOperations"_s, optionalNumber(d.dailyOperations)},
        {u"dailyMaxActiveDevices"_s, optionalNumber(d.dailyMaxActiveDevices)},
        {u"dailyMaxActiveRegistrations"_s, optionalNumber(d.dailyMaxActiveRegistrations)},
        {u"redacted"_s, !reveal}};
    return o;
}

QString hubDescriptionText(const HubDescription &description, bool reveal,
                           const TextRenderer &renderer)
{
    const HubDescription d = reveal ? description : redactedHubDescription(description);
    TextPanel p;
    p.add(Tr::tr("Hub %1").arg(d.name), Tone::Heading);
    constexpr int kWide = 34;
    p.addField(Tr::tr("Status"), d.status.value_or(false) ? Tr::tr("disabled") : Tr::tr("enabled"),
               kWide, d.status.value_or(false) ? Tone::Bad : Tone::Plain);
    p.addField(Tr::tr("Registration TTL"),
               d.registrationTtl.isEmpty() ? Tr::tr("(service default)") : d.registrationTtl,
               kWide);
    const auto figure = [](const std::optional<qint64> &n) {
        return n ? QString::number(*n) : Tr::tr("(not given)");
    };
    p.addField(Tr::tr("Daily API calls"), figure(d.dailyOperations), kWide);
    p.addField(Tr::tr("Daily active devices (max)"), figure(d.dailyMaxActiveDevices), kWide);
    p.addField(Tr::tr("Daily active registrations (max)"), figure(d.dailyMaxActiveRegistrations),
               kWide);
    p.add(QString());
    p.add(Tr::tr("Credentials"), Tone::Heading);
    for (const auto &[kind, name] : kNames) {
        const PnsCredential *c = d.credential(kind);
        if (!c) {
            p.addField(name.toString(), Tr::tr("not configured"), 24, Tone::Dim);
            continue;
        }
        p.addField(name.toString(), Tr::tr("configured (%1)").arg(pnsCredentialElementName(kind)),
                   24, Tone::Good);
        for (const auto &[property, value] : c->properties)
            p.addField(u"  "_s + property, value, 24);
    }
    p.add(QString());
    p.add(Tr::tr("Authorization rules"), Tone::Heading);
    if (d.authorizationRules.isEmpty())
        p.add(Tr::tr("(none returned)"), Tone::Dim);
    for (const AuthorizationRule &r : d.authorizationRules) {
        p.addField(r.keyName, r.rights ? accessRightsText(r.rights) : Tr::tr("(no rights)"), 36);
        if (reveal) {
            p.addField(u"  PrimaryKey"_s, r.primaryKey, 36);
            p.addField(u"  SecondaryKey"_s, r.secondaryKey, 36);
        }
    }
    if (!reveal)
        p.add(Tr::tr("Secrets are shown as %1; --reveal shows them.").arg(kRedacted), Tone::Dim);
    return renderer.panel(p);
}

QJsonObject hubFindingToJson(const HubFinding &f)
{
    QJsonObject o {
        {u"id"_s, f.id},
        {u"severity"_s, hubCheckSeverityName(f.severity)},
        {u"platform"_s, f.credential ? QJsonValue(credentialCliName(*f.credential)) : QJsonValue()},
        {u"sentence"_s, f.message},
        {u"fix"_s, f.fix}};
    if (!f.profile.isEmpty())
        o.insert(u"profile"_s, f.profile);
    return o;
}

QString hubFindingsText(const QList<HubFinding> &findings, const TextRenderer &renderer)
{
    QString text;
    for (const HubFinding &f : findings) {
        QString about = f.credential ? credentialCliName(*f.credential) : f.profile;
        QString line = f.message;
        if (!about.isEmpty())
            line = about + u": "_s + line;
        text += renderer.labelled(u'[' + severityLabel(f.severity) + u']', line,
                                  severityTone(f.severity));
        if (!f.fix.isEmpty()) {
            // Indented under its finding, every line.
            const QStringList lines =
                TextRenderer::wrap(Tr::tr("Fix: %1").arg(f.fix), renderer.columns() - 4);
            for (const QString &l : lines)
                text += u"    "_s + l + u'\n';
        }
    }
    return text;
}

QJsonArray credentialChangesToJson(const QList<CredentialChange> &changes)
{
    QJsonArray a;
    for (const CredentialChange &c : changes) {
        QJsonObject o {{u"property"_s, c.property},
                       {u"change"_s, credentialChangeKindName(c.kind)}};
        if (c.kind != CredentialChange::Kind::Added)
            o.insert(u"old"_s, c.oldValue);
        if (c.kind != CredentialChange::Kind::Removed)
            o.insert(u"new"_s, c.newValue);
        a.append(o);
    }
    return a;
}

QString credentialChangesText(const QList<CredentialChange> &changes)
{
    QString text;
    for (const CredentialChange &c : changes) {
        switch (c.kind) {
        case CredentialChange::Kind::Added:
            text += u"  + "_s + c.property + u" = "_s + c.newValue + u'\n';
            break;
        case CredentialChange::Kind::Removed:
            text += u"  - "_s + c.property + u" (was "_s + c.oldValue + u")\n"_s;
            break;
        case CredentialChange::Kind::Changed:
            text += u"  ~ "_s + c.property + u": "_s + c.oldValue + u" → "_s + c.newValue + u'\n';
            break;
        }
    }
    return text;
}

} // namespace Nh
