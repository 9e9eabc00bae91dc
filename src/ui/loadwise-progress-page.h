/* loadwise-progress-page.h: the Progress page
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "charts/loadwise-chart-data.h"
#include "ui/loadwise-context.h"

G_BEGIN_DECLS

#define LOADWISE_TYPE_PROGRESS_PAGE (loadwise_progress_page_get_type ())

G_DECLARE_FINAL_TYPE (LoadwiseProgressPage, loadwise_progress_page, LOADWISE, PROGRESS_PAGE, GtkWidget)

/* Actions: progress.range (s, stateful: "4-weeks", "programme",
 * "6-months", "all"); progress.export (s: "pdf", "csv", "ics") and
 * progress.export-chart (s: "pain:png", "levels:svg", ...) ask for a file
 * name, then write it. */
GtkWidget          *loadwise_progress_page_new       (LoadwiseContext      *context);
/* Re-reads the charts and the patterns for the range shown. */
void                loadwise_progress_page_reload    (LoadwiseProgressPage *self);
LoadwiseChartRange  loadwise_progress_page_get_range (LoadwiseProgressPage *self);
/* The series shown now (owned by the page), or NULL before the first load. */
LoadwiseChartData  *loadwise_progress_page_get_data  (LoadwiseProgressPage *self);
/* Writes @format ("pdf", "csv", "ics", or "KIND:png" / "KIND:svg") to
 * @path, replacing a file the runner chose to overwrite. */
gboolean            loadwise_progress_page_export_to (LoadwiseProgressPage *self,
                                                      const char           *format,
                                                      const char           *path,
                                                      GError              **error);

G_END_DECLS
