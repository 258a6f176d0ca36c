// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// MainWindow end to end, offscreen, against the bundled emulator over real HTTPS: first run →
// Send → outcome rows; located errors refuse Send; a server fault shows its sentence; cancel;
// secrets redacted with Reveal reset on selection change; window state; screenshots.

#include "composerwidget.h"
#include "emulator/faults.h"
#include "exchangeview.h"
#include "mainwindow.h"
#include "models/headermodel.h"
#include "payloadeditor.h"
#include "sessionlist.h"
#include "tagexpressionedit.h"
#include "uitestsupport.h"

#include <QAbstractItemModel>
#include <QAction>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSplitter>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QToolButton>
#include <QTreeWidget>

using namespace Qt::Literals::StringLiterals;

class TestMainWindow final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void firstRunSendShowsOutcome();
    void brokenPayloadIsRefusedWithLocation();
    void brokenTagExpressionIsRefusedWithLocation();
    void serverFaultShowsSentence();
    void cancelStopsAStalledSend();
    void secretsRedactedAndRevealResets();
    void windowStateIsSavedAndRestored();
    void everyMenuActionShowsItsShortcut();
    void screenshots_data();
    void screenshots();

private:
    MainWindow *makeWindow();
    template<typename T> T *child(const QString &name)
    {
        T *w = m_window->findChild<T *>(name);
        if (!w)
            qWarning("no child %s", qPrintable(name));
        return w;
    }
    Nh::Exchange sendAndWait();

    std::unique_ptr<UiHarness> m_harness;
    std::unique_ptr<MainWindow> m_window;
};

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    UiTest::usePalette(UiTest::lightPalette());
}

void TestMainWindow::init()
{
    m_harness = std::make_unique<UiHarness>();
    QVERIFY(m_harness->start());
}

void TestMainWindow::cleanup()
{
    m_window.reset();
    m_harness.reset();
}

MainWindow *TestMainWindow::makeWindow()
{
    AppContext ctx;
    ctx.client = &m_harness->client;
    ctx.settings = m_harness->settings.get();
    ctx.emulator = &m_harness->emulator;
    m_window = std::make_unique<MainWindow>(ctx);
    m_window->show();
    return m_window.get();
}

Nh::Exchange TestMainWindow::sendAndWait()
{
    QSignalSpy finished(m_window->composer(), &ComposerWidget::exchangeFinished);
    child<QPushButton>(u"sendButton"_s)->click();
    if (!finished.wait(15000))
        return {};
    return finished.first().first().value<Nh::Exchange>();
}

void TestMainWindow::firstRunSendShowsOutcome()
{
    makeWindow();
    // The banner says where sends go and how to get a real hub.
    auto *banner = child<QLabel>(u"emulatorBannerText"_s);
    QVERIFY(banner->isVisible());
    QVERIFY2(banner->text().contains(u"local emulator"_s), qPrintable(banner->text()));
    QVERIFY2(banner->text().contains(u"Add Hub"_s), qPrintable(banner->text()));
    QVERIFY(!child<QPushButton>(u"bannerAddHubButton"_s)->isEnabled());

    // One click on Send, with nothing else done, shows a real outcome.
    auto *send = child<QPushButton>(u"sendButton"_s);
    QVERIFY2(send->isEnabled(), qPrintable(m_window->composer()->refusal()));
    const Nh::Exchange e = sendAndWait();
    QCOMPARE(e.result, Nh::ExchangeResult::Success);
    QCOMPARE(e.status, 201);
    QVERIFY(e.outcome.has_value());
    // The demo hub has three Apple registrations tagged sports or politics; one handle is bad.
    QCOMPARE(e.outcome->success, 2);
    QCOMPARE(e.outcome->failure, 1);

    auto *results = child<QTableView>(u"resultsTable"_s);
    QTRY_VERIFY(results->isVisible());
    QCOMPARE(results->model()->rowCount(), 3);
    const QString title = child<QLabel>(u"resultTitle"_s)->text();
    QVERIFY2(title.contains(u"2 delivered, 1 failed"_s), qPrintable(title));
    QVERIFY2(child<QLabel>(u"outcomeSummary"_s)->text().contains(u"DetailedStateAvailable"_s),
             qPrintable(child<QLabel>(u"outcomeSummary"_s)->text()));
    // Request and outcome side by side, the session list has the exchange.
    auto *split = child<QSplitter>(u"exchangeSplitter"_s);
    QCOMPARE(split->orientation(), Qt::Horizontal);
    QCOMPARE(split->count(), 2);
    QVERIFY(child<QWidget>(u"requestPane"_s)->isVisible());
    QCOMPARE(m_window->sessionList()->count(), 1);
    QVERIFY2(child<QLineEdit>(u"requestLine"_s)->text().contains(u"/messages"_s),
             qPrintable(child<QLineEdit>(u"requestLine"_s)->text()));
    // Known tags were fetched from the hub's registrations for completion.
    auto *tags = child<TagExpressionEdit>(u"tagExpressionEdit"_s);
    QTRY_VERIFY(tags->knownTags().contains(u"user:alice"_s));
}

void TestMainWindow::brokenPayloadIsRefusedWithLocation()
{
    makeWindow();
    auto *editor = child<PayloadEditor>(u"payloadEditor"_s);
    editor->setPlainText(u"{\n  \"aps\": {\n    \"alert\": \"hi\",\n  }\n}"_s);
    auto *send = child<QPushButton>(u"sendButton"_s);
    QTRY_VERIFY(!send->isEnabled());
    // The trailing comma is reported at the '}' that follows it: line 4, column 3.
    QCOMPARE(editor->errorLine(), 4);
    QCOMPARE(editor->errorColumn(), 3);
    const QString status = child<QLabel>(u"payloadStatus"_s)->text();
    QVERIFY2(status.contains(u"line 4"_s) && status.contains(u"column 3"_s), qPrintable(status));
    const QString reason = child<QLabel>(u"sendStatus"_s)->text();
    QVERIFY2(reason.contains(u"Cannot send"_s), qPrintable(reason));
    QVERIFY(!m_window->composer()->sendAction()->isEnabled());
    // Ctrl+Enter does not send either.
    const int before = int(m_harness->emulator.log().size());
    m_window->composer()->sendAction()->trigger();
    QCOMPARE(int(m_harness->emulator.log().size()), before);
}

void TestMainWindow::brokenTagExpressionIsRefusedWithLocation()
{
    makeWindow();
    auto *tags = child<TagExpressionEdit>(u"tagExpressionEdit"_s);
    tags->clear();
    QTest::keyClicks(tags, u"sports || ) lang:fr"_s);
    auto *send = child<QPushButton>(u"sendButton"_s);
    QTRY_VERIFY(!send->isEnabled());
    QCOMPARE(tags->errorOffset(), 10);
    const QString status = child<QLabel>(u"tagStatus"_s)->text();
    QVERIFY2(status.contains(u"position 11"_s), qPrintable(status));
    QVERIFY(child<QLabel>(u"tagStatus"_s)->isVisible());
    // Fixing it clears the mark and lets Send through.
    tags->setText(u"sports || lang:fr"_s);
    QTRY_VERIFY(send->isEnabled());
    QCOMPARE(tags->errorOffset(), -1);
}

void TestMainWindow::serverFaultShowsSentence()
{
    makeWindow();
    Nh::FaultRule rule;
    rule.operation = u"send.test"_s;
    rule.count = 1;
    rule.fault = *Nh::Fault::parse(u"status=500"_s);
    m_harness->emulator.faults().add(rule);
    const Nh::Exchange e = sendAndWait();
    QCOMPARE(e.result, Nh::ExchangeResult::HubError);
    QCOMPARE(e.status, 500);
    QVERIFY(!e.errorSentence.isEmpty());
    auto *sentence = child<QLabel>(u"resultSentence"_s);
    QTRY_VERIFY(sentence->isVisible());
    QCOMPARE(sentence->text(), e.errorSentence);
    QVERIFY2(child<QLabel>(u"resultTitle"_s)->text().startsWith(u"500"_s),
             qPrintable(child<QLabel>(u"resultTitle"_s)->text()));
    QVERIFY(e.hubError.has_value());
    auto *detail = child<QLabel>(u"hubDetail"_s);
    QVERIFY(detail->isVisible());
    QVERIFY2(detail->text().contains(e.hubError->detail), qPrintable(detail->text()));
    // A failure opens on the hub's raw answer.
    QCOMPARE(child<QTabWidget>(u"outcomeTabs"_s)->currentIndex(), 1);
}

void TestMainWindow::cancelStopsAStalledSend()
{
    makeWindow();
    Nh::FaultRule rule;
    rule.operation = u"send.test"_s;
    rule.count = 1;
    rule.fault = *Nh::Fault::parse(u"stall"_s);
    m_harness->emulator.faults().add(rule);
    ComposerWidget *composer = m_window->composer();
    QSignalSpy finished(composer, &ComposerWidget::exchangeFinished);
    child<QPushButton>(u"sendButton"_s)->click();
    QVERIFY(composer->isSending());
    auto *cancel = child<QPushButton>(u"cancelButton"_s);
    QVERIFY(cancel->isEnabled());
    QVERIFY(child<QWidget>(u"sendProgress"_s)->isVisible());
    QVERIFY(!child<QPushButton>(u"sendButton"_s)->isEnabled());
    // Esc is the Cancel action's shortcut.
    QCOMPARE(composer->cancelAction()->shortcut(), QKeySequence(Qt::Key_Escape));
    composer->cancelAction()->trigger();
    QVERIFY(finished.wait(10000));
    const auto e = finished.first().first().value<Nh::Exchange>();
    QCOMPARE(e.result, Nh::ExchangeResult::Cancelled);
    QCOMPARE(e.abortReason, Nh::AbortReason::User);
    QVERIFY(!composer->isSending());
    QVERIFY(!cancel->isEnabled());
    QVERIFY(child<QPushButton>(u"sendButton"_s)->isEnabled());
    QVERIFY(!child<QWidget>(u"sendProgress"_s)->isVisible());
    QCOMPARE(child<QLabel>(u"resultTitle"_s)->text(),
             Nh::exchangeResultDisplayName(Nh::ExchangeResult::Cancelled));
}

void TestMainWindow::secretsRedactedAndRevealResets()
{
    makeWindow();
    const Nh::Exchange first = sendAndWait();
    QCOMPARE(first.result, Nh::ExchangeResult::Success);
    const Nh::Exchange second = sendAndWait();
    QCOMPARE(second.result, Nh::ExchangeResult::Success);
    QCOMPARE(m_window->sessionList()->count(), 2);

    auto *table = child<QTableView>(u"requestHeadersTable"_s);
    const auto authorizationCell = [table]() -> QString {
        QAbstractItemModel *m = table->model();
        for (int r = 0; r < m->rowCount(); ++r) {
            if (m->index(r, 0).data().toString() == u"Authorization"_s)
                return m->index(r, 1).data().toString();
        }
        return {};
    };
    const QString signature = second.authorization.section(u"sig="_s, 1).section(u'&', 0, 0);
    QVERIFY(!signature.isEmpty());
    QVERIFY2(authorizationCell().contains(u"[redacted]"_s), qPrintable(authorizationCell()));
    QVERIFY(!authorizationCell().contains(signature));
    QVERIFY(!m_window->exchangeView()->curlCommand().contains(signature));

    auto *reveal = child<QToolButton>(u"revealButton"_s);
    reveal->click();
    QVERIFY(reveal->isChecked());
    QVERIFY2(authorizationCell().contains(signature), qPrintable(authorizationCell()));
    QVERIFY(m_window->exchangeView()->curlCommand().contains(signature));
    QVERIFY(m_window->findChild<QAction *>(u"actionReveal"_s)->isChecked());

    // Selecting the other exchange hides the secret again.
    m_window->sessionList()->select(1);
    QCOMPARE(m_window->exchangeView()->exchange().id, first.id);
    QVERIFY(!reveal->isChecked());
    QVERIFY(!m_window->findChild<QAction *>(u"actionReveal"_s)->isChecked());
    QVERIFY2(authorizationCell().contains(u"[redacted]"_s), qPrintable(authorizationCell()));
}

void TestMainWindow::windowStateIsSavedAndRestored()
{
    makeWindow();
    auto *main = child<QSplitter>(u"mainSplitter"_s);
    QTRY_VERIFY(main->width() > 600);
    const int total = main->sizes().value(0) + main->sizes().value(1);
    main->setSizes({total / 3, total - total / 3});
    const QList<int> wanted = main->sizes();
    m_window->close(); // closeEvent saves
    QVERIFY(m_harness->settings->contains(u"State/mainSplitter"_s));
    QVERIFY(m_harness->settings->contains(u"State/exchangeSplitter"_s));
    QVERIFY(m_harness->settings->contains(u"State/geometry"_s));
    m_window.reset();

    makeWindow();
    QCOMPARE(child<QSplitter>(u"mainSplitter"_s)->sizes(), wanted);
}

void TestMainWindow::everyMenuActionShowsItsShortcut()
{
    makeWindow();
    QStringList missing;
    int count = 0;
    const QList<QAction *> menus = m_window->menuBar()->actions();
    for (QAction *menu : menus) {
        for (QAction *a : menu->menu()->actions()) {
            if (a->isSeparator())
                continue;
            ++count;
            // "About Qt" and "Reset Layout" are rare enough to go without.
            if (a->shortcut().isEmpty() && a->objectName() != u"actionAboutQt"_s
                && a->objectName() != u"actionResetLayout"_s)
                missing << a->text();
        }
    }
    QVERIFY2(missing.isEmpty(), qPrintable(missing.join(u", "_s)));
    QVERIFY(count >= 14);
    QCOMPARE(m_window->composer()->sendAction()->shortcut(),
             QKeySequence(Qt::CTRL | Qt::Key_Return));
    QVERIFY(m_window->composer()->sendAction()->shortcuts().contains(
        QKeySequence(Qt::CTRL | Qt::Key_Enter)));
}

void TestMainWindow::screenshots_data()
{
    QTest::addColumn<bool>("dark");
    QTest::newRow("light") << false;
    QTest::newRow("dark") << true;
}

void TestMainWindow::screenshots()
{
    QFETCH(bool, dark);
    UiTest::usePalette(dark ? UiTest::darkPalette() : UiTest::lightPalette());
    const QString suffix = dark ? u"-dark"_s : u"-light"_s;
    makeWindow();
    m_window->resize(1440, 900);
    QCOMPARE(sendAndWait().result, Nh::ExchangeResult::Success);
    QTRY_VERIFY(child<QTableView>(u"resultsTable"_s)->isVisible());
    QString path = UiTest::saveScreenshot(m_window.get(), u"mainwindow-outcome"_s + suffix);
    QVERIFY(QFileInfo(path).size() > 10000);

    Nh::FaultRule rule;
    rule.operation = u"send.test"_s;
    rule.count = 1;
    rule.fault = *Nh::Fault::parse(u"status=401"_s);
    m_harness->emulator.faults().add(rule);
    QCOMPARE(sendAndWait().result, Nh::ExchangeResult::HubError);
    path = UiTest::saveScreenshot(m_window.get(), u"mainwindow-error"_s + suffix);
    QVERIFY(!path.isEmpty());

    child<PayloadEditor>(u"payloadEditor"_s)
        ->setPlainText(u"{\n  \"aps\": {\n    \"alert\": \"Hello\",\n  }\n}"_s);
    child<TagExpressionEdit>(u"tagExpressionEdit"_s)->setText(u"sports && (lang:en ||"_s);
    QTRY_VERIFY(!child<QPushButton>(u"sendButton"_s)->isEnabled());
    path = UiTest::saveScreenshot(m_window.get(), u"mainwindow-invalid"_s + suffix);
    QVERIFY(!path.isEmpty());
    UiTest::usePalette(UiTest::lightPalette());
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
