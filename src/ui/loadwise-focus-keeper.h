/* loadwise-focus-keeper.h: rebuilding the part of a page that has the
 * keyboard focus
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* GTK 4.8 keeps a removed widget that had the focus, and with it its
 * page, alive; and a runner whose focus vanished with a rebuilt row has
 * lost their place. So a page that rebuilds a part takes the focus away
 * first and gives it back after: to the same widget when it is still
 * shown, else to the rebuilt one of the same name ("cell-3-bridge"),
 * else to the first that takes it in a fallback. On the stack:
 *
 *   LoadwiseFocusKeeper keeper;
 *
 *   loadwise_focus_keeper_release (&keeper, GTK_WIDGET (self->grid_box));
 *   ... rebuild ...
 *   loadwise_focus_keeper_restore (&keeper, GTK_WIDGET (self->grid_box));
 */
typedef struct {
  GtkRoot   *root;
  GtkWidget *focus;  /* a reference, while held */
  char      *name;   /* of the focus or its nearest named ancestor within the part */
} LoadwiseFocusKeeper;

/* Takes the focus away when it is within @part; returns whether it was.
 * @part may be NULL (a part not built yet). */
gboolean loadwise_focus_keeper_release (LoadwiseFocusKeeper *keeper,
                                        GtkWidget           *part);
/* Gives it back (nothing when none was taken), and clears @keeper. */
void     loadwise_focus_keeper_restore (LoadwiseFocusKeeper *keeper,
                                        GtkWidget           *fallback);

G_END_DECLS
