// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/clireference.h"

#include "cli/clicommand.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::Literals::StringLiterals;

namespace Nh {

namespace {

QJsonArray optionsJson(const QList<QCommandLineOption> &options)
{
    QJsonArray list;
    for (const QCommandLineOption &option : options) {
        if (option.flags().testFlag(QCommandLineOption::HiddenFromHelp))
            continue;
        list.append(QJsonObject {
            {u"names"_s, QJsonArray::fromStringList(option.names())},
            {u"valueName"_s, option.valueName()},
            {u"description"_s, option.description()},
        });
    }
    return list;
}

} // namespace

QByteArray cliReference(const CliOverview &overview, const QList<CliCommand *> &commands)
{
    QJsonArray commandList;
    for (const CliCommand *command : commands) {
        commandList.append(QJsonObject {
            {u"name"_s, command->name()},
            {u"summary"_s, command->summary()},
            {u"description"_s, command->description()},
            {u"syntax"_s, command->syntax()},
            {u"options"_s, optionsJson(command->options())},
        });
    }
    const QJsonObject root {
        {u"program"_s, u"nhcli"_s},
        {u"intro"_s, overview.intro},
        {u"exitCodes"_s, overview.exitCodes},
        {u"globalOptions"_s, optionsJson(overview.globalOptions)},
        {u"commands"_s, commandList},
    };
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

} // namespace Nh
