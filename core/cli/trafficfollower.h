// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "emulator/emulatorlog.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QSslCertificate>
#include <QUrl>
#include <functional>

QT_BEGIN_NAMESPACE
class QNetworkAccessManager;
class QNetworkReply;
QT_END_NAMESPACE

namespace Nh {

/**
 * Reads a running emulator's traffic stream (`GET /$emulator/traffic`, docs/protocol.md §9.11)
 * for `nhcli emulator traffic`: what the log holds, then, when following, each new exchange as
 * the long poll brings it, until stop(). Trusts the given certificates (the emulator's) and
 * nothing weaker.
 */
class TrafficFollower final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrafficFollower)

public:
    /** How long one long poll may wait at the emulator. */
    static constexpr int kWaitMs = 10000;

    TrafficFollower(QNetworkAccessManager *nam, const QUrl &base,
                    const QList<QSslCertificate> &trusted, bool follow, QObject *parent = nullptr);
    ~TrafficFollower() override;

    void start();
    /** Aborts the request in flight; finished() is not emitted. */
    void stop();

signals:
    void entry(const Nh::EmulatorLogEntry &entry);
    /** The stream ended: read to its end (not following), or an error. */
    void finished(const Nh::Status &status);

private:
    void request();
    void read(QNetworkReply *reply);

    QNetworkAccessManager *m_nam;
    QUrl m_base;
    QList<QSslCertificate> m_trusted;
    bool m_follow = false;
    bool m_stopped = false;
    qint64 m_after = 0;
    QPointer<QNetworkReply> m_reply;
};

} // namespace Nh
