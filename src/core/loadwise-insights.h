/* loadwise-insights.h: which load factors go with the runner's pain
 *
 * PROGRAMME.md, "Patterns (insights)": for each factor, the pain on the
 * same day and the next morning with and without it; for amounts a rank
 * correlation. A finding is shown only with at least 3 cases on each
 * side, with its sample sizes, as an association and not a cause.
 * Pure: the store gathers the inputs.
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "core/loadwise-programme.h"
#include "core/loadwise-run.h"

G_BEGIN_DECLS

/* PROGRAMME.md: at least 3 runs (or days) on each side of a comparison. */
#define LOADWISE_INSIGHT_MIN_CASES       3
/* (design) A difference in mean pain under 1 point is not shown: half the
 * clinically important change of 2 points (Farrar 2001). */
#define LOADWISE_INSIGHT_MIN_DIFFERENCE  1.0
/* (design) A rank correlation needs 6 runs (3 a side, as above) and a
 * moderate size, |rho| >= 0.4, to be shown. */
#define LOADWISE_INSIGHT_MIN_CORR_N      6
#define LOADWISE_INSIGHT_MIN_RHO         0.4
/* (design) Hilly and downhill runs: 200 m or more of climb or descent
 * (Telhan 2010, Vernillo 2017: downhills raise hip load). */
#define LOADWISE_INSIGHT_HILL_M          200

/* The compression habits ticked at the morning check-in of @date: they
 * describe the day and the night before that morning (Grimaldi 2015:
 * lateral hip compression). */
typedef struct {
  GDate    date;
  gboolean crossed_legs;   /* sat with legs crossed a lot */
  gboolean slept_on_side;  /* slept on the painful side */
} LoadwiseHabits;

typedef enum {
  LOADWISE_INSIGHT_COMPARISON,
  LOADWISE_INSIGHT_CORRELATION,
} LoadwiseInsightKind;

typedef enum {
  LOADWISE_INSIGHT_SAME_DAY,      /* the pain after the run (during when after is missing) */
  LOADWISE_INSIGHT_NEXT_MORNING,  /* the check-in of the next morning */
} LoadwiseInsightLag;

/* "same-day", "next-morning" */
const char *loadwise_insight_lag_to_string (LoadwiseInsightLag lag);

typedef struct {
  LoadwiseInsightKind kind;
  char               *factor;        /* stable id: "descent", "speed", "shoe:NAME", "descent-m",
                                      * "descent-per-km", ... */
  LoadwiseInsightLag  lag;
  /* Comparisons */
  guint               n_with;
  guint               n_without;
  double              mean_with;
  double              mean_without;
  double              difference;    /* mean_with - mean_without */
  /* Correlations */
  double              rho;
  guint               n;
  char               *text;          /* translated plain-words sentence */
} LoadwiseInsight;

void     loadwise_insight_free (LoadwiseInsight *insight);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoadwiseInsight, loadwise_insight_free)

typedef struct {
  GPtrArray             *runs;            /* LoadwiseRun*, any order */
  const LoadwiseCheckin *checkins;
  gsize                  n_checkins;
  const LoadwiseHabits  *habits;
  gsize                  n_habits;
  const GDate           *session_days;    /* days with a glute session done */
  gsize                  n_session_days;
  GHashTable            *shoe_names;      /* gint64* id -> name; may be NULL */
} LoadwiseInsightData;

/* The findings worth showing (LoadwiseInsight*): comparisons ordered by
 * the size of the difference, then correlations by the size of rho. */
GPtrArray *loadwise_insights_compute (const LoadwiseInsightData *data);

/* Spearman's rank correlation with tied values given their mean rank;
 * NAN when @n < 2 or either series has no spread. */
double     loadwise_spearman         (const double *x,
                                      const double *y,
                                      gsize         n);

G_END_DECLS
