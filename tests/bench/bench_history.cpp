// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// History at scale (issue #6): fills a history file with 100k exchanges through the store's own
// writer (HistoryStore::add(), as the GUI and nhcli write), then times what a user waits for:
// opening the model (its own reader + the first page, i.e. rowCount() ready), a filter by tag
// and a free-text search (each a model refresh to its first page). Each is printed as a ratio
// to a plain `SELECT count(*) FROM exchanges` on a fresh connection to the same file, measured
// in the same run (median of several repetitions), and in milliseconds. The counts each case
// finds are checked against what was written; a wrong answer exits 1, so a fast wrong result
// cannot pass for a fast one.
// NH_BENCH_QUICK=1 (set by ctest) writes 2000 exchanges.
//
// First, the history's write cost (issue #18): the CPU time (process, every thread) per exchange
// of HistoryStore::add() until written() (redaction, encoding, the INSERT, the tag rows, the
// full-text index, the commits), with and without the full-text index, each as a ratio to a
// baseline measured in the same run: the same rows, encoded beforehand, stored by one prepared
// INSERT reused in transactions of 500 into a table without indexes, on the same pragmas.

#include "benchsupport.h"
#include "models/historymodel.h"
#include "store/history/historyconnection.h"
#include "store/history/historyrowcodec.h"
#include "store/historystore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTimer>
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <functional>
#include <memory>

using namespace Qt::Literals::StringLiterals;

namespace {

using Bench::fail;
using Bench::median;

constexpr int kRepetitions = 7;
/** Writes kept queued at once while filling (the writer commits in batches of its own). */
constexpr int kMaxQueued = 4000;
/** The tag one exchange in kUserCount carries; the free-text word one in kRefundEvery. */
constexpr int kUserCount = 500;
constexpr int kRefundEvery = 100;
const QString kTag = u"user:17"_s;
const QString kWord = u"refund"_s;

const char *const kFormats[] = {"apple", "gcm", "template", "windows"};

Nh::Exchange exchange(int i, const QDateTime &start)
{
    Nh::Exchange e;
    e.operation = u"send.test"_s;
    e.hub = u"myhub"_s;
    e.started = start.addMSecs(qint64(i) * 250);
    e.method = "POST";
    e.url =
        QUrl(u"https://contoso.servicebus.windows.net/myhub/messages?api-version=2020-06&test"_s);
    const QByteArray tags =
        "user:" + QByteArray::number(i % kUserCount) + (i % 2 ? " && sports"_ba : " || news"_ba);
    e.requestHeaders = {
        {"ServiceBusNotification-Format", kFormats[i % 4]},
        {"ServiceBusNotification-Tags", tags},
        {"Content-Type", "application/json;charset=utf-8"},
    };
    const QByteArray word = i % kRefundEvery == 3 ? "refund"_ba : "order"_ba;
    e.requestBody = "{\"aps\":{\"alert\":{\"title\":\"" + word + " update\",\"body\":\"Your " + word
        + " #" + QByteArray::number(i)
        + " has shipped\"}},\"orderId\":" + QByteArray::number(i * 7919) + "}";
    const bool failed = i % 37 == 0;
    e.status = failed ? 400 : 201;
    e.reasonPhrase = failed ? "Bad Request" : "Created";
    e.responseHeaders = {{"TrackingId", QUuid::createUuid().toByteArray(QUuid::WithoutBraces)}};
    e.responseBody = failed
        ? "<Error><Code>400</Code><Detail>The payload is invalid.</Detail></Error>"_ba
        : "<NotificationOutcome><Success>1</Success><Failure>0</Failure>"
          "</NotificationOutcome>"_ba;
    e.totalMs = 40 + i % 300;
    e.result = failed ? Nh::ExchangeResult::HubError : Nh::ExchangeResult::Success;
    return e;
}

/** Runs the event loop until `done` or `timeoutMs`. */
bool spinUntil(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    while (!done()) {
        if (clock.elapsed() > timeoutMs)
            return false;
        QEventLoop loop;
        QTimer::singleShot(5, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return true;
}

/** Median of kRepetitions runs of `once`, ms; `prepare` (untimed) runs before each. */
double timeMedian(const std::function<void()> &once, const std::function<void()> &prepare = {})
{
    QList<double> ms;
    for (int i = 0; i < kRepetitions; ++i) {
        if (prepare)
            prepare();
        QElapsedTimer t;
        t.start();
        once();
        ms.append(double(t.nsecsElapsed()) / 1e6);
    }
    return median(ms);
}

/** CPU time of the whole process (every thread), ns. */
qint64 processCpuNs()
{
    timespec t {};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return qint64(t.tv_sec) * 1000000000 + t.tv_nsec;
}

Nh::HistoryContext contextFor(int i)
{
    Nh::HistoryContext context;
    context.profileId = i % 2 ? u"11111111-1111-4111-8111-111111111111"_s
                              : u"22222222-2222-4222-8222-222222222222"_s;
    context.profileName = i % 2 ? u"Contoso prod"_s : u"Contoso test"_s;
    context.source = u"bench"_s;
    context.format = u"apple"_s;
    context.targetKind = Nh::TargetKind::Tags;
    context.target = u"user:%1"_s.arg(i % kUserCount);
    return context;
}

struct WriteCost
{
    double cpuUsPerExchange = 0;
    double exchangesPerSecond = 0;
};

/** add() of `n` exchanges until every one is reported written; CPU per exchange. */
WriteCost addCost(const QString &path, int n, bool fullText)
{
    Nh::HistoryStore::Options options;
    options.fullTextSearch = fullText;
    auto opened = Nh::HistoryStore::open(path, options);
    if (!opened)
        fail(opened.error().message);
    std::unique_ptr<Nh::HistoryStore> store = std::move(opened).value();
    int written = 0;
    int failed = 0;
    QObject::connect(store.get(), &Nh::HistoryStore::written, [&written] { ++written; });
    QObject::connect(store.get(), &Nh::HistoryStore::writeFailed, [&failed] { ++failed; });
    const QDateTime start = QDateTime::currentDateTimeUtc().addDays(-1);
    QElapsedTimer wall;
    wall.start();
    const qint64 cpu0 = processCpuNs();
    for (int i = 0; i < n; ++i) {
        store->add(exchange(i, start), contextFor(i));
        if (store->pendingWrites() >= kMaxQueued)
            spinUntil([&] { return store->pendingWrites() < kMaxQueued / 2; }, 120000);
    }
    if (!spinUntil([&] { return written + failed == n; }, 600000))
        fail(u"the writer did not report every exchange within 10 minutes"_s);
    const qint64 cpu = processCpuNs() - cpu0;
    const double seconds = double(wall.nsecsElapsed()) / 1e9;
    if (failed)
        fail(u"%1 writes failed"_s.arg(failed));
    return {double(cpu) / 1000.0 / n, n / seconds};
}

/** The baseline: the same rows, encoded beforehand, one prepared INSERT, no index. */
WriteCost plainInsertCost(const QString &path, int n)
{
    const QString name = u"bench-plain-insert"_s;
    WriteCost cost;
    {
        if (auto opened = Nh::HistoryDb::openConnection(path, name, true); !opened)
            fail(opened.error().message);
        QSqlDatabase db = QSqlDatabase::database(name);
        QSqlQuery q(db);
        if (!q.exec(u"PRAGMA journal_mode=WAL"_s) || !q.exec(Nh::HistoryDb::createExchangesSql()))
            fail(q.lastError().text());
        const QDateTime start = QDateTime::currentDateTimeUtc().addDays(-1);
        QList<QVariantList> rows;
        rows.reserve(n);
        for (int i = 0; i < n; ++i) {
            rows.append(
                Nh::HistoryDb::bindValues(Nh::historyRecordFor(exchange(i, start), contextFor(i))));
        }
        QSqlQuery insert(db);
        if (!insert.prepare(Nh::HistoryDb::insertSql()))
            fail(insert.lastError().text());
        QElapsedTimer wall;
        wall.start();
        const qint64 cpu0 = processCpuNs();
        for (int i = 0; i < n; ++i) {
            if (i % 500 == 0 && !q.exec(u"BEGIN IMMEDIATE"_s))
                fail(q.lastError().text());
            const QVariantList &values = rows.at(i);
            for (qsizetype c = 0; c < values.size(); ++c)
                insert.bindValue(int(c), values.at(c));
            if (!insert.exec())
                fail(insert.lastError().text());
            if ((i % 500 == 499 || i == n - 1) && !q.exec(u"COMMIT"_s))
                fail(q.lastError().text());
        }
        const qint64 cpu = processCpuNs() - cpu0;
        cost = {double(cpu) / 1000.0 / n, n / (double(wall.nsecsElapsed()) / 1e9)};
    }
    Nh::HistoryDb::closeConnection(name);
    return cost;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const bool quick = qEnvironmentVariableIntValue("NH_BENCH_QUICK") == 1;
    const int total = quick ? 2000 : 100000;

    QTemporaryDir dir;
    if (!dir.isValid())
        fail(u"no temporary directory"_s);
    const QString path = dir.filePath(u"history.sqlite"_s);

    // --- the write cost: CPU per exchange, against a plain prepared INSERT ---
    {
        const int n = quick ? 2000 : 20000;
        const WriteCost plain = plainInsertCost(dir.filePath(u"plain.sqlite"_s), n);
        const WriteCost withFts = addCost(dir.filePath(u"cost-fts.sqlite"_s), n, true);
        const WriteCost withoutFts = addCost(dir.filePath(u"cost-nofts.sqlite"_s), n, false);
        std::printf("write cost, %d exchanges each (CPU of the whole process per exchange)\n", n);
        std::printf("%-52s %10s %12s %10s\n", "case", "CPU us", "exchanges/s", "x plain");
        const auto row = [&](const char *name, const WriteCost &c) {
            std::printf("%-52s %10.1f %12.0f %10.2f\n", name, c.cpuUsPerExchange,
                        c.exchangesPerSecond, c.cpuUsPerExchange / plain.cpuUsPerExchange);
        };
        row("plain prepared INSERT, no index (baseline)", plain);
        row("HistoryStore::add(), full-text index", withFts);
        row("HistoryStore::add(), no full-text index", withoutFts);
        std::printf("\n");
    }
    auto opened = Nh::HistoryStore::open(path);
    if (!opened)
        fail(opened.error().message);
    std::unique_ptr<Nh::HistoryStore> store = std::move(opened).value();
    if (!store->hasFullTextSearch())
        std::printf("note: this SQLite has no FTS5; free text falls back to LIKE\n");
    store->setRetention({0, 0});

    // --- fill through the store's writer thread ---
    int written = 0;
    int failedWrites = 0;
    QObject::connect(store.get(), &Nh::HistoryStore::written, [&written] { ++written; });
    QObject::connect(store.get(), &Nh::HistoryStore::writeFailed,
                     [&failedWrites] { ++failedWrites; });
    const QDateTime start = QDateTime::currentDateTimeUtc().addDays(-30);
    const QString profiles[] = {u"11111111-1111-4111-8111-111111111111"_s,
                                u"22222222-2222-4222-8222-222222222222"_s};
    int expectedTag = 0;
    int expectedWord = 0;
    QElapsedTimer fill;
    fill.start();
    for (int i = 0; i < total; ++i) {
        Nh::HistoryContext context;
        context.profileId = profiles[i % 2];
        context.profileName = i % 2 ? u"Contoso prod"_s : u"Contoso test"_s;
        context.source = u"bench"_s;
        store->add(exchange(i, start), context);
        expectedTag += i % kUserCount == 17 ? 1 : 0;
        expectedWord += i % kRefundEvery == 3 ? 1 : 0;
        if (store->pendingWrites() >= kMaxQueued)
            spinUntil([&] { return store->pendingWrites() < kMaxQueued / 2; }, 120000);
    }
    if (!spinUntil([&] { return written + failedWrites == total; }, 600000))
        fail(u"the writer did not report every exchange within 10 minutes"_s);
    const double fillMs = double(fill.nsecsElapsed()) / 1e6;
    if (failedWrites)
        fail(u"%1 writes failed"_s.arg(failedWrites));
    std::printf("filled %d exchanges through HistoryStore::add() in %.1f s (%.0f exchanges/s)\n",
                total, fillMs / 1000, total / (fillMs / 1000));
    std::printf("file: %.1f MB (+ %.1f MB write-ahead log)\n", double(QFileInfo(path).size()) / 1e6,
                double(QFileInfo(path + u"-wal"_s).size()) / 1e6);

    // --- the baseline: a plain count on a connection of its own ---
    qint64 counted = -1;
    int connection = 0;
    const double baselineMs = timeMedian([&] {
        const QString name = u"bench-baseline-%1"_s.arg(++connection);
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
            db.setDatabaseName(path);
            if (!db.open())
                fail(db.lastError().text());
            QSqlQuery q(db);
            if (!q.exec(u"SELECT count(*) FROM exchanges"_s) || !q.next())
                fail(q.lastError().text());
            counted = q.value(0).toLongLong();
        }
        QSqlDatabase::removeDatabase(name);
    });
    if (counted != total)
        fail(u"SELECT count(*) says %1, %2 were written"_s.arg(counted).arg(total));

    // --- opening the model: its own reader and the first page ---
    std::unique_ptr<Nh::HistoryModel> model;
    const double openMs = timeMedian(
        [&] {
            model = std::make_unique<Nh::HistoryModel>(store.get());
            if (model->rowCount() == 0)
                fail(u"the model opened empty: %1"_s.arg(model->error()));
        },
        [&] { model.reset(); });
    if (model->rowCount() != std::min(total, Nh::HistoryModel::kDefaultPageSize))
        fail(u"the model holds %1 rows at first, not one page"_s.arg(model->rowCount()));
    if (!model->canFetchMore({}))
        fail(u"the model says there is nothing more to fetch"_s);
    model->setPollInterval(0);

    // --- a filter by tag, a free-text search: the first page under the filter ---
    const auto timeFilter = [&](const Nh::HistoryFilter &filter) {
        return timeMedian([&] { model->setFilter(filter); }, [&] { model->setFilter({}); });
    };
    Nh::HistoryFilter byTag;
    byTag.tag = kTag;
    const double tagMs = timeFilter(byTag);
    const int tagRows = model->rowCount();
    const qint64 tagTotal = model->totalCount();
    Nh::HistoryFilter byText;
    byText.text = kWord;
    const double textMs = timeFilter(byText);
    const int textRows = model->rowCount();
    const qint64 textTotal = model->totalCount();

    if (tagTotal != expectedTag
        || tagRows != std::min(expectedTag, Nh::HistoryModel::kDefaultPageSize))
        fail(u"the tag filter found %1 (%2 shown); %3 carry %4"_s.arg(tagTotal)
                 .arg(tagRows)
                 .arg(expectedTag)
                 .arg(kTag));
    if (textTotal != expectedWord
        || textRows != std::min(expectedWord, Nh::HistoryModel::kDefaultPageSize))
        fail(u"the search found %1 (%2 shown); %3 hold \"%4\""_s.arg(textTotal)
                 .arg(textRows)
                 .arg(expectedWord)
                 .arg(kWord));
    for (int r = 0; r < textRows; ++r) {
        const auto rec = model->record(r);
        if (!rec || !rec->exchange.requestBody.contains(kWord.toUtf8()))
            fail(u"search row %1 does not hold the word"_s.arg(r));
    }

    std::printf("\n%-52s %10s %12s\n", "case (median of 7)", "ms", "x count(*)");
    const auto line = [&](const QString &name, double ms) {
        std::printf("%-52s %10.2f %12.1f\n", qPrintable(name), ms, ms / baselineMs);
    };
    line(u"SELECT count(*) (open + query + close)"_s, baselineMs);
    line(u"open model (reader + first page)"_s, openMs);
    line(u"filter by tag %1 (%2 rows)"_s.arg(kTag).arg(tagTotal), tagMs);
    line(u"free-text search \"%1\" (%2 rows, %3)"_s.arg(kWord).arg(textTotal).arg(
             store->hasFullTextSearch() ? u"FTS5"_s : u"LIKE"_s),
         textMs);
    model.reset();
    store.reset();
    return 0;
}
