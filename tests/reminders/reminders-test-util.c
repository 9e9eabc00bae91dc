/* reminders-test-util.c
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "reminders-test-util.h"

#include "core/loadwise-types.h"
#include "loadwise-test-util.h"
#include "store/loadwise-database-reminders.h"

void
reminders_fixture_setup (RemindersFixture *fixture,
                         gconstpointer     data)
{
  g_autoptr (GError) error = NULL;

  fixture->dir = loadwise_test_make_tmpdir ();
  fixture->path = loadwise_database_build_path (fixture->dir);
  g_setenv ("LOADWISE_DATA_DIR", fixture->dir, TRUE);
  fixture->db = loadwise_database_open (fixture->path, &error);
  g_assert_no_error (error);
}

void
reminders_fixture_teardown (RemindersFixture *fixture,
                            gconstpointer     data)
{
  g_clear_object (&fixture->db);
  loadwise_test_rm_rf (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
  g_clear_pointer (&fixture->path, g_free);
}

void
reminders_test_start_programme (LoadwiseDatabase *db,
                                const GDate      *start,
                                const GDate      *today)
{
  g_autoptr (GError) error = NULL;
  const guint levels[LOADWISE_N_FAMILIES] = { 1, 1, 1 };
  LoadwiseProgramme programme;
  GDate other = *today;

  g_date_add_days (&other, 2);
  loadwise_programme_init (&programme, start);
  programme.training_days = LOADWISE_WEEKDAY_BIT (g_date_get_weekday (today)) |
                            LOADWISE_WEEKDAY_BIT (g_date_get_weekday (&other));
  g_assert_true (loadwise_database_start_programme (db, &programme, levels, &error));
  g_assert_no_error (error);
}

void
reminders_test_set_times (LoadwiseDatabase *db,
                          guint             session_s,
                          guint             checkin_s)
{
  g_autoptr (GError) error = NULL;
  LoadwiseReminderSettings settings;

  loadwise_reminder_settings_init (&settings);
  settings.enabled = TRUE;
  settings.session_time_s = session_s;
  settings.checkin_time_s = checkin_s;
  g_assert_true (loadwise_database_set_reminder_settings (db, &settings, &error));
  g_assert_no_error (error);
}

void
reminders_test_local_now (GDate *out_today,
                          guint *out_seconds)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();

  if (out_today != NULL)
    loadwise_date_from_datetime (now, out_today);
  if (out_seconds != NULL)
    *out_seconds = (guint) (g_date_time_get_hour (now) * 3600 + g_date_time_get_minute (now) * 60 +
                            g_date_time_get_second (now));
}

void
reminders_test_avoid_midnight (guint margin_s)
{
  guint seconds;

  reminders_test_local_now (NULL, &seconds);
  if (seconds + margin_s >= 86400)
    g_usleep ((gulong) (86400 - seconds + 1) * G_USEC_PER_SEC);
}

static gboolean
on_wait_timeout (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

void
reminders_test_wait_for (gboolean *flag,
                         guint     timeout_s)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (timeout_s, on_wait_timeout, &timed_out);

  while (!*flag && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  g_assert_true (*flag);
}

/* The fake notifier */

struct _RemindersFakeNotifier
{
  GObject   parent_instance;

  GArray   *shown;
  gboolean  fail;
};

static void reminders_fake_notifier_iface_init (LoadwiseNotifierInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RemindersFakeNotifier, reminders_fake_notifier, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (LOADWISE_TYPE_NOTIFIER,
                                                      reminders_fake_notifier_iface_init))

static gboolean
fake_show (LoadwiseNotifier     *notifier,
           LoadwiseReminderKind  kind,
           const GDate          *date,
           const char           *summary,
           const char           *body,
           GError              **error)
{
  RemindersFakeNotifier *self = REMINDERS_FAKE_NOTIFIER (notifier);
  RemindersShown shown = { .kind = kind, .date = *date };

  if (self->fail)
    {
      g_set_error (error, G_DBUS_ERROR, G_DBUS_ERROR_SERVICE_UNKNOWN,
                   "The name org.freedesktop.Notifications was not provided");
      return FALSE;
    }
  shown.summary = g_strdup (summary);
  shown.body = g_strdup (body);
  g_array_append_val (self->shown, shown);
  return TRUE;
}

static void
clear_shown (gpointer data)
{
  RemindersShown *shown = data;

  g_free (shown->summary);
  g_free (shown->body);
}

RemindersFakeNotifier *
reminders_fake_notifier_new (void)
{
  return g_object_new (REMINDERS_TYPE_FAKE_NOTIFIER, NULL);
}

void
reminders_fake_notifier_set_fail (RemindersFakeNotifier *self,
                                  gboolean               fail)
{
  self->fail = fail;
}

GArray *
reminders_fake_notifier_get_shown (RemindersFakeNotifier *self)
{
  return self->shown;
}

static void
reminders_fake_notifier_finalize (GObject *object)
{
  RemindersFakeNotifier *self = REMINDERS_FAKE_NOTIFIER (object);

  g_array_unref (self->shown);
  G_OBJECT_CLASS (reminders_fake_notifier_parent_class)->finalize (object);
}

static void
reminders_fake_notifier_iface_init (LoadwiseNotifierInterface *iface)
{
  iface->show = fake_show;
}

static void
reminders_fake_notifier_class_init (RemindersFakeNotifierClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = reminders_fake_notifier_finalize;
}

static void
reminders_fake_notifier_init (RemindersFakeNotifier *self)
{
  self->shown = g_array_new (FALSE, TRUE, sizeof (RemindersShown));
  g_array_set_clear_func (self->shown, clear_shown);
}

struct _RemindersBusService
{
  char                       *name;
  char                       *path;
  GDBusNodeInfo              *node;
  const GDBusInterfaceVTable *vtable;
  gpointer                    user_data;
  GThread                    *thread;
  GMainContext               *context;
  GMainLoop                  *loop;
  GDBusConnection            *connection;
  GMutex                      lock;
  GCond                       cond;
  gboolean                    ready;
};

static void
on_bus_service_name_acquired (GDBusConnection *connection,
                              const char      *name,
                              gpointer         user_data)
{
  RemindersBusService *service = user_data;

  g_mutex_lock (&service->lock);
  service->ready = TRUE;
  g_cond_signal (&service->cond);
  g_mutex_unlock (&service->lock);
}

static gpointer
bus_service_thread (gpointer data)
{
  RemindersBusService *service = data;
  g_autoptr (GError) error = NULL;
  g_autofree char *address = NULL;
  guint registration;
  guint owner;

  g_main_context_push_thread_default (service->context);
  address = g_dbus_address_get_for_bus_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
  service->connection =
    g_dbus_connection_new_for_address_sync (address,
                                            G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                            G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                            NULL, NULL, &error);
  g_assert_no_error (error);
  registration = g_dbus_connection_register_object (service->connection, service->path,
                                                    service->node->interfaces[0], service->vtable,
                                                    service->user_data, NULL, &error);
  g_assert_no_error (error);
  owner = g_bus_own_name_on_connection (service->connection, service->name,
                                        G_BUS_NAME_OWNER_FLAGS_NONE,
                                        on_bus_service_name_acquired, NULL, service, NULL);
  g_main_loop_run (service->loop);

  g_bus_unown_name (owner);
  g_dbus_connection_unregister_object (service->connection, registration);
  g_dbus_connection_flush_sync (service->connection, NULL, NULL);
  g_dbus_connection_close_sync (service->connection, NULL, NULL);
  g_main_context_pop_thread_default (service->context);
  return NULL;
}

RemindersBusService *
reminders_bus_service_start (const char                 *name,
                             const char                 *path,
                             const char                 *xml,
                             const GDBusInterfaceVTable *vtable,
                             gpointer                    user_data)
{
  RemindersBusService *service = g_new0 (RemindersBusService, 1);
  g_autoptr (GError) error = NULL;

  service->name = g_strdup (name);
  service->path = g_strdup (path);
  service->node = g_dbus_node_info_new_for_xml (xml, &error);
  g_assert_no_error (error);
  service->vtable = vtable;
  service->user_data = user_data;
  g_mutex_init (&service->lock);
  g_cond_init (&service->cond);
  service->context = g_main_context_new ();
  service->loop = g_main_loop_new (service->context, FALSE);
  service->thread = g_thread_new (name, bus_service_thread, service);

  g_mutex_lock (&service->lock);
  while (!service->ready)
    g_cond_wait (&service->cond, &service->lock);
  g_mutex_unlock (&service->lock);
  return service;
}

GDBusConnection *
reminders_bus_service_get_connection (RemindersBusService *service)
{
  return service->connection;
}

static gboolean
quit_bus_service_loop (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

void
reminders_bus_service_stop (RemindersBusService *service)
{
  g_main_context_invoke (service->context, quit_bus_service_loop, service->loop);
  g_thread_join (service->thread);
  g_clear_object (&service->connection);
  g_main_loop_unref (service->loop);
  g_main_context_unref (service->context);
  g_dbus_node_info_unref (service->node);
  g_mutex_clear (&service->lock);
  g_cond_clear (&service->cond);
  g_free (service->name);
  g_free (service->path);
  g_free (service);
}
