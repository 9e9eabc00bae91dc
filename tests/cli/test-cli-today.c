/* test-cli-today.c: `today`, in JSON and as text
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib.h>

#include "cli-test-util.h"

typedef struct {
  const char *id;
  const char *family;
  guint       level;
  guint       sets;
  guint       reps_min;
  guint       reps_max;
  int         hold_s;     /* -1: null, not a hold */
  gboolean    per_side;
} ExpectedExercise;

static void
assert_exercise (JsonObject             *exercise,
                 const ExpectedExercise *expected,
                 guint                   sets_done,
                 int                     pain)
{
  cli_json_assert_members (exercise, "id", "family", "level", "name", "sets", "reps_min",
                           "reps_max", "hold_s", "per_side", "sets_done", "pain", NULL);
  g_assert_cmpstr (cli_json_get_string (exercise, "id"), ==, expected->id);
  g_assert_cmpstr (cli_json_get_string (exercise, "family"), ==, expected->family);
  g_assert_cmpint (cli_json_get_int (exercise, "level"), ==, expected->level);
  g_assert_cmpstr (cli_json_get_string (exercise, "name"), !=, "");
  g_assert_cmpint (cli_json_get_int (exercise, "sets"), ==, expected->sets);
  g_assert_cmpint (cli_json_get_int (exercise, "reps_min"), ==, expected->reps_min);
  g_assert_cmpint (cli_json_get_int (exercise, "reps_max"), ==, expected->reps_max);
  if (expected->hold_s < 0)
    g_assert_true (cli_json_is_null (exercise, "hold_s"));
  else
    g_assert_cmpint (cli_json_get_int (exercise, "hold_s"), ==, expected->hold_s);
  g_assert_cmpint (cli_json_get_boolean (exercise, "per_side"), ==, expected->per_side);
  g_assert_cmpint (cli_json_get_int (exercise, "sets_done"), ==, sets_done);
  if (pain < 0)
    g_assert_true (cli_json_is_null (exercise, "pain"));
  else
    g_assert_cmpint (cli_json_get_int (exercise, "pain"), ==, pain);
}

/* PROGRAMME.md, level 1: double-leg bridge 2 x 10, sit-to-stand 2 x 10,
 * side-steps 2 x 15 per direction (one log per set). */
static const ExpectedExercise level_1[] = {
  { "double-leg-bridge", "bridge", 1, 2, 10, 10, -1, FALSE },
  { "sit-to-stand", "single-leg", 1, 2, 10, 10, -1, FALSE },
  { "side-steps", "lateral", 1, 2, 15, 15, -1, FALSE },
};

/* Level 0: belt abduction 10 x 5-10 s, wall press 5 x 10-15 s per side,
 * easy side-steps 1 x 10 per direction; holds start at the bottom. */
static const ExpectedExercise level_0[] = {
  { "belt-isometric-abduction", "bridge", 0, 10, 1, 1, 5, FALSE },
  { "wall-press-isometric-abduction", "single-leg", 0, 5, 1, 1, 10, TRUE },
  { "easy-side-steps", "lateral", 0, 1, 10, 10, -1, FALSE },
};

static void
test_session_day (CliFixture    *fixture,
                  gconstpointer  data)
{
  g_autoptr (JsonNode) node = NULL;
  g_autoptr (JsonNode) dated = NULL;
  g_autofree char *text = NULL;
  g_autofree char *dated_text = NULL;
  JsonObject *today;
  JsonArray *exercises;

  cli_start_default_programme (fixture);

  node = cli_run_json (fixture, NULL, "today", "--json", NULL);
  today = cli_json_object (node);
  cli_json_assert_members (today, "date", "kind", "week", "status", "exercises", "red_flag_advice", NULL);
  g_assert_true (cli_json_is_null (today, "red_flag_advice"));
  g_assert_cmpstr (cli_json_get_string (today, "date"), ==, "2026-11-23");
  g_assert_cmpstr (cli_json_get_string (today, "kind"), ==, "session");
  g_assert_cmpint (cli_json_get_int (today, "week"), ==, 1);
  g_assert_cmpstr (cli_json_get_string (today, "status"), ==, "none");

  exercises = cli_json_get_array (today, "exercises");
  g_assert_cmpuint (json_array_get_length (exercises), ==, 3);
  for (guint i = 0; i < 3; i++)
    assert_exercise (json_array_get_object_element (exercises, i), &level_1[i], 0, -1);

  /* The same day asked for by --date gives the same bytes. */
  text = cli_run_ok (fixture, NULL, "today", "--json", NULL);
  dated_text = cli_run_ok (fixture, "2026-12-01T10:00:00", "today", "--date", "2026-11-23", "--json", NULL);
  g_assert_cmpstr (text, ==, dated_text);
}

static void
test_rest_day (CliFixture    *fixture,
               gconstpointer  data)
{
  g_autoptr (JsonNode) tuesday = NULL;
  g_autoptr (JsonNode) sunday = NULL;
  JsonObject *today;

  cli_start_default_programme (fixture);

  tuesday = cli_run_json (fixture, NULL, "today", "--date", "2026-11-24", "--json", NULL);
  today = cli_json_object (tuesday);
  cli_json_assert_members (today, "date", "kind", "week", "status", "next_session", "exercises",
                           "red_flag_advice", NULL);
  g_assert_cmpstr (cli_json_get_string (today, "date"), ==, "2026-11-24");
  g_assert_cmpstr (cli_json_get_string (today, "kind"), ==, "rest");
  g_assert_cmpint (cli_json_get_int (today, "week"), ==, 1);
  g_assert_cmpstr (cli_json_get_string (today, "status"), ==, "none");
  g_assert_cmpstr (cli_json_get_string (today, "next_session"), ==, "2026-11-25");
  g_assert_cmpuint (json_array_get_length (cli_json_get_array (today, "exercises")), ==, 0);

  /* The last day of week 1; the next session opens week 2. */
  sunday = cli_run_json (fixture, "2026-11-29T07:00:00", "today", "--json", NULL);
  today = cli_json_object (sunday);
  g_assert_cmpstr (cli_json_get_string (today, "kind"), ==, "rest");
  g_assert_cmpint (cli_json_get_int (today, "week"), ==, 1);
  g_assert_cmpstr (cli_json_get_string (today, "next_session"), ==, "2026-11-30");
}

static void
test_after_log_session (CliFixture    *fixture,
                        gconstpointer  data)
{
  g_autoptr (JsonNode) node = NULL;
  g_autofree char *out = NULL;
  JsonObject *today;
  JsonArray *exercises;

  cli_start_default_programme (fixture);
  out = cli_run_ok (fixture, NULL, "log-session", "--completed", "100", "--pain", "2", NULL);
  g_assert_cmpstr (out, ==, "Logged the session of 2026-11-23: 6 of 6 sets done, pain 2.\n");

  node = cli_run_json (fixture, NULL, "today", "--json", NULL);
  today = cli_json_object (node);
  g_assert_cmpstr (cli_json_get_string (today, "status"), ==, "done");
  exercises = cli_json_get_array (today, "exercises");
  for (guint i = 0; i < 3; i++)
    assert_exercise (json_array_get_object_element (exercises, i), &level_1[i], 2, 2);
}

static void
start_at_level_zero (CliFixture *fixture)
{
  g_autofree char *checkin = NULL;
  g_autofree char *started = NULL;

  /* One check-in before the start with pain over 5 makes the baseline 6. */
  checkin = cli_run_ok (fixture, NULL, "checkin", "--date", "2026-11-22", "--morning-pain", "6", NULL);
  started = cli_run_ok (fixture, NULL, "programme", "start", NULL);
  g_assert_true (g_str_has_suffix (started, "every family starts at level 0.\n"));
}

static void
test_per_side_and_holds (CliFixture    *fixture,
                         gconstpointer  data)
{
  g_autoptr (JsonNode) before = NULL;
  g_autoptr (JsonNode) after = NULL;
  g_autofree char *out = NULL;
  JsonArray *exercises;

  start_at_level_zero (fixture);

  before = cli_run_json (fixture, NULL, "today", "--json", NULL);
  exercises = cli_json_get_array (cli_json_object (before), "exercises");
  g_assert_cmpuint (json_array_get_length (exercises), ==, 3);
  for (guint i = 0; i < 3; i++)
    assert_exercise (json_array_get_object_element (exercises, i), &level_0[i], 0, -1);

  /* 10 belt holds + 5 wall presses on each side + 1 side-step set. */
  out = cli_run_ok (fixture, NULL, "log-session", "--completed", "100", "--pain", "0", NULL);
  g_assert_cmpstr (out, ==, "Logged the session of 2026-11-23: 21 of 21 sets done, pain 0.\n");

  after = cli_run_json (fixture, NULL, "today", "--json", NULL);
  exercises = cli_json_get_array (cli_json_object (after), "exercises");
  assert_exercise (json_array_get_object_element (exercises, 0), &level_0[0], 10, 0);
  /* Per side: each side's set counts. */
  assert_exercise (json_array_get_object_element (exercises, 1), &level_0[1], 10, 0);
  assert_exercise (json_array_get_object_element (exercises, 2), &level_0[2], 1, 0);
}

static void
test_text (CliFixture    *fixture,
           gconstpointer  data)
{
  g_autofree char *rest = NULL;
  g_autofree char *session = NULL;
  g_autofree char *logged = NULL;
  g_autofree char *level_zero = NULL;

  cli_start_default_programme (fixture);

  rest = cli_run_ok (fixture, NULL, "today", "--date", "2026-11-24", NULL);
  g_assert_cmpstr (rest, ==, "2026-11-24 (week 1 of 8): rest day. Next session: 2026-11-25\n");

  logged = cli_run_ok (fixture, NULL, "log-session", "--completed", "50", "--pain", "3", NULL);
  session = cli_run_ok (fixture, NULL, "today", NULL);
  g_assert_true (g_str_has_prefix (session, "2026-11-23 (week 1 of 8): session, done\n"));
  g_assert_nonnull (strstr (session, "  Bridge, level 1: "));
  g_assert_nonnull (strstr (session, ", 2 x 10; 1 of 2 sets done; pain 3\n"));
  g_assert_nonnull (strstr (session, "  Lateral, level 1: "));
  g_assert_nonnull (strstr (session, ", 2 x 15 per direction; 1 of 2 sets done; pain 3\n"));

  /* Wednesday, not logged yet. */
  level_zero = cli_run_ok (fixture, NULL, "today", "--date", "2026-11-25", NULL);
  g_assert_true (g_str_has_prefix (level_zero, "2026-11-25 (week 1 of 8): session, nothing logged yet\n"));
  g_assert_nonnull (strstr (level_zero, "; 0 of 2 sets done\n"));
}

static void
test_text_holds (CliFixture    *fixture,
                 gconstpointer  data)
{
  g_autofree char *session = NULL;

  start_at_level_zero (fixture);
  session = cli_run_ok (fixture, NULL, "today", NULL);
  g_assert_nonnull (strstr (session, ", 10 x 5 s hold; 0 of 10 sets done\n"));
  g_assert_nonnull (strstr (session, ", 5 x 10 s hold per side; 0 of 10 sets done\n"));
}

static void
test_before_start (CliFixture    *fixture,
                   gconstpointer  data)
{
  g_auto (CliResult) result = { 0 };

  cli_start_default_programme (fixture);
  cli_run (fixture, NULL, &result, "today", "--date", "2026-11-20", "--json", NULL);
  g_assert_cmpint (result.status, ==, 2);
  g_assert_cmpstr (result.out, ==, "");
  g_assert_cmpstr (result.err, ==,
                   "loadwise-cli: --date: 2026-11-20 is before the programme starts on 2026-11-23\n");
}

/* Issue 12: while a red-flag yes stands, every command that prescribes or
 * logs training says so, on stderr and in --json; and not otherwise. */
static void
test_red_flag_advice (CliFixture    *fixture,
                      gconstpointer  data)
{
  static const char soon[] =
    "You answered yes to a warning sign. Please stop running and see a doctor or\n"
    "physiotherapist soon, before you start or continue this programme. These signs\n"
    "need a clinician to check them; an exercise plan cannot.\n";
  static const char today_advice[] =
    "You answered yes to a warning sign that needs care today. Please stop running\n"
    "and see a doctor today: if your own doctor cannot see you today, go to an\n"
    "urgent care or emergency service. Do not continue this programme until a\n"
    "clinician has checked you; an exercise plan cannot.\n";
  const char * const *commands[] = {
    (const char * const[]) { "today", NULL },
    (const char * const[]) { "plan", NULL },
    (const char * const[]) { "log-session", "--completed", "100", "--pain", "1", NULL },
    (const char * const[]) { "log-run", "--distance-km", "10", "--pain-during", "1", NULL },
  };
  g_autoptr (JsonNode) node = NULL;
  g_autofree char *out = NULL;
  JsonObject *advice;

  cli_start_default_programme (fixture);

  /* No screening, then a screening with no yes: nothing is said. */
  for (guint pass = 0; pass < 2; pass++)
    {
      if (pass == 1)
        g_free (cli_run_ok (fixture, NULL, "redflags", NULL));
      for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
        {
          g_auto (CliResult) result = { 0 };

          cli_runv (fixture, NULL, commands[i], &result);
          g_assert_cmpint (result.status, ==, 0);
          g_assert_cmpstr (result.err, ==, "");
        }
    }

  /* A misdated no, and then a yes today: the yes stands and every command says so. */
  {
    g_auto (CliResult) refused = { 0 };

    cli_run (fixture, NULL, &refused, "redflags", "--date", "2027-12-04", NULL);
    g_assert_cmpint (refused.status, ==, 2);
    g_assert_cmpstr (refused.err, ==,
                     "loadwise-cli: --date: 2027-12-04 is in the future (today is 2026-11-23)\n");
  }
  g_free (cli_run_ok (fixture, NULL, "redflags", "--yes", "stress-fracture", NULL));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto (CliResult) result = { 0 };

      cli_runv (fixture, NULL, commands[i], &result);
      g_test_message ("%s: %s", commands[i][0], result.err);
      g_assert_cmpint (result.status, ==, 0);
      g_assert_cmpstr (result.err, ==, soon);
    }

  {
    g_auto (CliResult) result = { 0 };
    g_autoptr (JsonParser) parser = json_parser_new ();
    g_autoptr (GError) error = NULL;
    JsonObject *today;
    JsonArray *yes;

    cli_run (fixture, NULL, &result, "today", "--json", NULL);
    g_assert_cmpint (result.status, ==, 0);
    g_assert_cmpstr (result.err, ==, soon);
    g_assert_true (json_parser_load_from_data (parser, result.out, -1, &error));
    g_assert_no_error (error);
    today = cli_json_object (json_parser_get_root (parser));
    advice = cli_json_get_object (today, "red_flag_advice");
    cli_json_assert_members (advice, "yes", "urgency", "advice", NULL);
    yes = cli_json_get_array (advice, "yes");
    g_assert_cmpuint (json_array_get_length (yes), ==, 1);
    g_assert_cmpstr (json_array_get_string_element (yes, 0), ==, "stress-fracture");
    g_assert_cmpstr (cli_json_get_string (advice, "urgency"), ==, "soon");
    g_assert_true (g_str_has_prefix (cli_json_get_string (advice, "advice"),
                                     "You answered yes to a warning sign. Please stop running"));
  }

  /* A fever calls for care today; answering no to the first question later
   * does not hide the second. */
  g_free (cli_run_ok (fixture, "2026-11-25T08:00:00", "redflags", "--yes", "infection", NULL));
  {
    g_auto (CliResult) result = { 0 };

    cli_run (fixture, "2026-11-25T08:00:00", &result, "today", NULL);
    g_assert_cmpint (result.status, ==, 0);
    g_assert_cmpstr (result.err, ==, today_advice);
  }

  /* Answering no to everything, after the yes answers, clears them. */
  out = cli_run_ok (fixture, "2026-11-25T09:00:00", "redflags", NULL);
  g_assert_cmpstr (out, ==, "Red-flag screening of 2026-11-25: no red flags.\n");
  node = cli_run_json (fixture, "2026-11-25T09:00:00", "today", "--json", NULL);
  g_assert_true (cli_json_is_null (cli_json_object (node), "red_flag_advice"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, CliFixture, NULL, cli_fixture_setup, func, cli_fixture_teardown)

  ADD ("/cli/today/session-day", test_session_day);
  ADD ("/cli/today/rest-day", test_rest_day);
  ADD ("/cli/today/after-log-session", test_after_log_session);
  ADD ("/cli/today/per-side-and-holds", test_per_side_and_holds);
  ADD ("/cli/today/text", test_text);
  ADD ("/cli/today/text-holds", test_text_holds);
  ADD ("/cli/today/before-start", test_before_start);
  ADD ("/cli/today/red-flag-advice", test_red_flag_advice);

  return g_test_run ();
}
