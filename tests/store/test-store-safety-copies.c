/* test-store-safety-copies.c: the copies taken before an import, a restore
 * or an upgrade, and the import's check that the database is empty
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "core/loadwise-error.h"
#include "loadwise-test-util.h"
#include "store-test-util.h"
#include "store/loadwise-backups.h"
#include "store/loadwise-database-dataset.h"

static void
save_checkin (LoadwiseDatabase *db,
              int               day,
              guint             pain)
{
  g_autoptr (GError) error = NULL;
  LoadwiseCheckin checkin = { .date = loadwise_test_date (2026, 3, day), .morning_pain = pain,
                              .side = LOADWISE_SIDE_LEFT };

  g_assert_true (loadwise_database_save_checkin (db, &checkin, &error));
  g_assert_no_error (error);
}

static int
compare_names (const void *a,
               const void *b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

/* The names in DIR/backups, sorted, space-separated. */
static char *
list_names (const char *data_dir)
{
  g_autofree char *dir_path = g_build_filename (data_dir, "backups", NULL);
  g_autoptr (GDir) dir = g_dir_open (dir_path, 0, NULL);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

static guint
count_kind (const char *data_dir,
            const char *prefix)
{
  g_autofree char *dir_path = g_build_filename (data_dir, "backups", NULL);
  g_autoptr (GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint n = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, prefix))
      n++;
  return n;
}

/* Copies older than the test, so that the newest are the ones it takes. */
static void
make_old_copy (LoadwiseDatabase *db,
               const char       *data_dir,
               const char       *name,
               time_t            mtime)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (data_dir, "backups", name, NULL);
  struct timespec times[2] = { { mtime, 0 }, { mtime, 0 } };

  g_assert_true (loadwise_database_backup_to (db, path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (utimensat (AT_FDCWD, path, times, 0), ==, 0);
}

static void
test_prune_keeps_newest (StoreFixture  *fixture,
                         gconstpointer  data)
{
  g_autofree char *backups = g_build_filename (fixture->dir, "backups", NULL);
  g_autofree char *names = NULL;
  g_autoptr (GPtrArray) taken = g_ptr_array_new_with_free_func (g_free);
  time_t now = time (NULL);

  save_checkin (fixture->db, 2, 3);
  g_assert_cmpint (g_mkdir (backups, 0700), ==, 0);

  /* Older copies of each kind, and files that are not ours to remove. */
  for (int i = 0; i < 4; i++)
    {
      g_autofree char *import = g_strdup_printf ("loadwise-before-import-2025010%d-101010.db", i + 1);
      g_autofree char *restore = g_strdup_printf ("loadwise-before-restore-2025010%d-101010.db", i + 1);
      g_autofree char *upgrade = g_strdup_printf ("loadwise-v%d-2025010%d-101010.db", i + 1, i + 1);

      make_old_copy (fixture->db, fixture->dir, import, now - 1000 + i);
      make_old_copy (fixture->db, fixture->dir, restore, now - 1000 + i);
      make_old_copy (fixture->db, fixture->dir, upgrade, now - 1000 + i);
    }
  make_old_copy (fixture->db, fixture->dir, "loadwise-before-import-mine.db", now - 5000);
  make_old_copy (fixture->db, fixture->dir, "loadwise-daily-20250101.db", now - 5000);

  /* Three more before-import copies: 7 of that kind, 5 kept. */
  for (int i = 0; i < 3; i++)
    {
      g_autoptr (GError) error = NULL;
      char *path = loadwise_backups_take_safety_copy (fixture->db, LOADWISE_SAFETY_COPY_IMPORT, &error);

      g_assert_no_error (error);
      g_assert_nonnull (path);
      g_assert_true (loadwise_backups_check_file (path, NULL));
      g_ptr_array_add (taken, path);
    }

  g_assert_cmpuint (count_kind (fixture->dir, "loadwise-before-import-2"), ==,
                    LOADWISE_BACKUPS_KEEP_SAFETY);
  /* The newest: the three just taken and the two newest old ones. */
  for (guint i = 0; i < taken->len; i++)
    g_assert_true (g_file_test (g_ptr_array_index (taken, i), G_FILE_TEST_EXISTS));
  {
    g_autofree char *gone1 = g_build_filename (backups, "loadwise-before-import-20250101-101010.db", NULL);
    g_autofree char *gone2 = g_build_filename (backups, "loadwise-before-import-20250102-101010.db", NULL);
    g_autofree char *kept = g_build_filename (backups, "loadwise-before-import-20250103-101010.db", NULL);

    g_assert_false (g_file_test (gone1, G_FILE_TEST_EXISTS));
    g_assert_false (g_file_test (gone2, G_FILE_TEST_EXISTS));
    g_assert_true (g_file_test (kept, G_FILE_TEST_EXISTS));
  }
  /* The other kinds, the runner's file and the daily copy are untouched. */
  g_assert_cmpuint (count_kind (fixture->dir, "loadwise-before-restore-"), ==, 4);
  g_assert_cmpuint (count_kind (fixture->dir, "loadwise-v"), ==, 4);
  g_assert_cmpuint (count_kind (fixture->dir, "loadwise-before-import-mine.db"), ==, 1);
  g_assert_cmpuint (count_kind (fixture->dir, "loadwise-daily-"), ==, 1);

  /* A replacing import prunes its kind too. */
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (LoadwiseDataset) dataset = loadwise_database_read_dataset (fixture->db, &error);
    g_autofree char *backup = NULL;

    g_assert_no_error (error);
    for (int i = 0; i < 3; i++)
      {
        g_clear_pointer (&backup, g_free);
        g_assert_true (loadwise_database_write_dataset (fixture->db, dataset, TRUE, &backup, &error));
        g_assert_no_error (error);
        g_assert_nonnull (backup);
      }
    g_assert_cmpuint (count_kind (fixture->dir, "loadwise-before-import-2"), ==,
                      LOADWISE_BACKUPS_KEEP_SAFETY);
  }

  names = list_names (fixture->dir);
  g_test_message ("%s", names);
  g_assert_null (strstr (names, ".partial"));
}

/* Two processes take a before-import copy at the same moment, many times:
 * both always succeed, with names of their own. (A name that pruning has
 * freed may be given again later.) */
static void
test_two_processes (StoreFixture  *fixture,
                    gconstpointer  data)
{
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  save_checkin (fixture->db, 2, 3);

  for (guint round = 0; round < 10; round++)
    {
      g_autoptr (GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
      int go[2];
      int results[2][2];
      pid_t pids[2];

      g_assert_cmpint (pipe (go), ==, 0);
      for (guint c = 0; c < 2; c++)
        {
          g_assert_cmpint (pipe (results[c]), ==, 0);
          pids[c] = fork ();
          g_assert_cmpint (pids[c], >=, 0);
          if (pids[c] == 0)
            {
              g_autoptr (GError) error = NULL;
              g_autoptr (LoadwiseDatabase) db = loadwise_database_open (fixture->path, &error);
              g_autofree char *path = NULL;
              char byte;

              close (go[1]);
              close (results[c][0]);
              if (db == NULL)
                _exit (3);
              /* Both start when the parent says so. */
              if (read (go[0], &byte, 1) != 0)
                _exit (4);
              path = loadwise_backups_take_safety_copy (db, LOADWISE_SAFETY_COPY_IMPORT, &error);
              if (path == NULL)
                {
                  if (write (results[c][1], error->message, strlen (error->message))) {}
                  _exit (1);
                }
              if (write (results[c][1], path, strlen (path))) {}
              _exit (0);
            }
          close (results[c][1]);
        }
      close (go[0]);
      close (go[1]);   /* go */

      for (guint c = 0; c < 2; c++)
        {
          g_autoptr (GString) out = g_string_new (NULL);
          char buffer[512];
          gssize n;
          int status = 0;

          while ((n = read (results[c][0], buffer, sizeof buffer)) > 0)
            g_string_append_len (out, buffer, n);
          close (results[c][0]);
          g_assert_cmpint (waitpid (pids[c], &status, 0), ==, pids[c]);
          if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
            g_error ("round %u: a copy failed: %s", round, out->str);
          g_ptr_array_add (paths, g_string_free (g_steal_pointer (&out), FALSE));
        }

      /* Both whole, each under its own name. */
      g_assert_cmpstr (g_ptr_array_index (paths, 0), !=, g_ptr_array_index (paths, 1));
      for (guint c = 0; c < 2; c++)
        {
          g_assert_true (loadwise_backups_check_file (g_ptr_array_index (paths, c), NULL));
          g_hash_table_add (seen, g_strdup (g_ptr_array_index (paths, c)));
        }

      /* Pruning keeps the folder small; the names stay distinct. */
      g_assert_cmpuint (count_kind (fixture->dir, "loadwise-before-import-"), <=,
                        LOADWISE_BACKUPS_KEEP_SAFETY + 1);
    }
  g_test_message ("%u names among 20 copies taken two at a time", g_hash_table_size (seen));
}

/* Another connection's check-in lands while the import waits for the
 * write lock: the import must see it inside its transaction and refuse,
 * not merge the file into it. */
typedef struct {
  sqlite3 *other;
  guint    calls;
} Race;

static int
on_busy (void *user_data,
         int   count)
{
  Race *race = user_data;

  /* The racing writer commits while the import waits for the lock. */
  if (race->calls++ == 0)
    g_assert_cmpint (sqlite3_exec (race->other,
                                   "INSERT INTO checkin (date, morning_pain, side, night_pain, updated_at)"
                                   " VALUES ('2026-04-01', 3, 'left', 0, '2026-04-01T07:00:00Z');"
                                   "COMMIT;", NULL, NULL, NULL), ==, SQLITE_OK);
  return 1;  /* try again */
}

static void
test_import_race (StoreFixture  *fixture,
                  gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LoadwiseDataset) dataset = NULL;
  g_autofree char *source_dir = g_build_filename (fixture->dir, "elsewhere", NULL);
  g_autofree char *source_path = loadwise_database_build_path (source_dir);
  g_autofree char *backup = NULL;
  sqlite3 *live = loadwise_database_get_handle (fixture->db);
  Race race = { NULL, 0 };

  {
    g_autoptr (LoadwiseDatabase) source = loadwise_database_open (source_path, &error);
    GDate start = loadwise_test_date (2026, 3, 2);

    g_assert_no_error (error);
    store_test_set_today (source, NULL);
    store_test_start_programme (source, &start);
    save_checkin (source, 2, 5);
    dataset = loadwise_database_read_dataset (source, &error);
    g_assert_no_error (error);
  }

  /* The racing writer holds the write lock before the import starts. */
  g_assert_cmpint (sqlite3_open_v2 (fixture->path, &race.other, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (race.other, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_busy_handler (live, on_busy, &race);

  g_assert_false (loadwise_database_write_dataset (fixture->db, dataset, FALSE, &backup, &error));
  g_assert_error (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT);
  g_assert_cmpstr (error->message, ==, "The database already holds data; nothing was changed");
  g_assert_null (backup);
  g_assert_cmpuint (race.calls, >=, 1);

  sqlite3_busy_timeout (live, 5000);
  sqlite3_close (race.other);

  /* Only the racing check-in: nothing of the file was merged into it. */
  g_assert_cmpint (store_test_query_int (live, "SELECT count(*) FROM checkin"), ==, 1);
  g_assert_cmpint (store_test_query_int (live, "SELECT count(*) FROM programme"), ==, 0);
  g_assert_cmpint (store_test_query_int (live, "SELECT count(*) FROM week_plan"), ==, 0);
}

/* A replacing import: a write between the safety copy and the transaction
 * is in the copy the import keeps, never lost. */
static void
test_replace_race (StoreFixture  *fixture,
                   gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LoadwiseDataset) dataset = NULL;
  g_autofree char *backup = NULL;
  sqlite3 *live = loadwise_database_get_handle (fixture->db);
  Race race = { NULL, 0 };

  save_checkin (fixture->db, 2, 5);
  dataset = loadwise_database_read_dataset (fixture->db, &error);
  g_assert_no_error (error);

  g_assert_cmpint (sqlite3_open_v2 (fixture->path, &race.other, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (race.other, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_busy_handler (live, on_busy, &race);

  g_assert_true (loadwise_database_write_dataset (fixture->db, dataset, TRUE, &backup, &error));
  g_assert_no_error (error);
  sqlite3_busy_timeout (live, 5000);
  sqlite3_close (race.other);

  /* Replaced by the dataset; the racing check-in is in the copy kept. */
  g_assert_cmpint (store_test_query_int (live, "SELECT count(*) FROM checkin"), ==, 1);
  g_assert_nonnull (backup);
  g_assert_cmpint (store_test_file_query_int (backup, "SELECT count(*) FROM checkin"), ==, 2);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/store/safety-copies/prune-keeps-newest", StoreFixture, NULL,
              store_fixture_setup, test_prune_keeps_newest, store_fixture_teardown);
  g_test_add ("/store/safety-copies/two-processes", StoreFixture, NULL,
              store_fixture_setup, test_two_processes, store_fixture_teardown);
  g_test_add ("/store/safety-copies/import-race", StoreFixture, NULL,
              store_fixture_setup, test_import_race, store_fixture_teardown);
  g_test_add ("/store/safety-copies/replace-race", StoreFixture, NULL,
              store_fixture_setup, test_replace_race, store_fixture_teardown);
  return g_test_run ();
}
