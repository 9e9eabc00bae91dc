/* test-insights.c: factor comparisons, lags, sample sizes and Spearman
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include "core/loadwise-insights.h"
#include "loadwise-test-util.h"

typedef struct {
  GPtrArray *runs;
  GArray    *checkins;
  GArray    *habits;
  GArray    *sessions;
} History;

static void
history_init (History *h)
{
  h->runs = g_ptr_array_new_with_free_func ((GDestroyNotify) loadwise_run_free);
  h->checkins = g_array_new (FALSE, TRUE, sizeof (LoadwiseCheckin));
  h->habits = g_array_new (FALSE, TRUE, sizeof (LoadwiseHabits));
  h->sessions = g_array_new (FALSE, TRUE, sizeof (GDate));
}

static void
history_clear (History *h)
{
  g_ptr_array_unref (h->runs);
  g_array_unref (h->checkins);
  g_array_unref (h->habits);
  g_array_unref (h->sessions);
}

static GDate
day_n (guint n)
{
  GDate date = loadwise_test_date (2026, 1, 1);

  g_date_add_days (&date, n);
  return date;
}

static LoadwiseRun *
add_run (History *h,
         guint    day,
         guint    distance_m,
         guint    pain_after)
{
  LoadwiseRun *run = loadwise_run_new ();

  run->date = day_n (day);
  run->distance_m = distance_m;
  run->pain_during = pain_after;
  run->has_pain_after = TRUE;
  run->pain_after = pain_after;
  g_ptr_array_add (h->runs, run);
  return run;
}

static void
add_checkin (History *h,
             guint    day,
             guint    pain)
{
  LoadwiseCheckin c = { day_n (day), pain, pain > 0 ? LOADWISE_SIDE_RIGHT : LOADWISE_SIDE_NONE, FALSE };

  g_array_append_val (h->checkins, c);
}

static GPtrArray *
compute (History *h)
{
  LoadwiseInsightData data = {
    h->runs,
    (const LoadwiseCheckin *) (gpointer) h->checkins->data, h->checkins->len,
    (const LoadwiseHabits *) (gpointer) h->habits->data, h->habits->len,
    (const GDate *) (gpointer) h->sessions->data, h->sessions->len,
    NULL,
  };

  return loadwise_insights_compute (&data);
}

static const LoadwiseInsight *
find (GPtrArray          *insights,
      const char         *factor,
      LoadwiseInsightLag  lag)
{
  for (guint i = 0; i < insights->len; i++)
    {
      const LoadwiseInsight *insight = g_ptr_array_index (insights, i);

      if (strcmp (insight->factor, factor) == 0 && insight->lag == lag)
        return insight;
    }
  return NULL;
}

static void
test_spearman (void)
{
  const double x[] = { 1, 2, 3, 4, 5 };
  const double up[] = { 2, 4, 6, 8, 10 };
  const double down[] = { 5, 4, 3, 2, 1 };
  /* Ranks of y: 2, 1, 4, 3, 5 -> d^2 = 1+1+1+1+0 = 4; rho = 1 - 6*4/(5*24) = 0.8 */
  const double swapped[] = { 20, 10, 40, 30, 50 };
  /* With ties, x ranks 1, 2.5, 2.5, 4, 5 and y ranks 1, 2, 3, 4, 5:
   * Pearson of the ranks = 9.5 / sqrt (9.5 * 10) = 0.9746794... */
  const double tied_x[] = { 1, 2, 2, 3, 4 };
  const double flat[] = { 3, 3, 3, 3, 3 };

  g_assert_cmpfloat_with_epsilon (loadwise_spearman (x, up, 5), 1.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (loadwise_spearman (x, down, 5), -1.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (loadwise_spearman (x, swapped, 5), 0.8, 1e-12);
  g_assert_cmpfloat_with_epsilon (loadwise_spearman (tied_x, x, 5), 9.5 / sqrt (95.0), 1e-12);
  g_assert_true (isnan (loadwise_spearman (x, flat, 5)));
  g_assert_true (isnan (loadwise_spearman (x, up, 1)));
}

/* Downhill runs are followed by worse mornings: 4 with, 6 without. */
static void
test_clear_effect (void)
{
  History h;
  g_autoptr (GPtrArray) insights = NULL;
  const LoadwiseInsight *next;
  const LoadwiseInsight *same;

  history_init (&h);
  for (guint i = 0; i < 10; i++)
    {
      gboolean downhill = i < 4;
      LoadwiseRun *run = add_run (&h, i * 3, 8000, 2);

      run->descent_m = downhill ? 350 : 40;
      add_checkin (&h, i * 3 + 1, downhill ? 5 : 2);
    }

  insights = compute (&h);
  next = find (insights, "descent", LOADWISE_INSIGHT_NEXT_MORNING);
  g_assert_nonnull (next);
  g_assert_cmpint (next->kind, ==, LOADWISE_INSIGHT_COMPARISON);
  g_assert_cmpuint (next->n_with, ==, 4);
  g_assert_cmpuint (next->n_without, ==, 6);
  g_assert_cmpfloat_with_epsilon (next->mean_with, 5.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (next->mean_without, 2.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (next->difference, 3.0, 1e-9);
  g_assert_cmpstr (next->text, ==,
                   "Next-morning pain averaged 5.0 after runs with 200 m or more of descent (4 runs) "
                   "and 2.0 after runs with less descent (6 runs).");
  /* Said once, where the patterns are listed, not in every finding. */
  g_assert_null (strstr (next->text, "proof"));
  /* Pain after the run was flat: no same-day finding. */
  same = find (insights, "descent", LOADWISE_INSIGHT_SAME_DAY);
  g_assert_null (same);
  /* The amount goes with it too, as a rank correlation of all 10. */
  next = find (insights, "descent-m", LOADWISE_INSIGHT_NEXT_MORNING);
  g_assert_nonnull (next);
  g_assert_cmpint (next->kind, ==, LOADWISE_INSIGHT_CORRELATION);
  g_assert_cmpuint (next->n, ==, 10);
  g_assert_cmpfloat (next->rho, >, 0.8);
  /* Comparisons come first, the largest difference first. */
  g_assert_true (g_ptr_array_index (insights, 0) == find (insights, "descent", LOADWISE_INSIGHT_NEXT_MORNING));
  history_clear (&h);
}

/* Two speed sessions with much more pain: too few to show. */
static void
test_seen_twice (void)
{
  History h;
  g_autoptr (GPtrArray) insights = NULL;

  history_init (&h);
  for (guint i = 0; i < 8; i++)
    {
      LoadwiseRun *run = add_run (&h, i * 2, 8000, i < 2 ? 7 : 1);

      run->speed = i < 2;
    }
  insights = compute (&h);
  g_assert_null (find (insights, "speed", LOADWISE_INSIGHT_SAME_DAY));

  /* A third one makes it a finding, with n = 3 and 6. */
  add_run (&h, 20, 8000, 7)->speed = TRUE;
  g_clear_pointer (&insights, g_ptr_array_unref);
  insights = compute (&h);
  g_assert_nonnull (find (insights, "speed", LOADWISE_INSIGHT_SAME_DAY));
  g_assert_cmpuint (find (insights, "speed", LOADWISE_INSIGHT_SAME_DAY)->n_with, ==, 3);
  g_assert_cmpuint (find (insights, "speed", LOADWISE_INSIGHT_SAME_DAY)->n_without, ==, 6);
  history_clear (&h);
}

/* Every factor varies, pain does not: nothing to show. */
static void
test_flat_pain (void)
{
  History h;
  g_autoptr (GPtrArray) insights = NULL;

  history_init (&h);
  for (guint i = 0; i < 20; i++)
    {
      LoadwiseRun *run = add_run (&h, i * 2, 4000 + i * 700, 3);
      LoadwiseHabits habits = { day_n (i * 2 + 1), i % 2 == 0, i % 3 == 0 };
      GDate session = day_n (i * 2);

      run->descent_m = i * 30;
      run->climb_m = i * 30;
      run->speed = i % 2;
      run->camber = i % 3;
      run->surface = i % 4;
      run->shoe_id = 1 + i % 2;
      add_checkin (&h, i * 2 + 1, 3);
      g_array_append_val (h.habits, habits);
      if (i % 2)
        g_array_append_val (h.sessions, session);
    }
  insights = compute (&h);
  g_assert_cmpuint (insights->len, ==, 0);
  history_clear (&h);
}

/* A run on day D is judged by the check-in of D + 1, not of D. */
static void
test_lag (void)
{
  History h;
  g_autoptr (GPtrArray) insights = NULL;
  const LoadwiseInsight *next;

  history_init (&h);
  for (guint i = 0; i < 8; i++)
    {
      gboolean hilly = i % 2 == 0;
      LoadwiseRun *run = add_run (&h, i * 4, 8000, 2);

      run->climb_m = hilly ? 400 : 0;
      /* The morning of the run itself is high for the flat ones (a red
       * herring), the morning after is high for the hilly ones. */
      add_checkin (&h, i * 4, hilly ? 1 : 6);
      add_checkin (&h, i * 4 + 1, hilly ? 6 : 1);
    }
  insights = compute (&h);
  next = find (insights, "climb", LOADWISE_INSIGHT_NEXT_MORNING);
  g_assert_nonnull (next);
  g_assert_cmpfloat_with_epsilon (next->mean_with, 6.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (next->mean_without, 1.0, 1e-9);
  g_assert_cmpuint (next->n_with, ==, 4);
  g_assert_cmpuint (next->n_without, ==, 4);
  history_clear (&h);
}

/* Habits ticked on a morning describe the day and night before it. */
static void
test_habits_and_sessions (void)
{
  History h;
  g_autoptr (GPtrArray) insights = NULL;
  const LoadwiseInsight *slept;
  const LoadwiseInsight *session;

  history_init (&h);
  for (guint i = 0; i < 10; i++)
    {
      LoadwiseHabits habits = { day_n (i), FALSE, i < 3 };
      GDate day = day_n (i);

      add_checkin (&h, i, i < 3 ? 6 : 2);
      g_array_append_val (h.habits, habits);
      /* Sessions on days 3, 5, 7, 9: the mornings after (4, 6, 8, 10)
       * are 2 or missing; the others from day 4 on are 2 as well. */
      if (i >= 3 && i % 2 == 1)
        g_array_append_val (h.sessions, day);
    }
  insights = compute (&h);
  slept = find (insights, "slept-on-side", LOADWISE_INSIGHT_NEXT_MORNING);
  g_assert_nonnull (slept);
  g_assert_cmpuint (slept->n_with, ==, 3);
  g_assert_cmpuint (slept->n_without, ==, 7);
  g_assert_nonnull (strstr (slept->text, "(3 days)"));
  g_assert_null (find (insights, "crossed-legs", LOADWISE_INSIGHT_NEXT_MORNING));
  /* Mornings after session days equal the others: nothing shown. */
  session = find (insights, "glute-session", LOADWISE_INSIGHT_NEXT_MORNING);
  g_assert_null (session);
  history_clear (&h);
}

/* With road and trail only, road is the reference: one finding, not two
 * that mirror each other. */
static void
test_surface_reference (void)
{
  History h;
  g_autoptr (GPtrArray) insights = NULL;

  history_init (&h);
  for (guint i = 0; i < 10; i++)
    add_run (&h, i * 2, 8000, i < 4 ? 5 : 1)->surface = i < 4 ? LOADWISE_SURFACE_TRAIL : LOADWISE_SURFACE_ROAD;
  insights = compute (&h);
  g_assert_nonnull (find (insights, "surface-trail", LOADWISE_INSIGHT_SAME_DAY));
  g_assert_cmpuint (find (insights, "surface-trail", LOADWISE_INSIGHT_SAME_DAY)->n_with, ==, 4);
  g_assert_null (find (insights, "surface-road", LOADWISE_INSIGHT_SAME_DAY));
  history_clear (&h);
}

/* The same descent on every run, but the short runs were steep and
 * painful, the long ones gentle: the total says nothing, the descent per
 * kilometre all of it. */
static void
test_descent_per_km (void)
{
  History h;
  g_autoptr (GPtrArray) insights = NULL;
  const LoadwiseInsight *steep;

  history_init (&h);
  for (guint i = 0; i < 10; i++)
    {
      /* 3 km (50 m/km) to 12 km (12.5 m/km), pain 9 down to 0. */
      LoadwiseRun *run = add_run (&h, i * 2, 3000 + i * 1000, 9 - i);

      run->descent_m = 150;
    }
  insights = compute (&h);
  steep = find (insights, "descent-per-km", LOADWISE_INSIGHT_SAME_DAY);
  g_assert_nonnull (steep);
  g_assert_cmpint (steep->kind, ==, LOADWISE_INSIGHT_CORRELATION);
  g_assert_cmpuint (steep->n, ==, 10);
  g_assert_cmpfloat_with_epsilon (steep->rho, 1.0, 1e-12);
  g_assert_cmpstr (steep->text, ==,
                   "Across 10 runs, more descent per kilometre went with more pain after the run "
                   "(rank correlation 1.00).");
  g_assert_null (find (insights, "descent-m", LOADWISE_INSIGHT_SAME_DAY));
  /* No check-ins: nothing about the mornings. */
  g_assert_null (find (insights, "descent-per-km", LOADWISE_INSIGHT_NEXT_MORNING));

  /* Gentle runs that hurt and steep ones that did not: the other way. */
  for (guint i = 0; i < h.runs->len; i++)
    {
      LoadwiseRun *run = g_ptr_array_index (h.runs, i);

      run->pain_after = i;
      add_checkin (&h, i * 2 + 1, i < 5 ? 1 : 6);
    }
  g_clear_pointer (&insights, g_ptr_array_unref);
  insights = compute (&h);
  steep = find (insights, "descent-per-km", LOADWISE_INSIGHT_SAME_DAY);
  g_assert_nonnull (steep);
  g_assert_cmpfloat_with_epsilon (steep->rho, -1.0, 1e-12);
  g_assert_nonnull (strstr (steep->text, "more descent per kilometre went with less pain after the run"));
  steep = find (insights, "descent-per-km", LOADWISE_INSIGHT_NEXT_MORNING);
  g_assert_nonnull (steep);
  g_assert_cmpuint (steep->n, ==, 10);
  g_assert_cmpfloat (steep->rho, <, -0.8);
  g_assert_nonnull (strstr (steep->text, "went with less pain the next morning"));
  history_clear (&h);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/insights/spearman", test_spearman);
  g_test_add_func ("/insights/clear-effect", test_clear_effect);
  g_test_add_func ("/insights/seen-twice", test_seen_twice);
  g_test_add_func ("/insights/flat-pain", test_flat_pain);
  g_test_add_func ("/insights/lag", test_lag);
  g_test_add_func ("/insights/habits-and-sessions", test_habits_and_sessions);
  g_test_add_func ("/insights/surface-reference", test_surface_reference);
  g_test_add_func ("/insights/descent-per-km", test_descent_per_km);

  return g_test_run ();
}
