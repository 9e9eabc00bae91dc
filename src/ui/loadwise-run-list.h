/* loadwise-run-list.h: the run log as a list of rows, one Tab stop
 *
 * Issue 13: full-height rows that wrap on a narrow window, each row its
 * own run (activating it edits that run, its button deletes that run),
 * arrow keys within the list and Tab out of it.
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LOADWISE_TYPE_RUN_LIST (loadwise_run_list_get_type ())

G_DECLARE_FINAL_TYPE (LoadwiseRunList, loadwise_run_list, LOADWISE, RUN_LIST, GtkWidget)

/* (design) Rows built at first: the newest 20 (four to six weeks of
 * running), then 40 more for each "Show Older Runs". Measured under Xvfb
 * with 360 runs (GSK_RENDERER=cairo): the page's first frame took about
 * 0.4 s with 20 rows, 0.5-0.8 s with 50, 1.1 s with 100 and 4-5 s with
 * all 360; each wrapping row costs about 8-12 ms to lay out and draw. */
#define LOADWISE_RUN_LIST_FIRST_ROWS 20
#define LOADWISE_RUN_LIST_MORE_ROWS  40

/* Activating a row activates runs.edit, its delete button (or Delete on
 * the row) runs.delete, both with the run's id ("x"): the widget that
 * holds the list installs them. */
GtkWidget  *loadwise_run_list_new                  (void);
/* @runs: LoadwiseRunItems, newest first. */
void        loadwise_run_list_set_model            (LoadwiseRunList *self,
                                                    GListModel      *runs);
/* The position of the row holding the focus, or GTK_INVALID_LIST_POSITION. */
guint       loadwise_run_list_get_focus_position   (LoadwiseRunList *self);
/* Focuses the row at @position (the last row if there are fewer). */
void        loadwise_run_list_focus_position       (LoadwiseRunList *self,
                                                    guint            position);

/* For tests: the list box, its row at @position (NULL when not built),
 * the number of rows built and the "Show Older Runs" button. */
GtkListBox *loadwise_run_list_get_list_box         (LoadwiseRunList *self);
GtkWidget  *loadwise_run_list_get_row              (LoadwiseRunList *self,
                                                    guint            position);
guint       loadwise_run_list_get_n_shown          (LoadwiseRunList *self);
GtkWidget  *loadwise_run_list_get_more_button      (LoadwiseRunList *self);
/* The delete button of @row. */
GtkWidget  *loadwise_run_list_row_get_delete_button (GtkWidget      *row);

G_END_DECLS
