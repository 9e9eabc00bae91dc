/* bench-util.h: what the benchmarks share
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The data folder (a new TMPDIR/data) of a `loadwise-cli demo --years @years` database in it. */
char   *bench_make_demo_dir (guint        years);
/* The environment of this process with @dir as LOADWISE_DATA_DIR and
 * the pairs in the NULL-terminated list set. */
GStrv   bench_environ       (const char  *data_dir,
                             ...) G_GNUC_NULL_TERMINATED;
/* Runs @argv to the end; asserts exit 0. Returns stdout. */
char   *bench_run           (const char * const *argv,
                             GStrv               envp);
double  bench_median        (GArray             *values);
/* Sorts @n doubles in @values, smallest first (for medians and percentiles). */
void    bench_sort          (double             *values,
                             gsize               n);

G_END_DECLS
