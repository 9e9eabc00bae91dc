/* test-corruption-drill.c: a damaged database, four ways, through the CLI
 * and the app's open path
 *
 * Each case starts from a real data folder (a programme, half a year of
 * check-ins, the day's backup), damages loadwise.db, and checks that
 * nothing is lost: the CLI refuses with exit 1, leaves the file byte for
 * byte and names the newest backup; the app's open path
 * (loadwise_database_open_or_recover) moves the file aside with its -wal
 * and -shm under a dated name, deletes nothing and finds the backup, which
 * then restores. The app's dialog on top of that path is covered by
 * tests/ui/test-application.c.
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <fcntl.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "cli-test-util.h"
#include "loadwise-test-util.h"
#include "store-test-util.h"

#define N_CHECKINS 200

typedef enum {
  DAMAGE_RANDOM_BYTES,
  DAMAGE_ZEROED_PAGE,
  DAMAGE_TRUNCATED,
  DAMAGE_STRAY_WAL,
} Damage;

/* A data folder with real data, closed, and its newest backup. */
static char *
make_data (CliFixture *fixture)
{
  g_autoptr (LoadwiseDatabase) db = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *latest = NULL;
  GDate day = loadwise_test_date (2026, 5, 1);

  cli_start_default_programme (fixture);
  db = loadwise_database_open (fixture->db_path, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < N_CHECKINS; i++)
    {
      LoadwiseCheckin checkin = { .date = day, .morning_pain = i % 11,
                                  .side = i % 11 == 0 ? LOADWISE_SIDE_NONE : LOADWISE_SIDE_LEFT };

      g_assert_true (loadwise_database_save_checkin (db, &checkin, &error));
      g_assert_no_error (error);
      g_date_add_days (&day, 1);
    }
  /* Closing checkpoints the -wal: the main file holds everything. */
  g_clear_object (&db);

  /* The first write of the day left the day's copy. */
  latest = loadwise_database_find_latest_backup (fixture->data_dir);
  g_assert_nonnull (latest);
  g_assert_true (g_str_has_suffix (latest, "/backups/loadwise-daily-20261123.db"));
  return g_steal_pointer (&latest);
}

static void
zero_page (const char *path,
           gsize       page)
{
  guint8 zeros[4096] = { 0 };
  int fd = g_open (path, O_WRONLY, 0);

  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (pwrite (fd, zeros, sizeof zeros, (off_t) (page * sizeof zeros)), ==, sizeof zeros);
  g_close (fd, NULL);
}

static void
damage (CliFixture *fixture,
        Damage      how)
{
  g_autofree char *wal = g_strconcat (fixture->db_path, "-wal", NULL);
  GStatBuf st;

  g_assert_cmpint (g_stat (fixture->db_path, &st), ==, 0);
  /* Enough pages that the rows have pages of their own. */
  g_assert_cmpint (st.st_size, >=, 8 * 4096);

  switch (how)
    {
    case DAMAGE_RANDOM_BYTES:
      store_test_write_random_file (fixture->db_path, (gsize) st.st_size, 8);
      /* A -wal beside it, which may hold the last commits: it must travel
       * with the file, not be deleted. */
      store_test_write_random_file (wal, 4096 + 32, 9);
      break;
    case DAMAGE_ZEROED_PAGE:
      /* A page of check-in rows, wherever the schema's pages are (dbstat
       * counts pages from 1). */
      zero_page (fixture->db_path,
                 (gsize) store_test_file_query_int (fixture->db_path,
                                                    "SELECT min (pageno) - 1 FROM dbstat"
                                                    " WHERE name = 'checkin' AND pagetype = 'leaf'"));
      break;
    case DAMAGE_TRUNCATED:
      g_assert_cmpint (truncate (fixture->db_path, st.st_size / 2), ==, 0);
      break;
    case DAMAGE_STRAY_WAL:
      store_test_write_random_file (wal, 3 * 4096 + 32, 10);
      break;
    default:
      g_assert_not_reached ();
    }
}

/* Every file below @dir with its bytes: path -> GBytes. */
static void
collect_files (const char *dir,
               GHashTable *files)
{
  g_autoptr (GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        collect_files (path, files);
      else
        g_hash_table_insert (files, g_steal_pointer (&path), loadwise_test_read_file (path));
    }
}

static GHashTable *
snapshot_files (const char *dir)
{
  GHashTable *files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             (GDestroyNotify) g_bytes_unref);

  collect_files (dir, files);
  return files;
}

/* Nothing deleted: every file of @before is somewhere in @after with the
 * same bytes (moved aside files under their new names). */
static void
assert_nothing_lost (GHashTable *before,
                     GHashTable *after)
{
  GHashTableIter iter;
  gpointer path, bytes;

  g_hash_table_iter_init (&iter, before);
  while (g_hash_table_iter_next (&iter, &path, &bytes))
    {
      GHashTableIter search;
      gpointer other_path, other_bytes;
      gboolean found = FALSE;

      g_hash_table_iter_init (&search, after);
      while (!found && g_hash_table_iter_next (&search, &other_path, &other_bytes))
        found = g_bytes_equal (bytes, other_bytes);
      if (!found)
        g_error ("%s is gone", (const char *) path);
    }
}

/* SQLite may create an empty -wal and a -shm while it finds out that a
 * file whose header looks right is damaged; they hold nothing. Any other
 * new file is a change. */
static void
assert_only_empty_companions (GHashTable *before,
                              GHashTable *after)
{
  GHashTableIter iter;
  gpointer path, bytes;

  g_hash_table_iter_init (&iter, after);
  while (g_hash_table_iter_next (&iter, &path, &bytes))
    {
      if (g_hash_table_contains (before, path))
        continue;
      if (g_str_has_suffix (path, "loadwise.db-shm"))
        continue;
      if (g_str_has_suffix (path, "loadwise.db-wal") && g_bytes_get_size (bytes) == 0)
        continue;
      g_error ("%s appeared", (const char *) path);
    }
}

static char *
expected_cli_error (CliFixture *fixture,
                    const char *latest)
{
  return g_strdup_printf ("loadwise-cli: %s is damaged and cannot be read (not changed). "
                          "Open Loadwise to recover it, or run 'loadwise-cli restore BACKUP'; "
                          "the newest backup is %s\n", fixture->db_path, latest);
}

/* The CLI refuses every command, changes nothing, names the backup. */
static void
assert_cli_refuses (CliFixture *fixture,
                    const char *latest)
{
  static const char * const commands[][6] = {
    { "status", NULL },
    { "today", "--json", NULL },
    { "checkin", "--morning-pain", "2", NULL },
    { "log-session", "--completed", "100", "--pain", "2", NULL },
    { "check", NULL },
    { "backups", NULL },
  };
  g_autofree char *expected = expected_cli_error (fixture, latest);
  g_autoptr (GHashTable) before = snapshot_files (fixture->data_dir);

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto (CliResult) result = { 0 };
      g_autoptr (GHashTable) after = NULL;

      cli_runv (fixture, NULL, commands[i], &result);
      if (g_str_equal (commands[i][0], "backups"))
        {
          /* Listing reads only the folder: it works, and shows the way out. */
          g_assert_cmpint (result.status, ==, 0);
          g_assert_nonnull (strstr (result.out, latest));
        }
      else
        {
          g_assert_cmpstr (result.err, ==, expected);
          g_assert_cmpstr (result.out, ==, "");
          g_assert_cmpint (result.status, ==, 1);
        }

      after = snapshot_files (fixture->data_dir);
      assert_nothing_lost (before, after);
      assert_only_empty_companions (before, after);
    }
}

/* The app's way in: the file is moved aside, never deleted, and the
 * newest backup restores. */
static void
assert_app_recovers (CliFixture *fixture,
                     const char *latest)
{
  g_autofree char *wal = g_strconcat (fixture->db_path, "-wal", NULL);
  g_autoptr (GBytes) wal_bytes = loadwise_test_read_file (wal);
  g_autoptr (GHashTable) before = snapshot_files (fixture->data_dir);
  g_autoptr (GHashTable) after = NULL;
  g_autoptr (LoadwiseDatabase) db = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) damaged = loadwise_test_read_file (fixture->db_path);
  g_autoptr (GBytes) moved_bytes = NULL;
  g_autofree char *moved_to = NULL;
  g_autofree char *moved_wal = NULL;
  g_autofree char *prefix = g_strconcat (fixture->db_path, ".corrupt-", NULL);
  g_autofree char *found = NULL;
  LoadwiseProgramme programme;

  db = loadwise_database_open_or_recover (fixture->db_path, &moved_to, &error);
  g_assert_no_error (error);
  g_assert_nonnull (db);
  g_assert_nonnull (moved_to);
  g_assert_true (g_str_has_prefix (moved_to, prefix));
  moved_bytes = loadwise_test_read_file (moved_to);
  g_assert_true (g_bytes_equal (moved_bytes, damaged));
  moved_wal = g_strconcat (moved_to, "-wal", NULL);
  if (wal_bytes != NULL)
    {
      g_autoptr (GBytes) moved_wal_bytes = loadwise_test_read_file (moved_wal);

      g_assert_nonnull (moved_wal_bytes);
      g_assert_true (g_bytes_equal (moved_wal_bytes, wal_bytes));
    }

  after = snapshot_files (fixture->data_dir);
  assert_nothing_lost (before, after);

  /* A fresh, empty file in its place; the backup is what is offered. */
  g_assert_false (loadwise_database_get_programme (db, &programme, &error));
  g_assert_error (error, LOADWISE_DATABASE_ERROR, LOADWISE_DATABASE_ERROR_NO_PROGRAMME);
  g_clear_error (&error);
  found = loadwise_database_find_latest_backup (fixture->data_dir);
  g_assert_cmpstr (found, ==, latest);

  g_assert_true (loadwise_database_restore_from (db, found, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (loadwise_database_get_programme (db, &programme, &error));
  g_assert_no_error (error);
  {
    GDate start = loadwise_test_date (2026, 11, 23);

    g_assert_cmpint (g_date_compare (&programme.start, &start), ==, 0);
  }
}

static void
test_random_bytes (CliFixture    *fixture,
                   gconstpointer  data)
{
  g_autofree char *latest = make_data (fixture);

  damage (fixture, DAMAGE_RANDOM_BYTES);
  assert_cli_refuses (fixture, latest);
  assert_app_recovers (fixture, latest);
}

static void
test_truncated (CliFixture    *fixture,
                gconstpointer  data)
{
  g_autofree char *latest = make_data (fixture);

  damage (fixture, DAMAGE_TRUNCATED);
  assert_cli_refuses (fixture, latest);
  assert_app_recovers (fixture, latest);
}

/* A zeroed page among the rows: opening reads only the schema, so the
 * damage shows in `check` (and in queries that reach the page). */
static void
test_zeroed_page (CliFixture    *fixture,
                  gconstpointer  data)
{
  g_autofree char *latest = make_data (fixture);
  g_autoptr (GBytes) damaged = NULL;
  g_autoptr (GBytes) after = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *report = NULL;
  g_autofree char *hint = NULL;
  g_auto (CliResult) result = { 0 };

  damage (fixture, DAMAGE_ZEROED_PAGE);
  damaged = loadwise_test_read_file (fixture->db_path);

  cli_run (fixture, NULL, &result, "check", NULL);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_cmpstr (result.out, !=, "ok\n");
  hint = g_strdup_printf ("loadwise-cli: the database is damaged (not changed); "
                          "the newest backup is %s: restore it with 'loadwise-cli restore %s'\n",
                          latest, latest);
  /* Either the check lists the problems, or the damage stops it and its
   * error says so; the way out comes last either way. */
  if (result.out[0] != '\0')
    g_assert_cmpstr (result.err, ==, hint);
  else
    g_assert_true (g_str_has_prefix (result.err, "loadwise-cli: The database file is damaged or is not a database: ")
                   && g_str_has_suffix (result.err, hint));
  after = loadwise_test_read_file (fixture->db_path);
  g_assert_true (g_bytes_equal (after, damaged));

  /* The app's open path keeps the file where it is (the damage is not in
   * the schema), and the store's check reports it. */
  {
    g_autoptr (LoadwiseDatabase) db = NULL;
    g_autofree char *moved_to = NULL;

    db = loadwise_database_open_or_recover (fixture->db_path, &moved_to, &error);
    g_assert_no_error (error);
    g_assert_null (moved_to);
    if (loadwise_database_check (db, &report, &error))
      g_assert_cmpstr (report, !=, "ok");
    else
      g_assert_error (error, LOADWISE_DATABASE_ERROR, LOADWISE_DATABASE_ERROR_CORRUPT);
  }
  g_clear_pointer (&after, g_bytes_unref);
  after = loadwise_test_read_file (fixture->db_path);
  g_assert_true (g_bytes_equal (after, damaged));
}

/* A -wal that is not SQLite's (a stray file) is ignored: the database
 * reads whole, the check passes, the commands work. */
static void
test_stray_wal (CliFixture    *fixture,
                gconstpointer  data)
{
  g_autofree char *latest = make_data (fixture);
  g_autofree char *out = NULL;
  g_autofree char *status = NULL;
  g_autoptr (LoadwiseDatabase) db = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) checkins = NULL;
  g_autofree char *moved_to = NULL;
  GDate from = loadwise_test_date (2026, 1, 1);
  GDate to = loadwise_test_date (2027, 1, 1);

  damage (fixture, DAMAGE_STRAY_WAL);

  out = cli_run_ok (fixture, NULL, "check", NULL);
  g_assert_cmpstr (out, ==, "ok\n");
  status = cli_run_ok (fixture, NULL, "status", "--json", NULL);
  g_assert_true (g_str_has_prefix (status, "{"));

  db = loadwise_database_open_or_recover (fixture->db_path, &moved_to, &error);
  g_assert_no_error (error);
  g_assert_null (moved_to);
  checkins = loadwise_database_list_checkins (db, &from, &to, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (checkins->len, ==, N_CHECKINS);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, CliFixture, NULL, cli_fixture_setup, func, cli_fixture_teardown)

  ADD ("/integration/corruption/random-bytes", test_random_bytes);
  ADD ("/integration/corruption/zeroed-page", test_zeroed_page);
  ADD ("/integration/corruption/truncated", test_truncated);
  ADD ("/integration/corruption/stray-wal", test_stray_wal);

  return g_test_run ();
}
