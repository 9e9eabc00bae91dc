/* test-flare.c: flare detection and exit, flare advice, the return-to-run guard
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include "core/loadwise-flare.h"
#include "loadwise-test-util.h"

/* March 2026 */
static LoadwiseCheckin
checkin (int      day,
         guint    pain,
         gboolean night)
{
  LoadwiseCheckin c = { loadwise_test_date (2026, 3, day), pain,
                        pain > 0 ? LOADWISE_SIDE_LEFT : LOADWISE_SIDE_NONE, night };

  return c;
}

static LoadwiseRun *
run_on (int   month,
        int   day,
        guint distance_m)
{
  LoadwiseRun *run = loadwise_run_new ();

  run->date = loadwise_test_date (2026, month, day);
  run->distance_m = distance_m;
  return run;
}

static GPtrArray *
new_runs (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) loadwise_run_free);
}

static guint
detect (const LoadwiseCheckin *checkins,
        gsize                  n,
        GPtrArray             *runs,
        int                    today_day,
        GDate                 *out_evidence)
{
  g_auto (LoadwiseFlareDetection) detection = { 0 };
  GDate today = loadwise_test_date (2026, 3, today_day);

  /* Baseline 2, maximum pain 5 (PMM). */
  loadwise_flare_detect (checkins, n, runs, 2.0, 5, &today, &detection);
  if (out_evidence != NULL)
    *out_evidence = detection.evidence;
  g_assert_true ((detection.trigger == 0) == (detection.reason == NULL));
  return detection.trigger;
}

static void
test_detect_mornings (void)
{
  g_autoptr (GPtrArray) runs = new_runs ();
  /* baseline 2: 4 is baseline + 2, 3 is not. */
  LoadwiseCheckin one_high[] = { checkin (9, 2, FALSE), checkin (10, 4, FALSE) };
  LoadwiseCheckin two_high[] = { checkin (9, 4, FALSE), checkin (10, 4, FALSE) };
  LoadwiseCheckin just_under[] = { checkin (9, 3, FALSE), checkin (10, 5, FALSE) };
  LoadwiseCheckin gap[] = { checkin (8, 4, FALSE), checkin (10, 4, FALSE) };
  GDate evidence;

  g_assert_cmpuint (detect (one_high, 2, runs, 10, NULL), ==, 0);
  g_assert_cmpuint (detect (two_high, 2, runs, 10, &evidence), ==, LOADWISE_FLARE_TRIGGER_MORNING);
  g_assert_cmpint (g_date_get_day (&evidence), ==, 10);
  /* Still suggested the next morning before its check-in... */
  g_assert_cmpuint (detect (two_high, 2, runs, 11, NULL), ==, LOADWISE_FLARE_TRIGGER_MORNING);
  /* ...but not two days on. */
  g_assert_cmpuint (detect (two_high, 2, runs, 12, NULL), ==, 0);
  g_assert_cmpuint (detect (just_under, 2, runs, 10, NULL), ==, 0);
  /* Not consecutive: a missing morning in between. */
  g_assert_cmpuint (detect (gap, 2, runs, 10, NULL), ==, 0);
}

static void
test_detect_run_pain (void)
{
  g_autoptr (GPtrArray) runs = new_runs ();
  LoadwiseRun *run = run_on (3, 10, 8000);
  g_auto (LoadwiseFlareDetection) detection = { 0 };
  GDate today = loadwise_test_date (2026, 3, 10);

  g_ptr_array_add (runs, run);
  run->pain_during = 5;  /* = maximum: allowed (PMM) */
  g_assert_cmpuint (detect (NULL, 0, runs, 10, NULL), ==, 0);
  run->pain_during = 6;
  g_assert_cmpuint (detect (NULL, 0, runs, 10, NULL), ==, LOADWISE_FLARE_TRIGGER_RUN_PAIN);
  run->pain_during = 2;
  run->has_pain_after = TRUE;
  run->pain_after = 7;
  loadwise_flare_detect (NULL, 0, runs, 2.0, 5, &today, &detection);
  g_assert_cmpuint (detection.trigger, ==, LOADWISE_FLARE_TRIGGER_RUN_PAIN);
  g_assert_cmpstr (detection.reason, ==, "A run hurt 7 out of 10, above your maximum of 5.");
  /* A run three days ago is old news. */
  g_assert_cmpuint (detect (NULL, 0, runs, 12, NULL), ==, 0);
}

static void
test_detect_night_pain (void)
{
  g_autoptr (GPtrArray) runs = new_runs ();
  LoadwiseCheckin fresh[] = { checkin (2, 1, FALSE), checkin (10, 1, TRUE) };
  LoadwiseCheckin known[] = { checkin (3, 1, TRUE), checkin (10, 1, TRUE) };
  LoadwiseCheckin long_ago[] = { checkin (2, 1, TRUE), checkin (10, 1, TRUE) };

  g_assert_cmpuint (detect (fresh, 2, runs, 10, NULL), ==, LOADWISE_FLARE_TRIGGER_NIGHT_PAIN);
  /* Night pain 7 days before: not new. */
  g_assert_cmpuint (detect (known, 2, runs, 10, NULL), ==, 0);
  /* 8 days before is outside the week. */
  g_assert_cmpuint (detect (long_ago, 2, runs, 10, NULL), ==, LOADWISE_FLARE_TRIGGER_NIGHT_PAIN);

  /* Issue 12: new night pain, a stress-fracture sign, points to a clinician
   * as well as to flare mode. */
  {
    g_auto (LoadwiseFlareDetection) detection = { 0 };
    GDate today = loadwise_test_date (2026, 3, 10);

    loadwise_flare_detect (fresh, 2, runs, 2.0, 5, &today, &detection);
    g_assert_cmpstr (detection.reason, ==,
                     "The hip hurt in the night, which it had not in the week before. New pain at "
                     "night can be a sign of a stress fracture: please see a doctor or physiotherapist "
                     "soon, and answer the red-flag questions again.");
  }
}

static void
test_exit (void)
{
  /* Baseline 2: exit needs <= 3 on 3 mornings in a row after the start (9th). */
  LoadwiseCheckin settled[] = { checkin (10, 3, FALSE), checkin (11, 2, FALSE), checkin (12, 3, FALSE) };
  LoadwiseCheckin broken[] = { checkin (10, 3, FALSE), checkin (11, 4, FALSE), checkin (12, 3, FALSE),
                               checkin (13, 3, FALSE) };
  LoadwiseCheckin gap[] = { checkin (10, 3, FALSE), checkin (12, 3, FALSE), checkin (13, 3, FALSE) };
  LoadwiseCheckin later[] = { checkin (10, 3, FALSE), checkin (11, 4, FALSE), checkin (12, 3, FALSE),
                              checkin (13, 3, FALSE), checkin (14, 1, FALSE) };
  GDate since = loadwise_test_date (2026, 3, 9);
  GDate today = loadwise_test_date (2026, 3, 20);
  GDate early = loadwise_test_date (2026, 3, 11);
  GDate end;

  g_assert_true (loadwise_flare_should_end (settled, 3, 2.0, &since, &today, &end));
  g_assert_cmpint (g_date_get_day (&end), ==, 12);
  g_assert_false (loadwise_flare_should_end (settled, 3, 2.0, &since, &early, NULL));
  g_assert_false (loadwise_flare_should_end (broken, 4, 2.0, &since, &today, NULL));
  g_assert_false (loadwise_flare_should_end (gap, 3, 2.0, &since, &today, NULL));
  g_assert_true (loadwise_flare_should_end (later, 5, 2.0, &since, &today, &end));
  g_assert_cmpint (g_date_get_day (&end), ==, 14);
  /* The start's own morning does not count. */
  since = loadwise_test_date (2026, 3, 10);
  g_assert_false (loadwise_flare_should_end (settled, 3, 2.0, &since, &today, NULL));
}

static void
test_advice (void)
{
  g_autoptr (GPtrArray) runs = new_runs ();
  g_auto (LoadwiseFlareAdvice) advice = { 0 };
  g_auto (LoadwiseFlareAdvice) no_runs = { 0 };
  GDate since = loadwise_test_date (2026, 3, 20);
  g_autoptr (GPtrArray) empty = new_runs ();

  /* Median of the 4 weeks before the 20th: 6, 8.4, 8.4, 10 -> 8.4 km. */
  g_ptr_array_add (runs, run_on (3, 1, 6000));
  g_ptr_array_add (runs, run_on (3, 5, 8400));
  g_ptr_array_add (runs, run_on (3, 10, 8400));
  g_ptr_array_add (runs, run_on (3, 15, 10000));
  g_ptr_array_add (runs, run_on (1, 15, 30000));  /* too long ago */
  g_ptr_array_add (runs, run_on (3, 20, 30000));  /* the flare's own day */

  loadwise_flare_advise (runs, &since, &advice);
  g_assert_true (advice.has_typical);
  g_assert_cmpuint (advice.typical_m, ==, 8400);
  /* 60% of 8.4 = 5.04 km -> 5 km */
  g_assert_cmpuint (advice.max_run_m, ==, 5000);
  g_assert_cmpuint (advice.percent, ==, 60);
  g_assert_cmpint (g_date_get_month (&advice.easy_until), ==, 4);
  g_assert_cmpint (g_date_get_day (&advice.easy_until), ==, 3);
  g_assert_cmpstr (advice.text, ==,
                   "Keep runs to about 5 km, 60% of your usual 8.4 km; flat and easy, no long run, "
                   "hills, downhills or speed work until 3 April 2026, and avoid cambered roads.");

  loadwise_flare_advise (empty, &since, &no_runs);
  g_assert_false (no_runs.has_typical);
  g_assert_cmpuint (no_runs.max_run_m, ==, 0);
  g_assert_nonnull (strstr (no_runs.text, "about 60% of your usual run"));
}

/* Issue 12: the figure shown stays inside PROGRAMME.md's 50-70% of the
 * usual run, and the percentage said is the one it really is. */
static void
test_advice_percent_property (void)
{
  GDate since = loadwise_test_date (2026, 3, 20);

  for (guint typical = 500; typical <= 60000; typical += 7)
    {
      g_autoptr (GPtrArray) runs = new_runs ();
      g_auto (LoadwiseFlareAdvice) advice = { 0 };
      g_autofree char *said = NULL;
      double share;

      g_ptr_array_add (runs, run_on (3, 10, typical));
      loadwise_flare_advise (runs, &since, &advice);
      g_assert_cmpuint (advice.typical_m, ==, typical);

      share = 100.0 * advice.max_run_m / typical;
      if (share < 50.0 || share > 70.0 || advice.percent < 50 || advice.percent > 70 ||
          fabs (share - advice.percent) > 0.5)
        g_error ("typical %u m: %u m is %.2f%%, said %u%%", typical, advice.max_run_m, share, advice.percent);
      said = g_strdup_printf (", %u%% of your usual ", advice.percent);
      g_assert_nonnull (strstr (advice.text, said));
      /* A figure to plan with: whole half kilometres from 2.5 km up. */
      if (typical >= 2500)
        g_assert_cmpuint (advice.max_run_m % 500, ==, 0);
    }
}

static gboolean
guard (GPtrArray        *runs,
       LoadwiseRun      *run,
       LoadwiseRunGuard *out)
{
  return loadwise_run_guard_check (run, runs, out);
}

static void
test_guard_spike (void)
{
  g_autoptr (GPtrArray) runs = new_runs ();
  g_autoptr (LoadwiseRun) run = run_on (3, 31, 11000);
  g_auto (LoadwiseRunGuard) result = { 0 };
  g_auto (LoadwiseRunGuard) over = { 0 };
  g_auto (LoadwiseRunGuard) old = { 0 };

  g_ptr_array_add (runs, run_on (3, 1, 10000));  /* 30 days before the 31st: counts */
  g_ptr_array_add (runs, run_on (3, 20, 8000));
  g_ptr_array_add (runs, run_on (2, 28, 20000)); /* 31 days before: does not */

  /* Exactly 10% longer is not more than 10% (Frandsen 2025). */
  g_assert_false (guard (runs, run, &result));
  g_assert_cmpuint (result.longest_m, ==, 10000);
  g_assert_cmpuint (result.spike_percent, ==, 10);
  g_assert_null (result.text);

  run->distance_m = 11001;
  g_assert_true (guard (runs, run, &over));
  g_assert_true (over.spike);
  g_assert_false (over.growth);
  g_assert_nonnull (strstr (over.text, "This 11 km run is 10% longer than your longest run of the previous 30 days (10 km)"));
  /* The source is in About and the report, not in the sentence. */
  g_assert_null (strstr (over.text, "Frandsen"));

  /* A run with nothing in the 30 days before has no reference. */
  run->date = loadwise_test_date (2026, 6, 1);
  g_assert_false (guard (runs, run, &old));
  g_assert_cmpuint (old.longest_m, ==, 0);
}

static void
test_guard_growth (void)
{
  g_autoptr (GPtrArray) runs = new_runs ();
  LoadwiseRun *run = run_on (3, 21, 3000);
  g_auto (LoadwiseRunGuard) exact = { 0 };
  g_auto (LoadwiseRunGuard) over = { 0 };

  /* The week two weeks before the 21st: the 1st-7th, 20 km. */
  g_ptr_array_add (runs, run_on (3, 1, 10000));
  g_ptr_array_add (runs, run_on (3, 7, 10000));
  /* This week: the 15th-21st, 26 km with the run itself (in the list too). */
  g_ptr_array_add (runs, run_on (3, 15, 12000));
  g_ptr_array_add (runs, run_on (3, 18, 11000));
  g_ptr_array_add (runs, run);
  /* Between the two weeks: counts for neither. */
  g_ptr_array_add (runs, run_on (3, 10, 30000));

  /* 26 km is exactly 30% above 20 km: not more (Nielsen 2014). */
  g_assert_false (guard (runs, run, &exact));
  g_assert_cmpuint (exact.week_m, ==, 26000);
  g_assert_cmpuint (exact.earlier_week_m, ==, 20000);
  g_assert_cmpuint (exact.growth_percent, ==, 30);

  run->distance_m = 3001;
  g_assert_true (guard (runs, run, &over));
  g_assert_true (over.growth);
  g_assert_false (over.spike);
  g_assert_cmpuint (over.week_m, ==, 26001);
  g_assert_nonnull (strstr (over.text, "Your last 7 days came to 26 km, 30% more than the 7 days two weeks earlier (20 km)"));
  g_assert_null (strstr (over.text, "Nielsen"));
}

/* Issue 12: after more than 30 days without running, a return note. */
static void
test_guard_return (void)
{
  g_autoptr (GPtrArray) runs = new_runs ();
  g_autoptr (LoadwiseRun) previous = run_on (1, 10, 12000);
  g_autoptr (LoadwiseRun) recent = run_on (2, 9, 12000);
  g_autoptr (LoadwiseRun) odd = run_on (1, 10, 700);
  g_autoptr (LoadwiseRun) run = run_on (3, 12, 9000);
  g_auto (LoadwiseRunGuard) result = { 0 };
  g_auto (LoadwiseRunGuard) first = { 0 };
  g_auto (LoadwiseRunGuard) day_30 = { 0 };
  g_auto (LoadwiseRunGuard) tiny = { 0 };

  /* No run in the 30 days before the 12th of March, the last on 10 Jan. */
  g_assert_false (loadwise_run_guard_check (run, runs, &result));
  g_assert_true (loadwise_run_guard_check_return (run, previous, &result));
  g_assert_true (result.returning);
  g_assert_cmpuint (result.days_since_last, ==, 61);
  g_assert_cmpuint (result.last_m, ==, 12000);
  g_assert_cmpuint (result.first_m, ==, 6000);
  g_assert_cmpstr (result.text, ==,
                   "This is your first run in 61 days, so there is no recent run to compare it with: "
                   "treat it as a return to running. Start at about 6 km, half your last run before the "
                   "break (12 km), and make each run after it at most 10% longer than the longest of "
                   "the previous 30 days.");

  /* A first run ever says nothing of a break. */
  loadwise_run_guard_check (run, runs, &first);
  g_assert_false (loadwise_run_guard_check_return (run, NULL, &first));
  g_assert_null (first.text);

  /* 30 days is not a break: the spike rule has its reference run. */
  {
    g_autoptr (LoadwiseRun) close_run = run_on (3, 11, 9000);

    close_run->date = loadwise_test_date (2026, 3, 10);
    loadwise_run_guard_check (close_run, runs, &day_30);
    g_assert_false (loadwise_run_guard_check_return (close_run, recent, &day_30));
  }

  /* Half of 0.7 km is under 0.5 km: the metres themselves. */
  loadwise_run_guard_check (run, runs, &tiny);
  g_assert_true (loadwise_run_guard_check_return (run, odd, &tiny));
  g_assert_cmpuint (tiny.first_m, ==, 350);
}

/* Issue 12: a run during a flare, against each piece of the advice. */
static void
test_guard_flare_breaches (void)
{
  g_autoptr (GPtrArray) before = new_runs ();
  g_autoptr (GPtrArray) none = new_runs ();
  g_autoptr (LoadwiseRun) run = run_on (3, 22, 12000);
  g_autoptr (LoadwiseRun) easy = run_on (3, 22, 5000);
  g_autoptr (LoadwiseRun) later = run_on (4, 10, 5000);
  g_auto (LoadwiseFlareAdvice) advice = { 0 };
  g_auto (LoadwiseRunGuard) result = { 0 };
  g_auto (LoadwiseRunGuard) ok = { 0 };
  g_auto (LoadwiseRunGuard) after_easy = { 0 };
  GDate since = loadwise_test_date (2026, 3, 20);

  g_ptr_array_add (before, run_on (3, 10, 8400));
  loadwise_flare_advise (before, &since, &advice);
  g_assert_cmpuint (advice.max_run_m, ==, 5000);

  run->speed = TRUE;
  run->long_run = TRUE;
  run->descent_m = 400;
  run->climb_m = 20;
  run->camber = LOADWISE_CAMBER_LEFT;
  loadwise_run_guard_check (run, none, &result);
  g_assert_true (loadwise_run_guard_check_flare (run, &advice, &result));
  g_assert_cmphex (result.flare_breaches, ==,
                   LOADWISE_FLARE_BREACH_DISTANCE | LOADWISE_FLARE_BREACH_SPEED | LOADWISE_FLARE_BREACH_LONG |
                   LOADWISE_FLARE_BREACH_HILLS | LOADWISE_FLARE_BREACH_CAMBER);
  g_assert_cmpstr (result.text, ==,
                   "During this flare, the run went against the flare advice: 12 km, longer than the "
                   "5 km of the flare advice; speed work; a long run; hills (20 m up, 400 m down) rather "
                   "than a flat route; a cambered road. Keep the next runs shorter, flat and easy until "
                   "the hip settles.");

  /* Within the advice: nothing said. A little climb on 5 km is flat. */
  easy->climb_m = 30;
  easy->descent_m = 30;
  loadwise_run_guard_check (easy, none, &ok);
  g_assert_false (loadwise_run_guard_check_flare (easy, &advice, &ok));
  g_assert_null (ok.text);

  /* After the easy weeks speed work and long runs are back; camber is not. */
  later->speed = TRUE;
  later->long_run = TRUE;
  later->camber = LOADWISE_CAMBER_RIGHT;
  loadwise_run_guard_check (later, none, &after_easy);
  g_assert_true (loadwise_run_guard_check_flare (later, &advice, &after_easy));
  g_assert_cmphex (after_easy.flare_breaches, ==, LOADWISE_FLARE_BREACH_CAMBER);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/flare/detect/mornings", test_detect_mornings);
  g_test_add_func ("/flare/detect/run-pain", test_detect_run_pain);
  g_test_add_func ("/flare/detect/night-pain", test_detect_night_pain);
  g_test_add_func ("/flare/exit", test_exit);
  g_test_add_func ("/flare/advice", test_advice);
  g_test_add_func ("/flare/advice/percent-property", test_advice_percent_property);
  g_test_add_func ("/flare/guard/return", test_guard_return);
  g_test_add_func ("/flare/guard/flare-breaches", test_guard_flare_breaches);
  g_test_add_func ("/flare/guard/spike", test_guard_spike);
  g_test_add_func ("/flare/guard/growth", test_guard_growth);

  return g_test_run ();
}
