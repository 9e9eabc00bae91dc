/* charts-test-util.h: the fixture of the chart and report tests, and a
 * seeded history for them and the benchmark programs, written through the
 * store's API
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "core/loadwise-catalogue.h"
#include "store/loadwise-database.h"

G_BEGIN_DECLS

typedef struct {
  char              *tmpdir;     /* removed with all it holds on teardown */
  LoadwiseDatabase  *db;         /* TMPDIR/loadwise.db */
  LoadwiseCatalogue *catalogue;
} ChartsFixture;

/* For g_test_add (): an empty database in a folder of its own and the
 * exercise catalogue; asserts that both open. */
void charts_fixture_setup    (ChartsFixture *fixture,
                              gconstpointer  data);
void charts_fixture_teardown (ChartsFixture *fixture,
                              gconstpointer  data);

typedef struct {
  GDate  start;        /* the programme's first day */
  guint  days;         /* history logged from start - 7 to start + days - 1 */
  guint  seed;
  gboolean runs;       /* log runs (3 a week) */
  gboolean flare;      /* one flare from day 20 to day 27 */
} ChartsHistory;

/* Starts a programme (8 weeks, mon/wed/fri) on @history->start and logs:
 * a check-in every morning from 7 days before (pain falling from 5 to
 * about 2, mostly on the left), every session (80-100 % done, pain 1-4,
 * one in ten skipped), a weekly plan with a step up in each family every
 * other week, runs and a flare when asked. Asserts every write. */
void charts_test_seed (LoadwiseDatabase        *database,
                       const LoadwiseCatalogue *catalogue,
                       const ChartsHistory     *history);

G_END_DECLS
