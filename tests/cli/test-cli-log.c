/* test-cli-log.c: `log-session` and `checkin`, checked through the CLI's
 * own output and the rows the store reads back
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib.h>

#include "cli-test-util.h"
#include "loadwise-test-util.h"
#include "store/loadwise-database.h"

static void
assert_sets_done (CliFixture *fixture,
                  const char *date,
                  const char *status,
                  guint       sets_done,
                  int         pain)
{
  g_autoptr (JsonNode) node = cli_run_json (fixture, NULL, "today", "--date", date, "--json", NULL);
  JsonObject *today = cli_json_object (node);
  JsonArray *exercises = cli_json_get_array (today, "exercises");

  g_assert_cmpstr (cli_json_get_string (today, "status"), ==, status);
  g_assert_cmpuint (json_array_get_length (exercises), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      JsonObject *exercise = json_array_get_object_element (exercises, i);

      g_assert_cmpint (cli_json_get_int (exercise, "sets_done"), ==, sets_done);
      if (pain < 0)
        g_assert_true (cli_json_is_null (exercise, "pain"));
      else
        g_assert_cmpint (cli_json_get_int (exercise, "pain"), ==, pain);
    }
}

static LoadwiseDatabase *
open_store (CliFixture *fixture)
{
  g_autoptr (GError) error = NULL;
  LoadwiseDatabase *database = loadwise_database_open (fixture->db_path, &error);

  g_assert_no_error (error);
  return database;
}

static void
test_percentages (CliFixture    *fixture,
                  gconstpointer  data)
{
  g_autofree char *none = NULL;
  g_autofree char *half = NULL;
  g_autofree char *full = NULL;

  cli_start_default_programme (fixture);

  /* Level 1: 2 sets per exercise. 0% logs none, 50% one, 100% both. */
  none = cli_run_ok (fixture, NULL, "log-session", "--completed", "0", "--pain", "0", NULL);
  g_assert_cmpstr (none, ==, "Logged the session of 2026-11-23: 0 of 6 sets done, pain 0.\n");
  half = cli_run_ok (fixture, "2026-11-30T08:00:00", "log-session", "--date", "2026-11-25", "--completed", "50",
                     "--pain", "4", NULL);
  g_assert_cmpstr (half, ==, "Logged the session of 2026-11-25: 3 of 6 sets done, pain 4.\n");
  full = cli_run_ok (fixture, "2026-11-30T08:00:00", "log-session", "--date", "2026-11-27", "--completed", "100",
                     "--pain", "10", NULL);
  g_assert_cmpstr (full, ==, "Logged the session of 2026-11-27: 6 of 6 sets done, pain 10.\n");

  assert_sets_done (fixture, "2026-11-23", "done", 0, 0);
  assert_sets_done (fixture, "2026-11-25", "done", 1, 4);
  assert_sets_done (fixture, "2026-11-27", "done", 2, 10);
  /* A session day nobody logged. */
  assert_sets_done (fixture, "2026-11-30", "none", 0, -1);
}

static void
test_log_again_replaces (CliFixture    *fixture,
                         gconstpointer  data)
{
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  cli_start_default_programme (fixture);
  first = cli_run_ok (fixture, NULL, "log-session", "--completed", "100", "--pain", "2", NULL);
  assert_sets_done (fixture, "2026-11-23", "done", 2, 2);

  second = cli_run_ok (fixture, NULL, "log-session", "--completed", "50", "--pain", "4", NULL);
  assert_sets_done (fixture, "2026-11-23", "done", 1, 4);
}

static void
test_percent_rounding_per_side (CliFixture    *fixture,
                                gconstpointer  data)
{
  g_autofree char *checkin = NULL;
  g_autofree char *started = NULL;
  g_autofree char *out = NULL;
  g_autoptr (JsonNode) node = NULL;
  JsonArray *exercises;

  checkin = cli_run_ok (fixture, NULL, "checkin", "--date", "2026-11-20", "--morning-pain", "9",
                        "--side", "right", NULL);
  started = cli_run_ok (fixture, NULL, "programme", "start", NULL);

  /* Level 0: 10 belt holds, 5 wall presses x 2 sides, 1 side-step set.
   * 50% of 10 is 5; of 1 it is 0.5, rounded down to none (issue 11: a set
   * half done is not done). */
  out = cli_run_ok (fixture, NULL, "log-session", "--completed", "50", "--pain", "1", NULL);
  g_assert_cmpstr (out, ==, "Logged the session of 2026-11-23: 10 of 21 sets done, pain 1.\n");

  node = cli_run_json (fixture, NULL, "today", "--json", NULL);
  exercises = cli_json_get_array (cli_json_object (node), "exercises");
  g_assert_cmpint (cli_json_get_int (json_array_get_object_element (exercises, 0), "sets_done"), ==, 5);
  g_assert_cmpint (cli_json_get_int (json_array_get_object_element (exercises, 1), "sets_done"), ==, 5);
  g_assert_cmpint (cli_json_get_int (json_array_get_object_element (exercises, 2), "sets_done"), ==, 0);
}

static void
test_note (CliFixture    *fixture,
           gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *plain = NULL;
  g_autoptr (LoadwiseDatabase) database = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (LoadwiseSessionRecord) with_note = { { 0 } };
  g_auto (LoadwiseSessionRecord) without_note = { { 0 } };
  GDate monday = loadwise_test_date (2026, 11, 23);
  GDate wednesday = loadwise_test_date (2026, 11, 25);

  cli_start_default_programme (fixture);
  out = cli_run_ok (fixture, NULL, "log-session", "--completed", "100", "--pain", "3",
                    "--note", "Hip tight after a hilly run", NULL);
  plain = cli_run_ok (fixture, "2026-11-30T08:00:00", "log-session", "--date", "2026-11-25", "--completed", "100",
                      "--pain", "3", NULL);

  database = open_store (fixture);
  loadwise_database_get_session (database, &monday, &with_note, &error);
  g_assert_no_error (error);
  g_assert_cmpint (with_note.status, ==, LOADWISE_SESSION_STATUS_DONE);
  g_assert_cmpstr (with_note.note, ==, "Hip tight after a hilly run");

  loadwise_database_get_session (database, &wednesday, &without_note, &error);
  g_assert_no_error (error);
  g_assert_cmpint (without_note.status, ==, LOADWISE_SESSION_STATUS_DONE);
  g_assert_null (without_note.note);
}

static void
assert_checkin (LoadwiseDatabase *database,
                int               day,
                guint             pain,
                LoadwiseSide      side,
                gboolean          night_pain)
{
  g_autoptr (GError) error = NULL;
  GDate date = loadwise_test_date (2026, 11, day);
  LoadwiseCheckin checkin;
  gboolean found = FALSE;

  loadwise_database_get_checkin (database, &date, &checkin, &found, &error);
  g_assert_no_error (error);
  g_assert_true (found);
  g_assert_cmpuint (checkin.morning_pain, ==, pain);
  g_assert_cmpint (checkin.side, ==, side);
  g_assert_cmpint (checkin.night_pain, ==, night_pain);
}

static void
test_checkin_sides (CliFixture    *fixture,
                    gconstpointer  data)
{
  g_autofree char *left = NULL;
  g_autofree char *both = NULL;
  g_autofree char *none = NULL;
  g_autofree char *replaced = NULL;
  g_autoptr (LoadwiseDatabase) database = NULL;

  left = cli_run_ok (fixture, NULL, "checkin", "--date", "2026-11-20", "--morning-pain", "4",
                     "--side", "left", "--night-pain", NULL);
  g_assert_cmpstr (left, ==, "Check-in saved for 2026-11-20: morning pain 4 (left), pain in the night.\n");
  /* Pain and no side: both. */
  both = cli_run_ok (fixture, NULL, "checkin", "--date", "2026-11-21", "--morning-pain", "2", NULL);
  g_assert_cmpstr (both, ==, "Check-in saved for 2026-11-21: morning pain 2 (both).\n");
  /* No pain: no side. */
  none = cli_run_ok (fixture, NULL, "checkin", "--morning-pain", "0", NULL);
  g_assert_cmpstr (none, ==, "Check-in saved for 2026-11-23: no morning pain.\n");
  /* A second check-in for the same morning replaces the first. */
  replaced = cli_run_ok (fixture, NULL, "checkin", "--date", "2026-11-21", "--morning-pain", "3",
                         "--side", "right", NULL);

  database = open_store (fixture);
  assert_checkin (database, 20, 4, LOADWISE_SIDE_LEFT, TRUE);
  assert_checkin (database, 21, 3, LOADWISE_SIDE_RIGHT, FALSE);
  assert_checkin (database, 23, 0, LOADWISE_SIDE_NONE, FALSE);
}

static void
test_checkin_baseline (CliFixture    *fixture,
                       gconstpointer  data)
{
  static const char * const pains[] = { "1", "2", "3", "4", "5", "2", "2" };
  g_autoptr (JsonNode) before = NULL;
  g_autoptr (JsonNode) after = NULL;
  g_autofree char *text = NULL;
  JsonObject *status;

  cli_start_default_programme (fixture);
  before = cli_run_json (fixture, NULL, "status", "--json", NULL);
  g_assert_true (cli_json_is_null (cli_json_object (before), "baseline"));

  /* The 7 days before the start; the median of 1 2 3 4 5 2 2 is 2. */
  for (guint i = 0; i < G_N_ELEMENTS (pains); i++)
    {
      g_autofree char *date = g_strdup_printf ("2026-11-%02u", 16 + i);
      g_autofree char *saved = cli_run_ok (fixture, NULL, "checkin", "--date", date,
                                           "--morning-pain", pains[i], "--side", "left", NULL);
    }

  after = cli_run_json (fixture, NULL, "status", "--json", NULL);
  status = cli_json_object (after);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (status, "baseline"), 2.0, 1e-9);

  text = cli_run_ok (fixture, NULL, "status", NULL);
  g_assert_nonnull (strstr (text, "\nBaseline morning pain: 2.0\n"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, CliFixture, NULL, cli_fixture_setup, func, cli_fixture_teardown)

  ADD ("/cli/log/percentages", test_percentages);
  ADD ("/cli/log/log-again-replaces", test_log_again_replaces);
  ADD ("/cli/log/percent-rounding-per-side", test_percent_rounding_per_side);
  ADD ("/cli/log/note", test_note);
  ADD ("/cli/log/checkin-sides", test_checkin_sides);
  ADD ("/cli/log/checkin-baseline", test_checkin_baseline);

  return g_test_run ();
}
