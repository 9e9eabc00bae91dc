/* loadwise-cli-run.c: global options and dispatch to the commands
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "cli/loadwise-cli-private.h"

typedef struct {
  const char             *name;
  LoadwiseCliCommandFunc  func;
  const char             *summary;
} LoadwiseCliCommand;

static const LoadwiseCliCommand commands[] = {
  { "programme",   loadwise_cli_cmd_programme,   N_("Start (or restart) the programme") },
  { "status",      loadwise_cli_cmd_status,      N_("Where the programme stands today") },
  { "today",       loadwise_cli_cmd_today,       N_("The session for a day, or the next one") },
  { "log-session", loadwise_cli_cmd_log_session, N_("Log a whole session at once") },
  { "checkin",     loadwise_cli_cmd_checkin,     N_("Record the morning check-in") },
  { "redflags",    loadwise_cli_cmd_redflags,    N_("Record or show the red-flag screening") },
  { "plan",        loadwise_cli_cmd_plan,        N_("A week's levels and why they were set") },
  { "skip",        loadwise_cli_cmd_skip,        N_("Mark a session as skipped, with the reason") },
  { "check",       loadwise_cli_cmd_check,       N_("Check the database for damage") },
  { "backup",      loadwise_cli_cmd_backup,      N_("Write a backup copy of the database") },
  { "restore",     loadwise_cli_cmd_restore,     N_("Replace the data with a backup") },
  { "backups",     loadwise_cli_cmd_backups,     N_("List the backups in the data folder") },
  { "export",      loadwise_cli_cmd_export,      N_("Export data, a chart, the calendar or the clinician report") },
  { "log-run",     loadwise_cli_cmd_log_run,     N_("Log a run with its load factors and pain") },
  { "runs",        loadwise_cli_cmd_runs,        N_("List the logged runs") },
  { "import-runs", loadwise_cli_cmd_import_runs, N_("Import runs from GPX, TCX or FIT files") },
  { "edit-run",    loadwise_cli_cmd_edit_run,    N_("Change a logged run") },
  { "delete-run",  loadwise_cli_cmd_delete_run,  N_("Delete a logged run") },
  { "shoes",       loadwise_cli_cmd_shoes,       N_("List, add or retire shoes") },
  { "habits",      loadwise_cli_cmd_habits,      N_("Record the check-in's compression habits") },
  { "insights",    loadwise_cli_cmd_insights,    N_("Which load factors go with your pain") },
  { "flare",       loadwise_cli_cmd_flare,       N_("Flare mode: status, start, end or decline") },
  { "demo",        loadwise_cli_cmd_demo,        N_("Fill an empty database with a made-up history") },
  { "import",      loadwise_cli_cmd_import,      N_("Restore a JSON backup") },
  { "reminders",   loadwise_cli_cmd_reminders,   N_("Show or change the reminders, or what comes next") },
};

/* $LOADWISE_NOW, an ISO 8601 time such as "2026-11-23T08:00:00", local
 * unless it names its offset: a fixed clock for tests and
 * demonstrations. */
static LoadwiseClock *
new_clock (GError **error)
{
  const char *now_text = g_getenv ("LOADWISE_NOW");
  g_autoptr (GTimeZone) local = NULL;
  g_autoptr (GDateTime) now = NULL;

  if (now_text == NULL || *now_text == '\0')
    return loadwise_clock_new_system ();

  local = g_time_zone_new_local ();
  now = g_date_time_new_from_iso8601 (now_text, local);
  if (now == NULL)
    {
      g_set_error (error, LOADWISE_CLI_ERROR, LOADWISE_CLI_ERROR_USAGE,
                   _("LOADWISE_NOW: %s is not a time of the form YYYY-MM-DDTHH:MM:SS"),
                   now_text);
      return NULL;
    }

  return loadwise_clock_new_fixed (now);
}

static char *
build_main_description (void)
{
  GString *text = g_string_new (_("Commands:\n"));

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_string_append_printf (text, "  %-12s %s\n", commands[i].name, _(commands[i].summary));

  g_string_append (text, _("\n'loadwise-cli COMMAND --help' describes a command and its options.\n"));
  g_string_append (text,
                   _("\nEnvironment:\n"
                     "  LOADWISE_DATA_DIR  the data folder, as --data-dir\n"
                     "  LOADWISE_NOW       a fixed local time, YYYY-MM-DDTHH:MM:SS, used as \"now\"\n"
                     "                     instead of the system clock (a testing aid)\n"));
  g_string_append (text,
                   _("\nExit status:\n"
                     "  0  success\n"
                     "  1  failure: a damaged database, one from a newer Loadwise, a file problem\n"
                     "  2  bad usage or bad input; nothing was changed\n"));
  return g_string_free (text, FALSE);
}

static void
loadwise_cli_clear (LoadwiseCli *cli)
{
  g_clear_pointer (&cli->data_dir, g_free);
  g_clear_object (&cli->clock);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LoadwiseCli, loadwise_cli_clear)

int
loadwise_cli_run (int    argc,
                  char **argv)
{
  g_auto (LoadwiseCli) cli = { NULL, NULL };
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *description = NULL;
  g_autofree char *data_dir = NULL;
  g_auto (GStrv) args = NULL;
  gboolean help = FALSE;
  gboolean version = FALSE;
  const GOptionEntry entries[] = {
    { "data-dir", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, &data_dir,
      N_("The data folder (default: $LOADWISE_DATA_DIR, else $XDG_DATA_HOME/loadwise)"), N_("DIR") },
    { "version", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, &version,
      N_("Show the version and exit"), NULL },
    { NULL }
  };
  int n_args;

  g_set_prgname ("loadwise-cli");

  description = build_main_description ();
  context = loadwise_cli_new_option_context (_("COMMAND [OPTION…]"),
                                _("Scripting, checks and backups for Loadwise's data."),
                                description, entries, &help);
  /* Stop at the command: its options are its own. */
  g_option_context_set_strict_posix (context, TRUE);

  args = g_new0 (char *, argc + 1);
  for (int i = 0; i < argc; i++)
    args[i] = g_strdup (argv[i]);

  if (!g_option_context_parse_strv (context, &args, &error))
    return loadwise_cli_fail_usage (_("%s (see 'loadwise-cli --help')"), error->message);

  if (help)
    {
      loadwise_cli_print_help (context, "loadwise-cli");
      return LOADWISE_CLI_EXIT_OK;
    }

  if (version)
    {
      g_print ("loadwise-cli %s\n", PACKAGE_VERSION);
      return LOADWISE_CLI_EXIT_OK;
    }

  /* "" would be the current folder, wherever the script happens to run. */
  if (data_dir != NULL && *data_dir == '\0')
    return loadwise_cli_fail_usage (_("--data-dir: no folder given"));

  n_args = (int) g_strv_length (args);
  if (n_args < 2)
    return loadwise_cli_fail_usage (_("no command given; see 'loadwise-cli --help'"));

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (g_strcmp0 (commands[i].name, args[1]) != 0)
        continue;

      /* Relative to the folder the command runs in, made absolute once, so
       * that every message and backup path names the same folder. */
      cli.data_dir = data_dir != NULL ? g_canonicalize_filename (data_dir, NULL)
                                      : loadwise_database_get_default_dir ();
      cli.clock = new_clock (&error);
      if (cli.clock == NULL)
        return loadwise_cli_fail (error);

      {
        int status = commands[i].func (&cli, n_args - 1, args + 1);

        if (status == LOADWISE_CLI_EXIT_OK)
          loadwise_cli_take_daily_backup (&cli);
        return status;
      }
    }

  {
    /* Not echoed as raw bytes: the terminal shows what was typed. */
    g_autofree char *shown = g_utf8_make_valid (args[1], -1);

    return loadwise_cli_fail_usage (_("unknown command '%s'; see 'loadwise-cli --help'"), shown);
  }
}
