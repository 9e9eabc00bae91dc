/* test-store-derive-repro.c: issue 11's "What is wrong now", one test each
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "core/loadwise-progression.h"
#include "loadwise-test-util.h"
#include "store-test-util.h"
#include "store/loadwise-database-progression.h"
#include "store/loadwise-database-runs.h"

static LoadwiseCatalogue *catalogue;

/* Day 0 is Monday 2026-03-02; sessions Mon/Wed/Fri. */
static GDate
day (int d)
{
  GDate date = loadwise_test_date (2026, 3, 2);

  if (d >= 0)
    g_date_add_days (&date, (guint) d);
  else
    g_date_subtract_days (&date, (guint) -d);
  return date;
}

static gboolean
is_session_day (int d)
{
  return d % 7 == 0 || d % 7 == 2 || d % 7 == 4;
}

static void
on (LoadwiseDatabase *db,
    int               d)
{
  GDate today = day (d);

  store_test_set_today (db, &today);
}

static void
checkin (LoadwiseDatabase *db,
         int               d,
         guint             pain)
{
  GDate date = day (d);

  store_test_checkin (db, &date, pain);
}

static void
log_session (LoadwiseDatabase *db,
             int               d,
             guint             percent,
             guint             pain)
{
  GDate date = day (d);

  store_test_log_session (db, catalogue, &date, percent, pain);
}

/* The day's check-in (pain 2), and its session in full with pain 1. */
static void
good_day (LoadwiseDatabase *db,
          int               d)
{
  checkin (db, d, 2);
  if (is_session_day (d))
    log_session (db, d, 100, 1);
}

static void
start (StoreFixture *fixture,
       guint         level)
{
  g_autoptr (GError) error = NULL;
  const guint levels[LOADWISE_N_FAMILIES] = { level, level, level };
  LoadwiseProgramme programme;
  GDate first = day (0);

  /* A baseline of 2 from the week before. */
  for (int d = -7; d < 0; d++)
    checkin (fixture->db, d, 2);
  loadwise_programme_init (&programme, &first);
  g_assert_true (loadwise_database_start_programme (fixture->db, &programme, levels, &error));
  g_assert_no_error (error);
}

static void
plan_of (LoadwiseDatabase *db,
         int               week,
         LoadwiseWeekPlan  plans[LOADWISE_N_FAMILIES])
{
  g_autoptr (GError) error = NULL;

  g_assert_true (loadwise_database_get_week_plan (db, week, plans, &error));
  g_assert_no_error (error);
}

static LoadwiseWeekReview *
review_of (LoadwiseDatabase *db,
           int               week)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) reviews = loadwise_database_list_week_reviews (db, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < reviews->len; i++)
    if (((LoadwiseWeekReview *) g_ptr_array_index (reviews, i))->week == week)
      return g_ptr_array_steal_index (reviews, i);
  return NULL;
}

/* Typing each week in on the next Monday evening: the entry that closes a
 * week counts in it, so every good week moves up (it used to hold at
 * "66% of sets done"). */
static void
test_monday_evening (StoreFixture  *fixture,
                     gconstpointer  data)
{
  start (fixture, 1);
  for (int week = 0; week < 3; week++)
    {
      on (fixture->db, (week + 1) * 7);
      for (int d = week * 7; d < (week + 1) * 7; d++)
        good_day (fixture->db, d);
    }
  on (fixture->db, 3 * 7);
  for (int week = 2; week <= 4; week++)
    {
      LoadwiseWeekPlan plans[LOADWISE_N_FAMILIES];

      plan_of (fixture->db, week, plans);
      for (guint f = 0; f < LOADWISE_N_FAMILIES; f++)
        {
          g_assert_cmpstr (plans[f].decision, ==, "progress");
          g_assert_cmpuint (plans[f].level, ==, (guint) week);
        }
      loadwise_database_week_plans_clear (plans);
    }
}

/* A start date in the past, or a fortnight away, then the sessions typed
 * in from paper: the weeks first decided from no data are revised. */
static void
test_typed_in_from_paper (StoreFixture  *fixture,
                          gconstpointer  data)
{
  g_autoptr (LoadwiseWeekReview) review = NULL;
  LoadwiseWeekPlan plans[LOADWISE_N_FAMILIES];

  on (fixture->db, 15);
  start (fixture, 1);
  /* Decided from nothing at first. */
  plan_of (fixture->db, 2, plans);
  g_assert_cmpstr (plans[0].decision, ==, "hold");
  loadwise_database_week_plans_clear (plans);

  for (int d = 0; d <= 15; d++)
    good_day (fixture->db, d);

  plan_of (fixture->db, 2, plans);
  g_assert_cmpstr (plans[0].decision, ==, "progress");
  g_assert_cmpuint (plans[0].level, ==, 2);
  loadwise_database_week_plans_clear (plans);
  plan_of (fixture->db, 3, plans);
  g_assert_cmpstr (plans[0].decision, ==, "progress");
  g_assert_cmpuint (plans[0].level, ==, 3);
  loadwise_database_week_plans_clear (plans);
  review = review_of (fixture->db, 1);
  g_assert_nonnull (review->revised_at);
  g_assert_true (review->final);
  g_assert_cmpuint (review->adherence, ==, 100);
}

/* A flare back-dated to have ended early: the week it touched counts its
 * days again, and the next week is not capped at level 1. */
static void
test_flare_end_backdated (StoreFixture  *fixture,
                          gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LoadwiseWeekReview) before = NULL;
  g_autoptr (LoadwiseWeekReview) after = NULL;
  LoadwiseProgramme programme;
  LoadwisePrescription prescription;
  GDate tuesday = day (1), wednesday = day (2), next_wednesday = day (9);
  sqlite3 *handle = loadwise_database_get_handle (fixture->db);

  start (fixture, 3);
  for (int d = 0; d < 7; d++)
    {
      on (fixture->db, d);
      if (d == 1)
        g_assert_true (loadwise_database_start_flare (fixture->db, &tuesday, FALSE, NULL, &error));
      g_assert_no_error (error);
      /* Mornings too sore for the exit rule to end it. */
      checkin (fixture->db, d, 5);
      if (is_session_day (d))
        log_session (fixture->db, d, 100, 1);
    }
  on (fixture->db, 8);
  checkin (fixture->db, 7, 2);
  before = review_of (fixture->db, 1);
  g_assert_null (before->revised_at);
  /* Wednesday and Friday in flare mode. */
  g_assert_cmpint (store_test_query_int (handle, "SELECT inputs LIKE '%;f:2' FROM week_review"
                                                 " WHERE week = 1"), ==, 1);
  g_assert_true (loadwise_database_get_programme (fixture->db, &programme, &error));
  g_assert_true (loadwise_database_prescribe (fixture->db, catalogue, &programme, &next_wednesday,
                                              &prescription, &error));
  /* Down to 2 for the mornings, capped at 1 by the flare. */
  g_assert_cmpuint (prescription.exercises[0].level, ==, 1);

  /* The runner says it was over by Wednesday. */
  g_assert_true (loadwise_database_end_flare (fixture->db, &wednesday, FALSE, &error));
  g_assert_no_error (error);
  after = review_of (fixture->db, 1);
  /* No session day in flare mode any more: Wednesday is the day it ended. */
  g_assert_cmpint (store_test_query_int (handle, "SELECT inputs LIKE '%;f:0' FROM week_review"
                                                 " WHERE week = 1"), ==, 1);
  g_assert_true (loadwise_database_prescribe (fixture->db, catalogue, &programme, &next_wednesday,
                                              &prescription, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (prescription.exercises[0].level, ==, 2);
}

/* Two sore mornings typed in two days late still bring the suggestion. */
static void
test_backdated_morning_suggests (StoreFixture  *fixture,
                                 gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_auto (LoadwiseFlareStatus) status = { 0 };
  GDate today = day (10), evidence = day (8);

  start (fixture, 1);
  on (fixture->db, 10);
  for (int d = 0; d < 7; d++)
    checkin (fixture->db, d, 2);
  checkin (fixture->db, 7, 5);
  checkin (fixture->db, 8, 5);
  g_assert_true (loadwise_database_get_flare_status (fixture->db, &today, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status.state, ==, LOADWISE_FLARE_STATE_SUGGESTED);
  g_assert_cmpuint (status.trigger & LOADWISE_FLARE_TRIGGER_MORNING, !=, 0);
  /* The evidence is the second sore morning, two days before today. */
  g_assert_cmpint (g_date_compare (&status.since, &evidence), ==, 0);
}

/* A run that hurt, typed in two days late, suggests too. */
static void
test_backdated_run_suggests (StoreFixture  *fixture,
                             gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LoadwiseRun) run = loadwise_run_new ();
  g_auto (LoadwiseFlareStatus) status = { 0 };
  GDate today = day (10);

  start (fixture, 1);
  on (fixture->db, 10);
  run->date = day (8);
  run->distance_m = 8000;
  run->pain_during = 7;
  g_assert_true (loadwise_database_add_run (fixture->db, run, &error));
  g_assert_no_error (error);
  g_assert_true (loadwise_database_get_flare_status (fixture->db, &today, &status, &error));
  g_assert_cmpint (status.state, ==, LOADWISE_FLARE_STATE_SUGGESTED);
  g_assert_cmpuint (status.trigger & LOADWISE_FLARE_TRIGGER_RUN_PAIN, !=, 0);
}

/* PROGRAMME.md, "Schedule": a flare on at the start means level 0. */
static void
test_flare_then_start (StoreFixture  *fixture,
                       gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  GDate before = day (-2);
  guint levels[LOADWISE_N_FAMILIES];

  on (fixture->db, -1);
  g_assert_true (loadwise_database_start_flare (fixture->db, &before, FALSE, NULL, &error));
  g_assert_no_error (error);
  start (fixture, 1);
  g_assert_true (loadwise_database_get_levels (fixture->db, 1, levels, &error));
  g_assert_no_error (error);
  for (guint f = 0; f < LOADWISE_N_FAMILIES; f++)
    g_assert_cmpuint (levels[f], ==, 0);
}

/* Completion counts whole sets: 50% of level 0's one lateral set is none
 * done, and 75% of two sets is one; neither moves up. */
static void
check_completion (StoreFixture *fixture,
                  guint         level,
                  guint         percent)
{
  LoadwiseWeekPlan plans[LOADWISE_N_FAMILIES];

  start (fixture, level);
  on (fixture->db, 7);
  for (int d = 0; d <= 7; d++)
    {
      checkin (fixture->db, d, 2);
      if (is_session_day (d) && d < 7)
        log_session (fixture->db, d, percent, 1);
    }
  plan_of (fixture->db, 2, plans);
  for (guint f = 0; f < LOADWISE_N_FAMILIES; f++)
    {
      g_test_message ("%s: %s", loadwise_family_to_string (f), plans[f].reason);
      g_assert_cmpstr (plans[f].decision, !=, "progress");
      g_assert_cmpuint (plans[f].level, ==, level);
    }
  loadwise_database_week_plans_clear (plans);
}

static void
test_completed_50_level_0 (StoreFixture  *fixture,
                           gconstpointer  data)
{
  g_autoptr (LoadwiseWeekReview) review = NULL;

  check_completion (fixture, 0, 50);
  review = review_of (fixture->db, 1);
  g_assert_cmpuint (review->adherence, <, 50);
}

static void
test_completed_75_two_sets (StoreFixture  *fixture,
                            gconstpointer  data)
{
  g_autoptr (LoadwiseWeekReview) review = NULL;

  check_completion (fixture, 1, 75);
  review = review_of (fixture->db, 1);
  g_assert_cmpuint (review->adherence, ==, 50);
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  catalogue = loadwise_catalogue_load_default (NULL);

#define ADD(path, func) \
  g_test_add (path, StoreFixture, NULL, store_fixture_setup, func, store_fixture_teardown)
  ADD ("/store/derive/monday-evening", test_monday_evening);
  ADD ("/store/derive/typed-in-from-paper", test_typed_in_from_paper);
  ADD ("/store/derive/flare-end-backdated", test_flare_end_backdated);
  ADD ("/store/derive/backdated-morning-suggests", test_backdated_morning_suggests);
  ADD ("/store/derive/backdated-run-suggests", test_backdated_run_suggests);
  ADD ("/store/derive/flare-then-start", test_flare_then_start);
  ADD ("/store/derive/completed-50-level-0", test_completed_50_level_0);
  ADD ("/store/derive/completed-75-two-sets", test_completed_75_two_sets);
#undef ADD

  status = g_test_run ();
  loadwise_catalogue_unref (catalogue);
  return status;
}
