// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The hub description's model and parser (docs/protocol.md §14). The pull reader under the
// parser is hubxmlreader.cpp; the writer and the redaction are in hubdescriptionwriter.cpp.
#include "protocol/hubdescription.h"

#include "protocol/hubxmlreader.h"
#include "protocol/registration.h"
#include "protocol/xmlutil.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSet>
#include <QXmlStreamReader>
#include <array>

using namespace Qt::Literals::StringLiterals;

namespace Nh {

namespace {

/** The translation context of this file's messages; lupdate reads it from here. */
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Nh::HubDescription)
};

struct KindName
{
    PnsCredentialKind kind;
    QStringView element;
    Platform platform;
};

constexpr std::array<KindName, kPnsCredentialKindCount> kKinds {{
    {PnsCredentialKind::Apns, u"ApnsCredential", Platform::Apple},
    {PnsCredentialKind::Wns, u"WnsCredential", Platform::Windows},
    {PnsCredentialKind::Gcm, u"GcmCredential", Platform::Gcm},
    {PnsCredentialKind::Mpns, u"MpnsCredential", Platform::WindowsPhone},
    {PnsCredentialKind::Adm, u"AdmCredential", Platform::Adm},
    {PnsCredentialKind::Baidu, u"BaiduCredential", Platform::Baidu},
    {PnsCredentialKind::FcmV1, u"FcmV1Credential", Platform::FcmV1},
    {PnsCredentialKind::Browser, u"BrowserCredential", Platform::Browser},
    {PnsCredentialKind::Xiaomi, u"XiaomiCredential", Platform::Xiaomi},
}};

/** The properties of each credential that are not secrets (docs/protocol.md §14.5); every
 *  other property, known or not, is one. */
QList<QStringView> publicProperties(PnsCredentialKind kind)
{
    switch (kind) {
    case PnsCredentialKind::Apns:
        return {u"Endpoint", u"Thumbprint", u"KeyId", u"AppId", u"AppName"};
    case PnsCredentialKind::Wns:
        return {u"PackageSid", u"WindowsLiveEndpoint"};
    case PnsCredentialKind::Gcm:
        return {u"GcmEndpoint"};
    case PnsCredentialKind::Mpns:
        return {};
    case PnsCredentialKind::Adm:
        return {u"ClientId", u"AuthTokenUrl", u"SendUrlTemplate"};
    case PnsCredentialKind::Baidu:
        return {u"BaiduEndPoint"};
    case PnsCredentialKind::FcmV1:
        return {u"ProjectId", u"ClientEmail"};
    case PnsCredentialKind::Browser:
        return {u"Subject", u"VapidPublicKey"};
    case PnsCredentialKind::Xiaomi:
        return {u"Endpoint"};
    }
    return {};
}

/** xs:duration as DataContract writes a TimeSpan (P90D, P10675199DT2H48M5.4775807S, PT0S). */
bool isDuration(QStringView text)
{
    static const QRegularExpression re(
        uR"(^-?P(?=\d|T\d)(\d+Y)?(\d+M)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$)"_s);
    return re.match(text.toString()).hasMatch();
}

/** The description's own structure, read over a HubXmlReader. */
class Parser : public HubXmlReader
{
public:
    using HubXmlReader::HubXmlReader;

    bool parseEntry(HubDescription &d, bool *found);
    bool parseDescription(HubDescription &d);

private:
    bool parseCredential(PnsCredential &c);
    bool parseProperty(PnsCredential &c);
    bool parseRules(QList<AuthorizationRule> &rules);
    bool parseRule(AuthorizationRule &rule);
};

bool Parser::parseEntry(HubDescription &d, bool *found)
{
    while (nextChild()) {
        const QString n = name().toString();
        if (n == u"title") {
            if (!readText(&d.name))
                return false;
            d.name = d.name.trimmed();
        } else if (n == u"published" || n == u"updated") {
            if (!readDate(n == u"published" ? &d.published : &d.updated))
                return false;
        } else if (n == u"content") {
            while (nextChild()) {
                if (name() == u"NotificationHubDescription" && !*found) {
                    *found = true;
                    if (!parseDescription(d))
                        return false;
                } else if (!skipWithWarning()) {
                    return false;
                }
            }
        } else if (!skip()) {
            return false;
        }
    }
    return !failed();
}

bool Parser::parseDescription(HubDescription &d)
{
    QString lastKnown;
    QSet<QString> seen;
    while (nextChild()) {
        const Xml::Position at = position();
        const QString n = name().toString();
        const QString where = path();
        const auto kind = isOurs() ? pnsCredentialKindFromElementName(n) : std::nullopt;
        static const QStringList kKnown {
            u"RegistrationTtl"_s,       u"AuthorizationRules"_s,
            u"DailyOperations"_s,       u"DailyApiCalls"_s,
            u"DailyMaxActiveDevices"_s, u"DailyMaxActiveRegistrations"_s,
            u"UserMetadata"_s,          u"Status"_s};
        if (!kind && (!isOurs() || !kKnown.contains(n))) {
            UnknownHubElement unknown;
            unknown.name = n;
            unknown.after = lastKnown;
            if (!capture(&unknown.xml))
                return false;
            d.unknownElements.append(std::move(unknown));
            continue;
        }
        const QString slot = n == u"DailyApiCalls" ? u"DailyOperations"_s : n;
        if (seen.contains(slot)) {
            return failAt(at, where, ErrorCode::DuplicateField,
                          Tr::tr("The element %1 appears more than once").arg(where));
        }
        seen.insert(slot);
        lastKnown = n;
        bool ok = true;
        if (kind) {
            PnsCredential c;
            c.kind = *kind;
            ok = parseCredential(c);
            d.credentials.append(std::move(c));
        } else if (n == u"RegistrationTtl") {
            QString text;
            ok = readText(&text);
            d.registrationTtl = text.trimmed();
            if (ok && !d.registrationTtl.isEmpty() && !isDuration(d.registrationTtl)) {
                return failAt(at, where, ErrorCode::InvalidValue,
                              Tr::tr("%1 is \"%2\", which is not a duration such as P90D")
                                  .arg(where, Xml::excerpt(text)));
            }
        } else if (n == u"AuthorizationRules") {
            ok = parseRules(d.authorizationRules);
        } else if (n == u"DailyOperations" || n == u"DailyApiCalls") {
            ok = readCount(&d.dailyOperations);
        } else if (n == u"DailyMaxActiveDevices") {
            ok = readCount(&d.dailyMaxActiveDevices);
        } else if (n == u"DailyMaxActiveRegistrations") {
            ok = readCount(&d.dailyMaxActiveRegistrations);
        } else if (n == u"UserMetadata") {
            QString text;
            ok = readText(&text);
            d.userMetadata = text;
        } else if (n == u"Status") {
            ok = readBool(&d.status);
        }
        if (!ok)
            return false;
    }
    return !failed();
}

bool Parser::parseCredential(PnsCredential &c)
{
    const Xml::Position at = position();
    const QString where = path();
    bool sawProperties = false;
    while (nextChild()) {
        const QString n = name().toString();
        if (n == u"BlockedOn") {
            if (!readDate(&c.blockedOn))
                return false;
        } else if (n == u"Properties") {
            if (sawProperties) {
                return fail(ErrorCode::DuplicateField,
                            Tr::tr("%1 has more than one <Properties>").arg(where));
            }
            sawProperties = true;
            while (nextChild()) {
                if (name() == u"Property") {
                    if (!parseProperty(c))
                        return false;
                } else if (!skipWithWarning()) {
                    return false;
                }
            }
        } else if (!skipWithWarning()) {
            return false;
        }
    }
    if (failed())
        return false;
    if (!sawProperties) {
        return failAt(at, where, ErrorCode::MissingField,
                      Tr::tr("%1 has no <Properties>: a credential is a list of name/value "
                             "properties")
                          .arg(where));
    }
    return true;
}

bool Parser::parseProperty(PnsCredential &c)
{
    const Xml::Position at = position();
    const QString where = path();
    std::optional<QString> propertyName;
    std::optional<QString> value;
    while (nextChild()) {
        const QString n = name().toString(); // a copy: readText() moves the reader
        if (n == u"Name" || n == u"Value") {
            QString text;
            if (!readText(&text))
                return false;
            (n == u"Name" ? propertyName : value) = text;
        } else if (!skipWithWarning()) {
            return false;
        }
    }
    if (failed())
        return false;
    if (!propertyName || propertyName->trimmed().isEmpty()) {
        return failAt(at, where, propertyName ? ErrorCode::EmptyField : ErrorCode::MissingField,
                      Tr::tr("A property of %1 has no <Name>").arg(where.section(u'/', 0, -3)));
    }
    const QString trimmed = propertyName->trimmed();
    if (!value) {
        return failAt(at, where, ErrorCode::MissingField,
                      Tr::tr("The property %1 of %2 has no <Value>")
                          .arg(trimmed, where.section(u'/', 0, -3)));
    }
    if (c.property(trimmed)) {
        return failAt(at, where, ErrorCode::DuplicateField,
                      Tr::tr("The property %1 of %2 appears more than once (names compare "
                             "without regard to case)")
                          .arg(trimmed, where.section(u'/', 0, -3)));
    }
    c.properties.append({trimmed, *value});
    return true;
}

bool Parser::parseRules(QList<AuthorizationRule> &rules)
{
    while (nextChild()) {
        if (name() != u"AuthorizationRule") {
            if (!skipWithWarning())
                return false;
            continue;
        }
        const QString type = stream().attributes().value(Xml::kInstanceNs, "type"_L1).toString();
        if (!type.isEmpty() && !type.endsWith(u"SharedAccessAuthorizationRule")) {
            warn(Xml::warningAt(
                stream(),
                Tr::tr("The authorization rule of type %1 is read as a shared access "
                       "rule")
                    .arg(type)));
        }
        AuthorizationRule rule;
        if (!parseRule(rule))
            return false;
        rules.append(std::move(rule));
    }
    return !failed();
}

bool Parser::parseRule(AuthorizationRule &rule)
{
    const Xml::Position at = position();
    const QString where = path();
    bool sawKeyName = false;
    while (nextChild()) {
        const QString n = name().toString();
        QString *text = nullptr;
        if (n == u"ClaimType")
            text = &rule.claimType;
        else if (n == u"ClaimValue")
            text = &rule.claimValue;
        else if (n == u"KeyName")
            text = &rule.keyName;
        else if (n == u"PrimaryKey")
            text = &rule.primaryKey;
        else if (n == u"SecondaryKey")
            text = &rule.secondaryKey;
        bool ok = true;
        if (text) {
            ok = readText(text);
            sawKeyName = sawKeyName || n == u"KeyName";
        } else if (n == u"CreatedTime" || n == u"ModifiedTime") {
            ok = readDate(n == u"CreatedTime" ? &rule.createdTime : &rule.modifiedTime);
        } else if (n == u"Rights") {
            while (ok && nextChild()) {
                const Xml::Position rightAt = position();
                const QString rightWhere = path();
                QString right;
                if (!readText(&right))
                    return false;
                const QString r = right.trimmed();
                if (r.compare(u"Listen", Qt::CaseInsensitive) == 0)
                    rule.rights |= AccessRight::Listen;
                else if (r.compare(u"Send", Qt::CaseInsensitive) == 0)
                    rule.rights |= AccessRight::Send;
                else if (r.compare(u"Manage", Qt::CaseInsensitive) == 0)
                    rule.rights |= AccessRight::Manage;
                else
                    return failAt(rightAt, rightWhere, ErrorCode::InvalidValue,
                                  Tr::tr("%1 is \"%2\": expected Listen, Send or Manage")
                                      .arg(rightWhere, Xml::excerpt(right)));
            }
            ok = !failed();
        } else {
            QString xml;
            ok = capture(&xml);
            rule.unknownElements.append(xml);
        }
        if (!ok)
            return false;
    }
    if (failed())
        return false;
    if (!sawKeyName || rule.keyName.trimmed().isEmpty()) {
        return failAt(
            at, where, sawKeyName ? ErrorCode::EmptyField : ErrorCode::MissingField,
            Tr::tr("An authorization rule in %1 has no <KeyName>").arg(where.section(u'/', 0, -2)));
    }
    return true;
}

Result<HubDescription> failedWith(const Parser &p)
{
    return p.error();
}

} // namespace

QString pnsCredentialElementName(PnsCredentialKind kind)
{
    for (const KindName &k : kKinds) {
        if (k.kind == kind)
            return k.element.toString();
    }
    return {};
}

std::optional<PnsCredentialKind> pnsCredentialKindFromElementName(QStringView name)
{
    for (const KindName &k : kKinds) {
        if (k.element == name)
            return k.kind;
    }
    return std::nullopt;
}

Platform pnsCredentialPlatform(PnsCredentialKind kind)
{
    for (const KindName &k : kKinds) {
        if (k.kind == kind)
            return k.platform;
    }
    return Platform::Apple;
}

PnsCredentialKind pnsCredentialKindFor(Platform platform)
{
    for (const KindName &k : kKinds) {
        if (k.platform == platform)
            return k.kind;
    }
    return PnsCredentialKind::Apns;
}

bool isSecretPnsProperty(PnsCredentialKind kind, QStringView propertyName)
{
    const QStringView name = propertyName.trimmed();
    for (const QStringView open : publicProperties(kind)) {
        if (open.compare(name, Qt::CaseInsensitive) == 0)
            return false;
    }
    return true;
}

std::optional<QString> PnsCredential::property(QStringView name) const
{
    for (const auto &[key, value] : properties) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return std::nullopt;
}

void PnsCredential::setProperty(const QString &name, const QString &value)
{
    for (auto &[key, old] : properties) {
        if (key.compare(name, Qt::CaseInsensitive) == 0) {
            old = value;
            return;
        }
    }
    properties.append({name, value});
}

bool PnsCredential::removeProperty(QStringView name)
{
    return properties.removeIf([name](const std::pair<QString, QString> &p) {
        return p.first.compare(name, Qt::CaseInsensitive) == 0;
    }) > 0;
}

QString accessRightsText(AccessRights rights)
{
    QStringList names;
    if (rights.testFlag(AccessRight::Listen))
        names << u"Listen"_s;
    if (rights.testFlag(AccessRight::Send))
        names << u"Send"_s;
    if (rights.testFlag(AccessRight::Manage))
        names << u"Manage"_s;
    return names.join(u", "_s);
}

const PnsCredential *HubDescription::credential(PnsCredentialKind kind) const
{
    for (const PnsCredential &c : credentials) {
        if (c.kind == kind)
            return &c;
    }
    return nullptr;
}

PnsCredential *HubDescription::credential(PnsCredentialKind kind)
{
    for (PnsCredential &c : credentials) {
        if (c.kind == kind)
            return &c;
    }
    return nullptr;
}

const AuthorizationRule *HubDescription::rule(QStringView keyName) const
{
    for (const AuthorizationRule &r : authorizationRules) {
        if (r.keyName == keyName)
            return &r;
    }
    return nullptr;
}

Result<HubDescription> parseHubDescription(const QByteArray &xml, QStringView hubName)
{
    if (Status body = Xml::checkBody(xml, u"hub description"_s); !body)
        return body.error();
    Parser p(xml);
    if (!p.enterRoot())
        return failedWith(p);
    HubDescription d;
    const Xml::Position rootAt = p.position();
    const QString root = p.name().toString();
    if (root == u"entry") {
        bool found = false;
        if (!p.parseEntry(d, &found))
            return failedWith(p);
        if (!found) {
            p.failAt(rootAt, root, ErrorCode::MissingField,
                     Tr::tr("The entry holds no <NotificationHubDescription> in its <content>"));
            return failedWith(p);
        }
    } else if (root == u"NotificationHubDescription") {
        if (!p.parseDescription(d))
            return failedWith(p);
    } else if (root == u"feed") {
        int entries = 0;
        while (p.nextChild()) {
            entries += p.name() == u"entry" ? 1 : 0;
            if (!p.skip())
                break;
        }
        if (p.failed())
            return failedWith(p);
        const QString sentence = entries == 0
            ? (hubName.isEmpty()
                   ? Tr::tr("The hub does not exist (the service answers 200 with an empty feed)")
                   : Tr::tr(
                         "The hub %1 does not exist (the service answers 200 with an empty feed)")
                         .arg(hubName.toString()))
            : Tr::tr("Expected one hub description, but this is a list of %n hub(s)", nullptr,
                     entries);
        p.failAt(rootAt, root, entries == 0 ? ErrorCode::NotFound : ErrorCode::UnexpectedRoot,
                 sentence);
        return failedWith(p);
    } else {
        p.failAt(rootAt, root, ErrorCode::UnexpectedRoot,
                 Tr::tr("Expected a hub description (an Atom <entry> or a "
                        "<NotificationHubDescription>), but the root element is <%1>")
                     .arg(root));
        return failedWith(p);
    }
    if (!p.finish())
        return failedWith(p);
    Result<HubDescription> result(std::move(d));
    result.setWarnings(p.warnings());
    return result;
}

Result<QList<HubListEntry>> parseHubList(const QByteArray &xml)
{
    if (Status body = Xml::checkBody(xml, u"hub list"_s); !body)
        return body.error();
    Parser p(xml);
    if (!p.enterRoot())
        return p.error();
    const QString root = p.name().toString();
    if (root != u"feed") {
        p.failAt(
            p.position(), root, ErrorCode::UnexpectedRoot,
            Tr::tr("Expected a hub list (an Atom <feed>), but the root element is <%1>").arg(root));
        return p.error();
    }
    QList<HubListEntry> list;
    while (p.nextChild()) {
        if (p.name() != u"entry") {
            if (!p.skip())
                break;
            continue;
        }
        const Xml::Position at = p.position();
        const QString where = p.path();
        HubDescription d;
        bool found = false;
        const bool ok = p.parseEntry(d, &found);
        if (ok && d.name.isEmpty())
            p.failAt(at, where, ErrorCode::MissingField,
                     Tr::tr("The entry has no <title> naming the hub"));
        if (p.failed()) {
            p.prefixError(Tr::tr("Entry %1: ").arg(list.size() + 1));
            return p.error();
        }
        HubListEntry entry;
        entry.name = d.name;
        if (found)
            entry.description = std::move(d);
        list.append(std::move(entry));
    }
    if (p.failed() || !p.finish())
        return p.error();
    Result<QList<HubListEntry>> result(std::move(list));
    result.setWarnings(p.warnings());
    return result;
}

} // namespace Nh
