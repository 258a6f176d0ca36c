// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/history/historytypes.h"

#include "client/resend.h"
#include "common/recentresults.h"
#include "common/redaction.h"
#include "protocol/hubdescription.h"
#include "protocol/notification.h"
#include "protocol/operation.h"
#include "protocol/platform.h"
#include "protocol/tagexpression.h"

#include <QCoreApplication>

using namespace Qt::Literals::StringLiterals;

namespace Nh {

namespace {

/** The translation context of this file's messages; lupdate reads it from here. */
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Nh::HistoryStore)
};

/** Redacts like Nh::redactHeaders(), but keeps an already redacted SAS token readable (a
 *  second redactHeaders() pass would blank it whole, its value no longer changing). */
HttpHeaders redactedHeadersOnce(const HttpHeaders &headers)
{
    HttpHeaders out;
    out.reserve(headers.size());
    for (const auto &[name, value] : headers) {
        QByteArray shown = redactSecrets(value);
        if (isSecretHeader(name) && !shown.isEmpty()
            && !shown.contains(QByteArray("sig=" + kRedacted.toString().toUtf8())))
            shown = kRedacted.toString().toUtf8();
        out.append({name, shown});
    }
    return out;
}

/** redactedHeadersOnce(), remembered per thread for the last request and response headers: a
 *  burst of sends records the same headers again and again (the writer thread's hot path). */
HttpHeaders redactedHeaders(const HttpHeaders &headers)
{
    thread_local RecentResults<HttpHeaders, HttpHeaders, 2> remembered;
    return remembered.get(headers, redactedHeadersOnce);
}

} // namespace

HistoryStatus historyStatusOf(const Exchange &exchange)
{
    switch (exchange.result) {
    case ExchangeResult::Success:
        return exchange.outcome && exchange.outcome->failure > 0 ? HistoryStatus::Failure
                                                                 : HistoryStatus::Success;
    case ExchangeResult::NoTargets:
        return HistoryStatus::NoTargets;
    case ExchangeResult::HubError:
        return HistoryStatus::Failure;
    case ExchangeResult::Pending:
    case ExchangeResult::TransportError:
    case ExchangeResult::Timeout:
    case ExchangeResult::Cancelled:
    case ExchangeResult::BadResponse:
    case ExchangeResult::Invalid:
        break;
    }
    return HistoryStatus::Error;
}

QString historyStatusName(HistoryStatus status)
{
    switch (status) {
    case HistoryStatus::Success:
        return u"success"_s;
    case HistoryStatus::Failure:
        return u"failure"_s;
    case HistoryStatus::NoTargets:
        return u"no-targets"_s;
    case HistoryStatus::Error:
        return u"error"_s;
    }
    return {};
}

QString historyStatusDisplayName(HistoryStatus status)
{
    switch (status) {
    case HistoryStatus::Success:
        return Tr::tr("Success");
    case HistoryStatus::Failure:
        return Tr::tr("Failure");
    case HistoryStatus::NoTargets:
        return Tr::tr("No targets");
    case HistoryStatus::Error:
        return Tr::tr("Error");
    }
    return {};
}

void HistoryContext::describe(const Notification &notification)
{
    format = formatWireName(notification.format);
    const Target &t = notification.target;
    targetKind = t.kind;
    switch (t.kind) {
    case TargetKind::Tags:
        target = t.tagExpression.trimmed();
        break;
    case TargetKind::Device:
        target = t.deviceHandles.value(0);
        break;
    case TargetKind::Batch:
        target = t.deviceHandles.join(u", "_s);
        break;
    case TargetKind::None:
    case TargetKind::Broadcast:
    case TargetKind::Resource:
        target.clear();
        break;
    }
}

HistoryRecord historyRecordFor(const Exchange &exchange, const HistoryContext &context)
{
    HistoryRecord r;
    r.context = context;
    Exchange &e = r.exchange;
    e = exchange;
    e.authorization.clear();
    if (e.token) {
        e.token->rawSig = kRedacted.toString();
        e.token->signature = kRedacted.toString();
    }
    if (!e.started.isValid())
        e.started = QDateTime::currentDateTimeUtc();
    e.requestHeaders = redactedHeaders(e.requestHeaders);
    e.responseHeaders = redactedHeaders(e.responseHeaders);
    if (!e.url.isEmpty())
        e.url = QUrl::fromEncoded(redactSecrets(e.url.toEncoded()), QUrl::TolerantMode);
    // A hub description carries every key and PNS credential (docs/protocol.md §14.6).
    e.requestBody = redactHubDescriptionXml(redactSecrets(e.requestBody));
    e.responseBody = redactHubDescriptionXml(redactSecrets(e.responseBody));
    e.errorSentence = redactSecrets(e.errorSentence);
    if (e.error)
        e.error->message = redactSecrets(e.error->message);
    e.location = redactSecrets(e.location);
    e.continuationToken = redactSecrets(e.continuationToken);
    for (RenderedPayload &p : e.rendered) {
        // The properties came from the request body: redacted the same way. A redaction moves
        // the text, so its marks go (their sentences stay in the warnings).
        if (const QString body = redactSecrets(p.body); body != p.body) {
            p.body = body;
            p.marks.clear();
        }
    }
    if (e.hubError) {
        // Its text came from the body, which is redacted above; parse it again from there.
        if (auto body = parseErrorBody(e.responseBody))
            e.hubError = *body;
        else
            e.hubError.reset();
    }

    // What the request aimed at, unless the caller said.
    HistoryContext &c = r.context;
    const QString path = e.url.isEmpty() ? QString() : pathBelowHub(e.url, e.hub);
    if (c.target.isEmpty() && c.targetKind == TargetKind::None) {
        const auto tags = headerValue(e.requestHeaders, kTagsHeader);
        const auto handle = headerValue(e.requestHeaders, kDeviceHandleHeader);
        if (tags) {
            c.targetKind = TargetKind::Tags;
            c.target = QString::fromUtf8(*tags).trimmed();
        } else if (handle) {
            c.targetKind = TargetKind::Device;
            c.target = QString::fromUtf8(*handle).trimmed();
        } else if (e.operation == operationName(Operation::SendBatch)
                   || path.endsWith(u"$batch"_s)) {
            c.targetKind = TargetKind::Batch;
        } else if (e.operation.startsWith(operationName(Operation::Send))) {
            c.targetKind = TargetKind::Broadcast;
        } else if (!path.isEmpty()) {
            c.targetKind = TargetKind::Resource;
            c.target = path;
        }
    }
    if (c.format.isEmpty()) {
        if (const auto format = headerValue(e.requestHeaders, kFormatHeader)) {
            const QString raw = QString::fromUtf8(*format).trimmed();
            const auto known = formatFromWireName(raw);
            c.format = known ? formatWireName(*known) : raw.toLower();
        }
    }
    c.target = redactSecrets(c.target);

    if (c.targetKind == TargetKind::Tags) {
        if (auto parsed = TagExpression::parse(c.target, TagExpression::Limits::Report))
            r.tags = parsed->tags();
    } else if (e.operation == operationName(Operation::RegistrationsByTag)) {
        const QStringList segments = path.split(u'/');
        if (segments.size() >= 2 && segments.first() == u"tags"_s)
            r.tags = {segments.at(1)};
    }
    r.status = historyStatusOf(e);
    return r;
}
// --- HistoryFilter, HistorySort -----------------------------------------------------------------

bool HistoryFilter::isEmpty() const
{
    return *this == HistoryFilter();
}

bool HistoryFilter::matchesSummary(const HistorySummary &row) const
{
    if (!profileId.isEmpty() && row.profileId != profileId)
        return false;
    if (from.isValid() && row.started < from)
        return false;
    if (to.isValid() && row.started >= to)
        return false;
    if (!format.isEmpty() && row.format.compare(format, Qt::CaseInsensitive) != 0)
        return false;
    if (!tag.isEmpty() && !row.tags.contains(tag.trimmed(), Qt::CaseInsensitive))
        return false;
    if (!target.isEmpty() && !row.target.contains(target, Qt::CaseInsensitive))
        return false;
    if (statuses && !statuses.testFlag(row.status))
        return false;
    if (pinnedOnly && !row.pinned)
        return false;
    return true;
}

QVariant HistorySort::valueOf(const HistorySummary &row, Key key)
{
    switch (key) {
    case Key::Started:
        return row.started.toMSecsSinceEpoch();
    case Key::Profile:
        return row.profileName;
    case Key::Operation:
        return row.operation;
    case Key::Target:
        return row.target;
    case Key::Format:
        return row.format;
    case Key::Status:
        return row.httpStatus;
    case Key::Outcome:
        return row.outcomeFailure;
    case Key::Elapsed:
        return row.totalMs;
    case Key::Label:
        return row.label;
    }
    return {};
}

bool HistorySort::before(const HistorySummary &a, const HistorySummary &b) const
{
    const QVariant va = valueOf(a, key);
    const QVariant vb = valueOf(b, key);
    int c = 0;
    if (va.typeId() == QMetaType::QString) {
        // SQLite's BINARY collation compares UTF-8 bytes.
        c = va.toString().toUtf8().compare(vb.toString().toUtf8());
    } else {
        const qint64 x = va.toLongLong(), y = vb.toLongLong();
        c = x < y ? -1 : x > y ? 1 : 0;
    }
    if (c == 0)
        c = a.rowId < b.rowId ? -1 : a.rowId > b.rowId ? 1 : 0;
    return order == Qt::AscendingOrder ? c < 0 : c > 0;
}
} // namespace Nh
