/* test-clock.c: the system and fixed clocks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "core/loadwise-clock.h"
#include "loadwise-test-util.h"

static void
test_fixed (void)
{
  g_autoptr (GTimeZone) zone = g_time_zone_new_identifier ("America/New_York");
  g_autoptr (GDateTime) when = NULL;
  g_autoptr (GDateTime) now = NULL;
  g_autoptr (LoadwiseClock) clock = NULL;
  GDate today, expected = loadwise_test_date (2026, 3, 1);

  g_assert_nonnull (zone);
  /* 23:30 in New York is already the next day in UTC and in Berlin: the
   * clock's date is the one of its own zone. */
  when = g_date_time_new (zone, 2026, 3, 1, 23, 30, 0);
  clock = loadwise_clock_new_fixed (when);

  now = loadwise_clock_get_now (clock);
  g_assert_true (g_date_time_equal (now, when));
  g_assert_cmpstr (g_date_time_get_timezone_abbreviation (now), ==, "EST");

  g_date_clear (&today, 1);
  loadwise_clock_get_today (clock, &today);
  g_assert_cmpint (g_date_compare (&today, &expected), ==, 0);

  /* Asked again, still the same instant: a fixed clock never moves. */
  g_clear_pointer (&now, g_date_time_unref);
  now = loadwise_clock_get_now (clock);
  g_assert_true (g_date_time_equal (now, when));

  /* The clock holds the only other reference to @when, and drops it. */
  g_assert_finalize_object (g_steal_pointer (&clock));
}

static void
test_set_fixed (void)
{
  g_autoptr (GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr (GDateTime) first = g_date_time_new (utc, 2026, 1, 5, 8, 0, 0);
  g_autoptr (GDateTime) second = g_date_time_new (utc, 2026, 6, 7, 20, 15, 0);
  g_autoptr (LoadwiseClock) clock = loadwise_clock_new_fixed (first);
  g_autoptr (GDateTime) now = NULL;
  GDate today, expected = loadwise_test_date (2026, 6, 7);

  loadwise_clock_set_fixed (clock, second);
  now = loadwise_clock_get_now (clock);
  g_assert_true (g_date_time_equal (now, second));

  g_date_clear (&today, 1);
  loadwise_clock_get_today (clock, &today);
  g_assert_cmpint (g_date_compare (&today, &expected), ==, 0);

  /* Setting the same instant again keeps it. */
  loadwise_clock_set_fixed (clock, second);
  g_clear_pointer (&now, g_date_time_unref);
  now = loadwise_clock_get_now (clock);
  g_assert_true (g_date_time_equal (now, second));
}

static void
test_system (void)
{
  g_autoptr (LoadwiseClock) clock = loadwise_clock_new_system ();
  g_autoptr (GDateTime) before = g_date_time_new_now_local ();
  g_autoptr (GDateTime) now = loadwise_clock_get_now (clock);
  g_autoptr (GDateTime) after = g_date_time_new_now_local ();
  GDate today, first, last;

  /* Between two readings of the system clock, in the local zone. */
  g_assert_cmpint (g_date_time_compare (before, now), <=, 0);
  g_assert_cmpint (g_date_time_compare (now, after), <=, 0);
  g_assert_cmpint (g_date_time_get_utc_offset (now), ==, g_date_time_get_utc_offset (before));

  g_date_clear (&today, 1);
  g_date_clear (&first, 1);
  g_date_clear (&last, 1);
  loadwise_clock_get_today (clock, &today);
  g_date_set_dmy (&first, (GDateDay) g_date_time_get_day_of_month (before),
                  (GDateMonth) g_date_time_get_month (before),
                  (GDateYear) g_date_time_get_year (before));
  {
    g_autoptr (GDateTime) later = g_date_time_new_now_local ();
    g_date_set_dmy (&last, (GDateDay) g_date_time_get_day_of_month (later),
                    (GDateMonth) g_date_time_get_month (later),
                    (GDateYear) g_date_time_get_year (later));
  }
  g_assert_cmpint (g_date_compare (&first, &today), <=, 0);
  g_assert_cmpint (g_date_compare (&today, &last), <=, 0);
}

/* The system clock reads the zone each time, so a long-running process
 * (the reminder service) follows a change of zone. */
static void
test_system_follows_zone_change (void)
{
  g_autoptr (LoadwiseClock) clock = loadwise_clock_new_system ();
  g_autoptr (GDateTime) before = NULL;
  g_autoptr (GDateTime) after = NULL;
  g_autofree char *saved_tz = g_strdup (g_getenv ("TZ"));

  if (g_strcmp0 (saved_tz, "Europe/Berlin") != 0)
    {
      g_test_skip ("TZ is not Europe/Berlin");
      return;
    }

  /* Berlin is +1 or +2; Tokyo is +9 all year. */
  before = loadwise_clock_get_now (clock);
  g_assert_cmpint (g_date_time_get_utc_offset (before), <=, 2 * G_TIME_SPAN_HOUR);

  g_setenv ("TZ", "Asia/Tokyo", TRUE);
  after = loadwise_clock_get_now (clock);
  g_setenv ("TZ", saved_tz, TRUE);

  g_assert_cmpint (g_date_time_get_utc_offset (after), ==, 9 * G_TIME_SPAN_HOUR);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/clock/fixed", test_fixed);
  g_test_add_func ("/clock/set-fixed", test_set_fixed);
  g_test_add_func ("/clock/system", test_system);
  g_test_add_func ("/clock/system-follows-zone-change", test_system_follows_zone_change);

  return g_test_run ();
}
