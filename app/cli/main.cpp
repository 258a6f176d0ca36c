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
#include <QTextStream>
#include <cstdio>

using namespace Qt::Literals::StringLiterals;

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
    cli.start(app.arguments(), io);
    return app.exec();
}
