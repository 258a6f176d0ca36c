// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "emulator/hubemulator.h"

#include "common/logging.h"
#include "common/redaction.h"
#include "emulator/connectionguard.h"
#include "emulator/emulatorservice.h"
#include "emulator/emulatorstate.h"
#include "emulator/emulatorstore.h"
#include "emulator/emulatortraffic.h"
#include "emulator/faults.h"
#include "emulator/selfsignedcert.h"
#include "protocol/hubdescription.h"

#include <QAbstractHttpServer>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHttpServerRequest>
#include <QLocale>
#include <QPointer>
#include <QRandomGenerator>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTimer>
#include <QUuid>
#include <limits>
#include <sys/socket.h>

using namespace Qt::Literals::StringLiterals;

namespace Nh {

namespace {

/** The translation context of this file's messages; lupdate reads it from here. */
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Nh::HubEmulator)
};

constexpr qsizetype kMaxLoggedBody = 64 * 1024;
/** A stalled connection is dropped after this long, so a forgotten test cannot leak it. */
constexpr int kStallLimitMs = 10 * 60 * 1000;
/** What the Oversized fault sends: far over anything a hub returns. */
constexpr qsizetype kOversizedBody = 24 * 1024 * 1024;
/**
 * Connections that may be in the TLS handshake at once. QSslServer counts them as pending and
 * stops accepting at the limit (Qt's default: 30), so silent TCP connections would hold every
 * real client back until their handshakes time out; 1000 keeps 500 of them from doing so, and
 * one that has not sent its ClientHello costs only a few kB.
 */
constexpr int kMaxHandshakes = 1000;
/** A loopback TLS handshake takes milliseconds even on a loaded machine; a silent one is cut. */
constexpr int kHandshakeTimeoutMs = 3000;
/** The kernel's accept queue (capped by net.core.somaxconn): a burst of connects is queued
 *  rather than its SYNs dropped (a dropped SYN is retried only after a second). */
constexpr int kListenBacklog = 1024;

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK"_ba;
    case 201:
        return "Created"_ba;
    case 204:
        return "No Content"_ba;
    case 400:
        return "Bad Request"_ba;
    case 401:
        return "Unauthorized"_ba;
    case 403:
        return "Forbidden"_ba;
    case 404:
        return "Not Found"_ba;
    case 405:
        return "Method Not Allowed"_ba;
    case 409:
        return "Conflict"_ba;
    case 410:
        return "Gone"_ba;
    case 408:
        return "Request Timeout"_ba;
    case 412:
        return "Precondition Failed"_ba;
    case 413:
        return "Request Entity Too Large"_ba;
    case 414:
        return "URI Too Long"_ba;
    case 431:
        return "Request Header Fields Too Large"_ba;
    case 429:
        return "Too Many Requests"_ba;
    case 500:
        return "Internal Server Error"_ba;
    case 502:
        return "Bad Gateway"_ba;
    case 503:
        return "Service Unavailable"_ba;
    case 504:
        return "Gateway Timeout"_ba;
    default:
        return "Status"_ba;
    }
}

QByteArray methodName(QHttpServerRequest::Method m)
{
    switch (m) {
    case QHttpServerRequest::Method::Get:
        return "GET"_ba;
    case QHttpServerRequest::Method::Put:
        return "PUT"_ba;
    case QHttpServerRequest::Method::Delete:
        return "DELETE"_ba;
    case QHttpServerRequest::Method::Post:
        return "POST"_ba;
    case QHttpServerRequest::Method::Head:
        return "HEAD"_ba;
    case QHttpServerRequest::Method::Options:
        return "OPTIONS"_ba;
    case QHttpServerRequest::Method::Patch:
        return "PATCH"_ba;
    case QHttpServerRequest::Method::Connect:
        return "CONNECT"_ba;
    case QHttpServerRequest::Method::Trace:
        return "TRACE"_ba;
    default:
        return "UNKNOWN"_ba;
    }
}

QByteArray httpDate(const QDateTime &t)
{
    // Every answer has one, and many answers share a second: the last one is kept (per thread:
    // each emulator serves from its own).
    thread_local qint64 cachedSecond = std::numeric_limits<qint64>::min();
    thread_local QByteArray cached;
    const qint64 second = t.toSecsSinceEpoch();
    if (second != cachedSecond) {
        cached = QLocale::c().toString(t.toUTC(), u"ddd, dd MMM yyyy hh:mm:ss 'GMT'"_s).toLatin1();
        cachedSecond = second;
    }
    return cached;
}

/**
 * The headers the service puts on every answer, errors included (docs/protocol.md §9.7 rule 21):
 * TrackingId and x-ms-correlation-request-id (fresh ids unless the operation set them) and
 * Strict-Transport-Security. Idempotent: respond() applies it so the request log shows them,
 * and serialise() again for answers the transport writes itself.
 */
void addServiceHeaders(HttpHeaders &headers)
{
    if (!headerValue(headers, "TrackingId"))
        headers.append({"TrackingId"_ba, QUuid::createUuid().toByteArray(QUuid::WithoutBraces)});
    if (!headerValue(headers, "x-ms-correlation-request-id")) {
        headers.append({"x-ms-correlation-request-id"_ba,
                        QUuid::createUuid().toByteArray(QUuid::WithoutBraces)});
    }
    setHeader(headers, "Strict-Transport-Security"_ba, "max-age=2592000"_ba);
}

/** Serialises a response's status line and headers (the body is written after them). */
QByteArray serialise(const EmulatorReply &r, const QDateTime &now)
{
    QByteArray out =
        "HTTP/1.1 " + QByteArray::number(r.status) + ' ' + reasonPhrase(r.status) + "\r\n";
    HttpHeaders headers = r.headers;
    addServiceHeaders(headers);
    for (const auto &[name, value] : headers) {
        if (name.compare("Content-Length", Qt::CaseInsensitive) == 0)
            continue;
        out += name + ": " + value + "\r\n";
    }
    out += "Date: " + httpDate(now) + "\r\n";
    if (r.status != 204)
        out += "Content-Length: " + QByteArray::number(r.body.size()) + "\r\n";
    out += "\r\n";
    return out;
}

void resetConnection(QTcpSocket *socket)
{
    // SO_LINGER with a zero timeout makes close() send RST instead of FIN.
    const qintptr fd = socket->socketDescriptor();
    if (fd >= 0) {
        linger l {1, 0};
        ::setsockopt(static_cast<int>(fd), SOL_SOCKET, SO_LINGER, &l, sizeof l);
    }
    socket->abort();
}

QByteArray capped(const QByteArray &body)
{
    // A hub description's keys and credentials too (docs/protocol.md §14.6); a cut one loses
    // everything from the cut on.
    return redactHubDescriptionXml(
        redactSecrets(body.size() > kMaxLoggedBody ? body.first(kMaxLoggedBody) : body));
}

} // namespace

// The QHttpServer side: every request is handed over whole, with its socket.
class HubEmulator::Server final : public QAbstractHttpServer
{
public:
    explicit Server(HubEmulator *owner)
        : QAbstractHttpServer(owner)
        , m_owner(owner)
    { }

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &, QTcpSocket *) override { }

private:
    HubEmulator *m_owner;
};

struct HubEmulator::Private
{
    EmulatorOptions options;
    GenerateReport generated;
    std::unique_ptr<EmulatorState> state;
    std::unique_ptr<EmulatorStore> store;
    FaultInjector faults;
    std::unique_ptr<EmulatorService> service;
    Server *server = nullptr;
    CertificatePair certificate;
    QString certificatePath;
    quint16 port = 0;
    int connections = 0;
    qint64 sequence = 0;
    std::unique_ptr<EmulatorTraffic> traffic;
    QList<QPointer<QTcpSocket>> stalled;
    QTimer scheduler;

    void handle(HubEmulator *q, const QHttpServerRequest &request, QTcpSocket *socket);
    void respond(HubEmulator *q, QTcpSocket *socket, EmulatorLogEntry entry,
                 const EmulatorReply &reply, const std::optional<Fault> &fault,
                 const QElapsedTimer &timer);
    void record(HubEmulator *q, EmulatorLogEntry entry, qint64 deliverySend = 0);
    /** The send's first deliveries (redacted, as the log keeps everything) and count. */
    void attachDeliveries(EmulatorLogEntry &entry, qint64 deliverySend) const;
    /** A send reached more registrations after its entry was logged: the entry again. */
    void deliveriesChanged(HubEmulator *q, qint64 deliverySend);
    /** The answer (and log entry) of a request the connection gate refuses. */
    QByteArray refusal(HubEmulator *q, const GateRefusal &refusal);
    /** A QSslServer on `address`, bounded, bound to `server`; its port, or 0. */
    quint16 listen(HubEmulator *q, const QSslConfiguration &tls, const QHostAddress &address,
                   quint16 port);
};

bool HubEmulator::Server::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    if (ConnectionGuard *guard = ConnectionGuard::of(socket))
        guard->requestDispatched();
    m_owner->d->handle(m_owner, request, socket);
    return true;
}

void HubEmulator::Private::handle(HubEmulator *q, const QHttpServerRequest &request,
                                  QTcpSocket *socket)
{
    QElapsedTimer timer;
    timer.start();
    EmulatorRequest req {methodName(request.method()), request.url(), request.headers(),
                         request.body()};
    // The traffic stream is not logged itself: a follower would read its own requests forever.
    if (const QStringList s = req.url.path().split(u'/', Qt::SkipEmptyParts);
        s.size() == 2 && s.first() == u"$emulator" && s.at(1) == u"traffic") {
        traffic->serve(req, socket);
        return;
    }
    const EmulatorService::Resolution resolution = service->resolve(req);
    const EmulatorRoute &route = resolution.route;

    EmulatorLogEntry entry;
    entry.time = QDateTime::currentDateTimeUtc();
    entry.operation = route.operation;
    entry.hub = route.hub;
    entry.method = req.method;
    entry.url = redactSecrets(
        req.url.toString(QUrl::RemoveScheme | QUrl::RemoveAuthority | QUrl::FullyEncoded));
    entry.requestHeaders = redactHeaders(req.headers);
    entry.requestBody = capped(req.body);

    std::optional<Fault> fault;
    if (const auto spec = headerValue(req.headers, "X-Nh-Emulator-Fault")) {
        auto parsed = Fault::parse(QString::fromUtf8(*spec));
        if (!parsed) {
            respond(q, socket, entry, service->error(400, parsed.error().message), std::nullopt,
                    timer);
            return;
        }
        fault = *parsed;
    } else if (route.operation != u"control") {
        fault = faults.take(route.operation, route.hub);
    }
    if (fault)
        entry.fault = fault->toString();

    if (fault && fault->kind == FaultKind::Reset) {
        resetConnection(socket);
        entry.elapsedMicroseconds = timer.nsecsElapsed() / 1000;
        record(q, entry);
        return;
    }
    if (fault && fault->kind == FaultKind::Stall) {
        stalled.append(socket);
        QTimer::singleShot(kStallLimitMs, socket, [socket] { socket->abort(); });
        entry.elapsedMicroseconds = timer.nsecsElapsed() / 1000;
        record(q, entry);
        return;
    }
    if (fault && fault->kind == FaultKind::Status) {
        QString text;
        if (fault->status == 429 || fault->status == 503)
            text =
                Tr::tr("The request was throttled (injected fault); retry after the time given in "
                       "Retry-After.");
        else if (fault->status >= 500)
            text = Tr::tr("An internal error occurred (injected fault %1).").arg(fault->status);
        else
            text = Tr::tr("The request was refused (injected fault %1).").arg(fault->status);
        respond(q, socket, entry, service->error(fault->status, text, fault->retryAfterSeconds),
                fault, timer);
        return;
    }

    EmulatorReply reply = service->handle(req, resolution);
    if (fault && fault->kind == FaultKind::Delay) {
        QPointer<QTcpSocket> guard(socket);
        QTimer::singleShot(fault->delayMs, q, [this, q, guard, entry, reply, fault, timer] {
            if (guard)
                respond(q, guard, entry, reply, fault, timer);
        });
        return;
    }
    respond(q, socket, entry, reply, fault, timer);
}

void HubEmulator::Private::respond(HubEmulator *q, QTcpSocket *socket, EmulatorLogEntry entry,
                                   const EmulatorReply &original, const std::optional<Fault> &fault,
                                   const QElapsedTimer &timer)
{
    EmulatorReply reply = original;
    bool truncate = false;
    if (fault) {
        const int ok = EmulatorService::successStatus(entry.operation);
        switch (fault->kind) {
        case FaultKind::Garbage: {
            reply.status = ok;
            QByteArray junk(509, Qt::Uninitialized);
            for (char &c : junk)
                c = char(QRandomGenerator::global()->bounded(256));
            reply.body = "<NotificationOutcome><Succ\x01\xfe" + junk;
            setHeader(reply.headers, "Content-Type"_ba, "application/xml; charset=utf-8"_ba);
            break;
        }
        case FaultKind::Truncated:
            if (reply.body.size() < 2) {
                reply.status = ok;
                reply.body =
                    "<NotificationOutcome xmlns=\"http://schemas.microsoft.com/netservices/"
                    "2010/10/servicebus/connect\"><Success>1</Success><Failure>0</Failure>"_ba;
            }
            truncate = true;
            break;
        case FaultKind::Empty:
            reply.status = ok == 204 ? 200 : ok;
            reply.body.clear();
            break;
        case FaultKind::WrongContentType:
            reply.status = ok;
            reply.headers = {{"Content-Type"_ba, "text/html; charset=utf-8"_ba}};
            reply.body =
                "<!DOCTYPE html><html><head><title>Service temporarily unavailable</title>"
                "</head><body><h1>The gateway could not reach the service.</h1></body></html>"_ba;
            break;
        case FaultKind::Oversized:
            reply.status = ok;
            reply.body = QByteArray(kOversizedBody, 'x');
            reply.body.prepend("<NotificationOutcome>");
            break;
        default:
            break;
        }
        // A 204 ends at its headers (RFC 9110 §15.3.5): bytes after it would be read as the
        // start of the next response on a keep-alive connection. A body-carrying fault on an
        // operation that succeeds with 204 therefore answers 200, as a proxy in the way would.
        if (reply.status == 204 && !reply.body.isEmpty())
            reply.status = 200;
    }

    addServiceHeaders(reply.headers);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    socket->write(serialise(reply, now));
    if (truncate) {
        socket->write(reply.body.first(reply.body.size() / 2));
        socket->disconnectFromHost();
    } else {
        socket->write(reply.body);
    }

    entry.status = reply.status;
    entry.responseHeaders = redactHeaders(reply.headers);
    entry.responseBody = capped(reply.body);
    entry.renders = reply.renders;
    for (EmulatorRender &r : entry.renders)
        r.body = redactSecrets(r.body);
    entry.elapsedMicroseconds = timer.nsecsElapsed() / 1000;
    record(q, entry, reply.deliverySend);
}

void HubEmulator::Private::record(HubEmulator *q, EmulatorLogEntry entry, qint64 deliverySend)
{
    entry.sequence = ++sequence;
    if (deliverySend) {
        state->deliveries().setSequence(deliverySend, entry.sequence);
        attachDeliveries(entry, deliverySend);
    }
    qCInfo(lcEmulator).noquote() << entry.summary();
    traffic->append(entry);
    emit q->exchangeLogged(entry);
}

void HubEmulator::Private::attachDeliveries(EmulatorLogEntry &entry, qint64 deliverySend) const
{
    entry.deliveries = state->deliveries().firstOf(deliverySend);
    entry.deliveryCount = state->deliveries().countOf(deliverySend);
    for (EmulatorDelivery &d : entry.deliveries) {
        d.payload = redactSecrets(d.payload);
        d.headers = redactHeaders(d.headers);
    }
}

void HubEmulator::Private::deliveriesChanged(HubEmulator *q, qint64 deliverySend)
{
    const qint64 logged = state->deliveries().sequenceOf(deliverySend);
    EmulatorLogEntry *entry = logged ? traffic->find(logged) : nullptr;
    if (!entry)
        return; // not answered yet (its entry will read the count), or no longer in the log
    attachDeliveries(*entry, deliverySend);
    traffic->touched(logged, ++sequence);
    emit q->exchangeLogged(*entry);
}

QByteArray HubEmulator::Private::refusal(HubEmulator *q, const GateRefusal &refusal)
{
    EmulatorReply reply = service->error(refusal.status, refusal.text);
    reply.headers.append({"Connection"_ba, "close"_ba});
    const QDateTime now = QDateTime::currentDateTimeUtc();
    EmulatorLogEntry entry;
    entry.time = now;
    entry.operation = u"refused"_s;
    entry.method = refusal.method;
    entry.url = redactSecrets(QString::fromLatin1(refusal.target));
    entry.status = reply.status;
    entry.responseHeaders = redactHeaders(reply.headers);
    entry.responseBody = capped(reply.body);
    record(q, entry);
    return serialise(reply, now) + reply.body;
}

quint16 HubEmulator::Private::listen(HubEmulator *q, const QSslConfiguration &tls,
                                     const QHostAddress &address, quint16 port)
{
    // The emulator's own QSslServer rather than QtHttpServer's sslSetup()/listen(): its limits
    // can be set, and each connection gets its gate before QtHttpServer reads from it
    // (docs/architecture.md, "The emulator's gate"). Without a TLS configuration the port would
    // serve plain HTTP (docs/toolchain.md P4).
    auto tcp = std::make_unique<QSslServer>();
    tcp->setSslConfiguration(tls);
    tcp->setHandshakeTimeout(kHandshakeTimeoutMs);
    tcp->setMaxPendingConnections(kMaxHandshakes);
    tcp->setListenBacklogSize(kListenBacklog);
    ConnectionLimits limits;
    limits.maxBody = EmulatorService::kMaxBody;
    limits.idleTimeoutMs = options.idleTimeoutMs;
    limits.headerTimeoutMs = options.headerTimeoutMs;
    QObject::connect(tcp.get(), &QSslServer::startedEncryptionHandshake, q,
                     [this, q, limits](QSslSocket *socket) {
                         new ConnectionGuard(socket, limits, [this, q](const GateRefusal &r) {
                             return refusal(q, r);
                         });
                     });
    if (!tcp->listen(address, port))
        return 0;
    const quint16 bound = tcp->serverPort();
    server->bind(tcp.release());
    return bound;
}

HubEmulator::HubEmulator(QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    d->traffic = std::make_unique<EmulatorTraffic>(
        this,
        [](QTcpSocket *socket, const EmulatorReply &answer) {
            EmulatorReply reply = answer;
            addServiceHeaders(reply.headers);
            socket->write(serialise(reply, QDateTime::currentDateTimeUtc()));
            socket->write(reply.body);
        },
        kTrafficWaitMs, kMaxTrafficWaitMs, kMaxTrafficWaiters);
    // Scheduled sends are delivered when due, checked every second like the service's queue.
    d->scheduler.setInterval(1000);
    connect(&d->scheduler, &QTimer::timeout, this, [this] {
        if (d->state)
            d->state->deliverDue(QDateTime::currentDateTimeUtc());
    });
}

HubEmulator::~HubEmulator()
{
    stop();
}

Status HubEmulator::start(const EmulatorOptions &options)
{
    if (isListening())
        return makeError(ErrorCode::Usage, Tr::tr("The emulator is already running"));
    for (const QString &hub : QStringList {options.hubName} + options.additionalHubs) {
        if (auto st = validateHubName(hub); !st)
            return makeError(st.error().code,
                             Tr::tr("Hub name '%1': %2").arg(hub, st.error().message));
    }
    d->options = options;

    // Certificate: kept in a folder so clients trust it once, or fresh in memory for tests.
    auto cert = options.certificateDir.isEmpty() ? generateSelfSignedCertificate()
                                                 : loadOrCreateCertificate(options.certificateDir);
    if (!cert)
        return cert.error();
    d->certificate = *cert;
    d->certificatePath =
        options.certificateDir.isEmpty() ? QString() : certificateFileName(options.certificateDir);

    // Namespace: from the data file when it has one, else new (random keys, demo data).
    d->state.reset();
    if (!options.dataFile.isEmpty()) {
        auto store = EmulatorStore::open(options.dataFile);
        if (!store)
            return store.error();
        d->store = std::move(store.value());
        if (!d->store->isEmpty()) {
            d->state = std::make_unique<EmulatorState>();
            if (auto st = d->store->load(*d->state); !st)
                qCWarning(lcEmulator).noquote() << st.error().message;
            d->state->addHub(options.hubName);
        }
    }
    const bool fresh = !d->state;
    if (!d->state) {
        d->state = EmulatorState::createDefault(options.hubName);
        d->state->attachStore(d->store.get());
        if (d->store)
            d->store->saveNamespace(*d->state);
        if (options.seedDemoData)
            d->state->seedDemoData(*d->state->hub(options.hubName));
    }
    for (const QString &hub : options.additionalHubs)
        d->state->addHub(hub);
    configureHubs(*d->state, options.hubConfigs, fresh && options.seedDemoData);
    d->generated = {};
    if (options.generate.count > 0)
        d->generated = generateRegistrations(*d->state->hub(options.hubName), options.generate);
    d->state->host = u"localhost"_s;
    if (d->store) {
        d->store->saveNamespace(*d->state);
        d->state->deliveries().load(d->store->loadDeliveries(EmulatorDeliveries::kMaxKept));
    }
    // Log sequences go on from the kept deliveries', so `since=SEQ` stays meaningful.
    d->sequence = qMax(d->sequence, d->state->deliveries().lastSequence());
    d->state->deliveries().changed = [this](qint64 send) {
        d->deliveriesChanged(this, send);
    };

    d->service = std::make_unique<EmulatorService>(d->state.get(), &d->faults);
    d->service->throttleTestSends = options.throttleTestSends;
    d->service->resetHook = [this] {
        reset();
    };

    d->server = new Server(this);
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificate(QSslCertificate(d->certificate.certificatePem, QSsl::Pem));
    tls.setPrivateKey(QSslKey(d->certificate.privateKeyPem, QSsl::Ec, QSsl::Pem));
    tls.setPeerVerifyMode(QSslSocket::VerifyNone);
    tls.setProtocol(QSsl::TlsV1_2OrLater);
    const quint16 port = d->listen(this, tls, QHostAddress::LocalHost, options.port);
    if (port == 0) {
        delete d->server;
        d->server = nullptr;
        return makeError(
            ErrorCode::Storage,
            Tr::tr("Could not listen on 127.0.0.1:%1: the port is taken or not allowed")
                .arg(options.port));
    }
    d->port = port;
    if (options.listenIpv6)
        d->listen(this, tls, QHostAddress::LocalHostIPv6, port); // best effort: no ::1 is fine
    d->connections = 0;
    for (QTcpServer *tcp : d->server->servers())
        connect(tcp, &QTcpServer::pendingConnectionAvailable, this, [this] { ++d->connections; });
    d->scheduler.start();
    qCInfo(lcEmulator).noquote() << Tr::tr("Emulator listening on https://localhost:%1/").arg(port);
    return {};
}

void HubEmulator::stop()
{
    d->scheduler.stop();
    d->traffic->releaseAll();
    for (const auto &s : std::as_const(d->stalled)) {
        if (s)
            s->abort();
    }
    d->stalled.clear();
    if (d->server) {
        for (QTcpServer *tcp : d->server->servers())
            tcp->close();
        delete d->server;
        d->server = nullptr;
    }
    d->port = 0;
}

bool HubEmulator::isListening() const
{
    return d->server && d->port != 0;
}

quint16 HubEmulator::port() const
{
    return d->port;
}

QString HubEmulator::hubName() const
{
    return d->options.hubName;
}

QSslCertificate HubEmulator::certificate() const
{
    return QSslCertificate(d->certificate.certificatePem, QSsl::Pem);
}

QByteArray HubEmulator::certificatePem() const
{
    return d->certificate.certificatePem;
}

QString HubEmulator::certificatePath() const
{
    return d->certificatePath;
}

ConnectionString HubEmulator::connectionString(const QString &rule) const
{
    const SasRule *r = d->state ? d->state->rule(rule) : nullptr;
    if (!r)
        return {};
    return ConnectionString::fromParts(u"localhost"_s, d->port, r->name, r->key);
}

QStringList HubEmulator::ruleNames() const
{
    QStringList names;
    if (d->state) {
        for (const SasRule &r : d->state->rules)
            names << r.name;
    }
    return names;
}

EmulatorState &HubEmulator::state()
{
    Q_ASSERT(d->state);
    return *d->state;
}

FaultInjector &HubEmulator::faults()
{
    return d->faults;
}

EmulatorService &HubEmulator::service()
{
    Q_ASSERT(d->service);
    return *d->service;
}

QList<EmulatorLogEntry> HubEmulator::log() const
{
    return d->traffic->entries();
}

void HubEmulator::reset()
{
    if (!d->state)
        return;
    d->faults.clear();
    d->state->clearContents();
    if (d->service)
        d->service->clearThrottle();
    if (EmulatorHub *hub = d->state->hub(d->options.hubName)) {
        if (d->options.seedDemoData) {
            d->state->seedDemoData(*hub);
            if (EmulatorHub *problems = d->state->hub(kProblemsDemoHub))
                seedProblemsDemoData(*d->state, *problems);
        }
        if (d->options.generate.count > 0)
            d->generated = generateRegistrations(*hub, d->options.generate);
    }
}

int HubEmulator::connectionCount() const
{
    return d->connections;
}

GenerateReport HubEmulator::generated() const
{
    return d->generated;
}

} // namespace Nh
