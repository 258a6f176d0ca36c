// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/platform.h"
#include "protocol/registration.h"

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>
#include <deque>
#include <limits>
#include <memory>
#include <optional>
#include <unordered_map>
#include <utility>
#include <vector>

namespace Nh {

class TagExpression;

/**
 * A hub's registrations, stored compactly and indexed (docs/architecture.md, "The emulator's
 * storage and indexes"): by id (in id order, which paging by continuation token relies on), by tag
 * (case folded, as TagExpression::matches() compares), by channel (the handle, case folded), by
 * what a send format reaches (the native registrations of each platform, the template
 * registrations) and by the installation that implies them. Every mutation goes through put() and
 * erase(), which keep all indexes consistent.
 *
 * The map-like API (size(), contains(), at(), iteration as (id, Registration) pairs in id order)
 * hands out Registration values made from the compact records; the emulator reads records by
 * slot where it must be fast.
 */
class RegistrationTable
{
public:
    using Slot = quint32;
    /** The reach classes: 0..8 the native registrations of a platform, kTemplateClass the rest. */
    static constexpr int kTemplateClass = 9;
    static constexpr int kClassCount = 10;

    RegistrationTable();
    ~RegistrationTable();
    Q_DISABLE_COPY_MOVE(RegistrationTable)

    std::size_t size() const { return m_byId.size(); }
    bool empty() const { return m_byId.empty(); }
    bool contains(const QString &id) const { return find(id).has_value(); }
    std::size_t count(const QString &id) const { return contains(id) ? 1 : 0; }
    /** The registration with `id`; a default Registration when there is none. */
    Registration at(const QString &id) const;
    std::optional<Registration> value(const QString &id) const;
    /** The installation that implies the registration; empty when none. */
    QString installationOf(const QString &id) const;
    /** The ids of the registrations `installationId` implies. */
    QStringList idsOfInstallation(const QString &installationId) const;

    /** Inserts or replaces the registration with registration.registrationId. */
    void put(const Registration &registration, const QString &installationId = {});
    /**
     * Many puts at once (generation, loading `--data`): between beginBulk() and endBulk(), put()
     * does not look for an existing registration; endBulk() sorts the indexes once and keeps the
     * last of registrations with the same id.
     */
    void beginBulk() { m_bulk = true; }
    void endBulk();
    /** Removes the registration; false when there was none. */
    bool erase(const QString &id);
    void clear();

    /** A time the registration does not have (Record's times; an invalid QDateTime). */
    static constexpr qint64 kNoTime = std::numeric_limits<qint64>::min();
    /** The rarely set fields, shared between registrations that have the same. */
    struct Extra
    {
        QString pushVariables, secondaryTileName, baiduUserId, p256dh, auth;
        QString bodyTemplate, templateName, expiry, priority;
        QList<TemplateHeader> headers;
        bool operator==(const Extra &) const = default;
    };
    struct Record
    {
        QByteArray id;
        QByteArray handle; ///< UTF-8
        /// The tags in the registration's order, as internTag() codes them.
        std::unique_ptr<quint32[]> tags;
        std::shared_ptr<const Extra> extra;
        qint64 etag = 0;
        qint64 expiration = 0; ///< ms since the epoch; kNoTime when invalid
        qint64 published = 0; ///< ms since the epoch; kNoTime when invalid
        qint64 updated = 0;
        quint32 installation = 0; ///< 1 + index in m_installationNames; 0: none
        quint32 handleHash = 0;
        quint16 tagCount = 0;
        Platform platform = Platform::Apple;
        bool isTemplate = false;
    };
    /** The compact record of a slot, read as it is stored: for the writers that must not build a
     *  Registration (the emulator's feeds, emulator/registrationtablefeed.h). */
    const Record &record(Slot slot) const { return m_records[slot]; }
    /** The tag a code of Record::tags stands for, as spelled. */
    const QString &tagName(quint32 code) const { return nameOf(code); }

    // --- by slot ---
    std::optional<Slot> find(const QString &id) const;
    Registration registration(Slot slot) const;
    QString id(Slot slot) const;
    QByteArray idBytes(Slot slot) const { return m_records[slot].id; }
    Platform platform(Slot slot) const { return m_records[slot].platform; }
    bool isTemplate(Slot slot) const { return m_records[slot].isTemplate; }
    /** Whether the registration's ExpirationTime lies before `nowMs` (ms since the epoch); a
     *  registration without one never expires. */
    bool hasExpired(Slot slot, qint64 nowMs) const;
    QString handle(Slot slot) const;
    /** The tags as stored (their spelling), for TagExpression::matches(). */
    QSet<QString> tagSet(Slot slot) const;
    /** The tags as stored, in the registration's order (as registration(slot).tags). */
    QStringList tags(Slot slot) const;
    /** The installation the registration belongs to; empty for a plain registration. */
    QString installationOf(Slot slot) const;
    /** Reach class of a format: its platform's native class, or kTemplateClass. */
    static int classOf(Platform platform, bool isTemplate);

    /** The reach classes a send format reaches: its platform's native class, or the templates. */
    static QList<int> classesOf(Format format);
    /** Whether a send to `classes` with `expression` (null: broadcast) reaches the slot. */
    bool reaches(Slot slot, const TagExpression *expression, const QList<int> &classes) const;

    /**
     * A send's expression and classes, prepared for reaches() on many slots: the expression's
     * tags looked up in the tag index once, so that a slot is checked by comparing its interned
     * tags (no strings). Valid until the next mutation (a new tag gets a key).
     */
    struct Filter
    {
        const TagExpression *expression = nullptr;
        QList<int> classes;
        /// Per tag of expression->tags(): its key in the tag index, or kNoKey.
        std::vector<quint32> keys;
    };
    static constexpr quint32 kNoKey = 0xffffffffu;
    Filter filter(const TagExpression *expression, const QList<int> &classes) const;
    /** What reaches(slot, expression, classes) answers, from a prepared filter. */
    bool reaches(Slot slot, const Filter &filter) const;
    /**
     * The ids a send reaches, from the indexes, in id order: at most `limit` (negative: all).
     * What EmulatorState::deliver() works through.
     */
    QStringList reached(const TagExpression *expression, const QList<int> &classes,
                        qsizetype limit = -1) const;

    /** Registrations with `tag` (compared case-insensitively). */
    qint64 tagCount(const QString &tag) const;
    qint64 classCount(int reachClass) const;

    /** Compares slots by registration id. */
    struct IdLess
    {
        using is_transparent = void;
        const RegistrationTable *table;
        bool operator()(Slot a, Slot b) const;
        bool operator()(Slot a, QByteArrayView b) const;
        bool operator()(QByteArrayView a, Slot b) const;
    };
    /**
     * Slots in id order: a sorted vector (4 bytes a member) with a buffer of slots not yet
     * sorted in, which only a bulk load (beginBulk()) leaves filled until endBulk(); outside one,
     * reads do not write. Inserting or erasing one moves the vector's tail (about a millisecond
     * at a million); bulk loads append and sort once.
     */
    class SlotSet
    {
    public:
        using const_iterator = std::vector<Slot>::const_iterator;
        explicit SlotSet(IdLess less)
            : m_less(less)
        { }
        void insert(Slot slot) { m_pending.push_back(slot); }
        void erase(Slot slot);
        std::size_t size() const
        {
            normalize();
            return m_sorted.size();
        }
        bool empty() const { return size() == 0; }
        const_iterator cbegin() const
        {
            normalize();
            return m_sorted.cbegin();
        }
        const_iterator cend() const
        {
            normalize();
            return m_sorted.cend();
        }
        const_iterator upper_bound(QByteArrayView id) const;
        const_iterator lower_bound(QByteArrayView id) const;
        void clear()
        {
            m_sorted.clear();
            m_pending.clear();
        }
        /** Sorts the buffer in (dropping repeats). */
        void normalize() const;

    private:
        IdLess m_less;
        mutable std::vector<Slot> m_sorted;
        mutable std::vector<Slot> m_pending;
    };

    /**
     * Slots of the sets (each in id order) merged in id order without repeats, from the first id
     * after `after` (all when empty). Sets must stay alive and unchanged while it is used: make a
     * new one after a mutation (it resumes from an id).
     */
    class Cursor
    {
    public:
        /** One set to merge: `set`, or the one slot `single` (a tag with one member). */
        struct Source
        {
            const SlotSet *set = nullptr;
            std::optional<Slot> single;
        };
        Cursor(const RegistrationTable &table, const std::vector<Source> &sources,
               const QByteArray &after);
        /** The next slot, or nullopt at the end. */
        std::optional<Slot> next();

    private:
        const RegistrationTable &m_table;
        std::vector<std::pair<SlotSet::const_iterator, SlotSet::const_iterator>> m_ranges;
        std::vector<Slot> m_singles;
    };

    /**
     * Candidates of a send: registrations of `reachClasses` (a superset of) those matching
     * `expression` (null: every one), in id order after `after`. Check each with
     * TagExpression::matches() and the class.
     */
    Cursor candidates(const TagExpression *expression, const QList<int> &reachClasses,
                      const QByteArray &after) const;
    /** Registrations with `tag` (case-insensitively) in id order after `after`. */
    Cursor withTag(const QString &tag, const QByteArray &after) const;
    /** Every registration in id order after `after`. */
    Cursor all(const QByteArray &after) const;
    /** How many different handles (exact comparison) the registrations have; counted as
     *  registrations come and go (the hub description's DailyMaxActiveDevices reads it). */
    qint64 distinctHandles() const;
    /** The registrations whose handle equals `handle` case-insensitively, in id order. */
    QList<Slot> withHandle(const QString &handle) const;

    /** Map-like iteration: (id, Registration) pairs in id order. */
    class const_iterator
    {
    public:
        using value_type = std::pair<QString, Registration>;
        using difference_type = std::ptrdiff_t;
        using iterator_category = std::forward_iterator_tag;
        using reference = value_type;
        using pointer = void;
        const_iterator() = default;
        const_iterator(const RegistrationTable *t, SlotSet::const_iterator it)
            : m_t(t)
            , m_it(it)
        { }
        value_type operator*() const;
        /** For `begin()->first`: a pair held by the arrow proxy. */
        struct Arrow
        {
            value_type pair;
            const value_type *operator->() const { return &pair; }
        };
        Arrow operator->() const { return {**this}; }
        const_iterator &operator++()
        {
            ++m_it;
            return *this;
        }
        bool operator==(const const_iterator &o) const { return m_it == o.m_it; }
        bool operator!=(const const_iterator &o) const { return m_it != o.m_it; }

    private:
        const RegistrationTable *m_t = nullptr;
        SlotSet::const_iterator m_it;
    };
    const_iterator begin() const { return {this, m_byId.cbegin()}; }
    // cend() after cbegin(): both read the sorted vector.
    const_iterator end() const { return {this, m_byId.cend()}; }

private:
    /** The registrations with one tag (case folded): one slot inline, a set from two on. */
    struct Posting
    {
        static constexpr Slot kNone = 0xffffffffu;
        Slot single = kNone;
        std::unique_ptr<SlotSet> set;
        std::size_t size() const { return set ? set->size() : (single == kNone ? 0 : 1); }
    };
    static constexpr quint32 kSpelling = 0x80000000u;

    /**
     * A tag's code: its key (index in m_keyNames and m_postings) when it is spelled as its case
     * folding, else kSpelling | its index in m_spellings.
     */
    quint32 internTag(const QString &tag);
    quint32 keyOf(quint32 code) const
    {
        return code & kSpelling ? m_spellingKey[code & ~kSpelling] : code;
    }
    const QString &nameOf(quint32 code) const
    {
        return code & kSpelling ? m_spellings.at(code & ~kSpelling) : m_keyNames.at(code);
    }
    static quint64 prefixOf(QByteArrayView id);
    Cursor::Source sourceOf(const Posting *posting) const;
    quint32 internInstallation(const QString &id);
    std::shared_ptr<const Extra> internExtra(Extra extra);
    static quint32 hashHandle(const QString &handle);
    void unlink(Slot slot);
    /** Whether another registration than `slot` has its handle (exact comparison). */
    bool hasOtherWithHandle(Slot slot) const;
    void link(Slot slot);
    const Posting *postings(const QString &tag) const;

    bool m_bulk = false;
    std::vector<Record> m_records;
    /// The first 8 bytes of each slot's id, big-endian: most comparisons end there.
    std::vector<quint64> m_idPrefix;
    std::vector<Slot> m_free;
    SlotSet m_byId;
    SlotSet m_byClass[kClassCount];
    QStringList m_keyNames; ///< case-folded tags
    QHash<QString, quint32> m_keyIds; ///< case-folded tag → index in m_keyNames, m_postings
    std::deque<Posting> m_postings;
    QStringList m_spellings; ///< tags not spelled as their case folding
    std::vector<quint32> m_spellingKey;
    QHash<QString, quint32> m_spellingIds;
    QStringList m_installationNames;
    QHash<QString, quint32> m_installationIds;
    std::unordered_map<quint32, std::vector<Slot>> m_byInstallation;
    std::unordered_multimap<quint32, Slot> m_byHandle;
    qint64 m_distinctHandles = 0;
    QHash<size_t, std::shared_ptr<const Extra>> m_extras;
};

} // namespace Nh
