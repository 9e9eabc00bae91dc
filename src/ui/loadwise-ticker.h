/* loadwise-ticker.h: where the guided session's timers get their time
 *
 * Timers keep a deadline and compare it with the ticker's time, so a
 * countdown stays right however late the next tick comes (a hidden window,
 * a busy machine). The monotonic ticker reads g_get_monotonic_time () and
 * ticks a few times a second while someone holds it running; the manual one
 * only moves when a test advances it, which makes timer tests exact.
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define LOADWISE_TYPE_TICKER (loadwise_ticker_get_type ())

G_DECLARE_FINAL_TYPE (LoadwiseTicker, loadwise_ticker, LOADWISE, TICKER, GObject)

/* Signal "tick" (no arguments): the time moved; read it again. */
LoadwiseTicker *loadwise_ticker_new_monotonic (void);
/* Starts at 0 µs and stays there until loadwise_ticker_advance (). */
LoadwiseTicker *loadwise_ticker_new_manual    (void);

/* Microseconds on a clock that never goes back. */
gint64          loadwise_ticker_get_time      (LoadwiseTicker *self);
/* Ticks are emitted while the ticker is held running (counted). */
void            loadwise_ticker_hold          (LoadwiseTicker *self);
void            loadwise_ticker_release       (LoadwiseTicker *self);
gboolean        loadwise_ticker_is_running    (LoadwiseTicker *self);
/* Manual tickers only: moves the time on by @microseconds and ticks. */
void            loadwise_ticker_advance       (LoadwiseTicker *self,
                                               gint64          microseconds);

G_END_DECLS
