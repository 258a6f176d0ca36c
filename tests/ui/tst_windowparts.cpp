// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The main window's parts (issue #14): Confirm, the one question box of the console, and its
// test answer; Banner, which says where sends go for each state of the ProfileSession (the
// bundled emulator of UiHarness, real); WindowState, which keeps the listed splitters and states
// in the "State/" group.
#include "banner.h"
#include "client/profilesession.h"
#include "confirm.h"
#include "lazywidget.h"
#include "uitestsupport.h"
#include "windowstate.h"

#include <QLabel>
#include <QMainWindow>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace Qt::Literals::StringLiterals;

namespace {

Confirm::Question deleteQuestion()
{
    Confirm::Question q;
    q.objectName = u"confirmThing"_s;
    q.title = u"Delete thing"_s;
    q.text = u"Delete the thing?"_s;
    q.acceptText = u"Delete"_s;
    q.acceptObjectName = u"confirmThingButton"_s;
    q.acceptRole = QMessageBox::DestructiveRole;
    return q;
}

} // namespace

class TestWindowParts final : public QObject
{
    Q_OBJECT

private slots:
    void cleanup();
    void boxAsksAndAccepts();
    void cancelDoesNothing();
    void standardYesButton();
    void testAnswerSkipsTheBox_data();
    void testAnswerSkipsTheBox();
    void goneParentRunsNothing();
    void windowStateKeepsWhatIsListed();
    void bannerForTheEmulator();
    void bannerForAProductionHub();
    void bannerWhenTheEmulatorIsMissing();
    void bannerAsksForAMissingKey();
    void bannerForAKeyInMemory();
    void lazyWidgetIsMadeOnFirstShow();
    void lazyWidgetIsMadeWhenAskedFor();

private:
    std::unique_ptr<Nh::ProfileSession> makeSession(UiHarness &harness, bool withEmulator = true);
};

std::unique_ptr<Nh::ProfileSession> TestWindowParts::makeSession(UiHarness &harness,
                                                                 bool withEmulator)
{
    Nh::ProfileSession::Services services;
    services.client = &harness.client;
    services.profiles = harness.profiles.get();
    services.secrets = &harness.secrets;
    services.emulator = withEmulator ? &harness.emulator : nullptr;
    return std::make_unique<Nh::ProfileSession>(services);
}

void TestWindowParts::cleanup()
{
    Confirm::setAnswerForTesting({});
}

void TestWindowParts::boxAsksAndAccepts()
{
    QWidget parent;
    parent.show();
    int accepted = 0;
    QMessageBox *box = Confirm::ask(&parent, deleteQuestion(), [&accepted] { ++accepted; });
    QVERIFY(box);
    QCOMPARE(parent.findChild<QMessageBox *>(u"confirmThing"_s), box);
    QTRY_VERIFY(box->isVisible());
    QCOMPARE(box->windowModality(), Qt::WindowModal);
    QCOMPARE(box->windowTitle(), u"Delete thing"_s);
    QCOMPARE(box->text(), u"Delete the thing?"_s);
    QCOMPARE(box->icon(), QMessageBox::Warning);
    QCOMPARE(box->defaultButton(), box->button(QMessageBox::Cancel));
    auto *accept = box->findChild<QPushButton *>(u"confirmThingButton"_s);
    QVERIFY(accept);
    QCOMPARE(accept->text(), u"Delete"_s);
    QCOMPARE(box->buttonRole(accept), QMessageBox::DestructiveRole);
    QCOMPARE(accepted, 0);
    accept->click();
    QCOMPARE(accepted, 1);
    // The box deletes itself.
    QTRY_VERIFY(!parent.findChild<QMessageBox *>(u"confirmThing"_s));
}

void TestWindowParts::cancelDoesNothing()
{
    QWidget parent;
    parent.show();
    int accepted = 0;
    QMessageBox *box = Confirm::ask(&parent, deleteQuestion(), [&accepted] { ++accepted; });
    QVERIFY(box);
    box->button(QMessageBox::Cancel)->click();
    QTRY_VERIFY(!parent.findChild<QMessageBox *>(u"confirmThing"_s));
    QCOMPARE(accepted, 0);
}

void TestWindowParts::standardYesButton()
{
    QWidget parent;
    parent.show();
    Confirm::Question q;
    q.objectName = u"confirmYes"_s;
    q.icon = QMessageBox::Question;
    q.title = u"Really?"_s;
    q.text = u"Go on?"_s;
    int accepted = 0;
    QMessageBox *box = Confirm::ask(&parent, q, [&accepted] { ++accepted; });
    QVERIFY(box);
    QCOMPARE(box->icon(), QMessageBox::Question);
    QVERIFY(box->button(QMessageBox::Yes));
    QCOMPARE(box->buttons().size(), 2); // Yes and Cancel, nothing else
    QCOMPARE(box->defaultButton(), box->button(QMessageBox::Cancel));
    box->button(QMessageBox::Yes)->click();
    QCOMPARE(accepted, 1);
}

void TestWindowParts::testAnswerSkipsTheBox_data()
{
    QTest::addColumn<bool>("answer");
    QTest::newRow("accept") << true;
    QTest::newRow("refuse") << false;
}

void TestWindowParts::testAnswerSkipsTheBox()
{
    QFETCH(bool, answer);
    QList<Confirm::Question> asked;
    Confirm::setAnswerForTesting([&asked, answer](const Confirm::Question &q) {
        asked << q;
        return answer;
    });
    QWidget parent;
    int accepted = 0;
    QVERIFY(!Confirm::ask(&parent, deleteQuestion(), [&accepted] { ++accepted; }));
    QVERIFY(!parent.findChild<QMessageBox *>());
    // Answered after ask() returned, as a user would.
    QCOMPARE(asked.size(), 0);
    QTRY_COMPARE(asked.size(), 1);
    QCOMPARE(asked.first().objectName, u"confirmThing"_s);
    QCOMPARE(asked.first().text, u"Delete the thing?"_s);
    QCOMPARE(accepted, answer ? 1 : 0);

    // An empty answer brings the box back.
    Confirm::setAnswerForTesting({});
    QMessageBox *box = Confirm::ask(&parent, deleteQuestion(), [] {});
    QVERIFY(box);
    box->button(QMessageBox::Cancel)->click();
}

void TestWindowParts::goneParentRunsNothing()
{
    bool accepted = false;
    Confirm::setAnswerForTesting([](const Confirm::Question &) { return true; });
    auto parent = std::make_unique<QWidget>();
    Confirm::ask(parent.get(), deleteQuestion(), [&accepted] { accepted = true; });
    parent.reset();
    // A later question (with a parent that lives) is answered: the first one is gone for good.
    QWidget other;
    bool otherAccepted = false;
    Confirm::ask(&other, deleteQuestion(), [&otherAccepted] { otherAccepted = true; });
    QTRY_VERIFY(otherAccepted);
    QVERIFY(!accepted);
}

void TestWindowParts::windowStateKeepsWhatIsListed()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QSettings settings(dir.filePath(u"state.conf"_s), QSettings::IniFormat);
    QByteArray extra = "first";
    QByteArray restored;
    QList<int> wanted;
    {
        QMainWindow window;
        auto *split = new QSplitter(&window);
        split->setObjectName(u"listedSplitter"_s);
        split->addWidget(new QWidget);
        split->addWidget(new QWidget);
        auto *unlisted = new QSplitter(&window);
        unlisted->setObjectName(u"unlistedSplitter"_s);
        window.setCentralWidget(split);
        window.resize(800, 600);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        split->setSizes({200, 600});
        wanted = split->sizes();
        WindowState state(&window, &settings);
        state.addSplitter(split);
        state.addState(
            u"extra"_s, [&extra] { return extra; },
            [&restored](const QByteArray &b) { restored = b; });
        QVERIFY(!state.restore()); // nothing saved yet
        QVERIFY(restored.isEmpty());
        state.save();
    }
    QVERIFY(settings.contains(u"State/geometry"_s));
    QVERIFY(settings.contains(u"State/windowState"_s));
    QVERIFY(settings.contains(u"State/listedSplitter"_s));
    QVERIFY(!settings.contains(u"State/unlistedSplitter"_s));
    QCOMPARE(settings.value(u"State/extra"_s).toByteArray(), "first"_ba);

    QMainWindow window;
    auto *split = new QSplitter(&window);
    split->setObjectName(u"listedSplitter"_s);
    split->addWidget(new QWidget);
    split->addWidget(new QWidget);
    window.setCentralWidget(split);
    WindowState state(&window, &settings);
    state.addSplitter(split);
    state.addState(
        u"extra"_s, [] { return QByteArray(); },
        [&restored](const QByteArray &b) { restored = b; });
    QVERIFY(state.restore());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTRY_COMPARE(split->sizes(), wanted);
    QCOMPARE(restored, "first"_ba);

    // Reset Layout: the group is gone.
    state.forget();
    QVERIFY(!settings.contains(u"State/geometry"_s));
    QVERIFY(!settings.contains(u"State/extra"_s));
    QVERIFY(!state.restore());
}

void TestWindowParts::bannerForTheEmulator()
{
    UiHarness harness;
    QVERIFY(harness.start());
    auto session = makeSession(harness);
    session->activate(Nh::kEmulatorProfileId);
    QVERIFY(session->isReady());
    QWidget parent;
    auto *banner = new Banner(&parent);
    parent.show();
    banner->showFor(*session, false);
    QVERIFY(banner->isVisible());
    QCOMPARE(banner->objectName(), u"emulatorBanner"_s);
    const QString text = banner->findChild<QLabel *>(u"emulatorBannerText"_s)->text();
    QVERIFY2(text.contains(u"You are sending to the local emulator"_s), qPrintable(text));
    QVERIFY2(text.contains(u"127.0.0.1"_s), qPrintable(text));
    auto *button = banner->findChild<QPushButton *>(u"bannerAddHubButton"_s);
    QVERIFY(button->isVisible());
    QCOMPARE(button->text(), u"Add a real hub…"_s);
    QSignalSpy addHub(banner, &Banner::addHubRequested);
    QSignalSpy key(banner, &Banner::sessionKeyRequested);
    button->click();
    QCOMPARE(addHub.size(), 1);
    QCOMPARE(key.size(), 0);
}

void TestWindowParts::bannerForAProductionHub()
{
    UiHarness harness;
    QVERIFY(harness.start());
    const Nh::Profile p = harness.addEmulatorProfile(u"Live"_s, harness.emulator.hubName(), true);
    auto session = makeSession(harness);
    session->activate(p.id);
    QVERIFY(session->isReady());
    QWidget parent;
    auto *banner = new Banner(&parent);
    parent.show();
    banner->showFor(*session, false);
    QVERIFY(banner->isVisible());
    const QString text = banner->findChild<QLabel *>(u"emulatorBannerText"_s)->text();
    QVERIFY2(text.contains(u"Production hub."_s), qPrintable(text));
    QVERIFY2(text.contains(u"“Live”"_s), qPrintable(text));
    QVERIFY(!banner->findChild<QPushButton *>(u"bannerAddHubButton"_s)->isVisible());
}

void TestWindowParts::bannerWhenTheEmulatorIsMissing()
{
    UiHarness harness;
    QVERIFY(harness.start());
    auto session = makeSession(harness, false);
    session->activate(Nh::kEmulatorProfileId);
    QCOMPARE(session->state(), Nh::ProfileSession::State::Failed);
    QWidget parent;
    auto *banner = new Banner(&parent);
    parent.show();
    banner->showFor(*session, false);
    const QString text = banner->findChild<QLabel *>(u"emulatorBannerText"_s)->text();
    QVERIFY2(text.contains(u"The bundled emulator is not available."_s), qPrintable(text));
    QVERIFY2(text.contains(u"The bundled emulator is not running."_s), qPrintable(text));
    QSignalSpy addHub(banner, &Banner::addHubRequested);
    banner->findChild<QPushButton *>(u"bannerAddHubButton"_s)->click();
    QCOMPARE(addHub.size(), 1);
}

void TestWindowParts::bannerAsksForAMissingKey()
{
    UiHarness harness;
    QVERIFY(harness.start());
    Nh::Profile p;
    p.name = u"Keyless"_s;
    p.host = u"127.0.0.1"_s;
    p.port = int(harness.emulator.port());
    p.hub = harness.emulator.hubName();
    p.keyName = u"DefaultFullSharedAccessSignature"_s;
    const auto added = harness.profiles->add(p);
    QVERIFY(added.ok());
    auto session = makeSession(harness);
    session->activate(added.value().id);
    QTRY_COMPARE_WITH_TIMEOUT(session->state(), Nh::ProfileSession::State::NeedsKey, 20000);
    QWidget parent;
    auto *banner = new Banner(&parent);
    parent.show();
    banner->showFor(*session, false);
    const QString text = banner->findChild<QLabel *>(u"emulatorBannerText"_s)->text();
    QVERIFY2(text.contains(u"“Keyless” cannot send yet."_s), qPrintable(text));
    auto *button = banner->findChild<QPushButton *>(u"bannerAddHubButton"_s);
    QCOMPARE(button->text(), u"Enter the key for this run…"_s);
    QSignalSpy addHub(banner, &Banner::addHubRequested);
    QSignalSpy key(banner, &Banner::sessionKeyRequested);
    button->click();
    QCOMPARE(key.size(), 1);
    QCOMPARE(addHub.size(), 0);
}

void TestWindowParts::bannerForAKeyInMemory()
{
    UiHarness harness;
    QVERIFY(harness.start());
    Nh::Profile p;
    p.name = u"In memory"_s;
    p.host = u"127.0.0.1"_s;
    p.port = int(harness.emulator.port());
    p.hub = harness.emulator.hubName();
    p.keyName = u"DefaultFullSharedAccessSignature"_s;
    const auto added = harness.profiles->add(p);
    QVERIFY(added.ok());
    harness.secrets.keepInMemory(added.value().id, harness.emulator.connectionString().key());
    auto session = makeSession(harness);
    session->activate(added.value().id);
    QTRY_VERIFY_WITH_TIMEOUT(session->isReady(), 20000);
    QWidget parent;
    auto *banner = new Banner(&parent);
    parent.show();
    banner->showFor(*session, true);
    QVERIFY(banner->isVisible());
    const QString text = banner->findChild<QLabel *>(u"emulatorBannerText"_s)->text();
    QVERIFY2(text.contains(u"held in memory for this run only"_s), qPrintable(text));
    QVERIFY(!banner->findChild<QPushButton *>(u"bannerAddHubButton"_s)->isVisible());
    // An ordinary connected hub needs no banner.
    banner->showFor(*session, false);
    QVERIFY(!banner->isVisible());
}

void TestWindowParts::lazyWidgetIsMadeOnFirstShow()
{
    int made = 0;
    QWidget window;
    auto *lazy = new LazyWidget(
        [&made](QWidget *parent) {
            ++made;
            auto *label = new QLabel(u"made"_s, parent);
            label->setObjectName(u"lazyLabel"_s);
            return label;
        },
        &window);
    QSignalSpy built(lazy, &LazyWidget::built);
    QVERIFY(!lazy->isBuilt());
    QCOMPARE(made, 0); // nothing is made while hidden
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(made, 1);
    QCOMPARE(built.count(), 1);
    QVERIFY(lazy->isBuilt());
    auto *label = window.findChild<QLabel *>(u"lazyLabel"_s);
    QVERIFY(label && label->isVisible());
    QCOMPARE(lazy->widget(), label);
    lazy->hide();
    lazy->show();
    QCOMPARE(made, 1); // once
}

void TestWindowParts::lazyWidgetIsMadeWhenAskedFor()
{
    LazyWidget lazy([](QWidget *parent) { return new QPushButton(u"b"_s, parent); });
    QSignalSpy built(&lazy, &LazyWidget::built);
    auto *button = lazy.widgetAs<QPushButton>();
    QVERIFY(button);
    QCOMPARE(button->parentWidget(), &lazy);
    QCOMPARE(built.count(), 1);
    QCOMPARE(lazy.widgetAs<QPushButton>(), button);
    QCOMPARE(built.count(), 1);
}

QTEST_MAIN(TestWindowParts)
#include "tst_windowparts.moc"
