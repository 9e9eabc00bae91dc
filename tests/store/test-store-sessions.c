/* test-store-sessions.c: the set log, pain per exercise and session status
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "core/loadwise-error.h"

#include "loadwise-test-util.h"
#include "store-test-util.h"

static void
log_set (LoadwiseDatabase *db,
         const GDate      *date,
         const char       *exercise_id,
         LoadwiseSide      side,
         guint             set_index,
         gboolean          done,
         guint             reps)
{
  g_autoptr (GError) error = NULL;
  LoadwiseSetLog log = { .exercise_id = (char *) exercise_id, .side = side,
                         .set_index = set_index, .done = done, .reps = reps };

  g_assert_true (loadwise_database_log_set (db, date, &log, &error));
  g_assert_no_error (error);
}

static LoadwiseSessionStatus
get_status (LoadwiseDatabase *db,
            const GDate      *date)
{
  g_autoptr (GError) error = NULL;
  g_auto (LoadwiseSessionRecord) record = { 0 };

  g_assert_true (loadwise_database_get_session (db, date, &record, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_date_compare (&record.date, date), ==, 0);
  return record.status;
}

static void
test_log_set_upsert (StoreFixture  *fixture,
                     gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) sets = NULL;
  GDate day = loadwise_test_date (2026, 3, 4);
  LoadwiseSetLog *log;

  g_assert_cmpint (get_status (fixture->db, &day), ==, LOADWISE_SESSION_STATUS_NONE);

  log_set (fixture->db, &day, "single-leg-bridge", LOADWISE_SIDE_LEFT, 0, TRUE, 9);
  g_assert_cmpint (get_status (fixture->db, &day), ==, LOADWISE_SESSION_STATUS_IN_PROGRESS);
  /* The same position again replaces the row: unticking keeps it, not done. */
  log_set (fixture->db, &day, "single-leg-bridge", LOADWISE_SIDE_LEFT, 0, FALSE, 0);

  sets = loadwise_database_list_sets (fixture->db, &day, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sets->len, ==, 1);
  log = g_ptr_array_index (sets, 0);
  g_assert_cmpstr (log->exercise_id, ==, "single-leg-bridge");
  g_assert_cmpint (log->side, ==, LOADWISE_SIDE_LEFT);
  g_assert_cmpuint (log->set_index, ==, 0);
  g_assert_false (log->done);
  g_assert_cmpuint (log->reps, ==, 0);
  g_clear_pointer (&sets, g_ptr_array_unref);

  log_set (fixture->db, &day, "single-leg-bridge", LOADWISE_SIDE_LEFT, 0, TRUE, 12);
  sets = loadwise_database_list_sets (fixture->db, &day, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sets->len, ==, 1);
  log = g_ptr_array_index (sets, 0);
  g_assert_true (log->done);
  g_assert_cmpuint (log->reps, ==, 12);
}

static void
test_list_order (StoreFixture  *fixture,
                 gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) sets = NULL;
  GDate day = loadwise_test_date (2026, 3, 4);
  GDate other = loadwise_test_date (2026, 3, 6);
  const struct { const char *id; LoadwiseSide side; guint set; } expected[] = {
    { "a-plank", LOADWISE_SIDE_NONE, 0 },
    { "b-bridge", LOADWISE_SIDE_LEFT, 0 },
    { "b-bridge", LOADWISE_SIDE_RIGHT, 0 },
    { "b-bridge", LOADWISE_SIDE_LEFT, 1 },
    { "b-bridge", LOADWISE_SIDE_RIGHT, 1 },
  };

  log_set (fixture->db, &day, "b-bridge", LOADWISE_SIDE_RIGHT, 1, TRUE, 8);
  log_set (fixture->db, &day, "b-bridge", LOADWISE_SIDE_RIGHT, 0, TRUE, 8);
  log_set (fixture->db, &day, "a-plank", LOADWISE_SIDE_NONE, 0, TRUE, 1);
  log_set (fixture->db, &day, "b-bridge", LOADWISE_SIDE_LEFT, 1, TRUE, 8);
  log_set (fixture->db, &day, "b-bridge", LOADWISE_SIDE_LEFT, 0, TRUE, 8);
  log_set (fixture->db, &other, "b-bridge", LOADWISE_SIDE_LEFT, 0, TRUE, 8);

  sets = loadwise_database_list_sets (fixture->db, &day, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sets->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      LoadwiseSetLog *log = g_ptr_array_index (sets, i);

      g_assert_cmpstr (log->exercise_id, ==, expected[i].id);
      g_assert_cmpint (log->side, ==, expected[i].side);
      g_assert_cmpuint (log->set_index, ==, expected[i].set);
    }
}

static void
test_log_set_invalid (StoreFixture  *fixture,
                      gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  GDate day = loadwise_test_date (2026, 3, 4);
  LoadwiseSetLog log = { .exercise_id = (char *) "side-plank", .set_index = 20, .done = TRUE };
  sqlite3 *handle = loadwise_database_get_handle (fixture->db);

  g_assert_false (loadwise_database_log_set (fixture->db, &day, &log, &error));
  g_assert_error (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT);
  g_assert_cmpstr (error->message, ==, "set: 21 is outside 1-20");
  g_clear_error (&error);

  log.set_index = 0;
  log.hold_s = 4000;
  g_assert_false (loadwise_database_log_set (fixture->db, &day, &log, &error));
  g_assert_error (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT);
  g_assert_cmpstr (error->message, ==, "hold seconds: 4000 is outside 0-3600");
  g_clear_error (&error);

  log.hold_s = 0;
  log.exercise_id = (char *) "";
  g_assert_false (loadwise_database_log_set (fixture->db, &day, &log, &error));
  g_assert_error (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT);

  /* Nothing was written, not even the session row. */
  g_assert_cmpint (store_test_query_int (handle, "SELECT count(*) FROM set_log"), ==, 0);
  g_assert_cmpint (store_test_query_int (handle, "SELECT count(*) FROM session"), ==, 0);
}

static void
test_exercise_pain (StoreFixture  *fixture,
                    gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GHashTable) pains = NULL;
  GDate day = loadwise_test_date (2026, 3, 4);

  pains = loadwise_database_get_exercise_pains (fixture->db, &day, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (pains), ==, 0);
  g_clear_pointer (&pains, g_hash_table_unref);

  g_assert_true (loadwise_database_set_exercise_pain (fixture->db, &day, "side-steps", 0, &error));
  g_assert_no_error (error);
  g_assert_true (loadwise_database_set_exercise_pain (fixture->db, &day, "sit-to-stand", 4, &error));
  g_assert_no_error (error);
  g_assert_cmpint (get_status (fixture->db, &day), ==, LOADWISE_SESSION_STATUS_IN_PROGRESS);

  g_assert_false (loadwise_database_set_exercise_pain (fixture->db, &day, "sit-to-stand", 11,
                                                       &error));
  g_assert_error (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT);
  g_assert_cmpstr (error->message, ==, "pain: 11 is outside 0-10");
  g_clear_error (&error);

  pains = loadwise_database_get_exercise_pains (fixture->db, &day, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (pains), ==, 2);
  /* pain + 1, so that 0 stays "not rated" */
  g_assert_cmpint (GPOINTER_TO_INT (g_hash_table_lookup (pains, "side-steps")), ==, 1);
  g_assert_cmpint (GPOINTER_TO_INT (g_hash_table_lookup (pains, "sit-to-stand")), ==, 5);
}

static void
test_session_status (StoreFixture  *fixture,
                     gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  GDate day = loadwise_test_date (2026, 3, 4);
  GDate skipped = loadwise_test_date (2026, 3, 6);
  g_auto (LoadwiseSessionRecord) record = { 0 };

  log_set (fixture->db, &day, "double-leg-bridge", LOADWISE_SIDE_NONE, 0, TRUE, 10);
  g_assert_true (loadwise_database_set_session_status (fixture->db, &day,
                                                       LOADWISE_SESSION_STATUS_DONE,
                                                       "felt strong", NULL, &error));
  g_assert_no_error (error);
  /* A set logged after Finish keeps the session done. */
  log_set (fixture->db, &day, "double-leg-bridge", LOADWISE_SIDE_NONE, 1, TRUE, 10);
  g_assert_true (loadwise_database_get_session (fixture->db, &day, &record, &error));
  g_assert_cmpint (record.status, ==, LOADWISE_SESSION_STATUS_DONE);
  g_assert_cmpstr (record.note, ==, "felt strong");
  g_assert_null (record.skip_reason);
  loadwise_session_record_clear (&record);

  /* Reopened without a note: the note stays. */
  g_assert_true (loadwise_database_set_session_status (fixture->db, &day,
                                                       LOADWISE_SESSION_STATUS_IN_PROGRESS,
                                                       NULL, NULL, &error));
  g_assert_true (loadwise_database_get_session (fixture->db, &day, &record, &error));
  g_assert_cmpint (record.status, ==, LOADWISE_SESSION_STATUS_IN_PROGRESS);
  g_assert_cmpstr (record.note, ==, "felt strong");
  loadwise_session_record_clear (&record);

  /* An empty note clears it. */
  g_assert_true (loadwise_database_set_session_status (fixture->db, &day,
                                                       LOADWISE_SESSION_STATUS_DONE,
                                                       "", NULL, &error));
  g_assert_no_error (error);
  g_assert_true (loadwise_database_get_session (fixture->db, &day, &record, &error));
  g_assert_cmpstr (record.note, ==, "");
  loadwise_session_record_clear (&record);

  g_assert_true (loadwise_database_set_session_status (fixture->db, &skipped,
                                                       LOADWISE_SESSION_STATUS_SKIPPED,
                                                       NULL, "travelling", &error));
  g_assert_no_error (error);
  g_assert_true (loadwise_database_get_session (fixture->db, &skipped, &record, &error));
  g_assert_cmpint (record.status, ==, LOADWISE_SESSION_STATUS_SKIPPED);
  g_assert_null (record.note);
  g_assert_cmpstr (record.skip_reason, ==, "travelling");
  loadwise_session_record_clear (&record);

  g_assert_false (loadwise_database_set_session_status (fixture->db, &skipped,
                                                        LOADWISE_SESSION_STATUS_NONE,
                                                        NULL, NULL, &error));
  g_assert_error (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_false (loadwise_database_set_session_status (fixture->db, &skipped,
                                                        LOADWISE_SESSION_STATUS_DONE,
                                                        "\xff\xfe", NULL, &error));
  g_assert_error (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT);
  g_assert_cmpint (get_status (fixture->db, &skipped), ==, LOADWISE_SESSION_STATUS_SKIPPED);
}

/* Three hand-made exercises that cover the shapes log_session meets: per
 * side, an odd set count, and a hold. */
static const LoadwiseExercise per_side = { .id = (char *) "per-side", .sets = 3, .reps_min = 8,
                                           .reps_max = 12,
                                           .side_mode = LOADWISE_SIDE_MODE_PER_SIDE };
static const LoadwiseExercise odd = { .id = (char *) "odd", .sets = 3, .reps_min = 10,
                                      .reps_max = 15,
                                      .side_mode = LOADWISE_SIDE_MODE_PER_DIRECTION };
static const LoadwiseExercise hold = { .id = (char *) "hold", .sets = 10, .reps_min = 1,
                                       .reps_max = 1, .hold_min_s = 5, .hold_max_s = 10 };

static void
make_prescription (LoadwisePrescription *prescription,
                   const GDate          *date)
{
  *prescription = (LoadwisePrescription) {
    .date = *date,
    .week = 1,
    .is_session = TRUE,
    .next_session = *date,
    .exercises = {
      [LOADWISE_FAMILY_BRIDGE] = { .exercise = &hold, .level = 0, .sets = 10, .n_sides = 1,
                                   .target_reps = 1, .target_hold_s = 5 },
      [LOADWISE_FAMILY_SINGLE_LEG] = { .exercise = &per_side, .level = 3, .sets = 3,
                                       .n_sides = 2, .target_reps = 8 },
      [LOADWISE_FAMILY_LATERAL] = { .exercise = &odd, .level = 1, .sets = 3, .n_sides = 1,
                                    .target_reps = 15 },
    },
  };
}

/* "exercise side set done reps hold" lines, in list order. */
static char *
describe_sets (LoadwiseDatabase *db,
               const GDate      *date)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) sets = loadwise_database_list_sets (db, date, &error);
  GString *text = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < sets->len; i++)
    {
      LoadwiseSetLog *log = g_ptr_array_index (sets, i);

      g_string_append_printf (text, "%s %s %u %d %u %u\n", log->exercise_id,
                              loadwise_side_to_string (log->side), log->set_index, log->done,
                              log->reps, log->hold_s);
    }
  return g_string_free (text, FALSE);
}

static void
check_log_session (LoadwiseDatabase *db,
                   guint             percent,
                   const char       *expected)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GHashTable) pains = NULL;
  g_autofree char *actual = NULL;
  g_auto (LoadwiseSessionRecord) record = { 0 };
  LoadwisePrescription prescription;
  GDate day = loadwise_test_date (2026, 3, 4);

  g_date_add_days (&day, percent);
  make_prescription (&prescription, &day);
  g_assert_true (loadwise_database_log_session (db, &prescription, percent, 3, "logged later",
                                                &error));
  g_assert_no_error (error);

  actual = describe_sets (db, &day);
  g_assert_cmpstr (actual, ==, expected);

  pains = loadwise_database_get_exercise_pains (db, &day, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (pains), ==, 3);
  g_assert_cmpint (GPOINTER_TO_INT (g_hash_table_lookup (pains, "hold")), ==, 4);
  g_assert_cmpint (GPOINTER_TO_INT (g_hash_table_lookup (pains, "per-side")), ==, 4);
  g_assert_cmpint (GPOINTER_TO_INT (g_hash_table_lookup (pains, "odd")), ==, 4);

  g_assert_true (loadwise_database_get_session (db, &day, &record, &error));
  g_assert_cmpint (record.status, ==, LOADWISE_SESSION_STATUS_DONE);
  g_assert_cmpstr (record.note, ==, "logged later");
}

static void
test_log_session (StoreFixture  *fixture,
                  gconstpointer  data)
{
  check_log_session (fixture->db, 0,
                     "hold none 0 0 0 0\n" "hold none 1 0 0 0\n" "hold none 2 0 0 0\n"
                     "hold none 3 0 0 0\n" "hold none 4 0 0 0\n" "hold none 5 0 0 0\n"
                     "hold none 6 0 0 0\n" "hold none 7 0 0 0\n" "hold none 8 0 0 0\n"
                     "hold none 9 0 0 0\n"
                     "odd none 0 0 0 0\n" "odd none 1 0 0 0\n" "odd none 2 0 0 0\n"
                     "per-side left 0 0 0 0\n" "per-side right 0 0 0 0\n"
                     "per-side left 1 0 0 0\n" "per-side right 1 0 0 0\n"
                     "per-side left 2 0 0 0\n" "per-side right 2 0 0 0\n");
  /* Half of 10 holds is 5; half of 3 sets is the one whole set it covers
   * (rounded down); half of 6 per-side logs is 3, taken in the order they
   * are done. */
  check_log_session (fixture->db, 50,
                     "hold none 0 1 1 5\n" "hold none 1 1 1 5\n" "hold none 2 1 1 5\n"
                     "hold none 3 1 1 5\n" "hold none 4 1 1 5\n" "hold none 5 0 0 0\n"
                     "hold none 6 0 0 0\n" "hold none 7 0 0 0\n" "hold none 8 0 0 0\n"
                     "hold none 9 0 0 0\n"
                     "odd none 0 1 15 0\n" "odd none 1 0 0 0\n" "odd none 2 0 0 0\n"
                     "per-side left 0 1 8 0\n" "per-side right 0 1 8 0\n"
                     "per-side left 1 1 8 0\n" "per-side right 1 0 0 0\n"
                     "per-side left 2 0 0 0\n" "per-side right 2 0 0 0\n");
  check_log_session (fixture->db, 100,
                     "hold none 0 1 1 5\n" "hold none 1 1 1 5\n" "hold none 2 1 1 5\n"
                     "hold none 3 1 1 5\n" "hold none 4 1 1 5\n" "hold none 5 1 1 5\n"
                     "hold none 6 1 1 5\n" "hold none 7 1 1 5\n" "hold none 8 1 1 5\n"
                     "hold none 9 1 1 5\n"
                     "odd none 0 1 15 0\n" "odd none 1 1 15 0\n" "odd none 2 1 15 0\n"
                     "per-side left 0 1 8 0\n" "per-side right 0 1 8 0\n"
                     "per-side left 1 1 8 0\n" "per-side right 1 1 8 0\n"
                     "per-side left 2 1 8 0\n" "per-side right 2 1 8 0\n");
}

static void
test_log_session_invalid (StoreFixture  *fixture,
                          gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  LoadwisePrescription prescription;
  GDate day = loadwise_test_date (2026, 3, 5);
  sqlite3 *handle = loadwise_database_get_handle (fixture->db);

  make_prescription (&prescription, &day);
  g_assert_false (loadwise_database_log_session (fixture->db, &prescription, 101, 3, NULL,
                                                 &error));
  g_assert_error (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT);
  g_assert_cmpstr (error->message, ==, "percent: 101 is outside 0-100");
  g_clear_error (&error);

  g_assert_false (loadwise_database_log_session (fixture->db, &prescription, 100, 11, NULL,
                                                 &error));
  g_assert_error (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT);
  g_assert_cmpstr (error->message, ==, "pain: 11 is outside 0-10");
  g_clear_error (&error);

  prescription.is_session = FALSE;
  g_assert_false (loadwise_database_log_session (fixture->db, &prescription, 100, 1, NULL,
                                                 &error));
  g_assert_error (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT);
  g_assert_cmpstr (error->message, ==, "date: 2026-03-05 is a rest day, not a session day");
  g_clear_error (&error);

  /* A position past the store's range fails half way: all of it rolls back. */
  make_prescription (&prescription, &day);
  prescription.exercises[LOADWISE_FAMILY_LATERAL].sets = 21;
  g_assert_false (loadwise_database_log_session (fixture->db, &prescription, 100, 1, NULL,
                                                 &error));
  g_assert_error (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT);
  g_assert_cmpstr (error->message, ==, "set: 21 is outside 1-20");

  g_assert_cmpint (store_test_query_int (handle, "SELECT count(*) FROM set_log"), ==, 0);
  g_assert_cmpint (store_test_query_int (handle, "SELECT count(*) FROM exercise_pain"), ==, 0);
  g_assert_cmpint (store_test_query_int (handle, "SELECT count(*) FROM session"), ==, 0);
}

static void
test_foreign_keys (StoreFixture  *fixture,
                   gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  GDate day = loadwise_test_date (2026, 3, 4);
  GDate kept = loadwise_test_date (2026, 3, 6);
  sqlite3 *handle = loadwise_database_get_handle (fixture->db);

  log_set (fixture->db, &day, "side-steps", LOADWISE_SIDE_NONE, 0, TRUE, 15);
  log_set (fixture->db, &day, "side-steps", LOADWISE_SIDE_NONE, 1, TRUE, 15);
  log_set (fixture->db, &kept, "side-steps", LOADWISE_SIDE_NONE, 0, TRUE, 15);
  g_assert_true (loadwise_database_set_exercise_pain (fixture->db, &day, "side-steps", 2, &error));
  g_assert_no_error (error);

  /* Deleting a session takes its logs and ratings with it ... */
  g_assert_cmpint (sqlite3_exec (handle, "DELETE FROM session WHERE date = '2026-03-04'", NULL,
                                 NULL, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (store_test_query_int (handle, "SELECT count(*) FROM set_log"), ==, 1);
  g_assert_cmpint (store_test_query_int (handle, "SELECT count(*) FROM exercise_pain"), ==, 0);

  /* ... and no log can point at a session that does not exist. */
  g_assert_cmpint (sqlite3_exec (handle,
                                 "INSERT INTO set_log (date, exercise_id, side, set_index, done,"
                                 " logged_at) VALUES ('2026-03-09', 'x', 'none', 0, 1, 'now')",
                                 NULL, NULL, NULL),
                   ==, SQLITE_CONSTRAINT);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/store/sessions/log-set-upsert", StoreFixture, NULL,
              store_fixture_setup, test_log_set_upsert, store_fixture_teardown);
  g_test_add ("/store/sessions/list-order", StoreFixture, NULL,
              store_fixture_setup, test_list_order, store_fixture_teardown);
  g_test_add ("/store/sessions/log-set-invalid", StoreFixture, NULL,
              store_fixture_setup, test_log_set_invalid, store_fixture_teardown);
  g_test_add ("/store/sessions/exercise-pain", StoreFixture, NULL,
              store_fixture_setup, test_exercise_pain, store_fixture_teardown);
  g_test_add ("/store/sessions/status", StoreFixture, NULL,
              store_fixture_setup, test_session_status, store_fixture_teardown);
  g_test_add ("/store/sessions/log-session", StoreFixture, NULL,
              store_fixture_setup, test_log_session, store_fixture_teardown);
  g_test_add ("/store/sessions/log-session-invalid", StoreFixture, NULL,
              store_fixture_setup, test_log_session_invalid, store_fixture_teardown);
  g_test_add ("/store/sessions/foreign-keys", StoreFixture, NULL,
              store_fixture_setup, test_foreign_keys, store_fixture_teardown);

  return g_test_run ();
}
