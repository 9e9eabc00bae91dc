/* loadwise-track-reader.h: GPX, TCX and FIT files into a LoadwiseTrack
 *
 * Issue 14. GPX 1.0 and 1.1 and TCX are read with libxml2's reader, with
 * network access off, no DTD loaded and no entity expanded (a document
 * with a DOCTYPE is refused). FIT is read by GPSBabel ("garmin_fit"),
 * run as a subprocess without a shell, converted to GPX in a private
 * temporary folder and read as GPX.
 *
 * Every error is LOADWISE_ERROR_INVALID_INPUT and begins with the file's
 * name: "morning.gpx: the file ends early (line 40)"; a missing GPSBabel
 * is LOADWISE_ERROR_NOT_FOUND and names the package "gpsbabel". A file
 * that cannot be read at all (not there, not allowed, a folder) keeps
 * its G_IO_ERROR code, its message beginning with the name too; a
 * cancelled read is G_IO_ERROR_CANCELLED.
 *
 * A point without a time is kept with LOADWISE_TRACK_NO_TIME; a file
 * where every point is so is refused ("has no time stamps").
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "core/loadwise-track.h"

G_BEGIN_DECLS

/* Larger files are refused before they are read: a day's run at one
 * point a second is a few MB of GPX. */
#define LOADWISE_TRACK_FILE_MAX_BYTES (32 * 1024 * 1024)
/* 24 hours at one point a second is 86,400. */
#define LOADWISE_TRACK_MAX_POINTS     200000
/* GPSBabel gets this long for one file. */
#define LOADWISE_GPSBABEL_TIMEOUT_S   30

typedef enum {
  LOADWISE_TRACK_FORMAT_GPX,
  LOADWISE_TRACK_FORMAT_TCX,
  LOADWISE_TRACK_FORMAT_FIT,
} LoadwiseTrackFormat;

/* "gpx", "tcx", "fit" */
const char    *loadwise_track_format_to_string (LoadwiseTrackFormat format);

/* TRUE for a name ending in .gpx, .tcx or .fit, in any case: what a
 * folder import picks up. */
gboolean       loadwise_track_is_track_name    (const char *basename);

/* A GPX or TCX document held in memory; @name names it in errors. */
LoadwiseTrack *loadwise_track_read_xml         (const char           *data,
                                                gsize                 size,
                                                const char           *name,
                                                LoadwiseTrackFormat  *out_format,
                                                GError              **error);

/* Reads @file, telling FIT (by its header) from XML; @out_sha256 (may be
 * NULL) gets the file's SHA-256 in hex. The GPSBabel program is
 * "gpsbabel" in PATH, or $LOADWISE_GPSBABEL when set (tests). */
LoadwiseTrack *loadwise_track_read_file        (GFile                *file,
                                                GCancellable         *cancellable,
                                                LoadwiseTrackFormat  *out_format,
                                                char                **out_sha256,
                                                GError              **error);

G_END_DECLS
