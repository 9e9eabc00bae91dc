/* loadwise-preferences-window.h: programme settings, style and data
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "store/loadwise-database.h"
#include "ui/loadwise-context.h"

G_BEGIN_DECLS

#define LOADWISE_TYPE_PREFERENCES_WINDOW (loadwise_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (LoadwisePreferencesWindow, loadwise_preferences_window, LOADWISE, PREFERENCES_WINDOW, AdwPreferencesWindow)

/* Programme changes are stored as they are made; an invalid combination
 * is refused with a toast naming the field, and the controls go back to
 * what is stored. Actions: prefs.open-folder, prefs.backup, prefs.backups
 * (the list of backups, to restore one: LoadwiseBackupsDialog). The day
 * toggles are named "day-mon" ... "day-sun". */
GtkWidget  *loadwise_preferences_window_new              (LoadwiseDatabase          *database);
/* The app's: the programme settings are written through @context. */
GtkWidget  *loadwise_preferences_window_new_for_context  (LoadwiseContext           *context);
/* Puts the keyboard focus on the safe pain, the first of the pain limits
 * (the Programme page links here, issue 13). */
void        loadwise_preferences_window_focus_pain_limits (LoadwisePreferencesWindow *self);

G_END_DECLS
