/* test-store-backup.c: backup_to and restore_from, and what restore refuses
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <sys/stat.h>

#include <glib/gstdio.h>

#include "loadwise-test-util.h"
#include "store-test-util.h"

static void
save_checkin (LoadwiseDatabase *db,
              int               day,
              guint             pain)
{
  g_autoptr (GError) error = NULL;
  LoadwiseCheckin checkin = { .date = loadwise_test_date (2026, 3, day), .morning_pain = pain };

  g_assert_true (loadwise_database_save_checkin (db, &checkin, &error));
  g_assert_no_error (error);
}

static gint64
pain_sum (LoadwiseDatabase *db)
{
  return store_test_query_int (loadwise_database_get_handle (db),
                               "SELECT coalesce (sum (morning_pain), -1) FROM checkin");
}

static guint
count_backups (const char *data_dir)
{
  g_autofree char *path = g_build_filename (data_dir, "backups", NULL);
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static void
test_round_trip (StoreFixture  *fixture,
                 gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LoadwiseDatabase) other = NULL;
  g_autofree char *copy = g_build_filename (fixture->dir, "copy.db", NULL);
  g_autofree char *old_data = NULL;
  g_autofree char *latest = NULL;
  GDate start = loadwise_test_date (2026, 3, 2);
  LoadwiseProgramme programme;
  struct stat before, after;

  store_test_start_programme (fixture->db, &start);
  save_checkin (fixture->db, 2, 3);
  save_checkin (fixture->db, 3, 4);

  g_assert_true (loadwise_database_backup_to (fixture->db, copy, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (store_test_file_mode (copy), ==, 0600);
  g_assert_cmpint (store_test_file_query_int (copy, "PRAGMA user_version"), ==, LOADWISE_DATABASE_SCHEMA_VERSION);
  g_assert_cmpint (store_test_file_query_int (copy, "SELECT sum (morning_pain) FROM checkin"), ==,
                   7);

  /* Never over an existing file. */
  {
    g_autoptr (GBytes) copy_before = loadwise_test_read_file (copy);
    g_autoptr (GBytes) copy_after = NULL;

    g_assert_false (loadwise_database_backup_to (fixture->db, copy, &error));
    g_assert_error (error, LOADWISE_DATABASE_ERROR, LOADWISE_DATABASE_ERROR_IO);
    g_clear_error (&error);
    copy_after = loadwise_test_read_file (copy);
    g_assert_true (g_bytes_equal (copy_before, copy_after));
  }

  /* Later changes, then back to the copy. */
  save_checkin (fixture->db, 4, 9);
  g_assert_true (loadwise_database_start_programme (fixture->db, &(LoadwiseProgramme) {
                                                      .start = loadwise_test_date (2026, 5, 4),
                                                      .weeks = 12,
                                                      .training_days = 0x15,
                                                      .safe_pain = 3, .max_pain = 5 },
                                                    (guint[]) { 0, 0, 0 }, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pain_sum (fixture->db), ==, 16);

  other = loadwise_database_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (stat (fixture->path, &before), ==, 0);

  g_assert_true (loadwise_database_restore_from (fixture->db, copy, &old_data, &error));
  g_assert_no_error (error);

  g_assert_cmpint (pain_sum (fixture->db), ==, 7);
  g_assert_true (loadwise_database_get_programme (fixture->db, &programme, &error));
  g_assert_cmpint (g_date_compare (&programme.start, &start), ==, 0);
  g_assert_cmpuint (programme.weeks, ==, 8);
  g_assert_cmpint (loadwise_database_get_schema_version (fixture->db), ==, LOADWISE_DATABASE_SCHEMA_VERSION);
  /* Still the same file, and a second connection sees the restored data. */
  g_assert_cmpint (stat (fixture->path, &after), ==, 0);
  g_assert_cmpuint (before.st_ino, ==, after.st_ino);
  g_assert_cmpint (pain_sum (other), ==, 7);
  /* The log path works on the restored file (statements prepared again). */
  save_checkin (fixture->db, 5, 1);
  g_assert_cmpint (pain_sum (other), ==, 8);

  /* What was replaced went to backups/ first. */
  g_assert_nonnull (old_data);
  latest = loadwise_database_find_latest_backup (fixture->dir);
  g_assert_cmpstr (latest, ==, old_data);
  g_assert_cmpuint (store_test_file_mode (old_data), ==, 0600);
  g_assert_cmpint (store_test_file_query_int (old_data, "SELECT sum (morning_pain) FROM checkin"),
                   ==, 16);
  g_assert_cmpint (store_test_file_query_int (old_data, "SELECT weeks FROM programme"), ==, 12);
}

static void
assert_restore_refused (StoreFixture *fixture,
                        const char   *source,
                        int           code,
                        const char   *message_part)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) source_before = loadwise_test_read_file (source);
  g_autoptr (GBytes) source_after = NULL;
  g_autofree char *old_data = NULL;

  g_assert_false (loadwise_database_restore_from (fixture->db, source, &old_data, &error));
  g_assert_error (error, LOADWISE_DATABASE_ERROR, code);
  g_test_message ("refused: %s", error->message);
  g_assert_nonnull (strstr (error->message, message_part));
  g_assert_nonnull (strstr (error->message, source));
  g_assert_null (old_data);

  /* Nothing changed: data, backups, the file offered. */
  g_assert_cmpint (pain_sum (fixture->db), ==, 5);
  g_assert_cmpuint (count_backups (fixture->dir), ==, 0);
  source_after = loadwise_test_read_file (source);
  if (source_before == NULL)
    g_assert_null (source_after);
  else
    g_assert_true (g_bytes_equal (source_before, source_after));
}

static void
test_restore_refuses (StoreFixture  *fixture,
                      gconstpointer  data)
{
  g_autofree char *random = g_build_filename (fixture->dir, "random.db", NULL);
  g_autofree char *newer = g_build_filename (fixture->dir, "newer.db", NULL);
  g_autofree char *foreign = g_build_filename (fixture->dir, "foreign.db", NULL);
  g_autofree char *damaged = g_build_filename (fixture->dir, "damaged.db", NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.db", NULL);

  save_checkin (fixture->db, 2, 5);

  store_test_write_random_file (random, 8192, 7);
  assert_restore_refused (fixture, random, LOADWISE_DATABASE_ERROR_CORRUPT, "cannot be restored");

  store_test_file_exec (newer, "CREATE TABLE programme (id INTEGER); PRAGMA user_version = 99;");
  assert_restore_refused (fixture, newer, LOADWISE_DATABASE_ERROR_NEWER_VERSION,
                          "newer version of Loadwise (schema 99; this version reads up to "
                          G_STRINGIFY (LOADWISE_DATABASE_SCHEMA_VERSION) ")");

  store_test_file_exec (foreign, "CREATE TABLE notes (text TEXT); PRAGMA user_version = 1;");
  assert_restore_refused (fixture, foreign, LOADWISE_DATABASE_ERROR_FAILED,
                          "is not a Loadwise database");

  /* A real SQLite file whose header claims more pages than there are. */
  store_test_file_exec (damaged, "CREATE TABLE programme (id INTEGER);"
                                 "CREATE TABLE t (x TEXT);"
                                 "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n"
                                 " WHERE i < 500) INSERT INTO t SELECT hex (randomblob (100)) FROM n;"
                                 "PRAGMA user_version = 2;");
  {
    g_autofree char *contents = NULL;
    gsize length = 0;

    g_assert_true (g_file_get_contents (damaged, &contents, &length, NULL));
    g_assert_cmpuint (length, >, 3 * 4096);
    /* Zero the third page: a b-tree page of table t. */
    memset (contents + 2 * 4096, 0, 4096);
    g_assert_true (g_file_set_contents (damaged, contents, (gssize) length, NULL));
  }
  assert_restore_refused (fixture, damaged, LOADWISE_DATABASE_ERROR_CORRUPT, "damaged.db");

  assert_restore_refused (fixture, missing, LOADWISE_DATABASE_ERROR_IO, "missing.db");
}

static void
test_restore_older (StoreFixture  *fixture,
                    gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *old_dir = g_build_filename (fixture->dir, "old", NULL);
  g_autofree char *old_path = loadwise_database_build_path (old_dir);
  g_autofree char *old_data = NULL;
  GDate start = loadwise_test_date (2026, 3, 2);
  GDate day = loadwise_test_date (2026, 3, 2);

  {
    g_autoptr (LoadwiseDatabase) v1 = loadwise_database_open_at_version (old_path, 1, &error);

    g_assert_no_error (error);
    store_test_start_programme (v1, &start);
    save_checkin (v1, 3, 6);
  }

  g_assert_true (loadwise_database_restore_from (fixture->db, old_path, &old_data, &error));
  g_assert_no_error (error);
  g_assert_cmpint (loadwise_database_get_schema_version (fixture->db), ==, LOADWISE_DATABASE_SCHEMA_VERSION);
  g_assert_cmpint (store_test_query_int (loadwise_database_get_handle (fixture->db),
                                         "PRAGMA user_version"),
                   ==, LOADWISE_DATABASE_SCHEMA_VERSION);
  g_assert_cmpint (pain_sum (fixture->db), ==, 6);
  g_assert_true (loadwise_database_save_red_flags (fixture->db, &day, 0, &error));
  g_assert_no_error (error);
  /* The file restored from is left as it was. */
  g_assert_cmpint (store_test_file_query_int (old_path, "PRAGMA user_version"), ==, 1);
}

static void
test_restore_live_wal (StoreFixture  *fixture,
                       gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LoadwiseDatabase) source = NULL;
  g_autofree char *source_dir = g_build_filename (fixture->dir, "elsewhere", NULL);
  g_autofree char *source_path = loadwise_database_build_path (source_dir);
  g_autofree char *source_wal = g_strconcat (source_path, "-wal", NULL);

  /* Another data folder's database, still open: its latest rows are in
   * its -wal, not yet in the main file. */
  source = loadwise_database_open (source_path, &error);
  g_assert_no_error (error);
  save_checkin (source, 7, 3);
  save_checkin (source, 8, 4);
  g_assert_true (g_file_test (source_wal, G_FILE_TEST_EXISTS));

  g_assert_true (loadwise_database_restore_from (fixture->db, source_path, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pain_sum (fixture->db), ==, 7);
  /* The source keeps working. */
  save_checkin (source, 9, 1);
  g_assert_cmpint (pain_sum (source), ==, 8);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/store/backup/round-trip", StoreFixture, NULL,
              store_fixture_setup, test_round_trip, store_fixture_teardown);
  g_test_add ("/store/backup/restore-refuses", StoreFixture, NULL,
              store_fixture_setup, test_restore_refuses, store_fixture_teardown);
  g_test_add ("/store/backup/restore-live-wal", StoreFixture, NULL,
              store_fixture_setup, test_restore_live_wal, store_fixture_teardown);
  g_test_add ("/store/backup/restore-older", StoreFixture, NULL,
              store_fixture_setup, test_restore_older, store_fixture_teardown);

  return g_test_run ();
}
