/* loadwise-backups.h: the rolling daily backups in DATA_DIR/backups
 *
 * Once a day, the first program that writes (the app, the CLI) leaves a
 * copy of the whole database there, named loadwise-daily-YYYYMMDD.db. The
 * 7 newest daily copies are kept, and the newest of each of the 4 weeks
 * before them; older daily copies are removed. Nothing else in the folder
 * is ever removed: the copies made before an upgrade or a restore
 * (loadwise-vN-...), damaged files and the runner's own files stay.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "store/loadwise-database.h"

G_BEGIN_DECLS

/* How many daily copies are kept, and of how many weeks before them. */
#define LOADWISE_BACKUPS_KEEP_DAILY  7
#define LOADWISE_BACKUPS_KEEP_WEEKLY 4

typedef enum {
  LOADWISE_BACKUP_KIND_DAILY,   /* loadwise-daily-YYYYMMDD.db, rolled */
  LOADWISE_BACKUP_KIND_SAFETY,  /* loadwise-vN-...: before an upgrade or a restore */
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

/* LoadwiseBackup* of every regular .db file in DATA_DIR/backups, newest
 * first (the same order as loadwise_database_find_latest_backup()). An
 * empty array when there is no such folder. */
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

/* Whether any database connection of this process has committed a write
 * (a command that only reads never takes the daily copy). */
gboolean    loadwise_backups_process_has_written (void);

G_END_DECLS
