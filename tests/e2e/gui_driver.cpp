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
//   gui_driver hub   NAME CA-FILE      select the profile, open the Hub page (it reads the hub),
//                                       replace the WNS credential through its dialog with the
//                                       secret on stdin, answer the confirmation, save (the page
//                                       reads the hub again), then export the history as curl,
//                                       JSON and HAR into $HOME/exports/gui-hub.*, and Save
//                                       the save's exchange from the exchange view (view-hub.*)
//
// Prints one line per step; "sending" on stdout marks the moment a send is on the wire.

#include "client/hubclient.h"
#include "confirm.h"
#include "credentialdialog.h"
#include "emulator/hubemulator.h"
#include "exchangeview.h"
#include "historypanel.h"
#include "hubpage.h"
#include "hubpagedock.h"
#include "mainwindow.h"
#include "platformcard.h"
#include "store/exchangeexport.h"
#include "store/historystore.h"
#include "store/profilestore.h"
#include "store/secretstore.h"
#include "store/settings.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QTextStream>
#include <QTimer>
#include <QToolButton>
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

void exportHistory(Nh::HistoryStore &history, const QString &prefix = u"gui"_s)
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
        QFile f(exportDir() + u'/' + prefix + Nh::exportSuffix(format));
        if (!f.open(QIODevice::WriteOnly) || f.write(*data) != data->size())
            die(u"cannot write "_s + f.fileName());
    }
    out() << "exported " << records->size() << " exchanges" << Qt::endl;
}

/** The exchange view's Save, as the user gets it: Reveal off. */
void saveShownExchange(const MainWindow &window, const QString &prefix = u"view"_s)
{
    for (const Nh::ExportFormat format : kFormats) {
        const QString path = exportDir() + u'/' + prefix + Nh::exportSuffix(format);
        if (const Nh::Status saved = window.exchangeView()->saveTo(path, format); !saved)
            die(saved.error().message);
    }
    out() << "saved the shown exchange" << Qt::endl;
}

/** Waits until the Hub page has finished a read; dies on a failure it shows. */
void awaitHubPage(HubPage *page, QSignalSpy &loaded, int count, const char *what)
{
    await(loaded, count, what);
    QElapsedTimer timer;
    timer.start();
    while (page->isLoading() && timer.elapsed() < 30000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 100);
    if (page->cards().isEmpty())
        die(u"the Hub page shows no hub: "_s + page->message());
}

/** The Hub page, as a user works it: open, read, replace WNS through the dialog, save. */
int hubPage(MainWindow &window, Nh::HistoryStore &history)
{
    QSignalSpy written(&history, &Nh::HistoryStore::written);
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        die(u"no stdin"_s);
    const QString secret = QString::fromUtf8(in.readLine()).trimmed();
    HubPage *page = window.hubPageDock()->page();
    QSignalSpy loaded(page, &HubPage::loaded);
    window.hubPageDock()->show();
    if (!page->isLoading())
        page->refresh();
    awaitHubPage(page, loaded, 1, "the Hub page to read the hub");
    out() << "hub page shows " << page->cards().size() << " platforms" << Qt::endl;

    Confirm::setAnswerForTesting([](const Confirm::Question &) { return true; });
    PlatformCard *wns = nullptr;
    for (PlatformCard *card : page->cards())
        wns = card->data().kind == Nh::PnsCredentialKind::Wns ? card : wns;
    auto *edit = wns ? wns->findChild<QToolButton *>(u"editCredentialButton"_s) : nullptr;
    if (!edit)
        die(u"the WNS card has no edit button"_s);
    edit->click();
    auto *dialog = page->findChild<CredentialDialog *>(u"credentialDialog"_s);
    if (!dialog)
        die(u"no credential dialog"_s);
    dialog->findChild<QLineEdit *>(u"packageSid"_s)->setText(u"ms-app://s-1-15-2-555"_s);
    dialog->findChild<QLineEdit *>(u"secret"_s)->setText(secret);
    dialog->accept();
    // Saved, then read again (a failed save also ends with loaded(), its message shown).
    awaitHubPage(page, loaded, 2, "the Hub page to read the saved hub");
    Confirm::setAnswerForTesting({});
    bool saved = false;
    for (PlatformCard *card : page->cards()) {
        if (card->data().kind == Nh::PnsCredentialKind::Wns)
            saved = card->data().properties.contains(
                std::pair {u"PackageSid"_s, u"ms-app://s-1-15-2-555"_s});
    }
    if (!saved)
        die(u"the WNS credential was not saved: "_s + page->message());
    out() << "saved the WNS credential" << Qt::endl;
    // The Hub page offers no export of its own: its exchanges (read, save, read) go into the
    // history, exported as the history panel does.
    await(written, 3, "the Hub page's exchanges to be written to the history");
    exportHistory(history, u"gui-hub"_s);
    // The save's exchange (its request carries the whole description), opened from the history
    // and saved from the exchange view.
    const QUuid update = written.at(1).at(0).toUuid();
    QSignalSpy selected(window.historyPanel(), &HistoryPanel::exchangeSelected);
    QElapsedTimer timer;
    timer.start();
    while (!window.historyPanel()->selectExchange(update)) {
        if (timer.elapsed() > 30000)
            die(u"the Hub page's save is not in the history panel"_s);
        QCoreApplication::processEvents(QEventLoop::AllEvents, 100);
    }
    await(selected, 1, "the save's exchange to be shown");
    if (window.exchangeView()->exchange().id != update)
        die(u"the exchange view does not show the Hub page's save"_s);
    saveShownExchange(window, u"view-hub"_s);
    window.close();
    return 0;
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
        die(u"usage: gui_driver add|send|stall|hub NAME …"_s);
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

    if (step == u"hub")
        return hubPage(window, *history);
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
