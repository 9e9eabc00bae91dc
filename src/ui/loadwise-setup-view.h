/* loadwise-setup-view.h: first run (welcome, red flags, programme set-up)
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ui/loadwise-context.h"

G_BEGIN_DECLS

#define LOADWISE_TYPE_SETUP_VIEW (loadwise_setup_view_get_type ())

G_DECLARE_FINAL_TYPE (LoadwiseSetupView, loadwise_setup_view, LOADWISE, SETUP_VIEW, GtkWidget)

/* Actions: setup.next, setup.back, setup.answer-red-flags (saves the
 * answers; any yes shows the advice), setup.change-answers,
 * setup.continue-anyway, setup.start (stores the programme, then
 * activates win.reload). */
GtkWidget  *loadwise_setup_view_new      (LoadwiseContext   *context);
/* "welcome", "red-flags", "advice" or "programme". */
const char *loadwise_setup_view_get_page (LoadwiseSetupView *self);
/* Back to the first page with the defaults. */
void        loadwise_setup_view_reset    (LoadwiseSetupView *self);

G_END_DECLS
