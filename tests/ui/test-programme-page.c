/* test-programme-page.c: the Programme page and Today's week card show the
 * stored decisions
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>

#include "loadwise-test-util.h"
#include "core/loadwise-run.h"
#include "store/loadwise-database-progression.h"
#include "store/loadwise-database-runs.h"
#include "ui-test-util.h"
#include "ui/loadwise-preferences-window.h"
#include "ui/loadwise-programme-page.h"
#include "ui/loadwise-today-page.h"
#include "ui/loadwise-week-card.h"
#include "ui/loadwise-window.h"

#define REGRESS_REASON "Bridge: down to level 1 — pain reached 6 during, above your maximum of 5"
#define PROGRESS_REASON "Bridge: up to level 2 — every set done, pain stayed at 2 or below, mornings settled"

/* Monday 2 November: the fixture's Wednesday 25 November is in week 4.
 * Weeks 2-4 were decided as a runner's would be. */
static void
add_history (UiFixture *fixture)
{
  g_autoptr (GError) error = NULL;
  LoadwiseWeekPlan plans[] = {
    { 2, LOADWISE_FAMILY_BRIDGE, 2, 0, 0, (char *) "progress", (char *) PROGRESS_REASON },
    { 2, LOADWISE_FAMILY_SINGLE_LEG, 1, 0, 0, (char *) "hold", (char *) "Single-leg: stays at level 1 — 70% of sets done, and moving up needs 80%" },
    { 2, LOADWISE_FAMILY_LATERAL, 2, 0, 0, (char *) "progress", (char *) "Lateral: up to level 2 — every set done" },
    { 3, LOADWISE_FAMILY_BRIDGE, 1, 0, 0, (char *) "regress", (char *) REGRESS_REASON },
    { 3, LOADWISE_FAMILY_SINGLE_LEG, 2, 0, 0, (char *) "progress", (char *) "Single-leg: up to level 2 — every set done" },
    { 3, LOADWISE_FAMILY_LATERAL, 2, 12, 0, (char *) "hold", (char *) "Lateral: stays at level 2 — pain reached 4 during" },
    { 4, LOADWISE_FAMILY_BRIDGE, 1, 0, 0, (char *) "hold", (char *) "Bridge: stays at level 1 — pain reached 4 during" },
    { 4, LOADWISE_FAMILY_SINGLE_LEG, 2, 0, 0, (char *) "hold", (char *) "Single-leg: stays at level 2 — pain reached 4 during" },
    { 4, LOADWISE_FAMILY_LATERAL, 3, 0, 0, (char *) "progress", (char *) "Lateral: up to level 3 — every set done" },
  };

  ui_fixture_add_programme (fixture, 2026, 11, 2, 1);
  g_assert_true (loadwise_database_save_week_plans (fixture->database, plans, G_N_ELEMENTS (plans),
                                                    &error));
  g_assert_no_error (error);
}

static GtkWidget *
show_page (UiFixture  *fixture,
           GtkWidget **out_page)
{
  GtkWidget *window = gtk_window_new ();

  *out_page = loadwise_programme_page_new (fixture->context);
  gtk_window_set_child (GTK_WINDOW (window), *out_page);
  gtk_window_set_default_size (GTK_WINDOW (window), 720, 900);
  ui_test_show (window);
  return window;
}

static GtkWidget *
cell (GtkWidget  *page,
      const char *name)
{
  GtkWidget *found = ui_test_find_named (page, name);

  g_assert_nonnull (found);
  return found;
}

static const char *
cell_level (GtkWidget *found)
{
  return gtk_label_get_label (GTK_LABEL (ui_test_find_type (found, GTK_TYPE_LABEL)));
}

static void
test_grid (UiFixture     *fixture,
           gconstpointer  data)
{
  GtkWidget *page;
  GtkWidget *window;
  GtkWidget *regress;
  GtkWidget *upcoming;
  GtkWidget *sessions;
  GtkWidget *today_row;
  g_autofree char *problem = NULL;
  g_autoptr (GtkCssProvider) css = NULL;
  int minimum = 0;

  /* The app's style sheet, as the application loads it. */
  css = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (css, RESOURCE_BASE "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  add_history (fixture);
  window = show_page (fixture, &page);

  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (ui_test_find_named (page, "summary-label"))), ==,
                   "Week 4 of 8 · Mon, Wed, Fri · safe pain 3, maximum pain 5");

  /* A stored decision: level, colour, and its reason as tooltip and
   * accessible description. */
  regress = cell (page, "cell-3-bridge");
  g_assert_cmpstr (cell_level (regress), ==, "Level 1");
  /* A Tab stop whose reason comes into view under the grid when chosen
   * (issue 13), not only in a tooltip. */
  g_assert_true (GTK_IS_BUTTON (regress));
  g_signal_emit_by_name (regress, "clicked");
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (gtk_widget_get_template_child (
                      page, LOADWISE_TYPE_PROGRAMME_PAGE, "legend_label"))), gtk_widget_get_tooltip_text (regress)));
  g_assert_true (gtk_widget_has_css_class (regress, "decision-regress"));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (regress), ==, REGRESS_REASON);
  problem = gtk_test_accessible_check_property (GTK_ACCESSIBLE (regress),
                                                GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, REGRESS_REASON);
  g_assert_null (problem);
  g_assert_true (gtk_widget_has_css_class (cell (page, "cell-2-bridge"), "decision-progress"));
  g_assert_true (gtk_widget_has_css_class (cell (page, "cell-2-single-leg"), "decision-hold"));
  g_assert_true (gtk_widget_has_css_class (cell (page, "cell-1-lateral"), "decision-start"));
  g_assert_cmpstr (cell_level (cell (page, "cell-4-lateral")), ==, "Level 3");

  /* The current week stands out; later weeks carry the levels, undecided. */
  g_assert_true (gtk_widget_has_css_class (cell (page, "cell-4-single-leg"), "current"));
  g_assert_false (gtk_widget_has_css_class (cell (page, "cell-3-single-leg"), "current"));
  upcoming = cell (page, "cell-5-lateral");
  g_assert_true (gtk_widget_has_css_class (upcoming, "upcoming"));
  g_assert_cmpstr (cell_level (upcoming), ==, "Level 3");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (upcoming), ==, "Decided when week 4 ends");
  g_assert_nonnull (ui_test_find_named (page, "cell-8-bridge"));
  g_assert_null (ui_test_find_named (page, "cell-9-bridge"));

  /* The coming sessions, with their dates. */
  sessions = ui_test_find_named (page, "sessions-list");
  today_row = ui_test_find_named (sessions, "session-2026-11-25");
  g_assert_nonnull (today_row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (today_row)), ==,
                   "Wednesday 25 November");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (today_row)), ==, "Week 4 · today");
  g_assert_nonnull (ui_test_find_named (sessions, "session-2026-11-27"));
  g_assert_nonnull (ui_test_find_named (sessions, "session-2026-12-04"));

  /* Phones and narrow tiles: the page fits 360 px. */
  gtk_widget_measure (page, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  gtk_style_context_remove_provider_for_display (gdk_display_get_default (),
                                                 GTK_STYLE_PROVIDER (css));
  g_assert_cmpint (minimum, <=, 360);

  ui_test_destroy (window);
}

/* Changing the days from the page stores them and leaves the
 * stored decisions as they were; a bad pair is refused with its reason. */
static void
test_settings (UiFixture     *fixture,
               gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) plans = NULL;
  LoadwiseProgramme programme;
  GtkWidget *page;
  GtkWidget *window;
  GtkWidget *status;

  add_history (fixture);
  window = show_page (fixture, &page);

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (ui_test_find_named (page, "day-mon")), FALSE);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (ui_test_find_named (page, "day-tue")), TRUE);
  g_assert_true (gtk_widget_activate_action (page, "programme.apply", NULL));
  ui_test_flush ();

  g_assert_true (loadwise_database_get_programme (fixture->database, &programme, &error));
  g_assert_cmpuint (programme.training_days, ==,
                    LOADWISE_WEEKDAY_BIT (G_DATE_TUESDAY) | LOADWISE_WEEKDAY_BIT (G_DATE_WEDNESDAY) |
                    LOADWISE_WEEKDAY_BIT (G_DATE_FRIDAY));
  /* The pain limits are Preferences' own: Apply keeps them. */
  g_assert_cmpuint (programme.safe_pain, ==, 3);
  g_assert_cmpuint (programme.max_pain, ==, 5);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (cell (page, "cell-3-bridge")), ==, REGRESS_REASON);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (ui_test_find_named (page, "summary-label"))), ==,
                   "Week 4 of 8 · Tue, Wed, Fri · safe pain 3, maximum pain 5");
  plans = loadwise_database_list_week_plans (fixture->database, &error);
  g_assert_cmpuint (plans->len, ==, 12);

  /* Four training days: refused, nothing stored. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (ui_test_find_named (page, "day-sat")), TRUE);
  g_assert_true (gtk_widget_activate_action (page, "programme.apply", NULL));
  ui_test_flush ();
  status = ui_test_find_named (page, "settings-status");
  g_assert_true (gtk_widget_has_css_class (status, "error"));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (status)), ==,
                   "training-days: choose 2 to 3 days from mon,tue,wed,thu,fri,sat,sun");
  g_assert_true (loadwise_database_get_programme (fixture->database, &programme, &error));
  g_assert_cmpuint (loadwise_weekdays_count (programme.training_days), ==, 3);

  ui_test_destroy (window);
}

/* The pain limits are set in Preferences only (issue 13): the page
 * shows them in Preferences' words and its button opens Preferences with
 * the focus on them; a change there shows here at once. */
static void
test_pain_limits_link (UiFixture     *fixture,
                       gconstpointer  data)
{
  GtkWidget *window;
  GtkWidget *page;
  GtkWidget *row;
  GtkWidget *button;
  GtkWidget *focus;
  GtkSpinButton *safe;
  GtkWindow *prefs = NULL;
  GList *toplevels;

  add_history (fixture);
  window = GTK_WIDGET (loadwise_window_new (NULL, fixture->context));
  ui_test_show (window);
  g_assert_true (gtk_widget_activate_action (window, "win.show-page", "s", "programme"));
  page = loadwise_window_get_page (LOADWISE_WINDOW (window), "programme");
  g_assert_null (ui_test_find_named (page, "safe-spin"));
  g_assert_null (ui_test_find_named (page, "max-spin"));

  row = ui_test_find_named (page, "pain-limits-row");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Pain limits");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Safe pain 3, maximum pain 5");
  button = ui_test_find_named (page, "pain-limits-button");
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "win.pain-limits");

  g_assert_true (gtk_widget_activate_action (button, "win.pain-limits", NULL));
  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (LOADWISE_IS_PREFERENCES_WINDOW (l->data))
      prefs = l->data;
  g_list_free (toplevels);
  g_assert_nonnull (prefs);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (prefs));
  safe = GTK_SPIN_BUTTON (gtk_widget_get_template_child (GTK_WIDGET (prefs), LOADWISE_TYPE_PREFERENCES_WINDOW,
                                                         "safe_spin"));
  focus = gtk_window_get_focus (prefs);
  g_assert_nonnull (focus);
  g_assert_true (focus == GTK_WIDGET (safe) || gtk_widget_is_ancestor (focus, GTK_WIDGET (safe)));

  /* Changed there, it applies at once, and the page follows. */
  gtk_spin_button_set_value (safe, 4);
  ui_test_flush ();
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Safe pain 4, maximum pain 5");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (ui_test_find_named (page, "summary-label"))), ==,
                   "Week 4 of 8 · Mon, Wed, Fri · safe pain 4, maximum pain 5");

  ui_test_destroy (GTK_WIDGET (prefs));
  ui_test_destroy (window);
}

/* Without a programme the page says what to do first. */
static void
test_empty (UiFixture     *fixture,
            gconstpointer  data)
{
  GtkWidget *page;
  GtkWidget *window = show_page (fixture, &page);
  GObject *empty = gtk_widget_get_template_child (page, LOADWISE_TYPE_PROGRAMME_PAGE, "empty_label");

  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (empty)));
  g_assert_null (ui_test_find_named (page, "cell-1-bridge"));
  ui_test_destroy (window);
}

/* Today shows this week's decision with a short why, and asks the
 * red-flag questions once a week until answered. */
static void
test_today_card (UiFixture     *fixture,
                 gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  GtkWidget *window;
  GtkWidget *card;
  GtkWidget *row;
  GtkWidget *recheck;
  GDate monday = loadwise_test_date (2026, 11, 23);
  GDate last_week = loadwise_test_date (2026, 11, 20);

  add_history (fixture);
  g_assert_true (loadwise_database_save_red_flags (fixture->database, &last_week, 0, &error));
  window = GTK_WIDGET (loadwise_window_new (NULL, fixture->context));
  ui_test_show (window);

  /* The Programme page sits next to Today, made when first shown (issue 8). */
  g_assert_null (ui_test_find_type (window, LOADWISE_TYPE_PROGRAMME_PAGE));
  g_assert_true (LOADWISE_IS_PROGRAMME_PAGE (loadwise_window_get_page (LOADWISE_WINDOW (window), "programme")));
  g_assert_nonnull (ui_test_find_type (window, LOADWISE_TYPE_PROGRAMME_PAGE));

  card = ui_test_find_named (window, "week-levels");
  g_assert_nonnull (card);
  g_assert_true (gtk_widget_get_visible (card));
  row = ui_test_find_named (card, "decision-lateral");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   "Lateral · level 3 · Up a level");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "every set done");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (row), ==, "Lateral: up to level 3 — every set done");

  /* Last answered on Friday of week 3: due again in week 4, said with the
   * day's status, above the session. */
  card = ui_test_find_named (window, "week-notes");
  g_assert_true (gtk_widget_get_visible (card));
  recheck = GTK_WIDGET (gtk_widget_get_template_child (card, LOADWISE_TYPE_WEEK_CARD, "recheck_box"));
  g_assert_true (gtk_widget_get_visible (recheck));
  g_assert_true (loadwise_database_save_red_flags (fixture->database, &monday, 0, &error));
  loadwise_today_page_reload (LOADWISE_TODAY_PAGE (ui_test_find_type (window,
                                                                      LOADWISE_TYPE_TODAY_PAGE)));
  g_assert_false (gtk_widget_get_visible (recheck));
  g_assert_false (gtk_widget_get_visible (card));

  ui_test_destroy (window);
}

/* Whether an image under @root shows a media-playback icon. */
static gboolean
has_media_icon (GtkWidget *root)
{
  if (GTK_IS_IMAGE (root) && gtk_image_get_icon_name (GTK_IMAGE (root)) != NULL &&
      g_str_has_prefix (gtk_image_get_icon_name (GTK_IMAGE (root)), "media-playback"))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_media_icon (child))
      return TRUE;
  return FALSE;
}

/* Weeks closed from real logs: the clinician prompt shows on both pages. */
static void
test_clinician_prompt (UiFixture     *fixture,
                       gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  GtkWidget *window;
  GtkWidget *card;
  GtkWidget *page;
  GtkWidget *label;

  /* Two weeks each with a morning at 6, over a baseline of 2: two regress
   * weeks in a row. */
  ui_fixture_add_programme (fixture, 2026, 11, 9, 2);
  for (int day = 2; day <= 22; day++)
    {
      LoadwiseCheckin checkin = { loadwise_test_date (2026, 11, day),
                                  day == 11 || day == 18 ? 6 : 2, LOADWISE_SIDE_LEFT, FALSE };

      g_assert_true (loadwise_database_save_checkin (fixture->database, &checkin, &error));
    }
  window = GTK_WIDGET (loadwise_window_new (NULL, fixture->context));
  ui_test_show (window);

  card = ui_test_find_named (window, "week-notes");
  label = GTK_WIDGET (gtk_widget_get_template_child (card, LOADWISE_TYPE_WEEK_CARD, "clinician_label"));
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_parent (gtk_widget_get_parent (label))));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (label)), "Two weeks in a row"));

  page = loadwise_window_get_page (LOADWISE_WINDOW (window), "programme");
  g_assert_true (page == ui_test_find_type (window, LOADWISE_TYPE_PROGRAMME_PAGE));
  loadwise_programme_page_reload (LOADWISE_PROGRAMME_PAGE (page));
  label = ui_test_find_named (page, "clinician-label");
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (label)), "programme carries on"));
  g_assert_true (gtk_widget_has_css_class (cell (page, "cell-3-bridge"), "decision-regress"));
  g_assert_cmpstr (cell_level (cell (page, "cell-3-bridge")), ==, "Level 0");

  /* No symbol borrowed from media controls, on either page, and the
   * legend names every decision (issue 13). */
  g_assert_false (has_media_icon (page));
  g_assert_false (has_media_icon (window));
  {
    GtkWidget *legend = ui_test_find_named (page, "legend");
    const char *names[] = { "Start", "Up a level", "Hold", "Down a level", "Maintain" };
    guint found = 0;

    g_assert_nonnull (legend);
    for (guint i = 0; i < G_N_ELEMENTS (names); i++)
      for (GtkWidget *child = gtk_widget_get_first_child (legend); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        {
          GtkWidget *name = ui_test_find_type (child, GTK_TYPE_LABEL);

          found += name != NULL && g_strcmp0 (gtk_label_get_label (GTK_LABEL (name)), names[i]) == 0;
        }
    g_assert_cmpuint (found, ==, G_N_ELEMENTS (names));
  }

  ui_test_destroy (window);
}

/* A long run logged ahead for Saturday: Friday's level 3 single-leg work
 * moves to Thursday, and the coming sessions say so. */
static void
test_placement_note (UiFixture     *fixture,
                     gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LoadwiseRun) run = loadwise_run_new ();
  GtkWidget *page;
  GtkWidget *window;
  GtkWidget *friday;
  GtkWidget *wednesday;

  /* Monday 23 November, every family at level 3; a long run on Saturday 28. */
  ui_fixture_add_programme (fixture, 2026, 11, 23, 3);
  run->date = loadwise_test_date (2026, 11, 28);
  run->distance_m = 21000;
  run->long_run = TRUE;
  run->pain_during = 1;
  g_assert_true (loadwise_database_add_run (fixture->database, run, &error));
  g_assert_no_error (error);

  window = show_page (fixture, &page);
  friday = ui_test_find_named (page, "session-2026-11-27");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (friday)), ==,
                   "Week 1 · Moved to Thursday 26 November: hard single-leg work the day before a long run "
                   "leaves the legs tired for it");
  wednesday = ui_test_find_named (page, "session-2026-11-25");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (wednesday)), ==, "Week 1 · today");

  ui_test_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv))
    {
      ui_test_add_skip ("/ui/programme-page/display");
      return g_test_run ();
    }

  g_test_add ("/ui/programme-page/grid", UiFixture, NULL,
              ui_fixture_setup, test_grid, ui_fixture_teardown);
  g_test_add ("/ui/programme-page/settings", UiFixture, NULL,
              ui_fixture_setup, test_settings, ui_fixture_teardown);
  g_test_add ("/ui/programme-page/pain-limits-link", UiFixture, NULL,
              ui_fixture_setup, test_pain_limits_link, ui_fixture_teardown);
  g_test_add ("/ui/programme-page/empty", UiFixture, NULL,
              ui_fixture_setup, test_empty, ui_fixture_teardown);
  g_test_add ("/ui/programme-page/today-card", UiFixture, NULL,
              ui_fixture_setup, test_today_card, ui_fixture_teardown);
  g_test_add ("/ui/programme-page/placement-note", UiFixture, NULL,
              ui_fixture_setup, test_placement_note, ui_fixture_teardown);
  g_test_add ("/ui/programme-page/clinician-prompt", UiFixture, NULL,
              ui_fixture_setup, test_clinician_prompt, ui_fixture_teardown);

  return g_test_run ();
}
