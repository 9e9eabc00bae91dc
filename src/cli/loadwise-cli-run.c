/* loadwise-cli-run.c: global options, dispatch and the helpers commands share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "cli/loadwise-cli-private.h"
#include "core/loadwise-error.h"
#include "core/loadwise-parse.h"
#include "core/loadwise-session.h"
#include "store/loadwise-database-progression.h"

G_DEFINE_QUARK (loadwise-cli-error-quark, loadwise_cli_error)

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

LoadwiseCliExit
loadwise_cli_exit_for_error (const GError *error)
{
  g_return_val_if_fail (error != NULL, LOADWISE_CLI_EXIT_FAILURE);

  if (g_error_matches (error, LOADWISE_CLI_ERROR, LOADWISE_CLI_ERROR_USAGE) ||
      g_error_matches (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT) ||
      error->domain == G_OPTION_ERROR)
    return LOADWISE_CLI_EXIT_USAGE;

  return LOADWISE_CLI_EXIT_FAILURE;
}

int
loadwise_cli_fail (const GError *error)
{
  g_printerr ("loadwise-cli: %s\n", error->message);
  return loadwise_cli_exit_for_error (error);
}

int
loadwise_cli_fail_usage (const char *format,
                         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("loadwise-cli: %s\n", message);
  return LOADWISE_CLI_EXIT_USAGE;
}

/* GOption prints a description as given: fold long lines at word
 * boundaries so --help reads well in an 80-column terminal. Lines that
 * start with a space (lists, tables) are kept as they are. */
char *
loadwise_cli_wrap_text (const char *text,
                        guint       width)
{
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  GString *wrapped = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto (GStrv) words = NULL;
      guint column = 0;

      if (i > 0)
        g_string_append_c (wrapped, '\n');
      if (lines[i][0] == ' ' || g_utf8_strlen (lines[i], -1) <= (glong) width)
        {
          g_string_append (wrapped, lines[i]);
          continue;
        }

      words = g_strsplit (lines[i], " ", -1);
      for (guint j = 0; words[j] != NULL; j++)
        {
          guint length = (guint) g_utf8_strlen (words[j], -1);

          if (column > 0 && column + 1 + length > width)
            {
              g_string_append_c (wrapped, '\n');
              column = 0;
            }
          else if (column > 0)
            {
              g_string_append_c (wrapped, ' ');
              column++;
            }
          g_string_append (wrapped, words[j]);
          column += length;
        }
    }

  return g_string_free (wrapped, FALSE);
}

static GOptionContext *
new_option_context (const char         *usage,
                    const char         *summary,
                    const char         *description,
                    const GOptionEntry *entries,
                    gboolean           *help)
{
  const GOptionEntry help_entries[] = {
    { "help", 'h', G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, help, N_("Show this help and exit"), NULL },
    { NULL }
  };
  GOptionContext *context = g_option_context_new (usage);

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  /* Our own --help, so it prints and returns instead of calling exit(). */
  g_option_context_set_help_enabled (context, FALSE);
  if (summary != NULL)
    g_option_context_set_summary (context, summary);
  if (description != NULL)
    {
      g_autofree char *wrapped = loadwise_cli_wrap_text (description, 78);

      g_option_context_set_description (context, wrapped);
    }
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, help_entries, GETTEXT_PACKAGE);
  return context;
}

static void
print_help (GOptionContext *context,
            const char     *prgname)
{
  g_autofree char *help = NULL;

  /* The usage line starts with the program name: make it the command's. */
  g_set_prgname (prgname);
  help = g_option_context_get_help (context, TRUE, NULL);
  fputs (help, stdout);
}

/* Whether @entry takes a value that GOption converts to UTF-8 text. */
static gboolean
takes_text (const GOptionEntry *entry)
{
  return entry->arg == G_OPTION_ARG_STRING || entry->arg == G_OPTION_ARG_STRING_ARRAY ||
         entry->arg == G_OPTION_ARG_INT || entry->arg == G_OPTION_ARG_INT64 ||
         entry->arg == G_OPTION_ARG_DOUBLE || entry->arg == G_OPTION_ARG_CALLBACK;
}

static const GOptionEntry *
find_entry (const GOptionEntry *entries,
            const char         *long_name,
            gsize               long_length,
            char                short_name)
{
  for (const GOptionEntry *entry = entries; entry != NULL && entry->long_name != NULL; entry++)
    if ((long_name != NULL && strlen (entry->long_name) == long_length &&
         strncmp (entry->long_name, long_name, long_length) == 0) ||
        (long_name == NULL && short_name != '\0' && entry->short_name == short_name))
      return entry;
  return NULL;
}

/* GOption refuses bytes that are not UTF-8 with "Invalid byte sequence in
 * conversion input", which names no option: find the option (or the
 * argument) they were given to first. File names may be any bytes. */
static gboolean
check_utf8_args (const char          *name,
                 const char          *parameter,
                 const GOptionEntry  *entries,
                 char               **args,
                 GError             **error)
{
  gboolean options_done = FALSE;

  for (guint i = 1; args[i] != NULL; i++)
    {
      const char *arg = args[i];
      const GOptionEntry *entry = NULL;
      const char *value = NULL;

      if (!options_done && strcmp (arg, "--") == 0)
        {
          options_done = TRUE;
          continue;
        }
      if (!options_done && g_str_has_prefix (arg, "--"))
        {
          const char *equals = strchr (arg + 2, '=');

          gsize length = equals != NULL ? (gsize) (equals - arg - 2) : strlen (arg + 2);

          entry = find_entry (entries, arg + 2, length, 0);
          if (entry != NULL && entry->arg != G_OPTION_ARG_NONE)
            value = equals != NULL ? equals + 1 : args[i + 1];
          if (entry != NULL && equals == NULL && value != NULL)
            i++;
        }
      else if (!options_done && arg[0] == '-' && arg[1] != '\0')
        {
          entry = find_entry (entries, NULL, 0, arg[1]);
          if (entry != NULL && entry->arg != G_OPTION_ARG_NONE)
            value = arg[2] != '\0' ? arg + 2 : args[i + 1];
          if (entry != NULL && arg[2] == '\0' && value != NULL)
            i++;
        }

      if (entry != NULL)
        {
          if (value != NULL && takes_text (entry) && !g_utf8_validate (value, -1, NULL))
            return g_set_error (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT,
                                _("--%s: the text is not valid UTF-8"), entry->long_name), FALSE;
        }
      else if (!g_utf8_validate (arg, -1, NULL))
        {
          /* A positional argument: named by the command's parameter when
           * it is one word (NAME, ID), else by its place. */
          if (parameter != NULL && *parameter != '\0' &&
              strspn (parameter, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") == strlen (parameter))
            return g_set_error (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT,
                                _("%s: the text is not valid UTF-8"), _(parameter)), FALSE;
          return g_set_error (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT,
                              _("%s: argument %u is not valid UTF-8 text"), name, i), FALSE;
        }
    }
  return TRUE;
}

gboolean
loadwise_cli_parse_options (const char         *name,
                            const char         *parameter,
                            const char         *summary,
                            const char         *description,
                            const GOptionEntry *entries,
                            int                 argc,
                            char              **argv,
                            GStrv              *out_args,
                            int                *out_exit)
{
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) args = g_new0 (char *, argc + 1);
  gboolean help = FALSE;

  for (int i = 0; i < argc; i++)
    args[i] = g_strdup (argv[i]);

  context = new_option_context (parameter, summary, description, entries, &help);

  if (!check_utf8_args (name, parameter, entries, args, &error))
    {
      *out_exit = loadwise_cli_fail (error);
      return FALSE;
    }
  if (!g_option_context_parse_strv (context, &args, &error))
    {
      *out_exit = loadwise_cli_fail_usage (_("%s (see 'loadwise-cli %s --help')"),
                                           error->message, name);
      return FALSE;
    }

  if (help)
    {
      g_autofree char *prgname = g_strdup_printf ("loadwise-cli %s", name);

      print_help (context, prgname);
      *out_exit = LOADWISE_CLI_EXIT_OK;
      return FALSE;
    }

  *out_args = g_steal_pointer (&args);
  return TRUE;
}

gboolean
loadwise_cli_check_no_extra_args (char   **args,
                                  guint    max_args,
                                  GError **error)
{
  if (g_strv_length (args) > max_args + 1)
    {
      g_set_error (error, LOADWISE_CLI_ERROR, LOADWISE_CLI_ERROR_USAGE,
                   _("%s: unexpected argument '%s'"), args[0], args[1 + max_args]);
      return FALSE;
    }
  return TRUE;
}

gboolean
loadwise_cli_resolve_date (LoadwiseCli  *cli,
                           const char   *text,
                           GDate        *out_date,
                           GError      **error)
{
  if (text == NULL)
    {
      loadwise_clock_get_today (cli->clock, out_date);
      return TRUE;
    }
  return loadwise_parse_date ("--date", text, out_date, error);
}

gboolean
loadwise_cli_resolve_past_date (LoadwiseCli  *cli,
                                const char   *text,
                                GDate        *out_date,
                                GError      **error)
{
  GDate today;

  loadwise_clock_get_today (cli->clock, &today);
  return loadwise_cli_resolve_date (cli, text, out_date, error) &&
         loadwise_check_not_future ("--date", out_date, &today, error);
}

gboolean
loadwise_cli_apply_programme_options (LoadwiseProgramme  *programme,
                                      const char         *weeks_text,
                                      const char         *days_text,
                                      const char         *safe_text,
                                      const char         *max_text,
                                      GError            **error)
{
  if (weeks_text != NULL)
    {
      gint64 weeks;

      if (!loadwise_parse_int ("--weeks", weeks_text, LOADWISE_WEEKS_MIN, LOADWISE_WEEKS_MAX,
                               &weeks, error))
        return FALSE;
      programme->weeks = (guint) weeks;
    }
  if (days_text != NULL &&
      !loadwise_parse_weekdays ("--days", days_text,
                                LOADWISE_TRAINING_DAYS_MIN, LOADWISE_TRAINING_DAYS_MAX,
                                &programme->training_days, error))
    return FALSE;
  if ((safe_text != NULL &&
       !loadwise_cli_parse_pain ("--safe-pain", safe_text, &programme->safe_pain, error)) ||
      (max_text != NULL &&
       !loadwise_cli_parse_pain ("--max-pain", max_text, &programme->max_pain, error)))
    return FALSE;

  /* The bounds of the pain-monitoring model (loadwise-programme.h). */
  return loadwise_programme_check_thresholds (programme->safe_pain, programme->max_pain,
                                              "--safe-pain", "--max-pain", error);
}

const char *
loadwise_cli_warn_red_flags (LoadwiseDatabase  *database,
                             guint             *out_yes_mask)
{
  g_autoptr (GError) error = NULL;
  LoadwiseRedFlagStatus status;
  const char *advice;

  if (out_yes_mask != NULL)
    *out_yes_mask = 0;
  if (database == NULL)
    return NULL;

  if (!loadwise_database_get_red_flag_status (database, &status, &error))
    {
      /* The command's own work is done; say that the check could not be made. */
      g_printerr (_("loadwise-cli: could not read the red-flag answers: %s\n"), error->message);
      return NULL;
    }

  advice = loadwise_red_flags_get_advice_for (status.standing_mask);
  if (advice != NULL)
    {
      g_autofree char *wrapped = loadwise_cli_wrap_text (advice, 78);

      g_printerr ("%s\n", wrapped);
    }
  if (out_yes_mask != NULL)
    *out_yes_mask = status.standing_mask;
  return advice;
}

gboolean
loadwise_cli_parse_pain (const char  *option,
                         const char  *text,
                         guint       *out_pain,
                         GError     **error)
{
  gint64 value;

  if (!loadwise_parse_int (option, text, LOADWISE_PAIN_MIN, LOADWISE_PAIN_MAX, &value, error))
    return FALSE;
  *out_pain = (guint) value;
  return TRUE;
}

gboolean
loadwise_cli_database_exists (LoadwiseCli *cli)
{
  g_autofree char *path = loadwise_database_build_path (cli->data_dir);

  return g_file_test (path, G_FILE_TEST_EXISTS);
}

LoadwiseDatabase *
loadwise_cli_open_database (LoadwiseCli  *cli,
                            GError      **error)
{
  g_autofree char *path = loadwise_database_build_path (cli->data_dir);
  g_autoptr (GError) local_error = NULL;
  LoadwiseDatabase *database;

  database = loadwise_database_open (path, &local_error);
  if (database != NULL)
    {
      /* The derived state is worked out for the CLI's today (LOADWISE_NOW). */
      loadwise_database_set_clock (database, cli->clock);
      return database;
    }

  if (g_error_matches (local_error, LOADWISE_DATABASE_ERROR, LOADWISE_DATABASE_ERROR_CORRUPT))
    {
      g_autofree char *backup = loadwise_database_find_latest_backup (cli->data_dir);

      /* Unlike the app, the CLI never moves the file: a script should not
       * quietly replace someone's data with an empty database. */
      if (backup != NULL)
        g_set_error (error, LOADWISE_DATABASE_ERROR, LOADWISE_DATABASE_ERROR_CORRUPT,
                     _("%s is damaged and cannot be read (not changed). Open Loadwise to recover it, "
                       "or run 'loadwise-cli restore BACKUP'; the newest backup is %s"),
                     path, backup);
      else
        g_set_error (error, LOADWISE_DATABASE_ERROR, LOADWISE_DATABASE_ERROR_CORRUPT,
                     _("%s is damaged and cannot be read (not changed). Open Loadwise to recover it, "
                       "or run 'loadwise-cli restore BACKUP'; there is no backup in %s"),
                     path, cli->data_dir);
      return NULL;
    }

  g_propagate_error (error, g_steal_pointer (&local_error));
  return NULL;
}

gboolean
loadwise_cli_get_programme (LoadwiseCli        *cli,
                            LoadwiseDatabase   *database,
                            LoadwiseProgramme  *out_programme,
                            GError            **error)
{
  g_autoptr (GError) local_error = NULL;

  if (database != NULL &&
      loadwise_database_get_programme (database, out_programme, &local_error))
    return TRUE;

  if (database == NULL ||
      g_error_matches (local_error, LOADWISE_DATABASE_ERROR, LOADWISE_DATABASE_ERROR_NO_PROGRAMME))
    {
      g_set_error_literal (error, LOADWISE_DATABASE_ERROR, LOADWISE_DATABASE_ERROR_NO_PROGRAMME,
                           _("no programme yet; run 'loadwise-cli programme start' first"));
      return FALSE;
    }

  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

gboolean
loadwise_cli_prescribe (LoadwiseDatabase        *database,
                        const LoadwiseCatalogue *catalogue,
                        const LoadwiseProgramme *programme,
                        const GDate             *date,
                        LoadwisePrescription    *out,
                        GError                 **error)
{
  int week = loadwise_programme_get_week (programme, date);

  if (week < 1)
    {
      g_autofree char *day = loadwise_date_to_iso (date);
      g_autofree char *start = loadwise_date_to_iso (&programme->start);

      g_set_error (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT,
                   _("--date: %s is before the programme starts on %s"), day, start);
      return FALSE;
    }

  /* The levels and targets that the weekly decisions stored. */
  return loadwise_database_prescribe (database, catalogue, programme, date, out, error);
}

GHashTable *
loadwise_cli_count_done_sets (LoadwiseDatabase  *database,
                              const GDate       *date,
                              GError           **error)
{
  g_autoptr (GPtrArray) logs = NULL;
  g_autoptr (GHashTable) counts = NULL;

  logs = loadwise_database_list_sets (database, date, error);
  if (logs == NULL)
    return NULL;

  counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < logs->len; i++)
    {
      const LoadwiseSetLog *log = g_ptr_array_index (logs, i);
      guint count;

      if (!log->done)
        continue;
      count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, log->exercise_id));
      g_hash_table_insert (counts, g_strdup (log->exercise_id), GUINT_TO_POINTER (count + 1));
    }

  return g_steal_pointer (&counts);
}

const char *
loadwise_cli_session_status_label (LoadwiseSessionStatus status)
{
  switch (status)
    {
    case LOADWISE_SESSION_STATUS_NONE:
      return _("nothing logged yet");
    case LOADWISE_SESSION_STATUS_IN_PROGRESS:
      return _("in progress");
    case LOADWISE_SESSION_STATUS_DONE:
      return _("done");
    case LOADWISE_SESSION_STATUS_SKIPPED:
      return _("skipped");
    default:
      g_return_val_if_reached ("");
    }
}

/* $LOADWISE_NOW, "YYYY-MM-DDTHH:MM:SS" in local time: a fixed clock for
 * tests and demonstrations. */
static LoadwiseClock *
new_clock (GError **error)
{
  const char *now_text = g_getenv ("LOADWISE_NOW");
  g_autoptr (GDateTime) now = NULL;
  int year, month, day, hour, minute, second;
  int consumed = 0;

  if (now_text == NULL || *now_text == '\0')
    return loadwise_clock_new_system ();

  if (strlen (now_text) == 19 &&
      sscanf (now_text, "%4d-%2d-%2dT%2d:%2d:%2d%n",
              &year, &month, &day, &hour, &minute, &second, &consumed) == 6 &&
      consumed == 19 &&
      now_text[4] == '-' && now_text[7] == '-' && now_text[10] == 'T' &&
      now_text[13] == ':' && now_text[16] == ':')
    now = g_date_time_new_local (year, month, day, hour, minute, second);

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
  context = new_option_context (_("COMMAND [OPTION…]"),
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
      print_help (context, "loadwise-cli");
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
