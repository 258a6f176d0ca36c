// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The registration pager (core/client/registrationpager.h) against the emulator: several pages,
// an empty hub, a listing by tag, one page at a time, the page bound, a failed page, cancel in
// flight and between pages, restart. The repeated-token guard is tested on ContinuationTokens
// with exchanges built here: the emulator's tokens name the last registration of a page, so it
// never hands back a token twice, and no fault of core/emulator/faults.h rewrites a header.

#include "client/hubclient.h"
#include "client/registrationpager.h"
#include "emulator/emulatorstate.h"
#include "emulator/faults.h"
#include "emulatorfixture.h"

#include <QSet>
#include <QSignalSpy>
#include <QTest>

using namespace Nh;
using namespace Qt::Literals::StringLiterals;

namespace {

/** A successful page as HubClient reports it: a feed and the x-ms-continuationtoken header. */
Exchange pageExchange(const QString &headerToken, const QByteArray &feedToken = {})
{
    Exchange e;
    e.operation = u"registrations.list"_s;
    e.status = 200;
    e.result = ExchangeResult::Success;
    e.continuationToken = headerToken;
    RegistrationFeed feed;
    feed.continuationToken = feedToken;
    e.feed = feed;
    return e;
}

/** The error's sentence, for QVERIFY2 (which evaluates its message whatever the outcome). */
QString messageOf(const Status &st)
{
    return st.ok() ? QString() : st.error().message;
}

} // namespace

class TestRegistrationPager final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void severalPages();
    void emptyHub();
    void byTag();
    void onePageAtATime();
    void maxPagesKeepsToken();
    void pageSizeFromSlot();
    void failedPageKeepsSentence();
    void cancelInFlight();
    void cancelBetweenPages();
    void restartIsSilent();

    void tokensFollowHeaderThenFeed();
    void tokensRefuseRepeat();
    void tokensRefuseFirstToken();

private:
    void seedMany(int count, const QString &tag = u"bulk"_s);
    /** Starts `pager` with `q` and waits for finished(); the result, or an Error on timeout. */
    Status run(RegistrationPager &pager, const HubClient::ListQuery &q = {});

    EmulatorFixture f;
    std::unique_ptr<HubClient> client;
};

void TestRegistrationPager::initTestCase()
{
    QVERIFY(f.start());
    client = std::make_unique<HubClient>(&f.nam);
    client->setConnection(f.hubConnection());
}

void TestRegistrationPager::init()
{
    f.resetHub();
}

void TestRegistrationPager::seedMany(int count, const QString &tag)
{
    EmulatorHub &hub = *f.emulator.state().hub(f.hub());
    for (int i = 0; i < count; ++i) {
        Registration r;
        r.platform = Platform::FcmV1;
        r.handle = u"fcm-%1"_s.arg(i);
        r.tags = {tag};
        r.registrationId = EmulatorState::newRegistrationId();
        r.etag = 1;
        f.emulator.state().putRegistration(hub, r);
    }
}

Status TestRegistrationPager::run(RegistrationPager &pager, const HubClient::ListQuery &q)
{
    QSignalSpy finished(&pager, &RegistrationPager::finished);
    pager.start(q);
    if (!finished.wait(15000) || finished.size() != 1)
        return makeError(ErrorCode::InvalidValue, u"finished() did not come exactly once"_s);
    return finished.first().first().value<Status>();
}

void TestRegistrationPager::severalPages()
{
    seedMany(25);
    RegistrationPager pager(client.get());
    QSignalSpy pages(&pager, &RegistrationPager::page);
    HubClient::ListQuery q;
    q.top = 10;
    const Status st = run(pager, q);
    QVERIFY2(st.ok(), qPrintable(messageOf(st)));
    QCOMPARE(pages.size(), 3); // 10 + 10 + 5
    QSet<QString> ids;
    QList<int> sizes;
    for (const QList<QVariant> &args : std::as_const(pages)) {
        const auto entries = args.first().value<QList<Registration>>();
        sizes.append(int(entries.size()));
        for (const Registration &r : entries)
            ids.insert(r.registrationId);
    }
    QCOMPARE(sizes, (QList<int> {10, 10, 5}));
    QCOMPARE(ids.size(), 25);
    QCOMPARE(pager.pages(), 3);
    QVERIFY(!pager.hasMore());
    QVERIFY(pager.nextToken().isEmpty());
    QVERIFY(!pager.isRunning());
    QVERIFY(!pager.isActive());
    QVERIFY(pager.lastExchange().ok());
}

void TestRegistrationPager::emptyHub()
{
    RegistrationPager pager(client.get());
    QSignalSpy pages(&pager, &RegistrationPager::page);
    const Status st = run(pager);
    QVERIFY2(st.ok(), qPrintable(messageOf(st)));
    QCOMPARE(pages.size(), 1);
    QVERIFY(pages.first().first().value<QList<Registration>>().isEmpty());
    QCOMPARE(pager.pages(), 1);
    QVERIFY(!pager.hasMore());
}

void TestRegistrationPager::byTag()
{
    seedMany(7, u"bulk"_s);
    seedMany(3, u"vip"_s);
    RegistrationPager pager(client.get());
    QSignalSpy pages(&pager, &RegistrationPager::page);
    HubClient::ListQuery q;
    q.tag = u"vip"_s;
    q.top = 2;
    QVERIFY(run(pager, q).ok());
    QCOMPARE(pages.size(), 2);
    QCOMPARE(pager.lastExchange().operation, u"registrations.bytag"_s);
    int count = 0;
    for (const QList<QVariant> &args : std::as_const(pages)) {
        for (const Registration &r : args.first().value<QList<Registration>>()) {
            QCOMPARE(r.tags, QStringList {u"vip"_s});
            ++count;
        }
    }
    QCOMPARE(count, 3);
}

void TestRegistrationPager::onePageAtATime()
{
    seedMany(5);
    RegistrationPager pager(client.get());
    pager.setAutoContinue(false);
    QSignalSpy pages(&pager, &RegistrationPager::page);
    QSignalSpy finished(&pager, &RegistrationPager::finished);
    HubClient::ListQuery q;
    q.top = 2;
    pager.start(q);
    QVERIFY(pages.wait(10000));
    QCOMPARE(pages.size(), 1);
    // Waits for fetchNext(): active, nothing in flight, more announced.
    QVERIFY(pager.isActive());
    QVERIFY(!pager.isRunning());
    QVERIFY(pager.hasMore());
    QVERIFY(!pager.nextToken().isEmpty());
    QVERIFY(finished.isEmpty());
    QVERIFY(pager.fetchNext());
    QVERIFY(!pager.fetchNext()); // one page in flight at most
    QVERIFY(pages.wait(10000));
    QVERIFY(pager.fetchNext());
    QVERIFY(finished.wait(10000));
    QCOMPARE(pages.size(), 3);
    QCOMPARE(finished.size(), 1);
    QVERIFY(finished.first().first().value<Status>().ok());
    QVERIFY(!pager.fetchNext());
}

void TestRegistrationPager::maxPagesKeepsToken()
{
    seedMany(5);
    RegistrationPager pager(client.get());
    pager.setMaxPages(2);
    QSignalSpy pages(&pager, &RegistrationPager::page);
    HubClient::ListQuery q;
    q.top = 2;
    QVERIFY(run(pager, q).ok());
    QCOMPARE(pages.size(), 2);
    QVERIFY(pager.hasMore());
    const QString token = pager.nextToken();
    QVERIFY(!token.isEmpty());

    // Starting at that token lists the rest.
    pages.clear();
    pager.setMaxPages(0);
    q.continuationToken = token;
    QVERIFY(run(pager, q).ok());
    QCOMPARE(pages.size(), 1);
    QCOMPARE(pages.first().first().value<QList<Registration>>().size(), 1);
}

void TestRegistrationPager::pageSizeFromSlot()
{
    seedMany(6);
    RegistrationPager pager(client.get());
    QList<qsizetype> sizes;
    connect(&pager, &RegistrationPager::page, this, [&](const QList<Registration> &entries) {
        sizes.append(entries.size());
        pager.setPageSize(4); // applies to the request that follows this page
    });
    HubClient::ListQuery q;
    q.top = 1;
    QVERIFY(run(pager, q).ok());
    QCOMPARE(sizes, (QList<qsizetype> {1, 4, 1}));
}

void TestRegistrationPager::failedPageKeepsSentence()
{
    seedMany(5);
    FaultRule rule;
    rule.operation = u"registrations.list"_s;
    rule.fault.kind = FaultKind::Status;
    rule.fault.status = 401;
    rule.count = 1;
    RegistrationPager pager(client.get());
    QSignalSpy pages(&pager, &RegistrationPager::page);
    HubClient::ListQuery q;
    q.top = 2;
    // The second page fails: arm the fault once the first has arrived.
    connect(
        &pager, &RegistrationPager::page, this, [&] { f.emulator.faults().add(rule); },
        Qt::SingleShotConnection);
    const Status st = run(pager, q);
    QVERIFY(!st.ok());
    QCOMPARE(pages.size(), 1);
    QCOMPARE(pager.lastExchange().status, 401);
    QCOMPARE(pager.lastExchange().result, ExchangeResult::HubError);
    QCOMPARE(st.error().message, pager.lastExchange().errorSentence);
    QVERIFY(!st.error().message.isEmpty());
    // Still more to fetch: the token that asked for the failed page asks for it again.
    QVERIFY(pager.hasMore());
    q.continuationToken = pager.nextToken();
    QVERIFY(!q.continuationToken.isEmpty());
    pages.clear();
    QVERIFY(run(pager, q).ok());
    QCOMPARE(pages.size(), 2); // 2 + 1
}

void TestRegistrationPager::cancelInFlight()
{
    seedMany(5);
    FaultRule stall;
    stall.operation = u"registrations.list"_s;
    stall.fault.kind = FaultKind::Stall;
    stall.count = 1;
    f.emulator.faults().add(stall);
    RegistrationPager pager(client.get());
    QSignalSpy pages(&pager, &RegistrationPager::page);
    QSignalSpy finished(&pager, &RegistrationPager::finished);
    pager.start();
    QVERIFY(pager.isRunning());
    pager.cancel();
    QVERIFY(finished.wait(5000));
    QCOMPARE(finished.size(), 1);
    QVERIFY(!finished.first().first().value<Status>().ok());
    QCOMPARE(pager.lastExchange().result, ExchangeResult::Cancelled);
    QVERIFY(pages.isEmpty());
    QVERIFY(!pager.isRunning());
    QVERIFY(!pager.isActive());
}

void TestRegistrationPager::cancelBetweenPages()
{
    seedMany(6);
    RegistrationPager pager(client.get());
    QSignalSpy pages(&pager, &RegistrationPager::page);
    QSignalSpy finished(&pager, &RegistrationPager::finished);
    // Mid-way: from a slot of the second page, before the third is asked for.
    connect(&pager, &RegistrationPager::page, this, [&] {
        if (pager.pages() == 2)
            pager.cancel();
    });
    HubClient::ListQuery q;
    q.top = 2;
    pager.start(q);
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.size(), 1);
    QCOMPARE(pages.size(), 2);
    const Status st = finished.first().first().value<Status>();
    QVERIFY(!st.ok());
    QVERIFY(!st.error().message.isEmpty());
    QVERIFY(pager.hasMore()); // the rest is still there
    QVERIFY(!pager.isActive());

    // Waiting for fetchNext(), a cancel ends the paging from the event loop.
    RegistrationPager manual(client.get());
    manual.setAutoContinue(false);
    QSignalSpy manualPages(&manual, &RegistrationPager::page);
    QSignalSpy manualFinished(&manual, &RegistrationPager::finished);
    manual.start(q);
    QVERIFY(manualPages.wait(10000));
    manual.cancel();
    QVERIFY(manualFinished.isEmpty());
    QVERIFY(manualFinished.wait(5000));
    QCOMPARE(manualFinished.size(), 1);
    QVERIFY(!manualFinished.first().first().value<Status>().ok());
    QVERIFY(!manual.fetchNext());
}

void TestRegistrationPager::restartIsSilent()
{
    seedMany(3);
    RegistrationPager pager(client.get());
    QSignalSpy pages(&pager, &RegistrationPager::page);
    QSignalSpy finished(&pager, &RegistrationPager::finished);
    pager.start();
    pager.start(); // abandons the first paging: only the second one reports
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.size(), 1);
    QCOMPARE(pages.size(), 1);
    QCOMPARE(pages.first().first().value<QList<Registration>>().size(), 3);
}

// --- the token rule, without a hub --------------------------------------------------------------

void TestRegistrationPager::tokensFollowHeaderThenFeed()
{
    ContinuationTokens tokens;
    tokens.reset();
    auto next = tokens.advance(pageExchange(u"header-1"_s, "feed-1"));
    QVERIFY(next.ok());
    QCOMPARE(*next, u"header-1"_s);
    // A proxy dropped the header: the feed's rel="next" token.
    next = tokens.advance(pageExchange({}, "feed-2"));
    QVERIFY(next.ok());
    QCOMPARE(*next, u"feed-2"_s);
    QCOMPARE(tokens.current(), u"feed-2"_s);
    // The last page.
    next = tokens.advance(pageExchange({}));
    QVERIFY(next.ok());
    QVERIFY(next->isEmpty());
    // A failed exchange has no next page.
    Exchange failed = pageExchange(u"header-3"_s);
    failed.result = ExchangeResult::HubError;
    next = tokens.advance(failed);
    QVERIFY(next.ok());
    QVERIFY(next->isEmpty());
}

void TestRegistrationPager::tokensRefuseRepeat()
{
    ContinuationTokens tokens;
    tokens.reset();
    QCOMPARE(*tokens.advance(pageExchange(u"a"_s)), u"a"_s);
    QCOMPARE(*tokens.advance(pageExchange(u"b"_s)), u"b"_s);
    // The hub hands back a token of two pages ago: paging would loop.
    const auto repeated = tokens.advance(pageExchange(u"a"_s));
    QVERIFY(!repeated.ok());
    QCOMPARE(repeated.error().code, ErrorCode::InvalidValue);
    QVERIFY2(repeated.error().message.contains(u"'a'"_s), qPrintable(repeated.error().message));
    QVERIFY2(repeated.error().message.contains(u"second time"_s),
             qPrintable(repeated.error().message));
    // So is the token it was given for this very page.
    const auto same = tokens.advance(pageExchange(u"b"_s));
    QVERIFY(!same.ok());

    // reset() forgets them.
    tokens.reset();
    QVERIFY(tokens.advance(pageExchange(u"a"_s)).ok());
}

void TestRegistrationPager::tokensRefuseFirstToken()
{
    // A listing started at a token (nhcli --continuation) counts that token as seen.
    ContinuationTokens tokens;
    tokens.reset(u"start"_s);
    QCOMPARE(tokens.current(), u"start"_s);
    QVERIFY(!tokens.advance(pageExchange(u"start"_s)).ok());
}

QTEST_GUILESS_MAIN(TestRegistrationPager)
#include "tst_registrationpager.moc"
