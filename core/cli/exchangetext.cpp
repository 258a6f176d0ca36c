// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/exchangetext.h"

#include "common/redaction.h"
#include "protocol/hubdescription.h"

#include <QCoreApplication>

using namespace Qt::Literals::StringLiterals;

namespace Nh {

namespace {

/** Longer bodies are cut in the human view (--json has them whole). */
constexpr int kMaxBodyLines = 40;

/** The translation context of this file's messages; lupdate reads it from here. */
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Nh::Cli)
};

void addBody(TextPanel &panel, const QByteArray &body)
{
    if (body.isEmpty())
        return;
    panel.add({});
    const QStringList lines =
        redactSecrets(QString::fromUtf8(redactHubDescriptionXml(body))).split(u'\n');
    for (qsizetype i = 0; i < lines.size() && i < kMaxBodyLines; ++i)
        panel.add(lines.at(i));
    if (lines.size() > kMaxBodyLines)
        panel.add(Tr::tr("… %1 more lines (--json shows the whole body)")
                      .arg(lines.size() - kMaxBodyLines),
                  Tone::Dim);
}

void addHeaders(TextPanel &panel, const HttpHeaders &headers)
{
    for (const auto &[name, value] : headers)
        panel.add(QString::fromLatin1(name) + u": "_s + QString::fromUtf8(value));
}

} // namespace

QJsonObject explanationToJson(const Explanation &explanation)
{
    if (explanation.isEmpty())
        return {};
    return {{u"cause"_s, explanation.cause},
            {u"nextStep"_s, explanation.nextStep},
            {u"docsHint"_s, explanation.docsHint}};
}

TextPanel requestPanel(const Exchange &e)
{
    TextPanel p;
    p.title = Tr::tr("Request");
    p.add(QString::fromLatin1(e.method) + u' ' + e.url.toString(), Tone::Heading);
    addHeaders(p, e.requestHeaders);
    p.add(Tr::tr("(as built; Qt adds Host, Content-Length, Connection and Accept-Encoding)"),
          Tone::Dim);
    addBody(p, e.requestBody);
    return p;
}

TextPanel responsePanel(const Exchange &e)
{
    TextPanel p;
    p.title = Tr::tr("Response");
    const Tone tone = e.result == ExchangeResult::Success ? Tone::Good : Tone::Bad;
    if (e.status == 0) {
        p.add(Tr::tr("No HTTP response"), Tone::Bad);
    } else {
        QString line = QString::number(e.status);
        if (!e.reasonPhrase.isEmpty())
            line += u' ' + QString::fromLatin1(e.reasonPhrase);
        line += u" · "_s + Tr::tr("%1 ms").arg(e.totalMs);
        if (e.timeToFirstByteMs >= 0)
            line += u' ' + Tr::tr("(first byte %1 ms)").arg(e.timeToFirstByteMs);
        p.add(line, tone);
    }
    p.addField(Tr::tr("Result"), exchangeResultDisplayName(e.result), 16, tone);
    if (!e.notificationId.isEmpty())
        p.addField(Tr::tr("Notification id"), e.notificationId);
    if (!e.trackingId.isEmpty())
        p.addField(Tr::tr("Tracking id"), e.trackingId);
    if (!e.etag.isEmpty())
        p.addField(Tr::tr("ETag"), e.etag);
    if (!e.continuationToken.isEmpty())
        p.addField(Tr::tr("Continuation"), e.continuationToken);
    if (e.attempts.size() > 1) {
        QStringList statuses;
        for (const Attempt &a : e.attempts)
            statuses << QString::number(a.status);
        p.addField(Tr::tr("Attempts"), statuses.join(u" → "_s));
    }

    if (e.outcome) {
        p.add({});
        p.add(Tr::tr("Outcome: %1 succeeded, %2 failed")
                  .arg(e.outcome->success)
                  .arg(e.outcome->failure),
              e.outcome->failure == 0 && e.outcome->success > 0 ? Tone::Good : Tone::Bad);
        if (e.outcome->results.isEmpty())
            p.add(Tr::tr("No registration matched the target."), Tone::Bad);
        for (const RegistrationResult &r : e.outcome->results) {
            const bool good = classifyOutcome(r.outcome) == OutcomeKind::Success;
            p.add(u"- "_s + r.applicationPlatform + u"  "_s + r.pnsHandle,
                  good ? Tone::Good : Tone::Bad);
            p.add(u"  "_s + Tr::tr("registration %1").arg(r.registrationId));
            p.add(u"  "_s + r.outcome, good ? Tone::Plain : Tone::Bad);
        }
    }
    if (e.hubError) {
        p.add({});
        p.addField(Tr::tr("Hub error"), QString::number(e.hubError->code), 16, Tone::Bad);
        p.add(e.hubError->detail);
    }
    if (e.status != 0) {
        p.add({});
        addHeaders(p, e.responseHeaders);
        if (!e.outcome && !e.hubError)
            addBody(p, e.responseBody);
    }
    return p;
}

QString exchangeText(const Exchange &e, const TextRenderer &r)
{
    QString out;
    if (e.result == ExchangeResult::Invalid) {
        out += r.labelled(Tr::tr("Not sent:"), e.errorSentence, Tone::Bad);
        return out;
    }
    out += r.panels(requestPanel(e), responsePanel(e));
    out += u'\n';
    if (!e.ok() && !e.errorSentence.isEmpty())
        out += r.labelled(Tr::tr("error:"), e.errorSentence, Tone::Bad);
    const Explanation why = explain(e);
    if (!why.cause.isEmpty())
        out += r.labelled(Tr::tr("cause:"), why.cause, Tone::Heading);
    if (!why.nextStep.isEmpty())
        out += r.labelled(Tr::tr("next:"), why.nextStep, Tone::Heading);
    if (!why.docsHint.isEmpty())
        out += r.labelled(Tr::tr("docs:"), why.docsHint, Tone::Heading);
    return out;
}

QString caretLines(const QString &text, qsizetype offset, qsizetype length)
{
    if (offset < 0)
        return {};
    QString out;
    if (!text.isEmpty())
        out += u"  "_s + TextRenderer::printable(text).replace(u'\n', u' ') + u'\n';
    out += u"  "_s + QString(offset, u' ') + QString(std::max<qsizetype>(length, 1), u'^') + u'\n';
    return out;
}

} // namespace Nh
