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
#include "core/loadwise-error.h"
#include "report/loadwise-json-backup.h"
#include "store/loadwise-backups.h"
#include "store/loadwise-demo.h"
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

/* The group listing the backups, below the JSON backup's. */
static GtkWidget *
list_group (GtkWidget *dialog)
{
  return GTK_WIDGET (gtk_widget_get_template_child (dialog, LOADWISE_TYPE_BACKUPS_DIALOG, "list_group"));
}

static guint
count_rows (GtkWidget *dialog)
{
  guint n = 0;

  for (GtkWidget *row = ui_test_find_type (list_group (dialog), ADW_TYPE_ACTION_ROW);
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
  row = ADW_ACTION_ROW (ui_test_find_type (list_group (dialog), ADW_TYPE_ACTION_ROW));
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
  row = ADW_ACTION_ROW (ui_test_find_type (list_group (dialog), ADW_TYPE_ACTION_ROW));
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

/* The JSON backup (issue 13) */

#define JSON_WAIT_MS 20000

static gboolean
dialog_idle (gpointer data)
{
  return !loadwise_backups_dialog_is_busy (data);
}

/* Every row of the database at @path, as backup text with a fixed stamp:
 * equal texts, equal data. */
static char *
data_on_disk (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LoadwiseDatabase) database = loadwise_database_open (path, &error);
  g_autoptr (LoadwiseDataset) dataset = NULL;
  g_autoptr (GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr (GDateTime) stamp = g_date_time_new (utc, 2026, 1, 1, 0, 0, 0);

  g_assert_no_error (error);
  dataset = loadwise_database_read_dataset (database, &error);
  g_assert_no_error (error);
  return loadwise_json_backup_from_dataset (dataset, stamp, NULL);
}

static const char *
cell_text (GtkWidget  *root,
           const char *name)
{
  GtkWidget *label = ui_test_find_named (root, name);

  g_assert_nonnull (label);
  return gtk_label_get_label (GTK_LABEL (label));
}

static void
on_changed (LoadwiseDatabase *database,
            guint             what,
            guint            *count)
{
  (*count)++;
}

static void
fill_demo (UiFixture *fixture)
{
  g_autoptr (GError) error = NULL;
  GDate today = loadwise_test_date (2026, 11, 25);

  g_assert_true (loadwise_database_fill_demo (fixture->database, fixture->catalogue, 1, 3, &today, &error));
  g_assert_no_error (error);
}

/* Export from one database; import into a fresh one through the preview
 * and its "import"; the rows on disk are the same. Over data that is
 * there, the preview says it replaces, and Cancel keeps it. */
static void
test_json_export_import (UiFixture     *fixture,
                         gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *json = g_build_filename (fixture->dir, "loadwise-2026-11-25.json", NULL);
  g_autofree char *fresh_dir = loadwise_test_make_tmpdir ();
  g_autofree char *fresh_path = loadwise_database_build_path (fresh_dir);
  g_autofree char *fresh_backups = g_build_filename (fresh_dir, "backups", NULL);
  g_autofree char *expected = NULL;
  g_autofree char *imported = NULL;
  g_autofree char *before = NULL;
  g_autofree char *sessions = NULL;
  g_autofree char *exported = NULL;
  g_autoptr (LoadwiseDatabase) fresh = NULL;
  g_autoptr (LoadwiseDataset) source = NULL;
  GtkWidget *dialog;
  GtkWidget *fresh_dialog;
  AdwMessageDialog *question;
  GtkWidget *extra;
  guint restored = 0;
  guint changes = 0;

  fill_demo (fixture);
  source = loadwise_database_read_dataset (fixture->database, &error);
  g_assert_no_error (error);
  sessions = g_strdup_printf ("%u", loadwise_dataset_get_n_rows (source, (guint) loadwise_dataset_find_table ("sessions")));

  /* Export: off the main thread, then a toast. */
  dialog = loadwise_backups_dialog_new (fixture->database);
  ui_test_show (dialog);
  loadwise_backups_dialog_export_json (LOADWISE_BACKUPS_DIALOG (dialog), json, FALSE);
  g_assert_true (loadwise_backups_dialog_is_busy (LOADWISE_BACKUPS_DIALOG (dialog)));
  g_assert_true (ui_test_wait_until (dialog_idle, dialog, JSON_WAIT_MS));
  exported = g_strdup_printf ("Exported to %s", json);
  g_assert_cmpstr (loadwise_backups_dialog_get_last_message (LOADWISE_BACKUPS_DIALOG (dialog)), ==, exported);
  g_assert_true (g_file_test (json, G_FILE_TEST_IS_REGULAR));

  /* Import into a fresh database: the preview first, nothing written yet. */
  fresh = loadwise_database_open (fresh_path, &error);
  g_assert_no_error (error);
  /* The derived state is worked out for the same day as the source's. */
  loadwise_database_set_clock (fresh, fixture->clock);
  fresh_dialog = loadwise_backups_dialog_new (fresh);
  g_signal_connect (fresh_dialog, "restored", G_CALLBACK (on_restored), &restored);
  ui_test_show (fresh_dialog);
  loadwise_backups_dialog_import_json (LOADWISE_BACKUPS_DIALOG (fresh_dialog), json);
  g_assert_true (ui_test_wait_until (dialog_idle, fresh_dialog, JSON_WAIT_MS));
  question = ui_test_find_message_dialog ();
  g_assert_nonnull (question);
  g_assert_cmpstr (adw_message_dialog_get_heading (question), ==, "Import This Backup?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (question), "“loadwise-2026-11-25.json” holds your history from "));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (question), "nothing is replaced"));
  g_assert_cmpstr (adw_message_dialog_get_response_label (question, "import"), ==, "_Import");
  extra = adw_message_dialog_get_extra_child (question);
  g_assert_cmpstr (cell_text (extra, "preview-sessions-backup"), ==, sessions);
  g_assert_cmpstr (cell_text (extra, "preview-programme-backup"), ==, "Yes");
  g_assert_null (ui_test_find_named (extra, "preview-sessions-now"));
  g_assert_cmpuint (restored, ==, 0);
  before = data_on_disk (fresh_path);
  g_assert_null (strstr (before, "\"sessions\" : [\n"));

  /* Confirmed: one transaction, off the main thread; the rows on disk
   * are the exported ones, and the dialog's connection says so, for the
   * pages to follow. */
  g_signal_connect (fresh, "changed", G_CALLBACK (on_changed), &changes);
  adw_message_dialog_response (question, "import");
  gtk_window_destroy (GTK_WINDOW (question));
  g_assert_true (loadwise_backups_dialog_is_busy (LOADWISE_BACKUPS_DIALOG (fresh_dialog)));
  g_assert_true (ui_test_wait_until (dialog_idle, fresh_dialog, JSON_WAIT_MS));
  g_assert_cmpuint (changes, ==, 1);
  g_assert_cmpuint (restored, ==, 1);
  g_assert_cmpstr (loadwise_backups_dialog_get_last_message (LOADWISE_BACKUPS_DIALOG (fresh_dialog)), ==,
                   "The JSON backup was imported");
  expected = data_on_disk (fixture->path);
  imported = data_on_disk (fresh_path);
  g_assert_cmpstr (imported, ==, expected);
  /* An empty database had nothing to keep a copy of. */
  g_assert_false (g_file_test (fresh_backups, G_FILE_TEST_EXISTS));

  /* Over data that is there: it says it replaces, counts both; Cancel
   * changes nothing. */
  loadwise_backups_dialog_import_json (LOADWISE_BACKUPS_DIALOG (dialog), json);
  g_assert_true (ui_test_wait_until (dialog_idle, dialog, JSON_WAIT_MS));
  question = ui_test_find_message_dialog ();
  g_assert_nonnull (question);
  g_assert_cmpstr (adw_message_dialog_get_heading (question), ==, "Replace Your Data?");
  g_assert_cmpstr (adw_message_dialog_get_response_label (question, "import"), ==, "_Replace");
  g_assert_cmpint (adw_message_dialog_get_response_appearance (question, "import"), ==, ADW_RESPONSE_DESTRUCTIVE);
  extra = adw_message_dialog_get_extra_child (question);
  g_assert_cmpstr (cell_text (extra, "preview-sessions-now"), ==, sessions);
  adw_message_dialog_response (question, "cancel");
  gtk_window_destroy (GTK_WINDOW (question));
  g_free (imported);
  imported = data_on_disk (fixture->path);
  g_assert_cmpstr (imported, ==, expected);

  ui_test_destroy (fresh_dialog);
  ui_test_destroy (dialog);
  g_clear_object (&fresh);
  loadwise_test_rm_rf (fresh_dir);
}

/* A damaged file: refused with what is wrong and where, nothing changed. */
static void
test_json_corrupt (UiFixture     *fixture,
                   gconstpointer  data)
{
  static const char *const bad_files[] = {
    "{\"format_version\": 2, \"runs\": [{\"id\": 1, \"date\": \"2026-11-02\", \"distance_km\": -5}]}",
    "{\"format_version\": 2, \"sessions\": [",
    "\x89PNG\r\n\x1a\n",
  };
  g_autoptr (GError) error = NULL;
  g_autofree char *bad = g_build_filename (fixture->dir, "bad.json", NULL);
  g_autofree char *backups = g_build_filename (fixture->dir, "backups", NULL);
  g_autofree char *before = NULL;
  GtkWidget *dialog;
  guint restored = 0;

  fill_demo (fixture);
  before = data_on_disk (fixture->path);
  dialog = loadwise_backups_dialog_new (fixture->database);
  g_signal_connect (dialog, "restored", G_CALLBACK (on_restored), &restored);
  ui_test_show (dialog);

  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      g_autofree char *after = NULL;
      AdwMessageDialog *refusal;
      const char *body;

      g_assert_true (g_file_set_contents (bad, bad_files[i], -1, &error));
      loadwise_backups_dialog_import_json (LOADWISE_BACKUPS_DIALOG (dialog), bad);
      g_assert_true (ui_test_wait_until (dialog_idle, dialog, JSON_WAIT_MS));
      refusal = ui_test_find_message_dialog ();
      g_assert_nonnull (refusal);
      g_assert_cmpstr (adw_message_dialog_get_heading (refusal), ==, "This File Cannot Be Imported");
      body = adw_message_dialog_get_body (refusal);
      g_assert_true (g_str_has_prefix (body, "“bad.json” cannot be imported: "));
      g_assert_true (g_str_has_suffix (body, "Nothing was changed."));
      if (i == 0)
        g_assert_nonnull (strstr (body, "runs[0]"));
      else
        g_assert_nonnull (strstr (body, "Not a JSON file"));
      g_assert_false (adw_message_dialog_has_response (refusal, "import"));
      adw_message_dialog_response (refusal, "close");
      gtk_window_destroy (GTK_WINDOW (refusal));

      after = data_on_disk (fixture->path);
      g_assert_cmpstr (after, ==, before);
    }
  g_assert_cmpuint (restored, ==, 0);
  g_assert_false (g_file_test (backups, G_FILE_TEST_EXISTS));
  ui_test_destroy (dialog);
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
  g_test_add ("/ui/backups-dialog/json-export-import", UiFixture, NULL,
              ui_fixture_setup, test_json_export_import, ui_fixture_teardown);
  g_test_add ("/ui/backups-dialog/json-corrupt", UiFixture, NULL,
              ui_fixture_setup, test_json_corrupt, ui_fixture_teardown);
  g_test_add_func ("/ui/backups-dialog/app-daily-backup", test_app_daily_backup);

  return g_test_run ();
}
