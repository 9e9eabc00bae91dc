/* loadwise-run-item.h: one row of the run log, the run and its factors
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "core/loadwise-run.h"

G_BEGIN_DECLS

#define LOADWISE_TYPE_RUN_ITEM (loadwise_run_item_get_type ())

G_DECLARE_FINAL_TYPE (LoadwiseRunItem, loadwise_run_item, LOADWISE, RUN_ITEM, GObject)

/* Copies @run and @factors (what the factors column shows of it). */
LoadwiseRunItem   *loadwise_run_item_new         (const LoadwiseRun *run,
                                                  const char        *factors);
const LoadwiseRun *loadwise_run_item_get_run     (LoadwiseRunItem   *self);
const char        *loadwise_run_item_get_factors (LoadwiseRunItem   *self);

G_END_DECLS
