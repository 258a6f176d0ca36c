// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// nhconsole: the desktop console. main() makes the object graph (style.md R2): one
// QNetworkAccessManager, the bundled emulator for a first run, the client and the window.

#include "client/hubclient.h"
#include "emulator/hubemulator.h"
#include "localemulator.h"
#include "mainwindow.h"
#include "theme.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QNetworkAccessManager>
#include <QSettings>

using namespace Qt::Literals::StringLiterals;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(u"nhconsole"_s);
    QCoreApplication::setApplicationName(u"nhconsole"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(NH_VERSION));
    QGuiApplication::setApplicationDisplayName(u"nhconsole"_s);
    QGuiApplication::setDesktopFileName(u"nhconsole"_s);
    QApplication::setWindowIcon(Theme::icon(u"nhconsole"_s));

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "nhconsole", "A debugging console for Azure Notification Hubs. The first start talks to "
                     "a bundled local emulator, so no Azure account is needed."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption certDir(
        u"emulator-cert-dir"_s,
        QCoreApplication::translate("nhconsole",
                                    "Folder for the bundled emulator's certificate (default: %1).")
            .arg(LocalEmulator::defaultCertificateDir()),
        u"dir"_s, LocalEmulator::defaultCertificateDir());
    parser.addOption(certDir);
    parser.process(app);

    QNetworkAccessManager nam;
    // TODO(#7): with profiles, start the emulator only while it is the chosen profile.
    Nh::HubEmulator emulator;
    const Nh::Status started = LocalEmulator::start(emulator, parser.value(certDir));
    Nh::HubClient client(&nam);
    if (started)
        client.setConnection(LocalEmulator::connection(emulator));

    QSettings settings;
    AppContext context;
    context.client = &client;
    context.settings = &settings;
    context.emulator = &emulator;
    context.emulatorStatus = started;
    MainWindow window(context);
    window.show();
    return app.exec();
}
