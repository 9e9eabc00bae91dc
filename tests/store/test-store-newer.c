/* test-store-newer.c: a file from a newer Loadwise is refused and untouched
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>

#include "loadwise-test-util.h"
#include "store-test-util.h"

#define NEWER_MESSAGE \
  "This database was written by a newer version of Loadwise (schema 99; this version reads " \
  "up to " G_STRINGIFY (LOADWISE_DATABASE_SCHEMA_VERSION) "). It has not been changed."

static void
assert_refused (StoreFixture *fixture)
{
  g_autoptr (LoadwiseDatabase) db = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *moved_to = NULL;
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (fixture->path, "-shm", NULL);
  g_autoptr (GBytes) before = loadwise_test_read_file (fixture->path);
  g_autoptr (GBytes) after = NULL;

  g_assert_nonnull (before);

  db = loadwise_database_open (fixture->path, &error);
  g_assert_null (db);
  g_assert_error (error, LOADWISE_DATABASE_ERROR, LOADWISE_DATABASE_ERROR_NEWER_VERSION);
  g_assert_cmpstr (error->message, ==, NEWER_MESSAGE);
  g_clear_error (&error);

  /* Recovery is for damaged files only: a newer one stays where it is. */
  db = loadwise_database_open_or_recover (fixture->path, &moved_to, &error);
  g_assert_null (db);
  g_assert_error (error, LOADWISE_DATABASE_ERROR, LOADWISE_DATABASE_ERROR_NEWER_VERSION);
  g_assert_null (moved_to);

  after = loadwise_test_read_file (fixture->path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));
  g_assert_cmpint (store_test_file_query_int (fixture->path, "PRAGMA user_version"), ==, 99);
  g_assert_cmpint (store_test_file_query_int (fixture->path, "SELECT count(*) FROM future"), ==, 1);
}

static void
test_newer_rollback_journal (StoreFixture  *fixture,
                             gconstpointer  data)
{
  store_test_file_exec (fixture->path,
                        "CREATE TABLE future (x INTEGER); INSERT INTO future VALUES (1);"
                        "PRAGMA user_version = 99;");
  assert_refused (fixture);
}

static void
test_newer_wal (StoreFixture  *fixture,
                gconstpointer  data)
{
  /* A newer version that also uses WAL: even the journal mode is read,
   * not switched, before the version is known. */
  store_test_file_exec (fixture->path,
                        "PRAGMA journal_mode = WAL;"
                        "CREATE TABLE future (x INTEGER); INSERT INTO future VALUES (1);"
                        "PRAGMA user_version = 99;");
  assert_refused (fixture);
}

static void
test_newer_kept_by_existing_connection (StoreFixture  *fixture,
                                        gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LoadwiseDatabase) db = NULL;

  /* A current file that a newer Loadwise then moved on. */
  fixture->db = loadwise_database_open (fixture->path, &error);
  g_assert_no_error (error);
  g_clear_object (&fixture->db);
  store_test_file_exec (fixture->path,
                        "CREATE TABLE future (x INTEGER); INSERT INTO future VALUES (1);"
                        "PRAGMA user_version = 99;");

  db = loadwise_database_open (fixture->path, &error);
  g_assert_null (db);
  g_assert_error (error, LOADWISE_DATABASE_ERROR, LOADWISE_DATABASE_ERROR_NEWER_VERSION);
  g_assert_cmpstr (error->message, ==, NEWER_MESSAGE);
  g_assert_null (loadwise_database_find_latest_backup (fixture->dir));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/store/newer/rollback-journal", StoreFixture, NULL,
              store_fixture_setup_empty, test_newer_rollback_journal, store_fixture_teardown);
  g_test_add ("/store/newer/wal", StoreFixture, NULL,
              store_fixture_setup_empty, test_newer_wal, store_fixture_teardown);
  g_test_add ("/store/newer/after-current", StoreFixture, NULL,
              store_fixture_setup_empty, test_newer_kept_by_existing_connection,
              store_fixture_teardown);

  return g_test_run ();
}
