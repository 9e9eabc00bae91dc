/* loadwise-export.h: the runner's data as CSV files, the scheduled
 * sessions as iCalendar, a chart as PNG or SVG
 *
 * Every export is written through one LoadwiseAtomicFile
 * (core/loadwise-file.h): whole, 0600, or not at all.
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "charts/loadwise-chart-data.h"
#include "core/loadwise-catalogue.h"
#include "core/loadwise-file.h"
#include "store/loadwise-database.h"

G_BEGIN_DECLS

/* @field as one RFC 4180 field: quoted (with inner quotes doubled) when
 * it holds a comma, a quote, a line break or leading/trailing space. A
 * NULL field is empty. Newly allocated. */
char     *loadwise_csv_quote  (const char              *field);

/* Writes FOLDER/<table>.csv for every table of the database: a header row
 * of column names, then one row per record in primary-key order, CRLF
 * line ends (RFC 4180), UTF-8. @folder is created; it must not exist yet,
 * or be empty (G_IO_ERROR_EXISTS otherwise), so nothing is overwritten.
 * The files are written in a temporary folder beside it that becomes
 * @folder only when every file is complete. */
gboolean  loadwise_export_csv (LoadwiseDatabase        *database,
                               const char              *folder,
                               GError                 **error);

/* The UID of the session on @date: the same for every export, so that a
 * calendar that imports the file again updates its events instead of
 * adding copies. Newly allocated. */
char     *loadwise_export_session_uid (const GDate     *date);

/* Writes the scheduled sessions to @path as an iCalendar file (RFC 5545):
 * one all-day VEVENT per session day from the programme's start to the
 * later of its end and 4 weeks after @today, with the exercises and their
 * dosage in the description; skipped sessions are CANCELLED. Maintenance
 * sessions after the programme are written from 4 weeks before @today
 * only, so the file (and the time to write it) grows with the
 * programme's length, not with the time since it started. A date libical
 * cannot write (after 3000-12-31) is refused (LOADWISE_ERROR_INVALID_INPUT)
 * and nothing is written. Refuses to
 * overwrite @path (G_IO_ERROR_EXISTS). @now is the DTSTAMP. */
gboolean  loadwise_export_ics (LoadwiseDatabase        *database,
                               const LoadwiseCatalogue *catalogue,
                               GDateTime               *now,
                               const char              *path,
                               GError                 **error);
/* The same into @file, which the caller commits (or frees to abort). */
gboolean  loadwise_export_ics_to_file (LoadwiseDatabase        *database,
                                       const LoadwiseCatalogue *catalogue,
                                       GDateTime               *now,
                                       LoadwiseAtomicFile      *file,
                                       GError                 **error);

/* Writes one chart to @path as PNG (at twice @width x @height pixels) or
 * SVG, in the light style. Refuses to overwrite an existing file
 * (G_IO_ERROR_EXISTS). */
gboolean  loadwise_export_chart (const LoadwiseChartData  *data,
                                 LoadwiseChartKind         kind,
                                 LoadwiseChartFormat       format,
                                 double                    width,
                                 double                    height,
                                 const char               *path,
                                 GError                  **error);
/* The same into @file, which the caller commits (or frees to abort). */
gboolean  loadwise_export_chart_to_file (const LoadwiseChartData  *data,
                                         LoadwiseChartKind         kind,
                                         LoadwiseChartFormat       format,
                                         double                    width,
                                         double                    height,
                                         LoadwiseAtomicFile       *file,
                                         GError                  **error);

/* For cairo's *_for_stream surfaces: writes to the LoadwiseAtomicFile
 * @closure; a failure sticks in the file, which then refuses to commit. */
cairo_status_t loadwise_export_cairo_write (void                *closure,
                                            const unsigned char *data,
                                            unsigned int         length);
/* Finishes @surface (which writes what it still holds) and fails with
 * the write's reason, or cairo's, if any of it did not reach @file. Does
 * not destroy @surface. */
gboolean  loadwise_export_finish_surface (cairo_surface_t     *surface,
                                          LoadwiseAtomicFile  *file,
                                          GError             **error);

G_END_DECLS
