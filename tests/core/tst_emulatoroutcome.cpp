// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// What a test send reaches and what each registration's outcome is: expression × format ×
// registrations, over real HTTPS, read back with the client's own outcome parser.

#include "emulator/emulatorstate.h"
#include "emulatorfixture.h"
#include "protocol/notificationoutcome.h"

#include <QSet>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Nh;

namespace {
const QString kTest = u"/myHub/messages?api-version=2020-06&test"_s;

QByteArray bodyFor(Format f)
{
    switch (f) {
    case Format::Template:
        return R"({"msg":"hi"})"_ba;
    case Format::Windows:
        return R"(<toast><visual><binding template="ToastText01"><text id="1">x</text></binding></visual></toast>)"_ba;
    case Format::FcmV1:
        return R"({"message":{"notification":{"title":"x"}}})"_ba;
    case Format::Apple:
        return R"({"aps":{"alert":"x"}})"_ba;
    default:
        return R"({"data":{"msg":"x"}})"_ba;
    }
}

HttpHeaders headersFor(Format f, const QByteArray &tags)
{
    HttpHeaders h {{"ServiceBusNotification-Format", formatWireName(f).toUtf8()}};
    if (!tags.isEmpty())
        h.append({"ServiceBusNotification-Tags"_ba, tags});
    if (f == Format::Windows)
        h.append({"X-WNS-Type"_ba, "wns/toast"_ba});
    return h;
}
} // namespace

class TestEmulatorOutcome final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void reach_data();
    void reach();
    void atMostTenResults();
    void deterministicOutcomes_data();
    void deterministicOutcomes();
    void refusedHandlesAreRemoved();
    void expiredInstallationChannel();
    void normalSendHasNoBody();

private:
    void add(Platform p, const QString &handle, const QStringList &tags, bool isTemplate = false);
    EmulatorFixture::Response testSend(Format f, const QByteArray &tags);
    EmulatorFixture f;
};

void TestEmulatorOutcome::initTestCase()
{
    QVERIFY(f.start());
}

void TestEmulatorOutcome::add(Platform p, const QString &handle, const QStringList &tags,
                              bool isTemplate)
{
    Registration r;
    r.platform = p;
    r.handle = handle;
    r.tags = tags;
    r.isTemplate = isTemplate;
    if (isTemplate) {
        // Templates the platform accepts once rendered (the emulator renders them, §13.5).
        r.bodyTemplate = u"{\"aps\":{\"alert\":\"$(msg)\"}}"_s;
        if (p == Platform::Windows) {
            r.bodyTemplate =
                uR"(<toast><visual><binding template="ToastText01"><text id="1">$(msg)</text></binding></visual></toast>)"_s;
            r.headers = {{u"X-WNS-Type"_s, u"wns/toast"_s}};
        }
    }
    f.emulator.state().putRegistration(*f.emulator.state().hub(f.hub()), r);
}

void TestEmulatorOutcome::init()
{
    f.resetHub();
    add(Platform::Apple, u"A1"_s, {u"sports"_s, u"lang:en"_s});
    add(Platform::Apple, u"A2"_s, {u"politics"_s, u"lang:fr"_s});
    add(Platform::Apple, u"A3"_s, {u"sports"_s}, true);
    add(Platform::FcmV1, u"F1"_s, {u"sports"_s, u"politics"_s});
    add(Platform::Gcm, u"G1"_s, {u"sports"_s});
    add(Platform::Windows, u"W1"_s, {u"lang:fr"_s});
    add(Platform::Windows, u"WT"_s, {u"lang:fr"_s}, true);
    add(Platform::Browser, u"B1"_s, {u"sports"_s, u"user:alice"_s});
}

EmulatorFixture::Response TestEmulatorOutcome::testSend(Format format, const QByteArray &tags)
{
    return f.send(kTest, bodyFor(format), headersFor(format, tags));
}

void TestEmulatorOutcome::reach_data()
{
    QTest::addColumn<Format>("format");
    QTest::addColumn<QByteArray>("tags");
    QTest::addColumn<QStringList>("handles");

    QTest::newRow("apple broadcast") << Format::Apple << ""_ba << QStringList {u"A1"_s, u"A2"_s};
    QTest::newRow("apple tag") << Format::Apple << "sports"_ba << QStringList {u"A1"_s};
    QTest::newRow("apple or") << Format::Apple << "sports || politics"_ba
                              << QStringList {u"A1"_s, u"A2"_s};
    QTest::newRow("apple and") << Format::Apple << "sports && lang:en"_ba << QStringList {u"A1"_s};
    QTest::newRow("apple not") << Format::Apple << "!sports"_ba << QStringList {u"A2"_s};
    QTest::newRow("apple nested") << Format::Apple << "(sports || politics) && !lang:fr"_ba
                                  << QStringList {u"A1"_s};
    QTest::newRow("tag case is ignored") << Format::Apple << "SPORTS"_ba << QStringList {u"A1"_s};
    QTest::newRow("fcmv1 tag") << Format::FcmV1 << "politics"_ba << QStringList {u"F1"_s};
    QTest::newRow("gcm broadcast") << Format::Gcm << ""_ba << QStringList {u"G1"_s};
    QTest::newRow("template reaches templates of every platform")
        << Format::Template << ""_ba << QStringList {u"A3"_s, u"WT"_s};
    QTest::newRow("template with tag") << Format::Template << "sports"_ba << QStringList {u"A3"_s};
    QTest::newRow("windows native only")
        << Format::Windows << "lang:fr"_ba << QStringList {u"W1"_s};
    QTest::newRow("browser") << Format::Browser << "user:alice"_ba << QStringList {u"B1"_s};
    QTest::newRow("nothing for xiaomi") << Format::Xiaomi << ""_ba << QStringList {};
    QTest::newRow("no tag matches") << Format::Apple << "nobody"_ba << QStringList {};
    QTest::newRow("JS broadcast test bug: literal 'undefined'")
        << Format::Apple << "undefined"_ba << QStringList {};
}

void TestEmulatorOutcome::reach()
{
    QFETCH(Format, format);
    QFETCH(QByteArray, tags);
    QFETCH(QStringList, handles);
    const auto r = testSend(format, tags);
    QCOMPARE(r.status, 201);
    const auto outcome = parseNotificationOutcome(r.body);
    QVERIFY2(outcome.ok(), r.body.constData());
    QStringList got;
    for (const auto &res : outcome->results) {
        got << res.pnsHandle;
        QCOMPARE(res.outcome, QString(kOutcomeSuccess));
        QVERIFY(f.emulator.state().hub(f.hub())->registrations.count(res.registrationId));
    }
    got.sort();
    handles.sort();
    QCOMPARE(got, handles);
    QCOMPARE(outcome->success, handles.size());
    QCOMPARE(outcome->failure, 0);
    if (handles.isEmpty())
        QVERIFY(r.body.contains("<Results i:nil=\"true\"/>"));
}

void TestEmulatorOutcome::atMostTenResults()
{
    for (int i = 0; i < 15; ++i)
        add(Platform::Adm, u"adm-%1"_s.arg(i), {u"many"_s});
    const auto r = testSend(Format::Adm, "many");
    const auto outcome = parseNotificationOutcome(r.body);
    QVERIFY(outcome.ok());
    QCOMPARE(outcome->results.size(), 10);
    QCOMPARE(outcome->success, 10);
}

void TestEmulatorOutcome::deterministicOutcomes_data()
{
    QTest::addColumn<QString>("handle");
    QTest::addColumn<QString>("outcome");
    QTest::newRow("expired") << u"tok-EXPIRED-1"_s << QString(kOutcomeExpiredHandle);
    QTest::newRow("invalid") << u"tok-invalid"_s << QString(kOutcomeInvalidHandle);
    QTest::newRow("bad PNS credentials") << u"tok-badcredential"_s << QString(kOutcomeWrongToken);
    QTest::newRow("payload refused") << u"tok-badpayload"_s << QString(kOutcomeInvalidPayload);
}

void TestEmulatorOutcome::deterministicOutcomes()
{
    QFETCH(QString, handle);
    QFETCH(QString, outcome);
    add(Platform::Xiaomi, handle, {u"x"_s});
    const auto r = testSend(Format::Xiaomi, "x");
    const auto parsed = parseNotificationOutcome(r.body);
    QVERIFY(parsed.ok());
    QCOMPARE(parsed->results.size(), 1);
    QCOMPARE(parsed->results[0].outcome, outcome);
    QCOMPARE(parsed->success, 0);
    QCOMPARE(parsed->failure, 1);
}

void TestEmulatorOutcome::refusedHandlesAreRemoved()
{
    add(Platform::Xiaomi, u"a-expired"_s, {u"x"_s});
    add(Platform::Xiaomi, u"b-invalid"_s, {u"x"_s});
    add(Platform::Xiaomi, u"c-badcredential"_s, {u"x"_s});
    add(Platform::Xiaomi, u"d-ok"_s, {u"x"_s});
    auto parsed = parseNotificationOutcome(testSend(Format::Xiaomi, "x").body);
    QCOMPARE(parsed->results.size(), 4);
    QCOMPARE(parsed->success, 1);
    QCOMPARE(parsed->failure, 3);
    // As the service does: handles the PNS refused are deleted; the others stay.
    parsed = parseNotificationOutcome(testSend(Format::Xiaomi, "x").body);
    QStringList left;
    for (const auto &res : parsed->results)
        left << res.pnsHandle;
    left.sort();
    QCOMPARE(left, (QStringList {u"c-badcredential"_s, u"d-ok"_s}));
}

void TestEmulatorOutcome::expiredInstallationChannel()
{
    Installation inst;
    inst.installationId = u"i-1"_s;
    inst.platform = Platform::FcmV1;
    inst.pushChannel = u"fcm-expired-token"_s;
    EmulatorHub &hub = *f.emulator.state().hub(f.hub());
    f.emulator.state().putInstallation(hub, inst);
    auto parsed = parseNotificationOutcome(testSend(Format::FcmV1, "$InstallationId:{i-1}").body);
    QCOMPARE(parsed->results.size(), 1);
    QCOMPARE(parsed->results[0].outcome, QString(kOutcomeExpiredHandle));
    QVERIFY(hub.installations.at(u"i-1"_s).pushChannelExpired.value_or(false));
    parsed = parseNotificationOutcome(testSend(Format::FcmV1, "$InstallationId:{i-1}").body);
    QCOMPARE(parsed->results.size(), 0);
}

void TestEmulatorOutcome::normalSendHasNoBody()
{
    const auto r = f.send(u"/myHub/messages?api-version=2020-06"_s, bodyFor(Format::Apple),
                          headersFor(Format::Apple, "sports"));
    QCOMPARE(r.status, 201);
    QVERIFY(r.body.isEmpty());
}

QTEST_GUILESS_MAIN(TestEmulatorOutcome)
#include "tst_emulatoroutcome.moc"
