/* loadwise-chart-series.h: the data each chart draws, as plain structs
 *
 * Days are Julian day numbers (g_date_get_julian), so that the drawing
 * code does arithmetic on integers. Each series covers the range
 * first_day .. last_day (inclusive) that the chart shows; values outside it
 * are ignored. The builders in loadwise-chart-data.h fill them from the
 * database; tests and benchmarks may fill them by hand.
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "core/loadwise-types.h"

G_BEGIN_DECLS

typedef struct {
  guint32 day;
  double  value;
} LoadwiseDayValue;

typedef struct {
  guint32 first;
  guint32 last;   /* inclusive */
} LoadwiseDayRange;

/* Pain over time: 0-10 ratings. */
typedef struct {
  guint32   first_day;
  guint32   last_day;
  GArray   *morning;       /* LoadwiseDayValue: the morning check-in */
  GArray   *session;       /* LoadwiseDayValue: the worst exercise pain of a session */
  GArray   *run;           /* LoadwiseDayValue: pain during runs */
  gboolean  has_baseline;
  double    baseline;      /* median morning pain before the start */
  GArray   *flares;        /* LoadwiseDayRange */
} LoadwisePainSeries;

typedef struct {
  guint32  first_day;      /* Monday.. of the programme week */
  int      week;           /* programme week, from 1 */
  guint    done;           /* set logs done */
  guint    prescribed;     /* set logs prescribed (skipped sessions excluded) */
  guint    skipped;        /* sessions skipped with a reason */
  gboolean flare;          /* a flare was on during the week */
} LoadwiseAdherenceWeek;

typedef struct {
  guint32  first_day;
  guint32  last_day;
  GArray  *weeks;          /* LoadwiseAdherenceWeek, by week */
} LoadwiseAdherenceSeries;

typedef enum {
  LOADWISE_CHART_DECISION_NONE,
  LOADWISE_CHART_DECISION_START,
  LOADWISE_CHART_DECISION_HOLD,
  LOADWISE_CHART_DECISION_PROGRESS,
  LOADWISE_CHART_DECISION_REGRESS,
} LoadwiseChartDecision;

/* "progress", "regress", ... as the weekly decision stores them; anything
 * else is HOLD. */
LoadwiseChartDecision loadwise_chart_decision_from_string (const char *text);

typedef struct {
  guint32               first_day;
  int                   week;
  guint8                level[LOADWISE_N_FAMILIES];
  LoadwiseChartDecision decision[LOADWISE_N_FAMILIES];
} LoadwiseLevelWeek;

typedef struct {
  guint32  first_day;
  guint32  last_day;
  GArray  *weeks;          /* LoadwiseLevelWeek, by week */
} LoadwiseLevelSeries;

typedef struct {
  guint32  first_day;      /* the week's first day */
  double   distance_km;
  double   pain;           /* mean pain during the week's runs */
  gboolean has_pain;
  guint    pain_count;     /* the runs that mean is over */
  guint    n_spikes;       /* runs over the return-to-run guard */
} LoadwiseRunWeek;

typedef struct {
  guint32  first_day;
  guint32  last_day;
  GArray  *weeks;          /* LoadwiseRunWeek, by week */
  GArray  *spikes;         /* LoadwiseDayValue: day and distance (km) of each run over the guard */
} LoadwiseRunSeries;

/* Left versus right morning pain: a check-in that names one side counts 0
 * for the other; "both" counts for each. */
typedef struct {
  guint32  first_day;
  guint32  last_day;
  GArray  *left;           /* LoadwiseDayValue */
  GArray  *right;          /* LoadwiseDayValue */
} LoadwiseSidesSeries;

void loadwise_pain_series_init       (LoadwisePainSeries      *self);
void loadwise_pain_series_clear      (LoadwisePainSeries      *self);
void loadwise_adherence_series_init  (LoadwiseAdherenceSeries *self);
void loadwise_adherence_series_clear (LoadwiseAdherenceSeries *self);
void loadwise_level_series_init      (LoadwiseLevelSeries     *self);
void loadwise_level_series_clear     (LoadwiseLevelSeries     *self);
void loadwise_run_series_init        (LoadwiseRunSeries       *self);
void loadwise_run_series_clear       (LoadwiseRunSeries       *self);
void loadwise_sides_series_init      (LoadwiseSidesSeries     *self);
void loadwise_sides_series_clear     (LoadwiseSidesSeries     *self);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LoadwisePainSeries, loadwise_pain_series_clear)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LoadwiseAdherenceSeries, loadwise_adherence_series_clear)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LoadwiseLevelSeries, loadwise_level_series_clear)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LoadwiseRunSeries, loadwise_run_series_clear)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LoadwiseSidesSeries, loadwise_sides_series_clear)

/* Per pixel column: what the values that fall into it sum up to. */
typedef struct {
  guint  n;                /* 0: no value in this column */
  double min;
  double max;
  double mean;
} LoadwiseColumnStat;

/* Splits first_day .. last_day into @n_columns equal columns (day d goes
 * to column (d - first_day) * n_columns / n_days) and fills @out_columns
 * with the min, max and mean of the @values in each. Values outside the
 * range are ignored. One pass: the cost follows the values, not the
 * columns twice over. */
void   loadwise_chart_aggregate        (const LoadwiseDayValue *values,
                                        guint                   n_values,
                                        guint32                 first_day,
                                        guint32                 last_day,
                                        guint                   n_columns,
                                        LoadwiseColumnStat     *out_columns);

/* The mean of the values within the @window_days days ending on each
 * value's day (a 7-day rolling mean), one result per input value.
 * @values must be sorted by day. */
GArray *loadwise_chart_rolling_mean    (const LoadwiseDayValue *values,
                                        guint                   n_values,
                                        guint                   window_days);

G_END_DECLS
