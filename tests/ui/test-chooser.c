/* test-chooser.c: a file chooser's answer, read once for every page
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>

#include "ui-test-util.h"
#include "ui/loadwise-chooser.h"

static void
test_local_path (void)
{
  g_autoptr (GtkFileChooserNative) chooser =
    gtk_file_chooser_native_new ("Save", NULL, GTK_FILE_CHOOSER_ACTION_SAVE, NULL, NULL);
  g_autoptr (GFile) local = g_file_new_for_path ("/tmp/loadwise-report.pdf");
  g_autoptr (GFile) remote = g_file_new_for_uri ("sftp://example.invalid/loadwise-report.pdf");
  gboolean not_local = TRUE;
  char *path;

  /* Cancelled: nothing, and nothing to tell. */
  path = loadwise_chooser_get_local_path (GTK_NATIVE_DIALOG (chooser), GTK_RESPONSE_CANCEL, &not_local);
  g_assert_null (path);
  g_assert_false (not_local);

  /* What was chosen, local or not. */
  path = loadwise_chooser_file_to_local_path (local, &not_local);
  g_assert_cmpstr (path, ==, "/tmp/loadwise-report.pdf");
  g_assert_false (not_local);
  g_free (path);
  path = loadwise_chooser_file_to_local_path (NULL, &not_local);
  g_assert_null (path);
  g_assert_false (not_local);

  /* A place without a local path: NULL, and the caller says why. */
  if ((path = g_file_get_path (remote)) != NULL)
    {
      g_free (path);
      g_test_skip ("sftp:// has a local path here (a gvfs FUSE mount)");
      return;
    }
  path = loadwise_chooser_file_to_local_path (remote, &not_local);
  g_assert_null (path);
  g_assert_true (not_local);
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv))
    {
      ui_test_add_skip ("/ui/chooser/display");
      return g_test_run ();
    }

  g_test_add_func ("/ui/chooser/local-path", test_local_path);
  return g_test_run ();
}
