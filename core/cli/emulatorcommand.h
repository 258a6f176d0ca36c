// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cli/clicommand.h"

#include <memory>

namespace Nh {

class HubEmulator;
class TrafficFeed;

/**
 * `nhcli emulator`: starts a HubEmulator in this process, prints its certificate and
 * connection strings (for 127.0.0.1, with ready `export` lines for NH_CONNECTION_STRING,
 * NH_HUB and NH_CA_FILE) and serves until the process is stopped or cancel() is called.
 * `nhcli emulator traffic` prints the exchanges of an emulator running elsewhere instead
 * (TrafficFeed, reading to the end or following).
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
    QString syntax() const override;
    QList<QCommandLineOption> options() const override;
    void start(const QCommandLineParser &parser, const QStringList &arguments) override;
    void cancel() override;

private:
    QCommandLineOption m_port;
    QCommandLineOption m_certDir;
    QCommandLineOption m_data;
    QCommandLineOption m_noDemoData;
    QCommandLineOption m_log;
    QCommandLineOption m_hubConfig;
    QCommandLineOption m_follow;
    QCommandLineOption m_url;

    /** `emulator traffic`: prints a running emulator's exchanges. */
    void startTraffic(const QCommandLineParser &parser, const QStringList &arguments);

    std::unique_ptr<HubEmulator> m_emulator;
    std::unique_ptr<TrafficFeed> m_traffic;
};

} // namespace Nh
