#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The nhconsole authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The generated man pages and completion say what --help says (docs/toolchain.md §7).

    check_cli_docs.py NHCLI NHEMULATOR NHCONSOLE DOCS_DIR

Reads the commands and options from the help texts the executables print (not from
`nhcli --dump-commands`, which the generator uses), and fails for every one that is missing
from nhcli.1, nhemulator.1, nhconsole.1 or nhcli's bash, zsh and fish completion. Then checks
the completion scripts parse (bash -n, zsh -n, fish --no-execute where installed).
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile


def help_text(program, args, home):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG"))}
    env.update(LC_ALL="C.UTF-8", HOME=home, QT_QPA_PLATFORM="offscreen", XDG_RUNTIME_DIR=home)
    proc = subprocess.run([program, *args, "--help"], env=env, capture_output=True, text=True,
                          timeout=60, check=False)
    if proc.returncode != 0:
        sys.exit(f"{program} {' '.join(args)} --help failed: {proc.stderr}")
    return proc.stdout


def help_options(text):
    """Long and short option names of a QCommandLineParser help text's 'Options:' section."""
    names, section = [], False
    for line in text.split("\n"):
        if line == "Options:":
            section = True
        elif section and not line.strip():
            break
        elif section and line.startswith("  -"):
            spec = re.split(r"\s{2,}", line.strip())[0].split("<")[0]
            names += re.findall(r"--?[\w-]+", spec)
    return names


def help_commands(text):
    """The command words of `nhcli --help` ('Commands:' lines: two spaces, a word, a summary)."""
    commands, section = [], False
    for line in text.split("\n"):
        if line.strip() == "Commands:":
            section = True
        elif section and not line.strip():
            break
        elif section:
            commands.append(line.split()[0])
    return commands


def roff(word):
    return word.replace("-", "\\-")


def man_sections(page):
    """nhcli.1's '.SS' sections by command name, the rest under ''."""
    sections, current = {"": ""}, ""
    for line in page.split("\n"):
        m = re.match(r'^\.SS "(.*)"$', line)
        if m:
            current = m.group(1).replace("\\-", "-")
            sections[current] = ""
        sections[current] += line + "\n"
    return sections


def bash_block(script, command):
    m = re.search(r"^        " + re.escape(command) + r"\)\n(.*?);;", script, re.S | re.M)
    return m.group(1) if m else ""


def zsh_block(script, command):
    m = re.search(r"^        \(" + re.escape(command) + r"\)\n(.*?);;", script, re.S | re.M)
    return m.group(1) if m else ""


def fish_has(script, command, option):
    cond = f"-n '__fish_seen_subcommand_from {command}'" if command else None
    flag = ("-s " if not option.startswith("--") else "-l ") + option.lstrip("-")
    for line in script.split("\n"):
        if not line.startswith("complete -c nhcli"):
            continue
        if re.search(re.escape(flag) + r"(\s|$)", line) and (
                (cond is None and " -n " not in line) or (cond and cond in line)):
            return True
    return False


def main():
    nhcli, nhemulator, nhconsole, docs = sys.argv[1:5]

    def read(name):
        with open(os.path.join(docs, name), encoding="utf-8") as f:
            return f.read()

    missing = []
    with tempfile.TemporaryDirectory(prefix="nh-cli-docs-") as home:
        top = help_text(nhcli, [], home)
        commands = help_commands(top)
        per_command = {c: help_options(help_text(nhcli, [c], home)) for c in commands}
        programs = {"nhemulator": help_options(help_text(nhemulator, [], home)),
                    "nhconsole": help_options(help_text(nhconsole, [], home))}
    if len(commands) < 5:
        sys.exit(f"nhcli --help lists {len(commands)} commands; cannot read its help")

    man = man_sections(read("nhcli.1"))
    bash, zsh, fish = read("nhcli.bash"), read("_nhcli"), read("nhcli.fish")
    global_options = help_options(top)
    for opt in global_options:
        if roff(opt) not in man[""]:
            missing.append(f"nhcli.1: global option {opt}")
        if not fish_has(fish, "", opt):
            missing.append(f"nhcli.fish: global option {opt}")
    for command, options in per_command.items():
        if command not in man:
            missing.append(f"nhcli.1: command {command}")
        if not bash_block(bash, command):
            missing.append(f"nhcli.bash: command {command}")
        if not zsh_block(zsh, command):
            missing.append(f"_nhcli: command {command}")
        if f" -a {command} " not in fish:
            missing.append(f"nhcli.fish: command {command}")
        for opt in options:
            if opt not in global_options and roff(opt) not in man.get(command, ""):
                missing.append(f"nhcli.1: {command} {opt}")
            if not re.search(r"[' ]" + re.escape(opt) + r"[ ']", bash_block(bash, command)):
                missing.append(f"nhcli.bash: {command} {opt}")
            if "'" + opt.replace(":", "\\:") + ":" not in zsh_block(zsh, command):
                missing.append(f"_nhcli: {command} {opt}")
            if opt not in global_options and not fish_has(fish, command, opt):
                missing.append(f"nhcli.fish: {command} {opt}")
    for program, options in programs.items():
        page = read(program + ".1")
        for opt in options:
            if roff(opt) not in page:
                missing.append(f"{program}.1: {opt}")

    for shell, args, name in (("bash", ["-n"], "nhcli.bash"), ("zsh", ["-n"], "_nhcli"),
                              ("fish", ["--no-execute"], "nhcli.fish")):
        exe = shutil.which(shell)
        if not exe:
            print(f"({shell} is not installed: {name} not parsed)")
            continue
        proc = subprocess.run([exe, *args, os.path.join(docs, name)], capture_output=True,
                              text=True, check=False)
        if proc.returncode != 0 or proc.stderr.strip():
            missing.append(f"{name} does not parse: {proc.stderr.strip()}")

    count = len(global_options) + sum(map(len, per_command.values())) + sum(
        map(len, programs.values()))
    if missing:
        print("In --help but not in the generated pages or completion:\n  "
              + "\n  ".join(missing))
        return 1
    print(f"{len(commands)} commands and {count} options of --help are in every man page and "
          "completion file")
    return 0


if __name__ == "__main__":
    sys.exit(main())
