/* loadwise-run.h: a run and its load factors
 *
 * PROGRAMME.md, "Runs and their load factors". Distances are whole metres
 * so that sums and comparisons are exact; kilometres appear only at the
 * edges (what people type and read).
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A run is at least 10 m, the smallest distance that shows as such
 * (loadwise_format_km() shows 0.01 km; 4 m would show as "0 km"), and less
 * than 400 km: longer than any ultra a runner with hip pain logs in one go,
 * short enough to catch a typo. */
#define LOADWISE_RUN_DISTANCE_MIN_M  10
#define LOADWISE_RUN_DISTANCE_MAX_M  400000
/* Climb or descent in one run: more than the highest mountain races. */
#define LOADWISE_RUN_ELEVATION_MAX_M 10000
/* A run's duration: at most 24 hours, as loadwise_parse_duration(). */
#define LOADWISE_RUN_DURATION_MAX_S  (24 * 3600)
#define LOADWISE_RUN_NOTE_MAX_CHARS  1000
#define LOADWISE_SHOE_NAME_MAX_CHARS 80

/* (design) A long run, when not marked: above 1.5 times the median run
 * of the 4 weeks before it (PROGRAMME.md). */
#define LOADWISE_LONG_RUN_FACTOR     1.5
#define LOADWISE_LONG_RUN_WINDOW_DAYS 28

typedef enum {
  LOADWISE_CAMBER_NONE,
  LOADWISE_CAMBER_LEFT,   /* the road falls away to the left: left foot lower */
  LOADWISE_CAMBER_RIGHT,
} LoadwiseCamber;

typedef enum {
  LOADWISE_SURFACE_ROAD,
  LOADWISE_SURFACE_TRAIL,
  LOADWISE_SURFACE_TRACK,
  LOADWISE_SURFACE_TREADMILL,
} LoadwiseSurface;

#define LOADWISE_N_SURFACES 4

/* "none", "left", "right" */
const char *loadwise_camber_to_string    (LoadwiseCamber    camber);
gboolean    loadwise_camber_from_string  (const char       *text,
                                          LoadwiseCamber   *out_camber);
/* Translated: "None", "Left side low", "Right side low" */
const char *loadwise_camber_get_label    (LoadwiseCamber    camber);

/* "road", "trail", "track", "treadmill" */
const char *loadwise_surface_to_string   (LoadwiseSurface   surface);
gboolean    loadwise_surface_from_string (const char       *text,
                                          LoadwiseSurface  *out_surface);
/* Translated: "Road", "Trail", "Track", "Treadmill" */
const char *loadwise_surface_get_label   (LoadwiseSurface   surface);

typedef struct {
  gint64          id;            /* 0 until stored */
  GDate           date;
  guint           distance_m;    /* LOADWISE_RUN_DISTANCE_MIN_M .. LOADWISE_RUN_DISTANCE_MAX_M - 1 */
  guint           duration_s;    /* 0: not recorded */
  guint           climb_m;
  guint           descent_m;
  gboolean        speed;         /* speed work: intervals, tempo, races */
  gboolean        long_run;      /* marked long by the runner */
  LoadwiseCamber  camber;
  LoadwiseSurface surface;
  gint64          shoe_id;       /* 0: no shoe recorded */
  guint           pain_during;   /* 0-10 */
  gboolean        has_pain_after;
  guint           pain_after;    /* 0-10 when has_pain_after */
  char           *note;          /* may be NULL */
  /* From a recorded track (issue 14); 0 and NULL for a run typed in. */
  gint64          started_at;    /* UTC seconds since the epoch: the track's first point */
  char           *track_sha256;  /* the imported file's SHA-256, lowercase hex */
} LoadwiseRun;

LoadwiseRun *loadwise_run_new        (void);
LoadwiseRun *loadwise_run_copy       (const LoadwiseRun *run);
void         loadwise_run_free       (LoadwiseRun       *run);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoadwiseRun, loadwise_run_free)

/* Each field against its range; the error (LOADWISE_ERROR_INVALID_INPUT)
 * names the field and the range: "distance: 450 km is outside 0.01-400 km
 * (under 400)". */
gboolean     loadwise_run_validate   (const LoadwiseRun *run,
                                      GError           **error);

/* The larger of the two pains, the run's "worst pain". */
guint        loadwise_run_get_max_pain (const LoadwiseRun *run);

/* Seconds per km, or 0 when no duration is recorded. */
guint        loadwise_run_get_pace_s_per_km (const LoadwiseRun *run);

/* "8.4" (km, at most 2 decimals, no trailing zeros), newly allocated. */
char        *loadwise_format_km       (guint distance_m);
/* "8.405": to the metre, for a field that is read back; "8.4" when the
 * metres are whole tens, as loadwise_format_km(). */
char        *loadwise_format_km_exact (guint distance_m);
/* The same in the runner's language, for the app's lists and sentences:
 * "8,4" in German. The plain forms above are the CLI's and the files'. */
char        *loadwise_format_km_local       (guint distance_m);
char        *loadwise_format_km_exact_local (guint distance_m);
/* A pair of shoes' distance, which nobody reads to the 10 m: "8,4" under
 * 100 km, else whole km with the locale's grouping, "1,080" ("1.080" in
 * German). */
char        *loadwise_format_shoe_km        (guint64 distance_m);
/* "M:SS" under an hour, else "H:MM:SS"; "" for 0. */
char        *loadwise_format_duration (guint seconds);
/* "5:12" per km; "" for 0. */
char        *loadwise_format_pace     (guint s_per_km);

/* A distance in km as people type it ("8.4", point as decimal mark) into
 * whole metres, at least LOADWISE_RUN_DISTANCE_MIN_M once rounded; the
 * error names @field: "distance: 0.0005 km is outside 0.01-400 km (under
 * 400)". */
gboolean     loadwise_parse_distance_km (const char  *field,
                                         const char  *text,
                                         guint       *out_m,
                                         GError     **error);
/* The app's form: "8,4" or "8.4" in German, and the error's numbers
 * written with the locale's mark (loadwise_parse_double_local()). */
gboolean     loadwise_parse_distance_km_local (const char  *field,
                                               const char  *text,
                                               guint       *out_m,
                                               GError     **error);

/* The median distance (m) of the runs in @runs (LoadwiseRun*) dated in
 * [@date - @days, @date - 1]; 0 when there are none. */
guint        loadwise_runs_median_distance (GPtrArray   *runs,
                                            const GDate *date,
                                            guint        days);

/* Marked long, or (design) longer than 1.5 x the median run of the 4
 * weeks before it (PROGRAMME.md). @runs is the runner's history. */
gboolean     loadwise_run_is_long      (const LoadwiseRun *run,
                                        GPtrArray         *runs);

G_END_DECLS
