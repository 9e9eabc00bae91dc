/* loadwise-run-import.h: runs from recorded files, previewed, then written
 *
 * Issue 14. Preparing reads each file (folders: the track files in them,
 * not recursively), sums the track up, checks whether the run is already
 * stored, and proposes a run; nothing is written. The runner (or the
 * CLI's options) then adds what a track cannot know: pain, camber,
 * surface, shoes. Committing writes every NEW item, with its profile, in
 * one transaction: all or nothing.
 *
 * A run is "already there" when a stored run has the same file hash, or
 * the same start time and a distance within 1% (the same run exported
 * twice, as FIT and as GPX).
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "core/loadwise-run.h"
#include "core/loadwise-track.h"
#include "store/loadwise-database.h"
#include "tracks/loadwise-track-reader.h"

G_BEGIN_DECLS

typedef enum {
  LOADWISE_RUN_IMPORT_NEW,
  LOADWISE_RUN_IMPORT_ALREADY_THERE,
  LOADWISE_RUN_IMPORT_SKIPPED,
} LoadwiseRunImportStatus;

/* "new", "already-there", "skipped" */
const char *loadwise_run_import_status_to_string (LoadwiseRunImportStatus status);

typedef struct {
  char                    *path;        /* the file */
  char                    *name;        /* its display name */
  LoadwiseRunImportStatus  status;
  char                    *reason;      /* SKIPPED: why, naming the file; ALREADY_THERE: which run */
  gint64                   existing_id; /* ALREADY_THERE: the stored run */
  LoadwiseTrackFormat      format;      /* not SKIPPED */
  LoadwiseTrackSummary     summary;     /* not SKIPPED */
  guint                    factors;     /* LoadwiseTrackFactor mask, LONG included */
  LoadwiseRun             *run;         /* NEW: the run to write; pain 0 and no
                                         * pain after until set */
  GArray                  *profile;     /* NEW: LoadwiseProfilePoint */
} LoadwiseRunImportItem;

void        loadwise_run_import_item_free (LoadwiseRunImportItem *item);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoadwiseRunImportItem, loadwise_run_import_item_free)

/* LoadwiseRunImportItem*, one per file, by start time (skipped files last,
 * by name). A file that cannot be read is a SKIPPED item, not an error;
 * FALSE (NULL) only when the database cannot be read or a folder listed.
 * Two files of one call that hold the same run: the second is
 * ALREADY_THERE. @tz: the runner's time zone. */
GPtrArray  *loadwise_run_import_prepare   (LoadwiseDatabase  *db,
                                           GFile *const      *files,
                                           guint              n_files,
                                           GTimeZone         *tz,
                                           GCancellable      *cancellable,
                                           GError           **error);

/* Writes the NEW items of @items, each run with its profile, in one
 * transaction; @out_added (may be NULL) counts them. Each run is
 * validated first (loadwise_run_validate): one bad run writes none. */
gboolean    loadwise_run_import_commit    (LoadwiseDatabase  *db,
                                           GPtrArray         *items,
                                           guint             *out_added,
                                           GError           **error);

G_END_DECLS
