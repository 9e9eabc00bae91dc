/* loadwise-cli-programme.c: `programme start`, `programme set` and `status`
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "cli/loadwise-cli-json.h"
#include "cli/loadwise-cli-private.h"
#include "core/loadwise-error.h"
#include "core/loadwise-parse.h"
#include "core/loadwise-red-flags.h"
#include "core/loadwise-session.h"

static int
programme_start (LoadwiseCli *cli,
                 int          argc,
                 char       **argv)
{
  g_autofree char *date_text = NULL;
  g_autofree char *weeks_text = NULL;
  g_autofree char *days_text = NULL;
  g_autofree char *safe_text = NULL;
  g_autofree char *max_text = NULL;
  const GOptionEntry entries[] = {
    { "date", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &date_text,
      N_("The first day of week 1, from a year before today to 60 days after (default: today)"),
      N_("YYYY-MM-DD") },
    { "weeks", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &weeks_text,
      N_("Length of the programme, 6-12 weeks (default: 8)"), N_("N") },
    { "days", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &days_text,
      N_("2 or 3 training days (default: mon,wed,fri)"), N_("DAY,DAY[,DAY]") },
    { "safe-pain", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &safe_text,
      N_("Pain during exercise that is safe, 0-5 (default: 3)"), N_("N") },
    { "max-pain", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &max_text,
      N_("The most pain that is acceptable, above the safe pain and up to 7 (default: 5)"), N_("N") },
    { NULL }
  };
  g_autoptr (LoadwiseDatabase) database = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *start_iso = NULL;
  g_autofree char *days_string = NULL;
  g_autofree char *weeks_string = NULL;
  g_auto (GStrv) args = NULL;
  LoadwiseProgramme programme;
  guint levels[LOADWISE_N_FAMILIES];
  GDate start, today;
  double baseline = 0.0;
  gboolean have_baseline = FALSE;
  guint level;
  int status;

  if (!loadwise_cli_parse_command ("programme start", NULL,
                                   _("Start the programme, or start it again with new settings."),
                                   _("Every family starts at level 1, or at level 0 when the baseline "
                                     "morning pain (the median of the check-ins in the 7 days before "
                                     "the start) is over 5. Starting again keeps every log."),
                                   entries, 0, argc, argv, &args, &status))
    return status;

  /* Every value is checked before the database is opened, so a refused
   * command changes nothing. */
  loadwise_clock_get_today (cli->clock, &today);
  if (!loadwise_cli_resolve_date (cli, date_text, &start, &error) ||
      !loadwise_programme_check_start (&start, &today, "--date", &error))
    return loadwise_cli_fail (error);

  loadwise_programme_init (&programme, &start);

  if (!loadwise_cli_apply_programme_options (&programme, weeks_text, days_text, safe_text,
                                             max_text, &error))
    return loadwise_cli_fail (error);

  if (!loadwise_programme_validate (&programme, &error))
    return loadwise_cli_fail (error);

  database = loadwise_cli_open_database (cli, &error);
  if (database == NULL ||
      !loadwise_database_get_baseline (database, &programme, &baseline, &have_baseline, &error))
    return loadwise_cli_fail (error);

  /* PROGRAMME.md, "Schedule": level 1, or 0 when the starting morning pain
   * is over 5; with no check-ins yet there is no sign of that. */
  level = have_baseline ? loadwise_programme_start_level (baseline, FALSE) : 1;
  for (guint i = 0; i < LOADWISE_N_FAMILIES; i++)
    levels[i] = level;

  if (!loadwise_database_start_programme (database, &programme, levels, &error))
    return loadwise_cli_fail (error);

  start_iso = loadwise_date_to_iso (&programme.start);
  days_string = loadwise_weekdays_to_string (programme.training_days);
  weeks_string = g_strdup_printf (ngettext ("%u week", "%u weeks", programme.weeks), programme.weeks);
  g_print (_("Programme started on %s: %s on %s, pain thresholds %u (safe) and %u (maximum); "
             "every family starts at level %u.\n"),
           start_iso, weeks_string, days_string, programme.safe_pain, programme.max_pain, level);

  return LOADWISE_CLI_EXIT_OK;
}

static int
programme_set (LoadwiseCli *cli,
               int          argc,
               char       **argv)
{
  g_autofree char *weeks_text = NULL;
  g_autofree char *days_text = NULL;
  g_autofree char *safe_text = NULL;
  g_autofree char *max_text = NULL;
  const GOptionEntry entries[] = {
    { "days", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &days_text,
      N_("2 or 3 training days"), N_("DAY,DAY[,DAY]") },
    { "safe-pain", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &safe_text,
      N_("Pain during exercise that is safe, 0-5"), N_("N") },
    { "max-pain", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &max_text,
      N_("The most pain that is acceptable, above the safe pain and up to 7"), N_("N") },
    { "weeks", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &weeks_text,
      N_("Length of the programme, 6-12 weeks"), N_("N") },
    { NULL }
  };
  g_autoptr (LoadwiseDatabase) database = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *days_string = NULL;
  g_auto (GStrv) args = NULL;
  LoadwiseProgramme programme;
  int status;

  if (!loadwise_cli_parse_command ("programme set", NULL,
                                   _("Change the training days, pain thresholds or length."),
                                   _("Weeks that have already closed keep the decisions taken with "
                                     "the settings of their time; the change applies from the week "
                                     "under way."),
                                   entries, 0, argc, argv, &args, &status))
    return status;
  if (weeks_text == NULL && days_text == NULL && safe_text == NULL && max_text == NULL)
    return loadwise_cli_fail_usage (_("programme set: give at least one of --days, --safe-pain, "
                                      "--max-pain or --weeks"));

  /* Closing the ended weeks first keeps them under the old settings. */
  if (!loadwise_cli_open_database_if_exists (cli, &database, &error) ||
      !loadwise_cli_get_programme (cli, database, &programme, &error))
    return loadwise_cli_fail (error);

  if (!loadwise_cli_apply_programme_options (&programme, weeks_text, days_text, safe_text,
                                             max_text, &error))
    return loadwise_cli_fail (error);

  if (!loadwise_database_update_programme (database, &programme, &error))
    return loadwise_cli_fail (error);

  days_string = loadwise_weekdays_to_string (programme.training_days);
  g_print (ngettext ("Programme updated: %u week on %s, pain thresholds %u (safe) and %u (maximum). "
                     "Weeks already trained on keep their decisions.\n",
                     "Programme updated: %u weeks on %s, pain thresholds %u (safe) and %u (maximum). "
                     "Weeks already trained on keep their decisions.\n", programme.weeks),
           programme.weeks, days_string, programme.safe_pain, programme.max_pain);
  return LOADWISE_CLI_EXIT_OK;
}

int
loadwise_cli_cmd_programme (LoadwiseCli *cli,
                            int          argc,
                            char       **argv)
{
  if (argc >= 2 && g_strcmp0 (argv[1], "start") == 0)
    return programme_start (cli, argc - 1, argv + 1);
  if (argc >= 2 && g_strcmp0 (argv[1], "set") == 0)
    return programme_set (cli, argc - 1, argv + 1);

  if (argc >= 2 && (g_strcmp0 (argv[1], "--help") == 0 || g_strcmp0 (argv[1], "-h") == 0))
    {
      g_print ("%s\n\n  %s\n\n%s\n",
               _("Usage:\n  loadwise-cli programme start [OPTION…]"),
               _("Start the programme, or start it again with new settings."),
               _("See 'loadwise-cli programme start --help' for its options."));
      return LOADWISE_CLI_EXIT_OK;
    }

  if (argc < 2)
    return loadwise_cli_fail_usage (_("programme: missing subcommand; use 'loadwise-cli programme start'"));

  return loadwise_cli_fail_usage (_("programme: unknown subcommand '%s'; use 'loadwise-cli programme start'"),
                                  argv[1]);
}

typedef struct {
  GDate                 today;
  LoadwiseProgramme     programme;
  int                   week;
  gboolean              started;
  gboolean              is_session;
  LoadwiseSessionStatus session_status;
  guint                 sets_done;
  guint                 sets_prescribed;
  GDate                 next_session;
  gboolean              have_baseline;
  double                baseline;
  gboolean              have_red_flags;
  GDate                 red_flags_date;
  guint                 red_flags_mask;
} StatusReport;

/* Only the queries the report needs: `status` is meant to be instant. */
static gboolean
gather_status (LoadwiseCli       *cli,
               LoadwiseDatabase  *database,
               StatusReport      *report,
               GError           **error)
{
  g_auto (LoadwiseSessionRecord) record = { { 0 } };
  GDate tomorrow;

  loadwise_clock_get_today (cli->clock, &report->today);
  if (!loadwise_cli_get_programme (cli, database, &report->programme, error))
    return FALSE;

  report->week = loadwise_programme_get_week (&report->programme, &report->today);
  report->started = report->week >= 1;

  if (report->started)
    {
      g_autoptr (LoadwiseCatalogue) catalogue = NULL;
      g_autoptr (GHashTable) done = NULL;
      LoadwisePrescription prescription;

      catalogue = loadwise_catalogue_load_default (error);
      if (catalogue == NULL ||
          !loadwise_cli_prescribe (database, catalogue, &report->programme, &report->today,
                                   &prescription, error) ||
          !loadwise_database_get_session (database, &report->today, &record, error))
        return FALSE;

      report->is_session = prescription.is_session;
      report->session_status = record.status;

      if (prescription.is_session)
        {
          done = loadwise_cli_count_done_sets (database, &report->today, error);
          if (done == NULL)
            return FALSE;

          for (guint i = 0; i < LOADWISE_N_FAMILIES; i++)
            {
              const LoadwisePrescribedExercise *item = &prescription.exercises[i];
              guint total = loadwise_prescribed_exercise_total_sets (item);
              guint n = GPOINTER_TO_UINT (g_hash_table_lookup (done, item->exercise->id));

              report->sets_prescribed += total;
              report->sets_done += MIN (n, total);
            }
        }

      tomorrow = report->today;
      g_date_add_days (&tomorrow, 1);
      loadwise_programme_next_session (&report->programme, &tomorrow, &report->next_session);
    }
  else
    {
      loadwise_programme_next_session (&report->programme, &report->today, &report->next_session);
    }

  return loadwise_database_get_baseline (database, &report->programme, &report->baseline,
                                         &report->have_baseline, error) &&
         loadwise_database_get_red_flags (database, &report->red_flags_date,
                                          &report->red_flags_mask, &report->have_red_flags, error);
}

static void
add_red_flag_ids (JsonBuilder *builder,
                  guint        mask)
{
  json_builder_begin_array (builder);
  for (guint i = 0; i < LOADWISE_N_RED_FLAGS; i++)
    {
      LoadwiseRedFlag flag = loadwise_red_flag_nth (i);

      if (mask & flag)
        json_builder_add_string_value (builder, loadwise_red_flag_to_string (flag));
    }
  json_builder_end_array (builder);
}

static void
print_status_json (const StatusReport *report)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autofree char *days = loadwise_weekdays_to_string (report->programme.training_days);
  const char *phase;
  GDate end;

  loadwise_programme_get_end (&report->programme, &end);
  if (!report->started)
    phase = "not-started";
  else if (loadwise_programme_is_maintenance (&report->programme, &report->today))
    phase = "maintenance";
  else
    phase = "programme";

  json_builder_begin_object (builder);
  loadwise_cli_json_add_date (builder, "date", &report->today);

  json_builder_set_member_name (builder, "programme");
  json_builder_begin_object (builder);
  loadwise_cli_json_add_date (builder, "start", &report->programme.start);
  loadwise_cli_json_add_date (builder, "end", &end);
  loadwise_cli_json_add_int (builder, "weeks", report->programme.weeks);
  loadwise_cli_json_add_string (builder, "days", days);
  loadwise_cli_json_add_int (builder, "safe_pain", report->programme.safe_pain);
  loadwise_cli_json_add_int (builder, "max_pain", report->programme.max_pain);
  json_builder_end_object (builder);

  loadwise_cli_json_add_string (builder, "phase", phase);
  if (report->started)
    loadwise_cli_json_add_int (builder, "week", report->week);
  else
    loadwise_cli_json_add_null (builder, "week");

  json_builder_set_member_name (builder, "today");
  if (report->started)
    {
      json_builder_begin_object (builder);
      loadwise_cli_json_add_string (builder, "kind", report->is_session ? "session" : "rest");
      loadwise_cli_json_add_string (builder, "status",
                                    loadwise_session_status_to_string (report->session_status));
      loadwise_cli_json_add_int (builder, "sets_done", report->sets_done);
      loadwise_cli_json_add_int (builder, "sets_prescribed", report->sets_prescribed);
      json_builder_end_object (builder);
    }
  else
    {
      json_builder_add_null_value (builder);
    }

  loadwise_cli_json_add_date (builder, "next_session", &report->next_session);

  json_builder_set_member_name (builder, "baseline");
  if (report->have_baseline)
    json_builder_add_double_value (builder, report->baseline);
  else
    json_builder_add_null_value (builder);

  json_builder_set_member_name (builder, "red_flags");
  if (report->have_red_flags)
    {
      json_builder_begin_object (builder);
      loadwise_cli_json_add_date (builder, "date", &report->red_flags_date);
      json_builder_set_member_name (builder, "yes");
      add_red_flag_ids (builder, report->red_flags_mask);
      json_builder_end_object (builder);
    }
  else
    {
      json_builder_add_null_value (builder);
    }

  json_builder_end_object (builder);
  loadwise_cli_json_print (builder);
}

static void
print_status_text (const StatusReport *report)
{
  g_autoptr (GString) text = g_string_new (NULL);
  g_autofree char *start = loadwise_date_to_iso (&report->programme.start);
  g_autofree char *days = loadwise_weekdays_to_string (report->programme.training_days);
  g_autofree char *today = loadwise_date_to_iso (&report->today);
  g_autofree char *next = loadwise_date_to_iso (&report->next_session);
  g_autofree char *end_iso = NULL;
  GDate end;

  loadwise_programme_get_end (&report->programme, &end);
  end_iso = loadwise_date_to_iso (&end);

  g_string_append_printf (text, _("Programme: %s to %s, %u weeks on %s; pain thresholds %u (safe) and %u (maximum)\n"),
                          start, end_iso, report->programme.weeks, days,
                          report->programme.safe_pain, report->programme.max_pain);

  if (!report->started)
    g_string_append (text, _("Week: not started\n"));
  else if (loadwise_programme_is_maintenance (&report->programme, &report->today))
    g_string_append_printf (text, _("Week: %d, maintenance\n"), report->week);
  else
    g_string_append_printf (text, _("Week: %d of %u\n"), report->week, report->programme.weeks);

  if (!report->started)
    g_string_append_printf (text, _("Today, %s: before the start\n"), today);
  else if (report->is_session)
    g_string_append_printf (text, _("Today, %s: session, %s, %u of %u sets done\n"), today,
                            loadwise_cli_session_status_label (report->session_status),
                            report->sets_done, report->sets_prescribed);
  else
    g_string_append_printf (text, _("Today, %s: rest day\n"), today);

  g_string_append_printf (text, _("Next session: %s\n"), next);

  if (report->have_baseline)
    g_string_append_printf (text, _("Baseline morning pain: %.1f\n"), report->baseline);
  else
    g_string_append (text, _("Baseline morning pain: none yet (no check-ins)\n"));

  if (!report->have_red_flags)
    {
      g_string_append (text, _("Red-flag screening: not done yet (run 'loadwise-cli redflags')\n"));
    }
  else
    {
      g_autofree char *asked = loadwise_date_to_iso (&report->red_flags_date);

      if (report->red_flags_mask == 0)
        g_string_append_printf (text, _("Red-flag screening: %s, no red flags\n"), asked);
      else
        {
          g_string_append_printf (text, _("Red-flag screening: %s, yes to:"), asked);
          for (guint i = 0; i < LOADWISE_N_RED_FLAGS; i++)
            {
              LoadwiseRedFlag flag = loadwise_red_flag_nth (i);

              if (report->red_flags_mask & flag)
                g_string_append_printf (text, " %s", loadwise_red_flag_to_string (flag));
            }
          g_string_append_printf (text, "\n%s\n", loadwise_red_flags_get_advice_for (report->red_flags_mask));
        }
    }

  g_print ("%s", text->str);
}

int
loadwise_cli_cmd_status (LoadwiseCli *cli,
                         int          argc,
                         char       **argv)
{
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    LOADWISE_CLI_JSON_OPTION (&json, N_("Print JSON")),
    { NULL }
  };
  g_autoptr (LoadwiseDatabase) database = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) args = NULL;
  StatusReport report = { { 0 } };
  int status;

  if (!loadwise_cli_parse_command ("status", NULL,
                                   _("Where the programme stands today."),
                                   _("The programme's settings, the week, today's session and how much of "
                                     "it is done, the next session, the baseline morning pain and the "
                                     "latest red-flag screening. With --json: an object with the members "
                                     "date, programme, phase, week, today, next_session, baseline and "
                                     "red_flags (null where there is nothing yet)."),
                                   entries, 0, argc, argv, &args, &status))
    return status;

  /* No file yet: say so without creating one. */
  if (!loadwise_cli_open_database_if_exists (cli, &database, &error))
    return loadwise_cli_fail (error);

  if (!gather_status (cli, database, &report, &error))
    return loadwise_cli_fail (error);

  if (json)
    print_status_json (&report);
  else
    print_status_text (&report);

  return LOADWISE_CLI_EXIT_OK;
}
