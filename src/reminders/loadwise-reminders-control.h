/* loadwise-reminders-control.h: turning the reminder service on and off
 *
 * For Preferences (and tests): the XDG autostart entry that starts
 * `loadwise-reminders` with the session, starting and stopping the running
 * service, and asking the session bus whether it runs. GLib only.
 *
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

/* Turns reminders on or off, for Preferences and `loadwise-cli reminders
 * set --on|--off` alike: stores the setting, writes or removes the
 * autostart entry so the service starts with the session, and starts the
 * service now (unless it runs) or asks it to quit. @bus may be NULL: then
 * the service is started without asking, and a running one is left to
 * see the setting itself. */
gboolean  loadwise_reminders_set_enabled       (LoadwiseDatabase *database,
                                                gboolean          enabled,
                                                GDBusConnection  *bus,
                                                GError          **error);

G_END_DECLS
