/* loadwise-chart-profile.h: a recorded run's elevation profile, drawn with cairo
 *
 * Issue 14. Elevation (m) over the distance from the start (km), with the
 * steepest sustained descent (loadwise_profile_steepest_descent()) shaded.
 * Like the other charts (loadwise-chart.h), one routine serves the widget
 * and anything that exports it; the labels of both axes are spaced by
 * their measured width, so they never overlap, down to a 360 px window.
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "charts/loadwise-chart.h"
#include "core/loadwise-track.h"

G_BEGIN_DECLS

/* (design) A flat run is drawn flat: the elevation axis spans at least
 * this much, so 3 m of GPS noise does not look like a hill. */
#define LOADWISE_CHART_PROFILE_MIN_RANGE_M 40.0

/* Where a profile goes in a chart of a given size, and its axes. */
typedef struct {
  LoadwiseChartRect plot;
  double            first_m;     /* the distance axis, in metres */
  double            last_m;
  double            distance_step_m;
  double            min_elevation_m;
  double            max_elevation_m;
  double            elevation_step_m;
} LoadwiseProfileLayout;

/* Lays out @profile (LoadwiseProfilePoint, by distance) in @width x
 * @height, measuring the labels with @cr's font machinery. FALSE when the
 * profile has fewer than two points over some distance: then nothing is
 * drawn at all. */
gboolean loadwise_chart_profile_layout (cairo_t                  *cr,
                                        double                    width,
                                        double                    height,
                                        const GArray             *profile,
                                        const LoadwiseChartStyle *style,
                                        LoadwiseProfileLayout    *out_layout);

/* The point of the chart at @distance_m from the start and @elevation_m. */
void     loadwise_chart_profile_to_xy  (const LoadwiseProfileLayout *layout,
                                        double                       distance_m,
                                        double                       elevation_m,
                                        double                      *out_x,
                                        double                      *out_y);

/* Draws @profile within 0,0 .. @width,@height, and @descent (may be NULL)
 * as a band when found. @out_labels (may be NULL) receives the box of
 * every label drawn (cairo_rectangle_t), for tests. */
void     loadwise_chart_draw_profile   (cairo_t                      *cr,
                                        double                        width,
                                        double                        height,
                                        const GArray                 *profile,
                                        const LoadwiseProfileDescent *descent,
                                        const LoadwiseChartStyle     *style,
                                        GArray                       *out_labels);

/* The steepest descent in words, for everyone and for screen readers:
 * "Steepest descent: 38 m over 0.4 km, from km 3.2". Translated. */
char    *loadwise_chart_describe_profile (const GArray                 *profile,
                                          const LoadwiseProfileDescent *descent);

G_END_DECLS
