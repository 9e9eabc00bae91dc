/* loadwise-wall-timer.c
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "core/loadwise-wall-timer.h"

#include <errno.h>
#include <string.h>
#include <sys/timerfd.h>
#include <unistd.h>

#include <gio/gio.h>
#include <glib-unix.h>
#include <glib/gi18n.h>

struct _LoadwiseWallTimer
{
  GObject parent_instance;

  int     fd;
  guint   source_id;
  guint   clock_changed_id;  /* a clock change heard while arming, to tell */
  gint64  deadline;
};

G_DEFINE_FINAL_TYPE (LoadwiseWallTimer, loadwise_wall_timer, G_TYPE_OBJECT)

enum {
  SIGNAL_FIRED,
  SIGNAL_CLOCK_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
on_timerfd_ready (int           fd,
                  GIOCondition  condition,
                  gpointer      user_data)
{
  LoadwiseWallTimer *self = LOADWISE_WALL_TIMER (user_data);
  guint64 expirations = 0;
  ssize_t n = read (fd, &expirations, sizeof expirations);

  if (n < 0 && errno == ECANCELED)
    {
      /* The clock was set: the deadline may now be hours away or past. */
      self->deadline = 0;
      g_signal_emit (self, signals[SIGNAL_CLOCK_CHANGED], 0);
    }
  else if (n == sizeof expirations)
    {
      self->deadline = 0;
      g_signal_emit (self, signals[SIGNAL_FIRED], 0);
    }
  return G_SOURCE_CONTINUE;
}

static void set_time (LoadwiseWallTimer *self,
                      gint64             deadline);

static gboolean
emit_clock_changed (gpointer user_data)
{
  LoadwiseWallTimer *self = LOADWISE_WALL_TIMER (user_data);

  self->clock_changed_id = 0;
  /* As from the timer itself: disarmed, for the owner to arm again. */
  self->deadline = 0;
  set_time (self, 0);
  g_signal_emit (self, signals[SIGNAL_CLOCK_CHANGED], 0);
  return G_SOURCE_REMOVE;
}

static void
set_time (LoadwiseWallTimer *self,
          gint64             deadline)
{
  struct itimerspec spec = { 0 };
  int flags = 0;

  if (deadline > 0)
    {
      /* 0 would disarm: a deadline at the epoch means "now". */
      spec.it_value.tv_sec = (time_t) MAX (deadline, 1);
      flags = TFD_TIMER_ABSTIME | TFD_TIMER_CANCEL_ON_SET;
    }
  if (timerfd_settime (self->fd, flags, &spec, NULL) == 0)
    return;
  if (errno != ECANCELED)
    {
      g_critical ("timerfd_settime: %s", g_strerror (errno));
      return;
    }

  /* The clock was set since the timer was last read, and the kernel
   * refuses to arm it again until that is heard (seen once in the test
   * suite: the machine's clock was stepped). Hear it: the read clears it
   * and arming works; the owner hears of the change from an idle, as it
   * would from the timer, and works its deadline out again. */
  {
    guint64 expirations;

    if (read (self->fd, &expirations, sizeof expirations) < 0 && errno != ECANCELED && errno != EAGAIN)
      g_debug ("Reading the timer after a clock change: %s", g_strerror (errno));
  }
  if (timerfd_settime (self->fd, flags, &spec, NULL) < 0)
    g_critical ("timerfd_settime: %s", g_strerror (errno));
  if (self->clock_changed_id == 0)
    self->clock_changed_id = g_idle_add (emit_clock_changed, self);
}

void
loadwise_wall_timer_arm (LoadwiseWallTimer *self,
                         gint64             deadline)
{
  g_return_if_fail (LOADWISE_IS_WALL_TIMER (self));
  g_return_if_fail (deadline > 0);

  self->deadline = deadline;
  set_time (self, deadline);
}

void
loadwise_wall_timer_disarm (LoadwiseWallTimer *self)
{
  g_return_if_fail (LOADWISE_IS_WALL_TIMER (self));

  self->deadline = 0;
  set_time (self, 0);
}

gint64
loadwise_wall_timer_get_deadline (LoadwiseWallTimer *self)
{
  g_return_val_if_fail (LOADWISE_IS_WALL_TIMER (self), 0);

  return self->deadline;
}

LoadwiseWallTimer *
loadwise_wall_timer_new (GError **error)
{
  g_autoptr (LoadwiseWallTimer) self = g_object_new (LOADWISE_TYPE_WALL_TIMER, NULL);
  int saved_errno;

  self->fd = timerfd_create (CLOCK_REALTIME, TFD_NONBLOCK | TFD_CLOEXEC);
  if (self->fd < 0)
    {
      saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create a timer: %s"), g_strerror (saved_errno));
      return NULL;
    }
  self->source_id = g_unix_fd_add (self->fd, G_IO_IN, on_timerfd_ready, self);
  return g_steal_pointer (&self);
}

static void
loadwise_wall_timer_finalize (GObject *object)
{
  LoadwiseWallTimer *self = LOADWISE_WALL_TIMER (object);

  g_clear_handle_id (&self->source_id, g_source_remove);
  g_clear_handle_id (&self->clock_changed_id, g_source_remove);
  if (self->fd >= 0)
    close (self->fd);

  G_OBJECT_CLASS (loadwise_wall_timer_parent_class)->finalize (object);
}

static void
loadwise_wall_timer_class_init (LoadwiseWallTimerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = loadwise_wall_timer_finalize;

  signals[SIGNAL_FIRED] =
    g_signal_new ("fired", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_CLOCK_CHANGED] =
    g_signal_new ("clock-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
loadwise_wall_timer_init (LoadwiseWallTimer *self)
{
  self->fd = -1;
}
