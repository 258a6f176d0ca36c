#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The nhconsole authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Replays traffic recorded against the real Notification Hubs service against nhemulator.

    replay_recordings.py --emulator <nhemulator> --pairs <shared/recordings/pairs.jsonl>
                         --allowlist <replay_allowlist.json>

Every recorded exchange whose request is complete is sent, in its recording's order, to one
fresh nhemulator started with the recordings' hub names (docs/protocol.md §9.9):
- js-sdk-recordings (2022–2024, the service users reach today): all of them; method, target,
  headers and body are recorded. Authorization is replaced by a valid SAS token for the
  emulator; Host, Content-Length, Connection and Accept-Encoding are left to the client.
- node-legacy-nock (2014): the GET and DELETE requests of the data plane (registrations, feeds,
  tags), which carry no body. Their bodies were not recorded, so the registrations they read are
  first created from the recorded answer's description (a setup step, not compared); hub
  management (create/delete/list hubs) and sends (whose bodies are missing) are not replayed.
- dotnet-mockdata has no request method: not replayable.
Ids the service assigned (registration ids, notification ids, ETags) are mapped to the ids the
emulator assigned, for the later requests of the same recording.

Compared: the status; TrackingId, x-ms-correlation-request-id, Location, ETag, Content-Type,
X-Powered-By, Strict-Transport-Security and `Content-Length: 0` on empty answers (headers only
for the recordings of today's service: the 2014 service answered with other headers); the
body's shape (root, element names and their order, namespaces, attributes; JSON keys) and the
text of its fields, with ids, dates and hosts normalised. A difference listed in the allow-list
(each with its reason) is counted, not failed; any other difference fails the test. The last
line is a JSON summary.
"""
import argparse
import fnmatch
import http.client
import json
import os
import re
import ssl
import sys
import time
import urllib.parse
import xml.etree.ElementTree as ET

sys.dont_write_bytecode = True  # keep __pycache__ out of the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))
import shared_dir  # noqa: E402
from emulator_process import EmulatorError, EmulatorProcess, exit_on_sigterm, sas_token  # noqa: E402

FULL_RULE = "DefaultFullSharedAccessSignature"
REQUEST_TIMEOUT_S = 15
# Headers the client computes itself, or that would change the answer's encoding.
DROPPED_REQUEST_HEADERS = {"authorization", "host", "content-length", "connection",
                           "accept-encoding", "transfer-encoding"}
# Headers compared by presence and form (docs/protocol.md §9.9).
FORM_HEADERS = ["TrackingId", "x-ms-correlation-request-id", "Location", "ETag", "X-Powered-By",
                "Content-Location"]
VALUE_HEADERS = ["Content-Type", "Strict-Transport-Security"]

UUID = r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
REG_ID = r"-?\d{1,20}-\d{1,20}-\d{1,4}"
MSG_ID = r"NH-\d{17}-[0-9a-f]{32}-\d{2}|[0-9a-f]{32}-\d{14}-\d+-\d+"
DATE = r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)?"
HOST = r"https?://[^/\s\"'<>]+"


# --- the requests --------------------------------------------------------------------------------


def hub_of(target):
    return urllib.parse.urlsplit(target).path.strip("/").split("/")[0]


def body_bytes(body):
    if body is None:
        return None
    if isinstance(body, (dict, list)):
        return json.dumps(body, separators=(",", ":")).encode("utf-8")
    return str(body).encode("utf-8")


def header(headers, name):
    for k, v in (headers or {}).items():
        if k.lower() == name.lower():
            return v
    return None


def is_data_plane(target):
    """Below a hub (`/{hub}/registrations…`), not hub management (`/{hub}`, `/$Resources/…`)."""
    path = urllib.parse.urlsplit(target).path.strip("/").split("/")
    return len(path) >= 2 and not path[0].startswith("$")


def select(rows):
    """(replayable sequences, skipped counts by reason). A sequence: (file, [(row, role)]) with
    role 'compare' or 'setup'."""
    files, skipped = {}, {}

    def skip(reason):
        skipped[reason] = skipped.get(reason, 0) + 1

    for row in rows:
        files.setdefault(row["file"], []).append(row)
    sequences = []
    for name, items in files.items():
        steps = []
        for row in items:
            src, method = row["source"], row["method"]
            if method is None:
                skip("no request recorded (dotnet-mockdata: path and answer only)")
                continue
            if src == "js-sdk-recordings":
                length = header(row["request_headers"], "Content-Length")
                if length not in (None, "0") and row["request_body"] is None:
                    skip("request body not recorded")
                    continue
                steps.append((row, "compare"))
            elif src == "node-legacy-nock":
                if not is_data_plane(row["target"]):
                    skip("2014 hub management (create, delete, list hubs): not emulated")
                elif method in ("GET", "DELETE"):
                    steps.append((row, "compare"))
                elif (method in ("POST", "PUT") and "/registrations" in row["target"].lower()
                      and row["status"] == 200 and row["response_body"]):
                    steps.append((row, "setup"))
                else:
                    skip("2014 request with a body that was not recorded (sends, registration ids)")
            else:
                skip("source not replayable")
        if steps:
            sequences.append((name, steps))
    return sequences, skipped


def setup_body(row):
    """A create/update body for a 2014 registration whose request body was not recorded: the
    description the service answered, without what the service assigns."""
    root = ET.fromstring(row["response_body"])
    atom = "{http://www.w3.org/2005/Atom}"
    content = root.find(atom + "content")
    desc = list(content)[0]
    for child in list(desc):
        if child.tag.split("}")[-1] in ("ETag", "ExpirationTime", "RegistrationId"):
            desc.remove(child)
    ET.register_namespace("", "http://schemas.microsoft.com/netservices/2010/10/servicebus/connect")
    inner = ET.tostring(desc, encoding="unicode")
    return ('<entry xmlns="http://www.w3.org/2005/Atom"><content type="application/xml">%s'
            '</content></entry>' % inner).encode("utf-8")


class Replayer:
    def __init__(self, emu):
        self.port = emu.info["port"]
        cs = dict(p.split("=", 1) for p in emu.connection_string(FULL_RULE).split(";") if "=" in p)
        self.key_name, self.key = cs["SharedAccessKeyName"], cs["SharedAccessKey"]
        self.tls = ssl.create_default_context(cafile=emu.info["certificate"])
        self.conn = None

    def send(self, method, target, headers, body):
        hub = hub_of(target)
        auth = sas_token("https://localhost:%d/%s" % (self.port, hub), self.key_name, self.key)
        out = {k: v for k, v in (headers or {}).items() if k.lower() not in DROPPED_REQUEST_HEADERS}
        out["Authorization"] = auth
        for attempt in (0, 1):
            if self.conn is None:
                self.conn = http.client.HTTPSConnection("localhost", self.port, context=self.tls,
                                                        timeout=REQUEST_TIMEOUT_S)
            try:
                self.conn.request(method, target, body=body, headers=out)
                resp = self.conn.getresponse()
                data = resp.read()
                return resp.status, resp.getheaders(), data
            except (http.client.HTTPException, ConnectionError):
                self.conn.close()
                self.conn = None
                if attempt:
                    raise


# --- id mapping ----------------------------------------------------------------------------------

class IdMap:
    """Recorded id → emulator id, per recording."""

    def __init__(self):
        self.map = {}

    def learn(self, recorded, emulated):
        if recorded and emulated and recorded != emulated:
            self.map[recorded] = emulated

    def apply(self, text):
        if text is None:
            return None
        for old, new in sorted(self.map.items(), key=lambda kv: -len(kv[0])):
            text = text.replace(old, new)
        return text


def ids_in(status, headers, body):
    """Ids an answer assigns: registration ids and message ids (Location, RegistrationId)."""
    found = {}
    loc = header(headers, "Location") or header(headers, "Content-Location")
    if loc:
        m = re.search(r"/(registrationids|registrations|messages|schedulednotifications)/([^/?]+)",
                      loc, re.I)
        if m:
            found["location"] = m.group(2)
    if body and not body.lstrip().startswith("<feed"):  # a feed's entries do not pair up
        m = re.search(r"<RegistrationId>([^<]+)</RegistrationId>", body)
        if m:
            found["registration"] = m.group(1)
    etag = header(headers, "ETag")
    if etag:
        found["etag"] = etag
    return found


# --- comparison ----------------------------------------------------------------------------------

def header_form(name, value):
    """The form of a header value: what a client may rely on, without the ids and hosts."""
    if value is None:
        return None
    v = value
    if name.lower() in ("trackingid", "x-ms-correlation-request-id"):
        v = re.sub(UUID, "{uuid}", v)
        return v
    if name.lower() in ("location", "content-location"):
        v = re.sub(HOST, "https://{host}", v)
        v = re.sub(MSG_ID, "{message-id}", v)
        v = re.sub(REG_ID, "{registration-id}", v)
        return v
    if name.lower() == "etag":
        return re.sub(r"\d+", "{n}", v)
    return v


def norm_ct(value):
    return None if value is None else re.sub(r"\s+", "", value).lower()


def norm_text(text):
    if text is None:
        return ""
    t = text.strip()
    t = re.sub(HOST, "https://{host}", t)
    t = re.sub(r"9999-12-31T23:59:59\.9999999(Z?)", lambda m: "{never%s}" % m.group(1), t)
    t = re.sub(DATE, lambda m: "{date%s%s}" % (".f" if m.group(1) else "", m.group(2) or ""), t)
    t = re.sub(MSG_ID, "{message-id}", t)
    t = re.sub(UUID + r"(_G\d+)?", "{uuid}", t)
    t = re.sub(REG_ID, "{registration-id}", t)
    # An error's Detail: "….TrackingId:{uuid}_G3,TimeStamp:11/7/2018 12:18:37 AM".
    t = re.sub(r"\d{1,2}/\d{1,2}/\d{4} \d{1,2}:\d\d:\d\d [AP]M", "{timestamp}", t)
    return t


def hosts_in(text):
    """The hosts a client could follow (Atom ids and links, Location), not namespace URIs."""
    hosts = set(re.findall(r"https?://([^/\s\"'<>]+)", text or ""))
    return sorted(hosts - {"schemas.microsoft.com", "www.w3.org"})


def xml_shape(elem, path, out, compare_text):
    """Appends (path, what) pairs describing the element's shape and (optionally) its text."""
    # Attribute names always; their values (rel, type, href, etag) where text is compared.
    attrs = sorted(elem.attrib)
    out.append((path, "attributes " + ",".join(
        "%s=%s" % (k, norm_text(elem.attrib[k])) if compare_text else k for k in attrs)))
    children = list(elem)
    names, last = [], None
    for c in children:
        if c.tag != last:  # repeated siblings (feed entries) count once
            names.append(c.tag)
        last = c.tag
    out.append((path, "children " + ",".join(names)))
    if not children and compare_text:
        out.append((path, "text " + norm_text(elem.text)))
    seen = set()
    for c in children:
        if c.tag in seen:
            continue
        seen.add(c.tag)
        # Text inside repeated elements (feed entries) depends on what else the hub holds.
        repeated = sum(1 for x in children if x.tag == c.tag) > 1 or c.tag.endswith("}entry") and \
            elem.tag.endswith("}feed")
        xml_shape(c, path + "/" + c.tag, out, compare_text and not repeated)


def json_shape(value, path, out):
    if isinstance(value, dict):
        out.append((path, "keys " + ",".join(sorted(value))))
        for k in sorted(value):
            json_shape(value[k], path + "/" + k, out)
    elif isinstance(value, list):
        out.append((path, "list"))
        if value:
            json_shape(value[0], path + "[]", out)
    else:
        out.append((path, "value " + type(value).__name__))


def body_shape(text):
    """[((path, kind), value)]: each path's root, attributes, children, text (or JSON keys)."""
    return [((path, what.split(" ", 1)[0]), what.partition(" ")[2])
            for path, what in raw_shape(text)]


def raw_shape(text):
    if not text:
        return [("", "empty")]
    s = text.strip()
    if s.startswith("<"):
        try:
            root = ET.fromstring(s)
        except ET.ParseError as e:
            return [("", "unparsable XML: %s" % e)]
        out = [("", "root " + root.tag)]
        xml_shape(root, root.tag, out, True)
        return out
    try:
        value = json.loads(s)
    except ValueError:
        return [("", "text")]
    out = [("", "json")]
    json_shape(value, "", out)
    return out


def compare(row, status, headers, body, check_headers):
    """Differences as (check, detail)."""
    diffs = []
    if status != row["status"]:
        diffs.append(("status", "recorded %s, emulator %s" % (row["status"], status)))
        return diffs  # the rest follows from the status
    rec_h = row["response_headers"] or {}
    rec_body = row["response_body"] or ""
    if check_headers:
        for name in FORM_HEADERS:
            r, e = header(rec_h, name), header(headers, name)
            if (r is None) != (e is None):
                diffs.append(("header %s %s" % (name, "missing" if e is None else "extra"),
                              "recorded %r, emulator %r" % (r, e)))
            elif r is not None and header_form(name, r) != header_form(name, e):
                diffs.append(("header %s form" % name,
                              "recorded %r, emulator %r" % (header_form(name, r),
                                                            header_form(name, e))))
        for name in VALUE_HEADERS:
            r, e = header(rec_h, name), header(headers, name)
            if norm_ct(r) != norm_ct(e):
                diffs.append(("header %s value" % name, "recorded %r, emulator %r" % (r, e)))
        if not rec_body and header(rec_h, "Content-Length") == "0":
            if header(headers, "Content-Length") != "0":
                diffs.append(("header Content-Length: 0 missing",
                              "recorded 'Content-Length: 0', emulator %r"
                              % header(headers, "Content-Length")))
        rec_hosts = hosts_in(rec_body) + hosts_in(header(rec_h, "Location"))
        emu_hosts = hosts_in(body) + hosts_in(header(headers, "Location"))
        if rec_hosts and emu_hosts:
            diffs.append(("host", "recorded %s, emulator %s" % (",".join(sorted(set(rec_hosts))),
                                                                ",".join(sorted(set(emu_hosts))))))
    rec_shape, emu_shape = dict(body_shape(rec_body)), dict(body_shape(body))
    for key in list(rec_shape) + [k for k in emu_shape if k not in rec_shape]:
        r, e = rec_shape.get(key), emu_shape.get(key)
        if r != e:
            path, kind = key
            diffs.append(("body %s %s" % (short(path), kind),
                          "recorded %r, emulator %r" % (r, e)))
    return diffs


def short(path):
    return re.sub(r"\{[^}]*\}", "", path)


# --- allow-list ----------------------------------------------------------------------------------

def load_allowlist(path):
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    entries = data["allowed"]
    for e in entries:
        if not e.get("reason") or not e.get("check"):
            raise ValueError("allow-list entry without check or reason: %r" % e)
        if isinstance(e["check"], str):
            e["check"] = [e["check"]]
        e.setdefault("files", "*")
        e["used"] = 0
    return entries


def check_chosen(path):
    """The deliberate template choices (the allow-list's "chosen"): each names a docs/protocol.md
    section that exists and a test row that pins it. Returns (entries, problems)."""
    with open(path, encoding="utf-8") as f:
        chosen = json.load(f).get("chosen", [])
    root = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
    with open(os.path.join(root, "docs", "protocol.md"), encoding="utf-8") as f:
        headings = {line.split()[1] for line in f if line.startswith("### ")}
    problems = []
    for c in chosen:
        for key in ("point", "status", "choice", "docs", "pinned"):
            if not c.get(key):
                problems.append("chosen entry without %s: %r" % (key, c))
                break
        else:
            if c["docs"] not in headings:
                problems.append("%s: docs/protocol.md has no section %s" % (c["point"], c["docs"]))
            pinned = os.path.join(root, c["pinned"]["file"])
            try:
                with open(pinned, encoding="utf-8") as f:
                    found = c["pinned"]["row"] in f.read()
            except OSError:
                found = False
            if not found:
                problems.append("%s: %s does not pin it (no %r)"
                                % (c["point"], c["pinned"]["file"], c["pinned"]["row"]))
    return chosen, problems


def allowed(entries, file, check):
    """The first entry whose check pattern (fnmatch) and files pattern match, counted."""
    for e in entries:
        if any(fnmatch.fnmatchcase(check, c) for c in e["check"]) and \
                fnmatch.fnmatchcase(file, e["files"]):
            e["used"] += 1
            return e
    return None


def replay_sequence(emulator, name, steps, entries, counts, failures):
    """One recording, in order, against a fresh nhemulator serving the recording's hubs."""
    hubs = sorted({hub_of(row["target"]) for row, _ in steps})
    args = ["--no-demo-data"]
    for h in hubs:
        args += ["--hub", h]
    # Headers only for today's service: the 2014 one answered with others (module docstring).
    check_headers = steps[0][0]["source"] == "js-sdk-recordings"
    with EmulatorProcess(emulator, args) as emu:
        rep = Replayer(emu)
        ids = IdMap()
        for row, role in steps:
            target = ids.apply(row["target"])
            headers = {k: ids.apply(v) for k, v in (row["request_headers"] or {}).items()}
            body = setup_body(row) if role == "setup" else body_bytes(row["request_body"])
            if body is not None:
                body = ids.apply(body.decode("utf-8")).encode("utf-8")
            status, resp_headers, data = rep.send(row["method"], target, headers, body)
            counts["replayed"] += 1
            text = data.decode("utf-8", "replace")
            hd = dict(resp_headers)
            rec_ids = ids_in(row["status"], row["response_headers"], row["response_body"])
            emu_ids = ids_in(status, hd, text)
            for key in rec_ids:
                ids.learn(rec_ids[key], emu_ids.get(key))
            where = "%s #%s %s %s" % (name, row["seq"], row["method"], row["target"])
            if role == "setup":
                counts["setup"] += 1
                if status != row["status"]:
                    failures.append("%s: setup step answered %s, recorded %s: %s"
                                    % (where, status, row["status"], text[:300]))
                continue
            counts["compared"] += 1
            by_source = counts["compared_by_source"]
            by_source[row["source"]] = by_source.get(row["source"], 0) + 1
            for check, detail in compare(row, status, hd, text, check_headers):
                counts["differences"] += 1
                if allowed(entries, name, check):
                    counts["allowed"] += 1
                else:
                    failures.append("%s: %s: %s" % (where, check, detail))
        if not emu.alive():
            failures.append("%s: nhemulator exited during the replay:\n%s" % (name, emu.stderr()))


# --- main ----------------------------------------------------------------------------------------

def main():
    exit_on_sigterm()
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--emulator", required=True)
    ap.add_argument("--pairs", required=True)
    ap.add_argument("--allowlist", required=True)
    args = ap.parse_args()
    shared_dir.require(args.pairs, "the recorded real traffic (shared/recordings/pairs.jsonl)")
    started = time.monotonic()

    with open(args.pairs, encoding="utf-8") as f:
        rows = [json.loads(line) for line in f if line.strip()]
    entries = load_allowlist(args.allowlist)
    sequences, skipped = select(rows)

    counts = {"recordings": len(rows), "sequences": len(sequences), "replayed": 0,
              "compared": 0, "setup": 0, "differences": 0, "allowed": 0, "failures": 0,
              "allowlist_entries": len(entries),
              "compared_by_source": {}}
    failures = []
    for name, steps in sequences:
        try:
            replay_sequence(args.emulator, name, steps, entries, counts, failures)
        except (EmulatorError, OSError, http.client.HTTPException) as e:
            failures.append("%s: %s" % (name, e))

    counts["failures"] = len(failures)
    for f in failures:
        print("DIFF " + f)
    print("Skipped (not replayable): " + "; ".join("%d %s" % (n, why)
                                                   for why, n in sorted(skipped.items())))
    print("Allowed differences by entry:")
    for e in entries:
        print("  %4d  %s [%s]: %s" % (e["used"], " | ".join(e["check"]), e["files"], e["reason"]))
    chosen, problems = check_chosen(args.allowlist)
    print("Deliberate choices no recording judges (docs/protocol.md):")
    for c in chosen:
        print("  %s (%s, §%s): %s" % (c.get("point"), c.get("status"), c.get("docs"),
                                      c.get("choice")))
    for p in problems:
        failures.append("allow-list: " + p)
        print("FAIL: " + failures[-1])
    counts["chosen"] = len(chosen)
    unused = [e["check"] for e in entries if e["used"] == 0]
    if unused:
        failures.append("allow-list entries that matched nothing (remove them): %s" % unused)
        print("FAIL: " + failures[-1])
    counts["failures"] = len(failures)
    counts["seconds"] = round(time.monotonic() - started, 1)
    print("%d exchanges replayed (%d compared, %d setup) from %d recordings; %d differences, "
          "%d allowed, %d not allowed" % (counts["replayed"], counts["compared"], counts["setup"],
                                          counts["sequences"], counts["differences"],
                                          counts["allowed"], counts["failures"]))
    print(json.dumps(counts, sort_keys=True))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
