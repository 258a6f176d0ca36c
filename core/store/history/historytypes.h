// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "client/exchange.h"
#include "protocol/notification.h"

#include <QDateTime>
#include <QFlags>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUuid>
#include <QVariant>

// The value types of the history (issue #6): what is stored, listed, filtered and sorted.

namespace Nh {

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
 * docs/conventions.md R8 (an already redacted SAS token keeps its sr/se/skn), Nh::redactSecrets
 * over the URL, bodies and texts, the SAS signature dropped from the decoded token, authorization
 * cleared; target, kind, tags and format derived from the request where the context leaves them
 * empty. Stores and exports both go through it, so nothing can reach a file unredacted.
 */
HistoryRecord historyRecordFor(const Exchange &exchange, const HistoryContext &context = {});

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

} // namespace Nh

Q_DECLARE_OPERATORS_FOR_FLAGS(Nh::HistoryStatuses)
