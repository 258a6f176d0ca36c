// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "emulator/emulatorservice.h"

#include "emulator/emulatoroperations.h"
#include "emulator/emulatorstate.h"
#include "emulator/faults.h"
#include "protocol/errorbody.h"
#include "protocol/operation.h"
#include "protocol/sastoken.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

using namespace Qt::Literals::StringLiterals;

namespace Nh {

// --- what the operations share ----------------------------------------------------------------

namespace EmulatorOps {

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

QByteArray Context::header(QByteArrayView name) const
{
    return headerValue(request.headers, name).value_or(QByteArray());
}

bool Context::hasHeader(QByteArrayView name) const
{
    return headerValue(request.headers, name).has_value();
}

QString Context::origin() const
{
    QUrl u = request.url;
    u.setPath(QString());
    u.setQuery(QString());
    u.setFragment(QString());
    u.setScheme(u"https"_s);
    return u.toString(QUrl::FullyEncoded);
}

QString Context::hubUrl() const
{
    return origin() + u'/' + hub->name;
}

EmulatorReply Context::error(int status, const QString &text, int retryAfterSeconds) const
{
    return service.error(status, text, retryAfterSeconds);
}

} // namespace EmulatorOps

using EmulatorOps::Context;
using EmulatorOps::flag;
using EmulatorOps::kXml;
using EmulatorOps::queryItems;
using EmulatorOps::Tr;

namespace {

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

// --- routes -----------------------------------------------------------------------------------

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
    Operation operation = Operation::Send; ///< for fault rules and the request log
    Right right = Right::Manage;
    /** Listing registrations: Listen with a $filter (by channel), else Manage. */
    bool manageUnlessFiltered = false;
    /** The claim is checked before the method (405 only for a client that has the claim). */
    bool claimFirst = false;
    EmulatorReply (*handler)(Context &) = nullptr;

    /** The first segment of the pattern: the collection the route belongs to. */
    QStringView collection() const
    {
        const qsizetype slash = pattern.indexOf(u'/');
        return slash < 0 ? pattern : pattern.first(slash);
    }
    /** True for a pattern that names one item of its collection (`registrations/{}`). */
    bool isItem() const { return pattern.endsWith(u"/{}"); }

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
    namespace Ops = EmulatorOps;
    // Within a pattern, methods are listed in the order the Allow header names them.
    static const QList<Route> kRoutes {
        {.method = "POST"_ba,
         .pattern = u"messages",
         .operation = Operation::Send,
         .right = Right::Send,
         .handler =
             [](Context &c) {
                 return flag(c.query, u"direct"_s) ? Ops::sendDirect(c) : Ops::send(c);
             }},
        {.method = "POST"_ba,
         .pattern = u"messages/$batch",
         .operation = Operation::SendBatch,
         .right = Right::Send,
         .handler =
             [](Context &c) {
                 return Ops::sendBatch(c);
             }},
        {.method = "GET"_ba,
         .pattern = u"messages/{}",
         .operation = Operation::TelemetryGet,
         .right = Right::Send,
         .handler =
             [](Context &c) {
                 return Ops::telemetry(c, c.segments.at(1));
             }},
        {.method = "POST"_ba,
         .pattern = u"schedulednotifications",
         .operation = Operation::SendScheduled,
         .right = Right::Send,
         .handler =
             [](Context &c) {
                 return Ops::sendScheduled(c);
             }},
        {.method = "DELETE"_ba,
         .pattern = u"schedulednotifications/{}",
         .operation = Operation::SchedulesCancel,
         .right = Right::Send,
         .handler =
             [](Context &c) {
                 return Ops::cancelScheduled(c, c.segments.at(1));
             }},
        {.method = "POST"_ba,
         .pattern = u"registrationids",
         .operation = Operation::RegistrationIdsCreate,
         .right = Right::Listen,
         .handler =
             [](Context &c) {
                 return Ops::createRegistrationId(c);
             }},
        {.method = "GET"_ba,
         .pattern = u"registrations",
         .operation = Operation::RegistrationsList,
         .right = Right::Manage,
         .manageUnlessFiltered = true,
         .handler =
             [](Context &c) {
                 return Ops::listRegistrations(c, {});
             }},
        {.method = "POST"_ba,
         .pattern = u"registrations",
         .operation = Operation::RegistrationsCreate,
         .right = Right::Listen,
         .handler =
             [](Context &c) {
                 return Ops::createRegistration(c);
             }},
        {.method = "GET"_ba,
         .pattern = u"registrations/{}",
         .operation = Operation::RegistrationsGet,
         .right = Right::Listen,
         .claimFirst = true,
         .handler =
             [](Context &c) {
                 return Ops::getRegistration(c, c.segments.at(1));
             }},
        {.method = "PUT"_ba,
         .pattern = u"registrations/{}",
         .operation = Operation::RegistrationsPut,
         .right = Right::Listen,
         .claimFirst = true,
         .handler =
             [](Context &c) {
                 return Ops::putRegistration(c, c.segments.at(1));
             }},
        {.method = "DELETE"_ba,
         .pattern = u"registrations/{}",
         .operation = Operation::RegistrationsDelete,
         .right = Right::Listen,
         .claimFirst = true,
         .handler =
             [](Context &c) {
                 return Ops::deleteRegistration(c, c.segments.at(1));
             }},
        {.method = "GET"_ba,
         .pattern = u"tags/{}/registrations",
         .operation = Operation::RegistrationsByTag,
         .right = Right::Manage,
         .handler =
             [](Context &c) {
                 return Ops::listRegistrations(c, c.segments.at(1));
             }},
        {.method = "GET"_ba,
         .pattern = u"installations/{}",
         .operation = Operation::InstallationsGet,
         .right = Right::Listen,
         .claimFirst = true,
         .handler =
             [](Context &c) {
                 return Ops::getInstallation(c, c.segments.at(1));
             }},
        {.method = "PUT"_ba,
         .pattern = u"installations/{}",
         .operation = Operation::InstallationsPut,
         .right = Right::Listen,
         .claimFirst = true,
         .handler =
             [](Context &c) {
                 return Ops::putInstallation(c, c.segments.at(1));
             }},
        {.method = "PATCH"_ba,
         .pattern = u"installations/{}",
         .operation = Operation::InstallationsPatch,
         .right = Right::Listen,
         .claimFirst = true,
         .handler =
             [](Context &c) {
                 return Ops::patchInstallation(c, c.segments.at(1));
             }},
        {.method = "DELETE"_ba,
         .pattern = u"installations/{}",
         .operation = Operation::InstallationsDelete,
         .right = Right::Listen,
         .claimFirst = true,
         .handler =
             [](Context &c) {
                 return Ops::deleteInstallation(c, c.segments.at(1));
             }},
        {.method = "GET"_ba,
         .pattern = u"feedbackcontainer",
         .operation = Operation::FeedbackGet,
         .right = Right::Send,
         .handler =
             [](Context &c) {
                 return Ops::feedbackContainer(c);
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

qsizetype EmulatorService::methodCount(QStringView pattern)
{
    return std::count_if(routes().cbegin(), routes().cend(),
                         [&](const Route &r) { return r.pattern == pattern; });
}

QString EmulatorService::operationOf(const Route &route, const EmulatorRequest &request)
{
    if (route.pattern == u"messages") { // one route, three kinds of send
        const auto q = queryItems(request.url);
        return operationName(flag(q, u"direct"_s)     ? Operation::SendDirect
                                 : flag(q, u"test"_s) ? Operation::SendTest
                                                      : Operation::Send);
    }
    return operationName(route.operation);
}

QString EmulatorService::unroutedOperation(const QStringList &segments, const QByteArray &method)
{
    // Named by its collection: where the collection's items take several methods, by the
    // method (`registrations.post`); otherwise as the collection's deepest route.
    const Route *deepest = nullptr;
    bool byMethod = false;
    for (const Route &r : routes()) {
        if (r.collection().compare(segments.first(), Qt::CaseInsensitive) != 0)
            continue;
        deepest = &r;
        byMethod = byMethod || (r.isItem() && methodCount(r.pattern) > 1);
    }
    if (!deepest)
        return u"unknown"_s;
    if (byMethod)
        return deepest->collection().toString() + u'.' + QString::fromLatin1(method).toLower();
    return operationName(deepest->operation);
}

// --- resolve and handle -----------------------------------------------------------------------

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

EmulatorReply EmulatorService::jsonError(int status, const QString &message)
{
    return jsonReply(
        status,
        QJsonDocument(QJsonObject {
            {u"error"_s, QJsonObject {{u"status"_s, status}, {u"message"_s, message}}}}));
}

EmulatorReply EmulatorService::jsonReply(int status, const QJsonDocument &document)
{
    EmulatorReply r;
    r.status = status;
    r.headers = {{"Content-Type"_ba, "application/json"_ba}};
    r.body = document.toJson(QJsonDocument::Compact);
    return r;
}

QString EmulatorService::bodyTooLargeText(qint64 size)
{
    return Tr::tr("The request body is %1 bytes; the maximum the service accepts is "
                  "%2 bytes (64 KB).")
        .arg(size)
        .arg(kMaxBody);
}

int EmulatorService::successStatus(const QString &operation)
{
    if (operation.startsWith(u"send"_s) || operation == u"registrationids.create"
        || operation == u"hub.create")
        return 201;
    if (operation == u"installations.delete")
        return 204;
    return 200;
}

EmulatorService::Resolution EmulatorService::resolve(const EmulatorRequest &request) const
{
    using Kind = Resolution::Kind;
    Resolution r;
    const QStringList s = request.url.path().split(u'/', Qt::SkipEmptyParts);
    if (!s.isEmpty() && s.first() == u"$emulator") {
        r.kind = Kind::Control;
        r.route = {u"control"_s, {}};
        return r;
    }
    if (const QString op = EmulatorOps::hubOperation(s, request); !op.isEmpty()) {
        r.kind = Kind::Management;
        r.route = {op, s.size() == 1 ? s.first() : QString()};
        return r;
    }
    if (s.size() < 2) {
        r.kind = Kind::NotHosted;
        r.route = {u"unknown"_s, s.value(0)};
        r.refusal = error(
            404,
            Tr::tr("No service is hosted at the specified address '%1'.").arg(request.url.path()));
        return r;
    }
    r.route.hub = s.first();
    const QStringList below = s.sliced(1);
    const QList<const Route *> candidates = routesFor(below);
    for (const Route *candidate : candidates) {
        if (candidate->method == request.method) {
            r.kind = Kind::Serve;
            r.target = candidate;
            r.route.operation = operationOf(*candidate, request);
            return r;
        }
    }
    if (candidates.isEmpty()) {
        r.kind = Kind::NoBranch;
        r.route.operation = unroutedOperation(below, request.method);
        r.refusal =
            error(404, Tr::tr("No message branch at the URI '%1'.").arg(request.url.path()));
        return r;
    }
    const Route &first = *candidates.first();
    r.kind = Kind::MethodNotAllowed;
    r.route.operation = first.isItem() && candidates.size() > 1
        ? first.collection().toString() + u'.' + QString::fromLatin1(request.method).toLower()
        : operationOf(first, request);
    r.claimFirst = first.claimFirst ? &first : nullptr;
    QByteArrayList methods;
    for (const Route *candidate : candidates)
        methods.append(candidate->method);
    const QByteArray allow = methods.join(", ");
    r.refusal = error(405,
                      Tr::tr("The method %1 is not allowed on %2; allowed: %3.")
                          .arg(QString::fromLatin1(request.method), request.url.path(),
                               QString::fromLatin1(allow)));
    r.refusal.headers.append({"Allow"_ba, allow});
    return r;
}

EmulatorReply EmulatorService::handle(const EmulatorRequest &request)
{
    return handle(request, resolve(request));
}

EmulatorReply EmulatorService::handle(const EmulatorRequest &request, const Resolution &resolution)
{
    using Kind = Resolution::Kind;
    if (resolution.kind == Kind::Control)
        return control(request, request.url.path().split(u'/', Qt::SkipEmptyParts));
    if (resolution.kind == Kind::NotHosted)
        return resolution.refusal;
    if (request.body.size() > kMaxBody) {
        return error(413, bodyTooLargeText(request.body.size()));
    }
    QStringList segments = request.url.path().split(u'/', Qt::SkipEmptyParts);
    const QString hubName = segments.isEmpty() ? QString() : segments.takeFirst();
    Context c {.request = request,
               .service = *this,
               .state = m_state,
               .segments = segments,
               .query = queryItems(request.url),
               .apiVersion = {},
               .now = clock(),
               .testSends = throttleTestSends ? &m_testSends : nullptr};
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
    // The namespace's rule of that name, else the hub's own (its description's AuthorizationRules,
    // either key).
    QList<SasRule> candidates = EmulatorOps::hubRules(*m_state, hubName, token->keyName);
    if (const SasRule *rule = m_state->rule(token->keyName))
        candidates.prepend(*rule);
    if (candidates.isEmpty()) {
        return error(401,
                     Tr::tr("InvalidSignature: The token has an invalid signature (the namespace "
                            "has no rule named '%1').")
                         .arg(token->keyName));
    }
    Status valid;
    SasRule rule;
    for (const SasRule &candidate : std::as_const(candidates)) {
        valid = Sas::validate(*token, candidate.key, request.url, c.now);
        rule = candidate;
        if (valid)
            break;
    }
    const bool managementRead = resolution.kind == Kind::Management && request.method == "GET";
    if (!valid) {
        // A wrong key reading a hub gets the text a key without Manage gets (docs/protocol.md
        // §14.3).
        return error(401,
                     managementRead && valid.error().code == ErrorCode::InvalidSignature
                         ? EmulatorOps::manageClaimRequiredText()
                         : valid.error().message);
    }
    c.rule = &rule;
    if (resolution.kind == Kind::Management)
        return EmulatorOps::manageHubs(c, resolution.route.operation);

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
    return dispatch(c, resolution);
}

EmulatorReply EmulatorService::dispatch(Context &c, const Resolution &resolution)
{
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
    if (!resolution.target) {
        if (resolution.claimFirst) {
            if (auto refusal = denied(*resolution.claimFirst))
                return *refusal;
        }
        return resolution.refusal;
    }
    if (auto refusal = denied(*resolution.target))
        return *refusal;
    ++c.hub->apiCalls;
    return resolution.target->handler(c);
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
    if (what == u"deliveries")
        return EmulatorOps::controlDeliveries(request, *m_state);
    if (what == u"reset") {
        if (request.method != "POST") {
            EmulatorReply refusal =
                jsonError(405,
                          Tr::tr("The method %1 is not allowed on %2; allowed: POST.")
                              .arg(QString::fromLatin1(request.method), request.url.path()));
            refusal.headers.append({"Allow"_ba, "POST"_ba});
            return refusal;
        }
        if (!resetHook)
            return jsonError(404, Tr::tr("This emulator cannot be reset."));
        resetHook();
        m_testSends.clear();
        QJsonArray hubs;
        for (const QString &name : m_state->hubNames()) {
            const EmulatorHub *h = m_state->hub(name);
            hubs.append(QJsonObject {{u"name"_s, name},
                                     {u"registrations"_s, qint64(h->registrations.size())},
                                     {u"installations"_s, qint64(h->installations.size())}});
        }
        return jsonReply(200, QJsonDocument(QJsonObject {{u"hubs"_s, hubs}}));
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
