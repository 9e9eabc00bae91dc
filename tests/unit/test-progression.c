/* test-progression.c: every boundary of the weekly decision, and placement
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>

#include "core/loadwise-progression.h"
#include "loadwise-test-util.h"

#define END (-1)
#define NONE NAN
#define MAX_MORNINGS 8
#define MAX_MEANS 12

typedef struct {
  const char       *name;
  /* The bridge family's week (the other two get the same figures). */
  guint             level;
  guint             target_reps;
  guint             done;
  guint             prescribed;
  guint             skipped;
  guint             n_flare_days;            /* of the skipped sets' days */
  int               max_pain;
  int               mornings[MAX_MORNINGS];  /* END-terminated */
  double            baseline;                /* NONE: no check-ins ever */
  guint             safe_pain;
  guint             max_pain_threshold;
  int               week;
  guint             weeks;
  double            means[MAX_MEANS];        /* weeks 1..week; 0 padding is unused */
  gboolean          previous_regress;
  guint             n_full_sessions;         /* sessions with every set at the target */
  guint             adherence_total;         /* percent over weeks 1..week */
  /* Expected for the bridge family. */
  LoadwiseDecision  decision;
  guint             new_level;
  guint             new_target_reps;         /* 0: not checked */
  gboolean          ask;
  const char       *reason_part;
  gboolean          see_clinician;
  guint             causes;                  /* LoadwiseReasonCause; 0: not checked */
} DecisionCase;

/* Each case overrides fields of OK_WEEK on purpose. */
#pragma GCC diagnostic ignored "-Woverride-init"

/* A quiet week at level 1 passes every gate: each case changes one thing. */
#define OK_WEEK .level = 1, .done = 100, .prescribed = 100, .max_pain = 2, \
  .mornings = { 2, 3, 2, END }, .baseline = 2.0, .safe_pain = 3, .max_pain_threshold = 5, \
  .week = 2, .weeks = 8, .means = { 2.0, 2.3 }, .adherence_total = 100

static const DecisionCase cases[] = {
  { "every gate open", OK_WEEK, .causes = LOADWISE_REASON_GATES_OPEN, .decision = LOADWISE_DECISION_PROGRESS, .new_level = 2,
    .reason_part = "Bridge: up to level 2. Every set done, pain stayed at 2 or below, mornings settled." },
  { "completion 80%", OK_WEEK, .causes = LOADWISE_REASON_GATES_OPEN, .done = 80, .decision = LOADWISE_DECISION_PROGRESS, .new_level = 2,
    .reason_part = "80% of sets done" },
  { "completion 79%", OK_WEEK, .causes = LOADWISE_REASON_SETS_SHORT, .done = 79, .decision = LOADWISE_DECISION_HOLD, .new_level = 1,
    .reason_part = "Bridge: stays at level 1. 79% of sets done, and moving up needs 80%." },
  { "completion 50%: hold, no question", OK_WEEK, .causes = LOADWISE_REASON_SETS_SHORT, .done = 50, .decision = LOADWISE_DECISION_HOLD,
    .new_level = 1, .reason_part = "50% of sets done" },
  { "completion 49%: hold and ask", OK_WEEK, .causes = LOADWISE_REASON_COMPLETION_LOW, .done = 49, .decision = LOADWISE_DECISION_HOLD,
    .new_level = 1, .ask = TRUE, .reason_part = "49% of sets done. What got in the way?" },
  { "nothing done: hold and ask", OK_WEEK, .causes = LOADWISE_REASON_COMPLETION_LOW, .done = 0, .max_pain = -1,
    .decision = LOADWISE_DECISION_HOLD, .new_level = 1, .ask = TRUE,
    .reason_part = "0% of sets done. What got in the way?" },
  { "pain during at safe", OK_WEEK, .causes = LOADWISE_REASON_GATES_OPEN, .max_pain = 3, .decision = LOADWISE_DECISION_PROGRESS,
    .new_level = 2, .reason_part = "pain stayed at 3 or below" },
  { "pain during at safe + 1", OK_WEEK, .causes = LOADWISE_REASON_PAIN_ABOVE_SAFE, .max_pain = 4, .decision = LOADWISE_DECISION_HOLD,
    .new_level = 1, .reason_part = "Pain reached 4 during, above 3 but within 5, and settled by the next morning." },
  { "pain during at maximum", OK_WEEK, .causes = LOADWISE_REASON_PAIN_ABOVE_SAFE, .max_pain = 5, .decision = LOADWISE_DECISION_HOLD,
    .new_level = 1, .reason_part = "Pain reached 5 during" },
  { "pain during at maximum + 1", OK_WEEK, .causes = LOADWISE_REASON_PAIN_ABOVE_MAX, .max_pain = 6, .decision = LOADWISE_DECISION_REGRESS,
    .new_level = 0, .reason_part = "Bridge: down to level 0. Pain reached 6 during, above your maximum of 5." },
  { "pain not rated", OK_WEEK, .causes = LOADWISE_REASON_PAIN_NOT_RATED, .max_pain = -1, .decision = LOADWISE_DECISION_HOLD,
    .new_level = 1, .reason_part = "Pain during was not rated." },
  { "morning at baseline + 1", OK_WEEK, .causes = LOADWISE_REASON_GATES_OPEN, .mornings = { 2, 3, END },
    .decision = LOADWISE_DECISION_PROGRESS, .new_level = 2, .reason_part = "mornings settled" },
  { "morning at baseline + 2", OK_WEEK, .causes = LOADWISE_REASON_MORNING_FLARED, .mornings = { 2, 4, END },
    .decision = LOADWISE_DECISION_REGRESS, .new_level = 0,
    .reason_part = "A morning’s pain reached 4, 2 or more above your usual 2." },
  { "half-point baseline: between +1 and +2 holds", OK_WEEK, .causes = LOADWISE_REASON_MORNING_UNSETTLED, .baseline = 2.5,
    .mornings = { 4, END }, .decision = LOADWISE_DECISION_HOLD, .new_level = 1,
    .reason_part = "A morning’s pain of 4 was more than 1 above your usual 2.5." },
  { "no check-ins: hold", OK_WEEK, .causes = LOADWISE_REASON_NO_CHECKINS, .mornings = { END }, .decision = LOADWISE_DECISION_HOLD,
    .new_level = 1, .reason_part = "No morning check-ins" },
  { "no baseline: hold", OK_WEEK, .causes = LOADWISE_REASON_NO_CHECKINS, .baseline = NONE, .decision = LOADWISE_DECISION_HOLD,
    .new_level = 1, .reason_part = "No morning check-ins" },
  { "mornings rose two weeks in a row", OK_WEEK, .causes = LOADWISE_REASON_MORNINGS_ROSE, .week = 3, .means = { 1.0, 1.5, 2.0 },
    .decision = LOADWISE_DECISION_REGRESS, .new_level = 0,
    .reason_part = "Morning pain rose two weeks in a row." },
  { "mornings rose once, then level", OK_WEEK, .week = 3, .means = { 1.0, 2.0, 2.0 },
    .decision = LOADWISE_DECISION_PROGRESS, .new_level = 2, .reason_part = "up to level 2" },
  { "a week without check-ins breaks the rise", OK_WEEK, .week = 3, .means = { 1.0, NONE, 2.0 },
    .decision = LOADWISE_DECISION_PROGRESS, .new_level = 2, .reason_part = "up to level 2" },
  { "two regress weeks: see a clinician", OK_WEEK, .causes = LOADWISE_REASON_PAIN_ABOVE_MAX, .max_pain = 6, .previous_regress = TRUE,
    .decision = LOADWISE_DECISION_REGRESS, .new_level = 0, .reason_part = "down to level 0",
    .see_clinician = TRUE },
  { "regress after a good week: no prompt", OK_WEEK, .max_pain = 6,
    .decision = LOADWISE_DECISION_REGRESS, .new_level = 0, .reason_part = "down to level 0" },
  { "progress after a regress week: no prompt", OK_WEEK, .previous_regress = TRUE,
    .decision = LOADWISE_DECISION_PROGRESS, .new_level = 2, .reason_part = "up to level 2" },
  { "level 0 is the floor", OK_WEEK, .causes = LOADWISE_REASON_PAIN_ABOVE_MAX, .level = 0, .max_pain = 7,
    .decision = LOADWISE_DECISION_REGRESS, .new_level = 0,
    .reason_part = "Bridge: stays at level 0, the gentlest level. Pain reached 7 during" },
  { "level 4 is the ceiling: reps climb", OK_WEEK, .causes = LOADWISE_REASON_GATES_OPEN | LOADWISE_REASON_TOP_CLIMBS, .level = 4, .target_reps = 0,
    .decision = LOADWISE_DECISION_PROGRESS, .new_level = 4, .new_target_reps = 10,
    .reason_part = "Bridge: stays at level 4, the top of the ladder. Every set done, pain stayed at 2 or below, mornings settled. The target climbs to 10 reps a set instead." },
  { "level 4 at the top of its range", OK_WEEK, .causes = LOADWISE_REASON_GATES_OPEN | LOADWISE_REASON_TOP_REACHED, .level = 4, .target_reps = 12,
    .decision = LOADWISE_DECISION_PROGRESS, .new_level = 4, .new_target_reps = 12,
    .reason_part = "The target is at the top of its range, the last step of the ladder." },
  { "skipped days: adherence full, completion short", OK_WEEK, .causes = LOADWISE_REASON_SETS_SHORT_SKIPPED, .done = 4, .prescribed = 6,
    .skipped = 2, .decision = LOADWISE_DECISION_HOLD, .new_level = 1,
    .reason_part = "66% of the week’s sets done. Skipped days are not a miss, but moving up needs 80%." },
  { "skipped days are not a miss: no question", OK_WEEK, .causes = LOADWISE_REASON_SETS_SHORT_SKIPPED, .done = 2, .prescribed = 6,
    .skipped = 4, .decision = LOADWISE_DECISION_HOLD, .new_level = 1,
    .reason_part = "33% of the week’s sets done. Skipped days are not a miss" },
  { "every day skipped", OK_WEEK, .causes = LOADWISE_REASON_ALL_SKIPPED, .done = 0, .prescribed = 6, .skipped = 6, .max_pain = -1,
    .decision = LOADWISE_DECISION_HOLD, .new_level = 1,
    .reason_part = "The week’s sessions were skipped" },
  { "flare days are not a miss either", OK_WEEK, .causes = LOADWISE_REASON_SETS_SHORT_FLARE, .done = 2, .prescribed = 6, .skipped = 4,
    .n_flare_days = 2, .decision = LOADWISE_DECISION_HOLD, .new_level = 1,
    .reason_part = "33% of the week’s sets done. Flare days are not a miss, but moving up needs 80%." },
  { "a week in flare mode", OK_WEEK, .causes = LOADWISE_REASON_FLARE_WEEK, .done = 0, .prescribed = 6, .skipped = 6, .n_flare_days = 3,
    .max_pain = -1, .decision = LOADWISE_DECISION_HOLD, .new_level = 1,
    .reason_part = "The week was in flare mode, which is not a miss" },
  { "custom thresholds: pain 3 over safe 2", OK_WEEK, .causes = LOADWISE_REASON_PAIN_ABOVE_SAFE, .safe_pain = 2, .max_pain_threshold = 4,
    .max_pain = 3, .decision = LOADWISE_DECISION_HOLD, .new_level = 1,
    .reason_part = "Pain reached 3 during, above 2 but within 4" },
  { "custom thresholds: pain 5 over maximum 4", OK_WEEK, .causes = LOADWISE_REASON_PAIN_ABOVE_MAX, .safe_pain = 2,
    .max_pain_threshold = 4, .max_pain = 5, .decision = LOADWISE_DECISION_REGRESS,
    .new_level = 0, .reason_part = "above your maximum of 4" },
  { "custom thresholds: pain 4 safe at 4", OK_WEEK, .safe_pain = 4, .max_pain_threshold = 6,
    .max_pain = 4, .decision = LOADWISE_DECISION_PROGRESS, .new_level = 2,
    .reason_part = "pain stayed at 4 or below" },
  { "6-week programme: week 5 progresses", OK_WEEK, .week = 5, .weeks = 6,
    .means = { 2, 2, 2, 2, 2 }, .decision = LOADWISE_DECISION_PROGRESS, .new_level = 2,
    .reason_part = "up to level 2" },
  { "6-week programme: after week 6, maintenance", OK_WEEK, .causes = LOADWISE_REASON_MAINTENANCE, .week = 6, .weeks = 6,
    .means = { 2, 2, 2, 2, 1.5, 1 }, .decision = LOADWISE_DECISION_MAINTAIN, .new_level = 1,
    .reason_part = "Bridge: maintenance at level 1. Two sessions a week keep what you built." },
  { "12-week programme: week 8 still progresses", OK_WEEK, .week = 8, .weeks = 12,
    .means = { 2, 2, 2, 2, 2, 2, 1.5, 1 }, .decision = LOADWISE_DECISION_PROGRESS,
    .new_level = 2, .reason_part = "up to level 2" },
  { "12-week programme: after week 12, maintenance", OK_WEEK, .week = 12, .weeks = 12,
    .means = { 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2 }, .decision = LOADWISE_DECISION_MAINTAIN,
    .new_level = 1, .reason_part = "maintenance at level 1" },
  { "maintenance keeps the pain gate", OK_WEEK, .causes = LOADWISE_REASON_PAIN_ABOVE_MAX, .week = 10, .weeks = 8,
    .means = { 2, 2, 2, 2, 2, 2, 2, 2, 2, 2 }, .max_pain = 6,
    .decision = LOADWISE_DECISION_REGRESS, .new_level = 0, .reason_part = "down to level 0" },
  { "reps climb after 2 sessions at the target", OK_WEEK, .causes = LOADWISE_REASON_PAIN_ABOVE_SAFE | LOADWISE_REASON_TARGET_CLIMBS, .level = 2, .target_reps = 8,
    .max_pain = 4, .n_full_sessions = 2, .decision = LOADWISE_DECISION_HOLD, .new_level = 2,
    .new_target_reps = 10, .reason_part = "Target reached in 2 sessions in a row, so it climbs to 10 reps a set." },
  { "reps stay after 1 session at the target", OK_WEEK, .causes = LOADWISE_REASON_PAIN_ABOVE_SAFE, .level = 2, .target_reps = 8,
    .max_pain = 4, .n_full_sessions = 1, .decision = LOADWISE_DECISION_HOLD, .new_level = 2,
    .new_target_reps = 8, .reason_part = "Pain reached 4" },
  { "progress restarts the range at its bottom", OK_WEEK, .causes = LOADWISE_REASON_GATES_OPEN, .level = 2, .target_reps = 10,
    .n_full_sessions = 2, .decision = LOADWISE_DECISION_PROGRESS, .new_level = 3,
    .new_target_reps = 8, .reason_part = "up to level 3" },
  { "clinician: 6 weeks, 80% adherence, no fall", OK_WEEK, .causes = LOADWISE_REASON_PAIN_ABOVE_SAFE, .week = 6, .baseline = 4.0,
    .mornings = { 3, 3, END }, .means = { 4, 4, 4, 3.5, 3.2, 3.0 }, .adherence_total = 80,
    .max_pain = 4, .decision = LOADWISE_DECISION_HOLD, .new_level = 1,
    .reason_part = "stays at level 1", .see_clinician = TRUE },
  { "clinician: a 30% fall is enough", OK_WEEK, .week = 6, .baseline = 4.0,
    .mornings = { 3, END }, .means = { 4, 4, 4, 3.5, 3.2, 2.8 }, .adherence_total = 90,
    .max_pain = 4, .decision = LOADWISE_DECISION_HOLD, .new_level = 1,
    .reason_part = "stays at level 1" },
  { "clinician: a 2-point fall is enough", OK_WEEK, .week = 7, .baseline = 8.0,
    .mornings = { 6, END }, .means = { 8, 8, 8, 7, 7, 7, 6.0 }, .adherence_total = 90,
    .max_pain = 4, .decision = LOADWISE_DECISION_HOLD, .new_level = 1,
    .reason_part = "stays at level 1" },
  { "clinician: not at 79% adherence", OK_WEEK, .week = 6, .baseline = 4.0,
    .mornings = { 3, END }, .means = { 4, 4, 4, 3.5, 3.2, 3.0 }, .adherence_total = 79,
    .max_pain = 4, .decision = LOADWISE_DECISION_HOLD, .new_level = 1,
    .reason_part = "stays at level 1" },
  { "clinician: not before week 6", OK_WEEK, .week = 5, .baseline = 4.0,
    .mornings = { 3, END }, .means = { 4, 4, 4, 3.5, 3.2 }, .adherence_total = 100,
    .max_pain = 4, .decision = LOADWISE_DECISION_HOLD, .new_level = 1,
    .reason_part = "stays at level 1" },
  { "clinician: not after week 8", OK_WEEK, .week = 9, .weeks = 12, .baseline = 4.0,
    .mornings = { 3, END }, .means = { 4, 4, 4, 3.5, 3.2, 3, 3, 3, 3 }, .adherence_total = 100,
    .max_pain = 4, .decision = LOADWISE_DECISION_HOLD, .new_level = 1,
    .reason_part = "stays at level 1" },
  { "clinician: not when the pain is mild", OK_WEEK, .week = 6, .baseline = 1.0,
    .mornings = { 1, END }, .means = { 1, 1, 1, 1, 1, 1 }, .adherence_total = 100,
    .decision = LOADWISE_DECISION_PROGRESS, .new_level = 2, .reason_part = "up to level 2" },
};

static void
fill_figures (const DecisionCase    *c,
              LoadwiseWeekFigures   *figures,
              guint                 *mornings,
              LoadwiseSessionResult *sessions)
{
  gsize n_mornings = 0;

  memset (figures, 0, sizeof *figures);
  while (n_mornings < MAX_MORNINGS && c->mornings[n_mornings] != END)
    {
      mornings[n_mornings] = (guint) c->mornings[n_mornings];
      n_mornings++;
    }

  for (guint i = 0; i < c->n_full_sessions; i++)
    sessions[i] = (LoadwiseSessionResult) { TRUE, MAX (c->target_reps, 8), 0 };

  figures->week = c->week;
  figures->weeks = c->weeks;
  figures->safe_pain = c->safe_pain;
  figures->max_pain = c->max_pain_threshold;
  figures->have_baseline = !isnan (c->baseline);
  figures->baseline = isnan (c->baseline) ? 0.0 : c->baseline;
  figures->morning_pains = mornings;
  figures->n_morning_pains = figures->have_baseline ? n_mornings : 0;
  figures->weekly_means = c->means;
  figures->n_weekly_means = (gsize) c->week;
  figures->previous_regress = c->previous_regress;
  figures->total_sets_counted = 100;
  figures->total_sets_done = c->adherence_total;
  figures->n_flare_days = c->n_flare_days;
  for (guint f = 0; f < LOADWISE_N_FAMILIES; f++)
    {
      LoadwiseFamilyWeek *week = &figures->families[f];

      week->level = c->level;
      week->target_reps = f == LOADWISE_FAMILY_BRIDGE ? c->target_reps : 0;
      week->sets_prescribed = c->prescribed;
      week->sets_skipped = c->skipped;
      week->sets_done = c->done;
      week->max_pain = c->max_pain;
      week->sessions = f == LOADWISE_FAMILY_BRIDGE ? sessions : NULL;
      week->n_sessions = f == LOADWISE_FAMILY_BRIDGE ? c->n_full_sessions : 0;
    }
}

static void
test_decision (gconstpointer data)
{
  const DecisionCase *c = data;
  g_autoptr (LoadwiseCatalogue) catalogue = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (LoadwiseWeekDecision) decision = { 0 };
  LoadwiseWeekFigures figures;
  guint mornings[MAX_MORNINGS];
  LoadwiseSessionResult sessions[4];
  const LoadwiseFamilyDecision *bridge;

  catalogue = loadwise_catalogue_load_default (&error);
  g_assert_no_error (error);

  fill_figures (c, &figures, mornings, sessions);
  loadwise_progression_decide (catalogue, &figures, &decision);
  bridge = &decision.families[LOADWISE_FAMILY_BRIDGE];

  g_test_message ("reason: %s", bridge->reason);
  g_assert_cmpstr (loadwise_decision_to_string (bridge->decision), ==,
                   loadwise_decision_to_string (c->decision));
  g_assert_cmpuint (bridge->level, ==, c->new_level);
  if (c->new_target_reps != 0)
    g_assert_cmpuint (bridge->target_reps, ==, c->new_target_reps);
  g_assert_cmpint (bridge->ask_what_got_in_the_way, ==, c->ask);
  g_assert_nonnull (strstr (bridge->reason, c->reason_part));
  g_assert_cmpint (decision.see_clinician, ==, c->see_clinician);
  g_assert_true ((decision.clinician_reason != NULL) == c->see_clinician);
  if (c->see_clinician)
    g_assert_nonnull (strstr (decision.clinician_reason, "programme carries on"));

  /* The reason is its codes and figures, rendered; they survive storage. */
  g_assert_cmpint (bridge->why.kind, ==, LOADWISE_REASON_KIND_FAMILY);
  g_assert_cmpint (bridge->why.family, ==, LOADWISE_FAMILY_BRIDGE);
  g_assert_cmpint (bridge->why.decision, ==, bridge->decision);
  g_assert_cmpuint (bridge->why.level, ==, bridge->level);
  g_assert_cmpuint (bridge->why.from_level, ==, c->level);
  g_assert_cmpuint (bridge->why.causes, !=, 0);
  if (c->causes != 0)
    g_assert_cmphex (bridge->why.causes, ==, c->causes);
  g_assert_false (bridge->why.revised);
  for (guint f = 0; f < LOADWISE_N_FAMILIES; f++)
    {
      g_autofree char *rendered = loadwise_reason_to_string (&decision.families[f].why);

      g_assert_cmpstr (rendered, ==, decision.families[f].reason);
      g_assert_true (g_str_has_suffix (rendered, "."));
    }
  {
    g_autofree char *code = loadwise_reason_serialize (&bridge->why);
    g_autofree char *clinician_code = loadwise_reason_serialize (&decision.clinician_why);
    LoadwiseReason back;

    g_test_message ("code: %s", code);
    g_assert_true (loadwise_reason_parse (code, &back, &error));
    g_assert_no_error (error);
    g_assert_true (loadwise_reason_equal (&back, &bridge->why));
    g_assert_true (loadwise_reason_parse (clinician_code, &back, &error));
    g_assert_true (loadwise_reason_equal (&back, &decision.clinician_why));
    g_assert_cmpint (back.kind, ==, LOADWISE_REASON_KIND_CLINICIAN);
    g_assert_cmpint (back.causes != 0, ==, c->see_clinician);
    if (c->see_clinician)
      {
        g_autofree char *rendered = loadwise_reason_to_string (&back);

        g_assert_cmpstr (rendered, ==, decision.clinician_reason);
      }
  }

  /* The other families read the same figures with their own names. */
  g_assert_true (g_str_has_prefix (decision.families[LOADWISE_FAMILY_SINGLE_LEG].reason,
                                   "Single-leg: "));
  g_assert_true (g_str_has_prefix (decision.families[LOADWISE_FAMILY_LATERAL].reason, "Lateral: "));
  g_assert_cmpuint (decision.families[LOADWISE_FAMILY_LATERAL].decision, ==, c->decision);
}

static void
test_families_move_independently (void)
{
  g_autoptr (LoadwiseCatalogue) catalogue = loadwise_catalogue_load_default (NULL);
  g_auto (LoadwiseWeekDecision) decision = { 0 };
  guint mornings[] = { 2, 2 };
  double means[] = { 2, 2 };
  LoadwiseWeekFigures figures = {
    .week = 2, .weeks = 8, .safe_pain = 3, .max_pain = 5, .have_baseline = TRUE, .baseline = 2,
    .morning_pains = mornings, .n_morning_pains = 2, .weekly_means = means, .n_weekly_means = 2,
    .families = {
      [LOADWISE_FAMILY_BRIDGE] = { .level = 1, .sets_prescribed = 6, .sets_done = 6, .max_pain = 1 },
      [LOADWISE_FAMILY_SINGLE_LEG] = { .level = 2, .sets_prescribed = 12, .sets_done = 12, .max_pain = 6 },
      [LOADWISE_FAMILY_LATERAL] = { .level = 3, .sets_prescribed = 9, .sets_done = 9, .max_pain = 4 },
    },
  };

  loadwise_progression_decide (catalogue, &figures, &decision);
  g_assert_cmpuint (decision.families[0].decision, ==, LOADWISE_DECISION_PROGRESS);
  g_assert_cmpuint (decision.families[0].level, ==, 2);
  g_assert_cmpuint (decision.families[1].decision, ==, LOADWISE_DECISION_REGRESS);
  g_assert_cmpuint (decision.families[1].level, ==, 1);
  g_assert_cmpuint (decision.families[2].decision, ==, LOADWISE_DECISION_HOLD);
  g_assert_cmpuint (decision.families[2].level, ==, 3);
  /* Level 1 sit-to-stand restarts at the bottom of its range. */
  g_assert_cmpuint (decision.families[1].target_reps, ==, 10);
  g_assert_false (decision.see_clinician);
}

static void
test_hold_climbs (void)
{
  g_autoptr (LoadwiseCatalogue) catalogue = loadwise_catalogue_load_default (NULL);
  const LoadwiseExercise *side_plank = loadwise_catalogue_lookup (catalogue, LOADWISE_FAMILY_LATERAL, 4);
  const LoadwiseExercise *belt = loadwise_catalogue_lookup (catalogue, LOADWISE_FAMILY_BRIDGE, 0);
  LoadwiseSessionResult held[] = { { TRUE, 1, 20 }, { TRUE, 1, 22 } };
  LoadwiseSessionResult short_hold[] = { { TRUE, 1, 20 }, { TRUE, 1, 19 } };
  LoadwiseSessionResult missed_set[] = { { TRUE, 1, 20 }, { FALSE, 1, 25 } };

  g_assert_true (loadwise_progression_target_reached (side_plank, 0, 0, held, 2));
  g_assert_false (loadwise_progression_target_reached (side_plank, 0, 0, short_hold, 2));
  g_assert_false (loadwise_progression_target_reached (side_plank, 0, 0, missed_set, 2));
  g_assert_false (loadwise_progression_target_reached (side_plank, 0, 0, held, 1));
  /* Only the last two sessions count. */
  g_assert_true (loadwise_progression_target_reached (side_plank, 0, 0,
                                                      (LoadwiseSessionResult[]) {
                                                        { FALSE, 0, 0 }, { TRUE, 1, 20 }, { TRUE, 1, 20 } },
                                                      3));
  g_assert_cmpuint (loadwise_progression_clamp_hold_s (side_plank, 0), ==, 20);
  g_assert_cmpuint (loadwise_progression_clamp_hold_s (side_plank, 99), ==, 30);
  g_assert_cmpuint (loadwise_progression_clamp_reps (side_plank, 10), ==, 0);
  g_assert_cmpuint (loadwise_progression_clamp_hold_s (belt, 0), ==, 5);
}

static void
test_level4_hold_ceiling (void)
{
  g_autoptr (LoadwiseCatalogue) catalogue = loadwise_catalogue_load_default (NULL);
  g_auto (LoadwiseWeekDecision) decision = { 0 };
  guint mornings[] = { 1 };
  LoadwiseWeekFigures figures = {
    .week = 3, .weeks = 8, .safe_pain = 3, .max_pain = 5, .have_baseline = TRUE, .baseline = 1,
    .morning_pains = mornings, .n_morning_pains = 1,
  };

  for (guint f = 0; f < LOADWISE_N_FAMILIES; f++)
    figures.families[f] = (LoadwiseFamilyWeek) { .level = 4, .sets_prescribed = 9, .sets_done = 9,
                                                 .max_pain = 0, .target_hold_s = 25 };
  loadwise_progression_decide (catalogue, &figures, &decision);
  g_assert_cmpuint (decision.families[LOADWISE_FAMILY_LATERAL].level, ==, 4);
  g_assert_cmpuint (decision.families[LOADWISE_FAMILY_LATERAL].target_hold_s, ==, 30);
  g_assert_nonnull (strstr (decision.families[LOADWISE_FAMILY_LATERAL].reason,
                            "climbs to 30-second holds instead."));
}

static void
test_percent (void)
{
  g_assert_cmpuint (loadwise_progression_percent (79, 100), ==, 79);
  g_assert_cmpuint (loadwise_progression_percent (799, 1000), ==, 79);
  g_assert_cmpuint (loadwise_progression_percent (4, 5), ==, 80);
  g_assert_cmpuint (loadwise_progression_percent (7, 6), ==, 100);
  g_assert_cmpuint (loadwise_progression_percent (0, 0), ==, 100);
}

static void
test_decision_strings (void)
{
  LoadwiseDecision decision;

  for (guint i = LOADWISE_DECISION_START; i <= LOADWISE_DECISION_MAINTAIN; i++)
    {
      g_assert_true (loadwise_decision_from_string (loadwise_decision_to_string (i), &decision));
      g_assert_cmpuint (decision, ==, i);
      g_assert_nonnull (loadwise_decision_get_label (i));
    }
  g_assert_false (loadwise_decision_from_string ("stay", &decision));
  g_assert_false (loadwise_decision_from_string (NULL, &decision));
}

/* Placement: 2026-03-02 is a Monday; sessions mon, wed, fri. */
static void
test_placement (void)
{
  GDate start = loadwise_test_date (2026, 3, 2);
  GDate wednesday = loadwise_test_date (2026, 3, 4);
  GDate friday = loadwise_test_date (2026, 3, 6);
  LoadwiseProgramme programme;
  GDate moved;
  g_autofree char *reason = NULL;
  LoadwisePlannedRun long_thursday[] = { { loadwise_test_date (2026, 3, 5), TRUE, FALSE } };
  LoadwisePlannedRun easy_thursday[] = { { loadwise_test_date (2026, 3, 5), FALSE, FALSE } };
  LoadwisePlannedRun speed_saturday[] = { { loadwise_test_date (2026, 3, 7), FALSE, TRUE } };
  LoadwisePlannedRun crowded[] = {
    { loadwise_test_date (2026, 3, 5), TRUE, FALSE },
    /* This makes Tuesday the day before a speed session. */
    { loadwise_test_date (2026, 3, 4), FALSE, TRUE },
  };

  loadwise_programme_init (&programme, &start);

  /* Level 3 single-leg work before a long run moves to Tuesday. */
  g_assert_true (loadwise_progression_place_session (&programme, 3, &wednesday, NULL, long_thursday, 1,
                                                     &moved, &reason));
  g_assert_cmpint (g_date_get_day (&moved), ==, 3);
  g_assert_cmpstr (reason, ==, "Moved to Tuesday 3 March: hard single-leg work the day before a long "
                               "run leaves the legs tired for it");
  g_clear_pointer (&reason, g_free);

  /* Level 2 stays; an easy run is no reason; nor is a run two days on. */
  g_assert_false (loadwise_progression_place_session (&programme, 2, &wednesday, NULL, long_thursday, 1,
                                                      &moved, &reason));
  g_assert_false (loadwise_progression_place_session (&programme, 4, &wednesday, NULL, easy_thursday, 1,
                                                      &moved, &reason));
  g_assert_false (loadwise_progression_place_session (&programme, 4, &wednesday, NULL, speed_saturday, 1,
                                                      &moved, &reason));
  g_assert_null (reason);

  /* Friday before a speed Saturday: Thursday is free. */
  g_assert_true (loadwise_progression_place_session (&programme, 4, &friday, NULL, speed_saturday, 1,
                                                     &moved, &reason));
  g_assert_cmpint (g_date_get_day (&moved), ==, 5);
  g_assert_nonnull (strstr (reason, "a speed session"));
  g_clear_pointer (&reason, g_free);

  /* Tuesday is the day before Wednesday's speed session and Thursday is the
   * long run's own day, which is free: later it goes. */
  g_assert_true (loadwise_progression_place_session (&programme, 3, &wednesday, NULL, crowded,
                                                     G_N_ELEMENTS (crowded), &moved, &reason));
  g_assert_cmpint (g_date_get_day (&moved), ==, 5);
  g_clear_pointer (&reason, g_free);

  /* Not into the past: with Tuesday gone, Wednesday moves to Thursday. */
  {
    GDate today = wednesday;

    g_assert_true (loadwise_progression_place_session (&programme, 3, &wednesday, &today,
                                                       (LoadwisePlannedRun[]) {
                                                         { loadwise_test_date (2026, 3, 5), FALSE, TRUE } },
                                                       1, &moved, &reason));
    g_assert_cmpint (g_date_get_day (&moved), ==, 5);
    g_clear_pointer (&reason, g_free);
  }

  /* Three days a week with no gap: nowhere to go, so the reason says so. */
  programme.training_days = LOADWISE_WEEKDAY_BIT (G_DATE_TUESDAY) |
                            LOADWISE_WEEKDAY_BIT (G_DATE_WEDNESDAY) |
                            LOADWISE_WEEKDAY_BIT (G_DATE_THURSDAY);
  g_assert_true (loadwise_progression_place_session (&programme, 3, &wednesday, NULL, long_thursday, 1,
                                                     &moved, &reason));
  g_assert_cmpint (g_date_get_day (&moved), ==, 4);
  g_assert_nonnull (strstr (reason, "keep today's single-leg work light"));
}

/* Random weeks: whatever the figures, every decision carries a reason
 * that reads back from its stored form and renders to the sentence the
 * decision gives, and the reason's levels and decision are the
 * decision's own. */
static void
test_random_weeks_keep_their_reasons (void)
{
  g_autoptr (LoadwiseCatalogue) catalogue = loadwise_catalogue_load_default (NULL);

  for (guint n = 0; n < 3000; n++)
    {
      g_auto (LoadwiseWeekDecision) decision = { 0 };
      guint mornings[5];
      double means[12];
      LoadwiseSessionResult sessions[2];
      LoadwiseWeekFigures figures = { 0 };
      guint safe = (guint) g_test_rand_int_range (0, 8);

      figures.week = g_test_rand_int_range (1, 13);
      figures.weeks = (guint) g_test_rand_int_range (6, 13);
      figures.safe_pain = safe;
      figures.max_pain = (guint) g_test_rand_int_range ((gint32) safe, 11);
      figures.have_baseline = g_test_rand_bit ();
      figures.baseline = g_test_rand_int_range (0, 21) / 2.0;
      for (guint i = 0; i < G_N_ELEMENTS (mornings); i++)
        mornings[i] = (guint) g_test_rand_int_range (0, 11);
      figures.morning_pains = mornings;
      figures.n_morning_pains = (gsize) g_test_rand_int_range (0, G_N_ELEMENTS (mornings) + 1);
      for (guint i = 0; i < G_N_ELEMENTS (means); i++)
        means[i] = g_test_rand_int_range (0, 8) == 0 ? NAN : g_test_rand_double_range (0, 10);
      figures.weekly_means = means;
      figures.n_weekly_means = (gsize) figures.week;
      figures.previous_regress = g_test_rand_bit ();
      figures.total_sets_counted = (guint) g_test_rand_int_range (0, 200);
      figures.total_sets_done = (guint) g_test_rand_int_range (0, (gint32) figures.total_sets_counted + 1);
      figures.n_flare_days = (guint) g_test_rand_int_range (0, 3);
      for (guint i = 0; i < G_N_ELEMENTS (sessions); i++)
        sessions[i] = (LoadwiseSessionResult) { g_test_rand_bit (),
                                                (guint) g_test_rand_int_range (0, 20),
                                                (guint) g_test_rand_int_range (0, 60) };
      for (guint f = 0; f < LOADWISE_N_FAMILIES; f++)
        {
          LoadwiseFamilyWeek *week = &figures.families[f];

          week->level = (guint) g_test_rand_int_range (0, 5);
          week->target_reps = (guint) g_test_rand_int_range (0, 16);
          week->target_hold_s = (guint) g_test_rand_int_range (0, 40);
          week->sets_prescribed = (guint) g_test_rand_int_range (0, 12);
          week->sets_skipped = (guint) g_test_rand_int_range (0, (gint32) week->sets_prescribed + 1);
          week->sets_done = (guint) g_test_rand_int_range (0, (gint32) week->sets_prescribed + 1);
          week->max_pain = g_test_rand_int_range (-1, 11);
          week->sessions = sessions;
          week->n_sessions = (gsize) g_test_rand_int_range (0, 3);
        }

      loadwise_progression_decide (catalogue, &figures, &decision);
      for (guint f = 0; f < LOADWISE_N_FAMILIES; f++)
        {
          const LoadwiseFamilyDecision *family = &decision.families[f];
          g_autofree char *code = loadwise_reason_serialize (&family->why);
          g_autofree char *rendered = NULL;
          g_autoptr (GError) error = NULL;
          LoadwiseReason back;

          if (!loadwise_reason_parse (code, &back, &error))
            g_error ("week %u: “%s” does not read back: %s", n, code, error->message);
          g_assert_true (loadwise_reason_equal (&back, &family->why));
          rendered = loadwise_reason_to_string (&back);
          g_assert_cmpstr (rendered, ==, family->reason);
          g_assert_cmpint (back.decision, ==, family->decision);
          g_assert_cmpuint (back.level, ==, family->level);
          g_assert_cmpuint (back.from_level, ==, figures.families[f].level);
          g_assert_cmpuint (back.causes, !=, 0);
          g_assert_cmpint (family->ask_what_got_in_the_way, ==,
                           (back.causes & LOADWISE_REASON_COMPLETION_LOW) != 0);
        }
      {
        g_autofree char *code = loadwise_reason_serialize (&decision.clinician_why);
        LoadwiseReason back;

        g_assert_true (loadwise_reason_parse (code, &back, NULL));
        g_assert_cmpint (back.causes != 0, ==, decision.see_clinician);
        if (decision.see_clinician)
          {
            g_autofree char *rendered = loadwise_reason_to_string (&back);

            g_assert_cmpstr (rendered, ==, decision.clinician_reason);
          }
      }
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/progression/decision/%s", cases[i].name);

      g_test_add_data_func (path, &cases[i], test_decision);
    }
  g_test_add_func ("/progression/families-move-independently", test_families_move_independently);
  g_test_add_func ("/progression/hold-climbs", test_hold_climbs);
  g_test_add_func ("/progression/level4-hold-ceiling", test_level4_hold_ceiling);
  g_test_add_func ("/progression/percent", test_percent);
  g_test_add_func ("/progression/decision-strings", test_decision_strings);
  g_test_add_func ("/progression/placement", test_placement);
  g_test_add_func ("/progression/random-weeks-keep-their-reasons",
                   test_random_weeks_keep_their_reasons);

  return g_test_run ();
}
