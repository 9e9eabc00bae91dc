/* loadwise-chart-series.c: series values and their per-column aggregation
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "charts/loadwise-chart-series.h"

#include <string.h>

LoadwiseChartDecision
loadwise_chart_decision_from_string (const char *text)
{
  if (g_strcmp0 (text, "start") == 0)
    return LOADWISE_CHART_DECISION_START;
  if (g_strcmp0 (text, "progress") == 0)
    return LOADWISE_CHART_DECISION_PROGRESS;
  if (g_strcmp0 (text, "regress") == 0)
    return LOADWISE_CHART_DECISION_REGRESS;
  if (text == NULL)
    return LOADWISE_CHART_DECISION_NONE;
  return LOADWISE_CHART_DECISION_HOLD;
}

static GArray *
new_values (void)
{
  return g_array_new (FALSE, TRUE, sizeof (LoadwiseDayValue));
}

void
loadwise_pain_series_init (LoadwisePainSeries *self)
{
  memset (self, 0, sizeof *self);
  self->morning = new_values ();
  self->session = new_values ();
  self->run = new_values ();
  self->flares = g_array_new (FALSE, TRUE, sizeof (LoadwiseDayRange));
}

void
loadwise_pain_series_clear (LoadwisePainSeries *self)
{
  g_clear_pointer (&self->morning, g_array_unref);
  g_clear_pointer (&self->session, g_array_unref);
  g_clear_pointer (&self->run, g_array_unref);
  g_clear_pointer (&self->flares, g_array_unref);
}

void
loadwise_adherence_series_init (LoadwiseAdherenceSeries *self)
{
  memset (self, 0, sizeof *self);
  self->weeks = g_array_new (FALSE, TRUE, sizeof (LoadwiseAdherenceWeek));
}

void
loadwise_adherence_series_clear (LoadwiseAdherenceSeries *self)
{
  g_clear_pointer (&self->weeks, g_array_unref);
}

void
loadwise_level_series_init (LoadwiseLevelSeries *self)
{
  memset (self, 0, sizeof *self);
  self->weeks = g_array_new (FALSE, TRUE, sizeof (LoadwiseLevelWeek));
}

void
loadwise_level_series_clear (LoadwiseLevelSeries *self)
{
  g_clear_pointer (&self->weeks, g_array_unref);
}

void
loadwise_run_series_init (LoadwiseRunSeries *self)
{
  memset (self, 0, sizeof *self);
  self->weeks = g_array_new (FALSE, TRUE, sizeof (LoadwiseRunWeek));
  self->spikes = new_values ();
}

void
loadwise_run_series_clear (LoadwiseRunSeries *self)
{
  g_clear_pointer (&self->weeks, g_array_unref);
  g_clear_pointer (&self->spikes, g_array_unref);
}

void
loadwise_sides_series_init (LoadwiseSidesSeries *self)
{
  memset (self, 0, sizeof *self);
  self->left = new_values ();
  self->right = new_values ();
}

void
loadwise_sides_series_clear (LoadwiseSidesSeries *self)
{
  g_clear_pointer (&self->left, g_array_unref);
  g_clear_pointer (&self->right, g_array_unref);
}

void
loadwise_chart_aggregate (const LoadwiseDayValue *values,
                          guint                   n_values,
                          guint32                 first_day,
                          guint32                 last_day,
                          guint                   n_columns,
                          LoadwiseColumnStat     *out_columns)
{
  guint64 n_days;

  g_return_if_fail (n_columns == 0 || out_columns != NULL);
  g_return_if_fail (last_day >= first_day);

  memset (out_columns, 0, n_columns * sizeof *out_columns);
  if (n_columns == 0)
    return;
  n_days = (guint64) last_day - first_day + 1;

  for (guint i = 0; i < n_values; i++)
    {
      const LoadwiseDayValue *v = &values[i];
      LoadwiseColumnStat *column;

      if (v->day < first_day || v->day > last_day)
        continue;
      column = &out_columns[((guint64) (v->day - first_day) * n_columns) / n_days];
      if (column->n == 0)
        {
          column->min = v->value;
          column->max = v->value;
        }
      else
        {
          column->min = MIN (column->min, v->value);
          column->max = MAX (column->max, v->value);
        }
      /* The running sum lives in mean until the end. */
      column->mean += v->value;
      column->n++;
    }

  for (guint c = 0; c < n_columns; c++)
    if (out_columns[c].n > 0)
      out_columns[c].mean /= out_columns[c].n;
}

GArray *
loadwise_chart_rolling_mean (const LoadwiseDayValue *values,
                             guint                   n_values,
                             guint                   window_days)
{
  GArray *means = g_array_sized_new (FALSE, TRUE, sizeof (LoadwiseDayValue), n_values);
  double sum = 0.0;
  guint start = 0;

  g_return_val_if_fail (window_days > 0, means);

  for (guint i = 0; i < n_values; i++)
    {
      LoadwiseDayValue mean;

      sum += values[i].value;
      while (values[start].day + window_days <= values[i].day)
        sum -= values[start++].value;
      mean.day = values[i].day;
      mean.value = sum / (i - start + 1);
      g_array_append_val (means, mean);
    }

  return means;
}
