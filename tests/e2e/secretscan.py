# SPDX-FileCopyrightText: 2026 The nhconsole authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Finds a SAS key, or any signature made with it, in files and captured output.

A key leaks in many spellings: as typed, percent-encoded, as the raw bytes it decodes to, in
UTF-16 (QSettings and SQLite can store that). A signature leaks as the base64 HMAC, percent-
encoded or not. The scanner does not need to know which tokens were made: a redacted token keeps
its `sr=` and `se=`, so every (sr, se) pair seen anywhere, and every expiry in the run's time
window, is signed again with the key and looked for. Besides those exact values, any `sig=` or
`SharedAccessKey=` followed by something that is not the redaction mark is a finding too.
"""
import base64
import hashlib
import hmac
import os
import re
import urllib.parse

REDACTED = "[redacted]"
_SR = re.compile(rb"sr=([A-Za-z0-9%._~\-]+)")
_SE = re.compile(rb"se=(\d{9,11})")
_B64 = re.compile(rb"[A-Za-z0-9+/%=]{40,120}")
_NAMED = re.compile(rb"(?i)(?<![a-z])(sig|SharedAccessKey)=([^&;\s\"'<>\\,}]{8,})")


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


def _sign(key, sr, se):
    mac = hmac.new(key.encode(), sr + b"\n" + se, hashlib.sha256).digest()
    return base64.b64encode(mac).decode()


class Scanner:
    def __init__(self, key, window=(0, 0)):
        """`window`: the first and last Unix second in which tokens may have been made."""
        self.key = key
        self.window = window
        self.key_needles = key_spellings(key)
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
            for needle in self.key_needles:
                if needle in data:
                    found.append("%s: the key (%d bytes spelled %r…)" % (
                        label, len(needle), needle[:6]))
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
        return found
