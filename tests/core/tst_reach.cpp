// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Local reach evaluation (core/client/reach.h): which registrations a format and tag expression
// reach, the all-pages collector (bound, cancel, faults), and the agreement of the local
// evaluation with the outcome of a real test send to the emulator.

#include "client/hubclient.h"
#include "client/reach.h"
#include "emulator/emulatorstate.h"
#include "emulator/faults.h"
#include "emulatorfixture.h"
#include "protocol/tagexpression.h"

#include <QSet>
#include <QSignalSpy>
#include <QTest>

using namespace Nh;
using namespace Qt::Literals::StringLiterals;

namespace {

Registration reg(Platform platform, bool isTemplate, const QStringList &tags,
                 const QString &handle = u"handle-1"_s)
{
    Registration r;
    r.platform = platform;
    r.isTemplate = isTemplate;
    r.tags = tags;
    r.handle = handle;
    if (isTemplate)
        r.bodyTemplate = uR"x({"aps":{"alert":"$(msg)"}})x"_s;
    return r;
}

QSet<QString> idsOf(const QList<Registration> &list)
{
    QSet<QString> ids;
    for (const Registration &r : list)
        ids.insert(r.registrationId);
    return ids;
}

} // namespace

class TestReach final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void formatReaches_data();
    void formatReaches();
    void reachesWithExpression_data();
    void reachesWithExpression();
    void nullExpressionIsBroadcast();
    void nextTokenFallsBackToFeedLink();

    void collectorFetchesEveryPage();
    void collectorStopsAtItsBound();
    void collectorCancel();
    void collectorFaultKeepsSentence();
    void collectorByTag();

    void previewAgreesWithEmulator_data();
    void previewAgreesWithEmulator();

private:
    QString seed(const Registration &r);
    void seedMany(int count, const QString &tag);
    bool collect(RegistrationCollector &c, const HubClient::ListQuery &q = {});

    EmulatorFixture f;
    std::unique_ptr<HubClient> client;
};

void TestReach::initTestCase()
{
    QVERIFY(f.start());
    client = std::make_unique<HubClient>(&f.nam);
    client->setConnection(f.hubConnection());
}

void TestReach::init()
{
    f.resetHub();
}

QString TestReach::seed(const Registration &registration)
{
    Registration r = registration;
    r.registrationId = EmulatorState::newRegistrationId();
    r.etag = 1;
    f.emulator.state().putRegistration(*f.emulator.state().hub(f.hub()), r);
    return r.registrationId;
}

void TestReach::seedMany(int count, const QString &tag)
{
    for (int i = 0; i < count; ++i)
        seed(reg(Platform::FcmV1, false, {tag}, u"fcm-%1"_s.arg(i)));
}

bool TestReach::collect(RegistrationCollector &c, const HubClient::ListQuery &q)
{
    QSignalSpy finished(&c, &RegistrationCollector::finished);
    c.start(q);
    return finished.wait(15000) && finished.size() == 1;
}

// --- the rule -----------------------------------------------------------------------------------

void TestReach::formatReaches_data()
{
    QTest::addColumn<Format>("format");
    QTest::addColumn<Platform>("platform");
    QTest::addColumn<bool>("isTemplate");
    QTest::addColumn<bool>("expected");

    QTest::newRow("apple reaches native apple")
        << Format::Apple << Platform::Apple << false << true;
    QTest::newRow("apple skips apple template")
        << Format::Apple << Platform::Apple << true << false;
    QTest::newRow("apple skips fcmv1") << Format::Apple << Platform::FcmV1 << false << false;
    QTest::newRow("fcmv1 skips gcm") << Format::FcmV1 << Platform::Gcm << false << false;
    QTest::newRow("gcm reaches gcm") << Format::Gcm << Platform::Gcm << false << true;
    QTest::newRow("windows reaches wns") << Format::Windows << Platform::Windows << false << true;
    QTest::newRow("windowsphone skips wns")
        << Format::WindowsPhone << Platform::Windows << false << false;
    QTest::newRow("browser reaches browser")
        << Format::Browser << Platform::Browser << false << true;
    QTest::newRow("template reaches apple template")
        << Format::Template << Platform::Apple << true << true;
    QTest::newRow("template reaches wns template")
        << Format::Template << Platform::Windows << true << true;
    QTest::newRow("template skips native")
        << Format::Template << Platform::Xiaomi << false << false;
}

void TestReach::formatReaches()
{
    QFETCH(Format, format);
    QFETCH(Platform, platform);
    QFETCH(bool, isTemplate);
    QFETCH(bool, expected);
    QCOMPARE(Nh::formatReaches(format, reg(platform, isTemplate, {})), expected);
}

void TestReach::reachesWithExpression_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<QStringList>("tags");
    QTest::addColumn<bool>("expected");

    QTest::newRow("single tag") << u"sports"_s << QStringList {u"sports"_s} << true;
    QTest::newRow("single tag, other case") << u"Sports"_s << QStringList {u"sports"_s} << true;
    QTest::newRow("single tag missing") << u"news"_s << QStringList {u"sports"_s} << false;
    QTest::newRow("and, both") << u"a && b"_s << QStringList {u"a"_s, u"b"_s} << true;
    QTest::newRow("and, one") << u"a && b"_s << QStringList {u"a"_s} << false;
    QTest::newRow("or, one") << u"a || b"_s << QStringList {u"b"_s} << true;
    QTest::newRow("not") << u"!a"_s << QStringList {u"b"_s} << true;
    QTest::newRow("not, has it") << u"!a"_s << QStringList {u"a"_s} << false;
    QTest::newRow("not, untagged") << u"!a"_s << QStringList {} << true;
    QTest::newRow("parentheses") << u"(a || b) && !c"_s << QStringList {u"b"_s, u"c"_s} << false;
    QTest::newRow("system tag") << u"$InstallationId:{x1}"_s
                                << QStringList {u"$InstallationId:{x1}"_s} << true;
}

void TestReach::reachesWithExpression()
{
    QFETCH(QString, expression);
    QFETCH(QStringList, tags);
    QFETCH(bool, expected);
    const auto parsed = TagExpression::parse(expression);
    QVERIFY2(parsed.ok(), qPrintable(expression));
    QCOMPARE(reaches(reg(Platform::Apple, false, tags), Format::Apple, &*parsed), expected);
    // The format still decides first: a template send never reaches a native registration.
    QCOMPARE(reaches(reg(Platform::Apple, false, tags), Format::Template, &*parsed), false);
}

void TestReach::nullExpressionIsBroadcast()
{
    const QList<Registration> all = {reg(Platform::Apple, false, {}),
                                     reg(Platform::Apple, true, {u"a"_s}),
                                     reg(Platform::FcmV1, false, {u"a"_s})};
    QCOMPARE(reachedRegistrations(all, Format::Apple, nullptr).size(), 1);
    QCOMPARE(reachedRegistrations(all, Format::Template, nullptr).size(), 1);
    const TagExpression none;
    QCOMPARE(reachedRegistrations(all, Format::FcmV1, &none).size(), 0);
}

void TestReach::nextTokenFallsBackToFeedLink()
{
    Exchange e;
    e.result = ExchangeResult::Success;
    e.feed = RegistrationFeed {};
    e.feed->continuationToken = "MzEobik7Mg%3D%3D";
    QCOMPARE(nextContinuationToken(e), u"MzEobik7Mg%3D%3D"_s);
    e.continuationToken = u"header%3D"_s;
    QCOMPARE(nextContinuationToken(e), u"header%3D"_s);
    e.result = ExchangeResult::HubError;
    QCOMPARE(nextContinuationToken(e), QString());
}

// --- the collector ------------------------------------------------------------------------------

void TestReach::collectorFetchesEveryPage()
{
    seedMany(250, u"bulk"_s);
    RegistrationCollector c(client.get());
    QSignalSpy progress(&c, &RegistrationCollector::progress);
    QVERIFY(collect(c));
    QVERIFY2(c.ok(), qPrintable(c.lastExchange().errorSentence));
    QCOMPARE(c.registrations().size(), 250);
    QCOMPARE(idsOf(c.registrations()).size(), 250);
    QCOMPARE(c.pages(), 3); // 100 + 100 + 50
    QCOMPARE(progress.size(), 3);
    QCOMPARE(progress.last().first().toInt(), 250);
    QVERIFY(!c.isTruncated());
    QVERIFY(c.fetchedAt().isValid());
}

void TestReach::collectorStopsAtItsBound()
{
    seedMany(130, u"bulk"_s);
    RegistrationCollector c(client.get());
    c.setLimit(120);
    QVERIFY(collect(c));
    QVERIFY(c.ok());
    QCOMPARE(c.registrations().size(), 120);
    QVERIFY(c.isTruncated());

    // Exactly at the bound with nothing left is not truncated.
    c.setLimit(130);
    QVERIFY(collect(c));
    QCOMPARE(c.registrations().size(), 130);
    QVERIFY(!c.isTruncated());
}

void TestReach::collectorCancel()
{
    seedMany(5, u"bulk"_s);
    FaultRule stall;
    stall.operation = u"registrations.list"_s;
    stall.fault.kind = FaultKind::Stall;
    stall.count = 1;
    f.emulator.faults().add(stall);
    RegistrationCollector c(client.get());
    QSignalSpy finished(&c, &RegistrationCollector::finished);
    c.start();
    QVERIFY(c.isRunning());
    c.cancel();
    QVERIFY(finished.wait(5000));
    QCOMPARE(finished.size(), 1);
    QVERIFY(!c.ok());
    QCOMPARE(c.lastExchange().result, ExchangeResult::Cancelled);
    QVERIFY(!c.isRunning());
}

void TestReach::collectorFaultKeepsSentence()
{
    seedMany(3, u"bulk"_s);
    FaultRule rule;
    rule.operation = u"registrations.list"_s;
    rule.fault.kind = FaultKind::Status;
    rule.fault.status = 401;
    rule.count = 1;
    f.emulator.faults().add(rule);
    RegistrationCollector c(client.get());
    QVERIFY(collect(c));
    QVERIFY(!c.ok());
    QCOMPARE(c.lastExchange().status, 401);
    QCOMPARE(c.lastExchange().result, ExchangeResult::HubError);
    QVERIFY2(!c.lastExchange().errorSentence.isEmpty(), "a failed page carries its sentence");
}

void TestReach::collectorByTag()
{
    seedMany(4, u"bulk"_s);
    seed(reg(Platform::Apple, false, {u"vip"_s}, u"AA11"_s));
    RegistrationCollector c(client.get());
    HubClient::ListQuery q;
    q.tag = u"vip"_s;
    QVERIFY(collect(c, q));
    QVERIFY(c.ok());
    QCOMPARE(c.registrations().size(), 1);
    QCOMPARE(c.registrations().first().handle, u"AA11"_s);
}

// --- agreement with the emulator's real outcome -------------------------------------------------

void TestReach::previewAgreesWithEmulator_data()
{
    QTest::addColumn<Format>("format");
    QTest::addColumn<QString>("expression"); // empty: broadcast
    QTest::addColumn<int>("reached"); // counted by hand from the table in the test

    QTest::newRow("apple, one tag") << Format::Apple << u"sports"_s << 2;
    QTest::newRow("apple, and") << Format::Apple << u"sports && lang:en"_s << 1;
    QTest::newRow("apple, or") << Format::Apple << u"politics || user:bob"_s << 2;
    QTest::newRow("fcmv1, not") << Format::FcmV1 << u"!politics"_s << 3;
    QTest::newRow("fcmv1, mixed case") << Format::FcmV1 << u"SPORTS && !Lang:FR"_s << 2;
    QTest::newRow("template, or") << Format::Template << u"user:alice || lang:fr"_s << 2;
    QTest::newRow("template, parentheses")
        << Format::Template << u"(sports || news) && !vip"_s << 2;
    QTest::newRow("gcm, none reached") << Format::Gcm << u"politics"_s << 0;
    QTest::newRow("windows broadcast") << Format::Windows << QString() << 2;
    QTest::newRow("template broadcast") << Format::Template << QString() << 4;
}

void TestReach::previewAgreesWithEmulator()
{
    QFETCH(Format, format);
    QFETCH(QString, expression);
    QFETCH(int, reached);

    // At most 10 reachable per row (a test send reports 10): the sets compare exactly.
    const struct
    {
        Platform platform;
        bool isTemplate;
        QStringList tags;
    } regs[] = {
        {Platform::Apple, false, {u"sports"_s, u"lang:en"_s, u"user:alice"_s}},
        {Platform::Apple, false, {u"politics"_s, u"lang:fr"_s}},
        {Platform::Apple, false, {u"sports"_s, u"lang:fr"_s}},
        {Platform::Apple, false, {u"user:bob"_s}},
        {Platform::Apple, false, {}},
        {Platform::FcmV1, false, {u"sports"_s, u"politics"_s, u"lang:en"_s}},
        {Platform::FcmV1, false, {u"Sports"_s, u"lang:en"_s}},
        {Platform::FcmV1, false, {u"sports"_s, u"LANG:FR"_s}},
        {Platform::FcmV1, false, {u"news"_s}},
        {Platform::Gcm, false, {u"sports"_s}},
        {Platform::Windows, false, {u"sports"_s}},
        {Platform::Windows, false, {}},
        {Platform::Apple, true, {u"user:alice"_s, u"sports"_s}},
        {Platform::Windows, true, {u"lang:fr"_s, u"news"_s}},
        {Platform::FcmV1, true, {u"news"_s, u"vip"_s}},
        {Platform::Browser, true, {u"lang:de"_s}},
    };
    int n = 0;
    for (const auto &d : regs) {
        Registration r = reg(d.platform, d.isTemplate, d.tags, u"h%1"_s.arg(++n));
        if (d.platform == Platform::Browser) {
            r.p256dh = u"BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQ"_s;
            r.auth = u"tBHItJI5svbpez7KI4CCXg"_s;
        }
        seed(r);
    }

    RegistrationCollector c(client.get());
    QVERIFY(collect(c));
    QVERIFY(c.ok());
    QCOMPARE(c.registrations().size(), qsizetype(std::size(regs)));
    std::optional<TagExpression> parsed;
    if (!expression.isEmpty()) {
        auto p = TagExpression::parse(expression);
        QVERIFY2(p.ok(), qPrintable(expression));
        parsed = *p;
    }
    const QList<Registration> preview =
        reachedRegistrations(c.registrations(), format, parsed ? &*parsed : nullptr);
    QCOMPARE(preview.size(), qsizetype(reached));

    Notification notification;
    notification.format = format;
    switch (format) {
    case Format::Template:
        notification.body = R"({"msg":"hi"})";
        break;
    case Format::Windows:
        notification.body = "<toast><visual><binding template=\"ToastText01\"><text id=\"1\">hi"
                            "</text></binding></visual></toast>";
        notification.headers = {{"X-WNS-Type", "wns/toast"}};
        break;
    case Format::Apple:
        notification.body = R"({"aps":{"alert":"hi"}})";
        break;
    default:
        notification.body = R"({"message":{"notification":{"title":"hi"}}})";
        if (format == Format::Gcm)
            notification.body = R"({"notification":{"title":"hi"}})";
        break;
    }
    notification.target = expression.isEmpty() ? Target::broadcast() : Target::tags(expression);
    HubJob *job = client->send(notification, true);
    QSignalSpy finished(job, &HubJob::finished);
    QVERIFY(finished.wait(10000));
    const Exchange e = finished.first().first().value<Exchange>();
    QVERIFY2(e.ok(), qPrintable(e.errorSentence));

    QSet<QString> sent;
    if (e.outcome) {
        for (const RegistrationResult &r : e.outcome->results)
            sent.insert(r.registrationId);
    }
    QCOMPARE(sent, idsOf(preview));
    QCOMPARE(e.result == ExchangeResult::NoTargets, preview.isEmpty());
}

QTEST_GUILESS_MAIN(TestReach)
#include "tst_reach.moc"
