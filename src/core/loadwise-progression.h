/* loadwise-progression.h: the weekly decision per family, and where a
 * session goes in a week with runs
 *
 * PROGRAMME.md, "The weekly decision, per family", "Schedule" and "Pain
 * that the runner logs" are the specification. Everything here is a pure
 * function of values: the store gathers the week's figures, this module
 * decides, the store keeps the result.
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "core/loadwise-catalogue.h"
#include "core/loadwise-programme.h"
#include "core/loadwise-reason.h"
#include "core/loadwise-session.h"
#include "core/loadwise-types.h"

G_BEGIN_DECLS

/* Progress needs >= 80% of the family's prescribed sets done (design). */
#define LOADWISE_PROGRESS_COMPLETION_PERCENT 80
/* Under 50% the level holds and the runner is asked what got in the way
 * (PROGRAMME.md, "The weekly decision"). */
#define LOADWISE_LOW_COMPLETION_PERCENT      50
/* Progress needs every morning pain <= baseline + 1 (design). */
#define LOADWISE_MORNING_SETTLED_MARGIN      1.0
/* A morning pain >= baseline + 2 regresses: about 2 points is a
 * clinically important change (Farrar 2001). */
#define LOADWISE_MORNING_REGRESS_MARGIN      2.0
/* Weekly mean morning pain rising this many weeks in a row regresses
 * (PROGRAMME.md, "The weekly decision"). */
#define LOADWISE_RISING_WEEKS                2
/* See a clinician after this many regress weeks in a row (PROGRAMME.md). */
#define LOADWISE_CLINICIAN_REGRESS_WEEKS     2
/* ... or when, after 6-8 weeks (design) at >= 80% adherence, the mean
 * morning pain has not fallen by 2 points or 30% (Farrar 2001). */
#define LOADWISE_CLINICIAN_WEEKS_MIN         6
#define LOADWISE_CLINICIAN_WEEKS_MAX         8
#define LOADWISE_CLINICIAN_ADHERENCE_PERCENT 80
#define LOADWISE_CLINICIAN_FALL_POINTS       2.0
#define LOADWISE_CLINICIAN_FALL_SHARE        0.30
/* A weekly mean morning pain of 1 or less is not worth a visit for lack
 * of improvement: there is hardly anything left to fall (design). */
#define LOADWISE_CLINICIAN_LOW_PAIN          1.0
/* Reps climb when the target was reached on 2 consecutive sessions
 * (ACSM 2009). */
#define LOADWISE_REPS_CONSECUTIVE_SESSIONS   2
/* How far a target climbs in one step: 2 reps or 5 s (design; ACSM 2009
 * advises small steps of 2-10%). */
#define LOADWISE_REPS_STEP                   2
#define LOADWISE_HOLD_STEP_S                 5
/* Run-aware placement: no level 3-4 single-leg work the day before a long
 * run or speed session (design). */
#define LOADWISE_PLACEMENT_LEVEL_MIN         3

/* LoadwiseDecision is in loadwise-reason.h, so that a reason carries one. */
/* "start", "progress", "hold", "regress", "maintain" */
const char *loadwise_decision_to_string   (LoadwiseDecision  decision);
gboolean    loadwise_decision_from_string (const char       *text,
                                           LoadwiseDecision *out_decision);
/* Translated: "Start", "Up a level", "Hold", "Down a level", "Maintain". */
const char *loadwise_decision_get_label   (LoadwiseDecision  decision);

/* One session of a family's exercise, as the reps rule reads it. */
typedef struct {
  gboolean all_sets_done;  /* every prescribed set log done */
  guint    min_reps;       /* smallest reps logged in a done set (0: not counted) */
  guint    min_hold_s;     /* smallest hold logged in a done set (0: not a hold) */
} LoadwiseSessionResult;

/* A family's week, as the store gathers it. */
typedef struct {
  guint                        level;          /* in force this week, 0-4 */
  guint                        target_reps;    /* 0: the bottom of the range */
  guint                        target_hold_s;  /* 0: the bottom of the range */
  /* Set logs asked for on the week's session days, skipped days included,
   * and how many of those were on days marked skipped or in flare mode. */
  guint                        sets_prescribed;
  guint                        sets_skipped;
  guint                        sets_done;      /* at most sets_prescribed */
  int                          max_pain;       /* during, 0-10; -1 when never rated */
  /* The latest sessions of the family's exercise at this level, oldest
   * first (at most LOADWISE_REPS_CONSECUTIVE_SESSIONS are read). */
  const LoadwiseSessionResult *sessions;
  gsize                        n_sessions;
} LoadwiseFamilyWeek;

/* Everything the decision at the end of @week reads. */
typedef struct {
  int                 week;             /* the week that ends, >= 1 */
  guint               weeks;            /* the programme's length */
  guint               safe_pain;
  guint               max_pain;
  gboolean            have_baseline;
  double              baseline;
  /* The week's morning pains, plus the morning after its last session
   * when that falls after the week. */
  const guint        *morning_pains;
  gsize               n_morning_pains;
  /* Weekly mean morning pain of weeks 1 .. @week (index 0 is week 1);
   * NAN for a week without check-ins. */
  const double       *weekly_means;
  gsize               n_weekly_means;
  /* Whether the decision at the end of @week - 1 regressed any family. */
  gboolean            previous_regress;
  /* Sets done and asked for over weeks 1 .. @week, skipped days left out
   * (the adherence the clinician rule reads). */
  guint               total_sets_done;
  guint               total_sets_counted;
  /* Session days of the week in flare mode: the store counts them with
   * the skipped days in sets_skipped, as they are not a miss either. */
  guint               n_flare_days;
  LoadwiseFamilyWeek  families[LOADWISE_N_FAMILIES];
} LoadwiseWeekFigures;

typedef struct {
  LoadwiseDecision decision;
  guint            level;          /* for the next week */
  guint            target_reps;    /* 0 for a hold exercise */
  guint            target_hold_s;  /* 0 unless a hold */
  gboolean         ask_what_got_in_the_way;
  LoadwiseReason   why;            /* the decision's codes and figures */
  char            *reason;         /* why, rendered in the current language */
} LoadwiseFamilyDecision;

typedef struct {
  LoadwiseFamilyDecision families[LOADWISE_N_FAMILIES];
  gboolean               see_clinician;
  /* Of kind LOADWISE_REASON_KIND_CLINICIAN; no causes unless see_clinician. */
  LoadwiseReason         clinician_why;
  char                  *clinician_reason;  /* rendered; NULL unless see_clinician */
} LoadwiseWeekDecision;

void     loadwise_week_decision_clear (LoadwiseWeekDecision *decision);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LoadwiseWeekDecision, loadwise_week_decision_clear)

/* Percentage 0-100 of @done out of @total, rounded down (so 79.9% is 79%);
 * 100 when @total is 0. */
guint    loadwise_progression_percent (guint done,
                                       guint total);

/* The target of @exercise within its range: @target, or the bottom of the
 * range when 0, clamped into the range. */
guint    loadwise_progression_clamp_reps   (const LoadwiseExercise *exercise,
                                            guint                   target);
guint    loadwise_progression_clamp_hold_s (const LoadwiseExercise *exercise,
                                            guint                   target);

/* Sets each family's target in @prescription from the week's plan
 * (0: the bottom of the range), clamped into the exercise's range. */
void     loadwise_progression_apply_targets (LoadwisePrescription *prescription,
                                             const guint           target_reps[LOADWISE_N_FAMILIES],
                                             const guint           target_hold_s[LOADWISE_N_FAMILIES]);

/* Whether the last LOADWISE_REPS_CONSECUTIVE_SESSIONS sessions each had
 * every set done at or above the target (ACSM 2009). */
gboolean loadwise_progression_target_reached (const LoadwiseExercise      *exercise,
                                              guint                        target_reps,
                                              guint                        target_hold_s,
                                              const LoadwiseSessionResult *sessions,
                                              gsize                        n_sessions);

/* The decision at the end of @figures->week for every family, and the
 * see-a-clinician prompt. @out is cleared first; free with
 * loadwise_week_decision_clear(). */
void     loadwise_progression_decide  (const LoadwiseCatalogue   *catalogue,
                                       const LoadwiseWeekFigures *figures,
                                       LoadwiseWeekDecision      *out);

/* A run on the calendar (the runs issue supplies them). */
typedef struct {
  GDate    date;
  gboolean long_run;
  gboolean speed;
} LoadwisePlannedRun;

/* Run-aware placement (PROGRAMME.md, "Schedule", design): a session with
 * single-leg work at level 3-4 the day before a long run or speed session
 * moves a day, earlier when that day is free (not a session day, not
 * itself the day before such a run, and not before @earliest, which may be
 * NULL: today, say), else later on the same terms.
 * Returns TRUE and sets @out_date and @out_reason (translated, newly
 * allocated) when it moves or when no free day exists (then @out_date is
 * @date and the reason says to take it easy); FALSE when it stays. */
gboolean loadwise_progression_place_session (const LoadwiseProgramme  *programme,
                                             guint                     single_leg_level,
                                             const GDate              *date,
                                             const GDate              *earliest,
                                             const LoadwisePlannedRun *runs,
                                             gsize                     n_runs,
                                             GDate                    *out_date,
                                             char                    **out_reason);

G_END_DECLS
