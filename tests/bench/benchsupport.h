// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What every in-process benchmark needs: failing loudly, waiting for a signal with a bound, and
// the median of repeated runs (docs/conventions.md, "Benchmarks").

#include <QEventLoop>
#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>
#include <QtGlobal>
#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>

namespace Bench {

/** Prints `<benchmark>: FAILED: why` to stderr and exits 1 (a benchmark that cannot measure
 *  must not print figures). */
[[noreturn]] inline void fail(const QString &why)
{
    std::fflush(stdout);
    std::fprintf(stderr, "%s: FAILED: %s\n", program_invocation_short_name, qPrintable(why));
    std::exit(1);
}

/** Runs the event loop until `signal` or 120 s (a stuck run fails rather than hangs). */
template<typename Signal, typename Sender> void waitFor(Sender *sender, Signal signal)
{
    QEventLoop loop;
    QObject::connect(sender, signal, &loop, &QEventLoop::quit);
    QTimer::singleShot(120000, &loop, [] { fail(QStringLiteral("no answer within 120 s")); });
    loop.exec();
}

/** Registrations to generate: BENCH_N when set, else 20,000 for ctest's quick run
 *  (NH_BENCH_QUICK=1), else the 1,000,000. */
inline int generatedCount()
{
    if (qEnvironmentVariableIsSet("BENCH_N"))
        return qEnvironmentVariableIntValue("BENCH_N");
    return qEnvironmentVariableIntValue("NH_BENCH_QUICK") == 1 ? 20000 : 1000000;
}

/** The median of `values`; 0 when there are none. */
inline double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(values.size() / 2);
}

} // namespace Bench
