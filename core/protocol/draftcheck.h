// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/httpheaders.h"
#include "common/result.h"
#include "protocol/notification.h"

#include <QDateTime>
#include <QString>
#include <optional>

namespace Nh {

/**
 * A notification as a composer holds it while the user types: everything that goes into a send,
 * valid or not. A device target with no handles is a batch target of zero handles.
 */
struct Draft
{
    Format format = Format::Template;
    QByteArray payload;
    HttpHeaders customHeaders; ///< the user's own headers, in order
    Target target;
    /// Absent: send now.
    std::optional<QDateTime> scheduleTime;
    bool test = false; ///< the user asked for a test send

    /** The notification this draft sends (it may be invalid). */
    Notification notification() const;
};

/** What a draft check says about one field of a draft. */
struct DraftNote
{
    enum class Tone { None, Success, Warning, Failure };

    /// One sentence; the target's note is rich text (a <tt> span, a <br>). Empty: nothing to say.
    QString text;
    Tone tone = Tone::None;
    /// The located error behind a Failure (offsets in the payload or the tag expression).
    std::optional<Error> error;
};

/** The outcome of checkDraft(): per-field notes, whether it can be sent, and its headers. */
struct DraftCheck
{
    DraftNote payload; ///< the body with its platform headers
    DraftNote headers; ///< the user's headers on their own
    DraftNote target; ///< the tag expression (a device target has no note of its own)
    DraftNote schedule; ///< the schedule time, when that is what refuses the send
    /// The first reason the draft cannot be sent; empty when it can.
    QString refusal;
    /// The request headers nhconsole sets (Authorization and x-ms-version aside). When the
    /// draft is invalid, what can still be known: the format, Content-Type and derived headers.
    HttpHeaders sendHeaders;
    /// The prepared request when the draft can be sent.
    std::optional<PreparedSend> prepared;
    /// The hub has no test mode for direct or scheduled sends (docs/protocol.md §4.5, §4.7).
    bool testPossible = true;
    /// Whether the send is a test send: asked for and possible.
    bool test = false;

    bool canSend() const { return refusal.isEmpty(); }
};

/**
 * Checks a draft as a composer shows it: the payload (with the user's headers), the user's
 * headers, the target, then everything prepareSend() checks (schedule, direct-send rules). The
 * refusal is the first failure in that order. Pure: no widgets, no network; `now` decides
 * whether a schedule time is in the past.
 */
DraftCheck checkDraft(const Draft &draft, const QDateTime &now = QDateTime::currentDateTimeUtc());

/**
 * Validates a notification (body, headers, target, schedule) and builds its request. `now`
 * decides whether a schedule time is in the past or more than kMaxScheduleDays ahead (both
 * Errors: the service refuses them). Errors name the field in Error::where; warnings (PNS
 * limits, retired platforms, tag-expression remarks, …) are carried on the result. A tag
 * target goes through validateTagTarget(). HubClient::send() and checkDraft() both prepare
 * through this one function.
 */
Result<PreparedSend> prepareSend(const Notification &notification,
                                 const QDateTime &now = QDateTime::currentDateTimeUtc());

/**
 * The check of a tag target (prepareSend() calls it; checkDraft() too, as the user types):
 * non-empty (EmptyField), no control characters (InvalidValue), then
 * Nh::TagExpression::parse() with the service's tag limits enforced; its errors keep their
 * offsets in `expression` and get where = "ServiceBusNotification-Tags"; its warnings are kept.
 */
Status validateTagTarget(QStringView expression);

} // namespace Nh
