/* test-reminders-group.c: the Reminders group of Preferences
 *
 * With the real loadwise-reminders: the switch writes the
 * setting and the autostart entry and starts or stops the service, and the
 * row says whether it runs. Needs a display and a session bus (the private
 * one of dbus-run-session); skipped without them.
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>

#include "loadwise-test-util.h"
#include "reminders/loadwise-reminders-control.h"
#include "store/loadwise-database-reminders.h"
#include "ui/loadwise-reminders-group.h"

typedef struct {
  char                   *dir;
  LoadwiseDatabase       *db;
  LoadwiseRemindersGroup *group;
  GtkWidget              *window;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;

  fixture->dir = loadwise_test_make_tmpdir ();
  g_setenv ("LOADWISE_DATA_DIR", fixture->dir, TRUE);
  path = loadwise_database_build_path (fixture->dir);
  fixture->db = loadwise_database_open (path, &error);
  g_assert_no_error (error);

  fixture->group = g_object_new (LOADWISE_TYPE_REMINDERS_GROUP, "database", fixture->db, NULL);
  fixture->window = gtk_window_new ();
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->group));
  gtk_window_present (GTK_WINDOW (fixture->window));
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_finalize_object (fixture->db);
  loadwise_reminders_set_autostart (FALSE, NULL);
  loadwise_test_rm_rf (fixture->dir);
  g_free (fixture->dir);
}

static GObject *
child (Fixture    *fixture,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (fixture->group),
                                                   LOADWISE_TYPE_REMINDERS_GROUP, name);

  g_assert_nonnull (object);
  return object;
}

static LoadwiseReminderSettings
stored (Fixture *fixture)
{
  g_autoptr (GError) error = NULL;
  LoadwiseReminderSettings settings;

  g_assert_true (loadwise_database_get_reminder_settings (fixture->db, &settings, &error));
  g_assert_no_error (error);
  return settings;
}

static gboolean
on_timeout (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until the row's subtitle starts with @prefix (a 20 s
 * safety net). */
static void
wait_for_status (Fixture    *fixture,
                 const char *prefix)
{
  AdwActionRow *row = ADW_ACTION_ROW (child (fixture, "enabled_row"));
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (20, on_timeout, &timed_out);

  while (!g_str_has_prefix (adw_action_row_get_subtitle (row), prefix) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, prefix);
}

static void
test_switch (Fixture       *fixture,
             gconstpointer  data)
{
  GtkSwitch *toggle = GTK_SWITCH (child (fixture, "enabled_switch"));

  g_assert_false (gtk_switch_get_active (toggle));
  wait_for_status (fixture, "The reminder service is not running.");

  /* The row waits for the session while the window goes on. */
  gtk_switch_set_active (toggle, TRUE);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (child (fixture, "enabled_row"))));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (child (fixture, "enabled_row"))), ==,
                   "Turning reminders on…");
  wait_for_status (fixture, "The reminder service is running.");
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (child (fixture, "enabled_row"))));
  g_assert_true (stored (fixture).enabled);
  g_assert_true (loadwise_reminders_get_autostart ());

  gtk_switch_set_active (toggle, FALSE);
  wait_for_status (fixture, "The reminder service is not running.");
  g_assert_false (stored (fixture).enabled);
  g_assert_false (loadwise_reminders_get_autostart ());
  g_assert_null (loadwise_reminders_group_get_last_message (fixture->group));
}

static void
test_times_and_snooze (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkEditable *session = GTK_EDITABLE (child (fixture, "session_row"));
  GtkEditable *checkin = GTK_EDITABLE (child (fixture, "checkin_row"));

  g_assert_cmpstr (gtk_editable_get_text (session), ==, "18:00");
  g_assert_cmpstr (gtk_editable_get_text (checkin), ==, "08:00");

  gtk_editable_set_text (session, "25:00");
  g_signal_emit_by_name (session, "apply");
  g_assert_cmpstr (loadwise_reminders_group_get_last_message (fixture->group), ==,
                   "Session time: 25:00 is outside 00:00-23:59");
  /* Nothing stored; the row shows what is. */
  g_assert_cmpuint (stored (fixture).session_time_s, ==, 18 * 3600);
  g_assert_cmpstr (gtk_editable_get_text (session), ==, "18:00");

  gtk_editable_set_text (session, "6:15");
  g_signal_emit_by_name (session, "apply");
  g_assert_cmpuint (stored (fixture).session_time_s, ==, 6 * 3600 + 15 * 60);
  g_assert_cmpstr (gtk_editable_get_text (session), ==, "06:15");

  gtk_editable_set_text (checkin, "07:30");
  g_signal_emit_by_name (checkin, "apply");
  g_assert_cmpuint (stored (fixture).checkin_time_s, ==, 7 * 3600 + 30 * 60);

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (child (fixture, "snooze_spin")), 25);
  g_assert_cmpuint (stored (fixture).snooze_minutes, ==, 25);
}

/* LeakSanitizer asks the program for this at start-up: fontconfig keeps
 * its caches for the life of the process (as in tests/ui). */
const char *__lsan_default_suppressions (void);

const char *
__lsan_default_suppressions (void)
{
  return "leak:libfontconfig.so\n";
}

static void
test_no_display (void)
{
  g_test_skip ("No display or no session bus (run under xvfb-run and dbus-run-session)");
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *config_dir = loadwise_test_make_tmpdir ();
  g_autofree char *display = g_strdup (g_getenv ("DISPLAY"));
  int status;

  g_setenv ("XDG_CONFIG_HOME", config_dir, TRUE);
  /* libadwaita keeps the session bus for the life of the process, so a
   * GTestDBus bus could not be taken down: this test uses the private bus
   * that `build-aux/dev test` runs the suites in (dbus-run-session). */
  if (display == NULL || g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL)
    {
      g_test_init (&argc, &argv, NULL);
      g_test_add_func ("/reminders-group/no-display", test_no_display);
      status = g_test_run ();
      loadwise_test_rm_rf (config_dir);
      return status;
    }

  /* As tests/ui: widgets, not pixels, and no GL driver for LeakSanitizer. */
  g_setenv ("GDK_DEBUG", "gl-disable", FALSE);
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/reminders-group/switch", Fixture, NULL,
              fixture_setup, test_switch, fixture_teardown);
  g_test_add ("/reminders-group/times-and-snooze", Fixture, NULL,
              fixture_setup, test_times_and_snooze, fixture_teardown);

  status = g_test_run ();
  loadwise_test_rm_rf (config_dir);
  return status;
}
