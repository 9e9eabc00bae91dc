/* track-test-util.h: recorded runs for the tests of src/tracks
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "core/loadwise-track.h"

G_BEGIN_DECLS

/* The generated run: 8 km in a loop through rolling hills, one point a
 * second, 2024-05-04 from 06:30:00 UTC. */
#define TRACK_TEST_RUN_START_S   1714804200 /* 2024-05-04T06:30:00Z */
#define TRACK_TEST_RUN_DISTANCE_M 8000.0

/* Writes the generated run as GPX 1.1 (the way a phone app does, with
 * <type>running</type>) to @path and returns its points (time, position,
 * elevation as written). */
GArray        *track_test_write_run_gpx    (const char  *path);

/* Runs GPSBabel with @args (NULL-terminated, after "gpsbabel") and
 * asserts that it succeeded. */
void           track_test_gpsbabel         (const char  *first_arg,
                                            ...) G_GNUC_NULL_TERMINATED;

/* Writes @contents (@length bytes, or -1 for a string) to @dir/@name and
 * returns the path. */
char          *track_test_write            (const char  *dir,
                                            const char  *name,
                                            const char  *contents,
                                            gssize       length);

/* A file of tests/tracks/data. */
char          *track_test_data_path        (const char  *name);

/* Reads @path with loadwise_track_read_file() and asserts it succeeded. */
LoadwiseTrack *track_test_read             (const char  *path,
                                            int          expected_format);

/* Reads @path and asserts that it is refused with @domain/@code and
 * exactly @message. */
void           track_test_assert_refused   (const char  *path,
                                            GQuark       domain,
                                            int          code,
                                            const char  *message);

/* The point @i of @track. */
#define TRACK_TEST_POINT(track, i) (&g_array_index ((track)->points, LoadwiseTrackPoint, (i)))

G_END_DECLS
