// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cli/cli.h"
#include "cli/clierrors.h"
#include "cli/textrenderer.h"
#include "client/hubclient.h"
#include "common/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QString>
#include <memory>
#include <optional>

class QNetworkAccessManager;

namespace Nh {

/** How a run gets its hub connection (the global options and their environment fallbacks). */
struct ConnectionOptions
{
    std::optional<QString> connectionString; ///< --connection-string: "-", "@file" or keyless text
    QString hub; ///< --hub
    QString caFile; ///< --ca-file
    int timeoutMs = 30000; ///< --timeout (seconds on the command line)
};

/**
 * What every command of one nhcli run shares: the streams, the environment, --json, the hub
 * connection and stdin. Reading stdin is lazy: it is read once, when an argument is `-`. When
 * the connection string comes from stdin it is the first line and a `-` payload the rest.
 */
class CliSession
{
    Q_DECLARE_TR_FUNCTIONS(Nh::Cli)

public:
    CliSession(QNetworkAccessManager *nam, const CliIo &io);
    Q_DISABLE_COPY_MOVE(CliSession)

    QTextStream &out() { return *m_io.out; }
    QTextStream &err() { return *m_io.err; }
    const CliIo &io() const { return m_io; }
    QNetworkAccessManager *nam() const { return m_nam; }

    bool json = false;
    ConnectionOptions connection;

    /** The extra trusted certificate file: --ca-file, else NH_CA_FILE; empty for none. */
    QString caFile() const;

    /** Colours on stdout: a terminal, and NO_COLOR not set. */
    bool colour() const;
    TextRenderer renderer() const;

    /**
     * The hub connection from --connection-string / NH_CONNECTION_STRING (+ NH_SAS_KEY), --hub /
     * NH_HUB (or the string's EntityPath) and --ca-file / NH_CA_FILE. Fails with a sentence for
     * the user; a connection string with a SharedAccessKey on the command line is refused.
     * Warnings of the connection string are kept on the result.
     */
    Result<HubConnection> hubConnection();
    /** True when either --connection-string or NH_CONNECTION_STRING is given. */
    bool hasConnection() const;
    /**
     * Uses `connection` (a stored profile's, `--profile`) instead of --connection-string and
     * NH_CONNECTION_STRING; --timeout, --ca-file and NH_CA_FILE still apply. Errors: the CA file
     * cannot be read. Call before client().
     */
    Status useConnection(HubConnection connection);
    /** A HubClient on that connection, owned by the session (one per run). */
    Result<HubClient *> client();

    /**
     * The bytes an argument names: `-` = stdin (after the connection line when the connection
     * comes from stdin), `@path` = the file, anything else = the text itself (UTF-8). `what`
     * names the argument in messages ("--payload").
     */
    Result<QByteArray> readArgument(const QString &spec, const QString &what);

    /**
     * Prints a failure of kind `code`: human text on stderr, or with --json a JSON document on
     * stdout ({ok, error: {kind, code, message}, exitCode}). Returns exitCodeFor(code).
     */
    int fail(ErrorCode code, const QString &message, const QList<Warning> &warnings = {});
    /** fail(error.code, error.message, warnings). */
    int fail(const Error &error, const QList<Warning> &warnings = {});
    /** Prints `object` with "exitCode" added as one JSON document on stdout (compact: on one
     *  line, for output that a script must read before the command ends). */
    void printJson(QJsonObject object, int exitCode, bool compact = false);
    /** "warning: …" lines on stderr (human mode only). */
    void printWarnings(const QList<Warning> &warnings);

private:
    Result<QByteArray> stdinBytes();
    Status addCaCertificates(HubConnection &connection) const;
    Result<QString> stdinLine();

    QNetworkAccessManager *m_nam;
    CliIo m_io;
    std::unique_ptr<HubClient> m_client;
    std::optional<QByteArray> m_stdin; ///< what remains unread by earlier `-` arguments
    std::optional<QString> m_stdinConnection;
    std::optional<HubConnection> m_profileConnection;
};

/**
 * A platform as people type it on the command line: the installation names ("apns", "wns",
 * "fcmv1", …), the outcome names ("apple", "windows", …) or a native format name;
 * case-insensitive.
 */
std::optional<Platform> platformFromCliName(QStringView name);
/** The accepted spellings, for messages. */
QString platformCliNames();

} // namespace Nh
