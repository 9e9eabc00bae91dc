/* test-parse.c: strict parsers and their messages
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>

#include "core/loadwise-error.h"
#include "core/loadwise-parse.h"
#include "core/loadwise-run.h"
#include "core/loadwise-types.h"
#include "loadwise-test-util.h"

typedef struct {
  const char *text;
  const char *message;
} BadCase;

static void
test_check_range (void)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (loadwise_check_range ("pain", 0, 0, 10, &error));
  g_assert_no_error (error);
  g_assert_true (loadwise_check_range ("pain", 10, 0, 10, &error));
  g_assert_no_error (error);

  g_assert_false (loadwise_check_range ("pain", 11, 0, 10, &error));
  g_assert_error (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT);
  g_assert_cmpstr (error->message, ==, "pain: 11 is outside 0-10");
  g_clear_error (&error);

  g_assert_false (loadwise_check_range ("weeks", -1, 6, 12, &error));
  g_assert_cmpstr (error->message, ==, "weeks: -1 is outside 6-12");
  g_clear_error (&error);

  g_assert_false (loadwise_check_range ("offset", -6, -5, 5, &error));
  g_assert_cmpstr (error->message, ==, "offset: -6 is outside -5-5");
}

static void
test_int_good (void)
{
  static const struct { const char *text; gint64 min, max, value; } cases[] = {
    { "0", 0, 10, 0 },
    { "10", 0, 10, 10 },
    { "7", 0, 10, 7 },
    { "007", 0, 10, 7 },
    { "-5", -10, 10, -5 },
    { "9223372036854775807", 0, G_MAXINT64, G_MAXINT64 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      gint64 value = -42;

      g_test_message ("%s", cases[i].text);
      g_assert_true (loadwise_parse_int ("--n", cases[i].text, cases[i].min, cases[i].max,
                                         &value, &error));
      g_assert_no_error (error);
      g_assert_cmpint (value, ==, cases[i].value);
    }
}

static void
test_int_bad (void)
{
  static const BadCase cases[] = {
    { "11", "--morning-pain: 11 is outside 0-10" },
    { "-1", "--morning-pain: -1 is outside 0-10" },
    { "-0", "--morning-pain: -0 is outside 0-10" },
    { "99999999999999999999", "--morning-pain: 99999999999999999999 is outside 0-10" },
    { "", "--morning-pain: no value given (use a whole number 0-10)" },
    { "abc", "--morning-pain: abc is not a whole number (use 0-10)" },
    { "5x", "--morning-pain: 5x is not a whole number (use 0-10)" },
    { " 5", "--morning-pain:  5 is not a whole number (use 0-10)" },
    { "5 ", "--morning-pain: 5  is not a whole number (use 0-10)" },
    { "+5", "--morning-pain: +5 is not a whole number (use 0-10)" },
    { "1e3", "--morning-pain: 1e3 is not a whole number (use 0-10)" },
    { "5.0", "--morning-pain: 5.0 is not a whole number (use 0-10)" },
    { "0x5", "--morning-pain: 0x5 is not a whole number (use 0-10)" },
    { "-", "--morning-pain: - is not a whole number (use 0-10)" },
    { "--5", "--morning-pain: --5 is not a whole number (use 0-10)" },
    { "５", "--morning-pain: ５ is not a whole number (use 0-10)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      gint64 value = -42;

      g_test_message ("“%s”", cases[i].text);
      g_assert_false (loadwise_parse_int ("--morning-pain", cases[i].text, 0, 10, &value, &error));
      g_assert_error (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT);
      g_assert_cmpstr (error->message, ==, cases[i].message);
      /* Nothing written on failure. */
      g_assert_cmpint (value, ==, -42);
    }
}

static void
test_int_long_text_shortened (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *text = g_strnfill (100, 'x');

  g_assert_false (loadwise_parse_int ("--n", text, 0, 10, NULL, &error));
  g_assert_cmpstr (error->message, ==,
                   "--n: xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx… is not a whole number (use 0-10)");
  g_clear_error (&error);

  /* Invalid UTF-8 is echoed as valid UTF-8. */
  g_assert_false (loadwise_parse_int ("--n", "\xff" "5", 0, 10, NULL, &error));
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
}

static void
test_double_good (void)
{
  static const struct { const char *text; double value; } cases[] = {
    { "8.4", 8.4 },
    { "400", 400.0 },
    { "0.01", 0.01 },
    { "42.195", 42.195 },
    { "007.50", 7.5 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      double value = -1;

      g_test_message ("%s", cases[i].text);
      g_assert_true (loadwise_parse_double ("--distance-km", cases[i].text, 0, TRUE, 400,
                                            &value, &error));
      g_assert_no_error (error);
      g_assert_cmpfloat_with_epsilon (value, cases[i].value, 1e-12);
    }

  {
    g_autoptr (GError) error = NULL;
    double value = -1;

    /* An inclusive lower bound accepts it. */
    g_assert_true (loadwise_parse_double ("--climb-m", "0", 0, FALSE, 10000, &value, &error));
    g_assert_no_error (error);
    g_assert_cmpfloat (value, ==, 0.0);
    g_assert_false (signbit (value));
    g_assert_true (loadwise_parse_double ("--temp", "-2.5", -50, FALSE, 50, &value, &error));
    g_assert_cmpfloat (value, ==, -2.5);
  }
}

static void
test_double_bad (void)
{
  static const BadCase cases[] = {
    { "-3", "--distance-km: -3 is outside 0-400 (more than 0)" },
    { "0", "--distance-km: 0 is outside 0-400 (more than 0)" },
    { "0.0", "--distance-km: 0.0 is outside 0-400 (more than 0)" },
    { "-0", "--distance-km: -0 is outside 0-400 (more than 0)" },
    { "400.5", "--distance-km: 400.5 is outside 0-400 (more than 0)" },
    { "1e3", "--distance-km: 1e3 is not a number (use 0-400, more than 0)" },
    { "1E3", "--distance-km: 1E3 is not a number (use 0-400, more than 0)" },
    { "nan", "--distance-km: nan is not a number (use 0-400, more than 0)" },
    { "NaN", "--distance-km: NaN is not a number (use 0-400, more than 0)" },
    { "inf", "--distance-km: inf is not a number (use 0-400, more than 0)" },
    { "-inf", "--distance-km: -inf is not a number (use 0-400, more than 0)" },
    { " 5", "--distance-km:  5 is not a number (use 0-400, more than 0)" },
    { "5km", "--distance-km: 5km is not a number (use 0-400, more than 0)" },
    { "8,4", "--distance-km: 8,4 is not a number (use 0-400, more than 0)" },
    { ".5", "--distance-km: .5 is not a number (use 0-400, more than 0)" },
    { "5.", "--distance-km: 5. is not a number (use 0-400, more than 0)" },
    { "1.2.3", "--distance-km: 1.2.3 is not a number (use 0-400, more than 0)" },
    { "0x10", "--distance-km: 0x10 is not a number (use 0-400, more than 0)" },
    { "+5", "--distance-km: +5 is not a number (use 0-400, more than 0)" },
    { "", "--distance-km: no value given (use a number 0-400, more than 0)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      double value = -42;

      g_test_message ("“%s”", cases[i].text);
      g_assert_false (loadwise_parse_double ("--distance-km", cases[i].text, 0, TRUE, 400,
                                             &value, &error));
      g_assert_error (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT);
      g_assert_cmpstr (error->message, ==, cases[i].message);
      g_assert_cmpfloat (value, ==, -42);
    }
}

/* A distance in km is stored in whole metres and shown with two decimals
 * (loadwise_format_km()): the parser takes nothing that would be stored
 * as less than what shows, so what is typed, stored and shown agree. */
static void
test_distance_km (void)
{
  static const struct {
    const char *text;
    guint       metres;   /* 0: refused */
    const char *shown;    /* loadwise_format_km () of the metres */
    const char *message;
  } cases[] = {
    { "8.4", 8400, "8.4", NULL },
    { "0.01", 10, "0.01", NULL },
    /* Rounded to the metre first: 9.5 m is 10 m. */
    { "0.0095", 10, "0.01", NULL },
    { "0.015", 15, "0.02", NULL },
    { "399.999", 399999, "400", NULL },
    { "0.0005", 0, NULL, "--distance-km: 0.0005 km is outside 0.01-400 km (under 400)" },
    { "0.009", 0, NULL, "--distance-km: 0.009 km is outside 0.01-400 km (under 400)" },
    { "0.001", 0, NULL, "--distance-km: 0.001 km is outside 0.01-400 km (under 400)" },
    { "0", 0, NULL, "--distance-km: 0 km is outside 0.01-400 km (under 400)" },
    { "400", 0, NULL, "--distance-km: 400 km is outside 0.01-400 km (under 400)" },
    { "-1", 0, NULL, "--distance-km: -1 km is outside 0.01-400 km (under 400)" },
    { "1e-4", 0, NULL,
      "--distance-km: 1e-4 is not a distance in km (use a number such as 8.4, from 0.01 to under 400)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      guint metres = 7;

      g_test_message ("“%s”", cases[i].text);
      if (cases[i].metres > 0)
        {
          g_autofree char *shown = NULL;
          g_autoptr (LoadwiseRun) run = loadwise_run_new ();

          g_assert_true (loadwise_parse_distance_km ("--distance-km", cases[i].text, &metres, &error));
          g_assert_no_error (error);
          g_assert_cmpuint (metres, ==, cases[i].metres);
          shown = loadwise_format_km (metres);
          g_assert_cmpstr (shown, ==, cases[i].shown);
          /* And the store's check takes what the parser gave. */
          g_date_set_dmy (&run->date, 2, 3, 2026);
          run->distance_m = metres;
          g_assert_true (loadwise_run_validate (run, NULL));
        }
      else
        {
          g_assert_false (loadwise_parse_distance_km ("--distance-km", cases[i].text, &metres, &error));
          g_assert_error (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT);
          g_assert_cmpstr (error->message, ==, cases[i].message);
          g_assert_cmpuint (metres, ==, 7);
        }
    }
}

static void
test_double_bad_inclusive (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *huge = g_strnfill (400, '9');

  g_assert_false (loadwise_parse_double ("--climb-m", "-1", 0, FALSE, 10000, NULL, &error));
  g_assert_cmpstr (error->message, ==, "--climb-m: -1 is outside 0-10000");
  g_clear_error (&error);

  g_assert_false (loadwise_parse_double ("--climb-m", "x", 0, FALSE, 10000, NULL, &error));
  g_assert_cmpstr (error->message, ==, "--climb-m: x is not a number (use 0-10000)");
  g_clear_error (&error);

  g_assert_false (loadwise_parse_double ("--climb-m", "", 0, FALSE, 10000, NULL, &error));
  g_assert_cmpstr (error->message, ==, "--climb-m: no value given (use a number 0-10000)");
  g_clear_error (&error);

  /* Overflows to infinity: refused as out of range. */
  g_assert_false (loadwise_parse_double ("--climb-m", huge, 0, FALSE, 10000, NULL, &error));
  g_assert_error (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT);
  g_assert_true (g_str_has_suffix (error->message, "… is outside 0-10000"));
  g_clear_error (&error);

  g_assert_false (loadwise_parse_double ("--pace", "0.4", 0.5, FALSE, 2.5, NULL, &error));
  g_assert_cmpstr (error->message, ==, "--pace: 0.4 is outside 0.5-2.5");
}

static void
test_date_good (void)
{
  static const struct { const char *text; int y, m, d; } cases[] = {
    { "2026-03-02", 2026, 3, 2 },
    { "2024-02-29", 2024, 2, 29 },
    { "2000-02-29", 2000, 2, 29 },
    { "1900-01-01", 1900, 1, 1 },
    { "9999-12-31", 9999, 12, 31 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      GDate date;
      GDate expected = loadwise_test_date (cases[i].y, cases[i].m, cases[i].d);

      g_date_clear (&date, 1);
      g_test_message ("%s", cases[i].text);
      g_assert_true (loadwise_parse_date ("--date", cases[i].text, &date, &error));
      g_assert_no_error (error);
      g_assert_true (g_date_valid (&date));
      g_assert_cmpint (g_date_compare (&date, &expected), ==, 0);
    }
}

static void
test_date_bad (void)
{
  static const BadCase cases[] = {
    { "2026-02-30", "--date: 2026-02-30 is not a date (use YYYY-MM-DD)" },
    { "2025-02-29", "--date: 2025-02-29 is not a date (use YYYY-MM-DD)" },
    { "1900-02-29", "--date: 1900-02-29 is not a date (use YYYY-MM-DD)" },
    { "2026-13-01", "--date: 2026-13-01 is not a date (use YYYY-MM-DD)" },
    { "2026-00-10", "--date: 2026-00-10 is not a date (use YYYY-MM-DD)" },
    { "2026-04-31", "--date: 2026-04-31 is not a date (use YYYY-MM-DD)" },
    { "2026-04-00", "--date: 2026-04-00 is not a date (use YYYY-MM-DD)" },
    { "2026-4-1", "--date: 2026-4-1 is not a date (use YYYY-MM-DD)" },
    { "26-04-01", "--date: 26-04-01 is not a date (use YYYY-MM-DD)" },
    { "2026/04/01", "--date: 2026/04/01 is not a date (use YYYY-MM-DD)" },
    { "2026-04-01 ", "--date: 2026-04-01  is not a date (use YYYY-MM-DD)" },
    { " 2026-04-01", "--date:  2026-04-01 is not a date (use YYYY-MM-DD)" },
    { "2026-04-01T10:00", "--date: 2026-04-01T10:00 is not a date (use YYYY-MM-DD)" },
    { "+026-04-01", "--date: +026-04-01 is not a date (use YYYY-MM-DD)" },
    { "0000-01-01", "--date: 0000-01-01 is not a date (use YYYY-MM-DD)" },
    { "today", "--date: today is not a date (use YYYY-MM-DD)" },
    { "1899-12-31", "--date: year 1899 is outside 1900-9999" },
    { "", "--date: no date given (use YYYY-MM-DD)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      GDate date;

      g_date_clear (&date, 1);
      g_test_message ("“%s”", cases[i].text);
      g_assert_false (loadwise_parse_date ("--date", cases[i].text, &date, &error));
      g_assert_error (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT);
      g_assert_cmpstr (error->message, ==, cases[i].message);
      g_assert_false (g_date_valid (&date));
    }
}

static void
test_weekdays_good (void)
{
  static const struct { const char *text; guint8 mask; const char *canonical; } cases[] = {
    { "mon,wed,fri", 0x15, "mon,wed,fri" },
    { "fri,mon,wed", 0x15, "mon,wed,fri" },
    { "tue,sun", 0x42, "tue,sun" },
    { "Sat,THU", 0x28, "thu,sat" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *text = NULL;
      guint8 mask = 0;

      g_test_message ("%s", cases[i].text);
      g_assert_true (loadwise_parse_weekdays ("--days", cases[i].text, 2, 3, &mask, &error));
      g_assert_no_error (error);
      g_assert_cmphex (mask, ==, cases[i].mask);
      text = loadwise_weekdays_to_string (mask);
      g_assert_cmpstr (text, ==, cases[i].canonical);
    }
}

static void
test_weekdays_bad (void)
{
  static const BadCase cases[] = {
    { "mon", "--days: choose 2 to 3 days from mon,tue,wed,thu,fri,sat,sun" },
    { "mon,tue,wed,thu", "--days: choose 2 to 3 days from mon,tue,wed,thu,fri,sat,sun" },
    { "", "--days: choose 2 to 3 days from mon,tue,wed,thu,fri,sat,sun" },
    { "mon,mon,fri", "--days: mon is listed more than once" },
    { "mon,Mon", "--days: mon is listed more than once" },
    { "mon,xyz", "--days: xyz is not a day (use mon,tue,wed,thu,fri,sat,sun, separated by commas)" },
    { "monday,wed", "--days: monday is not a day (use mon,tue,wed,thu,fri,sat,sun, separated by commas)" },
    { "mon, wed", "--days:  wed is not a day (use mon,tue,wed,thu,fri,sat,sun, separated by commas)" },
    { "mon,,wed", "--days: mon,,wed is not a day (use mon,tue,wed,thu,fri,sat,sun, separated by commas)" },
    { "mon,wed,", "--days: mon,wed, is not a day (use mon,tue,wed,thu,fri,sat,sun, separated by commas)" },
    { "mon;wed", "--days: mon;wed is not a day (use mon,tue,wed,thu,fri,sat,sun, separated by commas)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      guint8 mask = 0xff;

      g_test_message ("“%s”", cases[i].text);
      g_assert_false (loadwise_parse_weekdays ("--days", cases[i].text, 2, 3, &mask, &error));
      g_assert_error (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT);
      g_assert_cmpstr (error->message, ==, cases[i].message);
      g_assert_cmphex (mask, ==, 0xff);
    }
}

static void
test_weekdays_exact_count (void)
{
  g_autoptr (GError) error = NULL;
  guint8 mask = 0;

  g_assert_false (loadwise_parse_weekdays ("--days", "mon", 2, 2, &mask, &error));
  g_assert_cmpstr (error->message, ==, "--days: choose 2 days from mon,tue,wed,thu,fri,sat,sun");
  g_clear_error (&error);

  g_assert_false (loadwise_parse_weekdays ("--day", "mon,tue", 1, 1, &mask, &error));
  g_assert_cmpstr (error->message, ==, "--day: choose 1 day from mon,tue,wed,thu,fri,sat,sun");
  g_clear_error (&error);

  g_assert_true (loadwise_parse_weekdays ("--days", "mon,tue,wed,thu,fri,sat,sun", 1, 7, &mask, &error));
  g_assert_no_error (error);
  g_assert_cmphex (mask, ==, LOADWISE_WEEKDAYS_ALL);
}

static void
test_duration_good (void)
{
  static const struct { const char *text; guint seconds; } cases[] = {
    { "45:30", 45 * 60 + 30 },
    { "0:01", 1 },
    { "00:01", 1 },
    { "95:00", 95 * 60 },
    { "1440:00", 86400 },
    { "1:05:09", 3600 + 5 * 60 + 9 },
    { "01:05:09", 3600 + 5 * 60 + 9 },
    { "24:00:00", 86400 },
    { "0:00:01", 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      guint seconds = 0;

      g_test_message ("%s", cases[i].text);
      g_assert_true (loadwise_parse_duration ("--duration", cases[i].text, &seconds, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (seconds, ==, cases[i].seconds);
    }
}

static void
test_duration_bad (void)
{
  static const BadCase cases[] = {
    { "0:00", "--duration: 0:00 is outside 0:00:01-24:00:00" },
    { "0:00:00", "--duration: 0:00:00 is outside 0:00:01-24:00:00" },
    { "24:00:01", "--duration: 24:00:01 is outside 0:00:01-24:00:00" },
    { "1440:01", "--duration: 1440:01 is outside 0:00:01-24:00:00" },
    { "45", "--duration: 45 is not a duration (use MM:SS or H:MM:SS)" },
    { "45:60", "--duration: 45:60 is not a duration (use MM:SS or H:MM:SS)" },
    { "45:5", "--duration: 45:5 is not a duration (use MM:SS or H:MM:SS)" },
    { "1:60:00", "--duration: 1:60:00 is not a duration (use MM:SS or H:MM:SS)" },
    { "1:5:00", "--duration: 1:5:00 is not a duration (use MM:SS or H:MM:SS)" },
    { "-1:00", "--duration: -1:00 is not a duration (use MM:SS or H:MM:SS)" },
    { "1:00:00:00", "--duration: 1:00:00:00 is not a duration (use MM:SS or H:MM:SS)" },
    { "12345:00", "--duration: 12345:00 is not a duration (use MM:SS or H:MM:SS)" },
    { " 45:00", "--duration:  45:00 is not a duration (use MM:SS or H:MM:SS)" },
    { "45:00 ", "--duration: 45:00  is not a duration (use MM:SS or H:MM:SS)" },
    { "a:bc", "--duration: a:bc is not a duration (use MM:SS or H:MM:SS)" },
    { ":30", "--duration: :30 is not a duration (use MM:SS or H:MM:SS)" },
    { "", "--duration: no duration given (use MM:SS or H:MM:SS)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      guint seconds = 42;

      g_test_message ("“%s”", cases[i].text);
      g_assert_false (loadwise_parse_duration ("--duration", cases[i].text, &seconds, &error));
      g_assert_error (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT);
      g_assert_cmpstr (error->message, ==, cases[i].message);
      g_assert_cmpuint (seconds, ==, 42);
    }
}

static void
test_time_of_day (void)
{
  static const struct { const char *text; guint minutes; } good[] = {
    { "00:00", 0 },
    { "07:30", 7 * 60 + 30 },
    { "7:30", 7 * 60 + 30 },
    { "23:59", 23 * 60 + 59 },
  };
  static const BadCase bad[] = {
    { "24:00", "--time: 24:00 is outside 00:00-23:59" },
    { "12:60", "--time: 12:60 is outside 00:00-23:59" },
    { "7:5", "--time: 7:5 is not a time (use HH:MM, 00:00-23:59)" },
    { "0730", "--time: 0730 is not a time (use HH:MM, 00:00-23:59)" },
    { "07:30:00", "--time: 07:30:00 is not a time (use HH:MM, 00:00-23:59)" },
    { "7.30", "--time: 7.30 is not a time (use HH:MM, 00:00-23:59)" },
    { " 7:30", "--time:  7:30 is not a time (use HH:MM, 00:00-23:59)" },
    { "-1:30", "--time: -1:30 is not a time (use HH:MM, 00:00-23:59)" },
    { "", "--time: no time given (use HH:MM, 00:00-23:59)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr (GError) error = NULL;
      guint minutes = 9999;

      g_assert_true (loadwise_parse_time_of_day ("--time", good[i].text, &minutes, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (minutes, ==, good[i].minutes);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GError) error = NULL;
      guint minutes = 9999;

      g_test_message ("“%s”", bad[i].text);
      g_assert_false (loadwise_parse_time_of_day ("--time", bad[i].text, &minutes, &error));
      g_assert_error (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT);
      g_assert_cmpstr (error->message, ==, bad[i].message);
      g_assert_cmpuint (minutes, ==, 9999);
    }
}

static void
test_date_not_future (void)
{
  g_autoptr (GError) error = NULL;
  GDate today = loadwise_test_date (2026, 11, 26);
  GDate yesterday = loadwise_test_date (2026, 11, 25);
  GDate tomorrow = loadwise_test_date (2026, 11, 27);

  g_assert_true (loadwise_check_not_future ("--date", &yesterday, &today, LOADWISE_DATE_STYLE_ISO, &error));
  g_assert_no_error (error);
  g_assert_true (loadwise_check_not_future ("--date", &today, &today, LOADWISE_DATE_STYLE_ISO, &error));
  g_assert_no_error (error);

  g_assert_false (loadwise_check_not_future ("--date", &tomorrow, &today, LOADWISE_DATE_STYLE_ISO, &error));
  g_assert_error (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT);
  g_assert_cmpstr (error->message, ==, "--date: 2026-11-27 is in the future (today is 2026-11-26)");
  g_clear_error (&error);

  /* The app's way: the locale's dates. */
  g_assert_false (loadwise_check_not_future ("Date", &tomorrow, &today, LOADWISE_DATE_STYLE_LOCALE, &error));
  g_assert_cmpstr (error->message, ==, "Date: 27 November 2026 is in the future (today is 26 November 2026)");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/parse/check-range", test_check_range);
  g_test_add_func ("/parse/int/good", test_int_good);
  g_test_add_func ("/parse/int/bad", test_int_bad);
  g_test_add_func ("/parse/int/long-text-shortened", test_int_long_text_shortened);
  g_test_add_func ("/parse/double/good", test_double_good);
  g_test_add_func ("/parse/distance-km", test_distance_km);
  g_test_add_func ("/parse/double/bad", test_double_bad);
  g_test_add_func ("/parse/double/bad-inclusive", test_double_bad_inclusive);
  g_test_add_func ("/parse/date/good", test_date_good);
  g_test_add_func ("/parse/date/bad", test_date_bad);
  g_test_add_func ("/parse/date/not-future", test_date_not_future);
  g_test_add_func ("/parse/weekdays/good", test_weekdays_good);
  g_test_add_func ("/parse/weekdays/bad", test_weekdays_bad);
  g_test_add_func ("/parse/weekdays/exact-count", test_weekdays_exact_count);
  g_test_add_func ("/parse/duration/good", test_duration_good);
  g_test_add_func ("/parse/duration/bad", test_duration_bad);
  g_test_add_func ("/parse/time-of-day", test_time_of_day);

  return g_test_run ();
}
