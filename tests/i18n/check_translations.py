#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The nhconsole authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks that every shipped catalogue is complete for the sources as they are now.

    check_translations.py LUPDATE SOURCE_DIR TS_FILE...

For each catalogue: runs lupdate over core/, ui/ and app/ into a copy (the committed file is not
touched), then fails when a message that the sources use is untranslated (new or changed
strings come out "unfinished"), when a translation drops or invents a placeholder (%1…%99, %n),
or when a plural message lacks a form. Prints every problem with its context and location, and
how to fix it (`tools/dev translations`, then translate what it marks).
"""
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

PLACEHOLDER = re.compile(r"%(?:\d{1,2}|n)")


def placeholders(text):
    return sorted(set(PLACEHOLDER.findall(text or "")))


def check(lupdate, source_dir, ts_file):
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / Path(ts_file).name
        shutil.copy(ts_file, copy)
        run = subprocess.run(
            [lupdate, "-silent", "-locations", "absolute", "-no-obsolete",
             "core", "ui", "app", "-ts", str(copy)],
            cwd=source_dir, capture_output=True, text=True)
        if run.returncode != 0:
            return [f"lupdate failed ({run.returncode}): {run.stderr.strip()}"], 0
        root = ET.parse(copy).getroot()
    count = 0
    for context in root.iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            count += 1
            source = message.findtext("source") or ""
            loc = message.find("location")
            where = f"{loc.get('filename').lstrip('./')}:{loc.get('line')}" if loc is not None else "?"
            label = f"{name} ({where}): {source[:70]!r}"
            translation = message.find("translation")
            if translation is None or translation.get("type") == "unfinished":
                problems.append(f"untranslated: {label}")
                continue
            forms = translation.findall("numerusform")
            texts = [f.text or "" for f in forms] if forms else [translation.text or ""]
            if any(not t.strip() for t in texts):
                problems.append(f"empty translation or plural form: {label}")
                continue
            want = placeholders(source)
            for text in texts:
                got = placeholders(text)
                # A plural form may leave out %n ("eine Registrierung"), never anything else.
                if message.get("numerus") == "yes":
                    got = sorted(set(got) | {"%n"}) if "%n" in want else got
                if got != want:
                    problems.append(f"placeholders {got} instead of {want}: {label}")
    return problems, count


def main():
    if len(sys.argv) < 4:
        print(__doc__)
        return 2
    lupdate, source_dir, ts_files = sys.argv[1], sys.argv[2], sys.argv[3:]
    failed = False
    for ts in ts_files:
        problems, count = check(lupdate, source_dir, ts)
        name = Path(ts).name
        if problems:
            failed = True
            print(f"{name}: {len(problems)} of {count} messages need work:")
            for p in problems:
                print("  " + p)
            print("Run `tools/dev translations` to merge new strings, then translate them.")
        else:
            print(f"{name}: all {count} messages translated, placeholders intact")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
