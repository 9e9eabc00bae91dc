/* loadwise-cli-data.c: `redflags`, `check`, `backup` and `restore`
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "cli/loadwise-cli-json.h"
#include "cli/loadwise-cli-private.h"
#include "core/loadwise-red-flags.h"

static char *
red_flag_ids_joined (guint mask)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < LOADWISE_N_RED_FLAGS; i++)
    {
      LoadwiseRedFlag flag = loadwise_red_flag_nth (i);

      if ((mask & flag) == 0)
        continue;
      if (text->len > 0)
        g_string_append (text, ", ");
      g_string_append (text, loadwise_red_flag_to_string (flag));
    }
  return g_string_free (text, FALSE);
}

static void
print_screening (const GDate *date,
                 guint        mask,
                 gboolean     json)
{
  if (json)
    {
      g_autoptr (JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      loadwise_cli_json_add_date (builder, "date", date);
      json_builder_set_member_name (builder, "yes");
      json_builder_begin_array (builder);
      for (guint i = 0; i < LOADWISE_N_RED_FLAGS; i++)
        {
          LoadwiseRedFlag flag = loadwise_red_flag_nth (i);

          if (mask & flag)
            json_builder_add_string_value (builder, loadwise_red_flag_to_string (flag));
        }
      json_builder_end_array (builder);
      loadwise_cli_json_add_string (builder, "advice", loadwise_red_flags_get_advice_for (mask));
      json_builder_end_object (builder);
      loadwise_cli_json_print (builder);
    }
  else
    {
      g_autofree char *iso = loadwise_date_to_iso (date);

      if (mask == 0)
        {
          g_print (_("Red-flag screening of %s: no red flags.\n"), iso);
        }
      else
        {
          g_autofree char *ids = red_flag_ids_joined (mask);

          g_print (_("Red-flag screening of %s: yes to %s.\n%s\n"), iso, ids,
                   loadwise_red_flags_get_advice_for (mask));
        }
    }
}

static char *
build_redflags_description (void)
{
  GString *text = g_string_new (_("Records a screening for a day: each --yes names a question answered "
                                  "yes; the others count as no, so no --yes at all means no red flags. "
                                  "Any yes prints advice to see a clinician. A yes stands until a no to "
                                  "the same question, dated on or after it and given after it; the date "
                                  "may not be in the future. --show prints the last screening's date "
                                  "and the yes answers that stand (with --json: date, yes and advice, "
                                  "or null when there has been none).\n\nThe questions:\n"));

  for (guint i = 0; i < LOADWISE_N_RED_FLAGS; i++)
    {
      LoadwiseRedFlag flag = loadwise_red_flag_nth (i);
      g_autofree char *question = loadwise_cli_wrap_text (loadwise_red_flag_get_question (flag), 59);
      g_auto (GStrv) lines = g_strsplit (question, "\n", -1);

      /* A table: the id, then its question with a hanging indent. */
      g_string_append_printf (text, "  %-16s %s\n", loadwise_red_flag_to_string (flag), lines[0]);
      for (guint j = 1; lines[j] != NULL; j++)
        g_string_append_printf (text, "  %-16s %s\n", "", lines[j]);
    }
  g_string_append_printf (text, "\n%s", loadwise_disclaimer ());
  return g_string_free (text, FALSE);
}

int
loadwise_cli_cmd_redflags (LoadwiseCli *cli,
                           int          argc,
                           char       **argv)
{
  g_auto (GStrv) yes_ids = NULL;
  g_autofree char *date_text = NULL;
  gboolean show = FALSE;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "yes", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING_ARRAY, &yes_ids,
      N_("A question answered yes (repeat for each)"), N_("ID") },
    { "date", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &date_text,
      N_("The day of the screening (default: today)"), N_("YYYY-MM-DD") },
    { "show", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, &show,
      N_("Show the yes answers that stand instead of recording a screening"), NULL },
    LOADWISE_CLI_JSON_OPTION (&json, N_("Print JSON")),
    { NULL }
  };
  g_autoptr (LoadwiseDatabase) database = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *description = build_redflags_description ();
  g_auto (GStrv) args = NULL;
  guint mask = 0;
  GDate date;
  int status;

  if (!loadwise_cli_parse_command ("redflags", NULL,
                                   _("Record or show the red-flag screening."),
                                   description, entries, 0, argc, argv, &args, &status))
    return status;

  if (show)
    {
      gboolean found = FALSE;

      if (yes_ids != NULL || date_text != NULL)
        return loadwise_cli_fail_usage (_("--show: cannot be combined with --yes or --date"));

      if (!loadwise_cli_open_database_if_exists (cli, &database, &error) ||
          (database != NULL &&
           !loadwise_database_get_red_flags (database, &date, &mask, &found, &error)))
        return loadwise_cli_fail (error);

      if (found)
        print_screening (&date, mask, json);
      else if (json)
        g_print ("null\n");
      else
        g_print (_("No red-flag screening yet.\n"));
      return LOADWISE_CLI_EXIT_OK;
    }

  for (guint i = 0; yes_ids != NULL && yes_ids[i] != NULL; i++)
    {
      LoadwiseRedFlag flag;

      if (!loadwise_red_flag_from_string (yes_ids[i], &flag))
        {
          g_autofree char *all = red_flag_ids_joined (LOADWISE_RED_FLAGS_ALL);

          return loadwise_cli_fail_usage (_("--yes: %s is not one of %s"), yes_ids[i], all);
        }
      mask |= flag;
    }

  /* Answers are about a day that has come, as for every other record: a
   * screening dated ahead would otherwise stand for days not yet lived. */
  if (!loadwise_cli_resolve_past_date (cli, date_text, &date, &error))
    return loadwise_cli_fail (error);

  database = loadwise_cli_open_database (cli, &error);
  if (database == NULL ||
      !loadwise_database_save_red_flags (database, &date, mask, &error))
    return loadwise_cli_fail (error);

  print_screening (&date, mask, json);
  if (!json)
    {
      LoadwiseRedFlagStatus standing;

      /* A yes of another screening that this one does not retract (it is
       * dated later, or was entered after it) still stands: say so. */
      if (loadwise_database_get_red_flag_status (database, &standing, NULL) &&
          (standing.standing_mask & ~mask) != 0)
        {
          g_autofree char *ids = red_flag_ids_joined (standing.standing_mask & ~mask);

          g_print (_("Still standing from another screening: yes to %s.\n"), ids);
          if (loadwise_red_flags_get_mask_urgency (standing.standing_mask) >
              loadwise_red_flags_get_mask_urgency (mask))
            g_print ("%s\n", loadwise_red_flags_get_advice_for (standing.standing_mask));
        }
    }
  return LOADWISE_CLI_EXIT_OK;
}

/* Commands that only look at an existing database must not create one. */
static LoadwiseDatabase *
open_existing_database (LoadwiseCli  *cli,
                        GError      **error)
{
  if (!loadwise_cli_database_exists (cli))
    {
      g_autofree char *path = loadwise_database_build_path (cli->data_dir);

      g_set_error (error, LOADWISE_DATABASE_ERROR, LOADWISE_DATABASE_ERROR_IO,
                   _("there is no database at %s yet"), path);
      return NULL;
    }
  return loadwise_cli_open_database (cli, error);
}

/* After `check` found damage: the way out (issue 8, corruption drill). */
static void
print_damage_hint (LoadwiseCli *cli)
{
  g_autofree char *backup = loadwise_database_find_latest_backup (cli->data_dir);

  if (backup != NULL)
    g_printerr (_("loadwise-cli: the database is damaged (not changed); the newest backup is %s: "
                  "restore it with 'loadwise-cli restore %s'\n"), backup, backup);
  else
    g_printerr (_("loadwise-cli: the database is damaged (not changed); there is no backup in %s\n"),
                cli->data_dir);
}

int
loadwise_cli_cmd_check (LoadwiseCli *cli,
                        int          argc,
                        char       **argv)
{
  g_autoptr (LoadwiseDatabase) database = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *report = NULL;
  g_auto (GStrv) args = NULL;
  int status;

  if (!loadwise_cli_parse_command ("check", NULL,
                                   _("Check the database for damage."),
                                   _("Runs SQLite's full integrity check. Prints \"ok\" and exits with 0, "
                                     "or prints the problems found and exits with 1. Changes nothing."),
                                   NULL, 0, argc, argv, &args, &status))
    return status;

  database = open_existing_database (cli, &error);
  if (database == NULL)
    return loadwise_cli_fail (error);
  if (!loadwise_database_check (database, &report, &error))
    {
      status = loadwise_cli_fail (error);
      if (g_error_matches (error, LOADWISE_DATABASE_ERROR, LOADWISE_DATABASE_ERROR_CORRUPT))
        print_damage_hint (cli);
      return status;
    }

  g_print ("%s\n", report);
  if (g_strcmp0 (report, "ok") == 0)
    return LOADWISE_CLI_EXIT_OK;
  print_damage_hint (cli);
  return LOADWISE_CLI_EXIT_FAILURE;
}

int
loadwise_cli_cmd_backup (LoadwiseCli *cli,
                         int          argc,
                         char       **argv)
{
  g_autofree char *output = NULL;
  const GOptionEntry entries[] = {
    { "output", 'o', G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, &output,
      N_("The file to write; it must not exist yet (required)"), N_("FILE") },
    { NULL }
  };
  g_autoptr (LoadwiseDatabase) database = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) args = NULL;
  int status;

  if (!loadwise_cli_parse_command ("backup", NULL,
                                   _("Write a backup copy of the database."),
                                   _("A consistent copy, safe to take while Loadwise is running. "
                                     "An existing file is never overwritten."),
                                   entries, 0, argc, argv, &args, &status))
    return status;
  if (output == NULL)
    return loadwise_cli_fail_usage (_("backup: --output is required"));
  if (*output == '\0')
    return loadwise_cli_fail_usage (_("--output (-o): the file name is empty; give the file to write"));
  if (g_file_test (output, G_FILE_TEST_EXISTS))
    return loadwise_cli_fail_usage (_("--output: %s already exists; choose a new file name"), output);

  database = open_existing_database (cli, &error);
  if (database == NULL ||
      !loadwise_database_backup_to (database, output, &error))
    return loadwise_cli_fail (error);

  g_print (_("Backup written to %s\n"), output);
  return LOADWISE_CLI_EXIT_OK;
}

static void
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    {
      g_unlink (path);
    }
}

/* Whether @source can be restored, tried on a scratch database so that
 * nothing of the runner's changes when it cannot. */
static gboolean
check_restorable (const char  *source,
                  GError     **error)
{
  g_autofree char *scratch_dir = NULL;
  g_autofree char *scratch_path = NULL;
  gboolean ok = FALSE;

  scratch_dir = g_dir_make_tmp ("loadwise-cli-XXXXXX", error);
  if (scratch_dir == NULL)
    return FALSE;

  scratch_path = loadwise_database_build_path (scratch_dir);
  {
    g_autoptr (LoadwiseDatabase) scratch = loadwise_database_open (scratch_path, error);

    ok = scratch != NULL && loadwise_database_restore_from (scratch, source, NULL, error);
  }
  remove_tree (scratch_dir);
  return ok;
}

int
loadwise_cli_cmd_restore (LoadwiseCli *cli,
                          int          argc,
                          char       **argv)
{
  g_autoptr (LoadwiseDatabase) database = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *backup_path = NULL;
  g_autofree char *moved_to = NULL;
  g_auto (GStrv) args = NULL;
  const char *source;
  int status;

  if (!loadwise_cli_parse_command ("restore", _("FILE"),
                                   _("Replace the data with a backup."),
                                   _("FILE is checked first (that it is an undamaged Loadwise database "
                                     "this version can read); then the current data is backed up into "
                                     "the data folder's backups and replaced. When the current database "
                                     "is damaged, it is moved aside, never deleted."),
                                   NULL, 1, argc, argv, &args, &status))
    return status;

  if (g_strv_length (args) < 2)
    return loadwise_cli_fail_usage (_("restore: missing FILE, the backup to restore"));

  source = args[1];
  if (!g_file_test (source, G_FILE_TEST_IS_REGULAR))
    return loadwise_cli_fail_usage (_("restore: %s does not exist or is not a file"), source);

  database = loadwise_cli_open_database (cli, &error);
  if (database == NULL)
    {
      if (!g_error_matches (error, LOADWISE_DATABASE_ERROR, LOADWISE_DATABASE_ERROR_CORRUPT))
        return loadwise_cli_fail (error);

      /* Restoring is the way out of a damaged database; but only move it
       * aside once the backup is known to be good. */
      g_clear_error (&error);
      if (!check_restorable (source, &error))
        return loadwise_cli_fail (error);

      path = loadwise_database_build_path (cli->data_dir);
      database = loadwise_database_open_or_recover (path, &moved_to, &error);
      if (database == NULL)
        return loadwise_cli_fail (error);
      loadwise_database_set_clock (database, cli->clock);
    }

  if (!loadwise_database_restore_from (database, source, &backup_path, &error))
    return loadwise_cli_fail (error);

  if (moved_to != NULL)
    g_print (_("The damaged database was moved to %s\n"), moved_to);
  g_print (_("Restored from %s\n"), source);
  if (backup_path != NULL)
    g_print (_("The previous data was backed up to %s\n"), backup_path);
  return LOADWISE_CLI_EXIT_OK;
}
