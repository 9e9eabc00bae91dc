/* loadwise-cli-session.c: `today`, `log-session` and `checkin`
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "cli/loadwise-cli-json.h"
#include "cli/loadwise-cli-private.h"
#include "core/loadwise-error.h"
#include "core/loadwise-parse.h"
#include "core/loadwise-session.h"
#include "core/loadwise-text.h"

/* The number of sets, reps or hold, and the side note, as people read it:
 * "2 x 10", "3 x 8-12 per side", "5 x 10 s per side". */
static char *
format_dosage (const LoadwisePrescribedExercise *item)
{
  const LoadwiseExercise *exercise = item->exercise;
  GString *text = g_string_new (NULL);

  if (loadwise_exercise_is_hold (exercise))
    g_string_append_printf (text, _("%u x %u s hold"), item->sets, item->target_hold_s);
  else if (exercise->reps_min == exercise->reps_max)
    g_string_append_printf (text, "%u x %u", item->sets, exercise->reps_min);
  else
    g_string_append_printf (text, "%u x %u-%u", item->sets, exercise->reps_min, exercise->reps_max);

  if (exercise->side_mode == LOADWISE_SIDE_MODE_PER_SIDE)
    g_string_append (text, _(" per side"));
  else if (exercise->side_mode == LOADWISE_SIDE_MODE_PER_DIRECTION)
    g_string_append (text, _(" per direction"));

  return g_string_free (text, FALSE);
}

static void
print_today_json (const LoadwisePrescription *prescription,
                  LoadwiseSessionStatus       status,
                  GHashTable                 *done,
                  GHashTable                 *pains,
                  guint                       red_flags)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  loadwise_cli_json_add_date (builder, "date", &prescription->date);
  loadwise_cli_json_add_string (builder, "kind", prescription->is_session ? "session" : "rest");
  loadwise_cli_json_add_int (builder, "week", prescription->week);
  loadwise_cli_json_add_string (builder, "status", loadwise_session_status_to_string (status));
  if (!prescription->is_session)
    loadwise_cli_json_add_date (builder, "next_session", &prescription->next_session);

  json_builder_set_member_name (builder, "exercises");
  json_builder_begin_array (builder);
  for (guint i = 0; prescription->is_session && i < LOADWISE_N_FAMILIES; i++)
    {
      const LoadwisePrescribedExercise *item = &prescription->exercises[i];
      const LoadwiseExercise *exercise = item->exercise;
      gpointer pain = g_hash_table_lookup (pains, exercise->id);

      json_builder_begin_object (builder);
      loadwise_cli_json_add_string (builder, "id", exercise->id);
      loadwise_cli_json_add_string (builder, "family", loadwise_family_to_string (exercise->family));
      loadwise_cli_json_add_int (builder, "level", item->level);
      loadwise_cli_json_add_string (builder, "name", exercise->name);
      loadwise_cli_json_add_int (builder, "sets", item->sets);
      loadwise_cli_json_add_int (builder, "reps_min", exercise->reps_min);
      loadwise_cli_json_add_int (builder, "reps_max", exercise->reps_max);
      /* The prescribed hold in seconds; null for exercises that are not holds. */
      if (loadwise_exercise_is_hold (exercise))
        loadwise_cli_json_add_int (builder, "hold_s", item->target_hold_s);
      else
        loadwise_cli_json_add_null (builder, "hold_s");
      loadwise_cli_json_add_boolean (builder, "per_side", item->n_sides == 2);
      loadwise_cli_json_add_int (builder, "sets_done",
                                 GPOINTER_TO_UINT (g_hash_table_lookup (done, exercise->id)));
      /* Stored as pain + 1 so that 0 means "not rated". */
      if (pain != NULL)
        loadwise_cli_json_add_int (builder, "pain", GPOINTER_TO_INT (pain) - 1);
      else
        loadwise_cli_json_add_null (builder, "pain");
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  loadwise_cli_json_add_red_flags (builder, red_flags);

  json_builder_end_object (builder);
  loadwise_cli_json_print (builder);
}

static void
print_today_text (const LoadwiseProgramme    *programme,
                  const LoadwisePrescription *prescription,
                  LoadwiseSessionStatus       status,
                  GHashTable                 *done,
                  GHashTable                 *pains)
{
  g_autoptr (GString) text = g_string_new (NULL);
  g_autofree char *date = loadwise_date_to_iso (&prescription->date);
  g_autofree char *week = NULL;

  if (prescription->maintenance)
    week = g_strdup_printf (_("week %d, maintenance"), prescription->week);
  else
    week = g_strdup_printf (_("week %d of %u"), prescription->week, programme->weeks);

  if (!prescription->is_session)
    {
      g_autofree char *next = loadwise_date_to_iso (&prescription->next_session);

      g_string_append_printf (text, _("%s (%s): rest day. Next session: %s\n"), date, week, next);
      g_print ("%s", text->str);
      return;
    }

  g_string_append_printf (text, _("%s (%s): session, %s\n"), date, week, loadwise_cli_session_status_label (status));
  for (guint i = 0; i < LOADWISE_N_FAMILIES; i++)
    {
      const LoadwisePrescribedExercise *item = &prescription->exercises[i];
      const LoadwiseExercise *exercise = item->exercise;
      g_autofree char *dosage = format_dosage (item);
      gpointer pain = g_hash_table_lookup (pains, exercise->id);
      guint total = loadwise_prescribed_exercise_total_sets (item);
      guint n_done = GPOINTER_TO_UINT (g_hash_table_lookup (done, exercise->id));

      g_string_append_printf (text, _("  %s, level %u: %s, %s; %u of %u sets done"),
                              loadwise_family_get_label (exercise->family), item->level,
                              exercise->name, dosage, n_done, total);
      if (pain != NULL)
        g_string_append_printf (text, _("; pain %d"), GPOINTER_TO_INT (pain) - 1);
      g_string_append_c (text, '\n');
    }

  g_print ("%s", text->str);
}

int
loadwise_cli_cmd_today (LoadwiseCli *cli,
                        int          argc,
                        char       **argv)
{
  g_autofree char *date_text = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "date", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &date_text,
      N_("The day to show (default: today)"), N_("YYYY-MM-DD") },
    LOADWISE_CLI_JSON_OPTION (&json, N_("Print JSON")),
    { NULL }
  };
  g_autoptr (LoadwiseDatabase) database = NULL;
  g_autoptr (LoadwiseCatalogue) catalogue = NULL;
  g_autoptr (GHashTable) done = NULL;
  g_autoptr (GHashTable) pains = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) args = NULL;
  g_auto (LoadwiseSessionRecord) record = { { 0 } };
  LoadwiseProgramme programme;
  LoadwisePrescription prescription;
  guint red_flags = 0;
  GDate date;
  int status;

  if (!loadwise_cli_parse_command ("today", NULL,
                                   _("The session for a day, or that it is a rest day."),
                                   _("With --json: an object with date, kind (\"session\" or \"rest\"), "
                                     "week, status (none, in-progress, done, skipped), next_session (rest "
                                     "days only) and exercises: for each, id, family, level, name, sets, "
                                     "reps_min, reps_max, hold_s (the hold in seconds, null when the "
                                     "exercise is not a hold), per_side (true when each side is a set of "
                                     "its own), sets_done (set logs done, each side counted) and pain "
                                     "(null when not rated); red_flag_advice: null, or while a red-flag "
                                     "yes stands, yes (the ids), urgency (today or soon) and advice, "
                                     "which is also printed on stderr."),
                                   entries, 0, argc, argv, &args, &status))
    return status;

  if (!loadwise_cli_resolve_date (cli, date_text, &date, &error))
    return loadwise_cli_fail (error);

  if (loadwise_cli_database_exists (cli))
    {
      database = loadwise_cli_open_database (cli, &error);
      if (database == NULL)
        return loadwise_cli_fail (error);
    }

  if (!loadwise_cli_get_programme (cli, database, &programme, &error))
    return loadwise_cli_fail (error);

  catalogue = loadwise_catalogue_load_default (&error);
  if (catalogue == NULL ||
      !loadwise_cli_prescribe (database, catalogue, &programme, &date, &prescription, &error) ||
      !loadwise_database_get_session (database, &date, &record, &error))
    return loadwise_cli_fail (error);

  done = loadwise_cli_count_done_sets (database, &date, &error);
  if (done == NULL)
    return loadwise_cli_fail (error);
  pains = loadwise_database_get_exercise_pains (database, &date, &error);
  if (pains == NULL)
    return loadwise_cli_fail (error);

  /* PROGRAMME.md, "Red flags": a yes that stands comes before any session. */
  loadwise_cli_warn_red_flags (database, &red_flags);
  if (json)
    print_today_json (&prescription, record.status, done, pains, red_flags);
  else
    print_today_text (&programme, &prescription, record.status, done, pains);

  return LOADWISE_CLI_EXIT_OK;
}

int
loadwise_cli_cmd_log_session (LoadwiseCli *cli,
                              int          argc,
                              char       **argv)
{
  g_autofree char *date_text = NULL;
  g_autofree char *completed_text = NULL;
  g_autofree char *pain_text = NULL;
  g_autofree char *note = NULL;
  g_autofree char *clean_note = NULL;
  const GOptionEntry entries[] = {
    { "date", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &date_text,
      N_("The session's day (default: today)"), N_("YYYY-MM-DD") },
    { "completed", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &completed_text,
      N_("How much of each exercise's sets was done, 0-100 (required); each exercise "
         "counts the whole sets that covers, rounded down: 50 of a 1-set exercise is "
         "none done"), N_("PERCENT") },
    { "pain", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &pain_text,
      N_("The most pain during the exercises, 0-10 (required)"), N_("N") },
    { "note", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &note,
      N_("A note kept with the session"), N_("TEXT") },
    { NULL }
  };
  g_autoptr (LoadwiseDatabase) database = NULL;
  g_autoptr (LoadwiseCatalogue) catalogue = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *date_iso = NULL;
  g_auto (GStrv) args = NULL;
  LoadwiseProgramme programme;
  LoadwisePrescription prescription;
  gint64 completed;
  guint pain;
  guint sets_done = 0;
  guint sets_total = 0;
  GDate date;
  int status;

  if (!loadwise_cli_parse_command ("log-session", NULL,
                                   _("Log a whole session at once."),
                                   _("Marks the first PERCENT of each exercise's sets done (rounded to "
                                     "whole sets), gives each exercise the pain rating, and finishes "
                                     "the session. Logging a day again replaces what was logged for it. "
                                     "A rest day is refused."),
                                   entries, 0, argc, argv, &args, &status))
    return status;
  if (completed_text == NULL)
    return loadwise_cli_fail_usage (_("log-session: --completed is required (0-100)"));
  if (pain_text == NULL)
    return loadwise_cli_fail_usage (_("log-session: --pain is required (0-10)"));

  if (!loadwise_cli_resolve_past_date (cli, date_text, &date, &error) ||
      !loadwise_parse_int ("--completed", completed_text, 0, 100, &completed, &error) ||
      !loadwise_cli_parse_pain ("--pain", pain_text, &pain, &error) ||
      (note != NULL && !loadwise_text_validate ("--note", note, -1, LOADWISE_TEXT_NOTE, &clean_note, &error)))
    return loadwise_cli_fail (error);

  if (loadwise_cli_database_exists (cli))
    {
      database = loadwise_cli_open_database (cli, &error);
      if (database == NULL)
        return loadwise_cli_fail (error);
    }

  if (!loadwise_cli_get_programme (cli, database, &programme, &error))
    return loadwise_cli_fail (error);

  catalogue = loadwise_catalogue_load_default (&error);
  if (catalogue == NULL ||
      !loadwise_cli_prescribe (database, catalogue, &programme, &date, &prescription, &error))
    return loadwise_cli_fail (error);

  date_iso = loadwise_date_to_iso (&date);
  if (!prescription.is_session)
    {
      g_autofree char *next = loadwise_date_to_iso (&prescription.next_session);

      return loadwise_cli_fail_usage (_("--date: %s is a rest day; the next session is %s"),
                                      date_iso, next);
    }

  if (!loadwise_database_log_session (database, &prescription, (guint) completed, pain, clean_note, &error))
    return loadwise_cli_fail (error);

  for (guint i = 0; i < LOADWISE_N_FAMILIES; i++)
    {
      guint total = loadwise_prescribed_exercise_total_sets (&prescription.exercises[i]);

      sets_total += total;
      sets_done += loadwise_sets_for_percent (total, (guint) completed);
    }

  g_print (_("Logged the session of %s: %u of %u sets done, pain %u.\n"),
           date_iso, sets_done, sets_total, pain);
  loadwise_cli_warn_red_flags (database, NULL);
  return LOADWISE_CLI_EXIT_OK;
}

int
loadwise_cli_cmd_checkin (LoadwiseCli *cli,
                          int          argc,
                          char       **argv)
{
  g_autofree char *date_text = NULL;
  g_autofree char *pain_text = NULL;
  g_autofree char *side_text = NULL;
  gboolean night_pain = FALSE;
  const GOptionEntry entries[] = {
    { "date", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &date_text,
      N_("The morning to record (default: today)"), N_("YYYY-MM-DD") },
    { "morning-pain", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &pain_text,
      N_("Hip pain on getting up, 0-10 (required)"), N_("N") },
    { "side", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &side_text,
      N_("Where it hurts: left, right or both (default: both when there is pain)"), N_("SIDE") },
    { "night-pain", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, &night_pain,
      N_("The hip hurt during the night"), NULL },
    { NULL }
  };
  g_autoptr (LoadwiseDatabase) database = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *date_iso = NULL;
  g_auto (GStrv) args = NULL;
  LoadwiseCheckin checkin = { { 0 } };
  int status;

  if (!loadwise_cli_parse_command ("checkin", NULL,
                                   _("Record the morning check-in: the pain that matters most."),
                                   _("Pain the morning after exercise shows how the hip coped with it. "
                                     "With pain above 0 and no --side, the side is \"both\"; with no "
                                     "pain there is no side, and --side is refused. A second check-in "
                                     "for the same morning replaces the first."),
                                   entries, 0, argc, argv, &args, &status))
    return status;
  if (pain_text == NULL)
    return loadwise_cli_fail_usage (_("checkin: --morning-pain is required (0-10)"));

  if (!loadwise_cli_resolve_past_date (cli, date_text, &checkin.date, &error) ||
      !loadwise_cli_parse_pain ("--morning-pain", pain_text, &checkin.morning_pain, &error))
    return loadwise_cli_fail (error);

  checkin.night_pain = night_pain;
  if (side_text != NULL)
    {
      if (!loadwise_side_from_string (side_text, &checkin.side) ||
          checkin.side == LOADWISE_SIDE_NONE)
        return loadwise_cli_fail_usage (_("--side: %s is not one of left, right, both"), side_text);
      if (checkin.morning_pain == 0)
        return loadwise_cli_fail_usage (_("--side: there is no side when --morning-pain is 0"));
    }
  else
    {
      checkin.side = checkin.morning_pain > 0 ? LOADWISE_SIDE_BOTH : LOADWISE_SIDE_NONE;
    }

  database = loadwise_cli_open_database (cli, &error);
  if (database == NULL ||
      !loadwise_database_save_checkin (database, &checkin, &error))
    return loadwise_cli_fail (error);

  date_iso = loadwise_date_to_iso (&checkin.date);
  if (checkin.side == LOADWISE_SIDE_NONE)
    g_print (_("Check-in saved for %s: no morning pain%s.\n"), date_iso,
             night_pain ? _(", pain in the night") : "");
  else
    g_print (_("Check-in saved for %s: morning pain %u (%s)%s.\n"), date_iso,
             checkin.morning_pain, loadwise_side_to_string (checkin.side),
             night_pain ? _(", pain in the night") : "");
  return LOADWISE_CLI_EXIT_OK;
}
