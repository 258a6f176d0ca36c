// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The reach planner (issue #18, docs/reach.md): which listings a tag expression needs, and
// ReachQuery running plans against the emulator over HTTPS. The differential test compares the
// reach evaluated from what a plan fetched with the reach evaluated from the whole hub.

#include "client/hubclient.h"
#include "client/reach.h"
#include "client/reachplan.h"
#include "client/reachquery.h"
#include "emulator/emulatorstate.h"
#include "emulator/faults.h"
#include "emulatorfixture.h"
#include "protocol/tagexpression.h"

#include <QRandomGenerator>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

using namespace Nh;
using namespace Qt::Literals::StringLiterals;

namespace {

QStringList keysOf(const QList<ReachPlan::Listing> &listings)
{
    QStringList keys;
    for (const ReachPlan::Listing &l : listings)
        keys << l.key();
    return keys;
}

QSet<QString> idsOf(const QList<Registration> &registrations)
{
    QSet<QString> ids;
    for (const Registration &r : registrations)
        ids.insert(r.registrationId);
    return ids;
}

ReachPlan planOf(const QString &text)
{
    if (text.isEmpty())
        return ReachPlan::forExpression(nullptr);
    const auto parsed = TagExpression::parse(text, TagExpression::Limits::Report);
    if (!parsed)
        qFatal("%s does not parse", qPrintable(text));
    return ReachPlan::forExpression(&*parsed);
}

QSet<QString> keySet(const QStringList &tags)
{
    QSet<QString> keys;
    for (const QString &t : tags)
        keys.insert(t == u"*"_s ? ReachPlan::Listing {}.key() : u"tag:"_s + t.toCaseFolded());
    return keys;
}

} // namespace

class TestReachQuery : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void plan_data();
    void plan();
    void coverage_data();
    void coverage();
    void handlesPlanByChannel();

    void selectiveAndFetchesTheSmallSide();
    void cachedListingsAnswerWithoutARequest();
    void boundIsReportedNotHidden();
    void negationAloneListsEverything();
    void cancel();
    void failedPageFailsTheRun();
    void differentialAgainstTheWholeHub();

private:
    QString seed(Platform platform, const QStringList &tags, const QString &handle);
    bool run(ReachQuery &q, const ReachPlan &plan);

    EmulatorFixture f;
    std::unique_ptr<HubClient> client;
};

void TestReachQuery::initTestCase()
{
    QVERIFY(f.start());
    client = std::make_unique<HubClient>(&f.nam);
    client->setConnection(f.hubConnection());
}

void TestReachQuery::init()
{
    f.resetHub();
}

QString TestReachQuery::seed(Platform platform, const QStringList &tags, const QString &handle)
{
    Registration r;
    r.platform = platform;
    r.handle = handle;
    r.tags = tags;
    r.registrationId = EmulatorState::newRegistrationId();
    r.etag = 1;
    f.emulator.state().putRegistration(*f.emulator.state().hub(f.hub()), r);
    return r.registrationId;
}

bool TestReachQuery::run(ReachQuery &q, const ReachPlan &plan)
{
    QSignalSpy finished(&q, &ReachQuery::finished);
    q.start(plan);
    if (!finished.isEmpty())
        qWarning("finished() came from inside start()");
    return finished.wait(15000) && finished.size() == 1;
}

// --- the plan -----------------------------------------------------------------------------------

void TestReachQuery::plan_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<QStringList>("listings"); // "*": the full listing

    QTest::newRow("broadcast") << QString() << QStringList {u"*"_s};
    QTest::newRow("one tag") << u"sports"_s << QStringList {u"sports"_s};
    QTest::newRow("or") << u"a || b"_s << QStringList {u"a"_s, u"b"_s};
    QTest::newRow("and") << u"user:x && lang:en"_s << QStringList {u"user:x"_s, u"lang:en"_s};
    QTest::newRow("and not") << u"a && !b"_s << QStringList {u"a"_s};
    QTest::newRow("not alone") << u"!a"_s << QStringList {u"*"_s};
    QTest::newRow("or with a not") << u"a || !b"_s << QStringList {u"*"_s};
    QTest::newRow("nested") << u"(a || !b) && c"_s << QStringList {u"c"_s};
    QTest::newRow("two ands or'ed")
        << u"(a && b) || (c && !d)"_s << QStringList {u"a"_s, u"b"_s, u"c"_s};
    QTest::newRow("same tag twice, other case")
        << u"Sports || sports"_s << QStringList {u"sports"_s};
    QTest::newRow("system tag") << u"$InstallationId:{abc}"_s
                                << QStringList {u"$InstallationId:{abc}"_s};
}

void TestReachQuery::plan()
{
    QFETCH(QString, expression);
    QFETCH(QStringList, listings);
    const ReachPlan p = planOf(expression);
    QStringList expected;
    for (const QString &t : listings)
        expected << (t == u"*"_s ? ReachPlan::Listing {}.key() : u"tag:"_s + t.toCaseFolded());
    QCOMPARE(keysOf(p.listings()), expected);
    QCOMPARE(p.isEverything(), listings == QStringList {u"*"_s});
    QVERIFY(!p.isCoveredBy({}));
    QVERIFY(p.isCoveredBy(keySet({u"*"_s}))); // the whole hub covers any plan
    QVERIFY(!p.describe().isEmpty());
}

void TestReachQuery::coverage_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<QStringList>("complete");
    QTest::addColumn<bool>("covered");
    QTest::addColumn<QStringList>("wanted");

    QTest::newRow("and: either side")
        << u"a && b"_s << QStringList {u"b"_s} << true << QStringList();
    QTest::newRow("and: none yet, both race")
        << u"a && b"_s << QStringList() << false << QStringList {u"a"_s, u"b"_s};
    QTest::newRow("or: one side is not enough")
        << u"a || b"_s << QStringList {u"a"_s} << false << QStringList {u"b"_s};
    QTest::newRow("or: both") << u"a || b"_s << QStringList {u"a"_s, u"B"_s} << true
                              << QStringList();
    QTest::newRow("or of ands: one side of each")
        << u"(a && b) || (c && d)"_s << QStringList {u"b"_s} << false
        << QStringList {u"c"_s, u"d"_s};
    QTest::newRow("or of ands: covered")
        << u"(a && b) || (c && d)"_s << QStringList {u"b"_s, u"c"_s} << true << QStringList();
    QTest::newRow("unrelated listing")
        << u"a"_s << QStringList {u"z"_s} << false << QStringList {u"a"_s};
}

void TestReachQuery::coverage()
{
    QFETCH(QString, expression);
    QFETCH(QStringList, complete);
    QFETCH(bool, covered);
    QFETCH(QStringList, wanted);
    const ReachPlan p = planOf(expression);
    QCOMPARE(p.isCoveredBy(keySet(complete)), covered);
    QStringList expected;
    for (const QString &t : wanted)
        expected << u"tag:"_s + t.toCaseFolded();
    QCOMPARE(keysOf(p.wanted(keySet(complete))), expected);
}

void TestReachQuery::handlesPlanByChannel()
{
    const ReachPlan p = ReachPlan::forHandles(Platform::Apple, {u"aa11"_s, u"bb22"_s});
    const QList<ReachPlan::Listing> listings = p.listings();
    QCOMPARE(listings.size(), 2);
    QCOMPARE(listings.first().kind, ReachPlan::Listing::Kind::ByChannel);
    QCOMPARE(listings.first().query().filter, HubClient::channelFilter(Platform::Apple, u"aa11"_s));
    QVERIFY(listings.first().query().tag.isEmpty());
    QVERIFY(!p.isCoveredBy({listings.first().key()}));
    QVERIFY(p.isCoveredBy({listings.first().key(), listings.last().key()}));
    QVERIFY(ReachPlan::forHandles(Platform::Apple, {}).isCoveredBy({}));
}

// --- running plans over HTTPS -------------------------------------------------------------------

void TestReachQuery::selectiveAndFetchesTheSmallSide()
{
    // A tag with 2,000 members and one with one: the race ends with the small one.
    for (int i = 0; i < 2000; ++i)
        seed(Platform::FcmV1, {u"lang:en"_s, u"user:%1"_s.arg(i)}, u"fcm-%1"_s.arg(i));
    ReachQuery q(client.get());
    QVERIFY(run(q, planOf(u"user:7 && lang:en"_s)));
    QVERIFY2(q.ok(), qPrintable(q.failure().errorSentence));
    QVERIFY(q.isComplete());
    QVERIFY(!q.isTruncated());
    QVERIFY2(q.requests() <= 5, qPrintable(QString::number(q.requests())));
    QVERIFY(q.registrations().size() <= 1 + ReachQuery::kPageSize);
    const auto parsed = TagExpression::parse(u"user:7 && lang:en"_s);
    const QList<Registration> reached =
        reachedRegistrations(q.registrations(), Format::FcmV1, &*parsed);
    QCOMPARE(reached.size(), 1);
    QCOMPARE(reached.first().handle, u"fcm-7"_s);
}

void TestReachQuery::cachedListingsAnswerWithoutARequest()
{
    seed(Platform::Apple, {u"user:x"_s, u"lang:en"_s}, u"AA01"_s);
    seed(Platform::Apple, {u"lang:de"_s}, u"AA02"_s);
    ReachQuery q(client.get());
    QVERIFY(run(q, planOf(u"user:x"_s)));
    QVERIFY(q.isComplete());
    QCOMPARE(q.requests(), 1);
    // Every registration `user:x && lang:de` can reach carries user:x, whose listing is whole.
    QVERIFY(q.covers(planOf(u"user:x && lang:de"_s)));
    QVERIFY(run(q, planOf(u"user:x && lang:de"_s)));
    QVERIFY(q.isComplete());
    QCOMPARE(q.requests(), 0);
    // A plan the cache does not cover fetches; clear() forgets the cache.
    QVERIFY(!q.covers(planOf(u"lang:de"_s)));
    q.clear();
    QVERIFY(q.registrations().isEmpty());
    QVERIFY(!q.covers(planOf(u"user:x"_s)));
}

void TestReachQuery::boundIsReportedNotHidden()
{
    for (int i = 0; i < 250; ++i)
        seed(Platform::FcmV1, {u"big"_s}, u"fcm-%1"_s.arg(i));
    ReachQuery q(client.get());
    q.setLimit(150);
    QVERIFY(run(q, planOf(u"big"_s)));
    QVERIFY(q.ok());
    QVERIFY(q.isTruncated());
    QVERIFY(!q.isComplete());
    QCOMPARE(q.registrations().size(), 150);
    QCOMPARE(q.requests(), 2); // 100, then the 50 the bound leaves room for
    // Exactly at the bound with nothing left is complete.
    q.clear();
    q.setLimit(250);
    QVERIFY(run(q, planOf(u"big"_s)));
    QVERIFY(q.isComplete());
    QVERIFY(!q.isTruncated());
}

void TestReachQuery::negationAloneListsEverything()
{
    seed(Platform::Apple, {u"a"_s}, u"AA01"_s);
    seed(Platform::Apple, {u"b"_s}, u"AA02"_s);
    seed(Platform::Apple, {}, u"AA03"_s);
    ReachQuery q(client.get());
    QVERIFY(run(q, planOf(u"!a"_s)));
    QVERIFY(q.isComplete());
    QCOMPARE(q.registrations().size(), 3);
    const auto parsed = TagExpression::parse(u"!a"_s);
    QCOMPARE(reachedRegistrations(q.registrations(), Format::Apple, &*parsed).size(), 2);
    // The whole hub covers anything afterwards.
    QVERIFY(q.covers(planOf(u"zzz && b"_s)));
}

void TestReachQuery::cancel()
{
    seed(Platform::Apple, {u"a"_s}, u"AA01"_s);
    FaultRule stall;
    stall.operation = u"registrations"_s; // every listing, by tag too
    stall.fault.kind = FaultKind::Stall;
    stall.count = 1;
    f.emulator.faults().add(stall);
    ReachQuery q(client.get());
    QSignalSpy finished(&q, &ReachQuery::finished);
    QSignalSpy progress(&q, &ReachQuery::progress);
    // Cancelled before the first request went out (it goes out from the event loop).
    q.start(planOf(u"a"_s));
    QVERIFY(q.isRunning());
    q.cancel();
    // finished() may come from inside cancel() or from the event loop, exactly once.
    QTRY_COMPARE(finished.size(), 1);
    QVERIFY(!q.ok());
    QVERIFY(!q.isRunning());
    QCOMPARE(q.failure().result, ExchangeResult::Cancelled);
    QCOMPARE(q.requests(), 0);

    // Cancelled with the page in flight (the hub stalls it).
    finished.clear();
    q.start(planOf(u"a"_s));
    QTRY_COMPARE(q.requests(), 1);
    q.cancel();
    // finished() may come from inside cancel() or from the event loop, exactly once.
    QTRY_COMPARE(finished.size(), 1);
    QVERIFY(!q.ok());
    QCOMPARE(q.failure().result, ExchangeResult::Cancelled);
    QVERIFY(progress.isEmpty());
    QVERIFY(!q.covers(planOf(u"a"_s)));
}

void TestReachQuery::failedPageFailsTheRun()
{
    seed(Platform::Apple, {u"a"_s}, u"AA01"_s);
    FaultRule rule;
    rule.operation = u"registrations"_s; // every listing, by tag too
    rule.fault.kind = FaultKind::Status;
    rule.fault.status = 401;
    // Until cleared rather than for one request: a page an earlier test cancelled in flight
    // may still reach the emulator now, on a loaded machine, and would use up a one-time fault.
    f.emulator.faults().add(rule);
    ReachQuery q(client.get());
    QVERIFY(run(q, planOf(u"a"_s)));
    QVERIFY(!q.ok());
    QVERIFY(!q.isComplete());
    QCOMPARE(q.failure().status, 401);
    QVERIFY(!q.failure().errorSentence.isEmpty());
    // The next run asks again (nothing was kept from the failed one) and succeeds.
    f.emulator.faults().clear();
    QVERIFY(run(q, planOf(u"a"_s)));
    QVERIFY(q.ok());
    QVERIFY(q.isComplete());
}

void TestReachQuery::differentialAgainstTheWholeHub()
{
    const quint32 seedValue = QRandomGenerator::global()->generate();
    QRandomGenerator random(seedValue);
    const QStringList vocabulary {u"a"_s, u"b"_s, u"c"_s, u"d"_s, u"E"_s};
    for (int i = 0; i < 300; ++i) {
        QStringList tags;
        for (const QString &t : vocabulary) {
            if (random.bounded(3) == 0)
                tags << (random.bounded(4) == 0 ? t.toUpper() : t.toLower());
        }
        seed(Platform::FcmV1, tags, u"fcm-%1"_s.arg(i));
    }
    // The whole hub, once: the reference.
    ReachQuery all(client.get());
    QVERIFY(run(all, ReachPlan::everything()));
    QCOMPARE(all.registrations().size(), 300);

    // Random expressions of up to 4 tags; one query keeps its cache across them, one starts
    // afresh each time.
    ReachQuery cached(client.get());
    ReachQuery fresh(client.get());
    for (int n = 0; n < 40; ++n) {
        std::function<QString(int)> make = [&](int depth) -> QString {
            const int pick = depth >= 2 ? 0 : int(random.bounded(4));
            const QString tag = vocabulary.at(int(random.bounded(vocabulary.size())));
            switch (pick) {
            case 0:
                return tag;
            case 1:
                return u"!"_s + tag;
            case 2:
                return u"("_s + make(depth + 1) + u" && "_s + make(depth + 1) + u")"_s;
            default:
                return u"("_s + make(depth + 1) + u" || "_s + make(depth + 1) + u")"_s;
            }
        };
        const QString text = make(0);
        const auto expression = TagExpression::parse(text, TagExpression::Limits::Report);
        QVERIFY2(expression, qPrintable(text));
        const QSet<QString> expected =
            idsOf(reachedRegistrations(all.registrations(), Format::FcmV1, &*expression));
        const ReachPlan plan = ReachPlan::forExpression(&*expression);
        for (ReachQuery *q : {&cached, &fresh}) {
            if (q == &fresh)
                q->clear();
            QVERIFY(run(*q, plan));
            const QString where = u"seed %1, expression %2"_s.arg(seedValue).arg(text);
            QVERIFY2(q->ok() && q->isComplete(), qPrintable(where));
            QVERIFY2(idsOf(reachedRegistrations(q->registrations(), Format::FcmV1, &*expression))
                         == expected,
                     qPrintable(where));
        }
    }
}

QTEST_GUILESS_MAIN(TestReachQuery)
#include "tst_reachquery.moc"
