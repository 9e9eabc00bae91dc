/* charts-seed.c: fills an empty data folder with a seeded history, for
 * looking at the charts, the report and the Progress page by hand
 *
 * Usage: charts-seed DATA_DIR START(YYYY-MM-DD) DAYS [SEED]
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdlib.h>

#include "charts-test-util.h"
#include "core/loadwise-parse.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr (LoadwiseDatabase) database = NULL;
  g_autoptr (LoadwiseCatalogue) catalogue = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  ChartsHistory history = { .runs = TRUE, .flare = TRUE };

  if (argc < 4)
    {
      g_printerr ("Usage: %s DATA_DIR START DAYS [SEED]\n", argv[0]);
      return 2;
    }
  g_date_clear (&history.start, 1);
  g_date_set_parse (&history.start, argv[2]);
  if (!g_date_valid (&history.start))
    {
      g_printerr ("START: %s is not a date\n", argv[2]);
      return 2;
    }
  history.days = (guint) atoi (argv[3]);
  history.seed = argc > 4 ? (guint) atoi (argv[4]) : 1;

  path = loadwise_database_build_path (argv[1]);
  database = loadwise_database_open (path, &error);
  catalogue = loadwise_catalogue_load_default (&error);
  if (database == NULL || catalogue == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  charts_test_seed (database, catalogue, &history);
  return 0;
}
