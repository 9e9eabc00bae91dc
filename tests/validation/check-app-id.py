#!/usr/bin/env python3
# check-app-id.py: the built desktop file, metainfo and GSettings schema
# carry the app ID of the profile being built (meson_options.txt).
#
# Copyright 2026 The Loadwise developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-app-id.py PROFILE APP_ID DESKTOP METAINFO GSCHEMA
#
# A development build must rename every one of them, or it would install
# over the released app's files, share its settings, or (two schemas with
# one enum ID) stop glib-compile-schemas from compiling either.

import configparser
import os
import sys
import xml.etree.ElementTree as ET

BASE_ID = 'io.github.loadwise.Loadwise'


def check(profile, app_id, desktop, metainfo, gschema):
    problems = []

    def expect(cond, message):
        if not cond:
            problems.append(message)

    expected = BASE_ID + '.Devel' if profile == 'development' else BASE_ID
    expect(app_id == expected, 'the %s profile builds %s, not %s' % (profile, app_id, expected))

    expect(os.path.basename(desktop) == app_id + '.desktop',
           'the desktop file is named %s' % os.path.basename(desktop))
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(desktop, encoding='utf-8')
    icon = entry.get('Desktop Entry', 'Icon', fallback=None)
    expect(icon == app_id, 'the desktop file names the icon %r' % icon)

    expect(os.path.basename(metainfo) == app_id + '.metainfo.xml',
           'the metainfo is named %s' % os.path.basename(metainfo))
    component = ET.parse(metainfo).getroot()
    expect(component.findtext('id') == app_id, 'the metainfo id is %r' % component.findtext('id'))
    launchables = [l.text for l in component.findall('launchable')]
    expect(launchables == [app_id + '.desktop'], 'the metainfo launches %r' % launchables)

    expect(os.path.basename(gschema) == app_id + '.gschema.xml',
           'the schema file is named %s' % os.path.basename(gschema))
    schemalist = ET.parse(gschema).getroot()
    path = '/' + app_id.replace('.', '/') + '/'
    schemas = schemalist.findall('schema')
    expect(len(schemas) > 0, 'no schema')
    for schema in schemas:
        sid = schema.get('id')
        expect(sid == app_id or sid.startswith(app_id + '.'), 'schema %s is not under %s' % (sid, app_id))
        if schema.get('path') is not None:
            expect(schema.get('path').startswith(path),
                   'schema %s keeps its settings at %s, not under %s' % (sid, schema.get('path'), path))
    for enum in schemalist.findall('enum') + schemalist.findall('flags'):
        expect(enum.get('id').startswith(app_id + '.'), 'enum %s is not under %s' % (enum.get('id'), app_id))
    for key in schemalist.iter('key'):
        if key.get('enum') is not None:
            expect(key.get('enum').startswith(app_id + '.'),
                   'key %s uses enum %s of another ID' % (key.get('name'), key.get('enum')))
    return problems


def main():
    if len(sys.argv) != 6:
        print('usage: check-app-id.py PROFILE APP_ID DESKTOP METAINFO GSCHEMA', file=sys.stderr)
        return 2
    problems = check(*sys.argv[1:])
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
