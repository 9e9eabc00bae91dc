/* test-reason.c: a decision's reason as codes and figures
 *
 * Every cause renders as one whole sentence with its figures; the stored
 * form reads back to the same value, and anything else is refused with an
 * error naming the field.
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "core/loadwise-error.h"
#include "core/loadwise-progression.h"
#include "core/loadwise-reason.h"
#include "loadwise-test-util.h"

/* Figures every cause may read, each distinct so a swap shows. */
static LoadwiseReason
make_reason (LoadwiseReasonKind kind,
             guint              causes)
{
  LoadwiseReason reason = {
    .kind = kind,
    .family = LOADWISE_FAMILY_BRIDGE,
    .decision = LOADWISE_DECISION_HOLD,
    .from_level = 1,
    .level = 1,
    .causes = causes,
    .percent = 79,
    .percent_needed = 80,
    .pain = 4,
    .safe_pain = 3,
    .max_pain = 5,
    .morning_pain = 6,
    .baseline_x10 = 25,
    .target = 10,
    .week = 6,
    .mean_x10 = 32,
  };

  loadwise_reason_trim (&reason);
  return reason;
}

static gboolean
is_clinician_cause (guint cause)
{
  return cause == LOADWISE_REASON_TWO_REGRESS || cause == LOADWISE_REASON_NO_IMPROVEMENT;
}

static void
assert_round_trip (const LoadwiseReason *reason)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *text = loadwise_reason_serialize (reason);
  g_autofree char *again = NULL;
  LoadwiseReason back;

  memset (&back, 0xA5, sizeof back);
  if (!loadwise_reason_parse (text, &back, &error))
    g_error ("“%s” does not read back: %s", text, error->message);
  g_assert_true (loadwise_reason_equal (&back, reason));
  again = loadwise_reason_serialize (&back);
  g_assert_cmpstr (again, ==, text);
}

static void
test_round_trip (void)
{
  /* Every cause alone, with every decision, family and revision. */
  for (guint bit = 0; bit < LOADWISE_REASON_N_CAUSES; bit++)
    {
      guint cause = 1u << bit;
      LoadwiseReasonKind kind = is_clinician_cause (cause) ? LOADWISE_REASON_KIND_CLINICIAN
                                                           : LOADWISE_REASON_KIND_FAMILY;

      g_assert_nonnull (loadwise_reason_cause_to_string (cause));
      for (guint d = LOADWISE_DECISION_START; d <= LOADWISE_DECISION_MAINTAIN; d++)
        for (guint f = 0; f < LOADWISE_N_FAMILIES; f++)
          for (guint revised = 0; revised < 2; revised++)
            {
              LoadwiseReason reason = make_reason (kind, cause);

              if (kind == LOADWISE_REASON_KIND_FAMILY)
                {
                  reason.decision = d;
                  reason.family = f;
                  reason.from_level = (d + f) % 5;
                  reason.level = (d + 2 * f) % 5;
                }
              reason.revised = revised;
              reason.target_is_hold = f == LOADWISE_FAMILY_LATERAL
                                      && (cause == LOADWISE_REASON_TOP_CLIMBS
                                          || cause == LOADWISE_REASON_TARGET_CLIMBS);
              assert_round_trip (&reason);
            }
    }

  /* Several causes, the figures at their ends, and no cause at all. */
  {
    LoadwiseReason reason = make_reason (LOADWISE_REASON_KIND_FAMILY,
                                         LOADWISE_REASON_SETS_SHORT | LOADWISE_REASON_PAIN_ABOVE_SAFE
                                         | LOADWISE_REASON_MORNING_UNSETTLED
                                         | LOADWISE_REASON_TARGET_CLIMBS);

    assert_round_trip (&reason);
    reason.percent = 0;
    reason.percent_needed = 100;
    reason.pain = 10;
    reason.safe_pain = 0;
    reason.baseline_x10 = 100;
    reason.morning_pain = 10;
    reason.target = 999;
    assert_round_trip (&reason);
    reason.causes = 0;
    loadwise_reason_trim (&reason);
    assert_round_trip (&reason);
  }
  {
    LoadwiseReason reason = make_reason (LOADWISE_REASON_KIND_CLINICIAN, 0);

    assert_round_trip (&reason);
    reason = make_reason (LOADWISE_REASON_KIND_CLINICIAN,
                          LOADWISE_REASON_TWO_REGRESS | LOADWISE_REASON_NO_IMPROVEMENT);
    reason.mean_x10 = 0;
    reason.baseline_x10 = 7;
    assert_round_trip (&reason);
  }

  /* Causes of the other kind are neither written nor rendered. */
  {
    g_autoptr (GError) error = NULL;
    LoadwiseReason reason = make_reason (LOADWISE_REASON_KIND_CLINICIAN, LOADWISE_REASON_TWO_REGRESS);
    g_autofree char *text = NULL;
    g_autofree char *rendered = NULL;
    LoadwiseReason back;

    reason.causes |= LOADWISE_REASON_SETS_SHORT;
    reason.percent = 50;
    text = loadwise_reason_serialize (&reason);
    g_assert_cmpstr (text, ==, "v1;k=clinician;c=two_regress");
    g_assert_true (loadwise_reason_parse (text, &back, &error));
    g_assert_no_error (error);
    g_assert_cmphex (back.causes, ==, LOADWISE_REASON_TWO_REGRESS);
    rendered = loadwise_reason_to_string (&reason);
    g_assert_true (g_str_has_prefix (rendered, "Two weeks in a row"));
    g_assert_null (strstr (rendered, "50%"));
  }
}

/* The stored form is a contract with existing databases: it must not
 * drift. */
static void
test_serialized_form (void)
{
  g_autoptr (GError) error = NULL;
  LoadwiseReason reason = make_reason (LOADWISE_REASON_KIND_FAMILY,
                                       LOADWISE_REASON_SETS_SHORT | LOADWISE_REASON_PAIN_NOT_RATED
                                       | LOADWISE_REASON_TARGET_CLIMBS);
  g_autofree char *text = NULL;
  LoadwiseReason back;

  reason.family = LOADWISE_FAMILY_SINGLE_LEG;
  reason.from_level = 2;
  reason.level = 2;
  text = loadwise_reason_serialize (&reason);
  g_assert_cmpstr (text, ==, "v1;k=family;f=single-leg;d=hold;from=2;l=2;"
                             "c=sets_short,pain_not_rated,target_climbs;pct=79;need=80;tgt=10;unit=reps");
  g_clear_pointer (&text, g_free);

  reason = make_reason (LOADWISE_REASON_KIND_CLINICIAN, LOADWISE_REASON_NO_IMPROVEMENT);
  reason.revised = TRUE;
  text = loadwise_reason_serialize (&reason);
  g_assert_cmpstr (text, ==, "v1;k=clinician;c=no_improvement;bl=2.5;wk=6;mean=3.2;rev=1");

  /* Fields in another order, and "rev=0", read the same. */
  g_assert_true (loadwise_reason_parse ("v1;c=no_improvement;mean=3.2;wk=6;bl=2.5;k=clinician;rev=1",
                                        &back, &error));
  g_assert_no_error (error);
  g_assert_true (loadwise_reason_equal (&back, &reason));
  g_assert_true (loadwise_reason_parse ("v1;k=family;f=lateral;d=progress;from=4;l=4;"
                                        "c=gates_open,top_climbs;pct=100;pain=0;tgt=30;unit=s;rev=0",
                                        &back, &error));
  g_assert_no_error (error);
  g_assert_cmpint (back.family, ==, LOADWISE_FAMILY_LATERAL);
  g_assert_true (back.target_is_hold);
  g_assert_cmpuint (back.target, ==, 30);
  g_assert_false (back.revised);
  g_assert_true (loadwise_reason_parse ("v1;k=family;f=bridge;d=hold;from=0;l=0;c=;", &back, &error)
                 == FALSE);
  g_clear_error (&error);
  g_assert_true (loadwise_reason_parse ("v1;k=family;f=bridge;d=hold;from=0;l=0;c=", &back, &error));
  g_assert_cmpuint (back.causes, ==, 0);
}

typedef struct {
  const char *text;
  const char *field;  /* the message starts with "FIELD: " */
} BadCase;

#define FAMILY_HEAD "v1;k=family;f=bridge;d=hold;from=1;l=1;"

static const BadCase bad_cases[] = {
  { "", "version" },
  { "k=family", "version" },
  { "v2;k=family;f=bridge;d=hold;from=1;l=1;c=", "version" },
  { "v10;k=clinician;c=", "version" },
  { "V1;k=clinician;c=", "version" },
  { "v1", "k" },
  { "v1;", "reason" },
  { "v1;;k=clinician;c=", "reason" },
  { "v1;k=clinician;c=;", "reason" },
  { "v1;k", "reason" },
  { "v1;=clinician", "reason" },
  { "v1;k=clinician;c=;colour=red", "reason" },
  { "v1;k=clinician;k=clinician;c=", "k" },
  { "v1;k=doctor;c=", "k" },
  { "v1;k=;c=", "k" },
  { "v1;k=clinician", "c" },
  { "v1;k=clinician;c=;f=bridge", "f" },
  { "v1;k=clinician;c=;l=1", "l" },
  { "v1;k=clinician;c=sets_short;pct=5;need=80", "c" },
  { "v1;k=family;d=hold;from=1;l=1;c=", "f" },
  { "v1;k=family;f=knee;d=hold;from=1;l=1;c=", "f" },
  { "v1;k=family;f=Bridge;d=hold;from=1;l=1;c=", "f" },
  { "v1;k=family;f=bridge;d=stay;from=1;l=1;c=", "d" },
  { "v1;k=family;f=bridge;from=1;l=1;c=", "d" },
  { "v1;k=family;f=bridge;d=hold;l=1;c=", "from" },
  { "v1;k=family;f=bridge;d=hold;from=5;l=1;c=", "from" },
  { "v1;k=family;f=bridge;d=hold;from=1;c=", "l" },
  { "v1;k=family;f=bridge;d=hold;from=1;l=-1;c=", "l" },
  { "v1;k=family;f=bridge;d=hold;from=1;l=01;c=", "l" },
  { "v1;k=family;f=bridge;d=hold;from=1;l=;c=", "l" },
  { FAMILY_HEAD "c=two_regress", "c" },
  { FAMILY_HEAD "c=pain_not_rated,pain_not_rated", "c" },
  { FAMILY_HEAD "c=pain_not_rated,", "c" },
  { FAMILY_HEAD "c=,pain_not_rated", "c" },
  { FAMILY_HEAD "c=pain_unrated", "c" },
  { FAMILY_HEAD "c=sets_short;need=80", "pct" },
  { FAMILY_HEAD "c=sets_short;pct=79", "need" },
  { FAMILY_HEAD "c=sets_short;pct=101;need=80", "pct" },
  { FAMILY_HEAD "c=sets_short;pct=7.9;need=80", "pct" },
  { FAMILY_HEAD "c=sets_short;pct=+79;need=80", "reason" },
  { FAMILY_HEAD "c=sets_short;pct=1000;need=80", "pct" },
  { FAMILY_HEAD "c=sets_short;pct=99999999999999999999;need=80", "pct" },
  { FAMILY_HEAD "c=sets_short;pct=79;need=80;pct=79", "pct" },
  { FAMILY_HEAD "c=pain_not_rated;pct=79", "pct" },
  { FAMILY_HEAD "c=pain_above_max;pain=11;max=5", "pain" },
  { FAMILY_HEAD "c=pain_above_max;pain=6", "max" },
  { FAMILY_HEAD "c=pain_above_safe;pain=4;safe=x;max=5", "safe" },
  { FAMILY_HEAD "c=morning_flared;am=4", "bl" },
  { FAMILY_HEAD "c=morning_flared;am=4;bl=2.55", "bl" },
  { FAMILY_HEAD "c=morning_flared;am=4;bl=10.5", "bl" },
  { FAMILY_HEAD "c=morning_flared;am=4;bl=2.", "bl" },
  { FAMILY_HEAD "c=morning_flared;am=4;bl=.5", "bl" },
  { FAMILY_HEAD "c=morning_flared;am=4;bl=1.2.3", "bl" },
  { FAMILY_HEAD "c=morning_flared;am=4;bl=2,5", "bl" },
  { FAMILY_HEAD "c=target_climbs;tgt=10", "unit" },
  { FAMILY_HEAD "c=target_climbs;tgt=0;unit=reps", "tgt" },
  { FAMILY_HEAD "c=target_climbs;tgt=10;unit=seconds", "unit" },
  { FAMILY_HEAD "c=pain_not_rated;unit=s", "unit" },
  { FAMILY_HEAD "c=pain_not_rated;rev=yes", "rev" },
  { FAMILY_HEAD "c=pain_not_rated;rev=1;rev=1", "rev" },
  { "v1;k=clinician;c=no_improvement;bl=4;wk=0;mean=3", "wk" },
  { "v1;k=clinician;c=no_improvement;bl=4;wk=6", "mean" },
  { "v1;k=clinician;c=no_improvement;bl=4;wk=6;mean=3;pct=50", "pct" },
  { "v1;k=clinician;c=two_regress;wk=6", "wk" },
  { "v1;k=family;f=bridge d=hold", "reason" },
  { "v1;k=family;f=br\xc3\xbc" "cke", "reason" },
  { "v1;k=clinician;c=\n", "reason" },
};

static void
test_rejects (void)
{
  g_autofree char *long_text = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      const BadCase *c = &bad_cases[i];
      g_autoptr (GError) error = NULL;
      g_autofree char *prefix = g_strconcat (c->field, ": ", NULL);
      LoadwiseReason reason = make_reason (LOADWISE_REASON_KIND_CLINICIAN, 0);
      LoadwiseReason before = reason;

      g_test_message ("“%s”", c->text);
      g_assert_false (loadwise_reason_parse (c->text, &reason, &error));
      g_assert_error (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT);
      g_test_message ("  %s", error->message);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      if (!g_str_has_prefix (error->message, prefix))
        g_error ("“%s”: the message “%s” does not name %s", c->text, error->message, c->field);
      /* Nothing half-parsed is left behind. */
      g_assert_true (loadwise_reason_equal (&reason, &before));
    }

  {
    g_autoptr (GError) error = NULL;
    LoadwiseReason reason;
    GString *text = g_string_new (FAMILY_HEAD "c=pain_not_rated");

    while (text->len <= 512)
      g_string_append (text, ";rev=1");
    long_text = g_string_free (text, FALSE);
    g_assert_false (loadwise_reason_parse (long_text, &reason, &error));
    g_assert_true (g_str_has_prefix (error->message, "reason: "));
  }
}

typedef struct {
  guint       causes;
  const char *sentence;  /* after the headline "Bridge: stays at level 1." */
} RenderCase;

static const RenderCase render_cases[] = {
  { LOADWISE_REASON_PAIN_ABOVE_MAX, "Pain reached 4 during, above your maximum of 5." },
  { LOADWISE_REASON_MORNING_FLARED, "A morning’s pain reached 6, 2 or more above your usual 2.5." },
  { LOADWISE_REASON_MORNINGS_ROSE, "Morning pain rose two weeks in a row." },
  { LOADWISE_REASON_FLARE_WEEK,
    "The week was in flare mode, which is not a miss; the level waits for the hip to settle." },
  { LOADWISE_REASON_ALL_SKIPPED,
    "The week’s sessions were skipped, so there is nothing to judge yet." },
  { LOADWISE_REASON_COMPLETION_LOW,
    "79% of sets done. What got in the way? A word in the next session’s note helps plan "
    "around it." },
  { LOADWISE_REASON_GATES_OPEN, "79% of sets done, pain stayed at 4 or below, mornings settled." },
  { LOADWISE_REASON_TOP_CLIMBS, "The target climbs to 10 reps a set instead." },
  { LOADWISE_REASON_TOP_REACHED,
    "The target is at the top of its range, the last step of the ladder." },
  { LOADWISE_REASON_SETS_SHORT, "79% of sets done, and moving up needs 80%." },
  { LOADWISE_REASON_SETS_SHORT_SKIPPED,
    "79% of the week’s sets done. Skipped days are not a miss, but moving up needs 80%." },
  { LOADWISE_REASON_SETS_SHORT_FLARE,
    "79% of the week’s sets done. Flare days are not a miss, but moving up needs 80%." },
  { LOADWISE_REASON_PAIN_NOT_RATED, "Pain during was not rated." },
  { LOADWISE_REASON_PAIN_ABOVE_SAFE,
    "Pain reached 4 during, above 3 but within 5, and settled by the next morning." },
  { LOADWISE_REASON_NO_CHECKINS, "No morning check-ins to show how the hip settled." },
  { LOADWISE_REASON_MORNING_UNSETTLED, "A morning’s pain of 6 was more than 1 above your usual 2.5." },
  { LOADWISE_REASON_TARGET_CLIMBS,
    "Target reached in 2 sessions in a row, so it climbs to 10 reps a set." },
  { LOADWISE_REASON_MAINTENANCE, "Two sessions a week keep what you built." },
  { LOADWISE_REASON_FLARE_AT_START, "A flare is on, so every exercise starts at the gentlest level." },
};

static void
test_render_causes (void)
{
  G_STATIC_ASSERT (G_N_ELEMENTS (render_cases) == LOADWISE_REASON_N_CAUSES - 2);

  for (guint i = 0; i < G_N_ELEMENTS (render_cases); i++)
    {
      LoadwiseReason reason = make_reason (LOADWISE_REASON_KIND_FAMILY, render_cases[i].causes);
      g_autofree char *text = loadwise_reason_to_string (&reason);
      g_autofree char *details = loadwise_reason_details_to_string (&reason);
      g_autofree char *expected = g_strconcat ("Bridge: stays at level 1. ", render_cases[i].sentence,
                                               NULL);

      g_assert_cmpstr (text, ==, expected);
      g_assert_cmpstr (details, ==, render_cases[i].sentence);
    }
}

static void
test_render_figures (void)
{
  LoadwiseReason reason;
  g_autofree char *text = NULL;

  /* Every set done reads as such; holds and a single rep. */
  reason = make_reason (LOADWISE_REASON_KIND_FAMILY, LOADWISE_REASON_GATES_OPEN);
  reason.percent = 100;
  reason.pain = 2;
  reason.decision = LOADWISE_DECISION_PROGRESS;
  reason.level = 2;
  text = loadwise_reason_to_string (&reason);
  g_assert_cmpstr (text, ==, "Bridge: up to level 2. Every set done, pain stayed at 2 or below, "
                             "mornings settled.");
  g_clear_pointer (&text, g_free);

  reason = make_reason (LOADWISE_REASON_KIND_FAMILY, LOADWISE_REASON_TARGET_CLIMBS);
  reason.target_is_hold = TRUE;
  reason.target = 25;
  text = loadwise_reason_details_to_string (&reason);
  g_assert_cmpstr (text, ==, "Target reached in 2 sessions in a row, so it climbs to 25-second holds.");
  g_clear_pointer (&text, g_free);
  reason.causes = LOADWISE_REASON_TOP_CLIMBS;
  text = loadwise_reason_details_to_string (&reason);
  g_assert_cmpstr (text, ==, "The target climbs to 25-second holds instead.");
  g_clear_pointer (&text, g_free);
  reason.target_is_hold = FALSE;
  reason.target = 1;
  text = loadwise_reason_details_to_string (&reason);
  g_assert_cmpstr (text, ==, "The target climbs to 1 rep a set instead.");
  g_clear_pointer (&text, g_free);

  /* A whole-number baseline has no decimal. */
  reason = make_reason (LOADWISE_REASON_KIND_FAMILY, LOADWISE_REASON_MORNING_UNSETTLED);
  reason.baseline_x10 = 20;
  reason.morning_pain = 4;
  text = loadwise_reason_details_to_string (&reason);
  g_assert_cmpstr (text, ==, "A morning’s pain of 4 was more than 1 above your usual 2.");
  g_clear_pointer (&text, g_free);

  /* Several causes: one sentence each, in a fixed order, then the revision. */
  reason = make_reason (LOADWISE_REASON_KIND_FAMILY,
                        LOADWISE_REASON_TARGET_CLIMBS | LOADWISE_REASON_NO_CHECKINS
                        | LOADWISE_REASON_SETS_SHORT);
  reason.revised = TRUE;
  text = loadwise_reason_to_string (&reason);
  g_assert_cmpstr (text, ==, "Bridge: stays at level 1. 79% of sets done, and moving up needs 80%. "
                             "No morning check-ins to show how the hip settled. Target reached in 2 "
                             "sessions in a row, so it climbs to 10 reps a set. Revised: entries "
                             "logged after the week ended now count.");
  g_clear_pointer (&text, g_free);
}

static void
test_render_headlines (void)
{
  static const struct {
    LoadwiseDecision decision;
    LoadwiseFamily   family;
    guint            from_level;
    guint            level;
    const char      *headline;
  } cases[] = {
    { LOADWISE_DECISION_START, LOADWISE_FAMILY_BRIDGE, 1, 1, "Bridge: starts at level 1." },
    { LOADWISE_DECISION_PROGRESS, LOADWISE_FAMILY_SINGLE_LEG, 2, 3, "Single-leg: up to level 3." },
    { LOADWISE_DECISION_PROGRESS, LOADWISE_FAMILY_LATERAL, 4, 4,
      "Lateral: stays at level 4, the top of the ladder." },
    { LOADWISE_DECISION_HOLD, LOADWISE_FAMILY_BRIDGE, 2, 2, "Bridge: stays at level 2." },
    { LOADWISE_DECISION_REGRESS, LOADWISE_FAMILY_BRIDGE, 1, 0, "Bridge: down to level 0." },
    { LOADWISE_DECISION_REGRESS, LOADWISE_FAMILY_BRIDGE, 0, 0,
      "Bridge: stays at level 0, the gentlest level." },
    { LOADWISE_DECISION_MAINTAIN, LOADWISE_FAMILY_LATERAL, 3, 3, "Lateral: maintenance at level 3." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      LoadwiseReason reason = make_reason (LOADWISE_REASON_KIND_FAMILY, 0);
      g_autofree char *text = NULL;
      g_autofree char *details = NULL;

      reason.decision = cases[i].decision;
      reason.family = cases[i].family;
      reason.from_level = cases[i].from_level;
      reason.level = cases[i].level;
      text = loadwise_reason_to_string (&reason);
      g_assert_cmpstr (text, ==, cases[i].headline);
      details = loadwise_reason_details_to_string (&reason);
      g_assert_cmpstr (details, ==, "");
    }
}

static void
test_render_clinician (void)
{
  LoadwiseReason reason = make_reason (LOADWISE_REASON_KIND_CLINICIAN, 0);
  g_autofree char *none = loadwise_reason_to_string (&reason);
  g_autofree char *two = NULL;
  g_autofree char *stuck = NULL;
  g_autofree char *one_week = NULL;

  g_assert_cmpstr (none, ==, "");
  reason = make_reason (LOADWISE_REASON_KIND_CLINICIAN, LOADWISE_REASON_TWO_REGRESS);
  two = loadwise_reason_to_string (&reason);
  g_assert_cmpstr (two, ==, "Two weeks in a row needed a step down. A physiotherapist or doctor "
                            "can look at what keeps the hip irritated. The programme carries on "
                            "meanwhile at the levels below.");
  reason = make_reason (LOADWISE_REASON_KIND_CLINICIAN, LOADWISE_REASON_NO_IMPROVEMENT);
  reason.baseline_x10 = 40;
  stuck = loadwise_reason_to_string (&reason);
  g_assert_cmpstr (stuck, ==, "After 6 weeks of steady work, morning pain has not come down by 2 "
                              "points or 30% (from 4 to 3.2). A physiotherapist or doctor can check "
                              "what else is going on. The programme carries on meanwhile.");
  reason.week = 1;
  one_week = loadwise_reason_to_string (&reason);
  g_assert_true (g_str_has_prefix (one_week, "After 1 week of steady work"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/reason/round-trip", test_round_trip);
  g_test_add_func ("/reason/serialized-form", test_serialized_form);
  g_test_add_func ("/reason/rejects", test_rejects);
  g_test_add_func ("/reason/render-causes", test_render_causes);
  g_test_add_func ("/reason/render-figures", test_render_figures);
  g_test_add_func ("/reason/render-headlines", test_render_headlines);
  g_test_add_func ("/reason/render-clinician", test_render_clinician);

  return g_test_run ();
}
