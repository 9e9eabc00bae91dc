/* loadwise-sqlite-private.h: the store's thin layer over sqlite3
 *
 * Private to src/store (and its tests). SQLite's result codes become a
 * GError in one place, loadwise_sqlite_error(), as Epiphany's
 * ephy-sqlite-connection.c does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

#include "core/loadwise-red-flags.h"
#include "store/loadwise-database.h"

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

/* The ranges the store accepts for a set log; the schema's CHECK
 * constraints repeat them, so they are plain numbers. The longest ladder
 * has 10 sets (level 0 bridge holds, PROGRAMME.md). */
#define LOADWISE_STORE_SETS_MAX       20
/* Ten years of maintenance weeks: more than anyone will log. */
#define LOADWISE_STORE_WEEK_MAX       520
#define LOADWISE_STORE_REPS_MAX       999
#define LOADWISE_STORE_HOLD_MAX_S     3600
#define LOADWISE_STORE_RED_FLAGS_MASK 31

/* Statements that log_set() runs for every tick, prepared once. */
typedef enum {
  LOADWISE_STORE_STMT_ENSURE_SESSION,
  LOADWISE_STORE_STMT_UPSERT_SET,
  LOADWISE_STORE_N_STMTS,
} LoadwiseStoreStmt;

struct _LoadwiseDatabase
{
  GObject       parent_instance;

  sqlite3      *db;
  char         *path;
  char         *data_dir;
  int           schema_version;
  sqlite3_stmt *stmts[LOADWISE_STORE_N_STMTS];
  char         *open_key;    /* the file's "dev:ino" in the open-files registry */
  LoadwiseClock *clock;      /* today, for the derived state */
  LoadwiseCatalogue *catalogue;
  /* Watching for other processes' commits (loadwise-database-watch.c). */
  GFileMonitor *monitors[2]; /* the database and its -wal */
  guint         watch_source;
  gint64        data_version; /* PRAGMA data_version last seen */
};

/* Emits "changed" with @what (loadwise-database.c). Call it after a
 * commit, never inside a transaction. */
void          loadwise_database_emit_changed (LoadwiseDatabase       *self,
                                              LoadwiseDatabaseChange  what);

/* The cached statement @which, prepared from @sql on first use. */
sqlite3_stmt *loadwise_database_get_stmt     (LoadwiseDatabase  *self,
                                              LoadwiseStoreStmt  which,
                                              const char        *sql,
                                              GError           **error);

/* Sets @error from @rc and the connection's message; always returns FALSE. */
gboolean      loadwise_sqlite_error          (sqlite3       *db,
                                              int            rc,
                                              GError       **error);
gboolean      loadwise_sqlite_exec           (sqlite3       *db,
                                              const char    *sql,
                                              GError       **error);
sqlite3_stmt *loadwise_sqlite_prepare        (sqlite3       *db,
                                              const char    *sql,
                                              GError       **error);
/* SQLITE_ROW or SQLITE_DONE, or -1 with @error set (and @stmt reset). */
int           loadwise_sqlite_step           (sqlite3       *db,
                                              sqlite3_stmt  *stmt,
                                              GError       **error);
/* Runs a statement that returns no rows, then resets it and clears its
 * bindings so that a cached statement is ready for its next use. */
gboolean      loadwise_sqlite_step_done      (sqlite3       *db,
                                              sqlite3_stmt  *stmt,
                                              GError       **error);
/* Every write is one BEGIN IMMEDIATE transaction: a reader that later
 * writes would otherwise fail at once with SQLITE_BUSY_SNAPSHOT. */
gboolean      loadwise_sqlite_begin          (sqlite3       *db,
                                              GError       **error);
gboolean      loadwise_sqlite_commit         (sqlite3       *db,
                                              GError       **error);
/* Rolls back if a transaction is open; keeps the first error. */
void          loadwise_sqlite_rollback       (sqlite3       *db);
/* Ends a write: COMMIT when @ok, else (or when COMMIT fails) ROLLBACK, so a
 * failed call changes nothing. Returns whether the write stands. */
gboolean      loadwise_sqlite_finish         (sqlite3       *db,
                                              gboolean       ok,
                                              GError       **error);

/* When a row was written, as every table stores it: UTC ISO 8601. */
#define LOADWISE_SQL_NOW "strftime ('%Y-%m-%dT%H:%M:%SZ', 'now')"

gboolean      loadwise_sqlite_get_user_version (sqlite3     *db,
                                                int         *out_version,
                                                GError     **error);

/* Binds @date as YYYY-MM-DD. */
void          loadwise_sqlite_bind_date      (sqlite3_stmt  *stmt,
                                              int            index,
                                              const GDate   *date);
/* Reads a YYYY-MM-DD column. */
gboolean      loadwise_sqlite_column_date    (sqlite3_stmt  *stmt,
                                              int            column,
                                              GDate         *out_date,
                                              GError       **error);

/* Migrations (loadwise-migrations.c): applies the steps after @from up to
 * @to, each in its own BEGIN IMMEDIATE transaction that also sets
 * user_version. A step already applied by another connection is skipped. */
gboolean      loadwise_migrations_apply      (sqlite3       *db,
                                              int            from,
                                              int            to,
                                              GError       **error);

/* The commit hook every connection gets (loadwise-backups.c): records
 * that this process has written. */
int           loadwise_backups_on_commit     (void          *user_data);

/* Test hooks */

/* Like loadwise_database_open(), but migrates a new file only up to
 * @version (1 .. LOADWISE_DATABASE_SCHEMA_VERSION), so that tests can build
 * a genuine database of an older schema. */
LoadwiseDatabase *loadwise_database_open_at_version (const char  *path,
                                                     int          version,
                                                     GError     **error);
/* The connection, for tests that look at pragmas. */
sqlite3          *loadwise_database_get_handle      (LoadwiseDatabase *self);

G_STATIC_ASSERT (LOADWISE_STORE_RED_FLAGS_MASK == LOADWISE_RED_FLAGS_ALL);

G_END_DECLS
