// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/emulatorcommand.h"

#include "cli/clisession.h"
#include "client/trafficfeed.h"
#include "emulator/emulatorhubconfig.h"
#include "emulator/emulatorlauncher.h"
#include "emulator/emulatorstate.h"
#include "emulator/hubemulator.h"
#include "emulator/selfsignedcert.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

using namespace Qt::Literals::StringLiterals;

namespace Nh {

namespace {

/** The translation context of this file's messages; lupdate reads it from here. */
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Nh::Cli)
};

/** Single quotes for a POSIX shell. */
QString shellQuoted(const QString &text)
{
    return u'\'' + QString(text).replace(u"'"_s, u"'\\''"_s) + u'\'';
}

} // namespace

EmulatorCommand::EmulatorCommand(CliSession &session, QObject *parent)
    : CliCommand(session, parent)
    , m_port(u"port"_s, Tr::tr("Port on 127.0.0.1 and ::1 (default 0: any free port)."), u"port"_s,
             u"0"_s)
    , m_certDir(
          u"cert-dir"_s,
          Tr::tr("Folder for the TLS certificate (made on first start, then reused). Default: "
                 "the one nhemulator uses."),
          u"dir"_s)
    , m_data(u"data"_s, Tr::tr("Keep keys, registrations and installations in this SQLite file."),
             u"file"_s)
    , m_noDemoData(u"no-demo-data"_s,
                   Tr::tr("Start with an empty hub instead of demo registrations."))
    , m_log(u"log"_s,
            Tr::tr("Print every exchange the emulator serves on stderr (secrets redacted)."))
    , m_hubConfig(hubConfigOption())
    , m_follow(u"follow"_s,
               Tr::tr("traffic: keep printing new exchanges as they come, until Ctrl+C."))
    , m_url(u"url"_s,
            Tr::tr("traffic: the running emulator, e.g. https://localhost:8443 (or give --port)."),
            u"url"_s)
{ }

EmulatorCommand::~EmulatorCommand() = default;

QString EmulatorCommand::name() const
{
    return u"emulator"_s;
}

QString EmulatorCommand::summary() const
{
    return Tr::tr("Run a local hub emulator and print its connection strings.");
}

QString EmulatorCommand::description() const
{
    return Tr::tr("Starts the bundled Notification Hubs emulator in this process (HTTPS on "
                  "127.0.0.1 with its own certificate), prints the certificate and a connection "
                  "string per SAS rule, and serves until stopped (Ctrl+C). --hub names its hub "
                  "(default myHub). In another shell:\n\n"
                  "  eval \"$(nhcli emulator --port 8443 | grep ^export)\"   # or copy the lines\n"
                  "  nhcli send --format apple --tags sports\n\n"
                  "emulator traffic prints the exchanges of an emulator that is running (this "
                  "command's, nhemulator or the console's), one a line, from any client: "
                  "--url https://localhost:PORT or --port PORT names it, --follow keeps "
                  "printing until Ctrl+C, --json prints each exchange as a JSON object. Its "
                  "certificate is trusted from --ca-file (NH_CA_FILE) or --cert-dir (default: "
                  "the one nhemulator uses).");
}

QString EmulatorCommand::syntax() const
{
    return u"[traffic]"_s;
}

QList<QCommandLineOption> EmulatorCommand::options() const
{
    return QList<QCommandLineOption> {m_port, m_certDir,   m_data,   m_noDemoData,
                                      m_log,  m_hubConfig, m_follow, m_url}
    + generateOptions();
}

void EmulatorCommand::start(const QCommandLineParser &parser, const QStringList &arguments)
{
    if (arguments.value(0) == u"traffic"_s)
        return startTraffic(parser, arguments);
    if (parser.isSet(m_follow) || parser.isSet(m_url))
        return fail(ErrorCode::Usage, Tr::tr("--follow and --url go with emulator traffic."));
    if (!arguments.isEmpty())
        return fail(ErrorCode::Usage,
                    Tr::tr("emulator takes no arguments ('%1').").arg(arguments.first()));
    bool ok = false;
    const uint port = parser.value(m_port).toUInt(&ok);
    if (!ok || port > 65535)
        return fail(
            ErrorCode::Usage,
            Tr::tr("--port takes a number from 0 to 65535, not '%1'.").arg(parser.value(m_port)));
    EmulatorOptions options;
    options.port = quint16(port);
    if (!m_session.connection.hub.isEmpty()) {
        if (auto st = validateHubName(m_session.connection.hub); !st)
            return fail(ErrorCode::Usage, st.error().message);
        options.hubName = m_session.connection.hub;
    }
    options.certificateDir = parser.isSet(m_certDir) ? parser.value(m_certDir)
                                                     : EmulatorLauncher::defaultCertificateDir();
    options.dataFile = parser.value(m_data);
    options.seedDemoData = !parser.isSet(m_noDemoData);
    if (const Status st = applyHubConfigOption(parser, options); !st)
        return fail(st.error()); // names the file and the place
    if (const Status st = applyGenerateOptions(parser, options); !st)
        return fail(st.error());

    m_emulator = std::make_unique<HubEmulator>();
    if (auto st = m_emulator->start(options); !st)
        return fail(ErrorCode::Storage, st.error().message); // its files or its port
    if (parser.isSet(m_log) && m_emulator->generated().count > 0) {
        const GenerateReport g = m_emulator->generated();
        m_session.err() << Tr::tr("Generated %1 registrations in %2 ms (%3 a second)")
                               .arg(g.count)
                               .arg(g.elapsedMs)
                               .arg(qint64(g.rate()))
                        << u'\n';
        m_session.err().flush();
    }
    if (parser.isSet(m_log)) {
        connect(m_emulator.get(), &HubEmulator::exchangeLogged, this,
                [this](const EmulatorLogEntry &e) {
                    m_session.err() << e.text() << u'\n';
                    m_session.err().flush();
                });
    }

    const auto stringFor = [this](const QString &rule) {
        return EmulatorLauncher::loopbackConnectionString(*m_emulator, rule).toString();
    };
    const QString certificate = QDir::toNativeSeparators(m_emulator->certificatePath());
    const QString fullRule = u"DefaultFullSharedAccessSignature"_s;
    QTextStream &out = m_session.out();
    if (m_session.json) {
        QJsonObject strings;
        for (const QString &rule : m_emulator->ruleNames())
            strings.insert(rule, stringFor(rule));
        QJsonObject o {{u"ok"_s, true},
                       {u"port"_s, m_emulator->port()},
                       {u"hub"_s, m_emulator->hubName()},
                       {u"certificate"_s, certificate},
                       {u"connectionStrings"_s, strings}};
        // One line, like nhemulator --json: a script reads it while the emulator runs.
        m_session.printJson(o, 0, true);
        return;
    }
    const TextRenderer r = m_session.renderer();
    out << r.styled(Tr::tr("Emulator listening on https://127.0.0.1:%1/ (hub \"%2\")")
                        .arg(m_emulator->port())
                        .arg(m_emulator->hubName()),
                    Tone::Heading)
        << u"\n\n";
    out << Tr::tr("Certificate: %1").arg(certificate) << u"\n\n";
    out << Tr::tr("Connection strings:") << u'\n';
    for (const SasRule &rule : m_emulator->state().rules) {
        out << u"  "_s << rule.name << u" ("_s << EmulatorLauncher::rightsText(rule.rights)
            << u"):\n    "_s << stringFor(rule.name) << u'\n';
    }
    out << u'\n' << Tr::tr("For nhcli in another shell:") << u'\n';
    out << u"export NH_CONNECTION_STRING="_s << shellQuoted(stringFor(fullRule)) << u'\n';
    out << u"export NH_HUB="_s << shellQuoted(m_emulator->hubName()) << u'\n';
    out << u"export NH_CA_FILE="_s << shellQuoted(certificate) << u'\n';
    out << u'\n' << Tr::tr("Press Ctrl+C to stop.") << u'\n';
    out.flush();
}

void EmulatorCommand::startTraffic(const QCommandLineParser &parser, const QStringList &arguments)
{
    if (arguments.size() > 1)
        return fail(
            ErrorCode::Usage,
            Tr::tr("emulator traffic takes no more arguments ('%1').").arg(arguments.at(1)));
    QUrl base;
    if (parser.isSet(m_url)) {
        base = QUrl(parser.value(m_url));
        if (base.scheme() != u"https"_s || base.host().isEmpty() || base.port() <= 0)
            return fail(ErrorCode::Usage,
                        Tr::tr("--url takes the emulator's address with its port, such as "
                               "https://localhost:8443, not '%1'.")
                            .arg(parser.value(m_url)));
    } else {
        bool ok = false;
        const uint port = parser.value(m_port).toUInt(&ok);
        if (!ok || port == 0 || port > 65535)
            return fail(ErrorCode::Usage,
                        Tr::tr("emulator traffic needs the running emulator: --url "
                               "https://localhost:PORT or --port PORT."));
        base = QUrl(u"https://localhost:%1"_s.arg(port));
    }
    // The emulator's certificate: --ca-file / NH_CA_FILE, and the certificate folder's.
    QList<QSslCertificate> trusted;
    if (const QString caFile = m_session.caFile(); !caFile.isEmpty()) {
        trusted = QSslCertificate::fromPath(caFile, QSsl::Pem);
        if (trusted.isEmpty())
            return fail(ErrorCode::Storage,
                        Tr::tr("No PEM certificate could be read from %1 (--ca-file or "
                               "NH_CA_FILE).")
                            .arg(caFile));
    }
    const QString certDir = parser.isSet(m_certDir) ? parser.value(m_certDir)
                                                    : EmulatorLauncher::defaultCertificateDir();
    if (const QString file = certificateFileName(certDir); QFile::exists(file))
        trusted += QSslCertificate::fromPath(file, QSsl::Pem);

    // Read to the end, or follow with --follow; a failure ends the command with its Error.
    m_traffic = std::make_unique<TrafficFeed>(m_session.nam());
    m_traffic->setEndpoint(base, trusted);
    m_traffic->setReading(parser.isSet(m_follow) ? TrafficFeed::Reading::Follow
                                                 : TrafficFeed::Reading::ToEnd);
    m_traffic->setOnFailure(TrafficFeed::OnFailure::Stop);
    connect(m_traffic.get(), &TrafficFeed::entriesReceived, this,
            [this](const QList<EmulatorLogEntry> &entries) {
                for (const EmulatorLogEntry &e : entries) {
                    if (m_session.json)
                        m_session.out() << QString::fromUtf8(
                            QJsonDocument(e.toJson()).toJson(QJsonDocument::Compact))
                                        << u'\n';
                    else
                        m_session.out() << e.summary() << u'\n';
                }
                m_session.out().flush();
            });
    connect(m_traffic.get(), &TrafficFeed::finished, this, [this](const Status &status) {
        if (!status)
            return fail(status.error());
        done(ExitCode::Ok);
    });
    m_traffic->start();
}

void EmulatorCommand::cancel()
{
    if (m_traffic)
        m_traffic->cancel();
    if (m_emulator)
        m_emulator->stop();
    done(ExitCode::Ok);
}

} // namespace Nh
