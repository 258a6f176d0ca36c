#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The nhconsole authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""bench_send.py's seed driver: N test sends with the seed Python sample, unchanged.

    bench_send_seed.py <shared/seed dir> <n>    (NH_CONNECTION_STRING, NH_HUB, NH_TAGS,
                                                 SSL_CERT_FILE = the emulator's certificate)

NotificationHub(..., debug=1) is the page's own test-send mode ('&test'); it prints a dump per
send and never checks the status, so the dump is captured and each one must show '201 Created'
and a NotificationOutcome with <Success> of at least 1. One untimed send goes first. Prints one
JSON line {sends, errors, seconds, rate}; start-up is excluded, as for nhcli and the JS SDK.
"""
import contextlib
import io
import json
import os
import re
import sys
import time

sys.dont_write_bytecode = True


def main(argv):
    seed_dir, n = argv[1], int(argv[2])
    sys.path.insert(0, seed_dir)
    from NotificationHub import NotificationHub  # the seed, unchanged

    hub = NotificationHub(os.environ["NH_CONNECTION_STRING"], os.environ["NH_HUB"], 1)
    tags = os.environ["NH_TAGS"]
    payload = {"aps": {"alert": {"title": "bench", "body": "test send"}}}
    success = re.compile(r"<Success>([1-9]\d*)</Success>")

    def send():
        dump = io.StringIO()
        with contextlib.redirect_stdout(dump):
            hub.send_apple_notification(payload, tags)
        text = dump.getvalue()
        return "201 Created" in text and success.search(text) is not None, text

    ok, text = send()
    if not ok:
        print(json.dumps({"sends": 1, "errors": 1, "firstError": text[-400:], "seconds": 0,
                          "rate": 0}))
        return 1
    errors = 0
    first_error = ""
    started = time.perf_counter()
    for _ in range(n):
        ok, text = send()
        if not ok:
            errors += 1
            first_error = first_error or text[-400:]
    seconds = time.perf_counter() - started
    print(json.dumps({"sends": n, "errors": errors, "firstError": first_error,
                      "seconds": seconds, "rate": n / seconds}))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
