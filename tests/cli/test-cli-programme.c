/* test-cli-programme.c: `programme start`, `status`, --help and --version
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib.h>

#include "cli-test-util.h"

static void
test_start_defaults (CliFixture    *fixture,
                     gconstpointer  data)
{
  g_autoptr (JsonNode) node = NULL;
  JsonObject *status, *programme, *today;

  cli_start_default_programme (fixture);
  g_assert_true (g_file_test (fixture->db_path, G_FILE_TEST_IS_REGULAR));

  node = cli_run_json (fixture, NULL, "status", "--json", NULL);
  status = cli_json_object (node);
  cli_json_assert_members (status, "date", "programme", "phase", "week", "today",
                           "next_session", "baseline", "red_flags", NULL);
  g_assert_cmpstr (cli_json_get_string (status, "date"), ==, "2026-11-23");

  programme = cli_json_get_object (status, "programme");
  cli_json_assert_members (programme, "start", "end", "weeks", "days", "safe_pain", "max_pain", NULL);
  g_assert_cmpstr (cli_json_get_string (programme, "start"), ==, "2026-11-23");
  /* 8 weeks of 7 days: the last day is start + 55. */
  g_assert_cmpstr (cli_json_get_string (programme, "end"), ==, "2027-01-17");
  g_assert_cmpint (cli_json_get_int (programme, "weeks"), ==, 8);
  g_assert_cmpstr (cli_json_get_string (programme, "days"), ==, "mon,wed,fri");
  g_assert_cmpint (cli_json_get_int (programme, "safe_pain"), ==, 3);
  g_assert_cmpint (cli_json_get_int (programme, "max_pain"), ==, 5);

  g_assert_cmpstr (cli_json_get_string (status, "phase"), ==, "programme");
  g_assert_cmpint (cli_json_get_int (status, "week"), ==, 1);

  today = cli_json_get_object (status, "today");
  cli_json_assert_members (today, "kind", "status", "sets_done", "sets_prescribed", NULL);
  g_assert_cmpstr (cli_json_get_string (today, "kind"), ==, "session");
  g_assert_cmpstr (cli_json_get_string (today, "status"), ==, "none");
  g_assert_cmpint (cli_json_get_int (today, "sets_done"), ==, 0);
  /* Level 1: 2 bridges, 2 sit-to-stands, 2 side-step sets (PROGRAMME.md). */
  g_assert_cmpint (cli_json_get_int (today, "sets_prescribed"), ==, 6);

  /* Monday's session is today: the next one is Wednesday. */
  g_assert_cmpstr (cli_json_get_string (status, "next_session"), ==, "2026-11-25");
  g_assert_true (cli_json_is_null (status, "baseline"));
  g_assert_true (cli_json_is_null (status, "red_flags"));
}

static void
test_start_options (CliFixture    *fixture,
                    gconstpointer  data)
{
  g_autoptr (JsonNode) node = NULL;
  g_autoptr (JsonNode) later_node = NULL;
  g_autofree char *out = NULL;
  JsonObject *status, *programme;

  out = cli_run_ok (fixture, NULL, "programme", "start", "--date", "2026-11-24", "--weeks", "6",
                    "--days", "thu,tue", "--safe-pain", "2", "--max-pain", "4", NULL);
  g_assert_cmpstr (out, ==,
                   "Programme started on 2026-11-24: 6 weeks on tue,thu, pain thresholds "
                   "2 (safe) and 4 (maximum); every family starts at level 1.\n");

  node = cli_run_json (fixture, NULL, "status", "--json", NULL);
  status = cli_json_object (node);
  programme = cli_json_get_object (status, "programme");
  g_assert_cmpstr (cli_json_get_string (programme, "start"), ==, "2026-11-24");
  g_assert_cmpstr (cli_json_get_string (programme, "end"), ==, "2027-01-04");
  g_assert_cmpint (cli_json_get_int (programme, "weeks"), ==, 6);
  g_assert_cmpstr (cli_json_get_string (programme, "days"), ==, "tue,thu");
  g_assert_cmpint (cli_json_get_int (programme, "safe_pain"), ==, 2);
  g_assert_cmpint (cli_json_get_int (programme, "max_pain"), ==, 4);

  /* Today is the day before the start. */
  g_assert_cmpstr (cli_json_get_string (status, "phase"), ==, "not-started");
  g_assert_true (cli_json_is_null (status, "week"));
  g_assert_true (cli_json_is_null (status, "today"));
  g_assert_cmpstr (cli_json_get_string (status, "next_session"), ==, "2026-11-24");

  /* Wednesday of week 1 is a rest day on tue,thu. */
  later_node = cli_run_json (fixture, "2026-11-25T12:00:00", "status", "--json", NULL);
  status = cli_json_object (later_node);
  g_assert_cmpint (cli_json_get_int (status, "week"), ==, 1);
  g_assert_cmpstr (cli_json_get_string (cli_json_get_object (status, "today"), "kind"), ==, "rest");
  g_assert_cmpint (cli_json_get_int (cli_json_get_object (status, "today"), "sets_prescribed"), ==, 0);
  g_assert_cmpstr (cli_json_get_string (status, "next_session"), ==, "2026-11-26");
}

static void
test_start_again_keeps_logs (CliFixture    *fixture,
                             gconstpointer  data)
{
  g_autofree char *logged = NULL;
  g_autofree char *again = NULL;
  g_autoptr (JsonNode) node = NULL;
  JsonObject *today;

  cli_start_default_programme (fixture);
  logged = cli_run_ok (fixture, NULL, "log-session", "--completed", "100", "--pain", "1", NULL);
  again = cli_run_ok (fixture, NULL, "programme", "start", "--weeks", "10", NULL);
  g_assert_true (g_str_has_prefix (again, "Programme started on 2026-11-23: 10 weeks on mon,wed,fri"));

  node = cli_run_json (fixture, NULL, "status", "--json", NULL);
  g_assert_cmpint (cli_json_get_int (cli_json_get_object (cli_json_object (node), "programme"), "weeks"), ==, 10);
  today = cli_json_get_object (cli_json_object (node), "today");
  g_assert_cmpstr (cli_json_get_string (today, "status"), ==, "done");
  g_assert_cmpint (cli_json_get_int (today, "sets_done"), ==, 6);
}

static void
test_start_level_zero (CliFixture    *fixture,
                       gconstpointer  data)
{
  static const char * const pains[] = { "6", "7", "5", "8", "7", "6", "7" };
  g_autoptr (JsonNode) status_node = NULL;
  g_autoptr (JsonNode) today_node = NULL;
  g_autofree char *out = NULL;
  JsonArray *exercises;

  /* The 7 days before the start: median 7, over 5, so every family
   * starts at level 0 (PROGRAMME.md, "Schedule"). */
  for (guint i = 0; i < G_N_ELEMENTS (pains); i++)
    {
      g_autofree char *date = g_strdup_printf ("2026-11-%02u", 16 + i);
      g_autofree char *saved = cli_run_ok (fixture, NULL, "checkin", "--date", date,
                                           "--morning-pain", pains[i], NULL);
    }

  out = cli_run_ok (fixture, NULL, "programme", "start", NULL);
  g_assert_cmpstr (out, ==,
                   "Programme started on 2026-11-23: 8 weeks on mon,wed,fri, pain thresholds "
                   "3 (safe) and 5 (maximum); every family starts at level 0.\n");

  status_node = cli_run_json (fixture, NULL, "status", "--json", NULL);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (cli_json_object (status_node), "baseline"),
                                  7.0, 1e-9);

  today_node = cli_run_json (fixture, NULL, "today", "--json", NULL);
  exercises = cli_json_get_array (cli_json_object (today_node), "exercises");
  g_assert_cmpuint (json_array_get_length (exercises), ==, 3);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpint (cli_json_get_int (json_array_get_object_element (exercises, i), "level"), ==, 0);
}

static void
test_no_programme (CliFixture    *fixture,
                   gconstpointer  data)
{
  static const char * const commands[][6] = {
    { "status", NULL },
    { "status", "--json", NULL },
    { "today", NULL },
    { "today", "--json", NULL },
    { "log-session", "--completed", "100", "--pain", "2", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto (CliResult) result = { 0 };

      cli_runv (fixture, NULL, commands[i], &result);
      g_assert_cmpint (result.status, ==, 1);
      g_assert_cmpstr (result.out, ==, "");
      g_assert_cmpstr (result.err, ==,
                       "loadwise-cli: no programme yet; run 'loadwise-cli programme start' first\n");
      /* Nothing was created just to say so. */
      g_assert_false (g_file_test (fixture->db_path, G_FILE_TEST_EXISTS));
    }
}

static void
test_status_text (CliFixture    *fixture,
                  gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *logged = NULL;
  g_autofree char *screened = NULL;

  cli_start_default_programme (fixture);
  logged = cli_run_ok (fixture, NULL, "log-session", "--completed", "50", "--pain", "2", NULL);
  screened = cli_run_ok (fixture, NULL, "redflags", "--date", "2026-11-22", NULL);

  out = cli_run_ok (fixture, NULL, "status", NULL);
  g_assert_cmpstr (out, ==,
                   "Programme: 2026-11-23 to 2027-01-17, 8 weeks on mon,wed,fri; pain thresholds 3 (safe) and 5 (maximum)\n"
                   "Week: 1 of 8\n"
                   "Today, 2026-11-23: session, done, 3 of 6 sets done\n"
                   "Next session: 2026-11-25\n"
                   "Baseline morning pain: none yet (no check-ins)\n"
                   "Red-flag screening: 2026-11-22, no red flags\n");
}

static void
test_status_maintenance (CliFixture    *fixture,
                         gconstpointer  data)
{
  g_autoptr (JsonNode) node = NULL;
  JsonObject *status;

  cli_start_default_programme (fixture);
  /* Wednesday of week 9: after the 8 weeks. */
  node = cli_run_json (fixture, "2027-01-20T09:00:00", "status", "--json", NULL);
  status = cli_json_object (node);
  g_assert_cmpstr (cli_json_get_string (status, "phase"), ==, "maintenance");
  g_assert_cmpint (cli_json_get_int (status, "week"), ==, 9);
}

static void
test_red_flags_in_status (CliFixture    *fixture,
                          gconstpointer  data)
{
  g_autoptr (JsonNode) node = NULL;
  g_autofree char *out = NULL;
  JsonObject *flags;
  JsonArray *yes;

  cli_start_default_programme (fixture);
  out = cli_run_ok (fixture, NULL, "redflags", "--yes", "nerve", "--yes", "infection", NULL);
  g_assert_true (g_str_has_prefix (out, "Red-flag screening of 2026-11-23: yes to infection, nerve.\n"));

  node = cli_run_json (fixture, NULL, "status", "--json", NULL);
  flags = cli_json_get_object (cli_json_object (node), "red_flags");
  g_assert_cmpstr (cli_json_get_string (flags, "date"), ==, "2026-11-23");
  yes = cli_json_get_array (flags, "yes");
  g_assert_cmpuint (json_array_get_length (yes), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (yes, 0), ==, "infection");
  g_assert_cmpstr (json_array_get_string_element (yes, 1), ==, "nerve");
}

static void
test_red_flags_show (CliFixture    *fixture,
                     gconstpointer  data)
{
  g_autofree char *none = NULL;
  g_autofree char *none_json = NULL;
  g_autofree char *saved = NULL;
  g_autoptr (JsonNode) node = NULL;
  JsonObject *shown;

  none = cli_run_ok (fixture, NULL, "redflags", "--show", NULL);
  g_assert_cmpstr (none, ==, "No red-flag screening yet.\n");
  none_json = cli_run_ok (fixture, NULL, "redflags", "--show", "--json", NULL);
  g_assert_cmpstr (none_json, ==, "null\n");

  saved = cli_run_ok (fixture, NULL, "redflags", "--date", "2026-11-20", "--yes", "stress-fracture", NULL);
  node = cli_run_json (fixture, NULL, "redflags", "--show", "--json", NULL);
  shown = cli_json_object (node);
  cli_json_assert_members (shown, "date", "yes", "advice", NULL);
  g_assert_cmpstr (cli_json_get_string (shown, "date"), ==, "2026-11-20");
  g_assert_cmpuint (json_array_get_length (cli_json_get_array (shown, "yes")), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (cli_json_get_array (shown, "yes"), 0), ==, "stress-fracture");
  /* Any yes comes with the advice to see a clinician. */
  g_assert_cmpstr (cli_json_get_string (shown, "advice"), !=, "");
  g_assert_true (g_strrstr (saved, cli_json_get_string (shown, "advice")) != NULL);
}

static void
test_help_and_version (CliFixture    *fixture,
                       gconstpointer  data)
{
  static const char * const commands[] = {
    "programme start", "status", "today", "log-session", "checkin",
    "redflags", "check", "backup", "restore",
  };
  g_autofree char *help = cli_run_ok (fixture, NULL, "--help", NULL);
  g_autofree char *version = cli_run_ok (fixture, NULL, "--version", NULL);

  g_assert_true (g_str_has_prefix (help, "Usage:\n  loadwise-cli [OPTION…] COMMAND [OPTION…]\n"));
  g_assert_nonnull (strstr (help, "--data-dir=DIR"));
  g_assert_nonnull (strstr (help, "LOADWISE_NOW"));
  g_assert_nonnull (strstr (help, "  2  bad usage or bad input; nothing was changed\n"));
  g_assert_cmpstr (version, ==, "loadwise-cli 0.1.0\n");

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto (GStrv) words = g_strsplit (commands[i], " ", -1);
      g_autofree char *usage = g_strdup_printf ("Usage:\n  loadwise-cli %s [OPTION…]", commands[i]);
      g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
      g_auto (GStrv) args = NULL;
      g_auto (CliResult) result = { 0 };

      g_strv_builder_addv (builder, (const char **) words);
      g_strv_builder_add (builder, "--help");
      args = g_strv_builder_end (builder);
      cli_runv (fixture, NULL, (const char * const *) args, &result);
      g_assert_cmpint (result.status, ==, 0);
      g_assert_cmpstr (result.err, ==, "");
      g_assert_true (g_str_has_prefix (result.out, usage));
      g_assert_nonnull (strstr (result.out, "--help"));
    }

  /* --help never touches the data folder. */
  g_assert_false (g_file_test (fixture->data_dir, G_FILE_TEST_EXISTS));
}

static void
test_data_dir_option (CliFixture    *fixture,
                      gconstpointer  data)
{
  g_autofree char *other = g_build_filename (fixture->tmpdir, "other", NULL);
  g_autofree char *other_db = g_build_filename (other, "loadwise.db", NULL);
  g_autofree char *out = cli_run_ok (fixture, NULL, "--data-dir", other, "programme", "start", NULL);

  /* --data-dir wins over LOADWISE_DATA_DIR. */
  g_assert_true (g_file_test (other_db, G_FILE_TEST_IS_REGULAR));
  g_assert_false (g_file_test (fixture->db_path, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, CliFixture, NULL, cli_fixture_setup, func, cli_fixture_teardown)

  ADD ("/cli/programme/start-defaults", test_start_defaults);
  ADD ("/cli/programme/start-options", test_start_options);
  ADD ("/cli/programme/start-again-keeps-logs", test_start_again_keeps_logs);
  ADD ("/cli/programme/start-level-zero", test_start_level_zero);
  ADD ("/cli/programme/no-programme", test_no_programme);
  ADD ("/cli/programme/status-text", test_status_text);
  ADD ("/cli/programme/status-maintenance", test_status_maintenance);
  ADD ("/cli/programme/red-flags-in-status", test_red_flags_in_status);
  ADD ("/cli/programme/red-flags-show", test_red_flags_show);
  ADD ("/cli/programme/help-and-version", test_help_and_version);
  ADD ("/cli/programme/data-dir-option", test_data_dir_option);

  return g_test_run ();
}
