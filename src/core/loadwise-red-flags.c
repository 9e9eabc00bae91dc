/* loadwise-red-flags.c: the questions asked before anything else
 *
 * PROGRAMME.md, "Red flags". These signs point away from a tendon problem
 * that exercise can help, towards something a clinician must see first.
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib/gi18n-lib.h>

#include "core/loadwise-red-flags.h"

/* PROGRAMME.md, "Red flags": any yes calls for a clinician promptly. The
 * urgency is ours **(design)**: a possible joint infection (fever, a hot,
 * red or swollen hip) and a possible fracture or acute injury (a fall,
 * unable to bear weight) need care the same day; the stress-fracture,
 * systemic and nerve signs need a clinician within days, with running
 * stopped meanwhile. */
static const struct {
  LoadwiseRedFlag        flag;
  const char            *id;
  LoadwiseRedFlagUrgency urgency;
} red_flags[LOADWISE_N_RED_FLAGS] = {
  { LOADWISE_RED_FLAG_STRESS_FRACTURE, "stress-fracture", LOADWISE_RED_FLAG_URGENCY_SOON },
  { LOADWISE_RED_FLAG_INFECTION, "infection", LOADWISE_RED_FLAG_URGENCY_TODAY },
  { LOADWISE_RED_FLAG_INJURY, "injury", LOADWISE_RED_FLAG_URGENCY_TODAY },
  { LOADWISE_RED_FLAG_SYSTEMIC, "systemic", LOADWISE_RED_FLAG_URGENCY_SOON },
  { LOADWISE_RED_FLAG_NERVE, "nerve", LOADWISE_RED_FLAG_URGENCY_SOON },
};

LoadwiseRedFlag
loadwise_red_flag_nth (guint index)
{
  g_return_val_if_fail (index < LOADWISE_N_RED_FLAGS, LOADWISE_RED_FLAG_STRESS_FRACTURE);

  return red_flags[index].flag;
}

const char *
loadwise_red_flag_to_string (LoadwiseRedFlag flag)
{
  for (guint i = 0; i < G_N_ELEMENTS (red_flags); i++)
    if (red_flags[i].flag == flag)
      return red_flags[i].id;

  g_return_val_if_reached (NULL);
}

gboolean
loadwise_red_flag_from_string (const char      *text,
                               LoadwiseRedFlag *out_flag)
{
  g_return_val_if_fail (out_flag != NULL, FALSE);

  if (text == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (red_flags); i++)
    {
      if (strcmp (red_flags[i].id, text) == 0)
        {
          *out_flag = red_flags[i].flag;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
loadwise_red_flag_get_question (LoadwiseRedFlag flag)
{
  switch (flag)
    {
    case LOADWISE_RED_FLAG_STRESS_FRACTURE:
      /* Signs of a femoral neck stress fracture (Robertson & Wood 2017). */
      return _("Do you have pain in the groin or the front of the hip with a limp, "
               "pain when you hop, or pain at night or at rest — especially after "
               "running more than usual?");
    case LOADWISE_RED_FLAG_INFECTION:
      return _("Do you have a fever, or is your hip hot, red or swollen?");
    case LOADWISE_RED_FLAG_INJURY:
      return _("Did the pain start with a fall or another injury, or are you unable "
               "to put your full weight on the leg?");
    case LOADWISE_RED_FLAG_SYSTEMIC:
      return _("Have you lost weight without trying, or have you ever had cancer?");
    case LOADWISE_RED_FLAG_NERVE:
      return _("Do you have numbness, pins and needles or weakness in the leg?");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
loadwise_red_flags_get_advice (void)
{
  return _("You answered yes to a warning sign. Please stop running and see a "
           "doctor or physiotherapist soon, before you start or continue this "
           "programme. These signs need a clinician to check them; an exercise "
           "plan cannot.");
}

LoadwiseRedFlagUrgency
loadwise_red_flag_get_urgency (LoadwiseRedFlag flag)
{
  for (guint i = 0; i < G_N_ELEMENTS (red_flags); i++)
    if (red_flags[i].flag == flag)
      return red_flags[i].urgency;

  g_return_val_if_reached (LOADWISE_RED_FLAG_URGENCY_SOON);
}

LoadwiseRedFlagUrgency
loadwise_red_flags_get_mask_urgency (guint yes_mask)
{
  LoadwiseRedFlagUrgency urgency = LOADWISE_RED_FLAG_URGENCY_NONE;

  for (guint i = 0; i < G_N_ELEMENTS (red_flags); i++)
    if ((yes_mask & red_flags[i].flag) != 0)
      urgency = MAX (urgency, red_flags[i].urgency);

  return urgency;
}

const char *
loadwise_red_flags_get_advice_for (guint yes_mask)
{
  switch (loadwise_red_flags_get_mask_urgency (yes_mask))
    {
    case LOADWISE_RED_FLAG_URGENCY_TODAY:
      return _("You answered yes to a warning sign that needs care today. Please stop "
               "running and see a doctor today: if your own doctor cannot see you today, "
               "go to an urgent care or emergency service. Do not continue this programme "
               "until a clinician has checked you; an exercise plan cannot.");
    case LOADWISE_RED_FLAG_URGENCY_SOON:
      return loadwise_red_flags_get_advice ();
    case LOADWISE_RED_FLAG_URGENCY_NONE:
    default:
      return NULL;
    }
}

/* Whether the no of @no retracts the yes of @yes (the rule in the header). */
static gboolean
retracts (const LoadwiseRedFlagAnswer *no,
          const LoadwiseRedFlagAnswer *yes,
          const GDate                 *today)
{
  return g_date_compare (&no->date, &yes->date) >= 0 &&
         g_date_compare (&no->date, today) <= 0 &&
         no->entered > yes->entered;
}

void
loadwise_red_flags_compute_status (const LoadwiseRedFlagAnswer *answers,
                                   gsize                        n_answers,
                                   const GDate                 *today,
                                   LoadwiseRedFlagStatus       *out_status)
{
  const LoadwiseRedFlagAnswer *last_past = NULL;
  const LoadwiseRedFlagAnswer *first_future = NULL;

  g_return_if_fail (answers != NULL || n_answers == 0);
  g_return_if_fail (today != NULL && g_date_valid (today));
  g_return_if_fail (out_status != NULL);

  memset (out_status, 0, sizeof *out_status);
  for (guint f = 0; f < LOADWISE_N_RED_FLAGS; f++)
    g_date_clear (&out_status->since[f], 1);

  for (gsize i = 0; i < n_answers; i++)
    {
      const LoadwiseRedFlagAnswer *answer = &answers[i];

      g_return_if_fail (g_date_valid (&answer->date));

      if (g_date_compare (&answer->date, today) <= 0)
        {
          if (last_past == NULL || g_date_compare (&answer->date, &last_past->date) > 0)
            last_past = answer;
        }
      else if (first_future == NULL || g_date_compare (&answer->date, &first_future->date) < 0)
        first_future = answer;

      for (guint f = 0; f < LOADWISE_N_RED_FLAGS; f++)
        {
          guint flag = red_flags[f].flag;
          gboolean stands = TRUE;

          if ((answer->yes_mask & flag) == 0)
            continue;
          for (gsize j = 0; j < n_answers && stands; j++)
            if ((answers[j].yes_mask & flag) == 0 && retracts (&answers[j], answer, today))
              stands = FALSE;
          if (!stands)
            continue;

          out_status->standing_mask |= flag;
          if (!g_date_valid (&out_status->since[f]) ||
              g_date_compare (&answer->date, &out_status->since[f]) < 0)
            out_status->since[f] = answer->date;
        }
    }

  out_status->answered = n_answers > 0;
  if (last_past != NULL)
    out_status->last_answered = last_past->date;
  else if (first_future != NULL)
    out_status->last_answered = first_future->date;
  else
    g_date_clear (&out_status->last_answered, 1);
}

const char *
loadwise_disclaimer (void)
{
  return _("Loadwise does not diagnose. It is a training aid; for a diagnosis or "
           "any worrying sign, see a doctor or physiotherapist.");
}
