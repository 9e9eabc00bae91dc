/* loadwise-reminders-group.h: the Reminders group of Preferences
 *
 * On/off (which also writes or removes the XDG autostart entry and starts
 * or stops loadwise-reminders), the session and check-in times, the snooze
 * minutes, and whether the service is running (its name on the session
 * bus). The settings themselves live in the database.
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "store/loadwise-database.h"

G_BEGIN_DECLS

#define LOADWISE_TYPE_REMINDERS_GROUP (loadwise_reminders_group_get_type ())

G_DECLARE_FINAL_TYPE (LoadwiseRemindersGroup, loadwise_reminders_group, LOADWISE, REMINDERS_GROUP, AdwPreferencesGroup)

/* Property "database"; shows what is stored once it is set. */
void        loadwise_reminders_group_set_database     (LoadwiseRemindersGroup *self,
                                                       LoadwiseDatabase       *database);
/* The last error shown, or NULL (for tests). */
const char *loadwise_reminders_group_get_last_message (LoadwiseRemindersGroup *self);

G_END_DECLS
