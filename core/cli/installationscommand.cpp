// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/installationscommand.h"

#include "cli/clijson.h"
#include "cli/clisession.h"
#include "client/hubclient.h"
#include "protocol/tagexpression.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QTextStream>

using namespace Qt::Literals::StringLiterals;

namespace Nh {

namespace {

/** The translation context of this file's messages; lupdate reads it from here. */
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Nh::Cli)
};

QString timeText(const QDateTime &t)
{
    return t.isValid() ? t.toString(Qt::ISODate) : Tr::tr("(not set)");
}

} // namespace

InstallationsCommand::InstallationsCommand(CliSession &session, QObject *parent)
    : CliCommand(session, parent)
    , m_body(u"body"_s,
             Tr::tr("put: the installation JSON; patch: the JSON Patch array. TEXT, @FILE or -."),
             u"json|@file|-"_s)
    , m_platform(u"platform"_s,
                 Tr::tr("put without --body: the platform (%1).").arg(platformCliNames()),
                 u"platform"_s)
    , m_pushChannel(u"push-channel"_s, Tr::tr("put without --body: the PNS handle."), u"handle"_s)
    , m_tags(u"tags"_s, Tr::tr("put without --body: the tags, comma-separated."), u"tag,tag"_s)
    , m_userId(u"user-id"_s, Tr::tr("put without --body: the user id."), u"id"_s)
{ }

QString InstallationsCommand::name() const
{
    return u"installations"_s;
}

QString InstallationsCommand::summary() const
{
    return Tr::tr("Get, put, patch or delete installations.");
}

QString InstallationsCommand::description() const
{
    return Tr::tr("Works on the hub's installations.\n\n"
                  "  get ID\n"
                  "  put [ID] --body JSON|@FILE|-     (ID overrides the body's installationId)\n"
                  "  put ID --platform P --push-channel H [--tags a,b] [--user-id U]\n"
                  "  patch ID --body '[{\"op\":\"add\",\"path\":\"/tags\",\"value\":\"news\"}]'\n"
                  "  delete ID");
}

QString InstallationsCommand::syntax() const
{
    return u"get|put|patch|delete ID"_s;
}

QList<QCommandLineOption> InstallationsCommand::options() const
{
    return {m_body, m_platform, m_pushChannel, m_tags, m_userId};
}

void InstallationsCommand::start(const QCommandLineParser &parser, const QStringList &arguments)
{
    const QString action = arguments.value(0);
    const QString id = arguments.value(1);
    static const QStringList actions {u"get"_s, u"put"_s, u"patch"_s, u"delete"_s};
    if (!actions.contains(action))
        return fail(
            ErrorCode::Usage,
            action.isEmpty()
                ? Tr::tr("installations needs an action: get, put, patch or delete.")
                : Tr::tr("Unknown action '%1': use get, put, patch or delete.").arg(action));
    if (id.isEmpty() && action != u"put"_s)
        return fail(ErrorCode::Usage,
                    Tr::tr("installations %1 needs an installation ID.").arg(action));
    if (arguments.size() > 2)
        return fail(ErrorCode::Usage,
                    Tr::tr("Too many arguments for installations %1: '%2'.")
                        .arg(action, arguments.value(2)));

    auto client = m_session.client();
    if (!client)
        return fail(ErrorCode::Usage, client.error().message);
    m_client = *client;

    if (action == u"put"_s)
        return put(parser, id);
    if (action == u"patch"_s)
        return patch(parser, id);
    HubJob *job =
        action == u"get"_s ? m_client->getInstallation(id) : m_client->deleteInstallation(id);
    track(job);
    connect(job, &HubJob::finished, this, [this, id](const Exchange &e) {
        done(report(e, [this, &e, &id] {
            if (e.installation)
                printInstallation(*e.installation);
            else
                m_session.out() << Tr::tr("Deleted installation %1.").arg(id) << u'\n';
        }));
    });
}

void InstallationsCommand::put(const QCommandLineParser &parser, const QString &id)
{
    Installation installation;
    if (parser.isSet(m_body)) {
        if (parser.isSet(m_platform) || parser.isSet(m_pushChannel) || parser.isSet(m_tags)
            || parser.isSet(m_userId))
            return fail(ErrorCode::Usage,
                        Tr::tr("Give the installation either as --body or with --platform, "
                               "--push-channel, --tags and --user-id, not both."));
        auto body = m_session.readArgument(parser.value(m_body), u"--body"_s);
        if (!body)
            return fail(ErrorCode::Usage, body.error().message);
        QByteArray json = *body;
        if (!id.isEmpty()) {
            // The ID on the command line wins; set it before the check, which requires one.
            QJsonDocument doc = QJsonDocument::fromJson(json);
            if (doc.isObject()) {
                QJsonObject o = doc.object();
                o.insert(u"installationId"_s, id);
                json = QJsonDocument(o).toJson(QJsonDocument::Compact);
            }
        }
        auto parsed = parseInstallation(json);
        if (!parsed)
            return fail(parsed.error().code, Tr::tr("--body: %1").arg(parsed.error().message));
        m_session.printWarnings(parsed.warnings());
        installation = *parsed;
    } else {
        if (id.isEmpty() || !parser.isSet(m_platform) || !parser.isSet(m_pushChannel))
            return fail(ErrorCode::Usage,
                        Tr::tr("installations put needs --body, or an ID with --platform and "
                               "--push-channel."));
        const auto platform = platformFromCliName(parser.value(m_platform));
        if (!platform)
            return fail(ErrorCode::Usage,
                        Tr::tr("Unknown --platform '%1'; use one of: %2.")
                            .arg(parser.value(m_platform), platformCliNames()));
        installation.installationId = id;
        installation.platform = *platform;
        installation.pushChannel = parser.value(m_pushChannel);
        installation.userId = parser.value(m_userId);
        if (parser.isSet(m_tags)) {
            auto tags = parseTagList(parser.value(m_tags), false);
            if (!tags)
                return fail(tags.error().code, Tr::tr("--tags: %1").arg(tags.error().message));
            m_session.printWarnings(tags.warnings());
            installation.tags = *tags;
        }
        // The same checks as a --body, on what will be sent.
        if (auto check = parseInstallation(installationJson(installation)); !check)
            return fail(check.error());
    }
    HubJob *job = m_client->putInstallation(installation);
    track(job);
    const QString storedId = installation.installationId;
    connect(job, &HubJob::finished, this, [this, storedId](const Exchange &e) {
        done(report(e,
                    [this, &storedId] {
                        m_session.out() << Tr::tr("Stored installation %1.").arg(storedId) << u'\n';
                    },
                    {{u"installationId"_s, storedId}}));
    });
}

void InstallationsCommand::patch(const QCommandLineParser &parser, const QString &id)
{
    if (!parser.isSet(m_body))
        return fail(ErrorCode::Usage,
                    Tr::tr("installations patch needs --body with a JSON Patch."));
    auto body = m_session.readArgument(parser.value(m_body), u"--body"_s);
    if (!body)
        return fail(ErrorCode::Usage, body.error().message);
    QJsonParseError error {};
    const QJsonDocument doc = QJsonDocument::fromJson(*body, &error);
    if (error.error != QJsonParseError::NoError)
        return fail(ErrorCode::Syntax,
                    Tr::tr("--body is not JSON: %1 at position %2.")
                        .arg(error.errorString())
                        .arg(error.offset + 1));
    if (!doc.isArray())
        return fail(ErrorCode::UnexpectedRoot,
                    Tr::tr("--body must be a JSON Patch: an array of operations such as "
                           "[{\"op\":\"add\",\"path\":\"/tags\",\"value\":\"news\"}]."));
    HubJob *job = m_client->patchInstallation(id, *body);
    track(job);
    connect(job, &HubJob::finished, this, [this, id](const Exchange &e) {
        done(report(
            e,
            [this, &id] { m_session.out() << Tr::tr("Patched installation %1.").arg(id) << u'\n'; },
            {{u"installationId"_s, id}}));
    });
}

void InstallationsCommand::printInstallation(const Installation &i)
{
    TextPanel p;
    p.title = Tr::tr("Installation %1").arg(i.installationId);
    p.addField(Tr::tr("Platform"), installationPlatformName(i.platform));
    p.addField(Tr::tr("Push channel"), i.pushChannel);
    if (i.pushChannelExpired)
        p.addField(Tr::tr("Channel expired"), *i.pushChannelExpired ? Tr::tr("yes") : Tr::tr("no"),
                   16, *i.pushChannelExpired ? Tone::Bad : Tone::Plain);
    p.addField(Tr::tr("User id"), i.userId.isEmpty() ? Tr::tr("(none)") : i.userId);
    p.addField(Tr::tr("Tags"), i.tags.isEmpty() ? Tr::tr("(none)") : i.tags.join(u", "_s));
    p.addField(Tr::tr("Expires"), timeText(i.expirationTime));
    p.addField(Tr::tr("Last update"), timeText(i.lastUpdate));
    for (auto it = i.templates.constBegin(); it != i.templates.constEnd(); ++it)
        p.addField(Tr::tr("Template"), it.key() + u": "_s + it.value().body);
    m_session.out() << m_session.renderer().panel(p);
}

} // namespace Nh
