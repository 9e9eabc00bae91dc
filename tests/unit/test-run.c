/* test-run.c: the run value type, its validation, pace and long runs
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "core/loadwise-error.h"
#include "core/loadwise-run.h"
#include "loadwise-test-util.h"

static LoadwiseRun *
make_run (int   day,
          guint distance_m)
{
  LoadwiseRun *run = loadwise_run_new ();

  run->date = loadwise_test_date (2026, 3, day);
  run->distance_m = distance_m;
  return run;
}

static void
assert_invalid (const LoadwiseRun *run,
                const char        *message)
{
  g_autoptr (GError) error = NULL;

  g_assert_false (loadwise_run_validate (run, &error));
  g_assert_error (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT);
  g_assert_cmpstr (error->message, ==, message);
}

static void
test_validate (void)
{
  g_autoptr (LoadwiseRun) run = make_run (2, 8400);
  g_autoptr (GError) error = NULL;

  run->duration_s = 2700;
  run->pain_during = 3;
  g_assert_true (loadwise_run_validate (run, &error));
  g_assert_no_error (error);

  run->distance_m = 0;
  assert_invalid (run, "distance: 0 km is outside 0.01-400 km (under 400)");
  /* Less than shows as 0.01 km: refused, and said to the metre. */
  run->distance_m = 1;
  assert_invalid (run, "distance: 0.001 km is outside 0.01-400 km (under 400)");
  run->distance_m = 9;
  assert_invalid (run, "distance: 0.009 km is outside 0.01-400 km (under 400)");
  run->distance_m = 10;
  g_assert_true (loadwise_run_validate (run, NULL));
  run->distance_m = 450000;
  assert_invalid (run, "distance: 450 km is outside 0.01-400 km (under 400)");
  run->distance_m = 400000;
  assert_invalid (run, "distance: 400 km is outside 0.01-400 km (under 400)");
  run->distance_m = 399999;
  g_assert_true (loadwise_run_validate (run, NULL));

  run->climb_m = 10001;
  assert_invalid (run, "climb (m): 10001 is outside 0-10000");
  run->climb_m = 10000;
  run->descent_m = 20000;
  assert_invalid (run, "descent (m): 20000 is outside 0-10000");
  run->descent_m = 0;

  run->pain_during = 11;
  assert_invalid (run, "pain during: 11 is outside 0-10");
  run->pain_during = 10;
  run->has_pain_after = TRUE;
  run->pain_after = 12;
  assert_invalid (run, "pain after: 12 is outside 0-10");
  /* Without a pain after, its value is not looked at. */
  run->has_pain_after = FALSE;
  g_assert_true (loadwise_run_validate (run, NULL));

  run->duration_s = 24 * 3600 + 1;
  assert_invalid (run, "duration: 24:00:01 is outside 0:00:01-24:00:00");
  run->duration_s = 0;
  g_assert_true (loadwise_run_validate (run, NULL));

  run->note = g_strdup ("\xff");
  assert_invalid (run, "note: the text is not valid UTF-8");
}

static void
test_parse_distance (void)
{
  g_autoptr (GError) error = NULL;
  guint m = 0;

  g_assert_true (loadwise_parse_distance_km ("--distance-km", "8.4", &m, &error));
  g_assert_cmpuint (m, ==, 8400);
  g_assert_true (loadwise_parse_distance_km ("--distance-km", "0.01", &m, NULL));
  g_assert_cmpuint (m, ==, 10);

  m = 7;
  g_assert_false (loadwise_parse_distance_km ("distance", "450", &m, &error));
  g_assert_cmpstr (error->message, ==, "distance: 450 km is outside 0.01-400 km (under 400)");
  g_assert_cmpuint (m, ==, 7);
  g_clear_error (&error);
  g_assert_false (loadwise_parse_distance_km ("distance", "0", &m, &error));
  g_assert_cmpstr (error->message, ==, "distance: 0 km is outside 0.01-400 km (under 400)");
  g_clear_error (&error);
  g_assert_false (loadwise_parse_distance_km ("distance", "-3", &m, &error));
  g_assert_cmpstr (error->message, ==, "distance: -3 km is outside 0.01-400 km (under 400)");
  g_clear_error (&error);
  g_assert_false (loadwise_parse_distance_km ("distance", "8,4", &m, &error));
  g_assert_error (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "not a distance in km"));
  g_assert_cmpuint (m, ==, 7);
}

static void
test_format_and_pace (void)
{
  g_autoptr (LoadwiseRun) run = make_run (2, 8400);
  g_autofree char *km = loadwise_format_km (8400);
  g_autofree char *whole = loadwise_format_km (10000);
  g_autofree char *fine = loadwise_format_km (21097);
  g_autofree char *short_run = loadwise_format_duration (2700);
  g_autofree char *long_run = loadwise_format_duration (3 * 3600 + 5 * 60 + 9);
  g_autofree char *pace = NULL;

  g_assert_cmpstr (km, ==, "8.4");
  /* What a field shows to be read back: to the metre when it matters. */
  {
    g_autofree char *exact = loadwise_format_km_exact (8405);
    g_autofree char *tens = loadwise_format_km_exact (8400);
    g_autofree char *small = loadwise_format_km_exact (15);

    g_assert_cmpstr (exact, ==, "8.405");
    g_assert_cmpstr (tens, ==, "8.4");
    g_assert_cmpstr (small, ==, "0.015");
  }
  g_assert_cmpstr (whole, ==, "10");
  g_assert_cmpstr (fine, ==, "21.1");
  g_assert_cmpstr (short_run, ==, "45:00");
  g_assert_cmpstr (long_run, ==, "3:05:09");

  g_assert_cmpuint (loadwise_run_get_pace_s_per_km (run), ==, 0);
  run->duration_s = 2700;
  /* 2700 s / 8.4 km = 321.43 s/km */
  g_assert_cmpuint (loadwise_run_get_pace_s_per_km (run), ==, 321);
  pace = loadwise_format_pace (loadwise_run_get_pace_s_per_km (run));
  g_assert_cmpstr (pace, ==, "5:21");
}

static void
test_strings (void)
{
  LoadwiseCamber camber;
  LoadwiseSurface surface;

  g_assert_true (loadwise_camber_from_string ("left", &camber));
  g_assert_cmpint (camber, ==, LOADWISE_CAMBER_LEFT);
  g_assert_false (loadwise_camber_from_string ("up", &camber));
  g_assert_cmpstr (loadwise_camber_to_string (LOADWISE_CAMBER_RIGHT), ==, "right");
  g_assert_true (loadwise_surface_from_string ("treadmill", &surface));
  g_assert_cmpint (surface, ==, LOADWISE_SURFACE_TREADMILL);
  g_assert_false (loadwise_surface_from_string ("Road", &surface));
  g_assert_cmpstr (loadwise_surface_to_string (LOADWISE_SURFACE_TRAIL), ==, "trail");
}

static void
test_long_run (void)
{
  g_autoptr (GPtrArray) runs = g_ptr_array_new_with_free_func ((GDestroyNotify) loadwise_run_free);
  g_autoptr (LoadwiseRun) run = NULL;

  /* Median of the 4 weeks before 2026-03-29: 8, 8, 10 km -> 8 km. */
  g_ptr_array_add (runs, make_run (1, 8000));   /* day 28 before: in */
  g_ptr_array_add (runs, make_run (10, 8000));
  g_ptr_array_add (runs, make_run (20, 10000));

  run = make_run (29, 12000);
  g_assert_cmpuint (loadwise_runs_median_distance (runs, &run->date, 28), ==, 8000);
  /* 12 km = 1.5 x 8 km: not above it. */
  g_assert_false (loadwise_run_is_long (run, runs));
  run->distance_m = 12001;
  g_assert_true (loadwise_run_is_long (run, runs));
  run->distance_m = 5000;
  run->long_run = TRUE;
  g_assert_true (loadwise_run_is_long (run, runs));

  /* Nothing in the 4 weeks before: only the mark counts. */
  run->long_run = FALSE;
  run->distance_m = 30000;
  run->date = loadwise_test_date (2026, 6, 1);
  g_assert_false (loadwise_run_is_long (run, runs));
}

static void
test_copy (void)
{
  g_autoptr (LoadwiseRun) run = make_run (2, 5000);
  g_autoptr (LoadwiseRun) copy = NULL;

  run->note = g_strdup ("easy");
  copy = loadwise_run_copy (run);
  g_assert_true (copy->note != run->note);
  g_assert_cmpstr (copy->note, ==, "easy");
  g_assert_cmpuint (copy->distance_m, ==, 5000);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/run/validate", test_validate);
  g_test_add_func ("/run/parse-distance", test_parse_distance);
  g_test_add_func ("/run/format-and-pace", test_format_and_pace);
  g_test_add_func ("/run/strings", test_strings);
  g_test_add_func ("/run/long-run", test_long_run);
  g_test_add_func ("/run/copy", test_copy);

  return g_test_run ();
}
