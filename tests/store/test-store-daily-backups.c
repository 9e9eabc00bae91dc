/* test-store-daily-backups.c: the rolling daily copies and what pruning keeps
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <fcntl.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

#include "loadwise-test-util.h"
#include "store-test-util.h"
#include "store/loadwise-backups.h"

static char *
backup_path (StoreFixture *fixture,
             const char   *name)
{
  return g_build_filename (fixture->dir, "backups", name, NULL);
}

static void
touch (const char *path)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (g_file_set_contents (path, "x", 1, &error));
  g_assert_no_error (error);
}

/* A small whole database at @path. */
static void
make_database (const char *path)
{
  store_test_file_exec (path, "CREATE TABLE t (x TEXT); INSERT INTO t VALUES ('x');");
}

/* The names in DIR/backups, sorted, space-separated. */
static char *
list_names (StoreFixture *fixture)
{
  g_autofree char *dir_path = g_build_filename (fixture->dir, "backups", NULL);
  g_autoptr (GDir) dir = g_dir_open (dir_path, 0, NULL);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GList) sorted = NULL;
  GString *text = g_string_new (NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  for (guint i = 0; i < names->len; i++)
    sorted = g_list_insert_sorted (sorted, names->pdata[i], (GCompareFunc) g_strcmp0);
  for (GList *l = sorted; l != NULL; l = l->next)
    g_string_append_printf (text, "%s%s", text->len > 0 ? " " : "", (char *) l->data);
  return g_string_free (text, FALSE);
}

static void
test_daily_name (void)
{
  GDate date = loadwise_test_date (2026, 3, 9);
  g_autofree char *name = loadwise_backups_daily_name (&date);
  GDate parsed;

  g_assert_cmpstr (name, ==, "loadwise-daily-20260309.db");
  g_assert_true (loadwise_backups_parse_daily_name (name, &parsed));
  g_assert_cmpint (g_date_compare (&parsed, &date), ==, 0);

  /* Only our exact names count as daily copies. */
  g_assert_false (loadwise_backups_parse_daily_name ("loadwise-daily-20260230.db", NULL));
  g_assert_false (loadwise_backups_parse_daily_name ("loadwise-daily-2026030.db", NULL));
  g_assert_false (loadwise_backups_parse_daily_name ("loadwise-daily-20260309.db.bak", NULL));
  g_assert_false (loadwise_backups_parse_daily_name ("loadwise-daily-2026O309.db", NULL));
  g_assert_false (loadwise_backups_parse_daily_name ("my-loadwise-daily-20260309.db", NULL));
  g_assert_false (loadwise_backups_parse_daily_name ("loadwise-v1-20260309-101010.db", NULL));
}

static void
test_take_daily (StoreFixture  *fixture,
                 gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *again = NULL;
  g_autofree char *expected = backup_path (fixture, "loadwise-daily-20260302.db");
  g_autofree char *dir = g_build_filename (fixture->dir, "backups", NULL);
  g_autofree char *names = NULL;
  GDate start = loadwise_test_date (2026, 3, 2);
  LoadwiseCheckin checkin = { .date = start, .morning_pain = 4 };

  store_test_start_programme (fixture->db, &start);
  g_assert_true (loadwise_database_save_checkin (fixture->db, &checkin, &error));
  g_assert_no_error (error);
  /* This process has written through the store. */
  g_assert_true (loadwise_backups_process_has_written ());
  g_assert_false (loadwise_backups_has_daily (fixture->dir, &start));

  g_assert_true (loadwise_backups_take_daily (fixture->db, &start, &path, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (path, ==, expected);
  g_assert_true (loadwise_backups_has_daily (fixture->dir, &start));

  /* Private, whole, and a database with the rows. */
  g_assert_cmpuint (store_test_file_mode (dir), ==, 0700);
  g_assert_cmpuint (store_test_file_mode (path), ==, 0600);
  g_assert_cmpint (store_test_file_query_int (path, "SELECT morning_pain FROM checkin"), ==, 4);
  g_assert_cmpint (store_test_file_query_int (path, "PRAGMA user_version"), ==,
                   LOADWISE_DATABASE_SCHEMA_VERSION);

  /* Once a day: a second call changes nothing. */
  checkin.morning_pain = 6;
  g_assert_true (loadwise_database_save_checkin (fixture->db, &checkin, &error));
  g_assert_true (loadwise_backups_take_daily (fixture->db, &start, &again, &error));
  g_assert_no_error (error);
  g_assert_null (again);
  g_assert_cmpint (store_test_file_query_int (path, "SELECT morning_pain FROM checkin"), ==, 4);

  /* No temporary file left behind. */
  names = list_names (fixture);
  g_assert_cmpstr (names, ==, "loadwise-daily-20260302.db");
}

static void
test_prune (StoreFixture  *fixture,
            gconstpointer  data)
{
  /* Kept beside the daily copies, whatever their age. */
  static const char * const others[] = {
    "loadwise-v1-20250101-101010.db",   /* before an upgrade */
    "mine.db",                          /* the runner's own */
    "loadwise-daily-2025.db",           /* not our name */
    "loadwise-daily-20250101.db.txt",
  };
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_build_filename (fixture->dir, "backups", NULL);
  g_autofree char *names = NULL;
  g_autofree char *path = NULL;
  GDate today = loadwise_test_date (2026, 3, 31);   /* a Tuesday */
  guint removed = 0;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    {
      g_autofree char *other = backup_path (fixture, others[i]);

      touch (other);
    }

  /* 60 days of daily copies, 2026-01-30 .. 2026-03-30. */
  for (int i = 1; i <= 60; i++)
    {
      GDate day = today;
      g_autofree char *name = NULL;
      g_autofree char *file = NULL;

      g_date_subtract_days (&day, (guint) i);
      name = loadwise_backups_daily_name (&day);
      file = backup_path (fixture, name);
      touch (file);
    }

  /* Taking today's copy prunes: the 7 newest days (03-25 .. 03-31, which
   * cover the weeks of 03-30 and 03-23), then the newest copy of each of
   * the 4 weeks before: the Sundays 03-22, 03-15, 03-08 and 03-01. */
  g_assert_true (loadwise_backups_take_daily (fixture->db, &today, &path, &error));
  g_assert_no_error (error);
  names = list_names (fixture);
  g_assert_cmpstr (names, ==,
                   "loadwise-daily-2025.db loadwise-daily-20250101.db.txt "
                   "loadwise-daily-20260301.db loadwise-daily-20260308.db "
                   "loadwise-daily-20260315.db loadwise-daily-20260322.db "
                   "loadwise-daily-20260325.db loadwise-daily-20260326.db "
                   "loadwise-daily-20260327.db loadwise-daily-20260328.db "
                   "loadwise-daily-20260329.db loadwise-daily-20260330.db "
                   "loadwise-daily-20260331.db "
                   "loadwise-v1-20250101-101010.db mine.db");

  /* Pruning again finds nothing more to remove. */
  g_assert_true (loadwise_backups_prune (fixture->dir, &removed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (removed, ==, 0);
}

static void
test_list (StoreFixture  *fixture,
           gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) backups = NULL;
  g_autoptr (GPtrArray) none = NULL;
  g_autofree char *daily = NULL;
  g_autofree char *old = backup_path (fixture, "loadwise-v1-20250101-101010.db");
  g_autofree char *mine = backup_path (fixture, "mine.db");
  g_autofree char *text = backup_path (fixture, "notes.txt");
  g_autofree char *latest = NULL;
  GDate today = loadwise_test_date (2026, 3, 31);
  const LoadwiseBackup *first;
  struct timespec times[2] = { { 1700000000, 0 }, { 1700000000, 0 } };

  /* No folder yet: an empty list, not an error. */
  none = loadwise_backups_list (fixture->dir, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (none->len, ==, 0);

  g_assert_true (loadwise_backups_take_daily (fixture->db, &today, &daily, &error));
  g_assert_no_error (error);
  make_database (old);
  make_database (mine);
  touch (text);
  /* Newer, but not whole: never listed. */
  {
    g_autofree char *empty = backup_path (fixture, "loadwise-before-import-20991231-000000.db");
    g_autofree char *cut = backup_path (fixture, "loadwise-daily-20991231.db");
    g_autofree char *partial = backup_path (fixture, ".loadwise-daily-20260401.db.x1y2z3.partial");
    g_autofree char *contents = NULL;
    gsize length = 0;

    g_assert_true (g_file_set_contents (empty, "", 0, NULL));
    g_assert_true (g_file_get_contents (daily, &contents, &length, NULL));
    g_assert_true (g_file_set_contents (cut, contents, (gssize) length / 2, NULL));
    g_assert_true (g_file_set_contents (partial, contents, (gssize) length, NULL));
  }
  /* Older than the daily copy. */
  g_assert_cmpint (utimensat (AT_FDCWD, old, times, 0), ==, 0);
  times[0].tv_sec = times[1].tv_sec = 1600000000;
  g_assert_cmpint (utimensat (AT_FDCWD, mine, times, 0), ==, 0);

  backups = loadwise_backups_list (fixture->dir, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (backups->len, ==, 3);   /* .db files only */

  first = g_ptr_array_index (backups, 0);
  g_assert_cmpstr (first->path, ==, daily);
  g_assert_cmpstr (first->name, ==, "loadwise-daily-20260331.db");
  g_assert_cmpint (first->kind, ==, LOADWISE_BACKUP_KIND_DAILY);
  {
    GStatBuf st;

    g_assert_cmpint (g_stat (daily, &st), ==, 0);
    g_assert_cmpint (first->size, ==, st.st_size);
    g_assert_cmpint (first->size, >, 0);
  }
  g_assert_cmpstr (((LoadwiseBackup *) g_ptr_array_index (backups, 1))->path, ==, old);
  g_assert_cmpint (((LoadwiseBackup *) g_ptr_array_index (backups, 1))->kind, ==,
                   LOADWISE_BACKUP_KIND_SAFETY);
  g_assert_cmpint (g_date_time_to_unix (((LoadwiseBackup *) g_ptr_array_index (backups, 1))->modified),
                   ==, 1700000000);
  g_assert_cmpstr (((LoadwiseBackup *) g_ptr_array_index (backups, 2))->path, ==, mine);
  g_assert_cmpint (((LoadwiseBackup *) g_ptr_array_index (backups, 2))->kind, ==,
                   LOADWISE_BACKUP_KIND_OTHER);
  {
    GStatBuf st;

    g_assert_cmpint (g_stat (mine, &st), ==, 0);
    g_assert_cmpint (((LoadwiseBackup *) g_ptr_array_index (backups, 2))->size, ==, st.st_size);
  }

  /* The same newest one that recovery offers. */
  latest = loadwise_database_find_latest_backup (fixture->dir);
  g_assert_cmpstr (latest, ==, daily);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/daily-backups/name", test_daily_name);
  g_test_add ("/store/daily-backups/take-daily", StoreFixture, NULL,
              store_fixture_setup, test_take_daily, store_fixture_teardown);
  g_test_add ("/store/daily-backups/prune", StoreFixture, NULL,
              store_fixture_setup, test_prune, store_fixture_teardown);
  g_test_add ("/store/daily-backups/list", StoreFixture, NULL,
              store_fixture_setup, test_list, store_fixture_teardown);

  return g_test_run ();
}
