/* track-test-util.c
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "track-test-util.h"

#include <math.h>
#include <string.h>

#include "core/loadwise-error.h"
#include "tracks/loadwise-track-reader.h"

/* Metres per degree of latitude on the mean Earth (6,371,008.8 m). */
#define METRES_PER_DEGREE 111195.08

static double
round_trip (const char *format,
            double      value,
            char       *buffer,
            gsize       size)
{
  g_ascii_formatd (buffer, (int) size, format, value);
  return g_ascii_strtod (buffer, NULL);
}

/* A standard normal deviate (Box-Muller). */
static double
gaussian (GRand *rand)
{
  double u = g_rand_double_range (rand, 1e-12, 1.0);
  double v = g_rand_double (rand);

  return sqrt (-2.0 * log (u)) * cos (2.0 * G_PI * v);
}

GArray *
track_test_write_run_gpx (const char *path)
{
  g_autoptr (GString) gpx = g_string_new (NULL);
  g_autoptr (GRand) rand = g_rand_new_with_seed (14);
  g_autoptr (GError) error = NULL;
  GArray *points = g_array_new (FALSE, TRUE, sizeof (LoadwiseTrackPoint));
  const double lat0 = 47.3769, lon0 = 8.5417;
  double x = 0.0, y = 0.0, s = 0.0;

  g_string_append (gpx,
                   "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                   "<gpx version=\"1.1\" creator=\"Loadwise tests\" xmlns=\"http://www.topografix.com/GPX/1/1\""
                   " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
                   " xsi:schemaLocation=\"http://www.topografix.com/GPX/1/1 http://www.topografix.com/GPX/1/1/gpx.xsd\">\n"
                   "  <metadata>\n    <name>Morning run</name>\n    <time>2024-05-04T07:15:00Z</time>\n  </metadata>\n"
                   "  <trk>\n    <name>Morning run</name>\n    <type>running</type>\n    <trkseg>\n");

  for (guint t = 0; s <= TRACK_TEST_RUN_DISTANCE_M; t++)
    {
      g_autoptr (GDateTime) time = g_date_time_new_from_unix_utc (TRACK_TEST_RUN_START_S + t);
      g_autofree char *stamp = g_date_time_format (time, "%Y-%m-%dT%H:%M:%SZ");
      /* Rolling hills, plus the noise of a barometer's 0.3 m. */
      double ele = 420.0 + 18.0 * sin (2.0 * G_PI * s / 2000.0) + 6.0 * sin (2.0 * G_PI * s / 650.0 + 1.0)
                   + 0.3 * gaussian (rand);
      /* Faster and slower by turns, about 5:20 per km. */
      double speed = 3.1 + 0.25 * sin (2.0 * G_PI * t / 600.0);
      /* A circle of 8 km round: back where it started. */
      double heading = 2.0 * G_PI * s / TRACK_TEST_RUN_DISTANCE_M;
      char lat_text[G_ASCII_DTOSTR_BUF_SIZE], lon_text[G_ASCII_DTOSTR_BUF_SIZE], ele_text[G_ASCII_DTOSTR_BUF_SIZE];
      LoadwiseTrackPoint point = {
        .time_ms = (TRACK_TEST_RUN_START_S + (gint64) t) * 1000,
        .lat = round_trip ("%.7f", lat0 + y / METRES_PER_DEGREE, lat_text, sizeof lat_text),
        .lon = round_trip ("%.7f", lon0 + x / (METRES_PER_DEGREE * cos (lat0 * G_PI / 180.0)),
                           lon_text, sizeof lon_text),
        .elevation_m = round_trip ("%.1f", ele, ele_text, sizeof ele_text),
        .distance_m = NAN,
        .lap = 0,
      };

      g_array_append_val (points, point);
      g_string_append_printf (gpx,
                              "      <trkpt lat=\"%s\" lon=\"%s\">\n        <ele>%s</ele>\n"
                              "        <time>%s</time>\n      </trkpt>\n",
                              lat_text, lon_text, ele_text, stamp);
      x += speed * cos (heading);
      y += speed * sin (heading);
      s += speed;
    }
  g_string_append (gpx, "    </trkseg>\n  </trk>\n</gpx>\n");

  g_file_set_contents (path, gpx->str, (gssize) gpx->len, &error);
  g_assert_no_error (error);
  return points;
}

void
track_test_gpsbabel (const char *first_arg,
                     ...)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = 0;
  va_list args;

  g_ptr_array_add (argv, (char *) "gpsbabel");
  va_start (args, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status,
                &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("gpsbabel failed: %s\n%s", error->message, err);
}

char *
track_test_write (const char *dir,
                  const char *name,
                  const char *contents,
                  gssize      length)
{
  g_autoptr (GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
  return path;
}

char *
track_test_data_path (const char *name)
{
  const char *srcdir = g_getenv ("LOADWISE_TEST_SRCDIR");

  g_assert_nonnull (srcdir);
  return g_build_filename (srcdir, "tracks", "data", name, NULL);
}

LoadwiseTrack *
track_test_read (const char *path,
                 int         expected_format)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autofree char *sha256 = NULL;
  LoadwiseTrackFormat format = (LoadwiseTrackFormat) -1;
  LoadwiseTrack *track;

  track = loadwise_track_read_file (file, NULL, &format, &sha256, &error);
  g_assert_no_error (error);
  g_assert_nonnull (track);
  g_assert_cmpint (format, ==, expected_format);
  g_assert_cmpuint (strlen (sha256), ==, 64);
  return track;
}

void
track_test_assert_refused (const char *path,
                           GQuark      domain,
                           int         code,
                           const char *message)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (LoadwiseTrack) track = NULL;
  g_autofree char *sha256 = NULL;
  LoadwiseTrackFormat format = (LoadwiseTrackFormat) -1;

  track = loadwise_track_read_file (file, NULL, &format, &sha256, &error);
  g_assert_null (track);
  g_assert_error (error, domain, code);
  g_assert_cmpstr (error->message, ==, message);
  /* Nothing handed out for a refused file. */
  g_assert_null (sha256);
  g_assert_cmpint ((int) format, ==, -1);
}
