// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// nhcli and templates (issue #16), in-process against the in-process emulator over real HTTPS:
// `templates lint|render` from files and from registrations, their bad inputs and exit codes,
// and the per-registration property warnings of `send --template`.

#include "cli/cli.h"
#include "clirun.h"
#include "emulator/emulatorstate.h"
#include "emulatorfixture.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>

using namespace Qt::Literals::StringLiterals;
using namespace Nh;

namespace {

// Line 2 has an error (text after an expression without '+'); line 1 a warning ($(name) inside
// a literal is sent as written).
const QByteArray kBroken = "{\"aps\":{\"alert\":\"Hello $(name)\"},\n"
                           " \"x\":\"$(a) is here\"}";
const QByteArray kWarningOnly = R"j({"aps":{"alert":"Hello $(name)"}})j";
const QByteArray kGreeting = R"j({"aps":{"alert":"{$(greeting) + ' ' + $(name)}"}})j";

} // namespace

class TestCliTemplates final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void lintText();
    void lintJson();
    void renderMissingProperty();
    void renderFromRegistration();
    void registrationFile();
    void badInputs_data();
    void badInputs();
    void sendWarnsAboutMissingProperties();
    void sendRequireProperties();
    void sendCheckIsBounded();

private:
    using Run = Nh::Test::CliRun;
    Run run(const QStringList &args, bool connection = true);
    QString file(const QString &name, const QByteArray &content);
    QString addTemplate(const QString &handle, const QStringList &tags, const QString &body,
                        const QString &name = {});
    qsizetype sends() const;

    EmulatorFixture f;
    QTemporaryDir dir;
    QString caFile;
};

void TestCliTemplates::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(dir.isValid());
    QVERIFY(f.start());
    caFile = file(u"emulator-ca.pem"_s, f.emulator.certificatePem());
}

void TestCliTemplates::init()
{
    f.resetHub();
}

QString TestCliTemplates::file(const QString &name, const QByteArray &content)
{
    const QString path = dir.filePath(name);
    QFile out(path);
    if (!out.open(QIODevice::WriteOnly))
        return {};
    out.write(content);
    return path;
}

QString TestCliTemplates::addTemplate(const QString &handle, const QStringList &tags,
                                      const QString &body, const QString &name)
{
    Registration r;
    r.platform = Platform::Apple;
    r.handle = handle;
    r.tags = tags;
    r.isTemplate = true;
    r.bodyTemplate = body;
    r.templateName = name;
    EmulatorHub *hub = f.emulator.state().hub(f.hub());
    f.emulator.state().putRegistration(*hub, r);
    for (const auto &[id, reg] : hub->registrations) {
        if (reg.handle == handle)
            return id;
    }
    return {};
}

qsizetype TestCliTemplates::sends() const
{
    const auto log = f.emulator.log();
    return std::count_if(log.cbegin(), log.cend(),
                         [](const auto &entry) { return entry.operation.startsWith(u"send"_s); });
}

TestCliTemplates::Run TestCliTemplates::run(const QStringList &args, bool connection)
{
    Nh::Test::CliRunOptions options;
    if (connection) {
        options.env.insert(u"NH_CONNECTION_STRING"_s, f.connectionString().toString());
        options.env.insert(u"NH_HUB"_s, f.hub());
        options.env.insert(u"NH_CA_FILE"_s, caFile);
    }
    options.columns = 100;
    return Nh::Test::runCli(args, options);
}

#define SAYS(r, text) \
    QVERIFY2(QString((r).out + (r).err).contains(text), qPrintable((r).out + (r).err))

// --- lint ---------------------------------------------------------------------------------------

void TestCliTemplates::lintText()
{
    const QString broken = file(u"broken.json"_s, kBroken);
    const Run r = run({u"templates"_s, u"lint"_s, u"--template-file"_s, broken}, false);
    RUN_OK(r);
    QCOMPARE(r.code, 3); // the hub would refuse it: input refused before sending
    // The platform from the body's shape, said so.
    SAYS(r, u"Apple (APNs), from the body's shape"_s);
    // The error: line:column and offset in the body, the message, a caret, the fix.
    // The error is at the text after the expression: "is here", column 12 of line 2.
    const qsizetype errorAt = kBroken.indexOf("is here");
    SAYS(r, u"BodyTemplate 2:12 (offset %1) error:"_s.arg(errorAt));
    SAYS(r, u"Only valid composition operator is +"_s);
    SAYS(r, u"    \"x\":\"$(a) is here\"}\n               ^^^^^^^\n"_s);
    SAYS(r, u"fix: "_s);
    // The warning, on line 1.
    SAYS(r, u"BodyTemplate 1:24 (offset 23) warning:"_s);
    SAYS(r, u"sent literally"_s);

    // Warnings alone pass, unless --strict.
    const QString warned = file(u"warned.json"_s, kWarningOnly);
    const Run ok = run({u"templates"_s, u"lint"_s, u"--template-file"_s, warned}, false);
    RUN_OK(ok);
    QCOMPARE(ok.code, 0);
    SAYS(ok, u"warning:"_s);
    const Run strict =
        run({u"templates"_s, u"lint"_s, u"--template-file"_s, warned, u"--strict"_s}, false);
    RUN_OK(strict);
    QCOMPARE(strict.code, 3);
    SAYS(strict, u"--strict"_s);

    const QString clean = file(u"clean.json"_s, kGreeting);
    const Run none = run({u"templates"_s, u"lint"_s, u"--template-file"_s, clean}, false);
    RUN_OK(none);
    QCOMPARE(none.code, 0);
    SAYS(none, u"No findings"_s);
    SAYS(none, u"Properties used: greeting, name"_s);
}

void TestCliTemplates::lintJson()
{
    const QString broken = file(u"broken.json"_s, kBroken);
    const Run r =
        run({u"templates"_s, u"lint"_s, u"--template-file"_s, broken, u"--json"_s}, false);
    RUN_OK(r);
    QCOMPARE(r.code, 3);
    QVERIFY2(r.jsonOk, qPrintable(r.out));
    QCOMPARE(r.json.value(u"ok"_s).toBool(), false);
    QCOMPARE(r.json.value(u"exitCode"_s).toInt(), 3);
    QCOMPARE(r.json.value(u"template"_s).toObject().value(u"platform"_s).toString(), u"apns"_s);
    QCOMPARE(r.json.value(u"template"_s).toObject().value(u"platformFromShape"_s).toBool(), true);
    const QJsonObject lint = r.json.value(u"lint"_s).toObject();
    QCOMPARE(lint.value(u"errors"_s).toInt(), 1);
    QCOMPARE(lint.value(u"warnings"_s).toInt(), 1);
    const QJsonArray findings = lint.value(u"findings"_s).toArray();
    QCOMPARE(findings.size(), 2);
    const QJsonObject error = findings.at(0).toObject();
    QCOMPARE(error.value(u"severity"_s).toString(), u"error"_s);
    QCOMPARE(error.value(u"check"_s).toString(), u"syntax"_s);
    QCOMPARE(error.value(u"field"_s).toString(), u"BodyTemplate"_s);
    QCOMPARE(error.value(u"offset"_s).toInteger(), kBroken.indexOf("is here"));
    QCOMPARE(error.value(u"line"_s).toInt(), 2);
    QCOMPARE(error.value(u"column"_s).toInt(), 12);
    QVERIFY(!error.value(u"fix"_s).toString().isEmpty());
    const QJsonObject warning = findings.at(1).toObject();
    QCOMPARE(warning.value(u"severity"_s).toString(), u"warning"_s);
    QCOMPARE(warning.value(u"check"_s).toString(), u"embedded-expression"_s);
    QCOMPARE(warning.value(u"line"_s).toInt(), 1);
    QCOMPARE(r.json.value(u"error"_s).toObject().value(u"code"_s).toString(), u"syntax"_s);
    QCOMPARE(r.json.value(u"error"_s).toObject().value(u"kind"_s).toString(), u"invalid"_s);
}

// --- render -------------------------------------------------------------------------------------

void TestCliTemplates::renderMissingProperty()
{
    const QString path = file(u"greeting.json"_s, kGreeting);
    const QStringList args {u"templates"_s,  u"render"_s,      u"--template-file"_s, path,
                            u"--property"_s, u"greeting=Hi"_s, u"--property"_s,      u"unused=1"_s};
    const Run r = run(args, false);
    RUN_OK(r);
    QCOMPARE(r.code, 0); // rendered, and the payload is valid: the missing one is reported
    SAYS(r, uR"j({"aps":{"alert":"Hi "}})j"_s);
    SAYS(r, u"MISSING name"_s);
    SAYS(r, u"Missing properties (rendered as empty text): name"_s);
    SAYS(r, u"Not used by this template: unused"_s);
    SAYS(r, u"Payload: a valid Apple (APNs) payload."_s);

    const Run j = run(args + QStringList {u"--json"_s}, false);
    RUN_OK(j);
    QVERIFY2(j.jsonOk, qPrintable(j.out));
    const QJsonObject rendered = j.json.value(u"rendered"_s).toObject();
    QCOMPARE(rendered.value(u"body"_s).toString(), uR"j({"aps":{"alert":"Hi "}})j"_s);
    QCOMPARE(rendered.value(u"missingProperties"_s).toArray(), QJsonArray {u"name"_s});
    const QJsonObject s = rendered.value(u"substitutions"_s).toArray().at(0).toObject();
    QCOMPARE(s.value(u"path"_s).toString(), u"aps.alert"_s);
    QCOMPARE(s.value(u"missing"_s).toArray(), QJsonArray {u"name"_s});
    QCOMPARE(s.value(u"expression"_s).toString(), u"{$(greeting) + ' ' + $(name)}"_s);
    QCOMPARE(rendered.value(u"validation"_s).toObject().value(u"ok"_s).toBool(), true);
    QCOMPARE(j.json.value(u"unusedProperties"_s).toArray(), QJsonArray {u"unused"_s});

    // A property that is there but empty is marked too; --strict fails on the missing one.
    const QString two =
        file(u"two.json"_s, R"j({"aps":{"alert":"$(greeting)","title":"$(name)"}})j");
    const Run empty = run({u"templates"_s, u"render"_s, u"--template-file"_s, two, u"--property"_s,
                           u"greeting="_s, u"--strict"_s},
                          false);
    RUN_OK(empty);
    QCOMPARE(empty.code, 3);
    QVERIFY2(empty.out.contains(QRegularExpression(u"aps.alert .* EMPTY\\n"_s)),
             qPrintable(empty.out));
    QVERIFY2(empty.out.contains(QRegularExpression(u"aps.title .* MISSING name, EMPTY\\n"_s)),
             qPrintable(empty.out));
    QVERIFY2(empty.err.contains(u"--strict"_s), qPrintable(empty.err));
    const Run lenient = run(
        {u"templates"_s, u"render"_s, u"--template-file"_s, two, u"--property"_s, u"greeting="_s},
        false);
    RUN_OK(lenient);
    QCOMPARE(lenient.code, 0);

    // --properties-file, overridden by --property (any case).
    const QString props = file(u"props.json"_s, R"j({"Greeting":"Hello","name":"Ann"})j");
    const Run fromFile =
        run({u"templates"_s, u"render"_s, u"--template-file"_s, path, u"--properties-file"_s, props,
             u"--property"_s, u"NAME=Bob"_s, u"--json"_s},
            false);
    RUN_OK(fromFile);
    QCOMPARE(fromFile.code, 0);
    QCOMPARE(fromFile.json.value(u"rendered"_s).toObject().value(u"body"_s).toString(),
             uR"j({"aps":{"alert":"Hello Bob"}})j"_s);

    // A rendered payload the platform refuses: exit 3, and the hub's outcome named.
    const QString fcm = file(u"fcm.json"_s, R"j({"message":{"data":{"n":"#(n)"}}})j");
    const Run refused = run(
        {u"templates"_s, u"render"_s, u"--template-file"_s, fcm, u"--property"_s, u"n=5"_s}, false);
    RUN_OK(refused);
    QCOMPARE(refused.code, 3);
    SAYS(refused, u"Payload refused"_s);
    SAYS(refused, u"The Notification payload is invalid"_s);
}

void TestCliTemplates::renderFromRegistration()
{
    // Created through the CLI, as a user would.
    const Run created =
        run({u"registrations"_s, u"create"_s, u"--platform"_s, u"apns"_s, u"--handle"_s,
             u"ABCDEF0123"_s, u"--body-template"_s, QString::fromUtf8(kGreeting),
             u"--template-name"_s, u"hello"_s, u"--json"_s});
    RUN_OK(created);
    QVERIFY2(created.code == 0, qPrintable(created.out + created.err));
    const QString id =
        created.json.value(u"registration"_s).toObject().value(u"registrationId"_s).toString();
    QVERIFY(!id.isEmpty());

    const Run r =
        run({u"templates"_s, u"render"_s, u"--registration"_s, id, u"--property"_s, u"name=Ann"_s});
    RUN_OK(r);
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    SAYS(r, u"Template of registration %1"_s.arg(id));
    SAYS(r, u"named 'hello'"_s);
    SAYS(r, uR"j({"aps":{"alert":" Ann"}})j"_s);
    SAYS(r, u"MISSING greeting"_s);

    const Run j = run({u"templates"_s, u"lint"_s, u"--registration"_s, id, u"--json"_s});
    RUN_OK(j);
    QCOMPARE(j.code, 0);
    QCOMPARE(j.json.value(u"template"_s).toObject().value(u"registrationId"_s).toString(), id);
    QCOMPARE(j.json.value(u"template"_s).toObject().value(u"templateName"_s).toString(),
             u"hello"_s);
    QCOMPARE(j.json.value(u"lint"_s).toObject().value(u"properties"_s).toArray(),
             QJsonArray({u"greeting"_s, u"name"_s}));

    // An unknown registration: the hub's 404, said plainly.
    const Run unknown = run({u"templates"_s, u"lint"_s, u"--registration"_s, u"1-2-3"_s});
    RUN_OK(unknown);
    QCOMPARE(unknown.code, 5);
    SAYS(unknown, u"no registration '1-2-3'"_s);

    // A native registration has no template.
    const Run native = run({u"registrations"_s, u"create"_s, u"--platform"_s, u"apns"_s,
                            u"--handle"_s, u"ABCDEF0124"_s, u"--json"_s});
    RUN_OK(native);
    const QString nativeId =
        native.json.value(u"registration"_s).toObject().value(u"registrationId"_s).toString();
    const Run noTemplate = run({u"templates"_s, u"render"_s, u"--registration"_s, nativeId});
    RUN_OK(noTemplate);
    QCOMPARE(noTemplate.code, 3);
    SAYS(noTemplate, u"native"_s);
}

void TestCliTemplates::registrationFile()
{
    // A registration description (as the hub writes it) names its platform and headers.
    const QByteArray xml =
        R"j(<WindowsTemplateRegistrationDescription xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="http://schemas.microsoft.com/netservices/2010/10/servicebus/connect">)j"
        R"j(<ChannelUri>https://db5.notify.windows.com/?token=AgY</ChannelUri>)j"
        R"j(<BodyTemplate><![CDATA[<toast><visual><binding template="ToastText01"><text id="1">$(msg)</text></binding></visual></toast>]]></BodyTemplate>)j"
        R"j(<WnsHeaders><WnsHeader><Header>X-WNS-Type</Header><Value>wns/toast</Value></WnsHeader></WnsHeaders>)j"
        R"j(</WindowsTemplateRegistrationDescription>)j";
    const QString path = file(u"registration.xml"_s, xml);
    const Run r = run({u"templates"_s, u"render"_s, u"--template-file"_s, path, u"--property"_s,
                       u"msg=a<b"_s, u"--json"_s},
                      false);
    RUN_OK(r);
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    QCOMPARE(r.json.value(u"template"_s).toObject().value(u"platform"_s).toString(), u"wns"_s);
    const QJsonObject rendered = r.json.value(u"rendered"_s).toObject();
    QVERIFY2(rendered.value(u"body"_s).toString().contains(u">a&lt;b</text>"_s),
             qPrintable(rendered.value(u"body"_s).toString()));
    QCOMPARE(rendered.value(u"headers"_s).toArray().at(0).toArray().at(1).toString(),
             u"wns/toast"_s);
}

void TestCliTemplates::badInputs_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("says");
    QTest::addColumn<QString>("jsonCode"); // error.code with --json

    const QString ok = dir.filePath(u"ok.json"_s);
    const QString broken = dir.filePath(u"broken.json"_s);
    const QString shapeless = dir.filePath(u"shapeless.json"_s);
    const QString empty = dir.filePath(u"empty.json"_s);
    const QString numbers = dir.filePath(u"numbers.json"_s);
    const QString missing = dir.filePath(u"no-such-file.json"_s);
    const QStringList lint {u"templates"_s, u"lint"_s};
    const QStringList render {u"templates"_s, u"render"_s};

    QTest::newRow("no action") << QStringList {u"templates"_s} << 2 << u"lint or render"_s
                               << u"usage"_s;
    QTest::newRow("unknown action")
        << QStringList {u"templates"_s, u"frob"_s} << 2 << u"'frob'"_s << u"usage"_s;
    QTest::newRow("no template") << lint << 2 << u"--registration ID or --template-file"_s
                                 << u"usage"_s;
    QTest::newRow("both sources")
        << (lint + QStringList {u"--template-file"_s, ok, u"--registration"_s, u"x"_s}) << 2
        << u"one of them"_s << u"usage"_s;
    QTest::newRow("unreadable file") << (lint + QStringList {u"--template-file"_s, missing}) << 1
                                     << u"no-such-file.json"_s << u"storage"_s;
    QTest::newRow("empty file") << (lint + QStringList {u"--template-file"_s, empty}) << 3
                                << u"empty"_s << u"empty"_s;
    QTest::newRow("malformed --property")
        << (render + QStringList {u"--template-file"_s, ok, u"--property"_s, u"novalue"_s}) << 2
        << u"'novalue'"_s << u"usage"_s;
    QTest::newRow("--property without a name")
        << (render + QStringList {u"--template-file"_s, ok, u"--property"_s, u"=x"_s}) << 2
        << u"'=x'"_s << u"usage"_s;
    QTest::newRow("--property on lint")
        << (lint + QStringList {u"--template-file"_s, ok, u"--property"_s, u"a=b"_s}) << 2
        << u"render"_s << u"usage"_s;
    QTest::newRow("--properties-file: a number")
        << (render + QStringList {u"--template-file"_s, ok, u"--properties-file"_s, numbers}) << 3
        << u"must be a string"_s << u"invalid-value"_s;
    QTest::newRow("--properties-file unreadable")
        << (render + QStringList {u"--template-file"_s, ok, u"--properties-file"_s, missing}) << 1
        << u"no-such-file.json"_s << u"storage"_s;
    QTest::newRow("unknown --platform")
        << (lint + QStringList {u"--template-file"_s, ok, u"--platform"_s, u"pigeon"_s}) << 2
        << u"'pigeon'"_s << u"usage"_s;
    QTest::newRow("shape tells no platform")
        << (lint + QStringList {u"--template-file"_s, shapeless}) << 2 << u"--platform"_s
        << u"usage"_s;
    QTest::newRow("render: template does not parse")
        << (render + QStringList {u"--template-file"_s, broken}) << 3
        << u"cannot be rendered: BodyTemplate 2:12 (offset "_s << u"syntax"_s;
}

void TestCliTemplates::badInputs()
{
    QFETCH(QStringList, args);
    QFETCH(int, code);
    QFETCH(QString, says);
    QFETCH(QString, jsonCode);
    file(u"ok.json"_s, kGreeting);
    file(u"broken.json"_s, kBroken);
    file(u"shapeless.json"_s, R"j({"data":{"x":"$(x)"}})j");
    file(u"empty.json"_s, "  \n");
    file(u"numbers.json"_s, R"j({"greeting":1})j");

    const Run r = run(args, false);
    RUN_OK(r);
    QVERIFY2(r.code == code,
             qPrintable(u"exit %1, expected %2:\n"_s.arg(r.code).arg(code) + r.out + r.err));
    SAYS(r, says);

    const Run j = run(args + QStringList {u"--json"_s}, false);
    RUN_OK(j);
    QCOMPARE(j.code, code);
    QVERIFY2(j.jsonOk, qPrintable(j.out + j.err));
    QCOMPARE(j.json.value(u"ok"_s).toBool(), false);
    QCOMPARE(j.json.value(u"exitCode"_s).toInt(), code);
    QCOMPARE(j.json.value(u"error"_s).toObject().value(u"code"_s).toString(), jsonCode);
}

// --- send ---------------------------------------------------------------------------------------

void TestCliTemplates::sendWarnsAboutMissingProperties()
{
    const QString greeting =
        addTemplate(u"AAAA01"_s, {u"sports"_s}, QString::fromUtf8(kGreeting), u"hello"_s);
    const QString complete =
        addTemplate(u"AAAA02"_s, {u"sports"_s}, uR"j({"aps":{"alert":"$(greeting)"}})j"_s);
    addTemplate(u"AAAA03"_s, {u"news"_s}, uR"j({"aps":{"alert":"$(headline)"}})j"_s);
    QVERIFY(!greeting.isEmpty() && !complete.isEmpty());

    const auto before = sends();
    const Run r = run({u"send"_s, u"--template"_s, u"greeting=Hi"_s, u"--template"_s, u"extra=1"_s,
                       u"--tags"_s, u"sports"_s});
    RUN_OK(r);
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    QCOMPARE(sends() - before, 1); // the send still happened
    // Per reached registration, on stderr: the one that lacks 'name', not the complete one,
    // not the one the tags do not reach.
    QVERIFY2(r.err.contains(u"registration %1 (Apple (APNs) template 'hello'): the send has no "
                            "'name'"_s.arg(greeting)),
             qPrintable(r.err));
    QVERIFY2(!r.err.contains(complete), qPrintable(r.err));
    QVERIFY2(!r.err.contains(u"headline"_s), qPrintable(r.err));
    QVERIFY2(r.err.contains(u"No reached template uses 'extra'"_s), qPrintable(r.err));
    // A template the hub would not have taken (put straight into the emulator's state): said so.
    const QString broken = addTemplate(u"AAAA04"_s, {u"sports"_s}, QString::fromUtf8(kBroken));
    const Run withBroken = run(
        {u"send"_s, u"--template"_s, u"greeting=Hi"_s, u"--tags"_s, u"sports"_s, u"--no-test"_s});
    RUN_OK(withBroken);
    QVERIFY2(withBroken.err.contains(u"registration %1 (Apple (APNs) template): its template does "
                                     "not parse"_s.arg(broken)),
             qPrintable(withBroken.err));
    QVERIFY2(withBroken.err.contains(u"2:12"_s) || withBroken.err.contains(u"is here"_s),
             qPrintable(withBroken.err));
    f.emulator.state().hub(f.hub())->registrations.erase(broken);
    QVERIFY2(!r.out.contains(u"the send has no"_s), qPrintable(r.out)); // stdout stays the result

    // --json: under propertyCheck, nothing on stderr.
    const Run j =
        run({u"send"_s, u"--template"_s, u"greeting=Hi"_s, u"--broadcast"_s, u"--json"_s});
    RUN_OK(j);
    QCOMPARE(j.code, 0);
    QVERIFY2(j.jsonOk, qPrintable(j.out));
    QVERIFY2(j.err.isEmpty(), qPrintable(j.err));
    const QJsonObject check = j.json.value(u"propertyCheck"_s).toObject();
    QCOMPARE(check.value(u"checked"_s).toInt(), 3);
    QCOMPARE(check.value(u"truncated"_s).toBool(), false);
    QCOMPARE(check.value(u"reached"_s).toInt(), 3);
    QMap<QString, QJsonArray> missing;
    for (const QJsonValue &v : check.value(u"registrations"_s).toArray())
        missing.insert(v.toObject().value(u"registrationId"_s).toString(),
                       v.toObject().value(u"missing"_s).toArray());
    QCOMPARE(missing.size(), 2);
    QCOMPARE(missing.value(greeting), QJsonArray {u"name"_s});
    QVERIFY(missing.values().contains(QJsonArray {u"headline"_s}));

    // --no-property-check: no warnings (and no listing).
    const Run quiet = run({u"send"_s, u"--template"_s, u"greeting=Hi"_s, u"--tags"_s, u"sports"_s,
                           u"--no-property-check"_s});
    RUN_OK(quiet);
    QCOMPARE(quiet.code, 0);
    QVERIFY2(!quiet.err.contains(u"the send has no"_s), qPrintable(quiet.err));

    // Every property there: nothing to say.
    const Run complete2 = run({u"send"_s, u"--template"_s, u"greeting=Hi"_s, u"--template"_s,
                               u"name=Ann"_s, u"--tags"_s, u"sports"_s});
    RUN_OK(complete2);
    QCOMPARE(complete2.code, 0);
    QVERIFY2(complete2.err.isEmpty(), qPrintable(complete2.err));
}

void TestCliTemplates::sendRequireProperties()
{
    const QString greeting = addTemplate(u"AAAA01"_s, {u"sports"_s}, QString::fromUtf8(kGreeting));
    QVERIFY(!greeting.isEmpty());
    const auto before = sends();
    const Run r = run({u"send"_s, u"--template"_s, u"greeting=Hi"_s, u"--tags"_s, u"sports"_s,
                       u"--require-properties"_s});
    RUN_OK(r);
    QCOMPARE(r.code, 3);
    QCOMPARE(sends(), before); // not sent
    QVERIFY2(r.err.contains(u"--require-properties"_s), qPrintable(r.err));

    const Run j = run({u"send"_s, u"--template"_s, u"greeting=Hi"_s, u"--tags"_s, u"sports"_s,
                       u"--require-properties"_s, u"--json"_s});
    RUN_OK(j);
    QCOMPARE(j.code, 3);
    QCOMPARE(j.json.value(u"error"_s).toObject().value(u"code"_s).toString(), u"missing-field"_s);
    QCOMPARE(j.json.value(u"propertyCheck"_s)
                 .toObject()
                 .value(u"registrations"_s)
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(u"missing"_s)
                 .toArray(),
             QJsonArray {u"name"_s});

    // With every property, it sends.
    const Run sent = run({u"send"_s, u"--template"_s, u"greeting=Hi"_s, u"--template"_s,
                          u"name=Ann"_s, u"--tags"_s, u"sports"_s, u"--require-properties"_s});
    RUN_OK(sent);
    QCOMPARE(sent.code, 0);
    QCOMPARE(sends(), before + 1);
}

void TestCliTemplates::sendCheckIsBounded()
{
    // One page more than the check reads, all lacking 'name'.
    const int count = 101;
    for (int i = 0; i < count; ++i) {
        QVERIFY(!addTemplate(u"BBBB%1"_s.arg(i, 4, 10, QChar(u'0')), {u"many"_s},
                             uR"j({"aps":{"alert":"$(name)"}})j"_s)
                     .isEmpty());
    }
    const Run r = run({u"send"_s, u"--template"_s, u"greeting=Hi"_s, u"--tags"_s, u"many"_s});
    RUN_OK(r);
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    // At most 20 registration lines, then how many more; and that only a first page was read.
    QCOMPARE(r.err.count(u"the send has no 'name'"_s), 20);
    QVERIFY2(r.err.contains(u"and 80 more template registration"_s), qPrintable(r.err));
    QVERIFY2(r.err.contains(u"Only the first 100 registration"_s), qPrintable(r.err));

    const Run j =
        run({u"send"_s, u"--template"_s, u"greeting=Hi"_s, u"--tags"_s, u"many"_s, u"--json"_s});
    RUN_OK(j);
    const QJsonObject check = j.json.value(u"propertyCheck"_s).toObject();
    QCOMPARE(check.value(u"checked"_s).toInt(), 100);
    QCOMPARE(check.value(u"truncated"_s).toBool(), true);
    QCOMPARE(check.value(u"registrations"_s).toArray().size(), 100);
}

QTEST_GUILESS_MAIN(TestCliTemplates)
#include "tst_clitemplates.moc"
