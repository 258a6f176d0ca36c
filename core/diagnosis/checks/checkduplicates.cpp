// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later

// Check 2, "Duplicate registrations" (docs/diagnosis.md): one handle in several registrations of
// the same kind, and native + template registrations that one tag expression both reaches.

#include "diagnosis/checks/checkutil.h"

#include <QHash>
#include <QSet>

using namespace Qt::Literals::StringLiterals;

namespace Nh::DiagnosisChecks {

namespace {

/** Registrations that deliver the same thing to the same device share this key. */
QString duplicateKey(const Registration &r)
{
    const QString handle = r.platform == Platform::Apple ? r.handle.toUpper() : r.handle;
    QString key = QString::number(int(r.platform)) + u'|' + handle + u'|';
    if (r.isTemplate)
        key += u"t|"_s + r.templateName + u'|' + r.bodyTemplate;
    // A WNS secondary tile is its own target.
    return key + u'|' + r.secondaryTileName;
}

QString installationOf(const Registration &r)
{
    for (const QString &t : r.tags) {
        if (t.startsWith(u"$InstallationId:{"_s, Qt::CaseInsensitive))
            return t;
    }
    return {};
}

bool matchesSend(const DiagnosisFacts &facts, const Registration &r)
{
    if (facts.send->tagExpression.trimmed().isEmpty())
        return true;
    if (!facts.expression)
        return false;
    return facts.expression->matches(QSet<QString>(r.tags.cbegin(), r.tags.cend()));
}

} // namespace

DiagnosisCheck duplicates(const DiagnosisFacts &facts)
{
    const auto id = DiagnosisCheckId::Duplicates;
    if (facts.registrations.isEmpty())
        return nothingToCheck(id, facts);

    QHash<QString, QList<Registration>> groups;
    QStringList order;
    for (const Registration &r : facts.registrations) {
        const QString key = duplicateKey(r);
        if (!groups.contains(key))
            order.append(key);
        groups[key].append(r);
    }
    DiagnosisCheck c;
    for (const QString &key : std::as_const(order)) {
        const QList<Registration> &group = groups.value(key);
        if (group.size() < 2)
            continue;
        if (c.verdict != DiagnosisVerdict::Problem) {
            const Registration &first = group.constFirst();
            c = makeCheck(id, DiagnosisVerdict::Problem,
                          Text::tr("The handle is in %n %1 registrations of the same kind: the "
                                   "device gets a push once per registration, or pushes that "
                                   "diverge when their tags differ.",
                                   nullptr, int(group.size()))
                              .arg(registrationKindText(first)),
                          Weight::Duplicates);
            c.nextStep = Text::tr("Delete all but one of them, and have the app update its "
                                  "registration (or use an installation) instead of creating a "
                                  "new one on each start.");
        }
        for (const Registration &r : group) {
            c.details.append(describeRegistration(r));
            c.registrationIds.append(r.registrationId);
        }
    }
    if (c.verdict != DiagnosisVerdict::Problem && facts.send) {
        // Native and template registrations of one handle (not of one installation, which makes
        // both by design) that the send's expression both reaches: a back end that sends both
        // formats delivers twice.
        QList<Registration> natives, templates;
        for (const Registration &r : facts.registrations) {
            if (!installationOf(r).isEmpty() || !matchesSend(facts, r))
                continue;
            (r.isTemplate ? templates : natives).append(r);
        }
        bool sameHandle = false;
        for (const Registration &n : std::as_const(natives)) {
            for (const Registration &t : std::as_const(templates))
                sameHandle = sameHandle || n.handle.compare(t.handle, Qt::CaseInsensitive) == 0;
        }
        if (sameHandle) {
            c = makeCheck(id, DiagnosisVerdict::Warning,
                          Text::tr("The device has native and template registrations that both "
                                   "match the send's tags: a back end that sends both a native "
                                   "and a template push delivers twice."),
                          Weight::DuplicateMatch);
            c.nextStep = Text::tr("Keep one kind of registration per app, or tag them apart.");
            for (const Registration &r : natives + templates) {
                c.details.append(describeRegistration(r));
                c.registrationIds.append(r.registrationId);
            }
        }
    }
    if (c.verdict == DiagnosisVerdict::Pending) {
        c = makeCheck(id, DiagnosisVerdict::Ok,
                      Text::tr("No handle is in more than one registration of the same kind."));
    }
    c.evidence = facts.channelEvidence.isEmpty() ? facts.subjectEvidence : facts.channelEvidence;
    return c;
}

} // namespace Nh::DiagnosisChecks
