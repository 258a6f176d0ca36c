#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 The nhconsole authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs a command against a private keychain in one of the states QtKeychain meets in the field
# (docs/toolchain.md §5), with its own HOME and XDG dirs in a temporary directory that is removed
# afterwards. The command learns the state from NH_KEYRING_MODE and the sandbox from
# NH_KEYRING_HOME.
#
#   with_keyring.sh MODE COMMAND [ARGS...]
#
# MODE:
#   unlocked        private session bus + gnome-keyring unlocked with a known password
#   locked          first `seed` (unlocked: the command stores entries), then the same keyring
#                   with a daemon started without --unlock: the login keyring is locked
#   uninitialised   private session bus, no keyring yet; the Secret Service is activated on
#                   demand and cannot create its default keyring (no prompter without a display)
#   no-service      private session bus that offers no Secret Service at all
#   no-bus          DBUS_SESSION_BUS_ADDRESS points at a socket that does not exist
#   kwallet-no-bus  as no-bus, but as a KDE 4 session: QtKeychain takes its KWallet path, the
#                   one where an insecure fallback would write plain text to ~/.config
#
# Exit status: the command's (for `locked`, the first of the two runs that failed); 2 for a
# usage error; 3 when dbus-run-session or gnome-keyring-daemon is missing.
set -euo pipefail

readonly password=nhconsole-test-keyring

if [[ "${1:-}" == "--inner" ]]; then
    # Runs inside dbus-run-session: start the daemon as asked, then the command.
    daemon=$2
    shift 2
    case "$daemon" in
    unlocked)
        eval "$(printf '%s' "$password" | gnome-keyring-daemon --unlock --components=secrets)"
        ;;
    locked)
        # The keyring file exists (seeded); without --unlock the daemon keeps it locked.
        gnome-keyring-daemon --start --components=secrets >/dev/null 2>&1 || true
        ;;
    none) ;;
    esac
    exec "$@"
fi

if (($# < 2)); then
    echo "usage: $0 unlocked|locked|uninitialised|no-service|no-bus|kwallet-no-bus COMMAND..." >&2
    exit 2
fi
mode=$1
shift

for tool in dbus-run-session gnome-keyring-daemon; do
    if ! command -v "$tool" >/dev/null; then
        echo "$0: $tool is missing (Debian: apt-get install dbus-daemon gnome-keyring)" >&2
        exit 3
    fi
done

sandbox=$(mktemp -d "${TMPDIR:-/tmp}/nh-keyring.XXXXXX")
trap 'rm -rf "$sandbox"' EXIT
# Set before dbus-run-session: the daemons it activates inherit this environment, so the
# keyring lands in the sandbox and not in the real home.
export HOME="$sandbox/home"
export XDG_RUNTIME_DIR="$sandbox/run"
export XDG_CONFIG_HOME="$HOME/.config"
export XDG_DATA_HOME="$HOME/.local/share"
export XDG_CACHE_HOME="$HOME/.cache"
mkdir -p "$HOME" "$XDG_RUNTIME_DIR" "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_CACHE_HOME"
chmod 700 "$XDG_RUNTIME_DIR"
export NH_KEYRING_HOME="$HOME"
# No display: an unlock prompt must fail at once instead of waiting for a person.
unset DISPLAY WAYLAND_DISPLAY XDG_CURRENT_DESKTOP XDG_SESSION_DESKTOP DESKTOP_SESSION \
    KDE_FULL_SESSION KDE_SESSION_VERSION GNOME_KEYRING_CONTROL SSH_AUTH_SOCK \
    DBUS_SESSION_BUS_ADDRESS
self=$(readlink -f "$0")

run_mode() {
    NH_KEYRING_MODE=$1 "${@:2}"
}

case "$mode" in
unlocked)
    run_mode unlocked dbus-run-session -- "$self" --inner unlocked "$@"
    ;;
locked)
    run_mode seed dbus-run-session -- "$self" --inner unlocked "$@"
    run_mode locked dbus-run-session -- "$self" --inner locked "$@"
    ;;
uninitialised)
    run_mode uninitialised dbus-run-session -- "$self" --inner none "$@"
    ;;
no-service)
    # A bus with the standard policy but no service directories: nothing can be activated.
    cat >"$sandbox/bus.conf" <<EOF
<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir=$sandbox</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
EOF
    run_mode no-service dbus-run-session --config-file="$sandbox/bus.conf" -- "$@"
    ;;
no-bus)
    DBUS_SESSION_BUS_ADDRESS="unix:path=$sandbox/no-such-bus" run_mode no-bus "$@"
    ;;
kwallet-no-bus)
    XDG_CURRENT_DESKTOP=KDE KDE_SESSION_VERSION=4 \
        DBUS_SESSION_BUS_ADDRESS="unix:path=$sandbox/no-such-bus" run_mode kwallet-no-bus "$@"
    ;;
*)
    echo "$0: unknown mode '$mode'" >&2
    exit 2
    ;;
esac
