// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "exchangeexport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringDecoder>

using namespace Qt::Literals::StringLiterals;

namespace ExchangeExport {

namespace {

QJsonArray headersJson(const Nh::HttpHeaders &headers)
{
    QJsonArray out;
    for (const auto &[name, value] : headers)
        out.append(QJsonArray {QString::fromUtf8(name), QString::fromUtf8(value)});
    return out;
}

/** Text bodies as text; anything that is not UTF-8 as base64, saying so. */
void putBody(QJsonObject &into, const QByteArray &body)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decoder(body);
    if (!decoder.hasError()) {
        into[u"body"_s] = text;
    } else {
        into[u"bodyBase64"_s] = QString::fromLatin1(body.toBase64());
    }
}

} // namespace

QString shellQuote(const QString &s)
{
    QString quoted = s;
    quoted.replace(u'\'', u"'\\''"_s);
    return u'\'' + quoted + u'\'';
}

QString curlCommand(const Nh::Exchange &exchange, Nh::Reveal reveal,
                    const QString &caCertificatePath)
{
    QStringList lines;
    QString first = u"curl -X "_s + QString::fromLatin1(exchange.method) + u' '
        + shellQuote(exchange.url.toString(QUrl::FullyEncoded));
    if (!caCertificatePath.isEmpty())
        first += u" --cacert "_s + shellQuote(caCertificatePath);
    lines.append(first);
    for (const auto &[name, value] : exchange.requestHeadersFor(reveal)) {
        lines.append(u"  -H "_s
                     + shellQuote(QString::fromUtf8(name) + u": "_s + QString::fromUtf8(value)));
    }
    if (!exchange.requestBody.isEmpty())
        lines.append(u"  --data-binary "_s + shellQuote(QString::fromUtf8(exchange.requestBody)));
    return lines.join(u" \\\n"_s);
}

QByteArray json(const Nh::Exchange &e, Nh::Reveal reveal)
{
    QJsonObject request {
        {u"method"_s, QString::fromLatin1(e.method)},
        {u"url"_s, e.url.toString(QUrl::FullyEncoded)},
        {u"headers"_s, headersJson(e.requestHeadersFor(reveal))},
    };
    putBody(request, e.requestBody);

    QJsonObject root {
        {u"id"_s, e.id.toString(QUuid::WithoutBraces)},
        {u"operation"_s, e.operation},
        {u"hub"_s, e.hub},
        {u"started"_s, e.started.toUTC().toString(Qt::ISODateWithMs)},
        {u"result"_s, Nh::exchangeResultName(e.result)},
        {u"request"_s, request},
    };
    if (!e.errorSentence.isEmpty())
        root[u"error"_s] = e.errorSentence;
    if (e.status > 0) {
        QJsonObject response {
            {u"status"_s, e.status},
            {u"reason"_s, QString::fromUtf8(e.reasonPhrase)},
            {u"headers"_s, headersJson(e.responseHeaders)},
        };
        putBody(response, e.responseBody);
        root[u"response"_s] = response;
    }
    if (e.hubError) {
        root[u"hubError"_s] = QJsonObject {{u"code"_s, e.hubError->code},
                                           {u"detail"_s, e.hubError->detail},
                                           {u"trackingId"_s, e.hubError->trackingId}};
    }
    if (e.outcome) {
        QJsonArray results;
        for (const auto &r : e.outcome->results) {
            results.append(QJsonObject {{u"applicationPlatform"_s, r.applicationPlatform},
                                        {u"pnsHandle"_s, r.pnsHandle},
                                        {u"registrationId"_s, r.registrationId},
                                        {u"outcome"_s, r.outcome}});
        }
        root[u"outcome"_s] = QJsonObject {{u"success"_s, e.outcome->success},
                                          {u"failure"_s, e.outcome->failure},
                                          {u"results"_s, results}};
    }
    if (!e.notificationId.isEmpty())
        root[u"notificationId"_s] = e.notificationId;
    if (!e.trackingId.isEmpty())
        root[u"trackingId"_s] = e.trackingId;
    QJsonArray attempts;
    for (const auto &a : e.attempts) {
        QJsonObject o {{u"started"_s, a.started.toUTC().toString(Qt::ISODateWithMs)},
                       {u"status"_s, a.status},
                       {u"totalMs"_s, a.totalMs}};
        if (a.retryAfterSeconds >= 0)
            o[u"retryAfterSeconds"_s] = a.retryAfterSeconds;
        attempts.append(o);
    }
    root[u"timings"_s] = QJsonObject {{u"timeToFirstByteMs"_s, e.timeToFirstByteMs},
                                      {u"totalMs"_s, e.totalMs},
                                      {u"attempts"_s, attempts}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

} // namespace ExchangeExport
