/* loadwise-run-dialog.h: add or edit a run, each field checked as it is typed
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "core/loadwise-run.h"
#include "ui/loadwise-context.h"
#include "ui/loadwise-pain-scale.h"

G_BEGIN_DECLS

/* The typed fields. The date is picked on a calendar, as in set-up, and
 * the pains on the 0-10 scale. */
typedef enum {
  LOADWISE_RUN_FIELD_DISTANCE,
  LOADWISE_RUN_FIELD_DURATION,
  LOADWISE_RUN_FIELD_CLIMB,
  LOADWISE_RUN_FIELD_DESCENT,
  LOADWISE_RUN_FIELD_NOTE,
  LOADWISE_RUN_N_FIELDS,
} LoadwiseRunField;

#define LOADWISE_TYPE_RUN_DIALOG (loadwise_run_dialog_get_type ())

G_DECLARE_FINAL_TYPE (LoadwiseRunDialog, loadwise_run_dialog, LOADWISE, RUN_DIALOG, AdwWindow)

/* A dialog for a new run on today's date (@run NULL) or for editing @run
 * (copied). Saving stores it and emits "saved" (with the stored
 * LoadwiseRun*, valid during the emission), then closes.
 * Action: run-dialog.save (disabled while a field is wrong or a required
 * one is empty; the line above the form's end says which). */
GtkWidget   *loadwise_run_dialog_new       (LoadwiseContext   *context,
                                            const LoadwiseRun *run);

/* For tests and the page: each field's editable, and the message it is
 * marked with ("" when the field is fine). */
GtkEditable *loadwise_run_dialog_get_field (LoadwiseRunDialog *self,
                                            LoadwiseRunField   field);
const char  *loadwise_run_dialog_get_error (LoadwiseRunDialog *self,
                                            LoadwiseRunField   field);
/* The date: its calendar (a "day-selected" picks it), the button that
 * shows it, and its message ("" when fine; a future day is refused). */
GtkCalendar *loadwise_run_dialog_get_calendar    (LoadwiseRunDialog *self);
GtkMenuButton *loadwise_run_dialog_get_date_button (LoadwiseRunDialog *self);
const char  *loadwise_run_dialog_get_date_error  (LoadwiseRunDialog *self);
/* Pain during (@after FALSE) and after the run. */
LoadwisePainScale *loadwise_run_dialog_get_pain_scale (LoadwiseRunDialog *self,
                                                       gboolean           after);
/* What stands between the runner and Save, as shown at the foot of the
 * dialog: "" when nothing does. */
const char  *loadwise_run_dialog_get_problems    (LoadwiseRunDialog *self);
/* The combo rows: camber (None, Left side low, Right side low), surface
 * (Road, Trail, Track, Treadmill), shoe (None, then the pairs in use). */
AdwComboRow *loadwise_run_dialog_get_camber_row  (LoadwiseRunDialog *self);
AdwComboRow *loadwise_run_dialog_get_surface_row (LoadwiseRunDialog *self);
AdwComboRow *loadwise_run_dialog_get_shoe_row    (LoadwiseRunDialog *self);
GtkSwitch   *loadwise_run_dialog_get_speed_switch (LoadwiseRunDialog *self);
GtkSwitch   *loadwise_run_dialog_get_long_switch  (LoadwiseRunDialog *self);
/* The elevation profile of a run imported from a recorded track (issue 14),
 * or NULL when it has none. */
GtkWidget   *loadwise_run_dialog_get_profile      (LoadwiseRunDialog *self);

G_END_DECLS
