// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/httpheaders.h"
#include "common/result.h"
#include "emulator/emulatorhubconfig.h"
#include "emulator/emulatorlog.h"
#include "protocol/connectionstring.h"

#include <QDateTime>
#include <QJsonObject>
#include <QObject>
#include <QSslCertificate>
#include <QString>
#include <memory>

namespace Nh {

class EmulatorService;
class EmulatorState;
class FaultInjector;

struct EmulatorOptions
{
    /** 0 picks a free port; port() tells which. */
    quint16 port = 0;
    QString hubName = QStringLiteral("myHub");
    /** More hubs in the same namespace (the demo data goes to hubName only). */
    QStringList additionalHubs;
    /** Where the certificate is kept so clients trust it once; empty: a fresh one in memory. */
    QString certificateDir;
    /** SQLite file for the namespace (`--data`); empty: memory only. */
    QString dataFile;
    bool seedDemoData = true;
    /** The hubs' configurations (`nhemulator --hub-config`); a hub not named here gets the
     *  default one (every platform). Independent of the demo data, which also adds the
     *  problems hub (kProblemsDemoHub). */
    QList<EmulatorHubConfig> hubConfigs;
    /** Also listen on ::1 (same port) where the machine has IPv6 loopback. */
    bool listenIpv6 = true;
    /** Synthetic registrations for the hub `hubName` (`nhemulator --generate N --seed S`). */
    GenerateSpec generate;
    /** Refuse more than 10 test sends a minute, as the service does. */
    bool throttleTestSends = false;
    /** A connection that sends nothing while a request is awaited (before its first request or
     *  between keep-alive requests), or whose body stops arriving, is closed after this long
     *  (`nhemulator --idle-timeout`). Not while a request is being handled or stalled. */
    int idleTimeoutMs = 120 * 1000;
    /** A request whose header block is not complete this long after its first byte gets 408. */
    int headerTimeoutMs = 30 * 1000;
};

/**
 * A local emulator of the Notification Hubs data plane over HTTPS (issue #4): one namespace with
 * the default SAS rules and any number of hubs, served on 127.0.0.1 (and ::1) by QtHttpServer
 * with a self-signed certificate. Runs in the thread that owns it; never blocks it.
 *
 * Faults for tests and demos come from faults() (per operation, per hub, for N requests), from
 * the control endpoint `POST /$emulator/faults`, or per request from an
 * `X-Nh-Emulator-Fault: <spec>` header (see Fault::parse()).
 */
class HubEmulator final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HubEmulator)

public:
    explicit HubEmulator(QObject *parent = nullptr);
    ~HubEmulator() override;

    /** Starts listening; an Error says why not (port taken, certificate folder unwritable …). */
    Status start(const EmulatorOptions &options = {});
    void stop();
    bool isListening() const;

    quint16 port() const;
    QString hubName() const;
    QSslCertificate certificate() const;
    QByteArray certificatePem() const;
    /** The certificate file when certificateDir was given, else empty. */
    QString certificatePath() const;

    /**
     * `Endpoint=sb://localhost:PORT/;SharedAccessKeyName=<rule>;SharedAccessKey=…`. This and
     * ruleNames() may be called from another thread than the emulator's once start() returned:
     * the namespace's SAS rules are written only before serving starts (createDefault, or the
     * `--data` store's load) and no request changes them.
     */
    ConnectionString connectionString(
        const QString &rule = QStringLiteral("DefaultFullSharedAccessSignature")) const;
    QStringList ruleNames() const;

    EmulatorState &state();
    FaultInjector &faults();
    EmulatorService &service();

    /** The last exchanges (at most 1000), oldest first. */
    QList<EmulatorLogEntry> log() const;
    /**
     * `POST /$emulator/reset` (docs/protocol.md §9.11): registrations, installations, sends
     * (scheduled ones too), delivery records and faults back to a first start's: the demo data
     * (unless EmulatorOptions::seedDemoData is off) and the generated registrations, or empty.
     * The hubs and their configuration stay; so does the request log.
     */
    void reset();

    /** How long `GET /$emulator/traffic` waits for an entry by default, and at most. */
    static constexpr int kTrafficWaitMs = 10000;
    static constexpr int kMaxTrafficWaitMs = 30000;
    /** Traffic requests that may wait at once; more are answered 503. */
    static constexpr int kMaxTrafficWaiters = 16;
    /** TCP connections accepted since start (a keep-alive client uses one). */
    int connectionCount() const;
    /** What EmulatorOptions::generate made at start (count 0 when nothing). */
    GenerateReport generated() const;

signals:
    /**
     * A new exchange, or (with a sequence already emitted) one whose send reached more
     * registrations since: a real send's later chunks, a scheduled send delivered. Its
     * `deliveries` and `deliveryCount` are then the new ones; replace the earlier row.
     */
    void exchangeLogged(const Nh::EmulatorLogEntry &entry);

private:
    class Server;
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Nh
