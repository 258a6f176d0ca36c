// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocol/registrationfeed.h"

#include "protocol/registrationxmlwriter.h"
#include "protocol/xmlutil.h"

#include <QCoreApplication>
#include <QSet>
#include <QUrl>
#include <QXmlStreamReader>
#include <cctype>
#include <optional>
#include <utility>

using namespace Qt::Literals::StringLiterals;

namespace Nh {

namespace {

/** The translation context of this file's messages; lupdate reads it from here. */
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Nh::RegistrationFeed)
};

QStringList handleElements(Platform platform)
{
    switch (platform) {
    case Platform::Windows:
    case Platform::WindowsPhone:
        return {u"ChannelUri"_s, u"SecondaryTileName"_s};
    case Platform::Baidu:
        return {u"BaiduUserId"_s, u"BaiduChannelId"_s};
    case Platform::Browser:
        return {u"Endpoint"_s, u"P256DH"_s, u"Auth"_s};
    default:
        return {registrationHandleElementName(platform)};
    }
}

QStringList requiredHandleElements(Platform platform)
{
    QStringList names = handleElements(platform);
    names.removeAll(u"SecondaryTileName"_s);
    return names;
}

QStringList templateElements(Platform platform)
{
    QStringList names {u"BodyTemplate"_s, u"TemplateName"_s};
    if (platform == Platform::Apple)
        names << u"Expiry"_s << u"Priority"_s;
    const QString headers = registrationHeadersElementName(platform);
    if (!headers.isEmpty())
        names << headers;
    return names;
}

QString *handleField(Registration &reg, QStringView name)
{
    if (name == u"SecondaryTileName")
        return &reg.secondaryTileName;
    if (name == u"BaiduUserId")
        return &reg.baiduUserId;
    if (name == u"P256DH")
        return &reg.p256dh;
    if (name == u"Auth")
        return &reg.auth;
    return &reg.handle;
}

QStringList splitTags(QStringView text)
{
    QStringList tags;
    for (const QStringView part : text.split(u',')) {
        // The documentation writes "a, b"; the service itself never puts a space there.
        const QStringView tag = part.trimmed();
        if (!tag.isEmpty())
            tags.append(tag.toString());
    }
    return tags;
}

std::optional<qint64> parseEtagText(QStringView text)
{
    QStringView t = text.trimmed();
    if (t.startsWith(u"W/"))
        t = t.sliced(2);
    if (t.size() >= 2 && t.startsWith(u'"') && t.endsWith(u'"'))
        t = t.sliced(1, t.size() - 2);
    bool ok = false;
    const qint64 value = t.toLongLong(&ok);
    if (!ok || value < 0)
        return std::nullopt;
    return value;
}

QByteArray continuationTokenFromHref(QStringView href)
{
    qsizetype start = href.indexOf(u'?');
    if (start < 0)
        return {};
    QStringView query = href.sliced(start + 1);
    const qsizetype hash = query.indexOf(u'#');
    if (hash >= 0)
        query.truncate(hash);
    for (const QStringView part : query.split(u'&')) {
        const qsizetype eq = part.indexOf(u'=');
        const QStringView name = eq < 0 ? part : part.first(eq);
        const QByteArray decodedName = QByteArray::fromPercentEncoding(name.toUtf8());
        if (decodedName.compare("continuationtoken", Qt::CaseInsensitive) == 0 && eq >= 0)
            return QByteArray::fromPercentEncoding(part.sliced(eq + 1).toUtf8());
    }
    return {};
}

class Parser
{
public:
    Parser(const QByteArray &xml, const QString &document)
        : m_xml(xml, document)
    { }

    bool parseEntry(Registration &reg);
    bool parseDescriptionElement(Registration &reg);
    bool parseFeed(RegistrationFeed &feed);
    /** The first error, prefixed with the number of the feed entry it is in. */
    Error error() const;

    Xml::Reader m_xml;
    QList<Warning> m_warnings;
    /// In a feed, an unknown kind skips the entry instead of failing; its name is kept here.
    bool m_tolerateUnknownKind = false;
    QString m_skippedKind;

private:
    bool fail(const Xml::Position &at, ErrorCode code, const QString &what, const QString &where)
    {
        return m_xml.fail(Xml::errorAt(at, code, what, where));
    }
    void warn(const QString &message)
    {
        m_warnings.append(Xml::warningAt(m_xml.stream(), message));
    }
    bool skipWithWarning(const QString &what);
    bool parseContent(Registration &reg, bool *found);
    bool parseDescription(Registration &reg, RegistrationKind kind, const QString &elementName,
                          const Xml::Position &start);
    bool parseHeaders(Registration &reg, const QString &containerName);
    bool parseHeaderItem(Registration &reg, const QString &itemName, const Xml::Position &start);

    bool m_descriptionHadEtag = false;
    /// The 1-based number of the feed entry that failed, 0 if none did.
    int m_failedEntry = 0;
};

Error Parser::error() const
{
    Error e = m_xml.error();
    if (m_failedEntry > 0)
        e.message = Tr::tr("Entry %1: %2").arg(QString::number(m_failedEntry), e.message);
    return e;
}

bool Parser::skipWithWarning(const QString &what)
{
    warn(what);
    return m_xml.skip();
}

bool Parser::parseEntry(Registration &reg)
{
    const Xml::Position entryStart = m_xml.position();
    std::optional<qint64> attributeEtag;
    for (const QXmlStreamAttribute &attribute : m_xml.stream().attributes()) {
        // a:etag, p2:etag, m:etag: the prefix varies, the local name does not.
        if (attribute.name() != u"etag")
            continue;
        attributeEtag = parseEtagText(attribute.value());
        if (!attributeEtag) {
            return fail(entryStart, ErrorCode::InvalidValue,
                        Tr::tr("The entry's etag attribute '%1' is not of the form W/\"n\"")
                            .arg(attribute.value()),
                        attribute.qualifiedName().toString());
        }
    }

    bool found = false;
    bool sawContent = false;
    while (m_xml.nextChild()) {
        const QStringView name = m_xml.stream().name();
        if (name == u"content" && !sawContent) {
            sawContent = true;
            if (!parseContent(reg, &found))
                return false;
        } else if (name == u"published" || name == u"updated") {
            const bool isPublished = name == u"published";
            QString text;
            if (!m_xml.readText(&text))
                return false;
            if (const auto when = parseHubDateTime(text))
                (isPublished ? reg.published : reg.updated) = *when;
            else
                warn(Tr::tr("The entry's date '%1' was not understood").arg(text));
        } else if (!m_xml.skip()) {
            return false;
        }
    }
    if (m_xml.failed())
        return false;
    if (!m_skippedKind.isEmpty())
        return true;
    if (!found) {
        return fail(entryStart, ErrorCode::MissingField,
                    Tr::tr("The entry has no registration description in its <content>"),
                    u"content"_s);
    }
    if (!m_descriptionHadEtag && attributeEtag)
        reg.etag = *attributeEtag;
    return true;
}

bool Parser::parseContent(Registration &reg, bool *found)
{
    while (m_xml.nextChild()) {
        if (*found || !m_skippedKind.isEmpty()) {
            if (!skipWithWarning(Tr::tr("A second element <%1> in <content> was ignored")
                                     .arg(m_xml.stream().name().toString()))) {
                return false;
            }
            continue;
        }
        if (!parseDescriptionElement(reg))
            return false;
        *found = m_skippedKind.isEmpty();
    }
    return !m_xml.failed();
}

bool Parser::parseDescriptionElement(Registration &reg)
{
    const Xml::Position start = m_xml.position();
    const QString elementName = m_xml.stream().name().toString();
    QString kindName = elementName;
    if (elementName == u"RegistrationDescription") {
        // The polymorphic form of older documents: <RegistrationDescription i:type="sb:Kind">.
        const QXmlStreamAttributes attributes = m_xml.stream().attributes();
        QStringView type = attributes.value(Xml::kInstanceNs, "type"_L1);
        if (type.isEmpty()) {
            return fail(
                start, ErrorCode::MissingField,
                Tr::tr("The <RegistrationDescription> has no i:type attribute naming its kind"),
                elementName);
        }
        if (const qsizetype colon = type.indexOf(u':'); colon >= 0)
            type = type.sliced(colon + 1);
        kindName = type.trimmed().toString();
    }
    const auto kind = registrationKindFromName(kindName);
    if (!kind) {
        if (m_tolerateUnknownKind) {
            m_skippedKind = kindName;
            return m_xml.skip();
        }
        const QString what = kindName.endsWith(u"RegistrationDescription")
            ? Tr::tr("Unknown registration description kind <%1>").arg(kindName)
            : Tr::tr("<%1> is not a registration description").arg(kindName);
        return fail(start, ErrorCode::InvalidValue, what, kindName);
    }
    return parseDescription(reg, *kind, elementName, start);
}

bool Parser::parseDescription(Registration &reg, RegistrationKind kind, const QString &elementName,
                              const Xml::Position &start)
{
    reg.platform = kind.platform;
    reg.isTemplate = kind.isTemplate;
    const QString kindName = registrationKindName(kind);
    const QStringList handles = handleElements(kind.platform);
    const QStringList templates = kind.isTemplate ? templateElements(kind.platform) : QStringList();
    const QString headersName =
        kind.isTemplate ? registrationHeadersElementName(kind.platform) : QString();
    static const QStringList kBase {u"ETag"_s, u"ExpirationTime"_s, u"RegistrationId"_s, u"Tags"_s,
                                    u"PushVariables"_s};

    QSet<QString> seen;
    while (m_xml.nextChild()) {
        const Xml::Position at = m_xml.position();
        const QString name = m_xml.stream().name().toString();
        const QStringView ns = m_xml.stream().namespaceUri();
        if (!ns.isEmpty() && ns != Xml::kServiceBusNs) {
            if (!skipWithWarning(Tr::tr("The element <%1> in namespace %2 was ignored")
                                     .arg(name, ns.toString()))) {
                return false;
            }
            continue;
        }
        const bool isBase = kBase.contains(name);
        const bool isHandle = handles.contains(name);
        const bool isTemplate = templates.contains(name);
        if (!isBase && !isHandle && !isTemplate) {
            if (!skipWithWarning(Tr::tr("The element <%1> is not part of a %2 and was ignored")
                                     .arg(name, kindName))) {
                return false;
            }
            continue;
        }
        if (seen.contains(name)) {
            return fail(at, ErrorCode::DuplicateField,
                        Tr::tr("The element <%1> appears twice in <%2>").arg(name, elementName),
                        name);
        }
        seen.insert(name);

        if (name == headersName) {
            if (!parseHeaders(reg, name))
                return false;
            continue;
        }
        QString text;
        if (!m_xml.readText(&text))
            return false;
        if (name == u"ETag") {
            const auto etag = parseEtagText(text);
            if (!etag) {
                return fail(at, ErrorCode::InvalidValue,
                            Tr::tr("The <ETag> value '%1' is not a whole number").arg(text), name);
            }
            reg.etag = *etag;
            m_descriptionHadEtag = true;
        } else if (name == u"ExpirationTime") {
            if (text.trimmed().isEmpty())
                continue;
            const auto when = parseHubDateTime(text);
            if (!when) {
                return fail(at, ErrorCode::InvalidValue,
                            Tr::tr("The <ExpirationTime> value '%1' is not an ISO 8601 date-time")
                                .arg(text),
                            name);
            }
            reg.expirationTime = *when;
        } else if (name == u"RegistrationId") {
            reg.registrationId = text.trimmed();
        } else if (name == u"Tags") {
            reg.tags = splitTags(text);
            if (reg.tags.join(u',') != text) {
                // The SDKs split on ',' without trimming, so " b" would be another tag there.
                warn(Tr::tr("The <Tags> value '%1' (line %2) has spaces or empty items; they were "
                            "removed, but clients split tags on ',' only: write '%3'")
                         .arg(text, QString::number(at.line), reg.tags.join(u',')));
            }
        } else if (name == u"PushVariables") {
            reg.pushVariables = text;
        } else if (isHandle) {
            if (name != u"SecondaryTileName" && text.trimmed().isEmpty()) {
                return fail(
                    at, ErrorCode::EmptyField,
                    Tr::tr("The handle element <%1> of <%2> is empty").arg(name, elementName),
                    name);
            }
            *handleField(reg, name) = name == u"SecondaryTileName" ? text : text.trimmed();
        } else if (name == u"BodyTemplate") {
            if (text.trimmed().isEmpty()) {
                return fail(at, ErrorCode::EmptyField,
                            Tr::tr("The <BodyTemplate> of <%1> is empty").arg(elementName), name);
            }
            reg.bodyTemplate = text;
        } else if (name == u"TemplateName") {
            reg.templateName = text;
        } else if (name == u"Expiry") {
            reg.expiry = text; // <Expiry i:nil="true"/> reads as empty
        } else if (name == u"Priority") {
            reg.priority = text.trimmed();
        }
    }
    if (m_xml.failed())
        return false;

    for (const QString &required : requiredHandleElements(kind.platform)) {
        if (!seen.contains(required)) {
            return fail(start, ErrorCode::MissingField,
                        Tr::tr("The <%1> has no <%2> element").arg(elementName, required),
                        required);
        }
    }
    if (kind.isTemplate && !seen.contains(u"BodyTemplate"_s)) {
        return fail(
            start, ErrorCode::MissingField,
            Tr::tr("The template registration <%1> has no <BodyTemplate> element").arg(elementName),
            u"BodyTemplate"_s);
    }
    return true;
}

bool Parser::parseHeaders(Registration &reg, const QString &containerName)
{
    const QString itemName = containerName.chopped(1);
    while (m_xml.nextChild()) {
        if (m_xml.stream().name() == itemName) {
            if (!parseHeaderItem(reg, itemName, m_xml.position()))
                return false;
        } else if (!skipWithWarning(Tr::tr("The element <%1> in <%2> was ignored")
                                        .arg(m_xml.stream().name().toString(), containerName))) {
            return false;
        }
    }
    return !m_xml.failed();
}

bool Parser::parseHeaderItem(Registration &reg, const QString &itemName, const Xml::Position &start)
{
    TemplateHeader header;
    bool haveName = false;
    while (m_xml.nextChild()) {
        const QStringView name = m_xml.stream().name();
        if (name == u"Header") {
            haveName = true;
            if (!m_xml.readText(&header.name))
                return false;
            header.name = header.name.trimmed();
        } else if (name == u"Value") {
            if (!m_xml.readText(&header.value))
                return false;
        } else if (!skipWithWarning(Tr::tr("The element <%1> in <%2> was ignored")
                                        .arg(name.toString(), itemName))) {
            return false;
        }
    }
    if (m_xml.failed())
        return false;
    if (!haveName || header.name.trimmed().isEmpty()) {
        return fail(start, ErrorCode::MissingField,
                    Tr::tr("A <%1> has no <Header> name").arg(itemName), itemName);
    }
    reg.headers.append(header);
    return true;
}

bool Parser::parseFeed(RegistrationFeed &feed)
{
    m_tolerateUnknownKind = true;
    int entryNumber = 0;
    while (m_xml.nextChild()) {
        const QStringView name = m_xml.stream().name();
        if (name == u"entry") {
            ++entryNumber;
            Registration reg;
            m_skippedKind.clear();
            m_descriptionHadEtag = false;
            if (!parseEntry(reg)) {
                m_failedEntry = entryNumber;
                return false;
            }
            if (!m_skippedKind.isEmpty()) {
                warn(Tr::tr("Entry %1 was left out: unknown registration kind <%2>")
                         .arg(QString::number(entryNumber), m_skippedKind));
                continue;
            }
            feed.entries.append(std::move(reg));
        } else if (name == u"link") {
            const auto attributes = m_xml.stream().attributes();
            if (attributes.value("rel"_L1) == u"next") {
                feed.nextLink = attributes.value("href"_L1).toString();
                feed.continuationToken = continuationTokenFromHref(feed.nextLink);
            }
            if (!m_xml.skip())
                return false;
        } else if (!m_xml.skip()) {
            return false;
        }
    }
    return !m_xml.failed();
}

/** Checks the body, reads up to its root and lets `read(parser, rootName, value)` parse from
 *  there, then reads on to the end, so that trailing garbage is an error too. */
template<typename T, typename Read>
Result<T> parseDocument(const QByteArray &xml, const QString &document, Read read)
{
    if (const Status body = Xml::checkBody(xml, document); !body)
        return body.error();
    Parser parser(xml, document);
    T value;
    if (!parser.m_xml.enterRoot() || !read(parser, parser.m_xml.stream().name().toString(), value)
        || !parser.m_xml.finish()) {
        return parser.error();
    }
    Result<T> result(std::move(value));
    result.setWarnings(parser.m_warnings);
    return result;
}

// --- writing ---

using RegistrationXml::Shape;
using RegistrationXml::Writer;

void writeDescription(Writer &w, const Registration &reg, Shape shape)
{
    w.openWithMarkup(reg.kindName(), RegistrationXml::descriptionNamespaces());

    // Base part, DataContract orders 1001–1005.
    if (shape == Shape::Response) {
        if (reg.etag > 0)
            w.element(u"ETag", QString::number(reg.etag));
        if (reg.expirationTime.isValid())
            w.element(u"ExpirationTime", hubDateTimeTextWithMs(reg.expirationTime));
        if (!reg.registrationId.isEmpty())
            w.element(u"RegistrationId", reg.registrationId);
    }
    if (!reg.tags.isEmpty())
        w.element(u"Tags", reg.tags.join(u','));
    if (!reg.pushVariables.isEmpty())
        w.element(u"PushVariables", reg.pushVariables);

    // Handle part, 2001…
    switch (reg.platform) {
    case Platform::Windows:
    case Platform::WindowsPhone:
        w.element(u"ChannelUri", reg.handle);
        if (!reg.secondaryTileName.isEmpty())
            w.element(u"SecondaryTileName", reg.secondaryTileName);
        break;
    case Platform::Baidu:
        w.element(u"BaiduUserId", reg.baiduUserId);
        w.element(u"BaiduChannelId", reg.handle);
        break;
    case Platform::Browser:
        w.element(u"Endpoint", reg.handle);
        w.element(u"P256DH", reg.p256dh);
        w.element(u"Auth", reg.auth);
        break;
    default:
        w.element(reg.handleElementName(), reg.handle);
        break;
    }

    // Template part, 3001…
    if (reg.isTemplate) {
        RegistrationXml::writeTemplatePart(
            w, reg.platform,
            {reg.bodyTemplate, reg.expiry, reg.templateName, reg.priority, reg.headers}, shape);
    }
    w.close();
}

void writeEntry(Writer &w, const Registration &reg, const RegistrationXml::EntryUrl &url,
                const QDateTime &fallbackTime, bool standalone)
{
    RegistrationXml::openEntry(w, reg.etag, standalone);
    // What element(u"id", id) and empty(u"link", {rel self, href id}) write, id being the
    // joined URL: the fixed halves come escaped from `url`.
    w.raw("<id>");
    w.raw(url.textBefore);
    w.text(reg.registrationId);
    w.raw(url.textAfter);
    w.raw("</id>");
    w.raw("<title type=\"text\">");
    w.text(reg.registrationId);
    w.raw("</title>");
    const QDateTime published = reg.published.isValid() ? reg.published : fallbackTime;
    const QDateTime updated = reg.updated.isValid() ? reg.updated : fallbackTime;
    w.element(u"published", hubDateTimeText(published));
    w.element(u"updated", hubDateTimeText(updated));
    w.raw("<link rel=\"self\" href=\"");
    w.raw(url.attributeBefore);
    Xml::appendEscapedAttribute(w.bytes, reg.registrationId);
    w.raw(url.attributeAfter);
    w.raw("\"/>");
    w.openWithMarkup(u"content", " type=\"application/xml\"");
    writeDescription(w, reg, Shape::Response);
    w.close();
    w.close();
}

} // namespace

Result<Registration> parseRegistrationEntry(const QByteArray &xml)
{
    return parseDocument<Registration>(
        xml, Tr::tr("registration entry"),
        [](Parser &parser, const QString &rootName, Registration &reg) {
            if (rootName == u"entry")
                return parser.parseEntry(reg);
            if (rootName.endsWith(u"RegistrationDescription"))
                return parser.parseDescriptionElement(reg);
            return parser.m_xml.fail(
                ErrorCode::UnexpectedRoot,
                Tr::tr("Expected an Atom <entry> or a registration description, found <%1>")
                    .arg(rootName),
                rootName);
        });
}

Result<RegistrationFeed> parseRegistrationFeed(const QByteArray &xml)
{
    return parseDocument<RegistrationFeed>(
        xml, Tr::tr("registration feed"),
        [](Parser &parser, const QString &rootName, RegistrationFeed &feed) {
            if (rootName == u"feed")
                return parser.parseFeed(feed);
            return parser.m_xml.fail(
                ErrorCode::UnexpectedRoot,
                Tr::tr("Expected an Atom <feed> of registrations, found <%1>").arg(rootName),
                rootName);
        });
}

QByteArray registrationRequestXml(const Registration &registration)
{
    Writer w;
    w.bytes = R"(<?xml version="1.0" encoding="UTF-8"?>)";
    w.open(u"entry", {{u"xmlns", QString(Xml::kAtomNs)}});
    w.open(u"content", {{u"type", u"application/xml"_s}});
    writeDescription(w, registration, Shape::Request);
    w.close();
    w.close();
    return w.bytes;
}

QByteArray registrationEntryXml(const Registration &registration, const EntryContext &context)
{
    Writer w;
    writeEntry(w, registration,
               RegistrationXml::EntryUrl(context.baseUrl, context.collectionPath, context.query),
               context.now, true);
    return w.bytes;
}

QByteArray registrationFeedXml(const QList<Registration> &registrations, const FeedContext &context)
{
    Writer w;
    RegistrationXml::writeFeedStart(w, context);
    const RegistrationXml::EntryUrl url(context.baseUrl, context.collectionPath, context.query);
    w.bytes.reserve(w.bytes.size() + registrations.size() * 1200);
    for (const Registration &reg : registrations)
        writeEntry(w, reg, url, context.updated, false);
    w.close();
    return w.bytes;
}

QByteArray encodeContinuationToken(const QByteArray &rawToken)
{
    return QUrl::toPercentEncoding(QString::fromLatin1(rawToken));
}

QByteArray decodeContinuationToken(const QByteArray &token)
{
    const auto hasEscape = [](const QByteArray &t) {
        for (qsizetype i = 0; i + 2 < t.size(); ++i) {
            if (t[i] == '%' && std::isxdigit(static_cast<unsigned char>(t[i + 1]))
                && std::isxdigit(static_cast<unsigned char>(t[i + 2]))) {
                return true;
            }
        }
        return false;
    };
    QByteArray t = token.trimmed();
    for (int round = 0; round < 2 && hasEscape(t); ++round)
        t = QByteArray::fromPercentEncoding(t);
    return t;
}

} // namespace Nh
