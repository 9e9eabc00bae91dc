/* loadwise-card.h: the card Today, Runs and Progress show their notes,
 * patterns and charts in
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LOADWISE_TYPE_CARD (loadwise_card_get_type ())

G_DECLARE_FINAL_TYPE (LoadwiseCard, loadwise_card, LOADWISE, CARD, GtkWidget)

/* A heading, a wrapped text under it, then any content and, at the end,
 * buttons. A screen reader hears it as a group named by its heading.
 *
 * In a .ui file a child of type "header-suffix" goes beside the heading,
 * one of type "action" among the buttons, and any other below the text. */
GtkWidget  *loadwise_card_new               (const char   *title,
                                             const char   *body);

const char *loadwise_card_get_title         (LoadwiseCard *self);
void        loadwise_card_set_title         (LoadwiseCard *self,
                                             const char   *title);
/* The text is hidden while it is NULL or empty. */
const char *loadwise_card_get_body          (LoadwiseCard *self);
void        loadwise_card_set_body          (LoadwiseCard *self,
                                             const char   *body);

void        loadwise_card_add_header_suffix (LoadwiseCard *self,
                                             GtkWidget    *widget);
void        loadwise_card_append            (LoadwiseCard *self,
                                             GtkWidget    *widget);
/* A button with a mnemonic @label activating @action_name; returns it
 * (owned by the card) so that the caller can style it. */
GtkWidget  *loadwise_card_add_button        (LoadwiseCard *self,
                                             const char   *label,
                                             const char   *action_name);

G_END_DECLS
