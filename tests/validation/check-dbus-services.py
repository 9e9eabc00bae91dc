#!/usr/bin/env python3
# check-dbus-services.py: the built D-Bus service files and the reminder
# service's systemd user unit say what activation needs.
#
# Copyright 2026 The Loadwise developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-dbus-services.py APP_ID BINDIR DESKTOP APP_SERVICE REMINDERS_SERVICE UNIT
#
# dbus-daemon finds a service by its Name=, and ignores a file whose name
# is not that Name= plus ".service" (the D-Bus specification asks for it;
# dbus-broker refuses it). systemd's dbus activation goes through
# SystemdService=, which must name the unit, and the unit's BusName= the
# same name, or systemd never sees the service as started.

import configparser
import os
import shlex
import sys

SERVICE_KEYS = {'Name', 'Exec', 'User', 'SystemdService', 'AssumedAppArmorLabel'}


def read(path):
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str
    with open(path, encoding='utf-8') as f:
        parser.read_file(f)
    return parser


def check(app_id, bindir, desktop, app_service, reminders_service, unit):
    problems = []

    def expect(cond, message):
        if not cond:
            problems.append(message)

    reminders_name = app_id + '.Reminders'

    entry = read(desktop)
    expect(entry.get('Desktop Entry', 'DBusActivatable', fallback=None) == 'true',
           'the desktop file is not DBusActivatable=true')
    # DBusActivatable needs the desktop file named after the bus name.
    expect(os.path.basename(desktop) == app_id + '.desktop',
           'the desktop file is named %s' % os.path.basename(desktop))

    for path, name, argv, systemd in (
            (app_service, app_id,
             [os.path.join(bindir, 'loadwise'), '--gapplication-service'], None),
            (reminders_service, reminders_name,
             [os.path.join(bindir, 'loadwise-reminders')], reminders_name + '.service')):
        label = os.path.basename(path)
        service = read(path)
        expect(service.sections() == ['D-BUS Service'],
               '%s: sections %r, not just [D-BUS Service]' % (label, service.sections()))
        if not service.has_section('D-BUS Service'):
            continue
        keys = set(service['D-BUS Service'])
        expect(keys <= SERVICE_KEYS, '%s: unknown keys %r' % (label, sorted(keys - SERVICE_KEYS)))
        expect(service.get('D-BUS Service', 'Name', fallback=None) == name,
               '%s: Name= is not %s' % (label, name))
        expect(label == service.get('D-BUS Service', 'Name', fallback='') + '.service',
               '%s: the file is not named after its Name=' % label)
        exec_argv = shlex.split(service.get('D-BUS Service', 'Exec', fallback=''))
        expect(exec_argv == argv, '%s: Exec= runs %r, not %r' % (label, exec_argv, argv))
        expect(os.path.isabs(exec_argv[0]) if exec_argv else False,
               '%s: Exec= is not an absolute path' % label)
        expect(service.get('D-BUS Service', 'SystemdService', fallback=None) == systemd,
               '%s: SystemdService= is %r, not %r'
               % (label, service.get('D-BUS Service', 'SystemdService', fallback=None), systemd))

    label = os.path.basename(unit)
    expect(label == reminders_name + '.service', 'the unit is named %s' % label)
    unit_file = read(unit)
    want = {
        ('Unit', 'PartOf'): 'graphical-session.target',
        ('Unit', 'After'): 'graphical-session.target',
        ('Service', 'Type'): 'dbus',
        ('Service', 'BusName'): reminders_name,
        ('Service', 'ExecStart'): os.path.join(bindir, 'loadwise-reminders'),
        ('Service', 'Restart'): 'on-failure',
        ('Install', 'WantedBy'): 'graphical-session.target',
    }
    for (section, key), value in want.items():
        got = unit_file.get(section, key, fallback=None)
        expect(got == value, '%s: [%s] %s=%r, not %r' % (label, section, key, got, value))

    return problems


def main():
    if len(sys.argv) != 7:
        print(__doc__ or 'usage: check-dbus-services.py APP_ID BINDIR DESKTOP APP_SERVICE '
              'REMINDERS_SERVICE UNIT', file=sys.stderr)
        return 2
    problems = check(*sys.argv[1:])
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
