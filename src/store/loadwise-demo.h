/* loadwise-demo.h: a realistic, seeded history for screenshots and benchmarks
 *
 * Issue 6, "Demo data". Consecutive programmes (then maintenance, then a
 * new programme), sessions whose set logs follow the prescriptions (mostly
 * done, some partial, some skipped with a reason), exercise pain, a
 * morning check-in nearly every day with pain falling over each programme,
 * flare-ups with night pain, 3-4 runs a week with their load factors, in
 * 2-4 pairs of shoes, and red-flag screenings (all answered no). Downhill
 * running and cambered roads genuinely raise the next morning's pain, so
 * the insights have something real to find. Levels and targets move by
 * the real weekly decision (loadwise_progression_decide()), and the
 * current programme's weeks are stored as closed, with their reviews.
 * The same seed and the same @today give the same rows, timestamps
 * included.
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "core/loadwise-catalogue.h"
#include "store/loadwise-database-dataset.h"

G_BEGIN_DECLS

#define LOADWISE_DEMO_YEARS_MIN 1
#define LOADWISE_DEMO_YEARS_MAX 20

/* The history of the @years before @today (which stays free for the
 * runner to log), as a dataset. */
LoadwiseDataset *loadwise_demo_generate           (const LoadwiseCatalogue *catalogue,
                                                   guint                    years,
                                                   gint64                   seed,
                                                   const GDate             *today,
                                                   GError                 **error);

/* Generates and writes it in one transaction; refuses (with
 * LOADWISE_ERROR_INVALID_INPUT, nothing changed) a database that holds
 * anything. */
gboolean         loadwise_database_fill_demo      (LoadwiseDatabase        *self,
                                                   const LoadwiseCatalogue *catalogue,
                                                   guint                    years,
                                                   gint64                   seed,
                                                   const GDate             *today,
                                                   GError                 **error);

G_END_DECLS
