// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocol/draftcheck.h"

#include "protocol/directbatch.h"
#include "protocol/payloadbuilder.h"
#include "protocol/tagexpression.h"

#include <QCoreApplication>
#include <QSet>

using namespace Qt::Literals::StringLiterals;

namespace Nh {

namespace {

/** The translation context of the send preparation's messages (they came from notification.cpp). */
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Nh::Notification)
};

/** The translation context of the notes a composer shows. */
struct NoteTr
{
    Q_DECLARE_TR_FUNCTIONS(Nh::DraftCheck)
};

QByteArray bytes(QByteArrayView v)
{
    return v.toByteArray();
}

/** Offset of the first control character (a header value must not hold one), or -1. */
qsizetype firstControl(QStringView s)
{
    for (qsizetype i = 0; i < s.size(); ++i) {
        const char16_t c = s.at(i).unicode();
        if (c < 0x20 || c == 0x7F)
            return i;
    }
    return -1;
}

Status checkHandle(const QString &handle, qsizetype index, qsizetype count)
{
    const QString place =
        count > 1 ? Tr::tr("Device handle %1").arg(index + 1) : Tr::tr("The device handle");
    if (handle.trimmed().isEmpty()) {
        return makeError(ErrorCode::EmptyField, Tr::tr("%1 is empty").arg(place), -1, 0,
                         QString::fromLatin1(kDeviceHandleHeader));
    }
    if (const qsizetype at = firstControl(handle); at >= 0) {
        return makeError(ErrorCode::InvalidValue,
                         Tr::tr("%1 contains a line break or control character at position %2")
                             .arg(place)
                             .arg(at + 1),
                         at, 1, QString::fromLatin1(kDeviceHandleHeader));
    }
    return {};
}

bool isHex(QStringView s)
{
    for (const QChar c : s) {
        if (!((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F')))
            return false;
    }
    return !s.isEmpty();
}

Warning warning(const QString &message)
{
    Warning w;
    w.message = message;
    return w;
}

bool isDirect(const Target &target)
{
    return isDirectKind(target.kind);
}

/**
 * The target part of a send: its checks, the trimmed tag expression or handles, and the user's
 * headers with a browser subscription's keys added.
 */
struct TargetPart
{
    QString tags;
    QStringList handles;
    HttpHeaders userHeaders;
};

Result<TargetPart> prepareTarget(const Notification &notification, QList<Warning> &warnings)
{
    const Target &target = notification.target;
    TargetPart part;
    part.userHeaders = notification.headers;
    if (isDirect(target) && notification.format == Format::Template) {
        return makeError(
            ErrorCode::InvalidValue,
            Tr::tr("A template notification cannot be sent to a device handle: the hub "
                   "needs a registration's template to render it. Choose a native "
                   "format or a tag target"),
            -1, 0, QString::fromLatin1(kDeviceHandleHeader));
    }
    switch (target.kind) {
    case TargetKind::Broadcast:
        break;
    case TargetKind::Tags: {
        const Status s = validateTagTarget(target.tagExpression);
        if (!s)
            return s.error();
        warnings.append(s.warnings());
        part.tags = target.tagExpression.trimmed();
        break;
    }
    case TargetKind::Device: {
        if (target.deviceHandles.size() != 1) {
            return makeError(
                target.deviceHandles.isEmpty() ? ErrorCode::EmptyField : ErrorCode::InvalidValue,
                Tr::tr("A direct send needs exactly one device handle (%1 given); use a "
                       "direct batch for more")
                    .arg(target.deviceHandles.size()),
                -1, 0, QString::fromLatin1(kDeviceHandleHeader));
        }
        if (const Status s = checkHandle(target.deviceHandles.first(), 0, 1); !s)
            return s.error();
        part.handles.append(target.deviceHandles.first().trimmed());
        if (notification.format == Format::Apple && !isHex(part.handles.first())) {
            warnings.append(
                warning(Tr::tr("An APNs device token is hexadecimal; this handle is not, so "
                               "APNs will likely refuse it")));
        }
        if (notification.format == Format::Browser) {
            // The subscription keys travel as headers; the user's own headers win.
            HttpHeaders &headers = part.userHeaders;
            if (!hasHeader(headers, kP256dhHeader) && !target.p256dh.isEmpty())
                headers.append({bytes(kP256dhHeader), target.p256dh});
            if (!hasHeader(headers, kAuthHeader) && !target.auth.isEmpty())
                headers.append({bytes(kAuthHeader), target.auth});
            for (const QByteArrayView name : {kP256dhHeader, kAuthHeader}) {
                if (!hasHeader(headers, name)) {
                    return makeError(ErrorCode::MissingField,
                                     Tr::tr("A browser direct send needs the subscription's %1 key "
                                            "(the header %1)")
                                         .arg(QString::fromLatin1(name)),
                                     -1, 0, QString::fromLatin1(name));
                }
            }
        }
        break;
    }
    case TargetKind::Batch: {
        if (target.deviceHandles.isEmpty()) {
            return makeError(ErrorCode::EmptyField,
                             Tr::tr("A direct batch needs at least one device handle"), -1, 0,
                             u"devices"_s);
        }
        if (target.deviceHandles.size() > kMaxDirectBatchHandles) {
            return makeError(ErrorCode::LimitExceeded,
                             Tr::tr("A direct batch takes at most %1 device handles, not %2")
                                 .arg(kMaxDirectBatchHandles)
                                 .arg(target.deviceHandles.size()),
                             -1, 0, u"devices"_s);
        }
        QSet<QString> seen;
        for (qsizetype i = 0; i < target.deviceHandles.size(); ++i) {
            const QString &handle = target.deviceHandles.at(i);
            if (const Status s = checkHandle(handle, i, target.deviceHandles.size()); !s)
                return s.error();
            const QString trimmed = handle.trimmed();
            if (seen.contains(trimmed)) {
                warnings.append(
                    warning(Tr::tr("Device handle %1 repeats an earlier one; the device may get "
                                   "the notification twice")
                                .arg(i + 1)));
            }
            seen.insert(trimmed);
            part.handles.append(trimmed);
        }
        if (notification.format == Format::Browser) {
            warnings.append(
                warning(Tr::tr("A direct batch has no place for each subscription's P256DH and "
                               "Auth keys; whether the hub delivers browser batches is "
                               "unconfirmed")));
        }
        break;
    }
    case TargetKind::None:
    case TargetKind::Resource:
        // Kinds the history records; nothing is sent to them.
        return makeError(ErrorCode::InvalidValue,
                         Tr::tr("A notification goes to a tag expression, device handles or "
                                "everyone"),
                         -1, 0, u"target"_s);
    }
    return part;
}

/** The ScheduleTime header value (empty: send now), or why the time cannot be used. */
Result<QByteArray> prepareSchedule(const Notification &notification, const QDateTime &now)
{
    if (!notification.scheduleTime)
        return QByteArray();
    const QDateTime &when = *notification.scheduleTime;
    const QString where = QString::fromLatin1(kScheduleTimeHeader);
    if (!when.isValid()) {
        return makeError(ErrorCode::InvalidValue, Tr::tr("The schedule time is not a valid time"),
                         -1, 0, where);
    }
    if (isDirect(notification.target)) {
        return makeError(ErrorCode::InvalidValue,
                         Tr::tr("Scheduled sends go to tags or to everyone; the hub cannot "
                                "schedule a direct send to device handles"),
                         -1, 0, where);
    }
    const QDateTime utc = when.toUTC();
    const QDateTime nowUtc = now.toUTC();
    if (utc < nowUtc) {
        return makeError(ErrorCode::InvalidValue,
                         Tr::tr("The schedule time %1 UTC is in the past (now %2 UTC)")
                             .arg(QString::fromLatin1(formatScheduleTime(utc)),
                                  QString::fromLatin1(formatScheduleTime(nowUtc))),
                         -1, 0, where);
    }
    if (utc > nowUtc.addDays(kMaxScheduleDays)) {
        return makeError(ErrorCode::LimitExceeded,
                         Tr::tr("The schedule time %1 UTC is more than %2 days ahead; the hub "
                                "schedules at most %2 days in advance")
                             .arg(QString::fromLatin1(formatScheduleTime(utc)))
                             .arg(kMaxScheduleDays),
                         -1, 0, where);
    }
    return formatScheduleTime(utc);
}

/** The note under a valid tag expression: how it reads and how many tags it uses. */
DraftNote tagNote(const QString &expression, const Status &checked)
{
    DraftNote note;
    const auto parsed = TagExpression::parse(expression, TagExpression::Limits::Report);
    if (!parsed)
        return note;
    const bool orOnly = parsed->usesOnlyOr();
    const int limit = orOnly ? TagExpression::kMaxTagsOrOnly : TagExpression::kMaxTags;
    note.text = NoteTr::tr("Reads as <tt>%1</tt> · %2 of %3 tags (%4)")
                    .arg(parsed->normalized().toHtmlEscaped())
                    .arg(parsed->tagCount())
                    .arg(limit)
                    .arg(orOnly ? NoteTr::tr("only ||") : NoteTr::tr("with && or !"));
    note.tone = DraftNote::Tone::Success;
    if (!checked.warnings().isEmpty()) {
        note.text += u"<br>"_s + checked.warnings().first().message.toHtmlEscaped();
        note.tone = DraftNote::Tone::Warning;
    }
    return note;
}

DraftNote failure(const Error &error)
{
    return {error.message, DraftNote::Tone::Failure, error};
}

/** What can be known of the headers of a draft that cannot be sent. */
HttpHeaders knownHeaders(const Draft &draft)
{
    const PayloadBuilder &builder = payloadBuilder(draft.format);
    HttpHeaders headers;
    headers.append({bytes(kFormatHeader), formatWireName(draft.format).toUtf8()});
    headers.append(
        {bytes(kContentTypeHeader), builder.contentType(draft.payload, draft.customHeaders)});
    headers.append(builder.derivedHeaders(draft.payload, draft.customHeaders));
    return headers;
}

} // namespace

Notification Draft::notification() const
{
    Notification n;
    n.format = format;
    n.body = payload;
    n.headers = customHeaders;
    n.target = target;
    n.scheduleTime = scheduleTime;
    return n;
}

Status validateTagTarget(QStringView expression)
{
    const QStringView trimmed = expression.trimmed();
    if (trimmed.isEmpty()) {
        return makeError(ErrorCode::EmptyField,
                         Tr::tr("The tag expression is empty; choose a broadcast to reach every "
                                "registration"),
                         -1, 0, QString::fromLatin1(kTagsHeader));
    }
    if (const qsizetype at = firstControl(expression); at >= 0) {
        return makeError(ErrorCode::InvalidValue,
                         Tr::tr("The tag expression contains a line break or control character at "
                                "position %1")
                             .arg(at + 1),
                         at, 1, QString::fromLatin1(kTagsHeader));
    }
    const auto parsed = TagExpression::parse(expression);
    if (!parsed) {
        Error e = parsed.error();
        if (e.where.isEmpty())
            e.where = QString::fromLatin1(kTagsHeader);
        return e;
    }
    Status result;
    for (const auto &w : parsed.warnings())
        result.addWarning(w);
    return result;
}

Result<PreparedSend> prepareSend(const Notification &notification, const QDateTime &now)
{
    const PayloadBuilder &builder = payloadBuilder(notification.format);
    const Target &target = notification.target;
    QList<Warning> warnings;

    const auto part = prepareTarget(notification, warnings);
    if (!part)
        return part.error();
    const auto scheduleTime = prepareSchedule(notification, now);
    if (!scheduleTime)
        return scheduleTime.error();

    // The payload and its platform headers.
    const HttpHeaders &userHeaders = part->userHeaders;
    const Status valid = builder.validate(notification.body, userHeaders);
    if (!valid)
        return valid.error();
    warnings.append(valid.warnings());
    const auto userContentType = headerValue(userHeaders, kContentTypeHeader);
    const QByteArray payloadType = userContentType
        ? userContentType->trimmed()
        : builder.contentType(notification.body, userHeaders);

    PreparedSend out;
    out.path = scheduleTime->isEmpty() ? u"messages"_s : u"schedulednotifications"_s;
    HttpHeaders &headers = out.headers;
    headers.append({bytes(kFormatHeader), formatWireName(notification.format).toLatin1()});
    if (!part->tags.isEmpty())
        headers.append({bytes(kTagsHeader), part->tags.toUtf8()});
    if (target.kind == TargetKind::Device)
        headers.append({bytes(kDeviceHandleHeader), part->handles.first().toUtf8()});
    if (!scheduleTime->isEmpty())
        headers.append({bytes(kScheduleTimeHeader), *scheduleTime});

    if (target.kind == TargetKind::Batch) {
        const QByteArray boundary = batchBoundaryFor(notification.body);
        out.path = u"messages/$batch"_s;
        out.body = buildDirectBatchBody(payloadType, notification.body, part->handles, boundary);
        headers.append({bytes(kContentTypeHeader), directBatchContentType(boundary)});
        if (out.body.size() > kMaxSendBodyBytes) {
            warnings.append(
                warning(Tr::tr("The batch request is %1 bytes; the hub refuses single sends over "
                               "%2 bytes and does not document its limit for batches")
                            .arg(out.body.size())
                            .arg(kMaxSendBodyBytes)));
        }
    } else {
        out.body = notification.body;
        headers.append({bytes(kContentTypeHeader), payloadType});
    }
    headers.append(builder.platformHeaders(notification.body, userHeaders));
    if (isDirect(target))
        out.queryFlags.append(u"direct"_s);

    Result<PreparedSend> result(std::move(out));
    result.setWarnings(warnings);
    return result;
}

DraftCheck checkDraft(const Draft &draft, const QDateTime &now)
{
    DraftCheck check;
    QStringList refusals;

    // The payload (and the platform headers that go with it).
    const Status payload =
        payloadBuilder(draft.format).validate(draft.payload, draft.customHeaders);
    if (!payload) {
        check.payload = failure(payload.error());
        refusals << payload.error().message;
    } else if (!payload.warnings().isEmpty()) {
        check.payload = {payload.warnings().first().message, DraftNote::Tone::Warning, {}};
    } else {
        check.payload = {
            NoteTr::tr("Valid %1 payload, %n byte(s).", nullptr, int(draft.payload.size()))
                .arg(formatDisplayName(draft.format)),
            DraftNote::Tone::Success,
            {}};
    }

    // The user's headers.
    if (const Status headers = validateUserHeaders(draft.customHeaders); !headers) {
        check.headers = failure(headers.error());
        refusals << headers.error().message;
    }

    // The target.
    switch (draft.target.kind) {
    case TargetKind::Tags: {
        const Status tags = validateTagTarget(draft.target.tagExpression);
        if (!tags) {
            check.target = failure(tags.error());
            refusals << tags.error().message;
        } else {
            check.target = tagNote(draft.target.tagExpression, tags);
        }
        break;
    }
    case TargetKind::Device:
    case TargetKind::Batch:
        if (draft.target.deviceHandles.isEmpty())
            refusals << NoteTr::tr("Enter the device handle to send to.");
        break;
    case TargetKind::Broadcast:
    case TargetKind::None: // prepareSend() refuses these two
    case TargetKind::Resource:
        break;
    }

    // Everything else prepareSend() checks (schedule, direct-send rules), and the headers.
    if (refusals.isEmpty()) {
        const auto prepared = prepareSend(draft.notification(), now);
        if (prepared) {
            check.prepared = *prepared;
            check.sendHeaders = prepared->headers;
        } else {
            refusals << prepared.error().message;
            if (prepared.error().where == QString::fromLatin1(kScheduleTimeHeader))
                check.schedule = failure(prepared.error());
        }
    }
    if (!check.prepared)
        check.sendHeaders = knownHeaders(draft);
    check.refusal = refusals.value(0);
    check.testPossible = !isDirect(draft.target) && !draft.scheduleTime;
    check.test = draft.test && check.testPossible;
    return check;
}

} // namespace Nh
