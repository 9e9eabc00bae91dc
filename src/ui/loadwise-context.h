/* loadwise-context.h: what every page of the app is built on
 *
 * The database, the exercise catalogue and the clock travel together, as
 * GNOME Calendar's GcalContext does: each widget takes one construct-only
 * "context" property instead of three, and tests hand in a context with a
 * temporary database and a fixed clock.
 *
 * News comes up through the context (DESIGN.md, "State flow"): it listens
 * to the database's "changed" and the clock's "day-changed" once, and
 * re-emits them, gathered into one emission just before the next frame:
 *   "changed" (guint what, LoadwiseDatabaseChange flags) after commits,
 *             this connection's and others';
 *   "day-changed" when the local date changed; the derived state has been
 *             worked out for the new day first (it implies "changed").
 * Pages connect in their constructors (g_signal_connect_object) and never
 * reload each other by hand.
 *
 * Writes go down through loadwise_context_write(): the one way the app's
 * widgets write, so that a lock held by another program never freezes the
 * window.
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "core/loadwise-catalogue.h"
#include "core/loadwise-clock.h"
#include "store/loadwise-database.h"

G_BEGIN_DECLS

#define LOADWISE_TYPE_CONTEXT (loadwise_context_get_type ())

G_DECLARE_FINAL_TYPE (LoadwiseContext, loadwise_context, LOADWISE, CONTEXT, GObject)

/* Sets @database's busy timeout short (LOADWISE_CONTEXT_BUSY_TIMEOUT_MS). */
LoadwiseContext   *loadwise_context_new           (LoadwiseDatabase  *database,
                                                   LoadwiseCatalogue *catalogue,
                                                   LoadwiseClock     *clock);
LoadwiseDatabase  *loadwise_context_get_database  (LoadwiseContext   *self);
LoadwiseCatalogue *loadwise_context_get_catalogue (LoadwiseContext   *self);
LoadwiseClock     *loadwise_context_get_clock     (LoadwiseContext   *self);

/* A construct-only "context" property for the widgets that take one. */
GParamSpec        *loadwise_context_param_spec    (void);

/* Writing without freezing the window. The app's connection waits at
 * most this long for another program's lock... */
#define LOADWISE_CONTEXT_BUSY_TIMEOUT_MS 50
/* ... then the write is kept and tried again from the main loop this
 * often ... */
#define LOADWISE_CONTEXT_RETRY_MS        250
/* ... for this long, before the runner is told that it failed. */
#define LOADWISE_CONTEXT_RETRY_FOR_MS    15000

/* One write: calls a loadwise_database_*() write with what @data holds. */
typedef gboolean (*LoadwiseWriteFunc) (LoadwiseDatabase  *database,
                                       gpointer           data,
                                       GError           **error);
/* Called once the write stood (@error NULL) or failed for good, with
 * @widget (NULL when it has gone in the meantime: the write was made all
 * the same) and the write's @data. */
typedef void     (*LoadwiseWriteDone) (GtkWidget         *widget,
                                       const GError      *error,
                                       gpointer           data);

/* Runs @func now. When another program holds the lock, returns at once
 * instead: the write, with its @data, waits in order behind any other
 * kept write and is tried again every LOADWISE_CONTEXT_RETRY_MS; the
 * runner is told it is being saved, then that it was saved or why not.
 * @done (may be NULL) is called in every case, from this call when the
 * write did not wait. @data_free frees @data after @done. Returns TRUE
 * when the write was made now. */
gboolean           loadwise_context_write         (LoadwiseContext   *self,
                                                   GtkWidget         *widget,
                                                   LoadwiseWriteFunc  func,
                                                   gpointer           data,
                                                   GDestroyNotify     data_free,
                                                   LoadwiseWriteDone  done);
/* Writes waiting for another program's lock. */
guint              loadwise_context_get_n_pending (LoadwiseContext   *self);

G_END_DECLS
