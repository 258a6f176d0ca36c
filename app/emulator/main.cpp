// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// nhemulator: the bundled Notification Hubs emulator as a process of its own, for the CLI, the
// interop tests (the Python seed, the official JS SDK) and anyone pointing a real client at it.

#include "emulator/emulatorhubconfig.h"
#include "emulator/emulatorlauncher.h"
#include "emulator/emulatorstate.h"
#include "emulator/faults.h"
#include "emulator/hubemulator.h"
#include "i18n/translations.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QTextStream>
#include <sys/resource.h>

using namespace Qt::Literals::StringLiterals;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"nhemulator"_s);
    QCoreApplication::setOrganizationName(u"nhconsole"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(NH_VERSION));
    Nh::installTranslations(&app);

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "nhemulator",
        "A local emulator of the Azure Notification Hubs REST API over HTTPS.\n"
        "It prints the certificate to trust and ready connection strings, then serves until "
        "stopped.\n\n"
        "Deterministic outcomes: a registration whose handle contains 'expired', 'invalid', "
        "'badcredential' or 'badpayload' gets that outcome on a send (and the first two are "
        "then deleted, as the service does). An APNs handle containing 'production' is invalid on "
        "a hub whose APNs endpoint is the sandbox, one containing 'sandbox' or 'development' on "
        "a production hub."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption port(
        {u"p"_s, u"port"_s},
        QCoreApplication::translate("nhemulator", "Port on 127.0.0.1 and ::1 (0 = any free port)."),
        u"port"_s, u"0"_s);
    const QCommandLineOption hub(
        u"hub"_s,
        QCoreApplication::translate(
            "nhemulator", "Hub name; repeat for more hubs (the first gets the demo data)."),
        u"name"_s, u"myHub"_s);
    const QCommandLineOption data(
        u"data"_s,
        QCoreApplication::translate(
            "nhemulator",
            "Keep the namespace (keys, registrations, installations) in this SQLite file."),
        u"file"_s);
    const QCommandLineOption certDir(
        u"cert-dir"_s,
        QCoreApplication::translate(
            "nhemulator", "Folder for the TLS certificate (made on first start, then reused)."),
        u"dir"_s);
    const QCommandLineOption noDemo(
        u"no-demo-data"_s,
        QCoreApplication::translate("nhemulator",
                                    "Start with an empty hub instead of demo registrations."));
    const QCommandLineOption throttle(
        u"throttle-test-sends"_s,
        QCoreApplication::translate(
            "nhemulator",
            "Refuse more than 10 test sends per minute with 429, as the service does."));
    const QCommandLineOption fault(
        u"fault"_s,
        QCoreApplication::translate(
            "nhemulator",
            "Inject a fault: SPEC[@OPERATION], e.g. 'status=429;retry-after=1@send.test', "
            "'reset@registrations', 'delay=2000'. Repeatable."),
        u"spec"_s);
    const QCommandLineOption verbose(
        {u"l"_s, u"log"_s},
        QCoreApplication::translate("nhemulator", "Print every exchange (secrets redacted)."));
    const QCommandLineOption json(
        u"json"_s,
        QCoreApplication::translate(
            "nhemulator", "Print the start-up information as one JSON line (for scripts)."));
    const QCommandLineOption idle(
        u"idle-timeout"_s,
        QCoreApplication::translate(
            "nhemulator",
            "Close a connection that sends nothing for this many seconds while a request is "
            "awaited (default 120); a request's headers must arrive within 30 s or this, if "
            "shorter. nhemulator also raises its open-files limit to the hard limit."),
        u"seconds"_s, u"120"_s);
    const QCommandLineOption hubConfig = Nh::hubConfigOption();
    parser.addOptions(
        {port, hub, data, certDir, noDemo, throttle, fault, verbose, json, idle, hubConfig});
    parser.addOptions(Nh::generateOptions());
    parser.process(app);

    QTextStream out(stdout);
    QTextStream err(stderr);

    bool portOk = false;
    const uint portValue = parser.value(port).toUInt(&portOk);
    if (!portOk || portValue > 65535) {
        err << QCoreApplication::translate(
                   "nhemulator", "nhemulator: --port must be a number from 0 to 65535, not '%1'\n")
                   .arg(parser.value(port));
        return 2;
    }

    bool idleOk = false;
    const double idleSeconds = parser.value(idle).toDouble(&idleOk);
    if (!idleOk || idleSeconds <= 0 || idleSeconds > 86400) {
        err << QCoreApplication::translate("nhemulator",
                                           "nhemulator: --idle-timeout must be a number of seconds "
                                           "above 0, at most 86400, not "
                                           "'%1'\n")
                   .arg(parser.value(idle));
        return 2;
    }

    // As servers do: every connection is a descriptor, and the soft limit (often 1024) is far
    // below what the hard limit allows.
    if (rlimit files {};
        ::getrlimit(RLIMIT_NOFILE, &files) == 0 && files.rlim_cur < files.rlim_max) {
        files.rlim_cur = files.rlim_max;
        ::setrlimit(RLIMIT_NOFILE, &files);
    }

    Nh::EmulatorOptions options;
    options.port = static_cast<quint16>(portValue);
    options.idleTimeoutMs = static_cast<int>(idleSeconds * 1000);
    options.headerTimeoutMs = qMin(options.headerTimeoutMs, options.idleTimeoutMs);
    const QStringList hubs = parser.values(hub);
    options.hubName = hubs.value(0, u"myHub"_s);
    options.additionalHubs = hubs.mid(1);
    options.dataFile = parser.value(data);
    options.certificateDir = parser.isSet(certDir) ? parser.value(certDir)
                                                   : Nh::EmulatorLauncher::defaultCertificateDir();
    options.seedDemoData = !parser.isSet(noDemo);
    options.throttleTestSends = parser.isSet(throttle);
    if (const Nh::Status st = Nh::applyHubConfigOption(parser, options); !st) {
        err << u"nhemulator: "_s << st.error().message << u'\n';
        return 2;
    }
    if (const Nh::Status st = Nh::applyGenerateOptions(parser, options); !st) {
        err << u"nhemulator: "_s << st.error().message << u'\n';
        return 2;
    }

    Nh::HubEmulator emulator;
    if (auto st = emulator.start(options); !st) {
        err << u"nhemulator: "_s << st.error().message << u'\n';
        return 1;
    }
    for (const QString &spec : parser.values(fault)) {
        const qsizetype at = spec.lastIndexOf(u'@');
        auto parsed = Nh::Fault::parse(at < 0 ? spec : spec.left(at));
        if (!parsed) {
            err << u"nhemulator: "_s << parsed.error().message << u'\n';
            return 2;
        }
        Nh::FaultRule rule;
        rule.fault = *parsed;
        if (at >= 0)
            rule.operation = spec.mid(at + 1);
        emulator.faults().add(rule);
    }

    if (parser.isSet(verbose) && emulator.generated().count > 0) {
        const Nh::GenerateReport g = emulator.generated();
        out << QCoreApplication::translate("nhemulator",
                                           "Generated %1 registrations in %2 ms (%3 a second)\n")
                   .arg(g.count)
                   .arg(g.elapsedMs)
                   .arg(qint64(g.rate()));
        out.flush();
    }
    if (parser.isSet(verbose)) {
        QObject::connect(&emulator, &Nh::HubEmulator::exchangeLogged, &app,
                         [&out](const Nh::EmulatorLogEntry &e) { out << e.text() << Qt::endl; });
    }

    if (parser.isSet(json)) {
        QJsonObject strings;
        for (const QString &rule : emulator.ruleNames())
            strings.insert(rule, emulator.connectionString(rule).toString());
        const QJsonObject info {{u"port"_s, emulator.port()},
                                {u"hub"_s, emulator.hubName()},
                                {u"certificate"_s, emulator.certificatePath()},
                                {u"connectionStrings"_s, strings}};
        out << QJsonDocument(info).toJson(QJsonDocument::Compact) << Qt::endl;
    } else {
        out << QCoreApplication::translate(
                   "nhemulator", "nhemulator %1 listening on https://localhost:%2/ (hub \"%3\")\n")
                   .arg(QCoreApplication::applicationVersion())
                   .arg(emulator.port())
                   .arg(emulator.hubName());
        out << QCoreApplication::translate(
                   "nhemulator",
                   "\nCertificate: %1\nTrust it for Python and Node clients:\n"
                   "  export SSL_CERT_FILE=%1\n  export NODE_EXTRA_CA_CERTS=%1\n")
                   .arg(QDir::toNativeSeparators(emulator.certificatePath()));
        out << QCoreApplication::translate("nhemulator", "\nConnection strings (hub name: %1):\n")
                   .arg(emulator.hubName());
        for (const Nh::SasRule &r : emulator.state().rules) {
            out << u"  "_s << r.name << u" ("_s << Nh::EmulatorLauncher::rightsText(r.rights)
                << u"):\n    "_s << emulator.connectionString(r.name).toString() << u'\n';
        }
        out << QCoreApplication::translate("nhemulator", "\nPress Ctrl+C to stop.\n");
    }
    out.flush();
    return app.exec();
}
