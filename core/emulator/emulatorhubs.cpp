// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The hub management routes over SAS (docs/protocol.md §14, the emulator's rules in §9.10):
// GET/PUT/DELETE /{hub}, GET / (list form B) and GET /$Resources/NotificationHubs (form A).

#include "emulator/emulatorhubconfig.h"
#include "emulator/emulatoroperations.h"
#include "protocol/connectionstring.h"
#include "protocol/xmlutil.h"

#include <QSet>
#include <QUuid>
#include <atomic>

using namespace Qt::Literals::StringLiterals;

namespace Nh::EmulatorOps {

namespace {

constexpr auto kAtomNs = "http://www.w3.org/2005/Atom"_L1;

QString atomDate(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODate);
}

Rights rightsOf(AccessRights a)
{
    Rights r;
    if (a.testFlag(AccessRight::Listen))
        r |= Right::Listen;
    if (a.testFlag(AccessRight::Send))
        r |= Right::Send;
    if (a.testFlag(AccessRight::Manage))
        r |= Right::Manage;
    return r;
}

/** `uuid:…;id=N`, the ids of the service's "Publicly Listed Services" feed. */
QString feedId()
{
    static std::atomic<int> counter = 6000;
    return u"uuid:"_s + QUuid::createUuid().toString(QUuid::WithoutBraces) + u";id="_s
        + QString::number(++counter);
}

/**
 * The description as the service answers it: with the read-only daily figures, which
 * hubDescriptionXml() leaves out, where the 2020 recording has them (after the rules and the
 * credentials that follow them, before UserMetadata; docs/protocol.md §14.4).
 */
QString answeredDescriptionXml(const EmulatorHub &hub)
{
    QString xml = QString::fromUtf8(hubDescriptionXml(hub.description));
    const QString figures =
        u"<DailyMaxActiveDevices>%1</DailyMaxActiveDevices><DailyMaxActiveRegistrations>%2"
        "</DailyMaxActiveRegistrations><DailyApiCalls>%3</DailyApiCalls>"_s
            .arg(hub.registrations.distinctHandles())
            .arg(qint64(hub.registrations.size()))
            .arg(hub.apiCalls);
    // Text is escaped, so '<' starts an element; the first of these is where the figures go.
    qsizetype at = xml.lastIndexOf(u"</NotificationHubDescription>"_s);
    for (const auto name :
         {"<UserMetadata"_L1, "<AdmCredential"_L1, "<BaiduCredential"_L1, "<Status"_L1,
          "<FcmV1Credential"_L1, "<BrowserCredential"_L1, "<XiaomiCredential"_L1}) {
        const qsizetype i = xml.indexOf(name);
        if (i >= 0 && i < at)
            at = i;
    }
    xml.insert(at, figures);
    return xml;
}

/** The Atom entry GET and PUT answer with: the description, secrets as stored. */
QString hubEntry(const Context &c, const EmulatorHub &hub)
{
    const QString self = c.origin() + u'/' + hub.name + u"?api-version="_s
        + (c.apiVersion.isEmpty() ? u"2020-06"_s : c.apiVersion);
    const QString ns = c.request.url.host().section(u'.', 0, 0);
    QString out = u"<entry xmlns=\"%1\">"_s.arg(kAtomNs);
    out += Xml::textElement("id"_L1, self);
    out += u"<title type=\"text\">"_s + Xml::escapeText(hub.name) + u"</title>"_s;
    out += Xml::textElement("published"_L1, atomDate(hub.description.published));
    out += Xml::textElement("updated"_L1, atomDate(hub.description.updated));
    out += u"<author>"_s + Xml::textElement("name"_L1, ns) + u"</author>"_s;
    out += u"<link rel=\"self\" href=\""_s + Xml::escapeAttribute(self) + u"\"/>"_s;
    out += u"<content type=\"application/xml\">"_s;
    out += answeredDescriptionXml(hub);
    out += u"</content></entry>"_s;
    return out;
}

/** The feed of list form B (and the answer for a hub that does not exist: no entries). */
QString publicFeed(const Context &c, const QStringList &hubs)
{
    const QString now = atomDate(c.now);
    QString out = u"<feed xmlns=\"%1\"><title type=\"text\">Publicly Listed Services</title>"
                  "<subtitle type=\"text\">This is the list of publicly-listed services "
                  "currently available.</subtitle>"_s.arg(kAtomNs);
    out += Xml::textElement("id"_L1, feedId());
    out += Xml::textElement("updated"_L1, now);
    out += u"<generator>Service Bus 1.1</generator>"_s;
    for (const QString &name : hubs) {
        out += u"<entry>"_s + Xml::textElement("id"_L1, feedId());
        out += u"<title type=\"text\">"_s + Xml::escapeText(name) + u"</title>"_s;
        out += Xml::textElement("updated"_L1, now);
        out += u"<link rel=\"alternate\" href=\""_s
            + Xml::escapeAttribute(QString(u"http://"_s + c.request.url.authority() + u'/' + name))
            + u"\"/></entry>"_s;
    }
    out += u"</feed>"_s;
    return out;
}

EmulatorReply xmlReply(int status, const QByteArray &contentType, const QString &body)
{
    EmulatorReply r;
    r.status = status;
    r.headers = {{"Content-Type"_ba, contentType}};
    r.body = body.toUtf8();
    return r;
}

EmulatorReply notHosted(const Context &c)
{
    return c.error(404, Tr::tr("No service is hosted at the specified address."));
}

EmulatorReply listHubs(Context &c)
{
    const QStringList path = c.request.url.path().split(u'/', Qt::SkipEmptyParts);
    if (path.isEmpty()) // form B: names only
        return xmlReply(200, kAtomFeed, publicFeed(c, c.state->hubNames()));
    // Form A: every hub's full description, secrets included (docs/protocol.md §14.2).
    const QString self = c.origin() + c.request.url.path();
    QString out =
        u"<feed xmlns=\"%1\"><title type=\"text\">NotificationHubs</title>"_s.arg(kAtomNs);
    out += Xml::textElement("id"_L1, self);
    out += Xml::textElement("updated"_L1, atomDate(c.now));
    out += u"<link rel=\"self\" href=\""_s + Xml::escapeAttribute(self) + u"\"/>"_s;
    for (const QString &name : c.state->hubNames())
        out += hubEntry(c, *c.state->hub(name));
    out += u"</feed>"_s;
    return xmlReply(200, kAtomFeed, out);
}

EmulatorReply putHub(Context &c, const QString &name, bool update)
{
    EmulatorHub *existing = c.state->hub(name);
    if (existing && !update)
        return c.error(409, Tr::tr("SubCode=40900. Conflict"));
    if (!existing && update)
        return notHosted(c);
    if (auto st = validateHubName(name); !st)
        return c.error(400, st.error().message);
    auto parsed = parseHubDescription(c.request.body, name);
    if (!parsed) {
        const Error &e = parsed.error();
        return c.error(400,
                       e.line > 0 ? Tr::tr("The hub description is invalid at line %1, column %2 "
                                           "(%3): %4")
                                        .arg(e.line)
                                        .arg(e.column)
                                        .arg(e.where, e.message)
                                  : Tr::tr("The hub description is invalid: %1").arg(e.message));
    }
    if (auto st = validateHubCredentials(*parsed); !st)
        return c.error(400, st.error().message);

    // The whole description replaces the old one: what it leaves out is reset to the defaults.
    HubDescription d = *parsed;
    d.name = existing ? existing->name : name;
    if (d.registrationTtl.isEmpty())
        d.registrationTtl = kDefaultRegistrationTtl;
    if (d.authorizationRules.isEmpty())
        d.authorizationRules = defaultAuthorizationRules(c.state->rules, c.now);
    for (AuthorizationRule &r : d.authorizationRules) {
        if (!r.createdTime.isValid())
            r.createdTime = c.now;
        r.modifiedTime = c.now;
    }
    d.dailyOperations.reset();
    d.dailyMaxActiveDevices.reset();
    d.dailyMaxActiveRegistrations.reset();
    d.published = existing ? existing->description.published : c.now;
    d.updated = c.now;

    EmulatorHub &hub = existing ? *existing : c.state->addHub(name);
    hub.description = d;
    c.state->saveHubDescription(hub);
    return xmlReply(existing ? 200 : 201, kAtomEntry, hubEntry(c, hub));
}

} // namespace

QString manageClaimRequiredText()
{
    return Tr::tr("Manage claim is required for this operation.");
}

QString hubOperation(const QStringList &segments, const EmulatorRequest &request)
{
    if (segments.isEmpty())
        return u"hubs.list"_s;
    if (segments.size() == 2 && segments.first() == u"$Resources"
        && segments.at(1).compare(u"NotificationHubs", Qt::CaseInsensitive) == 0)
        return u"hubs.list"_s;
    if (segments.size() != 1)
        return {};
    if (request.method == "GET")
        return u"hub.get"_s;
    if (request.method == "PUT")
        return headerValue(request.headers, "If-Match") ? u"hub.update"_s : u"hub.create"_s;
    if (request.method == "DELETE")
        return u"hub.delete"_s;
    return u"hub."_s + QString::fromLatin1(request.method).toLower();
}

QList<SasRule> hubRules(const EmulatorState &state, const QString &hubName, const QString &keyName)
{
    QList<SasRule> out;
    const EmulatorHub *hub = state.hub(hubName);
    const AuthorizationRule *rule = hub ? hub->description.rule(keyName) : nullptr;
    if (!rule)
        return out;
    for (const QString &key : {rule->primaryKey, rule->secondaryKey}) {
        if (!key.isEmpty())
            out.append(SasRule {rule->keyName, key, rightsOf(rule->rights)});
    }
    return out;
}

EmulatorReply manageHubs(Context &c, const QString &operation)
{
    if (!c.rule->grants(Right::Manage))
        return c.error(401, manageClaimRequiredText());
    c.apiVersion = c.query.value(u"api-version"_s);
    if (operation == u"hubs.list") {
        if (c.request.method != "GET") {
            EmulatorReply r =
                c.error(405,
                        Tr::tr("The method %1 is not allowed on %2; allowed: GET.")
                            .arg(QString::fromLatin1(c.request.method), c.request.url.path()));
            r.headers.append({"Allow"_ba, "GET"_ba});
            return r;
        }
        return listHubs(c);
    }
    const QString name = c.request.url.path().split(u'/', Qt::SkipEmptyParts).value(0);
    if (c.apiVersion.isEmpty()) {
        return c.error(400,
                       Tr::tr("The api-version query parameter is required (for example "
                              "api-version=2020-06)."));
    }
    EmulatorHub *hub = c.state->hub(name);
    if (operation == u"hub.get") {
        // The service answers a hub that does not exist with 200 and an empty feed.
        return hub ? xmlReply(200, kAtomEntry, hubEntry(c, *hub))
                   : xmlReply(200, kAtomFeed, publicFeed(c, {}));
    }
    if (operation == u"hub.create" || operation == u"hub.update")
        return putHub(c, name, operation == u"hub.update");
    if (operation == u"hub.delete") {
        if (!hub)
            return notHosted(c);
        c.state->removeHub(name);
        EmulatorReply r;
        r.status = 200;
        return r;
    }
    EmulatorReply r = c.error(405,
                              Tr::tr("The method %1 is not allowed on %2; allowed: %3.")
                                  .arg(QString::fromLatin1(c.request.method), c.request.url.path(),
                                       u"GET, PUT, DELETE"_s));
    r.headers.append({"Allow"_ba, "GET, PUT, DELETE"_ba});
    return r;
}

} // namespace Nh::EmulatorOps
