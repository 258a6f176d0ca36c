// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// MainWindow end to end, offscreen, against the bundled emulator over real HTTPS: first run →
// Send → outcome rows and a history row (panel and file); located errors refuse Send; a server
// fault shows its sentence once; cancel; secrets redacted with Reveal reset on selection change;
// an old exchange reopened and re-sent; profiles added (located errors), switched and guarded;
// window state; the Registrations dock (F5, send test, changes recorded) and the reach preview
// beside the composer, both following the profile; screenshots.

#include "client/reachplan.h"
#include "common/httpheaders.h"
#include "composerfold.h"
#include "composerstrip.h"
#include "composerwidget.h"
#include "diagnosedock.h"
#include "emulator/emulatorstate.h"
#include "emulator/faults.h"
#include "exchangeview.h"
#include "historypanel.h"
#include "localemulator.h"
#include "mainwindow.h"
#include "models/headermodel.h"
#include "models/historymodel.h"
#include "models/outcomemodel.h"
#include "models/registrationmodel.h"
#include "models/trafficmodel.h"
#include "payloadeditor.h"
#include "profiledialog.h"
#include "profileswitcher.h"
#include "protocol/notificationoutcome.h"
#include "reachpreview.h"
#include "registrationsbrowser.h"
#include "sasinspector.h"
#include "tagexpressionedit.h"
#include "trafficdock.h"
#include "uitestsupport.h"

#include <QAbstractItemModel>
#include <QAction>
#include <QApplication>
#include <QBrush>
#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QDockWidget>
#include <QFile>
#include <QFileInfo>
#include <QFrame>
#include <QHeaderView>
#include <QImage>
#include <QInputDialog>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSpinBox>
#include <QSplitter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
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
    void trafficDockMadeOnFirstShow();
    void resetLayoutPlacesTheDiagnoseAndTrafficDocks();
    void brokenPayloadIsRefusedWithLocation();
    void brokenTagExpressionIsRefusedWithLocation();
    void serverFaultShowsSentence();
    void cancelStopsAStalledSend();
    void secretsRedactedAndRevealResets();
    void newExchangeIsNotHiddenBehindAnOldRow();
    void saveExchangeWritesEveryFormat();
    void windowStateIsSavedAndRestored();
    void everyMenuActionShowsItsShortcut();
    void historyReopensAnOldExchange();
    void resendAddsANewExchange();
    void historySearchAndFilters();
    void newProfileShowsLocatedErrorAndRefusesOk();
    void switchingProfileSendsToThatHub();
    void productionProfileAsksBeforeSending();
    void hubProfileWithoutKeyOffersASessionKey();
    void duplicateAndDeleteProfile();
    void sasInspectorDecodesTheToken();
    void registrationsDockListsTheHub();
    void refusedHandlesAreNotedInTheDock();
    void f5RefreshesTheViewInFocus();
    void sendTestFillsTheComposerWithoutSending();
    void reachPreviewFollowsTheComposer();
    void reachPreviewOpensARegistration();
    void outcomeRowOpensItsRegistration();
    void outcomeDetailShowsTheWholeResult();
    void registrationChangesAreRecorded();
    void switchingProfileRefreshesHubViews();
    void profileWithoutKeyShowsNotConnected();
    void windowStateRestoresRegistrationsDock();
    void escCancelsTheSendWhileTheBrowserLoads();
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
    /** Sends the emulator served (a profile switch also reads the hub's tags). */
    qsizetype sends() const
    {
        const QList<Nh::EmulatorLogEntry> log = m_harness->emulator.log();
        return std::count_if(log.cbegin(), log.cend(), [](const Nh::EmulatorLogEntry &entry) {
            return entry.operation.startsWith(u"send"_s);
        });
    }
    /** Requests of `operation` the emulator served. */
    qsizetype operations(const QString &operation) const
    {
        const QList<Nh::EmulatorLogEntry> log = m_harness->emulator.log();
        return std::count_if(log.cbegin(), log.cend(), [&](const Nh::EmulatorLogEntry &entry) {
            return entry.operation == operation;
        });
    }
    Nh::EmulatorHub &hub(const QString &name = {})
    {
        return *m_harness->emulator.state().hub(name.isEmpty() ? m_harness->emulator.hubName()
                                                               : name);
    }
    /** The ids of the hub's registrations that `keep` admits, sorted. */
    template<typename F> QStringList hubIds(F keep, const QString &hubName = {})
    {
        QStringList ids;
        for (const auto &[id, r] : hub(hubName).registrations) {
            if (keep(r))
                ids << r.registrationId;
        }
        ids.sort();
        return ids;
    }
    static QStringList modelIds(const Nh::RegistrationModel *model)
    {
        QStringList ids;
        for (const Nh::Registration &r : model->registrations())
            ids << r.registrationId;
        ids.sort();
        return ids;
    }
    /** The window with its first listing and reach fetch done. */
    bool makeLoadedWindow();
    /** A hub profile at the emulator's address (other hub) whose key is in no keychain. */
    Nh::Result<Nh::Profile> addKeylessHubProfile();
    /** Writes the screenshot to NH_SCREENSHOT_DIR too (the README's), when that is set. */
    static void publishScreenshot(const QString &path, const QString &name);
    /** Every row of `table` exactly as tall as its contents need (wrapped rows fitted). */
    static bool rowsFitted(QTableView *table);
    /** Waits until the history file holds `count` exchanges; returns their summaries. */
    QList<Nh::HistorySummary> storedExchanges(int count);
    template<typename T> T *topLevel(const QString &name)
    {
        for (QWidget *w : QApplication::topLevelWidgets()) {
            if (w->objectName() == name && w->isVisible())
                return qobject_cast<T *>(w);
        }
        return nullptr;
    }

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
    // A QUrl misuse (say, a decoding mode a whole URL cannot take) is a bug of ours, not noise.
    QTest::failOnWarning(QRegularExpression(u"^QUrl\\b"_s));
    m_harness = std::make_unique<UiHarness>();
    QVERIFY(m_harness->start());
}

void TestMainWindow::trafficDockMadeOnFirstShow()
{
    // Issue #20: View > Traffic makes the dock when first asked for, following the emulator.
    MainWindow *w = makeWindow();
    QVERIFY(!w->trafficDock());
    auto *action = w->findChild<QAction *>(u"actionShowTraffic"_s);
    QVERIFY(action);
    action->trigger();
    TrafficDock *dock = w->trafficDock();
    QVERIFY(dock);
    QTRY_VERIFY(dock->isVisible());
    action->trigger();
    QCOMPARE(w->trafficDock(), dock);
    Nh::HubClient client(&m_harness->nam);
    client.setConnection(LocalEmulator::connection(m_harness->emulator));
    client.getRegistration(u"no-such-registration"_s);
    // The window's own calls (its registration listing) are traffic too: find ours.
    const auto ours = [dock]() -> const Nh::TrafficRow * {
        for (int i = 0; i < dock->model()->rowCount(); ++i) {
            if (dock->model()->row(i).exchange.operation == u"registrations.get")
                return &dock->model()->row(i);
        }
        return nullptr;
    };
    QTRY_VERIFY(ours());
    QCOMPARE(ours()->exchange.status, 404);
}

void TestMainWindow::resetLayoutPlacesTheDiagnoseAndTrafficDocks()
{
    // The docks built when first asked for go back where they are made, closed, like the Hub
    // page: the Diagnose page beside the history, the Traffic dock at the bottom.
    MainWindow *w = makeWindow();
    QVERIFY(QTest::qWaitForWindowExposed(w));
    w->diagnoseDock()->show();
    QDockWidget *diagnose = w->diagnoseDock()->dock();
    QVERIFY(diagnose);
    w->findChild<QAction *>(u"actionShowTraffic"_s)->trigger();
    TrafficDock *traffic = w->trafficDock();
    QVERIFY(traffic);
    diagnose->setFloating(true);
    traffic->setFloating(true);
    w->addDockWidget(Qt::LeftDockWidgetArea, traffic);
    traffic->setFloating(true);
    auto *history = w->findChild<QDockWidget *>(u"historyDock"_s);
    QVERIFY(history);
    history->hide();

    w->findChild<QAction *>(u"actionResetLayout"_s)->trigger();
    QVERIFY(!diagnose->isFloating());
    QCOMPARE(w->dockWidgetArea(diagnose), Qt::BottomDockWidgetArea);
    QVERIFY(w->tabifiedDockWidgets(history).contains(diagnose));
    QVERIFY(diagnose->isHidden());
    QVERIFY(!traffic->isFloating());
    QCOMPARE(w->dockWidgetArea(traffic), Qt::BottomDockWidgetArea);
    QVERIFY(traffic->isHidden());
    QTRY_VERIFY(history->isVisible());

    // Shown again, the Diagnose page gets a good share of the window's height: the composer
    // folds to its strip for it.
    QVERIFY(!w->composerFold()->isFolded());
    w->diagnoseDock()->show();
    QTRY_VERIFY(diagnose->isVisible());
    QVERIFY(w->composerFold()->isFolded());
    QTRY_VERIFY2(diagnose->height() >= w->height() * 2 / 5,
                 qPrintable(u"%1 of %2"_s.arg(diagnose->height()).arg(w->height())));
}

void TestMainWindow::cleanup()
{
    m_window.reset();
    m_harness.reset();
}

MainWindow *TestMainWindow::makeWindow()
{
    m_window = std::make_unique<MainWindow>(m_harness->context());
    m_window->show();
    return m_window.get();
}

QList<Nh::HistorySummary> TestMainWindow::storedExchanges(int count)
{
    // A reader of its own: what another process (nhcli) would see in the file.
    auto reader = Nh::HistoryReader::open(m_harness->history->path());
    if (!reader) {
        qWarning("%s", qPrintable(reader.error().message));
        return {};
    }
    QList<Nh::HistorySummary> rows;
    const auto read = [&] {
        const auto page = reader.value()->page({}, {}, nullptr, 100);
        rows = page ? page.value() : QList<Nh::HistorySummary> {};
        return rows.size() >= count;
    };
    // The writes are committed off the UI thread; wait for them as the window does.
    if (!QTest::qWaitFor(read, 10000))
        qWarning("only %d of %d exchanges written after 10 s", int(rows.size()), count);
    return rows;
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
    QVERIFY2(banner->text().contains(u"New Profile"_s), qPrintable(banner->text()));
    QVERIFY(child<QPushButton>(u"bannerAddHubButton"_s)->isEnabled());
    QCOMPARE(m_window->currentProfile().id, Nh::kEmulatorProfileId);
    QVERIFY(m_window->isProfileReady());
    QCOMPARE(m_window->profileSwitcher()->currentProfileId(), Nh::kEmulatorProfileId);

    // One click on Send, with nothing else done, shows a real outcome.
    auto *send = child<QPushButton>(u"sendButton"_s);
    QVERIFY2(send->isEnabled(), qPrintable(m_window->composer()->refusal()));
    const Nh::Exchange e = sendAndWait();
    QCOMPARE(e.result, Nh::ExchangeResult::Success);
    QCOMPARE(e.status, 201);
    QVERIFY(e.outcome.has_value());
    // The demo hub has four Apple registrations tagged sports or politics that a send reaches
    // (a fifth has expired); one handle is bad, one is a production token on the sandbox hub
    // (the diagnosis's demo devices, issue #19).
    QCOMPARE(e.outcome->success, 2);
    QCOMPARE(e.outcome->failure, 2);

    auto *results = child<QTableView>(u"resultsTable"_s);
    QTRY_VERIFY(results->isVisible());
    QCOMPARE(results->model()->rowCount(), 4);
    const QString title = child<QLabel>(u"resultTitle"_s)->text();
    QVERIFY2(title.contains(u"2 delivered, 2 failed"_s), qPrintable(title));
    QVERIFY2(child<QLabel>(u"outcomeSummary"_s)->text().contains(u"DetailedStateAvailable"_s),
             qPrintable(child<QLabel>(u"outcomeSummary"_s)->text()));
    // Request and outcome side by side, the session list has the exchange.
    auto *split = child<QSplitter>(u"exchangeSplitter"_s);
    QCOMPARE(split->orientation(), Qt::Horizontal);
    QCOMPARE(split->count(), 2);
    QVERIFY(child<QWidget>(u"requestPane"_s)->isVisible());
    auto *line = child<QLineEdit>(u"requestLine"_s);
    QVERIFY2(line->text().contains(u"/messages"_s), qPrintable(line->text()));
    // The URL is longer than the field: its start shows, the whole on hover.
    QCOMPARE(line->cursorPosition(), 0);
    QCOMPARE(line->toolTip(), line->text());

    // The exchange is in the history file (source gui, the emulator profile) and in the panel,
    // selected.
    const QList<Nh::HistorySummary> stored = storedExchanges(1);
    QCOMPARE(stored.size(), 1);
    QCOMPARE(stored.first().id, e.id);
    QCOMPARE(stored.first().source, u"gui"_s);
    QCOMPARE(stored.first().profileId, Nh::kEmulatorProfileId.toString(QUuid::WithoutBraces));
    QCOMPARE(stored.first().target, u"sports || politics"_s);
    QCOMPARE(stored.first().format, u"apple"_s);
    HistoryPanel *history = m_window->historyPanel();
    QTRY_COMPARE(history->rowCount(), 1);
    QCOMPARE(history->idAt(0), e.id);
    QTRY_COMPARE(history->selectedIds(), QList<QUuid> {e.id});
    QVERIFY(child<QDockWidget>(u"historyDock"_s)->isVisible());
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
    // The hub's detail is on screen exactly once: in the sentence, or beside it when the
    // sentence does not quote it.
    // The hub appends "..TrackingId:…,TimeStamp:…" to its detail; the words before it are
    // what people read.
    const QString shown = UiTest::visibleText(child<QWidget>(u"outcomePane"_s));
    const QString words = e.hubError->detail.section(u"TrackingId:"_s, 0, 0);
    QVERIFY2(words.size() > 10, qPrintable(e.hubError->detail));
    QCOMPARE(shown.count(words.left(words.size() - 2)), 1);
    QCOMPARE(shown.count(e.errorSentence), 1);
    // The banner is tall enough for its text (or scrolls): nothing is clipped.
    auto *scroll = child<QWidget>(u"resultBannerScroll"_s);
    auto *banner = child<QWidget>(u"resultBanner"_s);
    QVERIFY(scroll->isVisible());
    QVERIFY2(banner->height() >= banner->heightForWidth(banner->width()),
             qPrintable(
                 u"%1 < %2"_s.arg(banner->height()).arg(banner->heightForWidth(banner->width()))));
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
    QTRY_COMPARE(m_window->historyPanel()->rowCount(), 2);

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
    QVERIFY(m_window->historyPanel()->selectExchange(first.id));
    QCOMPARE(m_window->exchangeView()->exchange().id, first.id);
    // The stored exchange never had its signature.
    QVERIFY(m_window->exchangeView()->exchange().authorization.isEmpty());
    QVERIFY(!authorizationCell().contains(
        first.authorization.section(u"sig="_s, 1).section(u'&', 0, 0)));
    QVERIFY(!reveal->isChecked());
    QVERIFY(!m_window->findChild<QAction *>(u"actionReveal"_s)->isChecked());
    QVERIFY2(authorizationCell().contains(u"[redacted]"_s), qPrintable(authorizationCell()));
}

void TestMainWindow::newExchangeIsNotHiddenBehindAnOldRow()
{
    makeWindow();
    HistoryPanel *history = m_window->historyPanel();
    const Nh::Exchange first = sendAndWait();
    QTRY_COMPARE(history->selectedIds(), QList<QUuid> {first.id});
    // The next answer is shown before the history has written it: the old row is no longer
    // the current one, so clicking it opens it again instead of doing nothing.
    const Nh::Exchange second = sendAndWait();
    QCOMPARE(m_window->exchangeView()->exchange().id, second.id);
    QVERIFY(!history->selectedIds().contains(first.id));
    QVERIFY(history->selectExchange(first.id));
    QCOMPARE(m_window->exchangeView()->exchange().id, first.id);
    // Once written, the new exchange's row does not take the user's choice away.
    QTRY_COMPARE(history->rowCount(), 2);
    QCoreApplication::processEvents();
    QCOMPARE(m_window->exchangeView()->exchange().id, first.id);
}

void TestMainWindow::saveExchangeWritesEveryFormat()
{
    makeWindow();
    auto *action = m_window->findChild<QAction *>(u"actionSaveExchange"_s);
    QVERIFY(action);
    QVERIFY(!action->isEnabled());
    QVERIFY(!child<QToolButton>(u"saveButton"_s)->isEnabled());
    const Nh::Exchange sent = sendAndWait();
    QCOMPARE(sent.result, Nh::ExchangeResult::Success);
    QVERIFY(action->isEnabled());
    QVERIFY(child<QToolButton>(u"saveButton"_s)->isEnabled());
    const QString signature = sent.authorization.section(u"sig="_s, 1).section(u'&', 0, 0);
    QVERIFY(!signature.isEmpty());

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const auto read = [](const QString &path) {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    };
    ExchangeView *view = m_window->exchangeView();

    // HAR: one entry, the request that was sent, the hub's answer; no signature.
    const QString har = dir.filePath(u"send.har"_s);
    QVERIFY(view->saveTo(har, Nh::ExportFormat::Har));
    const QByteArray harBytes = read(har);
    const QJsonArray entries =
        QJsonDocument::fromJson(harBytes).object()[u"log"_s][u"entries"_s].toArray();
    QCOMPARE(entries.size(), 1);
    const QJsonObject entry = entries.first().toObject();
    QCOMPARE(entry[u"request"_s][u"url"_s].toString(), QString::fromUtf8(sent.url.toEncoded()));
    QCOMPARE(entry[u"response"_s][u"status"_s].toInt(), sent.status);
    QVERIFY(!harBytes.contains(signature.toUtf8()));

    // JSON: the same exchange, redacted.
    const QString json = dir.filePath(u"send.json"_s);
    QVERIFY(view->saveTo(json, Nh::ExportFormat::Json));
    const QByteArray jsonBytes = read(json);
    QVERIFY(jsonBytes.contains(sent.id.toString(QUuid::WithoutBraces).toUtf8()));
    QVERIFY(!jsonBytes.contains(signature.toUtf8()));

    // curl: trusts the emulator's certificate; the token only while revealed.
    const QString curl = dir.filePath(u"send.sh"_s);
    QVERIFY(view->saveTo(curl, Nh::ExportFormat::Curl));
    QByteArray script = read(curl);
    const QByteArray cacert =
        "--cacert " + Nh::shellQuote(m_harness->emulator.certificatePath().toUtf8()).toUtf8();
    QVERIFY2(script.contains(cacert), script.constData());
    QVERIFY(script.contains("${NH_SAS_TOKEN}"));
    QVERIFY(!script.contains(signature.toUtf8()));
    child<QToolButton>(u"revealButton"_s)->click();
    QVERIFY(view->saveTo(curl, Nh::ExportFormat::Curl));
    script = read(curl);
    QVERIFY(script.contains(signature.toUtf8()));
    // With the token it is a secret until it expires: its owner's only.
    QCOMPARE(QFile::permissions(curl)
                 & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup
                    | QFileDevice::WriteOther),
             QFileDevice::Permissions());

    // A file that cannot be written: the sentence names it, and the old file stays whole.
    const QString blocked = dir.filePath(u"missing/dir/send.har"_s);
    const Nh::Status failed = view->saveTo(blocked, Nh::ExportFormat::Har);
    QVERIFY(!failed);
    QVERIFY2(failed.error().message.contains(u"send.har"_s), qPrintable(failed.error().message));
    QCOMPARE(read(har), harBytes);
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
    QVERIFY(m_harness->settings->contains(u"State/historyHeader"_s));
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
            // Ctrl+N, Ctrl+F: the keyboard map.
            if (a->objectName() == u"actionNewProfile"_s)
                QCOMPARE(a->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_N));
            if (a->objectName() == u"actionSearchHistory"_s)
                QCOMPARE(a->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_F));
        }
    }
    QVERIFY2(missing.isEmpty(), qPrintable(missing.join(u", "_s)));
    QVERIFY(count >= 28);
    // Ctrl+F puts the cursor in the history's search box.
    m_window->activateWindow();
    m_window->findChild<QAction *>(u"actionSearchHistory"_s)->trigger();
    QTRY_VERIFY(m_window->historyPanel()->searchEdit()->hasFocus());
    QCOMPARE(m_window->composer()->sendAction()->shortcut(),
             QKeySequence(Qt::CTRL | Qt::Key_Return));
    QVERIFY(m_window->composer()->sendAction()->shortcuts().contains(
        QKeySequence(Qt::CTRL | Qt::Key_Enter)));
}

void TestMainWindow::historyReopensAnOldExchange()
{
    makeWindow();
    const Nh::Exchange first = sendAndWait();
    QCOMPARE(first.result, Nh::ExchangeResult::Success);
    Nh::FaultRule rule;
    rule.operation = u"send.test"_s;
    rule.count = 1;
    rule.fault = *Nh::Fault::parse(u"status=403"_s);
    m_harness->emulator.faults().add(rule);
    const Nh::Exchange second = sendAndWait();
    QCOMPARE(second.status, 403);
    QTRY_COMPARE(m_window->historyPanel()->rowCount(), 2);
    QCOMPARE(m_window->exchangeView()->exchange().id, second.id);

    // A fresh window (a new run) lists both from the file; selecting the old one shows it.
    m_window.reset();
    makeWindow();
    HistoryPanel *history = m_window->historyPanel();
    QCOMPARE(history->rowCount(), 2);
    QCOMPARE(history->idAt(0), second.id); // newest first
    QVERIFY(!m_window->exchangeView()->hasExchange());
    history->selectRows({1});
    QTRY_COMPARE(m_window->exchangeView()->exchange().id, first.id);
    QTRY_VERIFY(child<QTableView>(u"resultsTable"_s)->isVisible());
    QCOMPARE(child<QTableView>(u"resultsTable"_s)->model()->rowCount(), 4);
    QVERIFY2(child<QLabel>(u"resultTitle"_s)->text().contains(u"2 delivered, 2 failed"_s),
             qPrintable(child<QLabel>(u"resultTitle"_s)->text()));
    history->selectRows({0});
    QTRY_COMPARE(m_window->exchangeView()->exchange().id, second.id);
    QVERIFY2(child<QLabel>(u"resultTitle"_s)->text().startsWith(u"403"_s),
             qPrintable(child<QLabel>(u"resultTitle"_s)->text()));
}

void TestMainWindow::resendAddsANewExchange()
{
    makeWindow();
    const Nh::Exchange first = sendAndWait();
    QCOMPARE(first.result, Nh::ExchangeResult::Success);
    HistoryPanel *history = m_window->historyPanel();
    QTRY_COMPARE(history->rowCount(), 1);
    history->selectRows({0});
    const qsizetype before = sends();
    QVERIFY(history->resendAction()->isEnabled());
    history->resendAction()->trigger();
    const QList<Nh::HistorySummary> stored = storedExchanges(2);
    QCOMPARE(stored.size(), 2);
    QVERIFY(stored.first().id != first.id); // a new exchange, newest first
    QCOMPARE(stored.first().operation, first.operation);
    QCOMPARE(stored.first().target, u"sports || politics"_s);
    QCOMPARE(stored.first().source, u"gui"_s);
    QCOMPARE(stored.first().outcomeSuccess, 2);
    QCOMPARE(sends(), before + 1);
    QCOMPARE(m_harness->emulator.log().constLast().requestBody, first.requestBody);
    QTRY_COMPARE(history->rowCount(), 2);
    QTRY_COMPARE(m_window->exchangeView()->exchange().id, stored.first().id);

    // Exported as curl with fresh tokens: signed now by the current profile, never its key.
    const QString path = m_harness->dir.filePath(u"resend.sh"_s);
    QVERIFY(history->exportTo({first.id}, HistoryPanel::ExportFormat::Curl, path, true));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray script = file.readAll();
    QVERIFY2(script.contains("Authorization: SharedAccessSignature sr="), script.constData());
    QVERIFY(!script.contains("${NH_SAS_TOKEN}"));
    QVERIFY(!script.contains(m_harness->emulator.connectionString().key().toUtf8()));
    // (A token signed in the same second as the send equals the one sent: the signature
    // covers only the resource and the expiry, so that is no leak.)
    QVERIFY(script.contains("&skn=DefaultFullSharedAccessSignature"));
    // It reaches the emulator: curl trusts its certificate.
    const QByteArray cacert =
        "--cacert " + Nh::shellQuote(m_harness->emulator.certificatePath().toUtf8()).toUtf8();
    QVERIFY2(script.contains(cacert), script.constData());
}

void TestMainWindow::historySearchAndFilters()
{
    makeWindow();
    QCOMPARE(sendAndWait().result, Nh::ExchangeResult::Success);
    m_window->composer()->setTagExpression(u"user:alice"_s);
    QCOMPARE(sendAndWait().result, Nh::ExchangeResult::Success);
    Nh::FaultRule rule;
    rule.operation = u"send.test"_s;
    rule.count = 1;
    rule.fault = *Nh::Fault::parse(u"status=500"_s);
    m_harness->emulator.faults().add(rule);
    m_window->composer()->setTagExpression(u"sports || politics"_s);
    QCOMPARE(sendAndWait().result, Nh::ExchangeResult::HubError);
    HistoryPanel *history = m_window->historyPanel();
    QTRY_COMPARE(history->rowCount(), 3);

    // Free text over headers: the Tags header of one exchange.
    history->setSearchText(u"alice"_s);
    QTRY_COMPARE(history->rowCount(), 1);
    QCOMPARE(history->model()->summary(0).target, u"user:alice"_s);
    history->setSearchText({});
    QTRY_COMPARE(history->rowCount(), 3);
    // Status: a failure is the hub's 500 and the send with a failed registration (the demo
    // hub's bad Apple handle); alice's send reached her devices only.
    history->setStatusFilter(Nh::HistoryStatus::Failure);
    QTRY_COMPARE(history->rowCount(), 2);
    history->setStatusFilter(Nh::HistoryStatus::Success);
    QTRY_COMPARE(history->rowCount(), 1);
    QCOMPARE(history->model()->summary(0).target, u"user:alice"_s);
    history->setStatusFilter({});
    // Format: none of them is a template send.
    history->setFormatFilter(u"template"_s);
    QTRY_COMPARE(history->rowCount(), 0);
    history->setFormatFilter(u"apple"_s);
    QTRY_COMPARE(history->rowCount(), 3);
    // Profile: another profile has none.
    const Nh::Profile other = m_harness->addEmulatorProfile(u"Other"_s, u"otherHub"_s);
    history->setProfileFilter(other.id.toString(QUuid::WithoutBraces));
    QTRY_COMPARE(history->rowCount(), 0);
    history->setProfileFilter({});
    history->setTimeRange(HistoryPanel::TimeRange::LastHour);
    QTRY_COMPARE(history->rowCount(), 3);

    // Pin, then delete two after confirming: the pinned flag and the deletion reach the file.
    history->selectRows({0});
    history->pinAction()->trigger();
    QTRY_VERIFY(storedExchanges(3).first().pinned);
    history->selectRows({1, 2});
    history->deleteAction()->trigger();
    auto *box = m_window->findChild<QMessageBox *>(u"confirmDeleteExchanges"_s);
    QVERIFY(box);
    QVERIFY2(box->text().contains(u"Delete 2 exchange"_s), qPrintable(box->text()));
    box->findChild<QPushButton *>(u"confirmDeleteButton"_s)->click();
    QTRY_COMPARE(history->rowCount(), 1);
    auto reader = Nh::HistoryReader::open(m_harness->history->path());
    QVERIFY(reader);
    QTRY_COMPARE(reader.value()->count().value(), 1);
}

void TestMainWindow::newProfileShowsLocatedErrorAndRefusesOk()
{
    makeWindow();
    m_window->findChild<QAction *>(u"actionNewProfile"_s)->trigger();
    auto *dialog = m_window->findChild<ProfileDialog *>();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QVERIFY(!dialog->okButton()->isEnabled());
    // "Endpoint" without '=': the parser names position 1 and OK stays off.
    dialog->connectionStringEdit()->setText(
        u"Endpoint;SharedAccessKeyName=R;SharedAccessKey=c2VjcmV0"_s);
    dialog->hubEdit()->setText(u"hub1"_s);
    QVERIFY(!dialog->okButton()->isEnabled());
    QVERIFY(dialog->errorLabel()->isVisible());
    const QString error = dialog->errorLabel()->text();
    QVERIFY2(error.contains(u"position 1"_s), qPrintable(error));
    auto *caret = dialog->findChild<QLabel *>(u"profileErrorCaret"_s);
    QVERIFY(caret->isVisible());
    QVERIFY2(caret->text().endsWith(u"\n^"_s) || caret->text().contains(u"\n^"_s),
             qPrintable(caret->text()));
    QVERIFY2(!caret->text().contains(u"c2VjcmV0"_s), "the caret excerpt shows the key");
    // An http:// endpoint is located at its own position (1-based 10).
    dialog->connectionStringEdit()->setText(
        u"Endpoint=http://ns.servicebus.windows.net/;SharedAccessKeyName=R;"
        "SharedAccessKey=c2VjcmV0"_s);
    QVERIFY(!dialog->okButton()->isEnabled());
    QVERIFY2(dialog->errorLabel()->text().contains(u"position 10"_s),
             qPrintable(dialog->errorLabel()->text()));
    // Fixed: OK is offered, the name defaults to namespace/hub.
    dialog->connectionStringEdit()->setText(
        u"Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=R;"
        "SharedAccessKey=c2VjcmV0"_s);
    QVERIFY2(dialog->okButton()->isEnabled(), qPrintable(dialog->errorLabel()->text()));
    QVERIFY(!dialog->errorLabel()->isVisible());
    const auto made = dialog->result();
    QVERIFY(made);
    QCOMPARE(made.value().profile.name, u"ns/hub1"_s);
    QCOMPARE(made.value().profile.host, u"ns.servicebus.windows.net"_s);
    // Taking a name in use is refused by name.
    dialog->nameEdit()->setText(u"Local emulator"_s);
    QVERIFY(!dialog->okButton()->isEnabled());
    QVERIFY2(dialog->errorLabel()->text().contains(u"Local emulator"_s),
             qPrintable(dialog->errorLabel()->text()));
    dialog->reject();
}

void TestMainWindow::switchingProfileSendsToThatHub()
{
    const Nh::Profile other = m_harness->addEmulatorProfile(u"Second hub"_s, u"otherHub"_s);
    makeWindow();
    QComboBox *combo = m_window->profileSwitcher()->combo();
    QCOMPARE(combo->count(), 2);
    const int row = combo->findData(other.id);
    QVERIFY(row > 0);
    // As the user picks it.
    combo->setCurrentIndex(row);
    emit combo->activated(row);
    QTRY_VERIFY(m_window->isProfileReady());
    QCOMPARE(m_window->currentProfile().id, other.id);
    QCOMPARE(m_harness->client.connection().hub, u"otherHub"_s);
    QVERIFY2(m_window->windowTitle().contains(u"Second hub"_s),
             qPrintable(m_window->windowTitle()));
    QCOMPARE(m_window->profileSwitcher()->badge()->text(), u"SECOND"_s);

    m_window->composer()->setTargetKind(Nh::TargetKind::Broadcast);
    const Nh::Exchange e = sendAndWait();
    QVERIFY2(e.url.path().startsWith(u"/otherHub/"_s), qPrintable(e.url.toString()));
    QCOMPARE(m_harness->emulator.log().constLast().hub, u"otherHub"_s);
    const QList<Nh::HistorySummary> stored = storedExchanges(1);
    QCOMPARE(stored.first().profileId, other.id.toString(QUuid::WithoutBraces));
    QCOMPARE(stored.first().profileName, u"Second hub"_s);
    QCOMPARE(stored.first().hub, u"otherHub"_s);

    // The choice is remembered for the next run.
    m_window.reset();
    makeWindow();
    QCOMPARE(m_window->currentProfile().id, other.id);
}

void TestMainWindow::productionProfileAsksBeforeSending()
{
    const Nh::Profile prod = m_harness->addEmulatorProfile(u"Prod-like"_s, u"otherHub"_s, true);
    makeWindow();
    m_window->activateProfile(prod.id);
    QTRY_VERIFY(m_window->isProfileReady());
    QCOMPARE(m_window->profileSwitcher()->badge()->text(), u"PROD"_s);
    QVERIFY(m_window->profileSwitcher()->badge()->isVisible());
    QVERIFY2(child<QLabel>(u"emulatorBannerText"_s)->text().contains(u"Production"_s),
             qPrintable(child<QLabel>(u"emulatorBannerText"_s)->text()));

    const qsizetype before = sends();
    child<QPushButton>(u"sendButton"_s)->click();
    auto *box = m_window->findChild<QMessageBox *>(u"confirmProductionSend"_s);
    QVERIFY(box);
    QVERIFY2(box->text().contains(u"Prod-like"_s), qPrintable(box->text()));
    box->reject(); // Cancel: nothing is sent
    QTRY_VERIFY(!m_window->findChild<QMessageBox *>(u"confirmProductionSend"_s));
    QCOMPARE(sends(), before);
    QVERIFY(!m_window->composer()->isSending());

    QSignalSpy finished(m_window->composer(), &ComposerWidget::exchangeFinished);
    m_window->composer()->sendAction()->trigger(); // Ctrl+Enter asks too
    box = m_window->findChild<QMessageBox *>(u"confirmProductionSend"_s);
    QVERIFY(box);
    box->findChild<QPushButton *>(u"confirmProductionSendButton"_s)->click();
    QVERIFY(finished.wait(15000));
    QCOMPARE(sends(), before + 1);
    QCOMPARE(m_harness->emulator.log().constLast().hub, u"otherHub"_s);
}

void TestMainWindow::hubProfileWithoutKeyOffersASessionKey()
{
    // A hub profile at the emulator's address whose key is in no keychain: bare (no bus), the
    // keychain is unavailable; under with_keyring.sh it simply has no entry. Either way the
    // window says so, refuses to send, and takes a key for this run.
    const auto added = addKeylessHubProfile();
    QVERIFY2(added, added ? "" : qPrintable(added.error().message));
    makeWindow();
    QSignalSpy activated(m_window.get(), &MainWindow::profileActivated);
    m_window->activateProfile(added.value().id);
    QVERIFY(child<QProgressBar>(u"keyProgress"_s)->isVisible()); // the keychain answers later
    QVERIFY(activated.wait(15000));
    QCOMPARE(activated.first().at(1).toBool(), false);
    QVERIFY(!m_window->isProfileReady());
    QVERIFY(!child<QProgressBar>(u"keyProgress"_s)->isVisible());
    const QString banner = child<QLabel>(u"emulatorBannerText"_s)->text();
    QVERIFY2(banner.contains(u"Hub without key"_s), qPrintable(banner));
    auto *button = child<QPushButton>(u"bannerAddHubButton"_s);
    QVERIFY2(button->text().contains(u"key for this run"_s), qPrintable(button->text()));

    const qsizetype before = sends();
    m_window->send();
    QCOMPARE(sends(), before);

    button->click();
    auto *ask = m_window->findChild<QInputDialog *>(u"sessionKeyDialog"_s);
    QVERIFY(ask);
    QCOMPARE(ask->textEchoMode(), QLineEdit::Password);
    activated.clear();
    ask->setTextValue(m_harness->emulator.connectionString().key());
    ask->accept();
    QVERIFY(activated.wait(15000));
    QCOMPARE(activated.last().at(1).toBool(), true);
    QVERIFY(m_harness->secrets.hasSessionKey(added.value().id));
    QVERIFY2(child<QLabel>(u"emulatorBannerText"_s)->text().contains(u"memory for this run"_s),
             qPrintable(child<QLabel>(u"emulatorBannerText"_s)->text()));
    m_window->composer()->setTargetKind(Nh::TargetKind::Broadcast);
    const Nh::Exchange e = sendAndWait();
    QCOMPARE(e.status, 201); // the emulator's certificate is trusted for this profile too
    QCOMPARE(m_harness->emulator.log().constLast().hub, UiHarness::kOtherHub.toString());
}

void TestMainWindow::duplicateAndDeleteProfile()
{
    const Nh::Profile other = m_harness->addEmulatorProfile(u"Staging"_s, u"otherHub"_s);
    makeWindow();
    // The built-in profile cannot be deleted.
    QVERIFY(!m_window->findChild<QAction *>(u"actionDeleteProfile"_s)->isEnabled());
    m_window->activateProfile(other.id);
    QTRY_VERIFY(m_window->isProfileReady());
    QVERIFY(m_window->findChild<QAction *>(u"actionDeleteProfile"_s)->isEnabled());

    m_window->findChild<QAction *>(u"actionDuplicateProfile"_s)->trigger();
    QTRY_COMPARE(m_harness->profiles->count(), 3);
    QTRY_VERIFY(m_window->currentProfile().id != other.id);
    QCOMPARE(m_window->currentProfile().hub, u"otherHub"_s);
    QVERIFY2(m_window->currentProfile().name.startsWith(u"Staging"_s),
             qPrintable(m_window->currentProfile().name));
    QCOMPARE(m_window->profileSwitcher()->combo()->count(), 3);

    // Delete asks; Cancel keeps it.
    const QUuid copy = m_window->currentProfile().id;
    m_window->findChild<QAction *>(u"actionDeleteProfile"_s)->trigger();
    auto *box = m_window->findChild<QMessageBox *>(u"confirmDeleteProfile"_s);
    QVERIFY(box);
    box->reject();
    QTRY_VERIFY(!m_window->findChild<QMessageBox *>(u"confirmDeleteProfile"_s));
    QCOMPARE(m_harness->profiles->count(), 3);
    m_window->findChild<QAction *>(u"actionDeleteProfile"_s)->trigger();
    box = m_window->findChild<QMessageBox *>(u"confirmDeleteProfile"_s);
    box->findChild<QPushButton *>(u"confirmDeleteProfileButton"_s)->click();
    QTRY_COMPARE(m_harness->profiles->count(), 2);
    QVERIFY(!m_harness->profiles->profile(copy));
    QTRY_COMPARE(m_window->currentProfile().id, Nh::kEmulatorProfileId);
    QCOMPARE(m_window->profileSwitcher()->combo()->count(), 2);
}

void TestMainWindow::sasInspectorDecodesTheToken()
{
    makeWindow();
    m_window->findChild<QAction *>(u"actionSasInspector"_s)->trigger();
    auto *inspector = m_window->findChild<SasInspector *>();
    QVERIFY(inspector);
    QTRY_VERIFY(inspector->isVisible());
    const Nh::HubConnection &c = m_harness->client.connection();
    QCOMPARE(inspector->token().keyName, c.connectionString.keyName());
    QVERIFY2(inspector->token().resource.endsWith(u"/myhub"_s),
             qPrintable(inspector->token().resource));
    const qint64 left = inspector->token().secondsLeft(QDateTime::currentDateTimeUtc());
    QVERIFY2(left > 3590 && left <= 3600, qPrintable(QString::number(left)));
    const QString signature = inspector->token().signature;
    QVERIFY(!signature.isEmpty());
    auto *sig = inspector->findChild<QLineEdit *>(u"sasSignature"_s);
    QCOMPARE(sig->text(), u"[redacted]"_s);
    QVERIFY(!inspector->findChild<QLineEdit *>(u"sasHeader"_s)->text().contains(signature));
    QVERIFY(!UiTest::visibleText(inspector).contains(c.connectionString.key()));
    inspector->setRevealed(true);
    QCOMPARE(sig->text(), signature);
    // The countdown counts down from the token's own expiry.
    const QDateTime expiry = inspector->token().expiresAt();
    QCOMPARE(inspector->countdownText(expiry.addSecs(-61)), u"expires in 01:01"_s);
    QCOMPARE(inspector->countdownText(expiry.addSecs(3)), u"expired 00:03 ago"_s);
    QVERIFY2(
        inspector->findChild<QLabel *>(u"sasCountdown"_s)->text().startsWith(u"expires in 59:"_s)
            || inspector->findChild<QLabel *>(u"sasCountdown"_s)
                   ->text()
                   .startsWith(u"expires in 1:00:00"_s),
        qPrintable(inspector->findChild<QLabel *>(u"sasCountdown"_s)->text()));
    // Regenerate signs afresh for the lifetime asked.
    inspector->findChild<QSpinBox *>(u"sasLifetime"_s)->setValue(5);
    inspector->findChild<QPushButton *>(u"sasRegenerate"_s)->click();
    const qint64 shorter = inspector->token().secondsLeft(QDateTime::currentDateTimeUtc());
    QVERIFY2(shorter > 290 && shorter <= 300, qPrintable(QString::number(shorter)));
}

bool TestMainWindow::makeLoadedWindow()
{
    makeWindow();
    RegistrationsBrowser *browser = m_window->registrationsBrowser();
    const int total = int(hub().registrations.size());
    return QTest::qWaitFor(
        [&] {
            return !browser->model()->isLoading() && browser->model()->rowCount() == total
                && !m_window->reachPreview()->isFetching()
                && m_window->reachPreview()->fetchedCount() == total;
        },
        15000);
}

void TestMainWindow::registrationsDockListsTheHub()
{
    makeWindow();
    auto *dock = child<QDockWidget>(u"registrationsDock"_s);
    QVERIFY(dock);
    RegistrationsBrowser *browser = m_window->registrationsBrowser();
    QCOMPARE(dock->widget(), browser);
    // Beside the history, which stays in front after a first run.
    auto *historyDock = child<QDockWidget>(u"historyDock"_s);
    QCOMPARE(m_window->dockWidgetArea(dock), m_window->dockWidgetArea(historyDock));
    QVERIFY(m_window->tabifiedDockWidgets(historyDock).contains(dock));
    // Every registration of the demo hub, without the user asking.
    const QStringList expected = hubIds([](const Nh::Registration &) { return true; });
    QVERIFY(expected.size() > 3);
    QTRY_COMPARE_WITH_TIMEOUT(modelIds(browser->model()), expected, 15000);
    QVERIFY2(browser->errorText().isEmpty(), qPrintable(browser->errorText()));
    // One listing for the dock and one for the reach preview (the demo hub fits a page of
    // each); tag completion offers the reach preview's tags instead of listing a third time.
    ReachPreview *reach = m_window->reachPreview();
    QTRY_COMPARE_WITH_TIMEOUT(reach->fetchedCount(), int(expected.size()), 15000);
    QCOMPARE(operations(u"registrations.list"_s), 2);
    QVERIFY(
        child<TagExpressionEdit>(u"tagExpressionEdit"_s)->knownTags().contains(u"user:alice"_s));
    // Ctrl+G brings it to the front.
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QTest::keyClick(m_window.get(), Qt::Key_G, Qt::ControlModifier);
    QTRY_VERIFY(browser->isVisible());
    QVERIFY(browser->table()->hasFocus());
    // The browser's reads are not history: only sends and changes are.
    QCOMPARE(m_window->historyPanel()->rowCount(), 0);
}

void TestMainWindow::refusedHandlesAreNotedInTheDock()
{
    makeWindow();
    RegistrationsBrowser *browser = m_window->registrationsBrowser();
    const QStringList all = hubIds([](const Nh::Registration &) { return true; });
    QTRY_COMPARE_WITH_TIMEOUT(modelIds(browser->model()), all, 15000);

    // The first-run send reaches a registration whose handle the push service refuses.
    const Nh::Exchange sent = sendAndWait();
    QVERIFY(sent.outcome);
    QStringList refused;
    for (const Nh::RegistrationResult &r : std::as_const(sent.outcome->results)) {
        if (Nh::classifyOutcome(r.outcome) == Nh::OutcomeKind::InvalidHandle
            || Nh::classifyOutcome(r.outcome) == Nh::OutcomeKind::ExpiredHandle)
            refused << r.registrationId;
    }
    QVERIFY(!refused.isEmpty());
    // Still listed, with a note that says why it will go and how to see that.
    QVERIFY(browser->model()->rowOf(refused.first()) >= 0);
    QVERIFY2(browser->errorText().contains(u"refused"_s) && browser->errorText().contains(u"F5"_s),
             qPrintable(browser->errorText()));

    // F5 reloads: the hub has deleted it, and the note is gone.
    QSignalSpy pages(browser->model(), &Nh::RegistrationModel::pageFinished);
    browser->refreshAction()->trigger();
    QVERIFY(pages.wait(10000));
    QCOMPARE(browser->model()->rowOf(refused.first()), -1);
    QVERIFY2(browser->errorText().isEmpty(), qPrintable(browser->errorText()));

    // A re-send from the history notes them too: another refused handle, listed after F5.
    Nh::Registration bad;
    bad.platform = Nh::Platform::Apple;
    bad.tags = {u"sports"_s};
    bad.handle = u"0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABinvalid"_s;
    Nh::HubJob *create = m_harness->client.createRegistration(bad);
    QSignalSpy created(create, &Nh::HubJob::finished);
    QVERIFY(created.wait(10000));
    QCOMPARE(created.first().first().value<Nh::Exchange>().result, Nh::ExchangeResult::Success);
    browser->refreshAction()->trigger();
    QVERIFY(pages.wait(10000));
    HistoryPanel *history = m_window->historyPanel();
    QTRY_COMPARE(history->rowCount(), 1);
    history->selectRows({0});
    history->resendAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(browser->errorText().contains(u"F5"_s), 10000);
}

void TestMainWindow::f5RefreshesTheViewInFocus()
{
    QVERIFY(makeLoadedWindow());
    // Exactly one enabled action answers F5, or Qt finds it ambiguous and does nothing.
    int f5 = 0;
    for (const QAction *a : m_window->findChildren<QAction *>()) {
        if (a->isEnabled() && a->shortcuts().contains(QKeySequence(Qt::Key_F5)))
            ++f5;
    }
    QCOMPARE(f5, 1);
    QTest::failOnWarning(QRegularExpression(u"Ambiguous shortcut"_s));
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));

    // A registration made behind the console's back appears after F5 in the dock.
    Nh::Registration added;
    added.platform = Nh::Platform::FcmV1;
    added.handle = u"f5-token"_s;
    added.tags = {u"f5"_s};
    added.registrationId = Nh::EmulatorState::newRegistrationId();
    added.etag = 1;
    m_harness->emulator.state().putRegistration(hub(), added);
    RegistrationsBrowser *browser = m_window->registrationsBrowser();
    m_window->showRegistrations();
    QVERIFY(browser->table()->hasFocus());
    const qsizetype lists = operations(u"registrations.list"_s);
    QSignalSpy pages(browser->model(), &Nh::RegistrationModel::pageFinished);
    QTest::keyClick(browser->table(), Qt::Key_F5);
    QVERIFY(pages.wait(10000));
    QCOMPARE(operations(u"registrations.list"_s), lists + 1);
    QVERIFY(browser->model()->rowOf(added.registrationId) >= 0);

    // In the composer F5 fetches what the reach preview works from; the dock stays as it is.
    // What the preview fetched (the whole hub: the first show's broadcast, before `added`) stays
    // until F5; F5 forgets it and fetches only what the composer's expression needs.
    ReachPreview *reach = m_window->reachPreview();
    QCOMPARE(reach->fetchedCount(), int(hub().registrations.size()) - 1);
    auto *tags = child<TagExpressionEdit>(u"tagExpressionEdit"_s);
    tags->setFocus();
    QVERIFY(tags->hasFocus());
    QTest::keyClick(tags, Qt::Key_F5);
    QVERIFY(reach->isFetching());
    QTRY_VERIFY_WITH_TIMEOUT(!reach->isFetching(), 15000);
    const auto expression = Nh::TagExpression::parse(reach->tagExpression());
    QVERIFY2(expression, qPrintable(reach->tagExpression()));
    const Nh::ReachPlan plan = Nh::ReachPlan::forExpression(&*expression);
    QVERIFY(!plan.isEverything());
    int needed = 0;
    for (const auto &[id, r] : hub().registrations) {
        needed += std::any_of(r.tags.cbegin(), r.tags.cend(), [&](const QString &tag) {
            return expression->tags().contains(tag, Qt::CaseInsensitive);
        });
    }
    QCOMPARE(reach->fetchedCount(), needed);
    QCOMPARE(pages.size(), 1);
}

void TestMainWindow::sendTestFillsTheComposerWithoutSending()
{
    QVERIFY(makeLoadedWindow());
    RegistrationsBrowser *browser = m_window->registrationsBrowser();
    ComposerWidget *composer = m_window->composer();
    QCOMPARE(composer->format(), Nh::Format::Apple);
    // A native registration of another platform than the composer's: its format and handle.
    std::optional<Nh::Registration> native;
    std::optional<Nh::Registration> templ;
    for (const auto &[id, r] : hub().registrations) {
        if (!native && !r.isTemplate && r.platform != Nh::Platform::Apple
            && r.platform != Nh::Platform::Browser && !r.handle.isEmpty())
            native = r;
        if (!templ && r.isTemplate && !r.tags.isEmpty())
            templ = r;
    }
    QVERIFY(native && templ);
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    m_window->showRegistrations();
    QVERIFY(browser->selectRegistration(native->registrationId));
    const qsizetype before = sends();
    QAction *sendTest = m_window->findChild<QAction *>(u"sendTestToRegistrationAction"_s);
    QCOMPARE(sendTest->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
    sendTest->trigger();
    QCOMPARE(composer->format(), Nh::nativeFormat(native->platform));
    QCOMPARE(composer->targetKind(), Nh::TargetKind::Device);
    QCOMPARE(composer->deviceHandles(), QStringList {native->handle});
    QVERIFY(composer->isTestSend());
    QVERIFY2(composer->canSend(), qPrintable(composer->refusal()));
    QTRY_VERIFY(child<PayloadEditor>(u"payloadEditor"_s)->hasFocus());
    // Nothing went out: the user presses Send.
    QVERIFY(!composer->isSending());
    QCOMPARE(sends(), before);
    QVERIFY2(m_window->statusBar()->currentMessage().contains(native->registrationId),
             qPrintable(m_window->statusBar()->currentMessage()));
    // And Send then goes to that handle.
    QCOMPARE(sendAndWait().status, 201);
    QCOMPARE(sends(), before + 1);
    const Nh::EmulatorLogEntry sent = m_harness->emulator.log().constLast();
    QCOMPARE(Nh::headerValue(sent.requestHeaders, "ServiceBusNotification-DeviceHandle")
                 .value_or(QByteArray()),
             native->handle.toUtf8());

    // A template registration is reached through its tags, as a test send.
    QVERIFY(browser->selectRegistration(templ->registrationId));
    sendTest->trigger();
    QCOMPARE(composer->format(), Nh::Format::Template);
    QCOMPARE(composer->targetKind(), Nh::TargetKind::Tags);
    const QString expression = composer->tagExpression();
    for (const QString &tag : templ->tags.mid(0, 6)) {
        QVERIFY2(expression.contains(tag) || expression.startsWith(u"$InstallationId:{"_s),
                 qPrintable(expression));
    }
    QVERIFY(composer->isTestSend());
    QVERIFY(child<QCheckBox>(u"testSendCheck"_s)->isEnabled());
    QCOMPARE(sends(), before + 1);
}

void TestMainWindow::reachPreviewFollowsTheComposer()
{
    QVERIFY(makeLoadedWindow());
    ComposerWidget *composer = m_window->composer();
    ReachPreview *reach = m_window->reachPreview();
    auto *tabs = child<QTabWidget>(u"composerTabs"_s);
    const int tab = tabs->indexOf(reach);
    QVERIFY(tab >= 0);

    // Typed, as the user does: the Apple registrations carrying the tag.
    auto *tags = child<TagExpressionEdit>(u"tagExpressionEdit"_s);
    tags->clear();
    QTest::keyClicks(tags, u"user:alice"_s);
    const QStringList alice = hubIds([](const Nh::Registration &r) {
        return r.platform == Nh::Platform::Apple && !r.isTemplate
            && r.tags.contains(u"user:alice"_s, Qt::CaseInsensitive);
    });
    QVERIFY(!alice.isEmpty());
    QTRY_COMPARE(modelIds(reach->model()), alice);
    QCOMPARE(reach->reachedCount(), alice.size());
    QCOMPARE(tabs->tabText(tab), u"Reach (%1)"_s.arg(alice.size()));

    // Another format: the template registrations of every platform with that tag.
    composer->setFormat(Nh::Format::Template);
    const QStringList templates = hubIds([](const Nh::Registration &r) {
        return r.isTemplate && r.tags.contains(u"user:alice"_s, Qt::CaseInsensitive);
    });
    QTRY_COMPARE(modelIds(reach->model()), templates);

    // Everyone: every template registration.
    composer->setTargetKind(Nh::TargetKind::Broadcast);
    QTRY_COMPARE(modelIds(reach->model()),
                 hubIds([](const Nh::Registration &r) { return r.isTemplate; }));
    QVERIFY2(reach->summaryText().contains(u"broadcast"_s, Qt::CaseInsensitive),
             qPrintable(reach->summaryText()));

    // A direct send: the handle, and the registrations that carry it.
    const QString handle = [&] {
        for (const auto &[id, r] : hub().registrations) {
            if (r.platform == Nh::Platform::Apple && !r.isTemplate)
                return r.handle;
        }
        return QString();
    }();
    composer->setFormat(Nh::Format::Apple);
    composer->setTargetKind(Nh::TargetKind::Device);
    composer->setDeviceHandles(handle);
    QTRY_COMPARE(modelIds(reach->model()), hubIds([&](const Nh::Registration &r) {
                     return r.platform == Nh::Platform::Apple && !r.isTemplate
                         && r.handle == handle;
                 }));
    QCOMPARE(reach->reachedCount(), 1);
    QVERIFY2(reach->summaryText().contains(u"1 device handle"_s), qPrintable(reach->summaryText()));
    // Nothing of this fetched again: the preview evaluates locally.
    QVERIFY(!reach->isFetching());
}

void TestMainWindow::reachPreviewOpensARegistration()
{
    QVERIFY(makeLoadedWindow());
    ReachPreview *reach = m_window->reachPreview();
    m_window->composer()->showPage(reach);
    QTRY_VERIFY(reach->isVisible());
    QTRY_VERIFY(reach->model()->rowCount() > 0);
    auto *table = reach->findChild<QTableView *>(u"reachTable"_s);
    const QModelIndex second = table->model()->index(reach->model()->rowCount() - 1, 0);
    const QString id = reach->model()->registration(second.row()).registrationId;
    const QPoint at = table->visualRect(second).center();
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, at);
    QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, at);
    RegistrationsBrowser *browser = m_window->registrationsBrowser();
    QTRY_VERIFY(browser->isVisible());
    QVERIFY(browser->currentRegistration());
    QCOMPARE(browser->currentRegistration()->registrationId, id);
}

void TestMainWindow::outcomeRowOpensItsRegistration()
{
    QVERIFY(makeLoadedWindow());
    const Nh::Exchange sent = sendAndWait();
    QVERIFY(sent.outcome && !sent.outcome->results.isEmpty());
    auto *table = child<QTableView>(u"resultsTable"_s);
    QTRY_VERIFY(table->isVisible());
    // A registration the hub keeps (a refused one is deleted, and the dock says so).
    int row = -1;
    for (int r = 0; r < table->model()->rowCount() && row < 0; ++r) {
        if (table->model()->index(r, 0).data(Nh::OutcomeModel::SucceededRole).toBool())
            row = r;
    }
    QVERIFY(row >= 0);
    const QModelIndex cell = table->model()->index(row, Nh::OutcomeModel::RegistrationId);
    const QString id = cell.data().toString();
    QVERIFY(!id.isEmpty());
    // It reads as a link and says what it does.
    QCOMPARE(cell.data(Qt::ForegroundRole).value<QBrush>().color(),
             table->palette().color(QPalette::Link));
    QVERIFY(cell.data(Qt::ToolTipRole).toString().contains(id));
    const QPoint at = table->visualRect(cell).center();
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, at);
    QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, at);
    RegistrationsBrowser *browser = m_window->registrationsBrowser();
    QTRY_VERIFY(browser->isVisible());
    QTRY_VERIFY(browser->currentRegistration().has_value());
    QCOMPARE(browser->currentRegistration()->registrationId, id);
}

void TestMainWindow::outcomeDetailShowsTheWholeResult()
{
    makeWindow();
    const Nh::Exchange sent = sendAndWait();
    QVERIFY(sent.outcome);
    auto *table = child<QTableView>(u"resultsTable"_s);
    auto *detail = child<QLabel>(u"resultDetail"_s);
    QTRY_VERIFY(detail->isVisible());
    // The failure is chosen first: its registration, handle and the hub's words, none of it
    // elided as it is in the table's columns.
    const QModelIndex current = table->currentIndex();
    QVERIFY(current.isValid());
    QVERIFY(!current.data(Nh::OutcomeModel::SucceededRole).toBool());
    const Nh::RegistrationResult &failed = sent.outcome->results.at(current.row());
    QVERIFY(Nh::classifyOutcome(failed.outcome) != Nh::OutcomeKind::Success);
    const QString text = detail->text();
    // ... and what the outcome means and what to do, which the table has no room for.
    for (const QString &part : {failed.registrationId, failed.pnsHandle, failed.outcome,
                                current.data(Nh::OutcomeModel::CauseRole).toString(),
                                current.data(Nh::OutcomeModel::NextStepRole).toString()})
        QVERIFY2(text.contains(part.toHtmlEscaped()), qPrintable(part + u" in "_s + text));
    // The table names each row's kind in a word or two, coloured by success.
    QCOMPARE(current.siblingAtColumn(Nh::OutcomeModel::Result).data().toString(),
             Nh::outcomeKindLabel(Nh::classifyOutcome(failed.outcome)));
    // Another row, another detail.
    int other = -1;
    for (int r = 0; r < table->model()->rowCount() && other < 0; ++r) {
        if (r != current.row())
            other = r;
    }
    QVERIFY(other >= 0);
    table->setCurrentIndex(table->model()->index(other, 0));
    QVERIFY(detail->text().contains(sent.outcome->results.at(other).registrationId));
}

void TestMainWindow::registrationChangesAreRecorded()
{
    QVERIFY(makeLoadedWindow());
    RegistrationsBrowser *browser = m_window->registrationsBrowser();
    const QString id = hubIds([](const Nh::Registration &) { return true; }).constFirst();
    m_window->showRegistrations();
    QVERIFY(browser->selectRegistration(id));
    QAction *remove = m_window->findChild<QAction *>(u"deleteRegistrationAction"_s);
    QCOMPARE(remove->shortcut(), QKeySequence(QKeySequence::Delete));
    remove->trigger();
    auto *box = browser->findChild<QMessageBox *>(u"confirmDelete"_s);
    QVERIFY(box);
    box->button(QMessageBox::Yes)->click();
    QTRY_VERIFY_WITH_TIMEOUT(!hub().registrations.contains(id), 15000);
    // The delete is in the history as a send would be; the listings before it are not.
    const QList<Nh::HistorySummary> stored = storedExchanges(1);
    QCOMPARE(stored.size(), 1);
    QCOMPARE(stored.first().operation, u"registrations.delete"_s);
    QCOMPARE(stored.first().source, u"gui"_s);
    QCOMPARE(stored.first().profileId, Nh::kEmulatorProfileId.toString(QUuid::WithoutBraces));
    QTRY_COMPARE_WITH_TIMEOUT(m_window->historyPanel()->rowCount(), 1, 15000);
}

void TestMainWindow::switchingProfileRefreshesHubViews()
{
    const Nh::Profile other = m_harness->addEmulatorProfile(u"Second hub"_s, u"otherHub"_s);
    Nh::Registration only;
    only.platform = Nh::Platform::FcmV1;
    only.handle = u"other-token"_s;
    only.tags = {u"sports"_s};
    only.registrationId = Nh::EmulatorState::newRegistrationId();
    only.etag = 1;
    m_harness->emulator.state().putRegistration(hub(u"otherHub"_s), only);
    QVERIFY(makeLoadedWindow());
    RegistrationsBrowser *browser = m_window->registrationsBrowser();
    ReachPreview *reach = m_window->reachPreview();
    QVERIFY(browser->model()->rowCount() > 1);

    m_window->activateProfile(other.id);
    // What belonged to the first hub is gone at once...
    QVERIFY(
        browser->model()->rowOf(hubIds([](const Nh::Registration &) { return true; }).constFirst())
        < 0);
    QCOMPARE(reach->fetchedCount(), -1);
    // ...and both read the new hub.
    QTRY_COMPARE_WITH_TIMEOUT(modelIds(browser->model()), QStringList {only.registrationId}, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(reach->fetchedCount(), 1, 15000);
    m_window->composer()->setFormat(Nh::Format::FcmV1);
    m_window->composer()->setTargetKind(Nh::TargetKind::Tags);
    m_window->composer()->setTagExpression(u"sports"_s);
    QTRY_COMPARE(modelIds(reach->model()), QStringList {only.registrationId});
    QVERIFY(browser->errorText().isEmpty());
}

Nh::Result<Nh::Profile> TestMainWindow::addKeylessHubProfile()
{
    Nh::Profile p;
    p.name = u"Hub without key"_s;
    p.kind = Nh::ProfileKind::Hub;
    p.host = u"127.0.0.1"_s;
    p.port = m_harness->emulator.port();
    p.hub = UiHarness::kOtherHub.toString();
    p.keyName = u"DefaultFullSharedAccessSignature"_s;
    return m_harness->profiles->add(p);
}

void TestMainWindow::profileWithoutKeyShowsNotConnected()
{
    const auto added = addKeylessHubProfile();
    QVERIFY(added);
    QVERIFY(makeLoadedWindow());
    RegistrationsBrowser *browser = m_window->registrationsBrowser();
    ReachPreview *reach = m_window->reachPreview();
    QSignalSpy activated(m_window.get(), &MainWindow::profileActivated);
    const qsizetype lists = operations(u"registrations.list"_s);
    m_window->activateProfile(added.value().id);
    QVERIFY(activated.wait(15000));
    QCOMPARE(activated.first().at(1).toBool(), false);

    // A plain note in each, no rows of the previous hub, no failures.
    QCOMPARE(browser->model()->rowCount(), 0);
    QVERIFY2(browser->errorText().startsWith(u"Not connected"_s), qPrintable(browser->errorText()));
    QVERIFY(!browser->refreshAction()->isEnabled());
    QCOMPARE(reach->fetchedCount(), -1);
    QCOMPARE(reach->model()->rowCount(), 0);
    QVERIFY2(reach->errorText().isEmpty(), qPrintable(reach->errorText()));
    QVERIFY2(reach->summaryText().startsWith(u"Not connected"_s), qPrintable(reach->summaryText()));
    // The composer keeps what it holds, but offers no Send and says why (not "Ready").
    QVERIFY(!child<QPushButton>(u"sendButton"_s)->isEnabled());
    QVERIFY(!m_window->composer()->sendAction()->isEnabled());
    const QString composerStatus = child<QLabel>(u"sendStatus"_s)->text();
    QVERIFY2(composerStatus.contains(u"Not connected"_s) && composerStatus.contains(added->name),
             qPrintable(composerStatus));
    // F5 asks nothing of the old connection.
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    m_window->showRegistrations();
    QTest::keyClick(browser->table(), Qt::Key_F5);
    reach->refresh();
    QVERIFY2(m_window->statusBar()->currentMessage().contains(u"not connected"_s),
             qPrintable(m_window->statusBar()->currentMessage()));
    QCOMPARE(operations(u"registrations.list"_s), lists);
    QVERIFY(!reach->isFetching());
    QVERIFY(!browser->model()->isLoading());
    // The banner's long keychain sentence is shown whole, not cut at the bottom.
    auto *banner = child<QFrame>(u"emulatorBanner"_s);
    QCoreApplication::processEvents();
    QVERIFY2(banner->height() >= banner->heightForWidth(banner->width()),
             qPrintable(
                 u"%1 < %2"_s.arg(banner->height()).arg(banner->heightForWidth(banner->width()))));
}

void TestMainWindow::windowStateRestoresRegistrationsDock()
{
    makeWindow();
    m_window->showRegistrations();
    auto *split = child<QSplitter>(u"registrationsSplitter"_s);
    QTRY_VERIFY(split->isVisible());
    const int total = split->sizes().value(0) + split->sizes().value(1);
    QVERIFY(total > 100);
    split->setSizes({total / 4, total - total / 4});
    const QList<int> wanted = split->sizes();
    QHeaderView *header = m_window->registrationsBrowser()->table()->horizontalHeader();
    const int platformWidth = header->sectionSize(0) + 37;
    header->resizeSection(0, platformWidth);
    m_window->close();
    m_window.reset();
    makeWindow();
    QCOMPARE(child<QSplitter>(u"registrationsSplitter"_s)->sizes(), wanted);
    QCOMPARE(m_window->registrationsBrowser()->table()->horizontalHeader()->sectionSize(0),
             platformWidth);

    // Floating stays floating.
    auto *dock = child<QDockWidget>(u"registrationsDock"_s);
    dock->setFloating(true);
    m_window->close();
    m_window.reset();
    makeWindow();
    dock = child<QDockWidget>(u"registrationsDock"_s);
    QVERIFY(dock->isFloating());
    // Closed stays closed.
    dock->close();
    m_window->close();
    m_window.reset();
    makeWindow();
    QVERIFY(child<QDockWidget>(u"registrationsDock"_s)->isHidden());
}

void TestMainWindow::escCancelsTheSendWhileTheBrowserLoads()
{
    QVERIFY(makeLoadedWindow());
    for (const QString &operation : {u"registrations.list"_s, u"send.test"_s}) {
        Nh::FaultRule rule;
        rule.operation = operation;
        rule.count = 1;
        rule.fault = *Nh::Fault::parse(u"stall"_s);
        m_harness->emulator.faults().add(rule);
    }
    RegistrationsBrowser *browser = m_window->registrationsBrowser();
    browser->refresh();
    QVERIFY(browser->model()->isLoading());
    QVERIFY(browser->cancelAction()->isEnabled());
    ComposerWidget *composer = m_window->composer();
    QSignalSpy finished(composer, &ComposerWidget::exchangeFinished);
    child<QPushButton>(u"sendButton"_s)->click();
    QVERIFY(composer->isSending());
    // Both can be cancelled; only one action answers Esc.
    int esc = 0;
    for (const QAction *a : m_window->findChildren<QAction *>()) {
        if (a->isEnabled() && a->shortcuts().contains(QKeySequence(Qt::Key_Escape)))
            ++esc;
    }
    QCOMPARE(esc, 1);
    QTest::failOnWarning(QRegularExpression(u"Ambiguous shortcut"_s));
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    m_window->showRegistrations();
    QTest::keyClick(browser->table(), Qt::Key_Escape);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
    QCOMPARE(finished.first().first().value<Nh::Exchange>().result, Nh::ExchangeResult::Cancelled);
    // The send done, Esc is the browser's again while it has the focus.
    QCOMPARE(browser->cancelAction()->shortcut(), QKeySequence(Qt::Key_Escape));
    QVERIFY(browser->model()->isLoading());
    QSignalSpy page(browser->model(), &Nh::RegistrationModel::pageFinished);
    m_window->showRegistrations();
    QVERIFY(browser->table()->hasFocus());
    QVERIFY(browser->cancelAction()->isEnabled());
    QTest::keyClick(browser->table(), Qt::Key_Escape);
    QTRY_COMPARE_WITH_TIMEOUT(page.size(), 1, 10000);
    QCOMPARE(page.first().first().value<Nh::Exchange>().result, Nh::ExchangeResult::Cancelled);
}

void TestMainWindow::publishScreenshot(const QString &path, const QString &name)
{
    const QString dir = qEnvironmentVariable("NH_SCREENSHOT_DIR");
    if (dir.isEmpty() || path.isEmpty())
        return;
    const QString target = dir + u'/' + name + u".png"_s;
    // The README's copies are kept small: the strongest PNG compression, then, while that is
    // not enough, fewer bits per channel (32, then 16 levels). Accent colours keep their hue,
    // which a 256-colour palette loses; flat UI colours move by a few steps at most.
    constexpr qint64 kMaxBytes = 300 * 1024;
    const QImage original = QImage(path).convertToFormat(QImage::Format_RGB32);
    QVERIFY2(original.save(target, "PNG", 0), qPrintable(target));
    for (const QRgb mask : {0xfff8f8f8U, 0xfff0f0f0U}) {
        if (QFileInfo(target).size() <= kMaxBytes)
            break;
        QImage image = original;
        for (int y = 0; y < image.height(); ++y) {
            auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
            for (int x = 0; x < image.width(); ++x)
                line[x] &= mask;
        }
        QVERIFY2(image.save(target, "PNG", 0), qPrintable(target));
    }
    QVERIFY2(QFileInfo(target).size() <= kMaxBytes,
             qPrintable(u"%1: %2 bytes"_s.arg(target).arg(QFileInfo(target).size())));
}

bool TestMainWindow::rowsFitted(QTableView *table)
{
    for (int row = 0; row < table->model()->rowCount(); ++row) {
        if (table->rowHeight(row) != static_cast<QAbstractItemView *>(table)->sizeHintForRow(row))
            return false;
    }
    return true;
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
    QTRY_COMPARE(m_window->historyPanel()->rowCount(), 1);
    // The composer folded, the header rows as tall as their wrapped values (issue #16).
    QTRY_VERIFY(m_window->composerFold()->strip()->isVisible());
    QTRY_VERIFY(rowsFitted(child<QTableView>(u"requestHeadersTable"_s)));
    QTRY_VERIFY(rowsFitted(child<QTableView>(u"resultsTable"_s)));
    QString path = UiTest::saveScreenshot(m_window.get(), u"mainwindow-outcome"_s + suffix);
    QVERIFY(QFileInfo(path).size() > 10000);
    publishScreenshot(path, u"mainwindow"_s + suffix);

    // The send folded the composer (issue #16); its reach preview is part of the next picture,
    // and the dock is sized below it.
    m_window->composerFold()->unfold();
    QTRY_VERIFY(m_window->composer()->width() > 300);
    // The Registrations dock in front, one registration's details open.
    RegistrationsBrowser *browser = m_window->registrationsBrowser();
    m_window->showRegistrations();
    // Tall enough for the details pane, as someone browsing would drag it.
    auto *historyDock = child<QDockWidget>(u"historyDock"_s);
    const int historyHeight = historyDock->height();
    m_window->resizeDocks({child<QDockWidget>(u"registrationsDock"_s)}, {330}, Qt::Vertical);
    QTRY_VERIFY_WITH_TIMEOUT(browser->model()->rowCount() > 3 && !browser->model()->isLoading(),
                             15000);
    // The send made the hub drop the registration with the refused handle: F5 shows that.
    m_window->refreshFocusedView();
    QTRY_VERIFY_WITH_TIMEOUT(browser->model()->rowCount() > 3 && !browser->model()->isLoading(),
                             15000);
    browser->table()->selectRow(1);
    QTRY_VERIFY2_WITH_TIMEOUT(
        !browser->detailsXml().isEmpty() && !browser->detailsXml().startsWith(u"Loading"_s),
        qPrintable(browser->errorText() + u" | "_s + browser->detailsXml()), 15000);
    m_window->composer()->showPage(m_window->reachPreview());
    QTRY_VERIFY_WITH_TIMEOUT(m_window->reachPreview()->reachedCount() > 0, 15000);
    QTRY_VERIFY(rowsFitted(child<QTableView>(u"requestHeadersTable"_s)));
    QTRY_VERIFY(rowsFitted(child<QTableView>(u"resultsTable"_s)));
    path = UiTest::saveScreenshot(m_window.get(), u"registrations"_s + suffix);
    QVERIFY(!path.isEmpty());
    publishScreenshot(path, u"registrations"_s + suffix);
    historyDock->raise();
    m_window->resizeDocks({historyDock}, {historyHeight}, Qt::Vertical);
    m_window->composer()->findChild<QTabWidget *>(u"composerTabs"_s)->setCurrentIndex(0);

    Nh::FaultRule rule;
    rule.operation = u"send.test"_s;
    rule.count = 1;
    rule.fault = *Nh::Fault::parse(u"status=401"_s);
    m_harness->emulator.faults().add(rule);
    QCOMPARE(sendAndWait().result, Nh::ExchangeResult::HubError);
    QTRY_COMPARE(m_window->historyPanel()->rowCount(), 2);
    path = UiTest::saveScreenshot(m_window.get(), u"mainwindow-error"_s + suffix);
    QVERIFY(!path.isEmpty());
    publishScreenshot(path, u"history"_s + suffix);

    child<PayloadEditor>(u"payloadEditor"_s)
        ->setPlainText(u"{\n  \"aps\": {\n    \"alert\": \"Hello\",\n  }\n}"_s);
    child<TagExpressionEdit>(u"tagExpressionEdit"_s)->setText(u"sports && (lang:en ||"_s);
    QTRY_VERIFY(!child<QPushButton>(u"sendButton"_s)->isEnabled());
    path = UiTest::saveScreenshot(m_window.get(), u"mainwindow-invalid"_s + suffix);
    QVERIFY(!path.isEmpty());
    publishScreenshot(path, u"composer-invalid"_s + suffix);

    // The history's compare view over the two sends.
    HistoryPanel *history = m_window->historyPanel();
    QTRY_COMPARE(history->rowCount(), 2);
    history->selectRows({0, 1});
    history->compareAction()->trigger();
    auto *compare = m_window->findChild<QDialog *>(u"compareDialog"_s);
    QVERIFY(compare);
    QTRY_VERIFY(compare->isVisible());
    path = UiTest::saveScreenshot(compare, u"compare"_s + suffix);
    QVERIFY(!path.isEmpty());
    publishScreenshot(path, u"compare"_s + suffix);
    compare->close();

    // A new profile with a broken connection string.
    m_window->newProfile();
    auto *dialog = m_window->findChild<ProfileDialog *>();
    QVERIFY(dialog);
    dialog->connectionStringEdit()->setText(
        u"Endpoint=sb://contoso.servicebus.windows.net/;SharedAccessKeyName=Full;"
        "SharedAcessKey=c2VjcmV0"_s);
    dialog->hubEdit()->setText(u"orders"_s);
    QTRY_VERIFY(dialog->isVisible());
    path = UiTest::saveScreenshot(dialog, u"profile-new-error"_s + suffix);
    QVERIFY(!path.isEmpty());
    publishScreenshot(path, u"profile-error"_s + suffix);
    dialog->reject();

    m_window->showSasInspector();
    auto *sas = m_window->findChild<SasInspector *>();
    QTRY_VERIFY(sas && sas->isVisible());
    path = UiTest::saveScreenshot(sas, u"sas-inspector"_s + suffix);
    QVERIFY(!path.isEmpty());
    publishScreenshot(path, u"sas-inspector"_s + suffix);
    sas->close();

    // A production profile: badge and banner.
    const Nh::Profile prod =
        m_harness->addEmulatorProfile(u"Contoso production"_s, u"otherHub"_s, true);
    m_window->activateProfile(prod.id);
    QTRY_VERIFY(m_window->isProfileReady());
    path = UiTest::saveScreenshot(m_window.get(), u"mainwindow-production"_s + suffix);
    QVERIFY(!path.isEmpty());
    UiTest::usePalette(UiTest::lightPalette());
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
