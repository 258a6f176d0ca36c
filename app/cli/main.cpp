// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// nhcli: the headless command line over the core (issue #5). A thin main(): the process's
// streams, environment and terminal go into Nh::Cli, whose finished() ends the event loop.

#include "cli/cli.h"
#include "i18n/translations.h"

#include <QCoreApplication>
#include <QFile>
#include <QNetworkAccessManager>
#include <QProcessEnvironment>
#include <QSocketNotifier>
#include <QTextStream>
#include <csignal>
#include <cstdio>
#include <fcntl.h>
#include <memory>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace {

/** The self-pipe of Ctrl+C: the handler writes a byte, the event loop cancels the command. */
int g_interruptPipe[2] = {-1, -1};

void onInterrupt(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(g_interruptPipe[1], &byte, 1);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"nhcli"_s);
    QCoreApplication::setOrganizationName(u"nhconsole"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(NH_VERSION));
    Nh::installTranslations(&app);

    QTextStream out(stdout);
    QTextStream err(stderr);
    QFile in;
    // Read only when an argument is '-' (a connection string or a payload on stdin).
    in.open(stdin, QIODevice::ReadOnly);

    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    Nh::CliIo io;
    io.out = &out;
    io.err = &err;
    io.in = &in;
    io.env = env;
    io.terminal = Nh::Terminal::detect(env);

    QNetworkAccessManager nam;
    Nh::Cli cli(&nam);
    QObject::connect(&cli, &Nh::Cli::finished, &app, [&](int code) {
        out.flush();
        err.flush();
        QCoreApplication::exit(code);
    });
    // Ctrl+C cancels the running command (requests stop, `diagnose` reports it cancelled,
    // `emulator` stops); a second Ctrl+C ends the process at once (SA_RESETHAND).
    std::unique_ptr<QSocketNotifier> interrupt;
    if (::pipe2(g_interruptPipe, O_CLOEXEC | O_NONBLOCK) == 0) {
        interrupt = std::make_unique<QSocketNotifier>(g_interruptPipe[0], QSocketNotifier::Read);
        QObject::connect(interrupt.get(), &QSocketNotifier::activated, &cli, [&] {
            char byte = 0;
            [[maybe_unused]] const auto read = ::read(g_interruptPipe[0], &byte, 1);
            cli.cancel();
        });
        struct sigaction action = {};
        action.sa_handler = onInterrupt;
        action.sa_flags = SA_RESETHAND;
        sigemptyset(&action.sa_mask);
        sigaction(SIGINT, &action, nullptr);
    }
    cli.start(app.arguments(), io);
    return app.exec();
}
