// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "emulator/registrationtablefeed.h"

#include "protocol/registrationxmlwriter.h"
#include "protocol/xmlutil.h"

#include <array>
#include <utility>
#include <vector>

using namespace Qt::Literals::StringLiterals;

namespace Nh {

namespace {

using RegistrationXml::Writer;
using Extra = RegistrationTable::Extra;
using Record = RegistrationTable::Record;

/** An element's start and end tags, as the protocol writer writes them, made once. */
struct Tags
{
    QByteArray open, close;

    Tags() = default;
    Tags(QStringView name, QByteArrayView attributes)
    {
        open += '<';
        open += name.toUtf8();
        open.append(attributes);
        open += '>';
        close = "</" + name.toUtf8() + '>';
    }
};

/** `<AppleTemplateRegistrationDescription xmlns=… xmlns:i=…>`… of every kind. */
const Tags &descriptionTags(Platform platform, bool isTemplate)
{
    static const auto kKinds = [] {
        std::array<Tags, 2 * kPlatformCount> kinds;
        for (int p = 0; p < kPlatformCount; ++p) {
            for (int t = 0; t < 2; ++t) {
                kinds[size_t(2 * p + t)] = Tags(registrationKindName({Platform(p), t == 1}),
                                                RegistrationXml::descriptionNamespaces());
            }
        }
        return kinds;
    }();
    return kKinds[size_t(2 * int(platform) + (isTemplate ? 1 : 0))];
}

/** `<DeviceToken>`, `<ChannelUri>`… of every platform (registrationHandleElementName()). */
const Tags &handleTags(Platform platform)
{
    static const auto kHandles = [] {
        std::array<Tags, kPlatformCount> handles;
        for (int p = 0; p < kPlatformCount; ++p)
            handles[size_t(p)] = Tags(registrationHandleElementName(Platform(p)), {});
        return handles;
    }();
    return kHandles[size_t(int(platform))];
}

/** What the registration writer writes for a registration that never expires. */
const QByteArray &neverWritten()
{
    static const QByteArray kNever = "<ExpirationTime>"
        + hubDateTimeTextWithMs(Registration::neverExpires()).toUtf8() + "</ExpirationTime>";
    return kNever;
}

void appendNumber(QByteArray &out, qint64 positive)
{
    char digits[24];
    qsizetype n = 0;
    for (qint64 v = positive; v > 0; v /= 10)
        digits[n++] = char('0' + v % 10);
    while (n > 0)
        out += digits[--n];
}

/** One answer's feed: its entries written from the table's records. */
class TableFeedWriter
{
public:
    TableFeedWriter(const RegistrationTable &table, const FeedContext &context,
                    QByteArrayView neverElement)
        : m_table(table)
        , m_url(context.baseUrl, context.collectionPath, context.query)
        , m_fallbackTime(hubDateTimeText(context.updated))
        , m_never(neverElement)
    { }

    void writeEntry(Writer &w, const Record &rec);

private:
    void writeTime(Writer &w, qint64 ms) const;
    void writeDescription(Writer &w, const Record &rec);
    /** The template part, written once per (fields, platform) of an answer. */
    QByteArrayView templatePart(const Record &rec);

    const RegistrationTable &m_table;
    const RegistrationXml::EntryUrl m_url;
    const QString m_fallbackTime;
    const QByteArrayView m_never;
    std::vector<std::pair<std::pair<const Extra *, Platform>, QByteArray>> m_templateParts;
};

void TableFeedWriter::writeTime(Writer &w, qint64 ms) const
{
    if (ms == RegistrationTable::kNoTime)
        w.text(m_fallbackTime);
    else
        appendHubDateTime(w.bytes, ms, false);
}

void TableFeedWriter::writeEntry(Writer &w, const Record &rec)
{
    // As registrationFeedXml() writes an entry (registrationfeed.cpp, writeEntry()).
    RegistrationXml::openEntry(w, rec.etag, false);
    w.raw("<id>");
    w.raw(m_url.textBefore);
    w.utf8Text(rec.id);
    w.raw(m_url.textAfter);
    w.raw("</id><title type=\"text\">");
    w.utf8Text(rec.id);
    w.raw("</title><published>");
    writeTime(w, rec.published);
    w.raw("</published><updated>");
    writeTime(w, rec.updated);
    w.raw("</updated><link rel=\"self\" href=\"");
    w.raw(m_url.attributeBefore);
    Xml::appendEscapedUtf8Attribute(w.bytes, rec.id);
    w.raw(m_url.attributeAfter);
    w.raw("\"/><content type=\"application/xml\">");
    writeDescription(w, rec);
    w.raw("</content>");
    w.close(); // the entry
}

void TableFeedWriter::writeDescription(Writer &w, const Record &rec)
{
    static const Extra kNoExtra;
    static const qint64 kNeverMs = Registration::neverExpires().toMSecsSinceEpoch();
    const Extra &extra = rec.extra ? *rec.extra : kNoExtra;
    const Tags &kind = descriptionTags(rec.platform, rec.isTemplate);
    w.raw(kind.open);

    // Base part, DataContract orders 1001–1005.
    if (rec.etag > 0) {
        w.raw("<ETag>");
        appendNumber(w.bytes, rec.etag);
        w.raw("</ETag>");
    }
    if (rec.expiration == kNeverMs) {
        w.raw(m_never);
    } else if (rec.expiration != RegistrationTable::kNoTime) {
        w.raw("<ExpirationTime>");
        appendHubDateTime(w.bytes, rec.expiration, true);
        w.raw("</ExpirationTime>");
    }
    if (!rec.id.isEmpty()) {
        w.raw("<RegistrationId>");
        w.utf8Text(rec.id);
        w.raw("</RegistrationId>");
    }
    if (rec.tagCount > 0) {
        // Each tag escaped, then joined: what escaping the joined text writes (',' is plain).
        w.raw("<Tags>");
        for (quint16 i = 0; i < rec.tagCount; ++i) {
            if (i > 0)
                w.bytes += ',';
            w.text(m_table.tagName(rec.tags[i]));
        }
        w.raw("</Tags>");
    }
    if (!extra.pushVariables.isEmpty())
        w.element(u"PushVariables", extra.pushVariables);

    // Handle part, 2001…
    const auto writeHandle = [&] {
        const Tags &handle = handleTags(rec.platform);
        w.raw(handle.open);
        w.utf8Text(rec.handle);
        w.raw(handle.close);
    };
    switch (rec.platform) {
    case Platform::Windows:
    case Platform::WindowsPhone:
        writeHandle();
        if (!extra.secondaryTileName.isEmpty())
            w.element(u"SecondaryTileName", extra.secondaryTileName);
        break;
    case Platform::Baidu:
        w.element(u"BaiduUserId", extra.baiduUserId);
        writeHandle();
        break;
    case Platform::Browser:
        writeHandle();
        w.element(u"P256DH", extra.p256dh);
        w.element(u"Auth", extra.auth);
        break;
    default:
        writeHandle();
        break;
    }

    // Template part, 3001…
    if (rec.isTemplate)
        w.raw(templatePart(rec));
    w.raw(kind.close);
}

QByteArrayView TableFeedWriter::templatePart(const Record &rec)
{
    const std::pair<const Extra *, Platform> key {rec.extra.get(), rec.platform};
    for (const auto &[k, bytes] : m_templateParts) {
        if (k == key)
            return bytes;
    }
    static const Extra kNoExtra;
    const Extra &e = rec.extra ? *rec.extra : kNoExtra;
    Writer part;
    RegistrationXml::writeTemplatePart(
        part, rec.platform, {e.bodyTemplate, e.expiry, e.templateName, e.priority, e.headers},
        RegistrationXml::Shape::Response);
    // The listing's answer replaced the never-expiring element wherever it was, a template's
    // CDATA included: so is it here (it cannot span the part's edges, markup around it being
    // escaped).
    part.bytes.replace(neverWritten(), m_never.toByteArray());
    m_templateParts.emplace_back(key, std::move(part.bytes));
    return m_templateParts.back().second;
}

} // namespace

QByteArray registrationTableFeedXml(const RegistrationTable &table,
                                    const QList<RegistrationTable::Slot> &page,
                                    const FeedContext &context, QByteArrayView neverElement)
{
    Writer w;
    w.bytes.reserve(1024 + page.size() * 1200);
    RegistrationXml::writeFeedStart(w, context);
    TableFeedWriter entries(table, context, neverElement);
    for (const RegistrationTable::Slot slot : page)
        entries.writeEntry(w, table.record(slot));
    w.close();
    return w.bytes;
}

} // namespace Nh
