// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Checks on Nh::Result in tests. QVERIFY2 evaluates its message even when the check passes, and
// Result::error() asserts on a success, so the message must be taken only from a failure.

#include "common/result.h"

#include <QString>
#include <QTest>

namespace Nh::Test {

/** The error's message of a failed result, or an empty string for a success. */
template<typename R> QString failureText(const R &result)
{
    return result.ok() ? QString() : result.error().message;
}

} // namespace Nh::Test

/** Fails the test with the result's own error message unless `result` succeeded. */
#define NH_VERIFY_OK(result) QVERIFY2((result).ok(), qPrintable(Nh::Test::failureText(result)))
