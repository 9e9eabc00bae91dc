/* loadwise-red-flag-questions.h: the five red-flag questions, each a switch
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LOADWISE_TYPE_RED_FLAG_QUESTIONS (loadwise_red_flag_questions_get_type ())

G_DECLARE_FINAL_TYPE (LoadwiseRedFlagQuestions, loadwise_red_flag_questions, LOADWISE, RED_FLAG_QUESTIONS, GtkWidget)

GtkWidget *loadwise_red_flag_questions_new          (void);
/* A mask of LoadwiseRedFlag: the questions answered yes. */
guint      loadwise_red_flag_questions_get_yes_mask (LoadwiseRedFlagQuestions *self);
void       loadwise_red_flag_questions_set_yes_mask (LoadwiseRedFlagQuestions *self,
                                                     guint                     yes_mask);

G_END_DECLS
