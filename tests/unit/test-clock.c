/* test-clock.c: the system and fixed clocks
 *
 * Copyright 2026 The Loadwise developers
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

static void
on_day_changed (LoadwiseClock *clock,
                guint         *count)
{
  (*count)++;
}

/* A fixed clock emits day-changed when set to another date, and only then:
 * that is how the widget tests fake a day change. */
static void
test_fixed_day_changed (void)
{
  g_autoptr (GTimeZone) zone = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr (GDateTime) morning = g_date_time_new (zone, 2026, 11, 25, 9, 0, 0);
  g_autoptr (GDateTime) evening = g_date_time_new (zone, 2026, 11, 25, 23, 59, 59);
  g_autoptr (GDateTime) midnight = g_date_time_new (zone, 2026, 11, 26, 0, 0, 0);
  g_autoptr (GDateTime) back = g_date_time_new (zone, 2026, 11, 20, 12, 0, 0);
  g_autoptr (LoadwiseClock) clock = loadwise_clock_new_fixed (morning);
  guint count = 0;

  g_signal_connect (clock, "day-changed", G_CALLBACK (on_day_changed), &count);

  loadwise_clock_set_fixed (clock, morning);
  loadwise_clock_set_fixed (clock, evening);
  g_assert_cmpuint (count, ==, 0);

  loadwise_clock_set_fixed (clock, midnight);
  g_assert_cmpuint (count, ==, 1);
  loadwise_clock_set_fixed (clock, midnight);
  g_assert_cmpuint (count, ==, 1);

  /* Back in time is another date too (the clock was set). */
  loadwise_clock_set_fixed (clock, back);
  g_assert_cmpuint (count, ==, 2);

  /* Watching does nothing for a fixed clock. */
  loadwise_clock_watch (clock);
  g_assert_cmpint (loadwise_clock_get_watch_deadline (clock), ==, 0);
}

static gint64
unix_utc (int year, int month, int day, int hour, int minute)
{
  g_autoptr (GDateTime) utc = g_date_time_new_utc (year, month, day, hour, minute, 0);

  return g_date_time_to_unix (utc);
}

/* The timer is armed at the next local midnight by the calendar, not 24
 * hours on: Berlin's days of 23 and 25 hours in 2026. */
static void
test_next_midnight_dst (void)
{
  g_autoptr (GTimeZone) zone = g_time_zone_new_identifier ("Europe/Berlin");
  static const struct {
    int     year, month, day, hour, minute;
    int     utc_year, utc_month, utc_day, utc_hour;
  } cases[] = {
    /* An ordinary winter day: midnight CET is 23:00 UTC. */
    { 2026, 11, 25, 9, 0, 2026, 11, 25, 23 },
    /* The evening before spring forward, still CET. */
    { 2026, 3, 28, 22, 30, 2026, 3, 28, 23 },
    /* 29 March has 23 hours: from its midnight the next one is CEST. */
    { 2026, 3, 29, 0, 0, 2026, 3, 29, 22 },
    { 2026, 3, 29, 1, 59, 2026, 3, 29, 22 },
    { 2026, 3, 29, 3, 0, 2026, 3, 29, 22 },
    /* 25 October has 25 hours: from its midnight (CEST) to the next (CET). */
    { 2026, 10, 25, 0, 0, 2026, 10, 25, 23 },
    { 2026, 10, 24, 23, 59, 2026, 10, 24, 22 },
    /* The end of a year and a leap day. */
    { 2026, 12, 31, 12, 0, 2026, 12, 31, 23 },
    { 2028, 2, 29, 18, 0, 2028, 2, 29, 23 },
  };

  g_assert_nonnull (zone);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GDateTime) now = g_date_time_new (zone, cases[i].year, cases[i].month, cases[i].day,
                                                   cases[i].hour, cases[i].minute, 0);
      gint64 expected = unix_utc (cases[i].utc_year, cases[i].utc_month, cases[i].utc_day,
                                  cases[i].utc_hour, 0);

      g_test_message ("case %u", i);
      g_assert_cmpint (loadwise_clock_next_midnight (now), ==, expected);
      g_assert_cmpint (loadwise_clock_next_midnight (now), >, g_date_time_to_unix (now));
    }

  /* The length of the days around the changes. */
  {
    g_autoptr (GDateTime) spring = g_date_time_new (zone, 2026, 3, 28, 23, 59, 59);
    g_autoptr (GDateTime) autumn = g_date_time_new (zone, 2026, 10, 24, 23, 59, 59);
    gint64 spring_start = loadwise_clock_next_midnight (spring);
    gint64 autumn_start = loadwise_clock_next_midnight (autumn);
    g_autoptr (GDateTime) spring_day = g_date_time_new_from_unix_local (spring_start);
    g_autoptr (GDateTime) autumn_day = g_date_time_new_from_unix_local (autumn_start);

    g_assert_cmpint (loadwise_clock_next_midnight (spring_day) - spring_start, ==, 23 * 3600);
    g_assert_cmpint (loadwise_clock_next_midnight (autumn_day) - autumn_start, ==, 25 * 3600);
  }
}

/* The system clock, once watched, has its wall timer armed at the next
 * local midnight. */
static void
test_system_watch (void)
{
  g_autoptr (LoadwiseClock) clock = loadwise_clock_new_system ();
  g_autoptr (GDateTime) now = NULL;
  gint64 deadline;

  g_assert_cmpint (loadwise_clock_get_watch_deadline (clock), ==, 0);
  loadwise_clock_watch (clock);
  now = loadwise_clock_get_now (clock);
  deadline = loadwise_clock_get_watch_deadline (clock);
  g_assert_cmpint (deadline, ==, loadwise_clock_next_midnight (now));
  g_assert_cmpint (deadline, >, g_date_time_to_unix (now));
  g_assert_cmpint (deadline - g_date_time_to_unix (now), <=, 25 * 3600);

  /* Twice is once. */
  loadwise_clock_watch (clock);
  g_assert_cmpint (loadwise_clock_get_watch_deadline (clock), ==, deadline);

  /* The system bus (if any) answers on the main loop; the clock may go
   * away before it does. */
  g_assert_finalize_object (g_steal_pointer (&clock));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/clock/fixed", test_fixed);
  g_test_add_func ("/clock/set-fixed", test_set_fixed);
  g_test_add_func ("/clock/system", test_system);
  g_test_add_func ("/clock/system-follows-zone-change", test_system_follows_zone_change);
  g_test_add_func ("/clock/fixed-day-changed", test_fixed_day_changed);
  g_test_add_func ("/clock/next-midnight-dst", test_next_midnight_dst);
  g_test_add_func ("/clock/system-watch", test_system_watch);

  return g_test_run ();
}
