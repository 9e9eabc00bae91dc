/* loadwise-illustration.h: the line drawing of each exercise
 *
 * The drawings are symbolic SVG icons in the UI's GResource
 * (ui/illustrations/ID-symbolic.svg, installed as the icon
 * "loadwise-ID-symbolic"), so GTK recolours them for the light, dark and
 * high-contrast styles. The solid figure is the starting position, the
 * light one where the movement ends, and the moving part is drawn in the
 * "success" colour.
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "core/loadwise-catalogue.h"

G_BEGIN_DECLS

/* "loadwise-ID-symbolic"; newly allocated. */
char       *loadwise_illustration_get_icon_name   (const char             *exercise_id);
/* The resource path of the drawing's SVG; newly allocated. */
char       *loadwise_illustration_get_resource    (const char             *exercise_id);
/* What the drawing shows, in words, translated; NULL for an unknown id. */
const char *loadwise_illustration_get_description (const char             *exercise_id);
/* A GtkImage of the drawing at @pixel_size, named "illustration", with the
 * exercise's name as its accessible label and the description above as its
 * accessible description. */
GtkWidget  *loadwise_illustration_new             (const LoadwiseExercise *exercise,
                                                   int                     pixel_size);

G_END_DECLS
