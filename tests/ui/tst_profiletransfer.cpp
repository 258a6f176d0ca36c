// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Profile import and export from the desktop console (issue #6): the export dialog (all profiles
// checked, keys off; with keys a plain-text warning, a 0600 file that holds them; without keys
// no key anywhere in the file), and the importer (a round trip with unique names and keys back
// in the keychain, the current profile kept; a file that is not an export imports nothing and
// says where it is broken). Keys live in the real keychain under with_keyring.sh unlocked; the
// rows that need it skip in the bare run.

#include "mainwindow.h"
#include "profileswitcher.h"
#include "profiletransfer.h"
#include "store/profilestore.h"
#include "store/secretstore.h"
#include "uitestsupport.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <optional>

using namespace Qt::Literals::StringLiterals;

namespace {

const QString kOrdersKey = u"b3JkZXJzLXNlY3JldC1rZXktMTIzNDU2Nzg="_s;
const QString kAlertsKey = u"YWxlcnRzLXNlY3JldC1rZXktYWJjZGVmZ2g="_s;
constexpr int kWaitMs = 15000;

bool keychainUnlocked()
{
    return qgetenv("NH_KEYRING_MODE") == "unlocked";
}

} // namespace

class TestProfileTransfer final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void exportDialogStartsWithAllAndNoKeys();
    void exportWithoutKeysHasNoKey_data();
    void exportWithoutKeysHasNoKey();
    void exportWithKeysWarnsAndProtectsTheFile();
    void cancelledPathWritesNothing();
    void onlyTheListedProfilesGoOut();
    void unwritablePathIsShown();
    void importRoundTrip();
    void importWithoutKeysMakesNamesUnique();
    void brokenFileImportsNothing_data();
    void brokenFileImportsNothing();
    void mainWindowProfileMenu();

private:
    /** A Hub profile with its key in the keychain (unlocked) or in memory for this run. */
    QUuid addHub(Nh::ProfileStore *store, const QString &name, const QString &hub,
                 const QString &key);
    QByteArray readAll(const QString &path);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<Nh::SecretStore> m_secrets;
    std::unique_ptr<Nh::ProfileStore> m_store;
    QUuid m_orders;
    QUuid m_alerts;
};

void TestProfileTransfer::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    UiTest::usePalette(UiTest::lightPalette());
}

void TestProfileTransfer::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_settings = std::make_unique<QSettings>(m_dir->filePath(u"p.ini"_s), QSettings::IniFormat);
    m_secrets = std::make_unique<Nh::SecretStore>(
        u"nhconsole-transfertest-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces));
    m_store = std::make_unique<Nh::ProfileStore>(m_settings.get(), m_secrets.get());
    m_orders = addHub(m_store.get(), u"Orders"_s, u"orders"_s, kOrdersKey);
    m_alerts = addHub(m_store.get(), u"Alerts"_s, u"alerts"_s, kAlertsKey);
    QVERIFY(!m_orders.isNull());
    QVERIFY(!m_alerts.isNull());
}

void TestProfileTransfer::cleanup()
{
    // The keychain entries of this run go with it.
    if (keychainUnlocked() && m_store) {
        for (const Nh::Profile &p : m_store->profiles()) {
            if (p.needsKey()) {
                QSignalSpy done(m_secrets->deleteKey(p.id, p.name), &Nh::SecretJob::finished);
                done.wait(kWaitMs);
            }
        }
    }
    m_store.reset();
    m_secrets.reset();
    m_settings.reset();
    m_dir.reset();
}

QUuid TestProfileTransfer::addHub(Nh::ProfileStore *store, const QString &name, const QString &hub,
                                  const QString &key)
{
    const QString text = u"Endpoint=sb://contoso.servicebus.windows.net/;"
                         "SharedAccessKeyName=Full;SharedAccessKey="_s
        + key;
    const auto draft = Nh::ProfileStore::fromConnectionString(text, hub, name);
    if (!draft) {
        qWarning("%s", qPrintable(draft.error().message));
        return {};
    }
    if (!keychainUnlocked()) {
        const auto added = store->add(draft->profile);
        if (!added)
            return {};
        store->secrets()->keepInMemory(added->id, key);
        return added->id;
    }
    Nh::ProfileJob *job = store->create(draft->profile, key);
    QSignalSpy done(job, &Nh::ProfileJob::finished);
    if (!done.wait(kWaitMs))
        return {};
    const auto status = done.first().first().value<Nh::Status>();
    if (!status) {
        qWarning("%s", qPrintable(status.error().message));
        return {};
    }
    return draft->profile.id;
}

QByteArray TestProfileTransfer::readAll(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

void TestProfileTransfer::exportDialogStartsWithAllAndNoKeys()
{
    ProfileExportDialog dialog(m_store.get());
    dialog.show();
    QCOMPARE(dialog.profileList()->count(), m_store->count());
    QCOMPARE(dialog.selectedIds().size(), m_store->count());
    QVERIFY(!dialog.includeKeysBox()->isChecked());
    QVERIFY(!dialog.keyWarningLabel()->isVisible());
    QVERIFY(dialog.exportButton()->isEnabled());
    QDir().mkpath(u"/tmp/shots-C"_s);
    QVERIFY(dialog.grab().save(u"/tmp/shots-C/export-dialog.png"_s));

    dialog.includeKeysBox()->setChecked(true);
    QVERIFY(dialog.keyWarningLabel()->isVisible());
    const QString warning = dialog.keyWarningLabel()->text();
    QVERIFY2(warning.contains(u"plain text"_s), qPrintable(warning));
    QVERIFY(dialog.grab().save(u"/tmp/shots-C/export-dialog-with-keys.png"_s));
    QVERIFY(!UiTest::saveScreenshot(&dialog, u"profile-export-with-keys"_s).isEmpty());

    // Nothing checked: nothing to export.
    for (int row = 0; row < dialog.profileList()->count(); ++row)
        dialog.profileList()->item(row)->setCheckState(Qt::Unchecked);
    QVERIFY(!dialog.exportButton()->isEnabled());
}

void TestProfileTransfer::exportWithoutKeysHasNoKey_data()
{
    QTest::addColumn<bool>("onlyOrders");
    QTest::newRow("all profiles") << false;
    QTest::newRow("one profile checked") << true;
}

void TestProfileTransfer::exportWithoutKeysHasNoKey()
{
    QFETCH(bool, onlyOrders);
    const QString path = m_dir->filePath(u"out.json"_s);
    ProfileExportDialog dialog(m_store.get());
    int asked = 0;
    dialog.setPathChooser([&](QWidget *, bool save, const QString &) {
        ++asked;
        return save ? path : QString();
    });
    dialog.show();
    if (onlyOrders) {
        for (int row = 0; row < dialog.profileList()->count(); ++row) {
            QListWidgetItem *item = dialog.profileList()->item(row);
            if (!item->text().startsWith(u"Orders"_s))
                item->setCheckState(Qt::Unchecked);
        }
    }
    QSignalSpy finished(&dialog, &ProfileExportDialog::exportFinished);
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    dialog.exportButton()->click();
    QCOMPARE(asked, 1);
    QVERIFY(finished.wait(kWaitMs));
    const auto status = finished.first().first().value<Nh::Status>();
    QVERIFY2(status.ok(), qPrintable(status.ok() ? QString() : status.error().message));
    QCOMPARE(accepted.size(), 1);
    QCOMPARE(dialog.writtenPath(), path);

    const QByteArray bytes = readAll(path);
    QVERIFY(!bytes.isEmpty());
    QVERIFY2(!bytes.contains(kOrdersKey.toLatin1()), bytes.constData());
    QVERIFY2(!bytes.contains(kAlertsKey.toLatin1()), bytes.constData());
    QVERIFY2(!bytes.contains("b3JkZXJz"), bytes.constData()); // no part of the key either
    const QJsonObject root = QJsonDocument::fromJson(bytes).object();
    QCOMPARE(root.value(u"format"_s).toString(), u"nhconsole-profiles"_s);
    QCOMPARE(root.value(u"version"_s).toInt(), 1);
    QCOMPARE(root.value(u"containsKeys"_s).toBool(true), false);
    QStringList names;
    for (const QJsonValue v : root.value(u"profiles"_s).toArray())
        names << v.toObject().value(u"name"_s).toString();
    if (onlyOrders)
        QCOMPARE(names, QStringList {u"Orders"_s});
    else
        QCOMPARE(names.size(), 3); // the emulator, Orders, Alerts
    QVERIFY(names.contains(u"Orders"_s));
}

void TestProfileTransfer::exportWithKeysWarnsAndProtectsTheFile()
{
    const QString path = m_dir->filePath(u"keys.json"_s);
    ProfileExportDialog dialog(m_store.get());
    dialog.setPathChooser([&](QWidget *, bool, const QString &suggested) {
        // The name suggested says what is in the file.
        return suggested.contains(u"with-keys"_s) ? path : QString();
    });
    dialog.show();
    dialog.includeKeysBox()->setChecked(true);
    QVERIFY(dialog.keyWarningLabel()->isVisible());
    QVERIFY2(dialog.keyWarningLabel()->text().contains(u"SAS keys in plain text"_s),
             qPrintable(dialog.keyWarningLabel()->text()));
    QSignalSpy finished(&dialog, &ProfileExportDialog::exportFinished);
    dialog.exportButton()->click();
    QVERIFY(dialog.isBusy()); // the keys are read asynchronously, with progress
    QVERIFY(dialog.findChild<QWidget *>(u"exportProgress"_s)->isVisible());
    QVERIFY(!dialog.exportButton()->isEnabled());
    QVERIFY(finished.wait(kWaitMs));
    QVERIFY(!dialog.isBusy());
    const auto status = finished.first().first().value<Nh::Status>();
    QVERIFY2(status.ok(), qPrintable(status.ok() ? QString() : status.error().message));
    // The store says that the export holds keys.
    QVERIFY(!status.warnings().isEmpty());

    const QByteArray bytes = readAll(path);
    QVERIFY2(bytes.contains(kOrdersKey.toLatin1()), bytes.constData());
    QVERIFY2(bytes.contains(kAlertsKey.toLatin1()), bytes.constData());
    const QJsonObject root = QJsonDocument::fromJson(bytes).object();
    QCOMPARE(root.value(u"containsKeys"_s).toBool(), true);
    QVERIFY(!root.value(u"warning"_s).toString().isEmpty());
    QCOMPARE(QFile::permissions(path) & ~(QFileDevice::ReadUser | QFileDevice::WriteUser),
             QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}

void TestProfileTransfer::cancelledPathWritesNothing()
{
    ProfileExportDialog dialog(m_store.get());
    dialog.setPathChooser([](QWidget *, bool, const QString &) { return QString(); });
    dialog.show();
    QSignalSpy finished(&dialog, &ProfileExportDialog::exportFinished);
    dialog.exportButton()->click();
    QVERIFY(dialog.isVisible());
    QVERIFY(!dialog.isBusy());
    // Anything the click queued has run: still no export.
    QCoreApplication::processEvents();
    QCOMPARE(finished.size(), 0);
    QCOMPARE(QDir(m_dir->path()).entryList({u"*.json"_s}, QDir::Files).size(), 0);
}

void TestProfileTransfer::onlyTheListedProfilesGoOut()
{
    const QString path = m_dir->filePath(u"listed.json"_s);
    ProfileExportDialog dialog(m_store.get());
    dialog.setPathChooser([&](QWidget *, bool, const QString &) { return path; });
    dialog.show();
    const int listed = dialog.profileList()->count();
    // Added after the dialog opened, and removed: neither is in the file.
    Nh::Profile late = *m_store->profile(m_orders);
    late.id = {};
    late.name = u"Late arrival"_s;
    QVERIFY(m_store->add(late));
    // Removing needs the keychain (the key goes first); the bare run keeps Alerts.
    const bool removing = keychainUnlocked();
    if (removing) {
        QSignalSpy removed(m_store->remove(m_alerts), &Nh::ProfileJob::finished);
        QVERIFY(removed.wait(kWaitMs));
        QVERIFY(removed.first().first().value<Nh::Status>().ok());
    }
    QCOMPARE(dialog.profileList()->count(), removing ? listed - 1 : listed);
    QSignalSpy finished(&dialog, &ProfileExportDialog::exportFinished);
    dialog.exportButton()->click();
    QVERIFY(finished.wait(kWaitMs));
    QVERIFY(finished.first().first().value<Nh::Status>().ok());
    const QByteArray bytes = readAll(path);
    QVERIFY2(!bytes.contains("Late arrival"), bytes.constData());
    QVERIFY2(bytes.contains("\"Alerts\"") != removing, bytes.constData());
    QVERIFY2(bytes.contains("\"Orders\""), bytes.constData());
}

void TestProfileTransfer::unwritablePathIsShown()
{
    const QString path = m_dir->filePath(u"missing-folder/out.json"_s);
    ProfileExportDialog dialog(m_store.get());
    dialog.setPathChooser([&](QWidget *, bool, const QString &) { return path; });
    dialog.show();
    QSignalSpy finished(&dialog, &ProfileExportDialog::exportFinished);
    dialog.exportButton()->click();
    QVERIFY(finished.wait(kWaitMs));
    const auto status = finished.first().first().value<Nh::Status>();
    QVERIFY(!status.ok());
    QVERIFY(dialog.isVisible());
    QVERIFY(dialog.errorLabel()->isVisible());
    const QString text = dialog.errorLabel()->text();
    QVERIFY2(text.contains(u"out.json"_s) && text.contains(u"cannot be written"_s),
             qPrintable(text));
    QVERIFY(!QFile::exists(path));
}

void TestProfileTransfer::importRoundTrip()
{
    if (!keychainUnlocked())
        QSKIP("Keys imported go to the keychain: runs under with_keyring.sh unlocked.");
    // Export both with their keys…
    const QString path = m_dir->filePath(u"roundtrip.json"_s);
    {
        ProfileExportDialog dialog(m_store.get());
        dialog.setPathChooser([&](QWidget *, bool, const QString &) { return path; });
        dialog.includeKeysBox()->setChecked(true);
        QSignalSpy finished(&dialog, &ProfileExportDialog::exportFinished);
        dialog.accept();
        QVERIFY(finished.wait(kWaitMs));
        QVERIFY(finished.first().first().value<Nh::Status>().ok());
    }
    // …and import them into the same store, Alerts being the current profile.
    QWidget window;
    auto *switcher = new ProfileSwitcher(m_store.get(), &window);
    switcher->setCurrentProfile(m_alerts);
    ProfileImporter importer(m_store.get(), &window);
    importer.setPathChooser(
        [&](QWidget *, bool save, const QString &) { return save ? QString() : path; });
    const int before = m_store->count();
    QSignalSpy finished(&importer, &ProfileImporter::finished);
    QSignalSpy messages(&importer, &ProfileImporter::message);
    importer.chooseAndImport();
    QVERIFY(importer.isBusy());
    QVERIFY(finished.wait(kWaitMs));
    const auto status = finished.first().at(0).value<Nh::Status>();
    QVERIFY2(status.ok(), qPrintable(status.ok() ? QString() : status.error().message));
    const auto ids = finished.first().at(1).value<QList<QUuid>>();
    QCOMPARE(ids.size(), 3);
    QCOMPARE(m_store->count(), before + 3);
    QCOMPARE(switcher->combo()->count(), before + 3);
    QCOMPARE(switcher->currentProfileId(), m_alerts);

    QHash<QString, QUuid> byName;
    for (const QUuid &id : ids) {
        QVERIFY(!byName.contains(m_store->profile(id)->name));
        byName.insert(m_store->profile(id)->name, id);
    }
    QVERIFY2(byName.contains(u"Orders (2)"_s), qPrintable(QStringList(byName.keys()).join(u',')));
    QVERIFY(byName.contains(u"Alerts (2)"_s));
    QVERIFY(!ids.contains(m_orders));
    QVERIFY(messages.last().first().toString().contains(u"“Orders (2)”"_s));

    // The keys are in the keychain under the new ids, not in memory.
    const QList<std::pair<QString, QString>> expected {{u"Orders (2)"_s, kOrdersKey},
                                                       {u"Alerts (2)"_s, kAlertsKey}};
    for (const auto &[name, key] : expected) {
        const QUuid id = byName.value(name);
        QVERIFY(!m_secrets->hasSessionKey(id));
        std::optional<Nh::Result<QString>> r;
        Nh::SecretJob *read = m_secrets->readKey(id, name);
        connect(read, &Nh::SecretJob::finished, this,
                [&r](const Nh::Result<QString> &result) { r = result; });
        QTRY_VERIFY_WITH_TIMEOUT(r.has_value(), kWaitMs);
        QVERIFY2(r->ok(), qPrintable(r->ok() ? QString() : r->error().message));
        QCOMPARE(r->value(), key);
    }
}

void TestProfileTransfer::importWithoutKeysMakesNamesUnique()
{
    const QByteArray file = m_store->exportJson({m_orders, m_orders});
    const QString path = m_dir->filePath(u"nokeys.json"_s);
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(file);
    }
    QWidget window;
    ProfileImporter importer(m_store.get(), &window);
    QSignalSpy finished(&importer, &ProfileImporter::finished);
    importer.importFile(path);
    QCOMPARE(finished.size(), 0); // never from inside the call
    QVERIFY(finished.wait(kWaitMs));
    QVERIFY(finished.first().at(0).value<Nh::Status>().ok());
    const auto ids = finished.first().at(1).value<QList<QUuid>>();
    QCOMPARE(ids.size(), 1);
    QCOMPARE(m_store->profile(ids.first())->name, u"Orders (2)"_s);
    QCOMPARE(m_store->profile(ids.first())->hub, u"orders"_s);
    QVERIFY(window.findChild<QMessageBox *>(u"profileImportProblem"_s) == nullptr);
}

void TestProfileTransfer::brokenFileImportsNothing_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<Nh::ErrorCode>("code");
    QTest::addColumn<QString>("fragment");
    QTest::newRow("empty") << QByteArray() << Nh::ErrorCode::Empty << u"empty"_s;
    QTest::newRow("broken JSON")
        << R"({"format":"nhconsole-profiles","version":1,"profiles":[{"name" "x"}]})"_ba
        << Nh::ErrorCode::Syntax << u"position"_s;
    QTest::newRow("truncated") << R"({"format":"nhconsole-profiles","version":1,"prof)"_ba
                               << Nh::ErrorCode::Truncated << u"position"_s;
    QTest::newRow("garbage") << "\x89PNG\r\n\x1a\n"_ba << Nh::ErrorCode::Syntax << u"position"_s;
    QTest::newRow("array at the top") << "[1,2]"_ba << Nh::ErrorCode::UnexpectedRoot << u"top"_s;
    QTest::newRow("other format") << R"({"format":"har","version":1,"profiles":[]})"_ba
                                  << Nh::ErrorCode::UnexpectedRoot << u"“har”"_s;
    QTest::newRow("newer version")
        << R"({"format":"nhconsole-profiles","version":99,"profiles":[]})"_ba
        << Nh::ErrorCode::InvalidValue << u"99"_s;
    QTest::newRow("huge") << QByteArray(Nh::ProfileStore::kMaxImportBytes + 10, '{')
                          << Nh::ErrorCode::LimitExceeded << u"bytes"_s;
}

void TestProfileTransfer::brokenFileImportsNothing()
{
    QFETCH(QByteArray, content);
    QFETCH(Nh::ErrorCode, code);
    QFETCH(QString, fragment);
    const QString path = m_dir->filePath(u"broken.json"_s);
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(content);
    }
    QWidget window;
    ProfileImporter importer(m_store.get(), &window);
    importer.setPathChooser([&](QWidget *, bool, const QString &) { return path; });
    const int before = m_store->count();
    QSignalSpy added(m_store.get(), &Nh::ProfileStore::profileAdded);
    QSignalSpy finished(&importer, &ProfileImporter::finished);
    importer.chooseAndImport();
    QVERIFY(finished.wait(kWaitMs));
    const auto status = finished.first().at(0).value<Nh::Status>();
    QVERIFY(!status.ok());
    QCOMPARE(status.error().code, code);
    QVERIFY(finished.first().at(1).value<QList<QUuid>>().isEmpty());
    QCOMPARE(m_store->count(), before);
    QCOMPARE(added.size(), 0);
    const QString message = status.error().message;
    QVERIFY2(message.contains(u"Nothing was imported"_s), qPrintable(message));
    QVERIFY2(message.contains(u"broken.json"_s), qPrintable(message));
    QVERIFY2(message.contains(fragment), qPrintable(message));
    auto *box = window.findChild<QMessageBox *>(u"profileImportProblem"_s);
    QVERIFY(box);
    QCOMPARE(box->text(), message);
}

void TestProfileTransfer::mainWindowProfileMenu()
{
    UiHarness harness;
    QVERIFY(harness.start());
    const Nh::Profile other = harness.addEmulatorProfile(u"Other hub"_s, u"otherHub"_s);
    MainWindow window(harness.context());
    window.activateProfile(other.id);
    const QString exported = harness.dir.filePath(u"window-export.json"_s);
    QString importFrom;
    window.setProfilePathChooser(
        [&](QWidget *, bool save, const QString &) { return save ? exported : importFrom; });
    window.show();

    // The two actions follow the profile actions in the Profile menu.
    QMenu *menu = window.menuBar()->actions().constFirst()->menu();
    QVERIFY(menu);
    QStringList names;
    for (const QAction *a : menu->actions())
        names << a->objectName();
    const qsizetype del = names.indexOf(u"actionDeleteProfile"_s);
    QVERIFY2(del >= 0, qPrintable(names.join(u',')));
    QCOMPARE(names.value(del + 1), u"actionImportProfiles"_s);
    QCOMPARE(names.value(del + 2), u"actionExportProfiles"_s);

    // Export: the dialog, all profiles, no keys.
    window.findChild<QAction *>(u"actionExportProfiles"_s)->trigger();
    auto *dialog = window.findChild<ProfileExportDialog *>();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    QVERIFY(!dialog->includeKeysBox()->isChecked());
    QSignalSpy finished(dialog, &ProfileExportDialog::exportFinished);
    dialog->exportButton()->click();
    QVERIFY(finished.wait(kWaitMs));
    QVERIFY(finished.first().first().value<Nh::Status>().ok());
    const QJsonObject root = QJsonDocument::fromJson(readAll(exported)).object();
    QCOMPARE(root.value(u"profiles"_s).toArray().size(), harness.profiles->count());
    QCOMPARE(root.value(u"containsKeys"_s).toBool(true), false);

    // Import the same file: every profile again under a new name, the current one kept.
    importFrom = exported;
    const int before = harness.profiles->count();
    auto *switcher = window.profileSwitcher();
    QSignalSpy imported(window.findChild<ProfileImporter *>(), &ProfileImporter::finished);
    window.findChild<QAction *>(u"actionImportProfiles"_s)->trigger();
    QVERIFY(imported.wait(kWaitMs));
    QVERIFY(imported.first().first().value<Nh::Status>().ok());
    QCOMPARE(harness.profiles->count(), 2 * before);
    QCOMPARE(switcher->combo()->count(), 2 * before);
    QCOMPARE(switcher->currentProfileId(), other.id);
    QCOMPARE(window.currentProfile().id, other.id);
    QVERIFY(harness.profiles->isNameTaken(u"Other hub (2)"_s));
}

QTEST_MAIN(TestProfileTransfer)
#include "tst_profiletransfer.moc"
