// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cli/clicommand.h"

namespace Nh {

/**
 * `nhcli telemetry ID`: the per-message telemetry of a send (docs/protocol.md §5.4, Standard tier):
 * state, times, target platforms and the outcome counts per platform.
 */
class TelemetryCommand final : public CliCommand
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TelemetryCommand)

public:
    TelemetryCommand(CliSession &session, QObject *parent);

    QString name() const override;
    QString summary() const override;
    QString description() const override;
    QString syntax() const override;
    QList<QCommandLineOption> options() const override;
    void start(const QCommandLineParser &parser, const QStringList &arguments) override;
};

} // namespace Nh
