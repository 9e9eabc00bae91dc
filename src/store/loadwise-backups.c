/* loadwise-backups.c: the daily and safety copies, and how any copy is written
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "store/loadwise-backups.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "core/loadwise-file.h"
#include "store/loadwise-sqlite-private.h"

#define DAILY_PREFIX "loadwise-daily-"
#define DAILY_SUFFIX ".db"
/* A copy being written: hidden, and never ending in .db, so that nothing
 * lists or offers it. */
#define PARTIAL_SUFFIX ".partial"
/* A temporary copy left by a program that was killed, older than this,
 * is removed when the next copy of the folder is written. */
#define PARTIAL_STALE_S (24 * 60 * 60)

/* Set by the commit hook of every connection this process opens. */
static gint process_has_written;

int
loadwise_backups_on_commit (void *user_data)
{
  g_atomic_int_set (&process_has_written, 1);
  return 0; /* let the commit go ahead */
}

gboolean
loadwise_backups_process_has_written (void)
{
  return g_atomic_int_get (&process_has_written) != 0;
}

void
loadwise_backup_free (LoadwiseBackup *backup)
{
  if (backup == NULL)
    return;
  g_free (backup->path);
  g_free (backup->name);
  g_clear_pointer (&backup->modified, g_date_time_unref);
  g_free (backup);
}

char *
loadwise_backups_daily_name (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_strdup_printf (DAILY_PREFIX "%04u%02u%02u" DAILY_SUFFIX,
                          g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

gboolean
loadwise_backups_parse_daily_name (const char *name,
                                   GDate      *out_date)
{
  const char *digits;
  guint year, month, day;

  g_return_val_if_fail (name != NULL, FALSE);

  /* Strictly our own names: a file the runner put there is never pruned. */
  if (strlen (name) != strlen (DAILY_PREFIX) + 8 + strlen (DAILY_SUFFIX)
      || !g_str_has_prefix (name, DAILY_PREFIX)
      || !g_str_has_suffix (name, DAILY_SUFFIX))
    return FALSE;

  digits = name + strlen (DAILY_PREFIX);
  for (guint i = 0; i < 8; i++)
    if (!g_ascii_isdigit (digits[i]))
      return FALSE;

  year = (guint) g_ascii_digit_value (digits[0]) * 1000 + (guint) g_ascii_digit_value (digits[1]) * 100
         + (guint) g_ascii_digit_value (digits[2]) * 10 + (guint) g_ascii_digit_value (digits[3]);
  month = (guint) g_ascii_digit_value (digits[4]) * 10 + (guint) g_ascii_digit_value (digits[5]);
  day = (guint) g_ascii_digit_value (digits[6]) * 10 + (guint) g_ascii_digit_value (digits[7]);
  if (!g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return FALSE;

  if (out_date != NULL)
    g_date_set_dmy (out_date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return TRUE;
}

static const char *const safety_prefixes[] = {
  [LOADWISE_SAFETY_COPY_UPGRADE] = "loadwise-v",
  [LOADWISE_SAFETY_COPY_IMPORT] = "loadwise-before-import-",
  [LOADWISE_SAFETY_COPY_RESTORE] = "loadwise-before-restore-",
};

static gboolean
skip_digits (const char **p,
             guint        min,
             guint        max)
{
  guint n = 0;

  while (g_ascii_isdigit ((*p)[n]) && n < max)
    n++;
  if (n < min || g_ascii_isdigit ((*p)[n]))
    return FALSE;
  *p += n;
  return TRUE;
}

/* Strictly the names loadwise_backups_take_safety_copy() gives:
 * PREFIX[N-]YYYYMMDD-HHMMSS[-K].db, so a file the runner put there is
 * never pruned. */
static gboolean
is_safety_name (const char         *name,
                LoadwiseSafetyCopy  kind)
{
  const char *p = name;

  if (!g_str_has_prefix (p, safety_prefixes[kind]))
    return FALSE;
  p += strlen (safety_prefixes[kind]);
  if (kind == LOADWISE_SAFETY_COPY_UPGRADE && !(skip_digits (&p, 1, 4) && *p++ == '-'))
    return FALSE;
  if (!skip_digits (&p, 8, 8) || *p++ != '-' || !skip_digits (&p, 6, 6))
    return FALSE;
  if (*p == '-')
    {
      p++;
      if (!skip_digits (&p, 1, 4))
        return FALSE;
    }
  return strcmp (p, ".db") == 0;
}

static LoadwiseBackupKind
kind_for_name (const char *name)
{
  if (loadwise_backups_parse_daily_name (name, NULL))
    return LOADWISE_BACKUP_KIND_DAILY;
  for (guint k = 0; k < G_N_ELEMENTS (safety_prefixes); k++)
    if (is_safety_name (name, (LoadwiseSafetyCopy) k))
      return LOADWISE_BACKUP_KIND_SAFETY;
  /* Copies an older Loadwise made before an upgrade or a restore. */
  if (g_str_has_prefix (name, "loadwise-v") && g_ascii_isdigit (name[strlen ("loadwise-v")]))
    return LOADWISE_BACKUP_KIND_SAFETY;
  return LOADWISE_BACKUP_KIND_OTHER;
}

static char *
get_backups_dir (const char *data_dir)
{
  return g_build_filename (data_dir, "backups", NULL);
}

/* Newest first; the name breaks a tie, as in find_latest_backup(). */
static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const LoadwiseBackup *x = *(LoadwiseBackup * const *) a;
  const LoadwiseBackup *y = *(LoadwiseBackup * const *) b;
  int by_time = g_date_time_compare (y->modified, x->modified);

  return by_time != 0 ? by_time : strcmp (y->path, x->path);
}

/* A connection that reads @path and nothing else: no -wal or -shm is made
 * or read beside it (immutable), and nothing of its schema runs. */
sqlite3 *
loadwise_backups_open_untrusted (const char  *path,
                                 gboolean     immutable,
                                 GError     **error)
{
  g_autofree char *escaped = g_uri_escape_string (path, "/", FALSE);
  g_autofree char *uri = g_strdup_printf ("file:%s?mode=ro%s", escaped,
                                          immutable ? "&immutable=1" : "");
  sqlite3 *db = NULL;
  int rc;

  rc = sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_db_config (db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
  if (rc != SQLITE_OK)
    {
      loadwise_sqlite_error (db, rc, error);
      sqlite3_close (db);
      return NULL;
    }
  return db;
}

gboolean
loadwise_backups_check_file (const char  *path,
                             GError     **error)
{
  static const char magic[16] = "SQLite format 3";
  g_autofree char *display = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  char header[sizeof magic];
  sqlite3 *db;
  struct stat st;
  gssize n_read = -1;
  gboolean ok;
  int fd;

  g_return_val_if_fail (path != NULL, FALSE);

  display = g_filename_display_name (path);
  fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW, 0);
  if (fd >= 0 && fstat (fd, &st) == 0 && S_ISREG (st.st_mode))
    n_read = read (fd, header, sizeof header);
  if (fd >= 0)
    g_close (fd, NULL);
  if (n_read != sizeof header || memcmp (header, magic, sizeof magic) != 0)
    {
      g_set_error (error, LOADWISE_DATABASE_ERROR, LOADWISE_DATABASE_ERROR_CORRUPT,
                   _("“%s” is not a whole database (empty, cut short or not SQLite)"), display);
      return FALSE;
    }

  db = loadwise_backups_open_untrusted (path, TRUE, error);
  if (db == NULL)
    return FALSE;
  stmt = loadwise_sqlite_prepare (db, "PRAGMA quick_check", NULL);
  ok = stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW
       && g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0;
  g_clear_pointer (&stmt, sqlite3_finalize);
  sqlite3_close (db);
  if (!ok)
    g_set_error (error, LOADWISE_DATABASE_ERROR, LOADWISE_DATABASE_ERROR_CORRUPT,
                 _("“%s” is damaged (PRAGMA quick_check failed)"), display);
  return ok;
}

/* Every regular .db file in the folder, newest first; with @check, only
 * those that pass loadwise_backups_check_file(). */
static GPtrArray *
collect_backups (const char  *data_dir,
                 gboolean     check,
                 GError     **error)
{
  g_autoptr (GPtrArray) backups = g_ptr_array_new_with_free_func ((GDestroyNotify) loadwise_backup_free);
  g_autofree char *dir_path = NULL;
  g_autoptr (GDir) dir = NULL;
  g_autoptr (GError) local_error = NULL;
  const char *name;

  dir_path = get_backups_dir (data_dir);
  dir = g_dir_open (dir_path, 0, &local_error);
  if (dir == NULL)
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return g_steal_pointer (&backups);
      g_set_error (error, LOADWISE_DATABASE_ERROR, LOADWISE_DATABASE_ERROR_IO,
                   "%s", local_error->message);
      return NULL;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autoptr (LoadwiseBackup) backup = NULL;
      g_autofree char *path = NULL;
      struct stat st;

      /* Hidden names are copies being written. */
      if (!g_str_has_suffix (name, ".db") || name[0] == '.')
        continue;
      path = g_build_filename (dir_path, name, NULL);
      if (stat (path, &st) != 0 || !S_ISREG (st.st_mode))
        continue;
      /* A copy that looks real but is not is never offered. */
      if (check && !loadwise_backups_check_file (path, NULL))
        continue;

      backup = g_new0 (LoadwiseBackup, 1);
      backup->path = g_steal_pointer (&path);
      backup->name = g_filename_display_name (name);
      backup->size = (goffset) st.st_size;
      backup->kind = kind_for_name (name);
      {
        g_autoptr (GDateTime) utc = g_date_time_new_from_unix_utc (st.st_mtim.tv_sec);
        g_autoptr (GDateTime) precise = g_date_time_add (utc, st.st_mtim.tv_nsec / 1000);

        backup->modified = g_date_time_to_local (precise);
      }
      g_ptr_array_add (backups, g_steal_pointer (&backup));
    }

  g_ptr_array_sort (backups, compare_newest_first);
  return g_steal_pointer (&backups);
}

GPtrArray *
loadwise_backups_list (const char  *data_dir,
                       GError     **error)
{
  g_return_val_if_fail (data_dir != NULL, NULL);

  return collect_backups (data_dir, TRUE, error);
}

char *
loadwise_backups_find_latest (const char *data_dir)
{
  g_autoptr (GPtrArray) backups = collect_backups (data_dir, FALSE, NULL);

  /* Newest first: only as many files are checked as it takes. */
  for (guint i = 0; backups != NULL && i < backups->len; i++)
    {
      LoadwiseBackup *backup = g_ptr_array_index (backups, i);

      if (loadwise_backups_check_file (backup->path, NULL))
        return g_steal_pointer (&backup->path);
    }
  return NULL;
}

/* A daily copy found in the folder. */
typedef struct {
  char  *path;
  GDate  date;
} DailyFile;

static void
daily_file_free (DailyFile *file)
{
  g_free (file->path);
  g_free (file);
}

static int
compare_daily_newest_first (gconstpointer a,
                            gconstpointer b)
{
  const DailyFile *x = *(DailyFile * const *) a;
  const DailyFile *y = *(DailyFile * const *) b;

  return g_date_compare (&y->date, &x->date);
}

static GPtrArray *
list_daily (const char  *dir_path,
            GError     **error)
{
  g_autoptr (GPtrArray) files = g_ptr_array_new_with_free_func ((GDestroyNotify) daily_file_free);
  g_autoptr (GDir) dir = NULL;
  g_autoptr (GError) local_error = NULL;
  const char *name;

  dir = g_dir_open (dir_path, 0, &local_error);
  if (dir == NULL)
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return g_steal_pointer (&files);
      g_set_error (error, LOADWISE_DATABASE_ERROR, LOADWISE_DATABASE_ERROR_IO,
                   "%s", local_error->message);
      return NULL;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      DailyFile *file;
      GDate date;

      if (!loadwise_backups_parse_daily_name (name, &date))
        continue;
      file = g_new0 (DailyFile, 1);
      file->path = g_build_filename (dir_path, name, NULL);
      file->date = date;
      g_ptr_array_add (files, file);
    }

  g_ptr_array_sort (files, compare_daily_newest_first);
  return g_steal_pointer (&files);
}

/* An ISO 8601 week as one comparable number. */
static guint
iso_week_key (const GDate *date)
{
  GDate thursday = *date;
  int to_thursday = 4 - (int) g_date_get_weekday (date);

  /* The ISO year is the year of the week's Thursday. */
  if (to_thursday >= 0)
    g_date_add_days (&thursday, (guint) to_thursday);
  else
    g_date_subtract_days (&thursday, (guint) -to_thursday);
  return g_date_get_year (&thursday) * 100 + g_date_get_iso8601_week_of_year (date);
}

gboolean
loadwise_backups_prune (const char  *data_dir,
                        guint       *out_removed,
                        GError     **error)
{
  g_autofree char *dir_path = NULL;
  g_autoptr (GPtrArray) files = NULL;
  g_autoptr (GHashTable) weeks = g_hash_table_new (g_direct_hash, g_direct_equal);
  guint weeks_kept = 0;
  guint removed = 0;

  g_return_val_if_fail (data_dir != NULL, FALSE);

  dir_path = get_backups_dir (data_dir);
  files = list_daily (dir_path, error);
  if (files == NULL)
    return FALSE;

  for (guint i = 0; i < files->len; i++)
    {
      const DailyFile *file = g_ptr_array_index (files, i);
      gpointer week = GUINT_TO_POINTER (iso_week_key (&file->date));

      /* The newest copies, then (newest first, so the first copy seen of a
       * week is its newest) one for each older week not yet covered. */
      if (i < LOADWISE_BACKUPS_KEEP_DAILY)
        {
          g_hash_table_add (weeks, week);
          continue;
        }
      if (!g_hash_table_contains (weeks, week) && weeks_kept < LOADWISE_BACKUPS_KEEP_WEEKLY)
        {
          g_hash_table_add (weeks, week);
          weeks_kept++;
          continue;
        }

      if (g_unlink (file->path) != 0 && errno != ENOENT)
        {
          int saved_errno = errno;
          g_autofree char *display = g_filename_display_name (file->path);

          g_set_error (error, LOADWISE_DATABASE_ERROR, LOADWISE_DATABASE_ERROR_IO,
                       _("Could not remove the old backup “%s”: %s"), display,
                       g_strerror (saved_errno));
          return FALSE;
        }
      removed++;
    }

  if (out_removed != NULL)
    *out_removed = removed;
  return TRUE;
}

gboolean
loadwise_backups_has_daily (const char  *data_dir,
                            const GDate *today)
{
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (data_dir != NULL, FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);

  name = loadwise_backups_daily_name (today);
  path = g_build_filename (data_dir, "backups", name, NULL);
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

gboolean
loadwise_backups_take_daily (LoadwiseDatabase  *database,
                             const GDate       *today,
                             char             **out_path,
                             GError           **error)
{
  g_autofree char *data_dir = NULL;
  g_autofree char *dir_path = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autofree char *partial = NULL;  /* the name written: @path */

  g_return_val_if_fail (LOADWISE_IS_DATABASE (database), FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);

  if (out_path != NULL)
    *out_path = NULL;

  data_dir = g_path_get_dirname (loadwise_database_get_path (database));
  dir_path = get_backups_dir (data_dir);
  name = loadwise_backups_daily_name (today);
  path = g_build_filename (dir_path, name, NULL);

  /* The cheap check that makes this fine to call on every write. */
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return TRUE;

  if (g_mkdir_with_parents (dir_path, 0700) != 0)
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_name (dir_path);

      g_set_error (error, LOADWISE_DATABASE_ERROR, LOADWISE_DATABASE_ERROR_IO,
                   _("Could not create the folder “%s”: %s"), display, g_strerror (saved_errno));
      return FALSE;
    }

  partial = loadwise_backups_write_copy (database, path, FALSE, error);
  if (partial == NULL)
    {
      /* Another program took the day's copy at the same moment: it stands. */
      if (g_file_test (path, G_FILE_TEST_EXISTS))
        {
          g_clear_error (error);
          return TRUE;
        }
      g_prefix_error (error, _("Could not take the daily backup: "));
      return FALSE;
    }

  if (!loadwise_backups_prune (data_dir, NULL, error))
    return FALSE;

  if (out_path != NULL)
    *out_path = g_steal_pointer (&path);
  return TRUE;
}

/* Writing a copy */

/* Removes the temporary copies in @dir_path that killed programs left
 * behind long ago; one being written now is younger. */
static void
remove_stale_partials (const char *dir_path)
{
  g_autoptr (GDir) dir = g_dir_open (dir_path, 0, NULL);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      struct stat st;

      /* VACUUM INTO keeps a rollback journal beside the copy it writes. */
      if (name[0] != '.' || !(g_str_has_suffix (name, PARTIAL_SUFFIX)
                              || g_str_has_suffix (name, PARTIAL_SUFFIX "-journal")))
        continue;
      path = g_build_filename (dir_path, name, NULL);
      if (lstat (path, &st) == 0 && S_ISREG (st.st_mode) && now - st.st_mtime > PARTIAL_STALE_S)
        g_unlink (path);
    }
}

/* DIR/STEM.db -> DIR/STEM-N.db */
static char *
numbered_name (const char *path,
               guint       n)
{
  g_autofree char *stem = g_str_has_suffix (path, ".db") ? g_strndup (path, strlen (path) - 3)
                                                         : g_strdup (path);

  return g_strdup_printf ("%s-%u%s", stem, n, g_str_has_suffix (path, ".db") ? ".db" : "");
}

char *
loadwise_backups_write_copy (LoadwiseDatabase  *database,
                             const char        *dest_path,
                             gboolean           unique,
                             GError           **error)
{
  g_autofree char *dir_path = NULL;
  g_autofree char *base = NULL;
  g_autofree char *partial = NULL;
  g_autofree char *written = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int saved_errno = 0;
  int fd;

  g_return_val_if_fail (LOADWISE_IS_DATABASE (database), NULL);
  g_return_val_if_fail (dest_path != NULL && *dest_path != '\0', NULL);

  dir_path = g_path_get_dirname (dest_path);
  base = g_path_get_basename (dest_path);
  if (!unique && g_file_test (dest_path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *display = g_filename_display_name (dest_path);

      g_set_error (error, LOADWISE_DATABASE_ERROR, LOADWISE_DATABASE_ERROR_IO,
                   _("“%s” already exists; choose a new name for the backup"), display);
      return NULL;
    }

  /* Hidden and unique to this call: programs copying at once never share
   * a file, and a copy cut short never sits under a name that is listed. */
  partial = g_strdup_printf ("%s%c.%s.XXXXXX" PARTIAL_SUFFIX, dir_path, G_DIR_SEPARATOR, base);
  fd = g_mkstemp_full (partial, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      loadwise_store_set_io_error (error, errno, _("Could not create a file in “%s”"), dir_path);
      return NULL;
    }
  g_close (fd, NULL);

  /* VACUUM INTO accepts an empty file, and keeps its 0600. */
  stmt = loadwise_sqlite_prepare (loadwise_database_get_handle (database), "VACUUM INTO ?1", error);
  if (stmt != NULL)
    sqlite3_bind_text (stmt, 1, partial, -1, SQLITE_TRANSIENT);
  if (stmt == NULL || !loadwise_sqlite_step_done (loadwise_database_get_handle (database), stmt, error))
    {
      g_autofree char *journal = g_strconcat (partial, "-journal", NULL);

      g_unlink (journal);
      g_unlink (partial);
      g_prefix_error (error, _("Could not make a backup copy: "));
      return NULL;
    }
  /* The copy's bytes are on disk before any name says it is whole. */
  if (!loadwise_file_sync_path (partial, &saved_errno))
    {
      g_unlink (partial);
      loadwise_store_set_io_error (error, saved_errno, _("Could not write “%s”"), dest_path);
      return NULL;
    }

  for (guint n = 1; written == NULL; n++)
    {
      g_autofree char *candidate = n == 1 ? g_strdup (dest_path) : numbered_name (dest_path, n);

      if ((saved_errno = loadwise_file_rename_no_replace (partial, candidate)) == 0)
        written = g_steal_pointer (&candidate);
      else if (saved_errno != EEXIST || !unique || n >= 1000)
        {
          g_unlink (partial);
          if (saved_errno == EEXIST)
            {
              g_autofree char *display = g_filename_display_name (candidate);

              g_set_error (error, LOADWISE_DATABASE_ERROR, LOADWISE_DATABASE_ERROR_IO,
                           _("“%s” already exists; choose a new name for the backup"), display);
              return NULL;
            }
          loadwise_store_set_io_error (error, saved_errno, _("Could not write “%s”"), candidate);
          return NULL;
        }
    }

  /* The new name itself survives a crash. */
  loadwise_file_sync_path (dir_path, NULL);
  remove_stale_partials (dir_path);
  return g_steal_pointer (&written);
}

/* Safety copies */

char *
loadwise_backups_take_safety_copy (LoadwiseDatabase    *database,
                                   LoadwiseSafetyCopy   kind,
                                   GError             **error)
{
  g_autofree char *data_dir = NULL;
  g_autofree char *dir_path = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autofree char *written = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autoptr (GError) prune_error = NULL;

  g_return_val_if_fail (LOADWISE_IS_DATABASE (database), NULL);
  g_return_val_if_fail (kind < G_N_ELEMENTS (safety_prefixes), NULL);

  data_dir = g_path_get_dirname (loadwise_database_get_path (database));
  dir_path = get_backups_dir (data_dir);
  if (g_mkdir_with_parents (dir_path, 0700) != 0)
    {
      loadwise_store_set_io_error (error, errno, _("Could not create the folder “%s”"), dir_path);
      return NULL;
    }

  if (kind == LOADWISE_SAFETY_COPY_UPGRADE)
    {
      int version = 0;

      if (!loadwise_sqlite_get_user_version (loadwise_database_get_handle (database), &version, error))
        return NULL;
      name = g_strdup_printf ("%s%d-%s.db", safety_prefixes[kind], version, stamp);
    }
  else
    {
      name = g_strdup_printf ("%s%s.db", safety_prefixes[kind], stamp);
    }
  path = g_build_filename (dir_path, name, NULL);

  written = loadwise_backups_write_copy (database, path, TRUE, error);
  if (written == NULL)
    return NULL;

  /* The copy is taken: failing to tidy up must not stop the write it
   * protects. */
  if (!loadwise_backups_prune_safety (data_dir, kind, LOADWISE_BACKUPS_KEEP_SAFETY, NULL,
                                      &prune_error))
    g_warning ("%s", prune_error->message);
  return g_steal_pointer (&written);
}

gboolean
loadwise_backups_prune_safety (const char          *data_dir,
                               LoadwiseSafetyCopy   kind,
                               guint                keep,
                               guint               *out_removed,
                               GError             **error)
{
  g_autoptr (GPtrArray) backups = NULL;
  guint kept = 0;
  guint removed = 0;

  g_return_val_if_fail (data_dir != NULL, FALSE);
  g_return_val_if_fail (kind < G_N_ELEMENTS (safety_prefixes), FALSE);

  /* Unchecked: a damaged copy of ours counts like any other. */
  backups = collect_backups (data_dir, FALSE, error);
  if (backups == NULL)
    return FALSE;

  for (guint i = 0; i < backups->len; i++)
    {
      const LoadwiseBackup *backup = g_ptr_array_index (backups, i);
      g_autofree char *name = g_path_get_basename (backup->path);

      if (!is_safety_name (name, kind) || kept++ < keep)
        continue;
      if (g_unlink (backup->path) != 0 && errno != ENOENT)
        return loadwise_store_set_io_error (error, errno, _("Could not remove the old backup “%s”"),
                               backup->path);
      removed++;
    }

  if (out_removed != NULL)
    *out_removed = removed;
  return TRUE;
}
