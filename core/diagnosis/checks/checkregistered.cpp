// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later

// Check 1, "Registered at all" (docs/diagnosis.md): registrations and installations of the device,
// and what the local history says the hub reported about its handle.

#include "diagnosis/checks/checkutil.h"

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace Nh::DiagnosisChecks {

namespace {

QString reportSentence(const DiagnosisFacts::HandleReport &report)
{
    return report.kind == OutcomeKind::ExpiredHandle
        ? Text::tr("On %1 the hub reported the handle as no longer valid (expired) and removed "
                   "its registration.")
              .arg(dateText(report.when))
        : Text::tr("On %1 the hub reported the handle as invalid and removed its registration.")
              .arg(dateText(report.when));
}

QString notFoundSentence(const DiagnosisSubject &subject)
{
    switch (subject.kind) {
    case DiagnosisSubject::Kind::Handle:
        return Text::tr("No registration or installation carries this handle.");
    case DiagnosisSubject::Kind::Registration:
        return Text::tr("The registration %1 does not exist.").arg(subject.value);
    case DiagnosisSubject::Kind::Installation:
        return Text::tr("The installation %1 does not exist.").arg(subject.value);
    case DiagnosisSubject::Kind::User:
        return Text::tr("No registration is tagged $UserId:{%1}.").arg(subject.value);
    }
    return {};
}

} // namespace

DiagnosisCheck registered(const DiagnosisFacts &facts)
{
    const auto id = DiagnosisCheckId::Registered;
    const bool expiredChannel =
        std::any_of(facts.installations.cbegin(), facts.installations.cend(),
                    [](const Installation &i) { return i.pushChannelExpired.value_or(false); });

    DiagnosisCheck c;
    if (facts.registrations.isEmpty() && !facts.lookupFailure.isEmpty()) {
        c = makeCheck(
            id, DiagnosisVerdict::CannotTell,
            Text::tr("The device's registrations could not be read: %1").arg(facts.lookupFailure));
        c.nextStep = Text::tr("Fix the connection or the key's rights, then diagnose again.");
    } else if (expiredChannel) {
        c = makeCheck(id, DiagnosisVerdict::Problem,
                      Text::tr("The installation exists, but the hub marked its push channel "
                               "expired: the push service refused the handle, so it reaches "
                               "nothing."),
                      Weight::ChannelExpired);
        c.nextStep = Text::tr("Have the app register again with a fresh handle; saving the "
                              "installation with the new handle clears the mark.");
    } else if (facts.registrations.isEmpty()) {
        QString summary = notFoundSentence(facts.subject);
        if (!facts.installations.isEmpty())
            summary = Text::tr("The installation exists, but the hub holds no registration "
                               "made from it.");
        c = makeCheck(id, DiagnosisVerdict::Problem, summary, Weight::NotRegistered);
        if (!facts.historyReports.isEmpty()) {
            c.summary += u' ' + reportSentence(facts.historyReports.constFirst());
            c.nextStep = Text::tr("The handle is dead: have the app get a fresh token from its "
                                  "push service and register again.");
        } else {
            c.nextStep = Text::tr("Have the app register (it usually does on start-up) and check "
                                  "that it registers on this hub; then diagnose again.");
        }
    } else {
        c = makeCheck(id, DiagnosisVerdict::Ok,
                      Text::tr("The device has %n registration(s) on the hub.", nullptr,
                               int(facts.registrations.size())));
    }
    for (const Installation &i : facts.installations) {
        c.details.append(Text::tr("Installation %1 (%2), last updated %3.")
                             .arg(i.installationId, platformDisplayName(i.platform),
                                  i.lastUpdate.isValid() ? dateText(i.lastUpdate)
                                                         : Text::tr("at an unknown time")));
    }
    for (const Registration &r : facts.registrations)
        c.details.append(describeRegistration(r));
    if (facts.truncated)
        c.details.append(Text::tr("Only the first pages of a listing were read; the device may "
                                  "have more registrations."));
    // Still registered but reported before: worth knowing, not the cause.
    if (!facts.registrations.isEmpty()) {
        for (const auto &report : facts.historyReports)
            c.details.append(reportSentence(report));
    }
    // The history's exchanges are not requests of this diagnosis: named in the details only.
    c.evidence = facts.subjectEvidence;
    c.registrationIds = idsOf(facts.registrations);
    return c;
}

} // namespace Nh::DiagnosisChecks
