// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Not a benchmark by itself: the trivial hub of bench_clientcost.py. An HTTPS server
// on the emulator's stack (QSslServer + QtHttpServer, the emulator's self-signed certificate
// code, TLS 1.2+, keep-alive) that answers every POST whose path ends in /messages (or /messages/,
// as the SDK writes it) with the emulator's test-send answer: 201, Location, TrackingId,
// Content-Type and a NotificationOutcome with one successful apple registration. Anything else gets
// 404. It does no work per request beyond that, so what a client measures against it is the
// client's own cost.
//
//   bench_trivialhub <dir>
//
// Writes <dir>/trivialhub-cert.pem, listens on 127.0.0.1 (a free port) and prints one JSON line
// {"port": N, "certificate": "<path>"} once it accepts connections. Runs until killed.

#include "emulator/selfsignedcert.h"
#include "protocol/notificationoutcome.h"

#include <QAbstractHttpServer>
#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QHttpServerRequest>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QTcpSocket>
#include <QUuid>
#include <cstdio>

using namespace Qt::Literals::StringLiterals;

namespace {

QByteArray outcomeBody()
{
    Nh::NotificationOutcome outcome;
    outcome.success = 1;
    outcome.results.append(
        {u"apple"_s, u"a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9"_s,
         u"1234567890123456789-1234567890123456789-1"_s, QString(Nh::kOutcomeSuccess)});
    return Nh::notificationOutcomeXml(outcome);
}

/** Answers every request in handleRequest(), on the socket QtHttpServer keeps alive. */
class TrivialHub final : public QAbstractHttpServer
{
public:
    TrivialHub()
        : m_body(outcomeBody())
    { }

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override
    {
        const bool send = request.method() == QHttpServerRequest::Method::Post
            && (request.url().path().endsWith(u"/messages"_s)
                || request.url().path().endsWith(u"/messages/"_s));
        if (!send) {
            socket->write("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n"_ba);
            return true;
        }
        const QByteArray trackingId = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
        const QByteArray location = "https://localhost" + request.url().path().toUtf8() + '/'
            + QByteArray::number(++m_sent) + "?api-version=2020-06";
        QByteArray out = "HTTP/1.1 201 Created\r\n"
                         "Content-Type: application/xml; charset=utf-8\r\n"
                         "Location: "_ba
            + location + "\r\nTrackingId: " + trackingId + "\r\nx-ms-correlation-request-id: "
            + trackingId + "\r\nX-Powered-By: Azure Notification Hubs\r\nDate: "
            + QDateTime::currentDateTimeUtc()
                  .toString(u"ddd, dd MMM yyyy hh:mm:ss 'GMT'"_s)
                  .toLatin1()
            + "\r\nContent-Length: " + QByteArray::number(m_body.size()) + "\r\n\r\n" + m_body;
        socket->write(out);
        return true;
    }
    void missingHandler(const QHttpServerRequest &, QTcpSocket *) override { }

private:
    QByteArray m_body;
    qint64 m_sent = 0;
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc < 2) {
        std::fputs("usage: bench_trivialhub <dir>\n", stderr);
        return 2;
    }
    auto cert = Nh::generateSelfSignedCertificate();
    if (!cert) {
        std::fprintf(stderr, "bench_trivialhub: %s\n", qPrintable(cert.error().message));
        return 1;
    }
    const QString certPath = QString::fromLocal8Bit(argv[1]) + u"/trivialhub-cert.pem"_s;
    QFile file(certPath);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)
        || file.write(cert->certificatePem) != cert->certificatePem.size()) {
        std::fprintf(stderr, "bench_trivialhub: cannot write %s\n", qPrintable(certPath));
        return 1;
    }
    file.close();

    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificate(QSslCertificate(cert->certificatePem, QSsl::Pem));
    tls.setPrivateKey(QSslKey(cert->privateKeyPem, QSsl::Ec, QSsl::Pem));
    tls.setPeerVerifyMode(QSslSocket::VerifyNone);
    tls.setProtocol(QSsl::TlsV1_2OrLater);
    auto *tcp = new QSslServer;
    tcp->setSslConfiguration(tls);
    if (!tcp->listen(QHostAddress::LocalHost, 0)) {
        std::fprintf(stderr, "bench_trivialhub: cannot listen on 127.0.0.1\n");
        return 1;
    }
    const quint16 port = tcp->serverPort();
    TrivialHub hub;
    hub.bind(tcp);
    std::printf("{\"port\": %u, \"certificate\": \"%s\"}\n", unsigned(port), qPrintable(certPath));
    std::fflush(stdout);
    return app.exec();
}
