/* loadwise-focus-keeper.c
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ui/loadwise-focus-keeper.h"

/* A name set on purpose: GTK's default is the type's. */
static gboolean
has_own_name (GtkWidget *widget)
{
  return g_strcmp0 (gtk_widget_get_name (widget), G_OBJECT_TYPE_NAME (widget)) != 0;
}

gboolean
loadwise_focus_keeper_release (LoadwiseFocusKeeper *keeper,
                               GtkWidget           *part)
{
  GtkWidget *focus;

  g_return_val_if_fail (keeper != NULL, FALSE);

  keeper->root = NULL;
  keeper->focus = NULL;
  keeper->name = NULL;
  if (part == NULL || (keeper->root = gtk_widget_get_root (part)) == NULL)
    return FALSE;
  focus = gtk_root_get_focus (keeper->root);
  if (focus == NULL || (focus != part && !gtk_widget_is_ancestor (focus, part)))
    return FALSE;

  for (GtkWidget *up = focus; up != NULL && keeper->name == NULL; up = gtk_widget_get_parent (up))
    {
      if (has_own_name (up))
        keeper->name = g_strdup (gtk_widget_get_name (up));
      if (up == part)
        break;
    }
  keeper->focus = g_object_ref (focus);
  gtk_root_set_focus (keeper->root, NULL);
  return TRUE;
}

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

void
loadwise_focus_keeper_restore (LoadwiseFocusKeeper *keeper,
                               GtkWidget           *fallback)
{
  GtkWidget *named = NULL;

  g_return_if_fail (keeper != NULL);
  g_return_if_fail (GTK_IS_WIDGET (fallback));

  if (keeper->focus == NULL)
    return;

  if (gtk_widget_get_root (keeper->focus) == keeper->root && gtk_widget_is_visible (keeper->focus) &&
      gtk_widget_is_ancestor (keeper->focus, fallback))
    gtk_widget_grab_focus (keeper->focus);
  else if (keeper->name != NULL && (named = find_named (fallback, keeper->name)) != NULL &&
           gtk_widget_is_visible (named) &&
           (gtk_widget_grab_focus (named) || gtk_widget_child_focus (named, GTK_DIR_TAB_FORWARD)))
    ;
  else
    gtk_widget_child_focus (fallback, GTK_DIR_TAB_FORWARD);

  g_clear_object (&keeper->focus);
  g_clear_pointer (&keeper->name, g_free);
  keeper->root = NULL;
}
