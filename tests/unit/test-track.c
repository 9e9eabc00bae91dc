/* test-track.c: distance, climb and descent, moving time, speed work,
 * the profile and the checks of a recorded track, on synthetic tracks
 * whose truth is known
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include "core/loadwise-error.h"
#include "core/loadwise-insights.h"
#include "core/loadwise-track.h"
#include "loadwise-test-util.h"

/* The courses run north from here: along a meridian, so that the true
 * distance between two points is their difference in latitude. */
#define LAT0 52.5
#define LON0 13.4
/* Metres in a degree of latitude on the sphere of loadwise-track.h. */
#define M_PER_DEGREE (6371008.8 * G_PI / 180.0)
/* 2026-04-12 07:00:00 UTC */
#define START_MS G_GINT64_CONSTANT (1775977200000)

/* Courses */

typedef enum {
  LEG_RUN,    /* @distance_m at @speed, a point a second */
  LEG_STOP,   /* @duration_s standing, a point a second */
  LEG_GAP,    /* @duration_s without points, covering @distance_m */
} LegKind;

typedef struct {
  LegKind kind;
  double  distance_m;
  double  speed;
  double  duration_s;
} Leg;

#define RUN(d, v)    { LEG_RUN, (d), (v), 0 }
#define STOP(s)      { LEG_STOP, 0, 0, (s) }
#define GAP(s, d)    { LEG_GAP, (d), 0, (s) }

typedef double (*Terrain) (double along_m);

typedef struct {
  const Leg              *legs;
  guint                   n_legs;
  Terrain                 terrain;         /* NULL: no elevation */
  LoadwiseElevationSource source;
  double                  noise_m;         /* white elevation noise, sd */
  double                  wander_m;        /* slow elevation drift (a minute long), sd */
  double                  jitter_m;        /* horizontal white noise of each position, sd */
  double                  drift_m;         /* horizontal slow drift, sd: GPS errors change over
                                            * minutes, point to point they are small */
  gboolean                grade_pace;      /* slower up, faster down */
  gboolean                device_distance; /* the points carry the true cumulative distance */
  gboolean                no_position;     /* a treadmill */
  double                  lap_m;           /* a new lap every so many metres; 0: none */
  gboolean                lap_per_leg;     /* a new lap at each leg */
  guint32                 seed;
} Course;

/* The drift: on each axis, three waves of random phase, of 97, 181 and
 * 293 s. */
#define N_WAVES 3
static const double wave_periods[N_WAVES] = { 97, 181, 293 };

typedef struct {
  GRand  *rand;
  double  wander;
  double  phase_x[N_WAVES];
  double  phase_y[N_WAVES];
} Noise;

static void
noise_init (Noise        *noise,
            const Course *c)
{
  noise->rand = g_rand_new_with_seed (c->seed);
  noise->wander = 0;
  for (guint w = 0; w < N_WAVES; w++)
    {
      noise->phase_x[w] = g_rand_double_range (noise->rand, 0, 2 * G_PI);
      noise->phase_y[w] = g_rand_double_range (noise->rand, 0, 2 * G_PI);
    }
}

static double
drift (const double *phases,
       double        t,
       double        sd)
{
  double sum = 0;

  for (guint w = 0; w < N_WAVES; w++)
    sum += sin (2 * G_PI * t / wave_periods[w] + phases[w]);
  /* Each wave's sd is its amplitude / sqrt 2. */
  return sum * sd / sqrt (N_WAVES / 2.0);
}

/* Gaussian, by Box-Muller. */
static double
gaussian (GRand *rand,
          double sd)
{
  double u = g_rand_double_range (rand, 1e-12, 1.0);
  double v = g_rand_double (rand);

  return sd * sqrt (-2.0 * log (u)) * cos (2.0 * G_PI * v);
}

static double
course_grade (const Course *c,
              double        along)
{
  return c->terrain == NULL ? 0 : (c->terrain (along + 1.0) - c->terrain (along - 1.0)) / 2.0;
}

static double
course_speed (const Course *c,
              const Leg    *leg,
              double        along)
{
  /* (design of the test) A steady effort: 3% slower per 1% up, 2% faster
   * per 1% down. */
  if (!c->grade_pace)
    return leg->speed;
  return leg->speed * CLAMP (1.0 - 3.0 * course_grade (c, along), 0.6, 1.25);
}

static void
add_point (const Course  *c,
           Noise         *noise,
           LoadwiseTrack *track,
           double         t,
           double         along,
           guint          lap)
{
  LoadwiseTrackPoint point = { 0 };
  /* The elevation's wander is AR(1), a minute long at a point a second. */
  double keep = exp (-1.0 / 60.0);
  double x = drift (noise->phase_x, t, c->drift_m) + gaussian (noise->rand, c->jitter_m);
  double y = along + drift (noise->phase_y, t, c->drift_m) + gaussian (noise->rand, c->jitter_m);

  noise->wander = keep * noise->wander + sqrt (1 - keep * keep) * gaussian (noise->rand, c->wander_m);
  point.time_ms = START_MS + (gint64) llround (t * 1000.0);
  point.lat = c->no_position ? NAN : LAT0 + y / M_PER_DEGREE;
  point.lon = c->no_position ? NAN : LON0 + x / (M_PER_DEGREE * cos (LAT0 * G_PI / 180));
  point.elevation_m = c->terrain == NULL ? NAN
                      : c->terrain (along) + gaussian (noise->rand, c->noise_m) + noise->wander;
  point.distance_m = c->device_distance ? along : NAN;
  point.lap = lap;
  g_array_append_val (track->points, point);
}

static guint
lap_of (const Course *c,
        guint         leg,
        double        along)
{
  if (c->lap_per_leg)
    return leg;
  return c->lap_m > 0 ? (guint) (along / c->lap_m) : 0;
}

static LoadwiseTrack *
make_track (const Course *c)
{
  LoadwiseTrack *track = loadwise_track_new ();
  Noise noise;
  double t = 0;
  double along = 0;

  noise_init (&noise, c);
  track->elevation_source = c->terrain != NULL ? c->source : LOADWISE_ELEVATION_NONE;
  track->sport = LOADWISE_TRACK_SPORT_RUNNING;
  add_point (c, &noise, track, t, along, 0);
  for (guint l = 0; l < c->n_legs; l++)
    {
      const Leg *leg = &c->legs[l];
      double end = along + leg->distance_m;

      switch (leg->kind)
        {
        case LEG_RUN:
          while (along < end - 1e-9)
            {
              double speed = course_speed (c, leg, along);
              double step = MIN (speed, end - along);

              t += step / speed;
              along += step;
              add_point (c, &noise, track, t, along, lap_of (c, l, along - step / 2));
            }
          break;
        case LEG_STOP:
          for (guint s = 0; s < (guint) leg->duration_s; s++)
            add_point (c, &noise, track, ++t, along, lap_of (c, l, along));
          break;
        case LEG_GAP:
          t += leg->duration_s;
          along = end;
          add_point (c, &noise, track, t, along, lap_of (c, l, along));
          break;
        default:
          g_assert_not_reached ();
        }
    }
  if (c->lap_m > 0 || c->lap_per_leg)
    track->n_laps = g_array_index (track->points, LoadwiseTrackPoint, track->points->len - 1).lap + 1;
  g_rand_free (noise.rand);
  return track;
}

static double
course_seconds (const Course *c)
{
  g_autoptr (LoadwiseTrack) track = make_track (c);
  const GArray *points = track->points;

  return (g_array_index (points, LoadwiseTrackPoint, points->len - 1).time_ms - START_MS) / 1000.0;
}

/* Terrains */

/* A raised-cosine hill of @height over @length from @start. */
static double
hill (double x,
      double start,
      double length,
      double height)
{
  if (x <= start || x >= start + length)
    return 0;
  return height * (1 - cos (2 * G_PI * (x - start) / length)) / 2;
}

/* 12 km with four hills, back at the start's height: 215 m up and down. */
#define HILLY_TRUTH_M 215.0
static double
hilly_terrain (double x)
{
  return 100 + hill (x, 1000, 2000, 60) + hill (x, 3500, 1500, 45) + hill (x, 6000, 2400, 80) +
         hill (x, 9500, 1200, 30);
}

static double
flat_terrain (double x)
{
  return 50;
}

/* 8 km from 500 m down to 150 m, steadily (4.4%). */
#define DESCENT_TRUTH_M 350.0
static double
descent_terrain (double x)
{
  return 500 - DESCENT_TRUTH_M * CLAMP (x / 8000, 0, 1);
}

/* One hill of 80 m over 2 km in 8 km. */
static double
one_hill_terrain (double x)
{
  return 200 + hill (x, 3000, 2000, 80);
}

/* Up 60 m over the first 2 km, then down: 3% from 2 to 3 km, 8% from
 * 3.0 to 3.6 km (the steepest: 48 m), 2% to 5 km. */
static double
steep_terrain (double x)
{
  if (x < 2000)
    return 100 + 60 * x / 2000;
  if (x < 3000)
    return 160 - 0.03 * (x - 2000);
  if (x < 3600)
    return 130 - 0.08 * (x - 3000);
  return 82 - 0.02 * (MIN (x, 5000) - 3600);
}

/* Distance */

static void
test_haversine (void)
{
  /* Expected values from the spherical law of cosines on the same
   * sphere (R = 6,371,008.8 m), worked out apart from this code. */
  const struct {
    double lat1, lon1, lat2, lon2, metres, tolerance;
  } cases[] = {
    { 0, 0, 0, 0, 0, 1e-9 },
    { 0, 0, 1, 0, 111195.0802, 1e-3 },                 /* a degree of latitude */
    { 0, 0, 0, 1, 111195.0802, 1e-3 },                 /* a degree of longitude at the equator */
    { 60, 0, 60, 1, 55597.0109, 1e-3 },                /* half that at 60 degrees */
    { 0, 0, 0, 90, 10007557.2, 1 },                    /* a quarter of the equator */
    { 0, 0, 0, 180, 20015114.4, 1 },                   /* the antipode */
    { 52.5200, 13.4050, 48.1374, 11.5755, 504286.3652, 1e-3 }, /* Berlin to Munich */
    { 52.5, 13.4, 52.5 + 1e-5, 13.4, 1.111951, 1e-5 }, /* a metre: no loss of precision */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      double d = loadwise_track_haversine_m (cases[i].lat1, cases[i].lon1, cases[i].lat2, cases[i].lon2);
      double back = loadwise_track_haversine_m (cases[i].lat2, cases[i].lon2, cases[i].lat1, cases[i].lon1);

      g_test_message ("case %u: %.6f m", i, d);
      g_assert_cmpfloat_with_epsilon (d, cases[i].metres, cases[i].tolerance);
      g_assert_cmpfloat_with_epsilon (back, d, 1e-6);
    }
  g_assert_true (isnan (loadwise_track_haversine_m (NAN, 0, 1, 1)));
}

static const Leg five_km[] = { RUN (5000, 3.0) };

static void
test_distance (void)
{
  Course course = { five_km, G_N_ELEMENTS (five_km), .seed = 1 };
  g_autoptr (LoadwiseTrack) plain = NULL;
  g_autoptr (LoadwiseTrack) noisy = NULL;
  g_autoptr (LoadwiseTrack) counted = NULL;
  g_autoptr (LoadwiseTrack) total = NULL;
  g_autoptr (LoadwiseTrack) treadmill = NULL;
  gboolean device = TRUE;

  /* Haversine over a point a second. */
  plain = make_track (&course);
  g_assert_cmpfloat_with_epsilon (loadwise_track_distance_m (plain, &device), 5000, 0.01);
  g_assert_false (device);

  /* Noisy positions make the sum longer: a zigzag. */
  course.jitter_m = 2;
  noisy = make_track (&course);
  g_assert_cmpfloat (loadwise_track_distance_m (noisy, &device), >, 5100);
  g_assert_false (device);

  /* The device's own count is preferred: it corrects the noise. */
  course.device_distance = TRUE;
  counted = make_track (&course);
  g_assert_cmpfloat_with_epsilon (loadwise_track_distance_m (counted, &device), 5000, 1e-6);
  g_assert_true (device);

  /* And the file's total before all, NULL for @out_device. */
  course.device_distance = FALSE;
  total = make_track (&course);
  total->device_distance_m = 4987;
  g_assert_cmpfloat_with_epsilon (loadwise_track_distance_m (total, NULL), 4987, 1e-9);

  /* A treadmill: no positions, the device's count or nothing. */
  course.jitter_m = 0;
  course.no_position = TRUE;
  treadmill = make_track (&course);
  g_assert_cmpfloat (loadwise_track_distance_m (treadmill, &device), ==, 0);
  g_assert_false (device);
  treadmill->device_distance_m = 5000;
  g_assert_cmpfloat (loadwise_track_distance_m (treadmill, &device), ==, 5000);
  g_assert_true (device);
}

/* Points without a position are stepped over, points without a time left
 * out, and a device count that goes back (a glitch) is not believed. */
static void
test_distance_gaps (void)
{
  g_autoptr (LoadwiseTrack) track = loadwise_track_new ();
  const LoadwiseTrackPoint points[] = {
    { START_MS, LAT0, LON0, NAN, NAN, 0 },
    { START_MS + 1000, NAN, NAN, NAN, NAN, 0 },
    { START_MS + 2000, LAT0 + 1000 / M_PER_DEGREE, LON0, NAN, NAN, 0 },
    { LOADWISE_TRACK_NO_TIME, LAT0 + 9000 / M_PER_DEGREE, LON0, NAN, NAN, 0 },
    { START_MS + 3000, LAT0 + 1500 / M_PER_DEGREE, LON0, NAN, NAN, 0 },
  };
  gboolean device;

  g_array_append_vals (track->points, points, G_N_ELEMENTS (points));
  g_assert_cmpfloat_with_epsilon (loadwise_track_distance_m (track, &device), 1500, 1e-6);
  g_assert_false (device);

  /* A device that counts only zeros counts nothing: the positions. */
  for (guint i = 0; i < track->points->len; i++)
    g_array_index (track->points, LoadwiseTrackPoint, i).distance_m = 0;
  g_assert_cmpfloat_with_epsilon (loadwise_track_distance_m (track, &device), 1500, 1e-6);
  g_assert_false (device);

  g_array_index (track->points, LoadwiseTrackPoint, 2).distance_m = 1200;
  g_array_index (track->points, LoadwiseTrackPoint, 4).distance_m = 1100;
  g_assert_cmpfloat_with_epsilon (loadwise_track_distance_m (track, &device), 1200, 1e-9);
  g_assert_true (device);
}

/* Climb and descent */

typedef struct {
  const char             *name;
  Terrain                 terrain;
  double                  distance_m;
  double                  climb_m;      /* the truth */
  double                  descent_m;
  LoadwiseElevationSource source;
  double                  noise_m;
  double                  wander_m;
} ElevationCase;

/* GPS: white noise of a few metres on each point, and an error that
 * wanders by a metre over minutes. A barometer: fine and steady. */
static const ElevationCase elevation_cases[] = {
  { "hilly loop, GPS", hilly_terrain, 12000, HILLY_TRUTH_M, HILLY_TRUTH_M, LOADWISE_ELEVATION_GPS, 3, 1 },
  { "hilly loop, GPS, 4 m noise", hilly_terrain, 12000, HILLY_TRUTH_M, HILLY_TRUTH_M,
    LOADWISE_ELEVATION_GPS, 4, 1 },
  { "flat, GPS", flat_terrain, 10000, 0, 0, LOADWISE_ELEVATION_GPS, 3, 1 },
  { "flat, GPS, 4 m noise", flat_terrain, 10000, 0, 0, LOADWISE_ELEVATION_GPS, 4, 1 },
  { "long descent, GPS", descent_terrain, 8000, 0, DESCENT_TRUTH_M, LOADWISE_ELEVATION_GPS, 3, 1 },
  { "hilly loop, barometric", hilly_terrain, 12000, HILLY_TRUTH_M, HILLY_TRUTH_M,
    LOADWISE_ELEVATION_BAROMETRIC, 0.3, 0.3 },
  { "flat, barometric", flat_terrain, 10000, 0, 0, LOADWISE_ELEVATION_BAROMETRIC, 0.3, 0.3 },
  { "long descent, barometric", descent_terrain, 8000, 0, DESCENT_TRUTH_M,
    LOADWISE_ELEVATION_BAROMETRIC, 0.3, 0.3 },
};

/* Metres of climb or descent a flat run may show per 10 km. */
#define FLAT_MAX_PER_10_KM 10.0

static void
test_elevation (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (elevation_cases); i++)
    {
      const ElevationCase *e = &elevation_cases[i];

      for (guint32 seed = 1; seed <= 6; seed++)
        {
          const Leg legs[] = { RUN (e->distance_m, 3.0) };
          Course course = { legs, 1, e->terrain, e->source, e->noise_m, e->wander_m, .seed = seed };
          g_autoptr (LoadwiseTrack) track = make_track (&course);
          double climb = -1, descent = -1, naive = 0;
          const GArray *p = track->points;

          loadwise_track_elevation (track, &climb, &descent);
          for (guint k = 1; k < p->len; k++)
            naive += fabs (g_array_index (p, LoadwiseTrackPoint, k).elevation_m -
                           g_array_index (p, LoadwiseTrackPoint, k - 1).elevation_m) / 2;
          g_test_message ("%s, seed %u: climb %.1f (truth %.0f), descent %.1f (truth %.0f), naive %.0f",
                          e->name, seed, climb, e->climb_m, descent, e->descent_m, naive);

          /* The noise is real: summing every step would be far out. */
          g_assert_cmpfloat (naive, >, 2 * MAX (e->climb_m, 50));
          if (e->climb_m > 0)
            g_assert_cmpfloat (fabs (climb - e->climb_m), <=, 0.10 * e->climb_m);
          else
            g_assert_cmpfloat (climb, <, FLAT_MAX_PER_10_KM * e->distance_m / 10000);
          if (e->descent_m > 0)
            g_assert_cmpfloat (fabs (descent - e->descent_m), <=, 0.10 * e->descent_m);
          else
            g_assert_cmpfloat (descent, <, FLAT_MAX_PER_10_KM * e->distance_m / 10000);
        }
    }
}

/* Exact figures where no smoothing is involved: the hysteresis alone. */
static void
test_elevation_hysteresis (void)
{
  const struct {
    const char *name;
    double      elevations[8];
    guint       n;
    double      climb, descent;
  } cases[] = {
    /* Swings under 3 m are noise; the one of 3 m counts in full. */
    { "ripples", { 100, 102, 100, 102.9, 100.5, 102 }, 6, 0, 0 },
    { "one swing", { 100, 102, 103, 101, 100 }, 5, 3, 3 },
    { "up and back", { 100, 110, 120, 119, 110, 100, 101 }, 7, 20, 20 },
    /* The last swing counts even though the track ends on it. */
    { "ends high", { 100, 99, 105, 110 }, 4, 11, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (LoadwiseTrack) track = loadwise_track_new ();
      double climb, descent;

      track->elevation_source = LOADWISE_ELEVATION_BAROMETRIC;
      for (guint k = 0; k < cases[i].n; k++)
        {
          LoadwiseTrackPoint point = { START_MS + k * 1000, LAT0 + k * 3 / M_PER_DEGREE, LON0,
                                       cases[i].elevations[k], NAN, 0 };

          g_array_append_val (track->points, point);
        }
      loadwise_track_elevation (track, &climb, &descent);
      g_test_message ("%s: %.2f up, %.2f down", cases[i].name, climb, descent);
      g_assert_cmpfloat_with_epsilon (climb, cases[i].climb, 1e-9);
      g_assert_cmpfloat_with_epsilon (descent, cases[i].descent, 1e-9);
    }
}

static void
test_elevation_none (void)
{
  const Leg legs[] = { RUN (3000, 3.0) };
  Course course = { legs, 1, NULL, .seed = 1 };
  g_autoptr (LoadwiseTrack) track = make_track (&course);
  g_autoptr (GArray) profile = NULL;
  double climb = -1, descent = -1;

  loadwise_track_elevation (track, &climb, &descent);
  g_assert_cmpfloat (climb, ==, 0);
  g_assert_cmpfloat (descent, ==, 0);
  loadwise_track_elevation (track, NULL, NULL);
  profile = loadwise_track_profile (track, LOADWISE_PROFILE_MAX_POINTS);
  g_assert_cmpuint (profile->len, ==, 0);
}

/* Moving time */

static const Leg steady_legs[] = { RUN (2500, 3.0), RUN (2500, 3.0) };
static const Leg lights_legs[] = { RUN (2500, 3.0), STOP (60), RUN (2500, 3.0) };
static const Leg long_stop_legs[] = { RUN (2000, 3.0), STOP (600), RUN (3000, 3.0) };
static const Leg gap_legs[] = { RUN (2500, 3.0), GAP (300, 20), RUN (2480, 3.0) };
static const Leg tunnel_legs[] = { RUN (2500, 3.0), GAP (60, 180), RUN (2320, 3.0) };
static const Leg stops_legs[] = {
  RUN (1500, 3.0), STOP (45), RUN (1500, 3.0), STOP (30), RUN (1500, 3.0), STOP (90), RUN (1500, 3.0),
};

static void
test_moving_time (void)
{
  const struct {
    const char *name;
    const Leg  *legs;
    guint       n_legs;
    double      paused_s;   /* the truth */
    double      jitter_m;
    gboolean    device_distance;
    gboolean    no_position;
  } cases[] = {
    { "steady", steady_legs, G_N_ELEMENTS (steady_legs), 0, 1, FALSE, FALSE },
    { "at the lights", lights_legs, G_N_ELEMENTS (lights_legs), 60, 1, FALSE, FALSE },
    { "long stop", long_stop_legs, G_N_ELEMENTS (long_stop_legs), 600, 1, FALSE, FALSE },
    { "GPX gap, watch paused", gap_legs, G_N_ELEMENTS (gap_legs), 300, 1, FALSE, FALSE },
    { "tunnel: a gap while running", tunnel_legs, G_N_ELEMENTS (tunnel_legs), 0, 1, FALSE, FALSE },
    { "three stops", stops_legs, G_N_ELEMENTS (stops_legs), 165, 1, FALSE, FALSE },
    { "three stops, device distance", stops_legs, G_N_ELEMENTS (stops_legs), 165, 3, TRUE, FALSE },
    { "treadmill, stopped", long_stop_legs, G_N_ELEMENTS (long_stop_legs), 600, 0, TRUE, TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      Course course = { cases[i].legs, cases[i].n_legs, .jitter_m = cases[i].jitter_m,
                        .device_distance = cases[i].device_distance,
                        .no_position = cases[i].no_position, .seed = 7 };
      g_autoptr (LoadwiseTrack) track = make_track (&course);
      double elapsed = course_seconds (&course);
      guint moving = loadwise_track_moving_time_s (track);
      guint n_stops = 0;

      for (guint l = 0; l < cases[i].n_legs; l++)
        n_stops += cases[i].legs[l].kind != LEG_RUN && cases[i].paused_s > 0;
      g_test_message ("%s: moving %u s of %.0f s, truth %.0f s", cases[i].name, moving, elapsed,
                      elapsed - cases[i].paused_s);
      /* A stop's edges are judged over 10 s: a few seconds either way. */
      g_assert_cmpfloat (fabs (moving - (elapsed - cases[i].paused_s)), <=, 1 + 8.0 * n_stops);
    }
}

/* Speed work */

static const Leg interval_legs[] = {
  RUN (2000, 3.0),
  RUN (400, 5.0), RUN (200, 2.5), RUN (400, 5.0), RUN (200, 2.5), RUN (400, 5.0), RUN (200, 2.5),
  RUN (400, 5.0), RUN (200, 2.5), RUN (400, 5.0), RUN (200, 2.5), RUN (400, 5.0), RUN (200, 2.5),
  RUN (1500, 3.0),
};
/* No warm-up: most of the time is fast. */
static const Leg bare_interval_legs[] = {
  RUN (400, 5.0), RUN (200, 2.5), RUN (400, 5.0), RUN (200, 2.5), RUN (400, 5.0), RUN (200, 2.5),
  RUN (400, 5.0), RUN (200, 2.5), RUN (400, 5.0), RUN (200, 2.5), RUN (400, 5.0),
};
/* Hard for 2:00, 1:30, 1:15, ... with 2:00 easy between. */
static const Leg fartlek_legs[] = {
  RUN (1500, 2.9),
  RUN (480, 4.0), RUN (336, 2.8), RUN (351, 3.9), RUN (336, 2.8), RUN (300, 4.0), RUN (336, 2.8),
  RUN (468, 3.9), RUN (336, 2.8), RUN (360, 4.0), RUN (336, 2.8), RUN (293, 3.9), RUN (336, 2.8),
  RUN (1000, 2.9),
};
static const Leg steady_10k_legs[] = { RUN (10000, 3.0) };
static const Leg hilly_legs[] = { RUN (12000, 3.0) };
static const Leg one_hill_legs[] = { RUN (8000, 3.0) };
static const Leg progressive_legs[] = {
  RUN (1000, 2.8), RUN (1000, 2.91), RUN (1000, 3.02), RUN (1000, 3.13), RUN (1000, 3.24),
  RUN (1000, 3.36), RUN (1000, 3.47), RUN (1000, 3.58), RUN (1000, 3.69), RUN (1000, 3.8),
};
/* 10 x 200 m in 40 s: too short for the pace rule, but lapped. */
static const Leg short_reps_legs[] = {
  RUN (1500, 3.0),
  RUN (200, 5.0), RUN (200, 2.5), RUN (200, 5.0), RUN (200, 2.5), RUN (200, 5.0), RUN (200, 2.5),
  RUN (200, 5.0), RUN (200, 2.5), RUN (200, 5.0), RUN (200, 2.5), RUN (200, 5.0), RUN (200, 2.5),
  RUN (200, 5.0), RUN (200, 2.5), RUN (200, 5.0), RUN (200, 2.5),
  RUN (1000, 3.0),
};

static void
test_speed_work (void)
{
  const struct {
    const char *name;
    const Leg  *legs;
    guint       n_legs;
    Terrain     terrain;
    gboolean    grade_pace;
    double      lap_m;
    gboolean    lap_per_leg;
    gboolean    expected;
    double      jitter_m;   /* 0: 0.3 m */
  } cases[] = {
    { "6 x 400 m, 200 m jog", interval_legs, G_N_ELEMENTS (interval_legs), flat_terrain, FALSE, 0, FALSE, TRUE },
    { "the same, lapped", interval_legs, G_N_ELEMENTS (interval_legs), flat_terrain, FALSE, 0, TRUE, TRUE },
    { "intervals without warm-up", bare_interval_legs, G_N_ELEMENTS (bare_interval_legs), NULL, FALSE, 0,
      FALSE, TRUE },
    { "fartlek", fartlek_legs, G_N_ELEMENTS (fartlek_legs), flat_terrain, FALSE, 0, FALSE, TRUE },
    { "10 x 200 m, lapped", short_reps_legs, G_N_ELEMENTS (short_reps_legs), NULL, FALSE, 0, TRUE, TRUE },
    { "10 x 200 m, no laps", short_reps_legs, G_N_ELEMENTS (short_reps_legs), NULL, FALSE, 0, FALSE, FALSE },
    { "steady", steady_10k_legs, 1, flat_terrain, FALSE, 0, FALSE, FALSE },
    { "steady, auto-lapped", steady_10k_legs, 1, flat_terrain, FALSE, 1000, FALSE, FALSE },
    { "one hill", one_hill_legs, 1, one_hill_terrain, TRUE, 0, FALSE, FALSE },
    { "four hills", hilly_legs, 1, hilly_terrain, TRUE, 0, FALSE, FALSE },
    { "four hills, auto-lapped", hilly_legs, 1, hilly_terrain, TRUE, 500, FALSE, FALSE },
    { "progressive", progressive_legs, G_N_ELEMENTS (progressive_legs), flat_terrain, FALSE, 0, FALSE, FALSE },
    { "progressive, auto-lapped", progressive_legs, G_N_ELEMENTS (progressive_legs), flat_terrain, FALSE,
      0, TRUE, FALSE },
    /* Noisy positions make the pace waver about the 5% mark: still one
     * bout, not many. */
    { "progressive, noisy", progressive_legs, G_N_ELEMENTS (progressive_legs), flat_terrain, FALSE, 0,
      FALSE, FALSE, 1.5 },
    { "with stops", stops_legs, G_N_ELEMENTS (stops_legs), flat_terrain, FALSE, 0, FALSE, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    for (guint32 seed = 1; seed <= 3; seed++)
      {
        Course course = { cases[i].legs, cases[i].n_legs, cases[i].terrain, LOADWISE_ELEVATION_GPS, 3, 1,
                          .jitter_m = cases[i].jitter_m > 0 ? cases[i].jitter_m : 0.3, .drift_m = 3,
                          .grade_pace = cases[i].grade_pace, .lap_m = cases[i].lap_m,
                          .lap_per_leg = cases[i].lap_per_leg, .seed = seed };
        g_autoptr (LoadwiseTrack) track = make_track (&course);

        g_test_message ("%s, seed %u", cases[i].name, seed);
        g_assert_cmpint (loadwise_track_detect_speed_work (track), ==, cases[i].expected);
      }
}

/* The profile */

static void
test_profile (void)
{
  const Leg legs[] = { RUN (12000, 3.0) };
  Course course = { legs, 1, hilly_terrain, LOADWISE_ELEVATION_GPS, 3, 1, .seed = 3 };
  g_autoptr (LoadwiseTrack) track = make_track (&course);
  g_autoptr (GArray) profile = loadwise_track_profile (track, LOADWISE_PROFILE_MAX_POINTS);
  g_autoptr (GArray) small = loadwise_track_profile (track, 50);
  double step;

  g_assert_cmpuint (profile->len, ==, LOADWISE_PROFILE_MAX_POINTS);
  g_assert_cmpuint (small->len, ==, 50);
  step = 12000.0 / (LOADWISE_PROFILE_MAX_POINTS - 1);
  for (guint k = 0; k < profile->len; k++)
    {
      const LoadwiseProfilePoint *p = &g_array_index (profile, LoadwiseProfilePoint, k);

      /* Evenly spaced from 0 to 12 km, close to the true height. */
      g_assert_cmpfloat_with_epsilon (p->distance_m, k * step, 1e-6);
      g_assert_cmpfloat (fabs (p->elevation_m - hilly_terrain (p->distance_m)), <, 3.0);
    }

  /* On the file's own total, the profile ends where the run does. */
  {
    g_autoptr (GArray) scaled = NULL;
    gboolean device;

    track->device_distance_m = 12240;
    scaled = loadwise_track_profile (track, LOADWISE_PROFILE_MAX_POINTS);
    g_assert_cmpfloat (loadwise_track_distance_m (track, &device), ==, 12240);
    g_assert_true (device);
    g_assert_cmpfloat_with_epsilon (g_array_index (scaled, LoadwiseProfilePoint, scaled->len - 1).distance_m,
                                    12240, 1e-6);
    g_assert_cmpfloat_with_epsilon (g_array_index (scaled, LoadwiseProfilePoint, 1).distance_m,
                                    12240.0 / (LOADWISE_PROFILE_MAX_POINTS - 1), 1e-6);
  }

  /* A short track gives a point for each of its points at most. */
  {
    const Leg short_legs[] = { RUN (30, 3.0) };
    Course short_course = { short_legs, 1, hilly_terrain, LOADWISE_ELEVATION_BAROMETRIC, .seed = 1 };
    g_autoptr (LoadwiseTrack) short_track = make_track (&short_course);
    g_autoptr (GArray) short_profile = loadwise_track_profile (short_track, LOADWISE_PROFILE_MAX_POINTS);

    g_assert_cmpuint (short_profile->len, ==, short_track->points->len);
    g_assert_cmpfloat_with_epsilon (g_array_index (short_profile, LoadwiseProfilePoint, 10).distance_m,
                                    30.0 * 10 / (short_track->points->len - 1), 1e-9);
  }
}

static GArray *
profile_of (Terrain terrain,
            double  length_m,
            guint   n)
{
  GArray *profile = g_array_new (FALSE, FALSE, sizeof (LoadwiseProfilePoint));

  for (guint k = 0; k < n; k++)
    {
      LoadwiseProfilePoint p = { length_m * k / (n - 1), terrain (length_m * k / (n - 1)) };

      g_array_append_val (profile, p);
    }
  return profile;
}

static double
rising_terrain (double x)
{
  return 100 + x / 100;
}

static double
short_dip_terrain (double x)
{
  return 100 - x / 50;
}

static void
test_steepest_descent (void)
{
  g_autoptr (GArray) steep = profile_of (steep_terrain, 5000, 251);
  g_autoptr (GArray) rising = profile_of (rising_terrain, 5000, 100);
  g_autoptr (GArray) short_dip = profile_of (short_dip_terrain, 300, 31);
  g_autoptr (GArray) empty = g_array_new (FALSE, FALSE, sizeof (LoadwiseProfilePoint));
  LoadwiseProfileDescent d;
  const Leg legs[] = { RUN (5000, 3.0) };
  Course course = { legs, 1, steep_terrain, LOADWISE_ELEVATION_GPS, 3, 1, .seed = 5 };
  g_autoptr (LoadwiseTrack) track = make_track (&course);
  g_autoptr (GArray) measured = loadwise_track_profile (track, LOADWISE_PROFILE_MAX_POINTS);

  /* The 8% stretch from 3.0 to 3.6 km, and nothing gentler. */
  loadwise_profile_steepest_descent (steep, &d);
  g_test_message ("exact: %.0f-%.0f m, %.1f m", d.start_m, d.end_m, d.drop_m);
  g_assert_true (d.found);
  g_assert_cmpfloat (d.start_m, >=, 3000);
  g_assert_cmpfloat (d.end_m, <=, 3600);
  g_assert_cmpfloat (d.end_m - d.start_m, >=, LOADWISE_PROFILE_DESCENT_WINDOW_M);
  g_assert_cmpfloat_with_epsilon (d.drop_m, 0.08 * (d.end_m - d.start_m), 1e-6);
  /* Of the stretches as steep, the one that drops most: all of it. */
  g_assert_cmpfloat_with_epsilon (d.start_m, 3000, 1e-6);
  g_assert_cmpfloat_with_epsilon (d.end_m, 3600, 1e-6);

  /* From a noisy GPS track, the same stretch within a window's width. */
  loadwise_profile_steepest_descent (measured, &d);
  g_test_message ("measured: %.0f-%.0f m, %.1f m", d.start_m, d.end_m, d.drop_m);
  g_assert_true (d.found);
  g_assert_cmpfloat (d.start_m, >=, 2900);
  g_assert_cmpfloat (d.end_m, <=, 3700);
  g_assert_cmpfloat (d.end_m - d.start_m, >=, LOADWISE_PROFILE_DESCENT_WINDOW_M);
  g_assert_cmpfloat ((d.drop_m / (d.end_m - d.start_m)), >, 0.07);

  /* No descent at all. */
  loadwise_profile_steepest_descent (rising, &d);
  g_assert_false (d.found);
  loadwise_profile_steepest_descent (empty, &d);
  g_assert_false (d.found);

  /* Shorter than the window: the whole profile. */
  loadwise_profile_steepest_descent (short_dip, &d);
  g_assert_true (d.found);
  g_assert_cmpfloat_with_epsilon (d.start_m, 0, 1e-9);
  g_assert_cmpfloat_with_epsilon (d.end_m, 300, 1e-9);
  g_assert_cmpfloat_with_epsilon (d.drop_m, 6, 1e-9);
}

/* The summary */

static void
test_summarize (void)
{
  const Leg legs[] = { RUN (6000, 3.0), STOP (60), RUN (6000, 3.0) };
  Course course = { legs, G_N_ELEMENTS (legs), hilly_terrain, LOADWISE_ELEVATION_BAROMETRIC, 0.3, 0.5,
                    .jitter_m = 0.3, .drift_m = 3, .grade_pace = TRUE, .seed = 11 };
  g_autoptr (LoadwiseTrack) track = make_track (&course);
  g_autoptr (GTimeZone) tz = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) profile = NULL;
  LoadwiseTrackSummary summary;
  LoadwiseProfileDescent steepest;
  GDate expected = loadwise_test_date (2026, 4, 12);
  double elapsed = course_seconds (&course);

  g_assert_nonnull (tz);
  g_assert_true (loadwise_track_summarize (track, tz, &summary, &error));
  g_assert_no_error (error);

  g_assert_cmpint (summary.started_at, ==, START_MS / 1000);
  g_assert_cmpint (g_date_compare (&summary.date, &expected), ==, 0);
  /* The white noise of the positions zigzags: a little over 12 km. */
  g_assert_cmpuint (summary.distance_m, >=, 12000);
  g_assert_cmpuint (summary.distance_m, <, 12000 * 1.02);
  g_assert_false (summary.device_distance);
  g_assert_cmpuint (summary.elapsed_s, ==, (guint) lround (elapsed));
  g_assert_cmpfloat (fabs ((double) summary.moving_s - (elapsed - 60)), <=, 9);
  g_assert_true (summary.has_elevation);
  g_assert_cmpint (summary.elevation_source, ==, LOADWISE_ELEVATION_BAROMETRIC);
  g_assert_cmpfloat (fabs (summary.climb_m - HILLY_TRUTH_M), <=, 0.1 * HILLY_TRUTH_M);
  g_assert_cmpfloat (fabs (summary.descent_m - HILLY_TRUTH_M), <=, 0.1 * HILLY_TRUTH_M);
  g_assert_false (summary.speed_work);
  /* The steepest descent is the one the profile shows. */
  profile = loadwise_track_profile (track, LOADWISE_PROFILE_MAX_POINTS);
  loadwise_profile_steepest_descent (profile, &steepest);
  g_assert_true (summary.steepest.found);
  g_assert_cmpmem (&summary.steepest, sizeof steepest, &steepest, sizeof steepest);
  /* The third hill, 80 m over 2.4 km, is the steepest: its far side
   * from 7.2 to 8.4 km. */
  g_assert_cmpfloat (summary.steepest.start_m, >=, 7200 - 100);
  g_assert_cmpfloat (summary.steepest.end_m, <=, 8400 + 100);
  g_assert_cmpuint (loadwise_track_summary_get_factors (&summary), ==,
                    LOADWISE_TRACK_FACTOR_HILLY | LOADWISE_TRACK_FACTOR_DOWNHILL);

  /* The same run on the device's distance, without elevation. */
  {
    Course plain = course;
    g_autoptr (LoadwiseTrack) counted = NULL;

    plain.terrain = NULL;
    plain.device_distance = TRUE;
    counted = make_track (&plain);
    g_assert_true (loadwise_track_summarize (counted, tz, &summary, &error));
    g_assert_cmpuint (summary.distance_m, ==, 12000);
    g_assert_true (summary.device_distance);
    g_assert_false (summary.has_elevation);
    g_assert_cmpint (summary.elevation_source, ==, LOADWISE_ELEVATION_NONE);
    g_assert_cmpuint (summary.climb_m, ==, 0);
    g_assert_cmpuint (summary.descent_m, ==, 0);
    g_assert_false (summary.steepest.found);
    g_assert_cmpuint (loadwise_track_summary_get_factors (&summary), ==, 0);
  }
}

static void
test_summarize_date (void)
{
  const struct {
    const char *zone;
    const char *start_utc;   /* ISO 8601 */
    int         year, month, day;
  } cases[] = {
    /* 23:30 UTC is 00:30 the next day in Berlin in winter (UTC+1). */
    { "Europe/Berlin", "2026-01-14T23:30:00Z", 2026, 1, 15 },
    /* And in summer time (UTC+2) from 22:00 UTC: the last Saturday of
     * summer time, when a fixed +1 h would still give the 24th. */
    { "Europe/Berlin", "2026-10-24T22:30:00Z", 2026, 10, 25 },
    /* The night the clocks go forward: 00:30 UTC is 01:30 CET. */
    { "Europe/Berlin", "2026-03-29T00:30:00Z", 2026, 3, 29 },
    { "Europe/Berlin", "2026-03-28T22:59:59Z", 2026, 3, 28 },
    { "UTC", "2026-01-14T23:30:00Z", 2026, 1, 14 },
    /* West of Greenwich the evening stays the day before. */
    { "America/New_York", "2026-07-01T02:00:00Z", 2026, 6, 30 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GTimeZone) tz = g_time_zone_new_identifier (cases[i].zone);
      g_autoptr (GDateTime) start = g_date_time_new_from_iso8601 (cases[i].start_utc, NULL);
      g_autoptr (LoadwiseTrack) track = loadwise_track_new ();
      g_autoptr (GError) error = NULL;
      GDate expected = loadwise_test_date (cases[i].year, cases[i].month, cases[i].day);
      LoadwiseTrackSummary summary;
      gint64 t0;

      g_assert_nonnull (tz);
      g_assert_nonnull (start);
      t0 = g_date_time_to_unix (start) * 1000 + 400;
      for (guint k = 0; k <= 600; k++)
        {
          LoadwiseTrackPoint point = { t0 + k * 1000, LAT0 + k * 3.0 / M_PER_DEGREE, LON0, NAN, NAN, 0 };

          g_array_append_val (track->points, point);
        }
      g_assert_true (loadwise_track_summarize (track, tz, &summary, &error));
      g_assert_no_error (error);
      g_assert_cmpint (summary.started_at, ==, g_date_time_to_unix (start));
      g_test_message ("%s in %s: %d-%d-%d", cases[i].start_utc, cases[i].zone,
                      g_date_get_year (&summary.date), g_date_get_month (&summary.date),
                      g_date_get_day (&summary.date));
      g_assert_cmpint (g_date_compare (&summary.date, &expected), ==, 0);
      g_assert_cmpuint (summary.distance_m, ==, 1800);
      g_assert_cmpuint (summary.elapsed_s, ==, 600);
    }
}

/* Refusals */

typedef void (*Spoil) (LoadwiseTrack *track);

static void
spoil_one_point (LoadwiseTrack *track)
{
  g_array_set_size (track->points, 1);
}

static void
spoil_no_times (LoadwiseTrack *track)
{
  for (guint i = 1; i < track->points->len; i++)
    g_array_index (track->points, LoadwiseTrackPoint, i).time_ms = LOADWISE_TRACK_NO_TIME;
}

static void
spoil_order (LoadwiseTrack *track)
{
  /* The 57th point a minute before the 56th. */
  g_array_index (track->points, LoadwiseTrackPoint, 56).time_ms -= 60000;
}

static void
spoil_teleport (LoadwiseTrack *track)
{
  const LoadwiseTrackPoint points[] = {
    { START_MS, LAT0, LON0, NAN, NAN, 0 },
    { START_MS + 2000, LAT0 + 3000 / M_PER_DEGREE, LON0, NAN, NAN, 0 },
  };

  g_array_set_size (track->points, 0);
  g_array_append_vals (track->points, points, 2);
}

static void
spoil_jump (LoadwiseTrack *track)
{
  /* From km 2 on, every point is 2 km further north. */
  for (guint i = 667; i < track->points->len; i++)
    g_array_index (track->points, LoadwiseTrackPoint, i).lat += 2000 / M_PER_DEGREE;
}

static void
spoil_biking (LoadwiseTrack *track)
{
  track->sport = LOADWISE_TRACK_SPORT_OTHER;
  track->sport_name = g_strdup ("Biking");
}

static void
spoil_other_sport (LoadwiseTrack *track)
{
  track->sport = LOADWISE_TRACK_SPORT_OTHER;
}

static void
spoil_too_short (LoadwiseTrack *track)
{
  track->device_distance_m = 5;
}

static void
spoil_too_long (LoadwiseTrack *track)
{
  track->device_distance_m = 450000;
}

static void
spoil_two_days (LoadwiseTrack *track)
{
  LoadwiseTrackPoint *last = &g_array_index (track->points, LoadwiseTrackPoint, track->points->len - 1);

  last->time_ms = START_MS + 25 * 3600 * G_GINT64_CONSTANT (1000);
}

static void
spoil_bike_speed (LoadwiseTrack *track)
{
  /* 10 km in 20 minutes: 30 km/h, never faster than 8.4 m/s. */
  for (guint i = 0; i < track->points->len; i++)
    {
      LoadwiseTrackPoint *p = &g_array_index (track->points, LoadwiseTrackPoint, i);

      p->time_ms = START_MS + (p->time_ms - START_MS) * 36 / 100;
    }
}

static void
spoil_standing (LoadwiseTrack *track)
{
  /* Ten minutes standing still with a drifting watch: 2 m each way. */
  GRand *rand = g_rand_new_with_seed (3);

  g_array_set_size (track->points, 0);
  for (guint k = 0; k <= 600; k++)
    {
      LoadwiseTrackPoint p = { START_MS + k * 1000, LAT0 + g_rand_double_range (rand, -2, 2) / M_PER_DEGREE,
                               LON0, NAN, NAN, 0 };

      g_array_append_val (track->points, p);
    }
  g_rand_free (rand);
}

static void
spoil_everest (LoadwiseTrack *track)
{
  /* Up 11 km over the 10 km. */
  for (guint i = 0; i < track->points->len; i++)
    g_array_index (track->points, LoadwiseTrackPoint, i).elevation_m = 11000.0 * i / (track->points->len - 1);
  track->elevation_source = LOADWISE_ELEVATION_BAROMETRIC;
}

static void
spoil_year_10000 (LoadwiseTrack *track)
{
  for (guint i = 0; i < track->points->len; i++)
    g_array_index (track->points, LoadwiseTrackPoint, i).time_ms += G_GINT64_CONSTANT (253402300800000);
}

static void
test_summarize_refused (void)
{
  const struct {
    Spoil       spoil;
    const char *message;
  } cases[] = {
    { spoil_one_point, "fewer than two points have a time, so the run's date and duration are unknown" },
    { spoil_no_times, "fewer than two points have a time, so the run's date and duration are unknown" },
    { spoil_order, "point 57 is earlier than the one before it: the times are out of order" },
    { spoil_teleport, "the track moves at 5400 km/h near km 0, faster than anyone runs (at most 45 km/h): "
                      "it is not a run, or the recording jumped" },
    /* 2 km and 30 s of running in 30 s, from the first window with the
     * jump, 30 s before it. */
    { spoil_jump, "the track moves at 251 km/h near km 1.91, faster than anyone runs (at most 45 km/h): "
                  "it is not a run, or the recording jumped" },
    { spoil_biking, "this is a Biking activity, not a run" },
    { spoil_other_sport, "this is not a run: the file marks it as another sport" },
    { spoil_too_short, "distance: 0.005 km is outside 0.01-400 km (under 400)" },
    { spoil_too_long, "distance: 450 km is outside 0.01-400 km (under 400)" },
    { spoil_two_days, "the recording lasts 25:00:00, longer than a run's 0:00:01-24:00:00: "
                      "it may hold more than one activity" },
    { spoil_bike_speed, "the average moving speed is 30 km/h, more than a run's 25 km/h: "
                        "this looks like a bike ride" },
    { spoil_standing, "the track never moves at a walking or running pace, so it has no moving time" },
    { spoil_everest, "climb (m): 11000 is outside 0-10000" },
    { spoil_year_10000, "the start time is not a valid date" },
  };
  g_autoptr (GTimeZone) tz = g_time_zone_new_identifier ("Europe/Berlin");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const Leg legs[] = { RUN (10000, 3.0) };
      Course course = { legs, 1, flat_terrain, LOADWISE_ELEVATION_GPS, 3, 1, .seed = 2 };
      g_autoptr (LoadwiseTrack) track = make_track (&course);
      g_autoptr (GError) error = NULL;
      LoadwiseTrackSummary summary;
      LoadwiseTrackSummary untouched;

      cases[i].spoil (track);
      memset (&summary, 0xa5, sizeof summary);
      untouched = summary;
      g_assert_false (loadwise_track_summarize (track, tz, &summary, &error));
      g_assert_error (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT);
      g_assert_cmpstr (error->message, ==, cases[i].message);
      /* Bad input changes nothing. */
      g_assert_cmpmem (&summary, sizeof summary, &untouched, sizeof untouched);
    }
}

static void
test_factors (void)
{
  const struct {
    guint    climb_m, descent_m;
    gboolean speed;
    guint    factors;
  } cases[] = {
    { 0, 0, FALSE, 0 },
    { LOADWISE_INSIGHT_HILL_M - 1, LOADWISE_INSIGHT_HILL_M - 1, FALSE, 0 },
    { LOADWISE_INSIGHT_HILL_M, 0, FALSE, LOADWISE_TRACK_FACTOR_HILLY },
    { 10, LOADWISE_INSIGHT_HILL_M, FALSE, LOADWISE_TRACK_FACTOR_DOWNHILL },
    { 250, 150, TRUE, LOADWISE_TRACK_FACTOR_HILLY | LOADWISE_TRACK_FACTOR_SPEED },
    { 400, 400, TRUE, LOADWISE_TRACK_FACTOR_HILLY | LOADWISE_TRACK_FACTOR_DOWNHILL | LOADWISE_TRACK_FACTOR_SPEED },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      LoadwiseTrackSummary summary = { 0 };

      summary.climb_m = cases[i].climb_m;
      summary.descent_m = cases[i].descent_m;
      summary.speed_work = cases[i].speed;
      /* Never the long run: that needs the runner's history. */
      g_assert_cmpuint (loadwise_track_summary_get_factors (&summary), ==, cases[i].factors);
    }
}

static void
test_new (void)
{
  g_autoptr (LoadwiseTrack) track = loadwise_track_new ();

  g_assert_nonnull (track->points);
  g_assert_cmpuint (track->points->len, ==, 0);
  g_assert_cmpuint (g_array_get_element_size (track->points), ==, sizeof (LoadwiseTrackPoint));
  g_assert_true (isnan (track->device_distance_m));
  g_assert_cmpint (track->sport, ==, LOADWISE_TRACK_SPORT_UNKNOWN);
  g_assert_cmpint (track->elevation_source, ==, LOADWISE_ELEVATION_NONE);
  g_assert_null (track->sport_name);
  g_assert_cmpuint (track->n_laps, ==, 0);
  /* An empty track has no figures, and nothing breaks. */
  g_assert_cmpfloat (loadwise_track_distance_m (track, NULL), ==, 0);
  g_assert_cmpuint (loadwise_track_moving_time_s (track), ==, 0);
  g_assert_false (loadwise_track_detect_speed_work (track));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/track/new", test_new);
  g_test_add_func ("/track/haversine", test_haversine);
  g_test_add_func ("/track/distance", test_distance);
  g_test_add_func ("/track/distance/gaps", test_distance_gaps);
  g_test_add_func ("/track/elevation/noise", test_elevation);
  g_test_add_func ("/track/elevation/hysteresis", test_elevation_hysteresis);
  g_test_add_func ("/track/elevation/none", test_elevation_none);
  g_test_add_func ("/track/moving-time", test_moving_time);
  g_test_add_func ("/track/speed-work", test_speed_work);
  g_test_add_func ("/track/profile", test_profile);
  g_test_add_func ("/track/profile/steepest-descent", test_steepest_descent);
  g_test_add_func ("/track/summarize", test_summarize);
  g_test_add_func ("/track/summarize/date", test_summarize_date);
  g_test_add_func ("/track/summarize/refused", test_summarize_refused);
  g_test_add_func ("/track/factors", test_factors);

  return g_test_run ();
}
