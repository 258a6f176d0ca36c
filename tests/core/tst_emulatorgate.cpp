// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The emulator's connection gate (issue #15): what a misbehaving client gets, over raw TLS.

#include "emulator/emulatorservice.h"
#include "emulatorfixture.h"
#include "protocol/errorbody.h"

#include <QSignalSpy>
#include <QSslServer>
#include <QSslSocket>
#include <QTest>
#include <memory>
#include <optional>

using namespace Qt::Literals::StringLiterals;
using namespace Nh;

namespace {

constexpr int kShortIdleMs = 400;

/** One response parsed from the bytes a raw client received. */
struct RawResponse
{
    int status = 0;
    HttpHeaders headers;
    QByteArray body;

    QByteArray header(QByteArrayView name) const
    {
        return headerValue(headers, name).value_or(QByteArray());
    }
};

/** A TLS client that writes bytes as given and collects what comes back. */
class RawClient
{
public:
    explicit RawClient(EmulatorFixture &f)
    {
        socket.setSslConfiguration(f.tls());
        QObject::connect(&socket, &QIODevice::readyRead, &socket,
                         [this] { received += socket.readAll(); });
        QSignalSpy encrypted(&socket, &QSslSocket::encrypted);
        socket.connectToHostEncrypted(u"127.0.0.1"_s, f.emulator.port());
        ok = encrypted.wait(10000);
    }

    /** The next whole response, once it has arrived (waits up to `ms`). */
    std::optional<RawResponse> next(int ms = 10000)
    {
        QElapsedTimer t;
        t.start();
        while (true) {
            if (auto r = take())
                return r;
            if (t.elapsed() > ms || socket.state() == QAbstractSocket::UnconnectedState)
                return take();
            QSignalSpy more(&socket, &QIODevice::readyRead);
            QSignalSpy gone(&socket, &QAbstractSocket::disconnected);
            more.wait(50);
        }
    }

    bool waitClosed(int ms = 10000)
    {
        if (socket.state() == QAbstractSocket::UnconnectedState)
            return true;
        QSignalSpy gone(&socket, &QAbstractSocket::disconnected);
        return gone.wait(ms) || socket.state() == QAbstractSocket::UnconnectedState;
    }

    QSslSocket socket;
    QByteArray received;
    bool ok = false;

private:
    std::optional<RawResponse> take()
    {
        const qsizetype end = received.indexOf("\r\n\r\n");
        if (end < 0)
            return std::nullopt;
        RawResponse r;
        const QList<QByteArray> lines = received.first(end).split('\n');
        r.status = lines.first().mid(9, 3).toInt();
        qsizetype length = 0;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines.at(i).trimmed();
            const qsizetype colon = line.indexOf(':');
            r.headers.append({line.first(colon), line.sliced(colon + 1).trimmed()});
            if (line.first(colon).compare("Content-Length", Qt::CaseInsensitive) == 0)
                length = line.sliced(colon + 1).trimmed().toLongLong();
        }
        if (received.size() < end + 4 + length)
            return std::nullopt;
        r.body = received.sliced(end + 4, length);
        received.remove(0, end + 4 + length);
        return r;
    }
};

QByteArray head(const QByteArray &method, const QByteArray &target, const QByteArray &extra = {})
{
    return method + ' ' + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extra + "\r\n";
}

} // namespace

class TestEmulatorGate final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void serverLimitsApplied();
    void contentLengthOverBoundAnsweredBeforeTheBody();
    void chunkedBodyOverBound();
    void chunkedBodyWithinBoundServed();
    void malformedFramingAnswered400_data();
    void malformedFramingAnswered400();
    void bodiesUpToTheBoundStillServedOnOneConnection();
    void headerBlockOverBound();
    void requestLineOverBound();
    void garbageInsideTls();
    void idleConnectionClosed();
    void slowHeadersAnswered408();
    void keepAliveConnectionInUseIsNotClosed();
    void stalledConnectionIsNotClosed();

private:
    /** A refusal: status, the service's <Error> body, Connection: close, then the close. */
    void verifyRefused(RawClient &c, int status);
    EmulatorFixture f;
    EmulatorFixture quick; ///< short idle and header timeouts
};

void TestEmulatorGate::initTestCase()
{
    QVERIFY(f.start());
    EmulatorOptions o = EmulatorFixture::defaultOptions();
    o.idleTimeoutMs = kShortIdleMs;
    o.headerTimeoutMs = kShortIdleMs;
    QVERIFY(quick.start(o));
}

void TestEmulatorGate::init()
{
    f.resetHub();
    quick.resetHub();
}

void TestEmulatorGate::verifyRefused(RawClient &c, int status)
{
    const auto r = c.next();
    QVERIFY2(r, c.received.left(300).constData());
    QCOMPARE(r->status, status);
    QCOMPARE(r->header("Connection"), "close"_ba);
    QVERIFY(!r->header("TrackingId").isEmpty());
    const auto error = parseErrorBody(r->body);
    QVERIFY2(error, r->body.constData());
    QCOMPARE(error->code, status);
    QVERIFY(c.waitClosed());
}

void TestEmulatorGate::serverLimitsApplied()
{
    // Qt's defaults (30 pending handshakes, 5 s, backlog 50) let 40 silent connections hold a
    // real client back.
    const auto servers = f.emulator.findChildren<QSslServer *>();
    QVERIFY(!servers.isEmpty());
    for (const QSslServer *s : servers) {
        QVERIFY(s->isListening());
        QVERIFY2(s->maxPendingConnections() >= 500,
                 qPrintable(QString::number(s->maxPendingConnections())));
        QVERIFY(s->listenBacklogSize() >= 500);
        QVERIFY(s->handshakeTimeout() > 0 && s->handshakeTimeout() <= 5000);
    }
    // Every accepted socket has a bounded read buffer.
    RawClient c(f);
    QVERIFY(c.ok);
    c.socket.write(head("GET", "/myHub/registrations"));
    QVERIFY(c.next());
    const auto sockets = f.emulator.findChildren<QSslSocket *>();
    QVERIFY(!sockets.isEmpty());
    for (const QSslSocket *s : sockets) {
        QVERIFY(s->readBufferSize() > 0);
        QVERIFY(s->readBufferSize() <= 256 * 1024);
    }
}

void TestEmulatorGate::contentLengthOverBoundAnsweredBeforeTheBody()
{
    // The headers alone: QtHttpServer by itself waits for all 200 MB before anything answers.
    RawClient c(f);
    QVERIFY(c.ok);
    c.socket.write(
        head("POST", "/myHub/messages?api-version=2020-06&test", "Content-Length: 209715200\r\n"));
    const auto r = c.next();
    QVERIFY(r);
    QCOMPARE(r->status, 413);
    QCOMPARE(r->header("Connection"), "close"_ba);
    const auto error = parseErrorBody(r->body);
    QVERIFY(error);
    QCOMPARE(error->code, 413);
    QVERIFY2(error->detail.contains(EmulatorService::bodyTooLargeText(209715200)),
             qPrintable(error->detail));
    QVERIFY(c.waitClosed());
    const EmulatorLogEntry last = f.emulator.log().constLast();
    QCOMPARE(last.operation, u"refused"_s);
    QCOMPARE(last.status, 413);
    QCOMPARE(last.method, "POST"_ba);
    QVERIFY(last.requestBody.isEmpty());
}

void TestEmulatorGate::chunkedBodyOverBound()
{
    RawClient c(f);
    QVERIFY(c.ok);
    c.socket.write(
        head("POST", "/myHub/messages?api-version=2020-06&test", "Transfer-Encoding: chunked\r\n"));
    const QByteArray chunk = "8000\r\n" + QByteArray(0x8000, 'x') + "\r\n";
    for (int i = 0; i < 3; ++i) // 96 KB, never the last chunk
        c.socket.write(chunk);
    verifyRefused(c, 413);
}

void TestEmulatorGate::chunkedBodyWithinBoundServed()
{
    // A chunked body reaches the service whole; the gate then still knows where the next request
    // starts (a Content-Length over the bound on the same connection is refused at once).
    RawClient c(f);
    QVERIFY(c.ok);
    c.socket.write(
        head("PUT", "/myHub/registrations/1?api-version=2020-06", "Transfer-Encoding: chunked\r\n")
        + "5;ext=1\r\nhello\r\n6\r\n world\r\n0\r\n\r\n");
    const auto r = c.next();
    QVERIFY(r);
    QCOMPARE(r->status, 401);
    QCOMPARE(f.emulator.log().constLast().requestBody, "hello world"_ba);
    c.socket.write(
        head("POST", "/myHub/messages?api-version=2020-06&test", "Content-Length: 2000000\r\n"));
    verifyRefused(c, 413);
}

void TestEmulatorGate::malformedFramingAnswered400_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::newRow("obsolete line folding") << head("GET", "/", "X-A: 1\r\n folded\r\n");
    QTest::newRow("two Content-Lengths")
        << head("POST", "/", "Content-Length: 5\r\nContent-Length: 6\r\n");
    QTest::newRow("Content-Length not a number") << head("POST", "/", "Content-Length: 5x\r\n");
    QTest::newRow("Transfer-Encoding not chunked")
        << head("POST", "/", "Transfer-Encoding: gzip\r\n");
    QTest::newRow("field without a colon") << head("GET", "/", "NoColon\r\n");
    QTest::newRow("bad chunk size")
        << head("POST", "/", "Transfer-Encoding: chunked\r\n") + "zz\r\n";
    QTest::newRow("HTTP/2 preface") << "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"_ba;
}

void TestEmulatorGate::malformedFramingAnswered400()
{
    QFETCH(QByteArray, request);
    RawClient c(f);
    QVERIFY(c.ok);
    c.socket.write(request);
    verifyRefused(c, 400);
}

void TestEmulatorGate::bodiesUpToTheBoundStillServedOnOneConnection()
{
    // Keep-alive: a body of exactly the bound in odd pieces, a request without one, then a
    // Content-Length over the bound, all on one connection. The last is refused at once only if
    // the gate followed the framing of the first two byte for byte.
    RawClient c(f);
    QVERIFY(c.ok);
    const QByteArray body(EmulatorService::kMaxBody, 'b');
    const QByteArray first = head("PUT", "/myHub/registrations/1?api-version=2020-06",
                                  "Content-Type: application/xml\r\nContent-Length: "
                                      + QByteArray::number(body.size()) + "\r\n")
        + body;
    for (qsizetype at = 0; at < first.size(); at += 7777) {
        c.socket.write(first.mid(at, 7777));
        QSignalSpy written(&c.socket, &QIODevice::bytesWritten);
        QVERIFY(written.wait(5000));
    }
    auto r = c.next();
    QVERIFY(r);
    QCOMPARE(r->status, 401); // unsigned: the service answered it, the gate let it through
    QCOMPARE(f.emulator.log().constLast().operation, u"registrations.put"_s);
    QCOMPARE(f.emulator.log().constLast().requestBody.size(), body.size());

    c.socket.write(head("GET", "/myHub/registrations?api-version=2020-06"));
    r = c.next();
    QVERIFY(r);
    QCOMPARE(r->status, 401);
    QCOMPARE(c.socket.state(), QAbstractSocket::ConnectedState);

    c.socket.write(head("POST", "/myHub/messages?api-version=2020-06&test",
                        "Content-Length: " + QByteArray::number(body.size() + 1) + "\r\n"));
    verifyRefused(c, 413);
}

void TestEmulatorGate::headerBlockOverBound()
{
    RawClient c(f);
    QVERIFY(c.ok);
    c.socket.write("GET /myHub/registrations HTTP/1.1\r\nHost: 127.0.0.1\r\n");
    for (int i = 0; i < 40; ++i) // 40 KB of fields, and the block never ends
        c.socket.write("X-Filler-" + QByteArray::number(i) + ": " + QByteArray(1000, 'f') + "\r\n");
    verifyRefused(c, 431);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(f.emulator.log().constLast().method, "GET"_ba);
}

void TestEmulatorGate::requestLineOverBound()
{
    RawClient c(f);
    QVERIFY(c.ok);
    c.socket.write("GET /myHub/registrations?x=" + QByteArray(9000, 'a'));
    verifyRefused(c, 414);
}

void TestEmulatorGate::garbageInsideTls()
{
    // QtHttpServer alone drops such a connection without an answer.
    RawClient c(f);
    QVERIFY(c.ok);
    QByteArray junk(4096, Qt::Uninitialized);
    for (qsizetype i = 0; i < junk.size(); ++i)
        junk[i] = char((i * 131 + 7) % 256);
    c.socket.write(junk);
    verifyRefused(c, 400);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(f.emulator.log().constLast().operation, u"refused"_s);
}

void TestEmulatorGate::idleConnectionClosed()
{
    RawClient c(quick);
    QVERIFY(c.ok);
    QElapsedTimer t;
    t.start();
    QVERIFY(c.waitClosed());
    QVERIFY2(t.elapsed() >= kShortIdleMs / 2, qPrintable(QString::number(t.elapsed())));
    QVERIFY(c.received.isEmpty()); // closed without an answer: no request was under way
}

void TestEmulatorGate::slowHeadersAnswered408()
{
    RawClient c(quick);
    QVERIFY(c.ok);
    c.socket.write("GET /myHub/registrations?api-version=2020-06 HTTP/1.1\r\nHost: 127.0");
    verifyRefused(c, 408);
}

void TestEmulatorGate::keepAliveConnectionInUseIsNotClosed()
{
    // The first request is answered after twice the idle timeout (a delay fault): the timer
    // does not run while a request is handled. Then two requests in a row; then, idle, closed.
    RawClient c(quick);
    QVERIFY(c.ok);
    c.socket.write(
        head("GET", "/myHub/registrations?api-version=2020-06",
             "X-Nh-Emulator-Fault: delay=" + QByteArray::number(kShortIdleMs * 2) + "\r\n"));
    auto r = c.next();
    QVERIFY(r);
    QCOMPARE(r->status, 401);
    for (int i = 0; i < 2; ++i) {
        c.socket.write(head("GET", "/myHub/registrations?api-version=2020-06"));
        r = c.next();
        QVERIFY(r);
        QCOMPARE(r->status, 401);
    }
    QCOMPARE(c.socket.state(), QAbstractSocket::ConnectedState);
    QVERIFY(c.waitClosed());
}

void TestEmulatorGate::stalledConnectionIsNotClosed()
{
    RawClient stalled(quick);
    RawClient idle(quick);
    QVERIFY(stalled.ok && idle.ok);
    stalled.socket.write(
        head("GET", "/myHub/registrations?api-version=2020-06", "X-Nh-Emulator-Fault: stall\r\n"));
    QTRY_COMPARE(quick.emulator.log().constLast().fault, u"stall"_s);
    QVERIFY(idle.waitClosed()); // the idle timer works ...
    QSignalSpy gone(&stalled.socket, &QAbstractSocket::disconnected);
    QVERIFY(!gone.wait(kShortIdleMs * 2)); // ... and leaves the stalled request alone
    QCOMPARE(stalled.socket.state(), QAbstractSocket::ConnectedState);
    stalled.socket.abort();
}

QTEST_MAIN(TestEmulatorGate)
#include "tst_emulatorgate.moc"
