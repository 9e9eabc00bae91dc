/* test-checkin.c: the morning check-in card
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "loadwise-test-util.h"
#include "ui-test-util.h"
#include "ui/loadwise-checkin-card.h"

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
  /* No pain: no side to ask about. */
  g_assert_false (gtk_widget_get_visible (card_child (ui.card, "side_row")));

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (card_child (ui.card, "pain_spin")), 4);
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
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (card_child (ui.card, "pain_spin")), 0);
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
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (card_child (ui.card, "pain_spin"))),
                   ==, 6);
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (card_child (ui.card, "side_dropdown"))),
                    ==, 2);
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (card_child (ui.card, "night_switch"))));

  /* Tomorrow nothing is saved yet. */
  ui_fixture_set_today (fixture, 2026, 11, 26);
  loadwise_checkin_card_reload (LOADWISE_CHECKIN_CARD (ui.card));
  g_assert_false (loadwise_checkin_card_get_saved (LOADWISE_CHECKIN_CARD (ui.card)));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (card_child (ui.card, "pain_spin"))),
                   ==, 0);

  ui_test_destroy (ui.window);
}

static void
test_pain_range (UiFixture     *fixture,
                 gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  GDate today = loadwise_test_date (2026, 11, 25);
  LoadwiseCheckin checkin;
  gboolean found = FALSE;
  CardWindow ui = new_card (fixture);
  GtkSpinButton *spin = GTK_SPIN_BUTTON (card_child (ui.card, "pain_spin"));

  /* The control itself keeps pain on the 0-10 scale. */
  gtk_spin_button_set_value (spin, 11);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, 10);
  gtk_spin_button_set_value (spin, -1);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, 0);

  gtk_editable_set_text (GTK_EDITABLE (spin), "12");
  gtk_spin_button_update (spin);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, 10);

  gtk_widget_activate_action (ui.card, "checkin.save", NULL);
  loadwise_database_get_checkin (fixture->database, &today, &checkin, &found, &error);
  g_assert_no_error (error);
  g_assert_true (found);
  g_assert_cmpuint (checkin.morning_pain, ==, 10);

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
  g_test_add ("/ui/checkin/pain-range", UiFixture, NULL,
              ui_fixture_setup, test_pain_range, ui_fixture_teardown);

  return g_test_run ();
}
