/* loadwise-flare.h: flare-ups and the return-to-run guard
 *
 * PROGRAMME.md, "Flare-ups". Pure functions over the runner's check-ins
 * and runs; the store keeps the flare periods and the answers to
 * suggestions.
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "core/loadwise-programme.h"
#include "core/loadwise-run.h"

G_BEGIN_DECLS

/* (design) A rise of 2 points over the baseline is clinically important
 * (Farrar 2001); on 2 consecutive mornings it suggests a flare. */
#define LOADWISE_FLARE_MORNING_RISE      2.0
#define LOADWISE_FLARE_MORNING_DAYS      2
/* (design) Night pain is "new" when none of the 7 mornings before had it. */
#define LOADWISE_FLARE_NIGHT_NEW_DAYS    7
/* (design) Leave flare mode after 3 mornings at baseline + 1 or below. */
#define LOADWISE_FLARE_EXIT_RISE         1.0
#define LOADWISE_FLARE_EXIT_DAYS         3
/* (design) During a flare, runs of about 60% of the typical run (the
 * middle of PROGRAMME.md's 50-70%), the typical run being the median run
 * of the 4 weeks before the flare; no long runs, hills or speed for 2
 * weeks (the upper end of 1-2 weeks). */
#define LOADWISE_FLARE_RUN_PERCENT       60
#define LOADWISE_FLARE_RUN_PERCENT_MIN   50
#define LOADWISE_FLARE_RUN_PERCENT_MAX   70
#define LOADWISE_FLARE_TYPICAL_DAYS      28
#define LOADWISE_FLARE_EASY_DAYS         14
/* Frandsen 2025: a run more than 10% longer than the longest run of the
 * previous 30 days raised injury risk. */
#define LOADWISE_GUARD_SPIKE_PERCENT     10
#define LOADWISE_GUARD_SPIKE_DAYS        30
/* Nielsen 2014: more than 30% growth in weekly distance over 2 weeks. */
#define LOADWISE_GUARD_GROWTH_PERCENT    30

typedef enum {
  LOADWISE_FLARE_TRIGGER_NONE        = 0,
  LOADWISE_FLARE_TRIGGER_MORNING     = 1 << 0, /* baseline + 2 on 2 mornings running */
  LOADWISE_FLARE_TRIGGER_RUN_PAIN    = 1 << 1, /* a run's pain above the maximum */
  LOADWISE_FLARE_TRIGGER_NIGHT_PAIN  = 1 << 2, /* night pain that is new */
} LoadwiseFlareTrigger;

typedef struct {
  guint trigger;     /* LoadwiseFlareTrigger mask; 0: nothing found */
  GDate evidence;    /* the latest day that showed it */
  char *reason;      /* translated sentence naming the figures, or NULL */
} LoadwiseFlareDetection;

void     loadwise_flare_detection_clear (LoadwiseFlareDetection *detection);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LoadwiseFlareDetection, loadwise_flare_detection_clear)

/* PROGRAMME.md "Flare-ups", detect (design): looks at the evidence of
 * @today and the day before (so a suggestion made yesterday evening still
 * stands this morning before the check-in): morning pain >= @baseline + 2
 * on 2 consecutive days, a run's pain (during or after) above
 * @max_pain, or night pain with none in the 7 mornings before.
 * @checkins and @runs in any order. */
void     loadwise_flare_detect   (const LoadwiseCheckin  *checkins,
                                  gsize                   n_checkins,
                                  GPtrArray              *runs,
                                  double                  baseline,
                                  guint                   max_pain,
                                  const GDate            *today,
                                  LoadwiseFlareDetection *out);

/* Translated: new night pain points to a clinician too (PROGRAMME.md,
 * "Red flags": pain at night is a stress-fracture sign). The detection's
 * reason ends with it whenever night pain triggered. */
const char *loadwise_flare_get_night_pain_advice (void);

/* PROGRAMME.md (design): a flare that started on @since ends when the 3
 * latest consecutive mornings after @since, up to @today, each had pain
 * <= @baseline + 1. @out_end (may be NULL) receives the third morning. */
gboolean loadwise_flare_should_end (const LoadwiseCheckin *checkins,
                                    gsize                  n_checkins,
                                    double                 baseline,
                                    const GDate           *since,
                                    const GDate           *today,
                                    GDate                 *out_end);

typedef struct {
  gboolean has_typical;   /* FALSE: no runs in the 4 weeks before */
  guint    typical_m;     /* median run of the 4 weeks before the flare */
  guint    max_run_m;     /* about 60% of it, to the nearest 0.5 km that stays
                           * within 50-70% (a finer step for short runs) */
  guint    percent;       /* what max_run_m is of typical_m, rounded: 50-70;
                           * 60 when there is no typical run */
  GDate    easy_until;    /* no long runs, hills or speed before this date */
  char    *text;          /* translated advice sentence */
} LoadwiseFlareAdvice;

void     loadwise_flare_advice_clear (LoadwiseFlareAdvice *advice);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LoadwiseFlareAdvice, loadwise_flare_advice_clear)

/* The running advice for a flare that started on @since, from the runner's
 * own runs: "Keep runs to about 5 km, 60% of your usual 8.4 km; flat and
 * easy, no long run, hills or speed work until 2026-03-16 ...". */
void     loadwise_flare_advise    (GPtrArray           *runs,
                                   const GDate         *since,
                                   LoadwiseFlareAdvice *out);

typedef struct {
  /* Frandsen 2025 */
  gboolean spike;
  guint    longest_m;          /* longest run of the 30 days before; 0: none */
  guint    spike_percent;      /* how much longer, rounded down; 0 when not longer */
  /* Nielsen 2014 */
  gboolean growth;
  guint    week_m;             /* the 7 days ending on the run's date */
  guint    earlier_week_m;     /* the 7 days ending 14 days before */
  guint    growth_percent;     /* rounded down; 0 when it did not grow */
  /* A return to running (design): no run in the 30 days before */
  gboolean returning;
  guint    days_since_last;    /* since the last run before the break */
  guint    last_m;             /* that run's distance */
  guint    first_m;            /* the conservative first distance advised */
  /* Flare advice the run went against (LoadwiseFlareBreach mask) */
  guint    flare_breaches;
  char    *text;               /* translated calm note with figures and sources, or NULL */
} LoadwiseRunGuard;

/* After a break of more than 30 days (LOADWISE_GUARD_SPIKE_DAYS) there is
 * no recent run for Frandsen 2025's comparison: the run is a return to
 * running **(design)**. The first distance advised is half the last run
 * before the break, to the nearest 0.5 km below it (at least 0.5 km): the
 * lower end of the 50-70% that PROGRAMME.md gives a flare, because after
 * a month off the tissues have lost their tolerance for the old load; the
 * runs after it then grow by at most 10% each (Frandsen 2025). */
#define LOADWISE_GUARD_RETURN_PERCENT    50

typedef enum {
  LOADWISE_FLARE_BREACH_DISTANCE = 1 << 0, /* longer than the flare's figure */
  LOADWISE_FLARE_BREACH_SPEED    = 1 << 1, /* speed work in the easy weeks */
  LOADWISE_FLARE_BREACH_LONG     = 1 << 2, /* a long run in the easy weeks */
  LOADWISE_FLARE_BREACH_HILLS    = 1 << 3, /* climb or descent: not a flat route */
  LOADWISE_FLARE_BREACH_CAMBER   = 1 << 4, /* a cambered road */
} LoadwiseFlareBreach;

/* (design) "Flat": at most 10 m of climb and of descent per km (and 30 m
 * whatever the distance), below which GPS and map noise hide any hill. */
#define LOADWISE_FLARE_FLAT_M_PER_KM     10
#define LOADWISE_FLARE_FLAT_MIN_M        30

void     loadwise_run_guard_clear (LoadwiseRunGuard *guard);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LoadwiseRunGuard, loadwise_run_guard_clear)

/* The return-to-run guard for @run against the runner's @runs (which may
 * contain @run itself: it is matched by id, or by pointer when unstored).
 * Spike: @run is more than 10% longer than the longest run of the 30 days
 * before its date (Frandsen 2025); growth: the distance of the 7 days
 * ending on its date is more than 30% above that of the 7 days ending 14
 * days earlier (Nielsen 2014). Returns whether either applies. */
gboolean loadwise_run_guard_check (const LoadwiseRun *run,
                                   GPtrArray         *runs,
                                   LoadwiseRunGuard  *out);

/* After loadwise_run_guard_check (): when @out found no run in the 30 days
 * before @run and @previous (the runner's last run before @run, or NULL)
 * is older than that, marks a return to running and adds its note. */
gboolean loadwise_run_guard_check_return (const LoadwiseRun *run,
                                          const LoadwiseRun *previous,
                                          LoadwiseRunGuard  *out);

/* After loadwise_run_guard_check (): @run, on a day of a flare that
 * started on @since with @advice, against each piece of PROGRAMME.md's
 * flare advice: shorter (the advice's distance), flat routes, no speed
 * work, long runs, hills or downhills before advice->easy_until, no
 * cambered roads. Adds a note naming each one it went against. */
gboolean loadwise_run_guard_check_flare (const LoadwiseRun         *run,
                                         const LoadwiseFlareAdvice *advice,
                                         LoadwiseRunGuard          *out);

G_END_DECLS
