/* loadwise-backups-dialog.h: the backups in the data folder, to restore one
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "store/loadwise-database.h"

G_BEGIN_DECLS

#define LOADWISE_TYPE_BACKUPS_DIALOG (loadwise_backups_dialog_get_type ())

G_DECLARE_FINAL_TYPE (LoadwiseBackupsDialog, loadwise_backups_dialog, LOADWISE, BACKUPS_DIALOG, AdwWindow)

/* Lists DATA_DIR/backups, newest first, each with its date and size and a
 * Restore button. Restoring asks first (an AdwMessageDialog with the
 * responses "cancel" and "restore"), then replaces the data (the current
 * data is itself backed up first) and emits ::restored. Action:
 * backups.restore (s: the backup's path), which asks. Each row is named
 * after its file name.
 * Above the list, the JSON backup (issue 13): backups.export-json asks
 * for a file and writes it off the main thread; backups.import-json asks
 * for one, reads and checks it off the main thread, shows what it would
 * replace or add, and only then writes it, also off the main thread
 * (one transaction, after a safety copy), and emits ::restored. */
GtkWidget  *loadwise_backups_dialog_new              (LoadwiseDatabase      *database);

G_END_DECLS
