/* test-store-recorded-runs.c: runs from recorded tracks (issue 14)
 *
 * Runs with their start, the file's SHA-256 and an elevation profile go
 * in together or not at all; a file is found again by its hash or by its
 * start and distance; an edit keeps the recording and a delete takes the
 * profile with it.
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include "core/loadwise-error.h"
#include "store/loadwise-database-runs.h"

#include "loadwise-test-util.h"
#include "store-test-util.h"

/* 2026-03-04T06:12:00Z, a Wednesday morning run in Berlin. */
#define STARTED_AT G_GINT64_CONSTANT (1772604720)
#define SHA_A "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
#define SHA_B "60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752"

static gint64
count (StoreFixture *fixture,
       const char   *sql)
{
  return store_test_query_int (loadwise_database_get_handle (fixture->db), sql);
}

static LoadwiseRun *
recorded_run (gint64      started_at,
              guint       distance_m,
              const char *sha256)
{
  LoadwiseRun *run = loadwise_run_new ();

  run->date = loadwise_test_date (2026, 3, 4);
  run->distance_m = distance_m;
  run->duration_s = 2400;
  run->climb_m = 85;
  run->descent_m = 90;
  run->pain_during = 2;
  run->started_at = started_at;
  run->track_sha256 = g_strdup (sha256);
  return run;
}

/* @n points from 0 to @distance_m, the elevation a gentle wave. */
static GArray *
wave_profile (guint  n,
              double distance_m)
{
  GArray *profile = g_array_new (FALSE, FALSE, sizeof (LoadwiseProfilePoint));

  for (guint i = 0; i < n; i++)
    {
      LoadwiseProfilePoint point;

      point.distance_m = n > 1 ? distance_m * i / (n - 1) : 0;
      point.elevation_m = 120.0 + 30.0 * sin (i / 10.0) + i / 7.0;
      g_array_append_val (profile, point);
    }
  return profile;
}

static GPtrArray *
new_runs (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) loadwise_run_free);
}

static GPtrArray *
new_profiles (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
}

static void
assert_same_profile (const GArray *a,
                     const GArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    {
      g_assert_cmpfloat (g_array_index (a, LoadwiseProfilePoint, i).distance_m, ==,
                         g_array_index (b, LoadwiseProfilePoint, i).distance_m);
      g_assert_cmpfloat (g_array_index (a, LoadwiseProfilePoint, i).elevation_m, ==,
                         g_array_index (b, LoadwiseProfilePoint, i).elevation_m);
    }
}

static void
test_round_trip (StoreFixture  *fixture,
                 gconstpointer  data)
{
  g_autoptr (GPtrArray) runs = new_runs ();
  g_autoptr (GPtrArray) profiles = new_profiles ();
  g_autoptr (GArray) profile = wave_profile (LOADWISE_PROFILE_MAX_POINTS, 8400);
  g_autoptr (GArray) read_profile = NULL;
  g_autoptr (GArray) none = NULL;
  g_autoptr (LoadwiseRun) read = NULL;
  g_autoptr (GPtrArray) listed = NULL;
  g_autoptr (GError) error = NULL;
  LoadwiseRun *first, *second;

  first = recorded_run (STARTED_AT, 8400, SHA_A);
  first->note = g_strdup ("  hills  ");
  second = recorded_run (STARTED_AT + 86400, 5000, SHA_B);
  second->date = loadwise_test_date (2026, 3, 5);
  g_ptr_array_add (runs, first);
  g_ptr_array_add (runs, second);
  g_ptr_array_add (profiles, g_array_ref (profile));
  /* The second file had no elevation: no profile. */
  g_ptr_array_add (profiles, g_array_new (FALSE, FALSE, sizeof (LoadwiseProfilePoint)));

  g_assert_true (loadwise_database_add_runs_with_profiles (fixture->db, runs, profiles, &error));
  g_assert_no_error (error);
  g_assert_cmpint (first->id, >, 0);
  g_assert_cmpint (second->id, >, first->id);

  /* On disk: the start as UTC text, the hash, every point in order. */
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM run WHERE started_at = '2026-03-04T06:12:00Z'"
                                   " AND track_sha256 = '" SHA_A "' AND note = 'hills'"), ==, 1);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM run WHERE started_at = '2026-03-05T06:12:00Z'"
                                   " AND track_sha256 = '" SHA_B "'"), ==, 1);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM run_profile"), ==, LOADWISE_PROFILE_MAX_POINTS);
  g_assert_cmpint (count (fixture, "SELECT max (idx) FROM run_profile"), ==, LOADWISE_PROFILE_MAX_POINTS - 1);
  g_assert_cmpint (count (fixture, "SELECT max (distance_m) FROM run_profile"), ==, 8400);

  read = loadwise_database_get_run (fixture->db, first->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (read->started_at, ==, STARTED_AT);
  g_assert_cmpstr (read->track_sha256, ==, SHA_A);
  g_assert_cmpuint (read->distance_m, ==, 8400);
  g_assert_cmpuint (read->descent_m, ==, 90);
  g_assert_cmpstr (read->note, ==, "hills");

  listed = loadwise_database_list_runs (fixture->db, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 2);
  g_assert_cmpint (((LoadwiseRun *) g_ptr_array_index (listed, 1))->started_at, ==, STARTED_AT + 86400);
  g_assert_cmpstr (((LoadwiseRun *) g_ptr_array_index (listed, 1))->track_sha256, ==, SHA_B);

  read_profile = loadwise_database_get_run_profile (fixture->db, first->id, &error);
  g_assert_no_error (error);
  assert_same_profile (read_profile, profile);
  none = loadwise_database_get_run_profile (fixture->db, second->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (none->len, ==, 0);

  /* Without @profiles at all, and an empty batch, which writes nothing. */
  {
    g_autoptr (GPtrArray) more = new_runs ();
    g_autoptr (GPtrArray) empty = new_runs ();
    LoadwiseRun *third = recorded_run (STARTED_AT + 2 * 86400, 6000, NULL);

    g_ptr_array_add (more, third);
    g_assert_true (loadwise_database_add_runs_with_profiles (fixture->db, more, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpint (count (fixture, "SELECT count(*) FROM run WHERE track_sha256 IS NULL"
                                     " AND started_at = '2026-03-06T06:12:00Z'"), ==, 1);
    g_assert_true (loadwise_database_add_runs_with_profiles (fixture->db, empty, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpint (count (fixture, "SELECT count(*) FROM run"), ==, 3);
  }

  /* A run typed in stays without a recording; add_run stores one it is
   * given, through the same insert. */
  {
    g_autoptr (LoadwiseRun) typed = recorded_run (0, 4000, NULL);
    g_autoptr (LoadwiseRun) given = recorded_run (STARTED_AT - 86400, 4000, SHA_B);
    g_autoptr (LoadwiseRun) back = NULL;

    g_assert_true (loadwise_database_add_run (fixture->db, typed, &error));
    g_assert_no_error (error);
    back = loadwise_database_get_run (fixture->db, typed->id, &error);
    g_assert_no_error (error);
    g_assert_cmpint (back->started_at, ==, 0);
    g_assert_null (back->track_sha256);
    g_assert_true (loadwise_database_add_run (fixture->db, given, &error));
    g_assert_no_error (error);
    g_assert_cmpint (count (fixture, "SELECT count(*) FROM run WHERE started_at = '2026-03-03T06:12:00Z'"),
                     ==, 1);
  }
}

/* One bad run or profile in a batch: refused with the place and the range
 * named, and nothing of the batch is written. */
typedef struct {
  const char *name;
  void      (*spoil) (GPtrArray *runs, GPtrArray *profiles);
  const char *message;
} BadBatch;

static LoadwiseRun *
second_run (GPtrArray *runs)
{
  return g_ptr_array_index (runs, 1);
}

static LoadwiseProfilePoint *
second_point (GPtrArray *profiles,
              guint      index)
{
  return &g_array_index ((GArray *) g_ptr_array_index (profiles, 1), LoadwiseProfilePoint, index);
}

static void
spoil_sha_upper (GPtrArray *runs, GPtrArray *profiles)
{
  g_free (second_run (runs)->track_sha256);
  second_run (runs)->track_sha256 = g_ascii_strup (SHA_B, -1);
}

static void
spoil_sha_short (GPtrArray *runs, GPtrArray *profiles)
{
  second_run (runs)->track_sha256[63] = '\0';
}

static void
spoil_sha_long (GPtrArray *runs, GPtrArray *profiles)
{
  g_free (second_run (runs)->track_sha256);
  second_run (runs)->track_sha256 = g_strconcat (SHA_B, "0", NULL);
}

static void
spoil_sha_twice (GPtrArray *runs, GPtrArray *profiles)
{
  g_free (second_run (runs)->track_sha256);
  second_run (runs)->track_sha256 = g_strdup (SHA_A);
}

static void
spoil_started_before_1970 (GPtrArray *runs, GPtrArray *profiles)
{
  second_run (runs)->started_at = -60;
}

static void
spoil_started_after_9999 (GPtrArray *runs, GPtrArray *profiles)
{
  second_run (runs)->started_at = G_GINT64_CONSTANT (253402300800);
}

static void
spoil_distance (GPtrArray *runs, GPtrArray *profiles)
{
  second_run (runs)->distance_m = 450000;
}

static void
spoil_shoe (GPtrArray *runs, GPtrArray *profiles)
{
  second_run (runs)->shoe_id = 42;
}

static void
spoil_too_many_points (GPtrArray *runs, GPtrArray *profiles)
{
  LoadwiseProfilePoint last = *second_point (profiles, 9);

  for (guint i = 10; i <= LOADWISE_PROFILE_MAX_POINTS; i++)
    g_array_append_val ((GArray *) g_ptr_array_index (profiles, 1), last);
}

static void
spoil_distance_back (GPtrArray *runs, GPtrArray *profiles)
{
  second_point (profiles, 4)->distance_m = second_point (profiles, 3)->distance_m - 0.5;
}

static void
spoil_distance_nan (GPtrArray *runs, GPtrArray *profiles)
{
  second_point (profiles, 4)->distance_m = NAN;
}

static void
spoil_distance_negative (GPtrArray *runs, GPtrArray *profiles)
{
  second_point (profiles, 0)->distance_m = -1;
}

static void
spoil_distance_beyond (GPtrArray *runs, GPtrArray *profiles)
{
  second_point (profiles, 9)->distance_m = LOADWISE_RUN_DISTANCE_MAX_M + 1;
}

static void
spoil_elevation_low (GPtrArray *runs, GPtrArray *profiles)
{
  second_point (profiles, 2)->elevation_m = -600;
}

static void
spoil_elevation_high (GPtrArray *runs, GPtrArray *profiles)
{
  second_point (profiles, 2)->elevation_m = 9000.5;
}

static void
spoil_elevation_infinite (GPtrArray *runs, GPtrArray *profiles)
{
  second_point (profiles, 2)->elevation_m = INFINITY;
}

static const BadBatch bad_batches[] = {
  { "sha-upper", spoil_sha_upper, "run 2 of 3: track_sha256: not a SHA-256 (64 characters, each 0-9 or a-f)" },
  { "sha-short", spoil_sha_short, "run 2 of 3: track_sha256: not a SHA-256 (64 characters, each 0-9 or a-f)" },
  { "sha-long", spoil_sha_long, "run 2 of 3: track_sha256: not a SHA-256 (64 characters, each 0-9 or a-f)" },
  { "sha-twice", spoil_sha_twice, "run 2 of 3: track_sha256: the same file as run 1" },
  { "started-before-1970", spoil_started_before_1970, "run 2 of 3: started_at: -60 is outside 1-253402300799" },
  { "started-after-9999", spoil_started_after_9999,
    "run 2 of 3: started_at: 253402300800 is outside 1-253402300799" },
  { "distance", spoil_distance, "run 2 of 3: distance: 450 km is outside 0.01-400 km (under 400)" },
  { "shoe", spoil_shoe, "run 2 of 3: shoe: no stored pair has id 42" },
  { "too-many-points", spoil_too_many_points, "run 2 of 3: profile: 301 points, more than the 300 a profile may have" },
  { "distance-back", spoil_distance_back,
    "run 2 of 3: profile, point 5: a distance of 1499.5 m comes after 1500.0 m; the distances of a profile never go back" },
  { "distance-nan", spoil_distance_nan, "run 2 of 3: profile, point 5: the distance is not a number" },
  { "distance-negative", spoil_distance_negative,
    "run 2 of 3: profile, point 1: a distance of -1.0 m is outside 0-400000 m" },
  { "distance-beyond", spoil_distance_beyond,
    "run 2 of 3: profile, point 10: a distance of 400001.0 m is outside 0-400000 m" },
  { "elevation-low", spoil_elevation_low,
    "run 2 of 3: profile, point 3: an elevation of -600.0 m is outside -500 to 9000 m" },
  { "elevation-high", spoil_elevation_high,
    "run 2 of 3: profile, point 3: an elevation of 9000.5 m is outside -500 to 9000 m" },
  { "elevation-infinite", spoil_elevation_infinite,
    "run 2 of 3: profile, point 3: the elevation is not a number" },
};

static void
test_bad_batches (StoreFixture  *fixture,
                  gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad_batches); i++)
    {
      const BadBatch *bad = &bad_batches[i];
      g_autoptr (GPtrArray) runs = new_runs ();
      g_autoptr (GPtrArray) profiles = new_profiles ();
      g_autoptr (GError) error = NULL;

      g_test_message ("%s", bad->name);
      g_ptr_array_add (runs, recorded_run (STARTED_AT, 8400, SHA_A));
      g_ptr_array_add (runs, recorded_run (STARTED_AT + 86400, 4500, SHA_B));
      g_ptr_array_add (runs, recorded_run (STARTED_AT + 2 * 86400, 5000, NULL));
      for (guint r = 0; r < runs->len; r++)
        {
          /* A note, which the checks clean up, whatever fails after it. */
          ((LoadwiseRun *) g_ptr_array_index (runs, r))->note = g_strdup (" easy ");
          g_ptr_array_add (profiles, wave_profile (10, 4500));
        }
      bad->spoil (runs, profiles);

      g_assert_false (loadwise_database_add_runs_with_profiles (fixture->db, runs, profiles, &error));
      g_assert_error (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT);
      g_assert_cmpstr (error->message, ==, bad->message);
      g_assert_cmpint (count (fixture, "SELECT count(*) FROM run"), ==, 0);
      g_assert_cmpint (count (fixture, "SELECT count(*) FROM run_profile"), ==, 0);
      for (guint r = 0; r < runs->len; r++)
        g_assert_cmpint (((LoadwiseRun *) g_ptr_array_index (runs, r))->id, ==, 0);
    }
}

/* A file stored before is refused inside the write, even when the caller
 * did not look first: the first runs of the batch are not kept either. */
static void
test_file_stored_before (StoreFixture  *fixture,
                         gconstpointer  data)
{
  g_autoptr (GPtrArray) first = new_runs ();
  g_autoptr (GPtrArray) again = new_runs ();
  g_autoptr (GError) error = NULL;
  g_autofree char *expected = NULL;
  gint64 stored;

  g_ptr_array_add (first, recorded_run (STARTED_AT, 8400, SHA_A));
  g_assert_true (loadwise_database_add_runs_with_profiles (fixture->db, first, NULL, &error));
  g_assert_no_error (error);
  stored = ((LoadwiseRun *) g_ptr_array_index (first, 0))->id;

  g_ptr_array_add (again, recorded_run (STARTED_AT + 86400, 5000, SHA_B));
  g_ptr_array_add (again, recorded_run (STARTED_AT, 8400, SHA_A));
  g_assert_false (loadwise_database_add_runs_with_profiles (fixture->db, again, NULL, &error));
  g_assert_error (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT);
  expected = g_strdup_printf ("run 2 of 2: track_sha256: this file is stored already, as run %lld",
                              (long long) stored);
  g_assert_cmpstr (error->message, ==, expected);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM run"), ==, 1);
  g_assert_cmpint (((LoadwiseRun *) g_ptr_array_index (again, 0))->id, ==, 0);
  g_assert_cmpint (((LoadwiseRun *) g_ptr_array_index (again, 1))->id, ==, 0);
}

static gint64
find (StoreFixture *fixture,
      const char   *sha256,
      gint64        started_at,
      guint         distance_m)
{
  g_autoptr (GError) error = NULL;
  gint64 id = -1;

  g_assert_true (loadwise_database_find_recorded_run (fixture->db, sha256, started_at, distance_m, &id,
                                                      &error));
  g_assert_no_error (error);
  return id;
}

static void
test_find (StoreFixture  *fixture,
           gconstpointer  data)
{
  g_autoptr (GPtrArray) runs = new_runs ();
  g_autoptr (GError) error = NULL;
  g_autofree char *upper = g_ascii_strup (SHA_A, -1);
  gint64 hashed, unhashed;

  g_assert_cmpint (find (fixture, SHA_A, STARTED_AT, 10000), ==, 0);

  g_ptr_array_add (runs, recorded_run (STARTED_AT, 10000, SHA_A));
  g_ptr_array_add (runs, recorded_run (STARTED_AT + 3600, 7000, NULL));
  g_assert_true (loadwise_database_add_runs_with_profiles (fixture->db, runs, NULL, &error));
  g_assert_no_error (error);
  hashed = ((LoadwiseRun *) g_ptr_array_index (runs, 0))->id;
  unhashed = ((LoadwiseRun *) g_ptr_array_index (runs, 1))->id;

  /* The same file, whatever its start and distance say. */
  g_assert_cmpint (find (fixture, SHA_A, 0, 0), ==, hashed);
  g_assert_cmpint (find (fixture, upper, 0, 0), ==, hashed);
  g_assert_cmpint (find (fixture, SHA_A, STARTED_AT + 60, 5000), ==, hashed);
  /* Another file of the same run: the same start, and a distance within
   * 1% of the one asked about (10000 m is, for 9901-10101 m). */
  g_assert_cmpint (find (fixture, SHA_B, STARTED_AT, 10000), ==, hashed);
  g_assert_cmpint (find (fixture, NULL, STARTED_AT, 10100), ==, hashed);
  g_assert_cmpint (find (fixture, NULL, STARTED_AT, 9901), ==, hashed);
  g_assert_cmpint (find (fixture, NULL, STARTED_AT, 10102), ==, 0);
  g_assert_cmpint (find (fixture, NULL, STARTED_AT, 9900), ==, 0);
  g_assert_cmpint (find (fixture, NULL, STARTED_AT + 1, 10000), ==, 0);
  g_assert_cmpint (find (fixture, NULL, STARTED_AT + 3600, 7000), ==, unhashed);
  /* 0: the start is not compared; nothing given, nothing found. */
  g_assert_cmpint (find (fixture, SHA_B, 0, 10000), ==, 0);
  g_assert_cmpint (find (fixture, NULL, 0, 10000), ==, 0);
  g_assert_cmpint (find (fixture, NULL, -5, 10000), ==, 0);
}

/* The look-ups go through their indexes, not over every run. */
static void
test_lookups_use_indexes (StoreFixture  *fixture,
                          gconstpointer  data)
{
  static const struct {
    const char *sql;
    const char *index;
  } lookups[] = {
    { "EXPLAIN QUERY PLAN SELECT id FROM run WHERE track_sha256 = ?1 ORDER BY id LIMIT 1",
      "run_by_track_sha256" },
    { "EXPLAIN QUERY PLAN SELECT id FROM run WHERE started_at ="
      " strftime ('%Y-%m-%dT%H:%M:%SZ', ?1, 'unixepoch')"
      " AND abs (distance_m - ?2) * 100 <= ?2 ORDER BY id LIMIT 1",
      "run_by_started_at" },
  };
  sqlite3 *db = loadwise_database_get_handle (fixture->db);

  for (guint i = 0; i < G_N_ELEMENTS (lookups); i++)
    {
      g_autoptr (GString) plan = g_string_new (NULL);
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (db, lookups[i].sql, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_string_append_printf (plan, "%s\n", (const char *) sqlite3_column_text (stmt, 3));
      sqlite3_finalize (stmt);
      g_test_message ("%s", plan->str);
      g_assert_nonnull (strstr (plan->str, lookups[i].index));
    }
}

/* An edit from the run dialog, which knows nothing of the recording, keeps
 * it and the profile; another start or file replaces them. */
static void
test_update_keeps_recording (StoreFixture  *fixture,
                             gconstpointer  data)
{
  g_autoptr (GPtrArray) runs = new_runs ();
  g_autoptr (GPtrArray) profiles = new_profiles ();
  g_autoptr (GArray) profile = wave_profile (50, 8400);
  g_autoptr (GArray) kept = NULL;
  g_autoptr (LoadwiseRun) edit = NULL;
  g_autoptr (LoadwiseRun) read = NULL;
  g_autoptr (LoadwiseRun) stored = NULL;
  g_autoptr (GError) error = NULL;
  gint64 id;

  g_ptr_array_add (runs, recorded_run (STARTED_AT, 8400, SHA_A));
  g_ptr_array_add (profiles, g_array_ref (profile));
  g_assert_true (loadwise_database_add_runs_with_profiles (fixture->db, runs, profiles, &error));
  g_assert_no_error (error);
  id = ((LoadwiseRun *) g_ptr_array_index (runs, 0))->id;

  /* As the dialog builds it: every field it shows, no recording. */
  edit = loadwise_run_new ();
  edit->id = id;
  edit->date = loadwise_test_date (2026, 3, 4);
  edit->distance_m = 8400;
  edit->duration_s = 2400;
  edit->descent_m = 90;
  edit->pain_during = 3;
  edit->has_pain_after = TRUE;
  edit->pain_after = 4;
  edit->camber = LOADWISE_CAMBER_LEFT;
  edit->note = g_strdup ("sore after the descent");
  g_assert_true (loadwise_database_update_run (fixture->db, edit, &error));
  g_assert_no_error (error);

  read = loadwise_database_get_run (fixture->db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (read->pain_during, ==, 3);
  g_assert_cmpuint (read->pain_after, ==, 4);
  g_assert_cmpint (read->camber, ==, LOADWISE_CAMBER_LEFT);
  g_assert_cmpstr (read->note, ==, "sore after the descent");
  g_assert_cmpuint (read->climb_m, ==, 0);
  g_assert_cmpint (read->started_at, ==, STARTED_AT);
  g_assert_cmpstr (read->track_sha256, ==, SHA_A);
  kept = loadwise_database_get_run_profile (fixture->db, id, &error);
  g_assert_no_error (error);
  assert_same_profile (kept, profile);

  /* The run as read, edited, written back: the same. */
  read->pain_during = 1;
  g_assert_true (loadwise_database_update_run (fixture->db, read, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM run WHERE pain_during = 1"
                                   " AND started_at = '2026-03-04T06:12:00Z' AND track_sha256 = '" SHA_A "'"),
                   ==, 1);

  /* Another recording replaces it; the profile stays. */
  read->started_at = STARTED_AT + 30;
  g_free (read->track_sha256);
  read->track_sha256 = g_strdup (SHA_B);
  g_assert_true (loadwise_database_update_run (fixture->db, read, &error));
  g_assert_no_error (error);
  stored = loadwise_database_get_run (fixture->db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (stored->started_at, ==, STARTED_AT + 30);
  g_assert_cmpstr (stored->track_sha256, ==, SHA_B);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM run_profile"), ==, 50);

  /* A bad one is refused and changes nothing. */
  read->track_sha256[0] = 'X';
  g_assert_false (loadwise_database_update_run (fixture->db, read, &error));
  g_assert_error (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT);
  g_assert_cmpstr (error->message, ==, "track_sha256: not a SHA-256 (64 characters, each 0-9 or a-f)");
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM run WHERE track_sha256 = '" SHA_B "'"), ==, 1);
}

static void
test_delete_takes_profile (StoreFixture  *fixture,
                           gconstpointer  data)
{
  g_autoptr (GPtrArray) runs = new_runs ();
  g_autoptr (GPtrArray) profiles = new_profiles ();
  g_autoptr (GArray) left = NULL;
  g_autoptr (GError) error = NULL;
  gint64 first, second;

  g_assert_cmpint (count (fixture, "PRAGMA foreign_keys"), ==, 1);
  g_ptr_array_add (runs, recorded_run (STARTED_AT, 8400, SHA_A));
  g_ptr_array_add (runs, recorded_run (STARTED_AT + 86400, 6000, SHA_B));
  g_ptr_array_add (profiles, wave_profile (40, 8400));
  g_ptr_array_add (profiles, wave_profile (30, 6000));
  g_assert_true (loadwise_database_add_runs_with_profiles (fixture->db, runs, profiles, &error));
  g_assert_no_error (error);
  first = ((LoadwiseRun *) g_ptr_array_index (runs, 0))->id;
  second = ((LoadwiseRun *) g_ptr_array_index (runs, 1))->id;
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM run_profile"), ==, 70);

  g_assert_true (loadwise_database_delete_run (fixture->db, first, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM run_profile"), ==, 30);
  left = loadwise_database_get_run_profile (fixture->db, first, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (left->len, ==, 0);
  g_clear_pointer (&left, g_array_unref);
  left = loadwise_database_get_run_profile (fixture->db, second, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (left->len, ==, 30);
  /* Its file can go in again. */
  g_assert_cmpint (find (fixture, SHA_A, STARTED_AT, 8400), ==, 0);
}

/* Another writer meets the same ranges in the schema's CHECK constraints
 * and the reference to the run. */
static void
test_schema_checks (StoreFixture  *fixture,
                    gconstpointer  data)
{
  sqlite3 *db = loadwise_database_get_handle (fixture->db);
  const char *bad[] = {
    "UPDATE run SET started_at = '2026-02-30T06:12:00Z'",
    "UPDATE run SET started_at = '2026-03-04T24:00:00Z'",
    "UPDATE run SET started_at = '2026-03-04 06:12:00Z'",
    "UPDATE run SET started_at = '2026-03-04T06:12:00.5Z'",
    "UPDATE run SET started_at = '2026-03-04T06:12:00+01:00'",
    "UPDATE run SET started_at = '2026-03-04T06:12:00'",
    "UPDATE run SET started_at = '1970-01-01T00:00:00Z'",
    "UPDATE run SET started_at = 1772604720",
    "UPDATE run SET track_sha256 = upper ('" SHA_A "')",
    "UPDATE run SET track_sha256 = substr ('" SHA_A "', 2)",
    "UPDATE run SET track_sha256 = '" SHA_A "' || '0'",
    "UPDATE run SET track_sha256 = replace ('" SHA_A "', '9', 'g')",
    "INSERT INTO run_profile VALUES (1, " G_STRINGIFY (LOADWISE_PROFILE_MAX_POINTS) ", 0, 100)",
    "INSERT INTO run_profile VALUES (1, -1, 0, 100)",
    "INSERT INTO run_profile VALUES (1, 0, -0.5, 100)",
    "INSERT INTO run_profile VALUES (1, 0, 400000.5, 100)",
    "INSERT INTO run_profile VALUES (1, 0, 0, -500.5)",
    "INSERT INTO run_profile VALUES (1, 0, 0, 9000.5)",
    "INSERT INTO run_profile VALUES (1, 0, 'far', 100)",
    "INSERT INTO run_profile VALUES (1, 0, NULL, 100)",
    "INSERT INTO run_profile VALUES (2, 0, 0, 100)",
  };
  const char *good[] = {
    "UPDATE run SET started_at = '1970-01-01T00:00:01Z', track_sha256 = '" SHA_B "'",
    "UPDATE run SET started_at = '9999-12-31T23:59:59Z'",
    "UPDATE run SET started_at = NULL, track_sha256 = NULL",
    "INSERT INTO run_profile VALUES (1, 0, 0, -500)",
    "INSERT INTO run_profile VALUES (1, " G_STRINGIFY (LOADWISE_PROFILE_MAX_POINTS) " - 1, 400000, 9000)",
  };

  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO run (id, date, distance_m, pain_during, updated_at)"
                                     " VALUES (1, '2026-03-04', 5000, 1, 'x')", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_test_message ("%s", bad[i]);
      g_assert_cmpint (sqlite3_exec (db, bad[i], NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
    }
  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_test_message ("%s", good[i]);
      g_assert_cmpint (sqlite3_exec (db, good[i], NULL, NULL, NULL), ==, SQLITE_OK);
    }
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM run_profile"), ==, 2);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/store/recorded-runs/round-trip", StoreFixture, NULL,
              store_fixture_setup, test_round_trip, store_fixture_teardown);
  g_test_add ("/store/recorded-runs/bad-batches", StoreFixture, NULL,
              store_fixture_setup, test_bad_batches, store_fixture_teardown);
  g_test_add ("/store/recorded-runs/file-stored-before", StoreFixture, NULL,
              store_fixture_setup, test_file_stored_before, store_fixture_teardown);
  g_test_add ("/store/recorded-runs/find", StoreFixture, NULL,
              store_fixture_setup, test_find, store_fixture_teardown);
  g_test_add ("/store/recorded-runs/lookups-use-indexes", StoreFixture, NULL,
              store_fixture_setup, test_lookups_use_indexes, store_fixture_teardown);
  g_test_add ("/store/recorded-runs/update-keeps-recording", StoreFixture, NULL,
              store_fixture_setup, test_update_keeps_recording, store_fixture_teardown);
  g_test_add ("/store/recorded-runs/delete-takes-profile", StoreFixture, NULL,
              store_fixture_setup, test_delete_takes_profile, store_fixture_teardown);
  g_test_add ("/store/recorded-runs/schema-checks", StoreFixture, NULL,
              store_fixture_setup, test_schema_checks, store_fixture_teardown);

  return g_test_run ();
}
