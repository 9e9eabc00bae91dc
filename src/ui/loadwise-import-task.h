/* loadwise-import-task.h: preparing an import off the main thread
 *
 * Issue 14. Reading track files (and GPSBabel for FIT) takes a moment;
 * the window must not freeze meanwhile. loadwise_run_import_prepare()
 * runs in a worker thread on a connection of its own (a LoadwiseDatabase
 * is used from one thread at a time), opened on the same file.
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "tracks/loadwise-run-import.h"

G_BEGIN_DECLS

/* Prepares @files (copied) against the database at @database_path, with
 * the runner's time zone @tz. */
void       loadwise_import_prepare_async  (const char          *database_path,
                                           GFile *const        *files,
                                           guint                n_files,
                                           GTimeZone           *tz,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
/* LoadwiseRunImportItem*, as loadwise_run_import_prepare() gives them. */
GPtrArray *loadwise_import_prepare_finish (GAsyncResult        *result,
                                           GError             **error);

G_END_DECLS
