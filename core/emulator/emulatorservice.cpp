// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "emulator/emulatorservice.h"

#include "emulator/emulatorstate.h"
#include "emulator/faults.h"
#include "protocol/directbatch.h"
#include "protocol/errorbody.h"
#include "protocol/installation.h"
#include "protocol/notification.h"
#include "protocol/notificationdetails.h"
#include "protocol/notificationoutcome.h"
#include "protocol/operation.h"
#include "protocol/payloadbuilder.h"
#include "protocol/registrationfeed.h"
#include "protocol/sastoken.h"
#include "protocol/tagexpression.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMultiHash>
#include <QRegularExpression>
#include <QUuid>
#include <optional>

using namespace Qt::Literals::StringLiterals;

namespace Nh {

namespace {

/** The translation context of this file's messages; lupdate reads it from here. */
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Nh::EmulatorService)
};

const QByteArray kXml = "application/xml; charset=utf-8"_ba;
const QByteArray kAtomEntry = "application/atom+xml; type=entry; charset=utf-8"_ba;
const QByteArray kAtomFeed = "application/atom+xml; type=feed; charset=utf-8"_ba;
constexpr int kDefaultTop = 100;
constexpr int kMaxTop = 1000;
constexpr int kMaxRegistrationTags = 60;

/**
 * Query items with names lower-cased, names and values percent-decoded and '+' read as a
 * space (real-clients.md §7 rule 5). A flag without '=' has an empty value.
 */
QMultiHash<QString, QString> queryItems(const QUrl &url)
{
    QMultiHash<QString, QString> items;
    const QByteArray query = url.query(QUrl::FullyEncoded).toUtf8();
    for (const QByteArray &pair : query.split('&')) {
        if (pair.isEmpty())
            continue;
        const qsizetype eq = pair.indexOf('=');
        QByteArray name = eq < 0 ? pair : pair.first(eq);
        QByteArray value = eq < 0 ? QByteArray() : pair.sliced(eq + 1);
        name.replace('+', ' ');
        value.replace('+', ' ');
        items.insert(QString::fromUtf8(QByteArray::fromPercentEncoding(name)).toLower(),
                     QString::fromUtf8(QByteArray::fromPercentEncoding(value)));
    }
    return items;
}

bool flag(const QMultiHash<QString, QString> &q, const QString &name)
{
    if (!q.contains(name))
        return false;
    const QString v = q.value(name).trimmed().toLower();
    return v.isEmpty() || v == u"true" || v == u"1";
}

/** `"3"`, `W/"3"`, `3` → 3; `*` → 0; nullopt when unreadable. */
std::optional<qint64> parseEtag(const QByteArray &value)
{
    QByteArray v = value.trimmed();
    if (v == "*")
        return 0;
    if (v.startsWith("W/") || v.startsWith("w/"))
        v = v.sliced(2);
    if (v.size() >= 2 && v.startsWith('"') && v.endsWith('"'))
        v = v.sliced(1, v.size() - 2);
    bool ok = false;
    const qint64 n = v.toLongLong(&ok);
    if (!ok || n <= 0)
        return std::nullopt;
    return n;
}

QByteArray etagHeader(qint64 etag)
{
    return "W/\"" + QByteArray::number(etag) + '"';
}

/** The service's wording for a bad user tag (nh-rest.md §3.4, §6.4). */
QString invalidTagText(const QString &tag)
{
    return Tr::tr(
               "An invalid tag(s) '%1' was supplied. Valid tag characters are alphanumeric, _, @, "
               "-, ., : and #.")
        .arg(tag);
}

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

QString rightName(Right r)
{
    switch (r) {
    case Right::Listen:
        return u"Listen"_s;
    case Right::Send:
        return u"Send"_s;
    case Right::Manage:
        return u"Manage"_s;
    }
    return {};
}

} // namespace

struct EmulatorService::Context
{
    const EmulatorRequest &request;
    QStringList segments; ///< path segments after the hub
    QMultiHash<QString, QString> query;
    EmulatorHub *hub = nullptr;
    const SasRule *rule = nullptr;
    QString apiVersion;
    QDateTime now;

    QByteArray header(QByteArrayView name) const
    {
        return headerValue(request.headers, name).value_or(QByteArray());
    }
    bool hasHeader(QByteArrayView name) const
    {
        return headerValue(request.headers, name).has_value();
    }
    /** `https://host:port/` as the client addressed us. */
    QString origin() const
    {
        QUrl u = request.url;
        u.setPath(QString());
        u.setQuery(QString());
        u.setFragment(QString());
        u.setScheme(u"https"_s);
        return u.toString(QUrl::FullyEncoded);
    }
    QString hubUrl() const { return origin() + u'/' + hub->name; }
};

/**
 * One data-plane route: a method and a path below the hub, what it needs and who serves it.
 * Pattern segments are literals or `{}` (any one segment); literals match case-insensitively,
 * except those starting with '$' (`$batch`), which the service matches exactly. The first
 * pattern that fits a path decides it; the routes sharing that pattern give its methods.
 */
struct EmulatorService::Route
{
    QByteArray method;
    QStringView pattern;
    Operation operation; ///< named in fault rules and the request log (operationName())
    Right right;
    /** Listing registrations: Listen with a $filter (by channel), else Manage. */
    bool manageUnlessFiltered = false;
    /** The claim is checked before the method (405 only for a client that has the claim). */
    bool claimFirst = false;
    EmulatorReply (*handler)(EmulatorService &, Context &) = nullptr;

    bool matches(const QStringList &segments) const
    {
        const auto parts = pattern.split(u'/');
        if (parts.size() != segments.size())
            return false;
        for (qsizetype i = 0; i < parts.size(); ++i) {
            const QStringView part = parts.at(i);
            if (part == u"{}")
                continue;
            const auto cs = part.startsWith(u'$') ? Qt::CaseSensitive : Qt::CaseInsensitive;
            if (part.compare(segments.at(i), cs) != 0)
                return false;
        }
        return true;
    }
};

const QList<EmulatorService::Route> &EmulatorService::routes()
{
    using S = EmulatorService;
    // Within a pattern, methods are listed in the order the Allow header names them.
    static const QList<Route> kRoutes {
        {"POST"_ba, u"messages", Operation::Send, Right::Send, false, false,
         [](S &s, Context &c) {
             return flag(c.query, u"direct"_s) ? s.sendDirect(c) : s.send(c);
         }},
        {"POST"_ba, u"messages/$batch", Operation::SendBatch, Right::Send, false, false,
         [](S &s, Context &c) {
             return s.sendBatch(c);
         }},
        {"GET"_ba, u"messages/{}", Operation::TelemetryGet, Right::Send, false, false,
         [](S &s, Context &c) {
             return s.telemetry(c, c.segments.at(1));
         }},
        {"POST"_ba, u"schedulednotifications", Operation::SendScheduled, Right::Send, false, false,
         [](S &s, Context &c) {
             return s.sendScheduled(c);
         }},
        {"DELETE"_ba, u"schedulednotifications/{}", Operation::SchedulesCancel, Right::Send, false,
         false,
         [](S &s, Context &c) {
             return s.cancelScheduled(c, c.segments.at(1));
         }},
        {"POST"_ba, u"registrationids", Operation::RegistrationIdsCreate, Right::Listen, false,
         false,
         [](S &s, Context &c) {
             return s.createRegistrationId(c);
         }},
        {"GET"_ba, u"registrations", Operation::RegistrationsList, Right::Manage, true, false,
         [](S &s, Context &c) {
             return s.listRegistrations(c, {});
         }},
        {"POST"_ba, u"registrations", Operation::RegistrationsCreate, Right::Listen, false, false,
         [](S &s, Context &c) {
             return s.createRegistration(c);
         }},
        {"GET"_ba, u"registrations/{}", Operation::RegistrationsGet, Right::Listen, false, true,
         [](S &s, Context &c) {
             return s.getRegistration(c, c.segments.at(1));
         }},
        {"PUT"_ba, u"registrations/{}", Operation::RegistrationsPut, Right::Listen, false, true,
         [](S &s, Context &c) {
             return s.putRegistration(c, c.segments.at(1));
         }},
        {"DELETE"_ba, u"registrations/{}", Operation::RegistrationsDelete, Right::Listen, false,
         true,
         [](S &s, Context &c) {
             return s.deleteRegistration(c, c.segments.at(1));
         }},
        {"GET"_ba, u"tags/{}/registrations", Operation::RegistrationsByTag, Right::Manage, false,
         false,
         [](S &s, Context &c) {
             return s.listRegistrations(c, c.segments.at(1));
         }},
        {"GET"_ba, u"installations/{}", Operation::InstallationsGet, Right::Listen, false, true,
         [](S &s, Context &c) {
             return s.getInstallation(c, c.segments.at(1));
         }},
        {"PUT"_ba, u"installations/{}", Operation::InstallationsPut, Right::Listen, false, true,
         [](S &s, Context &c) {
             return s.putInstallation(c, c.segments.at(1));
         }},
        {"PATCH"_ba, u"installations/{}", Operation::InstallationsPatch, Right::Listen, false, true,
         [](S &s, Context &c) {
             return s.patchInstallation(c, c.segments.at(1));
         }},
        {"DELETE"_ba, u"installations/{}", Operation::InstallationsDelete, Right::Listen, false,
         true,
         [](S &s, Context &c) {
             return s.deleteInstallation(c, c.segments.at(1));
         }},
        {"GET"_ba, u"feedbackcontainer", Operation::FeedbackGet, Right::Send, false, false,
         [](S &s, Context &c) {
             return s.feedbackContainer(c);
         }},
    };
    return kRoutes;
}

QList<const EmulatorService::Route *> EmulatorService::routesFor(const QStringList &segments)
{
    QList<const Route *> found;
    for (const Route &r : routes()) {
        if (found.isEmpty() ? r.matches(segments) : r.pattern == found.first()->pattern)
            found.append(&r);
    }
    return found;
}

EmulatorService::EmulatorService(EmulatorState *state, FaultInjector *faults)
    : m_state(state)
    , m_faults(faults)
{ }

EmulatorReply EmulatorService::error(int status, const QString &text, int retryAfterSeconds) const
{
    EmulatorReply r;
    r.status = status;
    const QString trackingId = QUuid::createUuid().toString(QUuid::WithoutBraces) + u"_G1"_s;
    r.headers = {{"Content-Type"_ba, kXml}, {"TrackingId"_ba, trackingId.toUtf8()}};
    if (retryAfterSeconds >= 0)
        r.headers.append({"Retry-After"_ba, QByteArray::number(retryAfterSeconds)});
    r.body = errorBodyXml(status, text, trackingId, clock());
    return r;
}

int EmulatorService::successStatus(const QString &operation)
{
    if (operation.startsWith(operationName(Operation::Send))
        || operation == operationName(Operation::RegistrationIdsCreate))
        return 201;
    if (operation == operationName(Operation::InstallationsDelete))
        return 204;
    return 200;
}

EmulatorRoute EmulatorService::route(const EmulatorRequest &request) const
{
    const QStringList s = request.url.path().split(u'/', Qt::SkipEmptyParts);
    if (s.isEmpty())
        return {u"unknown"_s, {}};
    if (s.first() == u"$emulator")
        return {u"control"_s, {}};
    const QString hub = s.first();
    // A request a route serves is named by it; the rest (404, 405) by their collection below.
    const QStringList below = s.sliced(1);
    for (const Route *r : routesFor(below)) {
        if (r->method != request.method)
            continue;
        if (r->pattern == u"messages") { // one route, three kinds of send
            const auto flags = queryItems(request.url);
            return {flag(flags, u"direct"_s)
                        ? operationName(Operation::SendDirect)
                        : (flag(flags, u"test"_s) ? operationName(Operation::SendTest)
                                                  : operationName(Operation::Send)),
                    hub};
        }
        return {operationName(r->operation), hub};
    }
    const QString m = QString::fromLatin1(request.method);
    const auto at = [&](int i) {
        return s.size() > i ? s.at(i).toLower() : QString();
    };
    const int n = int(s.size());
    const auto q = queryItems(request.url);
    if (at(1) == u"messages") {
        if (n == 2)
            return {flag(q, u"direct"_s) ? operationName(Operation::SendDirect)
                                         : (flag(q, u"test"_s) ? operationName(Operation::SendTest)
                                                               : operationName(Operation::Send)),
                    hub};
        if (n == 3 && s.at(2) == u"$batch")
            return {operationName(Operation::SendBatch), hub};
        if (n == 3)
            return {operationName(Operation::TelemetryGet), hub};
    } else if (at(1) == u"schedulednotifications") {
        return {n == 2 ? operationName(Operation::SendScheduled)
                       : operationName(Operation::SchedulesCancel),
                hub};
    } else if (at(1) == u"registrationids") {
        return {operationName(Operation::RegistrationIdsCreate), hub};
    } else if (at(1) == u"registrations") {
        if (n == 2)
            return {m == u"POST" ? operationName(Operation::RegistrationsCreate)
                                 : operationName(Operation::RegistrationsList),
                    hub};
        return {u"registrations."_s + m.toLower(), hub};
    } else if (at(1) == u"tags") {
        return {operationName(Operation::RegistrationsByTag), hub};
    } else if (at(1) == u"installations") {
        return {u"installations."_s + m.toLower(), hub};
    } else if (at(1) == u"feedbackcontainer") {
        return {operationName(Operation::FeedbackGet), hub};
    }
    return {u"unknown"_s, hub};
}

EmulatorReply EmulatorService::handle(const EmulatorRequest &request)
{
    QStringList segments = request.url.path().split(u'/', Qt::SkipEmptyParts);
    if (!segments.isEmpty() && segments.first() == u"$emulator")
        return control(request, segments);
    if (segments.size() < 2) {
        return error(
            404,
            Tr::tr("No service is hosted at the specified address '%1'.").arg(request.url.path()));
    }
    if (request.body.size() > kMaxBody) {
        return error(413,
                     Tr::tr("The request body is %1 bytes; the maximum the service accepts is "
                            "%2 bytes (64 KB).")
                         .arg(request.body.size())
                         .arg(kMaxBody));
    }
    Context c {request, {}, queryItems(request.url), nullptr, nullptr, {}, clock()};
    const QString hubName = segments.takeFirst();
    c.segments = segments;

    // Authorization first: the service answers 401 before it says whether a hub exists.
    const QByteArray auth = c.header("Authorization");
    if (auth.isEmpty()) {
        return error(401,
                     Tr::tr("MissingToken: The request has no Authorization header; sign it with "
                            "a SharedAccessSignature."));
    }
    const auto token = Sas::decode(QString::fromUtf8(auth));
    if (!token)
        return error(401, Tr::tr("MalformedToken: %1").arg(token.error().message));
    c.rule = m_state->rule(token->keyName);
    if (!c.rule) {
        return error(401,
                     Tr::tr("InvalidSignature: The token has an invalid signature (the namespace "
                            "has no rule named '%1').")
                         .arg(token->keyName));
    }
    if (auto st = Sas::validate(*token, c.rule->key, request.url, c.now); !st)
        return error(401, st.error().message);

    c.hub = m_state->hub(hubName);
    if (!c.hub) {
        return error(404,
                     Tr::tr("The messaging entity 'sb://%1/%2' could not be found.")
                         .arg(request.url.authority(), hubName));
    }
    c.apiVersion = c.query.value(u"api-version"_s);
    if (c.apiVersion.isEmpty()) {
        return error(400,
                     Tr::tr("The api-version query parameter is required (for example "
                            "api-version=2020-06)."));
    }
    return dispatch(c);
}

EmulatorReply EmulatorService::dispatch(Context &c)
{
    const QByteArray &m = c.request.method;
    const QList<const Route *> candidates = routesFor(c.segments);
    if (candidates.isEmpty())
        return error(404, Tr::tr("No message branch at the URI '%1'.").arg(c.request.url.path()));
    const auto denied = [&](const Route &r) -> std::optional<EmulatorReply> {
        const Right right =
            r.manageUnlessFiltered && c.query.contains(u"$filter"_s) ? Right::Listen : r.right;
        if (c.rule->grants(right))
            return std::nullopt;
        return error(401,
                     Tr::tr("%1 claim is required for this operation. The rule '%2' does not "
                            "grant it.")
                         .arg(rightName(right), c.rule->name));
    };
    const auto it = std::find_if(candidates.cbegin(), candidates.cend(),
                                 [&](const Route *r) { return r->method == m; });
    if (it == candidates.cend()) {
        if (candidates.first()->claimFirst) {
            if (auto refusal = denied(*candidates.first()))
                return *refusal;
        }
        QByteArrayList methods;
        for (const Route *r : candidates)
            methods.append(r->method);
        const QByteArray allow = methods.join(", ");
        EmulatorReply r = error(
            405,
            Tr::tr("The method %1 is not allowed on %2; allowed: %3.")
                .arg(QString::fromLatin1(m), c.request.url.path(), QString::fromLatin1(allow)));
        r.headers.append({"Allow"_ba, allow});
        return r;
    }
    if (auto refusal = denied(**it))
        return *refusal;
    return (*it)->handler(*this, c);
}

// --- sends ------------------------------------------------------------------------------------

EmulatorReply EmulatorService::accepted(const Context &c, const QString &locationPath,
                                        const QByteArray &body, const QString &extraQuery) const
{
    EmulatorReply r;
    r.status = 201;
    const QByteArray trackingId = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
    const QString location =
        c.hubUrl() + u'/' + locationPath + u"?api-version="_s + c.apiVersion + extraQuery;
    r.headers = {
        {"Content-Type"_ba, kXml},
        {"Location"_ba, location.toUtf8()},
        {"TrackingId"_ba, trackingId},
        {"x-ms-correlation-request-id"_ba, trackingId},
    };
    r.body = body;
    return r;
}

EmulatorReply EmulatorService::send(Context &c)
{
    const QByteArray formatHeader = c.header("ServiceBusNotification-Format");
    if (formatHeader.trimmed().isEmpty()) {
        return error(400,
                     Tr::tr("The mandatory HTTP header 'ServiceBusNotification-Format' is "
                            "missing."));
    }
    const auto format = formatFromWireName(QString::fromUtf8(formatHeader));
    if (!format) {
        return error(400,
                     Tr::tr("The notification format '%1' in ServiceBusNotification-Format is "
                            "not supported.")
                         .arg(QString::fromUtf8(formatHeader)));
    }
    if (*format == Format::Windows && !c.hasHeader("X-WNS-Type"))
        return error(400, Tr::tr("The mandatory HTTP header 'X-WNS-Type' is missing."));
    if (*format == Format::Windows) {
        const QByteArray type = c.header("X-WNS-Type").trimmed().toLower();
        if (type != "wns/toast" && type != "wns/tile" && type != "wns/badge" && type != "wns/raw") {
            return error(400,
                         Tr::tr("The HTTP header 'X-WNS-Type' has the value '%1'; expected "
                                "wns/toast, wns/tile, wns/badge or wns/raw.")
                             .arg(QString::fromUtf8(c.header("X-WNS-Type"))));
        }
    }
    if (*format == Format::Template) {
        // The hub itself reads template properties: a flat JSON object of strings.
        if (auto props = templateProperties(c.request.body); !props)
            return error(
                400, Tr::tr("The template properties are invalid: %1").arg(props.error().message));
    }

    const QString tagsText = QString::fromUtf8(c.header("ServiceBusNotification-Tags")).trimmed();
    std::optional<TagExpression> expression;
    if (!tagsText.isEmpty()) {
        auto parsed = TagExpression::parse(tagsText);
        if (!parsed)
            return error(400,
                         Tr::tr("The tag expression '%1' is invalid: %2")
                             .arg(tagsText, parsed.error().message));
        expression = *parsed;
    }

    const bool test = flag(c.query, u"test"_s);
    if (test && throttleTestSends) {
        auto &times = m_testSends[c.hub->name];
        times.removeIf([&](const QDateTime &t) { return t.secsTo(c.now) >= 60; });
        if (times.size() >= 10) {
            return error(429,
                         Tr::tr("Test sends are limited to 10 per minute; retry after the time "
                                "given in Retry-After."),
                         int(60 - times.first().secsTo(c.now)));
        }
        times.append(c.now);
    }

    auto delivery = m_state->deliver(*c.hub, *format, expression ? &*expression : nullptr,
                                     c.request.body, tagsText, test);
    // A payload the PNS would refuse fails every registration it reached.
    if (test && payloadRefusedByPns(*format, c.request.body, c.request.headers)) {
        for (RegistrationResult &r : delivery.outcome.results) {
            if (classifyOutcome(r.outcome) == OutcomeKind::Success) {
                r.outcome = outcomeText(OutcomeKind::InvalidPayload);
                --delivery.outcome.success;
                ++delivery.outcome.failure;
            }
        }
    }
    return accepted(c, u"messages/"_s + delivery.messageId,
                    test ? notificationOutcomeXml(delivery.outcome) : QByteArray());
}

EmulatorReply EmulatorService::sendDirect(Context &c)
{
    const QByteArray handle = c.header("ServiceBusNotification-DeviceHandle").trimmed();
    if (handle.isEmpty()) {
        return error(400,
                     Tr::tr("The mandatory HTTP header 'ServiceBusNotification-DeviceHandle' is "
                            "missing for a direct send."));
    }
    const auto format =
        formatFromWireName(QString::fromUtf8(c.header("ServiceBusNotification-Format")));
    if (!format || *format == Format::Template) {
        return error(400,
                     Tr::tr("A direct send needs a native ServiceBusNotification-Format, not '%1'.")
                         .arg(QString::fromUtf8(c.header("ServiceBusNotification-Format"))));
    }
    if (*format == Format::Windows && !c.hasHeader("X-WNS-Type"))
        return error(400, Tr::tr("The mandatory HTTP header 'X-WNS-Type' is missing."));
    if (*format == Format::Browser && (!c.hasHeader("P256DH") || !c.hasHeader("Auth")))
        return error(400, Tr::tr("A direct browser send needs the P256DH and Auth headers."));
    const QString id =
        m_state->recordDirect(*c.hub, *format, c.request.body, {QString::fromUtf8(handle)});
    return accepted(c, u"messages/"_s + id);
}

EmulatorReply EmulatorService::sendBatch(Context &c)
{
    const auto format =
        formatFromWireName(QString::fromUtf8(c.header("ServiceBusNotification-Format")));
    if (!format || *format == Format::Template) {
        return error(
            400,
            Tr::tr("A direct batch send needs a native ServiceBusNotification-Format, not '%1'.")
                .arg(QString::fromUtf8(c.header("ServiceBusNotification-Format"))));
    }
    auto batch = parseDirectBatch(c.header("Content-Type"), c.request.body);
    if (!batch)
        return error(400, batch.error().message);
    const QString id =
        m_state->recordDirect(*c.hub, *format, batch->notification, batch->deviceHandles);
    return accepted(c, u"messages/$batch/"_s + id, {}, u"&direct"_s);
}

EmulatorReply EmulatorService::sendScheduled(Context &c)
{
    const auto format =
        formatFromWireName(QString::fromUtf8(c.header("ServiceBusNotification-Format")));
    if (!format)
        return error(400,
                     Tr::tr("The mandatory HTTP header 'ServiceBusNotification-Format' is missing "
                            "or invalid."));
    const QByteArray when = c.header("ServiceBusNotification-ScheduleTime");
    if (when.isEmpty())
        return error(
            400,
            Tr::tr("The mandatory HTTP header 'ServiceBusNotification-ScheduleTime' is missing."));
    const auto time = parseScheduleTime(when);
    if (!time)
        return error(400, time.error().message);
    const QString tagsText = QString::fromUtf8(c.header("ServiceBusNotification-Tags")).trimmed();
    if (!tagsText.isEmpty()) {
        if (auto parsed = TagExpression::parse(tagsText); !parsed)
            return error(400,
                         Tr::tr("The tag expression '%1' is invalid: %2")
                             .arg(tagsText, parsed.error().message));
    }
    const QString id = m_state->schedule(*c.hub, *format, c.request.body, tagsText, *time);
    return accepted(c, u"schedulednotifications/"_s + id);
}

EmulatorReply EmulatorService::cancelScheduled(Context &c, const QString &id)
{
    auto it = c.hub->messages.find(id);
    if (it == c.hub->messages.end() || !it->scheduled)
        return error(404, Tr::tr("The scheduled notification '%1' was not found.").arg(id));
    it->state = u"Canceled"_s;
    it->scheduled = false;
    EmulatorReply r;
    r.headers = {{"Content-Length"_ba, "0"_ba}};
    return r;
}

EmulatorReply EmulatorService::telemetry(Context &c, const QString &id)
{
    const auto it = c.hub->messages.constFind(id);
    if (it == c.hub->messages.cend())
        return error(404, Tr::tr("The notification '%1' was not found.").arg(id));
    NotificationDetails d;
    d.notificationId = it->id;
    d.location = u"sb://"_s + c.request.url.authority() + u'/' + c.hub->name + u"/messages/"_s
        + it->id + u"?api-version="_s + c.apiVersion;
    d.stateText = it->state;
    d.state = notificationStateFromName(it->state);
    d.enqueueTime = it->enqueueTime;
    d.startTime = it->enqueueTime;
    d.endTime = it->endTime;
    d.notificationBody = QString::fromUtf8(it->body);
    d.tags = it->tags;
    for (auto p = it->counts.cbegin(); p != it->counts.cend(); ++p) {
        d.targetPlatforms << platformWireName(p.key());
        PlatformOutcomeCounts pc;
        static const QHash<Platform, QString> kElement = {
            {Platform::Apple, u"Apns"_s},        {Platform::FcmV1, u"FcmV1"_s},
            {Platform::Gcm, u"Gcm"_s},           {Platform::Windows, u"Wns"_s},
            {Platform::WindowsPhone, u"Mpns"_s}, {Platform::Adm, u"Adm"_s},
            {Platform::Baidu, u"Baidu"_s},       {Platform::Browser, u"Browser"_s},
            {Platform::Xiaomi, u"Xiaomi"_s}};
        pc.platform = kElement.value(p.key());
        for (auto o = p->cbegin(); o != p->cend(); ++o)
            pc.outcomes.append({o.key(), o.value()});
        d.outcomeCounts.append(pc);
    }
    if (it->format == Format::Template)
        d.targetPlatforms = {u"template"_s};
    EmulatorReply r;
    r.headers = {{"Content-Type"_ba, kXml}};
    r.body = notificationDetailsXml(d);
    return r;
}

// --- registrations ----------------------------------------------------------------------------

EmulatorReply EmulatorService::createRegistrationId(Context &c)
{
    EmulatorReply r;
    r.status = 201;
    const QString id = EmulatorState::newRegistrationId();
    r.headers = {
        {"Content-Type"_ba, kXml},
        {"Location"_ba,
         (c.hubUrl() + u"/registrations/"_s + id + u"?api-version="_s + c.apiVersion).toUtf8()},
        {"Content-Length"_ba, "0"_ba}};
    return r;
}

namespace {

/** Refuses what the service refuses in a registration body; nullopt when acceptable. */
std::optional<QString> registrationProblem(const Registration &reg)
{
    if (reg.tags.size() > kMaxRegistrationTags) {
        return QCoreApplication::translate(
                   "Nh::EmulatorService",
                   "A registration can have at most %1 tags; this one has %2.")
            .arg(kMaxRegistrationTags)
            .arg(reg.tags.size());
    }
    for (const QString &tag : reg.tags) {
        if (tag.startsWith(u'$') && !tag.startsWith(u"$InstallationId:{"_s)
            && !tag.startsWith(u"$UserId:{"_s))
            return QCoreApplication::translate("Nh::EmulatorService", "Tags can not start with $.");
        if (!validateTag(tag, true))
            return invalidTagText(tag);
    }
    if (reg.tags.join(u',').toUtf8().size() > 8000) {
        return QCoreApplication::translate(
                   "Nh::EmulatorService",
                   "Registration Tags serialized size is more than maximum "
                   "supported value. Actual Size: '%1' and Max Allowed Size: '8000'")
            .arg(reg.tags.join(u',').toUtf8().size());
    }
    if (reg.isTemplate && reg.platform == Platform::Windows) {
        const bool hasType =
            std::any_of(reg.headers.cbegin(), reg.headers.cend(), [](const TemplateHeader &h) {
                return h.name.compare(u"X-WNS-Type"_s, Qt::CaseInsensitive) == 0;
            });
        if (!hasType)
            return QCoreApplication::translate(
                "Nh::EmulatorService",
                "The WnsHeaders of a Windows template registration must contain X-WNS-Type.");
    }
    return std::nullopt;
}

} // namespace

static EmulatorReply entryReply(const Registration &reg, const QString &hubUrl,
                                const QString &query, const QDateTime &now)
{
    EmulatorReply r;
    EntryContext ctx;
    ctx.baseUrl = hubUrl;
    ctx.query = query;
    ctx.now = now;
    r.headers = {{"Content-Type"_ba, kAtomEntry},
                 {"ETag"_ba, etagHeader(reg.etag)},
                 {"Content-Location"_ba,
                  (hubUrl + u"/registrations/"_s + reg.registrationId + u'?' + query).toUtf8()}};
    r.body = registrationEntryXml(reg, ctx);
    return r;
}

EmulatorReply EmulatorService::createRegistration(Context &c)
{
    auto parsed = parseRegistrationEntry(c.request.body);
    if (!parsed)
        return error(400, Tr::tr("The registration is invalid: %1").arg(parsed.error().message));
    Registration reg = *parsed;
    if (auto problem = registrationProblem(reg))
        return error(400, *problem);
    reg.registrationId = EmulatorState::newRegistrationId();
    reg.etag = 1;
    reg.expirationTime = Registration::neverExpires();
    reg.published = c.now;
    reg.updated = c.now;
    m_state->putRegistration(*c.hub, reg);
    return entryReply(reg, c.hubUrl(), c.request.url.query(QUrl::FullyEncoded), c.now);
}

EmulatorReply EmulatorService::putRegistration(Context &c, const QString &id)
{
    static const QRegularExpression kIdShape(u"^-?[0-9]+-[0-9]+-[0-9]+$"_s);
    if (!kIdShape.match(id).hasMatch())
        return error(410,
                     Tr::tr("The registration id '%1' cannot be used: ids have the form "
                            "<number>-<number>-<number>, as returned by registrationIDs.")
                         .arg(id));
    auto parsed = parseRegistrationEntry(c.request.body);
    if (!parsed)
        return error(400, Tr::tr("The registration is invalid: %1").arg(parsed.error().message));
    Registration reg = *parsed;
    if (!reg.registrationId.isEmpty() && reg.registrationId != id) {
        return error(400,
                     Tr::tr("The registration id in the body ('%1') differs from the one in the "
                            "URL ('%2').")
                         .arg(reg.registrationId, id));
    }
    if (auto problem = registrationProblem(reg))
        return error(400, *problem);
    const auto existing = c.hub->registrations.find(id);
    const bool exists = existing != c.hub->registrations.end();
    if (c.hasHeader("If-Match")) {
        const auto wanted = parseEtag(c.header("If-Match"));
        if (!wanted)
            return error(400,
                         Tr::tr("The If-Match header '%1' is not an ETag.")
                             .arg(QString::fromUtf8(c.header("If-Match"))));
        if (!exists)
            return error(
                412,
                Tr::tr("The registration '%1' does not exist, so If-Match cannot match.").arg(id));
        if (*wanted != 0 && *wanted != existing->second.etag) {
            return error(412,
                         Tr::tr("The ETag in If-Match (%1) does not match the registration's "
                                "current ETag (%2).")
                             .arg(*wanted)
                             .arg(existing->second.etag));
        }
    }
    reg.registrationId = id;
    reg.etag = exists ? existing->second.etag + 1 : 1;
    reg.expirationTime = Registration::neverExpires();
    reg.published = exists ? existing->second.published : c.now;
    reg.updated = c.now;
    m_state->putRegistration(*c.hub, reg);
    return entryReply(reg, c.hubUrl(), c.request.url.query(QUrl::FullyEncoded), c.now);
}

EmulatorReply EmulatorService::getRegistration(Context &c, const QString &id)
{
    const auto it = c.hub->registrations.find(id);
    if (it == c.hub->registrations.end())
        return error(404, Tr::tr("The registration '%1' was not found.").arg(id));
    return entryReply(it->second, c.hubUrl(), c.request.url.query(QUrl::FullyEncoded), c.now);
}

EmulatorReply EmulatorService::deleteRegistration(Context &c, const QString &id)
{
    const auto it = c.hub->registrations.find(id);
    if (it == c.hub->registrations.end())
        return error(404, Tr::tr("The registration '%1' was not found.").arg(id));
    if (c.hasHeader("If-Match")) {
        const auto wanted = parseEtag(c.header("If-Match"));
        if (!wanted)
            return error(400,
                         Tr::tr("The If-Match header '%1' is not an ETag.")
                             .arg(QString::fromUtf8(c.header("If-Match"))));
        if (*wanted != 0 && *wanted != it->second.etag) {
            return error(412,
                         Tr::tr("The ETag in If-Match (%1) does not match the registration's "
                                "current ETag (%2).")
                             .arg(*wanted)
                             .arg(it->second.etag));
        }
    }
    m_state->removeRegistration(*c.hub, id);
    EmulatorReply r;
    r.headers = {{"Content-Length"_ba, "0"_ba}};
    return r;
}

namespace {

/** One `Field eq 'value'` condition of a $filter (real-clients.md §3, nh-rest.md §7.4). */
struct FilterTerm
{
    QString field;
    QString value;
};

std::optional<QList<FilterTerm>> parseFilter(const QString &filter, QString *problem)
{
    static const QRegularExpression kTerm(uR"(^\s*([A-Za-z0-9]+)\s+eq\s+'((?:[^']|'')*)'\s*$)"_s);
    QList<FilterTerm> terms;
    const QStringList parts = filter.split(
        QRegularExpression(u"\\s+and\\s+"_s, QRegularExpression::CaseInsensitiveOption));
    for (const QString &part : parts) {
        const auto m = kTerm.match(part);
        if (!m.hasMatch()) {
            *problem =
                QCoreApplication::translate("Nh::EmulatorService",
                                            "The $filter condition \"%1\" is not of the form "
                                            "Field eq 'value'.")
                    .arg(part.trimmed());
            return std::nullopt;
        }
        terms.append({m.captured(1), m.captured(2).replace(u"''"_s, u"'"_s)});
    }
    return terms;
}

bool sameValue(const QString &stored, const QString &wanted, Qt::CaseSensitivity cs)
{
    // Clients encode channel URIs once more than the query needs (JS encodeURIComponent).
    return stored.compare(wanted, cs) == 0
        || stored.compare(QUrl::fromPercentEncoding(wanted.toUtf8()), cs) == 0;
}

bool matchesFilter(const Registration &r, const QList<FilterTerm> &terms, QString *problem)
{
    for (const FilterTerm &t : terms) {
        const QString f = t.field.toLower();
        bool ok = false;
        if (f == u"channeluri") // any handle, as the service treats it (nh-rest.md §7.4)
            ok = sameValue(r.handle, t.value, Qt::CaseInsensitive);
        else if (f == u"devicetoken")
            ok = r.platform == Platform::Apple && sameValue(r.handle, t.value, Qt::CaseInsensitive);
        else if (f == u"gcmregistrationid")
            ok = r.platform == Platform::Gcm && sameValue(r.handle, t.value, Qt::CaseSensitive);
        else if (f == u"fcmv1registrationid")
            ok = r.platform == Platform::FcmV1 && sameValue(r.handle, t.value, Qt::CaseSensitive);
        else if (f == u"admregistrationid")
            ok = r.platform == Platform::Adm && sameValue(r.handle, t.value, Qt::CaseSensitive);
        else if (f == u"xiaomiregistrationid")
            ok = r.platform == Platform::Xiaomi && sameValue(r.handle, t.value, Qt::CaseSensitive);
        else if (f == u"baiduchannelid")
            ok = r.platform == Platform::Baidu && sameValue(r.handle, t.value, Qt::CaseSensitive);
        else if (f == u"baiduuserid")
            ok = r.platform == Platform::Baidu
                && sameValue(r.baiduUserId, t.value, Qt::CaseSensitive);
        else if (f == u"endpoint")
            ok = r.platform == Platform::Browser && sameValue(r.handle, t.value, Qt::CaseSensitive);
        else if (f == u"p256dh")
            ok = r.platform == Platform::Browser && sameValue(r.p256dh, t.value, Qt::CaseSensitive);
        else if (f == u"auth")
            ok = r.platform == Platform::Browser && sameValue(r.auth, t.value, Qt::CaseSensitive);
        else {
            *problem = QCoreApplication::translate("Nh::EmulatorService",
                                                   "The $filter field '%1' is not supported.")
                           .arg(t.field);
            return false;
        }
        if (!ok)
            return false;
    }
    return true;
}

} // namespace

EmulatorReply EmulatorService::listRegistrations(Context &c, const QString &tag)
{
    int top = kDefaultTop;
    if (c.query.contains(u"$top"_s)) {
        bool ok = false;
        top = c.query.value(u"$top"_s).toInt(&ok);
        if (!ok || top < 1)
            return error(
                400,
                Tr::tr("$top must be a positive number, not '%1'.").arg(c.query.value(u"$top"_s)));
        top = std::min(top, kMaxTop);
    }
    QList<FilterTerm> terms;
    if (c.query.contains(u"$filter"_s)) {
        QString problem;
        auto parsed = parseFilter(c.query.value(u"$filter"_s), &problem);
        if (!parsed)
            return error(400, problem);
        terms = *parsed;
    }
    // The token is the id of the last registration of the previous page, in base64.
    QString after;
    if (c.query.contains(u"continuationtoken"_s)) {
        const QByteArray raw =
            decodeContinuationToken(c.query.value(u"continuationtoken"_s).toUtf8());
        after = QString::fromUtf8(QByteArray::fromBase64(raw));
    }
    QList<Registration> page;
    QString lastId;
    bool more = false;
    for (auto it = after.isEmpty() ? c.hub->registrations.begin()
                                   : c.hub->registrations.upper_bound(after);
         it != c.hub->registrations.end(); ++it) {
        const Registration &r = it->second;
        if (!tag.isEmpty() && !std::any_of(r.tags.cbegin(), r.tags.cend(), [&](const QString &t) {
                return t.compare(tag, Qt::CaseInsensitive) == 0;
            }))
            continue;
        if (!terms.isEmpty()) {
            QString problem;
            const bool match = matchesFilter(r, terms, &problem);
            if (!problem.isEmpty())
                return error(400, problem);
            if (!match)
                continue;
        }
        if (page.size() == top) {
            more = true;
            break;
        }
        page.append(r);
        lastId = it->first;
    }
    FeedContext ctx;
    ctx.baseUrl = c.hubUrl();
    ctx.collectionPath =
        tag.isEmpty() ? u"registrations"_s : u"tags/"_s + tag + u"/registrations"_s;
    ctx.query = c.request.url.query(QUrl::FullyEncoded);
    ctx.updated = c.now;
    EmulatorReply r;
    r.headers = {{"Content-Type"_ba, kAtomFeed}};
    if (more) {
        ctx.continuationToken = lastId.toUtf8().toBase64();
        r.headers.append(
            {"x-ms-continuationtoken"_ba, encodeContinuationToken(ctx.continuationToken)});
    }
    r.body = registrationFeedXml(page, ctx);
    return r;
}

// --- installations ----------------------------------------------------------------------------

EmulatorReply EmulatorService::putInstallation(Context &c, const QString &id)
{
    auto parsed = parseInstallation(c.request.body);
    if (!parsed)
        return error(400, Tr::tr("The installation is invalid: %1").arg(parsed.error().message));
    if (parsed->installationId != id) {
        return error(400,
                     Tr::tr("The installationId in the body ('%1') differs from the one in the "
                            "URL ('%2').")
                         .arg(parsed->installationId, id));
    }
    for (const QString &t : std::as_const(parsed->tags)) {
        if (t.startsWith(u'$'))
            return error(400, Tr::tr("Tags can not start with $."));
    }
    m_state->putInstallation(*c.hub, *parsed);
    EmulatorReply r;
    r.headers = {
        {"Content-Length"_ba, "0"_ba},
        {"Content-Location"_ba,
         (c.hubUrl() + u"/installations/"_s + id + u"?api-version="_s + c.apiVersion).toUtf8()}};
    return r;
}

EmulatorReply EmulatorService::getInstallation(Context &c, const QString &id)
{
    const auto it = c.hub->installations.find(id);
    if (it == c.hub->installations.end())
        return error(404, Tr::tr("Installation not found."));
    EmulatorReply r;
    // The service labels the JSON body application/xml (nh-rest.md §7.1); clients must cope.
    r.headers = {{"Content-Type"_ba, kXml}};
    r.body = installationJson(it->second);
    return r;
}

EmulatorReply EmulatorService::patchInstallation(Context &c, const QString &id)
{
    const auto it = c.hub->installations.find(id);
    if (it == c.hub->installations.end())
        return error(404, Tr::tr("Installation not found."));
    auto patched = applyInstallationPatch(it->second, c.request.body);
    if (!patched)
        return error(400,
                     Tr::tr("The installation patch is invalid: %1").arg(patched.error().message));
    m_state->putInstallation(*c.hub, *patched);
    EmulatorReply r;
    r.headers = {{"Content-Length"_ba, "0"_ba}};
    return r;
}

EmulatorReply EmulatorService::deleteInstallation(Context &c, const QString &id)
{
    m_state->removeInstallation(*c.hub, id);
    EmulatorReply r;
    r.status = 204;
    return r;
}

EmulatorReply EmulatorService::feedbackContainer(Context &c)
{
    EmulatorReply r;
    r.headers = {{"Content-Type"_ba, "text/plain; charset=utf-8"_ba}};
    // A blob container SAS URL as the service hands out; it holds a signature like a real one.
    const QByteArray sig = QUuid::createUuid().toRfc4122().toBase64();
    r.body = (c.origin() + u"/"_s + c.hub->name.toLower() + u"-feedback?sv=2020-08-04&sr=c&se="_s
              + c.now.addDays(1).toString(Qt::ISODate) + u"&sp=rl&sig="_s)
                 .toUtf8()
        + QUrl::toPercentEncoding(QString::fromLatin1(sig));
    return r;
}

// --- control ----------------------------------------------------------------------------------

EmulatorReply EmulatorService::control(const EmulatorRequest &request, const QStringList &segments)
{
    // Loopback-only test hooks, outside any hub path: /$emulator/faults, /$emulator/hubs.
    EmulatorReply r;
    r.headers = {{"Content-Type"_ba, "application/json"_ba}};
    const QString what = segments.value(1);
    if (what == u"faults") {
        if (request.method == "DELETE") {
            m_faults->clear();
            r.status = 204;
            return r;
        }
        if (request.method == "POST") {
            const auto doc = QJsonDocument::fromJson(request.body);
            const QJsonArray items = doc.isArray() ? doc.array() : QJsonArray {doc.object()};
            for (const auto &item : items) {
                auto rule = FaultRule::fromJson(item.toObject());
                if (!rule)
                    return error(400, rule.error().message);
                m_faults->add(*rule);
            }
            r.status = 201;
        }
        QJsonArray list;
        for (const FaultRule &rule : m_faults->rules())
            list.append(rule.toJson());
        r.body = QJsonDocument(list).toJson(QJsonDocument::Compact);
        return r;
    }
    if (what == u"hubs" && request.method == "GET") {
        QJsonArray hubs;
        for (const QString &name : m_state->hubNames()) {
            const EmulatorHub *h = m_state->hub(name);
            hubs.append(QJsonObject {{u"name"_s, name},
                                     {u"registrations"_s, qint64(h->registrations.size())},
                                     {u"installations"_s, qint64(h->installations.size())},
                                     {u"messages"_s, qint64(h->messages.size())}});
        }
        r.body = QJsonDocument(hubs).toJson(QJsonDocument::Compact);
        return r;
    }
    return error(404, Tr::tr("Unknown emulator control endpoint '%1'.").arg(request.url.path()));
}

} // namespace Nh
