#!/usr/bin/python3
# test-journey.py: one whole journey through the real app as a screen
# reader drives it (issue 13). Only the AT-SPI tree is used: accessible
# roles, names, descriptions and states, the Action interface to press,
# EditableText/Text for entries. No coordinates, no GTK internals.
#
#   test-journey.py PATH-TO-LOADWISE
#
# Needs a display (it skips, exit 77, without one, as the widget tests
# do) and a session bus on which org.a11y.Bus can be activated
# (dbus-run-session): without the accessibility bus it fails.
#
# Copyright 2026 The Loadwise developers
# SPDX-License-Identifier: GPL-3.0-or-later

import ctypes
import ctypes.util
import datetime
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import pyatspi  # noqa: E402  (Debian's python3-pyatspi)
from atspi_util import (JourneyError, find_all, has_state, press, role,  # noqa: E402
                        spoken, wait_for, wait_one)

SKIP = 77
ZONE = "Europe/Berlin"
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
RUN_KM = "6.4"
EXERCISE_PAIN = "2"
RUN_PAIN = "3"

started = time.monotonic()
held = []


def say(text):
    print(f"[{time.monotonic() - started:5.1f} s] {text}", flush=True)


def fail(text):
    print(f"FAIL: {text}", flush=True)
    sys.exit(1)


def hold_x_display():
    """An X connection of our own for the whole test, opened first.

    Xvfb started without -noreset (plain xvfb-run) resets when its last
    client leaves, and refuses connections meanwhile. at-spi-bus-launcher,
    activated just before the app starts, connects to the display and
    leaves again: without a client of ours the app then met a resetting
    server now and then ("cannot open display")."""
    if not os.environ.get("DISPLAY"):
        return None
    xlib = ctypes.CDLL(ctypes.util.find_library("X11") or "libX11.so.6")
    xlib.XOpenDisplay.restype = ctypes.c_void_p
    xlib.XOpenDisplay.argtypes = [ctypes.c_char_p]
    display = xlib.XOpenDisplay(None)
    if not display:
        fail(f"cannot open the X display {os.environ['DISPLAY']!r}")
    return xlib, display


def check_a11y_bus():
    """The accessibility bus must start on the session bus, or fail."""
    from gi.repository import Gio, GLib

    if not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        fail("no session bus (DBUS_SESSION_BUS_ADDRESS is unset): run under dbus-run-session")
    try:
        bus = Gio.bus_get_sync(Gio.BusType.SESSION, None)
        reply = bus.call_sync("org.a11y.Bus", "/org/a11y/bus", "org.a11y.Bus", "GetAddress",
                              None, GLib.VariantType.new("(s)"), Gio.DBusCallFlags.NONE,
                              10000, None)
    except GLib.Error as error:
        fail(f"the AT-SPI bus (org.a11y.Bus, at-spi-bus-launcher) did not start: {error.message}")
    return reply.unpack()[0]


def main():
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        print("SKIP: no display: set DISPLAY or WAYLAND_DISPLAY (xvfb-run)")
        return SKIP
    if len(sys.argv) != 2:
        fail(f"usage: {sys.argv[0]} PATH-TO-LOADWISE")

    # The app's clock is the system clock in this zone (it does not read
    # LOADWISE_NOW): take the date from the same zone, and check below that
    # the app shows it.
    os.environ["TZ"] = ZONE
    time.tzset()

    held.append(hold_x_display())  # open until the process ends
    say(f"a11y bus at {check_a11y_bus()}")
    top = tempfile.mkdtemp(prefix="loadwise-a11y-")
    data_dir = os.path.join(top, "data")
    os.mkdir(data_dir)
    env = dict(os.environ)
    # The bridge must be on: these would turn it off.
    for name in ("NO_AT_BRIDGE", "GTK_A11Y"):
        env.pop(name, None)
    env.update({
        "LOADWISE_DATA_DIR": data_dir,
        "XDG_DATA_HOME": os.path.join(top, "xdg-data"),
        "XDG_CONFIG_HOME": os.path.join(top, "xdg-config"),
        "XDG_CACHE_HOME": os.path.join(top, "xdg-cache"),
        "GSETTINGS_BACKEND": "memory",
        "TZ": ZONE,
        "LC_ALL": "C.UTF-8",
        "LANGUAGE": "en",
        "GSK_RENDERER": "cairo",
    })
    if "GSETTINGS_SCHEMA_DIR" not in env:
        fail("GSETTINGS_SCHEMA_DIR is unset: it names <builddir>/data (meson test sets it)")

    today = datetime.date.today()
    app_process = subprocess.Popen([sys.argv[1]], env=env)
    try:
        journey(app_process, today, data_dir)
    except JourneyError as error:
        fail(str(error))
    finally:
        if app_process.poll() is None:
            app_process.send_signal(signal.SIGTERM)
            try:
                app_process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                app_process.kill()
                app_process.wait()
        shutil.rmtree(top, ignore_errors=True)

    if datetime.date.today() != today:
        fail("the date changed during the test (midnight in Europe/Berlin): run it again")
    say("PASS")
    return 0


CONTROLS = ("push button", "toggle button", "check box", "radio button", "spin button",
            "text", "combo box", "page tab", "slider")


def assert_named(root, where):
    """Every control a screen reader can land on has a name of its own:
    not nothing, nor its class's ("GtkMenuButton", "GtkExpander")."""
    def in_toast(o):
        # libadwaita 1.2's own toast: its close button is an unnamed image
        # (not ours to name; later libadwaita names it).
        while o is not None:
            if o.name == "AdwToastWidget":
                return True
            o = o.parent
        return False

    unnamed = [f"{role(o)} {o.name!r}" for o in find_all(root, pred=lambda o: role(o) in CONTROLS)
               if (not spoken(o) or re.match(r"^(Gtk|Adw|Loadwise)[A-Z]", o.name)) and not in_toast(o)]
    if unnamed:
        raise JourneyError(f"controls without an accessible name in {where}: {unnamed}")


def journey(app_process, today, data_dir):
    def find_app():
        if app_process.poll() is not None:
            raise JourneyError(f"loadwise exited with status {app_process.returncode} before "
                               "it showed up on the accessibility bus (its messages are above)")
        desktop = pyatspi.Registry.getDesktop(0)
        for app in desktop:
            if app is not None and app.get_process_id() == app_process.pid and app.childCount > 0:
                return app
        return None

    app = wait_for("loadwise on the AT-SPI desktop", find_app)
    frame = wait_one(app, "main window (frame 'Loadwise')", role_name="frame", name="Loadwise")
    say(f"application {app.name!r}, window {frame.name!r}")

    def button(name, root=frame):
        return wait_one(root, f"push button {name!r}", role_name="push button", name=name)

    # --- Set-up: welcome, safety questions, the programme --------------------
    wait_one(frame, "heading 'Welcome to Loadwise'", role_name="heading", name="Welcome to Loadwise")
    press(button("Get Started"))
    say("set-up: 'Welcome to Loadwise', pressed 'Get Started'")

    questions = wait_one(frame, "list 'Safety questions'", role_name="list", name="Safety questions")
    boxes = find_all(questions, role_name="check box")
    if len(boxes) < 3 or any(not spoken(box).endswith("?") for box in boxes):
        raise JourneyError(f"the safety questions are not check boxes named by their question: "
                           f"{[spoken(box) for box in boxes]}")
    if any(has_state(box, pyatspi.STATE_CHECKED) for box in boxes):
        raise JourneyError("a safety question starts answered yes")
    press(button("Continue"))
    say(f"set-up: {len(boxes)} safety questions heard, all left at no; pressed 'Continue'")

    # Training days: toggle buttons named by the day. Today must be one of
    # the two or three, or there is no session to do.
    day_name = WEEKDAYS[today.weekday()]
    # The days' box, labelled by the "Training Days" title (not the label).
    day_group = wait_one(frame, "group 'Training Days'", name="Training Days",
                         pred=lambda o: role(o) not in ("label", "heading"))
    days = {name: button(name, day_group) for name in WEEKDAYS}
    pressed = [name for name in WEEKDAYS if has_state(days[name], pyatspi.STATE_PRESSED)]
    if day_name not in pressed:
        other = next(name for name in pressed if name != day_name)
        press(days[other])
        wait_for(f"{other} released", lambda: not has_state(days[other], pyatspi.STATE_PRESSED))
        press(days[day_name])
        wait_for(f"{day_name} pressed", lambda: has_state(days[day_name], pyatspi.STATE_PRESSED))
        say(f"set-up: training days {pressed}: released {other}, pressed {day_name}")
    else:
        say(f"set-up: training days {pressed} include today, {day_name}")
    for name in ("Weeks", "Safe pain", "Maximum pain"):
        wait_one(frame, f"spin button for {name!r}", role_name="spin button", contains=name)
    start = button("Start Programme")
    wait_for("'Start Programme' sensitive", lambda: has_state(start, pyatspi.STATE_SENSITIVE))
    press(start)
    say("set-up: pressed 'Start Programme'")

    # --- Today ---------------------------------------------------------------
    date_heading = f"{day_name} {today.day} {today.strftime('%B')}"
    wait_one(frame, f"heading {date_heading!r}", role_name="heading", name=date_heading)
    wait_one(frame, "heading 'Today’s Session'", role_name="heading", name="Today’s Session")
    say(f"Today: heading {date_heading!r}, heading 'Today’s Session'")

    assert_named(frame, "the main window")
    button("Main menu")

    set_pattern = re.compile(r"^Set (\d+) of (\d+) done$")
    sets = wait_for("toggle buttons 'Set N of M done'",
                    lambda: find_all(frame, role_name="push button",
                                     pred=lambda o: set_pattern.match(spoken(o))))
    groups = find_all(frame, role_name="grouping", name="Pain during the exercise")
    if len(groups) < 1:
        raise JourneyError("no 'Pain during the exercise' grouping on Today")
    for group in groups:
        # The eleven toggle buttons of the scale, by number, ends anchored.
        names = sorted((spoken(b) for b in find_all(group, role_name="radio button")),
                       key=lambda n: int(n.split(",")[0]))
        if len(names) != 11 or names[0] != "0, no pain" or names[10] != "10, worst pain":
            raise JourneyError(f"the pain scale reads {names}")
    exercises = [spoken(o) for o in find_all(frame, role_name="image")
                 if o.description.startswith("Drawing:")]
    say(f"Today: exercises {exercises}, {len(sets)} sets, {len(groups)} pain scales")

    for toggle in sets:
        if has_state(toggle, pyatspi.STATE_PRESSED):
            raise JourneyError(f"{spoken(toggle)!r} starts pressed")
        press(toggle)
    for toggle in sets:
        wait_for(f"{spoken(toggle)!r} pressed", lambda: has_state(toggle, pyatspi.STATE_PRESSED))
    say(f"Today: pressed each of the {len(sets)} 'Set N of M done' toggles")

    for group in groups:
        choice = wait_one(group, f"radio button {EXERCISE_PAIN!r}", role_name="radio button",
                          name=EXERCISE_PAIN)
        press(choice)
        wait_for(f"pain {EXERCISE_PAIN} checked", lambda: has_state(choice, pyatspi.STATE_CHECKED))
    say(f"Today: chose {EXERCISE_PAIN!r} in each 'Pain during the exercise'")

    finish = button("Finish Session")
    press(finish)
    wait_for("'Finish Session' gone once finished",
             lambda: not find_all(frame, role_name="push button", name="Finish Session"))
    say("Today: pressed 'Finish Session'")

    # --- The week's reason ---------------------------------------------------
    wait_one(frame, "heading 'This Week’s Levels'", role_name="heading",
             contains="This Week’s Levels")
    # The list is named by its heading ("This Week’s Levels (and Why)").
    levels = wait_one(frame, "list named 'This Week’s Levels'", role_name="list",
                      contains="This Week’s Levels")
    level_pattern = re.compile(r"^(.+) · level (\d) · (.+)$")
    rows = wait_for("the week's rows 'EXERCISE · level N · DECISION'",
                    lambda: find_all(levels, role_name="list item",
                                     pred=lambda o: level_pattern.match(spoken(o))))
    for row in rows:
        if not row.description:
            raise JourneyError(f"week row {spoken(row)!r} gives no reason (empty description)")
        say(f"week: {spoken(row)!r}, reason {row.description!r}")

    # The Programme page: a button a week and exercise, its reason described.
    press(wait_one(frame, "page tab 'Programme'", role_name="page tab", name="Programme"))
    week_pattern = re.compile(r"^Week 1, (.+): level (\d), (.+)$")
    cells = wait_for("the Programme page's 'Week 1, EXERCISE: level N, DECISION' buttons",
                     lambda: find_all(frame, role_name="push button",
                                      pred=lambda o: week_pattern.match(spoken(o))))
    for cell in cells:
        say(f"Programme: {spoken(cell)!r}, reason {cell.description!r}")

    # --- Log a run -------------------------------------------------------------
    press(wait_one(frame, "page tab 'Runs'", role_name="page tab", name="Runs"))
    say("pressed page tab 'Runs'")
    # The action by its name wherever it is: a button or a header-bar "+".
    press(wait_one(app, "push button 'Log a Run'", role_name="push button", name="Log a Run"))
    say("pressed 'Log a Run'")

    def find_dialog():
        for window in app:
            if window is not None and window.name == "Log a Run":
                return window
        return None

    try:
        dialog = wait_for("a window named 'Log a Run'", find_dialog)
    except JourneyError:
        windows = [(role(w), w.name) for w in app if w is not None]
        raise JourneyError(f"no window named 'Log a Run' after pressing it; windows {windows}")
    if role(dialog) != "dialog":
        raise JourneyError(f"the window {dialog.name!r} reads as a {role(dialog)!r}, not a dialog")
    say(f"dialog {role(dialog)} {dialog.name!r}")

    assert_named(dialog, "the 'Log a Run' window")
    save = button("Save", dialog)
    if has_state(save, pyatspi.STATE_SENSITIVE):
        raise JourneyError("'Save' is sensitive on an empty run")
    say(f"dialog: 'Save' dimmed, description {save.description!r}")

    distance = wait_one(dialog, "entry 'Distance (km)'", role_name="text", name="Distance (km)")
    if not distance.queryEditableText().setTextContents(RUN_KM):
        raise JourneyError("'Distance (km)' refused its text")

    def distance_text():
        text = distance.queryText()
        return text.getText(0, text.characterCount)

    wait_for(f"'Distance (km)' reading {RUN_KM}", lambda: distance_text() == RUN_KM)
    say(f"dialog: typed {RUN_KM!r} into 'Distance (km)'")

    during = wait_one(dialog, "grouping 'During the run'", role_name="grouping",
                      name="During the run")
    choice = wait_one(during, f"radio button {RUN_PAIN!r}", role_name="radio button", name=RUN_PAIN)
    press(choice)
    wait_for(f"run pain {RUN_PAIN} checked", lambda: has_state(choice, pyatspi.STATE_CHECKED))
    say(f"dialog: chose {RUN_PAIN!r} in 'During the run'")

    wait_for("'Save' sensitive", lambda: has_state(save, pyatspi.STATE_SENSITIVE))
    press(save)
    wait_for("the 'Log a Run' window closed", lambda: find_dialog() is None)
    say("dialog: pressed 'Save'; the window closed")

    runs = wait_one(frame, "list 'Logged runs, newest first'", contains="Logged runs")
    say(f"Runs: {role(runs)} {spoken(runs)!r}")
    assert_named(frame, "the Runs page")

    # --- What is on disk -----------------------------------------------------
    iso = today.isoformat()
    database = [name for name in os.listdir(data_dir) if name.endswith(".db")]
    if len(database) != 1:
        raise JourneyError(f"expected one database in the data folder, found {os.listdir(data_dir)}")

    def read(query, *args):
        connection = sqlite3.connect(f"file:{os.path.join(data_dir, database[0])}?mode=ro",
                                     uri=True, timeout=10)
        try:
            return connection.execute(query, args).fetchall()
        finally:
            connection.close()

    def run_written():
        return read("SELECT distance_m FROM run WHERE date = ?", iso)

    run_rows = wait_for("the run in the database", run_written)
    session = wait_for(f"the session of {iso} done in the database",
                       lambda: read("SELECT status FROM session WHERE date = ?", iso) == [("done",)]
                       and [("done",)])
    done_sets = read("SELECT count (*) FROM set_log WHERE date = ? AND done = 1", iso)[0][0]
    pains = read("SELECT pain FROM exercise_pain WHERE date = ?", iso)
    programme = read("SELECT training_days FROM programme")
    plan = read("SELECT family, decision, reason FROM week_plan WHERE week = 1")

    if session != [("done",)]:
        raise JourneyError(f"session of {iso} is {session}, not done")
    if done_sets != len(sets):
        raise JourneyError(f"{done_sets} sets done in set_log, {len(sets)} pressed")
    if sorted(p for (p,) in pains) != [int(EXERCISE_PAIN)] * len(groups):
        raise JourneyError(f"exercise_pain holds {pains}, expected {EXERCISE_PAIN} x {len(groups)}")
    if len(programme) != 1 or not programme[0][0] & (1 << today.weekday()):
        raise JourneyError(f"programme {programme} does not train on {day_name}")
    if run_rows != [(int(float(RUN_KM) * 1000),)]:
        raise JourneyError(f"run rows of {iso}: {run_rows}, expected {RUN_KM} km")
    heard = sorted((m.group(1).lower(), m.group(3).lower())
                   for m in (level_pattern.match(spoken(row)) for row in rows))
    if heard != sorted((family, decision) for (family, decision, reason) in plan):
        raise JourneyError(f"Today reads {heard}, week 1 in the database is {plan}")
    reasons = {family: reason for (family, decision, reason) in plan}
    programme_heard = sorted((m.group(1).lower(), m.group(3).lower(), cell.description)
                             for cell in cells for m in [week_pattern.match(spoken(cell))])
    if programme_heard != sorted(plan):
        raise JourneyError(f"the Programme page reads {programme_heard}, "
                           f"week 1 in the database is {plan}")
    for row in rows:
        family = level_pattern.match(spoken(row)).group(1).lower()
        if row.description != reasons[family]:
            raise JourneyError(f"{spoken(row)!r} gives the reason {row.description!r}, "
                               f"the database {reasons[family]!r}")
    say(f"disk: session done, {done_sets} sets done, pains {[p for (p,) in pains]}, "
        f"run {run_rows[0][0]} m, week 1 {plan}")


if __name__ == "__main__":
    sys.exit(main())
