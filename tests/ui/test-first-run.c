/* test-first-run.c: set-up shown without a programme; red flags; start
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "core/loadwise-red-flags.h"
#include "loadwise-test-util.h"
#include "ui-test-util.h"
#include "ui/loadwise-red-flag-questions.h"
#include "ui/loadwise-setup-view.h"
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
setup_child (GtkWidget  *setup,
             const char *name)
{
  GObject *child = gtk_widget_get_template_child (setup, LOADWISE_TYPE_SETUP_VIEW, name);

  g_assert_nonnull (child);
  return GTK_WIDGET (child);
}

static void
assert_red_flags (UiFixture *fixture,
                  guint      expected_mask)
{
  g_autoptr (GError) error = NULL;
  GDate date;
  GDate today = loadwise_test_date (2026, 11, 25);
  guint mask = 0xff;
  gboolean found = FALSE;

  loadwise_database_get_red_flags (fixture->database, &date, &mask, &found, &error);
  g_assert_no_error (error);
  g_assert_true (found);
  g_assert_cmpint (g_date_compare (&date, &today), ==, 0);
  g_assert_cmpuint (mask, ==, expected_mask);
}

static void
test_defaults (UiFixture     *fixture,
               gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  GtkWidget *window = new_window (fixture);
  GtkWidget *setup = ui_test_find_type (window, LOADWISE_TYPE_SETUP_VIEW);
  GtkWidget *today;
  LoadwiseProgramme programme;
  GDate expected_start = loadwise_test_date (2026, 11, 25);
  guint levels[LOADWISE_N_FAMILIES];

  g_assert_cmpstr (loadwise_window_get_mode (LOADWISE_WINDOW (window)), ==, "setup");
  g_assert_cmpstr (loadwise_setup_view_get_page (LOADWISE_SETUP_VIEW (setup)), ==, "welcome");

  g_assert_true (gtk_widget_activate_action (setup, "setup.next", NULL));
  g_assert_cmpstr (loadwise_setup_view_get_page (LOADWISE_SETUP_VIEW (setup)), ==, "red-flags");

  /* Every answer defaults to no. */
  g_assert_cmpuint (loadwise_red_flag_questions_get_yes_mask (
                      LOADWISE_RED_FLAG_QUESTIONS (setup_child (setup, "questions"))), ==, 0);
  gtk_widget_activate_action (setup, "setup.answer-red-flags", NULL);
  g_assert_cmpstr (loadwise_setup_view_get_page (LOADWISE_SETUP_VIEW (setup)), ==, "programme");
  assert_red_flags (fixture, 0);

  /* Nothing is stored before Start. */
  g_assert_false (loadwise_database_get_programme (fixture->database, &programme, &error));
  g_assert_error (error, LOADWISE_DATABASE_ERROR, LOADWISE_DATABASE_ERROR_NO_PROGRAMME);
  g_clear_error (&error);

  gtk_widget_activate_action (setup, "setup.start", NULL);

  ui_test_flush ();

  g_assert_true (loadwise_database_get_programme (fixture->database, &programme, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_date_compare (&programme.start, &expected_start), ==, 0);
  g_assert_cmpuint (programme.weeks, ==, 8);
  g_assert_cmpuint (programme.training_days, ==, LOADWISE_TRAINING_DAYS_DEFAULT);
  g_assert_cmpuint (programme.safe_pain, ==, 3);
  g_assert_cmpuint (programme.max_pain, ==, 5);

  /* Morning pain 0: the ladders start at level 1. */
  loadwise_database_get_levels (fixture->database, 1, levels, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < LOADWISE_N_FAMILIES; i++)
    g_assert_cmpuint (levels[i], ==, 1);

  g_assert_cmpstr (loadwise_window_get_mode (LOADWISE_WINDOW (window)), ==, "main");
  today = ui_test_find_type (window, LOADWISE_TYPE_TODAY_PAGE);
  g_assert_nonnull (today);
  /* 2026-11-25 is a Wednesday: a session day. */
  g_assert_cmpstr (loadwise_today_page_get_state (LOADWISE_TODAY_PAGE (today)), ==, "session");

  ui_test_destroy (window);
}

/* The confirmation that "Continue Anyway" opens, or NULL. */
static AdwMessageDialog *
find_continue_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* transfer none */

  ui_test_flush ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) &&
          g_strcmp0 (gtk_widget_get_name (GTK_WIDGET (window)), "continue-anyway-dialog") == 0 &&
          gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static void
test_red_flag_yes (UiFixture     *fixture,
                   gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  GtkWidget *window = new_window (fixture);
  GtkWidget *setup = ui_test_find_type (window, LOADWISE_TYPE_SETUP_VIEW);
  GtkWidget *questions = setup_child (setup, "questions");
  GtkWidget *infection;
  LoadwiseProgramme programme;

  gtk_widget_activate_action (setup, "setup.next", NULL);

  /* One Tab stop per question: its switch, not the row and the switch. */
  g_assert_cmpuint (ui_test_count_tab_stops (questions), ==, LOADWISE_N_RED_FLAGS);

  /* Flip the switch itself, as the runner would. */
  infection = ui_test_find_named (questions, "infection");
  g_assert_nonnull (infection);
  gtk_switch_set_active (GTK_SWITCH (infection), TRUE);
  g_assert_cmpuint (loadwise_red_flag_questions_get_yes_mask (LOADWISE_RED_FLAG_QUESTIONS (questions)),
                    ==, LOADWISE_RED_FLAG_INFECTION);

  gtk_widget_activate_action (setup, "setup.answer-red-flags", NULL);
  g_assert_cmpstr (loadwise_setup_view_get_page (LOADWISE_SETUP_VIEW (setup)), ==, "advice");
  assert_red_flags (fixture, LOADWISE_RED_FLAG_INFECTION);
  /* A fever calls for care today: the advice says so (issue 12). */
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (setup_child (setup, "advice_label"))), ==,
                   loadwise_red_flags_get_advice_for (LOADWISE_RED_FLAG_INFECTION));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (setup_child (setup, "advice_label"))),
                            "needs care today"));

  gtk_widget_activate_action (setup, "setup.change-answers", NULL);
  g_assert_cmpstr (loadwise_setup_view_get_page (LOADWISE_SETUP_VIEW (setup)), ==, "red-flags");
  gtk_widget_activate_action (setup, "setup.answer-red-flags", NULL);
  g_assert_cmpstr (loadwise_setup_view_get_page (LOADWISE_SETUP_VIEW (setup)), ==, "advice");

  /* The runner decides, asked once more (issue 12): going back stays on
   * the advice; continuing reaches the programme page, and the programme
   * is not stored until Start. */
  for (guint pass = 0; pass < 2; pass++)
    {
      AdwMessageDialog *dialog;

      gtk_widget_activate_action (setup, "setup.continue-anyway", NULL);
      dialog = find_continue_dialog ();
      g_assert_nonnull (dialog);
      g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Continue Without Seeing a Clinician?");
      g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==,
                       loadwise_red_flags_get_advice_for (LOADWISE_RED_FLAG_INFECTION));
      g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "cancel");
      g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "continue"), ==,
                       ADW_RESPONSE_DESTRUCTIVE);
      /* Nothing moves until the dialog is answered. */
      g_assert_cmpstr (loadwise_setup_view_get_page (LOADWISE_SETUP_VIEW (setup)), ==, "advice");
      adw_message_dialog_response (dialog, pass == 0 ? "cancel" : "continue");
      gtk_window_destroy (GTK_WINDOW (dialog));
      ui_test_flush ();
      g_assert_cmpstr (loadwise_setup_view_get_page (LOADWISE_SETUP_VIEW (setup)), ==,
                       pass == 0 ? "advice" : "programme");
    }
  g_assert_false (loadwise_database_get_programme (fixture->database, &programme, &error));
  g_clear_error (&error);

  gtk_widget_activate_action (setup, "setup.start", NULL);

  ui_test_flush ();
  g_assert_cmpstr (loadwise_window_get_mode (LOADWISE_WINDOW (window)), ==, "main");
  /* Today shows the red-flag banner while the latest answer has a yes. */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (gtk_widget_get_template_child (
                   ui_test_find_type (window, LOADWISE_TYPE_TODAY_PAGE),
                   LOADWISE_TYPE_TODAY_PAGE, "red_flag_box"))));

  ui_test_destroy (window);
}

static void
test_high_morning_pain (UiFixture     *fixture,
                        gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  GtkWidget *window = new_window (fixture);
  GtkWidget *setup = ui_test_find_type (window, LOADWISE_TYPE_SETUP_VIEW);
  LoadwiseCheckin checkin;
  GDate today = loadwise_test_date (2026, 11, 25);
  gboolean found = FALSE;
  guint levels[LOADWISE_N_FAMILIES];

  gtk_widget_activate_action (setup, "setup.next", NULL);
  gtk_widget_activate_action (setup, "setup.answer-red-flags", NULL);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (setup_child (setup, "morning_spin")), 6);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (setup_child (setup, "side_dropdown")), 1);
  gtk_widget_activate_action (setup, "setup.start", NULL);
  ui_test_flush ();

  loadwise_database_get_checkin (fixture->database, &today, &checkin, &found, &error);
  g_assert_no_error (error);
  g_assert_true (found);
  g_assert_cmpuint (checkin.morning_pain, ==, 6);
  g_assert_cmpint (checkin.side, ==, LOADWISE_SIDE_RIGHT);

  /* PROGRAMME.md: level 0 when the starting morning pain is over 5. */
  loadwise_database_get_levels (fixture->database, 1, levels, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < LOADWISE_N_FAMILIES; i++)
    g_assert_cmpuint (levels[i], ==, 0);

  ui_test_destroy (window);
}

static void
test_invalid_choices (UiFixture     *fixture,
                      gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  GtkWidget *window = new_window (fixture);
  GtkWidget *setup = ui_test_find_type (window, LOADWISE_TYPE_SETUP_VIEW);
  GtkWidget *caption = setup_child (setup, "days_caption");
  GtkWidget *pain_caption = setup_child (setup, "pain_caption");
  LoadwiseProgramme programme;

  gtk_widget_activate_action (setup, "setup.next", NULL);
  gtk_widget_activate_action (setup, "setup.answer-red-flags", NULL);

  /* Four days: Start is refused and the caption says why. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (ui_test_find_named (setup, "day-sat")), TRUE);
  g_assert_true (gtk_widget_has_css_class (caption, "error"));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (caption)), "4 days"));
  gtk_widget_activate_action (setup, "setup.start", NULL);
  ui_test_flush ();
  g_assert_false (loadwise_database_get_programme (fixture->database, &programme, &error));
  g_clear_error (&error);
  g_assert_cmpstr (loadwise_window_get_mode (LOADWISE_WINDOW (window)), ==, "setup");

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (ui_test_find_named (setup, "day-sat")), FALSE);
  g_assert_false (gtk_widget_has_css_class (caption, "error"));

  /* The form offers only the pain-monitoring model's range (issue 12):
   * safe 0-5, maximum 1-7. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (setup_child (setup, "safe_spin")), 9);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (setup_child (setup, "safe_spin"))), ==, 5);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (setup_child (setup, "max_spin")), 10);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (setup_child (setup, "max_spin"))), ==, 7);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (setup_child (setup, "max_spin")), 5);

  /* Safe not below the maximum: refused with a message naming both fields. */
  g_assert_true (gtk_widget_get_visible (pain_caption));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (pain_caption)), ==,
                   "Maximum pain: 5 must be above Safe pain (5); use a safe threshold of 0-5 "
                   "and a maximum above it, up to 7");
  gtk_widget_activate_action (setup, "setup.start", NULL);
  ui_test_flush ();
  g_assert_false (loadwise_database_get_programme (fixture->database, &programme, &error));
  g_clear_error (&error);

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (setup_child (setup, "max_spin")), 7);
  g_assert_false (gtk_widget_get_visible (pain_caption));
  gtk_widget_activate_action (setup, "setup.start", NULL);
  ui_test_flush ();
  g_assert_true (loadwise_database_get_programme (fixture->database, &programme, &error));
  g_assert_cmpuint (programme.safe_pain, ==, 5);
  g_assert_cmpuint (programme.max_pain, ==, 7);

  ui_test_destroy (window);
}

static void
on_yes_mask_notify (GObject    *object,
                    GParamSpec *pspec,
                    guint      *count)
{
  (*count)++;
}

static void
test_questions (void)
{
  GtkWidget *questions = g_object_ref_sink (loadwise_red_flag_questions_new ());
  guint mask = LOADWISE_RED_FLAG_STRESS_FRACTURE | LOADWISE_RED_FLAG_NERVE;
  guint count = 0;

  g_signal_connect (questions, "notify::yes-mask", G_CALLBACK (on_yes_mask_notify), &count);

  loadwise_red_flag_questions_set_yes_mask (LOADWISE_RED_FLAG_QUESTIONS (questions), mask);
  g_assert_cmpuint (count, ==, 1);
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (ui_test_find_named (questions, "stress-fracture"))));
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (ui_test_find_named (questions, "nerve"))));
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (ui_test_find_named (questions, "injury"))));

  /* Setting the same answers again is no change. */
  loadwise_red_flag_questions_set_yes_mask (LOADWISE_RED_FLAG_QUESTIONS (questions), mask);
  g_assert_cmpuint (count, ==, 1);

  gtk_switch_set_active (GTK_SWITCH (ui_test_find_named (questions, "nerve")), FALSE);
  g_assert_cmpuint (count, ==, 2);
  g_assert_cmpuint (loadwise_red_flag_questions_get_yes_mask (LOADWISE_RED_FLAG_QUESTIONS (questions)),
                    ==, LOADWISE_RED_FLAG_STRESS_FRACTURE);

  g_assert_finalize_object (questions);
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv))
    {
      ui_test_add_skip ("/ui/first-run/display");
      return g_test_run ();
    }

  g_test_add_func ("/ui/first-run/questions", test_questions);
  g_test_add ("/ui/first-run/defaults", UiFixture, NULL,
              ui_fixture_setup, test_defaults, ui_fixture_teardown);
  g_test_add ("/ui/first-run/red-flag-yes", UiFixture, NULL,
              ui_fixture_setup, test_red_flag_yes, ui_fixture_teardown);
  g_test_add ("/ui/first-run/high-morning-pain", UiFixture, NULL,
              ui_fixture_setup, test_high_morning_pain, ui_fixture_teardown);
  g_test_add ("/ui/first-run/invalid-choices", UiFixture, NULL,
              ui_fixture_setup, test_invalid_choices, ui_fixture_teardown);

  return g_test_run ();
}
