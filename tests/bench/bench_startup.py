#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The nhconsole authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""bench_startup: start to first paint and idle memory of nhconsole vs a bare QMainWindow.

Both executables carry the same probe (ui/startupprobe.cpp, installed when QApplication is
made): with NH_STARTUP_PROBE=1 each prints `nh-startup first-paint-ms=N` and, after 1 s of idle,
`nh-startup idle-rss-kb=N`, then quits. Every run gets a fresh HOME and XDG folders, so
nhconsole takes its first-run path (new settings, the bundled emulator's certificate made and
its demo data seeded). Runs alternate between the two programs; medians and ratios are printed.
NH_BENCH_QUICK=1 (ctest) runs each twice."""
import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile


def run_once(exe, timeout):
    with tempfile.TemporaryDirectory(prefix="nh-startup-") as home:
        env = dict(os.environ)
        for var, sub in (("HOME", ""), ("XDG_CONFIG_HOME", ".config"),
                         ("XDG_DATA_HOME", ".local/share"), ("XDG_CACHE_HOME", ".cache"),
                         ("XDG_STATE_HOME", ".local/state"), ("XDG_RUNTIME_DIR", "run")):
            path = os.path.join(home, sub)
            os.makedirs(path, mode=0o700, exist_ok=True)
            env[var] = path
        env.update(QT_QPA_PLATFORM="offscreen", NH_STARTUP_PROBE="1", LANG="C.UTF-8",
                   LC_ALL="C.UTF-8",
                   # No session bus: a keychain lookup fails at once instead of waiting.
                   DBUS_SESSION_BUS_ADDRESS="unix:path=" + os.path.join(home, "no-bus"))
        p = subprocess.run([exe], env=env, capture_output=True, text=True, timeout=timeout)
    paint = re.search(r"nh-startup first-paint-ms=(-?\d+)", p.stdout)
    rss = re.search(r"nh-startup idle-rss-kb=(-?\d+)", p.stdout)
    if p.returncode != 0 or not paint or not rss:
        sys.exit("%s: exit %d, no probe output\nstdout: %s\nstderr: %s"
                 % (exe, p.returncode, p.stdout[-2000:], p.stderr[-2000:]))
    return int(paint.group(1)), int(rss.group(1))


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--nhconsole", required=True)
    ap.add_argument("--bare", required=True)
    ap.add_argument("--runs", type=int, default=0)
    ap.add_argument("--timeout", type=float, default=60)
    a = ap.parse_args()
    runs = a.runs or (2 if os.environ.get("NH_BENCH_QUICK") == "1" else 9)

    results = {"bare": [], "nhconsole": []}
    for _ in range(runs):
        results["bare"].append(run_once(a.bare, a.timeout))
        results["nhconsole"].append(run_once(a.nhconsole, a.timeout))

    med = {k: (statistics.median(p for p, _ in v), statistics.median(r for _, r in v))
           for k, v in results.items()}
    print("bench_startup: %d runs each, offscreen, fresh HOME per run (medians)" % runs)
    print("%-12s %16s %16s" % ("", "first paint ms", "idle RSS MiB"))
    for k in ("bare", "nhconsole"):
        print("%-12s %16.0f %16.1f" % (k, med[k][0], med[k][1] / 1024))
    bp, br = med["bare"]
    np_, nr = med["nhconsole"]
    print("ratio nhconsole/bare: first paint %.2fx, idle RSS %.2fx"
          % (np_ / bp if bp > 0 else float("nan"), nr / br if br > 0 else float("nan")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
