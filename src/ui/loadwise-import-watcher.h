/* loadwise-import-watcher.h: the import folder, watched while the app runs
 *
 * Issue 14. The folder is the GSettings key "import-folder" (empty: none).
 * It is listed once when watching starts, then followed with a
 * GFileMonitor. Track files that appear (loadwise_track_is_track_name) are
 * gathered until the folder has been quiet for a moment, so a file
 * written in pieces is read once it is whole; then they are prepared off
 * the main thread, and the ones that would be NEW runs are announced with
 * "new-runs" (a GStrv of their paths). A file is announced once for what
 * it holds: the same content again (the same SHA-256) is not announced
 * twice, and a run already imported is not NEW.
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ui/loadwise-context.h"

G_BEGIN_DECLS

/* (design) Quiet this long before the files are read: longer than GIO's
 * 800 ms between "changed" events of a file being written. */
#define LOADWISE_IMPORT_WATCHER_SETTLE_MS 2000

#define LOADWISE_TYPE_IMPORT_WATCHER (loadwise_import_watcher_get_type ())

G_DECLARE_FINAL_TYPE (LoadwiseImportWatcher, loadwise_import_watcher, LOADWISE, IMPORT_WATCHER, GObject)

/* Follows @settings' "import-folder"; lists it once now (when set) and
 * again whenever the key changes. @settle_ms: 0 for
 * LOADWISE_IMPORT_WATCHER_SETTLE_MS (tests give less). */
LoadwiseImportWatcher *loadwise_import_watcher_new      (LoadwiseContext       *context,
                                                         GSettings             *settings,
                                                         guint                  settle_ms);
/* The folder watched now, or NULL. */
GFile                 *loadwise_import_watcher_get_folder (LoadwiseImportWatcher *self);
/* Whether files wait to be read or are being read. */
gboolean               loadwise_import_watcher_is_busy  (LoadwiseImportWatcher *self);

/* "2 new runs to review", whose default action (and button) is
 * app.import-runs with @paths: the preview of those files. */
GNotification         *loadwise_import_watcher_new_notification (const char *const *paths);

G_END_DECLS
