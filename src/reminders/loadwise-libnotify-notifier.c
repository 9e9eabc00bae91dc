/* loadwise-libnotify-notifier.c
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "reminders/loadwise-libnotify-notifier.h"

#include <glib/gi18n.h>
#include <libnotify/notify.h>

struct _LoadwiseLibnotifyNotifier
{
  GObject     parent_instance;

  /* "kind:YYYY-MM-DD" -> NotifyNotification, while shown. */
  GHashTable *shown;
};

static void loadwise_libnotify_notifier_iface_init (LoadwiseNotifierInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LoadwiseLibnotifyNotifier, loadwise_libnotify_notifier, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (LOADWISE_TYPE_NOTIFIER,
                                                      loadwise_libnotify_notifier_iface_init))

typedef struct {
  LoadwiseLibnotifyNotifier *self;  /* not a reference: the notifier owns the notification */
  LoadwiseReminderKind       kind;
  GDate                      date;
} ActionData;

static char *
make_key (LoadwiseReminderKind  kind,
          const GDate          *date)
{
  char text[16];

  g_date_strftime (text, sizeof text, "%Y-%m-%d", date);
  return g_strdup_printf ("%s:%s", loadwise_reminder_kind_to_string (kind), text);
}

static void
on_action (NotifyNotification *notification,
           char               *action,
           gpointer            user_data)
{
  ActionData *data = user_data;

  loadwise_notifier_emit_action_invoked (LOADWISE_NOTIFIER (data->self), data->kind,
                                         &data->date, action);
}

static void
on_closed (NotifyNotification *notification,
           gpointer            user_data)
{
  LoadwiseLibnotifyNotifier *self = user_data;
  const char *key = g_object_get_data (G_OBJECT (notification), "loadwise-key");

  /* Only if it is still the one shown under its key. */
  if (key != NULL && g_hash_table_lookup (self->shown, key) == notification)
    g_hash_table_remove (self->shown, key);
}

static void
add_action (NotifyNotification        *notification,
            LoadwiseLibnotifyNotifier *self,
            LoadwiseReminderKind       kind,
            const GDate               *date,
            const char                *id,
            const char                *label)
{
  ActionData *data = g_new0 (ActionData, 1);

  data->self = self;
  data->kind = kind;
  data->date = *date;
  notify_notification_add_action (notification, id, label, on_action, data, g_free);
}

/* libnotify 0.8.1 (Debian 12) warns when a notification that has been
 * shown is finalized: its finalize disconnects a proxy handler that
 * g_signal_connect_object() already removed. So notifications are never
 * finalized: once closed they wait here and are shown again for the next
 * reminder. The pool holds as many as were ever open at once. */
static GPtrArray *pool;

static void
forget (gpointer data)
{
  NotifyNotification *notification = data;

  g_signal_handlers_disconnect_matched (notification, G_SIGNAL_MATCH_FUNC, 0, 0, NULL,
                                        on_closed, NULL);
  notify_notification_clear_actions (notification);
  g_object_set_data (G_OBJECT (notification), "loadwise-key", NULL);
  if (pool == NULL)
    pool = g_ptr_array_new ();
  g_ptr_array_add (pool, notification);
}

static NotifyNotification *
take_notification (const char *summary,
                   const char *body)
{
  NotifyNotification *notification;

  if (pool == NULL || pool->len == 0)
    return notify_notification_new (summary, body, NULL);

  notification = g_ptr_array_steal_index (pool, pool->len - 1);
  notify_notification_update (notification, summary, body, NULL);
  notify_notification_clear_hints (notification);
  return notification;
}

static gboolean
loadwise_libnotify_notifier_show (LoadwiseNotifier     *notifier,
                                  LoadwiseReminderKind  kind,
                                  const GDate          *date,
                                  const char           *summary,
                                  const char           *body,
                                  GError              **error)
{
  LoadwiseLibnotifyNotifier *self = LOADWISE_LIBNOTIFY_NOTIFIER (notifier);
  g_autofree char *key = make_key (kind, date);
  NotifyNotification *notification = NULL;

  /* A snoozed reminder comes back in place of the old one, with its id. */
  if (g_hash_table_steal_extended (self->shown, key, NULL, (gpointer *) &notification))
    {
      g_signal_handlers_disconnect_matched (notification, G_SIGNAL_MATCH_FUNC, 0, 0, NULL,
                                            on_closed, NULL);
      notify_notification_clear_actions (notification);
      notify_notification_update (notification, summary, body, NULL);
      notify_notification_clear_hints (notification);
    }
  else
    notification = take_notification (summary, body);

  notify_notification_set_hint (notification, "desktop-entry", g_variant_new_string (APP_ID));
  notify_notification_set_category (notification, "x-loadwise.reminder");
  notify_notification_set_urgency (notification, NOTIFY_URGENCY_NORMAL);
  if (kind == LOADWISE_REMINDER_SESSION)
    {
      add_action (notification, self, kind, date, LOADWISE_NOTIFIER_ACTION_START, _("Start"));
      add_action (notification, self, kind, date, LOADWISE_NOTIFIER_ACTION_SNOOZE, _("Snooze"));
      add_action (notification, self, kind, date, LOADWISE_NOTIFIER_ACTION_SKIP, _("Skip Today"));
    }
  else
    {
      add_action (notification, self, kind, date, LOADWISE_NOTIFIER_ACTION_OPEN, _("Check In"));
      add_action (notification, self, kind, date, LOADWISE_NOTIFIER_ACTION_SNOOZE, _("Snooze"));
    }

  if (!notify_notification_show (notification, error))
    {
      forget (notification);
      return FALSE;
    }

  g_object_set_data_full (G_OBJECT (notification), "loadwise-key", g_strdup (key), g_free);
  g_signal_connect (notification, "closed", G_CALLBACK (on_closed), self);
  g_hash_table_replace (self->shown, g_steal_pointer (&key), notification);
  return TRUE;
}

LoadwiseNotifier *
loadwise_libnotify_notifier_new (void)
{
  return g_object_new (LOADWISE_TYPE_LIBNOTIFY_NOTIFIER, NULL);
}

static void
loadwise_libnotify_notifier_finalize (GObject *object)
{
  LoadwiseLibnotifyNotifier *self = LOADWISE_LIBNOTIFY_NOTIFIER (object);

  g_clear_pointer (&self->shown, g_hash_table_unref);

  G_OBJECT_CLASS (loadwise_libnotify_notifier_parent_class)->finalize (object);
}

static void
loadwise_libnotify_notifier_iface_init (LoadwiseNotifierInterface *iface)
{
  iface->show = loadwise_libnotify_notifier_show;
}

static void
loadwise_libnotify_notifier_class_init (LoadwiseLibnotifyNotifierClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = loadwise_libnotify_notifier_finalize;
}

static void
loadwise_libnotify_notifier_init (LoadwiseLibnotifyNotifier *self)
{
  if (!notify_is_initted ())
    notify_init (_("Loadwise"));
  self->shown = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, forget);
}
