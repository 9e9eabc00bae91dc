/* test-store-corrupt.c: damaged files are reported, moved aside, never lost
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "loadwise-test-util.h"
#include "store-test-util.h"

static void
test_random_bytes (StoreFixture  *fixture,
                   gconstpointer  data)
{
  g_autoptr (LoadwiseDatabase) db = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) before = NULL;
  g_autoptr (GBytes) after = NULL;
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);

  store_test_write_random_file (fixture->path, 16384, 1);
  before = loadwise_test_read_file (fixture->path);

  db = loadwise_database_open (fixture->path, &error);
  g_assert_null (db);
  g_assert_error (error, LOADWISE_DATABASE_ERROR, LOADWISE_DATABASE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, fixture->path));

  after = loadwise_test_read_file (fixture->path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
test_recover_moves_aside (StoreFixture  *fixture,
                          gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *moved_to = NULL;
  g_autofree char *expected_prefix = g_strconcat (fixture->path, ".corrupt-", NULL);
  g_autoptr (GRegex) pattern = g_regex_new ("\\.corrupt-[0-9]{8}-[0-9]{6}$", 0, 0, NULL);
  const char *const suffixes[] = { "", "-wal", "-shm" };
  GBytes *before[3];
  LoadwiseCheckin checkin = { .date = loadwise_test_date (2026, 5, 1), .morning_pain = 1 };

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *name = g_strconcat (fixture->path, suffixes[i], NULL);

      store_test_write_random_file (name, 8192 + i, 10 + i);
      before[i] = loadwise_test_read_file (name);
    }

  fixture->db = loadwise_database_open_or_recover (fixture->path, &moved_to, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->db);
  g_assert_nonnull (moved_to);
  g_assert_true (g_str_has_prefix (moved_to, expected_prefix));
  g_assert_true (g_regex_match (pattern, moved_to, 0, NULL));

  /* Renamed, not copied: the same bytes under the new names. */
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *name = g_strconcat (moved_to, suffixes[i], NULL);
      g_autoptr (GBytes) after = loadwise_test_read_file (name);

      g_assert_nonnull (after);
      g_assert_true (g_bytes_equal (before[i], after));
      g_bytes_unref (before[i]);
    }

  /* A fresh, usable database took the old name. */
  g_assert_cmpint (loadwise_database_get_schema_version (fixture->db), ==,
                   LOADWISE_DATABASE_SCHEMA_VERSION);
  loadwise_database_save_checkin (fixture->db, &checkin, &error);
  g_assert_no_error (error);
  g_assert_cmpint (store_test_file_query_int (fixture->path, "SELECT count(*) FROM checkin"), ==, 1);
}

static void
test_recover_healthy_moves_nothing (StoreFixture  *fixture,
                                    gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  /* Not allocated: the call must overwrite it with NULL. */
  char *moved_to = (char *) "unset";

  g_clear_object (&fixture->db);
  fixture->db = loadwise_database_open_or_recover (fixture->path, &moved_to, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->db);
  g_assert_null (moved_to);
}

static void
test_move_aside_twice (StoreFixture  *fixture,
                       gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.db", NULL);

  g_file_set_contents (fixture->path, "one", -1, NULL);
  loadwise_database_move_aside (fixture->path, &first, &error);
  g_assert_no_error (error);
  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));

  g_file_set_contents (fixture->path, "two", -1, NULL);
  loadwise_database_move_aside (fixture->path, &second, &error);
  g_assert_no_error (error);

  /* Within the same second the second copy gets "-2"; it never replaces
   * the first. */
  g_assert_cmpstr (first, !=, second);
  if (strlen (second) > strlen (first))
    {
      g_autofree char *expected = g_strconcat (first, "-2", NULL);
      g_assert_cmpstr (second, ==, expected);
    }
  {
    g_autofree char *one = NULL;
    g_autofree char *two = NULL;

    g_assert_true (g_file_get_contents (first, &one, NULL, NULL));
    g_assert_true (g_file_get_contents (second, &two, NULL, NULL));
    g_assert_cmpstr (one, ==, "one");
    g_assert_cmpstr (two, ==, "two");
  }

  g_assert_false (loadwise_database_move_aside (missing, NULL, &error));
  g_assert_error (error, LOADWISE_DATABASE_ERROR, LOADWISE_DATABASE_ERROR_IO);
}

/* A database whose latest commits are still in its -wal, with a damaged
 * first page: the -wal must survive the failed open and travel with the
 * main file, not be checkpointed into the damage or deleted. */
static void
test_damaged_with_wal (StoreFixture  *fixture,
                       gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LoadwiseDatabase) db = NULL;
  g_autoptr (GBytes) main_before = NULL;
  g_autoptr (GBytes) wal_before = NULL;
  g_autofree char *copy_dir = g_build_filename (fixture->dir, "copy", NULL);
  g_autofree char *copy = loadwise_database_build_path (copy_dir);
  g_autofree char *copy_wal = g_strconcat (copy, "-wal", NULL);
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  g_autofree char *moved_to = NULL;
  g_autofree char *moved_wal = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  /* The schema checkpointed into the main file (the last connection to
   * close does that), then a few rows that change the check-in pages only,
   * in the -wal. */
  g_clear_object (&fixture->db);
  fixture->db = loadwise_database_open (fixture->path, &error);
  g_assert_no_error (error);
  for (guint i = 1; i <= 5; i++)
    {
      LoadwiseCheckin checkin = { .date = loadwise_test_date (2026, 4, (int) i), .morning_pain = i };

      g_assert_true (loadwise_database_save_checkin (fixture->db, &checkin, &error));
      g_assert_no_error (error);
    }

  /* A copy taken while the connection is open, as a crash leaves it. */
  g_assert_cmpint (g_mkdir (copy_dir, 0700), ==, 0);
  g_assert_true (g_file_get_contents (fixture->path, &contents, &length, NULL));
  g_assert_cmpuint (length, >=, 4096);
  /* Keep the header, zero the rest of page 1 (the schema's b-tree). */
  memset (contents + 100, 0, 4096 - 100);
  g_assert_true (g_file_set_contents (copy, contents, (gssize) length, NULL));
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (wal, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 0);
  g_assert_true (g_file_set_contents (copy_wal, contents, (gssize) length, NULL));

  main_before = loadwise_test_read_file (copy);
  wal_before = loadwise_test_read_file (copy_wal);

  db = loadwise_database_open (copy, &error);
  g_assert_null (db);
  g_assert_error (error, LOADWISE_DATABASE_ERROR, LOADWISE_DATABASE_ERROR_CORRUPT);
  g_clear_error (&error);
  {
    g_autoptr (GBytes) main_after = loadwise_test_read_file (copy);
    g_autoptr (GBytes) wal_after = loadwise_test_read_file (copy_wal);

    g_assert_nonnull (wal_after);
    g_assert_true (g_bytes_equal (main_before, main_after));
    g_assert_true (g_bytes_equal (wal_before, wal_after));
  }

  db = loadwise_database_open_or_recover (copy, &moved_to, &error);
  g_assert_no_error (error);
  g_assert_nonnull (moved_to);
  moved_wal = g_strconcat (moved_to, "-wal", NULL);
  {
    g_autoptr (GBytes) main_after = loadwise_test_read_file (moved_to);
    g_autoptr (GBytes) wal_after = loadwise_test_read_file (moved_wal);

    g_assert_nonnull (wal_after);
    g_assert_true (g_bytes_equal (main_before, main_after));
    g_assert_true (g_bytes_equal (wal_before, wal_after));
  }
}

static void
zero_page (const char *path,
           gint64      page,
           gint64      page_size)
{
  g_autofree char *zeros = g_malloc0 ((gsize) page_size);
  int fd = open (path, O_WRONLY);

  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (pwrite (fd, zeros, (size_t) page_size, (off_t) ((page - 1) * page_size)), ==,
                   page_size);
  g_assert_cmpint (close (fd), ==, 0);
}

static void
test_zeroed_page (StoreFixture  *fixture,
                  gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LoadwiseDatabase) db = NULL;
  g_autofree char *report = NULL;
  GDate day = loadwise_test_date (2020, 1, 1);
  gint64 root, page_size;

  /* Enough check-ins for the table to span pages under its root. */
  for (guint i = 0; i < 1500; i++)
    {
      LoadwiseCheckin checkin = { .date = day, .morning_pain = i % 11 };

      loadwise_database_save_checkin (fixture->db, &checkin, &error);
      g_assert_no_error (error);
      g_date_add_days (&day, 1);
    }
  g_clear_object (&fixture->db);

  root = store_test_file_query_int (fixture->path,
                                    "SELECT rootpage FROM sqlite_master WHERE name = 'checkin'");
  page_size = store_test_file_query_int (fixture->path, "PRAGMA page_size");
  g_assert_cmpint (store_test_file_query_int (fixture->path, "PRAGMA page_count"), >, root);
  /* The table's root page, or the last page of the file (a leaf). */
  if (GPOINTER_TO_INT (data) == 0)
    zero_page (fixture->path, root, page_size);
  else
    zero_page (fixture->path, store_test_file_query_int (fixture->path, "PRAGMA page_count"),
               page_size);

  db = loadwise_database_open (fixture->path, &error);
  if (db == NULL)
    {
      g_assert_error (error, LOADWISE_DATABASE_ERROR, LOADWISE_DATABASE_ERROR_CORRUPT);
      return;
    }
  g_assert_no_error (error);

  /* Either the check lists the problems, or they stop it. */
  if (loadwise_database_check (db, &report, &error))
    g_assert_no_error (error);
  else
    g_assert_error (error, LOADWISE_DATABASE_ERROR, LOADWISE_DATABASE_ERROR_CORRUPT);
  g_assert_nonnull (report);
  g_assert_cmpstr (report, !=, "ok");
  g_test_message ("report: %s", report);
}

static void
test_check_ok (StoreFixture  *fixture,
               gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *report = NULL;

  g_assert_true (loadwise_database_check (fixture->db, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (report, ==, "ok");
}

static void
touch (const char *dir,
       const char *name,
       time_t      mtime)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  struct timespec times[2] = { { mtime, 0 }, { mtime, 0 } };

  /* Only a whole database counts as a backup. */
  if (g_str_has_suffix (name, ".db"))
    store_test_file_exec (path, "CREATE TABLE t (x TEXT); INSERT INTO t VALUES ('x');");
  else
    g_assert_true (g_file_set_contents (path, name, -1, NULL));
  g_assert_cmpint (utimensat (AT_FDCWD, path, times, 0), ==, 0);
}

/* A copy cut short at @size bytes, or empty, under a final name. */
static void
touch_broken (const char *dir,
              const char *name,
              const char *whole,
              gsize       size,
              time_t      mtime)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *contents = NULL;
  struct timespec times[2] = { { mtime, 0 }, { mtime, 0 } };
  gsize length = 0;

  g_assert_true (g_file_get_contents (whole, &contents, &length, NULL));
  g_assert_cmpuint (size, <, length);
  g_assert_true (g_file_set_contents (path, contents, (gssize) size, NULL));
  g_assert_cmpint (utimensat (AT_FDCWD, path, times, 0), ==, 0);
}

static void
test_find_latest_backup (StoreFixture  *fixture,
                         gconstpointer  data)
{
  g_autofree char *backups = g_build_filename (fixture->dir, "backups", NULL);
  g_autofree char *latest = NULL;
  g_autofree char *expected = NULL;
  time_t now = time (NULL);

  g_assert_null (loadwise_database_find_latest_backup (fixture->dir));
  g_assert_cmpint (g_mkdir (backups, 0700), ==, 0);
  g_assert_null (loadwise_database_find_latest_backup (fixture->dir));

  /* The newest by time wins, whatever the name says; a tie goes to the
   * later name; other files do not count. */
  touch (backups, "loadwise-v2-20991231-000000.db", now - 100);
  touch (backups, "b.db", now - 10);
  touch (backups, "a.db", now - 10);
  touch (backups, "notes.txt", now);
  latest = loadwise_database_find_latest_backup (fixture->dir);
  expected = g_build_filename (backups, "b.db", NULL);
  g_assert_cmpstr (latest, ==, expected);

  /* Newer copies that look real but are not are never offered: an empty
   * one, one cut short (a program killed while writing it), and one whose
   * pages are missing; nor a copy still being written. */
  {
    g_autofree char *whole = g_build_filename (backups, "b.db", NULL);
    g_autofree char *big = g_build_filename (backups, "big.db", NULL);
    g_autofree char *again = NULL;
    struct timespec times[2] = { { now - 20, 0 }, { now - 20, 0 } };

    store_test_file_exec (big, "CREATE TABLE t (x TEXT);"
                               "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n"
                               " WHERE i < 200) INSERT INTO t SELECT hex (randomblob (100)) FROM n;");
    g_assert_cmpint (utimensat (AT_FDCWD, big, times, 0), ==, 0);
    touch_broken (backups, "zero.db", whole, 0, now);
    touch_broken (backups, "header-only.db", whole, 50, now);
    touch_broken (backups, "cut.db", big, 2 * 4096, now);
    touch (backups, ".loadwise-daily-20991231.db.a1b2c3.partial", now);
    again = loadwise_database_find_latest_backup (fixture->dir);
    g_assert_cmpstr (again, ==, expected);
  }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/store/corrupt/random-bytes", StoreFixture, NULL,
              store_fixture_setup_empty, test_random_bytes, store_fixture_teardown);
  g_test_add ("/store/corrupt/recover-moves-aside", StoreFixture, NULL,
              store_fixture_setup_empty, test_recover_moves_aside, store_fixture_teardown);
  g_test_add ("/store/corrupt/recover-healthy", StoreFixture, NULL,
              store_fixture_setup, test_recover_healthy_moves_nothing, store_fixture_teardown);
  g_test_add ("/store/corrupt/damaged-with-wal", StoreFixture, NULL,
              store_fixture_setup, test_damaged_with_wal, store_fixture_teardown);
  g_test_add ("/store/corrupt/move-aside-twice", StoreFixture, NULL,
              store_fixture_setup_empty, test_move_aside_twice, store_fixture_teardown);
  g_test_add ("/store/corrupt/zeroed-root-page", StoreFixture, GINT_TO_POINTER (0),
              store_fixture_setup, test_zeroed_page, store_fixture_teardown);
  g_test_add ("/store/corrupt/zeroed-leaf-page", StoreFixture, GINT_TO_POINTER (1),
              store_fixture_setup, test_zeroed_page, store_fixture_teardown);
  g_test_add ("/store/corrupt/check-ok", StoreFixture, NULL,
              store_fixture_setup, test_check_ok, store_fixture_teardown);
  g_test_add ("/store/corrupt/find-latest-backup", StoreFixture, NULL,
              store_fixture_setup_empty, test_find_latest_backup, store_fixture_teardown);

  return g_test_run ();
}
