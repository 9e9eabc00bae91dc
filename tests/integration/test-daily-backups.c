/* test-daily-backups.c: the CLI's rolling daily backup and `backups`
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>

#include "cli-test-util.h"
#include "loadwise-test-util.h"
#include "store-test-util.h"

static guint
count_backups (CliFixture *fixture)
{
  g_autofree char *dir_path = g_build_filename (fixture->data_dir, "backups", NULL);
  g_autoptr (GDir) dir = g_dir_open (dir_path, 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static void
test_once_a_day_on_write (CliFixture    *fixture,
                          gconstpointer  data)
{
  g_autofree char *first = g_build_filename (fixture->data_dir, "backups", "loadwise-daily-20261123.db", NULL);
  g_autofree char *second = g_build_filename (fixture->data_dir, "backups", "loadwise-daily-20261124.db", NULL);
  g_autofree char *out = NULL;
  g_autofree char *empty = NULL;
  g_autofree char *expected_empty = g_strdup_printf ("No backups in %s yet.\n", fixture->data_dir);
  g_autofree char *status = NULL;
  g_autofree char *checkin = NULL;
  g_autofree char *listing = NULL;
  g_autoptr (JsonNode) json = NULL;
  JsonArray *array;
  JsonObject *newest;

  empty = cli_run_ok (fixture, NULL, "backups", NULL);
  g_assert_cmpstr (empty, ==, expected_empty);

  /* The first write of the day leaves the day's copy. */
  cli_start_default_programme (fixture);
  g_assert_true (g_file_test (first, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (count_backups (fixture), ==, 1);

  /* The same day, another write: no second copy. */
  checkin = cli_run_ok (fixture, NULL, "checkin", "--morning-pain", "2", "--side", "left", NULL);
  g_assert_cmpuint (count_backups (fixture), ==, 1);

  /* Reading, the next day, takes none: status stays read-only. */
  status = cli_run_ok (fixture, "2026-11-24T08:00:00", "status", NULL);
  g_assert_false (g_file_test (second, G_FILE_TEST_EXISTS));

  /* Writing, the next day, does. */
  out = cli_run_ok (fixture, "2026-11-24T08:00:00", "checkin", "--morning-pain", "1", "--side", "left", NULL);
  g_assert_true (g_file_test (second, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (count_backups (fixture), ==, 2);

  /* The first copy has the programme but not the later check-ins (read
   * through a read-only connection: a backup is never changed). */
  g_assert_cmpint (store_test_file_query_int (first, "SELECT count(*) FROM programme"), ==, 1);
  g_assert_cmpint (store_test_file_query_int (first, "SELECT count(*) FROM checkin"), ==, 0);
  /* Taken after the day's first write: both days' check-ins. */
  g_assert_cmpint (store_test_file_query_int (second, "SELECT count(*) FROM checkin"), ==, 2);

  /* `backups` lists them newest first, with their sizes. */
  listing = cli_run_ok (fixture, NULL, "backups", NULL);
  g_assert_nonnull (strstr (listing, second));
  g_assert_true (strstr (listing, second) < strstr (listing, first));
  json = cli_run_json (fixture, NULL, "backups", "--json", NULL);
  array = json_node_get_array (json);
  g_assert_cmpuint (json_array_get_length (array), ==, 2);
  newest = json_array_get_object_element (array, 0);
  cli_json_assert_members (newest, "path", "modified", "size", "kind", NULL);
  g_assert_cmpstr (cli_json_get_string (newest, "path"), ==, second);
  g_assert_cmpstr (cli_json_get_string (newest, "kind"), ==, "daily");
  g_assert_cmpint (cli_json_get_int (newest, "size"), >, 0);

  /* And one restores. */
  {
    g_autofree char *restored = cli_run_ok (fixture, NULL, "restore", first, NULL);

    g_assert_true (g_str_has_prefix (restored, "Restored from "));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/integration/daily-backups/once-a-day-on-write", CliFixture, NULL,
              cli_fixture_setup, test_once_a_day_on_write, cli_fixture_teardown);

  return g_test_run ();
}
