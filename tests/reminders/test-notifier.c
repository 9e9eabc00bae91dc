/* test-notifier.c: the libnotify notifier and the buttons, against a fake
 * org.freedesktop.Notifications on a private bus
 *
 * The fake runs in its own thread with its own GMainContext and
 * connection: notify_notification_show () is a synchronous call, so a fake
 * on the main context would deadlock (TESTING-NOTES.md, "Notifications").
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <libnotify/notify.h>

#include "core/loadwise-types.h"
#include "loadwise-test-util.h"
#include "reminders-test-util.h"
#include "reminders/loadwise-libnotify-notifier.h"
#include "reminders/loadwise-reminder-service.h"
#include "store/loadwise-database-reminders.h"

static const char server_xml[] =
  "<node>"
  "  <interface name='org.freedesktop.Notifications'>"
  "    <method name='GetCapabilities'><arg type='as' direction='out'/></method>"
  "    <method name='Notify'>"
  "      <arg type='s' direction='in'/><arg type='u' direction='in'/>"
  "      <arg type='s' direction='in'/><arg type='s' direction='in'/>"
  "      <arg type='s' direction='in'/><arg type='as' direction='in'/>"
  "      <arg type='a{sv}' direction='in'/><arg type='i' direction='in'/>"
  "      <arg type='u' direction='out'/>"
  "    </method>"
  "    <method name='CloseNotification'><arg type='u' direction='in'/></method>"
  "    <method name='GetServerInformation'>"
  "      <arg type='s' direction='out'/><arg type='s' direction='out'/>"
  "      <arg type='s' direction='out'/><arg type='s' direction='out'/>"
  "    </method>"
  "    <signal name='ActionInvoked'><arg type='u'/><arg type='s'/></signal>"
  "    <signal name='NotificationClosed'><arg type='u'/><arg type='u'/></signal>"
  "  </interface>"
  "</node>";

typedef struct {
  guint32  id;
  char    *summary;
  char    *body;
  GStrv    actions;
  char    *desktop_entry;
} Notification;

typedef struct {
  RemindersBusService *bus;
  GMutex               lock;
  GPtrArray           *received;   /* Notification*, under lock */
  guint32              next_id;
} FakeServer;

static void
notification_free (Notification *notification)
{
  g_free (notification->summary);
  g_free (notification->body);
  g_strfreev (notification->actions);
  g_free (notification->desktop_entry);
  g_free (notification);
}

static void
on_server_method (GDBusConnection       *connection,
                  const char            *sender,
                  const char            *object_path,
                  const char            *interface_name,
                  const char            *method_name,
                  GVariant              *parameters,
                  GDBusMethodInvocation *invocation,
                  gpointer               user_data)
{
  FakeServer *server = user_data;

  if (g_str_equal (method_name, "GetCapabilities"))
    {
      const char *caps[] = { "actions", "body", NULL };

      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(^as)", caps));
    }
  else if (g_str_equal (method_name, "GetServerInformation"))
    g_dbus_method_invocation_return_value (invocation,
                                           g_variant_new ("(ssss)", "fake", "loadwise", "1", "1.2"));
  else if (g_str_equal (method_name, "CloseNotification"))
    g_dbus_method_invocation_return_value (invocation, NULL);
  else if (g_str_equal (method_name, "Notify"))
    {
      Notification *notification = g_new0 (Notification, 1);
      g_autoptr (GVariant) hints = NULL;
      guint32 replaces;

      g_variant_get (parameters, "(&su&sss^as@a{sv}i)", NULL, &replaces, NULL,
                     &notification->summary, &notification->body, &notification->actions,
                     &hints, NULL);
      g_variant_lookup (hints, "desktop-entry", "s", &notification->desktop_entry);
      g_mutex_lock (&server->lock);
      notification->id = replaces != 0 ? replaces : ++server->next_id;
      g_ptr_array_add (server->received, notification);
      g_mutex_unlock (&server->lock);
      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(u)", notification->id));
    }
}

static const GDBusInterfaceVTable server_vtable = { on_server_method, NULL, NULL, { 0 } };

static FakeServer *
fake_server_start (void)
{
  FakeServer *server = g_new0 (FakeServer, 1);

  g_mutex_init (&server->lock);
  server->received = g_ptr_array_new_with_free_func ((GDestroyNotify) notification_free);
  server->bus = reminders_bus_service_start ("org.freedesktop.Notifications", "/org/freedesktop/Notifications",
                                             server_xml, &server_vtable, server);
  return server;
}

static void
fake_server_stop (FakeServer *server)
{
  reminders_bus_service_stop (server->bus);
  g_ptr_array_unref (server->received);
  g_mutex_clear (&server->lock);
  g_free (server);
}

static guint
fake_server_count (FakeServer *server)
{
  guint n;

  g_mutex_lock (&server->lock);
  n = server->received->len;
  g_mutex_unlock (&server->lock);
  return n;
}

/* The notification received @index-th; the pointer stays valid while the
 * server runs (nothing is ever removed). */
static Notification *
fake_server_get (FakeServer *server,
                 guint       index)
{
  Notification *notification;

  g_mutex_lock (&server->lock);
  g_assert_cmpuint (index, <, server->received->len);
  notification = g_ptr_array_index (server->received, index);
  g_mutex_unlock (&server->lock);
  return notification;
}

static void
fake_server_invoke (FakeServer *server,
                    guint32     id,
                    const char *action)
{
  g_autoptr (GError) error = NULL;

  g_dbus_connection_emit_signal (reminders_bus_service_get_connection (server->bus), NULL, "/org/freedesktop/Notifications",
                                 "org.freedesktop.Notifications", "ActionInvoked",
                                 g_variant_new ("(us)", id, action), &error);
  g_assert_no_error (error);
}

/* One server for the whole program: libnotify keeps its proxy for the
 * process, and it must see the same owner of the name from test to test. */
static FakeServer *shared_server;

typedef struct {
  RemindersFixture         base;
  FakeServer              *server;
  LoadwiseNotifier        *notifier;
  LoadwiseReminderService *service;
  GDate                    today;
  gboolean                 acted;
  char                    *opened;
} Fixture;

static void
on_action_done (LoadwiseNotifier *notifier,
                guint             kind,
                const char       *date,
                const char       *action,
                Fixture          *fixture)
{
  fixture->acted = TRUE;
}

static void
on_open_app (LoadwiseReminderService *service,
             const char              *action,
             Fixture                 *fixture)
{
  g_free (fixture->opened);
  fixture->opened = g_strdup (action);
}

/* A session day whose session and check-in times have both passed, so
 * the service's start-up catch-up shows them. */
static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  GDate start;

  reminders_fixture_setup (&fixture->base, data);
  reminders_test_local_now (&fixture->today, NULL);
  start = fixture->today;
  g_date_subtract_days (&start, 10);
  reminders_test_start_programme (fixture->base.db, &start, &fixture->today);
  reminders_test_set_times (fixture->base.db, 0, 0);

  if (data == NULL)
    {
      if (shared_server == NULL)
        shared_server = fake_server_start ();
      fixture->server = shared_server;
      g_mutex_lock (&shared_server->lock);
      g_ptr_array_set_size (shared_server->received, 0);
      g_mutex_unlock (&shared_server->lock);
    }
  fixture->notifier = loadwise_libnotify_notifier_new ();
  fixture->service = loadwise_reminder_service_new (fixture->base.db, fixture->notifier, NULL);
  g_object_set (fixture->service, "launch-app", FALSE, "localtime-path", NULL, NULL);
  g_signal_connect_after (fixture->notifier, "action-invoked", G_CALLBACK (on_action_done), fixture);
  g_signal_connect (fixture->service, "open-app", G_CALLBACK (on_open_app), fixture);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_object (&fixture->service);
  g_clear_object (&fixture->notifier);
  g_clear_pointer (&fixture->opened, g_free);
  reminders_fixture_teardown (&fixture->base, data);
}

static const LoadwiseReminderFact *
today_fact (Fixture              *fixture,
            LoadwiseReminderKind  kind,
            GArray              **out_facts)
{
  g_autoptr (GError) error = NULL;

  *out_facts = loadwise_database_list_reminder_facts (fixture->base.db, &fixture->today,
                                                      &fixture->today, &error);
  g_assert_no_error (error);
  return &g_array_index (*out_facts, LoadwiseReminderFact, kind);
}

static Notification *
find_session (FakeServer *server)
{
  for (guint i = 0; i < fake_server_count (server); i++)
    {
      Notification *notification = fake_server_get (server, i);

      if (g_str_has_prefix (notification->summary, "Time for"))
        return notification;
    }
  g_assert_not_reached ();
}

static void
invoke_and_wait (Fixture    *fixture,
                 guint32     id,
                 const char *action)
{
  fixture->acted = FALSE;
  fake_server_invoke (fixture->server, id, action);
  reminders_test_wait_for (&fixture->acted, 10);
}

static void
test_shows_summary_body_actions (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) facts = NULL;
  Notification *checkin;
  Notification *session;
  const char *session_actions[] = { "start", "Start", "snooze", "Snooze", "skip", "Skip Today", NULL };
  const char *checkin_actions[] = { "open", "Check In", "snooze", "Snooze", NULL };

  g_assert_true (loadwise_reminder_service_start (fixture->service, &error));
  g_assert_no_error (error);

  /* Both of today's reminders, the check-in first. */
  g_assert_cmpuint (fake_server_count (fixture->server), ==, 2);
  checkin = fake_server_get (fixture->server, 0);
  session = fake_server_get (fixture->server, 1);
  g_assert_cmpstr (checkin->summary, ==, "Morning check-in");
  g_assert_cmpstr (checkin->body, ==,
                   "How is your hip this morning? Your rating keeps today’s plan right.");
  g_assert_cmpstrv (checkin->actions, checkin_actions);
  g_assert_cmpstr (session->summary, ==, "Time for today’s hip session");
  g_assert_cmpstr (session->body, ==,
                   "Today’s session is not logged yet. Start it now, snooze it, or skip today.");
  g_assert_cmpstrv (session->actions, session_actions);
  g_assert_cmpstr (session->desktop_entry, ==, APP_ID);

  g_assert_true (today_fact (fixture, LOADWISE_REMINDER_SESSION, &facts)->fired);
  g_assert_cmpuint (loadwise_reminder_service_get_n_pending (fixture->service), ==, 0);
}

static void
test_action_snooze (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr (GArray) facts = NULL;
  g_autoptr (GDateTime) before = g_date_time_new_now_local ();
  const LoadwiseReminderFact *fact;

  g_assert_true (loadwise_reminder_service_start (fixture->service, NULL));
  invoke_and_wait (fixture, find_session (fixture->server)->id, "snooze");

  fact = today_fact (fixture, LOADWISE_REMINDER_SESSION, &facts);
  /* The default 10 minutes after the press. */
  g_assert_cmpint (fact->snoozed_until, >=, g_date_time_to_unix (before) + 600);
  g_assert_cmpint (fact->snoozed_until, <=, g_date_time_to_unix (before) + 600 + 60);
  g_assert_false (fact->acted);
  g_assert_cmpint (loadwise_reminder_service_get_deadline (fixture->service), ==,
                   fact->snoozed_until);
  g_assert_null (fixture->opened);
}

static void
test_action_skip (Fixture       *fixture,
                  gconstpointer  data)
{
  g_auto (LoadwiseSessionRecord) record = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) facts = NULL;

  g_assert_true (loadwise_reminder_service_start (fixture->service, NULL));
  invoke_and_wait (fixture, find_session (fixture->server)->id, "skip");

  g_assert_true (loadwise_database_get_session (fixture->base.db, &fixture->today, &record, &error));
  g_assert_no_error (error);
  g_assert_cmpint (record.status, ==, LOADWISE_SESSION_STATUS_SKIPPED);
  g_assert_cmpstr (record.skip_reason, ==, "from reminder");
  g_assert_true (today_fact (fixture, LOADWISE_REMINDER_SESSION, &facts)->logged);
  g_assert_null (fixture->opened);
}

static void
test_action_start (Fixture       *fixture,
                   gconstpointer  data)
{
  g_auto (LoadwiseSessionRecord) record = { 0 };
  g_autoptr (GArray) facts = NULL;

  g_assert_true (loadwise_reminder_service_start (fixture->service, NULL));
  invoke_and_wait (fixture, find_session (fixture->server)->id, "start");

  g_assert_cmpstr (fixture->opened, ==, "start-session");
  g_assert_true (today_fact (fixture, LOADWISE_REMINDER_SESSION, &facts)->acted);
  /* Starting logs nothing by itself: the runner does, in the app. */
  g_assert_true (loadwise_database_get_session (fixture->base.db, &fixture->today, &record, NULL));
  g_assert_cmpint (record.status, ==, LOADWISE_SESSION_STATUS_NONE);
}

static void
test_action_checkin (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr (GArray) facts = NULL;

  g_assert_true (loadwise_reminder_service_start (fixture->service, NULL));
  invoke_and_wait (fixture, fake_server_get (fixture->server, 0)->id, "open");

  g_assert_cmpstr (fixture->opened, ==, "checkin");
  g_assert_true (today_fact (fixture, LOADWISE_REMINDER_CHECKIN, &facts)->acted);
  g_assert_false (today_fact (fixture, LOADWISE_REMINDER_SESSION, &facts)->acted);
}

/* No server: nothing lost, nothing fired; delivered once one appears. */
static void
test_no_server_then_one_appears (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr (GArray) facts = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  gint64 deadline;

  /* Runs first, before any server has been on the bus. */
  g_assert_null (shared_server);
  g_assert_true (loadwise_reminder_service_start (fixture->service, NULL));
  g_assert_cmpuint (loadwise_reminder_service_get_n_pending (fixture->service), ==, 2);
  g_assert_false (today_fact (fixture, LOADWISE_REMINDER_SESSION, &facts)->fired);
  /* A retry is armed, not a spin. */
  deadline = loadwise_reminder_service_get_deadline (fixture->service);
  g_assert_cmpint (deadline, >, g_date_time_to_unix (now));
  g_assert_cmpint (deadline, <=, g_date_time_to_unix (now) + LOADWISE_REMINDERS_RETRY_MIN_S + 5);

  shared_server = fake_server_start ();
  fixture->server = shared_server;
  while (loadwise_reminder_service_get_n_pending (fixture->service) > 0)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (fake_server_count (fixture->server), ==, 2);
  g_clear_pointer (&facts, g_array_unref);
  g_assert_true (today_fact (fixture, LOADWISE_REMINDER_SESSION, &facts)->fired);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr (GTestDBus) bus = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (bus);

  g_test_add ("/notifier/no-server", Fixture, GINT_TO_POINTER (1),
              fixture_setup, test_no_server_then_one_appears, fixture_teardown);
  g_test_add ("/notifier/summary-body-actions", Fixture, NULL,
              fixture_setup, test_shows_summary_body_actions, fixture_teardown);
  g_test_add ("/notifier/action/snooze", Fixture, NULL,
              fixture_setup, test_action_snooze, fixture_teardown);
  g_test_add ("/notifier/action/skip", Fixture, NULL,
              fixture_setup, test_action_skip, fixture_teardown);
  g_test_add ("/notifier/action/start", Fixture, NULL,
              fixture_setup, test_action_start, fixture_teardown);
  g_test_add ("/notifier/action/checkin", Fixture, NULL,
              fixture_setup, test_action_checkin, fixture_teardown);

  status = g_test_run ();
  notify_uninit ();
  g_clear_pointer (&shared_server, fake_server_stop);
  g_test_dbus_down (bus);
  return status;
}
