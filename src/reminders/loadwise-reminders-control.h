/* loadwise-reminders-control.h: turning the reminder service on and off
 *
 * For Preferences (and tests): how the session starts `loadwise-reminders`
 * (the Background portal when sandboxed, else the XDG autostart entry), starting and stopping the running
 * service, and asking the session bus whether it runs. GLib only.
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "store/loadwise-database.h"

G_BEGIN_DECLS

#define LOADWISE_REMINDERS_AUTOSTART_NAME APP_ID ".Reminders.desktop"

/* $XDG_CONFIG_HOME/autostart/io.github.loadwise.Loadwise.Reminders.desktop */
char     *loadwise_reminders_autostart_path    (void);
/* Writes the entry (Exec=loadwise-reminders, X-GNOME-Autostart-enabled=true)
 * or removes it. Removing an entry that is not there succeeds. */
gboolean  loadwise_reminders_set_autostart     (gboolean          enabled,
                                                GError          **error);
gboolean  loadwise_reminders_get_autostart     (void);

/* Starts the service in the background ($LOADWISE_REMINDERS_BIN, else the
 * installed loadwise-reminders, else the one on PATH). A second start
 * exits quietly on its own. */
gboolean  loadwise_reminders_launch            (GError          **error);
/* Whether the service owns its name on @bus. */
gboolean  loadwise_reminders_is_running        (GDBusConnection  *bus);
/* Asks the running service to quit (its Quit method); nothing when none runs. */
void      loadwise_reminders_request_quit      (GDBusConnection  *bus);

/* The session bus, or NULL when there is none: without one GLib would try
 * to start one (X11 autolaunch), which nothing here wants. */
GDBusConnection *loadwise_reminders_get_session_bus (void);

#define LOADWISE_REMINDERS_UNIT APP_ID ".Reminders.service"

/* How the session starts the service: sandboxed (/.flatpak-info, or
 * LOADWISE_SANDBOXED=1 for tests), the Background portal's autostart;
 * else, where the session's systemd user manager knows the service's
 * unit, the unit (enabled as `systemctl --user enable` does, started and
 * stopped through the manager); else the XDG autostart entry. */
typedef enum {
  LOADWISE_REMINDERS_MECHANISM_AUTOSTART,
  LOADWISE_REMINDERS_MECHANISM_PORTAL,
  LOADWISE_REMINDERS_MECHANISM_SYSTEMD,
} LoadwiseRemindersMechanism;

gboolean                   loadwise_reminders_is_sandboxed    (void);
/* Whether org.freedesktop.systemd1 on @bus (which may be NULL) knows the
 * unit; the manager is never started for the question. */
gboolean                   loadwise_reminders_has_systemd_unit (GDBusConnection *bus);
LoadwiseRemindersMechanism loadwise_reminders_get_mechanism   (GDBusConnection *bus);
/* org.freedesktop.portal.Background.RequestBackground with @autostart and
 * the command line `loadwise-reminders`; waits for the Request's Response
 * (on a context of its own). FALSE with @error when refused. */
gboolean                   loadwise_reminders_request_background (GDBusConnection  *bus,
                                                                  gboolean          autostart,
                                                                  GError          **error);

/* Turns reminders on or off, for Preferences and `loadwise-cli reminders
 * set --on|--off` alike: tells the session how to start the service (the
 * mechanism above), stores the setting, and starts the service now
 * (unless it runs) or stops it. When the session refuses, nothing
 * changes. @bus may be NULL: then the service is started without asking,
 * and a running one is left to see the setting itself. */
gboolean  loadwise_reminders_set_enabled       (LoadwiseDatabase *database,
                                                gboolean          enabled,
                                                GDBusConnection  *bus,
                                                GError          **error);
/* The same without blocking: the session's part (the portal may ask the
 * runner in a dialog) waits on a worker thread; @database is only used on
 * the calling thread, whose main context runs @callback. */
void      loadwise_reminders_set_enabled_async  (LoadwiseDatabase    *database,
                                                 gboolean             enabled,
                                                 GDBusConnection     *bus,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
gboolean  loadwise_reminders_set_enabled_finish (LoadwiseDatabase  *database,
                                                 GAsyncResult      *result,
                                                 GError           **error);

G_END_DECLS
