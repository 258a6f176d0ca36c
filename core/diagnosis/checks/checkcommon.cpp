// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later

// What the checks share: the facts' helpers, the dispatcher, tag-expression explanations.

#include "client/reach.h"
#include "diagnosis/checks/checkutil.h"

#include <QSet>

using namespace Qt::Literals::StringLiterals;

namespace Nh {

QStringList DiagnosisFacts::handles() const
{
    QStringList out;
    const auto add = [&out](const QString &h) {
        if (!h.isEmpty() && !out.contains(h, Qt::CaseInsensitive))
            out.append(h);
    };
    if (subject.kind == DiagnosisSubject::Kind::Handle)
        add(subject.value);
    for (const Registration &r : registrations)
        add(r.handle);
    for (const Installation &i : installations)
        add(i.pushChannel);
    return out;
}

QList<Platform> DiagnosisFacts::platforms() const
{
    QList<Platform> out;
    for (const Registration &r : registrations) {
        if (!out.contains(r.platform))
            out.append(r.platform);
    }
    for (const Installation &i : installations) {
        if (!out.contains(i.platform))
            out.append(i.platform);
    }
    if (out.isEmpty() && subject.platform)
        out.append(*subject.platform);
    return out;
}

QList<Registration> DiagnosisFacts::reachedByFormat(Format format) const
{
    QList<Registration> out;
    for (const Registration &r : registrations) {
        if (formatReaches(format, r))
            out.append(r);
    }
    return out;
}

namespace DiagnosisChecks {

QString describeRegistration(const Registration &r)
{
    const QString tags = r.tags.isEmpty() ? Text::tr("no tags") : r.tags.join(u", "_s);
    return Text::tr("%1 %2 registration %3 (tags: %4)")
        .arg(platformDisplayName(r.platform), registrationKindText(r), r.registrationId, tags);
}

QString registrationKindText(const Registration &r)
{
    if (!r.isTemplate)
        return Text::tr("native");
    return r.templateName.isEmpty() ? Text::tr("template")
                                    : Text::tr("template \u201c%1\u201d").arg(r.templateName);
}

QString dateText(const QDateTime &when)
{
    return when.toUTC().toString(u"yyyy-MM-dd HH:mm"_s) + u" UTC"_s;
}

QStringList idsOf(const QList<Registration> &registrations)
{
    QStringList ids;
    for (const Registration &r : registrations)
        ids.append(r.registrationId);
    return ids;
}

DiagnosisCheck makeCheck(DiagnosisCheckId id, DiagnosisVerdict verdict, const QString &summary,
                         int weight)
{
    DiagnosisCheck c;
    c.id = id;
    c.verdict = verdict;
    c.summary = summary;
    c.weight =
        verdict == DiagnosisVerdict::Problem || verdict == DiagnosisVerdict::Warning ? weight : 0;
    return c;
}

DiagnosisCheck nothingToCheck(DiagnosisCheckId id, const DiagnosisFacts &facts)
{
    DiagnosisCheck c = makeCheck(id, DiagnosisVerdict::CannotTell,
                                 Text::tr("No registration of the device was found to check."));
    c.evidence = facts.subjectEvidence;
    return c;
}

DiagnosisCheck run(DiagnosisCheckId id, const DiagnosisFacts &facts)
{
    DiagnosisCheck c;
    switch (id) {
    case DiagnosisCheckId::Registered:
        c = registered(facts);
        break;
    case DiagnosisCheckId::Duplicates:
        c = duplicates(facts);
        break;
    case DiagnosisCheckId::PlatformFormat:
        c = platformFormat(facts);
        break;
    case DiagnosisCheckId::Expiry:
        c = expiry(facts);
        break;
    case DiagnosisCheckId::Tags:
        c = tags(facts);
        break;
    case DiagnosisCheckId::Template:
        c = templates(facts);
        break;
    case DiagnosisCheckId::HubConfiguration:
        c = hubConfiguration(facts);
        break;
    case DiagnosisCheckId::TestSend:
        c = testSend(facts);
        break;
    }
    c.id = id;
    return c;
}

namespace {

using Term = TagExpression::Term;

bool holds(const Term &term, const QSet<QString> &folded)
{
    switch (term.kind) {
    case Term::Kind::Tag:
        return folded.contains(term.tag.toCaseFolded());
    case Term::Kind::Not:
        return !term.operands.isEmpty() && !holds(term.operands.constFirst(), folded);
    case Term::Kind::And:
        for (const Term &t : term.operands) {
            if (!holds(t, folded))
                return false;
        }
        return true;
    case Term::Kind::Or:
        for (const Term &t : term.operands) {
            if (holds(t, folded))
                return true;
        }
        return false;
    }
    return false;
}

struct Why
{
    QString excludedBy;
    QString reason;
};

/** Why `term` (which does not hold) excludes the registration. */
Why why(const Term &term, const QSet<QString> &folded)
{
    switch (term.kind) {
    case Term::Kind::Tag:
        return {term.tag, Text::tr("the registration does not have `%1`").arg(term.tag)};
    case Term::Kind::Not: {
        const Term &inner = term.operands.constFirst();
        return {termText(term),
                inner.kind == Term::Kind::Tag
                    ? Text::tr("the registration has `%1`").arg(inner.tag)
                    : Text::tr("the registration matches `%1`").arg(termText(inner))};
    }
    case Term::Kind::And:
        for (const Term &t : term.operands) {
            if (!holds(t, folded))
                return why(t, folded);
        }
        break;
    case Term::Kind::Or: {
        bool allTags = true;
        QStringList names, parts;
        for (const Term &t : term.operands) {
            allTags = allTags && t.kind == Term::Kind::Tag;
            names.append(u'`' + t.tag + u'`');
            const Why w = why(t, folded);
            parts.append(u'`' + w.excludedBy + u"`: "_s + w.reason);
        }
        if (allTags)
            return {termText(term),
                    Text::tr("the registration has none of %1").arg(names.join(u", "_s))};
        return {termText(term),
                Text::tr("none of its alternatives holds (%1)").arg(parts.join(u"; "_s))};
    }
    }
    return {termText(term), Text::tr("it does not hold")};
}

} // namespace

QString termText(const TagExpression::Term &term)
{
    const auto operand = [&term](const Term &t) {
        const QString text = termText(t);
        const bool group = (t.kind == Term::Kind::And || t.kind == Term::Kind::Or)
            && (t.kind != term.kind || term.kind == Term::Kind::Not);
        return group ? u'(' + text + u')' : text;
    };
    switch (term.kind) {
    case Term::Kind::Tag:
        return term.tag;
    case Term::Kind::Not:
        return term.operands.isEmpty() ? u"!"_s : u'!' + operand(term.operands.constFirst());
    case Term::Kind::And:
    case Term::Kind::Or: {
        QStringList parts;
        for (const Term &t : term.operands)
            parts.append(operand(t));
        return parts.join(term.kind == Term::Kind::And ? u" && "_s : u" || "_s);
    }
    }
    return {};
}

QString whyExcluded(const TagExpression &expression, const QStringList &tags)
{
    if (expression.isNull())
        return Text::tr("the expression matches nothing");
    QSet<QString> folded;
    for (const QString &t : tags)
        folded.insert(t.toCaseFolded());
    const Term root = expression.term();
    if (holds(root, folded))
        return {};
    const Why w = why(root, folded);
    const QString text = expression.text().trimmed();
    if (w.excludedBy == termText(root))
        return Text::tr("`%1`: %2").arg(text, w.reason);
    return Text::tr("`%1`: excluded by `%2`, %3").arg(text, w.excludedBy, w.reason);
}

} // namespace DiagnosisChecks

} // namespace Nh
