// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "emulator/registrationtable.h"

#include "protocol/tagexpression.h"

#include <QSet>
#include <limits>

using namespace Qt::Literals::StringLiterals;

namespace Nh {

namespace {

constexpr qint64 kNoTime = std::numeric_limits<qint64>::min();

qint64 msecs(const QDateTime &t)
{
    return t.isValid() ? t.toMSecsSinceEpoch() : kNoTime;
}

QDateTime dateTime(qint64 ms)
{
    return ms == kNoTime ? QDateTime() : QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

} // namespace

bool RegistrationTable::IdLess::operator()(Slot a, Slot b) const
{
    return table->m_records[a].id < table->m_records[b].id;
}

bool RegistrationTable::IdLess::operator()(Slot a, QByteArrayView b) const
{
    return QByteArrayView(table->m_records[a].id) < b;
}

bool RegistrationTable::IdLess::operator()(QByteArrayView a, Slot b) const
{
    return a < QByteArrayView(table->m_records[b].id);
}

RegistrationTable::RegistrationTable()
    : m_byId(IdLess {this})
    , m_byClass {SlotSet(IdLess {this}), SlotSet(IdLess {this}), SlotSet(IdLess {this}),
                 SlotSet(IdLess {this}), SlotSet(IdLess {this}), SlotSet(IdLess {this}),
                 SlotSet(IdLess {this}), SlotSet(IdLess {this}), SlotSet(IdLess {this}),
                 SlotSet(IdLess {this})}
{ }

RegistrationTable::~RegistrationTable() = default;

int RegistrationTable::classOf(Platform platform, bool isTemplate)
{
    if (isTemplate)
        return kTemplateClass;
    const int p = int(platform);
    Q_ASSERT(p >= 0 && p < kTemplateClass);
    return p;
}

quint32 RegistrationTable::internTag(const QString &tag)
{
    if (const auto it = m_tagIds.constFind(tag); it != m_tagIds.cend())
        return *it;
    const QString folded = tag.toCaseFolded();
    quint32 key = 0;
    if (const auto k = m_keyIds.constFind(folded); k != m_keyIds.cend()) {
        key = *k;
    } else {
        key = quint32(m_postings.size());
        m_postings.emplace_back(IdLess {this});
        m_keyIds.insert(folded, key);
    }
    const auto id = quint32(m_tagNames.size());
    m_tagNames.append(tag);
    m_tagKey.push_back(key);
    m_tagIds.insert(tag, id);
    return id;
}

quint32 RegistrationTable::internInstallation(const QString &id)
{
    if (id.isEmpty())
        return 0;
    if (const auto it = m_installationIds.constFind(id); it != m_installationIds.cend())
        return *it + 1;
    const auto i = quint32(m_installationNames.size());
    m_installationNames.append(id);
    m_installationIds.insert(id, i);
    return i + 1;
}

std::shared_ptr<const RegistrationTable::Extra> RegistrationTable::internExtra(Extra extra)
{
    if (extra == Extra())
        return {};
    // Templates repeat across registrations; keys and variables are per device.
    const bool shareable = extra.p256dh.isEmpty() && extra.auth.isEmpty()
        && extra.pushVariables.isEmpty() && extra.baiduUserId.isEmpty()
        && extra.secondaryTileName.isEmpty();
    if (!shareable)
        return std::make_shared<const Extra>(std::move(extra));
    size_t h = qHashMulti(0, extra.bodyTemplate, extra.templateName, extra.expiry, extra.priority);
    for (const TemplateHeader &header : std::as_const(extra.headers))
        h = qHashMulti(h, header.name, header.value);
    if (auto it = m_extras.find(h); it != m_extras.end()) {
        if (*it && **it == extra)
            return *it;
        auto made = std::make_shared<const Extra>(std::move(extra));
        return made; // a collision: not shared
    }
    auto made = std::make_shared<const Extra>(std::move(extra));
    m_extras.insert(h, made);
    return made;
}

quint32 RegistrationTable::hashHandle(const QString &handle)
{
    return quint32(qHash(handle.toCaseFolded()));
}

std::optional<RegistrationTable::Slot> RegistrationTable::find(const QString &id) const
{
    const QByteArray key = id.toUtf8();
    const auto it = m_byId.find(QByteArrayView(key));
    if (it == m_byId.end())
        return std::nullopt;
    return *it;
}

Registration RegistrationTable::at(const QString &id) const
{
    const auto slot = find(id);
    Q_ASSERT(slot);
    return slot ? registration(*slot) : Registration();
}

std::optional<Registration> RegistrationTable::value(const QString &id) const
{
    const auto slot = find(id);
    if (!slot)
        return std::nullopt;
    return registration(*slot);
}

QString RegistrationTable::installationOf(const QString &id) const
{
    const auto slot = find(id);
    if (!slot || m_records[*slot].installation == 0)
        return {};
    return m_installationNames.at(m_records[*slot].installation - 1);
}

QStringList RegistrationTable::idsOfInstallation(const QString &installationId) const
{
    QStringList out;
    const auto i = m_installationIds.constFind(installationId);
    if (i == m_installationIds.cend())
        return out;
    const auto it = m_byInstallation.find(*i + 1);
    if (it == m_byInstallation.end())
        return out;
    for (Slot s : it->second)
        out << id(s);
    return out;
}

Registration RegistrationTable::registration(Slot slot) const
{
    const Record &rec = m_records[slot];
    Registration r;
    r.platform = rec.platform;
    r.isTemplate = rec.isTemplate;
    r.registrationId = QString::fromUtf8(rec.id);
    r.etag = rec.etag;
    r.expirationTime = dateTime(rec.expiration);
    r.tags.reserve(qsizetype(rec.tags.size()));
    for (quint32 t : rec.tags)
        r.tags.append(m_tagNames.at(t));
    r.handle = QString::fromUtf8(rec.handle);
    if (rec.extra) {
        const Extra &e = *rec.extra;
        r.pushVariables = e.pushVariables;
        r.secondaryTileName = e.secondaryTileName;
        r.baiduUserId = e.baiduUserId;
        r.p256dh = e.p256dh;
        r.auth = e.auth;
        r.bodyTemplate = e.bodyTemplate;
        r.templateName = e.templateName;
        r.expiry = e.expiry;
        r.priority = e.priority;
        r.headers = e.headers;
    }
    r.published = dateTime(rec.published);
    r.updated = dateTime(rec.updated);
    return r;
}

QString RegistrationTable::id(Slot slot) const
{
    return QString::fromUtf8(m_records[slot].id);
}

QString RegistrationTable::handle(Slot slot) const
{
    return QString::fromUtf8(m_records[slot].handle);
}

QSet<QString> RegistrationTable::tagSet(Slot slot) const
{
    QSet<QString> out;
    const Record &rec = m_records[slot];
    out.reserve(qsizetype(rec.tags.size()));
    for (quint32 t : rec.tags)
        out.insert(m_tagNames.at(t));
    return out;
}

void RegistrationTable::link(Slot slot)
{
    const Record &rec = m_records[slot];
    m_byId.insert(slot);
    m_byClass[classOf(rec.platform, rec.isTemplate)].insert(slot);
    for (quint32 t : rec.tags)
        m_postings[m_tagKey[t]].insert(slot);
    if (rec.installation)
        m_byInstallation[rec.installation].push_back(slot);
    m_byHandle.emplace(rec.handleHash, slot);
}

void RegistrationTable::unlink(Slot slot)
{
    Record &rec = m_records[slot];
    m_byId.erase(slot);
    m_byClass[classOf(rec.platform, rec.isTemplate)].erase(slot);
    for (quint32 t : rec.tags)
        m_postings[m_tagKey[t]].erase(slot);
    if (rec.installation) {
        auto it = m_byInstallation.find(rec.installation);
        if (it != m_byInstallation.end()) {
            std::erase(it->second, slot);
            if (it->second.empty())
                m_byInstallation.erase(it);
        }
    }
    auto [first, last] = m_byHandle.equal_range(rec.handleHash);
    for (auto it = first; it != last; ++it) {
        if (it->second == slot) {
            m_byHandle.erase(it);
            break;
        }
    }
}

void RegistrationTable::put(const Registration &r, const QString &installationId)
{
    Q_ASSERT(!r.registrationId.isEmpty());
    const auto existing = find(r.registrationId);
    Slot slot = 0;
    if (existing) {
        slot = *existing;
        unlink(slot);
    } else if (!m_free.empty()) {
        slot = m_free.back();
        m_free.pop_back();
    } else {
        slot = Slot(m_records.size());
        m_records.emplace_back();
    }
    Record &rec = m_records[slot];
    rec.id = r.registrationId.toUtf8();
    rec.handle = r.handle.toUtf8();
    rec.handleHash = hashHandle(r.handle);
    rec.tags.clear();
    rec.tags.reserve(size_t(r.tags.size()));
    for (const QString &t : r.tags)
        rec.tags.push_back(internTag(t));
    rec.tags.shrink_to_fit();
    rec.extra = internExtra({r.pushVariables, r.secondaryTileName, r.baiduUserId, r.p256dh, r.auth,
                             r.bodyTemplate, r.templateName, r.expiry, r.priority, r.headers});
    rec.etag = r.etag;
    rec.expiration = msecs(r.expirationTime);
    rec.published = msecs(r.published);
    rec.updated = msecs(r.updated);
    rec.installation = internInstallation(installationId);
    rec.platform = r.platform;
    rec.isTemplate = r.isTemplate;
    rec.live = true;
    link(slot);
}

bool RegistrationTable::erase(const QString &id)
{
    const auto slot = find(id);
    if (!slot)
        return false;
    unlink(*slot);
    m_records[*slot] = Record();
    m_free.push_back(*slot);
    return true;
}

void RegistrationTable::clear()
{
    m_byId.clear();
    for (SlotSet &s : m_byClass)
        s.clear();
    for (SlotSet &s : m_postings)
        s.clear();
    m_byInstallation.clear();
    m_byHandle.clear();
    m_records.clear();
    m_free.clear();
}

const RegistrationTable::SlotSet *RegistrationTable::postings(const QString &tag) const
{
    const auto it = m_keyIds.constFind(tag.toCaseFolded());
    return it == m_keyIds.cend() ? nullptr : &m_postings[*it];
}

qint64 RegistrationTable::tagCount(const QString &tag) const
{
    const SlotSet *p = postings(tag);
    return p ? qint64(p->size()) : 0;
}

qint64 RegistrationTable::classCount(int reachClass) const
{
    return qint64(m_byClass[reachClass].size());
}

RegistrationTable::Cursor::Cursor(const RegistrationTable &table, std::vector<const SlotSet *> sets,
                                  const QByteArray &after)
    : m_table(table)
{
    for (const SlotSet *s : sets) {
        if (!s || s->empty())
            continue;
        auto from = after.isEmpty() ? s->cbegin() : s->upper_bound(QByteArrayView(after));
        if (from != s->cend())
            m_ranges.emplace_back(from, s->cend());
    }
}

std::optional<RegistrationTable::Slot> RegistrationTable::Cursor::next()
{
    // A k-way merge in id order; k is small (the tags of a cover, or the reach classes).
    const QByteArray *best = nullptr;
    for (const auto &[it, end] : m_ranges) {
        if (it == end)
            continue;
        const QByteArray &id = m_table.m_records[*it].id;
        if (!best || id < *best)
            best = &id;
    }
    if (!best)
        return std::nullopt;
    const QByteArray chosen = *best;
    std::optional<Slot> slot;
    for (auto &[it, end] : m_ranges) {
        if (it != end && m_table.m_records[*it].id == chosen) {
            slot = *it;
            ++it;
        }
    }
    return slot;
}

RegistrationTable::Cursor RegistrationTable::candidates(const TagExpression *expression,
                                                        const QList<int> &reachClasses,
                                                        const QByteArray &after) const
{
    std::vector<const SlotSet *> classes;
    qint64 classSize = 0;
    for (int c : reachClasses) {
        classes.push_back(&m_byClass[c]);
        classSize += qint64(m_byClass[c].size());
    }
    if (!expression)
        return Cursor(*this, classes, after);
    const auto cover = expression->cover([this](const QString &t) { return tagCount(t); });
    if (!cover)
        return Cursor(*this, classes, after);
    std::vector<const SlotSet *> sets;
    qint64 coverSize = 0;
    for (const QString &t : *cover) {
        if (const SlotSet *p = postings(t)) {
            sets.push_back(p);
            coverSize += qint64(p->size());
        }
    }
    // Walking the reach classes is cheaper when the cover is bigger than they are.
    return coverSize <= classSize ? Cursor(*this, sets, after) : Cursor(*this, classes, after);
}

RegistrationTable::Cursor RegistrationTable::withTag(const QString &tag,
                                                     const QByteArray &after) const
{
    return Cursor(*this, {postings(tag)}, after);
}

RegistrationTable::Cursor RegistrationTable::all(const QByteArray &after) const
{
    return Cursor(*this, {&m_byId}, after);
}

QList<RegistrationTable::Slot> RegistrationTable::withHandle(const QString &handle) const
{
    QList<Slot> out;
    const auto [first, last] = m_byHandle.equal_range(hashHandle(handle));
    for (auto it = first; it != last; ++it) {
        if (handle.compare(QString::fromUtf8(m_records[it->second].handle), Qt::CaseInsensitive)
            == 0)
            out.append(it->second);
    }
    std::sort(out.begin(), out.end(), IdLess {this});
    return out;
}

RegistrationTable::const_iterator::value_type RegistrationTable::const_iterator::operator*() const
{
    return {m_t->id(*m_it), m_t->registration(*m_it)};
}

} // namespace Nh
