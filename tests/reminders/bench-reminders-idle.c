/* bench-reminders-idle.c: what the idle reminder service costs
 *
 * Starts the real loadwise-reminders on a private bus with a database
 * where nothing is due until tomorrow, waits until it has answered a call
 * (start-up done), then over 30 idle seconds (LOADWISE_BENCH_IDLE_S to
 * change) measures:
 * - rss_kib: VmRSS from /proc/PID/status at the end;
 * - wakeups_30s: context switches of all its threads, the sum of
 *   voluntary_ctxt_switches and nonvoluntary_ctxt_switches in each
 *   /proc/PID/task/TID/status, end minus start (a thread that started in
 *   between counts all of its switches, one that ended counts one). A
 *   thread blocked in poll() adds nothing; every timer or event it wakes
 *   for adds at least one.
 * Prints one line: "reminders-idle rss_kib=N wakeups_30s=N threads=N".
 * Goals (DESIGN.md): under 10 MiB and 0 wakeups.
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "core/loadwise-types.h"
#include "loadwise-test-util.h"
#include "reminders-test-util.h"
#include "reminders/loadwise-reminder-service.h"

/* The number after "@field:" in a /proc status file, or -1. */
static gint64
status_field (const char *path,
              const char *field)
{
  g_autofree char *contents = NULL;
  g_auto (GStrv) lines = NULL;
  gsize field_len = strlen (field);

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return -1;
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (strncmp (lines[i], field, field_len) == 0 && lines[i][field_len] == ':')
      return g_ascii_strtoll (lines[i] + field_len + 1, NULL, 10);
  return -1;
}

/* TID -> its context switches so far (voluntary + nonvoluntary). */
static GHashTable *
count_switches (const char *pid)
{
  g_autofree char *task_dir = g_build_filename ("/proc", pid, "task", NULL);
  g_autoptr (GDir) dir = g_dir_open (task_dir, 0, NULL);
  GHashTable *counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *tid;

  g_assert_nonnull (dir);
  while ((tid = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (task_dir, tid, "status", NULL);
      gint64 n = status_field (path, "voluntary_ctxt_switches") +
                 status_field (path, "nonvoluntary_ctxt_switches");

      g_hash_table_insert (counts, g_strdup (tid), GSIZE_TO_POINTER ((gsize) n));
    }
  return counts;
}

/* Switches between the two samples: the growth of threads in both, all of
 * a thread that started in between, and at least one for a thread that
 * ended (it woke up to end). */
static gint64
count_wakeups (GHashTable *before,
               GHashTable *after)
{
  GHashTableIter iter;
  gpointer key, value;
  gint64 total = 0;

  g_hash_table_iter_init (&iter, after);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      gpointer old = NULL;

      if (g_hash_table_lookup_extended (before, key, NULL, &old))
        total += (gint64) GPOINTER_TO_SIZE (value) - (gint64) GPOINTER_TO_SIZE (old);
      else
        total += (gint64) GPOINTER_TO_SIZE (value);
    }
  g_hash_table_iter_init (&iter, before);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (after, key))
      total++;
  return total;
}

static void
on_name_appeared (GDBusConnection *connection,
                  const char      *name,
                  const char      *owner,
                  gpointer         user_data)
{
  *(gboolean *) user_data = TRUE;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr (GTestDBus) bus = NULL;
  g_autoptr (GDBusConnection) connection = NULL;
  g_autoptr (GSubprocessLauncher) launcher = NULL;
  g_autoptr (GSubprocess) service = NULL;
  g_autoptr (LoadwiseDatabase) db = NULL;
  g_autoptr (GVariant) reply = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = loadwise_test_make_tmpdir ();
  g_autofree char *path = loadwise_database_build_path (dir);
  g_autofree char *status_path = NULL;
  const char *idle_text = g_getenv ("LOADWISE_BENCH_IDLE_S");
  guint idle_s = idle_text != NULL ? (guint) atoi (idle_text) : 30;
  LoadwiseCheckin checkin = { .morning_pain = 1 };
  gboolean appeared = FALSE;
  const char *pid;
  g_autoptr (GHashTable) before = NULL;
  g_autoptr (GHashTable) after = NULL;
  gint64 rss, wakeups;
  GDate today, start;
  guint watch;

  g_set_prgname ("bench-reminders-idle");
  bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (bus);

  /* Everything today is done: the next reminder is tomorrow's. */
  db = loadwise_database_open (path, &error);
  g_assert_no_error (error);
  reminders_test_local_now (&today, NULL);
  start = today;
  g_date_subtract_days (&start, 3);
  reminders_test_start_programme (db, &start, &today);
  reminders_test_set_times (db, 12 * 3600, 8 * 3600);
  checkin.date = today;
  g_assert_true (loadwise_database_save_checkin (db, &checkin, &error));
  g_assert_true (loadwise_database_set_session_status (db, &today, LOADWISE_SESSION_STATUS_DONE,
                                                       NULL, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&db);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  g_subprocess_launcher_setenv (launcher, "LOADWISE_DATA_DIR", dir, TRUE);
  /* The service as it runs for a user, without the tests' debug settings. */
  g_subprocess_launcher_unsetenv (launcher, "G_DEBUG");
  g_subprocess_launcher_unsetenv (launcher, "MALLOC_CHECK_");
  service = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("LOADWISE_REMINDERS_BIN"), NULL);
  g_assert_no_error (error);
  pid = g_subprocess_get_identifier (service);

  connection = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
  watch = g_bus_watch_name_on_connection (connection, LOADWISE_REMINDERS_BUS_NAME,
                                          G_BUS_NAME_WATCHER_FLAGS_NONE, on_name_appeared, NULL,
                                          &appeared, NULL);
  while (!appeared)
    g_main_context_iteration (NULL, TRUE);
  g_bus_unwatch_name (watch);
  reply = g_dbus_connection_call_sync (connection, LOADWISE_REMINDERS_BUS_NAME,
                                       LOADWISE_REMINDERS_OBJECT_PATH, LOADWISE_REMINDERS_INTERFACE,
                                       "Reschedule", NULL, NULL, G_DBUS_CALL_FLAGS_NO_AUTO_START,
                                       20000, NULL, &error);
  g_assert_no_error (error);

  /* Let the last replies and the file watch's first events settle. */
  g_usleep (2 * G_USEC_PER_SEC);
  before = count_switches (pid);
  g_usleep ((gulong) idle_s * G_USEC_PER_SEC);
  after = count_switches (pid);
  wakeups = count_wakeups (before, after);
  status_path = g_build_filename ("/proc", pid, "status", NULL);
  rss = status_field (status_path, "VmRSS");

  g_print ("# method: VmRSS from /proc/PID/status; wakeups = voluntary + nonvoluntary "
           "context switches of every thread over %u idle seconds\n", idle_s);
  g_print ("reminders-idle rss_kib=%" G_GINT64_FORMAT " wakeups_30s=%" G_GINT64_FORMAT
           " threads=%u\n", rss, wakeups, g_hash_table_size (after));
  g_print ("# goals: rss under 10240 KiB: %s; no wakeups: %s\n",
           rss < 10240 ? "met" : "NOT met", wakeups == 0 ? "met" : "NOT met");

  g_subprocess_send_signal (service, SIGTERM);
  g_subprocess_wait (service, NULL, NULL);
  g_clear_object (&connection);
  g_test_dbus_down (bus);
  loadwise_test_rm_rf (dir);
  return 0;
}
