/* test-chart-aggregate.c: per-column aggregation and the rolling mean
 * against the obvious (slow) computation
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "charts/loadwise-chart-series.h"

static void
naive_column (const LoadwiseDayValue *values,
              guint                   n_values,
              guint32                 first_day,
              guint32                 last_day,
              guint                   n_columns,
              guint                   column,
              LoadwiseColumnStat     *out)
{
  double n_days = (double) last_day - first_day + 1;
  double sum = 0;

  out->n = 0;
  out->min = G_MAXDOUBLE;
  out->max = -G_MAXDOUBLE;
  for (guint i = 0; i < n_values; i++)
    {
      double from, to;

      if (values[i].day < first_day || values[i].day > last_day)
        continue;
      /* Column c covers the days whose offset lies in [c, c + 1) columns. */
      from = column * n_days / n_columns;
      to = (column + 1) * n_days / n_columns;
      if (values[i].day - first_day < from || values[i].day - first_day >= to)
        continue;
      out->n++;
      sum += values[i].value;
      out->min = MIN (out->min, values[i].value);
      out->max = MAX (out->max, values[i].value);
    }
  out->mean = out->n > 0 ? sum / out->n : 0;
}

static void
test_equals_naive (void)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (42);

  for (guint round = 0; round < 200; round++)
    {
      guint n_values = (guint) g_rand_int_range (rand, 0, 60);
      guint32 first_day = 700000 + (guint32) g_rand_int_range (rand, 0, 20);
      guint32 last_day = first_day + (guint32) g_rand_int_range (rand, 0, 50);
      guint n_columns = (guint) g_rand_int_range (rand, 1, 40);
      g_autofree LoadwiseDayValue *values = g_new (LoadwiseDayValue, MAX (1u, n_values));
      g_autofree LoadwiseColumnStat *columns = g_new (LoadwiseColumnStat, n_columns);

      for (guint i = 0; i < n_values; i++)
        {
          /* Some before and after the range, several on one day. */
          values[i].day = first_day - 5 + (guint32) g_rand_int_range (rand, 0, (int) (last_day - first_day) + 10);
          values[i].value = g_rand_int_range (rand, 0, 11);
        }

      loadwise_chart_aggregate (values, n_values, first_day, last_day, n_columns, columns);
      for (guint c = 0; c < n_columns; c++)
        {
          LoadwiseColumnStat expected;

          naive_column (values, n_values, first_day, last_day, n_columns, c, &expected);
          g_assert_cmpuint (columns[c].n, ==, expected.n);
          if (expected.n == 0)
            continue;
          g_assert_cmpfloat (columns[c].min, ==, expected.min);
          g_assert_cmpfloat (columns[c].max, ==, expected.max);
          g_assert_cmpfloat_with_epsilon (columns[c].mean, expected.mean, 1e-9);
        }
    }
}

static void
test_one_column_per_day (void)
{
  const LoadwiseDayValue values[] = { { 10, 3 }, { 10, 5 }, { 12, 7 }, { 14, 1 } };
  LoadwiseColumnStat columns[5];

  loadwise_chart_aggregate (values, G_N_ELEMENTS (values), 10, 14, 5, columns);
  g_assert_cmpuint (columns[0].n, ==, 2);
  g_assert_cmpfloat (columns[0].min, ==, 3);
  g_assert_cmpfloat (columns[0].max, ==, 5);
  g_assert_cmpfloat (columns[0].mean, ==, 4);
  g_assert_cmpuint (columns[1].n, ==, 0);
  g_assert_cmpfloat (columns[2].mean, ==, 7);
  g_assert_cmpuint (columns[3].n, ==, 0);
  g_assert_cmpfloat (columns[4].mean, ==, 1);
}

static void
test_rolling_mean (void)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (7);
  g_autoptr (GArray) values = g_array_new (FALSE, TRUE, sizeof (LoadwiseDayValue));
  g_autoptr (GArray) means = NULL;
  guint32 day = 1000;

  for (guint i = 0; i < 300; i++)
    {
      LoadwiseDayValue v;

      /* Gaps of 0-3 days, so windows hold different counts. */
      day += (guint32) g_rand_int_range (rand, 0, 4);
      v.day = day;
      v.value = g_rand_int_range (rand, 0, 11);
      g_array_append_val (values, v);
    }

  means = loadwise_chart_rolling_mean ((const LoadwiseDayValue *) values->data, values->len, 7);
  g_assert_cmpuint (means->len, ==, values->len);
  for (guint i = 0; i < values->len; i++)
    {
      const LoadwiseDayValue *vi = &g_array_index (values, LoadwiseDayValue, i);
      double sum = 0;
      guint n = 0;

      for (guint j = 0; j <= i; j++)
        {
          const LoadwiseDayValue *vj = &g_array_index (values, LoadwiseDayValue, j);

          if (vj->day + 7 > vi->day)
            {
              sum += vj->value;
              n++;
            }
        }
      g_assert_cmpuint (g_array_index (means, LoadwiseDayValue, i).day, ==, vi->day);
      g_assert_cmpfloat_with_epsilon (g_array_index (means, LoadwiseDayValue, i).value, sum / n, 1e-9);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/charts/aggregate/equals-naive", test_equals_naive);
  g_test_add_func ("/charts/aggregate/one-column-per-day", test_one_column_per_day);
  g_test_add_func ("/charts/aggregate/rolling-mean", test_rolling_mean);

  return g_test_run ();
}
