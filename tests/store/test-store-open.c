/* test-store-open.c: a new database, its pragmas, permissions and reopening
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <time.h>
#include <utime.h>

#include <glib/gstdio.h>

#include "loadwise-test-util.h"
#include "store-test-util.h"

static void
test_create_fresh (StoreFixture  *fixture,
                   gconstpointer  data)
{
  g_autoptr (LoadwiseDatabase) db = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *data_dir = g_build_filename (fixture->dir, "nested", "loadwise", NULL);
  g_autofree char *path = loadwise_database_build_path (data_dir);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autofree char *journal_mode = NULL;
  sqlite3 *handle;
  sqlite3_stmt *stmt = NULL;
  GDate today = loadwise_test_date (2026, 11, 26);

  db = loadwise_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (db);
  g_assert_cmpstr (loadwise_database_get_path (db), ==, path);
  g_assert_cmpint (loadwise_database_get_schema_version (db), ==, LOADWISE_DATABASE_SCHEMA_VERSION);

  handle = loadwise_database_get_handle (db);
  g_assert_cmpint (store_test_query_int (handle, "PRAGMA user_version"), ==, LOADWISE_DATABASE_SCHEMA_VERSION);
  g_assert_cmpint (store_test_query_int (handle, "PRAGMA foreign_keys"), ==, 1);
  /* 1 is NORMAL */
  g_assert_cmpint (store_test_query_int (handle, "PRAGMA synchronous"), ==, 1);
  g_assert_cmpint (sqlite3_prepare_v2 (handle, "PRAGMA journal_mode", -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  journal_mode = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  g_assert_cmpstr (journal_mode, ==, "wal");

  /* Folders made for the database are private, and so are its files. */
  g_assert_cmpuint (store_test_file_mode (data_dir), ==, 0700);
  g_assert_cmpuint (store_test_file_mode (path), ==, 0600);
  /* SQLite gives the -wal the database's permissions. */
  loadwise_database_save_red_flags (db, &today, 0, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (store_test_file_mode (wal), ==, 0600);
  g_assert_cmpuint (store_test_file_mode (shm), ==, 0600);

  /* Every table of both schema steps, and no backup for a new file. */
  g_assert_cmpint (store_test_query_int (handle,
                                         "SELECT count(*) FROM sqlite_master WHERE type = 'table'"
                                         " AND name IN ('programme', 'week_plan', 'session',"
                                         " 'set_log', 'exercise_pain', 'checkin', 'setting',"
                                         " 'red_flag_screening')"),
                   ==, 8);
  g_assert_null (loadwise_database_find_latest_backup (data_dir));
}

static void
test_reopen_keeps_data (StoreFixture  *fixture,
                        gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  LoadwiseCheckin checkin = { .date = loadwise_test_date (2026, 3, 2), .morning_pain = 4,
                              .side = LOADWISE_SIDE_LEFT, .night_pain = TRUE };
  LoadwiseCheckin read = { 0 };
  gboolean found = FALSE;

  loadwise_database_save_checkin (fixture->db, &checkin, &error);
  g_assert_no_error (error);
  g_clear_object (&fixture->db);

  fixture->db = loadwise_database_open (fixture->path, &error);
  g_assert_no_error (error);
  loadwise_database_get_checkin (fixture->db, &checkin.date, &read, &found, &error);
  g_assert_no_error (error);
  g_assert_true (found);
  g_assert_cmpuint (read.morning_pain, ==, 4);
  g_assert_cmpint (read.side, ==, LOADWISE_SIDE_LEFT);
  g_assert_true (read.night_pain);
  g_assert_cmpint (loadwise_database_get_schema_version (fixture->db), ==, LOADWISE_DATABASE_SCHEMA_VERSION);

  /* Reopening a current database makes no backup. */
  g_assert_null (loadwise_database_find_latest_backup (fixture->dir));
}

static void
test_paths (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *saved = g_strdup (g_getenv ("LOADWISE_DATA_DIR"));

  g_setenv ("LOADWISE_DATA_DIR", "/tmp/somewhere/else", TRUE);
  dir = loadwise_database_get_default_dir ();
  g_assert_cmpstr (dir, ==, "/tmp/somewhere/else");
  g_clear_pointer (&dir, g_free);

  g_unsetenv ("LOADWISE_DATA_DIR");
  dir = loadwise_database_get_default_dir ();
  path = g_build_filename (g_get_user_data_dir (), LOADWISE_DATA_FOLDER, NULL);
  g_assert_cmpstr (dir, ==, path);
  g_clear_pointer (&path, g_free);

  path = loadwise_database_build_path ("/data/dir");
  g_assert_cmpstr (path, ==, "/data/dir/loadwise.db");

  if (saved != NULL)
    g_setenv ("LOADWISE_DATA_DIR", saved, TRUE);
}

static void
test_foreign_database (StoreFixture  *fixture,
                       gconstpointer  data)
{
  g_autoptr (LoadwiseDatabase) db = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) before = NULL;
  g_autoptr (GBytes) after = NULL;

  store_test_file_exec (fixture->path,
                        "CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('x');");
  before = loadwise_test_read_file (fixture->path);

  db = loadwise_database_open (fixture->path, &error);
  g_assert_null (db);
  g_assert_error (error, LOADWISE_DATABASE_ERROR, LOADWISE_DATABASE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "not one of Loadwise's"));

  after = loadwise_test_read_file (fixture->path);
  g_assert_true (g_bytes_equal (before, after));
}

/* Opened read-only (as in a folder that is not writable): reads work; a
 * write names the folder and changes nothing. */
static void
test_read_only (StoreFixture  *fixture,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LoadwiseDatabase) db = NULL;
  g_autoptr (GBytes) before = NULL;
  g_autoptr (GBytes) after = NULL;
  g_autofree char *folder = NULL;
  LoadwiseCheckin checkin = { .date = loadwise_test_date (2026, 3, 2), .morning_pain = 4,
                              .side = LOADWISE_SIDE_LEFT };
  LoadwiseCheckin got = { 0 };
  gboolean found = FALSE;

  g_assert_true (loadwise_database_save_checkin (fixture->db, &checkin, &error));
  g_assert_no_error (error);
  g_clear_object (&fixture->db);
  before = loadwise_test_read_file (fixture->path);

  db = loadwise_database_open_read_only (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_true (loadwise_database_is_read_only (db));
  store_test_set_today (db, NULL);
  g_assert_true (loadwise_database_get_checkin (db, &checkin.date, &got, &found, &error));
  g_assert_no_error (error);
  g_assert_true (found);
  g_assert_cmpuint (got.morning_pain, ==, 4);

  checkin.morning_pain = 7;
  g_assert_false (loadwise_database_save_checkin (db, &checkin, &error));
  g_assert_error (error, LOADWISE_DATABASE_ERROR, LOADWISE_DATABASE_ERROR_READ_ONLY);
  folder = g_strdup_printf ("The data folder “%s” is read-only", fixture->dir);
  g_assert_true (g_str_has_prefix (error->message, folder));
  g_clear_object (&db);

  after = loadwise_test_read_file (fixture->path);
  g_assert_true (g_bytes_equal (before, after));
}

/* A start killed while it built the database leaves a hidden half-made
 * file; the next creation removes it once it is stale, and leaves a
 * young one, which may be another program's creation in progress. */
static void
test_stale_new_files (StoreFixture  *fixture,
                      gconstpointer  data)
{
  g_autofree char *base = g_path_get_basename (fixture->path);
  g_autofree char *stale = g_strdup_printf ("%s/.%s.Ab12Cd.new", fixture->dir, base);
  g_autofree char *stale_wal = g_strconcat (stale, "-wal", NULL);
  g_autofree char *young = g_strdup_printf ("%s/.%s.Zz99Yy.new", fixture->dir, base);
  g_autofree char *other = g_strdup_printf ("%s/.%s.Ab12Cd.newer", fixture->dir, base);
  const char *const old_files[] = { stale, stale_wal, other };
  g_autoptr (LoadwiseDatabase) db = NULL;
  g_autoptr (GError) error = NULL;
  struct utimbuf eleven_minutes_ago;

  eleven_minutes_ago.actime = eleven_minutes_ago.modtime = time (NULL) - 11 * 60;
  for (guint i = 0; i < G_N_ELEMENTS (old_files); i++)
    {
      g_assert_true (g_file_set_contents (old_files[i], "half", -1, NULL));
      g_assert_cmpint (g_utime (old_files[i], &eleven_minutes_ago), ==, 0);
    }
  g_assert_true (g_file_set_contents (young, "in progress", -1, NULL));

  db = loadwise_database_open (fixture->path, &error);
  g_assert_no_error (error);

  g_assert_false (g_file_test (stale, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (stale_wal, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (young, G_FILE_TEST_EXISTS));
  /* Not a name the store makes: not its to remove. */
  g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));
  g_unlink (young);
  g_unlink (other);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/store/open/create-fresh", StoreFixture, NULL,
              store_fixture_setup_empty, test_create_fresh, store_fixture_teardown);
  g_test_add ("/store/open/reopen-keeps-data", StoreFixture, NULL,
              store_fixture_setup, test_reopen_keeps_data, store_fixture_teardown);
  g_test_add ("/store/open/foreign-database", StoreFixture, NULL,
              store_fixture_setup_empty, test_foreign_database, store_fixture_teardown);
  g_test_add_func ("/store/open/paths", test_paths);
  g_test_add ("/store/open/stale-new-files", StoreFixture, NULL,
              store_fixture_setup_empty, test_stale_new_files, store_fixture_teardown);
  g_test_add ("/store/open/read-only", StoreFixture, NULL,
              store_fixture_setup, test_read_only, store_fixture_teardown);

  return g_test_run ();
}
