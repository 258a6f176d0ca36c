// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later

// Check 8, "Test send to this device" (docs/diagnosis.md): judged only once the user asked for
// it: the targeted test send's outcome, or a direct send and its per-message telemetry.

#include "client/explainer.h"
#include "diagnosis/checks/checkutil.h"

using namespace Qt::Literals::StringLiterals;

namespace Nh::DiagnosisChecks {

namespace {

DiagnosisCheck fromTestSend(const DiagnosisFacts &facts, const Exchange &e)
{
    const auto id = DiagnosisCheckId::TestSend;
    DiagnosisCheck c;
    if (e.result == ExchangeResult::NoTargets
        || (e.ok() && e.outcome && e.outcome->results.isEmpty())) {
        const Explanation x = explain(e);
        c = makeCheck(id, DiagnosisVerdict::Problem,
                      Text::tr("The test send to `%1` reached no registration.").arg(facts.testTag),
                      Weight::TestSendFailed);
        c.nextStep = x.nextStep;
        if (!x.cause.isEmpty())
            c.details.append(x.cause);
    } else if (!e.ok()) {
        const Explanation x = explain(e);
        const bool hubSaidNo = e.result == ExchangeResult::HubError;
        c = makeCheck(
            id, hubSaidNo ? DiagnosisVerdict::Problem : DiagnosisVerdict::CannotTell,
            Text::tr("The test send failed: %1").arg(x.cause.isEmpty() ? e.errorSentence : x.cause),
            Weight::TestSendFailed);
        c.nextStep = x.nextStep;
    } else {
        const QStringList handles = facts.handles();
        QStringList ids = idsOf(facts.registrations);
        QStringList failed, ok;
        Explanation firstFailure;
        for (const RegistrationResult &r : e.outcome->results) {
            const bool ours = ids.contains(r.registrationId)
                || handles.contains(r.pnsHandle, Qt::CaseInsensitive);
            if (!ours)
                continue;
            const auto platform = platformFromWireName(r.applicationPlatform);
            const QString line = Text::tr("Registration %1 (%2): %3")
                                     .arg(r.registrationId, r.applicationPlatform, r.outcome);
            c.registrationIds.append(r.registrationId);
            if (classifyOutcome(r.outcome) == OutcomeKind::Success) {
                ok.append(line);
            } else {
                if (failed.isEmpty())
                    firstFailure = explainOutcome(r.outcome, platform);
                failed.append(line);
            }
        }
        if (!failed.isEmpty()) {
            const QStringList saved = c.registrationIds;
            c = makeCheck(
                id, DiagnosisVerdict::Problem,
                Text::tr("The push service refused the test send: %1").arg(firstFailure.cause),
                Weight::TestSendFailed);
            c.registrationIds = saved;
            c.nextStep = firstFailure.nextStep;
        } else if (!ok.isEmpty()) {
            const QStringList saved = c.registrationIds;
            c = makeCheck(id, DiagnosisVerdict::Ok,
                          Text::tr("The test send reached the device: the push service accepted "
                                   "it for %n registration(s).",
                                   nullptr, int(ok.size())));
            c.registrationIds = saved;
        } else {
            c = makeCheck(id, DiagnosisVerdict::Problem,
                          Text::tr("The test send reached %n other registration(s), none of "
                                   "this device.",
                                   nullptr, int(e.outcome->results.size())),
                          Weight::TestSendFailed);
        }
        c.details = failed + ok;
    }
    c.evidence = {e.id};
    return c;
}

DiagnosisCheck fromDirectSend(const DiagnosisFacts &facts, const Exchange &send)
{
    const auto id = DiagnosisCheckId::TestSend;
    DiagnosisCheck c;
    c.id = id;
    if (!send.ok()) {
        const Explanation x = explain(send);
        c = makeCheck(id,
                      send.result == ExchangeResult::HubError ? DiagnosisVerdict::Problem
                                                              : DiagnosisVerdict::CannotTell,
                      Text::tr("The direct send failed: %1")
                          .arg(x.cause.isEmpty() ? send.errorSentence : x.cause),
                      Weight::TestSendFailed);
        c.nextStep = x.nextStep;
        c.evidence = {send.id};
        return c;
    }
    c.evidence = {send.id};
    if (!facts.telemetry) {
        c = makeCheck(id, DiagnosisVerdict::CannotTell,
                      Text::tr("The direct send was accepted (notification %1); its telemetry "
                               "was not read.")
                          .arg(send.notificationId));
        c.evidence = {send.id};
        return c;
    }
    const Exchange &t = *facts.telemetry;
    c.evidence.append(t.id);
    if (t.status == 403) {
        c.verdict = DiagnosisVerdict::CannotTell;
        c.summary = Text::tr("The direct send was accepted (notification %1), but the hub refused "
                             "its per-message telemetry (403): that needs the Standard tier, and "
                             "a Free or Basic hub has none.")
                        .arg(send.notificationId);
        c.nextStep = Text::tr("Check on the device whether the push arrived, or use a Standard "
                              "hub to see the push service's answer.");
        return c;
    }
    if (!t.ok() || !t.details) {
        const Explanation x = explain(t);
        c.verdict = DiagnosisVerdict::CannotTell;
        c.summary = Text::tr("The direct send was accepted, but its telemetry could not be read: "
                             "%1")
                        .arg(x.cause.isEmpty() ? t.errorSentence : x.cause);
        c.nextStep = x.nextStep;
        return c;
    }
    const NotificationDetails &d = *t.details;
    QStringList failures;
    qint64 successes = 0;
    for (const PlatformOutcomeCounts &pc : d.outcomeCounts) {
        for (const OutcomeCount &o : pc.outcomes) {
            c.details.append(Text::tr("%1: %2 × %3").arg(pc.platform, o.name).arg(o.count));
            if (o.name.compare(u"Success"_s, Qt::CaseInsensitive) == 0)
                successes += o.count;
            else if (o.count > 0)
                failures.append(o.name);
        }
    }
    if (!failures.isEmpty()) {
        c.verdict = DiagnosisVerdict::Problem;
        c.weight = Weight::TestSendFailed;
        c.summary =
            Text::tr("The push service refused the direct send: %1.").arg(failures.join(u", "_s));
        c.nextStep = Text::tr("See the other checks for the likely cause; a refused handle "
                              "needs the app to register again with a fresh one.");
    } else if (successes > 0) {
        c.verdict = DiagnosisVerdict::Ok;
        c.summary = Text::tr("The push service accepted the direct send (notification %1).")
                        .arg(send.notificationId);
    } else {
        c.verdict = DiagnosisVerdict::CannotTell;
        c.summary = Text::tr("The direct send's telemetry says %1 after %n look(s), without "
                             "results from the push service yet.",
                             nullptr, facts.telemetryPolls)
                        .arg(d.stateText.isEmpty() ? notificationStateName(d.state) : d.stateText);
        c.nextStep = Text::tr("Look at the telemetry again later (the History keeps the "
                              "notification id).");
    }
    return c;
}

} // namespace

DiagnosisCheck testSend(const DiagnosisFacts &facts)
{
    if (facts.testSend)
        return fromTestSend(facts, *facts.testSend);
    if (facts.directSend)
        return fromDirectSend(facts, *facts.directSend);
    DiagnosisCheck c;
    c.id = DiagnosisCheckId::TestSend;
    c.verdict = DiagnosisVerdict::Pending;
    c.summary = facts.whyNoTestSend.isEmpty()
        ? Text::tr("Not run: a test send to `%1` reaches exactly this device; it pushes to the "
                   "device, so it runs only when you ask.")
              .arg(facts.testTag)
        : Text::tr("Not run: %1").arg(facts.whyNoTestSend);
    return c;
}

} // namespace Nh::DiagnosisChecks
