/* loadwise-cli-backups.c: `backups`, and the daily backup after a write
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "cli/loadwise-cli-json.h"
#include "cli/loadwise-cli-private.h"
#include "store/loadwise-backups.h"

static const char *
kind_to_string (LoadwiseBackupKind kind)
{
  switch (kind)
    {
    case LOADWISE_BACKUP_KIND_DAILY:
      return "daily";
    case LOADWISE_BACKUP_KIND_SAFETY:
      return "safety";
    case LOADWISE_BACKUP_KIND_OTHER:
      return "other";
    default:
      g_return_val_if_reached ("other");
    }
}

static void
print_json (GPtrArray *backups)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < backups->len; i++)
    {
      const LoadwiseBackup *backup = g_ptr_array_index (backups, i);
      g_autofree char *modified = g_date_time_format (backup->modified, "%Y-%m-%dT%H:%M:%S");
      g_autofree char *path = g_filename_display_name (backup->path);

      json_builder_begin_object (builder);
      loadwise_cli_json_add_string (builder, "path", path);
      loadwise_cli_json_add_string (builder, "modified", modified);
      loadwise_cli_json_add_int (builder, "size", backup->size);
      loadwise_cli_json_add_string (builder, "kind", kind_to_string (backup->kind));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  loadwise_cli_json_print (builder);
}

static void
print_text (GPtrArray *backups)
{
  for (guint i = 0; i < backups->len; i++)
    {
      const LoadwiseBackup *backup = g_ptr_array_index (backups, i);
      g_autofree char *modified = g_date_time_format (backup->modified, "%Y-%m-%d %H:%M");
      g_autofree char *size = g_format_size (backup->size);
      g_autofree char *path = g_filename_display_name (backup->path);

      g_print ("%s  %9s  %s\n", modified, size, path);
    }
}

int
loadwise_cli_cmd_backups (LoadwiseCli *cli,
                          int          argc,
                          char       **argv)
{
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    LOADWISE_CLI_JSON_OPTION (&json, N_("Print JSON: path, modified, size (bytes) and kind "
                                        "(daily, safety or other)")),
    { NULL }
  };
  g_autoptr (GPtrArray) backups = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) args = NULL;
  int status;

  if (!loadwise_cli_parse_command ("backups", NULL,
                                   _("List the backups in the data folder."),
                                   _("Newest first, with the time each was written and its size. "
                                     "Loadwise keeps a daily copy of the last 7 days it was used and "
                                     "one for each of the 4 weeks before; of the copies made before "
                                     "an upgrade, an import that replaces the data, and a restore, "
                                     "the newest 5 of each are kept. Copies that are not whole are "
                                     "not listed. Restore one with 'loadwise-cli restore FILE'."),
                                   entries, 0, argc, argv, &args, &status))
    return status;

  backups = loadwise_backups_list (cli->data_dir, &error);
  if (backups == NULL)
    return loadwise_cli_fail (error);

  if (json)
    print_json (backups);
  else if (backups->len == 0)
    g_print (_("No backups in %s yet.\n"), cli->data_dir);
  else
    print_text (backups);
  return LOADWISE_CLI_EXIT_OK;
}

void
loadwise_cli_take_daily_backup (LoadwiseCli *cli)
{
  g_autoptr (LoadwiseDatabase) database = NULL;
  g_autoptr (GError) error = NULL;
  GDate today;

  /* Commands that only read leave the folder as it is, and stay fast. */
  if (!loadwise_backups_process_has_written () || !loadwise_cli_database_exists (cli))
    return;

  loadwise_clock_get_today (cli->clock, &today);
  if (loadwise_backups_has_daily (cli->data_dir, &today))
    return;

  database = loadwise_cli_open_database (cli, &error);
  if (database == NULL || !loadwise_backups_take_daily (database, &today, NULL, &error))
    {
      /* The command itself succeeded: say so, and what did not. */
      g_printerr (_("loadwise-cli: warning: the daily backup was not taken: %s\n"), error->message);
    }
}
