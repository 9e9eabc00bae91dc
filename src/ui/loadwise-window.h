/* loadwise-window.h: the main window, with first-run set-up and the pages
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ui/loadwise-context.h"

G_BEGIN_DECLS

#define LOADWISE_TYPE_WINDOW (loadwise_window_get_type ())

G_DECLARE_FINAL_TYPE (LoadwiseWindow, loadwise_window, LOADWISE, WINDOW, AdwApplicationWindow)

/* @application may be NULL (tests). Actions: win.reload (re-reads the
 * database and shows set-up or the pages), win.show-today,
 * win.preferences, win.pain-limits (Preferences, with the focus on the
 * pain limits), win.toast (s: a message to show). */
LoadwiseWindow    *loadwise_window_new           (GtkApplication    *application,
                                                  LoadwiseContext   *context);
LoadwiseDatabase  *loadwise_window_get_database  (LoadwiseWindow    *self);
/* "setup" or "main". */
const char        *loadwise_window_get_mode      (LoadwiseWindow    *self);
/* The page @name ("today", "programme", "runs" or "progress"), made now
 * if it has not been shown yet (pages are made when first shown). */
GtkWidget         *loadwise_window_get_page      (LoadwiseWindow    *self,
                                                  const char        *name);

G_END_DECLS
