#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The nhconsole authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Interop: the official JS SDK (@azure/notification-hubs 2.1.0), unchanged, against nhemulator.

    js_sdk.py --emulator <nhemulator> --js-dir <tests/interop/js> --work-dir <build dir>

1. Copies package.json, package-lock.json and sdk_interop.mjs from --js-dir into --work-dir
   (in the BUILD tree: node_modules never lands in the source tree) and runs
   `npm ci --no-audit --no-fund --loglevel=error` there, unless a previous run installed the
   same lock file (a stamp file records its SHA-256).
2. Starts nhemulator --json --port 0 --no-demo-data --cert-dir <temp>.
3. Runs `node sdk_interop.mjs` with the connection strings and hub in the environment and
   NODE_EXTRA_CA_CERTS=<the emulator's certificate>; it must exit 0 and end with
   'N passed, 0 failed'.
A missing node or npm is a FAILURE (CI installs them), never a skip. The emulator is always stopped.
"""
import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import time

sys.dont_write_bytecode = True  # keep __pycache__ out of the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from emulator_process import (EmulatorError, EmulatorProcess, client_env,  # noqa: E402
                              exit_on_sigterm, indent, last_line)

NPM_TIMEOUT_S = 300
DRIVER_TIMEOUT_S = 120
FILES = ("package.json", "package-lock.json", "sdk_interop.mjs")
STAMP = ".nh-lock-sha256"


def fail(message):
    print("FAIL %s" % message)
    print("0 passed, 1 failed")
    return 1


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def install(js_dir, work_dir, npm):
    """Copies the project files into work_dir and runs npm ci when the lock changed."""
    os.makedirs(work_dir, exist_ok=True)
    for name in FILES:
        source = os.path.join(js_dir, name)
        if not os.path.isfile(source):
            return "%s is missing from %s" % (name, js_dir)
        shutil.copyfile(source, os.path.join(work_dir, name))
    lock_hash = sha256(os.path.join(work_dir, "package-lock.json"))
    stamp = os.path.join(work_dir, STAMP)
    installed = os.path.join(work_dir, "node_modules", "@azure", "notification-hubs",
                             "package.json")
    if os.path.isfile(stamp) and os.path.isfile(installed):
        with open(stamp) as f:
            if f.read().strip() == lock_hash:
                print("     npm ci skipped: node_modules matches package-lock.json")
                return None
    if os.path.exists(stamp):
        os.remove(stamp)
    started = time.monotonic()
    try:
        done = subprocess.run([npm, "ci", "--no-audit", "--no-fund", "--loglevel=error"],
                              cwd=work_dir, stdin=subprocess.DEVNULL, capture_output=True,
                              text=True, timeout=NPM_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        return "npm ci did not finish within %d s" % NPM_TIMEOUT_S
    if done.returncode != 0:
        return "npm ci failed with status %d:\n%s" % (done.returncode,
                                                      indent(done.stdout + done.stderr))
    with open(stamp, "w") as f:
        f.write(lock_hash + "\n")
    print("     npm ci done in %.1f s" % (time.monotonic() - started))
    return None


def node_flags(node):
    """Returns (version, flags) for running the SDK on this node.

    @azure/notification-hubs 2.1.0 and its @azure/core-* dependencies declare node >= 20, but
    Debian 12's nodejs is 18.20. The one gap the driver meets there is the WebCrypto global the
    SDK signs SAS tokens with (globalThis.crypto.subtle), which Node 18 has behind a flag;
    Node 19+ has it by default."""
    try:
        version = subprocess.run([node, "-p", "process.versions.node"], stdin=subprocess.DEVNULL,
                                 capture_output=True, text=True, timeout=30).stdout.strip()
        major = int(version.split(".")[0])
    except (OSError, subprocess.TimeoutExpired, ValueError):
        return "unknown", []
    return version, (["--experimental-global-webcrypto"] if major < 19 else [])


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--emulator", required=True, help="path to the nhemulator executable")
    ap.add_argument("--js-dir", required=True, help="tests/interop/js in the source tree")
    ap.add_argument("--work-dir", required=True, help="a directory in the build tree")
    args = ap.parse_args()
    exit_on_sigterm()

    node = shutil.which("node")
    npm = shutil.which("npm")
    if not node or not npm:
        missing = " and ".join(n for n, p in (("node", node), ("npm", npm)) if not p)
        return fail("setup: %s not found on PATH; the JS SDK interop test needs Node.js 18+ "
                    "with npm (Debian: apt-get install nodejs npm)" % missing)
    if os.path.realpath(args.work_dir).startswith(os.path.realpath(args.js_dir) + os.sep) or \
            os.path.realpath(args.work_dir) == os.path.realpath(args.js_dir):
        return fail("setup: --work-dir must not be inside the source folder %s" % args.js_dir)

    problem = install(args.js_dir, args.work_dir, npm)
    if problem:
        return fail("setup: " + problem)
    node_version, flags = node_flags(node)
    if flags:
        print("     node %s is older than the SDK's engines (>=20): running with %s"
              % (node_version, " ".join(flags)))

    try:
        with EmulatorProcess(args.emulator, ["--no-demo-data"]) as emulator:
            env = client_env(emulator.info["certificate"])
            env["NH_CONNECTION_STRING"] = emulator.connection_string(
                "DefaultFullSharedAccessSignature")
            env["NH_LISTEN_CONNECTION_STRING"] = emulator.connection_string(
                "DefaultListenSharedAccessSignature")
            env["NH_HUB"] = emulator.info["hub"]
            started = time.monotonic()
            try:
                done = subprocess.run([node] + flags + ["sdk_interop.mjs"], cwd=args.work_dir,
                                      env=env, stdin=subprocess.DEVNULL, capture_output=True,
                                      text=True, timeout=DRIVER_TIMEOUT_S)
            except subprocess.TimeoutExpired as e:
                out = e.stdout.decode("utf-8", "replace") if isinstance(e.stdout, bytes) \
                    else (e.stdout or "")
                print(out)
                print("  emulator log (last lines):\n" + indent(emulator.log()))
                return fail("driver: node sdk_interop.mjs did not finish within %d s"
                            % DRIVER_TIMEOUT_S)
            elapsed = time.monotonic() - started
            sys.stdout.write(done.stdout)
            if done.stderr.strip():
                print("[node stderr]\n" + indent(done.stderr))
            summary = last_line(done.stdout)
            ok = (done.returncode == 0 and summary.endswith(" passed, 0 failed")
                  and not summary.startswith("0 passed"))
            if not emulator.alive():
                print("FAIL nhemulator died during the run; stderr:\n" + indent(emulator.stderr()))
                ok = False
            if not ok:
                print("  emulator log (last lines):\n" + indent(emulator.log()))
                print("interop_js_sdk: FAILED (driver exit status %d, summary %r)"
                      % (done.returncode, summary))
                return 1
            print("interop_js_sdk: %s in %.1f s" % (summary, elapsed))
            return 0
    except EmulatorError as e:
        return fail("setup: %s" % e)


if __name__ == "__main__":
    sys.exit(main())
