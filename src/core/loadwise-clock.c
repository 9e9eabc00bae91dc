/* loadwise-clock.c: where "now" comes from, and when the day changes
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "core/loadwise-clock.h"

#include <gio/gio.h>

#include "core/loadwise-types.h"
#include "core/loadwise-wall-timer.h"

#define LOCALTIME_PATH "/etc/localtime"

struct _LoadwiseClock
{
  GObject            parent_instance;

  /* NULL for the system clock. */
  GDateTime         *fixed_now;

  /* The date "day-changed" was last emitted for (or first seen). */
  GDate              today;

  /* Watching the system clock (loadwise_clock_watch()). */
  gboolean           watching;
  LoadwiseWallTimer *timer;
  GFileMonitor      *localtime_monitor;
  GCancellable      *cancellable;
  GDBusConnection   *system_bus;
  guint              sleep_subscription;
};

G_DEFINE_FINAL_TYPE (LoadwiseClock, loadwise_clock, G_TYPE_OBJECT)

enum {
  SIGNAL_DAY_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
loadwise_clock_dispose (GObject *object)
{
  LoadwiseClock *self = LOADWISE_CLOCK (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->sleep_subscription != 0)
    g_dbus_connection_signal_unsubscribe (self->system_bus, self->sleep_subscription);
  self->sleep_subscription = 0;
  g_clear_object (&self->system_bus);
  g_clear_object (&self->localtime_monitor);
  g_clear_object (&self->timer);

  G_OBJECT_CLASS (loadwise_clock_parent_class)->dispose (object);
}

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

  object_class->dispose = loadwise_clock_dispose;
  object_class->finalize = loadwise_clock_finalize;

  /**
   * LoadwiseClock::day-changed:
   *
   * The local date is another one than when last emitted (or than when
   * the clock was made): midnight passed, the clock or the time zone was
   * set, or the machine woke from a suspend on another day.
   */
  signals[SIGNAL_DAY_CHANGED] =
    g_signal_new ("day-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
loadwise_clock_init (LoadwiseClock *self)
{
}

LoadwiseClock *
loadwise_clock_new_system (void)
{
  LoadwiseClock *self = g_object_new (LOADWISE_TYPE_CLOCK, NULL);

  loadwise_clock_get_today (self, &self->today);
  return self;
}

LoadwiseClock *
loadwise_clock_new_fixed (GDateTime *now)
{
  LoadwiseClock *self;

  g_return_val_if_fail (now != NULL, NULL);

  self = g_object_new (LOADWISE_TYPE_CLOCK, NULL);
  self->fixed_now = g_date_time_ref (now);
  loadwise_date_from_datetime (now, &self->today);
  return self;
}

/* Emits "day-changed" when the date moved since last time. */
static void
check_day (LoadwiseClock *self)
{
  GDate today;

  loadwise_clock_get_today (self, &today);
  if (g_date_valid (&self->today) && g_date_compare (&today, &self->today) == 0)
    return;
  self->today = today;
  g_signal_emit (self, signals[SIGNAL_DAY_CHANGED], 0);
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
  check_day (self);
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

gint64
loadwise_clock_next_midnight (GDateTime *now)
{
  g_autoptr (GDateTime) midnight = NULL;
  GDate day;

  g_return_val_if_fail (now != NULL, 0);

  /* By the calendar, not by adding 24 hours: across a change of daylight
   * saving time the day is 23 or 25 hours long. */
  loadwise_date_from_datetime (now, &day);
  g_date_add_days (&day, 1);
  midnight = g_date_time_new (g_date_time_get_timezone (now),
                              g_date_get_year (&day), g_date_get_month (&day),
                              g_date_get_day (&day), 0, 0, 0);
  return g_date_time_to_unix (midnight);
}

/* Watching the system clock */

static void
arm (LoadwiseClock *self)
{
  g_autoptr (GDateTime) now = loadwise_clock_get_now (self);

  loadwise_wall_timer_arm (self->timer, loadwise_clock_next_midnight (now));
}

static void
recheck (LoadwiseClock *self)
{
  /* Re-armed first: a handler may take its time. */
  arm (self);
  check_day (self);
}

static void
on_timer_event (LoadwiseWallTimer *timer,
                LoadwiseClock     *self)
{
  /* "fired" at midnight, or "clock-changed" when the clock was set. */
  recheck (self);
}

static void
on_localtime_changed (GFileMonitor      *monitor,
                      GFile             *file,
                      GFile             *other_file,
                      GFileMonitorEvent  event,
                      LoadwiseClock     *self)
{
  if (event == G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT
      || event == G_FILE_MONITOR_EVENT_CREATED
      || event == G_FILE_MONITOR_EVENT_DELETED
      || event == G_FILE_MONITOR_EVENT_MOVED_IN
      || event == G_FILE_MONITOR_EVENT_RENAMED)
    recheck (self);
}

static void
on_prepare_for_sleep (GDBusConnection *connection,
                      const char      *sender_name,
                      const char      *object_path,
                      const char      *interface_name,
                      const char      *signal_name,
                      GVariant        *parameters,
                      gpointer         user_data)
{
  LoadwiseClock *self = LOADWISE_CLOCK (user_data);
  gboolean going_to_sleep = FALSE;

  if (!g_variant_is_of_type (parameters, G_VARIANT_TYPE ("(b)")))
    return;
  g_variant_get (parameters, "(b)", &going_to_sleep);
  /* The timerfd fires a midnight passed during the suspend at resume;
   * look again anyway, as GNOME Calendar's clock does. */
  if (!going_to_sleep)
    recheck (self);
}

static void
on_system_bus_ready (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr (GError) error = NULL;
  GDBusConnection *bus = g_bus_get_finish (result, &error);
  LoadwiseClock *self;

  if (bus == NULL)
    {
      /* Cancelled when the clock went away: do not touch it. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("No system bus, so no resume signal: %s", error->message);
      return;
    }

  self = LOADWISE_CLOCK (user_data);
  self->system_bus = bus;
  self->sleep_subscription =
    g_dbus_connection_signal_subscribe (bus, "org.freedesktop.login1",
                                        "org.freedesktop.login1.Manager", "PrepareForSleep",
                                        "/org/freedesktop/login1", NULL,
                                        G_DBUS_SIGNAL_FLAGS_NONE,
                                        on_prepare_for_sleep, self, NULL);
}

void
loadwise_clock_watch (LoadwiseClock *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) localtime = NULL;

  g_return_if_fail (LOADWISE_IS_CLOCK (self));

  if (self->fixed_now != NULL || self->watching)
    return;
  self->watching = TRUE;

  self->timer = loadwise_wall_timer_new (&error);
  if (self->timer == NULL)
    {
      g_warning ("The day will not change by itself: %s", error->message);
      return;
    }
  g_signal_connect_object (self->timer, "fired", G_CALLBACK (on_timer_event), self, 0);
  g_signal_connect_object (self->timer, "clock-changed", G_CALLBACK (on_timer_event), self, 0);
  loadwise_clock_get_today (self, &self->today);
  arm (self);

  localtime = g_file_new_for_path (LOCALTIME_PATH);
  self->localtime_monitor = g_file_monitor_file (localtime, G_FILE_MONITOR_WATCH_MOVES, NULL, &error);
  if (self->localtime_monitor != NULL)
    g_signal_connect_object (self->localtime_monitor, "changed",
                             G_CALLBACK (on_localtime_changed), self, 0);
  else
    g_debug ("Not watching %s: %s", LOCALTIME_PATH, error->message);

  /* Only when there is a system bus: without one (containers, tests) this
   * fails quietly. */
  self->cancellable = g_cancellable_new ();
  g_bus_get (G_BUS_TYPE_SYSTEM, self->cancellable, on_system_bus_ready, self);
}

gint64
loadwise_clock_get_watch_deadline (LoadwiseClock *self)
{
  g_return_val_if_fail (LOADWISE_IS_CLOCK (self), 0);

  return self->timer != NULL ? loadwise_wall_timer_get_deadline (self->timer) : 0;
}
