/* loadwise-reminder-service.c
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "reminders/loadwise-reminder-service.h"

#include <errno.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "core/loadwise-types.h"
#include "core/loadwise-wall-timer.h"
#include "store/loadwise-database-reminders.h"

#define NOTIFICATIONS_NAME "org.freedesktop.Notifications"
/* A change of /etc/localtime comes as several inotify events: look once
 * they settle. */
#define DATABASE_SETTLE_MS 150

/* Which file a path names: stat()'s (st_dev, st_ino). */
typedef struct {
  guint64  dev;
  guint64  ino;
  gboolean exists;
} FileId;

struct _LoadwiseReminderService
{
  GObject            parent_instance;

  /* The file now at @path; NULL while the path names no file, or names
   * one that could not be opened. */
  LoadwiseDatabase  *database;
  char              *path;
  char              *wal_path;
  FileId             file_id;    /* the file @database has open */
  FileId             wal_id;     /* its -wal, as seen once it was open */
  LoadwiseNotifier  *notifier;
  LoadwiseClock     *clock;
  char              *localtime_path;
  gboolean           launch_app;

  LoadwiseWallTimer *timer;
  GFileMonitor      *localtime_monitor;
  GFileMonitor      *database_monitor;
  GDBusConnection   *session_bus;
  GDBusConnection   *system_bus;
  guint              sleep_subscription;
  guint              notifications_watch;
  guint              settle_id;
  const char        *settle_why;
  guint              retry_s;
  guint              n_pending;
  gboolean           started;
};

G_DEFINE_FINAL_TYPE (LoadwiseReminderService, loadwise_reminder_service, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_NOTIFIER,
  PROP_CLOCK,
  PROP_LOCALTIME_PATH,
  PROP_LAUNCH_APP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_OPEN_APP,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

LoadwiseReminderService *
loadwise_reminder_service_new (LoadwiseDatabase *database,
                               LoadwiseNotifier *notifier,
                               LoadwiseClock    *clock)
{
  return g_object_new (LOADWISE_TYPE_REMINDER_SERVICE,
                       "database", database,
                       "notifier", notifier,
                       "clock", clock,
                       NULL);
}

gint64
loadwise_reminder_service_get_deadline (LoadwiseReminderService *self)
{
  g_return_val_if_fail (LOADWISE_IS_REMINDER_SERVICE (self), 0);

  return self->timer != NULL ? loadwise_wall_timer_get_deadline (self->timer) : 0;
}

guint
loadwise_reminder_service_get_n_pending (LoadwiseReminderService *self)
{
  g_return_val_if_fail (LOADWISE_IS_REMINDER_SERVICE (self), 0);

  return self->n_pending;
}

static void
describe (const LoadwiseDueReminder  *item,
          const char                **out_summary,
          const char                **out_body)
{
  if (item->kind == LOADWISE_REMINDER_SESSION)
    {
      *out_summary = _("Time for today’s hip session");
      *out_body = item->catch_up
                    ? _("Today’s session is not logged yet. Start it now, snooze it, or skip today.")
                    : _("Your glute exercises are planned for today. Start now, snooze, or skip today.");
    }
  else
    {
      *out_summary = _("Morning check-in");
      *out_body = _("How is your hip this morning? Your rating keeps today’s plan right.");
    }
}

/* Shows @item; FALSE when it could not be delivered. */
static gboolean
fire (LoadwiseReminderService   *self,
      const LoadwiseDueReminder *item,
      gint64                     now)
{
  g_autoptr (GError) error = NULL;
  const char *summary;
  const char *body;

  describe (item, &summary, &body);
  if (!loadwise_notifier_show (self->notifier, item->kind, &item->date, summary, body, &error))
    {
      g_message ("Could not show the %s reminder, trying again later: %s",
                 loadwise_reminder_kind_to_string (item->kind), error->message);
      return FALSE;
    }

  g_debug ("Showed the %s reminder", loadwise_reminder_kind_to_string (item->kind));
  /* Once shown it counts as fired, even if the write fails: a reminder
   * twice is better than none, and the next look will record it. */
  if (!loadwise_database_mark_reminder_fired (self->database, item->kind, &item->date, now, &error))
    g_message ("Could not record the %s reminder as shown: %s",
               loadwise_reminder_kind_to_string (item->kind), error->message);
  return TRUE;
}

/* Local midnight after @now: the next day may bring reminders the
 * schedule's window did not reach yet. */
static gint64
next_midnight (GDateTime *now)
{
  GDate tomorrow;

  loadwise_date_from_datetime (now, &tomorrow);
  g_date_add_days (&tomorrow, 1);
  return loadwise_schedule_due_time (g_date_time_get_timezone (now), &tomorrow, 0);
}

/* 0, or the errno of stat(). */
static int
file_id_read (const char *path,
              FileId     *out_id)
{
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    {
      int saved = errno;

      out_id->exists = FALSE;
      return saved;
    }
  out_id->dev = (guint64) st.st_dev;
  out_id->ino = (guint64) st.st_ino;
  out_id->exists = TRUE;
  return 0;
}

static gboolean
file_id_equal (const FileId *a,
               const FileId *b)
{
  return a->exists && b->exists && a->dev == b->dev && a->ino == b->ino;
}

static void on_database_changed (LoadwiseDatabase        *database,
                                 guint                    what,
                                 LoadwiseReminderService *self);

/* Takes @database, the file that @id named just before it was opened. */
static void
adopt_database (LoadwiseReminderService *self,
                LoadwiseDatabase        *database,
                const FileId            *id)
{
  self->database = database;
  self->file_id = *id;
  /* Open, the connection has its -wal: while it stays open, the -wal at
   * that name is this connection's unless someone moves it. */
  file_id_read (self->wal_path, &self->wal_id);
  /* Its writes (Skip today) derive the programme's state for its today. */
  loadwise_database_set_clock (self->database, self->clock);
  if (self->started)
    {
      loadwise_database_watch (self->database);
      g_signal_connect_object (self->database, "changed", G_CALLBACK (on_database_changed), self, 0);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE]);
}

/* Closes the connection to a file that is no longer at the path. FALSE,
 * keeping it, when its -wal could not be emptied yet. */
static gboolean
drop_database (LoadwiseReminderService  *self,
               GError                  **error)
{
  FileId wal;

  /* The -wal still at its name is the old file's (another file was
   * renamed over the main one): empty it first, or the new file would be
   * read through it. A -wal that moved with its file (recovery), or is
   * gone, or belongs to a newer file is not touched: SQLite never
   * checkpoints a moved file on close. */
  if (file_id_read (self->wal_path, &wal) == 0 && file_id_equal (&wal, &self->wal_id)
      && !loadwise_database_release_wal (self->database, error))
    return FALSE;
  g_signal_handlers_disconnect_by_data (self->database, self);
  g_clear_object (&self->database);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE]);
  return TRUE;
}

/* Makes self->database the file the path names now: one stat() when
 * nothing changed. A restore or a recovery (loadwise_database_open_or_recover()
 * moves a damaged file aside and makes a new one), a delete and a re-create,
 * or a rename over the path leave the old connection reading a file that
 * is no longer the runner's: close it and open the one at the path, as
 * main.c opened the first. FALSE when there is nothing to read: @error
 * unset while the path names no file, set when the file could not be
 * opened (or the old one not closed yet). A missing file is not created here: it is either being
 * replaced (the folder's next event brings the new one) or was removed
 * on purpose, and an empty database would answer neither. */
static gboolean
follow_database_file (LoadwiseReminderService  *self,
                      GError                  **error)
{
  LoadwiseDatabase *database;
  FileId now;
  int err = file_id_read (self->path, &now);

  if (err != 0 && err != ENOENT && err != ENOTDIR)
    {
      /* Cannot tell which file it is (EACCES, EIO): keep the open one. */
      if (self->database != NULL)
        return TRUE;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (err), "%s: %s",
                   self->path, g_strerror (err));
      return FALSE;
    }

  if (self->database != NULL && file_id_equal (&now, &self->file_id))
    return TRUE;

  if (self->database != NULL)
    {
      if (err == 0)
        g_debug ("%s: database file replaced; reopening", self->path);
      else
        g_debug ("%s: database file gone; closing it and waiting for it to come back",
                 self->path);
      if (!drop_database (self, error))
        return FALSE;
    }
  if (err != 0)
    return FALSE;

  /* Should the file be replaced again meanwhile, @now is not what was
   * opened, and the next look opens the newer one. */
  database = loadwise_database_open (self->path, error);
  if (database == NULL)
    return FALSE;
  g_debug ("%s: opened the database file now at the path", self->path);
  adopt_database (self, database, &now);
  return TRUE;
}

/* Looks again now (@why says what woke the service, for the debug log):
 * fires what is due and re-arms. */
static void
look (LoadwiseReminderService *self,
      const char              *why)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) now = NULL;
  g_autoptr (GArray) facts = NULL;
  g_autoptr (GArray) due = NULL;
  LoadwiseReminderSettings settings;
  LoadwiseProgramme programme;
  gboolean has_programme;
  GDate from, to;
  gint64 now_s;
  gint64 next = 0;
  guint failed = 0;

  if (self->timer == NULL)
    return;

  g_debug ("Woke up: %s", why);
  now = loadwise_clock_get_now (self->clock);
  now_s = g_date_time_to_unix (now);
  loadwise_date_from_datetime (now, &from);
  to = from;
  g_date_add_days (&to, LOADWISE_SCHEDULE_DAYS - 1);

  if (!follow_database_file (self, &error))
    {
      if (error != NULL)
        goto read_failed;
      /* Its return is an event in the folder: no timer until then. */
      g_debug ("No database file at %s; the timer is off until one appears", self->path);
      self->n_pending = 0;
      loadwise_wall_timer_disarm (self->timer);
      return;
    }

  has_programme = loadwise_database_get_programme (self->database, &programme, &error);
  if (!has_programme && !g_error_matches (error, LOADWISE_DATABASE_ERROR,
                                          LOADWISE_DATABASE_ERROR_NO_PROGRAMME))
    goto read_failed;
  g_clear_error (&error);

  if (!loadwise_database_get_reminder_settings (self->database, &settings, &error))
    goto read_failed;
  facts = loadwise_database_list_reminder_facts (self->database, &from, &to, &error);
  if (facts == NULL)
    goto read_failed;

  if (!settings.enabled)
    g_debug ("Reminders are turned off: nothing to show");
  else if (!has_programme)
    g_debug ("No programme started: nothing to remind of");
  due = loadwise_schedule_compute (has_programme ? &programme : NULL, &settings,
                                   (const LoadwiseReminderFact *) (gpointer) facts->data,
                                   facts->len, now);
  for (guint i = 0; i < due->len; i++)
    {
      const LoadwiseDueReminder *item = &g_array_index (due, LoadwiseDueReminder, i);

      if (item->due <= now_s)
        {
          if (!fire (self, item, now_s))
            failed++;
        }
      else if (next == 0)
        next = item->due;
      else
        g_debug ("The %s reminder is not due yet", loadwise_reminder_kind_to_string (item->kind));
    }

  if (next == 0 && has_programme && settings.enabled)
    next = next_midnight (now);

  self->n_pending = failed;
  if (failed > 0)
    {
      next = next == 0 ? now_s + self->retry_s : MIN (next, now_s + self->retry_s);
      self->retry_s = MIN (self->retry_s * 2, LOADWISE_REMINDERS_RETRY_MAX_S);
    }
  else
    self->retry_s = LOADWISE_REMINDERS_RETRY_MIN_S;

  if (next > 0)
    {
      g_autoptr (GDateTime) when = g_date_time_new_from_unix_local (next);
      g_autofree char *text = when != NULL ? g_date_time_format_iso8601 (when) : NULL;

      if (failed > 0)
        g_debug ("%u reminder(s) not delivered; next look at %s", failed, text);
      else
        g_debug ("Next look at %s", text);
      loadwise_wall_timer_arm (self->timer, next);
    }
  else
    {
      g_debug ("Nothing to remind of: the timer is off");
      loadwise_wall_timer_disarm (self->timer);
    }
  return;

read_failed:
  /* A locked or damaged file: look again later rather than give up. */
  g_message ("Could not read the reminders, trying again later: %s", error->message);
  loadwise_wall_timer_arm (self->timer, now_s + self->retry_s);
  self->retry_s = MIN (self->retry_s * 2, LOADWISE_REMINDERS_RETRY_MAX_S);
}

void
loadwise_reminder_service_reschedule (LoadwiseReminderService *self)
{
  g_return_if_fail (LOADWISE_IS_REMINDER_SERVICE (self));

  look (self, "asked to look again");
}

static void
on_timer_fired (LoadwiseWallTimer       *timer,
                LoadwiseReminderService *self)
{
  look (self, "the timer fired");
}

static void
on_timer_clock_changed (LoadwiseWallTimer       *timer,
                        LoadwiseReminderService *self)
{
  look (self, "the system clock was set");
}

static gboolean
on_settled (gpointer user_data)
{
  LoadwiseReminderService *self = user_data;

  self->settle_id = 0;
  look (self, self->settle_why);
  return G_SOURCE_REMOVE;
}

/* Events come in bursts: look once they settle. */
static void
settle (LoadwiseReminderService *self,
        const char              *why)
{
  self->settle_why = why;
  if (self->settle_id == 0)
    self->settle_id = g_timeout_add (DATABASE_SETTLE_MS, on_settled, self);
}

static void
on_file_changed (GFileMonitor            *monitor,
                 GFile                   *file,
                 GFile                   *other_file,
                 GFileMonitorEvent        event,
                 LoadwiseReminderService *self)
{
  if (event == G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED)
    return;
  settle (self, "the time zone file changed");
}

/* The database's name now names another file, or none: moved aside by a
 * recovery, deleted, created, renamed over. Writes to the file are the
 * database's own watch's (loadwise_database_watch()): they cost nothing
 * here. */
static void
on_database_file_changed (GFileMonitor            *monitor,
                          GFile                   *file,
                          GFile                   *other_file,
                          GFileMonitorEvent        event,
                          LoadwiseReminderService *self)
{
  switch (event)
    {
    case G_FILE_MONITOR_EVENT_CREATED:
    case G_FILE_MONITOR_EVENT_DELETED:
    case G_FILE_MONITOR_EVENT_MOVED_IN:
    case G_FILE_MONITOR_EVENT_MOVED_OUT:
    case G_FILE_MONITOR_EVENT_RENAMED:
      settle (self, "the database file was created, moved or deleted");
      break;
    case G_FILE_MONITOR_EVENT_CHANGED:
    case G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT:
    case G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED:
    case G_FILE_MONITOR_EVENT_PRE_UNMOUNT:
    case G_FILE_MONITOR_EVENT_UNMOUNTED:
    default:
      break;
    }
}

/* Another program (the app, the CLI) changed the programme, a session or
 * the reminder settings: what is due next may have moved. The database's
 * watch has already taken a burst of commits as one. Its own writes
 * (Snooze, Skip today, a reminder fired) reschedule where they are made. */
static void
on_database_changed (LoadwiseDatabase        *database,
                     guint                    what,
                     LoadwiseReminderService *self)
{
  if (what & LOADWISE_DATABASE_CHANGE_EXTERNAL)
    look (self, "another program changed the database");
}

static GFileMonitor *
watch_file (LoadwiseReminderService *self,
            const char              *path,
            GCallback                on_changed)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  GFileMonitor *monitor = g_file_monitor_file (file, G_FILE_MONITOR_WATCH_MOVES, NULL, &error);

  if (monitor == NULL)
    {
      g_message ("Not watching %s for changes: %s", path, error->message);
      return NULL;
    }
  g_signal_connect_object (monitor, "changed", on_changed, self, 0);
  return monitor;
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
  LoadwiseReminderService *self = user_data;
  gboolean going_to_sleep = FALSE;

  if (!g_variant_is_of_type (parameters, G_VARIANT_TYPE ("(b)")))
    return;
  g_variant_get (parameters, "(b)", &going_to_sleep);
  /* The timerfd fires a deadline passed during suspend at resume; look
   * again anyway, as the day (and so the schedule) may have changed. */
  if (!going_to_sleep)
    look (self, "resumed from sleep");
}

/* Synchronous on purpose: the async g_bus_get () runs in a thread-pool
 * thread that exits 15 s later, which is a wakeup while idle. Without a
 * system bus (containers, tests) this fails at once. */
static void
watch_sleep (LoadwiseReminderService *self)
{
  g_autoptr (GError) error = NULL;

  self->system_bus = g_bus_get_sync (G_BUS_TYPE_SYSTEM, NULL, &error);
  if (self->system_bus == NULL)
    {
      g_debug ("No system bus, so no resume signal: %s", error->message);
      return;
    }
  self->sleep_subscription =
    g_dbus_connection_signal_subscribe (self->system_bus, "org.freedesktop.login1",
                                        "org.freedesktop.login1.Manager", "PrepareForSleep",
                                        "/org/freedesktop/login1", NULL,
                                        G_DBUS_SIGNAL_FLAGS_NONE,
                                        on_prepare_for_sleep, self, NULL);
}

static void
on_notifications_appeared (GDBusConnection *connection,
                           const char      *name,
                           const char      *name_owner,
                           gpointer         user_data)
{
  LoadwiseReminderService *self = user_data;

  if (self->n_pending > 0)
    {
      self->retry_s = LOADWISE_REMINDERS_RETRY_MIN_S;
      look (self, "a notification server appeared");
    }
}

gboolean
loadwise_reminder_service_start (LoadwiseReminderService  *self,
                                 GError                  **error)
{
  g_autoptr (GError) bus_error = NULL;

  g_return_val_if_fail (LOADWISE_IS_REMINDER_SERVICE (self), FALSE);
  g_return_val_if_fail (!self->started, FALSE);

  self->timer = loadwise_wall_timer_new (error);
  if (self->timer == NULL)
    return FALSE;
  self->started = TRUE;
  g_signal_connect_object (self->timer, "fired", G_CALLBACK (on_timer_fired), self, 0);
  g_signal_connect_object (self->timer, "clock-changed",
                           G_CALLBACK (on_timer_clock_changed), self, 0);

  loadwise_database_watch (self->database);
  g_signal_connect_object (self->database, "changed", G_CALLBACK (on_database_changed), self, 0);
  /* inotify watches the folder for a file's name, so this follows the
   * name through any number of replacements. */
  self->database_monitor = watch_file (self, self->path, G_CALLBACK (on_database_file_changed));
  if (self->localtime_path != NULL)
    self->localtime_monitor = watch_file (self, self->localtime_path,
                                          G_CALLBACK (on_file_changed));

  self->session_bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &bus_error);
  if (self->session_bus != NULL)
    self->notifications_watch =
      g_bus_watch_name_on_connection (self->session_bus, NOTIFICATIONS_NAME,
                                      G_BUS_NAME_WATCHER_FLAGS_NONE,
                                      on_notifications_appeared, NULL, self, NULL);
  else
    g_message ("No session bus: %s", bus_error->message);

  watch_sleep (self);

  look (self, "started");
  return TRUE;
}

static void
on_activate_action_done (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autofree char *action_name = user_data;
  g_autoptr (GVariant) reply = NULL;
  g_autoptr (GError) error = NULL;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &error);
  if (reply == NULL)
    g_message ("Loadwise did not take the action app.%s: %s", action_name, error->message);
  else
    g_debug ("Loadwise took the action app.%s", action_name);
}

/* org.freedesktop.Application.ActivateAction on the app's name: the bus
 * starts the app for it when it is not running (D-Bus activation, the
 * app's .service file), so there is nothing to spawn or wait for here.
 * The app's object sits at the path made from its ID, APP_OBJECT_PATH. */
static void
call_activate_action (GDBusConnection *bus,
                      const char      *action_name)
{
  g_debug ("Asking Loadwise for app.%s through D-Bus activation", action_name);
  g_dbus_connection_call (bus, APP_ID, APP_OBJECT_PATH,
                          "org.freedesktop.Application", "ActivateAction",
                          g_variant_new ("(s@av@a{sv})", action_name,
                                         g_variant_new_array (G_VARIANT_TYPE_VARIANT, NULL, 0),
                                         g_variant_new_array (G_VARIANT_TYPE ("{sv}"), NULL, 0)),
                          NULL, G_DBUS_CALL_FLAGS_NONE, -1, NULL,
                          on_activate_action_done, g_strdup (action_name));
}

/* Asks the app to run app.@action_name; the bus starts it if need be. */
static void
open_app (LoadwiseReminderService *self,
          const char              *action_name)
{
  g_signal_emit (self, signals[SIGNAL_OPEN_APP], 0, action_name);
  if (!self->launch_app)
    return;

  if (self->session_bus == NULL)
    g_message ("No session bus: Loadwise cannot be asked for app.%s", action_name);
  else
    call_activate_action (self->session_bus, action_name);
}

void
loadwise_reminder_service_handle_action (LoadwiseReminderService *self,
                                         LoadwiseReminderKind     kind,
                                         const char              *date_text,
                                         const char              *action)
{
  g_autoptr (GError) error = NULL;
  GDate date;
  gboolean ok;

  g_return_if_fail (LOADWISE_IS_REMINDER_SERVICE (self));
  g_return_if_fail (date_text != NULL && action != NULL);

  g_date_clear (&date, 1);
  g_date_set_parse (&date, date_text);
  if (!g_date_valid (&date))
    {
      g_message ("A reminder action came for a day that is not a date: %s", date_text);
      return;
    }
  /* The runner's answer goes to the file the path names now. */
  if (!follow_database_file (self, &error))
    {
      g_message ("The reminder's %s was not recorded: %s", action,
                 error != NULL ? error->message : "there is no database file");
      look (self, "a reminder's button was pressed");
      return;
    }

  if (g_str_equal (action, LOADWISE_NOTIFIER_ACTION_SNOOZE))
    {
      g_autoptr (GDateTime) now = loadwise_clock_get_now (self->clock);
      LoadwiseReminderSettings settings;

      ok = loadwise_database_get_reminder_settings (self->database, &settings, &error) &&
           loadwise_database_snooze_reminder (self->database, kind, &date,
                                              g_date_time_to_unix (now) +
                                              (gint64) settings.snooze_minutes * 60,
                                              &error);
    }
  else if (g_str_equal (action, LOADWISE_NOTIFIER_ACTION_SKIP))
    ok = loadwise_database_act_on_reminder (self->database, kind, &date,
                                            LOADWISE_REMINDER_ACTION_SKIP, &error);
  else if (g_str_equal (action, LOADWISE_NOTIFIER_ACTION_START) ||
           g_str_equal (action, LOADWISE_NOTIFIER_ACTION_OPEN) ||
           g_str_equal (action, "default"))
    {
      gboolean session = kind == LOADWISE_REMINDER_SESSION;

      ok = loadwise_database_act_on_reminder (self->database, kind, &date,
                                              session ? LOADWISE_REMINDER_ACTION_START
                                                      : LOADWISE_REMINDER_ACTION_OPEN,
                                              &error);
      open_app (self, session ? "start-session" : "checkin");
    }
  else
    {
      g_message ("Unknown reminder action: %s", action);
      return;
    }

  if (!ok)
    g_message ("Could not record the reminder's %s: %s", action, error->message);
  look (self, "a reminder's button was pressed");
}

static void
on_action_invoked (LoadwiseNotifier        *notifier,
                   guint                    kind,
                   const char              *date,
                   const char              *action,
                   LoadwiseReminderService *self)
{
  if (kind >= LOADWISE_N_REMINDER_KINDS)
    return;
  loadwise_reminder_service_handle_action (self, (LoadwiseReminderKind) kind, date, action);
}

static void
loadwise_reminder_service_constructed (GObject *object)
{
  LoadwiseReminderService *self = LOADWISE_REMINDER_SERVICE (object);

  G_OBJECT_CLASS (loadwise_reminder_service_parent_class)->constructed (object);

  g_return_if_fail (self->database != NULL && self->notifier != NULL);
  if (self->clock == NULL)
    self->clock = loadwise_clock_new_system ();
  /* Its writes (Skip today) derive the programme's state for its today. */
  loadwise_database_set_clock (self->database, self->clock);
  self->path = g_strdup (loadwise_database_get_path (self->database));
  self->wal_path = g_strconcat (self->path, "-wal", NULL);
  /* Just opened (main.c): the file at the path is the open one. */
  file_id_read (self->path, &self->file_id);
  file_id_read (self->wal_path, &self->wal_id);
  g_signal_connect_object (self->notifier, "action-invoked",
                           G_CALLBACK (on_action_invoked), self, 0);
}

static void
loadwise_reminder_service_dispose (GObject *object)
{
  LoadwiseReminderService *self = LOADWISE_REMINDER_SERVICE (object);

  g_clear_handle_id (&self->settle_id, g_source_remove);
  g_clear_handle_id (&self->notifications_watch, g_bus_unwatch_name);
  if (self->system_bus != NULL && self->sleep_subscription != 0)
    g_dbus_connection_signal_unsubscribe (self->system_bus, self->sleep_subscription);
  self->sleep_subscription = 0;
  g_clear_object (&self->system_bus);
  g_clear_object (&self->session_bus);
  if (self->database != NULL)
    g_signal_handlers_disconnect_by_data (self->database, self);
  g_clear_object (&self->localtime_monitor);
  g_clear_object (&self->database_monitor);
  g_clear_object (&self->timer);
  if (self->notifier != NULL)
    g_signal_handlers_disconnect_by_data (self->notifier, self);
  g_clear_object (&self->notifier);
  g_clear_object (&self->database);
  g_clear_object (&self->clock);

  G_OBJECT_CLASS (loadwise_reminder_service_parent_class)->dispose (object);
}

static void
loadwise_reminder_service_finalize (GObject *object)
{
  LoadwiseReminderService *self = LOADWISE_REMINDER_SERVICE (object);

  g_free (self->localtime_path);
  g_free (self->path);
  g_free (self->wal_path);

  G_OBJECT_CLASS (loadwise_reminder_service_parent_class)->finalize (object);
}

static void
loadwise_reminder_service_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  LoadwiseReminderService *self = LOADWISE_REMINDER_SERVICE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;
    case PROP_NOTIFIER:
      g_value_set_object (value, self->notifier);
      break;
    case PROP_CLOCK:
      g_value_set_object (value, self->clock);
      break;
    case PROP_LOCALTIME_PATH:
      g_value_set_string (value, self->localtime_path);
      break;
    case PROP_LAUNCH_APP:
      g_value_set_boolean (value, self->launch_app);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
loadwise_reminder_service_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  LoadwiseReminderService *self = LOADWISE_REMINDER_SERVICE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      self->database = g_value_dup_object (value);
      break;
    case PROP_NOTIFIER:
      self->notifier = g_value_dup_object (value);
      break;
    case PROP_CLOCK:
      self->clock = g_value_dup_object (value);
      break;
    case PROP_LOCALTIME_PATH:
      g_free (self->localtime_path);
      self->localtime_path = g_value_dup_string (value);
      break;
    case PROP_LAUNCH_APP:
      self->launch_app = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
loadwise_reminder_service_class_init (LoadwiseReminderServiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = loadwise_reminder_service_constructed;
  object_class->dispose = loadwise_reminder_service_dispose;
  object_class->finalize = loadwise_reminder_service_finalize;
  object_class->get_property = loadwise_reminder_service_get_property;
  object_class->set_property = loadwise_reminder_service_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, LOADWISE_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOTIFIER] =
    g_param_spec_object ("notifier", NULL, NULL, LOADWISE_TYPE_NOTIFIER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLOCK] =
    g_param_spec_object ("clock", NULL, NULL, LOADWISE_TYPE_CLOCK,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOCALTIME_PATH] =
    g_param_spec_string ("localtime-path", NULL, NULL, "/etc/localtime",
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_STATIC_STRINGS);
  properties[PROP_LAUNCH_APP] =
    g_param_spec_boolean ("launch-app", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_OPEN_APP] =
    g_signal_new ("open-app", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
loadwise_reminder_service_init (LoadwiseReminderService *self)
{
  self->retry_s = LOADWISE_REMINDERS_RETRY_MIN_S;
}
