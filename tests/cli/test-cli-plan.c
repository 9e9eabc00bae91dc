/* test-cli-plan.c: `plan`, `programme set` and `skip` over weeks of history
 *
 * The clock (LOADWISE_NOW) walks forward day by day, as a runner would.
 * The programme starts on Monday 2026-11-23 (CLI_TEST_NOW).
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib.h>

#include "cli-test-util.h"

/* Day 0 is 2026-11-23; "YYYY-MM-DD" and "YYYY-MM-DDT08:00:00". */
static char *
iso_day (int offset)
{
  g_autoptr (GDateTime) start = g_date_time_new_local (2026, 11, 23, 8, 0, 0);
  g_autoptr (GDateTime) day = g_date_time_add_days (start, offset);

  return g_date_time_format (day, "%Y-%m-%d");
}

static char *
now_on (int offset)
{
  g_autofree char *day = iso_day (offset);

  return g_strdup_printf ("%sT08:00:00", day);
}

static void
checkin (CliFixture *fixture,
         int         offset,
         guint       pain)
{
  g_autofree char *now = now_on (offset);
  g_autofree char *pain_text = g_strdup_printf ("%u", pain);
  g_autofree char *out = cli_run_ok (fixture, now, "checkin", "--morning-pain", pain_text,
                                     "--side", "left", NULL);
}

static void
log_session (CliFixture *fixture,
             int         offset,
             guint       percent,
             guint       pain)
{
  g_autofree char *now = now_on (offset);
  g_autofree char *percent_text = g_strdup_printf ("%u", percent);
  g_autofree char *pain_text = g_strdup_printf ("%u", pain);
  g_autofree char *out = cli_run_ok (fixture, now, "log-session", "--completed", percent_text,
                                     "--pain", pain_text, NULL);
}

/* A week of the runner's life: sessions Mon/Wed/Fri (unless skipped), a
 * check-in every morning. */
typedef struct {
  guint percent;
  guint pain;
  guint morning;
  int   bad_morning_day;  /* -1: none; else that day's morning is @bad_morning */
  guint bad_morning;
  int   skipped_day;      /* -1: none; else that session day (0, 2, 4) is skipped */
} WeekScript;

static void
live_week (CliFixture       *fixture,
           int               week,
           const WeekScript *script)
{
  for (int d = 0; d < 7; d++)
    {
      int offset = (week - 1) * 7 + d;

      checkin (fixture, offset, d == script->bad_morning_day ? script->bad_morning : script->morning);
      if (d == script->skipped_day)
        {
          g_autofree char *now = now_on (offset);
          g_autofree char *out = cli_run_ok (fixture, now, "skip", "--reason", "travelling", NULL);

          g_assert_nonnull (strstr (out, "does not count as a miss"));
        }
      else if (d == 0 || d == 2 || d == 4)
        log_session (fixture, offset, script->percent, script->pain);
    }
}

static JsonObject *
family_of (JsonObject *plan,
           guint       index)
{
  JsonArray *families = cli_json_get_array (plan, "families");

  g_assert_cmpuint (json_array_get_length (families), ==, 3);
  return json_array_get_object_element (families, index);
}

/* Eight weeks and the first of maintenance: the levels and decisions each
 * week, as PROGRAMME.md's table gives them. */
static void
test_eight_weeks (CliFixture    *fixture,
                  gconstpointer  data)
{
  static const WeekScript weeks[] = {
    /* 1: all done, pain 2, mornings at the baseline of 3: up. */
    { 100, 2, 3, -1, 0, -1 },
    /* 2: pain 4, above safe 3 but within 5: hold; reps climb. */
    { 100, 4, 3, -1, 0, -1 },
    /* 3: 60% done: hold. */
    { 60, 2, 3, -1, 0, -1 },
    /* 4: pain 6, over the maximum: down. */
    { 100, 6, 3, -1, 0, -1 },
    /* 5: all good again: up. */
    { 100, 2, 3, -1, 0, -1 },
    /* 6: Friday skipped while travelling: hold, adherence still full. */
    { 100, 1, 3, -1, 0, 4 },
    /* 7: Thursday morning at 5, the baseline + 2: down. */
    { 100, 2, 3, 3, 5, -1 },
    /* 8: the last week: maintenance follows. */
    { 100, 2, 3, -1, 0, -1 },
  };
  static const struct {
    guint       level;
    const char *decision;
    const char *reason_part;
    gboolean    see_clinician;
  } expected[] = {
    { 1, "start", "Bridge: starts at level 1.", FALSE },
    { 2, "progress", "Bridge: up to level 2. Every set done, pain stayed at 2 or below, mornings settled.", FALSE },
    { 2, "hold", "Bridge: stays at level 2. Pain reached 4 during, above 3 but within 5, and settled by the next morning. Target reached in 2 sessions in a row, so it climbs to 10 reps a set.", FALSE },
    { 2, "hold", "Bridge: stays at level 2. 50% of sets done, and moving up needs 80%.", FALSE },
    { 1, "regress", "Bridge: down to level 1. Pain reached 6 during, above your maximum of 5.", FALSE },
    { 2, "progress", "Bridge: up to level 2. Every set done", FALSE },
    { 2, "hold", "Bridge: stays at level 2. 66% of the week’s sets done. Skipped days are not a miss", TRUE },
    { 1, "regress", "Bridge: down to level 1. A morning’s pain reached 5, 2 or more above your usual 3.", TRUE },
    { 1, "maintain", "Bridge: maintenance at level 1. Two sessions a week keep what you built.", TRUE },
  };
  g_autofree char *start_now = now_on (0);

  /* A baseline of 3 from the week before the start. */
  for (int d = -7; d < 0; d++)
    {
      g_autofree char *day = iso_day (d);
      g_autofree char *out = cli_run_ok (fixture, start_now, "checkin", "--date", day,
                                         "--morning-pain", "3", "--side", "left", NULL);
    }
  cli_start_default_programme (fixture);

  for (guint w = 1; w <= G_N_ELEMENTS (weeks); w++)
    live_week (fixture, (int) w, &weeks[w - 1]);

  /* On the first day of week 10, every week so far is closed. */
  for (guint w = 1; w <= G_N_ELEMENTS (expected); w++)
    {
      g_autofree char *now = now_on (9 * 7);
      g_autofree char *week = g_strdup_printf ("%u", w);
      g_autoptr (JsonNode) node = cli_run_json (fixture, now, "plan", "--week", week, "--json", NULL);
      JsonObject *plan = cli_json_object (node);
      JsonObject *bridge = family_of (plan, 0);

      g_test_message ("week %u: %s", w, cli_json_get_string (bridge, "reason"));
      cli_json_assert_members (plan, "week", "start", "end", "families", "see_clinician",
                               "red_flags", "red_flag_advice", NULL);
      cli_json_assert_members (bridge, "family", "level", "exercise", "sets", "reps_min",
                               "reps_max", "hold_s", "decision", "reason", NULL);
      g_assert_cmpint (cli_json_get_int (plan, "week"), ==, w);
      g_assert_cmpstr (cli_json_get_string (bridge, "family"), ==, "bridge");
      g_assert_cmpint (cli_json_get_int (bridge, "level"), ==, expected[w - 1].level);
      g_assert_cmpstr (cli_json_get_string (bridge, "decision"), ==, expected[w - 1].decision);
      g_assert_nonnull (strstr (cli_json_get_string (bridge, "reason"), expected[w - 1].reason_part));
      g_assert_cmpint (cli_json_get_boolean (plan, "see_clinician"), ==,
                       expected[w - 1].see_clinician);
      g_assert_false (cli_json_get_boolean (plan, "red_flags"));
      for (guint f = 1; f < 3; f++)
        g_assert_cmpint (cli_json_get_int (family_of (plan, f), "level"), ==,
                         expected[w - 1].level);
    }

  /* Week 3 shows the climbed targets; week 1 its dates. */
  {
    g_autofree char *now = now_on (9 * 7);
    g_autoptr (JsonNode) week3 = cli_run_json (fixture, now, "plan", "--week", "3", "--json", NULL);
    g_autoptr (JsonNode) week1 = cli_run_json (fixture, now, "plan", "--week", "1", "--json", NULL);
    JsonObject *bridge = family_of (cli_json_object (week3), 0);

    g_assert_cmpstr (cli_json_get_string (bridge, "exercise"), ==, "offset-bridge");
    g_assert_cmpint (cli_json_get_int (bridge, "sets"), ==, 2);
    g_assert_cmpint (cli_json_get_int (bridge, "reps_min"), ==, 10);
    g_assert_cmpint (cli_json_get_int (bridge, "reps_max"), ==, 10);
    g_assert_true (cli_json_is_null (bridge, "hold_s"));
    g_assert_cmpint (cli_json_get_int (family_of (cli_json_object (week3), 2), "reps_min"), ==, 12);
    g_assert_cmpstr (cli_json_get_string (cli_json_object (week1), "start"), ==, "2026-11-23");
    g_assert_cmpstr (cli_json_get_string (cli_json_object (week1), "end"), ==, "2026-11-29");
  }
}

/* Raising the thresholds leaves the decisions trained on alone. */
static void
test_programme_set (CliFixture    *fixture,
                    gconstpointer  data)
{
  static const WeekScript sore = { 100, 4, 2, -1, 0, -1 };
  g_autofree char *week2_now = now_on (8);
  g_autofree char *week3_now = now_on (14);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *out = NULL;
  g_autoptr (JsonNode) week3 = NULL;
  g_auto (CliResult) refused = { 0 };
  g_auto (CliResult) empty = { 0 };

  cli_start_default_programme (fixture);
  live_week (fixture, 1, &sore);
  /* Monday's session of week 2 trains on week 1's decision: final. */
  log_session (fixture, 7, 100, 4);
  before = cli_run_ok (fixture, week2_now, "plan", "--week", "2", "--json", NULL);
  g_assert_nonnull (strstr (before, "\"hold\""));

  out = cli_run_ok (fixture, week2_now, "programme", "set", "--safe-pain", "4", "--max-pain", "6",
                    NULL);
  g_assert_cmpstr (out, ==, "Programme updated: 8 weeks on mon,wed,fri, pain thresholds 4 (safe) "
                            "and 6 (maximum). Weeks already trained on keep their decisions.\n");
  after = cli_run_ok (fixture, week2_now, "plan", "--week", "2", "--json", NULL);
  g_assert_cmpstr (after, ==, before);

  live_week (fixture, 2, &sore);
  week3 = cli_run_json (fixture, week3_now, "plan", "--json", NULL);
  g_assert_cmpint (cli_json_get_int (cli_json_object (week3), "week"), ==, 3);
  g_assert_cmpstr (cli_json_get_string (family_of (cli_json_object (week3), 1), "decision"), ==,
                   "progress");

  cli_run (fixture, week3_now, &refused, "programme", "set", "--max-pain", "3", NULL);
  g_assert_cmpint (refused.status, ==, 2);
  g_assert_cmpstr (refused.err, ==, "loadwise-cli: --max-pain: 3 must be above --safe-pain (4); use a "
                                    "safe threshold of 0-5 and a maximum above it, up to 7\n");
  cli_run (fixture, week3_now, &empty, "programme", "set", NULL);
  g_assert_cmpint (empty.status, ==, 2);
  g_assert_nonnull (strstr (empty.err, "give at least one of"));
}

/* A session logged after the boundary revises the decision, and says so. */
static void
test_late_log (CliFixture    *fixture,
               gconstpointer  data)
{
  g_autofree char *monday2 = now_on (7);
  g_autofree char *tuesday2 = now_on (8);
  g_autofree char *wednesday1 = iso_day (2);
  g_autofree char *friday1 = iso_day (4);
  g_autofree char *out = NULL;
  g_autoptr (JsonNode) before = NULL;
  g_autoptr (JsonNode) after = NULL;

  cli_start_default_programme (fixture);
  for (int d = 0; d <= 7; d++)
    checkin (fixture, d, 1);
  log_session (fixture, 0, 100, 1);

  before = cli_run_json (fixture, monday2, "plan", "--json", NULL);
  g_assert_cmpstr (cli_json_get_string (family_of (cli_json_object (before), 0), "decision"), ==,
                   "hold");
  g_assert_nonnull (strstr (cli_json_get_string (family_of (cli_json_object (before), 0), "reason"),
                            "What got in the way?"));

  out = cli_run_ok (fixture, tuesday2, "log-session", "--date", wednesday1, "--completed", "100",
                    "--pain", "1", NULL);
  g_clear_pointer (&out, g_free);
  out = cli_run_ok (fixture, tuesday2, "log-session", "--date", friday1, "--completed", "100",
                    "--pain", "1", NULL);
  after = cli_run_json (fixture, tuesday2, "plan", "--json", NULL);
  g_assert_cmpstr (cli_json_get_string (family_of (cli_json_object (after), 0), "decision"), ==,
                   "progress");
  g_assert_cmpint (cli_json_get_int (family_of (cli_json_object (after), 0), "level"), ==, 2);
  g_assert_nonnull (strstr (cli_json_get_string (family_of (cli_json_object (after), 0), "reason"),
                            "entries logged after the week ended now count"));
}

static void
test_bad_input (CliFixture    *fixture,
                gconstpointer  data)
{
  g_auto (CliResult) no_programme = { 0 };
  g_auto (CliResult) week = { 0 };
  g_auto (CliResult) rest_day = { 0 };
  g_auto (CliResult) no_reason = { 0 };
  g_autofree char *text = NULL;
  g_autofree char *flags = NULL;

  cli_run (fixture, NULL, &no_programme, "plan", NULL);
  g_assert_cmpint (no_programme.status, !=, 0);
  g_assert_nonnull (strstr (no_programme.err, "no programme yet"));

  cli_start_default_programme (fixture);
  cli_run (fixture, NULL, &week, "plan", "--week", "2", NULL);
  g_assert_cmpint (week.status, ==, 2);
  g_assert_cmpstr (week.err, ==, "loadwise-cli: --week: 2 is outside 1-1\n");

  cli_run (fixture, NULL, &rest_day, "skip", "--date", "2026-11-24", "--reason", "ill", NULL);
  g_assert_cmpint (rest_day.status, ==, 2);
  g_assert_cmpstr (rest_day.err, ==,
                   "loadwise-cli: --date: 2026-11-24 is not a session day of the programme\n");
  cli_run (fixture, NULL, &no_reason, "skip", NULL);
  g_assert_cmpint (no_reason.status, ==, 2);
  g_assert_cmpstr (no_reason.err, ==, "loadwise-cli: --reason: must not be empty\n");

  /* The weekly re-check of red flags goes through `redflags`; a yes shows. */
  flags = cli_run_ok (fixture, NULL, "redflags", "--yes", "nerve", NULL);
  {
    g_auto (CliResult) plan = { 0 };

    cli_run (fixture, NULL, &plan, "plan", NULL);
    g_assert_cmpint (plan.status, ==, 0);
    g_assert_nonnull (strstr (plan.out, "Week 1 of 8 (2026-11-23 to 2026-11-29)"));
    g_assert_nonnull (strstr (plan.out, "Sessions to come: 2026-11-23, 2026-11-25, 2026-11-27"));
    g_assert_nonnull (strstr (plan.out, "Red flags answered yes: nerve.\n"));
    /* The advice, on stderr as for every command that prescribes training. */
    g_assert_true (g_str_has_prefix (plan.err, "You answered yes to a warning sign."));
  }
  {
    g_auto (CliResult) plan = { 0 };
    g_autoptr (JsonParser) parser = json_parser_new ();
    JsonObject *object;

    cli_run (fixture, NULL, &plan, "plan", "--json", NULL);
    g_assert_cmpint (plan.status, ==, 0);
    g_assert_true (json_parser_load_from_data (parser, plan.out, -1, NULL));
    object = cli_json_object (json_parser_get_root (parser));
    g_assert_true (cli_json_get_boolean (object, "red_flags"));
    g_assert_cmpstr (cli_json_get_string (cli_json_get_object (object, "red_flag_advice"), "urgency"),
                     ==, "soon");
    g_assert_cmpstr (cli_json_get_string (family_of (object, 0), "decision"), ==, "start");
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, CliFixture, NULL, cli_fixture_setup, func, cli_fixture_teardown)
  ADD ("/cli/plan/eight-weeks", test_eight_weeks);
  ADD ("/cli/plan/programme-set", test_programme_set);
  ADD ("/cli/plan/late-log", test_late_log);
  ADD ("/cli/plan/bad-input", test_bad_input);
#undef ADD

  return g_test_run ();
}
