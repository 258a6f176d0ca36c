// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "emulator/emulatoroperations.h"
#include "protocol/directbatch.h"
#include "protocol/hubchecks.h"
#include "protocol/notification.h"
#include "protocol/notificationoutcome.h"
#include "protocol/payloadbuilder.h"
#include "protocol/tagexpression.h"

#include <QUuid>

using namespace Qt::Literals::StringLiterals;

namespace Nh::EmulatorOps {

namespace {

/** The headers a hub forwards to the PNS (apns-*, X-WNS-*, X-WindowsPhone-*, …). */
HttpHeaders platformHeaders(const HttpHeaders &headers)
{
    HttpHeaders out;
    for (const auto &h : headers) {
        const QByteArray name = h.first.toLower();
        const bool forwarded = name.startsWith("apns-")
            || (name.startsWith("x-") && !name.startsWith("x-ms-") && !name.startsWith("x-nh-"));
        if (forwarded)
            out.append(h);
    }
    return out;
}

/** What the PNS would say about the payload: Error codes only (warnings are not refusals). */
bool payloadRefusedByPns(Format format, const QByteArray &body, const HttpHeaders &headers)
{
    if (format == Format::Template)
        return false;
    return !payloadBuilder(format).validate(body, platformHeaders(headers)).ok();
}

/**
 * 201 with an absolute Location (`<hub URL>/<locationPath>?api-version=…`), TrackingId,
 * x-ms-correlation-request-id and X-Powered-By: what every kind of send answers
 * (docs/protocol.md §9.7 rule 11). Content-Type only when there is a body (a test send's
 * outcome): the service's empty 201 has none.
 */
EmulatorReply accepted(const Context &c, const QString &locationPath, const QByteArray &body = {},
                       const QString &extraQuery = {})
{
    EmulatorReply r;
    r.status = 201;
    const QByteArray trackingId = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
    const QString location =
        c.hubUrl() + u'/' + locationPath + u"?api-version="_s + c.apiVersion + extraQuery;
    r.headers = {
        {"Location"_ba, location.toUtf8()},
        {"TrackingId"_ba, trackingId},
        {"x-ms-correlation-request-id"_ba, trackingId},
        {"X-Powered-By"_ba, "Azure Notification Hubs"_ba},
    };
    if (!body.isEmpty())
        r.headers.prepend({"Content-Type"_ba, kXml});
    r.body = body;
    return r;
}

/**
 * The 400 a send gets when the hub has no credential for its format (docs/protocol.md §9.10,
 * docs/hub-checks.md): the service's text, with the format's wire name.
 */
std::optional<EmulatorReply> unserved(const Context &c, Format format)
{
    if (hubServesFormat(c.hub->description, format))
        return std::nullopt;
    return c.error(400,
                   Tr::tr("The notification has no target applications. The notification format "
                          "is %1. Review the credentials specified in the notification hub "
                          "description and the notification format.")
                       .arg(formatWireName(format)));
}

} // namespace

EmulatorReply send(Context &c)
{
    const QByteArray formatHeader = c.header("ServiceBusNotification-Format");
    if (formatHeader.trimmed().isEmpty()) {
        return c.error(400,
                       Tr::tr("The mandatory HTTP header 'ServiceBusNotification-Format' is "
                              "missing."));
    }
    const auto format = formatFromWireName(QString::fromUtf8(formatHeader));
    if (!format) {
        return c.error(400,
                       Tr::tr("The notification format '%1' in ServiceBusNotification-Format is "
                              "not supported.")
                           .arg(QString::fromUtf8(formatHeader)));
    }
    if (*format == Format::Windows && !c.hasHeader("X-WNS-Type"))
        return c.error(400, Tr::tr("The mandatory HTTP header 'X-WNS-Type' is missing."));
    if (*format == Format::Windows) {
        const QByteArray type = c.header("X-WNS-Type").trimmed().toLower();
        if (type != "wns/toast" && type != "wns/tile" && type != "wns/badge" && type != "wns/raw") {
            return c.error(400,
                           Tr::tr("The HTTP header 'X-WNS-Type' has the value '%1'; expected "
                                  "wns/toast, wns/tile, wns/badge or wns/raw.")
                               .arg(QString::fromUtf8(c.header("X-WNS-Type"))));
        }
    }
    if (auto refusal = unserved(c, *format))
        return *refusal;
    if (*format == Format::Template) {
        // The hub itself reads template properties: a flat JSON object of strings.
        if (auto props = templateProperties(c.request.body); !props)
            return c.error(
                400, Tr::tr("The template properties are invalid: %1").arg(props.error().message));
    }

    const QString tagsText = QString::fromUtf8(c.header("ServiceBusNotification-Tags")).trimmed();
    std::optional<TagExpression> expression;
    if (!tagsText.isEmpty()) {
        auto parsed = TagExpression::parse(tagsText);
        if (!parsed)
            return c.error(400,
                           Tr::tr("The tag expression '%1' is invalid: %2")
                               .arg(tagsText, parsed.error().message));
        expression = *parsed;
    }

    const bool test = flag(c.query, u"test"_s);
    if (test && c.testSends) {
        auto &times = (*c.testSends)[c.hub->name];
        times.removeIf([&](const QDateTime &t) { return t.secsTo(c.now) >= 60; });
        if (times.size() >= 10) {
            return c.error(429,
                           Tr::tr("Test sends are limited to 10 per minute; retry after the time "
                                  "given in Retry-After."),
                           int(60 - times.first().secsTo(c.now)));
        }
        times.append(c.now);
    }

    // A payload the PNS would refuse fails every registration a test send reached.
    const bool refused = test && payloadRefusedByPns(*format, c.request.body, c.request.headers);
    auto delivery =
        c.state->deliver(*c.hub, *format, expression ? &*expression : nullptr, c.request.body,
                         tagsText, test, platformHeaders(c.request.headers), refused);
    if (refused) {
        for (RegistrationResult &r : delivery.outcome.results) {
            if (classifyOutcome(r.outcome) == OutcomeKind::Success) {
                r.outcome = outcomeText(OutcomeKind::InvalidPayload);
                --delivery.outcome.success;
                ++delivery.outcome.failure;
            }
        }
    }
    EmulatorReply reply = accepted(c, u"messages/"_s + delivery.messageId,
                                   test ? notificationOutcomeXml(delivery.outcome) : QByteArray());
    reply.renders = std::move(delivery.renders);
    reply.deliverySend = delivery.deliverySend;
    return reply;
}

EmulatorReply sendDirect(Context &c)
{
    const QByteArray handle = c.header("ServiceBusNotification-DeviceHandle").trimmed();
    if (handle.isEmpty()) {
        return c.error(400,
                       Tr::tr("The mandatory HTTP header 'ServiceBusNotification-DeviceHandle' is "
                              "missing for a direct send."));
    }
    const auto format =
        formatFromWireName(QString::fromUtf8(c.header("ServiceBusNotification-Format")));
    if (!format || *format == Format::Template) {
        return c.error(
            400,
            Tr::tr("A direct send needs a native ServiceBusNotification-Format, not '%1'.")
                .arg(QString::fromUtf8(c.header("ServiceBusNotification-Format"))));
    }
    if (*format == Format::Windows && !c.hasHeader("X-WNS-Type"))
        return c.error(400, Tr::tr("The mandatory HTTP header 'X-WNS-Type' is missing."));
    if (*format == Format::Browser && (!c.hasHeader("P256DH") || !c.hasHeader("Auth")))
        return c.error(400, Tr::tr("A direct browser send needs the P256DH and Auth headers."));
    if (auto refusal = unserved(c, *format))
        return *refusal;
    qint64 send = 0;
    const QString id =
        c.state->recordDirect(*c.hub, *format, c.request.body, {QString::fromUtf8(handle)},
                              platformHeaders(c.request.headers), &send);
    EmulatorReply reply = accepted(c, u"messages/"_s + id);
    reply.deliverySend = send;
    return reply;
}

EmulatorReply sendBatch(Context &c)
{
    const auto format =
        formatFromWireName(QString::fromUtf8(c.header("ServiceBusNotification-Format")));
    if (!format || *format == Format::Template) {
        return c.error(
            400,
            Tr::tr("A direct batch send needs a native ServiceBusNotification-Format, not '%1'.")
                .arg(QString::fromUtf8(c.header("ServiceBusNotification-Format"))));
    }
    if (auto refusal = unserved(c, *format))
        return *refusal;
    auto batch = parseDirectBatch(c.header("Content-Type"), c.request.body);
    if (!batch)
        return c.error(400, batch.error().message);
    qint64 send = 0;
    const QString id =
        c.state->recordDirect(*c.hub, *format, batch->notification, batch->deviceHandles,
                              platformHeaders(c.request.headers), &send);
    EmulatorReply reply = accepted(c, u"messages/$batch/"_s + id, {}, u"&direct"_s);
    reply.deliverySend = send;
    return reply;
}

EmulatorReply sendScheduled(Context &c)
{
    const auto format =
        formatFromWireName(QString::fromUtf8(c.header("ServiceBusNotification-Format")));
    if (!format)
        return c.error(
            400,
            Tr::tr("The mandatory HTTP header 'ServiceBusNotification-Format' is missing "
                   "or invalid."));
    if (auto refusal = unserved(c, *format))
        return *refusal;
    const QByteArray when = c.header("ServiceBusNotification-ScheduleTime");
    if (when.isEmpty())
        return c.error(
            400,
            Tr::tr("The mandatory HTTP header 'ServiceBusNotification-ScheduleTime' is missing."));
    const auto time = parseScheduleTime(when);
    if (!time)
        return c.error(400, time.error().message);
    const QString tagsText = QString::fromUtf8(c.header("ServiceBusNotification-Tags")).trimmed();
    if (!tagsText.isEmpty()) {
        if (auto parsed = TagExpression::parse(tagsText); !parsed)
            return c.error(400,
                           Tr::tr("The tag expression '%1' is invalid: %2")
                               .arg(tagsText, parsed.error().message));
    }
    qint64 send = 0;
    const QString id = c.state->schedule(*c.hub, *format, c.request.body, tagsText, *time,
                                         platformHeaders(c.request.headers), &send);
    EmulatorReply reply = accepted(c, u"schedulednotifications/"_s + id);
    reply.deliverySend = send;
    return reply;
}

EmulatorReply cancelScheduled(Context &c, const QString &id)
{
    auto it = c.hub->messages.find(id);
    if (it == c.hub->messages.end() || !it->scheduled)
        return c.error(404, Tr::tr("The scheduled notification '%1' was not found.").arg(id));
    it->state = u"Canceled"_s;
    it->scheduled = false;
    EmulatorReply r;
    r.headers = {{"Content-Length"_ba, "0"_ba}};
    return r;
}

} // namespace Nh::EmulatorOps
