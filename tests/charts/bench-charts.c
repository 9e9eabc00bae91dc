/* bench-charts.c: how long each chart takes to draw at 1000 x 400 over
 * ten years of daily history, and the PDF report
 *
 * DESIGN.md's budgets: any chart under 4 ms, the report under 1 s. Prints
 * one line per figure, "chart-draw name=pain ms=1.23", the median of
 * several runs. Fills its own temporary database through the store API.
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdlib.h>

#include <glib/gstdio.h>

#include "charts/loadwise-chart-data.h"
#include "report/loadwise-report.h"

#include "charts-test-util.h"
#include "loadwise-test-util.h"

#define N_DRAWS   31
#define N_REPORTS 5

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof *values, (GCompareFunc) compare_doubles);
  return values[n / 2];
}

int
main (int    argc,
      char **argv)
{
  g_autoptr (LoadwiseDatabase) database = NULL;
  g_autoptr (LoadwiseCatalogue) catalogue = NULL;
  g_autoptr (LoadwiseChartData) data = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *tmpdir = NULL;
  g_autofree char *path = NULL;
  ChartsHistory history = { .days = 3650, .seed = 10, .runs = TRUE, .flare = TRUE };
  LoadwiseChartStyle style;
  cairo_surface_t *surface;
  GDate today, from;
  double times[N_DRAWS];
  gint64 t0;

  g_test_init (&argc, &argv, NULL);

  tmpdir = loadwise_test_make_tmpdir ();
  path = g_build_filename (tmpdir, "loadwise.db", NULL);
  database = loadwise_database_open (path, &error);
  g_assert_no_error (error);
  catalogue = loadwise_catalogue_load_default (&error);
  g_assert_no_error (error);

  history.start = loadwise_test_date (2016, 11, 7);
  t0 = g_get_monotonic_time ();
  charts_test_seed (database, catalogue, &history);
  g_print ("seed days=%u ms=%.0f\n", history.days, (g_get_monotonic_time () - t0) / 1000.0);

  today = history.start;
  g_date_add_days (&today, history.days - 1);
  from = history.start;
  g_date_subtract_days (&from, 7);

  t0 = g_get_monotonic_time ();
  data = loadwise_chart_data_load (database, catalogue, &from, &today, &error);
  g_assert_no_error (error);
  g_print ("chart-load days=%d ms=%.2f\n", g_date_days_between (&from, &today) + 1,
           (g_get_monotonic_time () - t0) / 1000.0);

  loadwise_chart_style_init (&style, LOADWISE_CHART_THEME_LIGHT);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1000, 400);
  for (guint kind = 0; kind < LOADWISE_N_CHARTS; kind++)
    {
      for (guint i = 0; i < N_DRAWS; i++)
        {
          cairo_t *cr = cairo_create (surface);

          t0 = g_get_monotonic_time ();
          loadwise_chart_data_draw (data, kind, cr, 1000, 400, &style);
          cairo_surface_flush (surface);
          times[i] = (g_get_monotonic_time () - t0) / 1000.0;
          cairo_destroy (cr);
        }
      g_print ("chart-draw name=%s ms=%.2f\n", loadwise_chart_kind_to_string (kind),
               median (times, N_DRAWS));
    }
  cairo_surface_destroy (surface);

  for (guint i = 0; i < N_REPORTS; i++)
    {
      g_autofree char *name = g_strdup_printf ("report-%u.pdf", i);
      g_autofree char *pdf = g_build_filename (tmpdir, name, NULL);

      t0 = g_get_monotonic_time ();
      g_assert_true (loadwise_report_write_pdf (database, catalogue, &today, pdf, &error));
      g_assert_no_error (error);
      times[i] = (g_get_monotonic_time () - t0) / 1000.0;
    }
  g_print ("report-pdf ms=%.1f\n", median (times, N_REPORTS));

  g_clear_object (&database);
  loadwise_test_rm_rf (tmpdir);
  return 0;
}
