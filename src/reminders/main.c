/* main.c: loadwise-reminders, the background service that fires reminders
 *
 * One per user: it owns io.github.loadwise.Loadwise.Reminders on the
 * session bus, and a second start exits quietly. The name carries Quit
 * (Preferences calls it when reminders are turned off) and Reschedule
 * (look again now; the service also notices database changes by itself,
 * and follows the database's path when another file takes its place).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <locale.h>

#include <gio/gio.h>
#include <glib-unix.h>
#include <glib/gi18n.h>
#include <libnotify/notify.h>

#include "reminders/loadwise-libnotify-notifier.h"
#include "reminders/loadwise-reminder-service.h"
#include "store/loadwise-database.h"

static const char introspection_xml[] =
  "<node>"
  "  <interface name='" LOADWISE_REMINDERS_INTERFACE "'>"
  "    <method name='Quit'/>"
  "    <method name='Reschedule'/>"
  "  </interface>"
  "</node>";

typedef struct {
  GMainLoop               *loop;
  LoadwiseReminderService *service;
} ServiceData;

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
  ServiceData *data = user_data;

  if (g_str_equal (method_name, "Quit"))
    {
      g_dbus_method_invocation_return_value (invocation, NULL);
      g_main_loop_quit (data->loop);
      return;
    }
  /* "Look again now": for a caller that changed something and does not
   * want to wait for the file watch. */
  if (g_str_equal (method_name, "Reschedule"))
    {
      if (data->service != NULL)
        loadwise_reminder_service_reschedule (data->service);
      g_dbus_method_invocation_return_value (invocation, NULL);
      return;
    }
  g_dbus_method_invocation_return_error (invocation, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_METHOD,
                                         "No method %s", method_name);
}

static const GDBusInterfaceVTable vtable = { on_method_call, NULL, NULL, { 0 } };

static gboolean
on_terminate (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_REMOVE;
}

/* TRUE when this process now owns the name; FALSE when another does. */
static gboolean
own_name (GDBusConnection  *bus,
          GError          **error)
{
  g_autoptr (GVariant) reply = NULL;
  guint32 result = 0;

  /* DO_NOT_QUEUE (4): if the name is taken, give up at once. */
  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "RequestName",
                                       g_variant_new ("(su)", LOADWISE_REMINDERS_BUS_NAME, 4u),
                                       G_VARIANT_TYPE ("(u)"), G_DBUS_CALL_FLAGS_NONE,
                                       -1, NULL, error);
  if (reply == NULL)
    return FALSE;
  g_variant_get (reply, "(u)", &result);
  /* 1: primary owner; 4: already the owner. */
  return result == 1 || result == 4;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GDBusConnection) bus = NULL;
  g_autoptr (GDBusNodeInfo) node = NULL;
  g_autoptr (LoadwiseDatabase) database = NULL;
  g_autoptr (LoadwiseNotifier) notifier = NULL;
  g_autoptr (LoadwiseReminderService) service = NULL;
  g_autoptr (GMainLoop) loop = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *data_dir = NULL;
  g_autofree char *path = NULL;
  ServiceData data = { NULL, NULL };
  guint registration;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  context = g_option_context_new (NULL);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Shows Loadwise’s session and check-in reminders. Turn it on or off "
                                  "in Loadwise’s Preferences."));
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("loadwise-reminders: %s\n", error->message);
      return 2;
    }

  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  if (bus == NULL)
    {
      g_printerr ("loadwise-reminders: %s\n", error->message);
      return 1;
    }
  /* Registered before the name is taken, so that a caller who sees the
   * name finds the object. Calls are answered from the main loop: a reply
   * also says that the start-up look (and its catch-up) is done. */
  loop = g_main_loop_new (NULL, FALSE);
  data.loop = loop;
  node = g_dbus_node_info_new_for_xml (introspection_xml, &error);
  g_assert_no_error (error);
  registration = g_dbus_connection_register_object (bus, LOADWISE_REMINDERS_OBJECT_PATH,
                                                    node->interfaces[0], &vtable,
                                                    &data, NULL, &error);
  if (registration == 0)
    {
      g_printerr ("loadwise-reminders: %s\n", error->message);
      return 1;
    }

  if (!own_name (bus, &error))
    {
      if (error != NULL)
        {
          g_printerr ("loadwise-reminders: %s\n", error->message);
          return 1;
        }
      /* Already running: nothing to do. */
      return 0;
    }

  data_dir = loadwise_database_get_default_dir ();
  path = loadwise_database_build_path (data_dir);
  database = loadwise_database_open (path, &error);
  if (database == NULL)
    {
      g_printerr ("loadwise-reminders: %s\n", error->message);
      return 1;
    }

  notifier = loadwise_libnotify_notifier_new ();
  service = loadwise_reminder_service_new (database, notifier, NULL);
  /* The service closes it when the path comes to name another file (a
   * restore, a recovery): no other reference may keep the old one open. */
  g_clear_object (&database);
  if (!loadwise_reminder_service_start (service, &error))
    {
      g_printerr ("loadwise-reminders: %s\n", error->message);
      return 1;
    }

  data.service = service;

  g_unix_signal_add (SIGTERM, on_terminate, loop);
  g_unix_signal_add (SIGINT, on_terminate, loop);
  g_main_loop_run (loop);

  g_dbus_connection_unregister_object (bus, registration);
  g_clear_object (&service);
  g_clear_object (&notifier);
  notify_uninit ();
  return 0;
}
