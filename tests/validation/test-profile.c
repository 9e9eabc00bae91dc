/* test-profile.c: the build profile's compiled-in names agree
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * meson_options.txt's `profile` sets the app ID, the data folder and the
 * version suffix together. These tests state each for both profiles in
 * literals, so a build whose macros drift apart (a Devel app ID reading
 * the runner's real diary, say) fails here rather than on a runner's disk.
 */
#include <string.h>

#include <gio/gio.h>

#include "store/loadwise-database.h"

static gboolean
is_development (void)
{
  return strcmp (PROFILE, "development") == 0;
}

static void
test_profile_known (void)
{
  g_assert_true (strcmp (PROFILE, "default") == 0 || strcmp (PROFILE, "development") == 0);
}

static void
test_profile_app_id (void)
{
  g_assert_cmpstr (BASE_APP_ID, ==, "io.github.loadwise.Loadwise");
  g_assert_cmpstr (APP_ID, ==, is_development () ? "io.github.loadwise.Loadwise.Devel"
                                                 : "io.github.loadwise.Loadwise");
  g_assert_true (g_application_id_is_valid (APP_ID));
  g_assert_cmpstr (APP_OBJECT_PATH, ==, is_development () ? "/io/github/loadwise/Loadwise/Devel"
                                                          : "/io/github/loadwise/Loadwise");
  g_assert_true (g_variant_is_object_path (APP_OBJECT_PATH));
}

static void
test_profile_version (void)
{
  g_assert_cmpstr (VERSION_SUFFIX, ==, is_development () ? "-devel" : "");
}

/* The data folder is the real code path's: loadwise_database_get_default_dir()
 * with no LOADWISE_DATA_DIR. */
static void
test_profile_data_folder (void)
{
  g_autofree char *saved = g_strdup (g_getenv ("LOADWISE_DATA_DIR"));
  g_autofree char *dir = NULL;
  g_autofree char *expected = NULL;

  g_unsetenv ("LOADWISE_DATA_DIR");
  dir = loadwise_database_get_default_dir ();
  expected = g_build_filename (g_get_user_data_dir (),
                               is_development () ? "loadwise-devel" : "loadwise", NULL);
  g_assert_cmpstr (dir, ==, expected);

  if (saved != NULL)
    g_setenv ("LOADWISE_DATA_DIR", saved, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/profile/known", test_profile_known);
  g_test_add_func ("/profile/app-id", test_profile_app_id);
  g_test_add_func ("/profile/version", test_profile_version);
  g_test_add_func ("/profile/data-folder", test_profile_data_folder);

  return g_test_run ();
}
