// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QCommandLineOption>
#include <QList>
#include <QString>

namespace Nh {

class CliCommand;

/** What `nhcli --help` says about nhcli as a whole, for cliReference(). */
struct CliOverview
{
    QString intro; ///< the first paragraph of `nhcli --help`
    QString exitCodes; ///< the exit status sentence every help page ends with
    QList<QCommandLineOption> globalOptions; ///< including --help and --version
};

/**
 * The commands and options of nhcli as one JSON document (`nhcli --dump-commands`): the same
 * definitions `--help` prints, for the man page and the shell completion generated at build
 * time (tools/gen-cli-docs, docs/toolchain.md §7). Options hidden from the help are left out.
 */
QByteArray cliReference(const CliOverview &overview, const QList<CliCommand *> &commands);

} // namespace Nh
