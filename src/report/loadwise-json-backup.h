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

/* Writes everything in @database to @path (0600), whole or not at all
 * (a temporary file renamed into place). An existing file is refused
 * unless @replace (the runner agreed to it in a file chooser). */
gboolean         loadwise_json_backup_export       (LoadwiseDatabase       *database,
                                                    const char             *path,
                                                    GDateTime              *exported_at,
                                                    gboolean                replace,
                                                    GError                **error);
/* Reads and validates @path, then writes it in one transaction
 * (loadwise_database_write_dataset(): into an empty database, or with
 * @replace after a backup copy, whose path goes to @out_backup_path). */
gboolean         loadwise_json_backup_import       (LoadwiseDatabase       *database,
                                                    const char             *path,
                                                    gboolean                replace,
                                                    char                  **out_backup_path,
                                                    GError                **error);

/* What importing a backup would change (issue 13), shown before anything
 * is written. An import always puts the backup's data in place of all
 * the data there: into an empty database that adds it; otherwise it
 * replaces it, after a safety copy. The kinds a runner knows by name. */
typedef enum {
  LOADWISE_JSON_BACKUP_KIND_PROGRAMME,     /* 0 or 1 */
  LOADWISE_JSON_BACKUP_KIND_SESSIONS,
  LOADWISE_JSON_BACKUP_KIND_SETS,
  LOADWISE_JSON_BACKUP_KIND_PAIN_RATINGS,  /* pain per exercise */
  LOADWISE_JSON_BACKUP_KIND_CHECKINS,
  LOADWISE_JSON_BACKUP_KIND_RUNS,
  LOADWISE_JSON_BACKUP_KIND_SHOES,
  LOADWISE_JSON_BACKUP_KIND_FLARES,
  LOADWISE_JSON_BACKUP_KIND_SETTINGS,
  LOADWISE_JSON_BACKUP_N_KINDS
} LoadwiseJsonBackupKind;

typedef struct {
  guint    incoming[LOADWISE_JSON_BACKUP_N_KINDS];  /* rows in the backup */
  guint    current[LOADWISE_JSON_BACKUP_N_KINDS];   /* rows in the database now */
  /* The database holds anything at all (any table, not only the kinds
   * above): the import replaces it rather than adding to it. */
  gboolean replaces;
  /* The backup's first and last day with a session, a check-in or a run;
   * both invalid (g_date_valid()) when it has none. */
  GDate    first;
  GDate    last;
} LoadwiseJsonBackupPreview;

/* The table of the backup (its name in the file, "sessions") that @kind counts. */
const char      *loadwise_json_backup_kind_get_table (LoadwiseJsonBackupKind     kind);

/* Counts @incoming against @current_counts, the rows of each table of
 * loadwise_dataset_get_tables() in the database (loadwise_database_count_rows()). */
void             loadwise_json_backup_preview_init (LoadwiseJsonBackupPreview *out_preview,
                                                    const LoadwiseDataset     *incoming,
                                                    const guint               *current_counts);
/* Reads and validates @path as loadwise_json_backup_read_file() does (the
 * CLI's import reads it so too) and counts it against @database; the
 * dataset goes to @out_dataset, for loadwise_database_write_dataset()
 * once the runner has seen the preview. Writes nothing. */
gboolean         loadwise_json_backup_preview_file (LoadwiseDatabase          *database,
                                                    const char                *path,
                                                    LoadwiseDataset          **out_dataset,
                                                    LoadwiseJsonBackupPreview *out_preview,
                                                    GError                   **error);

G_END_DECLS
