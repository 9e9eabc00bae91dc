/* test-store-checkins.c: morning check-ins and the baseline drawn from them
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "core/loadwise-error.h"

#include "loadwise-test-util.h"
#include "store-test-util.h"

static void
save (LoadwiseDatabase *db,
      GDate             date,
      guint             pain)
{
  g_autoptr (GError) error = NULL;
  LoadwiseCheckin checkin = { .date = date, .morning_pain = pain,
                              .side = pain > 0 ? LOADWISE_SIDE_RIGHT : LOADWISE_SIDE_NONE };

  g_assert_true (loadwise_database_save_checkin (db, &checkin, &error));
  g_assert_no_error (error);
}

static void
test_save_get_overwrite (StoreFixture  *fixture,
                         gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  GDate day = loadwise_test_date (2026, 3, 4);
  LoadwiseCheckin checkin = { .date = day, .morning_pain = 6, .side = LOADWISE_SIDE_BOTH,
                              .night_pain = TRUE };
  LoadwiseCheckin read = { 0 };
  gboolean found = TRUE;

  g_assert_true (loadwise_database_get_checkin (fixture->db, &day, &read, &found, &error));
  g_assert_no_error (error);
  g_assert_false (found);

  g_assert_true (loadwise_database_save_checkin (fixture->db, &checkin, &error));
  g_assert_no_error (error);
  g_assert_true (loadwise_database_get_checkin (fixture->db, &day, &read, &found, &error));
  g_assert_true (found);
  g_assert_cmpint (g_date_compare (&read.date, &day), ==, 0);
  g_assert_cmpuint (read.morning_pain, ==, 6);
  g_assert_cmpint (read.side, ==, LOADWISE_SIDE_BOTH);
  g_assert_true (read.night_pain);

  /* A second check-in on the same morning replaces the first. */
  checkin.morning_pain = 2;
  checkin.side = LOADWISE_SIDE_LEFT;
  checkin.night_pain = FALSE;
  g_assert_true (loadwise_database_save_checkin (fixture->db, &checkin, &error));
  g_assert_true (loadwise_database_get_checkin (fixture->db, &day, &read, &found, &error));
  g_assert_cmpuint (read.morning_pain, ==, 2);
  g_assert_cmpint (read.side, ==, LOADWISE_SIDE_LEFT);
  g_assert_false (read.night_pain);
  g_assert_cmpint (store_test_query_int (loadwise_database_get_handle (fixture->db),
                                         "SELECT count(*) FROM checkin"),
                   ==, 1);

  /* Out of range: refused, named, and the stored row is unchanged. */
  checkin.morning_pain = 11;
  g_assert_false (loadwise_database_save_checkin (fixture->db, &checkin, &error));
  g_assert_error (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT);
  g_assert_cmpstr (error->message, ==, "morning pain: 11 is outside 0-10");
  g_clear_error (&error);
  g_assert_true (loadwise_database_get_checkin (fixture->db, &day, &read, &found, &error));
  g_assert_cmpuint (read.morning_pain, ==, 2);
}

static void
test_list (StoreFixture  *fixture,
           gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) checkins = NULL;
  GDate from = loadwise_test_date (2026, 3, 2);
  GDate to = loadwise_test_date (2026, 3, 8);

  save (fixture->db, loadwise_test_date (2026, 3, 8), 8);
  save (fixture->db, loadwise_test_date (2026, 3, 1), 1);
  save (fixture->db, loadwise_test_date (2026, 3, 2), 2);
  save (fixture->db, loadwise_test_date (2026, 3, 9), 9);
  save (fixture->db, loadwise_test_date (2026, 3, 5), 5);

  checkins = loadwise_database_list_checkins (fixture->db, &from, &to, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (checkins->len, ==, 3);
  /* By date, both ends included. */
  g_assert_cmpuint (g_array_index (checkins, LoadwiseCheckin, 0).morning_pain, ==, 2);
  g_assert_cmpuint (g_array_index (checkins, LoadwiseCheckin, 1).morning_pain, ==, 5);
  g_assert_cmpuint (g_array_index (checkins, LoadwiseCheckin, 2).morning_pain, ==, 8);
  g_assert_cmpint (g_array_index (checkins, LoadwiseCheckin, 2).side, ==, LOADWISE_SIDE_RIGHT);
  g_clear_pointer (&checkins, g_array_unref);

  checkins = loadwise_database_list_checkins (fixture->db, &to, &from, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (checkins->len, ==, 0);
}

static void
test_baseline (StoreFixture  *fixture,
               gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  GDate start = loadwise_test_date (2026, 3, 9);
  LoadwiseProgramme programme;
  double baseline = -1;
  gboolean found = TRUE;

  store_test_start_programme (fixture->db, &start);
  loadwise_programme_init (&programme, &start);

  g_assert_true (loadwise_database_get_baseline (fixture->db, NULL, &baseline, &found, &error));
  g_assert_no_error (error);
  g_assert_false (found);

  /* Week 1 only: its median. */
  save (fixture->db, loadwise_test_date (2026, 3, 9), 6);
  save (fixture->db, loadwise_test_date (2026, 3, 11), 2);
  save (fixture->db, loadwise_test_date (2026, 3, 15), 4);
  /* After week 1: never counted. */
  save (fixture->db, loadwise_test_date (2026, 3, 16), 10);
  g_assert_true (loadwise_database_get_baseline (fixture->db, &programme, &baseline, &found,
                                                 &error));
  g_assert_no_error (error);
  g_assert_true (found);
  g_assert_cmpfloat (baseline, ==, 4.0);

  /* The 7 days before the start take precedence; the 8th day before does
   * not count. */
  save (fixture->db, loadwise_test_date (2026, 3, 1), 10);
  save (fixture->db, loadwise_test_date (2026, 3, 2), 1);
  save (fixture->db, loadwise_test_date (2026, 3, 5), 3);
  save (fixture->db, loadwise_test_date (2026, 3, 8), 3);
  save (fixture->db, loadwise_test_date (2026, 3, 7), 0);
  g_assert_true (loadwise_database_get_baseline (fixture->db, NULL, &baseline, &found, &error));
  g_assert_no_error (error);
  g_assert_true (found);
  g_assert_cmpfloat (baseline, ==, 2.0);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/store/checkins/save-get-overwrite", StoreFixture, NULL,
              store_fixture_setup, test_save_get_overwrite, store_fixture_teardown);
  g_test_add ("/store/checkins/list", StoreFixture, NULL,
              store_fixture_setup, test_list, store_fixture_teardown);
  g_test_add ("/store/checkins/baseline", StoreFixture, NULL,
              store_fixture_setup, test_baseline, store_fixture_teardown);

  return g_test_run ();
}
