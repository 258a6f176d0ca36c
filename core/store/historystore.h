// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "client/exchange.h"
#include "client/hubclient.h"
#include "common/result.h"

#include <QDateTime>
#include <QFlags>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QUuid>
#include <QVariant>
#include <memory>

namespace Nh {

struct Notification;
class HistoryWriter;

/** How an exchange ended, as the history filters it (a coarser view of ExchangeResult). */
enum class HistoryStatus {
    Success = 0x1, ///< ExchangeResult::Success and no registration failed
    Failure = 0x2, ///< the hub answered 4xx/5xx, or an outcome reports failed registrations
    NoTargets = 0x4, ///< a test send that reached no registration
    Error = 0x8, ///< no usable answer: transport, timeout, cancelled, unreadable, never sent
};
Q_DECLARE_FLAGS(HistoryStatuses, HistoryStatus)

HistoryStatus historyStatusOf(const Exchange &exchange);
/** "success", "failure", "no-targets", "error" (files, JSON, the CLI). */
QString historyStatusName(HistoryStatus status);
QString historyStatusDisplayName(HistoryStatus status);

/** What a target is: the tag expression, device handle, … of a send, or the resource path. */
enum class TargetKind { None, Broadcast, Tags, Device, Batch, Resource };

/** What an Exchange does not carry itself: who sent it and, optionally, what it aimed at. */
struct HistoryContext
{
    QString profileId;
    QString profileName;
    QString source; ///< "gui", "cli", … (free text)
    /// Empty: derived from the request (Tags header, DeviceHandle header, resource path).
    QString target;
    TargetKind targetKind = TargetKind::None;
    /// Empty: the ServiceBusNotification-Format header, as its wire name.
    QString format;

    /** Sets target and format from a notification; needed for sends refused before sending,
     *  whose exchange has no request headers. */
    void describe(const Notification &notification);
};

/** One exchange as the history keeps it: redacted, with its context resolved. */
struct HistoryRecord
{
    qint64 rowId = 0; ///< 0 until written
    Exchange exchange; ///< authorization is always empty; headers, URL and bodies redacted
    HistoryContext context; ///< target, targetKind and format resolved
    QStringList tags; ///< the distinct tags of a tag-expression target (or of a by-tag query)
    HistoryStatus status = HistoryStatus::Error;
    bool pinned = false;
    QString label;
};

/**
 * The record the history stores for `exchange`: every header through the redaction of
 * style.md R8 (an already redacted SAS token keeps its sr/se/skn), Nh::redactSecrets over the
 * URL, bodies and texts, the SAS signature dropped from the decoded token, authorization cleared;
 * target, kind, tags and format derived from the request where the context leaves them empty.
 * Stores and exports both go through it, so nothing can reach a file unredacted.
 */
HistoryRecord historyRecordFor(const Exchange &exchange, const HistoryContext &context = {});

/**
 * The request that sends a stored exchange again (a new exchange with a new id), for
 * HubClient::start() under the caller's current connection: path relative to the hub, query
 * without api-version, headers without Authorization and x-ms-version (both are made afresh),
 * the stored body, and the response expected from the operation.
 * Errors: MissingField when the exchange was never sent (no URL), InvalidValue when its URL is
 * not below its hub. A warning says when a header or the body holds a redacted secret.
 */
Result<HubRequest> resendRequest(const HistoryRecord &record);

/** What an exchange's operation returns, as HubClient expects it ("send.test" → Outcome). */
Expect expectedResponse(const QString &operation);

/** A list row: what a history table shows, without headers and bodies. */
struct HistorySummary
{
    qint64 rowId = 0;
    QUuid id;
    QDateTime started; ///< UTC, millisecond precision
    QString profileId;
    QString profileName;
    QString source;
    QString operation;
    QString hub;
    QString target;
    TargetKind targetKind = TargetKind::None;
    QStringList tags;
    QString format;
    QByteArray method;
    int httpStatus = 0;
    ExchangeResult result = ExchangeResult::Pending;
    HistoryStatus status = HistoryStatus::Error;
    qint64 totalMs = -1;
    qint64 outcomeSuccess = -1; ///< -1: no NotificationOutcome
    qint64 outcomeFailure = -1;
    QString errorSentence;
    bool pinned = false;
    QString label;
};

/**
 * What to show. Empty fields do not filter; all given fields must hold. `text` is free text over
 * the URL, headers, bodies, error, target and label: each whitespace-separated word must occur.
 * With the FTS5 index a word matches the start of a word in the text ("Track" finds
 * "TrackingId", "fd82-4cfa" finds that part of a GUID); without it, any substring matches.
 */
struct HistoryFilter
{
    QString profileId;
    QDateTime from; ///< inclusive; invalid = no lower bound
    QDateTime to; ///< exclusive; invalid = no upper bound
    QString format; ///< wire name ("apple", "template", …), case-insensitive
    QString tag; ///< one tag of the target, case-insensitive (ASCII)
    QString target; ///< substring of the target text, case-insensitive (ASCII)
    HistoryStatuses statuses; ///< empty = any
    QString text;
    bool pinnedOnly = false;

    bool isEmpty() const;
    /** Whether `row` passes every field but `text` (which needs headers and bodies). */
    bool matchesSummary(const HistorySummary &row) const;
    friend bool operator==(const HistoryFilter &, const HistoryFilter &) = default;
};

/** The order of a history list; ties are broken by the row id in the same direction. */
struct HistorySort
{
    enum class Key { Started, Profile, Operation, Target, Format, Status, Outcome, Elapsed, Label };
    Key key = Key::Started;
    Qt::SortOrder order = Qt::DescendingOrder;

    /** The value `row` is sorted by; rows compare by it as SQLite does, then by rowId. */
    static QVariant valueOf(const HistorySummary &row, Key key);
    /** True when `a` comes before `b` in this order. */
    bool before(const HistorySummary &a, const HistorySummary &b) const;
    friend bool operator==(const HistorySort &, const HistorySort &) = default;
};

/** How much history to keep. Pinned exchanges are never removed by it. 0 = no limit. */
struct RetentionPolicy
{
    static constexpr int kDefaultMaxCount = 50000;
    int maxCount = kDefaultMaxCount;
    int maxAgeDays = 0;
    friend bool operator==(const RetentionPolicy &, const RetentionPolicy &) = default;
};

/**
 * Read access to a history file over a connection of its own (SQLite WAL: reading never blocks
 * the writer and sees only committed exchanges). Use it in the thread that opened it. Every
 * query finishes before returning, so no read transaction is left open.
 */
class HistoryReader
{
    Q_DISABLE_COPY_MOVE(HistoryReader)

public:
    /** Errors: the file cannot be opened, is not a history file, or has a newer schema. */
    static Result<std::unique_ptr<HistoryReader>> open(const QString &path);
    ~HistoryReader();

    QString path() const { return m_path; }
    /** True when the file has the FTS5 index; free text then matches word starts. */
    bool hasFullTextSearch() const { return m_fullText; }

    /** How many exchanges pass `filter`. */
    Result<qint64> count(const HistoryFilter &filter = {}) const;
    /**
     * At most `limit` rows passing `filter` in `sort` order, starting after `after` (keyset
     * paging: pass the last row of the previous page, or nullptr for the first page).
     */
    Result<QList<HistorySummary>> page(const HistoryFilter &filter, const HistorySort &sort,
                                       const HistorySummary *after, int limit) const;
    /** Rows with a rowId above `rowId` that pass `filter`, by rowId (what was written since). */
    Result<QList<HistorySummary>> rowsAfter(qint64 rowId, const HistoryFilter &filter) const;
    /** The rows among `rowIds` that still exist and pass `filter`, by rowId. */
    Result<QList<HistorySummary>> rows(const QList<qint64> &rowIds,
                                       const HistoryFilter &filter = {}) const;
    /** The highest rowId ever given (0 for an empty history). */
    qint64 lastRowId() const;
    /** Changes when another connection (the writer thread, another process) commits. */
    qint64 dataVersion() const;

    /** The whole record, its outcome and other bodies parsed again. Errors: MissingField when
     *  no such exchange is stored (deleted, or pruned by the retention limit). */
    Result<HistoryRecord> load(const QUuid &id) const;
    Result<QList<HistoryRecord>> load(const QList<QUuid> &ids) const;

    RetentionPolicy retention() const;

private:
    HistoryReader() = default;
    QString m_path;
    QString m_connection;
    bool m_fullText = false;
};

/**
 * The durable history of every exchange (issue #6), shared by the GUI and nhcli. A SQLite file
 * (WAL, synchronous=FULL, schema versioned in user_version with migrations), written by a
 * dedicated thread that owns its own connection; several processes may write the same file at
 * once. The history never holds a secret: everything goes through historyRecordFor().
 *
 * Writes return at once and are queued; written(), updated() and removed() are emitted in the
 * store's thread after the transaction that holds the change has committed (an exchange is
 * "reported done" then, and survives a crash of the process from that moment). Writes of one
 * store are committed in the order they were made. Reading goes through reader() on the store's
 * thread, or a HistoryReader of its own.
 */
class HistoryStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryStore)

public:
    struct Options
    {
        /// Create the FTS5 index when SQLite has FTS5 (tests switch it off to exercise LIKE).
        bool fullTextSearch = true;
    };

    /** `<GenericDataLocation>/nhconsole/history.sqlite`, shared by nhconsole and nhcli. */
    static QString defaultPath();

    /**
     * Opens or creates the file (and its folder), migrating an older schema. Errors name the
     * file: it cannot be opened or created, is not a history file, or was written by a newer
     * nhconsole.
     */
    static Result<std::unique_ptr<HistoryStore>> open(const QString &path, Options options);
    static Result<std::unique_ptr<HistoryStore>> open(const QString &path);
    /** Commits every queued write first (blocks until the writer thread is done). */
    ~HistoryStore() override;

    QString path() const { return m_path; }
    bool hasFullTextSearch() const { return m_reader->hasFullTextSearch(); }
    HistoryReader &reader() const { return *m_reader; }

    /** Queues `exchange` (redacted in the writer thread); returns its id. */
    QUuid add(const Exchange &exchange, const HistoryContext &context = {});
    void setPinned(const QUuid &id, bool pinned);
    /** An empty label removes it. */
    void setLabel(const QUuid &id, const QString &label);
    void remove(const QList<QUuid> &ids);
    /**
     * Stores the policy in the file (every process writing it applies the same one) and applies
     * it now; it is applied again after every write. removed() lists what it pruned.
     */
    void setRetention(const RetentionPolicy &policy);
    RetentionPolicy retention() const { return m_reader->retention(); }

    /** Writes queued and not yet committed. */
    int pendingWrites() const;

signals:
    void written(const QUuid &id, qint64 rowId);
    void updated(const QUuid &id);
    /** Deleted by remove() or pruned by the retention policy. */
    void removed(const QList<QUuid> &ids);
    /** A write that could not be committed (disk full, file locked too long, …); translated. */
    void writeFailed(const QUuid &id, const QString &message);

private:
    friend class HistoryWriter;
    HistoryStore() = default;

    QString m_path;
    std::unique_ptr<HistoryReader> m_reader;
    std::unique_ptr<HistoryWriter> m_writer;
};

} // namespace Nh

Q_DECLARE_OPERATORS_FOR_FLAGS(Nh::HistoryStatuses)
