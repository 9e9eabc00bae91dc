/* loadwise-checkin-card.h: today's morning check-in (pain, side, night pain)
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ui/loadwise-context.h"

G_BEGIN_DECLS

#define LOADWISE_TYPE_CHECKIN_CARD (loadwise_checkin_card_get_type ())

G_DECLARE_FINAL_TYPE (LoadwiseCheckinCard, loadwise_checkin_card, LOADWISE, CHECKIN_CARD, GtkWidget)

/* Action: checkin.save (writes the values shown as today's check-in). */
GtkWidget *loadwise_checkin_card_new       (LoadwiseContext     *context);
/* Shows what is stored for today, or the defaults when nothing is. */
void       loadwise_checkin_card_reload    (LoadwiseCheckinCard *self);
/* Whether the values shown are the ones stored for today. */
gboolean   loadwise_checkin_card_get_saved (LoadwiseCheckinCard *self);

/* Moves the focus to the morning pain (Ctrl+M, the check-in reminder). */
void       loadwise_checkin_card_focus     (LoadwiseCheckinCard *self);

G_END_DECLS
