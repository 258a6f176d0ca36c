// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The emulator's registration indexes (docs/architecture.md, "The emulator's storage and indexes"):
// a differential test of the index-based evaluation against a brute-force one over every
// registration, after every kind of mutation; chunked real sends that answer first and never block
// other clients; generated hubs (--generate, --hub-config "generate"). The random cases are seeded:
// NH_TEST_SEED=<n> repeats a run; a failure prints its seed.

#include "emulator/emulatorgenerator.h"
#include "emulator/emulatorhubconfig.h"
#include "emulator/emulatorstate.h"
#include "emulator/emulatorstore.h"
#include "emulatorfixture.h"
#include "protocol/installation.h"
#include "protocol/notificationdetails.h"
#include "protocol/notificationoutcome.h"
#include "protocol/registrationfeed.h"
#include "protocol/tagexpression.h"

#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>

using namespace Qt::Literals::StringLiterals;
using namespace Nh;

namespace {

const QString kV = u"api-version=2020-06"_s;

/** Tags with case variants, so that matching must fold case as matches() does. */
const QStringList kVocabulary {u"a"_s,       u"A"_s,       u"b"_s,        u"c"_s,
                               u"Sports"_s,  u"sports"_s,  u"user:1"_s,   u"user:2"_s,
                               u"lang:en"_s, u"lang:FR"_s, u"lang:fr"_s,  u"cohort:7"_s,
                               u"x.y"_s,     u"X.Y"_s,     u"only-one"_s, u"z"_s};
const QStringList kSystemTags {u"$InstallationId:{i1}"_s, u"$InstallationId:{I2}"_s,
                               u"$UserId:{bob}"_s, u"$userid:{BOB}"_s};
const QList<Format> kFormats {Format::Template, Format::Apple, Format::FcmV1, Format::Windows};

quint32 testSeed()
{
    bool ok = false;
    const quint32 fixed = qEnvironmentVariable("NH_TEST_SEED").toUInt(&ok);
    return ok ? fixed : QRandomGenerator::global()->generate();
}

} // namespace

class TestEmulatorIndex final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void indexesAgreeThroughEveryMutation();
    void coverIsASuperset();
    void listingsByTagAndChannelPage();
    void bigBroadcastAnswersWhileItRuns();
    void testSendStopsAtTenAndCountsThem();
    void generationIsDeterministic();
    void generatedRegistrationsParse();
    void hubConfigGenerates();

private:
    /** A random registration; `handle` given or random. */
    Registration randomRegistration(QString handle = {});
    QString randomExpression(int budget);
    /** Index vs brute force for random expressions, every tag listing and some handles. */
    void check(const EmulatorHub &hub, const QString &after);

    quint32 m_seed = 0;
    QRandomGenerator m_rng;
};

void TestEmulatorIndex::init()
{
    m_seed = testSeed();
    m_rng.seed(m_seed);
}

Registration TestEmulatorIndex::randomRegistration(QString handle)
{
    Registration r;
    static const Platform kPlatforms[] = {Platform::Apple, Platform::FcmV1, Platform::Windows,
                                          Platform::Adm};
    r.platform = kPlatforms[m_rng.bounded(4)];
    r.isTemplate = m_rng.bounded(3) == 0;
    if (r.isTemplate) {
        r.bodyTemplate = u"{\"aps\":{\"alert\":\"$(msg)\"}}"_s;
        r.templateName = u"t"_s;
    }
    r.handle = handle.isEmpty() ? u"handle-"_s + QString::number(m_rng.bounded(40)) : handle;
    const int n = int(m_rng.bounded(5));
    for (int i = 0; i < n; ++i)
        r.tags << kVocabulary.at(int(m_rng.bounded(kVocabulary.size())));
    r.etag = 1;
    return r;
}

QString TestEmulatorIndex::randomExpression(int budget)
{
    const auto leaf = [this] {
        if (m_rng.bounded(8) == 0)
            return kSystemTags.at(int(m_rng.bounded(kSystemTags.size())));
        return kVocabulary.at(int(m_rng.bounded(kVocabulary.size())));
    };
    if (budget <= 1 || m_rng.bounded(3) == 0)
        return m_rng.bounded(4) == 0 ? u"!"_s + leaf() : leaf();
    const int left = 1 + int(m_rng.bounded(budget - 1));
    const QString op = m_rng.bounded(2) ? u" && "_s : u" || "_s;
    QString e = u"("_s + randomExpression(left) + op + randomExpression(budget - left) + u")"_s;
    return m_rng.bounded(5) == 0 ? u"!"_s + e : e;
}

void TestEmulatorIndex::check(const EmulatorHub &hub, const QString &after)
{
    const RegistrationTable &table = hub.registrations;
    const QString where = u" (after %1, seed %2)"_s.arg(after).arg(m_seed);
    // Everything, by brute force: the map-like view in id order.
    QList<Registration> all;
    for (const auto &[id, r] : table) {
        QCOMPARE(id, r.registrationId);
        all << r;
    }
    QVERIFY2(qsizetype(table.size()) == all.size(), qPrintable(where));
    QVERIFY2(std::is_sorted(all.cbegin(), all.cend(),
                            [](const Registration &x, const Registration &y) {
                                return x.registrationId < y.registrationId;
                            }),
             qPrintable(where));

    const auto bruteReach = [&](const TagExpression *e, Format format) {
        QStringList out;
        for (const Registration &r : std::as_const(all)) {
            const bool kind = format == Format::Template
                ? r.isTemplate
                : !r.isTemplate && platformForFormat(format) == r.platform;
            if (kind && (!e || e->matches(QSet<QString>(r.tags.cbegin(), r.tags.cend()))))
                out << r.registrationId;
        }
        return out;
    };
    for (int i = 0; i < 60; ++i) {
        const QString text = randomExpression(1 + int(m_rng.bounded(6)));
        const auto parsed = TagExpression::parse(text);
        if (!parsed)
            continue; // over the service's limits: not an expression a send can carry
        for (Format format : kFormats) {
            const QList<int> classes = RegistrationTable::classesOf(format);
            const QStringList brute = bruteReach(&*parsed, format);
            QVERIFY2(table.reached(&*parsed, classes) == brute,
                     qPrintable(u"expression "_s + text + where));
            QVERIFY2(table.reached(&*parsed, classes, 10) == brute.mid(0, 10),
                     qPrintable(u"first ten of "_s + text + where));
        }
    }
    for (Format format : kFormats) { // broadcast
        QVERIFY2(table.reached(nullptr, RegistrationTable::classesOf(format))
                     == bruteReach(nullptr, format),
                 qPrintable(u"broadcast"_s + where));
    }
    // Listing by tag (case-insensitive) and by channel.
    for (const QString &tag : kVocabulary + kSystemTags) {
        QStringList indexed;
        auto cursor = table.withTag(tag, {});
        while (const auto slot = cursor.next())
            indexed << table.id(*slot);
        QStringList brute;
        for (const Registration &r : std::as_const(all)) {
            if (std::any_of(r.tags.cbegin(), r.tags.cend(), [&](const QString &t) {
                    return t.compare(tag, Qt::CaseInsensitive) == 0;
                }))
                brute << r.registrationId;
        }
        QVERIFY2(indexed == brute, qPrintable(u"tag "_s + tag + where));
        QCOMPARE(table.tagCount(tag), qint64(brute.size()));
    }
    QSet<QString> handles;
    for (const Registration &r : std::as_const(all))
        handles.insert(r.handle);
    QCOMPARE(table.distinctHandles(), qint64(handles.size()));
    for (int h = 0; h < 40; h += 7) {
        const QString handle = u"HANDLE-"_s + QString::number(h);
        QStringList indexed;
        for (RegistrationTable::Slot s : table.withHandle(handle))
            indexed << table.id(s);
        QStringList brute;
        for (const Registration &r : std::as_const(all)) {
            if (r.handle.compare(handle, Qt::CaseInsensitive) == 0)
                brute << r.registrationId;
        }
        QVERIFY2(indexed == brute, qPrintable(u"handle "_s + handle + where));
    }
}

void TestEmulatorIndex::indexesAgreeThroughEveryMutation()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    auto store = EmulatorStore::open(dir.filePath(u"ns.sqlite"_s));
    QVERIFY(store.ok());
    auto state = EmulatorState::createDefault(u"h"_s);
    state->attachStore(store->get());
    (*store)->saveNamespace(*state);
    EmulatorHub *hub = state->hub(u"h"_s);

    QStringList ids;
    for (int i = 0; i < 400; ++i) {
        Registration r = randomRegistration();
        r.registrationId = EmulatorState::newRegistrationId();
        ids << r.registrationId;
        state->putRegistration(*hub, r);
    }
    check(*hub, u"create"_s);

    for (int i = 0; i < 150; ++i) { // tags changed, and sometimes the kind and the handle
        const QString id = ids.at(int(m_rng.bounded(ids.size())));
        if (!hub->registrations.contains(id))
            continue;
        Registration r = randomRegistration();
        r.registrationId = id;
        state->putRegistration(*hub, r);
    }
    check(*hub, u"update"_s);

    for (int i = 0; i < 100; ++i)
        state->removeRegistration(*hub, ids.takeAt(int(m_rng.bounded(ids.size()))));
    check(*hub, u"delete"_s);

    // Expiry: the PNS reports these handles expired on a send, and the hub deletes them.
    QStringList expiring;
    for (int i = 0; i < 20; ++i) {
        Registration r = randomRegistration(u"gone-expired-"_s + QString::number(i));
        r.tags << u"a"_s;
        r.registrationId = EmulatorState::newRegistrationId();
        expiring << r.registrationId;
        state->putRegistration(*hub, r);
    }
    check(*hub, u"create expiring"_s);
    state->setSendChunkSize(7);
    for (Format format : kFormats + QList<Format> {Format::Adm}) {
        const auto e = TagExpression::parse(u"a || !a"_s);
        state->deliver(*hub, format, &*e, R"({"msg":"x"})", u"a || !a"_s, false);
    }
    state->finishPendingSends();
    for (const QString &id : std::as_const(expiring))
        QVERIFY2(!hub->registrations.contains(id), qPrintable(id));
    check(*hub, u"expiry"_s);

    // Installations: put, patch, put again, delete; they imply $InstallationId/$UserId tags.
    Installation i1;
    i1.installationId = u"i1"_s;
    i1.userId = u"bob"_s;
    i1.platform = Platform::Apple;
    i1.pushChannel = u"handle-7"_s;
    i1.tags = {u"a"_s, u"Sports"_s};
    state->putInstallation(*hub, i1);
    Installation i2 = i1;
    i2.installationId = u"I2"_s;
    i2.platform = Platform::FcmV1;
    i2.tags = {u"b"_s};
    state->putInstallation(*hub, i2);
    QCOMPARE(hub->registrations.idsOfInstallation(u"i1"_s).size(), qsizetype(1));
    check(*hub, u"installation put"_s);
    auto patched =
        applyInstallationPatch(i1, R"([{"op":"replace","path":"/tags","value":["z","lang:FR"]}])");
    QVERIFY(patched.ok());
    state->putInstallation(*hub, *patched);
    QCOMPARE(hub->registrations.idsOfInstallation(u"i1"_s).size(), qsizetype(1));
    QCOMPARE(hub->registrations.tagCount(u"$InstallationId:{i1}"_s), qint64(1));
    check(*hub, u"installation patch"_s);
    state->removeInstallation(*hub, u"I2"_s);
    QCOMPARE(hub->registrations.tagCount(u"$InstallationId:{I2}"_s), qint64(0));
    check(*hub, u"installation delete"_s);

    // Reload from the --data store: the same registrations, the same answers.
    QStringList before;
    for (const auto &[id, r] : hub->registrations)
        before << id + u'|' + r.tags.join(u',') + u'|' + r.handle;
    EmulatorState reloaded;
    QVERIFY((*store)->load(reloaded).ok());
    EmulatorHub *again = reloaded.hub(u"h"_s);
    QVERIFY(again);
    QStringList after;
    for (const auto &[id, r] : again->registrations)
        after << id + u'|' + r.tags.join(u',') + u'|' + r.handle;
    QCOMPARE(after, before);
    QCOMPARE(
        again->registrations.installationOf(hub->registrations.idsOfInstallation(u"i1"_s).value(0)),
        u"i1"_s);
    check(*again, u"reload"_s);

    // Hub delete and recreate: nothing left behind in the indexes.
    QVERIFY(state->removeHub(u"h"_s));
    hub = &state->addHub(u"h"_s);
    QVERIFY(hub->registrations.empty());
    QCOMPARE(hub->registrations.tagCount(u"a"_s), qint64(0));
    for (int i = 0; i < 50; ++i)
        state->putRegistration(*hub, randomRegistration());
    check(*hub, u"hub recreated"_s);
}

void TestEmulatorIndex::coverIsASuperset()
{
    // The cover of an expression: every matching tag set holds one of its tags.
    for (int i = 0; i < 300; ++i) {
        const auto e = TagExpression::parse(randomExpression(1 + int(m_rng.bounded(6))));
        if (!e)
            continue;
        const auto cover = e->cover([](const QString &t) { return qint64(t.size()); });
        QSet<QString> tags;
        const int n = int(m_rng.bounded(5));
        for (int k = 0; k < n; ++k)
            tags.insert(kVocabulary.at(int(m_rng.bounded(kVocabulary.size()))));
        if (!cover || !e->matches(tags))
            continue;
        const bool holdsOne = std::any_of(cover->cbegin(), cover->cend(), [&](const QString &c) {
            return std::any_of(tags.cbegin(), tags.cend(), [&](const QString &t) {
                return t.compare(c, Qt::CaseInsensitive) == 0;
            });
        });
        QVERIFY2(holdsOne, qPrintable(e->text() + u" seed "_s + QString::number(m_seed)));
    }
}

void TestEmulatorIndex::listingsByTagAndChannelPage()
{
    EmulatorFixture f;
    QVERIFY(f.start());
    EmulatorHub *hub = f.emulator.state().hub(f.hub());
    for (int i = 0; i < 25; ++i) {
        Registration r = randomRegistration(i < 12 ? u"shared-handle"_s : QString());
        r.tags = {u"Many"_s};
        f.emulator.state().putRegistration(*hub, r);
    }
    const auto pageThrough = [&](const QString &path) {
        QStringList seen;
        QString token;
        for (int pages = 0; pages < 20; ++pages) {
            EmulatorFixture::Call c;
            c.pathAndQuery = path + u"&$top=5"_s
                + (token.isEmpty() ? QString() : u"&continuationtoken="_s + token);
            const auto r = f.call(c);
            if (r.status != 200)
                return QStringList {u"status %1"_s.arg(r.status)};
            const QString body = QString::fromUtf8(r.body);
            qsizetype at = 0;
            while ((at = body.indexOf(u"<RegistrationId>"_s, at)) >= 0) {
                at += 16;
                seen << body.mid(at, body.indexOf(u'<', at) - at);
            }
            token = QString::fromUtf8(r.header("x-ms-continuationtoken"));
            if (token.isEmpty())
                break;
            // A write between pages does not disturb the order the token continues.
            f.emulator.state().putRegistration(*hub, randomRegistration());
        }
        return seen;
    };
    const QStringList byTag = pageThrough(u"/myHub/tags/many/registrations?"_s + kV);
    QCOMPARE(byTag.size(), qsizetype(25));
    QVERIFY(std::is_sorted(byTag.cbegin(), byTag.cend()));
    const QStringList byChannel = pageThrough(u"/myHub/registrations?"_s + kV
                                              + u"&$filter=ChannelUri%20eq%20'SHARED-HANDLE'"_s);
    QCOMPARE(byChannel.size(), qsizetype(12));
    QVERIFY(std::is_sorted(byChannel.cbegin(), byChannel.cend()));
}

void TestEmulatorIndex::bigBroadcastAnswersWhileItRuns()
{
    EmulatorFixture f;
    EmulatorOptions o = EmulatorFixture::defaultOptions();
    o.generate = {30000, 7};
    QVERIFY(f.start(o));
    EmulatorState &state = f.emulator.state();
    EmulatorHub *hub = state.hub(f.hub());
    QCOMPARE(qint64(hub->registrations.size()), 30000);
    state.setSendChunkSize(20);
    const QList<int> apple = RegistrationTable::classesOf(Format::Apple);
    const QStringList reached = hub->registrations.reached(nullptr, apple);
    qint64 expired = 0;
    for (const QString &id : reached)
        expired += hub->registrations.at(id).handle.contains(u"expired"_s) ? 1 : 0;
    QVERIFY(expired > 0);

    const auto sent = f.send(u"/myHub/messages?"_s + kV, R"({"aps":{"alert":"hi"}})",
                             {{"ServiceBusNotification-Format", "apple"}});
    QCOMPARE(sent.status, 201);
    QCOMPARE(state.pendingSends(), 1); // answered before its matches were worked through
    const QString messageId =
        QUrl(QString::fromUtf8(sent.header("Location"))).path().section(u'/', -1);
    EmulatorFixture::Call telemetry;
    telemetry.pathAndQuery = u"/myHub/messages/"_s + messageId + u'?' + kV;
    // Another client is served while the broadcast runs.
    const auto during = f.call(telemetry);
    QCOMPARE(during.status, 200);
    QCOMPARE(parseNotificationDetails(during.body)->state, NotificationState::Processing);
    QVERIFY(state.pendingSends() == 1);

    QTRY_COMPARE_WITH_TIMEOUT(state.pendingSends(), 0, 60000);
    const auto done = parseNotificationDetails(f.call(telemetry).body);
    QVERIFY(done.ok());
    QCOMPARE(done->state, NotificationState::Completed);
    qint64 total = 0, expiredCount = 0;
    for (const auto &platform : done->outcomeCounts) {
        QCOMPARE(platform.platform, u"Apns"_s);
        for (const auto &o2 : platform.outcomes) {
            total += o2.count;
            if (o2.name == u"ExpiredChannel")
                expiredCount = o2.count;
        }
    }
    QCOMPARE(total, qint64(reached.size()));
    QCOMPARE(expiredCount, expired);
    // Refused handles were deleted through the indexes.
    QCOMPARE(qint64(hub->registrations.size()), 30000 - expired);
    QCOMPARE(qint64(hub->registrations.reached(nullptr, apple).size()),
             qint64(reached.size()) - expired);
}

void TestEmulatorIndex::testSendStopsAtTenAndCountsThem()
{
    EmulatorFixture f;
    EmulatorOptions o = EmulatorFixture::defaultOptions();
    o.generate = {5000, 3};
    QVERIFY(f.start(o));
    const auto r = f.send(u"/myHub/messages?test&"_s + kV, R"({"aps":{"alert":"hi"}})",
                          {{"ServiceBusNotification-Format", "apple"},
                           {"ServiceBusNotification-Tags", "lang:en || lang:fr"}});
    QCOMPARE(r.status, 201);
    const auto outcome = parseNotificationOutcome(r.body);
    QVERIFY(outcome.ok());
    QCOMPARE(outcome->results.size(), qsizetype(10));
    QCOMPARE(outcome->success + outcome->failure, qint64(10));
    QCOMPARE(f.emulator.state().pendingSends(), 0);
    const EmulatorHub *hub = f.emulator.state().hub(f.hub());
    const auto e = TagExpression::parse(u"lang:en || lang:fr"_s);
    QCOMPARE(
        hub->registrations.reached(&*e, RegistrationTable::classesOf(Format::Apple), 10).size(),
        qsizetype(10));
    const QString id = QUrl(QString::fromUtf8(r.header("Location"))).path().section(u'/', -1);
    const SentMessage m = hub->messages.value(id);
    QCOMPARE(m.state, u"Completed"_s);
    qint64 counted = 0;
    for (const auto &perOutcome : m.counts)
        for (qint64 n : perOutcome)
            counted += n;
    QCOMPARE(counted, qint64(10)); // what it delivered
}

void TestEmulatorIndex::generationIsDeterministic()
{
    EmulatorState a;
    EmulatorState b;
    EmulatorHub &ha = a.addHub(u"h"_s);
    EmulatorHub &hb = b.addHub(u"h"_s);
    const GenerateReport report = generateRegistrations(ha, {3000, 42});
    QCOMPARE(report.count, qint64(3000));
    generateRegistrations(hb, {3000, 42});
    QCOMPARE(ha.registrations.size(), std::size_t(3000));
    auto ia = ha.registrations.begin();
    auto ib = hb.registrations.begin();
    for (; ia != ha.registrations.end(); ++ia, ++ib)
        QCOMPARE((*ia).second, (*ib).second);
    // The mix: a tag per user, 1,000 cohorts, 5 languages, duplicates and expired handles.
    QCOMPARE(ha.registrations.tagCount(u"user:2999"_s), qint64(1));
    QCOMPARE(ha.registrations.tagCount(u"cohort:7"_s), qint64(3));
    qint64 langs = 0;
    for (const auto *l : {"en", "fr", "de", "es", "ja"})
        langs += ha.registrations.tagCount(u"lang:"_s + QLatin1StringView(l));
    QCOMPARE(langs, qint64(3000));
    QSet<QString> handles;
    int expired = 0, templates = 0;
    for (const auto &[id, r] : ha.registrations) {
        handles.insert(r.handle);
        expired += r.handle.contains(u"expired"_s) ? 1 : 0;
        templates += r.isTemplate ? 1 : 0;
    }
    QVERIFY(handles.size() < 3000);
    QVERIFY(expired >= 5);
    QVERIFY(templates > 300);
    EmulatorState c;
    EmulatorHub &hc = c.addHub(u"h"_s);
    generateRegistrations(hc, {3000, 43});
    QVERIFY((*hc.registrations.begin()).first != (*ha.registrations.begin()).first);
}

void TestEmulatorIndex::generatedRegistrationsParse()
{
    // Every generated registration, duplicates of a browser handle included, is one a client
    // can read back from a listing (a duplicate once lost its browser keys: an empty <P256DH>).
    EmulatorState state;
    EmulatorHub &hub = state.addHub(u"h"_s);
    generateRegistrations(hub, {5000, 7});
    EntryContext context;
    context.baseUrl = u"https://localhost:1/h"_s;
    context.now = QDateTime::currentDateTimeUtc();
    int browsers = 0;
    for (const auto &[id, r] : hub.registrations) {
        const auto parsed = parseRegistrationEntry(registrationEntryXml(r, context));
        QVERIFY2(parsed, qPrintable(id + u": "_s + (parsed ? QString() : parsed.error().message)));
        QCOMPARE(parsed->handle, r.handle);
        browsers += r.platform == Platform::Browser;
    }
    QVERIFY(browsers > 0);
}

void TestEmulatorIndex::hubConfigGenerates()
{
    const auto configs = parseHubConfig(
        R"({"hubs":[{"name":"big","generate":{"count":1200,"seed":5}}]})", u"cfg.json"_s);
    QVERIFY2(configs.ok(), qPrintable(configs.ok() ? QString() : configs.error().message));
    QCOMPARE(configs->value(0).generate.count, qint64(1200));
    QCOMPARE(configs->value(0).generate.seed, quint64(5));
    EmulatorFixture f;
    EmulatorOptions o = EmulatorFixture::defaultOptions();
    o.hubConfigs = *configs;
    QVERIFY(f.start(o));
    QCOMPARE(f.emulator.state().hub(u"big"_s)->registrations.size(), std::size_t(1200));
    const auto bad =
        parseHubConfig(R"({"hubs":[{"name":"big","generate":{"count":-1}}]})", u"cfg.json"_s);
    QVERIFY(!bad.ok());
    QVERIFY(bad.error().message.contains(u"generate"_s));
}

QTEST_GUILESS_MAIN(TestEmulatorIndex)
#include "tst_emulatorindex.moc"
