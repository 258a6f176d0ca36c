# SPDX-FileCopyrightText: 2026 The nhconsole authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""nhemulator --hub-config (docs/protocol.md §9.10), as a real process (python3, stdlib only).

    hub_config.py PATH_TO_NHEMULATOR

A malformed file stops nhemulator with exit status 2 and a message naming the file and the
place; a valid one configures its hubs, which GET /{hub} and GET / then answer over HTTPS; the
exchange log (--log) carries none of the file's secrets. Prints 'ok' or the failures.
"""
import os
import ssl
import subprocess
import sys
import tempfile
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from emulator_process import (EmulatorError, EmulatorProcess, exit_on_sigterm,  # noqa: E402
                              parse_connection_string, sas_token)

SECRETS = ["AIzaUserSecretValue0001", "d2ZzLXNlY3JldC12YWx1ZS0wMDAx", "TokenBodyUserValue0001"]

GOOD = """{"hubs": [
  {"name": "configured",
   "credentials": {
     "apns": {"endpoint": "https://api.push.apple.com:443/3/device",
              "token": "TokenBodyUserValue0001", "keyId": "ABC1234567",
              "appId": "TEAM123456", "appName": "com.example.app"},
     "gcm": {"googleApiKey": "AIzaUserSecretValue0001", "retired": true},
     "wns": {"packageSid": "ms-app://s-1-15-2-1", "secretKey": "d2ZzLXNlY3JldC12YWx1ZS0wMDAx"}}}
]}
"""

BAD = [
    ('{"hubs": [\n {"name": "a", "credentials": {"apns": {"token": 5}}}\n]}',
     "hubs[0].credentials.apns.token: expected a string"),
    ('{"hubs": [\n {"name": "a",}\n]}', "line 2, column"),
    ('{"hubs": [{"name": "a", "credentials": {"fcm": {}}}]}',
     "hubs[0].credentials.fcm: unknown platform"),
]


def run_bad(emulator, directory, failures):
    for i, (text, expected) in enumerate(BAD):
        path = os.path.join(directory, "bad%d.json" % i)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        try:
            done = subprocess.run([emulator, "--port", "0", "--hub-config", path],
                                  stdin=subprocess.DEVNULL, capture_output=True, timeout=20)
        except subprocess.TimeoutExpired:
            failures.append("%s: nhemulator did not stop on a malformed file" % path)
            continue
        err = done.stderr.decode("utf-8", "replace")
        if done.returncode != 2:
            failures.append("%s: exit status %d, expected 2" % (path, done.returncode))
        if path not in err or expected not in err:
            failures.append("%s: stderr %r does not name the file and %r" % (path, err, expected))


def get(emu, path):
    name, key = parse_connection_string(
        emu.connection_string("DefaultFullSharedAccessSignature"))
    root = "https://127.0.0.1:%d/" % emu.info["port"]
    request = urllib.request.Request(root + path.lstrip("/"))
    request.add_header("Authorization", sas_token(root, name, key))
    context = ssl.create_default_context(cafile=emu.info["certificate"])
    context.check_hostname = False  # the certificate names 127.0.0.1; the check is the CA
    with urllib.request.urlopen(request, context=context, timeout=20) as reply:
        return reply.status, reply.read().decode("utf-8")


def run_good(emulator, directory, failures):
    path = os.path.join(directory, "hubs.json")
    with open(path, "w", encoding="utf-8") as f:
        f.write(GOOD)
    try:
        with EmulatorProcess(emulator, ["--hub-config", path, "--no-demo-data"]) as emu:
            status, body = get(emu, "/configured?api-version=2017-04")
            if status != 200 or "<NotificationHubDescription" not in body:
                failures.append("GET /configured: %d %s" % (status, body[:300]))
            for needle in ("<Name>Endpoint</Name><Value>https://api.push.apple.com:443/3/device",
                           "<Value>AIzaUserSecretValue0001</Value>", "<WnsCredential>"):
                if needle not in body:
                    failures.append("GET /configured lacks %r" % needle)
            if "FcmV1Credential" in body:
                failures.append("GET /configured has an FcmV1Credential the file did not give")
            status, body = get(emu, "/")
            for hub in ("myHub", "configured"):
                if '<title type="text">%s</title>' % hub not in body:
                    failures.append("GET / does not list %s: %s" % (hub, body[:400]))
            log = emu.log(last_lines=1000)
            for secret in SECRETS:
                if secret in log:
                    failures.append("the exchange log shows the secret %s" % secret)
            if "hub.get" not in log:
                failures.append("the exchange log has no hub.get: %s" % log[-400:])
    except EmulatorError as e:
        failures.append(str(e))


def main():
    exit_on_sigterm()
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    failures = []
    with tempfile.TemporaryDirectory(prefix="nh-hubconfig-") as directory:
        run_bad(sys.argv[1], directory, failures)
        run_good(sys.argv[1], directory, failures)
    for failure in failures:
        print("FAIL " + failure)
    print("ok" if not failures else "%d failure(s)" % len(failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
