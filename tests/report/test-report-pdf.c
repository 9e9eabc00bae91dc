/* test-report-pdf.c: the clinician report, read back with pdftotext
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>

#include <gio/gio.h>

#include "charts/loadwise-chart-data.h"
#include "report/loadwise-report.h"

#include "charts-test-util.h"
#include "loadwise-test-util.h"

static char *
run_tool (const char *tool,
          const char *pdf)
{
  const char *argv[] = { tool, pdf, "-", NULL };
  g_autoptr (GError) error = NULL;
  char *out = NULL;
  int status = -1;

  if (g_strcmp0 (tool, "pdfinfo") == 0)
    argv[2] = NULL;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
  return out;
}

static void
assert_contains (const char *text,
                 const char *needle)
{
  if (strstr (text, needle) == NULL)
    g_error ("“%s” is not in the report:\n%s", needle, text);
}

static void
test_report (ChartsFixture *fixture,
             gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *pdf = g_build_filename (fixture->tmpdir, "report.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *info = NULL;
  g_autofree char *flat = NULL;
  g_autofree char *baseline_text = NULL;
  g_autofree char *sets_text = NULL;
  g_autofree char *pdftotext = NULL;
  g_autoptr (LoadwiseChartData) chart = NULL;
  ChartsHistory history = { .start = loadwise_test_date (2026, 10, 5), .days = 56, .seed = 5,
                            .runs = TRUE, .flare = TRUE };
  GDate today = loadwise_test_date (2026, 11, 29), from = loadwise_test_date (2026, 9, 28);
  guint done = 0, prescribed = 0, pages = 0;
  double baseline;
  gboolean found;

  /* meson requires poppler-utils: a missing pdftotext is a failure. */
  pdftotext = g_find_program_in_path ("pdftotext");
  g_assert_nonnull (pdftotext);

  charts_test_seed (fixture->db, fixture->catalogue, &history);
  g_assert_true (loadwise_report_write_pdf (fixture->db, fixture->catalogue, &today, pdf, &error));
  g_assert_no_error (error);

  info = run_tool ("pdfinfo", pdf);
  assert_contains (info, "595 x 842 pts (A4)");
  text = run_tool ("pdftotext", pdf);
  for (const char *p = text; *p != '\0'; p++)
    pages += *p == '\f';
  g_assert_cmpuint (pages, >=, 1);
  g_assert_cmpuint (pages, <=, 2);
  /* Words that a line break split come back together. */
  flat = g_strdelimit (g_strdup (text), "\n\f", ' ');

  assert_contains (flat, "Hip exercise programme: report for a clinician");
  assert_contains (flat, "Programme");
  assert_contains (flat, "Pain");
  assert_contains (flat, "Adherence");
  assert_contains (flat, "Exercise levels and weekly decisions");
  assert_contains (flat, "Running");
  assert_contains (flat, "Patterns between load and pain");
  assert_contains (flat, "Left and right");
  assert_contains (flat, "Red-flag screening");
  assert_contains (flat, "Loadwise does not diagnose.");
  assert_contains (flat, "Mon 5 Oct 2026");
  assert_contains (flat, "8 weeks; now in week 8");
  assert_contains (flat, "Last answered on Sun 4 Oct 2026: no to every question.");

  /* The figures: the baseline, and the sets done over the period. */
  g_assert_true (loadwise_database_get_baseline (fixture->db, NULL, &baseline, &found, &error));
  g_assert_true (found);
  baseline_text = g_strdup_printf ("%.1f/10 (median of the 7 days before the start)", baseline);
  assert_contains (flat, baseline_text);

  chart = loadwise_chart_data_load (fixture->db, fixture->catalogue, &from, &today, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < chart->adherence.weeks->len; i++)
    {
      done += g_array_index (chart->adherence.weeks, LoadwiseAdherenceWeek, i).done;
      prescribed += g_array_index (chart->adherence.weeks, LoadwiseAdherenceWeek, i).prescribed;
    }
  g_assert_cmpuint (prescribed, >, 0);
  sets_text = g_strdup_printf ("%u%% (%u of %u sets)", (guint) lround (100.0 * done / prescribed),
                               done, prescribed);
  assert_contains (flat, sets_text);
  /* The chart's trend in words is printed under it. */
  assert_contains (flat, "Morning pain fell from 5 to 2 over 9 weeks.");
  /* Each change once, with the reason the app gave. */
  assert_contains (flat, "Week 2: Single-leg: up to level 2 — every set done");
  g_assert_null (strstr (flat, "up to level 2. Single-leg"));
}

static void
test_refuses_existing (ChartsFixture *fixture,
                       gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *pdf = g_build_filename (fixture->tmpdir, "report.pdf", NULL);
  g_autoptr (GBytes) after = NULL;
  ChartsHistory history = { .start = loadwise_test_date (2026, 10, 5), .days = 7, .seed = 5 };
  GDate today = loadwise_test_date (2026, 10, 11);

  charts_test_seed (fixture->db, fixture->catalogue, &history);
  g_assert_true (g_file_set_contents (pdf, "mine", -1, NULL));
  g_assert_false (loadwise_report_write_pdf (fixture->db, fixture->catalogue, &today, pdf, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  after = loadwise_test_read_file (pdf);
  g_assert_cmpuint (g_bytes_get_size (after), ==, 4);
}

static void
test_no_programme (ChartsFixture *fixture,
                   gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *pdf = g_build_filename (fixture->tmpdir, "report.pdf", NULL);
  GDate today = loadwise_test_date (2026, 10, 11);

  g_assert_false (loadwise_report_write_pdf (fixture->db, fixture->catalogue, &today, pdf, &error));
  g_assert_error (error, LOADWISE_DATABASE_ERROR, LOADWISE_DATABASE_ERROR_NO_PROGRAMME);
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/report/pdf/contents", ChartsFixture, NULL, charts_fixture_setup, test_report, charts_fixture_teardown);
  g_test_add ("/report/pdf/refuses-existing", ChartsFixture, NULL, charts_fixture_setup, test_refuses_existing,
              charts_fixture_teardown);
  g_test_add ("/report/pdf/no-programme", ChartsFixture, NULL, charts_fixture_setup, test_no_programme,
              charts_fixture_teardown);

  return g_test_run ();
}
