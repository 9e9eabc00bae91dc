/* loadwise-json-backup.h: the full JSON backup, and restoring from it
 *
 * Issue 6, "Export" and "Import". One object: format_version, exported_at,
 * app_version, then one member per table of loadwise_dataset_get_tables()
 * (an array of objects, the programme as one object or null, the settings
 * as an object of text). Reading validates the whole file before anything
 * is written; every fault names its place ("runs[12].pain_during: 42 is
 * outside 0-10") as LOADWISE_ERROR_INVALID_INPUT.
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "store/loadwise-database-dataset.h"

G_BEGIN_DECLS

/* The version this build writes, and the newest it reads. Version 2
 * (issue 14) adds the runs' started_at and track_sha256 and the table
 * run_profiles; a version 1 backup reads as one without them, and an
 * older Loadwise says a version 2 one is newer than it reads. */
#define LOADWISE_JSON_BACKUP_FORMAT_VERSION 2

/* The backup as pretty-printed JSON text, newly allocated. */
char            *loadwise_json_backup_from_dataset (const LoadwiseDataset  *dataset,
                                                    GDateTime              *exported_at,
                                                    gsize                  *out_length);
/* Parses and validates @data (@length -1: NUL-terminated). */
LoadwiseDataset *loadwise_json_backup_to_dataset   (const char             *data,
                                                    gssize                  length,
                                                    GError                **error);

/* Reads @path, at most 64 MB, and parses and validates it; an I/O fault
 * is a G_FILE_ERROR that names the file, the rest as above. */
LoadwiseDataset *loadwise_json_backup_read_file    (const char             *path,
                                                    GError                **error);

/* Writes everything in @database to a new file @path (0600; an existing
 * file is refused). */
gboolean         loadwise_json_backup_export       (LoadwiseDatabase       *database,
                                                    const char             *path,
                                                    GDateTime              *exported_at,
                                                    GError                **error);
/* Reads and validates @path, then writes it in one transaction
 * (loadwise_database_write_dataset(): into an empty database, or with
 * @replace after a backup copy, whose path goes to @out_backup_path). */
gboolean         loadwise_json_backup_import       (LoadwiseDatabase       *database,
                                                    const char             *path,
                                                    gboolean                replace,
                                                    char                  **out_backup_path,
                                                    GError                **error);

G_END_DECLS
