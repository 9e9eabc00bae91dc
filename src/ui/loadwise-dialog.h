/* loadwise-dialog.h: what every dialog window of the app is made with
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* GTK 4.8 reads an AdwWindow subclass as a "filler" to screen readers:
 * the role set on its class is not used, and the role is construct-only.
 * Every dialog window (the run dialog, the import preview, Backups) is
 * made with these properties first:
 *
 *   g_object_new (LOADWISE_TYPE_RUN_DIALOG, LOADWISE_DIALOG_PROPERTIES, "context", context, NULL);
 *
 * Its accessible name is the window's title: set it (gtk_window_set_title)
 * even when an AdwWindowTitle shows it. */
#define LOADWISE_DIALOG_PROPERTIES "accessible-role", GTK_ACCESSIBLE_ROLE_DIALOG

G_END_DECLS
