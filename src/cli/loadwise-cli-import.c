/* loadwise-cli-import.c: `loadwise-cli import`, a JSON backup restored
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "cli/loadwise-cli-private.h"
#include "core/loadwise-error.h"
#include "report/loadwise-json-backup.h"
#include "store/loadwise-database-dataset.h"

int
loadwise_cli_cmd_import (LoadwiseCli *cli,
                         int          argc,
                         char       **argv)
{
  gboolean replace = FALSE;
  const GOptionEntry entries[] = {
    { "replace", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, &replace,
      N_("Replace the data already there (a backup copy is kept in the data folder)"), NULL },
    { NULL }
  };
  g_autoptr (LoadwiseDatabase) database = NULL;
  g_autoptr (LoadwiseDataset) dataset = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *backup_path = NULL;
  g_autofree char *database_path = NULL;
  g_auto (GStrv) args = NULL;
  gboolean created = FALSE;
  gboolean empty = FALSE;
  int status;

  if (!loadwise_cli_parse_command ("import", N_("FILE"),
                                   _("Restore a JSON backup made with 'export --format json'."),
                                   _("The whole file is checked before anything changes; a fault "
                                     "is reported with its place and nothing is written."),
                                   entries, 1, argc, argv, &args, &status))
    return status;
  if (args[1] == NULL)
    return loadwise_cli_fail_usage (_("import: which file? (see 'loadwise-cli import --help')"));

  /* Everything is checked before the database is even opened. */
  dataset = loadwise_json_backup_read_file (args[1], &error);
  if (dataset == NULL && error->domain == G_FILE_ERROR)
    {
      /* A file that cannot be read is bad input too; the message names it. */
      g_autoptr (GError) usage = g_error_new (LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT,
                                              "%s", error->message);

      return loadwise_cli_fail (usage);
    }
  if (dataset == NULL)
    {
      g_prefix_error (&error, "%s: ", args[1]);
      return loadwise_cli_fail (error);
    }

  /* Into a folder with no database, the database appears whole or not
   * at all; otherwise one transaction holds the import. */
  database_path = loadwise_database_build_path (cli->data_dir);
  if (!loadwise_database_create_from_dataset (database_path, dataset, cli->clock, &created, &error))
    return loadwise_cli_fail (error);
  if (created)
    {
      g_print (_("Imported %s\n"), args[1]);
      return LOADWISE_CLI_EXIT_OK;
    }

  database = loadwise_cli_open_database (cli, &error);
  if (database == NULL)
    return loadwise_cli_fail (error);
  if (!loadwise_database_is_empty (database, &empty, &error))
    return loadwise_cli_fail (error);
  if (!empty && !replace)
    return loadwise_cli_fail_usage (_("import: the database already holds data; nothing was changed. "
                                      "Use 'import --replace %s' to replace it "
                                      "(a backup copy of the current data is kept)"),
                                    args[1]);

  if (!loadwise_database_write_dataset (database, dataset, replace, &backup_path, &error))
    return loadwise_cli_fail (error);

  if (backup_path != NULL)
    g_print (_("Imported %s; the data it replaced is in %s\n"), args[1], backup_path);
  else
    g_print (_("Imported %s\n"), args[1]);
  return LOADWISE_CLI_EXIT_OK;
}
