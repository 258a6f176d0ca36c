#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The nhconsole authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Benchmark: the client's own cost, nhcli against the official JS SDK, one trivial hub.

    bench_clientcost.py --nhcli <nhcli> --hub <bench_trivialhub> --js-dir <tests/interop/js>
                        --work-dir <build>/tests/interop/js

Starts bench_trivialhub (HTTPS on the emulator's stack, keep-alive, every POST .../messages
answered at once with the emulator's test-send 201 and outcome), then, in ONE run, sends N apple
test sends with:
  1. nhcli send --repeat N                    (history on, as users run it, into a fresh file)
  2. nhcli send --repeat N --no-history
  3. the official JS SDK 2.1.0, sequential    (bench_send_js.mjs, keep-alive)
  4. nhcli send --repeat N --concurrency 16   (history on, a fresh file)
  5. the JS SDK with 16 sends in flight
For each it prints the rate (sends/s, timed inside the client, start-up excluded) and the CPU per
send: user + system time of the client process (os.wait4's rusage, every thread, the history
writer's included, nhcli's final history flush included) minus the same client's start-up cost
(the same command with N=1, measured in the same run), divided by N-1.

Targets of issue #18, printed as ratios, never asserted: nhcli/SDK sequential rate >= 3x, and at
16 in flight nhcli's CPU per send <= 0.5x the SDK's. A client whose sends fail fails the
benchmark (exit 1). NH_BENCH_QUICK=1 (ctest) uses N=150 and one round; otherwise N=3000
(BENCH_N overrides) and the median of 3 rounds, interleaved.
"""
import argparse
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "interop"))
from emulator_process import client_env, exit_on_sigterm, indent  # noqa: E402
import js_sdk  # noqa: E402  (its npm ci installer)

TAGS = "user:alice"
HUB = "benchhub"
KEY_NAME = "DefaultFullSharedAccessSignature"
KEY = "YmVuY2gta2V5LWJlbmNoLWtleS1iZW5jaC1rZXktYmVuY2g="
CONCURRENT = 16
RUN_TIMEOUT_S = 300


class BenchError(Exception):
    pass


def run_measured(name, args, env, stdin=None):
    """Runs a client; returns (last JSON document of its stdout, CPU seconds user+system)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        process = subprocess.Popen(args, env=env, stdin=subprocess.PIPE, stdout=out, stderr=err)
        if stdin:
            process.stdin.write(stdin.encode())
        process.stdin.close()
        # wait4 gives the child's own rusage (every thread); a timer kills a client that hangs.
        timer = threading.Timer(RUN_TIMEOUT_S, process.kill)
        timer.start()
        try:
            _, status, usage = os.wait4(process.pid, 0)
        finally:
            timer.cancel()
        if os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL:
            raise BenchError("%s did not finish within %d s" % (name, RUN_TIMEOUT_S))
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode("utf-8", "replace")
        stderr = err.read().decode("utf-8", "replace")
    cpu = usage.ru_utime + usage.ru_stime
    lines = [line for line in stdout.splitlines() if line.strip()]
    try:
        try:
            result = json.loads(stdout)  # nhcli --json: one indented document
        except ValueError:
            result = json.loads(lines[-1])  # the JS driver: one line
    except (ValueError, IndexError):
        raise BenchError("%s printed no JSON (exit %d):\n%s" % (
            name, process.returncode, indent((stdout + stderr)[-3000:])))
    if process.returncode != 0:
        raise BenchError("%s failed (exit %d): %s\n%s" % (
            name, process.returncode, json.dumps(result)[:1500], indent(stderr[-1500:])))
    return result, cpu


class Clients:
    def __init__(self, args, port, certificate, tmp):
        self.args = args
        self.tmp = tmp
        self.connection = "Endpoint=sb://localhost:%d/;SharedAccessKeyName=%s;SharedAccessKey=%s" % (
            port, KEY_NAME, KEY)
        self.env = client_env(certificate)
        self.env.pop("NH_CONNECTION_STRING", None)
        self.certificate = certificate
        self.files = 0

    def nhcli(self, n, concurrency, history):
        cmd = [self.args.nhcli, "send", "--connection-string", "-", "--hub", HUB,
               "--ca-file", self.certificate, "--format", "apple", "--tags", TAGS,
               "--repeat", str(n), "--json"]
        if concurrency > 1:
            cmd += ["--concurrency", str(concurrency)]
        if history:
            self.files += 1
            cmd += ["--history", os.path.join(self.tmp, "history-%d.sqlite" % self.files)]
        else:
            cmd += ["--no-history"]
        # The key goes in on stdin, never as an argument.
        result, cpu = run_measured("nhcli", cmd, self.env, stdin=self.connection + "\n")
        summary = result.get("repeat", {})
        if summary.get("completed") != n or summary.get("errors") != 0:
            raise BenchError("nhcli: %s" % json.dumps(summary))
        return summary["sendsPerSecond"], cpu

    def js(self, n, concurrency):
        env = dict(self.env)
        env.update({"NH_CONNECTION_STRING": self.connection, "NH_HUB": HUB, "NH_TAGS": TAGS,
                    "BENCH_N": str(n), "BENCH_CONCURRENCY": str(concurrency)})
        script = os.path.join(self.args.work_dir, "bench_send_js.mjs")
        _, flags = js_sdk.node_flags(self.args.node)
        result, cpu = run_measured("JS SDK", [self.args.node, *flags, script], env)
        return result["rate"], cpu


def start_hub(path, tmp):
    hub = subprocess.Popen([path, tmp], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    line = hub.stdout.readline().decode()
    try:
        info = json.loads(line)
    except ValueError:
        hub.kill()
        raise BenchError("bench_trivialhub did not start: %s%s" % (
            line, hub.stderr.read().decode()[-2000:]))
    return hub, info


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--nhcli", required=True)
    ap.add_argument("--hub", required=True)
    ap.add_argument("--js-dir", required=True)
    ap.add_argument("--work-dir", required=True)
    args = ap.parse_args()
    exit_on_sigterm()

    quick = os.environ.get("NH_BENCH_QUICK") == "1"
    n = int(os.environ.get("BENCH_N", "150" if quick else "3000"))
    rounds = 1 if quick else 3
    for path, what in ((args.nhcli, "nhcli"), (args.hub, "bench_trivialhub")):
        if not os.access(path, os.X_OK):
            print("bench_clientcost: FAILED: %s not found at %s" % (what, path))
            return 1
    args.node = shutil.which("node")
    npm = shutil.which("npm")
    if not args.node or not npm:
        print("bench_clientcost: FAILED: node and npm are needed for the JS SDK peer")
        return 1
    problem = js_sdk.install(args.js_dir, args.work_dir, npm)
    if problem:
        print("bench_clientcost: FAILED: installing the JS SDK: %s" % problem)
        return 1
    shutil.copyfile(os.path.join(HERE, "bench_send_js.mjs"),
                    os.path.join(args.work_dir, "bench_send_js.mjs"))

    seq, conc = "sequential", "%d in flight" % CONCURRENT
    cases = [
        ("nhcli " + seq, lambda c, k: c.nhcli(k, 1, True)),
        ("nhcli --no-history " + seq, lambda c, k: c.nhcli(k, 1, False)),
        ("JS SDK " + seq, lambda c, k: c.js(k, 1)),
        ("nhcli " + conc, lambda c, k: c.nhcli(k, CONCURRENT, True)),
        ("JS SDK " + conc, lambda c, k: c.js(k, CONCURRENT)),
    ]
    rates = {name: [] for name, _ in cases}
    cpus = {name: [] for name, _ in cases}
    startup = {name: [] for name, _ in cases}
    started = time.monotonic()
    hub = None
    try:
        with tempfile.TemporaryDirectory(prefix="nh-clientcost-") as tmp:
            hub, info = start_hub(args.hub, tmp)
            clients = Clients(args, info["port"], info["certificate"], tmp)
            for _ in range(rounds):
                for name, measure in cases:
                    # Start-up and one send (N=1), then the run: CPU per send is the difference.
                    startup[name].append(measure(clients, 1)[1])
                    rate, cpu = measure(clients, n)
                    rates[name].append(rate)
                    cpus[name].append(cpu)
                    if hub.poll() is not None:
                        raise BenchError("bench_trivialhub died: %s" % hub.stderr.read().decode())
    except BenchError as e:
        print("bench_clientcost: FAILED: %s" % e)
        return 1
    finally:
        if hub is not None and hub.poll() is None:
            hub.kill()
            hub.wait()

    median = {name: statistics.median(v) for name, v in rates.items()}
    per_send_ms = {name: statistics.median(
        [(c - s) * 1000.0 / (n - 1) for c, s in zip(cpus[name], startup[name])])
        for name in rates}
    startup_ms = {name: statistics.median(v) * 1000.0 for name, v in startup.items()}
    print("bench_clientcost: %d apple test sends per client to a trivial HTTPS hub (tag %r), %s"
          % (n, TAGS, "1 round (quick)" if rounds == 1 else "median of %d rounds" % rounds))
    print("  %-34s %10s %16s %14s" % ("client", "sends/s", "CPU ms/send", "start-up CPU ms"))
    for name, _ in cases:
        print("  %-34s %10.0f %16.3f %14.0f" % (name, median[name], per_send_ms[name],
                                                startup_ms[name]))
    rate_ratio = median["nhcli " + seq] / median["JS SDK " + seq]
    cpu_ratio = per_send_ms["nhcli " + conc] / per_send_ms["JS SDK " + conc]
    print("  ratios (same run):")
    print("    rate nhcli/JS SDK sequential (history on)      %5.2fx  target >= 3x: %s"
          % (rate_ratio, "met" if rate_ratio >= 3 else "NOT met"))
    print("    rate nhcli --no-history/JS SDK sequential      %5.2fx"
          % (median["nhcli --no-history " + seq] / median["JS SDK " + seq]))
    print("    CPU per send nhcli/JS SDK, %d in flight        %5.2fx  target <= 0.5x: %s"
          % (CONCURRENT, cpu_ratio, "met" if cpu_ratio <= 0.5 else "NOT met"))
    print("    CPU per send nhcli/JS SDK sequential           %5.2fx"
          % (per_send_ms["nhcli " + seq] / per_send_ms["JS SDK " + seq]))
    print("    nhcli history cost (sequential, CPU ms/send)   %6.3f"
          % (per_send_ms["nhcli " + seq] - per_send_ms["nhcli --no-history " + seq]))
    if rounds > 1:
        # Each round's own ratios (its clients ran next to each other), to show the spread.
        def per_round(name):
            return [(c - s) * 1000.0 / (n - 1) for c, s in zip(cpus[name], startup[name])]
        rate_rounds = [a / b for a, b in zip(rates["nhcli " + seq], rates["JS SDK " + seq])]
        cpu_rounds = [a / b for a, b in zip(per_round("nhcli " + conc),
                                            per_round("JS SDK " + conc))]
        print("  per round (spread):")
        print("    rate nhcli/JS SDK sequential                   %s"
              % "  ".join("%5.2fx" % r for r in rate_rounds))
        print("    CPU per send nhcli/JS SDK, %d in flight        %s"
              % (CONCURRENT, "  ".join("%5.2fx" % r for r in cpu_rounds)))
    print("bench_clientcost: done in %.1f s" % (time.monotonic() - started))
    return 0


if __name__ == "__main__":
    sys.exit(main())
