/* test-cli-backup.c: `backup`, `restore` and `check`, and a damaged
 * database that the CLI reports and leaves alone
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <unistd.h>

#include <glib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "cli-test-util.h"
#include "loadwise-test-util.h"
#include "store/loadwise-database.h"

static char *
sets_done_on (CliFixture *fixture,
              const char *date)
{
  g_autoptr (JsonNode) node = cli_run_json (fixture, NULL, "today", "--date", date, "--json", NULL);
  JsonObject *today = cli_json_object (node);
  JsonArray *exercises = cli_json_get_array (today, "exercises");
  GString *text = g_string_new (cli_json_get_string (today, "status"));

  for (guint i = 0; i < json_array_get_length (exercises); i++)
    g_string_append_printf (text, " %" G_GINT64_FORMAT,
                            cli_json_get_int (json_array_get_object_element (exercises, i), "sets_done"));
  return g_string_free (text, FALSE);
}

static char *
write_garbage (const char *path)
{
  g_autoptr (GString) garbage = g_string_new (NULL);
  g_autoptr (GError) error = NULL;

  /* Random-looking bytes are not a database: SQLITE_NOTADB. */
  for (guint i = 0; i < 8192; i++)
    g_string_append_c (garbage, (char) ((i * 7919u + 13u) % 251u));
  g_file_set_contents (path, garbage->str, (gssize) garbage->len, &error);
  g_assert_no_error (error);
  return g_strdup (path);
}

static gboolean
has_moved_aside_file (const char *dir)
{
  g_autoptr (GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    if (strstr (name, ".corrupt-") != NULL)
      return TRUE;
  return FALSE;
}

static void
test_check_ok (CliFixture    *fixture,
               gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_auto (CliResult) missing = { 0 };

  cli_run (fixture, NULL, &missing, "check", NULL);
  g_assert_cmpint (missing.status, ==, 1);
  g_assert_cmpstr (missing.out, ==, "");
  g_assert_true (g_str_has_prefix (missing.err, "loadwise-cli: there is no database at "));
  g_assert_false (g_file_test (fixture->db_path, G_FILE_TEST_EXISTS));

  cli_start_default_programme (fixture);
  out = cli_run_ok (fixture, NULL, "check", NULL);
  g_assert_cmpstr (out, ==, "ok\n");
}

static void
test_backup_and_restore (CliFixture    *fixture,
                         gconstpointer  data)
{
  g_autofree char *backup = g_build_filename (fixture->tmpdir, "saved.db", NULL);
  g_autofree char *logged = NULL;
  g_autofree char *later = NULL;
  g_autofree char *out = NULL;
  g_autofree char *restored = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *restored_line = g_strdup_printf ("Restored from %s", backup);
  g_autofree char *monday = NULL;
  g_autofree char *wednesday = NULL;
  g_autoptr (GBytes) backup_bytes = NULL;
  g_autoptr (GBytes) backup_after = NULL;
  g_autoptr (LoadwiseDatabase) check = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) lines = NULL;

  cli_start_default_programme (fixture);
  logged = cli_run_ok (fixture, NULL, "log-session", "--completed", "100", "--pain", "2", NULL);

  out = cli_run_ok (fixture, NULL, "backup", "--output", backup, NULL);
  expected = g_strdup_printf ("Backup written to %s\n", backup);
  g_assert_cmpstr (out, ==, expected);
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));

  /* The backup is a database of its own that the store can read. */
  check = loadwise_database_open (backup, &error);
  g_assert_no_error (error);
  g_clear_object (&check);
  backup_bytes = loadwise_test_read_file (backup);

  /* Something logged after the backup, then the backup restored. */
  later = cli_run_ok (fixture, "2026-11-30T08:00:00", "log-session", "--date", "2026-11-25", "--completed", "50",
                      "--pain", "4", NULL);
  wednesday = sets_done_on (fixture, "2026-11-25");
  g_assert_cmpstr (wednesday, ==, "done 1 1 1");
  g_clear_pointer (&wednesday, g_free);

  restored = cli_run_ok (fixture, NULL, "restore", backup, NULL);
  lines = g_strsplit (restored, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_cmpstr (lines[0], ==, restored_line);
  g_assert_true (g_str_has_prefix (lines[1], "The previous data was backed up to "));
  /* The previous data is kept where it says. */
  g_assert_true (g_file_test (lines[1] + strlen ("The previous data was backed up to "), G_FILE_TEST_IS_REGULAR));
  g_assert_cmpstr (lines[2], ==, "");

  monday = sets_done_on (fixture, "2026-11-23");
  wednesday = sets_done_on (fixture, "2026-11-25");
  g_assert_cmpstr (monday, ==, "done 2 2 2");
  g_assert_cmpstr (wednesday, ==, "none 0 0 0");

  g_clear_pointer (&out, g_free);
  out = cli_run_ok (fixture, NULL, "check", NULL);
  g_assert_cmpstr (out, ==, "ok\n");

  /* Restoring reads the backup and leaves it as it was. */
  backup_after = loadwise_test_read_file (backup);
  g_assert_true (g_bytes_equal (backup_bytes, backup_after));
}

static void
test_restore_corrupt_file_refused (CliFixture    *fixture,
                                   gconstpointer  data)
{
  g_autofree char *bad = g_build_filename (fixture->tmpdir, "bad.db", NULL);
  g_autofree char *logged = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr (GBytes) db_before = NULL;
  g_autoptr (GBytes) db_after = NULL;
  g_autofree char *written = NULL;
  g_auto (CliResult) result = { 0 };

  cli_start_default_programme (fixture);
  logged = cli_run_ok (fixture, NULL, "log-session", "--completed", "100", "--pain", "2", NULL);
  written = write_garbage (bad);
  before = cli_run_ok (fixture, NULL, "today", "--json", NULL);
  db_before = loadwise_test_read_file (fixture->db_path);

  cli_run (fixture, NULL, &result, "restore", bad, NULL);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_cmpstr (result.out, ==, "");
  /* The store's own words; the CLI adds its prefix and names nothing else. */
  g_assert_true (g_str_has_prefix (result.err, "loadwise-cli: "));
  g_assert_nonnull (strstr (result.err, bad));
  g_assert_true (g_str_has_suffix (result.err, "\n"));

  db_after = loadwise_test_read_file (fixture->db_path);
  g_assert_true (g_bytes_equal (db_before, db_after));
  after = cli_run_ok (fixture, NULL, "today", "--json", NULL);
  g_assert_cmpstr (after, ==, before);
  g_assert_false (has_moved_aside_file (fixture->data_dir));
}

static void
test_corrupt_database_reported (CliFixture    *fixture,
                                gconstpointer  data)
{
  static const char * const commands[][8] = {
    { "status", NULL },
    { "status", "--json", NULL },
    { "today", "--json", NULL },
    { "log-session", "--completed", "100", "--pain", "2", NULL },
    { "checkin", "--morning-pain", "2", NULL },
    { "programme", "start", NULL },
    { "redflags", NULL },
    { "check", NULL },
    { "backup", "--output", "copy.db", NULL },
  };
  g_autofree char *backup_dir = g_build_filename (fixture->data_dir, "backups", NULL);
  g_autofree char *written = NULL;
  g_autofree char *latest = NULL;
  g_autofree char *expected = NULL;
  g_autoptr (GBytes) damaged = NULL;

  cli_start_default_programme (fixture);
  written = write_garbage (fixture->db_path);
  damaged = loadwise_test_read_file (fixture->db_path);

  latest = loadwise_database_find_latest_backup (fixture->data_dir);
  if (latest != NULL)
    expected = g_strdup_printf ("loadwise-cli: %s is damaged and cannot be read (not changed). "
                                "Open Loadwise to recover it, or run 'loadwise-cli restore BACKUP'; "
                                "the newest backup is %s\n", fixture->db_path, latest);
  else
    expected = g_strdup_printf ("loadwise-cli: %s is damaged and cannot be read (not changed). "
                                "Open Loadwise to recover it, or run 'loadwise-cli restore BACKUP'; "
                                "there is no backup in %s\n", fixture->db_path, fixture->data_dir);

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto (CliResult) result = { 0 };
      g_autoptr (GBytes) now = NULL;

      cli_runv (fixture, NULL, commands[i], &result);
      g_assert_cmpstr (result.err, ==, expected);
      g_assert_cmpstr (result.out, ==, "");
      g_assert_cmpint (result.status, ==, 1);

      /* Byte for byte the same, still in its place, nothing moved aside. */
      now = loadwise_test_read_file (fixture->db_path);
      g_assert_nonnull (now);
      g_assert_true (g_bytes_equal (now, damaged));
      g_assert_false (has_moved_aside_file (fixture->data_dir));
    }
}

static void
test_restore_over_corrupt_database (CliFixture    *fixture,
                                    gconstpointer  data)
{
  g_autofree char *backup = g_build_filename (fixture->tmpdir, "saved.db", NULL);
  g_autofree char *bad = g_build_filename (fixture->tmpdir, "bad.db", NULL);
  g_autofree char *logged = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *written = NULL;
  g_autofree char *written_bad = NULL;
  g_autofree char *restored = NULL;
  g_autofree char *monday = NULL;
  g_autoptr (GBytes) damaged = NULL;
  g_autoptr (GBytes) still_damaged = NULL;
  g_auto (CliResult) refused = { 0 };
  g_auto (GStrv) lines = NULL;
  const char *moved_prefix = "The damaged database was moved to ";
  g_autoptr (GBytes) moved = NULL;

  cli_start_default_programme (fixture);
  logged = cli_run_ok (fixture, NULL, "log-session", "--completed", "100", "--pain", "2", NULL);
  saved = cli_run_ok (fixture, NULL, "backup", "--output", backup, NULL);
  written = write_garbage (fixture->db_path);
  damaged = loadwise_test_read_file (fixture->db_path);

  /* A bad backup does not get to move the damaged file. */
  written_bad = write_garbage (bad);
  cli_run (fixture, NULL, &refused, "restore", bad, NULL);
  g_assert_cmpint (refused.status, ==, 1);
  g_assert_cmpstr (refused.out, ==, "");
  g_assert_true (g_str_has_prefix (refused.err, "loadwise-cli: "));
  still_damaged = loadwise_test_read_file (fixture->db_path);
  g_assert_true (g_bytes_equal (still_damaged, damaged));
  g_assert_false (has_moved_aside_file (fixture->data_dir));

  /* A good one does: the damaged file is kept under a new name. */
  restored = cli_run_ok (fixture, NULL, "restore", backup, NULL);
  lines = g_strsplit (restored, "\n", -1);
  g_assert_true (g_str_has_prefix (lines[0], moved_prefix));
  moved = loadwise_test_read_file (lines[0] + strlen (moved_prefix));
  g_assert_nonnull (moved);
  g_assert_true (g_bytes_equal (moved, damaged));
  g_assert_true (has_moved_aside_file (fixture->data_dir));

  monday = sets_done_on (fixture, "2026-11-23");
  g_assert_cmpstr (monday, ==, "done 2 2 2");
}

static void
set_user_version (const char *path,
                  int         version)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d", version);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static void
test_newer_version (CliFixture    *fixture,
                    gconstpointer  data)
{
  static const char * const commands[][8] = {
    { "status", NULL },
    { "today", "--json", NULL },
    { "log-session", "--completed", "100", "--pain", "2", NULL },
    { "checkin", "--morning-pain", "2", NULL },
    { "programme", "start", NULL },
    { "check", NULL },
  };
  g_autofree char *newer = g_build_filename (fixture->tmpdir, "newer.db", NULL);
  g_autofree char *saved = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr (GBytes) db_before = NULL;
  g_autoptr (GBytes) db_after = NULL;
  g_auto (CliResult) refused = { 0 };

  cli_start_default_programme (fixture);

  /* A backup from a newer Loadwise is refused before anything changes. */
  saved = cli_run_ok (fixture, NULL, "backup", "--output", newer, NULL);
  set_user_version (newer, LOADWISE_DATABASE_SCHEMA_VERSION + 1);
  before = cli_run_ok (fixture, NULL, "today", "--json", NULL);
  db_before = loadwise_test_read_file (fixture->db_path);
  cli_run (fixture, NULL, &refused, "restore", newer, NULL);
  g_assert_cmpint (refused.status, ==, 1);
  g_assert_cmpstr (refused.out, ==, "");
  g_assert_true (g_str_has_prefix (refused.err, "loadwise-cli: "));
  g_assert_nonnull (strstr (refused.err, "newer version"));
  db_after = loadwise_test_read_file (fixture->db_path);
  g_assert_true (g_bytes_equal (db_before, db_after));
  after = cli_run_ok (fixture, NULL, "today", "--json", NULL);
  g_assert_cmpstr (after, ==, before);

  /* The database itself from a newer Loadwise: every command stops with 1. */
  set_user_version (fixture->db_path, LOADWISE_DATABASE_SCHEMA_VERSION + 1);
  g_clear_pointer (&db_before, g_bytes_unref);
  db_before = loadwise_test_read_file (fixture->db_path);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto (CliResult) result = { 0 };

      g_clear_pointer (&db_after, g_bytes_unref);
      cli_runv (fixture, NULL, commands[i], &result);
      g_assert_cmpint (result.status, ==, 1);
      g_assert_cmpstr (result.out, ==, "");
      g_assert_true (g_str_has_prefix (result.err, "loadwise-cli: "));
      g_assert_nonnull (strstr (result.err, "newer version"));
      db_after = loadwise_test_read_file (fixture->db_path);
      g_assert_true (g_bytes_equal (db_before, db_after));
    }
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

/* The names in the data folder's backups, sorted, space-separated. */
static char *
backup_names (CliFixture *fixture)
{
  g_autofree char *dir_path = g_build_filename (fixture->data_dir, "backups", NULL);
  g_autoptr (GDir) dir = g_dir_open (dir_path, 0, NULL);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

/* The tester's file: a current database whose user_version says 1. Its
 * restore used to overwrite the live file and then fail to migrate it,
 * leaving every command broken and a new backup after each try. */
static void
test_failed_restore_leaves_database_working (CliFixture    *fixture,
                                             gconstpointer  data)
{
  g_autofree char *good = g_build_filename (fixture->tmpdir, "good.db", NULL);
  g_autofree char *bad = g_build_filename (fixture->tmpdir, "version-1.db", NULL);
  g_autofree char *names_before = NULL;
  g_autofree char *today_before = NULL;
  g_autofree char *out = NULL;

  cli_start_default_programme (fixture);
  g_free (cli_run_ok (fixture, NULL, "backup", "-o", good, NULL));
  g_free (cli_run_ok (fixture, NULL, "backup", "-o", bad, NULL));
  {
    sqlite3 *db = NULL;

    g_assert_cmpint (sqlite3_open (bad, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 1", NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (db);
  }
  g_free (cli_run_ok (fixture, NULL, "log-session", "--completed", "100", "--pain", "2", NULL));
  today_before = cli_run_ok (fixture, NULL, "today", "--json", NULL);
  names_before = backup_names (fixture);

  /* Refused, twice over, and nothing changes: no copy, the same data. */
  for (guint attempt = 0; attempt < 2; attempt++)
    {
      g_auto (CliResult) refused = { 0 };
      g_autofree char *names_after = NULL;
      g_autofree char *today_after = NULL;

      cli_run (fixture, NULL, &refused, "restore", bad, NULL);
      g_assert_cmpint (refused.status, ==, 1);
      g_assert_cmpstr (refused.out, ==, "");
      g_assert_nonnull (strstr (refused.err, bad));
      g_assert_nonnull (strstr (refused.err, "does not match Loadwise's schema 1"));
      g_assert_true (g_str_has_suffix (refused.err, "Nothing was changed.\n"));

      out = cli_run_ok (fixture, NULL, "check", NULL);
      g_assert_cmpstr (out, ==, "ok\n");
      g_clear_pointer (&out, g_free);
      today_after = cli_run_ok (fixture, NULL, "today", "--json", NULL);
      g_assert_cmpstr (today_after, ==, today_before);
      names_after = backup_names (fixture);
      g_assert_cmpstr (names_after, ==, names_before);
    }

  /* And a good file restores after it. */
  out = cli_run_ok (fixture, NULL, "restore", good, NULL);
  g_assert_true (g_str_has_prefix (out, "Restored from "));
  g_assert_nonnull (strstr (out, "loadwise-before-restore-"));
  g_clear_pointer (&out, g_free);
  out = cli_run_ok (fixture, NULL, "check", NULL);
  g_assert_cmpstr (out, ==, "ok\n");
}

/* Makes @path read-only for everyone: chmod, or chattr for root, whom
 * permissions do not stop (ext4 and the like). FALSE when it cannot. */
static gboolean
make_read_only (const char *path,
                gboolean    read_only,
                guint       mode)
{
  const char *argv[] = { "chattr", read_only ? "+i" : "-i", path, NULL };
  int status = -1;

  /* An immutable file takes no chmod: the mode is set while it can be. */
  if (read_only && g_chmod (path, mode) != 0)
    return FALSE;
  if (geteuid () == 0
      && (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                         NULL, NULL, NULL, NULL, &status, NULL)
          || !g_spawn_check_wait_status (status, NULL)))
    return FALSE;
  return read_only || g_chmod (path, 0700) == 0;
}

/* In a read-only data folder the commands that read still work; a write
 * says which folder is read-only, and changes nothing. */
static void
test_read_only_folder (CliFixture    *fixture,
                       gconstpointer  data)
{
  g_autofree char *status_before = NULL;
  g_autofree char *today_before = NULL;
  g_auto (CliResult) status_after = { 0 };
  g_auto (CliResult) today_after = { 0 };
  g_auto (CliResult) checked = { 0 };
  g_autofree char *expected = NULL;
  g_autoptr (GBytes) db_before = NULL;
  g_autoptr (GBytes) db_after = NULL;
  g_auto (CliResult) refused = { 0 };

  cli_start_default_programme (fixture);
  g_free (cli_run_ok (fixture, NULL, "checkin", "--morning-pain", "2", NULL));
  status_before = cli_run_ok (fixture, NULL, "status", NULL);
  today_before = cli_run_ok (fixture, NULL, "today", "--json", NULL);
  db_before = loadwise_test_read_file (fixture->db_path);

  if (!make_read_only (fixture->db_path, TRUE, 0444)
      || !make_read_only (fixture->data_dir, TRUE, 0555))
    {
      make_read_only (fixture->db_path, FALSE, 0);
      g_test_skip ("cannot make the data folder read-only here (chattr +i needs ext4 and root)");
      return;
    }

  cli_run (fixture, NULL, &status_after, "status", NULL);
  cli_run (fixture, NULL, &today_after, "today", "--json", NULL);
  cli_run (fixture, NULL, &checked, "check", NULL);
  cli_run (fixture, NULL, &refused, "checkin", "--morning-pain", "3", "--date", "2026-11-22", NULL);

  /* Undone before anything can fail, so that the folder can be removed. */
  g_assert_true (make_read_only (fixture->data_dir, FALSE, 0));
  g_assert_true (make_read_only (fixture->db_path, FALSE, 0));

  g_assert_cmpstr (status_after.err, ==, "");
  g_assert_cmpint (status_after.status, ==, 0);
  g_assert_cmpstr (status_after.out, ==, status_before);
  g_assert_cmpint (today_after.status, ==, 0);
  g_assert_cmpstr (today_after.out, ==, today_before);
  g_assert_cmpint (checked.status, ==, 0);
  g_assert_cmpstr (checked.out, ==, "ok\n");
  g_assert_cmpint (refused.status, ==, 1);
  g_assert_cmpstr (refused.out, ==, "");
  expected = g_strdup_printf ("loadwise-cli: The data folder “%s” is read-only: Loadwise can show the "
                              "data but not change it", fixture->data_dir);
  g_assert_true (g_str_has_prefix (refused.err, expected));
  db_after = loadwise_test_read_file (fixture->db_path);
  g_assert_true (g_bytes_equal (db_before, db_after));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, CliFixture, NULL, cli_fixture_setup, func, cli_fixture_teardown)

  ADD ("/cli/backup/check-ok", test_check_ok);
  ADD ("/cli/backup/backup-and-restore", test_backup_and_restore);
  ADD ("/cli/backup/restore-corrupt-file-refused", test_restore_corrupt_file_refused);
  ADD ("/cli/backup/corrupt-database-reported", test_corrupt_database_reported);
  ADD ("/cli/backup/restore-over-corrupt-database", test_restore_over_corrupt_database);
  ADD ("/cli/backup/newer-version", test_newer_version);
  ADD ("/cli/backup/failed-restore-leaves-database-working", test_failed_restore_leaves_database_working);
  ADD ("/cli/backup/read-only-folder", test_read_only_folder);

  return g_test_run ();
}
