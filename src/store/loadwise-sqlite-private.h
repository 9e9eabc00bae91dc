/* loadwise-sqlite-private.h: the store's thin layer over sqlite3
 *
 * Private to src/store (and its tests). SQLite's result codes become a
 * GError in one place, loadwise_sqlite_error(), as Epiphany's
 * ephy-sqlite-connection.c does.
 *
 * Copyright 2026 The Loadwise developers
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
  gboolean      read_only;   /* the folder or file is not writable: reads only */
  LoadwiseClock *clock;      /* today, for the derived state */
  LoadwiseCatalogue *catalogue;
  /* Watching for other processes' commits (loadwise-database-watch.c). */
  GFileMonitor *monitors[2]; /* the database and its -wal */
  guint         watch_source;
  gint64        data_version; /* PRAGMA data_version last seen */
  /* Derived state (loadwise-database-derive.c): the day it was last worked
   * out for (invalid: not yet on this connection), and the earliest date
   * whose data this connection changed since, as YYYY-MM-DD ("" nothing,
   * LOADWISE_DERIVE_ALL everything). */
  GDate         derived_for;
  char          dirty_from[11];
  GHashTable   *cached_stmts; /* SQL text -> sqlite3_stmt, for the derivation */
};

/* dirty_from when everything must be worked out again. */
#define LOADWISE_DERIVE_ALL "0000-00-00"

/* A stored reason for people: rendered in the current language from its
 * @code (loadwise-reason.h) when that reads back, else the sentence
 * @prose that a Loadwise before schema 6 stored, in the language of its
 * day (loadwise-database-progression.c). */
char         *loadwise_store_render_reason   (const char             *code,
                                              const char             *prose);

/* Emits "changed" with @what (loadwise-database.c). Call it after a
 * commit, never inside a transaction. */
void          loadwise_database_emit_changed (LoadwiseDatabase       *self,
                                              LoadwiseDatabaseChange  what);

/* The cached statement @which, prepared from @sql on first use. */
sqlite3_stmt *loadwise_database_get_stmt     (LoadwiseDatabase  *self,
                                              LoadwiseStoreStmt  which,
                                              const char        *sql,
                                              GError           **error);

/* A statement of the connection's cache, prepared from @sql on first use
 * (loadwise_database_prepare_cached()). Borrowed: it is reset and its
 * bindings cleared when it goes out of scope, never finalized. Do not use
 * the same SQL again while one is being stepped. */
typedef sqlite3_stmt LoadwiseCachedStmt;

static inline void
loadwise_cached_stmt_release (LoadwiseCachedStmt *stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoadwiseCachedStmt, loadwise_cached_stmt_release)

LoadwiseCachedStmt *loadwise_database_prepare_cached (LoadwiseDatabase  *self,
                                                      const char        *sql,
                                                      GError           **error);

/* As loadwise_sqlite_query_row(), with a statement of the connection's
 * cache (loadwise_database_prepare_cached()). */
LoadwiseCachedStmt *loadwise_database_query_cached_row (LoadwiseDatabase  *self,
                                                        gboolean          *out_found,
                                                        GError           **error,
                                                        const char        *sql,
                                                        ...);

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
/* The kinds of value loadwise_sqlite_query_row() binds. */
typedef enum {
  LOADWISE_SQL_END,    /* no more values */
  LOADWISE_SQL_INT64,  /* a gint64 (cast a narrower number) */
  LOADWISE_SQL_TEXT,   /* a const char *, copied */
  LOADWISE_SQL_DATE,   /* a const GDate *, as YYYY-MM-DD */
} LoadwiseSqlArg;

/* Prepares @sql, binds the values that follow to ?1, ?2, ... (each a
 * LoadwiseSqlArg and its value, ending with LOADWISE_SQL_END) and steps
 * once: the statement, on its first row when *@out_found, for the caller
 * to read and finalize; NULL with @error set on failure. */
sqlite3_stmt *loadwise_sqlite_query_row      (sqlite3       *db,
                                              gboolean      *out_found,
                                              GError       **error,
                                              const char    *sql,
                                              ...);
/* The binding and stepping of loadwise_sqlite_query_row(), for a
 * statement prepared already. */
gboolean      loadwise_sqlite_bind_step_row  (sqlite3       *db,
                                              sqlite3_stmt  *stmt,
                                              gboolean      *out_found,
                                              GError       **error,
                                              va_list        args);
/* Runs a statement that returns no rows, then resets it and clears its
 * bindings so that a cached statement is ready for its next use. */
gboolean      loadwise_sqlite_step_done      (sqlite3       *db,
                                              sqlite3_stmt  *stmt,
                                              GError       **error);
/* Every write is one BEGIN IMMEDIATE transaction: a reader that later
 * writes would otherwise fail at once with SQLITE_BUSY_SNAPSHOT. */
gboolean      loadwise_sqlite_begin          (sqlite3       *db,
                                              GError       **error);
/* Rolls back if a transaction is open; keeps the first error. */
void          loadwise_sqlite_rollback       (sqlite3       *db);

/* Derived state (loadwise-database-derive.c). The store owns the
 * programme's derived state: the week decisions (week_plan, week_review)
 * and the flare periods' ends by the exit rule. Every write ends with
 * loadwise_database_finish_write(), which works it out again inside the
 * write's own transaction, commits, and emits "changed": no caller has a
 * close step to remember. */

/* Ends a write begun with loadwise_sqlite_begin(): when @ok, derives
 * (loadwise_database_derive_locked()), commits and emits "changed" with
 * @what, plus LOADWISE_DATABASE_CHANGE_DERIVED when the derived state
 * changed; else (or when deriving or COMMIT fails) rolls back, so a failed
 * call changes nothing. Returns whether the write stands. The one COMMIT
 * of the store's writes. */
gboolean      loadwise_database_finish_write (LoadwiseDatabase       *self,
                                              LoadwiseDatabaseChange  what,
                                              gboolean                ok,
                                              GError                **error);
/* Inside a write transaction: ends the active flare when the exit rule
 * says so, applies the start-at-level-0 rule, and takes every week
 * decision that is not final again for @today (in order, writing only
 * what differs). @out_changed: whether anything was written. */
gboolean      loadwise_database_derive_locked (LoadwiseDatabase  *self,
                                               const GDate       *today,
                                               gboolean          *out_changed,
                                               GError           **error);
/* For reads of derived state: derives in its own write transaction when
 * the clock's day moved on or this connection's data changed since the
 * last derivation; does nothing inside a transaction. A database locked
 * by another writer is not an error here: the stored state is read. */
gboolean      loadwise_database_ensure_derived (LoadwiseDatabase  *self,
                                                GError           **error);
/* Everything is worked out again on the next derivation (restore, import,
 * a new clock or catalogue). */
void          loadwise_database_mark_all_dirty (LoadwiseDatabase *self);
/* The SQL function and TEMP triggers that record which dates this
 * connection's writes touched (so that derivation starts there). */
gboolean      loadwise_database_install_derive_hooks (LoadwiseDatabase  *self,
                                                      GError           **error);

/* The week part of the derivation (loadwise-database-progression.c).
 * @dirty_from as in the struct; @tidy: also drop decisions of weeks that
 * have not ended (the day or the programme changed). */
gboolean      loadwise_database_derive_weeks_locked (LoadwiseDatabase        *self,
                                                     const LoadwiseCatalogue *catalogue,
                                                     const LoadwiseProgramme *programme,
                                                     const GDate             *today,
                                                     const char              *dirty_from,
                                                     gboolean                 tidy,
                                                     gboolean                *out_changed,
                                                     GError                 **error);

/* Marks final, as stored, each decided week the runner has trained after
 * (a session not skipped, or a done set, dated after the week): what
 * schema 6 did to older databases, and what an import of an older backup
 * does (loadwise-database-progression.c, "The rule"). */
#define LOADWISE_SQL_FINALIZE_TRAINED \
  "UPDATE week_review SET finalized_at = closed_at" \
  " WHERE finalized_at IS NULL AND EXISTS (SELECT 1 FROM programme WHERE id = 1)" \
  "  AND (EXISTS (SELECT 1 FROM session WHERE status <> 'skipped'" \
  "        AND date >= date ((SELECT start FROM programme WHERE id = 1)," \
  "                          '+' || (week * 7) || ' days'))" \
  "   OR EXISTS (SELECT 1 FROM set_log WHERE done" \
  "        AND date >= date ((SELECT start FROM programme WHERE id = 1)," \
  "                          '+' || (week * 7) || ' days')));"

/* Recorded runs (loadwise-database-runs.c), for the store's writes and
 * the dataset's check alike. The latest time a run may start: what
 * YYYY-MM-DDTHH:MM:SSZ can hold. */
#define LOADWISE_STORE_STARTED_AT_MAX G_GINT64_CONSTANT (253402300799) /* 9999-12-31T23:59:59Z */

/* @started_at within 1 .. LOADWISE_STORE_STARTED_AT_MAX; the error names
 * @field and the range. */
gboolean      loadwise_store_check_started_at (const char  *field,
                                               gint64       started_at,
                                               GError     **error);
/* @text exactly as the schema stores a start (YYYY-MM-DDTHH:MM:SSZ, a
 * time that exists, in the range above). */
gboolean      loadwise_store_check_started_at_text (const char  *field,
                                                    const char  *text,
                                                    GError     **error);
/* @text a SHA-256 as stored: 64 lowercase hex digits. */
gboolean      loadwise_store_check_sha256    (const char  *field,
                                              const char  *text,
                                              GError     **error);

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

/* LOADWISE_DATABASE_ERROR_IO: FORMAT names the file (made valid UTF-8),
 * g_strerror (@saved_errno) follows. Returns FALSE. */
gboolean      loadwise_store_set_io_error    (GError     **error,
                                              int          saved_errno,
                                              const char  *format,
                                              ...) G_GNUC_PRINTF (3, 4);

/* Writes the first rows of a database that is not yet in place. */
typedef gboolean (*LoadwiseDatabaseFillFunc) (LoadwiseDatabase  *database,
                                              gpointer           user_data,
                                              GError           **error);

/* Creates the database at @path whole or not at all: built and migrated
 * under a hidden name beside it, filled by @fill, synced, then renamed to
 * @path. On failure nothing is left. When @path exists already (or
 * another program creates it meanwhile), returns TRUE with *@out_created
 * FALSE and changes nothing. */
gboolean      loadwise_database_create_whole (const char              *path,
                                              LoadwiseDatabaseFillFunc  fill,
                                              gpointer                  user_data,
                                              gboolean                 *out_created,
                                              GError                  **error);

/* The commit hook every connection gets (loadwise-backups.c): records
 * that this process has written. */
int           loadwise_backups_on_commit     (void          *user_data);

/* A read-only connection to a file nobody vouches for (a backup, a file
 * to restore): SQLITE_DBCONFIG_DEFENSIVE on, trusted_schema off, so that
 * nothing of its schema runs; with @immutable, no -wal or -shm is read or
 * made beside it. */
sqlite3      *loadwise_backups_open_untrusted  (const char  *path,
                                                gboolean     immutable,
                                                GError     **error);
/* loadwise_database_find_latest_backup(): the newest copy that passes
 * loadwise_backups_check_file(). */
char         *loadwise_backups_find_latest     (const char  *data_dir);

struct _LoadwiseDataset;

/* loadwise_database_write_dataset(), its safety copy named for @kind (a
 * LoadwiseSafetyCopy, loadwise-backups.h): restore writes through it. */
gboolean      loadwise_database_write_dataset_as (LoadwiseDatabase  *self,
                                                  struct _LoadwiseDataset *dataset,
                                                  gboolean           replace,
                                                  int                kind,
                                                  char             **out_backup_path,
                                                  GError           **error);

/* Test hooks */

/* Like loadwise_database_open(), but migrates a new file only up to
 * @version (1 .. LOADWISE_DATABASE_SCHEMA_VERSION), so that tests can build
 * a genuine database of an older schema. */
LoadwiseDatabase *loadwise_database_open_at_version (const char  *path,
                                                     int          version,
                                                     GError     **error);
/* Like loadwise_database_open(), but read-only as when the data folder or
 * the file is not writable, whatever the permissions say (for tests that
 * run as root, whom permissions do not stop). */
LoadwiseDatabase *loadwise_database_open_read_only  (const char  *path,
                                                     GError     **error);
/* The connection, for tests that look at pragmas. */
sqlite3          *loadwise_database_get_handle      (LoadwiseDatabase *self);

G_STATIC_ASSERT (LOADWISE_STORE_RED_FLAGS_MASK == LOADWISE_RED_FLAGS_ALL);

G_END_DECLS
