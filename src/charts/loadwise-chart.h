/* loadwise-chart.h: drawing each chart with cairo, independent of GTK
 *
 * One routine per chart, loadwise_chart_draw_<name> (cr, width, height,
 * series, style), called alike by the Progress page's widget, by PNG/SVG
 * export and by the PDF report (GNOME Power Manager's egg-graph-widget
 * serves screen and export with one routine too). Each routine draws
 * within 0,0 .. width,height: axes with units and dates, a legend, and the
 * data clipped to the plot area, aggregated per pixel column so that ten
 * years draw as fast as ten weeks.
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "charts/loadwise-chart-series.h"

G_BEGIN_DECLS

typedef struct {
  double red, green, blue, alpha;
} LoadwiseChartColor;

typedef enum {
  LOADWISE_CHART_THEME_LIGHT,
  LOADWISE_CHART_THEME_DARK,
  LOADWISE_CHART_THEME_HIGH_CONTRAST,
  LOADWISE_CHART_THEME_HIGH_CONTRAST_DARK,
} LoadwiseChartTheme;

typedef struct {
  LoadwiseChartColor background;  /* painted over the whole chart; alpha 0 for none */
  LoadwiseChartColor text;
  LoadwiseChartColor grid;
  LoadwiseChartColor axis;
  LoadwiseChartColor morning;     /* morning pain and its rolling mean */
  LoadwiseChartColor session;     /* session pain */
  LoadwiseChartColor run;         /* run pain */
  LoadwiseChartColor distance;    /* weekly running distance */
  LoadwiseChartColor baseline;    /* the baseline line */
  LoadwiseChartColor band;        /* the +/-2 band around it */
  LoadwiseChartColor flare;       /* flare shading */
  LoadwiseChartColor done;        /* adherence bars */
  LoadwiseChartColor skipped;     /* skipped-session marks */
  LoadwiseChartColor target;      /* the 100 % line */
  LoadwiseChartColor family[LOADWISE_N_FAMILIES];
  LoadwiseChartColor left;
  LoadwiseChartColor right;
  LoadwiseChartColor spike;       /* run spike markers */
  LoadwiseChartColor elevation;   /* a run's elevation profile (issue 14) */
  LoadwiseChartColor descent;     /* the steepest descent's band on it */
  double             line_width;  /* the main lines, in user units */
  double             font_size;   /* in points at 96 dpi (pixels x 0.75) */
  const char        *font_family;
} LoadwiseChartStyle;

void loadwise_chart_style_init (LoadwiseChartStyle *style,
                                LoadwiseChartTheme  theme);

/* Where the data go, for a chart of @width x @height: the rest is axes,
 * labels and the legend. */
typedef struct {
  double x, y, width, height;
} LoadwiseChartRect;

void   loadwise_chart_get_plot_area (double                    width,
                                     double                    height,
                                     const LoadwiseChartStyle *style,
                                     LoadwiseChartRect        *out_plot);

/* The y of @value on an axis from @min (bottom) to @max (top). */
double loadwise_chart_value_to_y    (const LoadwiseChartRect  *plot,
                                     double                    min,
                                     double                    max,
                                     double                    value);
/* The x of the middle of @day in first_day .. last_day. */
double loadwise_chart_day_to_x      (const LoadwiseChartRect  *plot,
                                     guint32                   first_day,
                                     guint32                   last_day,
                                     guint32                   day);
/* The day under @x (clamped to the range). */
guint32 loadwise_chart_x_to_day     (const LoadwiseChartRect  *plot,
                                     guint32                   first_day,
                                     guint32                   last_day,
                                     double                    x);

/* The pain axis runs 0-10 and the adherence axis 0-100 %; the level axis
 * 0-4. The distance axis is rounded up from the largest week. */
#define LOADWISE_CHART_ADHERENCE_MAX 100.0
/* The clinically important change in pain on the 0-10 scale, drawn as a
 * band around the baseline (Salaffi 2004: 2 points; PROGRAMME.md). */
#define LOADWISE_CHART_PAIN_BAND 2.0

void loadwise_chart_draw_pain       (cairo_t                       *cr,
                                     double                         width,
                                     double                         height,
                                     const LoadwisePainSeries      *series,
                                     const LoadwiseChartStyle      *style);
void loadwise_chart_draw_adherence  (cairo_t                       *cr,
                                     double                         width,
                                     double                         height,
                                     const LoadwiseAdherenceSeries *series,
                                     const LoadwiseChartStyle      *style);
void loadwise_chart_draw_levels     (cairo_t                       *cr,
                                     double                         width,
                                     double                         height,
                                     const LoadwiseLevelSeries     *series,
                                     const LoadwiseChartStyle      *style);
void loadwise_chart_draw_runs       (cairo_t                       *cr,
                                     double                         width,
                                     double                         height,
                                     const LoadwiseRunSeries       *series,
                                     const LoadwiseChartStyle      *style);
void loadwise_chart_draw_sides      (cairo_t                       *cr,
                                     double                         width,
                                     double                         height,
                                     const LoadwiseSidesSeries     *series,
                                     const LoadwiseChartStyle      *style);

/* The trend of each chart in a sentence or two, for screen readers and the
 * report ("Morning pain fell from 5 to 2 over 6 weeks."). Translated. */
char *loadwise_chart_describe_pain      (const LoadwisePainSeries      *series);
char *loadwise_chart_describe_adherence (const LoadwiseAdherenceSeries *series);
char *loadwise_chart_describe_levels    (const LoadwiseLevelSeries     *series);
char *loadwise_chart_describe_runs      (const LoadwiseRunSeries       *series);
char *loadwise_chart_describe_sides     (const LoadwiseSidesSeries     *series);

/* The exact values under @x for a hover tooltip, or NULL when there is
 * nothing there. */
char *loadwise_chart_pain_value_at      (const LoadwisePainSeries      *series,
                                         double width, double height,
                                         const LoadwiseChartStyle *style, double x);
char *loadwise_chart_adherence_value_at (const LoadwiseAdherenceSeries *series,
                                         double width, double height,
                                         const LoadwiseChartStyle *style, double x);
char *loadwise_chart_levels_value_at    (const LoadwiseLevelSeries     *series,
                                         double width, double height,
                                         const LoadwiseChartStyle *style, double x);
char *loadwise_chart_runs_value_at      (const LoadwiseRunSeries       *series,
                                         double width, double height,
                                         const LoadwiseChartStyle *style, double x);
char *loadwise_chart_sides_value_at     (const LoadwiseSidesSeries     *series,
                                         double width, double height,
                                         const LoadwiseChartStyle *style, double x);

/* @text without leading, trailing or doubled spaces (strftime's %e pads
 * one-digit days with a space). Newly allocated. */
char *loadwise_chart_squeeze_spaces (const char *text);

G_END_DECLS
