#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The nhconsole authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""`cmake --install` into a staging prefix, then the installed executables in German.

    check_install.py CMAKE BUILD_DIR SOURCE_DIR STAGING_DIR VERSION

Installs the build into STAGING_DIR (emptied first), checks every file the package ships is
there (tests/package/expected_files.txt), runs the staged `nhcli --version`, and runs
`nhcli --help` and `nhemulator --help` with German selected (LANG=de_DE.UTF-8, LANGUAGE=de):
their text must be the German catalogue's, which the staged executables can only have found
at STAGING_DIR/share/nhconsole/translations (they look beside themselves, never in the build
tree; docs/toolchain.md §7).
"""
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET


def expected_files(source_dir):
    with open(os.path.join(source_dir, "tests/package/expected_files.txt"), encoding="utf-8") as f:
        return [ln.strip() for ln in f if ln.strip() and not ln.startswith("#")]


def translations(ts_file, context):
    """source → translation of one context of a Qt Linguist catalogue."""
    pairs = {}
    for ctx in ET.parse(ts_file).getroot().iter("context"):
        if ctx.findtext("name") != context:
            continue
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            if tr is not None and tr.text and tr.get("type") is None:
                pairs[msg.findtext("source")] = tr.text
    return pairs


def flat(text):
    return " ".join(text.split())


def run(program, args, home, german):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG"))}
    env.update(HOME=home, XDG_RUNTIME_DIR=home)
    if german:
        env.update(LANG="de_DE.UTF-8", LANGUAGE="de")
    else:
        env.update(LANG="C.UTF-8", LC_ALL="C.UTF-8")
    proc = subprocess.run([program, *args], env=env, capture_output=True, text=True,
                          timeout=60, check=False)
    if proc.returncode != 0:
        raise SystemExit(f"{program} {' '.join(args)} failed ({proc.returncode}): {proc.stderr}")
    return proc.stdout


def check_german(program, context, ts_file, home, failures):
    """The help text in German: some of the context's sentences, each in its translation."""
    english = flat(run(program, ["--help"], home, german=False))
    german = flat(run(program, ["--help"], home, german=True))
    pairs = {s: t for s, t in translations(ts_file, context).items()
             if len(s) >= 20 and flat(s) in english}
    if len(pairs) < 3:
        failures.append(f"{os.path.basename(program)} --help: fewer than 3 sentences of context "
                        f"{context} found in the English help")
        return
    untranslated = [s for s, t in pairs.items() if flat(t) not in german]
    if untranslated:
        failures.append(f"{os.path.basename(program)} --help with LANGUAGE=de is not German: "
                        f"'{untranslated[0]}' is not translated")
    else:
        print(f"{os.path.basename(program)} --help: {len(pairs)} sentences in German")


def main():
    cmake, build_dir, source_dir, staging, project_version = sys.argv[1:6]
    shutil.rmtree(staging, ignore_errors=True)
    proc = subprocess.run([cmake, "--install", build_dir, "--prefix", staging],
                          capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise SystemExit(f"cmake --install failed:\n{proc.stdout}\n{proc.stderr}")

    failures = []
    for path in expected_files(source_dir):
        if not os.path.isfile(os.path.join(staging, path.removeprefix("usr/"))):
            failures.append(f"not installed: {path}")

    ts_file = os.path.join(source_dir, "resources/translations/nhconsole_de.ts")
    nhcli = os.path.join(staging, "bin/nhcli")
    nhemulator = os.path.join(staging, "bin/nhemulator")
    with tempfile.TemporaryDirectory(prefix="nh-staging-home-") as home:
        version = run(nhcli, ["--version"], home, german=True).strip()
        if version != f"nhcli {project_version}":
            failures.append(f"staged nhcli --version says '{version}'")
        else:
            print(f"staged nhcli --version: {version}")
        check_german(nhcli, "Nh::Cli", ts_file, home, failures)
        check_german(nhemulator, "nhemulator", ts_file, home, failures)

    if failures:
        print("\n".join(failures))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
