// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "emulator/emulatorlog.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QSslCertificate>
#include <QTimer>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;

namespace Nh {

/**
 * Follows the traffic of an nhemulator started elsewhere on this machine (issue #20) through its
 * stream `GET /$emulator/traffic?after=SEQ&wait=MS` (docs/protocol.md §9.11): a long poll that
 * answers `{"entries": [EmulatorLogEntry::toJson()…], "after": SEQ}` as soon as there is
 * something after SEQ, or empty after `wait`. Each answer asks again at once; a failure (refused,
 * TLS, a status other than 200, a body that does not read) is reported and retried after a
 * delay that doubles from kFirstRetryMs up to kMaxRetryMs and starts over after a success.
 *
 * Uses the QNetworkAccessManager it is given (HubClient's) and trusts the emulator's
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

    explicit TrafficFeed(QNetworkAccessManager *nam, QObject *parent = nullptr);
    ~TrafficFeed() override;

    /** `https://127.0.0.1:PORT`, and the certificate the emulator serves (or its CA). */
    void setEndpoint(const QUrl &origin, const QList<QSslCertificate> &caCertificates);
    QUrl origin() const { return m_origin; }
    /** How long the emulator may hold a poll without news. */
    void setWaitMs(int ms) { m_waitMs = ms; }

    bool isRunning() const { return m_running; }
    /** The sequence the next poll asks after. */
    qint64 after() const { return m_after; }
    /** The delay before the next retry, 0 while none is pending. */
    int retryDelayMs() const { return m_retryTimer.isActive() ? m_retryTimer.interval() : 0; }

public slots:
    /** Starts following after sequence `after` (0: everything the emulator still has). */
    void start(qint64 after = 0);
    /** Stops: the poll in flight is aborted, no retry follows, nothing more is emitted. */
    void cancel();

signals:
    /** New exchanges, oldest first. */
    void entriesReceived(const QList<Nh::EmulatorLogEntry> &entries);
    /** A poll answered after a failure (or the first one did): the stream is live. */
    void connected();
    /** A poll failed; the next try is in `retryInMs`. */
    void failed(const QString &sentence, int retryInMs);

private:
    void poll();
    void onFinished(QNetworkReply *reply);
    void retryLater(const QString &sentence);

    QNetworkAccessManager *m_nam;
    QUrl m_origin;
    QList<QSslCertificate> m_ca;
    QPointer<QNetworkReply> m_reply;
    QTimer m_retryTimer;
    qint64 m_after = 0;
    int m_waitMs = kDefaultWaitMs;
    int m_nextDelayMs = kFirstRetryMs;
    bool m_running = false;
    bool m_live = false;
};

} // namespace Nh
