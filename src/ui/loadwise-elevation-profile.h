/* loadwise-elevation-profile.h: a recorded run's elevation profile, with its
 * steepest sustained descent marked and said in words
 *
 * Issue 14. Drawn by src/charts (loadwise_chart_draw_profile) in the
 * style's colours, light, dark or high contrast; the sentence under it
 * ("Steepest descent: 38 m over 0.4 km, from km 3.2") is also its
 * accessible description, so screen readers get what the picture shows.
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "charts/loadwise-chart-profile.h"

G_BEGIN_DECLS

#define LOADWISE_TYPE_ELEVATION_PROFILE (loadwise_elevation_profile_get_type ())

G_DECLARE_FINAL_TYPE (LoadwiseElevationProfile, loadwise_elevation_profile, LOADWISE, ELEVATION_PROFILE, GtkWidget)

GtkWidget                    *loadwise_elevation_profile_new             (void);
/* Shows @profile (LoadwiseProfilePoint, by distance; copied; NULL or empty:
 * nothing is drawn). */
void                          loadwise_elevation_profile_set_profile     (LoadwiseElevationProfile *self,
                                                                          const GArray             *profile);
const GArray                 *loadwise_elevation_profile_get_profile     (LoadwiseElevationProfile *self);
/* loadwise_profile_steepest_descent() of the profile shown. */
const LoadwiseProfileDescent *loadwise_elevation_profile_get_descent     (LoadwiseElevationProfile *self);
/* The sentence under the chart. */
const char                   *loadwise_elevation_profile_get_description (LoadwiseElevationProfile *self);
/* For tests: the chart's layout at its present size, in @self's
 * coordinates; FALSE when nothing is drawn. */
gboolean                      loadwise_elevation_profile_get_layout      (LoadwiseElevationProfile *self,
                                                                          LoadwiseProfileLayout    *out_layout);
/* The style the chart is drawn in now (the app's light or dark, high contrast). */
void                          loadwise_elevation_profile_get_style       (LoadwiseElevationProfile *self,
                                                                          LoadwiseChartStyle       *out_style);

G_END_DECLS
