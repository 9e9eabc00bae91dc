/* test-autostart.c: the XDG autostart entry, and whether the service runs
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib/gstdio.h>

#include "loadwise-test-util.h"
#include "reminders-test-util.h"
#include "reminders/loadwise-reminder-service.h"
#include "reminders/loadwise-reminders-control.h"
#include "store/loadwise-database-reminders.h"
#include "store/loadwise-database.h"

static char *config_dir;

static void
test_autostart_entry (void)
{
  g_autofree char *path = loadwise_reminders_autostart_path ();
  g_autofree char *expected = g_build_filename (config_dir, "autostart",
                                                APP_ID ".Reminders.desktop", NULL);
  g_autoptr (GKeyFile) entry = g_key_file_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *exec = NULL;
  g_autofree char *type = NULL;

  g_assert_cmpstr (path, ==, expected);
  g_assert_false (loadwise_reminders_get_autostart ());
  /* Turning off what is not on is fine. */
  g_assert_true (loadwise_reminders_set_autostart (FALSE, &error));
  g_assert_no_error (error);

  g_assert_true (loadwise_reminders_set_autostart (TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (loadwise_reminders_get_autostart ());
  g_assert_true (g_key_file_load_from_file (entry, path, G_KEY_FILE_NONE, &error));
  g_assert_no_error (error);
  exec = g_key_file_get_string (entry, "Desktop Entry", "Exec", &error);
  g_assert_cmpstr (exec, ==, "loadwise-reminders");
  g_assert_true (g_key_file_get_boolean (entry, "Desktop Entry", "X-GNOME-Autostart-enabled", &error));
  g_assert_no_error (error);
  type = g_key_file_get_value (entry, "Desktop Entry", "Type", NULL);
  g_assert_cmpstr (type, ==, "Application");

  /* Someone disabled it in their session settings. */
  g_key_file_set_boolean (entry, "Desktop Entry", "X-GNOME-Autostart-enabled", FALSE);
  g_assert_true (g_key_file_save_to_file (entry, path, &error));
  g_assert_false (loadwise_reminders_get_autostart ());

  g_assert_true (loadwise_reminders_set_autostart (FALSE, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_false (loadwise_reminders_get_autostart ());
}

static void
on_name_vanished (GDBusConnection *connection,
                  const char      *name,
                  gpointer         user_data)
{
  *(gboolean *) user_data = TRUE;
}

static gboolean
on_timeout (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* The real service: launched, seen on the bus, a second start leaves it
 * alone, and Quit stops it. */
static void
test_launch_and_quit (void)
{
  g_autoptr (GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GSubprocess) second = NULL;
  gboolean vanished = FALSE;
  gboolean timed_out = FALSE;
  guint watch;
  guint timeout;

  g_assert_nonnull (bus);
  g_assert_false (loadwise_reminders_is_running (bus));

  g_assert_true (loadwise_reminders_launch (&error));
  g_assert_no_error (error);
  timeout = g_timeout_add_seconds (20, on_timeout, &timed_out);
  /* The name appears once the child has started: ask until it has. */
  while (!loadwise_reminders_is_running (bus) && !timed_out)
    {
      g_usleep (20000);
      g_main_context_iteration (NULL, FALSE);
    }
  g_assert_true (loadwise_reminders_is_running (bus));

  /* One per user: a second one exits at once, with status 0. */
  second = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error, g_getenv ("LOADWISE_REMINDERS_BIN"), NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_wait_check (second, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (loadwise_reminders_is_running (bus));

  watch = g_bus_watch_name_on_connection (bus, LOADWISE_REMINDERS_BUS_NAME,
                                          G_BUS_NAME_WATCHER_FLAGS_NONE, NULL,
                                          on_name_vanished, &vanished, NULL);
  loadwise_reminders_request_quit (bus);
  while (!vanished && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (vanished);
  g_assert_false (loadwise_reminders_is_running (bus));
  g_bus_unwatch_name (watch);
  if (!timed_out)
    g_source_remove (timeout);
}

/* A fake org.freedesktop.portal.Desktop with the Background interface, in
 * a thread of its own with its own connection and context: the control
 * waits for the Response on a context of its own, so a server on the
 * test's main context would never answer. */
typedef struct {
  RemindersBusService *bus;
  GMutex               lock;
  guint                n_calls;
  GVariant            *options;   /* the last call's */
  guint32              response;  /* what to answer: 0 yes, 1 cancelled */
  guint                delay_ms;  /* the runner thinking before the answer */
} FakePortal;

static const char portal_xml[] =
  "<node><interface name='org.freedesktop.portal.Background'>"
  "<method name='RequestBackground'><arg type='s' direction='in'/>"
  "<arg type='a{sv}' direction='in'/><arg type='o' direction='out'/></method>"
  "</interface></node>";

static void
on_portal_call (GDBusConnection       *connection,
                const char            *sender,
                const char            *object_path,
                const char            *interface_name,
                const char            *method_name,
                GVariant              *parameters,
                GDBusMethodInvocation *invocation,
                gpointer               user_data)
{
  FakePortal *portal = user_data;
  g_autoptr (GVariant) options = NULL;
  g_autofree char *token = NULL;
  g_autofree char *caller = g_strdup (sender + 1);
  g_autofree char *path = NULL;
  GVariantBuilder results;
  gboolean autostart = FALSE;

  g_variant_get (parameters, "(&s@a{sv})", NULL, &options);
  g_variant_lookup (options, "handle_token", "s", &token);
  g_variant_lookup (options, "autostart", "b", &autostart);
  g_strdelimit (caller, ".", '_');
  path = g_strdup_printf ("/org/freedesktop/portal/desktop/request/%s/%s", caller, token);
  g_mutex_lock (&portal->lock);
  portal->n_calls++;
  g_clear_pointer (&portal->options, g_variant_unref);
  portal->options = g_variant_ref (options);
  g_mutex_unlock (&portal->lock);
  g_dbus_method_invocation_return_value (invocation, g_variant_new ("(o)", path));
  g_usleep (portal->delay_ms * 1000);

  g_variant_builder_init (&results, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&results, "{sv}", "background", g_variant_new_boolean (TRUE));
  g_variant_builder_add (&results, "{sv}", "autostart", g_variant_new_boolean (autostart));
  g_dbus_connection_emit_signal (connection, sender, path, "org.freedesktop.portal.Request",
                                 "Response", g_variant_new ("(ua{sv})", portal->response, &results),
                                 NULL);
}

static const GDBusInterfaceVTable portal_vtable = { on_portal_call, NULL, NULL, { 0 } };

static void
fake_portal_start (FakePortal *portal)
{
  g_mutex_init (&portal->lock);
  portal->bus = reminders_bus_service_start ("org.freedesktop.portal.Desktop", "/org/freedesktop/portal/desktop",
                                             portal_xml, &portal_vtable, portal);
}

static void
fake_portal_stop (FakePortal *portal)
{
  reminders_bus_service_stop (portal->bus);
  g_clear_pointer (&portal->options, g_variant_unref);
  g_mutex_clear (&portal->lock);
}

/* Sandboxed, turning reminders on asks the portal for autostart with the
 * service's command line, and writes no autostart file of its own; off
 * asks for no autostart; a refusal is an error. Unsandboxed, the file. */
static void
test_portal (void)
{
  g_autoptr (GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autofree char *path = loadwise_reminders_autostart_path ();
  g_autofree char *db_path = loadwise_database_build_path (g_getenv ("LOADWISE_DATA_DIR"));
  g_autoptr (LoadwiseDatabase) db = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) commandline = NULL;
  const char *expected[] = { "loadwise-reminders", NULL };
  FakePortal portal = { 0 };
  gboolean autostart = FALSE;
  gboolean activatable = TRUE;
  const char *token = NULL;

  db = loadwise_database_open (db_path, &error);
  g_assert_no_error (error);
  g_setenv ("LOADWISE_REMINDERS_BIN", "/bin/true", TRUE);

  g_unsetenv ("LOADWISE_SANDBOXED");
  if (!g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS))
    {
      g_assert_cmpint (loadwise_reminders_get_mechanism (bus), ==, LOADWISE_REMINDERS_MECHANISM_AUTOSTART);
      g_assert_true (loadwise_reminders_set_enabled (db, TRUE, bus, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
      g_assert_true (loadwise_reminders_set_enabled (db, FALSE, bus, &error));
      g_assert_no_error (error);
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    }

  g_setenv ("LOADWISE_SANDBOXED", "1", TRUE);
  g_assert_cmpint (loadwise_reminders_get_mechanism (bus), ==, LOADWISE_REMINDERS_MECHANISM_PORTAL);
  fake_portal_start (&portal);

  g_assert_true (loadwise_reminders_set_enabled (db, TRUE, bus, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (portal.n_calls, ==, 1);
  g_assert_true (g_variant_lookup (portal.options, "autostart", "b", &autostart));
  g_assert_true (autostart);
  g_assert_true (g_variant_lookup (portal.options, "commandline", "^as", &commandline));
  g_assert_cmpstrv (commandline, expected);
  g_assert_true (g_variant_lookup (portal.options, "dbus-activatable", "b", &activatable));
  g_assert_false (activatable);
  g_assert_true (g_variant_lookup (portal.options, "handle_token", "&s", &token));
  g_assert_true (g_variant_lookup (portal.options, "reason", "&s", NULL));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  g_assert_true (loadwise_reminders_set_enabled (db, FALSE, bus, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (portal.n_calls, ==, 2);
  g_assert_true (g_variant_lookup (portal.options, "autostart", "b", &autostart));
  g_assert_false (autostart);

  /* The runner said no. */
  portal.response = 1;
  g_assert_false (loadwise_reminders_request_background (bus, TRUE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);

  fake_portal_stop (&portal);
  g_unsetenv ("LOADWISE_SANDBOXED");
  g_setenv ("LOADWISE_REMINDERS_BIN", g_getenv ("LOADWISE_REMINDERS_BIN_REAL"), TRUE);
}

static gboolean
count_tick (gpointer user_data)
{
  (*(guint *) user_data)++;
  return G_SOURCE_CONTINUE;
}

static void
on_set_enabled (GObject      *source_object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (loadwise_reminders_set_enabled_finish (LOADWISE_DATABASE (source_object), result, &error));
  g_assert_no_error (error);
  *(gboolean *) user_data = TRUE;
}

/* Preferences' way: while the portal asks the runner (here 600 ms), the
 * app's main context goes on; then the setting is stored. */
static void
test_portal_async (void)
{
  g_autoptr (GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autofree char *db_path = loadwise_database_build_path (g_getenv ("LOADWISE_DATA_DIR"));
  g_autoptr (LoadwiseDatabase) db = NULL;
  g_autoptr (GError) error = NULL;
  LoadwiseReminderSettings settings;
  FakePortal portal = { 0 };
  gboolean done = FALSE;
  guint ticks = 0;
  guint tick_id;

  db = loadwise_database_open (db_path, &error);
  g_assert_no_error (error);
  g_assert_true (loadwise_reminders_set_enabled (db, FALSE, NULL, &error));
  g_setenv ("LOADWISE_REMINDERS_BIN", "/bin/true", TRUE);
  g_setenv ("LOADWISE_SANDBOXED", "1", TRUE);
  fake_portal_start (&portal);
  portal.delay_ms = 600;

  tick_id = g_timeout_add (50, count_tick, &ticks);
  loadwise_reminders_set_enabled_async (db, TRUE, bus, on_set_enabled, &done);
  /* Nothing is stored before the portal said yes. */
  g_assert_true (loadwise_database_get_reminder_settings (db, &settings, &error));
  g_assert_false (settings.enabled);
  reminders_test_wait_for (&done, 20);
  g_source_remove (tick_id);

  g_assert_cmpuint (ticks, >=, 5);
  g_assert_cmpuint (portal.n_calls, ==, 1);
  g_assert_true (loadwise_database_get_reminder_settings (db, &settings, &error));
  g_assert_true (settings.enabled);

  fake_portal_stop (&portal);
  g_unsetenv ("LOADWISE_SANDBOXED");
  g_setenv ("LOADWISE_REMINDERS_BIN", g_getenv ("LOADWISE_REMINDERS_BIN_REAL"), TRUE);
}

/* A fake systemd user manager: the calls it was asked, one line each. */
typedef struct {
  RemindersBusService *bus;
  GMutex               lock;
  GPtrArray           *calls;
  gboolean             fail_enable;
} FakeSystemd;

static const char systemd_xml[] =
  "<node><interface name='org.freedesktop.systemd1.Manager'>"
  "<method name='GetUnitFileState'><arg type='s' direction='in'/><arg type='s' direction='out'/></method>"
  "<method name='EnableUnitFiles'><arg type='as' direction='in'/><arg type='b' direction='in'/>"
  "<arg type='b' direction='in'/><arg type='b' direction='out'/><arg type='a(sss)' direction='out'/></method>"
  "<method name='DisableUnitFiles'><arg type='as' direction='in'/><arg type='b' direction='in'/>"
  "<arg type='a(sss)' direction='out'/></method>"
  "<method name='Reload'/>"
  "<method name='StartUnit'><arg type='s' direction='in'/><arg type='s' direction='in'/>"
  "<arg type='o' direction='out'/></method>"
  "<method name='StopUnit'><arg type='s' direction='in'/><arg type='s' direction='in'/>"
  "<arg type='o' direction='out'/></method>"
  "</interface></node>";

static void
on_systemd_call (GDBusConnection       *connection,
                 const char            *sender,
                 const char            *object_path,
                 const char            *interface_name,
                 const char            *method_name,
                 GVariant              *parameters,
                 GDBusMethodInvocation *invocation,
                 gpointer               user_data)
{
  FakeSystemd *systemd = user_data;
  g_autofree char *args = g_variant_print (parameters, FALSE);
  gboolean fail;

  g_mutex_lock (&systemd->lock);
  g_ptr_array_add (systemd->calls, g_strdup_printf ("%s %s", method_name, args));
  fail = systemd->fail_enable;
  g_mutex_unlock (&systemd->lock);

  if (g_str_equal (method_name, "GetUnitFileState"))
    g_dbus_method_invocation_return_value (invocation, g_variant_new ("(s)", "disabled"));
  else if (g_str_equal (method_name, "EnableUnitFiles") && fail)
    g_dbus_method_invocation_return_dbus_error (invocation, "org.freedesktop.DBus.Error.AccessDenied",
                                                "Access denied");
  else if (g_str_equal (method_name, "EnableUnitFiles"))
    g_dbus_method_invocation_return_value (invocation, g_variant_new ("(ba(sss))", TRUE, NULL));
  else if (g_str_equal (method_name, "DisableUnitFiles"))
    g_dbus_method_invocation_return_value (invocation, g_variant_new ("(a(sss))", NULL));
  else if (g_str_equal (method_name, "Reload"))
    g_dbus_method_invocation_return_value (invocation, NULL);
  else
    g_dbus_method_invocation_return_value (invocation, g_variant_new ("(o)", "/org/freedesktop/systemd1/job/1"));
}

static const GDBusInterfaceVTable systemd_vtable = { on_systemd_call, NULL, NULL, { 0 } };

/* The calls since the last look, joined by "; ". */
static char *
fake_systemd_take_calls (FakeSystemd *systemd)
{
  g_autoptr (GString) joined = g_string_new (NULL);

  g_mutex_lock (&systemd->lock);
  for (guint i = 0; i < systemd->calls->len; i++)
    g_string_append_printf (joined, "%s%s", i > 0 ? "; " : "", (char *) g_ptr_array_index (systemd->calls, i));
  g_ptr_array_set_size (systemd->calls, 0);
  g_mutex_unlock (&systemd->lock);
  return g_strdup (joined->str);
}

/* Where the session's systemd knows the unit, the switch enables it as
 * `systemctl --user enable` does and starts or stops it through the
 * manager; it removes an autostart entry of before, so that nothing
 * starts twice. A refusal changes nothing. Without a manager on the bus
 * (none is started for the question), the autostart entry. */
static void
test_systemd (void)
{
  g_autoptr (GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autofree char *db_path = loadwise_database_build_path (g_getenv ("LOADWISE_DATA_DIR"));
  g_autoptr (LoadwiseDatabase) db = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *calls = NULL;
  LoadwiseReminderSettings settings;
  FakeSystemd systemd = { 0 };

  if (g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("Sandboxed: the portal is the only way");
      return;
    }
  g_unsetenv ("LOADWISE_SANDBOXED");
  db = loadwise_database_open (db_path, &error);
  g_assert_no_error (error);
  g_assert_true (loadwise_reminders_set_enabled (db, FALSE, NULL, &error));
  g_assert_false (loadwise_reminders_has_systemd_unit (bus));
  g_assert_cmpint (loadwise_reminders_get_mechanism (bus), ==, LOADWISE_REMINDERS_MECHANISM_AUTOSTART);

  g_mutex_init (&systemd.lock);
  systemd.calls = g_ptr_array_new_with_free_func (g_free);
  systemd.bus = reminders_bus_service_start ("org.freedesktop.systemd1", "/org/freedesktop/systemd1",
                                             systemd_xml, &systemd_vtable, &systemd);
  g_assert_cmpint (loadwise_reminders_get_mechanism (bus), ==, LOADWISE_REMINDERS_MECHANISM_SYSTEMD);
  g_free (fake_systemd_take_calls (&systemd));

  g_assert_true (loadwise_reminders_set_autostart (TRUE, &error));
  g_assert_true (loadwise_reminders_set_enabled (db, TRUE, bus, &error));
  g_assert_no_error (error);
  calls = fake_systemd_take_calls (&systemd);
  g_assert_cmpstr (calls, ==,
                   "GetUnitFileState ('" LOADWISE_REMINDERS_UNIT "',); "
                   "EnableUnitFiles (['" LOADWISE_REMINDERS_UNIT "'], false, false); "
                   "Reload (); "
                   "StartUnit ('" LOADWISE_REMINDERS_UNIT "', 'replace')");
  g_assert_false (loadwise_reminders_get_autostart ());
  g_assert_true (loadwise_database_get_reminder_settings (db, &settings, &error));
  g_assert_true (settings.enabled);

  g_assert_true (loadwise_reminders_set_enabled (db, FALSE, bus, &error));
  g_assert_no_error (error);
  g_clear_pointer (&calls, g_free);
  calls = fake_systemd_take_calls (&systemd);
  g_assert_cmpstr (calls, ==,
                   "GetUnitFileState ('" LOADWISE_REMINDERS_UNIT "',); "
                   "DisableUnitFiles (['" LOADWISE_REMINDERS_UNIT "'], false); "
                   "Reload (); "
                   "StopUnit ('" LOADWISE_REMINDERS_UNIT "', 'replace')");
  g_assert_true (loadwise_database_get_reminder_settings (db, &settings, &error));
  g_assert_false (settings.enabled);

  systemd.fail_enable = TRUE;
  g_assert_false (loadwise_reminders_set_enabled (db, TRUE, bus, &error));
  g_assert_error (error, G_DBUS_ERROR, G_DBUS_ERROR_ACCESS_DENIED);
  g_clear_error (&error);
  g_clear_pointer (&calls, g_free);
  calls = fake_systemd_take_calls (&systemd);
  g_assert_null (strstr (calls, "StartUnit"));
  g_assert_true (loadwise_database_get_reminder_settings (db, &settings, &error));
  g_assert_false (settings.enabled);

  reminders_bus_service_stop (systemd.bus);
  g_ptr_array_unref (systemd.calls);
  g_mutex_clear (&systemd.lock);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *data_dir = NULL;
  g_autoptr (GTestDBus) bus = NULL;
  int status;

  /* Before anything asks GLib for the user's folders. */
  config_dir = loadwise_test_make_tmpdir ();
  data_dir = loadwise_test_make_tmpdir ();
  g_setenv ("XDG_CONFIG_HOME", config_dir, TRUE);
  g_setenv ("LOADWISE_DATA_DIR", data_dir, TRUE);
  g_setenv ("LOADWISE_REMINDERS_BIN_REAL", g_getenv ("LOADWISE_REMINDERS_BIN"), TRUE);

  g_test_init (&argc, &argv, NULL);

  bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (bus);

  g_test_add_func ("/autostart/entry", test_autostart_entry);
  g_test_add_func ("/autostart/launch-and-quit", test_launch_and_quit);
  g_test_add_func ("/autostart/portal", test_portal);
  g_test_add_func ("/autostart/portal-async", test_portal_async);
  g_test_add_func ("/autostart/systemd", test_systemd);

  status = g_test_run ();
  g_test_dbus_down (bus);
  loadwise_test_rm_rf (config_dir);
  loadwise_test_rm_rf (data_dir);
  g_free (config_dir);
  return status;
}
