// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "client/exchange.h"

#include <QCoreApplication>

using namespace Qt::Literals::StringLiterals;

namespace Nh {

HttpHeaders Exchange::requestHeadersFor(Reveal reveal) const
{
    if (reveal == Reveal::No || authorization.isEmpty())
        return requestHeaders;
    HttpHeaders shown = requestHeaders;
    setHeader(shown, "Authorization"_ba, authorization.toUtf8());
    return shown;
}

QString exchangeResultName(ExchangeResult result)
{
    switch (result) {
    case ExchangeResult::Pending:
        return u"pending"_s;
    case ExchangeResult::Success:
        return u"success"_s;
    case ExchangeResult::NoTargets:
        return u"no-targets"_s;
    case ExchangeResult::HubError:
        return u"hub-error"_s;
    case ExchangeResult::TransportError:
        return u"transport-error"_s;
    case ExchangeResult::Timeout:
        return u"timeout"_s;
    case ExchangeResult::Cancelled:
        return u"cancelled"_s;
    case ExchangeResult::BadResponse:
        return u"bad-response"_s;
    case ExchangeResult::Invalid:
        return u"invalid"_s;
    }
    return {};
}

QString exchangeResultDisplayName(ExchangeResult result)
{
    switch (result) {
    case ExchangeResult::Pending:
        return QCoreApplication::translate("Nh::Exchange", "Pending");
    case ExchangeResult::Success:
        return QCoreApplication::translate("Nh::Exchange", "Success");
    case ExchangeResult::NoTargets:
        return QCoreApplication::translate("Nh::Exchange", "No registration reached");
    case ExchangeResult::HubError:
        return QCoreApplication::translate("Nh::Exchange", "Hub error");
    case ExchangeResult::TransportError:
        return QCoreApplication::translate("Nh::Exchange", "Network error");
    case ExchangeResult::Timeout:
        return QCoreApplication::translate("Nh::Exchange", "Timed out");
    case ExchangeResult::Cancelled:
        return QCoreApplication::translate("Nh::Exchange", "Cancelled");
    case ExchangeResult::BadResponse:
        return QCoreApplication::translate("Nh::Exchange", "Unreadable response");
    case ExchangeResult::Invalid:
        return QCoreApplication::translate("Nh::Exchange", "Not sent: invalid request");
    }
    return {};
}

ErrorCode errorCodeFor(ExchangeResult result)
{
    switch (result) {
    case ExchangeResult::TransportError:
        return ErrorCode::Transport;
    case ExchangeResult::Timeout:
        return ErrorCode::Timeout;
    case ExchangeResult::Cancelled:
        return ErrorCode::Cancelled;
    case ExchangeResult::HubError:
        return ErrorCode::HubRejected;
    case ExchangeResult::BadResponse:
        return ErrorCode::BadResponse;
    case ExchangeResult::Pending:
    case ExchangeResult::Success:
    case ExchangeResult::NoTargets:
    case ExchangeResult::Invalid:
        break;
    }
    return ErrorCode::None;
}

ErrorCode exchangeErrorCode(const Exchange &exchange)
{
    if (exchange.result == ExchangeResult::Invalid)
        return exchange.error ? exchange.error->code : ErrorCode::InvalidValue;
    if (exchange.result == ExchangeResult::Pending)
        return ErrorCode::Cancelled; // asked for while it never ended: it was stopped
    return errorCodeFor(exchange.result);
}

} // namespace Nh
