// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The desktop console's paths for the secret scan (tests/e2e/secret_scan.py), as a process of
// its own with nhconsole's organisation and application names, so that it reads and writes the
// very settings, keychain entries and history file that nhconsole does. main() builds the same
// object graph as app/gui/main.cpp; the steps are what a user does with the window:
//
//   gui_driver add   NAME HUB CA-FILE  connection string on stdin → a profile (key to the
//                                       keychain)
//   gui_driver send  NAME CA-FILE N    select the profile, press Send N times, export the
//                                       history as curl, JSON and HAR into $HOME/exports, and
//                                       Save the shown exchange in each format there too
//   gui_driver stall NAME CA-FILE      select the profile, press Send and wait for ever (the
//                                       hub stalls): the caller kills the process mid-send
//
// Prints one line per step; "sending" on stdout marks the moment a send is on the wire.

#include "client/hubclient.h"
#include "emulator/hubemulator.h"
#include "exchangeview.h"
#include "mainwindow.h"
#include "store/exchangeexport.h"
#include "store/historystore.h"
#include "store/profilestore.h"
#include "store/secretstore.h"
#include "store/settings.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QTextStream>
#include <QTimer>
#include <cstdio>

using namespace Qt::Literals::StringLiterals;

namespace {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

[[noreturn]] void die(const QString &why)
{
    QTextStream(stderr) << "gui_driver: " << why << Qt::endl;
    std::exit(1);
}

/** Waits for `spy` without blocking the event loop (keychain and network run in it). */
void await(QSignalSpy &spy, int count, const char *what, int timeoutMs = 30000)
{
    QElapsedTimer timer;
    timer.start();
    while (spy.size() < count) {
        if (timer.elapsed() > timeoutMs)
            die(u"timed out waiting for "_s + QLatin1StringView(what));
        spy.wait(200);
    }
}

void trustCertificate(const QString &caFile)
{
    // A real hub has a public certificate; the emulator process's own CA is added the way a
    // system trust store would hold it.
    QFile f(caFile);
    if (!f.open(QIODevice::ReadOnly))
        die(u"cannot read "_s + caFile);
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.addCaCertificates(QSslCertificate::fromData(f.readAll(), QSsl::Pem));
    QSslConfiguration::setDefaultConfiguration(config);
}

int addProfile(Nh::ProfileStore &profiles, const QString &name, const QString &hub)
{
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        die(u"no stdin"_s);
    const QString pasted = QString::fromUtf8(in.readLine()).trimmed();
    auto parsed = Nh::ProfileStore::fromConnectionString(pasted, hub, name);
    if (!parsed)
        die(parsed.error().message);
    Nh::ProfileJob *job = profiles.create(parsed->profile, parsed->key);
    QSignalSpy done(job, &Nh::ProfileJob::finished);
    await(done, 1, "the profile to be created");
    const auto status = done.at(0).at(0).value<Nh::Status>();
    if (!status)
        die(status.error().message);
    out() << "profile added" << Qt::endl;
    return 0;
}

QString exportDir()
{
    const QString dir = QDir::homePath() + u"/exports"_s;
    QDir().mkpath(dir);
    return dir;
}

constexpr Nh::ExportFormat kFormats[] {Nh::ExportFormat::Curl, Nh::ExportFormat::Json,
                                       Nh::ExportFormat::Har};

void exportHistory(Nh::HistoryStore &history)
{
    Nh::HistoryReader &reader = history.reader();
    auto rows = reader.page({}, {}, nullptr, 1000);
    if (!rows)
        die(rows.error().message);
    QList<QUuid> ids;
    for (const auto &row : std::as_const(*rows))
        ids << row.id;
    auto records = reader.load(ids);
    if (!records)
        die(records.error().message);
    for (const Nh::ExportFormat format : kFormats) {
        const auto data = Nh::exportExchanges(*records, format);
        if (!data)
            die(data.error().message);
        QFile f(exportDir() + u"/gui"_s + Nh::exportSuffix(format));
        if (!f.open(QIODevice::WriteOnly) || f.write(*data) != data->size())
            die(u"cannot write "_s + f.fileName());
    }
    out() << "exported " << records->size() << " exchanges" << Qt::endl;
}

/** The exchange view's Save, as the user gets it: Reveal off. */
void saveShownExchange(const MainWindow &window)
{
    for (const Nh::ExportFormat format : kFormats) {
        const QString path = exportDir() + u"/view"_s + Nh::exportSuffix(format);
        if (const Nh::Status saved = window.exchangeView()->saveTo(path, format); !saved)
            die(saved.error().message);
    }
    out() << "saved the shown exchange" << Qt::endl;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    // The names nhconsole uses: the same settings file, keychain service and data folder.
    QCoreApplication::setOrganizationName(u"nhconsole"_s);
    QCoreApplication::setApplicationName(u"nhconsole"_s);
    const QStringList args = app.arguments().mid(1);
    if (args.size() < 3)
        die(u"usage: gui_driver add|send|stall NAME …"_s);
    const QString step = args.at(0);
    const QString name = args.at(1);

    const std::unique_ptr<QSettings> settings = Nh::Settings::openUserSettings();
    Nh::SecretStore secrets;
    Nh::ProfileStore profiles(settings.get(), &secrets);
    if (step == u"add") {
        trustCertificate(args.value(3));
        return addProfile(profiles, name, args.at(2));
    }
    trustCertificate(args.at(2));
    auto opened = Nh::HistoryStore::open(Nh::HistoryStore::defaultPath());
    if (!opened)
        die(opened.error().message);
    const std::unique_ptr<Nh::HistoryStore> history = std::move(opened).value();

    QNetworkAccessManager nam;
    Nh::HubEmulator emulator; // not started: the profile is a Hub profile
    Nh::HubClient client(&nam);
    AppContext context;
    context.client = &client;
    context.settings = settings.get();
    context.emulator = &emulator;
    context.emulatorStatus =
        Nh::Status(Nh::makeError(Nh::ErrorCode::InvalidValue, u"not started for this run"_s));
    context.profiles = &profiles;
    context.secrets = &secrets;
    context.history = history.get();
    MainWindow window(context);
    window.show();

    const auto profile = profiles.find(name);
    if (!profile)
        die(profile.error().message);
    QSignalSpy activated(&window, &MainWindow::profileActivated);
    window.activateProfile(profile->id);
    await(activated, 1, "the profile's key");
    if (!activated.at(0).at(1).toBool())
        die(u"the profile could not be activated"_s);

    QSignalSpy written(history.get(), &Nh::HistoryStore::written);
    if (step == u"stall") {
        window.send();
        out() << "sending" << Qt::endl;
        QTimer::singleShot(60000, &app, [] { die(u"the stalled send was not killed"_s); });
        return app.exec();
    }
    const int sends = args.value(3, u"1"_s).toInt();
    for (int i = 0; i < sends; ++i) {
        window.send();
        await(written, i + 1, "the exchange to be written to the history");
    }
    out() << "sent " << sends << Qt::endl;
    exportHistory(*history);
    saveShownExchange(window);
    window.close();
    return 0;
}
