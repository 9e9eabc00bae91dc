/* loadwise-schedule.c: when reminders are due
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "core/loadwise-schedule.h"

#include <string.h>

#include "core/loadwise-parse.h"
#include "core/loadwise-types.h"

#define SECONDS_PER_DAY 86400

static const char *const kind_names[LOADWISE_N_REMINDER_KINDS] = { "checkin", "session" };

const char *
loadwise_reminder_kind_to_string (LoadwiseReminderKind kind)
{
  g_return_val_if_fail ((guint) kind < LOADWISE_N_REMINDER_KINDS, NULL);

  return kind_names[kind];
}

gboolean
loadwise_reminder_kind_from_string (const char           *text,
                                    LoadwiseReminderKind *out_kind)
{
  for (guint i = 0; i < LOADWISE_N_REMINDER_KINDS; i++)
    if (g_strcmp0 (text, kind_names[i]) == 0)
      {
        *out_kind = (LoadwiseReminderKind) i;
        return TRUE;
      }
  return FALSE;
}

void
loadwise_reminder_settings_init (LoadwiseReminderSettings *self)
{
  g_return_if_fail (self != NULL);

  self->enabled = FALSE;
  self->session_time_s = LOADWISE_REMINDER_SESSION_DEFAULT;
  self->checkin_time_s = LOADWISE_REMINDER_CHECKIN_DEFAULT;
  self->snooze_minutes = LOADWISE_REMINDER_SNOOZE_DEFAULT;
}

gboolean
loadwise_reminder_settings_validate (const LoadwiseReminderSettings  *self,
                                     GError                         **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return loadwise_check_range ("time", self->session_time_s, 0, SECONDS_PER_DAY - 1, error) &&
         loadwise_check_range ("checkin-time", self->checkin_time_s, 0, SECONDS_PER_DAY - 1, error) &&
         loadwise_check_range ("snooze-minutes", self->snooze_minutes,
                               LOADWISE_REMINDER_SNOOZE_MIN, LOADWISE_REMINDER_SNOOZE_MAX, error);
}

char *
loadwise_reminder_format_time (guint time_s)
{
  time_s %= SECONDS_PER_DAY;
  if (time_s % 60 != 0)
    return g_strdup_printf ("%02u:%02u:%02u", time_s / 3600, time_s / 60 % 60, time_s % 60);
  return g_strdup_printf ("%02u:%02u", time_s / 3600, time_s / 60 % 60);
}

gboolean
loadwise_reminder_parse_time (const char  *field,
                              const char  *text,
                              guint       *out_time_s,
                              GError     **error)
{
  g_autofree char *hours_minutes = NULL;
  const char *seconds_text = NULL;
  guint minutes = 0;
  gint64 seconds = 0;

  g_return_val_if_fail (field != NULL && text != NULL && out_time_s != NULL, FALSE);

  /* HH:MM:SS is 8 characters with a second colon at 5. */
  if (strlen (text) == 8 && text[5] == ':')
    {
      hours_minutes = g_strndup (text, 5);
      seconds_text = text + 6;
    }
  else
    hours_minutes = g_strdup (text);

  if (!loadwise_parse_time_of_day (field, hours_minutes, &minutes, error))
    return FALSE;
  if (seconds_text != NULL && !loadwise_parse_int (field, seconds_text, 0, 59, &seconds, error))
    return FALSE;

  *out_time_s = minutes * 60 + (guint) seconds;
  return TRUE;
}

gint64
loadwise_schedule_due_time (GTimeZone   *zone,
                            const GDate *date,
                            guint        time_s)
{
  g_autoptr (GDateTime) midnight_utc = NULL;
  gint64 local;
  int interval;

  g_return_val_if_fail (zone != NULL, 0);
  g_return_val_if_fail (date != NULL && g_date_valid (date), 0);

  /* The wall-clock reading as if it were UTC, then the zone's offset. */
  midnight_utc = g_date_time_new_utc (g_date_get_year (date), g_date_get_month (date),
                                      g_date_get_day (date), 0, 0, 0);
  local = g_date_time_to_unix (midnight_utc) + time_s;

  /* A repeated time resolves to its first (daylight) occurrence. */
  interval = g_time_zone_find_interval (zone, G_TIME_TYPE_DAYLIGHT, local);
  if (interval < 0)
    {
      /* In a gap: the offset in force before it, so that the reminder
       * moves on by the size of the jump (02:30 -> 03:30). */
      interval = g_time_zone_find_interval (zone, G_TIME_TYPE_STANDARD, local - 3 * 3600);
      if (interval < 0)
        interval = g_time_zone_adjust_time (zone, G_TIME_TYPE_STANDARD, &local);
    }
  return local - g_time_zone_get_offset (zone, interval);
}

static const LoadwiseReminderFact *
find_fact (const LoadwiseReminderFact *facts,
           gsize                       n_facts,
           LoadwiseReminderKind        kind,
           const GDate                *date)
{
  for (gsize i = 0; i < n_facts; i++)
    if (facts[i].kind == kind && g_date_compare (&facts[i].date, date) == 0)
      return &facts[i];
  return NULL;
}

static int
compare_due (gconstpointer a,
             gconstpointer b)
{
  const LoadwiseDueReminder *x = a;
  const LoadwiseDueReminder *y = b;

  if (x->due != y->due)
    return x->due < y->due ? -1 : 1;
  if (x->kind != y->kind)
    return x->kind < y->kind ? -1 : 1;
  return g_date_compare (&x->date, &y->date);
}

static gboolean
is_reminder_day (const LoadwiseProgramme *programme,
                 LoadwiseReminderKind     kind,
                 const GDate             *date)
{
  GDate first = programme->start;

  if (kind == LOADWISE_REMINDER_SESSION)
    return loadwise_programme_is_session_day (programme, date);

  g_date_subtract_days (&first, LOADWISE_SCHEDULE_CHECKIN_LEAD_DAYS);
  return g_date_compare (date, &first) >= 0;
}

/* Adds the reminder of @kind on @date, if one is still to come. */
static void
add_due (GArray                         *out,
         const LoadwiseProgramme        *programme,
         const LoadwiseReminderSettings *settings,
         const LoadwiseReminderFact     *facts,
         gsize                           n_facts,
         LoadwiseReminderKind            kind,
         const GDate                    *date,
         gboolean                        is_today,
         GTimeZone                      *zone,
         gint64                          now)
{
  const LoadwiseReminderFact *fact = find_fact (facts, n_facts, kind, date);
  LoadwiseDueReminder due = { .kind = kind, .date = *date };
  guint time_s;

  if (!is_reminder_day (programme, kind, date))
    return;
  if (fact != NULL && (fact->logged || fact->acted))
    return;

  if (fact != NULL && fact->snoozed_until > 0)
    {
      due.snoozed = TRUE;
      due.due = MAX (fact->snoozed_until, now);
      g_array_append_val (out, due);
      return;
    }
  if (fact != NULL && fact->fired)
    return;

  time_s = kind == LOADWISE_REMINDER_SESSION ? settings->session_time_s : settings->checkin_time_s;
  /* The morning pain is what the programme weighs most: answer it before
   * a session reminded earlier in the day. */
  if (kind == LOADWISE_REMINDER_CHECKIN &&
      settings->session_time_s < settings->checkin_time_s &&
      loadwise_programme_is_session_day (programme, date))
    time_s = settings->session_time_s;

  due.due = loadwise_schedule_due_time (zone, date, time_s);
  if (due.due <= now)
    {
      /* Earlier days are over: a reminder for them would only confuse. */
      if (!is_today)
        return;
      /* The timer wakes at the due second; only a reminder found later
       * than that (the service was not running) is a catch-up. */
      due.catch_up = due.due < now - LOADWISE_SCHEDULE_CATCH_UP_GRACE_S;
      due.due = now;
    }
  g_array_append_val (out, due);
}

GArray *
loadwise_schedule_compute (const LoadwiseProgramme        *programme,
                           const LoadwiseReminderSettings *settings,
                           const LoadwiseReminderFact     *facts,
                           gsize                           n_facts,
                           GDateTime                      *now)
{
  GArray *out = g_array_new (FALSE, TRUE, sizeof (LoadwiseDueReminder));
  GTimeZone *zone;
  GDate today;
  gint64 now_s;

  g_return_val_if_fail (settings != NULL, out);
  g_return_val_if_fail (facts != NULL || n_facts == 0, out);
  g_return_val_if_fail (now != NULL, out);

  if (programme == NULL || !settings->enabled)
    return out;

  zone = g_date_time_get_timezone (now);
  now_s = g_date_time_to_unix (now);
  loadwise_date_from_datetime (now, &today);

  for (guint offset = 0; offset < LOADWISE_SCHEDULE_DAYS; offset++)
    {
      GDate date = today;

      g_date_add_days (&date, offset);
      for (guint kind = 0; kind < LOADWISE_N_REMINDER_KINDS; kind++)
        add_due (out, programme, settings, facts, n_facts, (LoadwiseReminderKind) kind,
                 &date, offset == 0, zone, now_s);
    }

  g_array_sort (out, compare_due);
  return out;
}
