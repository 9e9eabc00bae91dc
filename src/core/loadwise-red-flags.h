/* loadwise-red-flags.h: the questions asked before anything else
 *
 * PROGRAMME.md, "Red flags" (Robertson & Wood 2017 for the stress-fracture
 * signs). Any yes: stop running and see a clinician before the programme.
 *
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
/* Translated one-line reminder that Loadwise does not diagnose. */
const char     *loadwise_disclaimer            (void);

G_END_DECLS
