// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/clijson.h"

#include "common/redaction.h"
#include "protocol/hubdescription.h"
#include "protocol/installation.h"

#include <QJsonDocument>

using namespace Qt::Literals::StringLiterals;

namespace Nh {

namespace {

QJsonValue timeValue(const QDateTime &t)
{
    return t.isValid() ? QJsonValue(t.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue();
}

QString bodyText(const QByteArray &body)
{
    return redactSecrets(QString::fromUtf8(redactHubDescriptionXml(body)));
}

} // namespace

QJsonObject errorToJson(const Error &error)
{
    QJsonObject o {{u"code"_s, errorCodeName(error.code)}, {u"message"_s, error.message}};
    if (error.offset >= 0) {
        o.insert(u"offset"_s, qint64(error.offset));
        o.insert(u"length"_s, qint64(error.length));
    }
    if (error.line > 0) {
        o.insert(u"line"_s, error.line);
        o.insert(u"column"_s, error.column);
    }
    if (!error.where.isEmpty())
        o.insert(u"where"_s, error.where);
    return o;
}

QJsonArray warningsToJson(const QList<Warning> &warnings)
{
    QJsonArray a;
    for (const Warning &w : warnings) {
        QJsonObject o {{u"message"_s, w.message}};
        if (w.offset >= 0) {
            o.insert(u"offset"_s, qint64(w.offset));
            o.insert(u"length"_s, qint64(w.length));
        }
        a.append(o);
    }
    return a;
}

QJsonArray headersToJson(const HttpHeaders &headers)
{
    QJsonArray a;
    for (const auto &[name, value] : headers)
        a.append(QJsonArray {QString::fromLatin1(name), QString::fromUtf8(value)});
    return a;
}

QJsonObject outcomeToJson(const NotificationOutcome &outcome)
{
    QJsonArray results;
    for (const RegistrationResult &r : outcome.results) {
        results.append(QJsonObject {{u"applicationPlatform"_s, r.applicationPlatform},
                                    {u"pnsHandle"_s, r.pnsHandle},
                                    {u"registrationId"_s, r.registrationId},
                                    {u"outcome"_s, r.outcome}});
    }
    return {
        {u"success"_s, outcome.success}, {u"failure"_s, outcome.failure}, {u"results"_s, results}};
}

QJsonObject registrationToJson(const Registration &r)
{
    QJsonObject o {{u"registrationId"_s, r.registrationId},
                   {u"kind"_s, r.kindName()},
                   {u"platform"_s, platformWireName(r.platform)},
                   {u"isTemplate"_s, r.isTemplate},
                   {u"etag"_s, r.etag},
                   {u"handleElement"_s, r.handleElementName()},
                   {u"handle"_s, r.handle},
                   {u"tags"_s, QJsonArray::fromStringList(r.tags)},
                   {u"expirationTime"_s, timeValue(r.expirationTime)}};
    if (!r.pushVariables.isEmpty())
        o.insert(u"pushVariables"_s, r.pushVariables);
    if (!r.secondaryTileName.isEmpty())
        o.insert(u"secondaryTileName"_s, r.secondaryTileName);
    if (!r.baiduUserId.isEmpty())
        o.insert(u"baiduUserId"_s, r.baiduUserId);
    if (!r.p256dh.isEmpty())
        o.insert(u"p256dh"_s, r.p256dh);
    if (!r.auth.isEmpty())
        o.insert(u"auth"_s, r.auth);
    if (r.isTemplate) {
        o.insert(u"bodyTemplate"_s, r.bodyTemplate);
        o.insert(u"templateName"_s, r.templateName);
        if (!r.expiry.isEmpty())
            o.insert(u"expiry"_s, r.expiry);
        if (!r.priority.isEmpty())
            o.insert(u"priority"_s, r.priority);
        QJsonArray headers;
        for (const TemplateHeader &h : r.headers)
            headers.append(QJsonArray {h.name, h.value});
        if (!headers.isEmpty())
            o.insert(u"headers"_s, headers);
    }
    return o;
}

QJsonObject installationToJson(const Installation &installation)
{
    return QJsonDocument::fromJson(installationJson(installation)).object();
}

QJsonObject detailsToJson(const NotificationDetails &d)
{
    QJsonArray counts;
    for (const PlatformOutcomeCounts &p : d.outcomeCounts) {
        QJsonArray outcomes;
        for (const OutcomeCount &c : p.outcomes)
            outcomes.append(QJsonObject {{u"name"_s, c.name}, {u"count"_s, c.count}});
        counts.append(QJsonObject {{u"platform"_s, p.platform}, {u"outcomes"_s, outcomes}});
    }
    return {{u"notificationId"_s, d.notificationId},
            {u"location"_s, d.location},
            {u"state"_s, d.stateText.isEmpty() ? notificationStateName(d.state) : d.stateText},
            {u"enqueueTime"_s, timeValue(d.enqueueTime)},
            {u"startTime"_s, timeValue(d.startTime)},
            {u"endTime"_s, timeValue(d.endTime)},
            {u"notificationBody"_s, d.notificationBody},
            {u"tags"_s, d.tags},
            {u"targetPlatforms"_s, QJsonArray::fromStringList(d.targetPlatforms)},
            {u"outcomeCounts"_s, counts},
            {u"pnsErrorDetailsUri"_s, redactSecrets(d.pnsErrorDetailsUri)}};
}

QJsonObject hubErrorToJson(const HubErrorBody &body)
{
    return {{u"code"_s, body.code},
            {u"detail"_s, body.detail},
            {u"text"_s, body.text},
            {u"trackingId"_s, body.trackingId},
            {u"timeStamp"_s, body.timeStamp}};
}

QJsonObject exchangeToJson(const Exchange &e)
{
    QJsonObject request {{u"method"_s, QString::fromLatin1(e.method)},
                         {u"url"_s, e.url.toString()},
                         {u"headers"_s, headersToJson(e.requestHeaders)},
                         {u"body"_s, bodyText(e.requestBody)}};
    QJsonObject o {{u"id"_s, e.id.toString(QUuid::WithoutBraces)},
                   {u"operation"_s, e.operation},
                   {u"hub"_s, e.hub},
                   {u"started"_s, timeValue(e.started)},
                   {u"result"_s, exchangeResultName(e.result)},
                   {u"ok"_s, e.ok()},
                   {u"status"_s, e.status},
                   {u"request"_s, request}};
    if (e.status != 0) {
        o.insert(u"response"_s,
                 QJsonObject {{u"status"_s, e.status},
                              {u"reason"_s, QString::fromLatin1(e.reasonPhrase)},
                              {u"headers"_s, headersToJson(e.responseHeaders)},
                              {u"body"_s, bodyText(e.responseBody)}});
    }
    o.insert(u"timings"_s,
             QJsonObject {{u"timeToFirstByteMs"_s, e.timeToFirstByteMs},
                          {u"totalMs"_s, e.totalMs},
                          {u"attempts"_s, qint64(e.attempts.size())}});
    if (!e.notificationId.isEmpty())
        o.insert(u"notificationId"_s, e.notificationId);
    if (!e.trackingId.isEmpty())
        o.insert(u"trackingId"_s, e.trackingId);
    if (!e.location.isEmpty())
        o.insert(u"location"_s, e.location);
    if (!e.etag.isEmpty())
        o.insert(u"etag"_s, e.etag);
    if (!e.continuationToken.isEmpty())
        o.insert(u"continuationToken"_s, e.continuationToken);
    if (e.token) {
        o.insert(u"token"_s,
                 QJsonObject {{u"resource"_s, e.token->resource},
                              {u"keyName"_s, e.token->keyName},
                              {u"expiry"_s, e.token->expiry}});
    }
    if (e.outcome)
        o.insert(u"outcome"_s, outcomeToJson(*e.outcome));
    if (e.registration)
        o.insert(u"registration"_s, registrationToJson(*e.registration));
    if (e.feed) {
        QJsonArray entries;
        for (const Registration &r : e.feed->entries)
            entries.append(registrationToJson(r));
        o.insert(u"feed"_s, entries);
    }
    if (e.installation)
        o.insert(u"installation"_s, installationToJson(*e.installation));
    if (e.details)
        o.insert(u"details"_s, detailsToJson(*e.details));
    if (e.hubError)
        o.insert(u"hubError"_s, hubErrorToJson(*e.hubError));
    if (!e.ok()) {
        QJsonObject error = e.error ? errorToJson(*e.error) : QJsonObject();
        error.insert(u"code"_s, errorCodeName(exchangeErrorCode(e)));
        error.insert(u"message"_s, e.errorSentence);
        o.insert(u"error"_s, error);
    }
    return o;
}

} // namespace Nh
