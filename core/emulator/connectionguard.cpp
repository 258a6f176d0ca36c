// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "emulator/connectionguard.h"

#include "emulator/emulatorservice.h"

#include <QMetaMethod>
#include <QSslSocket>
#include <sys/socket.h>

using namespace Qt::Literals::StringLiterals;

namespace Nh {

namespace {

/** A chunk-size line (size and extensions) longer than this is not a client's. */
constexpr qsizetype kMaxChunkLine = 1024;
/** What the log keeps of a refused request's target. */
constexpr qsizetype kMaxLoggedTarget = 1024;
/** After a refusal the client gets this long to read the answer and close, then it is cut. */
constexpr int kLingerMs = 2000;
/** Bytes read and dropped after a refusal (so the client can read the answer) before cutting. */
constexpr qint64 kMaxDrain = 1024 * 1024;

/** RFC 9110 §5.6.2 token characters. */
bool isTokenChar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    return QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
}

bool isToken(QByteArrayView s)
{
    if (s.isEmpty())
        return false;
    for (char c : s) {
        if (!isTokenChar(c))
            return false;
    }
    return true;
}

/** A control character that may not appear in a request line or a field line. */
bool isForbiddenControl(char c)
{
    const auto u = static_cast<unsigned char>(c);
    return (u < 0x20 && c != '\t' && c != '\r') || u == 0x7f;
}

} // namespace

ConnectionGuard::ConnectionGuard(QSslSocket *socket, const ConnectionLimits &limits, Answer answer)
    : QObject(socket)
    , m_socket(socket)
    , m_limits(limits)
    , m_answer(std::move(answer))
{
    // Caps the decrypted buffer and the plain socket's: a request QtHttpServer keeps in its open
    // transaction can never hold more than one request of the largest allowed size.
    m_socket->setReadBufferSize(m_limits.readBufferSize());
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &ConnectionGuard::timedOut);
    // Connected before the handshake, so before QtHttpServer's slot: slots run in the order they
    // were connected.
    connect(m_socket, &QIODevice::readyRead, this, &ConnectionGuard::beforeServer);
    // QSslServer connected its own `encrypted` handler before it announced the handshake; that
    // handler makes the socket a pending connection and QtHttpServer connects its readyRead slot
    // there, synchronously. A readyRead slot connected here therefore runs after QtHttpServer's
    // (tst_emulatorgate's keep-alive and pipelining cases fail otherwise).
    connect(m_socket, &QSslSocket::encrypted, this, [this] {
        connect(m_socket, &QIODevice::readyRead, this, &ConnectionGuard::afterServer);
        rearm();
    });
    connect(m_socket, &QIODevice::bytesWritten, this, &ConnectionGuard::answerWritten);
    // Emitted once encrypted bytes reached the kernel (bytesWritten comes before that).
    connect(m_socket, &QSslSocket::encryptedBytesWritten, this, &ConnectionGuard::answerFlushed);
}

ConnectionGuard *ConnectionGuard::of(QTcpSocket *socket)
{
    return socket ? socket->findChild<ConnectionGuard *>(QString(), Qt::FindDirectChildrenOnly)
                  : nullptr;
}

void ConnectionGuard::requestDispatched()
{
    m_handling = true;
    m_timer.stop();
}

void ConnectionGuard::beforeServer()
{
    const qint64 available = m_socket->bytesAvailable();
    const qint64 fresh = available - m_unread;
    m_unread = available;
    if (fresh <= 0)
        return;
    // The new bytes are the last `fresh` of what QtHttpServer has not read yet.
    const QByteArray bytes = m_socket->peek(available);
    const qsizetype n = qMin<qsizetype>(fresh, bytes.size());
    m_scanned += n;
    const qsizetype consumed = scan(bytes.constData() + bytes.size() - n, n);
    if (!m_refused) {
        rearm();
        return;
    }
    // Refused: what followed the refused part (the start of a body) counts as drained.
    m_drained = n - consumed;
    if (const qint64 buffered = m_socket->bytesAvailable(); buffered > 0)
        m_socket->skip(buffered);
    drain();
}

void ConnectionGuard::afterServer()
{
    if (!m_refused)
        m_unread = m_socket->bytesAvailable();
}

qsizetype ConnectionGuard::scan(const char *data, qsizetype size)
{
    qsizetype i = 0;
    while (i < size && !m_refused) {
        if (m_phase == Phase::Body || m_phase == Phase::ChunkData) {
            const qint64 n = qMin<qint64>(m_bodyLeft, size - i);
            m_bodyLeft -= n;
            i += n;
            if (m_bodyLeft == 0) {
                if (m_phase == Phase::Body)
                    requestComplete();
                else
                    m_phase = Phase::ChunkEnd;
            }
        } else {
            i += scanLine(data + i, size - i);
        }
    }
    return i;
}

qsizetype ConnectionGuard::scanLine(const char *data, qsizetype size)
{
    for (qsizetype i = 0; i < size; ++i) {
        const char c = data[i];
        switch (m_phase) {
        case Phase::RequestLine:
            // Blank lines before a request are ignored (RFC 9112 §2.2), as QtHttpServer does.
            if (m_line.isEmpty() && (c == '\r' || c == '\n'))
                continue;
            if (m_line.isEmpty())
                m_requestClock.start();
            if (c != '\n' && !requestLineByte(c)) {
                refuse(400, tr("The request is not an HTTP/1.1 request."));
                return i + 1;
            }
            if (m_line.size() >= m_limits.maxRequestLine) {
                refuse(
                    414,
                    tr("The request line is longer than %1 bytes.").arg(m_limits.maxRequestLine));
                return i + 1;
            }
            break;
        case Phase::Headers:
        case Phase::Trailers:
            if (++m_headerBytes > m_limits.maxHeaderBlock) {
                refuse(431,
                       tr("The request's header fields are larger than %1 bytes in all.")
                           .arg(m_limits.maxHeaderBlock));
                return i + 1;
            }
            if (isForbiddenControl(c) && c != '\n') {
                refuse(400, tr("The request's header fields are not HTTP/1.1 header fields."));
                return i + 1;
            }
            break;
        case Phase::ChunkEnd:
            if (c != '\n' && (c != '\r' || !m_line.isEmpty())) {
                refuse(400, tr("The request's chunked body is malformed."));
                return i + 1;
            }
            break;
        default: // ChunkSize
            if (m_line.size() >= kMaxChunkLine || (isForbiddenControl(c) && c != '\n')) {
                refuse(400, tr("The request's chunked body is malformed."));
                return i + 1;
            }
            break;
        }
        if (c == '\n') {
            if (m_line.endsWith('\r'))
                m_line.chop(1);
            const bool ok = lineComplete();
            m_line.clear();
            Q_UNUSED(ok);
            return i + 1;
        }
        m_line.append(c);
    }
    return size;
}

bool ConnectionGuard::requestLineByte(char c)
{
    // method SP request-target SP HTTP-version (RFC 9112 §3), checked as it arrives so that bytes
    // which cannot be a request are refused at once rather than after 8 KB.
    const qsizetype firstSpace = m_line.indexOf(' ');
    const qsizetype secondSpace = firstSpace < 0 ? -1 : m_line.indexOf(' ', firstSpace + 1);
    if (firstSpace < 0) { // the method
        if (c == ' ')
            return !m_line.isEmpty();
        return isTokenChar(c) && m_line.size() < 32;
    }
    if (secondSpace < 0) { // the target
        if (c == ' ')
            return m_line.size() > firstSpace + 1;
        return static_cast<unsigned char>(c) > 0x20 && static_cast<unsigned char>(c) != 0x7f;
    }
    // The version: "HTTP/1.x" and a CR.
    const qsizetype at = m_line.size() - secondSpace - 1;
    static constexpr char kVersion[] = "HTTP/1.";
    if (at < 7)
        return c == kVersion[at];
    if (at == 7)
        return c == '0' || c == '1';
    return at == 8 && c == '\r';
}

bool ConnectionGuard::lineComplete()
{
    switch (m_phase) {
    case Phase::RequestLine: {
        const QList<QByteArray> parts = m_line.split(' ');
        if (parts.size() != 3 || parts.at(2).size() != 8) {
            refuse(400, tr("The request is not an HTTP/1.1 request."));
            return false;
        }
        m_method = parts.at(0);
        m_target = parts.at(1).left(kMaxLoggedTarget);
        m_phase = Phase::Headers;
        m_headerBytes = 0;
        return true;
    }
    case Phase::Headers:
        if (m_line.isEmpty())
            return headersComplete();
        headerField(m_line);
        if (m_badField) {
            refuse(400, tr("The request's header fields are not HTTP/1.1 header fields."));
            return false;
        }
        return true;
    case Phase::ChunkSize: {
        QByteArray size = m_line;
        if (const qsizetype semicolon = size.indexOf(';'); semicolon >= 0)
            size.truncate(semicolon);
        size = size.trimmed();
        bool ok = false;
        const qint64 n = size.size() <= 15 ? size.toLongLong(&ok, 16) : -1;
        if (!ok || n < 0 || !isToken(size)) {
            refuse(400, tr("The request's chunked body is malformed."));
            return false;
        }
        if (n == 0) {
            m_phase = Phase::Trailers;
            m_headerBytes = 0;
            return true;
        }
        m_bodyTotal += n;
        if (m_bodyTotal > m_limits.maxBody) {
            refuse(413, EmulatorService::bodyTooLargeText(m_bodyTotal));
            return false;
        }
        m_bodyLeft = n;
        m_phase = Phase::ChunkData;
        return true;
    }
    case Phase::ChunkEnd:
        m_phase = Phase::ChunkSize;
        return true;
    case Phase::Trailers:
        if (m_line.isEmpty()) {
            requestComplete();
            return true;
        }
        headerField(m_line);
        if (m_badField) {
            refuse(400, tr("The request's header fields are not HTTP/1.1 header fields."));
            return false;
        }
        return true;
    default:
        return true;
    }
}

void ConnectionGuard::headerField(QByteArrayView line)
{
    // No obsolete line folding (RFC 9112 §5.2), no CR inside, `name: value`.
    const qsizetype colon = line.indexOf(':');
    if (line.startsWith(' ') || line.startsWith('\t') || line.contains('\r') || colon <= 0
        || !isToken(line.first(colon))) {
        m_badField = true;
        return;
    }
    if (m_phase != Phase::Headers)
        return;
    const QByteArrayView name = line.first(colon);
    const QByteArray value = line.sliced(colon + 1).toByteArray().trimmed();
    if (name.compare("Content-Length", Qt::CaseInsensitive) == 0) {
        // Two different lengths make the framing ambiguous (RFC 9112 §6.3).
        if (!m_contentLength.isNull() && m_contentLength != value)
            m_badField = true;
        m_contentLength = value;
    } else if (name.compare("Transfer-Encoding", Qt::CaseInsensitive) == 0) {
        m_transferEncoding += (m_transferEncoding.isEmpty() ? "" : ",") + value;
    }
}

bool ConnectionGuard::headersComplete()
{
    if (!m_transferEncoding.isEmpty()) {
        // QtHttpServer reads a body as chunked when Transfer-Encoding names chunked; a coding list
        // that does not end in chunked leaves no way to find the body's end (RFC 9112 §6.3).
        const QByteArray last = m_transferEncoding.split(',').constLast().trimmed().toLower();
        if (last != "chunked") {
            refuse(400, tr("The request's Transfer-Encoding is not chunked."));
            return false;
        }
        m_phase = Phase::ChunkSize;
        m_bodyTotal = 0;
        return true;
    }
    if (!m_contentLength.isNull()) {
        bool ok = m_contentLength.size() <= 18;
        for (char c : std::as_const(m_contentLength))
            ok = ok && c >= '0' && c <= '9';
        const qint64 length = ok ? m_contentLength.toLongLong(&ok) : -1;
        if (!ok || length < 0) {
            refuse(400, tr("The request's Content-Length is not a number."));
            return false;
        }
        if (length > m_limits.maxBody) {
            // A body of moderate size is read and dropped before the half-close: a client that
            // sends its whole body before it reads (QNetworkAccessManager) then gets the answer.
            m_drainWanted = length <= kMaxDrain ? length : 0;
            refuse(413, EmulatorService::bodyTooLargeText(length));
            return false;
        }
        if (length > 0) {
            m_phase = Phase::Body;
            m_bodyLeft = length;
            return true;
        }
    }
    requestComplete();
    return true;
}

void ConnectionGuard::requestComplete()
{
    m_phase = Phase::RequestLine;
    m_method.clear();
    m_target.clear();
    m_contentLength = QByteArray();
    m_transferEncoding.clear();
    m_badField = false;
    m_bodyLeft = 0;
    m_bodyTotal = 0;
    m_headerBytes = 0;
    m_requestClock.invalidate();
}

void ConnectionGuard::refuse(int status, const QString &text)
{
    if (m_refused)
        return;
    m_refused = true;
    m_timer.stop();
    // QtHttpServer reads no more of this connection: every readyRead slot goes, the drain comes.
    QObject::disconnect(m_socket, QMetaMethod::fromSignal(&QIODevice::readyRead), nullptr,
                        QMetaMethod());
    connect(m_socket, &QIODevice::readyRead, this, &ConnectionGuard::drain);
    if (m_socket->isTransactionStarted())
        m_socket->commitTransaction();
    if (status != 0 && m_socket->state() == QAbstractSocket::ConnectedState)
        m_socket->write(m_answer(GateRefusal {status, text, m_method, m_target}));
    else
        m_socket->disconnectFromHost();
    QTimer::singleShot(kLingerMs, this, [this] { m_socket->abort(); });
    // The caller drops what is buffered (beforeServer() knows where the refused part ended).
}

void ConnectionGuard::drain()
{
    // Read and drop what the client still sends, so that its kernel does not get a reset that
    // would discard the answer before the client read it; a client that keeps sending is cut.
    const qint64 n = m_socket->bytesAvailable();
    if (n > 0) {
        m_socket->skip(n);
        m_drained += n;
    }
    if (m_drained > kMaxDrain)
        m_socket->abort();
    else
        answerFlushed();
}

void ConnectionGuard::answerWritten()
{
    if (m_handling && !m_refused && m_socket->bytesToWrite() == 0) {
        m_handling = false;
        rearm();
    }
}

void ConnectionGuard::answerFlushed()
{
    // Once a refusal's answer is on the wire, half-close: the client reads it, then end of stream.
    if (m_refused && !m_halfClosed && m_drained >= m_drainWanted && m_socket->bytesToWrite() == 0
        && m_socket->encryptedBytesToWrite() == 0 && m_socket->socketDescriptor() >= 0) {
        m_halfClosed = true;
        ::shutdown(static_cast<int>(m_socket->socketDescriptor()), SHUT_WR);
    }
}

void ConnectionGuard::rearm()
{
    if (m_refused || m_handling) {
        m_timer.stop();
        return;
    }
    const bool betweenRequests = m_phase == Phase::RequestLine && m_line.isEmpty();
    if (betweenRequests || (m_phase != Phase::RequestLine && m_phase != Phase::Headers)) {
        m_timer.start(m_limits.idleTimeoutMs);
        return;
    }
    const qint64 elapsed = m_requestClock.isValid() ? m_requestClock.elapsed() : 0;
    m_timer.start(int(qMax<qint64>(0, m_limits.headerTimeoutMs - elapsed)));
}

void ConnectionGuard::timedOut()
{
    if (m_refused || m_handling)
        return;
    if (m_phase == Phase::RequestLine && m_line.isEmpty())
        refuse(0, {}); // idle between requests: closed without an answer, like Kestrel
    else
        refuse(408,
               m_phase == Phase::RequestLine || m_phase == Phase::Headers
                   ? tr("The request's header fields did not arrive within %1 seconds.")
                         .arg(m_limits.headerTimeoutMs / 1000.0)
                   : tr("The request's body stopped arriving for %1 seconds.")
                         .arg(m_limits.idleTimeoutMs / 1000.0));
    if (const qint64 buffered = m_socket->bytesAvailable(); buffered > 0)
        m_socket->skip(buffered);
    drain();
}

} // namespace Nh
