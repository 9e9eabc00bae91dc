/* fuzz-catalogue.c: the exercise catalogue loader on any bytes
 *
 * The loader must refuse what is not a valid catalogue with an error
 * (never a crash, a critical or a leak), and whatever it accepts must keep
 * the promises of loadwise-catalogue.h.
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "fuzz-target.h"

#include "core/loadwise-catalogue.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr (LoadwiseCatalogue) catalogue = NULL;
  g_autoptr (GError) error = NULL;

  fuzz_target_init ();

  catalogue = loadwise_catalogue_new_from_data ((const char *) data, (gssize) size, &error);
  if (catalogue == NULL)
    {
      g_assert (error != NULL);
      g_assert (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }
  g_assert (error == NULL);

  for (guint i = 0; i < loadwise_catalogue_get_n_exercises (catalogue); i++)
    {
      const LoadwiseExercise *exercise = loadwise_catalogue_get_nth (catalogue, i);

      g_assert (exercise->id != NULL && exercise->name != NULL);
      g_assert (exercise->level <= LOADWISE_LEVEL_MAX);
      g_assert (exercise->reps_min <= exercise->reps_max);
      g_assert (exercise->hold_min_s <= exercise->hold_max_s);
      g_assert (loadwise_catalogue_find (catalogue, exercise->id) == exercise);
      g_assert (loadwise_exercise_get_n_sides (exercise) >= 1);
    }
  for (guint family = 0; family < LOADWISE_N_FAMILIES; family++)
    for (guint level = LOADWISE_LEVEL_MIN; level <= LOADWISE_LEVEL_MAX; level++)
      loadwise_catalogue_lookup (catalogue, (LoadwiseFamily) family, level);
  return 0;
}
