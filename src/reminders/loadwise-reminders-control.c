/* loadwise-reminders-control.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "reminders/loadwise-reminders-control.h"

#include <errno.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "core/loadwise-data-folder.h"
#include "reminders/loadwise-reminder-service.h"
#include "store/loadwise-database-reminders.h"

char *
loadwise_reminders_autostart_path (void)
{
  return g_build_filename (g_get_user_config_dir (), "autostart",
                           LOADWISE_REMINDERS_AUTOSTART_NAME, NULL);
}

gboolean
loadwise_reminders_set_autostart (gboolean   enabled,
                                  GError   **error)
{
  g_autofree char *path = loadwise_reminders_autostart_path ();
  g_autofree char *folder = g_path_get_dirname (path);
  g_autoptr (GKeyFile) entry = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  if (!enabled)
    {
      if (g_unlink (path) < 0 && errno != ENOENT)
        {
          int saved_errno = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       _("Could not remove %s: %s"), path, g_strerror (saved_errno));
          return FALSE;
        }
      return TRUE;
    }

  if (g_mkdir_with_parents (folder, 0700) < 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create %s: %s"), folder, g_strerror (saved_errno));
      return FALSE;
    }

  entry = g_key_file_new ();
  g_key_file_set_string (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_TYPE,
                         G_KEY_FILE_DESKTOP_TYPE_APPLICATION);
  /* In the runner's language at the time of writing: session settings
   * show these names. */
  g_key_file_set_string (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_NAME,
                         _("Loadwise Reminders"));
  g_key_file_set_string (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_COMMENT,
                         _("Reminds you of your hip sessions and morning check-ins"));
  g_key_file_set_string (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_EXEC,
                         "loadwise-reminders");
  g_key_file_set_string (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_ICON, APP_ID);
  g_key_file_set_boolean (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_NO_DISPLAY, TRUE);
  g_key_file_set_boolean (entry, G_KEY_FILE_DESKTOP_GROUP, "X-GNOME-Autostart-enabled", TRUE);
  g_key_file_set_boolean (entry, G_KEY_FILE_DESKTOP_GROUP, "X-GNOME-UsesNotifications", TRUE);

  contents = g_key_file_to_data (entry, &length, NULL);
  return g_file_set_contents_full (path, contents, (gssize) length,
                                   G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}

gboolean
loadwise_reminders_get_autostart (void)
{
  g_autofree char *path = loadwise_reminders_autostart_path ();
  g_autoptr (GKeyFile) entry = g_key_file_new ();

  if (!g_key_file_load_from_file (entry, path, G_KEY_FILE_NONE, NULL))
    return FALSE;
  /* A missing key means enabled (the autostart spec); Hidden means removed. */
  if (g_key_file_get_boolean (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_HIDDEN, NULL))
    return FALSE;
  return !g_key_file_has_key (entry, G_KEY_FILE_DESKTOP_GROUP, "X-GNOME-Autostart-enabled", NULL) ||
         g_key_file_get_boolean (entry, G_KEY_FILE_DESKTOP_GROUP, "X-GNOME-Autostart-enabled", NULL);
}

gboolean
loadwise_reminders_launch (GError **error)
{
  const char *override = g_getenv ("LOADWISE_REMINDERS_BIN");
  g_autofree char *installed = g_build_filename (LOADWISE_BINDIR, "loadwise-reminders", NULL);
  const char *program = "loadwise-reminders";
  char *argv[2] = { NULL, NULL };

  if (override != NULL && *override != '\0')
    program = override;
  else if (g_file_test (installed, G_FILE_TEST_IS_EXECUTABLE))
    program = installed;
  argv[0] = (char *) program;

  return g_spawn_async (NULL, argv, NULL,
                        G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                        NULL, NULL, NULL, error);
}

gboolean
loadwise_reminders_is_running (GDBusConnection *bus)
{
  g_autoptr (GVariant) reply = NULL;
  gboolean has_owner = FALSE;

  g_return_val_if_fail (G_IS_DBUS_CONNECTION (bus), FALSE);

  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "NameHasOwner",
                                       g_variant_new ("(s)", LOADWISE_REMINDERS_BUS_NAME),
                                       G_VARIANT_TYPE ("(b)"), G_DBUS_CALL_FLAGS_NONE,
                                       1000, NULL, NULL);
  if (reply != NULL)
    g_variant_get (reply, "(b)", &has_owner);
  return has_owner;
}

void
loadwise_reminders_request_quit (GDBusConnection *bus)
{
  g_return_if_fail (G_IS_DBUS_CONNECTION (bus));

  g_dbus_connection_call (bus, LOADWISE_REMINDERS_BUS_NAME, LOADWISE_REMINDERS_OBJECT_PATH,
                          LOADWISE_REMINDERS_INTERFACE, "Quit", NULL, NULL,
                          G_DBUS_CALL_FLAGS_NO_AUTO_START, -1, NULL, NULL, NULL);
}

GDBusConnection *
loadwise_reminders_get_session_bus (void)
{
  g_autofree char *socket = g_build_filename (g_get_user_runtime_dir (), "bus", NULL);

  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL &&
      !g_file_test (socket, G_FILE_TEST_EXISTS))
    return NULL;
  return g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
}

gboolean
loadwise_reminders_set_enabled (LoadwiseDatabase  *database,
                                gboolean           enabled,
                                GDBusConnection   *bus,
                                GError           **error)
{
  LoadwiseReminderSettings settings;

  g_return_val_if_fail (LOADWISE_IS_DATABASE (database), FALSE);
  g_return_val_if_fail (bus == NULL || G_IS_DBUS_CONNECTION (bus), FALSE);

  /* Turning reminders on or off also repairs a value that cannot be read. */
  if (!loadwise_database_get_reminder_settings_to_change (database, &settings, NULL, error))
    return FALSE;
  settings.enabled = enabled;
  /* A service the session starts has not this program's environment or
   * options: it finds this folder through the remembered one. */
  if (enabled)
    {
      g_autofree char *folder = g_path_get_dirname (loadwise_database_get_path (database));
      g_autofree char *remembered = loadwise_data_folder_get_remembered ();

      if (!g_str_equal (folder, remembered) && !loadwise_data_folder_remember (folder, error))
        return FALSE;
    }
  /* The entry makes the service start with the session; starting it now
   * covers this session. */
  if (!loadwise_database_set_reminder_settings (database, &settings, error) ||
      !loadwise_reminders_set_autostart (enabled, error))
    return FALSE;

  if (enabled)
    return (bus != NULL && loadwise_reminders_is_running (bus)) || loadwise_reminders_launch (error);
  if (bus != NULL)
    loadwise_reminders_request_quit (bus);
  return TRUE;
}
