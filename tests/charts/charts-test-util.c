/* charts-test-util.c: the chart and report tests' fixture, and a seeded
 * history through the store's API
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "charts-test-util.h"

#include <math.h>

#include "core/loadwise-session.h"
#include "store/loadwise-database-runs.h"

#include "loadwise-test-util.h"

void
charts_test_seed (LoadwiseDatabase        *database,
                  const LoadwiseCatalogue *catalogue,
                  const ChartsHistory     *history)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (history->seed);
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) plans = g_array_new (FALSE, TRUE, sizeof (LoadwiseWeekPlan));
  /* The reasons the plans point at, freed with them. */
  g_autoptr (GPtrArray) reasons = g_ptr_array_new_with_free_func (g_free);
  guint levels[LOADWISE_N_FAMILIES] = { 1, 1, 1 };
  LoadwiseProgramme programme;
  GDate day;
  int last_week;

  loadwise_programme_init (&programme, &history->start);

  /* The baseline week first, so the programme starts from it. */
  day = history->start;
  g_date_subtract_days (&day, 7);
  for (int i = -7; i < (int) history->days; i++, g_date_add_days (&day, 1))
    {
      LoadwiseCheckin checkin = { 0 };
      /* From 5 down to 2 over 8 weeks, then steady, with noise of +-1. */
      double trend = i <= 0 ? 5.0 : MAX (2.0, 5.0 - 3.0 * i / 56.0);
      int pain = (int) lround (trend + g_rand_double_range (rand, -1.0, 1.0));

      if (history->flare && i >= 20 && i <= 24)
        pain += 3;
      checkin.date = day;
      checkin.morning_pain = (guint) CLAMP (pain, 0, 10);
      checkin.side = checkin.morning_pain == 0 ? LOADWISE_SIDE_NONE
                     : g_rand_int_range (rand, 0, 5) == 0 ? LOADWISE_SIDE_BOTH
                     : LOADWISE_SIDE_LEFT;
      g_assert_true (loadwise_database_save_checkin (database, &checkin, &error));
      g_assert_no_error (error);
      if (i == -1)
        {
          g_assert_true (loadwise_database_start_programme (database, &programme, levels, &error));
          g_assert_no_error (error);
        }
    }

  /* A step up in one family every other week, up to level 4. */
  last_week = loadwise_programme_get_week (&programme, &day);
  for (int week = 2; week <= MIN (last_week, 520); week++)
    {
      for (guint f = 0; f < LOADWISE_N_FAMILIES; f++)
        {
          LoadwiseWeekPlan plan = { 0 };
          gboolean up = week % 2 == 0 && (guint) (week / 2) % LOADWISE_N_FAMILIES == f
                        && levels[f] < 4;
          gboolean down = history->flare && week == 4 && f == 0 && levels[f] > 0;

          if (up)
            levels[f]++;
          else if (down)
            levels[f]--;
          plan.week = week;
          plan.family = f;
          plan.level = levels[f];
          plan.decision = up ? "progress" : down ? "regress" : "hold";
          /* Shaped as the weekly decision writes them: family, then the move. */
          plan.reason = up ? g_strdup_printf ("%s: up to level %u — every set done, pain stayed at 3 "
                                              "or below, mornings settled",
                                              loadwise_family_get_label (f), levels[f])
                        : down ? g_strdup_printf ("%s: down to level %u — a morning was 2 or more "
                                                  "above your usual pain",
                                                  loadwise_family_get_label (f), levels[f])
                        : g_strdup_printf ("%s: stays at level %u", loadwise_family_get_label (f),
                                           levels[f]);
          g_ptr_array_add (reasons, plan.reason);
          g_array_append_val (plans, plan);
        }
    }
  if (plans->len > 0)
    {
      g_assert_true (loadwise_database_save_week_plans (database,
                                                        (const LoadwiseWeekPlan *) plans->data,
                                                        plans->len, &error));
      g_assert_no_error (error);
    }

  day = history->start;
  for (guint i = 0; i < history->days; i++, g_date_add_days (&day, 1))
    {
      LoadwisePrescription prescription;
      guint day_levels[LOADWISE_N_FAMILIES];

      if (!loadwise_programme_is_session_day (&programme, &day))
        continue;
      g_assert_true (loadwise_database_get_levels (database,
                                                   loadwise_programme_get_week (&programme, &day),
                                                   day_levels, &error));
      g_assert_no_error (error);
      g_assert_true (loadwise_prescribe (catalogue, &programme, day_levels, &day, &prescription));
      if (g_rand_int_range (rand, 0, 10) == 0)
        g_assert_true (loadwise_database_set_session_status (database, &day,
                                                             LOADWISE_SESSION_STATUS_SKIPPED,
                                                             NULL, "travelling", &error));
      else
        g_assert_true (loadwise_database_log_session (database, &prescription,
                                                      (guint) g_rand_int_range (rand, 80, 101),
                                                      (guint) g_rand_int_range (rand, 1, 5),
                                                      i % 9 == 0 ? "Felt \"tight\", then fine,\nlater" : NULL,
                                                      &error));
      g_assert_no_error (error);
    }

  if (history->runs)
    {
      day = history->start;
      for (guint i = 0; i < history->days; i++, g_date_add_days (&day, 1))
        {
          g_autoptr (LoadwiseRun) run = NULL;
          GDateWeekday weekday = g_date_get_weekday (&day);

          if (weekday != G_DATE_TUESDAY && weekday != G_DATE_THURSDAY && weekday != G_DATE_SUNDAY)
            continue;
          run = g_new0 (LoadwiseRun, 1);
          run->date = day;
          /* Longer on Sundays; one jump in week 5 for the guard to mark. */
          run->distance_m = (guint) (weekday == G_DATE_SUNDAY ? 9000 + 200 * (i / 7 % 10) : 5000)
                            + (guint) g_rand_int_range (rand, 0, 1500);
          if (i == 34)
            run->distance_m = 16000;
          run->duration_s = run->distance_m * 6 / 10;
          run->descent_m = (guint) g_rand_int_range (rand, 0, 300);
          run->climb_m = run->descent_m;
          run->pain_during = (guint) g_rand_int_range (rand, 0, 4);
          g_assert_true (loadwise_database_add_run (database, run, &error));
          g_assert_no_error (error);
        }
    }

  if (history->flare && history->days > 28)
    {
      GDate flare_start = history->start, flare_end = history->start;
      g_auto (LoadwiseFlarePeriod) active = { 0 };
      gboolean found = FALSE;

      g_date_add_days (&flare_start, 20);
      g_date_add_days (&flare_end, 27);
      g_assert_true (loadwise_database_start_flare (database, &flare_start, TRUE,
                                                    "Morning pain 2 over the baseline", &error));
      g_assert_no_error (error);
      /* The store's exit rule ends it on the third settled morning, day 27,
       * as soon as it is recorded; the runner ends it there otherwise. */
      g_assert_true (loadwise_database_get_active_flare (database, &active, &found, &error));
      if (found)
        g_assert_true (loadwise_database_end_flare (database, &flare_end, TRUE, &error));
      g_assert_no_error (error);
    }

  {
    GDate screened = history->start;

    g_date_subtract_days (&screened, 1);
    g_assert_true (loadwise_database_save_red_flags (database, &screened, 0, &error));
    g_assert_no_error (error);
  }
}

void
charts_fixture_setup (ChartsFixture *fixture,
                      gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->tmpdir = loadwise_test_make_tmpdir ();
  path = g_build_filename (fixture->tmpdir, "loadwise.db", NULL);
  fixture->db = loadwise_database_open (path, &error);
  g_assert_no_error (error);
  fixture->catalogue = loadwise_catalogue_load_default (&error);
  g_assert_no_error (error);
}

void
charts_fixture_teardown (ChartsFixture *fixture,
                         gconstpointer  data)
{
  g_clear_object (&fixture->db);
  g_clear_pointer (&fixture->catalogue, loadwise_catalogue_unref);
  loadwise_test_rm_rf (fixture->tmpdir);
  g_clear_pointer (&fixture->tmpdir, g_free);
}
