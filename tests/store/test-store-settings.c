/* test-store-settings.c: settings kept with the runner's data
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "core/loadwise-error.h"

#include "loadwise-test-util.h"
#include "store-test-util.h"

static void
test_settings (StoreFixture  *fixture,
               gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *value = NULL;

  value = loadwise_database_get_setting (fixture->db, "reminder.session-time", &error);
  g_assert_no_error (error);
  g_assert_null (value);

  g_assert_true (loadwise_database_set_setting (fixture->db, "reminder.session-time", "18:30",
                                                &error));
  g_assert_no_error (error);
  g_assert_true (loadwise_database_set_setting (fixture->db, "reminder.session-time", "07:15",
                                                &error));
  g_assert_no_error (error);
  value = loadwise_database_get_setting (fixture->db, "reminder.session-time", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (value, ==, "07:15");
  g_clear_pointer (&value, g_free);

  /* Kept in the file, so another connection (the reminder service) sees it. */
  g_clear_object (&fixture->db);
  fixture->db = loadwise_database_open (fixture->path, &error);
  g_assert_no_error (error);
  value = loadwise_database_get_setting (fixture->db, "reminder.session-time", &error);
  g_assert_cmpstr (value, ==, "07:15");
  g_clear_pointer (&value, g_free);

  g_assert_true (loadwise_database_set_setting (fixture->db, "reminder.session-time", NULL,
                                                &error));
  g_assert_no_error (error);
  value = loadwise_database_get_setting (fixture->db, "reminder.session-time", &error);
  g_assert_no_error (error);
  g_assert_null (value);
}

static void
test_bad_keys (StoreFixture  *fixture,
               gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  const char *const bad[] = { "", "Upper", "with space", "semi;colon" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_assert_false (loadwise_database_set_setting (fixture->db, bad[i], "x", &error));
      g_assert_error (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT);
      g_clear_error (&error);
      g_assert_null (loadwise_database_get_setting (fixture->db, bad[i], &error));
      g_assert_error (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT);
      g_clear_error (&error);
    }

  g_assert_false (loadwise_database_set_setting (fixture->db, "ok", "\xc3\x28", &error));
  g_assert_error (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT);
  g_assert_cmpint (store_test_query_int (loadwise_database_get_handle (fixture->db),
                                         "SELECT count(*) FROM setting"),
                   ==, 0);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/store/settings/round-trip", StoreFixture, NULL,
              store_fixture_setup, test_settings, store_fixture_teardown);
  g_test_add ("/store/settings/bad-keys", StoreFixture, NULL,
              store_fixture_setup, test_bad_keys, store_fixture_teardown);

  return g_test_run ();
}
