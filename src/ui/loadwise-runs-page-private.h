/* loadwise-runs-page-private.h: test hooks of the Runs page
 *
 * As GNOME Text Editor does: what only the tests reach, apart from the
 * header the app uses.
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ui/loadwise-run-list.h"
#include "ui/loadwise-runs-page.h"

G_BEGIN_DECLS

/* The import preview open now (or NULL). */
GtkWidget     *loadwise_runs_page_get_import_dialog (LoadwiseRunsPage *self);
/* The page's drop target for files (GDK_TYPE_FILE_LIST). */
GtkDropTarget *loadwise_runs_page_get_drop_target   (LoadwiseRunsPage *self);
/* Whether the drop highlight shows (files are being dragged over the page). */
gboolean       loadwise_runs_page_is_drop_shown     (LoadwiseRunsPage *self);
/* The list of runs, and whether the "No Runs Yet" page shows in its place. */
LoadwiseRunList *loadwise_runs_page_get_run_list    (LoadwiseRunsPage *self);
gboolean       loadwise_runs_page_is_empty_shown    (LoadwiseRunsPage *self);

G_END_DECLS
