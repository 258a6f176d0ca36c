// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/sascommand.h"

#include "cli/clijson.h"
#include "cli/clisession.h"
#include "common/redaction.h"
#include "protocol/sastoken.h"

#include <QJsonArray>
#include <QTextStream>

using namespace Qt::Literals::StringLiterals;

namespace Nh {

namespace {

/** The translation context of this file's messages; lupdate reads it from here. */
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Nh::Cli)
};

constexpr qint64 kMaxTtlSeconds = 10LL * 365 * 24 * 3600;

QString expiryText(qint64 expiry, const QDateTime &now)
{
    const qint64 left = expiry - now.toSecsSinceEpoch();
    const QString at = QDateTime::fromSecsSinceEpoch(expiry, Qt::UTC).toString(Qt::ISODate);
    return left >= 0 ? Tr::tr("%1 = %2 (in %3 s)").arg(expiry).arg(at).arg(left)
                     : Tr::tr("%1 = %2 (expired %3 s ago)").arg(expiry).arg(at).arg(-left);
}

QJsonObject tokenFields(const QString &rawSr, const QString &resource, const QString &keyName,
                        qint64 expiry, const QDateTime &now)
{
    return {{u"rawResource"_s, rawSr},
            {u"resource"_s, resource},
            {u"keyName"_s, keyName},
            {u"expiry"_s, expiry},
            {u"expiresAt"_s, QDateTime::fromSecsSinceEpoch(expiry, Qt::UTC).toString(Qt::ISODate)},
            {u"secondsLeft"_s, expiry - now.toSecsSinceEpoch()}};
}

} // namespace

SasCommand::SasCommand(CliSession &session, QObject *parent)
    : CliCommand(session, parent)
    , m_decode(u"decode"_s,
               Tr::tr("Decode this Authorization value instead of building one: TOKEN, @FILE or - "
                      "(standard input); with a connection, also check it."),
               u"token|@file|-"_s)
    , m_ttl(u"ttl"_s, Tr::tr("Lifetime of a built token (default 3600)."), u"seconds"_s, u"3600"_s)
    , m_audience(u"audience"_s,
                 Tr::tr("What a built token signs: hub (https://ns/hub, the default) or namespace "
                        "(https://ns/, as the JS SDK)."),
                 u"hub|namespace"_s, u"hub"_s)
    , m_reveal(u"reveal"_s,
               Tr::tr("Print the built token with its signature (it grants the rule's rights "
                      "until it expires)."))
{ }

QString SasCommand::name() const
{
    return u"sas"_s;
}

QString SasCommand::summary() const
{
    return Tr::tr("Build the SAS token of the connection, or decode and check one.");
}

QString SasCommand::description() const
{
    return Tr::tr("Builds the Authorization header nhconsole sends for the configured connection "
                  "(the signature is redacted unless --reveal), or with --decode reads a "
                  "SharedAccessSignature back: its resource, key name and expiry, and, when a "
                  "connection is configured, whether the hub would accept it (signature under the "
                  "connection's key, expiry, scope).\n\nExamples:\n"
                  "  nhcli sas --ttl 300 --reveal\n  nhcli sas --decode - < token.txt");
}

QList<QCommandLineOption> SasCommand::options() const
{
    return {m_decode, m_ttl, m_audience, m_reveal};
}

void SasCommand::start(const QCommandLineParser &parser, const QStringList &arguments)
{
    if (!arguments.isEmpty())
        return fail(ErrorCode::Usage,
                    Tr::tr("sas takes no arguments ('%1'); a token to read goes in --decode.")
                        .arg(arguments.first()));
    if (parser.isSet(m_decode))
        decode(parser);
    else
        build(parser);
}

void SasCommand::build(const QCommandLineParser &parser)
{
    bool ok = false;
    const qint64 ttl = parser.value(m_ttl).toLongLong(&ok);
    if (!ok || ttl < 1 || ttl > kMaxTtlSeconds)
        return fail(ErrorCode::Usage,
                    Tr::tr("--ttl takes a number of seconds from 1 to %1, not '%2'.")
                        .arg(kMaxTtlSeconds)
                        .arg(parser.value(m_ttl)));
    Sas::Options options = Sas::Options::canonical();
    options.ttlSeconds = ttl;
    const QString audience = parser.value(m_audience).trimmed().toLower();
    if (audience == u"namespace"_s)
        options.audience = Sas::Audience::Namespace;
    else if (audience != u"hub"_s)
        return fail(
            ErrorCode::Usage,
            Tr::tr("--audience is hub or namespace, not '%1'.").arg(parser.value(m_audience)));

    auto connection = m_session.hubConnection();
    if (!connection)
        return fail(ErrorCode::Usage, connection.error().message);
    m_session.printWarnings(connection.warnings());
    const ConnectionString &cs = connection->connectionString;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const Sas::Token token = Sas::generateForHub(cs, connection->hub, now, options);
    const bool reveal = parser.isSet(m_reveal);
    const QString header = reveal ? token.header() : redactSecrets(token.header());
    const QString resource = QUrl::fromPercentEncoding(token.sr.toUtf8());

    if (m_session.json) {
        QJsonObject o = tokenFields(token.sr, resource, token.keyName, token.expiry, now);
        o.insert(u"ok"_s, true);
        o.insert(u"mode"_s, u"build"_s);
        o.insert(u"header"_s, header);
        o.insert(u"revealed"_s, reveal);
        o.insert(u"hub"_s, connection->hub);
        m_session.printJson(o, 0);
        return done(ExitCode::Ok);
    }
    TextPanel p;
    p.add(u"Authorization: "_s + header, Tone::Heading);
    p.add({});
    p.addField(Tr::tr("Resource (sr)"), resource);
    p.addField(Tr::tr("Key name (skn)"), token.keyName);
    p.addField(Tr::tr("Expires (se)"), expiryText(token.expiry, now));
    if (!reveal)
        p.add(Tr::tr("The signature is redacted; --reveal prints the usable token."), Tone::Dim);
    m_session.out() << m_session.renderer().panel(p);
    done(ExitCode::Ok);
}

void SasCommand::decode(const QCommandLineParser &parser)
{
    auto bytes = m_session.readArgument(parser.value(m_decode), u"--decode"_s);
    if (!bytes)
        return fail(ErrorCode::Usage, bytes.error().message);
    const QString text = QString::fromUtf8(*bytes).trimmed();
    const auto decoded = Sas::decode(text);
    if (!decoded)
        return fail(decoded.error().code,
                    Tr::tr("Not a SharedAccessSignature token: %1").arg(decoded.error().message));

    // Checking needs the key: only when a connection is configured.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    std::optional<Status> check;
    QString checkedFor;
    if (m_session.hasConnection()) {
        auto connection = m_session.hubConnection();
        if (!connection)
            return fail(ErrorCode::Usage, connection.error().message);
        const ConnectionString &cs = connection->connectionString;
        checkedFor = cs.keyName() + u" @ "_s + cs.hubUrl(connection->hub).toString();
        if (decoded->keyName.compare(cs.keyName(), Qt::CaseInsensitive) != 0) {
            check = Status(makeError(ErrorCode::UnknownKeyName,
                                     Tr::tr("UnknownKeyName: the token names the rule '%1', the "
                                            "connection has the key of '%2'.")
                                         .arg(decoded->keyName, cs.keyName())));
        } else {
            QUrl url = cs.hubUrl(connection->hub);
            url.setPath(url.path() + u"/messages"_s);
            check = Sas::validate(*decoded, cs.key(), url, now);
        }
    }
    const ExitCode code = check && !check->ok() ? exitCodeFor(check->error().code) : ExitCode::Ok;

    if (m_session.json) {
        QJsonObject o =
            tokenFields(decoded->rawSr, decoded->resource, decoded->keyName, decoded->expiry, now);
        o.insert(u"ok"_s, code == ExitCode::Ok);
        o.insert(u"mode"_s, u"decode"_s);
        o.insert(u"fieldOrder"_s, QJsonArray::fromStringList(decoded->fieldOrder));
        o.insert(u"checked"_s, check.has_value());
        if (check) {
            o.insert(u"checkedFor"_s, checkedFor);
            o.insert(u"valid"_s, check->ok());
            if (!check->ok())
                o.insert(u"error"_s, errorToJson(check->error()));
        }
        m_session.printJson(o, int(code));
        return done(code);
    }
    TextPanel p;
    p.addField(Tr::tr("Resource (sr)"), decoded->resource);
    p.addField(Tr::tr("Key name (skn)"), decoded->keyName);
    p.addField(Tr::tr("Expires (se)"), expiryText(decoded->expiry, now), 16,
               decoded->secondsLeft(now) >= 0 ? Tone::Plain : Tone::Bad);
    p.addField(Tr::tr("Field order"), decoded->fieldOrder.join(u", "_s));
    p.addField(Tr::tr("Signature"), kRedacted.toString());
    if (!check) {
        p.addField(Tr::tr("Check"),
                   Tr::tr("not checked: no connection (NH_CONNECTION_STRING) to take "
                          "the key from"),
                   16, Tone::Dim);
    } else if (check->ok()) {
        p.addField(Tr::tr("Check"), Tr::tr("valid for %1").arg(checkedFor), 16, Tone::Good);
    } else {
        p.addField(Tr::tr("Check"), check->error().message, 16, Tone::Bad);
    }
    m_session.out() << m_session.renderer().panel(p);
    done(code);
}

} // namespace Nh
