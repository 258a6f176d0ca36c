// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/registration.h"
#include "protocol/registrationfeed.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringView>
#include <initializer_list>
#include <utility>

/**
 * The pieces the registration writers share (docs/protocol.md §7.6): the protocol's own
 * (registrationfeed.cpp: requests, entries, feeds of Registration values) and the emulator's feed
 * written straight from its compact table (emulator/registrationtablefeed.h). Both must write the
 * service's bytes, so what they write alike is written here once.
 */
namespace Nh::RegistrationXml {

/**
 * A minimal one-line XML writer into `bytes`: element and attribute names as they are (ASCII),
 * text and attribute values escaped as the service writes them (Xml::TextEscaping::Service,
 * Xml::escapeAttribute()). QXmlStreamWriter escapes '"' in text as &quot;, the service does not,
 * and the emulator must reproduce the service's bytes.
 */
class Writer
{
public:
    using Attributes = std::initializer_list<std::pair<QStringView, QString>>;

    QByteArray bytes;

    /** Appends bytes that need no escaping: a copy into the grown buffer (QByteArray::append
     *  goes through insert(), which costs more than the copy for these short pieces). */
    void raw(QByteArrayView piece);
    /** Escaped text (character data), from UTF-16 or from UTF-8. */
    void text(QStringView text);
    void utf8Text(QByteArrayView utf8);

    void open(QStringView name, Attributes attributes = {});
    /** open() with the attributes given as markup (` name="value"`…, escaped already). */
    void openWithMarkup(QStringView name, QByteArrayView attributes);
    /** Closes the innermost element open()ed. */
    void close();
    void empty(QStringView name, Attributes attributes = {});
    /** `<name>` escaped text `</name>`. */
    void element(QStringView name, QStringView text, Attributes attributes = {});
    /** `text` as CDATA (Xml::cdataSection()). */
    void cdata(QStringView text);

private:
    void startTag(QStringView name, Attributes attributes);

    /// The names of the open elements, as written, one after the other; m_open: their lengths.
    QByteArray m_names;
    QList<qsizetype> m_open;
};

/** A description written for a client's request (no read-only fields, empty ones left out) or
 *  as the service answers it. */
enum class Shape { Request, Response };

/**
 * An entry's `<id>` and self link, `{base}/{collection}/{id}?{query}`, in two escaped halves
 * around the id: made once for a feed's entries, escaped as text and as an attribute.
 */
struct EntryUrl
{
    QByteArray textBefore, textAfter, attributeBefore, attributeAfter;

    EntryUrl(const QString &baseUrl, const QString &collectionPath, const QString &query);
};

/**
 * Opens `<feed>` and writes its head: title "Registrations", id, updated, a self link with the
 * request query and, when `context.continuationToken` is set, the `rel="next"` link (see
 * registrationFeedXml()). The entries follow; Writer::close() ends the feed.
 */
void writeFeedStart(Writer &w, const FeedContext &context);

/** Opens `<entry>` with the service's attributes: `a:etag` when `etag` > 0, the Atom namespace
 *  when the entry is a document of its own (`standalone`), then the metadata namespace. */
void openEntry(Writer &w, qint64 etag, bool standalone);

/** ` xmlns="…servicebus/connect" xmlns:i="…XMLSchema-instance"`: a description's attributes. */
QByteArrayView descriptionNamespaces();

/** A template registration's template part, viewed (Registration's fields of the same names). */
struct TemplateFields
{
    QStringView bodyTemplate;
    QStringView expiry;
    QStringView templateName;
    QStringView priority;
    const QList<TemplateHeader> &headers;
};

/**
 * The template part of a description, DataContract orders 3001…: Apple BodyTemplate, Expiry,
 * TemplateName, Priority, ApnsHeaders; WNS/MPNS BodyTemplate, *Headers, TemplateName; the others
 * BodyTemplate, TemplateName.
 */
void writeTemplatePart(Writer &w, Platform platform, const TemplateFields &fields, Shape shape);

} // namespace Nh::RegistrationXml
