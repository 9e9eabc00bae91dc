/* bench-util.c: what the benchmarks share
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bench-util.h"

#include <stdlib.h>

#include "loadwise-test-util.h"

/* The same "now" as the CLI tests, so the history ends on a known day. */
#define BENCH_NOW "2026-11-23T08:00:00"

GStrv
bench_environ (const char *data_dir,
               ...)
{
  GStrv envp = g_get_environ ();
  const char *name;
  va_list args;

  envp = g_environ_setenv (envp, "LOADWISE_DATA_DIR", data_dir, TRUE);
  envp = g_environ_setenv (envp, "LOADWISE_NOW", BENCH_NOW, TRUE);
  va_start (args, data_dir);
  while ((name = va_arg (args, const char *)) != NULL)
    envp = g_environ_setenv (envp, name, va_arg (args, const char *), TRUE);
  va_end (args);
  return envp;
}

char *
bench_run (const char * const *argv,
           GStrv               envp)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("%s failed: %s\n%s", argv[0], error->message, err);
  return out;
}

char *
bench_make_demo_dir (guint years)
{
  g_autofree char *tmpdir = loadwise_test_make_tmpdir ();
  g_autofree char *data_dir = g_build_filename (tmpdir, "data", NULL);

  g_autofree char *years_text = g_strdup_printf ("%u", years);
  g_auto (GStrv) envp = bench_environ (data_dir, NULL);
  const char *argv[] = { g_getenv ("LOADWISE_CLI"), "demo", "--years", years_text, NULL };

  g_free (bench_run (argv, envp));
  return g_steal_pointer (&data_dir);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

double
bench_median (GArray *values)
{
  g_array_sort (values, compare_doubles);
  if (values->len == 0)
    return 0.0;
  if (values->len % 2 == 1)
    return g_array_index (values, double, values->len / 2);
  return (g_array_index (values, double, values->len / 2 - 1)
          + g_array_index (values, double, values->len / 2)) / 2.0;
}

void
bench_sort (double *values,
            gsize   n)
{
  qsort (values, n, sizeof values[0], compare_doubles);
}
