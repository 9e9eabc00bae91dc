/* test-speech.c: a spoken cue reaches a real speech-dispatcher (issue 15)
 *
 * A speech-dispatcher of the test's own, on a socket in a temporary
 * folder, with its dummy output module and libao's null driver (no sound
 * card needed), logs each message it queues; the cue's phrase must be
 * there. Skipped, saying why, when speech-dispatcher cannot start.
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <gio/gio.h>

#include "loadwise-test-util.h"
#include "ui/loadwise-cues.h"

static gboolean
log_has (const char *log,
         const char *text)
{
  g_autofree char *contents = NULL;

  return g_file_get_contents (log, &contents, NULL, NULL) && strstr (contents, text) != NULL;
}

/* Polls @log for @text for up to 10 s (a safety net, not a measurement). */
static gboolean
wait_for_log (const char *log,
              const char *text)
{
  for (guint i = 0; i < 100; i++)
    {
      if (log_has (log, text))
        return TRUE;
      g_usleep (G_USEC_PER_SEC / 10);
    }
  return FALSE;
}

static void
test_phrase_arrives (void)
{
  g_autofree char *dir = loadwise_test_make_tmpdir ();
  g_autofree char *conf = g_build_filename (dir, "conf", NULL);
  g_autofree char *logs = g_build_filename (dir, "log", NULL);
  g_autofree char *home = g_build_filename (dir, "home", NULL);
  g_autofree char *socket = g_build_filename (dir, "speechd.sock", NULL);
  g_autofree char *config = g_build_filename (conf, "speechd.conf", NULL);
  g_autofree char *libao = g_build_filename (home, ".libao", NULL);
  g_autofree char *log = g_build_filename (logs, "speech-dispatcher.log", NULL);
  g_autofree char *address = g_strdup_printf ("unix_socket:%s", socket);
  g_autofree char *program = g_find_program_in_path ("speech-dispatcher");
  g_autoptr (GSubprocessLauncher) launcher = NULL;
  g_autoptr (GSubprocess) daemon = NULL;
  g_autoptr (GSettings) settings = NULL;
  g_autoptr (LoadwiseCues) cues = NULL;
  g_autoptr (GError) error = NULL;

  if (program == NULL)
    {
      g_test_skip ("speech-dispatcher is not installed");
      return;
    }
  g_assert_cmpint (g_mkdir_with_parents (conf, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (logs, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (home, 0700), ==, 0);
  g_assert_true (g_file_set_contents (config,
                                      "LogLevel 5\n"
                                      "AudioOutputMethod \"libao\"\n"
                                      "AddModule \"dummy\" \"sd_dummy\" \"\"\n"
                                      "DefaultModule dummy\n", -1, &error));
  g_assert_true (g_file_set_contents (libao, "default_driver=null\n", -1, &error));

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_subprocess_launcher_setenv (launcher, "HOME", home, TRUE);
  daemon = g_subprocess_launcher_spawn (launcher, &error, program, "-s", "-l", "5", "-L", logs, "-C", conf,
                                        "-c", "unix_socket", "-S", socket, "-t", "30", NULL);
  g_assert_no_error (error);
  if (!wait_for_log (log, "waiting for clients"))
    {
      g_subprocess_force_exit (daemon);
      g_test_skip ("speech-dispatcher did not start (see its log in the test's folder)");
      loadwise_test_rm_rf (dir);
      return;
    }

  g_setenv ("SPEECHD_ADDRESS", address, TRUE);
  settings = g_settings_new (APP_ID);
  cues = loadwise_gsound_cues_new (settings);

  /* Off (the default): nothing is said. */
  g_settings_reset (settings, "spoken-cues");
  loadwise_cues_say (cues, "Switch to the left side. Set 2 of 3. 8 reps");

  g_settings_set_boolean (settings, "spoken-cues", TRUE);
  loadwise_cues_say (cues, "Left side. Set 1 of 3. 8 reps");
  g_assert_true (wait_for_log (log, "Queueing message |Left side. Set 1 of 3. 8 reps|"));
  g_assert_false (log_has (log, "Switch to the left side"));

  g_settings_reset (settings, "spoken-cues");
  g_clear_object (&cues);
  g_unsetenv ("SPEECHD_ADDRESS");
  g_subprocess_force_exit (daemon);
  g_subprocess_wait (daemon, NULL, NULL);
  loadwise_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/speech/phrase-arrives", test_phrase_arrives);
  return g_test_run ();
}
