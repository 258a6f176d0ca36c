#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The nhconsole authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Abuse: nhemulator against clients that misbehave (issue #15), python3 stdlib only.

    abuse_emulator.py <path to nhemulator> [--push-mb 32]

Starts one nhemulator process (no demo data) and runs six stages against it:

  big-bodies       16 TLS clients each announce a 200 MB body (Content-Length) and push body
                   bytes until refused (an answer, a reset or a close), at most --push-mb MB each,
                   looking for an answer only after each MB;
  idle-tcp         500 TCP connections that never send a byte (not even a TLS ClientHello);
  slow-headers     200 TLS connections that send part of a request's header block, then nothing;
  huge-headers     one request with 1 MB of header fields;
  garbage-for-tls  16 connections sending random bytes instead of a TLS handshake;
  garbage-in-tls   16 TLS connections sending random bytes instead of a request.

After each stage (while its idle and slow connections are still open) one normal test send
(POST /<hub>/messages/?api-version=2020-06&test) must get its 201; how long it took is printed,
never asserted (a loaded CI machine may be slow). The emulator's peak RSS (VmHWM from
/proc/PID/status) must stay under PEAK_BOUND_MB = 96 MB: without a bound on what one connection
may make the emulator hold, the big-bodies stage alone takes gigabytes.

Asserted (exit 1 otherwise): every follow-up send answered 201, every big-body client refused
before it pushed --push-mb MB, the emulator alive at the end, VmHWM under the bound. The last line
is a JSON summary for scripts. The open-files limit is raised to its hard limit for the 500 idle
connections (nhemulator raises its own).
"""
import argparse
import http.client
import json
import os
import random
import resource
import select
import socket
import ssl
import sys
import threading
import time

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "interop"))
sys.path.insert(0, HERE)
from emulator_process import (exit_on_sigterm, parse_connection_string,  # noqa: E402
                              run_with_emulator, sas_token)
from soak_emulator import rss_kb  # noqa: E402

RULE = "DefaultFullSharedAccessSignature"
PEAK_BOUND_MB = 96
ANNOUNCED_BODY = 200 * 1024 * 1024
BIG_BODY_CLIENTS = 16
IDLE_CONNECTIONS = 500
SLOW_HEADER_CONNECTIONS = 200
HUGE_HEADERS_BYTES = 1024 * 1024
GARBAGE_CONNECTIONS = 16
FOLLOW_UP_TIMEOUT_S = 60
CLIENT_TIMEOUT_S = 20


class Abuse:
    def __init__(self, emu, push_mb):
        self.emu = emu
        self.port = emu.info["port"]
        self.hub = emu.info["hub"]
        self.tls = ssl.create_default_context(cafile=emu.info["certificate"])
        key_name, key = parse_connection_string(emu.connection_string(RULE))
        self.auth = sas_token("https://127.0.0.1:%d/%s" % (self.port, self.hub), key_name, key,
                              3600)
        self.push = push_mb * 1024 * 1024
        self.stages = []  # dicts: stage, followUpStatus, followUpSeconds, outcome, rssMB
        self.random = random.Random(15)

    # --- helpers ------------------------------------------------------------------------------

    def tcp(self):
        s = socket.create_connection(("127.0.0.1", self.port), timeout=CLIENT_TIMEOUT_S)
        s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        return s

    def tls_socket(self):
        return self.tls.wrap_socket(self.tcp(), server_hostname="localhost")

    def head(self, method, path, extra=b"", length=None):
        lines = [b"%s /%s/%s HTTP/1.1" % (method, self.hub.encode(), path.encode()),
                 b"Host: 127.0.0.1:%d" % self.port,
                 b"Authorization: " + self.auth.encode(),
                 b"ServiceBusNotification-Format: apple",
                 b"Content-Type: application/json;charset=utf-8"]
        if length is not None:
            lines.append(b"Content-Length: %d" % length)
        return b"\r\n".join(lines) + b"\r\n" + extra

    @staticmethod
    def read_answer(s, data=b""):
        """The emulator's answer: one whole response, or what came before a close or timeout."""
        try:
            while True:
                end = data.find(b"\r\n\r\n")
                if end >= 0:
                    length = 0
                    for line in data[:end].split(b"\r\n")[1:]:
                        name, _, value = line.partition(b":")
                        if name.strip().lower() == b"content-length":
                            length = int(value.strip() or b"0")
                    if len(data) >= end + 4 + length:
                        break
                chunk = s.recv(65536)
                if not chunk:
                    break
                data += chunk
        except (OSError, ssl.SSLError, ValueError):
            pass
        return data

    @staticmethod
    def poll_answer(s):
        """Application data the emulator sent, without waiting: None when there is none yet
        (a TLS 1.3 session ticket makes the socket readable too), b"" when it closed."""
        readable, _, _ = select.select([s], [], [], 0)
        if not readable and not s.pending():
            return None
        s.settimeout(0.0)
        try:
            return s.recv(65536)
        except ssl.SSLWantReadError:
            return None
        except (OSError, ssl.SSLError):
            return b""
        finally:
            s.settimeout(CLIENT_TIMEOUT_S)

    @staticmethod
    def status_of(answer):
        if answer.startswith(b"HTTP/1.1 "):
            return answer[9:12].decode("ascii", "replace")
        return "closed" if not answer else "junk"

    def follow_up(self):
        """One normal test send on a new connection: its status and how long it took."""
        start = time.monotonic()
        try:
            conn = http.client.HTTPSConnection("127.0.0.1", self.port, context=self.tls,
                                               timeout=FOLLOW_UP_TIMEOUT_S)
            conn.request("POST", "/%s/messages/?api-version=2020-06&test" % self.hub,
                         body=b'{"aps":{"alert":"abuse follow-up"}}',
                         headers={"Authorization": self.auth,
                                  "ServiceBusNotification-Format": "apple",
                                  "Content-Type": "application/json;charset=utf-8"})
            response = conn.getresponse()
            response.read()
            status = response.status
            conn.close()
        except (OSError, http.client.HTTPException) as e:
            status = "%s: %s" % (type(e).__name__, e)
        return status, time.monotonic() - start

    def stage(self, name, run):
        start = time.monotonic()
        outcome, cleanup = run()
        status, seconds = self.follow_up()
        for c in cleanup:
            try:
                c.close()
            except OSError:
                pass
        rss = rss_kb(self.emu.process.pid, "VmHWM") / 1024.0 if self.emu.alive() else -1
        entry = {"stage": name, "seconds": round(time.monotonic() - start, 2),
                 "followUpStatus": status, "followUpSeconds": round(seconds, 3),
                 "outcome": outcome, "peakRssMB": round(rss, 1)}
        self.stages.append(entry)
        print("abuse: %-15s follow-up send -> %s in %.3f s; peak RSS so far %.1f MB; %s"
              % (name, status, seconds, rss, json.dumps(outcome)), flush=True)

    @staticmethod
    def tally(results):
        counts = {}
        for r in results:
            counts[r] = counts.get(r, 0) + 1
        return counts

    # --- stages -------------------------------------------------------------------------------

    def big_body_client(self, results, index):
        chunk = bytes(self.random.getrandbits(8) for _ in range(256)) * 256  # 64 KB
        pushed = 0
        try:
            s = self.tls_socket()
        except (OSError, ssl.SSLError) as e:
            results[index] = "connect failed: %s" % type(e).__name__
            return
        try:
            s.sendall(self.head(b"POST", "messages/?api-version=2020-06&test", b"\r\n",
                                ANNOUNCED_BODY))
            while pushed < self.push:
                # Pushes blindly for 1 MB at a time before it looks for an answer, as a client
                # that sends its whole body first does.
                first = self.poll_answer(s) if pushed % (1024 * 1024) == 0 else None
                if first is not None:
                    answer = self.read_answer(s, first) if first else first
                    results[index] = "answered " + self.status_of(answer)
                    return
                s.sendall(chunk)
                pushed += len(chunk)
            results[index] = "not refused after %d MB" % (pushed // (1024 * 1024))
        except (OSError, ssl.SSLError) as e:
            results[index] = "cut (%s)" % type(e).__name__
        finally:
            s.close()

    def big_bodies(self):
        results = [None] * BIG_BODY_CLIENTS
        threads = [threading.Thread(target=self.big_body_client, args=(results, i), daemon=True)
                   for i in range(BIG_BODY_CLIENTS)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(CLIENT_TIMEOUT_S * 3)
        self.big_body_results = results
        return self.tally(str(r) for r in results), []

    def idle_tcp(self):
        held = []
        for _ in range(IDLE_CONNECTIONS):
            try:
                held.append(self.tcp())
            except OSError:
                break
        return {"connected": len(held)}, held

    def slow_headers(self):
        held = []
        failures = 0
        for _ in range(SLOW_HEADER_CONNECTIONS):
            try:
                s = self.tls_socket()
                s.sendall(self.head(b"POST", "messages/?api-version=2020-06&test")[:120])
                held.append(s)
            except (OSError, ssl.SSLError):
                failures += 1
        return {"connected": len(held), "failed": failures}, held

    def huge_headers(self):
        filler = b"".join(b"X-Filler-%d: %s\r\n" % (i, b"f" * 1000)
                          for i in range(HUGE_HEADERS_BYTES // 1024))
        s = self.tls_socket()
        try:
            s.sendall(self.head(b"GET", "registrations?api-version=2020-06", filler + b"\r\n"))
            answer = self.read_answer(s)
            outcome = "answered " + self.status_of(answer)
        except (OSError, ssl.SSLError) as e:
            outcome = "cut (%s)" % type(e).__name__
        finally:
            s.close()
        return {"result": outcome}, []

    def garbage_for_tls(self):
        results = []
        for _ in range(GARBAGE_CONNECTIONS):
            s = self.tcp()
            try:
                s.sendall(bytes(self.random.getrandbits(8) for _ in range(16384)))
                results.append("closed" if not self.read_answer(s) else "answered")
            except OSError as e:
                results.append("cut (%s)" % type(e).__name__)
            finally:
                s.close()
        return self.tally(results), []

    def garbage_in_tls(self):
        results = []
        for _ in range(GARBAGE_CONNECTIONS):
            s = self.tls_socket()
            try:
                s.sendall(bytes(self.random.getrandbits(8) for _ in range(65536)))
                results.append("answered " + self.status_of(self.read_answer(s)))
            except (OSError, ssl.SSLError) as e:
                results.append("cut (%s)" % type(e).__name__)
            finally:
                s.close()
        return self.tally(results), []


def raise_open_files():
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    want = hard if hard != resource.RLIM_INFINITY else 65536
    if soft != resource.RLIM_INFINITY and soft < want:
        resource.setrlimit(resource.RLIMIT_NOFILE, (want, hard))
    return resource.getrlimit(resource.RLIMIT_NOFILE)[0]


def main():
    exit_on_sigterm()
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("emulator")
    p.add_argument("--push-mb", type=int, default=32,
                   help="body bytes each big-body client pushes at most before it gives up")
    args = p.parse_args()
    files = raise_open_files()
    if files < IDLE_CONNECTIONS + 100:
        print("abuse: the open-files limit is %d; %d are needed" % (files, IDLE_CONNECTIONS + 100))
        return 1
    return run_with_emulator(args.emulator, ["--no-demo-data"], "abuse",
                             lambda emu: run(emu, args))


def run(emu, args):
    abuse = Abuse(emu, args.push_mb)
    start = time.monotonic()
    status, seconds = abuse.follow_up()
    print("abuse: warm-up send -> %s in %.3f s" % (status, seconds))
    for name, stage in (("big-bodies", abuse.big_bodies), ("idle-tcp", abuse.idle_tcp),
                        ("slow-headers", abuse.slow_headers),
                        ("huge-headers", abuse.huge_headers),
                        ("garbage-for-tls", abuse.garbage_for_tls),
                        ("garbage-in-tls", abuse.garbage_in_tls)):
        abuse.stage(name, stage)
        if not emu.alive():
            break
    alive = emu.alive()
    peak = rss_kb(emu.process.pid, "VmHWM") / 1024.0 if alive else -1
    print("abuse: %.1f s in all; the emulator's peak RSS (VmHWM) %.1f MB (bound %d MB)"
          % (time.monotonic() - start, peak, PEAK_BOUND_MB))

    ok = True
    if not alive:
        ok = False
        print("abuse: FAIL: nhemulator exited (status %s); stderr:\n%s"
              % (emu.process.returncode, emu.stderr()))
    for s in abuse.stages:
        if s["followUpStatus"] != 201:
            ok = False
            print("abuse: FAIL: the send after %s got %s, not 201"
                  % (s["stage"], s["followUpStatus"]))
    unrefused = [r for r in abuse.big_body_results if not str(r).startswith(("answered", "cut"))]
    if unrefused:
        ok = False
        print("abuse: FAIL: %d big-body client(s) not refused: %s" % (len(unrefused), unrefused[0]))
    if alive and peak >= PEAK_BOUND_MB:
        ok = False
        print("abuse: FAIL: peak RSS %.1f MB is not under %d MB" % (peak, PEAK_BOUND_MB))
    if not ok:
        print("abuse: the emulator's last exchanges:\n" + emu.log(20))
    print(json.dumps({"stages": abuse.stages, "peakRssMB": round(peak, 1),
                      "boundMB": PEAK_BOUND_MB, "ok": ok}))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
