/* loadwise-insights.c: which load factors go with the runner's pain
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "core/loadwise-insights.h"

void
loadwise_insight_free (LoadwiseInsight *insight)
{
  if (insight == NULL)
    return;
  g_free (insight->factor);
  g_free (insight->text);
  g_free (insight);
}

const char *
loadwise_insight_lag_to_string (LoadwiseInsightLag lag)
{
  return lag == LOADWISE_INSIGHT_SAME_DAY ? "same-day" : "next-morning";
}

/* Spearman */

typedef struct {
  double value;
  gsize  index;
} Ranked;

static int
compare_ranked (gconstpointer a,
                gconstpointer b)
{
  const Ranked *x = a;
  const Ranked *y = b;

  if (x->value != y->value)
    return x->value < y->value ? -1 : 1;
  return x->index < y->index ? -1 : x->index > y->index;
}

/* 1-based ranks, ties sharing their mean rank. */
static double *
rank (const double *values,
      gsize         n)
{
  g_autofree Ranked *sorted = g_new (Ranked, n);
  double *ranks = g_new (double, n);
  gsize i = 0;

  for (gsize k = 0; k < n; k++)
    sorted[k] = (Ranked) { values[k], k };
  qsort (sorted, n, sizeof *sorted, compare_ranked);

  while (i < n)
    {
      gsize j = i;
      double mean_rank;

      while (j + 1 < n && sorted[j + 1].value == sorted[i].value)
        j++;
      mean_rank = (i + j) / 2.0 + 1.0;
      for (gsize k = i; k <= j; k++)
        ranks[sorted[k].index] = mean_rank;
      i = j + 1;
    }
  return ranks;
}

double
loadwise_spearman (const double *x,
                   const double *y,
                   gsize         n)
{
  g_autofree double *rx = NULL;
  g_autofree double *ry = NULL;
  double mean = (n + 1) / 2.0;
  double sxy = 0, sxx = 0, syy = 0;

  if (n < 2)
    return NAN;
  g_return_val_if_fail (x != NULL && y != NULL, NAN);

  /* Pearson's r of the ranks: correct with ties, unlike the d^2 shortcut. */
  rx = rank (x, n);
  ry = rank (y, n);
  for (gsize i = 0; i < n; i++)
    {
      sxy += (rx[i] - mean) * (ry[i] - mean);
      sxx += (rx[i] - mean) * (rx[i] - mean);
      syy += (ry[i] - mean) * (ry[i] - mean);
    }
  if (sxx == 0 || syy == 0)
    return NAN;
  return sxy / sqrt (sxx * syy);
}

/* Gathering */

typedef struct {
  const LoadwiseInsightData *data;
  GHashTable                *checkins;  /* julian -> const LoadwiseCheckin* */
  GPtrArray                 *out;
} Context;

/* The next morning's pain after day @julian; FALSE when not checked in. */
static gboolean
morning_after (Context *ctx,
               guint    julian,
               double  *out_pain)
{
  const LoadwiseCheckin *checkin = g_hash_table_lookup (ctx->checkins, GUINT_TO_POINTER (julian + 1));

  if (checkin == NULL)
    return FALSE;
  *out_pain = checkin->morning_pain;
  return TRUE;
}

static double
same_day_pain (const LoadwiseRun *run)
{
  return run->has_pain_after ? run->pain_after : run->pain_during;
}

static double
mean (GArray *values)
{
  double sum = 0;

  for (guint i = 0; i < values->len; i++)
    sum += g_array_index (values, double, i);
  return sum / values->len;
}

static char *
count_text (guint    n,
            gboolean days)
{
  if (days)
    return g_strdup_printf (ngettext ("%u day", "%u days", n), n);
  return g_strdup_printf (ngettext ("%u run", "%u runs", n), n);
}

static void
add_comparison (Context            *ctx,
                const char         *factor,
                LoadwiseInsightLag  lag,
                GArray             *with,
                GArray             *without,
                gboolean            days,
                const char         *with_phrase,
                const char         *without_phrase)
{
  g_autofree char *n_with_text = NULL;
  g_autofree char *n_without_text = NULL;
  LoadwiseInsight *insight;
  double difference;

  /* PROGRAMME.md: at least 3 cases on each side. */
  if (with->len < LOADWISE_INSIGHT_MIN_CASES || without->len < LOADWISE_INSIGHT_MIN_CASES)
    return;
  difference = mean (with) - mean (without);
  /* (design) under a point is not worth a card. */
  if (fabs (difference) < LOADWISE_INSIGHT_MIN_DIFFERENCE)
    return;

  insight = g_new0 (LoadwiseInsight, 1);
  insight->kind = LOADWISE_INSIGHT_COMPARISON;
  insight->factor = g_strdup (factor);
  insight->lag = lag;
  insight->n_with = with->len;
  insight->n_without = without->len;
  insight->mean_with = mean (with);
  insight->mean_without = mean (without);
  insight->difference = difference;

  n_with_text = count_text (with->len, days);
  n_without_text = count_text (without->len, days);
  insight->text = g_strdup_printf (lag == LOADWISE_INSIGHT_SAME_DAY
                                   /* Translators: "Pain after the run averaged 4.8 after
                                    * runs with 200 m or more of descent (6 runs) and 2.1
                                    * after runs with less descent (9 runs). ..." */
                                   ? _("Pain after the run averaged %.1f %s (%s) and %.1f %s (%s).")
                                   : _("Next-morning pain averaged %.1f %s (%s) and %.1f %s (%s)."),
                                   insight->mean_with, with_phrase, n_with_text,
                                   insight->mean_without, without_phrase, n_without_text);
  g_ptr_array_add (ctx->out, insight);
}

static void
add_correlation (Context            *ctx,
                 const char         *factor,
                 LoadwiseInsightLag  lag,
                 GArray             *amounts,
                 GArray             *pains,
                 const char         *amount_name)
{
  LoadwiseInsight *insight;
  double rho;

  if (amounts->len < LOADWISE_INSIGHT_MIN_CORR_N)
    return;
  rho = loadwise_spearman ((const double *) (gpointer) amounts->data,
                           (const double *) (gpointer) pains->data, amounts->len);
  if (isnan (rho) || fabs (rho) < LOADWISE_INSIGHT_MIN_RHO)
    return;

  insight = g_new0 (LoadwiseInsight, 1);
  insight->kind = LOADWISE_INSIGHT_CORRELATION;
  insight->factor = g_strdup (factor);
  insight->lag = lag;
  insight->rho = rho;
  insight->n = amounts->len;
  if (lag == LOADWISE_INSIGHT_SAME_DAY)
    insight->text = g_strdup_printf (rho > 0
                                     /* Translators: "Across 14 runs, more descent went with more
                                      * pain after the run (rank correlation 0.62). ..." */
                                     ? _("Across %u runs, more %s went with more pain after the run "
                                         "(rank correlation %.2f).")
                                     : _("Across %u runs, more %s went with less pain after the run "
                                         "(rank correlation %.2f)."),
                                     insight->n, amount_name, rho);
  else
    insight->text = g_strdup_printf (rho > 0
                                     ? _("Across %u runs, more %s went with more pain the next morning "
                                         "(rank correlation %.2f).")
                                     : _("Across %u runs, more %s went with less pain the next morning "
                                         "(rank correlation %.2f)."),
                                     insight->n, amount_name, rho);
  g_ptr_array_add (ctx->out, insight);
}

typedef enum {
  RUN_FACTOR_CLIMB,
  RUN_FACTOR_DESCENT,
  RUN_FACTOR_SPEED,
  RUN_FACTOR_LONG,
  RUN_FACTOR_CAMBER,
  RUN_FACTOR_SURFACE,
  RUN_FACTOR_SHOE,
} RunFactor;

static gboolean
run_has (const Context     *ctx,
         RunFactor          factor,
         gint64             arg,
         const LoadwiseRun *run)
{
  switch (factor)
    {
    case RUN_FACTOR_CLIMB:
      return run->climb_m >= LOADWISE_INSIGHT_HILL_M;
    case RUN_FACTOR_DESCENT:
      return run->descent_m >= LOADWISE_INSIGHT_HILL_M;
    case RUN_FACTOR_SPEED:
      return run->speed;
    case RUN_FACTOR_LONG:
      return loadwise_run_is_long (run, ctx->data->runs);
    case RUN_FACTOR_CAMBER:
      return run->camber != LOADWISE_CAMBER_NONE;
    case RUN_FACTOR_SURFACE:
      return (gint64) run->surface == arg;
    case RUN_FACTOR_SHOE:
      return run->shoe_id == arg;
    default:
      g_return_val_if_reached (FALSE);
    }
}

static void
compare_runs (Context    *ctx,
              RunFactor   factor,
              gint64      arg,
              const char *id,
              const char *with_phrase,
              const char *without_phrase)
{
  GPtrArray *runs = ctx->data->runs;
  g_autoptr (GArray) same_with = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) same_without = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) next_with = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) next_without = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < runs->len; i++)
    {
      const LoadwiseRun *run = g_ptr_array_index (runs, i);
      gboolean has = run_has (ctx, factor, arg, run);
      double pain = same_day_pain (run);

      g_array_append_val (has ? same_with : same_without, pain);
      if (morning_after (ctx, g_date_get_julian (&run->date), &pain))
        g_array_append_val (has ? next_with : next_without, pain);
    }

  add_comparison (ctx, id, LOADWISE_INSIGHT_SAME_DAY, same_with, same_without, FALSE,
                  with_phrase, without_phrase);
  add_comparison (ctx, id, LOADWISE_INSIGHT_NEXT_MORNING, next_with, next_without, FALSE,
                  with_phrase, without_phrase);
}

typedef enum {
  RUN_AMOUNT_DESCENT,          /* metres */
  RUN_AMOUNT_DESCENT_PER_KM,   /* metres per kilometre: how steep the run was downhill */
  RUN_AMOUNT_DISTANCE,         /* metres */
} RunAmount;

static double
run_amount (RunAmount          kind,
            const LoadwiseRun *run)
{
  switch (kind)
    {
    case RUN_AMOUNT_DESCENT:
      return run->descent_m;
    case RUN_AMOUNT_DESCENT_PER_KM:
      /* A stored run is at least LOADWISE_RUN_DISTANCE_MIN_M long. */
      return run->distance_m > 0 ? run->descent_m * 1000.0 / run->distance_m : 0;
    case RUN_AMOUNT_DISTANCE:
      return run->distance_m;
    default:
      g_return_val_if_reached (0);
    }
}

static void
correlate_runs (Context    *ctx,
                RunAmount   kind,
                const char *id,
                const char *amount_name)
{
  GPtrArray *runs = ctx->data->runs;
  g_autoptr (GArray) same_x = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) same_y = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) next_x = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) next_y = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < runs->len; i++)
    {
      const LoadwiseRun *run = g_ptr_array_index (runs, i);
      double amount = run_amount (kind, run);
      double pain = same_day_pain (run);

      g_array_append_val (same_x, amount);
      g_array_append_val (same_y, pain);
      if (morning_after (ctx, g_date_get_julian (&run->date), &pain))
        {
          g_array_append_val (next_x, amount);
          g_array_append_val (next_y, pain);
        }
    }
  add_correlation (ctx, id, LOADWISE_INSIGHT_SAME_DAY, same_x, same_y, amount_name);
  add_correlation (ctx, id, LOADWISE_INSIGHT_NEXT_MORNING, next_x, next_y, amount_name);
}

/* Habits ticked on the morning of D describe the day before: their
 * outcome is D's own morning pain. */
static void
compare_habit (Context    *ctx,
               gboolean    slept,
               const char *id,
               const char *with_phrase,
               const char *without_phrase)
{
  g_autoptr (GArray) with = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) without = g_array_new (FALSE, FALSE, sizeof (double));

  for (gsize i = 0; i < ctx->data->n_habits; i++)
    {
      const LoadwiseHabits *habits = &ctx->data->habits[i];
      gboolean has = slept ? habits->slept_on_side : habits->crossed_legs;
      double pain;

      if (morning_after (ctx, g_date_get_julian (&habits->date) - 1, &pain))
        g_array_append_val (has ? with : without, pain);
    }
  add_comparison (ctx, id, LOADWISE_INSIGHT_NEXT_MORNING, with, without, TRUE,
                  with_phrase, without_phrase);
}

static void
compare_sessions (Context *ctx)
{
  const LoadwiseInsightData *data = ctx->data;
  g_autoptr (GHashTable) days = g_hash_table_new (NULL, NULL);
  g_autoptr (GArray) same_with = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) same_without = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) next_with = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) next_without = g_array_new (FALSE, FALSE, sizeof (double));
  guint first = G_MAXUINT;

  for (gsize i = 0; i < data->n_session_days; i++)
    {
      guint j = g_date_get_julian (&data->session_days[i]);

      g_hash_table_add (days, GUINT_TO_POINTER (j));
      first = MIN (first, j);
    }
  if (first == G_MAXUINT)
    return;

  /* Only days since the first session: before it there was no choice. */
  for (guint i = 0; i < data->runs->len; i++)
    {
      const LoadwiseRun *run = g_ptr_array_index (data->runs, i);
      guint j = g_date_get_julian (&run->date);
      double pain = same_day_pain (run);

      if (j >= first)
        g_array_append_val (g_hash_table_contains (days, GUINT_TO_POINTER (j)) ? same_with : same_without,
                            pain);
    }
  for (gsize i = 0; i < data->n_checkins; i++)
    {
      guint day = g_date_get_julian (&data->checkins[i].date) - 1;
      double pain = data->checkins[i].morning_pain;

      if (day >= first)
        g_array_append_val (g_hash_table_contains (days, GUINT_TO_POINTER (day)) ? next_with : next_without,
                            pain);
    }

  add_comparison (ctx, "glute-session", LOADWISE_INSIGHT_SAME_DAY, same_with, same_without, FALSE,
                  _("on days with a glute session"), _("on other days"));
  add_comparison (ctx, "glute-session", LOADWISE_INSIGHT_NEXT_MORNING, next_with, next_without, TRUE,
                  _("after days with a glute session"), _("after other days"));
}

static int
compare_findings (gconstpointer a,
                  gconstpointer b)
{
  const LoadwiseInsight *x = *(LoadwiseInsight * const *) a;
  const LoadwiseInsight *y = *(LoadwiseInsight * const *) b;
  double size_x;
  double size_y;

  if (x->kind != y->kind)
    return x->kind == LOADWISE_INSIGHT_COMPARISON ? -1 : 1;
  size_x = fabs (x->kind == LOADWISE_INSIGHT_COMPARISON ? x->difference : x->rho);
  size_y = fabs (y->kind == LOADWISE_INSIGHT_COMPARISON ? y->difference : y->rho);
  if (size_x != size_y)
    return size_x > size_y ? -1 : 1;
  /* A stable order for equal sizes: by factor, then same day first. */
  if (strcmp (x->factor, y->factor) != 0)
    return strcmp (x->factor, y->factor);
  return (int) x->lag - (int) y->lag;
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

GPtrArray *
loadwise_insights_compute (const LoadwiseInsightData *data)
{
  g_autoptr (GHashTable) checkins = g_hash_table_new (NULL, NULL);
  g_autoptr (GArray) shoes = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) loadwise_insight_free);
  Context ctx = { data, checkins, out };
  guint surface_counts[LOADWISE_N_SURFACES] = { 0 };
  guint reference = 0;

  g_return_val_if_fail (data != NULL && data->runs != NULL, NULL);
  g_return_val_if_fail (data->checkins != NULL || data->n_checkins == 0, NULL);
  g_return_val_if_fail (data->habits != NULL || data->n_habits == 0, NULL);
  g_return_val_if_fail (data->session_days != NULL || data->n_session_days == 0, NULL);

  for (gsize i = 0; i < data->n_checkins; i++)
    g_hash_table_insert (checkins, GUINT_TO_POINTER (g_date_get_julian (&data->checkins[i].date)),
                         (gpointer) &data->checkins[i]);

  /* Hills, and downhills above all (Telhan 2010, Vernillo 2017). */
  compare_runs (&ctx, RUN_FACTOR_CLIMB, 0, "climb",
                _("after runs with 200 m or more of climb"), _("after flatter runs"));
  compare_runs (&ctx, RUN_FACTOR_DESCENT, 0, "descent",
                _("after runs with 200 m or more of descent"), _("after runs with less descent"));
  compare_runs (&ctx, RUN_FACTOR_SPEED, 0, "speed",
                _("after speed work"), _("after runs without speed work"));
  compare_runs (&ctx, RUN_FACTOR_LONG, 0, "long",
                _("after long runs"), _("after shorter runs"));
  compare_runs (&ctx, RUN_FACTOR_CAMBER, 0, "camber",
                _("after runs on cambered roads"), _("after runs on level ground"));
  /* Each surface against the rest, except the most used one: it is the
   * reference, and with two surfaces its finding would only mirror the
   * other's. */
  for (guint i = 0; i < data->runs->len; i++)
    surface_counts[((const LoadwiseRun *) g_ptr_array_index (data->runs, i))->surface]++;
  for (guint surface = 1; surface < LOADWISE_N_SURFACES; surface++)
    if (surface_counts[surface] > surface_counts[reference])
      reference = surface;
  for (guint surface = 0; surface < LOADWISE_N_SURFACES; surface++)
    {
      g_autofree char *id = g_strdup_printf ("surface-%s", loadwise_surface_to_string (surface));
      g_autofree char *label = g_utf8_strdown (loadwise_surface_get_label (surface), -1);
      /* Translators: "after runs on trail", with the surface's name */
      g_autofree char *with_phrase = g_strdup_printf (_("after runs on %s"), label);

      if (surface == reference)
        continue;
      compare_runs (&ctx, RUN_FACTOR_SURFACE, surface, id, with_phrase, _("after runs on other surfaces"));
    }

  for (guint i = 0; i < data->runs->len; i++)
    {
      const LoadwiseRun *run = g_ptr_array_index (data->runs, i);
      gboolean seen = FALSE;

      for (guint k = 0; k < shoes->len && !seen; k++)
        seen = g_array_index (shoes, gint64, k) == run->shoe_id;
      if (run->shoe_id != 0 && !seen)
        g_array_append_val (shoes, run->shoe_id);
    }
  g_array_sort (shoes, compare_ids);
  for (guint k = 0; k < shoes->len; k++)
    {
      gint64 shoe_id = g_array_index (shoes, gint64, k);
      const char *name = data->shoe_names != NULL ? g_hash_table_lookup (data->shoe_names, &shoe_id) : NULL;
      g_autofree char *fallback = g_strdup_printf ("%" G_GINT64_FORMAT, shoe_id);
      g_autofree char *id = g_strdup_printf ("shoe:%s", name != NULL ? name : fallback);
      /* Translators: "after runs in Pegasus 40", with the shoes' name */
      g_autofree char *with_phrase = g_strdup_printf (_("after runs in %s"), name != NULL ? name : fallback);

      compare_runs (&ctx, RUN_FACTOR_SHOE, shoe_id, id, with_phrase, _("after runs in other shoes"));
    }

  /* Lateral hip compression (Grimaldi 2015). */
  compare_habit (&ctx, FALSE, "crossed-legs",
                 _("after days you sat with your legs crossed a lot"), _("after other days"));
  compare_habit (&ctx, TRUE, "slept-on-side",
                 _("after nights on the painful side"), _("after other nights"));
  compare_sessions (&ctx);

  correlate_runs (&ctx, RUN_AMOUNT_DESCENT, "descent-m", _("descent"));
  /* (design) How steep the run was downhill as well as how much: impact
   * and eccentric load rise with the downhill grade (Vernillo 2017), so
   * the descent for each kilometre run, now that tracks measure it. */
  correlate_runs (&ctx, RUN_AMOUNT_DESCENT_PER_KM, "descent-per-km",
                  /* Translators: in "Across 14 runs, more descent per
                   * kilometre went with more pain after the run ..." */
                  _("descent per kilometre"));
  correlate_runs (&ctx, RUN_AMOUNT_DISTANCE, "distance", _("distance"));

  g_ptr_array_sort (out, compare_findings);
  return g_steal_pointer (&out);
}
