/* test-import.c: runs from recorded files in the app (issue 14): a drop on
 * the Runs page opens the preview, which asks for the pain before it
 * writes; the rows on disk, the page that follows, a second drop of the
 * same file, a file that cannot be read, and the profile in the run dialog
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include <adwaita.h>

#include "loadwise-test-util.h"
#include "store/loadwise-database-runs.h"
#include "store/loadwise-sqlite-private.h"
#include "ui-test-util.h"
#include "ui/loadwise-elevation-profile.h"
#include "ui/loadwise-import-dialog.h"
#include "ui/loadwise-run-dialog.h"
#include "ui/loadwise-runs-page-private.h"
#include "ui/loadwise-window.h"

/* The run of the tests: 5 km from 07:30 UTC the day before the fixture's today. */
#define START      "2026-11-24T07:30:00Z"
#define LENGTH_M   5000.0

typedef struct {
  GtkWidget        *window;
  LoadwiseRunsPage *page;
} Shown;

/* The main window on the Runs page, as a runner sees it. */
static Shown
show_runs (UiFixture *fixture)
{
  Shown shown;
  GtkWidget *page;

  ui_fixture_add_programme (fixture, 2026, 11, 16, 1);
  shown.window = ui_test_show_window_on (fixture, "runs", &page);
  shown.page = LOADWISE_RUNS_PAGE (page);
  return shown;
}

static gboolean
preview_loaded (gpointer data)
{
  return !loadwise_import_dialog_is_loading (LOADWISE_IMPORT_DIALOG (data));
}

/* Drops @paths on the page as a file manager would: the drop target's
 * own "enter" and "drop"; returns the preview once it has read them. */
static LoadwiseImportDialog *
drop_files (Shown              *shown,
            const char *const  *paths)
{
  GtkDropTarget *target = loadwise_runs_page_get_drop_target (shown->page);
  g_autoptr (GSList) files = NULL;
  g_auto (GValue) value = G_VALUE_INIT;
  GdkDragAction action = 0;
  gboolean handled = FALSE;
  GtkWidget *dialog;

  for (guint i = 0; paths[i] != NULL; i++)
    files = g_slist_append (files, g_file_new_for_path (paths[i]));
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_list (files));
  g_slist_free_full (g_steal_pointer (&files), g_object_unref);

  g_assert_true (gtk_drop_target_get_formats (target) != NULL);
  g_assert_true (gdk_content_formats_contain_gtype (gtk_drop_target_get_formats (target), GDK_TYPE_FILE_LIST));
  /* The page shows where to drop while files are over it. */
  g_signal_emit_by_name (target, "enter", 20.0, 20.0, &action);
  g_assert_cmpint (action, ==, GDK_ACTION_COPY);
  g_assert_true (loadwise_runs_page_is_drop_shown (shown->page));
  g_signal_emit_by_name (target, "drop", &value, 20.0, 20.0, &handled);
  g_assert_true (handled);
  g_assert_false (loadwise_runs_page_is_drop_shown (shown->page));

  dialog = loadwise_runs_page_get_import_dialog (shown->page);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (shown->window));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  g_assert_true (ui_test_wait_until (preview_loaded, dialog, 30000));
  gtk_test_widget_wait_for_draw (dialog);
  return LOADWISE_IMPORT_DIALOG (dialog);
}

static GPtrArray *
stored_runs (UiFixture *fixture)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *runs = loadwise_database_list_runs (fixture->database, NULL, NULL, &error);

  g_assert_no_error (error);
  return runs;
}

static gboolean
no_preview (gpointer data)
{
  return loadwise_runs_page_get_import_dialog (LOADWISE_RUNS_PAGE (data)) == NULL;
}

/* As a click on the scale's button does. */
static void
rate (LoadwiseImportDialog *dialog,
      guint                 index,
      gboolean              after,
      int                   pain)
{
  LoadwisePainScale *scale = loadwise_import_dialog_get_pain_scale (dialog, index, after);

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (loadwise_pain_scale_get_button (scale, pain)), TRUE);
}

static const LoadwiseRunImportItem *
item_at (LoadwiseImportDialog *dialog,
         guint                 index)
{
  GPtrArray *items = loadwise_import_dialog_get_items (dialog);

  g_assert_nonnull (items);
  g_assert_cmpuint (index, <, items->len);
  return g_ptr_array_index (items, index);
}

static void
test_drop_and_import (UiFixture     *fixture,
                      gconstpointer  data)
{
  g_autofree char *path = ui_test_write_gpx (fixture->dir, "morning.gpx", START, LENGTH_M);
  const char *paths[] = { path, NULL };
  g_autoptr (GDateTime) start = g_date_time_new_from_iso8601 (START, NULL);
  g_autoptr (GPtrArray) runs = NULL;
  g_autoptr (GArray) profile = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *km = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *elevation = NULL;
  Shown shown = show_runs (fixture);
  LoadwiseImportDialog *dialog = drop_files (&shown, paths);
  const LoadwiseRunImportItem *item = item_at (dialog, 0);
  guint distance_m, descent_m, n_points;
  const LoadwiseRun *stored;
  GObject *listed;

  /* One new run, measured from the track. */
  g_assert_cmpuint (loadwise_import_dialog_get_items (dialog)->len, ==, 1);
  g_assert_cmpint (item->status, ==, LOADWISE_RUN_IMPORT_NEW);
  distance_m = item->run->distance_m;
  descent_m = item->run->descent_m;
  g_assert_cmpfloat (fabs (distance_m - LENGTH_M), <, LENGTH_M * 0.02);
  g_assert_cmpfloat (fabs (descent_m - UI_TEST_GPX_DESCENT_M), <=, UI_TEST_GPX_DESCENT_M * 0.15);

  /* The preview says so: distance, time, pace, climb and descent, factors, profile. */
  km = loadwise_format_km (distance_m);
  summary = g_strdup_printf ("%s km · ", km);
  g_assert_true (g_str_has_prefix (loadwise_import_dialog_get_summary (dialog, 0), summary));
  g_assert_nonnull (strstr (loadwise_import_dialog_get_summary (dialog, 0), " /km"));
  elevation = g_strdup_printf ("Climb %u m, descent %u m", item->run->climb_m, descent_m);
  g_assert_cmpstr (loadwise_import_dialog_get_elevation (dialog, 0), ==, elevation);
  g_assert_nonnull (loadwise_import_dialog_get_factors (dialog, 0));
  g_assert_nonnull (loadwise_import_dialog_get_profile (dialog, 0));
  g_assert_true (g_str_has_prefix (loadwise_elevation_profile_get_description (
                   LOADWISE_ELEVATION_PROFILE (loadwise_import_dialog_get_profile (dialog, 0))),
                                   "Steepest descent: "));
  g_assert_cmpstr (loadwise_import_dialog_get_date (dialog, 0), !=, "");

  /* Refused until the pain during the run is given: the button says what
   * is missing, the focus goes to its scale, nothing is written. */
  g_assert_cmpstr (loadwise_import_dialog_get_import_label (dialog), ==, "Add Pain for 1 Run");
  g_assert_false (loadwise_pain_scale_is_rated (loadwise_import_dialog_get_pain_scale (dialog, 0, FALSE)));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import-dialog.import", NULL);
  ui_test_flush ();
  runs = stored_runs (fixture);
  g_assert_cmpuint (runs->len, ==, 0);
  g_clear_pointer (&runs, g_ptr_array_unref);
  g_assert_true (gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (dialog)),
                                         GTK_WIDGET (loadwise_import_dialog_get_pain_scale (dialog, 0, FALSE))));

  /* What a track cannot know, with the run dialog's controls. */
  rate (dialog, 0, FALSE, 3);
  rate (dialog, 0, TRUE, 4);
  gtk_switch_set_active (loadwise_import_dialog_get_speed_switch (dialog, 0), TRUE);
  adw_combo_row_set_selected (loadwise_import_dialog_get_camber_row (dialog, 0), LOADWISE_CAMBER_RIGHT);
  adw_combo_row_set_selected (loadwise_import_dialog_get_surface_row (dialog, 0), LOADWISE_SURFACE_TRAIL);
  g_assert_cmpstr (loadwise_import_dialog_get_import_label (dialog), ==, "_Import 1 Run");
  n_points = item->profile->len;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import-dialog.import", NULL));
  g_assert_true (ui_test_wait_until (no_preview, shown.page, 5000));

  /* The rows on disk. */
  runs = stored_runs (fixture);
  g_assert_cmpuint (runs->len, ==, 1);
  stored = g_ptr_array_index (runs, 0);
  g_assert_cmpuint (stored->distance_m, ==, distance_m);
  g_assert_cmpuint (stored->descent_m, ==, descent_m);
  g_assert_cmpint (stored->started_at, ==, g_date_time_to_unix (start));
  g_assert_nonnull (stored->track_sha256);
  g_assert_cmpuint (strlen (stored->track_sha256), ==, 64);
  g_assert_cmpuint (stored->pain_during, ==, 3);
  g_assert_true (stored->has_pain_after);
  g_assert_cmpuint (stored->pain_after, ==, 4);
  g_assert_true (stored->speed);
  g_assert_cmpint (stored->camber, ==, LOADWISE_CAMBER_RIGHT);
  g_assert_cmpint (stored->surface, ==, LOADWISE_SURFACE_TRAIL);
  {
    GDate day = loadwise_test_date (2026, 11, 24);

    /* The run's date in the runner's time zone. */
    g_assert_cmpint (g_date_compare (&stored->date, &day), ==, 0);
  }
  profile = loadwise_database_get_run_profile (fixture->database, stored->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (profile->len, ==, n_points);
  g_assert_cmpuint (profile->len, >=, 2);

  /* The page shows it, without a page switch: it follows the write. */
  ui_test_flush ();
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (shown.page)));
  g_assert_cmpuint (g_list_model_get_n_items (loadwise_runs_page_get_runs (shown.page)), ==, 1);
  listed = g_list_model_get_item (loadwise_runs_page_get_runs (shown.page), 0);
  g_assert_cmpuint (((const LoadwiseRun *) loadwise_runs_page_item_get_run (listed))->descent_m, ==, descent_m);
  g_object_unref (listed);

  /* Editing it shows its profile. */
  gtk_widget_activate (loadwise_run_list_get_row (loadwise_runs_page_get_run_list (shown.page), 0));
  {
    LoadwiseRunDialog *edit = LOADWISE_RUN_DIALOG (loadwise_runs_page_get_dialog (shown.page));
    GtkWidget *shown_profile;

    g_assert_nonnull (edit);
    shown_profile = loadwise_run_dialog_get_profile (edit);
    g_assert_nonnull (shown_profile);
    g_assert_cmpuint (loadwise_elevation_profile_get_profile (LOADWISE_ELEVATION_PROFILE (shown_profile))->len,
                      ==, n_points);
    g_assert_true (g_str_has_prefix (loadwise_elevation_profile_get_description (
                     LOADWISE_ELEVATION_PROFILE (shown_profile)), "Steepest descent: "));
    gtk_window_destroy (GTK_WINDOW (edit));
  }

  /* The same file again: already there, nothing to import. */
  dialog = drop_files (&shown, paths);
  g_assert_cmpint (item_at (dialog, 0)->status, ==, LOADWISE_RUN_IMPORT_ALREADY_THERE);
  g_assert_cmpstr (loadwise_import_dialog_get_status (dialog, 0), ==, "Already there");
  g_assert_null (loadwise_import_dialog_get_pain_scale (dialog, 0, FALSE));
  g_assert_cmpstr (loadwise_import_dialog_get_import_label (dialog), ==, "Nothing to Import");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import-dialog.import", NULL);
  ui_test_flush ();
  g_clear_pointer (&runs, g_ptr_array_unref);
  runs = stored_runs (fixture);
  g_assert_cmpuint (runs->len, ==, 1);
  gtk_window_destroy (GTK_WINDOW (dialog));

  ui_test_destroy (shown.window);
}

/* A file that cannot be read says why, next to one that can. */
static void
test_bad_file (UiFixture     *fixture,
               gconstpointer  data)
{
  g_autofree char *bad = g_build_filename (fixture->dir, "broken.gpx", NULL);
  g_autofree char *good = ui_test_write_gpx (fixture->dir, "evening.gpx", START, LENGTH_M);
  const char *paths[] = { bad, good, NULL };
  g_autoptr (GPtrArray) runs = NULL;
  g_autoptr (GError) error = NULL;
  LoadwiseImportDialog *dialog;
  const LoadwiseRunImportItem *skipped;
  Shown shown;

  g_file_set_contents (bad, "<?xml version=\"1.0\"?><gpx version=\"1.1\"><trk><trkseg><trkpt lat=", -1, &error);
  g_assert_no_error (error);
  shown = show_runs (fixture);
  dialog = drop_files (&shown, paths);

  /* Skipped files last. */
  g_assert_cmpuint (loadwise_import_dialog_get_items (dialog)->len, ==, 2);
  g_assert_cmpint (item_at (dialog, 0)->status, ==, LOADWISE_RUN_IMPORT_NEW);
  skipped = item_at (dialog, 1);
  g_assert_cmpint (skipped->status, ==, LOADWISE_RUN_IMPORT_SKIPPED);
  g_assert_true (g_str_has_prefix (skipped->reason, "broken.gpx: "));
  g_assert_cmpstr (loadwise_import_dialog_get_status (dialog, 1), ==, "Not imported");
  g_assert_cmpstr (loadwise_import_dialog_get_reason (dialog, 1), ==, skipped->reason);
  g_assert_null (loadwise_import_dialog_get_pain_scale (dialog, 1, FALSE));

  /* The one that can be read is imported. */
  rate (dialog, 0, FALSE, 2);
  g_assert_cmpstr (loadwise_import_dialog_get_import_label (dialog), ==, "_Import 1 Run");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import-dialog.import", NULL));
  g_assert_true (ui_test_wait_until (no_preview, shown.page, 5000));
  runs = stored_runs (fixture);
  g_assert_cmpuint (runs->len, ==, 1);
  g_assert_cmpuint (((LoadwiseRun *) g_ptr_array_index (runs, 0))->pain_during, ==, 2);

  ui_test_destroy (shown.window);
}

static gboolean
nothing_pending (gpointer data)
{
  return loadwise_context_get_n_pending (LOADWISE_CONTEXT (data)) == 0;
}

/* Another program holds the write lock: the preview says it waits; when
 * the lock outlasts the retries, it says why it could not import, keeps
 * what was typed, and imports on the next try. */
static void
test_locked (UiFixture     *fixture,
             gconstpointer  data)
{
  g_autofree char *path = ui_test_write_gpx (fixture->dir, "locked.gpx", START, LENGTH_M);
  const char *paths[] = { path, NULL };
  g_autoptr (GPtrArray) runs = NULL;
  g_autoptr (LoadwiseDatabase) other = NULL;
  g_autoptr (GError) error = NULL;
  LoadwiseImportDialog *dialog;
  Shown shown = show_runs (fixture);

  dialog = drop_files (&shown, paths);
  rate (dialog, 0, FALSE, 1);

  other = loadwise_database_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_exec (loadwise_database_get_handle (other), "BEGIN IMMEDIATE", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import-dialog.import", NULL));
  g_assert_cmpuint (loadwise_context_get_n_pending (fixture->context), ==, 1);
  g_assert_true (g_str_has_prefix (loadwise_import_dialog_get_message (dialog),
                                   "Another program is using your data"));

  /* Given up after LOADWISE_CONTEXT_RETRY_FOR_MS: said in the dialog, and
   * nothing typed is lost. */
  g_assert_true (ui_test_wait_until (nothing_pending, fixture->context, LOADWISE_CONTEXT_RETRY_FOR_MS + 10000));
  ui_test_flush ();
  g_assert_true (loadwise_runs_page_get_import_dialog (shown.page) == GTK_WIDGET (dialog));
  g_assert_cmpstr (loadwise_import_dialog_get_message (dialog), !=, "");
  g_assert_false (g_str_has_prefix (loadwise_import_dialog_get_message (dialog),
                                    "Another program is using your data"));
  g_assert_cmpint (loadwise_pain_scale_get_value (loadwise_import_dialog_get_pain_scale (dialog, 0, FALSE)), ==, 1);
  g_assert_cmpstr (loadwise_import_dialog_get_import_label (dialog), ==, "_Import 1 Run");
  runs = stored_runs (fixture);
  g_assert_cmpuint (runs->len, ==, 0);
  g_clear_pointer (&runs, g_ptr_array_unref);

  g_assert_cmpint (sqlite3_exec (loadwise_database_get_handle (other), "ROLLBACK", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import-dialog.import", NULL));
  g_assert_true (ui_test_wait_until (no_preview, shown.page, 5000));
  runs = stored_runs (fixture);
  g_assert_cmpuint (runs->len, ==, 1);

  g_assert_finalize_object (g_steal_pointer (&other));
  ui_test_destroy (shown.window);
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv))
    {
      ui_test_add_skip ("/import/skipped");
      return g_test_run ();
    }

#define ADD(path, func) g_test_add (path, UiFixture, NULL, ui_fixture_setup, func, ui_fixture_teardown)
  ADD ("/import/drop-and-import", test_drop_and_import);
  ADD ("/import/bad-file", test_bad_file);
  ADD ("/import/locked", test_locked);
#undef ADD

  return g_test_run ();
}
