// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "hubchange.h"

#include "hubcards.h"

#include <QCoreApplication>

using namespace Qt::Literals::StringLiterals;

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(HubPage)
};

void propertyChanges(const Nh::PnsCredential &before, const Nh::PnsCredential &after,
                     QStringList &lines)
{
    const QString title = pnsCredentialTitle(before.kind);
    QStringList names;
    for (const auto &[name, value] : before.properties)
        names << name;
    for (const auto &[name, value] : after.properties)
        if (!before.property(name))
            names << name;
    for (const QString &name : names) {
        const auto was = before.property(name);
        const auto now = after.property(name);
        if (was == now)
            continue;
        const bool secret = Nh::isSecretPnsProperty(before.kind, name);
        if (!now)
            lines << Tr::tr("%1: %2 removed").arg(title, name);
        else if (!was)
            lines << (secret ? Tr::tr("%1: %2 added (secret)").arg(title, name)
                             : Tr::tr("%1: %2 added: %3").arg(title, name, *now));
        else
            lines << (secret ? Tr::tr("%1: %2 changed (secret)").arg(title, name)
                             : Tr::tr("%1: %2 changed from %3 to %4").arg(title, name, *was, *now));
    }
}

} // namespace

QStringList hubDescriptionChanges(const Nh::HubDescription &before, const Nh::HubDescription &after)
{
    QStringList lines;
    for (int i = 0; i < Nh::kPnsCredentialKindCount; ++i) {
        const auto kind = static_cast<Nh::PnsCredentialKind>(i);
        const Nh::PnsCredential *was = before.credential(kind);
        const Nh::PnsCredential *now = after.credential(kind);
        if (was && !now)
            lines << Tr::tr("%1: credential removed (%2)")
                         .arg(pnsCredentialTitle(kind), Nh::pnsCredentialElementName(kind));
        else if (!was && now)
            lines << Tr::tr("%1: credential added (%2)")
                         .arg(pnsCredentialTitle(kind), Nh::pnsCredentialElementName(kind));
        else if (was && now && !(*was == *now))
            propertyChanges(*was, *now, lines);
    }
    if (before.registrationTtl != after.registrationTtl)
        lines << Tr::tr("Registration TTL changed from %1 to %2")
                     .arg(registrationTtlText(before.registrationTtl),
                          registrationTtlText(after.registrationTtl));
    if (before.authorizationRules != after.authorizationRules)
        lines << Tr::tr("Authorization rules changed");
    return lines;
}
