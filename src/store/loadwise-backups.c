/* loadwise-backups.c: the rolling daily backups
 *
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

#include "store/loadwise-sqlite-private.h"

#define DAILY_PREFIX "loadwise-daily-"
#define DAILY_SUFFIX ".db"

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

static LoadwiseBackupKind
kind_for_name (const char *name)
{
  if (loadwise_backups_parse_daily_name (name, NULL))
    return LOADWISE_BACKUP_KIND_DAILY;
  /* loadwise-database.c names the copies it makes before a migration or
   * a restore loadwise-vN-YYYYMMDD-HHMMSS.db. */
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

GPtrArray *
loadwise_backups_list (const char  *data_dir,
                       GError     **error)
{
  g_autoptr (GPtrArray) backups = g_ptr_array_new_with_free_func ((GDestroyNotify) loadwise_backup_free);
  g_autofree char *dir_path = NULL;
  g_autoptr (GDir) dir = NULL;
  g_autoptr (GError) local_error = NULL;
  const char *name;

  g_return_val_if_fail (data_dir != NULL, NULL);

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

      if (!g_str_has_suffix (name, ".db"))
        continue;
      path = g_build_filename (dir_path, name, NULL);
      if (stat (path, &st) != 0 || !S_ISREG (st.st_mode))
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
  g_autofree char *partial = NULL;

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

  /* A hidden name per process, so two programs taking the day's copy at
   * once do not write into the same file. */
  partial = g_strdup_printf ("%s%c.%s.%d.partial", dir_path, G_DIR_SEPARATOR, name, (int) getpid ());
  g_unlink (partial); /* left by an earlier run of this pid that was killed */
  if (!loadwise_database_backup_to (database, partial, error))
    {
      g_prefix_error (error, _("Could not take the daily backup: "));
      return FALSE;
    }
  if (g_rename (partial, path) != 0)
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_name (path);

      g_unlink (partial);
      g_set_error (error, LOADWISE_DATABASE_ERROR, LOADWISE_DATABASE_ERROR_IO,
                   _("Could not take the daily backup “%s”: %s"), display, g_strerror (saved_errno));
      return FALSE;
    }

  if (!loadwise_backups_prune (data_dir, NULL, error))
    return FALSE;

  if (out_path != NULL)
    *out_path = g_steal_pointer (&path);
  return TRUE;
}
