#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The nhconsole authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Soak: nhemulator under a bounded load of mixed operations (issue #8), python3 stdlib only.

    soak_emulator.py <path to nhemulator> [--seconds N] [--connections 16]

Starts one nhemulator process (no demo data) and drives it for N seconds (default 60;
NH_SOAK_SECONDS overrides the default) from 16 threads, each with ONE keep-alive
HTTPSConnection over loopback TLS (so 16 real connections, checked against the emulator's own
count at the end):

  - test sends in four formats (apple and fcmv1 to a tag, template broadcast, windows toast),
  - registrations: create, update (If-Match: *), delete, list ($top, by tag),
  - installations: put, patch, get, delete.

About 1 request in 97 carries `X-Nh-Emulator-Fault: status=503;retry-after=1` and must be
answered 503; every other request must get its operation's success status. The emulator's RSS
is read from /proc/PID/status every second.

Asserted (exit 1 otherwise):
  - no error response that was not injected, and every injected fault answered as injected;
  - keep-alive: each thread used one TCP connection throughout (one local port), and 16
    connections to the emulator's port were established while it ran (/proc/net/tcp);
  - RSS growth after warm-up at most GROWTH_BOUND_MB = 8 MB (mean of the last 5 s against the
    mean of the 5 s after warm-up). Warm-up is the first quarter of the run (at least 5 s): by
    then the emulator's bounded request log (1000 entries) is full and the live sets (20
    registrations and 8 installations per connection) have reached their caps, so its state
    no longer grows; what remains is allocator noise, under 1 MB in practice (warm RSS about
    30 MB). 8 MB still catches a leak of about 100 bytes a request over the 45 s after warm-up
    of a 60 s run at ~2000 req/s;
  - no lost registrations: every registration created and not deleted is there at the end, by
    id, with its tags, and the hub holds no other; every live installation reads back.

Prints requests done, req/s, peak RSS, growth, and the last line as JSON for scripts.
"""
import argparse
import http.client
import json
import os
import random
import re
import ssl
import sys
import threading
import time
import urllib.parse

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "interop"))
from emulator_process import (exit_on_sigterm, parse_connection_string,  # noqa: E402
                              run_with_emulator, sas_token)

API = "api-version=2020-06"
RULE = "DefaultFullSharedAccessSignature"
GROWTH_BOUND_MB = 8
INJECT_EVERY = 97
INJECTED_FAULT = "status=503;retry-after=1"
MAX_LIVE_REGISTRATIONS = 20  # per connection: the live set stays bounded
MAX_LIVE_INSTALLATIONS = 8
ATOM_ENTRY = "application/atom+xml;type=entry;charset=utf-8"
REGISTRATION_XML = (
    '<?xml version="1.0" encoding="utf-8"?>'
    '<entry xmlns="http://www.w3.org/2005/Atom"><content type="application/xml">'
    '<AppleRegistrationDescription xmlns:i="http://www.w3.org/2001/XMLSchema-instance" '
    'xmlns="http://schemas.microsoft.com/netservices/2010/10/servicebus/connect">'
    "<Tags>{tags}</Tags><DeviceToken>{token}</DeviceToken>"
    "</AppleRegistrationDescription></content></entry>")
SENDS = [
    ("apple", "application/json;charset=utf-8", b'{"aps":{"alert":"soak"}}', "soak", {}),
    ("fcmv1", "application/json;charset=utf-8",
     b'{"message":{"notification":{"title":"soak"}}}', "soak || other", {}),
    ("template", "application/json;charset=utf-8", b'{"msg":"soak"}', None, {}),
    ("windows", "application/xml",
     b'<toast><visual><binding template="ToastGeneric"><text>soak</text></binding></visual>'
     b"</toast>", "soak", {"X-WNS-Type": "wns/toast"}),
]


class SoakError(Exception):
    pass




def tags_of_entry(body):
    m = re.search(rb"<Tags>([^<]*)</Tags>", body)
    return sorted(t for t in m.group(1).decode("utf-8").split(",") if t) if m else []


class Worker(threading.Thread):
    """One keep-alive connection doing a mix of operations; keeps what it made live."""

    def __init__(self, index, port, hub, auth, tls, deadline, seed):
        super().__init__(name="soak-%d" % index, daemon=True)
        self.index = index
        self.hub = hub
        self.auth = auth
        self.deadline = deadline
        self.random = random.Random(seed)
        self.conn = http.client.HTTPSConnection("127.0.0.1", port, context=tls, timeout=30)
        self.registrations = {}  # id -> sorted tags
        self.installations = {}  # id -> sorted tags
        self.requests = 0
        self.injected = 0
        self.errors = []  # (operation, status, body start) of unexpected answers
        self.failure = None  # an exception that stopped the worker
        self.counter = 0
        self.local_ports = set()  # one, when the connection was kept alive throughout

    def call(self, op, method, path, body=None, headers=None, expect=(200,)):
        """One request; returns (status, body) when the status is the expected one."""
        self.counter += 1
        inject = self.counter % INJECT_EVERY == 0
        h = {"Authorization": self.auth, "x-ms-version": "2020-06"}
        h.update(headers or {})
        if inject:
            h["X-Nh-Emulator-Fault"] = INJECTED_FAULT
        self.conn.request(method, "/%s/%s" % (self.hub, path), body=body, headers=h)
        response = self.conn.getresponse()
        data = response.read()
        self.requests += 1
        if self.conn.sock is not None:
            self.local_ports.add(self.conn.sock.getsockname()[1])
        if inject:
            self.injected += 1
            if response.status != 503 or response.getheader("Retry-After") != "1":
                self.errors.append((op + " (injected 503)", response.status, data[:200]))
            return None
        if response.status not in expect:
            self.errors.append((op, response.status, data[:200]))
            return None
        return data

    def token(self):
        return "%02X%08X" % (self.index, self.random.getrandbits(32))

    def run(self):
        try:
            while time.monotonic() < self.deadline:
                self.step()
        except Exception as e:  # reported by the main thread
            self.failure = "%s: %s" % (type(e).__name__, e)
        finally:
            self.conn.close()

    def step(self):
        r = self.random.random()
        if r < 0.35:
            fmt, ctype, body, tags, extra = self.random.choice(SENDS)
            headers = {"ServiceBusNotification-Format": fmt, "Content-Type": ctype}
            if tags:
                headers["ServiceBusNotification-Tags"] = tags
            headers.update(extra)
            data = self.call("send.test." + fmt, "POST", "messages?%s&test" % API, body, headers,
                             expect=(201,))
            if data is not None and b"NotificationOutcome" not in data:
                self.errors.append(("send.test." + fmt, 201, data[:200]))
        elif r < 0.50 or not self.registrations:
            if len(self.registrations) >= MAX_LIVE_REGISTRATIONS:
                self.delete_registration()
                return
            tags = sorted({"soak", "c%d" % self.index, "n%d" % self.random.randrange(5)})
            body = REGISTRATION_XML.format(tags=",".join(tags), token=self.token())
            data = self.call("registrations.create", "POST", "registrations?" + API,
                             body.encode("utf-8"), {"Content-Type": ATOM_ENTRY})
            if data is not None:
                m = re.search(rb"<RegistrationId>([^<]+)</RegistrationId>", data)
                if not m or tags_of_entry(data) != tags:
                    self.errors.append(("registrations.create", 200, data[:200]))
                else:
                    self.registrations[m.group(1).decode("ascii")] = tags
        elif r < 0.60:
            rid = self.random.choice(list(self.registrations))
            tags = sorted({"soak", "c%d" % self.index, "u%d" % self.random.randrange(5)})
            body = REGISTRATION_XML.format(tags=",".join(tags), token=self.token())
            data = self.call("registrations.put", "PUT", "registrations/%s?%s" % (rid, API),
                             body.encode("utf-8"), {"Content-Type": ATOM_ENTRY, "If-Match": "*"})
            if data is not None:
                self.registrations[rid] = tags
        elif r < 0.67:
            self.delete_registration()
        elif r < 0.75:
            if self.random.random() < 0.5:
                path = "registrations?%s&$top=10" % API
            else:
                path = "tags/c%d/registrations?%s&$top=10" % (self.index, API)
            self.call("registrations.list", "GET", path)
        else:
            self.installation_step()

    def delete_registration(self):
        rid = self.random.choice(list(self.registrations))
        data = self.call("registrations.delete", "DELETE", "registrations/%s?%s" % (rid, API),
                         headers={"If-Match": "*"})
        if data is not None:
            del self.registrations[rid]

    def installation_step(self):
        r = self.random.random()
        if r < 0.35 or not self.installations:
            if len(self.installations) >= MAX_LIVE_INSTALLATIONS:
                iid = self.random.choice(list(self.installations))
            else:
                iid = "soak-%d-%d" % (self.index, self.random.getrandbits(24))
            tags = sorted({"soak", "i%d" % self.index})
            body = json.dumps({"installationId": iid, "platform": "apns",
                               "pushChannel": self.token(), "tags": tags})
            data = self.call("installations.put", "PUT", "installations/%s?%s" % (iid, API),
                             body.encode("utf-8"), {"Content-Type": "application/json"})
            if data is not None:
                self.installations[iid] = tags
        elif r < 0.60:
            iid = self.random.choice(list(self.installations))
            tag = "p%d" % self.random.randrange(3)
            patch = json.dumps([{"op": "add", "path": "/tags", "value": tag}])
            data = self.call("installations.patch", "PATCH", "installations/%s?%s" % (iid, API),
                             patch.encode("utf-8"),
                             {"Content-Type": "application/json-patch+json"})
            if data is not None:
                self.installations[iid] = sorted(set(self.installations[iid]) | {tag})
        elif r < 0.85:
            iid = self.random.choice(list(self.installations))
            data = self.call("installations.get", "GET", "installations/%s?%s" % (iid, API))
            if data is not None and sorted(json.loads(data).get("tags", [])) != \
                    self.installations[iid]:
                self.errors.append(("installations.get", 200, data[:200]))
        else:
            iid = self.random.choice(list(self.installations))
            data = self.call("installations.delete", "DELETE",
                             "installations/%s?%s" % (iid, API), expect=(200, 204))
            if data is not None:
                del self.installations[iid]


def rss_kb(pid, field="VmRSS"):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    raise SoakError("no %s in /proc/%d/status" % (field, pid))


def established(pid, port):
    """The emulator's own established TCP connections on `port` (its sockets, by inode)."""
    inodes = set()
    fd_dir = "/proc/%d/fd" % pid
    for fd in os.listdir(fd_dir):
        try:
            target = os.readlink(os.path.join(fd_dir, fd))
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(target[8:-1])
    count = 0
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            with open(table) as f:
                next(f)
                for line in f:
                    fields = line.split()
                    if (int(fields[1].rsplit(":", 1)[1], 16) == port and fields[3] == "01"
                            and fields[9] in inodes):
                        count += 1
        except OSError:
            pass
    return count


def final_check(port, hub, auth, tls, workers):
    """Every live registration by id with its tags, no other; every live installation."""
    problems = []
    conn = http.client.HTTPSConnection("127.0.0.1", port, context=tls, timeout=30)
    headers = {"Authorization": auth, "x-ms-version": "2020-06"}

    def get(path):
        conn.request("GET", "/%s/%s" % (hub, path), headers=headers)
        response = conn.getresponse()
        return response.status, response.read(), response

    expected = {}
    installations = {}
    for w in workers:
        expected.update(w.registrations)
        installations.update(w.installations)
    for rid, tags in sorted(expected.items()):
        status, body, _ = get("registrations/%s?%s" % (rid, API))
        if status != 200:
            problems.append("registration %s is lost (GET answered %d)" % (rid, status))
        elif tags_of_entry(body) != tags:
            problems.append("registration %s has tags %s, not %s"
                            % (rid, tags_of_entry(body), tags))
    # Page through everything the hub holds: nothing may be there that was deleted.
    held = {}  # id -> tags
    token = None
    for _ in range(1000):
        path = "registrations?%s&$top=100" % API
        if token:
            path += "&continuationtoken=" + token
        status, body, response = get(path)
        if status != 200:
            problems.append("listing registrations answered %d" % status)
            break
        for entry in body.split(b"<entry")[1:]:
            m = re.search(rb"<RegistrationId>([^<]+)</RegistrationId>", entry)
            if m:
                held[m.group(1).decode("ascii")] = tags_of_entry(entry)
        token = response.getheader("x-ms-continuationtoken")
        if not token:
            break
    # Each installation implies one registration of its own (tagged $InstallationId:{id}).
    implied = {r for r, tags in held.items()
               if any(t.startswith("$InstallationId:") for t in tags)}
    extra = set(held) - implied - set(expected)
    missing = set(expected) - set(held)
    if len(implied) != len(installations):
        problems.append("%d installation registration(s) listed for %d live installations"
                        % (len(implied), len(installations)))
    if missing:
        problems.append("%d registration(s) missing from the list" % len(missing))
    for iid, tags in sorted(installations.items()):
        status, body, _ = get("installations/%s?%s" % (iid, API))
        if status != 200:
            problems.append("installation %s is lost (GET answered %d)" % (iid, status))
        elif sorted(json.loads(body).get("tags", [])) != tags:
            problems.append("installation %s has tags %s, not %s"
                            % (iid, json.loads(body).get("tags"), tags))
    conn.close()
    return problems, len(expected), len(installations), len(held), extra


def main():
    exit_on_sigterm()
    default_seconds = float(os.environ.get("NH_SOAK_SECONDS", "60"))
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("emulator")
    p.add_argument("--seconds", type=float, default=default_seconds)
    p.add_argument("--connections", type=int, default=16)
    p.add_argument("--emulator-arg", action="append", default=[],
                   help="an extra nhemulator argument, e.g. --emulator-arg=--fault=reset@send "
                        "(to see the soak fail)")
    args = p.parse_args()
    if args.seconds < 4:
        print("soak: --seconds must be at least 4")
        return 2

    return run_with_emulator(args.emulator, ["--no-demo-data"] + args.emulator_arg, "soak",
                             lambda emu: run(emu, args))


def run(emu, args):
    port, hub = emu.info["port"], emu.info["hub"]
    key_name, key = parse_connection_string(emu.connection_string(RULE))
    tls = ssl.create_default_context(cafile=emu.info["certificate"])
    auth = sas_token("https://127.0.0.1:%d/%s" % (port, hub), key_name, key,
                     int(args.seconds) + 600)
    pid = emu.process.pid

    warmup = max(5.0, args.seconds / 4)
    window = min(5.0, args.seconds / 5)
    start = time.monotonic()
    deadline = start + args.seconds
    workers = [Worker(i, port, hub, auth, tls, deadline, seed=1000 + i)
               for i in range(args.connections)]
    for w in workers:
        w.start()
    samples = []  # (seconds since start, RSS kB)
    connections = 0
    next_sample = start
    while any(w.is_alive() for w in workers):
        now = time.monotonic()
        if now >= next_sample:
            if not emu.alive():
                print("soak: nhemulator exited (status %s) during the soak; stderr:\n%s"
                      % (emu.process.returncode, emu.stderr()))
                return 1
            samples.append((now - start, rss_kb(pid)))
            connections = max(connections, established(pid, port))
            next_sample += 1.0
        time.sleep(min(0.05, max(0.0, next_sample - time.monotonic())))
    elapsed = time.monotonic() - start
    peak_hwm = rss_kb(pid, "VmHWM")

    failures = [w.failure for w in workers if w.failure]
    errors = [e for w in workers for e in w.errors]
    requests = sum(w.requests for w in workers)
    injected = sum(w.injected for w in workers)
    warm = [kb for t, kb in samples if warmup <= t < warmup + window]
    tail = [kb for t, kb in samples if t >= args.seconds - window]
    peak = max(kb for _, kb in samples)
    base = sum(warm) / len(warm) if warm else float(samples[0][1])
    end = sum(tail) / len(tail) if tail else float(samples[-1][1])
    growth_mb = (end - base) / 1024.0

    problems, live_regs, live_insts, held, extra = final_check(port, hub, auth, tls, workers)
    # The emulator counts accepted connections; its log line per exchange is on stdout.
    print("soak: %.0f s, %d keep-alive connections (%d established), %d requests (%.0f req/s), "
          "%d injected 503s" % (elapsed, args.connections, connections, requests,
                                requests / elapsed, injected))
    print("soak: RSS after warm-up (%.0f-%.0f s) %.1f MB, at the end %.1f MB, growth %+.1f MB "
          "(bound %d MB); peak %.1f MB (VmHWM %.1f MB)"
          % (warmup, warmup + window, base / 1024, end / 1024, growth_mb, GROWTH_BOUND_MB,
             peak / 1024, peak_hwm / 1024))
    print("soak: %d live registrations and %d installations checked; the hub lists %d "
          "registrations" % (live_regs, live_insts, held))

    ok = True
    if failures:
        ok = False
        print("soak: FAIL: %d connection(s) stopped: %s" % (len(failures), "; ".join(failures[:3])))
    if errors:
        ok = False
        print("soak: FAIL: %d unexpected answer(s), first ones:" % len(errors))
        for op, status, body in errors[:5]:
            print("    %s -> %d %r" % (op, status, body))
    reconnected = [w.index for w in workers if len(w.local_ports) != 1]
    if reconnected or connections != args.connections:
        ok = False
        print("soak: FAIL: not %d kept-alive connections: %d established at most; thread(s) %s "
              "reconnected" % (args.connections, connections, reconnected))
    if injected == 0:
        ok = False
        print("soak: FAIL: no fault was injected (the run was too short?)")
    if growth_mb > GROWTH_BOUND_MB:
        ok = False
        print("soak: FAIL: RSS grew by %.1f MB after warm-up (bound %d MB); samples: %s"
              % (growth_mb, GROWTH_BOUND_MB, [kb // 1024 for _, kb in samples]))
    if problems or extra:
        ok = False
        for line in problems[:10]:
            print("soak: FAIL: " + line)
        if extra:
            print("soak: FAIL: %d deleted registration(s) still listed, e.g. %s"
                  % (len(extra), sorted(extra)[:3]))
    print(json.dumps({"seconds": round(elapsed, 1), "connections": args.connections,
                      "requests": requests, "requestsPerSecond": round(requests / elapsed),
                      "injected": injected, "unexpected": len(errors),
                      "rssWarmMB": round(base / 1024, 1), "rssEndMB": round(end / 1024, 1),
                      "rssGrowthMB": round(growth_mb, 1), "rssPeakMB": round(peak / 1024, 1),
                      "liveRegistrations": live_regs, "liveInstallations": live_insts,
                      "ok": ok}))
    if not ok:
        print("soak: the emulator's last exchanges:\n" + emu.log(20))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
