/* loadwise-exercise-card.h: one prescribed exercise with its set ticks and pain
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "core/loadwise-session.h"
#include "store/loadwise-database.h"
#include "ui/loadwise-context.h"

G_BEGIN_DECLS

#define LOADWISE_TYPE_EXERCISE_CARD (loadwise_exercise_card_get_type ())

G_DECLARE_FINAL_TYPE (LoadwiseExerciseCard, loadwise_exercise_card, LOADWISE, EXERCISE_CARD, GtkWidget)

/* @sets: the LoadwiseSetLog rows of @date (any exercise; may be NULL);
 * @pains: as loadwise_database_get_exercise_pains() (may be NULL).
 * Each tick button is named "set-SIDE-INDEX" ("set-left-0", "set-none-2")
 * and the pain drop-down "pain" (item 0 is "not rated", item n is pain n-1). */
GtkWidget  *loadwise_exercise_card_new             (LoadwiseContext                  *context,
                                                    const GDate                      *date,
                                                    const LoadwisePrescribedExercise *item,
                                                    GPtrArray                        *sets,
                                                    GHashTable                       *pains);
const char *loadwise_exercise_card_get_exercise_id (LoadwiseExerciseCard             *self);
/* Shows what @sets and @pains hold for this exercise, writing nothing. */
void        loadwise_exercise_card_update          (LoadwiseExerciseCard             *self,
                                                    GPtrArray                        *sets,
                                                    GHashTable                       *pains);
/* "2 × 10", "3 × 8 per side", "10 × 5 s hold": newly allocated. */
char       *loadwise_exercise_card_format_dosage   (const LoadwisePrescribedExercise *item);

/* What Finish Session asks about: whether every set is ticked, and
 * whether the pain is rated. */
void        loadwise_exercise_card_get_progress (LoadwiseExerciseCard *self,
                                                 gboolean             *out_all_ticked,
                                                 gboolean             *out_rated);

G_END_DECLS
