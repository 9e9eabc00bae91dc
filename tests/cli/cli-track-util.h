/* cli-track-util.h: recorded runs written by the tests (issue 14)
 *
 * A GPX 1.1 track as OpenTracks writes it, due north at a steady pace,
 * with a known distance and elevation profile plus GPS-like noise; TCX and
 * FIT copies are made with gpsbabel, as TESTING-NOTES.md shows.
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  const char *start;      /* UTC, "2026-11-20T07:15:00Z" */
  guint       n_points;
  double      step_m;     /* between points, due north */
  guint       step_s;
  double      climb_m;    /* true climb over the first third */
  double      descent_m;  /* true descent over the last third */
  double      noise_m;    /* sigma of the GPS-like noise on the elevation */
  guint32     seed;
  gboolean    no_time;
  gboolean    no_elevation;
} TrackSpec;

/* 6 km at 5:00/km over a hill: 200 m up, 250 m down, on 2026-11-20. */
extern const TrackSpec cli_track_hill_run;
/* 5 km easy and flat, on 2026-11-22. */
extern const TrackSpec cli_track_flat_run;
/* 3 km on 2026-11-19. */
extern const TrackSpec cli_track_short_run;

/* (n_points - 1) x step_m: the distance the track holds. */
double  cli_track_true_distance_m (const TrackSpec *spec);
/* The start, UTC seconds since the epoch. */
gint64  cli_track_start_seconds   (const TrackSpec *spec);
/* The GPX text of @spec. */
char   *cli_track_make_gpx        (const TrackSpec *spec);
/* Writes DIR/NAME (@length bytes, -1: a string); returns its path. */
char   *cli_track_write_file      (const char      *dir,
                                    const char      *name,
                                    const char      *contents,
                                    gssize           length);
char   *cli_track_write_gpx       (const char      *dir,
                                    const char      *name,
                                    const TrackSpec *spec);
/* gpsbabel -t -i gpx -f GPX -o FORMAT -F DIR/NAME (DIR NULL: beside the
 * GPX); returns the new file's path. */
char   *cli_track_convert         (const char      *gpx_path,
                                    const char      *format,
                                    const char      *out_dir,
                                    const char      *out_name);
/* The file's SHA-256 in lowercase hex. */
char   *cli_track_sha256_of       (const char      *path);

G_END_DECLS
