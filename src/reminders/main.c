/* main.c: loadwise-reminders, the background service that fires reminders
 *
 * A GApplication with G_APPLICATION_IS_SERVICE: one per user, it owns
 * io.github.loadwise.Loadwise.Reminders (APP_ID ".Reminders") on the session
 * bus, and a second start exits quietly. The session starts it (its systemd
 * user unit, the D-Bus service file, the autostart entry or the Background
 * portal; loadwise-reminders-control.h). It holds itself for as long as it
 * runs: the reminders need it awake, however long since the last call.
 * The name carries Quit (Preferences calls it when reminders are turned
 * off) and Reschedule (look again now; the service also notices database
 * changes by itself, and follows the database's path when another file
 * takes its place).
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <locale.h>

#include <gio/gio.h>
#include <glib-unix.h>
#include <glib/gi18n.h>
#include <libnotify/notify.h>

#include "reminders/loadwise-libnotify-notifier.h"
#include "reminders/loadwise-reminder-service.h"
#include "reminders/loadwise-reminders-control.h"
#include "store/loadwise-database.h"

static const char introspection_xml[] =
  "<node>"
  "  <interface name='" LOADWISE_REMINDERS_INTERFACE "'>"
  "    <method name='Quit'/>"
  "    <method name='Reschedule'/>"
  "  </interface>"
  "</node>";

#define LOADWISE_TYPE_REMINDERS_APP (loadwise_reminders_app_get_type ())

G_DECLARE_FINAL_TYPE (LoadwiseRemindersApp, loadwise_reminders_app, LOADWISE, REMINDERS_APP, GApplication)

struct _LoadwiseRemindersApp
{
  GApplication             parent_instance;

  LoadwiseNotifier        *notifier;
  LoadwiseReminderService *service;
  guint                    registration;
  int                      status;
};

G_DEFINE_FINAL_TYPE (LoadwiseRemindersApp, loadwise_reminders_app, G_TYPE_APPLICATION)

static void
on_method_call (GDBusConnection       *connection,
                const char            *sender,
                const char            *object_path,
                const char            *interface_name,
                const char            *method_name,
                GVariant              *parameters,
                GDBusMethodInvocation *invocation,
                gpointer               user_data)
{
  LoadwiseRemindersApp *self = user_data;

  if (g_str_equal (method_name, "Quit"))
    {
      g_debug ("Asked to quit over D-Bus");
      g_dbus_method_invocation_return_value (invocation, NULL);
      g_application_quit (G_APPLICATION (self));
      return;
    }
  /* "Look again now": for a caller that changed something and does not
   * want to wait for the file watch. */
  if (g_str_equal (method_name, "Reschedule"))
    {
      if (self->service != NULL)
        loadwise_reminder_service_reschedule (self->service);
      g_dbus_method_invocation_return_value (invocation, NULL);
      return;
    }
  g_dbus_method_invocation_return_error (invocation, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_METHOD,
                                         "No method %s", method_name);
}

static const GDBusInterfaceVTable vtable = { on_method_call, NULL, NULL, { 0 } };

/* Before GApplication requests the name: a caller who sees the name finds
 * the object. Calls are answered from the main loop, which runs only after
 * startup: a reply also says that the start-up look (and its catch-up) is
 * done. */
static gboolean
loadwise_reminders_app_dbus_register (GApplication     *application,
                                      GDBusConnection  *connection,
                                      const char       *object_path,
                                      GError          **error)
{
  LoadwiseRemindersApp *self = LOADWISE_REMINDERS_APP (application);
  g_autoptr (GDBusNodeInfo) node = NULL;

  if (!G_APPLICATION_CLASS (loadwise_reminders_app_parent_class)->dbus_register (application, connection,
                                                                                 object_path, error))
    return FALSE;
  node = g_dbus_node_info_new_for_xml (introspection_xml, error);
  if (node == NULL)
    return FALSE;
  self->registration = g_dbus_connection_register_object (connection, LOADWISE_REMINDERS_OBJECT_PATH,
                                                          node->interfaces[0], &vtable,
                                                          self, NULL, error);
  return self->registration != 0;
}

static void
loadwise_reminders_app_dbus_unregister (GApplication    *application,
                                        GDBusConnection *connection,
                                        const char      *object_path)
{
  LoadwiseRemindersApp *self = LOADWISE_REMINDERS_APP (application);

  if (self->registration != 0)
    g_dbus_connection_unregister_object (connection, self->registration);
  self->registration = 0;
  G_APPLICATION_CLASS (loadwise_reminders_app_parent_class)->dbus_unregister (application, connection,
                                                                              object_path);
}

static gboolean
on_terminate (gpointer user_data)
{
  g_debug ("Terminated by a signal");
  g_application_quit (user_data);
  return G_SOURCE_REMOVE;
}

static void
fail (LoadwiseRemindersApp *self,
      const GError         *error)
{
  g_printerr ("loadwise-reminders: %s\n", error->message);
  self->status = 1;
  g_application_quit (G_APPLICATION (self));
}

static void
loadwise_reminders_app_startup (GApplication *application)
{
  LoadwiseRemindersApp *self = LOADWISE_REMINDERS_APP (application);
  g_autoptr (LoadwiseDatabase) database = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *data_dir = NULL;
  g_autofree char *path = NULL;

  G_APPLICATION_CLASS (loadwise_reminders_app_parent_class)->startup (application);

  /* $LOADWISE_DATA_DIR, else the folder remembered when reminders were
   * turned on, else the default (core/loadwise-data-folder.h). */
  data_dir = loadwise_database_get_default_dir ();
  path = loadwise_database_build_path (data_dir);
  g_debug ("Reading %s", path);
  database = loadwise_database_open (path, &error);
  if (database == NULL)
    {
      fail (self, error);
      return;
    }

  self->notifier = loadwise_libnotify_notifier_new ();
  self->service = loadwise_reminder_service_new (database, self->notifier, NULL);
  /* The service closes it when the path comes to name another file (a
   * restore, a recovery): no other reference may keep the old one open. */
  g_clear_object (&database);
  if (!loadwise_reminder_service_start (self->service, &error))
    {
      fail (self, error);
      return;
    }

  /* The timer is the reason to run: no inactivity timeout ends it. */
  g_application_hold (application);
  g_unix_signal_add (SIGTERM, on_terminate, self);
  g_unix_signal_add (SIGINT, on_terminate, self);
}

static void
loadwise_reminders_app_shutdown (GApplication *application)
{
  LoadwiseRemindersApp *self = LOADWISE_REMINDERS_APP (application);

  g_clear_object (&self->service);
  g_clear_object (&self->notifier);
  notify_uninit ();

  G_APPLICATION_CLASS (loadwise_reminders_app_parent_class)->shutdown (application);
}

static void
loadwise_reminders_app_class_init (LoadwiseRemindersAppClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->startup = loadwise_reminders_app_startup;
  app_class->shutdown = loadwise_reminders_app_shutdown;
  app_class->dbus_register = loadwise_reminders_app_dbus_register;
  app_class->dbus_unregister = loadwise_reminders_app_dbus_unregister;
}

static void
loadwise_reminders_app_init (LoadwiseRemindersApp *self)
{
}

int
main (int    argc,
      char **argv)
{
  g_autoptr (LoadwiseRemindersApp) app = NULL;
  g_autoptr (GDBusConnection) bus = NULL;
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* GApplication fails a service whose name is taken; one per user, a
   * second start has nothing to do and says nothing. */
  bus = loadwise_reminders_get_session_bus ();
  if (bus != NULL && loadwise_reminders_is_running (bus))
    {
      g_debug ("%s already runs", LOADWISE_REMINDERS_BUS_NAME);
      return 0;
    }
  g_clear_object (&bus);

  app = g_object_new (LOADWISE_TYPE_REMINDERS_APP,
                      "application-id", LOADWISE_REMINDERS_BUS_NAME,
                      "flags", G_APPLICATION_IS_SERVICE,
                      NULL);
  g_application_set_option_context_summary (G_APPLICATION (app),
                                            _("Shows Loadwise’s session and check-in reminders. Turn it on or off "
                                              "in Loadwise’s Preferences."));
  status = g_application_run (G_APPLICATION (app), argc, argv);
  return status != 0 ? status : app->status;
}
