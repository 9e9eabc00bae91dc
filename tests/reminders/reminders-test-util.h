/* reminders-test-util.h: what the reminder tests share
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "reminders/loadwise-notifier.h"
#include "store/loadwise-database.h"

G_BEGIN_DECLS

/* A temporary folder with a database in it (LOADWISE_DATA_DIR points there). */
typedef struct {
  char             *dir;
  char             *path;
  LoadwiseDatabase *db;
} RemindersFixture;

void     reminders_fixture_setup     (RemindersFixture *fixture,
                                      gconstpointer     data);
void     reminders_fixture_teardown  (RemindersFixture *fixture,
                                      gconstpointer     data);

/* Starts a programme on @start whose training days include @today's
 * weekday (and the day two days later), so that @today is a session day. */
void     reminders_test_start_programme (LoadwiseDatabase *db,
                                         const GDate      *start,
                                         const GDate      *today);
/* Turns reminders on with the session at @session_s and the check-in at
 * @checkin_s seconds after local midnight. */
void     reminders_test_set_times       (LoadwiseDatabase *db,
                                         guint             session_s,
                                         guint             checkin_s);
/* Today's date and the seconds since local midnight, from the system clock. */
void     reminders_test_local_now       (GDate            *out_today,
                                         guint            *out_seconds);
/* Sleeps past midnight when less than @margin_s seconds are left of the
 * day, so that "a few seconds from now" stays today. */
void     reminders_test_avoid_midnight  (guint             margin_s);
/* Runs the default main context until *@flag is TRUE; fails the test
 * after @timeout_s seconds (a safety net, not a measurement). */
void     reminders_test_wait_for        (gboolean         *flag,
                                         guint             timeout_s);

/* A fake D-Bus service: @name owned on the session bus, one object at
 * @path with the first interface of @xml, served from a thread of its own
 * with its own connection and main context. A client that waits for an
 * answer on a context of its own (the portal's Response, libnotify's
 * synchronous calls) is answered all the same. @vtable's calls come on
 * that thread: guard what they share with the test. */
typedef struct _RemindersBusService RemindersBusService;

/* Returns once @name is owned. */
RemindersBusService *reminders_bus_service_start          (const char                 *name,
                                                           const char                 *path,
                                                           const char                 *xml,
                                                           const GDBusInterfaceVTable *vtable,
                                                           gpointer                    user_data);
/* The service's connection, to emit its signals on. */
GDBusConnection     *reminders_bus_service_get_connection (RemindersBusService        *service);
/* Releases the name, closes the connection and frees @service. */
void                 reminders_bus_service_stop           (RemindersBusService        *service);

/* A notifier that records what it was asked to show, and fails while
 * "fail" is set. */
#define REMINDERS_TYPE_FAKE_NOTIFIER (reminders_fake_notifier_get_type ())
G_DECLARE_FINAL_TYPE (RemindersFakeNotifier, reminders_fake_notifier, REMINDERS, FAKE_NOTIFIER, GObject)

typedef struct {
  LoadwiseReminderKind kind;
  GDate                date;
  char                *summary;
  char                *body;
} RemindersShown;

RemindersFakeNotifier *reminders_fake_notifier_new       (void);
void                   reminders_fake_notifier_set_fail  (RemindersFakeNotifier *self,
                                                          gboolean               fail);
/* RemindersShown, in order. */
GArray                *reminders_fake_notifier_get_shown (RemindersFakeNotifier *self);

G_END_DECLS
