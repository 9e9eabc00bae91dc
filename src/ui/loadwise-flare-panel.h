/* loadwise-flare-panel.h: Today's flare-up banner, flare mode advice,
 * the return-to-run note and short tips at the moments they matter
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ui/loadwise-context.h"

G_BEGIN_DECLS

#define LOADWISE_TYPE_FLARE_PANEL (loadwise_flare_panel_get_type ())

G_DECLARE_FINAL_TYPE (LoadwiseFlarePanel, loadwise_flare_panel, LOADWISE, FLARE_PANEL, GtkWidget)

/* Actions: flare.accept and flare.decline (the suggestion shown);
 * flare.end (ends flare mode today). Each reloads the panel and activates
 * win.reload so that Today prescribes the right levels. */
GtkWidget  *loadwise_flare_panel_new       (LoadwiseContext    *context);
/* Re-reads the flare state (ending a flare by PROGRAMME.md's rule when
 * three mornings have settled), today's run and check-in. */
void        loadwise_flare_panel_reload    (LoadwiseFlarePanel *self);

/* For tests: "none", "suggested" or "active"; the texts of the cards shown,
 * joined by newlines (the advice, the guard note, the tips). */
const char *loadwise_flare_panel_get_state (LoadwiseFlarePanel *self);
char       *loadwise_flare_panel_get_text  (LoadwiseFlarePanel *self);

G_END_DECLS
