/* loadwise-red-flags.h: the questions asked before anything else
 *
 * PROGRAMME.md, "Red flags" (Robertson & Wood 2017 for the stress-fracture
 * signs). Any yes: stop running and see a clinician before the programme.
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  LOADWISE_RED_FLAG_STRESS_FRACTURE = 1 << 0, /* groin/front pain with limp, hop pain, night or rest pain */
  LOADWISE_RED_FLAG_INFECTION       = 1 << 1, /* fever, hot red swollen hip */
  LOADWISE_RED_FLAG_INJURY          = 1 << 2, /* a fall or injury, cannot bear weight */
  LOADWISE_RED_FLAG_SYSTEMIC        = 1 << 3, /* unexplained weight loss, history of cancer */
  LOADWISE_RED_FLAG_NERVE           = 1 << 4, /* numbness, pins and needles, weakness */
} LoadwiseRedFlag;

#define LOADWISE_N_RED_FLAGS 5
#define LOADWISE_RED_FLAGS_ALL ((guint) 0x1f)

/* The flag at @index (0 .. LOADWISE_N_RED_FLAGS - 1). */
LoadwiseRedFlag loadwise_red_flag_nth          (guint            index);
/* Stable id: "stress-fracture", "infection", "injury", "systemic", "nerve". */
const char     *loadwise_red_flag_to_string    (LoadwiseRedFlag  flag);
gboolean        loadwise_red_flag_from_string  (const char      *text,
                                                LoadwiseRedFlag *out_flag);
/* Translated yes/no question, in our own words. */
const char     *loadwise_red_flag_get_question (LoadwiseRedFlag  flag);
/* Translated advice shown when any answer is yes. */
const char     *loadwise_red_flags_get_advice  (void);

/* How soon a yes needs a clinician. PROGRAMME.md, "Red flags": any yes
 * means stop running and see a clinician promptly; a fever or a hot, red,
 * swollen hip (a possible joint infection) and a fall or being unable to
 * bear weight (a possible fracture) cannot wait for an appointment: care
 * today **(design)**. */
typedef enum {
  LOADWISE_RED_FLAG_URGENCY_NONE,   /* no yes stands */
  LOADWISE_RED_FLAG_URGENCY_SOON,   /* stop running, see a clinician in the next days */
  LOADWISE_RED_FLAG_URGENCY_TODAY,  /* stop running, get care today */
} LoadwiseRedFlagUrgency;

LoadwiseRedFlagUrgency loadwise_red_flag_get_urgency (LoadwiseRedFlag flag);
/* The most urgent of the flags in @yes_mask (NONE for 0). */
LoadwiseRedFlagUrgency loadwise_red_flags_get_mask_urgency (guint yes_mask);
/* Translated advice for the flags in @yes_mask, worded for their most
 * urgent flag; NULL when @yes_mask is 0. */
const char     *loadwise_red_flags_get_advice_for (guint yes_mask);

/* One screening as recorded: the day it is about, its yes answers (every
 * question not in @yes_mask was answered no), and @entered, the order in
 * which the answers were typed in (larger: later). */
typedef struct {
  GDate  date;
  guint  yes_mask;
  gint64 entered;
} LoadwiseRedFlagAnswer;

typedef struct {
  gboolean answered;      /* any screening at all */
  GDate    last_answered; /* the latest screening dated on or before today
                           * (the earliest one when all are later) */
  guint    standing_mask; /* the yes answers that stand (the rule below) */
  GDate    since[LOADWISE_N_RED_FLAGS]; /* per flag index: the earliest date
                                         * of a yes that stands; invalid if none */
} LoadwiseRedFlagStatus;

/* Which yes answers stand, on @today, among @answers (any order).
 *
 * The rule **(design)**, so that a yes is never hidden by an answer dated
 * before or after it: a yes to a question stands until the runner answers
 * no to that same question in a screening that is
 *  - dated on or after the day of the yes (an answer about an earlier day
 *    says nothing about the days since),
 *  - entered after the yes (an answer typed in before it cannot retract it,
 *    whatever day it names), and
 *  - dated on or before @today (a day that has not come cannot be answered).
 * A runner who has seen a clinician and been cleared answers no again. */
void            loadwise_red_flags_compute_status (const LoadwiseRedFlagAnswer *answers,
                                                   gsize                        n_answers,
                                                   const GDate                 *today,
                                                   LoadwiseRedFlagStatus       *out_status);
/* Translated one-line reminder that Loadwise does not diagnose. */
const char     *loadwise_disclaimer            (void);

G_END_DECLS
