/* test-preferences.c: programme settings from the preferences window
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "loadwise-test-util.h"
#include "ui-test-util.h"
#include "ui/loadwise-preferences-window-private.h"

static GtkWidget *
prefs_child (GtkWidget  *window,
             const char *name)
{
  GObject *child = gtk_widget_get_template_child (window, LOADWISE_TYPE_PREFERENCES_WINDOW, name);

  g_assert_nonnull (child);
  return GTK_WIDGET (child);
}

static void
get_programme (UiFixture         *fixture,
               LoadwiseProgramme *out_programme)
{
  g_autoptr (GError) error = NULL;

  loadwise_database_get_programme (fixture->database, out_programme, &error);
  g_assert_no_error (error);
}

static void
toggle_day (GtkWidget  *window,
            const char *name,
            gboolean    active)
{
  GtkWidget *button = ui_test_find_named (window, name);

  g_assert_nonnull (button);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), active);
}

static void
test_days (UiFixture     *fixture,
           gconstpointer  data)
{
  LoadwiseProgramme programme;
  GtkWidget *window;
  LoadwisePreferencesWindow *prefs;

  ui_fixture_add_programme (fixture, 2026, 11, 23, 1);
  /* @data: as the app makes it, writing through the context. */
  window = data != NULL ? loadwise_preferences_window_new_for_context (fixture->context)
                        : loadwise_preferences_window_new (fixture->database);
  prefs = LOADWISE_PREFERENCES_WINDOW (window);
  ui_test_show (window);

  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (ui_test_find_named (window, "day-mon"))));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (ui_test_find_named (window, "day-tue"))));

  /* Friday off: two days, allowed and stored at once. */
  toggle_day (window, "day-fri", FALSE);
  get_programme (fixture, &programme);
  g_assert_cmpuint (programme.training_days, ==,
                    LOADWISE_WEEKDAY_BIT (G_DATE_MONDAY) | LOADWISE_WEEKDAY_BIT (G_DATE_WEDNESDAY));
  g_assert_null (loadwise_preferences_window_get_last_message (prefs));

  /* Saturday on: three again. */
  toggle_day (window, "day-sat", TRUE);
  get_programme (fixture, &programme);
  g_assert_cmpuint (programme.training_days, ==,
                    LOADWISE_WEEKDAY_BIT (G_DATE_MONDAY) | LOADWISE_WEEKDAY_BIT (G_DATE_WEDNESDAY) |
                    LOADWISE_WEEKDAY_BIT (G_DATE_SATURDAY));

  /* A fourth day is refused, named in the message, and the toggle goes back. */
  toggle_day (window, "day-tue", TRUE);
  get_programme (fixture, &programme);
  g_assert_cmpuint (programme.training_days, ==,
                    LOADWISE_WEEKDAY_BIT (G_DATE_MONDAY) | LOADWISE_WEEKDAY_BIT (G_DATE_WEDNESDAY) |
                    LOADWISE_WEEKDAY_BIT (G_DATE_SATURDAY));
  g_assert_true (g_str_has_prefix (loadwise_preferences_window_get_last_message (prefs),
                                   "training-days:"));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (ui_test_find_named (window, "day-tue"))));

  /* Down to one day: refused too. */
  toggle_day (window, "day-mon", FALSE);
  toggle_day (window, "day-wed", FALSE);
  get_programme (fixture, &programme);
  g_assert_cmpuint (loadwise_weekdays_count (programme.training_days), ==, 2);

  ui_test_destroy (window);
}

static void
test_thresholds (UiFixture     *fixture,
                 gconstpointer  data)
{
  LoadwiseProgramme before;
  LoadwiseProgramme programme;
  GtkWidget *window;
  LoadwisePreferencesWindow *prefs;
  GtkSpinButton *safe;
  GtkSpinButton *max;

  ui_fixture_add_programme (fixture, 2026, 11, 23, 1);
  get_programme (fixture, &before);
  window = loadwise_preferences_window_new (fixture->database);
  prefs = LOADWISE_PREFERENCES_WINDOW (window);
  ui_test_show (window);
  safe = GTK_SPIN_BUTTON (prefs_child (window, "safe_spin"));
  max = GTK_SPIN_BUTTON (prefs_child (window, "max_spin"));

  g_assert_cmpint (gtk_spin_button_get_value_as_int (safe), ==, 3);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (max), ==, 5);

  /* Safe not below the maximum: refused, nothing stored, the control goes
   * back, and the message names the form's fields (issue 12). */
  gtk_spin_button_set_value (safe, 5);
  get_programme (fixture, &programme);
  g_assert_cmpuint (programme.safe_pain, ==, 3);
  g_assert_cmpuint (programme.max_pain, ==, 5);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (safe), ==, 3);
  g_assert_cmpstr (loadwise_preferences_window_get_last_message (prefs), ==,
                   "Maximum pain: 5 must be above Safe pain (5); use a safe threshold of 0-5 "
                   "and a maximum above it, up to 7");
  /* The controls offer only the model's range. */
  gtk_spin_button_set_value (max, 10);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (max), ==, 7);
  gtk_spin_button_set_value (safe, 9);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (safe), ==, 5);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (prefs_child (window, "weeks_spin")), 10);
  get_programme (fixture, &programme);
  g_assert_cmpuint (programme.safe_pain, ==, 5);
  g_assert_cmpuint (programme.max_pain, ==, 7);
  g_assert_cmpuint (programme.weeks, ==, 10);
  /* The rest of the programme is untouched. */
  g_assert_cmpint (g_date_compare (&programme.start, &before.start), ==, 0);
  g_assert_cmpuint (programme.training_days, ==, before.training_days);

  ui_test_destroy (window);
}

static void
test_no_programme (UiFixture     *fixture,
                   gconstpointer  data)
{
  GtkWidget *window = loadwise_preferences_window_new (fixture->database);

  ui_test_show (window);
  g_assert_false (gtk_widget_get_sensitive (prefs_child (window, "programme_group")));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (prefs_child (window, "folder_row"))),
                   ==, "Data folder");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (prefs_child (window, "folder_row"))),
                   ==, fixture->dir);

  ui_test_destroy (window);
}

static void
test_style (UiFixture     *fixture,
            gconstpointer  data)
{
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  GtkWidget *window = loadwise_preferences_window_new (fixture->database);
  AdwComboRow *row;

  ui_test_show (window);
  row = ADW_COMBO_ROW (prefs_child (window, "style_row"));
  g_settings_reset (settings, "color-scheme");
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 0);

  adw_combo_row_set_selected (row, 2);
  g_assert_cmpint (g_settings_get_enum (settings, "color-scheme"), ==, 2);
  adw_combo_row_set_selected (row, 1);
  g_assert_cmpint (g_settings_get_enum (settings, "color-scheme"), ==, 1);
  g_settings_reset (settings, "color-scheme");

  ui_test_destroy (window);
}

/* Spoken cues (issue 15): off by default; the switch is the setting;
 * greyed, with why, where there is no speech service. */
static void
test_spoken_cues (UiFixture     *fixture,
                  gconstpointer  data)
{
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *path = g_strdup (g_getenv ("PATH"));
  GtkWidget *window;
  GtkWidget *row;

  g_settings_reset (settings, "spoken-cues");
  window = loadwise_preferences_window_new (fixture->database);
  ui_test_show (window);
  row = GTK_WIDGET (prefs_child (window, "spoken_cues_row"));
  /* build-aux/dev installs speech-dispatcher. */
  g_assert_true (gtk_widget_get_sensitive (row));
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (prefs_child (window, "spoken_cues_switch"))));
  gtk_switch_set_active (GTK_SWITCH (prefs_child (window, "spoken_cues_switch")), TRUE);
  g_assert_true (g_settings_get_boolean (settings, "spoken-cues"));
  ui_test_destroy (window);

  g_setenv ("PATH", "/nonexistent", TRUE);
  window = loadwise_preferences_window_new (fixture->database);
  g_setenv ("PATH", path, TRUE);
  ui_test_show (window);
  row = GTK_WIDGET (prefs_child (window, "spoken_cues_row"));
  g_assert_false (gtk_widget_get_sensitive (row));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "No speech service is installed (speech-dispatcher)");
  g_settings_reset (settings, "spoken-cues");
  ui_test_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv))
    {
      ui_test_add_skip ("/ui/preferences/display");
      return g_test_run ();
    }

  g_test_add ("/ui/preferences/days", UiFixture, NULL,
              ui_fixture_setup, test_days, ui_fixture_teardown);
  g_test_add ("/ui/preferences/days-context", UiFixture, "context",
              ui_fixture_setup, test_days, ui_fixture_teardown);
  g_test_add ("/ui/preferences/thresholds", UiFixture, NULL,
              ui_fixture_setup, test_thresholds, ui_fixture_teardown);
  g_test_add ("/ui/preferences/no-programme", UiFixture, NULL,
              ui_fixture_setup, test_no_programme, ui_fixture_teardown);
  g_test_add ("/ui/preferences/style", UiFixture, NULL,
              ui_fixture_setup, test_style, ui_fixture_teardown);
  g_test_add ("/ui/preferences/spoken-cues", UiFixture, NULL,
              ui_fixture_setup, test_spoken_cues, ui_fixture_teardown);

  return g_test_run ();
}
