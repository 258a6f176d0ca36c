// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/clisession.h"

#include "cli/clijson.h"
#include "common/redaction.h"
#include "protocol/connectionstring.h"

#include <QFile>
#include <QIODevice>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSslCertificate>
#include <QTextStream>

using namespace Qt::Literals::StringLiterals;

namespace Nh {

namespace {

const QString kConnectionEnv = u"NH_CONNECTION_STRING"_s;
const QString kKeyEnv = u"NH_SAS_KEY"_s;
const QString kHubEnv = u"NH_HUB"_s;
const QString kCaEnv = u"NH_CA_FILE"_s;

bool hasKey(const QString &connectionString)
{
    static const QRegularExpression key(u"SharedAccessKey\\s*="_s,
                                        QRegularExpression::CaseInsensitiveOption);
    return connectionString.contains(key);
}

} // namespace

CliSession::CliSession(QNetworkAccessManager *nam, const CliIo &io)
    : m_nam(nam)
    , m_io(io)
{ }

bool CliSession::colour() const
{
    return m_io.terminal.outIsTerminal && !m_io.env.contains(u"NO_COLOR"_s);
}

TextRenderer CliSession::renderer() const
{
    return TextRenderer(m_io.terminal.columns, colour());
}

bool CliSession::hasConnection() const
{
    return connection.connectionString.has_value()
        || !m_io.env.value(kConnectionEnv).trimmed().isEmpty();
}

Result<QByteArray> CliSession::stdinBytes()
{
    if (!m_stdin) {
        if (!m_io.in || !m_io.in->isReadable())
            return makeError(ErrorCode::Usage, tr("Standard input cannot be read."));
        m_stdin = m_io.in->readAll();
    }
    return *m_stdin;
}

Result<QString> CliSession::stdinLine()
{
    if (m_stdinConnection)
        return *m_stdinConnection;
    auto bytes = stdinBytes();
    if (!bytes)
        return bytes.error();
    const qsizetype newline = bytes->indexOf('\n');
    const QByteArray line = newline < 0 ? *bytes : bytes->left(newline);
    m_stdin = newline < 0 ? QByteArray() : bytes->mid(newline + 1);
    m_stdinConnection = QString::fromUtf8(line).trimmed();
    return *m_stdinConnection;
}

Result<QByteArray> CliSession::readArgument(const QString &spec, const QString &what)
{
    if (spec == u"-"_s) {
        // The connection line comes first when both are on stdin.
        if (connection.connectionString == u"-"_s) {
            if (auto line = stdinLine(); !line)
                return line.error();
        }
        auto bytes = stdinBytes();
        if (!bytes)
            return makeError(ErrorCode::Usage,
                             tr("%1 - reads standard input, which cannot be read.").arg(what));
        m_stdin = QByteArray();
        return *bytes;
    }
    if (spec.startsWith(u'@')) {
        const QString path = spec.mid(1);
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return makeError(
                ErrorCode::Storage,
                tr("%1: the file %2 cannot be read: %3.").arg(what, path, file.errorString()));
        return file.readAll();
    }
    return spec.toUtf8();
}

Status CliSession::useConnection(HubConnection c)
{
    if (const Status ca = addCaCertificates(c); !ca)
        return ca;
    m_profileConnection = std::move(c);
    return {};
}

QString CliSession::caFile() const
{
    return connection.caFile.isEmpty() ? m_io.env.value(kCaEnv).trimmed() : connection.caFile;
}

Status CliSession::addCaCertificates(HubConnection &c) const
{
    const QString caFile = this->caFile();
    if (caFile.isEmpty())
        return {};
    const QList<QSslCertificate> certificates = QSslCertificate::fromPath(caFile, QSsl::Pem);
    if (certificates.isEmpty())
        return makeError(ErrorCode::Storage,
                         tr("No PEM certificate could be read from %1 (--ca-file or "
                            "NH_CA_FILE).")
                             .arg(caFile));
    c.caCertificates += certificates;
    return {};
}

Result<HubConnection> CliSession::hubConnection()
{
    if (m_profileConnection)
        return *m_profileConnection;
    QString text;
    QString source;
    if (connection.connectionString) {
        const QString &arg = *connection.connectionString;
        if (arg == u"-"_s) {
            auto line = stdinLine();
            if (!line || line->isEmpty())
                return makeError(ErrorCode::Usage,
                                 tr("--connection-string - expects the connection string as the "
                                    "first line of standard input, but it is empty."));
            text = *line;
            source = tr("standard input");
        } else if (arg.startsWith(u'@')) {
            auto bytes = readArgument(arg, u"--connection-string"_s);
            if (!bytes)
                return bytes.error();
            text = QString::fromUtf8(*bytes).trimmed();
            source = arg.mid(1);
        } else {
            if (hasKey(arg))
                return makeError(
                    ErrorCode::Usage,
                    tr("Refusing a connection string with a SharedAccessKey on the command line: "
                       "every user of this machine can read it in the process list (ps), and it "
                       "stays in your shell history. Pass it on standard input with "
                       "--connection-string - , from a file with --connection-string @FILE, or "
                       "in the environment variable NH_CONNECTION_STRING; or give the string "
                       "without its key and put the key in NH_SAS_KEY."),
                    -1, 0, u"--connection-string"_s);
            text = arg;
            source = u"--connection-string"_s;
        }
    } else {
        text = m_io.env.value(kConnectionEnv).trimmed();
        source = kConnectionEnv;
        if (text.isEmpty())
            return makeError(ErrorCode::Usage,
                             tr("No hub connection: set NH_CONNECTION_STRING and NH_HUB, or pass "
                                "--connection-string - with the string on standard input and "
                                "--hub NAME. nhcli never takes a key as an argument."));
    }
    if (!hasKey(text)) {
        const QString key = m_io.env.value(kKeyEnv).trimmed();
        if (key.isEmpty())
            return makeError(ErrorCode::Usage,
                             tr("The connection string from %1 has no SharedAccessKey. Set "
                                "NH_SAS_KEY, or pass the whole string on standard input.")
                                 .arg(source));
        if (!text.endsWith(u';'))
            text += u';';
        text += u"SharedAccessKey="_s + key;
    }
    auto parsed = ConnectionString::parse(text);
    if (!parsed)
        return makeError(parsed.error().code,
                         tr("The connection string from %1 is not valid: %2")
                             .arg(source, redactSecrets(parsed.error().message)));

    HubConnection c;
    c.connectionString = *parsed;
    c.transferTimeoutMs = connection.timeoutMs;
    c.hub = connection.hub;
    if (c.hub.isEmpty())
        c.hub = m_io.env.value(kHubEnv).trimmed();
    if (c.hub.isEmpty())
        c.hub = parsed->entityPath();
    if (c.hub.isEmpty())
        return makeError(ErrorCode::Usage,
                         tr("No hub name: pass --hub NAME or set NH_HUB (a connection string "
                            "names the namespace, not the hub)."));
    if (auto st = validateHubName(c.hub); !st)
        return makeError(st.error().code, st.error().message);

    if (const Status ca = addCaCertificates(c); !ca)
        return ca.error();
    Result<HubConnection> result(c);
    for (const Warning &w : parsed.warnings())
        result.addWarning({redactSecrets(w.message), -1, 0});
    return result;
}

Result<HubClient *> CliSession::client()
{
    if (m_client)
        return m_client.get();
    auto c = hubConnection();
    if (!c)
        return c.error();
    printWarnings(c.warnings());
    m_client = std::make_unique<HubClient>(m_nam);
    m_client->setConnection(*c);
    return m_client.get();
}

int CliSession::fail(const Error &error, const QList<Warning> &warnings)
{
    return fail(error.code, error.message, warnings);
}

int CliSession::fail(ErrorCode code, const QString &message, const QList<Warning> &warnings)
{
    const ExitCode exit = exitCodeFor(code);
    if (json) {
        QJsonObject error {{u"kind"_s, exitCodeName(exit)},
                           {u"code"_s, errorCodeName(code)},
                           {u"message"_s, message}};
        QJsonObject o {{u"ok"_s, false}, {u"error"_s, error}};
        if (!warnings.isEmpty())
            o.insert(u"warnings"_s, warningsToJson(warnings));
        printJson(o, int(exit));
    } else {
        printWarnings(warnings);
        // One line on stderr, whatever the width: logs and grep read it.
        err() << renderer().styled(tr("error:"), Tone::Bad) << u' ' << message << u'\n';
        err().flush();
    }
    return int(exit);
}

void CliSession::printJson(QJsonObject object, int exitCode, bool compact)
{
    object.insert(u"exitCode"_s, exitCode);
    out() << QString::fromUtf8(
        QJsonDocument(object).toJson(compact ? QJsonDocument::Compact : QJsonDocument::Indented));
    if (compact)
        out() << u'\n';
    out().flush();
}

void CliSession::printWarnings(const QList<Warning> &warnings)
{
    if (json)
        return;
    for (const Warning &w : warnings)
        err() << renderer().styled(tr("warning:"), Tone::Warn) << u' ' << w.message << u'\n';
    err().flush();
}

std::optional<Platform> platformFromCliName(QStringView name)
{
    const QStringView n = name.trimmed();
    if (auto p = platformFromInstallationName(n))
        return p;
    if (auto p = platformFromWireName(n))
        return p;
    if (auto f = formatFromWireName(n))
        return platformForFormat(*f);
    return std::nullopt;
}

QString platformCliNames()
{
    QStringList names;
    for (int i = 0; i < kPlatformCount; ++i)
        names << installationPlatformName(Platform(i));
    return names.join(u", "_s);
}

} // namespace Nh
