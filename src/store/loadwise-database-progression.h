/* loadwise-database-progression.h: closing weeks and keeping their decisions
 *
 * At each week boundary the week's figures are gathered with SQL
 * aggregates, the core decides (loadwise_progression_decide()), and the
 * next week's plan and the week's review are stored in one transaction, so
 * that history never changes when the thresholds change later.
 *
 * The store owns these decisions (loadwise-database-derive.c): every write
 * works them out again in its own transaction, for every week that has
 * ended and is not final, so they never depend on when something was
 * typed in. A decision is final once the runner has trained on it (a
 * session of a later week is logged); a stored decision that changes
 * before that is a revision (LoadwiseWeekReview.revised_at).
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "core/loadwise-catalogue.h"
#include "core/loadwise-progression.h"
#include "store/loadwise-database.h"

G_BEGIN_DECLS

/* One closed week. */
typedef struct {
  int       week;
  guint     sets_done;          /* all families, skipped days left out */
  guint     sets_counted;
  gboolean  have_adherence;     /* FALSE when every session was skipped */
  guint     adherence;          /* percent, 0-100 */
  gboolean  have_mean_morning_pain;
  double    mean_morning_pain;  /* of the week's check-ins */
  gboolean  see_clinician;
  char     *clinician_reason;   /* translated, NULL unless see_clinician */
  guint     safe_pain;          /* the thresholds the decision used */
  guint     max_pain;
  guint8    training_days;      /* the days it counted */
  char     *closed_at;          /* UTC ISO 8601 */
  char     *revised_at;         /* NULL unless revised by entries logged later */
  gboolean  final;              /* trained on: it stays as it is */
} LoadwiseWeekReview;

void       loadwise_week_review_free          (LoadwiseWeekReview  *review);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoadwiseWeekReview, loadwise_week_review_free)

/* Makes sure the derived state (week decisions, flare ends) is worked out
 * for the clock's today (loadwise_database_get_clock()): the day-changed
 * handler of the app calls it, so that a week that ended overnight is
 * decided and "changed" (with LOADWISE_DATABASE_CHANGE_DERIVED) is emitted
 * when anything moved. Every write already derives in its own transaction,
 * and every read of derived state calls this first, so callers never need
 * a close step. Cheap when nothing changes. */
gboolean   loadwise_database_refresh_derived  (LoadwiseDatabase        *self,
                                               GError                 **error);

/* LoadwiseWeekReview*, by week: the weeks closed under the current plan. */
GPtrArray *loadwise_database_list_week_reviews (LoadwiseDatabase       *self,
                                                GError                **error);

/* The plan row of each family in force in @week (the latest stored at or
 * before it); @out_plans are filled in by family and must be cleared with
 * loadwise_database_week_plans_clear(). */
gboolean   loadwise_database_get_week_plan    (LoadwiseDatabase        *self,
                                               int                      week,
                                               LoadwiseWeekPlan         out_plans[LOADWISE_N_FAMILIES],
                                               GError                 **error);
void       loadwise_database_week_plans_clear (LoadwiseWeekPlan         plans[LOADWISE_N_FAMILIES]);

/* The prescription for @date with the levels and the targets in force in
 * its week (loadwise_prescribe() and the stored targets), capped at level
 * 1 during a flare (loadwise_database_cap_levels_for_flare()). FALSE with
 * LOADWISE_ERROR_INVALID_INPUT naming "date" before the start. */
gboolean   loadwise_database_prescribe        (LoadwiseDatabase        *self,
                                               const LoadwiseCatalogue *catalogue,
                                               const LoadwiseProgramme *programme,
                                               const GDate             *date,
                                               LoadwisePrescription    *out,
                                               GError                 **error);

/* What a week's decision read, apart from the thresholds and days (kept
 * in their own columns), as week_review.inputs stores it: when this
 * changes, late logs came in and the decision is taken again. The demo
 * data writes it too, so that its weeks stand as closed. */
char      *loadwise_week_figures_describe_inputs (const LoadwiseWeekFigures *figures);

/* The last week that has been decided, 0 when none. */
gboolean   loadwise_database_get_last_closed_week (LoadwiseDatabase    *self,
                                                   int                 *out_week,
                                                   GError             **error);

G_END_DECLS
