/* loadwise-session.h: the session prescribed for a date, and its progress
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "core/loadwise-catalogue.h"
#include "core/loadwise-programme.h"

G_BEGIN_DECLS

typedef enum {
  LOADWISE_SESSION_STATUS_NONE,        /* nothing logged yet */
  LOADWISE_SESSION_STATUS_IN_PROGRESS, /* some sets logged, not finished */
  LOADWISE_SESSION_STATUS_DONE,        /* the runner pressed Finish */
  LOADWISE_SESSION_STATUS_SKIPPED,     /* skipped with a reason: not a miss */
} LoadwiseSessionStatus;

/* "none", "in-progress", "done", "skipped" */
const char *loadwise_session_status_to_string   (LoadwiseSessionStatus  status);
gboolean    loadwise_session_status_from_string (const char            *text,
                                                 LoadwiseSessionStatus *out_status);

typedef struct {
  const LoadwiseExercise *exercise;  /* owned by the catalogue */
  guint                   level;
  guint                   sets;
  guint                   n_sides;       /* 2 per side, else 1 */
  guint                   target_reps;   /* within reps_min..reps_max */
  guint                   target_hold_s; /* 0 unless a hold */
} LoadwisePrescribedExercise;

typedef struct {
  GDate                      date;
  int                        week;         /* as loadwise_programme_get_week() */
  gboolean                   is_session;   /* FALSE: a rest day */
  gboolean                   maintenance;
  GDate                      next_session; /* the next session day after a rest day, else = date */
  LoadwisePrescribedExercise exercises[LOADWISE_N_FAMILIES]; /* by LoadwiseFamily; set only on session days */
} LoadwisePrescription;

/* The prescription for @date from the family @levels (0-4 each). Until the
 * weekly decisions land, targets are the bottom of each range.
 * FALSE for a date before the start (then @out is left untouched). */
gboolean loadwise_prescribe                  (const LoadwiseCatalogue *catalogue,
                                              const LoadwiseProgramme *programme,
                                              const guint              levels[LOADWISE_N_FAMILIES],
                                              const GDate             *date,
                                              LoadwisePrescription    *out);

/* Set logs a prescribed exercise asks for: sets x sides. */
guint    loadwise_prescribed_exercise_total_sets (const LoadwisePrescribedExercise *item);

/* Whether (@side, @set_index) is a valid log position for @item; the error
 * names the field and range ("set: 4 is outside 1-3"). */
gboolean loadwise_prescribed_exercise_check_set (const LoadwisePrescribedExercise *item,
                                                 LoadwiseSide                      side,
                                                 guint                             set_index,
                                                 GError                          **error);

/* The number of set logs to mark done when a share @percent (0-100) of each
 * prescribed set count is done: the whole sets it covers, rounded down (a
 * 1-set exercise at 50% is 0 sets done). */
guint    loadwise_sets_for_percent           (guint total_sets,
                                              guint percent);

G_END_DECLS
