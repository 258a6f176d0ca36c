#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The nhconsole authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The real nhcli binary against a real nhemulator process (issue #5; python3, stdlib only).

    cli_process.py <nhcli> <nhemulator>

Proves what the in-process suite (tst_cli) cannot: the binary's exit statuses as a shell sees
them, the key read from stdin (and absent from the process's own command line while it runs,
as `ps` would show it), the environment variables, stdout/stderr separation and `nhcli emulator`
serving another nhcli process. Prints 'ok'/'FAIL' per check and 'N passed, N failed'.
"""
import json
import os
import signal
import subprocess
import sys
import tempfile
import time

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "interop"))
from emulator_process import (EmulatorError, EmulatorProcess,  # noqa: E402
                              exit_on_sigterm, indent)

FULL = "DefaultFullSharedAccessSignature"
LISTEN = "DefaultListenSharedAccessSignature"
RUN_TIMEOUT_S = 60

results = []


def check(name, ok, detail=""):
    results.append(ok)
    print(("ok   %s" if ok else "FAIL %s") % name)
    if not ok and detail:
        print(indent(detail))
    sys.stdout.flush()


def key_of(connection_string):
    for part in connection_string.split(";"):
        if part.startswith("SharedAccessKey="):
            return part[len("SharedAccessKey="):]
    return None


SANDBOX = tempfile.TemporaryDirectory(prefix="nh-cli-home-")


def base_env():
    env = dict(os.environ)
    for name in ("NH_CONNECTION_STRING", "NH_HUB", "NH_CA_FILE", "NH_SAS_KEY", "COLUMNS"):
        env.pop(name, None)
    env["NO_PROXY"] = "localhost,127.0.0.1,::1"
    # send writes the history and profiles live in the config: keep both out of the real home.
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        env[name] = os.path.join(SANDBOX.name, name.lower())
    return env


def nhcli(binary, args, env, stdin=None):
    done = subprocess.run([binary] + args, env=env, input=stdin, capture_output=True, text=True,
                          timeout=RUN_TIMEOUT_S)
    return done.returncode, done.stdout, done.stderr


def as_json(text):
    try:
        return json.loads(text)
    except ValueError:
        return {}


def run_checks(binary, emu):
    cs = emu.connection_string(FULL).replace("//localhost:", "//127.0.0.1:")
    listen = emu.connection_string(LISTEN).replace("//localhost:", "//127.0.0.1:")
    key = key_of(cs)
    hub = emu.info["hub"]
    cert = emu.info["certificate"]
    env = base_env()
    with_env = dict(env, NH_CONNECTION_STRING=cs, NH_HUB=hub, NH_CA_FILE=cert)
    send = ["send", "--format", "apple"]

    code, out, err = nhcli(binary, ["--help"], env)
    check("--help exits 0 and lists the commands",
          code == 0 and out.startswith("Usage: nhcli") and "registrations" in out, out + err)

    code, out, err = nhcli(binary, ["send", "--help"], env)
    check("send --help exits 0 with send's options", code == 0 and "--repeat" in out, out + err)

    code, out, err = nhcli(binary, send + ["--frob"], env)
    check("an unknown option exits 2 (usage)", code == 2 and "frob" in err, out + err)

    # The key on stdin: the first line is the connection string.
    args = ["send", "--connection-string", "-", "--hub", hub, "--ca-file", cert, "--format",
            "apple", "--tags", "sports", "--json"]
    code, out, err = nhcli(binary, args, env, stdin=cs + "\n")
    doc = as_json(out)
    check("send with the connection string on stdin exits 0 with the outcome in JSON",
          code == 0 and doc.get("exitCode") == 0 and doc.get("outcome", {}).get("success", 0) >= 1
          and doc.get("status") == 201, "exit %d\n%s\n%s" % (code, out, err))
    check("the key appears in neither stdout nor stderr", key not in out and key not in err)

    # While nhcli runs, its command line (what ps shows) holds no key.
    proc = subprocess.Popen([binary] + args + ["--header", "X-Nh-Emulator-Fault:delay=1500"],
                            env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    proc.stdin.write(cs + "\n")
    proc.stdin.close()
    time.sleep(0.5)
    try:
        with open("/proc/%d/cmdline" % proc.pid, "rb") as f:
            cmdline = f.read().decode("utf-8", "replace")
    except OSError as e:
        cmdline = "unreadable: %s" % e
    out, err = proc.stdout.read(), proc.stderr.read()  # stdin is closed: no communicate()
    proc.wait(RUN_TIMEOUT_S)
    check("a running nhcli's command line (ps) holds no key",
          not cmdline.startswith("unreadable") and key not in cmdline and "send" in cmdline
          and proc.returncode == 0, "cmdline %r, exit %d\n%s" % (cmdline, proc.returncode, err))

    code, out, err = nhcli(binary, ["send", "--connection-string", cs, "--hub", hub, "--format",
                                    "apple", "--tags", "sports"], env)
    check("a key on the command line is refused with exit 2 and the reason",
          code == 2 and "(ps)" in err and key not in out + err, out + err)

    code, out, err = nhcli(binary, send + ["--tags", "nobody-has-this-tag"], with_env)
    check("a test send that reaches no registration exits 6", code == 6, out + err)

    code, out, err = nhcli(binary, send + ["--tags", "sports", "--json"],
                           dict(with_env, NH_CONNECTION_STRING=listen))
    check("a hub error (Listen rule cannot send: 401) exits 5",
          code == 5 and as_json(out).get("status") == 401, out + err)

    code, out, err = nhcli(binary, send + ["--tags", "sports"],
                           dict(with_env, NH_CA_FILE=""))
    check("an untrusted certificate is a transport error: exit 4",
          code == 4 and "TLS" in out, out + err)

    code, out, err = nhcli(binary, send + ["--tags", "sports", "--header",
                                           "X-Nh-Emulator-Fault:garbage"], with_env)
    check("an unreadable answer exits 7", code == 7, out + err)

    code, out, err = nhcli(binary, send + ["--tags", "sports &&"], with_env)
    check("a refused tag expression exits 3 before sending", code == 3 and "position" in out,
          out + err)

    code, out, err = nhcli(binary, ["explain-tags", "a || b && !c", "--json"], env)
    check("explain-tags works offline and normalises",
          code == 0 and as_json(out).get("normalized") == "a || (b && !c)", out + err)

    code, out, err = nhcli(binary, ["send", "--format", "apple", "--tags", "sports",
                                    "--repeat", "20", "--concurrency", "4", "--json"], with_env)
    summary = as_json(out).get("repeat", {})
    check("--repeat 20 --concurrency 4 completes 20 with no errors",
          code == 0 and summary.get("completed") == 20 and summary.get("errors") == 0,
          out + err)

    # send writes every exchange to the history, redacted; history reads it back.
    history = os.path.join(SANDBOX.name, "history.sqlite")
    code, out, err = nhcli(binary, send + ["--tags", "sports", "--history", history], with_env)
    code2, out2, err2 = nhcli(binary, ["history", "list", "--json", "--history", history], env)
    rows = as_json(out2).get("exchanges", [])
    check("send writes the exchange to the history; history list shows it (source cli)",
          code == 0 and code2 == 0 and len(rows) == 1 and rows[0].get("source") == "cli"
          and rows[0].get("target") == "sports", out + err + out2 + err2)
    stored = b"".join(open(f, "rb").read() for f in (history, history + "-wal")
                      if os.path.exists(f))
    check("the history file holds no key", stored and key.encode() not in stored)

    # diagnose (issue #19): a demo device, the JSON form, exit 0, 8 or 9, no key in it.
    code, out, err = nhcli(binary, ["diagnose", "--handle", "fcm-token-frank-twice-xR7:APA91bQ2x",
                                    "--format", "fcmv1", "--tags", "sports || politics",
                                    "--no-history", "--json"], with_env)
    doc = as_json(out)
    check("diagnose --json prints the versioned report; exit 0, 8 or 9; no key",
          code in (0, 8, 9) and doc.get("version") == 1 and doc.get("exitCode") == code
          and len(doc.get("checks", [])) == 8 and key not in out + err, out + err)

    # nhcli emulator as a process, serving another nhcli process.
    with tempfile.TemporaryDirectory(prefix="nh-cli-") as tmp:
        emulator = subprocess.Popen([binary, "emulator", "--port", "0", "--json", "--cert-dir",
                                     os.path.join(tmp, "cert"), "--hub", "procHub"],
                                    env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                    text=True)
        try:
            line = emulator.stdout.readline()
            info = as_json(line)
            strings = info.get("connectionStrings", {})
            ok = info.get("hub") == "procHub" and FULL in strings
            check("nhcli emulator prints one JSON line with its connection strings", ok,
                  line + (emulator.stderr.read() if not line else ""))
            if ok:
                code, out, err = nhcli(binary, send + ["--tags", "user:alice", "--json"],
                                       dict(env, NH_CONNECTION_STRING=strings[FULL],
                                            NH_HUB="procHub", NH_CA_FILE=info["certificate"]))
                check("another nhcli sends to it with its certificate: exit 0",
                      code == 0 and as_json(out).get("outcome", {}).get("success", 0) >= 1,
                      out + err)
            # Ctrl+C cancels the running command: the emulator stops and exits 0.
            emulator.send_signal(signal.SIGINT)
            try:
                status = emulator.wait(10)
            except subprocess.TimeoutExpired:
                status = None
            check("Ctrl+C stops nhcli emulator: exit 0", status == 0, "exit %r" % (status,))
        finally:
            emulator.terminate()
            try:
                emulator.wait(5)
            except subprocess.TimeoutExpired:
                emulator.kill()
                emulator.wait(5)


def main(argv):
    exit_on_sigterm()
    if len(argv) != 3:
        print("usage: cli_process.py <nhcli> <nhemulator>", file=sys.stderr)
        return 2
    binary, emulator_path = argv[1], argv[2]
    if not os.access(binary, os.X_OK):
        print("FAIL setup: nhcli not found at %r (build the 'nhcli' target)" % binary)
        print("0 passed, 1 failed")
        return 1
    try:
        with EmulatorProcess(emulator_path) as emu:
            run_checks(binary, emu)
            if not emu.alive():
                check("nhemulator stayed up", False, emu.stderr())
    except (EmulatorError, subprocess.TimeoutExpired) as e:
        check("setup", False, str(e))
    failed = results.count(False)
    print("%d passed, %d failed" % (len(results) - failed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
