/* report-test-util.c: the fixture the report's tests share
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "report-test-util.h"

#include "loadwise-test-util.h"

void
report_fixture_setup (ReportFixture *fixture,
                      gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->tmpdir = loadwise_test_make_tmpdir ();
  path = g_build_filename (fixture->tmpdir, "loadwise.db", NULL);
  fixture->db = loadwise_database_open (path, &error);
  g_assert_no_error (error);
  fixture->catalogue = loadwise_catalogue_load_default (&error);
  g_assert_no_error (error);
}

void
report_fixture_teardown (ReportFixture *fixture,
                         gconstpointer  data)
{
  g_clear_object (&fixture->db);
  g_clear_pointer (&fixture->catalogue, loadwise_catalogue_unref);
  loadwise_test_rm_rf (fixture->tmpdir);
  g_clear_pointer (&fixture->tmpdir, g_free);
}
