// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "emulator/emulatorlog.h"

#include "protocol/platform.h"

#include <QCoreApplication>
#include <QJsonArray>

using namespace Qt::Literals::StringLiterals;

namespace Nh {

namespace {

/** The translation context of this file's messages; lupdate reads it from here. */
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Nh::EmulatorLogEntry)
};

QJsonArray headersToJson(const HttpHeaders &h)
{
    QJsonArray a;
    for (const auto &[n, v] : h)
        a.append(QJsonArray {QString::fromUtf8(n), QString::fromUtf8(v)});
    return a;
}

std::optional<HttpHeaders> headersFromJson(const QJsonValue &value)
{
    if (value.isUndefined())
        return HttpHeaders {};
    if (!value.isArray())
        return std::nullopt;
    HttpHeaders h;
    for (const QJsonValue &pair : value.toArray()) {
        const QJsonArray a = pair.toArray();
        if (a.size() != 2 || !a.at(0).isString() || !a.at(1).isString())
            return std::nullopt;
        h.append({a.at(0).toString().toUtf8(), a.at(1).toString().toUtf8()});
    }
    return h;
}

QDateTime timeFromJson(const QJsonValue &value)
{
    return QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
}

} // namespace

QJsonObject EmulatorDelivery::toJson() const
{
    QJsonObject o {{u"sequence"_s, sequence},
                   {u"time"_s, time.toString(Qt::ISODateWithMs)},
                   {u"hub"_s, hub},
                   {u"registrationId"_s, registrationId},
                   {u"platform"_s, platformWireName(platform)},
                   {u"handle"_s, handle},
                   {u"format"_s, format},
                   {u"headers"_s, headersToJson(headers)},
                   {u"payload"_s, QString::fromUtf8(payload)},
                   {u"truncated"_s, truncated},
                   {u"outcome"_s, outcome},
                   {u"test"_s, test}};
    if (!installationId.isEmpty())
        o.insert(u"installationId"_s, installationId);
    if (!templateName.isEmpty())
        o.insert(u"templateName"_s, templateName);
    if (!notificationId.isEmpty())
        o.insert(u"notificationId"_s, notificationId);
    if (!tags.isEmpty())
        o.insert(u"tags"_s, QJsonArray::fromStringList(tags));
    return o;
}

std::optional<EmulatorDelivery> EmulatorDelivery::fromJson(const QJsonObject &o)
{
    EmulatorDelivery d;
    const auto platform = platformFromWireName(o.value(u"platform"_s).toString());
    const auto headers = headersFromJson(o.value(u"headers"_s));
    if (!o.value(u"sequence"_s).isDouble() || !platform || !headers
        || !o.value(u"registrationId"_s).isString())
        return std::nullopt;
    d.sequence = o.value(u"sequence"_s).toInteger();
    d.time = timeFromJson(o.value(u"time"_s));
    d.hub = o.value(u"hub"_s).toString();
    d.registrationId = o.value(u"registrationId"_s).toString();
    d.installationId = o.value(u"installationId"_s).toString();
    d.platform = *platform;
    d.handle = o.value(u"handle"_s).toString();
    d.format = o.value(u"format"_s).toString();
    d.templateName = o.value(u"templateName"_s).toString();
    d.headers = *headers;
    d.payload = o.value(u"payload"_s).toString().toUtf8();
    d.truncated = o.value(u"truncated"_s).toBool();
    d.outcome = o.value(u"outcome"_s).toString();
    d.notificationId = o.value(u"notificationId"_s).toString();
    d.test = o.value(u"test"_s).toBool();
    for (const QJsonValue &tag : o.value(u"tags"_s).toArray())
        d.tags.append(tag.toString());
    return d;
}

std::optional<EmulatorLogEntry> EmulatorLogEntry::fromJson(const QJsonObject &o)
{
    EmulatorLogEntry e;
    const auto requestHeaders = headersFromJson(o.value(u"requestHeaders"_s));
    const auto responseHeaders = headersFromJson(o.value(u"responseHeaders"_s));
    if (!o.value(u"sequence"_s).isDouble() || !o.value(u"method"_s).isString()
        || !o.value(u"url"_s).isString() || !requestHeaders || !responseHeaders)
        return std::nullopt;
    e.sequence = o.value(u"sequence"_s).toInteger();
    e.time = timeFromJson(o.value(u"time"_s));
    e.operation = o.value(u"operation"_s).toString();
    e.hub = o.value(u"hub"_s).toString();
    e.method = o.value(u"method"_s).toString().toLatin1();
    e.url = o.value(u"url"_s).toString();
    e.requestHeaders = *requestHeaders;
    e.requestBody = o.value(u"requestBody"_s).toString().toUtf8();
    e.status = o.value(u"status"_s).toInt();
    e.responseHeaders = *responseHeaders;
    e.responseBody = o.value(u"responseBody"_s).toString().toUtf8();
    e.fault = o.value(u"fault"_s).toString();
    e.elapsedMicroseconds = o.value(u"elapsedMicroseconds"_s).toInteger();
    for (const QJsonValue &v : o.value(u"deliveries"_s).toArray()) {
        auto d = EmulatorDelivery::fromJson(v.toObject());
        if (!d)
            return std::nullopt;
        e.deliveries.append(*d);
    }
    e.deliveryCount = o.value(u"deliveryCount"_s).toInteger(e.deliveries.size());
    return e;
}

QJsonObject EmulatorLogEntry::toJson() const
{
    const auto headers = headersToJson;
    QJsonObject o {{u"sequence"_s, sequence},
                   {u"time"_s, time.toString(Qt::ISODateWithMs)},
                   {u"operation"_s, operation},
                   {u"hub"_s, hub},
                   {u"method"_s, QString::fromLatin1(method)},
                   {u"url"_s, url},
                   {u"requestHeaders"_s, headers(requestHeaders)},
                   {u"requestBody"_s, QString::fromUtf8(requestBody)},
                   {u"status"_s, status},
                   {u"responseHeaders"_s, headers(responseHeaders)},
                   {u"responseBody"_s, QString::fromUtf8(responseBody)},
                   {u"fault"_s, fault},
                   {u"elapsedMicroseconds"_s, elapsedMicroseconds}};
    if (!renders.isEmpty()) {
        QJsonArray a;
        for (const EmulatorRender &r : renders)
            a.append(r.toJson());
        o.insert(u"renders"_s, a);
    }
    if (!deliveries.isEmpty() || deliveryCount > 0) {
        QJsonArray a;
        for (const EmulatorDelivery &d : deliveries)
            a.append(d.toJson());
        o.insert(u"deliveries"_s, a);
        o.insert(u"deliveryCount"_s, deliveryCount);
    }
    return o;
}

QString EmulatorLogEntry::summary() const
{
    const QString result = status ? QString::number(status) : Tr::tr("(no response)");
    QString line = time.toLocalTime().toString(u"hh:mm:ss.zzz"_s) + u' '
        + QString::fromLatin1(method) + u' ' + url + u' ' + result + u' ' + operation + u' '
        + QString::number(double(elapsedMicroseconds) / 1000.0, 'f', 1) + u" ms"_s;
    if (!fault.isEmpty())
        line += u" [fault: "_s + fault + u']';
    return line;
}

QString EmulatorLogEntry::text() const
{
    QString out = summary();
    const auto line = [&out](int indent, const QString &text) {
        out += u'\n' + QString(indent, u' ') + text;
    };
    for (const EmulatorRender &r : renders) {
        const QString name =
            r.templateName.isEmpty() ? QString() : u" \""_s + r.templateName + u'"';
        line(2,
             Tr::tr("%1 template%2 %3: %4")
                 .arg(platformWireName(r.platform), name, r.registrationId, r.outcome));
        if (!r.problem.isEmpty())
            line(4, Tr::tr("refused: %1").arg(r.problem));
        for (const auto &[n, v] : r.headers)
            line(4, QString::fromUtf8(n) + u": "_s + QString::fromUtf8(v));
        if (!r.expiry.isEmpty())
            line(4, Tr::tr("expiry: %1").arg(r.expiry));
        if (!r.priority.isEmpty())
            line(4, Tr::tr("priority: %1").arg(r.priority));
        if (!r.body.isEmpty() || r.problem.isEmpty())
            line(4,
                 r.truncated ? Tr::tr("payload (cut): %1").arg(r.body)
                             : Tr::tr("payload: %1").arg(r.body));
        if (!r.missingProperties.isEmpty())
            line(4, Tr::tr("not sent, rendered empty: %1").arg(r.missingProperties.join(u", "_s)));
        if (!r.emptySubstitutions.isEmpty())
            line(4, Tr::tr("empty: %1").arg(r.emptySubstitutions.join(u", "_s)));
        for (const QString &w : r.warnings)
            line(4, Tr::tr("warning: %1").arg(w));
    }
    return out;
}

} // namespace Nh
