/* loadwise-context.c
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ui/loadwise-context.h"

#include <glib/gi18n.h>

#include "store/loadwise-database-progression.h"

/* A write kept while another program holds the lock. */
typedef struct {
  LoadwiseWriteFunc  func;
  gpointer           data;
  GDestroyNotify     data_free;
  LoadwiseWriteDone  done;
  GWeakRef           widget;
} PendingWrite;

struct _LoadwiseContext
{
  GObject            parent_instance;

  LoadwiseDatabase  *database;
  LoadwiseCatalogue *catalogue;
  LoadwiseClock     *clock;

  /* News gathered for the next emission. */
  guint              pending_what;
  gboolean           pending_day;
  guint              notify_id;

  /* Kept writes, oldest first, and when the first of them met the lock. */
  GQueue             writes;
  gint64             busy_since;
  guint              retry_id;
};

G_DEFINE_FINAL_TYPE (LoadwiseContext, loadwise_context, G_TYPE_OBJECT)

enum {
  SIGNAL_CHANGED,
  SIGNAL_DAY_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* News */

static gboolean
on_notify_idle (gpointer user_data)
{
  LoadwiseContext *self = LOADWISE_CONTEXT (user_data);
  g_autoptr (GError) error = NULL;
  guint what;

  self->notify_id = 0;
  if (self->pending_day)
    {
      self->pending_day = FALSE;
      /* A week that ended overnight is decided, a flare may end: before
       * any page reads. Its own "changed" joins this emission. */
      if (!loadwise_database_refresh_derived (self->database, &error))
        g_warning ("Could not work out the programme for the new day: %s", error->message);
      g_clear_handle_id (&self->notify_id, g_source_remove);
      self->pending_what = 0;
      g_signal_emit (self, signals[SIGNAL_DAY_CHANGED], 0);
      return G_SOURCE_REMOVE;
    }

  what = self->pending_what;
  self->pending_what = 0;
  if (what != 0)
    g_signal_emit (self, signals[SIGNAL_CHANGED], 0, what);
  return G_SOURCE_REMOVE;
}

static void
schedule_notify (LoadwiseContext *self)
{
  /* Before GTK's layout and drawing (GDK_PRIORITY_REDRAW), so that what
   * was saved shows in the next frame; after the handler that wrote, so
   * that a write of two parts is seen once, whole. */
  if (self->notify_id == 0)
    self->notify_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, on_notify_idle, self, NULL);
}

static void
on_database_changed (LoadwiseDatabase *database,
                     guint             what,
                     LoadwiseContext  *self)
{
  self->pending_what |= what;
  schedule_notify (self);
}

static void
on_clock_day_changed (LoadwiseClock   *clock,
                      LoadwiseContext *self)
{
  self->pending_day = TRUE;
  schedule_notify (self);
}

/* Writes */

static void
pending_write_finish (PendingWrite *write,
                      const GError *error)
{
  g_autoptr (GtkWidget) widget = g_weak_ref_get (&write->widget);

  if (write->done != NULL)
    write->done (widget, error, write->data);
  if (write->data_free != NULL)
    write->data_free (write->data);
  g_weak_ref_clear (&write->widget);
  g_free (write);
}

static void
tell (GWeakRef   *widget_ref,
      const char *message)
{
  g_autoptr (GtkWidget) widget = g_weak_ref_get (widget_ref);
  GtkRoot *root = widget != NULL ? gtk_widget_get_root (widget) : NULL;
  GtkWindow *parent = GTK_IS_WINDOW (root) ? gtk_window_get_transient_for (GTK_WINDOW (root)) : NULL;

  /* The main window's toasts, also from a window over it (the guided
   * session, a dialog). */
  if ((widget == NULL || !gtk_widget_activate_action (widget, "win.toast", "s", message))
      && (parent == NULL || !gtk_widget_activate_action (GTK_WIDGET (parent), "win.toast", "s", message)))
    g_message ("%s", message);
}

static gboolean
is_busy (const GError *error)
{
  return g_error_matches (error, LOADWISE_DATABASE_ERROR, LOADWISE_DATABASE_ERROR_BUSY);
}

static gboolean on_retry (gpointer user_data);

/* Makes the kept writes in order until one meets the lock again. */
static void
flush_writes (LoadwiseContext *self)
{
  PendingWrite *write;
  gboolean waited = !g_queue_is_empty (&self->writes);

  while ((write = g_queue_peek_head (&self->writes)) != NULL)
    {
      g_autoptr (GError) error = NULL;

      if (!write->func (self->database, write->data, &error) && is_busy (error))
        {
          if (g_get_monotonic_time () - self->busy_since < LOADWISE_CONTEXT_RETRY_FOR_MS * G_TIME_SPAN_MILLISECOND)
            {
              self->retry_id = g_timeout_add (LOADWISE_CONTEXT_RETRY_MS, on_retry, self);
              return;
            }

          /* Given up: every kept write fails alike, and each widget
           * still shows what was entered. */
          tell (&write->widget,
                _("Could not save: another program kept your data file locked. "
                  "What you entered is still shown; try again in a moment."));
          while ((write = g_queue_pop_head (&self->writes)) != NULL)
            pending_write_finish (write, error);
          return;
        }

      g_queue_pop_head (&self->writes);
      if (error == NULL && g_queue_is_empty (&self->writes))
        tell (&write->widget, _("Saved"));
      pending_write_finish (write, error);
    }

  if (waited)
    self->busy_since = 0;
}

static gboolean
on_retry (gpointer user_data)
{
  LoadwiseContext *self = LOADWISE_CONTEXT (user_data);

  self->retry_id = 0;
  flush_writes (self);
  return G_SOURCE_REMOVE;
}

gboolean
loadwise_context_write (LoadwiseContext   *self,
                        GtkWidget         *widget,
                        LoadwiseWriteFunc  func,
                        gpointer           data,
                        GDestroyNotify     data_free,
                        LoadwiseWriteDone  done)
{
  g_autoptr (GError) error = NULL;
  PendingWrite *write;

  g_return_val_if_fail (LOADWISE_IS_CONTEXT (self), FALSE);
  g_return_val_if_fail (widget == NULL || GTK_IS_WIDGET (widget), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  write = g_new0 (PendingWrite, 1);
  write->func = func;
  write->data = data;
  write->data_free = data_free;
  write->done = done;
  g_weak_ref_init (&write->widget, widget);

  /* Behind the kept ones: writes stand in the order they were made. */
  if (!g_queue_is_empty (&self->writes))
    {
      g_queue_push_tail (&self->writes, write);
      return FALSE;
    }

  if (!func (self->database, data, &error) && is_busy (error))
    {
      g_queue_push_tail (&self->writes, write);
      self->busy_since = g_get_monotonic_time ();
      tell (&write->widget, _("Another program is using your data: saving as soon as it is done…"));
      self->retry_id = g_timeout_add (LOADWISE_CONTEXT_RETRY_MS, on_retry, self);
      return FALSE;
    }

  pending_write_finish (write, error);
  return error == NULL;
}

guint
loadwise_context_get_n_pending (LoadwiseContext *self)
{
  g_return_val_if_fail (LOADWISE_IS_CONTEXT (self), 0);

  return g_queue_get_length (&self->writes);
}

/* The context */

LoadwiseContext *
loadwise_context_new (LoadwiseDatabase  *database,
                      LoadwiseCatalogue *catalogue,
                      LoadwiseClock     *clock)
{
  LoadwiseContext *self;

  g_return_val_if_fail (LOADWISE_IS_DATABASE (database), NULL);
  g_return_val_if_fail (catalogue != NULL, NULL);
  g_return_val_if_fail (LOADWISE_IS_CLOCK (clock), NULL);

  self = g_object_new (LOADWISE_TYPE_CONTEXT, NULL);
  self->database = g_object_ref (database);
  self->catalogue = loadwise_catalogue_ref (catalogue);
  self->clock = g_object_ref (clock);
  /* The store works the derived state out for this clock's today. */
  loadwise_database_set_clock (database, clock);
  loadwise_database_set_catalogue (database, catalogue);
  loadwise_database_set_busy_timeout (database, LOADWISE_CONTEXT_BUSY_TIMEOUT_MS);
  g_signal_connect_object (database, "changed", G_CALLBACK (on_database_changed), self, 0);
  g_signal_connect_object (clock, "day-changed", G_CALLBACK (on_clock_day_changed), self, 0);
  return self;
}

LoadwiseDatabase *
loadwise_context_get_database (LoadwiseContext *self)
{
  g_return_val_if_fail (LOADWISE_IS_CONTEXT (self), NULL);

  return self->database;
}

LoadwiseCatalogue *
loadwise_context_get_catalogue (LoadwiseContext *self)
{
  g_return_val_if_fail (LOADWISE_IS_CONTEXT (self), NULL);

  return self->catalogue;
}

LoadwiseClock *
loadwise_context_get_clock (LoadwiseContext *self)
{
  g_return_val_if_fail (LOADWISE_IS_CONTEXT (self), NULL);

  return self->clock;
}

GParamSpec *
loadwise_context_param_spec (void)
{
  return g_param_spec_object ("context", NULL, NULL,
                              LOADWISE_TYPE_CONTEXT,
                              G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                              G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

static void
loadwise_context_dispose (GObject *object)
{
  LoadwiseContext *self = LOADWISE_CONTEXT (object);
  PendingWrite *write;

  g_clear_handle_id (&self->notify_id, g_source_remove);
  g_clear_handle_id (&self->retry_id, g_source_remove);

  /* The app is going away with writes still kept: wait for the lock now,
   * as long as any other program would, rather than lose them. */
  if (self->database != NULL && !g_queue_is_empty (&self->writes))
    {
      loadwise_database_set_busy_timeout (self->database, 5000);
      while ((write = g_queue_pop_head (&self->writes)) != NULL)
        {
          g_autoptr (GError) error = NULL;

          if (!write->func (self->database, write->data, &error))
            g_warning ("A change could not be saved: %s", error->message);
          write->done = NULL;
          pending_write_finish (write, error);
        }
    }

  g_clear_object (&self->database);
  g_clear_pointer (&self->catalogue, loadwise_catalogue_unref);
  g_clear_object (&self->clock);

  G_OBJECT_CLASS (loadwise_context_parent_class)->dispose (object);
}

static void
loadwise_context_class_init (LoadwiseContextClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = loadwise_context_dispose;

  /**
   * LoadwiseContext::changed:
   * @what: the #LoadwiseDatabaseChange flags of every commit since the last
   *
   * Commits of this connection and of others, gathered.
   */
  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
  /**
   * LoadwiseContext::day-changed:
   *
   * The local date changed; the derived state is worked out for it, and
   * everything shown should be read again.
   */
  signals[SIGNAL_DAY_CHANGED] =
    g_signal_new ("day-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
loadwise_context_init (LoadwiseContext *self)
{
  g_queue_init (&self->writes);
}
