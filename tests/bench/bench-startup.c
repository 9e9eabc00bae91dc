/* bench-startup.c: from spawn to the first frame, Loadwise with ten years
 * of history against a bare AdwApplicationWindow, alternated
 *
 * Issue 8: the goal is a ratio of at most 1.2. Both draw with
 * GSK_RENDERER=cairo, so the comparison is like with like under Xvfb.
 * Prints one line: startup loadwise_ms=.. bare_ms=.. ratio=..
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench-util.h"
#include "loadwise-test-util.h"

#define ROUNDS 10

static double
first_frame_ms (const char *program,
                GStrv       envp)
{
  const char *argv[] = { program, NULL };
  gint64 start = g_get_monotonic_time ();
  g_autofree char *out = bench_run (argv, envp);
  const char *line = strstr (out, "first-frame ");

  if (line == NULL)
    g_error ("%s printed no first-frame line: %s", program, out);
  /* Both clocks are CLOCK_MONOTONIC, shared by the processes. */
  return (g_ascii_strtoll (line + strlen ("first-frame "), NULL, 10) - start) / 1000.0;
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *data_dir = bench_make_demo_dir (10);
  g_autofree char *tmpdir = g_path_get_dirname (data_dir);
  g_auto (GStrv) envp = bench_environ (data_dir,
                                       "GSK_RENDERER", "cairo",
                                       "LOADWISE_BENCH_FIRST_FRAME", "1",
                                       NULL);
  g_autoptr (GArray) app = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) bare = g_array_new (FALSE, FALSE, sizeof (double));
  const char *app_path = g_getenv ("LOADWISE_APP");
  const char *bare_path = g_getenv ("LOADWISE_BARE_WINDOW");
  double app_ms, bare_ms;

  g_assert_nonnull (app_path);
  g_assert_nonnull (bare_path);

  /* One of each first: caches (fonts, icons, closed weeks) are warm after it. */
  first_frame_ms (app_path, envp);
  first_frame_ms (bare_path, envp);

  for (guint i = 0; i < ROUNDS; i++)
    {
      double a = first_frame_ms (app_path, envp);
      double b = first_frame_ms (bare_path, envp);

      g_array_append_val (app, a);
      g_array_append_val (bare, b);
    }

  app_ms = bench_median (app);
  bare_ms = bench_median (bare);
  printf ("startup loadwise_ms=%.1f bare_ms=%.1f ratio=%.2f\n", app_ms, bare_ms, app_ms / bare_ms);

  loadwise_test_rm_rf (tmpdir);
  return EXIT_SUCCESS;
}
