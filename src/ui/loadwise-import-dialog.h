/* loadwise-import-dialog.h: the preview of runs from recorded files
 *
 * Issue 14. The files (or folders) are read off the main thread; then one
 * group per file says what it will become. A new run shows its date,
 * distance, time, pace, climb and descent, the load factors found and its
 * profile, and asks what a track cannot know, with the run dialog's own
 * rows (loadwise-run-rows.h): pain during (required) and after, speed work
 * (as found, to correct), camber, surface and shoes. A file already
 * imported says so; a file that cannot be read says why.
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ui/loadwise-pain-scale.h"

#include "tracks/loadwise-run-import.h"
#include "ui/loadwise-context.h"

G_BEGIN_DECLS

#define LOADWISE_TYPE_IMPORT_DIALOG (loadwise_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (LoadwiseImportDialog, loadwise_import_dialog, LOADWISE, IMPORT_DIALOG, AdwWindow)

/* Opens the preview of @files. Importing writes every new run through
 * loadwise_context_write(), emits "imported" (guint: how many), then
 * closes. Action: import-dialog.import (Enter); Escape cancels. */
GtkWidget   *loadwise_import_dialog_new              (LoadwiseContext      *context,
                                                      GFile *const         *files,
                                                      guint                 n_files);

/* For tests: whether the files are still being read; the items once read
 * (NULL before); the import button's label; the message shown above the
 * files ("" when none). */
gboolean     loadwise_import_dialog_is_loading       (LoadwiseImportDialog *self);
GPtrArray   *loadwise_import_dialog_get_items        (LoadwiseImportDialog *self);
const char  *loadwise_import_dialog_get_import_label (LoadwiseImportDialog *self);
const char  *loadwise_import_dialog_get_message      (LoadwiseImportDialog *self);

/* The rows of item @index. Summary: "8.42 km · 45:12 · 5:22 /km" over
 * "Climb 120 m, descent 310 m"; the factors found; the status of a file
 * not imported ("Already there", or why it was skipped). The controls are
 * NULL for an item that is not NEW. */
const char  *loadwise_import_dialog_get_summary      (LoadwiseImportDialog *self,
                                                      guint                 index);
const char  *loadwise_import_dialog_get_elevation    (LoadwiseImportDialog *self,
                                                      guint                 index);
const char  *loadwise_import_dialog_get_factors      (LoadwiseImportDialog *self,
                                                      guint                 index);
const char  *loadwise_import_dialog_get_status       (LoadwiseImportDialog *self,
                                                      guint                 index);
/* Under the status: which run is there already, or why the file was skipped. */
const char  *loadwise_import_dialog_get_reason       (LoadwiseImportDialog *self,
                                                      guint                 index);
const char  *loadwise_import_dialog_get_date         (LoadwiseImportDialog *self,
                                                      guint                 index);
/* Pain during (@after FALSE) and after the run, on the 0-10 scale. */
LoadwisePainScale *loadwise_import_dialog_get_pain_scale (LoadwiseImportDialog *self,
                                                          guint                 index,
                                                          gboolean              after);
GtkSwitch   *loadwise_import_dialog_get_speed_switch (LoadwiseImportDialog *self,
                                                      guint                 index);
AdwComboRow *loadwise_import_dialog_get_camber_row   (LoadwiseImportDialog *self,
                                                      guint                 index);
AdwComboRow *loadwise_import_dialog_get_surface_row  (LoadwiseImportDialog *self,
                                                      guint                 index);
AdwComboRow *loadwise_import_dialog_get_shoe_row     (LoadwiseImportDialog *self,
                                                      guint                 index);
GtkWidget   *loadwise_import_dialog_get_profile      (LoadwiseImportDialog *self,
                                                      guint                 index);

G_END_DECLS
