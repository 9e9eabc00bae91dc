/* test-run-import.c: loadwise_run_import_prepare() and _commit() called
 * directly, on a database of the test's own (issue 14)
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "loadwise-test-util.h"
#include "cli-track-util.h"
#include "core/loadwise-error.h"
#include "store/loadwise-database-runs.h"
#include "tracks/loadwise-run-import.h"

typedef struct {
  char             *dir;
  LoadwiseDatabase *db;
  GTimeZone        *tz;
} ImportFixture;

static void
fixture_setup (ImportFixture *fixture,
               gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr (GDateTime) now = NULL;
  g_autoptr (LoadwiseClock) clock = NULL;
  g_autoptr (GError) error = NULL;

  fixture->dir = loadwise_test_make_tmpdir ();
  path = loadwise_database_build_path (fixture->dir);
  fixture->db = loadwise_database_open (path, &error);
  g_assert_no_error (error);
  /* Monday 2026-11-23, 08:00 in Berlin, as the CLI tests. */
  fixture->tz = g_time_zone_new_identifier ("Europe/Berlin");
  g_assert_nonnull (fixture->tz);
  now = g_date_time_new (fixture->tz, 2026, 11, 23, 8, 0, 0);
  clock = loadwise_clock_new_fixed (now);
  loadwise_database_set_clock (fixture->db, clock);
}

static void
fixture_teardown (ImportFixture *fixture,
                  gconstpointer  data)
{
  g_clear_object (&fixture->db);
  g_clear_pointer (&fixture->tz, g_time_zone_unref);
  loadwise_test_rm_rf (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
}

/* Prepares the paths (NULL-terminated) and asserts it succeeded. */
static GPtrArray *
prepare (ImportFixture *fixture,
         ...)
{
  g_autoptr (GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GError) error = NULL;
  GPtrArray *items;
  const char *path;
  va_list va;

  va_start (va, fixture);
  while ((path = va_arg (va, const char *)) != NULL)
    g_ptr_array_add (files, g_file_new_for_path (path));
  va_end (va);

  items = loadwise_run_import_prepare (fixture->db, (GFile * const *) files->pdata, files->len, fixture->tz,
                                       NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (items);
  return items;
}

static LoadwiseRunImportItem *
item_at (GPtrArray *items,
         guint      i)
{
  g_assert_cmpuint (i, <, items->len);
  return g_ptr_array_index (items, i);
}

static guint
count_runs (ImportFixture *fixture)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) runs = loadwise_database_list_runs (fixture->db, NULL, NULL, &error);

  g_assert_no_error (error);
  return runs->len;
}

static void
test_status_names (void)
{
  g_assert_cmpstr (loadwise_run_import_status_to_string (LOADWISE_RUN_IMPORT_NEW), ==, "new");
  g_assert_cmpstr (loadwise_run_import_status_to_string (LOADWISE_RUN_IMPORT_ALREADY_THERE), ==, "already-there");
  g_assert_cmpstr (loadwise_run_import_status_to_string (LOADWISE_RUN_IMPORT_SKIPPED), ==, "skipped");
}

static void
test_prepare_proposes (ImportFixture *fixture,
                       gconstpointer  data)
{
  g_autofree char *flat = cli_track_write_gpx (fixture->dir, "flat.gpx", &cli_track_flat_run);
  g_autofree char *hill = cli_track_write_gpx (fixture->dir, "hill.gpx", &cli_track_hill_run);
  g_autofree char *zbad = cli_track_write_file (fixture->dir, "z-bad.gpx", "<gpx", -1);
  g_autofree char *abad = cli_track_write_file (fixture->dir, "a-bad.gpx", "not a track", -1);
  g_autofree char *sha = cli_track_sha256_of (hill);
  g_autoptr (GPtrArray) items = prepare (fixture, zbad, flat, abad, hill, NULL);
  LoadwiseRunImportItem *item;
  const LoadwiseRun *run;
  GDate date;

  /* By start time, then the skipped files by name. */
  g_assert_cmpuint (items->len, ==, 4);
  g_assert_cmpstr (item_at (items, 0)->name, ==, "hill.gpx");
  g_assert_cmpstr (item_at (items, 1)->name, ==, "flat.gpx");
  g_assert_cmpstr (item_at (items, 2)->name, ==, "a-bad.gpx");
  g_assert_cmpstr (item_at (items, 3)->name, ==, "z-bad.gpx");
  for (guint i = 2; i < 4; i++)
    {
      item = item_at (items, i);
      g_assert_cmpint (item->status, ==, LOADWISE_RUN_IMPORT_SKIPPED);
      g_assert_true (g_str_has_prefix (item->reason, item->name));
      g_assert_true (g_str_has_prefix (item->reason + strlen (item->name), ": "));
      g_assert_null (item->run);
      g_assert_null (item->profile);
    }

  item = item_at (items, 0);
  g_assert_cmpint (item->status, ==, LOADWISE_RUN_IMPORT_NEW);
  g_assert_cmpstr (item->path, ==, hill);
  g_assert_null (item->reason);
  g_assert_cmpint (item->format, ==, LOADWISE_TRACK_FORMAT_GPX);
  g_assert_cmpint (item->summary.started_at, ==, cli_track_start_seconds (&cli_track_hill_run));
  g_assert_cmpuint (item->factors, ==, LOADWISE_TRACK_FACTOR_HILLY | LOADWISE_TRACK_FACTOR_DOWNHILL);
  g_assert_nonnull (item->profile);
  g_assert_cmpuint (item->profile->len, >, 1);
  g_assert_cmpuint (item->profile->len, <=, LOADWISE_PROFILE_MAX_POINTS);

  /* What the track says, and the defaults for what it cannot know. */
  run = item->run;
  date = loadwise_test_date (2026, 11, 20);
  g_assert_cmpint (run->id, ==, 0);
  g_assert_cmpint (g_date_compare (&run->date, &date), ==, 0);
  g_assert_cmpuint (run->distance_m, ==, item->summary.distance_m);
  g_assert_cmpuint (run->distance_m, >=, 5940);
  g_assert_cmpuint (run->distance_m, <=, 6060);
  g_assert_cmpuint (run->duration_s, ==, item->summary.moving_s);
  g_assert_cmpuint (run->duration_s, ==, 1800);
  g_assert_cmpuint (run->climb_m, ==, item->summary.climb_m);
  g_assert_cmpuint (run->descent_m, ==, item->summary.descent_m);
  g_assert_cmpuint (run->descent_m, >=, 225);
  g_assert_cmpuint (run->descent_m, <=, 275);
  g_assert_cmpint (run->speed, ==, item->summary.speed_work);
  g_assert_false (run->long_run);
  g_assert_cmpint (run->surface, ==, LOADWISE_SURFACE_ROAD);
  g_assert_cmpint (run->camber, ==, LOADWISE_CAMBER_NONE);
  g_assert_cmpint (run->shoe_id, ==, 0);
  g_assert_cmpuint (run->pain_during, ==, 0);
  g_assert_false (run->has_pain_after);
  g_assert_null (run->note);
  g_assert_cmpint (run->started_at, ==, item->summary.started_at);
  g_assert_cmpstr (run->track_sha256, ==, sha);

  /* Preparing writes nothing. */
  g_assert_cmpuint (count_runs (fixture), ==, 0);
}

static void
test_commit_and_again (ImportFixture *fixture,
                       gconstpointer  data)
{
  g_autofree char *hill = cli_track_write_gpx (fixture->dir, "hill.gpx", &cli_track_hill_run);
  g_autofree char *flat = cli_track_write_gpx (fixture->dir, "flat.gpx", &cli_track_flat_run);
  g_autoptr (GPtrArray) items = prepare (fixture, hill, flat, NULL);
  g_autoptr (GPtrArray) again = NULL;
  g_autoptr (GPtrArray) nothing_new = NULL;
  g_autoptr (GError) error = NULL;
  guint added = 99;

  item_at (items, 0)->run->pain_during = 4;
  item_at (items, 1)->run->pain_during = 1;
  g_assert_true (loadwise_run_import_commit (fixture->db, items, &added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 2);
  g_assert_cmpuint (count_runs (fixture), ==, 2);

  for (guint i = 0; i < 2; i++)
    {
      LoadwiseRunImportItem *item = item_at (items, i);
      g_autoptr (LoadwiseRun) stored = NULL;
      g_autoptr (GArray) profile = NULL;

      g_assert_cmpint (item->run->id, >, 0);
      stored = loadwise_database_get_run (fixture->db, item->run->id, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (stored->distance_m, ==, item->run->distance_m);
      g_assert_cmpuint (stored->descent_m, ==, item->run->descent_m);
      g_assert_cmpuint (stored->pain_during, ==, i == 0 ? 4 : 1);
      g_assert_cmpint (stored->started_at, ==, item->run->started_at);
      g_assert_cmpstr (stored->track_sha256, ==, item->run->track_sha256);
      profile = loadwise_database_get_run_profile (fixture->db, item->run->id, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (profile->len, ==, item->profile->len);
      for (guint j = 0; j < profile->len; j++)
        {
          LoadwiseProfilePoint *a = &g_array_index (profile, LoadwiseProfilePoint, j);
          LoadwiseProfilePoint *b = &g_array_index (item->profile, LoadwiseProfilePoint, j);

          g_assert_cmpfloat_with_epsilon (a->distance_m, b->distance_m, 0.5);
          g_assert_cmpfloat_with_epsilon (a->elevation_m, b->elevation_m, 0.5);
        }
    }

  /* Again: each is already there, naming the stored run. */
  again = prepare (fixture, flat, hill, NULL);
  for (guint i = 0; i < 2; i++)
    {
      LoadwiseRunImportItem *item = item_at (again, i);

      g_assert_cmpint (item->status, ==, LOADWISE_RUN_IMPORT_ALREADY_THERE);
      g_assert_cmpint (item->existing_id, ==, item_at (items, i)->run->id);
      g_assert_cmpstr (item->reason, ==, i == 0 ? "already there: run of 20 November 2026"
                                                 : "already there: run of 22 November 2026");
      g_assert_null (item->run);
    }
  g_assert_true (loadwise_run_import_commit (fixture->db, again, &added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 0);
  g_assert_cmpuint (count_runs (fixture), ==, 2);

  /* Nothing at all to write is no error either. */
  nothing_new = g_ptr_array_new ();
  g_assert_true (loadwise_run_import_commit (fixture->db, nothing_new, NULL, &error));
  g_assert_no_error (error);
}

static void
test_commit_all_or_nothing (ImportFixture *fixture,
                            gconstpointer  data)
{
  g_autofree char *hill = cli_track_write_gpx (fixture->dir, "hill.gpx", &cli_track_hill_run);
  g_autofree char *flat = cli_track_write_gpx (fixture->dir, "flat.gpx", &cli_track_flat_run);
  g_autoptr (GPtrArray) items = prepare (fixture, hill, flat, NULL);
  g_autoptr (GError) error = NULL;
  guint added = 99;

  /* The second run's pain is out of range: neither is written. */
  item_at (items, 1)->run->pain_during = 11;
  g_assert_false (loadwise_run_import_commit (fixture->db, items, &added, &error));
  g_assert_error (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT);
  g_assert_true (g_str_has_prefix (error->message, "flat.gpx: "));
  g_assert_cmpuint (added, ==, 0);
  g_assert_cmpuint (count_runs (fixture), ==, 0);
  g_assert_cmpint (item_at (items, 0)->run->id, ==, 0);
  g_assert_cmpint (item_at (items, 1)->run->id, ==, 0);

  /* Put right, the same items go in. */
  g_clear_error (&error);
  item_at (items, 1)->run->pain_during = 2;
  g_assert_true (loadwise_run_import_commit (fixture->db, items, &added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 2);
}

static void
test_same_run_in_one_call (ImportFixture *fixture,
                           gconstpointer  data)
{
  g_autofree char *gpx = cli_track_write_gpx (fixture->dir, "morning.gpx", &cli_track_hill_run);
  g_autofree char *fit = cli_track_convert (gpx, "garmin_fit", NULL, "watch.fit");
  g_autoptr (GPtrArray) items = prepare (fixture, gpx, fit, gpx, NULL);
  g_autoptr (GError) error = NULL;
  guint added = 0;

  g_assert_cmpuint (items->len, ==, 3);
  g_assert_cmpint (item_at (items, 0)->status, ==, LOADWISE_RUN_IMPORT_NEW);
  g_assert_cmpstr (item_at (items, 0)->path, ==, gpx);
  /* The FIT by start time and distance, the GPX again by its hash. */
  for (guint i = 1; i < 3; i++)
    {
      LoadwiseRunImportItem *item = item_at (items, i);

      g_assert_cmpint (item->status, ==, LOADWISE_RUN_IMPORT_ALREADY_THERE);
      g_assert_cmpint (item->existing_id, ==, 0);
      g_assert_cmpstr (item->reason, ==, "already there: the same run as morning.gpx");
    }
  g_assert_cmpint (item_at (items, 1)->format, ==, LOADWISE_TRACK_FORMAT_FIT);
  g_assert_true (loadwise_run_import_commit (fixture->db, items, &added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 1);
}

static void
add_run (ImportFixture *fixture,
         int            day,
         guint          distance_m)
{
  g_autoptr (LoadwiseRun) run = loadwise_run_new ();
  g_autoptr (GError) error = NULL;

  run->date = loadwise_test_date (2026, 11, day);
  run->distance_m = distance_m;
  g_assert_true (loadwise_database_add_run (fixture->db, run, &error));
  g_assert_no_error (error);
}

static void
test_long_factor (ImportFixture *fixture,
                  gconstpointer  data)
{
  g_autofree char *hill = cli_track_write_gpx (fixture->dir, "hill.gpx", &cli_track_hill_run);
  g_autofree char *flat = cli_track_write_gpx (fixture->dir, "flat.gpx", &cli_track_flat_run);
  g_autofree char *short_gpx = cli_track_write_gpx (fixture->dir, "short.gpx", &cli_track_short_run);
  g_autoptr (GPtrArray) alone = NULL;
  g_autoptr (GPtrArray) after_short = NULL;
  g_autoptr (GPtrArray) after_stored = NULL;

  /* No history: nothing is long. */
  alone = prepare (fixture, hill, NULL);
  g_assert_cmpuint (item_at (alone, 0)->factors & LOADWISE_TRACK_FACTOR_LONG, ==, 0);

  /* 6 km after a 3 km run proposed in the same call: long (> 1.5 x 3 km);
   * the 5 km two days later is not (median 4.5 km). */
  after_short = prepare (fixture, flat, hill, short_gpx, NULL);
  g_assert_cmpstr (item_at (after_short, 0)->name, ==, "short.gpx");
  g_assert_cmpuint (item_at (after_short, 0)->factors & LOADWISE_TRACK_FACTOR_LONG, ==, 0);
  g_assert_cmpstr (item_at (after_short, 1)->name, ==, "hill.gpx");
  g_assert_cmpuint (item_at (after_short, 1)->factors & LOADWISE_TRACK_FACTOR_LONG, ==,
                    LOADWISE_TRACK_FACTOR_LONG);
  g_assert_cmpuint (item_at (after_short, 2)->factors & LOADWISE_TRACK_FACTOR_LONG, ==, 0);
  /* The rule is worked out again from the data; the run is not marked. */
  g_assert_false (item_at (after_short, 1)->run->long_run);

  /* Stored runs count too, but only those of the 4 weeks before. */
  add_run (fixture, 10, 3000);
  add_run (fixture, 12, 3000);
  add_run (fixture, 14, 3000);
  add_run (fixture, 21, 20000);  /* after the 20th: not in its window */
  after_stored = prepare (fixture, hill, NULL);
  g_assert_cmpuint (item_at (after_stored, 0)->factors & LOADWISE_TRACK_FACTOR_LONG, ==,
                    LOADWISE_TRACK_FACTOR_LONG);
}

static void
test_refusals (ImportFixture *fixture,
               gconstpointer  data)
{
  TrackSpec future = cli_track_flat_run;
  g_autofree char *ahead = NULL;
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.gpx", NULL);
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GFile) file = NULL;
  g_autoptr (GError) error = NULL;

  /* A watch with its clock ahead: a run after today is refused. */
  future.start = "2026-11-25T07:00:00Z";
  ahead = cli_track_write_gpx (fixture->dir, "ahead.gpx", &future);
  items = prepare (fixture, ahead, missing, NULL);
  g_assert_cmpint (item_at (items, 0)->status, ==, LOADWISE_RUN_IMPORT_SKIPPED);
  g_assert_cmpstr (item_at (items, 0)->reason, ==, "ahead.gpx: 2026-11-25 is in the future (today is 2026-11-23)");
  g_assert_cmpint (item_at (items, 1)->status, ==, LOADWISE_RUN_IMPORT_SKIPPED);
  g_assert_true (g_str_has_prefix (item_at (items, 1)->reason, "missing.gpx: "));

  /* Cancelled: an error, no items. */
  file = g_file_new_for_path (ahead);
  g_cancellable_cancel (cancellable);
  g_assert_null (loadwise_run_import_prepare (fixture->db, &file, 1, fixture->tz, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (count_runs (fixture), ==, 0);
}

static void
test_folder (ImportFixture *fixture,
             gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (fixture->dir, "watch", NULL);
  g_autofree char *sub = g_build_filename (folder, "sub.gpx", NULL);
  g_autofree char *b = NULL;
  g_autofree char *a = NULL;
  g_autofree char *nested = NULL;
  g_autofree char *text = NULL;
  g_autoptr (GPtrArray) items = NULL;

  g_assert_cmpint (g_mkdir_with_parents (sub, 0700), ==, 0);
  /* Only the folder's own track files: not the folder sub.gpx nor what
   * is in it, not c.txt. */
  b = cli_track_write_gpx (folder, "b.GPX", &cli_track_flat_run);
  a = cli_track_write_file (folder, "a.tcx", "<TrainingCenterDatabase/>", -1);
  nested = cli_track_write_gpx (sub, "nested.gpx", &cli_track_hill_run);
  text = cli_track_write_file (folder, "c.txt", "a note", -1);

  items = prepare (fixture, folder, NULL);
  g_assert_cmpuint (items->len, ==, 2);
  g_assert_cmpstr (item_at (items, 0)->path, ==, b);
  g_assert_cmpint (item_at (items, 0)->status, ==, LOADWISE_RUN_IMPORT_NEW);
  g_assert_cmpstr (item_at (items, 1)->path, ==, a);
  g_assert_cmpint (item_at (items, 1)->status, ==, LOADWISE_RUN_IMPORT_SKIPPED);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/run-import/status-names", test_status_names);
  g_test_add ("/run-import/prepare-proposes", ImportFixture, NULL,
              fixture_setup, test_prepare_proposes, fixture_teardown);
  g_test_add ("/run-import/commit-and-again", ImportFixture, NULL,
              fixture_setup, test_commit_and_again, fixture_teardown);
  g_test_add ("/run-import/commit-all-or-nothing", ImportFixture, NULL,
              fixture_setup, test_commit_all_or_nothing, fixture_teardown);
  g_test_add ("/run-import/same-run-in-one-call", ImportFixture, NULL,
              fixture_setup, test_same_run_in_one_call, fixture_teardown);
  g_test_add ("/run-import/long-factor", ImportFixture, NULL,
              fixture_setup, test_long_factor, fixture_teardown);
  g_test_add ("/run-import/refusals", ImportFixture, NULL,
              fixture_setup, test_refusals, fixture_teardown);
  g_test_add ("/run-import/folder", ImportFixture, NULL, fixture_setup, test_folder, fixture_teardown);

  return g_test_run ();
}
