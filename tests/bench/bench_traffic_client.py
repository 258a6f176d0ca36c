#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The nhconsole authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The outside client of bench_traffic (python3, stdlib only): sends as fast as the emulator takes.

    bench_traffic_client.py <connection string> <hub> <certificate file> [threads]

Each thread keeps one TLS connection and POSTs back to back: test sends by tag, broadcast template
sends, and every 50th a send without ServiceBusNotification-Format (a broken request the traffic
view flags). Runs until stdin closes or SIGTERM, then prints 'sent N'.
"""
import base64
import hashlib
import hmac
import http.client
import json
import signal
import ssl
import sys
import threading
import time
import urllib.parse

stop = threading.Event()
counts = []


def parse(connection_string):
    parts = dict(p.split("=", 1) for p in connection_string.split(";") if "=" in p)
    endpoint = urllib.parse.urlparse(parts["Endpoint"])
    return endpoint.port, parts["SharedAccessKeyName"], parts["SharedAccessKey"]


def token(uri, key_name, key):
    expiry = str(int(time.time()) + 3600)
    sr = urllib.parse.quote(uri.lower(), safe="").lower()
    sig = base64.b64encode(hmac.new(key.encode(), (sr + "\n" + expiry).encode(),
                                    hashlib.sha256).digest()).decode()
    return "SharedAccessSignature sr=%s&sig=%s&se=%s&skn=%s" % (
        sr, urllib.parse.quote(sig, safe=""), expiry, key_name)


def worker(index, port, hub, auth, context):
    sent = 0
    body = json.dumps({"msg": "bench"}).encode()
    conn = None
    while not stop.is_set():
        if conn is None:
            conn = http.client.HTTPSConnection("127.0.0.1", port, context=context, timeout=10)
        n = sent + index
        headers = {"Authorization": auth, "Content-Type": "application/json;charset=utf-8",
                   "User-Agent": "bench-traffic/%d" % index}
        path = "/%s/messages?api-version=2020-06" % hub
        if n % 50 != 49:
            headers["ServiceBusNotification-Format"] = "template"
        if n % 2 == 0:
            path += "&test"
            headers["ServiceBusNotification-Tags"] = "sports || politics"
        try:
            conn.request("POST", path, body=body, headers=headers)
            conn.getresponse().read()
            sent += 1
        except (OSError, http.client.HTTPException):
            conn.close()
            conn = None
            if stop.wait(0.05):
                break
    counts.append(sent)


def main(argv):
    if len(argv) < 4:
        print(__doc__, file=sys.stderr)
        return 2
    port, key_name, key = parse(argv[1])
    hub, certificate = argv[2], argv[3]
    threads = int(argv[4]) if len(argv) > 4 else 4
    context = ssl.create_default_context(cafile=certificate)
    auth = token("https://127.0.0.1:%d/%s" % (port, hub), key_name, key)
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    workers = [threading.Thread(target=worker, args=(i, port, hub, auth, context), daemon=True)
               for i in range(threads)]
    for w in workers:
        w.start()
    threading.Thread(target=lambda: (sys.stdin.read(), stop.set()), daemon=True).start()
    while not stop.wait(0.2):
        pass
    for w in workers:
        w.join(timeout=5)
    print("sent %d" % sum(counts), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
