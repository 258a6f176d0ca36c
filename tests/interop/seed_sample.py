#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The nhconsole authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Interop: the seed Python sample, unchanged, against nhemulator (python3, stdlib only).

    seed_sample.py <path to nhemulator> <path to shared/seed/run_sample.py>

Starts nhemulator (--json --port 0 --cert-dir <temp>), then runs run_sample.py twice, without
and with --debug, trusting the emulator's certificate through SSL_CERT_FILE. Each run must end
with the line '9 passed, 0 failed'. Prints 'ok'/'FAIL' per run and a closing line
'N passed, N failed'; exits 1 when anything failed. The emulator is always stopped.
"""
import os
import subprocess
import sys

sys.dont_write_bytecode = True  # keep __pycache__ out of the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))
import shared_dir  # noqa: E402
from emulator_process import (EmulatorError, EmulatorProcess, client_env,  # noqa: E402
                              exit_on_sigterm, indent, last_line)

RUN_TIMEOUT_S = 60  # nine sends take well under a second; this only bounds a hang
EXPECTED_LAST_LINE = "9 passed, 0 failed"
FULL_RULE = "DefaultFullSharedAccessSignature"


def run_sample(sample, emulator, debug):
    args = [sys.executable, sample, "--connection-string", emulator.connection_string(FULL_RULE),
            "--hub", emulator.info["hub"]]
    if debug:
        args.append("--debug")
    try:
        done = subprocess.run(args, env=client_env(emulator.info["certificate"]),
                              stdin=subprocess.DEVNULL, capture_output=True, text=True,
                              timeout=RUN_TIMEOUT_S)
    except subprocess.TimeoutExpired as e:
        out = e.stdout.decode("utf-8", "replace") if isinstance(e.stdout, bytes) else (e.stdout or "")
        return "timed out after %d s; output so far:\n%s" % (RUN_TIMEOUT_S, indent(out)), out
    output = done.stdout + (("\n[stderr]\n" + done.stderr) if done.stderr.strip() else "")
    if last_line(done.stdout) != EXPECTED_LAST_LINE:
        return ("the last line is %r, expected %r (exit status %d)"
                % (last_line(done.stdout), EXPECTED_LAST_LINE, done.returncode)), output
    if done.returncode != 0:
        return "exit status %d although it printed %r" % (done.returncode,
                                                          EXPECTED_LAST_LINE), output
    return None, output


def main(argv):
    exit_on_sigterm()
    if len(argv) != 3:
        print("usage: seed_sample.py <nhemulator> <run_sample.py>", file=sys.stderr)
        return 2
    emulator_path, sample = argv[1], argv[2]
    shared_dir.require(os.path.dirname(sample), "the seed sample (shared/seed)")
    if not os.path.isfile(sample):
        print("FAIL setup: the seed sample runner %r does not exist (the shared/ folder must sit "
              "beside the clone)" % sample)
        print("0 passed, 2 failed")
        return 1

    runs = [("seed sample", False), ("seed sample --debug", True)]
    failed = 0
    try:
        with EmulatorProcess(emulator_path) as emulator:
            for name, debug in runs:
                problem, output = run_sample(sample, emulator, debug)
                if problem is None and not emulator.alive():
                    problem = "nhemulator died during the run; stderr:\n" + emulator.stderr()
                if problem:
                    failed += 1
                    print("FAIL %s: %s" % (name, problem))
                    print(indent(output))
                    print("  emulator log (last lines):")
                    print(indent(emulator.log()))
                else:
                    print("ok   %s (%s)" % (name, last_line(output)))
                sys.stdout.flush()
    except EmulatorError as e:
        print("FAIL setup: %s" % e)
        failed = len(runs)
    print("%d passed, %d failed" % (len(runs) - failed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
