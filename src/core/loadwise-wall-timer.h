/* loadwise-wall-timer.h: one alarm at an absolute wall-clock time
 *
 * A CLOCK_REALTIME timerfd armed with TFD_TIMER_ABSTIME |
 * TFD_TIMER_CANCEL_ON_SET, as gnome-desktop's GnomeWallClock does: it
 * fires at the deadline even after a suspend (CLOCK_MONOTONIC stops during
 * one), and reports a change of the system clock instead of firing early
 * or late. Between the two nothing wakes up: no polling.
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define LOADWISE_TYPE_WALL_TIMER (loadwise_wall_timer_get_type ())

G_DECLARE_FINAL_TYPE (LoadwiseWallTimer, loadwise_wall_timer, LOADWISE, WALL_TIMER, GObject)

/* Signals: "fired" at the deadline; "clock-changed" when the system clock
 * was set while armed (the timer is then disarmed: arm it again). */
LoadwiseWallTimer *loadwise_wall_timer_new          (GError            **error);
/* Arms at @deadline (Unix seconds); a deadline already past fires at once. */
void               loadwise_wall_timer_arm          (LoadwiseWallTimer  *self,
                                                     gint64              deadline);
void               loadwise_wall_timer_disarm       (LoadwiseWallTimer  *self);
/* The armed deadline, or 0 when disarmed. */
gint64             loadwise_wall_timer_get_deadline (LoadwiseWallTimer  *self);

G_END_DECLS
