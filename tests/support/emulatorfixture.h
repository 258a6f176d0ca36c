// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "client/hubclient.h"
#include "common/httpheaders.h"
#include "emulator/hubemulator.h"
#include "protocol/sastoken.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslConfiguration>

/**
 * An in-process HubEmulator on 127.0.0.1:0 with a fresh certificate, and a QNetworkAccessManager
 * that trusts it (no ignoreSslErrors anywhere). Tests talk real HTTPS to it.
 */
class EmulatorFixture
{
public:
    struct Response
    {
        int status = 0;
        QNetworkReply::NetworkError error = QNetworkReply::NoError;
        QString errorString;
        Nh::HttpHeaders headers;
        QByteArray body;
        bool finished = false;

        QByteArray header(QByteArrayView name) const
        {
            return Nh::headerValue(headers, name).value_or(QByteArray());
        }
    };

    struct Call
    {
        QByteArray method = "GET";
        QString pathAndQuery; ///< e.g. "/myHub/messages?api-version=2020-06&test"
        Nh::HttpHeaders headers; ///< extra headers
        QByteArray body;
        QString rule = QStringLiteral("DefaultFullSharedAccessSignature");
        bool sign = true;
        Nh::Sas::Options sas = Nh::Sas::Options::canonical();
        QString hubForToken; ///< empty: the emulator's hub
        int transferTimeoutMs = 10000;
        bool trust = true; ///< false: a client that does not trust the emulator CA
    };

    /** Starts the emulator; returns false (and prints why) when it cannot. */
    bool start(Nh::EmulatorOptions options = defaultOptions());
    static Nh::EmulatorOptions defaultOptions();

    Response call(const Call &c);
    Response send(const QString &pathAndQuery, const QByteArray &body,
                  const Nh::HttpHeaders &headers);
    QString hub() const { return emulator.hubName(); }
    /** The emulator's connection string for 127.0.0.1, the host the fixture connects to. */
    Nh::ConnectionString connectionString(
        const QString &rule = QStringLiteral("DefaultFullSharedAccessSignature")) const;
    QString url(const QString &pathAndQuery) const;
    /** What a HubClient needs to talk to the emulator: its connection string for `rule` on
     *  127.0.0.1, the hub, its CA certificate, and a transfer timeout. */
    Nh::HubConnection
    hubConnection(const QString &rule = QStringLiteral("DefaultFullSharedAccessSignature"),
                  int transferTimeoutMs = 5000) const;
    QSslConfiguration tls(bool trust = true) const;

    /** Removes every registration, installation, message and fault of the hub. */
    void resetHub();
    /** resetHub(), every other hub removed, and the hub's configuration back to the default
     *  (every platform configured, the two default rules, GCM not retired). */
    void resetHubConfiguration();

    Nh::HubEmulator emulator;
    QNetworkAccessManager nam;
};
