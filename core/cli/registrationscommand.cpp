// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/registrationscommand.h"

#include "cli/clijson.h"
#include "cli/clisession.h"
#include "client/hubclient.h"
#include "client/registrationpager.h"
#include "protocol/tagexpression.h"

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

QString kindText(const Registration &r)
{
    return r.isTemplate ? Tr::tr("%1 template").arg(platformDisplayName(r.platform))
                        : platformDisplayName(r.platform);
}

QString expiryText(const QDateTime &t)
{
    return !t.isValid() || t >= Registration::neverExpires() ? Tr::tr("never")
                                                             : t.toString(Qt::ISODate);
}

} // namespace

RegistrationsCommand::RegistrationsCommand(CliSession &session, QObject *parent)
    : CliCommand(session, parent)
    , m_tag(u"tag"_s, Tr::tr("list: only the registrations with this tag."), u"tag"_s)
    , m_platform(u"platform"_s,
                 Tr::tr("The platform: %1 (list: with --handle, by channel; create).")
                     .arg(platformCliNames()),
                 u"platform"_s)
    , m_handle(u"handle"_s,
               Tr::tr("The PNS handle: device token, FCM registration id, channel URI, endpoint."),
               u"handle"_s)
    , m_top(u"top"_s, Tr::tr("list: entries per page (default 100)."), u"n"_s, u"100"_s)
    , m_all(u"all"_s, Tr::tr("list: follow the continuation tokens to the last page."))
    , m_continuation(u"continuation"_s, Tr::tr("list: start at this continuation token."),
                     u"token"_s)
    , m_tags(u"tags"_s, Tr::tr("create/update: the tags, comma-separated ('' for none)."),
             u"tag,tag"_s)
    , m_bodyTemplate(u"body-template"_s,
                     Tr::tr("create/update: a template registration with this body: TEXT, @FILE or "
                            "-."),
                     u"text|@file|-"_s)
    , m_templateName(u"template-name"_s, Tr::tr("create/update: the template's name."), u"name"_s)
    , m_p256dh(u"p256dh"_s, Tr::tr("create/update: a browser subscription's P256DH key."), u"key"_s)
    , m_auth(u"auth"_s, Tr::tr("create/update: a browser subscription's auth secret."), u"secret"_s)
    , m_etag(u"etag"_s,
             Tr::tr("update/delete: only if the registration still has this ETag ('*' = any). "
                    "update defaults to the ETag it read, delete to '*'."),
             u"n|*"_s)
{ }

QString RegistrationsCommand::name() const
{
    return u"registrations"_s;
}

QString RegistrationsCommand::summary() const
{
    return Tr::tr("List, get, create, update or delete registrations.");
}

QString RegistrationsCommand::description() const
{
    return Tr::tr("Works on the hub's registrations.\n\n"
                  "  list [--tag TAG | --platform P --handle H] [--top N] [--all]\n"
                  "  get ID\n"
                  "  create [ID] --platform P --handle H [--tags a,b] [--body-template BODY "
                  "--template-name NAME]\n"
                  "      (with ID: PUT, which creates or replaces; without: POST)\n"
                  "  update ID [--tags a,b] [--handle H] [--body-template BODY] [--etag N]\n"
                  "  delete ID [--etag N]");
}

QString RegistrationsCommand::syntax() const
{
    return u"list|get|create|update|delete [ID]"_s;
}

QList<QCommandLineOption> RegistrationsCommand::options() const
{
    return {m_tag,  m_platform,     m_handle,       m_top,    m_all,  m_continuation,
            m_tags, m_bodyTemplate, m_templateName, m_p256dh, m_auth, m_etag};
}

void RegistrationsCommand::start(const QCommandLineParser &parser, const QStringList &arguments)
{
    const QString action = arguments.value(0);
    const QString id = arguments.value(1);
    const bool needsId = action == u"get"_s || action == u"update"_s || action == u"delete"_s;
    const qsizetype maxArgs = action == u"list"_s ? 1 : 2;
    if (action.isEmpty())
        return fail(ErrorCode::Usage,
                    Tr::tr("registrations needs an action: list, get, create, update or delete."));
    if (action != u"list"_s && action != u"create"_s && !needsId)
        return fail(
            ErrorCode::Usage,
            Tr::tr("Unknown action '%1': use list, get, create, update or delete.").arg(action));
    if (needsId && id.isEmpty())
        return fail(ErrorCode::Usage,
                    Tr::tr("registrations %1 needs a registration ID.").arg(action));
    if (arguments.size() > maxArgs)
        return fail(ErrorCode::Usage,
                    Tr::tr("Too many arguments for registrations %1: '%2'.")
                        .arg(action, arguments.value(maxArgs)));

    auto client = m_session.client();
    if (!client)
        return fail(ErrorCode::Usage, client.error().message);
    m_client = *client;

    if (action == u"list"_s)
        list(parser);
    else if (action == u"get"_s)
        get(id);
    else if (action == u"create"_s)
        create(parser, id);
    else if (action == u"update"_s)
        update(parser, id);
    else
        remove(parser, id);
}

bool RegistrationsCommand::etag(const QCommandLineParser &parser, std::optional<qint64> *into)
{
    if (!parser.isSet(m_etag))
        return true;
    const QString value = parser.value(m_etag).trimmed().remove(u'"').remove(u"W/"_s);
    if (value == u"*"_s) {
        *into = 0;
        return true;
    }
    bool ok = false;
    const qint64 n = value.toLongLong(&ok);
    if (!ok || n < 1) {
        fail(ErrorCode::Usage,
             Tr::tr("--etag takes the registration's ETag number or '*', not '%1'.")
                 .arg(parser.value(m_etag)));
        return false;
    }
    *into = n;
    return true;
}

void RegistrationsCommand::list(const QCommandLineParser &parser)
{
    bool ok = false;
    m_list.top = parser.value(m_top).toInt(&ok);
    if (!ok || m_list.top < 1 || m_list.top > 1000)
        return fail(
            ErrorCode::Usage,
            Tr::tr("--top takes a number from 1 to 1000, not '%1'.").arg(parser.value(m_top)));
    m_list.all = parser.isSet(m_all);
    m_list.tag = parser.value(m_tag);
    m_list.continuation = parser.value(m_continuation);
    if (parser.isSet(m_tag) && (parser.isSet(m_platform) || parser.isSet(m_handle)))
        return fail(ErrorCode::Usage,
                    Tr::tr("List by --tag or by --platform and --handle, not both."));
    if (parser.isSet(m_tag)) {
        if (auto st = validateTag(m_list.tag, true); !st)
            return fail(st.error().code, Tr::tr("--tag: %1").arg(st.error().message));
    }
    if (parser.isSet(m_platform) != parser.isSet(m_handle))
        return fail(ErrorCode::Usage,
                    Tr::tr("Listing by channel needs both --platform and --handle."));
    if (parser.isSet(m_platform)) {
        const auto platform = platformFromCliName(parser.value(m_platform));
        if (!platform)
            return fail(ErrorCode::Usage,
                        Tr::tr("Unknown --platform '%1'; use one of: %2.")
                            .arg(parser.value(m_platform), platformCliNames()));
        m_list.filter = HubClient::channelFilter(*platform, parser.value(m_handle));
    }
    fetchPage();
}

void RegistrationsCommand::fetchPage()
{
    HubClient::ListQuery q;
    q.top = m_list.top;
    q.tag = m_list.tag;
    q.filter = m_list.filter;
    q.continuationToken = m_list.continuation;
    m_pager = new RegistrationPager(m_client, this);
    m_pager->setMaxPages(m_list.all ? kMaxPages : 1);
    connect(m_pager, &RegistrationPager::page, this,
            [this](const QList<Registration> &entries) { m_list.entries += entries; });
    connect(m_pager, &RegistrationPager::finished, this, [this](const Status &result) {
        if (!result)
            return done(report(m_pager->lastExchange(), {}));
        m_list.pages = m_pager->pages();
        m_list.continuation = m_pager->hasMore() ? m_pager->nextToken() : QString();
        printList();
    });
    m_pager->start(q);
}

void RegistrationsCommand::cancel()
{
    if (m_pager)
        m_pager->cancel();
    CliCommand::cancel();
}

void RegistrationsCommand::printList()
{
    if (m_session.json) {
        QJsonArray entries;
        for (const Registration &r : std::as_const(m_list.entries))
            entries.append(registrationToJson(r));
        QJsonObject o {{u"ok"_s, true},
                       {u"count"_s, qint64(m_list.entries.size())},
                       {u"pages"_s, m_list.pages},
                       {u"registrations"_s, entries}};
        if (!m_list.continuation.isEmpty())
            o.insert(u"continuationToken"_s, m_list.continuation);
        m_session.printJson(o, 0);
        return done(ExitCode::Ok);
    }
    QList<QStringList> rows;
    for (const Registration &r : std::as_const(m_list.entries)) {
        rows.append({r.registrationId, kindText(r), r.handle, r.tags.join(u","_s),
                     QString::number(r.etag)});
    }
    const TextRenderer renderer = m_session.renderer();
    QTextStream &out = m_session.out();
    out << renderer.table(
        {Tr::tr("Registration"), Tr::tr("Kind"), Tr::tr("Handle"), Tr::tr("Tags"), Tr::tr("ETag")},
        rows);
    out << Tr::tr("%n registration(s)", nullptr, int(m_list.entries.size())) << u'\n';
    if (!m_list.continuation.isEmpty())
        out << renderer.styled(
            Tr::tr("More: --continuation %1 (or --all)").arg(m_list.continuation), Tone::Dim)
            << u'\n';
    done(ExitCode::Ok);
}

void RegistrationsCommand::printRegistration(const Registration &r)
{
    TextPanel p;
    p.title = Tr::tr("Registration %1").arg(r.registrationId);
    p.addField(Tr::tr("Kind"), r.kindName() + u" (" + kindText(r) + u')');
    p.addField(r.handleElementName(), r.handle);
    p.addField(Tr::tr("Tags"), r.tags.isEmpty() ? Tr::tr("(none)") : r.tags.join(u", "_s));
    p.addField(Tr::tr("ETag"), QString::number(r.etag));
    p.addField(Tr::tr("Expires"), expiryText(r.expirationTime));
    if (!r.p256dh.isEmpty())
        p.addField(Tr::tr("P256DH"), r.p256dh);
    if (!r.pushVariables.isEmpty())
        p.addField(Tr::tr("PushVariables"), r.pushVariables);
    if (r.isTemplate) {
        p.addField(Tr::tr("Template name"), r.templateName);
        p.addField(Tr::tr("Body template"), r.bodyTemplate);
        for (const TemplateHeader &h : r.headers)
            p.addField(Tr::tr("Header"), h.name + u": "_s + h.value);
    }
    m_session.out() << m_session.renderer().panel(p);
}

void RegistrationsCommand::get(const QString &id)
{
    HubJob *job = m_client->getRegistration(id);
    track(job);
    connect(job, &HubJob::finished, this, [this](const Exchange &e) {
        done(report(e, [this, &e] { printRegistration(*e.registration); }));
    });
}

bool RegistrationsCommand::apply(const QCommandLineParser &parser, Registration &r, bool creating)
{
    if (parser.isSet(m_platform)) {
        const auto platform = platformFromCliName(parser.value(m_platform));
        if (!platform) {
            fail(ErrorCode::Usage,
                 Tr::tr("Unknown --platform '%1'; use one of: %2.")
                     .arg(parser.value(m_platform), platformCliNames()));
            return false;
        }
        if (!creating && *platform != r.platform) {
            fail(
                ErrorCode::Usage,
                Tr::tr("A registration cannot change its platform; delete it and create another."));
            return false;
        }
        r.platform = *platform;
    } else if (creating) {
        fail(ErrorCode::Usage,
             Tr::tr("registrations create needs --platform (%1) and --handle.")
                 .arg(platformCliNames()));
        return false;
    }
    if (parser.isSet(m_handle))
        r.handle = parser.value(m_handle).trimmed();
    if (creating && r.handle.isEmpty()) {
        fail(ErrorCode::Usage, Tr::tr("registrations create needs --handle."));
        return false;
    }
    if (parser.isSet(m_tags)) {
        auto tags = parseTagList(parser.value(m_tags), false);
        if (!tags) {
            fail(tags.error().code, Tr::tr("--tags: %1").arg(tags.error().message));
            return false;
        }
        m_session.printWarnings(tags.warnings());
        r.tags = *tags;
    }
    if (parser.isSet(m_bodyTemplate)) {
        auto body = m_session.readArgument(parser.value(m_bodyTemplate), u"--body-template"_s);
        if (!body) {
            fail(ErrorCode::Usage, body.error().message);
            return false;
        }
        r.isTemplate = true;
        r.bodyTemplate = QString::fromUtf8(*body);
    }
    if (parser.isSet(m_templateName))
        r.templateName = parser.value(m_templateName);
    if (parser.isSet(m_p256dh))
        r.p256dh = parser.value(m_p256dh);
    if (parser.isSet(m_auth))
        r.auth = parser.value(m_auth);
    if (r.platform == Platform::Browser && (r.p256dh.isEmpty() || r.auth.isEmpty())) {
        fail(ErrorCode::Usage, Tr::tr("A browser registration needs --p256dh and --auth."));
        return false;
    }
    return true;
}

void RegistrationsCommand::create(const QCommandLineParser &parser, const QString &id)
{
    Registration r;
    if (!apply(parser, r, true))
        return;
    r.registrationId = id;
    HubJob *job = id.isEmpty() ? m_client->createRegistration(r) : m_client->putRegistration(r);
    track(job);
    connect(job, &HubJob::finished, this, [this](const Exchange &e) {
        done(report(e, [this, &e] { printRegistration(*e.registration); }));
    });
}

void RegistrationsCommand::update(const QCommandLineParser &parser, const QString &id)
{
    std::optional<qint64> ifMatch;
    if (!etag(parser, &ifMatch))
        return;
    if (!parser.isSet(m_tags) && !parser.isSet(m_handle) && !parser.isSet(m_bodyTemplate)
        && !parser.isSet(m_templateName) && !parser.isSet(m_p256dh) && !parser.isSet(m_auth))
        return fail(ErrorCode::Usage,
                    Tr::tr("Nothing to update: give --tags, --handle, --body-template, "
                           "--template-name, --p256dh or --auth."));
    // Read, change, write back: a PUT replaces the whole description.
    HubJob *read = m_client->getRegistration(id);
    track(read);
    connect(read, &HubJob::finished, this, [this, &parser, ifMatch](const Exchange &e) {
        if (!e.ok() || !e.registration)
            return done(report(e, {}));
        Registration r = *e.registration;
        if (!apply(parser, r, false))
            return;
        HubJob *write = m_client->putRegistration(r, ifMatch ? *ifMatch : r.etag);
        track(write);
        connect(write, &HubJob::finished, this, [this](const Exchange &w) {
            done(report(w, [this, &w] { printRegistration(*w.registration); }));
        });
    });
}

void RegistrationsCommand::remove(const QCommandLineParser &parser, const QString &id)
{
    std::optional<qint64> ifMatch;
    if (!etag(parser, &ifMatch))
        return;
    HubJob *job = m_client->deleteRegistration(id, ifMatch.value_or(0));
    track(job);
    connect(job, &HubJob::finished, this, [this, id](const Exchange &e) {
        done(report(e, [this, &id] {
            m_session.out() << Tr::tr("Deleted registration %1.").arg(id) << u'\n';
        }));
    });
}

} // namespace Nh
