// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// ProfileDialog on its own: live validation with the located error of the connection string
// (and a caret that never shows the key), the key masked in the field itself (Reveal shows it,
// hiding or leaving the window masks it again, editing while masked keeps every character), OK
// refused until it parses, edit and emulator kinds,
// and the keychain path: stored in the keychain when one is there (with_keyring.sh unlocked),
// otherwise the plain explanation and the in-memory fallback for this run.

#include "profiledialog.h"
#include "store/profilestore.h"
#include "store/secretstore.h"
#include "store/settings.h"
#include "uitestsupport.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFrame>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {

const QString kGood = u"Endpoint=sb://contoso.servicebus.windows.net/;SharedAccessKeyName=Full;"
                      "SharedAccessKey=c2VjcmV0LWtleQ=="_s;
const QString kKey = u"c2VjcmV0LWtleQ=="_s;
const QString kMaskedGood = u"Endpoint=sb://contoso.servicebus.windows.net/;"
                            "SharedAccessKeyName=Full;SharedAccessKey="_s
    + QString(kKey.size(), u'•');

} // namespace

class TestProfileDialog final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void locatedErrors_data();
    void locatedErrors();
    void validStringEnablesOk();
    void keyMaskedByDefault();
    void revealShowsTheKeyUntilHidden();
    void leavingTheWindowMasksTheKey();
    void editingWhileMaskedKeepsTheText_data();
    void editingWhileMaskedKeepsTheText();
    void hubNameIsRequired();
    void newProfileStartsWithThePreferences_data();
    void newProfileStartsWithThePreferences();
    void emulatorKindNeedsNoString();
    void editKeepsIdAndKey();
    void saveGoesThroughTheKeychainOrExplainsWhy();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<Nh::SecretStore> m_secrets;
    std::unique_ptr<Nh::ProfileStore> m_store;
};

void TestProfileDialog::init()
{
    QStandardPaths::setTestModeEnabled(true);
    m_dir = std::make_unique<QTemporaryDir>();
    m_settings = std::make_unique<QSettings>(m_dir->filePath(u"p.ini"_s), QSettings::IniFormat);
    m_secrets = std::make_unique<Nh::SecretStore>(
        u"nhconsole-dialogtest-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces));
    m_store = std::make_unique<Nh::ProfileStore>(m_settings.get(), m_secrets.get());
}

void TestProfileDialog::cleanup()
{
    m_store.reset();
    m_secrets.reset();
    m_settings.reset();
    m_dir.reset();
}

void TestProfileDialog::locatedErrors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("position");
    QTest::addColumn<int>("offset");
    QTest::addColumn<QChar>("marked");
    QTest::newRow("no equals sign") << u"Endpoint;SharedAccessKeyName=R;SharedAccessKey=c2VjcmV0"_s
                                    << u"position 1"_s << 0 << QChar(u'E');
    QTest::newRow("http endpoint")
        << u"Endpoint=http://ns.servicebus.windows.net/;SharedAccessKeyName=R;"
           "SharedAccessKey=c2VjcmV0"_s
        << u"position 10"_s << 9 << QChar(u'h');
    QTest::newRow("missing key name")
        << u"Endpoint=sb://ns.servicebus.windows.net/;=R;SharedAccessKey=c2VjcmV0"_s
        << u"position 42"_s << 41 << QChar(u'=');
}

void TestProfileDialog::locatedErrors()
{
    QFETCH(QString, text);
    QFETCH(QString, position);
    QFETCH(int, offset);
    QFETCH(QChar, marked);
    ProfileDialog dialog(m_store.get());
    dialog.show();
    dialog.hubEdit()->setText(u"orders"_s);
    dialog.connectionStringEdit()->setText(text);
    QVERIFY(!dialog.okButton()->isEnabled());
    QVERIFY(dialog.errorLabel()->isVisible());
    QVERIFY2(dialog.errorLabel()->text().contains(position),
             qPrintable(dialog.errorLabel()->text()));
    const auto r = dialog.result();
    QVERIFY(!r);
    QCOMPARE(r.error().offset, offset);
    // The caret sits under the offending character of the excerpt, and the key's value is
    // masked.
    auto *caret = dialog.findChild<QLabel *>(u"profileErrorCaret"_s);
    QVERIFY(caret->isVisible());
    const QStringList lines = caret->text().split(u'\n');
    QCOMPARE(lines.size(), 2);
    const qsizetype caretAt = lines.at(1).indexOf(u'^');
    QVERIFY(caretAt >= 0 && caretAt < lines.at(0).size());
    QCOMPARE(lines.at(0).at(caretAt), marked);
    QVERIFY2(!lines.at(0).contains(u"c2VjcmV0"_s), qPrintable(lines.at(0)));
    // Nor does the field: the text stays as typed, its key shown as bullets.
    QCOMPARE(dialog.connectionString(), text);
    QVERIFY2(!dialog.connectionStringEdit()->displayText().contains(u"c2VjcmV0"_s),
             qPrintable(dialog.connectionStringEdit()->displayText()));
    // OK does nothing while refused.
    dialog.accept();
    QCOMPARE(m_store->count(), 1);
}

void TestProfileDialog::validStringEnablesOk()
{
    ProfileDialog dialog(m_store.get());
    dialog.connectionStringEdit()->setText(kGood);
    dialog.hubEdit()->setText(u"orders"_s);
    QVERIFY2(dialog.okButton()->isEnabled(), qPrintable(dialog.errorLabel()->text()));
    QVERIFY(!dialog.errorLabel()->isVisibleTo(&dialog));
    const auto r = dialog.result();
    QVERIFY(r);
    QCOMPARE(r.value().profile.name, u"contoso/orders"_s);
    QCOMPARE(r.value().profile.keyName, u"Full"_s);
    QCOMPARE(r.value().key, u"c2VjcmV0LWtleQ=="_s);
    dialog.productionCheck()->setChecked(true);
    dialog.labelEdit()->setText(u"live"_s);
    QVERIFY(dialog.result().value().profile.production);
    QCOMPARE(dialog.result().value().profile.label, u"live"_s);
}

void TestProfileDialog::keyMaskedByDefault()
{
    ProfileDialog dialog(m_store.get());
    dialog.show();
    dialog.connectionStringEdit()->setText(kGood);
    dialog.hubEdit()->setText(u"orders"_s);
    QVERIFY(!dialog.isKeyRevealed());
    QLineEdit *edit = dialog.connectionStringEdit();
    // What is displayed: endpoint and rule in clear to check, the key as one bullet per character.
    QCOMPARE(edit->displayText(), kMaskedGood);
    QVERIFY(!edit->displayText().contains(kKey));
    QCOMPARE(edit->echoMode(), QLineEdit::Normal);
    // Copying from the field copies what it shows.
    edit->selectAll();
    QVERIFY(!edit->selectedText().contains(kKey));
    // No label of the dialog shows it either, and the profile still gets the real key.
    QVERIFY(!UiTest::visibleText(&dialog).contains(kKey));
    QCOMPARE(dialog.connectionString(), kGood);
    QVERIFY2(dialog.okButton()->isEnabled(), qPrintable(dialog.errorLabel()->text()));
    QCOMPARE(dialog.result().value().key, kKey);
    // A misspelled key name is masked too (the caret excerpt and the field agree).
    edit->setText(u"Endpoint=sb://a.servicebus.windows.net/;SharedAccessKeyName=R;"
                  "SharedAcessKey=c2VjcmV0"_s);
    QVERIFY2(!edit->displayText().contains(u"c2VjcmV0"_s), qPrintable(edit->displayText()));
}

void TestProfileDialog::revealShowsTheKeyUntilHidden()
{
    ProfileDialog dialog(m_store.get());
    dialog.show();
    dialog.connectionStringEdit()->setText(kGood);
    QAction *reveal = dialog.revealKeyAction();
    QVERIFY(reveal);
    QVERIFY(reveal->isCheckable());
    QCOMPARE(reveal->icon().isNull(), false);
    // The toggle sits inside the field.
    QVERIFY(dialog.connectionStringEdit()->actions().contains(reveal));
    dialog.hubEdit()->setText(u"orders"_s);
    QVERIFY(!UiTest::saveScreenshot(&dialog, u"profile-key-masked"_s).isEmpty());
    reveal->trigger();
    QVERIFY(dialog.isKeyRevealed());
    QCOMPARE(dialog.connectionStringEdit()->displayText(), kGood);
    QVERIFY(!UiTest::saveScreenshot(&dialog, u"profile-key-revealed"_s).isEmpty());
    reveal->trigger();
    QCOMPARE(dialog.connectionStringEdit()->displayText(), kMaskedGood);

    // Closing masks it again; showing the dialog again does not reveal it.
    reveal->trigger();
    QCOMPARE(dialog.connectionStringEdit()->displayText(), kGood);
    dialog.close();
    QVERIFY(!dialog.isKeyRevealed());
    QVERIFY(!reveal->isChecked());
    QCOMPARE(dialog.connectionStringEdit()->displayText(), kMaskedGood);
    dialog.show();
    QCOMPARE(dialog.connectionStringEdit()->displayText(), kMaskedGood);
    QCOMPARE(dialog.connectionString(), kGood);
    // Typed while revealed: taken as it is.
    dialog.setKeyRevealed(true);
    dialog.connectionStringEdit()->setText(kGood + u";EntityPath=orders"_s);
    QCOMPARE(dialog.connectionString(), kGood + u";EntityPath=orders"_s);
    dialog.reject();
    QCOMPARE(dialog.connectionStringEdit()->displayText(), kMaskedGood + u";EntityPath=orders"_s);
}

void TestProfileDialog::leavingTheWindowMasksTheKey()
{
    ProfileDialog dialog(m_store.get());
    dialog.show();
    dialog.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    dialog.connectionStringEdit()->setText(kGood);
    dialog.setKeyRevealed(true);
    QCOMPARE(dialog.connectionStringEdit()->displayText(), kGood);
    QWidget other;
    other.show();
    other.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&other));
    QTRY_VERIFY(!dialog.isKeyRevealed());
    QCOMPARE(dialog.connectionStringEdit()->displayText(), kMaskedGood);
}

void TestProfileDialog::editingWhileMaskedKeepsTheText_data()
{
    const int keyAt = int(kGood.indexOf(kKey));
    const int hostEnd = int(kGood.indexOf(u".servicebus"_s));
    QTest::addColumn<int>("cursor");
    QTest::addColumn<QString>("keys"); // typed text, or <backspace>, <delete>
    QTest::addColumn<QString>("expected");
    QTest::newRow("backspace at the end")
        << int(kGood.size()) << u"<backspace>"_s << kGood.chopped(1);
    QTest::newRow("delete inside the key")
        << keyAt + 3 << u"<delete>"_s << QString(kGood).remove(keyAt + 3, 1);
    QTest::newRow("backspace inside the key")
        << keyAt + 3 << u"<backspace>"_s << QString(kGood).remove(keyAt + 2, 1);
    QTest::newRow("type into the key")
        << keyAt + 2 << u"Zz"_s << QString(kGood).insert(keyAt + 2, u"Zz"_s);
    QTest::newRow("type into the endpoint")
        << hostEnd << u"-eu"_s << QString(kGood).insert(hostEnd, u"-eu"_s);
    QTest::newRow("append an entity path")
        << int(kGood.size()) << u";EntityPath=orders"_s << kGood + u";EntityPath=orders"_s;
}

void TestProfileDialog::editingWhileMaskedKeepsTheText()
{
    QFETCH(int, cursor);
    QFETCH(QString, keys);
    QFETCH(QString, expected);
    ProfileDialog dialog(m_store.get());
    dialog.show();
    QLineEdit *edit = dialog.connectionStringEdit();
    edit->setText(kGood);
    edit->setFocus();
    edit->setCursorPosition(cursor);
    if (keys == u"<backspace>"_s)
        QTest::keyClick(edit, Qt::Key_Backspace);
    else if (keys == u"<delete>"_s)
        QTest::keyClick(edit, Qt::Key_Delete);
    else
        QTest::keyClicks(edit, keys);
    QCOMPARE(dialog.connectionString(), expected);
    QVERIFY2(!edit->displayText().contains(u"c2Vj"_s), qPrintable(edit->displayText()));
    QCOMPARE(edit->displayText().size(), expected.size());
    // The cursor stays after what was typed (or where the deletion happened).
    const int after = keys.startsWith(u'<') ? (keys == u"<backspace>"_s ? cursor - 1 : cursor)
                                            : cursor + int(keys.size());
    QCOMPARE(edit->cursorPosition(), after);
    dialog.setKeyRevealed(true);
    QCOMPARE(edit->displayText(), expected);
}

void TestProfileDialog::newProfileStartsWithThePreferences_data()
{
    QTest::addColumn<int>("kind");
    QTest::newRow("hub") << int(ProfileDialog::Kind::Hub);
    QTest::newRow("emulator") << int(ProfileDialog::Kind::Emulator);
}

void TestProfileDialog::newProfileStartsWithThePreferences()
{
    QFETCH(int, kind);
    {
        Nh::Settings prefs(m_settings.get());
        prefs.setSendTimeoutMs(45000);
        prefs.setDefaultApiVersion(u"2017-04"_s);
    }
    ProfileDialog dialog(m_store.get());
    // Without the call: Profile's own defaults.
    dialog.kindCombo()->setCurrentIndex(kind);
    dialog.connectionStringEdit()->setText(kGood);
    dialog.hubEdit()->setText(u"orders"_s);
    QCOMPARE(dialog.result().value().profile.timeoutMs, 30000);
    dialog.setNewProfileDefaults(Nh::Settings(m_settings.get()));
    const auto r = dialog.result();
    QVERIFY2(r, qPrintable(dialog.errorLabel()->text()));
    QCOMPARE(r.value().profile.timeoutMs, 45000);
    QCOMPARE(r.value().profile.apiVersion, u"2017-04"_s);

    // An edited profile keeps its own.
    Nh::Profile p = Nh::defaultEmulatorProfile();
    p.id = QUuid::createUuid();
    p.name = u"Own"_s;
    p.timeoutMs = 5000;
    p.apiVersion = u"2015-01"_s;
    QVERIFY(m_store->add(p));
    ProfileDialog edit(m_store.get(), p);
    edit.setNewProfileDefaults(Nh::Settings(m_settings.get()));
    QCOMPARE(edit.result().value().profile.timeoutMs, 5000);
    QCOMPARE(edit.result().value().profile.apiVersion, u"2015-01"_s);
}

void TestProfileDialog::hubNameIsRequired()
{
    ProfileDialog dialog(m_store.get());
    dialog.connectionStringEdit()->setText(kGood);
    QVERIFY(!dialog.okButton()->isEnabled());
    QVERIFY2(dialog.errorLabel()->text().contains(u"hub name"_s),
             qPrintable(dialog.errorLabel()->text()));
    QCOMPARE(dialog.result().error().where, u"hub"_s);
    // The EntityPath of the string names the hub, with a note.
    dialog.connectionStringEdit()->setText(kGood + u";EntityPath=orders"_s);
    QVERIFY(dialog.okButton()->isEnabled());
    QCOMPARE(dialog.result().value().profile.hub, u"orders"_s);
    QVERIFY(dialog.findChild<QLabel *>(u"profileWarning"_s)->text().contains(u"EntityPath"_s));
}

void TestProfileDialog::emulatorKindNeedsNoString()
{
    ProfileDialog dialog(m_store.get());
    dialog.kindCombo()->setCurrentIndex(1);
    QVERIFY(!dialog.connectionStringEdit()->isEnabled());
    dialog.hubEdit()->setText(u"otherHub"_s);
    QVERIFY2(dialog.okButton()->isEnabled(), qPrintable(dialog.errorLabel()->text()));
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    dialog.accept();
    QVERIFY(accepted.wait(5000));
    const auto p = m_store->profile(dialog.savedProfileId());
    QVERIFY(p);
    QVERIFY(p->isEmulator());
    QCOMPARE(p->hub, u"otherHub"_s);
    QCOMPARE(p->name, u"Emulator/otherHub"_s);
}

void TestProfileDialog::editKeepsIdAndKey()
{
    Nh::Profile p = Nh::defaultEmulatorProfile();
    p.id = QUuid::createUuid();
    p.name = u"Mine"_s;
    QVERIFY(m_store->add(p));
    ProfileDialog dialog(m_store.get(), p);
    QVERIFY(!dialog.kindCombo()->isEnabled());
    QCOMPARE(dialog.nameEdit()->text(), u"Mine"_s);
    dialog.nameEdit()->setText(u"Renamed"_s);
    dialog.productionCheck()->setChecked(true);
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    dialog.accept();
    QCOMPARE(accepted.size(), 1); // no key change: saved at once
    QCOMPARE(dialog.savedProfileId(), p.id);
    QCOMPARE(m_store->profile(p.id)->name, u"Renamed"_s);
    QVERIFY(m_store->profile(p.id)->production);
}

void TestProfileDialog::saveGoesThroughTheKeychainOrExplainsWhy()
{
    const QByteArray mode = qgetenv("NH_KEYRING_MODE");
    ProfileDialog dialog(m_store.get());
    dialog.show();
    dialog.connectionStringEdit()->setText(kGood);
    dialog.hubEdit()->setText(u"orders"_s);
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    dialog.accept();
    QVERIFY(dialog.isBusy()); // the keychain answers later; the form waits and shows it
    QVERIFY(dialog.findChild<QWidget *>(u"profileProgress"_s)->isVisible());
    QVERIFY(!dialog.connectionStringEdit()->isEnabled());
    if (mode == "unlocked") {
        QVERIFY(accepted.wait(15000));
        const auto p = m_store->profile(dialog.savedProfileId());
        QVERIFY(p);
        QCOMPARE(p->hub, u"orders"_s);
        QVERIFY(!m_secrets->hasSessionKey(p->id));
        return;
    }
    // No usable keychain: the dialog stays, says why, and offers the in-memory key.
    auto *box = dialog.findChild<QFrame *>(u"keychainProblem"_s);
    QTRY_VERIFY_WITH_TIMEOUT(box->isVisible(), 15000);
    QCOMPARE(accepted.size(), 0);
    QCOMPARE(m_store->count(), 1);
    const QString text = dialog.findChild<QLabel *>(u"keychainProblemText"_s)->text();
    QVERIFY2(text.contains(u"memory for this run"_s), qPrintable(text));
    QVERIFY2(text.contains(u"never written to disk"_s), qPrintable(text));
    dialog.keepInMemoryButton()->click();
    QVERIFY(accepted.wait(15000));
    const auto p = m_store->profile(dialog.savedProfileId());
    QVERIFY(p);
    QVERIFY(m_secrets->hasSessionKey(p->id));
    QVERIFY(m_secrets->sessionFallbackEnabled());
    // The key is nowhere in the settings file.
    m_settings->sync();
    QFile file(m_settings->fileName());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(!file.readAll().contains("c2VjcmV0LWtleQ"));
}

QTEST_MAIN(TestProfileDialog)
#include "tst_profiledialog.moc"
