// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later

// Check 6, "Template" (docs/diagnosis.md): what each template registration of the device renders
// to for the send's properties, with missing properties and the linter's warnings.

#include "diagnosis/checks/checkutil.h"
#include "protocol/renderedpayload.h"
#include "protocol/templatelinter.h"

using namespace Qt::Literals::StringLiterals;

namespace Nh::DiagnosisChecks {

namespace {

/** Keeps the worse of the check's verdict and (verdict, summary, weight, next step). */
void raise(DiagnosisCheck &c, DiagnosisVerdict verdict, const QString &summary, int weight,
           const QString &nextStep)
{
    if (int(verdict) < int(c.verdict) || (verdict == c.verdict && weight <= c.weight))
        return;
    c.verdict = verdict;
    c.summary = summary;
    c.weight = weight;
    c.nextStep = nextStep;
}

} // namespace

DiagnosisCheck templates(const DiagnosisFacts &facts)
{
    const auto id = DiagnosisCheckId::Template;
    if (facts.registrations.isEmpty())
        return nothingToCheck(id, facts);
    QList<Registration> tpl;
    for (const Registration &r : facts.registrations) {
        if (r.isTemplate)
            tpl.append(r);
    }
    DiagnosisCheck c = makeCheck(id, DiagnosisVerdict::Ok, {});
    c.evidence = facts.subjectEvidence;
    if (tpl.isEmpty()) {
        c.summary = Text::tr("The device has no template registrations.");
        return c;
    }
    const bool templateSend = facts.send && facts.send->format == Format::Template;
    if (facts.send && facts.send->format && !templateSend) {
        c.summary = Text::tr("The send is native (%1): the device's templates are not used.")
                        .arg(formatDisplayName(*facts.send->format));
        return c;
    }
    c.registrationIds = idsOf(tpl);

    TemplateProperties props;
    if (facts.send) {
        for (auto it = facts.send->properties.cbegin(); it != facts.send->properties.cend(); ++it)
            props.append({it.key(), it.value()});
    }
    const TemplatePropertyBag bag(props);
    for (const Registration &r : std::as_const(tpl)) {
        if (!templateSend) {
            // No send to render with: what the linter says is all there is.
            const TemplateLint lint = TemplateLinter::lint(TemplateSource::fromRegistration(r));
            for (const TemplateFinding &f : lint.findings) {
                c.details.append(
                    Text::tr("Registration %1: %2").arg(r.registrationId, findingSentence(f)));
                const bool error = f.severity == TemplateFinding::Severity::Error;
                raise(c, error ? DiagnosisVerdict::Problem : DiagnosisVerdict::Warning,
                      Text::tr("The template of registration %1: %2")
                          .arg(r.registrationId, f.message),
                      error ? Weight::TemplateInvalid : Weight::TemplateLint, f.fix);
            }
            continue;
        }
        const RenderedPayload p = RenderedPayload::render(r, bag);
        if (!p.isRendered()) {
            raise(c, DiagnosisVerdict::Problem,
                  Text::tr("The template of registration %1 cannot be rendered: %2")
                      .arg(r.registrationId, p.problem),
                  Weight::TemplateInvalid,
                  Text::tr("Correct the template in the app and have it register again."));
            c.details.append(Text::tr("Registration %1: %2").arg(r.registrationId, p.problem));
            continue;
        }
        c.rendered.insert(r.registrationId, p.body.toUtf8());
        c.details.append(Text::tr("Registration %1 renders to: %2").arg(r.registrationId, p.body));
        if (!p.missingProperties.isEmpty()) {
            QStringList names;
            for (const QString &m : p.missingProperties)
                names.append(u"$("_s + m + u')');
            raise(c, DiagnosisVerdict::Problem,
                  Text::tr("The template of registration %1 uses %2, which the send does not "
                           "set: it renders as an empty string.")
                      .arg(r.registrationId, names.join(u", "_s)),
                  Weight::TemplateMissing,
                  Text::tr("Add the property %1 to the send, or change the template to use the "
                           "properties the back end sends.")
                      .arg(p.missingProperties.join(u", "_s)));
        }
        if (!p.invalid.isEmpty()) {
            c.details.append(p.invalid);
            raise(c, DiagnosisVerdict::Problem,
                  Text::tr("Registration %1 renders to a payload its push service refuses: %2")
                      .arg(r.registrationId, p.invalid),
                  Weight::TemplateInvalid,
                  Text::tr("Correct the template (or the properties) so the rendered payload "
                           "is valid."));
        }
        for (const QString &w : p.warnings) {
            c.details.append(Text::tr("Registration %1: %2").arg(r.registrationId, w));
            raise(c, DiagnosisVerdict::Warning,
                  Text::tr("The template of registration %1: %2").arg(r.registrationId, w),
                  Weight::TemplateLint, {});
        }
    }
    if (c.verdict == DiagnosisVerdict::Ok) {
        c.summary = templateSend
            ? Text::tr("Every template of the device renders with the send's properties.")
            : Text::tr("The device's templates are well-formed; no template send was given to "
                       "render them with.");
    }
    return c;
}

} // namespace Nh::DiagnosisChecks
