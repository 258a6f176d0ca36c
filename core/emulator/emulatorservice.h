// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/httpheaders.h"
#include "emulator/emulatortemplates.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <functional>

QT_BEGIN_NAMESPACE
class QJsonDocument;
QT_END_NAMESPACE

namespace Nh {

class EmulatorState;
class FaultInjector;
struct EmulatorHub;
namespace EmulatorOps {
struct Context;
}

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
    /// A template send: what the first registrations received; not sent, only logged.
    QList<EmulatorRender> renders;
    /// A send: its number in EmulatorState::deliveries() (0 for any other answer), so that the
    /// log entry gets its deliveries and their records the entry's sequence.
    qint64 deliverySend = 0;
};

/** Which operation a request is (fault rules and the request log name it) and its hub. */
struct EmulatorRoute
{
    QString operation; ///< "send", "send.test", "registrations.list", … "control", "unknown"
    QString hub;
};

/**
 * The hub's REST semantics, transport-free: routing, SAS validation and claims, and the
 * service's statuses, headers and <Error> bodies (docs/protocol.md §3–§7,
 * docs/protocol.md §9.7 rules 4–19). A thin router: the data-plane operations are in EmulatorOps
 * (emulatoroperations.h), one file per collection. The transport (HubEmulator) adds faults and the
 * request log.
 */
class EmulatorService
{
public:
    struct Route;

    /** What resolve() found for a request: the route that serves it, or the 404/405 answer. */
    struct Resolution
    {
        enum class Kind {
            Serve, ///< `target` serves it (once the request is authorized)
            Control, ///< a test hook below /$emulator/
            NotHosted, ///< no hub in the path: `refusal` (404) before anything else
            NoBranch, ///< nothing below the hub fits the path: `refusal` (404) once authorized
            MethodNotAllowed, ///< the path fits, the method not: `refusal` (405 with Allow)
            Management, ///< the hub itself or the hub list (EmulatorOps::manageHubs)
        };
        Kind kind = Kind::NotHosted;
        /** The operation and hub, for fault rules and the request log (refusals included). */
        EmulatorRoute route;
        const Route *target = nullptr;
        /** For MethodNotAllowed: the route whose claim is checked before the 405, or null. */
        const Route *claimFirst = nullptr;
        EmulatorReply refusal;
    };

    EmulatorService(EmulatorState *state, FaultInjector *faults);

    /** Routes `request` once: to its route and operation, or to the 404/405 it gets. */
    Resolution resolve(const EmulatorRequest &request) const;
    /** Answers `request` as `resolution` (from resolve()) decided. */
    EmulatorReply handle(const EmulatorRequest &request, const Resolution &resolution);
    /** handle(request, resolve(request)). */
    EmulatorReply handle(const EmulatorRequest &request);

    /** The service's error response: `<Error><Code/><Detail/></Error>` with a TrackingId. */
    EmulatorReply error(int status, const QString &text, int retryAfterSeconds = -1) const;

    /**
     * The answer of a `/$emulator/` control route that failed: `{"error": {"status": N,
     * "message": "…"}}` as application/json (docs/protocol.md §9.11).
     */
    static EmulatorReply jsonError(int status, const QString &message);
    /** A control route's JSON answer. */
    static EmulatorReply jsonReply(int status, const QJsonDocument &document);

    /** `POST /$emulator/reset` calls it (HubEmulator::reset()); 404 while it is not set. */
    std::function<void()> resetHook;
    /** Forgets the test-send throttle's counts (a reset). */
    void clearThrottle() { m_testSends.clear(); }

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
    /** The Detail of the 413 a body of `size` bytes gets (here and from the emulator's gate). */
    static QString bodyTooLargeText(qint64 size);

private:
    /** The data-plane routes (method + path below the hub → claim, operation, handler). */
    static const QList<Route> &routes();
    /** The routes of the first pattern that fits `segments` (the path below the hub). */
    static QList<const Route *> routesFor(const QStringList &segments);
    /** How many methods the routes with `pattern` take. */
    static qsizetype methodCount(QStringView pattern);
    /** The operation of a request `route` serves. */
    static QString operationOf(const Route &route, const EmulatorRequest &request);
    /** The operation of a request to `segments` (below the hub) that no route serves. */
    static QString unroutedOperation(const QStringList &segments, const QByteArray &method);
    EmulatorReply dispatch(EmulatorOps::Context &c, const Resolution &resolution);
    EmulatorReply control(const EmulatorRequest &request, const QStringList &segments);

    EmulatorState *m_state;
    FaultInjector *m_faults;
    QHash<QString, QList<QDateTime>> m_testSends;
};

} // namespace Nh
