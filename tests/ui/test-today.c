/* test-today.c: the Today page against a programme made through the store
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>

#include "core/loadwise-red-flags.h"
#include "loadwise-test-util.h"
#include "ui-test-util.h"
#include "ui/loadwise-checkin-card.h"
#include "ui/loadwise-exercise-card.h"
#include "ui/loadwise-flare-panel.h"
#include "ui/loadwise-pain-scale.h"
#include "ui/loadwise-runs-page.h"
#include "ui/loadwise-today-page.h"
#include "ui/loadwise-window.h"

static GtkWidget *
new_window (UiFixture *fixture)
{
  GtkWidget *window = GTK_WIDGET (loadwise_window_new (NULL, fixture->context));

  ui_test_show (window);
  return window;
}

static GtkWidget *
today_child (GtkWidget  *window,
             const char *name)
{
  GtkWidget *today = ui_test_find_type (window, LOADWISE_TYPE_TODAY_PAGE);
  GObject *child = gtk_widget_get_template_child (today, LOADWISE_TYPE_TODAY_PAGE, name);

  g_assert_nonnull (child);
  return GTK_WIDGET (child);
}

static const char *
today_state (GtkWidget *window)
{
  return loadwise_today_page_get_state (LOADWISE_TODAY_PAGE (ui_test_find_type (window,
                                                                                LOADWISE_TYPE_TODAY_PAGE)));
}

static void
test_session (UiFixture     *fixture,
              gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) sets = NULL;
  g_autoptr (GHashTable) pains = NULL;
  g_auto (LoadwiseSessionRecord) record = { 0 };
  GDate today = loadwise_test_date (2026, 11, 25);
  GtkWidget *window;
  GtkWidget *page;
  GtkWidget *bridge_card;
  GtkWidget *tick;
  const LoadwiseSetLog *log;
  AdwMessageDialog *dialog;

  /* Monday 23 November, Mon/Wed/Fri: Wednesday 25 is a week-1 session. */
  ui_fixture_add_programme (fixture, 2026, 11, 23, 1);
  window = new_window (fixture);
  page = ui_test_find_type (window, LOADWISE_TYPE_TODAY_PAGE);

  g_assert_cmpstr (loadwise_window_get_mode (LOADWISE_WINDOW (window)), ==, "main");
  g_assert_cmpstr (today_state (window), ==, "session");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (today_child (window, "date_label"))), ==,
                   "Wednesday 25 November");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (today_child (window, "week_label"))), ==,
                   "Week 1 of 8");

  /* One card per family, at level 1, named as in the catalogue. */
  for (guint family = 0; family < LOADWISE_N_FAMILIES; family++)
    {
      const LoadwiseExercise *exercise = loadwise_catalogue_lookup (fixture->catalogue, family, 1);
      GtkWidget *card = ui_test_find_named (page, exercise->id);
      GObject *name_label;

      g_assert_nonnull (card);
      g_assert_true (LOADWISE_IS_EXERCISE_CARD (card));
      name_label = gtk_widget_get_template_child (card, LOADWISE_TYPE_EXERCISE_CARD, "name_label");
      g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (name_label)), ==, exercise->name);
    }

  /* A tick writes its set log at once. */
  bridge_card = ui_test_find_named (page, loadwise_catalogue_lookup (fixture->catalogue,
                                                                     LOADWISE_FAMILY_BRIDGE, 1)->id);
  tick = ui_test_find_named (bridge_card, "set-none-1");
  g_assert_nonnull (tick);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (tick), TRUE);

  sets = loadwise_database_list_sets (fixture->database, &today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sets->len, ==, 1);
  log = g_ptr_array_index (sets, 0);
  g_assert_cmpstr (log->exercise_id, ==, gtk_widget_get_name (bridge_card));
  g_assert_cmpint (log->side, ==, LOADWISE_SIDE_NONE);
  g_assert_cmpuint (log->set_index, ==, 1);
  g_assert_true (log->done);
  /* The count follows from the database's "changed", before the next frame. */
  ui_test_flush ();
  /* Level 1: three families of two sets, none per side. */
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (today_child (window, "status_label"))), ==,
                   "In progress: 1 of 6 sets done");

  /* Pain for the exercise, unrated until a click on 4. */
  g_assert_cmpint (loadwise_pain_scale_get_value (LOADWISE_PAIN_SCALE (ui_test_find_named (bridge_card, "pain"))),
                   ==, LOADWISE_PAIN_NOT_RATED);
  g_signal_emit_by_name (loadwise_pain_scale_get_button (LOADWISE_PAIN_SCALE (ui_test_find_named (bridge_card, "pain")), 4),
                         "clicked");
  pains = loadwise_database_get_exercise_pains (fixture->database, &today, &error);
  g_assert_no_error (error);
  g_assert_cmpint (GPOINTER_TO_INT (g_hash_table_lookup (pains, gtk_widget_get_name (bridge_card))),
                   ==, 4 + 1);

  /* A note being typed survives another tick; Finish stores it. */
  gtk_editable_set_text (GTK_EDITABLE (today_child (window, "note_row")), "Felt steady");
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (ui_test_find_named (bridge_card, "set-none-0")), TRUE);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (ui_test_find_named (bridge_card, "set-none-0")), FALSE);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (today_child (window, "note_row"))), ==,
                   "Felt steady");
  /* Two exercises unrated, all three with sets unticked: Finish asks once,
   * in one dialog, and nothing is stored until the runner says so. */
  g_assert_true (gtk_widget_activate_action (page, "today.finish", NULL));
  dialog = ui_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Finish the Session?");
  g_assert_true (g_str_has_prefix (adw_message_dialog_get_body (dialog),
                                   "2 exercises have no pain rating. 3 exercises have sets not ticked."));
  adw_message_dialog_response (dialog, "cancel");
  /* As its button does: the response, then the dialog closes. */
  gtk_window_close (GTK_WINDOW (dialog));
  ui_test_flush ();
  loadwise_database_get_session (fixture->database, &today, &record, &error);
  g_assert_no_error (error);
  g_assert_cmpint (record.status, !=, LOADWISE_SESSION_STATUS_DONE);
  loadwise_session_record_clear (&record);
  g_assert_true (gtk_widget_activate_action (page, "today.finish", NULL));
  dialog = ui_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "finish");
  gtk_window_close (GTK_WINDOW (dialog));
  ui_test_flush ();
  g_assert_null (ui_test_find_message_dialog ());
  loadwise_database_get_session (fixture->database, &today, &record, &error);
  g_assert_no_error (error);
  g_assert_cmpint (record.status, ==, LOADWISE_SESSION_STATUS_DONE);
  g_assert_cmpstr (record.note, ==, "Felt steady");
  g_assert_true (g_str_has_prefix (gtk_label_get_label (GTK_LABEL (today_child (window, "status_label"))),
                                   "Done: 1 of 6 sets."));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (today_child (window, "finish_button"))), ==,
                   "_Save Note");

  ui_test_destroy (window);

  /* A new window on the same file shows the same state. */
  window = new_window (fixture);
  page = ui_test_find_type (window, LOADWISE_TYPE_TODAY_PAGE);
  bridge_card = ui_test_find_named (page, log->exercise_id);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (ui_test_find_named (bridge_card,
                                                                                      "set-none-1"))));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (ui_test_find_named (bridge_card,
                                                                                       "set-none-0"))));
  g_assert_cmpint (loadwise_pain_scale_get_value (LOADWISE_PAIN_SCALE (ui_test_find_named (bridge_card, "pain"))),
                   ==, 4);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (today_child (window, "note_row"))), ==,
                   "Felt steady");
  /* Done, and still editable: unticking writes "not done". */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (ui_test_find_named (bridge_card, "set-none-1")),
                                FALSE);
  g_clear_pointer (&sets, g_ptr_array_unref);
  sets = loadwise_database_list_sets (fixture->database, &today, &error);
  g_assert_no_error (error);
  /* Sets 0 and 1 of the bridge were each ticked once and unticked. */
  g_assert_cmpuint (sets->len, ==, 2);
  for (guint i = 0; i < sets->len; i++)
    g_assert_false (((LoadwiseSetLog *) g_ptr_array_index (sets, i))->done);

  ui_test_destroy (window);
}

static void
test_per_side (UiFixture     *fixture,
               gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) sets = NULL;
  GDate today = loadwise_test_date (2026, 11, 25);
  const LoadwiseExercise *exercise;
  GtkWidget *window;
  GtkWidget *card;
  const LoadwiseSetLog *log;

  /* Level 3: the single-leg family works each side on its own. */
  ui_fixture_add_programme (fixture, 2026, 11, 23, 3);
  exercise = loadwise_catalogue_lookup (fixture->catalogue, LOADWISE_FAMILY_SINGLE_LEG, 3);
  g_assert_cmpint (exercise->side_mode, ==, LOADWISE_SIDE_MODE_PER_SIDE);

  window = new_window (fixture);
  card = ui_test_find_named (window, exercise->id);
  g_assert_nonnull (card);
  g_assert_nonnull (ui_test_find_named (card, "set-left-0"));
  g_assert_nonnull (ui_test_find_named (card, "set-right-2"));
  g_assert_null (ui_test_find_named (card, "set-none-0"));

  /* Each tick says what it stands for to assistive technologies. */
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (ui_test_find_named (card, "set-right-2")),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Right, set 3 of 3 done");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (card), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       exercise->name);

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (ui_test_find_named (card, "set-right-2")), TRUE);
  sets = loadwise_database_list_sets (fixture->database, &today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sets->len, ==, 1);
  log = g_ptr_array_index (sets, 0);
  g_assert_cmpstr (log->exercise_id, ==, exercise->id);
  g_assert_cmpint (log->side, ==, LOADWISE_SIDE_RIGHT);
  g_assert_cmpuint (log->set_index, ==, 2);

  ui_test_destroy (window);
}

static void
test_skip (UiFixture     *fixture,
           gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_auto (LoadwiseSessionRecord) record = { 0 };
  GDate today = loadwise_test_date (2026, 11, 25);
  GtkWidget *window;

  ui_fixture_add_programme (fixture, 2026, 11, 23, 1);
  window = new_window (fixture);

  /* A reason the store would refuse is not written at all (issue 12). */
  gtk_widget_activate_action (ui_test_find_type (window, LOADWISE_TYPE_TODAY_PAGE),
                              "today.skip", "s", "ill\nand tired");
  ui_test_flush ();
  loadwise_database_get_session (fixture->database, &today, &record, &error);
  g_assert_no_error (error);
  g_assert_cmpint (record.status, ==, LOADWISE_SESSION_STATUS_NONE);
  loadwise_session_record_clear (&record);

  gtk_widget_activate_action (ui_test_find_type (window, LOADWISE_TYPE_TODAY_PAGE),
                              "today.skip", "s", " Travelling\u200b");
  ui_test_flush ();
  loadwise_database_get_session (fixture->database, &today, &record, &error);
  g_assert_no_error (error);
  g_assert_cmpint (record.status, ==, LOADWISE_SESSION_STATUS_SKIPPED);
  g_assert_cmpstr (record.skip_reason, ==, "Travelling");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (today_child (window, "status_label"))), ==,
                   "Skipped: Travelling");
  g_assert_false (gtk_widget_get_visible (today_child (window, "skip_button")));

  ui_test_destroy (window);
}

/* win.show-page, which Alt+1 .. Alt+4 activate, moves between the tabs and
 * ignores names that are not pages; the focus goes into the page shown. */
static void
test_show_page (UiFixture     *fixture,
                gconstpointer  data)
{
  GtkWidget *window;
  AdwViewStack *stack;

  ui_fixture_add_programme (fixture, 2026, 11, 23, 1);
  window = new_window (fixture);
  stack = ADW_VIEW_STACK (ui_test_find_type (window, ADW_TYPE_VIEW_STACK));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "today");

  g_assert_true (gtk_widget_activate_action (window, "win.show-page", "s", "runs"));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "runs");
  g_assert_nonnull (gtk_window_get_focus (GTK_WINDOW (window)));
  g_assert_true (gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (window)),
                                         loadwise_window_get_page (LOADWISE_WINDOW (window), "runs")));
  g_assert_true (gtk_widget_activate_action (window, "win.show-page", "s", "programme"));
  /* Its cells exist once it is laid out: the focus follows then. */
  ui_test_flush ();
  g_assert_true (gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (window)),
                                         loadwise_window_get_page (LOADWISE_WINDOW (window), "programme")));
  g_assert_true (gtk_widget_activate_action (window, "win.show-page", "s", "progress"));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "progress");
  g_assert_true (gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (window)),
                                         loadwise_window_get_page (LOADWISE_WINDOW (window), "progress")));
  g_assert_true (gtk_widget_activate_action (window, "win.show-page", "s", "no-such-page"));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "progress");
  g_assert_true (gtk_widget_activate_action (window, "win.show-page", "s", "today"));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "today");

  ui_test_destroy (window);
}

/* The action bound to @accel on @widget's class, or NULL. */
static const char *
bound_action (GtkWidget  *widget,
              const char *accel)
{
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (widget);
  g_autoptr (GtkShortcutTrigger) wanted = gtk_shortcut_trigger_parse_string (accel);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr (GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), wanted) &&
              GTK_IS_NAMED_ACTION (action))
            return gtk_named_action_get_action_name (GTK_NAMED_ACTION (action));
        }
    }
  return NULL;
}

/* Log a Run, Start Session and Check In from any page (issue 13), with
 * the keys the shortcuts window lists. */
static void
test_shortcuts (UiFixture     *fixture,
                gconstpointer  data)
{
  GtkWidget *window;
  GtkWidget *scale;
  GtkWidget *dialog;
  AdwViewStack *stack;

  ui_fixture_add_programme (fixture, 2026, 11, 23, 1);
  window = new_window (fixture);
  stack = ADW_VIEW_STACK (ui_test_find_type (window, ADW_TYPE_VIEW_STACK));
  g_assert_cmpstr (bound_action (window, "<Control>n"), ==, "win.log-run");
  g_assert_cmpstr (bound_action (window, "<Control>Return"), ==, "win.start-session");
  g_assert_cmpstr (bound_action (window, "<Control>m"), ==, "win.check-in");

  /* From Progress: the run dialog, over the Runs page. */
  g_assert_true (gtk_widget_activate_action (window, "win.show-page", "s", "progress"));
  g_assert_true (gtk_widget_activate_action (window, "win.log-run", NULL));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "runs");
  dialog = loadwise_runs_page_get_dialog (LOADWISE_RUNS_PAGE (loadwise_window_get_page (LOADWISE_WINDOW (window),
                                                                                      "runs")));
  g_assert_nonnull (dialog);
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* From Runs: Today, with the focus on the morning pain. */
  g_assert_true (gtk_widget_activate_action (window, "win.check-in", NULL));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "today");
  scale = ui_test_find_type (today_child (window, "checkin_box"), LOADWISE_TYPE_PAIN_SCALE);
  g_assert_nonnull (scale);
  g_assert_true (gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (window)), scale));

  ui_test_destroy (window);
}

/* Start-up (issue 13): the levels and the check-in, below the fold, are
 * built once the first frame is painted; asked for sooner (Ctrl+M), at
 * once. */
static void
test_below_fold_after_first_frame (UiFixture     *fixture,
                                   gconstpointer  data)
{
  GtkWidget *window;
  GtkWidget *today;
  GtkWidget *page;

  ui_fixture_add_programme (fixture, 2026, 11, 23, 1);
  window = GTK_WIDGET (loadwise_window_new (NULL, fixture->context));
  today = ui_test_find_type (window, LOADWISE_TYPE_TODAY_PAGE);
  g_assert_null (ui_test_find_type (today, LOADWISE_TYPE_CHECKIN_CARD));
  g_assert_null (ui_test_find_named (today, "week-levels"));

  ui_test_show (window);
  g_assert_nonnull (ui_test_find_type (today, LOADWISE_TYPE_CHECKIN_CARD));
  g_assert_nonnull (ui_test_find_named (today, "week-levels"));
  ui_test_destroy (window);

  /* A page never shown builds them when the check-in is asked for. */
  page = g_object_ref_sink (loadwise_today_page_new (fixture->context));
  g_assert_null (ui_test_find_type (page, LOADWISE_TYPE_CHECKIN_CARD));
  loadwise_today_page_focus_checkin (LOADWISE_TODAY_PAGE (page));
  g_assert_nonnull (ui_test_find_type (page, LOADWISE_TYPE_CHECKIN_CARD));
  g_object_unref (page);
}

static void
test_rest_day (UiFixture     *fixture,
               gconstpointer  data)
{
  GtkWidget *window;

  ui_fixture_add_programme (fixture, 2026, 11, 23, 1);
  /* Thursday: rest; the next session is Friday. */
  ui_fixture_set_today (fixture, 2026, 11, 26);
  window = new_window (fixture);

  g_assert_cmpstr (today_state (window), ==, "rest");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (today_child (window, "rest_label"))), ==,
                   "Next session: Friday 27 November");
  /* The rest day is said at the top, before the levels and the check-in
   * (issue 13), and the level rows are no Tab stops. */
  g_assert_cmpfloat (ui_test_top_of (window, today_child (window, "session_stack")), <,
                     ui_test_top_of (window, today_child (window, "week_box")));
  g_assert_cmpfloat (ui_test_top_of (window, today_child (window, "week_box")), <,
                     ui_test_top_of (window, today_child (window, "checkin_box")));
  g_assert_false (gtk_widget_get_focusable (ui_test_find_named (window, "decision-bridge")));
  /* With no flare, tip or run note, the panel keeps no gap above it. */
  g_assert_false (gtk_widget_get_visible (ui_test_find_type (window, LOADWISE_TYPE_FLARE_PANEL)));

  /* The day changes while the window is open: the clock's day-changed
   * rolls Today over, with nothing else asked of it. */
  ui_fixture_set_today (fixture, 2026, 11, 27);
  ui_test_flush ();
  g_assert_cmpstr (today_state (window), ==, "session");

  ui_test_destroy (window);
}

static void
test_before_start (UiFixture     *fixture,
                   gconstpointer  data)
{
  GtkWidget *window;

  ui_fixture_add_programme (fixture, 2026, 11, 30, 1);
  window = new_window (fixture);

  g_assert_cmpstr (today_state (window), ==, "before");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (today_child (window, "before_label"))), ==,
                   "Your programme starts on Monday 30 November.");

  ui_test_destroy (window);
}

static void
test_red_flag_banner (UiFixture     *fixture,
                      gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  GDate monday = loadwise_test_date (2026, 11, 23);
  GtkWidget *window;
  GtkWidget *page;
  GtkWidget *banner;

  ui_fixture_add_programme (fixture, 2026, 11, 23, 1);
  loadwise_database_save_red_flags (fixture->database, &monday, 0, &error);
  g_assert_no_error (error);

  window = new_window (fixture);
  page = ui_test_find_type (window, LOADWISE_TYPE_TODAY_PAGE);
  banner = today_child (window, "red_flag_box");
  g_assert_false (gtk_widget_get_visible (banner));

  /* A later screening with a yes shows it, with the advice. */
  gtk_widget_activate_action (page, "today.save-red-flags", "u", (guint32) LOADWISE_RED_FLAG_NERVE);
  ui_test_flush ();
  g_assert_true (gtk_widget_get_visible (banner));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (today_child (window, "advice_label"))), ==,
                   loadwise_red_flags_get_advice ());

  /* Answering again with no hides it: only the latest counts. */
  gtk_widget_activate_action (page, "today.save-red-flags", "u", (guint32) 0);
  ui_test_flush ();
  g_assert_false (gtk_widget_get_visible (banner));

  ui_test_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv))
    {
      ui_test_add_skip ("/ui/today/display");
      return g_test_run ();
    }

  g_test_add ("/ui/today/session", UiFixture, NULL,
              ui_fixture_setup, test_session, ui_fixture_teardown);
  g_test_add ("/ui/today/per-side", UiFixture, NULL,
              ui_fixture_setup, test_per_side, ui_fixture_teardown);
  g_test_add ("/ui/today/skip", UiFixture, NULL,
              ui_fixture_setup, test_skip, ui_fixture_teardown);
  g_test_add ("/ui/today/show-page", UiFixture, NULL,
              ui_fixture_setup, test_show_page, ui_fixture_teardown);
  g_test_add ("/ui/today/shortcuts", UiFixture, NULL,
              ui_fixture_setup, test_shortcuts, ui_fixture_teardown);
  g_test_add ("/ui/today/below-fold-after-first-frame", UiFixture, NULL,
              ui_fixture_setup, test_below_fold_after_first_frame, ui_fixture_teardown);
  g_test_add ("/ui/today/rest-day", UiFixture, NULL,
              ui_fixture_setup, test_rest_day, ui_fixture_teardown);
  g_test_add ("/ui/today/before-start", UiFixture, NULL,
              ui_fixture_setup, test_before_start, ui_fixture_teardown);
  g_test_add ("/ui/today/red-flag-banner", UiFixture, NULL,
              ui_fixture_setup, test_red_flag_banner, ui_fixture_teardown);

  return g_test_run ();
}
