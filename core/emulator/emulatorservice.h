// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/httpheaders.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QUrl>
#include <functional>

namespace Nh {

class EmulatorState;
class FaultInjector;
struct EmulatorHub;

/** One HTTP request as the transport received it. */
struct EmulatorRequest
{
    QByteArray method; ///< "POST", "GET", …
    QUrl url; ///< absolute: scheme, Host:port, path, query as received
    HttpHeaders headers;
    QByteArray body;
};

struct EmulatorReply
{
    int status = 200;
    HttpHeaders headers;
    QByteArray body;
};

/** Which operation a request is (fault rules and the request log name it) and its hub. */
struct EmulatorRoute
{
    QString operation; ///< "send", "send.test", "registrations.list", … "control", "unknown"
    QString hub;
};

/**
 * The hub's REST semantics, transport-free: routing, SAS validation and claims, every data-plane
 * operation, and the service's statuses, headers and <Error> bodies (nh-rest.md §3–§7,
 * real-clients.md §7 rules 4–19). The transport (HubEmulator) adds faults and the request log.
 */
class EmulatorService
{
public:
    EmulatorService(EmulatorState *state, FaultInjector *faults);

    EmulatorRoute route(const EmulatorRequest &request) const;
    EmulatorReply handle(const EmulatorRequest &request);

    /** The service's error response: `<Error><Code/><Detail/></Error>` with a TrackingId. */
    EmulatorReply error(int status, const QString &text, int retryAfterSeconds = -1) const;

    /** The status a successful `operation` answers with (for faults that fake a success). */
    static int successStatus(const QString &operation);

    /** The clock used for SAS expiry and times in bodies; tests may replace it. */
    std::function<QDateTime()> clock = [] {
        return QDateTime::currentDateTimeUtc();
    };

    /** Refuse more than 10 test sends per minute per hub with 429, as the service does. Off by
     *  default so benchmarks and scripted QA runs are not throttled. */
    bool throttleTestSends = false;

    /** Largest request body accepted (the service's 64 KB; larger → 413). */
    static constexpr qsizetype kMaxBody = 64 * 1024;

private:
    struct Context;
    struct Route;
    /** The data-plane routes (method + path below the hub → claim, handler, operation). */
    static const QList<Route> &routes();
    /** The routes of the first pattern that fits `segments` (the path below the hub). */
    static QList<const Route *> routesFor(const QStringList &segments);
    EmulatorReply dispatch(Context &c);
    EmulatorReply control(const EmulatorRequest &request, const QStringList &segments);

    /** 201 with an absolute Location (`<hub URL>/<locationPath>?api-version=…`), TrackingId and
     *  x-ms-correlation-request-id: what every kind of send answers (real-clients.md §7 rule 11).
     */
    EmulatorReply accepted(const Context &c, const QString &locationPath,
                           const QByteArray &body = {}, const QString &extraQuery = {}) const;
    EmulatorReply send(Context &c);
    EmulatorReply sendDirect(Context &c);
    EmulatorReply sendBatch(Context &c);
    EmulatorReply sendScheduled(Context &c);
    EmulatorReply cancelScheduled(Context &c, const QString &id);
    EmulatorReply telemetry(Context &c, const QString &id);
    EmulatorReply createRegistrationId(Context &c);
    EmulatorReply createRegistration(Context &c);
    EmulatorReply putRegistration(Context &c, const QString &id);
    EmulatorReply getRegistration(Context &c, const QString &id);
    EmulatorReply deleteRegistration(Context &c, const QString &id);
    EmulatorReply listRegistrations(Context &c, const QString &tag);
    EmulatorReply putInstallation(Context &c, const QString &id);
    EmulatorReply getInstallation(Context &c, const QString &id);
    EmulatorReply patchInstallation(Context &c, const QString &id);
    EmulatorReply deleteInstallation(Context &c, const QString &id);
    EmulatorReply feedbackContainer(Context &c);

    EmulatorState *m_state;
    FaultInjector *m_faults;
    QHash<QString, QList<QDateTime>> m_testSends;
};

} // namespace Nh
