/* report-test-util.h: the fixture the report's tests share, an empty
 * database in a folder of its own and the exercise catalogue
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
} ReportFixture;

/* For g_test_add (); asserts that the database opens and the catalogue loads. */
void report_fixture_setup    (ReportFixture *fixture,
                              gconstpointer  data);
void report_fixture_teardown (ReportFixture *fixture,
                              gconstpointer  data);

G_END_DECLS
