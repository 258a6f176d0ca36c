# SPDX-FileCopyrightText: 2026 The nhconsole authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Starts nhemulator for an interop test and stops it again (python3, stdlib only).

    with EmulatorProcess(path_to_nhemulator) as emu:
        emu.info["connectionStrings"]["DefaultFullSharedAccessSignature"], emu.info["certificate"]

The emulator writes its stdout/stderr to files in a private temporary directory (not pipes), so
its --log lines can never fill a pipe and block it, and they are at hand to show on a failure.
Every wait is bounded; the process is always killed and the directory always removed.
"""
import base64
import hashlib
import hmac
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.parse

START_TIMEOUT_S = 20  # certificate generation plus start-up on a loaded 2-core machine
STOP_TIMEOUT_S = 5


class EmulatorError(Exception):
    pass


class EmulatorProcess:
    def __init__(self, executable, extra_args=()):
        self.executable = executable
        self.extra_args = list(extra_args)
        self.process = None
        self.info = None
        self.tempdir = None

    def __enter__(self):
        try:
            self.start()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc):
        self.stop()
        return False

    def start(self):
        if not os.path.isfile(self.executable) or not os.access(self.executable, os.X_OK):
            raise EmulatorError("nhemulator not found or not executable at %r (build the "
                                "'nhemulator' target first)" % self.executable)
        self.tempdir = tempfile.mkdtemp(prefix="nh-interop-")
        cert_dir = os.path.join(self.tempdir, "cert")
        self.stdout_path = os.path.join(self.tempdir, "emulator.out")
        self.stderr_path = os.path.join(self.tempdir, "emulator.err")
        args = [self.executable, "--json", "--port", "0", "--cert-dir", cert_dir, "--log"]
        args += self.extra_args
        with open(self.stdout_path, "wb") as out, open(self.stderr_path, "wb") as err:
            self.process = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=out, stderr=err)
        deadline = time.monotonic() + START_TIMEOUT_S
        while True:
            first = self._first_line()
            if first is not None:
                break
            if self.process.poll() is not None:
                raise EmulatorError("nhemulator exited with status %d before printing its JSON "
                                    "line; stderr:\n%s" % (self.process.returncode, self.stderr()))
            if time.monotonic() > deadline:
                raise EmulatorError("nhemulator printed no JSON line within %d s; stderr:\n%s"
                                    % (START_TIMEOUT_S, self.stderr()))
            time.sleep(0.05)
        try:
            self.info = json.loads(first)
            for key in ("port", "hub", "certificate", "connectionStrings"):
                self.info[key]
        except (ValueError, KeyError, TypeError) as e:
            raise EmulatorError("nhemulator's first line is not the expected JSON (%s): %r"
                                % (e, first))
        if not os.path.isfile(self.info["certificate"]):
            raise EmulatorError("the certificate %r that nhemulator names does not exist"
                                % self.info["certificate"])
        return self.info

    def _first_line(self):
        with open(self.stdout_path, "rb") as f:
            data = f.read()
        if b"\n" not in data:
            return None
        return data.split(b"\n", 1)[0].decode("utf-8", "replace")

    def connection_string(self, rule):
        strings = self.info["connectionStrings"]
        if rule not in strings:
            raise EmulatorError("nhemulator offers no rule %r (it has %s)"
                                % (rule, ", ".join(sorted(strings))))
        return strings[rule]

    def alive(self):
        return self.process is not None and self.process.poll() is None

    def log(self, last_lines=60):
        """The tail of the emulator's exchange log (its stdout after the JSON line)."""
        try:
            with open(self.stdout_path, "rb") as f:
                lines = f.read().decode("utf-8", "replace").splitlines()[1:]
        except OSError:
            return ""
        return "\n".join(lines[-last_lines:])

    def stderr(self):
        try:
            with open(self.stderr_path, "rb") as f:
                return f.read().decode("utf-8", "replace")[-4000:]
        except OSError:
            return ""

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(STOP_TIMEOUT_S)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(STOP_TIMEOUT_S)
        if self.tempdir:
            shutil.rmtree(self.tempdir, ignore_errors=True)
            self.tempdir = None


def parse_connection_string(text):
    """(SharedAccessKeyName, SharedAccessKey) of a connection string."""
    parts = dict(p.split("=", 1) for p in text.split(";") if "=" in p)
    return parts["SharedAccessKeyName"], parts["SharedAccessKey"]


def sas_token(uri, key_name, key, ttl=3600):
    """The canonical token (docs/protocol.md §2): sr = lower-cased, percent-encoded audience."""
    sr = urllib.parse.quote(uri.lower(), safe="")
    expiry = str(int(time.time()) + ttl)
    digest = hmac.new(key.encode("utf-8"), (sr + "\n" + expiry).encode("utf-8"),
                      hashlib.sha256).digest()
    sig = urllib.parse.quote(base64.b64encode(digest).decode("ascii"), safe="")
    return "SharedAccessSignature sr=%s&sig=%s&se=%s&skn=%s" % (sr, sig, expiry, key_name)


def exit_on_sigterm():
    """Turns SIGTERM (ctest's timeout, a CI cancel) into SystemExit so that every `finally`
    and `with EmulatorProcess` still stops the emulator instead of orphaning it."""
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))


def run_with_emulator(path, args, label, body):
    """Starts nhemulator with `args`, returns body(emulator) and stops it; a start that fails
    is reported as `label: why` and returns 1 (a script's exit status)."""
    try:
        emu = EmulatorProcess(path, args)
        emu.start()
    except EmulatorError as e:
        print("%s: %s" % (label, e))
        return 1
    try:
        return body(emu)
    finally:
        emu.stop()


def client_env(certificate):
    """The environment for a client process: trust the emulator's certificate, bypass proxies."""
    env = dict(os.environ)
    env["SSL_CERT_FILE"] = certificate
    env["NODE_EXTRA_CA_CERTS"] = certificate
    # Node's SDK honours HTTPS_PROXY; loopback traffic must not go to a proxy.
    loopback = ["localhost", "127.0.0.1", "::1"]
    for name in ("NO_PROXY", "no_proxy"):
        have = [h for h in env.get(name, "").split(",") if h]
        env[name] = ",".join(have + [h for h in loopback if h not in have])
    return env


def last_line(text):
    lines = [line for line in text.splitlines() if line.strip()]
    return lines[-1].strip() if lines else ""


def indent(text, prefix="    "):
    return "\n".join(prefix + line for line in text.rstrip().splitlines())
