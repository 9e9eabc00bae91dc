/* test-application.c: start-up, damaged and newer database files, style
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "loadwise-test-util.h"
#include "ui-test-util.h"
#include "ui/loadwise-application.h"
#include "ui/loadwise-preferences-window.h"
#include "ui/loadwise-window.h"

typedef struct {
  char                *dir;
  char                *path;
  LoadwiseApplication *app;
} AppFixture;

static void
app_fixture_setup (AppFixture    *fixture,
                   gconstpointer  data)
{
  g_autoptr (GTimeZone) zone = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr (GDateTime) now = g_date_time_new (zone, 2026, 11, 25, 9, 0, 0);
  g_autoptr (LoadwiseClock) clock = loadwise_clock_new_fixed (now);
  g_autoptr (GError) error = NULL;
  g_autofree char *test_app_id = NULL;
  static guint n_apps;

  fixture->dir = loadwise_test_make_tmpdir ();
  fixture->path = loadwise_database_build_path (fixture->dir);
  g_setenv ("LOADWISE_DATA_DIR", fixture->dir, TRUE);

  fixture->app = loadwise_application_new (clock);
  /* Each test has its own instance, so its own id and object path. */
  test_app_id = g_strdup_printf ("%s.Test%u", APP_ID, ++n_apps);
  g_application_set_application_id (G_APPLICATION (fixture->app), test_app_id);
  g_application_set_flags (G_APPLICATION (fixture->app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (fixture->app), NULL, &error);
  g_assert_no_error (error);
}

static void
app_fixture_teardown (AppFixture    *fixture,
                      gconstpointer  data)
{
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  GList *toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    gtk_window_destroy (GTK_WINDOW (l->data));
  g_list_free (toplevels);
  while (g_main_context_iteration (NULL, FALSE))
    ;

  g_settings_reset (settings, "color-scheme");
  g_settings_reset (settings, "window-width");
  /* A registered GtkApplication keeps itself alive (a bare one does too),
   * so there is no finalize check here; the windows' are in the others. */
  g_clear_object (&fixture->app);
  loadwise_test_rm_rf (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
  g_unsetenv ("LOADWISE_DATA_DIR");
}

static LoadwiseWindow *
find_main_window (AppFixture *fixture)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (fixture->app)); l != NULL; l = l->next)
    if (LOADWISE_IS_WINDOW (l->data))
      return l->data;
  return NULL;
}

/* The one file in the data folder whose name starts with @prefix. */
static char *
find_moved (AppFixture *fixture)
{
  g_autoptr (GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, "loadwise.db.corrupt-") && !g_str_has_suffix (name, "-wal") &&
        !g_str_has_suffix (name, "-shm"))
      return g_build_filename (fixture->dir, name, NULL);
  return NULL;
}

/* Phones and narrow tiles: every page must fit 360 px (with the app's
 * style sheet, which the application loads). */
static void
assert_fits_narrow (gpointer window)
{
  int minimum = 0;

  gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1,
                      &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);
}

static void
test_narrow (AppFixture    *fixture,
             gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  const char *setup_actions[] = {
    "setup.next", "setup.continue-anyway", "setup.change-answers",
  };
  const char *pages[] = { "today", "programme", "runs", "progress" };
  LoadwiseWindow *window;
  LoadwiseProgramme programme;
  GDate start = loadwise_test_date (2026, 11, 23);
  guint levels[LOADWISE_N_FAMILIES] = { 3, 3, 4 };
  GtkWidget *preferences = NULL;
  GList *toplevels;

  g_application_activate (G_APPLICATION (fixture->app));
  window = find_main_window (fixture);
  ui_test_show (GTK_WIDGET (window));

  assert_fits_narrow (window);
  for (guint i = 0; i < G_N_ELEMENTS (setup_actions); i++)
    {
      gtk_widget_activate_action (GTK_WIDGET (window), setup_actions[i], NULL);
      assert_fits_narrow (window);
    }
  /* The advice page, with its two buttons. */
  gtk_widget_activate_action (GTK_WIDGET (window), "setup.continue-anyway", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "setup.back", NULL);
  assert_fits_narrow (window);

  /* Today with the widest session: per-side exercises at the top levels. */
  loadwise_programme_init (&programme, &start);
  loadwise_database_start_programme (loadwise_window_get_database (window), &programme,
                                     levels, &error);
  g_assert_no_error (error);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.reload", NULL);
  g_assert_cmpstr (loadwise_window_get_mode (window), ==, "main");
  /* Pages are made when first shown (issue 8): make them all, so the
   * view stack measures every one. */
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    g_assert_nonnull (loadwise_window_get_page (window, pages[i]));
  assert_fits_narrow (window);

  g_action_group_activate_action (G_ACTION_GROUP (fixture->app), "preferences", NULL);
  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (LOADWISE_IS_PREFERENCES_WINDOW (l->data))
      preferences = l->data;
  g_list_free (toplevels);
  g_assert_nonnull (preferences);
  /* Its content: libadwaita's window adds its own frame around it. */
  assert_fits_narrow (gtk_widget_get_first_child (preferences));
}

static void
test_first_run (AppFixture    *fixture,
                gconstpointer  data)
{
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  LoadwiseWindow *window;
  int width = 0;
  int height = 0;

  g_settings_set_int (settings, "window-width", 700);
  g_application_activate (G_APPLICATION (fixture->app));

  window = find_main_window (fixture);
  g_assert_nonnull (window);
  g_assert_null (ui_test_find_message_dialog ());
  g_assert_cmpstr (loadwise_window_get_mode (window), ==, "setup");
  g_assert_cmpstr (loadwise_database_get_path (loadwise_window_get_database (window)), ==,
                   fixture->path);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 700);

  /* A second activation presents the same window. */
  g_application_activate (G_APPLICATION (fixture->app));
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (fixture->app))), ==, 1);

  g_action_group_activate_action (G_ACTION_GROUP (fixture->app), "start-session", NULL);
  g_assert_true (find_main_window (fixture) == window);
}

static void
write_backup (AppFixture *fixture)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *other_dir = loadwise_test_make_tmpdir ();
  g_autofree char *other_path = loadwise_database_build_path (other_dir);
  g_autofree char *backups = g_build_filename (fixture->dir, "backups", NULL);
  g_autofree char *backup = g_build_filename (backups, "loadwise-backup.db", NULL);
  g_autoptr (LoadwiseDatabase) database = loadwise_database_open (other_path, &error);
  LoadwiseProgramme programme;
  GDate start = loadwise_test_date (2026, 11, 23);
  guint levels[LOADWISE_N_FAMILIES] = { 1, 1, 1 };

  g_assert_no_error (error);
  loadwise_programme_init (&programme, &start);
  loadwise_database_start_programme (database, &programme, levels, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir_with_parents (backups, 0700), ==, 0);
  loadwise_database_backup_to (database, backup, &error);
  g_assert_no_error (error);

  g_clear_object (&database);
  loadwise_test_rm_rf (other_dir);
}

static void
test_corrupt (AppFixture    *fixture,
              gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) garbage = NULL;
  g_autoptr (GBytes) moved_bytes = NULL;
  g_autofree char *moved = NULL;
  g_autofree char *body = NULL;
  guint8 junk[4096];
  AdwMessageDialog *dialog;
  LoadwiseWindow *window;

  for (gsize i = 0; i < sizeof junk; i++)
    junk[i] = (guint8) (i * 7 + 13);
  g_file_set_contents (fixture->path, (const char *) junk, sizeof junk, &error);
  g_assert_no_error (error);
  write_backup (fixture);

  g_application_activate (G_APPLICATION (fixture->app));

  /* The damaged file is kept, byte for byte, under a new name. */
  moved = find_moved (fixture);
  g_assert_nonnull (moved);
  garbage = g_bytes_new (junk, sizeof junk);
  moved_bytes = loadwise_test_read_file (moved);
  g_assert_true (g_bytes_equal (garbage, moved_bytes));

  window = find_main_window (fixture);
  g_assert_nonnull (window);
  g_assert_cmpstr (loadwise_window_get_mode (window), ==, "setup");

  dialog = ui_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Your Data File Was Damaged");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), moved));
  g_assert_true (adw_message_dialog_has_response (dialog, "restore"));
  g_assert_true (adw_message_dialog_has_response (dialog, "fresh"));

  /* Restoring brings the backup's programme in and shows the pages. */
  adw_message_dialog_response (dialog, "restore");
  g_assert_cmpstr (loadwise_window_get_mode (window), ==, "main");
}

static void
test_corrupt_no_backup (AppFixture    *fixture,
                        gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  AdwMessageDialog *dialog;

  g_file_set_contents (fixture->path, "not a database, not at all", -1, &error);
  g_assert_no_error (error);

  g_application_activate (G_APPLICATION (fixture->app));

  dialog = ui_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_false (adw_message_dialog_has_response (dialog, "restore"));
  adw_message_dialog_response (dialog, "fresh");
  g_assert_cmpstr (loadwise_window_get_mode (find_main_window (fixture)), ==, "setup");
}

static void
test_newer_version (AppFixture    *fixture,
                    gconstpointer  data)
{
  g_autoptr (GBytes) before = NULL;
  g_autoptr (GBytes) after = NULL;
  AdwMessageDialog *dialog;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE future (x); PRAGMA user_version = 99;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  before = loadwise_test_read_file (fixture->path);

  g_application_activate (G_APPLICATION (fixture->app));

  /* A dialog with Quit, no window, and the file untouched. */
  g_assert_null (find_main_window (fixture));
  dialog = ui_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Data From a Newer Version");
  g_assert_true (adw_message_dialog_has_response (dialog, "quit"));
  after = loadwise_test_read_file (fixture->path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_null (find_moved (fixture));
}

/* The shortcuts window is built on first use, not with the main window
 * (issue 8), and still opens from win.show-help-overlay and Ctrl+?. */
static void
test_shortcuts (AppFixture    *fixture,
                gconstpointer  data)
{
  g_auto (GStrv) accels = NULL;
  LoadwiseWindow *window;
  GtkShortcutsWindow *overlay;

  g_application_activate (G_APPLICATION (fixture->app));
  window = find_main_window (fixture);
  g_assert_nonnull (window);
  g_assert_null (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (fixture->app),
                                                  "win.show-help-overlay");
  g_assert_cmpstr (accels[0], ==, "<Control>question");

  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (window), "show-help-overlay"));
  g_action_group_activate_action (G_ACTION_GROUP (window), "show-help-overlay", NULL);
  overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));
  g_assert_nonnull (overlay);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (overlay)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (overlay)) == GTK_WINDOW (window));

  /* A second time shows the same one. */
  gtk_window_close (GTK_WINDOW (overlay));
  g_action_group_activate_action (G_ACTION_GROUP (window), "show-help-overlay", NULL);
  g_assert_true (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)) == overlay);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (overlay)));
}

static void
test_color_scheme (AppFixture    *fixture,
                   gconstpointer  data)
{
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  AdwStyleManager *manager = adw_style_manager_get_default ();

  g_settings_set_string (settings, "color-scheme", "dark");
  g_assert_cmpint (adw_style_manager_get_color_scheme (manager), ==, ADW_COLOR_SCHEME_FORCE_DARK);
  g_settings_set_string (settings, "color-scheme", "light");
  g_assert_cmpint (adw_style_manager_get_color_scheme (manager), ==, ADW_COLOR_SCHEME_FORCE_LIGHT);
  g_settings_set_string (settings, "color-scheme", "default");
  g_assert_cmpint (adw_style_manager_get_color_scheme (manager), ==, ADW_COLOR_SCHEME_DEFAULT);
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv))
    {
      ui_test_add_skip ("/ui/application/display");
      return g_test_run ();
    }

  g_test_add ("/ui/application/first-run", AppFixture, NULL,
              app_fixture_setup, test_first_run, app_fixture_teardown);
  g_test_add ("/ui/application/narrow", AppFixture, NULL,
              app_fixture_setup, test_narrow, app_fixture_teardown);
  g_test_add ("/ui/application/corrupt", AppFixture, NULL,
              app_fixture_setup, test_corrupt, app_fixture_teardown);
  g_test_add ("/ui/application/corrupt-no-backup", AppFixture, NULL,
              app_fixture_setup, test_corrupt_no_backup, app_fixture_teardown);
  g_test_add ("/ui/application/newer-version", AppFixture, NULL,
              app_fixture_setup, test_newer_version, app_fixture_teardown);
  g_test_add ("/ui/application/shortcuts", AppFixture, NULL,
              app_fixture_setup, test_shortcuts, app_fixture_teardown);
  g_test_add ("/ui/application/color-scheme", AppFixture, NULL,
              app_fixture_setup, test_color_scheme, app_fixture_teardown);

  return g_test_run ();
}
