/* loadwise-preferences-window-private.h: test hooks of the preferences window
 *
 * As GNOME Text Editor does: what only the tests reach, apart from the
 * header the app uses.
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ui/loadwise-preferences-window.h"

G_BEGIN_DECLS

/* The last message shown in a toast, or NULL (for tests). */
const char *loadwise_preferences_window_get_last_message (LoadwisePreferencesWindow *self);

G_END_DECLS
