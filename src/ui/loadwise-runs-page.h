/* loadwise-runs-page.h: the run log, shoes and the patterns in them
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ui/loadwise-context.h"

G_BEGIN_DECLS

#define LOADWISE_TYPE_RUNS_PAGE (loadwise_runs_page_get_type ())

G_DECLARE_FINAL_TYPE (LoadwiseRunsPage, loadwise_runs_page, LOADWISE, RUNS_PAGE, GtkWidget)

/* Actions: runs.add (opens the dialog for a new run); runs.edit and
 * runs.delete (x: the run's id; a row of the list activates them for its
 * own run, issue 13); runs.undo-delete (puts the last deleted
 * run back); runs.add-shoe (s: the name); runs.retire-shoe (s: the name);
 * runs.dismiss-note (hides the return-to-run note); runs.import (Ctrl+I:
 * choose GPX, TCX or FIT files) and runs.import-files (as: their paths)
 * open the import preview, as files dropped on the page do (issue 14). */
GtkWidget   *loadwise_runs_page_new         (LoadwiseContext  *context);
/* Re-reads the runs, shoes and patterns from the database. */
void         loadwise_runs_page_reload      (LoadwiseRunsPage *self);

/* For tests: the list shown (newest first), the dialog open now (or NULL), the return-to-run note shown ("" when none), and
 * the number of pattern cards. */
GListModel  *loadwise_runs_page_get_runs    (LoadwiseRunsPage *self);
GtkWidget   *loadwise_runs_page_get_dialog  (LoadwiseRunsPage *self);
const char  *loadwise_runs_page_get_note    (LoadwiseRunsPage *self);
guint        loadwise_runs_page_get_n_patterns (LoadwiseRunsPage *self);

/* The LoadwiseRun of an item of loadwise_runs_page_get_runs(). */
const void  *loadwise_runs_page_item_get_run (gpointer item);

G_END_DECLS
