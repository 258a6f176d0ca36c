// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The console's start-up after its window is shown (issue #18): the window paints before the
// emulator, the history and the profile are in place; the steps report in order and show in
// the status bar; typing works meanwhile and a Send pressed then goes out once connected; a
// failing step (the emulator's port, its certificate folder, the history file) says why and
// the rest goes on. Screenshots during and after, light and dark.

#include "composerwidget.h"
#include "emulator/hubemulator.h"
#include "exchangeview.h"
#include "historypanel.h"
#include "mainwindow.h"
#include "models/historymodel.h"
#include "registrationsbrowser.h"
#include "startupsequence.h"
#include "store/historystore.h"
#include "store/profilestore.h"
#include "store/settings.h"
#include "uitestsupport.h"

#include <QApplication>
#include <QDateTimeEdit>
#include <QDockWidget>
#include <QFile>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QSplitter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTcpServer>
#include <QTest>
#include <QThread>
#include <QTimeZone>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr int kStartupTimeoutMs = 30000;

using Step = StartupSequence::Step;

/** What happened, in order: "paint", "start:<step>", "end:<step>", "finished". */
class Recorder final : public QObject
{
public:
    Recorder(QWidget *window, StartupSequence *sequence)
        : m_window(window)
    {
        window->installEventFilter(this);
        connect(sequence, &StartupSequence::stepStarted, this,
                [this](Step step, const QString &) { events << u"start:"_s + name(step); });
        connect(sequence, &StartupSequence::stepFinished, this,
                [this](Step step, const QString &problem) {
                    events << u"end:"_s + name(step);
                    if (!problem.isEmpty())
                        problems.insert(step, problem);
                });
        connect(sequence, &StartupSequence::finished, this, [this] { events << u"finished"_s; });
    }

    static QString name(Step step)
    {
        switch (step) {
        case Step::Emulator:
            return u"emulator"_s;
        case Step::History:
            return u"history"_s;
        case Step::Profile:
            return u"profile"_s;
        case Step::Registrations:
            return u"registrations"_s;
        }
        return {};
    }

    qsizetype indexOf(const QString &event) const { return events.indexOf(event); }

    QStringList events;
    QHash<Step, QString> problems;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched == m_window && event->type() == QEvent::Paint && !events.contains(u"paint"_s))
            events << u"paint"_s;
        return QObject::eventFilter(watched, event);
    }

private:
    QWidget *m_window;
};

/** What the window was at its first paint: what the skeleton has and which panes exist. */
class SkeletonProbe final : public QObject
{
public:
    explicit SkeletonProbe(MainWindow *window)
        : m_window(window)
    {
        window->installEventFilter(this);
    }

    bool painted = false;
    bool builtAtPaint = true;
    int panesAtPaint = -1;
    QStringList docksAtPaint;
    QStringList menusAtPaint;
    QString statusAtPaint;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched == m_window && event->type() == QEvent::Paint && !painted) {
            painted = true;
            // Looked up, not asked for: the accessors would make the panes.
            builtAtPaint = m_window->isBuilt();
            panesAtPaint = int(m_window->findChildren<ComposerWidget *>().size()
                               + m_window->findChildren<ExchangeView *>().size()
                               + m_window->findChildren<HistoryPanel *>().size()
                               + m_window->findChildren<RegistrationsBrowser *>().size());
            for (const QDockWidget *dock : m_window->findChildren<QDockWidget *>())
                docksAtPaint << dock->objectName();
            for (const QAction *menu : m_window->menuBar()->actions())
                menusAtPaint << menu->text();
            statusAtPaint = m_window->statusBar()->currentMessage();
        }
        return QObject::eventFilter(watched, event);
    }

private:
    MainWindow *m_window;
};

/** Which widget each key press went to. */
class KeyRecorder final : public QObject
{
public:
    KeyRecorder() { qApp->installEventFilter(this); }
    ~KeyRecorder() override { qApp->removeEventFilter(this); }

    QList<QPointer<QObject>> receivers;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::KeyPress)
            receivers << watched;
        return QObject::eventFilter(watched, event);
    }
};

} // namespace

class TestStartupSequence final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void windowPaintsBeforeTheSteps();
    void skeletonPaintsBeforeThePanes();
    void keyPressedBeforeThePanesReachesThem();
    void completedWindowLooksAsMadeInOneGo_data();
    void completedWindowLooksAsMadeInOneGo();
    void typingWorksWhileStarting();
    void sendPressedWhileStartingWaitsForTheEmulator();
    void hubProfileReadsTheKeychainAfterThePaint();
    void emulatorPortTakenIsShown();
    void certificateFolderUnwritableIsShown();
    void historyUnwritableIsShown();
    void quittingWhileStartingIsClean();
    void screenshots_data();
    void screenshots();

private:
    /** The window as main() makes it: nothing started, AppContext::deferredStartup. */
    void makeWindow(StartupSequence::Options options = {});
    bool waitFinished();

    std::unique_ptr<UiHarness> m_harness;
    std::unique_ptr<StartupSequence> m_sequence;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<Recorder> m_recorder;
    QStringList m_statusTexts;
};

void TestStartupSequence::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    UiTest::usePalette(UiTest::lightPalette());
}

void TestStartupSequence::init()
{
    m_harness = std::make_unique<UiHarness>(); // settings, profiles, client; nothing started
    m_statusTexts.clear();
}

void TestStartupSequence::cleanup()
{
    // The window first: the sequence owns the emulator and the history it works with.
    m_recorder.reset();
    m_window.reset();
    m_sequence.reset();
    m_harness.reset();
}

void TestStartupSequence::makeWindow(StartupSequence::Options options)
{
    if (options.certificateDir.isEmpty())
        options.certificateDir = m_harness->dir.filePath(u"emulator"_s);
    if (options.historyPath.isEmpty())
        options.historyPath = m_harness->dir.filePath(u"history.sqlite"_s);
    m_sequence = std::make_unique<StartupSequence>(options);
    AppContext context = m_harness->context();
    context.emulator = nullptr;
    context.history = nullptr;
    context.deferredStartup = true;
    m_window = std::make_unique<MainWindow>(context);
    m_recorder = std::make_unique<Recorder>(m_window.get(), m_sequence.get());
    connect(m_window->statusBar(), &QStatusBar::messageChanged, this, [this](const QString &t) {
        if (!t.isEmpty())
            m_statusTexts << t;
    });
}

bool TestStartupSequence::waitFinished()
{
    if (m_sequence->isFinished())
        return true;
    QSignalSpy finished(m_sequence.get(), &StartupSequence::finished);
    return finished.wait(kStartupTimeoutMs);
}

void TestStartupSequence::windowPaintsBeforeTheSteps()
{
    makeWindow();
    // Made and shown, and nothing of what the sequence brings is there yet.
    QVERIFY(!m_window->isProfileReady());
    QVERIFY(!m_sequence->emulator());
    QVERIFY(!m_sequence->history());
    m_window->show();
    m_sequence->startAfterFirstPaint(m_window.get());
    QVERIFY(waitFinished());

    const QStringList &e = m_recorder->events;
    QCOMPARE(e.first(), u"paint"_s);
    for (const QString &step : {u"emulator"_s, u"history"_s, u"profile"_s, u"registrations"_s}) {
        QVERIFY2(m_recorder->indexOf(u"start:"_s + step) > 0, qPrintable(e.join(u", "_s)));
        QVERIFY2(m_recorder->indexOf(u"start:"_s + step) < m_recorder->indexOf(u"end:"_s + step),
                 qPrintable(e.join(u", "_s)));
    }
    // The profile is activated once the emulator and the history are in place; the first
    // listing comes after it; finished() last.
    QVERIFY(m_recorder->indexOf(u"end:emulator"_s) < m_recorder->indexOf(u"start:profile"_s));
    QVERIFY(m_recorder->indexOf(u"end:history"_s) < m_recorder->indexOf(u"start:profile"_s));
    QVERIFY(m_recorder->indexOf(u"end:profile"_s) < m_recorder->indexOf(u"start:registrations"_s));
    QCOMPARE(e.last(), u"finished"_s);
    QVERIFY2(m_recorder->problems.isEmpty(), qPrintable(m_recorder->problems.value(Step::Profile)));

    // Each step was in the status bar, which then says the console is ready.
    for (const Step step : {Step::Emulator, Step::History, Step::Registrations})
        QVERIFY2(m_statusTexts.contains(StartupSequence::describe(step)),
                 qPrintable(m_statusTexts.join(u" | "_s)));
    QCOMPARE(m_window->statusBar()->currentMessage(), u"Ready. Ctrl+Enter sends."_s);

    // What it brought: the emulator serving from its own thread, the history, the profile.
    QVERIFY(m_sequence->emulator()->isListening());
    QVERIFY(m_sequence->emulator()->thread() != QThread::currentThread());
    QVERIFY(m_sequence->history());
    QVERIFY(m_window->historyPanel()->model()->error().isEmpty());
    QVERIFY(m_window->isProfileReady());
    // The first run's target, as before.
    QCOMPARE(m_window->composer()->tagExpression(), u"sports || politics"_s);
}

void TestStartupSequence::skeletonPaintsBeforeThePanes()
{
    makeWindow();
    SkeletonProbe probe(m_window.get());
    QSignalSpy built(m_window.get(), &MainWindow::built);
    QVERIFY(!m_window->isBuilt());
    m_window->show();
    m_sequence->startAfterFirstPaint(m_window.get());
    // The panes come in the event loop's turn after the first paint, before the steps need them.
    QVERIFY(built.wait(kStartupTimeoutMs));
    QVERIFY(probe.painted);
    QVERIFY(!probe.builtAtPaint);
    QCOMPARE(probe.panesAtPaint, 0);
    // The skeleton: the docks the saved layout names, every menu's title, the status bar.
    for (const QString &dock : {u"historyDock"_s, u"registrationsDock"_s, u"hubPageDock"_s})
        QVERIFY2(probe.docksAtPaint.contains(dock), qPrintable(probe.docksAtPaint.join(u", "_s)));
    QCOMPARE(probe.menusAtPaint,
             (QStringList {u"&Profile"_s, u"&Edit"_s, u"&Notification"_s, u"H&ub"_s, u"Hi&story"_s,
                           u"&View"_s, u"&Help"_s}));
    QCOMPARE(probe.statusAtPaint, u"Starting…"_s);

    // The completed window: every pane in its place, every menu filled.
    QVERIFY(m_window->isBuilt());
    QCOMPARE(built.count(), 1);
    QCOMPARE(m_window->composer()->parentWidget()->objectName(), u"mainSplitter"_s);
    QCOMPARE(m_window->exchangeView()->parentWidget()->objectName(), u"mainSplitter"_s);
    auto *historyDock = m_window->findChild<QDockWidget *>(u"historyDock"_s);
    QCOMPARE(historyDock->widget(), m_window->historyPanel());
    QCOMPARE(m_window->findChild<QDockWidget *>(u"registrationsDock"_s)->widget(),
             m_window->registrationsBrowser());
    QCOMPARE(m_window->findChild<QSplitter *>(u"mainSplitter"_s)->count(), 2);
    for (const QAction *menu : m_window->menuBar()->actions())
        QVERIFY2(!menu->menu()->actions().isEmpty(), qPrintable(menu->text()));
    QCOMPARE(built.count(), 1);

    // The focus where a window made in one go puts it, and the panes' shortcuts work.
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QTRY_COMPARE(QApplication::focusWidget()->objectName(), u"formatCombo"_s);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_1, Qt::ControlModifier);
    QTRY_COMPARE(QApplication::focusWidget()->objectName(), u"payloadEditor"_s);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_L, Qt::ControlModifier);
    QTRY_COMPARE(QApplication::focusWidget()->objectName(), u"tagExpressionEdit"_s);
    QVERIFY(historyDock->isVisible());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_H, Qt::ControlModifier);
    QTRY_VERIFY(!historyDock->isVisible());
    QVERIFY(waitFinished());
}

void TestStartupSequence::keyPressedBeforeThePanesReachesThem()
{
    makeWindow();
    m_window->show();
    // Before any turn of the event loop: no paint yet, so the skeleton only. The window is made
    // the active one here, so a part of the skeleton has the focus by default.
    QApplication::setActiveWindow(m_window.get());
    QVERIFY(!m_window->isBuilt());
    QWidget *skeletonFocus = QApplication::focusWidget();
    QVERIFY(skeletonFocus);
    const QUuid profile = m_window->currentProfile().id;
    KeyRecorder keys;
    QTest::keyClick(skeletonFocus, Qt::Key_Down);
    // The key made the panes, and went where the focus is in the completed window.
    QVERIFY(m_window->isBuilt());
    auto *format = m_window->composer()->findChild<QWidget *>(u"formatCombo"_s);
    QVERIFY(format);
    QCOMPARE(QApplication::focusWidget(), format);
    QTRY_VERIFY(keys.receivers.contains(format));
    QCOMPARE(m_window->currentProfile().id, profile);
}

void TestStartupSequence::completedWindowLooksAsMadeInOneGo_data()
{
    QTest::addColumn<bool>("dark");
    QTest::addColumn<bool>("saved");
    QTest::newRow("light, first run") << false << false;
    QTest::newRow("dark, first run") << true << false;
    QTest::newRow("light, saved layout") << false << true;
    QTest::newRow("dark, saved layout") << true << true;
}

void TestStartupSequence::completedWindowLooksAsMadeInOneGo()
{
    QFETCH(bool, dark);
    QFETCH(bool, saved);
    UiTest::usePalette(dark ? UiTest::darkPalette() : UiTest::lightPalette());
    AppContext context = m_harness->context();
    context.emulator = nullptr;
    context.history = nullptr;
    if (saved) {
        // A layout that differs from a first run's: a narrower composer, a taller History.
        MainWindow first(context);
        first.show();
        QVERIFY(QTest::qWaitForWindowExposed(&first));
        first.resize(1300, 820);
        auto *splitter = first.findChild<QSplitter *>(u"mainSplitter"_s);
        splitter->setSizes({300, splitter->width() - 300});
        first.resizeDocks({first.findChild<QDockWidget *>(u"historyDock"_s)}, {260}, Qt::Vertical);
        first.saveWindowState();
    }
    const auto render = [&](bool deferred) {
        AppContext c = context;
        c.deferredStartup = deferred;
        MainWindow window(c);
        QSignalSpy built(&window, &MainWindow::built);
        window.show();
        if (!QTest::qWaitForWindowExposed(&window))
            return QImage();
        if (deferred && !window.isBuilt() && !built.wait(kStartupTimeoutMs))
            return QImage();
        if (deferred)
            window.activateStartProfile(); // as StartupSequence does; the other window did it
        // The schedule field shows the time: the same in both, whatever minute it is.
        if (auto *schedule = window.findChild<QDateTimeEdit *>(u"scheduleEdit"_s))
            schedule->setDateTime(QDateTime(QDate(2030, 1, 1), QTime(12, 0), QTimeZone::utc()));
        QCoreApplication::processEvents();
        return window.grab().toImage();
    };
    const QImage inOneGo = render(false);
    const QImage skeletonFirst = render(true);
    QVERIFY(!inOneGo.isNull());
    QCOMPARE(skeletonFirst.size(), inOneGo.size());
    if (skeletonFirst != inOneGo) {
        inOneGo.save(UiTest::screenshotDir() + u"/skeleton-reference.png"_s);
        skeletonFirst.save(UiTest::screenshotDir() + u"/skeleton-completed.png"_s);
        QFAIL("the completed window differs from one made in one go (see the screenshots)");
    }
    UiTest::usePalette(UiTest::lightPalette());
}

void TestStartupSequence::typingWorksWhileStarting()
{
    makeWindow();
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_sequence->start(m_window.get());
    // The steps have started and none can have ended: their ends come from the event loop.
    QVERIFY(!m_sequence->isFinished());
    QCOMPARE(m_window->statusBar()->currentMessage(), StartupSequence::describe(Step::History));
    auto *tags = m_window->findChild<QLineEdit *>(u"tagExpressionEdit"_s);
    QVERIFY(tags);
    m_window->composer()->setTargetKind(Nh::TargetKind::Tags);
    QVERIFY(tags->isEnabled());
    tags->setFocus();
    QTest::keyClicks(tags, u"user:ada"_s);
    QCOMPARE(tags->text(), u"user:ada"_s);
    QVERIFY(waitFinished());
    // What the user typed stays: the first run's target does not replace it.
    QCOMPARE(m_window->composer()->tagExpression(), u"user:ada"_s);
    QVERIFY(m_window->isProfileReady());
}

void TestStartupSequence::sendPressedWhileStartingWaitsForTheEmulator()
{
    makeWindow();
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_sequence->start(m_window.get());
    m_window->composer()->setTargetKind(Nh::TargetKind::Tags);
    m_window->composer()->setTagExpression(u"sports"_s);
    QSignalSpy sent(m_window->composer(), &ComposerWidget::exchangeFinished);
    // Ctrl+Enter's path, before the emulator is there: held, and the status bar says so.
    m_window->send();
    QVERIFY(!m_window->isProfileReady());
    QVERIFY2(m_window->statusBar()->currentMessage().startsWith(u"Waiting for the connection"_s),
             qPrintable(m_window->statusBar()->currentMessage()));
    QCOMPARE(sent.count(), 0);
    // Sent once the emulator is up and the profile connected, and recorded.
    QVERIFY(sent.wait(kStartupTimeoutMs));
    const auto exchange = sent.first().first().value<Nh::Exchange>();
    QVERIFY2(exchange.ok(), qPrintable(exchange.errorSentence));
    QVERIFY(exchange.url.port() == int(m_sequence->emulator()->port()));
    QSignalSpy written(m_sequence->history(), &Nh::HistoryStore::written);
    QVERIFY(written.count() > 0 || written.wait(kStartupTimeoutMs));
    QVERIFY(waitFinished());
}

void TestStartupSequence::hubProfileReadsTheKeychainAfterThePaint()
{
    // The last profile is a Hub profile whose key is in no keychain (bare: no keychain at all).
    Nh::Profile p;
    p.name = u"Hub without key"_s;
    p.kind = Nh::ProfileKind::Hub;
    p.host = u"127.0.0.1"_s;
    p.port = 9;
    p.hub = u"orders"_s;
    p.keyName = u"DefaultFullSharedAccessSignature"_s;
    const auto added = m_harness->profiles->add(p);
    QVERIFY2(added, added ? "" : qPrintable(added.error().message));
    Nh::Settings(m_harness->settings.get()).setLastProfileId(added.value().id);
    makeWindow();
    QString profileText;
    connect(m_sequence.get(), &StartupSequence::stepStarted, this,
            [&profileText](Step step, const QString &text) {
                if (step == Step::Profile)
                    profileText = text;
            });
    m_window->show();
    m_sequence->startAfterFirstPaint(m_window.get());
    QVERIFY(waitFinished());
    QCOMPARE(profileText, StartupSequence::describe(Step::Profile)); // "Reading the keychain…"
    QCOMPARE(m_window->currentProfile().id, added.value().id);
    QVERIFY(!m_window->isProfileReady());
    QVERIFY(m_recorder->problems.contains(Step::Profile));
    // Not connected: nothing to list, and the composer still takes input.
    QVERIFY(m_recorder->indexOf(u"start:registrations"_s) < 0);
    QVERIFY(m_window->composer()->isEnabled());
    QVERIFY(UiTest::visibleText(m_window.get()).contains(u"Hub without key"_s));
}

void TestStartupSequence::emulatorPortTakenIsShown()
{
    QTcpServer taken;
    QVERIFY(taken.listen(QHostAddress::LocalHost));
    StartupSequence::Options options;
    options.emulatorPort = taken.serverPort();
    makeWindow(options);
    m_window->show();
    m_sequence->startAfterFirstPaint(m_window.get());
    QVERIFY(waitFinished());
    const QString problem = m_recorder->problems.value(Step::Emulator);
    QVERIFY2(problem.contains(QString::number(taken.serverPort())), qPrintable(problem));
    // The emulator profile cannot connect, and says why; the history is there all the same.
    QVERIFY(!m_window->isProfileReady());
    QVERIFY(m_recorder->problems.contains(Step::Profile));
    QVERIFY(m_recorder->indexOf(u"start:registrations"_s) < 0);
    QVERIFY(m_sequence->history());
    QVERIFY2(m_window->statusBar()->currentMessage().contains(u"did not start"_s),
             qPrintable(m_window->statusBar()->currentMessage()));
    QVERIFY(UiTest::visibleText(m_window.get()).contains(u"not available"_s));
}

void TestStartupSequence::certificateFolderUnwritableIsShown()
{
    // A file where the certificate's folder should be.
    const QString blocker = m_harness->dir.filePath(u"blocker"_s);
    QFile file(blocker);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    StartupSequence::Options options;
    options.certificateDir = blocker + u"/emulator"_s;
    makeWindow(options);
    m_window->show();
    m_sequence->startAfterFirstPaint(m_window.get());
    QVERIFY(waitFinished());
    QVERIFY(m_recorder->problems.contains(Step::Emulator));
    QVERIFY(!m_window->isProfileReady());
    QVERIFY(m_window->statusBar()->currentMessage().contains(u"did not start"_s));
}

void TestStartupSequence::historyUnwritableIsShown()
{
    const QString blocker = m_harness->dir.filePath(u"blocker"_s);
    QFile file(blocker);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    StartupSequence::Options options;
    options.historyPath = blocker + u"/history.sqlite"_s;
    makeWindow(options);
    m_window->show();
    m_sequence->startAfterFirstPaint(m_window.get());
    QVERIFY(waitFinished());
    QVERIFY(m_recorder->problems.contains(Step::History));
    QVERIFY(!m_sequence->history());
    // The old message box, now without blocking the start-up; the rest goes on.
    auto *box = m_window->findChild<QMessageBox *>(u"noHistoryMessage"_s);
    QVERIFY(box);
    QTRY_VERIFY(box->isVisible());
    QVERIFY(box->text().contains(u"not kept"_s));
    QVERIFY(m_window->isProfileReady());
    QVERIFY(m_window->statusBar()->currentMessage().startsWith(u"No history"_s));
    box->close();
}

void TestStartupSequence::quittingWhileStartingIsClean()
{
    makeWindow();
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_sequence->start(m_window.get());
    QVERIFY(!m_sequence->isFinished());
    // Closed before the emulator's start is reported: it is stopped on its thread, nothing
    // waits for a window that is gone.
    m_recorder.reset();
    m_window.reset();
    m_sequence.reset();
    QCoreApplication::processEvents(); // what was posted to the gone objects is dropped
}

void TestStartupSequence::screenshots_data()
{
    QTest::addColumn<bool>("dark");
    QTest::newRow("light") << false;
    QTest::newRow("dark") << true;
}

void TestStartupSequence::screenshots()
{
    QFETCH(bool, dark);
    UiTest::usePalette(dark ? UiTest::darkPalette() : UiTest::lightPalette());
    const QString suffix = dark ? u"dark"_s : u"light"_s;
    makeWindow();
    m_window->show();
    // The first frame: the skeleton, before the event loop's turn that makes the panes.
    QVERIFY(!m_window->isBuilt());
    QVERIFY(!UiTest::saveScreenshot(m_window.get(), u"startup-skeleton-"_s + suffix).isEmpty());
    QVERIFY(!m_window->isBuilt());
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_sequence->start(m_window.get());
    QVERIFY(!UiTest::saveScreenshot(m_window.get(), u"startup-during-"_s + suffix).isEmpty());
    QVERIFY(waitFinished());
    QVERIFY(!UiTest::saveScreenshot(m_window.get(), u"startup-after-"_s + suffix).isEmpty());
    UiTest::usePalette(UiTest::lightPalette());
}

QTEST_MAIN(TestStartupSequence)
#include "tst_startupsequence.moc"
