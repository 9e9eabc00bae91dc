/* store-test-util.c
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "store-test-util.h"

#include <sys/stat.h>

#include "loadwise-test-util.h"
#include "store/loadwise-database-progression.h"

void
store_fixture_setup_empty (StoreFixture  *fixture,
                           gconstpointer  data)
{
  fixture->dir = loadwise_test_make_tmpdir ();
  fixture->path = loadwise_database_build_path (fixture->dir);
  fixture->db = NULL;
}

void
store_fixture_setup (StoreFixture  *fixture,
                     gconstpointer  data)
{
  g_autoptr (GError) error = NULL;

  store_fixture_setup_empty (fixture, data);
  fixture->db = loadwise_database_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->db);
  store_test_set_today (fixture->db, NULL);
}

void
store_test_set_today (LoadwiseDatabase *db,
                      const GDate      *today)
{
  g_autoptr (GDateTime) now = NULL;
  g_autoptr (LoadwiseClock) clock = NULL;
  GDate day = loadwise_test_date (2026, 1, 1);

  if (today != NULL)
    day = *today;
  now = g_date_time_new_local (g_date_get_year (&day), g_date_get_month (&day),
                               g_date_get_day (&day), 12, 0, 0);
  clock = loadwise_clock_new_fixed (now);
  loadwise_database_set_clock (db, clock);
}

void
store_fixture_teardown (StoreFixture  *fixture,
                        gconstpointer  data)
{
  g_clear_object (&fixture->db);
  loadwise_test_rm_rf (fixture->dir);
  g_clear_pointer (&fixture->path, g_free);
  g_clear_pointer (&fixture->dir, g_free);
}

gint64
store_test_query_int (sqlite3    *db,
                      const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

gint64
store_test_file_query_int (const char *path,
                           const char *sql)
{
  sqlite3 *db = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  value = store_test_query_int (db, sql);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  return value;
}

void
store_test_file_exec (const char *path,
                      const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL),
                   ==, SQLITE_OK);
  sqlite3_exec (db, sql, NULL, NULL, &message);
  g_assert_null (message);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

void
store_test_write_random_file (const char *path,
                              gsize       size,
                              guint32     seed)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (seed);
  g_autofree guint8 *bytes = g_malloc (size);
  g_autoptr (GError) error = NULL;

  for (gsize i = 0; i < size; i++)
    bytes[i] = (guint8) g_rand_int_range (rand, 0, 256);
  g_file_set_contents (path, (const char *) bytes, (gssize) size, &error);
  g_assert_no_error (error);
}

guint
store_test_file_mode (const char *path)
{
  struct stat st;

  g_assert_cmpint (stat (path, &st), ==, 0);
  return st.st_mode & 0777;
}

void
store_test_start_programme (LoadwiseDatabase *db,
                            const GDate      *start)
{
  g_autoptr (GError) error = NULL;
  const guint levels[LOADWISE_N_FAMILIES] = { 1, 1, 1 };
  LoadwiseProgramme programme;

  loadwise_programme_init (&programme, start);
  loadwise_database_start_programme (db, &programme, levels, &error);
  g_assert_no_error (error);
}

void
store_test_checkin (LoadwiseDatabase *db,
                    const GDate      *date,
                    guint             pain)
{
  g_autoptr (GError) error = NULL;
  LoadwiseCheckin checkin = { *date, pain, pain > 0 ? LOADWISE_SIDE_LEFT : LOADWISE_SIDE_NONE,
                              FALSE };

  g_assert_true (loadwise_database_save_checkin (db, &checkin, &error));
  g_assert_no_error (error);
}

void
store_test_log_session (LoadwiseDatabase        *db,
                        const LoadwiseCatalogue *catalogue,
                        const GDate             *date,
                        guint                    percent,
                        guint                    pain)
{
  g_autoptr (GError) error = NULL;
  LoadwiseProgramme programme;
  LoadwisePrescription prescription;

  g_assert_true (loadwise_database_get_programme (db, &programme, &error));
  g_assert_true (loadwise_database_prescribe (db, catalogue, &programme, date, &prescription,
                                              &error));
  g_assert_no_error (error);
  g_assert_true (prescription.is_session);
  g_assert_true (loadwise_database_log_session (db, &prescription, percent, pain, NULL, &error));
  g_assert_no_error (error);
}
