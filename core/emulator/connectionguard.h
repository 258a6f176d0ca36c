// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QTimer>
#include <functional>

class QSslSocket;
class QTcpSocket;

namespace Nh {

/** What one emulator connection may cost (docs/architecture.md, "The emulator's gate"). */
struct ConnectionLimits
{
    /** A longer request line is answered 414. */
    qsizetype maxRequestLine = 8 * 1024;
    /** Request line plus header fields (Kestrel's MaxRequestHeadersTotalSize); more: 431. */
    qsizetype maxHeaderBlock = 32 * 1024;
    /** The largest body (the service's 64 KB); a larger Content-Length or chunked body: 413. */
    qsizetype maxBody = 64 * 1024;
    /** Nothing received while a request is awaited (or its body stalls) this long: closed. */
    int idleTimeoutMs = 120 * 1000;
    /** A header block not complete this long after the request's first byte: 408. */
    int headerTimeoutMs = 30 * 1000;

    /** The socket's read buffer cap: one whole request of the largest size fits, nothing more. */
    qint64 readBufferSize() const { return maxHeaderBlock + maxBody + 32 * 1024; }
};

/** Why the gate answers a request itself, and what of the request it had seen. */
struct GateRefusal
{
    int status = 400;
    QString text; ///< for the `<Error>` body's Detail
    QByteArray method; ///< empty when the request line was not complete
    QByteArray target;
};

/**
 * Bounds one TLS connection of the emulator in front of QtHttpServer, which would buffer any
 * request whole and read headers without a limit. Created for each socket from
 * QSslServer::startedEncryptionHandshake (before QtHttpServer sees the socket), it
 *  - caps the socket's read buffer (ConnectionLimits::readBufferSize());
 *  - scans every received byte once for the framing of HTTP/1.1 requests (request line, header
 *    block, Content-Length or chunked body) and refuses what the limits do not allow: 400, 408,
 *    413, 414 or 431 with the bytes the `answer` callback makes, `Connection: close`, then closes
 *    without reading the rest;
 *  - closes a connection that is idle while a request is awaited, except while a request is
 *    being handled (requestDispatched() until its answer is written: a stall fault never is).
 *
 * Byte accounting: its first readyRead slot runs before QtHttpServer's and scans what arrived
 * since its last look; its second, connected once the handshake is done (after QtHttpServer
 * connected its own), notes how many bytes QtHttpServer left unread.
 */
class ConnectionGuard final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionGuard)

public:
    using Answer = std::function<QByteArray(const GateRefusal &)>;

    /** Guards `socket` (becomes its child); call before the handshake starts. */
    ConnectionGuard(QSslSocket *socket, const ConnectionLimits &limits, Answer answer);

    /** The guard of `socket`, or null. */
    static ConnectionGuard *of(QTcpSocket *socket);

    /** QtHttpServer hands a request to the emulator: no timer runs until its answer is written. */
    void requestDispatched();

    bool isRefused() const { return m_refused; }
    /** Bytes of the request stream scanned so far. */
    qint64 bytesScanned() const { return m_scanned; }

private:
    enum class Phase { RequestLine, Headers, Body, ChunkSize, ChunkData, ChunkEnd, Trailers };

    void beforeServer();
    void afterServer();
    /** Scans until the end or a refusal; returns the bytes scanned. */
    qsizetype scan(const char *data, qsizetype size);
    qsizetype scanLine(const char *data, qsizetype size);
    bool requestLineByte(char c);
    bool lineComplete();
    bool headersComplete();
    void headerField(QByteArrayView line);
    void requestComplete();
    void refuse(int status, const QString &text);
    void drain();
    void answerWritten();
    void answerFlushed();
    void rearm();
    void timedOut();

    QSslSocket *m_socket;
    ConnectionLimits m_limits;
    Answer m_answer;
    QTimer m_timer;
    QElapsedTimer m_requestClock;

    qint64 m_unread = 0; ///< bytes in the socket's buffer that were already scanned
    qint64 m_scanned = 0;
    Phase m_phase = Phase::RequestLine;
    QByteArray m_line; ///< the line being read (request line, field, chunk size), bounded
    qsizetype m_headerBytes = 0;
    QByteArray m_method;
    QByteArray m_target;
    QByteArray m_contentLength;
    QByteArray m_transferEncoding;
    bool m_badField = false;
    qint64 m_bodyLeft = 0;
    qint64 m_bodyTotal = 0;

    bool m_handling = false;
    bool m_refused = false;
    bool m_halfClosed = false;
    qint64 m_drained = 0;
    qint64 m_drainWanted = 0; ///< body bytes read and dropped before the half-close
};

} // namespace Nh
