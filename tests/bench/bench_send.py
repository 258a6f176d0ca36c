#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The nhconsole authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Benchmark: nhcli's test sends against the peers, all against ONE nhemulator in the same run.

    bench_send.py --nhcli <nhcli> --emulator <nhemulator> --js-dir <tests/interop/js>
                  --work-dir <build>/tests/interop/js --seed-dir <shared/seed>

Starts one nhemulator (demo data), then sends N apple test sends to the tag 'user:alice' (one
registration, so every outcome is the same) with:
  1. nhcli send --repeat N                    (sequential, one keep-alive connection)
  2. nhcli send --repeat N --concurrency 16
  3. the official JS SDK 2.1.0, sequential    (bench_send_js.mjs, keep-alive)
  4. the JS SDK with 16 sends in flight
  5. the seed Python sample (NotificationHub.py, debug mode = test sends, a TLS handshake each)
and prints each rate (sends/s, measured inside each client, start-up excluded) and nhcli's
ratio to each peer. Target: nhcli ahead of the JS SDK in both modes; the figures are printed,
never asserted (only ratios taken in the same run mean anything). A client whose sends fail,
or that cannot run, fails the benchmark (exit 1): a fast error is not a rate.

NH_BENCH_QUICK=1 (ctest) uses N=150 and one round; otherwise N=2000 (BENCH_N overrides) and the
median of 3 rounds, interleaved so that machine noise hits every client alike. The JS SDK is
installed into --work-dir by tests/interop/js_sdk.py's own installer (npm ci, reused while
package-lock.json is unchanged), the same place interop_js_sdk uses.
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "interop"))
sys.path.insert(0, os.path.join(HERE, "..", "support"))
import shared_dir  # noqa: E402
from emulator_process import (EmulatorError, EmulatorProcess, client_env,  # noqa: E402
                              exit_on_sigterm, indent)
import js_sdk  # noqa: E402  (its npm ci installer)

TAGS = "user:alice"
RULE = "DefaultFullSharedAccessSignature"
CONCURRENT = 16
RUN_TIMEOUT_S = 300


class BenchError(Exception):
    pass


def run_json(name, args, env, stdin=None):
    """Runs a client, returns its last stdout line as JSON; raises BenchError on failure."""
    try:
        done = subprocess.run(args, env=env, input=stdin, capture_output=True, text=True,
                              timeout=RUN_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        raise BenchError("%s did not finish within %d s" % (name, RUN_TIMEOUT_S))
    lines = [line for line in done.stdout.splitlines() if line.strip()]
    try:
        try:
            result = json.loads(done.stdout)  # nhcli --json: one indented document
        except ValueError:
            result = json.loads(lines[-1])  # the drivers: one line after any chatter
    except (ValueError, IndexError):
        raise BenchError("%s printed no JSON (exit %d):\n%s" % (
            name, done.returncode, indent((done.stdout + done.stderr)[-3000:])))
    if done.returncode != 0:
        raise BenchError("%s failed (exit %d): %s\n%s" % (
            name, done.returncode, json.dumps(result)[:1500], indent(done.stderr[-1500:])))
    return result


def nhcli_rate(args, emulator, n, concurrency):
    cmd = [args.nhcli, "send", "--connection-string", "-", "--hub", emulator.info["hub"],
           "--ca-file", emulator.info["certificate"], "--format", "apple", "--tags", TAGS,
           "--repeat", str(n), "--json"]
    if concurrency > 1:
        cmd += ["--concurrency", str(concurrency)]
    env = dict(os.environ)
    env.pop("NH_CONNECTION_STRING", None)
    # The key goes in on stdin, never as an argument.
    result = run_json("nhcli", cmd, env, stdin=emulator.connection_string(RULE) + "\n")
    summary = result.get("repeat", {})
    if summary.get("completed") != n or summary.get("errors") != 0:
        raise BenchError("nhcli: %s" % json.dumps(summary))
    return summary["sendsPerSecond"]


def js_rate(args, emulator, n, concurrency):
    env = client_env(emulator.info["certificate"])
    env.update({"NH_CONNECTION_STRING": emulator.connection_string(RULE),
                "NH_HUB": emulator.info["hub"], "NH_TAGS": TAGS, "BENCH_N": str(n),
                "BENCH_CONCURRENCY": str(concurrency)})
    script = os.path.join(args.work_dir, "bench_send_js.mjs")
    # Debian 12's Node 18 keeps the WebCrypto global the SDK signs with behind a flag.
    _, flags = js_sdk.node_flags(args.node)
    result = run_json("JS SDK", [args.node, *flags, script], env)
    return result["rate"]


def seed_rate(args, emulator, n):
    env = client_env(emulator.info["certificate"])
    env.update({"NH_CONNECTION_STRING": emulator.connection_string(RULE),
                "NH_HUB": emulator.info["hub"], "NH_TAGS": TAGS, "PYTHONDONTWRITEBYTECODE": "1"})
    result = run_json("seed sample",
                      [sys.executable, os.path.join(HERE, "bench_send_seed.py"), args.seed_dir,
                       str(n)], env)
    return result["rate"]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--nhcli", required=True)
    ap.add_argument("--emulator", required=True)
    ap.add_argument("--js-dir", required=True)
    ap.add_argument("--work-dir", required=True)
    ap.add_argument("--seed-dir", required=True)
    args = ap.parse_args()
    exit_on_sigterm()

    quick = os.environ.get("NH_BENCH_QUICK") == "1"
    n = int(os.environ.get("BENCH_N", "150" if quick else "2000"))
    rounds = 1 if quick else 3
    for path, what in ((args.nhcli, "nhcli"), (args.emulator, "nhemulator")):
        if not os.access(path, os.X_OK):
            print("bench_send: FAILED: %s not found at %s" % (what, path))
            return 1
    shared_dir.require(args.seed_dir, "the seed sample (shared/seed)")
    if not os.path.isfile(os.path.join(args.seed_dir, "NotificationHub.py")):
        print("bench_send: FAILED: the seed sample is not in %s" % args.seed_dir)
        return 1
    args.node = shutil.which("node")
    npm = shutil.which("npm")
    if not args.node or not npm:
        print("bench_send: FAILED: node and npm are needed for the JS SDK peer")
        return 1
    problem = js_sdk.install(args.js_dir, args.work_dir, npm)
    if problem:
        print("bench_send: FAILED: installing the JS SDK: %s" % problem)
        return 1
    shutil.copyfile(os.path.join(HERE, "bench_send_js.mjs"),
                    os.path.join(args.work_dir, "bench_send_js.mjs"))

    cases = [
        ("nhcli sequential", lambda e: nhcli_rate(args, e, n, 1)),
        ("nhcli %d concurrent" % CONCURRENT, lambda e: nhcli_rate(args, e, n, CONCURRENT)),
        ("JS SDK sequential", lambda e: js_rate(args, e, n, 1)),
        ("JS SDK %d concurrent" % CONCURRENT, lambda e: js_rate(args, e, n, CONCURRENT)),
        ("seed Python sample", lambda e: seed_rate(args, e, n)),
    ]
    rates = {name: [] for name, _ in cases}
    started = time.monotonic()
    try:
        with EmulatorProcess(args.emulator) as emulator:
            for _ in range(rounds):
                for name, measure in cases:
                    rates[name].append(measure(emulator))
                    if not emulator.alive():
                        raise BenchError("nhemulator died; stderr:\n" + emulator.stderr())
    except (EmulatorError, BenchError) as e:
        print("bench_send: FAILED: %s" % e)
        return 1

    median = {name: statistics.median(values) for name, values in rates.items()}
    seq, conc = median["nhcli sequential"], median["nhcli %d concurrent" % CONCURRENT]
    js_seq = median["JS SDK sequential"]
    js_conc = median["JS SDK %d concurrent" % CONCURRENT]
    seed = median["seed Python sample"]
    print("bench_send: %d apple test sends per client to one nhemulator (tag %r), %s"
          % (n, TAGS, "1 round (quick)" if rounds == 1 else "median of %d rounds" % rounds))
    for name, _ in cases:
        print("  %-24s %8.0f sends/s   %s" % (name, median[name],
                                            " ".join("%.0f" % r for r in rates[name])))
    print("  ratios (same run): nhcli/JS SDK sequential %.2f, nhcli/JS SDK %d concurrent %.2f,"
          % (seq / js_seq, CONCURRENT, conc / js_conc))
    print("                     nhcli sequential/seed %.2f, nhcli %d concurrent/seed %.2f"
          % (seq / seed, CONCURRENT, conc / seed))
    ahead = seq > js_seq and conc > js_conc
    print("  target (nhcli ahead of the JS SDK in both modes): %s" % ("met" if ahead else "NOT met"))
    print("bench_send: done in %.1f s" % (time.monotonic() - started))
    return 0


if __name__ == "__main__":
    sys.exit(main())
