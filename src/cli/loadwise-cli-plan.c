/* loadwise-cli-plan.c: `plan` and `skip`
 *
 * The store works the week decisions out itself, after every write and
 * when the day moves on (loadwise-database-derive.c): what these commands
 * show is the plan in force for the CLI's clock (LOADWISE_NOW).
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "cli/loadwise-cli-json.h"
#include "cli/loadwise-cli-private.h"
#include "core/loadwise-error.h"
#include "core/loadwise-parse.h"
#include "core/loadwise-progression.h"
#include "core/loadwise-red-flags.h"
#include "core/loadwise-text.h"
#include "store/loadwise-database-progression.h"

/* The see-a-clinician prompt that came with @week's plan: the review of the
 * week before it. */
static const LoadwiseWeekReview *
find_review (GPtrArray *reviews,
             int        week)
{
  for (guint i = 0; i < reviews->len; i++)
    {
      const LoadwiseWeekReview *review = g_ptr_array_index (reviews, i);

      if (review->week == week)
        return review;
    }
  return NULL;
}

static void
print_plan_json (int                      week,
                 const GDate             *start,
                 const GDate             *end,
                 const LoadwiseCatalogue *catalogue,
                 const LoadwiseWeekPlan   plans[LOADWISE_N_FAMILIES],
                 gboolean                 see_clinician,
                 guint                    red_flags)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  loadwise_cli_json_add_int (builder, "week", week);
  loadwise_cli_json_add_date (builder, "start", start);
  loadwise_cli_json_add_date (builder, "end", end);
  json_builder_set_member_name (builder, "families");
  json_builder_begin_array (builder);
  for (guint f = 0; f < LOADWISE_N_FAMILIES; f++)
    {
      const LoadwiseExercise *exercise = loadwise_catalogue_lookup (catalogue, f, plans[f].level);
      gboolean hold = loadwise_exercise_is_hold (exercise);

      json_builder_begin_object (builder);
      loadwise_cli_json_add_string (builder, "family", loadwise_family_to_string (f));
      loadwise_cli_json_add_int (builder, "level", plans[f].level);
      loadwise_cli_json_add_string (builder, "exercise", exercise->id);
      loadwise_cli_json_add_int (builder, "sets", exercise->sets);
      /* reps_min is this week's target: it climbs within the range. */
      loadwise_cli_json_add_int (builder, "reps_min",
                                 hold ? exercise->reps_min
                                      : loadwise_progression_clamp_reps (exercise,
                                                                         plans[f].target_reps));
      loadwise_cli_json_add_int (builder, "reps_max", exercise->reps_max);
      if (hold)
        loadwise_cli_json_add_int (builder, "hold_s",
                                   loadwise_progression_clamp_hold_s (exercise,
                                                                      plans[f].target_hold_s));
      else
        loadwise_cli_json_add_null (builder, "hold_s");
      loadwise_cli_json_add_string (builder, "decision", plans[f].decision);
      loadwise_cli_json_add_string (builder, "reason", plans[f].reason);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  loadwise_cli_json_add_boolean (builder, "see_clinician", see_clinician);
  loadwise_cli_json_add_boolean (builder, "red_flags", red_flags != 0);
  loadwise_cli_json_add_red_flags (builder, red_flags);
  json_builder_end_object (builder);
  loadwise_cli_json_print (builder);
}

static char *
format_target (const LoadwiseExercise *exercise,
               const LoadwiseWeekPlan *plan)
{
  const char *per = "";

  if (exercise->side_mode == LOADWISE_SIDE_MODE_PER_SIDE)
    per = _(" per side");
  else if (exercise->side_mode == LOADWISE_SIDE_MODE_PER_DIRECTION)
    per = _(" per direction");

  if (loadwise_exercise_is_hold (exercise))
    return g_strdup_printf (_("%u x %u s hold%s"), exercise->sets,
                            loadwise_progression_clamp_hold_s (exercise, plan->target_hold_s), per);
  return g_strdup_printf (_("%u x %u reps%s (range %u-%u)"), exercise->sets,
                          loadwise_progression_clamp_reps (exercise, plan->target_reps), per,
                          exercise->reps_min, exercise->reps_max);
}

static void
print_plan_text (const LoadwiseProgramme  *programme,
                 int                       week,
                 const GDate              *start,
                 const GDate              *end,
                 const GDate              *today,
                 const LoadwiseCatalogue  *catalogue,
                 const LoadwiseWeekPlan    plans[LOADWISE_N_FAMILIES],
                 const LoadwiseWeekReview *review,
                 guint                     red_flags)
{
  g_autoptr (GString) text = g_string_new (NULL);
  g_autofree char *from = loadwise_date_to_iso (start);
  g_autofree char *to = loadwise_date_to_iso (end);
  g_autoptr (GString) days = g_string_new (NULL);

  if (week > (int) programme->weeks)
    g_string_append_printf (text, _("Week %d, maintenance (%s to %s)\n"), week, from, to);
  else
    g_string_append_printf (text, _("Week %d of %u (%s to %s)\n"), week, programme->weeks, from, to);

  for (guint f = 0; f < LOADWISE_N_FAMILIES; f++)
    {
      const LoadwiseExercise *exercise = loadwise_catalogue_lookup (catalogue, f, plans[f].level);
      g_autofree char *target = format_target (exercise, &plans[f]);
      g_autofree char *why = loadwise_cli_wrap_text (plans[f].reason, 72);
      g_auto (GStrv) lines = g_strsplit (why, "\n", -1);
      LoadwiseDecision decision = LOADWISE_DECISION_HOLD;

      loadwise_decision_from_string (plans[f].decision, &decision);
      g_string_append_printf (text, _("  %s, level %u: %s, %s [%s]\n"),
                              loadwise_family_get_label (f), plans[f].level, exercise->name,
                              target, loadwise_decision_get_label (decision));
      for (guint i = 0; lines[i] != NULL; i++)
        g_string_append_printf (text, "      %s\n", lines[i]);
    }

  /* The sessions still to come in this week. */
  for (GDate day = *start; g_date_compare (&day, end) <= 0; g_date_add_days (&day, 1))
    if (g_date_compare (&day, today) >= 0 && loadwise_programme_is_session_day (programme, &day))
      {
        g_autofree char *iso = loadwise_date_to_iso (&day);

        g_string_append_printf (days, "%s%s", days->len > 0 ? ", " : "", iso);
      }
  if (days->len > 0)
    g_string_append_printf (text, _("Sessions to come: %s\n"), days->str);

  if (review != NULL && review->see_clinician)
    {
      g_autofree char *advice = loadwise_cli_wrap_text (review->clinician_reason, 76);

      g_string_append_printf (text, _("See a clinician:\n%s\n"), advice);
    }
  /* The advice itself went to stderr (loadwise_cli_warn_red_flags ()). */
  if (red_flags != 0)
    {
      g_autoptr (GString) ids = g_string_new (NULL);

      for (guint i = 0; i < LOADWISE_N_RED_FLAGS; i++)
        if ((red_flags & loadwise_red_flag_nth (i)) != 0)
          g_string_append_printf (ids, "%s%s", ids->len > 0 ? ", " : "",
                                  loadwise_red_flag_to_string (loadwise_red_flag_nth (i)));
      g_string_append_printf (text, _("Red flags answered yes: %s.\n"), ids->str);
    }
  g_print ("%s", text->str);
}

int
loadwise_cli_cmd_plan (LoadwiseCli *cli,
                       int          argc,
                       char       **argv)
{
  g_autofree char *week_text = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "week", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &week_text,
      N_("The week to show, from 1 to the current week (default: the current week)"), N_("N") },
    LOADWISE_CLI_JSON_OPTION (&json, N_("Print JSON")),
    { NULL }
  };
  g_autoptr (LoadwiseDatabase) database = NULL;
  g_autoptr (LoadwiseCatalogue) catalogue = NULL;
  g_autoptr (GPtrArray) reviews = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) args = NULL;
  LoadwiseWeekPlan plans[LOADWISE_N_FAMILIES];
  LoadwiseProgramme programme;
  const LoadwiseWeekReview *review;
  GDate today, start, end;
  guint flags = 0;
  int week, current, status;

  if (!loadwise_cli_parse_command ("plan", NULL,
                                   _("Show a week's levels and the decision that set them."),
                                   _("Each week's levels are decided when the week before it ends: up "
                                     "a level, hold, down a level, or maintenance after the last "
                                     "week, with the reason. JSON fields: week, start, end, families "
                                     "(family, level, exercise, sets, reps_min: this week's target, "
                                     "reps_max: the top of the range, hold_s: null unless a hold, "
                                     "decision: start, progress, hold, regress or maintain, reason), "
                                     "see_clinician, red_flags (whether a red-flag yes stands), "
                                     "red_flag_advice (null, or yes, urgency and advice, also printed "
                                     "on stderr)."),
                                   entries, 0, argc, argv, &args, &status))
    return status;

  if (!loadwise_cli_open_database_if_exists (cli, &database, &error) ||
      !loadwise_cli_get_programme (cli, database, &programme, &error))
    return loadwise_cli_fail (error);

  loadwise_clock_get_today (cli->clock, &today);
  current = MAX (loadwise_programme_get_week (&programme, &today), 1);
  week = current;
  if (week_text != NULL)
    {
      gint64 value;

      if (!loadwise_parse_int ("--week", week_text, 1, current, &value, &error))
        return loadwise_cli_fail (error);
      week = (int) value;
    }

  catalogue = loadwise_catalogue_load_default (&error);
  if (catalogue == NULL ||
      !loadwise_database_get_week_plan (database, week, plans, &error))
    return loadwise_cli_fail (error);
  reviews = loadwise_database_list_week_reviews (database, &error);
  if (reviews == NULL)
    {
      loadwise_database_week_plans_clear (plans);
      return loadwise_cli_fail (error);
    }
  loadwise_cli_warn_red_flags (database, &flags);

  loadwise_programme_get_week_start (&programme, week, &start);
  end = start;
  g_date_add_days (&end, 6);
  review = find_review (reviews, week - 1);

  if (json)
    print_plan_json (week, &start, &end, catalogue, plans,
                     review != NULL && review->see_clinician, flags);
  else
    print_plan_text (&programme, week, &start, &end, &today, catalogue, plans, review, flags);

  loadwise_database_week_plans_clear (plans);
  return LOADWISE_CLI_EXIT_OK;
}

int
loadwise_cli_cmd_skip (LoadwiseCli *cli,
                       int          argc,
                       char       **argv)
{
  g_autofree char *date_text = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *clean_reason = NULL;
  const GOptionEntry entries[] = {
    { "date", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &date_text,
      N_("The session day to skip (default: today)"), N_("YYYY-MM-DD") },
    { "reason", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &reason,
      N_("Why, in a few words (ill, travelling...)"), N_("TEXT") },
    { NULL }
  };
  g_autoptr (LoadwiseDatabase) database = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *iso = NULL;
  g_auto (GStrv) args = NULL;
  LoadwiseProgramme programme;
  GDate date;
  int status;

  if (!loadwise_cli_parse_command ("skip", NULL,
                                   _("Mark a session as skipped, with the reason."),
                                   _("A skipped session is not a miss in the adherence figures; "
                                     "moving up a level still needs the sets done."),
                                   entries, 0, argc, argv, &args, &status))
    return status;

  if (!loadwise_cli_resolve_date (cli, date_text, &date, &error))
    return loadwise_cli_fail (error);
  if (reason == NULL)
    return loadwise_cli_fail_usage (_("--reason: must not be empty"));
  /* The store's own check, named as the option; trimmed, it must say something. */
  if (!loadwise_text_validate ("--reason", reason, -1, LOADWISE_TEXT_SKIP_REASON, &clean_reason, &error))
    return loadwise_cli_fail (error);
  if (*clean_reason == '\0')
    return loadwise_cli_fail_usage (_("--reason: must not be empty"));

  if (!loadwise_cli_open_database_if_exists (cli, &database, &error) ||
      !loadwise_cli_get_programme (cli, database, &programme, &error))
    return loadwise_cli_fail (error);

  iso = loadwise_date_to_iso (&date);
  if (loadwise_programme_get_week (&programme, &date) < 1 ||
      !loadwise_programme_is_session_day (&programme, &date))
    {
      g_set_error (&error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT,
                   _("--date: %s is not a session day of the programme"), iso);
      return loadwise_cli_fail (error);
    }

  if (!loadwise_database_set_session_status (database, &date, LOADWISE_SESSION_STATUS_SKIPPED,
                                             NULL, clean_reason, &error))
    return loadwise_cli_fail (error);

  g_print (_("The session of %s is marked skipped (%s); it does not count as a miss.\n"), iso, clean_reason);
  return LOADWISE_CLI_EXIT_OK;
}
