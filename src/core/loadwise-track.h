/* loadwise-track.h: what a recorded track says about a run
 *
 * Issue 14. Pure functions over a list of track points, as a watch or a
 * phone records them: distance, climb and descent, moving time, speed
 * work, and an elevation profile. Reading files is src/tracks' job,
 * storing the result the store's; nothing here touches a file.
 *
 * Times are UTC milliseconds since the Unix epoch. A value a file does
 * not give is NAN (position, elevation, the device's distance), and
 * LOADWISE_TRACK_NO_TIME for a time. A point without a time cannot be
 * placed in the run: every figure below leaves it out.
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The time_ms of a point the file gives no time for. */
#define LOADWISE_TRACK_NO_TIME G_MININT64

typedef struct {
  gint64 time_ms;       /* UTC, ms since the epoch; LOADWISE_TRACK_NO_TIME when not given */
  double lat;           /* degrees, -90..90; NAN when not recorded (treadmill) */
  double lon;           /* degrees, -180..180; NAN when not recorded */
  double elevation_m;   /* NAN when not recorded */
  double distance_m;    /* the device's cumulative distance; NAN when not given */
  guint  lap;           /* 0-based lap of the point (TCX <Lap>); 0 when the file has none */
} LoadwiseTrackPoint;

typedef enum {
  LOADWISE_ELEVATION_NONE,        /* no point has an elevation */
  LOADWISE_ELEVATION_GPS,         /* satellite altitude: noisy */
  LOADWISE_ELEVATION_BAROMETRIC,  /* a barometric or "enhanced" altitude */
} LoadwiseElevationSource;

typedef enum {
  LOADWISE_TRACK_SPORT_UNKNOWN,   /* the file does not say */
  LOADWISE_TRACK_SPORT_RUNNING,
  LOADWISE_TRACK_SPORT_OTHER,     /* a bike ride, a swim, ...: sport_name says which */
} LoadwiseTrackSport;

typedef struct {
  GArray                 *points;            /* LoadwiseTrackPoint, in file order */
  LoadwiseElevationSource elevation_source;
  LoadwiseTrackSport      sport;
  char                   *sport_name;        /* as the file names it ("Biking"), may be NULL */
  double                  device_distance_m; /* the file's own total (TCX laps), NAN when none */
  guint                   n_laps;            /* laps the file marks; 0 or 1 when none */
} LoadwiseTrack;

LoadwiseTrack *loadwise_track_new  (void);
void           loadwise_track_free (LoadwiseTrack *track);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoadwiseTrack, loadwise_track_free)

/* Great-circle distance (haversine, mean Earth radius 6,371,008.8 m). */
double   loadwise_track_haversine_m   (double lat1,
                                       double lon1,
                                       double lat2,
                                       double lon2);

/* One point per step of the profile: the smoothed elevation at a distance
 * from the start. */
typedef struct {
  double distance_m;
  double elevation_m;
} LoadwiseProfilePoint;

/* A stored profile has at most this many points: enough for a chart a
 * few hundred pixels wide. */
#define LOADWISE_PROFILE_MAX_POINTS 300

/* The steepest stretch of descent over at least
 * LOADWISE_PROFILE_DESCENT_WINDOW_M of the profile. */
#define LOADWISE_PROFILE_DESCENT_WINDOW_M 400.0

typedef struct {
  gboolean found;       /* FALSE: no descent, or no elevation */
  double   start_m;     /* distance from the start where it begins */
  double   end_m;
  double   drop_m;      /* metres lost between start_m and end_m, > 0 */
} LoadwiseProfileDescent;

/* What a track says, once checked. */
typedef struct {
  gint64                  started_at;      /* UTC seconds since the epoch, the first point */
  GDate                   date;            /* the start's date in the runner's time zone */
  guint                   distance_m;
  gboolean                device_distance; /* TRUE: the file's own total; FALSE: haversine over the points */
  guint                   elapsed_s;       /* first point to last */
  guint                   moving_s;        /* elapsed, less the pauses */
  gboolean                has_elevation;
  LoadwiseElevationSource elevation_source;
  guint                   climb_m;
  guint                   descent_m;
  gboolean                speed_work;      /* loadwise_track_detect_speed_work() */
  LoadwiseProfileDescent  steepest;        /* over the profile */
} LoadwiseTrackSummary;

/* Checks @track and sums it up. Refused (LOADWISE_ERROR_INVALID_INPUT,
 * with a reason a runner can act on, not naming the file: the reader or
 * the caller prefixes the name): fewer than two points with a time,
 * points out of time order, a speed no runner reaches (3 km in 2 s, or
 * a bike ride's average), a sport other than running, a distance,
 * duration, climb or descent outside a run's range (loadwise-run.h), no
 * time spent moving. @out_summary is left as it was. @tz is the runner's
 * time zone, for @date. */
gboolean loadwise_track_summarize     (const LoadwiseTrack   *track,
                                       GTimeZone             *tz,
                                       LoadwiseTrackSummary  *out_summary,
                                       GError               **error);

/* The parts of the summary, each usable alone (they assume a track that
 * loadwise_track_summarize() would accept). */

/* The file's own total when it gives one, else the last cumulative
 * distance its points carry (when above 0), else haversine over the
 * points with a position; @out_device (may be NULL) is TRUE for the first
 * two. */
double   loadwise_track_distance_m    (const LoadwiseTrack *track,
                                       gboolean            *out_device);
/* Climb and descent in metres (either pointer may be NULL): barometric
 * elevation as recorded, GPS elevation smoothed over 50 m either way
 * first; then only the swings between a low and a high point of at least
 * 3 m (barometric) or 7 m (GPS) count, and those in full. */
void     loadwise_track_elevation     (const LoadwiseTrack *track,
                                       double              *out_climb_m,
                                       double              *out_descent_m);
/* Elapsed time less the pauses: each stretch between two points is a
 * pause when, measured over at least 10 s around it, the runner moved
 * slower than 0.5 m/s (a stop at the lights, a gap between two GPX
 * segments with the watch paused). */
guint    loadwise_track_moving_time_s (const LoadwiseTrack *track);
/* Speed work (design). Each second's speed is taken over 30 s; a second
 * tells the pace when the runner moves on level ground (within 3% either
 * way over those 30 s: up or down a hill the pace says little of the
 * effort). The yardstick is the runner's easy pace in this run: the lower
 * quartile of those seconds' speeds. Speed work is either:
 * - from the laps, when the file marks laps: at least 3 fast laps, or
 *   runs of fast laps, with slower laps between them. A lap is fast when
 *   it lasts 30 s or more at 15% or more above the easy pace, unless it
 *   loses more than 3% on average;
 * - or from the pace: at least 3 bouts. A bout runs faster than 5% above
 *   the easy pace, holds 15% above it for 60 s in all, and ends after
 *   30 s slower than that (or stopped).
 * So intervals and fartlek on level ground are found; a steady run, a
 * hilly one, a progressive run (one long bout at its end) and a run with
 * stops are not. Reps under a minute are found only when lapped; speed
 * work up and down hills, a tempo run and a race at even pace are left
 * to the runner to tick. */
gboolean loadwise_track_detect_speed_work (const LoadwiseTrack *track);

/* The elevation along the track, smoothed as for the climb and descent,
 * at most @max_points evenly spaced by distance; empty when the track has
 * no elevation. */
GArray  *loadwise_track_profile       (const LoadwiseTrack *track,
                                       guint                max_points);

/* The steepest descent over a stretch of at least
 * LOADWISE_PROFILE_DESCENT_WINDOW_M (or the whole profile when it is
 * shorter) of @profile (LoadwiseProfilePoint, by distance). */
void     loadwise_profile_steepest_descent (const GArray           *profile,
                                            LoadwiseProfileDescent *out_descent);

/* Load factors a track shows (PROGRAMME.md, "Runs and their load
 * factors"); the long run needs the runner's history, so the importer
 * adds that one (loadwise_run_is_long). */
typedef enum {
  LOADWISE_TRACK_FACTOR_HILLY    = 1 << 0,  /* climb >= LOADWISE_INSIGHT_HILL_M */
  LOADWISE_TRACK_FACTOR_DOWNHILL = 1 << 1,  /* descent >= LOADWISE_INSIGHT_HILL_M */
  LOADWISE_TRACK_FACTOR_SPEED    = 1 << 2,  /* speed_work */
  LOADWISE_TRACK_FACTOR_LONG     = 1 << 3,  /* loadwise_run_is_long */
} LoadwiseTrackFactor;

guint    loadwise_track_summary_get_factors (const LoadwiseTrackSummary *summary);

G_END_DECLS
