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

G_BEGIN_DECLS

/* Restores @path without asking (what "restore" in the question does). */
gboolean    loadwise_backups_dialog_restore          (LoadwiseBackupsDialog *self,
                                                      const char            *path,
                                                      GError               **error);
/* The last message shown in a toast, or NULL (for tests). */
const char *loadwise_backups_dialog_get_last_message (LoadwiseBackupsDialog *self);

G_END_DECLS
