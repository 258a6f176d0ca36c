// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

/**
 * A start-up probe for tests/bench/bench_startup (issue #7): when the environment has
 * NH_STARTUP_PROBE=1 it prints, on stdout,
 *   `nh-startup first-paint-ms=<ms from process start to the first paint of any widget>`
 *   `nh-startup first-paint-cpu-ms=<CPU time the process used until then>`
 *   `nh-startup idle-rss-kb=<VmRSS once the start-up is done>`
 * and then quits the application. The start-up is done when startupDone() is called, if
 * expectStartupDone() was called before the first paint (nhconsole's StartupSequence), else
 * as soon as the event loop is idle after the first paint (a bare window). Process start is the
 * kernel's start time of the process
 * (/proc/self/stat; 10 ms resolution on most kernels), so no code has to run first in main().
 * Without the variable it does nothing. Linux only; elsewhere it prints nothing.
 */
namespace StartupProbe {

/** Call once after the QApplication exists (or register it with Q_COREAPP_STARTUP_FUNCTION). */
void installIfRequested();
/** A deferred start-up runs after the first paint: idle RSS waits for startupDone(). */
void expectStartupDone();
/** The deferred start-up is done (StartupSequence::finished()). */
void startupDone();

} // namespace StartupProbe
