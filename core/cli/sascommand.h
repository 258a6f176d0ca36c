// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cli/clicommand.h"

namespace Nh {

/**
 * `nhcli sas`: builds the SAS token nhconsole would send (its signature shown only with
 * --reveal), or with --decode reads one back: resource, key name, expiry and, when a
 * connection is configured, whether its signature, expiry and scope hold for that key and hub.
 */
class SasCommand final : public CliCommand
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SasCommand)

public:
    SasCommand(CliSession &session, QObject *parent);

    QString name() const override;
    QString summary() const override;
    QString description() const override;
    QList<QCommandLineOption> options() const override;
    void start(const QCommandLineParser &parser, const QStringList &arguments) override;

private:
    void build(const QCommandLineParser &parser);
    void decode(const QCommandLineParser &parser);

    QCommandLineOption m_decode;
    QCommandLineOption m_ttl;
    QCommandLineOption m_audience;
    QCommandLineOption m_reveal;
};

} // namespace Nh
