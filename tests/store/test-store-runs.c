/* test-store-runs.c: runs, shoes, check-in habits, flare periods and status
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "core/loadwise-error.h"
#include "store/loadwise-database-runs.h"

#include "loadwise-test-util.h"
#include "store-test-util.h"

static gint64
count (StoreFixture *fixture,
       const char   *sql)
{
  return store_test_query_int (loadwise_database_get_handle (fixture->db), sql);
}

static LoadwiseRun *
new_run (int   month,
         int   day,
         guint distance_m,
         guint pain_during)
{
  LoadwiseRun *run = loadwise_run_new ();

  run->date = loadwise_test_date (2026, month, day);
  run->distance_m = distance_m;
  run->pain_during = pain_during;
  return run;
}

static void
add (StoreFixture *fixture,
     LoadwiseRun  *run)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (loadwise_database_add_run (fixture->db, run, &error));
  g_assert_no_error (error);
  g_assert_cmpint (run->id, >, 0);
}

static void
test_run_round_trip (StoreFixture  *fixture,
                     gconstpointer  data)
{
  g_autoptr (LoadwiseRun) run = new_run (3, 4, 8400, 2);
  g_autoptr (LoadwiseRun) read = NULL;
  g_autoptr (GError) error = NULL;
  gint64 shoe_id = 0;

  g_assert_true (loadwise_database_add_shoe (fixture->db, "Pegasus", &shoe_id, &error));
  g_assert_no_error (error);
  run->duration_s = 2700;
  run->climb_m = 120;
  run->descent_m = 310;
  run->speed = TRUE;
  run->long_run = TRUE;
  run->camber = LOADWISE_CAMBER_RIGHT;
  run->surface = LOADWISE_SURFACE_TRAIL;
  run->shoe_id = shoe_id;
  run->has_pain_after = TRUE;
  run->pain_after = 4;
  run->note = g_strdup ("windy");
  add (fixture, run);

  read = loadwise_database_get_run (fixture->db, run->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_date_compare (&read->date, &run->date), ==, 0);
  g_assert_cmpuint (read->distance_m, ==, 8400);
  g_assert_cmpuint (read->duration_s, ==, 2700);
  g_assert_cmpuint (read->climb_m, ==, 120);
  g_assert_cmpuint (read->descent_m, ==, 310);
  g_assert_true (read->speed);
  g_assert_true (read->long_run);
  g_assert_cmpint (read->camber, ==, LOADWISE_CAMBER_RIGHT);
  g_assert_cmpint (read->surface, ==, LOADWISE_SURFACE_TRAIL);
  g_assert_cmpint (read->shoe_id, ==, shoe_id);
  g_assert_cmpuint (read->pain_during, ==, 2);
  g_assert_true (read->has_pain_after);
  g_assert_cmpuint (read->pain_after, ==, 4);
  g_assert_cmpstr (read->note, ==, "windy");

  /* Edit: every field replaced; no pain after, no note, no shoe. */
  read->distance_m = 5000;
  read->has_pain_after = FALSE;
  g_clear_pointer (&read->note, g_free);
  read->shoe_id = 0;
  g_assert_true (loadwise_database_update_run (fixture->db, read, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (fixture, "SELECT distance_m FROM run"), ==, 5000);
  g_assert_cmpint (count (fixture, "SELECT pain_after IS NULL AND note IS NULL AND shoe_id IS NULL FROM run"), ==, 1);

  g_assert_true (loadwise_database_delete_run (fixture->db, run->id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM run"), ==, 0);
  g_assert_false (loadwise_database_delete_run (fixture->db, run->id, &error));
  g_assert_error (error, LOADWISE_ERROR, LOADWISE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (loadwise_database_get_run (fixture->db, run->id, &error));
  g_assert_error (error, LOADWISE_ERROR, LOADWISE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (loadwise_database_update_run (fixture->db, read, &error));
  g_assert_error (error, LOADWISE_ERROR, LOADWISE_ERROR_NOT_FOUND);
}

static void
test_run_refused (StoreFixture  *fixture,
                  gconstpointer  data)
{
  g_autoptr (LoadwiseRun) run = new_run (3, 4, 450000, 2);
  g_autoptr (GError) error = NULL;

  g_assert_false (loadwise_database_add_run (fixture->db, run, &error));
  g_assert_error (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT);
  g_assert_cmpstr (error->message, ==, "distance: 450 km is outside 0.01-400 km (under 400)");
  g_clear_error (&error);

  run->distance_m = 5000;
  run->shoe_id = 42;
  g_assert_false (loadwise_database_add_run (fixture->db, run, &error));
  g_assert_error (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT);
  g_assert_cmpstr (error->message, ==, "shoe: no stored pair has id 42");
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM run"), ==, 0);
  g_assert_cmpint (run->id, ==, 0);
}

/* The schema's CHECK constraints refuse what the app refuses, even from
 * another writer. */
static void
test_schema_checks (StoreFixture  *fixture,
                    gconstpointer  data)
{
  sqlite3 *db = loadwise_database_get_handle (fixture->db);
  const char *bad[] = {
    "INSERT INTO run (date, distance_m, pain_during, updated_at) VALUES ('2026-03-04', 0, 1, 'x')",
    "INSERT INTO run (date, distance_m, pain_during, updated_at) VALUES ('2026-03-04', 400000, 1, 'x')",
    "INSERT INTO run (date, distance_m, pain_during, updated_at) VALUES ('2026-13-01', 5000, 1, 'x')",
    "INSERT INTO run (date, distance_m, pain_during, updated_at) VALUES ('2026-03-04', 5000, 11, 'x')",
    "INSERT INTO run (date, distance_m, pain_during, pain_after, updated_at) VALUES ('2026-03-04', 5000, 1, -1, 'x')",
    "INSERT INTO run (date, distance_m, pain_during, camber, updated_at) VALUES ('2026-03-04', 5000, 1, 'up', 'x')",
    "INSERT INTO run (date, distance_m, pain_during, surface, updated_at) VALUES ('2026-03-04', 5000, 1, 'sand', 'x')",
    "INSERT INTO run (date, distance_m, pain_during, descent_m, updated_at) VALUES ('2026-03-04', 5000, 1, 10001, 'x')",
    "INSERT INTO shoe (name, added_at) VALUES ('', 'x')",
    "INSERT INTO checkin_habit (date, crossed_legs, slept_on_side, updated_at) VALUES ('2026-03-04', 2, 0, 'x')",
    "INSERT INTO flare_period (start_date, started_by) VALUES ('2026-03-04', 'doctor')",
    "INSERT INTO flare_period (start_date, end_date, started_by, ended_by) VALUES ('2026-03-04', '2026-03-01', 'runner', 'runner')",
    "INSERT INTO flare_period (start_date, end_date, started_by) VALUES ('2026-03-04', '2026-03-05', 'runner')",
    "INSERT INTO flare_suggestion (decided_on, evidence, triggers, decision, decided_at) VALUES ('2026-03-04', '2026-03-04', 8, 'declined', 'x')",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_test_message ("%s", bad[i]);
      g_assert_cmpint (sqlite3_exec (db, bad[i], NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
    }
  /* At most one active flare. */
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO flare_period (start_date, started_by) VALUES ('2026-03-04', 'runner')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO flare_period (start_date, started_by) VALUES ('2026-03-05', 'runner')",
                                 NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
}

static void
test_list_range (StoreFixture  *fixture,
                 gconstpointer  data)
{
  g_autoptr (GPtrArray) all = NULL;
  g_autoptr (GPtrArray) some = NULL;
  GDate from = loadwise_test_date (2026, 3, 5);
  GDate to = loadwise_test_date (2026, 3, 6);
  const int days[] = { 6, 4, 5, 7, 5 };

  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      g_autoptr (LoadwiseRun) run = new_run (3, days[i], 1000 * (i + 1), 0);

      add (fixture, run);
    }
  all = loadwise_database_list_runs (fixture->db, NULL, NULL, NULL);
  g_assert_cmpuint (all->len, ==, 5);
  /* By date, then in the order logged. */
  g_assert_cmpuint (((LoadwiseRun *) all->pdata[0])->distance_m, ==, 2000);
  g_assert_cmpuint (((LoadwiseRun *) all->pdata[1])->distance_m, ==, 3000);
  g_assert_cmpuint (((LoadwiseRun *) all->pdata[2])->distance_m, ==, 5000);
  some = loadwise_database_list_runs (fixture->db, &from, &to, NULL);
  g_assert_cmpuint (some->len, ==, 3);
}

static void
test_shoes (StoreFixture  *fixture,
            gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) shoes = NULL;
  g_autofree char *long_name = g_strnfill (81, 'x');
  gint64 a = 0, b = 0, found = 0;
  LoadwiseShoe *shoe;

  g_assert_true (loadwise_database_add_shoe (fixture->db, "Pegasus", &a, &error));
  g_assert_true (loadwise_database_add_shoe (fixture->db, "Clifton", &b, &error));
  g_assert_no_error (error);
  g_assert_false (loadwise_database_add_shoe (fixture->db, "Pegasus", NULL, &error));
  g_assert_error (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT);
  g_assert_cmpstr (error->message, ==, "shoe: a pair called \"Pegasus\" is already listed");
  g_clear_error (&error);
  g_assert_false (loadwise_database_add_shoe (fixture->db, long_name, NULL, &error));
  g_assert_cmpstr (error->message, ==, "shoe: 81 characters is more than the 80 allowed");
  g_clear_error (&error);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM shoe"), ==, 2);

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr (LoadwiseRun) run = new_run (3, 4 + i, 5000 + i * 1000, 1);

      run->shoe_id = i < 2 ? a : b;
      add (fixture, run);
    }
  g_assert_true (loadwise_database_find_shoe (fixture->db, "Clifton", &found, &error));
  g_assert_cmpint (found, ==, b);
  g_assert_false (loadwise_database_find_shoe (fixture->db, "Nimbus", &found, &error));
  g_assert_error (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT);
  g_clear_error (&error);

  g_assert_true (loadwise_database_retire_shoe (fixture->db, "Clifton", &error));
  g_assert_no_error (error);
  g_assert_false (loadwise_database_retire_shoe (fixture->db, "Nimbus", &error));
  g_clear_error (&error);

  shoes = loadwise_database_list_shoes (fixture->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (shoes->len, ==, 2);
  /* In use first. */
  shoe = g_ptr_array_index (shoes, 0);
  g_assert_cmpstr (shoe->name, ==, "Pegasus");
  g_assert_false (shoe->retired);
  g_assert_cmpuint (shoe->distance_m, ==, 11000);
  g_assert_cmpuint (shoe->n_runs, ==, 2);
  shoe = g_ptr_array_index (shoes, 1);
  g_assert_cmpstr (shoe->name, ==, "Clifton");
  g_assert_true (shoe->retired);
  g_assert_cmpuint (shoe->distance_m, ==, 7000);
}

static void
test_habits (StoreFixture  *fixture,
             gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) list = NULL;
  LoadwiseHabits habits = { loadwise_test_date (2026, 3, 4), TRUE, FALSE };
  LoadwiseHabits read;
  gboolean found = TRUE;

  g_assert_true (loadwise_database_get_habits (fixture->db, &habits.date, &read, &found, &error));
  g_assert_false (found);
  g_assert_true (loadwise_database_save_habits (fixture->db, &habits, &error));
  habits.crossed_legs = FALSE;
  habits.slept_on_side = TRUE;
  g_assert_true (loadwise_database_save_habits (fixture->db, &habits, &error));
  g_assert_no_error (error);
  g_assert_true (loadwise_database_get_habits (fixture->db, &habits.date, &read, &found, &error));
  g_assert_true (found);
  g_assert_false (read.crossed_legs);
  g_assert_true (read.slept_on_side);
  list = loadwise_database_list_habits (fixture->db, NULL, NULL, &error);
  g_assert_cmpuint (list->len, ==, 1);
}

static void
checkin (StoreFixture *fixture,
         int           day,
         guint         pain)
{
  LoadwiseCheckin c = { loadwise_test_date (2026, 3, day), pain,
                        pain > 0 ? LOADWISE_SIDE_RIGHT : LOADWISE_SIDE_NONE, FALSE };

  g_assert_true (loadwise_database_save_checkin (fixture->db, &c, NULL));
}

static void
status_on (StoreFixture        *fixture,
           int                  day,
           LoadwiseFlareStatus *out)
{
  g_autoptr (GError) error = NULL;
  GDate today = loadwise_test_date (2026, 3, day);

  /* The store's derivation (the exit rule) runs for its clock's today. */
  store_test_set_today (fixture->db, &today);
  g_assert_true (loadwise_database_get_flare_status (fixture->db, &today, out, &error));
  g_assert_no_error (error);
}

/* Baseline 2 (the week before the start on the 9th), max pain 5. */
static void
test_flare_cycle (StoreFixture  *fixture,
                  gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) flares = NULL;
  GDate start = loadwise_test_date (2026, 3, 9);
  GDate day11 = loadwise_test_date (2026, 3, 11);
  GDate day12 = loadwise_test_date (2026, 3, 12);

  store_test_start_programme (fixture->db, &start);
  for (int day = 2; day <= 8; day++)
    checkin (fixture, day, 2);
  for (int day = 1; day <= 8; day += 2)
    {
      g_autoptr (LoadwiseRun) run = new_run (3, day, 8000, 1);

      add (fixture, run);
    }

  {
    g_auto (LoadwiseFlareStatus) status = { 0 };

    checkin (fixture, 10, 4);
    status_on (fixture, 10, &status);
    g_assert_cmpint (status.state, ==, LOADWISE_FLARE_STATE_NONE);
  }
  {
    g_auto (LoadwiseFlareStatus) status = { 0 };

    checkin (fixture, 11, 5);
    status_on (fixture, 11, &status);
    g_assert_cmpint (status.state, ==, LOADWISE_FLARE_STATE_SUGGESTED);
    g_assert_cmpuint (status.trigger, ==, LOADWISE_FLARE_TRIGGER_MORNING);
    g_assert_cmpint (g_date_compare (&status.since, &day11), ==, 0);
    g_assert_null (status.advice.text);

    /* Declined: not offered again for the same evidence. */
    g_assert_true (loadwise_database_answer_flare_suggestion (fixture->db, &day11, &status.since,
                                                              status.trigger, status.reason, FALSE, &error));
    g_assert_no_error (error);
  }
  {
    g_auto (LoadwiseFlareStatus) status = { 0 };

    status_on (fixture, 11, &status);
    g_assert_cmpint (status.state, ==, LOADWISE_FLARE_STATE_NONE);
  }
  {
    g_auto (LoadwiseFlareStatus) status = { 0 };

    /* A new high morning is new evidence: offered again, and accepted. */
    checkin (fixture, 12, 5);
    status_on (fixture, 12, &status);
    g_assert_cmpint (status.state, ==, LOADWISE_FLARE_STATE_SUGGESTED);
    g_assert_true (loadwise_database_answer_flare_suggestion (fixture->db, &day12, &status.since,
                                                              status.trigger, status.reason, TRUE, &error));
    g_assert_no_error (error);
  }
  {
    g_auto (LoadwiseFlareStatus) status = { 0 };
    g_auto (LoadwiseFlarePeriod) period = { 0 };
    gboolean found = FALSE;

    status_on (fixture, 13, &status);
    g_assert_cmpint (status.state, ==, LOADWISE_FLARE_STATE_ACTIVE);
    g_assert_cmpint (g_date_compare (&status.since, &day12), ==, 0);
    /* Typical run 8 km -> about 5 km (4.8 to the nearest 0.5). */
    g_assert_cmpuint (status.advice.typical_m, ==, 8000);
    g_assert_cmpuint (status.advice.max_run_m, ==, 5000);
    g_assert_nonnull (strstr (status.advice.text, "until 26 March 2026"));
    g_assert_true (loadwise_database_get_active_flare (fixture->db, &period, &found, &error));
    g_assert_true (found);
    g_assert_true (period.suggested);
    g_assert_nonnull (period.reason);
  }
  /* Starting another is refused. */
  g_assert_false (loadwise_database_start_flare (fixture->db, &day12, FALSE, NULL, &error));
  g_assert_error (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  {
    g_auto (LoadwiseFlareStatus) status = { 0 };

    /* Three settled mornings (<= 3) end it by the rule, on the third. */
    checkin (fixture, 13, 3);
    checkin (fixture, 14, 2);
    checkin (fixture, 15, 3);
    status_on (fixture, 16, &status);
    g_assert_cmpint (status.state, ==, LOADWISE_FLARE_STATE_NONE);
    g_assert_true (status.just_ended);
    g_assert_cmpint (g_date_get_day (&status.ended), ==, 15);
  }
  flares = loadwise_database_list_flares (fixture->db, &error);
  g_assert_cmpuint (flares->len, ==, 1);
  g_assert_true (g_array_index (flares, LoadwiseFlarePeriod, 0).ended_by_rule);
  g_assert_cmpint (g_date_get_day (&g_array_index (flares, LoadwiseFlarePeriod, 0).end), ==, 15);
  g_assert_false (loadwise_database_end_flare (fixture->db, &day12, FALSE, &error));
  g_assert_error (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT);
}

static void
test_flare_by_hand (StoreFixture  *fixture,
                    gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  GDate day = loadwise_test_date (2026, 3, 10);
  GDate before = loadwise_test_date (2026, 3, 9);
  g_auto (LoadwiseFlareStatus) status = { 0 };
  guint levels[LOADWISE_N_FAMILIES] = { 3, 0, 2 };

  /* No programme: the runner can still start and end one. */
  g_assert_true (loadwise_database_start_flare (fixture->db, &day, FALSE, NULL, &error));
  g_assert_no_error (error);
  status_on (fixture, 20, &status);
  g_assert_cmpint (status.state, ==, LOADWISE_FLARE_STATE_ACTIVE);
  g_assert_false (status.advice.has_typical);
  g_assert_false (loadwise_database_end_flare (fixture->db, &before, FALSE, &error));
  g_assert_cmpstr (error->message, ==, "flare: it cannot end before it started on 2026-03-10");
  g_clear_error (&error);
  g_assert_true (loadwise_database_end_flare (fixture->db, &day, FALSE, &error));
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM flare_period WHERE ended_by = 'runner'"), ==, 1);

  loadwise_flare_cap_levels (levels);
  g_assert_cmpuint (levels[0], ==, 1);
  g_assert_cmpuint (levels[1], ==, 0);
  g_assert_cmpuint (levels[2], ==, 1);
}

static void
test_cap_levels_for_flare (StoreFixture  *fixture,
                           gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  GDate start = loadwise_test_date (2026, 3, 10);
  GDate before = loadwise_test_date (2026, 3, 9);
  guint levels[LOADWISE_N_FAMILIES] = { 3, 2, 4 };
  gboolean capped = TRUE;

  g_assert_true (loadwise_database_cap_levels_for_flare (fixture->db, &start, levels, &capped, &error));
  g_assert_false (capped);
  g_assert_cmpuint (levels[0], ==, 3);

  g_assert_true (loadwise_database_start_flare (fixture->db, &start, FALSE, NULL, &error));
  g_assert_true (loadwise_database_cap_levels_for_flare (fixture->db, &before, levels, &capped, &error));
  g_assert_false (capped);
  g_assert_cmpuint (levels[2], ==, 4);
  g_assert_true (loadwise_database_cap_levels_for_flare (fixture->db, &start, levels, &capped, &error));
  g_assert_no_error (error);
  g_assert_true (capped);
  g_assert_cmpuint (levels[0], ==, 1);
  g_assert_cmpuint (levels[1], ==, 1);
  g_assert_cmpuint (levels[2], ==, 1);
}

static void
test_insights_and_guard (StoreFixture  *fixture,
                         gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) insights = NULL;
  g_autoptr (LoadwiseRun) spike = new_run (3, 20, 12000, 1);
  g_auto (LoadwiseRunGuard) guard = { 0 };
  gboolean seen = FALSE;

  for (int i = 0; i < 8; i++)
    {
      g_autoptr (LoadwiseRun) run = new_run (3, 1 + i * 2, 10000, 2);

      run->descent_m = i % 2 ? 400 : 0;
      add (fixture, run);
      checkin (fixture, 2 + i * 2, i % 2 ? 6 : 1);
    }
  insights = loadwise_database_compute_insights (fixture->db, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < insights->len; i++)
    {
      LoadwiseInsight *insight = g_ptr_array_index (insights, i);

      if (g_str_equal (insight->factor, "descent") && insight->lag == LOADWISE_INSIGHT_NEXT_MORNING)
        {
          seen = TRUE;
          g_assert_cmpuint (insight->n_with, ==, 4);
          g_assert_cmpuint (insight->n_without, ==, 4);
          g_assert_cmpfloat (insight->difference, ==, 5.0);
        }
    }
  g_assert_true (seen);

  g_assert_true (loadwise_database_check_run_guard (fixture->db, spike, &guard, &error));
  g_assert_true (guard.spike);
  g_assert_cmpuint (guard.longest_m, ==, 10000);
  g_assert_cmpuint (guard.spike_percent, ==, 20);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, StoreFixture, NULL, store_fixture_setup, func, store_fixture_teardown)
  ADD ("/store/runs/round-trip", test_run_round_trip);
  ADD ("/store/runs/refused", test_run_refused);
  ADD ("/store/runs/schema-checks", test_schema_checks);
  ADD ("/store/runs/list-range", test_list_range);
  ADD ("/store/runs/shoes", test_shoes);
  ADD ("/store/runs/habits", test_habits);
  ADD ("/store/runs/flare-cycle", test_flare_cycle);
  ADD ("/store/runs/flare-by-hand", test_flare_by_hand);
  ADD ("/store/runs/cap-levels-for-flare", test_cap_levels_for_flare);
  ADD ("/store/runs/insights-and-guard", test_insights_and_guard);
#undef ADD

  return g_test_run ();
}
