// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// HistoryModel and HistoryFilterModel (issue #6) over a real HistoryStore file in a temporary
// directory, every model under QAbstractItemModelTester (Fatal) while rows arrive, pages are
// fetched, sorts and filters change, and rows are pinned, labelled and removed, by this store
// or by another connection to the same file.
#include "models/historyfiltermodel.h"
#include "models/historymodel.h"
#include "resultcheck.h"
#include "store/historystore.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace Qt::Literals::StringLiterals;
using namespace Nh;

Q_DECLARE_METATYPE(Nh::HistoryFilter)

namespace {

const QDateTime kT0 = QDateTime(QDate(2026, 3, 1), QTime(12, 0), Qt::UTC);

Exchange sendExchange(const QDateTime &started, const QByteArray &format, const QByteArray &tags,
                      qint64 totalMs = 42)
{
    Exchange e;
    e.operation = u"send.test"_s;
    e.hub = u"myhub"_s;
    e.started = started;
    e.method = "POST";
    e.url = QUrl(u"https://ns.servicebus.windows.net/myhub/messages?api-version=2020-06&test"_s);
    e.requestHeaders = {{"ServiceBusNotification-Format", format},
                        {"Content-Type", "application/json;charset=utf-8"}};
    if (!tags.isEmpty())
        e.requestHeaders.append({"ServiceBusNotification-Tags"_ba, tags});
    e.requestBody = "{\"aps\":{\"alert\":\"hello\"}}";
    e.status = 201;
    e.reasonPhrase = "Created";
    e.result = ExchangeResult::Success;
    e.totalMs = totalMs;
    return e;
}

HistoryContext context(const QString &profile)
{
    HistoryContext c;
    c.profileId = profile;
    c.profileName = u"Profile "_s + profile;
    c.source = u"test"_s;
    return c;
}

/** Adds and waits until the store reports every exchange committed (its written() signals,
 *  which the models follow, are then delivered). */
bool addAll(HistoryStore &store, const QList<QPair<Exchange, HistoryContext>> &items)
{
    QSignalSpy written(&store, &HistoryStore::written);
    for (const auto &[e, c] : items)
        store.add(e, c);
    return QTest::qWaitFor([&] { return written.size() >= items.size(); }, 10000);
}

QList<QUuid> idsOf(const QAbstractItemModel &model)
{
    QList<QUuid> ids;
    for (int r = 0; r < model.rowCount(); ++r)
        ids << model.index(r, 0).data(HistoryModel::ExchangeIdRole).toUuid();
    return ids;
}

} // namespace

class TestHistoryModel final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void rowsArriveAsTheyAreWritten();
    void fetchesLazily();
    void defaultPageOnALargerHistory();
    void sorts_data();
    void sorts();
    void filters_data();
    void filters();
    void pinAndLabel();
    void removes();
    void picksUpOtherConnections();
    void showsTheColumns();
    void unreadableFile();

private:
    /** The six exchanges of the filter fixture, named "a" … "f" (oldest first). */
    void writeFixture();
    QStringList namesOf(const QAbstractItemModel &model) const;

    QTemporaryDir m_dir;
    std::unique_ptr<HistoryStore> m_store;
    QHash<QUuid, QString> m_names;
};

void TestHistoryModel::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

void TestHistoryModel::init()
{
    static int n = 0;
    auto opened = HistoryStore::open(m_dir.filePath(u"history-%1.sqlite"_s.arg(++n)));
    NH_VERIFY_OK(opened);
    m_store = std::move(opened).value();
    m_names.clear();
}

void TestHistoryModel::cleanup()
{
    m_store.reset();
}

QStringList TestHistoryModel::namesOf(const QAbstractItemModel &model) const
{
    QStringList names;
    for (const QUuid &id : idsOf(model))
        names << m_names.value(id, u"?"_s);
    return names;
}

void TestHistoryModel::writeFixture()
{
    Exchange a = sendExchange(kT0.addSecs(-3 * 3600), "apple", "sports && news", 300);
    Exchange b = sendExchange(kT0.addSecs(-2 * 3600), "fcmv1", "sports", 20);
    b.status = 401;
    b.reasonPhrase = "Unauthorized";
    b.responseBody = "<Error><Code>401</Code><Detail>Unauthorized: Invalid token</Detail></Error>";
    b.result = ExchangeResult::HubError;
    Exchange c = sendExchange(kT0.addSecs(-3600), "template", "user:42 || vip", 100);
    c.result = ExchangeResult::NoTargets;
    Exchange d = sendExchange(kT0.addSecs(-1800), "apple", {}, 5);
    d.requestHeaders.append({"ServiceBusNotification-DeviceHandle"_ba, "ABCDEF0123"_ba});
    d.operation = u"send.direct"_s;
    d.status = 0;
    d.reasonPhrase.clear();
    d.result = ExchangeResult::TransportError;
    d.errorSentence = u"Connection refused by 127.0.0.1 port 8443"_s;
    Exchange e = sendExchange(kT0.addSecs(-600), "apple", "news", 200);
    e.requestBody = "{\"aps\":{\"alert\":\"Breaking: zebra crossing\"}}";
    Exchange f = sendExchange(kT0, "windows", "news", 1);
    const QList<std::pair<QString, Exchange>> named {{u"a"_s, a}, {u"b"_s, b}, {u"c"_s, c},
                                                     {u"d"_s, d}, {u"e"_s, e}, {u"f"_s, f}};
    QList<QPair<Exchange, HistoryContext>> items;
    for (const auto &[name, ex] : named) {
        m_names.insert(ex.id, name);
        items.append({ex, context(name == u"c"_s || name == u"d"_s ? u"P2"_s : u"P1"_s)});
    }
    QVERIFY(addAll(*m_store, items));
}

void TestHistoryModel::rowsArriveAsTheyAreWritten()
{
    HistoryModel model(m_store.get());
    model.setPollInterval(0);
    HistoryFilterModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester sourceTester(&model,
                                          QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester proxyTester(&proxy,
                                         QAbstractItemModelTester::FailureReportingMode::Fatal);
    QVERIFY2(model.error().isEmpty(), qPrintable(model.error()));
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.canFetchMore({}));

    // Newest first; each row appears when its write is committed.
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QList<QUuid> expected;
    for (int i = 0; i < 5; ++i) {
        const Exchange e = sendExchange(kT0.addSecs(i * 60), "apple", "sports");
        QVERIFY(addAll(*m_store, {{e, context(u"P1"_s)}}));
        expected.prepend(e.id);
        QCOMPARE(idsOf(model), expected);
        QCOMPARE(inserted.size(), i + 1);
    }
    // An older one goes to its place, not the top.
    const Exchange old = sendExchange(kT0.addSecs(90), "apple", "sports");
    QVERIFY(addAll(*m_store, {{old, context(u"P1"_s)}}));
    expected.insert(3, old.id);
    QCOMPARE(idsOf(model), expected);
    QCOMPARE(idsOf(proxy), expected);

    // Under a filter, only what passes it arrives (in the model and the proxy).
    proxy.setFormat(u"gcm"_s);
    QCOMPARE(proxy.rowCount(), 0);
    QCOMPARE(model.rowCount(), 0);
    const Exchange apple = sendExchange(kT0.addSecs(600), "apple", "sports");
    const Exchange gcm = sendExchange(kT0.addSecs(660), "gcm", "sports");
    QVERIFY(addAll(*m_store, {{apple, context(u"P1"_s)}, {gcm, context(u"P1"_s)}}));
    QCOMPARE(idsOf(proxy), QList<QUuid> {gcm.id});
    QCOMPARE(model.totalCount(), 1);
    proxy.setFormat({});
    QCOMPARE(model.totalCount(), 8);
    QCOMPARE(idsOf(proxy).first(), gcm.id);
    QCOMPARE(idsOf(proxy).at(1), apple.id);
}

void TestHistoryModel::fetchesLazily()
{
    QList<QPair<Exchange, HistoryContext>> items;
    for (int i = 0; i < 25; ++i)
        items.append({sendExchange(kT0.addSecs(i), "apple", "sports", i), context(u"P1"_s)});
    QVERIFY(addAll(*m_store, items));

    HistoryModel model(m_store.get());
    model.setPollInterval(0);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setPageSize(10);
    model.refresh();
    QCOMPARE(model.rowCount(), 10);
    QCOMPARE(model.totalCount(), 25);
    QVERIFY(model.canFetchMore({}));
    model.fetchMore({});
    QCOMPARE(model.rowCount(), 20);
    QVERIFY(model.canFetchMore({}));

    // While not at the end, a write that sorts past the fetched rows waits for its page.
    const Exchange oldest = sendExchange(kT0.addSecs(-100), "apple", "sports");
    QVERIFY(addAll(*m_store, {{oldest, context(u"P1"_s)}}));
    QCOMPARE(model.rowCount(), 20);
    QCOMPARE(model.rowOf(oldest.id), -1);
    // One that sorts among them comes at once.
    const Exchange newest = sendExchange(kT0.addSecs(100), "apple", "sports");
    QVERIFY(addAll(*m_store, {{newest, context(u"P1"_s)}}));
    QCOMPARE(model.rowCount(), 21);
    QCOMPARE(model.rowOf(newest.id), 0);

    model.fetchMore({});
    QCOMPARE(model.rowCount(), 27);
    QVERIFY(!model.canFetchMore({}));
    QCOMPARE(model.rowOf(oldest.id), 26);
    // Strictly newest first, nothing twice.
    QSet<QUuid> seen;
    for (int r = 0; r < model.rowCount(); ++r) {
        QVERIFY(!seen.contains(model.summary(r).id));
        seen.insert(model.summary(r).id);
        if (r > 0)
            QVERIFY(model.summary(r - 1).started > model.summary(r).started);
    }
    model.fetchMore({}); // at the end: nothing happens
    QCOMPARE(model.rowCount(), 27);
    QVERIFY(!model.canFetchMore(model.index(0, 0)));
}

void TestHistoryModel::defaultPageOnALargerHistory()
{
    const int n = HistoryModel::kDefaultPageSize + 50;
    QList<QPair<Exchange, HistoryContext>> items;
    for (int i = 0; i < n; ++i)
        items.append({sendExchange(kT0.addSecs(i), "apple", "sports"), context(u"P1"_s)});
    QVERIFY(addAll(*m_store, items));
    HistoryModel model(m_store.get());
    // Only one page is read at first.
    QCOMPARE(model.rowCount(), HistoryModel::kDefaultPageSize);
    QVERIFY(model.canFetchMore({}));
    QCOMPARE(model.totalCount(), n);
    QCOMPARE(model.summary(0).id, items.last().first.id);
    // The tester asks for more itself, as a view scrolled to the end does.
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.fetchMore({});
    QCOMPARE(model.rowCount(), n);
    QVERIFY(!model.canFetchMore({}));
}

void TestHistoryModel::sorts_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<int>("order");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("time, newest first (default)")
        << int(HistoryModel::Time) << int(Qt::DescendingOrder)
        << QStringList {u"f"_s, u"e"_s, u"d"_s, u"c"_s, u"b"_s, u"a"_s};
    QTest::newRow("time, oldest first")
        << int(HistoryModel::Time) << int(Qt::AscendingOrder)
        << QStringList {u"a"_s, u"b"_s, u"c"_s, u"d"_s, u"e"_s, u"f"_s};
    QTest::newRow("elapsed, shortest first")
        << int(HistoryModel::Elapsed) << int(Qt::AscendingOrder)
        << QStringList {u"f"_s, u"d"_s, u"b"_s, u"c"_s, u"e"_s, u"a"_s};
    QTest::newRow("elapsed, longest first")
        << int(HistoryModel::Elapsed) << int(Qt::DescendingOrder)
        << QStringList {u"a"_s, u"e"_s, u"c"_s, u"b"_s, u"d"_s, u"f"_s};
    // Ties (a, d, e are apple) are broken by row id in the same direction.
    QTest::newRow("format") << int(HistoryModel::Format) << int(Qt::AscendingOrder)
                            << QStringList {u"a"_s, u"d"_s, u"e"_s, u"b"_s, u"c"_s, u"f"_s};
    QTest::newRow("profile, descending")
        << int(HistoryModel::Profile) << int(Qt::DescendingOrder)
        << QStringList {u"d"_s, u"c"_s, u"f"_s, u"e"_s, u"b"_s, u"a"_s};
}

void TestHistoryModel::sorts()
{
    QFETCH(int, column);
    QFETCH(int, order);
    QFETCH(QStringList, expected);
    writeFixture();

    HistoryModel model(m_store.get());
    model.setPollInterval(0);
    HistoryFilterModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester sourceTester(&model,
                                          QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester proxyTester(&proxy,
                                         QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setPageSize(4); // the sort covers the whole history, not the fetched page
    model.refresh();
    proxy.sort(column, Qt::SortOrder(order));
    QCOMPARE(model.historySort().key, HistoryModel::sortKeyFor(column));
    QCOMPARE(model.historySort().order, Qt::SortOrder(order));
    // The page holds the first rows of the whole order (the testers may have fetched more).
    QVERIFY(model.rowCount() >= 4);
    QCOMPARE(namesOf(proxy), expected.first(proxy.rowCount()));
    while (model.canFetchMore({}))
        model.fetchMore({});
    QCOMPARE(namesOf(model), expected);
    QCOMPARE(namesOf(proxy), expected);
}

void TestHistoryModel::filters_data()
{
    QTest::addColumn<HistoryFilter>("filter");
    QTest::addColumn<QStringList>("expected");

    const auto make = [](auto change) {
        HistoryFilter f;
        change(f);
        return f;
    };
    QTest::newRow("none") << HistoryFilter()
                          << QStringList {u"f"_s, u"e"_s, u"d"_s, u"c"_s, u"b"_s, u"a"_s};
    QTest::newRow("profile") << make([](HistoryFilter &f) { f.profileId = u"P2"_s; })
                             << QStringList {u"d"_s, u"c"_s};
    QTest::newRow("time range") << make([](HistoryFilter &f) {
        f.from = kT0.addSecs(-2 * 3600);
        f.to = kT0.addSecs(-1800);
    }) << QStringList {u"c"_s, u"b"_s};
    QTest::newRow("format") << make([](HistoryFilter &f) { f.format = u"Apple"_s; })
                            << QStringList {u"e"_s, u"d"_s, u"a"_s};
    QTest::newRow("tag") << make([](HistoryFilter &f) { f.tag = u"news"_s; })
                         << QStringList {u"f"_s, u"e"_s, u"a"_s};
    QTest::newRow("tag with a colon")
        << make([](HistoryFilter &f) { f.tag = u"user:42"_s; }) << QStringList {u"c"_s};
    QTest::newRow("status failure")
        << make([](HistoryFilter &f) { f.statuses = HistoryStatus::Failure; })
        << QStringList {u"b"_s};
    QTest::newRow("status error or no targets") << make([](HistoryFilter &f) {
        f.statuses = HistoryStatus::Error | HistoryStatus::NoTargets;
    }) << QStringList {u"d"_s, u"c"_s};
    QTest::newRow("free text in a body")
        << make([](HistoryFilter &f) { f.text = u"zebra"_s; }) << QStringList {u"e"_s};
    QTest::newRow("free text in the error")
        << make([](HistoryFilter &f) { f.text = u"refused"_s; }) << QStringList {u"d"_s};
    QTest::newRow("text and profile") << make([](HistoryFilter &f) {
        f.text = u"unauthorized"_s;
        f.profileId = u"P1"_s;
    }) << QStringList {u"b"_s};
    QTest::newRow("nothing matches") << make([](HistoryFilter &f) {
        f.tag = u"vip"_s;
        f.format = u"apple"_s;
    }) << QStringList();
}

void TestHistoryModel::filters()
{
    QFETCH(HistoryFilter, filter);
    QFETCH(QStringList, expected);
    writeFixture();

    HistoryModel model(m_store.get());
    model.setPollInterval(0);
    HistoryFilterModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester sourceTester(&model,
                                          QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester proxyTester(&proxy,
                                         QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setPageSize(2); // filtered in SQLite: the first page already holds matches only
    model.refresh();
    QSignalSpy changed(&proxy, &HistoryFilterModel::filterChanged);

    // Through the setters, one field at a time, as the filter bar sets them.
    proxy.setProfileId(filter.profileId);
    proxy.setTimeRange(filter.from, filter.to);
    proxy.setFormat(filter.format);
    proxy.setTag(filter.tag);
    proxy.setStatuses(filter.statuses);
    proxy.setText(filter.text);
    QCOMPARE(proxy.filter(), filter);
    QCOMPARE(model.filter(), filter);
    QCOMPARE(changed.isEmpty(), filter == HistoryFilter());
    QCOMPARE(model.totalCount(), expected.size());
    QCOMPARE(namesOf(proxy), expected.mid(0, 2));
    while (model.canFetchMore({}))
        model.fetchMore({});
    QCOMPARE(namesOf(proxy), expected);
    QCOMPARE(namesOf(model), expected);

    // Cleared in one go, everything is back.
    proxy.setFilter({});
    while (model.canFetchMore({}))
        model.fetchMore({});
    QCOMPARE(proxy.rowCount(), 6);
}

void TestHistoryModel::pinAndLabel()
{
    writeFixture();
    HistoryModel model(m_store.get());
    model.setPollInterval(0);
    HistoryFilterModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester sourceTester(&model,
                                          QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester proxyTester(&proxy,
                                         QAbstractItemModelTester::FailureReportingMode::Fatal);
    const QModelIndex e = model.index(1, HistoryModel::Label);
    QCOMPARE(m_names.value(e.data(HistoryModel::ExchangeIdRole).toUuid()), u"e"_s);
    const QUuid eId = e.data(HistoryModel::ExchangeIdRole).toUuid();

    // Only the label is editable.
    QVERIFY(model.flags(e) & Qt::ItemIsEditable);
    QVERIFY(!(model.flags(model.index(1, HistoryModel::Target)) & Qt::ItemIsEditable));
    QVERIFY(!model.setData(model.index(1, HistoryModel::Target), u"x"_s));

    QSignalSpy updated(m_store.get(), &HistoryStore::updated);
    QVERIFY(model.setData(e, u"  regression  "_s));
    QCOMPARE(e.data().toString(), u"regression"_s);
    QVERIFY(model.setData(model.index(1, 0), true, HistoryModel::PinnedRole));
    QCOMPARE(model.index(1, 0).data(HistoryModel::PinnedRole).toBool(), true);
    QVERIFY(updated.wait(5000) || updated.size() > 0);
    QVERIFY(QTest::qWaitFor([&] { return updated.size() >= 2; }, 5000));

    // Stored: a reader of its own sees both.
    auto reader = HistoryReader::open(m_store->path());
    NH_VERIFY_OK(reader);
    const auto loaded = (*reader)->load(eId);
    NH_VERIFY_OK(loaded);
    QCOMPARE(loaded->label, u"regression"_s);
    QVERIFY(loaded->pinned);
    // The label is searchable.
    HistoryFilter byLabel;
    byLabel.text = u"regression"_s;
    QCOMPARE((*reader)->count(byLabel).value(), 1);

    // Pinned only: e alone; unpinned, it leaves at once.
    proxy.setPinnedOnly(true);
    QCOMPARE(namesOf(proxy), QStringList {u"e"_s});
    QVERIFY(model.setData(model.index(0, 0), false, HistoryModel::PinnedRole));
    QCOMPARE(proxy.rowCount(), 0);
    QVERIFY(QTest::qWaitFor([&] { return updated.size() >= 3; }, 5000));
    QCOMPARE(model.rowCount(), 0); // the store's update re-read the row: it no longer passes
    proxy.setPinnedOnly(false);

    // Setting the same value again changes nothing.
    const int before = int(updated.size());
    const QModelIndex again = model.index(model.rowOf(eId), HistoryModel::Label);
    QVERIFY(model.setData(again, u"regression"_s));
    QCOMPARE(m_store->pendingWrites(), 0);
    QCOMPARE(int(updated.size()), before);
    // An empty label removes it.
    QVERIFY(model.setData(again, QString(), HistoryModel::LabelRole));
    QVERIFY(QTest::qWaitFor([&] { return updated.size() > before; }, 5000));
    QCOMPARE((*reader)->load(eId)->label, QString());
}

void TestHistoryModel::removes()
{
    writeFixture();
    HistoryModel model(m_store.get());
    model.setPollInterval(0);
    HistoryFilterModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester sourceTester(&model,
                                          QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester proxyTester(&proxy,
                                         QAbstractItemModelTester::FailureReportingMode::Fatal);
    const QUuid b = m_names.key(u"b"_s);
    const QUuid c = m_names.key(u"c"_s);
    const QUuid f = m_names.key(u"f"_s);
    QSignalSpy removed(m_store.get(), &HistoryStore::removed);
    QSignalSpy rowsRemoved(&model, &QAbstractItemModel::rowsRemoved);
    m_store->remove({b, c, f});
    QVERIFY(removed.wait(5000));
    QCOMPARE(namesOf(model), (QStringList {u"e"_s, u"d"_s, u"a"_s}));
    QCOMPARE(namesOf(proxy), (QStringList {u"e"_s, u"d"_s, u"a"_s}));
    // b and c were neighbours: one signal for the two, one for f.
    QCOMPARE(rowsRemoved.size(), 2);
    QCOMPARE(model.totalCount(), 3);
    // A removed exchange cannot be opened any more.
    auto reader = HistoryReader::open(m_store->path());
    NH_VERIFY_OK(reader);
    const auto gone = (*reader)->load(b);
    QVERIFY(!gone.ok());
    QCOMPARE(gone.error().code, ErrorCode::NotFound);
    NH_VERIFY_OK(model.record(0));
    QCOMPARE(model.record(0)->exchange.id, m_names.key(u"e"_s));
    QVERIFY(!model.record(7).ok());
}

void TestHistoryModel::picksUpOtherConnections()
{
    writeFixture();
    HistoryModel model(m_store.get());
    model.setPollInterval(0);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QCOMPARE(model.rowCount(), 6);

    // Another store on the same file (nhcli in another process) writes, pins and deletes; this
    // model hears nothing until it polls.
    auto other = HistoryStore::open(m_store->path());
    NH_VERIFY_OK(other);
    const Exchange fresh = sendExchange(kT0.addSecs(60), "apple", "sports");
    QVERIFY(addAll(**other, {{fresh, context(u"P9"_s)}}));
    const QUuid a = m_names.key(u"a"_s);
    const QUuid d = m_names.key(u"d"_s);
    QSignalSpy updated(other->get(), &HistoryStore::updated);
    QSignalSpy removed(other->get(), &HistoryStore::removed);
    (*other)->setPinned(a, true);
    (*other)->remove({d});
    QVERIFY(QTest::qWaitFor([&] { return !updated.isEmpty() && !removed.isEmpty(); }, 5000));
    QCOMPARE(model.rowCount(), 6);

    model.pollForChanges();
    QCOMPARE(model.rowCount(), 6);
    QCOMPARE(model.summary(0).id, fresh.id);
    QCOMPARE(model.rowOf(d), -1);
    QCOMPARE(model.index(model.rowOf(a), 0).data(HistoryModel::PinnedRole).toBool(), true);
    // Nothing new: a poll changes nothing.
    QSignalSpy anyChange(&model, &QAbstractItemModel::dataChanged);
    model.pollForChanges();
    QCOMPARE(anyChange.size(), 0);
}

void TestHistoryModel::showsTheColumns()
{
    writeFixture();
    HistoryModel model(m_store.get());
    model.setPollInterval(0);
    QCOMPARE(model.columnCount(), int(HistoryModel::ColumnCount));
    QCOMPARE(model.headerData(HistoryModel::Target, Qt::Horizontal).toString(), u"Target"_s);
    const int b = model.rowOf(m_names.key(u"b"_s));
    const int d = model.rowOf(m_names.key(u"d"_s));
    QCOMPARE(model.index(b, HistoryModel::Profile).data().toString(), u"Profile P1"_s);
    QCOMPARE(model.index(b, HistoryModel::Target).data().toString(), u"sports"_s);
    QCOMPARE(model.index(b, HistoryModel::Format).data().toString(), u"fcmv1"_s);
    QVERIFY2(model.index(b, HistoryModel::Status).data().toString().contains(u"(401)"_s),
             qPrintable(model.index(b, HistoryModel::Status).data().toString()));
    QCOMPARE(model.index(b, HistoryModel::Elapsed).data().toString(), u"20 ms"_s);
    QCOMPARE(model.index(b, 0).data(HistoryModel::HttpStatusRole).toInt(), 401);
    QCOMPARE(model.index(b, 0).data(HistoryModel::StatusRole).toInt(), int(HistoryStatus::Failure));
    QCOMPARE(model.index(b, 0).data(HistoryModel::TagsRole).toStringList(),
             QStringList {u"sports"_s});
    QCOMPARE(model.index(b, 0).data(HistoryModel::StartedRole).toDateTime(),
             kT0.addSecs(-2 * 3600));
    QCOMPARE(model.index(d, HistoryModel::Status).data(Qt::ToolTipRole).toString(),
             u"Connection refused by 127.0.0.1 port 8443"_s);
    QCOMPARE(model.index(d, 0).data(HistoryModel::TargetKindRole).toInt(), int(TargetKind::Device));
    QVERIFY(model.roleNames().value(HistoryModel::PinnedRole) == "pinned");
}

void TestHistoryModel::unreadableFile()
{
    HistoryModel none(nullptr);
    QVERIFY(!none.error().isEmpty());
    QCOMPARE(none.rowCount(), 0);
    QVERIFY(!none.canFetchMore({}));
    QCOMPARE(none.totalCount(), -1);
    QVERIFY(!none.record(0).ok());
}

QTEST_GUILESS_MAIN(TestHistoryModel)
#include "tst_historymodel.moc"
