// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later

// Check 4, "Expiry" (docs/diagnosis.md): registrations and installations whose ExpirationTime
// has passed or is near.

#include "diagnosis/checks/checkutil.h"

using namespace Qt::Literals::StringLiterals;

namespace Nh::DiagnosisChecks {

namespace {
/** An expiry this close is a warning. */
constexpr int kExpiringDays = 7;
} // namespace

DiagnosisCheck expiry(const DiagnosisFacts &facts)
{
    const auto id = DiagnosisCheckId::Expiry;
    if (facts.registrations.isEmpty() && facts.installations.isEmpty())
        return nothingToCheck(id, facts);

    QStringList expired, expiring;
    QStringList ids;
    QDateTime earliest;
    const auto look = [&](const QString &what, const QDateTime &when, const QString &regId) {
        if (!when.isValid() || when >= Registration::neverExpires())
            return;
        if (!earliest.isValid() || when < earliest)
            earliest = when;
        if (when <= facts.now) {
            expired.append(Text::tr("%1 expired on %2.").arg(what, dateText(when)));
            if (!regId.isEmpty())
                ids.append(regId);
        } else if (when <= facts.now.addDays(kExpiringDays)) {
            expiring.append(Text::tr("%1 expires on %2.").arg(what, dateText(when)));
            if (!regId.isEmpty())
                ids.append(regId);
        }
    };
    for (const Registration &r : facts.registrations)
        look(Text::tr("Registration %1").arg(r.registrationId), r.expirationTime, r.registrationId);
    for (const Installation &i : facts.installations)
        look(Text::tr("Installation %1").arg(i.installationId), i.expirationTime, {});

    DiagnosisCheck c;
    if (!expired.isEmpty()) {
        c = makeCheck(id, DiagnosisVerdict::Problem,
                      expired.size() == 1
                          ? Text::tr("%1 The hub no longer delivers to it.").arg(expired.first())
                          : Text::tr("%n of the device's registrations or installations have "
                                     "expired; the hub no longer delivers to them.",
                                     nullptr, int(expired.size())),
                      Weight::Expired);
        c.nextStep = Text::tr("Have the app register again, and refresh its registration on "
                              "every start: registrations expire after the hub's registration "
                              "time-to-live.");
    } else if (!expiring.isEmpty()) {
        c = makeCheck(id, DiagnosisVerdict::Warning, expiring.first(), Weight::Expiring);
        c.nextStep = Text::tr("Have the app refresh its registration on every start.");
    } else {
        c = makeCheck(id, DiagnosisVerdict::Ok,
                      earliest.isValid()
                          ? Text::tr("Nothing has expired; the earliest expiry is %1.")
                                .arg(dateText(earliest))
                          : Text::tr("No registration or installation of the device expires."));
    }
    c.details = expired + expiring;
    c.registrationIds = ids;
    c.evidence = facts.subjectEvidence;
    return c;
}

} // namespace Nh::DiagnosisChecks
