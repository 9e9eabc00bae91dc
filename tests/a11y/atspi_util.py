# atspi_util.py: finding and using controls the way a screen reader does,
# by accessible role, name, state and action only (AT-SPI through pyatspi).
#
# Copyright 2026 The Loadwise developers
# SPDX-License-Identifier: GPL-3.0-or-later

import time

import pyatspi

STEP_S = 0.1
TIMEOUT_S = 10.0


class JourneyError(AssertionError):
    pass


def spoken(obj):
    """The name as read, without mnemonic underscores, whitespace folded.

    GTK 4.8 reports a mnemonic button's label twice ("_Save Save"): the
    label, then the text of the label it is labelled by; keep the second
    when the name is such a pair."""
    name = obj.name or ""
    plain = " ".join(name.replace("_", "").split())
    words = plain.split(" ")
    half = len(words) // 2
    if len(words) % 2 == 0 and half > 0 and words[:half] == words[half:]:
        return " ".join(words[half:])
    return plain


def walk(root, prune=()):
    """Every accessible under root, depth first (root included), without
    looking inside those whose role is in prune."""
    stack = [root]
    while stack:
        obj = stack.pop()
        if obj is None:
            continue
        yield obj
        try:
            if prune and obj is not root and obj.getRoleName() in prune:
                continue
            children = [obj.getChildAtIndex(i) for i in range(obj.childCount)]
        except Exception:  # an object gone while walking: skip it
            continue
        stack.extend(reversed(children))


# Not looked into unless a page tab is wanted: the view switchers (three
# copies of the tabs, header bar and bottom bar) and scroll bars.
PRUNE = ("page tab list", "scroll bar")


def role(obj):
    return obj.getRoleName()


def has_state(obj, state):
    return obj.getState().contains(state)


def find_all(root, role_name=None, name=None, contains=None, pred=None):
    found = []
    for obj in walk(root, () if role_name == "page tab" else PRUNE):
        try:
            if role_name is not None and role(obj) != role_name:
                continue
            if name is not None and spoken(obj) != name:
                continue
            if contains is not None and contains not in spoken(obj):
                continue
            if pred is not None and not pred(obj):
                continue
        except Exception:
            continue
        found.append(obj)
    return found


def wait_for(what, probe, timeout=TIMEOUT_S):
    """Poll probe() every 0.1 s until it returns something true."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            result = probe()
        except JourneyError:  # the probe knows it is hopeless
            raise
        except Exception:  # the tree changes under us; try again
            result = None
        if result:
            return result
        if time.monotonic() > deadline:
            raise JourneyError(f"after {timeout:.0f} s still no {what}")
        time.sleep(STEP_S)


def wait_one(root, what, timeout=TIMEOUT_S, **criteria):
    """The first accessible matching criteria under root, once it exists."""
    def probe():
        matches = find_all(root, **criteria)
        return matches[0] if matches else None
    return wait_for(what, probe, timeout)


def action_names(obj):
    try:
        action = obj.queryAction()
    except NotImplementedError:
        return []
    return [action.getName(i) for i in range(action.nActions)]


def do_action(obj, *wanted):
    """Run the first of the named AT-SPI actions obj offers."""
    names = action_names(obj)
    for want in wanted:
        if want in names:
            if not obj.queryAction().doAction(names.index(want)):
                raise JourneyError(f"{role(obj)} {spoken(obj)!r}: action {want} refused")
            return want
    raise JourneyError(f"{role(obj)} {spoken(obj)!r} offers none of {wanted}: only {names}")


def on_screen(obj):
    """Whether obj is laid out: GTK 4.8 sets STATE_SHOWING on the frame
    only, and a button on a stack page not yet shown has no size (and
    drops an activation: GtkButton activates only once realized)."""
    extents = obj.queryComponent().getExtents(pyatspi.XY_WINDOW)
    return extents.width > 0 and extents.height > 0


def press(obj):
    """Press obj once it is on screen, as a screen reader user would."""
    wait_for(f"{role(obj)} {spoken(obj)!r} on screen", lambda: on_screen(obj))
    return do_action(obj, "click", "activate", "press", "toggle")
