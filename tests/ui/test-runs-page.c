/* test-runs-page.c: the Runs page and its dialog under a real display: add,
 * edit, delete and undo, validation as you type, shoes, patterns, and the
 * flare panel on Today
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <adwaita.h>

#include "loadwise-test-util.h"
#include "store/loadwise-database-runs.h"
#include "ui-test-util.h"
#include "ui/loadwise-checkin-card.h"
#include "ui/loadwise-flare-panel.h"
#include "ui/loadwise-pain-scale.h"
#include "ui/loadwise-run-dialog.h"
#include "ui/loadwise-runs-page.h"
#include "ui/loadwise-window.h"

typedef struct {
  GtkWidget        *window;
  LoadwiseRunsPage *page;
} Shown;

static Shown
show_page (UiFixture *fixture)
{
  Shown shown;

  shown.window = GTK_WIDGET (loadwise_window_new (NULL, fixture->context));
  ui_test_show (shown.window);
  /* Pages are made when first shown (issue 8): Runs is not yet. */
  g_assert_null (ui_test_find_type (shown.window, LOADWISE_TYPE_RUNS_PAGE));
  shown.page = LOADWISE_RUNS_PAGE (loadwise_window_get_page (LOADWISE_WINDOW (shown.window), "runs"));
  g_assert_nonnull (shown.page);
  g_assert_true (ui_test_find_type (shown.window, LOADWISE_TYPE_RUNS_PAGE) == GTK_WIDGET (shown.page));
  return shown;
}

static void
settle (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
set_field (LoadwiseRunDialog *dialog,
           LoadwiseRunField   field,
           const char        *text)
{
  gtk_editable_set_text (loadwise_run_dialog_get_field (dialog, field), text);
}

/* As a click on the calendar's day does. */
static void
pick_date (LoadwiseRunDialog *dialog,
           int                year,
           int                month,
           int                day)
{
  GtkCalendar *calendar = loadwise_run_dialog_get_calendar (dialog);
  g_autoptr (GDateTime) date = g_date_time_new_local (year, month, day, 12, 0, 0);

  gtk_calendar_select_day (calendar, date);
  g_signal_emit_by_name (calendar, "day-selected");
}

/* As a click on the scale's button does. */
static void
rate (LoadwiseRunDialog *dialog,
      gboolean           after,
      int                pain)
{
  LoadwisePainScale *scale = loadwise_run_dialog_get_pain_scale (dialog, after);

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (loadwise_pain_scale_get_button (scale, pain)), TRUE);
}

static gboolean
can_save (LoadwiseRunDialog *dialog)
{
  gboolean enabled = FALSE;

  enabled = gtk_widget_is_sensitive (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (dialog),
                                                                                 LOADWISE_TYPE_RUN_DIALOG,
                                                                                 "save_button")));
  return enabled;
}

static const LoadwiseRun *
run_at (LoadwiseRunsPage *page,
        guint             position)
{
  g_autoptr (GObject) item = g_list_model_get_item (loadwise_runs_page_get_runs (page), position);

  g_assert_nonnull (item);
  return loadwise_runs_page_item_get_run (item);
}

static guint
stored_runs (UiFixture *fixture)
{
  g_autoptr (GPtrArray) runs = loadwise_database_list_runs (fixture->database, NULL, NULL, NULL);

  return runs->len;
}

static LoadwiseRunDialog *
open_add_dialog (LoadwiseRunsPage *page)
{
  GtkWidget *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "runs.add", NULL));
  dialog = loadwise_runs_page_get_dialog (page);
  g_assert_nonnull (dialog);
  gtk_test_widget_wait_for_draw (dialog);
  return LOADWISE_RUN_DIALOG (dialog);
}

/* Adding a run: each field checked as typed, the message under it. */
static void
test_add (UiFixture     *fixture,
          gconstpointer  data)
{
  Shown shown = show_page (fixture);
  LoadwiseRunDialog *dialog = open_add_dialog (shown.page);
  const LoadwiseRun *run;
  gint64 shoe_id = 0;
  double below_before;

  /* A new run starts on today, with nothing wrong shown yet, and cannot be
   * saved before the distance and pain are given: the foot says so. */
  g_assert_cmpstr (gtk_menu_button_get_label (loadwise_run_dialog_get_date_button (dialog)), ==,
                   "25 November 2026");
  g_assert_cmpstr (loadwise_run_dialog_get_error (dialog, LOADWISE_RUN_FIELD_DISTANCE), ==, "");
  g_assert_false (can_save (dialog));
  g_assert_cmpstr (loadwise_run_dialog_get_problems (dialog), ==,
                   "Still needed: distance, pain during the run");
  g_assert_false (loadwise_pain_scale_is_rated (loadwise_run_dialog_get_pain_scale (dialog, FALSE)));

  below_before = ui_test_top_of (GTK_WIDGET (dialog),
                                 GTK_WIDGET (loadwise_run_dialog_get_field (dialog, LOADWISE_RUN_FIELD_DURATION)));
  set_field (dialog, LOADWISE_RUN_FIELD_DISTANCE, "450");
  g_assert_cmpstr (loadwise_run_dialog_get_error (dialog, LOADWISE_RUN_FIELD_DISTANCE), ==,
                   "Distance: 450 km is outside 0.01-400 km (under 400)");
  /* Shown without moving the rows below it: the next click lands where
   * the runner aimed (issue 13). */
  g_assert_cmpfloat (ui_test_top_of (GTK_WIDGET (dialog),
                                     GTK_WIDGET (loadwise_run_dialog_get_field (dialog, LOADWISE_RUN_FIELD_DURATION))),
                     ==, below_before);
  set_field (dialog, LOADWISE_RUN_FIELD_DISTANCE, "0");
  g_assert_cmpstr (loadwise_run_dialog_get_error (dialog, LOADWISE_RUN_FIELD_DISTANCE), ==,
                   "Distance: 0 km is outside 0.01-400 km (under 400)");
  /* The problem is at the foot too, after what is still needed. */
  g_assert_cmpstr (loadwise_run_dialog_get_problems (dialog), ==,
                   "Still needed: pain during the run\n"
                   "Distance: 0 km is outside 0.01-400 km (under 400)");
  set_field (dialog, LOADWISE_RUN_FIELD_DISTANCE, "8.4");
  g_assert_cmpstr (loadwise_run_dialog_get_error (dialog, LOADWISE_RUN_FIELD_DISTANCE), ==, "");
  g_assert_cmpstr (loadwise_run_dialog_get_problems (dialog), ==, "Still needed: pain during the run");

  set_field (dialog, LOADWISE_RUN_FIELD_DURATION, "45");
  g_assert_cmpstr (loadwise_run_dialog_get_error (dialog, LOADWISE_RUN_FIELD_DURATION), ==,
                   "Time: 45 is not a duration (use MM:SS or H:MM:SS)");
  set_field (dialog, LOADWISE_RUN_FIELD_DURATION, "45:00");
  g_assert_cmpstr (loadwise_run_dialog_get_error (dialog, LOADWISE_RUN_FIELD_DURATION), ==, "");

  g_assert_false (can_save (dialog));
  rate (dialog, FALSE, 2);
  g_assert_cmpstr (loadwise_run_dialog_get_problems (dialog), ==, "");
  g_assert_true (can_save (dialog));
  rate (dialog, TRUE, 4);
  set_field (dialog, LOADWISE_RUN_FIELD_DESCENT, "310");
  /* The calendar can show tomorrow; the dialog refuses it. */
  pick_date (dialog, 2026, 11, 26);
  g_assert_cmpstr (loadwise_run_dialog_get_date_error (dialog), ==, "Date: 26 November 2026 is in the future (today is 25 November 2026)");
  g_assert_cmpstr (loadwise_run_dialog_get_problems (dialog), ==, "Date: 26 November 2026 is in the future (today is 25 November 2026)");
  g_assert_false (can_save (dialog));
  pick_date (dialog, 2026, 11, 24);
  g_assert_cmpstr (loadwise_run_dialog_get_date_error (dialog), ==, "");
  g_assert_cmpstr (gtk_menu_button_get_label (loadwise_run_dialog_get_date_button (dialog)), ==,
                   "24 November 2026");
  gtk_switch_set_active (loadwise_run_dialog_get_speed_switch (dialog), TRUE);
  adw_combo_row_set_selected (loadwise_run_dialog_get_camber_row (dialog), LOADWISE_CAMBER_RIGHT);
  adw_combo_row_set_selected (loadwise_run_dialog_get_surface_row (dialog), LOADWISE_SURFACE_TRAIL);
  g_assert_true (can_save (dialog));
  g_assert_cmpuint (stored_runs (fixture), ==, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "run-dialog.save", NULL));
  settle ();
  g_assert_null (loadwise_runs_page_get_dialog (shown.page));

  g_assert_cmpuint (stored_runs (fixture), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (loadwise_runs_page_get_runs (shown.page)), ==, 1);
  run = run_at (shown.page, 0);
  g_assert_cmpuint (run->distance_m, ==, 8400);
  g_assert_cmpuint (run->duration_s, ==, 2700);
  g_assert_cmpuint (run->descent_m, ==, 310);
  g_assert_cmpuint (run->pain_during, ==, 2);
  g_assert_true (run->has_pain_after);
  g_assert_cmpuint (run->pain_after, ==, 4);
  g_assert_true (run->speed);
  g_assert_cmpint (run->camber, ==, LOADWISE_CAMBER_RIGHT);
  g_assert_cmpint (run->surface, ==, LOADWISE_SURFACE_TRAIL);
  g_assert_cmpint (run->shoe_id, ==, 0);
  /* Nothing to compare it with: no return-to-run note. */
  g_assert_cmpstr (loadwise_runs_page_get_note (shown.page), ==, "");

  /* Shoes: added from the page, offered in the dialog. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (shown.page), "runs.add-shoe", "s", "Pegasus 40"));
  /* The list follows from the context's "changed". */
  ui_test_flush ();
  g_assert_true (loadwise_database_find_shoe (fixture->database, "Pegasus 40", &shoe_id, NULL));
  dialog = open_add_dialog (shown.page);
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (loadwise_run_dialog_get_shoe_row (dialog))),
                    ==, 2);
  set_field (dialog, LOADWISE_RUN_FIELD_DISTANCE, "12");
  rate (dialog, FALSE, 1);
  adw_combo_row_set_selected (loadwise_run_dialog_get_shoe_row (dialog), 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "run-dialog.save", NULL));
  settle ();
  /* Newest first; 12 km after 8.4 km is more than 10% longer (Frandsen 2025). */
  run = run_at (shown.page, 0);
  g_assert_cmpuint (run->distance_m, ==, 12000);
  g_assert_cmpint (run->shoe_id, ==, shoe_id);
  g_assert_nonnull (strstr (loadwise_runs_page_get_note (shown.page), "42% longer than your longest run"));

  ui_test_destroy (shown.window);
}

static void
add_stored_run (UiFixture *fixture,
                int        day,
                guint      distance_m,
                guint      pain)
{
  g_autoptr (LoadwiseRun) run = loadwise_run_new ();
  g_autoptr (GError) error = NULL;

  run->date = loadwise_test_date (2026, 11, day);
  run->distance_m = distance_m;
  run->pain_during = pain;
  g_assert_true (loadwise_database_add_run (fixture->database, run, &error));
  g_assert_no_error (error);
}

static void
test_edit (UiFixture     *fixture,
           gconstpointer  data)
{
  Shown shown;
  LoadwiseRunDialog *dialog;
  const LoadwiseRun *run;

  add_stored_run (fixture, 20, 8000, 2);
  add_stored_run (fixture, 22, 5000, 1);
  shown = show_page (fixture);
  g_assert_cmpuint (run_at (shown.page, 0)->distance_m, ==, 5000);

  /* Nothing selected: nothing to edit. */
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (shown.page), "runs.edit", NULL) &&
                  loadwise_runs_page_get_dialog (shown.page) != NULL);
  gtk_single_selection_set_selected (loadwise_runs_page_get_selection (shown.page), 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (shown.page), "runs.edit", NULL));
  dialog = LOADWISE_RUN_DIALOG (loadwise_runs_page_get_dialog (shown.page));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_menu_button_get_label (loadwise_run_dialog_get_date_button (dialog)), ==,
                   "20 November 2026");
  g_assert_cmpint (loadwise_pain_scale_get_value (loadwise_run_dialog_get_pain_scale (dialog, FALSE)), ==, 2);
  g_assert_false (loadwise_pain_scale_is_rated (loadwise_run_dialog_get_pain_scale (dialog, TRUE)));
  g_assert_cmpstr (gtk_editable_get_text (loadwise_run_dialog_get_field (dialog, LOADWISE_RUN_FIELD_DISTANCE)),
                   ==, "8");
  g_assert_true (can_save (dialog));

  set_field (dialog, LOADWISE_RUN_FIELD_DISTANCE, "9.5");
  set_field (dialog, LOADWISE_RUN_FIELD_CLIMB, "20000");
  g_assert_cmpstr (loadwise_run_dialog_get_error (dialog, LOADWISE_RUN_FIELD_CLIMB), ==,
                   "Climb: 20000 is outside 0-10000");
  /* Refused while wrong: nothing stored. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "run-dialog.save", NULL);
  settle ();
  g_assert_nonnull (loadwise_runs_page_get_dialog (shown.page));
  g_assert_cmpuint (run_at (shown.page, 1)->distance_m, ==, 8000);

  set_field (dialog, LOADWISE_RUN_FIELD_CLIMB, "150");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "run-dialog.save", NULL));
  settle ();
  g_assert_cmpuint (stored_runs (fixture), ==, 2);
  run = run_at (shown.page, 1);
  g_assert_cmpuint (run->distance_m, ==, 9500);
  g_assert_cmpuint (run->climb_m, ==, 150);
  g_assert_cmpuint (run->pain_during, ==, 2);

  ui_test_destroy (shown.window);
}

/* Free text and metres (issue 12): the dialog and the page check text
 * as the store does, and an edit leaves a distance to the metre as it was. */
static void
test_text_and_metres (UiFixture     *fixture,
                      gconstpointer  data)
{
  g_autoptr (GPtrArray) shoes = NULL;
  g_autoptr (LoadwiseRun) stored = NULL;
  LoadwiseRunDialog *dialog;
  gint64 id;
  Shown shown;

  add_stored_run (fixture, 20, 8405, 2);
  shown = show_page (fixture);
  id = run_at (shown.page, 0)->id;

  gtk_single_selection_set_selected (loadwise_runs_page_get_selection (shown.page), 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (shown.page), "runs.edit", NULL));
  dialog = LOADWISE_RUN_DIALOG (loadwise_runs_page_get_dialog (shown.page));
  g_assert_cmpstr (gtk_editable_get_text (loadwise_run_dialog_get_field (dialog, LOADWISE_RUN_FIELD_DISTANCE)),
                   ==, "8.405");

  set_field (dialog, LOADWISE_RUN_FIELD_NOTE, "\033[31mred");
  g_assert_cmpstr (loadwise_run_dialog_get_error (dialog, LOADWISE_RUN_FIELD_NOTE), ==,
                   "Note: U+001B is a control character; only text, line breaks and tabs are allowed");
  g_assert_false (can_save (dialog));
  set_field (dialog, LOADWISE_RUN_FIELD_DISTANCE, "0.0005");
  g_assert_cmpstr (loadwise_run_dialog_get_error (dialog, LOADWISE_RUN_FIELD_DISTANCE), ==,
                   "Distance: 0.0005 km is outside 0.01-400 km (under 400)");
  set_field (dialog, LOADWISE_RUN_FIELD_DISTANCE, "8.405");
  set_field (dialog, LOADWISE_RUN_FIELD_NOTE, "  windy  ");
  g_assert_cmpstr (loadwise_run_dialog_get_error (dialog, LOADWISE_RUN_FIELD_NOTE), ==, "");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "run-dialog.save", NULL));
  settle ();
  stored = loadwise_database_get_run (fixture->database, id, NULL);
  g_assert_cmpuint (stored->distance_m, ==, 8405);
  g_assert_cmpstr (stored->note, ==, "windy");

  /* A pair's name of spaces or a zero-width space alone is not added. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (shown.page), "runs.add-shoe", "s", "   "));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (shown.page), "runs.add-shoe", "s", "\u200b"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (shown.page), "runs.add-shoe", "s", "\033[31mred"));
  ui_test_flush ();
  shoes = loadwise_database_list_shoes (fixture->database, NULL);
  g_assert_cmpuint (shoes->len, ==, 0);

  ui_test_destroy (shown.window);
}

static void
test_delete_and_undo (UiFixture     *fixture,
                      gconstpointer  data)
{
  Shown shown;
  const LoadwiseRun *run;

  add_stored_run (fixture, 20, 8000, 2);
  add_stored_run (fixture, 22, 5000, 1);
  shown = show_page (fixture);

  gtk_single_selection_set_selected (loadwise_runs_page_get_selection (shown.page), 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (shown.page), "runs.delete", NULL));
  /* The list follows from the context's "changed". */
  ui_test_flush ();
  g_assert_cmpuint (stored_runs (fixture), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (loadwise_runs_page_get_runs (shown.page)), ==, 1);
  g_assert_cmpuint (run_at (shown.page, 0)->distance_m, ==, 8000);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (shown.page), "runs.undo-delete", NULL));
  /* The list follows from the context's "changed". */
  ui_test_flush ();
  g_assert_cmpuint (stored_runs (fixture), ==, 2);
  run = run_at (shown.page, 0);
  g_assert_cmpuint (run->distance_m, ==, 5000);
  g_assert_cmpuint (run->pain_during, ==, 1);
  g_assert_cmpint (g_date_get_day (&run->date), ==, 22);
  /* Undo is used up. */
  gtk_widget_activate_action (GTK_WIDGET (shown.page), "runs.undo-delete", NULL);
  g_assert_cmpuint (stored_runs (fixture), ==, 2);

  ui_test_destroy (shown.window);
}

static void
test_patterns_and_narrow (UiFixture     *fixture,
                          gconstpointer  data)
{
  Shown shown;
  int minimum = 0;

  /* Descent goes with worse mornings: a finding for the pattern cards. */
  for (int i = 0; i < 8; i++)
    {
      g_autoptr (LoadwiseRun) run = loadwise_run_new ();
      LoadwiseCheckin checkin = { loadwise_test_date (2026, 11, 2 + i * 2), i % 2 ? 6 : 1,
                                  LOADWISE_SIDE_RIGHT, FALSE };

      run->date = loadwise_test_date (2026, 11, 1 + i * 2);
      run->distance_m = 8000;
      run->descent_m = i % 2 ? 400 : 0;
      run->pain_during = 2;
      g_assert_true (loadwise_database_add_run (fixture->database, run, NULL));
      g_assert_true (loadwise_database_save_checkin (fixture->database, &checkin, NULL));
    }
  shown = show_page (fixture);
  g_assert_cmpuint (loadwise_runs_page_get_n_patterns (shown.page), >=, 1);

  /* With runs listed, the page still fits a 360 px window (the whole
   * window, with every page, is test-application's). */
  gtk_widget_measure (GTK_WIDGET (shown.page), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);

  ui_test_destroy (shown.window);
}

/* Today: a suggested flare accepted, then ended by hand. */
static void
test_flare_panel (UiFixture     *fixture,
                  gconstpointer  data)
{
  GtkWidget *window;
  LoadwiseFlarePanel *panel;
  g_autofree char *text = NULL;
  g_auto (LoadwiseFlarePeriod) period = { 0 };
  gboolean found = FALSE;

  ui_fixture_add_programme (fixture, 2026, 11, 23, 2);
  /* A run that hurt 7 yesterday, above the maximum of 5. */
  add_stored_run (fixture, 24, 6000, 7);
  window = GTK_WIDGET (loadwise_window_new (NULL, fixture->context));
  ui_test_show (window);
  panel = LOADWISE_FLARE_PANEL (ui_test_find_type (window, LOADWISE_TYPE_FLARE_PANEL));
  g_assert_cmpstr (loadwise_flare_panel_get_state (panel), ==, "suggested");
  text = loadwise_flare_panel_get_text (panel);
  g_assert_nonnull (strstr (text, "A run hurt 7 out of 10"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "flare.accept", NULL));
  ui_test_flush ();
  g_assert_cmpstr (loadwise_flare_panel_get_state (panel), ==, "active");
  g_assert_true (loadwise_database_get_active_flare (fixture->database, &period, &found, NULL));
  g_assert_true (found);
  g_assert_true (period.suggested);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "flare.end", NULL));
  ui_test_flush ();
  g_assert_cmpstr (loadwise_flare_panel_get_state (panel), ==, "none");

  ui_test_destroy (window);
}

/* The check-in's optional compression habits land in the store, and a
 * logged morning pain brings the lateral-compression tip (Grimaldi 2015). */
static void
test_checkin_habits (UiFixture     *fixture,
                     gconstpointer  data)
{
  GtkWidget *window;
  GtkWidget *card;
  GtkWidget *scale;
  LoadwiseHabits habits;
  gboolean found = FALSE;
  GDate today = loadwise_test_date (2026, 11, 25);
  g_autofree char *text = NULL;

  ui_fixture_add_programme (fixture, 2026, 11, 23, 1);
  window = GTK_WIDGET (loadwise_window_new (NULL, fixture->context));
  ui_test_show (window);
  card = ui_test_find_type (window, LOADWISE_TYPE_CHECKIN_CARD);
  scale = GTK_WIDGET (gtk_widget_get_template_child (card, LOADWISE_TYPE_CHECKIN_CARD, "pain_scale"));
  loadwise_pain_scale_set_value (LOADWISE_PAIN_SCALE (scale), 3);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (gtk_widget_get_template_child (card, LOADWISE_TYPE_CHECKIN_CARD,
                                                                                "slept_check")), TRUE);
  g_assert_true (gtk_widget_activate_action (card, "checkin.save", NULL));

  g_assert_true (loadwise_database_get_habits (fixture->database, &today, &habits, &found, NULL));
  g_assert_true (found);
  g_assert_false (habits.crossed_legs);
  g_assert_true (habits.slept_on_side);

  /* Today follows the save by itself. */
  ui_test_flush ();
  text = loadwise_flare_panel_get_text (LOADWISE_FLARE_PANEL (ui_test_find_type (window, LOADWISE_TYPE_FLARE_PANEL)));
  g_assert_nonnull (strstr (text, "Easing Pressure on the Side of the Hip"));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (
    gtk_widget_get_template_child (card, LOADWISE_TYPE_CHECKIN_CARD, "slept_check"))));

  ui_test_destroy (window);
}

int
main (int    argc,
      char **argv)
{
  if (!ui_test_init (&argc, &argv))
    {
      ui_test_add_skip ("/runs-page/skipped");
      return g_test_run ();
    }

#define ADD(path, func) g_test_add (path, UiFixture, NULL, ui_fixture_setup, func, ui_fixture_teardown)
  ADD ("/runs-page/add", test_add);
  ADD ("/runs-page/edit", test_edit);
  ADD ("/runs-page/text-and-metres", test_text_and_metres);
  ADD ("/runs-page/delete-and-undo", test_delete_and_undo);
  ADD ("/runs-page/patterns-and-narrow", test_patterns_and_narrow);
  ADD ("/runs-page/flare-panel", test_flare_panel);
  ADD ("/runs-page/checkin-habits", test_checkin_habits);
#undef ADD

  return g_test_run ();
}
