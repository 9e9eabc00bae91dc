/* loadwise-programme.h: a programme's settings and its calendar
 *
 * PROGRAMME.md, "Schedule" and "Pain that the runner logs". Weeks run from
 * the start date in blocks of seven days: week 1 is start .. start + 6.
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "core/loadwise-types.h"

G_BEGIN_DECLS

/* LEAP (Mellor 2018) ran 8 weeks; PROGRAMME.md allows 6-12. */
#define LOADWISE_WEEKS_MIN      6
#define LOADWISE_WEEKS_MAX      12
#define LOADWISE_WEEKS_DEFAULT  8
/* ACSM 2009: 2-3 training days a week. */
#define LOADWISE_TRAINING_DAYS_MIN 2
#define LOADWISE_TRAINING_DAYS_MAX 3
#define LOADWISE_TRAINING_DAYS_DEFAULT \
  (LOADWISE_WEEKDAY_BIT (G_DATE_MONDAY) | LOADWISE_WEEKDAY_BIT (G_DATE_WEDNESDAY) | \
   LOADWISE_WEEKDAY_BIT (G_DATE_FRIDAY))
/* Pain-monitoring model (Silbernagel 2007): 0-3 safe, up to 5 acceptable. */
#define LOADWISE_SAFE_PAIN_DEFAULT 3
#define LOADWISE_MAX_PAIN_DEFAULT  5
/* The runner's own thresholds (PROGRAMME.md, "Pain that the runner logs")
 * stay inside what the pain-monitoring model supports (Silbernagel 2007:
 * pain up to 5/10 during activity is acceptable, over 5 is too much): a
 * safe threshold of 0-5, and a maximum above it. The maximum may exceed
 * the model's 5 by at most 2 points, a clinically important change
 * (Farrar 2001), so up to 7 **(design)**: above that the weekly step-down
 * ("pain during > maximum") and the run-pain flare trigger could hardly
 * ever apply on a 0-10 scale. */
#define LOADWISE_SAFE_PAIN_LIMIT   5
#define LOADWISE_MAX_PAIN_LIMIT    7
/* The start date: no more than a year before today (a programme begun on
 * paper may be entered late) and no more than 60 days ahead **(design)**.
 * Dates outside it are typing errors, and a start a century away makes
 * calendars of thousands of weeks. */
#define LOADWISE_START_DAYS_BEFORE 365
#define LOADWISE_START_DAYS_AHEAD  60
/* After the last week: maintenance, 2 sessions a week (PROGRAMME.md). */
#define LOADWISE_MAINTENANCE_SESSIONS_PER_WEEK 2
/* Start at level 0 when the starting morning pain is over 5 (PROGRAMME.md). */
#define LOADWISE_START_LEVEL_PAIN_LIMIT 5.0
/* Baseline: median morning pain of the 7 days before the start. */
#define LOADWISE_BASELINE_DAYS 7

typedef struct {
  GDate  start;
  guint  weeks;          /* 6-12 */
  guint8 training_days;  /* weekday mask, 2-3 days */
  guint  safe_pain;      /* 0-10 */
  guint  max_pain;       /* 0-10, >= safe_pain */
} LoadwiseProgramme;

typedef struct {
  GDate        date;
  guint        morning_pain;  /* 0-10 */
  LoadwiseSide side;          /* NONE when there is no pain */
  gboolean     night_pain;
} LoadwiseCheckin;

/* Defaults of PROGRAMME.md, starting on @start. */
void     loadwise_programme_init              (LoadwiseProgramme       *self,
                                               const GDate             *start);
/* Each field against its range; the error names the field
 * ("weeks: 13 is outside 6-12"). */
gboolean loadwise_programme_validate          (const LoadwiseProgramme *self,
                                               GError                 **error);

/* The thresholds against LOADWISE_SAFE_PAIN_LIMIT and
 * LOADWISE_MAX_PAIN_LIMIT, the maximum above the safe one; the error names
 * @safe_field or @max_field (an option, a form field, a JSON path) and
 * explains the bound. The import calls it for the programme it reads. */
gboolean loadwise_programme_check_thresholds  (guint                    safe_pain,
                                               guint                    max_pain,
                                               const char              *safe_field,
                                               const char              *max_field,
                                               GError                 **error);
/* The first and last start dates allowed on @today. */
void     loadwise_programme_get_start_window  (const GDate             *today,
                                               GDate                   *out_first,
                                               GDate                   *out_last);
/* @start inside the window of @today; the error names @field and the
 * window ("--date: 1900-01-01 is outside 2025-12-02 to 2027-01-31 ..."). */
gboolean loadwise_programme_check_start       (const GDate             *start,
                                               const GDate             *today,
                                               const char              *field,
                                               GError                 **error);

/* 0 before the start, 1..weeks during the programme, > weeks in maintenance. */
int      loadwise_programme_get_week          (const LoadwiseProgramme *self,
                                               const GDate             *date);
/* First day of @week (>= 1). */
void     loadwise_programme_get_week_start    (const LoadwiseProgramme *self,
                                               int                      week,
                                               GDate                   *out_date);
/* The last day of the last week. */
void     loadwise_programme_get_end           (const LoadwiseProgramme *self,
                                               GDate                   *out_date);
gboolean loadwise_programme_is_maintenance    (const LoadwiseProgramme *self,
                                               const GDate             *date);
/* The training days in force on @date: the runner's days during the
 * programme; in maintenance, two of them as far apart in the week as they
 * allow (never consecutive when the runner's days are not). */
guint8   loadwise_programme_get_days_for_date (const LoadwiseProgramme *self,
                                               const GDate             *date);
/* The two maintenance days picked from the runner's days: the pair whose
 * smaller gap around the week is largest, ties to the earliest first day
 * (mon,wed,fri -> mon,fri). With two days or fewer, the runner's days. */
guint8   loadwise_programme_get_maintenance_days (const LoadwiseProgramme *self);
gboolean loadwise_programme_is_session_day    (const LoadwiseProgramme *self,
                                               const GDate             *date);
/* The first session day on or after @from (never before the start). */
void     loadwise_programme_next_session      (const LoadwiseProgramme *self,
                                               const GDate             *from,
                                               GDate                   *out_date);

/* Median morning pain of the 7 days before the start, or of week 1 where
 * there are none. FALSE when neither has a check-in. @checkins in any order. */
gboolean loadwise_programme_compute_baseline  (const LoadwiseProgramme *self,
                                               const LoadwiseCheckin   *checkins,
                                               gsize                    n_checkins,
                                               double                  *out_baseline);
/* 1, or 0 when the starting morning pain is over 5 or a flare is on. */
guint    loadwise_programme_start_level       (double                   starting_morning_pain,
                                               gboolean                 flare_on);

G_END_DECLS
