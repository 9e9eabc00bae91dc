/* loadwise-today-page.h: today's date, check-in, session or rest day
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ui/loadwise-context.h"

G_BEGIN_DECLS

#define LOADWISE_TYPE_TODAY_PAGE (loadwise_today_page_get_type ())

G_DECLARE_FINAL_TYPE (LoadwiseTodayPage, loadwise_today_page, LOADWISE, TODAY_PAGE, GtkWidget)

/* Actions: today.reload; today.finish (DONE with the note shown);
 * today.skip (s: the reason); today.ask-skip (asks for a reason);
 * today.answer-red-flags (asks the questions again);
 * today.save-red-flags (u: the yes mask, saved for today). */
GtkWidget *loadwise_today_page_new    (LoadwiseContext   *context);
/* Re-reads everything shown from the database. */
void       loadwise_today_page_reload (LoadwiseTodayPage *self);
/* "session", "rest", "before" or "empty" (no programme). */
const char *loadwise_today_page_get_state (LoadwiseTodayPage *self);

/* Moves the focus to the check-in's morning pain; FALSE when the page
 * shows no check-in (set-up not done). */
gboolean   loadwise_today_page_focus_checkin (LoadwiseTodayPage *self);

G_END_DECLS
