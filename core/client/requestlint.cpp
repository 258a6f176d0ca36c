// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "client/requestlint.h"

#include "client/explainer.h"
#include "protocol/crypto.h"
#include "protocol/notification.h"
#include "protocol/operation.h"
#include "protocol/payloadbuilder.h"

#include <QCoreApplication>
#include <QStringList>

using namespace Qt::Literals::StringLiterals;

namespace Nh {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Nh::RequestLint)
};

bool isSend(const Exchange &e)
{
    return e.method == "POST" && e.operation.startsWith(operationName(Operation::Send));
}

/** The request's headers that a payload builder reads: transport, SDK and hub headers out. */
HttpHeaders platformHeaders(const HttpHeaders &headers)
{
    static const QList<QByteArray> transport {
        "host",       "connection",         "content-length",
        "accept",     "accept-encoding",    "accept-language",
        "user-agent", "authorization",      "transfer-encoding",
        "expect",     "keep-alive",         "te",
        "cookie",     "traceparent",        "tracestate",
        "request-id", "x-nh-emulator-fault"};
    HttpHeaders kept;
    for (const auto &[name, value] : headers) {
        const QByteArray lower = name.toLower();
        if (transport.contains(lower) || lower.startsWith("servicebusnotification-")
            || lower.startsWith("x-ms-") || value.trimmed().isEmpty())
            continue;
        kept.append({name, value});
    }
    return kept;
}

void lintSend(const Exchange &e, QList<RequestFlag> &flags)
{
    const auto format = headerValue(e.requestHeaders, kFormatHeader);
    if (!format) {
        flags.append({RequestFlag::Kind::MissingFormat, RequestFlag::Severity::Problem,
                      Tr::tr("The send has no ServiceBusNotification-Format header: the hub "
                             "refuses it with 400. Set it to the payload's format (template, "
                             "apple, fcmv1, …).")});
        return;
    }
    const auto parsed = formatFromWireName(QString::fromUtf8(format->trimmed()));
    if (!parsed) {
        flags.append({RequestFlag::Kind::UnknownFormat, RequestFlag::Severity::Problem,
                      Tr::tr("ServiceBusNotification-Format is \"%1\", which is no format the hub "
                             "knows; it expects template, apple, fcmv1, gcm, windows, "
                             "windowsphone, adm, baidu, browser or xiaomi.")
                          .arg(QString::fromUtf8(*format))});
        return;
    }
    if (e.operation == operationName(Operation::SendBatch))
        return; // a multipart body of handles: its parts are not one platform payload
    const Status status =
        payloadBuilder(*parsed).validate(e.requestBody, platformHeaders(e.requestHeaders));
    if (!status) {
        flags.append({RequestFlag::Kind::RefusedPayload, RequestFlag::Severity::Problem,
                      Tr::tr("The %1 payload is one the hub or the platform refuses: %2.")
                          .arg(formatWireName(*parsed), status.error().message)});
        return;
    }
    for (const Warning &w : status.warnings()) {
        flags.append({RequestFlag::Kind::PayloadWarning, RequestFlag::Severity::Warning,
                      Tr::tr("The hub takes this %1 payload, but: %2.")
                          .arg(formatWireName(*parsed), w.message)});
    }
}

void lintToken(const Exchange &e, QList<RequestFlag> &flags)
{
    if (!e.token || !e.started.isValid())
        return;
    const Sas::DecodedToken &token = *e.token;
    const qint64 left = token.secondsLeft(e.started);
    const QString when = token.expiresAt().toString(u"yyyy-MM-dd HH:mm:ss 'UTC'"_s);
    if (left < 0) {
        flags.append({RequestFlag::Kind::TokenExpired, RequestFlag::Severity::Problem,
                      Tr::tr("The SAS token had expired %1 s before the request (se = %2): "
                             "sign a fresh token for each request, and check the clocks.")
                          .arg(-left)
                          .arg(when)});
    } else if (left < kTokenNearExpirySeconds) {
        flags.append({RequestFlag::Kind::TokenNearExpiry, RequestFlag::Severity::Warning,
                      Tr::tr("The SAS token expires %1 s after the request (se = %2): a retry "
                             "or a slow client will get 401 ExpiredToken. Give it a longer "
                             "lifetime or sign per request.")
                          .arg(left)
                          .arg(when)});
    }
    // The audience, checked by Sas::validate() itself: the token is signed again under a key of
    // our own and moved into the future, so only the audience can fail.
    QUrl requestUrl = e.url;
    if (const auto host = headerValue(e.requestHeaders, "Host")) {
        const QUrl hostUrl(u"https://"_s + QString::fromLatin1(*host));
        if (!hostUrl.host().isEmpty()) {
            requestUrl.setHost(hostUrl.host());
            requestUrl.setPort(hostUrl.port());
        }
    }
    Sas::DecodedToken probe = token;
    const QByteArray key = "nhconsole-audience-probe";
    probe.signature = QString::fromLatin1(
        Crypto::hmacSha256(key, QByteArray(probe.rawSr.toUtf8() + '\n' + probe.rawSe.toUtf8()))
            .toBase64());
    probe.expiry = std::max(probe.expiry, e.started.toSecsSinceEpoch() + 1);
    const Status audience = Sas::validate(probe, QString::fromLatin1(key), requestUrl, e.started);
    if (!audience && audience.error().code == ErrorCode::InvalidAudience) {
        flags.append({RequestFlag::Kind::WrongAudience, RequestFlag::Severity::Problem,
                      Tr::tr("The SAS token is signed for \"%1\", which does not cover %2: sign "
                             "it for the namespace or the hub URI.")
                          .arg(token.resource, requestUrl.toString(QUrl::RemoveQuery))});
    }
}

} // namespace

QString requestFlagKey(RequestFlag::Kind kind)
{
    switch (kind) {
    case RequestFlag::Kind::MissingFormat:
        return u"missing-format"_s;
    case RequestFlag::Kind::UnknownFormat:
        return u"unknown-format"_s;
    case RequestFlag::Kind::RefusedPayload:
        return u"refused-payload"_s;
    case RequestFlag::Kind::PayloadWarning:
        return u"payload-warning"_s;
    case RequestFlag::Kind::ReachedNothing:
        return u"reached-nothing"_s;
    case RequestFlag::Kind::TokenExpired:
        return u"token-expired"_s;
    case RequestFlag::Kind::TokenNearExpiry:
        return u"token-near-expiry"_s;
    case RequestFlag::Kind::WrongAudience:
        return u"wrong-audience"_s;
    case RequestFlag::Kind::Unauthorized:
        return u"unauthorized"_s;
    }
    return {};
}

QList<RequestFlag> lintRequest(const Exchange &e)
{
    QList<RequestFlag> flags;
    if (isSend(e))
        lintSend(e, flags);
    if (e.result == ExchangeResult::NoTargets) {
        const QString tags =
            QString::fromUtf8(headerValue(e.requestHeaders, kTagsHeader).value_or(QByteArray()));
        flags.append({RequestFlag::Kind::ReachedNothing, RequestFlag::Severity::Warning,
                      tags.isEmpty()
                          ? Tr::tr("The send reached no registration (Success 0, Failure 0): the "
                                   "hub has none for this format.")
                          : Tr::tr("The tag expression \"%1\" reached no registration (Success 0, "
                                   "Failure 0).")
                                .arg(tags)});
    }
    lintToken(e, flags);
    if (e.status == 401) {
        const Explanation why = explainHubError(401, e.hubError ? e.hubError->detail : QString());
        flags.append({RequestFlag::Kind::Unauthorized, RequestFlag::Severity::Problem,
                      Tr::tr("401 Unauthorized: %1").arg(why.cause)});
    }
    std::stable_sort(flags.begin(), flags.end(), [](const RequestFlag &a, const RequestFlag &b) {
        return int(a.kind) < int(b.kind);
    });
    return flags;
}

RequestFlag::Severity worstSeverity(const QList<RequestFlag> &flags)
{
    for (const RequestFlag &f : flags) {
        if (f.severity == RequestFlag::Severity::Problem)
            return RequestFlag::Severity::Problem;
    }
    return RequestFlag::Severity::Warning;
}

} // namespace Nh
