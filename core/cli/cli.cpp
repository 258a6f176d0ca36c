// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/cli.h"

#include "cli/clicommand.h"
#include "cli/clireference.h"
#include "cli/clisession.h"
#include "cli/diagnosecommand.h"
#include "cli/emulatorcommand.h"
#include "cli/explaintagscommand.h"
#include "cli/historycommand.h"
#include "cli/hubcommand.h"
#include "cli/installationscommand.h"
#include "cli/profilescommand.h"
#include "cli/registrationscommand.h"
#include "cli/sascommand.h"
#include "cli/sendcommand.h"
#include "cli/telemetrycommand.h"
#include "cli/templatescommand.h"

#include <QCommandLineParser>
#include <QLoggingCategory>
#include <QTextStream>

using namespace Qt::Literals::StringLiterals;

namespace Nh {

namespace {

/** The translation context of this file's messages; lupdate reads it from here. */
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Nh::Cli)
};

/** The options every command takes. */
struct GlobalOptions
{
    QCommandLineOption connectionString {
        u"connection-string"_s,
        Tr::tr("The hub connection: '-' reads it from the first line of standard input, '@FILE' "
               "from a file; text without SharedAccessKey takes the key from NH_SAS_KEY. "
               "Default: NH_CONNECTION_STRING."),
        u"-|@file"_s};
    QCommandLineOption hub {u"hub"_s, Tr::tr("The hub name. Default: NH_HUB."), u"name"_s};
    QCommandLineOption caFile {
        u"ca-file"_s,
        Tr::tr(
            "Also trust the certificates in this PEM file (the emulator's). Default: NH_CA_FILE."),
        u"pem"_s};
    QCommandLineOption timeout {
        u"timeout"_s, Tr::tr("Give up when the hub sends nothing for this long (default 30)."),
        u"seconds"_s};
    QCommandLineOption json {u"json"_s, Tr::tr("Print one JSON document on stdout, for scripts.")};
    QCommandLineOption verbose {u"verbose"_s,
                                Tr::tr("Log the nh.* categories to stderr (secrets redacted).")};

    QList<QCommandLineOption> all() const
    {
        return {connectionString, hub, caFile, timeout, json, verbose};
    }
};

QString exitCodesText()
{
    return Tr::tr(
        "Exit status: 0 success, 1 other failure, 2 usage error, 3 input refused before "
        "sending, 4 transport error (no HTTP answer, TLS, timeout), 5 hub error (4xx/5xx), "
        "6 a test send that reached no registration, 7 an unreadable answer.");
}

/** QCommandLineParser names the test binary or the real path; nhcli is nhcli. */
QString helpText(const QCommandLineParser &parser, const QString &usage)
{
    QString text = parser.helpText();
    const qsizetype end = text.indexOf(u'\n');
    return usage + text.mid(end);
}

} // namespace

Cli::Cli(QNetworkAccessManager *nam, QObject *parent)
    : QObject(parent)
    , m_nam(nam)
{ }

Cli::~Cli() = default;

void Cli::start(const QStringList &arguments, const CliIo &io)
{
    if (m_started)
        return;
    m_started = true;
    m_session = std::make_unique<CliSession>(m_nam, io);
    // Parsing may print and finish at once; finished() must still come from the event loop.
    QMetaObject::invokeMethod(
        this, [this, arguments] { run(arguments); }, Qt::QueuedConnection);
}

void Cli::cancel()
{
    if (m_command)
        m_command->cancel();
    else if (m_started && !m_finished)
        finish(int(exitCodeFor(ErrorCode::Cancelled)));
}

void Cli::finish(int code)
{
    if (m_finished)
        return;
    m_finished = true;
    m_exitCode = code;
    if (m_session) {
        m_session->out().flush();
        m_session->err().flush();
    }
    emit finished(code);
}

void Cli::run(const QStringList &arguments)
{
    CliSession &session = *m_session;
    const GlobalOptions global;
    QList<CliCommand *> commands {
        new SendCommand(session, this),          new ExplainTagsCommand(session, this),
        new SasCommand(session, this),           new RegistrationsCommand(session, this),
        new InstallationsCommand(session, this), new TelemetryCommand(session, this),
        new EmulatorCommand(session, this),      new ProfilesCommand(session, this),
        new HistoryCommand(session, this),       new TemplatesCommand(session, this),
        new HubCommand(session, this),           new DiagnoseCommand(session, this),
    };
    const auto commandNamed = [&](const QString &name) -> CliCommand * {
        for (CliCommand *c : std::as_const(commands)) {
            if (c->name() == name)
                return c;
        }
        return nullptr;
    };
    const auto cleanUp = [&](CliCommand *keep) {
        for (CliCommand *c : std::as_const(commands)) {
            if (c != keep)
                c->deleteLater();
        }
    };

    // Pass 1: the command is the first positional argument after the global options.
    QCommandLineParser first;
    first.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    const QCommandLineOption helpOption(
        {u"h"_s, u"help"_s}, Tr::tr("Show this help (nhcli COMMAND --help: the command's own)."));
    const QCommandLineOption versionOption(u"version"_s, Tr::tr("Show the version."));
    first.addOptions(global.all());
    first.addOption(helpOption);
    first.addOption(versionOption);
    const QString intro =
        Tr::tr("nhcli: send to, inspect and emulate Azure Notification Hubs from the "
               "command line.\n\nCommands:\n");
    // Not in --help: the commands and options as JSON, from which the build generates the man
    // page and the shell completion (docs/toolchain.md §7).
    if (arguments.size() == 2 && arguments.at(1) == u"--dump-commands"_s) {
        cleanUp(nullptr);
        session.out() << QString::fromUtf8(
            cliReference({intro.section(u"\n\n"_s, 0, 0), exitCodesText(),
                          global.all() << helpOption << versionOption},
                         commands));
        return finish(int(ExitCode::Ok));
    }
    first.parse(arguments);
    QStringList positional = first.positionalArguments();
    QString commandName = positional.value(0);
    bool help = false;
    if (commandName == u"help"_s) {
        help = true;
        commandName = positional.value(1);
        positional = positional.mid(1);
        if (positional.isEmpty())
            positional << QString();
    }

    CliCommand *command = commandName.isEmpty() ? nullptr : commandNamed(commandName);
    // Kept for the whole run: commands read their options after start() returns.
    m_parser = std::make_unique<QCommandLineParser>();
    QCommandLineParser &parser = *m_parser;
    parser.addOptions(global.all());
    parser.addOption(helpOption);
    parser.addOption(versionOption);
    if (command) {
        parser.setApplicationDescription(command->description() + u"\n\n"_s + exitCodesText());
        parser.addOptions(command->options());
        parser.addPositionalArgument(command->name(), command->summary(),
                                     command->name() + u' ' + command->syntax());
    } else {
        QString text = intro;
        for (const CliCommand *c : std::as_const(commands))
            text += u"  "_s + c->name().leftJustified(15) + c->summary() + u'\n';
        text += u'\n' + Tr::tr("Run nhcli COMMAND --help for the options of a command.") + u"\n\n"_s
            + exitCodesText();
        parser.setApplicationDescription(text);
        parser.addPositionalArgument(u"command"_s, Tr::tr("The command to run."));
    }
    const QString usage =
        Tr::tr("Usage: nhcli [global options] %1 [options]")
            .arg(command ? command->name() + u' ' + command->syntax() : u"COMMAND"_s)
            .simplified();

    const bool parsed =
        parser.parse(help ? QStringList {arguments.value(0), commandName} : arguments);
    if (help || parser.isSet(helpOption)) {
        cleanUp(nullptr);
        if (!commandName.isEmpty() && !command)
            return finish(session.fail(
                ErrorCode::Usage,
                Tr::tr("Unknown command '%1'. Run nhcli --help for the list.").arg(commandName)));
        session.out() << helpText(parser, usage);
        return finish(int(ExitCode::Ok));
    }
    if (parser.isSet(versionOption)) {
        cleanUp(nullptr);
        session.out() << u"nhcli "_s << QStringLiteral(NH_VERSION) << u'\n';
        return finish(int(ExitCode::Ok));
    }
    session.json = parser.isSet(global.json);
    if (!parsed) {
        cleanUp(nullptr);
        return finish(session.fail(ErrorCode::Usage,
                                   parser.errorText() + u' '
                                       + Tr::tr("Run nhcli %1--help for the options.")
                                             .arg(command ? command->name() + u' ' : QString())));
    }
    if (!command) {
        cleanUp(nullptr);
        if (commandName.isEmpty()) {
            session.err() << helpText(parser, usage);
            return finish(session.fail(ErrorCode::Usage, Tr::tr("Name a command.")));
        }
        return finish(session.fail(
            ErrorCode::Usage,
            Tr::tr("Unknown command '%1'. Run nhcli --help for the list.").arg(commandName)));
    }

    if (parser.isSet(global.verbose))
        QLoggingCategory::setFilterRules(u"nh.*.info=true"_s);
    if (parser.isSet(global.connectionString))
        session.connection.connectionString = parser.value(global.connectionString);
    session.connection.hub = parser.value(global.hub);
    session.connection.caFile = parser.value(global.caFile);
    if (parser.isSet(global.timeout)) {
        bool ok = false;
        const double seconds = parser.value(global.timeout).toDouble(&ok);
        if (!ok || seconds <= 0 || seconds > 24 * 3600) {
            cleanUp(nullptr);
            return finish(session.fail(ErrorCode::Usage,
                                       Tr::tr("--timeout takes a number of seconds, not '%1'.")
                                           .arg(parser.value(global.timeout))));
        }
        session.connection.timeoutMs = int(seconds * 1000);
    }

    cleanUp(command);
    m_command = command;
    connect(command, &CliCommand::finished, this, &Cli::finish);
    command->start(parser, parser.positionalArguments().mid(1));
}

} // namespace Nh
