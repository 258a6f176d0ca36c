// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// `nhcli diagnose` (issue #19), in-process: every demo device of demodevices.cpp, each on a
// fresh emulator with the demo data (a send deletes registrations whose handle the PNS refused,
// so an earlier case could remove a later case's device), must name its cause first; the healthy
// one must pass every check and exit 0. Then the command line's refusals and the exit codes.

#include "cli/cli.h"
#include "cli/diagnosecommand.h"
#include "clirun.h"
#include "emulator/demodevices.h"
#include "emulatorfixture.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace Qt::Literals::StringLiterals;
using namespace Nh;

Q_DECLARE_METATYPE(Nh::DemoDevice)

class TestCliDiagnose final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void demoDevice_data();
    void demoDevice();
    void textOutputStartsWithTheVerdict();
    void markdownAndJsonHaveNoKey();

    void usage_data();
    void usage();
    void exitCodes();
    void exitCodesAreDocumented();

private:
    using Run = Nh::Test::CliRun;
    /** A fresh emulator with the demo data, the previous one stopped. */
    bool freshEmulator();
    Run run(const QStringList &args);
    static QStringList argsFor(const DemoDevice &device);

    std::unique_ptr<EmulatorFixture> m_emulator;
    QTemporaryDir m_dir;
    QString m_caFile;
};

void TestCliDiagnose::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

bool TestCliDiagnose::freshEmulator()
{
    m_emulator.reset(); // stops the previous one
    m_emulator = std::make_unique<EmulatorFixture>();
    EmulatorOptions options = EmulatorFixture::defaultOptions();
    options.seedDemoData = true;
    if (!m_emulator->start(options))
        return false;
    m_caFile = m_dir.filePath(u"emulator-ca.pem"_s);
    QFile ca(m_caFile);
    if (!ca.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    ca.write(m_emulator->emulator.certificatePem());
    return true;
}

TestCliDiagnose::Run TestCliDiagnose::run(const QStringList &args)
{
    Nh::Test::CliRunOptions options;
    if (m_emulator) {
        options.env.insert(u"NH_CONNECTION_STRING"_s, m_emulator->connectionString().toString());
        options.env.insert(u"NH_HUB"_s, m_emulator->hub());
        options.env.insert(u"NH_CA_FILE"_s, m_caFile);
    }
    options.columns = 100;
    return Nh::Test::runCli(QStringList {u"diagnose"_s, u"--no-history"_s} + args, options);
}

QStringList TestCliDiagnose::argsFor(const DemoDevice &device)
{
    QStringList args {u"--"_s + QString(device.subjectKind), QString(device.subject)};
    if (!device.format.isEmpty())
        args << u"--format"_s << QString(device.format);
    if (!device.tags.isEmpty())
        args << u"--tags"_s << QString(device.tags);
    for (const QLatin1StringView property : device.properties)
        args << u"--template"_s << QString(property);
    if (device.needsTestSend)
        args << u"--send-test"_s;
    return args;
}

#define SAYS(r, text) \
    QVERIFY2(QString((r).out + (r).err).contains(text), qPrintable((r).out + (r).err))

void TestCliDiagnose::demoDevice_data()
{
    QTest::addColumn<Nh::DemoDevice>("device");
    for (const DemoDevice &d : demoDevices())
        QTest::newRow(d.name.data()) << d;
}

void TestCliDiagnose::demoDevice()
{
    QFETCH(Nh::DemoDevice, device);
    QVERIFY(freshEmulator());
    const Run r = run(argsFor(device) << u"--json"_s);
    RUN_OK(r);
    QVERIFY2(r.jsonOk, qPrintable(r.out + r.err));
    const QJsonObject &o = r.json;
    QCOMPARE(o.value(u"subject"_s)[u"kind"_s].toString(), QString(device.subjectKind));
    QCOMPARE(o.value(u"subject"_s)[u"value"_s].toString(), QString(device.subject));
    const QString line = o.value(u"verdictLine"_s).toString();
    const QString why = u"verdict line: "_s + line + u"\n"_s + r.err;
    if (device.expectedCause.isEmpty()) {
        // The healthy device: every check ran and is ok; nothing is blamed.
        const QJsonArray checks = o.value(u"checks"_s).toArray();
        QCOMPARE(checks.size(), 8);
        for (const QJsonValue &c : checks) {
            const QString key = c[u"key"_s].toString();
            const QString verdict = c[u"verdict"_s].toString();
            if (key == u"test-send"_s && verdict == u"pending"_s)
                continue; // not asked for
            QVERIFY2(verdict == u"ok"_s,
                     qPrintable(key + u": "_s + verdict + u"; "_s + c[u"summary"_s].toString()
                                + u"\n"_s + why));
        }
        QVERIFY2(o.value(u"likelyCause"_s).isNull(), qPrintable(why));
        QCOMPARE(o.value(u"verdict"_s).toString(), u"ok"_s);
        QCOMPARE(r.code, int(ExitCode::Ok));
        return;
    }
    // The cause is named first: the verdict line's check is the expected one.
    QVERIFY2(o.value(u"likelyCause"_s).toString() == QString(device.expectedCause),
             qPrintable(u"expected "_s + QString(device.expectedCause) + u", got "_s
                        + o.value(u"likelyCause"_s).toVariant().toString() + u"; "_s + why));
    const bool problem = o.value(u"verdict"_s).toString() == u"problem"_s;
    QCOMPARE(r.code, int(problem ? ExitCode::DiagnosisProblem : ExitCode::DiagnosisUnsure));
    QCOMPARE(o.value(u"exitCode"_s).toInt(), r.code);
    // The automatic checks make a handful of targeted requests, never a listing of the hub.
    QVERIFY2(o.value(u"requests"_s).toInt() <= 12, qPrintable(why));
}

void TestCliDiagnose::textOutputStartsWithTheVerdict()
{
    QVERIFY(freshEmulator());
    const DemoDevice &device = demoDevices().at(1);
    const Run r = run(argsFor(device));
    RUN_OK(r);
    const QStringList lines = r.out.split(u'\n');
    QVERIFY2(lines.size() > 10, qPrintable(r.out + r.err));
    // The verdict line, a blank line, then one line per check with its verdict.
    QVERIFY2(lines.first().startsWith(u"Most likely cause: "_s)
                 || lines.first().startsWith(u"No problem found"_s)
                 || lines.first().startsWith(u"Every check passed"_s),
             qPrintable(r.out));
    QVERIFY(lines.at(1).isEmpty());
    const QStringList titles {u"Registered at all"_s,
                              u"Duplicate registrations"_s,
                              u"Platform and format"_s,
                              u"Expiry"_s,
                              u"Tags"_s,
                              u"Template"_s,
                              u"Hub configuration"_s,
                              u"Test send to this device"_s};
    for (int i = 0; i < titles.size(); ++i)
        QVERIFY2(lines.at(2 + i).contains(titles.at(i)), qPrintable(r.out));
    SAYS(r, u"request(s) made."_s);
    // Only text: no pointer printed where a string was meant.
    static const QRegularExpression pointer(u"0x[0-9a-f]{6,}"_s);
    QVERIFY2(!pointer.match(r.out).hasMatch(), qPrintable(r.out));
    // A cause named on top has its details below, under its title and verdict.
    if (lines.first().startsWith(u"Most likely cause: "_s))
        QVERIFY2(r.out.contains(u"\nDuplicate registrations (Problem)\n"_s), qPrintable(r.out));
}

void TestCliDiagnose::markdownAndJsonHaveNoKey()
{
    QVERIFY(freshEmulator());
    const QString key = m_emulator->connectionString().key();
    QVERIFY(!key.isEmpty());
    for (const DemoDevice &device : demoDevices()) {
        for (const QString &form : {u"--json"_s, u"--markdown"_s}) {
            const Run r = run(argsFor(device) << form);
            RUN_OK(r);
            QVERIFY2(!r.out.contains(key) && !r.err.contains(key), qPrintable(r.out));
            // A SAS signature only as "sig=[redacted]".
            static const QRegularExpression liveSig(u"sig=(?!\\[redacted\\])"_s);
            QVERIFY2(!liveSig.match(r.out).hasMatch(), qPrintable(r.out));
            if (form == u"--markdown"_s)
                QVERIFY2(r.out.startsWith(u"# "_s), qPrintable(r.out));
        }
    }
}

void TestCliDiagnose::usage_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::newRow("no device") << QStringList {u"--format"_s, u"apple"_s} << u"Name the device"_s;
    QTest::newRow("two devices") << QStringList {u"--handle"_s, u"h"_s, u"--user"_s, u"u"_s}
                                 << u"only one of"_s;
    QTest::newRow("argument") << QStringList {u"h"_s} << u"takes no arguments"_s;
    QTest::newRow("platform without handle")
        << QStringList {u"--user"_s, u"u"_s, u"--platform"_s, u"apns"_s} << u"--platform"_s;
    QTest::newRow("unknown platform")
        << QStringList {u"--handle"_s, u"h"_s, u"--platform"_s, u"pager"_s} << u"pager"_s;
    QTest::newRow("unknown format")
        << QStringList {u"--handle"_s, u"h"_s, u"--format"_s, u"fax"_s} << u"fax"_s;
    QTest::newRow("template not k=v")
        << QStringList {u"--handle"_s, u"h"_s, u"--template"_s, u"title"_s} << u"NAME=VALUE"_s;
    QTest::newRow("template with apple")
        << QStringList {u"--handle"_s, u"h"_s, u"--format"_s, u"apple"_s, u"--template"_s, u"a=b"_s}
        << u"template send"_s;
    QTest::newRow("exchange and typed send") << QStringList {
        u"--handle"_s, u"h"_s, u"--exchange"_s, u"0b6b8a5e-5b0b-4b6e-9a57-5c4c1e0d2a11"_s,
        u"--tags"_s,   u"a"_s} << u"not both"_s;
    QTest::newRow("json and markdown")
        << QStringList {u"--handle"_s, u"h"_s, u"--markdown"_s, u"--json"_s} << u"not both"_s;
}

void TestCliDiagnose::usage()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    m_emulator.reset(); // refused before any connection is needed
    const Run r = run(args);
    RUN_OK(r);
    QCOMPARE(r.code, int(ExitCode::Usage));
    SAYS(r, message);
}

void TestCliDiagnose::exitCodes()
{
    DiagnosisReport report;
    for (DiagnosisCheckId id : allDiagnosisChecks()) {
        DiagnosisCheck c;
        c.id = id;
        c.verdict =
            id == DiagnosisCheckId::TestSend ? DiagnosisVerdict::Pending : DiagnosisVerdict::Ok;
        report.checks << c;
    }
    QCOMPARE(DiagnoseCommand::exitCodeFor(report), int(ExitCode::Ok));
    report.check(DiagnosisCheckId::Tags)->verdict = DiagnosisVerdict::CannotTell;
    QCOMPARE(DiagnoseCommand::exitCodeFor(report), int(ExitCode::DiagnosisUnsure));
    report.check(DiagnosisCheckId::Expiry)->verdict = DiagnosisVerdict::Warning;
    QCOMPARE(DiagnoseCommand::exitCodeFor(report), int(ExitCode::DiagnosisUnsure));
    report.check(DiagnosisCheckId::Duplicates)->verdict = DiagnosisVerdict::Problem;
    QCOMPARE(DiagnoseCommand::exitCodeFor(report), int(ExitCode::DiagnosisProblem));

    // Nothing could tell because the hub did not answer: the transport's code, as elsewhere.
    for (DiagnosisCheck &c : report.checks)
        c.verdict = c.id == DiagnosisCheckId::TestSend ? DiagnosisVerdict::Pending
                                                       : DiagnosisVerdict::CannotTell;
    Exchange refused;
    refused.result = ExchangeResult::TransportError;
    report.exchanges << refused;
    QCOMPARE(DiagnoseCommand::exitCodeFor(report), int(ExitCode::Transport));
}

void TestCliDiagnose::exitCodesAreDocumented()
{
    // The man page and completion come from --dump-commands: the codes are in the description.
    const Run r = Nh::Test::runCli({u"--dump-commands"_s}, {});
    RUN_OK(r);
    QVERIFY(r.jsonOk);
    QJsonObject diagnose;
    for (const QJsonValue &c : r.json.value(u"commands"_s).toArray()) {
        if (c[u"name"_s].toString() == u"diagnose"_s)
            diagnose = c.toObject();
    }
    const QString text = diagnose.value(u"description"_s).toString();
    QVERIFY2(text.contains(u"%1 a check found a problem"_s.arg(int(ExitCode::DiagnosisProblem))),
             qPrintable(text));
    QVERIFY(text.contains(u"%1 no problem, but warnings"_s.arg(int(ExitCode::DiagnosisUnsure))));
    QStringList options;
    for (const QJsonValue &o : diagnose.value(u"options"_s).toArray())
        options << o[u"names"_s].toArray().first().toString();
    for (const char *name :
         {"handle", "registration", "installation", "user", "platform", "exchange", "format",
          "tags", "template", "send-test", "send-direct", "markdown"})
        QVERIFY2(options.contains(QLatin1StringView(name)), name);
}

QTEST_GUILESS_MAIN(TestCliDiagnose)
#include "tst_clidiagnose.moc"
