/* test-backups-dialog.c: restoring a backup from Preferences, and the
 * app's daily backup
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <fcntl.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

#include "loadwise-test-util.h"
#include "ui-test-util.h"
#include "store/loadwise-backups.h"
#include "ui/loadwise-application.h"
#include "ui/loadwise-backups-dialog-private.h"
#include "ui/loadwise-preferences-window.h"

static gpointer
find_toplevel (GType type)
{
  GList *toplevels = gtk_window_list_toplevels ();
  gpointer found = NULL;

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
      found = l->data;
  g_list_free (toplevels);
  return found;
}

/* A backup with a programme starting @day November 2026, written at @mtime. */
static char *
write_backup (UiFixture  *fixture,
              const char *name,
              int         day,
              gint64      mtime)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *other_dir = loadwise_test_make_tmpdir ();
  g_autofree char *other_path = loadwise_database_build_path (other_dir);
  g_autofree char *backups = g_build_filename (fixture->dir, "backups", NULL);
  g_autofree char *backup = g_build_filename (backups, name, NULL);
  g_autoptr (LoadwiseDatabase) database = loadwise_database_open (other_path, &error);
  guint levels[LOADWISE_N_FAMILIES] = { 1, 1, 1 };
  GDate start = loadwise_test_date (2026, 11, day);
  LoadwiseProgramme programme;
  struct timespec times[2] = { { (time_t) mtime, 0 }, { (time_t) mtime, 0 } };

  g_assert_no_error (error);
  loadwise_programme_init (&programme, &start);
  loadwise_database_start_programme (database, &programme, levels, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir_with_parents (backups, 0700), ==, 0);
  loadwise_database_backup_to (database, backup, &error);
  g_assert_no_error (error);
  g_assert_cmpint (utimensat (AT_FDCWD, backup, times, 0), ==, 0);

  g_clear_object (&database);
  loadwise_test_rm_rf (other_dir);
  return g_steal_pointer (&backup);
}

static guint
count_rows (GtkWidget *dialog)
{
  guint n = 0;

  for (GtkWidget *row = ui_test_find_type (dialog, ADW_TYPE_ACTION_ROW);
       row != NULL; row = gtk_widget_get_next_sibling (row))
    if (ADW_IS_ACTION_ROW (row))
      n++;
  return n;
}

static void
test_empty (UiFixture     *fixture,
            gconstpointer  data)
{
  GtkWidget *dialog = loadwise_backups_dialog_new (fixture->database);

  ui_test_show (dialog);
  g_assert_nonnull (ui_test_find_named (dialog, "no-backups"));
  g_assert_cmpuint (count_rows (dialog), ==, 1);
  ui_test_destroy (dialog);
}

static void
on_restored (LoadwiseBackupsDialog *dialog,
             guint                 *count)
{
  (*count)++;
}

static void
test_list_and_restore (UiFixture     *fixture,
                       gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *older = write_backup (fixture, "loadwise-daily-20261101.db", 2, 1762000000);
  g_autofree char *newer = write_backup (fixture, "loadwise-daily-20261102.db", 9, 1762100000);
  GtkWidget *dialog;
  AdwActionRow *row;
  AdwMessageDialog *question;
  LoadwiseProgramme programme;
  GDate expected = loadwise_test_date (2026, 11, 2);
  guint restored = 0;

  ui_fixture_add_programme (fixture, 2026, 11, 23, 2);
  dialog = loadwise_backups_dialog_new (fixture->database);
  g_signal_connect (dialog, "restored", G_CALLBACK (on_restored), &restored);
  ui_test_show (dialog);

  /* Newest first, each with its date and size. */
  g_assert_cmpuint (count_rows (dialog), ==, 2);
  row = ADW_ACTION_ROW (ui_test_find_type (dialog, ADW_TYPE_ACTION_ROW));
  g_assert_cmpstr (gtk_widget_get_name (GTK_WIDGET (row)), ==, "loadwise-daily-20261102.db");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   "2 November 2025, 17:13");
  /* g_format_size() puts a no-break space before the unit. */
  g_assert_true (g_str_has_suffix (adw_action_row_get_subtitle (row), "\u00a0kB · Daily copy"));
  g_assert_nonnull (ui_test_find_named (dialog, "loadwise-daily-20261101.db"));

  /* Restore asks first; Cancel changes nothing. */
  gtk_widget_activate_action (dialog, "backups.restore", "s", older);
  question = ui_test_find_message_dialog ();
  g_assert_nonnull (question);
  g_assert_cmpstr (adw_message_dialog_get_heading (question), ==, "Restore This Backup?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (question), "1 November 2025, 13:26"));
  adw_message_dialog_response (question, "cancel");
  loadwise_database_get_programme (fixture->database, &programme, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_date_get_day (&programme.start), ==, 23);
  g_assert_cmpuint (restored, ==, 0);
  gtk_window_destroy (GTK_WINDOW (question));

  /* Restore it: the backup's programme is the runner's now, the data it
   * replaced is a backup of its own in the list, and ::restored fired. */
  gtk_widget_activate_action (dialog, "backups.restore", "s", older);
  question = ui_test_find_message_dialog ();
  g_assert_nonnull (question);
  adw_message_dialog_response (question, "restore");
  gtk_window_destroy (GTK_WINDOW (question));
  loadwise_database_get_programme (fixture->database, &programme, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_date_compare (&programme.start, &expected), ==, 0);
  g_assert_cmpuint (restored, ==, 1);
  g_assert_cmpstr (loadwise_backups_dialog_get_last_message (LOADWISE_BACKUPS_DIALOG (dialog)), ==,
                   "The backup was restored");
  g_assert_cmpuint (count_rows (dialog), ==, 3);
  row = ADW_ACTION_ROW (ui_test_find_type (dialog, ADW_TYPE_ACTION_ROW));
  g_assert_true (g_str_has_prefix (gtk_widget_get_name (GTK_WIDGET (row)), "loadwise-before-restore-"));

  /* A file that is not a database is refused, and says why. */
  {
    g_autofree char *bad = g_build_filename (fixture->dir, "backups", "bad.db", NULL);

    g_file_set_contents (bad, "not a database", -1, &error);
    g_assert_no_error (error);
    g_assert_false (loadwise_backups_dialog_restore (LOADWISE_BACKUPS_DIALOG (dialog), bad, &error));
    g_assert_error (error, LOADWISE_DATABASE_ERROR, LOADWISE_DATABASE_ERROR_CORRUPT);
    g_assert_true (g_str_has_prefix (loadwise_backups_dialog_get_last_message (LOADWISE_BACKUPS_DIALOG (dialog)),
                                     "The backup could not be restored: "));
    g_assert_cmpuint (restored, ==, 1);
  }

  ui_test_destroy (dialog);
}

static void
test_from_preferences (UiFixture     *fixture,
                       gconstpointer  data)
{
  g_autofree char *backup = write_backup (fixture, "loadwise-daily-20261101.db", 2, 1762000000);
  GtkWidget *prefs;
  GtkWidget *spin;
  LoadwiseBackupsDialog *dialog;
  AdwMessageDialog *question;

  ui_fixture_add_programme (fixture, 2026, 11, 23, 1);
  prefs = loadwise_preferences_window_new (fixture->database);
  ui_test_show (prefs);

  gtk_widget_activate_action (prefs, "prefs.backups", NULL);
  dialog = find_toplevel (LOADWISE_TYPE_BACKUPS_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (prefs));

  /* After a restore, Preferences shows the restored programme (8 weeks
   * either way: change it first so that the reload shows). */
  spin = GTK_WIDGET (gtk_widget_get_template_child (prefs, LOADWISE_TYPE_PREFERENCES_WINDOW, "weeks_spin"));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 10);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "backups.restore", "s", backup);
  question = ui_test_find_message_dialog ();
  adw_message_dialog_response (question, "restore");
  gtk_window_destroy (GTK_WINDOW (question));
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (spin)), ==, 8);

  gtk_window_destroy (GTK_WINDOW (dialog));
  ui_test_destroy (prefs);
}

/* The app takes the day's backup once its window is up. */
static void
test_app_daily_backup (void)
{
  g_autoptr (GTimeZone) zone = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr (GDateTime) now = g_date_time_new (zone, 2026, 11, 25, 9, 0, 0);
  g_autoptr (LoadwiseClock) clock = loadwise_clock_new_fixed (now);
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = loadwise_test_make_tmpdir ();
  g_autofree char *daily = g_build_filename (dir, "backups", "loadwise-daily-20261125.db", NULL);
  g_autofree char *app_id = g_strdup_printf ("%s.TestBackups", APP_ID);
  g_autoptr (LoadwiseApplication) app = NULL;
  GList *toplevels;
  gint64 deadline;

  g_setenv ("LOADWISE_DATA_DIR", dir, TRUE);
  app = loadwise_application_new (clock);
  g_application_set_application_id (G_APPLICATION (app), app_id);
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_application_activate (G_APPLICATION (app));
  /* Not before the first frame: the copy waits for an idle moment. */
  g_assert_false (g_file_test (daily, G_FILE_TEST_EXISTS));
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (!g_file_test (daily, G_FILE_TEST_EXISTS) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (g_file_test (daily, G_FILE_TEST_EXISTS));
  {
    GStatBuf st;

    g_assert_cmpint (g_stat (daily, &st), ==, 0);
    g_assert_cmpuint (st.st_mode & 0777, ==, 0600);
  }

  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    gtk_window_destroy (GTK_WINDOW (l->data));
  g_list_free (toplevels);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  loadwise_test_rm_rf (dir);
  g_unsetenv ("LOADWISE_DATA_DIR");
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv))
    {
      ui_test_add_skip ("/ui/backups-dialog/no-display");
      return g_test_run ();
    }

  g_test_add ("/ui/backups-dialog/empty", UiFixture, NULL,
              ui_fixture_setup, test_empty, ui_fixture_teardown);
  g_test_add ("/ui/backups-dialog/list-and-restore", UiFixture, NULL,
              ui_fixture_setup, test_list_and_restore, ui_fixture_teardown);
  g_test_add ("/ui/backups-dialog/from-preferences", UiFixture, NULL,
              ui_fixture_setup, test_from_preferences, ui_fixture_teardown);
  g_test_add_func ("/ui/backups-dialog/app-daily-backup", test_app_daily_backup);

  return g_test_run ();
}
