/* loadwise-cli-demo.c: `loadwise-cli demo`
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "cli/loadwise-cli-private.h"
#include "core/loadwise-parse.h"
#include "store/loadwise-demo.h"

int
loadwise_cli_cmd_demo (LoadwiseCli *cli,
                       int          argc,
                       char       **argv)
{
  g_autofree char *years_text = NULL;
  g_autofree char *seed_text = NULL;
  const GOptionEntry entries[] = {
    { "years", 'y', G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &years_text,
      N_("How many years of history, 1-20 (default 1)"), N_("N") },
    { "seed", 's', G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &seed_text,
      N_("Any whole number; the same seed gives the same history (default 1)"), N_("S") },
    { NULL }
  };
  g_autoptr (LoadwiseDatabase) database = NULL;
  g_autoptr (LoadwiseCatalogue) catalogue = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) args = NULL;
  gint64 years = 1, seed = 1;
  GDate today;
  int status;

  if (!loadwise_cli_parse_command ("demo", NULL,
                                   _("Fill an empty database with a made-up history."),
                                   _("For trying Loadwise out, screenshots and benchmarks: "
                                     "programmes, sessions, check-ins, runs, shoes and flare-ups "
                                     "up to yesterday. A database that holds anything is refused."),
                                   entries, 0, argc, argv, &args, &status))
    return status;
  if ((years_text != NULL
       && !loadwise_parse_int ("--years", years_text, LOADWISE_DEMO_YEARS_MIN,
                               LOADWISE_DEMO_YEARS_MAX, &years, &error))
      || (seed_text != NULL
          && !loadwise_parse_int ("--seed", seed_text, G_MININT64, G_MAXINT64, &seed, &error)))
    return loadwise_cli_fail (error);

  catalogue = loadwise_catalogue_load_default (&error);
  if (catalogue == NULL)
    return loadwise_cli_fail (error);
  database = loadwise_cli_open_database (cli, &error);
  if (database == NULL)
    return loadwise_cli_fail (error);

  loadwise_clock_get_today (cli->clock, &today);
  if (!loadwise_database_fill_demo (database, catalogue, (guint) years, seed, &today, &error))
    return loadwise_cli_fail (error);

  g_print (ngettext ("Demo data: %u year of history (seed %lld) in %s\n",
                     "Demo data: %u years of history (seed %lld) in %s\n",
                     (gulong) years),
           (guint) years, (long long) seed, loadwise_database_get_path (database));
  return LOADWISE_CLI_EXIT_OK;
}
