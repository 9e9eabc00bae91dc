/* loadwise-chooser.c
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ui/loadwise-chooser.h"

char *
loadwise_chooser_file_to_local_path (GFile    *file,
                                     gboolean *out_not_local)
{
  char *path;

  g_return_val_if_fail (file == NULL || G_IS_FILE (file), NULL);
  g_return_val_if_fail (out_not_local != NULL, NULL);

  *out_not_local = FALSE;
  if (file == NULL)
    return NULL;
  path = g_file_get_path (file);
  *out_not_local = path == NULL;
  return path;
}

char *
loadwise_chooser_get_local_path (GtkNativeDialog *chooser,
                                 int              response,
                                 gboolean        *out_not_local)
{
  g_autoptr (GFile) file = NULL;

  g_return_val_if_fail (GTK_IS_FILE_CHOOSER (chooser), NULL);

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  return loadwise_chooser_file_to_local_path (file, out_not_local);
}
