// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "emulator/emulatoroperations.h"
#include "emulator/registrationtablefeed.h"
#include "protocol/registrationfeed.h"
#include "protocol/tagexpression.h"

#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace Nh::EmulatorOps {

namespace {

constexpr int kDefaultTop = 100;
constexpr int kMaxTop = 1000;
constexpr int kMaxRegistrationTags = 60;
/** `application/xml` alone: what the service labels a registration or feed it reads back. */
const QByteArray kPlainXml = QByteArrayLiteral("application/xml");
const QByteArray kNeverWritten =
    QByteArrayLiteral("<ExpirationTime>9999-12-31T23:59:59.9999999</ExpirationTime>");
const QByteArray kNeverRead =
    QByteArrayLiteral("<ExpirationTime>9999-12-31T23:59:59.9999999Z</ExpirationTime>");

/** The service's wording for a bad user tag (docs/protocol.md §3.4, §6.4). */
QString invalidTagText(const QString &tag)
{
    return Tr::tr(
               "An invalid tag(s) '%1' was supplied. Valid tag characters are alphanumeric, _, @, "
               "-, ., : and #.")
        .arg(tag);
}

} // namespace

EmulatorReply createRegistrationId(Context &c)
{
    EmulatorReply r;
    r.status = 201;
    const QString id = EmulatorState::newRegistrationId();
    // As the service answers (docs/protocol.md §7.2): an entry's content type on an empty body,
    // and a Location under `registrationids`, without a query.
    r.headers = {{"Content-Type"_ba, kAtomEntry},
                 {"Location"_ba, (c.hubUrl() + u"/registrationids/"_s + id).toUtf8()},
                 {"Content-Length"_ba, "0"_ba}};
    return r;
}

namespace {

/** Refuses what the service refuses in a registration body; nullopt when acceptable. */
std::optional<QString> registrationProblem(const Registration &reg)
{
    if (reg.tags.size() > kMaxRegistrationTags) {
        return QCoreApplication::translate(
                   "Nh::EmulatorService",
                   "A registration can have at most %1 tags; this one has %2.")
            .arg(kMaxRegistrationTags)
            .arg(reg.tags.size());
    }
    for (const QString &tag : reg.tags) {
        if (tag.startsWith(u'$') && !tag.startsWith(u"$InstallationId:{"_s)
            && !tag.startsWith(u"$UserId:{"_s))
            return QCoreApplication::translate("Nh::EmulatorService", "Tags can not start with $.");
        if (!validateTag(tag, true))
            return invalidTagText(tag);
    }
    if (reg.tags.join(u',').toUtf8().size() > 8000) {
        return QCoreApplication::translate(
                   "Nh::EmulatorService",
                   "Registration Tags serialized size is more than maximum "
                   "supported value. Actual Size: '%1' and Max Allowed Size: '8000'")
            .arg(reg.tags.join(u',').toUtf8().size());
    }
    if (reg.isTemplate && reg.platform == Platform::Windows) {
        const bool hasType =
            std::any_of(reg.headers.cbegin(), reg.headers.cend(), [](const TemplateHeader &h) {
                return h.name.compare(u"X-WNS-Type"_s, Qt::CaseInsensitive) == 0;
            });
        if (!hasType)
            return QCoreApplication::translate(
                "Nh::EmulatorService",
                "The WnsHeaders of a Windows template registration must contain X-WNS-Type.");
    }
    // The template itself, as the service validates it (docs/protocol.md §13.6).
    return EmulatorTemplates::registrationProblem(reg);
}

/** `<ExpirationTime>` of a registration that never expires, as registrationEntryXml() writes it. */
QByteArray neverElement()
{
    return QByteArray("<ExpirationTime>"
                      + hubDateTimeTextWithMs(Registration::neverExpires()).toUtf8()
                      + "</ExpirationTime>");
}

/** Whether an entry answers a write (create, create or update) or a read. */
enum class EntryAnswer { Write, Read };

/**
 * One registration as the service answers it today (docs/protocol.md §7.6): no ETag or
 * Content-Location header (the ETag is the entry's attribute and the description's element).
 * A write's answer is `application/atom+xml;type=entry`, its id and link under `registrations/`
 * and a never-expiring ExpirationTime without a zone; a read's answer is `application/xml`, its
 * id and link under `resources/`, ExpirationTime with `Z`.
 */
EmulatorReply entryReply(const Registration &reg, const QString &hubUrl, const QString &query,
                         const QDateTime &now, EntryAnswer answer)
{
    EmulatorReply r;
    EntryContext ctx;
    ctx.baseUrl = hubUrl;
    ctx.query = query;
    ctx.now = now;
    ctx.collectionPath = answer == EntryAnswer::Write ? u"registrations"_s : u"resources"_s;
    r.headers = {{"Content-Type"_ba, answer == EntryAnswer::Write ? kAtomEntry : kPlainXml}};
    r.body = registrationEntryXml(reg, ctx);
    if (reg.expirationTime == Registration::neverExpires()) {
        r.body.replace(neverElement(), answer == EntryAnswer::Write ? kNeverWritten : kNeverRead);
    }
    return r;
}

/** The service answers Apple device tokens upper-cased (docs/protocol.md §7.6). */
void normaliseHandle(Registration &reg)
{
    if (reg.platform == Platform::Apple)
        reg.handle = reg.handle.toUpper();
}

} // namespace

EmulatorReply createRegistration(Context &c)
{
    auto parsed = parseRegistrationEntry(c.request.body);
    if (!parsed)
        return c.error(400, Tr::tr("The registration is invalid: %1").arg(parsed.error().message));
    Registration reg = *parsed;
    if (auto problem = registrationProblem(reg))
        return c.error(400, *problem);
    normaliseHandle(reg);
    reg.registrationId = EmulatorState::newRegistrationId();
    reg.etag = 1;
    reg.expirationTime = Registration::neverExpires();
    reg.published = c.now;
    reg.updated = c.now;
    c.state->putRegistration(*c.hub, reg);
    return entryReply(reg, c.hubUrl(), c.request.url.query(QUrl::FullyEncoded), c.now,
                      EntryAnswer::Write);
}

EmulatorReply putRegistration(Context &c, const QString &id)
{
    static const QRegularExpression kIdShape(u"^-?[0-9]+-[0-9]+-[0-9]+$"_s);
    if (!kIdShape.match(id).hasMatch())
        return c.error(410,
                       Tr::tr("The registration id '%1' cannot be used: ids have the form "
                              "<number>-<number>-<number>, as returned by registrationIDs.")
                           .arg(id));
    auto parsed = parseRegistrationEntry(c.request.body);
    if (!parsed)
        return c.error(400, Tr::tr("The registration is invalid: %1").arg(parsed.error().message));
    Registration reg = *parsed;
    if (!reg.registrationId.isEmpty() && reg.registrationId != id) {
        return c.error(400,
                       Tr::tr("The registration id in the body ('%1') differs from the one in the "
                              "URL ('%2').")
                           .arg(reg.registrationId, id));
    }
    if (auto problem = registrationProblem(reg))
        return c.error(400, *problem);
    const auto existing = c.hub->registrations.value(id);
    const bool exists = existing.has_value();
    if (c.hasHeader("If-Match")) {
        const auto wanted = parseEtag(c.header("If-Match"));
        if (!wanted)
            return c.error(400,
                           Tr::tr("The If-Match header '%1' is not an ETag.")
                               .arg(QString::fromUtf8(c.header("If-Match"))));
        if (!exists)
            return c.error(
                412,
                Tr::tr("The registration '%1' does not exist, so If-Match cannot match.").arg(id));
        if (*wanted != 0 && *wanted != existing->etag) {
            return c.error(412,
                           Tr::tr("The ETag in If-Match (%1) does not match the registration's "
                                  "current ETag (%2).")
                               .arg(*wanted)
                               .arg(existing->etag));
        }
    }
    normaliseHandle(reg);
    reg.registrationId = id;
    reg.etag = exists ? existing->etag + 1 : 1;
    reg.expirationTime = Registration::neverExpires();
    reg.published = exists ? existing->published : c.now;
    reg.updated = c.now;
    c.state->putRegistration(*c.hub, reg);
    return entryReply(reg, c.hubUrl(), c.request.url.query(QUrl::FullyEncoded), c.now,
                      EntryAnswer::Write);
}

EmulatorReply getRegistration(Context &c, const QString &id)
{
    const auto found = c.hub->registrations.value(id);
    if (!found)
        return c.error(404, Tr::tr("The registration '%1' was not found.").arg(id));
    return entryReply(*found, c.hubUrl(), c.request.url.query(QUrl::FullyEncoded), c.now,
                      EntryAnswer::Read);
}

EmulatorReply deleteRegistration(Context &c, const QString &id)
{
    const auto it = c.hub->registrations.value(id);
    if (!it)
        return c.error(404, Tr::tr("The registration '%1' was not found.").arg(id));
    if (c.hasHeader("If-Match")) {
        const auto wanted = parseEtag(c.header("If-Match"));
        if (!wanted)
            return c.error(400,
                           Tr::tr("The If-Match header '%1' is not an ETag.")
                               .arg(QString::fromUtf8(c.header("If-Match"))));
        if (*wanted != 0 && *wanted != it->etag) {
            return c.error(412,
                           Tr::tr("The ETag in If-Match (%1) does not match the registration's "
                                  "current ETag (%2).")
                               .arg(*wanted)
                               .arg(it->etag));
        }
    }
    c.state->removeRegistration(*c.hub, id);
    EmulatorReply r;
    r.headers = {{"Content-Length"_ba, "0"_ba}};
    return r;
}

namespace {

/** One `Field eq 'value'` condition of a $filter (docs/protocol.md §9.3, docs/protocol.md §7.4). */
struct FilterTerm
{
    QString field;
    QString value;
};

std::optional<QList<FilterTerm>> parseFilter(const QString &filter, QString *problem)
{
    static const QRegularExpression kTerm(uR"(^\s*([A-Za-z0-9]+)\s+eq\s+'((?:[^']|'')*)'\s*$)"_s);
    // Static, as kTerm: compiling the pattern (JIT) cost more than the rest of a listing.
    static const QRegularExpression kAnd(u"\\s+and\\s+"_s,
                                         QRegularExpression::CaseInsensitiveOption);
    QList<FilterTerm> terms;
    const QStringList parts = filter.split(kAnd);
    for (const QString &part : parts) {
        const auto m = kTerm.match(part);
        if (!m.hasMatch()) {
            *problem =
                QCoreApplication::translate("Nh::EmulatorService",
                                            "The $filter condition \"%1\" is not of the form "
                                            "Field eq 'value'.")
                    .arg(part.trimmed());
            return std::nullopt;
        }
        terms.append({m.captured(1), m.captured(2).replace(u"''"_s, u"'"_s)});
    }
    return terms;
}

bool sameValue(const QString &stored, const QString &wanted, Qt::CaseSensitivity cs)
{
    // Clients encode channel URIs once more than the query needs (JS encodeURIComponent).
    return stored.compare(wanted, cs) == 0
        || stored.compare(QUrl::fromPercentEncoding(wanted.toUtf8()), cs) == 0;
}

bool matchesFilter(const Registration &r, const QList<FilterTerm> &terms, QString *problem)
{
    for (const FilterTerm &t : terms) {
        const QString f = t.field.toLower();
        bool ok = false;
        if (f == u"channeluri") // any handle, as the service treats it (docs/protocol.md §7.4)
            ok = sameValue(r.handle, t.value, Qt::CaseInsensitive);
        else if (f == u"devicetoken")
            ok = r.platform == Platform::Apple && sameValue(r.handle, t.value, Qt::CaseInsensitive);
        else if (f == u"gcmregistrationid")
            ok = r.platform == Platform::Gcm && sameValue(r.handle, t.value, Qt::CaseSensitive);
        else if (f == u"fcmv1registrationid")
            ok = r.platform == Platform::FcmV1 && sameValue(r.handle, t.value, Qt::CaseSensitive);
        else if (f == u"admregistrationid")
            ok = r.platform == Platform::Adm && sameValue(r.handle, t.value, Qt::CaseSensitive);
        else if (f == u"xiaomiregistrationid")
            ok = r.platform == Platform::Xiaomi && sameValue(r.handle, t.value, Qt::CaseSensitive);
        else if (f == u"baiduchannelid")
            ok = r.platform == Platform::Baidu && sameValue(r.handle, t.value, Qt::CaseSensitive);
        else if (f == u"baiduuserid")
            ok = r.platform == Platform::Baidu
                && sameValue(r.baiduUserId, t.value, Qt::CaseSensitive);
        else if (f == u"endpoint")
            ok = r.platform == Platform::Browser && sameValue(r.handle, t.value, Qt::CaseSensitive);
        else if (f == u"p256dh")
            ok = r.platform == Platform::Browser && sameValue(r.p256dh, t.value, Qt::CaseSensitive);
        else if (f == u"auth")
            ok = r.platform == Platform::Browser && sameValue(r.auth, t.value, Qt::CaseSensitive);
        else {
            *problem = QCoreApplication::translate("Nh::EmulatorService",
                                                   "The $filter field '%1' is not supported.")
                           .arg(t.field);
            return false;
        }
        if (!ok)
            return false;
    }
    return true;
}

/** Fields that name the handle itself, which the channel index finds. */
bool isHandleField(const QString &field)
{
    static const QStringList kFields {u"channeluri"_s,        u"devicetoken"_s,
                                      u"gcmregistrationid"_s, u"fcmv1registrationid"_s,
                                      u"admregistrationid"_s, u"xiaomiregistrationid"_s,
                                      u"baiduchannelid"_s,    u"endpoint"_s};
    return kFields.contains(field.toLower());
}

} // namespace

EmulatorReply listRegistrations(Context &c, const QString &tag)
{
    int top = kDefaultTop;
    if (c.query.contains(u"$top"_s)) {
        bool ok = false;
        top = c.query.value(u"$top"_s).toInt(&ok);
        if (!ok || top < 1)
            return c.error(
                400,
                Tr::tr("$top must be a positive number, not '%1'.").arg(c.query.value(u"$top"_s)));
        top = std::min(top, kMaxTop);
    }
    QList<FilterTerm> terms;
    if (c.query.contains(u"$filter"_s)) {
        QString problem;
        auto parsed = parseFilter(c.query.value(u"$filter"_s), &problem);
        if (!parsed)
            return c.error(400, problem);
        terms = *parsed;
    }
    // The token is the id of the last registration of the previous page, in base64.
    QString after;
    if (c.query.contains(u"continuationtoken"_s)) {
        const QByteArray raw =
            decodeContinuationToken(c.query.value(u"continuationtoken"_s).toUtf8());
        after = QString::fromUtf8(QByteArray::fromBase64(raw));
    }
    // From the indexes (docs/architecture.md, "The emulator's storage and indexes"): by tag, by
    // channel when the filter names one, else every registration; always in id order, so the token
    // stays valid across writes.
    const RegistrationTable &table = c.hub->registrations;
    const QByteArray afterId = after.toUtf8();
    std::optional<RegistrationTable::Cursor> cursor;
    QList<RegistrationTable::Slot> byChannel;
    qsizetype channelAt = 0;
    bool useChannel = false;
    if (tag.isEmpty()) {
        for (const FilterTerm &t : std::as_const(terms)) {
            if (!isHandleField(t.field))
                continue;
            // The handle as given and percent-decoded (see sameValue()); matchesFilter() decides.
            QList<RegistrationTable::Slot> matching = table.withHandle(t.value);
            const QString decoded = QUrl::fromPercentEncoding(t.value.toUtf8());
            if (decoded != t.value)
                matching += table.withHandle(decoded);
            std::sort(matching.begin(), matching.end(), RegistrationTable::IdLess {&table});
            matching.erase(std::unique(matching.begin(), matching.end()), matching.end());
            matching.removeIf([&](RegistrationTable::Slot s) {
                return !afterId.isEmpty() && table.idBytes(s) <= afterId;
            });
            byChannel = matching;
            useChannel = true;
            break;
        }
    }
    if (!useChannel)
        cursor.emplace(tag.isEmpty() ? table.all(afterId) : table.withTag(tag, afterId));
    const auto nextSlot = [&]() -> std::optional<RegistrationTable::Slot> {
        if (useChannel) {
            if (channelAt >= byChannel.size())
                return std::nullopt;
            return byChannel.at(channelAt++);
        }
        return cursor->next();
    };
    // The page as slots: its feed is written from the records (registrationtablefeed.h).
    QList<RegistrationTable::Slot> page;
    bool more = false;
    while (const auto slot = nextSlot()) {
        if (!terms.isEmpty()) {
            QString problem;
            const bool match = matchesFilter(table.registration(*slot), terms, &problem);
            if (!problem.isEmpty())
                return c.error(400, problem);
            if (!match)
                continue;
        }
        if (page.size() == top) {
            more = true;
            break;
        }
        page.append(*slot);
    }
    FeedContext ctx;
    ctx.baseUrl = c.hubUrl();
    // The service names every feed, by tag or not, `{hub}/resources`, and labels it
    // application/xml (docs/protocol.md §7.6).
    ctx.collectionPath = u"resources"_s;
    ctx.query = c.request.url.query(QUrl::FullyEncoded);
    ctx.updated = c.now;
    EmulatorReply r;
    r.headers = {{"Content-Type"_ba, kPlainXml}};
    if (more) {
        ctx.continuationToken = table.idBytes(page.constLast()).toBase64();
        r.headers.append(
            {"x-ms-continuationtoken"_ba, encodeContinuationToken(ctx.continuationToken)});
    }
    r.body = registrationTableFeedXml(table, page, ctx, kNeverRead);
    return r;
}

} // namespace Nh::EmulatorOps
