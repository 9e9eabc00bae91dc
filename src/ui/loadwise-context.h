/* loadwise-context.h: what every page of the app is built on
 *
 * The database, the exercise catalogue and the clock travel together, as
 * GNOME Calendar's GcalContext does: each widget takes one construct-only
 * "context" property instead of three, and tests hand in a context with a
 * temporary database and a fixed clock.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "core/loadwise-catalogue.h"
#include "core/loadwise-clock.h"
#include "store/loadwise-database.h"

G_BEGIN_DECLS

#define LOADWISE_TYPE_CONTEXT (loadwise_context_get_type ())

G_DECLARE_FINAL_TYPE (LoadwiseContext, loadwise_context, LOADWISE, CONTEXT, GObject)

LoadwiseContext   *loadwise_context_new           (LoadwiseDatabase  *database,
                                                   LoadwiseCatalogue *catalogue,
                                                   LoadwiseClock     *clock);
LoadwiseDatabase  *loadwise_context_get_database  (LoadwiseContext   *self);
LoadwiseCatalogue *loadwise_context_get_catalogue (LoadwiseContext   *self);
LoadwiseClock     *loadwise_context_get_clock     (LoadwiseContext   *self);

/* A construct-only "context" property for the widgets that take one. */
GParamSpec        *loadwise_context_param_spec    (void);

G_END_DECLS
