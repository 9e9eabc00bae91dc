/* test-import-folder.c: the import folder (issue 14). New track files there
 * are announced once, after a burst settles; the app turns that into one
 * notification, sent through GApplication to a fake org.gtk.Notifications
 * on a private bus, whose default action opens the preview of those files
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib/gstdio.h>

#include <adwaita.h>

#include "loadwise-test-util.h"
#include "ui-test-util.h"
#include "ui/loadwise-application.h"
#include "ui/loadwise-import-dialog.h"
#include "ui/loadwise-import-watcher.h"

/* Short for the tests; the app's is LOADWISE_IMPORT_WATCHER_SETTLE_MS. */
#define SETTLE_MS 300
/* A bound on waiting, never what a test measures. */
#define WAIT_BOUND_MS 30000

static GTestDBus *test_bus;

/* Watcher */

typedef struct {
  GPtrArray *batches;  /* GStrv, one per "new-runs" */
} Announcements;

static void
on_new_runs (LoadwiseImportWatcher *watcher,
             char                 **paths,
             Announcements         *seen)
{
  g_ptr_array_add (seen->batches, g_strdupv (paths));
}

static gboolean
watcher_idle (gpointer data)
{
  return !loadwise_import_watcher_is_busy (LOADWISE_IMPORT_WATCHER (data));
}

static gboolean
has_batches (gpointer data)
{
  return ((Announcements *) data)->batches->len > 0;
}

/* Iterates the main loop for @ms: for "nothing more happens". */
static void
run_for (guint ms)
{
  g_autoptr (GMainLoop) loop = g_main_loop_new (NULL, FALSE);

  g_timeout_add_once (ms, (GSourceOnceFunc) g_main_loop_quit, loop);
  g_main_loop_run (loop);
}

static char *
make_folder (UiFixture *fixture)
{
  char *folder = g_build_filename (fixture->dir, "watch", NULL);

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  return folder;
}

/* Writes @text to @path in two halves, @pause_ms apart, as a slow copy or
 * a sync client does. */
static void
write_in_pieces (const char *path,
                 const char *text,
                 guint       pause_ms)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GFileOutputStream) stream = NULL;
  g_autoptr (GError) error = NULL;
  gsize half = strlen (text) / 2;

  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_write_all (G_OUTPUT_STREAM (stream), text, half, NULL, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_flush (G_OUTPUT_STREAM (stream), NULL, &error);
  g_assert_no_error (error);
  run_for (pause_ms);
  g_output_stream_write_all (G_OUTPUT_STREAM (stream), text + half, strlen (text) - half, NULL, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, &error);
  g_assert_no_error (error);
}

static void
test_watcher (UiFixture     *fixture,
              gconstpointer  data)
{
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *folder = make_folder (fixture);
  g_autofree char *first = g_build_filename (folder, "Morning Run.GPX", NULL);
  g_autofree char *second = g_build_filename (folder, "lunch.gpx", NULL);
  g_autofree char *gpx_first = ui_test_make_gpx ("2026-11-23T07:30:00Z", 5000);
  g_autofree char *gpx_second = ui_test_make_gpx ("2026-11-24T12:00:00Z", 6000);
  g_autofree char *other = g_build_filename (folder, "notes.txt", NULL);
  g_autoptr (GError) error = NULL;
  Announcements seen = { g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev) };
  LoadwiseImportWatcher *watcher;
  char **batch;

  /* Nothing to watch until the key is set. */
  watcher = loadwise_import_watcher_new (fixture->context, settings, SETTLE_MS);
  g_signal_connect (watcher, "new-runs", G_CALLBACK (on_new_runs), &seen);
  g_assert_null (loadwise_import_watcher_get_folder (watcher));
  g_settings_set_string (settings, "import-folder", folder);
  g_assert_nonnull (loadwise_import_watcher_get_folder (watcher));
  /* The start-up listing of an empty folder finds nothing. */
  g_assert_true (ui_test_wait_until (watcher_idle, watcher, WAIT_BOUND_MS));
  g_assert_cmpuint (seen.batches->len, ==, 0);

  /* Two runs arrive in a burst, one written in pieces, with a file that is
   * no track: one announcement of both, once each is whole. */
  write_in_pieces (first, gpx_first, SETTLE_MS / 3);
  g_file_set_contents (second, gpx_second, -1, &error);
  g_assert_no_error (error);
  g_file_set_contents (other, "not a run", -1, &error);
  g_assert_no_error (error);
  g_assert_true (ui_test_wait_until (has_batches, &seen, WAIT_BOUND_MS));
  g_assert_true (ui_test_wait_until (watcher_idle, watcher, WAIT_BOUND_MS));
  run_for (SETTLE_MS * 2);
  g_assert_cmpuint (seen.batches->len, ==, 1);
  batch = g_ptr_array_index (seen.batches, 0);
  g_assert_cmpuint (g_strv_length (batch), ==, 2);
  g_assert_true (g_strv_contains ((const char *const *) batch, first));
  g_assert_true (g_strv_contains ((const char *const *) batch, second));

  /* The same file written again: not announced twice. */
  g_file_set_contents (second, gpx_second, -1, &error);
  g_assert_no_error (error);
  run_for (SETTLE_MS / 2);
  g_assert_true (ui_test_wait_until (watcher_idle, watcher, WAIT_BOUND_MS));
  run_for (SETTLE_MS * 2);
  g_assert_cmpuint (seen.batches->len, ==, 1);

  /* The key cleared: the folder is no longer followed. */
  g_settings_set_string (settings, "import-folder", "");
  g_assert_null (loadwise_import_watcher_get_folder (watcher));
  g_settings_reset (settings, "import-folder");

  g_assert_finalize_object (watcher);
  g_ptr_array_unref (seen.batches);
}

/* A run already imported is not announced: the start-up listing reads
 * what is there, and only what would be new counts. */
static void
test_watcher_skips_imported (UiFixture     *fixture,
                             gconstpointer  data)
{
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *folder = make_folder (fixture);
  g_autofree char *old = ui_test_write_gpx (folder, "old.gpx", "2026-11-20T07:30:00Z", 5000);
  g_autofree char *fresh = ui_test_write_gpx (folder, "fresh.gpx", "2026-11-24T07:30:00Z", 7000);
  g_autoptr (GFile) old_file = g_file_new_for_path (old);
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GError) error = NULL;
  Announcements seen = { g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev) };
  LoadwiseImportWatcher *watcher;
  g_autoptr (GTimeZone) tz = g_time_zone_new_identifier ("Europe/Berlin");

  /* old.gpx is imported already. */
  items = loadwise_run_import_prepare (fixture->database, &old_file, 1, tz, NULL, &error);
  g_assert_no_error (error);
  ((LoadwiseRunImportItem *) g_ptr_array_index (items, 0))->run->pain_during = 2;
  g_assert_true (loadwise_run_import_commit (fixture->database, items, NULL, &error));
  g_assert_no_error (error);

  g_settings_set_string (settings, "import-folder", folder);
  watcher = loadwise_import_watcher_new (fixture->context, settings, SETTLE_MS);
  g_signal_connect (watcher, "new-runs", G_CALLBACK (on_new_runs), &seen);
  g_assert_true (ui_test_wait_until (has_batches, &seen, WAIT_BOUND_MS));
  g_assert_true (ui_test_wait_until (watcher_idle, watcher, WAIT_BOUND_MS));
  g_assert_cmpuint (seen.batches->len, ==, 1);
  g_assert_cmpuint (g_strv_length (g_ptr_array_index (seen.batches, 0)), ==, 1);
  g_assert_cmpstr (((char **) g_ptr_array_index (seen.batches, 0))[0], ==, fresh);

  g_settings_reset (settings, "import-folder");
  g_assert_finalize_object (watcher);
  g_ptr_array_unref (seen.batches);
}

/* The app and a fake notification server */

typedef struct {
  GDBusConnection *connection;
  guint            owner_id;
  guint            object_id;
  gboolean         owned;
  GPtrArray       *calls;   /* GVariant (ssa{sv}) of each AddNotification */
} FakeServer;

static const char fake_server_xml[] =
  "<node>"
  "  <interface name='org.gtk.Notifications'>"
  "    <method name='AddNotification'>"
  "      <arg type='s' name='app_id' direction='in'/>"
  "      <arg type='s' name='id' direction='in'/>"
  "      <arg type='a{sv}' name='notification' direction='in'/>"
  "    </method>"
  "    <method name='RemoveNotification'>"
  "      <arg type='s' name='app_id' direction='in'/>"
  "      <arg type='s' name='id' direction='in'/>"
  "    </method>"
  "  </interface>"
  "</node>";

static void
on_fake_method_call (GDBusConnection       *connection,
                     const char            *sender,
                     const char            *object_path,
                     const char            *interface_name,
                     const char            *method_name,
                     GVariant              *parameters,
                     GDBusMethodInvocation *invocation,
                     gpointer               user_data)
{
  FakeServer *server = user_data;

  if (g_str_equal (method_name, "AddNotification"))
    g_ptr_array_add (server->calls, g_variant_ref (parameters));
  g_dbus_method_invocation_return_value (invocation, NULL);
}

static void
on_fake_name_acquired (GDBusConnection *connection,
                       const char      *name,
                       gpointer         user_data)
{
  ((FakeServer *) user_data)->owned = TRUE;
}

static gboolean
fake_owned (gpointer data)
{
  return ((FakeServer *) data)->owned;
}

static void
fake_server_start (FakeServer *server)
{
  static const GDBusInterfaceVTable vtable = { on_fake_method_call };
  g_autoptr (GDBusNodeInfo) info = g_dbus_node_info_new_for_xml (fake_server_xml, NULL);
  g_autoptr (GError) error = NULL;

  server->calls = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
  server->connection = g_dbus_connection_new_for_address_sync (g_test_dbus_get_bus_address (test_bus),
                                                               G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                               G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                               NULL, NULL, &error);
  g_assert_no_error (error);
  server->object_id = g_dbus_connection_register_object (server->connection, "/org/gtk/Notifications",
                                                         info->interfaces[0], &vtable, server, NULL, &error);
  g_assert_no_error (error);
  server->owner_id = g_bus_own_name_on_connection (server->connection, "org.gtk.Notifications",
                                                   G_BUS_NAME_OWNER_FLAGS_NONE,
                                                   on_fake_name_acquired, NULL, server, NULL);
  g_assert_true (ui_test_wait_until (fake_owned, server, WAIT_BOUND_MS));
}

static void
fake_server_stop (FakeServer *server)
{
  g_bus_unown_name (server->owner_id);
  g_dbus_connection_unregister_object (server->connection, server->object_id);
  g_dbus_connection_close_sync (server->connection, NULL, NULL);
  g_clear_object (&server->connection);
  g_ptr_array_unref (server->calls);
}

static gboolean
notified (gpointer data)
{
  return ((FakeServer *) data)->calls->len > 0;
}

static LoadwiseImportDialog *
find_preview (void)
{
  GList *toplevels = gtk_window_list_toplevels ();
  LoadwiseImportDialog *found = NULL;

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (LOADWISE_IS_IMPORT_DIALOG (l->data))
      found = l->data;
  g_list_free (toplevels);
  return found;
}

static gboolean
preview_ready (gpointer data)
{
  LoadwiseImportDialog *dialog = find_preview ();

  return dialog != NULL && !loadwise_import_dialog_is_loading (dialog);
}

static void
test_app_notifies (void)
{
  g_autofree char *dir = loadwise_test_make_tmpdir ();
  g_autofree char *folder = g_build_filename (dir, "watch", NULL);
  g_autofree char *run = NULL;
  g_autofree char *gpx = ui_test_make_gpx ("2026-11-24T07:30:00Z", 8000);
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  g_autoptr (GTimeZone) zone = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr (GDateTime) now = g_date_time_new (zone, 2026, 11, 25, 9, 0, 0);
  g_autoptr (LoadwiseClock) clock = loadwise_clock_new_fixed (now);
  g_autoptr (LoadwiseApplication) app = NULL;
  g_autoptr (GVariant) dict = NULL;
  g_autoptr (GVariant) target = NULL;
  g_autofree const char **paths = NULL;
  g_autoptr (GError) error = NULL;
  FakeServer server = { 0 };
  const char *app_id, *id, *title = NULL, *action = NULL;
  LoadwiseImportDialog *preview;
  GList *toplevels;

  fake_server_start (&server);
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_setenv ("LOADWISE_DATA_DIR", dir, TRUE);
  g_settings_set_string (settings, "import-folder", folder);

  app = loadwise_application_new (clock);
  g_application_set_application_id (G_APPLICATION (app), APP_ID ".TestImport");
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  ui_test_flush ();

  /* A file arrives: one notification, with the count, whose default
   * action is the preview of that file. */
  run = ui_test_write_gpx (folder, "watch-export.gpx", "2026-11-24T07:30:00Z", 8000);
  g_assert_true (ui_test_wait_until (notified, &server, WAIT_BOUND_MS));
  run_for (LOADWISE_IMPORT_WATCHER_SETTLE_MS + 500);
  g_assert_cmpuint (server.calls->len, ==, 1);
  g_variant_get (g_ptr_array_index (server.calls, 0), "(&s&s@a{sv})", &app_id, &id, &dict);
  g_assert_cmpstr (app_id, ==, APP_ID ".TestImport");
  g_assert_true (g_variant_lookup (dict, "title", "&s", &title));
  g_assert_cmpstr (title, ==, "1 new run to review");
  g_assert_true (g_variant_lookup (dict, "default-action", "&s", &action));
  g_assert_cmpstr (action, ==, "app.import-runs");
  target = g_variant_lookup_value (dict, "default-action-target", G_VARIANT_TYPE_STRING_ARRAY);
  g_assert_nonnull (target);
  paths = g_variant_get_strv (target, NULL);
  g_assert_cmpuint (g_strv_length ((char **) paths), ==, 1);
  g_assert_cmpstr (paths[0], ==, run);

  /* Written again: no second notification for the same file. */
  g_file_set_contents (run, gpx, -1, &error);
  g_assert_no_error (error);
  run_for (LOADWISE_IMPORT_WATCHER_SETTLE_MS * 2 + 1000);
  g_assert_cmpuint (server.calls->len, ==, 1);

  /* The default action opens the preview of that file. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "import-runs", target);
  g_assert_true (ui_test_wait_until (preview_ready, NULL, WAIT_BOUND_MS));
  preview = find_preview ();
  g_assert_cmpuint (loadwise_import_dialog_get_items (preview)->len, ==, 1);
  g_assert_cmpint (((LoadwiseRunImportItem *) g_ptr_array_index (loadwise_import_dialog_get_items (preview), 0))->status,
                   ==, LOADWISE_RUN_IMPORT_NEW);

  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    gtk_window_destroy (GTK_WINDOW (l->data));
  g_list_free (toplevels);
  ui_test_flush ();
  g_settings_reset (settings, "import-folder");
  fake_server_stop (&server);
  loadwise_test_rm_rf (dir);
  g_unsetenv ("LOADWISE_DATA_DIR");
}

int
main (int   argc,
      char *argv[])
{

  g_autofree char *display = g_strdup (g_getenv ("DISPLAY"));
  int result;

  /* The private session bus first, before anything connects to one; it
   * unsets DISPLAY (against D-Bus autolaunch), which the widgets need. */
  test_bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (test_bus);
  if (display != NULL)
    g_setenv ("DISPLAY", display, TRUE);

  if (!ui_test_init (&argc, &argv))
    {
      ui_test_add_skip ("/import-folder/skipped");
      result = g_test_run ();
    }
  else
    {
      g_test_add ("/import-folder/watcher", UiFixture, NULL, ui_fixture_setup, test_watcher, ui_fixture_teardown);
      g_test_add ("/import-folder/skips-imported", UiFixture, NULL, ui_fixture_setup,
                  test_watcher_skips_imported, ui_fixture_teardown);
      g_test_add_func ("/import-folder/app-notifies", test_app_notifies);
      result = g_test_run ();
    }

  /* Not g_test_dbus_down (), nor the last unref that calls it: a
   * registered application keeps its connection to the bus for the life
   * of the process, which it would wait 30 s for. */
  g_test_dbus_stop (test_bus);
  return result;
}
