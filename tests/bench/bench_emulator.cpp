// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Emulator throughput (issue #4): test sends served per second over 1 and 16 keep-alive HTTPS
// connections, as a ratio to a trivial server on the same stack (QAbstractHttpServer, the same
// TLS set-up, answering 201 with an empty body) measured in the same run, so the figure means the
// same on any machine. The servers run on their own thread; the client (C persistent QSslSockets,
// hand-written HTTP/1.1, one request in flight per connection) runs in the main thread and never
// blocks it. Every emulator response must be 201 with a NotificationOutcome that reached the
// seeded registrations, and the emulator's log must show each send; otherwise this exits 1, so
// it cannot measure an emulator that answers errors fast.
// NH_BENCH_QUICK=1 (set by ctest) runs ~200 requests per case.

#include "benchsupport.h"
#include "emulator/emulatorstate.h"
#include "emulator/hubemulator.h"
#include "emulator/selfsignedcert.h"
#include "protocol/connectionstring.h"
#include "protocol/notificationoutcome.h"
#include "protocol/registration.h"
#include "protocol/sastoken.h"

#include <QAbstractHttpServer>
#include <QByteArray>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QHostAddress>
#include <QList>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslSocket>
#include <QString>
#include <QThread>
#include <QTimer>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <memory>

using namespace Qt::Literals::StringLiterals;

namespace {

using Bench::fail;

// The apple registrations the test send's expression reaches, and what it must not reach.
constexpr int kReached = 5;
const QByteArray kTagExpression = "(sports || breaking) && !lang:fr"_ba;
const QByteArray kBody = R"({"aps":{"alert":{"title":"bench","body":"test send"}}})"_ba;
/** No case may take longer than this; a stuck run fails instead of hanging ctest. */
constexpr int kCaseDeadlineMs = 60000;
/** A response header block larger than this is garbage, not a slow server. */
constexpr qsizetype kMaxHeaderBytes = 16 * 1024;

// Client rates seen on this machine against a zero-work server (docs/protocol.md §9.8, medians).
constexpr double kJsSdkSequentialPerSecond = 1277;
constexpr double kJsSdkConcurrentPerSecond = 1844;

/** The baseline: the same server stack and TLS set-up, answering every request 201 at once. */
class TrivialServer final : public QAbstractHttpServer
{
public:
    using QAbstractHttpServer::QAbstractHttpServer;

protected:
    bool handleRequest(const QHttpServerRequest &, QTcpSocket *socket) override
    {
        socket->write("HTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\n"_ba);
        return true;
    }
    void missingHandler(const QHttpServerRequest &, QTcpSocket *) override { }
};

/** What the server thread hands back to the client (read only after a blocking call). */
struct ServerSide
{
    std::unique_ptr<Nh::HubEmulator> emulator;
    std::unique_ptr<TrivialServer> trivial;
    quint16 emulatorPort = 0;
    quint16 trivialPort = 0;
    QSslCertificate emulatorCertificate;
    QSslCertificate trivialCertificate;
    Nh::ConnectionString connectionString;
    QString hub;
    /** One entry per exchange the emulator logged since the last take. */
    struct Logged
    {
        int status = 0;
        QString operation;
        qint64 elapsedMicroseconds = 0;
    };
    QList<Logged> logged;
};

/** Runs `f` in the thread of `context` and waits for it: set-up and read-out only, never timed. */
void inServerThread(QObject *context, const std::function<void()> &f)
{
    QMetaObject::invokeMethod(context, f, Qt::BlockingQueuedConnection);
}

void startServers(ServerSide &s)
{
    s.emulator = std::make_unique<Nh::HubEmulator>();
    Nh::EmulatorOptions options;
    options.seedDemoData = false;
    options.listenIpv6 = false;
    if (const auto st = s.emulator->start(options); !st)
        fail(u"the emulator did not start: "_s + st.error().message);

    Nh::EmulatorState &state = s.emulator->state();
    Nh::EmulatorHub &hub = *state.hub(s.emulator->hubName());
    const auto add = [&](Nh::Platform platform, int i, const QStringList &tags) {
        Nh::Registration r;
        r.platform = platform;
        r.handle = u"%1"_s.arg(0xbe0c0000 + i, 64, 16, QChar(u'0')).toUpper();
        r.tags = tags;
        state.putRegistration(hub, r);
    };
    // Five apple registrations the expression reaches ...
    add(Nh::Platform::Apple, 1, {u"sports"_s, u"lang:en"_s});
    add(Nh::Platform::Apple, 2, {u"sports"_s});
    add(Nh::Platform::Apple, 3, {u"breaking"_s, u"lang:en"_s});
    add(Nh::Platform::Apple, 4, {u"breaking"_s, u"sports"_s, u"user:alice"_s});
    add(Nh::Platform::Apple, 5, {u"sports"_s, u"lang:de"_s});
    // ... and some it must not: excluded by the tags, or another platform.
    add(Nh::Platform::Apple, 6, {u"sports"_s, u"lang:fr"_s});
    add(Nh::Platform::Apple, 7, {u"politics"_s});
    add(Nh::Platform::FcmV1, 8, {u"sports"_s});
    add(Nh::Platform::Gcm, 9, {u"breaking"_s});
    add(Nh::Platform::Browser, 10, {u"sports"_s});

    s.emulatorPort = s.emulator->port();
    s.emulatorCertificate = s.emulator->certificate();
    s.hub = s.emulator->hubName();
    const auto cs = s.emulator->connectionString();
    // 127.0.0.1, not localhost: a bare chroot may have no /etc/hosts (docs/toolchain.md P7).
    s.connectionString =
        Nh::ConnectionString::fromParts(u"127.0.0.1"_s, s.emulatorPort, cs.keyName(), cs.key());
    QObject::connect(s.emulator.get(), &Nh::HubEmulator::exchangeLogged, s.emulator.get(),
                     [&s](const Nh::EmulatorLogEntry &e) {
                         s.logged.append({e.status, e.operation, e.elapsedMicroseconds});
                     });

    // The baseline gets the emulator's TLS set-up (hubemulator.cpp, start()).
    const auto pair = Nh::generateSelfSignedCertificate();
    if (!pair)
        fail(u"no certificate for the trivial server: "_s + pair.error().message);
    s.trivialCertificate = QSslCertificate(pair->certificatePem, QSsl::Pem);
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificate(s.trivialCertificate);
    tls.setPrivateKey(QSslKey(pair->privateKeyPem, QSsl::Ec, QSsl::Pem));
    tls.setPeerVerifyMode(QSslSocket::VerifyNone);
    tls.setProtocol(QSsl::TlsV1_2OrLater);
    s.trivial = std::make_unique<TrivialServer>();
    s.trivial->sslSetup(tls); // before listen(), or the port serves plain HTTP
    s.trivialPort = s.trivial->listen(QHostAddress::LocalHost, 0);
    if (s.trivialPort == 0)
        fail(u"the trivial server could not listen on 127.0.0.1"_s);
}

/** One test send exactly as it goes on the wire, signed once (a client caches its token). */
QByteArray testSendRequest(const Nh::ConnectionString &cs, const QString &hub, quint16 port)
{
    const QString pathAndQuery = u"/"_s + hub + u"/messages?api-version=2020-06&test"_s;
    const QUrl url(u"https://127.0.0.1:%1"_s.arg(port) + pathAndQuery);
    const QString audience = Nh::Sas::audience(cs, hub, url, Nh::Sas::Audience::Hub);
    const auto token =
        Nh::Sas::generate(audience, cs.keyName(), cs.key(), QDateTime::currentDateTimeUtc());
    return "POST "_ba + pathAndQuery.toUtf8() + " HTTP/1.1\r\nHost: 127.0.0.1:"_ba
        + QByteArray::number(port) + "\r\nAuthorization: "_ba + token.header().toUtf8()
        + "\r\nContent-Type: application/json;charset=utf-8\r\nx-ms-version: 2020-06\r\n"
          "ServiceBusNotification-Format: apple\r\nServiceBusNotification-Tags: "_ba
        + kTagExpression
        + "\r\napns-push-type: alert\r\napns-priority: 10\r\n"
          "Connection: keep-alive\r\nContent-Length: "_ba
        + QByteArray::number(kBody.size()) + "\r\n\r\n"_ba + kBody;
}

/** The Content-Length of a response header block, or -1 when it has none or a bad one. */
qsizetype contentLength(QByteArrayView head)
{
    qsizetype from = 0;
    while (from < head.size()) {
        qsizetype end = head.indexOf("\r\n", from);
        if (end < 0)
            end = head.size();
        const QByteArrayView line = head.sliced(from, end - from);
        from = end + 2;
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.first(colon).compare("Content-Length", Qt::CaseInsensitive) == 0) {
            bool ok = false;
            const qlonglong value = line.sliced(colon + 1).trimmed().toLongLong(&ok);
            return ok && value >= 0 ? qsizetype(value) : -1;
        }
    }
    return -1;
}

struct Response
{
    int status = 0;
    QByteArray body;
};

struct CaseResult
{
    double seconds = 0;
    QList<Response> responses; ///< every response, warm-up included
};

/**
 * Keeps `connections` keep-alive connections busy, each sending the next request as soon as its
 * previous response is complete, until warmup + measured responses arrived; the clock runs over
 * the last `measured` only. Returns only when done; any transport error is fatal.
 */
CaseResult runCase(quint16 port, const QSslCertificate &ca, const QByteArray &request,
                   int connections, int warmup, int measured)
{
    struct Connection
    {
        QSslSocket *socket = nullptr;
        QByteArray buffer;
    };

    QObject owner;
    QEventLoop loop;
    QElapsedTimer clock;
    CaseResult result;
    result.responses.reserve(warmup + measured);
    const int total = warmup + measured;
    int issued = 0;
    int completed = 0;
    int encrypted = 0;
    QString error;
    bool done = false;
    QList<Connection> conns(connections);

    const auto abortCase = [&](const QString &why) {
        if (error.isEmpty())
            error = why;
        loop.quit();
    };
    const auto sendNext = [&](Connection &c) {
        if (issued >= total)
            return;
        ++issued;
        c.socket->write(request);
    };
    // Frames responses by Content-Length; a connection has at most one in flight.
    const auto onReadyRead = [&](Connection &c) {
        c.buffer += c.socket->readAll();
        while (!done) {
            const qsizetype headerEnd = c.buffer.indexOf("\r\n\r\n");
            if (headerEnd < 0) {
                if (c.buffer.size() > kMaxHeaderBytes)
                    abortCase(u"no end of the response headers in %1 bytes"_s.arg(c.buffer.size()));
                return;
            }
            const QByteArrayView head(c.buffer.constData(), headerEnd);
            if (!head.startsWith("HTTP/1.1 ") || head.size() < 12)
                return abortCase(u"not an HTTP/1.1 response: %1"_s.arg(
                    QString::fromLatin1(head.first(qMin(head.size(), 40)))));
            const int status = head.sliced(9, 3).toInt();
            const qsizetype length = contentLength(head);
            if (length < 0)
                return abortCase(u"a response without a valid Content-Length"_s);
            const qsizetype end = headerEnd + 4 + length;
            if (c.buffer.size() < end)
                return;
            result.responses.append({status, c.buffer.sliced(headerEnd + 4, length)});
            c.buffer.remove(0, end);
            ++completed;
            if (completed == warmup)
                clock.start();
            if (completed == total) {
                result.seconds = double(clock.nsecsElapsed()) / 1e9;
                done = true;
                loop.quit();
                return;
            }
            sendNext(c);
        }
    };

    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.addCaCertificate(ca);
    tls.setPeerVerifyMode(QSslSocket::VerifyPeer);
    for (Connection &c : conns) {
        c.socket = new QSslSocket(&owner);
        c.socket->setSslConfiguration(tls);
        c.socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        QObject::connect(c.socket, &QSslSocket::encrypted, &owner, [&] {
            if (++encrypted < connections)
                return;
            if (warmup == 0)
                clock.start();
            for (Connection &each : conns)
                sendNext(each);
        });
        QObject::connect(c.socket, &QSslSocket::readyRead, &owner, [&] { onReadyRead(c); });
        QObject::connect(c.socket, &QSslSocket::sslErrors, &owner,
                         [&](const QList<QSslError> &errors) {
                             abortCase(u"TLS: "_s + errors.value(0).errorString());
                         });
        QObject::connect(c.socket, &QSslSocket::errorOccurred, &owner, [&] {
            if (!done)
                abortCase(u"socket: "_s + c.socket->errorString());
        });
        QObject::connect(c.socket, &QSslSocket::disconnected, &owner, [&] {
            if (!done)
                abortCase(u"the server closed a keep-alive connection"_s);
        });
    }
    QTimer deadline;
    deadline.setSingleShot(true);
    QObject::connect(&deadline, &QTimer::timeout, &owner, [&] {
        abortCase(u"no result within %1 s (%2 of %3 responses)"_s.arg(kCaseDeadlineMs / 1000)
                      .arg(completed)
                      .arg(total));
    });
    deadline.start(kCaseDeadlineMs);
    for (Connection &c : conns)
        c.socket->connectToHostEncrypted(u"127.0.0.1"_s, port);
    loop.exec();
    if (!done)
        fail(error);
    for (Connection &c : conns) {
        if (!c.buffer.isEmpty())
            fail(u"%1 bytes after the last response"_s.arg(c.buffer.size()));
        c.socket->disconnect(&owner);
        c.socket->abort();
    }
    return result;
}

/** Empty when the response is the test send's outcome for the seeded registrations. */
QString checkEmulatorResponse(const Response &r)
{
    if (r.status != 201)
        return u"status %1, expected 201: %2"_s.arg(r.status).arg(
            QString::fromUtf8(r.body.first(qMin(r.body.size(), qsizetype(300)))));
    const auto outcome = Nh::parseNotificationOutcome(r.body);
    if (!outcome)
        return u"the NotificationOutcome does not parse: "_s + outcome.error().message;
    if (outcome->success != kReached || outcome->failure != 0)
        return u"outcome %1 succeeded, %2 failed, expected %3 and 0"_s.arg(outcome->success)
            .arg(outcome->failure)
            .arg(kReached);
    if (outcome->results.size() != kReached)
        return u"%1 results, expected %2"_s.arg(outcome->results.size()).arg(kReached);
    for (const Nh::RegistrationResult &result : outcome->results) {
        if (result.applicationPlatform != u"apple"_s
            || Nh::classifyOutcome(result.outcome) != Nh::OutcomeKind::Success)
            return u"result for %1: %2 %3"_s.arg(result.registrationId, result.applicationPlatform,
                                                 result.outcome);
    }
    return {};
}

void verifyEmulator(const CaseResult &r)
{
    // The bodies are byte-identical sends after sends; parse each distinct one.
    QByteArray verified;
    for (qsizetype i = 0; i < r.responses.size(); ++i) {
        const Response &response = r.responses.at(i);
        if (response.status == 201 && !verified.isNull() && response.body == verified)
            continue;
        if (const QString why = checkEmulatorResponse(response); !why.isEmpty())
            fail(u"emulator response %1: %2"_s.arg(i + 1).arg(why));
        verified = response.body;
    }
}

void verifyTrivial(const CaseResult &r)
{
    for (qsizetype i = 0; i < r.responses.size(); ++i) {
        if (r.responses.at(i).status != 201 || !r.responses.at(i).body.isEmpty())
            fail(u"trivial response %1: status %2"_s.arg(i + 1).arg(r.responses.at(i).status));
    }
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const bool quick = qEnvironmentVariableIntValue("NH_BENCH_QUICK") != 0;
    const int measured = quick ? 200 : 4000;
    const int warmup = quick ? 20 : 200;

    QThread serverThread;
    serverThread.setObjectName(u"servers"_s);
    QObject serverContext;
    serverContext.moveToThread(&serverThread);
    serverThread.start();
    ServerSide servers;
    inServerThread(&serverContext, [&] { startServers(servers); });

    const QByteArray emulatorRequest =
        testSendRequest(servers.connectionString, servers.hub, servers.emulatorPort);
    // The baseline gets the same bytes (its token unchecked), so the client does the same work.
    const QByteArray trivialRequest =
        testSendRequest(servers.connectionString, servers.hub, servers.trivialPort);

    std::printf("bench_emulator: test sends (apple, %d registrations reached) over HTTPS "
                "keep-alive, %d measured + %d warm-up requests per case%s\n\n",
                kReached, measured, warmup, quick ? " (NH_BENCH_QUICK)" : "");
    std::printf("%-10s %11s %9s %10s %14s\n", "server", "connections", "requests", "req/s",
                "server us/req");

    struct Row
    {
        int connections;
        double trivial;
        double emulator;
        double serverMicros;
    };
    QList<Row> rows;
    for (const int connections : {1, 16}) {
        const CaseResult trivial = runCase(servers.trivialPort, servers.trivialCertificate,
                                           trivialRequest, connections, warmup, measured);
        verifyTrivial(trivial);

        int connectionsBefore = 0;
        inServerThread(&serverContext, [&] {
            servers.logged.clear();
            connectionsBefore = servers.emulator->connectionCount();
        });
        const CaseResult emulator = runCase(servers.emulatorPort, servers.emulatorCertificate,
                                            emulatorRequest, connections, warmup, measured);
        verifyEmulator(emulator);

        QList<ServerSide::Logged> logged;
        int connectionsUsed = 0;
        inServerThread(&serverContext, [&] {
            logged.swap(servers.logged);
            connectionsUsed = servers.emulator->connectionCount() - connectionsBefore;
        });
        if (logged.size() != warmup + measured)
            fail(u"the emulator logged %1 exchanges for %2 requests"_s.arg(logged.size())
                     .arg(warmup + measured));
        if (connectionsUsed != connections)
            fail(u"the emulator accepted %1 connections for %2 keep-alive clients"_s
                     .arg(connectionsUsed)
                     .arg(connections));
        qint64 micros = 0;
        for (qsizetype i = 0; i < logged.size(); ++i) {
            const ServerSide::Logged &e = logged.at(i);
            if (e.status != 201 || e.operation != u"send.test"_s)
                fail(u"log entry %1: %2 %3, expected send.test 201"_s.arg(i + 1)
                         .arg(e.operation)
                         .arg(e.status));
            if (i >= warmup)
                micros += e.elapsedMicroseconds;
        }

        const Row row {connections, measured / trivial.seconds, measured / emulator.seconds,
                       double(micros) / measured};
        std::printf("%-10s %11d %9d %10.0f %14s\n", "trivial", connections, measured, row.trivial,
                    "-");
        std::printf("%-10s %11d %9d %10.0f %14.1f\n", "emulator", connections, measured,
                    row.emulator, row.serverMicros);
        rows.append(row);
    }

    std::printf("\n");
    for (const Row &row : rows)
        std::printf("ratio emulator/trivial, %2d connection%s: %.2f\n", row.connections,
                    row.connections == 1 ? " " : "s", row.emulator / row.trivial);
    // Rough context only: those client figures come from another run (±20%).
    std::printf("\nheadroom over the JS SDK (docs/protocol.md §9.8, %.0f/s sequential, %.0f/s with "
                "16 in flight): %.1fx and %.1fx\n",
                kJsSdkSequentialPerSecond, kJsSdkConcurrentPerSecond,
                rows.at(0).emulator / kJsSdkSequentialPerSecond,
                rows.at(1).emulator / kJsSdkConcurrentPerSecond);

    inServerThread(&serverContext, [&] {
        servers.trivial.reset();
        servers.emulator.reset();
    });
    serverThread.quit();
    serverThread.wait();
    return 0;
}
