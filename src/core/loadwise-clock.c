/* loadwise-clock.c: where "now" comes from
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "core/loadwise-clock.h"
#include "core/loadwise-types.h"

struct _LoadwiseClock
{
  GObject    parent_instance;

  /* NULL for the system clock. */
  GDateTime *fixed_now;
};

G_DEFINE_FINAL_TYPE (LoadwiseClock, loadwise_clock, G_TYPE_OBJECT)

static void
loadwise_clock_finalize (GObject *object)
{
  LoadwiseClock *self = LOADWISE_CLOCK (object);

  g_clear_pointer (&self->fixed_now, g_date_time_unref);

  G_OBJECT_CLASS (loadwise_clock_parent_class)->finalize (object);
}

static void
loadwise_clock_class_init (LoadwiseClockClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = loadwise_clock_finalize;
}

static void
loadwise_clock_init (LoadwiseClock *self)
{
}

LoadwiseClock *
loadwise_clock_new_system (void)
{
  return g_object_new (LOADWISE_TYPE_CLOCK, NULL);
}

LoadwiseClock *
loadwise_clock_new_fixed (GDateTime *now)
{
  LoadwiseClock *self;

  g_return_val_if_fail (now != NULL, NULL);

  self = g_object_new (LOADWISE_TYPE_CLOCK, NULL);
  self->fixed_now = g_date_time_ref (now);
  return self;
}

void
loadwise_clock_set_fixed (LoadwiseClock *self,
                          GDateTime     *now)
{
  g_return_if_fail (LOADWISE_IS_CLOCK (self));
  g_return_if_fail (now != NULL);

  g_date_time_ref (now);
  g_clear_pointer (&self->fixed_now, g_date_time_unref);
  self->fixed_now = now;
}

GDateTime *
loadwise_clock_get_now (LoadwiseClock *self)
{
  g_return_val_if_fail (LOADWISE_IS_CLOCK (self), NULL);

  if (self->fixed_now != NULL)
    return g_date_time_ref (self->fixed_now);

  /* Not cached: GLib 2.74 re-reads TZ or /etc/localtime here, so a
   * long-running process follows a change of zone. */
  return g_date_time_new_now_local ();
}

void
loadwise_clock_get_today (LoadwiseClock *self,
                          GDate         *out_date)
{
  g_autoptr (GDateTime) now = NULL;

  g_return_if_fail (LOADWISE_IS_CLOCK (self));
  g_return_if_fail (out_date != NULL);

  now = loadwise_clock_get_now (self);
  loadwise_date_from_datetime (now, out_date);
}
