/* loadwise-test-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "loadwise-test-util.h"

#include <glib/gstdio.h>

char *
loadwise_test_make_tmpdir (void)
{
  g_autoptr (GError) error = NULL;
  char *path = g_dir_make_tmp ("loadwise-test-XXXXXX", &error);

  g_assert_no_error (error);
  return path;
}

void
loadwise_test_rm_rf (const char *path)
{
  g_autoptr (GDir) dir = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR) || g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_remove (path);
      return;
    }

  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      loadwise_test_rm_rf (child);
    }
  g_rmdir (path);
}

GDate
loadwise_test_date (int year, int month, int day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return date;
}

GBytes *
loadwise_test_read_file (const char *path)
{
  char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return NULL;
  return g_bytes_new_take (contents, length);
}

gboolean
loadwise_test_files_equal (const char *a, const char *b)
{
  g_autoptr (GBytes) bytes_a = loadwise_test_read_file (a);
  g_autoptr (GBytes) bytes_b = loadwise_test_read_file (b);

  if (bytes_a == NULL || bytes_b == NULL)
    return bytes_a == bytes_b;
  return g_bytes_equal (bytes_a, bytes_b);
}
