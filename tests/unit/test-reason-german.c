/* test-reason-german.c: a week decided in English reads in German
 *
 * The decision is made and rendered in English, its reason kept in the
 * stored form; then the process switches to German, as a later run of
 * the app would start in it, and the same stored reason renders from the
 * German catalogue built from po/de.po, figures and decimal comma
 * included. Like tests/ui/test-german.c, the test makes its own
 * de_DE.UTF-8 locale with localedef in a temporary folder, so it needs
 * no generated system locale; it fails, not skips, when that cannot be
 * done.
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>
#include <locale.h>
#include <string.h>

#include "core/loadwise-catalogue.h"
#include "core/loadwise-progression.h"
#include "core/loadwise-reason.h"
#include "loadwise-test-util.h"
#include "store/loadwise-database-progression.h"

static char *locale_root;    /* LOCPATH and the bound message folder */
static char *setup_failure;  /* why the German locale could not be made */

static void
switch_to_german (void)
{
  g_setenv ("LOCPATH", locale_root, TRUE);
  g_setenv ("LC_ALL", "de_DE.UTF-8", TRUE);
  g_setenv ("LANGUAGE", "de", TRUE);
  g_assert_nonnull (setlocale (LC_ALL, ""));
  g_assert_cmpstr (setlocale (LC_MESSAGES, NULL), ==, "de_DE.UTF-8");
}

static void
switch_to_english (void)
{
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_setenv ("LANGUAGE", "en", TRUE);
  g_assert_nonnull (setlocale (LC_ALL, ""));
}

/* A week at level 1 with a baseline of 2.5: the bridge's morning of 4 is
 * more than 1 above it, so it holds; 79% of sets done. Two regress weeks
 * in a row would prompt a clinician, so the lateral family regresses
 * after a regress week. */
static void
decide_week (LoadwiseWeekDecision *decision)
{
  g_autoptr (LoadwiseCatalogue) catalogue = NULL;
  g_autoptr (GError) error = NULL;
  static const guint mornings[] = { 2, 4, 3 };
  static const double means[] = { 2.5, 2.8 };
  LoadwiseWeekFigures figures = {
    .week = 2, .weeks = 8, .safe_pain = 3, .max_pain = 5, .have_baseline = TRUE, .baseline = 2.5,
    .morning_pains = mornings, .n_morning_pains = G_N_ELEMENTS (mornings),
    .weekly_means = means, .n_weekly_means = G_N_ELEMENTS (means),
    .previous_regress = TRUE, .total_sets_done = 79, .total_sets_counted = 100,
  };

  catalogue = loadwise_catalogue_load_default (&error);
  g_assert_no_error (error);
  for (guint f = 0; f < LOADWISE_N_FAMILIES; f++)
    figures.families[f] = (LoadwiseFamilyWeek) { .level = 1, .sets_prescribed = 100,
                                                 .sets_done = 79, .max_pain = 2 };
  figures.families[LOADWISE_FAMILY_LATERAL].max_pain = 6;
  loadwise_progression_decide (catalogue, &figures, decision);
}

static void
assert_renders (const char *stored,
                const char *expected)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  LoadwiseReason reason;

  g_assert_true (loadwise_reason_parse (stored, &reason, &error));
  g_assert_no_error (error);
  text = loadwise_reason_to_string (&reason);
  g_assert_cmpstr (text, ==, expected);
}

static void
test_english_week_reads_in_german (void)
{
  g_auto (LoadwiseWeekDecision) decision = { 0 };
  g_autofree char *bridge = NULL;
  g_autofree char *lateral = NULL;
  g_autofree char *clinician = NULL;
  g_autofree char *revised = NULL;

  if (setup_failure != NULL)
    {
      g_test_fail_printf ("%s", setup_failure);
      return;
    }

  /* Closed in English, as the store renders it today, and kept as code. */
  switch_to_english ();
  decide_week (&decision);
  g_assert_cmpstr (decision.families[LOADWISE_FAMILY_BRIDGE].reason, ==,
                   "Bridge: stays at level 1. 79% of sets done, and moving up needs 80%. A "
                   "morning’s pain of 4 was more than 1 above your usual 2.5.");
  g_assert_cmpstr (decision.families[LOADWISE_FAMILY_LATERAL].reason, ==,
                   "Lateral: down to level 0. Pain reached 6 during, above your maximum of 5.");
  g_assert_true (decision.see_clinician);
  bridge = loadwise_reason_serialize (&decision.families[LOADWISE_FAMILY_BRIDGE].why);
  lateral = loadwise_reason_serialize (&decision.families[LOADWISE_FAMILY_LATERAL].why);
  clinician = loadwise_reason_serialize (&decision.clinician_why);
  decision.families[LOADWISE_FAMILY_BRIDGE].why.revised = TRUE;
  revised = loadwise_reason_serialize (&decision.families[LOADWISE_FAMILY_BRIDGE].why);
  g_test_message ("stored: %s | %s | %s", bridge, lateral, clinician);

  /* Read back later, in German. */
  switch_to_german ();
  assert_renders (bridge, "Brücke: bleibt auf Stufe 1. 79% der Sätze erledigt, und für eine höhere "
                          "Stufe braucht es 80%. Ein Morgenschmerz von 4 lag mehr als 1 über Ihrem "
                          "üblichen Wert von 2,5.");
  assert_renders (lateral, "Seitlich: hinunter auf Stufe 0. Der Schmerz erreichte beim Üben 6, über "
                           "Ihrem Maximum von 5.");
  assert_renders (revised, "Brücke: bleibt auf Stufe 1. 79% der Sätze erledigt, und für eine höhere "
                           "Stufe braucht es 80%. Ein Morgenschmerz von 4 lag mehr als 1 über Ihrem "
                           "üblichen Wert von 2,5. Überarbeitet: Einträge, die nach Ende der Woche "
                           "erfasst wurden, zählen jetzt.");
  assert_renders (clinician, "Zwei Wochen nacheinander war eine Stufe tiefer nötig. Eine "
                             "Physiotherapeutin oder ein Physiotherapeut bzw. eine Ärztin oder ein "
                             "Arzt kann sich ansehen, was die Hüfte weiter reizt. Das Programm läuft "
                             "in der Zwischenzeit auf den niedrigeren Stufen weiter.");
  /* Plural forms and the weeks' figures. */
  assert_renders ("v1;k=clinician;c=no_improvement;bl=4;wk=6;mean=3.5",
                  "Nach 6 Wochen stetiger Arbeit ist der Morgenschmerz nicht um 2 Punkte oder 30% "
                  "gesunken (von 4 auf 3,5). Eine Physiotherapeutin oder ein Physiotherapeut bzw. "
                  "eine Ärztin oder ein Arzt kann prüfen, was sonst dahintersteckt. Das Programm "
                  "läuft in der Zwischenzeit weiter.");
  assert_renders ("v1;k=family;f=single-leg;d=hold;from=2;l=2;c=target_climbs;tgt=1;unit=reps",
                  "Einbeinig: bleibt auf Stufe 2. Ziel in 2 Einheiten nacheinander erreicht, "
                  "daher steigt es auf 1 Wiederholung pro Satz.");

  /* The placement notes are whole sentences too, so the German reads
   * right: "vor einem langen Lauf", not "vor einen langen Lauf". */
  {
    GDate start = loadwise_test_date (2026, 3, 2);
    GDate wednesday = loadwise_test_date (2026, 3, 4);
    LoadwisePlannedRun long_thursday[] = { { loadwise_test_date (2026, 3, 5), TRUE, FALSE } };
    LoadwiseProgramme programme;
    g_autofree char *note = NULL;
    GDate moved;

    loadwise_programme_init (&programme, &start);
    g_assert_true (loadwise_progression_place_session (&programme, 3, &wednesday, NULL,
                                                       long_thursday, 1, &moved, &note));
    g_assert_cmpstr (note, ==, "Verschoben auf Dienstag, 3. März: schwere einbeinige Übungen am Tag vor "
                               "einem langen Lauf lassen die Beine dafür ermüdet zurück");
  }

  /* And back: the same code reads in English again. */
  switch_to_english ();
  assert_renders (lateral, "Lateral: down to level 0. Pain reached 6 during, above your maximum of 5.");
}

/* Every cause and headline, rendered alone: the German differs from the
 * English, so no sentence is left untranslated in po/de.po. */
static void
test_every_sentence_translated (void)
{
  g_autoptr (GPtrArray) english = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) german = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *into[] = { english, german };

  if (setup_failure != NULL)
    {
      g_test_fail_printf ("%s", setup_failure);
      return;
    }

  for (guint language = 0; language < G_N_ELEMENTS (into); language++)
    {
      if (language == 0)
        switch_to_english ();
      else
        switch_to_german ();
      for (guint bit = 0; bit < LOADWISE_REASON_N_CAUSES; bit++)
        for (guint hold = 0; hold < 2; hold++)
          {
            guint cause = 1u << bit;
            LoadwiseReason reason = {
              .kind = (cause & (LOADWISE_REASON_TWO_REGRESS | LOADWISE_REASON_NO_IMPROVEMENT))
                      ? LOADWISE_REASON_KIND_CLINICIAN : LOADWISE_REASON_KIND_FAMILY,
              .causes = cause, .percent = 79, .percent_needed = 80, .pain = 4, .safe_pain = 3,
              .max_pain = 5, .morning_pain = 5, .baseline_x10 = 25, .target = 2,
              .target_is_hold = hold, .week = 6, .mean_x10 = 32, .revised = hold,
            };

            g_ptr_array_add (into[language], loadwise_reason_details_to_string (&reason));
          }
      for (guint d = LOADWISE_DECISION_START; d <= LOADWISE_DECISION_MAINTAIN; d++)
        for (guint from = 0; from <= 1; from++)
          {
            LoadwiseReason reason = { .kind = LOADWISE_REASON_KIND_FAMILY, .decision = d,
                                      .from_level = from, .level = 0 };

            g_ptr_array_add (into[language], loadwise_reason_to_string (&reason));
          }
    }
  switch_to_english ();

  g_assert_cmpuint (english->len, ==, german->len);
  for (guint i = 0; i < english->len; i++)
    {
      const char *en = g_ptr_array_index (english, i);
      const char *de = g_ptr_array_index (german, i);

      g_test_message ("%s | %s", en, de);
      /* A headline's family name is translated anyway: compare the rest. */
      if (strstr (en, ": ") != NULL && strstr (de, ": ") != NULL)
        {
          en = strstr (en, ": ") + 2;
          de = strstr (de, ": ") + 2;
        }
      g_assert_cmpstr (en, !=, "");
      g_assert_cmpstr (de, !=, en);
    }
}

/* Through the store: a week decided while the app ran in English is read
 * in German, because the store keeps its codes and renders them when
 * read; the English sentence stored beside them is only a fallback. */
static void
test_stored_week_reads_in_german (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *english = NULL;
  g_autoptr (LoadwiseDatabase) db = NULL;
  g_autoptr (LoadwiseCatalogue) catalogue = loadwise_catalogue_load_default (NULL);
  g_autoptr (GTimeZone) zone = g_time_zone_new_local ();
  g_autoptr (GDateTime) monday = g_date_time_new (zone, 2026, 3, 9, 20, 0, 0);
  g_autoptr (LoadwiseClock) clock = NULL;
  const guint levels[LOADWISE_N_FAMILIES] = { 1, 1, 1 };
  GDate start = loadwise_test_date (2026, 3, 2);
  LoadwiseWeekPlan plans[LOADWISE_N_FAMILIES];
  LoadwiseProgramme programme;

  if (setup_failure != NULL)
    {
      g_test_fail_printf ("%s", setup_failure);
      return;
    }

  switch_to_english ();
  dir = loadwise_test_make_tmpdir ();
  path = g_build_filename (dir, "loadwise.db", NULL);
  db = loadwise_database_open (path, &error);
  g_assert_no_error (error);
  clock = loadwise_clock_new_fixed (monday);
  loadwise_database_set_clock (db, clock);
  loadwise_programme_init (&programme, &start);
  g_assert_true (loadwise_database_start_programme (db, &programme, levels, &error));
  g_assert_no_error (error);

  /* Week 1's sessions, all done, then Monday of week 2. */
  for (int d = 0; d <= 7; d += d == 4 ? 3 : 2)
    {
      LoadwisePrescription prescription;
      GDate date = start;

      g_date_add_days (&date, (guint) d);
      g_assert_true (loadwise_database_prescribe (db, catalogue, &programme, &date,
                                                  &prescription, &error));
      g_assert_true (loadwise_database_log_session (db, &prescription, 100, 1, NULL, &error));
      g_assert_no_error (error);
    }
  g_assert_true (loadwise_database_get_week_plan (db, 2, plans, &error));
  g_assert_no_error (error);
  english = g_strdup (plans[LOADWISE_FAMILY_BRIDGE].reason);
  loadwise_database_week_plans_clear (plans);
  g_test_message ("English: %s", english);
  g_assert_true (g_str_has_prefix (english, "Bridge: "));

  switch_to_german ();
  g_assert_true (loadwise_database_get_week_plan (db, 2, plans, &error));
  g_assert_no_error (error);
  g_test_message ("German: %s", plans[LOADWISE_FAMILY_BRIDGE].reason);
  g_assert_true (g_str_has_prefix (plans[LOADWISE_FAMILY_BRIDGE].reason, "Brücke: "));
  g_assert_nonnull (strstr (plans[LOADWISE_FAMILY_BRIDGE].reason, "Stufe"));
  loadwise_database_week_plans_clear (plans);
  switch_to_english ();

  g_clear_object (&db);
  loadwise_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GError) error = NULL;
  int result;

  g_test_init (&argc, &argv, NULL);
  locale_root = g_dir_make_tmp ("loadwise-reason-german-XXXXXX", &error);
  g_assert_no_error (error);
  if (loadwise_test_make_german (locale_root, &setup_failure))
    {
      bindtextdomain (GETTEXT_PACKAGE, locale_root);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
    }

  g_test_add_func ("/reason/german/english-week-reads-in-german", test_english_week_reads_in_german);
  g_test_add_func ("/reason/german/every-sentence-translated", test_every_sentence_translated);
  g_test_add_func ("/reason/german/stored-week-reads-in-german", test_stored_week_reads_in_german);
  result = g_test_run ();
  loadwise_test_rm_rf (locale_root);
  g_free (locale_root);
  g_free (setup_failure);
  return result;
}
