/* loadwise-chooser.h: what a file chooser's answer means for Loadwise
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The local path chosen in @chooser, when @response accepted one; NULL
 * when the runner cancelled, or (with *@out_not_local TRUE) chose a place
 * without a local path (a network location through the portal), which
 * the caller tells the runner about. Newly allocated. */
char *loadwise_chooser_get_local_path (GtkNativeDialog *chooser,
                                       int              response,
                                       gboolean        *out_not_local);

/* The same for a chosen @file (NULL: none was). */
char *loadwise_chooser_file_to_local_path (GFile    *file,
                                           gboolean *out_not_local);

G_END_DECLS
