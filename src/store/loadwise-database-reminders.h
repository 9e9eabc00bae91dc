/* loadwise-database-reminders.h: reminder settings and what each reminder did
 *
 * DESIGN.md, "Reminders". The settings live in the `setting` table
 * (reminders.enabled, reminders.session-time, reminders.checkin-time,
 * reminders.snooze-minutes), so backups carry them and the service, the app
 * and the CLI read the same values. What happened to each reminder (fired,
 * snoozed until, acted on) is one row per (kind, day) in `reminder`, so a
 * restart neither repeats nor loses one.
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "core/loadwise-schedule.h"
#include "store/loadwise-database.h"

G_BEGIN_DECLS

typedef enum {
  LOADWISE_REMINDER_ACTION_START,   /* opened the app at the session */
  LOADWISE_REMINDER_ACTION_OPEN,    /* opened the check-in */
  LOADWISE_REMINDER_ACTION_SKIP,    /* skipped the day's session */
  LOADWISE_REMINDER_ACTION_SNOOZE,
} LoadwiseReminderAction;

/* "start", "open", "skip", "snooze" */
const char *loadwise_reminder_action_to_string (LoadwiseReminderAction action);

/* The skip reason a Skip from a notification records. */
#define LOADWISE_REMINDER_SKIP_REASON "from reminder"

/* The stored settings; defaults (loadwise_reminder_settings_init) for any
 * not set. A stored value that does not parse is an error naming its key. */
gboolean  loadwise_database_get_reminder_settings (LoadwiseDatabase               *self,
                                                   LoadwiseReminderSettings       *out_settings,
                                                   GError                        **error);
/* The same, for a change that stores them all again: a stored value that
 * does not parse takes its default instead of failing, and its key goes
 * to @out_replaced (NULL-terminated; may be NULL), so that a bad value
 * can always be repaired by setting it. */
gboolean  loadwise_database_get_reminder_settings_to_change (LoadwiseDatabase          *self,
                                                             LoadwiseReminderSettings  *out_settings,
                                                             GStrv                     *out_replaced,
                                                             GError                   **error);
/* Validates, then stores all four in one transaction. */
gboolean  loadwise_database_set_reminder_settings (LoadwiseDatabase               *self,
                                                   const LoadwiseReminderSettings *settings,
                                                   GError                        **error);

/* What the schedule needs for @from .. @to: a LoadwiseReminderFact for
 * every kind and day in the range (logged from the session and check-in
 * tables, the rest from the reminder rows), by day then kind. */
GArray   *loadwise_database_list_reminder_facts   (LoadwiseDatabase               *self,
                                                   const GDate                    *from,
                                                   const GDate                    *to,
                                                   GError                        **error);

/* Records that the reminder was shown at @at (Unix seconds); ends a snooze. */
gboolean  loadwise_database_mark_reminder_fired   (LoadwiseDatabase               *self,
                                                   LoadwiseReminderKind            kind,
                                                   const GDate                    *date,
                                                   gint64                          at,
                                                   GError                        **error);
/* Shows the reminder again at @until (Unix seconds). */
gboolean  loadwise_database_snooze_reminder       (LoadwiseDatabase               *self,
                                                   LoadwiseReminderKind            kind,
                                                   const GDate                    *date,
                                                   gint64                          until,
                                                   GError                        **error);
/* Start, Open or Skip: nothing more fires for that reminder that day.
 * Skip also records the day's session as skipped with the reason
 * LOADWISE_REMINDER_SKIP_REASON (refused for a check-in). */
gboolean  loadwise_database_act_on_reminder       (LoadwiseDatabase               *self,
                                                   LoadwiseReminderKind            kind,
                                                   const GDate                    *date,
                                                   LoadwiseReminderAction          action,
                                                   GError                        **error);

G_END_DECLS
