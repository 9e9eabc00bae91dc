/* bench-cli.c: `loadwise-cli status` and the PDF report with ten years
 *
 * Issue 8: status under 30 ms (the median of 20 runs), the PDF report
 * under 1 s (the median of 5). Prints one line for each:
 * cli-status ms=.. and report-pdf ms=..
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>
#include <stdlib.h>

#include "bench-util.h"
#include "loadwise-test-util.h"

static double
time_ms (const char * const *argv,
         GStrv               envp)
{
  gint64 start = g_get_monotonic_time ();

  g_free (bench_run (argv, envp));
  return (g_get_monotonic_time () - start) / 1000.0;
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *data_dir = bench_make_demo_dir (10);
  g_autofree char *tmpdir = g_path_get_dirname (data_dir);
  g_auto (GStrv) envp = bench_environ (data_dir, NULL);
  g_autoptr (GArray) status = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) pdf = g_array_new (FALSE, FALSE, sizeof (double));
  const char *cli = g_getenv ("LOADWISE_CLI");
  const char *status_argv[] = { cli, "status", NULL };

  /* The first run closes the weeks since the demo ended: a one-off. */
  time_ms (status_argv, envp);
  for (guint i = 0; i < 20; i++)
    {
      double ms = time_ms (status_argv, envp);

      g_array_append_val (status, ms);
    }
  printf ("cli-status ms=%.1f\n", bench_median (status));

  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *name = g_strdup_printf ("report-%u.pdf", i);
      g_autofree char *path = g_build_filename (tmpdir, name, NULL);
      const char *pdf_argv[] = { cli, "export", "--format", "pdf", "--output", path, NULL };
      double ms = time_ms (pdf_argv, envp);

      g_array_append_val (pdf, ms);
    }
  printf ("report-pdf ms=%.1f\n", bench_median (pdf));

  loadwise_test_rm_rf (tmpdir);
  return EXIT_SUCCESS;
}
