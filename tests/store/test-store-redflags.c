/* test-store-redflags.c: red-flag screening answers
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "core/loadwise-error.h"
#include "core/loadwise-red-flags.h"

#include "loadwise-test-util.h"
#include "store-test-util.h"

static void
assert_latest (LoadwiseDatabase *db,
               GDate             expected_date,
               guint             expected_mask)
{
  g_autoptr (GError) error = NULL;
  GDate date;
  guint mask = 999;
  gboolean found = FALSE;

  g_assert_true (loadwise_database_get_red_flags (db, &date, &mask, &found, &error));
  g_assert_no_error (error);
  g_assert_true (found);
  g_assert_cmpint (g_date_compare (&date, &expected_date), ==, 0);
  g_assert_cmpuint (mask, ==, expected_mask);
}

static void
test_never_asked (StoreFixture  *fixture,
                  gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  gboolean found = TRUE;

  g_assert_true (loadwise_database_get_red_flags (fixture->db, NULL, NULL, &found, &error));
  g_assert_no_error (error);
  g_assert_false (found);
}

static void
test_latest (StoreFixture  *fixture,
             gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  GDate first = loadwise_test_date (2026, 3, 2);
  GDate later = loadwise_test_date (2026, 3, 9);
  GDate today = loadwise_test_date (2026, 3, 20);

  store_test_set_today (fixture->db, &today);

  g_assert_true (loadwise_database_save_red_flags (fixture->db, &later, 0, &error));
  g_assert_no_error (error);
  /* An earlier screening saved afterwards is not the latest, but its yes
   * answers stand: the no of the 9th was given before them. */
  g_assert_true (loadwise_database_save_red_flags (fixture->db, &first,
                                                   LOADWISE_RED_FLAG_STRESS_FRACTURE
                                                   | LOADWISE_RED_FLAG_NERVE,
                                                   &error));
  g_assert_no_error (error);
  assert_latest (fixture->db, later,
                 LOADWISE_RED_FLAG_STRESS_FRACTURE | LOADWISE_RED_FLAG_NERVE);

  /* Answering again on the same day replaces that day's answers, and its
   * no answers, given after the yes, retract them. */
  g_assert_true (loadwise_database_save_red_flags (fixture->db, &later,
                                                   LOADWISE_RED_FLAG_INFECTION, &error));
  g_assert_no_error (error);
  assert_latest (fixture->db, later, LOADWISE_RED_FLAG_INFECTION);
  g_assert_cmpint (store_test_query_int (loadwise_database_get_handle (fixture->db),
                                         "SELECT count(*) FROM red_flag_screening"),
                   ==, 2);
}

/* Issue 12: a screening misdated in the future hid every later yes. */
static void
test_future_no_hides_nothing (StoreFixture  *fixture,
                              gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  GDate future = loadwise_test_date (2027, 12, 4);
  GDate today = loadwise_test_date (2026, 12, 2);
  LoadwiseRedFlagStatus status;

  store_test_set_today (fixture->db, &today);

  g_assert_true (loadwise_database_save_red_flags (fixture->db, &future, 0, &error));
  g_assert_no_error (error);
  /* Entered within the same second as the no: the order of entry decides. */
  g_assert_true (loadwise_database_save_red_flags (fixture->db, &today,
                                                   LOADWISE_RED_FLAG_STRESS_FRACTURE, &error));
  g_assert_no_error (error);

  g_assert_true (loadwise_database_get_red_flag_status (fixture->db, &status, &error));
  g_assert_no_error (error);
  g_assert_true (status.answered);
  g_assert_cmphex (status.standing_mask, ==, LOADWISE_RED_FLAG_STRESS_FRACTURE);
  g_assert_cmpint (g_date_compare (&status.since[0], &today), ==, 0);
  /* The last screening is today's, not the one of a day to come. */
  assert_latest (fixture->db, today, LOADWISE_RED_FLAG_STRESS_FRACTURE);

  /* A no today, entered after the yes, retracts it. */
  g_assert_true (loadwise_database_save_red_flags (fixture->db, &today, 0, &error));
  g_assert_no_error (error);
  assert_latest (fixture->db, today, 0);
}

static void
test_invalid (StoreFixture  *fixture,
              gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  GDate day = loadwise_test_date (2026, 3, 2);

  store_test_set_today (fixture->db, &day);
  g_assert_true (loadwise_database_save_red_flags (fixture->db, &day, LOADWISE_RED_FLAGS_ALL,
                                                   &error));
  g_assert_no_error (error);
  g_assert_false (loadwise_database_save_red_flags (fixture->db, &day, 32, &error));
  g_assert_error (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT);
  g_assert_cmpstr (error->message, ==, "red flags: 32 is outside 0-31");
  assert_latest (fixture->db, day, LOADWISE_RED_FLAGS_ALL);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/store/redflags/never-asked", StoreFixture, NULL,
              store_fixture_setup, test_never_asked, store_fixture_teardown);
  g_test_add ("/store/redflags/latest", StoreFixture, NULL,
              store_fixture_setup, test_latest, store_fixture_teardown);
  g_test_add ("/store/redflags/future-no-hides-nothing", StoreFixture, NULL,
              store_fixture_setup, test_future_no_hides_nothing, store_fixture_teardown);
  g_test_add ("/store/redflags/invalid", StoreFixture, NULL,
              store_fixture_setup, test_invalid, store_fixture_teardown);

  return g_test_run ();
}
