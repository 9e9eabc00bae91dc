/* loadwise-session.c: the session prescribed for a date, and its progress
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib/gi18n-lib.h>

#include "core/loadwise-error.h"
#include "core/loadwise-parse.h"
#include "core/loadwise-session.h"

static const char * const status_ids[] = {
  [LOADWISE_SESSION_STATUS_NONE] = "none",
  [LOADWISE_SESSION_STATUS_IN_PROGRESS] = "in-progress",
  [LOADWISE_SESSION_STATUS_DONE] = "done",
  [LOADWISE_SESSION_STATUS_SKIPPED] = "skipped",
};

const char *
loadwise_session_status_to_string (LoadwiseSessionStatus status)
{
  g_return_val_if_fail ((guint) status < G_N_ELEMENTS (status_ids), NULL);

  return status_ids[status];
}

gboolean
loadwise_session_status_from_string (const char            *text,
                                     LoadwiseSessionStatus *out_status)
{
  g_return_val_if_fail (out_status != NULL, FALSE);

  if (text == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (status_ids); i++)
    {
      if (strcmp (status_ids[i], text) == 0)
        {
          *out_status = (LoadwiseSessionStatus) i;
          return TRUE;
        }
    }

  return FALSE;
}

gboolean
loadwise_prescribe (const LoadwiseCatalogue *catalogue,
                    const LoadwiseProgramme *programme,
                    const guint              levels[LOADWISE_N_FAMILIES],
                    const GDate             *date,
                    LoadwisePrescription    *out)
{
  LoadwisePrescription result;

  g_return_val_if_fail (catalogue != NULL, FALSE);
  g_return_val_if_fail (programme != NULL && g_date_valid (&programme->start), FALSE);
  g_return_val_if_fail (levels != NULL, FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  for (guint f = 0; f < LOADWISE_N_FAMILIES; f++)
    g_return_val_if_fail (levels[f] <= LOADWISE_LEVEL_MAX, FALSE);

  memset (&result, 0, sizeof result);
  result.date = *date;
  result.week = loadwise_programme_get_week (programme, date);
  if (result.week < 1)
    return FALSE;

  result.maintenance = loadwise_programme_is_maintenance (programme, date);
  result.is_session = loadwise_programme_is_session_day (programme, date);

  if (result.is_session)
    {
      result.next_session = *date;
    }
  else
    {
      GDate tomorrow = *date;

      g_date_add_days (&tomorrow, 1);
      loadwise_programme_next_session (programme, &tomorrow, &result.next_session);
    }

  if (result.is_session)
    {
      /* PROGRAMME.md: every session holds one exercise from each family
       * at that family's level. A range starts at its bottom (ACSM 2009). */
      for (guint f = 0; f < LOADWISE_N_FAMILIES; f++)
        {
          const LoadwiseExercise *exercise =
            loadwise_catalogue_lookup (catalogue, (LoadwiseFamily) f, levels[f]);
          LoadwisePrescribedExercise *item = &result.exercises[f];

          item->exercise = exercise;
          item->level = levels[f];
          item->sets = exercise->sets;
          item->n_sides = loadwise_exercise_get_n_sides (exercise);
          item->target_reps = exercise->reps_min;
          item->target_hold_s = loadwise_exercise_is_hold (exercise) ? exercise->hold_min_s : 0;
        }
    }

  *out = result;
  return TRUE;
}

guint
loadwise_prescribed_exercise_total_sets (const LoadwisePrescribedExercise *item)
{
  g_return_val_if_fail (item != NULL, 0);

  return item->sets * item->n_sides;
}

gboolean
loadwise_prescribed_exercise_check_set (const LoadwisePrescribedExercise  *item,
                                        LoadwiseSide                       side,
                                        guint                              set_index,
                                        GError                           **error)
{
  g_return_val_if_fail (item != NULL && item->exercise != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* 0-based inside, 1-based for people. */
  if (!loadwise_check_range ("set", (gint64) set_index + 1, 1, item->sets, error))
    return FALSE;

  if (item->exercise->side_mode == LOADWISE_SIDE_MODE_PER_SIDE)
    {
      if (side != LOADWISE_SIDE_LEFT && side != LOADWISE_SIDE_RIGHT)
        {
          /* Translators: the %s is the exercise's name */
          g_set_error (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT,
                       _("side: must be left or right for %s"), item->exercise->name);
          return FALSE;
        }
    }
  else if (side != LOADWISE_SIDE_NONE)
    {
      /* Both legs (or both directions) go into one log per set. */
      g_set_error (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT,
                   _("side: must be none for %s"), item->exercise->name);
      return FALSE;
    }

  return TRUE;
}

guint
loadwise_sets_for_percent (guint total_sets,
                           guint percent)
{
  g_return_val_if_fail (percent <= 100, total_sets);

  /* The whole sets the share covers, rounded down (issue 11): 50% of a
   * single set is no set done, 75% of 2 sets is 1. A set half done is
   * not done. */
  return (guint) (((guint64) total_sets * percent) / 100);
}
