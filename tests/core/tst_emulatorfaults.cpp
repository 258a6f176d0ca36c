// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Every fault the emulator can inject, as a client over real HTTPS sees it.

#include "emulator/faults.h"
#include "emulatorfixture.h"
#include "protocol/errorbody.h"
#include "protocol/registrationfeed.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QSslSocket>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Nh;

namespace {
const QString kList = u"/myHub/registrations?api-version=2020-06"_s;
}

class TestEmulatorFaults final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void specs_data();
    void specs();
    void statusWithRetryAfter();
    void reset();
    void stallEndsInClientTimeout();
    void delay();
    void corruptedSuccesses_data();
    void corruptedSuccesses();
    void bodyFaultAfterNoContentKeepsFraming_data();
    void bodyFaultAfterNoContentKeepsFraming();
    void perRequestHeader();
    void controlEndpointAndCounts();
    void operationPrefixes();
    void faultsAreLogged();

private:
    EmulatorFixture::Response list(int timeoutMs = 10000);
    void arm(const QString &spec, const QString &operation = u"*"_s, int count = 1);
    EmulatorFixture f;
};

void TestEmulatorFaults::initTestCase()
{
    QVERIFY(f.start());
}

void TestEmulatorFaults::init()
{
    f.resetHub();
}

EmulatorFixture::Response TestEmulatorFaults::list(int timeoutMs)
{
    EmulatorFixture::Call c;
    c.pathAndQuery = kList;
    c.transferTimeoutMs = timeoutMs;
    return f.call(c);
}

void TestEmulatorFaults::arm(const QString &spec, const QString &operation, int count)
{
    FaultRule rule;
    rule.fault = *Fault::parse(spec);
    rule.operation = operation;
    rule.count = count;
    f.emulator.faults().add(rule);
}

void TestEmulatorFaults::specs_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("canonical");
    QTest::newRow("reset") << u"reset"_s << true << u"reset"_s;
    QTest::newRow("status + retry")
        << u" Status=429 ; Retry-After=2"_s << true << u"status=429;retry-after=2"_s;
    QTest::newRow("delay") << u"delay=1500"_s << true << u"delay=1500"_s;
    QTest::newRow("html") << u"html"_s << true << u"html"_s;
    QTest::newRow("unknown") << u"explode"_s << false << QString();
    QTest::newRow("status out of range") << u"status=200"_s << false << QString();
    QTest::newRow("two kinds") << u"reset;stall"_s << false << QString();
    QTest::newRow("value on a flag") << u"reset=1"_s << false << QString();
    QTest::newRow("nothing") << u""_s << false << QString();
}

void TestEmulatorFaults::specs()
{
    QFETCH(QString, spec);
    QFETCH(bool, valid);
    QFETCH(QString, canonical);
    const auto fault = Fault::parse(spec);
    QCOMPARE(fault.ok(), valid);
    if (valid)
        QCOMPARE(fault->toString(), canonical);
    else
        QVERIFY(!fault.error().message.isEmpty());
}

void TestEmulatorFaults::statusWithRetryAfter()
{
    for (const int status : {429, 500, 503}) {
        arm(u"status=%1;retry-after=3"_s.arg(status));
        const auto r = list();
        QCOMPARE(r.status, status);
        QCOMPARE(r.header("Retry-After"), "3"_ba);
        const auto e = parseErrorBody(r.body);
        QVERIFY(e.ok());
        QCOMPARE(e->code, status);
        QVERIFY(e->text.contains(u"injected"_s));
    }
    QCOMPARE(list().status, 200); // a count of 1 is used up
    arm(u"status=403"_s);
    const auto forbidden = list();
    QCOMPARE(forbidden.status, 403);
    QVERIFY(parseErrorBody(forbidden.body)->text.contains(u"refused (injected fault 403)"_s));
}

void TestEmulatorFaults::reset()
{
    // Every time: QNAM retries an idempotent request once on a fresh connection after a reset.
    arm(u"reset"_s, u"*"_s, -1);
    const auto r = list();
    QVERIFY(r.finished);
    QCOMPARE(r.status, 0);
    QVERIFY2(r.error == QNetworkReply::RemoteHostClosedError
                 || r.error == QNetworkReply::ConnectionRefusedError
                 || r.error == QNetworkReply::UnknownNetworkError,
             qPrintable(r.errorString));
    f.emulator.faults().clear();
    QCOMPARE(list().status, 200);
}

void TestEmulatorFaults::stallEndsInClientTimeout()
{
    arm(u"stall"_s);
    const auto r = list(400);
    QVERIFY(r.finished);
    QCOMPARE(r.status, 0);
    QCOMPARE(r.error, QNetworkReply::OperationCanceledError); // QNAM's transfer timeout
    QCOMPARE(list().status, 200);
}

void TestEmulatorFaults::delay()
{
    arm(u"delay=300"_s);
    QElapsedTimer t;
    t.start();
    const auto r = list();
    QCOMPARE(r.status, 200);
    QVERIFY2(t.elapsed() >= 300, qPrintable(QString::number(t.elapsed())));
}

void TestEmulatorFaults::corruptedSuccesses_data()
{
    QTest::addColumn<QString>("spec");
    QTest::newRow("garbage") << u"garbage"_s;
    QTest::newRow("empty") << u"empty"_s;
    QTest::newRow("html") << u"html"_s;
    QTest::newRow("oversized") << u"oversized"_s;
    QTest::newRow("truncated") << u"truncated"_s;
}

void TestEmulatorFaults::corruptedSuccesses()
{
    QFETCH(QString, spec);
    arm(spec, u"registrations.list"_s);
    const auto r = list();
    QVERIFY(r.finished);
    if (spec == u"truncated") {
        // Content-Length promised more than came before the connection closed.
        QVERIFY(r.error != QNetworkReply::NoError);
    } else {
        QCOMPARE(r.status, 200);
        QVERIFY(!parseRegistrationFeed(r.body).ok());
        if (spec == u"html")
            QVERIFY(r.header("Content-Type").startsWith("text/html"));
        if (spec == u"empty")
            QVERIFY(r.body.isEmpty());
        if (spec == u"oversized")
            QVERIFY(r.body.size() > 16 * 1024 * 1024);
    }
    QCOMPARE(list().status, 200);
}

namespace {

/** One response read off a raw connection by its framing alone, as a keep-alive client does. */
struct RawResponse
{
    QByteArray statusLine;
    int status = 0;
    HttpHeaders headers;
    QByteArray body;
};

/**
 * Takes one response from the front of `buffer` (RFC 9112 §6.3: a 204 ends at its headers,
 * else Content-Length bytes follow); nullopt while it is incomplete. What follows stays.
 */
std::optional<RawResponse> takeResponse(QByteArray &buffer)
{
    const qsizetype end = buffer.indexOf("\r\n\r\n");
    if (end < 0)
        return std::nullopt;
    RawResponse r;
    const QList<QByteArray> lines = buffer.first(end).split('\n');
    r.statusLine = lines.value(0).trimmed();
    r.status = r.statusLine.startsWith("HTTP/1.1 ") ? r.statusLine.mid(9, 3).toInt() : -1;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines.at(i).indexOf(':');
        if (colon > 0)
            r.headers.append(
                {lines.at(i).first(colon).trimmed(), lines.at(i).sliced(colon + 1).trimmed()});
    }
    const qsizetype length = r.status == 204
        ? 0
        : headerValue(r.headers, "Content-Length").value_or("0"_ba).toLongLong();
    if (buffer.size() < end + 4 + length)
        return std::nullopt;
    r.body = buffer.sliced(end + 4, length);
    buffer.remove(0, end + 4 + length);
    return r;
}

} // namespace

void TestEmulatorFaults::bodyFaultAfterNoContentKeepsFraming_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QByteArray>("bodyStart");
    QTest::newRow("garbage") << u"garbage"_s << "<NotificationOutcome><Succ"_ba;
    QTest::newRow("html") << u"html"_s << "<!DOCTYPE html>"_ba;
    QTest::newRow("empty") << u"empty"_s << QByteArray();
}

void TestEmulatorFaults::bodyFaultAfterNoContentKeepsFraming()
{
    QFETCH(QString, spec);
    QFETCH(QByteArray, bodyStart);

    // A raw keep-alive connection: QNAM would hide stray bytes by opening another one.
    QSslSocket socket;
    socket.setSslConfiguration(f.tls());
    socket.connectToHostEncrypted(u"127.0.0.1"_s, f.emulator.port());
    QTRY_VERIFY2_WITH_TIMEOUT(socket.isEncrypted(), qPrintable(socket.errorString()), 5000);
    const auto cs = f.connectionString();
    const QByteArray authorization =
        Sas::generate(Sas::audience(cs, f.hub(), {}, Sas::Audience::Hub), cs.keyName(), cs.key(),
                      QDateTime::currentDateTimeUtc())
            .header()
            .toUtf8();
    const auto request = [&](const QByteArray &method, const QByteArray &target,
                             const QByteArray &extra) {
        socket.write(method + ' ' + target + " HTTP/1.1\r\nHost: 127.0.0.1:"
                     + QByteArray::number(f.emulator.port()) + "\r\nAuthorization: " + authorization
                     + "\r\n" + extra + "Content-Length: 0\r\n\r\n");
    };
    QByteArray buffer;
    const auto next = [&]() -> std::optional<RawResponse> {
        // Single-threaded: readyRead can only come inside wait(), so none is missed.
        QSignalSpy readable(&socket, &QIODevice::readyRead);
        for (;;) {
            buffer += socket.readAll();
            if (auto r = takeResponse(buffer))
                return r;
            if (socket.state() != QAbstractSocket::ConnectedState || !readable.wait(10000))
                return std::nullopt;
        }
    };

    // installations.delete succeeds with 204; the fault brings a body, so it must be a 200.
    request("DELETE", "/myHub/installations/inst-gone?api-version=2020-06",
            "X-Nh-Emulator-Fault: " + spec.toUtf8() + "\r\n");
    const auto first = next();
    QVERIFY2(first, "no complete first response");
    QCOMPARE(first->status, 200);
    QVERIFY2(first->body.startsWith(bodyStart), first->body.left(60).constData());
    QCOMPARE(headerValue(first->headers, "Content-Length"),
             std::optional(QByteArray::number(first->body.size())));
    QVERIFY2(buffer.isEmpty(),
             QByteArray("bytes after the first response: " + buffer.left(60)).constData());

    // The same connection answers the next request correctly.
    request("GET", kList.toUtf8(), {});
    const auto second = next();
    QVERIFY2(second, "no complete second response");
    QCOMPARE(second->statusLine, "HTTP/1.1 200 OK"_ba);
    const auto feed = parseRegistrationFeed(second->body);
    QVERIFY2(feed.ok(), qPrintable(feed.ok() ? QString() : feed.error().message));
    QVERIFY(buffer.isEmpty());
    QCOMPARE(socket.state(), QAbstractSocket::ConnectedState);
    const auto log = f.emulator.log();
    QCOMPARE(log.at(log.size() - 2).operation, u"installations.delete"_s);
    QCOMPARE(log.at(log.size() - 2).status, 200);
    QCOMPARE(log.last().operation, u"registrations.list"_s);
}

void TestEmulatorFaults::perRequestHeader()
{
    EmulatorFixture::Call c;
    c.pathAndQuery = kList;
    c.headers = {{"X-Nh-Emulator-Fault", "status=503;retry-after=1"}};
    auto r = f.call(c);
    QCOMPARE(r.status, 503);
    QCOMPARE(r.header("Retry-After"), "1"_ba);
    c.headers = {{"X-Nh-Emulator-Fault", "bogus"}};
    r = f.call(c);
    QCOMPARE(r.status, 400);
}

void TestEmulatorFaults::controlEndpointAndCounts()
{
    EmulatorFixture::Call c;
    c.method = "POST";
    c.sign = false;
    c.pathAndQuery = u"/$emulator/faults"_s;
    c.body = R"({"operation":"registrations.list","count":2,"fault":"status=500"})";
    auto r = f.call(c);
    QCOMPARE(r.status, 201);
    QCOMPARE(QJsonDocument::fromJson(r.body).array().size(), 1);
    QCOMPARE(list().status, 500);
    QCOMPARE(list().status, 500);
    QCOMPARE(list().status, 200);
    c.body = R"({"fault":"nonsense"})";
    QCOMPARE(f.call(c).status, 400);
    c.body = R"({"fault":"reset"})";
    QCOMPARE(f.call(c).status, 201);
    c.method = "DELETE";
    c.body.clear();
    QCOMPARE(f.call(c).status, 204);
    QCOMPARE(list().status, 200);
}

void TestEmulatorFaults::operationPrefixes()
{
    arm(u"status=429"_s, u"send"_s, -1); // "send" covers send.test, send.direct, …
    const auto r = f.send(u"/myHub/messages?api-version=2020-06&test"_s, R"({"aps":{}})",
                          {{"ServiceBusNotification-Format", "apple"}});
    QCOMPARE(r.status, 429);
    QCOMPARE(list().status, 200); // registrations are not sends
}

void TestEmulatorFaults::faultsAreLogged()
{
    arm(u"reset"_s);
    list();
    const auto log = f.emulator.log();
    const auto it = std::find_if(log.crbegin(), log.crend(),
                                 [](const EmulatorLogEntry &e) { return !e.fault.isEmpty(); });
    QVERIFY(it != log.crend());
    const EmulatorLogEntry entry = *it;
    QCOMPARE(entry.fault, u"reset"_s);
    QCOMPARE(entry.status, 0);
    QCOMPARE(entry.operation, u"registrations.list"_s);
}

QTEST_GUILESS_MAIN(TestEmulatorFaults)
#include "tst_emulatorfaults.moc"
