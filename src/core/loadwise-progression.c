/* loadwise-progression.c: the weekly decision per family
 *
 * PROGRAMME.md, "The weekly decision, per family". The order of the rules
 * is the order of safety: any regress signal wins, then a week with too
 * little done holds, then progress when every gate is open, else hold.
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>
#include <math.h>

#include "core/loadwise-progression.h"

static const char * const decision_ids[] = {
  [LOADWISE_DECISION_START] = "start",
  [LOADWISE_DECISION_PROGRESS] = "progress",
  [LOADWISE_DECISION_HOLD] = "hold",
  [LOADWISE_DECISION_REGRESS] = "regress",
  [LOADWISE_DECISION_MAINTAIN] = "maintain",
};

const char *
loadwise_decision_to_string (LoadwiseDecision decision)
{
  g_return_val_if_fail (decision < G_N_ELEMENTS (decision_ids), NULL);
  return decision_ids[decision];
}

gboolean
loadwise_decision_from_string (const char       *text,
                               LoadwiseDecision *out_decision)
{
  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (decision_ids); i++)
    if (g_strcmp0 (text, decision_ids[i]) == 0)
      {
        if (out_decision != NULL)
          *out_decision = (LoadwiseDecision) i;
        return TRUE;
      }
  return FALSE;
}

const char *
loadwise_decision_get_label (LoadwiseDecision decision)
{
  switch (decision)
    {
    case LOADWISE_DECISION_START:
      return _("Start");
    case LOADWISE_DECISION_PROGRESS:
      return _("Up a level");
    case LOADWISE_DECISION_HOLD:
      return _("Hold");
    case LOADWISE_DECISION_REGRESS:
      return _("Down a level");
    case LOADWISE_DECISION_MAINTAIN:
      return _("Maintain");
    default:
      g_return_val_if_reached (NULL);
    }
}

void
loadwise_week_decision_clear (LoadwiseWeekDecision *decision)
{
  for (guint f = 0; f < LOADWISE_N_FAMILIES; f++)
    g_clear_pointer (&decision->families[f].reason, g_free);
  g_clear_pointer (&decision->clinician_reason, g_free);
}

guint
loadwise_progression_percent (guint done,
                              guint total)
{
  if (total == 0)
    return 100;
  /* Rounded down, so that 79.9% does not pass as 80%. */
  return (guint) (((guint64) MIN (done, total) * 100) / total);
}

guint
loadwise_progression_clamp_reps (const LoadwiseExercise *exercise,
                                 guint                   target)
{
  g_return_val_if_fail (exercise != NULL, 0);

  if (loadwise_exercise_is_hold (exercise))
    return 0;
  return CLAMP (target, exercise->reps_min, exercise->reps_max);
}

guint
loadwise_progression_clamp_hold_s (const LoadwiseExercise *exercise,
                                   guint                   target)
{
  g_return_val_if_fail (exercise != NULL, 0);

  if (!loadwise_exercise_is_hold (exercise))
    return 0;
  return CLAMP (target, exercise->hold_min_s, exercise->hold_max_s);
}

void
loadwise_progression_apply_targets (LoadwisePrescription *prescription,
                                    const guint           target_reps[LOADWISE_N_FAMILIES],
                                    const guint           target_hold_s[LOADWISE_N_FAMILIES])
{
  g_return_if_fail (prescription != NULL && target_reps != NULL && target_hold_s != NULL);

  if (!prescription->is_session)
    return;
  for (guint f = 0; f < LOADWISE_N_FAMILIES; f++)
    {
      LoadwisePrescribedExercise *item = &prescription->exercises[f];

      if (item->exercise == NULL)
        continue;
      if (loadwise_exercise_is_hold (item->exercise))
        item->target_hold_s = loadwise_progression_clamp_hold_s (item->exercise, target_hold_s[f]);
      else
        item->target_reps = loadwise_progression_clamp_reps (item->exercise, target_reps[f]);
    }
}

gboolean
loadwise_progression_target_reached (const LoadwiseExercise      *exercise,
                                     guint                        target_reps,
                                     guint                        target_hold_s,
                                     const LoadwiseSessionResult *sessions,
                                     gsize                        n_sessions)
{
  gboolean hold;
  guint target;

  g_return_val_if_fail (exercise != NULL, FALSE);
  g_return_val_if_fail (sessions != NULL || n_sessions == 0, FALSE);

  if (n_sessions < LOADWISE_REPS_CONSECUTIVE_SESSIONS)
    return FALSE;

  hold = loadwise_exercise_is_hold (exercise);
  target = hold ? loadwise_progression_clamp_hold_s (exercise, target_hold_s)
                : loadwise_progression_clamp_reps (exercise, target_reps);

  for (gsize i = n_sessions - LOADWISE_REPS_CONSECUTIVE_SESSIONS; i < n_sessions; i++)
    {
      const LoadwiseSessionResult *session = &sessions[i];
      guint reached = hold ? session->min_hold_s : session->min_reps;

      if (!session->all_sets_done || reached < target)
        return FALSE;
    }
  return TRUE;
}

/* Pain in tenths for a reason: baselines are medians, so they may end
 * in .5; weekly means are shown to one decimal. */
static guint
pain_x10 (double pain)
{
  return (guint) CLAMP (round (pain * 10), 0, 10 * LOADWISE_PAIN_MAX);
}

/* One step up the range (ACSM 2009); FALSE when already at its top. */
static gboolean
climb_target (const LoadwiseExercise *exercise,
              guint                  *target_reps,
              guint                  *target_hold_s)
{
  if (loadwise_exercise_is_hold (exercise))
    {
      guint now = loadwise_progression_clamp_hold_s (exercise, *target_hold_s);
      guint next = loadwise_progression_clamp_hold_s (exercise, now + LOADWISE_HOLD_STEP_S);

      *target_hold_s = next;
      return next > now;
    }
  else
    {
      guint now = loadwise_progression_clamp_reps (exercise, *target_reps);
      guint next = loadwise_progression_clamp_reps (exercise, now + LOADWISE_REPS_STEP);

      *target_reps = next;
      return next > now;
    }
}

static void
set_target (LoadwiseReason         *why,
            const LoadwiseExercise *exercise,
            guint                   target_reps,
            guint                   target_hold_s)
{
  why->target_is_hold = loadwise_exercise_is_hold (exercise);
  why->target = why->target_is_hold ? target_hold_s : target_reps;
}

static gboolean
mornings_rose (const LoadwiseWeekFigures *figures)
{
  gsize n = figures->n_weekly_means;

  /* Two rises need three weeks, each with check-ins. */
  if (n < LOADWISE_RISING_WEEKS + 1)
    return FALSE;
  for (gsize i = n - LOADWISE_RISING_WEEKS; i < n; i++)
    {
      double before = figures->weekly_means[i - 1];
      double after = figures->weekly_means[i];

      if (isnan (before) || isnan (after) || !(after > before))
        return FALSE;
    }
  return TRUE;
}

/* The highest morning pain of the week, or -1 without check-ins. */
static int
worst_morning (const LoadwiseWeekFigures *figures)
{
  int worst = -1;

  for (gsize i = 0; i < figures->n_morning_pains; i++)
    worst = MAX (worst, (int) figures->morning_pains[i]);
  return worst;
}

/* Fills @out->why with the decision, its causes and the figures they
 * name; the sentence is rendered from it afterwards. */
static void
decide_family (const LoadwiseCatalogue   *catalogue,
               const LoadwiseWeekFigures *figures,
               LoadwiseFamily             family,
               LoadwiseFamilyDecision    *out)
{
  const LoadwiseFamilyWeek *week = &figures->families[family];
  const LoadwiseExercise *exercise = loadwise_catalogue_lookup (catalogue, family, week->level);
  LoadwiseReason *why = &out->why;
  guint counted = week->sets_prescribed - MIN (week->sets_skipped, week->sets_prescribed);
  guint completion = loadwise_progression_percent (week->sets_done, week->sets_prescribed);
  guint adherence = loadwise_progression_percent (week->sets_done, counted);
  int morning = worst_morning (figures);
  gboolean maintenance = figures->week >= (int) figures->weeks;
  gboolean mornings_known = figures->have_baseline && morning >= 0;
  guint reps = week->target_reps;
  guint hold_s = week->target_hold_s;
  guint climbed = 0;

  out->level = week->level;
  out->target_reps = loadwise_progression_clamp_reps (exercise, reps);
  out->target_hold_s = loadwise_progression_clamp_hold_s (exercise, hold_s);
  out->ask_what_got_in_the_way = FALSE;

  why->kind = LOADWISE_REASON_KIND_FAMILY;
  why->family = family;
  why->from_level = week->level;
  /* The figures as they were: a later change of the thresholds does not
   * rewrite why an old week went the way it did. */
  why->percent_needed = LOADWISE_PROGRESS_COMPLETION_PERCENT;
  why->pain = (guint) CLAMP (week->max_pain, 0, LOADWISE_PAIN_MAX);
  why->safe_pain = MIN (figures->safe_pain, LOADWISE_PAIN_MAX);
  why->max_pain = MIN (figures->max_pain, LOADWISE_PAIN_MAX);
  why->morning_pain = (guint) CLAMP (morning, 0, LOADWISE_PAIN_MAX);
  why->baseline_x10 = figures->have_baseline ? pain_x10 (figures->baseline) : 0;

  /* Regress: pain during over the maximum (PMM, Silbernagel 2007), a
   * morning >= baseline + 2 (Farrar 2001), or mornings rising two weeks
   * in a row. Safety first, whatever else the week shows. */
  if (week->max_pain > (int) figures->max_pain)
    why->causes |= LOADWISE_REASON_PAIN_ABOVE_MAX;
  if (mornings_known && morning >= figures->baseline + LOADWISE_MORNING_REGRESS_MARGIN)
    why->causes |= LOADWISE_REASON_MORNING_FLARED;
  if (mornings_rose (figures))
    why->causes |= LOADWISE_REASON_MORNINGS_ROSE;

  if (why->causes != 0)
    {
      out->decision = LOADWISE_DECISION_REGRESS;
      if (week->level > LOADWISE_LEVEL_MIN)
        {
          out->level = week->level - 1;
          exercise = loadwise_catalogue_lookup (catalogue, family, out->level);
        }
      out->target_reps = loadwise_progression_clamp_reps (exercise, 0);
      out->target_hold_s = loadwise_progression_clamp_hold_s (exercise, 0);
      return;
    }

  /* Within a level, a target reached on 2 consecutive sessions climbs
   * (ACSM 2009). */
  if (loadwise_progression_target_reached (exercise, reps, hold_s, week->sessions, week->n_sessions)
      && climb_target (exercise, &reps, &hold_s))
    {
      out->target_reps = reps;
      out->target_hold_s = hold_s;
      set_target (why, exercise, reps, hold_s);
      climbed = LOADWISE_REASON_TARGET_CLIMBS;
    }

  /* After the last week: maintenance at the reached levels (PROGRAMME.md,
   * "Schedule"). */
  if (maintenance)
    {
      out->decision = LOADWISE_DECISION_MAINTAIN;
      why->causes |= LOADWISE_REASON_MAINTENANCE | climbed;
      return;
    }

  out->decision = LOADWISE_DECISION_HOLD;

  if (week->sets_prescribed > 0 && counted == 0)
    {
      /* Every session day skipped or in a flare: not a miss, but nothing
       * to judge (PROGRAMME.md, "The weekly decision"). */
      why->causes |= figures->n_flare_days > 0 ? LOADWISE_REASON_FLARE_WEEK
                                               : LOADWISE_REASON_ALL_SKIPPED;
      return;
    }

  if (adherence < LOADWISE_LOW_COMPLETION_PERCENT)
    {
      out->ask_what_got_in_the_way = TRUE;
      why->causes |= LOADWISE_REASON_COMPLETION_LOW;
      why->percent = adherence;
      return;
    }

  if (completion >= LOADWISE_PROGRESS_COMPLETION_PERCENT
      && week->max_pain >= 0 && week->max_pain <= (int) figures->safe_pain
      && mornings_known && morning <= figures->baseline + LOADWISE_MORNING_SETTLED_MARGIN)
    {
      out->decision = LOADWISE_DECISION_PROGRESS;
      why->causes |= LOADWISE_REASON_GATES_OPEN;
      why->percent = completion;
      if (week->level < LOADWISE_LEVEL_MAX)
        {
          /* One level at most; the range restarts at its bottom. */
          out->level = week->level + 1;
          exercise = loadwise_catalogue_lookup (catalogue, family, out->level);
          out->target_reps = loadwise_progression_clamp_reps (exercise, 0);
          out->target_hold_s = loadwise_progression_clamp_hold_s (exercise, 0);
          return;
        }

      /* The top of the ladder: the reps or the hold climb instead, one
       * step a week. **(design)**: PROGRAMME.md stops at level 4 and says
       * nothing of a "progress" week there; climbing within the range is
       * our reading of its within-level rule (ACSM 2009), so that a week
       * that earned progress still asks a little more. */
      reps = week->target_reps;
      hold_s = week->target_hold_s;
      if (climb_target (exercise, &reps, &hold_s))
        {
          out->target_reps = reps;
          out->target_hold_s = hold_s;
          set_target (why, exercise, reps, hold_s);
          why->causes |= LOADWISE_REASON_TOP_CLIMBS;
        }
      else
        why->causes |= LOADWISE_REASON_TOP_REACHED;
      return;
    }

  /* Hold: say which gate stayed closed. Pain above the safe level but
   * within the maximum, settled by the next morning, is a hold (PMM). */
  if (completion < LOADWISE_PROGRESS_COMPLETION_PERCENT)
    {
      why->percent = completion;
      if (counted < week->sets_prescribed && figures->n_flare_days > 0)
        why->causes |= LOADWISE_REASON_SETS_SHORT_FLARE;
      else if (counted < week->sets_prescribed)
        why->causes |= LOADWISE_REASON_SETS_SHORT_SKIPPED;
      else
        why->causes |= LOADWISE_REASON_SETS_SHORT;
    }
  if (week->max_pain < 0)
    why->causes |= LOADWISE_REASON_PAIN_NOT_RATED;
  else if (week->max_pain > (int) figures->safe_pain)
    why->causes |= LOADWISE_REASON_PAIN_ABOVE_SAFE;
  if (!mornings_known)
    why->causes |= LOADWISE_REASON_NO_CHECKINS;
  else if (morning > figures->baseline + LOADWISE_MORNING_SETTLED_MARGIN)
    why->causes |= LOADWISE_REASON_MORNING_UNSETTLED;
  why->causes |= climbed;
}

static void
decide_clinician (const LoadwiseWeekFigures *figures,
                  LoadwiseWeekDecision      *out)
{
  LoadwiseReason *why = &out->clinician_why;
  gboolean regress = FALSE;
  double mean;

  why->kind = LOADWISE_REASON_KIND_CLINICIAN;
  for (guint f = 0; f < LOADWISE_N_FAMILIES; f++)
    regress |= out->families[f].decision == LOADWISE_DECISION_REGRESS;

  /* Two regress weeks in a row (PROGRAMME.md, "The weekly decision"). */
  if (regress && figures->previous_regress)
    {
      out->see_clinician = TRUE;
      why->causes = LOADWISE_REASON_TWO_REGRESS;
      return;
    }

  /* After 6-8 weeks (design) at >= 80% adherence, no fall of 2 points or
   * 30% in mean morning pain from the baseline (Farrar 2001). */
  if (figures->week < LOADWISE_CLINICIAN_WEEKS_MIN || figures->week > LOADWISE_CLINICIAN_WEEKS_MAX
      || figures->week > (int) figures->weeks
      || !figures->have_baseline || figures->n_weekly_means < (gsize) figures->week
      || figures->total_sets_counted == 0
      || loadwise_progression_percent (figures->total_sets_done, figures->total_sets_counted)
         < LOADWISE_CLINICIAN_ADHERENCE_PERCENT)
    return;

  mean = figures->weekly_means[figures->week - 1];
  if (isnan (mean) || mean <= LOADWISE_CLINICIAN_LOW_PAIN)
    return;
  if (figures->baseline - mean >= LOADWISE_CLINICIAN_FALL_POINTS
      || figures->baseline - mean >= LOADWISE_CLINICIAN_FALL_SHARE * figures->baseline)
    return;

  out->see_clinician = TRUE;
  why->causes = LOADWISE_REASON_NO_IMPROVEMENT;
  why->week = (guint) figures->week;
  why->baseline_x10 = pain_x10 (figures->baseline);
  why->mean_x10 = pain_x10 (mean);
}

void
loadwise_progression_decide (const LoadwiseCatalogue   *catalogue,
                             const LoadwiseWeekFigures *figures,
                             LoadwiseWeekDecision      *out)
{
  g_return_if_fail (catalogue != NULL && figures != NULL && out != NULL);
  g_return_if_fail (figures->week >= 1);
  g_return_if_fail (figures->morning_pains != NULL || figures->n_morning_pains == 0);
  g_return_if_fail (figures->weekly_means != NULL || figures->n_weekly_means == 0);

  memset (out, 0, sizeof *out);
  for (guint f = 0; f < LOADWISE_N_FAMILIES; f++)
    {
      g_return_if_fail (figures->families[f].level <= LOADWISE_LEVEL_MAX);
      decide_family (catalogue, figures, f, &out->families[f]);
      out->families[f].why.decision = out->families[f].decision;
      out->families[f].why.level = out->families[f].level;
      loadwise_reason_trim (&out->families[f].why);
      out->families[f].reason = loadwise_reason_to_string (&out->families[f].why);
    }
  decide_clinician (figures, out);
  loadwise_reason_trim (&out->clinician_why);
  if (out->see_clinician)
    out->clinician_reason = loadwise_reason_to_string (&out->clinician_why);
}

/* The day before a long run or speed session. */
static gboolean
is_day_before_hard_run (const GDate              *date,
                        const LoadwisePlannedRun *runs,
                        gsize                     n_runs)
{
  GDate next = *date;

  g_date_add_days (&next, 1);
  for (gsize i = 0; i < n_runs; i++)
    if ((runs[i].long_run || runs[i].speed) && g_date_compare (&runs[i].date, &next) == 0)
      return TRUE;
  return FALSE;
}

static const LoadwisePlannedRun *
find_hard_run (const GDate              *day,
               const LoadwisePlannedRun *runs,
               gsize                     n_runs)
{
  for (gsize i = 0; i < n_runs; i++)
    if ((runs[i].long_run || runs[i].speed) && g_date_compare (&runs[i].date, day) == 0)
      return &runs[i];
  return NULL;
}

static gboolean
is_free_day (const LoadwiseProgramme  *programme,
             const GDate              *day,
             const LoadwisePlannedRun *runs,
             gsize                     n_runs)
{
  return !loadwise_programme_is_session_day (programme, day)
         && !is_day_before_hard_run (day, runs, n_runs);
}

gboolean
loadwise_progression_place_session (const LoadwiseProgramme  *programme,
                                    guint                     single_leg_level,
                                    const GDate              *date,
                                    const GDate              *earliest,
                                    const LoadwisePlannedRun *runs,
                                    gsize                     n_runs,
                                    GDate                    *out_date,
                                    char                    **out_reason)
{
  const LoadwisePlannedRun *run;
  GDate next, earlier, later;
  g_autofree char *day = NULL;

  g_return_val_if_fail (programme != NULL && date != NULL, FALSE);
  g_return_val_if_fail (runs != NULL || n_runs == 0, FALSE);
  g_return_val_if_fail (out_date != NULL && out_reason != NULL, FALSE);

  if (single_leg_level < LOADWISE_PLACEMENT_LEVEL_MIN)
    return FALSE;

  next = *date;
  g_date_add_days (&next, 1);
  run = find_hard_run (&next, runs, n_runs);
  if (run == NULL)
    return FALSE;

  earlier = *date;
  g_date_subtract_days (&earlier, 1);
  later = next;

  if ((earliest == NULL || g_date_compare (&earlier, earliest) >= 0)
      && is_free_day (programme, &earlier, runs, n_runs))
    *out_date = earlier;
  else if (is_free_day (programme, &later, runs, n_runs))
    *out_date = later;
  else
    {
      /* One whole sentence per kind of run, for the translators. */
      *out_date = *date;
      *out_reason = g_strdup (run->long_run
                              ? _("Tomorrow brings a long run and no day nearby is free, so keep "
                                  "today's single-leg work light and stop well short of tiring")
                              : _("Tomorrow brings a speed session and no day nearby is free, so "
                                  "keep today's single-leg work light and stop well short of "
                                  "tiring"));
      return TRUE;
    }

  day = loadwise_date_format_day (out_date);
  if (run->long_run)
    /* Translators: %s is a day, "Tuesday 3 March". */
    *out_reason = g_strdup_printf (_("Moved to %s: hard single-leg work the day before a long run "
                                     "leaves the legs tired for it"), day);
  else
    /* Translators: %s is a day, "Tuesday 3 March". */
    *out_reason = g_strdup_printf (_("Moved to %s: hard single-leg work the day before a speed "
                                     "session leaves the legs tired for it"), day);
  return TRUE;
}
