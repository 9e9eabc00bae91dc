#!/usr/bin/env python3
# check-manifest.py: the Flatpak manifest's structure, since it cannot be
# built on a machine without Flathub (build-aux/HACKING.md).
#
# Copyright 2026 The Loadwise developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-manifest.py MANIFEST APP_ID
#
# Asserts the app ID, the GNOME 43 runtime (GTK 4.8, libadwaita 1.2,
# GLib 2.74, as in Debian 12), the command, the exact sandbox holes the app
# needs and none it must not have (no network, no home or host folders:
# files come through the portal), every source pinned by URL and sha256,
# and Loadwise itself built last with the default profile and no tests.
# Prints every problem, then exits 1 if there was one.

import json
import re
import sys

FINISH_ARGS = {
    '--socket=wayland',
    '--socket=fallback-x11',
    '--share=ipc',
    '--device=dri',
    '--talk-name=org.freedesktop.Notifications',
    '--system-talk-name=org.freedesktop.login1',
}
# Holes the app must never ask for. Reading and writing files goes through
# the file chooser portal; nothing of Loadwise talks to the network.
FORBIDDEN = re.compile(r'^--(share=network|filesystem=(home|host|~).*|device=all|socket=(x11|session-bus|system-bus))$')
BUILDSYSTEMS = {'meson', 'cmake', 'cmake-ninja', 'autotools', 'simple', 'qmake'}
SHA256 = re.compile(r'^[0-9a-f]{64}$')


def check(manifest, app_id):
    problems = []

    def expect(cond, message):
        if not cond:
            problems.append(message)

    expect(manifest.get('app-id', manifest.get('id')) == app_id,
           'app-id is %r, not %r' % (manifest.get('app-id'), app_id))
    expect(manifest.get('runtime') == 'org.gnome.Platform', 'runtime is not org.gnome.Platform')
    expect(manifest.get('runtime-version') == '43',
           'runtime-version is %r, not "43" (GTK 4.8, libadwaita 1.2, GLib 2.74)'
           % manifest.get('runtime-version'))
    expect(manifest.get('sdk') == 'org.gnome.Sdk', 'sdk is not org.gnome.Sdk')
    expect(manifest.get('command') == 'loadwise', 'command is not loadwise')

    args = manifest.get('finish-args', [])
    expect(len(args) == len(set(args)), 'finish-args repeat an entry')
    for missing in sorted(FINISH_ARGS - set(args)):
        problems.append('finish-args lack %s' % missing)
    for extra in sorted(set(args) - FINISH_ARGS):
        problems.append('finish-args have %s, which the app does not need' % extra)
    for arg in args:
        expect(not FORBIDDEN.match(arg), 'finish-args open %s' % arg)

    modules = manifest.get('modules', [])
    expect(len(modules) > 0, 'no modules')
    names = [m.get('name') if isinstance(m, dict) else m for m in modules]
    for needed in ('libical', 'gpsbabel', 'loadwise'):
        expect(needed in names, 'no %s module' % needed)
    # libnotify and json-glib are in the GNOME runtime: building them again
    # would shadow the runtime's copies.
    for shipped in ('libnotify', 'json-glib'):
        expect(shipped not in names, 'a %s module, though the runtime has it' % shipped)

    for module in modules:
        if not isinstance(module, dict):
            problems.append('module %r is a file reference; keep them inline' % module)
            continue
        name = module.get('name', '?')
        expect(module.get('buildsystem', 'autotools') in BUILDSYSTEMS,
               '%s: unknown buildsystem %r' % (name, module.get('buildsystem')))
        sources = module.get('sources', [])
        expect(len(sources) > 0, '%s: no sources' % name)
        for source in sources:
            kind = source.get('type')
            if name == 'loadwise':
                expect(kind == 'dir' and source.get('path') == '..',
                       'loadwise: not built from this tree (dir "..")')
                continue
            expect(kind == 'archive', '%s: a %r source, not a published archive' % (name, kind))
            expect(str(source.get('url', '')).startswith('https://'),
                   '%s: the URL is not https' % name)
            expect(bool(SHA256.match(str(source.get('sha256', '')))),
                   '%s: no sha256 of 64 hex digits' % name)

    if names and names[-1] == 'loadwise':
        last = modules[-1]
        opts = last.get('config-opts', [])
        expect(last.get('buildsystem') == 'meson', 'loadwise: not a meson build')
        expect('-Dprofile=default' in opts, 'loadwise: not built with -Dprofile=default')
        expect('-Dtests=false' in opts,
               'loadwise: the tests need dunst and Xvfb, which the SDK lacks: pass -Dtests=false')
    else:
        problems.append('loadwise is not the last module')

    return problems


def main():
    if len(sys.argv) != 3:
        print('usage: check-manifest.py MANIFEST APP_ID', file=sys.stderr)
        return 2
    try:
        with open(sys.argv[1], encoding='utf-8') as f:
            manifest = json.load(f)
    except (OSError, ValueError) as e:
        print('%s: %s' % (sys.argv[1], e))
        return 1
    problems = check(manifest, sys.argv[2])
    for p in problems:
        print('%s: %s' % (sys.argv[1], p))
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
