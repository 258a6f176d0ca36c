// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The Traffic dock (issue #20): the bundled emulator on its own thread as the GUI runs it, an
// outside client (the seed sample, a separate process) sending to it, and its exchanges appearing
// in the dock with their outcome; a broken request flagged on its row; filters, pause, history,
// curl; screenshots light and dark.

#include "client/requestlint.h"
#include "emulator/hubemulator.h"
#include "exchangeview.h"
#include "headersview.h"
#include "localemulator.h"
#include "models/trafficfiltermodel.h"
#include "models/trafficmodel.h"
#include "protocol/sastoken.h"
#include "store/historystore.h"
#include "threadedemulator.h"
#include "trafficdock.h"
#include "uitestsupport.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QToolButton>
#include <QTreeWidget>

using namespace Qt::Literals::StringLiterals;

class TestTrafficDock final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void seedSampleAppearsWithOutcome();
    void brokenRequestIsFlagged();
    void filtersPauseClear();
    void sendToHistoryAndCopyCurl();
    void followsAnotherEmulator();
    void screenshots();

private:
    /** A POST to messages signed like any SDK, from this process's own QNAM (not the dock's). */
    int postSend(const Nh::HttpHeaders &headers, const QByteArray &body, bool test = true);
    int sourceRowWhere(const std::function<bool(const Nh::TrafficRow &)> &match) const;

    QTemporaryDir m_dir;
    std::unique_ptr<ThreadedEmulator> m_emulator;
    std::unique_ptr<TrafficDock> m_dock;
    std::unique_ptr<Nh::HistoryStore> m_history;
    QNetworkAccessManager m_nam;
};

void TestTrafficDock::initTestCase()
{
    UiTest::usePalette(UiTest::lightPalette());
    QVERIFY(m_dir.isValid());
    m_emulator = std::make_unique<ThreadedEmulator>();
    QVERIFY(m_emulator->start(m_dir.filePath(u"cert"_s)));
    QVERIFY(m_emulator->emulator->thread() != QThread::currentThread());
    auto opened = Nh::HistoryStore::open(m_dir.filePath(u"history.sqlite"_s));
    QVERIFY(opened.ok());
    m_history = std::move(opened).value();
    m_dock = std::make_unique<TrafficDock>();
    m_dock->setEmulator(m_emulator->emulator);
    m_dock->setHistory(m_history.get());
    m_dock->setNetworkAccessManager(&m_nam);
    m_dock->resize(1200, 720);
    m_dock->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_dock.get()));
}

void TestTrafficDock::cleanupTestCase()
{
    m_dock.reset();
    m_history.reset();
    m_emulator.reset();
}

int TestTrafficDock::postSend(const Nh::HttpHeaders &headers, const QByteArray &body, bool test)
{
    const Nh::HubConnection c = LocalEmulator::connection(*m_emulator->emulator);
    QUrl url = c.connectionString.hubUrl(c.hub);
    url.setPath(url.path() + u"/messages"_s);
    url.setQuery(test ? u"api-version=2020-06&test"_s : u"api-version=2020-06"_s);
    QNetworkRequest request(url);
    const auto token =
        Nh::Sas::generateForHub(c.connectionString, c.hub, QDateTime::currentDateTimeUtc());
    request.setRawHeader("Authorization", token.header().toUtf8());
    request.setRawHeader("User-Agent", "broken-backend/0.1");
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.addCaCertificates(c.caCertificates);
    request.setSslConfiguration(tls);
    QNetworkReply *reply = m_nam.post(request, body);
    QSignalSpy done(reply, &QNetworkReply::finished);
    if (!done.wait(10000))
        return -1;
    reply->deleteLater();
    return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
}

int TestTrafficDock::sourceRowWhere(const std::function<bool(const Nh::TrafficRow &)> &match) const
{
    for (int i = m_dock->model()->rowCount() - 1; i >= 0; --i) {
        if (match(m_dock->model()->row(i)))
            return i;
    }
    return -1;
}

void TestTrafficDock::seedSampleAppearsWithOutcome()
{
    const QString seed = QString::fromUtf8(NH_SHARED_DIR) + u"/seed/run_sample.py"_s;
    if (!QFile::exists(seed)) {
        // The convention of tests/support/shared_dir.py: skip locally, fail under CI.
        if (qEnvironmentVariableIsSet("CI"))
            QFAIL(qPrintable(u"the seed sample is missing: %1"_s.arg(seed)));
        QSKIP(qPrintable(u"the seed sample is not here (%1)"_s.arg(seed)));
    }
    Nh::HubEmulator *emulator = m_emulator->emulator;
    QProcess sample;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"SSL_CERT_FILE"_s, emulator->certificatePath());
    env.insert(u"NO_PROXY"_s, u"localhost,127.0.0.1,::1"_s);
    env.insert(u"no_proxy"_s, u"localhost,127.0.0.1,::1"_s);
    env.insert(u"PYTHONDONTWRITEBYTECODE"_s, u"1"_s);
    sample.setProcessEnvironment(env);
    sample.setProcessChannelMode(QProcess::MergedChannels);
    const int before = m_dock->model()->rowCount();
    sample.start(u"python3"_s,
                 {seed, u"--connection-string"_s, emulator->connectionString().toString(),
                  u"--hub"_s, emulator->hubName(), u"--debug"_s});
    QVERIFY2(sample.waitForStarted(), qPrintable(sample.errorString()));
    QSignalSpy finished(&sample, &QProcess::finished);
    QVERIFY(finished.wait(60000));
    const QString output = QString::fromUtf8(sample.readAll());
    QVERIFY2(output.trimmed().endsWith(u"9 passed, 0 failed"_s), qPrintable(output));

    // Its nine sends show up, each a test send with its parsed outcome.
    QTRY_VERIFY_WITH_TIMEOUT(m_dock->model()->rowCount() >= before + 9, 10000);
    int withOutcome = 0;
    for (int i = before; i < m_dock->model()->rowCount(); ++i) {
        const Nh::TrafficRow &row = m_dock->model()->row(i);
        QCOMPARE(row.exchange.operation, u"send.test"_s);
        QCOMPARE(row.exchange.status, 201);
        if (row.exchange.outcome)
            ++withOutcome;
    }
    QCOMPARE(withOutcome, 9);
    // The sample's "apple" send carries {"data": …}, which APNs refuses (no "aps"): flagged,
    // though the hub took it.
    const int apple = sourceRowWhere([](const Nh::TrafficRow &r) {
        return Nh::headerValue(r.exchange.requestHeaders, "ServiceBusNotification-Format")
            == "apple";
    });
    QVERIFY(apple >= before);
    QCOMPARE(m_dock->model()->row(apple).flags.first().kind, Nh::RequestFlag::Kind::RefusedPayload);
    const int row = sourceRowWhere([](const Nh::TrafficRow &r) {
        return r.exchange.outcome && r.exchange.outcome->success > 0;
    });
    QVERIFY(row >= before);
    const QString outcome =
        m_dock->model()->index(row, Nh::TrafficModel::OutcomeColumn).data().toString();
    QVERIFY2(outcome.startsWith(u"Success "_s), qPrintable(outcome));

    // Selecting it shows the exchange in the exchange view, and the deliveries the send made
    // (none are recorded by an emulator that keeps no delivery records).
    QVERIFY(m_dock->selectSourceRow(row));
    QVERIFY(m_dock->exchangeView()->hasExchange());
    QCOMPARE(m_dock->exchangeView()->exchange().operation, u"send.test"_s);
    QVERIFY(m_dock->exchangeView()->exchange().outcome.has_value());
    // Another client's request: the note says the emulator received these headers, not that
    // nhconsole built them.
    HeadersView *headers = m_dock->exchangeView()->headersView();
    QVERIFY(headers->isForeignRequest());
    const auto *note = headers->findChild<QLabel *>(u"transportNote"_s);
    QVERIFY(note);
    QVERIFY2(note->text().contains(u"emulator received"_s), qPrintable(note->text()));
    QVERIFY(!note->text().contains(u"nhconsole built"_s));
    HeadersView own;
    const auto *ownNote = own.findChild<QLabel *>(u"transportNote"_s);
    QVERIFY(ownNote && ownNote->text().contains(u"nhconsole built"_s));
    const Nh::TrafficRow &selected = m_dock->model()->row(row);
    QCOMPARE(m_dock->deliveries()->topLevelItemCount(), int(selected.deliveries.size()));
}

void TestTrafficDock::brokenRequestIsFlagged()
{
    // No ServiceBusNotification-Format: the hub refuses it, and the row says why.
    QCOMPARE(postSend({{"Content-Type", "application/json"}}, R"({"msg":"hi"})"_ba), 400);
    int row = -1;
    QTRY_VERIFY((row = sourceRowWhere([](const Nh::TrafficRow &r) {
                     return r.client == u"broken-backend/0.1" && !r.flags.isEmpty();
                 }))
                >= 0);
    const Nh::TrafficRow &broken = m_dock->model()->row(row);
    QCOMPARE(broken.flags.first().kind, Nh::RequestFlag::Kind::MissingFormat);
    const QModelIndex proxy = m_dock->table()->model()->index(
        m_dock->filter()->mapFromSource(m_dock->model()->index(row, 0)).row(), 0);
    QVERIFY(proxy.isValid());
    QVERIFY(!proxy.data(Qt::DecorationRole).value<QIcon>().isNull());
    QVERIFY(proxy.data(Qt::ToolTipRole).toString().contains(u"ServiceBusNotification-Format"_s));
    QCOMPARE(proxy.data(Nh::TrafficModel::FlagSeverityRole).toInt(),
             int(Nh::RequestFlag::Severity::Problem));
    QVERIFY(m_dock->selectSourceRow(row));
    QVERIFY(m_dock->flagsLabel()->isVisible());
    QVERIFY(m_dock->flagsLabel()->text().contains(u"ServiceBusNotification-Format"_s));
    QCOMPARE(m_dock->exchangeView()->exchange().status, 400);
}

void TestTrafficDock::filtersPauseClear()
{
    Nh::TrafficFilterModel *filter = m_dock->filter();
    auto *client = m_dock->findChild<QLineEdit *>(u"trafficClientFilter"_s);
    QVERIFY(client);
    QTest::keyClicks(client, u"broken"_s);
    QCOMPARE(filter->rowCount(), 1);
    client->clear();
    auto *status = m_dock->findChild<QLineEdit *>(u"trafficStatusFilter"_s);
    QTest::keyClicks(status, u"20"_s);
    QVERIFY(filter->rowCount() >= 9);
    status->clear();
    m_dock->findChild<QCheckBox *>(u"trafficFlaggedOnly"_s)->setChecked(true);
    int flagged = 0;
    for (int i = 0; i < m_dock->model()->rowCount(); ++i)
        flagged += m_dock->model()->row(i).flags.isEmpty() ? 0 : 1;
    QVERIFY(flagged >= 2);
    QCOMPARE(filter->rowCount(), flagged);
    m_dock->findChild<QCheckBox *>(u"trafficFlaggedOnly"_s)->setChecked(false);

    // Paused, new exchanges are held back; resumed, they show.
    const int rows = m_dock->model()->rowCount();
    m_dock->findChild<QToolButton *>(u"trafficPause"_s)->click();
    QVERIFY(m_dock->model()->isPaused());
    QCOMPARE(postSend({{"ServiceBusNotification-Format", "template"}}, R"({"msg":"x"})"_ba), 201);
    QTRY_COMPARE(m_dock->model()->pendingCount(), 1);
    QTRY_VERIFY(m_dock->findChild<QLabel *>(u"trafficCount"_s)->text().endsWith(u"1 held"_s));
    QCOMPARE(m_dock->model()->rowCount(), rows);
    m_dock->findChild<QToolButton *>(u"trafficPause"_s)->click();
    QTRY_COMPARE(m_dock->model()->rowCount(), rows + 1);
}

void TestTrafficDock::sendToHistoryAndCopyCurl()
{
    const int row =
        sourceRowWhere([](const Nh::TrafficRow &r) { return r.exchange.outcome.has_value(); });
    QVERIFY(row >= 0);
    QVERIFY(m_dock->selectSourceRow(row));
    QSignalSpy written(m_history.get(), &Nh::HistoryStore::written);
    QSignalSpy message(m_dock.get(), &TrafficDock::message);
    m_dock->findChild<QToolButton *>(u"trafficSendToHistory"_s)->click();
    QVERIFY(written.wait());
    QCOMPARE(written.count(), 1);
    m_dock->findChild<QToolButton *>(u"trafficCopyCurl"_s)->click();
    const QString curl = QApplication::clipboard()->text();
    QVERIFY2(curl.startsWith(u"curl"_s), qPrintable(curl));
    QVERIFY(curl.contains(u"ServiceBusNotification-Format"_s));
    QVERIFY(curl.contains(u"/messages"_s));
    QVERIFY(!curl.contains(u"sig="_s) || curl.contains(u"NH_SAS_TOKEN"_s));
    QCOMPARE(message.count(), 2);
}

void TestTrafficDock::followsAnotherEmulator()
{
    // The emulator's traffic stream (GET /$emulator/traffic), as for an nhemulator started
    // elsewhere: the dock says it follows it, and the stream's exchanges arrive as rows of
    // that origin.
    Nh::HubEmulator *emulator = m_emulator->emulator;
    const QUrl origin(u"https://127.0.0.1:%1"_s.arg(emulator->port()));
    m_dock->followRemote(origin, {emulator->certificate()});
    auto *follow = m_dock->findChild<QPushButton *>(u"trafficFollowRemote"_s);
    QVERIFY(follow->isChecked());
    QTRY_VERIFY2(m_dock->remoteStatus()->text().startsWith(u"Following"_s),
                 qPrintable(m_dock->remoteStatus()->text()));
    QCOMPARE(postSend({{"ServiceBusNotification-Format", "gcm"}}, R"({"data":{"m":"1"}})", true),
             201);
    QTRY_VERIFY(sourceRowWhere([&origin](const Nh::TrafficRow &r) { return r.origin == origin; })
                >= 0);
    follow->click();
    QVERIFY(!follow->isChecked());
    QVERIFY(m_dock->remoteStatus()->text().isEmpty());
}

void TestTrafficDock::screenshots()
{
    // Rows with outcomes and the flagged one, the flagged one selected.
    const int row = sourceRowWhere([](const Nh::TrafficRow &r) { return !r.flags.isEmpty(); });
    QVERIFY(row >= 0);
    QTableView *table = m_dock->table();
    for (const bool dark : {false, true}) {
        const QPalette palette = dark ? UiTest::darkPalette() : UiTest::lightPalette();
        UiTest::usePalette(palette);
        QTRY_COMPARE(m_dock->table()->palette().color(QPalette::Base),
                     palette.color(QPalette::Base));
        // The style's polish may change the layout: select (and so scroll) after it.
        QVERIFY(m_dock->selectSourceRow(row));
        QTRY_VERIFY(table->viewport()->rect().contains(table->visualRect(table->currentIndex())));
        const QString suffix = dark ? u"dark"_s : u"light"_s;
        QVERIFY(!UiTest::saveScreenshot(m_dock.get(), u"trafficdock-"_s + suffix).isEmpty());
    }
    UiTest::usePalette(UiTest::lightPalette());
}

QTEST_MAIN(TestTrafficDock)
#include "tst_trafficdock.moc"
