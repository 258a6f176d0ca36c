#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The nhconsole authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The secret scan (issues #6, #8, #17): secrets through every path, then not a trace of them.

    secret_scan.py --nhcli BIN --nhemulator BIN [--gui-driver BIN]

Run under tests/support/with_keyring.sh unlocked (a private HOME, XDG dirs and gnome-keyring).
A separate nhemulator process makes a fresh random key. That key then goes through every path
a user has: profile create from a pasted connection string (GUI-facing and CLI-facing),
sends of every format from nhcli (key from stdin, from the environment, from the stored
profile) and from the desktop console, the history (list, show, every export format), profile
export, the most verbose logging, and a crash (SIGKILL) of each app in the middle of a send.
Then every file under HOME (config, data, cache, the app's temporary files) and every byte any
of our processes printed is scanned: zero hits for the key in any spelling and for any
signature made with it (secretscan.py). Prints the paths, files and bytes scanned and exits 1
on a finding (naming file and offset) or when a path itself fails.

The hubs' own credentials (issue #17) are secrets too: the emulator starts from a --hub-config
file (outside HOME) that gives the hub fresh random values for every credential kind (an APNs
.p8 token key made by `openssl`, FCM v1, GCM, WNS, MPNS, ADM, Baidu, VAPID and Xiaomi secrets)
and a second hub an APNs .p12 certificate with its password. They go through nhcli hub show,
list and check (text, JSON, the most verbose logging), set-credential (new secrets from standard
input and from files, which are secrets as well), remove-credential, the desktop console's Hub
page (refresh, a credential replaced through its dialog, saved) and the history and its exports
afterwards; none of those values may show up either.
"""
import argparse
import json
import os
import shutil
import ssl
import urllib.request
import signal
import subprocess
import sys
import tempfile
import time

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "interop"))
from emulator_process import EmulatorProcess, exit_on_sigterm, indent  # noqa: E402
from secretscan import Scanner  # noqa: E402
from hubsecrets import hub_canary, hub_cli_paths, hub_credentials, new_hub_secrets  # noqa: E402

FULL = "DefaultFullSharedAccessSignature"
TIMEOUT_S = 60
FORMATS = ["template", "apple", "fcmv1", "gcm", "windows", "windowsphone", "adm", "baidu",
           "browser", "xiaomi"]


class Run:
    def __init__(self, args, scanner, env):
        self.args = args
        self.scanner = scanner
        self.env = env
        self.failures = []
        self.paths = 0

    def step(self, label, argv, stdin=None, expect=(0,), env=None):
        """Runs one process, keeps everything it printed for the scan, checks its status."""
        self.paths += 1
        done = subprocess.run(argv, input=stdin, capture_output=True, timeout=TIMEOUT_S,
                              env=dict(self.env, **(env or {})))
        self.scanner.add_output(label + " (stdout)", done.stdout)
        self.scanner.add_output(label + " (stderr)", done.stderr)
        ok = done.returncode in expect
        print(("ok   %s" if ok else "FAIL %s (exit %d)") % ((label,) if ok else (label, done.returncode)))
        if not ok:
            self.failures.append(label)
            print(indent((done.stdout + done.stderr).decode("utf-8", "replace")[-3000:]))
        sys.stdout.flush()
        return done

    def crash(self, label, argv, stdin=None, env=None, after_s=1.5, marker=None):
        """Starts a process that will be mid-send (the hub stalls), then SIGKILLs it: `after_s`
        seconds after it printed `marker` on stdout (or after its start, without a marker)."""
        self.paths += 1
        out = tempfile.TemporaryFile()
        err = tempfile.TemporaryFile()
        proc = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=out, stderr=err,
                                env=dict(self.env, **(env or {})))
        if stdin:
            proc.stdin.write(stdin)
        proc.stdin.close()
        deadline = time.monotonic() + TIMEOUT_S
        if marker:
            while proc.poll() is None and time.monotonic() < deadline:
                out.seek(0)
                if marker in out.read():
                    break
                time.sleep(0.05)
        try:
            proc.wait(after_s)
            print("FAIL %s: ended by itself (exit %d) before it could be killed mid-send"
                  % (label, proc.returncode))
            self.failures.append(label)
        except subprocess.TimeoutExpired:
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            print("ok   %s (killed mid-send)" % label)
        for f, name in ((out, "stdout"), (err, "stderr")):
            f.seek(0)
            data = f.read()
            self.scanner.add_output("%s (%s)" % (label, name), data)
            if self.failures and self.failures[-1] == label:
                print(indent(data.decode("utf-8", "replace")[-2000:]))
        sys.stdout.flush()


def cli_paths(run, emu, cs, key):
    cli = run.args.nhcli
    hub = emu.info["hub"]
    verbose = {"QT_LOGGING_RULES": "*.debug=true", "NH_CA_FILE": emu.info["certificate"]}
    # The key from stdin, every format, the most verbose logging.
    for fmt in FORMATS:
        run.step("nhcli send --format %s (connection string on stdin)" % fmt,
                 [cli, "--verbose", "send", "--connection-string", "-", "--hub", hub,
                  "--format", fmt, "--broadcast"], stdin=(cs + "\n").encode(), env=verbose,
                 expect=(0, 6))
    # The key from the environment, JSON output, a direct send, a scheduled one.
    env = dict(verbose, NH_CONNECTION_STRING=cs, NH_HUB=hub)
    run.step("nhcli send --json (NH_CONNECTION_STRING)",
             [cli, "--verbose", "send", "--json", "--format", "apple", "--tags", "sports"],
             env=env, expect=(0, 6))
    run.step("nhcli send --handle (direct)",
             [cli, "send", "--format", "fcmv1", "--handle", "e2e-handle-1", "--json"], env=env,
             expect=(0, 6))
    run.step("nhcli send --schedule", [cli, "send", "--format", "apple", "--tags", "sports",
                                       "--schedule", "+1h", "--no-test"], env=env,
             expect=(0, 5))
    run.step("nhcli send with NH_SAS_KEY",
             [cli, "send", "--format", "apple", "--broadcast"],
             env=dict(verbose, NH_HUB=hub,
                      NH_CONNECTION_STRING=cs.replace("SharedAccessKey=" + key, "").rstrip(";"),
                      NH_SAS_KEY=key), expect=(0, 6))
    run.step("nhcli sas", [cli, "sas", "--json"], env=env, expect=(0,))
    run.step("nhcli registrations list", [cli, "--verbose", "registrations", "list", "--json"],
             env=env)
    # The stored profile: key into the keychain from stdin, then every use of it.
    exports = os.path.join(run.env["HOME"], "exports")
    os.makedirs(exports, exist_ok=True)
    ca = {"NH_CA_FILE": emu.info["certificate"]}
    run.step("nhcli profiles add (connection string on stdin)",
             [cli, "--verbose", "profiles", "add", "E2E CLI", "--hub", hub,
              "--connection-string", "-", "--label", "E2E"], stdin=(cs + "\n").encode(),
             env=verbose)
    run.step("nhcli profiles list/show", [cli, "profiles", "show", "E2E CLI", "--json"], env=ca)
    for fmt in ("apple", "fcmv1", "template"):
        run.step("nhcli send --profile --format %s" % fmt,
                 [cli, "--verbose", "send", "--profile", "E2E CLI", "--format", fmt,
                  "--broadcast"], env=verbose, expect=(0, 6))
    run.step("nhcli history list", [cli, "history", "list", "--json"], env=ca)
    run.step("nhcli history show last", [cli, "history", "show", "last", "--json"], env=ca)
    run.step("nhcli history resend last --profile",
             [cli, "--verbose", "history", "resend", "last", "--profile", "E2E CLI"],
             env=verbose, expect=(0, 6))
    for fmt, ext in (("json", "json"), ("curl", "sh"), ("har", "har")):
        run.step("nhcli history export --format %s" % fmt,
                 [cli, "history", "export", "--format", fmt, "--output",
                  os.path.join(exports, "cli." + ext)], env=ca)
    run.step("nhcli profiles export (without keys)",
             [cli, "profiles", "export", "--output", os.path.join(exports, "profiles.json")],
             env=ca)
    run.step("nhcli history prune --keep 1000", [cli, "history", "prune", "--keep", "1000"],
             env=ca)
    # A crash mid-send: the hub stalls every send, nhcli is killed while it waits.
    run.crash("nhcli killed mid-send",
              [cli, "--verbose", "send", "--format", "apple", "--broadcast",
               "--header", "X-Nh-Emulator-Fault:stall"], env=env, after_s=2.0)
    return env


def canary(scanner, key):
    """The scanner must find what it looks for: the key, and a real token's signature rebuilt
    from a redacted `sr=…&se=…` that this run printed or stored."""
    sigs, resources = scanner.signatures()
    if not resources:
        print("FAIL no redacted token was seen anywhere: the paths did not sign anything")
        return False
    probe = Scanner(key, scanner.window)
    probe.blobs = [(b, d) for b, d in scanner.blobs if b"sr=" in d][:1]
    some_sig = next(iter(sigs))
    probe.add_output("planted signature", "Authorization: x sig=" + some_sig.replace("+", "%2B"))
    probe.add_output("planted key", "\x00" + key + "\x00")
    found = probe.findings()
    return any(f.startswith("planted signature") for f in found) and \
        any(f.startswith("planted key") for f in found)


def arm_stall(emu):
    """Makes the emulator stall the next send (POST /$emulator/faults, loopback only)."""
    ctx = ssl.create_default_context(cafile=emu.info["certificate"])
    body = json.dumps({"operation": "send", "count": 1, "fault": "stall"}).encode()
    req = urllib.request.Request("https://127.0.0.1:%d/$emulator/faults" % emu.info["port"],
                                 data=body, method="POST",
                                 headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, context=ctx, timeout=10) as answer:
        return answer.status in (200, 201, 204)


def gui_paths(run, emu, cs):
    gui = run.args.gui_driver
    hub = emu.info["hub"]
    ca = emu.info["certificate"]
    verbose = {"QT_LOGGING_RULES": "*.debug=true"}
    run.step("GUI: new profile from a pasted connection string",
             [gui, "add", "E2E GUI", hub, ca], stdin=(cs + "\n").encode(), env=verbose)
    run.step("GUI: send 3 times, export history and Save the shown exchange as curl, JSON, HAR",
             [gui, "send", "E2E GUI", ca, "3"], env=verbose)
    if arm_stall(emu):
        run.crash("GUI killed mid-send", [gui, "stall", "E2E GUI", ca], env=verbose,
                  after_s=1.0, marker=b"sending")
    else:
        run.failures.append("arming the emulator's stall")


def history_paths(run, emu, prefix):
    """The history afterwards: list, show, every export format."""
    cli = run.args.nhcli
    ca = {"NH_CA_FILE": emu.info["certificate"]}
    exports = os.path.join(run.env["HOME"], "exports")
    run.step("nhcli history list (%s)" % prefix, [cli, "history", "list"], env=ca)
    run.step("nhcli history list --json (%s)" % prefix, [cli, "history", "list", "--json"],
             env=ca)
    listed = run.step("nhcli history list --json --limit 0 (%s)" % prefix,
                      [cli, "history", "list", "--json", "--limit", "0"], env=ca)
    # Every exchange of the hub's own configuration (GET/PUT /{hub}, the hub list), each shown.
    ids = []
    try:
        rows = json.loads(listed.stdout)
        rows = rows.get("exchanges", rows) if isinstance(rows, dict) else rows
        ids = [r["id"] for r in rows if "hub" in json.dumps(r).lower()
               and any(w in json.dumps(r).lower() for w in ("hub.get", "hub.update", "gethub",
                                                              "updatehub", "hub description",
                                                              "description"))]
    except (ValueError, KeyError, TypeError, AttributeError):
        pass
    for exchange in (ids or ["last"])[:8]:
        run.step("nhcli history show %s (%s)" % (exchange, prefix),
                 [cli, "history", "show", exchange], env=ca)
        run.step("nhcli history show %s --json (%s)" % (exchange, prefix),
                 [cli, "history", "show", exchange, "--json"], env=ca)
    for fmt, ext in (("json", "json"), ("curl", "sh"), ("har", "har")):
        run.step("nhcli history export --format %s (%s)" % (fmt, prefix),
                 [cli, "history", "export", "--format", fmt, "--output",
                  os.path.join(exports, "%s.%s" % (prefix, ext))], env=ca)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--nhcli", required=True)
    parser.add_argument("--nhemulator", required=True)
    parser.add_argument("--gui-driver")
    parser.add_argument("--dump", help="also write what every path printed into this folder "
                        "(to see what the scan looked at; it holds no secret when the scan passes)")
    args = parser.parse_args()
    exit_on_sigterm()

    home = os.environ.get("NH_KEYRING_HOME")
    if not home or os.environ.get("NH_KEYRING_MODE") != "unlocked":
        print("run me under tests/support/with_keyring.sh unlocked")
        return 2
    env = dict(os.environ, TMPDIR=os.path.join(home, "tmp"), LANG="C.UTF-8", LC_ALL="C.UTF-8",
               QT_QPA_PLATFORM="offscreen", NO_PROXY="localhost,127.0.0.1,::1")
    os.makedirs(env["TMPDIR"], exist_ok=True)
    started = int(time.time())

    # The emulator runs outside HOME: it is the "hub", and it prints its keys by design.
    # The hub configuration and the files set-credential reads are the user's own, outside
    # HOME; the directory goes when the scan ends.
    workdir = tempfile.mkdtemp(prefix="nh-secretscan-")
    try:
        config, hub_secrets = hub_credentials(workdir)
        new_secrets = new_hub_secrets(workdir)
        config_path = os.path.join(workdir, "hubs.json")
        with open(config_path, "w") as f:
            json.dump(config, f)
        # The myHub secrets (not the certificate hub's) are what hub show --reveal shows.
        shown = [k for k in hub_secrets if "p12" not in k]
        return scan(args, env, home, started, workdir, config_path,
                    dict(hub_secrets, **new_secrets), new_secrets, shown)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def scan(args, env, home, started, workdir, config_path, hub_secrets, new_secrets, shown):
    with EmulatorProcess(args.nhemulator, ["--hub-config", config_path]) as emu:
        cs = emu.connection_string(FULL).replace("//localhost:", "//127.0.0.1:")
        key = [p for p in cs.split(";") if p.startswith("SharedAccessKey=")][0][16:]
        scanner = Scanner([("the SAS key", key)] + sorted(hub_secrets.items()))
        run = Run(args, scanner, env)
        cli_paths(run, emu, cs, key)
        if args.gui_driver:
            gui_paths(run, emu, cs)
        hub_cli_paths(run, emu, cs, workdir, new_secrets)
        if args.gui_driver:
            run.step("GUI: the Hub page: refresh, replace the WNS credential, save, export",
                     [args.gui_driver, "hub", "E2E GUI", emu.info["certificate"]],
                     stdin=(new_secrets["new WNS secret (Hub page)"] + "\n").encode(),
                     env={"QT_LOGGING_RULES": "*.debug=true"})
        history_paths(run, emu, "hub")
        # An export that came out empty would pass the scan for the wrong reason.
        exports = os.path.join(home, "exports")
        if args.gui_driver:
            for name in ("gui.sh", "gui.json", "gui.har", "view.sh", "view.json", "view.har",
                         "gui-hub.sh", "gui-hub.json", "gui-hub.har", "view-hub.sh",
                         "view-hub.json", "view-hub.har"):
                if not os.path.exists(os.path.join(exports, name)):
                    print("FAIL export %s was not written" % name)
                    run.failures.append("export " + name)
        for name in sorted(os.listdir(exports)):
            if os.path.getsize(os.path.join(exports, name)) < 100:
                print("FAIL export %s is (nearly) empty" % name)
                run.failures.append("export " + name)
        print("exports written: %s" % ", ".join(sorted(os.listdir(exports))))
        # The emulator's exchange log (after its start-up line) is ours to keep clean too.
        scanner.add_output("nhemulator --log", emu.log(last_lines=100000))
        scanner.window = (started, int(time.time()))
        scanner.add_tree(home)
        if args.dump:
            os.makedirs(args.dump, exist_ok=True)
            for i, (label, data) in enumerate(scanner.blobs):
                if not label.startswith("/"):
                    name = "%03d %s" % (i, label.replace("/", "_"))
                    with open(os.path.join(args.dump, name[:120]), "wb") as f:
                        f.write(data)
        findings = scanner.findings()
        canary_ok = canary(scanner, key) and hub_canary(
            scanner, getattr(run, "revealed", b""), shown)

    print("%d paths, %d files and %d bytes scanned (%d files under %s)"
          % (run.paths, scanner.files_scanned, scanner.bytes_scanned, scanner.files_scanned, home))
    for f in findings:
        print("LEAK " + f)
    if run.failures:
        print("%d paths failed: %s" % (len(run.failures), "; ".join(run.failures)))
    if not canary_ok:
        print("FAIL the scanner missed a planted key or signature: the scan proves nothing")
    if findings or run.failures or not canary_ok:
        return 1
    print("no key and no signature found")
    return 0


if __name__ == "__main__":
    sys.exit(main())
