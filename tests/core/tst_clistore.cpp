// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// nhcli's store commands in-process (issue #6): `send` writing the history, `history
// list|show|resend|export|prune` with the HistoryFilter options, and `profiles
// list|show|add|remove|import|export` against the real keychain (under with_keyring.sh unlocked;
// the keychain rows are skipped in a bare run). Sends go to the in-process emulator over HTTPS.
// QStandardPaths test mode keeps the default settings and history files out of the real home.
#include "cli/cli.h"
#include "cli/historycommand.h"
#include "clirun.h"
#include "emulator/emulatorstate.h"
#include "emulatorfixture.h"
#include "resultcheck.h"
#include "store/historystore.h"
#include "store/settings.h"

#include <QBuffer>
#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>

using namespace Qt::Literals::StringLiterals;
using namespace Nh;

namespace {

const QDateTime kT0 = QDateTime::currentDateTimeUtc().addDays(-1);
const QString kP1 = u"6f1c0e52-6f5a-4a39-9a8e-1b1d8f0c0001"_s;
const QString kP2 = u"6f1c0e52-6f5a-4a39-9a8e-1b1d8f0c0002"_s;

Exchange sendExchange(const QDateTime &started, const QByteArray &format, const QByteArray &tags)
{
    Exchange e;
    e.operation = u"send.test"_s;
    e.hub = u"myhub"_s;
    e.started = started;
    e.method = "POST";
    e.url = QUrl(u"https://ns.servicebus.windows.net/myhub/messages?api-version=2020-06&test"_s);
    e.requestHeaders = {{"ServiceBusNotification-Format", format},
                        {"ServiceBusNotification-Tags", tags},
                        {"Content-Type", "application/json;charset=utf-8"}};
    e.requestBody = "{\"aps\":{\"alert\":\"hello\"}}";
    e.status = 201;
    e.reasonPhrase = "Created";
    e.result = ExchangeResult::Success;
    e.totalMs = 12;
    return e;
}

} // namespace

class TestCliStore final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void sharedPathsWhateverTheAppName();
    void parsesTimes_data();
    void parsesTimes();
    void sendWritesTheHistory();
    void historyList_data();
    void historyList();
    void historyShow();
    void historyExport_data();
    void historyExport();
    void historyPrune();
    void historyResend();
    void usageErrors_data();
    void usageErrors();

    void profilesWithoutKeychain();
    void profilesThroughTheKeychain();
    void keyNeverOnDisk();

private:
    using Run = Nh::Test::CliRun;
    QProcessEnvironment environment(bool withConnection = true) const;
    Run run(const QStringList &args, const QProcessEnvironment &env,
            const QByteArray &stdinData = {});
    Run run(const QStringList &args) { return run(args, environment()); }
    /** Five exchanges a … e, oldest first; c failed; d is pinned. */
    void writeFixture();
    QStringList namesOf(const QJsonArray &exchanges) const;

    EmulatorFixture f;
    QTemporaryDir m_dir;
    QString m_caFile;
    QString m_history;
    QHash<QString, QString> m_names; // exchange id → a … e
    bool m_keychain = false;
};

void TestCliStore::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    QVERIFY(f.start());
    m_caFile = m_dir.filePath(u"emulator-ca.pem"_s);
    QFile pem(m_caFile);
    QVERIFY(pem.open(QIODevice::WriteOnly));
    pem.write(f.emulator.certificatePem());
    m_keychain = qEnvironmentVariable("NH_KEYRING_MODE") == u"unlocked"_s;
    // Start from an empty profile file (test mode puts it under ~/.qttest).
    QFile::remove(Settings::userSettingsPath());
}

void TestCliStore::init()
{
    static int n = 0;
    m_history = m_dir.filePath(u"history-%1.sqlite"_s.arg(++n));
    m_names.clear();
    f.resetHub();
    Registration r;
    r.platform = Platform::Apple;
    r.handle = u"62BCD3484834B7E2DC56733AC5509259230CC1BA82BA1AE7D06E91908A05A8FA"_s;
    r.tags = {u"sports"_s};
    f.emulator.state().putRegistration(*f.emulator.state().hub(f.hub()), r);
}

void TestCliStore::sharedPathsWhateverTheAppName()
{
    // nhconsole and nhcli must read and write the same profiles and history.
    const QString before = QCoreApplication::applicationName();
    const auto restore = qScopeGuard([&] { QCoreApplication::setApplicationName(before); });
    QCoreApplication::setApplicationName(u"nhconsole"_s);
    const QString guiSettings = Settings::userSettingsPath();
    const QString guiHistory = HistoryStore::defaultPath();
    QCoreApplication::setApplicationName(u"nhcli"_s);
    QCOMPARE(Settings::userSettingsPath(), guiSettings);
    QCOMPARE(HistoryStore::defaultPath(), guiHistory);
    QVERIFY2(guiSettings.endsWith(u"/nhconsole/nhconsole.conf"_s), qPrintable(guiSettings));
    QVERIFY2(guiHistory.endsWith(u"/nhconsole/history.sqlite"_s), qPrintable(guiHistory));
}

QProcessEnvironment TestCliStore::environment(bool withConnection) const
{
    QProcessEnvironment e;
    if (withConnection) {
        e.insert(u"NH_CONNECTION_STRING"_s, f.connectionString().toString());
        e.insert(u"NH_HUB"_s, f.hub());
    }
    e.insert(u"NH_CA_FILE"_s, m_caFile);
    return e;
}

TestCliStore::Run TestCliStore::run(const QStringList &args, const QProcessEnvironment &env,
                                    const QByteArray &stdinData)
{
    return Nh::Test::runCli(args, {env, stdinData, 200});
}

void TestCliStore::writeFixture()
{
    auto opened = HistoryStore::open(m_history);
    NH_VERIFY_OK(opened);
    auto &store = *opened;
    Exchange a = sendExchange(kT0.addSecs(-5 * 3600), "apple", "sports && news");
    Exchange b = sendExchange(kT0.addSecs(-4 * 3600), "fcmv1", "sports");
    Exchange c = sendExchange(kT0.addSecs(-3 * 3600), "apple", "user:42");
    c.status = 401;
    c.reasonPhrase = "Unauthorized";
    c.responseBody = "<Error><Code>401</Code><Detail>Unauthorized: Invalid token</Detail></Error>";
    c.result = ExchangeResult::HubError;
    Exchange d = sendExchange(kT0.addSecs(-2 * 3600), "template", "news");
    d.requestBody = "{\"message\":\"zebra crossing\"}";
    // Sent to a local emulator: its curl command trusts NH_CA_FILE.
    d.url = QUrl(u"https://127.0.0.1:44847/myhub/messages?api-version=2020-06&test"_s);
    Exchange e = sendExchange(kT0.addSecs(-3600), "apple", "vip");
    QSignalSpy written(store.get(), &HistoryStore::written);
    QSignalSpy updated(store.get(), &HistoryStore::updated);
    const QList<std::pair<QString, Exchange>> all {
        {u"a"_s, a}, {u"b"_s, b}, {u"c"_s, c}, {u"d"_s, d}, {u"e"_s, e}};
    for (const auto &[name, ex] : all) {
        HistoryContext context;
        context.profileId = name == u"b"_s ? kP2 : kP1;
        context.profileName = name == u"b"_s ? u"Profile 2"_s : u"Profile 1"_s;
        context.source = u"gui"_s;
        store->add(ex, context);
        m_names.insert(ex.id.toString(QUuid::WithoutBraces), name);
    }
    store->setPinned(d.id, true);
    QVERIFY(QTest::qWaitFor([&] { return written.size() == 5 && updated.size() == 1; }, 10000));
}

QStringList TestCliStore::namesOf(const QJsonArray &exchanges) const
{
    QStringList names;
    for (const QJsonValue &v : exchanges)
        names << m_names.value(v.toObject().value(u"id"_s).toString(), u"?"_s);
    return names;
}

void TestCliStore::parsesTimes_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QDateTime>("expected"); // invalid: refused
    const QDateTime now(QDate(2026, 3, 1), QTime(12, 0), Qt::UTC);
    QTest::newRow("minutes ago") << u"30m"_s << now.addSecs(-1800);
    QTest::newRow("hours ago") << u" 2h "_s << now.addSecs(-7200);
    QTest::newRow("days ago") << u"7d"_s << now.addDays(-7);
    QTest::newRow("seconds ago") << u"45s"_s << now.addSecs(-45);
    QTest::newRow("a date is midnight UTC")
        << u"2026-02-14"_s << QDateTime(QDate(2026, 2, 14), QTime(0, 0), Qt::UTC);
    QTest::newRow("no zone is UTC")
        << u"2026-02-14T08:30:00"_s << QDateTime(QDate(2026, 2, 14), QTime(8, 30), Qt::UTC);
    QTest::newRow("Z") << u"2026-02-14T08:30:00Z"_s
                       << QDateTime(QDate(2026, 2, 14), QTime(8, 30), Qt::UTC);
    QTest::newRow("offset") << u"2026-02-14T10:30:00+02:00"_s
                            << QDateTime(QDate(2026, 2, 14), QTime(8, 30), Qt::UTC);
    QTest::newRow("unit missing") << u"30"_s << QDateTime();
    QTest::newRow("unknown unit") << u"3w"_s << QDateTime();
    QTest::newRow("words") << u"yesterday"_s << QDateTime();
    QTest::newRow("empty") << QString() << QDateTime();
}

void TestCliStore::parsesTimes()
{
    QFETCH(QString, text);
    QFETCH(QDateTime, expected);
    const QDateTime now(QDate(2026, 3, 1), QTime(12, 0), Qt::UTC);
    const auto t = parseCliTime(text, now);
    if (!expected.isValid()) {
        QVERIFY2(!t, qPrintable(t ? t->toString(Qt::ISODate) : QString()));
        return;
    }
    QVERIFY(t.has_value());
    QCOMPARE(t->toUTC(), expected);
}

void TestCliStore::sendWritesTheHistory()
{
    const QString key = f.connectionString().key();
    Run r = run({u"send"_s, u"--format"_s, u"apple"_s, u"--tags"_s, u"sports"_s, u"--history"_s,
                 m_history, u"--json"_s});
    RUN_OK(r);
    QCOMPARE(r.code, 0);
    auto reader = HistoryReader::open(m_history);
    NH_VERIFY_OK(reader);
    QCOMPARE((*reader)->count().value(), 1);
    const auto rows = (*reader)->page({}, {}, nullptr, 10);
    NH_VERIFY_OK(rows);
    const HistorySummary s = rows->first();
    QCOMPARE(s.source, u"cli"_s);
    QCOMPARE(s.operation, u"send.test"_s);
    QCOMPARE(s.target, u"sports"_s);
    QCOMPARE(s.tags, QStringList {u"sports"_s});
    QCOMPARE(s.format, u"apple"_s);
    QCOMPARE(s.status, HistoryStatus::Success);
    QCOMPARE(s.outcomeSuccess, 1);
    QVERIFY(s.profileId.isEmpty());

    // --repeat writes every exchange; a failed send too.
    r = run({u"send"_s, u"--format"_s, u"apple"_s, u"--tags"_s, u"sports"_s, u"--repeat"_s, u"3"_s,
             u"--history"_s, m_history});
    RUN_OK(r);
    QCOMPARE(r.code, 0);
    r = run({u"send"_s, u"--format"_s, u"apple"_s, u"--tags"_s, u"sports &&"_s, u"--history"_s,
             m_history});
    RUN_OK(r);
    QCOMPARE(r.code, 3);
    QCOMPARE((*reader)->count().value(), 5);
    HistoryFilter errors;
    errors.statuses = HistoryStatus::Error;
    QCOMPARE((*reader)->count(errors).value(), 1);

    // --no-history writes nothing; the key is in no byte of the file.
    const QString other = m_dir.filePath(u"not-written.sqlite"_s);
    r = run({u"send"_s, u"--format"_s, u"apple"_s, u"--tags"_s, u"sports"_s, u"--no-history"_s,
             u"--history"_s, other});
    QCOMPARE(r.code, 2); // both given
    r = run({u"send"_s, u"--format"_s, u"apple"_s, u"--tags"_s, u"sports"_s, u"--no-history"_s});
    QCOMPARE(r.code, 0);
    QVERIFY(!QFile::exists(other));
    r = run({u"send"_s, u"--format"_s, u"apple"_s, u"--tags"_s, u"sports"_s});
    QCOMPARE(r.code, 0);
    reader.value().reset();
    for (const QString &file : {m_history, QString(m_history + u"-wal"_s)}) {
        QFile db(file);
        if (!db.open(QIODevice::ReadOnly))
            continue;
        QVERIFY2(!db.readAll().contains(key.toUtf8()), "the key reached the history file");
    }
    // Without --history the default file is used (in the test-mode data location).
    QVERIFY(QFile::exists(HistoryStore::defaultPath()));
}

void TestCliStore::historyList_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QStringList>("expected"); // newest first
    QTest::addColumn<int>("total");

    QTest::newRow("all") << QStringList() << QStringList {u"e"_s, u"d"_s, u"c"_s, u"b"_s, u"a"_s}
                         << 5;
    QTest::newRow("limit") << QStringList {u"--limit"_s, u"2"_s} << QStringList {u"e"_s, u"d"_s}
                           << 5;
    QTest::newRow("limit 0 is all") << QStringList {u"--limit"_s, u"0"_s}
                                    << QStringList {u"e"_s, u"d"_s, u"c"_s, u"b"_s, u"a"_s} << 5;
    QTest::newRow("profile id") << QStringList {u"--profile"_s, kP2} << QStringList {u"b"_s} << 1;
    QTest::newRow("format") << QStringList {u"--format"_s, u"APPLE"_s}
                            << QStringList {u"e"_s, u"c"_s, u"a"_s} << 3;
    QTest::newRow("tag") << QStringList {u"--tag"_s, u"news"_s} << QStringList {u"d"_s, u"a"_s}
                         << 2;
    QTest::newRow("status") << QStringList {u"--status"_s, u"failure"_s} << QStringList {u"c"_s}
                            << 1;
    QTest::newRow("two statuses") << QStringList {u"--status"_s, u"failure,success"_s}
                                  << QStringList {u"e"_s, u"d"_s, u"c"_s, u"b"_s, u"a"_s} << 5;
    QTest::newRow("search") << QStringList {u"--search"_s, u"zebra"_s} << QStringList {u"d"_s} << 1;
    QTest::newRow("search the error body")
        << QStringList {u"--search"_s, u"unauthorized"_s} << QStringList {u"c"_s} << 1;
    QTest::newRow("pinned") << QStringList {u"--pinned"_s} << QStringList {u"d"_s} << 1;
    QTest::newRow("since (relative)")
        << QStringList {u"--since"_s, u"1570m"_s} << QStringList {u"e"_s, u"d"_s} << 2;
    QTest::newRow("until (ISO)") << QStringList {u"--until"_s,
                                                 kT0.addSecs(-4 * 3600).toString(Qt::ISODate)}
                                 << QStringList {u"a"_s} << 1;
    QTest::newRow("everything at once") << QStringList {u"--format"_s, u"apple"_s,    u"--tag"_s,
                                                        u"sports"_s,   u"--status"_s, u"success"_s}
                                        << QStringList {u"a"_s} << 1;
}

void TestCliStore::historyList()
{
    QFETCH(QStringList, args);
    QFETCH(QStringList, expected);
    QFETCH(int, total);
    writeFixture();
    Run r =
        run(QStringList {u"history"_s, u"list"_s, u"--json"_s, u"--history"_s, m_history} + args);
    RUN_OK(r);
    QVERIFY2(r.code == 0, qPrintable(r.err + r.out));
    QCOMPARE(namesOf(r.json.value(u"exchanges"_s).toArray()), expected);
    QCOMPARE(r.json.value(u"total"_s).toInt(), total);

    // The human table lists the same exchanges by id.
    r = run(QStringList {u"history"_s, u"list"_s, u"--history"_s, m_history} + args);
    QCOMPARE(r.code, 0);
    const QStringList lines = r.out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), expected.size() + 1);
    QVERIFY2(lines.first().startsWith(u"TIME (UTC)"_s), qPrintable(lines.first()));
    for (int i = 0; i < expected.size(); ++i)
        QCOMPARE(m_names.value(lines.at(i + 1).section(u"  "_s, 1, 1).trimmed()), expected.at(i));
    QCOMPARE(r.err.contains(u"--limit N shows more"_s), total > expected.size());
}

void TestCliStore::historyShow()
{
    writeFixture();
    const QString c = m_names.key(u"c"_s);
    Run r = run({u"history"_s, u"show"_s, c, u"--json"_s, u"--history"_s, m_history});
    RUN_OK(r);
    QCOMPARE(r.code, 0);
    const QJsonObject ex = r.json.value(u"exchange"_s).toObject();
    QVERIFY2(QJsonDocument(ex).toJson().contains(c.toUtf8()), qPrintable(r.out.left(400)));
    QVERIFY(r.out.contains(u"Invalid token"_s));

    r = run({u"history"_s, u"show"_s, u"last"_s, u"--history"_s, m_history});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains(m_names.key(u"e"_s)), qPrintable(r.out.left(400)));
    QVERIFY(r.out.contains(u"Source:   gui"_s));
    // "last" under a filter: the newest that passes it.
    r = run({u"history"_s, u"show"_s, u"last"_s, u"--status"_s, u"failure"_s, u"--history"_s,
             m_history});
    QVERIFY2(r.out.contains(c), qPrintable(r.out.left(400)));

    r = run({u"history"_s, u"show"_s, QUuid::createUuid().toString(), u"--history"_s, m_history});
    QCOMPARE(r.code, 2);
    r = run({u"history"_s, u"show"_s, u"12345"_s, u"--history"_s, m_history});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains(u"'12345' is not an exchange id"_s), qPrintable(r.err));
    r = run(
        {u"history"_s, u"show"_s, u"last"_s, u"--tag"_s, u"nobody"_s, u"--history"_s, m_history});
    QCOMPARE(r.code, 2);
    r = run({u"history"_s, u"show"_s, u"last"_s, u"--history"_s, m_dir.filePath(u"none.sqlite"_s)});
    QCOMPARE(r.code, 1);
    QVERIFY(!QFile::exists(m_dir.filePath(u"none.sqlite"_s)));
}

void TestCliStore::historyExport_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QStringList>("markers");
    QTest::newRow("json (default)") << QString() << QStringList {u"\"nhconsole-history\""_s};
    QTest::newRow("json") << u"json"_s << QStringList {u"\"nhconsole-history\""_s};
    // a went to a real hub, d to a local emulator, whose certificate (NH_CA_FILE) curl trusts.
    QTest::newRow("curl") << u"curl"_s
                          << QStringList {u"curl 'https://ns.servicebus.windows.net/myhub/"_s,
                                          u"curl --cacert '%1' 'https://127.0.0.1:44847/myhub/"_s,
                                          u"-H 'ServiceBusNotification-Tags: news'"_s};
    QTest::newRow("har") << u"har"_s << QStringList {u"\"version\": \"1.2\""_s, u"\"entries\""_s};
}

void TestCliStore::historyExport()
{
    QFETCH(QString, format);
    QFETCH(QStringList, markers);
    writeFixture();
    QStringList args {u"history"_s, u"export"_s, u"--tag"_s, u"news"_s, u"--history"_s, m_history};
    if (!format.isEmpty())
        args << u"--format"_s << format;
    Run r = run(args);
    RUN_OK(r);
    QVERIFY2(r.code == 0, qPrintable(r.err));
    for (const QString &m : markers) {
        const QString marker = m.contains(u"%1"_s) ? m.arg(m_caFile) : m;
        QVERIFY2(r.out.contains(marker), qPrintable(marker + u" missing in "_s + r.out.left(900)));
    }
    if (format == u"curl"_s)
        QCOMPARE(r.out.count(u"--cacert"_s), 1);
    // Only d and a, oldest first.
    const QString a = m_names.key(u"a"_s);
    const QString d = m_names.key(u"d"_s);
    if (format != u"curl"_s) {
        QVERIFY(r.out.contains(a) && r.out.contains(d));
        QVERIFY(r.out.indexOf(a) < r.out.indexOf(d));
        QVERIFY(!r.out.contains(m_names.key(u"b"_s)));
    }

    // Named ids, to a file.
    const QString file = m_dir.filePath(u"export-%1.out"_s.arg(format));
    args = QStringList {u"history"_s, u"export"_s, m_names.key(u"c"_s), u"--output"_s,
                        file,         u"--json"_s, u"--history"_s,      m_history};
    if (!format.isEmpty())
        args << u"--format"_s << format;
    r = run(args);
    QCOMPARE(r.code, 0);
    QCOMPARE(r.json.value(u"exchanges"_s).toInt(), 1);
    QFile out(file);
    QVERIFY(out.open(QIODevice::ReadOnly));
    QVERIFY(out.size() > 0);
    r = run({u"history"_s, u"export"_s, u"not-an-id"_s, u"--history"_s, m_history});
    QCOMPARE(r.code, 2);
}

void TestCliStore::historyPrune()
{
    writeFixture();
    const auto count = [this] {
        auto reader = HistoryReader::open(m_history);
        return reader ? (*reader)->count().value() : -1;
    };
    Run r = run({u"history"_s, u"prune"_s, u"--history"_s, m_history});
    QCOMPARE(r.code, 2);
    QVERIFY(r.err.contains(u"--keep N or --older-than DAYS"_s));

    // Older than a day and a half: nothing (all are a day and some hours old)…
    r = run({u"history"_s, u"prune"_s, u"--older-than"_s, u"2"_s, u"--json"_s, u"--history"_s,
             m_history});
    QCOMPARE(r.code, 0);
    QCOMPARE(r.json.value(u"removed"_s).toInt(), 0);
    QCOMPARE(count(), 5);
    // …keep the two newest (e, d): a, b, c go.
    r = run(
        {u"history"_s, u"prune"_s, u"--keep"_s, u"2"_s, u"--json"_s, u"--history"_s, m_history});
    QVERIFY2(r.code == 0, qPrintable(r.err + r.out));
    QCOMPARE(r.json.value(u"removed"_s).toInt(), 3);
    QCOMPARE(count(), 2);
    // Everything older than 0 days, but d is pinned and stays.
    r = run({u"history"_s, u"prune"_s, u"--older-than"_s, u"0"_s, u"--history"_s, m_history});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains(u"Deleted 1 exchange"_s), qPrintable(r.out));
    QCOMPARE(count(), 1);
    r = run({u"history"_s, u"list"_s, u"--json"_s, u"--history"_s, m_history});
    QCOMPARE(namesOf(r.json.value(u"exchanges"_s).toArray()), QStringList {u"d"_s});
}

void TestCliStore::historyResend()
{
    Run r = run({u"send"_s, u"--format"_s, u"apple"_s, u"--tags"_s, u"sports"_s, u"--history"_s,
                 m_history});
    QCOMPARE(r.code, 0);
    const qint64 before = f.emulator.state().hub(f.hub())->messages.size();
    r = run({u"history"_s, u"resend"_s, u"last"_s, u"--json"_s, u"--history"_s, m_history});
    RUN_OK(r);
    QVERIFY2(r.code == 0, qPrintable(r.err + r.out));
    QCOMPARE(qint64(f.emulator.state().hub(f.hub())->messages.size()), before + 1);
    auto reader = HistoryReader::open(m_history);
    NH_VERIFY_OK(reader);
    const auto rows = (*reader)->page({}, {}, nullptr, 10);
    NH_VERIFY_OK(rows);
    QCOMPARE(rows->size(), 2);
    QVERIFY(rows->at(0).id != rows->at(1).id);
    QCOMPARE(r.json.value(u"resentFrom"_s).toString(),
             rows->at(1).id.toString(QUuid::WithoutBraces));
    QCOMPARE(rows->at(0).target, u"sports"_s);
    QCOMPARE(rows->at(0).source, u"cli"_s);

    // Without a connection it is a usage error, and nothing is written.
    r = run({u"history"_s, u"resend"_s, u"last"_s, u"--history"_s, m_history}, environment(false));
    QCOMPARE(r.code, 2);
    QCOMPARE((*reader)->count().value(), 2);
}

void TestCliStore::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("says");
    QTest::newRow("history without action")
        << QStringList {u"history"_s} << 2 << u"Name an action"_s;
    QTest::newRow("history unknown action")
        << QStringList {u"history"_s, u"drop"_s} << 2 << u"Unknown action 'drop'"_s;
    QTest::newRow("bad status") << QStringList {u"history"_s, u"list"_s, u"--status"_s, u"ok"_s}
                                << 2 << u"Unknown --status 'ok'"_s;
    QTest::newRow("bad since") << QStringList {u"history"_s, u"list"_s, u"--since"_s, u"soon"_s}
                               << 2 << u"--since takes"_s;
    QTest::newRow("bad limit") << QStringList {u"history"_s, u"list"_s, u"--limit"_s, u"-1"_s} << 2
                               << u"--limit takes"_s;
    QTest::newRow("bad format") << QStringList {u"history"_s, u"list"_s, u"--format"_s, u"fax"_s}
                                << 2 << u"Unknown --format 'fax'"_s;
    QTest::newRow("unknown profile")
        << QStringList {u"history"_s, u"list"_s, u"--profile"_s, u"nope"_s} << 2
        << u"There is no profile “nope”"_s;
    QTest::newRow("show without id")
        << QStringList {u"history"_s, u"show"_s} << 2 << u"one exchange id"_s;
    QTest::newRow("profiles without action")
        << QStringList {u"profiles"_s} << 2 << u"Name an action"_s;
    QTest::newRow("profiles show unknown") << QStringList {u"profiles"_s, u"show"_s, u"nope"_s} << 2
                                           << u"There is no profile “nope”"_s;
    QTest::newRow("send with unknown profile")
        << QStringList {u"send"_s, u"--tags"_s, u"a"_s, u"--profile"_s, u"nope"_s} << 2
        << u"There is no profile “nope”"_s;
    QTest::newRow("built-in profile cannot go")
        << QStringList {u"profiles"_s, u"remove"_s, u"Local emulator"_s} << 3
        << u"built in and cannot be deleted"_s;
    QTest::newRow("import a file that is not there")
        << QStringList {u"profiles"_s, u"import"_s, u"/nonexistent/p.json"_s} << 1
        << u"cannot be read"_s;
}

void TestCliStore::usageErrors()
{
    QFETCH(QStringList, args);
    QFETCH(int, code);
    QFETCH(QString, says);
    if (args.first() != u"profiles"_s)
        args << u"--history"_s << m_history;
    Run r = run(args);
    RUN_OK(r);
    QCOMPARE(r.code, code);
    const QString all = r.out + r.err;
    QVERIFY2(all.contains(says), qPrintable(all));
}

void TestCliStore::profilesWithoutKeychain()
{
    // Nothing here touches the keychain: list and show the built-in profile, refuse bad input.
    Run r = run({u"profiles"_s, u"list"_s, u"--json"_s});
    RUN_OK(r);
    QCOMPARE(r.code, 0);
    const QJsonArray list = r.json.value(u"profiles"_s).toArray();
    QVERIFY(!list.isEmpty());
    QCOMPARE(list.first().toObject().value(u"name"_s).toString(), u"Local emulator"_s);
    r = run({u"profiles"_s, u"show"_s, u"local emulator"_s, u"--json"_s});
    QCOMPARE(r.code, 0);
    QCOMPARE(r.json.value(u"profile"_s).toObject().value(u"keyStatus"_s).toString(), u"none"_s);
    QCOMPARE(r.json.value(u"profile"_s).toObject().value(u"builtIn"_s).toBool(), true);

    // A key on the command line is refused before anything happens.
    r = run({u"profiles"_s, u"add"_s, u"X"_s, u"--connection-string"_s,
             f.connectionString().toString()},
            environment(false));
    QCOMPARE(r.code, 2);
    QVERIFY(r.err.contains(u"Refusing a connection string with a SharedAccessKey"_s));
    QVERIFY(!r.err.contains(f.connectionString().key()));
    // A file that is not an export.
    const QString bogus = m_dir.filePath(u"bogus.json"_s);
    QFile file(bogus);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"format":"nhconsole-profiles","version":1,"profiles":[{"name":"x"}]})");
    file.close();
    r = run({u"profiles"_s, u"import"_s, bogus, u"--json"_s});
    QCOMPARE(r.code, 3);
    QCOMPARE(r.json.value(u"error"_s)
                 .toObject()
                 .value(u"detail"_s)
                 .toObject()
                 .value(u"where"_s)
                 .toString(),
             u"profiles[0].host"_s);
}

void TestCliStore::profilesThroughTheKeychain()
{
    if (!m_keychain)
        QSKIP("needs an unlocked keychain (with_keyring.sh unlocked)");
    const ConnectionString cs = f.connectionString();
    const QString key = cs.key();

    // add: the connection string on stdin, never on the command line.
    Run r = run({u"profiles"_s, u"add"_s, u"Emu hub"_s, u"--connection-string"_s, u"-"_s,
                 u"--hub"_s, f.hub(), u"--label"_s, u"TEST"_s, u"--json"_s},
                environment(false), cs.toString().toUtf8() + '\n');
    RUN_OK(r);
    QVERIFY2(r.code == 0, qPrintable(r.err + r.out));
    QCOMPARE(r.json.value(u"profile"_s).toObject().value(u"host"_s).toString(), u"127.0.0.1"_s);
    QVERIFY(!r.out.contains(key) && !r.err.contains(key));
    // The same name again is refused.
    r = run({u"profiles"_s, u"add"_s, u"emu HUB"_s, u"--connection-string"_s, u"-"_s, u"--hub"_s,
             f.hub()},
            environment(false), cs.toString().toUtf8() + '\n');
    QCOMPARE(r.code, 3);
    QVERIFY2(r.err.contains(u"profile names must be unique"_s), qPrintable(r.err));

    r = run({u"profiles"_s, u"show"_s, u"emu hub"_s, u"--json"_s});
    QCOMPARE(r.code, 0);
    QCOMPARE(r.json.value(u"profile"_s).toObject().value(u"keyStatus"_s).toString(), u"keychain"_s);
    r = run({u"profiles"_s, u"list"_s});
    QVERIFY2(r.out.contains(u"Emu hub"_s) && r.out.contains(u"TEST"_s), qPrintable(r.out));

    // send --profile: endpoint and key from the profile, nothing from the environment.
    r = run({u"send"_s, u"--profile"_s, u"Emu hub"_s, u"--format"_s, u"apple"_s, u"--tags"_s,
             u"sports"_s, u"--history"_s, m_history, u"--json"_s},
            environment(false));
    RUN_OK(r);
    QVERIFY2(r.code == 0, qPrintable(r.err + r.out));
    auto reader = HistoryReader::open(m_history);
    NH_VERIFY_OK(reader);
    const auto rows = (*reader)->page({}, {}, nullptr, 5);
    NH_VERIFY_OK(rows);
    QCOMPARE(rows->size(), 1);
    QCOMPARE(rows->first().profileName, u"Emu hub"_s);
    // …and history list --profile finds it by name.
    r = run({u"history"_s, u"list"_s, u"--profile"_s, u"emu hub"_s, u"--json"_s, u"--history"_s,
             m_history});
    QCOMPARE(r.json.value(u"total"_s).toInt(), 1);
    // resend with the profile.
    r = run({u"history"_s, u"resend"_s, u"last"_s, u"--profile"_s, u"Emu hub"_s, u"--history"_s,
             m_history},
            environment(false));
    QVERIFY2(r.code == 0, qPrintable(r.err + r.out));
    QCOMPARE((*reader)->count().value(), 2);

    // export: without keys there is no key; with keys it says so.
    r = run({u"profiles"_s, u"export"_s, u"Emu hub"_s});
    QCOMPARE(r.code, 0);
    QVERIFY(!r.out.contains(key));
    QVERIFY(r.out.contains(u"\"containsKeys\": false"_s));
    const QString withKeys = m_dir.filePath(u"with-keys.json"_s);
    r = run({u"profiles"_s, u"export"_s, u"Emu hub"_s, u"--with-keys"_s, u"--output"_s, withKeys});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains(u"WITH their keys in plain text"_s), qPrintable(r.out));
    QVERIFY2(r.err.contains(u"in plain text"_s), qPrintable(r.err));
    QVERIFY(!r.out.contains(key) && !r.err.contains(key));
    QFile exported(withKeys);
    QVERIFY(exported.open(QIODevice::ReadOnly));
    QVERIFY(exported.readAll().contains(key.toUtf8()));
    QCOMPARE(exported.permissions() & (QFileDevice::ReadOther | QFileDevice::ReadGroup),
             QFileDevice::Permissions());

    // import: the same profile comes back under a unique name, its key in the keychain.
    r = run({u"profiles"_s, u"import"_s, withKeys, u"--json"_s});
    QVERIFY2(r.code == 0, qPrintable(r.err + r.out));
    const QJsonArray imported = r.json.value(u"imported"_s).toArray();
    QCOMPARE(imported.size(), 1);
    QCOMPARE(imported.first().toObject().value(u"name"_s).toString(), u"Emu hub (2)"_s);
    r = run({u"profiles"_s, u"show"_s, u"Emu hub (2)"_s, u"--json"_s});
    QCOMPARE(r.json.value(u"profile"_s).toObject().value(u"keyStatus"_s).toString(), u"keychain"_s);
    QFile::remove(withKeys);

    // remove: profile and key go.
    for (const QString &name : {u"Emu hub"_s, u"Emu hub (2)"_s}) {
        r = run({u"profiles"_s, u"remove"_s, name});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(u"Removed profile"_s));
        r = run({u"profiles"_s, u"show"_s, name});
        QCOMPARE(r.code, 2);
    }
}

void TestCliStore::keyNeverOnDisk()
{
    if (!m_keychain)
        QSKIP("runs after the keychain rows");
    // Every file under the sandbox home (settings, data, cache, test mode's ~/.qttest) and this
    // suite's directory: the emulator's key in no form.
    const QByteArray key = f.connectionString().key().toUtf8();
    const QByteArray needles[] = {key, key.left(16),
                                  QUrl::toPercentEncoding(QString::fromUtf8(key))};
    int files = 0;
    for (const QString &root : {QDir::homePath(), m_dir.path()}) {
        QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile file(it.next());
            if (file.fileName().endsWith(u".pem"_s) || !file.open(QIODevice::ReadOnly))
                continue;
            ++files;
            const QByteArray content = file.readAll();
            for (const QByteArray &n : needles)
                QVERIFY2(!content.contains(n), qPrintable(u"the key is in "_s + file.fileName()));
        }
    }
    QVERIFY(files > 0);
}

QTEST_GUILESS_MAIN(TestCliStore)
#include "tst_clistore.moc"
