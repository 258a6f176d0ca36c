// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cli/clicommand.h"

namespace Nh {

/**
 * `nhcli explain-tags EXPR`: parses a tag expression as the hub would, prints its normalised
 * form, its tags and how they count against the service's limits, and with
 * --registration-tags whether a registration with those tags would be reached. Works offline.
 */
class ExplainTagsCommand final : public CliCommand
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExplainTagsCommand)

public:
    ExplainTagsCommand(CliSession &session, QObject *parent);

    QString name() const override;
    QString summary() const override;
    QString description() const override;
    QString syntax() const override;
    QList<QCommandLineOption> options() const override;
    void start(const QCommandLineParser &parser, const QStringList &arguments) override;

private:
    QCommandLineOption m_registrationTags;
};

} // namespace Nh
