// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Runs nhcli in-process, as app/nhcli does, with its standard streams captured: the one runner
// of the in-process CLI suites (tst_cli, tst_clistore, tst_clitemplates).

#include "cli/cli.h"

#include <QBuffer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QProcessEnvironment>
#include <QSignalSpy>
#include <QStringList>
#include <QTextStream>

namespace Nh::Test {

/** What one nhcli run printed and returned. */
struct CliRun
{
    bool finished = false; ///< finished() came once, and never from inside start()
    int code = -1;
    QString out;
    QString err;
    QJsonObject json; ///< stdout as a JSON object, when it is one
    bool jsonOk = false;
};

/** How nhcli sees its process: environment, standard input, terminal. */
struct CliRunOptions
{
    QProcessEnvironment env;
    QByteArray stdinData;
    int columns = 80;
    bool terminal = false;
};

/** Runs `nhcli args…` and waits (at most 20 s) for it to finish. */
inline CliRun runCli(const QStringList &args, const CliRunOptions &options)
{
    CliRun r;
    QTextStream out(&r.out);
    QTextStream err(&r.err);
    QBuffer in;
    in.setData(options.stdinData);
    in.open(QIODevice::ReadOnly);
    CliIo io;
    io.out = &out;
    io.err = &err;
    io.in = &in;
    io.env = options.env;
    io.terminal.columns = options.columns;
    io.terminal.outIsTerminal = options.terminal;
    io.terminal.errIsTerminal = options.terminal;
    // A QNAM per run, as a process has: a cached connection must not carry trust over.
    QNetworkAccessManager nam;
    Cli cli(&nam);
    QSignalSpy finished(&cli, &Cli::finished);
    cli.start(QStringList {QStringLiteral("nhcli")} + args, io);
    if (!finished.isEmpty() || !finished.wait(20000))
        return r;
    r.finished = finished.size() == 1;
    r.code = finished.first().first().toInt();
    out.flush();
    err.flush();
    QJsonParseError error {};
    const QJsonDocument doc = QJsonDocument::fromJson(r.out.toUtf8(), &error);
    r.jsonOk = error.error == QJsonParseError::NoError && doc.isObject();
    r.json = doc.object();
    return r;
}

} // namespace Nh::Test

#define RUN_OK(r) QVERIFY2((r).finished, "Cli::run did not finish (or finished inside start())")
