/* loadwise-pain-scale.h: the one 0-10 pain control
 *
 * Eleven linked toggle buttons, 0 to 10, with the anchors 0, 5 and 10 named
 * under them. It starts "not rated" (-1), never changes on a scroll wheel
 * passing over it, and is one Tab stop whose arrow keys move the rating, as
 * a radio group. Used wherever the runner rates pain: the check-in, the
 * exercise cards, the guided session, the run dialog and the import preview.
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The value of a scale nobody has rated yet. */
#define LOADWISE_PAIN_NOT_RATED (-1)

#define LOADWISE_TYPE_PAIN_SCALE (loadwise_pain_scale_get_type ())
G_DECLARE_FINAL_TYPE (LoadwisePainScale, loadwise_pain_scale, LOADWISE, PAIN_SCALE, GtkWidget)

GtkWidget *loadwise_pain_scale_new       (void);
/* 0-10, or LOADWISE_PAIN_NOT_RATED. */
int        loadwise_pain_scale_get_value (LoadwisePainScale *self);
void       loadwise_pain_scale_set_value (LoadwisePainScale *self,
                                          int                value);
gboolean   loadwise_pain_scale_is_rated  (LoadwisePainScale *self);
/* The button for @value (0-10), for tests and for focus. */
GtkWidget *loadwise_pain_scale_get_button (LoadwisePainScale *self,
                                           int                value);

G_END_DECLS
