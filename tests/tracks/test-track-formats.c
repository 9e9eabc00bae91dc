/* test-track-formats.c: the formats runners' watches and phones write
 *
 * The same generated run made by GPSBabel into GPX 1.0, TCX (activity and
 * course) and FIT reads back as the same points, and the core sums each
 * up as the same run; the files of OpenTracks, Gadgetbridge and Garmin
 * read with their extensions skipped.
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include "core/loadwise-error.h"
#include "loadwise-test-util.h"
#include "track-test-util.h"
#include "tracks/loadwise-track-reader.h"

typedef struct {
  char   *dir;
  char   *gpx11;
  GArray *truth; /* the points as written */
} RunFixture;

static void
run_fixture_set_up (RunFixture    *fixture,
                    gconstpointer  data)
{
  fixture->dir = loadwise_test_make_tmpdir ();
  fixture->gpx11 = g_build_filename (fixture->dir, "run-1.1.gpx", NULL);
  fixture->truth = track_test_write_run_gpx (fixture->gpx11);
}

static void
run_fixture_tear_down (RunFixture    *fixture,
                       gconstpointer  data)
{
  loadwise_test_rm_rf (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->gpx11);
  g_array_unref (fixture->truth);
}

/* FIT keeps whole seconds, positions in semicircles (2^31 to 180 degrees,
 * under a centimetre) and altitude in fifths of a metre; TCX altitude
 * has one decimal, as written. */
static void
assert_same_points (const LoadwiseTrack *track,
                    const GArray        *truth)
{
  g_assert_cmpuint (track->points->len, ==, truth->len);
  for (guint i = 0; i < truth->len; i++)
    {
      const LoadwiseTrackPoint *want = &g_array_index (truth, LoadwiseTrackPoint, i);
      const LoadwiseTrackPoint *got = TRACK_TEST_POINT (track, i);

      g_assert_cmpint (got->time_ms, ==, want->time_ms);
      g_assert_cmpfloat_with_epsilon (got->lat, want->lat, 1e-6);
      g_assert_cmpfloat_with_epsilon (got->lon, want->lon, 1e-6);
      g_assert_cmpfloat_with_epsilon (got->elevation_m, want->elevation_m, 0.11);
      g_assert_cmpuint (got->lap, ==, 0);
    }
}

static LoadwiseTrackSummary
summarize (const LoadwiseTrack *track)
{
  g_autoptr (GTimeZone) tz = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr (GError) error = NULL;
  LoadwiseTrackSummary summary;

  g_assert_true (loadwise_track_summarize (track, tz, &summary, &error));
  g_assert_no_error (error);
  return summary;
}

/* What the core makes of each format: the same run, within 1% in
 * distance, 10% in descent and climb, to the second in duration. */
static void
assert_same_summary (const LoadwiseTrack        *track,
                     const LoadwiseTrackSummary *reference,
                     gboolean                    device_distance)
{
  LoadwiseTrackSummary summary = summarize (track);

  g_test_message ("distance %u m, climb %u m, descent %u m, moving %u s",
                  summary.distance_m, summary.climb_m, summary.descent_m, summary.moving_s);
  g_assert_cmpint (summary.started_at, ==, TRACK_TEST_RUN_START_S);
  g_assert_cmpint (summary.device_distance, ==, device_distance);
  g_assert_cmpfloat_with_epsilon (summary.distance_m, reference->distance_m, 0.01 * reference->distance_m);
  g_assert_true (summary.has_elevation);
  g_assert_cmpfloat_with_epsilon (summary.descent_m, reference->descent_m, 0.1 * reference->descent_m);
  g_assert_cmpfloat_with_epsilon (summary.climb_m, reference->climb_m, 0.1 * reference->climb_m);
  g_assert_cmpuint (summary.elapsed_s, ==, reference->elapsed_s);
  g_assert_cmpfloat_with_epsilon (summary.moving_s, reference->moving_s, 0.01 * reference->moving_s);
}

static void
test_same_run (RunFixture    *fixture,
               gconstpointer  data)
{
  g_autofree char *gpx10 = g_build_filename (fixture->dir, "run-1.0.gpx", NULL);
  g_autofree char *tcx = g_build_filename (fixture->dir, "run.tcx", NULL);
  g_autofree char *fit = g_build_filename (fixture->dir, "run.fit", NULL);
  g_autoptr (LoadwiseTrack) track11 = NULL;
  g_autoptr (LoadwiseTrack) track10 = NULL;
  g_autoptr (LoadwiseTrack) track_tcx = NULL;
  g_autoptr (LoadwiseTrack) track_fit = NULL;
  LoadwiseTrackSummary reference;

  track_test_gpsbabel ("-t", "-i", "gpx", "-f", fixture->gpx11, "-o", "gpx,gpxver=1.0", "-F", gpx10, NULL);
  track_test_gpsbabel ("-t", "-i", "gpx", "-f", fixture->gpx11, "-o", "gtrnctr,course=0,sport=Running",
                       "-F", tcx, NULL);
  track_test_gpsbabel ("-t", "-i", "gpx", "-f", fixture->gpx11, "-o", "garmin_fit", "-F", fit, NULL);

  /* About 2,600 points, one a second. */
  g_assert_cmpuint (fixture->truth->len, >, 2500);

  track11 = track_test_read (fixture->gpx11, LOADWISE_TRACK_FORMAT_GPX);
  assert_same_points (track11, fixture->truth);
  g_assert_cmpint (track11->sport, ==, LOADWISE_TRACK_SPORT_RUNNING);
  g_assert_cmpstr (track11->sport_name, ==, "running");
  g_assert_cmpint (track11->elevation_source, ==, LOADWISE_ELEVATION_GPS);
  g_assert_cmpuint (track11->n_laps, ==, 0);
  g_assert_true (isnan (track11->device_distance_m));
  for (guint i = 0; i < track11->points->len; i++)
    g_assert_true (isnan (TRACK_TEST_POINT (track11, i)->distance_m));

  /* GPSBabel's GPX 1.0 leaves the <type> out. */
  track10 = track_test_read (gpx10, LOADWISE_TRACK_FORMAT_GPX);
  assert_same_points (track10, fixture->truth);
  g_assert_cmpint (track10->sport, ==, LOADWISE_TRACK_SPORT_UNKNOWN);
  g_assert_null (track10->sport_name);
  g_assert_cmpint (track10->elevation_source, ==, LOADWISE_ELEVATION_GPS);

  /* One lap, whose distance is GPSBabel's own sum of the track. */
  track_tcx = track_test_read (tcx, LOADWISE_TRACK_FORMAT_TCX);
  assert_same_points (track_tcx, fixture->truth);
  g_assert_cmpint (track_tcx->sport, ==, LOADWISE_TRACK_SPORT_RUNNING);
  g_assert_cmpstr (track_tcx->sport_name, ==, "Running");
  g_assert_cmpint (track_tcx->elevation_source, ==, LOADWISE_ELEVATION_GPS);
  g_assert_cmpuint (track_tcx->n_laps, ==, 1);
  g_assert_cmpfloat_with_epsilon (track_tcx->device_distance_m, TRACK_TEST_RUN_DISTANCE_M,
                                  0.01 * TRACK_TEST_RUN_DISTANCE_M);

  /* FIT's altitude is the watch's own: barometric. GPSBabel's GPX of it
   * names no sport. */
  track_fit = track_test_read (fit, LOADWISE_TRACK_FORMAT_FIT);
  assert_same_points (track_fit, fixture->truth);
  g_assert_cmpint (track_fit->sport, ==, LOADWISE_TRACK_SPORT_UNKNOWN);
  g_assert_cmpint (track_fit->elevation_source, ==, LOADWISE_ELEVATION_GPS);
  g_assert_true (isnan (track_fit->device_distance_m));

  reference = summarize (track11);
  g_assert_cmpfloat_with_epsilon (reference.distance_m, TRACK_TEST_RUN_DISTANCE_M, 0.01 * TRACK_TEST_RUN_DISTANCE_M);
  g_assert_cmpuint (reference.elapsed_s, ==, fixture->truth->len - 1);
  g_assert_cmpuint (reference.descent_m, >, 100);
  assert_same_summary (track11, &reference, FALSE);
  assert_same_summary (track10, &reference, FALSE);
  assert_same_summary (track_tcx, &reference, TRUE);
  assert_same_summary (track_fit, &reference, FALSE);
}

/* GPSBabel's gtrnctr writes a course unless told otherwise: its lap sits
 * beside the track. */
static void
test_tcx_course (RunFixture    *fixture,
                 gconstpointer  data)
{
  g_autofree char *tcx = g_build_filename (fixture->dir, "course.tcx", NULL);
  g_autoptr (LoadwiseTrack) track = NULL;

  track_test_gpsbabel ("-t", "-i", "gpx", "-f", fixture->gpx11, "-o", "gtrnctr", "-F", tcx, NULL);
  track = track_test_read (tcx, LOADWISE_TRACK_FORMAT_TCX);
  assert_same_points (track, fixture->truth);
  g_assert_cmpint (track->sport, ==, LOADWISE_TRACK_SPORT_UNKNOWN);
  g_assert_null (track->sport_name);
  g_assert_cmpuint (track->n_laps, ==, 1);
  g_assert_cmpfloat_with_epsilon (track->device_distance_m, TRACK_TEST_RUN_DISTANCE_M,
                                  0.01 * TRACK_TEST_RUN_DISTANCE_M);
}

/* The file's SHA-256, as sha256sum gives it for the literal below. */
static void
test_sha256 (void)
{
  static const char tiny[] =
    "<gpx version=\"1.1\" xmlns=\"http://www.topografix.com/GPX/1/1\"><trk><trkseg>"
    "<trkpt lat=\"1\" lon=\"2\"><time>2024-01-01T00:00:00Z</time></trkpt>"
    "</trkseg></trk></gpx>\n";
  g_autofree char *dir = loadwise_test_make_tmpdir ();
  g_autofree char *path = track_test_write (dir, "tiny.gpx", tiny, -1);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (LoadwiseTrack) track = NULL;
  g_autofree char *sha256 = NULL;

  track = loadwise_track_read_file (file, NULL, NULL, &sha256, &error);
  g_assert_no_error (error);
  g_assert_nonnull (track);
  g_assert_cmpstr (sha256, ==, "30dc98f2aa3ffadae2139e11a3d880e652df8db84a0d1f94890050fc37ab5cad");
  loadwise_test_rm_rf (dir);
}

static void
test_opentracks (void)
{
  g_autofree char *path = track_test_data_path ("opentracks.gpx");
  g_autoptr (LoadwiseTrack) track = track_test_read (path, LOADWISE_TRACK_FORMAT_GPX);
  const LoadwiseTrackPoint *first, *second, *last;
  g_autoptr (GDateTime) start = g_date_time_new_utc (2024, 5, 4, 6, 30, 0);

  /* Six points in two segments; the waypoint is none of them. */
  g_assert_cmpuint (track->points->len, ==, 6);
  g_assert_cmpint (track->sport, ==, LOADWISE_TRACK_SPORT_RUNNING);
  g_assert_cmpstr (track->sport_name, ==, "running");
  g_assert_cmpint (track->elevation_source, ==, LOADWISE_ELEVATION_GPS);
  g_assert_cmpuint (track->n_laps, ==, 0);
  g_assert_true (isnan (track->device_distance_m));

  /* Local times with their offset (+02:00) and milliseconds, in UTC. */
  first = TRACK_TEST_POINT (track, 0);
  second = TRACK_TEST_POINT (track, 1);
  last = TRACK_TEST_POINT (track, 5);
  g_assert_cmpint (first->time_ms, ==, g_date_time_to_unix (start) * 1000);
  g_assert_cmpint (second->time_ms - first->time_ms, ==, 1250);
  g_assert_cmpint (last->time_ms - first->time_ms, ==, 11000);
  g_assert_cmpfloat (first->lat, ==, 52.520008);
  g_assert_cmpfloat (first->lon, ==, 13.404954);
  g_assert_cmpfloat (first->elevation_m, ==, 40.1);
  g_assert_cmpfloat (last->elevation_m, ==, 40.8);
  /* <opentracks:distance> is a step, not a cumulative distance. */
  for (guint i = 0; i < track->points->len; i++)
    g_assert_true (isnan (TRACK_TEST_POINT (track, i)->distance_m));
}

static void
test_gadgetbridge (void)
{
  g_autofree char *path = track_test_data_path ("gadgetbridge.gpx");
  g_autoptr (LoadwiseTrack) track = track_test_read (path, LOADWISE_TRACK_FORMAT_GPX);
  g_autoptr (GDateTime) start = g_date_time_new_utc (2024, 6, 1, 5, 12, 3);

  /* lon before lat, no <type>, a point without <ele>. */
  g_assert_cmpuint (track->points->len, ==, 5);
  g_assert_cmpint (track->sport, ==, LOADWISE_TRACK_SPORT_UNKNOWN);
  g_assert_null (track->sport_name);
  g_assert_cmpint (track->elevation_source, ==, LOADWISE_ELEVATION_GPS);
  g_assert_cmpint (TRACK_TEST_POINT (track, 0)->time_ms, ==, g_date_time_to_unix (start) * 1000);
  g_assert_cmpint (TRACK_TEST_POINT (track, 4)->time_ms, ==, (g_date_time_to_unix (start) + 6) * 1000);
  g_assert_cmpfloat (TRACK_TEST_POINT (track, 0)->lat, ==, 40.416775);
  g_assert_cmpfloat (TRACK_TEST_POINT (track, 0)->lon, ==, -3.703790);
  g_assert_cmpfloat (TRACK_TEST_POINT (track, 1)->elevation_m, ==, 657.5);
  g_assert_true (isnan (TRACK_TEST_POINT (track, 2)->elevation_m));
  g_assert_cmpfloat (TRACK_TEST_POINT (track, 3)->elevation_m, ==, 658.0);
}

static void
test_no_elevation (void)
{
  g_autofree char *path = track_test_data_path ("no-elevation.gpx");
  g_autoptr (LoadwiseTrack) track = track_test_read (path, LOADWISE_TRACK_FORMAT_GPX);

  g_assert_cmpuint (track->points->len, ==, 3);
  g_assert_cmpint (track->elevation_source, ==, LOADWISE_ELEVATION_NONE);
  for (guint i = 0; i < track->points->len; i++)
    {
      g_assert_true (isnan (TRACK_TEST_POINT (track, i)->elevation_m));
      g_assert_cmpfloat_with_epsilon (TRACK_TEST_POINT (track, i)->lat, 51.5073 + 0.0001 * i, 1e-9);
    }
  /* The document's own <time> (when it was written) is no point. */
  g_assert_cmpint (TRACK_TEST_POINT (track, 2)->time_ms - TRACK_TEST_POINT (track, 0)->time_ms, ==, 8000);
}

static void
test_tcx_laps (void)
{
  g_autofree char *path = track_test_data_path ("laps.tcx");
  g_autoptr (LoadwiseTrack) track = track_test_read (path, LOADWISE_TRACK_FORMAT_TCX);
  static const double distances[] = { 0.0, 10.0, 20.0, 32.6, 45.5, 55.7 };

  g_assert_cmpuint (track->points->len, ==, 6);
  g_assert_cmpint (track->sport, ==, LOADWISE_TRACK_SPORT_RUNNING);
  g_assert_cmpstr (track->sport_name, ==, "Running");
  g_assert_cmpuint (track->n_laps, ==, 3);
  g_assert_cmpfloat_with_epsilon (track->device_distance_m, 20.0 + 25.5 + 10.2, 1e-9);
  g_assert_cmpint (track->elevation_source, ==, LOADWISE_ELEVATION_GPS);
  for (guint i = 0; i < track->points->len; i++)
    {
      const LoadwiseTrackPoint *point = TRACK_TEST_POINT (track, i);

      g_assert_cmpuint (point->lap, ==, i / 2);
      g_assert_cmpfloat (point->distance_m, ==, distances[i]);
      g_assert_cmpint (point->time_ms - TRACK_TEST_POINT (track, 0)->time_ms, ==, 3000 * (gint64) i);
    }
  g_assert_cmpfloat (TRACK_TEST_POINT (track, 3)->lat, ==, 45.764336);
  g_assert_cmpfloat (TRACK_TEST_POINT (track, 3)->elevation_m, ==, 171.3);
}

typedef struct {
  const char         *name;
  const char         *text;
  LoadwiseTrackFormat format;
  LoadwiseTrackSport  sport;
  const char         *sport_name;
} SportCase;

#define GPX_TYPED(type) \
  "<gpx version=\"1.1\"><trk><type>" type "</type><trkseg>" \
  "<trkpt lat=\"1\" lon=\"2\"><time>2024-01-01T00:00:00Z</time></trkpt></trkseg></trk></gpx>"
#define TCX_SPORT(sport) \
  "<TrainingCenterDatabase><Activities><Activity Sport=\"" sport "\"><Lap><Track>" \
  "<Trackpoint><Time>2024-01-01T00:00:00Z</Time></Trackpoint></Track></Lap></Activity>" \
  "</Activities></TrainingCenterDatabase>"

#define TEN_RUNS "running running running running running running running running running running "
#define LONG_TYPE TEN_RUNS TEN_RUNS TEN_RUNS TEN_RUNS

static void
test_sports (void)
{
  static const SportCase cases[] = {
    { "strava.gpx", GPX_TYPED ("9"), LOADWISE_TRACK_FORMAT_GPX, LOADWISE_TRACK_SPORT_RUNNING, "9" },
    { "trail.gpx", GPX_TYPED ("Trail Running"), LOADWISE_TRACK_FORMAT_GPX, LOADWISE_TRACK_SPORT_RUNNING,
      "Trail Running" },
    { "cdata.gpx", GPX_TYPED ("<![CDATA[ running ]]>"), LOADWISE_TRACK_FORMAT_GPX,
      LOADWISE_TRACK_SPORT_RUNNING, "running" },
    { "german.gpx", GPX_TYPED ("Laufen"), LOADWISE_TRACK_FORMAT_GPX, LOADWISE_TRACK_SPORT_RUNNING, "Laufen" },
    { "ride.gpx", GPX_TYPED ("biking"), LOADWISE_TRACK_FORMAT_GPX, LOADWISE_TRACK_SPORT_OTHER, "biking" },
    { "strava-ride.gpx", GPX_TYPED ("1"), LOADWISE_TRACK_FORMAT_GPX, LOADWISE_TRACK_SPORT_OTHER, "1" },
    { "blank.gpx", GPX_TYPED ("  "), LOADWISE_TRACK_FORMAT_GPX, LOADWISE_TRACK_SPORT_UNKNOWN, NULL },
    /* Longer than a name may be (fuzzing found it). */
    { "long.gpx", GPX_TYPED (LONG_TYPE), LOADWISE_TRACK_FORMAT_GPX, LOADWISE_TRACK_SPORT_UNKNOWN, NULL },
    { "running.tcx", TCX_SPORT ("Running"), LOADWISE_TRACK_FORMAT_TCX, LOADWISE_TRACK_SPORT_RUNNING, "Running" },
    { "biking.tcx", TCX_SPORT ("Biking"), LOADWISE_TRACK_FORMAT_TCX, LOADWISE_TRACK_SPORT_OTHER, "Biking" },
    { "other.tcx", TCX_SPORT ("Other"), LOADWISE_TRACK_FORMAT_TCX, LOADWISE_TRACK_SPORT_UNKNOWN, "Other" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (LoadwiseTrack) track = NULL;
      LoadwiseTrackFormat format = (LoadwiseTrackFormat) -1;

      g_test_message ("%s", cases[i].name);
      track = loadwise_track_read_xml (cases[i].text, strlen (cases[i].text), cases[i].name, &format, &error);
      g_assert_no_error (error);
      g_assert_cmpint (format, ==, cases[i].format);
      g_assert_cmpint (track->sport, ==, cases[i].sport);
      g_assert_cmpstr (track->sport_name, ==, cases[i].sport_name);
      g_assert_cmpuint (track->points->len, ==, 1);
    }
}

/* A treadmill run has no position; a point without a time is kept
 * without one; a route's points count like a track's. */
static void
test_partial_points (void)
{
  static const char treadmill[] =
    "<TrainingCenterDatabase xmlns=\"http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2\">"
    "<Activities><Activity Sport=\"Running\"><Lap StartTime=\"2024-01-01T00:00:00Z\">"
    "<DistanceMeters>6.5</DistanceMeters><Track>"
    "<Trackpoint><Time>2024-01-01T00:00:00Z</Time><DistanceMeters>0</DistanceMeters></Trackpoint>"
    "<Trackpoint><Time>2024-01-01T00:00:02Z</Time><DistanceMeters>6.5</DistanceMeters></Trackpoint>"
    "</Track></Lap></Activity></Activities></TrainingCenterDatabase>";
  static const char some_untimed[] =
    "<gpx version=\"1.1\"><trk><trkseg>"
    "<trkpt lat=\"1\" lon=\"2\"><ele>5</ele><time>2024-01-01T00:00:00Z</time></trkpt>"
    "<trkpt lat=\"1.5\" lon=\"2\"><ele>6</ele></trkpt>"
    "<trkpt lat=\"1.0001\" lon=\"2\"><ele></ele><time>2024-01-01T00:00:05.5Z</time></trkpt>"
    "<trkpt lat=\"1.0002\" lon=\"2\"/>"
    "</trkseg></trk></gpx>";
  static const char route[] =
    "<gpx version=\"1.0\" xmlns=\"http://www.topografix.com/GPX/1/0\"><rte><type>running</type>"
    "<rtept lat=\"10\" lon=\"20\"><time>2024-01-01T00:00:00Z</time></rtept>"
    "<rtept lat=\"10.001\" lon=\"20\"><time>2024-01-01T00:00:40Z</time></rtept></rte></gpx>";
  g_autoptr (GError) error = NULL;
  g_autoptr (LoadwiseTrack) track = NULL;

  track = loadwise_track_read_xml (treadmill, strlen (treadmill), "treadmill.tcx", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (track->points->len, ==, 2);
  g_assert_true (isnan (TRACK_TEST_POINT (track, 1)->lat));
  g_assert_true (isnan (TRACK_TEST_POINT (track, 1)->lon));
  g_assert_cmpfloat (TRACK_TEST_POINT (track, 1)->distance_m, ==, 6.5);
  g_assert_cmpfloat (track->device_distance_m, ==, 6.5);
  g_assert_cmpint (track->elevation_source, ==, LOADWISE_ELEVATION_NONE);
  g_clear_pointer (&track, loadwise_track_free);

  track = loadwise_track_read_xml (some_untimed, strlen (some_untimed), "untimed.gpx", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (track->points->len, ==, 4);
  g_assert_cmpint (TRACK_TEST_POINT (track, 1)->time_ms, ==, LOADWISE_TRACK_NO_TIME);
  g_assert_cmpfloat (TRACK_TEST_POINT (track, 1)->lat, ==, 1.5);
  g_assert_cmpfloat (TRACK_TEST_POINT (track, 1)->elevation_m, ==, 6.0);
  g_assert_cmpfloat (TRACK_TEST_POINT (track, 2)->lat, ==, 1.0001);
  g_assert_true (isnan (TRACK_TEST_POINT (track, 2)->elevation_m));
  g_assert_cmpint (TRACK_TEST_POINT (track, 2)->time_ms - TRACK_TEST_POINT (track, 0)->time_ms, ==, 5500);
  g_assert_cmpint (TRACK_TEST_POINT (track, 3)->time_ms, ==, LOADWISE_TRACK_NO_TIME);
  g_assert_cmpfloat (TRACK_TEST_POINT (track, 3)->lat, ==, 1.0002);
  g_clear_pointer (&track, loadwise_track_free);

  track = loadwise_track_read_xml (route, strlen (route), "route.gpx", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (track->points->len, ==, 2);
  g_assert_cmpint (track->sport, ==, LOADWISE_TRACK_SPORT_RUNNING);
}

static void
test_names (void)
{
  static const struct { const char *name; gboolean track; } cases[] = {
    { "run.gpx", TRUE }, { "RUN.GPX", TRUE }, { "2024-05-04 Morning.Tcx", TRUE }, { "a.fit", TRUE },
    { "a.FIT", TRUE }, { "x.gpx.gz", FALSE }, { "run.kml", FALSE }, { "gpx", FALSE }, { ".gpx", FALSE },
    { "", FALSE }, { "fit", FALSE }, { "run.gpx~", FALSE }, { "run_gpx", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s", cases[i].name);
      g_assert_cmpint (loadwise_track_is_track_name (cases[i].name), ==, cases[i].track);
    }

  g_assert_cmpstr (loadwise_track_format_to_string (LOADWISE_TRACK_FORMAT_GPX), ==, "gpx");
  g_assert_cmpstr (loadwise_track_format_to_string (LOADWISE_TRACK_FORMAT_TCX), ==, "tcx");
  g_assert_cmpstr (loadwise_track_format_to_string (LOADWISE_TRACK_FORMAT_FIT), ==, "fit");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/tracks/formats/same-run", RunFixture, NULL, run_fixture_set_up, test_same_run,
              run_fixture_tear_down);
  g_test_add ("/tracks/formats/tcx-course", RunFixture, NULL, run_fixture_set_up, test_tcx_course,
              run_fixture_tear_down);
  g_test_add_func ("/tracks/formats/sha256", test_sha256);
  g_test_add_func ("/tracks/formats/opentracks", test_opentracks);
  g_test_add_func ("/tracks/formats/gadgetbridge", test_gadgetbridge);
  g_test_add_func ("/tracks/formats/no-elevation", test_no_elevation);
  g_test_add_func ("/tracks/formats/tcx-laps", test_tcx_laps);
  g_test_add_func ("/tracks/formats/sports", test_sports);
  g_test_add_func ("/tracks/formats/partial-points", test_partial_points);
  g_test_add_func ("/tracks/formats/names", test_names);

  return g_test_run ();
}
