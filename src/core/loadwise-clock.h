/* loadwise-clock.h: where "now" comes from
 *
 * Nothing in the core reads the system clock itself; windows, the CLI and
 * the reminder service are handed a clock, and tests hand in a fixed one.
 *
 * The "day-changed" signal tells when the local date changed, as GNOME
 * Calendar's clock does. A fixed clock emits it when loadwise_clock_set_fixed()
 * moves it to another date (that is how tests fake a day change); the
 * system clock once loadwise_clock_watch() was called (the app does, the
 * CLI does not): at each local midnight by a wall-clock timer, when the
 * system clock is set, when the time zone changes and after a resume.
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define LOADWISE_TYPE_CLOCK (loadwise_clock_get_type ())

G_DECLARE_FINAL_TYPE (LoadwiseClock, loadwise_clock, LOADWISE, CLOCK, GObject)

/* The system's wall clock in the local time zone. */
LoadwiseClock *loadwise_clock_new_system    (void);
/* Always answers @now (kept as given, with its time zone), until set again. */
LoadwiseClock *loadwise_clock_new_fixed     (GDateTime     *now);
/* Emits "day-changed" when @now falls on another date than before. */
void           loadwise_clock_set_fixed     (LoadwiseClock *self,
                                             GDateTime     *now);

/* Newly referenced. */
GDateTime     *loadwise_clock_get_now       (LoadwiseClock *self);
/* The calendar date of now in the clock's time zone. */
void           loadwise_clock_get_today     (LoadwiseClock *self,
                                             GDate         *out_date);

/* Starts watching for day changes of the system clock: a CLOCK_REALTIME
 * timerfd at the next local midnight (LoadwiseWallTimer), /etc/localtime,
 * and logind's PrepareForSleep on the system bus when there is one. Does
 * nothing for a fixed clock or when already watching. */
void           loadwise_clock_watch         (LoadwiseClock *self);

/* The next local midnight strictly after @now, in @now's time zone, as
 * Unix seconds. Days are 23 or 25 hours long across a change of daylight
 * saving time; a midnight that does not exist there (a zone that springs
 * forward at 00:00) is the first instant of that day. */
gint64         loadwise_clock_next_midnight (GDateTime     *now);

/* Test hook: the midnight the watch is armed for (Unix seconds), or 0. */
gint64         loadwise_clock_get_watch_deadline (LoadwiseClock *self);

G_END_DECLS
