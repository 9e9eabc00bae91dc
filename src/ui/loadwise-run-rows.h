/* loadwise-run-rows.h: the rows a run is entered with, one of each in the app
 *
 * The run dialog and the import preview (issue 14) ask for the same
 * things in the same way: pain during and after with its message under
 * the field, speed work, camber, surface and shoes. Both build them here,
 * and read them back here, so a runner meets one set of controls.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "core/loadwise-run.h"
#include "store/loadwise-database.h"

G_BEGIN_DECLS

/* An entry row and the message row under it, hidden while it is fine. */
typedef struct {
  GtkEditable *editable;      /* the AdwEntryRow */
  GtkLabel    *message;
  GtkWidget   *message_row;
} LoadwiseRunEntry;

/* Adds the two rows to @group. */
void         loadwise_run_rows_add_entry      (AdwPreferencesGroup *group,
                                               const char          *title,
                                               GtkInputPurpose      purpose,
                                               LoadwiseRunEntry    *out_entry);
/* Shows @error under the entry (and marks it) when @shown; hides it when
 * @error is NULL or not @shown. */
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

/* "During the run" and "After the run (optional)", 0-10. */
void         loadwise_run_rows_add_pain       (AdwPreferencesGroup *group,
                                               LoadwiseRunEntry    *out_during,
                                               LoadwiseRunEntry    *out_after);
/* Pain during: required, 0-10. Pain after: empty for none. The errors
 * name the field: "Pain during: 11 is outside 0-10". */
gboolean     loadwise_run_rows_parse_pain_during (const char       *text,
                                                  guint            *out_pain,
                                                  GError          **error);
gboolean     loadwise_run_rows_parse_pain_after  (const char       *text,
                                                  gboolean         *out_has_pain,
                                                  guint            *out_pain,
                                                  GError          **error);

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
