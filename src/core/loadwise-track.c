/* loadwise-track.c: what a recorded track says about a run
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "core/loadwise-error.h"
#include "core/loadwise-insights.h"
#include "core/loadwise-parse.h"
#include "core/loadwise-run.h"
#include "core/loadwise-track.h"

/* The mean Earth radius R1 of the GRS 80 ellipsoid (Moritz 2000,
 * "Geodetic Reference System 1980"). */
#define EARTH_RADIUS_M 6371008.8

/* Climb and descent count only the swings between a low and a high point
 * that reach a threshold, and count those in full.
 * - Barometric elevation, as recorded: 3 m, GoldenCheetah's default
 *   elevation hysteresis (GC_ELEVATION_HYSTERESIS, 3.0 m, in its
 *   ElevationGain metric, src/Metrics/BasicRideMetrics.cpp) and the
 *   change OpenTracks takes as meaningful from a barometer
 *   (ALTITUDE_CHANGE_DIFF_M = 3.0 m, sensors/PressureSensorUtils.java).
 * - GPS elevation, smoothed first as Strava does, more than barometric
 *   elevation (Strava Support, "Elevation Gain": "The smoothing applied
 *   to data that has been looked up is slightly higher than that applied
 *   to data from barometric altimeters"); then 7 m, the threshold OsmAnd
 *   uses for the highs and lows of a recorded track (ELE_THRESHOLD = 7,
 *   net/osmand/gpx/ElevationDiffsCalculator.java; osmand.net, "Calculation
 *   of uphill / downhill / slope"). GPS error wanders over minutes, which
 *   no smoothing over a few dozen metres removes: 3 m would count it. */
#define BAROMETRIC_HYSTERESIS_M 3.0
#define GPS_HYSTERESIS_M        7.0
/* (design) Each GPS elevation becomes the mean of those within 50 m of it
 * along the track: at a point a second that averages some 30 points,
 * taking white noise of a few metres to well under a metre, while a short
 * steep hill (15 m over 150 m) keeps 10 m of its height. */
#define GPS_SMOOTHING_HALF_WINDOW_M 50.0

/* (design) Moving: at least 0.5 m/s, measured over at least 10 s. A slow
 * walk is about 1 m/s; a watch standing at the lights drifts less than
 * that over 10 s. */
#define MOVING_MIN_SPEED    0.5
#define MOVING_WINDOW_S     10.0
/* (design) No window grows by more than this many points (10 s at 60
 * points a second), so that even a track with times out of order is
 * measured in linear time. */
#define MOVING_WINDOW_MAX_POINTS 600

/* (design) Faster than anyone runs: 12.5 m/s (45 km/h) over 30 s. The
 * fastest sprinters peak at about 12.4 m/s, and only for metres. */
#define MAX_SPEED           12.5
#define MAX_SPEED_WINDOW_S  30.0
/* (design) An average moving speed above 25 km/h is not a run: the 5 km
 * world record (12:35) is about 23.8 km/h. */
#define MAX_AVERAGE_SPEED   (25.0 / 3.6)

/* Speed work (design, as loadwise-track.h states it): each second's
 * speed over 30 s; level ground within 3%; the easy pace is the lower
 * quartile; a bout runs faster than 5% above it, holds 15% above it for
 * 60 s in all and ends after 30 s below; a lap is fast at 15% above it
 * over 30 s or more; 3 bouts, or 3 runs of fast laps, make speed work. */
#define PACE_HALF_WINDOW_S  15
#define EASY_QUANTILE       0.25
#define FAST_FACTOR         1.15
#define RECOVERED_FACTOR    1.05
#define BOUT_MIN_FAST_S     60
#define RECOVERY_S          30
#define LAP_MIN_S           30.0
#define SPEED_WORK_MIN      3
#define HILL_GRADE          0.03

LoadwiseTrack *
loadwise_track_new (void)
{
  LoadwiseTrack *track = g_new0 (LoadwiseTrack, 1);

  track->points = g_array_new (FALSE, FALSE, sizeof (LoadwiseTrackPoint));
  track->elevation_source = LOADWISE_ELEVATION_NONE;
  track->sport = LOADWISE_TRACK_SPORT_UNKNOWN;
  track->device_distance_m = NAN;
  return track;
}

void
loadwise_track_free (LoadwiseTrack *track)
{
  if (track == NULL)
    return;
  g_array_unref (track->points);
  g_free (track->sport_name);
  g_free (track);
}

double
loadwise_track_haversine_m (double lat1,
                            double lon1,
                            double lat2,
                            double lon2)
{
  double phi1 = lat1 * G_PI / 180.0;
  double phi2 = lat2 * G_PI / 180.0;
  double half_dphi = (phi2 - phi1) / 2.0;
  double half_dlambda = (lon2 - lon1) * G_PI / 360.0;
  double a = sin (half_dphi) * sin (half_dphi)
             + cos (phi1) * cos (phi2) * sin (half_dlambda) * sin (half_dlambda);

  /* Rounding can take a just above 1 for points nearly opposite; NAN
   * (no position) stays NAN. */
  return 2.0 * EARTH_RADIUS_M * asin (sqrt (a > 1.0 ? 1.0 : a));
}

static gboolean
has_position (const LoadwiseTrackPoint *point)
{
  return isfinite (point->lat) && isfinite (point->lon) &&
         fabs (point->lat) <= 90.0 && fabs (point->lon) <= 180.0;
}

/* The points with a time, and how far along the track each one is. */

typedef enum {
  ALONG_NONE,       /* the track says nothing of distance */
  ALONG_DEVICE,     /* the points' cumulative distance, from the device */
  ALONG_POSITIONS,  /* haversine between the positions */
  ALONG_TIME,       /* only the file's total: spread evenly over the time */
} AlongSource;

typedef struct {
  guint                      n;
  const LoadwiseTrackPoint **points;  /* the points with a time, in file order */
  double                    *t;       /* seconds from the first */
  double                    *along;   /* metres from the start */
  double                     total_m; /* the run's distance */
  AlongSource                source;
  gboolean                   device;  /* the distance is the device's own */
} Series;

static void
series_clear (Series *s)
{
  g_free (s->points);
  g_free (s->t);
  g_free (s->along);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Series, series_clear)

/* The device's cumulative distance, which never goes back; FALSE when
 * the points carry none, or only zeros (a device that counts nothing). */
static gboolean
along_from_device (Series *s)
{
  gboolean found = FALSE;
  double last = 0;

  for (guint k = 0; k < s->n; k++)
    {
      double d = s->points[k]->distance_m;

      if (isfinite (d))
        {
          found = TRUE;
          last = MAX (last, d);
        }
      s->along[k] = last;
    }
  return found && last > 0;
}

/* Haversine between consecutive points with a position; a point without
 * one (a tunnel) adds nothing, its neighbours are joined directly. */
static gboolean
along_from_positions (Series *s)
{
  const LoadwiseTrackPoint *previous = NULL;

  for (guint k = 0; k < s->n; k++)
    {
      const LoadwiseTrackPoint *point = s->points[k];

      s->along[k] = k > 0 ? s->along[k - 1] : 0;
      if (!has_position (point))
        continue;
      if (previous != NULL)
        s->along[k] += loadwise_track_haversine_m (previous->lat, previous->lon,
                                                   point->lat, point->lon);
      previous = point;
    }
  return s->n > 0 && s->along[s->n - 1] > 0;
}

static void
series_fill_along (Series              *s,
                   const LoadwiseTrack *track)
{
  double file_total = track->device_distance_m;

  if (along_from_device (s))
    s->source = ALONG_DEVICE;
  else if (along_from_positions (s))
    s->source = ALONG_POSITIONS;
  else
    s->source = ALONG_NONE;
  s->total_m = s->n > 0 ? s->along[s->n - 1] : 0;
  s->device = s->source == ALONG_DEVICE;

  /* The device's figure is preferred to haversine: it corrects GPS noise
   * and the corners it cuts, and counts steps where there is no signal
   * (a treadmill, a tunnel). The file's own total comes first, and the
   * points are scaled to it so that a profile ends where the run does. */
  if (!(isfinite (file_total) && file_total > 0))
    return;
  if (s->total_m > 0)
    {
      for (guint k = 0; k < s->n; k++)
        s->along[k] *= file_total / s->total_m;
    }
  else if (s->n > 1 && s->t[s->n - 1] > 0)
    {
      for (guint k = 0; k < s->n; k++)
        s->along[k] = file_total * s->t[k] / s->t[s->n - 1];
      s->source = ALONG_TIME;
    }
  s->total_m = file_total;
  s->device = TRUE;
}

static void
series_init (Series              *s,
             const LoadwiseTrack *track)
{
  GArray *points = track->points;
  gint64 first_ms = LOADWISE_TRACK_NO_TIME;
  guint k = 0;

  memset (s, 0, sizeof *s);
  for (guint i = 0; i < points->len; i++)
    s->n += g_array_index (points, LoadwiseTrackPoint, i).time_ms != LOADWISE_TRACK_NO_TIME;
  s->points = g_new0 (const LoadwiseTrackPoint *, MAX (s->n, 1));
  s->t = g_new0 (double, MAX (s->n, 1));
  s->along = g_new0 (double, MAX (s->n, 1));

  for (guint i = 0; i < points->len; i++)
    {
      const LoadwiseTrackPoint *point = &g_array_index (points, LoadwiseTrackPoint, i);

      if (point->time_ms == LOADWISE_TRACK_NO_TIME)
        continue;
      if (first_ms == LOADWISE_TRACK_NO_TIME)
        first_ms = point->time_ms;
      s->points[k] = point;
      /* In double before the difference: no overflow for any two times. */
      s->t[k] = ((double) point->time_ms - (double) first_ms) / 1000.0;
      k++;
    }
  series_fill_along (s, track);
}

static double
series_elapsed_s (const Series *s)
{
  return s->n > 1 ? s->t[s->n - 1] : 0;
}

/* Distance */

double
loadwise_track_distance_m (const LoadwiseTrack *track,
                           gboolean            *out_device)
{
  g_auto (Series) s = { 0 };

  g_return_val_if_fail (track != NULL, 0);

  series_init (&s, track);
  if (out_device != NULL)
    *out_device = s.device;
  return s.total_m;
}

/* Moving time */

/* How far the runner got from point @a to point @b: in a straight line
 * between positions, so that a watch drifting at the lights does not add
 * up; along the device's distance otherwise; NAN when nothing tells. */
static double
series_moved_m (const Series *s,
                guint         a,
                guint         b)
{
  if (s->source == ALONG_POSITIONS && has_position (s->points[a]) && has_position (s->points[b]))
    return loadwise_track_haversine_m (s->points[a]->lat, s->points[a]->lon,
                                       s->points[b]->lat, s->points[b]->lon);
  if (s->source == ALONG_NONE)
    return NAN;
  return s->along[b] - s->along[a];
}

/* moving[i]: whether the stretch from point i - 1 to point i was run (or
 * walked). Each stretch is judged over a window of at least
 * MOVING_WINDOW_S around it; a longer gap is judged alone. */
static gboolean *
series_moving (const Series *s)
{
  gboolean *moving = g_new0 (gboolean, MAX (s->n, 1));

  for (guint i = 1; i < s->n; i++)
    {
      guint a = i - 1;
      guint b = i;
      double moved;

      if (!(s->t[i] > s->t[i - 1]))
        continue;
      for (guint grown = 0;
           s->t[b] - s->t[a] < MOVING_WINDOW_S && (a > 0 || b + 1 < s->n) &&
           grown < MOVING_WINDOW_MAX_POINTS;
           grown++)
        {
          /* Grow on the side that reaches less far, to stay centred. */
          if (a > 0 && (b + 1 == s->n || s->t[i - 1] - s->t[a - 1] <= s->t[b + 1] - s->t[i]))
            a--;
          else
            b++;
        }
      moved = series_moved_m (s, a, b);
      moving[i] = isnan (moved) || moved >= MOVING_MIN_SPEED * (s->t[b] - s->t[a]);
    }
  return moving;
}

static double
series_moving_s (const Series   *s,
                 const gboolean *moving,
                 guint           from,
                 guint           to)
{
  double total = 0;

  for (guint i = from + 1; i <= to && i < s->n; i++)
    if (moving[i])
      total += s->t[i] - s->t[i - 1];
  return total;
}

/* @value rounded, within 0..G_MAXUINT: for figures shown or stored whole. */
static guint
round_to_uint (double value)
{
  return value >= G_MAXUINT ? G_MAXUINT : (guint) lround (MAX (value, 0));
}

guint
loadwise_track_moving_time_s (const LoadwiseTrack *track)
{
  g_auto (Series) s = { 0 };
  g_autofree gboolean *moving = NULL;

  g_return_val_if_fail (track != NULL, 0);

  series_init (&s, track);
  moving = series_moving (&s);
  return round_to_uint (series_moving_s (&s, moving, 0, s.n));
}

/* Elevation */

/* The points with an elevation, by distance along the track: smoothed
 * when the elevation comes from GPS. */
typedef struct {
  guint                   n;
  double                 *along;
  double                 *elevation;
  LoadwiseElevationSource source;
} Heights;

static void
heights_clear (Heights *h)
{
  g_free (h->along);
  g_free (h->elevation);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Heights, heights_clear)

/* Each value becomes the mean of those within @half_m of it along the
 * track (@along never decreases); a running sum keeps it linear. */
static void
smooth_over_distance (const double *along,
                      double       *values,
                      guint         n,
                      double        half_m)
{
  g_autofree double *sums = g_new (double, n + 1);
  guint lo = 0;
  guint hi = 0;

  sums[0] = 0;
  for (guint i = 0; i < n; i++)
    sums[i + 1] = sums[i] + values[i];
  for (guint i = 0; i < n; i++)
    {
      while (along[i] - along[lo] > half_m)
        lo++;
      hi = MAX (hi, i + 1);
      while (hi < n && along[hi] - along[i] <= half_m)
        hi++;
      values[i] = (sums[hi] - sums[lo]) / (hi - lo);
    }
}

static void
heights_init (Heights             *h,
              const Series        *s,
              const LoadwiseTrack *track)
{
  memset (h, 0, sizeof *h);
  h->along = g_new (double, MAX (s->n, 1));
  h->elevation = g_new (double, MAX (s->n, 1));
  for (guint k = 0; k < s->n; k++)
    {
      if (!isfinite (s->points[k]->elevation_m))
        continue;
      h->along[h->n] = s->along[k];
      h->elevation[h->n] = s->points[k]->elevation_m;
      h->n++;
    }

  /* Elevations the reader did not label are taken for the noisier kind. */
  if (h->n < 2)
    h->source = LOADWISE_ELEVATION_NONE;
  else if (track->elevation_source == LOADWISE_ELEVATION_BAROMETRIC)
    h->source = LOADWISE_ELEVATION_BAROMETRIC;
  else
    h->source = LOADWISE_ELEVATION_GPS;

  if (h->source == LOADWISE_ELEVATION_GPS)
    smooth_over_distance (h->along, h->elevation, h->n, GPS_SMOOTHING_HALF_WINDOW_M);
}

/* The smoothed elevation at @along_m, between the points around it. */
static double
heights_at (const Heights *h,
            double         along_m)
{
  guint lo = 0;
  guint hi = h->n - 1;
  double span;

  if (along_m <= h->along[0])
    return h->elevation[0];
  if (along_m >= h->along[hi])
    return h->elevation[hi];
  /* along[lo] < along_m < along[hi] */
  while (hi - lo > 1)
    {
      guint mid = lo + (hi - lo) / 2;

      if (h->along[mid] < along_m)
        lo = mid;
      else
        hi = mid;
    }
  span = h->along[hi] - h->along[lo];
  return h->elevation[lo] + (h->elevation[hi] - h->elevation[lo]) * (along_m - h->along[lo]) / span;
}

/* Sums the swings of at least @threshold between a low and the next high
 * (climb) and a high and the next low (descent): a swing counts in full
 * once it is confirmed, and the last one counts at the end of the track. */
static void
count_swings (const double *values,
              guint         n,
              double        threshold,
              double       *out_climb,
              double       *out_descent)
{
  double climb = 0;
  double descent = 0;
  double low, high, reference = 0, extreme = 0;
  int direction = 0;

  if (n == 0)
    goto out;
  low = high = values[0];
  for (guint i = 1; i < n; i++)
    {
      double v = values[i];

      if (direction == 0)
        {
          low = MIN (low, v);
          high = MAX (high, v);
          if (v - low >= threshold)
            {
              direction = 1;
              reference = low;
              extreme = v;
            }
          else if (high - v >= threshold)
            {
              direction = -1;
              reference = high;
              extreme = v;
            }
        }
      else if (direction > 0)
        {
          if (v > extreme)
            extreme = v;
          else if (extreme - v >= threshold)
            {
              climb += extreme - reference;
              reference = extreme;
              extreme = v;
              direction = -1;
            }
        }
      else
        {
          if (v < extreme)
            extreme = v;
          else if (v - extreme >= threshold)
            {
              descent += reference - extreme;
              reference = extreme;
              extreme = v;
              direction = 1;
            }
        }
    }
  if (direction > 0)
    climb += extreme - reference;
  else if (direction < 0)
    descent += reference - extreme;

out:
  if (out_climb != NULL)
    *out_climb = climb;
  if (out_descent != NULL)
    *out_descent = descent;
}

static void
heights_count (const Heights *h,
               double        *out_climb_m,
               double        *out_descent_m)
{
  double threshold = h->source == LOADWISE_ELEVATION_BAROMETRIC
                     ? BAROMETRIC_HYSTERESIS_M
                     : GPS_HYSTERESIS_M;

  count_swings (h->elevation, h->source == LOADWISE_ELEVATION_NONE ? 0 : h->n, threshold,
                out_climb_m, out_descent_m);
}

void
loadwise_track_elevation (const LoadwiseTrack *track,
                          double              *out_climb_m,
                          double              *out_descent_m)
{
  g_auto (Series) s = { 0 };
  g_auto (Heights) h = { 0 };

  g_return_if_fail (track != NULL);

  series_init (&s, track);
  heights_init (&h, &s, track);
  heights_count (&h, out_climb_m, out_descent_m);
}

/* The profile */

static GArray *
heights_profile (const Heights *h,
                 guint          max_points)
{
  GArray *profile = g_array_new (FALSE, FALSE, sizeof (LoadwiseProfilePoint));
  double start, span;
  guint n_out;

  if (h->source == LOADWISE_ELEVATION_NONE || max_points < 2)
    return profile;
  start = h->along[0];
  span = h->along[h->n - 1] - start;
  if (!(span > 0))
    return profile;

  n_out = MIN (max_points, h->n);
  g_array_set_size (profile, n_out);
  for (guint k = 0; k < n_out; k++)
    {
      LoadwiseProfilePoint *point = &g_array_index (profile, LoadwiseProfilePoint, k);

      point->distance_m = k + 1 == n_out ? start + span : start + span * k / (n_out - 1);
      point->elevation_m = heights_at (h, point->distance_m);
    }
  return profile;
}

GArray *
loadwise_track_profile (const LoadwiseTrack *track,
                        guint                max_points)
{
  g_auto (Series) s = { 0 };
  g_auto (Heights) h = { 0 };

  g_return_val_if_fail (track != NULL, NULL);

  series_init (&s, track);
  heights_init (&h, &s, track);
  return heights_profile (&h, max_points);
}

void
loadwise_profile_steepest_descent (const GArray           *profile,
                                   LoadwiseProfileDescent *out_descent)
{
  const LoadwiseProfilePoint *p;
  double window;
  double best_rate = 0;

  g_return_if_fail (profile != NULL && out_descent != NULL);

  memset (out_descent, 0, sizeof *out_descent);
  if (profile->len < 2)
    return;
  p = (const LoadwiseProfilePoint *) (gconstpointer) profile->data;
  window = MIN (LOADWISE_PROFILE_DESCENT_WINDOW_M,
                p[profile->len - 1].distance_m - p[0].distance_m);
  if (!(window > 0))
    return;

  /* The steepest stretch of at least the window is never longer than
   * twice it (a longer one splits in two, one as steep); of stretches as
   * steep, the one that drops most. */
  for (guint i = 0; i + 1 < profile->len; i++)
    for (guint j = i + 1; j < profile->len && p[j].distance_m - p[i].distance_m < 2 * window; j++)
      {
        double length = p[j].distance_m - p[i].distance_m;
        double drop = p[i].elevation_m - p[j].elevation_m;
        double rate = drop / length;

        if (length < window || !(drop > 0))
          continue;
        if (rate > best_rate * (1 + 1e-9) ||
            (rate >= best_rate * (1 - 1e-9) && drop > out_descent->drop_m))
          {
            best_rate = MAX (best_rate, rate);
            out_descent->found = TRUE;
            out_descent->start_m = p[i].distance_m;
            out_descent->end_m = p[j].distance_m;
            out_descent->drop_m = drop;
          }
      }
}

/* Speed work */

/* The run second by second. */
typedef struct {
  guint     n;
  double   *along;    /* metres at each second */
  double   *speed;    /* m/s over PACE_HALF_WINDOW_S either side */
  gboolean *counted;  /* moving, on level ground: a second that tells the pace */
} Pace;

static void
pace_clear (Pace *pace)
{
  g_free (pace->along);
  g_free (pace->speed);
  g_free (pace->counted);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Pace, pace_clear)

/* The metres along the track at each second, between the points. */
static void
pace_fill_along (Pace           *pace,
                 const Series   *s,
                 const gboolean *moving)
{
  guint i = 1;

  for (guint k = 0; k < pace->n; k++)
    {
      double span, part;

      /* The stretch from point i - 1 to point i holds second k. */
      while (i + 1 < s->n && s->t[i] <= k)
        i++;
      span = s->t[i] - s->t[i - 1];
      part = span > 0 ? CLAMP ((k - s->t[i - 1]) / span, 0, 1) : 1;
      pace->along[k] = s->along[i - 1] + (s->along[i] - s->along[i - 1]) * part;
      pace->counted[k] = moving[i];
    }
}

static void
pace_init (Pace           *pace,
           const Series   *s,
           const gboolean *moving,
           const Heights  *h)
{
  double elapsed = series_elapsed_s (s);

  memset (pace, 0, sizeof *pace);
  /* Nothing to measure in a track no run can be. */
  if (!(elapsed >= 1) || elapsed > LOADWISE_RUN_DURATION_MAX_S)
    return;

  pace->n = (guint) elapsed + 1;
  pace->along = g_new (double, pace->n);
  pace->speed = g_new (double, pace->n);
  pace->counted = g_new (gboolean, pace->n);
  pace_fill_along (pace, s, moving);
  for (guint k = 0; k < pace->n; k++)
    {
      guint lo = k > PACE_HALF_WINDOW_S ? k - PACE_HALF_WINDOW_S : 0;
      guint hi = MIN (k + PACE_HALF_WINDOW_S, pace->n - 1);
      double span = pace->along[hi] - pace->along[lo];

      pace->speed[k] = span / (hi - lo);
      /* Up or down a hill the pace says little of the effort. */
      if (h->source != LOADWISE_ELEVATION_NONE && span > 0 &&
          fabs (heights_at (h, pace->along[hi]) - heights_at (h, pace->along[lo]))
          > HILL_GRADE * span)
        pace->counted[k] = FALSE;
    }
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* The lower quartile of the moving speed; 0 when the run never moves. */
static double
pace_easy_speed (const Pace *pace)
{
  g_autofree double *speeds = g_new (double, MAX (pace->n, 1));
  guint n = 0;

  for (guint k = 0; k < pace->n; k++)
    if (pace->counted[k])
      speeds[n++] = pace->speed[k];
  if (n == 0)
    return 0;
  qsort (speeds, n, sizeof *speeds, compare_doubles);
  return speeds[(guint) (EASY_QUANTILE * (n - 1))];
}

/* Whether the stretch from @from_m to @to_m loses more than the downhill
 * grade on average. */
static gboolean
heights_downhill (const Heights *h,
                  double         from_m,
                  double         to_m)
{
  if (h->source == LOADWISE_ELEVATION_NONE || !(to_m > from_m))
    return FALSE;
  return heights_at (h, to_m) - heights_at (h, from_m) < -HILL_GRADE * (to_m - from_m);
}

/* Bouts: stretches above the recovered speed, ended by RECOVERY_S at or
 * below it (or not telling the pace), that hold BOUT_MIN_FAST_S fast. */
static guint
count_bouts (const Pace *pace,
             double      easy)
{
  guint bouts = 0;
  gboolean in_bout = FALSE;
  guint fast_s = 0;
  guint slow_s = 0;

  /* One step past the end closes the last bout. */
  for (guint k = 0; k <= pace->n; k++)
    {
      gboolean above = k < pace->n && pace->counted[k] && pace->speed[k] > RECOVERED_FACTOR * easy;

      if (above)
        {
          if (!in_bout)
            fast_s = 0;
          in_bout = TRUE;
          slow_s = 0;
          fast_s += pace->speed[k] >= FAST_FACTOR * easy;
          continue;
        }
      if (!in_bout || (++slow_s < RECOVERY_S && k < pace->n))
        continue;
      in_bout = FALSE;
      bouts += fast_s >= BOUT_MIN_FAST_S;
    }
  return bouts;
}

/* Runs of fast laps: a lap runs from its first point to the next lap's. */
static guint
count_fast_laps (const Series   *s,
                 const gboolean *moving,
                 const Heights  *h,
                 double          easy)
{
  guint runs = 0;
  gboolean previous_fast = FALSE;
  guint start = 0;

  for (guint i = 1; i <= s->n && s->n > 1; i++)
    {
      guint end = MIN (i, s->n - 1);
      double moving_s, distance;
      gboolean fast;

      if (i < s->n && s->points[i]->lap == s->points[start]->lap)
        continue;
      moving_s = series_moving_s (s, moving, start, end);
      distance = s->along[end] - s->along[start];
      fast = moving_s >= LAP_MIN_S && distance / moving_s >= FAST_FACTOR * easy &&
             !heights_downhill (h, s->along[start], s->along[end]);
      runs += fast && !previous_fast;
      previous_fast = fast;
      start = i;
    }
  return runs;
}

static gboolean
series_speed_work (const Series        *s,
                   const gboolean      *moving,
                   const Heights       *h,
                   const LoadwiseTrack *track)
{
  g_auto (Pace) pace = { 0 };
  double easy;

  pace_init (&pace, s, moving, h);
  easy = pace_easy_speed (&pace);
  if (!(easy > 0))
    return FALSE;
  if (track->n_laps >= 2 && count_fast_laps (s, moving, h, easy) >= SPEED_WORK_MIN)
    return TRUE;
  return count_bouts (&pace, easy) >= SPEED_WORK_MIN;
}

gboolean
loadwise_track_detect_speed_work (const LoadwiseTrack *track)
{
  g_auto (Series) s = { 0 };
  g_auto (Heights) h = { 0 };
  g_autofree gboolean *moving = NULL;

  g_return_val_if_fail (track != NULL, FALSE);

  series_init (&s, track);
  heights_init (&h, &s, track);
  moving = series_moving (&s);
  return series_speed_work (&s, moving, &h, track);
}

/* Checks and the summary */

static gboolean
check_sport (const LoadwiseTrack  *track,
             GError              **error)
{
  if (track->sport != LOADWISE_TRACK_SPORT_OTHER)
    return TRUE;
  if (track->sport_name != NULL && *track->sport_name != '\0')
    /* Translators: "this is a Biking activity, not a run", with the
     * sport as the file names it */
    return loadwise_error_invalid (error, _("this is a %s activity, not a run"), track->sport_name);
  return loadwise_error_invalid (error, _("this is not a run: the file marks it as another sport"));
}

static gboolean
check_times (const LoadwiseTrack  *track,
             const Series         *s,
             GError              **error)
{
  gint64 previous = LOADWISE_TRACK_NO_TIME;

  if (s->n < 2)
    return loadwise_error_invalid (error, _("fewer than two points have a time, so the run's date "
                                            "and duration are unknown"));
  for (guint i = 0; i < track->points->len; i++)
    {
      gint64 time_ms = g_array_index (track->points, LoadwiseTrackPoint, i).time_ms;

      if (time_ms == LOADWISE_TRACK_NO_TIME)
        continue;
      if (previous != LOADWISE_TRACK_NO_TIME && time_ms < previous)
        /* Translators: "point 57 is earlier than the one before it: ..." */
        return loadwise_error_invalid (error, _("point %u is earlier than the one before it: "
                                                "the times are out of order"), i + 1);
      previous = time_ms;
    }
  if (series_elapsed_s (s) > LOADWISE_RUN_DURATION_MAX_S)
    {
      g_autofree char *shown = loadwise_format_duration (round_to_uint (series_elapsed_s (s)));

      return loadwise_error_invalid (error, _("the recording lasts %s, longer than a run's "
                                              "0:00:01-24:00:00: it may hold more than one activity"),
                                     shown);
    }
  return TRUE;
}

static gboolean
check_distance (double   distance_m,
                GError **error)
{
  g_autofree char *shown = NULL;
  g_autofree char *min = NULL;

  /* As it will be stored: in whole metres. */
  if (distance_m >= LOADWISE_RUN_DISTANCE_MIN_M - 0.5 &&
      distance_m < LOADWISE_RUN_DISTANCE_MAX_M - 0.5)
    return TRUE;
  shown = distance_m < LOADWISE_RUN_DISTANCE_MIN_M
          ? loadwise_format_km_exact_local (round_to_uint (distance_m))
          : loadwise_format_km_local (round_to_uint (distance_m));
  min = loadwise_format_km_local (LOADWISE_RUN_DISTANCE_MIN_M);
  /* The same message as a distance typed in (loadwise-run.c). */
  return loadwise_error_invalid (error, _("%s: %s km is outside %s-%d km (under %d)"),
                                 _("distance"), shown, min, LOADWISE_RUN_DISTANCE_MAX_M / 1000,
                                 LOADWISE_RUN_DISTANCE_MAX_M / 1000);
}

/* The fastest speed over MAX_SPEED_WINDOW_S (over the whole track when it
 * is shorter), and where it starts. */
static double
series_fastest (const Series *s,
                double       *out_at_m)
{
  double window = MIN (MAX_SPEED_WINDOW_S, series_elapsed_s (s));
  double fastest = 0;
  guint b = 0;

  *out_at_m = 0;
  if (!(window > 0))
    return 0;
  for (guint a = 0; a < s->n; a++)
    {
      double speed;

      b = MAX (a, b);
      while (b < s->n && s->t[b] - s->t[a] < window)
        b++;
      if (b == s->n)
        break;
      speed = (s->along[b] - s->along[a]) / (s->t[b] - s->t[a]);
      /* The first of windows as fast, whatever the rounding. */
      if (speed > fastest * (1 + 1e-9))
        {
          fastest = speed;
          *out_at_m = s->along[a];
        }
    }
  return fastest;
}

static gboolean
check_speed (const Series  *s,
             double         moving_s,
             GError       **error)
{
  double at_m;
  double fastest = series_fastest (s, &at_m);

  if (fastest > MAX_SPEED)
    {
      g_autofree char *where = loadwise_format_km_local (round_to_uint (at_m));

      /* Translators: "the track moves at 5400 km/h near km 0, faster than
       * anyone runs (at most 45 km/h): ..." */
      return loadwise_error_invalid (error, _("the track moves at %.0f km/h near km %s, faster than "
                                              "anyone runs (at most %.0f km/h): it is not a run, or "
                                              "the recording jumped"),
                                     fastest * 3.6, where, MAX_SPEED * 3.6);
    }
  if (s->total_m / moving_s > MAX_AVERAGE_SPEED)
    return loadwise_error_invalid (error, _("the average moving speed is %.0f km/h, more than a "
                                            "run's %.0f km/h: this looks like a bike ride"),
                                   s->total_m / moving_s * 3.6, MAX_AVERAGE_SPEED * 3.6);
  return TRUE;
}

static gboolean
start_date (gint64      started_at,
            GTimeZone  *tz,
            GDate      *out_date,
            GError    **error)
{
  g_autoptr (GDateTime) utc = g_date_time_new_from_unix_utc (started_at);
  g_autoptr (GDateTime) local = NULL;

  if (utc != NULL)
    local = g_date_time_to_timezone (utc, tz);
  if (local == NULL)
    return loadwise_error_invalid (error, _("the start time is not a valid date"));
  g_date_clear (out_date, 1);
  g_date_set_dmy (out_date, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                  g_date_time_get_year (local));
  return TRUE;
}

gboolean
loadwise_track_summarize (const LoadwiseTrack   *track,
                          GTimeZone             *tz,
                          LoadwiseTrackSummary  *out_summary,
                          GError               **error)
{
  g_auto (Series) s = { 0 };
  g_auto (Heights) h = { 0 };
  g_autofree gboolean *moving = NULL;
  g_autoptr (GArray) profile = NULL;
  LoadwiseTrackSummary summary = { 0 };
  double moving_s, climb, descent;

  g_return_val_if_fail (track != NULL && tz != NULL && out_summary != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  series_init (&s, track);
  if (!check_sport (track, error) || !check_times (track, &s, error))
    return FALSE;
  /* Whole seconds, the first point's second (floor, before 1970 too). */
  summary.started_at = s.points[0]->time_ms / 1000 - (s.points[0]->time_ms % 1000 < 0);
  if (!start_date (summary.started_at, tz, &summary.date, error) ||
      !check_distance (s.total_m, error))
    return FALSE;

  moving = series_moving (&s);
  moving_s = series_moving_s (&s, moving, 0, s.n);
  if (round_to_uint (moving_s) == 0)
    return loadwise_error_invalid (error, _("the track never moves at a walking or running pace, "
                                            "so it has no moving time"));
  if (!check_speed (&s, moving_s, error))
    return FALSE;

  heights_init (&h, &s, track);
  heights_count (&h, &climb, &descent);
  /* The same messages as figures typed in (loadwise-run.c). */
  if (!loadwise_check_range (_("climb (m)"), round_to_uint (climb),
                             0, LOADWISE_RUN_ELEVATION_MAX_M, error) ||
      !loadwise_check_range (_("descent (m)"), round_to_uint (descent),
                             0, LOADWISE_RUN_ELEVATION_MAX_M, error))
    return FALSE;

  summary.distance_m = (guint) lround (s.total_m);
  summary.device_distance = s.device;
  summary.elapsed_s = round_to_uint (series_elapsed_s (&s));
  summary.moving_s = MIN (round_to_uint (moving_s), summary.elapsed_s);
  summary.has_elevation = h.source != LOADWISE_ELEVATION_NONE;
  summary.elevation_source = h.source;
  summary.climb_m = round_to_uint (climb);
  summary.descent_m = round_to_uint (descent);
  summary.speed_work = series_speed_work (&s, moving, &h, track);
  profile = heights_profile (&h, LOADWISE_PROFILE_MAX_POINTS);
  loadwise_profile_steepest_descent (profile, &summary.steepest);

  *out_summary = summary;
  return TRUE;
}

guint
loadwise_track_summary_get_factors (const LoadwiseTrackSummary *summary)
{
  guint factors = 0;

  g_return_val_if_fail (summary != NULL, 0);

  /* The long run needs the runner's history: the importer adds it. */
  if (summary->climb_m >= LOADWISE_INSIGHT_HILL_M)
    factors |= LOADWISE_TRACK_FACTOR_HILLY;
  if (summary->descent_m >= LOADWISE_INSIGHT_HILL_M)
    factors |= LOADWISE_TRACK_FACTOR_DOWNHILL;
  if (summary->speed_work)
    factors |= LOADWISE_TRACK_FACTOR_SPEED;
  return factors;
}
