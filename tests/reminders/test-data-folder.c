/* test-data-folder.c: the one data-folder lookup the three programs share
 *
 * $LOADWISE_DATA_DIR, else the folder remembered in data-folder.ini, else
 * $XDG_DATA_HOME's; and turning reminders on for a folder remembers it, so
 * that a service the session starts (without that environment) reads the
 * same database.
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>

#include "core/loadwise-data-folder.h"
#include "loadwise-test-util.h"
#include "reminders/loadwise-reminders-control.h"
#include "store/loadwise-database.h"

static char *config_dir;
static char *data_home;

static void
forget (void)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (loadwise_data_folder_remember (NULL, &error));
  g_assert_no_error (error);
}

static void
test_order (void)
{
  g_autofree char *fallback = g_build_filename (data_home, LOADWISE_DATA_FOLDER, NULL);
  g_autofree char *ini = loadwise_data_folder_get_config_path ();
  g_autofree char *expected_ini = g_build_filename (config_dir, LOADWISE_DATA_FOLDER,
                                                    "data-folder.ini", NULL);
  g_autofree char *got = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_cmpstr (ini, ==, expected_ini);
  g_unsetenv ("LOADWISE_DATA_DIR");
  forget ();

  got = loadwise_data_folder_get ();
  g_assert_cmpstr (got, ==, fallback);
  g_clear_pointer (&got, g_free);

  g_assert_true (loadwise_data_folder_remember ("/srv/runner/diary", &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (ini, G_FILE_TEST_IS_REGULAR));
  got = loadwise_data_folder_get ();
  g_assert_cmpstr (got, ==, "/srv/runner/diary");
  g_clear_pointer (&got, g_free);
  /* The store's lookup is this one. */
  got = loadwise_database_get_default_dir ();
  g_assert_cmpstr (got, ==, "/srv/runner/diary");
  g_clear_pointer (&got, g_free);

  /* The environment wins over the file; empty is unset. */
  g_setenv ("LOADWISE_DATA_DIR", "/tmp/elsewhere", TRUE);
  got = loadwise_data_folder_get ();
  g_assert_cmpstr (got, ==, "/tmp/elsewhere");
  g_clear_pointer (&got, g_free);
  got = loadwise_data_folder_get_remembered ();
  g_assert_cmpstr (got, ==, "/srv/runner/diary");
  g_clear_pointer (&got, g_free);
  g_setenv ("LOADWISE_DATA_DIR", "", TRUE);
  got = loadwise_data_folder_get ();
  g_assert_cmpstr (got, ==, "/srv/runner/diary");
  g_clear_pointer (&got, g_free);
  g_unsetenv ("LOADWISE_DATA_DIR");

  /* Remembering the default forgets: no file at all. */
  g_assert_true (loadwise_data_folder_remember (fallback, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (ini, G_FILE_TEST_EXISTS));
}

/* A relative or broken entry is no choice: the default, not a guess. */
static void
test_bad_file (void)
{
  g_autofree char *fallback = g_build_filename (data_home, LOADWISE_DATA_FOLDER, NULL);
  g_autofree char *ini = loadwise_data_folder_get_config_path ();
  g_autofree char *parent = g_path_get_dirname (ini);
  g_autofree char *got = NULL;
  g_autoptr (GError) error = NULL;

  g_unsetenv ("LOADWISE_DATA_DIR");
  g_assert_cmpint (g_mkdir_with_parents (parent, 0700), ==, 0);
  g_assert_true (g_file_set_contents (ini, "[Data]\nFolder=relative/dir\n", -1, &error));
  got = loadwise_data_folder_get ();
  g_assert_cmpstr (got, ==, fallback);
  g_clear_pointer (&got, g_free);
  g_assert_true (g_file_set_contents (ini, "not a key file", -1, &error));
  got = loadwise_data_folder_get ();
  g_assert_cmpstr (got, ==, fallback);
  forget ();
}

/* `LOADWISE_DATA_DIR=X loadwise` or `loadwise-cli --data-dir X reminders
 * set --on`: the service the session starts later has neither, and finds
 * X through the file. */
static void
test_enabling_remembers (void)
{
  g_autofree char *dir = loadwise_test_make_tmpdir ();
  g_autofree char *path = loadwise_database_build_path (dir);
  g_autoptr (LoadwiseDatabase) db = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *got = NULL;

  forget ();
  g_setenv ("LOADWISE_DATA_DIR", dir, TRUE);
  db = loadwise_database_open (path, &error);
  g_assert_no_error (error);
  /* No bus: the autostart file, and a launch that fails harmlessly. */
  g_setenv ("LOADWISE_REMINDERS_BIN", "/bin/true", TRUE);
  g_assert_true (loadwise_reminders_set_enabled (db, TRUE, NULL, &error));
  g_assert_no_error (error);

  g_unsetenv ("LOADWISE_DATA_DIR");
  got = loadwise_data_folder_get ();
  g_assert_cmpstr (got, ==, dir);

  g_assert_true (loadwise_reminders_set_enabled (db, FALSE, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&db);
  forget ();
  loadwise_test_rm_rf (dir);
}

int
main (int    argc,
      char **argv)
{
  int status;

  config_dir = loadwise_test_make_tmpdir ();
  data_home = loadwise_test_make_tmpdir ();
  g_setenv ("XDG_CONFIG_HOME", config_dir, TRUE);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/data-folder/order", test_order);
  g_test_add_func ("/data-folder/bad-file", test_bad_file);
  g_test_add_func ("/data-folder/enabling-remembers", test_enabling_remembers);

  status = g_test_run ();
  loadwise_test_rm_rf (config_dir);
  loadwise_test_rm_rf (data_home);
  g_free (config_dir);
  g_free (data_home);
  return status;
}
