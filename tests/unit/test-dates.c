/* test-dates.c: calendar dates from clock times across DST changes
 *
 * The day a person is in is the date of their wall clock, not of UTC:
 * around midnight and on the days the clocks change, those differ.
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "core/loadwise-clock.h"
#include "core/loadwise-programme.h"
#include "loadwise-test-util.h"

typedef struct {
  const char *zone;
  /* A UTC instant ... */
  int         y, mo, d, h, mi;
  /* ... its local date there, and the UTC offset in hours. */
  const char *local_date;
  int         offset_hours;
} ZoneCase;

static const ZoneCase zone_cases[] = {
  /* Europe/Berlin: CET (+1) to CEST (+2) on 2026-03-29, back on 2026-10-25. */
  { "Europe/Berlin", 2026, 3, 28, 22, 30, "2026-03-28", 1 }, /* 23:30 the day before */
  { "Europe/Berlin", 2026, 3, 28, 23, 30, "2026-03-29", 1 }, /* 00:30 on the day, still CET */
  { "Europe/Berlin", 2026, 3, 29, 21, 30, "2026-03-29", 2 }, /* 23:30 on the day, CEST */
  { "Europe/Berlin", 2026, 3, 29, 22, 30, "2026-03-30", 2 }, /* 00:30 the day after */
  { "Europe/Berlin", 2026, 10, 24, 21, 30, "2026-10-24", 2 },
  { "Europe/Berlin", 2026, 10, 24, 22, 30, "2026-10-25", 2 },
  { "Europe/Berlin", 2026, 10, 25, 22, 30, "2026-10-25", 1 },
  { "Europe/Berlin", 2026, 10, 25, 23, 30, "2026-10-26", 1 },
  /* America/New_York: EST (-5) to EDT (-4) on 2026-03-08, back on 2026-11-01. */
  { "America/New_York", 2026, 3, 8, 4, 30, "2026-03-07", -5 },
  { "America/New_York", 2026, 3, 8, 5, 30, "2026-03-08", -5 },
  { "America/New_York", 2026, 3, 9, 3, 30, "2026-03-08", -4 },
  { "America/New_York", 2026, 3, 9, 4, 30, "2026-03-09", -4 },
  { "America/New_York", 2026, 11, 1, 3, 30, "2026-10-31", -4 },
  { "America/New_York", 2026, 11, 1, 4, 30, "2026-11-01", -4 },
  { "America/New_York", 2026, 11, 2, 4, 30, "2026-11-01", -5 },
  { "America/New_York", 2026, 11, 2, 5, 30, "2026-11-02", -5 },
};

static void
test_date_from_datetime_zones (void)
{
  g_autoptr (GTimeZone) utc = g_time_zone_new_utc ();

  for (guint i = 0; i < G_N_ELEMENTS (zone_cases); i++)
    {
      const ZoneCase *c = &zone_cases[i];
      g_autoptr (GTimeZone) zone = g_time_zone_new_identifier (c->zone);
      g_autoptr (GDateTime) instant = NULL;
      g_autoptr (GDateTime) local = NULL;
      g_autofree char *iso = NULL;
      GDate date;

      g_assert_nonnull (zone);
      instant = g_date_time_new (utc, c->y, c->mo, c->d, c->h, c->mi, 0);
      local = g_date_time_to_timezone (instant, zone);
      g_assert_cmpint (g_date_time_get_utc_offset (local), ==, (GTimeSpan) c->offset_hours * G_TIME_SPAN_HOUR);

      g_date_clear (&date, 1);
      loadwise_date_from_datetime (local, &date);
      iso = loadwise_date_to_iso (&date);
      g_test_message ("%s %s", c->zone, iso);
      g_assert_cmpstr (iso, ==, c->local_date);

      /* The same instant in UTC has the UTC date. */
      loadwise_date_from_datetime (instant, &date);
      g_assert_cmpint (g_date_get_day (&date), ==, c->d);
    }
}

/* Wall-clock times built in the zone itself, on both sides of midnight. */
static void
test_wall_clock_times (void)
{
  static const struct { const char *zone; int y, mo, d; } days[] = {
    { "Europe/Berlin", 2026, 3, 29 },
    { "Europe/Berlin", 2026, 10, 25 },
    { "America/New_York", 2026, 3, 8 },
    { "America/New_York", 2026, 11, 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      g_autoptr (GTimeZone) zone = g_time_zone_new_identifier (days[i].zone);
      GDate change = loadwise_test_date (days[i].y, days[i].mo, days[i].d);
      GDate before = change, after = change;
      const struct { const GDate *day; int hour; } times[] = {
        { &before, 23 }, { &change, 0 }, { &change, 23 }, { &after, 0 },
      };

      g_date_subtract_days (&before, 1);
      g_date_add_days (&after, 1);

      for (guint k = 0; k < G_N_ELEMENTS (times); k++)
        {
          g_autoptr (GDateTime) when = g_date_time_new (zone,
                                                        g_date_get_year (times[k].day),
                                                        g_date_get_month (times[k].day),
                                                        g_date_get_day (times[k].day),
                                                        times[k].hour, 30, 0);
          GDate date;

          g_date_clear (&date, 1);
          loadwise_date_from_datetime (when, &date);
          g_assert_cmpint (g_date_compare (&date, times[k].day), ==, 0);
        }
    }
}

/* A programme whose week boundary falls on a DST change: the week turns at
 * local midnight, whatever the length of the day. */
static void
test_week_numbers_across_dst (void)
{
  static const struct { const char *zone; int sy, sm, sd; int y, mo, d, h; int week; } cases[] = {
    /* Berlin: start Monday 2026-03-23, so week 2 begins Monday 2026-03-30,
     * the day after the clocks go forward (a 23-hour Sunday). */
    { "Europe/Berlin", 2026, 3, 23, 2026, 3, 28, 23, 1 },
    { "Europe/Berlin", 2026, 3, 23, 2026, 3, 29, 0, 1 },
    { "Europe/Berlin", 2026, 3, 23, 2026, 3, 29, 23, 1 },
    { "Europe/Berlin", 2026, 3, 23, 2026, 3, 30, 0, 2 },
    /* Start Sunday 2026-10-25, the 25-hour day. */
    { "Europe/Berlin", 2026, 10, 25, 2026, 10, 24, 23, 0 },
    { "Europe/Berlin", 2026, 10, 25, 2026, 10, 25, 0, 1 },
    { "Europe/Berlin", 2026, 10, 25, 2026, 10, 31, 23, 1 },
    { "Europe/Berlin", 2026, 10, 25, 2026, 11, 1, 0, 2 },
    /* New York: start Monday 2026-03-02; week 2 from 2026-03-09. */
    { "America/New_York", 2026, 3, 2, 2026, 3, 8, 0, 1 },
    { "America/New_York", 2026, 3, 2, 2026, 3, 8, 23, 1 },
    { "America/New_York", 2026, 3, 2, 2026, 3, 9, 0, 2 },
    /* Start Sunday 2026-11-01, the 25-hour day, and its last week. */
    { "America/New_York", 2026, 11, 1, 2026, 10, 31, 23, 0 },
    { "America/New_York", 2026, 11, 1, 2026, 11, 1, 0, 1 },
    { "America/New_York", 2026, 11, 1, 2026, 12, 26, 23, 8 },
    { "America/New_York", 2026, 11, 1, 2026, 12, 27, 0, 9 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GTimeZone) zone = g_time_zone_new_identifier (cases[i].zone);
      g_autoptr (GDateTime) when = g_date_time_new (zone, cases[i].y, cases[i].mo, cases[i].d,
                                                    cases[i].h, 30, 0);
      g_autoptr (LoadwiseClock) clock = loadwise_clock_new_fixed (when);
      GDate start = loadwise_test_date (cases[i].sy, cases[i].sm, cases[i].sd);
      LoadwiseProgramme programme;
      GDate today;

      loadwise_programme_init (&programme, &start);
      g_date_clear (&today, 1);
      loadwise_clock_get_today (clock, &today);
      g_test_message ("case %u", i);
      g_assert_cmpint (loadwise_programme_get_week (&programme, &today), ==, cases[i].week);
    }
}

/* Adding 24 hours is not adding a day on a DST change: the date follows the
 * wall clock. */
static void
test_hours_versus_days (void)
{
  g_autoptr (GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr (GDateTime) saturday = g_date_time_new (berlin, 2026, 3, 28, 23, 30, 0);
  g_autoptr (GDateTime) plus_24h = g_date_time_add_hours (saturday, 24);
  g_autoptr (GDateTime) plus_day = g_date_time_add_days (saturday, 1);
  GDate date;
  g_autofree char *iso_hours = NULL;
  g_autofree char *iso_day = NULL;

  g_date_clear (&date, 1);
  loadwise_date_from_datetime (plus_24h, &date);
  iso_hours = loadwise_date_to_iso (&date);
  loadwise_date_from_datetime (plus_day, &date);
  iso_day = loadwise_date_to_iso (&date);

  g_assert_cmpstr (iso_hours, ==, "2026-03-30");  /* 00:30 on Monday */
  g_assert_cmpstr (iso_day, ==, "2026-03-29");    /* 23:30 on Sunday */
}

/* The test environment sets TZ=Europe/Berlin: the local zone is Berlin's. */
static void
test_local_zone (void)
{
  g_autoptr (GDateTime) local = g_date_time_new_local (2026, 3, 29, 0, 30, 0);
  g_autoptr (GDateTime) utc = g_date_time_to_utc (local);
  GDate date;
  g_autofree char *local_iso = NULL;
  g_autofree char *utc_iso = NULL;

  if (g_strcmp0 (g_getenv ("TZ"), "Europe/Berlin") != 0)
    {
      g_test_skip ("TZ is not Europe/Berlin");
      return;
    }

  g_date_clear (&date, 1);
  loadwise_date_from_datetime (local, &date);
  local_iso = loadwise_date_to_iso (&date);
  loadwise_date_from_datetime (utc, &date);
  utc_iso = loadwise_date_to_iso (&date);

  g_assert_cmpstr (local_iso, ==, "2026-03-29");
  g_assert_cmpstr (utc_iso, ==, "2026-03-28");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dates/date-from-datetime-zones", test_date_from_datetime_zones);
  g_test_add_func ("/dates/wall-clock-times", test_wall_clock_times);
  g_test_add_func ("/dates/week-numbers-across-dst", test_week_numbers_across_dst);
  g_test_add_func ("/dates/hours-versus-days", test_hours_versus_days);
  g_test_add_func ("/dates/local-zone", test_local_zone);

  return g_test_run ();
}
