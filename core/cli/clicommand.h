// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cli/cli.h"
#include "common/result.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <functional>

namespace Nh {

class CliSession;
class HubJob;
struct Exchange;

/**
 * One nhcli command (`send`, `registrations`, …). Cli builds a parser from the global options
 * plus options(), then calls start() once; the command ends with done(), which emits
 * finished() exactly once and never from inside start().
 */
class CliCommand : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CliCommand)

public:
    CliCommand(CliSession &session, QObject *parent);
    ~CliCommand() override;

    /** The word on the command line. */
    virtual QString name() const = 0;
    /** One line for the command list of `nhcli --help` (translated). */
    virtual QString summary() const = 0;
    /** The help text above the options of `nhcli NAME --help` (translated). */
    virtual QString description() const;
    /** The positional arguments for the usage line ("list|get|create ID"), may be empty. */
    virtual QString syntax() const;
    virtual QList<QCommandLineOption> options() const = 0;

    /** `arguments` are the positional arguments after the command name; `parser` stays valid
     *  until the command is done. */
    virtual void start(const QCommandLineParser &parser, const QStringList &arguments) = 0;
    /** Cancels what is in flight; the default cancels the tracked jobs. */
    virtual void cancel();

    bool isDone() const { return m_done; }

signals:
    void finished(int exitCode);

protected:
    /** Ends the command with `code`; later calls are ignored. */
    void done(int code);
    void done(ExitCode code) { done(int(code)); }
    /** Prints a failure of kind `code` (CliSession::fail) and ends the command with its exit
     *  status (exitCodeFor()). */
    void fail(ErrorCode code, const QString &message);
    void fail(const Error &error) { fail(error.code, error.message); }
    /** Keeps `job` so that cancel() reaches it. */
    void track(HubJob *job);
    /**
     * For commands whose result is the exchange itself: with --json the exchange's JSON,
     * otherwise on failure the request/response panels and the error sentence; returns the
     * exit code. `humanOnSuccess` prints the human view of a successful exchange.
     */
    int report(const Exchange &exchange, const std::function<void()> &humanOnSuccess,
               QJsonObject extra = {});

    CliSession &m_session;

private:
    QList<QPointer<HubJob>> m_jobs;
    bool m_done = false;
};

} // namespace Nh
