/* loadwise-database.c: opening, migrating, backing up and recovering the file
 *
 * The queries on the runner's records are in loadwise-database-records.c.
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE /* renameat2 () */

#include "store/loadwise-sqlite-private.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "core/loadwise-data-folder.h"
#include "core/loadwise-file.h"
#include "store/loadwise-backups.h"
#include "store/loadwise-database-dataset.h"

/* Long enough for a reminder service's write to finish, short enough that a
 * stuck lock is reported instead of freezing the window. */
#define BUSY_TIMEOUT_MS 5000

G_DEFINE_QUARK (loadwise-database-error-quark, loadwise_database_error)

G_DEFINE_FINAL_TYPE (LoadwiseDatabase, loadwise_database, G_TYPE_OBJECT)

static void
finalize_stmts (LoadwiseDatabase *self)
{
  for (guint i = 0; i < LOADWISE_STORE_N_STMTS; i++)
    g_clear_pointer (&self->stmts[i], sqlite3_finalize);
  if (self->cached_stmts != NULL)
    g_hash_table_remove_all (self->cached_stmts);
}

/* Closing any descriptor of a file drops every POSIX lock this process
 * holds on it, SQLite's included ("How To Corrupt An SQLite Database
 * File", 2.2.1): another program then believes it is the last one using
 * the file, checkpoints and deletes the -wal under this connection's
 * feet. check_header() opens and closes the database file, so it must not
 * run while another connection of this process has the file open. Opens
 * are serialized, and a file that is open already passed the check. */
static GMutex open_files_lock;
static GHashTable *open_files;  /* "dev:ino" -> GUINT_TO_POINTER (count) */

static char *
get_file_key (const char *path)
{
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    return NULL;
  return g_strdup_printf ("%" G_GUINT64_FORMAT ":%" G_GUINT64_FORMAT,
                          (guint64) st.st_dev, (guint64) st.st_ino);
}

/* Call with open_files_lock held. */
static gboolean
file_is_open (const char *key)
{
  return key != NULL && open_files != NULL && g_hash_table_contains (open_files, key);
}

/* Call with open_files_lock held. */
static void
register_open_file (LoadwiseDatabase *self)
{
  guint count;

  self->open_key = get_file_key (self->path);
  if (self->open_key == NULL)
    return;
  if (open_files == NULL)
    open_files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  count = GPOINTER_TO_UINT (g_hash_table_lookup (open_files, self->open_key));
  g_hash_table_insert (open_files, g_strdup (self->open_key), GUINT_TO_POINTER (count + 1));
}

static void
unregister_open_file (LoadwiseDatabase *self)
{
  guint count;

  if (self->open_key == NULL)
    return;

  g_mutex_lock (&open_files_lock);
  count = GPOINTER_TO_UINT (g_hash_table_lookup (open_files, self->open_key));
  if (count > 1)
    g_hash_table_insert (open_files, g_strdup (self->open_key), GUINT_TO_POINTER (count - 1));
  else
    g_hash_table_remove (open_files, self->open_key);
  g_mutex_unlock (&open_files_lock);
  g_clear_pointer (&self->open_key, g_free);
}

static void
loadwise_database_finalize (GObject *object)
{
  LoadwiseDatabase *self = LOADWISE_DATABASE (object);

  loadwise_database_unwatch (self);
  finalize_stmts (self);
  g_clear_pointer (&self->cached_stmts, g_hash_table_unref);
  g_clear_pointer (&self->db, sqlite3_close);
  unregister_open_file (self);
  g_clear_object (&self->clock);
  g_clear_pointer (&self->catalogue, loadwise_catalogue_unref);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->data_dir, g_free);

  G_OBJECT_CLASS (loadwise_database_parent_class)->finalize (object);
}

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
loadwise_database_class_init (LoadwiseDatabaseClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = loadwise_database_finalize;

  /**
   * LoadwiseDatabase::changed:
   * @what: the #LoadwiseDatabaseChange flags of what changed
   *
   * After this connection committed a write, and after another
   * connection's commit was seen (LOADWISE_DATABASE_CHANGE_EXTERNAL).
   * The derived state is up to date when it is emitted.
   */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
}

void
loadwise_database_emit_changed (LoadwiseDatabase       *self,
                                LoadwiseDatabaseChange  what)
{
  g_return_if_fail (LOADWISE_IS_DATABASE (self));

  g_signal_emit (self, signals[SIGNAL_CHANGED], 0, (guint) what);
}

void
loadwise_database_set_clock (LoadwiseDatabase *self,
                             LoadwiseClock    *clock)
{
  g_return_if_fail (LOADWISE_IS_DATABASE (self));
  g_return_if_fail (clock == NULL || LOADWISE_IS_CLOCK (clock));

  g_set_object (&self->clock, clock);
  /* Another today: the derived state is worked out again when next read. */
  g_date_clear (&self->derived_for, 1);
}

LoadwiseClock *
loadwise_database_get_clock (LoadwiseDatabase *self)
{
  g_return_val_if_fail (LOADWISE_IS_DATABASE (self), NULL);

  if (self->clock == NULL)
    self->clock = loadwise_clock_new_system ();
  return self->clock;
}

void
loadwise_database_set_catalogue (LoadwiseDatabase  *self,
                                 LoadwiseCatalogue *catalogue)
{
  g_return_if_fail (LOADWISE_IS_DATABASE (self));

  if (catalogue != NULL)
    loadwise_catalogue_ref (catalogue);
  g_clear_pointer (&self->catalogue, loadwise_catalogue_unref);
  self->catalogue = catalogue;
  loadwise_database_mark_all_dirty (self);
}

LoadwiseCatalogue *
loadwise_database_get_catalogue (LoadwiseDatabase *self)
{
  g_return_val_if_fail (LOADWISE_IS_DATABASE (self), NULL);

  if (self->catalogue == NULL)
    {
      g_autoptr (GError) error = NULL;

      self->catalogue = loadwise_catalogue_load_default (&error);
      if (self->catalogue == NULL)
        g_warning ("The exercise catalogue could not be loaded: %s", error->message);
    }
  return self->catalogue;
}

static void
loadwise_database_init (LoadwiseDatabase *self)
{
  /* A new connection has not worked anything out yet. */
  g_date_clear (&self->derived_for, 1);
  loadwise_database_mark_all_dirty (self);
}

sqlite3_stmt *
loadwise_database_get_stmt (LoadwiseDatabase  *self,
                            LoadwiseStoreStmt  which,
                            const char        *sql,
                            GError           **error)
{
  g_return_val_if_fail (which < LOADWISE_STORE_N_STMTS, NULL);

  if (self->stmts[which] == NULL)
    self->stmts[which] = loadwise_sqlite_prepare (self->db, sql, error);
  return self->stmts[which];
}

static void
finalize_stmt (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

LoadwiseCachedStmt *
loadwise_database_prepare_cached (LoadwiseDatabase  *self,
                                  const char        *sql,
                                  GError           **error)
{
  sqlite3_stmt *stmt;

  if (self->cached_stmts == NULL)
    self->cached_stmts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_stmt);
  stmt = g_hash_table_lookup (self->cached_stmts, sql);
  if (stmt == NULL)
    {
      stmt = loadwise_sqlite_prepare (self->db, sql, error);
      if (stmt == NULL)
        return NULL;
      g_hash_table_insert (self->cached_stmts, g_strdup (sql), stmt);
    }
  return stmt;
}

LoadwiseCachedStmt *
loadwise_database_query_cached_row (LoadwiseDatabase  *self,
                                    gboolean          *out_found,
                                    GError           **error,
                                    const char        *sql,
                                    ...)
{
  LoadwiseCachedStmt *stmt = loadwise_database_prepare_cached (self, sql, error);
  va_list args;
  gboolean ok;

  *out_found = FALSE;
  if (stmt == NULL)
    return NULL;

  va_start (args, sql);
  ok = loadwise_sqlite_bind_step_row (self->db, stmt, out_found, error, args);
  va_end (args);
  if (!ok)
    {
      loadwise_cached_stmt_release (stmt);
      return NULL;
    }
  return stmt;
}

sqlite3 *
loadwise_database_get_handle (LoadwiseDatabase *self)
{
  g_return_val_if_fail (LOADWISE_IS_DATABASE (self), NULL);

  return self->db;
}

char *
loadwise_database_get_default_dir (void)
{
  /* $LOADWISE_DATA_DIR, the remembered folder, or $XDG_DATA_HOME's
   * (core/loadwise-data-folder.h): one lookup for all three programs. */
  return loadwise_data_folder_get ();
}

char *
loadwise_database_build_path (const char *data_dir)
{
  g_return_val_if_fail (data_dir != NULL, NULL);

  return g_build_filename (data_dir, "loadwise.db", NULL);
}

const char *
loadwise_database_get_path (LoadwiseDatabase *self)
{
  g_return_val_if_fail (LOADWISE_IS_DATABASE (self), NULL);

  return self->path;
}

int
loadwise_database_get_schema_version (LoadwiseDatabase *self)
{
  g_return_val_if_fail (LOADWISE_IS_DATABASE (self), 0);

  return self->schema_version;
}

/* Files and folders */

gboolean
loadwise_store_set_io_error (GError     **error,
                             int          saved_errno,
                             const char  *format,
                             ...)
{
  g_autofree char *message = NULL;
  g_autofree char *valid = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  /* File names need not be UTF-8; messages must be. */
  valid = g_utf8_make_valid (message, -1);
  g_set_error (error, LOADWISE_DATABASE_ERROR, LOADWISE_DATABASE_ERROR_IO,
               "%s: %s", valid, g_strerror (saved_errno));
  return FALSE;
}

static gboolean
make_private_dir (const char  *dir,
                  GError     **error)
{
  if (g_mkdir_with_parents (dir, 0700) != 0)
    return loadwise_store_set_io_error (error, errno, _("Could not create the folder “%s”"), dir);
  return TRUE;
}

static char *
timestamp_now (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y%m%d-%H%M%S");
}

/* Opening */

static gboolean
count_schema_objects (sqlite3  *db,
                      int      *out_count,
                      GError  **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  stmt = loadwise_sqlite_prepare (db, "SELECT count(*) FROM sqlite_master", error);
  if (stmt == NULL || loadwise_sqlite_step (db, stmt, error) != SQLITE_ROW)
    return FALSE;
  *out_count = sqlite3_column_int (stmt, 0);
  return TRUE;
}

/* SQLite, asked to open a file that is not a database while a -wal file
 * lies next to it, deletes that -wal when it closes: so a file without
 * SQLite's header is refused before SQLite sees it. An empty file is a
 * new database. */
static gboolean
check_header (const char  *path,
              GError     **error)
{
  static const char magic[16] = "SQLite format 3";
  char header[sizeof magic];
  gssize n_read;
  int fd;

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    return loadwise_store_set_io_error (error, errno, _("Could not open “%s”"), path);
  n_read = read (fd, header, sizeof header);
  if (n_read < 0)
    {
      int saved_errno = errno;

      g_close (fd, NULL);
      return loadwise_store_set_io_error (error, saved_errno, _("Could not read “%s”"), path);
    }
  g_close (fd, NULL);

  if (n_read == 0 || (n_read == sizeof header && memcmp (header, magic, sizeof magic) == 0))
    return TRUE;

  loadwise_sqlite_error (NULL, SQLITE_NOTADB, error);
  return FALSE;
}

static gboolean
journal_mode_is_wal (sqlite3  *db,
                     gboolean *out_wal,
                     GError  **error)
{
  g_autoptr (sqlite3_stmt) stmt = loadwise_sqlite_prepare (db, "PRAGMA journal_mode", error);

  if (stmt == NULL || loadwise_sqlite_step (db, stmt, error) != SQLITE_ROW)
    return FALSE;
  *out_wal = g_ascii_strcasecmp ((const char *) sqlite3_column_text (stmt, 0), "wal") == 0;
  return TRUE;
}

/* Switching a file to WAL needs it to itself for a moment, and SQLite
 * answers BUSY at once instead of waiting through the busy handler: when
 * several programs open a new file together, retry until the timeout. */
static gboolean
enable_wal (sqlite3  *db,
            GError  **error)
{
  gboolean wal = FALSE;

  if (!journal_mode_is_wal (db, &wal, error))
    return FALSE;

  for (guint waited_ms = 0; !wal; waited_ms += 10)
    {
      int rc = sqlite3_exec (db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL);

      if (rc == SQLITE_OK)
        return journal_mode_is_wal (db, &wal, error);
      if ((rc & 0xff) != SQLITE_BUSY || waited_ms >= BUSY_TIMEOUT_MS)
        return loadwise_sqlite_error (db, rc, error);
      g_usleep (10 * 1000);
    }
  return TRUE;
}

static void
prefix_with_path (GError     **error,
                  const char  *path)
{
  g_autofree char *display = g_filename_display_name (path);

  g_prefix_error (error, "“%s”: ", display);
}

typedef enum {
  OPEN_CHECK_FILE = 1 << 0,  /* read the header first (the file is not open here yet) */
  /* A private copy of a file nobody vouches for (restore): nothing of its
   * schema runs, and no safety copy is taken before its migration. */
  OPEN_UNTRUSTED  = 1 << 1,
  /* Read-only even when the folder and file could be written (tests). */
  OPEN_READ_ONLY  = 1 << 2,
} OpenFlags;

/* Whether @path, which exists, can only be read: its folder or the file
 * itself is not writable (chmod, a read-only mount, chattr +i). Commands
 * that only read then still work. */
static gboolean
must_open_read_only (const char *path,
                     const char *dir)
{
  return access (dir, W_OK) != 0 || access (path, W_OK) != 0;
}

/* SQLite's URI for reading @path without writing anything: with a -shm
 * (the app is running) or a folder that takes one, SQLite shares it; in a
 * folder that takes no new file and with no -shm beside it, no other
 * program can be writing the file, so it is read as it is (immutable). */
static char *
read_only_uri (const char *path,
               const char *dir)
{
  g_autofree char *escaped = g_uri_escape_string (path, "/", FALSE);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  gboolean immutable = access (dir, W_OK) != 0 && !g_file_test (shm, G_FILE_TEST_EXISTS);

  return g_strdup_printf ("file:%s?mode=ro%s", escaped, immutable ? "&immutable=1" : "");
}

static LoadwiseDatabase *open_at_version_locked (const char  *path,
                                                  int          target_version,
                                                  OpenFlags    flags,
                                                  GError     **error);

static gboolean
path_exists (const char *path)
{
  GStatBuf st;

  return g_lstat (path, &st) == 0;
}

/* A new database appears whole or not at all */

static void
remove_new_file (const char *temp)
{
  static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (temp, suffixes[i], NULL);

      g_unlink (file);
    }
}

/* (design) A new database is built in well under a minute; a hidden
 * ".NAME.XXXXXX.new" older than this was left by a start that was killed,
 * and nothing will finish it. */
#define STALE_NEW_FILE_S (10 * 60)

/* Removes what killed starts left beside @path: hidden half-made
 * databases, with their -wal, -shm and -journal. A younger one may be
 * another program's creation in progress, so it stays. */
static void
remove_stale_new_files (const char *dir,
                        const char *base)
{
  g_autofree char *prefix = g_strdup_printf (".%s.", base);
  g_autoptr (GDir) listing = g_dir_open (dir, 0, NULL);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  const char *name;

  if (listing == NULL)
    return;
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *file = NULL;
      const char *rest;
      GStatBuf st;

      if (!g_str_has_prefix (name, prefix))
        continue;
      rest = name + strlen (prefix);
      /* XXXXXX, then ".new" and perhaps a SQLite suffix. */
      if (strlen (rest) < 10 || strncmp (rest + 6, ".new", 4) != 0
          || (rest[10] != '\0' && strcmp (rest + 10, "-wal") != 0
              && strcmp (rest + 10, "-shm") != 0 && strcmp (rest + 10, "-journal") != 0))
        continue;
      file = g_build_filename (dir, name, NULL);
      if (g_lstat (file, &st) == 0 && S_ISREG (st.st_mode)
          && now - (gint64) st.st_mtime > STALE_NEW_FILE_S)
        g_unlink (file);
    }
}

/* Opens a new, migrated database under a hidden name beside @path (never
 * ending in .db, so nothing lists it); *@out_temp names it. Call with
 * open_files_lock held. */
static LoadwiseDatabase *
begin_new_file (const char  *path,
                int          target_version,
                char       **out_temp,
                GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *temp = g_strdup_printf ("%s%c.%s.XXXXXX.new", dir, G_DIR_SEPARATOR, base);
  LoadwiseDatabase *self;
  int fd;

  if (!make_private_dir (dir, error))
    return NULL;
  remove_stale_new_files (dir, base);
  /* 0600 whatever the umask: SQLite gives the -wal and -shm files the
   * database's permissions. */
  fd = g_mkstemp_full (temp, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      loadwise_store_set_io_error (error, errno, _("Could not create the database “%s”"), path);
      return NULL;
    }
  g_close (fd, NULL);

  self = open_at_version_locked (temp, target_version, 0, error);
  if (self == NULL)
    {
      g_autofree char *display = g_filename_display_name (path);

      remove_new_file (temp);
      g_prefix_error (error, _("Could not create the database “%s”: "), display);
      return NULL;
    }
  *out_temp = g_steal_pointer (&temp);
  return self;
}

/* Closes @new_db (transfer full), built at @temp, and gives it @path once
 * every byte is on disk. Its -wal is emptied into the main file first, so
 * the name never points at a file whose rows sit in a -wal under another
 * name. *@out_created is FALSE when another program created @path first;
 * then @path is theirs and @temp is gone. */
static gboolean
finish_new_file (LoadwiseDatabase  *new_db,
                 const char        *temp,
                 const char        *path,
                 gboolean          *out_created,
                 GError           **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int saved_errno = 0;
  gboolean ok;

  *out_created = FALSE;
  ok = loadwise_database_release_wal (new_db, error);
  g_object_unref (new_db);
  if (!ok)
    {
      g_autofree char *display = g_filename_display_name (path);

      g_prefix_error (error, _("Could not create the database “%s”: "), display);
    }
  if (ok && !loadwise_file_sync_path (temp, &saved_errno))
    ok = loadwise_store_set_io_error (error, saved_errno, _("Could not create the database “%s”"), path);
  if (ok && (saved_errno = loadwise_file_rename_no_replace (temp, path)) != 0 && saved_errno != EEXIST)
    ok = loadwise_store_set_io_error (error, saved_errno, _("Could not create the database “%s”"), path);
  if (!ok || saved_errno == EEXIST)
    {
      remove_new_file (temp);
      return ok;
    }
  remove_new_file (temp);  /* an empty -wal or -shm left by the close */
  /* The new name itself survives a power cut. */
  loadwise_file_sync_path (dir, NULL);
  *out_created = TRUE;
  return TRUE;
}

/* Call with open_files_lock held. */
static gboolean
create_whole_locked (const char  *path,
                     int          target_version,
                     GError     **error)
{
  g_autofree char *temp = NULL;
  LoadwiseDatabase *new_db = begin_new_file (path, target_version, &temp, error);
  gboolean created;

  return new_db != NULL && finish_new_file (new_db, temp, path, &created, error);
}

gboolean
loadwise_database_create_whole (const char              *path,
                                LoadwiseDatabaseFillFunc  fill,
                                gpointer                  user_data,
                                gboolean                 *out_created,
                                GError                  **error)
{
  g_autofree char *temp = NULL;
  LoadwiseDatabase *new_db;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (fill != NULL, FALSE);
  g_return_val_if_fail (out_created != NULL, FALSE);

  *out_created = FALSE;
  if (path_exists (path))
    return TRUE;

  g_mutex_lock (&open_files_lock);
  new_db = begin_new_file (path, LOADWISE_DATABASE_SCHEMA_VERSION, &temp, error);
  g_mutex_unlock (&open_files_lock);
  if (new_db == NULL)
    return FALSE;

  if (!fill (new_db, user_data, error))
    {
      g_object_unref (new_db);
      remove_new_file (temp);
      return FALSE;
    }
  return finish_new_file (new_db, temp, path, out_created, error);
}

static LoadwiseDatabase *
open_at_version_locked (const char  *path,
                        int          target_version,
                        OpenFlags    flags,
                        GError     **error)
{
  g_autoptr (LoadwiseDatabase) self = NULL;
  g_autofree char *dir = g_path_get_dirname (path);
  gboolean read_only = FALSE;
  int n_objects = 0;
  int version = 0;
  int rc;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    read_only = (flags & OPEN_READ_ONLY) || must_open_read_only (path, dir);
  if (!read_only && !make_private_dir (dir, error))
    return NULL;
  /* A new database takes its name only once it is whole: a full disk
   * or a kill while the schema is written leaves no half-made file. */
  if (!read_only && !path_exists (path) && !create_whole_locked (path, target_version, error))
    return NULL;

  if ((flags & OPEN_CHECK_FILE) && !check_header (path, error))
    {
      prefix_with_path (error, path);
      return NULL;
    }

  self = g_object_new (LOADWISE_TYPE_DATABASE, NULL);
  self->path = g_strdup (path);
  self->data_dir = g_steal_pointer (&dir);

  self->read_only = read_only;
  if (read_only)
    {
      g_autofree char *uri = read_only_uri (path, self->data_dir);

      rc = sqlite3_open_v2 (uri, &self->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_FULLMUTEX,
                            NULL);
    }
  else
    {
      rc = sqlite3_open_v2 (path, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX, NULL);
    }
  if (rc != SQLITE_OK)
    {
      loadwise_sqlite_error (self->db, rc, error);
      prefix_with_path (error, path);
      return NULL;
    }
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);
  if ((flags & OPEN_UNTRUSTED)
      && ((rc = sqlite3_db_config (self->db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL)) != SQLITE_OK
          || (rc = sqlite3_db_config (self->db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL)) != SQLITE_OK))
    {
      loadwise_sqlite_error (self->db, rc, error);
      return NULL;
    }
  /* So that a program can tell whether it wrote (loadwise-backups.c). */
  else if (!(flags & OPEN_UNTRUSTED))
    sqlite3_commit_hook (self->db, loadwise_backups_on_commit, NULL);

  /* Off on every new connection, and ignored inside a transaction. */
  if (!loadwise_sqlite_exec (self->db, "PRAGMA foreign_keys = ON", error))
    return NULL;

  /* The first statements only read: a damaged file, or one from a newer
   * version, is refused before anything is written to it. Reading the
   * schema catches damage to its pages as well as a file that is not a
   * database at all. */
  if (!count_schema_objects (self->db, &n_objects, error)
      || !loadwise_sqlite_get_user_version (self->db, &version, error))
    {
      /* Closing would otherwise checkpoint the -wal into a damaged file
       * and delete it: keep both as they are, for recovery. */
      sqlite3_db_config (self->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
      prefix_with_path (error, path);
      return NULL;
    }

  if (version > LOADWISE_DATABASE_SCHEMA_VERSION)
    {
      g_set_error (error, LOADWISE_DATABASE_ERROR, LOADWISE_DATABASE_ERROR_NEWER_VERSION,
                   _("This database was written by a newer version of Loadwise (schema %d; "
                     "this version reads up to %d). It has not been changed."),
                   version, LOADWISE_DATABASE_SCHEMA_VERSION);
      return NULL;
    }
  if (version == 0 && n_objects > 0)
    {
      g_set_error (error, LOADWISE_DATABASE_ERROR, LOADWISE_DATABASE_ERROR_FAILED,
                   _("This file is a database, but not one of Loadwise's. "
                     "It has not been changed."));
      prefix_with_path (error, path);
      return NULL;
    }

  /* WAL lets the app, the CLI and the reminder service read while one of
   * them writes; NORMAL is safe in WAL (it may lose the last commits on a
   * power cut, never the file) and far cheaper per commit than FULL. */
  if (read_only && version < target_version)
    {
      g_autofree char *display = g_filename_display_name (self->data_dir);

      g_set_error (error, LOADWISE_DATABASE_ERROR, LOADWISE_DATABASE_ERROR_READ_ONLY,
                   _("The data folder “%s” is read-only, and the database in it needs an upgrade "
                     "that cannot be written there. It has not been changed."), display);
      return NULL;
    }

  if (!read_only
      && (!enable_wal (self->db, error)
          || !loadwise_sqlite_exec (self->db, "PRAGMA synchronous = NORMAL", error)))
    return NULL;

  if (version >= 1 && version < target_version && !(flags & OPEN_UNTRUSTED))
    {
      g_autofree char *backup = loadwise_backups_take_safety_copy (self, LOADWISE_SAFETY_COPY_UPGRADE,
                                                                   error);

      if (backup == NULL)
        return NULL;
    }

  if (!loadwise_migrations_apply (self->db, version, target_version, error)
      || !loadwise_sqlite_get_user_version (self->db, &self->schema_version, error))
    return NULL;

  /* The derived state follows this connection's writes
   * (loadwise-database-derive.c). */
  if (self->schema_version == LOADWISE_DATABASE_SCHEMA_VERSION
      && !loadwise_database_install_derive_hooks (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

static LoadwiseDatabase *
open_at_version (const char  *path,
                 int          target_version,
                 GError     **error)
{
  g_autofree char *key = NULL;
  LoadwiseDatabase *self;

  g_mutex_lock (&open_files_lock);
  key = get_file_key (path);
  self = open_at_version_locked (path, target_version, file_is_open (key) ? 0 : OPEN_CHECK_FILE,
                                 error);
  if (self != NULL)
    register_open_file (self);
  g_mutex_unlock (&open_files_lock);
  return self;
}

LoadwiseDatabase *
loadwise_database_open (const char  *path,
                        GError     **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return open_at_version (path, LOADWISE_DATABASE_SCHEMA_VERSION, error);
}

LoadwiseDatabase *
loadwise_database_open_read_only (const char  *path,
                                  GError     **error)
{
  g_autofree char *key = NULL;
  LoadwiseDatabase *self;

  g_return_val_if_fail (path != NULL, NULL);

  g_mutex_lock (&open_files_lock);
  key = get_file_key (path);
  self = open_at_version_locked (path, LOADWISE_DATABASE_SCHEMA_VERSION,
                                 OPEN_READ_ONLY | (file_is_open (key) ? 0 : OPEN_CHECK_FILE), error);
  if (self != NULL)
    register_open_file (self);
  g_mutex_unlock (&open_files_lock);
  return self;
}

gboolean
loadwise_database_is_read_only (LoadwiseDatabase *self)
{
  g_return_val_if_fail (LOADWISE_IS_DATABASE (self), FALSE);

  return self->read_only;
}

LoadwiseDatabase *
loadwise_database_open_at_version (const char  *path,
                                   int          version,
                                   GError     **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (version >= 1 && version <= LOADWISE_DATABASE_SCHEMA_VERSION, NULL);

  return open_at_version (path, version, error);
}

/* Recovery */

gboolean
loadwise_database_move_aside (const char  *path,
                              char       **out_moved_to,
                              GError     **error)
{
  static const char *const companions[] = { "-wal", "-shm" };
  g_autofree char *stamp = timestamp_now ();
  g_autofree char *target = NULL;
  int saved_errno;

  g_return_val_if_fail (path != NULL, FALSE);

  if (!path_exists (path))
    return loadwise_store_set_io_error (error, ENOENT, _("Could not move “%s” aside"), path);

  for (guint n = 1; target == NULL; n++)
    {
      g_autofree char *candidate = n == 1 ? g_strdup_printf ("%s.corrupt-%s", path, stamp)
                                          : g_strdup_printf ("%s.corrupt-%s-%u", path, stamp, n);
      g_autofree char *wal = g_strconcat (candidate, "-wal", NULL);
      g_autofree char *shm = g_strconcat (candidate, "-shm", NULL);

      if (!path_exists (candidate) && !path_exists (wal) && !path_exists (shm))
        target = g_steal_pointer (&candidate);
    }

  if ((saved_errno = loadwise_file_rename_no_replace (path, target)) != 0)
    return loadwise_store_set_io_error (error, saved_errno, _("Could not move “%s” aside"), path);

  /* The -wal may hold committed data that belongs to the main file: they
   * travel together. */
  for (guint i = 0; i < G_N_ELEMENTS (companions); i++)
    {
      g_autofree char *from = g_strconcat (path, companions[i], NULL);
      g_autofree char *to = g_strconcat (target, companions[i], NULL);

      if (path_exists (from) && (saved_errno = loadwise_file_rename_no_replace (from, to)) != 0)
        return loadwise_store_set_io_error (error, saved_errno, _("Could not move “%s” aside"), from);
    }

  if (out_moved_to != NULL)
    *out_moved_to = g_steal_pointer (&target);
  return TRUE;
}

LoadwiseDatabase *
loadwise_database_open_or_recover (const char  *path,
                                   char       **out_moved_to,
                                   GError     **error)
{
  g_autoptr (LoadwiseDatabase) self = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autofree char *moved_to = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  if (out_moved_to != NULL)
    *out_moved_to = NULL;

  self = loadwise_database_open (path, &local_error);
  if (self != NULL)
    return g_steal_pointer (&self);

  if (!g_error_matches (local_error, LOADWISE_DATABASE_ERROR, LOADWISE_DATABASE_ERROR_CORRUPT))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if (!loadwise_database_move_aside (path, &moved_to, error))
    return NULL;

  self = loadwise_database_open (path, error);
  if (out_moved_to != NULL)
    *out_moved_to = g_steal_pointer (&moved_to);
  return g_steal_pointer (&self);
}

char *
loadwise_database_find_latest_backup (const char *data_dir)
{
  g_return_val_if_fail (data_dir != NULL, NULL);

  return loadwise_backups_find_latest (data_dir);
}

/* Backup, restore, check */

gboolean
loadwise_database_backup_to (LoadwiseDatabase  *self,
                             const char        *dest_path,
                             GError           **error)
{
  g_autofree char *written = NULL;

  g_return_val_if_fail (LOADWISE_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (dest_path != NULL, FALSE);

  if (*dest_path == '\0')
    {
      g_set_error_literal (error, LOADWISE_DATABASE_ERROR, LOADWISE_DATABASE_ERROR_IO,
                           _("The backup needs a file name"));
      return FALSE;
    }
  written = loadwise_backups_write_copy (self, dest_path, FALSE, error);
  return written != NULL;
}

/* Restore
 *
 * A file to restore is never adopted: its schema could carry a trigger
 * that deletes the runner's runs, a view in place of a table, constraints
 * stripped so that a level 99 gets in. It is copied into a private staging
 * folder beside the live database (DATA_DIR/.restore-XXXXXX, removed
 * whatever happens), checked there with a connection that runs nothing of
 * its schema, brought up to date by Loadwise's own migrations, read row by
 * row, and the rows, validated like a JSON import, are written into the
 * live database by loadwise_database_write_dataset_as() in ONE
 * transaction after a safety copy.
 *
 * That transaction is the atomic step. Renaming a finished file into
 * place would be atomic too, but the app's file monitor, the reminder
 * service and every open connection would go on holding the old inode
 * and never see the restored data; writing through the live connection
 * keeps the file's identity, and a failure before the COMMIT leaves every
 * byte of it as it was. */

/* The largest file restore accepts, refused before it is copied. Ten
 * years of daily use (`loadwise-cli demo --years 10`) take 3.3 MB: 64 MiB
 * leaves room for far more than anyone logs, and keeps out a file that
 * every daily backup would then copy again. */
#define RESTORE_MAX_BYTES ((goffset) 64 * 1024 * 1024)

static gboolean G_GNUC_PRINTF (4, 5)
refuse (GError     **error,
        int          code,
        const char  *display,
        const char  *format,
        ...)
{
  g_autofree char *reason = NULL;
  va_list args;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, LOADWISE_DATABASE_ERROR, code,
               _("“%s” cannot be restored: %s. Nothing was changed."), display, reason);
  return FALSE;
}

/* @error, whose message says what is wrong, as a refusal of @display. */
static void
restate_refusal (GError     **error,
                 const char  *display)
{
  GError *old;

  if (error == NULL || *error == NULL)
    return;
  old = *error;
  *error = g_error_new (old->domain, old->code, _("“%s” cannot be restored: %s. Nothing was changed."),
                        display, old->message);
  g_error_free (old);
}

static gboolean
refuse_too_large (GError     **error,
                  const char  *display,
                  goffset      size)
{
  g_autofree char *size_text = g_format_size ((guint64) size);
  g_autofree char *max_text = g_format_size ((guint64) RESTORE_MAX_BYTES);

  return refuse (error, LOADWISE_DATABASE_ERROR_FAILED, display,
                 _("it is %s, more than the %s a Loadwise database may be"), size_text, max_text);
}

static void
remove_tree (const char *path)
{
  GStatBuf st;

  if (g_lstat (path, &st) == 0 && S_ISDIR (st.st_mode))
    {
      g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    {
      g_unlink (path);
    }
}

/* Copies at most RESTORE_MAX_BYTES of @in_fd into a new file @dest. */
static gboolean
copy_capped (int          in_fd,
             const char  *dest,
             goffset     *in_out_total,
             const char  *display,
             GError     **error)
{
  char buffer[64 * 1024];
  gssize n_read;
  int out_fd;

  out_fd = g_open (dest, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (out_fd < 0)
    return loadwise_store_set_io_error (error, errno, _("Could not create “%s”"), dest);

  while ((n_read = read (in_fd, buffer, sizeof buffer)) != 0)
    {
      if (n_read < 0 && errno == EINTR)
        continue;
      if (n_read < 0)
        {
          int saved_errno = errno;

          g_close (out_fd, NULL);
          return loadwise_store_set_io_error (error, saved_errno, _("Could not read “%s”"), display);
        }
      /* The file may grow while it is read. */
      *in_out_total += n_read;
      if (*in_out_total > RESTORE_MAX_BYTES)
        {
          g_close (out_fd, NULL);
          return refuse_too_large (error, display, *in_out_total);
        }
      for (gssize done = 0; done < n_read;)
        {
          gssize n_written = write (out_fd, buffer + done, (gsize) (n_read - done));

          if (n_written < 0 && errno == EINTR)
            continue;
          if (n_written < 0)
            {
              int saved_errno = errno;

              g_close (out_fd, NULL);
              return loadwise_store_set_io_error (error, saved_errno, _("Could not write “%s”"), dest);
            }
          done += n_written;
        }
    }
  return g_close (out_fd, NULL) || loadwise_store_set_io_error (error, errno, _("Could not write “%s”"), dest);
}

static guint32
read_be (const guint8 *bytes,
         guint         n)
{
  guint32 value = 0;

  for (guint i = 0; i < n; i++)
    value = value << 8 | bytes[i];
  return value;
}

/* @source_path (and its -wal, when one lies beside it with the file's
 * latest commits) copied into @staging as loadwise.db; nothing of it is
 * read by SQLite yet. */
static gboolean
stage_copy (const char  *source_path,
            const char  *display,
            const char  *staging,
            gboolean    *out_has_wal,
            GError     **error)
{
  static const char magic[16] = "SQLite format 3";
  g_autofree char *staged = loadwise_database_build_path (staging);
  g_autofree char *wal = g_strconcat (source_path, "-wal", NULL);
  g_autofree char *staged_wal = g_strconcat (staged, "-wal", NULL);
  guint8 header[100];
  struct stat st, wal_st;
  goffset total = 0;
  guint64 page_size;
  gssize n_read;
  gboolean has_wal;
  gboolean ok;
  int fd;

  fd = g_open (source_path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, LOADWISE_DATABASE_ERROR, LOADWISE_DATABASE_ERROR_IO,
                   _("Could not open “%s”: %s. Nothing was changed."), display,
                   g_strerror (saved_errno));
      return FALSE;
    }
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      g_close (fd, NULL);
      g_set_error (error, LOADWISE_DATABASE_ERROR, LOADWISE_DATABASE_ERROR_IO,
                   _("“%s” is not a file. Nothing was changed."), display);
      return FALSE;
    }

  has_wal = g_stat (wal, &wal_st) == 0 && S_ISREG (wal_st.st_mode) && wal_st.st_size > 0;
  if (st.st_size == 0)
    {
      g_close (fd, NULL);
      return refuse (error, LOADWISE_DATABASE_ERROR_CORRUPT, display, _("the file is empty"));
    }
  if ((goffset) st.st_size + (has_wal ? (goffset) wal_st.st_size : 0) > RESTORE_MAX_BYTES)
    {
      g_close (fd, NULL);
      return refuse_too_large (error, display,
                               (goffset) st.st_size + (has_wal ? (goffset) wal_st.st_size : 0));
    }

  n_read = read (fd, header, sizeof header);
  if (n_read != sizeof header || memcmp (header, magic, sizeof magic) != 0)
    {
      g_close (fd, NULL);
      loadwise_sqlite_error (NULL, SQLITE_NOTADB, error);
      g_prefix_error (error, _("“%s” cannot be restored: "), display);
      return FALSE;
    }
  /* The size the header claims (page size at 16, page count at 28). */
  page_size = read_be (header + 16, 2) == 1 ? 65536 : read_be (header + 16, 2);
  if ((goffset) (page_size * read_be (header + 28, 4)) > RESTORE_MAX_BYTES)
    {
      g_close (fd, NULL);
      return refuse_too_large (error, display, (goffset) (page_size * read_be (header + 28, 4)));
    }

  ok = lseek (fd, 0, SEEK_SET) == 0 || loadwise_store_set_io_error (error, errno, _("Could not read “%s”"), display);
  ok = ok && copy_capped (fd, staged, &total, display, error);
  g_close (fd, NULL);
  if (!ok)
    return FALSE;

  /* A -wal beside the file holds its latest commits: they travel with it,
   * and the checks below see the file as SQLite would. */
  if (has_wal)
    {
      g_autofree char *wal_display = g_filename_display_name (wal);

      fd = g_open (wal, O_RDONLY | O_CLOEXEC, 0);
      if (fd < 0)
        return loadwise_store_set_io_error (error, errno, _("Could not open “%s”"), wal);
      ok = copy_capped (fd, staged_wal, &total, wal_display, error);
      g_close (fd, NULL);
      if (!ok)
        return FALSE;
    }

  *out_has_wal = has_wal;
  return TRUE;
}

static gboolean
check_integrity (sqlite3     *src,
                 const char  *display,
                 GError     **error)
{
  g_autoptr (sqlite3_stmt) check = NULL;
  g_autoptr (GError) local_error = NULL;
  const char *result;

  check = loadwise_sqlite_prepare (src, "PRAGMA integrity_check", &local_error);
  if (check == NULL || loadwise_sqlite_step (src, check, &local_error) != SQLITE_ROW)
    {
      g_set_error (error, LOADWISE_DATABASE_ERROR,
                   local_error != NULL ? local_error->code : LOADWISE_DATABASE_ERROR_FAILED,
                   _("“%s” cannot be restored: %s. Nothing was changed."), display,
                   local_error != NULL ? local_error->message : sqlite3_errmsg (src));
      return FALSE;
    }
  result = (const char *) sqlite3_column_text (check, 0);
  if (g_strcmp0 (result, "ok") != 0)
    {
      /* The first few problems say enough; the rest are usually echoes. */
      g_auto (GStrv) lines = g_strsplit (result != NULL ? result : "?", "\n", 4);
      g_autofree char *problem = NULL;

      if (g_strv_length (lines) == 4)
        g_clear_pointer (&lines[3], g_free);
      problem = g_strjoinv ("; ", lines);

      g_set_error (error, LOADWISE_DATABASE_ERROR, LOADWISE_DATABASE_ERROR_CORRUPT,
                   _("“%s” is damaged (%s). Nothing was changed."), display, problem);
      return FALSE;
    }
  return TRUE;
}

static gint64
query_int (sqlite3     *db,
           const char  *sql,
           GError     **error)
{
  g_autoptr (sqlite3_stmt) stmt = loadwise_sqlite_prepare (db, sql, error);

  if (stmt == NULL || loadwise_sqlite_step (db, stmt, error) != SQLITE_ROW)
    return -1;
  return sqlite3_column_int64 (stmt, 0);
}

/* name -> type ("table", "index", "view", "trigger") of every object but
 * SQLite's own; @out_sql (may be NULL) gets name -> CREATE statement. */
static GHashTable *
list_schema (sqlite3     *db,
             GHashTable **out_tbl_names,
             GHashTable **out_sql,
             GError     **error)
{
  g_autoptr (GHashTable) types = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr (GHashTable) tbl_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr (GHashTable) sql = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = loadwise_sqlite_prepare (db, "SELECT type, name, tbl_name, sql FROM sqlite_master"
                                      " WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = loadwise_sqlite_step (db, stmt, error)) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 1);

      if (name == NULL)
        continue;
      g_hash_table_insert (types, g_strdup (name), g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      g_hash_table_insert (tbl_names, g_strdup (name), g_strdup ((const char *) sqlite3_column_text (stmt, 2)));
      g_hash_table_insert (sql, g_strdup (name), g_strdup ((const char *) sqlite3_column_text (stmt, 3)));
    }
  if (rc != SQLITE_DONE)
    return NULL;
  if (out_tbl_names != NULL)
    *out_tbl_names = g_steal_pointer (&tbl_names);
  if (out_sql != NULL)
    *out_sql = g_steal_pointer (&sql);
  return g_steal_pointer (&types);
}

static GPtrArray *
list_columns (sqlite3     *db,
              const char  *table,
              GError     **error)
{
  g_autoptr (GPtrArray) columns = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (sqlite3_stmt) stmt = loadwise_sqlite_prepare (db, "SELECT name FROM pragma_table_info (?1)",
                                                           error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_TRANSIENT);
  while ((rc = loadwise_sqlite_step (db, stmt, error)) == SQLITE_ROW)
    g_ptr_array_add (columns, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  if (rc != SQLITE_DONE)
    return NULL;
  return g_steal_pointer (&columns);
}

static gboolean
has_string (GPtrArray  *strings,
            const char *string)
{
  for (guint i = 0; i < strings->len; i++)
    if (g_strcmp0 (g_ptr_array_index (strings, i), string) == 0)
      return TRUE;
  return FALSE;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The keys of @table, sorted (borrowed). */
static GPtrArray *
sorted_keys (GHashTable *table)
{
  GPtrArray *keys = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (keys, key);
  g_ptr_array_sort (keys, compare_strings);
  return keys;
}

/* The objects and columns of @src against @reference, a new database
 * that Loadwise's migrations built at the same schema version: each
 * difference, in words, into @problems. */
static gboolean
compare_schema (sqlite3     *src,
                sqlite3     *reference,
                GPtrArray   *problems,
                GError     **error)
{
  g_autoptr (GHashTable) types = NULL;
  g_autoptr (GHashTable) tbl_names = NULL;
  g_autoptr (GHashTable) sql = NULL;
  g_autoptr (GHashTable) ref_types = NULL;
  g_autoptr (GPtrArray) names = NULL;
  g_autoptr (GPtrArray) ref_names = NULL;

  types = list_schema (src, &tbl_names, &sql, error);
  ref_types = types != NULL ? list_schema (reference, NULL, NULL, error) : NULL;
  if (ref_types == NULL)
    return FALSE;

  /* In order of name, so that the message is the same every time. */
  names = sorted_keys (types);
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      const char *type = g_hash_table_lookup (types, name);
      const char *ref_type = g_hash_table_lookup (ref_types, name);
      const char *create = g_hash_table_lookup (sql, name);

      if (g_strcmp0 (type, "trigger") == 0)
        g_ptr_array_add (problems, g_strdup_printf (_("a trigger “%s” on “%s”"), name,
                                                    (const char *) g_hash_table_lookup (tbl_names, name)));
      else if (g_strcmp0 (type, "view") == 0 && ref_type != NULL)
        g_ptr_array_add (problems, g_strdup_printf (_("“%s” is a view, not a table"), name));
      else if (g_strcmp0 (type, "view") == 0)
        g_ptr_array_add (problems, g_strdup_printf (_("a view “%s”"), name));
      else if (g_strcmp0 (type, "table") == 0 && ref_type == NULL)
        g_ptr_array_add (problems, g_strdup_printf (_("an unknown table “%s”"), name));
      else if (g_strcmp0 (type, "table") == 0
               && (create == NULL || g_ascii_strncasecmp (create, "CREATE TABLE", 12) != 0))
        g_ptr_array_add (problems, g_strdup_printf (_("“%s” is not a plain table"), name));
      else if (g_strcmp0 (type, ref_type) != 0)
        g_ptr_array_add (problems, g_strdup_printf (_("an unknown %s “%s”"), type, name));
    }

  ref_names = sorted_keys (ref_types);
  for (guint i = 0; i < ref_names->len; i++)
    {
      const char *name = g_ptr_array_index (ref_names, i);
      const char *ref_type = g_hash_table_lookup (ref_types, name);
      g_autoptr (GPtrArray) columns = NULL;
      g_autoptr (GPtrArray) ref_columns = NULL;

      /* A missing index loses nothing: the rows go into the live schema. */
      if (!g_hash_table_contains (types, name))
        {
          if (g_strcmp0 (ref_type, "table") == 0)
            g_ptr_array_add (problems, g_strdup_printf (_("no table “%s”"), name));
          continue;
        }
      if (g_strcmp0 (ref_type, "table") != 0
          || g_strcmp0 (g_hash_table_lookup (types, name), "table") != 0)
        continue;

      columns = list_columns (src, name, error);
      ref_columns = columns != NULL ? list_columns (reference, name, error) : NULL;
      if (ref_columns == NULL)
        return FALSE;
      for (guint c = 0; c < ref_columns->len; c++)
        if (!has_string (columns, g_ptr_array_index (ref_columns, c)))
          g_ptr_array_add (problems, g_strdup_printf (_("the table “%s” has no column “%s”"), name,
                                                      (const char *) g_ptr_array_index (ref_columns, c)));
      for (guint c = 0; c < columns->len; c++)
        if (!has_string (ref_columns, g_ptr_array_index (columns, c)))
          g_ptr_array_add (problems, g_strdup_printf (_("an unknown column “%s” in the table “%s”"),
                                                      (const char *) g_ptr_array_index (columns, c), name));
    }
  return TRUE;
}

/* The staged copy, checked before anything writes to it: size, integrity,
 * schema version, and every table, index and column against the schema
 * Loadwise's migrations make at that version. */
static gboolean
check_staged (const char  *staged,
              const char  *staging,
              gboolean     has_wal,
              const char  *display,
              GError     **error)
{
  g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (LoadwiseDatabase) reference = NULL;
  g_autofree char *reference_dir = NULL;
  g_autofree char *reference_path = NULL;
  gint64 page_size, page_count;
  gboolean ok = FALSE;
  int version = 0;
  sqlite3 *src;

  /* Immutable unless a -wal came along: then SQLite must read it, and the
   * -shm it makes is in the staging folder. */
  src = loadwise_backups_open_untrusted (staged, !has_wal, error);
  if (src == NULL)
    {
      g_prefix_error (error, _("“%s” cannot be restored: "), display);
      return FALSE;
    }
  sqlite3_busy_timeout (src, BUSY_TIMEOUT_MS);

  page_size = query_int (src, "PRAGMA page_size", NULL);
  page_count = query_int (src, "PRAGMA page_count", NULL);
  if (page_size > 0 && page_count > 0 && page_size * page_count > RESTORE_MAX_BYTES)
    {
      refuse_too_large (error, display, page_size * page_count);
      goto out;
    }

  if (!check_integrity (src, display, error))
    goto out;

  if (!loadwise_sqlite_get_user_version (src, &version, error))
    goto out;
  if (version > LOADWISE_DATABASE_SCHEMA_VERSION)
    {
      g_set_error (error, LOADWISE_DATABASE_ERROR, LOADWISE_DATABASE_ERROR_NEWER_VERSION,
                   _("“%s” was written by a newer version of Loadwise (schema %d; this version "
                     "reads up to %d). Nothing was changed."),
                   display, version, LOADWISE_DATABASE_SCHEMA_VERSION);
      goto out;
    }
  if (version < 1 || query_int (src, "SELECT count(*) FROM sqlite_master"
                                     " WHERE type = 'table' AND name = 'programme'", NULL) != 1)
    {
      g_set_error (error, LOADWISE_DATABASE_ERROR, LOADWISE_DATABASE_ERROR_FAILED,
                   _("“%s” is not a Loadwise database (schema version %d, %s). Nothing was changed."),
                   display, version,
                   version < 1 ? _("none is set") : _("no table “programme”"));
      goto out;
    }

  reference_dir = g_build_filename (staging, "reference", NULL);
  reference_path = loadwise_database_build_path (reference_dir);
  reference = loadwise_database_open_at_version (reference_path, version, error);
  if (reference == NULL || !compare_schema (src, reference->db, problems, error))
    goto out;
  if (problems->len > 0)
    {
      g_autofree char *listed = NULL;

      /* The first few say enough. */
      if (problems->len > 3)
        g_ptr_array_set_size (problems, 3);
      g_ptr_array_add (problems, NULL);
      listed = g_strjoinv ("; ", (char **) problems->pdata);
      refuse (error, LOADWISE_DATABASE_ERROR_FAILED, display,
              _("it does not match Loadwise's schema %d: %s"), version, listed);
      goto out;
    }
  ok = TRUE;

out:
  sqlite3_close (src);
  return ok;
}

/* The staged copy brought up to date by Loadwise's migrations, read. */
static LoadwiseDataset *
read_staged (const char  *staged,
             const char  *display,
             GError     **error)
{
  g_autoptr (LoadwiseDatabase) copy = NULL;
  LoadwiseDataset *dataset;

  g_mutex_lock (&open_files_lock);
  copy = open_at_version_locked (staged, LOADWISE_DATABASE_SCHEMA_VERSION,
                                 OPEN_CHECK_FILE | OPEN_UNTRUSTED, error);
  if (copy != NULL)
    register_open_file (copy);
  g_mutex_unlock (&open_files_lock);

  dataset = copy != NULL ? loadwise_database_read_dataset (copy, error) : NULL;
  if (dataset == NULL)
    restate_refusal (error, display);
  return dataset;
}

gboolean
loadwise_database_restore_from (LoadwiseDatabase  *self,
                                const char        *source_path,
                                char             **out_backup_path,
                                GError           **error)
{
  g_autofree char *display = NULL;
  g_autofree char *staging = NULL;
  g_autofree char *staged = NULL;
  g_autoptr (LoadwiseDataset) dataset = NULL;
  gboolean has_wal = FALSE;
  gboolean ok = FALSE;

  g_return_val_if_fail (LOADWISE_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (source_path != NULL, FALSE);

  display = g_filename_display_name (source_path);

  /* Beside the live file: the same file system, and the runner's folder. */
  staging = g_build_filename (self->data_dir, ".restore-XXXXXX", NULL);
  if (g_mkdtemp_full (staging, 0700) == NULL)
    {
      loadwise_store_set_io_error (error, errno, _("Could not create a folder in “%s”"), self->data_dir);
      g_clear_pointer (&staging, g_free);
      goto out;
    }
  staged = loadwise_database_build_path (staging);

  if (!stage_copy (source_path, display, staging, &has_wal, error)
      || !check_staged (staged, staging, has_wal, display, error))
    goto out;
  dataset = read_staged (staged, display, error);
  if (dataset == NULL)
    goto out;

  /* Every value is validated, then the one transaction. */
  if (!loadwise_database_write_dataset_as (self, dataset, TRUE, LOADWISE_SAFETY_COPY_RESTORE,
                                           out_backup_path, error))
    {
      /* A value out of range: the file's fault, not the live database's. */
      if (error != NULL && *error != NULL && (*error)->domain != LOADWISE_DATABASE_ERROR)
        restate_refusal (error, display);
      goto out;
    }
  ok = TRUE;

out:
  if (staging != NULL)
    remove_tree (staging);
  return ok;
}

gboolean
loadwise_database_check (LoadwiseDatabase  *self,
                         char             **out_report,
                         GError           **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GString) report = g_string_new (NULL);
  g_autoptr (GError) local_error = NULL;
  int rc;

  g_return_val_if_fail (LOADWISE_IS_DATABASE (self), FALSE);

  /* integrity_check, not quick_check: the quick one misses damage that
   * the full one finds. */
  stmt = loadwise_sqlite_prepare (self->db, "PRAGMA integrity_check", error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = loadwise_sqlite_step (self->db, stmt, &local_error)) == SQLITE_ROW)
    {
      if (report->len > 0)
        g_string_append_c (report, '\n');
      g_string_append (report, (const char *) sqlite3_column_text (stmt, 0));
    }
  if (rc != SQLITE_DONE)
    {
      /* Damage bad enough to stop the check is itself the report. */
      if (out_report != NULL
          && g_error_matches (local_error, LOADWISE_DATABASE_ERROR,
                              LOADWISE_DATABASE_ERROR_CORRUPT))
        *out_report = g_strdup (local_error->message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (out_report != NULL)
    *out_report = g_string_free (g_steal_pointer (&report), FALSE);
  return TRUE;
}
