/* loadwise-export.h: the runner's data as CSV files and the scheduled
 * sessions as iCalendar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "core/loadwise-catalogue.h"
#include "store/loadwise-database.h"

G_BEGIN_DECLS

/* @field as one RFC 4180 field: quoted (with inner quotes doubled) when
 * it holds a comma, a quote, a line break or leading/trailing space. A
 * NULL field is empty. Newly allocated. */
char     *loadwise_csv_quote  (const char              *field);

/* Writes FOLDER/<table>.csv for every table of the database: a header row
 * of column names, then one row per record in primary-key order, CRLF
 * line ends (RFC 4180), UTF-8. @folder is created; it must not exist yet,
 * or be empty (G_IO_ERROR_EXISTS otherwise), so nothing is overwritten. */
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
 * dosage in the description; skipped sessions are CANCELLED. Refuses to
 * overwrite @path (G_IO_ERROR_EXISTS). @now is the DTSTAMP. */
gboolean  loadwise_export_ics (LoadwiseDatabase        *database,
                               const LoadwiseCatalogue *catalogue,
                               GDateTime               *now,
                               const char              *path,
                               GError                 **error);

G_END_DECLS
