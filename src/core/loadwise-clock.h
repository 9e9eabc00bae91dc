/* loadwise-clock.h: where "now" comes from
 *
 * Nothing in the core reads the system clock itself; windows, the CLI and
 * the reminder service are handed a clock, and tests hand in a fixed one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define LOADWISE_TYPE_CLOCK (loadwise_clock_get_type ())

G_DECLARE_FINAL_TYPE (LoadwiseClock, loadwise_clock, LOADWISE, CLOCK, GObject)

/* The system's wall clock in the local time zone. */
LoadwiseClock *loadwise_clock_new_system (void);
/* Always answers @now (kept as given, with its time zone), until set again. */
LoadwiseClock *loadwise_clock_new_fixed  (GDateTime     *now);
void           loadwise_clock_set_fixed  (LoadwiseClock *self,
                                          GDateTime     *now);

/* Newly referenced. */
GDateTime     *loadwise_clock_get_now    (LoadwiseClock *self);
/* The calendar date of now in the clock's time zone. */
void           loadwise_clock_get_today  (LoadwiseClock *self,
                                          GDate         *out_date);

G_END_DECLS
