/* test-schedule.c: when reminders are due (core/loadwise-schedule.h)
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>

#include "core/loadwise-error.h"
#include "core/loadwise-schedule.h"
#include "core/loadwise-types.h"
#include "loadwise-test-util.h"

#define HM(h, m) ((guint) ((h) * 3600 + (m) * 60))

static GDateTime *
make_now (const char *zone_id,
          int         year,
          int         month,
          int         day,
          int         hour,
          int         minute)
{
  g_autoptr (GTimeZone) zone = g_time_zone_new_identifier (zone_id);

  g_assert_nonnull (zone);
  return g_date_time_new (zone, year, month, day, hour, minute, 0);
}

/* "YYYY-MM-DD HH:MM" of @unix in @zone_id. */
static char *
format_in (const char *zone_id,
           gint64      unix_time)
{
  g_autoptr (GTimeZone) zone = g_time_zone_new_identifier (zone_id);
  g_autoptr (GDateTime) utc = g_date_time_new_from_unix_utc (unix_time);
  g_autoptr (GDateTime) local = g_date_time_to_timezone (utc, zone);

  return g_date_time_format (local, "%Y-%m-%d %H:%M %Z");
}

static char *
format_utc (gint64 unix_time)
{
  g_autoptr (GDateTime) utc = g_date_time_new_from_unix_utc (unix_time);

  return g_date_time_format (utc, "%Y-%m-%d %H:%M");
}

static void
programme_for (LoadwiseProgramme *programme,
               int                year,
               int                month,
               int                day,
               guint8             training_days)
{
  GDate start = loadwise_test_date (year, month, day);

  loadwise_programme_init (programme, &start);
  programme->training_days = training_days;
}

static void
settings_on (LoadwiseReminderSettings *settings,
             guint                     session_s,
             guint                     checkin_s)
{
  loadwise_reminder_settings_init (settings);
  settings->enabled = TRUE;
  settings->session_time_s = session_s;
  settings->checkin_time_s = checkin_s;
}

static void
test_due_time_dst_berlin (void)
{
  g_autoptr (GTimeZone) zone = g_time_zone_new_identifier ("Europe/Berlin");
  GDate spring = loadwise_test_date (2026, 3, 29);
  GDate autumn = loadwise_test_date (2026, 10, 25);
  GDate plain = loadwise_test_date (2026, 3, 28);
  g_autofree char *gap = format_utc (loadwise_schedule_due_time (zone, &spring, HM (2, 30)));
  g_autofree char *gap_local = format_in ("Europe/Berlin",
                                          loadwise_schedule_due_time (zone, &spring, HM (2, 30)));
  g_autofree char *after = format_utc (loadwise_schedule_due_time (zone, &spring, HM (18, 0)));
  g_autofree char *repeat = format_utc (loadwise_schedule_due_time (zone, &autumn, HM (2, 30)));
  g_autofree char *winter = format_utc (loadwise_schedule_due_time (zone, &autumn, HM (18, 0)));
  g_autofree char *before = format_utc (loadwise_schedule_due_time (zone, &plain, HM (2, 30)));

  /* 02:30 does not exist on 29 March: it fires at 03:30 CEST. */
  g_assert_cmpstr (gap, ==, "2026-03-29 01:30");
  g_assert_cmpstr (gap_local, ==, "2026-03-29 03:30 CEST");
  g_assert_cmpstr (after, ==, "2026-03-29 16:00");
  /* 02:30 happens twice on 25 October: the first, still CEST. */
  g_assert_cmpstr (repeat, ==, "2026-10-25 00:30");
  g_assert_cmpstr (winter, ==, "2026-10-25 17:00");
  g_assert_cmpstr (before, ==, "2026-03-28 01:30");
}

static void
test_due_time_dst_new_york (void)
{
  g_autoptr (GTimeZone) zone = g_time_zone_new_identifier ("America/New_York");
  GDate spring = loadwise_test_date (2026, 3, 8);
  GDate autumn = loadwise_test_date (2026, 11, 1);
  g_autofree char *gap = format_in ("America/New_York",
                                    loadwise_schedule_due_time (zone, &spring, HM (2, 15)));
  g_autofree char *repeat = format_utc (loadwise_schedule_due_time (zone, &autumn, HM (1, 30)));
  g_autofree char *evening = format_utc (loadwise_schedule_due_time (zone, &autumn, HM (19, 0)));

  g_assert_cmpstr (gap, ==, "2026-03-08 03:15 EDT");
  /* 01:30 EDT (UTC-4) comes before 01:30 EST. */
  g_assert_cmpstr (repeat, ==, "2026-11-01 05:30");
  g_assert_cmpstr (evening, ==, "2026-11-02 00:00");
}

/* The spring-forward day in the schedule itself: the session at 02:30
 * fires once, at 03:30, and the next day's at 02:30 again. */
static void
test_schedule_over_dst (void)
{
  LoadwiseProgramme programme;
  LoadwiseReminderSettings settings;
  g_autoptr (GDateTime) now = make_now ("Europe/Berlin", 2026, 3, 29, 0, 0);
  g_autoptr (GArray) due = NULL;
  const LoadwiseDueReminder *first;
  g_autofree char *when = NULL;

  /* Sunday 29 March and Tuesday; Sunday 25 October in autumn below. */
  programme_for (&programme, 2026, 3, 2,
                 LOADWISE_WEEKDAY_BIT (G_DATE_SUNDAY) | LOADWISE_WEEKDAY_BIT (G_DATE_TUESDAY));
  settings_on (&settings, HM (2, 30), HM (7, 0));

  due = loadwise_schedule_compute (&programme, &settings, NULL, 0, now);
  first = &g_array_index (due, LoadwiseDueReminder, 0);
  when = format_in ("Europe/Berlin", first->due);
  g_assert_cmpint (first->kind, ==, LOADWISE_REMINDER_CHECKIN);
  g_assert_cmpstr (when, ==, "2026-03-29 03:30 CEST");
  g_assert_false (first->catch_up);
  g_clear_pointer (&when, g_free);
  when = format_in ("Europe/Berlin", g_array_index (due, LoadwiseDueReminder, 1).due);
  g_assert_cmpint (g_array_index (due, LoadwiseDueReminder, 1).kind, ==, LOADWISE_REMINDER_SESSION);
  g_assert_cmpstr (when, ==, "2026-03-29 03:30 CEST");
}

static void
test_schedule_over_dst_autumn_once (void)
{
  LoadwiseProgramme programme;
  LoadwiseReminderSettings settings;
  g_autoptr (GDateTime) early = make_now ("Europe/Berlin", 2026, 10, 25, 0, 10);
  g_autoptr (GDateTime) later = NULL;
  g_autoptr (GArray) due = NULL;
  g_autoptr (GArray) again = NULL;
  LoadwiseReminderFact fact = { .kind = LOADWISE_REMINDER_SESSION };
  g_autofree char *when = NULL;

  programme_for (&programme, 2026, 10, 1,
                 LOADWISE_WEEKDAY_BIT (G_DATE_SUNDAY) | LOADWISE_WEEKDAY_BIT (G_DATE_WEDNESDAY));
  settings_on (&settings, HM (2, 30), HM (9, 0));

  due = loadwise_schedule_compute (&programme, &settings, NULL, 0, early);
  /* The check-in comes with the earlier session, just before it. */
  g_assert_cmpint (g_array_index (due, LoadwiseDueReminder, 0).kind, ==, LOADWISE_REMINDER_CHECKIN);
  g_assert_cmpint (g_array_index (due, LoadwiseDueReminder, 1).kind, ==, LOADWISE_REMINDER_SESSION);
  when = format_in ("Europe/Berlin", g_array_index (due, LoadwiseDueReminder, 1).due);
  g_assert_cmpstr (when, ==, "2026-10-25 02:30 CEST");

  /* The second 02:30 (CET): it fired at the first, and does not again. */
  fact.date = loadwise_test_date (2026, 10, 25);
  fact.fired = TRUE;
  later = g_date_time_add_minutes (early, 210);  /* 02:40 CET */
  g_assert_cmpint (g_date_time_get_utc_offset (later) / G_TIME_SPAN_HOUR, ==, 1);
  again = loadwise_schedule_compute (&programme, &settings, &fact, 1, later);
  for (guint i = 0; i < again->len; i++)
    {
      const LoadwiseDueReminder *item = &g_array_index (again, LoadwiseDueReminder, i);

      g_assert_false (item->kind == LOADWISE_REMINDER_SESSION &&
                      g_date_compare (&item->date, &fact.date) == 0);
    }
}

/* Every allowed pattern of training days: session reminders fall on those
 * weekdays and no other, check-ins every day. */
static void
test_schedule_day_patterns (void)
{
  g_autoptr (GDateTime) now = make_now ("Europe/Berlin", 2026, 6, 1, 6, 0);  /* a Monday */
  guint patterns = 0;

  for (guint mask = 1; mask <= LOADWISE_WEEKDAYS_ALL; mask++)
    {
      LoadwiseProgramme programme;
      LoadwiseReminderSettings settings;
      g_autoptr (GArray) due = NULL;
      guint sessions = 0;
      guint checkins = 0;
      guint bits = 0;

      for (guint b = 0; b < 7; b++)
        bits += (mask >> b) & 1;
      if (bits < LOADWISE_TRAINING_DAYS_MIN || bits > LOADWISE_TRAINING_DAYS_MAX)
        continue;
      patterns++;

      programme_for (&programme, 2026, 5, 25, (guint8) mask);
      g_assert_true (loadwise_programme_validate (&programme, NULL));
      settings_on (&settings, HM (18, 0), HM (8, 0));
      due = loadwise_schedule_compute (&programme, &settings, NULL, 0, now);

      for (guint i = 0; i < due->len; i++)
        {
          const LoadwiseDueReminder *item = &g_array_index (due, LoadwiseDueReminder, i);

          if (item->kind == LOADWISE_REMINDER_SESSION)
            {
              g_assert_true (mask & LOADWISE_WEEKDAY_BIT (g_date_get_weekday (&item->date)));
              sessions++;
            }
          else
            checkins++;
          if (i > 0)
            g_assert_cmpint (g_array_index (due, LoadwiseDueReminder, i - 1).due, <=, item->due);
        }
      /* 8 days from a Monday: every weekday once, Monday twice. */
      g_assert_cmpuint (sessions, ==, bits + ((mask & 1) ? 1 : 0));
      g_assert_cmpuint (checkins, ==, LOADWISE_SCHEDULE_DAYS);
    }
  g_assert_cmpuint (patterns, ==, 35 + 21);
}

static void
test_schedule_rest_day_and_off (void)
{
  LoadwiseProgramme programme;
  LoadwiseReminderSettings settings;
  g_autoptr (GDateTime) now = make_now ("Europe/Berlin", 2026, 6, 2, 6, 0);  /* Tuesday */
  g_autoptr (GArray) due = NULL;
  g_autoptr (GArray) off = NULL;
  g_autoptr (GArray) none = NULL;
  GDate tuesday = loadwise_test_date (2026, 6, 2);

  programme_for (&programme, 2026, 5, 25, LOADWISE_TRAINING_DAYS_DEFAULT);
  settings_on (&settings, HM (18, 0), HM (8, 0));
  due = loadwise_schedule_compute (&programme, &settings, NULL, 0, now);
  /* Tuesday is a rest day: its check-in, then Wednesday's. */
  g_assert_cmpint (g_array_index (due, LoadwiseDueReminder, 0).kind, ==, LOADWISE_REMINDER_CHECKIN);
  g_assert_cmpint (g_date_compare (&g_array_index (due, LoadwiseDueReminder, 0).date, &tuesday), ==, 0);
  g_assert_cmpint (g_array_index (due, LoadwiseDueReminder, 1).kind, ==, LOADWISE_REMINDER_CHECKIN);
  g_assert_cmpint (g_date_get_weekday (&g_array_index (due, LoadwiseDueReminder, 1).date), ==,
                   G_DATE_WEDNESDAY);
  g_assert_cmpint (g_array_index (due, LoadwiseDueReminder, 2).kind, ==, LOADWISE_REMINDER_SESSION);

  settings.enabled = FALSE;
  off = loadwise_schedule_compute (&programme, &settings, NULL, 0, now);
  g_assert_cmpuint (off->len, ==, 0);
  settings.enabled = TRUE;
  none = loadwise_schedule_compute (NULL, &settings, NULL, 0, now);
  g_assert_cmpuint (none->len, ==, 0);
}

static guint
count_for (GArray               *due,
           LoadwiseReminderKind  kind,
           const GDate          *date)
{
  guint n = 0;

  for (guint i = 0; i < due->len; i++)
    {
      const LoadwiseDueReminder *item = &g_array_index (due, LoadwiseDueReminder, i);

      if (item->kind == kind && g_date_compare (&item->date, date) == 0)
        n++;
    }
  return n;
}

static void
test_schedule_logged_and_skipped (void)
{
  LoadwiseProgramme programme;
  LoadwiseReminderSettings settings;
  g_autoptr (GDateTime) now = make_now ("Europe/Berlin", 2026, 6, 1, 6, 0);  /* Monday */
  GDate monday = loadwise_test_date (2026, 6, 1);
  GDate wednesday = loadwise_test_date (2026, 6, 3);
  LoadwiseReminderFact facts[3] = {
    { .kind = LOADWISE_REMINDER_SESSION, .date = monday, .logged = TRUE },
    { .kind = LOADWISE_REMINDER_CHECKIN, .date = monday, .logged = TRUE },
    { .kind = LOADWISE_REMINDER_SESSION, .date = wednesday, .acted = TRUE },
  };
  g_autoptr (GArray) before = NULL;
  g_autoptr (GArray) after = NULL;

  programme_for (&programme, 2026, 5, 25, LOADWISE_TRAINING_DAYS_DEFAULT);
  settings_on (&settings, HM (18, 0), HM (8, 0));

  before = loadwise_schedule_compute (&programme, &settings, NULL, 0, now);
  g_assert_cmpuint (count_for (before, LOADWISE_REMINDER_SESSION, &monday), ==, 1);
  g_assert_cmpuint (count_for (before, LOADWISE_REMINDER_CHECKIN, &monday), ==, 1);
  g_assert_cmpuint (count_for (before, LOADWISE_REMINDER_SESSION, &wednesday), ==, 1);

  after = loadwise_schedule_compute (&programme, &settings, facts, G_N_ELEMENTS (facts), now);
  g_assert_cmpuint (count_for (after, LOADWISE_REMINDER_SESSION, &monday), ==, 0);
  g_assert_cmpuint (count_for (after, LOADWISE_REMINDER_CHECKIN, &monday), ==, 0);
  /* Skipped ahead of time from a reminder. */
  g_assert_cmpuint (count_for (after, LOADWISE_REMINDER_SESSION, &wednesday), ==, 0);
  g_assert_cmpuint (count_for (after, LOADWISE_REMINDER_CHECKIN, &wednesday), ==, 1);
  g_assert_cmpuint (after->len, ==, before->len - 3);
}

static void
test_schedule_snooze_and_fired (void)
{
  LoadwiseProgramme programme;
  LoadwiseReminderSettings settings;
  g_autoptr (GDateTime) now = make_now ("Europe/Berlin", 2026, 6, 1, 18, 5);
  g_autoptr (GDateTime) snooze_end = g_date_time_add_minutes (now, 5);
  GDate monday = loadwise_test_date (2026, 6, 1);
  LoadwiseReminderFact facts[2] = {
    { .kind = LOADWISE_REMINDER_SESSION, .date = monday, .fired = TRUE,
      .snoozed_until = g_date_time_to_unix (snooze_end) },
    { .kind = LOADWISE_REMINDER_CHECKIN, .date = monday, .fired = TRUE },
  };
  g_autoptr (GArray) snoozed = NULL;
  g_autoptr (GArray) fired = NULL;
  g_autoptr (GArray) overdue = NULL;
  const LoadwiseDueReminder *first;

  programme_for (&programme, 2026, 5, 25, LOADWISE_TRAINING_DAYS_DEFAULT);
  settings_on (&settings, HM (18, 0), HM (8, 0));

  snoozed = loadwise_schedule_compute (&programme, &settings, facts, 2, now);
  first = &g_array_index (snoozed, LoadwiseDueReminder, 0);
  g_assert_cmpint (first->kind, ==, LOADWISE_REMINDER_SESSION);
  g_assert_true (first->snoozed);
  g_assert_false (first->catch_up);
  g_assert_cmpint (first->due, ==, g_date_time_to_unix (snooze_end));
  /* The fired check-in does not come back. */
  g_assert_cmpuint (count_for (snoozed, LOADWISE_REMINDER_CHECKIN, &monday), ==, 0);

  /* Fired and not snoozed: once only. */
  facts[0].snoozed_until = 0;
  fired = loadwise_schedule_compute (&programme, &settings, facts, 2, now);
  g_assert_cmpuint (count_for (fired, LOADWISE_REMINDER_SESSION, &monday), ==, 0);

  /* A snooze that ended while the service was away: due now. */
  facts[0].snoozed_until = g_date_time_to_unix (now) - 600;
  overdue = loadwise_schedule_compute (&programme, &settings, facts, 2, now);
  first = &g_array_index (overdue, LoadwiseDueReminder, 0);
  g_assert_true (first->snoozed);
  g_assert_cmpint (first->due, ==, g_date_time_to_unix (now));
}

static void
test_schedule_catch_up (void)
{
  LoadwiseProgramme programme;
  LoadwiseReminderSettings settings;
  g_autoptr (GDateTime) now = make_now ("Europe/Berlin", 2026, 6, 3, 21, 0);  /* Wednesday */
  GDate wednesday = loadwise_test_date (2026, 6, 3);
  GDate tuesday = loadwise_test_date (2026, 6, 2);
  g_autoptr (GArray) due = NULL;
  const LoadwiseDueReminder *first;
  const LoadwiseDueReminder *second;

  programme_for (&programme, 2026, 5, 25, LOADWISE_TRAINING_DAYS_DEFAULT);
  settings_on (&settings, HM (18, 0), HM (8, 0));

  due = loadwise_schedule_compute (&programme, &settings, NULL, 0, now);
  first = &g_array_index (due, LoadwiseDueReminder, 0);
  second = &g_array_index (due, LoadwiseDueReminder, 1);
  /* Both of today's passed: due now, the check-in first. */
  g_assert_cmpint (first->kind, ==, LOADWISE_REMINDER_CHECKIN);
  g_assert_true (first->catch_up);
  g_assert_cmpint (first->due, ==, g_date_time_to_unix (now));
  g_assert_cmpint (second->kind, ==, LOADWISE_REMINDER_SESSION);
  g_assert_true (second->catch_up);
  g_assert_cmpint (g_date_compare (&second->date, &wednesday), ==, 0);
  /* Yesterday is never caught up. */
  g_assert_cmpuint (count_for (due, LOADWISE_REMINDER_CHECKIN, &tuesday), ==, 0);
  for (guint i = 2; i < due->len; i++)
    g_assert_false (g_array_index (due, LoadwiseDueReminder, i).catch_up);
}

static void
test_schedule_session_before_checkin (void)
{
  LoadwiseProgramme programme;
  LoadwiseReminderSettings settings;
  g_autoptr (GDateTime) now = make_now ("Europe/Berlin", 2026, 6, 1, 5, 0);  /* Monday */
  GDate tuesday = loadwise_test_date (2026, 6, 2);
  g_autoptr (GArray) due = NULL;
  const LoadwiseDueReminder *first;
  const LoadwiseDueReminder *second;
  g_autofree char *when = NULL;
  g_autofree char *rest_day = NULL;

  programme_for (&programme, 2026, 5, 25, LOADWISE_TRAINING_DAYS_DEFAULT);
  settings_on (&settings, HM (6, 30), HM (9, 0));

  due = loadwise_schedule_compute (&programme, &settings, NULL, 0, now);
  first = &g_array_index (due, LoadwiseDueReminder, 0);
  second = &g_array_index (due, LoadwiseDueReminder, 1);
  when = format_in ("Europe/Berlin", first->due);
  g_assert_cmpint (first->kind, ==, LOADWISE_REMINDER_CHECKIN);
  g_assert_cmpstr (when, ==, "2026-06-01 06:30 CEST");
  g_assert_cmpint (second->kind, ==, LOADWISE_REMINDER_SESSION);
  g_assert_cmpint (second->due, ==, first->due);

  /* On a rest day the check-in keeps its own time. */
  for (guint i = 0; i < due->len; i++)
    {
      const LoadwiseDueReminder *item = &g_array_index (due, LoadwiseDueReminder, i);

      if (item->kind == LOADWISE_REMINDER_CHECKIN && g_date_compare (&item->date, &tuesday) == 0)
        rest_day = format_in ("Europe/Berlin", item->due);
    }
  g_assert_cmpstr (rest_day, ==, "2026-06-02 09:00 CEST");
}

static void
test_schedule_programme_edges (void)
{
  LoadwiseProgramme programme;
  LoadwiseReminderSettings settings;
  /* 8 weeks from Monday 2026-01-05 end on Sunday 2026-03-01. */
  g_autoptr (GDateTime) end = make_now ("Europe/Berlin", 2026, 2, 28, 6, 0);
  g_autoptr (GDateTime) early = make_now ("Europe/Berlin", 2025, 12, 27, 6, 0);
  g_autoptr (GArray) maintenance = NULL;
  g_autoptr (GArray) before = NULL;
  GDate first_checkin = loadwise_test_date (2025, 12, 29);
  guint after_end = 0;

  programme_for (&programme, 2026, 1, 5, LOADWISE_TRAINING_DAYS_DEFAULT);
  settings_on (&settings, HM (18, 0), HM (8, 0));

  /* In maintenance, two of Monday, Wednesday, Friday: Monday and Friday. */
  maintenance = loadwise_schedule_compute (&programme, &settings, NULL, 0, end);
  for (guint i = 0; i < maintenance->len; i++)
    {
      const LoadwiseDueReminder *item = &g_array_index (maintenance, LoadwiseDueReminder, i);

      if (item->kind != LOADWISE_REMINDER_SESSION ||
          !loadwise_programme_is_maintenance (&programme, &item->date))
        continue;
      g_assert_cmpint (g_date_get_weekday (&item->date), !=, G_DATE_WEDNESDAY);
      after_end++;
    }
  g_assert_cmpuint (after_end, ==, 2);

  /* Before the start: check-ins from 7 days before (the baseline), no sessions. */
  before = loadwise_schedule_compute (&programme, &settings, NULL, 0, early);
  g_assert_cmpint (g_date_compare (&g_array_index (before, LoadwiseDueReminder, 0).date,
                                   &first_checkin), ==, 0);
  for (guint i = 0; i < before->len; i++)
    {
      const LoadwiseDueReminder *item = &g_array_index (before, LoadwiseDueReminder, i);

      if (item->kind == LOADWISE_REMINDER_SESSION)
        g_assert_cmpint (g_date_compare (&item->date, &programme.start), >=, 0);
    }
}

static void
test_settings_validate (void)
{
  LoadwiseReminderSettings settings;
  g_autoptr (GError) error = NULL;
  LoadwiseReminderKind kind;

  loadwise_reminder_settings_init (&settings);
  g_assert_false (settings.enabled);
  g_assert_cmpuint (settings.snooze_minutes, ==, 10);
  g_assert_true (loadwise_reminder_settings_validate (&settings, NULL));

  settings.snooze_minutes = 0;
  g_assert_false (loadwise_reminder_settings_validate (&settings, &error));
  g_assert_error (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT);
  g_assert_cmpstr (error->message, ==, "snooze-minutes: 0 is outside 1-240");

  g_assert_true (loadwise_reminder_kind_from_string ("session", &kind));
  g_assert_cmpint (kind, ==, LOADWISE_REMINDER_SESSION);
  g_assert_cmpstr (loadwise_reminder_kind_to_string (LOADWISE_REMINDER_CHECKIN), ==, "checkin");
  g_assert_false (loadwise_reminder_kind_from_string ("run", &kind));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/schedule/due-time/dst-berlin", test_due_time_dst_berlin);
  g_test_add_func ("/schedule/due-time/dst-new-york", test_due_time_dst_new_york);
  g_test_add_func ("/schedule/dst/spring-gap", test_schedule_over_dst);
  g_test_add_func ("/schedule/dst/autumn-once", test_schedule_over_dst_autumn_once);
  g_test_add_func ("/schedule/day-patterns", test_schedule_day_patterns);
  g_test_add_func ("/schedule/rest-day-and-off", test_schedule_rest_day_and_off);
  g_test_add_func ("/schedule/logged-and-skipped", test_schedule_logged_and_skipped);
  g_test_add_func ("/schedule/snooze-and-fired", test_schedule_snooze_and_fired);
  g_test_add_func ("/schedule/catch-up", test_schedule_catch_up);
  g_test_add_func ("/schedule/session-before-checkin", test_schedule_session_before_checkin);
  g_test_add_func ("/schedule/programme-edges", test_schedule_programme_edges);
  g_test_add_func ("/schedule/settings", test_settings_validate);

  return g_test_run ();
}
