// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocol/registrationfeed.h"

#include "protocol/xmlutil.h"

#include <QCoreApplication>
#include <QSet>
#include <QUrl>
#include <QXmlStreamReader>
#include <cctype>
#include <cstring>
#include <initializer_list>
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

// A minimal XML writer: QXmlStreamWriter escapes '"' in text as &quot;, the service does not,
// and the emulator must reproduce the service's bytes (docs/protocol.md §7.6).
class XmlOut
{
public:
    QByteArray bytes;

    /** Appends bytes that need no escaping: a copy into the grown buffer (QByteArray::append
     *  goes through insert(), which costs more than the copy for these short pieces). */
    void raw(QByteArrayView piece)
    {
        if (piece.isEmpty()) // an empty view may have no data: memcpy must not see null
            return;
        const qsizetype at = bytes.size();
        bytes.resize(at + piece.size());
        std::memcpy(bytes.data() + at, piece.data(), size_t(piece.size()));
    }

    void open(QStringView name,
              std::initializer_list<std::pair<QStringView, QString>> attributes = {})
    {
        startTag(name, attributes);
        bytes += '>';
        const qsizetype before = m_names.size();
        appendPlain(m_names, name);
        m_open.append(m_names.size() - before);
    }
    /** open() with the attributes given as markup (` name="value"`…, escaped already). */
    void openWithMarkup(QStringView name, QByteArrayView attributes)
    {
        bytes += '<';
        appendPlain(bytes, name);
        raw(attributes);
        bytes += '>';
        const qsizetype before = m_names.size();
        appendPlain(m_names, name);
        m_open.append(m_names.size() - before);
    }
    void close()
    {
        const qsizetype length = m_open.takeLast();
        raw("</");
        raw(QByteArrayView(m_names.constData() + m_names.size() - length, length));
        bytes += '>';
        m_names.chop(length);
    }
    void empty(QStringView name,
               std::initializer_list<std::pair<QStringView, QString>> attributes = {})
    {
        startTag(name, attributes);
        raw("/>");
    }
    void element(QStringView name, const QString &text,
                 std::initializer_list<std::pair<QStringView, QString>> attributes = {})
    {
        startTag(name, attributes);
        bytes += '>';
        appendEscaped(bytes, text, false);
        raw("</");
        appendPlain(bytes, name);
        bytes += '>';
    }
    void cdata(const QString &text) { bytes += Xml::cdataSection(text).toUtf8(); }

private:
    /// The names of the open elements, as written, one after the other; m_open: their lengths.
    QByteArray m_names;
    QList<qsizetype> m_open;

    /** Printable ASCII other than & < > " is written as is by every escaping: no copies. */
    static bool isPlain(QStringView text)
    {
        const char16_t *chars = text.utf16();
        return std::all_of(chars, chars + text.size(), [](char16_t u) {
            return u >= 0x20 && u <= 0x7e && u != u'&' && u != u'<' && u != u'>' && u != u'"';
        });
    }
    static void appendPlain(QByteArray &out, QStringView text)
    {
        if (!isPlain(text)) {
            out += text.toUtf8();
            return;
        }
        const qsizetype at = out.size();
        out.resize(at + text.size());
        char *p = out.data() + at;
        const char16_t *chars = text.utf16();
        for (qsizetype i = 0; i < text.size(); ++i)
            p[i] = char(chars[i]);
    }
    /** What Xml::escapeText() (Service) or Xml::escapeAttribute() writes, in UTF-8. */
    static void appendEscaped(QByteArray &out, QStringView text, bool attribute)
    {
        if (attribute)
            Xml::appendEscapedAttribute(out, text);
        else
            Xml::appendEscapedText(out, text, Xml::TextEscaping::Service);
    }

    void startTag(QStringView name,
                  std::initializer_list<std::pair<QStringView, QString>> attributes)
    {
        bytes += '<';
        appendPlain(bytes, name);
        for (const auto &[attribute, value] : attributes) {
            bytes += ' ';
            appendPlain(bytes, attribute);
            raw("=\"");
            appendEscaped(bytes, value, true);
            bytes += '"';
        }
    }
};

enum class Shape { Request, Response };

void writeHeaders(XmlOut &w, const Registration &reg, Shape shape)
{
    const QString container = registrationHeadersElementName(reg.platform);
    // The service writes an empty <ApnsHeaders/>; a request leaves it out.
    if (reg.headers.isEmpty()) {
        if (shape == Shape::Response)
            w.empty(container);
        return;
    }
    const QString item = container.chopped(1);
    w.open(container);
    for (const TemplateHeader &h : reg.headers) {
        w.open(item);
        w.element(u"Header", h.name);
        w.element(u"Value", h.value);
        w.close();
    }
    w.close();
}

void writeDescription(XmlOut &w, const Registration &reg, Shape shape)
{
    // The namespaces are ASCII without markup characters: written as they are, once.
    static const QByteArray kNamespaces = " xmlns=\""
        + QByteArray(Xml::kServiceBusNs.data(), Xml::kServiceBusNs.size()) + "\" xmlns:i=\""
        + QByteArray(Xml::kInstanceNs.data(), Xml::kInstanceNs.size()) + '"';
    w.openWithMarkup(reg.kindName(), kNamespaces);

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

    // Template part, 3001…: Apple BodyTemplate, Expiry, TemplateName, Priority, ApnsHeaders;
    // WNS/MPNS BodyTemplate, *Headers, TemplateName; the others BodyTemplate, TemplateName.
    if (reg.isTemplate) {
        w.open(u"BodyTemplate");
        w.cdata(reg.bodyTemplate);
        w.close();
        switch (reg.platform) {
        case Platform::Apple:
            if (!reg.expiry.isEmpty())
                w.element(u"Expiry", reg.expiry);
            else if (shape == Shape::Response)
                w.empty(u"Expiry", {{u"i:nil", u"true"_s}});
            if (!reg.templateName.isEmpty())
                w.element(u"TemplateName", reg.templateName);
            if (!reg.priority.isEmpty())
                w.element(u"Priority", reg.priority);
            writeHeaders(w, reg, shape);
            break;
        case Platform::Windows:
        case Platform::WindowsPhone:
            writeHeaders(w, reg, shape);
            if (!reg.templateName.isEmpty())
                w.element(u"TemplateName", reg.templateName);
            break;
        default:
            if (!reg.templateName.isEmpty())
                w.element(u"TemplateName", reg.templateName);
            break;
        }
    }
    w.close();
}

QString joinUrl(const QString &baseUrl, const QString &path, const QString &query)
{
    QString url = baseUrl;
    while (url.endsWith(u'/'))
        url.chop(1);
    url += u'/' % path;
    if (!query.isEmpty())
        url += u'?' % query;
    return url;
}

/**
 * An entry's `<id>` and self link, `joinUrl(base, collection + '/' + id, query)`, in two escaped
 * halves around the id: made once for a feed's entries, escaped as text and as an attribute.
 */
struct EntryUrl
{
    QByteArray textBefore, textAfter, attributeBefore, attributeAfter;

    EntryUrl(const QString &baseUrl, const QString &collectionPath, const QString &query)
    {
        QString before = baseUrl;
        while (before.endsWith(u'/'))
            before.chop(1);
        before += u'/' % collectionPath % u'/';
        const QString after = query.isEmpty() ? QString() : u'?' % query;
        Xml::appendEscapedText(textBefore, before, Xml::TextEscaping::Service);
        Xml::appendEscapedText(textAfter, after, Xml::TextEscaping::Service);
        Xml::appendEscapedAttribute(attributeBefore, before);
        Xml::appendEscapedAttribute(attributeAfter, after);
    }
};

void writeEntry(XmlOut &w, const Registration &reg, const EntryUrl &url,
                const QDateTime &fallbackTime, bool standalone)
{
    // Attribute order as the service writes it: a:etag, then the namespace declarations. The
    // etag attribute is W/"n" escaped; the namespaces are ASCII without markup characters.
    QByteArray attributes;
    if (reg.etag > 0)
        attributes += " a:etag=\"W/&quot;" + QByteArray::number(reg.etag) + "&quot;\"";
    if (standalone)
        attributes += " xmlns=\"" + QByteArray(Xml::kAtomNs.data(), Xml::kAtomNs.size()) + '"';
    if (reg.etag > 0)
        attributes += " xmlns:a=\""
            + QByteArray(Xml::kDataServicesMetadataNs.data(), Xml::kDataServicesMetadataNs.size())
            + '"';
    w.openWithMarkup(u"entry", attributes);

    // What element(u"id", id) and empty(u"link", {rel self, href id}) write, id being the
    // joined URL: the fixed halves come escaped from `url`.
    w.raw("<id>");
    w.raw(url.textBefore);
    Xml::appendEscapedText(w.bytes, reg.registrationId, Xml::TextEscaping::Service);
    w.raw(url.textAfter);
    w.raw("</id>");
    w.raw("<title type=\"text\">");
    Xml::appendEscapedText(w.bytes, reg.registrationId, Xml::TextEscaping::Service);
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

QString nextLinkQuery(const QString &query, const QByteArray &rawToken)
{
    QStringList parts;
    for (const QStringView part : QStringView(query).split(u'&', Qt::SkipEmptyParts)) {
        const qsizetype eq = part.indexOf(u'=');
        const auto decode = [](QStringView s) {
            QByteArray bytes = s.toUtf8();
            bytes.replace('+', ' ');
            return QByteArray::fromPercentEncoding(bytes);
        };
        const QByteArray name = decode(eq < 0 ? part : part.first(eq));
        if (name.compare("continuationtoken", Qt::CaseInsensitive) == 0)
            continue;
        QByteArray encoded = QUrl::toPercentEncoding(QString::fromUtf8(name));
        if (eq >= 0)
            encoded +=
                '=' + QUrl::toPercentEncoding(QString::fromUtf8(decode(part.sliced(eq + 1))));
        parts.append(QString::fromLatin1(encoded));
    }
    // The link carries the header form encoded once more (…%253D%253D), as the service's does.
    parts.append(u"continuationtoken="_s
                 % QString::fromLatin1(QUrl::toPercentEncoding(
                     QString::fromLatin1(encodeContinuationToken(rawToken)))));
    return parts.join(u'&');
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
    XmlOut w;
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
    XmlOut w;
    writeEntry(w, registration, EntryUrl(context.baseUrl, context.collectionPath, context.query),
               context.now, true);
    return w.bytes;
}

QByteArray registrationFeedXml(const QList<Registration> &registrations, const FeedContext &context)
{
    XmlOut w;
    w.open(u"feed", {{u"xmlns", QString(Xml::kAtomNs)}});
    w.element(u"title", u"Registrations"_s, {{u"type", u"text"_s}});
    const QString self = joinUrl(context.baseUrl, context.collectionPath, context.query);
    w.element(u"id", self);
    w.element(u"updated", hubDateTimeText(context.updated));
    w.empty(u"link", {{u"rel", u"self"_s}, {u"href", self}});
    if (!context.continuationToken.isEmpty()) {
        w.empty(u"link",
                {{u"rel", u"next"_s},
                 {u"href",
                  joinUrl(context.baseUrl, context.collectionPath,
                          nextLinkQuery(context.query, context.continuationToken))}});
    }
    const EntryUrl url(context.baseUrl, context.collectionPath, context.query);
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
