/* test-dialogs.c: every dialog window is a dialog to a screen reader,
 * named by its title (GTK 4.8 reads an AdwWindow subclass as a filler
 * named after its class otherwise; the journey test found it on the run
 * dialog, and the import preview and Backups had it too)
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>

#include "ui-test-util.h"
#include "ui/loadwise-backups-dialog.h"
#include "ui/loadwise-import-dialog.h"
#include "ui/loadwise-run-dialog.h"

static void
assert_dialog (GtkWidget  *dialog,
               const char *title)
{
  ui_test_show (dialog);
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (dialog), GTK_ACCESSIBLE_ROLE_DIALOG);
  /* The accessible name is the window's title. */
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, title);
  ui_test_destroy (dialog);
}

static void
test_dialogs (UiFixture     *fixture,
              gconstpointer  data)
{
  ui_fixture_add_programme (fixture, 2026, 11, 23, 1);
  assert_dialog (loadwise_run_dialog_new (fixture->context, NULL), "Log a Run");
  assert_dialog (loadwise_import_dialog_new (fixture->context, NULL, 0), "Import Runs");
  assert_dialog (loadwise_backups_dialog_new (fixture->database), "Backups");
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv))
    {
      ui_test_add_skip ("/ui/dialogs/display");
      return g_test_run ();
    }

  g_test_add ("/ui/dialogs/role-and-name", UiFixture, NULL, ui_fixture_setup, test_dialogs, ui_fixture_teardown);
  return g_test_run ();
}
