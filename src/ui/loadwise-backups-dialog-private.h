/* loadwise-backups-dialog-private.h: test hooks of the backups dialog
 *
 * As GNOME Text Editor does: what only the tests reach, apart from the
 * header the app uses.
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ui/loadwise-backups-dialog.h"
#include "ui/loadwise-json-backup-task.h"

G_BEGIN_DECLS

/* Restores @path without asking (what "restore" in the question does). */
gboolean    loadwise_backups_dialog_restore          (LoadwiseBackupsDialog *self,
                                                      const char            *path,
                                                      GError               **error);
/* The last message shown in a toast, or NULL (for tests). */
const char *loadwise_backups_dialog_get_last_message (LoadwiseBackupsDialog *self);

/* Exports the JSON backup to @path off the main thread (what the file
 * chooser of "Export as JSON…" does, @replace when it asked), then says
 * so in a toast. */
void        loadwise_backups_dialog_export_json      (LoadwiseBackupsDialog *self,
                                                      const char            *path,
                                                      gboolean               replace);
/* Reads and checks @path off the main thread, then shows the preview (an
 * AdwMessageDialog with the responses "cancel" and "import", its counts
 * in labels named preview-TABLE-backup and preview-TABLE-now) or the
 * refusal (a message dialog, the text also in get_last_message). */
void        loadwise_backups_dialog_import_json      (LoadwiseBackupsDialog *self,
                                                      const char            *path);
/* Writes @plan (taken) off the main thread, what "import" in the preview
 * does; then a toast and ::restored. */
void        loadwise_backups_dialog_import_plan      (LoadwiseBackupsDialog  *self,
                                                      LoadwiseJsonImportPlan *plan);
/* Whether an export, a preview or an import is under way. */
gboolean    loadwise_backups_dialog_is_busy          (LoadwiseBackupsDialog *self);

G_END_DECLS
