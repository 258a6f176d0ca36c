# SPDX-FileCopyrightText: 2026 The nhconsole authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Finds secrets, or any signature made with a SAS key, in files and captured output.

A key leaks in many spellings: as typed, percent-encoded, as the raw bytes it decodes to, in
UTF-16 (QSettings and SQLite can store that). A signature leaks as the base64 HMAC, percent-
encoded or not. The scanner does not need to know which tokens were made: a redacted token keeps
its `sr=` and `se=`, so every (sr, se) pair seen anywhere, and every expiry in the run's time
window, is signed again with the key and looked for. Besides those exact values, any `sig=` or
`SharedAccessKey=` followed by something that is not the redaction mark is a finding too.

The scanner takes a list of secrets: the SAS key (the first; signatures are made with it) and any
others, such as a hub's PNS credentials (issue #17). A credential leaks in yet more spellings: a
PEM private key or a .p12 as base64 may be JSON- or XML-escaped, re-wrapped at another width, or
written as the DER bytes it decodes to; secret_spellings() covers those. An XML credential
property that holds a secret (`<SecretKey>…`) and is not the redaction mark is a finding too.
"""
import base64
import binascii
import hashlib
import hmac
import json
import os
import re
import urllib.parse

REDACTED = "[redacted]"
_SR = re.compile(rb"sr=([A-Za-z0-9%._~\-]+)")
_SE = re.compile(rb"se=(\d{9,11})")
_B64 = re.compile(rb"[A-Za-z0-9+/%=]{40,120}")
_NAMED = re.compile(rb"(?i)(?<![a-z])(sig|SharedAccessKey)=([^&;\s\"'<>\\,}]{8,})")
# The secret properties of a hub description's credentials and rules (docs/protocol.md §14.5).
_SECRET_NAMES = (rb"Token|ApnsCertificate|CertificateKey|PrivateKey|GoogleApiKey|SecretKey|"
                 rb"MpnsCertificate|ClientSecret|BaiduApiKey|BaiduSecretKey|VapidPrivateKey|"
                 rb"AppSecret")
# A rule's keys, or a secret as an element of its own.
_XML_SECRET = re.compile(rb"<(" + _SECRET_NAMES + rb"|PrimaryKey|SecondaryKey)>([^<]{8,})<")
# A credential's properties as the service writes them: <Property><Name>…</Name><Value>…</Value>.
_XML_PROPERTY = re.compile(rb"<Name>(" + _SECRET_NAMES + rb")</Name>\s*<Value>([^<]{8,})<")
_WRAP = re.compile(rb"\r?\n[ \t]*")
_PEM_ARMOR = re.compile(r"-----(BEGIN|END) [A-Z ]+-----")


def key_spellings(key):
    """Every byte string under which `key` could be stored."""
    raw = key.encode()
    out = {raw, urllib.parse.quote(key, safe="").encode(),
           urllib.parse.quote(key, safe="").lower().encode(), key.encode("utf-16-le")}
    try:
        decoded = base64.b64decode(key, validate=True)
        if len(decoded) >= 16:
            out.add(decoded)
    except ValueError:
        pass
    return out


def _base64_body(value):
    """The bytes a base64 (or PEM, or base64url) value decodes to, or None."""
    text = re.sub(r"\s", "", _PEM_ARMOR.sub("", value))
    if len(text) < 24 or not re.fullmatch(r"[A-Za-z0-9+/_\-]+=*", text):
        return None
    try:
        return base64.b64decode(text.replace("-", "+").replace("_", "/") + "==", validate=False)
    except (ValueError, binascii.Error):
        return None


def secret_spellings(value):
    """Every byte string under which a credential `value` (a password, a client secret, a PEM
    private key, a base64 .p12) could be stored or printed: as key_spellings(), plus JSON- and
    XML-escaped, its lines, the bytes it decodes to, and, for long base64 values, 20-character pieces of the last 40 %
    (the random part of a DER structure: its start is the same for every key of a kind), which
    find it however it was re-wrapped; and the decoded bytes' tail."""
    out = key_spellings(value)
    out.add(json.dumps(value)[1:-1].encode())
    out.add(value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").encode())
    out.add(base64.b64encode(value.encode()))
    for line in value.splitlines():
        if len(line.strip()) >= 24 and not _PEM_ARMOR.search(line):
            out.add(line.strip().encode())
    body = re.sub(r"\s", "", _PEM_ARMOR.sub("", value)).rstrip("=")
    decoded = _base64_body(value)
    if decoded is not None and len(decoded) >= 16:
        out.add(decoded)  # base64url too (VAPID keys), which key_spellings() leaves out
    if decoded is not None and len(body) >= 80:
        for start in range(len(body) * 6 // 10, len(body) - 19, 20):
            out.add(body[start:start + 20].encode())
        out.add(decoded[-24:])
    return {n for n in out if len(n) >= 8}


def _sign(key, sr, se):
    mac = hmac.new(key.encode(), sr + b"\n" + se, hashlib.sha256).digest()
    return base64.b64encode(mac).decode()


class Scanner:
    def __init__(self, secrets, window=(0, 0)):
        """`secrets`: the SAS key, or a list of secrets: each a string or a (label, value) pair;
        the first is the SAS key that signatures are made with. `window`: the first and last
        Unix second in which tokens may have been made."""
        if isinstance(secrets, str):
            secrets = [secrets]
        self.secrets = [s if isinstance(s, tuple) else ("the key", s) for s in secrets]
        self.key = self.secrets[0][1]
        self.window = window
        # (label, spelling): the SAS key in its spellings, every other secret in more.
        self.key_needles = [(self.secrets[0][0], n) for n in key_spellings(self.key)]
        for label, value in self.secrets[1:]:
            self.key_needles += [(label, n) for n in secret_spellings(value)]
        self.blobs = []  # (label, bytes)
        self.bytes_scanned = 0
        self.files_scanned = 0

    def add_output(self, label, data):
        if isinstance(data, str):
            data = data.encode("utf-8", "replace")
        self.blobs.append((label, data))

    def add_tree(self, root, skip=()):
        for dirpath, _dirs, files in os.walk(root):
            for name in files:
                path = os.path.join(dirpath, name)
                if any(path.startswith(s) for s in skip) or os.path.islink(path):
                    continue
                try:
                    with open(path, "rb") as f:
                        self.blobs.append((path, f.read()))
                    self.files_scanned += 1
                except OSError:
                    pass

    def signatures(self):
        """The signatures the key would have made for every resource and expiry in sight."""
        srs, ses = set(), set()
        for _label, data in self.blobs:
            srs.update(m.group(1) for m in _SR.finditer(data))
            ses.update(m.group(1) for m in _SE.finditer(data))
        lo, hi = self.window
        # Tokens live an hour by default; sign every second from the window's start to an hour
        # and a bit past its end.
        ses.update(str(s).encode() for s in range(lo, hi + 3700) if lo)
        return {_sign(self.key, sr, se) for sr in srs for se in ses}, len(srs)

    def findings(self):
        found = []
        sigs, _ = self.signatures()
        for label, data in self.blobs:
            self.bytes_scanned += len(data)
            # Text output wraps long bodies (a line end and an indent inside a value): the
            # secrets are looked for in the lines joined as well.
            joined = _WRAP.sub(b"", data) if b"\n" in data else data
            for what, needle in self.key_needles:
                if needle in data or needle in joined:
                    found.append("%s: %s (%d bytes spelled %r…)" % (
                        label, what, len(needle), needle[:6]))
            for m in _B64.finditer(data):
                text = urllib.parse.unquote(m.group(0).decode())
                # A SHA-256 signature is 44 characters of base64 ending in '='.
                ends = [i + 1 for i, c in enumerate(text) if c == "=" and i >= 43]
                for candidate in [text] + [text[e - 44:e] for e in ends]:
                    if candidate in sigs:
                        found.append("%s: a signature made with the key at offset %d" % (
                            label, m.start()))
                        break
            for m in _NAMED.finditer(data):
                value = urllib.parse.unquote(m.group(2).decode("utf-8", "replace"))
                if not value.startswith(REDACTED) and not value.startswith("$") \
                        and not value.startswith("<"):
                    found.append("%s: %s=%s… not redacted at offset %d" % (
                        label, m.group(1).decode(), value[:6], m.start()))
            for m in list(_XML_SECRET.finditer(joined)) + list(_XML_PROPERTY.finditer(joined)):
                if not m.group(2).startswith(REDACTED.encode()):
                    found.append("%s: <%s> not redacted at offset %d (lines joined)" % (
                        label, m.group(1).decode(), m.start()))
        return found
