/* test-german.c: Today in German, from the catalogue built from po/de.po
 *
 * The test makes its own de_DE.UTF-8 locale with localedef in a temporary
 * folder (no root needed) and points LOCPATH at it, so it runs the same
 * on any machine with the Debian `locales` package, whatever locales are
 * generated there. Without localedef or the de_DE source it skips.
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "loadwise-test-util.h"
#include "ui-test-util.h"
#include "store/loadwise-database-runs.h"
#include "ui/loadwise-exercise-card.h"
#include "ui/loadwise-guided-session.h"
#include "ui/loadwise-run-dialog.h"
#include "ui/loadwise-runs-page.h"
#include "ui/loadwise-today-page.h"
#include "ui/loadwise-window.h"

/* The German msgstr of each string Today shows, next to its msgid: the
 * German must be on screen and the English must not. */
typedef struct {
  const char *english;
  const char *german;
} Pair;

static const Pair today_strings[] = {
  { "Week 1 of 8", "Woche 1 von 8" },
  { "Wednesday 25 November", "Mittwoch, 25. November" },
  { "Today’s Session", "Heutige Einheit" },
  { "Tick each set as you finish it.", "Haken Sie jeden Satz ab, sobald Sie ihn beendet haben." },
  { "S_tart Session", "Einheit _starten" },
  { "_Finish Session", "_Abschließen" },
  { "Morning Check-in", "Morgen-Check-in" },
};

/* The level-1 exercises of the catalogue, one per family. */
static const Pair level_1_names[LOADWISE_N_FAMILIES] = {
  [LOADWISE_FAMILY_BRIDGE] = { "Bridge", "Brücke" },
  [LOADWISE_FAMILY_SINGLE_LEG] = { "Sit-to-stand", "Aufstehen vom Stuhl" },
  [LOADWISE_FAMILY_LATERAL] = { "Side-steps", "Seitschritte" },
};

/* Set in main () before the tests run. */
static char *locale_root;     /* LOCPATH and the bound message folder */
static char *setup_failure;   /* why the German locale could not be made */

/* Every label's text below @root, visible or not: what a user could read. */
static void
collect_labels (GtkWidget *root,
                GPtrArray *texts)
{
  if (GTK_IS_LABEL (root))
    g_ptr_array_add (texts, (gpointer) gtk_label_get_label (GTK_LABEL (root)));

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, texts);
}

static gboolean
has_text (GPtrArray  *texts,
          const char *text)
{
  for (guint i = 0; i < texts->len; i++)
    if (g_strcmp0 (g_ptr_array_index (texts, i), text) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
has_text_in (GPtrArray  *texts,
             const char *text)
{
  for (guint i = 0; i < texts->len; i++)
    if (strstr (g_ptr_array_index (texts, i), text) != NULL)
      return TRUE;
  return FALSE;
}

static void
assert_german_not_english (GPtrArray  *texts,
                           const Pair *pair)
{
  if (!has_text (texts, pair->german))
    g_error ("Today shows no label “%s” (German for “%s”)", pair->german, pair->english);
  if (has_text (texts, pair->english))
    g_error ("Today still shows the English “%s”", pair->english);
}

static void
test_today (UiFixture     *fixture,
            gconstpointer  data)
{
  g_autoptr (GPtrArray) texts = g_ptr_array_new ();
  GtkWidget *window;
  GtkWidget *page;
  GObject *week_label;

  if (setup_failure != NULL)
    {
      g_test_fail_printf ("%s", setup_failure);
      return;
    }

  /* The process runs in the generated German locale. */
  g_assert_cmpstr (setlocale (LC_MESSAGES, NULL), ==, "de_DE.UTF-8");

  /* Monday 23 November, Mon/Wed/Fri: Wednesday 25 is a week-1 session. */
  ui_fixture_add_programme (fixture, 2026, 11, 23, 1);
  window = GTK_WIDGET (loadwise_window_new (NULL, fixture->context));
  ui_test_show (window);
  page = ui_test_find_type (window, LOADWISE_TYPE_TODAY_PAGE);
  g_assert_nonnull (page);
  g_assert_cmpstr (loadwise_today_page_get_state (LOADWISE_TODAY_PAGE (page)), ==, "session");

  week_label = gtk_widget_get_template_child (page, LOADWISE_TYPE_TODAY_PAGE, "week_label");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (week_label)), ==, "Woche 1 von 8");

  collect_labels (page, texts);
  for (guint i = 0; i < G_N_ELEMENTS (today_strings); i++)
    assert_german_not_english (texts, &today_strings[i]);

  /* The catalogue was read in German, and each card shows its name. */
  for (guint family = 0; family < LOADWISE_N_FAMILIES; family++)
    {
      const LoadwiseExercise *exercise = loadwise_catalogue_lookup (fixture->catalogue, family, 1);
      GtkWidget *card = ui_test_find_named (page, exercise->id);
      GObject *name_label;

      g_assert_cmpstr (exercise->name, ==, level_1_names[family].german);
      g_assert_nonnull (card);
      name_label = gtk_widget_get_template_child (card, LOADWISE_TYPE_EXERCISE_CARD, "name_label");
      g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (name_label)), ==, level_1_names[family].german);
      assert_german_not_english (texts, &level_1_names[family]);
    }

  /* Longer German labels still fit a 360 px window. */
  {
    int minimum = 0;

    gtk_widget_measure (window, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
    g_assert_cmpint (minimum, <=, 360);
  }

  ui_test_destroy (window);
}

/* A German runner types "8,4" and reads "8,4 km" (issue 13): the run
 * dialog reads the decimal comma, says what is wrong with the comma too,
 * and the list writes it back the same way. */
static void
test_runs (UiFixture     *fixture,
           gconstpointer  data)
{
  g_autoptr (GPtrArray) texts = g_ptr_array_new ();
  g_autoptr (GPtrArray) runs = NULL;
  GtkWidget *window;
  GtkWidget *page;
  LoadwiseRunDialog *dialog;
  GtkEditable *distance;
  const char *message;

  if (setup_failure != NULL)
    {
      g_test_fail_printf ("%s", setup_failure);
      return;
    }

  ui_fixture_add_programme (fixture, 2026, 11, 23, 1);
  window = GTK_WIDGET (loadwise_window_new (NULL, fixture->context));
  ui_test_show (window);
  page = loadwise_window_get_page (LOADWISE_WINDOW (window), "runs");
  g_assert_nonnull (page);
  g_assert_true (gtk_widget_activate_action (page, "runs.add", NULL));
  dialog = LOADWISE_RUN_DIALOG (loadwise_runs_page_get_dialog (LOADWISE_RUNS_PAGE (page)));
  g_assert_nonnull (dialog);
  distance = loadwise_run_dialog_get_field (dialog, LOADWISE_RUN_FIELD_DISTANCE);

  gtk_editable_set_text (distance, "acht");
  message = loadwise_run_dialog_get_error (dialog, LOADWISE_RUN_FIELD_DISTANCE);
  g_test_message ("%s", message);
  g_assert_nonnull (strstr (message, "eine Zahl wie 8,4, von 0,01 bis unter 400"));
  gtk_editable_set_text (distance, "8,4");
  g_assert_cmpstr (loadwise_run_dialog_get_error (dialog, LOADWISE_RUN_FIELD_DISTANCE), ==, "");
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (loadwise_pain_scale_get_button (
                                   loadwise_run_dialog_get_pain_scale (dialog, FALSE), 2)), TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "run-dialog.save", NULL));
  ui_test_flush ();

  runs = loadwise_database_list_runs (fixture->database, NULL, NULL, NULL);
  g_assert_cmpuint (runs->len, ==, 1);
  g_assert_cmpuint (((LoadwiseRun *) g_ptr_array_index (runs, 0))->distance_m, ==, 8400);
  /* The list's rows exist once the page is shown and drawn. */
  g_assert_true (gtk_widget_activate_action (window, "win.show-page", "s", "runs"));
  gtk_test_widget_wait_for_draw (page);
  collect_labels (page, texts);
  /* The row's title: the German date and the distance, "Mi 25.11.2026 · 8,4 km". */
  g_assert_true (has_text_in (texts, "25.11.2026 · 8,4 km"));
  g_assert_false (has_text_in (texts, "8.4 km"));

  ui_test_destroy (window);
}

/* The guided session's spoken cues in German (issue 15): the side, set
 * and dose, the count, switching sides and the rest. */
static void
test_cues (UiFixture     *fixture,
           gconstpointer  data)
{
  g_autoptr (UiTestCues) cues = g_object_new (UI_TEST_TYPE_CUES, NULL);
  g_autoptr (LoadwiseTicker) ticker = loadwise_ticker_new_manual ();
  g_autoptr (GError) error = NULL;
  g_autofree char *said = NULL;
  LoadwisePrescription prescription;
  GtkWidget *session;

  if (setup_failure != NULL)
    {
      g_test_fail_printf ("%s", setup_failure);
      return;
    }
  ui_fixture_add_programme (fixture, 2026, 11, 23, 3);
  g_assert_true (loadwise_guided_session_prescribe_today (fixture->context, &prescription, &error));
  session = loadwise_guided_session_new (fixture->context, &prescription, ticker);
  g_object_set (session, "cues", cues, NULL);
  ui_test_show (session);
  gtk_widget_activate_action (session, "session.confirm", NULL);
  for (guint r = 0; r < 8; r++)
    gtk_widget_activate_action (session, "session.count", NULL);
  gtk_widget_activate_action (session, "session.confirm", NULL);
  said = ui_test_cues_take_said (cues);
  g_assert_cmpstr (said, ==,
                   "Linke Seite. Satz 1 von 3. 8 Wiederholungen | 1 | 2 | 3 | 4 | 5 | 6 | 7 | "
                   "Wechsel zur rechten Seite. Satz 1 von 3. 8 Wiederholungen | Pause, 60 Sekunden");
  g_object_ref (session);
  gtk_widget_activate_action (session, "session.leave", NULL);
  ui_test_flush ();
  g_assert_finalize_object (session);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GError) error = NULL;
  int result;

  locale_root = g_dir_make_tmp ("loadwise-german-XXXXXX", &error);
  g_assert_no_error (error);

  if (!ui_test_init (&argc, &argv))
    {
      ui_test_add_skip ("/ui/german/display");
      result = g_test_run ();
      loadwise_test_rm_rf (locale_root);
      g_free (locale_root);
      return result;
    }

  /* gtk_test_init () sets the C locale on purpose, so the German one is
   * chosen here, as main () does in the app, before any widget exists. */
  if (loadwise_test_make_german (locale_root, &setup_failure))
    {
      g_setenv ("LOCPATH", locale_root, TRUE);
      g_setenv ("LC_ALL", "de_DE.UTF-8", TRUE);
      g_setenv ("LANGUAGE", "de", TRUE);
      if (setlocale (LC_ALL, "") == NULL)
        setup_failure = g_strdup_printf ("setlocale () refused de_DE.UTF-8 from %s", locale_root);
      bindtextdomain (GETTEXT_PACKAGE, locale_root);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      /* The templates' translatable strings use the default domain. */
      textdomain (GETTEXT_PACKAGE);
    }

  g_test_add ("/ui/german/today", UiFixture, NULL,
              ui_fixture_setup, test_today, ui_fixture_teardown);
  g_test_add ("/ui/german/runs", UiFixture, NULL,
              ui_fixture_setup, test_runs, ui_fixture_teardown);
  g_test_add ("/ui/german/cues", UiFixture, NULL,
              ui_fixture_setup, test_cues, ui_fixture_teardown);

  result = g_test_run ();
  loadwise_test_rm_rf (locale_root);
  g_free (locale_root);
  g_free (setup_failure);
  return result;
}
