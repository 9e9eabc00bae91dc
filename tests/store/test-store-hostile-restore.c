/* test-store-hostile-restore.c: restore never adopts a file's schema
 *
 * Each hostile file is made with sqlite3 from a real Loadwise database
 * written by the store's API: a trigger, a view in place of a table, a
 * missing column, an unknown table or index, CHECK constraints stripped
 * (level 99, training_days 0, pain 42), a text in an integer column,
 * schema versions newer, 0 and wrong, a huge file, an empty one, one that
 * is not SQLite, and a -wal beside a file that adds a trigger. For each:
 * the live database's bytes stay as they were, no safety copy appears, no
 * staging folder is left, and the message names the file and what is
 * wrong with it. A good file of an older schema is restored with its rows.
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <fcntl.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "loadwise-test-util.h"
#include "store/loadwise-database-runs.h"
#include "store-test-util.h"

typedef struct {
  const char *name;     /* the file's name */
  const char *sql;      /* run on a copy of the good database; NULL: see make_special */
  const char *message;  /* a part of the refusal */
} Hostile;

#define STRIP(table) \
  "CREATE TABLE stripped AS SELECT * FROM " table ";" \
  "DROP TABLE " table ";" \
  "ALTER TABLE stripped RENAME TO " table ";"

static const Hostile hostiles[] = {
  { "trigger.db", "CREATE TRIGGER wipe_runs AFTER INSERT ON checkin BEGIN DELETE FROM run; END;",
    "a trigger “wipe_runs” on “checkin”" },
  { "view.db", "DROP TABLE run; CREATE VIEW run AS SELECT 1 AS id;",
    "“run” is a view, not a table" },
  { "missing-column.db", "ALTER TABLE run DROP COLUMN note;",
    "the table “run” has no column “note”" },
  { "extra-table.db", "CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('hi');",
    "an unknown table “notes”" },
  { "extra-index.db", "CREATE INDEX sneaky ON run (note);",
    "an unknown index “sneaky”" },
  { "level-99.db", STRIP ("week_plan") "UPDATE week_plan SET level = 99;",
    "weeks[0].level: 99 is outside 0-4" },
  { "training-days-0.db", STRIP ("programme") "UPDATE programme SET training_days = 0;",
    "programme.training_days: choose 2-3 days" },
  { "pain-42.db", STRIP ("run") "UPDATE run SET pain_during = 42;",
    "runs[0].pain_during: 42 is outside 0-10" },
  /* A recording and a profile (schema 7) get the same checks. */
  { "sha-stripped.db", STRIP ("run") "UPDATE run SET track_sha256 = 'ABC';",
    "runs[0].track_sha256: not a SHA-256 (64 characters, each 0-9 or a-f)" },
  { "started-at-stripped.db", STRIP ("run") "UPDATE run SET started_at = '2026-03-03T25:00:00Z';",
    "runs[0].started_at: “2026-03-03T25:00:00Z” is not a UTC time (YYYY-MM-DDTHH:MM:SSZ)" },
  { "elevation-stripped.db", STRIP ("run_profile") "UPDATE run_profile SET elevation_m = 99999 WHERE idx = 1;",
    "run_profiles[1].elevation_m: 99999 is outside -500 to 9000" },
  { "orphan-profile.db", STRIP ("run_profile") "INSERT INTO run_profile VALUES (7, 0, 0, 100);",
    "run_profiles[3].run_id: 7 refers to no entry in runs" },
  { "wrong-type.db", "PRAGMA ignore_check_constraints = ON; UPDATE run SET duration_s = 'long';",
    "run.duration_s, row 1: a value of SQL type TEXT where INTEGER belongs" },
  { "newer.db", "PRAGMA user_version = 99;",
    "newer version of Loadwise (schema 99" },
  { "version-0.db", "PRAGMA user_version = 0;",
    "is not a Loadwise database (schema version 0" },
  { "version-1.db", "PRAGMA user_version = 1;",
    "does not match Loadwise's schema 1: " },
  { "huge.db", NULL, "a Loadwise database may be" },
  { "empty.db", NULL, "the file is empty" },
  { "not-sqlite.db", NULL, "cannot be restored: " },
  { "wal-trigger.db", NULL, "a trigger “from_the_wal” on “run”" },
};

static gint64
pain_sum (LoadwiseDatabase *db)
{
  return store_test_query_int (loadwise_database_get_handle (db),
                               "SELECT coalesce (sum (morning_pain), -1) FROM checkin");
}

static void
save_checkin (LoadwiseDatabase *db,
              const GDate      *date,
              guint             pain)
{
  g_autoptr (GError) error = NULL;
  LoadwiseCheckin checkin = { .date = *date, .morning_pain = pain, .side = LOADWISE_SIDE_LEFT };

  g_assert_true (loadwise_database_save_checkin (db, &checkin, &error));
  g_assert_no_error (error);
}

/* A programme, two check-ins and a run, written by the store. */
static void
fill (LoadwiseDatabase *db,
      guint             pain)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LoadwiseRun) run = loadwise_run_new ();
  GDate start = loadwise_test_date (2026, 3, 2);
  GDate day = loadwise_test_date (2026, 3, 3);

  store_test_start_programme (db, &start);
  save_checkin (db, &start, pain);
  save_checkin (db, &day, 1);
  run->date = day;
  run->distance_m = 5000;
  run->duration_s = 1800;
  run->pain_during = 2;
  run->note = g_strdup ("easy");
  g_assert_true (loadwise_database_add_run (db, run, &error));
  g_assert_no_error (error);
}

/* A run from a recorded track, with a profile of three points. */
static void
add_recorded_run (LoadwiseDatabase *db)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) runs = g_ptr_array_new_with_free_func ((GDestroyNotify) loadwise_run_free);
  g_autoptr (GPtrArray) profiles = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  GArray *profile = g_array_new (FALSE, FALSE, sizeof (LoadwiseProfilePoint));
  LoadwiseProfilePoint points[] = { { 0, 40 }, { 3000, 95.5 }, { 6000, 41 } };
  LoadwiseRun *run = loadwise_run_new ();

  run->date = loadwise_test_date (2026, 3, 4);
  run->distance_m = 6000;
  run->pain_during = 1;
  run->started_at = 1772604720;  /* 2026-03-04T06:12:00Z */
  run->track_sha256 = g_strnfill (64, 'c');
  g_ptr_array_add (runs, run);
  g_array_append_vals (profile, points, G_N_ELEMENTS (points));
  g_ptr_array_add (profiles, profile);
  g_assert_true (loadwise_database_add_runs_with_profiles (db, runs, profiles, &error));
  g_assert_no_error (error);
}

static void
copy_file (const char *from,
           const char *to)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (from, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (to, contents, (gssize) length, NULL));
}

/* The good database, closed, so that its rows are all in the main file. */
static char *
make_good (StoreFixture *fixture)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_build_filename (fixture->dir, "elsewhere", NULL);
  g_autofree char *path = loadwise_database_build_path (dir);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr (LoadwiseDatabase) db = loadwise_database_open (path, &error);

  g_assert_no_error (error);
  store_test_set_today (db, NULL);
  fill (db, 7);
  add_recorded_run (db);
  g_clear_object (&db);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  return g_steal_pointer (&path);
}

/* A copy of @good whose -wal, beside it, adds a trigger: the main file
 * alone is a clean Loadwise database. */
static void
make_wal_trigger (const char *good,
                  const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  sqlite3 *db = NULL;

  copy_file (good, path);
  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0;"
                                     "CREATE TRIGGER from_the_wal AFTER INSERT ON run"
                                     " BEGIN DELETE FROM checkin; END;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_db_config (db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  /* The main file alone says nothing of the trigger. */
  {
    g_autofree char *alone = g_strconcat (path, ".alone", NULL);

    copy_file (path, alone);
    g_assert_cmpint (store_test_file_query_int (alone, "SELECT count(*) FROM sqlite_master"
                                                       " WHERE type = 'trigger'"), ==, 0);
    g_assert_cmpint (g_unlink (alone), ==, 0);
  }
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
make_hostile (const Hostile *hostile,
              const char    *good,
              const char    *path)
{
  if (hostile->sql != NULL)
    {
      copy_file (good, path);
      store_test_file_exec (path, hostile->sql);
    }
  else if (g_str_equal (hostile->name, "huge.db"))
    {
      int fd;

      /* Sparse: 800 MB that take no room. */
      copy_file (good, path);
      fd = g_open (path, O_WRONLY, 0);
      g_assert_cmpint (fd, >=, 0);
      g_assert_cmpint (ftruncate (fd, (off_t) 800 * 1000 * 1000), ==, 0);
      g_close (fd, NULL);
    }
  else if (g_str_equal (hostile->name, "empty.db"))
    g_assert_true (g_file_set_contents (path, "", 0, NULL));
  else if (g_str_equal (hostile->name, "not-sqlite.db"))
    store_test_write_random_file (path, 8192, 12);
  else if (g_str_equal (hostile->name, "wal-trigger.db"))
    make_wal_trigger (good, path);
  else
    g_assert_not_reached ();
}

/* The live database's bytes, with every commit in the main file. */
static GBytes *
live_bytes (StoreFixture *fixture)
{
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  GStatBuf st;

  store_test_query_int (loadwise_database_get_handle (fixture->db),
                        "PRAGMA wal_checkpoint (TRUNCATE)");
  g_assert_true (g_stat (wal, &st) != 0 || st.st_size == 0);
  return loadwise_test_read_file (fixture->path);
}

/* What the data folder holds besides the database and its -wal/-shm:
 * backups, staging folders. */
static char *
extra_names (StoreFixture *fixture)
{
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  g_autofree char *backups = g_build_filename (fixture->dir, "backups", NULL);
  g_autoptr (GDir) backups_dir = g_dir_open (backups, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (!g_str_has_prefix (name, "loadwise.db") && !g_str_equal (name, "elsewhere")
        && !g_str_has_prefix (name, "hostile-") && !g_str_equal (name, "backups"))
      g_ptr_array_add (names, g_strdup (name));
  while (backups_dir != NULL && (name = g_dir_read_name (backups_dir)) != NULL)
    g_ptr_array_add (names, g_strconcat ("backups/", name, NULL));
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

static void
test_hostile_files (StoreFixture  *fixture,
                    gconstpointer  data)
{
  g_autofree char *good = NULL;
  guint refused = 0;

  store_test_set_today (fixture->db, NULL);
  fill (fixture->db, 4);
  good = make_good (fixture);

  for (guint i = 0; i < G_N_ELEMENTS (hostiles); i++)
    {
      const Hostile *hostile = &hostiles[i];
      g_autoptr (GError) error = NULL;
      g_autofree char *name = g_strconcat ("hostile-", hostile->name, NULL);
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
      g_autofree char *old_data = NULL;
      g_autofree char *extra = NULL;
      g_autoptr (GBytes) before = NULL;
      g_autoptr (GBytes) after = NULL;
      gboolean restored;

      make_hostile (hostile, good, path);
      before = live_bytes (fixture);

      restored = loadwise_database_restore_from (fixture->db, path, &old_data, &error);
      if (!restored)
        {
          refused++;
          g_test_message ("%s: %s", hostile->name, error->message);
        }
      else
        g_test_message ("%s: restored", hostile->name);
      g_assert_false (restored);
      g_assert_nonnull (error);
      g_assert_nonnull (strstr (error->message, name));
      g_assert_nonnull (strstr (error->message, hostile->message));
      g_assert_null (old_data);

      /* Not one byte of the live file changed; no copy, no staging left. */
      after = live_bytes (fixture);
      g_assert_true (g_bytes_equal (before, after));
      extra = extra_names (fixture);
      g_assert_cmpstr (extra, ==, "");
      g_assert_cmpint (pain_sum (fixture->db), ==, 5);
    }

  g_test_message ("refused %u of %u hostile files", refused, (guint) G_N_ELEMENTS (hostiles));
  g_assert_cmpuint (refused, ==, G_N_ELEMENTS (hostiles));

  /* The good file itself is restored, after a safety copy. */
  {
    g_autoptr (GError) error = NULL;
    g_autofree char *old_data = NULL;

    g_assert_true (loadwise_database_restore_from (fixture->db, good, &old_data, &error));
    g_assert_no_error (error);
    g_assert_cmpint (pain_sum (fixture->db), ==, 8);
    /* The recording and its profile came too. */
    g_assert_cmpint (store_test_query_int (loadwise_database_get_handle (fixture->db),
                                           "SELECT count(*) FROM run WHERE started_at = '2026-03-04T06:12:00Z'"),
                     ==, 1);
    g_assert_cmpint (store_test_query_int (loadwise_database_get_handle (fixture->db),
                                           "SELECT sum (elevation_m) * 10 FROM run_profile"), ==, 1765);
    g_assert_nonnull (old_data);
    g_assert_nonnull (strstr (old_data, "loadwise-before-restore-"));
  }
}

static void
test_older_restored (StoreFixture  *fixture,
                     gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *old_dir = g_build_filename (fixture->dir, "old", NULL);
  g_autofree char *old_path = loadwise_database_build_path (old_dir);
  g_autofree char *old_data = NULL;
  g_autofree char *staging_left = NULL;
  g_autoptr (GBytes) source_before = NULL;
  g_autoptr (GBytes) source_after = NULL;
  GDate start = loadwise_test_date (2026, 3, 2);
  GDate day = loadwise_test_date (2026, 3, 4);

  for (int version = 1; version < LOADWISE_DATABASE_SCHEMA_VERSION; version++)
    {
      g_autoptr (LoadwiseDatabase) old = NULL;

      g_clear_error (&error);
      g_clear_pointer (&old_data, g_free);
      g_clear_pointer (&source_before, g_bytes_unref);
      g_clear_pointer (&source_after, g_bytes_unref);
      g_assert_true (g_unlink (old_path) == 0 || version == 1);

      old = loadwise_database_open_at_version (old_path, version, &error);
      g_assert_no_error (error);
      store_test_start_programme (old, &start);
      save_checkin (old, &start, 6);
      save_checkin (old, &day, (guint) version);
      g_clear_object (&old);
      source_before = loadwise_test_read_file (old_path);

      g_assert_true (loadwise_database_restore_from (fixture->db, old_path, &old_data, &error));
      g_assert_no_error (error);
      g_test_message ("schema %d restored", version);
      g_assert_cmpint (pain_sum (fixture->db), ==, 6 + version);
      g_assert_cmpint (store_test_query_int (loadwise_database_get_handle (fixture->db),
                                             "SELECT count(*) FROM programme"), ==, 1);
      g_assert_cmpint (store_test_query_int (loadwise_database_get_handle (fixture->db),
                                             "PRAGMA user_version"),
                       ==, LOADWISE_DATABASE_SCHEMA_VERSION);
      /* The file restored from is left as it was. */
      source_after = loadwise_test_read_file (old_path);
      g_assert_true (g_bytes_equal (source_before, source_after));
    }

  staging_left = extra_names (fixture);
  g_assert_null (strstr (staging_left, ".restore-"));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/store/hostile-restore/refused", StoreFixture, NULL,
              store_fixture_setup, test_hostile_files, store_fixture_teardown);
  g_test_add ("/store/hostile-restore/older-restored", StoreFixture, NULL,
              store_fixture_setup, test_older_restored, store_fixture_teardown);
  return g_test_run ();
}
