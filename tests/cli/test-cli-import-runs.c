/* test-cli-import-runs.c: `import-runs` on GPX, TCX and FIT files and
 * folders (issue 14), through the built loadwise-cli
 *
 * Every track is written by the test (cli-track-util.h): GPX as
 * OpenTracks writes it, with a known distance and elevation profile plus
 * GPS-like noise, and TCX and FIT copies of it made with gpsbabel.
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "cli-test-util.h"
#include "cli-track-util.h"
#include "loadwise-test-util.h"
#include "core/loadwise-track.h"
#include "store/loadwise-database-runs.h"

static JsonNode *
parse_json (const char *text)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static JsonArray *
runs_on_disk (CliFixture *fixture,
              JsonNode  **out_node)
{
  *out_node = cli_run_json (fixture, NULL, "runs", "--json", NULL);
  return json_node_get_array (*out_node);
}

static void
assert_within (double measured,
               double truth,
               double fraction)
{
  if (fabs (measured - truth) > fraction * truth)
    g_error ("%g is not within %g%% of %g", measured, fraction * 100, truth);
}

/* The data folder on disk, taken after a read, so that any effect of
 * opening shows before, too. */
static void
take_snapshot (CliFixture   *fixture,
               CliDiskState *snapshot)
{
  g_free (cli_run_ok (fixture, NULL, "runs", "--json", NULL));
  cli_disk_state_take (fixture, snapshot);
}

/* Straight after the command: no read in between to tidy anything. */
static void
assert_unchanged (CliFixture         *fixture,
                  const CliDiskState *before)
{
  g_auto (CliDiskState) after = { 0 };

  cli_disk_state_take (fixture, &after);
  cli_disk_state_assert_equal (&after, before);
}

/* The database exists, with a programme: what a refusal must not touch. */
static void
start (CliFixture *fixture)
{
  cli_start_default_programme (fixture);
}

static JsonObject *
find_by_file (JsonArray  *array,
              const char *path)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);

      if (g_strcmp0 (cli_json_get_string (object, "file"), path) == 0)
        return object;
    }
  g_error ("no entry for %s", path);
  return NULL;
}

static void
test_files (CliFixture    *fixture,
            gconstpointer  data)
{
  g_autofree char *hill = cli_track_write_gpx (fixture->tmpdir, "hill.gpx", &cli_track_hill_run);
  g_autofree char *flat = cli_track_write_gpx (fixture->tmpdir, "flat.gpx", &cli_track_flat_run);
  g_autofree char *hill_sha = cli_track_sha256_of (hill);
  g_autofree char *flat_sha = cli_track_sha256_of (flat);
  g_autoptr (JsonNode) node = NULL;
  g_autoptr (JsonNode) disk_node = NULL;
  g_autoptr (LoadwiseDatabase) database = NULL;
  g_autoptr (GError) error = NULL;
  JsonObject *result;
  JsonArray *runs;
  JsonArray *disk;

  g_free (cli_run_ok (fixture, NULL, "shoes", "add", "Trail pair", NULL));
  /* Given in this order, listed by start time. */
  node = cli_run_json (fixture, NULL, "import-runs", flat, hill, "--pain-during", "3", "--pain-after", "2",
                       "--shoe", "Trail pair", "--surface", "trail", "--camber", "left", "--json", NULL);
  result = cli_json_object (node);
  cli_json_assert_members (result, "written", "runs", "already_there", "skipped", NULL);
  g_assert_true (cli_json_get_boolean (result, "written"));
  g_assert_cmpuint (json_array_get_length (cli_json_get_array (result, "already_there")), ==, 0);
  g_assert_cmpuint (json_array_get_length (cli_json_get_array (result, "skipped")), ==, 0);
  runs = cli_json_get_array (result, "runs");
  g_assert_cmpuint (json_array_get_length (runs), ==, 2);

  {
    JsonObject *first = json_array_get_object_element (runs, 0);
    JsonObject *second = json_array_get_object_element (runs, 1);
    JsonArray *factors = cli_json_get_array (first, "factors");
    JsonObject *steepest = cli_json_get_object (first, "steepest_descent");

    cli_json_assert_members (first, "file", "id", "date", "distance_km", "distance_m", "duration_s",
                             "pace_s_per_km", "climb_m", "descent_m", "speed", "long", "long_marked", "camber",
                             "surface", "shoe", "pain_during", "pain_after", "note", "started_at",
                             "track_sha256", "format", "distance_source", "elapsed_s", "elevation", "factors",
                             "profile_points", "steepest_descent", NULL);
    g_assert_cmpstr (cli_json_get_string (first, "file"), ==, hill);
    g_assert_cmpstr (cli_json_get_string (second, "file"), ==, flat);
    g_assert_cmpint (cli_json_get_int (first, "id"), >, 0);
    g_assert_cmpint (cli_json_get_int (second, "id"), >, 0);
    g_assert_cmpint (cli_json_get_int (first, "id"), !=, cli_json_get_int (second, "id"));
    g_assert_cmpstr (cli_json_get_string (first, "date"), ==, "2026-11-20");
    g_assert_cmpstr (cli_json_get_string (first, "started_at"), ==, "2026-11-20T07:15:00Z");
    g_assert_cmpstr (cli_json_get_string (first, "format"), ==, "gpx");
    g_assert_cmpstr (cli_json_get_string (first, "distance_source"), ==, "track");
    g_assert_cmpstr (cli_json_get_string (first, "elevation"), ==, "gps");
    g_assert_cmpint (cli_json_get_int (first, "elapsed_s"), ==, 1800);
    g_assert_cmpint (cli_json_get_int (first, "duration_s"), ==, 1800);
    g_assert_cmpint (cli_json_get_int (first, "profile_points"), >, 1);
    g_assert_cmpint (cli_json_get_int (first, "profile_points"), <=, LOADWISE_PROFILE_MAX_POINTS);
    /* The steepest 400 m lie in the last third, where the 250 m are lost. */
    g_assert_cmpint (cli_json_get_int (steepest, "start_m"), >=, 3500);
    g_assert_cmpint (cli_json_get_int (steepest, "drop_m"), >, 0);
    /* 200 m up and 250 m down: hilly and downhill (LOADWISE_INSIGHT_HILL_M). */
    g_assert_cmpuint (json_array_get_length (factors), ==, 2);
    g_assert_cmpstr (json_array_get_string_element (factors, 0), ==, "hilly");
    g_assert_cmpstr (json_array_get_string_element (factors, 1), ==, "downhill");
    g_assert_cmpuint (json_array_get_length (cli_json_get_array (second, "factors")), ==, 0);
    g_assert_true (cli_json_is_null (second, "steepest_descent") ||
                   cli_json_get_int (cli_json_get_object (second, "steepest_descent"), "drop_m") < 10);
  }

  /* The rows on disk: measured, from the tracks, with the options given. */
  disk = runs_on_disk (fixture, &disk_node);
  g_assert_cmpuint (json_array_get_length (disk), ==, 2);
  database = loadwise_database_open (fixture->db_path, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 2; i++)
    {
      JsonObject *run = json_array_get_object_element (disk, i);
      const TrackSpec *spec = i == 0 ? &cli_track_hill_run : &cli_track_flat_run;
      g_autoptr (GDateTime) start_time = g_date_time_new_from_unix_utc (cli_track_start_seconds (spec));
      g_autofree char *started = g_date_time_format (start_time, "%Y-%m-%dT%H:%M:%SZ");
      g_autoptr (GArray) profile = NULL;
      JsonObject *shown = json_array_get_object_element (runs, i);

      g_assert_cmpint (cli_json_get_int (run, "id"), ==, cli_json_get_int (shown, "id"));
      assert_within ((double) cli_json_get_int (run, "distance_m"), cli_track_true_distance_m (spec), 0.01);
      g_assert_cmpint (cli_json_get_int (run, "distance_m"), ==, cli_json_get_int (shown, "distance_m"));
      g_assert_cmpint (cli_json_get_int (run, "descent_m"), ==, cli_json_get_int (shown, "descent_m"));
      g_assert_cmpint (cli_json_get_int (run, "climb_m"), ==, cli_json_get_int (shown, "climb_m"));
      if (spec->descent_m > 0)
        {
          assert_within ((double) cli_json_get_int (run, "descent_m"), spec->descent_m, 0.10);
          assert_within ((double) cli_json_get_int (run, "climb_m"), spec->climb_m, 0.10);
        }
      else
        g_assert_cmpint (cli_json_get_int (run, "descent_m"), <, 10);
      g_assert_cmpstr (cli_json_get_string (run, "started_at"), ==, started);
      g_assert_cmpstr (cli_json_get_string (run, "track_sha256"), ==, i == 0 ? hill_sha : flat_sha);
      g_assert_cmpint (cli_json_get_int (run, "pain_during"), ==, 3);
      g_assert_cmpint (cli_json_get_int (run, "pain_after"), ==, 2);
      g_assert_cmpstr (cli_json_get_string (run, "shoe"), ==, "Trail pair");
      g_assert_cmpstr (cli_json_get_string (run, "surface"), ==, "trail");
      g_assert_cmpstr (cli_json_get_string (run, "camber"), ==, "left");
      g_assert_true (cli_json_is_null (run, "note"));
      g_assert_false (cli_json_get_boolean (run, "long_marked"));

      profile = loadwise_database_get_run_profile (database, cli_json_get_int (run, "id"), &error);
      g_assert_no_error (error);
      g_assert_cmpint (profile->len, ==, cli_json_get_int (shown, "profile_points"));
      g_assert_cmpfloat (g_array_index (profile, LoadwiseProfilePoint, 0).distance_m, <, 100.0);
      assert_within (g_array_index (profile, LoadwiseProfilePoint, profile->len - 1).distance_m,
                     cli_track_true_distance_m (spec), 0.02);
      for (guint j = 1; j < profile->len; j++)
        g_assert_cmpfloat (g_array_index (profile, LoadwiseProfilePoint, j).distance_m, >,
                           g_array_index (profile, LoadwiseProfilePoint, j - 1).distance_m);
    }
}

static void
test_folder (CliFixture    *fixture,
             gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (fixture->tmpdir, "watch", NULL);
  g_autofree char *sub = g_build_filename (folder, "old", NULL);
  g_autofree char *source_dir = g_build_filename (fixture->tmpdir, "sources", NULL);
  g_autofree char *hill_source = NULL;
  g_autofree char *flat_source = NULL;
  g_autofree char *tcx = NULL;
  g_autofree char *fit = NULL;
  g_autofree char *gpx = NULL;
  g_autofree char *nested = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *heading_line = NULL;
  g_autoptr (JsonNode) disk_node = NULL;
  g_auto (GStrv) lines = NULL;
  g_auto (CliResult) result = { 0 };
  JsonArray *disk;
  const char *date_heading;
  guint date_column;

  g_assert_cmpint (g_mkdir_with_parents (sub, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (source_dir, 0700), ==, 0);
  hill_source = cli_track_write_gpx (source_dir, "hill.gpx", &cli_track_hill_run);
  flat_source = cli_track_write_gpx (source_dir, "flat.gpx", &cli_track_flat_run);
  /* Three formats, named as a phone and a watch would, one of them wide. */
  tcx = cli_track_convert (hill_source, "gtrnctr,course=0,sport=Running", folder, "Läufe-Hügel.TCX");
  fit = cli_track_convert (flat_source, "garmin_fit", folder, "東京-flat.fit");
  gpx = cli_track_write_gpx (folder, "a.gpx", &cli_track_short_run);
  /* Not read: a subfolder, and a file that is not a track. */
  nested = cli_track_write_gpx (sub, "nested.gpx", &cli_track_flat_run);
  notes = cli_track_write_file (folder, "notes.txt", "easy week\n", -1);

  start (fixture);
  cli_run (fixture, NULL, &result, "import-runs", folder, "--pain-during", "1", NULL);
  g_assert_cmpstr (result.err, ==, "");
  g_assert_cmpint (result.status, ==, 0);

  /* The heading, one row per file by start time, and the summary. */
  lines = g_strsplit (result.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 6);
  g_assert_cmpstr (lines[5], ==, "");
  g_assert_cmpstr (lines[4], ==, "3 runs imported.");
  g_assert_true (g_str_has_prefix (lines[0], "File"));
  g_assert_true (g_str_has_prefix (lines[1], "a.gpx "));
  g_assert_true (g_str_has_prefix (lines[2], "Läufe-Hügel.TCX "));
  g_assert_true (g_str_has_prefix (lines[3], "東京-flat.fit "));
  g_assert_nonnull (strstr (lines[1], "2026-11-19"));
  g_assert_nonnull (strstr (lines[2], "2026-11-20"));
  g_assert_nonnull (strstr (lines[3], "2026-11-22"));
  /* 6 km after a 3 km run: long too (more than 1.5 x the median before). */
  g_assert_true (g_str_has_suffix (lines[2], "  hilly, downhill, long"));
  /* 5 km after 3 and 6 km (median 4.5 km): not long. Flat, though its
   * FIT altitude carries the GPS noise of the track it was made from: a
   * FIT's altitude is smoothed like any other. */
  g_assert_null (strstr (lines[3], "long"));
  g_assert_null (strstr (lines[3], "hilly"));
  g_assert_null (strstr (lines[3], "downhill"));
  /* Padded by display width: each date starts in the heading's column,
   * though "東京" takes two columns a character. */
  heading_line = g_strdup (lines[0]);
  date_heading = strstr (heading_line, "Date");
  g_assert_nonnull (date_heading);
  date_column = cli_display_columns (heading_line, date_heading - heading_line);
  for (guint i = 1; i <= 3; i++)
    {
      const char *date = strstr (lines[i], "2026-11-");

      g_assert_nonnull (date);
      g_assert_cmpuint (cli_display_columns (lines[i], date - lines[i]), ==, date_column);
    }

  disk = runs_on_disk (fixture, &disk_node);
  g_assert_cmpuint (json_array_get_length (disk), ==, 3);
  assert_within ((double) cli_json_get_int (json_array_get_object_element (disk, 0), "distance_m"),
                 cli_track_true_distance_m (&cli_track_short_run), 0.01);
  /* The same run through TCX: the distance and descent it measures. */
  assert_within ((double) cli_json_get_int (json_array_get_object_element (disk, 1), "distance_m"),
                 cli_track_true_distance_m (&cli_track_hill_run), 0.01);
  assert_within ((double) cli_json_get_int (json_array_get_object_element (disk, 1), "descent_m"),
                 cli_track_hill_run.descent_m, 0.10);
  g_assert_cmpstr (cli_json_get_string (json_array_get_object_element (disk, 2), "started_at"), ==,
                   cli_track_flat_run.start);
}

static void
test_json_skipped (CliFixture    *fixture,
                   gconstpointer  data)
{
  g_autofree char *good = cli_track_write_gpx (fixture->tmpdir, "good.gpx", &cli_track_hill_run);
  g_autofree char *notxml = cli_track_write_file (fixture->tmpdir, "notes.gpx", "Ran 6 km by the lake, felt fine.\n", -1);
  g_autofree char *missing = g_build_filename (fixture->tmpdir, "missing.gpx", NULL);
  g_autofree char *other = cli_track_write_gpx (fixture->tmpdir, "flat.gpx", &cli_track_flat_run);
  g_autoptr (JsonNode) node = NULL;
  g_autoptr (JsonNode) disk_node = NULL;
  g_auto (CliResult) text = { 0 };
  JsonArray *skipped;
  JsonArray *disk;
  JsonObject *result;

  start (fixture);
  node = cli_run_json (fixture, NULL, "import-runs", "--json", "--pain-during", "0", good, notxml, missing, NULL);
  result = cli_json_object (node);
  g_assert_cmpuint (json_array_get_length (cli_json_get_array (result, "runs")), ==, 1);
  skipped = cli_json_get_array (result, "skipped");
  g_assert_cmpuint (json_array_get_length (skipped), ==, 2);
  /* Skipped files come last, by name; each reason names its file. */
  g_assert_cmpstr (cli_json_get_string (json_array_get_object_element (skipped, 0), "file"), ==, missing);
  g_assert_cmpstr (cli_json_get_string (json_array_get_object_element (skipped, 1), "file"), ==, notxml);
  cli_json_assert_members (json_array_get_object_element (skipped, 0), "file", "reason", NULL);
  g_assert_true (g_str_has_prefix (cli_json_get_string (find_by_file (skipped, missing), "reason"),
                                   "missing.gpx: "));
  g_assert_true (g_str_has_prefix (cli_json_get_string (find_by_file (skipped, notxml), "reason"),
                                   "notes.gpx: "));
  disk = runs_on_disk (fixture, &disk_node);
  g_assert_cmpuint (json_array_get_length (disk), ==, 1);

  /* In text, a partial import writes what it can, exits 0 and lists the
   * skips on stderr, one line each. */
  cli_run (fixture, NULL, &text, "import-runs", "--pain-during", "0", notxml, other, good, NULL);
  g_assert_cmpint (text.status, ==, 0);
  g_assert_true (g_str_has_prefix (text.err, "loadwise-cli: skipped notes.gpx: "));
  g_assert_cmpuint (strlen (text.err), >, strlen ("loadwise-cli: skipped notes.gpx: x\n"));
  g_assert_true (strchr (text.err, '\n') == text.err + strlen (text.err) - 1);
  g_assert_nonnull (strstr (text.out, "\ngood.gpx   already there: run of 20 November 2026\n"));
  g_assert_nonnull (strstr (text.out, "\nflat.gpx   2026-11-22  "));
  g_assert_nonnull (strstr (text.out, "\nnotes.gpx  skipped: "));
  g_assert_true (g_str_has_suffix (text.out, "\n1 run imported. 1 file was already there. 1 file skipped.\n"));
  g_clear_pointer (&disk_node, json_node_unref);
  disk = runs_on_disk (fixture, &disk_node);
  g_assert_cmpuint (json_array_get_length (disk), ==, 2);
}

static void
test_reimport (CliFixture    *fixture,
               gconstpointer  data)
{
  g_autofree char *gpx = cli_track_write_gpx (fixture->tmpdir, "morning.gpx", &cli_track_hill_run);
  g_autofree char *fit = cli_track_convert (gpx, "garmin_fit", NULL, "morning.fit");
  g_autoptr (JsonNode) first = NULL;
  g_autoptr (JsonNode) again = NULL;
  g_autoptr (JsonNode) as_fit = NULL;
  g_autoptr (JsonNode) disk_node = NULL;
  g_auto (CliDiskState) before = { 0 };
  g_auto (CliResult) text = { 0 };
  JsonArray *there;
  gint64 id;

  start (fixture);
  first = cli_run_json (fixture, NULL, "import-runs", gpx, "--pain-during", "2", "--json", NULL);
  id = cli_json_get_int (json_array_get_object_element (cli_json_get_array (cli_json_object (first), "runs"), 0),
                         "id");
  take_snapshot (fixture, &before);

  /* The same file again, and the same run as FIT: nothing is added. */
  again = cli_run_json (fixture, NULL, "import-runs", gpx, "--pain-during", "2", "--json", NULL);
  assert_unchanged (fixture, &before);
  as_fit = cli_run_json (fixture, NULL, "import-runs", fit, "--pain-during", "2", "--json", NULL);
  assert_unchanged (fixture, &before);
  for (guint i = 0; i < 2; i++)
    {
      JsonObject *result = cli_json_object (i == 0 ? again : as_fit);
      JsonObject *entry;

      g_assert_cmpuint (json_array_get_length (cli_json_get_array (result, "runs")), ==, 0);
      g_assert_cmpuint (json_array_get_length (cli_json_get_array (result, "skipped")), ==, 0);
      there = cli_json_get_array (result, "already_there");
      g_assert_cmpuint (json_array_get_length (there), ==, 1);
      entry = json_array_get_object_element (there, 0);
      cli_json_assert_members (entry, "file", "reason", "run_id", NULL);
      g_assert_cmpstr (cli_json_get_string (entry, "file"), ==, i == 0 ? gpx : fit);
      g_assert_cmpstr (cli_json_get_string (entry, "reason"), ==, "already there: run of 20 November 2026");
      g_assert_cmpint (cli_json_get_int (entry, "run_id"), ==, id);
    }

  cli_run (fixture, NULL, &text, "import-runs", fit, gpx, "--pain-during", "2", NULL);
  assert_unchanged (fixture, &before);
  g_assert_cmpint (text.status, ==, 0);
  g_assert_cmpstr (text.err, ==, "");
  g_assert_nonnull (strstr (text.out, "\nmorning.fit  already there: run of 20 November 2026\n"));
  g_assert_nonnull (strstr (text.out, "\nmorning.gpx  already there: run of 20 November 2026\n"));
  g_assert_true (g_str_has_suffix (text.out, "0 runs imported. 2 files were already there.\n"));
  g_assert_cmpuint (json_array_get_length (runs_on_disk (fixture, &disk_node)), ==, 1);
}

/* Two files of one import that hold the same run: the second is already there. */
static void
test_same_run_twice_in_one_call (CliFixture    *fixture,
                                 gconstpointer  data)
{
  g_autofree char *gpx = cli_track_write_gpx (fixture->tmpdir, "morning.gpx", &cli_track_hill_run);
  g_autofree char *fit = cli_track_convert (gpx, "garmin_fit", NULL, "watch.fit");
  g_autoptr (JsonNode) node = NULL;
  g_autoptr (JsonNode) disk_node = NULL;
  JsonObject *result;
  JsonObject *entry;

  node = cli_run_json (fixture, NULL, "import-runs", gpx, fit, "--pain-during", "1", "--json", NULL);
  result = cli_json_object (node);
  g_assert_cmpuint (json_array_get_length (cli_json_get_array (result, "runs")), ==, 1);
  g_assert_cmpstr (cli_json_get_string (json_array_get_object_element (cli_json_get_array (result, "runs"), 0),
                                        "file"), ==, gpx);
  entry = json_array_get_object_element (cli_json_get_array (result, "already_there"), 0);
  g_assert_cmpstr (cli_json_get_string (entry, "file"), ==, fit);
  g_assert_cmpstr (cli_json_get_string (entry, "reason"), ==, "already there: the same run as morning.gpx");
  g_assert_true (cli_json_is_null (entry, "run_id"));
  g_assert_cmpuint (json_array_get_length (runs_on_disk (fixture, &disk_node)), ==, 1);
}

static void
test_dry_run (CliFixture    *fixture,
              gconstpointer  data)
{
  g_autofree char *gpx = cli_track_write_gpx (fixture->tmpdir, "hill.gpx", &cli_track_hill_run);
  g_auto (CliDiskState) before = { 0 };
  g_auto (CliResult) text = { 0 };
  g_auto (CliResult) json = { 0 };
  g_autoptr (JsonNode) node = NULL;
  JsonObject *run;

  start (fixture);
  take_snapshot (fixture, &before);

  cli_run (fixture, NULL, &text, "import-runs", "--dry-run", "--pain-during", "4", gpx, NULL);
  assert_unchanged (fixture, &before);
  g_assert_cmpint (text.status, ==, 0);
  g_assert_cmpstr (text.err, ==, "");
  g_assert_nonnull (strstr (text.out, "\nhill.gpx  2026-11-20  "));
  g_assert_true (g_str_has_suffix (text.out, "\nPreview: 1 run to import; nothing was written.\n"));

  cli_run (fixture, NULL, &json, "import-runs", "--dry-run", gpx, "--json", NULL);
  assert_unchanged (fixture, &before);
  g_assert_cmpint (json.status, ==, 0);
  g_assert_cmpstr (json.err, ==, "");
  node = parse_json (json.out);
  g_assert_false (cli_json_get_boolean (cli_json_object (node), "written"));
  run = json_array_get_object_element (cli_json_get_array (cli_json_object (node), "runs"), 0);
  /* The proposed run: no id yet, and no pain until one is given. */
  g_assert_true (cli_json_is_null (run, "id"));
  g_assert_cmpint (cli_json_get_int (run, "pain_during"), ==, 0);
  g_assert_true (cli_json_is_null (run, "pain_after"));
  g_assert_cmpstr (cli_json_get_string (run, "surface"), ==, "road");
  g_assert_cmpstr (cli_json_get_string (run, "camber"), ==, "none");
  g_assert_true (cli_json_is_null (run, "shoe"));
  assert_within ((double) cli_json_get_int (run, "distance_m"), cli_track_true_distance_m (&cli_track_hill_run), 0.01);
}

static void
test_missing_pain (CliFixture    *fixture,
                   gconstpointer  data)
{
  g_autofree char *gpx = cli_track_write_gpx (fixture->tmpdir, "hill.gpx", &cli_track_hill_run);
  g_auto (CliDiskState) before = { 0 };
  g_auto (CliResult) result = { 0 };

  start (fixture);
  take_snapshot (fixture, &before);
  cli_run (fixture, NULL, &result, "import-runs", gpx, NULL);
  assert_unchanged (fixture, &before);
  g_assert_cmpint (result.status, ==, 1);
  /* The preview is still shown; the message says what is missing. */
  g_assert_nonnull (strstr (result.out, "\nhill.gpx  2026-11-20  "));
  g_assert_cmpstr (result.err, ==,
                   "loadwise-cli: import-runs: nothing was written: --pain-during is required to import "
                   "(0-10, for every run of the import); --dry-run only previews\n");
}

typedef struct {
  const char *args[6];
  int         status;
  const char *message;
} BadOption;

static const BadOption bad_options[] = {
  { { "--pain-during", "11" }, 2, "loadwise-cli: --pain-during: 11 is outside 0-10\n" },
  { { "--pain-during", "2", "--pain-after=-1" }, 2, "loadwise-cli: --pain-after: -1 is outside 0-10\n" },
  { { "--pain-during", "2", "--surface", "mud" }, 2,
    "loadwise-cli: --surface: mud is not one of road, trail, track, treadmill\n" },
  { { "--pain-during", "2", "--camber", "up" }, 2, "loadwise-cli: --camber: up is not one of none, left, right\n" },
  { { "--pain-during", "2", "--frobnicate" }, 2,
    "loadwise-cli: Unknown option --frobnicate (see 'loadwise-cli import-runs --help')\n" },
};

static void
test_bad_options (CliFixture    *fixture,
                  gconstpointer  data)
{
  g_autofree char *gpx = cli_track_write_gpx (fixture->tmpdir, "hill.gpx", &cli_track_hill_run);
  g_auto (CliDiskState) before = { 0 };

  start (fixture);
  take_snapshot (fixture, &before);
  for (guint i = 0; i < G_N_ELEMENTS (bad_options); i++)
    {
      const BadOption *bad = &bad_options[i];
      const char *argv[10] = { "import-runs", gpx };
      g_auto (CliResult) result = { 0 };

      for (guint j = 0; bad->args[j] != NULL; j++)
        argv[2 + j] = bad->args[j];
      cli_runv (fixture, NULL, argv, &result);
      assert_unchanged (fixture, &before);
      g_assert_cmpstr (result.err, ==, bad->message);
      g_assert_cmpstr (result.out, ==, "");
      g_assert_cmpint (result.status, ==, bad->status);
    }

  {
    g_auto (CliResult) result = { 0 };

    cli_run (fixture, NULL, &result, "import-runs", gpx, "--pain-during", "2", "--shoe", "Nowhere", NULL);
    assert_unchanged (fixture, &before);
    g_assert_cmpint (result.status, ==, 2);
    g_assert_true (g_str_has_prefix (result.err, "loadwise-cli: --shoe"));
    g_assert_nonnull (strstr (result.err, "Nowhere"));
  }
  {
    g_auto (CliResult) result = { 0 };

    cli_run (fixture, NULL, &result, "import-runs", "--pain-during", "2", NULL);
    assert_unchanged (fixture, &before);
    g_assert_cmpint (result.status, ==, 2);
    g_assert_cmpstr (result.err, ==, "loadwise-cli: import-runs: give the GPX, TCX or FIT files to import, "
                                     "or a folder of them\n");
  }
}

/* A bad file of each kind and the reason it is refused for, after its
 * name (the reader's and the core's words). */
static const struct {
  const char *name;
  const char *reason;
} bad_files[] = {
  { "truncated.gpx", "the file ends early (line 1510)" },
  { "not-xml.gpx", "not a GPX, TCX or FIT file" },
  { "xxe.gpx", "the file has a DOCTYPE, which track files never have" },
  { "laughs.gpx", "the file has a DOCTYPE, which track files never have" },
  { "ride.tcx", "this is a Biking activity, not a run" },
  { "no-times.gpx", "the file has no time stamps, so it is a planned route, not a recorded run" },
};

static char *
billion_laughs (void)
{
  GString *text = g_string_new ("<?xml version=\"1.0\"?>\n<!DOCTYPE gpx [\n  <!ENTITY lol \"lol\">\n");

  for (guint i = 1; i <= 9; i++)
    {
      g_string_append_printf (text, "  <!ENTITY lol%u \"", i);
      for (guint j = 0; j < 10; j++)
        g_string_append_printf (text, i == 1 ? "&lol;" : "&lol%u;", i - 1);
      g_string_append (text, "\">\n");
    }
  g_string_append (text, "]>\n<gpx version=\"1.1\" creator=\"x\" xmlns=\"http://www.topografix.com/GPX/1/1\">"
                         "<trk><name>&lol9;</name><trkseg>"
                         "<trkpt lat=\"47.3\" lon=\"8.54\"><time>2026-11-20T07:15:00Z</time></trkpt>"
                         "<trkpt lat=\"47.31\" lon=\"8.54\"><time>2026-11-20T07:20:00Z</time></trkpt>"
                         "</trkseg></trk></gpx>\n");
  return g_string_free (text, FALSE);
}

static char *
xxe (void)
{
  return g_strdup ("<?xml version=\"1.0\"?>\n"
                   "<!DOCTYPE gpx [ <!ENTITY secret SYSTEM \"file:///etc/passwd\"> ]>\n"
                   "<gpx version=\"1.1\" creator=\"x\" xmlns=\"http://www.topografix.com/GPX/1/1\">"
                   "<trk><name>&secret;</name><trkseg>"
                   "<trkpt lat=\"47.3\" lon=\"8.54\"><time>2026-11-20T07:15:00Z</time></trkpt>"
                   "<trkpt lat=\"47.31\" lon=\"8.54\"><time>2026-11-20T07:20:00Z</time></trkpt>"
                   "</trkseg></trk></gpx>\n");
}

/* Writes the files of bad_files into @dir. */
static void
write_bad_files (const char *dir)
{
  g_autofree char *good = cli_track_make_gpx (&cli_track_hill_run);
  g_autofree char *laughs = billion_laughs ();
  g_autofree char *entity = xxe ();
  g_autofree char *bike_source = NULL;
  g_autofree char *bike = NULL;
  TrackSpec bike_spec = cli_track_hill_run;
  TrackSpec untimed = cli_track_hill_run;
  g_autofree char *untimed_path = NULL;

  g_free (cli_track_write_file (dir, "truncated.gpx", good, strlen (good) / 2));
  g_free (cli_track_write_file (dir, "not-xml.gpx", "\x89PNG\r\n\x1a\n not a track", -1));
  g_free (cli_track_write_file (dir, "xxe.gpx", entity, -1));
  g_free (cli_track_write_file (dir, "laughs.gpx", laughs, -1));
  /* 24 km in an hour, recorded as a ride. */
  bike_spec.step_m = 20.0;
  bike_spec.n_points = 1201;
  bike_source = cli_track_write_gpx (dir, "ride-source.xml", &bike_spec);
  bike = cli_track_convert (bike_source, "gtrnctr,course=0,sport=Biking", NULL, "ride.tcx");
  g_remove (bike_source);
  untimed.no_time = TRUE;
  untimed_path = cli_track_write_gpx (dir, "no-times.gpx", &untimed);
}

static void
test_bad_files (CliFixture    *fixture,
                gconstpointer  data)
{
  g_autofree char *dir = g_build_filename (fixture->tmpdir, "bad", NULL);
  g_auto (CliDiskState) before = { 0 };

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  write_bad_files (dir);
  start (fixture);
  /* A run already stored, so that the file holds real rows. */
  g_free (cli_run_ok (fixture, NULL, "log-run", "--date", "2026-11-18", "--distance-km", "5", "--pain-during",
                      "1", NULL));
  take_snapshot (fixture, &before);

  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      const char *name = bad_files[i].name;
      g_autofree char *expected = g_strdup_printf ("%s: %s", name, bad_files[i].reason);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *err = g_strdup_printf ("loadwise-cli: skipped %s\n"
                                              "loadwise-cli: import-runs: every file was skipped; "
                                              "nothing was written\n", expected);
      g_autofree char *row = g_strdup_printf ("\n%s  skipped: %s\n", name, bad_files[i].reason);
      g_auto (CliResult) result = { 0 };
      g_auto (CliResult) json = { 0 };
      g_autoptr (JsonNode) node = NULL;
      JsonArray *skipped;
      const char *reason;

      cli_run (fixture, NULL, &result, "import-runs", path, "--pain-during", "2", NULL);
      assert_unchanged (fixture, &before);
      g_assert_cmpint (result.status, ==, 1);
      g_assert_cmpstr (result.err, ==, err);
      g_assert_nonnull (strstr (result.out, row));
      /* The text of a file's secret or of its entities never shows. */
      g_assert_null (strstr (result.out, "root:"));
      g_assert_null (strstr (result.out, "lollol"));

      cli_run (fixture, NULL, &json, "import-runs", path, "--pain-during", "2", "--json", NULL);
      assert_unchanged (fixture, &before);
      g_assert_cmpint (json.status, ==, 1);
      g_assert_cmpstr (json.err, ==, "loadwise-cli: import-runs: every file was skipped; nothing was written\n");
      node = parse_json (json.out);
      g_assert_cmpuint (json_array_get_length (cli_json_get_array (cli_json_object (node), "runs")), ==, 0);
      skipped = cli_json_get_array (cli_json_object (node), "skipped");
      g_assert_cmpuint (json_array_get_length (skipped), ==, 1);
      reason = cli_json_get_string (json_array_get_object_element (skipped, 0), "reason");
      g_assert_cmpstr (reason, ==, expected);
    }

  /* All of them as a folder: the same, in one call. */
  {
    g_auto (CliResult) result = { 0 };

    cli_run (fixture, NULL, &result, "import-runs", dir, "--pain-during", "2", NULL);
    assert_unchanged (fixture, &before);
    g_assert_cmpint (result.status, ==, 1);
    for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
      {
        g_autofree char *line = g_strdup_printf ("loadwise-cli: skipped %s: %s\n", bad_files[i].name,
                                                 bad_files[i].reason);

        g_assert_nonnull (strstr (result.err, line));
      }
  }
}

static void
test_empty_folder (CliFixture    *fixture,
                   gconstpointer  data)
{
  g_autofree char *dir = g_build_filename (fixture->tmpdir, "empty", NULL);
  g_autofree char *notes = NULL;
  g_auto (CliDiskState) before = { 0 };
  g_auto (CliResult) result = { 0 };

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  notes = cli_track_write_file (dir, "notes.txt", "no tracks here\n", -1);
  start (fixture);
  take_snapshot (fixture, &before);
  cli_run (fixture, NULL, &result, "import-runs", dir, "--pain-during", "2", NULL);
  assert_unchanged (fixture, &before);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_cmpstr (result.err, ==, "loadwise-cli: import-runs: no .gpx, .tcx or .fit file was found; nothing "
                                   "was written\n");
}

/* The output is the same in a German locale (decimal comma, other
 * thousands): numbers are the C locale's, for scripts. */
static void
test_c_locale_numbers (CliFixture    *fixture,
                       gconstpointer  data)
{
  TrackSpec spec = cli_track_hill_run;
  g_autofree char *gpx = NULL;
  g_autofree char *root = g_build_filename (fixture->tmpdir, "locale", NULL);
  g_autofree char *failure = NULL;
  const char *modes[] = { NULL, "--json" };

  /* 5.84 km: a figure with decimals. */
  spec.n_points = 585;
  gpx = cli_track_write_gpx (fixture->tmpdir, "hill.gpx", &spec);
  g_assert_cmpint (g_mkdir_with_parents (root, 0700), ==, 0);
  if (!loadwise_test_make_german (root, &failure))
    g_error ("no German locale for the test: %s", failure);

  for (guint i = 0; i < G_N_ELEMENTS (modes); i++)
    {
      const char *argv[] = { "import-runs", "--dry-run", gpx, modes[i], NULL };
      g_auto (CliResult) c = { 0 };
      g_auto (CliResult) german = { 0 };

      cli_runv (fixture, NULL, argv, &c);
      g_setenv ("LOCPATH", root, TRUE);
      g_setenv ("LC_ALL", "de_DE.UTF-8", TRUE);
      cli_runv (fixture, NULL, argv, &german);
      g_unsetenv ("LOCPATH");
      g_setenv ("LC_ALL", "C.UTF-8", TRUE);

      g_assert_cmpint (c.status, ==, 0);
      g_assert_cmpint (german.status, ==, 0);
      g_assert_cmpstr (german.err, ==, "");
      g_assert_cmpstr (german.out, ==, c.out);
      /* The point, not a comma. */
      g_assert_nonnull (strstr (c.out, i == 0 ? "  5.84  " : "\"distance_km\" : 5.83999"));
    }
}

static void
test_help (CliFixture    *fixture,
           gconstpointer  data)
{
  g_autofree char *help = cli_run_ok (fixture, NULL, "import-runs", "--help", NULL);
  g_autofree char *main_help = cli_run_ok (fixture, NULL, "--help", NULL);

  g_assert_true (g_str_has_prefix (help, "Usage:\n  loadwise-cli import-runs [OPTION…] FILE|FOLDER…\n"));
  g_assert_nonnull (strstr (help, "--pain-during=N"));
  g_assert_nonnull (strstr (help, "--dry-run"));
  g_assert_nonnull (strstr (help, "C locale"));
  g_assert_nonnull (strstr (help, "Exit status: 0 when"));
  g_assert_nonnull (strstr (main_help, "  import-runs  Import runs from GPX, TCX or FIT files\n"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli/import-runs/files", CliFixture, NULL, cli_fixture_setup, test_files, cli_fixture_teardown);
  g_test_add ("/cli/import-runs/folder", CliFixture, NULL, cli_fixture_setup, test_folder, cli_fixture_teardown);
  g_test_add ("/cli/import-runs/json-skipped", CliFixture, NULL,
              cli_fixture_setup, test_json_skipped, cli_fixture_teardown);
  g_test_add ("/cli/import-runs/reimport", CliFixture, NULL,
              cli_fixture_setup, test_reimport, cli_fixture_teardown);
  g_test_add ("/cli/import-runs/same-run-twice", CliFixture, NULL,
              cli_fixture_setup, test_same_run_twice_in_one_call, cli_fixture_teardown);
  g_test_add ("/cli/import-runs/dry-run", CliFixture, NULL,
              cli_fixture_setup, test_dry_run, cli_fixture_teardown);
  g_test_add ("/cli/import-runs/missing-pain", CliFixture, NULL,
              cli_fixture_setup, test_missing_pain, cli_fixture_teardown);
  g_test_add ("/cli/import-runs/bad-options", CliFixture, NULL,
              cli_fixture_setup, test_bad_options, cli_fixture_teardown);
  g_test_add ("/cli/import-runs/bad-files", CliFixture, NULL,
              cli_fixture_setup, test_bad_files, cli_fixture_teardown);
  g_test_add ("/cli/import-runs/empty-folder", CliFixture, NULL,
              cli_fixture_setup, test_empty_folder, cli_fixture_teardown);
  g_test_add ("/cli/import-runs/c-locale-numbers", CliFixture, NULL,
              cli_fixture_setup, test_c_locale_numbers, cli_fixture_teardown);
  g_test_add ("/cli/import-runs/help", CliFixture, NULL, cli_fixture_setup, test_help, cli_fixture_teardown);

  return g_test_run ();
}
