/* bench-log-set.c: one logged set, as the Today page logs it
 *
 * Each tick is loadwise_database_log_set (): one BEGIN IMMEDIATE
 * transaction (the session row and the set row) committed to a WAL file
 * with synchronous=NORMAL. Prints the median of many, one machine-readable
 * line: "log-set ms=0.NNN n=N". The goal of issue 8 is under 1 ms.
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>
#include <stdlib.h>

#include "bench-util.h"
#include "loadwise-test-util.h"
#include "store/loadwise-database.h"

#define N_TICKS 2000

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr (LoadwiseDatabase) db = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree double *ms = g_new (double, N_TICKS);
  GDate day = loadwise_test_date (2026, 1, 5);

  g_test_init (&argc, &argv, NULL);
  dir = loadwise_test_make_tmpdir ();
  path = loadwise_database_build_path (dir);
  db = loadwise_database_open (path, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < N_TICKS; i++)
    {
      LoadwiseSetLog log = { .exercise_id = (char *) "double-leg-bridge", .side = LOADWISE_SIDE_NONE,
                             .set_index = i % 3, .done = TRUE, .reps = 10 };
      gint64 start;

      /* A new day every three sets, as a real history grows. */
      if (i > 0 && i % 3 == 0)
        g_date_add_days (&day, 1);
      start = g_get_monotonic_time ();
      if (!loadwise_database_log_set (db, &day, &log, &error))
        g_error ("%s", error->message);
      ms[i] = (double) (g_get_monotonic_time () - start) / 1000.0;
    }

  bench_sort (ms, N_TICKS);
  printf ("log-set ms=%.3f n=%d p90=%.3f\n", ms[N_TICKS / 2], N_TICKS, ms[N_TICKS * 9 / 10]);

  g_clear_object (&db);
  loadwise_test_rm_rf (dir);
  return 0;
}
