/* loadwise-run-rows.h: the rows a run is entered with, one of each in the app
 *
 * The run dialog and the import preview (issue 14) ask for the same
 * things in the same way: pain during and after on the one 0-10 scale,
 * speed work, camber, surface and shoes. Both build them here,
 * and read them back here, so a runner meets one set of controls.
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "core/loadwise-run.h"
#include "store/loadwise-database.h"
#include "ui/loadwise-pain-scale.h"

G_BEGIN_DECLS

/* An entry row and the warning at its end, hidden while it is fine. The
 * warning's tooltip and the row's accessible description carry the
 * message; nothing is added under the row, so nothing below it moves. */
typedef struct {
  GtkEditable *editable;      /* the AdwEntryRow */
  GtkWidget   *icon;
} LoadwiseRunEntry;

/* Adds the row to @group. */
void         loadwise_run_rows_add_entry      (AdwPreferencesGroup *group,
                                               const char          *title,
                                               GtkInputPurpose      purpose,
                                               LoadwiseRunEntry    *out_entry);
/* Marks the entry with @error when @shown; clears it when @error is NULL
 * or not @shown. */
void         loadwise_run_entry_show_error    (LoadwiseRunEntry    *entry,
                                               const GError        *error,
                                               gboolean             shown);
/* The message shown under the entry, "" when none. */
const char  *loadwise_run_entry_get_error     (LoadwiseRunEntry    *entry);

/* A switch row; the switch is named @title for screen readers. */
GtkSwitch   *loadwise_run_rows_add_switch     (AdwPreferencesGroup *group,
                                               const char          *title,
                                               const char          *subtitle);
/* "Speed Work", "Intervals, tempo or a race". */
GtkSwitch   *loadwise_run_rows_add_speed      (AdwPreferencesGroup *group);

/* Combo rows: camber (None, Left side low, Right side low), surface (Road,
 * Trail, Track, Treadmill), shoes (None, then @shoes, retired ones marked). */
AdwComboRow *loadwise_run_rows_add_camber     (AdwPreferencesGroup *group);
AdwComboRow *loadwise_run_rows_add_surface    (AdwPreferencesGroup *group);
AdwComboRow *loadwise_run_rows_add_shoes      (AdwPreferencesGroup *group,
                                               GPtrArray           *shoes);
/* The pairs a shoe row offers: in use first, then retired (an old run may
 * have worn one). Never NULL: empty when they cannot be read. */
GPtrArray   *loadwise_run_rows_list_shoes     (LoadwiseDatabase    *database);

/* "Required", small and dim: a field is marked where it is asked, and
 * what is still missing is named again at the form's foot. */
GtkWidget   *loadwise_run_rows_new_required_mark (void);

/* A row with @title over a pain scale, named @accessible_name for screen
 * readers (NULL: its title). A required one is marked "Required"; an
 * optional one has a Clear button that takes the rating back. */
LoadwisePainScale *loadwise_run_rows_add_pain_scale (AdwPreferencesGroup *group,
                                                     const char          *title,
                                                     gboolean             optional,
                                                     const char          *accessible_name);
/* "During the run" (required) and "After the run (optional)". With
 * @name_suffix (a run's date) the scales are named "Pain during the run,
 * @name_suffix" for screen readers, where several runs ask the same. */
void         loadwise_run_rows_add_pain       (AdwPreferencesGroup  *group,
                                               const char           *name_suffix,
                                               LoadwisePainScale   **out_during,
                                               LoadwisePainScale   **out_after);
/* The ratings into @run: FALSE (pain during left alone) while pain during
 * is not rated. Pain after not rated is no pain after. */
gboolean     loadwise_run_rows_read_pain      (LoadwisePainScale   *during,
                                               LoadwisePainScale   *after,
                                               LoadwiseRun         *run);
void         loadwise_run_rows_show_pain      (LoadwisePainScale   *during,
                                               LoadwisePainScale   *after,
                                               const LoadwiseRun   *run);

/* The camber, surface and shoe chosen, into @run; and the rows set from it. */
void         loadwise_run_rows_read_choices   (AdwComboRow         *camber_row,
                                               AdwComboRow         *surface_row,
                                               AdwComboRow         *shoe_row,
                                               GPtrArray           *shoes,
                                               LoadwiseRun         *run);
void         loadwise_run_rows_show_choices   (AdwComboRow         *camber_row,
                                               AdwComboRow         *surface_row,
                                               AdwComboRow         *shoe_row,
                                               GPtrArray           *shoes,
                                               const LoadwiseRun   *run);

G_END_DECLS
