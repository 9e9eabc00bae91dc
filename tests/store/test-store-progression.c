/* test-store-progression.c: closing weeks from logged data
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "core/loadwise-error.h"
#include "core/loadwise-progression.h"
#include "loadwise-test-util.h"
#include "store-test-util.h"
#include "store/loadwise-database-progression.h"
#include "store/loadwise-database-runs.h"

/* The weeks are the store's own derived state: moving the clock on and
 * writing decide them, nothing else (issue 11). */

/* 2026-03-02 is a Monday: week 1 is 03-02 .. 03-08, sessions Mon/Wed/Fri. */
#define START_DAY 2

static LoadwiseCatalogue *catalogue;

static GDate
day (int d)
{
  GDate date = loadwise_test_date (2026, 3, 1);

  /* Day numbers count from 2026-03-01; negative ones reach into February. */
  if (d >= 1)
    g_date_add_days (&date, (guint) (d - 1));
  else
    g_date_subtract_days (&date, (guint) (1 - d));
  return date;
}

static void
checkins (LoadwiseDatabase *db,
          int               from,
          int               to,
          guint             pain)
{
  for (int d = from; d <= to; d++)
    {
      GDate date = day (d);

      store_test_checkin (db, &date, pain);
    }
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

static void
on_changed (LoadwiseDatabase *db,
            guint             what,
            gpointer          user_data)
{
  gboolean *derived = user_data;

  *derived |= (what & LOADWISE_DATABASE_CHANGE_DERIVED) != 0;
}

/* Moves the database's clock to day @d (the store derives for its today)
 * and refreshes; whether the derived state changed. */
static gboolean
close_on (LoadwiseDatabase *db,
          int               d)
{
  g_autoptr (GError) error = NULL;
  GDate today = day (d);
  gboolean derived = FALSE;
  gulong handler;

  store_test_set_today (db, &today);
  handler = g_signal_connect (db, "changed", G_CALLBACK (on_changed), &derived);
  g_assert_true (loadwise_database_refresh_derived (db, &error));
  g_assert_no_error (error);
  g_signal_handler_disconnect (db, handler);
  return derived;
}

/* The stored plan row of @family for @week (not the one in force). */
static LoadwiseWeekPlan *
stored_plan (LoadwiseDatabase *db,
             int               week,
             LoadwiseFamily    family)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) plans = loadwise_database_list_week_plans (db, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < plans->len; i++)
    {
      LoadwiseWeekPlan *plan = g_ptr_array_index (plans, i);

      if (plan->week == week && plan->family == family)
        return g_ptr_array_steal_index (plans, i);
    }
  return NULL;
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

/* A baseline of 2 from the week before the start. */
static void
setup (StoreFixture  *fixture,
       gconstpointer  data)
{
  GDate start = day (START_DAY);

  store_fixture_setup (fixture, data);
  store_test_start_programme (fixture->db, &start);
  checkins (fixture->db, START_DAY - 7, START_DAY - 1, 2);
}

/* Every set, pain 2, quiet mornings: every family moves up, once. */
static void
test_close_from_logs (StoreFixture  *fixture,
                      gconstpointer  data)
{
  g_autoptr (LoadwiseWeekPlan) bridge = NULL;
  g_autoptr (LoadwiseWeekReview) review = NULL;
  int last = -1;

  for (int d = 2; d <= 6; d += 2)
    log_session (fixture->db, d, 100, 2);
  checkins (fixture->db, 2, 9, 2);

  /* Nothing to close while week 1 runs. */
  g_assert_false (close_on (fixture->db, 8));
  g_assert_null (review_of (fixture->db, 1));

  g_assert_true (close_on (fixture->db, 9));
  bridge = stored_plan (fixture->db, 2, LOADWISE_FAMILY_BRIDGE);
  g_assert_nonnull (bridge);
  g_assert_cmpuint (bridge->level, ==, 2);
  g_assert_cmpstr (bridge->decision, ==, "progress");
  /* The wording is loadwise-progression.c's; the figures are these. */
  g_assert_nonnull (strstr (bridge->reason, "up to level 2"));
  for (guint f = 0; f < LOADWISE_N_FAMILIES; f++)
    {
      g_autoptr (LoadwiseWeekPlan) plan = stored_plan (fixture->db, 2, f);

      g_assert_cmpuint (plan->level, ==, 2);
    }

  review = review_of (fixture->db, 1);
  g_assert_nonnull (review);
  g_assert_true (review->have_adherence);
  g_assert_cmpuint (review->adherence, ==, 100);
  /* (2 bridges + 2 sit-to-stands + 2 side-step sets) x 3 days */
  g_assert_cmpuint (review->sets_done, ==, 18);
  g_assert_cmpuint (review->sets_counted, ==, 18);
  g_assert_true (review->have_mean_morning_pain);
  g_assert_cmpfloat (review->mean_morning_pain, ==, 2.0);
  g_assert_false (review->see_clinician);
  g_assert_cmpuint (review->safe_pain, ==, 3);
  g_assert_nonnull (review->closed_at);
  g_assert_null (review->revised_at);

  /* Closing again changes nothing; levels in week 2 are the new ones. */
  g_assert_false (close_on (fixture->db, 10));

  /* A late change that leads to the same decision revises nothing. */
  checkins (fixture->db, 5, 5, 3);
  g_assert_false (close_on (fixture->db, 10));
  {
    g_autoptr (LoadwiseWeekReview) again = review_of (fixture->db, 1);
    g_autoptr (LoadwiseWeekPlan) same = stored_plan (fixture->db, 2, LOADWISE_FAMILY_BRIDGE);

    g_assert_null (again->revised_at);
    g_assert_cmpfloat_with_epsilon (again->mean_morning_pain, 15.0 / 7, 1e-9);
    g_assert_cmpstr (same->reason, ==, bridge->reason);
  }
  g_assert_true (loadwise_database_get_last_closed_week (fixture->db, &last, NULL));
  g_assert_cmpint (last, ==, 1);

  /* An empty week 2 holds, and asks without blame. */
  g_assert_true (close_on (fixture->db, 16));
  {
    g_autoptr (LoadwiseWeekPlan) week3 = stored_plan (fixture->db, 3, LOADWISE_FAMILY_LATERAL);

    g_assert_cmpuint (week3->level, ==, 2);
    g_assert_cmpstr (week3->decision, ==, "hold");
    g_assert_nonnull (strstr (week3->reason, "What got in the way?"));
  }
}

/* Weeks pass unseen: opening later closes all of them, in order. */
static void
test_close_many_weeks (StoreFixture  *fixture,
                       gconstpointer  data)
{
  g_autoptr (LoadwiseWeekPlan) maintenance = NULL;
  int last = 0;

  /* Week 9 onwards is maintenance after an 8-week programme. */
  g_assert_true (close_on (fixture->db, 2 + 7 * 10));
  g_assert_true (loadwise_database_get_last_closed_week (fixture->db, &last, NULL));
  g_assert_cmpint (last, ==, 10);
  maintenance = stored_plan (fixture->db, 9, LOADWISE_FAMILY_BRIDGE);
  g_assert_cmpstr (maintenance->decision, ==, "maintain");
  g_assert_cmpuint (maintenance->level, ==, 1);
}

/* Pain 4 holds at safe 3; raising the thresholds once week 2 has been
 * trained on leaves week 1's decision alone (it is final) and applies from
 * the next week. */
static void
test_thresholds_change_later (StoreFixture  *fixture,
                              gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LoadwiseWeekPlan) week2 = NULL;
  g_autoptr (LoadwiseWeekPlan) week2_after = NULL;
  g_autoptr (LoadwiseWeekPlan) week3 = NULL;
  g_autoptr (LoadwiseWeekReview) review1 = NULL;
  g_autoptr (LoadwiseWeekReview) review2 = NULL;
  LoadwiseProgramme programme;

  for (int d = 2; d <= 6; d += 2)
    log_session (fixture->db, d, 100, 4);
  checkins (fixture->db, 2, 16, 2);
  g_assert_true (close_on (fixture->db, 9));
  week2 = stored_plan (fixture->db, 2, LOADWISE_FAMILY_BRIDGE);
  g_assert_cmpstr (week2->decision, ==, "hold");
  g_assert_nonnull (strstr (week2->reason, "reached 4 during, above 3 but within 5"));

  /* Monday's session of week 2 trains on week 1's decision: final. */
  log_session (fixture->db, 9, 100, 4);
  g_assert_true (loadwise_database_get_programme (fixture->db, &programme, &error));
  programme.safe_pain = 4;
  programme.max_pain = 6;
  g_assert_true (loadwise_database_update_programme (fixture->db, &programme, &error));
  g_assert_no_error (error);

  g_assert_false (close_on (fixture->db, 10));
  week2_after = stored_plan (fixture->db, 2, LOADWISE_FAMILY_BRIDGE);
  g_assert_cmpstr (week2_after->reason, ==, week2->reason);
  review1 = review_of (fixture->db, 1);
  g_assert_cmpuint (review1->safe_pain, ==, 3);
  g_assert_cmpuint (review1->max_pain, ==, 5);

  for (int d = 11; d <= 13; d += 2)
    log_session (fixture->db, d, 100, 4);
  g_assert_true (close_on (fixture->db, 16));
  week3 = stored_plan (fixture->db, 3, LOADWISE_FAMILY_BRIDGE);
  g_assert_cmpstr (week3->decision, ==, "progress");
  g_assert_cmpuint (week3->level, ==, 2);
  review2 = review_of (fixture->db, 2);
  g_assert_cmpuint (review2->safe_pain, ==, 4);
}

/* Sessions logged after the boundary revise the decision until the runner
 * trains on it (revised_at says so); then history stays. */
static void
test_late_logs_revise (StoreFixture  *fixture,
                       gconstpointer  data)
{
  g_autoptr (LoadwiseWeekPlan) before = NULL;
  g_autoptr (LoadwiseWeekPlan) after = NULL;
  g_autoptr (LoadwiseWeekPlan) final = NULL;
  g_autoptr (LoadwiseWeekReview) review = NULL;

  log_session (fixture->db, 2, 100, 2);
  checkins (fixture->db, 2, 20, 2);
  g_assert_true (close_on (fixture->db, 9));
  before = stored_plan (fixture->db, 2, LOADWISE_FAMILY_BRIDGE);
  g_assert_cmpstr (before->decision, ==, "hold");
  g_assert_nonnull (strstr (before->reason, "of sets done"));

  /* Wednesday and Friday, logged on Tuesday of week 2: the write itself
   * takes the decision again. */
  g_assert_false (close_on (fixture->db, 10));
  log_session (fixture->db, 4, 100, 2);
  log_session (fixture->db, 6, 100, 2);
  after = stored_plan (fixture->db, 2, LOADWISE_FAMILY_BRIDGE);
  g_assert_cmpstr (after->decision, ==, "progress");
  g_assert_cmpuint (after->level, ==, 2);
  g_assert_nonnull (strstr (after->reason, "up to level 2"));
  /* revised_at, and the reason's own sentence. */
  g_assert_nonnull (strstr (after->reason, "entries logged after the week ended now count"));
  review = review_of (fixture->db, 1);
  g_assert_nonnull (review->revised_at);
  g_assert_false (review->final);
  g_assert_cmpuint (review->adherence, ==, 100);
  g_assert_false (close_on (fixture->db, 11));

  /* Week 2 is trained on and closes; a late change to week 1 no longer
   * rewrites it. */
  log_session (fixture->db, 11, 100, 2);
  g_assert_true (close_on (fixture->db, 16));
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (LoadwiseWeekReview) final_review = review_of (fixture->db, 1);
    LoadwiseCheckin bad = { day (5), 9, LOADWISE_SIDE_LEFT, TRUE };

    g_assert_true (final_review->final);
    g_assert_true (loadwise_database_save_checkin (fixture->db, &bad, &error));
  }
  /* Week 2's own decision may be taken again (it reads week 1's mean). */
  close_on (fixture->db, 17);
  final = stored_plan (fixture->db, 2, LOADWISE_FAMILY_BRIDGE);
  g_assert_cmpstr (final->reason, ==, after->reason);
}

/* A skipped day is not a miss in adherence, but progress needs the sets. */
static void
test_skipped_day (StoreFixture  *fixture,
                  gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LoadwiseWeekPlan) plan = NULL;
  g_autoptr (LoadwiseWeekReview) review = NULL;
  GDate friday = day (6);

  log_session (fixture->db, 2, 100, 1);
  log_session (fixture->db, 4, 100, 1);
  g_assert_true (loadwise_database_set_session_status (fixture->db, &friday,
                                                       LOADWISE_SESSION_STATUS_SKIPPED, NULL,
                                                       "travelling", &error));
  g_assert_no_error (error);
  checkins (fixture->db, 2, 9, 2);
  g_assert_true (close_on (fixture->db, 9));

  plan = stored_plan (fixture->db, 2, LOADWISE_FAMILY_SINGLE_LEG);
  g_assert_cmpstr (plan->decision, ==, "hold");
  g_assert_cmpuint (plan->level, ==, 1);
  g_assert_null (strstr (plan->reason, "What got in the way"));
  review = review_of (fixture->db, 1);
  g_assert_cmpuint (review->adherence, ==, 100);
  g_assert_cmpuint (review->sets_counted, ==, 12);
}

/* Days in flare mode are excused like skipped days: the Monday done in
 * full is full adherence, but the level waits. */
static void
test_flare_days (StoreFixture  *fixture,
                 gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LoadwiseWeekPlan) plan = NULL;
  g_autoptr (LoadwiseWeekReview) review = NULL;
  GDate tuesday = day (3);
  GDate sunday = day (8);

  log_session (fixture->db, 2, 100, 1);
  g_assert_true (loadwise_database_start_flare (fixture->db, &tuesday, TRUE, NULL, &error));
  log_session (fixture->db, 4, 50, 1);
  g_assert_true (loadwise_database_end_flare (fixture->db, &sunday, TRUE, &error));
  g_assert_no_error (error);
  checkins (fixture->db, 2, 9, 2);
  g_assert_true (close_on (fixture->db, 9));

  plan = stored_plan (fixture->db, 2, LOADWISE_FAMILY_BRIDGE);
  g_assert_cmpstr (plan->decision, ==, "hold");
  g_assert_nonnull (strstr (plan->reason, "stays at level 1"));
  review = review_of (fixture->db, 1);
  g_assert_cmpuint (review->adherence, ==, 100);
  g_assert_cmpuint (review->sets_counted, ==, 6);
  g_assert_cmpuint (review->sets_done, ==, 6);
}

/* A morning two above the baseline regresses; two such weeks in a row
 * prompt a visit to a clinician. */
static void
test_regress_and_clinician (StoreFixture  *fixture,
                            gconstpointer  data)
{
  g_autoptr (LoadwiseWeekPlan) week2 = NULL;
  g_autoptr (LoadwiseWeekPlan) week3 = NULL;
  g_autoptr (LoadwiseWeekReview) review1 = NULL;
  g_autoptr (LoadwiseWeekReview) review2 = NULL;

  /* Mon, Wed, Fri of weeks 1 and 2. */
  for (int d = 2; d <= 13; d += d == 6 ? 3 : 2)
    log_session (fixture->db, d, 100, 2);
  checkins (fixture->db, 2, 16, 2);
  checkins (fixture->db, 5, 5, 4);
  checkins (fixture->db, 12, 12, 5);

  g_assert_true (close_on (fixture->db, 16));
  week2 = stored_plan (fixture->db, 2, LOADWISE_FAMILY_BRIDGE);
  week3 = stored_plan (fixture->db, 3, LOADWISE_FAMILY_BRIDGE);
  g_assert_cmpstr (week2->decision, ==, "regress");
  g_assert_cmpuint (week2->level, ==, 0);
  g_assert_cmpstr (week3->decision, ==, "regress");
  g_assert_cmpuint (week3->level, ==, 0);
  g_assert_nonnull (strstr (week3->reason, "stays at level 0"));
  review1 = review_of (fixture->db, 1);
  review2 = review_of (fixture->db, 2);
  g_assert_false (review1->see_clinician);
  g_assert_true (review2->see_clinician);
  g_assert_nonnull (strstr (review2->clinician_reason, "Two weeks in a row"));
}

/* The stored targets reach the prescription; a new start clears the plan
 * and its reviews. */
static void
test_prescribe_and_restart (StoreFixture  *fixture,
                            gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) reviews = NULL;
  LoadwiseWeekPlan plans[] = {
    { 2, LOADWISE_FAMILY_BRIDGE, 2, 10, 0, (char *) "hold", (char *) "Bridge: stays" },
    { 2, LOADWISE_FAMILY_SINGLE_LEG, 0, 0, 15, (char *) "regress", (char *) "Single-leg: down" },
    { 2, LOADWISE_FAMILY_LATERAL, 3, 99, 0, (char *) "progress", (char *) "Lateral: up" },
  };
  LoadwiseProgramme programme;
  LoadwisePrescription prescription;
  GDate wednesday = day (11);
  GDate before = day (-8);
  const guint levels[LOADWISE_N_FAMILIES] = { 1, 1, 1 };
  int last = -1;

  g_assert_true (loadwise_database_save_week_plans (fixture->db, plans, G_N_ELEMENTS (plans),
                                                    &error));
  g_assert_true (loadwise_database_get_programme (fixture->db, &programme, &error));
  g_assert_true (loadwise_database_prescribe (fixture->db, catalogue, &programme, &wednesday,
                                              &prescription, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (prescription.exercises[0].target_reps, ==, 10);
  g_assert_cmpuint (prescription.exercises[1].target_hold_s, ==, 15);
  /* Clamped to the top of the band walk's range. */
  g_assert_cmpuint (prescription.exercises[2].target_reps, ==, 15);

  /* A flare caps the level at 1 and restarts the capped range. */
  g_assert_true (loadwise_database_start_flare (fixture->db, &wednesday, FALSE, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (loadwise_database_prescribe (fixture->db, catalogue, &programme, &wednesday,
                                              &prescription, &error));
  g_assert_cmpuint (prescription.exercises[0].level, ==, 1);
  g_assert_cmpuint (prescription.exercises[0].target_reps, ==, 10);
  g_assert_cmpuint (prescription.exercises[1].level, ==, 0);
  g_assert_cmpuint (prescription.exercises[1].target_hold_s, ==, 15);
  g_assert_cmpuint (prescription.exercises[2].level, ==, 1);
  g_assert_cmpuint (prescription.exercises[2].target_reps, ==, 15);

  g_assert_false (loadwise_database_prescribe (fixture->db, catalogue, &programme, &before,
                                               &prescription, &error));
  g_assert_error (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT);
  g_assert_cmpstr (error->message, ==, "date: 2026-02-20 is before the programme starts on 2026-03-02");
  g_clear_error (&error);

  g_assert_true (loadwise_database_start_programme (fixture->db, &programme, levels, &error));
  g_assert_true (loadwise_database_get_last_closed_week (fixture->db, &last, &error));
  g_assert_cmpint (last, ==, 0);
  g_assert_true (close_on (fixture->db, 9));
  reviews = loadwise_database_list_week_reviews (fixture->db, &error);
  g_assert_cmpuint (reviews->len, ==, 1);
}

/* Before the start: nothing to decide. Without a programme: nothing to
 * derive, and no plan. */
static void
test_before_start (StoreFixture  *fixture,
                   gconstpointer  data)
{
  g_assert_false (close_on (fixture->db, 1));
  g_assert_null (review_of (fixture->db, 1));
}

static void
test_no_programme (StoreFixture  *fixture,
                   gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  LoadwiseWeekPlan plans[LOADWISE_N_FAMILIES];

  g_assert_false (close_on (fixture->db, 20));
  g_assert_false (loadwise_database_get_week_plan (fixture->db, 2, plans, &error));
  g_assert_error (error, LOADWISE_DATABASE_ERROR, LOADWISE_DATABASE_ERROR_NO_PROGRAMME);
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  catalogue = loadwise_catalogue_load_default (NULL);

#define ADD(path, func) \
  g_test_add (path, StoreFixture, NULL, setup, func, store_fixture_teardown)
  ADD ("/store/progression/close-from-logs", test_close_from_logs);
  ADD ("/store/progression/close-many-weeks", test_close_many_weeks);
  ADD ("/store/progression/thresholds-change-later", test_thresholds_change_later);
  ADD ("/store/progression/late-logs-revise", test_late_logs_revise);
  ADD ("/store/progression/skipped-day", test_skipped_day);
  ADD ("/store/progression/flare-days", test_flare_days);
  ADD ("/store/progression/regress-and-clinician", test_regress_and_clinician);
  ADD ("/store/progression/prescribe-and-restart", test_prescribe_and_restart);
  ADD ("/store/progression/before-start", test_before_start);
#undef ADD
  g_test_add ("/store/progression/no-programme", StoreFixture, NULL, store_fixture_setup,
              test_no_programme, store_fixture_teardown);

  status = g_test_run ();
  loadwise_catalogue_unref (catalogue);
  return status;
}
