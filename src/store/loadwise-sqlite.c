/* loadwise-sqlite.c: result codes to GError, statements, transactions
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "store/loadwise-sqlite-private.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n.h>

#include "core/loadwise-parse.h"
#include "core/loadwise-types.h"

/* The errno of the last failed call on the database's main file or its
 * journal (-wal or rollback journal), for when the connection's own
 * record of it was overwritten by the calls that cleaned up after the
 * failure. */
static int
last_file_errno (sqlite3 *db)
{
  sqlite3_file *journal = NULL;
  int saved = 0;

  if (sqlite3_file_control (db, "main", SQLITE_FCNTL_LAST_ERRNO, &saved) == SQLITE_OK && saved != 0)
    return saved;
  saved = 0;
  if (sqlite3_file_control (db, "main", SQLITE_FCNTL_JOURNAL_POINTER, &journal) == SQLITE_OK
      && journal != NULL && journal->pMethods != NULL
      && journal->pMethods->xFileControl (journal, SQLITE_FCNTL_LAST_ERRNO, &saved) == SQLITE_OK)
    return saved;
  return 0;
}

gboolean
loadwise_sqlite_error (sqlite3  *db,
                       int       rc,
                       GError  **error)
{
  const char *message = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);

  /* The primary code decides the class; extended codes refine it. */
  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, LOADWISE_DATABASE_ERROR, LOADWISE_DATABASE_ERROR_BUSY,
                   _("The database is locked by another program: %s"), message);
      break;

    case SQLITE_READONLY:
      {
        const char *file = db != NULL ? sqlite3_db_filename (db, "main") : NULL;
        g_autofree char *dir = file != NULL && *file != '\0' ? g_path_get_dirname (file) : NULL;
        g_autofree char *display = dir != NULL ? g_filename_display_name (dir) : NULL;

        /* Every write of a read-only database ends here: say where. */
        if (display != NULL)
          g_set_error (error, LOADWISE_DATABASE_ERROR, LOADWISE_DATABASE_ERROR_READ_ONLY,
                       _("The data folder “%s” is read-only: Loadwise can show the data but not "
                         "change it (%s)"), display, message);
        else
          g_set_error (error, LOADWISE_DATABASE_ERROR, LOADWISE_DATABASE_ERROR_READ_ONLY,
                       _("The database is read-only: %s"), message);
      }
      break;

    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error (error, LOADWISE_DATABASE_ERROR, LOADWISE_DATABASE_ERROR_CORRUPT,
                   _("The database file is damaged or is not a database: %s"), message);
      break;

    case SQLITE_FULL:
    case SQLITE_IOERR:
      {
        /* SQLite's own words ("disk I/O error") hide the reason a runner
         * can act on; the system's errno names it: no space left, file
         * too large, a read-only medium. */
        int system_errno = db != NULL ? sqlite3_system_errno (db) : 0;

        if (system_errno == 0 && db != NULL)
          system_errno = last_file_errno (db);
        /* SQLite reports a short write as FULL and keeps no errno. */
        if (system_errno == 0 && (rc & 0xff) == SQLITE_FULL)
          system_errno = ENOSPC;

        if (system_errno != 0)
          {
            g_set_error (error, LOADWISE_DATABASE_ERROR, LOADWISE_DATABASE_ERROR_FAILED,
                         _("Could not write the database: %s (%s)"),
                         g_strerror (system_errno), message);
            break;
          }
      }
      G_GNUC_FALLTHROUGH;

    default:
      g_set_error (error, LOADWISE_DATABASE_ERROR, LOADWISE_DATABASE_ERROR_FAILED,
                   _("Database error: %s"), message);
      break;
    }

  return FALSE;
}

/* SQLITE_PROTOCOL: the WAL index changed under this connection just as
 * it began to read, because another program's connection reset or
 * recovered it. SQLite retries that race itself, briefly; on a loaded
 * machine it can lose (seen: the reminder service and the app opening
 * the file together). It only happens as a read or write transaction
 * begins, before any row and any change, so the statement is run again
 * after a moment, for up to a second. */
#define PROTOCOL_RETRY_MS 1000

static gboolean
may_retry (int    rc,
           guint *waited_ms)
{
  if (rc != SQLITE_PROTOCOL || *waited_ms >= PROTOCOL_RETRY_MS)
    return FALSE;
  g_debug ("SQLite lost a race for the WAL index; trying again");
  g_usleep (10 * 1000);
  *waited_ms += 10;
  return TRUE;
}

static int
step_retrying (sqlite3_stmt *stmt)
{
  guint waited_ms = 0;
  int rc;

  while (may_retry (rc = sqlite3_step (stmt), &waited_ms))
    sqlite3_reset (stmt);
  return rc;
}

gboolean
loadwise_sqlite_exec (sqlite3     *db,
                      const char  *sql,
                      GError     **error)
{
  const char *end = strchr (sql, ';');
  /* A script of several statements is not run twice: one that failed
   * half-way may have changed something already. */
  gboolean single = end == NULL || end[strspn (end, "; \n\t")] == '\0';
  guint waited_ms = 0;
  int rc;

  while ((rc = sqlite3_exec (db, sql, NULL, NULL, NULL)) != SQLITE_OK && single && may_retry (rc, &waited_ms))
    ;

  if (rc != SQLITE_OK)
    return loadwise_sqlite_error (db, rc, error);
  return TRUE;
}

sqlite3_stmt *
loadwise_sqlite_prepare (sqlite3     *db,
                         const char  *sql,
                         GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  guint waited_ms = 0;
  int rc;

  /* Preparing reads the schema: the same race as a first step. */
  while (may_retry (rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), &waited_ms))
    ;

  if (rc != SQLITE_OK)
    {
      loadwise_sqlite_error (db, rc, error);
      sqlite3_finalize (stmt);
      return NULL;
    }
  return stmt;
}

int
loadwise_sqlite_step (sqlite3       *db,
                      sqlite3_stmt  *stmt,
                      GError       **error)
{
  int rc = step_retrying (stmt);

  if (rc == SQLITE_ROW || rc == SQLITE_DONE)
    return rc;

  loadwise_sqlite_error (db, rc, error);
  sqlite3_reset (stmt);
  return -1;
}

gboolean
loadwise_sqlite_bind_step_row (sqlite3       *db,
                               sqlite3_stmt  *stmt,
                               gboolean      *out_found,
                               GError       **error,
                               va_list        args)
{
  LoadwiseSqlArg kind;
  int index = 1;
  int rc;

  *out_found = FALSE;
  while ((kind = va_arg (args, LoadwiseSqlArg)) != LOADWISE_SQL_END)
    {
      switch (kind)
        {
        case LOADWISE_SQL_INT64:
          sqlite3_bind_int64 (stmt, index, va_arg (args, gint64));
          break;
        case LOADWISE_SQL_TEXT:
          sqlite3_bind_text (stmt, index, va_arg (args, const char *), -1, SQLITE_TRANSIENT);
          break;
        case LOADWISE_SQL_DATE:
          loadwise_sqlite_bind_date (stmt, index, va_arg (args, const GDate *));
          break;
        case LOADWISE_SQL_END:
        default:
          g_assert_not_reached ();
        }
      index++;
    }

  rc = loadwise_sqlite_step (db, stmt, error);
  if (rc == -1)
    return FALSE;
  *out_found = rc == SQLITE_ROW;
  return TRUE;
}

sqlite3_stmt *
loadwise_sqlite_query_row (sqlite3     *db,
                           gboolean    *out_found,
                           GError     **error,
                           const char  *sql,
                           ...)
{
  g_autoptr (sqlite3_stmt) stmt = loadwise_sqlite_prepare (db, sql, error);
  va_list args;
  gboolean ok;

  *out_found = FALSE;
  if (stmt == NULL)
    return NULL;

  va_start (args, sql);
  ok = loadwise_sqlite_bind_step_row (db, stmt, out_found, error, args);
  va_end (args);
  return ok ? g_steal_pointer (&stmt) : NULL;
}

gboolean
loadwise_sqlite_step_done (sqlite3       *db,
                           sqlite3_stmt  *stmt,
                           GError       **error)
{
  int rc = step_retrying (stmt);
  gboolean ok = TRUE;

  if (rc != SQLITE_DONE)
    ok = loadwise_sqlite_error (db, rc == SQLITE_ROW ? SQLITE_MISUSE : rc, error);

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return ok;
}

gboolean
loadwise_sqlite_begin (sqlite3  *db,
                       GError  **error)
{
  return loadwise_sqlite_exec (db, "BEGIN IMMEDIATE", error);
}

void
loadwise_sqlite_rollback (sqlite3 *db)
{
  if (!sqlite3_get_autocommit (db))
    sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
}

gboolean
loadwise_sqlite_get_user_version (sqlite3  *db,
                                  int      *out_version,
                                  GError  **error)
{
  g_autoptr (sqlite3_stmt) stmt = loadwise_sqlite_prepare (db, "PRAGMA user_version", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = loadwise_sqlite_step (db, stmt, error);
  if (rc == -1)
    return FALSE;
  if (rc != SQLITE_ROW)
    return loadwise_sqlite_error (db, SQLITE_ERROR, error);
  *out_version = sqlite3_column_int (stmt, 0);
  return TRUE;
}

void
loadwise_sqlite_bind_date (sqlite3_stmt *stmt,
                           int           index,
                           const GDate  *date)
{
  sqlite3_bind_text (stmt, index, loadwise_date_to_iso (date), -1, g_free);
}

gboolean
loadwise_sqlite_column_date (sqlite3_stmt  *stmt,
                             int            column,
                             GDate         *out_date,
                             GError       **error)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return loadwise_parse_date ("date", text != NULL ? text : "", out_date, error);
}
