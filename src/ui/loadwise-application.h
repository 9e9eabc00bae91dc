/* loadwise-application.h: the application, its actions and its start-up
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "core/loadwise-clock.h"

G_BEGIN_DECLS

#define LOADWISE_TYPE_APPLICATION (loadwise_application_get_type ())

G_DECLARE_FINAL_TYPE (LoadwiseApplication, loadwise_application, LOADWISE, APPLICATION, AdwApplication)

/* @clock may be NULL for the system clock. */
LoadwiseApplication *loadwise_application_new       (LoadwiseClock       *clock);
LoadwiseClock       *loadwise_application_get_clock (LoadwiseApplication *self);

G_END_DECLS
