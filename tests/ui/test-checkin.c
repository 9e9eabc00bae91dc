/* test-checkin.c: the morning check-in card
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "loadwise-test-util.h"
#include "ui-test-util.h"
#include "ui/loadwise-checkin-card.h"
#include "ui/loadwise-pain-scale.h"

typedef struct {
  GtkWidget *window;
  GtkWidget *card;
} CardWindow;

static CardWindow
new_card (UiFixture *fixture)
{
  CardWindow result;

  result.window = gtk_window_new ();
  result.card = loadwise_checkin_card_new (fixture->context);
  gtk_window_set_child (GTK_WINDOW (result.window), result.card);
  ui_test_show (result.window);
  return result;
}

static GtkWidget *
card_child (GtkWidget  *card,
            const char *name)
{
  GObject *child = gtk_widget_get_template_child (card, LOADWISE_TYPE_CHECKIN_CARD, name);

  g_assert_nonnull (child);
  return GTK_WIDGET (child);
}

static void
test_save (UiFixture     *fixture,
           gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  GDate today = loadwise_test_date (2026, 11, 25);
  LoadwiseCheckin checkin;
  gboolean found = TRUE;
  CardWindow ui = new_card (fixture);

  g_assert_false (loadwise_checkin_card_get_saved (LOADWISE_CHECKIN_CARD (ui.card)));
  /* Not rated yet (not 0): nothing to save and no side to ask about. */
  g_assert_cmpint (loadwise_pain_scale_get_value (LOADWISE_PAIN_SCALE (card_child (ui.card, "pain_scale"))),
                   ==, LOADWISE_PAIN_NOT_RATED);
  g_assert_false (gtk_widget_get_visible (card_child (ui.card, "side_row")));
  g_assert_false (gtk_widget_get_sensitive (card_child (ui.card, "save_button")));
  gtk_widget_activate_action (ui.card, "checkin.save", NULL);
  g_assert_true (loadwise_database_get_checkin (fixture->database, &today, &checkin, &found, &error));
  g_assert_no_error (error);
  g_assert_false (found);

  /* Tab stops: the scale (one), night pain's switch, the two habits'
   * check buttons; the side row is hidden. Save is off. */
  g_assert_cmpuint (ui_test_count_tab_stops (card_child (ui.card, "pain_scale")), ==, 1);
  g_assert_cmpuint (ui_test_count_tab_stops (ui.card), ==, 4);

  /* Rated as a runner does it: a click on 4. */
  g_signal_emit_by_name (loadwise_pain_scale_get_button (LOADWISE_PAIN_SCALE (card_child (ui.card, "pain_scale")), 4),
                         "clicked");
  g_assert_true (gtk_widget_get_sensitive (card_child (ui.card, "save_button")));
  g_assert_true (gtk_widget_get_visible (card_child (ui.card, "side_row")));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (card_child (ui.card, "side_dropdown")), 0);
  gtk_switch_set_active (GTK_SWITCH (card_child (ui.card, "night_switch")), TRUE);

  loadwise_database_get_checkin (fixture->database, &today, &checkin, &found, &error);
  g_assert_no_error (error);
  g_assert_false (found);

  g_assert_true (gtk_widget_activate_action (ui.card, "checkin.save", NULL));

  loadwise_database_get_checkin (fixture->database, &today, &checkin, &found, &error);
  g_assert_no_error (error);
  g_assert_true (found);
  g_assert_cmpuint (checkin.morning_pain, ==, 4);
  g_assert_cmpint (checkin.side, ==, LOADWISE_SIDE_LEFT);
  g_assert_true (checkin.night_pain);
  g_assert_true (loadwise_checkin_card_get_saved (LOADWISE_CHECKIN_CARD (ui.card)));
  g_assert_true (gtk_widget_get_visible (card_child (ui.card, "saved_box")));

  /* A change is not saved until Save. */
  loadwise_pain_scale_set_value (LOADWISE_PAIN_SCALE (card_child (ui.card, "pain_scale")), 0);
  g_assert_false (loadwise_checkin_card_get_saved (LOADWISE_CHECKIN_CARD (ui.card)));
  gtk_widget_activate_action (ui.card, "checkin.save", NULL);
  loadwise_database_get_checkin (fixture->database, &today, &checkin, &found, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (checkin.morning_pain, ==, 0);
  /* At pain 0 the side is ignored. */
  g_assert_cmpint (checkin.side, ==, LOADWISE_SIDE_NONE);

  ui_test_destroy (ui.window);
}

static void
test_shows_saved (UiFixture     *fixture,
                  gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  LoadwiseCheckin checkin = { 0 };
  CardWindow ui;

  checkin.date = loadwise_test_date (2026, 11, 25);
  checkin.morning_pain = 6;
  checkin.side = LOADWISE_SIDE_BOTH;
  checkin.night_pain = FALSE;
  loadwise_database_save_checkin (fixture->database, &checkin, &error);
  g_assert_no_error (error);

  ui = new_card (fixture);
  g_assert_true (loadwise_checkin_card_get_saved (LOADWISE_CHECKIN_CARD (ui.card)));
  g_assert_cmpint (loadwise_pain_scale_get_value (LOADWISE_PAIN_SCALE (card_child (ui.card, "pain_scale"))),
                   ==, 6);
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (card_child (ui.card, "side_dropdown"))),
                    ==, 2);
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (card_child (ui.card, "night_switch"))));

  /* Tomorrow nothing is saved yet: unrated, on yesterday's side. */
  ui_fixture_set_today (fixture, 2026, 11, 26);
  loadwise_checkin_card_reload (LOADWISE_CHECKIN_CARD (ui.card));
  g_assert_false (loadwise_checkin_card_get_saved (LOADWISE_CHECKIN_CARD (ui.card)));
  g_assert_cmpint (loadwise_pain_scale_get_value (LOADWISE_PAIN_SCALE (card_child (ui.card, "pain_scale"))),
                   ==, LOADWISE_PAIN_NOT_RATED);
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (card_child (ui.card, "side_dropdown"))),
                    ==, 2);

  ui_test_destroy (ui.window);
}

static void
save_morning (UiFixture    *fixture,
              int           day,
              guint         pain,
              LoadwiseSide  side)
{
  g_autoptr (GError) error = NULL;
  LoadwiseCheckin checkin = { 0 };

  checkin.date = loadwise_test_date (2026, 11, day);
  checkin.morning_pain = pain;
  checkin.side = side;
  g_assert_true (loadwise_database_save_checkin (fixture->database, &checkin, &error));
  g_assert_no_error (error);
}

/* Issue 13: six mornings on the right started the seventh at "Left". A
 * new morning starts at the side of the last painful one, unrated. */
static void
test_side_defaults_to_last (UiFixture     *fixture,
                            gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  GDate today = loadwise_test_date (2026, 11, 25);
  LoadwiseCheckin checkin;
  gboolean found = FALSE;
  CardWindow ui;

  for (int day = 18; day <= 23; day++)
    save_morning (fixture, day, 3, LOADWISE_SIDE_RIGHT);
  /* A morning without pain has no side: it does not reset the default. */
  save_morning (fixture, 24, 0, LOADWISE_SIDE_NONE);

  ui = new_card (fixture);
  g_assert_cmpint (loadwise_pain_scale_get_value (LOADWISE_PAIN_SCALE (card_child (ui.card, "pain_scale"))),
                   ==, LOADWISE_PAIN_NOT_RATED);
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (card_child (ui.card, "side_dropdown"))), ==, 1);
  /* Rated without touching the side: stored on the right. */
  g_signal_emit_by_name (loadwise_pain_scale_get_button (LOADWISE_PAIN_SCALE (card_child (ui.card, "pain_scale")), 2),
                         "clicked");
  g_assert_true (gtk_widget_get_visible (card_child (ui.card, "side_row")));
  g_assert_true (gtk_widget_activate_action (ui.card, "checkin.save", NULL));
  g_assert_true (loadwise_database_get_checkin (fixture->database, &today, &checkin, &found, &error));
  g_assert_no_error (error);
  g_assert_true (found);
  g_assert_cmpuint (checkin.morning_pain, ==, 2);
  g_assert_cmpint (checkin.side, ==, LOADWISE_SIDE_RIGHT);

  ui_test_destroy (ui.window);
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv))
    {
      ui_test_add_skip ("/ui/checkin/display");
      return g_test_run ();
    }

  g_test_add ("/ui/checkin/save", UiFixture, NULL,
              ui_fixture_setup, test_save, ui_fixture_teardown);
  g_test_add ("/ui/checkin/shows-saved", UiFixture, NULL,
              ui_fixture_setup, test_shows_saved, ui_fixture_teardown);
  g_test_add ("/ui/checkin/side-defaults-to-last", UiFixture, NULL,
              ui_fixture_setup, test_side_defaults_to_last, ui_fixture_teardown);

  return g_test_run ();
}
