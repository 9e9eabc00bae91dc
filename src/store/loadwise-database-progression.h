/* loadwise-database-progression.h: closing weeks and keeping their decisions
 *
 * At each week boundary the week's figures are gathered with SQL
 * aggregates, the core decides (loadwise_progression_decide()), and the
 * next week's plan and the week's review are stored in one transaction, so
 * that history never changes when the thresholds change later.
 *
 * Weeks close lazily: loadwise_database_close_weeks() closes every week
 * that has ended and is not closed yet; the app and the CLI call it when
 * they open and when the date passes. A session or check-in logged late,
 * after the boundary, still counts: while the week after the closed one is
 * under way, its decision is taken again whenever what it read has changed,
 * and when the outcome or its reasons differ, the new reason says it was
 * revised. Once that following week has closed too, the decision is
 * history and stays as it is.
 *
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
  char     *revised_at;         /* NULL unless revised by late logs */
} LoadwiseWeekReview;

void       loadwise_week_review_free          (LoadwiseWeekReview  *review);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoadwiseWeekReview, loadwise_week_review_free)

/* Closes every week that ended before @today and is not closed yet, in
 * order, each in its own transaction; then takes the decision of the week
 * before @today's week again when its inputs changed since it was closed.
 * @out_changed (may be NULL) receives how many weeks were closed or
 * revised. Does nothing (and succeeds) before the programme's first week
 * has ended; fails with LOADWISE_DATABASE_ERROR_NO_PROGRAMME without one. */
gboolean   loadwise_database_close_weeks      (LoadwiseDatabase        *self,
                                               const LoadwiseCatalogue *catalogue,
                                               const GDate             *today,
                                               guint                   *out_changed,
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

/* The last week that has been closed, 0 when none. */
gboolean   loadwise_database_get_last_closed_week (LoadwiseDatabase    *self,
                                                   int                 *out_week,
                                                   GError             **error);

G_END_DECLS
