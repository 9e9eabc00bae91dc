/* loadwise-test-util.c
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "loadwise-test-util.h"

#include <errno.h>
#include <glib/gstdio.h>

#define DE_DE_SOURCE "/usr/share/i18n/locales/de_DE"

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

gboolean
loadwise_test_make_german (const char  *root,
                           char       **out_failure)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *localedef = g_find_program_in_path ("localedef");
  g_autofree char *target = g_build_filename (root, "de_DE.UTF-8", NULL);
  g_autofree char *errors = NULL;
  const char *mo = g_getenv ("LOADWISE_TEST_MO");
  g_autofree char *folder = g_build_filename (root, "de", "LC_MESSAGES", NULL);
  g_autofree char *catalogue = g_build_filename (folder, GETTEXT_PACKAGE ".mo", NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;
  int status = 0;

  if (localedef == NULL)
    {
      *out_failure = g_strdup ("no localedef to make the de_DE.UTF-8 locale (Debian package locales)");
      return FALSE;
    }
  if (!g_file_test (DE_DE_SOURCE, G_FILE_TEST_IS_REGULAR))
    {
      *out_failure = g_strdup ("no " DE_DE_SOURCE " to make the de_DE.UTF-8 locale from "
                               "(Debian package locales)");
      return FALSE;
    }
  if (!g_spawn_sync (NULL, (char *[]) { localedef, "-i", "de_DE", "-f", "UTF-8", target, NULL },
                     NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, &errors, &status, &error)
      || !g_spawn_check_wait_status (status, &error))
    {
      *out_failure = g_strdup_printf ("localedef -i de_DE -f UTF-8 %s: %s\n%s", target,
                                      error->message, errors != NULL ? errors : "");
      return FALSE;
    }

  if (mo == NULL)
    {
      *out_failure = g_strdup ("LOADWISE_TEST_MO is not set: run the test through meson test");
      return FALSE;
    }
  if (!g_file_get_contents (mo, &contents, &length, &error)
      || g_mkdir_with_parents (folder, 0700) != 0
      || !g_file_set_contents (catalogue, contents, length, &error))
    {
      *out_failure = g_strdup_printf ("the German catalogue %s could not be put in %s: %s", mo,
                                      folder, error != NULL ? error->message : g_strerror (errno));
      return FALSE;
    }
  return TRUE;
}
