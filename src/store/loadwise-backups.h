/* loadwise-backups.h: the copies of the database in DATA_DIR/backups
 *
 * Once a day, the first program that writes (the app, the CLI) leaves a
 * copy of the whole database there, named loadwise-daily-YYYYMMDD.db. The
 * 7 newest daily copies are kept, and the newest of each of the 4 weeks
 * before them; older daily copies are removed.
 *
 * Before an upgrade of the schema (loadwise-vN-STAMP.db, N the schema it
 * had), an import that replaces the data (loadwise-before-import-STAMP.db)
 * and a restore (loadwise-before-restore-STAMP.db), a safety copy is taken;
 * the 5 newest of each of these three kinds are kept, and older ones of the
 * same kind are removed after each new one. Nothing else in the folder is
 * ever removed: damaged files and the runner's own files stay.
 *
 * Every copy is written by one mechanism (loadwise_backups_write_copy()):
 * VACUUM INTO a hidden temporary name, fsync, a rename that never replaces
 * a file, fsync of the folder. So a name ending in .db holds a whole copy
 * or nothing, and two programs never pick the same name. A file that does
 * not pass a quick check (SQLite's header, not empty, PRAGMA quick_check)
 * is never listed or offered.
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "store/loadwise-database.h"

G_BEGIN_DECLS

/* How many daily copies are kept, and of how many weeks before them. */
#define LOADWISE_BACKUPS_KEEP_DAILY  7
#define LOADWISE_BACKUPS_KEEP_WEEKLY 4

/* How many safety copies of each kind are kept. */
#define LOADWISE_BACKUPS_KEEP_SAFETY 5

typedef enum {
  LOADWISE_BACKUP_KIND_DAILY,   /* loadwise-daily-YYYYMMDD.db, rolled */
  LOADWISE_BACKUP_KIND_SAFETY,  /* before an upgrade, an import or a restore */
  LOADWISE_BACKUP_KIND_OTHER,   /* any other .db file put there */
} LoadwiseBackupKind;

typedef struct {
  char               *path;
  char               *name;      /* the file name, for display */
  GDateTime          *modified;  /* local time the copy was written */
  goffset             size;      /* bytes */
  LoadwiseBackupKind  kind;
} LoadwiseBackup;

void        loadwise_backup_free          (LoadwiseBackup    *backup);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoadwiseBackup, loadwise_backup_free)

/* "loadwise-daily-YYYYMMDD.db" for @date. */
char       *loadwise_backups_daily_name   (const GDate       *date);
/* Whether @name is a daily copy's name; @out_date (may be NULL) gets its day. */
gboolean    loadwise_backups_parse_daily_name (const char    *name,
                                           GDate             *out_date);

/* What a safety copy is taken before. */
typedef enum {
  LOADWISE_SAFETY_COPY_UPGRADE,  /* loadwise-vN-STAMP.db */
  LOADWISE_SAFETY_COPY_IMPORT,   /* loadwise-before-import-STAMP.db */
  LOADWISE_SAFETY_COPY_RESTORE,  /* loadwise-before-restore-STAMP.db */
} LoadwiseSafetyCopy;

/* LoadwiseBackup* of every regular .db file in DATA_DIR/backups that
 * passes loadwise_backups_check_file(), newest first (the same order as
 * loadwise_database_find_latest_backup()). An empty array when there is
 * no such folder. */
GPtrArray  *loadwise_backups_list         (const char        *data_dir,
                                           GError           **error);

/* Whether the daily copy for @today is there already. */
gboolean    loadwise_backups_has_daily    (const char        *data_dir,
                                           const GDate       *today);

/* Takes today's daily copy of @database unless one for @today exists
 * already (a cheap look at file names), then prunes. The copy is written
 * under a temporary name and renamed, so a daily name always holds a whole
 * copy. @out_path (may be NULL) receives the new file, or NULL when there
 * was nothing to do. */
gboolean    loadwise_backups_take_daily   (LoadwiseDatabase  *database,
                                           const GDate       *today,
                                           char             **out_path,
                                           GError           **error);

/* Removes the daily copies that the rule above no longer keeps;
 * @out_removed (may be NULL) receives how many. Only daily names are
 * looked at. */
gboolean    loadwise_backups_prune        (const char        *data_dir,
                                           guint             *out_removed,
                                           GError           **error);

/* Whether @path looks like a whole database: a regular file, not empty,
 * SQLite's header, and PRAGMA quick_check "ok" on a read-only connection
 * that runs nothing of the file's schema. */
gboolean    loadwise_backups_check_file   (const char        *path,
                                           GError           **error);

/* Writes a consistent copy of @database to @dest_path: VACUUM INTO a
 * hidden temporary name beside it (0600), fsync, then a rename that never
 * replaces a file, and fsync of the folder. With @unique, a name that is
 * taken becomes NAME-2.db, -3 ...; without, a taken name is an error
 * (LOADWISE_DATABASE_ERROR_IO) and nothing is written. On failure the
 * temporary file is removed. Returns the name written. */
char       *loadwise_backups_write_copy   (LoadwiseDatabase  *database,
                                           const char        *dest_path,
                                           gboolean           unique,
                                           GError           **error);

/* Takes a safety copy of @database into DATA_DIR/backups under a name of
 * @kind that no other copy has, then removes the copies of that kind
 * beyond the LOADWISE_BACKUPS_KEEP_SAFETY newest. Returns the new file. */
char       *loadwise_backups_take_safety_copy (LoadwiseDatabase  *database,
                                           LoadwiseSafetyCopy kind,
                                           GError           **error);
/* Removes the copies of @kind beyond the @keep newest (by time written,
 * then name); only names of that kind are looked at. */
gboolean    loadwise_backups_prune_safety (const char        *data_dir,
                                           LoadwiseSafetyCopy kind,
                                           guint              keep,
                                           guint             *out_removed,
                                           GError           **error);

/* Whether any database connection of this process has committed a write
 * (a command that only reads never takes the daily copy). */
gboolean    loadwise_backups_process_has_written (void);

G_END_DECLS
