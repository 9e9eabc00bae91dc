/* test-reminders-cli.c: `loadwise-cli reminders show|set|next`
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <sys/wait.h>

#include "loadwise-test-util.h"
#include "store/loadwise-database.h"

typedef struct {
  char *dir;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  fixture->dir = loadwise_test_make_tmpdir ();
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  loadwise_test_rm_rf (fixture->dir);
  g_free (fixture->dir);
}

/* Runs loadwise-cli with @args at the fixed local time @now; returns the
 * exit status. */
static int
run_cli (Fixture     *fixture,
         const char  *now,
         char       **out_stdout,
         char       **out_stderr,
         ...)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_auto (GStrv) envp = g_get_environ ();
  g_autoptr (GError) error = NULL;
  const char *arg;
  int wait_status = 0;
  va_list args;

  g_ptr_array_add (argv, (gpointer) g_getenv ("LOADWISE_CLI"));
  va_start (args, out_stderr);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  envp = g_environ_setenv (envp, "LOADWISE_DATA_DIR", fixture->dir, TRUE);
  envp = g_environ_setenv (envp, "LOADWISE_NOW", now, TRUE);
  /* --on and --off write the autostart entry and start or stop the
   * service: keep the entry in the fixture, start `true` instead, and hide
   * the session bus so no other test's service is asked to quit. */
  envp = g_environ_setenv (envp, "XDG_CONFIG_HOME", fixture->dir, TRUE);
  envp = g_environ_setenv (envp, "XDG_RUNTIME_DIR", fixture->dir, TRUE);
  envp = g_environ_unsetenv (envp, "DBUS_SESSION_BUS_ADDRESS");
  envp = g_environ_setenv (envp, "LOADWISE_REMINDERS_BIN", "true", TRUE);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                               out_stdout, out_stderr, &wait_status, &error));
  g_assert_no_error (error);
  return WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
}

static void
test_show_defaults (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_cli (fixture, "2026-06-01T07:00:00", &out, &err,
                            "reminders", "show", NULL), ==, 0);
  g_assert_cmpstr (out, ==,
                   "Reminders:      off\n"
                   "Session time:   18:00 (training days)\n"
                   "Check-in time:  08:00 (every day)\n"
                   "Snooze:         10 minutes\n");
}

static void
test_set_and_show_json (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_cli (fixture, "2026-06-01T07:00:00", &out, &err, "reminders", "set",
                            "--time", "17:30", "--checkin-time", "07:45",
                            "--snooze-minutes", "15", "--on", NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (fixture, "2026-06-01T07:00:00", &out, &err,
                            "reminders", "show", "--json", NULL), ==, 0);
  g_assert_cmpstr (out, ==,
                   "{\n"
                   "  \"enabled\" : true,\n"
                   "  \"time\" : \"17:30\",\n"
                   "  \"checkin_time\" : \"07:45\",\n"
                   "  \"snooze_minutes\" : 15\n"
                   "}\n");
}

/* --on and --off do what the switch in Preferences does: the setting and
 * the XDG autostart entry that starts the service with the session. */
static void
test_on_off_autostart (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *entry = g_build_filename (fixture->dir, "autostart",
                                             APP_ID ".Reminders.desktop", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *contents = NULL;

  g_assert_false (g_file_test (entry, G_FILE_TEST_EXISTS));
  g_assert_cmpint (run_cli (fixture, "2026-06-01T07:00:00", &out, &err,
                            "reminders", "set", "--on", NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_true (g_str_has_prefix (out, "Reminders:      on\n"));
  g_assert_true (g_file_get_contents (entry, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "Exec=loadwise-reminders"));

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (fixture, "2026-06-01T07:00:00", &out, &err,
                            "reminders", "set", "--off", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "Reminders:      off\n"));
  g_assert_false (g_file_test (entry, G_FILE_TEST_EXISTS));
}

/* A value that cannot be read (from a database written before settings
 * were checked) stops show, but set replaces it: the CLI can repair it. */
static void
test_set_repairs (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "loadwise.db", NULL);
  g_autoptr (LoadwiseDatabase) database = loadwise_database_open (path, NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_nonnull (database);
  g_assert_true (loadwise_database_set_setting (database, "reminders.enabled", "yes", NULL));
  g_assert_true (loadwise_database_set_setting (database, "reminders.snooze-minutes", "0", NULL));

  g_assert_cmpint (run_cli (fixture, "2026-06-01T07:00:00", &out, &err,
                            "reminders", "show", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "reminders.enabled is not valid: “yes”"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (fixture, "2026-06-01T07:00:00", &out, &err,
                            "reminders", "set", "--on", NULL), ==, 0);
  g_assert_cmpstr (err, ==,
                   "reminders.enabled held a value that could not be read; it is replaced.\n"
                   "reminders.snooze-minutes held a value that could not be read; it is replaced.\n");
  g_assert_cmpstr (out, ==,
                   "Reminders:      on\n"
                   "Session time:   18:00 (training days)\n"
                   "Check-in time:  08:00 (every day)\n"
                   "Snooze:         10 minutes\n");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (fixture, "2026-06-01T07:00:00", &out, &err,
                            "reminders", "show", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "Reminders:      on\n"));
}

static void
test_set_bad_input (Fixture       *fixture,
                    gconstpointer  data)
{
  const struct {
    const char *option;
    const char *value;
    const char *message;
  } cases[] = {
    { "--time", "24:00", "loadwise-cli: --time: 24:00 is outside 00:00-23:59\n" },
    { "--snooze-minutes", "0", "loadwise-cli: --snooze-minutes: 0 is outside 1-240\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      g_assert_cmpint (run_cli (fixture, "2026-06-01T07:00:00", &out, &err, "reminders", "set",
                                cases[i].option, cases[i].value, NULL), ==, 2);
      g_assert_cmpstr (err, ==, cases[i].message);
    }

  {
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;

    g_assert_cmpint (run_cli (fixture, "2026-06-01T07:00:00", &out, &err, "reminders", "set",
                              "--on", "--off", NULL), ==, 2);
    g_assert_cmpstr (err, ==, "loadwise-cli: --on and --off cannot be combined\n");
  }
}

static void
test_next (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_cli (fixture, "2026-06-01T07:00:00", &out, &err,
                            "reminders", "next", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "Reminders are off (turn them on with 'loadwise-cli reminders set --on').\n");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Monday 1 June 2026: Monday, Wednesday and Friday. */
  g_assert_cmpint (run_cli (fixture, "2026-06-01T07:00:00", &out, &err, "programme", "start",
                            "--date", "2026-06-01", "--days", "mon,wed,fri", NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (fixture, "2026-06-01T07:00:00", &out, &err, "reminders", "set",
                            "--on", "--time", "06:30", NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (fixture, "2026-06-01T07:00:00", &out, &err,
                            "reminders", "next", NULL), ==, 0);
  /* 06:30 has passed: missed, due now; the check-in comes with it. */
  g_assert_true (g_str_has_prefix (out,
                                   "2026-06-01 07:00  check-in (missed, due now)\n"
                                   "2026-06-01 07:00  session (missed, due now)\n"
                                   "2026-06-02 08:00  check-in\n"
                                   "2026-06-03 06:30  check-in\n"
                                   "2026-06-03 06:30  session\n"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (fixture, "2026-06-01T07:00:00", &out, &err,
                            "reminders", "next", "--json", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "\"kind\" : \"session\",\n"
                                 "    \"date\" : \"2026-06-03\",\n"
                                 "    \"due\" : \"2026-06-03T06:30:00+02:00\",\n"
                                 "    \"catch_up\" : false,\n"
                                 "    \"snoozed\" : false\n"));
}

static void
test_usage (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_cli (fixture, "2026-06-01T07:00:00", &out, &err,
                            "reminders", "sometimes", NULL), ==, 2);
  g_assert_cmpstr (err, ==, "loadwise-cli: reminders: sometimes is not one of show, set, next\n");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/reminders-cli/on-off-autostart", Fixture, NULL, fixture_setup,
              test_on_off_autostart, fixture_teardown);
  g_test_add ("/reminders-cli/show-defaults", Fixture, NULL,
              fixture_setup, test_show_defaults, fixture_teardown);
  g_test_add ("/reminders-cli/set-and-show-json", Fixture, NULL,
              fixture_setup, test_set_and_show_json, fixture_teardown);
  g_test_add ("/reminders-cli/set-repairs", Fixture, NULL,
              fixture_setup, test_set_repairs, fixture_teardown);
  g_test_add ("/reminders-cli/set-bad-input", Fixture, NULL,
              fixture_setup, test_set_bad_input, fixture_teardown);
  g_test_add ("/reminders-cli/next", Fixture, NULL,
              fixture_setup, test_next, fixture_teardown);
  g_test_add ("/reminders-cli/usage", Fixture, NULL,
              fixture_setup, test_usage, fixture_teardown);

  return g_test_run ();
}
