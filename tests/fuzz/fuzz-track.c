/* fuzz-track.c: the GPX and TCX reader on any bytes
 *
 * loadwise_track_read_xml() must refuse what is not a track with an
 * error (LOADWISE_ERROR_INVALID_INPUT, valid UTF-8, naming the file),
 * never crash, warn or leak; and a track it returns must hold only what
 * the reader promises: at least one point with a time, positions and
 * elevations in range, laps within the count, an elevation source that
 * matches the points. The core's summary of it then either succeeds or
 * says why, as for any file.
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include "fuzz-target.h"

#include "core/loadwise-error.h"
#include "tracks/loadwise-track-reader.h"

static void
check_point (const LoadwiseTrack      *track,
             const LoadwiseTrackPoint *point)
{
  g_assert (isnan (point->lat) == isnan (point->lon));
  g_assert (isnan (point->lat) || (point->lat >= -90.0 && point->lat <= 90.0));
  g_assert (isnan (point->lon) || (point->lon >= -180.0 && point->lon <= 180.0));
  g_assert (isnan (point->elevation_m) || (point->elevation_m >= -1000.0 && point->elevation_m <= 10000.0));
  g_assert (isnan (point->distance_m) || (point->distance_m >= 0.0 && point->distance_m <= 1000000.0));
  g_assert (point->lap == 0 || point->lap < track->n_laps);
}

static void
check_track (const LoadwiseTrack *track,
             LoadwiseTrackFormat  format)
{
  gboolean has_time = FALSE;
  gboolean has_elevation = FALSE;

  g_assert (format == LOADWISE_TRACK_FORMAT_GPX || format == LOADWISE_TRACK_FORMAT_TCX);
  g_assert (track->points->len > 0 && track->points->len <= LOADWISE_TRACK_MAX_POINTS);
  for (guint i = 0; i < track->points->len; i++)
    {
      const LoadwiseTrackPoint *point = &g_array_index (track->points, LoadwiseTrackPoint, i);

      check_point (track, point);
      has_time |= point->time_ms != LOADWISE_TRACK_NO_TIME;
      has_elevation |= !isnan (point->elevation_m);
    }
  g_assert (has_time);
  g_assert (track->elevation_source == (has_elevation ? LOADWISE_ELEVATION_GPS : LOADWISE_ELEVATION_NONE));
  g_assert (track->sport_name == NULL || g_utf8_validate (track->sport_name, -1, NULL));
  g_assert (track->sport == LOADWISE_TRACK_SPORT_UNKNOWN || track->sport_name != NULL);
  g_assert (isnan (track->device_distance_m) || track->device_distance_m > 0.0);
  g_assert (format == LOADWISE_TRACK_FORMAT_TCX || (track->n_laps == 0 && isnan (track->device_distance_m)));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr (LoadwiseTrack) track = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GTimeZone) tz = NULL;
  LoadwiseTrackFormat format = (LoadwiseTrackFormat) -1;
  LoadwiseTrackSummary summary;

  fuzz_target_init ();

  track = loadwise_track_read_xml ((const char *) data, size, "fuzz.gpx", &format, &error);
  if (track == NULL)
    {
      g_assert (error != NULL);
      g_assert (g_error_matches (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT));
      g_assert (g_utf8_validate (error->message, -1, NULL));
      g_assert (g_str_has_prefix (error->message, "fuzz.gpx: "));
      return 0;
    }
  g_assert (error == NULL);
  check_track (track, format);

  tz = g_time_zone_new_utc ();
  if (!loadwise_track_summarize (track, tz, &summary, &error))
    {
      g_assert (g_error_matches (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT));
      g_assert (g_utf8_validate (error->message, -1, NULL));
    }
  return 0;
}
