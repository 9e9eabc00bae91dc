/* loadwise-week-card.h: this week's decision, the clinician prompt and the
 * weekly red-flag re-check, as Today shows them
 *
 * PROGRAMME.md, "The weekly decision, per family" and "Red flags".
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "core/loadwise-progression.h"
#include "ui/loadwise-context.h"

G_BEGIN_DECLS

#define LOADWISE_TYPE_WEEK_CARD (loadwise_week_card_get_type ())

G_DECLARE_FINAL_TYPE (LoadwiseWeekCard, loadwise_week_card, LOADWISE, WEEK_CARD, GtkWidget)

/* Today shows the week in two places (issue 13): its notes (the clinician
 * prompt, the weekly red-flag re-check) with the day's status at the
 * top, and its levels and why below the session. */
typedef enum {
  LOADWISE_WEEK_CARD_LEVELS,
  LOADWISE_WEEK_CARD_NOTES,
} LoadwiseWeekCardPart;

/* The re-check button activates "today.answer-red-flags" on an ancestor.
 * Named "week-levels" or "week-notes". */
GtkWidget  *loadwise_week_card_new          (LoadwiseContext      *context,
                                             LoadwiseWeekCardPart  part);
/* Closes the weeks that have ended, then re-reads what it shows; hidden
 * without a programme or before it starts. */
void        loadwise_week_card_reload       (LoadwiseWeekCard *self);

/* Shared with the Programme page: a decision's symbolic icon and the
 * Adwaita style class that colours it ("success", "warning", ...). */
const char *loadwise_decision_icon_name     (LoadwiseDecision  decision);
const char *loadwise_decision_style_class   (LoadwiseDecision  decision);
/* A plan's reason without its headline ("Bridge: up to level 2."), for
 * where the family and level are already shown. Newly allocated. */
char       *loadwise_week_plan_dup_details  (const LoadwiseWeekPlan *plan);
/* Whether the weekly red-flag questions are due: the programme has
 * started and nothing was answered since this week began. */
gboolean    loadwise_red_flags_recheck_due  (LoadwiseDatabase        *database,
                                             const LoadwiseProgramme *programme,
                                             const GDate             *today,
                                             gboolean                *out_due,
                                             GError                 **error);

G_END_DECLS
