/* loadwise-json-backup-task.h: the JSON backup off the main thread
 *
 * Issue 13. Exporting ten years of history, or reading and checking a
 * backup of that size, takes a noticeable moment: the window must not
 * freeze meanwhile. Each runs in a worker thread on a connection of its
 * own (a LoadwiseDatabase is used from one thread at a time), opened on
 * the same file, as loadwise-import-task.h does for recorded runs.
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "report/loadwise-json-backup.h"

G_BEGIN_DECLS

/* loadwise_json_backup_export () of the database at @database_path to
 * @path, with @replace as there. */
void     loadwise_json_export_async   (const char          *database_path,
                                       const char          *path,
                                       GDateTime           *exported_at,
                                       gboolean             replace,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
gboolean loadwise_json_export_finish  (GAsyncResult        *result,
                                       GError             **error);

/* A backup read and checked, and what importing it would change. */
typedef struct {
  LoadwiseDataset           *dataset;
  LoadwiseJsonBackupPreview  preview;
} LoadwiseJsonImportPlan;

void     loadwise_json_import_plan_free (LoadwiseJsonImportPlan *plan);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoadwiseJsonImportPlan, loadwise_json_import_plan_free)

/* loadwise_json_backup_preview_file () of @path against the database at
 * @database_path. Writes nothing. */
void                    loadwise_json_preview_async  (const char          *database_path,
                                                      const char          *path,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
LoadwiseJsonImportPlan *loadwise_json_preview_finish (GAsyncResult        *result,
                                                      GError             **error);

/* Writes @plan's dataset (taken: @plan is freed) into the database at
 * @database_path with loadwise_database_write_dataset () and replace:
 * one transaction, after a safety copy when the database holds data. The
 * derived state is worked out by @clock and @catalogue, the app's. The
 * write is not cancelled once begun: @cancellable only stops a write that
 * has not. The copy's path comes back from finish, NULL when none was
 * taken. The caller's own connection learns of the write through
 * loadwise_database_notice_changes (). */
void     loadwise_json_import_async   (const char              *database_path,
                                       LoadwiseJsonImportPlan  *plan,
                                       LoadwiseClock           *clock,
                                       LoadwiseCatalogue       *catalogue,
                                       GCancellable            *cancellable,
                                       GAsyncReadyCallback      callback,
                                       gpointer                 user_data);
gboolean loadwise_json_import_finish  (GAsyncResult            *result,
                                       char                   **out_backup_path,
                                       GError                 **error);

G_END_DECLS
