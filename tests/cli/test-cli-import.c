/* test-cli-import.c: the JSON backup round trip, --replace, and a catalogue
 * of broken backups, each refused with its place named and nothing changed
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "cli-test-util.h"
#include "loadwise-test-util.h"
#include "core/loadwise-clock.h"
#include "core/loadwise-error.h"
#include "report/loadwise-json-backup.h"
#include "store/loadwise-database-runs.h"

static char *
export_to (CliFixture *fixture,
           const char *name)
{
  g_autofree char *path = g_build_filename (fixture->tmpdir, name, NULL);

  g_free (cli_run_ok (fixture, NULL, "export", "--format", "json", "--output", path, NULL));
  return g_steal_pointer (&path);
}

static char *
read_without_stamp (const char *path)
{
  g_autofree char *contents = NULL;
  g_auto (GStrv) lines = NULL;
  GString *kept = g_string_new (NULL);
  g_autoptr (GError) error = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (strstr (lines[i], "\"exported_at\"") == NULL)
      g_string_append_printf (kept, "%s\n", lines[i]);
  return g_string_free (kept, FALSE);
}

static void
test_round_trip (CliFixture    *fixture,
                 gconstpointer  data)
{
  CliFixture other = { 0 };
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *out = NULL;

  cli_fixture_setup (&other, NULL);
  g_free (cli_run_ok (fixture, NULL, "demo", "--years", "1", "--seed", "3", NULL));
  /* Settings travel too. */
  g_free (cli_run_ok (fixture, NULL, "reminders", "set", "--time", "18:30", "--off", NULL));
  first = export_to (fixture, "first.json");

  out = cli_run_ok (&other, NULL, "import", first, NULL);
  g_assert_true (g_str_has_prefix (out, "Imported "));
  second = export_to (&other, "second.json");

  {
    g_autofree char *a = read_without_stamp (first);
    g_autofree char *b = read_without_stamp (second);

    g_assert_cmpstr (a, ==, b);
    g_assert_nonnull (strstr (a, "\"format_version\" : 2"));
    g_assert_nonnull (strstr (a, "\"distance_km\" : "));
    g_assert_nonnull (strstr (a, "\"pain_during\" : "));
    g_assert_nonnull (strstr (a, "\"reminders.session-time\" : \"18:30\""));
    g_assert_nonnull (strstr (a, "\"flares\" : [\n    {"));
  }
  cli_fixture_teardown (&other, NULL);
}

/* The library on the fixture's database, at the CLI's fixed "now", so
 * that what it derives is what the CLI derives. */
static LoadwiseDatabase *
open_at_now (CliFixture *fixture)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_local (2026, 11, 23, 8, 0, 0);
  g_autoptr (LoadwiseClock) clock = loadwise_clock_new_fixed (now);
  LoadwiseDatabase *db = loadwise_database_open (fixture->db_path, &error);

  g_assert_no_error (error);
  loadwise_database_set_clock (db, clock);
  return db;
}

/* Two runs from recorded tracks, one with a full profile. */
static void
add_recorded_runs (CliFixture *fixture)
{
  g_autoptr (LoadwiseDatabase) db = open_at_now (fixture);
  g_autoptr (GPtrArray) runs = g_ptr_array_new_with_free_func ((GDestroyNotify) loadwise_run_free);
  g_autoptr (GPtrArray) profiles = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autoptr (GError) error = NULL;
  GArray *profile = g_array_new (FALSE, FALSE, sizeof (LoadwiseProfilePoint));

  for (guint i = 0; i < 2; i++)
    {
      LoadwiseRun *run = loadwise_run_new ();

      run->date = loadwise_test_date (2026, 11, 20 + i);
      run->distance_m = 10437 - 2000 * i;
      run->duration_s = 3300;
      run->climb_m = 212;
      run->descent_m = 230;
      run->pain_during = 2;
      /* 2026-11-20T06:40:00Z and the next day. */
      run->started_at = G_GINT64_CONSTANT (1795156800) + 86400 * i;
      run->track_sha256 = g_strnfill (64, i == 0 ? 'e' : '0');
      g_ptr_array_add (runs, run);
    }
  /* Distances and elevations that are not round in binary. */
  for (guint i = 0; i < LOADWISE_PROFILE_MAX_POINTS; i++)
    {
      LoadwiseProfilePoint point = { 10437.0 * i / (LOADWISE_PROFILE_MAX_POINTS - 1),
                                     212.3 + 40.1 * sin (i * 0.07) };

      g_array_append_val (profile, point);
    }
  g_ptr_array_add (profiles, profile);
  g_ptr_array_add (profiles, g_array_new (FALSE, FALSE, sizeof (LoadwiseProfilePoint)));
  g_assert_true (loadwise_database_add_runs_with_profiles (db, runs, profiles, &error));
  g_assert_no_error (error);
}

/* Recorded runs and their profiles travel whole: export, import into a
 * new folder, and the same rows come out, every point to the bit. */
static void
test_round_trip_recorded (CliFixture    *fixture,
                          gconstpointer  data)
{
  CliFixture other = { 0 };
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autoptr (GError) error = NULL;

  cli_fixture_setup (&other, NULL);
  g_free (cli_run_ok (fixture, NULL, "demo", "--years", "1", "--seed", "5", NULL));
  add_recorded_runs (fixture);
  first = export_to (fixture, "first.json");
  g_free (cli_run_ok (&other, NULL, "import", first, NULL));
  second = export_to (&other, "second.json");

  {
    g_autofree char *a = read_without_stamp (first);
    g_autofree char *b = read_without_stamp (second);

    g_assert_cmpstr (a, ==, b);
    g_assert_nonnull (strstr (a, "\"started_at\" : \"2026-11-20T06:40:00Z\""));
    g_assert_nonnull (strstr (a, "\"track_sha256\" : \"eeeeeeee"));
    g_assert_nonnull (strstr (a, "\"run_profiles\" : [\n    {\n      \"run_id\" : "));
  }

  /* The rows themselves, through the store. */
  {
    g_autoptr (LoadwiseDatabase) mine = open_at_now (fixture);
    g_autoptr (LoadwiseDatabase) theirs = open_at_now (&other);
    g_autoptr (GPtrArray) my_runs = loadwise_database_list_runs (mine, NULL, NULL, &error);
    g_autoptr (GPtrArray) their_runs = loadwise_database_list_runs (theirs, NULL, NULL, &error);
    guint n_points = 0;

    g_assert_no_error (error);
    g_assert_cmpuint (my_runs->len, ==, their_runs->len);
    for (guint i = 0; i < my_runs->len; i++)
      {
        LoadwiseRun *a = g_ptr_array_index (my_runs, i);
        LoadwiseRun *b = g_ptr_array_index (their_runs, i);
        g_autoptr (GArray) pa = loadwise_database_get_run_profile (mine, a->id, &error);
        g_autoptr (GArray) pb = loadwise_database_get_run_profile (theirs, b->id, &error);

        g_assert_no_error (error);
        g_assert_cmpint (a->id, ==, b->id);
        g_assert_cmpuint (a->distance_m, ==, b->distance_m);
        g_assert_cmpint (a->started_at, ==, b->started_at);
        g_assert_cmpstr (a->track_sha256, ==, b->track_sha256);
        g_assert_cmpuint (pa->len, ==, pb->len);
        g_assert_cmpmem (pa->data, pa->len * sizeof (LoadwiseProfilePoint),
                         pb->data, pb->len * sizeof (LoadwiseProfilePoint));
        n_points += pa->len;
      }
    g_assert_cmpuint (n_points, ==, LOADWISE_PROFILE_MAX_POINTS);
  }
  cli_fixture_teardown (&other, NULL);
}

static void
drop_recording (JsonObject *root)
{
  JsonArray *runs = json_object_get_array_member (root, "runs");

  for (guint i = 0; i < json_array_get_length (runs); i++)
    {
      json_object_remove_member (json_array_get_object_element (runs, i), "started_at");
      json_object_remove_member (json_array_get_object_element (runs, i), "track_sha256");
    }
  json_object_remove_member (root, "run_profiles");
  json_object_set_int_member (root, "format_version", 1);
}

/* A backup of format 1, from before recorded runs, still goes in: its
 * runs have no recording, and no profile. */
static void
test_older_backup (CliFixture    *fixture,
                   gconstpointer  data)
{
  CliFixture other = { 0 };
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *old = g_build_filename (fixture->tmpdir, "old.json", NULL);
  g_autofree char *text = NULL;
  g_autofree char *again = NULL;
  JsonNode *root;

  cli_fixture_setup (&other, NULL);
  g_free (cli_run_ok (fixture, NULL, "demo", "--years", "1", "--seed", "7", NULL));
  path = export_to (fixture, "new.json");
  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  root = json_parser_get_root (parser);
  drop_recording (json_node_get_object (root));
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  g_assert_null (strstr (text, "started_at"));
  g_assert_null (strstr (text, "run_profiles"));
  g_assert_true (g_file_set_contents (old, text, -1, NULL));

  g_free (cli_run_ok (&other, NULL, "import", old, NULL));
  again = export_to (&other, "again.json");
  {
    g_autofree char *a = read_without_stamp (path);
    g_autofree char *b = read_without_stamp (again);

    /* The same data as before it was made old. */
    g_assert_cmpstr (a, ==, b);
    g_assert_nonnull (strstr (b, "\"started_at\" : null"));
    g_assert_nonnull (strstr (b, "\"run_profiles\" : []"));
  }
  cli_fixture_teardown (&other, NULL);
}

static void
test_replace (CliFixture    *fixture,
              gconstpointer  data)
{
  CliFixture other = { 0 };
  g_autofree char *backup = NULL;
  g_autofree char *backups_dir = NULL;
  g_autofree char *out = NULL;
  g_auto (CliResult) refused = { 0 };
  g_autoptr (GDir) dir = NULL;

  cli_fixture_setup (&other, NULL);
  g_free (cli_run_ok (&other, NULL, "demo", "--years", "1", "--seed", "9", NULL));
  backup = export_to (&other, "other.json");

  cli_start_default_programme (fixture);
  cli_run (fixture, NULL, &refused, "import", backup, NULL);
  g_assert_cmpint (refused.status, ==, 2);
  g_assert_true (g_str_has_prefix (refused.err, "loadwise-cli: import: the database already holds data; "
                                                "nothing was changed. Use 'import --replace "));

  out = cli_run_ok (fixture, NULL, "import", "--replace", backup, NULL);
  g_assert_nonnull (strstr (out, "the data it replaced is in "));
  backups_dir = g_build_filename (fixture->data_dir, "backups", NULL);
  dir = g_dir_open (backups_dir, 0, NULL);
  g_assert_nonnull (dir);
  {
    gboolean found = FALSE;
    const char *name;

    while ((name = g_dir_read_name (dir)) != NULL)
      found |= g_str_has_prefix (name, "loadwise-before-import-");
    g_assert_true (found);
  }
  {
    g_autofree char *mine = export_to (fixture, "mine.json");
    g_autofree char *a = read_without_stamp (backup);
    g_autofree char *b = read_without_stamp (mine);

    g_assert_cmpstr (a, ==, b);
  }
  cli_fixture_teardown (&other, NULL);
}

/* Edits of the plan that no single value can make. */

static JsonArray *
get_array (JsonObject *root,
           const char *name)
{
  return json_object_get_array_member (root, name);
}

/* Keeps the rows of @name for which @keep says so. */
static void
filter_rows (JsonObject *root,
             const char *name,
             gboolean  (*keep) (JsonObject *row))
{
  JsonArray *rows = get_array (root, name);

  for (guint i = json_array_get_length (rows); i-- > 0;)
    if (!keep (json_array_get_object_element (rows, i)))
      json_array_remove_element (rows, i);
}

static gboolean
is_not_week_1 (JsonObject *row)
{
  return json_object_get_int_member (row, "week") != 1;
}

static gboolean
is_not_week_2 (JsonObject *row)
{
  return json_object_get_int_member (row, "week") != 2;
}

static gboolean
is_not_week_2_lateral (JsonObject *row)
{
  return json_object_get_int_member (row, "week") != 2
         || g_strcmp0 (json_object_get_string_member (row, "family"), "lateral") != 0;
}

static gboolean
is_week_1_or_2 (JsonObject *row)
{
  return json_object_get_int_member (row, "week") <= 2;
}

static void
drop_week_1 (JsonObject *root)
{
  filter_rows (root, "weeks", is_not_week_1);
}

static void
drop_week_2 (JsonObject *root)
{
  filter_rows (root, "weeks", is_not_week_2);
}

static void
drop_a_family (JsonObject *root)
{
  filter_rows (root, "weeks", is_not_week_2_lateral);
}

/* Weeks 1 and 2 planned, and a review of week 2: its plan, week 3's, is missing. */
static void
review_beyond_plan (JsonObject *root)
{
  JsonArray *reviews = get_array (root, "week_reviews");

  filter_rows (root, "weeks", is_week_1_or_2);
  while (json_array_get_length (reviews) > 1)
    json_array_remove_element (reviews, 1);
  json_object_set_int_member (json_array_get_object_element (reviews, 0), "week", 2);
}

/* One broken backup: how to break the good one, and the message. */
#define TEN_CHARS "abcdefghij"
#define FIFTY_CHARS TEN_CHARS TEN_CHARS TEN_CHARS TEN_CHARS TEN_CHARS
/* One more than LOADWISE_SKIP_REASON_MAX_CHARS. */
#define LONG_REASON FIFTY_CHARS FIFTY_CHARS FIFTY_CHARS FIFTY_CHARS "k"

typedef struct {
  const char *name;
  const char *path;     /* a member path such as "runs/0/pain_during", or NULL */
  const char *json;     /* the new value as JSON text, written as it is (json-glib
                         * never reads it), or the whole file when path is NULL */
  const char *message;  /* after "loadwise-cli: FILE: "; a prefix when it ends in '*' */
  void      (*edit) (JsonObject *root);  /* instead of path and json */
} BadImport;

static const BadImport bad_imports[] = {
  { "empty", NULL, "", "The file is empty; it is not a Loadwise backup" },
  { "blank", NULL, "  \n", "The file is empty; it is not a Loadwise backup" },
  { "not-json", NULL, "hello, physio", "Not a JSON file (*" },
  { "truncated", NULL, NULL, "Not a JSON file (*" },
  { "array", NULL, "[1, 2]", "Not a Loadwise backup: the file must hold one JSON object" },
  { "no-version", NULL, "{\"runs\": []}", "format_version: missing; this is not a Loadwise backup" },
  { "newer", "format_version", "3", "format_version 3 is newer than this Loadwise reads (2)" },
  { "version-text", "format_version", "\"1\"", "format_version: expected a whole number" },
  { "unknown-table", "meals", "[]", "meals: not part of a version 2 backup" },
  { "runs-not-array", "runs", "{}", "runs: expected an array" },
  { "pain-range", "runs/0/pain_during", "42", "runs[0].pain_during: 42 is outside 0-10" },
  { "pain-type", "runs/0/pain_during", "\"high\"", "runs[0].pain_during: expected a whole number" },
  { "distance-type", "runs/0/distance_km", "\"far\"", "runs[0].distance_km: expected a number" },
  { "distance-range", "runs/0/distance_km", "500", "runs[0].distance_km: 500.000 is outside 0.001-399.999" },
  { "camber", "runs/0/camber", "\"steep\"", "runs[0].camber: “steep” is not one of none, left, right" },
  { "bool-type", "checkins/2/night_pain", "1", "checkins[2].night_pain: expected true or false" },
  { "morning-range", "checkins/2/morning_pain", "11", "checkins[2].morning_pain: 11 is outside 0-10" },
  { "bad-date", "sessions/0/date", "\"2026-02-30\"", "sessions[0].date: *" },
  { "missing", "checkins/0/date", "null", "checkins[0].date: missing (it must have a value)" },
  { "dangling-shoe", "runs/0/shoe_id", "999", "runs[0].shoe_id: 999 refers to no entry in shoes" },
  { "dangling-set", "sets/0/date", "\"2001-01-01\"", "sets[0].date: 2001-01-01 refers to no entry in sessions" },
  { "duplicate-id", "runs/1/id", "1", "runs[1]: 1 appears twice" },
  { "duplicate-date", "checkins/1/date", NULL, "checkins[1]: * appears twice" },
  { "unknown-field", "runs/0/mood", "\"fine\"", "runs[0].mood: not a field of runs" },
  { "programme-days", "programme/training_days", "\"mon\"", "programme.training_days: *" },
  { "max-below-safe", "programme/max_pain", "1",
    "programme.max_pain: 1 must be above programme.safe_pain (3); use a safe threshold of 0-5 "
    "and a maximum above it, up to 7" },
  /* The runner's thresholds keep to the pain-monitoring model, as set-up does. */
  { "safe-above-model", "programme/safe_pain", "6", "programme.*" },
  { "max-above-model", "programme/max_pain", "10", "programme.max_pain: *" },
  /* Typed text gets the store's own check (loadwise_text_validate). */
  { "note-escape", "sessions/0/note", "\"red \\u001b[31m\"", "sessions[0].note: U+001B is a control character*" },
  { "shoe-name-blank", "shoes/0/name", "\"\\u200b \"", "shoes[0].name: *" },
  { "skip-reason-long", "sessions/0/skip_reason",
    "\"" LONG_REASON "\"", "sessions[0].skip_reason: *" },
  { "run-too-short", "runs/0/distance_km", "0.005", "runs[0].distance_km: *" },
  /* A run's recording and its profile (format 2, issue 14). */
  { "sha-bad", "runs/0/track_sha256", "\"ABC\"",
    "runs[0].track_sha256: not a SHA-256 (64 characters, each 0-9 or a-f)" },
  { "started-at-bad", "runs/0/started_at", "\"2026-03-04T06:12:00.5Z\"",
    "runs[0].started_at: “2026-03-04T06:12:00.5Z” is not a UTC time (YYYY-MM-DDTHH:MM:SSZ)" },
  { "started-at-type", "runs/0/started_at", "1772604720", "runs[0].started_at: expected text" },
  { "profile-orphan", "run_profiles", "[{\"run_id\": 999999, \"idx\": 0, \"distance_m\": 0, \"elevation_m\": 100}]",
    "run_profiles[0].run_id: 999999 refers to no entry in runs" },
  { "profile-elevation", "run_profiles", "[{\"run_id\": 1, \"idx\": 0, \"distance_m\": 0, \"elevation_m\": 9500}]",
    "run_profiles[0].elevation_m: 9500 is outside -500 to 9000" },
  { "profile-elevation-infinite", "run_profiles",
    "[{\"run_id\": 1, \"idx\": 0, \"distance_m\": 0, \"elevation_m\": -1e400}]",
    "run_profiles[0].elevation_m: -inf is outside -500 to 9000" },
  { "profile-distance", "run_profiles", "[{\"run_id\": 1, \"idx\": 0, \"distance_m\": 400001, \"elevation_m\": 10}]",
    "run_profiles[0].distance_m: 400001 is outside 0-400000" },
  { "profile-too-many", "run_profiles", "[{\"run_id\": 1, \"idx\": 300, \"distance_m\": 0, \"elevation_m\": 10}]",
    "run_profiles[0].idx: 300 is outside 0-299" },
  { "profile-back", "run_profiles",
    "[{\"run_id\": 1, \"idx\": 0, \"distance_m\": 500, \"elevation_m\": 10},"
    " {\"run_id\": 1, \"idx\": 1, \"distance_m\": 100, \"elevation_m\": 12}]",
    "run_profiles[1].distance_m: 100 comes after 500 (idx 0); the distances of a profile never go back" },
  { "profile-type", "run_profiles", "[{\"run_id\": 1, \"idx\": 0, \"distance_m\": 0, \"elevation_m\": \"high\"}]",
    "run_profiles[0].elevation_m: expected a number" },
  { "profile-missing", "run_profiles", "[{\"run_id\": 1, \"idx\": 0, \"distance_m\": 0}]",
    "run_profiles[0].elevation_m: missing (it must have a value)" },
  { "profile-field", "run_profiles",
    "[{\"run_id\": 1, \"idx\": 0, \"distance_m\": 0, \"elevation_m\": 10, \"slope\": 2}]",
    "run_profiles[0].slope: not a field of run_profiles" },
  /* Settings, by key and type (issue 12). */
  { "setting-bool", "settings/reminders.enabled", "\"yes\"",
    "settings.reminders.enabled: “yes” is not “true” or “false”" },
  { "setting-time", "settings/reminders.session-time", "\"25:00\"",
    "settings.reminders.session-time: 25:00 is outside 00:00-23:59" },
  { "setting-snooze", "settings/reminders.snooze-minutes", "\"0\"",
    "settings.reminders.snooze-minutes: 0 is outside 1-240" },
  { "setting-snooze-text", "settings/reminders.snooze-minutes", "\"ten\"",
    "settings.reminders.snooze-minutes: ten is not a whole number (use 1-240)" },
  { "setting-unknown", "settings/reminders.colour", "\"blue\"",
    "settings.reminders.colour: not a setting of Loadwise (the settings are reminders.enabled, "
    "reminders.session-time, reminders.checkin-time, reminders.snooze-minutes)" },
  { "setting-number", "settings/reminders.enabled", "1", "settings.reminders.enabled: expected text" },
  /* The plan the programme needs. */
  { "weeks-empty", "weeks", "[]",
    "weeks: empty; a programme needs week 1’s plan (a row for each of bridge, single-leg and lateral)" },
  { "weeks-no-week-1", NULL, NULL,
    "weeks: no plan for week 1, though week * is planned (the plan’s weeks run from week 1 without gaps)",
    drop_week_1 },
  { "weeks-gap", NULL, NULL,
    "weeks: no plan for week 2, though week * is planned (the plan’s weeks run from week 1 without gaps)",
    drop_week_2 },
  { "weeks-family", NULL, NULL,
    "weeks: week 2 has no row for lateral (each planned week has bridge, single-leg and lateral)",
    drop_a_family },
  { "review-beyond-plan", NULL, NULL,
    "week_reviews[0].week: week 2 is reviewed, but weeks has no plan for week 3 (the plan that review decided)",
    review_beyond_plan },
  { "plan-without-programme", "programme", "null", "weeks: a plan needs a programme, and programme is empty" },
  { "level-range", "weeks/0/level", "5", "weeks[0].level: 5 is outside 0-4" },
  { "decision", "weeks/0/decision", "\"promote\"",
    "weeks[0].decision: “promote” is not one of start, progress, hold, regress, maintain" },
  /* Numbers as written, before json-glib converts them. */
  { "pain-wrap", "runs/0/pain_during", "-18446744073709551613",
    "runs[0].pain_during: -18446744073709551613 is outside 0-10" },
  { "pain-wide", "runs/0/pain_during", "9223372036854775808",
    "runs[0].pain_during: 9223372036854775808 is outside 0-10" },
  { "id-wide", "runs/0/id", "18446744073709551617",
    "runs[0].id: 18446744073709551617 is outside 1-9223372036854775807" },
  { "distance-wide", "runs/0/distance_km", "18446744073709551617",
    "runs[0].distance_km: 18446744073709551617 is outside 0.001-399.999" },
  { "version-wide", "format_version", "18446744073709551617",
    "format_version 18446744073709551617 is newer than this Loadwise reads (2)" },
  { "app-version-wide", "app_version", "99999999999999999999", "app_version: 99999999999999999999 is too large a number" },
  { "fraction", "runs/0/climb_m", "12.5", "runs[0].climb_m: 12.5 is not a whole number" },
  { "whole-double", "runs/0/pain_during", "11.0", "runs[0].pain_during: 11 is outside 0-10" },
  { "huge-double", "runs/0/pain_during", "1e300", "runs[0].pain_during: 1e+300 is outside 0-10" },
  { "infinite", "runs/0/pain_during", "1e400", "runs[0].pain_during: expected a whole number" },
  /* Nesting. */
  { "deep", NULL, NULL, "Not a Loadwise backup: it nests more than 32 levels deep (a backup nests 3)" },
  { "deep-value", "runs/0/note", "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]",
    "Not a Loadwise backup: it nests more than 32 levels deep (a backup nests 3)" },
  /* Text. */
  { "nul", "runs/0/note", "\"before\\u0000after\"", "runs[0].note: text may not hold a NUL character (\\u0000)" },
  { "nul-in-name", NULL, "{\"format_version\": 1, \"ru\\u0000ns\": []}",
    "ru\\u0000ns: a member name may not hold a NUL character (\\u0000)" },
  { "control", "runs/0/note", "\"bell\\u0007\"",
    "runs[0].note: U+0007 is a control character; only text, line breaks and tabs are allowed" },
  { "carriage-return", "shoes/0/name", "\"Tr\\rail\"",
    "shoes[0].name: U+000D is a control character; only one line of text is allowed" },
  { "lone-surrogate", "shoes/0/name", "\"\\ud800x\"", "shoes[0].name: not valid UTF-8 text" },
  { "not-utf8", "runs/0/note", "\"\xff\"", "Not a JSON file (*" },
};

#define MARKER "@@bad-value@@"

/* Sets the member at @path ("runs/0/pain_during") of @root to @value. */
static void
set_path (JsonNode   *root,
          const char *path,
          JsonNode   *value)
{
  g_auto (GStrv) parts = g_strsplit (path, "/", -1);
  JsonNode *node = root;
  guint n = g_strv_length (parts);

  for (guint i = 0; i + 1 < n; i++)
    {
      if (JSON_NODE_HOLDS_ARRAY (node))
        node = json_array_get_element (json_node_get_array (node), (guint) atoi (parts[i]));
      else
        node = json_object_get_member (json_node_get_object (node), parts[i]);
      g_assert_nonnull (node);
    }
  json_object_set_member (json_node_get_object (node), parts[n - 1], value);
}

static char *
break_backup (const char     *good,
              const BadImport *bad)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  JsonNode *root;

  if (bad->path == NULL && bad->json != NULL)
    return g_strdup (bad->json);
  if (g_str_equal (bad->name, "deep"))
    {
      /* Deeper than json-glib's stack takes (about 75,000). */
      GString *deep = g_string_new (NULL);

      for (guint i = 0; i < 100000; i++)
        g_string_append_c (deep, '[');
      return g_string_free (deep, FALSE);
    }
  if (bad->path == NULL && bad->edit == NULL)
    return g_strndup (good, strlen (good) / 2);

  json_parser_load_from_data (parser, good, -1, &error);
  g_assert_no_error (error);
  root = json_parser_get_root (parser);

  if (bad->edit != NULL)
    bad->edit (json_node_get_object (root));
  else if (bad->json != NULL)
    {
      /* A marker, replaced by the value's text after writing, so that
       * the value reaches the reader exactly as written. */
      JsonNode *marker = json_node_new (JSON_NODE_VALUE);
      g_auto (GStrv) halves = NULL;

      json_node_set_string (marker, MARKER);
      set_path (root, bad->path, marker);
      json_generator_set_root (generator, root);
      text = json_generator_to_data (generator, NULL);
      halves = g_strsplit (text, "\"" MARKER "\"", 2);
      g_assert_cmpuint (g_strv_length (halves), ==, 2);
      return g_strconcat (halves[0], bad->json, halves[1], NULL);
    }
  else
    {
      /* The second check-in on the first one's date. */
      JsonArray *checkins = json_object_get_array_member (json_node_get_object (root), "checkins");
      const char *date = json_object_get_string_member (json_array_get_object_element (checkins, 0), "date");

      json_object_set_string_member (json_array_get_object_element (checkins, 1), "date", date);
    }
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

static void
test_bad_imports (CliFixture    *fixture,
                  gconstpointer  data)
{
  CliFixture source = { 0 };
  g_autofree char *good_path = NULL;
  g_autofree char *good = NULL;
  g_autofree char *before = NULL;
  gsize before_len = 0;

  cli_fixture_setup (&source, NULL);
  g_free (cli_run_ok (&source, NULL, "demo", "--years", "1", "--seed", "11", NULL));
  good_path = export_to (&source, "good.json");
  g_file_get_contents (good_path, &good, NULL, NULL);

  /* The target holds data of its own, so --replace would change it. */
  g_free (cli_run_ok (fixture, NULL, "demo", "--years", "1", "--seed", "12", NULL));
  g_file_get_contents (fixture->db_path, &before, &before_len, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (bad_imports); i++)
    {
      const BadImport *bad = &bad_imports[i];
      g_autofree char *name = g_strdup_printf ("%s.json", bad->name);
      g_autofree char *path = g_build_filename (fixture->tmpdir, name, NULL);
      g_autofree char *broken = break_backup (good, bad);
      g_autofree char *prefix = g_strdup_printf ("loadwise-cli: %s: ", path);
      g_autofree char *after = NULL;
      g_auto (CliResult) result = { 0 };
      gsize after_len = 0;

      g_test_message ("%s", bad->name);
      g_file_set_contents (path, broken, -1, NULL);
      cli_run (fixture, NULL, &result, "import", "--replace", path, NULL);
      g_assert_cmpint (result.status, ==, 2);
      g_assert_true (g_str_has_prefix (result.err, prefix));
      if (strchr (bad->message, '*') != NULL)
        {
          /* The part after '*' is left to the parser or the core. */
          const char *star = strchr (bad->message, '*');
          g_autofree char *head = g_strdup_printf ("%s%.*s", prefix, (int) (star - bad->message),
                                                   bad->message);
          g_autofree char *tail = g_strdup_printf ("%s\n", star + 1);

          g_assert_true (g_str_has_prefix (result.err, head));
          g_assert_true (g_str_has_suffix (result.err, tail));
        }
      else
        {
          g_autofree char *expected = g_strdup_printf ("%s%s\n", prefix, bad->message);

          g_assert_cmpstr (result.err, ==, expected);
        }

      /* Nothing changed, and no backup was needed. */
      g_file_get_contents (fixture->db_path, &after, &after_len, NULL);
      g_assert_cmpmem (before, before_len, after, after_len);
    }

  {
    g_autofree char *backups_dir = g_build_filename (fixture->data_dir, "backups", NULL);
    g_autoptr (GDir) dir = g_dir_open (backups_dir, 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      g_assert_false (g_str_has_prefix (name, "loadwise-before-import-"));
  }
  cli_fixture_teardown (&source, NULL);
}

static const BadImport *
find_bad (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad_imports); i++)
    if (g_str_equal (bad_imports[i].name, name))
      return &bad_imports[i];
  g_assert_not_reached ();
}

/* Refused into an empty database: not even the file is made. Then the
 * good backup goes in without --replace, so nothing was written before,
 * and text that only looks like the refused cases survives. */
static void
test_refused_into_empty (CliFixture    *fixture,
                         gconstpointer  data)
{
  static const char *const names[] = {
    "setting-bool", "setting-unknown", "weeks-empty", "weeks-no-week-1", "review-beyond-plan",
    "pain-wrap", "fraction", "deep", "nul", "control",
  };
  CliFixture source = { 0 };
  g_autofree char *good_path = NULL;
  g_autofree char *good = NULL;
  g_autofree char *big_path = g_build_filename (fixture->tmpdir, "big.json", NULL);
  g_autofree char *kept = NULL;
  g_autofree char *exported = NULL;
  g_auto (CliResult) big = { 0 };

  cli_fixture_setup (&source, NULL);
  g_free (cli_run_ok (&source, NULL, "demo", "--years", "1", "--seed", "11", NULL));
  good_path = export_to (&source, "good.json");
  g_file_get_contents (good_path, &good, NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      const BadImport *bad = find_bad (names[i]);
      g_autofree char *path = g_build_filename (fixture->tmpdir, "bad.json", NULL);
      g_autofree char *broken = break_backup (good, bad);
      g_auto (CliResult) result = { 0 };

      g_test_message ("%s", bad->name);
      g_file_set_contents (path, broken, -1, NULL);
      cli_run (fixture, NULL, &result, "import", path, NULL);
      g_assert_cmpint (result.status, ==, 2);
      g_assert_false (g_file_test (fixture->db_path, G_FILE_TEST_EXISTS));
    }

  /* Over the size bound: refused before it is parsed. A sparse file. */
  {
    FILE *file = fopen (big_path, "w");

    g_assert_nonnull (file);
    g_assert_cmpint (fseek (file, 100000000 - 1, SEEK_SET), ==, 0);
    fputc (' ', file);
    fclose (file);
  }
  cli_run (fixture, NULL, &big, "import", big_path, NULL);
  g_assert_cmpint (big.status, ==, 2);
  {
    /* g_format_size () puts a no-break space before the unit. */
    g_autofree char *expected = g_strdup_printf ("loadwise-cli: %s: The file is 100.0\302\240MB; "
                                                 "a Loadwise backup is at most 64.0\302\240MB\n", big_path);

    g_assert_cmpstr (big.err, ==, expected);
  }
  g_assert_false (g_file_test (fixture->db_path, G_FILE_TEST_EXISTS));

  {
    /* A backslash before u0000 is text, not a NUL; a line break and a tab are fine. */
    const BadImport fine = { "fine", "runs/0/note", "\"a\\\\u0000 is\\n\\tfine\"", NULL, NULL };
    g_autofree char *path = g_build_filename (fixture->tmpdir, "fine.json", NULL);
    g_autofree char *text = break_backup (good, &fine);

    g_file_set_contents (path, text, -1, NULL);
    g_free (cli_run_ok (fixture, NULL, "import", path, NULL));
  }
  kept = export_to (fixture, "kept.json");
  g_file_get_contents (kept, &exported, NULL, NULL);
  g_assert_nonnull (strstr (exported, "\"note\" : \"a\\\\u0000 is\\n\\tfine\""));
  cli_fixture_teardown (&source, NULL);
}

/* The same bound on text handed over in memory, which no file check saw. */
static void
test_size_bound_in_memory (void)
{
  gsize length = 64000001;
  g_autofree char *text = g_malloc (length);
  g_autoptr (LoadwiseDataset) dataset = NULL;
  g_autoptr (GError) error = NULL;

  memset (text, ' ', length);
  dataset = loadwise_json_backup_to_dataset (text, (gssize) length, &error);
  g_assert_null (dataset);
  g_assert_error (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT);
  g_assert_cmpstr (error->message, ==, "The file is 64.0\302\240MB; a Loadwise backup is at most 64.0\302\240MB");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli/import/round-trip", CliFixture, NULL,
              cli_fixture_setup, test_round_trip, cli_fixture_teardown);
  g_test_add ("/cli/import/round-trip-recorded", CliFixture, NULL,
              cli_fixture_setup, test_round_trip_recorded, cli_fixture_teardown);
  g_test_add ("/cli/import/older-backup", CliFixture, NULL,
              cli_fixture_setup, test_older_backup, cli_fixture_teardown);
  g_test_add ("/cli/import/replace", CliFixture, NULL,
              cli_fixture_setup, test_replace, cli_fixture_teardown);
  g_test_add ("/cli/import/bad-imports", CliFixture, NULL,
              cli_fixture_setup, test_bad_imports, cli_fixture_teardown);
  g_test_add ("/cli/import/refused-into-empty", CliFixture, NULL,
              cli_fixture_setup, test_refused_into_empty, cli_fixture_teardown);
  g_test_add_func ("/cli/import/size-bound-in-memory", test_size_bound_in_memory);

  return g_test_run ();
}
