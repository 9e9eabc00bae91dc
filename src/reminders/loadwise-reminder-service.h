/* loadwise-reminder-service.h: fires the reminders that are due
 *
 * DESIGN.md, "Reminders". Asks loadwise_schedule_compute() what is due,
 * shows what is due now through its notifier, records it in the database
 * and arms one wall-clock timer at the next due time. It looks again (and
 * re-arms) when the timer fires, when the system clock is set, when the
 * time zone file changes, after a resume (logind's PrepareForSleep), when
 * the database or its -wal changes on disk (GFileMonitor: the app and the
 * CLI need not know the service exists), and when a notification server
 * appears on the bus. Between those it does not wake up.
 *
 * It follows the database's path, not the file first opened there: on
 * each look, and when the folder reports the name created, moved or
 * deleted, it compares the (st_dev, st_ino) at the path with the open
 * file's. When another file took its place (a restore, a recovery that
 * moved a damaged file aside, a rename over it) it closes the old one and
 * opens the new one as main.c did. While the path names no file it holds
 * no database, arms no timer, and creates nothing: it waits for the
 * folder to report the file back.
 *
 * With no notification server, a reminder stays pending: the service logs
 * it and tries again after 15 s, doubling up to 10 minutes, and at once
 * when a server appears.
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "core/loadwise-clock.h"
#include "reminders/loadwise-notifier.h"
#include "store/loadwise-database.h"

G_BEGIN_DECLS

#define LOADWISE_REMINDERS_BUS_NAME    APP_ID ".Reminders"
#define LOADWISE_REMINDERS_OBJECT_PATH RESOURCE_BASE "/Reminders"
#define LOADWISE_REMINDERS_INTERFACE   APP_ID ".Reminders"

/* The first retry after a failed delivery, and the longest wait. */
#define LOADWISE_REMINDERS_RETRY_MIN_S 15
#define LOADWISE_REMINDERS_RETRY_MAX_S 600

#define LOADWISE_TYPE_REMINDER_SERVICE (loadwise_reminder_service_get_type ())

G_DECLARE_FINAL_TYPE (LoadwiseReminderService, loadwise_reminder_service, LOADWISE, REMINDER_SERVICE, GObject)

/* Properties: "database" (construct-only; the service replaces it, with a
 * notify, when it follows its path to another file, and it reads NULL
 * while there is none), "notifier", "clock" (construct-only), and
 * "localtime-path" (the zone file to watch, /etc/localtime by default),
 * "launch-app" (whether Start and Check In open the app; TRUE).
 * Signal "open-app" (action name "start-session" or "checkin") is emitted
 * whenever the app is asked to open. */
LoadwiseReminderService *loadwise_reminder_service_new           (LoadwiseDatabase        *database,
                                                                  LoadwiseNotifier        *notifier,
                                                                  LoadwiseClock           *clock);
/* Creates the timer and the watches, then fires what is due (the
 * catch-up of a session missed while the service was not running). */
gboolean                 loadwise_reminder_service_start         (LoadwiseReminderService *self,
                                                                  GError                 **error);
/* Looks again now: fires what is due and re-arms. */
void                     loadwise_reminder_service_reschedule    (LoadwiseReminderService *self);
/* What a button does: Start/Open record it and open the app, Snooze shows
 * the reminder again after the snooze minutes, Skip records the session as
 * skipped "from reminder". @date is YYYY-MM-DD. */
void                     loadwise_reminder_service_handle_action (LoadwiseReminderService *self,
                                                                  LoadwiseReminderKind     kind,
                                                                  const char              *date,
                                                                  const char              *action);
/* When the timer will next wake the service (Unix seconds), 0 if never. */
gint64                   loadwise_reminder_service_get_deadline  (LoadwiseReminderService *self);
/* Reminders due but not delivered (no notification server). */
guint                    loadwise_reminder_service_get_n_pending (LoadwiseReminderService *self);

G_END_DECLS
