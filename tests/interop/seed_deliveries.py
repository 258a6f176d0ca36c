#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The nhconsole authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The emulator as a test hub (docs/protocol.md §9.11): the seed sample against nhemulator with
its demo data, checked through the deliveries endpoint (python3, stdlib only).

    seed_deliveries.py <path to nhemulator> <path to shared/seed/run_sample.py>

For each run of the sample (plain, then --debug): POST /$emulator/reset, run it (it must still
print '9 passed, 0 failed'), then GET /$emulator/deliveries and assert what the demo
registrations received: the WNS toast three times on the native Windows channel with its
X-WNS-Type, the rendered templates ("Hello" for the APNs template, "Salut" for the WNS one),
the JSON payload on the native APNs, legacy GCM and ADM registrations, nothing in the formats
the demo has no registration of, and `test` set exactly in the --debug run. Prints 'ok'/'FAIL'
per check and 'N passed, N failed'; exits 1 when anything failed.
"""
import http.client
import json
import os
import ssl
import sys
import urllib.parse

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))
import shared_dir  # noqa: E402
from emulator_process import EmulatorError, EmulatorProcess, exit_on_sigterm, indent  # noqa: E402
from seed_sample import run_sample  # noqa: E402

WNS_CHANNEL = "https://db5.notify.windows.com/?token=AwYAAAB%2bdemo"
WNS_TEMPLATE_CHANNEL = "https://db5.notify.windows.com/?token=AwYAAAB%2btemplate"
APNS_ALICE = "62BCD3484834B7E2DC56733AC5509259230CC1BA82BA1AE7D06E91908A05A8FA"
APNS_FR = "7603CF2F5537AADF272DEA23B4FB4D33B56F0F8FE697F57777EC459594910786"
APNS_INVALID = "00FC13ADFF785122B4AD28809A3420982341241421348097878E577C991DEinvalid"
GCM = "gcm-legacy-token-APA91bGHXQBB"
ADM = "amzn1.adm-registration.v3.demo"
DATA = {"data": {"msg": "Hello!"}}


class Control:
    """The emulator's loopback control routes, over HTTPS trusting its certificate."""

    def __init__(self, port, certificate):
        self.port = port
        self.context = ssl.create_default_context(cafile=certificate)

    def call(self, method, path, query=None):
        target = path + ("?" + urllib.parse.urlencode(query) if query else "")
        connection = http.client.HTTPSConnection("localhost", self.port, context=self.context,
                                                 timeout=30)
        try:
            connection.request(method, target)
            response = connection.getresponse()
            body = response.read()
        finally:
            connection.close()
        return response.status, (json.loads(body) if body else None)

    def reset(self):
        status, body = self.call("POST", "/$emulator/reset")
        if status != 200:
            raise AssertionError("reset answered %d: %r" % (status, body))

    def deliveries(self, **query):
        query.setdefault("limit", "1000")
        status, body = self.call("GET", "/$emulator/deliveries", query)
        if status != 200:
            raise AssertionError("deliveries answered %d: %r" % (status, body))
        return body["deliveries"]


def header(delivery, name):
    for n, v in delivery["headers"]:
        if n.lower() == name.lower():
            return v
    return None


def check_run(control, debug):
    """The problems found in the deliveries of one run ([] when all is as expected)."""
    problems = []

    def expect(condition, text):
        if not condition:
            problems.append(text)

    hub_all = control.deliveries()
    # A test send reaches at most 10 registrations: with that many of a format (demo data grows),
    # which ones it reached is the hub's choice, so a missing one is not a failure then.
    capped = {f for f in {d["format"] for d in hub_all}
              if debug and sum(1 for d in hub_all if d["format"] == f) >= 10}
    expect(all(d["test"] == debug for d in hub_all),
           "every delivery has test=%s" % str(debug).lower())
    expect(all(d["hub"].lower() == "myhub" for d in hub_all), "every delivery is in myHub")

    # The WNS toast: broadcast, 'sports', 'sports || politics' all reach the native channel.
    wns = [d for d in control.deliveries(handle=WNS_CHANNEL) if d["format"] == "windows"]
    expect(len(wns) == 3, "the native WNS channel got the toast 3 times (got %d)" % len(wns))
    expect(all("Hello world!" in d["payload"] and header(d, "X-WNS-Type") == "wns/toast"
               for d in wns), "the WNS toast arrived with X-WNS-Type: wns/toast")
    expect(all(d["tags"] and "sports" in d["tags"] for d in wns),
           "the WNS deliveries name the channel's tags")

    # The template send, rendered per registration.
    alice = [d for d in control.deliveries(handle=APNS_ALICE, tag="user:alice")
             if d["format"] == "template"]
    expect((not alice and "template" in capped) or len(alice) == 1
           and alice[0].get("templateName") == "greeting"
           and json.loads(alice[0]["payload"]) == {"aps": {"alert": "Hello"}},
           "the APNs template rendered {\"aps\":{\"alert\":\"Hello\"}} (got %r)"
           % [d["payload"] for d in alice])
    salut = [d for d in control.deliveries(handle=WNS_TEMPLATE_CHANNEL)
             if d["format"] == "template"]
    expect((not salut and "template" in capped) or len(salut) == 1
           and "Salut" in salut[0]["payload"]
           and header(salut[0], "X-WNS-Type") == "wns/toast",
           "the WNS template rendered 'Salut' with its X-WNS-Type header")

    # The native JSON sends. The seed's APNs payload has no 'aps': a test send (--debug) reports
    # it as a payload APNs refuses, and so do its delivery records; a real send does not check.
    apple_ok = "payload is invalid" if debug else "successfully"
    for handle, fmt, outcome in ((APNS_ALICE, "apple", apple_ok),
                                 (APNS_FR, "apple", apple_ok),
                                 (APNS_INVALID, "apple", "invalid"),
                                 (GCM, "gcm", "successfully"), (ADM, "adm", "successfully")):
        got = [d for d in control.deliveries(handle=handle) if d["format"] == fmt]
        expect((not got and fmt in capped) or len(got) == 1
               and json.loads(got[0]["payload"]) == DATA
               and outcome in got[0]["outcome"],
               "%s %s… received the data payload once, outcome '%s' (got %r)"
               % (fmt, handle[:12], outcome, [(d["payload"], d["outcome"]) for d in got]))
        if got:
            expect(bool(got[0]["registrationId"]), "%s deliveries name the registration" % fmt)
            expect(debug or got[0].get("notificationId"),
                   "%s deliveries of a real send carry the notification id" % fmt)

    # Formats the demo data has no registration of reached nothing.
    for fmt in ("baidu", "windowsphone"):
        expect(not [d for d in hub_all if d["format"] == fmt], "no %s delivery" % fmt)

    # The filters agree with one another: a registration's deliveries are its handle's.
    if alice:
        by_id = control.deliveries(registration=alice[0]["registrationId"])
        expect([d["payload"] for d in by_id] == [alice[0]["payload"]],
               "registration= selects that registration's deliveries")
    return problems


def main(argv):
    exit_on_sigterm()
    if len(argv) != 3:
        print("usage: seed_deliveries.py <nhemulator> <run_sample.py>", file=sys.stderr)
        return 2
    emulator_path, sample = argv[1], argv[2]
    shared_dir.require(os.path.dirname(sample), "the seed sample (shared/seed)")
    runs = [("seed sample", False), ("seed sample --debug", True)]
    failed = 0
    try:
        with EmulatorProcess(emulator_path) as emulator:
            control = Control(emulator.info["port"], emulator.info["certificate"])
            for name, debug in runs:
                control.reset()
                problem, output = run_sample(sample, emulator, debug)
                problems = [problem] if problem else check_run(control, debug)
                if problems:
                    failed += 1
                    print("FAIL %s:" % name)
                    for p in problems:
                        print("  - " + p)
                    if problem:
                        print(indent(output))
                    print("  emulator log (last lines):")
                    print(indent(emulator.log()))
                else:
                    print("ok   %s: the demo registrations received what it sent" % name)
                sys.stdout.flush()
    except (EmulatorError, AssertionError, OSError, ValueError) as e:
        print("FAIL setup: %s" % e)
        failed = len(runs)
    print("%d passed, %d failed" % (len(runs) - failed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
