/* loadwise-reason.h: why the weekly decision went the way it did, as
 * codes and figures
 *
 * The store keeps a reason in its serialized form and renders it when it
 * is shown, so history reads in the language of today, not in the one
 * active when the week closed. Each cause renders as one whole
 * translatable sentence with all its figures; a rendered reason is a
 * headline ("Bridge: stays at level 1.") followed by one sentence per
 * cause, joined by spaces.
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "core/loadwise-types.h"

G_BEGIN_DECLS

/* The weekly decision for a family (the string forms live in
 * loadwise-progression.h). Here so that a reason can carry one. */
typedef enum {
  LOADWISE_DECISION_START,
  LOADWISE_DECISION_PROGRESS,
  LOADWISE_DECISION_HOLD,
  LOADWISE_DECISION_REGRESS,
  LOADWISE_DECISION_MAINTAIN,
} LoadwiseDecision;

typedef enum {
  LOADWISE_REASON_KIND_FAMILY,     /* a family's decision */
  LOADWISE_REASON_KIND_CLINICIAN,  /* the see-a-clinician prompt */
} LoadwiseReasonKind;

/* Causes, as flags; they render in this order. After each, the figures
 * it needs (LoadwiseReason's fields; "baseline" is baseline_x10). */
typedef enum {
  /* Regress */
  LOADWISE_REASON_PAIN_ABOVE_MAX     = 1 << 0,  /* pain during > max: pain, max_pain */
  LOADWISE_REASON_MORNING_FLARED     = 1 << 1,  /* morning >= usual + 2: morning_pain, baseline */
  LOADWISE_REASON_MORNINGS_ROSE      = 1 << 2,  /* weekly mean morning pain rose twice */
  /* Hold: nothing to judge, or too little done */
  LOADWISE_REASON_FLARE_WEEK         = 1 << 3,  /* every session day in flare mode */
  LOADWISE_REASON_ALL_SKIPPED        = 1 << 4,  /* every session day marked skipped */
  LOADWISE_REASON_COMPLETION_LOW     = 1 << 5,  /* under 50%, asks what got in the way: percent */
  /* Progress */
  LOADWISE_REASON_GATES_OPEN         = 1 << 6,  /* every gate open: percent, pain */
  LOADWISE_REASON_TOP_CLIMBS         = 1 << 7,  /* level 4, target climbs: target, target_is_hold */
  LOADWISE_REASON_TOP_REACHED        = 1 << 8,  /* level 4 and the top of its range */
  /* Hold: which gate stayed closed */
  LOADWISE_REASON_SETS_SHORT         = 1 << 9,  /* under 80%: percent, percent_needed */
  LOADWISE_REASON_SETS_SHORT_SKIPPED = 1 << 10, /* ... skipped days excused: the same */
  LOADWISE_REASON_SETS_SHORT_FLARE   = 1 << 11, /* ... flare days excused: the same */
  LOADWISE_REASON_PAIN_NOT_RATED     = 1 << 12, /* no pain during rated */
  LOADWISE_REASON_PAIN_ABOVE_SAFE    = 1 << 13, /* safe < pain <= max: pain, safe_pain, max_pain */
  LOADWISE_REASON_NO_CHECKINS        = 1 << 14, /* no morning check-ins, or no baseline */
  LOADWISE_REASON_MORNING_UNSETTLED  = 1 << 15, /* morning > usual + 1: morning_pain, baseline */
  /* Within a level, and maintenance */
  LOADWISE_REASON_TARGET_CLIMBS      = 1 << 16, /* reached twice running: target, target_is_hold */
  LOADWISE_REASON_MAINTENANCE        = 1 << 17, /* after the last week: two sessions a week */
  /* The clinician prompt (LOADWISE_REASON_KIND_CLINICIAN only) */
  LOADWISE_REASON_TWO_REGRESS        = 1 << 18, /* two regress weeks in a row */
  LOADWISE_REASON_NO_IMPROVEMENT     = 1 << 19, /* no fall: week, baseline_x10, mean_x10 */
  /* The start (LOADWISE_DECISION_START) */
  LOADWISE_REASON_FLARE_AT_START     = 1 << 20, /* a flare is on: every family at level 0 */
} LoadwiseReasonCause;

#define LOADWISE_REASON_N_CAUSES 21

/* A plain value: copy it by assignment. Fields a cause does not need are 0. */
typedef struct {
  LoadwiseReasonKind kind;
  /* LOADWISE_REASON_KIND_FAMILY only */
  LoadwiseFamily     family;
  LoadwiseDecision   decision;
  guint              from_level;      /* in force in the week decided, 0-4 */
  guint              level;           /* for the next week, 0-4 */
  guint              causes;          /* LoadwiseReasonCause flags */
  /* Figures, 0 unless a cause needs them */
  guint              percent;         /* sets done, 0-100 */
  guint              percent_needed;  /* to move up, 0-100 */
  guint              pain;            /* highest pain during, 0-10 */
  guint              safe_pain;       /* the runner's thresholds at the time, 0-10 */
  guint              max_pain;
  guint              morning_pain;    /* the week's highest morning pain, 0-10 */
  guint              baseline_x10;    /* baseline morning pain in tenths, 0-100 */
  guint              target;          /* reps a set, or seconds of a hold, 1-999 */
  gboolean           target_is_hold;
  guint              week;            /* the week that ended, 1-999 */
  guint              mean_x10;        /* its mean morning pain in tenths, 0-100 */
  /* Decided again after entries were logged late. */
  gboolean           revised;
} LoadwiseReason;

/* The reason of a programme's starting level @level for @family; with
 * @in_flare, the start rule's level 0 for a flare (PROGRAMME.md,
 * "Schedule"). */
void        loadwise_reason_init_start      (LoadwiseReason       *out,
                                             LoadwiseFamily        family,
                                             guint                 level,
                                             gboolean              in_flare);

/* The stable id of a single cause ("sets_short"), NULL if not one. */
const char *loadwise_reason_cause_to_string (LoadwiseReasonCause cause);

/* Zeroes the fields and figures @reason's kind and causes do not use, and
 * drops causes of the other kind, so that equal decisions give equal
 * values (and equal stored codes). */
void        loadwise_reason_trim            (LoadwiseReason       *reason);
gboolean    loadwise_reason_equal           (const LoadwiseReason *a,
                                             const LoadwiseReason *b);

/* The reason in the current language: the headline, then one whole
 * sentence per cause, then the revision note, joined by spaces. A
 * clinician reason has no headline ("" when it has no cause). */
char       *loadwise_reason_to_string       (const LoadwiseReason *reason);
/* The same without the headline, for where the family and level are
 * already on screen. */
char       *loadwise_reason_details_to_string (const LoadwiseReason *reason);

/* The stored form, versioned, ASCII, e.g.
 * "v1;k=family;f=bridge;d=hold;from=1;l=1;c=sets_short,pain_not_rated;pct=79;need=80".
 * See loadwise-reason.c for the grammar. */
#define LOADWISE_REASON_FORMAT_VERSION 1

char       *loadwise_reason_serialize       (const LoadwiseReason *reason);
/* Strict: an unknown version, key or cause, a duplicate, a figure missing
 * or not used by the causes, or a value out of range fails with
 * LOADWISE_ERROR_INVALID_INPUT, the message starting with the field's
 * key ("pct: ..."; "version: ..."; "reason: ..." for the whole text).
 * @out is written only on success. */
gboolean    loadwise_reason_parse           (const char           *text,
                                             LoadwiseReason       *out,
                                             GError              **error);

G_END_DECLS
