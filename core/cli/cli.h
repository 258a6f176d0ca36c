// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cli/terminal.h"

#include <QObject>
#include <QPointer>
#include <QProcessEnvironment>
#include <QStringList>
#include <memory>

class QCommandLineParser;
class QIODevice;
class QNetworkAccessManager;
class QTextStream;

namespace Nh {

class CliCommand;
struct CliSession;

/**
 * nhcli's exit statuses (issue #5), so that QA scripts can assert what happened. Usage errors
 * are about the command line; Invalid is input refused before anything was sent.
 */
enum class ExitCode : int {
    Ok = 0,
    Failure = 1, ///< anything else: a cancel, a local file that cannot be read or written
    Usage = 2, ///< unknown command or option, a missing value, a key on the command line
    Invalid = 3, ///< a payload, tag expression, token or JSON refused before sending
    Transport = 4, ///< no HTTP answer: DNS, refused, TLS, reset, timeout
    Hub = 5, ///< the hub answered 4xx or 5xx
    NoTargets = 6, ///< a test send that reached no registration
    BadResponse = 7, ///< a 2xx answer whose body could not be read
    DiagnosisProblem = 8, ///< `diagnose`: a check found a problem
    DiagnosisUnsure = 9, ///< `diagnose`: no problem, but warnings or checks that could not tell
};

/** Where a run reads and writes; main() fills it from the process, tests from buffers. */
struct CliIo
{
    QTextStream *out = nullptr; ///< results (human text or one JSON document)
    QTextStream *err = nullptr; ///< diagnostics, warnings, progress
    QIODevice *in = nullptr; ///< read only for `-` arguments; may be null
    QProcessEnvironment env; ///< NH_CONNECTION_STRING, NH_HUB, NH_SAS_KEY, NH_CA_FILE, COLUMNS
    Terminal terminal;
};

/**
 * The nhcli command line over the core (issue #5, docs/conventions.md §9): `send`, `explain-tags`,
 * `sas`, `registrations`, `installations`, `telemetry`, `emulator`, `profiles`, `history` and
 * `templates` (issue #16), each with `--help` and `--json`.
 *
 * start() returns at once; the run proceeds on the event loop of the calling thread and
 * finished() is emitted exactly once, never from inside start(). Nothing blocks except reading
 * `in` when an argument is `-`. The QNetworkAccessManager is injected (docs/conventions.md R2) and
 * must outlive the Cli. Keys are never taken from the command line and never printed.
 */
class Cli final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Cli)

public:
    explicit Cli(QNetworkAccessManager *nam, QObject *parent = nullptr);
    ~Cli() override;

    /**
     * Runs `arguments` (the first one is the program name, as in QCoreApplication::arguments()).
     * `io.out` and `io.err` must stay valid until finished(). Call it once per Cli.
     */
    void start(const QStringList &arguments, const CliIo &io);

    bool isFinished() const { return m_finished; }
    /** The ExitCode as an int; meaningful once finished. */
    int exitCode() const { return m_exitCode; }

public slots:
    /** Ends a running command (cancels requests in flight, stops `emulator`); finished()
     *  follows with ExitCode::Ok for `emulator`, ExitCode::Failure otherwise. */
    void cancel();

signals:
    void finished(int exitCode);

private:
    void run(const QStringList &arguments);
    void finish(int code);

    QNetworkAccessManager *m_nam;
    std::unique_ptr<CliSession> m_session;
    std::unique_ptr<QCommandLineParser> m_parser;
    QPointer<CliCommand> m_command;
    bool m_started = false;
    bool m_finished = false;
    int m_exitCode = 0;
};

} // namespace Nh
