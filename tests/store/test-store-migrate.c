/* test-store-migrate.c: a genuine version 1 database brought up to date
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib/gstdio.h>

#include "loadwise-test-util.h"
#include "store-test-util.h"
#include "store/loadwise-database-progression.h"
#include "store/loadwise-database-runs.h"

/* Builds a version 1 file at @path holding a programme, a session with
 * set logs and pain, and two check-ins. */
static void
make_v1_database (const char *path)
{
  g_autoptr (LoadwiseDatabase) db = NULL;
  g_autoptr (GError) error = NULL;
  GDate start = loadwise_test_date (2026, 3, 2);
  GDate day = loadwise_test_date (2026, 3, 4);
  LoadwiseSetLog log = { .exercise_id = (char *) "double-leg-bridge", .side = LOADWISE_SIDE_NONE,
                         .set_index = 0, .done = TRUE, .reps = 10 };
  LoadwiseCheckin checkin = { .date = start, .morning_pain = 3, .side = LOADWISE_SIDE_RIGHT };

  db = loadwise_database_open_at_version (path, 1, &error);
  g_assert_no_error (error);
  store_test_set_today (db, NULL);
  g_assert_cmpint (loadwise_database_get_schema_version (db), ==, 1);
  g_assert_cmpint (store_test_query_int (loadwise_database_get_handle (db),
                                         "SELECT count(*) FROM sqlite_master"
                                         " WHERE name = 'red_flag_screening'"),
                   ==, 0);

  store_test_start_programme (db, &start);
  loadwise_database_log_set (db, &day, &log, &error);
  g_assert_no_error (error);
  log.set_index = 1;
  loadwise_database_log_set (db, &day, &log, &error);
  g_assert_no_error (error);
  loadwise_database_set_exercise_pain (db, &day, "double-leg-bridge", 2, &error);
  g_assert_no_error (error);
  loadwise_database_set_session_status (db, &day, LOADWISE_SESSION_STATUS_DONE, "easy", NULL,
                                        &error);
  g_assert_no_error (error);
  loadwise_database_save_checkin (db, &checkin, &error);
  g_assert_no_error (error);
  checkin.date = day;
  checkin.morning_pain = 2;
  loadwise_database_save_checkin (db, &checkin, &error);
  g_assert_no_error (error);
}

static void
assert_v1_rows (const char *path)
{
  g_assert_cmpint (store_test_file_query_int (path, "SELECT count(*) FROM programme"), ==, 1);
  g_assert_cmpint (store_test_file_query_int (path, "SELECT count(*) FROM week_plan"), ==, 3);
  g_assert_cmpint (store_test_file_query_int (path,
                                              "SELECT count(*) FROM set_log"
                                              " WHERE date = '2026-03-04' AND done = 1"),
                   ==, 2);
  g_assert_cmpint (store_test_file_query_int (path,
                                              "SELECT pain FROM exercise_pain"
                                              " WHERE exercise_id = 'double-leg-bridge'"),
                   ==, 2);
  g_assert_cmpint (store_test_file_query_int (path, "SELECT sum(morning_pain) FROM checkin"), ==, 5);
}

static void
test_from_v1 (StoreFixture  *fixture,
              gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) sets = NULL;
  g_auto (LoadwiseSessionRecord) record = { 0 };
  g_autofree char *backup = NULL;
  g_autofree char *backup_name = NULL;
  g_autofree char *backups_dir = g_build_filename (fixture->dir, "backups", NULL);
  g_autoptr (GRegex) name_pattern = NULL;
  LoadwiseProgramme programme;
  GDate day = loadwise_test_date (2026, 3, 4);
  LoadwiseCheckin checkin;
  gboolean found = FALSE;
  guint mask = 0;
  guint levels[LOADWISE_N_FAMILIES];

  make_v1_database (fixture->path);
  g_assert_cmpint (store_test_file_query_int (fixture->path, "PRAGMA user_version"), ==, 1);
  g_assert_null (loadwise_database_find_latest_backup (fixture->dir));

  fixture->db = loadwise_database_open (fixture->path, &error);
  g_assert_no_error (error);
  store_test_set_today (fixture->db, NULL);
  g_assert_cmpint (loadwise_database_get_schema_version (fixture->db), ==, LOADWISE_DATABASE_SCHEMA_VERSION);
  g_assert_cmpint (store_test_query_int (loadwise_database_get_handle (fixture->db),
                                         "PRAGMA user_version"),
                   ==, LOADWISE_DATABASE_SCHEMA_VERSION);

  /* The rows survived, through the API ... */
  loadwise_database_get_programme (fixture->db, &programme, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (programme.weeks, ==, 8);
  loadwise_database_get_levels (fixture->db, 1, levels, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (levels[LOADWISE_FAMILY_LATERAL], ==, 1);
  sets = loadwise_database_list_sets (fixture->db, &day, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sets->len, ==, 2);
  loadwise_database_get_session (fixture->db, &day, &record, &error);
  g_assert_no_error (error);
  g_assert_cmpint (record.status, ==, LOADWISE_SESSION_STATUS_DONE);
  g_assert_cmpstr (record.note, ==, "easy");
  loadwise_database_get_checkin (fixture->db, &day, &checkin, &found, &error);
  g_assert_no_error (error);
  g_assert_true (found);
  g_assert_cmpuint (checkin.morning_pain, ==, 2);
  /* ... and what version 2 added works. */
  loadwise_database_save_red_flags (fixture->db, &day, LOADWISE_RED_FLAG_NERVE, &error);
  g_assert_no_error (error);
  loadwise_database_get_red_flags (fixture->db, NULL, &mask, &found, &error);
  g_assert_no_error (error);
  g_assert_true (found);
  g_assert_cmpuint (mask, ==, LOADWISE_RED_FLAG_NERVE);
  g_clear_object (&fixture->db);
  assert_v1_rows (fixture->path);

  /* The copy made before migrating: private, named by the old version,
   * still version 1 and holding the same rows. */
  backup = loadwise_database_find_latest_backup (fixture->dir);
  g_assert_nonnull (backup);
  backup_name = g_path_get_basename (backup);
  name_pattern = g_regex_new ("^loadwise-v1-[0-9]{8}-[0-9]{6}\\.db$", 0, 0, NULL);
  g_assert_true (g_regex_match (name_pattern, backup_name, 0, NULL));
  g_assert_cmpuint (store_test_file_mode (backups_dir), ==, 0700);
  g_assert_cmpuint (store_test_file_mode (backup), ==, 0600);
  g_assert_cmpint (store_test_file_query_int (backup, "PRAGMA user_version"), ==, 1);
  g_assert_cmpint (store_test_file_query_int (backup,
                                              "SELECT count(*) FROM sqlite_master"
                                              " WHERE name = 'red_flag_screening'"),
                   ==, 0);
  assert_v1_rows (backup);

  /* Opening the migrated file again makes no further copy. */
  fixture->db = loadwise_database_open (fixture->path, &error);
  g_assert_no_error (error);
  {
    g_autofree char *latest = loadwise_database_find_latest_backup (fixture->dir);
    g_autoptr (GDir) dir = g_dir_open (backups_dir, 0, NULL);
    guint n = 0;

    g_assert_cmpstr (latest, ==, backup);
    while (g_dir_read_name (dir) != NULL)
      n++;
    g_assert_cmpuint (n, ==, 1);
  }
}

static void
test_failed_migration (StoreFixture  *fixture,
                       gconstpointer  data)
{
  g_autoptr (LoadwiseDatabase) db = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) before = NULL;
  g_autoptr (GBytes) after = NULL;

  make_v1_database (fixture->path);
  /* Something already holds the name that step 2 creates a table under,
   * after step 2 has created its indexes: the step must fail as a whole. */
  store_test_file_exec (fixture->path,
                        "CREATE VIEW red_flag_screening AS SELECT 1 AS date");
  before = loadwise_test_read_file (fixture->path);

  db = loadwise_database_open (fixture->path, &error);
  g_assert_null (db);
  g_assert_error (error, LOADWISE_DATABASE_ERROR, LOADWISE_DATABASE_ERROR_FAILED);
  g_assert_true (g_str_has_prefix (error->message,
                                   "Could not update the database to schema 2: "));

  g_assert_cmpint (store_test_file_query_int (fixture->path, "PRAGMA user_version"), ==, 1);
  g_assert_cmpint (store_test_file_query_int (fixture->path,
                                              "SELECT count(*) FROM sqlite_master"
                                              " WHERE name = 'set_log_by_exercise'"),
                   ==, 0);
  assert_v1_rows (fixture->path);
  after = loadwise_test_read_file (fixture->path);
  g_assert_true (g_bytes_equal (before, after));
}

/* Schema 5 (issue 11's starting point): closed weeks with prose reasons,
 * the first revised. Migrating marks final the week trained after (a
 * session of week 2), which keeps its prose and thresholds; week 2, not
 * trained on yet, is taken again from the data. */
static void
test_from_v5 (StoreFixture  *fixture,
              gconstpointer  data)
{
  g_autoptr (LoadwiseDatabase) old = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) reviews = NULL;
  g_autoptr (LoadwiseCatalogue) catalogue = loadwise_catalogue_load_default (NULL);
  GDate start = loadwise_test_date (2026, 3, 2);
  GDate today = loadwise_test_date (2026, 3, 17);
  LoadwiseWeekPlan plans[LOADWISE_N_FAMILIES];
  LoadwiseProgramme programme;

  old = loadwise_database_open_at_version (fixture->path, 5, &error);
  g_assert_no_error (error);
  store_test_set_today (old, NULL);
  store_test_start_programme (old, &start);
  g_assert_true (loadwise_database_get_programme (old, &programme, &error));
  for (int d = 0; d <= 7; d += d == 4 ? 3 : 2)
    {
      LoadwisePrescription prescription;
      GDate date = start;

      g_date_add_days (&date, (guint) d);
      g_assert_true (loadwise_database_prescribe (old, catalogue, &programme, &date,
                                                  &prescription, &error));
      g_assert_true (loadwise_database_log_session (old, &prescription, 100, 1, NULL, &error));
      g_assert_no_error (error);
    }
  g_clear_object (&old);
  store_test_file_exec (fixture->path,
                        "INSERT INTO week_plan (week, family, level, target_reps, target_hold_s,"
                        " decision, reason, decided_at) VALUES"
                        " (2, 'bridge', 2, 0, 0, 'progress', 'Bridge: up to level 2 \u2014 every set"
                        " done (revised: entries logged after the week ended now count)', 'x'),"
                        " (2, 'single-leg', 2, 0, 0, 'progress', 'Single-leg: up', 'x'),"
                        " (2, 'lateral', 2, 0, 0, 'progress', 'Lateral: up', 'x'),"
                        " (3, 'bridge', 2, 0, 0, 'hold', 'Bridge: stays', 'x'),"
                        " (3, 'single-leg', 2, 0, 0, 'hold', 'Single-leg: stays', 'x'),"
                        " (3, 'lateral', 2, 0, 0, 'hold', 'Lateral: stays', 'x');"
                        "INSERT INTO week_review (week, sets_done, sets_counted, adherence,"
                        " see_clinician, safe_pain, max_pain, training_days, inputs, closed_at,"
                        " revised_at) VALUES"
                        " (1, 18, 18, 100, 0, 2, 4, 21, 'old', '2026-03-09T06:00:00Z',"
                        "  '2026-03-10T06:00:00Z'),"
                        " (2, 0, 18, 0, 0, 2, 4, 21, 'old', '2026-03-16T06:00:00Z', NULL);");

  fixture->db = loadwise_database_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (loadwise_database_get_schema_version (fixture->db), ==, LOADWISE_DATABASE_SCHEMA_VERSION);
  g_assert_cmpint (store_test_file_query_int (fixture->path,
                                              "SELECT count(*) FROM week_review"
                                              " WHERE finalized_at IS NOT NULL"), ==, 1);
  store_test_set_today (fixture->db, &today);

  /* Week 1: final, as it was, prose and thresholds included. */
  g_assert_true (loadwise_database_get_week_plan (fixture->db, 2, plans, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (plans[LOADWISE_FAMILY_BRIDGE].level, ==, 2);
  g_assert_nonnull (strstr (plans[LOADWISE_FAMILY_BRIDGE].reason, "(revised: entries logged"));
  loadwise_database_week_plans_clear (plans);
  reviews = loadwise_database_list_week_reviews (fixture->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reviews->len, ==, 2);
  {
    LoadwiseWeekReview *week1 = g_ptr_array_index (reviews, 0);
    LoadwiseWeekReview *week2 = g_ptr_array_index (reviews, 1);

    g_assert_true (week1->final);
    g_assert_cmpuint (week1->safe_pain, ==, 2);
    g_assert_cmpstr (week1->revised_at, ==, "2026-03-10T06:00:00Z");
    /* Week 2 taken again: Monday's session is there, the thresholds are
     * today's, and its decision differs from the stored one. */
    g_assert_false (week2->final);
    g_assert_cmpuint (week2->sets_done, >, 0);
    g_assert_cmpuint (week2->safe_pain, ==, 3);
    g_assert_nonnull (week2->revised_at);
  }
  g_assert_cmpint (store_test_file_query_int (fixture->path,
                                              "SELECT count(*) FROM week_review WHERE week = 1"
                                              " AND inputs = 'old'"), ==, 1);
  /* The final week keeps its sentence and has no code; the week taken
   * again is stored as codes, rendered when read. */
  g_assert_cmpint (store_test_file_query_int (fixture->path,
                                              "SELECT count(*) FROM week_plan WHERE week = 2"
                                              " AND reason_code IS NULL"), ==, 3);
  g_assert_cmpint (store_test_file_query_int (fixture->path,
                                              "SELECT count(*) FROM week_plan WHERE week = 3"
                                              " AND reason_code LIKE 'v1;k=family;%'"), ==, 3);
  g_assert_true (loadwise_database_get_week_plan (fixture->db, 3, plans, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (plans[LOADWISE_FAMILY_BRIDGE].reason, "Bridge: "));
  loadwise_database_week_plans_clear (plans);
}

/* The schema as text: every object's type, name and CREATE statement, and
 * every table's columns as PRAGMA table_info gives them. */
static char *
describe_schema (const char *path)
{
  g_autoptr (GString) text = g_string_new (NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT m.type, m.name, m.sql, p.cid, p.name, p.type, p.\"notnull\","
                                       " p.dflt_value, p.pk"
                                       " FROM sqlite_master AS m LEFT JOIN pragma_table_info (m.name) AS p"
                                       " WHERE m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
                                       " ORDER BY m.name, p.cid",
                                       -1, &stmt, NULL),
                   ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int c = 0; c < sqlite3_column_count (stmt); c++)
        {
          const char *value = (const char *) sqlite3_column_text (stmt, c);

          g_string_append_printf (text, "%s|", value != NULL ? value : "NULL");
        }
      g_string_append_c (text, '\n');
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Schema 6 (issue 14's starting point): runs typed in, one with a shoe.
 * Migrating keeps them as they were, with no recording; recorded runs
 * then go in with their profiles, and the schema is the one a new
 * database gets. */
static void
test_from_v6 (StoreFixture  *fixture,
              gconstpointer  data)
{
  g_autoptr (LoadwiseDatabase) old = NULL;
  g_autoptr (LoadwiseDatabase) fresh = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) runs = NULL;
  g_autoptr (GPtrArray) recorded = g_ptr_array_new_with_free_func ((GDestroyNotify) loadwise_run_free);
  g_autoptr (GPtrArray) profiles = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autoptr (GArray) profile = g_array_new (FALSE, FALSE, sizeof (LoadwiseProfilePoint));
  g_autoptr (GArray) read = NULL;
  g_autofree char *fresh_path = g_build_filename (fixture->dir, "fresh.db", NULL);
  g_autofree char *migrated_schema = NULL;
  g_autofree char *fresh_schema = NULL;
  LoadwiseProfilePoint points[] = { { 0, 120.5 }, { 2500, 180.25 }, { 5000, 95 } };
  LoadwiseRun *run;
  gint64 shoe_id = 0;

  old = loadwise_database_open_at_version (fixture->path, 6, &error);
  g_assert_no_error (error);
  store_test_set_today (old, NULL);
  g_assert_true (loadwise_database_add_shoe (old, "Trail pair", &shoe_id, &error));
  g_assert_no_error (error);
  store_test_file_exec (fixture->path,
                        "INSERT INTO run (date, distance_m, duration_s, climb_m, descent_m, shoe_id,"
                        " pain_during, pain_after, note, updated_at) VALUES"
                        " ('2026-03-04', 8400, 2700, 120, 310, 1, 2, 4, 'windy', '2026-03-04T18:00:00Z'),"
                        " ('2026-03-06', 5000, 0, 0, 0, NULL, 1, NULL, NULL, '2026-03-06T18:00:00Z');");
  g_clear_object (&old);

  fixture->db = loadwise_database_open (fixture->path, &error);
  g_assert_no_error (error);
  store_test_set_today (fixture->db, NULL);
  g_assert_cmpint (loadwise_database_get_schema_version (fixture->db), ==, 7);

  /* The runs as they were, without a recording. */
  runs = loadwise_database_list_runs (fixture->db, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (runs->len, ==, 2);
  run = g_ptr_array_index (runs, 0);
  g_assert_cmpuint (run->distance_m, ==, 8400);
  g_assert_cmpuint (run->descent_m, ==, 310);
  g_assert_cmpint (run->shoe_id, ==, shoe_id);
  g_assert_cmpuint (run->pain_after, ==, 4);
  g_assert_cmpstr (run->note, ==, "windy");
  g_assert_cmpint (run->started_at, ==, 0);
  g_assert_null (run->track_sha256);
  g_assert_cmpint (store_test_file_query_int (fixture->path,
                                              "SELECT count(*) FROM run WHERE started_at IS NULL"
                                              " AND track_sha256 IS NULL"), ==, 2);

  /* What schema 7 adds works. */
  run = loadwise_run_new ();
  run->date = loadwise_test_date (2026, 3, 8);
  run->distance_m = 5000;
  run->started_at = 1772949600;  /* 2026-03-08T06:00:00Z */
  run->track_sha256 = g_strnfill (64, 'a');
  g_ptr_array_add (recorded, run);
  g_array_append_vals (profile, points, G_N_ELEMENTS (points));
  g_ptr_array_add (profiles, g_array_ref (profile));
  g_assert_true (loadwise_database_add_runs_with_profiles (fixture->db, recorded, profiles, &error));
  g_assert_no_error (error);
  g_assert_cmpint (store_test_file_query_int (fixture->path,
                                              "SELECT count(*) FROM run WHERE started_at = '2026-03-08T06:00:00Z'"),
                   ==, 1);
  read = loadwise_database_get_run_profile (fixture->db, run->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (read->len, ==, 3);
  g_assert_cmpfloat (g_array_index (read, LoadwiseProfilePoint, 1).elevation_m, ==, 180.25);
  g_clear_object (&fixture->db);

  /* A new database has the same schema, object for object and column for
   * column, as the migrated one. */
  fresh = loadwise_database_open (fresh_path, &error);
  g_assert_no_error (error);
  g_clear_object (&fresh);
  migrated_schema = describe_schema (fixture->path);
  fresh_schema = describe_schema (fresh_path);
  g_assert_nonnull (strstr (fresh_schema, "run_profile|"));
  g_assert_nonnull (strstr (fresh_schema, "|track_sha256|TEXT|"));
  g_assert_cmpstr (migrated_schema, ==, fresh_schema);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/store/migrate/from-v1", StoreFixture, NULL,
              store_fixture_setup_empty, test_from_v1, store_fixture_teardown);
  g_test_add ("/store/migrate/from-v5", StoreFixture, NULL,
              store_fixture_setup_empty, test_from_v5, store_fixture_teardown);
  g_test_add ("/store/migrate/from-v6", StoreFixture, NULL,
              store_fixture_setup_empty, test_from_v6, store_fixture_teardown);
  g_test_add ("/store/migrate/failed-step-changes-nothing", StoreFixture, NULL,
              store_fixture_setup_empty, test_failed_migration, store_fixture_teardown);

  return g_test_run ();
}
