// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// nhconsole: the desktop console. main() makes the object graph (docs/conventions.md R2): one
// QNetworkAccessManager, the bundled emulator for Emulator profiles, the client, the settings,
// profiles and keys shared with nhcli, the history file, and the window.

#include "client/hubclient.h"
#include "emulator/hubemulator.h"
#include "i18n/translations.h"
#include "localemulator.h"
#include "mainwindow.h"
#include "store/historystore.h"
#include "store/profilestore.h"
#include "store/secretstore.h"
#include "store/settings.h"
#include "theme.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>
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
    // The emulator is in-process and cheap; Emulator profiles (the first run's) send to it.
    Nh::HubEmulator emulator;
    const Nh::Status started = LocalEmulator::start(emulator, parser.value(certDir));
    Nh::HubClient client(&nam);
    if (started)
        client.setConnection(LocalEmulator::connection(emulator));

    // The same settings file and keychain entries as nhcli (Settings::openUserSettings()).
    const std::unique_ptr<QSettings> settings = Nh::Settings::openUserSettings();
    // Before any window exists, so the first paint is already in the chosen scheme.
    Theme::applyAppearance(Nh::Settings(settings.get()).appearance());
    Nh::SecretStore secrets;
    Nh::ProfileStore profiles(settings.get(), &secrets);

    auto history = Nh::HistoryStore::open(parser.value(historyFile));
    std::unique_ptr<Nh::HistoryStore> historyStore;
    if (history)
        historyStore = std::move(history).value();

    AppContext context;
    context.client = &client;
    context.settings = settings.get();
    context.emulator = &emulator;
    context.emulatorStatus = started;
    context.profiles = &profiles;
    context.secrets = &secrets;
    context.history = historyStore.get();
    MainWindow window(context);
    window.show();
    if (!history) {
        // The console still works; it just cannot remember what it sends this time.
        QMessageBox::warning(
            &window, QCoreApplication::translate("nhconsole", "No history"),
            QCoreApplication::translate("nhconsole", "%1 This run's exchanges are not kept.")
                .arg(history.error().message));
    }
    return app.exec();
}
