/* test-store-programme.c: the programme row and the weekly plan
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "core/loadwise-error.h"

#include "loadwise-test-util.h"
#include "store-test-util.h"

static void
assert_programme (LoadwiseDatabase        *db,
                  const LoadwiseProgramme *expected)
{
  g_autoptr (GError) error = NULL;
  LoadwiseProgramme programme;

  g_assert_true (loadwise_database_get_programme (db, &programme, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_date_compare (&programme.start, &expected->start), ==, 0);
  g_assert_cmpuint (programme.weeks, ==, expected->weeks);
  g_assert_cmpuint (programme.training_days, ==, expected->training_days);
  g_assert_cmpuint (programme.safe_pain, ==, expected->safe_pain);
  g_assert_cmpuint (programme.max_pain, ==, expected->max_pain);
}

static void
assert_levels (LoadwiseDatabase *db,
               int               week,
               guint             bridge,
               guint             single_leg,
               guint             lateral)
{
  g_autoptr (GError) error = NULL;
  guint levels[LOADWISE_N_FAMILIES] = { 99, 99, 99 };

  g_assert_true (loadwise_database_get_levels (db, week, levels, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (levels[LOADWISE_FAMILY_BRIDGE], ==, bridge);
  g_assert_cmpuint (levels[LOADWISE_FAMILY_SINGLE_LEG], ==, single_leg);
  g_assert_cmpuint (levels[LOADWISE_FAMILY_LATERAL], ==, lateral);
}

static void
test_none_yet (StoreFixture  *fixture,
               gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  GDate start = loadwise_test_date (2026, 3, 2);
  LoadwiseProgramme programme;
  guint levels[LOADWISE_N_FAMILIES];

  g_assert_false (loadwise_database_get_programme (fixture->db, &programme, &error));
  g_assert_error (error, LOADWISE_DATABASE_ERROR, LOADWISE_DATABASE_ERROR_NO_PROGRAMME);
  g_clear_error (&error);

  g_assert_false (loadwise_database_get_levels (fixture->db, 1, levels, &error));
  g_assert_error (error, LOADWISE_DATABASE_ERROR, LOADWISE_DATABASE_ERROR_NO_PROGRAMME);
  g_clear_error (&error);

  loadwise_programme_init (&programme, &start);
  g_assert_false (loadwise_database_update_programme (fixture->db, &programme, &error));
  g_assert_error (error, LOADWISE_DATABASE_ERROR, LOADWISE_DATABASE_ERROR_NO_PROGRAMME);
}

static void
test_start_and_get (StoreFixture  *fixture,
                    gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  const guint levels[LOADWISE_N_FAMILIES] = { 0, 1, 2 };
  GDate start = loadwise_test_date (2026, 3, 2);
  LoadwiseProgramme programme;
  sqlite3 *handle = loadwise_database_get_handle (fixture->db);

  loadwise_programme_init (&programme, &start);
  programme.weeks = 10;
  programme.training_days = LOADWISE_WEEKDAY_BIT (G_DATE_TUESDAY)
                            | LOADWISE_WEEKDAY_BIT (G_DATE_SATURDAY);
  programme.safe_pain = 2;
  programme.max_pain = 4;
  g_assert_true (loadwise_database_start_programme (fixture->db, &programme, levels, &error));
  g_assert_no_error (error);

  assert_programme (fixture->db, &programme);
  assert_levels (fixture->db, 1, 0, 1, 2);
  /* Before week 1 the starting levels apply too. */
  assert_levels (fixture->db, 0, 0, 1, 2);

  g_assert_cmpint (store_test_query_int (handle,
                                         "SELECT count(*) FROM week_plan WHERE week = 1"
                                         " AND decision = 'start' AND reason LIKE '%: starts at level _.'"
                                         " AND reason_code LIKE 'v1;k=family;f=%;d=start;%'"),
                   ==, 3);
  g_assert_cmpint (store_test_query_int (handle,
                                         "SELECT level FROM week_plan WHERE family = 'lateral'"),
                   ==, 2);
}

static void
test_invalid_changes_nothing (StoreFixture  *fixture,
                              gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  const guint levels[LOADWISE_N_FAMILIES] = { 1, 1, 1 };
  const guint bad_levels[LOADWISE_N_FAMILIES] = { 1, 5, 1 };
  GDate start = loadwise_test_date (2026, 3, 2);
  LoadwiseProgramme programme, bad;

  loadwise_programme_init (&programme, &start);
  g_assert_true (loadwise_database_start_programme (fixture->db, &programme, levels, &error));
  g_assert_no_error (error);

  bad = programme;
  bad.start = loadwise_test_date (2026, 4, 6);
  bad.weeks = 13;
  g_assert_false (loadwise_database_start_programme (fixture->db, &bad, levels, &error));
  g_assert_error (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT);
  g_assert_cmpstr (error->message, ==, "weeks: 13 is outside 6-12");
  g_clear_error (&error);
  g_assert_false (loadwise_database_update_programme (fixture->db, &bad, &error));
  g_assert_error (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT);
  g_assert_cmpstr (error->message, ==, "weeks: 13 is outside 6-12");
  g_clear_error (&error);

  bad = programme;
  bad.safe_pain = 11;
  g_assert_false (loadwise_database_update_programme (fixture->db, &bad, &error));
  g_assert_error (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "11 is outside 0-10"));
  g_clear_error (&error);

  bad = programme;
  bad.weeks = 6;
  g_assert_false (loadwise_database_start_programme (fixture->db, &bad, bad_levels, &error));
  g_assert_error (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT);
  g_assert_cmpstr (error->message, ==, "Single-leg level: 5 is outside 0-4");

  assert_programme (fixture->db, &programme);
  assert_levels (fixture->db, 1, 1, 1, 1);
}

static void
test_update (StoreFixture  *fixture,
             gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  GDate start = loadwise_test_date (2026, 3, 2);
  LoadwiseProgramme programme;

  store_test_start_programme (fixture->db, &start);
  loadwise_programme_init (&programme, &start);
  programme.weeks = 12;
  programme.training_days = LOADWISE_WEEKDAY_BIT (G_DATE_MONDAY)
                            | LOADWISE_WEEKDAY_BIT (G_DATE_THURSDAY);
  programme.safe_pain = 4;
  programme.max_pain = 6;
  g_assert_true (loadwise_database_update_programme (fixture->db, &programme, &error));
  g_assert_no_error (error);
  assert_programme (fixture->db, &programme);
  /* Settings only: the plan is untouched. */
  assert_levels (fixture->db, 1, 1, 1, 1);
}

static void
test_levels_per_week (StoreFixture  *fixture,
                      gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  GDate start = loadwise_test_date (2026, 3, 2);
  /* Later weeks' decisions, as the weekly engine stores them. */
  const LoadwiseWeekPlan plans[] = {
    { 3, LOADWISE_FAMILY_BRIDGE, 2, 0, 0, (char *) "progress", (char *) "All sets, low pain" },
    { 3, LOADWISE_FAMILY_LATERAL, 1, 12, 0, (char *) "hold", (char *) "Most sets" },
    { 5, LOADWISE_FAMILY_BRIDGE, 1, 0, 0, (char *) "regress", (char *) "Pain above 5" },
    { 6, LOADWISE_FAMILY_SINGLE_LEG, 3, 0, 0, (char *) "progress", (char *) "All sets" },
  };

  store_test_start_programme (fixture->db, &start);
  g_assert_true (loadwise_database_save_week_plans (fixture->db, plans, G_N_ELEMENTS (plans),
                                                    &error));
  g_assert_no_error (error);

  assert_levels (fixture->db, 1, 1, 1, 1);
  assert_levels (fixture->db, 2, 1, 1, 1);
  assert_levels (fixture->db, 3, 2, 1, 1);
  assert_levels (fixture->db, 4, 2, 1, 1);
  assert_levels (fixture->db, 5, 1, 1, 1);
  assert_levels (fixture->db, 6, 1, 3, 1);
  assert_levels (fixture->db, 20, 1, 3, 1);
}

static void
test_week_plans (StoreFixture  *fixture,
                 gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = NULL;
  GDate start = loadwise_test_date (2026, 3, 2);
  LoadwiseWeekPlan plans[] = {
    { 2, LOADWISE_FAMILY_LATERAL, 2, 10, 0, (char *) "progress", (char *) "first" },
    { 2, LOADWISE_FAMILY_BRIDGE, 1, 0, 0, (char *) "hold", (char *) "second" },
  };
  const char *const expected[] = {
    "1 bridge 1 start Bridge: starts at level 1.",
    "1 single-leg 1 start Single-leg: starts at level 1.",
    "1 lateral 1 start Lateral: starts at level 1.", "2 bridge 1 hold second",
    "2 lateral 3 progress again",
  };

  store_test_start_programme (fixture->db, &start);
  g_assert_true (loadwise_database_save_week_plans (fixture->db, plans, 2, &error));
  g_assert_no_error (error);
  /* Deciding a week again replaces that week's row. */
  plans[0].level = 3;
  plans[0].reason = (char *) "again";
  g_assert_true (loadwise_database_save_week_plans (fixture->db, plans, 1, &error));
  g_assert_no_error (error);

  /* One bad row: none of the batch is stored. */
  plans[0].week = 3;
  plans[1].week = 3;
  plans[1].level = 5;
  g_assert_false (loadwise_database_save_week_plans (fixture->db, plans, 2, &error));
  g_assert_error (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT);
  g_assert_cmpstr (error->message, ==, "level: 5 is outside 0-4");
  g_clear_error (&error);
  plans[1].level = 1;
  plans[1].decision = (char *) "";
  g_assert_false (loadwise_database_save_week_plans (fixture->db, plans, 2, &error));
  g_assert_error (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT);
  g_clear_error (&error);

  list = loadwise_database_list_week_plans (fixture->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < list->len; i++)
    {
      LoadwiseWeekPlan *plan = g_ptr_array_index (list, i);
      g_autofree char *text = g_strdup_printf ("%d %s %u %s %s", plan->week,
                                               loadwise_family_to_string (plan->family),
                                               plan->level, plan->decision, plan->reason);

      g_assert_cmpstr (text, ==, expected[i]);
    }
  g_assert_cmpuint (((LoadwiseWeekPlan *) g_ptr_array_index (list, 4))->target_reps, ==, 10);
}

static void
test_restart_keeps_logs (StoreFixture  *fixture,
                         gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) sets = NULL;
  const guint levels[LOADWISE_N_FAMILIES] = { 0, 0, 0 };
  GDate start = loadwise_test_date (2026, 3, 2);
  GDate day = loadwise_test_date (2026, 3, 4);
  LoadwiseSetLog log = { .exercise_id = (char *) "sit-to-stand", .done = TRUE, .reps = 10 };
  const LoadwiseWeekPlan week2 = { 2, LOADWISE_FAMILY_BRIDGE, 2, 0, 0, (char *) "progress",
                                   (char *) "All sets" };
  LoadwiseProgramme programme;
  sqlite3 *handle = loadwise_database_get_handle (fixture->db);

  store_test_start_programme (fixture->db, &start);
  g_assert_true (loadwise_database_save_week_plans (fixture->db, &week2, 1, &error));
  g_assert_no_error (error);
  g_assert_true (loadwise_database_log_set (fixture->db, &day, &log, &error));
  g_assert_no_error (error);

  start = loadwise_test_date (2026, 4, 6);
  loadwise_programme_init (&programme, &start);
  g_assert_true (loadwise_database_start_programme (fixture->db, &programme, levels, &error));
  g_assert_no_error (error);

  assert_programme (fixture->db, &programme);
  assert_levels (fixture->db, 2, 0, 0, 0);
  g_assert_cmpint (store_test_query_int (handle, "SELECT count(*) FROM week_plan"), ==, 3);
  sets = loadwise_database_list_sets (fixture->db, &day, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sets->len, ==, 1);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/store/programme/none-yet", StoreFixture, NULL,
              store_fixture_setup, test_none_yet, store_fixture_teardown);
  g_test_add ("/store/programme/start-and-get", StoreFixture, NULL,
              store_fixture_setup, test_start_and_get, store_fixture_teardown);
  g_test_add ("/store/programme/invalid-changes-nothing", StoreFixture, NULL,
              store_fixture_setup, test_invalid_changes_nothing, store_fixture_teardown);
  g_test_add ("/store/programme/update", StoreFixture, NULL,
              store_fixture_setup, test_update, store_fixture_teardown);
  g_test_add ("/store/programme/levels-per-week", StoreFixture, NULL,
              store_fixture_setup, test_levels_per_week, store_fixture_teardown);
  g_test_add ("/store/programme/week-plans", StoreFixture, NULL,
              store_fixture_setup, test_week_plans, store_fixture_teardown);
  g_test_add ("/store/programme/restart-keeps-logs", StoreFixture, NULL,
              store_fixture_setup, test_restart_keeps_logs, store_fixture_teardown);

  return g_test_run ();
}
