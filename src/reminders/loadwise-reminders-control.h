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

G_END_DECLS
