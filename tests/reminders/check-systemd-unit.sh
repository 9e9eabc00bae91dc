#!/bin/sh
# check-systemd-unit.sh: `systemd-analyze --user verify` on the built unit.
#
# Copyright 2026 The Loadwise developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-systemd-unit.sh UNIT BUILT_LOADWISE_REMINDERS
#
# The unit runs the installed binary, which is not there before `meson
# install`: verify a copy whose ExecStart= is the built one. --man=no: the
# man page is not installed either. systemd-analyze warns, and still exits
# 0, on a key or value it does not know: any output fails. Skipped (77)
# where systemd-analyze is missing.
unit=$1
binary=$2
analyze=$(command -v systemd-analyze) || { echo "systemd-analyze is not installed: skipped"; exit 77; }
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
mkdir -m 700 "$tmp/run"
sed "s|^ExecStart=.*|ExecStart=$binary|" "$unit" > "$tmp/$(basename "$unit")" || exit 1
out=$(XDG_RUNTIME_DIR="$tmp/run" "$analyze" --user verify --man=no "$tmp/$(basename "$unit")" 2>&1)
status=$?
[ -n "$out" ] && printf '%s\n' "$out"
[ "$status" -eq 0 ] && [ -z "$out" ]
