/* loadwise-chart-view.h: one chart of the Progress page
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "charts/loadwise-chart-data.h"

G_BEGIN_DECLS

#define LOADWISE_TYPE_CHART_VIEW (loadwise_chart_view_get_type ())

G_DECLARE_FINAL_TYPE (LoadwiseChartView, loadwise_chart_view, LOADWISE, CHART_VIEW, GtkWidget)

/* Draws @kind from the series set with loadwise_chart_view_set_data(),
 * in the colours of the current style (light, dark, high contrast); the
 * tooltip gives the exact values under the pointer, and the accessible
 * description says the trend in words. */
GtkWidget         *loadwise_chart_view_new             (LoadwiseChartKind  kind);
LoadwiseChartKind  loadwise_chart_view_get_kind        (LoadwiseChartView *self);
/* @data may be NULL (nothing drawn). The view keeps a reference. */
void               loadwise_chart_view_set_data        (LoadwiseChartView *self,
                                                        LoadwiseChartData *data);
LoadwiseChartData *loadwise_chart_view_get_data        (LoadwiseChartView *self);
/* The sentence set as the accessible description, or NULL. */
const char        *loadwise_chart_view_get_description (LoadwiseChartView *self);
/* The tooltip's text for a pointer at @x, or NULL. */
char              *loadwise_chart_view_get_text_at     (LoadwiseChartView *self,
                                                        double             x);

G_END_DECLS
