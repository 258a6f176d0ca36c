#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The nhconsole authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The Debian package: built with CPack, then checked offline (docs/toolchain.md §7).

    check_package.py CPACK BUILD_DIR SOURCE_DIR OUT_DIR VERSION [--deb FILE]

Builds nhconsole_<VERSION>-<rev>_<arch>.deb from BUILD_DIR into OUT_DIR (or checks FILE), then:
  - `dpkg-deb --contents` holds exactly tests/package/expected_files.txt (plus directories);
  - the control data: shlibdeps filled Depends, the version matches the AppStream release;
  - the executables are stripped ELF files;
  - `desktop-file-validate` on the .desktop file (no error, warning or hint),
    `appstreamcli validate --no-net` on the metainfo;
  - `man -l` renders every page with groff's warnings on, and none is printed;
  - `lintian` reports no error and no warning (the accepted ones are overridden, each with its
    reason, in resources/debian/lintian-overrides, installed with the package).
Prints the time of each step.
"""
import glob
import os
import re
import shutil
import subprocess
import sys
import time
import xml.etree.ElementTree as ET

TOOLS = {"dpkg-deb": "dpkg", "dpkg-shlibdeps": "dpkg-dev", "lintian": "lintian",
         "desktop-file-validate": "desktop-file-utils", "appstreamcli": "appstream",
         "man": "man-db", "file": "file"}


def run(cmd, env=None, check=True):
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)
    if check and proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{proc.stdout}\n"
                         f"{proc.stderr}")
    return proc


class Steps:
    def __init__(self):
        self.failures = []
        self.start = time.monotonic()

    def step(self, name, failures):
        now = time.monotonic()
        status = "ok" if not failures else "FAILED"
        print(f"{name}: {status} ({now - self.start:.1f} s)")
        for f in failures:
            print("    " + f)
        self.failures += failures
        self.start = now


def main():
    cpack, build_dir, source_dir, out_dir, version = sys.argv[1:6]
    deb = sys.argv[7] if len(sys.argv) > 7 and sys.argv[6] == "--deb" else None
    absent = sorted({pkg for tool, pkg in TOOLS.items() if not shutil.which(tool)})
    if absent:
        raise SystemExit("The package checks need " + " ".join(absent)
                         + " (tools/dev setup installs them).")
    steps = Steps()

    if deb is None:
        shutil.rmtree(out_dir, ignore_errors=True)
        os.makedirs(out_dir)
        run([cpack, "-G", "DEB", "--config", os.path.join(build_dir, "CPackConfig.cmake"),
             "-B", out_dir])
        debs = glob.glob(os.path.join(out_dir, "*.deb"))
        if len(debs) != 1:
            raise SystemExit(f"cpack made {debs}, not one .deb")
        deb = debs[0]
        steps.step(f"cpack -G DEB: {os.path.basename(deb)}, "
                   f"{os.path.getsize(deb) / 1e6:.1f} MB", [])

    # --- the file list ---
    with open(os.path.join(source_dir, "tests/package/expected_files.txt"), encoding="utf-8") as f:
        expected = {ln.strip() for ln in f if ln.strip() and not ln.startswith("#")}
    listing = run(["dpkg-deb", "--contents", deb]).stdout.splitlines()
    files = {ln.split()[5].removeprefix("./") for ln in listing if not ln.startswith("d")}
    fails = [f"missing: {p}" for p in sorted(expected - files)]
    fails += [f"not expected (add it to expected_files.txt?): {p}" for p in sorted(files - expected)]
    steps.step(f"dpkg-deb --contents: {len(files)} files", fails)

    # --- control data ---
    fails = []
    fields = dict(re.findall(r"^ ?([A-Za-z-]+): (.*)$", run(["dpkg-deb", "-f", deb]).stdout,
                             re.M))
    if not fields.get("Version", "").startswith(version + "-"):
        fails.append(f"Version: {fields.get('Version')}, not {version}-N")
    depends = fields.get("Depends", "")
    for lib in ("libc6", "libqt6core6", "libqt6widgets6", "qt6-qpa-plugins", "libqt6svg6"):
        if not re.search(r"(^|, )" + lib + r"\b", depends):
            fails.append(f"Depends lacks {lib} (shlibdeps?): {depends}")
    root = os.path.join(out_dir, "root")
    shutil.rmtree(root, ignore_errors=True)
    run(["dpkg-deb", "-x", deb, root])
    metainfo = glob.glob(os.path.join(root, "usr/share/metainfo/*.metainfo.xml"))
    releases = [r.get("version") for m in metainfo
                for r in ET.parse(m).getroot().iter("release")]
    if not releases or releases[0] != version:
        fails.append(f"the metainfo's newest release is {releases[:1]}, not {version}")
    for exe in ("nhconsole", "nhcli", "nhemulator"):
        desc = run(["file", "-b", os.path.join(root, "usr/bin", exe)]).stdout
        if "ELF" not in desc or "not stripped" in desc or "stripped" not in desc:
            fails.append(f"usr/bin/{exe} is not a stripped ELF executable: {desc.strip()}")
    steps.step(f"control and binaries (Depends: {depends})", fails)

    # --- desktop file and AppStream ---
    fails = []
    desktop = os.path.join(root, "usr/share/applications/nhconsole.desktop")
    proc = run(["desktop-file-validate", desktop], check=False)
    # Hints too: "more than one main category" puts the entry in the menu twice.
    errors = [ln for ln in proc.stdout.splitlines() if re.search(r" (error|warning|hint): ", ln)]
    if proc.returncode != 0 or errors:
        fails += errors or [proc.stdout + proc.stderr]
    for m in metainfo:
        proc = run(["appstreamcli", "validate", "--no-net", m], check=False)
        if proc.returncode != 0:
            fails.append(proc.stdout.strip() + proc.stderr.strip())
    steps.step("desktop-file-validate, appstreamcli validate --no-net", fails)

    # --- man pages ---
    fails = []
    env = dict(os.environ, LC_ALL="C.UTF-8", MANWIDTH="80")
    env.pop("MANPAGER", None)
    pages = sorted(glob.glob(os.path.join(root, "usr/share/man/man1/*.1.gz")))
    for page in pages:
        proc = run(["man", "--warnings", "-E", "UTF-8", "-l", "-Tutf8", page], env=env,
                   check=False)
        if proc.returncode != 0 or proc.stderr.strip() or len(proc.stdout) < 500:
            fails.append(f"man -l {os.path.basename(page)}: {proc.returncode} "
                         f"{proc.stderr.strip()}")
    steps.step(f"man -l --warnings: {len(pages)} pages", fails)

    # --- lintian ---
    proc = run(["lintian", "--fail-on", "error,warning", "--tag-display-limit", "0", deb],
               check=False)
    tags = [ln for ln in proc.stdout.splitlines() if re.match(r"^[EW]: ", ln)]
    fails = tags if proc.returncode != 0 or tags else []
    if proc.returncode != 0 and not tags:
        fails = [proc.stdout + proc.stderr]
    steps.step("lintian (errors and warnings fail)", fails)

    return 1 if steps.failures else 0


if __name__ == "__main__":
    sys.exit(main())
