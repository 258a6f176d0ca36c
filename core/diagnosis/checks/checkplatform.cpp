// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later

// Check 3, "Platform and format" (docs/diagnosis.md): whether the send's format reaches the
// device's registrations at all, and legacy GCM registrations after Google's retirement.

#include "diagnosis/checks/checkutil.h"

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace Nh::DiagnosisChecks {

namespace {

QString kindsText(const QList<Registration> &registrations)
{
    QStringList kinds;
    for (const Registration &r : registrations) {
        const QString k = platformDisplayName(r.platform) + u' ' + registrationKindText(r);
        if (!kinds.contains(k))
            kinds.append(k);
    }
    return kinds.join(u", "_s);
}

QString gcmFix()
{
    return Text::tr("Move the app to the FCM v1 SDK and register it as FCM v1 (the hub does not "
                    "migrate GCM registrations), with an FCM v1 credential on the hub.");
}

} // namespace

DiagnosisCheck platformFormat(const DiagnosisFacts &facts)
{
    const auto id = DiagnosisCheckId::PlatformFormat;
    if (facts.registrations.isEmpty())
        return nothingToCheck(id, facts);

    QList<Registration> gcm;
    for (const Registration &r : facts.registrations) {
        if (r.platform == Platform::Gcm)
            gcm.append(r);
    }
    DiagnosisCheck c;
    if (facts.send && facts.send->format) {
        const Format format = *facts.send->format;
        const QList<Registration> reached = facts.reachedByFormat(format);
        const bool onlyGcm = !reached.isEmpty() && reached.size() == gcm.size()
            && std::all_of(reached.cbegin(), reached.cend(),
                           [](const Registration &r) { return r.platform == Platform::Gcm; });
        if (reached.isEmpty() && !gcm.isEmpty() && format == Format::FcmV1) {
            c = makeCheck(id, DiagnosisVerdict::Problem,
                          Text::tr("The send is FCM v1, but the device is registered only for "
                                   "legacy GCM (retired by Google on 2024-06-20): an FCM v1 send "
                                   "never reaches a GCM registration."),
                          Weight::FormatMismatch);
            c.nextStep = gcmFix();
        } else if (reached.isEmpty()) {
            c = makeCheck(id, DiagnosisVerdict::Problem,
                          Text::tr("A %1 send reaches none of the device's registrations: they "
                                   "are %2.")
                              .arg(formatDisplayName(format), kindsText(facts.registrations)),
                          Weight::FormatMismatch);
            c.nextStep = format == Format::Template
                ? Text::tr("Send natively in the device's format, or have the app register a "
                           "template.")
                : Text::tr("Send in the format of the device's platform (a template send "
                           "reaches template registrations of every platform).");
        } else if (onlyGcm) {
            c = makeCheck(id, DiagnosisVerdict::Problem,
                          Text::tr("The send reaches only legacy GCM registrations; Google retired "
                                   "that API on 2024-06-20, so nothing is delivered."),
                          Weight::LegacyGcm);
            c.nextStep = gcmFix();
        } else if (!gcm.isEmpty()) {
            c = makeCheck(id, DiagnosisVerdict::Warning,
                          Text::tr("Some of the device's registrations are legacy GCM, which "
                                   "Google retired on 2024-06-20."),
                          Weight::LegacyGcm);
            c.nextStep = gcmFix();
        } else {
            c = makeCheck(id, DiagnosisVerdict::Ok,
                          Text::tr("A %1 send reaches %n of the device's registrations by their "
                                   "kind.",
                                   nullptr, int(reached.size()))
                              .arg(formatDisplayName(format)));
        }
        c.registrationIds = idsOf(reached.isEmpty() ? facts.registrations : reached);
    } else if (!gcm.isEmpty()) {
        c = makeCheck(id, DiagnosisVerdict::Problem,
                      Text::tr("The device is registered for legacy GCM, which Google retired on "
                               "2024-06-20: nothing is delivered to it."),
                      Weight::LegacyGcm);
        c.nextStep = gcmFix();
        c.registrationIds = idsOf(gcm);
    } else {
        c = makeCheck(id, DiagnosisVerdict::Ok,
                      Text::tr("The device is registered as %1; no send format was given to "
                               "compare with.")
                          .arg(kindsText(facts.registrations)));
    }
    for (const Registration &r : facts.registrations)
        c.details.append(describeRegistration(r));
    c.evidence = facts.subjectEvidence;
    return c;
}

} // namespace Nh::DiagnosisChecks
