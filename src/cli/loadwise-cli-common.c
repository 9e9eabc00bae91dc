/* loadwise-cli-common.c: the helpers the commands share
 *
 * The commands call these and nothing else outside their own file, and
 * nothing here calls a command, so the dispatch (loadwise-cli-run.c), the
 * commands and these helpers depend on each other one way only.
 *
 * Copyright 2026 The Loadwise developers
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

GOptionContext *
loadwise_cli_new_option_context (const char         *usage,
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

void
loadwise_cli_print_help (GOptionContext *context,
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

/* Refuses positional arguments beyond @max_args (after the command name). */
static gboolean
check_no_extra_args (char   **args,
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
loadwise_cli_parse_command (const char         *name,
                            const char         *parameter,
                            const char         *summary,
                            const char         *description,
                            const GOptionEntry *entries,
                            guint               max_args,
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

  context = loadwise_cli_new_option_context (parameter, summary, description, entries, &help);

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

      loadwise_cli_print_help (context, prgname);
      *out_exit = LOADWISE_CLI_EXIT_OK;
      return FALSE;
    }

  if (max_args != LOADWISE_CLI_ANY_ARGS && !check_no_extra_args (args, max_args, &error))
    {
      *out_exit = loadwise_cli_fail (error);
      return FALSE;
    }

  *out_args = g_steal_pointer (&args);
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
         loadwise_check_not_future ("--date", out_date, &today, LOADWISE_DATE_STYLE_ISO, error);
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
loadwise_cli_open_database_if_exists (LoadwiseCli       *cli,
                                      LoadwiseDatabase **out_database,
                                      GError           **error)
{
  *out_database = NULL;
  if (!loadwise_cli_database_exists (cli))
    return TRUE;

  *out_database = loadwise_cli_open_database (cli, error);
  return *out_database != NULL;
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
