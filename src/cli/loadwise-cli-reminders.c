/* loadwise-cli-reminders.c: `loadwise-cli reminders show|set|next`
 *
 * The settings the reminder service reads, and what it would fire next,
 * computed by the same loadwise_schedule_compute() the service calls.
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "cli/loadwise-cli-json.h"
#include "cli/loadwise-cli-private.h"
#include "core/loadwise-parse.h"
#include "core/loadwise-schedule.h"
#include "core/loadwise-types.h"
#include "reminders/loadwise-reminders-control.h"
#include "store/loadwise-database-reminders.h"

static void
print_settings (const LoadwiseReminderSettings *settings,
                gboolean                        json)
{
  g_autofree char *session = loadwise_reminder_format_time (settings->session_time_s);
  g_autofree char *checkin = loadwise_reminder_format_time (settings->checkin_time_s);

  if (json)
    {
      g_autoptr (JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      loadwise_cli_json_add_boolean (builder, "enabled", settings->enabled);
      loadwise_cli_json_add_string (builder, "time", session);
      loadwise_cli_json_add_string (builder, "checkin_time", checkin);
      loadwise_cli_json_add_int (builder, "snooze_minutes", settings->snooze_minutes);
      json_builder_end_object (builder);
      loadwise_cli_json_print (builder);
      return;
    }

  g_print (_("Reminders:      %s\n"), settings->enabled ? _("on") : _("off"));
  g_print (_("Session time:   %s (training days)\n"), session);
  g_print (_("Check-in time:  %s (every day)\n"), checkin);
  g_print (ngettext ("Snooze:         %u minute\n", "Snooze:         %u minutes\n",
                     settings->snooze_minutes),
           settings->snooze_minutes);
}

/* The stored settings, or the defaults when there is no database yet. */
static gboolean
read_settings (LoadwiseCli               *cli,
               LoadwiseDatabase         **out_database,
               LoadwiseReminderSettings  *out_settings,
               GError                   **error)
{
  loadwise_reminder_settings_init (out_settings);
  if (!loadwise_cli_open_database_if_exists (cli, out_database, error))
    return FALSE;
  return *out_database == NULL ||
         loadwise_database_get_reminder_settings (*out_database, out_settings, error);
}

static int
cmd_show (LoadwiseCli *cli,
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
  LoadwiseReminderSettings settings;
  int status;

  if (!loadwise_cli_parse_command ("reminders show", NULL, _("Show the reminder settings."),
                                   NULL, entries, 0, argc, argv, &args, &status))
    return status;
  if (!read_settings (cli, &database, &settings, &error))
    return loadwise_cli_fail (error);

  print_settings (&settings, json);
  return LOADWISE_CLI_EXIT_OK;
}

static int
cmd_set (LoadwiseCli *cli,
         int          argc,
         char       **argv)
{
  g_autofree char *time_text = NULL;
  g_autofree char *checkin_text = NULL;
  g_autofree char *snooze_text = NULL;
  gboolean on = FALSE;
  gboolean off = FALSE;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "time", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &time_text,
      N_("Session reminder time on training days"), N_("HH:MM") },
    { "checkin-time", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &checkin_text,
      N_("Morning check-in reminder time"), N_("HH:MM") },
    { "snooze-minutes", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &snooze_text,
      N_("How long Snooze waits, 1-240"), N_("N") },
    { "on", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, &on, N_("Turn reminders on"), NULL },
    { "off", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, &off, N_("Turn reminders off"), NULL },
    LOADWISE_CLI_JSON_OPTION (&json, N_("Print JSON")),
    { NULL }
  };
  g_autoptr (LoadwiseDatabase) database = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) args = NULL;
  g_auto (GStrv) replaced = NULL;
  LoadwiseReminderSettings settings;
  guint minutes;
  gint64 snooze;
  int status;

  if (!loadwise_cli_parse_command ("reminders set", NULL, _("Change the reminder settings."),
                                   _("The reminder service (loadwise-reminders) reads these at "
                                     "once. --on, like the switch in Preferences, also makes the "
                                     "service start with your session (an XDG autostart entry) "
                                     "and starts it now; --off removes the entry and stops it."),
                                   entries, 0, argc, argv, &args, &status))
    return status;
  if (on && off)
    return loadwise_cli_fail_usage (_("--on and --off cannot be combined"));
  if (!on && !off && time_text == NULL && checkin_text == NULL && snooze_text == NULL)
    return loadwise_cli_fail_usage (_("Nothing to set (see 'loadwise-cli reminders set --help')"));

  /* A stored value that cannot be read is replaced: setting is how it
   * gets repaired. */
  database = loadwise_cli_open_database (cli, &error);
  if (database == NULL
      || !loadwise_database_get_reminder_settings_to_change (database, &settings, &replaced, &error))
    return loadwise_cli_fail (error);
  for (guint i = 0; replaced[i] != NULL; i++)
    g_printerr (_("%s held a value that could not be read; it is replaced.\n"), replaced[i]);

  if (time_text != NULL)
    {
      if (!loadwise_parse_time_of_day ("--time", time_text, &minutes, &error))
        return loadwise_cli_fail (error);
      settings.session_time_s = minutes * 60;
    }
  if (checkin_text != NULL)
    {
      if (!loadwise_parse_time_of_day ("--checkin-time", checkin_text, &minutes, &error))
        return loadwise_cli_fail (error);
      settings.checkin_time_s = minutes * 60;
    }
  if (snooze_text != NULL)
    {
      if (!loadwise_parse_int ("--snooze-minutes", snooze_text, LOADWISE_REMINDER_SNOOZE_MIN,
                               LOADWISE_REMINDER_SNOOZE_MAX, &snooze, &error))
        return loadwise_cli_fail (error);
      settings.snooze_minutes = (guint) snooze;
    }
  if (!loadwise_database_set_reminder_settings (database, &settings, &error))
    return loadwise_cli_fail (error);
  if (on || off)
    {
      g_autoptr (GDBusConnection) bus = loadwise_reminders_get_session_bus ();

      if (!loadwise_reminders_set_enabled (database, on, bus, &error) ||
          !loadwise_database_get_reminder_settings (database, &settings, &error))
        return loadwise_cli_fail (error);
    }

  print_settings (&settings, json);
  return LOADWISE_CLI_EXIT_OK;
}

static char *
format_local (GTimeZone *zone,
              gint64     unix_time,
              const char *format)
{
  g_autoptr (GDateTime) utc = g_date_time_new_from_unix_utc (unix_time);
  g_autoptr (GDateTime) local = g_date_time_to_timezone (utc, zone);

  return g_date_time_format (local, format);
}

static int
cmd_next (LoadwiseCli *cli,
          int          argc,
          char       **argv)
{
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    LOADWISE_CLI_JSON_OPTION (&json, N_("Print JSON")),
    { NULL }
  };
  g_autoptr (LoadwiseDatabase) database = NULL;
  g_autoptr (GDateTime) now = loadwise_clock_get_now (cli->clock);
  g_autoptr (GArray) facts = NULL;
  g_autoptr (GArray) due = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) args = NULL;
  LoadwiseReminderSettings settings;
  LoadwiseProgramme programme;
  gboolean has_programme = FALSE;
  GTimeZone *zone = g_date_time_get_timezone (now);
  GDate from, to;
  int status;

  if (!loadwise_cli_parse_command ("reminders next", NULL,
                                   _("The reminders still to come this week, as the reminder "
                                     "service computes them."),
                                   NULL, entries, 0, argc, argv, &args, &status))
    return status;
  if (!read_settings (cli, &database, &settings, &error))
    return loadwise_cli_fail (error);

  loadwise_date_from_datetime (now, &from);
  to = from;
  g_date_add_days (&to, LOADWISE_SCHEDULE_DAYS - 1);
  if (database != NULL)
    {
      has_programme = loadwise_database_get_programme (database, &programme, &error);
      if (!has_programme && !g_error_matches (error, LOADWISE_DATABASE_ERROR,
                                              LOADWISE_DATABASE_ERROR_NO_PROGRAMME))
        return loadwise_cli_fail (error);
      g_clear_error (&error);
      facts = loadwise_database_list_reminder_facts (database, &from, &to, &error);
      if (facts == NULL)
        return loadwise_cli_fail (error);
    }
  due = loadwise_schedule_compute (has_programme ? &programme : NULL, &settings,
                                   facts != NULL ? (const LoadwiseReminderFact *) (gpointer) facts->data : NULL,
                                   facts != NULL ? facts->len : 0, now);

  if (json)
    {
      g_autoptr (JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < due->len; i++)
        {
          const LoadwiseDueReminder *item = &g_array_index (due, LoadwiseDueReminder, i);
          g_autofree char *when = format_local (zone, item->due, "%Y-%m-%dT%H:%M:%S%:z");

          json_builder_begin_object (builder);
          loadwise_cli_json_add_string (builder, "kind", loadwise_reminder_kind_to_string (item->kind));
          loadwise_cli_json_add_date (builder, "date", &item->date);
          loadwise_cli_json_add_string (builder, "due", when);
          loadwise_cli_json_add_boolean (builder, "catch_up", item->catch_up);
          loadwise_cli_json_add_boolean (builder, "snoozed", item->snoozed);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      loadwise_cli_json_print (builder);
      return LOADWISE_CLI_EXIT_OK;
    }

  if (!settings.enabled)
    g_print (_("Reminders are off (turn them on with 'loadwise-cli reminders set --on').\n"));
  else if (!has_programme)
    g_print (_("No programme yet, so no reminders.\n"));
  else if (due->len == 0)
    g_print (_("Nothing is due in the coming week.\n"));

  for (guint i = 0; i < due->len; i++)
    {
      const LoadwiseDueReminder *item = &g_array_index (due, LoadwiseDueReminder, i);
      g_autofree char *when = format_local (zone, item->due, "%Y-%m-%d %H:%M");
      const char *what = item->kind == LOADWISE_REMINDER_SESSION ? _("session") : _("check-in");

      if (item->catch_up)
        /* Translators: a reminder whose time passed; it fires at once. */
        g_print (_("%s  %s (missed, due now)\n"), when, what);
      else if (item->snoozed)
        g_print (_("%s  %s (snoozed)\n"), when, what);
      else
        g_print ("%s  %s\n", when, what);
    }
  return LOADWISE_CLI_EXIT_OK;
}

int
loadwise_cli_cmd_reminders (LoadwiseCli *cli,
                            int          argc,
                            char       **argv)
{
  const char *sub = argc > 1 ? argv[1] : NULL;

  if (g_strcmp0 (sub, "show") == 0)
    return cmd_show (cli, argc - 1, argv + 1);
  if (g_strcmp0 (sub, "set") == 0)
    return cmd_set (cli, argc - 1, argv + 1);
  if (g_strcmp0 (sub, "next") == 0)
    return cmd_next (cli, argc - 1, argv + 1);
  if (g_strcmp0 (sub, "--help") == 0 || g_strcmp0 (sub, "-h") == 0)
    {
      g_print ("%s\n\n  show [--json]\n  set [--time HH:MM] [--checkin-time HH:MM] "
               "[--snooze-minutes N] [--on|--off]\n  next [--json]\n",
               _("Usage: loadwise-cli reminders COMMAND"));
      return LOADWISE_CLI_EXIT_OK;
    }
  if (sub == NULL)
    return loadwise_cli_fail_usage (_("reminders: say show, set or next"));
  return loadwise_cli_fail_usage (_("reminders: %s is not one of show, set, next"), sub);
}
