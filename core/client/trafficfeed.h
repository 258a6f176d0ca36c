// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "emulator/emulatorlog.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QSslCertificate>
#include <QSslError>
#include <QTimer>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;

namespace Nh {

/**
 * The one client of an nhemulator's traffic stream (issue #20),
 * `GET /$emulator/traffic?after=SEQ&wait=MS&limit=N` (docs/protocol.md §9.11): a long poll that
 * answers `{"entries": [EmulatorLogEntry::toJson()…], "next": SEQ}` as soon as there is
 * something after SEQ, or empty after `wait`; `next` is the `after` of the next poll. The Traffic
 * dock follows an emulator started elsewhere with it, `nhcli emulator traffic` prints one.
 *
 * Two settings say what it does:
 * - Reading::Follow (default) asks again after each answer, for ever; Reading::ToEnd asks
 *   without waiting until it has what the emulator holds, then emits finished() with success.
 * - OnFailure::Retry (default) reports a failure (refused, TLS, a status other than 200, a body
 *   that does not read) with failed() and tries again after a delay that doubles from
 *   kFirstRetryMs up to kMaxRetryMs and starts over after a success; OnFailure::Stop emits
 *   finished() with the Error instead, its code ErrorCode::Transport (no HTTP answer),
 *   ErrorCode::HubRejected (an HTTP status other than 200) or ErrorCode::BadResponse (a body
 *   that is not the stream's).
 *
 * Uses the QNetworkAccessManager it is given (HubClient's, or nhcli's) and trusts the emulator's
 * certificate as an extra anchor, never a blanket ignoreSslErrors. Lives in the thread of the
 * manager; nothing blocks.
 */
class TrafficFeed final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrafficFeed)

public:
    static constexpr int kFirstRetryMs = 500;
    static constexpr int kMaxRetryMs = 10000;
    static constexpr int kDefaultWaitMs = 20000;
    /** Entries asked for at once. */
    static constexpr int kLimit = 1000;

    /** Whether the feed stops at the end of what the emulator holds. */
    enum class Reading {
        Follow, ///< ask again after each answer, until cancel()
        ToEnd, ///< read what the emulator holds, then finished() with success
    };
    /** What a failed poll does. */
    enum class OnFailure {
        Retry, ///< failed(), then try again later
        Stop, ///< finished() with the Error; nothing more
    };

    explicit TrafficFeed(QNetworkAccessManager *nam, QObject *parent = nullptr);
    ~TrafficFeed() override;

    /** `https://127.0.0.1:PORT`, and the certificate the emulator serves (or its CA). */
    void setEndpoint(const QUrl &origin, const QList<QSslCertificate> &caCertificates);
    QUrl origin() const { return m_origin; }
    /** How long the emulator may hold a poll without news (Reading::Follow). */
    void setWaitMs(int ms) { m_waitMs = ms; }
    /** Takes effect at the next start(). */
    void setReading(Reading reading) { m_reading = reading; }
    Reading reading() const { return m_reading; }
    /** Takes effect at the next failure. */
    void setOnFailure(OnFailure onFailure) { m_onFailure = onFailure; }
    OnFailure onFailure() const { return m_onFailure; }

    bool isRunning() const { return m_running; }
    /** The sequence the next poll asks after. */
    qint64 after() const { return m_after; }
    /** The delay before the next retry, 0 while none is pending. */
    int retryDelayMs() const { return m_retryTimer.isActive() ? m_retryTimer.interval() : 0; }

public slots:
    /** Starts reading after sequence `after` (0: everything the emulator still has). */
    void start(qint64 after = 0);
    /** Stops: the poll in flight is aborted, no retry follows, nothing more is emitted. */
    void cancel();

signals:
    /** New exchanges, oldest first. */
    void entriesReceived(const QList<Nh::EmulatorLogEntry> &entries);
    /** A poll answered after a failure (or the first one did): the stream is live. */
    void connected();
    /** A poll failed (OnFailure::Retry); the next try is in `retryInMs`. */
    void failed(const QString &sentence, int retryInMs);
    /**
     * The feed stopped by itself: read to the end (Reading::ToEnd, success) or a failure
     * (OnFailure::Stop, the Error). Not emitted after cancel().
     */
    void finished(const Nh::Status &status);

private:
    void poll();
    void onFinished(QNetworkReply *reply);
    void fail(const Error &error);

    QNetworkAccessManager *m_nam;
    QUrl m_origin;
    QList<QSslCertificate> m_ca;
    QPointer<QNetworkReply> m_reply;
    QList<QSslError> m_sslErrors;
    QTimer m_retryTimer;
    qint64 m_after = 0;
    int m_waitMs = kDefaultWaitMs;
    int m_nextDelayMs = kFirstRetryMs;
    Reading m_reading = Reading::Follow;
    OnFailure m_onFailure = OnFailure::Retry;
    bool m_running = false;
    bool m_live = false;
};

} // namespace Nh
