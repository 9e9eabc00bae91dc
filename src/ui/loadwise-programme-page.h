/* loadwise-programme-page.h: the weeks of the programme at a glance
 *
 * A grid of weeks by family: the level of each, the decision that set it
 * (icon and colour) and its reason on hover and for screen readers; past,
 * current and upcoming weeks; the sessions to come; the training days and
 * the length, which change only the weeks not yet closed. The pain limits
 * are shown with a link to Preferences, where they are set (issue 13).
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ui/loadwise-context.h"

G_BEGIN_DECLS

#define LOADWISE_TYPE_PROGRAMME_PAGE (loadwise_programme_page_get_type ())

G_DECLARE_FINAL_TYPE (LoadwiseProgrammePage, loadwise_programme_page, LOADWISE, PROGRAMME_PAGE, GtkWidget)

/* Actions: programme.reload; programme.apply (stores the days and the
 * length shown, after closing the weeks that have ended). The pain limits'
 * row ("pain-limits-row") activates win.pain-limits. Grid cells are named
 * "cell-WEEK-FAMILY" ("cell-3-bridge"), session rows "session-YYYY-MM-DD". */
GtkWidget *loadwise_programme_page_new    (LoadwiseContext       *context);
/* Closes the weeks that have ended and re-reads everything shown. */
void       loadwise_programme_page_reload (LoadwiseProgrammePage *self);

G_END_DECLS
