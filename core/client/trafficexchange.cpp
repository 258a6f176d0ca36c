// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "client/trafficexchange.h"

#include "protocol/operation.h"

#include <QCoreApplication>
#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace Nh {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Nh::TrafficExchange)
};

} // namespace

Expect expectForOperation(const QString &operation)
{
    const auto op = operationFromName(operation);
    if (!op)
        return Expect::Nothing;
    switch (*op) {
    case Operation::SendTest:
        return Expect::Outcome;
    case Operation::TelemetryGet:
        return Expect::Details;
    case Operation::RegistrationsCreate:
    case Operation::RegistrationsPut:
    case Operation::RegistrationsGet:
        return Expect::Registration;
    case Operation::RegistrationsList:
    case Operation::RegistrationsByTag:
        return Expect::Feed;
    case Operation::InstallationsGet:
        return Expect::Installation;
    case Operation::FeedbackGet:
        return Expect::Text;
    case Operation::HubGet:
    case Operation::HubCreate:
    case Operation::HubUpdate:
        return Expect::HubDescription;
    case Operation::HubList:
        return Expect::HubList;
    case Operation::Send:
    case Operation::SendDirect:
    case Operation::SendBatch:
    case Operation::SendScheduled:
    case Operation::SchedulesCancel:
    case Operation::RegistrationIdsCreate:
    case Operation::RegistrationsDelete:
    case Operation::InstallationsPut:
    case Operation::InstallationsPatch:
    case Operation::InstallationsDelete:
    case Operation::HubDelete:
        return Expect::Nothing;
    }
    return Expect::Nothing;
}

std::optional<Sas::DecodedToken> decodeLoggedToken(const QByteArray &authorization)
{
    // The log keeps sr, se and skn and replaces the signature by kRedacted; any base64 stands in
    // for it so that the token reads.
    static const QRegularExpression redactedSig(uR"((?<![A-Za-z])sig=\[redacted\])"_s,
                                                QRegularExpression::CaseInsensitiveOption);
    QString value = QString::fromUtf8(authorization);
    value.replace(redactedSig, u"sig=AAAA"_s);
    auto token = Sas::decode(value);
    if (!token)
        return std::nullopt;
    return *token;
}

Exchange exchangeFromLogEntry(const EmulatorLogEntry &entry, const QUrl &origin)
{
    Exchange e;
    e.operation = entry.operation;
    e.hub = entry.hub;
    e.started = entry.time;
    e.method = entry.method;
    e.url = origin.resolved(QUrl(entry.url, QUrl::TolerantMode));
    e.requestHeaders = entry.requestHeaders;
    e.requestBody = entry.requestBody;
    if (const auto auth = headerValue(entry.requestHeaders, "Authorization"))
        e.token = decodeLoggedToken(*auth);
    e.status = entry.status;
    e.responseHeaders = entry.responseHeaders;
    e.responseBody = entry.responseBody;
    e.totalMs = entry.elapsedMicroseconds / 1000;
    e.attempts.append({entry.time, entry.status, e.totalMs, -1});
    if (entry.status == 0) {
        e.networkError = QNetworkReply::RemoteHostClosedError;
        e.result = ExchangeResult::TransportError;
        e.errorSentence = entry.fault.isEmpty()
            ? Tr::tr("The emulator sent no answer to this request.")
            : Tr::tr("The emulator sent no answer: the fault '%1' was injected.").arg(entry.fault);
        e.error = makeError(errorCodeFor(e.result), e.errorSentence);
        return e;
    }
    HubJob::interpret(e, expectForOperation(entry.operation));
    return e;
}

} // namespace Nh
