// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/clierrors.h"

#include "client/exchange.h"

#include <array>

using namespace Qt::Literals::StringLiterals;

namespace Nh {

namespace {

/** One row per ErrorCode, in the enum's order. */
struct ErrorKind
{
    ErrorCode code;
    QLatin1StringView name;
    ExitCode exit;
};

constexpr std::array kErrorKinds {
    ErrorKind {ErrorCode::None, "none"_L1, ExitCode::Ok},
    // Input refused before anything was sent.
    ErrorKind {ErrorCode::Empty, "empty"_L1, ExitCode::Invalid},
    ErrorKind {ErrorCode::Syntax, "syntax"_L1, ExitCode::Invalid},
    ErrorKind {ErrorCode::MissingField, "missing-field"_L1, ExitCode::Invalid},
    ErrorKind {ErrorCode::EmptyField, "empty-field"_L1, ExitCode::Invalid},
    ErrorKind {ErrorCode::DuplicateField, "duplicate-field"_L1, ExitCode::Invalid},
    ErrorKind {ErrorCode::InvalidValue, "invalid-value"_L1, ExitCode::Invalid},
    ErrorKind {ErrorCode::LimitExceeded, "limit-exceeded"_L1, ExitCode::Invalid},
    ErrorKind {ErrorCode::Truncated, "truncated"_L1, ExitCode::Invalid},
    ErrorKind {ErrorCode::UnexpectedRoot, "unexpected-root"_L1, ExitCode::Invalid},
    ErrorKind {ErrorCode::InvalidSignature, "invalid-signature"_L1, ExitCode::Invalid},
    ErrorKind {ErrorCode::ExpiredToken, "expired-token"_L1, ExitCode::Invalid},
    ErrorKind {ErrorCode::InvalidAudience, "invalid-audience"_L1, ExitCode::Invalid},
    ErrorKind {ErrorCode::UnknownKeyName, "unknown-key-name"_L1, ExitCode::Invalid},
    // Around the input.
    ErrorKind {ErrorCode::Transport, "transport"_L1, ExitCode::Transport},
    ErrorKind {ErrorCode::Timeout, "timeout"_L1, ExitCode::Transport},
    ErrorKind {ErrorCode::Cancelled, "cancelled"_L1, ExitCode::Failure},
    ErrorKind {ErrorCode::HubRejected, "hub-rejected"_L1, ExitCode::Hub},
    ErrorKind {ErrorCode::BadResponse, "bad-response"_L1, ExitCode::BadResponse},
    ErrorKind {ErrorCode::Storage, "storage"_L1, ExitCode::Failure},
    ErrorKind {ErrorCode::Keychain, "keychain"_L1, ExitCode::Failure},
    ErrorKind {ErrorCode::NotFound, "not-found"_L1, ExitCode::Usage},
    ErrorKind {ErrorCode::Usage, "usage"_L1, ExitCode::Usage},
};

static_assert(kErrorKinds.size() == std::size_t(kLastErrorCode) + 1,
              "every ErrorCode needs a row in kErrorKinds");

constexpr bool rowsInEnumOrder()
{
    for (std::size_t i = 0; i < kErrorKinds.size(); ++i) {
        if (kErrorKinds[i].code != ErrorCode(i))
            return false;
    }
    return true;
}
static_assert(rowsInEnumOrder(), "kErrorKinds must list the ErrorCodes in their order");

const ErrorKind *kindOf(ErrorCode code)
{
    const auto i = std::size_t(code);
    return i < kErrorKinds.size() ? &kErrorKinds[i] : nullptr;
}

} // namespace

QString errorCodeName(ErrorCode code)
{
    const ErrorKind *kind = kindOf(code);
    return kind ? QString(kind->name) : u"unknown"_s;
}

ExitCode exitCodeFor(ErrorCode code)
{
    const ErrorKind *kind = kindOf(code);
    return kind ? kind->exit : ExitCode::Failure;
}

ExitCode exitCodeFor(const Exchange &exchange)
{
    switch (exchange.result) {
    case ExchangeResult::Success:
        return ExitCode::Ok;
    case ExchangeResult::NoTargets:
        return ExitCode::NoTargets;
    default:
        break;
    }
    return exitCodeFor(exchangeErrorCode(exchange));
}

QString exitCodeName(ExitCode code)
{
    switch (code) {
    case ExitCode::Ok:
        return u"ok"_s;
    case ExitCode::Failure:
        return u"failure"_s;
    case ExitCode::Usage:
        return u"usage"_s;
    case ExitCode::Invalid:
        return u"invalid"_s;
    case ExitCode::Transport:
        return u"transport"_s;
    case ExitCode::Hub:
        return u"hub"_s;
    case ExitCode::NoTargets:
        return u"no-targets"_s;
    case ExitCode::BadResponse:
        return u"bad-response"_s;
    case ExitCode::DiagnosisProblem:
        return u"diagnosis-problem"_s;
    case ExitCode::DiagnosisUnsure:
        return u"diagnosis-unsure"_s;
    }
    return u"failure"_s;
}

} // namespace Nh
