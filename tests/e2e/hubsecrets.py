# SPDX-FileCopyrightText: 2026 The nhconsole authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The secret scan's hub credentials (issue #17): fresh random values of every kind for a
`nhemulator --hub-config` file, the nhcli hub paths that carry them, and the canary that proves
the scanner finds them (python3 stdlib; the `openssl` tool makes real keys when it is there).
"""
import base64
import json
import os
import secrets as random_secrets
import shutil
import subprocess
import urllib.parse

from secretscan import Scanner

TIMEOUT_S = 60


HUB_CERT = "e2eCertHub"


HAVE_OPENSSL = shutil.which("openssl") is not None


def openssl(*args, stdin=None):
    return subprocess.run(["openssl", *args], input=stdin, capture_output=True, check=True,
                          timeout=TIMEOUT_S).stdout


def ec_pkcs8_pem():
    """Without the openssl tool: a P-256 PKCS#8 key built by hand, a fresh random scalar and no
    public key (optional in ECPrivateKey; readers derive it)."""
    d = bytearray(random_secrets.token_bytes(32))
    d[0] &= 0x7F  # below the group order
    der = bytes.fromhex("3041020100301306072a8648ce3d020106082a8648ce3d030107"
                        "0427302502010104 20".replace(" ", "")) + bytes(d)
    body = base64.b64encode(der).decode()
    return ("-----BEGIN PRIVATE KEY-----\n%s\n%s\n-----END PRIVATE KEY-----\n"
            % (body[:64], body[64:])).encode()


def new_private_key(rsa=False):
    """A fresh PKCS#8 private key (PEM): RSA as Firebase makes them, or EC P-256 as an APNs .p8;
    EC either way without the openssl tool."""
    if not HAVE_OPENSSL:
        return ec_pkcs8_pem()
    if rsa:
        return openssl("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048")
    return openssl("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256")


def pem_body(pem):
    return "".join(l for l in pem.decode().splitlines() if l and not l.startswith("-----"))


def new_p8():
    """A real EC P-256 PKCS#8 key, as an APNs .p8 file holds it (PEM)."""
    return new_private_key()


def new_p12(workdir, password):
    """A fresh self-signed certificate and key as a .p12 with `password` (the bytes); random
    bytes without the openssl tool (the checks then say the .p12 does not read)."""
    if not HAVE_OPENSSL:
        return random_secrets.token_bytes(1200)
    key, cert, p12 = (os.path.join(workdir, n) for n in ("c.key", "c.pem", "c.p12"))
    openssl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
            "-keyout", key, "-out", cert, "-days", "30",
            "-subj", "/CN=Apple Push Services: com.example.e2e%s" % random_secrets.token_hex(3))
    openssl("pkcs12", "-export", "-inkey", key, "-in", cert, "-out", p12,
            "-passout", "pass:" + password)
    with open(p12, "rb") as f:
        data = f.read()
    for name in (key, cert, p12):
        os.remove(name)
    return data


def token(prefix, n=24):
    return prefix + random_secrets.token_urlsafe(n)


def hub_credentials(workdir):
    """A --hub-config file's credentials with fresh random secrets, and the secrets by name."""
    s = {
        "APNs .p8 token key": pem_body(new_p8()),
        "FCM v1 private key": new_private_key(rsa=True).decode(),
        "GCM API key": token("AIzaSy", 24),
        "WNS secret": token("wns-"),
        "MPNS certificate": base64.b64encode(random_secrets.token_bytes(600)).decode(),
        "MPNS certificate key": token("mpns-"),
        "ADM client secret": token("adm-"),
        "Baidu API key": token("baidu-api-"),
        "Baidu secret key": token("baidu-"),
        "VAPID private key": base64.urlsafe_b64encode(
            random_secrets.token_bytes(32)).decode().rstrip("="),
        "Xiaomi app secret": token("xiaomi-"),
        "APNs .p12 password": token("p12-", 12),
    }
    s["APNs .p12 certificate"] = base64.b64encode(
        new_p12(workdir, s["APNs .p12 password"])).decode()
    vapid_public = "B" + base64.urlsafe_b64encode(random_secrets.token_bytes(64)).decode()[:86]
    every = {
        "apns": {"endpoint": "https://api.development.push.apple.com:443/3/device",
                 "token": s["APNs .p8 token key"], "keyId": "E2EKEY0001", "appId": "E2ETEAM001",
                 "appName": "com.example.e2e"},
        "wns": {"packageSid": "ms-app://s-1-15-2-111-222-333", "secretKey": s["WNS secret"],
                "windowsLiveEndpoint": "https://login.live.com/accesstoken.srf"},
        "gcm": {"googleApiKey": s["GCM API key"],
                "gcmEndpoint": "https://fcm.googleapis.com/fcm/send"},
        "mpns": {"mpnsCertificate": s["MPNS certificate"],
                 "certificateKey": s["MPNS certificate key"]},
        "adm": {"clientId": "amzn1.application-oa2-client.e2e",
                "clientSecret": s["ADM client secret"]},
        "baidu": {"baiduApiKey": s["Baidu API key"], "baiduSecretKey": s["Baidu secret key"]},
        "fcmV1": {"projectId": "nhconsole-e2e", "privateKey": s["FCM v1 private key"],
                  "clientEmail": "e2e@nhconsole-e2e.iam.gserviceaccount.com"},
        "browser": {"subject": "mailto:e2e@example.com", "vapidPublicKey": vapid_public,
                    "vapidPrivateKey": s["VAPID private key"]},
        "xiaomi": {"appSecret": s["Xiaomi app secret"],
                   "endpoint": "https://api.xmpush.xiaomi.com/v3/message/regid"},
    }
    cert_hub = dict(every, apns={"endpoint": "https://api.push.apple.com:443/3/device",
                                 "apnsCertificate": s["APNs .p12 certificate"],
                                 "certificateKey": s["APNs .p12 password"]})
    return {"hubs": [{"name": "myHub", "credentials": every},
                     {"name": HUB_CERT, "credentials": cert_hub}]}, s


def hub_cli_paths(run, emu, cs, workdir, new):
    """nhcli hub show, list, check, set-credential (new secrets from stdin and from files) and
    remove-credential on both configured hubs, and nhcli diagnose's exports, the most verbose
    logging throughout."""
    cli = run.args.nhcli
    verbose = {"QT_LOGGING_RULES": "*.debug=true", "NH_CA_FILE": emu.info["certificate"]}
    env = dict(verbose, NH_CONNECTION_STRING=cs, NH_HUB=emu.info["hub"])
    cert_env = dict(env, NH_HUB=HUB_CERT)
    for label, e in (("", env), (" (certificate hub)", cert_env)):
        run.step("nhcli hub show" + label, [cli, "--verbose", "hub", "show"], env=e)
        run.step("nhcli hub show --json" + label, [cli, "--verbose", "hub", "show", "--json"],
                 env=e)
        run.step("nhcli hub check" + label, [cli, "--verbose", "hub", "check"], env=e,
                 expect=(0, 3))
        run.step("nhcli hub check --json" + label, [cli, "hub", "check", "--json"], env=e,
                 expect=(0, 3))
    # The one path that shows them on purpose, kept out of the scan: the canary's real leak.
    revealed = subprocess.run([cli, "hub", "show", "--reveal", "--json"], capture_output=True,
                              timeout=TIMEOUT_S, env=dict(run.env, **env))
    run.revealed = revealed.stdout
    run.step("nhcli hub list", [cli, "--verbose", "hub", "list"], env=env)
    run.step("nhcli hub list --json", [cli, "--verbose", "hub", "list", "--json"], env=env)
    run.step("nhcli hub show --profile", [cli, "--verbose", "hub", "show", "--profile", "E2E CLI"],
             env=verbose)
    run.step("nhcli hub check --profile",
             [cli, "--verbose", "hub", "check", "--profile", "E2E CLI"], env=verbose,
             expect=(0, 3))
    # The diagnosis reads the hub's description (every credential) and exports its evidence
    # (issue #19): a demo device of core/emulator/demodevices.cpp, each form, verbose.
    diagnosed = (0, 8, 9)  # ok, a problem found, warnings or checks that could not tell
    device = ["--handle", "fcm-token-frank-twice-xR7:APA91bQ2x", "--format", "fcmv1",
              "--tags", "sports || politics", "--no-history"]
    run.step("nhcli diagnose --json", [cli, "--verbose", "diagnose", *device, "--json"], env=env,
             expect=diagnosed)
    run.step("nhcli diagnose --markdown", [cli, "--verbose", "diagnose", *device, "--markdown"],
             env=env, expect=diagnosed)
    run.step("nhcli diagnose --send-test --markdown (installation, profile)",
             [cli, "--verbose", "diagnose", "--installation",
              "5d2c7a8e-9b14-4f3e-8a61-2c9d0e7f4b35", "--format", "fcmv1", "--tags",
              "sports || politics", "--send-test", "--markdown", "--no-history", "--profile",
              "E2E CLI"], env=verbose, expect=diagnosed)

    def secret_file(name, data):
        path = os.path.join(workdir, name)
        with open(path, "wb") as f:
            f.write(data if isinstance(data, bytes) else data.encode())
        return path

    run.step("nhcli hub set-credential wns (standard input)",
             [cli, "--verbose", "hub", "set-credential", "wns"],
             stdin=("PackageSid=ms-app://s-1-15-2-444\nSecretKey=%s\n"
                    % new["new WNS secret (stdin)"]).encode(), env=env)
    run.step("nhcli hub set-credential baidu --file --json",
             [cli, "--verbose", "hub", "set-credential", "baidu", "--json", "--file",
              secret_file("baidu.json", json.dumps(
                  {"BaiduApiKey": new["new Baidu API key (file)"],
                   "BaiduSecretKey": new["new Baidu secret key (file)"]}))], env=env)
    run.step("nhcli hub set-credential apns --p8-file",
             [cli, "--verbose", "hub", "set-credential", "apns", "--p8-file",
              secret_file("AuthKey.p8", new["new APNs .p8 (file)"]), "--key-id", "E2EKEY0002",
              "--team-id", "E2ETEAM002", "--bundle-id", "com.example.e2e"], env=env)
    run.step("nhcli hub set-credential fcmv1 --service-account",
             [cli, "--verbose", "hub", "set-credential", "fcmv1", "--service-account",
              secret_file("service-account.json", json.dumps({
                  "type": "service_account", "project_id": "nhconsole-e2e",
                  "private_key_id": random_secrets.token_hex(20),
                  "private_key": new["new FCM v1 private key (file)"],
                  "client_email": "e2e2@nhconsole-e2e.iam.gserviceaccount.com"}))], env=env)
    run.step("nhcli hub set-credential apns --p12-file (password on standard input)",
             [cli, "--verbose", "hub", "set-credential", "apns", "--p12-file",
              secret_file("cert.p12", base64.b64decode(new["new APNs .p12 (file)"]))],
             stdin=(new["new APNs .p12 password (stdin)"] + "\n").encode(), env=cert_env)
    # Refusals must not echo what they refuse: a line that is not Name=value, broken JSON, a
    # credential the hub refuses (browser without Subject), a secret pasted as an argument.
    refused = tuple(range(1, 16))
    run.step("nhcli hub set-credential wns (standard input, not Name=value: refused)",
             [cli, "--verbose", "hub", "set-credential", "wns"],
             stdin=("SecretKey: %s\n" % new["refused WNS secret"]).encode(), env=env,
             expect=refused)
    run.step("nhcli hub set-credential adm --file (broken JSON: refused)",
             [cli, "--verbose", "hub", "set-credential", "adm", "--file",
              secret_file("adm.json", '{"ClientSecret": "%s",, }' % new["refused ADM secret"])],
             env=env, expect=refused)
    run.step("nhcli hub set-credential browser --json (no Subject: the hub refuses)",
             [cli, "--verbose", "hub", "set-credential", "browser", "--json"],
             stdin=("VapidPublicKey=BAAA\nVapidPrivateKey=%s\n"
                    % new["refused VAPID private key"]).encode(), env=env, expect=refused)
    run.step("nhcli hub set-credential wns SECRET (an argument: refused, not echoed)",
             [cli, "hub", "set-credential", "wns", new["refused argument secret"]], env=env,
             expect=refused)
    run.step("nhcli hub remove-credential xiaomi",
             [cli, "--verbose", "hub", "remove-credential", "xiaomi"], env=env)
    run.step("nhcli hub remove-credential mpns --json (certificate hub)",
             [cli, "--verbose", "hub", "remove-credential", "mpns", "--json"], env=cert_env)
    # What the changes left behind, read back.
    run.step("nhcli hub show (after the changes)", [cli, "--verbose", "hub", "show", "--json"],
             env=env)
    run.step("nhcli hub show (after the changes, certificate hub)",
             [cli, "--verbose", "hub", "show"], env=cert_env)


def new_hub_secrets(workdir):
    """The values set-credential and the Hub page put in: secrets as much as the first ones."""
    password = token("p12-new-", 12)
    new = {
        "new WNS secret (stdin)": token("wns-new-"),
        "new Baidu API key (file)": token("baidu-api-new-"),
        "new Baidu secret key (file)": token("baidu-new-"),
        "new APNs .p8 (file)": new_p8().decode(),
        "new FCM v1 private key (file)": new_p8().decode(),
        "new APNs .p12 password (stdin)": password,
        "new WNS secret (Hub page)": token("wns-gui-"),
        "refused WNS secret": token("wns-refused-"),
        "refused ADM secret": token("adm-refused-"),
        "refused VAPID private key": base64.urlsafe_b64encode(
            random_secrets.token_bytes(32)).decode().rstrip("="),
        "refused argument secret": token("arg-refused-"),
    }
    new["new APNs .p12 (file)"] = base64.b64encode(new_p12(workdir, password)).decode()
    return new


def hub_canary(scanner, revealed, shown):
    """The scanner must find each hub credential too: every one `shown` (by label) in what
    `nhcli hub show --reveal --json` printed, and each in a spelling that is not its own: the
    PEM keys JSON-escaped, the .p12 re-wrapped at 76 columns, the others percent-encoded."""
    missed = []
    probe = Scanner(scanner.secrets)
    probe.add_output("revealed", revealed)
    found = probe.findings()
    for label in shown:
        if not any(f.startswith("revealed: %s (" % label) for f in found):
            missed.append("%s in hub show --reveal" % label)
    for label, value in scanner.secrets[1:]:
        probe = Scanner([scanner.secrets[0], (label, value)])
        if "PRIVATE KEY" in value:
            planted = '{"privateKey": %s}' % json.dumps(value)
        elif len(value) > 200:
            planted = "\r\n".join(value[i:i + 76] for i in range(0, len(value), 76))
        else:
            planted = "SecretKey%3D" + urllib.parse.quote(value, safe="")
        probe.add_output("planted", planted)
        if not any(f.startswith("planted") for f in probe.findings()):
            missed.append(label)
    probe = Scanner(scanner.secrets[:1])
    probe.add_output("planted element", "<PrimaryKey>not-a-planted-value-but-real</PrimaryKey>")
    probe.add_output("planted property", "<Property><Name>ClientSecret</Name><Value>"
                     "not-a-planted-value-either</Value></Property>")
    found = probe.findings()
    for planted in ("planted element", "planted property"):
        if not any(f.startswith(planted) for f in found):
            missed.append("an unredacted " + planted.split()[1])
    if missed:
        print("FAIL the scanner missed planted hub credentials: %s" % ", ".join(missed))
    return not missed
