/* loadwise-database.c: opening, migrating, backing up and recovering the file
 *
 * The queries on the runner's records are in loadwise-database-records.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE /* renameat2 () */

#include "store/loadwise-sqlite-private.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

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

sqlite3 *
loadwise_database_get_handle (LoadwiseDatabase *self)
{
  g_return_val_if_fail (LOADWISE_IS_DATABASE (self), NULL);

  return self->db;
}

char *
loadwise_database_get_default_dir (void)
{
  const char *dir = g_getenv ("LOADWISE_DATA_DIR");

  /* Empty is unset. A relative folder is taken from the current one and
   * made absolute here, once: the app, the service and the CLI started
   * from the same folder then agree on one database. */
  if (dir != NULL && *dir != '\0')
    return g_canonicalize_filename (dir, NULL);
  return g_build_filename (g_get_user_data_dir (), "loadwise", NULL);
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

/* FORMAT names the file; the system's reason follows. */
static gboolean G_GNUC_PRINTF (3, 4)
set_io_error (GError     **error,
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
    return set_io_error (error, errno, _("Could not create the folder “%s”"), dir);
  return TRUE;
}

/* An empty file only its owner can read: SQLite gives the -wal and -shm
 * files the database's permissions, and VACUUM INTO accepts an empty file. */
static int
create_private_file (const char *path)
{
  int fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);

  if (fd < 0)
    return -1;
  g_close (fd, NULL);
  return 0;
}

static char *
timestamp_now (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y%m%d-%H%M%S");
}

/* DIR/STEM.EXT, or DIR/STEM-2.EXT, -3 ... when taken; created empty, 0600. */
static char *
create_unique_file (const char  *dir,
                    const char  *stem,
                    const char  *ext,
                    GError     **error)
{
  for (guint n = 1; n < 1000; n++)
    {
      g_autofree char *name = n == 1 ? g_strconcat (stem, ext, NULL)
                                     : g_strdup_printf ("%s-%u%s", stem, n, ext);
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (create_private_file (path) == 0)
        return g_steal_pointer (&path);
      if (errno != EEXIST)
        {
          set_io_error (error, errno, _("Could not create “%s”"), path);
          return NULL;
        }
    }

  g_set_error (error, LOADWISE_DATABASE_ERROR, LOADWISE_DATABASE_ERROR_IO,
               _("Could not find a free name for a copy in “%s”"), dir);
  return NULL;
}

/* @dest exists, empty. A consistent snapshot, whatever other connections do. */
static gboolean
vacuum_into (sqlite3     *db,
             const char  *dest,
             GError     **error)
{
  g_autoptr (sqlite3_stmt) stmt = loadwise_sqlite_prepare (db, "VACUUM INTO ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, dest, -1, SQLITE_TRANSIENT);
  return loadwise_sqlite_step_done (db, stmt, error);
}

/* DATA_DIR/backups/loadwise-vVERSION-YYYYMMDD-HHMMSS.db */
static char *
make_backup (sqlite3     *db,
             const char  *data_dir,
             int          version,
             GError     **error)
{
  g_autofree char *dir = g_build_filename (data_dir, "backups", NULL);
  g_autofree char *stamp = timestamp_now ();
  g_autofree char *stem = g_strdup_printf ("loadwise-v%d-%s", version, stamp);
  g_autofree char *path = NULL;

  if (!make_private_dir (dir, error))
    return NULL;
  path = create_unique_file (dir, stem, ".db", error);
  if (path == NULL)
    return NULL;

  if (!vacuum_into (db, path, error))
    {
      /* Only the incomplete copy made just now goes. */
      g_unlink (path);
      g_prefix_error (error, _("Could not make a backup copy: "));
      return NULL;
    }
  return g_steal_pointer (&path);
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
    return set_io_error (error, errno, _("Could not open “%s”"), path);
  n_read = read (fd, header, sizeof header);
  if (n_read < 0)
    {
      int saved_errno = errno;

      g_close (fd, NULL);
      return set_io_error (error, saved_errno, _("Could not read “%s”"), path);
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

static LoadwiseDatabase *
open_at_version_locked (const char  *path,
                        int          target_version,
                        gboolean     check_file,
                        GError     **error)
{
  g_autoptr (LoadwiseDatabase) self = NULL;
  g_autofree char *dir = g_path_get_dirname (path);
  int n_objects = 0;
  int version = 0;
  int rc;

  if (!make_private_dir (dir, error))
    return NULL;
  if (create_private_file (path) != 0 && errno != EEXIST)
    {
      set_io_error (error, errno, _("Could not create the database “%s”"), path);
      return NULL;
    }

  if (check_file && !check_header (path, error))
    {
      prefix_with_path (error, path);
      return NULL;
    }

  self = g_object_new (LOADWISE_TYPE_DATABASE, NULL);
  self->path = g_strdup (path);
  self->data_dir = g_steal_pointer (&dir);

  rc = sqlite3_open_v2 (path, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      loadwise_sqlite_error (self->db, rc, error);
      prefix_with_path (error, path);
      return NULL;
    }
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);
  /* So that a program can tell whether it wrote (loadwise-backups.c). */
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
  if (!enable_wal (self->db, error)
      || !loadwise_sqlite_exec (self->db, "PRAGMA synchronous = NORMAL", error))
    return NULL;

  if (version >= 1 && version < target_version)
    {
      g_autofree char *backup = make_backup (self->db, self->data_dir, version, error);

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
  self = open_at_version_locked (path, target_version, !file_is_open (key), error);
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
loadwise_database_open_at_version (const char  *path,
                                   int          version,
                                   GError     **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (version >= 1 && version <= LOADWISE_DATABASE_SCHEMA_VERSION, NULL);

  return open_at_version (path, version, error);
}

/* Recovery */

static gboolean
path_exists (const char *path)
{
  GStatBuf st;

  return g_lstat (path, &st) == 0;
}

/* Never replaces an existing file, even if one appears meanwhile. */
static int
rename_no_replace (const char *from,
                   const char *to)
{
  if (renameat2 (AT_FDCWD, from, AT_FDCWD, to, RENAME_NOREPLACE) == 0)
    return 0;
  if (errno != EINVAL && errno != ENOSYS)
    return -1;

  /* A file system without RENAME_NOREPLACE: check, then rename. */
  if (path_exists (to))
    {
      errno = EEXIST;
      return -1;
    }
  return g_rename (from, to);
}

gboolean
loadwise_database_move_aside (const char  *path,
                              char       **out_moved_to,
                              GError     **error)
{
  static const char *const companions[] = { "-wal", "-shm" };
  g_autofree char *stamp = timestamp_now ();
  g_autofree char *target = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  if (!path_exists (path))
    return set_io_error (error, ENOENT, _("Could not move “%s” aside"), path);

  for (guint n = 1; target == NULL; n++)
    {
      g_autofree char *candidate = n == 1 ? g_strdup_printf ("%s.corrupt-%s", path, stamp)
                                          : g_strdup_printf ("%s.corrupt-%s-%u", path, stamp, n);
      g_autofree char *wal = g_strconcat (candidate, "-wal", NULL);
      g_autofree char *shm = g_strconcat (candidate, "-shm", NULL);

      if (!path_exists (candidate) && !path_exists (wal) && !path_exists (shm))
        target = g_steal_pointer (&candidate);
    }

  if (rename_no_replace (path, target) != 0)
    return set_io_error (error, errno, _("Could not move “%s” aside"), path);

  /* The -wal may hold committed data that belongs to the main file: they
   * travel together. */
  for (guint i = 0; i < G_N_ELEMENTS (companions); i++)
    {
      g_autofree char *from = g_strconcat (path, companions[i], NULL);
      g_autofree char *to = g_strconcat (target, companions[i], NULL);

      if (path_exists (from) && rename_no_replace (from, to) != 0)
        return set_io_error (error, errno, _("Could not move “%s” aside"), from);
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
  g_autofree char *dir_path = NULL;
  g_autofree char *best = NULL;
  g_autoptr (GDir) dir = NULL;
  struct timespec best_time = { 0, 0 };
  const char *name;

  g_return_val_if_fail (data_dir != NULL, NULL);

  dir_path = g_build_filename (data_dir, "backups", NULL);
  dir = g_dir_open (dir_path, 0, NULL);
  if (dir == NULL)
    return NULL;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      struct stat st;
      gboolean newer;

      if (!g_str_has_suffix (name, ".db"))
        continue;
      path = g_build_filename (dir_path, name, NULL);
      if (stat (path, &st) != 0 || !S_ISREG (st.st_mode))
        continue;

      /* Newest first; the name (which holds the time) breaks a tie. */
      if (best == NULL || st.st_mtim.tv_sec != best_time.tv_sec)
        newer = best == NULL || st.st_mtim.tv_sec > best_time.tv_sec;
      else if (st.st_mtim.tv_nsec != best_time.tv_nsec)
        newer = st.st_mtim.tv_nsec > best_time.tv_nsec;
      else
        newer = strcmp (path, best) > 0;

      if (newer)
        {
          g_free (best);
          best = g_steal_pointer (&path);
          best_time = st.st_mtim;
        }
    }

  return g_steal_pointer (&best);
}

/* Backup, restore, check */

gboolean
loadwise_database_backup_to (LoadwiseDatabase  *self,
                             const char        *dest_path,
                             GError           **error)
{
  g_return_val_if_fail (LOADWISE_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (dest_path != NULL, FALSE);

  if (create_private_file (dest_path) != 0)
    {
      if (errno == EEXIST)
        {
          g_autofree char *display = g_filename_display_name (dest_path);

          g_set_error (error, LOADWISE_DATABASE_ERROR, LOADWISE_DATABASE_ERROR_IO,
                       _("“%s” already exists; choose a new name for the backup"), display);
          return FALSE;
        }
      return set_io_error (error, errno, _("Could not create “%s”"), dest_path);
    }

  if (!vacuum_into (self->db, dest_path, error))
    {
      g_unlink (dest_path);
      return FALSE;
    }
  return TRUE;
}

/* Whether @source can replace the current data: intact, ours, not newer. */
static gboolean
check_restore_source (sqlite3     *src,
                      const char  *display,
                      GError     **error)
{
  g_autoptr (sqlite3_stmt) check = NULL;
  g_autoptr (sqlite3_stmt) tables = NULL;
  g_autoptr (GError) local_error = NULL;
  const char *result;
  int version = 0;

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

  if (!loadwise_sqlite_get_user_version (src, &version, error))
    return FALSE;
  if (version > LOADWISE_DATABASE_SCHEMA_VERSION)
    {
      g_set_error (error, LOADWISE_DATABASE_ERROR, LOADWISE_DATABASE_ERROR_NEWER_VERSION,
                   _("“%s” was written by a newer version of Loadwise (schema %d; this version "
                     "reads up to %d). Nothing was changed."),
                   display, version, LOADWISE_DATABASE_SCHEMA_VERSION);
      return FALSE;
    }

  tables = loadwise_sqlite_prepare (src,
                                    "SELECT count(*) FROM sqlite_master"
                                    " WHERE type = 'table' AND name = 'programme'",
                                    error);
  if (tables == NULL || loadwise_sqlite_step (src, tables, error) != SQLITE_ROW)
    return FALSE;
  if (version < 1 || sqlite3_column_int (tables, 0) != 1)
    {
      g_set_error (error, LOADWISE_DATABASE_ERROR, LOADWISE_DATABASE_ERROR_FAILED,
                   _("“%s” is not a Loadwise database. Nothing was changed."), display);
      return FALSE;
    }
  return TRUE;
}

gboolean
loadwise_database_restore_from (LoadwiseDatabase  *self,
                                const char        *source_path,
                                char             **out_backup_path,
                                GError           **error)
{
  g_autofree char *display = NULL;
  g_autofree char *backup_path = NULL;
  sqlite3 *src = NULL;
  sqlite3_backup *backup;
  gboolean ok = FALSE;
  int version = 0;
  int rc;

  g_return_val_if_fail (LOADWISE_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (source_path != NULL, FALSE);

  display = g_filename_display_name (source_path);

  if (!g_file_test (source_path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, LOADWISE_DATABASE_ERROR, LOADWISE_DATABASE_ERROR_IO,
                   _("“%s” is not a file. Nothing was changed."), display);
      goto out;
    }
  if (!check_header (source_path, error))
    {
      g_prefix_error (error, _("“%s” cannot be restored: "), display);
      goto out;
    }

  /* Read-only: the file chosen by the runner is never changed. */
  rc = sqlite3_open_v2 (source_path, &src, SQLITE_OPEN_READONLY, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, LOADWISE_DATABASE_ERROR, LOADWISE_DATABASE_ERROR_IO,
                   _("Could not open “%s”: %s. Nothing was changed."), display,
                   src != NULL ? sqlite3_errmsg (src) : sqlite3_errstr (rc));
      goto out;
    }
  sqlite3_busy_timeout (src, BUSY_TIMEOUT_MS);

  if (!check_restore_source (src, display, error))
    goto out;

  backup_path = make_backup (self->db, self->data_dir, self->schema_version, error);
  if (backup_path == NULL)
    goto out;

  /* The backup API writes into the live connection, in one transaction,
   * so the file keeps its identity and other connections see the change. */
  finalize_stmts (self);
  backup = sqlite3_backup_init (self->db, "main", src, "main");
  if (backup == NULL)
    {
      loadwise_sqlite_error (self->db, sqlite3_errcode (self->db), error);
      goto out;
    }
  rc = sqlite3_backup_step (backup, -1);
  sqlite3_backup_finish (backup);
  if (rc != SQLITE_DONE)
    {
      loadwise_sqlite_error (NULL, rc, error);
      g_prefix_error (error, _("Could not restore “%s”: "), display);
      goto out;
    }

  /* An older copy is brought up to date; the source file stays as it was. */
  if (!loadwise_sqlite_get_user_version (self->db, &version, error)
      || !loadwise_migrations_apply (self->db, version, LOADWISE_DATABASE_SCHEMA_VERSION, error)
      || !loadwise_sqlite_get_user_version (self->db, &self->schema_version, error)
      || !loadwise_database_install_derive_hooks (self, error))
    goto out;

  /* The restored data's decisions stand where final; the rest, and the
   * flares, are worked out again for today, like any write. */
  loadwise_database_mark_all_dirty (self);
  if (!loadwise_sqlite_begin (self->db, error)
      || !loadwise_database_finish_write (self, LOADWISE_DATABASE_CHANGE_ALL, TRUE, error))
    goto out;

  if (out_backup_path != NULL)
    *out_backup_path = g_steal_pointer (&backup_path);
  ok = TRUE;

out:
  sqlite3_close (src);
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
