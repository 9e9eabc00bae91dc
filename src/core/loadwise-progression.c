/* loadwise-progression.c: the weekly decision per family
 *
 * PROGRAMME.md, "The weekly decision, per family". The order of the rules
 * is the order of safety: any regress signal wins, then a week with too
 * little done holds, then progress when every gate is open, else hold.
 *
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

/* "2" or "2.5": baselines are medians, so they may end in .5. */
static char *
format_pain (double pain)
{
  if (fabs (pain - round (pain)) < 0.05)
    return g_strdup_printf ("%.0f", pain);
  return g_strdup_printf ("%.1f", pain);
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

static char *
describe_target (const LoadwiseExercise *exercise,
                 guint                   target_reps,
                 guint                   target_hold_s)
{
  if (loadwise_exercise_is_hold (exercise))
    return g_strdup_printf (ngettext ("%u-second holds", "%u-second holds", target_hold_s),
                            target_hold_s);
  return g_strdup_printf (ngettext ("%u rep a set", "%u reps a set", target_reps), target_reps);
}

static char *
describe_done (guint percent)
{
  if (percent >= 100)
    return g_strdup (_("every set done"));
  return g_strdup_printf (_("%u%% of sets done"), percent);
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

static char *
join_causes (GPtrArray *causes)
{
  g_ptr_array_add (causes, NULL);
  return g_strjoinv (", ", (char **) causes->pdata);
}

static void
decide_family (const LoadwiseCatalogue   *catalogue,
               const LoadwiseWeekFigures *figures,
               LoadwiseFamily             family,
               LoadwiseFamilyDecision    *out)
{
  const LoadwiseFamilyWeek *week = &figures->families[family];
  const char *label = loadwise_family_get_label (family);
  const LoadwiseExercise *exercise = loadwise_catalogue_lookup (catalogue, family, week->level);
  g_autoptr (GPtrArray) causes = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *why = NULL;
  g_autofree char *baseline_text = NULL;
  g_autofree char *climb = NULL;
  guint counted = week->sets_prescribed - MIN (week->sets_skipped, week->sets_prescribed);
  guint completion = loadwise_progression_percent (week->sets_done, week->sets_prescribed);
  guint adherence = loadwise_progression_percent (week->sets_done, counted);
  int morning = worst_morning (figures);
  gboolean maintenance = figures->week >= (int) figures->weeks;
  gboolean mornings_known = figures->have_baseline && morning >= 0;
  guint reps = week->target_reps;
  guint hold_s = week->target_hold_s;

  out->level = week->level;
  out->target_reps = loadwise_progression_clamp_reps (exercise, reps);
  out->target_hold_s = loadwise_progression_clamp_hold_s (exercise, hold_s);
  out->ask_what_got_in_the_way = FALSE;
  if (figures->have_baseline)
    baseline_text = format_pain (figures->baseline);

  /* Regress: pain during over the maximum (PMM, Silbernagel 2007), a
   * morning >= baseline + 2 (Farrar 2001), or mornings rising two weeks
   * in a row. Safety first, whatever else the week shows. */
  if (week->max_pain > (int) figures->max_pain)
    g_ptr_array_add (causes, g_strdup_printf (_("pain reached %d during, above your maximum of %u"),
                                              week->max_pain, figures->max_pain));
  if (mornings_known && morning >= figures->baseline + LOADWISE_MORNING_REGRESS_MARGIN)
    g_ptr_array_add (causes, g_strdup_printf (_("a morning's pain reached %d, 2 or more above your usual %s"),
                                              morning, baseline_text));
  if (mornings_rose (figures))
    g_ptr_array_add (causes, g_strdup (_("morning pain rose two weeks in a row")));

  if (causes->len > 0)
    {
      why = join_causes (causes);
      out->decision = LOADWISE_DECISION_REGRESS;
      out->target_reps = 0;
      out->target_hold_s = 0;
      if (week->level > LOADWISE_LEVEL_MIN)
        {
          out->level = week->level - 1;
          exercise = loadwise_catalogue_lookup (catalogue, family, out->level);
          out->reason = g_strdup_printf (_("%s: down to level %u — %s"), label, out->level, why);
        }
      else
        out->reason = g_strdup_printf (_("%s: stays at level 0, the gentlest level — %s"),
                                       label, why);
      out->target_reps = loadwise_progression_clamp_reps (exercise, 0);
      out->target_hold_s = loadwise_progression_clamp_hold_s (exercise, 0);
      return;
    }

  /* Within a level, a target reached on 2 consecutive sessions climbs
   * (ACSM 2009). */
  if (loadwise_progression_target_reached (exercise, reps, hold_s, week->sessions, week->n_sessions)
      && climb_target (exercise, &reps, &hold_s))
    {
      g_autofree char *target = describe_target (exercise, reps, hold_s);

      out->target_reps = reps;
      out->target_hold_s = hold_s;
      climb = g_strdup_printf (_("target reached in 2 sessions in a row, so it climbs to %s"), target);
    }

  /* After the last week: maintenance at the reached levels (PROGRAMME.md,
   * "Schedule"). */
  if (maintenance)
    {
      out->decision = LOADWISE_DECISION_MAINTAIN;
      if (climb != NULL)
        out->reason = g_strdup_printf (_("%s: maintenance at level %u, two sessions a week — %s"),
                                       label, out->level, climb);
      else
        out->reason = g_strdup_printf (_("%s: maintenance at level %u, two sessions a week to keep "
                                         "what you built"), label, out->level);
      return;
    }

  out->decision = LOADWISE_DECISION_HOLD;

  if (week->sets_prescribed > 0 && counted == 0)
    {
      /* Every session day skipped or in a flare: not a miss, but nothing
       * to judge (PROGRAMME.md, "The weekly decision"). */
      if (figures->n_flare_days > 0)
        out->reason = g_strdup_printf (_("%s: stays at level %u — the week was in flare mode, "
                                         "which is not a miss; the level waits for the hip to "
                                         "settle"), label, out->level);
      else
        out->reason = g_strdup_printf (_("%s: stays at level %u — the week's sessions were "
                                         "skipped, so there is nothing to judge yet"),
                                       label, out->level);
      return;
    }

  if (adherence < LOADWISE_LOW_COMPLETION_PERCENT)
    {
      out->ask_what_got_in_the_way = TRUE;
      out->reason = g_strdup_printf (_("%s: stays at level %u — %u%% of sets done. What got in the "
                                       "way? A word in the next session's note helps plan around it"),
                                     label, out->level, adherence);
      return;
    }

  if (completion >= LOADWISE_PROGRESS_COMPLETION_PERCENT
      && week->max_pain >= 0 && week->max_pain <= (int) figures->safe_pain
      && mornings_known && morning <= figures->baseline + LOADWISE_MORNING_SETTLED_MARGIN)
    {
      g_autofree char *done = describe_done (completion);

      out->decision = LOADWISE_DECISION_PROGRESS;
      if (week->level < LOADWISE_LEVEL_MAX)
        {
          /* One level at most; the range restarts at its bottom. */
          out->level = week->level + 1;
          exercise = loadwise_catalogue_lookup (catalogue, family, out->level);
          out->target_reps = loadwise_progression_clamp_reps (exercise, 0);
          out->target_hold_s = loadwise_progression_clamp_hold_s (exercise, 0);
          out->reason = g_strdup_printf (_("%s: up to level %u — %s, pain stayed at %d or below, "
                                           "mornings settled"),
                                         label, out->level, done, week->max_pain);
          return;
        }

      /* The top of the ladder: the reps or the hold climb instead, one
       * step a week. */
      reps = week->target_reps;
      hold_s = week->target_hold_s;
      if (climb_target (exercise, &reps, &hold_s))
        {
          g_autofree char *target = describe_target (exercise, reps, hold_s);

          out->target_reps = reps;
          out->target_hold_s = hold_s;
          out->reason = g_strdup_printf (_("%s: level 4 is the top, so the target climbs to %s "
                                           "instead — %s, pain stayed at %d or below, mornings settled"),
                                         label, target, done, week->max_pain);
        }
      else
        out->reason = g_strdup_printf (_("%s: stays at the top of level 4, the last step of the "
                                         "ladder — %s, pain stayed at %d or below, mornings settled"),
                                       label, done, week->max_pain);
      return;
    }

  /* Hold: say which gate stayed closed. Pain above the safe level but
   * within the maximum, settled by the next morning, is a hold (PMM). */
  if (completion < LOADWISE_PROGRESS_COMPLETION_PERCENT)
    {
      if (counted < week->sets_prescribed && figures->n_flare_days > 0)
        g_ptr_array_add (causes, g_strdup_printf (_("%u%% of the week's sets done (flare days are "
                                                    "not a miss, but moving up needs %u%%)"),
                                                  completion,
                                                  LOADWISE_PROGRESS_COMPLETION_PERCENT));
      else if (counted < week->sets_prescribed)
        g_ptr_array_add (causes, g_strdup_printf (_("%u%% of the week's sets done (skipped days "
                                                    "are not a miss, but moving up needs %u%%)"),
                                                  completion,
                                                  LOADWISE_PROGRESS_COMPLETION_PERCENT));
      else
        g_ptr_array_add (causes, g_strdup_printf (_("%u%% of sets done, and moving up needs %u%%"),
                                                  completion,
                                                  LOADWISE_PROGRESS_COMPLETION_PERCENT));
    }
  if (week->max_pain < 0)
    g_ptr_array_add (causes, g_strdup (_("pain during was not rated")));
  else if (week->max_pain > (int) figures->safe_pain)
    g_ptr_array_add (causes, g_strdup_printf (_("pain reached %d during, above %u but within %u, "
                                                "and settled by the next morning"),
                                              week->max_pain, figures->safe_pain,
                                              figures->max_pain));
  if (!mornings_known)
    g_ptr_array_add (causes, g_strdup (_("no morning check-ins to show how the hip settled")));
  else if (morning > figures->baseline + LOADWISE_MORNING_SETTLED_MARGIN)
    g_ptr_array_add (causes, g_strdup_printf (_("a morning's pain of %d was more than 1 above "
                                                "your usual %s"), morning, baseline_text));
  if (climb != NULL)
    g_ptr_array_add (causes, g_steal_pointer (&climb));

  why = join_causes (causes);
  out->reason = g_strdup_printf (_("%s: stays at level %u — %s"), label, out->level, why);
}

static void
decide_clinician (const LoadwiseWeekFigures *figures,
                  LoadwiseWeekDecision      *out)
{
  gboolean regress = FALSE;
  double mean;

  for (guint f = 0; f < LOADWISE_N_FAMILIES; f++)
    regress |= out->families[f].decision == LOADWISE_DECISION_REGRESS;

  /* Two regress weeks in a row (PROGRAMME.md, "The weekly decision"). */
  if (regress && figures->previous_regress)
    {
      out->see_clinician = TRUE;
      out->clinician_reason = g_strdup (_("Two weeks in a row needed a step down. A physiotherapist "
                                          "or doctor can look at what keeps the hip irritated. The "
                                          "programme carries on meanwhile at the levels below."));
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

  {
    g_autofree char *from = format_pain (figures->baseline);
    g_autofree char *to = format_pain (mean);

    out->see_clinician = TRUE;
    out->clinician_reason =
      g_strdup_printf (ngettext ("After %d week of steady work, morning pain has not come down by 2 "
                                 "points or 30%% (from %s to %s). A physiotherapist or doctor can "
                                 "check what else is going on. The programme carries on meanwhile.",
                                 "After %d weeks of steady work, morning pain has not come down by 2 "
                                 "points or 30%% (from %s to %s). A physiotherapist or doctor can "
                                 "check what else is going on. The programme carries on meanwhile.",
                                 figures->week),
                       figures->week, from, to);
  }
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
    }
  decide_clinician (figures, out);
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
  const char *what;
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

  what = run->long_run ? _("a long run") : _("a speed session");
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
      *out_date = *date;
      *out_reason = g_strdup_printf (_("Tomorrow brings %s and no day nearby is free, so keep today's "
                                       "single-leg work light and stop well short of tiring"), what);
      return TRUE;
    }

  day = loadwise_date_to_iso (out_date);
  *out_reason = g_strdup_printf (_("Moved to %s: hard single-leg work the day before %s leaves the "
                                   "legs tired for it"), day, what);
  return TRUE;
}
