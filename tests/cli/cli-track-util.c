/* cli-track-util.c: recorded runs written by the tests
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "cli-track-util.h"

#include <math.h>
#include <string.h>

#include "loadwise-test-util.h"

/* Mean Earth radius of loadwise_track_haversine_m(): metres per degree of
 * latitude, so that a step north is an exact distance. */
#define METRES_PER_DEGREE (6371008.8 * G_PI / 180.0)

/* 6 km at 5:00/km over a hill: 200 m up, 250 m down. */
const TrackSpec cli_track_hill_run = {
  "2026-11-20T07:15:00Z", 601, 10.0, 3, 200.0, 250.0, 1.5, 7, FALSE, FALSE,
};
/* 5 km easy, flat, two days later. */
const TrackSpec cli_track_flat_run = {
  "2026-11-22T16:40:00Z", 501, 10.0, 3, 0.0, 0.0, 1.5, 11, FALSE, FALSE,
};
/* 3 km the day before. */
const TrackSpec cli_track_short_run = {
  "2026-11-19T06:05:00Z", 301, 10.0, 3, 20.0, 20.0, 1.5, 13, FALSE, FALSE,
};

double
cli_track_true_distance_m (const TrackSpec *spec)
{
  return spec->step_m * (spec->n_points - 1);
}

gint64
cli_track_start_seconds (const TrackSpec *spec)
{
  g_autoptr (GDateTime) start = g_date_time_new_from_iso8601 (spec->start, NULL);

  g_assert_nonnull (start);
  return g_date_time_to_unix (start);
}

/* Normal noise (Box-Muller) from a seeded generator. */
static double
gauss (GRand *rand)
{
  double u = g_rand_double_range (rand, 1e-12, 1.0);
  double v = g_rand_double (rand);

  return sqrt (-2.0 * log (u)) * cos (2.0 * G_PI * v);
}

static double
true_elevation (const TrackSpec *spec,
                guint            i)
{
  double third = (spec->n_points - 1) / 3.0;
  double up = MIN (i, third) / third;
  double down = i > 2 * third ? (i - 2 * third) / third : 0.0;

  return 120.0 + spec->climb_m * up - spec->descent_m * down;
}

char *
cli_track_make_gpx (const TrackSpec *spec)
{
  g_autoptr (GDateTime) start = g_date_time_new_from_iso8601 (spec->start, NULL);
  g_autoptr (GRand) rand = g_rand_new_with_seed (spec->seed);
  GString *gpx = g_string_new (NULL);

  g_assert_nonnull (start);
  g_string_append (gpx,
                   "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                   "<gpx version=\"1.1\" creator=\"OpenTracks\"\n"
                   "     xmlns=\"http://www.topografix.com/GPX/1/1\"\n"
                   "     xmlns:opentracks=\"http://opentracksapp.com/xmlschemas/v1\"\n"
                   "     xmlns:gpxtpx=\"http://www.garmin.com/xmlschemas/TrackPointExtension/v2\">\n"
                   "<metadata><name>Morning run</name></metadata>\n"
                   "<trk>\n<name>Morning run</name>\n<type>running</type>\n"
                   "<extensions><opentracks:trackid>5b1c</opentracks:trackid></extensions>\n"
                   "<trkseg>\n");
  for (guint i = 0; i < spec->n_points; i++)
    {
      char lat[G_ASCII_DTOSTR_BUF_SIZE];
      char ele[G_ASCII_DTOSTR_BUF_SIZE];
      g_autoptr (GDateTime) when = g_date_time_add_seconds (start, (double) i * spec->step_s);
      g_autofree char *time = g_date_time_format (when, "%Y-%m-%dT%H:%M:%SZ");
      double elevation = true_elevation (spec, i) + spec->noise_m * gauss (rand);

      g_ascii_formatd (lat, sizeof lat, "%.7f", 47.3 + i * spec->step_m / METRES_PER_DEGREE);
      g_ascii_formatd (ele, sizeof ele, "%.1f", elevation);
      g_string_append_printf (gpx, "<trkpt lat=\"%s\" lon=\"8.5400000\">\n", lat);
      if (!spec->no_elevation)
        g_string_append_printf (gpx, "  <ele>%s</ele>\n", ele);
      if (!spec->no_time)
        g_string_append_printf (gpx, "  <time>%s</time>\n", time);
      g_string_append (gpx, "  <extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>141</gpxtpx:hr>"
                            "</gpxtpx:TrackPointExtension></extensions>\n</trkpt>\n");
    }
  g_string_append (gpx, "</trkseg>\n</trk>\n</gpx>\n");
  return g_string_free (gpx, FALSE);
}

char *
cli_track_write_file (const char *dir,
            const char *name,
            const char *contents,
            gssize      length)
{
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr (GError) error = NULL;

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
  return path;
}

char *
cli_track_write_gpx (const char      *dir,
           const char      *name,
           const TrackSpec *spec)
{
  g_autofree char *gpx = cli_track_make_gpx (spec);

  return cli_track_write_file (dir, name, gpx, -1);
}

/* gpsbabel -t -i gpx -f GPX -o FORMAT -F DIR/NAME; DIR NULL: beside GPX. */
char *
cli_track_convert (const char *gpx_path,
         const char *format,
         const char *out_dir,
         const char *out_name)
{
  g_autofree char *dir = out_dir != NULL ? g_strdup (out_dir) : g_path_get_dirname (gpx_path);
  char *out = g_build_filename (dir, out_name, NULL);
  const char *argv[] = { "gpsbabel", "-t", "-i", "gpx", "-f", gpx_path, "-o", format, "-F", out, NULL };
  g_autofree char *err = NULL;
  g_autoptr (GError) error = NULL;
  int wait_status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                NULL, &err, &wait_status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (wait_status, NULL))
    g_error ("gpsbabel -o %s failed: %s", format, err);
  return out;
}

char *
cli_track_sha256_of (const char *path)
{
  g_autoptr (GBytes) bytes = loadwise_test_read_file (path);

  g_assert_nonnull (bytes);
  return g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
}

