/* test-autostart.c: the XDG autostart entry, and whether the service runs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>

#include "loadwise-test-util.h"
#include "reminders/loadwise-reminder-service.h"
#include "reminders/loadwise-reminders-control.h"

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

  g_test_init (&argc, &argv, NULL);

  bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (bus);

  g_test_add_func ("/autostart/entry", test_autostart_entry);
  g_test_add_func ("/autostart/launch-and-quit", test_launch_and_quit);

  status = g_test_run ();
  g_test_dbus_down (bus);
  loadwise_test_rm_rf (config_dir);
  loadwise_test_rm_rf (data_dir);
  g_free (config_dir);
  return status;
}
