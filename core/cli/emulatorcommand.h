// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cli/clicommand.h"

#include <memory>

namespace Nh {

class HubEmulator;

/**
 * `nhcli emulator`: starts a HubEmulator in this process, prints its certificate and
 * connection strings (for 127.0.0.1, with ready `export` lines for NH_CONNECTION_STRING,
 * NH_HUB and NH_CA_FILE) and serves until the process is stopped or cancel() is called.
 */
class EmulatorCommand final : public CliCommand
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EmulatorCommand)

public:
    EmulatorCommand(CliSession &session, QObject *parent);
    ~EmulatorCommand() override;

    QString name() const override;
    QString summary() const override;
    QString description() const override;
    QList<QCommandLineOption> options() const override;
    void start(const QCommandLineParser &parser, const QStringList &arguments) override;
    void cancel() override;

private:
    QCommandLineOption m_port;
    QCommandLineOption m_certDir;
    QCommandLineOption m_data;
    QCommandLineOption m_noDemoData;
    QCommandLineOption m_generate;
    QCommandLineOption m_seed;
    QCommandLineOption m_log;

    std::unique_ptr<HubEmulator> m_emulator;
};

} // namespace Nh
