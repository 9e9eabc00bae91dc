/* loadwise-catalogue.h: the fifteen exercises of the programme's ladders
 *
 * The catalogue is data (data/exercises.xml, compiled into the core's
 * GResource); this module loads and validates it. PROGRAMME.md, "Three
 * families, five levels each", is the specification.
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "core/loadwise-types.h"

G_BEGIN_DECLS

#define LOADWISE_LEVEL_MIN 0
#define LOADWISE_LEVEL_MAX 4
#define LOADWISE_N_LEVELS  5

typedef struct {
  char             *id;            /* "double-leg-bridge" */
  LoadwiseFamily    family;
  guint             level;         /* 0-4 */
  guint             sets;
  /* Repetitions per set: a range climbs from min to max (ACSM 2009).
   * For a hold, reps_min == reps_max == 1. */
  guint             reps_min;
  guint             reps_max;
  /* Seconds per hold; 0 and 0 for exercises that are not holds. */
  guint             hold_min_s;
  guint             hold_max_s;
  LoadwiseSideMode  side_mode;
  /* The default tempo of a rep, in seconds: up (or out), held at the top,
   * down (or back): tempo="2-1-2" in the catalogue. All 0 for holds. */
  guint             tempo_s[3];
  /* Translated text, in our own words. */
  char             *name;
  char             *summary;       /* one line: what it trains */
  char             *instructions;  /* how to do it, a short paragraph */
  char            **cues;          /* short reminders while doing it */
  char             *source;        /* citation, untranslated */
} LoadwiseExercise;

typedef struct _LoadwiseCatalogue LoadwiseCatalogue;

#define LOADWISE_TYPE_CATALOGUE (loadwise_catalogue_get_type ())
GType                   loadwise_catalogue_get_type     (void) G_GNUC_CONST;

/* Parses and validates an exercises.xml document: every family has exactly
 * one exercise at each level 0-4, ids are unique, ranges are sane. Errors are
 * LOADWISE_ERROR_CATALOGUE and say what is wrong and where. */
LoadwiseCatalogue      *loadwise_catalogue_new_from_data (const char         *xml,
                                                          gssize              length,
                                                          GError            **error);
/* The catalogue shipped in the core's GResource. */
LoadwiseCatalogue      *loadwise_catalogue_load_default  (GError            **error);

LoadwiseCatalogue      *loadwise_catalogue_ref           (LoadwiseCatalogue  *self);
void                    loadwise_catalogue_unref         (LoadwiseCatalogue  *self);

guint                   loadwise_catalogue_get_n_exercises (const LoadwiseCatalogue *self);
/* Whether reps of @exercise can count themselves on a tempo. */
gboolean                loadwise_exercise_has_tempo      (const LoadwiseExercise   *exercise);
const LoadwiseExercise *loadwise_catalogue_get_nth       (const LoadwiseCatalogue  *self,
                                                          guint                     index);
/* NULL when there is no such id. */
const LoadwiseExercise *loadwise_catalogue_find          (const LoadwiseCatalogue  *self,
                                                          const char               *id);
/* Never NULL for a loaded catalogue and a level 0-4. */
const LoadwiseExercise *loadwise_catalogue_lookup        (const LoadwiseCatalogue  *self,
                                                          LoadwiseFamily            family,
                                                          guint                     level);

/* Logs per set: 2 for a per-side exercise (left and right), else 1. */
guint                   loadwise_exercise_get_n_sides    (const LoadwiseExercise   *exercise);
gboolean                loadwise_exercise_is_hold        (const LoadwiseExercise   *exercise);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoadwiseCatalogue, loadwise_catalogue_unref)

G_END_DECLS
