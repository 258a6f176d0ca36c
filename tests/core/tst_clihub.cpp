// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// `nhcli hub` (issue #17), in-process: the command line and its refusals (secrets never from
// argv), reading a credential from files and standard input, and what set-credential reports as
// changed (redacted).

#include "cli/cli.h"
#include "cli/credentialinput.h"
#include "cli/hubtext.h"
#include "clirun.h"
#include "common/redaction.h"
#include "emulator/emulatorhubconfig.h"
#include "emulator/emulatorstate.h"
#include "emulatorfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Nh;

namespace {

const QByteArray kP8 = "-----BEGIN PRIVATE KEY-----\n"
                       "MIGTAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBHkwdwIBAQQgS3cp8kZ0\n"
                       "-----END PRIVATE KEY-----\n";
const QByteArray kServiceAccount =
    R"({"type":"service_account","project_id":"example-project","private_key_id":"1",)"
    R"("private_key":"-----BEGIN PRIVATE KEY-----\nS3cFcm\n-----END PRIVATE KEY-----\n",)"
    R"("client_email":"firebase-adminsdk@example-project.iam.gserviceaccount.com"})";

} // namespace

class TestCliHub final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    // Pure input handling.
    void credentialProperties_data();
    void credentialProperties();
    void apnsToken();
    void serviceAccount();
    void changesAreRedacted();
    void platformNames();
    void descriptionOutputRedacts();

    // The command line, before any request.
    void usage_data();
    void usage();
    void secretsNeverFromArgv();
    void badCredentialInput_data();
    void badCredentialInput();
    void inputIsReadBeforeConnecting();

    // Over the emulator's hub routes.
    void showRedactsUnlessRevealed();
    void listNamesTheHubs();
    void checkExitsOnProblems();
    void setCredentialFromStdin();
    void setApnsAndFcmFromFiles();
    void removeCredential();
    void listenKeyIsRefused();

private:
    HubDescription &description();
    qsizetype logged(const QString &operation) const;
    using Run = Nh::Test::CliRun;
    Run run(const QStringList &args, const QByteArray &stdinData = {}, bool connection = true);
    QString file(const QString &name, const QByteArray &content);

    EmulatorFixture f;
    QTemporaryDir dir;
    QString caFile;
};

void TestCliHub::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(dir.isValid());
    QVERIFY(f.start());
    caFile = file(u"emulator-ca.pem"_s, f.emulator.certificatePem());
}

QString TestCliHub::file(const QString &name, const QByteArray &content)
{
    const QString path = dir.filePath(name);
    QFile out(path);
    if (!out.open(QIODevice::WriteOnly))
        return {};
    out.write(content);
    return path;
}

TestCliHub::Run TestCliHub::run(const QStringList &args, const QByteArray &stdinData,
                                bool connection)
{
    Nh::Test::CliRunOptions options;
    if (connection) {
        options.env.insert(u"NH_CONNECTION_STRING"_s, f.connectionString().toString());
        options.env.insert(u"NH_HUB"_s, f.hub());
        options.env.insert(u"NH_CA_FILE"_s, caFile);
    }
    options.stdinData = stdinData;
    options.columns = 100;
    return Nh::Test::runCli(args, options);
}

#define SAYS(r, text) \
    QVERIFY2(QString((r).out + (r).err).contains(text), qPrintable((r).out + (r).err))

// --- input --------------------------------------------------------------------------------------

void TestCliHub::credentialProperties_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QStringList>("expected"); // name=value; empty = an error
    QTest::addColumn<ErrorCode>("error");

    QTest::newRow("json") << R"({"PackageSid":"ms-app://s-1","SecretKey":"S3cW"})"_ba
                          << QStringList {u"PackageSid=ms-app://s-1"_s, u"SecretKey=S3cW"_s}
                          << ErrorCode::None;
    QTest::newRow("lines") << "# WNS\nPackageSid = ms-app://s-1\r\n\nSecretKey=a=b \n"_ba
                           << QStringList {u"PackageSid= ms-app://s-1"_s, u"SecretKey=a=b "_s}
                           << ErrorCode::None;
    QTest::newRow("json number") << R"({"Port":443})"_ba << QStringList {u"Port=443"_s}
                                 << ErrorCode::None;
    QTest::newRow("empty") << "\n  \n"_ba << QStringList() << ErrorCode::Empty;
    QTest::newRow("only comments") << "# nothing\n"_ba << QStringList() << ErrorCode::Empty;
    QTest::newRow("bad json") << R"({"a":)"_ba << QStringList() << ErrorCode::Syntax;
    QTest::newRow("json array value")
        << R"({"a":[1]})"_ba << QStringList() << ErrorCode::InvalidValue;
    QTest::newRow("line without =") << "SecretKey\n"_ba << QStringList() << ErrorCode::Syntax;
    QTest::newRow("no name") << "=x\n"_ba << QStringList() << ErrorCode::EmptyField;
    QTest::newRow("twice") << "a=1\nA=2\n"_ba << QStringList() << ErrorCode::DuplicateField;
}

void TestCliHub::credentialProperties()
{
    QFETCH(QByteArray, text);
    QFETCH(QStringList, expected);
    QFETCH(ErrorCode, error);
    const auto parsed = parseCredentialProperties(text);
    if (error != ErrorCode::None) {
        QVERIFY(!parsed);
        QCOMPARE(parsed.error().code, error);
        return;
    }
    QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error().message));
    QStringList got;
    for (const auto &[name, value] : *parsed)
        got << name + u'=' + value;
    QCOMPARE(got, expected);
}

void TestCliHub::apnsToken()
{
    const auto p = apnsTokenProperties(kP8, u"ABCDE12345"_s, u"TEAM123456"_s, u"com.x.app"_s);
    QVERIFY(p);
    QCOMPARE(p->at(0).first, u"Token"_s);
    QCOMPARE(p->at(0).second, u"MIGTAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBHkwdwIBAQQgS3cp8kZ0"_s);
    QCOMPARE(p->at(1), std::pair(u"KeyId"_s, u"ABCDE12345"_s));
    QCOMPARE(p->at(2), std::pair(u"AppId"_s, u"TEAM123456"_s));
    QCOMPARE(p->at(3), std::pair(u"AppName"_s, u"com.x.app"_s));
    QVERIFY(!apnsTokenProperties("-----BEGIN PRIVATE KEY-----\n-----END PRIVATE KEY-----\n", u"A"_s,
                                 u"B"_s, u"C"_s));
    const auto cert = apnsCertificateProperties("\x30\x82", u"pw"_s);
    QCOMPARE(cert.at(0), std::pair(u"ApnsCertificate"_s, u"MII="_s));
    QCOMPARE(cert.at(1), std::pair(u"CertificateKey"_s, u"pw"_s));
}

void TestCliHub::serviceAccount()
{
    const auto p = fcmV1Properties(kServiceAccount);
    QVERIFY(p);
    QCOMPARE(p->size(), 3);
    QCOMPARE(p->at(0), std::pair(u"ProjectId"_s, u"example-project"_s));
    QVERIFY(p->at(1).second.startsWith(u"-----BEGIN PRIVATE KEY-----\n"_s));
    QCOMPARE(p->at(2).first, u"ClientEmail"_s);
    const auto missing = fcmV1Properties(R"({"project_id":"p"})");
    QVERIFY(!missing);
    QCOMPARE(missing.error().code, ErrorCode::MissingField);
    QVERIFY(missing.error().message.contains(u"private_key"_s));
    QCOMPARE(fcmV1Properties("not json").error().code, ErrorCode::Syntax);
}

void TestCliHub::changesAreRedacted()
{
    PnsCredential before {PnsCredentialKind::Wns,
                          {{u"PackageSid"_s, u"ms-app://old"_s}, {u"SecretKey"_s, u"S3cOld"_s}},
                          {}};
    PnsCredential after {PnsCredentialKind::Wns,
                         {{u"packagesid"_s, u"ms-app://new"_s},
                          {u"SecretKey"_s, u"S3cNew"_s},
                          {u"WindowsLiveEndpoint"_s, u"https://login.live.com"_s}},
                         {}};
    const QList<CredentialChange> changes =
        credentialChanges(PnsCredentialKind::Wns, before, after);
    QCOMPARE(changes.size(), 3);
    QCOMPARE(changes.at(0).kind, CredentialChange::Kind::Changed);
    QCOMPARE(changes.at(0).newValue, u"ms-app://new"_s);
    QCOMPARE(changes.at(1).property, u"SecretKey"_s);
    QCOMPARE(changes.at(1).oldValue, kRedacted.toString());
    QCOMPARE(changes.at(1).newValue, kRedacted.toString());
    QCOMPARE(changes.at(2).kind, CredentialChange::Kind::Added);
    const QByteArray json = QJsonDocument(credentialChangesToJson(changes)).toJson()
        + credentialChangesText(changes).toUtf8();
    QVERIFY(!json.contains("S3c"));
    const auto removed = credentialChanges(PnsCredentialKind::Wns, before, std::nullopt);
    QCOMPARE(removed.size(), 2);
    QCOMPARE(removed.at(1).kind, CredentialChange::Kind::Removed);
    QCOMPARE(removed.at(1).oldValue, kRedacted.toString());
}

void TestCliHub::platformNames()
{
    QCOMPARE(credentialKindFromCliName(u"apns"), PnsCredentialKind::Apns);
    QCOMPARE(credentialKindFromCliName(u"FCMV1"), PnsCredentialKind::FcmV1);
    QCOMPARE(credentialKindFromCliName(u"gcm"), PnsCredentialKind::Gcm);
    QCOMPARE(credentialKindFromCliName(u"mpns"), PnsCredentialKind::Mpns);
    QCOMPARE(credentialKindFromCliName(u"browser"), PnsCredentialKind::Browser);
    QCOMPARE(credentialKindFromCliName(u"xiaomi"), PnsCredentialKind::Xiaomi);
    QCOMPARE(credentialKindFromCliName(u"apple"), PnsCredentialKind::Apns);
    QVERIFY(!credentialKindFromCliName(u"pager"));
    for (int i = 0; i < kPnsCredentialKindCount; ++i) {
        const auto kind = PnsCredentialKind(i);
        QCOMPARE(credentialKindFromCliName(credentialCliName(kind)), kind);
    }
}

// Every secret of the fixture starts with "S3c" (tests/data/hubs/every-credential.xml).
void TestCliHub::descriptionOutputRedacts()
{
    QFile fixture(QString::fromUtf8(NH_TEST_DATA_DIR) + u"/hubs/every-credential.xml"_s);
    QVERIFY(fixture.open(QIODevice::ReadOnly));
    const auto d = parseHubDescription(fixture.readAll());
    QVERIFY(d);
    const TextRenderer renderer(100, false);
    const QString text = hubDescriptionText(*d, false, renderer);
    const QByteArray json = QJsonDocument(hubDescriptionToJson(*d, false)).toJson();
    QVERIFY2(!text.contains(u"S3c"_s), qPrintable(text));
    QVERIFY(!json.contains("S3c"));
    QVERIFY(text.contains(u"DefaultFullSharedAccessSignature"_s));
    QVERIFY(text.contains(u"fcmv1"_s));
    QVERIFY(text.contains(u"--reveal"_s));
    QVERIFY(hubDescriptionText(*d, true, renderer).contains(u"S3c"_s));
    QVERIFY(QJsonDocument(hubDescriptionToJson(*d, true)).toJson().contains("S3c"));
    for (const AuthorizationRule &r : d->authorizationRules) {
        if (!r.primaryKey.isEmpty())
            QVERIFY(!text.contains(r.primaryKey));
    }
    // A value too long for the line wraps under its field; the field keeps its indentation.
    HubDescription longValue = *d;
    longValue.credentials = {
        {PnsCredentialKind::Browser,
         {{u"Subject"_s, u"mailto:a@example.com"_s}, {u"VapidPublicKey"_s, QString(120, u'K')}},
         {}}};
    const QStringList lines = hubDescriptionText(longValue, false, renderer).split(u'\n');
    const auto field = std::find_if(lines.cbegin(), lines.cend(), [](const QString &l) {
        return l.contains(u"VapidPublicKey:"_s);
    });
    QVERIFY(field != lines.cend());
    QVERIFY2(field->startsWith(u"  VapidPublicKey:"_s), qPrintable(*field));
}

// --- the command line ---------------------------------------------------------------------------

void TestCliHub::usage_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("says");

    QTest::newRow("no action") << QStringList {u"hub"_s} << u"needs an action"_s;
    QTest::newRow("unknown action")
        << QStringList {u"hub"_s, u"edit"_s} << u"Unknown action 'edit'"_s;
    QTest::newRow("no platform") << QStringList {u"hub"_s, u"set-credential"_s}
                                 << u"needs a PLATFORM"_s;
    QTest::newRow("unknown platform") << QStringList {u"hub"_s, u"remove-credential"_s, u"pager"_s}
                                      << u"Unknown platform 'pager'"_s;
    QTest::newRow("show takes no argument")
        << QStringList {u"hub"_s, u"show"_s, u"x"_s} << u"Too many arguments"_s;
    QTest::newRow("reveal on check")
        << QStringList {u"hub"_s, u"check"_s, u"--reveal"_s} << u"--reveal is for hub show"_s;
    QTest::newRow("file on show") << QStringList {u"hub"_s, u"show"_s, u"--file"_s, u"x"_s}
                                  << u"--file is for hub set-credential"_s;
    QTest::newRow("p8 for wns") << QStringList {u"hub"_s, u"set-credential"_s, u"wns"_s,
                                                u"--p8-file"_s, u"k.p8"_s}
                                << u"are for the apns credential"_s;
    QTest::newRow("service account for apns")
        << QStringList {u"hub"_s, u"set-credential"_s, u"apns"_s, u"--service-account"_s, u"a"_s}
        << u"--service-account is for the fcmv1"_s;
    QTest::newRow("two sources") << QStringList {u"hub"_s,  u"set-credential"_s,
                                                 u"apns"_s, u"--file"_s,
                                                 u"a"_s,    u"--p8-file"_s,
                                                 u"b"_s}
                                 << u"one way"_s;
    QTest::newRow("key id without p8")
        << QStringList {u"hub"_s, u"set-credential"_s, u"apns"_s, u"--key-id"_s, u"ABCDE12345"_s}
        << u"go with --p8-file"_s;
    QTest::newRow("p8 without ids")
        << QStringList {u"hub"_s, u"set-credential"_s, u"apns"_s, u"--p8-file"_s, u"k.p8"_s}
        << u"needs --key-id, --team-id and --bundle-id"_s;
    QTest::newRow("password file without p12")
        << QStringList {u"hub"_s, u"set-credential"_s, u"apns"_s, u"--password-file"_s, u"p"_s}
        << u"goes with --p12-file"_s;
    QTest::newRow("p12 and password both stdin")
        << QStringList {u"hub"_s, u"set-credential"_s, u"apns"_s, u"--p12-file"_s, u"-"_s}
        << u"cannot both come from standard input"_s;
    QTest::newRow("bad environment")
        << QStringList {u"hub"_s, u"set-credential"_s, u"apns"_s, u"--environment"_s, u"prod"_s}
        << u"production or sandbox"_s;
}

void TestCliHub::usage()
{
    QFETCH(QStringList, args);
    QFETCH(QString, says);
    const Run r = run(args);
    RUN_OK(r);
    QCOMPARE(r.code, 2);
    SAYS(r, says);
    const Run j = run(args + QStringList {u"--json"_s});
    QCOMPARE(j.code, 2);
    QVERIFY(j.jsonOk);
    QCOMPARE(j.json.value(u"error"_s).toObject().value(u"code"_s).toString(), u"usage"_s);
}

// A secret on the command line would show in `ps` and the shell history: refused, not echoed.
void TestCliHub::secretsNeverFromArgv()
{
    const qsizetype before = f.emulator.log().size();
    for (const QStringList &args :
         {QStringList {u"hub"_s, u"set-credential"_s, u"wns"_s, u"SecretKey=S3cArgv"_s},
          QStringList {u"hub"_s, u"set-credential"_s, u"gcm"_s, u"S3cArgv"_s, u"--json"_s}}) {
        const Run r = run(args, "PackageSid=ms-app://s\nSecretKey=fromstdin\n");
        RUN_OK(r);
        QCOMPARE(r.code, 2);
        SAYS(r, u"never taken from the command line"_s);
        QVERIFY(!QString(r.out + r.err).contains(u"S3cArgv"_s));
    }
    QCOMPARE(f.emulator.log().size(), before);
}

void TestCliHub::badCredentialInput_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QByteArray>("stdinData");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("says");

    QTest::newRow("empty stdin") << QStringList {u"wns"_s} << QByteArray() << 3
                                 << u"No credential properties"_s;
    QTest::newRow("bad json on stdin")
        << QStringList {u"wns"_s} << "{\"SecretKey\":"_ba << 3 << u"not a JSON object"_s;
    QTest::newRow("twice") << QStringList {u"wns"_s} << "SecretKey=a\nsecretkey=b\n"_ba << 3
                           << u"given twice"_s;
    QTest::newRow("missing file") << QStringList {u"wns"_s, u"--file"_s, u"/nonexistent/x"_s}
                                  << QByteArray() << 1 << u"cannot be read"_s;
    QTest::newRow("service account without key")
        << QStringList {u"fcmv1"_s, u"--service-account"_s, u"-"_s}
        << R"({"project_id":"p","client_email":"a@b.iam.gserviceaccount.com"})"_ba << 3
        << u"private_key"_s;
    QTest::newRow("p8 without key")
        << QStringList {u"apns"_s,       u"--p8-file"_s,   u"-"_s,
                        u"--key-id"_s,   u"ABCDE12345"_s,  u"--team-id"_s,
                        u"TEAM123456"_s, u"--bundle-id"_s, u"com.x"_s}
        << "hello"_ba << 3 << u"holds no key"_s;
}

void TestCliHub::badCredentialInput()
{
    QFETCH(QStringList, args);
    QFETCH(QByteArray, stdinData);
    QFETCH(int, code);
    QFETCH(QString, says);
    const qsizetype before = f.emulator.log().size();
    const Run r = run(QStringList {u"hub"_s, u"set-credential"_s} + args, stdinData);
    RUN_OK(r);
    QCOMPARE(r.code, code);
    SAYS(r, says);
    QCOMPARE(f.emulator.log().size(), before); // refused before any request
}

// The credential is read (and refused when wrong) before the hub is asked anything: without a
// connection, good input gets as far as the missing connection.
void TestCliHub::inputIsReadBeforeConnecting()
{
    const QString account = file(u"sa.json"_s, kServiceAccount);
    const Run good = run(
        {u"hub"_s, u"set-credential"_s, u"fcmv1"_s, u"--service-account"_s, account}, {}, false);
    RUN_OK(good);
    QCOMPARE(good.code, 2);
    SAYS(good, u"NH_CONNECTION_STRING"_s);
    QVERIFY(!QString(good.out + good.err).contains(u"S3cFcm"_s));
    const Run bad = run({u"hub"_s, u"set-credential"_s, u"wns"_s}, "nonsense", false);
    QCOMPARE(bad.code, 3);
}

// --- over the emulator's hub routes -------------------------------------------------------------

HubDescription &TestCliHub::description()
{
    return f.emulator.state().hub(f.hub())->description;
}

qsizetype TestCliHub::logged(const QString &operation) const
{
    const auto log = f.emulator.log();
    return std::count_if(log.cbegin(), log.cend(),
                         [&](const auto &entry) { return entry.operation == operation; });
}

void TestCliHub::showRedactsUnlessRevealed()
{
    f.resetHubConfiguration();
    const QString fullKey = f.connectionString().key();
    const Run r = run({u"hub"_s, u"show"_s});
    RUN_OK(r);
    QCOMPARE(r.code, 0);
    SAYS(r, u"apns"_s);
    SAYS(r, u"DefaultFullSharedAccessSignature"_s);
    SAYS(r, u"Listen, Send, Manage"_s);
    SAYS(r, kRedacted.toString());
    QVERIFY(!QString(r.out + r.err).contains(fullKey));

    const Run j = run({u"hub"_s, u"show"_s, u"--json"_s});
    QCOMPARE(j.code, 0);
    QVERIFY(j.jsonOk);
    const QJsonObject hub = j.json.value(u"hub"_s).toObject();
    QCOMPARE(hub.value(u"name"_s).toString(), f.hub());
    QCOMPARE(hub.value(u"credentials"_s).toArray().size(), kPnsCredentialKindCount);
    QVERIFY(hub.value(u"redacted"_s).toBool());
    QVERIFY(!j.out.contains(fullKey));

    const Run revealed = run({u"hub"_s, u"show"_s, u"--reveal"_s, u"--json"_s});
    QCOMPARE(revealed.code, 0);
    QVERIFY(revealed.out.contains(fullKey));
}

void TestCliHub::listNamesTheHubs()
{
    f.resetHubConfiguration();
    const Run r = run({u"hub"_s, u"list"_s, u"--json"_s});
    RUN_OK(r);
    QCOMPARE(r.code, 0);
    const QJsonArray hubs = r.json.value(u"hubs"_s).toArray();
    QCOMPARE(hubs.size(), f.emulator.state().hubNames().size());
    QCOMPARE(hubs.first().toObject().value(u"name"_s).toString(), f.hub());
    QVERIFY(!r.out.contains(f.connectionString().key()));
    const Run text = run({u"hub"_s, u"list"_s});
    QCOMPARE(text.code, 0);
    SAYS(text, f.hub());
}

void TestCliHub::checkExitsOnProblems()
{
    f.resetHubConfiguration();
    Run r = run({u"hub"_s, u"check"_s, u"--json"_s});
    RUN_OK(r);
    QVERIFY(r.jsonOk);
    const bool problem = r.json.value(u"worst"_s).toString() == u"problem"_s;
    QCOMPARE(r.code, problem ? 3 : 0);
    QVERIFY(r.json.value(u"coverageChecked"_s).toBool());
    QStringList ids;
    for (const QJsonValue &v : r.json.value(u"findings"_s).toArray())
        ids << v.toObject().value(u"id"_s).toString();
    QVERIFY2(ids.contains(u"apns-configured"_s), qPrintable(ids.join(u' ')));
    QVERIFY2(ids.contains(u"profile-rights"_s), qPrintable(ids.join(u' ')));

    // FCM v1 registrations on a hub without an FCM v1 credential: a problem, exit 3.
    description().credentials.removeIf(
        [](const PnsCredential &c) { return c.kind == PnsCredentialKind::FcmV1; });
    Registration reg;
    reg.platform = Platform::FcmV1;
    reg.handle = u"fcm-token-1"_s;
    f.emulator.state().putRegistration(*f.emulator.state().hub(f.hub()), reg);
    r = run({u"hub"_s, u"check"_s, u"--json"_s});
    QCOMPARE(r.code, 3);
    QCOMPARE(r.json.value(u"worst"_s).toString(), u"problem"_s);
    bool found = false;
    for (const QJsonValue &v : r.json.value(u"findings"_s).toArray()) {
        const QJsonObject o = v.toObject();
        if (o.value(u"id"_s).toString() == u"coverage-no-credential"_s) {
            found = true;
            QCOMPARE(o.value(u"severity"_s).toString(), u"problem"_s);
            QCOMPARE(o.value(u"platform"_s).toString(), u"fcmv1"_s);
            QVERIFY(!o.value(u"sentence"_s).toString().isEmpty());
            QVERIFY(!o.value(u"fix"_s).toString().isEmpty());
        }
    }
    QVERIFY(found);
    const Run text = run({u"hub"_s, u"check"_s});
    QCOMPARE(text.code, 3);
    SAYS(text, u"Fix:"_s);
}

void TestCliHub::setCredentialFromStdin()
{
    f.resetHubConfiguration();
    const qsizetype updates = logged(u"hub.update"_s);
    const Run r = run({u"hub"_s, u"set-credential"_s, u"wns"_s, u"--json"_s},
                      "PackageSid=ms-app://s-1-15-2-1\nSecretKey=S3cNewWns\n");
    RUN_OK(r);
    QCOMPARE(r.code, 0);
    QVERIFY(r.json.value(u"changed"_s).toBool());
    QVERIFY(!r.out.contains(u"S3cNewWns"_s));
    QCOMPARE(logged(u"hub.update"_s), updates + 1);
    const PnsCredential *wns = description().credential(PnsCredentialKind::Wns);
    QVERIFY(wns);
    QCOMPARE(wns->property(u"SecretKey"), u"S3cNewWns"_s);
    QCOMPARE(wns->property(u"PackageSid"), u"ms-app://s-1-15-2-1"_s);
    // The whole description went back: the other credentials and the rules are still there.
    QCOMPARE(description().credentials.size(), kPnsCredentialKindCount);
    QVERIFY(description().rule(u"DefaultFullSharedAccessSignature"));

    const Run text = run({u"hub"_s, u"set-credential"_s, u"wns"_s},
                         "PackageSid=ms-app://s-1-15-2-2\nSecretKey=S3cOther\n");
    QCOMPARE(text.code, 0);
    SAYS(text, u"ms-app://s-1-15-2-2"_s);
    QVERIFY(!QString(text.out + text.err).contains(u"S3cOther"_s));
}

void TestCliHub::setApnsAndFcmFromFiles()
{
    f.resetHubConfiguration();
    const QString p8 = file(u"AuthKey.p8"_s, kP8);
    Run r = run({u"hub"_s, u"set-credential"_s, u"apns"_s, u"--p8-file"_s, p8, u"--key-id"_s,
                 u"ABCDE12345"_s, u"--team-id"_s, u"TEAM123456"_s, u"--bundle-id"_s,
                 u"com.example.app"_s, u"--environment"_s, u"production"_s, u"--json"_s});
    RUN_OK(r);
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    const PnsCredential *apns = description().credential(PnsCredentialKind::Apns);
    QVERIFY(apns);
    QCOMPARE(apns->property(u"KeyId"), u"ABCDE12345"_s);
    QCOMPARE(apns->property(u"Endpoint"), u"https://api.push.apple.com:443/3/device"_s);
    QVERIFY(!apns->property(u"Token")->contains(u"BEGIN"_s));
    QVERIFY(!r.out.contains(u"MIGTAgEA"_s));

    const QString account = file(u"sa.json"_s, kServiceAccount);
    r = run({u"hub"_s, u"set-credential"_s, u"fcmv1"_s, u"--service-account"_s, account});
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    const PnsCredential *fcm = description().credential(PnsCredentialKind::FcmV1);
    QCOMPARE(fcm->property(u"ProjectId"), u"example-project"_s);
    QVERIFY(!QString(r.out + r.err).contains(u"S3cFcm"_s));
}

void TestCliHub::removeCredential()
{
    f.resetHubConfiguration();
    const qsizetype updates = logged(u"hub.update"_s);
    Run r = run({u"hub"_s, u"remove-credential"_s, u"gcm"_s, u"--json"_s});
    RUN_OK(r);
    QCOMPARE(r.code, 0);
    QVERIFY(r.json.value(u"removed"_s).toBool());
    QVERIFY(!description().credential(PnsCredentialKind::Gcm));
    QCOMPARE(description().credentials.size(), kPnsCredentialKindCount - 1);
    QCOMPARE(logged(u"hub.update"_s), updates + 1);
    // Again: nothing to remove, nothing sent.
    r = run({u"hub"_s, u"remove-credential"_s, u"gcm"_s});
    QCOMPARE(r.code, 0);
    SAYS(r, u"nothing to remove"_s);
    QCOMPARE(logged(u"hub.update"_s), updates + 1);
}

void TestCliHub::listenKeyIsRefused()
{
    f.resetHubConfiguration();
    Nh::Test::CliRunOptions options;
    options.env.insert(u"NH_CONNECTION_STRING"_s,
                       f.connectionString(u"DefaultListenSharedAccessSignature"_s).toString());
    options.env.insert(u"NH_HUB"_s, f.hub());
    options.env.insert(u"NH_CA_FILE"_s, caFile);
    const Run r = Nh::Test::runCli({u"hub"_s, u"show"_s, u"--json"_s}, options);
    RUN_OK(r);
    QCOMPARE(r.code, 5);
    const QString why =
        QString::fromUtf8(QJsonDocument(r.json.value(u"explanation"_s).toObject()).toJson());
    QVERIFY2(why.contains(u"RootManageSharedAccessKey"_s), qPrintable(r.out));
    QVERIFY2(why.contains(u"wrong"_s), qPrintable(r.out));
}

QTEST_GUILESS_MAIN(TestCliHub)
#include "tst_clihub.moc"
