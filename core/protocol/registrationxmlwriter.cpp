// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocol/registrationxmlwriter.h"

#include "protocol/xmlutil.h"

#include <QStringBuilder>
#include <QStringList>
#include <QUrl>
#include <algorithm>
#include <cstring>

using namespace Qt::Literals::StringLiterals;

namespace Nh::RegistrationXml {

namespace {

/** Printable ASCII other than & < > " is written as is by every escaping: no copies. */
bool isPlain(QStringView text)
{
    const char16_t *chars = text.utf16();
    return std::all_of(chars, chars + text.size(), [](char16_t u) {
        return u >= 0x20 && u <= 0x7e && u != u'&' && u != u'<' && u != u'>' && u != u'"';
    });
}

/** A name as it is (names are ASCII; anything else in UTF-8). */
void appendPlain(QByteArray &out, QStringView text)
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

void writeHeaders(Writer &w, Platform platform, const QList<TemplateHeader> &headers, Shape shape)
{
    const QString container = registrationHeadersElementName(platform);
    // The service writes an empty <ApnsHeaders/>; a request leaves it out.
    if (headers.isEmpty()) {
        if (shape == Shape::Response)
            w.empty(container);
        return;
    }
    const QString item = container.chopped(1);
    w.open(container);
    for (const TemplateHeader &h : headers) {
        w.open(item);
        w.element(u"Header", h.name);
        w.element(u"Value", h.value);
        w.close();
    }
    w.close();
}

} // namespace

void Writer::raw(QByteArrayView piece)
{
    if (piece.isEmpty()) // an empty view may have no data: memcpy must not see null
        return;
    const qsizetype at = bytes.size();
    bytes.resize(at + piece.size());
    std::memcpy(bytes.data() + at, piece.data(), size_t(piece.size()));
}

void Writer::text(QStringView text)
{
    Xml::appendEscapedText(bytes, text, Xml::TextEscaping::Service);
}

void Writer::utf8Text(QByteArrayView utf8)
{
    Xml::appendEscapedUtf8Text(bytes, utf8, Xml::TextEscaping::Service);
}

void Writer::open(QStringView name, Attributes attributes)
{
    startTag(name, attributes);
    bytes += '>';
    const qsizetype before = m_names.size();
    appendPlain(m_names, name);
    m_open.append(m_names.size() - before);
}

void Writer::openWithMarkup(QStringView name, QByteArrayView attributes)
{
    bytes += '<';
    appendPlain(bytes, name);
    raw(attributes);
    bytes += '>';
    const qsizetype before = m_names.size();
    appendPlain(m_names, name);
    m_open.append(m_names.size() - before);
}

void Writer::close()
{
    const qsizetype length = m_open.takeLast();
    raw("</");
    raw(QByteArrayView(m_names.constData() + m_names.size() - length, length));
    bytes += '>';
    m_names.chop(length);
}

void Writer::empty(QStringView name, Attributes attributes)
{
    startTag(name, attributes);
    raw("/>");
}

void Writer::element(QStringView name, QStringView text, Attributes attributes)
{
    startTag(name, attributes);
    bytes += '>';
    this->text(text);
    raw("</");
    appendPlain(bytes, name);
    bytes += '>';
}

void Writer::cdata(QStringView text)
{
    bytes += Xml::cdataSection(text).toUtf8();
}

void Writer::startTag(QStringView name, Attributes attributes)
{
    bytes += '<';
    appendPlain(bytes, name);
    for (const auto &[attribute, value] : attributes) {
        bytes += ' ';
        appendPlain(bytes, attribute);
        raw("=\"");
        Xml::appendEscapedAttribute(bytes, value);
        bytes += '"';
    }
}

EntryUrl::EntryUrl(const QString &baseUrl, const QString &collectionPath, const QString &query)
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

void writeFeedStart(Writer &w, const FeedContext &context)
{
    w.open(u"feed", {{u"xmlns", QString(Xml::kAtomNs)}});
    w.element(u"title", u"Registrations", {{u"type", u"text"_s}});
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
}

void openEntry(Writer &w, qint64 etag, bool standalone)
{
    // Attribute order as the service writes it: a:etag, then the namespace declarations. The
    // etag attribute is W/"n" escaped; the namespaces are ASCII without markup characters.
    static const QByteArray kAtom =
        " xmlns=\"" + QByteArray(Xml::kAtomNs.data(), Xml::kAtomNs.size()) + '"';
    static const QByteArray kMetadata = " xmlns:a=\""
        + QByteArray(Xml::kDataServicesMetadataNs.data(), Xml::kDataServicesMetadataNs.size())
        + '"';
    char attributes[256];
    qsizetype n = 0;
    const auto put = [&](QByteArrayView piece) {
        std::memcpy(attributes + n, piece.data(), size_t(piece.size()));
        n += piece.size();
    };
    if (etag > 0) {
        put(" a:etag=\"W/&quot;");
        char digits[24];
        qsizetype d = 0;
        for (qint64 v = etag; v > 0; v /= 10)
            digits[d++] = char('0' + v % 10);
        while (d > 0)
            attributes[n++] = digits[--d];
        put("&quot;\"");
    }
    if (standalone)
        put(kAtom);
    if (etag > 0)
        put(kMetadata);
    w.openWithMarkup(u"entry", QByteArrayView(attributes, n));
}

QByteArrayView descriptionNamespaces()
{
    // The namespaces are ASCII without markup characters: written as they are, once.
    static const QByteArray kNamespaces = " xmlns=\""
        + QByteArray(Xml::kServiceBusNs.data(), Xml::kServiceBusNs.size()) + "\" xmlns:i=\""
        + QByteArray(Xml::kInstanceNs.data(), Xml::kInstanceNs.size()) + '"';
    return kNamespaces;
}

void writeTemplatePart(Writer &w, Platform platform, const TemplateFields &fields, Shape shape)
{
    w.open(u"BodyTemplate");
    w.cdata(fields.bodyTemplate);
    w.close();
    switch (platform) {
    case Platform::Apple:
        if (!fields.expiry.isEmpty())
            w.element(u"Expiry", fields.expiry);
        else if (shape == Shape::Response)
            w.empty(u"Expiry", {{u"i:nil", u"true"_s}});
        if (!fields.templateName.isEmpty())
            w.element(u"TemplateName", fields.templateName);
        if (!fields.priority.isEmpty())
            w.element(u"Priority", fields.priority);
        writeHeaders(w, platform, fields.headers, shape);
        break;
    case Platform::Windows:
    case Platform::WindowsPhone:
        writeHeaders(w, platform, fields.headers, shape);
        if (!fields.templateName.isEmpty())
            w.element(u"TemplateName", fields.templateName);
        break;
    default:
        if (!fields.templateName.isEmpty())
            w.element(u"TemplateName", fields.templateName);
        break;
    }
}

} // namespace Nh::RegistrationXml
