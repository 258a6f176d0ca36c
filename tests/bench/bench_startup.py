#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The nhconsole authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""bench_startup: start to first paint and idle memory of nhconsole vs a bare QMainWindow.

Both executables carry the same probe (ui/startupprobe.cpp, installed when QApplication is
made): with NH_STARTUP_PROBE=1 each prints `nh-startup first-paint-ms=N` (wall clock since the
process started), `nh-startup first-paint-cpu-ms=N` (CPU time used until then, steadier on a
busy machine) and, once idle,
`nh-startup idle-rss-kb=N`, then quits. Idle is when nhconsole's deferred start-up reports that
it is done (StartupSequence::finished(): emulator, history, profile, first registration
listing), and for the bare window the first idle turn of the event loop after its paint.

Two variants (issue #18), each run of each program in its own HOME and XDG folders:
- fresh: a new HOME per run, so nhconsole takes its first-run path (new settings, the bundled
  emulator's certificate made, a new history file);
- warm: one HOME that a first nhconsole run (not measured) already set up (settings,
  certificate, history, last profile), reused by every run.
Runs alternate between the two programs; medians and ratios are printed, nothing is asserted.
NH_BENCH_QUICK=1 (ctest) runs each twice."""
import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile


def make_home(root):
    env = dict(os.environ)
    for var, sub in (("HOME", ""), ("XDG_CONFIG_HOME", ".config"),
                     ("XDG_DATA_HOME", ".local/share"), ("XDG_CACHE_HOME", ".cache"),
                     ("XDG_STATE_HOME", ".local/state"), ("XDG_RUNTIME_DIR", "run")):
        path = os.path.join(root, sub)
        os.makedirs(path, mode=0o700, exist_ok=True)
        env[var] = path
    env.update(QT_QPA_PLATFORM="offscreen", NH_STARTUP_PROBE="1", LANG="C.UTF-8",
               LC_ALL="C.UTF-8",
               # No session bus: a keychain lookup fails at once instead of waiting.
               DBUS_SESSION_BUS_ADDRESS="unix:path=" + os.path.join(root, "no-bus"))
    return env


def run_in(exe, env, timeout):
    p = subprocess.run([exe], env=env, capture_output=True, text=True, timeout=timeout)
    paint = re.search(r"nh-startup first-paint-ms=(-?\d+)", p.stdout)
    cpu = re.search(r"nh-startup first-paint-cpu-ms=(-?\d+)", p.stdout)
    rss = re.search(r"nh-startup idle-rss-kb=(-?\d+)", p.stdout)
    if p.returncode != 0 or not paint or not rss or not cpu:
        sys.exit("%s: exit %d, no probe output\nstdout: %s\nstderr: %s"
                 % (exe, p.returncode, p.stdout[-2000:], p.stderr[-2000:]))
    return int(paint.group(1)), int(rss.group(1)), int(cpu.group(1))


def run_fresh(exe, timeout):
    with tempfile.TemporaryDirectory(prefix="nh-startup-") as home:
        return run_in(exe, make_home(home), timeout)


def ratio(a, b):
    return a / b if b > 0 else float("nan")


def report(title, results):
    med = {k: tuple(statistics.median(run[i] for run in v) for i in range(3))
           for k, v in results.items()}
    print(title)
    print("%-12s %16s %20s %14s" % ("", "first paint ms", "CPU until paint ms", "idle RSS MB"))
    for k in ("bare", "nhconsole"):
        print("%-12s %16.0f %20.0f %14.1f" % (k, med[k][0], med[k][2], med[k][1] / 1024))
    bp, br, bc = med["bare"]
    np_, nr, nc = med["nhconsole"]
    print("ratio nhconsole/bare: first paint %.2fx (target <= 1.5x; CPU until paint %.2fx), "
          "idle RSS %.2fx (%.1f MB, target < 60 MB)"
          % (ratio(np_, bp), ratio(nc, bc), ratio(nr, br), nr / 1024))


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--nhconsole", required=True)
    ap.add_argument("--bare", required=True)
    ap.add_argument("--runs", type=int, default=0)
    ap.add_argument("--timeout", type=float, default=60)
    a = ap.parse_args()
    runs = a.runs or (2 if os.environ.get("NH_BENCH_QUICK") == "1" else 9)

    fresh = {"bare": [], "nhconsole": []}
    for _ in range(runs):
        fresh["bare"].append(run_fresh(a.bare, a.timeout))
        fresh["nhconsole"].append(run_fresh(a.nhconsole, a.timeout))

    warm = {"bare": [], "nhconsole": []}
    with tempfile.TemporaryDirectory(prefix="nh-startup-warm-") as home:
        env = make_home(home)
        run_in(a.nhconsole, env, a.timeout)  # sets the HOME up; not measured
        for _ in range(runs):
            warm["bare"].append(run_in(a.bare, env, a.timeout))
            warm["nhconsole"].append(run_in(a.nhconsole, env, a.timeout))

    report("bench_startup fresh: %d runs each, offscreen, a new HOME per run (medians)" % runs,
           fresh)
    report("bench_startup warm: %d runs each, offscreen, a HOME set up by an earlier run "
           "(medians)" % runs, warm)
    return 0


if __name__ == "__main__":
    sys.exit(main())
