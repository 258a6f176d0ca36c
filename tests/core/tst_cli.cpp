// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Nh::Cli in-process against the in-process emulator over real HTTPS (issue #5): every command,
// the exit codes, --json, the human layouts and that keys stay off the command line and out of
// the output. Cli::start() is driven through its finished() signal; nothing blocks.

#include "cli/cli.h"
#include "clirun.h"
#include "emulator/emulatorstate.h"
#include "emulator/faults.h"
#include "emulatorfixture.h"
#include "protocol/notification.h"
#include "protocol/sastoken.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>

using namespace Qt::Literals::StringLiterals;
using namespace Nh;

namespace {

const QString kListenRule = u"DefaultListenSharedAccessSignature"_s;
const QString kAppleHandle = u"62BCD3484834B7E2DC56733AC5509259230CC1BA82BA1AE7D06E91908A05A8FA"_s;

/** Which environment a row runs with. */
enum class Env {
    Default,
    NoConnection,
    ListenRule,
    NoCa,
    Keyless,
    KeylessWithKey,
    WrongKey, ///< the right rule with another key: the hub answers 401
    NothingListening, ///< a loopback port that was just free: the connection is refused
};

} // namespace

Q_DECLARE_METATYPE(Env)

class TestCli final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void exitCodes_data();
    void exitCodes();
    void jsonErrorCodes_data();
    void jsonErrorCodes();
    void helpPerCommand_data();
    void helpPerCommand();
    void sendJson();
    void sendLayout_data();
    void sendLayout();
    void connectionAndPayloadFromStdin();
    void keyNeverInOutput();
    void explainTags_data();
    void explainTags();
    void sasBuildAndDecode();
    void registrations();
    void installations();
    void telemetry();
    void repeat();
    void emulatorCommand();
    void emulatorCommandHubConfig();
    void emulatorTraffic();

private:
    using Run = Nh::Test::CliRun;
    QProcessEnvironment environment(Env env) const;
    Run run(const QStringList &args, Env env = Env::Default, const QByteArray &stdinData = {},
            int columns = 80, bool terminal = false);
    Run run(const QStringList &args, const QProcessEnvironment &env,
            const QByteArray &stdinData = {}, int columns = 80, bool terminal = false);
    QString addRegistration(Platform platform, const QString &handle, const QStringList &tags);

    EmulatorFixture f;
    QNetworkAccessManager nam;
    QTemporaryDir dir;
    QString caFile;
};

void TestCli::initTestCase()
{
    // Sends write the history by default: keep its file out of the real home.
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(dir.isValid());
    QVERIFY(f.start());
    caFile = dir.filePath(u"emulator-ca.pem"_s);
    QFile pem(caFile);
    QVERIFY(pem.open(QIODevice::WriteOnly));
    pem.write(f.emulator.certificatePem());
}

void TestCli::init()
{
    f.resetHub();
    addRegistration(Platform::Apple, kAppleHandle, {u"sports"_s, u"user:alice"_s});
    addRegistration(Platform::FcmV1, u"fcm-token-bob"_s, {u"sports"_s, u"news"_s});
}

QString TestCli::addRegistration(Platform platform, const QString &handle, const QStringList &tags)
{
    Registration r;
    r.platform = platform;
    r.handle = handle;
    r.tags = tags;
    EmulatorHub *hub = f.emulator.state().hub(f.hub());
    const auto before = hub->registrations.size();
    f.emulator.state().putRegistration(*hub, r);
    if (hub->registrations.size() != before + 1)
        return {};
    for (const auto &[id, reg] : hub->registrations) {
        if (reg.handle == handle)
            return id;
    }
    return {};
}

QProcessEnvironment TestCli::environment(Env env) const
{
    QProcessEnvironment e;
    const ConnectionString full = f.connectionString();
    switch (env) {
    case Env::Default:
    case Env::NoCa:
        e.insert(u"NH_CONNECTION_STRING"_s, full.toString());
        break;
    case Env::NoConnection:
        break;
    case Env::ListenRule:
        e.insert(u"NH_CONNECTION_STRING"_s, f.connectionString(kListenRule).toString());
        break;
    case Env::Keyless:
    case Env::KeylessWithKey:
        e.insert(u"NH_CONNECTION_STRING"_s,
                 u"Endpoint=sb://127.0.0.1:%1/;SharedAccessKeyName=%2"_s.arg(f.emulator.port())
                     .arg(full.keyName()));
        if (env == Env::KeylessWithKey)
            e.insert(u"NH_SAS_KEY"_s, full.key());
        break;
    case Env::WrongKey:
        e.insert(u"NH_CONNECTION_STRING"_s,
                 u"Endpoint=sb://127.0.0.1:%1/;SharedAccessKeyName=%2;SharedAccessKey=%3"_s
                     .arg(f.emulator.port())
                     .arg(full.keyName(), QString::fromLatin1(QByteArray(32, 'k').toBase64())));
        break;
    case Env::NothingListening: {
        quint16 port = 0;
        {
            QTcpServer probe;
            if (probe.listen(QHostAddress::LocalHost))
                port = probe.serverPort();
        }
        e.insert(
            u"NH_CONNECTION_STRING"_s,
            u"Endpoint=sb://127.0.0.1:%1/;SharedAccessKeyName=%2;SharedAccessKey=%3"_s.arg(port)
                .arg(full.keyName(), full.key()));
        break;
    }
    }
    e.insert(u"NH_HUB"_s, f.hub());
    if (env != Env::NoCa)
        e.insert(u"NH_CA_FILE"_s, caFile);
    return e;
}

TestCli::Run TestCli::run(const QStringList &args, Env env, const QByteArray &stdinData,
                          int columns, bool terminal)
{
    return run(args, environment(env), stdinData, columns, terminal);
}

TestCli::Run TestCli::run(const QStringList &args, const QProcessEnvironment &env,
                          const QByteArray &stdinData, int columns, bool terminal)
{
    return Nh::Test::runCli(args, {env, stdinData, columns, terminal});
}

// --- exit codes ---------------------------------------------------------------------------------

void TestCli::exitCodes_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<Env>("env");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("says"); // a fragment of stdout+stderr

    const QStringList apple {u"send"_s, u"--format"_s, u"apple"_s};
    const QString fault = u"--header"_s;

    QTest::newRow("no command") << QStringList {} << Env::Default << 2 << u"Name a command"_s;
    QTest::newRow("unknown command")
        << QStringList {u"frobnicate"_s} << Env::Default << 2 << u"'frobnicate'"_s;
    QTest::newRow("unknown option")
        << QStringList {u"send"_s, u"--frob"_s} << Env::Default << 2 << u"frob"_s;
    QTest::newRow("missing option value")
        << QStringList {u"send"_s, u"--tags"_s} << Env::Default << 2 << u"tags"_s;
    QTest::newRow("no connection") << (apple + QStringList {u"--tags"_s, u"sports"_s})
                                   << Env::NoConnection << 2 << u"NH_CONNECTION_STRING"_s;
    QTest::newRow("keyless string, no NH_SAS_KEY")
        << (apple + QStringList {u"--tags"_s, u"sports"_s}) << Env::Keyless << 2 << u"NH_SAS_KEY"_s;
    QTest::newRow("keyless string + NH_SAS_KEY")
        << (apple + QStringList {u"--tags"_s, u"sports"_s}) << Env::KeylessWithKey << 0 << u"201"_s;
    QTest::newRow("no target") << apple << Env::Default << 2 << u"--broadcast"_s;
    QTest::newRow("two targets") << (apple + QStringList {u"--tags"_s, u"a"_s, u"--broadcast"_s})
                                 << Env::Default << 2 << u"only one"_s;
    QTest::newRow("unknown format")
        << QStringList {u"send"_s, u"--format"_s, u"pigeon"_s, u"--broadcast"_s} << Env::Default
        << 2 << u"fcmv1"_s;
    QTest::newRow("bad --timeout")
        << (apple + QStringList {u"--tags"_s, u"a"_s, u"--timeout"_s, u"soon"_s}) << Env::Default
        << 2 << u"'soon'"_s;
    QTest::newRow("bad --repeat") << (apple
                                      + QStringList {u"--tags"_s, u"a"_s, u"--repeat"_s, u"0"_s})
                                  << Env::Default << 2 << u"--repeat"_s;
    QTest::newRow("test send reaches registrations")
        << (apple + QStringList {u"--tags"_s, u"sports"_s}) << Env::Default << 0
        << u"1 succeeded, 0 failed"_s;
    QTest::newRow("test send reaches nobody") << (apple + QStringList {u"--tags"_s, u"nobody"_s})
                                              << Env::Default << 6 << u"No registration matched"_s;
    QTest::newRow("payload refused before sending")
        << (apple + QStringList {u"--tags"_s, u"sports"_s, u"--payload"_s, u"{\"aps\":"_s})
        << Env::Default << 3 << u"line 1"_s;
    QTest::newRow("tag expression refused before sending")
        << (apple + QStringList {u"--tags"_s, u"sports && "_s}) << Env::Default << 3
        << u"position"_s;
    QTest::newRow("hub error: listen rule cannot send")
        << (apple + QStringList {u"--tags"_s, u"sports"_s}) << Env::ListenRule << 5 << u"401"_s;
    QTest::newRow("hub error: injected 500")
        << (apple
            + QStringList {u"--tags"_s, u"sports"_s, fault, u"X-Nh-Emulator-Fault:status=500"_s})
        << Env::Default << 5 << u"500"_s;
    QTest::newRow("transport error: reset")
        << (apple + QStringList {u"--tags"_s, u"sports"_s, fault, u"X-Nh-Emulator-Fault:reset"_s})
        << Env::Default << 4 << u"No HTTP response"_s;
    QTest::newRow("transport error: untrusted certificate")
        << (apple + QStringList {u"--tags"_s, u"sports"_s}) << Env::NoCa << 4 << u"TLS"_s;
    QTest::newRow("transport error: timeout")
        << (apple
            + QStringList {u"--tags"_s, u"sports"_s, u"--timeout"_s, u"0.3"_s, fault,
                           u"X-Nh-Emulator-Fault:stall"_s})
        << Env::Default << 4 << u"within 0.3 s"_s;
    QTest::newRow("unreadable answer")
        << (apple + QStringList {u"--tags"_s, u"sports"_s, fault, u"X-Nh-Emulator-Fault:garbage"_s})
        << Env::Default << 7 << u"could not be read"_s;
    QTest::newRow("json: no targets")
        << (apple + QStringList {u"--tags"_s, u"nobody"_s, u"--json"_s}) << Env::Default << 6
        << u"\"no-targets\""_s;
    QTest::newRow("json: usage") << QStringList {u"send"_s, u"--json"_s} << Env::Default << 2
                                 << u"\"usage\""_s;
    QTest::newRow("explain-tags: valid") << QStringList {u"explain-tags"_s, u"a || b && c"_s}
                                         << Env::NoConnection << 0 << u"a || (b && c)"_s;
    QTest::newRow("explain-tags: invalid")
        << QStringList {u"explain-tags"_s, u"a || (b"_s} << Env::NoConnection << 3 << u"position"_s;
    QTest::newRow("registrations get: unknown id")
        << QStringList {u"registrations"_s, u"get"_s, u"1-2-3"_s} << Env::Default << 5 << u"404"_s;
    QTest::newRow("registrations: unknown action")
        << QStringList {u"registrations"_s, u"frob"_s} << Env::Default << 2 << u"'frob'"_s;
    QTest::newRow("installations: no id")
        << QStringList {u"installations"_s, u"get"_s} << Env::Default << 2 << u"ID"_s;
    QTest::newRow("telemetry: no id")
        << QStringList {u"telemetry"_s} << Env::Default << 2 << u"notification ID"_s;
    QTest::newRow("--version") << QStringList {u"--version"_s} << Env::NoConnection << 0
                               << u"nhcli "_s;
}

void TestCli::exitCodes()
{
    QFETCH(QStringList, args);
    QFETCH(Env, env);
    QFETCH(int, code);
    QFETCH(QString, says);
    const Run r = run(args, env);
    RUN_OK(r);
    const QString all = r.out + r.err;
    QVERIFY2(r.code == code,
             qPrintable(u"exit %1, expected %2; output:\n"_s.arg(r.code).arg(code) + all));
    QVERIFY2(all.contains(says), qPrintable(u"no '%1' in:\n"_s.arg(says) + all));
    if (args.contains(u"--json"_s)) {
        QVERIFY2(r.jsonOk, qPrintable(r.out));
        QCOMPARE(r.json.value(u"exitCode"_s).toInt(), code);
        QCOMPARE(r.json.value(u"ok"_s).toBool(), code == 0);
    }
}

// One ErrorCode gives both the exit status and the --json error code (core/cli/clierrors.cpp).
void TestCli::jsonErrorCodes_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<Env>("env");
    QTest::addColumn<int>("exit");
    QTest::addColumn<QString>("code"); // error.code
    QTest::addColumn<QString>("kind"); // error.kind (failures before any exchange), or empty

    const QStringList send {u"send"_s,   u"--format"_s, u"apple"_s,
                            u"--tags"_s, u"sports"_s,   u"--json"_s};
    QTest::newRow("timeout: the emulator stalls")
        << (send
            + QStringList {u"--timeout"_s, u"0.3"_s, u"--header"_s, u"X-Nh-Emulator-Fault:stall"_s})
        << Env::Default << 4 << u"timeout"_s << QString();
    QTest::newRow("refused: nothing listens")
        << send << Env::NothingListening << 4 << u"transport"_s << QString();
    QTest::newRow("401: a wrong key")
        << send << Env::WrongKey << 5 << u"hub-rejected"_s << QString();
    QTest::newRow("unreadable answer")
        << (send + QStringList {u"--header"_s, u"X-Nh-Emulator-Fault:garbage"_s}) << Env::Default
        << 7 << u"bad-response"_s << QString();
    QTest::newRow("payload refused before sending")
        << (send + QStringList {u"--payload"_s, u"{\"aps\":"_s}) << Env::Default << 3
        << u"truncated"_s << QString();
    QTest::newRow("bad argument: no target")
        << QStringList {u"send"_s, u"--format"_s, u"apple"_s, u"--json"_s} << Env::Default << 2
        << u"usage"_s << u"usage"_s;
    QTest::newRow("bad argument: --timeout") << (send + QStringList {u"--timeout"_s, u"soon"_s})
                                             << Env::Default << 2 << u"usage"_s << u"usage"_s;
    QTest::newRow("unknown profile")
        << QStringList {u"profiles"_s, u"show"_s, u"no such profile"_s, u"--json"_s} << Env::Default
        << 2 << u"not-found"_s << u"usage"_s;
}

void TestCli::jsonErrorCodes()
{
    QFETCH(QStringList, args);
    QFETCH(Env, env);
    QFETCH(int, exit);
    QFETCH(QString, code);
    QFETCH(QString, kind);
    const Run r = run(args, env);
    RUN_OK(r);
    QVERIFY2(
        r.code == exit,
        qPrintable(u"exit %1, expected %2; output:\n"_s.arg(r.code).arg(exit) + r.out + r.err));
    QVERIFY2(r.jsonOk, qPrintable(r.out + r.err));
    QCOMPARE(r.json.value(u"exitCode"_s).toInt(), exit);
    QCOMPARE(r.json.value(u"ok"_s).toBool(), false);
    const QJsonObject error = r.json.value(u"error"_s).toObject();
    QCOMPARE(error.value(u"code"_s).toString(), code);
    QVERIFY(!error.value(u"message"_s).toString().isEmpty());
    if (kind.isEmpty())
        QVERIFY(r.json.contains(u"request"_s)); // an exchange was reported
    else
        QCOMPARE(error.value(u"kind"_s).toString(), kind);
}

void TestCli::helpPerCommand_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("says");
    QTest::newRow("nhcli --help") << QStringList {u"--help"_s} << u"explain-tags"_s;
    QTest::newRow("send --help") << QStringList {u"send"_s, u"--help"_s} << u"--concurrency"_s;
    QTest::newRow("help send") << QStringList {u"help"_s, u"send"_s} << u"--no-test"_s;
    QTest::newRow("explain-tags --help")
        << QStringList {u"explain-tags"_s, u"--help"_s} << u"--registration-tags"_s;
    QTest::newRow("sas --help") << QStringList {u"sas"_s, u"--help"_s} << u"--decode"_s;
    QTest::newRow("registrations --help")
        << QStringList {u"registrations"_s, u"--help"_s} << u"--continuation"_s;
    QTest::newRow("installations --help")
        << QStringList {u"installations"_s, u"-h"_s} << u"--push-channel"_s;
    QTest::newRow("telemetry --help")
        << QStringList {u"telemetry"_s, u"--help"_s} << u"messages/ID"_s;
    QTest::newRow("emulator --help") << QStringList {u"emulator"_s, u"--help"_s} << u"--cert-dir"_s;
    QTest::newRow("templates --help")
        << QStringList {u"templates"_s, u"--help"_s} << u"--properties-file"_s;
    QTest::newRow("send --help: the property check")
        << QStringList {u"send"_s, u"--help"_s} << u"--require-properties"_s;
}

void TestCli::helpPerCommand()
{
    QFETCH(QStringList, args);
    QFETCH(QString, says);
    const Run r = run(args, Env::NoConnection);
    RUN_OK(r);
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.startsWith(u"Usage: nhcli"_s), qPrintable(r.out));
    QVERIFY2(r.out.contains(says), qPrintable(r.out));
    // Every command documents the global options and the exit codes.
    QVERIFY2(r.out.contains(u"--json"_s), qPrintable(r.out));
    QVERIFY2(r.out.contains(u"6 a test send that reached no registration"_s), qPrintable(r.out));
}

// --- send ---------------------------------------------------------------------------------------

void TestCli::sendJson()
{
    const Run r = run({u"send"_s, u"--format"_s, u"apple"_s, u"--tags"_s, u"user:alice"_s,
                       u"--header"_s, u"apns-push-type:alert"_s, u"--json"_s});
    RUN_OK(r);
    QCOMPARE(r.code, 0);
    QVERIFY2(r.jsonOk, qPrintable(r.out));
    const QJsonObject j = r.json;
    QCOMPARE(j.value(u"result"_s).toString(), u"success"_s);
    QCOMPARE(j.value(u"operation"_s).toString(), u"send.test"_s);
    QCOMPARE(j.value(u"status"_s).toInt(), 201);
    const QJsonObject outcome = j.value(u"outcome"_s).toObject();
    QCOMPARE(outcome.value(u"success"_s).toInt(), 1);
    QCOMPARE(outcome.value(u"failure"_s).toInt(), 0);
    const QJsonArray results = outcome.value(u"results"_s).toArray();
    QCOMPARE(results.size(), 1);
    QCOMPARE(results.at(0).toObject().value(u"pnsHandle"_s).toString(), kAppleHandle);
    QCOMPARE(results.at(0).toObject().value(u"applicationPlatform"_s).toString(), u"apple"_s);
    QVERIFY(!j.value(u"notificationId"_s).toString().isEmpty());

    const QJsonObject request = j.value(u"request"_s).toObject();
    QCOMPARE(request.value(u"method"_s).toString(), u"POST"_s);
    QVERIFY2(request.value(u"url"_s).toString().endsWith(u"/messages?api-version=2020-06&test"_s),
             qPrintable(request.value(u"url"_s).toString()));
    QMap<QString, QString> headers;
    for (const QJsonValue &h : request.value(u"headers"_s).toArray())
        headers.insert(h.toArray().at(0).toString(), h.toArray().at(1).toString());
    QCOMPARE(headers.value(u"ServiceBusNotification-Format"_s), u"apple"_s);
    QCOMPARE(headers.value(u"ServiceBusNotification-Tags"_s), u"user:alice"_s);
    QCOMPARE(headers.value(u"apns-push-type"_s), u"alert"_s);
    QVERIFY2(headers.value(u"Authorization"_s).contains(u"sig=[redacted]"_s),
             qPrintable(headers.value(u"Authorization"_s)));
    // The default body of the format was sent, and the emulator saw exactly this send.
    QVERIFY(request.value(u"body"_s).toString().contains(u"\"aps\""_s));
    QCOMPARE(f.emulator.log().constLast().operation, u"send.test"_s);
}

void TestCli::sendLayout_data()
{
    QTest::addColumn<int>("columns");
    QTest::addColumn<bool>("sideBySide");
    QTest::newRow("140 columns: side by side") << 140 << true;
    QTest::newRow("100 columns: side by side") << 100 << true;
    QTest::newRow("99 columns: stacked") << 99 << false;
    QTest::newRow("80 columns: stacked") << 80 << false;
}

void TestCli::sendLayout()
{
    QFETCH(int, columns);
    QFETCH(bool, sideBySide);
    const Run r = run({u"send"_s, u"--format"_s, u"apple"_s, u"--tags"_s, u"sports"_s},
                      Env::Default, {}, columns);
    RUN_OK(r);
    QCOMPARE(r.code, 0);
    const QStringList lines = r.out.split(u'\n');
    // The first row holds both titles side by side; stacked, "Response" comes on its own line.
    QVERIFY2(lines.value(0).startsWith(u"Request"_s), qPrintable(r.out));
    QCOMPARE(lines.value(0).contains(u"| Response"_s), sideBySide);
    const auto methodLine = std::find_if(lines.cbegin(), lines.cend(), [](const QString &l) {
        return l.startsWith(u"POST https://"_s);
    });
    QVERIFY2(methodLine != lines.cend(), qPrintable(r.out));
    QCOMPARE(methodLine->contains(u"201"_s), sideBySide);
    for (const QString &line : lines)
        QVERIFY2(line.size() <= columns, qPrintable(u"line wider than %1: "_s.arg(columns) + line));
    if (!sideBySide)
        QVERIFY(lines.contains(u"Response"_s));
    // Not a terminal: no colour codes.
    QVERIFY(!r.out.contains(QChar(0x1b)));
    // apple reaches the apple registration only, not the FCM one with the same tag.
    QVERIFY2(r.out.contains(u"Outcome: 1 succeeded, 0 failed"_s), qPrintable(r.out));
    QVERIFY2(r.out.contains(kAppleHandle.left(30)), qPrintable(r.out));

    // On a terminal, the same output is coloured.
    const Run tty = run({u"send"_s, u"--format"_s, u"apple"_s, u"--tags"_s, u"sports"_s},
                        Env::Default, {}, columns, true);
    RUN_OK(tty);
    QVERIFY(tty.out.contains(u"\x1b[32m"_s));
}

void TestCli::connectionAndPayloadFromStdin()
{
    // First line: the connection string; the rest: the payload. No key in the arguments.
    QProcessEnvironment env = environment(Env::NoConnection);
    const QByteArray payload = R"({"aps":{"alert":"from stdin"}})";
    const QByteArray in = f.connectionString().toString().toUtf8() + "\n" + payload;
    const Run r = run({u"send"_s, u"--connection-string"_s, u"-"_s, u"--format"_s, u"apple"_s,
                       u"--payload"_s, u"-"_s, u"--tags"_s, u"sports"_s, u"--json"_s},
                      env, in);
    RUN_OK(r);
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    QCOMPARE(r.json.value(u"request"_s).toObject().value(u"body"_s).toString().toUtf8(), payload);
    QCOMPARE(f.emulator.log().constLast().requestBody, payload);

    // From a file.
    const QString file = dir.filePath(u"cs.txt"_s);
    QFile cs(file);
    QVERIFY(cs.open(QIODevice::WriteOnly));
    cs.write(f.connectionString().toString().toUtf8() + "\n");
    cs.close();
    const Run fromFile = run({u"send"_s, u"--connection-string"_s, u'@' + file, u"--format"_s,
                              u"apple"_s, u"--tags"_s, u"sports"_s},
                             env);
    RUN_OK(fromFile);
    QCOMPARE(fromFile.code, 0);

    // An empty stdin is a usage error that says where the string was expected.
    const Run empty = run({u"sas"_s, u"--connection-string"_s, u"-"_s}, env, {});
    RUN_OK(empty);
    QCOMPARE(empty.code, 2);
    QVERIFY2(empty.err.contains(u"first line of standard input"_s), qPrintable(empty.err));
}

void TestCli::keyNeverInOutput()
{
    const QString key = f.connectionString().key();
    const auto logged = f.emulator.log().size();
    // Refused on the command line, with the reason and the alternatives.
    const Run refused = run({u"send"_s, u"--connection-string"_s, f.connectionString().toString(),
                             u"--format"_s, u"apple"_s, u"--tags"_s, u"sports"_s},
                            Env::NoConnection);
    RUN_OK(refused);
    QCOMPARE(refused.code, 2);
    QVERIFY2(refused.err.contains(u"(ps)"_s), qPrintable(refused.err));
    QVERIFY2(refused.err.contains(u"--connection-string -"_s), qPrintable(refused.err));
    QVERIFY(!refused.err.contains(key));
    QCOMPARE(f.emulator.log().size(), logged); // nothing was sent

    // Never printed: human and JSON, success and failure, sas without --reveal.
    const QList<QStringList> commands {
        {u"send"_s, u"--format"_s, u"apple"_s, u"--tags"_s, u"sports"_s},
        {u"send"_s, u"--format"_s, u"apple"_s, u"--tags"_s, u"sports"_s, u"--json"_s},
        {u"send"_s, u"--format"_s, u"apple"_s, u"--tags"_s, u"sports"_s, u"--header"_s,
         u"X-Nh-Emulator-Fault:status=401"_s},
        {u"sas"_s},
        {u"sas"_s, u"--json"_s},
        {u"registrations"_s, u"list"_s, u"--verbose"_s},
    };
    for (const QStringList &args : commands) {
        const Run r = run(args);
        RUN_OK(r);
        QVERIFY2(!QString(r.out + r.err).contains(key), qPrintable(args.join(u' ')));
    }
    QLoggingCategory::setFilterRules(QString()); // --verbose switched nh.* on for the process
}

// --- explain-tags -------------------------------------------------------------------------------

void TestCli::explainTags_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<QString>("registrationTags");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("normalized");
    QTest::addColumn<int>("tagCount");
    QTest::addColumn<int>("limit");
    QTest::addColumn<int>("matches"); // -1: not asked
    QTest::addColumn<int>("errorOffset"); // -1: none

    QTest::newRow("single tag") << u"sports"_s << QString() << 0 << u"sports"_s << 1 << 20 << -1
                                << -1;
    QTest::newRow("precedence made explicit")
        << u"a || b && !c"_s << u"b"_s << 0 << u"a || (b && !c)"_s << 3 << 6 << 1 << -1;
    QTest::newRow("not reached") << u"(a || b) && !c"_s << u"b,c"_s << 0 << u"(a || b) && !c"_s << 3
                                 << 6 << 0 << -1;
    QTest::newRow("or-only limit 20")
        << u"t1||t2||t3||t4||t5||t6||t7"_s << QString() << 0
        << u"t1 || t2 || t3 || t4 || t5 || t6 || t7"_s << 7 << 20 << -1 << -1;
    QTest::newRow("7 tags with && is over the limit")
        << u"t1&&t2&&t3&&t4&&t5&&t6&&t7"_s << QString() << 3
        << u"t1 && t2 && t3 && t4 && t5 && t6 && t7"_s << 7 << 6 << -1 << 24;
    QTest::newRow("unclosed parenthesis")
        << u"a || (b"_s << QString() << 3 << QString() << 0 << 0 << -1 << 5;
    QTest::newRow("dangling operator")
        << u"a &&"_s << QString() << 3 << QString() << 0 << 0 << -1 << 4;
}

void TestCli::explainTags()
{
    QFETCH(QString, expression);
    QFETCH(QString, registrationTags);
    QFETCH(int, code);
    QFETCH(QString, normalized);
    QFETCH(int, tagCount);
    QFETCH(int, limit);
    QFETCH(int, matches);
    QFETCH(int, errorOffset);
    QStringList args {u"explain-tags"_s, expression, u"--json"_s};
    if (!registrationTags.isEmpty())
        args << u"--registration-tags"_s << registrationTags;
    const Run r = run(args, Env::NoConnection);
    RUN_OK(r);
    QCOMPARE(r.code, code);
    QVERIFY2(r.jsonOk, qPrintable(r.out));
    const QJsonObject j = r.json;
    QCOMPARE(j.value(u"valid"_s).toBool(), !normalized.isEmpty());
    if (!normalized.isEmpty()) {
        QCOMPARE(j.value(u"normalized"_s).toString(), normalized);
        QCOMPARE(j.value(u"tagCount"_s).toInt(), tagCount);
        QCOMPARE(j.value(u"limit"_s).toInt(), limit);
        QCOMPARE(j.value(u"withinLimits"_s).toBool(), code == 0);
    }
    if (matches >= 0)
        QCOMPARE(j.value(u"matches"_s).toBool(), matches == 1);
    else
        QVERIFY(!j.contains(u"matches"_s));
    if (errorOffset >= 0) {
        const QJsonObject error = j.value(u"error"_s).toObject();
        QCOMPARE(error.value(u"offset"_s).toInt(), errorOffset);
        QVERIFY2(
            error.value(u"message"_s).toString().contains(u"position %1"_s.arg(errorOffset + 1)),
            qPrintable(error.value(u"message"_s).toString()));
        // The human form points at it.
        const Run human = run({u"explain-tags"_s, expression}, Env::NoConnection);
        RUN_OK(human);
        QVERIFY2(human.out.contains(u"\n  "_s + QString(errorOffset, u' ') + u'^'),
                 qPrintable(human.out));
    }
}

// --- sas ----------------------------------------------------------------------------------------

void TestCli::sasBuildAndDecode()
{
    const Run built = run({u"sas"_s, u"--ttl"_s, u"300"_s, u"--json"_s});
    RUN_OK(built);
    QCOMPARE(built.code, 0);
    QCOMPARE(built.json.value(u"keyName"_s).toString(), f.connectionString().keyName());
    QCOMPARE(built.json.value(u"resource"_s).toString(),
             u"https://127.0.0.1:%1/%2"_s.arg(f.emulator.port()).arg(f.hub().toLower()));
    const qint64 left = built.json.value(u"secondsLeft"_s).toInteger();
    QVERIFY2(left > 290 && left <= 300, qPrintable(QString::number(left)));
    QVERIFY(built.json.value(u"header"_s).toString().contains(u"sig=[redacted]"_s));
    QCOMPARE(built.json.value(u"revealed"_s).toBool(), false);

    const Run revealed = run({u"sas"_s, u"--reveal"_s, u"--json"_s});
    RUN_OK(revealed);
    const QString header = revealed.json.value(u"header"_s).toString();
    QVERIFY(!header.contains(u"[redacted]"_s));
    const auto token = Sas::decode(header);
    QVERIFY(token.ok());
    QVERIFY(Sas::validate(*token, f.connectionString().key(),
                          QUrl(f.url(u"/"_s + f.hub() + u"/messages"_s)),
                          QDateTime::currentDateTimeUtc())
                .ok());

    // Decoded from stdin and checked against the connection's key.
    const Run decoded =
        run({u"sas"_s, u"--decode"_s, u"-"_s, u"--json"_s}, Env::Default, header.toUtf8());
    RUN_OK(decoded);
    QCOMPARE(decoded.code, 0);
    QCOMPARE(decoded.json.value(u"checked"_s).toBool(), true);
    QCOMPARE(decoded.json.value(u"valid"_s).toBool(), true);
    QCOMPARE(decoded.json.value(u"fieldOrder"_s).toArray().first().toString(), u"sr"_s);

    // A tampered signature fails the check, named as the service names it. The changed
    // character is a base64 letter or digit outside any %XX: the signature is percent-encoded
    // base64, and changing a "%2B" would make it an unreadable value instead (this test failed
    // about 1 run in 30 when the signature happened to start with '+' or '/').
    QString tampered = header;
    qsizetype sig = tampered.indexOf(u"sig="_s) + 4;
    while (sig < tampered.size() && !tampered.at(sig).isLetterOrNumber())
        sig += tampered.at(sig) == u'%' ? 3 : 1;
    QVERIFY(sig < tampered.size());
    tampered[sig] = tampered.at(sig) == u'A' ? u'B' : u'A';
    const Run bad = run({u"sas"_s, u"--decode"_s, tampered, u"--json"_s});
    RUN_OK(bad);
    QCOMPARE(bad.code, 3);
    QCOMPARE(bad.json.value(u"error"_s).toObject().value(u"code"_s).toString(),
             u"invalid-signature"_s);

    // Without a connection it decodes but cannot check.
    const Run unchecked = run({u"sas"_s, u"--decode"_s, header}, Env::NoConnection);
    RUN_OK(unchecked);
    QCOMPARE(unchecked.code, 0);
    QVERIFY2(unchecked.out.contains(u"not checked"_s), qPrintable(unchecked.out));
    QVERIFY(!unchecked.out.contains(token->signature));

    const Run garbage = run({u"sas"_s, u"--decode"_s, u"hello"_s}, Env::NoConnection);
    RUN_OK(garbage);
    QCOMPARE(garbage.code, 3);
}

// --- registrations, installations, telemetry ----------------------------------------------------

void TestCli::registrations()
{
    EmulatorHub *hub = f.emulator.state().hub(f.hub());
    const Run created = run({u"registrations"_s, u"create"_s, u"--platform"_s, u"apns"_s,
                             u"--handle"_s, u"ABCDEF0123"_s, u"--tags"_s, u"a,b"_s, u"--json"_s});
    RUN_OK(created);
    QVERIFY2(created.code == 0, qPrintable(created.out + created.err));
    const QJsonObject reg = created.json.value(u"registration"_s).toObject();
    const QString id = reg.value(u"registrationId"_s).toString();
    QVERIFY(!id.isEmpty());
    QCOMPARE(reg.value(u"kind"_s).toString(), u"AppleRegistrationDescription"_s);
    QCOMPARE(reg.value(u"tags"_s).toArray(), QJsonArray({u"a"_s, u"b"_s}));
    QVERIFY(hub->registrations.count(id) == 1);
    const qint64 etag = reg.value(u"etag"_s).toInteger();

    const Run got = run({u"registrations"_s, u"get"_s, id});
    RUN_OK(got);
    QCOMPARE(got.code, 0);
    QVERIFY2(got.out.contains(u"ABCDEF0123"_s) && got.out.contains(u"a, b"_s), qPrintable(got.out));

    const Run updated =
        run({u"registrations"_s, u"update"_s, id, u"--tags"_s, u"c"_s, u"--json"_s});
    RUN_OK(updated);
    QVERIFY2(updated.code == 0, qPrintable(updated.out + updated.err));
    const QJsonObject after = updated.json.value(u"registration"_s).toObject();
    QCOMPARE(after.value(u"tags"_s).toArray(), QJsonArray({u"c"_s}));
    QCOMPARE(after.value(u"handle"_s).toString().toUpper(), u"ABCDEF0123"_s);
    QVERIFY(after.value(u"etag"_s).toInteger() > etag);
    QCOMPARE(hub->registrations.at(id).tags, QStringList {u"c"_s});

    // A stale ETag is refused by the hub (412): a hub error.
    const Run stale = run({u"registrations"_s, u"update"_s, id, u"--tags"_s, u"d"_s, u"--etag"_s,
                           QString::number(etag)});
    RUN_OK(stale);
    QCOMPARE(stale.code, 5);
    QVERIFY2(stale.out.contains(u"412"_s), qPrintable(stale.out));

    const Run all = run({u"registrations"_s, u"list"_s, u"--json"_s});
    RUN_OK(all);
    QCOMPARE(all.code, 0);
    QCOMPARE(all.json.value(u"count"_s).toInt(), 3);

    const Run byTag = run({u"registrations"_s, u"list"_s, u"--tag"_s, u"c"_s, u"--json"_s});
    RUN_OK(byTag);
    QCOMPARE(byTag.json.value(u"count"_s).toInt(), 1);
    QCOMPARE(
        byTag.json.value(u"registrations"_s).toArray().at(0).toObject().value(u"registrationId"_s),
        QJsonValue(id));

    const Run byChannel = run({u"registrations"_s, u"list"_s, u"--platform"_s, u"apple"_s,
                               u"--handle"_s, kAppleHandle.toLower(), u"--json"_s});
    RUN_OK(byChannel);
    QCOMPARE(byChannel.json.value(u"count"_s).toInt(), 1);

    // Pages of one, followed to the end.
    const Run paged =
        run({u"registrations"_s, u"list"_s, u"--top"_s, u"1"_s, u"--all"_s, u"--json"_s});
    RUN_OK(paged);
    QCOMPARE(paged.code, 0);
    QCOMPARE(paged.json.value(u"count"_s).toInt(), 3);
    QCOMPARE(paged.json.value(u"pages"_s).toInt(), 3);
    const Run onePage = run({u"registrations"_s, u"list"_s, u"--top"_s, u"1"_s});
    RUN_OK(onePage);
    QVERIFY2(onePage.out.contains(u"--continuation"_s), qPrintable(onePage.out));

    const Run deleted = run({u"registrations"_s, u"delete"_s, id});
    RUN_OK(deleted);
    QCOMPARE(deleted.code, 0);
    QVERIFY(hub->registrations.count(id) == 0);
    QVERIFY2(deleted.out.contains(id), qPrintable(deleted.out));

    const Run invalidTags = run({u"registrations"_s, u"create"_s, u"--platform"_s, u"apns"_s,
                                 u"--handle"_s, u"AB"_s, u"--tags"_s, u"$bad"_s});
    RUN_OK(invalidTags);
    QCOMPARE(invalidTags.code, 3);
}

void TestCli::installations()
{
    EmulatorHub *hub = f.emulator.state().hub(f.hub());
    const Run put = run({u"installations"_s, u"put"_s, u"inst-1"_s, u"--platform"_s, u"fcmv1"_s,
                         u"--push-channel"_s, u"fcm-token-1"_s, u"--tags"_s, u"x,y"_s,
                         u"--user-id"_s, u"carol"_s});
    RUN_OK(put);
    QVERIFY2(put.code == 0, qPrintable(put.out + put.err));
    QVERIFY(hub->installations.count(u"inst-1"_s) == 1);

    const Run got = run({u"installations"_s, u"get"_s, u"inst-1"_s, u"--json"_s});
    RUN_OK(got);
    QCOMPARE(got.code, 0);
    const QJsonObject inst = got.json.value(u"installation"_s).toObject();
    QCOMPARE(inst.value(u"platform"_s).toString(), u"fcmv1"_s);
    QCOMPARE(inst.value(u"userId"_s).toString(), u"carol"_s);
    QCOMPARE(inst.value(u"tags"_s).toArray(), QJsonArray({u"x"_s, u"y"_s}));

    const Run patched = run({u"installations"_s, u"patch"_s, u"inst-1"_s, u"--body"_s,
                             uR"([{"op":"add","path":"/tags","value":"z"}])"_s});
    RUN_OK(patched);
    QVERIFY2(patched.code == 0, qPrintable(patched.out + patched.err));
    QVERIFY(hub->installations.at(u"inst-1"_s).tags.contains(u"z"_s));

    // From a file, with the ID on the command line winning over the body's.
    const Run fromFile =
        run({u"installations"_s, u"put"_s, u"inst-2"_s, u"--body"_s,
             u'@' + QString::fromUtf8(NH_TEST_DATA_DIR) + u"/installations/doc-example.json"_s,
             u"--json"_s});
    RUN_OK(fromFile);
    QVERIFY2(fromFile.code == 0, qPrintable(fromFile.out + fromFile.err));
    QCOMPARE(hub->installations.at(u"inst-2"_s).userId, u"alice"_s);

    const Run notJson = run({u"installations"_s, u"patch"_s, u"inst-1"_s, u"--body"_s, u"[{"_s});
    RUN_OK(notJson);
    QCOMPARE(notJson.code, 3);
    QVERIFY2(notJson.err.contains(u"position"_s), qPrintable(notJson.err));
    const Run badBody = run({u"installations"_s, u"put"_s, u"--body"_s, u"{\"platform\":1}"_s});
    RUN_OK(badBody);
    QCOMPARE(badBody.code, 3);

    const Run deleted = run({u"installations"_s, u"delete"_s, u"inst-1"_s});
    RUN_OK(deleted);
    QCOMPARE(deleted.code, 0);
    QVERIFY(hub->installations.count(u"inst-1"_s) == 0);
    const Run gone = run({u"installations"_s, u"get"_s, u"inst-1"_s, u"--json"_s});
    RUN_OK(gone);
    QCOMPARE(gone.code, 5);
    QCOMPARE(gone.json.value(u"status"_s).toInt(), 404);
}

void TestCli::telemetry()
{
    const Run sent = run({u"send"_s, u"--format"_s, u"apple"_s, u"--tags"_s, u"sports"_s,
                          u"--no-test"_s, u"--json"_s});
    RUN_OK(sent);
    QCOMPARE(sent.code, 0);
    QCOMPARE(sent.json.value(u"operation"_s).toString(), u"send"_s);
    QVERIFY(!sent.json.contains(u"outcome"_s));
    const QString id = sent.json.value(u"notificationId"_s).toString();
    QVERIFY(!id.isEmpty());

    const Run t = run({u"telemetry"_s, id, u"--json"_s});
    RUN_OK(t);
    QVERIFY2(t.code == 0, qPrintable(t.out + t.err));
    const QJsonObject details = t.json.value(u"details"_s).toObject();
    QCOMPARE(details.value(u"notificationId"_s).toString(), id);
    QVERIFY(!details.value(u"state"_s).toString().isEmpty());

    const Run human = run({u"telemetry"_s, id});
    RUN_OK(human);
    QVERIFY2(human.out.contains(u"Notification "_s + id), qPrintable(human.out));
}

void TestCli::repeat()
{
    const auto before = f.emulator.log().size();
    const Run r = run({u"send"_s, u"--format"_s, u"apple"_s, u"--tags"_s, u"sports"_s,
                       u"--repeat"_s, u"20"_s, u"--concurrency"_s, u"4"_s, u"--json"_s});
    RUN_OK(r);
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    const QJsonObject s = r.json.value(u"repeat"_s).toObject();
    QCOMPARE(s.value(u"requested"_s).toInt(), 20);
    QCOMPARE(s.value(u"completed"_s).toInt(), 20);
    QCOMPARE(s.value(u"concurrency"_s).toInt(), 4);
    QCOMPARE(s.value(u"errors"_s).toInt(), 0);
    QCOMPARE(s.value(u"results"_s).toObject().value(u"success"_s).toInt(), 20);
    const QJsonObject latency = s.value(u"latencyMs"_s).toObject();
    QVERIFY(latency.value(u"p50"_s).toDouble() > 0);
    QVERIFY(latency.value(u"p99"_s).toDouble() >= latency.value(u"p50"_s).toDouble());
    QVERIFY(s.value(u"sendsPerSecond"_s).toDouble() > 0);
    QCOMPARE(f.emulator.log().size() - before, 20);

    // Failures are counted and decide the exit status; progress only on a terminal.
    const Run failing =
        run({u"send"_s, u"--format"_s, u"apple"_s, u"--tags"_s, u"nobody"_s, u"--repeat"_s, u"5"_s},
            Env::Default, {}, 80, true);
    RUN_OK(failing);
    QCOMPARE(failing.code, 6);
    QVERIFY2(failing.out.contains(u"Errors: 5"_s), qPrintable(failing.out));
    QVERIFY2(failing.out.contains(u"5 no-targets"_s), qPrintable(failing.out));
    QVERIFY2(failing.err.contains(u"5/5 sent, 5 failed"_s), qPrintable(failing.err));
    const Run quiet = run(
        {u"send"_s, u"--format"_s, u"apple"_s, u"--tags"_s, u"sports"_s, u"--repeat"_s, u"3"_s});
    RUN_OK(quiet);
    QVERIFY2(quiet.err.isEmpty(), qPrintable(quiet.err));
    QVERIFY2(quiet.out.contains(u"sends/s"_s) && quiet.out.contains(u"p99"_s),
             qPrintable(quiet.out));
}

// --- emulator -----------------------------------------------------------------------------------

void TestCli::emulatorCommand()
{
    QString outText;
    QString errText;
    QTextStream out(&outText);
    QTextStream err(&errText);
    CliIo io;
    io.out = &out;
    io.err = &err;
    io.env = environment(Env::NoConnection);
    Cli emulator(&nam);
    QSignalSpy finished(&emulator, &Cli::finished);
    emulator.start({u"nhcli"_s, u"emulator"_s, u"--port"_s, u"0"_s, u"--cert-dir"_s,
                    dir.filePath(u"emu-cert"_s), u"--hub"_s, u"cliHub"_s, u"--json"_s},
                   io);
    QTRY_VERIFY_WITH_TIMEOUT(outText.contains(u'}'), 20000);
    QVERIFY(finished.isEmpty()); // it keeps serving
    const QJsonObject info = QJsonDocument::fromJson(outText.toUtf8()).object();
    const int port = info.value(u"port"_s).toInt();
    QVERIFY(port > 0);
    QCOMPARE(info.value(u"hub"_s).toString(), u"cliHub"_s);
    const QString cs = info.value(u"connectionStrings"_s)
                           .toObject()
                           .value(u"DefaultFullSharedAccessSignature"_s)
                           .toString();
    QVERIFY2(cs.startsWith(u"Endpoint=sb://127.0.0.1:%1/"_s.arg(port)), qPrintable(cs));
    const QString certificate = info.value(u"certificate"_s).toString();
    QVERIFY(QFile::exists(certificate));

    // A second Cli sends to it, trusting the printed certificate; the demo data answers.
    QProcessEnvironment env;
    env.insert(u"NH_CONNECTION_STRING"_s, cs);
    env.insert(u"NH_HUB"_s, u"cliHub"_s);
    env.insert(u"NH_CA_FILE"_s, certificate);
    const Run r =
        run({u"send"_s, u"--format"_s, u"apple"_s, u"--tags"_s, u"user:alice"_s, u"--json"_s}, env);
    RUN_OK(r);
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    QVERIFY(r.json.value(u"outcome"_s).toObject().value(u"success"_s).toInt() >= 1);

    emulator.cancel();
    QVERIFY(finished.wait(5000));
    QCOMPARE(finished.first().first().toInt(), 0);

    // Human form: the export lines for another shell.
    QString humanText;
    QTextStream human(&humanText);
    io.out = &human;
    Cli second(&nam);
    QSignalSpy secondDone(&second, &Cli::finished);
    second.start({u"nhcli"_s, u"emulator"_s, u"--cert-dir"_s, dir.filePath(u"emu-cert"_s)}, io);
    QTRY_VERIFY_WITH_TIMEOUT(humanText.contains(u"Ctrl+C"_s), 20000);
    QVERIFY2(humanText.contains(u"export NH_CONNECTION_STRING='Endpoint=sb://127.0.0.1:"_s),
             qPrintable(humanText));
    QVERIFY2(humanText.contains(u"export NH_CA_FILE="_s), qPrintable(humanText));
    second.cancel();
    QVERIFY(secondDone.wait(5000));
}

void TestCli::emulatorCommandHubConfig()
{
    // The hub's configuration from a --hub-config file, as nhemulator takes it.
    QFile config(dir.filePath(u"hubs.json"_s));
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write(R"({"hubs": [{"name": "configHub", "credentials": {"wns": "default",
        "adm": {"clientId": "amzn1.application-oa2-client.cli", "clientSecret": "s3cret"}}}]})");
    config.close();
    QString outText;
    QString errText;
    QTextStream out(&outText);
    QTextStream err(&errText);
    CliIo io;
    io.out = &out;
    io.err = &err;
    io.env = environment(Env::NoConnection);
    Cli emulator(&nam);
    QSignalSpy finished(&emulator, &Cli::finished);
    emulator.start({u"nhcli"_s, u"emulator"_s, u"--cert-dir"_s, dir.filePath(u"emu-cert"_s),
                    u"--hub"_s, u"configHub"_s, u"--hub-config"_s, config.fileName(), u"--json"_s},
                   io);
    QTRY_VERIFY_WITH_TIMEOUT(outText.contains(u'}') || !finished.isEmpty(), 20000);
    QVERIFY2(finished.isEmpty(), qPrintable(errText));
    const QJsonObject info = QJsonDocument::fromJson(outText.toUtf8()).object();
    QProcessEnvironment env;
    env.insert(u"NH_CONNECTION_STRING"_s,
               info.value(u"connectionStrings"_s)
                   .toObject()
                   .value(u"DefaultFullSharedAccessSignature"_s)
                   .toString());
    env.insert(u"NH_HUB"_s, u"configHub"_s);
    env.insert(u"NH_CA_FILE"_s, info.value(u"certificate"_s).toString());
    const Run r = run({u"hub"_s, u"show"_s, u"--json"_s}, env);
    RUN_OK(r);
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    QStringList platforms;
    for (const QJsonValue c : r.json.value(u"hub"_s).toObject().value(u"credentials"_s).toArray())
        platforms << c.toObject().value(u"platform"_s).toString();
    platforms.sort();
    QCOMPARE(platforms, (QStringList {u"adm"_s, u"wns"_s}));
    emulator.cancel();
    QVERIFY(finished.wait(5000));

    // A file that does not read is named, with the place of the mistake; nothing is served.
    QVERIFY(config.open(QIODevice::WriteOnly | QIODevice::Truncate));
    config.write("{\"hubs\": [\n  {\"name\": \"x\",, }]}");
    config.close();
    for (const QString &file : {config.fileName(), dir.filePath(u"missing.json"_s)}) {
        errText.clear();
        Cli bad(&nam);
        QSignalSpy badDone(&bad, &Cli::finished);
        bad.start({u"nhcli"_s, u"emulator"_s, u"--cert-dir"_s, dir.filePath(u"emu-cert"_s),
                   u"--hub-config"_s, file},
                  io);
        QVERIFY(badDone.wait(5000));
        QVERIFY(badDone.first().first().toInt() != 0);
        err.flush();
        QVERIFY2(errText.contains(file), qPrintable(errText));
        if (file == config.fileName())
            QVERIFY2(errText.contains(u"line 2"_s), qPrintable(errText));
    }
}

void TestCli::emulatorTraffic()
{
    // A send through the emulator, then `emulator traffic --json`: one JSON object a line,
    // the send among them with its deliveries; the traffic requests are not logged.
    const Run sent = run({u"send"_s, u"--format"_s, u"apple"_s, u"--tags"_s, u"sports"_s});
    RUN_OK(sent);
    QCOMPARE(sent.code, 0);
    const qint64 sequence = f.emulator.log().constLast().sequence;
    const QStringList args {u"emulator"_s, u"traffic"_s, u"--json"_s, u"--url"_s,
                            u"https://127.0.0.1:%1"_s.arg(f.emulator.port())};
    const Run r = run(args);
    RUN_OK(r);
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    const QStringList lines = r.out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), f.emulator.log().size());
    const auto last =
        EmulatorLogEntry::fromJson(QJsonDocument::fromJson(lines.constLast().toUtf8()).object());
    QVERIFY(last);
    QCOMPARE(last->sequence, sequence);
    QCOMPARE(last->operation, u"send.test"_s); // nhcli send is a test send by default
    QCOMPARE(last->deliveryCount, 1);
    QCOMPARE(last->deliveries.first().handle, kAppleHandle);
    QCOMPARE(f.emulator.log().constLast().sequence, sequence);

    // Human form: the summary line of each.
    const Run human =
        run({u"emulator"_s, u"traffic"_s, u"--port"_s, QString::number(f.emulator.port())});
    RUN_OK(human);
    QVERIFY2(human.code == 0, qPrintable(human.err));
    QVERIFY(human.out.trimmed().split(u'\n').constLast().contains(u" 201 send.test "_s));

    // --follow: what the log holds, then each new exchange as the long poll brings it, until
    // cancelled (Ctrl+C).
    QString followText;
    QString followErr;
    QTextStream followOut(&followText);
    QTextStream followErrStream(&followErr);
    CliIo io;
    io.out = &followOut;
    io.err = &followErrStream;
    io.env = environment(Env::Default);
    Cli follower(&nam);
    QSignalSpy followDone(&follower, &Cli::finished);
    follower.start(QStringList {u"nhcli"_s} + args + QStringList {u"--follow"_s}, io);
    QTRY_COMPARE_WITH_TIMEOUT(followText.count(u'\n'), lines.size(), 10000);
    const Run later = run({u"send"_s, u"--format"_s, u"apple"_s, u"--tags"_s, u"user:alice"_s});
    RUN_OK(later);
    QTRY_COMPARE_WITH_TIMEOUT(followText.count(u'\n'), lines.size() + 1, 10000);
    const auto followed = EmulatorLogEntry::fromJson(
        QJsonDocument::fromJson(followText.trimmed().split(u'\n').constLast().toUtf8()).object());
    QVERIFY(followed);
    QCOMPARE(followed->sequence, f.emulator.log().constLast().sequence);
    QVERIFY(followDone.isEmpty());
    follower.cancel();
    QTRY_COMPARE(followDone.size(), 1);
    QCOMPARE(followDone.first().first().toInt(), 0);

    // Without an address; without the certificate.
    const Run noAddress = run({u"emulator"_s, u"traffic"_s});
    RUN_OK(noAddress);
    QCOMPARE(noAddress.code, int(ExitCode::Usage));
    QVERIFY(noAddress.err.contains(u"--url"_s));
    const Run untrusted = run(args, Env::NoCa);
    RUN_OK(untrusted);
    QCOMPARE(untrusted.code, int(ExitCode::Transport));
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
