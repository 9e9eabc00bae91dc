/* loadwise-ticker.c
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ui/loadwise-ticker.h"

/* Often enough for a seconds display to turn over on time. */
#define TICK_INTERVAL_MS 200

struct _LoadwiseTicker
{
  GObject  parent_instance;

  gboolean manual;
  gint64   manual_time;
  guint    holds;
  guint    source;
};

G_DEFINE_FINAL_TYPE (LoadwiseTicker, loadwise_ticker, G_TYPE_OBJECT)

enum {
  TICK,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

LoadwiseTicker *
loadwise_ticker_new_monotonic (void)
{
  return g_object_new (LOADWISE_TYPE_TICKER, NULL);
}

LoadwiseTicker *
loadwise_ticker_new_manual (void)
{
  LoadwiseTicker *self = g_object_new (LOADWISE_TYPE_TICKER, NULL);

  self->manual = TRUE;
  return self;
}

gint64
loadwise_ticker_get_time (LoadwiseTicker *self)
{
  g_return_val_if_fail (LOADWISE_IS_TICKER (self), 0);

  return self->manual ? self->manual_time : g_get_monotonic_time ();
}

static gboolean
on_tick_timeout (gpointer user_data)
{
  g_signal_emit (user_data, signals[TICK], 0);
  return G_SOURCE_CONTINUE;
}

void
loadwise_ticker_hold (LoadwiseTicker *self)
{
  g_return_if_fail (LOADWISE_IS_TICKER (self));

  if (self->holds++ == 0 && !self->manual)
    self->source = g_timeout_add (TICK_INTERVAL_MS, on_tick_timeout, self);
}

void
loadwise_ticker_release (LoadwiseTicker *self)
{
  g_return_if_fail (LOADWISE_IS_TICKER (self));
  g_return_if_fail (self->holds > 0);

  if (--self->holds == 0)
    g_clear_handle_id (&self->source, g_source_remove);
}

gboolean
loadwise_ticker_is_running (LoadwiseTicker *self)
{
  g_return_val_if_fail (LOADWISE_IS_TICKER (self), FALSE);

  return self->holds > 0;
}

void
loadwise_ticker_advance (LoadwiseTicker *self,
                         gint64          microseconds)
{
  g_return_if_fail (LOADWISE_IS_TICKER (self));
  g_return_if_fail (self->manual);
  g_return_if_fail (microseconds >= 0);

  self->manual_time += microseconds;
  g_signal_emit (self, signals[TICK], 0);
}

static void
loadwise_ticker_dispose (GObject *object)
{
  LoadwiseTicker *self = LOADWISE_TICKER (object);

  g_clear_handle_id (&self->source, g_source_remove);

  G_OBJECT_CLASS (loadwise_ticker_parent_class)->dispose (object);
}

static void
loadwise_ticker_class_init (LoadwiseTickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = loadwise_ticker_dispose;

  signals[TICK] = g_signal_new ("tick",
                                G_TYPE_FROM_CLASS (klass),
                                G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL,
                                G_TYPE_NONE, 0);
}

static void
loadwise_ticker_init (LoadwiseTicker *self)
{
}
