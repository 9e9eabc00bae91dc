/* loadwise-programme.c: a programme's settings and its calendar
 *
 * PROGRAMME.md, "Schedule" and "Pain that the runner logs". All week
 * arithmetic is on GDate julian days, so it never sees a clock change.
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib/gi18n-lib.h>

#include "core/loadwise-error.h"
#include "core/loadwise-parse.h"
#include "core/loadwise-programme.h"

#define DAYS_PER_WEEK 7

void
loadwise_programme_init (LoadwiseProgramme *self,
                         const GDate       *start)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (start != NULL && g_date_valid (start));

  self->start = *start;
  self->weeks = LOADWISE_WEEKS_DEFAULT;
  self->training_days = LOADWISE_TRAINING_DAYS_DEFAULT;
  self->safe_pain = LOADWISE_SAFE_PAIN_DEFAULT;
  self->max_pain = LOADWISE_MAX_PAIN_DEFAULT;
}

gboolean
loadwise_programme_validate (const LoadwiseProgramme  *self,
                             GError                  **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!g_date_valid (&self->start))
    {
      g_set_error (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT,
                   _("%s: not a valid date"), "start");
      return FALSE;
    }

  /* LEAP ran 8 weeks; PROGRAMME.md allows 6-12. */
  if (!loadwise_check_range ("weeks", self->weeks,
                             LOADWISE_WEEKS_MIN, LOADWISE_WEEKS_MAX, error))
    return FALSE;

  /* ACSM 2009: 2-3 days a week. */
  if ((self->training_days & ~LOADWISE_WEEKDAYS_ALL) != 0
      || loadwise_weekdays_count (self->training_days) < LOADWISE_TRAINING_DAYS_MIN
      || loadwise_weekdays_count (self->training_days) > LOADWISE_TRAINING_DAYS_MAX)
    {
      /* The same message as loadwise_parse_weekdays (): people choose days,
       * they do not count bits. */
      g_set_error (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT,
                   _("%s: choose %u to %u days from %s"),
                   "training-days", LOADWISE_TRAINING_DAYS_MIN, LOADWISE_TRAINING_DAYS_MAX,
                   "mon,tue,wed,thu,fri,sat,sun");
      return FALSE;
    }

  return loadwise_programme_check_thresholds (self->safe_pain, self->max_pain,
                                              "safe-pain", "max-pain", error);
}

gboolean
loadwise_programme_check_thresholds (guint        safe_pain,
                                     guint        max_pain,
                                     const char  *safe_field,
                                     const char  *max_field,
                                     GError     **error)
{
  g_return_val_if_fail (safe_field != NULL && max_field != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Off the 0-10 scale is not a threshold at all. */
  if (!loadwise_check_range (safe_field, safe_pain, LOADWISE_PAIN_MIN, LOADWISE_PAIN_MAX, error) ||
      !loadwise_check_range (max_field, max_pain, LOADWISE_PAIN_MIN, LOADWISE_PAIN_MAX, error))
    return FALSE;

  /* Then the relation: whichever of the two is wrong, this names both. */
  if (max_pain <= safe_pain)
    {
      /* Translators: "--max-pain: 4 must be above --safe-pain (7); use a
       * safe threshold of 0-5 and a maximum above it, up to 7" */
      g_set_error (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT,
                   _("%s: %u must be above %s (%u); use a safe threshold of %u-%u and a "
                     "maximum above it, up to %u"),
                   max_field, max_pain, safe_field, safe_pain, LOADWISE_PAIN_MIN,
                   LOADWISE_SAFE_PAIN_LIMIT, LOADWISE_MAX_PAIN_LIMIT);
      return FALSE;
    }
  /* Silbernagel 2007: pain over 5 during activity is too much. */
  if (safe_pain > LOADWISE_SAFE_PAIN_LIMIT)
    {
      g_set_error (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT,
                   _("%s: %u is outside %u-%u; the pain-monitoring model counts pain over %u "
                     "during exercise as too much"),
                   safe_field, safe_pain, LOADWISE_PAIN_MIN, LOADWISE_SAFE_PAIN_LIMIT,
                   LOADWISE_SAFE_PAIN_LIMIT);
      return FALSE;
    }
  /* The model's 5 plus at most 2 points (Farrar 2001) **(design)**. */
  if (max_pain > LOADWISE_MAX_PAIN_LIMIT)
    {
      g_set_error (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT,
                   _("%s: %u is outside %u-%u; above %u, pain that should step the exercises "
                     "down or suggest a flare would go unnoticed"),
                   max_field, max_pain, safe_pain + 1, LOADWISE_MAX_PAIN_LIMIT,
                   LOADWISE_MAX_PAIN_LIMIT);
      return FALSE;
    }
  return TRUE;
}

void
loadwise_programme_get_start_window (const GDate *today,
                                     GDate       *out_first,
                                     GDate       *out_last)
{
  g_return_if_fail (today != NULL && g_date_valid (today));
  g_return_if_fail (out_first != NULL && out_last != NULL);

  *out_first = *today;
  *out_last = *today;
  /* GDate starts at 0001-01-01; a today near either end keeps what fits. */
  if (g_date_get_julian (out_first) > LOADWISE_START_DAYS_BEFORE)
    g_date_subtract_days (out_first, LOADWISE_START_DAYS_BEFORE);
  else
    g_date_set_julian (out_first, 1);
  if (g_date_get_julian (out_last) <= G_MAXUINT32 - LOADWISE_START_DAYS_AHEAD &&
      g_date_get_year (out_last) < 9999)
    g_date_add_days (out_last, LOADWISE_START_DAYS_AHEAD);
}

gboolean
loadwise_programme_check_start (const GDate  *start,
                                const GDate  *today,
                                const char   *field,
                                GError      **error)
{
  GDate first, last;

  g_return_val_if_fail (start != NULL && g_date_valid (start), FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);
  g_return_val_if_fail (field != NULL, FALSE);

  loadwise_programme_get_start_window (today, &first, &last);
  if (g_date_compare (start, &first) < 0 || g_date_compare (start, &last) > 0)
    {
      g_autofree char *start_iso = loadwise_date_to_iso (start);
      g_autofree char *first_iso = loadwise_date_to_iso (&first);
      g_autofree char *last_iso = loadwise_date_to_iso (&last);

      /* Translators: "--date: 1900-01-01 is outside 2025-12-02 to 2027-01-31
       * (a start at most 365 days before today and at most 60 days after)" */
      g_set_error (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT,
                   _("%s: %s is outside %s to %s (a start at most %u days before today and at "
                     "most %u days after)"),
                   field, start_iso, first_iso, last_iso, LOADWISE_START_DAYS_BEFORE,
                   LOADWISE_START_DAYS_AHEAD);
      return FALSE;
    }
  return TRUE;
}

int
loadwise_programme_get_week (const LoadwiseProgramme *self,
                             const GDate             *date)
{
  gint64 days;

  g_return_val_if_fail (self != NULL && g_date_valid (&self->start), 0);
  g_return_val_if_fail (date != NULL && g_date_valid (date), 0);

  days = (gint64) g_date_get_julian (date) - (gint64) g_date_get_julian (&self->start);
  if (days < 0)
    return 0;

  return (int) (days / DAYS_PER_WEEK) + 1;
}

void
loadwise_programme_get_week_start (const LoadwiseProgramme *self,
                                   int                      week,
                                   GDate                   *out_date)
{
  g_return_if_fail (self != NULL && g_date_valid (&self->start));
  g_return_if_fail (week >= 1);
  g_return_if_fail (out_date != NULL);

  *out_date = self->start;
  g_date_add_days (out_date, (guint) (week - 1) * DAYS_PER_WEEK);
}

void
loadwise_programme_get_end (const LoadwiseProgramme *self,
                            GDate                   *out_date)
{
  g_return_if_fail (self != NULL && g_date_valid (&self->start));
  g_return_if_fail (self->weeks >= 1);
  g_return_if_fail (out_date != NULL);

  *out_date = self->start;
  g_date_add_days (out_date, self->weeks * DAYS_PER_WEEK - 1);
}

gboolean
loadwise_programme_is_maintenance (const LoadwiseProgramme *self,
                                   const GDate             *date)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return loadwise_programme_get_week (self, date) > (int) self->weeks;
}

guint8
loadwise_programme_get_maintenance_days (const LoadwiseProgramme *self)
{
  int best_a = -1, best_b = -1, best_score = -1;

  g_return_val_if_fail (self != NULL, 0);

  /* PROGRAMME.md: maintenance is 2 sessions a week. They are two of the
   * runner's own days, the pair whose smaller gap around the week is
   * largest (recovery between sessions); ties go to the pair whose first
   * day comes earliest in the week (Monday first). mon,wed,fri gives
   * mon,fri (gaps 4 and 3); tue,thu,sat gives tue,sat. */
  if (loadwise_weekdays_count (self->training_days) <= LOADWISE_MAINTENANCE_SESSIONS_PER_WEEK)
    return self->training_days;

  for (int a = 0; a < DAYS_PER_WEEK; a++)
    {
      if ((self->training_days & (1u << a)) == 0)
        continue;

      for (int b = a + 1; b < DAYS_PER_WEEK; b++)
        {
          int score;

          if ((self->training_days & (1u << b)) == 0)
            continue;

          score = MIN (b - a, DAYS_PER_WEEK - (b - a));
          if (score > best_score)
            {
              best_score = score;
              best_a = a;
              best_b = b;
            }
        }
    }

  return (guint8) ((1u << best_a) | (1u << best_b));
}

guint8
loadwise_programme_get_days_for_date (const LoadwiseProgramme *self,
                                      const GDate             *date)
{
  g_return_val_if_fail (self != NULL, 0);

  if (loadwise_programme_is_maintenance (self, date))
    return loadwise_programme_get_maintenance_days (self);

  return self->training_days;
}

gboolean
loadwise_programme_is_session_day (const LoadwiseProgramme *self,
                                   const GDate             *date)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  if (loadwise_programme_get_week (self, date) < 1)
    return FALSE;

  return (loadwise_programme_get_days_for_date (self, date)
          & LOADWISE_WEEKDAY_BIT (g_date_get_weekday (date))) != 0;
}

void
loadwise_programme_next_session (const LoadwiseProgramme *self,
                                 const GDate             *from,
                                 GDate                   *out_date)
{
  GDate day;

  g_return_if_fail (self != NULL && g_date_valid (&self->start));
  g_return_if_fail ((self->training_days & LOADWISE_WEEKDAYS_ALL) != 0);
  g_return_if_fail (from != NULL && g_date_valid (from));
  g_return_if_fail (out_date != NULL);

  day = g_date_compare (from, &self->start) < 0 ? self->start : *from;

  /* Every week has at least one session day (programme or maintenance),
   * so two weeks always find one, across the switch to maintenance too. */
  for (guint i = 0; i < 2 * DAYS_PER_WEEK; i++)
    {
      if (loadwise_programme_is_session_day (self, &day))
        break;
      g_date_add_days (&day, 1);
    }

  *out_date = day;
}

/* Median of the pains counted in @counts (a histogram over 0-10). */
static double
median_of_counts (const guint counts[LOADWISE_PAIN_MAX + 1],
                  guint       n)
{
  guint lower_rank = (n - 1) / 2;  /* 0-based ranks of the middle value(s) */
  guint upper_rank = n / 2;
  int lower = -1, upper = -1;
  guint seen = 0;

  for (int pain = LOADWISE_PAIN_MIN; pain <= LOADWISE_PAIN_MAX; pain++)
    {
      seen += counts[pain];
      if (lower < 0 && seen > lower_rank)
        lower = pain;
      if (upper < 0 && seen > upper_rank)
        upper = pain;
    }

  return (lower + upper) / 2.0;
}

static guint
count_pains_between (const LoadwiseCheckin *checkins,
                     gsize                  n_checkins,
                     guint32                first_julian,
                     guint32                last_julian,
                     guint                  counts[LOADWISE_PAIN_MAX + 1])
{
  guint n = 0;

  memset (counts, 0, sizeof (guint) * (LOADWISE_PAIN_MAX + 1));

  for (gsize i = 0; i < n_checkins; i++)
    {
      guint32 julian;

      if (!g_date_valid (&checkins[i].date) || checkins[i].morning_pain > LOADWISE_PAIN_MAX)
        continue;

      julian = g_date_get_julian (&checkins[i].date);
      if (julian < first_julian || julian > last_julian)
        continue;

      counts[checkins[i].morning_pain]++;
      n++;
    }

  return n;
}

gboolean
loadwise_programme_compute_baseline (const LoadwiseProgramme *self,
                                     const LoadwiseCheckin   *checkins,
                                     gsize                    n_checkins,
                                     double                  *out_baseline)
{
  guint counts[LOADWISE_PAIN_MAX + 1];
  guint32 start;
  guint n;

  g_return_val_if_fail (self != NULL && g_date_valid (&self->start), FALSE);
  g_return_val_if_fail (checkins != NULL || n_checkins == 0, FALSE);

  start = g_date_get_julian (&self->start);

  /* PROGRAMME.md: the median morning pain of the 7 days before the start;
   * a median, so one bad morning does not move it. An even count takes
   * the mean of the two middle values. */
  n = 0;
  if (start > LOADWISE_BASELINE_DAYS)
    n = count_pains_between (checkins, n_checkins,
                             start - LOADWISE_BASELINE_DAYS, start - 1, counts);

  /* ... or of week 1 where there are none. */
  if (n == 0)
    n = count_pains_between (checkins, n_checkins,
                             start, start + DAYS_PER_WEEK - 1, counts);

  if (n == 0)
    return FALSE;

  if (out_baseline != NULL)
    *out_baseline = median_of_counts (counts, n);
  return TRUE;
}

guint
loadwise_programme_start_level (double   starting_morning_pain,
                                gboolean flare_on)
{
  /* PROGRAMME.md, "Schedule": level 0 in each family when the starting
   * morning pain is over 5 or a flare is on, else level 1 (LEAP week 1). */
  if (flare_on || starting_morning_pain > LOADWISE_START_LEVEL_PAIN_LIMIT)
    return 0;

  return 1;
}
