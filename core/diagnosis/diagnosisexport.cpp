// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "diagnosis/diagnosisexport.h"

#include "common/redaction.h"
#include "protocol/hubdescription.h"
#include "store/history/historytypes.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace Nh::DiagnosisExport {

namespace {

/** The translation context of the exports' words. */
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Nh::DiagnosisExport)
};

/** Bodies are cut here in the JSON (the exchange view has them whole). */
constexpr qsizetype kMaxBody = 16 * 1024;
/** Shorter values are not searched for in free text: they would match ordinary words. */
constexpr qsizetype kMinSecretLength = 6;

/**
 * Removes secrets from every text of an export: Nh::redactSecrets (SharedAccessKey=, sig=) and
 * then every secret value the report's own evidence holds (a SAS header, the signature of a
 * decoded token, a hub description's rule keys and secret PNS properties), wherever a check's
 * text or a body may have copied it.
 */
class Scrubber
{
public:
    explicit Scrubber(const DiagnosisReport &report)
    {
        for (const Exchange &e : report.exchanges) {
            add(e.authorization);
            if (e.token) {
                add(e.token->rawSig);
                add(e.token->signature);
            }
            if (e.hubDescription)
                addDescription(*e.hubDescription);
            for (const QByteArray *body : {&e.requestBody, &e.responseBody}) {
                if (body->contains("NotificationHubDescription")) {
                    if (auto d = parseHubDescription(*body))
                        addDescription(*d);
                }
            }
            for (const auto &[name, value] : e.requestHeaders) {
                if (isSecretHeader(name))
                    add(QString::fromUtf8(value));
            }
        }
        // The longest first, so that a secret containing another is replaced whole.
        std::sort(m_secrets.begin(), m_secrets.end(),
                  [](const QString &a, const QString &b) { return a.size() > b.size(); });
    }

    QString text(const QString &in) const
    {
        QString out = redactSecrets(in);
        for (const QString &s : m_secrets)
            out.replace(s, kRedacted.toString());
        return out;
    }
    QByteArray bytes(const QByteArray &in) const
    {
        return text(QString::fromUtf8(redactHubDescriptionXml(redactSecrets(in)))).toUtf8();
    }
    QStringList list(const QStringList &in) const
    {
        QStringList out;
        out.reserve(in.size());
        for (const QString &s : in)
            out << text(s);
        return out;
    }

private:
    void add(const QString &value)
    {
        const QString v = value.trimmed();
        if (v.size() >= kMinSecretLength && v != kRedacted && !m_secrets.contains(v))
            m_secrets << v;
    }
    void addDescription(const HubDescription &d)
    {
        for (const AuthorizationRule &r : d.authorizationRules) {
            add(r.primaryKey);
            add(r.secondaryKey);
        }
        for (const PnsCredential &c : d.credentials) {
            for (const auto &[name, value] : c.properties) {
                if (isSecretPnsProperty(c.kind, name))
                    add(value);
            }
        }
    }

    QStringList m_secrets;
};

QString isoTime(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QString sendFormat(const DiagnosisSend &send)
{
    return send.format ? formatWireName(*send.format) : QString();
}

/** The path and query of a request, as the evidence lists name it. */
QString requestPath(const Exchange &e)
{
    const QString query = e.url.query(QUrl::FullyDecoded);
    return e.url.path() + (query.isEmpty() ? QString() : u'?' + query);
}

QJsonArray headersJson(const HttpHeaders &headers, const Scrubber &scrub)
{
    QJsonArray out;
    for (const auto &[name, value] : headers)
        out.append(QJsonObject {{u"name"_s, QString::fromLatin1(name)},
                                {u"value"_s, scrub.text(QString::fromUtf8(value))}});
    return out;
}

QJsonValue bodyJson(const QByteArray &body, const Scrubber &scrub)
{
    if (body.isEmpty())
        return QJsonValue::Null;
    const QByteArray clean = scrub.bytes(body);
    QString text = QString::fromUtf8(clean.left(kMaxBody));
    if (clean.size() > kMaxBody)
        text += QChar(0x2026);
    return text;
}

QJsonObject registrationJson(const Registration &r, const Scrubber &scrub)
{
    QJsonObject o {
        {u"registrationId"_s, r.registrationId},
        {u"platform"_s, platformWireName(r.platform)},
        {u"template"_s, r.isTemplate},
        {u"handle"_s, r.handle},
        {u"tags"_s, QJsonArray::fromStringList(r.tags)},
        {u"expirationTime"_s, isoTime(r.expirationTime)},
        {u"etag"_s, r.etag},
    };
    if (r.isTemplate) {
        o.insert(u"templateName"_s, r.templateName);
        o.insert(u"bodyTemplate"_s, scrub.text(r.bodyTemplate));
    }
    // The Web Push subscription's auth secret is a credential of the browser's; p256dh is public.
    if (!r.p256dh.isEmpty())
        o.insert(u"p256dh"_s, r.p256dh);
    if (!r.auth.isEmpty())
        o.insert(u"auth"_s, kRedacted.toString());
    return o;
}

QJsonValue installationJsonValue(const Installation &inst, const Scrubber &scrub)
{
    QJsonObject o = QJsonDocument::fromJson(scrub.bytes(installationJson(inst))).object();
    if (const auto browser = inst.browserPushChannel()) {
        o.insert(u"pushChannel"_s,
                 QJsonObject {{u"endpoint"_s, browser->endpoint},
                              {u"p256dh"_s, browser->p256dh},
                              {u"auth"_s, kRedacted.toString()}});
    }
    return o;
}

QJsonObject exchangeJson(const Exchange &raw, const Scrubber &scrub)
{
    // The history's redaction first: headers, URL, bodies, token and hub descriptions.
    const Exchange e = historyRecordFor(raw).exchange;
    return QJsonObject {
        {u"id"_s, e.id.toString(QUuid::WithoutBraces)},
        {u"operation"_s, e.operation},
        {u"started"_s, isoTime(e.started)},
        {u"method"_s, QString::fromLatin1(e.method)},
        {u"url"_s, scrub.text(e.url.toString())},
        {u"path"_s, scrub.text(requestPath(e))},
        {u"status"_s, e.status},
        {u"result"_s, exchangeResultName(e.result)},
        {u"totalMs"_s, e.totalMs},
        {u"requestHeaders"_s, headersJson(e.requestHeaders, scrub)},
        {u"requestBody"_s, bodyJson(e.requestBody, scrub)},
        {u"responseHeaders"_s, headersJson(e.responseHeaders, scrub)},
        {u"responseBody"_s, bodyJson(e.responseBody, scrub)},
        {u"error"_s, scrub.text(e.errorSentence)},
    };
}

QJsonValue sendJson(const std::optional<DiagnosisSend> &send, const Scrubber &scrub)
{
    if (!send)
        return QJsonValue::Null;
    QJsonObject properties;
    for (auto it = send->properties.cbegin(); it != send->properties.cend(); ++it)
        properties.insert(it.key(), scrub.text(it.value()));
    const HttpHeaders headers = redactHeaders(send->headers);
    return QJsonObject {
        {u"format"_s, send->format ? QJsonValue(sendFormat(*send)) : QJsonValue::Null},
        {u"tags"_s, send->tagExpression},
        {u"properties"_s, properties},
        {u"headers"_s, headersJson(headers, scrub)},
        {u"exchangeId"_s,
         send->exchangeId.isNull() ? QJsonValue::Null
                                   : QJsonValue(send->exchangeId.toString(QUuid::WithoutBraces))},
    };
}

/** Markdown table cells: no line breaks, pipes escaped. */
QString cell(QString text)
{
    text.replace(u'\n', u' ');
    text.replace(u"|"_s, u"\\|"_s);
    return text;
}

/** A fence that the text cannot close. */
QString fenced(const QString &text, const QString &language = {})
{
    QString fence = u"```"_s;
    while (text.contains(fence))
        fence += u'`';
    return fence + language + u'\n' + text + (text.endsWith(u'\n') ? u""_s : u"\n"_s) + fence
        + u'\n';
}

} // namespace

QByteArray toMarkdown(const DiagnosisReport &report)
{
    const Scrubber scrub(report);
    QString md;
    md += u"# "_s
        + Tr::tr("Diagnosis: %1 on hub %2")
              .arg(scrub.text(report.subject.displayText()), scrub.text(report.hub))
        + u"\n\n"_s;
    md += u"**"_s + scrub.text(report.verdictLine()) + u"**\n\n"_s;
    md += u"- "_s
        + Tr::tr("Subject: %1 `%2`")
              .arg(DiagnosisSubject::kindKey(report.subject.kind), scrub.text(report.subject.value))
        + u'\n';
    if (!report.profileName.isEmpty())
        md += u"- "_s + Tr::tr("Profile: %1").arg(scrub.text(report.profileName)) + u'\n';
    if (report.send && !report.send->isEmpty()) {
        const DiagnosisSend &s = *report.send;
        QStringList props;
        for (auto it = s.properties.cbegin(); it != s.properties.cend(); ++it)
            props << it.key() + u'=' + it.value();
        md += u"- "_s
            + Tr::tr("Send: format %1, tags `%2`")
                  .arg(s.format ? sendFormat(s) : Tr::tr("(any)"),
                       s.tagExpression.isEmpty() ? Tr::tr("(broadcast)")
                                                 : scrub.text(s.tagExpression));
        if (!props.isEmpty())
            md += u", "_s + Tr::tr("properties %1").arg(scrub.text(props.join(u", "_s)));
        md += u'\n';
    } else {
        md += u"- "_s + Tr::tr("Send: none given") + u'\n';
    }
    md += u"- "_s
        + Tr::tr("Started %1, %n request(s)", nullptr, report.requests())
              .arg(isoTime(report.started))
        + (report.cancelled ? u" ("_s + Tr::tr("cancelled") + u')' : QString()) + u"\n\n"_s;

    md += u"## "_s + Tr::tr("Checks") + u"\n\n"_s;
    md += u"| # | "_s + Tr::tr("Check") + u" | "_s + Tr::tr("Verdict") + u" | "_s
        + Tr::tr("Summary") + u" |\n|---|---|---|---|\n"_s;
    int n = 0;
    for (const DiagnosisCheck &c : report.checks) {
        md += u"| %1 | %2 | %3 | %4 |\n"_s.arg(++n).arg(cell(diagnosisCheckTitle(c.id)),
                                                        cell(diagnosisVerdictName(c.verdict)),
                                                        cell(scrub.text(c.summary)));
    }
    md += u'\n';

    n = 0;
    for (const DiagnosisCheck &c : report.checks) {
        md += u"### %1. %2: %3\n\n"_s.arg(++n).arg(diagnosisCheckTitle(c.id),
                                                   diagnosisVerdictName(c.verdict));
        if (!c.summary.isEmpty())
            md += scrub.text(c.summary) + u"\n\n"_s;
        for (const QString &line : scrub.list(c.details))
            md += u"- "_s + line + u'\n';
        if (!c.details.isEmpty())
            md += u'\n';
        if (!c.nextStep.isEmpty())
            md += u"**"_s + Tr::tr("Next step:") + u"** "_s + scrub.text(c.nextStep) + u"\n\n"_s;
        for (auto it = c.rendered.cbegin(); it != c.rendered.cend(); ++it) {
            md += Tr::tr("Rendered for registration %1:").arg(it.key()) + u'\n';
            md += fenced(QString::fromUtf8(scrub.bytes(it.value())), u"json"_s) + u'\n';
        }
        if (!c.evidence.isEmpty()) {
            md += Tr::tr("Evidence:") + u'\n';
            for (const QUuid &id : c.evidence) {
                if (const Exchange *e = report.exchange(id)) {
                    const Exchange r = historyRecordFor(*e).exchange;
                    md += u"- `%1 %2` %3\n"_s.arg(
                        QString::fromLatin1(r.method), scrub.text(requestPath(r)),
                        r.status ? QString::number(r.status) : exchangeResultName(r.result));
                }
            }
            md += u'\n';
        }
    }

    if (!report.registrations.isEmpty()) {
        md += u"## "_s + Tr::tr("Registrations") + u"\n\n"_s;
        md += u"| "_s + Tr::tr("Registration") + u" | "_s + Tr::tr("Platform") + u" | "_s
            + Tr::tr("Handle") + u" | "_s + Tr::tr("Tags") + u" | "_s + Tr::tr("Expires")
            + u" |\n|---|---|---|---|---|\n"_s;
        for (const Registration &r : report.registrations) {
            const QString platform = platformWireName(r.platform)
                + (r.isTemplate ? u" ("_s + Tr::tr("template %1").arg(r.templateName) + u')'
                                : QString());
            md += u"| %1 | %2 | %3 | %4 | %5 |\n"_s.arg(
                cell(r.registrationId), cell(platform), cell(u'`' + r.handle + u'`'),
                cell(r.tags.join(u", "_s)),
                r.expirationTime == Registration::neverExpires() ? Tr::tr("never")
                                                                 : isoTime(r.expirationTime));
        }
        md += u'\n';
    }
    if (report.installation) {
        md += u"## "_s + Tr::tr("Installation") + u"\n\n"_s;
        md +=
            fenced(QString::fromUtf8(
                       QJsonDocument(installationJsonValue(*report.installation, scrub).toObject())
                           .toJson(QJsonDocument::Indented)),
                   u"json"_s)
            + u'\n';
    }

    if (!report.exchanges.isEmpty()) {
        md += u"## "_s + Tr::tr("Requests") + u"\n\n"_s;
        n = 0;
        for (const Exchange &raw : report.exchanges) {
            const Exchange e = historyRecordFor(raw).exchange;
            md += u"%1. `%2 %3` %4 (%5)\n\n"_s.arg(++n).arg(
                QString::fromLatin1(e.method), scrub.text(requestPath(e)),
                e.status ? QString::number(e.status) : QStringLiteral("-"),
                exchangeResultName(e.result));
            QString headers;
            for (const auto &[name, value] : e.requestHeaders)
                headers += QString::fromLatin1(name) + u": "_s
                    + scrub.text(QString::fromUtf8(value)) + u'\n';
            if (!headers.isEmpty())
                md += fenced(headers, u"http"_s) + u'\n';
        }
    }
    return md.toUtf8();
}

QJsonObject toJson(const DiagnosisReport &report)
{
    const Scrubber scrub(report);
    QJsonArray checks;
    for (const DiagnosisCheck &c : report.checks) {
        QJsonArray evidence;
        for (const QUuid &id : c.evidence)
            evidence.append(id.toString(QUuid::WithoutBraces));
        QJsonObject rendered;
        for (auto it = c.rendered.cbegin(); it != c.rendered.cend(); ++it)
            rendered.insert(it.key(), QString::fromUtf8(scrub.bytes(it.value())));
        checks.append(QJsonObject {
            {u"key"_s, diagnosisCheckKey(c.id)},
            {u"title"_s, diagnosisCheckTitle(c.id)},
            {u"verdict"_s, diagnosisVerdictKey(c.verdict)},
            {u"summary"_s, scrub.text(c.summary)},
            {u"details"_s, QJsonArray::fromStringList(scrub.list(c.details))},
            {u"nextStep"_s, scrub.text(c.nextStep)},
            {u"evidence"_s, evidence},
            {u"weight"_s, c.weight},
            {u"registrationIds"_s, QJsonArray::fromStringList(c.registrationIds)},
            {u"rendered"_s, rendered},
        });
    }
    QJsonArray exchanges;
    for (const Exchange &e : report.exchanges)
        exchanges.append(exchangeJson(e, scrub));
    QJsonArray registrations;
    for (const Registration &r : report.registrations)
        registrations.append(registrationJson(r, scrub));
    const DiagnosisCheck *cause = report.likelyCause();
    QJsonObject subject {{u"kind"_s, DiagnosisSubject::kindKey(report.subject.kind)},
                         {u"value"_s, scrub.text(report.subject.value)},
                         {u"platform"_s,
                          report.subject.platform
                              ? QJsonValue(platformWireName(*report.subject.platform))
                              : QJsonValue::Null}};
    return QJsonObject {
        {u"version"_s, kJsonVersion},
        {u"hub"_s, scrub.text(report.hub)},
        {u"profile"_s, scrub.text(report.profileName)},
        {u"subject"_s, subject},
        {u"send"_s, sendJson(report.send, scrub)},
        {u"started"_s, isoTime(report.started)},
        {u"finished"_s, isoTime(report.finished)},
        {u"cancelled"_s, report.cancelled},
        {u"verdict"_s, diagnosisVerdictKey(report.overall())},
        {u"likelyCause"_s, cause ? QJsonValue(diagnosisCheckKey(cause->id)) : QJsonValue::Null},
        {u"verdictLine"_s, scrub.text(report.verdictLine())},
        {u"requests"_s, report.requests()},
        {u"checks"_s, checks},
        {u"exchanges"_s, exchanges},
        {u"registrations"_s, registrations},
        {u"installation"_s,
         report.installation ? installationJsonValue(*report.installation, scrub)
                             : QJsonValue::Null},
    };
}

} // namespace Nh::DiagnosisExport
