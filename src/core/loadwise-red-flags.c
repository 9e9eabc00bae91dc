/* loadwise-red-flags.c: the questions asked before anything else
 *
 * PROGRAMME.md, "Red flags". These signs point away from a tendon problem
 * that exercise can help, towards something a clinician must see first.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib/gi18n-lib.h>

#include "core/loadwise-red-flags.h"

static const struct {
  LoadwiseRedFlag flag;
  const char     *id;
} red_flags[LOADWISE_N_RED_FLAGS] = {
  { LOADWISE_RED_FLAG_STRESS_FRACTURE, "stress-fracture" },
  { LOADWISE_RED_FLAG_INFECTION, "infection" },
  { LOADWISE_RED_FLAG_INJURY, "injury" },
  { LOADWISE_RED_FLAG_SYSTEMIC, "systemic" },
  { LOADWISE_RED_FLAG_NERVE, "nerve" },
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

const char *
loadwise_disclaimer (void)
{
  return _("Loadwise does not diagnose. It is a training aid; for a diagnosis or "
           "any worrying sign, see a doctor or physiotherapist.");
}
