/* loadwise-data-folder.c
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "core/loadwise-data-folder.h"

#include <errno.h>

#include <glib/gstdio.h>

#define GROUP "Data"
#define KEY   "Folder"

static char *
get_default (void)
{
  return g_build_filename (g_get_user_data_dir (), LOADWISE_DATA_FOLDER, NULL);
}

char *
loadwise_data_folder_get_config_path (void)
{
  return g_build_filename (g_get_user_config_dir (), LOADWISE_DATA_FOLDER,
                           "data-folder.ini", NULL);
}

char *
loadwise_data_folder_get_remembered (void)
{
  g_autofree char *path = loadwise_data_folder_get_config_path ();
  g_autoptr (GKeyFile) file = g_key_file_new ();
  g_autofree char *folder = NULL;

  /* A missing or broken file, or a relative folder in it, is no choice:
   * the default then, never a guess. */
  if (g_key_file_load_from_file (file, path, G_KEY_FILE_NONE, NULL))
    folder = g_key_file_get_string (file, GROUP, KEY, NULL);
  if (folder != NULL && g_path_is_absolute (folder))
    return g_canonicalize_filename (folder, NULL);
  if (folder != NULL)
    g_debug ("%s: %s is not an absolute path; using the default folder", path, folder);
  return get_default ();
}

char *
loadwise_data_folder_get (void)
{
  const char *dir = g_getenv ("LOADWISE_DATA_DIR");

  /* Empty is unset. A relative folder is taken from the current one and
   * made absolute here, once: the app, the service and the CLI started
   * from the same folder then agree on one database. */
  if (dir != NULL && *dir != '\0')
    return g_canonicalize_filename (dir, NULL);
  return loadwise_data_folder_get_remembered ();
}

gboolean
loadwise_data_folder_remember (const char  *folder,
                               GError     **error)
{
  g_autofree char *path = loadwise_data_folder_get_config_path ();
  g_autofree char *parent = g_path_get_dirname (path);
  g_autofree char *fallback = get_default ();
  g_autofree char *absolute = NULL;
  g_autoptr (GKeyFile) file = NULL;

  if (folder != NULL)
    absolute = g_canonicalize_filename (folder, NULL);
  if (absolute == NULL || g_str_equal (absolute, fallback))
    {
      if (g_unlink (path) < 0 && errno != ENOENT)
        {
          int saved_errno = errno;

          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                       "%s: %s", path, g_strerror (saved_errno));
          return FALSE;
        }
      return TRUE;
    }

  if (g_mkdir_with_parents (parent, 0700) < 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "%s: %s", parent, g_strerror (saved_errno));
      return FALSE;
    }
  file = g_key_file_new ();
  g_key_file_set_string (file, GROUP, KEY, absolute);
  return g_key_file_save_to_file (file, path, error);
}
