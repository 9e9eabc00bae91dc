/* test-cli-runs.c: `log-run`, `runs`, `edit-run`, `delete-run`, `shoes`,
 * `habits`, `insights` and `flare`, through the built loadwise-cli
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib.h>

#include "cli-test-util.h"
#include "loadwise-test-util.h"

static char *
runs_json (CliFixture *fixture)
{
  g_auto (CliResult) result = { 0 };

  cli_run (fixture, NULL, &result, "runs", "--json", NULL);
  g_assert_cmpint (result.status, ==, 0);
  return g_steal_pointer (&result.out);
}

static void
test_log_and_list (CliFixture    *fixture,
                   gconstpointer  data)
{
  g_autofree char *shoe = cli_run_ok (fixture, NULL, "shoes", "add", "Pegasus 40", NULL);
  g_autofree char *out = cli_run_ok (fixture, NULL, "log-run", "--date", "2026-11-20", "--distance-km", "8.4",
                                     "--duration", "45:00", "--climb-m", "120", "--descent-m", "310",
                                     "--speed", "--long", "--camber", "left", "--surface", "trail",
                                     "--shoe", "Pegasus 40", "--pain-during", "2", "--pain-after", "4",
                                     "--note", "windy", NULL);
  g_autoptr (JsonNode) node = NULL;
  JsonArray *runs;
  JsonObject *run;

  g_assert_cmpstr (shoe, ==, "Added Pegasus 40.\n");
  g_assert_cmpstr (out, ==, "Run 1 logged: 8.4 km on 2026-11-20.\n");

  node = cli_run_json (fixture, NULL, "runs", "--json", NULL);
  runs = json_node_get_array (node);
  g_assert_cmpuint (json_array_get_length (runs), ==, 1);
  run = json_array_get_object_element (runs, 0);
  cli_json_assert_members (run, "id", "date", "distance_km", "distance_m", "duration_s", "pace_s_per_km", "climb_m",
                           "descent_m", "speed", "long", "long_marked", "camber", "surface", "shoe",
                           "pain_during", "pain_after", "note", "started_at", "track_sha256", NULL);
  g_assert_cmpint (cli_json_get_int (run, "id"), ==, 1);
  g_assert_cmpstr (cli_json_get_string (run, "date"), ==, "2026-11-20");
  g_assert_cmpfloat (json_object_get_double_member (run, "distance_km"), ==, 8.4);
  g_assert_cmpint (cli_json_get_int (run, "distance_m"), ==, 8400);
  g_assert_cmpint (cli_json_get_int (run, "duration_s"), ==, 2700);
  g_assert_cmpint (cli_json_get_int (run, "pace_s_per_km"), ==, 321);
  g_assert_cmpint (cli_json_get_int (run, "climb_m"), ==, 120);
  g_assert_cmpint (cli_json_get_int (run, "descent_m"), ==, 310);
  g_assert_true (cli_json_get_boolean (run, "speed"));
  g_assert_true (cli_json_get_boolean (run, "long"));
  g_assert_true (cli_json_get_boolean (run, "long_marked"));
  g_assert_cmpstr (cli_json_get_string (run, "camber"), ==, "left");
  g_assert_cmpstr (cli_json_get_string (run, "surface"), ==, "trail");
  g_assert_cmpstr (cli_json_get_string (run, "shoe"), ==, "Pegasus 40");
  g_assert_cmpint (cli_json_get_int (run, "pain_during"), ==, 2);
  g_assert_cmpint (cli_json_get_int (run, "pain_after"), ==, 4);
  g_assert_cmpstr (cli_json_get_string (run, "note"), ==, "windy");
  /* Typed in, not from a recorded track (issue 14). */
  g_assert_true (cli_json_is_null (run, "started_at"));
  g_assert_true (cli_json_is_null (run, "track_sha256"));
}

static void
test_defaults_and_range (CliFixture    *fixture,
                         gconstpointer  data)
{
  g_autofree char *a = cli_run_ok (fixture, NULL, "log-run", "--distance-km", "5", "--pain-during", "0", NULL);
  g_autofree char *b = cli_run_ok (fixture, NULL, "log-run", "--date", "2026-11-01", "--distance-km", "6",
                                   "--pain-during", "1", NULL);
  g_autoptr (JsonNode) all = cli_run_json (fixture, NULL, "runs", "--json", NULL);
  g_autoptr (JsonNode) some = cli_run_json (fixture, NULL, "runs", "--from", "2026-11-10", "--json", NULL);
  JsonObject *run;

  /* The date defaults to today (LOADWISE_NOW); oldest first. */
  g_assert_cmpstr (a, ==, "Run 1 logged: 5 km on 2026-11-23.\n");
  g_assert_cmpuint (json_array_get_length (json_node_get_array (all)), ==, 2);
  run = json_array_get_object_element (json_node_get_array (all), 0);
  g_assert_cmpstr (cli_json_get_string (run, "date"), ==, "2026-11-01");
  g_assert_true (cli_json_is_null (run, "duration_s"));
  g_assert_true (cli_json_is_null (run, "pace_s_per_km"));
  g_assert_true (cli_json_is_null (run, "pain_after"));
  g_assert_true (cli_json_is_null (run, "shoe"));
  g_assert_true (cli_json_is_null (run, "note"));
  g_assert_cmpstr (cli_json_get_string (run, "camber"), ==, "none");
  g_assert_cmpstr (cli_json_get_string (run, "surface"), ==, "road");
  g_assert_false (cli_json_get_boolean (run, "speed"));
  g_assert_cmpuint (json_array_get_length (json_node_get_array (some)), ==, 1);
}

typedef struct {
  const char *option;
  const char *value;
  const char *message;
} BadValue;

static const BadValue bad_values[] = {
  { "--date", "2026-02-30", "--date: 2026-02-30 is not a date (use YYYY-MM-DD)" },
  { "--distance-km", "0", "--distance-km: 0 km is outside 0.01-400 km (under 400)" },
  { "--distance-km", "-3", "--distance-km: -3 km is outside 0.01-400 km (under 400)" },
  { "--distance-km", "450", "--distance-km: 450 km is outside 0.01-400 km (under 400)" },
  { "--distance-km", "400", "--distance-km: 400 km is outside 0.01-400 km (under 400)" },
  { "--distance-km", "8,4", "--distance-km: 8,4 is not a distance in km (use a number such as 8.4, from 0.01 to under 400)" },
  { "--duration", "45", "--duration: 45 is not a duration (use MM:SS or H:MM:SS)" },
  { "--duration", "45:61", "--duration: 45:61 is not a duration (use MM:SS or H:MM:SS)" },
  { "--duration", "00:00", NULL },
  { "--climb-m", "-1", NULL },
  { "--climb-m", "10001", "--climb-m: 10001 is outside 0-10000" },
  { "--descent-m", "lots", NULL },
  { "--descent-m", "20000", "--descent-m: 20000 is outside 0-10000" },
  { "--camber", "up", "--camber: up is not one of none, left, right" },
  { "--surface", "sand", "--surface: sand is not one of road, trail, track, treadmill" },
  { "--shoe", "Nimbus", "--shoe: there is no pair called \"Nimbus\" (add it with 'loadwise-cli shoes add')" },
  { "--pain-during", "11", "--pain-during: 11 is outside 0-10" },
  { "--pain-during", "-1", NULL },
  { "--pain-after", "12", "--pain-after: 12 is outside 0-10" },
  { "--pain-after", "x", NULL },
};

/* Each bad value, to log-run and to edit-run: exit 2, the option named,
 * and the runs exactly as before. */
static void
test_bad_values (CliFixture    *fixture,
                 gconstpointer  data)
{
  g_autofree char *logged = cli_run_ok (fixture, NULL, "log-run", "--date", "2026-11-20", "--distance-km", "8",
                                        "--pain-during", "2", NULL);
  g_autofree char *before = runs_json (fixture);

  for (guint i = 0; i < G_N_ELEMENTS (bad_values); i++)
    {
      const BadValue *bad = &bad_values[i];
      const char *log_args[] = { "log-run", "--distance-km", "5", "--pain-during", "1",
                                 bad->option, bad->value, NULL };
      const char *edit_args[] = { "edit-run", "1", bad->option, bad->value, NULL };
      const char *const *variants[] = { log_args, edit_args };

      for (guint v = 0; v < G_N_ELEMENTS (variants); v++)
        {
          g_auto (CliResult) result = { 0 };
          g_autofree char *after = NULL;

          g_test_message ("%s %s %s", variants[v][0], bad->option, bad->value);
          cli_runv (fixture, NULL, variants[v], &result);
          g_assert_cmpint (result.status, ==, 2);
          g_assert_cmpstr (result.out, ==, "");
          g_assert_true (g_str_has_prefix (result.err, "loadwise-cli: "));
          g_assert_nonnull (strstr (result.err, bad->option));
          if (bad->message != NULL)
            {
              g_autofree char *expected = g_strdup_printf ("loadwise-cli: %s\n", bad->message);

              g_assert_cmpstr (result.err, ==, expected);
            }
          after = runs_json (fixture);
          g_assert_cmpstr (after, ==, before);
        }
    }
}

static void
test_required_and_ids (CliFixture    *fixture,
                       gconstpointer  data)
{
  g_auto (CliResult) no_distance = { 0 };
  g_auto (CliResult) no_pain = { 0 };
  g_auto (CliResult) bad_id = { 0 };
  g_auto (CliResult) missing = { 0 };
  g_auto (CliResult) missing_delete = { 0 };

  cli_run (fixture, NULL, &no_distance, "log-run", "--pain-during", "1", NULL);
  g_assert_cmpint (no_distance.status, ==, 2);
  g_assert_cmpstr (no_distance.err, ==, "loadwise-cli: log-run: --distance-km is required (from 0.01 to under 400)\n");
  cli_run (fixture, NULL, &no_pain, "log-run", "--distance-km", "5", NULL);
  g_assert_cmpint (no_pain.status, ==, 2);
  g_assert_cmpstr (no_pain.err, ==, "loadwise-cli: log-run: --pain-during is required (0-10)\n");
  cli_run (fixture, NULL, &bad_id, "edit-run", "one", "--distance-km", "5", NULL);
  g_assert_cmpint (bad_id.status, ==, 2);
  cli_run (fixture, NULL, &missing, "edit-run", "7", "--distance-km", "5", NULL);
  g_assert_cmpint (missing.status, ==, 1);
  g_assert_cmpstr (missing.err, ==, "loadwise-cli: There is no run with id 7\n");
  cli_run (fixture, NULL, &missing_delete, "delete-run", "7", NULL);
  g_assert_cmpint (missing_delete.status, ==, 1);
}

static void
test_edit_and_delete (CliFixture    *fixture,
                      gconstpointer  data)
{
  g_autofree char *a = cli_run_ok (fixture, NULL, "log-run", "--date", "2026-11-20", "--distance-km", "8",
                                   "--speed", "--pain-during", "2", "--pain-after", "3", NULL);
  g_autofree char *edited = cli_run_ok (fixture, NULL, "edit-run", "1", "--distance-km", "9.5", "--no-speed",
                                        "--no-pain-after", "--surface", "track", NULL);
  g_autofree char *deleted = NULL;
  g_autoptr (JsonNode) node = cli_run_json (fixture, NULL, "runs", "--json", NULL);
  g_autoptr (JsonNode) empty = NULL;
  JsonObject *run = json_array_get_object_element (json_node_get_array (node), 0);

  g_assert_cmpstr (edited, ==, "Run 1 changed.\n");
  g_assert_cmpfloat (json_object_get_double_member (run, "distance_km"), ==, 9.5);
  g_assert_false (cli_json_get_boolean (run, "speed"));
  g_assert_true (cli_json_is_null (run, "pain_after"));
  g_assert_cmpstr (cli_json_get_string (run, "surface"), ==, "track");
  /* Untouched fields stay. */
  g_assert_cmpstr (cli_json_get_string (run, "date"), ==, "2026-11-20");
  g_assert_cmpint (cli_json_get_int (run, "pain_during"), ==, 2);

  deleted = cli_run_ok (fixture, NULL, "delete-run", "1", NULL);
  g_assert_cmpstr (deleted, ==, "Run 1 deleted.\n");
  empty = cli_run_json (fixture, NULL, "runs", "--json", NULL);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (empty)), ==, 0);
}

static void
test_shoes (CliFixture    *fixture,
            gconstpointer  data)
{
  g_autofree char *a = cli_run_ok (fixture, NULL, "shoes", "add", "Clifton", NULL);
  g_autofree char *b = cli_run_ok (fixture, NULL, "shoes", "add", "Pegasus", NULL);
  g_autofree char *r1 = cli_run_ok (fixture, NULL, "log-run", "--distance-km", "10.5", "--shoe", "Clifton",
                                    "--pain-during", "1", NULL);
  g_autofree char *r2 = cli_run_ok (fixture, NULL, "log-run", "--distance-km", "4", "--shoe", "Clifton",
                                    "--pain-during", "1", NULL);
  g_autofree char *retired = cli_run_ok (fixture, NULL, "shoes", "retire", "Clifton", NULL);
  g_autofree char *text = cli_run_ok (fixture, NULL, "shoes", NULL);
  g_autoptr (JsonNode) node = cli_run_json (fixture, NULL, "shoes", "--json", NULL);
  g_auto (CliResult) twice = { 0 };
  JsonArray *shoes = json_node_get_array (node);
  JsonObject *shoe;

  g_assert_cmpstr (retired, ==, "Retired Clifton.\n");
  g_assert_cmpstr (text, ==, "Pegasus: 0 km in 0 runs\nClifton: 14.5 km in 2 runs (retired)\n");
  g_assert_cmpuint (json_array_get_length (shoes), ==, 2);
  shoe = json_array_get_object_element (shoes, 1);
  cli_json_assert_members (shoe, "name", "retired", "distance_km", "distance_m", "runs", NULL);
  g_assert_cmpint (cli_json_get_int (shoe, "distance_m"), ==, 14500);
  g_assert_cmpstr (cli_json_get_string (shoe, "name"), ==, "Clifton");
  g_assert_true (cli_json_get_boolean (shoe, "retired"));
  g_assert_cmpfloat (json_object_get_double_member (shoe, "distance_km"), ==, 14.5);
  g_assert_cmpint (cli_json_get_int (shoe, "runs"), ==, 2);

  cli_run (fixture, NULL, &twice, "shoes", "add", "Pegasus", NULL);
  g_assert_cmpint (twice.status, ==, 2);
  g_assert_cmpstr (twice.err, ==, "loadwise-cli: shoe: a pair called \"Pegasus\" is already listed\n");
}

/* Descent goes with worse mornings in a constructed history. */
static void
test_insights (CliFixture    *fixture,
               gconstpointer  data)
{
  g_autoptr (JsonNode) empty = cli_run_json (fixture, NULL, "insights", "--json", NULL);
  g_autoptr (JsonNode) node = NULL;
  JsonArray *insights;
  gboolean comparison = FALSE;
  gboolean correlation = FALSE;

  g_assert_cmpuint (json_array_get_length (json_node_get_array (empty)), ==, 0);
  for (guint i = 0; i < 8; i++)
    {
      g_autofree char *date = g_strdup_printf ("2026-11-%02u", 1 + i * 2);
      g_autofree char *morning = g_strdup_printf ("2026-11-%02u", 2 + i * 2);
      g_autofree char *a = cli_run_ok (fixture, NULL, "log-run", "--date", date, "--distance-km", "8",
                                       "--descent-m", i % 2 ? "400" : "20", "--pain-during", "2", NULL);
      g_autofree char *b = cli_run_ok (fixture, NULL, "checkin", "--date", morning, "--morning-pain",
                                       i % 2 ? "5" : "2", NULL);
    }
  node = cli_run_json (fixture, NULL, "insights", "--json", NULL);
  insights = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (insights); i++)
    {
      JsonObject *insight = json_array_get_object_element (insights, i);

      if (g_str_equal (cli_json_get_string (insight, "factor"), "descent"))
        {
          comparison = TRUE;
          cli_json_assert_members (insight, "factor", "lag", "kind", "n_with", "n_without", "mean_with",
                                   "mean_without", "difference", "text", NULL);
          g_assert_cmpstr (cli_json_get_string (insight, "lag"), ==, "next-morning");
          g_assert_cmpstr (cli_json_get_string (insight, "kind"), ==, "comparison");
          g_assert_cmpint (cli_json_get_int (insight, "n_with"), ==, 4);
          g_assert_cmpint (cli_json_get_int (insight, "n_without"), ==, 4);
          g_assert_cmpfloat (json_object_get_double_member (insight, "mean_with"), ==, 5.0);
          g_assert_cmpfloat (json_object_get_double_member (insight, "mean_without"), ==, 2.0);
          g_assert_cmpfloat (json_object_get_double_member (insight, "difference"), ==, 3.0);
          g_assert_null (strstr (cli_json_get_string (insight, "text"), "proof"));
        }
      if (g_str_equal (cli_json_get_string (insight, "factor"), "descent-m"))
        {
          correlation = TRUE;
          cli_json_assert_members (insight, "factor", "lag", "kind", "rho", "n", "text", NULL);
          g_assert_cmpstr (cli_json_get_string (insight, "kind"), ==, "correlation");
          g_assert_cmpint (cli_json_get_int (insight, "n"), ==, 8);
          g_assert_cmpfloat (json_object_get_double_member (insight, "rho"), >, 0.8);
        }
    }
  g_assert_true (comparison);
  g_assert_true (correlation);

  /* In words: the caution once, above the findings, not in each. */
  {
    g_autofree char *text = cli_run_ok (fixture, NULL, "insights", NULL);
    g_auto (GStrv) parts = g_strsplit (text, "not proof of a cause", -1);

    g_assert_cmpuint (g_strv_length (parts), ==, 2);
    g_assert_true (g_str_has_prefix (text, "What has gone with your pain so far"));
  }
}

static void
test_flare (CliFixture    *fixture,
            gconstpointer  data)
{
  g_autoptr (JsonNode) none = NULL;
  g_autoptr (JsonNode) suggested = NULL;
  g_autoptr (JsonNode) active = NULL;
  g_autofree char *started = NULL;
  g_autofree char *ended = NULL;
  g_auto (CliResult) end_again = { 0 };
  JsonObject *object;

  none = cli_run_json (fixture, NULL, "flare", "status", "--json", NULL);
  object = cli_json_object (none);
  cli_json_assert_members (object, "state", "since", "max_run_km", "advice", "reason", NULL);
  g_assert_cmpstr (cli_json_get_string (object, "state"), ==, "none");
  g_assert_true (cli_json_is_null (object, "since"));

  for (guint day = 2; day <= 20; day += 2)
    {
      g_autofree char *date = g_strdup_printf ("2026-11-%02u", day);
      g_autofree char *out = cli_run_ok (fixture, NULL, "log-run", "--date", date, "--distance-km", "10",
                                         "--pain-during", "1", NULL);
    }
  /* Pain during above the maximum (5) the day before today. */
  {
    g_autofree char *out = cli_run_ok (fixture, NULL, "log-run", "--date", "2026-11-22", "--distance-km", "6",
                                       "--pain-during", "7", NULL);
  }
  suggested = cli_run_json (fixture, NULL, "flare", "status", "--json", NULL);
  object = cli_json_object (suggested);
  g_assert_cmpstr (cli_json_get_string (object, "state"), ==, "suggested");
  g_assert_cmpstr (cli_json_get_string (object, "since"), ==, "2026-11-22");
  g_assert_cmpstr (cli_json_get_string (object, "reason"), ==, "A run hurt 7 out of 10, above your maximum of 5.");

  started = cli_run_ok (fixture, NULL, "flare", "start", NULL);
  g_assert_true (g_str_has_prefix (started, "Flare mode since 2026-11-23"));
  active = cli_run_json (fixture, NULL, "flare", "status", "--json", NULL);
  object = cli_json_object (active);
  g_assert_cmpstr (cli_json_get_string (object, "state"), ==, "active");
  g_assert_cmpstr (cli_json_get_string (object, "since"), ==, "2026-11-23");
  /* Median of the 4 weeks before: 10 km -> 6 km. */
  g_assert_cmpfloat (json_object_get_double_member (object, "max_run_km"), ==, 6.0);
  g_assert_cmpstr (cli_json_get_string (object, "advice"), ==,
                   "Keep runs to about 6 km, 60% of your usual 10 km; flat and easy, no long run, hills, "
                   "downhills or speed work until 7 December 2026, and avoid cambered roads.");

  /* Issue 12: an end before the start, or ahead of today, is refused and
   * the flare stays on. */
  {
    g_auto (CliResult) early = { 0 };
    g_auto (CliResult) ahead = { 0 };
    g_autoptr (JsonNode) still = NULL;

    cli_run (fixture, NULL, &early, "flare", "end", "--date", "2026-11-22", NULL);
    g_assert_cmpint (early.status, ==, 2);
    g_assert_cmpstr (early.err, ==,
                     "loadwise-cli: --date: 2026-11-22 is before the flare started on 2026-11-23\n");
    cli_run (fixture, NULL, &ahead, "flare", "end", "--date", "2026-11-30", NULL);
    g_assert_cmpint (ahead.status, ==, 2);
    g_assert_cmpstr (ahead.err, ==,
                     "loadwise-cli: --date: 2026-11-30 is in the future (today is 2026-11-23)\n");
    still = cli_run_json (fixture, NULL, "flare", "status", "--json", NULL);
    g_assert_cmpstr (cli_json_get_string (cli_json_object (still), "state"), ==, "active");
  }

  ended = cli_run_ok (fixture, NULL, "flare", "end", NULL);
  g_assert_true (g_str_has_prefix (ended, "Flare mode ended."));
  cli_run (fixture, NULL, &end_again, "flare", "end", NULL);
  g_assert_cmpint (end_again.status, ==, 2);
  g_assert_cmpstr (end_again.err, ==, "loadwise-cli: flare: none is on\n");
}

static void
test_guard_note (CliFixture    *fixture,
                 gconstpointer  data)
{
  g_autofree char *a = cli_run_ok (fixture, NULL, "log-run", "--date", "2026-11-10", "--distance-km", "10",
                                   "--pain-during", "1", NULL);
  g_autofree char *same = cli_run_ok (fixture, NULL, "log-run", "--date", "2026-11-12", "--distance-km", "11",
                                      "--pain-during", "1", NULL);
  g_autofree char *spike = cli_run_ok (fixture, NULL, "log-run", "--date", "2026-11-14", "--distance-km", "13",
                                       "--pain-during", "1", NULL);

  /* 11 km is exactly 10% longer: no note. */
  g_assert_cmpstr (same, ==, "Run 2 logged: 11 km on 2026-11-12.\n");
  g_assert_true (g_str_has_prefix (spike, "Run 3 logged: 13 km on 2026-11-14.\n\nThis 13 km run is 18% longer"));
  /* The note is the runner's; its source is in the help and the report. */
  g_assert_null (strstr (spike, "Frandsen"));
}

/* The table is the import's (loadwise-cli-table.c), padded by display
 * width: each row's factors start under their heading, and the camber
 * reads as words (issue 13). */
static void
test_table (CliFixture    *fixture,
            gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_auto (GStrv) lines = NULL;
  const char *factors;
  guint factors_column;

  g_free (cli_run_ok (fixture, NULL, "log-run", "--date", "2026-11-20", "--distance-km", "8.4",
                      "--camber", "right", "--pain-during", "2", "--pain-after", "4", NULL));
  g_free (cli_run_ok (fixture, NULL, "log-run", "--date", "2026-11-21", "--distance-km", "12",
                      "--duration", "1:05:00", "--pain-during", "1", NULL));
  out = cli_run_ok (fixture, NULL, "runs", NULL);
  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  factors = strstr (lines[0], "Factors");
  g_assert_nonnull (factors);
  factors_column = cli_display_columns (lines[0], factors - lines[0]);
  for (guint i = 1; i <= 2; i++)
    g_assert_cmpuint (cli_display_columns (lines[i], strstr (lines[i], "road") - lines[i]), ==,
                      factors_column);
  g_assert_true (g_str_has_suffix (lines[1], "road, camber: right side lower"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, CliFixture, NULL, cli_fixture_setup, func, cli_fixture_teardown)
  ADD ("/cli/runs/log-and-list", test_log_and_list);
  ADD ("/cli/runs/table", test_table);
  ADD ("/cli/runs/defaults-and-range", test_defaults_and_range);
  ADD ("/cli/runs/bad-values", test_bad_values);
  ADD ("/cli/runs/required-and-ids", test_required_and_ids);
  ADD ("/cli/runs/edit-and-delete", test_edit_and_delete);
  ADD ("/cli/runs/shoes", test_shoes);
  ADD ("/cli/runs/insights", test_insights);
  ADD ("/cli/runs/flare", test_flare);
  ADD ("/cli/runs/guard-note", test_guard_note);
#undef ADD

  return g_test_run ();
}
