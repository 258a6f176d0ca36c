// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later

// Check 7, "Hub configuration" (docs/diagnosis.md): the credential for the device's platform,
// APNs mode and environment, certificate expiry, the connection key's rights, from one GET of
// the hub's description (Manage). The APNs environment of a token is stored nowhere: only a
// test send's "invalid handle" on Apple tells, and then this check names the mismatch.

#include "diagnosis/checks/checkutil.h"
#include "protocol/hubchecks.h"

using namespace Qt::Literals::StringLiterals;

namespace Nh::DiagnosisChecks {

namespace {

QList<Platform> relevantPlatforms(const DiagnosisFacts &facts)
{
    if (facts.send && facts.send->format) {
        if (const auto p = platformForFormat(*facts.send->format))
            return {*p};
    }
    return facts.platforms();
}

/** Whether a test send or telemetry had APNs call the device's token invalid. */
bool apnsRefusedToken(const DiagnosisFacts &facts)
{
    if (facts.testSend && facts.testSend->outcome) {
        const QStringList handles = facts.handles();
        for (const RegistrationResult &r : facts.testSend->outcome->results) {
            if (platformFromWireName(r.applicationPlatform) == Platform::Apple
                && classifyOutcome(r.outcome) == OutcomeKind::InvalidHandle
                && (handles.isEmpty() || handles.contains(r.pnsHandle, Qt::CaseInsensitive)))
                return true;
        }
    }
    if (facts.telemetry && facts.telemetry->details) {
        for (const PlatformOutcomeCounts &pc : facts.telemetry->details->outcomeCounts) {
            if (platformForOutcomeCounts(pc.platform) != Platform::Apple)
                continue;
            for (const OutcomeCount &o : pc.outcomes) {
                if (o.count > 0 && o.name.compare(u"BadChannel"_s, Qt::CaseInsensitive) == 0)
                    return true;
            }
        }
    }
    return false;
}

QString environmentName(ApnsEndpointEnvironment env)
{
    return env == ApnsEndpointEnvironment::Production ? Text::tr("production")
                                                      : Text::tr("sandbox");
}

} // namespace

DiagnosisCheck hubConfiguration(const DiagnosisFacts &facts)
{
    const auto id = DiagnosisCheckId::HubConfiguration;
    if (!facts.hub) {
        DiagnosisCheck c = makeCheck(
            id, DiagnosisVerdict::CannotTell,
            Text::tr("The hub's configuration could not be read: %1").arg(facts.hubFailure));
        c.nextStep = Text::tr("Diagnose with a key that has Manage rights to include the hub's "
                              "credentials and the key's rights.");
        if (!facts.hubEvidence.isNull())
            c.evidence = {facts.hubEvidence};
        return c;
    }
    const HubDescription &hub = *facts.hub;
    HubCheckContext context;
    context.now = facts.now;
    if (!facts.keyName.isEmpty())
        context.profiles.append({facts.profileName.isEmpty() ? facts.keyName : facts.profileName,
                                 facts.keyName, facts.key, ProfileKey::Role::BackEnd});
    const QList<HubFinding> findings = checkHub(hub, context);
    const QList<Platform> platforms = relevantPlatforms(facts);
    QList<PnsCredentialKind> kinds;
    for (Platform p : platforms)
        kinds.append(pnsCredentialKindFor(p));

    DiagnosisCheck c = makeCheck(id, DiagnosisVerdict::Ok, {});
    c.evidence = {facts.hubEvidence};
    const auto raise = [&c](DiagnosisVerdict v, const QString &summary, int weight,
                            const QString &next) {
        if (int(v) < int(c.verdict) || (v == c.verdict && weight <= c.weight))
            return;
        c.verdict = v;
        c.summary = summary;
        c.weight = weight;
        c.nextStep = next;
    };

    for (Platform p : platforms) {
        if (!hub.credential(pnsCredentialKindFor(p))) {
            raise(
                DiagnosisVerdict::Problem,
                Text::tr("The hub has no %1 credential: sends to %2 devices fail with \"The "
                         "notification has no target applications\".")
                    .arg(pnsCredentialElementName(pnsCredentialKindFor(p)), platformDisplayName(p)),
                Weight::NoCredential,
                Text::tr("Add the %1 credential on the Hub page (or in the Azure portal).")
                    .arg(platformDisplayName(p)));
        }
    }
    if (facts.send && facts.send->format && !hubServesFormat(hub, *facts.send->format)) {
        raise(DiagnosisVerdict::Problem,
              Text::tr("No credential of the hub serves %1 sends: the hub answers \"The "
                       "notification has no target applications\".")
                  .arg(formatDisplayName(*facts.send->format)),
              Weight::NoCredential,
              Text::tr("Add the credential for the platform on the Hub page (or in the Azure "
                       "portal)."));
    }
    for (const HubFinding &f : findings) {
        const bool relevant =
            !f.profile.isEmpty() || !f.credential || kinds.contains(*f.credential);
        if (!relevant)
            continue;
        if (f.severity != HubCheckSeverity::Ok)
            c.details.append(f.fix.isEmpty() ? f.message : f.message + u' ' + f.fix);
        if (f.severity == HubCheckSeverity::Problem) {
            raise(DiagnosisVerdict::Problem, f.message,
                  f.id == u"profile-cannot-send"_s ? Weight::KeyCannotSend
                                                   : Weight::HubCredentialBroken,
                  f.fix);
        } else if (f.severity == HubCheckSeverity::Warning && f.credential) {
            // Only a credential's warnings bear on delivery; a rule's or the key's are details.
            raise(DiagnosisVerdict::Warning, f.message, Weight::HubWarning, f.fix);
        }
    }

    if (platforms.contains(Platform::Apple)) {
        const PnsCredential *apns = hub.credential(PnsCredentialKind::Apns);
        const auto env = apns ? apnsEndpointEnvironment(apns->property(u"Endpoint"))
                              : ApnsEndpointEnvironment::Missing;
        if (env == ApnsEndpointEnvironment::Sandbox || env == ApnsEndpointEnvironment::Production) {
            const auto other = env == ApnsEndpointEnvironment::Sandbox
                ? ApnsEndpointEnvironment::Production
                : ApnsEndpointEnvironment::Sandbox;
            if (apnsRefusedToken(facts)) {
                raise(DiagnosisVerdict::Problem,
                      Text::tr("APNs environment mismatch: APNs refused the device token as "
                               "invalid, and the hub sends to the APNs %1 endpoint, so the token "
                               "is most likely from a %2 build.")
                          .arg(environmentName(env), environmentName(other)),
                      Weight::ApnsEnvironment,
                      Text::tr("Keep one hub per APNs environment: send to a hub whose APNs "
                               "credential uses the %1 endpoint for %1 builds, or install a %2 "
                               "build on the device.")
                          .arg(environmentName(other), environmentName(env)));
                if (facts.testSend)
                    c.evidence.append(facts.testSend->id);
                if (facts.telemetry)
                    c.evidence.append(facts.telemetry->id);
            } else {
                c.details.append(
                    Text::tr("The hub sends to the APNs %1 endpoint: only tokens of %1 builds "
                             "work. Which environment a token comes from is stored nowhere; a "
                             "test send tells.")
                        .arg(environmentName(env)));
            }
        }
    }
    if (c.verdict == DiagnosisVerdict::Ok) {
        QStringList names;
        for (Platform p : platforms)
            names.append(platformDisplayName(p));
        c.summary = names.isEmpty()
            ? Text::tr("Nothing in the hub's configuration stops this push.")
            : Text::tr("The hub has a credential for %1; nothing in its configuration stops this "
                       "push.")
                  .arg(names.join(u", "_s));
    }
    return c;
}

} // namespace Nh::DiagnosisChecks
