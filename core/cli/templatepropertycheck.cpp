// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/templatepropertycheck.h"

#include "cli/clijson.h"
#include "client/hubclient.h"
#include "client/reach.h"
#include "protocol/tagexpression.h"
#include "protocol/templatedocument.h"
#include "protocol/templaterenderer.h"

#include <QJsonArray>
#include <QSet>
#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace Nh {

namespace {

/** The translation context of this file's messages; lupdate reads it from here. */
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Nh::Cli)
};

QString quotedList(const QStringList &names)
{
    QStringList q;
    for (const QString &n : names)
        q << u'\'' + n + u'\'';
    return q.join(u", "_s);
}

QString registrationLabel(const TemplatePropertyFinding &f)
{
    const QString kind = platformDisplayName(f.platform);
    return f.templateName.isEmpty()
        ? Tr::tr("registration %1 (%2 template)").arg(f.registrationId, kind)
        : Tr::tr("registration %1 (%2 template '%3')").arg(f.registrationId, kind, f.templateName);
}

} // namespace

bool TemplatePropertyReport::hasMissing() const
{
    return std::any_of(findings.cbegin(), findings.cend(),
                       [](const TemplatePropertyFinding &f) { return !f.missing.isEmpty(); });
}

QList<Warning> TemplatePropertyReport::warnings(int maxLines) const
{
    QList<Warning> out;
    if (!ok) {
        out.append({Tr::tr("The template properties were not checked: %1").arg(failure)});
        return out;
    }
    int shown = 0;
    for (const TemplatePropertyFinding &f : findings) {
        if (shown == maxLines) {
            out.append({Tr::tr("… and %n more template registration(s) with missing properties.",
                               nullptr, int(findings.size()) - shown)});
            break;
        }
        ++shown;
        if (f.error) {
            out.append({Tr::tr("%1: its template does not parse (%2); the hub renders nothing "
                               "for it.")
                            .arg(registrationLabel(f), f.error->message)});
        } else {
            out.append({Tr::tr("%1: the send has no %2, used by its template: rendered as empty "
                               "text.")
                            .arg(registrationLabel(f), quotedList(f.missing))});
        }
    }
    if (!unused.isEmpty() && reached > 0) {
        out.append({Tr::tr("No reached template uses %1.").arg(quotedList(unused))});
    }
    if (truncated && (!findings.isEmpty() || !unused.isEmpty())) {
        out.append({Tr::tr("Only the first %n registration(s) of the hub were checked for "
                           "template properties.",
                           nullptr, fetched)});
    }
    return out;
}

QJsonObject TemplatePropertyReport::toJson() const
{
    QJsonArray registrations;
    for (const TemplatePropertyFinding &f : findings) {
        QJsonObject o {{u"registrationId"_s, f.registrationId},
                       {u"platform"_s, installationPlatformName(f.platform)},
                       {u"templateName"_s, f.templateName},
                       {u"missing"_s, QJsonArray::fromStringList(f.missing)}};
        if (f.error)
            o.insert(u"error"_s, errorToJson(*f.error));
        registrations.append(o);
    }
    QJsonObject o {{u"checked"_s, fetched},
                   {u"truncated"_s, truncated},
                   {u"reached"_s, reached},
                   {u"registrations"_s, registrations},
                   {u"unusedProperties"_s, QJsonArray::fromStringList(unused)}};
    if (!ok)
        o.insert(u"error"_s, failure);
    return o;
}

TemplatePropertyCheck::TemplatePropertyCheck(HubClient *client, QObject *parent)
    : QObject(parent)
    , m_collector(new RegistrationCollector(client, this))
{
    m_collector->setLimit(kLimit);
    connect(m_collector, &RegistrationCollector::finished, this, [this] {
        if (!m_collector->ok()) {
            m_report = {};
            const Exchange &e = m_collector->lastExchange();
            m_report.failure = !e.errorSentence.isEmpty() ? e.errorSentence
                : e.error                                 ? e.error->message
                                                          : exchangeResultDisplayName(e.result);
        } else {
            m_report = evaluate(m_collector->registrations(), m_notification);
            m_report.truncated = m_collector->isTruncated();
        }
        emit finished();
    });
}

TemplatePropertyCheck::~TemplatePropertyCheck() = default;

bool TemplatePropertyCheck::applies(const Notification &n)
{
    if (n.format != Format::Template)
        return false;
    if (n.target.kind != TargetKind::Tags && n.target.kind != TargetKind::Broadcast)
        return false;
    return TemplatePropertyBag::fromSendBody(n.body).ok();
}

TemplatePropertyReport TemplatePropertyCheck::evaluate(const QList<Registration> &registrations,
                                                       const Notification &n)
{
    TemplatePropertyReport report;
    report.ok = true;
    report.fetched = int(registrations.size());
    const auto bag = TemplatePropertyBag::fromSendBody(n.body);
    if (!bag)
        return report;
    std::optional<TagExpression> expression;
    if (n.target.kind == TargetKind::Tags) {
        auto parsed = TagExpression::parse(n.target.tagExpression);
        if (!parsed)
            return report;
        expression = *parsed;
    }
    const QList<Registration> reached =
        reachedRegistrations(registrations, Format::Template, expression ? &*expression : nullptr);
    report.reached = int(reached.size());
    QSet<QString> used;
    for (const Registration &r : reached) {
        const TemplateSource source = TemplateSource::fromRegistration(r);
        TemplatePropertyFinding f {r.registrationId, r.platform, r.templateName, {}, {}};
        const auto document = TemplateDocument::parse(source);
        if (!document) {
            f.error = document.error();
        } else if (auto e = document->firstError()) {
            f.error = *e;
        } else {
            for (const QString &p : document->properties()) {
                used.insert(templatePropertyKey(p));
                if (!bag->contains(p))
                    f.missing << p;
            }
        }
        if (f.error || !f.missing.isEmpty())
            report.findings.append(f);
    }
    for (const auto &[name, value] : bag->properties()) {
        if (!used.contains(templatePropertyKey(name)) && !report.unused.contains(name))
            report.unused << name;
    }
    return report;
}

void TemplatePropertyCheck::start(const Notification &n)
{
    m_notification = n;
    m_report = {};
    HubClient::ListQuery query;
    if (n.target.kind == TargetKind::Tags) {
        // One tag: the hub's listing by tag is exactly the registrations it reaches.
        const QString tag = n.target.tagExpression.trimmed();
        if (validateTag(tag, false).ok())
            query.tag = tag;
    }
    m_collector->start(query);
}

void TemplatePropertyCheck::cancel()
{
    m_collector->cancel();
}

} // namespace Nh
