/* loadwise-reminders-control.c
 *
 * Copyright 2026 The Loadwise developers
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

#define PORTAL_NAME      "org.freedesktop.portal.Desktop"
#define PORTAL_PATH      "/org/freedesktop/portal/desktop"
#define PORTAL_REQUEST   "org.freedesktop.portal.Request"
#define PORTAL_BG        "org.freedesktop.portal.Background"
/* The runner may be asked in a dialog: wait for as long as that takes. */
#define PORTAL_TIMEOUT_S 300

gboolean
loadwise_reminders_is_sandboxed (void)
{
  return g_strcmp0 (g_getenv ("LOADWISE_SANDBOXED"), "1") == 0 ||
         g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS);
}

#define SYSTEMD_NAME    "org.freedesktop.systemd1"
#define SYSTEMD_PATH    "/org/freedesktop/systemd1"
#define SYSTEMD_MANAGER "org.freedesktop.systemd1.Manager"
/* systemd answers at once; a job it starts runs after the reply. */
#define SYSTEMD_TIMEOUT_MS 25000

static GVariant *
systemd_call (GDBusConnection     *bus,
              const char          *method,
              GVariant            *parameters,
              const GVariantType  *reply_type,
              GError             **error)
{
  /* Never start a manager that is not there: then this is no systemd
   * session, and the autostart entry does the job. */
  return g_dbus_connection_call_sync (bus, SYSTEMD_NAME, SYSTEMD_PATH, SYSTEMD_MANAGER, method, parameters,
                                      reply_type, G_DBUS_CALL_FLAGS_NO_AUTO_START, SYSTEMD_TIMEOUT_MS,
                                      NULL, error);
}

gboolean
loadwise_reminders_has_systemd_unit (GDBusConnection *bus)
{
  g_autoptr (GVariant) reply = NULL;
  g_autoptr (GError) error = NULL;

  g_return_val_if_fail (bus == NULL || G_IS_DBUS_CONNECTION (bus), FALSE);

  if (bus == NULL)
    return FALSE;
  reply = systemd_call (bus, "GetUnitFileState", g_variant_new ("(s)", LOADWISE_REMINDERS_UNIT),
                        G_VARIANT_TYPE ("(s)"), &error);
  if (reply == NULL)
    g_debug ("No systemd user unit for the reminders: %s", error->message);
  return reply != NULL;
}

LoadwiseRemindersMechanism
loadwise_reminders_get_mechanism (GDBusConnection *bus)
{
  if (loadwise_reminders_is_sandboxed ())
    return LOADWISE_REMINDERS_MECHANISM_PORTAL;
  if (loadwise_reminders_has_systemd_unit (bus))
    return LOADWISE_REMINDERS_MECHANISM_SYSTEMD;
  return LOADWISE_REMINDERS_MECHANISM_AUTOSTART;
}

/* Enables or disables the unit as `systemctl --user enable` does (the
 * unit files, then a reload), so that graphical-session.target starts it
 * at the next login. */
static gboolean
systemd_set_enabled (GDBusConnection  *bus,
                     gboolean          enabled,
                     GError          **error)
{
  const char *units[] = { LOADWISE_REMINDERS_UNIT, NULL };
  g_autoptr (GVariant) reply = NULL;
  g_autoptr (GVariant) reloaded = NULL;

  g_debug ("%s the systemd user unit %s", enabled ? "Enabling" : "Disabling", LOADWISE_REMINDERS_UNIT);
  if (enabled)
    reply = systemd_call (bus, "EnableUnitFiles", g_variant_new ("(^asbb)", units, FALSE, FALSE),
                          G_VARIANT_TYPE ("(ba(sss))"), error);
  else
    reply = systemd_call (bus, "DisableUnitFiles", g_variant_new ("(^asb)", units, FALSE),
                          G_VARIANT_TYPE ("(a(sss))"), error);
  if (reply == NULL)
    return FALSE;
  reloaded = systemd_call (bus, "Reload", NULL, NULL, error);
  return reloaded != NULL;
}

static gboolean
systemd_start_or_stop (GDBusConnection  *bus,
                       gboolean          start,
                       GError          **error)
{
  g_autoptr (GVariant) job = NULL;

  job = systemd_call (bus, start ? "StartUnit" : "StopUnit",
                      g_variant_new ("(ss)", LOADWISE_REMINDERS_UNIT, "replace"), G_VARIANT_TYPE ("(o)"),
                      error);
  return job != NULL;
}

typedef struct {
  gboolean  done;
  guint32   response;
  GVariant *results;
} PortalReply;

static void
on_portal_response (GDBusConnection *connection,
                    const char      *sender,
                    const char      *object_path,
                    const char      *interface_name,
                    const char      *signal_name,
                    GVariant        *parameters,
                    gpointer         user_data)
{
  PortalReply *reply = user_data;

  if (reply->done || !g_variant_is_of_type (parameters, G_VARIANT_TYPE ("(ua{sv})")))
    return;
  g_variant_get (parameters, "(u@a{sv})", &reply->response, &reply->results);
  reply->done = TRUE;
}

static gboolean
on_portal_timeout (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

gboolean
loadwise_reminders_request_background (GDBusConnection  *bus,
                                       gboolean          autostart,
                                       GError          **error)
{
  g_autoptr (GMainContext) context = g_main_context_new ();
  g_autoptr (GVariant) handle_reply = NULL;
  g_autoptr (GSource) timeout = NULL;
  g_autofree char *token = g_strdup_printf ("loadwise%u", g_random_int ());
  g_autofree char *sender = NULL;
  g_autofree char *request_path = NULL;
  const char *commandline[] = { "loadwise-reminders", NULL };
  GVariantBuilder options;
  PortalReply reply = { FALSE, 2, NULL };
  GError *refused = NULL;
  gboolean timed_out = FALSE;
  gboolean allowed = FALSE;
  guint subscription;

  g_return_val_if_fail (G_IS_DBUS_CONNECTION (bus), FALSE);

  /* The Request object's path is known before the call (the portal
   * spec): subscribe first, so that a quick Response is not missed. */
  sender = g_strdup (g_dbus_connection_get_unique_name (bus) + 1);
  g_strdelimit (sender, ".", '_');
  request_path = g_strdup_printf (PORTAL_PATH "/request/%s/%s", sender, token);
  g_main_context_push_thread_default (context);
  subscription = g_dbus_connection_signal_subscribe (bus, PORTAL_NAME, PORTAL_REQUEST, "Response",
                                                     request_path, NULL,
                                                     G_DBUS_SIGNAL_FLAGS_NONE,
                                                     on_portal_response, &reply, NULL);
  g_variant_builder_init (&options, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&options, "{sv}", "handle_token", g_variant_new_string (token));
  g_variant_builder_add (&options, "{sv}", "reason",
                         g_variant_new_string (_("Loadwise reminds you of your hip sessions and morning check-ins while it is closed.")));
  g_variant_builder_add (&options, "{sv}", "autostart", g_variant_new_boolean (autostart));
  g_variant_builder_add (&options, "{sv}", "commandline", g_variant_new_strv (commandline, -1));
  g_variant_builder_add (&options, "{sv}", "dbus-activatable", g_variant_new_boolean (FALSE));
  g_debug ("Asking the Background portal for autostart=%s", autostart ? "true" : "false");
  handle_reply = g_dbus_connection_call_sync (bus, PORTAL_NAME, PORTAL_PATH, PORTAL_BG,
                                              "RequestBackground",
                                              g_variant_new ("(sa{sv})", "", &options),
                                              G_VARIANT_TYPE ("(o)"), G_DBUS_CALL_FLAGS_NONE,
                                              -1, NULL, error);
  if (handle_reply != NULL)
    {
      timeout = g_timeout_source_new_seconds (PORTAL_TIMEOUT_S);
      g_source_set_callback (timeout, on_portal_timeout, &timed_out, NULL);
      g_source_attach (timeout, context);
      while (!reply.done && !timed_out)
        g_main_context_iteration (context, TRUE);
      g_source_destroy (timeout);
    }
  g_dbus_connection_signal_unsubscribe (bus, subscription);
  g_main_context_pop_thread_default (context);
  if (handle_reply == NULL)
    return FALSE;

  if (!reply.done)
    g_set_error (&refused, G_IO_ERROR, G_IO_ERROR_TIMED_OUT,
                 _("The system did not answer whether Loadwise may run in the background"));
  else if (reply.response != 0)
    g_set_error (&refused, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                 _("Loadwise was not allowed to run in the background"));
  else if (autostart && (!g_variant_lookup (reply.results, "autostart", "b", &allowed) || !allowed))
    g_set_error (&refused, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                 _("Loadwise was not allowed to start with the session"));
  g_clear_pointer (&reply.results, g_variant_unref);
  if (refused != NULL)
    {
      g_propagate_error (error, refused);
      return FALSE;
    }
  return TRUE;
}

/* How the session starts the service: the part of turning reminders on
 * or off that may wait for the runner (the portal's dialog). It touches
 * no database, so it may run on a worker thread. */
static gboolean
set_session_start (LoadwiseRemindersMechanism   mechanism,
                   gboolean                     enabled,
                   GDBusConnection             *bus,
                   GError                     **error)
{
  switch (mechanism)
    {
    case LOADWISE_REMINDERS_MECHANISM_PORTAL:
      if (bus == NULL)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_CONNECTED,
                               _("There is no session bus to ask for running in the background"));
          return FALSE;
        }
      return loadwise_reminders_request_background (bus, enabled, error);

    case LOADWISE_REMINDERS_MECHANISM_SYSTEMD:
      /* The unit replaces an entry written before it was installed, so
       * that the service is not started twice at login. */
      return systemd_set_enabled (bus, enabled, error) && loadwise_reminders_set_autostart (FALSE, error);

    case LOADWISE_REMINDERS_MECHANISM_AUTOSTART:
    default:
      return loadwise_reminders_set_autostart (enabled, error);
    }
}

/* Starts the service for this session (unless it runs), or stops it. */
static gboolean
start_or_stop (LoadwiseRemindersMechanism   mechanism,
               gboolean                     enabled,
               GDBusConnection             *bus,
               GError                     **error)
{
  if (mechanism == LOADWISE_REMINDERS_MECHANISM_SYSTEMD)
    return systemd_start_or_stop (bus, enabled, error);
  if (enabled)
    return (bus != NULL && loadwise_reminders_is_running (bus)) || loadwise_reminders_launch (error);
  if (bus != NULL)
    loadwise_reminders_request_quit (bus);
  return TRUE;
}

/* Before anything changes: the settings can be read (turning reminders
 * on or off also repairs a value that cannot be), and a service the
 * session starts, which has neither this program's environment nor its
 * options, finds this data folder through the remembered one. */
static gboolean
prepare (LoadwiseDatabase          *database,
         gboolean                   enabled,
         LoadwiseReminderSettings  *out_settings,
         GError                   **error)
{
  if (!loadwise_database_get_reminder_settings_to_change (database, out_settings, NULL, error))
    return FALSE;
  if (enabled)
    {
      g_autofree char *folder = g_path_get_dirname (loadwise_database_get_path (database));
      g_autofree char *remembered = loadwise_data_folder_get_remembered ();

      if (!g_str_equal (folder, remembered) && !loadwise_data_folder_remember (folder, error))
        return FALSE;
    }
  return TRUE;
}

/* Once the session knows: the setting, then the service now. The setting
 * goes first, as the service reads it when it starts. Should the setting
 * not be stored, the session is put back as it was. */
static gboolean
finish (LoadwiseDatabase            *database,
        LoadwiseReminderSettings    *settings,
        LoadwiseRemindersMechanism   mechanism,
        gboolean                     enabled,
        GDBusConnection             *bus,
        GError                     **error)
{
  settings->enabled = enabled;
  if (!loadwise_database_set_reminder_settings (database, settings, error))
    {
      g_autoptr (GError) undo_error = NULL;

      if (!set_session_start (mechanism, !enabled, bus, &undo_error))
        g_warning ("Could not put back how the session starts the reminders: %s", undo_error->message);
      return FALSE;
    }
  return start_or_stop (mechanism, enabled, bus, error);
}

gboolean
loadwise_reminders_set_enabled (LoadwiseDatabase  *database,
                                gboolean           enabled,
                                GDBusConnection   *bus,
                                GError           **error)
{
  LoadwiseReminderSettings settings;
  LoadwiseRemindersMechanism mechanism;

  g_return_val_if_fail (LOADWISE_IS_DATABASE (database), FALSE);
  g_return_val_if_fail (bus == NULL || G_IS_DBUS_CONNECTION (bus), FALSE);

  if (!prepare (database, enabled, &settings, error))
    return FALSE;
  mechanism = loadwise_reminders_get_mechanism (bus);
  return set_session_start (mechanism, enabled, bus, error) &&
         finish (database, &settings, mechanism, enabled, bus, error);
}

typedef struct {
  LoadwiseDatabase           *database;
  GDBusConnection            *bus;
  gboolean                    enabled;
  LoadwiseReminderSettings    settings;
  LoadwiseRemindersMechanism  mechanism;
} SetEnabledData;

static void
set_enabled_data_free (SetEnabledData *data)
{
  g_clear_object (&data->database);
  g_clear_object (&data->bus);
  g_free (data);
}

static void
set_session_start_thread (GTask        *task,
                          gpointer      source_object,
                          gpointer      task_data,
                          GCancellable *cancellable)
{
  SetEnabledData *data = task_data;
  GError *error = NULL;

  data->mechanism = loadwise_reminders_get_mechanism (data->bus);
  if (set_session_start (data->mechanism, data->enabled, data->bus, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
on_session_start_set (GObject      *source_object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  SetEnabledData *data = g_task_get_task_data (task);
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error) ||
      !finish (data->database, &data->settings, data->mechanism, data->enabled, data->bus, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
loadwise_reminders_set_enabled_async (LoadwiseDatabase    *database,
                                      gboolean             enabled,
                                      GDBusConnection     *bus,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;
  g_autoptr (GTask) worker = NULL;
  SetEnabledData *data;
  GError *error = NULL;

  g_return_if_fail (LOADWISE_IS_DATABASE (database));
  g_return_if_fail (bus == NULL || G_IS_DBUS_CONNECTION (bus));

  task = g_task_new (database, NULL, callback, user_data);
  g_task_set_source_tag (task, loadwise_reminders_set_enabled_async);
  data = g_new0 (SetEnabledData, 1);
  data->database = g_object_ref (database);
  data->bus = bus != NULL ? g_object_ref (bus) : NULL;
  data->enabled = enabled;
  g_task_set_task_data (task, data, (GDestroyNotify) set_enabled_data_free);
  if (!prepare (database, enabled, &data->settings, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  /* The database stays on this thread; only the session's part waits. */
  worker = g_task_new (NULL, NULL, on_session_start_set, g_object_ref (task));
  g_task_set_task_data (worker, data, NULL);
  g_task_run_in_thread (worker, set_session_start_thread);
}

gboolean
loadwise_reminders_set_enabled_finish (LoadwiseDatabase  *database,
                                       GAsyncResult      *result,
                                       GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, database), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
