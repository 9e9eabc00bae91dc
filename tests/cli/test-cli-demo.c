/* test-cli-demo.c: `demo` fills only an empty database, the same seed gives
 * the same history, and the history looks like a runner's
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "cli-test-util.h"
#include "loadwise-test-util.h"

/* The backup without its exported_at line, to compare two of them. */
static char *
export_json (CliFixture *fixture)
{
  g_autofree char *path = g_build_filename (fixture->tmpdir, "export.json", NULL);
  g_autofree char *contents = NULL;
  g_auto (GStrv) lines = NULL;
  GString *kept = g_string_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *out = NULL;

  g_remove (path);
  out = cli_run_ok (fixture, NULL, "export", "--format", "json", "--output", path, NULL);
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (strstr (lines[i], "\"exported_at\"") == NULL)
      g_string_append_printf (kept, "%s\n", lines[i]);
  return g_string_free (kept, FALSE);
}

static gint64
count (CliFixture *fixture,
       const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_open_v2 (fixture->db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

/* Every row of @sql's result, one line each, columns separated by '|'. */
static char *
dump (CliFixture *fixture,
      const char *sql)
{
  GString *text = g_string_new (NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (fixture->db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        g_string_append_printf (text, "%s%s", i > 0 ? "|" : "",
                                sqlite3_column_type (stmt, i) == SQLITE_NULL
                                ? "NULL" : (const char *) sqlite3_column_text (stmt, i));
      g_string_append_c (text, '\n');
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return g_string_free (text, FALSE);
}

static void
execute (CliFixture *fixture,
         const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (fixture->db_path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
test_refuses_non_empty (CliFixture    *fixture,
                        gconstpointer  data)
{
  g_auto (CliResult) result = { 0 };
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len = 0, after_len = 0;

  cli_start_default_programme (fixture);
  g_file_get_contents (fixture->db_path, &before, &before_len, NULL);

  cli_run (fixture, NULL, &result, "demo", "--years", "1", NULL);
  g_assert_cmpint (result.status, ==, 2);
  g_assert_cmpstr (result.err, ==,
                   "loadwise-cli: The database already holds data: demo data goes only into an "
                   "empty one (use another --data-dir); nothing was changed\n");
  g_file_get_contents (fixture->db_path, &after, &after_len, NULL);
  g_assert_cmpmem (before, before_len, after, after_len);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM session"), ==, 0);
}

static void
test_bad_options (CliFixture    *fixture,
                  gconstpointer  data)
{
  g_auto (CliResult) years = { 0 };
  g_auto (CliResult) seed = { 0 };

  cli_run (fixture, NULL, &years, "demo", "--years", "21", NULL);
  g_assert_cmpint (years.status, ==, 2);
  g_assert_cmpstr (years.err, ==, "loadwise-cli: --years: 21 is outside 1-20\n");
  cli_run (fixture, NULL, &seed, "demo", "--seed", "x", NULL);
  g_assert_cmpint (seed.status, ==, 2);
  g_assert_false (g_file_test (fixture->db_path, G_FILE_TEST_EXISTS)
                  && count (fixture, "SELECT count(*) FROM checkin") > 0);
}

static void
test_same_seed_same_history (CliFixture    *fixture,
                             gconstpointer  data)
{
  CliFixture other = { 0 };
  CliFixture third = { 0 };
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *different = NULL;

  cli_fixture_setup (&other, NULL);
  cli_fixture_setup (&third, NULL);

  g_free (cli_run_ok (fixture, NULL, "demo", "--years", "1", "--seed", "42", NULL));
  g_free (cli_run_ok (&other, NULL, "demo", "--years", "1", "--seed", "42", NULL));
  g_free (cli_run_ok (&third, NULL, "demo", "--years", "1", "--seed", "43", NULL));

  first = export_json (fixture);
  second = export_json (&other);
  different = export_json (&third);
  g_assert_cmpstr (first, ==, second);
  g_assert_cmpstr (first, !=, different);

  cli_fixture_teardown (&other, NULL);
  cli_fixture_teardown (&third, NULL);
}

static void
test_plausible_history (CliFixture    *fixture,
                        gconstpointer  data)
{
  g_autofree char *out = cli_run_ok (fixture, NULL, "demo", "--years", "1", "--seed", "5", NULL);
  gint64 sessions = count (fixture, "SELECT count(*) FROM session");
  gint64 done = count (fixture, "SELECT count(*) FROM session WHERE status = 'done'");
  gint64 skipped = count (fixture, "SELECT count(*) FROM session WHERE status = 'skipped'"
                                   " AND skip_reason IS NOT NULL");
  gint64 checkins = count (fixture, "SELECT count(*) FROM checkin");
  gint64 runs = count (fixture, "SELECT count(*) FROM run");
  gint64 weeks = count (fixture, "SELECT (julianday (max (date)) - julianday (min (date))) / 7 FROM run");

  g_assert_true (g_str_has_prefix (out, "Demo data: 1 year of history (seed 5)"));
  /* 2-3 sessions a week for a year, mostly done, a few skipped. */
  g_assert_cmpint (sessions, >=, 90);
  g_assert_cmpint (sessions, <=, 160);
  g_assert_cmpint (done, >, sessions * 3 / 4);
  g_assert_cmpint (skipped, >, 0);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM set_log WHERE done = 0"), >, 0);
  g_assert_cmpint (count (fixture, "SELECT count(DISTINCT date) FROM exercise_pain"), ==, done);
  /* A check-in most mornings, nothing logged today (2026-11-23). */
  g_assert_cmpint (checkins, >=, 300);
  g_assert_cmpint (checkins, <=, 365);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM checkin WHERE date >= '2026-11-23'"), ==, 0);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM checkin WHERE night_pain = 1"), >, 0);
  /* 3-4 runs a week, with hills, camber, long runs, 2-4 pairs of shoes. */
  g_assert_cmpint (runs, >=, 3 * weeks);
  g_assert_cmpint (runs, <=, 4 * weeks + 4);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM run WHERE descent_m > 200"), >, 0);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM run WHERE camber <> 'none'"), >, 0);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM run WHERE long_run = 1"), >, 0);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM shoe"), >=, 2);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM shoe"), <=, 4);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM red_flag_screening WHERE yes_mask <> 0"), ==, 0);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM red_flag_screening"), >, 0);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM programme"), ==, 1);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM week_plan WHERE week = 1"), ==, 3);
  /* Descents genuinely go with the next morning's pain. */
  g_assert_cmpint (count (fixture,
                          "SELECT (SELECT avg (c.morning_pain) FROM run r JOIN checkin c"
                          "         ON c.date = date (r.date, '+1 day') WHERE r.descent_m > 300)"
                          "     > (SELECT avg (c.morning_pain) FROM run r JOIN checkin c"
                          "         ON c.date = date (r.date, '+1 day') WHERE r.descent_m < 100"
                          "         AND r.camber = 'none')"), ==, 1);

  /* ...strongly enough that the insights find them. */
  {
    g_autofree char *insights = cli_run_ok (fixture, NULL, "insights", NULL);

    g_assert_nonnull (strstr (insights, "Next-morning pain averaged"));
    g_assert_nonnull (strstr (insights, "after runs on cambered roads"));
    g_assert_nonnull (strstr (insights, "of descent"));
  }
}

/* The current programme's weeks carry the real weekly decision
 * (loadwise_progression_decide(), PROGRAMME.md): what `plan --week N`
 * shows moves the levels as the rule says, with the engine's reasons, and
 * is exactly what the store's own closing of those weeks stores. */
static void
test_real_weekly_decisions (CliFixture    *fixture,
                            gconstpointer  data)
{
  static const char *const labels[] = { "Bridge: ", "Single-leg: ", "Lateral: " };
  static const char *const plan_sql =
    "SELECT week, family, level, target_reps, target_hold_s, decision, reason"
    " FROM week_plan ORDER BY week, family";
  static const char *const review_sql =
    "SELECT week, sets_done, sets_counted, adherence, round (mean_morning_pain, 6),"
    " see_clinician, clinician_reason, safe_pain, max_pain, training_days, inputs, revised_at"
    " FROM week_review ORDER BY week";
  g_autofree char *demo_plans = NULL;
  g_autofree char *demo_reviews = NULL;
  g_autofree char *closed_plans = NULL;
  g_autofree char *closed_reviews = NULL;
  gint64 last_week, previous[3] = { 0 };
  guint n_progress = 0, n_decisions = 0;

  g_free (cli_run_ok (fixture, NULL, "demo", "--years", "1", "--seed", "3", NULL));
  demo_plans = dump (fixture, plan_sql);
  demo_reviews = dump (fixture, review_sql);
  last_week = count (fixture, "SELECT max (week) FROM week_plan");

  /* Today (2026-11-23) is past the programme's 8 weeks: every week up to
   * this one was decided, and each closed week has its review. */
  g_assert_cmpint (last_week, >, 8);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM week_plan"), ==, 3 * last_week);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM week_review"), ==, last_week - 1);

  for (gint64 week = 1; week <= last_week; week++)
    {
      g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, week);
      g_autoptr (JsonNode) root = cli_run_json (fixture, NULL, "plan", "--week", text, "--json", NULL);
      JsonArray *families = cli_json_get_array (cli_json_object (root), "families");

      g_assert_cmpuint (json_array_get_length (families), ==, 3);
      for (guint f = 0; f < 3; f++)
        {
          JsonObject *family = json_array_get_object_element (families, f);
          const char *decision = cli_json_get_string (family, "decision");
          const char *reason = cli_json_get_string (family, "reason");
          gint64 level = cli_json_get_int (family, "level");

          if (week == 1)
            {
              g_assert_cmpstr (decision, ==, "start");
              previous[f] = level;
              continue;
            }

          /* The engine's reasons name the family first. */
          g_assert_true (g_str_has_prefix (reason, labels[f]));
          g_assert_null (strstr (reason, "revised"));
          n_decisions++;
          if (g_strcmp0 (decision, "progress") == 0)
            {
              /* One level up, or at the top the target climbs instead. */
              if (previous[f] < 4)
                g_assert_cmpint (level, ==, previous[f] + 1);
              else
                g_assert_cmpint (level, ==, 4);
              g_assert_cmpint (week, <=, 8);
              n_progress++;
            }
          else if (g_strcmp0 (decision, "regress") == 0)
            g_assert_cmpint (level, ==, MAX (previous[f] - 1, 0));
          else if (g_strcmp0 (decision, "hold") == 0)
            {
              g_assert_cmpint (level, ==, previous[f]);
              g_assert_cmpint (week, <=, 8);
            }
          else
            {
              /* From the close of week 8 on: maintenance at the levels
               * reached. */
              g_assert_cmpstr (decision, ==, "maintain");
              g_assert_cmpint (level, ==, previous[f]);
              g_assert_cmpint (week, >, 8);
            }
          previous[f] = level;
        }
    }
  g_assert_cmpuint (n_decisions, ==, 3 * (last_week - 1));
  g_assert_cmpuint (n_progress, >, 0);

  /* Opening the data closes no week again: the stored figures are the
   * ones the store gathers from the demo's rows. */
  {
    g_autofree char *plans = dump (fixture, plan_sql);
    g_autofree char *reviews = dump (fixture, review_sql);

    g_assert_cmpstr (plans, ==, demo_plans);
    g_assert_cmpstr (reviews, ==, demo_reviews);
  }

  /* Forget every decision and let the store close the weeks itself from
   * the logs: it takes the same decisions, for the same reasons. */
  execute (fixture, "DELETE FROM week_plan WHERE week > 1; DELETE FROM week_review;");
  g_free (cli_run_ok (fixture, NULL, "plan", NULL));
  closed_plans = dump (fixture, plan_sql);
  closed_reviews = dump (fixture, review_sql);
  g_assert_cmpstr (closed_plans, ==, demo_plans);
  g_assert_cmpstr (closed_reviews, ==, demo_reviews);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli/demo/refuses-non-empty", CliFixture, NULL,
              cli_fixture_setup, test_refuses_non_empty, cli_fixture_teardown);
  g_test_add ("/cli/demo/bad-options", CliFixture, NULL,
              cli_fixture_setup, test_bad_options, cli_fixture_teardown);
  g_test_add ("/cli/demo/same-seed-same-history", CliFixture, NULL,
              cli_fixture_setup, test_same_seed_same_history, cli_fixture_teardown);
  g_test_add ("/cli/demo/plausible-history", CliFixture, NULL,
              cli_fixture_setup, test_plausible_history, cli_fixture_teardown);
  g_test_add ("/cli/demo/real-weekly-decisions", CliFixture, NULL,
              cli_fixture_setup, test_real_weekly_decisions, cli_fixture_teardown);

  return g_test_run ();
}
