/* loadwise-reason.c: why the weekly decision went the way it did
 *
 * The stored form (version 1) is ASCII, fields separated by ';':
 *
 *   v1;k=KIND[;f=FAMILY;d=DECISION;from=N;l=N];c=CAUSE,...[;FIGURE=VALUE...][;rev=1]
 *
 * KIND is "family" or "clinician"; f, d, from and l belong to a family's
 * reason only. c lists cause ids (may be empty). Exactly the figures the
 * causes need are present: pct, need, pain, safe, max, am (whole numbers),
 * bl and mean (pain with at most one decimal, "2.5"), wk, tgt with
 * unit=reps|s. The serializer writes the fields in this order; the parser
 * takes them in any order but refuses anything else, so a damaged or
 * newer value is an error for the caller to fall back from, never a
 * guess.
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>
#include <string.h>

#include "core/loadwise-catalogue.h"
#include "core/loadwise-error.h"
#include "core/loadwise-progression.h"
#include "core/loadwise-reason.h"

/* Longer than any reason this version writes, by far. */
#define MAX_TEXT_LENGTH 512

typedef enum {
  FIGURE_PERCENT  = 1 << 0,
  FIGURE_NEEDED   = 1 << 1,
  FIGURE_PAIN     = 1 << 2,
  FIGURE_SAFE     = 1 << 3,
  FIGURE_MAX      = 1 << 4,
  FIGURE_MORNING  = 1 << 5,
  FIGURE_BASELINE = 1 << 6,
  FIGURE_TARGET   = 1 << 7,  /* tgt and unit */
  FIGURE_WEEK     = 1 << 8,
  FIGURE_MEAN     = 1 << 9,
} Figure;

typedef struct {
  LoadwiseReasonCause cause;
  const char         *id;
  LoadwiseReasonKind  kind;
  guint               figures;
} CauseInfo;

/* In the order they render. */
static const CauseInfo cause_info[LOADWISE_REASON_N_CAUSES] = {
  { LOADWISE_REASON_PAIN_ABOVE_MAX, "pain_above_max", LOADWISE_REASON_KIND_FAMILY,
    FIGURE_PAIN | FIGURE_MAX },
  { LOADWISE_REASON_MORNING_FLARED, "morning_flared", LOADWISE_REASON_KIND_FAMILY,
    FIGURE_MORNING | FIGURE_BASELINE },
  { LOADWISE_REASON_MORNINGS_ROSE, "mornings_rose", LOADWISE_REASON_KIND_FAMILY, 0 },
  { LOADWISE_REASON_FLARE_WEEK, "flare_week", LOADWISE_REASON_KIND_FAMILY, 0 },
  { LOADWISE_REASON_ALL_SKIPPED, "all_skipped", LOADWISE_REASON_KIND_FAMILY, 0 },
  { LOADWISE_REASON_COMPLETION_LOW, "completion_low", LOADWISE_REASON_KIND_FAMILY, FIGURE_PERCENT },
  { LOADWISE_REASON_GATES_OPEN, "gates_open", LOADWISE_REASON_KIND_FAMILY,
    FIGURE_PERCENT | FIGURE_PAIN },
  { LOADWISE_REASON_TOP_CLIMBS, "top_climbs", LOADWISE_REASON_KIND_FAMILY, FIGURE_TARGET },
  { LOADWISE_REASON_TOP_REACHED, "top_reached", LOADWISE_REASON_KIND_FAMILY, 0 },
  { LOADWISE_REASON_SETS_SHORT, "sets_short", LOADWISE_REASON_KIND_FAMILY,
    FIGURE_PERCENT | FIGURE_NEEDED },
  { LOADWISE_REASON_SETS_SHORT_SKIPPED, "sets_short_skipped", LOADWISE_REASON_KIND_FAMILY,
    FIGURE_PERCENT | FIGURE_NEEDED },
  { LOADWISE_REASON_SETS_SHORT_FLARE, "sets_short_flare", LOADWISE_REASON_KIND_FAMILY,
    FIGURE_PERCENT | FIGURE_NEEDED },
  { LOADWISE_REASON_PAIN_NOT_RATED, "pain_not_rated", LOADWISE_REASON_KIND_FAMILY, 0 },
  { LOADWISE_REASON_PAIN_ABOVE_SAFE, "pain_above_safe", LOADWISE_REASON_KIND_FAMILY,
    FIGURE_PAIN | FIGURE_SAFE | FIGURE_MAX },
  { LOADWISE_REASON_NO_CHECKINS, "no_checkins", LOADWISE_REASON_KIND_FAMILY, 0 },
  { LOADWISE_REASON_MORNING_UNSETTLED, "morning_unsettled", LOADWISE_REASON_KIND_FAMILY,
    FIGURE_MORNING | FIGURE_BASELINE },
  { LOADWISE_REASON_TARGET_CLIMBS, "target_climbs", LOADWISE_REASON_KIND_FAMILY, FIGURE_TARGET },
  { LOADWISE_REASON_MAINTENANCE, "maintenance", LOADWISE_REASON_KIND_FAMILY, 0 },
  { LOADWISE_REASON_TWO_REGRESS, "two_regress", LOADWISE_REASON_KIND_CLINICIAN, 0 },
  { LOADWISE_REASON_NO_IMPROVEMENT, "no_improvement", LOADWISE_REASON_KIND_CLINICIAN,
    FIGURE_WEEK | FIGURE_BASELINE | FIGURE_MEAN },
  { LOADWISE_REASON_FLARE_AT_START, "flare_at_start", LOADWISE_REASON_KIND_FAMILY, 0 },
};

typedef struct {
  Figure      figure;
  const char *key;
  gsize       offset;
  guint       min;
  guint       max;
  gboolean    tenths;  /* written as a pain with one decimal */
} FigureInfo;

static const FigureInfo figure_info[] = {
  { FIGURE_PERCENT, "pct", G_STRUCT_OFFSET (LoadwiseReason, percent), 0, 100, FALSE },
  { FIGURE_NEEDED, "need", G_STRUCT_OFFSET (LoadwiseReason, percent_needed), 0, 100, FALSE },
  { FIGURE_PAIN, "pain", G_STRUCT_OFFSET (LoadwiseReason, pain), 0, LOADWISE_PAIN_MAX, FALSE },
  { FIGURE_SAFE, "safe", G_STRUCT_OFFSET (LoadwiseReason, safe_pain), 0, LOADWISE_PAIN_MAX, FALSE },
  { FIGURE_MAX, "max", G_STRUCT_OFFSET (LoadwiseReason, max_pain), 0, LOADWISE_PAIN_MAX, FALSE },
  { FIGURE_MORNING, "am", G_STRUCT_OFFSET (LoadwiseReason, morning_pain), 0, LOADWISE_PAIN_MAX,
    FALSE },
  { FIGURE_BASELINE, "bl", G_STRUCT_OFFSET (LoadwiseReason, baseline_x10), 0,
    10 * LOADWISE_PAIN_MAX, TRUE },
  { FIGURE_TARGET, "tgt", G_STRUCT_OFFSET (LoadwiseReason, target), 1, 999, FALSE },
  { FIGURE_WEEK, "wk", G_STRUCT_OFFSET (LoadwiseReason, week), 1, 999, FALSE },
  { FIGURE_MEAN, "mean", G_STRUCT_OFFSET (LoadwiseReason, mean_x10), 0, 10 * LOADWISE_PAIN_MAX,
    TRUE },
};

#define FIGURE_FIELD(reason, info) (*(guint *) ((guint8 *) (reason) + (info)->offset))

/* Every key the parser knows, figures included. */
static const char * const keys[] = {
  "k", "f", "d", "from", "l", "c", "unit", "rev",
  "pct", "need", "pain", "safe", "max", "am", "bl", "tgt", "wk", "mean",
};

enum { KEY_KIND, KEY_FAMILY, KEY_DECISION, KEY_FROM, KEY_LEVEL, KEY_CAUSES, KEY_UNIT, KEY_REVISED,
       KEY_FIRST_FIGURE };

G_STATIC_ASSERT (G_N_ELEMENTS (keys) == KEY_FIRST_FIGURE + G_N_ELEMENTS (figure_info));

static const CauseInfo *
lookup_cause (LoadwiseReasonCause cause)
{
  for (guint i = 0; i < G_N_ELEMENTS (cause_info); i++)
    if (cause_info[i].cause == cause)
      return &cause_info[i];
  return NULL;
}

void
loadwise_reason_init_start (LoadwiseReason *out,
                            LoadwiseFamily  family,
                            guint           level,
                            gboolean        in_flare)
{
  g_return_if_fail (out != NULL);

  memset (out, 0, sizeof *out);
  out->kind = LOADWISE_REASON_KIND_FAMILY;
  out->family = family;
  out->decision = LOADWISE_DECISION_START;
  out->from_level = level;
  out->level = level;
  out->causes = in_flare ? LOADWISE_REASON_FLARE_AT_START : 0;
}

const char *
loadwise_reason_cause_to_string (LoadwiseReasonCause cause)
{
  const CauseInfo *info = lookup_cause (cause);

  return info != NULL ? info->id : NULL;
}

/* @causes without those of the other kind. */
static guint
causes_of_kind (guint              causes,
                LoadwiseReasonKind kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (cause_info); i++)
    if (cause_info[i].kind != kind)
      causes &= ~(guint) cause_info[i].cause;
  return causes;
}

static guint
figures_needed (guint causes)
{
  guint figures = 0;

  for (guint i = 0; i < G_N_ELEMENTS (cause_info); i++)
    if (causes & cause_info[i].cause)
      figures |= cause_info[i].figures;
  return figures;
}

void
loadwise_reason_trim (LoadwiseReason *reason)
{
  guint figures;

  g_return_if_fail (reason != NULL);

  reason->causes = causes_of_kind (reason->causes, reason->kind);
  if (reason->kind == LOADWISE_REASON_KIND_CLINICIAN)
    {
      reason->family = 0;
      reason->decision = 0;
      reason->from_level = 0;
      reason->level = 0;
    }
  figures = figures_needed (reason->causes);
  for (guint i = 0; i < G_N_ELEMENTS (figure_info); i++)
    if (!(figures & figure_info[i].figure))
      FIGURE_FIELD (reason, &figure_info[i]) = 0;
  if (!(figures & FIGURE_TARGET))
    reason->target_is_hold = FALSE;
}

gboolean
loadwise_reason_equal (const LoadwiseReason *a,
                       const LoadwiseReason *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  return a->kind == b->kind && a->family == b->family && a->decision == b->decision
         && a->from_level == b->from_level && a->level == b->level && a->causes == b->causes
         && a->percent == b->percent && a->percent_needed == b->percent_needed
         && a->pain == b->pain && a->safe_pain == b->safe_pain && a->max_pain == b->max_pain
         && a->morning_pain == b->morning_pain && a->baseline_x10 == b->baseline_x10
         && a->target == b->target && !a->target_is_hold == !b->target_is_hold
         && a->week == b->week && a->mean_x10 == b->mean_x10 && !a->revised == !b->revised;
}

/* "2" or "2.5", with the locale's decimal point. */
static char *
format_tenths (guint x10)
{
  if (x10 % 10 == 0)
    return g_strdup_printf ("%u", x10 / 10);
  return g_strdup_printf ("%.1f", x10 / 10.0);
}

static char *
render_headline (const LoadwiseReason *reason)
{
  const char *label = loadwise_family_get_label (reason->family);

  switch (reason->decision)
    {
    case LOADWISE_DECISION_START:
      /* Translators: the headline of a week's decision. %s is an exercise
       * family ("Bridge"), %u a level from 0 to 4. */
      return g_strdup_printf (_("%s: starts at level %u."), label, reason->level);
    case LOADWISE_DECISION_PROGRESS:
      if (reason->level == reason->from_level)
        /* Translators: %s is an exercise family ("Bridge"), %u is 4. */
        return g_strdup_printf (_("%s: stays at level %u, the top of the ladder."), label,
                                reason->level);
      /* Translators: %s is an exercise family ("Bridge"), %u the new level. */
      return g_strdup_printf (_("%s: up to level %u."), label, reason->level);
    case LOADWISE_DECISION_HOLD:
      /* Translators: %s is an exercise family ("Bridge"), %u its level. */
      return g_strdup_printf (_("%s: stays at level %u."), label, reason->level);
    case LOADWISE_DECISION_REGRESS:
      if (reason->level == reason->from_level)
        /* Translators: %s is an exercise family ("Bridge"), %u is 0. */
        return g_strdup_printf (_("%s: stays at level %u, the gentlest level."), label,
                                reason->level);
      /* Translators: %s is an exercise family ("Bridge"), %u the new, lower level. */
      return g_strdup_printf (_("%s: down to level %u."), label, reason->level);
    case LOADWISE_DECISION_MAINTAIN:
      /* Translators: %s is an exercise family ("Bridge"), %u its level;
       * maintenance follows the programme's last week. */
      return g_strdup_printf (_("%s: maintenance at level %u."), label, reason->level);
    default:
      g_return_val_if_reached (NULL);
    }
}

static char *
render_cause (const LoadwiseReason *reason,
              LoadwiseReasonCause   cause)
{
  g_autofree char *baseline = format_tenths (reason->baseline_x10);

  switch (cause)
    {
    case LOADWISE_REASON_PAIN_ABOVE_MAX:
      /* Translators: "during" is pain during the exercises, 0-10; the
       * first %u is that pain, the second the runner's maximum. */
      return g_strdup_printf (_("Pain reached %u during, above your maximum of %u."),
                              reason->pain, reason->max_pain);
    case LOADWISE_REASON_MORNING_FLARED:
      /* Translators: %u is the highest morning pain (0-10), %s the
       * runner's usual morning pain ("2" or "2.5"). */
      return g_strdup_printf (_("A morning’s pain reached %u, 2 or more above your usual %s."),
                              reason->morning_pain, baseline);
    case LOADWISE_REASON_MORNINGS_ROSE:
      return g_strdup (_("Morning pain rose two weeks in a row."));
    case LOADWISE_REASON_FLARE_WEEK:
      return g_strdup (_("The week was in flare mode, which is not a miss; the level waits for "
                         "the hip to settle."));
    case LOADWISE_REASON_ALL_SKIPPED:
      return g_strdup (_("The week’s sessions were skipped, so there is nothing to judge yet."));
    case LOADWISE_REASON_COMPLETION_LOW:
      /* Translators: %u%% is the share of the week's sets done, "42%". */
      return g_strdup_printf (_("%u%% of sets done. What got in the way? A word in the next "
                                "session’s note helps plan around it."),
                              reason->percent);
    case LOADWISE_REASON_GATES_OPEN:
      if (reason->percent >= 100)
        /* Translators: %u is the highest pain during the exercises, 0-10. */
        return g_strdup_printf (_("Every set done, pain stayed at %u or below, mornings settled."),
                                reason->pain);
      /* Translators: %u%% is the share of sets done ("85%"), the second
       * %u the highest pain during the exercises, 0-10. */
      return g_strdup_printf (_("%u%% of sets done, pain stayed at %u or below, mornings settled."),
                              reason->percent, reason->pain);
    case LOADWISE_REASON_TOP_CLIMBS:
      if (reason->target_is_hold)
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             /* Translators: level 4 is the last level;
                                              * %u is seconds. */
                                             "The target climbs to %u-second holds instead.",
                                             "The target climbs to %u-second holds instead.",
                                             reason->target),
                                reason->target);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           /* Translators: level 4 is the last level;
                                            * %u is repetitions. */
                                           "The target climbs to %u rep a set instead.",
                                           "The target climbs to %u reps a set instead.",
                                           reason->target),
                              reason->target);
    case LOADWISE_REASON_TOP_REACHED:
      return g_strdup (_("The target is at the top of its range, the last step of the ladder."));
    case LOADWISE_REASON_SETS_SHORT:
      /* Translators: both are percentages of sets: done, and needed to
       * move up a level ("79% of sets done, and moving up needs 80%."). */
      return g_strdup_printf (_("%u%% of sets done, and moving up needs %u%%."),
                              reason->percent, reason->percent_needed);
    case LOADWISE_REASON_SETS_SHORT_SKIPPED:
      /* Translators: both are percentages of sets: done, and needed to
       * move up a level. */
      return g_strdup_printf (_("%u%% of the week’s sets done. Skipped days are not a miss, but "
                                "moving up needs %u%%."),
                              reason->percent, reason->percent_needed);
    case LOADWISE_REASON_SETS_SHORT_FLARE:
      /* Translators: both are percentages of sets: done, and needed to
       * move up a level. */
      return g_strdup_printf (_("%u%% of the week’s sets done. Flare days are not a miss, but "
                                "moving up needs %u%%."),
                              reason->percent, reason->percent_needed);
    case LOADWISE_REASON_PAIN_NOT_RATED:
      return g_strdup (_("Pain during was not rated."));
    case LOADWISE_REASON_PAIN_ABOVE_SAFE:
      /* Translators: pain during the exercises (0-10), then the runner's
       * safe level and maximum: "Pain reached 4 during, above 3 but within 5, …". */
      return g_strdup_printf (_("Pain reached %u during, above %u but within %u, and settled by "
                                "the next morning."),
                              reason->pain, reason->safe_pain, reason->max_pain);
    case LOADWISE_REASON_NO_CHECKINS:
      return g_strdup (_("No morning check-ins to show how the hip settled."));
    case LOADWISE_REASON_MORNING_UNSETTLED:
      /* Translators: %u is the highest morning pain (0-10), %s the
       * runner's usual morning pain ("2" or "2.5"). */
      return g_strdup_printf (_("A morning’s pain of %u was more than 1 above your usual %s."),
                              reason->morning_pain, baseline);
    case LOADWISE_REASON_TARGET_CLIMBS:
      if (reason->target_is_hold)
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             /* Translators: %u is seconds. */
                                             "Target reached in 2 sessions in a row, so it climbs "
                                             "to %u-second holds.",
                                             "Target reached in 2 sessions in a row, so it climbs "
                                             "to %u-second holds.",
                                             reason->target),
                                reason->target);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           /* Translators: %u is repetitions. */
                                           "Target reached in 2 sessions in a row, so it climbs "
                                           "to %u rep a set.",
                                           "Target reached in 2 sessions in a row, so it climbs "
                                           "to %u reps a set.",
                                           reason->target),
                              reason->target);
    case LOADWISE_REASON_MAINTENANCE:
      return g_strdup (_("Two sessions a week keep what you built."));
    case LOADWISE_REASON_TWO_REGRESS:
      return g_strdup (_("Two weeks in a row needed a step down. A physiotherapist or doctor can "
                         "look at what keeps the hip irritated. The programme carries on "
                         "meanwhile at the levels below."));
    case LOADWISE_REASON_FLARE_AT_START:
      return g_strdup (_("A flare is on, so every exercise starts at the gentlest level."));
    case LOADWISE_REASON_NO_IMPROVEMENT:
      {
        g_autofree char *mean = format_tenths (reason->mean_x10);

        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             /* Translators: %d is a number of weeks; the
                                              * two %s are mean morning pains, "from 4
                                              * to 3.5". */
                                             "After %d week of steady work, morning pain has not "
                                             "come down by 2 points or 30%% (from %s to %s). A "
                                             "physiotherapist or doctor can check what else is "
                                             "going on. The programme carries on meanwhile.",
                                             "After %d weeks of steady work, morning pain has not "
                                             "come down by 2 points or 30%% (from %s to %s). A "
                                             "physiotherapist or doctor can check what else is "
                                             "going on. The programme carries on meanwhile.",
                                             reason->week),
                                (int) reason->week, baseline, mean);
      }
    default:
      g_return_val_if_reached (NULL);
    }
}

static char *
render (const LoadwiseReason *reason,
        gboolean              headline)
{
  g_autoptr (GPtrArray) sentences = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (reason != NULL, NULL);

  if (headline && reason->kind == LOADWISE_REASON_KIND_FAMILY)
    g_ptr_array_add (sentences, render_headline (reason));
  for (guint i = 0; i < G_N_ELEMENTS (cause_info); i++)
    if ((reason->causes & cause_info[i].cause) && cause_info[i].kind == reason->kind)
      g_ptr_array_add (sentences, render_cause (reason, cause_info[i].cause));
  if (reason->revised)
    g_ptr_array_add (sentences, g_strdup (_("Revised: entries logged after the week ended now "
                                            "count.")));
  g_ptr_array_add (sentences, NULL);
  /* Whole sentences side by side: no translated piece is built into
   * another. */
  return g_strjoinv (" ", (char **) sentences->pdata);
}

char *
loadwise_reason_to_string (const LoadwiseReason *reason)
{
  return render (reason, TRUE);
}

char *
loadwise_reason_details_to_string (const LoadwiseReason *reason)
{
  return render (reason, FALSE);
}

static void
append_tenths (GString *out,
               guint    x10)
{
  if (x10 % 10 == 0)
    g_string_append_printf (out, "%u", x10 / 10);
  else
    g_string_append_printf (out, "%u.%u", x10 / 10, x10 % 10);
}

char *
loadwise_reason_serialize (const LoadwiseReason *reason)
{
  g_autoptr (GString) out = g_string_new (NULL);
  guint figures;
  gboolean first = TRUE;

  g_return_val_if_fail (reason != NULL, NULL);

  g_string_append_printf (out, "v%d", LOADWISE_REASON_FORMAT_VERSION);
  if (reason->kind == LOADWISE_REASON_KIND_FAMILY)
    g_string_append_printf (out, ";k=family;f=%s;d=%s;from=%u;l=%u",
                            loadwise_family_to_string (reason->family),
                            loadwise_decision_to_string (reason->decision),
                            reason->from_level, reason->level);
  else
    g_string_append (out, ";k=clinician");

  g_string_append (out, ";c=");
  for (guint i = 0; i < G_N_ELEMENTS (cause_info); i++)
    if ((reason->causes & cause_info[i].cause) && cause_info[i].kind == reason->kind)
      {
        if (!first)
          g_string_append_c (out, ',');
        g_string_append (out, cause_info[i].id);
        first = FALSE;
      }

  figures = figures_needed (causes_of_kind (reason->causes, reason->kind));
  for (guint i = 0; i < G_N_ELEMENTS (figure_info); i++)
    {
      const FigureInfo *info = &figure_info[i];

      if (!(figures & info->figure))
        continue;
      g_string_append_printf (out, ";%s=", info->key);
      if (info->tenths)
        append_tenths (out, FIGURE_FIELD (reason, info));
      else
        g_string_append_printf (out, "%u", FIGURE_FIELD (reason, info));
      if (info->figure == FIGURE_TARGET)
        g_string_append (out, reason->target_is_hold ? ";unit=s" : ";unit=reps");
    }
  if (reason->revised)
    g_string_append (out, ";rev=1");
  return g_string_free (g_steal_pointer (&out), FALSE);
}

G_GNUC_PRINTF (3, 4)
static gboolean
fail (GError    **error,
      const char *field,
      const char *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT, "%s: %s", field, message);
  return FALSE;
}

/* A whole number without sign or leading zeros, within @min-@max. */
static gboolean
parse_uint (const char *key,
            const char *value,
            guint       min,
            guint       max,
            guint      *out,
            GError    **error)
{
  gsize length = strlen (value);
  guint number = 0;

  if (length == 0 || length > 3 || (length > 1 && value[0] == '0'))
    goto bad;
  for (gsize i = 0; i < length; i++)
    {
      if (!g_ascii_isdigit (value[i]))
        goto bad;
      number = number * 10 + (guint) (value[i] - '0');
    }
  if (number < min || number > max)
    goto bad;
  *out = number;
  return TRUE;

bad:
  return fail (error, key, "“%s” is not a whole number from %u to %u", value, min, max);
}

/* "2", "2.5" or "10": a pain with at most one decimal, in tenths. */
static gboolean
parse_tenths (const char *key,
              const char *value,
              guint       max_x10,
              guint      *out,
              GError    **error)
{
  g_auto (GStrv) parts = g_strsplit (value, ".", 3);
  guint whole = 0;
  guint tenth = 0;

  if (parts[0] == NULL || (parts[1] != NULL && parts[2] != NULL)
      || !parse_uint (key, parts[0], 0, max_x10 / 10, &whole, NULL)
      || (parts[1] != NULL
          && (strlen (parts[1]) != 1 || !parse_uint (key, parts[1], 0, 9, &tenth, NULL)))
      || whole * 10 + tenth > max_x10)
    return fail (error, key, "“%s” is not a number from 0 to %u with at most one decimal", value,
                 max_x10 / 10);
  *out = whole * 10 + tenth;
  return TRUE;
}

static gboolean
parse_causes (const char         *value,
              LoadwiseReasonKind  kind,
              guint              *out,
              GError            **error)
{
  g_auto (GStrv) ids = NULL;
  guint causes = 0;

  *out = 0;
  if (*value == '\0')
    return TRUE;
  ids = g_strsplit (value, ",", -1);
  for (guint n = 0; ids[n] != NULL; n++)
    {
      const CauseInfo *info = NULL;

      for (guint i = 0; i < G_N_ELEMENTS (cause_info); i++)
        if (strcmp (ids[n], cause_info[i].id) == 0)
          info = &cause_info[i];
      if (info == NULL)
        return fail (error, "c", "unknown cause “%s”", ids[n]);
      if (info->kind != kind)
        return fail (error, "c", "“%s” is not a cause of a %s reason", ids[n],
                     kind == LOADWISE_REASON_KIND_FAMILY ? "family" : "clinician");
      if (causes & info->cause)
        return fail (error, "c", "“%s” is given twice", ids[n]);
      causes |= info->cause;
    }
  *out = causes;
  return TRUE;
}

gboolean
loadwise_reason_parse (const char      *text,
                       LoadwiseReason  *out,
                       GError         **error)
{
  g_auto (GStrv) fields = NULL;
  const char *values[G_N_ELEMENTS (keys)] = { NULL };
  LoadwiseReason reason = { 0 };
  g_autofree char *version = NULL;
  gsize length;
  guint figures;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  length = strlen (text);
  if (length > MAX_TEXT_LENGTH)
    return fail (error, "reason", "longer than %d characters", MAX_TEXT_LENGTH);
  /* ASCII only, so every value can be quoted in a message as it is. */
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isalnum (text[i]) && strchr ("_-.,;=", text[i]) == NULL)
      return fail (error, "reason",
                   "character %" G_GSIZE_FORMAT " is not a letter, digit or one of _-.,;=", i + 1);

  fields = g_strsplit (text, ";", -1);
  version = g_strdup_printf ("v%d", LOADWISE_REASON_FORMAT_VERSION);
  if (fields[0] == NULL || fields[0][0] != 'v')
    return fail (error, "version", "missing: the text does not start with “%s”", version);
  if (strcmp (fields[0], version) != 0)
    return fail (error, "version", "“%s” is not known; this version reads “%s”", fields[0],
                 version);

  for (guint n = 1; fields[n] != NULL; n++)
    {
      char *equals = strchr (fields[n], '=');
      guint key;

      if (equals == NULL || equals == fields[n])
        return fail (error, "reason", "“%s” is not a key=value field", fields[n]);
      *equals = '\0';
      for (key = 0; key < G_N_ELEMENTS (keys); key++)
        if (strcmp (fields[n], keys[key]) == 0)
          break;
      if (key == G_N_ELEMENTS (keys))
        return fail (error, "reason", "unknown field “%s”", fields[n]);
      if (values[key] != NULL)
        return fail (error, keys[key], "given twice");
      values[key] = equals + 1;
    }

  if (values[KEY_KIND] == NULL)
    return fail (error, "k", "missing");
  if (strcmp (values[KEY_KIND], "family") == 0)
    {
      guint level;

      reason.kind = LOADWISE_REASON_KIND_FAMILY;
      for (guint key = KEY_FAMILY; key <= KEY_LEVEL; key++)
        if (values[key] == NULL)
          return fail (error, keys[key], "missing");
      if (!loadwise_family_from_string (values[KEY_FAMILY], &reason.family))
        return fail (error, "f", "unknown family “%s”", values[KEY_FAMILY]);
      if (!loadwise_decision_from_string (values[KEY_DECISION], &reason.decision))
        return fail (error, "d", "unknown decision “%s”", values[KEY_DECISION]);
      if (!parse_uint ("from", values[KEY_FROM], LOADWISE_LEVEL_MIN, LOADWISE_LEVEL_MAX, &level,
                       error))
        return FALSE;
      reason.from_level = level;
      if (!parse_uint ("l", values[KEY_LEVEL], LOADWISE_LEVEL_MIN, LOADWISE_LEVEL_MAX, &level,
                       error))
        return FALSE;
      reason.level = level;
    }
  else if (strcmp (values[KEY_KIND], "clinician") == 0)
    {
      reason.kind = LOADWISE_REASON_KIND_CLINICIAN;
      for (guint key = KEY_FAMILY; key <= KEY_LEVEL; key++)
        if (values[key] != NULL)
          return fail (error, keys[key], "not part of a clinician reason");
    }
  else
    return fail (error, "k", "unknown kind “%s”", values[KEY_KIND]);

  if (values[KEY_CAUSES] == NULL)
    return fail (error, "c", "missing");
  if (!parse_causes (values[KEY_CAUSES], reason.kind, &reason.causes, error))
    return FALSE;

  figures = figures_needed (reason.causes);
  for (guint i = 0; i < G_N_ELEMENTS (figure_info); i++)
    {
      const FigureInfo *info = &figure_info[i];
      const char *value = values[KEY_FIRST_FIGURE + i];
      gboolean needed = (figures & info->figure) != 0;

      if (value == NULL && needed)
        return fail (error, info->key, "missing, and the causes need it");
      if (value != NULL && !needed)
        return fail (error, info->key, "given, but no cause uses it");
      if (value == NULL)
        continue;
      if (info->tenths ? !parse_tenths (info->key, value, info->max, &FIGURE_FIELD (&reason, info),
                                        error)
                       : !parse_uint (info->key, value, info->min, info->max,
                                      &FIGURE_FIELD (&reason, info), error))
        return FALSE;
    }

  if ((figures & FIGURE_TARGET) && values[KEY_UNIT] == NULL)
    return fail (error, "unit", "missing, and the causes need it");
  if (!(figures & FIGURE_TARGET) && values[KEY_UNIT] != NULL)
    return fail (error, "unit", "given, but no cause uses it");
  if (values[KEY_UNIT] != NULL)
    {
      if (strcmp (values[KEY_UNIT], "s") == 0)
        reason.target_is_hold = TRUE;
      else if (strcmp (values[KEY_UNIT], "reps") != 0)
        return fail (error, "unit", "“%s” is not reps or s", values[KEY_UNIT]);
    }

  if (values[KEY_REVISED] != NULL)
    {
      if (strcmp (values[KEY_REVISED], "1") == 0)
        reason.revised = TRUE;
      else if (strcmp (values[KEY_REVISED], "0") != 0)
        return fail (error, "rev", "“%s” is not 0 or 1", values[KEY_REVISED]);
    }

  *out = reason;
  return TRUE;
}
