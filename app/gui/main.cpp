// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// nhconsole: the desktop console. main() makes the object graph (docs/conventions.md R2): one
// QNetworkAccessManager, the client, the settings, profiles and keys shared with nhcli, and the
// window, which is shown at once; StartupSequence then starts the bundled emulator (on its own
// thread), opens the history file and activates the last profile (docs/architecture.md,
// "Start-up").

#include "client/hubclient.h"
#include "i18n/translations.h"
#include "localemulator.h"
#include "mainwindow.h"
#include "startupsequence.h"
#include "store/historystore.h"
#include "store/profilestore.h"
#include "store/secretstore.h"
#include "store/settings.h"
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
    Nh::installTranslations(&app);
    QGuiApplication::setApplicationDisplayName(u"nhconsole"_s);
    QGuiApplication::setDesktopFileName(u"nhconsole"_s);
    QApplication::setWindowIcon(Theme::icon(u"nhconsole"_s));

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "nhconsole",
        "A debugging console for Azure Notification Hubs. The first start talks to "
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
    const QCommandLineOption historyFile(
        u"history"_s,
        QCoreApplication::translate("nhconsole", "The history file (default: %1).")
            .arg(Nh::HistoryStore::defaultPath()),
        u"file"_s, Nh::HistoryStore::defaultPath());
    parser.addOption(historyFile);
    parser.process(app);

    QNetworkAccessManager nam;
    Nh::HubClient client(&nam);

    // The same settings file and keychain entries as nhcli (Settings::openUserSettings()).
    const std::unique_ptr<QSettings> settings = Nh::Settings::openUserSettings();
    // Before any window exists, so the first paint is already in the chosen scheme.
    Theme::applyAppearance(Nh::Settings(settings.get()).appearance());
    Nh::SecretStore secrets;
    Nh::ProfileStore profiles(settings.get(), &secrets);

    // Made before the window, so that it outlives it (it owns the emulator and the history).
    StartupSequence startup({parser.value(certDir), parser.value(historyFile)});

    AppContext context;
    context.client = &client;
    context.settings = settings.get();
    context.profiles = &profiles;
    context.secrets = &secrets;
    context.deferredStartup = true;
    MainWindow window(context);
    window.show();
    startup.startAfterFirstPaint(&window);
    return app.exec();
}
