/* test-focus-keeper.c: the focus across a rebuilt part of a page
 *
 * It goes back to the same widget when it stayed, to the rebuilt one of
 * the same name when it did not, else into the part; the removed widget
 * is not kept alive; focus elsewhere is left alone.
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>

#include "ui-test-util.h"
#include "ui/loadwise-focus-keeper.h"

static void
rebuild (GtkWidget  *part,
         const char *names[])
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (part)) != NULL)
    gtk_box_remove (GTK_BOX (part), child);
  for (guint i = 0; names[i] != NULL; i++)
    {
      GtkWidget *button = gtk_button_new_with_label (names[i]);

      gtk_widget_set_name (button, names[i]);
      gtk_box_append (GTK_BOX (part), button);
    }
}

static void
test_keeper (void)
{
  const char *cells[] = { "cell-1", "cell-2", "cell-3", NULL };
  const char *others[] = { "cell-7", "cell-8", NULL };
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *part = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *outside = gtk_button_new_with_label ("outside");
  LoadwiseFocusKeeper keeper;
  GtkWidget *old;

  gtk_box_append (GTK_BOX (box), outside);
  gtk_box_append (GTK_BOX (box), part);
  gtk_window_set_child (GTK_WINDOW (window), box);
  rebuild (part, cells);
  ui_test_show (window);

  /* Rebuilt: the new widget of the same name, and the old one is gone. */
  old = ui_test_find_named (part, "cell-2");
  gtk_widget_grab_focus (old);
  g_object_add_weak_pointer (G_OBJECT (old), (gpointer *) &old);
  g_assert_true (loadwise_focus_keeper_release (&keeper, part));
  g_assert_null (gtk_root_get_focus (GTK_ROOT (window)));
  rebuild (part, cells);
  loadwise_focus_keeper_restore (&keeper, part);
  g_assert_null (old);
  g_assert_cmpstr (gtk_widget_get_name (gtk_root_get_focus (GTK_ROOT (window))), ==, "cell-2");

  /* Nothing of that name any more: the part's first. */
  g_assert_true (loadwise_focus_keeper_release (&keeper, part));
  rebuild (part, others);
  loadwise_focus_keeper_restore (&keeper, part);
  g_assert_cmpstr (gtk_widget_get_name (gtk_root_get_focus (GTK_ROOT (window))), ==, "cell-7");

  /* Not rebuilt: the same widget. */
  old = ui_test_find_named (part, "cell-8");
  gtk_widget_grab_focus (old);
  g_assert_true (loadwise_focus_keeper_release (&keeper, part));
  loadwise_focus_keeper_restore (&keeper, part);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == old);

  /* Focus outside the part: left where it is. */
  gtk_widget_grab_focus (outside);
  g_assert_false (loadwise_focus_keeper_release (&keeper, part));
  g_assert_false (loadwise_focus_keeper_release (&keeper, NULL));
  rebuild (part, cells);
  loadwise_focus_keeper_restore (&keeper, part);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == outside);

  ui_test_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv))
    {
      ui_test_add_skip ("/ui/focus-keeper/display");
      return g_test_run ();
    }

  g_test_add_func ("/ui/focus-keeper", test_keeper);
  return g_test_run ();
}
