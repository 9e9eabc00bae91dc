/* replay.c: runs a fuzz target over its seed corpus (and any crash files)
 *
 * `replay-TARGET DIR...`: every file in each DIR goes through the same
 * LLVMFuzzerTestOneInput the fuzzer calls, in name order, one TAP test per
 * file. Built with any compiler, so the normal test run (and the ASan run)
 * keeps every input the fuzzer ever found interesting working.
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>

#include "fuzz-target.h"

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  /* GPtrArray's sort passes pointers to the elements. */
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

static void
replay_file (gconstpointer data)
{
  const char *path = data;
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  LLVMFuzzerTestOneInput ((const uint8_t *) contents, length);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  guint n_files = 0;

  g_test_init (&argc, &argv, NULL);

  for (int i = 1; i < argc; i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (GDir) dir = g_dir_open (argv[i], 0, &error);
      g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *base = g_path_get_basename (argv[i]);
      const char *name;

      g_assert_no_error (error);
      while ((name = g_dir_read_name (dir)) != NULL)
        g_ptr_array_add (names, g_strdup (name));
      g_ptr_array_sort (names, compare_names);
      for (guint j = 0; j < names->len; j++)
        {
          const char *file = g_ptr_array_index (names, j);
          char *path = g_build_filename (argv[i], file, NULL);
          g_autofree char *test_path = g_strdup_printf ("/fuzz/%s/%s", base, file);

          g_ptr_array_add (paths, path);
          g_test_add_data_func (test_path, path, replay_file);
          n_files++;
        }
    }

  /* An empty corpus would make this test pass without testing anything. */
  g_assert_cmpuint (n_files, >, 0);
  return g_test_run ();
}
