/* test-privacy.c: the data folder, the database and every copy of it are
 * the runner's alone (0700 folders, 0600 files), whatever the umask
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <sys/stat.h>

#include <glib/gstdio.h>

#include "cli-test-util.h"
#include "loadwise-test-util.h"
#include "store-test-util.h"

/* Every file and folder below @dir (itself included) must be private. */
static void
assert_private_tree (const char *dir,
                     guint      *n_files)
{
  g_autoptr (GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  g_assert_nonnull (handle);
  g_assert_cmpuint (store_test_file_mode (dir), ==, 0700);
  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          assert_private_tree (path, n_files);
        }
      else
        {
          if (store_test_file_mode (path) != 0600)
            g_error ("%s has mode %o", path, store_test_file_mode (path));
          (*n_files)++;
        }
    }
}

static void
test_modes (CliFixture    *fixture,
            gconstpointer  data)
{
  g_autofree char *copy = g_build_filename (fixture->data_dir, "backups", "by-hand.db", NULL);
  g_autofree char *out = NULL;
  g_autofree char *restored = NULL;
  g_autofree char *next_day = NULL;
  g_autoptr (LoadwiseDatabase) app = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *moved_to = NULL;
  guint n_files = 0;
  mode_t old_umask;

  /* A permissive umask: modes must not depend on it. */
  old_umask = umask (0);

  cli_start_default_programme (fixture);
  out = cli_run_ok (fixture, NULL, "backup", "--output", copy, NULL);
  /* A restore leaves a copy of the data it replaced. */
  restored = cli_run_ok (fixture, NULL, "restore", copy, NULL);
  /* The next day's first write leaves that day's copy. */
  next_day = cli_run_ok (fixture, "2026-11-24T08:00:00", "checkin", "--morning-pain", "1",
                         "--side", "left", NULL);

  /* The app holds the file open (-wal, -shm), after moving a damaged one
   * aside. */
  app = loadwise_database_open (fixture->db_path, &error);
  g_assert_no_error (error);
  g_clear_object (&app);
  /* Damage from outside, written the way the old file was. */
  umask (0077);
  store_test_write_random_file (fixture->db_path, 8192, 3);
  umask (0);
  app = loadwise_database_open_or_recover (fixture->db_path, &moved_to, &error);
  g_assert_no_error (error);
  g_assert_nonnull (moved_to);
  {
    GDate day = loadwise_test_date (2026, 11, 24);
    LoadwiseCheckin checkin = { .date = day, .morning_pain = 1, .side = LOADWISE_SIDE_LEFT };

    g_assert_true (loadwise_database_save_checkin (app, &checkin, &error));
    g_assert_no_error (error);
  }

  umask (old_umask);

  assert_private_tree (fixture->data_dir, &n_files);
  /* The database with its -wal and -shm, the damaged file, and in
   * backups/ the hand-made copy, two daily ones and the one made before
   * the restore. */
  g_assert_cmpuint (n_files, >=, 8);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/integration/privacy/modes", CliFixture, NULL,
              cli_fixture_setup, test_modes, cli_fixture_teardown);

  return g_test_run ();
}
