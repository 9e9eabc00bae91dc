/* loadwise-chart-data.h: every chart's series for a date range, from the
 * database
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "charts/loadwise-chart.h"
#include "core/loadwise-catalogue.h"
#include "store/loadwise-database.h"

G_BEGIN_DECLS

typedef enum {
  LOADWISE_CHART_PAIN,
  LOADWISE_CHART_ADHERENCE,
  LOADWISE_CHART_LEVELS,
  LOADWISE_CHART_RUNS,
  LOADWISE_CHART_SIDES,
} LoadwiseChartKind;

#define LOADWISE_N_CHARTS 5

/* "pain", "adherence", "levels", "runs", "sides": the names --chart takes. */
const char *loadwise_chart_kind_to_string   (LoadwiseChartKind  kind);
gboolean    loadwise_chart_kind_from_string (const char        *text,
                                             LoadwiseChartKind *out_kind);
/* Translated titles: "Pain", "Sets done each week", ... */
const char *loadwise_chart_kind_get_title   (LoadwiseChartKind  kind);

/* The named ranges of the Progress page. */
typedef enum {
  LOADWISE_CHART_RANGE_4_WEEKS,
  LOADWISE_CHART_RANGE_PROGRAMME,
  LOADWISE_CHART_RANGE_6_MONTHS,
  LOADWISE_CHART_RANGE_ALL,
} LoadwiseChartRange;

/* The days @range covers on @today: the last 28 days; the programme's
 * weeks (up to today, and at least its first week); the last 183 days;
 * from the first day logged (or the start) to today. */
gboolean    loadwise_chart_range_resolve    (LoadwiseChartRange  range,
                                             LoadwiseDatabase   *database,
                                             const GDate        *today,
                                             GDate              *out_from,
                                             GDate              *out_to,
                                             GError            **error);

typedef struct {
  GDate                   from;
  GDate                   to;
  LoadwisePainSeries      pain;
  LoadwiseAdherenceSeries adherence;
  LoadwiseLevelSeries     levels;
  LoadwiseRunSeries       runs;
  LoadwiseSidesSeries     sides;
} LoadwiseChartData;

GType              loadwise_chart_data_get_type (void) G_GNUC_CONST;
/* Empty series over from .. to. */
LoadwiseChartData *loadwise_chart_data_new      (const GDate             *from,
                                                 const GDate             *to);
/* Reads every series for from .. to. FALSE with
 * LOADWISE_DATABASE_ERROR_NO_PROGRAMME when nothing is set up. */
LoadwiseChartData *loadwise_chart_data_load     (LoadwiseDatabase        *database,
                                                 const LoadwiseCatalogue *catalogue,
                                                 const GDate             *from,
                                                 const GDate             *to,
                                                 GError                 **error);
/* Nothing logged from..to: no pain, no set done, no session skipped, no
 * run. (Weeks prescribed but not yet done are not something to chart.) */
gboolean           loadwise_chart_data_is_empty (const LoadwiseChartData *self);
LoadwiseChartData *loadwise_chart_data_ref      (LoadwiseChartData       *self);
void               loadwise_chart_data_unref    (LoadwiseChartData       *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoadwiseChartData, loadwise_chart_data_unref)

/* Dispatch by kind, to the loadwise_chart_draw_* / describe / value_at
 * routine of that chart. */
void  loadwise_chart_data_draw      (const LoadwiseChartData  *self,
                                     LoadwiseChartKind         kind,
                                     cairo_t                  *cr,
                                     double                    width,
                                     double                    height,
                                     const LoadwiseChartStyle *style);
char *loadwise_chart_data_describe  (const LoadwiseChartData  *self,
                                     LoadwiseChartKind         kind);
char *loadwise_chart_data_value_at  (const LoadwiseChartData  *self,
                                     LoadwiseChartKind         kind,
                                     double                    width,
                                     double                    height,
                                     const LoadwiseChartStyle *style,
                                     double                    x);

typedef enum {
  LOADWISE_CHART_FORMAT_PNG,
  LOADWISE_CHART_FORMAT_SVG,
} LoadwiseChartFormat;

/* Writes one chart to @path as PNG or SVG in the light style. Refuses to
 * overwrite an existing file (G_IO_ERROR_EXISTS). */
gboolean loadwise_chart_data_export (const LoadwiseChartData  *self,
                                     LoadwiseChartKind         kind,
                                     LoadwiseChartFormat       format,
                                     const char               *path,
                                     double                    width,
                                     double                    height,
                                     GError                  **error);

G_END_DECLS
