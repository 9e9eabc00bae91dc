/* test-programme.c: programme settings, its calendar and the baseline
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "core/loadwise-error.h"
#include "core/loadwise-parse.h"
#include "core/loadwise-programme.h"
#include "loadwise-test-util.h"

#define MON LOADWISE_WEEKDAY_BIT (G_DATE_MONDAY)
#define TUE LOADWISE_WEEKDAY_BIT (G_DATE_TUESDAY)
#define WED LOADWISE_WEEKDAY_BIT (G_DATE_WEDNESDAY)
#define THU LOADWISE_WEEKDAY_BIT (G_DATE_THURSDAY)
#define FRI LOADWISE_WEEKDAY_BIT (G_DATE_FRIDAY)
#define SAT LOADWISE_WEEKDAY_BIT (G_DATE_SATURDAY)
#define SUN LOADWISE_WEEKDAY_BIT (G_DATE_SUNDAY)

/* 2026-03-02 is a Monday. */
static LoadwiseProgramme
default_programme (void)
{
  GDate start = loadwise_test_date (2026, 3, 2);
  LoadwiseProgramme programme;

  loadwise_programme_init (&programme, &start);
  return programme;
}

static GDate
days_after (const GDate *date,
            int          days)
{
  GDate result = *date;

  if (days >= 0)
    g_date_add_days (&result, (guint) days);
  else
    g_date_subtract_days (&result, (guint) -days);
  return result;
}

static void
assert_date (const GDate *date,
             int          year,
             int          month,
             int          day)
{
  g_autofree char *iso = loadwise_date_to_iso (date);
  g_autofree char *expected = g_strdup_printf ("%04d-%02d-%02d", year, month, day);

  g_assert_cmpstr (iso, ==, expected);
}

static void
test_defaults (void)
{
  LoadwiseProgramme programme = default_programme ();
  g_autoptr (GError) error = NULL;

  assert_date (&programme.start, 2026, 3, 2);
  g_assert_cmpuint (programme.weeks, ==, 8);
  g_assert_cmphex (programme.training_days, ==, MON | WED | FRI);
  g_assert_cmpuint (programme.safe_pain, ==, 3);
  g_assert_cmpuint (programme.max_pain, ==, 5);

  g_assert_true (loadwise_programme_validate (&programme, &error));
  g_assert_no_error (error);
}

typedef struct {
  const char *what;
  guint       weeks;
  guint8      days;
  guint       safe;
  guint       max;
  const char *message;  /* NULL: valid */
} ValidateCase;

static void
test_validate (void)
{
  static const ValidateCase cases[] = {
    { "weeks below", 5, MON | WED | FRI, 3, 5, "weeks: 5 is outside 6-12" },
    { "weeks lowest", 6, MON | WED | FRI, 3, 5, NULL },
    { "weeks highest", 12, MON | WED | FRI, 3, 5, NULL },
    { "weeks above", 13, MON | WED | FRI, 3, 5, "weeks: 13 is outside 6-12" },
    { "weeks zero", 0, MON | WED | FRI, 3, 5, "weeks: 0 is outside 6-12" },
    { "one day", 8, MON, 3, 5, "training-days: choose 2 to 3 days from mon,tue,wed,thu,fri,sat,sun" },
    { "no day", 8, 0, 3, 5, "training-days: choose 2 to 3 days from mon,tue,wed,thu,fri,sat,sun" },
    { "two days", 8, TUE | SAT, 3, 5, NULL },
    { "three days", 8, TUE | THU | SUN, 3, 5, NULL },
    { "four days", 8, MON | TUE | WED | FRI, 3, 5, "training-days: choose 2 to 3 days from mon,tue,wed,thu,fri,sat,sun" },
    { "stray bit", 8, MON | WED | 0x80, 3, 5, "training-days: choose 2 to 3 days from mon,tue,wed,thu,fri,sat,sun" },
    /* The pain-monitoring model's bounds (issue 12): safe 0-5, the
     * maximum above it and at most 7. */
    { "pain floor", 8, MON | WED, 0, 1, NULL },
    { "pain ceiling", 8, MON | WED, 5, 7, NULL },
    { "defaults", 8, MON | WED, 3, 5, NULL },
    { "safe equals max", 8, MON | WED, 5, 5,
      "max-pain: 5 must be above safe-pain (5); use a safe threshold of 0-5 and a maximum above it, up to 7" },
    { "both zero", 8, MON | WED, 0, 0,
      "max-pain: 0 must be above safe-pain (0); use a safe threshold of 0-5 and a maximum above it, up to 7" },
    { "safe over max", 8, MON | WED, 6, 5,
      "max-pain: 5 must be above safe-pain (6); use a safe threshold of 0-5 and a maximum above it, up to 7" },
    { "safe above", 8, MON | WED, 6, 7,
      "safe-pain: 6 is outside 0-5; the pain-monitoring model counts pain over 5 during exercise as too much" },
    { "safe 9", 8, MON | WED, 9, 10,
      "safe-pain: 9 is outside 0-5; the pain-monitoring model counts pain over 5 during exercise as too much" },
    { "max above", 8, MON | WED, 3, 8,
      "max-pain: 8 is outside 4-7; above 7, pain that should step the exercises down or suggest a flare would go unnoticed" },
    { "max 10", 8, MON | WED, 0, 10,
      "max-pain: 10 is outside 1-7; above 7, pain that should step the exercises down or suggest a flare would go unnoticed" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      LoadwiseProgramme programme = default_programme ();
      g_autoptr (GError) error = NULL;
      gboolean ok;

      g_test_message ("%s", cases[i].what);
      programme.weeks = cases[i].weeks;
      programme.training_days = cases[i].days;
      programme.safe_pain = cases[i].safe;
      programme.max_pain = cases[i].max;

      ok = loadwise_programme_validate (&programme, &error);
      if (cases[i].message == NULL)
        {
          g_assert_no_error (error);
          g_assert_true (ok);
        }
      else
        {
          g_assert_false (ok);
          g_assert_error (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT);
          g_assert_cmpstr (error->message, ==, cases[i].message);
        }
    }
}

/* Issue 12: the start date stays within a year before today and 60 days after. */
static void
test_start_window (void)
{
  static const struct { int year, month, day; gboolean ok; } cases[] = {
    { 1900, 1, 1, FALSE },
    { 2025, 12, 1, FALSE },
    { 2025, 12, 2, TRUE },   /* 365 days before */
    { 2026, 11, 1, TRUE },   /* begun on paper a month ago */
    { 2026, 12, 2, TRUE },
    { 2027, 1, 31, TRUE },   /* 60 days after */
    { 2027, 2, 1, FALSE },
    { 9999, 12, 31, FALSE },
  };
  GDate today = loadwise_test_date (2026, 12, 2);
  GDate first, last;

  loadwise_programme_get_start_window (&today, &first, &last);
  g_assert_cmpint (g_date_days_between (&first, &today), ==, LOADWISE_START_DAYS_BEFORE);
  g_assert_cmpint (g_date_days_between (&today, &last), ==, LOADWISE_START_DAYS_AHEAD);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate start = loadwise_test_date (cases[i].year, cases[i].month, cases[i].day);
      g_autoptr (GError) error = NULL;

      g_assert_cmpint (loadwise_programme_check_start (&start, &today, "start", &error), ==, cases[i].ok);
      if (cases[i].ok)
        g_assert_no_error (error);
      else
        g_assert_true (g_str_has_suffix (error->message,
                                         " is outside 2025-12-02 to 2027-01-31 (a start at most 365 "
                                         "days before today and at most 60 days after)"));
    }
}

static void
test_validate_start (void)
{
  LoadwiseProgramme programme = default_programme ();
  g_autoptr (GError) error = NULL;

  g_date_clear (&programme.start, 1);
  g_assert_false (loadwise_programme_validate (&programme, &error));
  g_assert_error (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT);
  g_assert_cmpstr (error->message, ==, "start: not a valid date");
}

static void
test_weeks (void)
{
  static const struct { int offset; int week; gboolean maintenance; } cases[] = {
    { -400, 0, FALSE },
    { -7, 0, FALSE },
    { -1, 0, FALSE },
    { 0, 1, FALSE },
    { 6, 1, FALSE },
    { 7, 2, FALSE },
    { 13, 2, FALSE },
    { 14, 3, FALSE },
    { 55, 8, FALSE },   /* the last day */
    { 56, 9, TRUE },    /* the first day of maintenance */
    { 62, 9, TRUE },
    { 63, 10, TRUE },
    { 3650, 522, TRUE },
  };
  LoadwiseProgramme programme = default_programme ();
  GDate end, week_start;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate date = days_after (&programme.start, cases[i].offset);

      g_test_message ("start %+d", cases[i].offset);
      g_assert_cmpint (loadwise_programme_get_week (&programme, &date), ==, cases[i].week);
      g_assert_cmpint (loadwise_programme_is_maintenance (&programme, &date), ==, cases[i].maintenance);
    }

  loadwise_programme_get_end (&programme, &end);
  assert_date (&end, 2026, 4, 26);

  loadwise_programme_get_week_start (&programme, 1, &week_start);
  assert_date (&week_start, 2026, 3, 2);
  loadwise_programme_get_week_start (&programme, 2, &week_start);
  assert_date (&week_start, 2026, 3, 9);
  loadwise_programme_get_week_start (&programme, 9, &week_start);
  assert_date (&week_start, 2026, 4, 27);

  /* Twelve weeks end twelve weeks later. */
  programme.weeks = 12;
  loadwise_programme_get_end (&programme, &end);
  assert_date (&end, 2026, 5, 24);
}

static void
test_weeks_across_year_and_leap_day (void)
{
  GDate start = loadwise_test_date (2027, 12, 30);
  GDate leap_start = loadwise_test_date (2028, 2, 28);
  GDate date = loadwise_test_date (2028, 1, 6);
  LoadwiseProgramme programme;
  GDate end;

  loadwise_programme_init (&programme, &start);
  g_assert_cmpint (loadwise_programme_get_week (&programme, &date), ==, 2);

  loadwise_programme_init (&programme, &leap_start);
  loadwise_programme_get_end (&programme, &end);
  assert_date (&end, 2028, 4, 23);  /* 56 days including 2028-02-29 */
}

static guint
count_sessions (const LoadwiseProgramme *programme,
                const GDate             *first,
                const GDate             *last)
{
  guint n = 0;

  for (GDate day = *first; g_date_compare (&day, last) <= 0; g_date_add_days (&day, 1))
    if (loadwise_programme_is_session_day (programme, &day))
      n++;

  return n;
}

static void
test_session_days_whole_programme (void)
{
  LoadwiseProgramme programme = default_programme ();
  GDate end, before = days_after (&programme.start, -14);
  GDate day_before = days_after (&programme.start, -1);
  GDate week9 = days_after (&programme.start, 56);
  GDate week9_end = days_after (&programme.start, 62);

  loadwise_programme_get_end (&programme, &end);

  /* 8 weeks x 3 days. */
  g_assert_cmpuint (count_sessions (&programme, &programme.start, &end), ==, 24);
  /* Nothing before the start, though those are the runner's weekdays. */
  g_assert_cmpuint (count_sessions (&programme, &before, &day_before), ==, 0);
  /* Maintenance: 2 a week. */
  g_assert_cmpuint (count_sessions (&programme, &week9, &week9_end), ==, 2);

  /* A start mid-week still counts whole 7-day weeks from the start. */
  {
    GDate thursday = loadwise_test_date (2026, 3, 5);
    LoadwiseProgramme late;
    GDate late_end;

    loadwise_programme_init (&late, &thursday);
    loadwise_programme_get_end (&late, &late_end);
    assert_date (&late_end, 2026, 4, 29);
    g_assert_cmpuint (count_sessions (&late, &late.start, &late_end), ==, 24);
  }

  /* Two days over 6 weeks. */
  programme.weeks = 6;
  programme.training_days = TUE | SAT;
  loadwise_programme_get_end (&programme, &end);
  g_assert_cmpuint (count_sessions (&programme, &programme.start, &end), ==, 12);
}

static void
test_session_day_weekdays (void)
{
  LoadwiseProgramme programme = default_programme ();
  GDate monday = loadwise_test_date (2026, 3, 9);
  GDate tuesday = loadwise_test_date (2026, 3, 10);
  GDate wednesday = loadwise_test_date (2026, 3, 11);
  GDate maintenance_wednesday = loadwise_test_date (2026, 4, 29);
  GDate maintenance_friday = loadwise_test_date (2026, 5, 1);

  g_assert_true (loadwise_programme_is_session_day (&programme, &monday));
  g_assert_false (loadwise_programme_is_session_day (&programme, &tuesday));
  g_assert_true (loadwise_programme_is_session_day (&programme, &wednesday));
  g_assert_false (loadwise_programme_is_session_day (&programme, &maintenance_wednesday));
  g_assert_true (loadwise_programme_is_session_day (&programme, &maintenance_friday));

  g_assert_cmphex (loadwise_programme_get_days_for_date (&programme, &wednesday), ==, MON | WED | FRI);
  g_assert_cmphex (loadwise_programme_get_days_for_date (&programme, &maintenance_wednesday), ==, MON | FRI);
}

static void
test_next_session (void)
{
  static const struct { int y, m, d; int ey, em, ed; } cases[] = {
    { 2026, 2, 1, 2026, 3, 2 },   /* long before the start: the first day */
    { 2026, 3, 1, 2026, 3, 2 },   /* the day before */
    { 2026, 3, 2, 2026, 3, 2 },   /* a session day answers itself */
    { 2026, 3, 3, 2026, 3, 4 },
    { 2026, 3, 6, 2026, 3, 6 },
    { 2026, 3, 7, 2026, 3, 9 },   /* across the week boundary */
    { 2026, 3, 8, 2026, 3, 9 },
    { 2026, 4, 25, 2026, 4, 27 }, /* into maintenance: its Monday */
    { 2026, 4, 28, 2026, 5, 1 },  /* maintenance skips Wednesday */
    { 2026, 5, 2, 2026, 5, 4 },
  };
  LoadwiseProgramme programme = default_programme ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate from = loadwise_test_date (cases[i].y, cases[i].m, cases[i].d);
      GDate next;

      g_date_clear (&next, 1);
      loadwise_programme_next_session (&programme, &from, &next);
      assert_date (&next, cases[i].ey, cases[i].em, cases[i].ed);
    }

  /* A programme starting on a Thursday with mon,wed,fri: Friday first. */
  {
    GDate thursday = loadwise_test_date (2026, 3, 5);
    GDate from = loadwise_test_date (2026, 3, 1);
    GDate next;

    programme.start = thursday;
    loadwise_programme_next_session (&programme, &from, &next);
    assert_date (&next, 2026, 3, 6);
  }
}

static void
test_maintenance_days (void)
{
  static const struct { guint8 days; guint8 expected; } cases[] = {
    { MON | WED | FRI, MON | FRI },   /* gaps 4 and 3 */
    { TUE | THU | SAT, TUE | SAT },
    { MON | TUE | WED, MON | WED },   /* the only pair that is not consecutive */
    { MON | THU | SUN, MON | THU },   /* mon,thu and thu,sun tie at 3: earliest first */
    { MON | WED | SAT, WED | SAT },
    { FRI | SAT | SUN, FRI | SUN },
    { SAT | SUN, SAT | SUN },         /* two days: kept as they are */
    { MON | THU, MON | THU },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      LoadwiseProgramme programme = default_programme ();
      g_autofree char *days = NULL;
      g_autofree char *got = NULL;
      g_autofree char *expected = loadwise_weekdays_to_string (cases[i].expected);
      GDate in_programme = days_after (&programme.start, 20);
      GDate in_maintenance = days_after (&programme.start, 60);

      programme.training_days = cases[i].days;
      days = loadwise_weekdays_to_string (cases[i].days);
      got = loadwise_weekdays_to_string (loadwise_programme_get_maintenance_days (&programme));
      g_test_message ("%s", days);
      g_assert_cmpstr (got, ==, expected);

      g_assert_cmphex (loadwise_programme_get_days_for_date (&programme, &in_programme), ==, cases[i].days);
      g_assert_cmphex (loadwise_programme_get_days_for_date (&programme, &in_maintenance), ==, cases[i].expected);
    }
}

static gboolean
has_consecutive_days (guint8 mask)
{
  for (guint d = 0; d < 7; d++)
    if ((mask & (1u << d)) && (mask & (1u << ((d + 1) % 7))))
      return TRUE;

  return FALSE;
}

static void
test_maintenance_days_every_pattern (void)
{
  /* For every allowed choice of days: two of the runner's own days, and
   * never consecutive when the runner's days are not. */
  for (guint mask = 1; mask <= LOADWISE_WEEKDAYS_ALL; mask++)
    {
      LoadwiseProgramme programme = default_programme ();
      guint8 chosen;

      if (loadwise_weekdays_count ((guint8) mask) < 2 || loadwise_weekdays_count ((guint8) mask) > 3)
        continue;

      programme.training_days = (guint8) mask;
      chosen = loadwise_programme_get_maintenance_days (&programme);
      g_assert_cmpuint (loadwise_weekdays_count (chosen), ==, LOADWISE_MAINTENANCE_SESSIONS_PER_WEEK);
      g_assert_cmphex (chosen & ~mask, ==, 0);
      if (!has_consecutive_days ((guint8) mask))
        g_assert_false (has_consecutive_days (chosen));
    }
}

static LoadwiseCheckin
checkin (const GDate *start,
         int          offset,
         guint        pain)
{
  LoadwiseCheckin result = { 0, };

  result.date = days_after (start, offset);
  result.morning_pain = pain;
  result.side = pain > 0 ? LOADWISE_SIDE_LEFT : LOADWISE_SIDE_NONE;
  return result;
}

static void
test_baseline (void)
{
  LoadwiseProgramme programme = default_programme ();
  const GDate *s = &programme.start;
  double baseline = -1;

  /* Odd count: the middle value, whatever the order. */
  {
    LoadwiseCheckin c[] = { checkin (s, -1, 5), checkin (s, -7, 2), checkin (s, -3, 3) };

    g_assert_true (loadwise_programme_compute_baseline (&programme, c, G_N_ELEMENTS (c), &baseline));
    g_assert_cmpfloat (baseline, ==, 3.0);
  }

  /* Even count: the mean of the two middle values. */
  {
    LoadwiseCheckin c[] = { checkin (s, -1, 5), checkin (s, -2, 2), checkin (s, -3, 3), checkin (s, -4, 4) };

    g_assert_true (loadwise_programme_compute_baseline (&programme, c, G_N_ELEMENTS (c), &baseline));
    g_assert_cmpfloat (baseline, ==, 3.5);
  }

  /* One bad morning does not move a median; days outside the window and
   * week 1 do not count when the week before has check-ins. */
  {
    LoadwiseCheckin c[] = {
      checkin (s, -8, 9), checkin (s, -6, 2), checkin (s, -5, 2), checkin (s, -4, 10),
      checkin (s, 0, 9), checkin (s, 3, 9),
    };

    g_assert_true (loadwise_programme_compute_baseline (&programme, c, G_N_ELEMENTS (c), &baseline));
    g_assert_cmpfloat (baseline, ==, 2.0);
  }

  /* None before the start: week 1 instead (start .. start + 6). */
  {
    LoadwiseCheckin c[] = { checkin (s, -8, 10), checkin (s, 0, 4), checkin (s, 6, 6), checkin (s, 7, 0) };

    g_assert_true (loadwise_programme_compute_baseline (&programme, c, G_N_ELEMENTS (c), &baseline));
    g_assert_cmpfloat (baseline, ==, 5.0);
  }

  /* Neither window has any: no baseline, and the output is untouched. */
  {
    LoadwiseCheckin c[] = { checkin (s, -8, 3), checkin (s, 7, 3) };

    baseline = -1;
    g_assert_false (loadwise_programme_compute_baseline (&programme, c, G_N_ELEMENTS (c), &baseline));
    g_assert_false (loadwise_programme_compute_baseline (&programme, NULL, 0, &baseline));
    g_assert_cmpfloat (baseline, ==, -1);
  }

  /* A single check-in is its own median. */
  {
    LoadwiseCheckin c[] = { checkin (s, -7, 0) };

    g_assert_true (loadwise_programme_compute_baseline (&programme, c, 1, &baseline));
    g_assert_cmpfloat (baseline, ==, 0.0);
  }
}

static void
test_start_level (void)
{
  g_assert_cmpuint (loadwise_programme_start_level (0.0, FALSE), ==, 1);
  g_assert_cmpuint (loadwise_programme_start_level (5.0, FALSE), ==, 1);
  g_assert_cmpuint (loadwise_programme_start_level (5.5, FALSE), ==, 0);
  g_assert_cmpuint (loadwise_programme_start_level (10.0, FALSE), ==, 0);
  g_assert_cmpuint (loadwise_programme_start_level (0.0, TRUE), ==, 0);
  g_assert_cmpuint (loadwise_programme_start_level (5.0, TRUE), ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/programme/defaults", test_defaults);
  g_test_add_func ("/programme/validate", test_validate);
  g_test_add_func ("/programme/start-window", test_start_window);
  g_test_add_func ("/programme/validate-start", test_validate_start);
  g_test_add_func ("/programme/weeks", test_weeks);
  g_test_add_func ("/programme/weeks-across-year-and-leap-day", test_weeks_across_year_and_leap_day);
  g_test_add_func ("/programme/session-days-whole-programme", test_session_days_whole_programme);
  g_test_add_func ("/programme/session-day-weekdays", test_session_day_weekdays);
  g_test_add_func ("/programme/next-session", test_next_session);
  g_test_add_func ("/programme/maintenance-days", test_maintenance_days);
  g_test_add_func ("/programme/maintenance-days-every-pattern", test_maintenance_days_every_pattern);
  g_test_add_func ("/programme/baseline", test_baseline);
  g_test_add_func ("/programme/start-level", test_start_level);

  return g_test_run ();
}
