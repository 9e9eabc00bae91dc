/* test-refresh.c: pages follow the database and the clock by themselves
 *
 * Issue 11: a check-in brings the flare card at once, another program's
 * write shows in an open window, a new day rolls Today over, and a write
 * that meets another program's lock never freezes the window.
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>

#include "loadwise-test-util.h"
#include "store/loadwise-sqlite-private.h"
#include "ui-test-util.h"
#include "ui/loadwise-checkin-card.h"
#include "ui/loadwise-flare-panel.h"
#include "ui/loadwise-pain-scale.h"
#include "ui/loadwise-programme-page.h"
#include "ui/loadwise-progress-page.h"
#include "ui/loadwise-runs-page.h"
#include "ui/loadwise-today-page.h"
#include "ui/loadwise-window.h"

/* A bound on waiting for another connection's commit to be seen: far
 * above the watch's settling time, and never what the test measures. */
#define WAIT_BOUND_MS 10000

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

static GtkWidget *
card_child (GtkWidget  *card,
            const char *name)
{
  GObject *child = gtk_widget_get_template_child (card, LOADWISE_TYPE_CHECKIN_CARD, name);

  g_assert_nonnull (child);
  return GTK_WIDGET (child);
}

static void
save_checkin (UiFixture *fixture,
              int        day,
              guint      pain,
              gboolean   night)
{
  g_autoptr (GError) error = NULL;
  LoadwiseCheckin checkin = { 0 };

  checkin.date = loadwise_test_date (2026, 11, day);
  checkin.morning_pain = pain;
  checkin.side = pain > 0 ? LOADWISE_SIDE_LEFT : LOADWISE_SIDE_NONE;
  checkin.night_pain = night;
  g_assert_true (loadwise_database_save_checkin (fixture->database, &checkin, &error));
  g_assert_no_error (error);
}

/* Saving a check-in that meets a flare trigger (night pain that is new)
 * brings the flare card on Today, without a page switch. */
static void
test_checkin_brings_flare (UiFixture     *fixture,
                           gconstpointer  data)
{
  LoadwiseFlarePanel *panel;
  GtkWidget *window;
  GtkWidget *card;
  g_autofree char *text = NULL;

  ui_fixture_add_programme (fixture, 2026, 11, 23, 1);
  save_checkin (fixture, 23, 1, FALSE);
  save_checkin (fixture, 24, 1, FALSE);
  window = new_window (fixture);
  panel = LOADWISE_FLARE_PANEL (ui_test_find_type (window, LOADWISE_TYPE_FLARE_PANEL));
  card = ui_test_find_type (window, LOADWISE_TYPE_CHECKIN_CARD);
  g_assert_cmpstr (loadwise_flare_panel_get_state (panel), ==, "none");

  loadwise_pain_scale_set_value (LOADWISE_PAIN_SCALE (card_child (card, "pain_scale")), 2);
  gtk_switch_set_active (GTK_SWITCH (card_child (card, "night_switch")), TRUE);
  g_assert_true (gtk_widget_activate_action (card, "checkin.save", NULL));
  g_assert_true (loadwise_checkin_card_get_saved (LOADWISE_CHECKIN_CARD (card)));

  /* Before the next frame. */
  ui_test_flush ();
  g_assert_cmpstr (loadwise_flare_panel_get_state (panel), ==, "suggested");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (panel)));
  text = loadwise_flare_panel_get_text (panel);
  g_assert_nonnull (strstr (text, "A Flare-Up May Be Starting"));
  /* A flare day's status comes first: above the session, the levels and
   * the check-in it came from (issue 13). */
  g_assert_cmpfloat (ui_test_top_of (window, GTK_WIDGET (panel)), <,
                     ui_test_top_of (window, today_child (window, "session_stack")));
  g_assert_cmpfloat (ui_test_top_of (window, today_child (window, "session_stack")), <,
                     ui_test_top_of (window, today_child (window, "checkin_box")));
  /* The card shows what was saved. */
  g_assert_cmpint (loadwise_pain_scale_get_value (LOADWISE_PAIN_SCALE (card_child (card, "pain_scale"))), ==, 2);

  ui_test_destroy (window);
}

typedef struct {
  GtkWidget  *window;
  const char *status;
} StatusWait;

static gboolean
status_is (gpointer data)
{
  StatusWait *wait = data;

  return g_strcmp0 (gtk_label_get_label (GTK_LABEL (today_child (wait->window, "status_label"))),
                    wait->status) == 0;
}

/* Another program (the reminder service's Skip today, the CLI's
 * log-session) writes through its own connection: the open window shows
 * it by itself. */
static void
test_external_write (UiFixture     *fixture,
                     gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LoadwiseDatabase) other = NULL;
  GDate today = loadwise_test_date (2026, 11, 25);
  StatusWait wait;
  GtkWidget *window;

  ui_fixture_add_programme (fixture, 2026, 11, 23, 1);
  loadwise_database_watch (fixture->database);
  window = new_window (fixture);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (today_child (window, "status_label"))), ==,
                   "Tick each set as you finish it.");

  other = loadwise_database_open (fixture->path, &error);
  g_assert_no_error (error);
  loadwise_database_set_clock (other, fixture->clock);
  g_assert_true (loadwise_database_set_session_status (other, &today, LOADWISE_SESSION_STATUS_SKIPPED,
                                                       NULL, "From a notification", &error));
  g_assert_no_error (error);

  wait.window = window;
  wait.status = "Skipped: From a notification";
  g_assert_true (ui_test_wait_until (status_is, &wait, WAIT_BOUND_MS));
  g_assert_false (gtk_widget_get_visible (today_child (window, "skip_button")));

  /* Reopened by the other program: back to the ticks. */
  g_assert_true (loadwise_database_set_session_status (other, &today, LOADWISE_SESSION_STATUS_IN_PROGRESS,
                                                       NULL, NULL, &error));
  g_assert_no_error (error);
  wait.status = "In progress: 0 of 6 sets done";
  g_assert_true (ui_test_wait_until (status_is, &wait, WAIT_BOUND_MS));

  g_assert_finalize_object (g_steal_pointer (&other));
  ui_test_destroy (window);
}

/* loadwise-cli, a process of its own, logs today's session: the open
 * window shows it done. */
static void
test_cli_write (UiFixture     *fixture,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GSubprocessLauncher) launcher = NULL;
  g_autoptr (GSubprocess) cli = NULL;
  const char *cli_path = g_getenv ("LOADWISE_CLI");
  StatusWait wait;
  GtkWidget *window;

  if (cli_path == NULL)
    {
      g_test_skip ("LOADWISE_CLI is not set");
      return;
    }

  ui_fixture_add_programme (fixture, 2026, 11, 23, 1);
  loadwise_database_watch (fixture->database);
  window = new_window (fixture);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE);
  g_subprocess_launcher_setenv (launcher, "LOADWISE_DATA_DIR", fixture->dir, TRUE);
  cli = g_subprocess_launcher_spawn (launcher, &error, cli_path, "log-session", "--date=2026-11-25",
                                     "--completed=100", "--pain=1", NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_wait_check (cli, NULL, &error));
  g_assert_no_error (error);

  wait.window = window;
  wait.status = "Done: 6 of 6 sets. You can still change the ticks, pain and note.";
  g_assert_true (ui_test_wait_until (status_is, &wait, WAIT_BOUND_MS));

  ui_test_destroy (window);
}

/* The clock's day-changed rolls Today over: the date, the session and a
 * fresh check-in. */
static void
test_day_change (UiFixture     *fixture,
                 gconstpointer  data)
{
  GtkWidget *window;
  GtkWidget *card;

  ui_fixture_add_programme (fixture, 2026, 11, 23, 1);
  save_checkin (fixture, 25, 3, FALSE);
  window = new_window (fixture);
  card = ui_test_find_type (window, LOADWISE_TYPE_CHECKIN_CARD);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (today_child (window, "date_label"))), ==,
                   "Wednesday 25 November");
  g_assert_true (loadwise_checkin_card_get_saved (LOADWISE_CHECKIN_CARD (card)));

  /* Thursday is a rest day. */
  ui_fixture_set_today (fixture, 2026, 11, 26);
  ui_test_flush ();
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (today_child (window, "date_label"))), ==,
                   "Thursday 26 November");
  g_assert_cmpstr (loadwise_today_page_get_state (LOADWISE_TODAY_PAGE (ui_test_find_type (window, LOADWISE_TYPE_TODAY_PAGE))),
                   ==, "rest");
  g_assert_false (loadwise_checkin_card_get_saved (LOADWISE_CHECKIN_CARD (card)));
  g_assert_cmpint (loadwise_pain_scale_get_value (LOADWISE_PAIN_SCALE (card_child (card, "pain_scale"))), ==, LOADWISE_PAIN_NOT_RATED);

  /* The next week: Monday 30 November, week 2, decided by the store. */
  ui_fixture_set_today (fixture, 2026, 11, 30);
  ui_test_flush ();
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (today_child (window, "week_label"))), ==,
                   "Week 2 of 8");
  g_assert_cmpstr (loadwise_today_page_get_state (LOADWISE_TODAY_PAGE (ui_test_find_type (window, LOADWISE_TYPE_TODAY_PAGE))),
                   ==, "session");

  ui_test_destroy (window);
}

static gboolean
nothing_pending (gpointer data)
{
  return loadwise_context_get_n_pending (LOADWISE_CONTEXT (data)) == 0;
}

/* Another program holds the write lock (BEGIN IMMEDIATE): saving returns
 * to the main loop at once, keeps what was entered, and stands once the
 * lock is released. Ticks made meanwhile are written after it, in order. */
static void
test_locked (UiFixture     *fixture,
             gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LoadwiseDatabase) other = NULL;
  g_autoptr (GPtrArray) sets = NULL;
  GDate today = loadwise_test_date (2026, 11, 25);
  LoadwiseCheckin checkin;
  gboolean found = TRUE;
  GtkWidget *window;
  GtkWidget *card;
  GtkWidget *page;
  GtkWidget *tick;
  gint64 start;

  ui_fixture_add_programme (fixture, 2026, 11, 23, 1);
  window = new_window (fixture);
  page = ui_test_find_type (window, LOADWISE_TYPE_TODAY_PAGE);
  card = ui_test_find_type (window, LOADWISE_TYPE_CHECKIN_CARD);

  other = loadwise_database_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_exec (loadwise_database_get_handle (other), "BEGIN IMMEDIATE", NULL, NULL, NULL),
                   ==, SQLITE_OK);

  loadwise_pain_scale_set_value (LOADWISE_PAIN_SCALE (card_child (card, "pain_scale")), 4);
  start = g_get_monotonic_time ();
  g_assert_true (gtk_widget_activate_action (card, "checkin.save", NULL));
  /* Back well before the 5 s a blocking wait would take: the connection
   * waits 50 ms at most. A loose bound, so a busy machine passes. */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 2 * G_USEC_PER_SEC);
  g_assert_cmpuint (loadwise_context_get_n_pending (fixture->context), ==, 1);
  g_assert_false (loadwise_checkin_card_get_saved (LOADWISE_CHECKIN_CARD (card)));

  /* A tick waits behind it. */
  tick = ui_test_find_named (page, "set-none-0");
  g_assert_nonnull (tick);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (tick), TRUE);
  g_assert_cmpuint (loadwise_context_get_n_pending (fixture->context), ==, 2);

  /* Retries and refreshes meanwhile keep what was entered. */
  for (guint i = 0; i < 3; i++)
    {
      gtk_test_widget_wait_for_draw (window);
      ui_test_flush ();
    }
  g_assert_cmpint (loadwise_pain_scale_get_value (LOADWISE_PAIN_SCALE (card_child (card, "pain_scale"))), ==, 4);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (tick)));
  g_assert_true (loadwise_database_get_checkin (other, &today, &checkin, &found, &error));
  g_assert_false (found);

  g_assert_cmpint (sqlite3_exec (loadwise_database_get_handle (other), "ROLLBACK", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  g_assert_true (ui_test_wait_until (nothing_pending, fixture->context, WAIT_BOUND_MS));
  ui_test_flush ();

  g_assert_true (loadwise_database_get_checkin (fixture->database, &today, &checkin, &found, &error));
  g_assert_no_error (error);
  g_assert_true (found);
  g_assert_cmpuint (checkin.morning_pain, ==, 4);
  g_assert_true (loadwise_checkin_card_get_saved (LOADWISE_CHECKIN_CARD (card)));
  sets = loadwise_database_list_sets (fixture->database, &today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sets->len, ==, 1);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (today_child (window, "status_label"))), ==,
                   "In progress: 1 of 6 sets done");

  g_assert_finalize_object (g_steal_pointer (&other));
  ui_test_destroy (window);
}

/* Each page, alone in a window, gets news while shown and while hidden,
 * and is finalized with its window: no handler keeps it. */
static void
test_pages_finalize (UiFixture     *fixture,
                     gconstpointer  data)
{
  GtkWidget *(*page_new[]) (LoadwiseContext *) = {
    loadwise_today_page_new,
    loadwise_programme_page_new,
    loadwise_runs_page_new,
    loadwise_progress_page_new,
  };

  ui_fixture_add_programme (fixture, 2026, 11, 23, 1);
  for (guint i = 0; i < G_N_ELEMENTS (page_new); i++)
    {
      g_autoptr (GError) error = NULL;
      GtkWidget *window = gtk_window_new ();
      GtkWidget *stack = gtk_stack_new ();
      GtkWidget *page = page_new[i] (fixture->context);
      GtkWidget *other = gtk_label_new ("other");

      g_test_message ("page %u", i);
      gtk_stack_add_named (GTK_STACK (stack), page, "page");
      gtk_stack_add_named (GTK_STACK (stack), other, "other");
      gtk_window_set_child (GTK_WINDOW (window), stack);
      g_object_ref (page);
      ui_test_show (window);
      /* News while a control of the page has the keyboard focus. */
      gtk_widget_child_focus (page, GTK_DIR_TAB_FORWARD);

      g_assert_true (loadwise_database_set_setting (fixture->database, "test.refresh", "1", &error));
      g_assert_no_error (error);
      ui_test_flush ();
      gtk_stack_set_visible_child_name (GTK_STACK (stack), "other");
      save_checkin (fixture, 25, i, FALSE);
      ui_fixture_set_today (fixture, 2026, 11, 26 + i % 2);
      ui_test_flush ();
      gtk_stack_set_visible_child_name (GTK_STACK (stack), "page");
      gtk_widget_child_focus (page, GTK_DIR_TAB_FORWARD);
      gtk_widget_child_focus (page, GTK_DIR_TAB_FORWARD);
      ui_fixture_set_today (fixture, 2026, 11, 25);
      ui_test_flush ();
      gtk_test_widget_wait_for_draw (window);

      ui_test_destroy (window);
      g_assert_finalize_object (page);
      /* News after the page has gone reaches nothing. */
      save_checkin (fixture, 24, i, FALSE);
      ui_test_flush ();
    }
}

int
main (int argc, char **argv)
{
  if (!ui_test_init (&argc, &argv))
    {
      ui_test_add_skip ("/refresh/skipped");
      return g_test_run ();
    }

  g_test_add ("/refresh/checkin-brings-flare", UiFixture, NULL,
              ui_fixture_setup, test_checkin_brings_flare, ui_fixture_teardown);
  g_test_add ("/refresh/external-write", UiFixture, NULL,
              ui_fixture_setup, test_external_write, ui_fixture_teardown);
  g_test_add ("/refresh/cli-write", UiFixture, NULL,
              ui_fixture_setup, test_cli_write, ui_fixture_teardown);
  g_test_add ("/refresh/day-change", UiFixture, NULL,
              ui_fixture_setup, test_day_change, ui_fixture_teardown);
  g_test_add ("/refresh/locked", UiFixture, NULL,
              ui_fixture_setup, test_locked, ui_fixture_teardown);
  g_test_add ("/refresh/pages-finalize", UiFixture, NULL,
              ui_fixture_setup, test_pages_finalize, ui_fixture_teardown);

  return g_test_run ();
}
