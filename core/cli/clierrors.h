// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cli/cli.h"
#include "common/result.h"

#include <QString>

namespace Nh {

struct Exchange;

// How nhcli reads an ErrorCode, in one table (clierrors.cpp): the untranslated `code` of a
// --json error and the exit status. Commands fail with an ErrorCode and never pick an exit
// status themselves.

/** "syntax", "timeout", "hub-rejected", … for ErrorCode (untranslated, for scripts). */
QString errorCodeName(ErrorCode code);
/** The exit status for a failure of kind `code`; ExitCode::Ok for ErrorCode::None. */
ExitCode exitCodeFor(ErrorCode code);
/**
 * The exit status for how an exchange ended: Ok, NoTargets for a test send that reached no
 * registration, otherwise exitCodeFor(exchangeErrorCode(exchange)).
 */
ExitCode exitCodeFor(const Exchange &exchange);
/** The untranslated name of an exit status for JSON: "usage", "transport", … */
QString exitCodeName(ExitCode code);

} // namespace Nh
