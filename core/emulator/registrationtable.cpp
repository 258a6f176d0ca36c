// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "emulator/registrationtable.h"

#include "protocol/tagexpression.h"

#include <QSet>
#include <QVarLengthArray>
#include <limits>

using namespace Qt::Literals::StringLiterals;

namespace Nh {

namespace {

constexpr qint64 kNoTime = RegistrationTable::kNoTime;

qint64 msecs(const QDateTime &t)
{
    return t.isValid() ? t.toMSecsSinceEpoch() : kNoTime;
}

QDateTime dateTime(qint64 ms)
{
    return ms == kNoTime ? QDateTime() : QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

} // namespace

quint64 RegistrationTable::prefixOf(QByteArrayView id)
{
    quint64 p = 0;
    for (qsizetype i = 0; i < 8; ++i)
        p = (p << 8) | (i < id.size() ? quint8(id[i]) : 0);
    return p;
}

bool RegistrationTable::IdLess::operator()(Slot a, Slot b) const
{
    const quint64 pa = table->m_idPrefix[a];
    const quint64 pb = table->m_idPrefix[b];
    if (pa != pb)
        return pa < pb;
    const int c = table->m_records[a].id.compare(table->m_records[b].id);
    // Slots with one id (only between beginBulk() and endBulk()) are told apart by number.
    return c != 0 ? c < 0 : a < b;
}

bool RegistrationTable::IdLess::operator()(Slot a, QByteArrayView b) const
{
    const quint64 pa = table->m_idPrefix[a];
    const quint64 pb = prefixOf(b);
    if (pa != pb)
        return pa < pb;
    return QByteArrayView(table->m_records[a].id) < b;
}

bool RegistrationTable::IdLess::operator()(QByteArrayView a, Slot b) const
{
    const quint64 pa = prefixOf(a);
    const quint64 pb = table->m_idPrefix[b];
    if (pa != pb)
        return pa < pb;
    return a < QByteArrayView(table->m_records[b].id);
}

void RegistrationTable::SlotSet::normalize() const
{
    if (m_pending.empty())
        return;
    const auto same = [](Slot a, Slot b) {
        return a == b;
    };
    if (m_pending.size() <= 8) {
        for (Slot s : m_pending) {
            const auto at = std::lower_bound(m_sorted.begin(), m_sorted.end(), s, m_less);
            if (at == m_sorted.end() || *at != s)
                m_sorted.insert(at, s);
        }
    } else {
        std::sort(m_pending.begin(), m_pending.end(), m_less);
        const auto mid = m_sorted.size();
        m_sorted.insert(m_sorted.end(), m_pending.cbegin(), m_pending.cend());
        std::inplace_merge(m_sorted.begin(), m_sorted.begin() + qptrdiff(mid), m_sorted.end(),
                           m_less);
        m_sorted.erase(std::unique(m_sorted.begin(), m_sorted.end(), same), m_sorted.end());
    }
    m_pending.clear();
    m_pending.shrink_to_fit();
}

void RegistrationTable::SlotSet::erase(Slot slot)
{
    normalize();
    const auto at = std::lower_bound(m_sorted.begin(), m_sorted.end(), slot, m_less);
    if (at != m_sorted.end() && *at == slot)
        m_sorted.erase(at);
}

RegistrationTable::SlotSet::const_iterator
RegistrationTable::SlotSet::upper_bound(QByteArrayView id) const
{
    normalize();
    return std::upper_bound(m_sorted.cbegin(), m_sorted.cend(), id, m_less);
}

RegistrationTable::SlotSet::const_iterator
RegistrationTable::SlotSet::lower_bound(QByteArrayView id) const
{
    normalize();
    return std::lower_bound(m_sorted.cbegin(), m_sorted.cend(), id, m_less);
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
    if (const auto it = m_keyIds.constFind(tag); it != m_keyIds.cend())
        return *it; // spelled as its folding: the common case
    if (const auto it = m_spellingIds.constFind(tag); it != m_spellingIds.cend())
        return *it;
    const QString folded = tag.toCaseFolded();
    quint32 key = 0;
    if (const auto k = m_keyIds.constFind(folded); k != m_keyIds.cend()) {
        key = *k;
    } else {
        key = quint32(m_postings.size());
        m_postings.emplace_back();
        m_keyNames.append(folded);
        m_keyIds.insert(folded, key);
    }
    if (folded == tag)
        return key;
    const quint32 code = kSpelling | quint32(m_spellings.size());
    m_spellings.append(tag);
    m_spellingKey.push_back(key);
    m_spellingIds.insert(tag, code);
    return code;
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
    const auto it = m_byId.lower_bound(QByteArrayView(key));
    if (it == m_byId.cend() || m_records[*it].id != key)
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
    return slot ? installationOf(*slot) : QString();
}

QString RegistrationTable::installationOf(Slot slot) const
{
    const quint32 installation = m_records[slot].installation;
    return installation == 0 ? QString() : m_installationNames.at(installation - 1);
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

bool RegistrationTable::hasExpired(Slot slot, qint64 nowMs) const
{
    const qint64 expiration = m_records[slot].expiration;
    return expiration != kNoTime && expiration < nowMs;
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
    r.tags.reserve(rec.tagCount);
    for (quint16 i = 0; i < rec.tagCount; ++i)
        r.tags.append(nameOf(rec.tags[i]));
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

QStringList RegistrationTable::tags(Slot slot) const
{
    const Record &rec = m_records[slot];
    QStringList out;
    out.reserve(rec.tagCount);
    for (quint16 i = 0; i < rec.tagCount; ++i)
        out.append(nameOf(rec.tags[i]));
    return out;
}

QSet<QString> RegistrationTable::tagSet(Slot slot) const
{
    QSet<QString> out;
    const Record &rec = m_records[slot];
    out.reserve(rec.tagCount);
    for (quint16 i = 0; i < rec.tagCount; ++i)
        out.insert(nameOf(rec.tags[i]));
    return out;
}

void RegistrationTable::link(Slot slot)
{
    const Record &rec = m_records[slot];
    m_byId.insert(slot);
    m_byClass[classOf(rec.platform, rec.isTemplate)].insert(slot);
    for (quint16 i = 0; i < rec.tagCount; ++i) {
        Posting &p = m_postings[keyOf(rec.tags[i])];
        if (p.set) {
            p.set->insert(slot);
        } else if (p.single == Posting::kNone || p.single == slot) {
            p.single = slot;
        } else {
            p.set = std::make_unique<SlotSet>(IdLess {this});
            p.set->insert(p.single);
            p.set->insert(slot);
            p.single = Posting::kNone;
        }
    }
    if (rec.installation)
        m_byInstallation[rec.installation].push_back(slot);
    if (!hasOtherWithHandle(slot))
        ++m_distinctHandles;
    m_byHandle.emplace(rec.handleHash, slot);
    if (m_bulk)
        return;
    // Sorted in now, so that reads never write (endBulk() sorts a bulk load's in once).
    m_byId.normalize();
    m_byClass[classOf(rec.platform, rec.isTemplate)].normalize();
    for (quint16 i = 0; i < rec.tagCount; ++i) {
        if (const Posting &p = m_postings[keyOf(rec.tags[i])]; p.set)
            p.set->normalize();
    }
}

void RegistrationTable::unlink(Slot slot)
{
    Record &rec = m_records[slot];
    m_byId.erase(slot);
    m_byClass[classOf(rec.platform, rec.isTemplate)].erase(slot);
    for (quint16 i = 0; i < rec.tagCount; ++i) {
        Posting &p = m_postings[keyOf(rec.tags[i])];
        if (p.set)
            p.set->erase(slot);
        else if (p.single == slot)
            p.single = Posting::kNone;
    }
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
    if (!hasOtherWithHandle(slot))
        --m_distinctHandles;
}

bool RegistrationTable::hasOtherWithHandle(Slot slot) const
{
    const Record &rec = m_records[slot];
    const auto [first, last] = m_byHandle.equal_range(rec.handleHash);
    return std::any_of(first, last, [&](const auto &entry) {
        return entry.second != slot && m_records[entry.second].handle == rec.handle;
    });
}

void RegistrationTable::put(const Registration &r, const QString &installationId)
{
    Q_ASSERT(!r.registrationId.isEmpty());
    const auto existing = m_bulk ? std::nullopt : find(r.registrationId);
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
        m_idPrefix.push_back(0);
    }
    Record &rec = m_records[slot];
    rec.id = r.registrationId.toUtf8();
    m_idPrefix[slot] = prefixOf(rec.id);
    rec.handle = r.handle.toUtf8();
    rec.handleHash = hashHandle(r.handle);
    rec.tagCount = quint16(qMin<qsizetype>(r.tags.size(), 0xffff));
    rec.tags.reset(rec.tagCount ? new quint32[rec.tagCount] : nullptr);
    for (quint16 i = 0; i < rec.tagCount; ++i)
        rec.tags[i] = internTag(r.tags.at(i));
    rec.extra = internExtra({r.pushVariables, r.secondaryTileName, r.baiduUserId, r.p256dh, r.auth,
                             r.bodyTemplate, r.templateName, r.expiry, r.priority, r.headers});
    rec.etag = r.etag;
    rec.expiration = msecs(r.expirationTime);
    rec.published = msecs(r.published);
    rec.updated = msecs(r.updated);
    rec.installation = internInstallation(installationId);
    rec.platform = r.platform;
    rec.isTemplate = r.isTemplate;
    link(slot);
}

void RegistrationTable::endBulk()
{
    m_bulk = false;
    // Registrations put twice with one id: the last one stays.
    std::vector<Slot> all;
    for (Slot s = 0; s < Slot(m_records.size()); ++s) {
        if (!m_records[s].id.isEmpty())
            all.push_back(s);
    }
    std::stable_sort(all.begin(), all.end(), IdLess {this});
    std::vector<Slot> repeated;
    for (std::size_t i = 1; i < all.size(); ++i) {
        if (m_records[all[i - 1]].id == m_records[all[i]].id)
            repeated.push_back(all[i - 1] < all[i] ? all[i - 1] : all[i]);
    }
    for (Slot s : repeated) {
        // Unlinked from a copy of its id, so that the sets find the other one's position; a
        // repeat's slot is removed by value.
        unlink(s);
        m_records[s] = Record();
        m_free.push_back(s);
    }
    m_byId.normalize();
    for (const SlotSet &c : m_byClass)
        c.normalize();
    for (const Posting &p : m_postings) {
        if (p.set)
            p.set->normalize();
    }
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
    for (Posting &p : m_postings) {
        p.set.reset();
        p.single = Posting::kNone;
    }
    m_byInstallation.clear();
    m_byHandle.clear();
    m_distinctHandles = 0;
    m_records.clear();
    m_idPrefix.clear();
    m_free.clear();
}

const RegistrationTable::Posting *RegistrationTable::postings(const QString &tag) const
{
    const auto it = m_keyIds.constFind(tag.toCaseFolded());
    return it == m_keyIds.cend() ? nullptr : &m_postings[*it];
}

RegistrationTable::Cursor::Source RegistrationTable::sourceOf(const Posting *posting) const
{
    if (!posting)
        return {};
    if (posting->set)
        return {posting->set.get(), std::nullopt};
    if (posting->single != Posting::kNone)
        return {nullptr, posting->single};
    return {};
}

qint64 RegistrationTable::tagCount(const QString &tag) const
{
    const Posting *p = postings(tag);
    return p ? qint64(p->size()) : 0;
}

qint64 RegistrationTable::classCount(int reachClass) const
{
    return qint64(m_byClass[reachClass].size());
}

RegistrationTable::Cursor::Cursor(const RegistrationTable &table,
                                  const std::vector<Source> &sources, const QByteArray &after)
    : m_table(table)
{
    const IdLess less {&table};
    for (const Source &source : sources) {
        if (source.single) {
            if (after.isEmpty() || less(QByteArrayView(after), *source.single))
                m_singles.push_back(*source.single);
            continue;
        }
        const SlotSet *s = source.set;
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
    const IdLess less {&m_table};
    std::optional<Slot> best;
    for (const auto &[it, end] : m_ranges) {
        if (it != end && (!best || less(*it, *best)))
            best = *it;
    }
    for (Slot s : m_singles) {
        if (!best || less(s, *best))
            best = s;
    }
    if (!best)
        return std::nullopt;
    // The chosen slot itself is found without comparing ids (one set: always); another slot
    // with the same id only while a bulk load has repeats.
    const QByteArray &chosen = m_table.m_records[*best].id;
    const auto same = [&](Slot s) {
        return s == *best || m_table.m_records[s].id == chosen;
    };
    for (auto &[it, end] : m_ranges) {
        if (it != end && same(*it))
            ++it;
    }
    std::erase_if(m_singles, same);
    return best;
}

RegistrationTable::Cursor RegistrationTable::candidates(const TagExpression *expression,
                                                        const QList<int> &reachClasses,
                                                        const QByteArray &after) const
{
    std::vector<Cursor::Source> classes;
    qint64 classSize = 0;
    for (int c : reachClasses) {
        classes.push_back({&m_byClass[c], std::nullopt});
        classSize += qint64(m_byClass[c].size());
    }
    if (!expression)
        return Cursor(*this, classes, after);
    const auto cover = expression->cover([this](const QString &t) { return tagCount(t); });
    if (!cover)
        return Cursor(*this, classes, after);
    std::vector<Cursor::Source> sources;
    qint64 coverSize = 0;
    for (const QString &t : *cover) {
        if (const Posting *p = postings(t)) {
            sources.push_back(sourceOf(p));
            coverSize += qint64(p->size());
        }
    }
    // Walking the reach classes is cheaper when the cover is bigger than they are.
    return coverSize <= classSize ? Cursor(*this, sources, after) : Cursor(*this, classes, after);
}

QList<int> RegistrationTable::classesOf(Format format)
{
    if (format == Format::Template)
        return {kTemplateClass};
    if (const auto platform = platformForFormat(format))
        return {classOf(*platform, false)};
    return {};
}

bool RegistrationTable::reaches(Slot slot, const TagExpression *expression,
                                const QList<int> &classes) const
{
    const Record &rec = m_records[slot];
    if (!classes.contains(classOf(rec.platform, rec.isTemplate)))
        return false;
    return !expression || expression->matches(tagSet(slot));
}

RegistrationTable::Filter RegistrationTable::filter(const TagExpression *expression,
                                                    const QList<int> &classes) const
{
    Filter f {expression, classes, {}};
    if (!expression)
        return f;
    const QStringList tags = expression->tags();
    f.keys.reserve(size_t(tags.size()));
    for (const QString &tag : tags) {
        // The index keys tags by their case folding, which is how matches() compares them.
        const auto it = m_keyIds.constFind(tag.toCaseFolded());
        f.keys.push_back(it == m_keyIds.cend() ? kNoKey : *it);
    }
    return f;
}

bool RegistrationTable::reaches(Slot slot, const Filter &f) const
{
    const Record &rec = m_records[slot];
    if (!f.classes.contains(classOf(rec.platform, rec.isTemplate)))
        return false;
    if (!f.expression)
        return true;
    QVarLengthArray<bool, 32> present(qsizetype(f.keys.size()));
    for (std::size_t i = 0; i < f.keys.size(); ++i) {
        bool found = false;
        for (quint16 t = 0; !found && t < rec.tagCount; ++t)
            found = keyOf(rec.tags[t]) == f.keys[i];
        present[qsizetype(i)] = found;
    }
    return f.expression->evaluate(present.constData());
}

QStringList RegistrationTable::reached(const TagExpression *expression, const QList<int> &classes,
                                       qsizetype limit) const
{
    QStringList out;
    Cursor cursor = candidates(expression, classes, {});
    const Filter f = filter(expression, classes);
    while (limit < 0 || out.size() < limit) {
        const auto slot = cursor.next();
        if (!slot)
            break;
        if (reaches(*slot, f))
            out << id(*slot);
    }
    return out;
}

RegistrationTable::Cursor RegistrationTable::withTag(const QString &tag,
                                                     const QByteArray &after) const
{
    return Cursor(*this, {sourceOf(postings(tag))}, after);
}

RegistrationTable::Cursor RegistrationTable::all(const QByteArray &after) const
{
    return Cursor(*this, {{&m_byId, std::nullopt}}, after);
}

qint64 RegistrationTable::distinctHandles() const
{
    return m_distinctHandles;
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
