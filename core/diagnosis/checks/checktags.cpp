// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later

// Check 5, "Tags" (docs/diagnosis.md): the send's tag expression against each registration's
// tags, naming the sub-expression that excluded it.

#include "diagnosis/checks/checkutil.h"

#include <QSet>

using namespace Qt::Literals::StringLiterals;

namespace Nh::DiagnosisChecks {

DiagnosisCheck tags(const DiagnosisFacts &facts)
{
    const auto id = DiagnosisCheckId::Tags;
    if (!facts.send || facts.send->isEmpty()) {
        DiagnosisCheck c =
            makeCheck(id, DiagnosisVerdict::CannotTell,
                      Text::tr("No send was given, so there is no tag expression to evaluate."));
        c.nextStep = Text::tr("Give the send's tag expression (or the exchange from the history) "
                              "to check the tags.");
        return c;
    }
    if (!facts.expressionError.isEmpty()) {
        DiagnosisCheck c = makeCheck(
            id, DiagnosisVerdict::Problem,
            Text::tr("The send's tag expression does not parse: %1").arg(facts.expressionError),
            Weight::TagsExcluded);
        c.nextStep = Text::tr("Correct the tag expression; the hub refuses the send with 400.");
        return c;
    }
    if (facts.registrations.isEmpty())
        return nothingToCheck(id, facts);
    if (facts.send->tagExpression.trimmed().isEmpty()) {
        DiagnosisCheck c = makeCheck(id, DiagnosisVerdict::Ok,
                                     Text::tr("The send is a broadcast: tags do not matter."));
        c.evidence = facts.subjectEvidence;
        return c;
    }

    // The registrations the format reaches (check 3 speaks about the others), else all.
    QList<Registration> candidates;
    if (facts.send->format)
        candidates = facts.reachedByFormat(*facts.send->format);
    if (candidates.isEmpty())
        candidates = facts.registrations;

    const TagExpression &expression = *facts.expression;
    QList<Registration> matched;
    QStringList excluded;
    for (const Registration &r : std::as_const(candidates)) {
        if (expression.matches(QSet<QString>(r.tags.cbegin(), r.tags.cend())))
            matched.append(r);
        else
            excluded.append(Text::tr("Registration %1: %2")
                                .arg(r.registrationId, whyExcluded(expression, r.tags)));
    }
    DiagnosisCheck c;
    if (matched.isEmpty()) {
        const Registration &first = candidates.constFirst();
        c = makeCheck(id, DiagnosisVerdict::Problem,
                      candidates.size() == 1
                          ? Text::tr("The send's tags exclude the device: %1.")
                                .arg(whyExcluded(expression, first.tags))
                          : Text::tr("The send's tags exclude all %n of the device's "
                                     "registrations; the first: %1.",
                                     nullptr, int(candidates.size()))
                                .arg(whyExcluded(expression, first.tags)),
                      Weight::TagsExcluded);
        c.nextStep = Text::tr("Give the device the tag the expression needs (update its "
                              "registration or installation), or send to an expression that "
                              "includes it.");
        c.registrationIds = idsOf(candidates);
    } else {
        c = makeCheck(
            id, DiagnosisVerdict::Ok,
            Text::tr("`%1` matches %n of the device's registrations.", nullptr, int(matched.size()))
                .arg(expression.text().trimmed()));
        c.registrationIds = idsOf(matched);
    }
    c.details = excluded;
    for (const Registration &r : std::as_const(matched))
        c.details.append(Text::tr("Registration %1 matches (tags: %2).")
                             .arg(r.registrationId, r.tags.join(u", "_s)));
    c.evidence = facts.subjectEvidence;
    return c;
}

} // namespace Nh::DiagnosisChecks
