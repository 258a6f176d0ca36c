// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cli/clicommand.h"
#include "protocol/installation.h"

namespace Nh {

class HubClient;

/**
 * `nhcli installations get|put|patch|delete`: the hub's installations (docs/protocol.md §7.7). put
 * takes the installation as JSON (--body) or builds one from --platform/--push-channel/--tags;
 * patch sends an RFC 6902 JSON Patch. Bodies are checked before anything is sent.
 */
class InstallationsCommand final : public CliCommand
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InstallationsCommand)

public:
    InstallationsCommand(CliSession &session, QObject *parent);

    QString name() const override;
    QString summary() const override;
    QString description() const override;
    QString syntax() const override;
    QList<QCommandLineOption> options() const override;
    void start(const QCommandLineParser &parser, const QStringList &arguments) override;

private:
    void put(const QCommandLineParser &parser, const QString &id);
    void patch(const QCommandLineParser &parser, const QString &id);
    void printInstallation(const Installation &installation);

    QCommandLineOption m_body;
    QCommandLineOption m_platform;
    QCommandLineOption m_pushChannel;
    QCommandLineOption m_tags;
    QCommandLineOption m_userId;

    HubClient *m_client = nullptr;
};

} // namespace Nh
