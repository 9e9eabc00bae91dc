/* loadwise-cli-runs.c: `log-run`, `runs`, `edit-run`, `delete-run`,
 * `shoes`, `habits`, `insights` and `flare` (issue 4)
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>

#include <glib/gi18n.h>

#include "cli/loadwise-cli-json.h"
#include "cli/loadwise-cli-private.h"
#include "cli/loadwise-cli-table.h"
#include "core/loadwise-error.h"
#include "core/loadwise-parse.h"
#include "core/loadwise-text.h"
#include "store/loadwise-database-runs.h"

/* What `log-run` and `edit-run` accept; NULL / FALSE: not given. */
typedef struct {
  char     *date;
  char     *distance_km;
  char     *duration;
  char     *climb;
  char     *descent;
  gboolean  speed;
  gboolean  no_speed;
  gboolean  long_run;
  gboolean  no_long;
  char     *camber;
  char     *surface;
  char     *shoe;
  gboolean  no_shoe;
  char     *pain_during;
  char     *pain_after;
  gboolean  no_pain_after;
  char     *note;
} RunOptions;

static void
run_options_clear (RunOptions *options)
{
  g_free (options->date);
  g_free (options->distance_km);
  g_free (options->duration);
  g_free (options->climb);
  g_free (options->descent);
  g_free (options->camber);
  g_free (options->surface);
  g_free (options->shoe);
  g_free (options->pain_during);
  g_free (options->pain_after);
  g_free (options->note);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RunOptions, run_options_clear)

/* Whether any option was given. */
static gboolean
run_options_any (const RunOptions *o)
{
  return o->date != NULL || o->distance_km != NULL || o->duration != NULL || o->climb != NULL ||
         o->descent != NULL || o->speed || o->no_speed || o->long_run || o->no_long ||
         o->camber != NULL || o->surface != NULL || o->shoe != NULL || o->no_shoe ||
         o->pain_during != NULL || o->pain_after != NULL || o->no_pain_after || o->note != NULL;
}

#define RUN_ENTRIES(o) \
  { "date", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &(o).date, \
    N_("The day of the run (default: today)"), N_("YYYY-MM-DD") }, \
  { "distance-km", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &(o).distance_km, \
    N_("Distance in km, from 0.01 to under 400"), N_("KM") }, \
  { "duration", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &(o).duration, \
    N_("Moving time (the pace is worked out from it)"), N_("MM:SS|H:MM:SS") }, \
  { "climb-m", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &(o).climb, \
    N_("Metres climbed, 0-10000"), N_("N") }, \
  { "descent-m", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &(o).descent, \
    N_("Metres descended, 0-10000"), N_("N") }, \
  { "speed", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, &(o).speed, \
    N_("Speed work: intervals, tempo or a race"), NULL }, \
  { "long", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, &(o).long_run, \
    N_("A long run (runs above 1.5 x your 4-week median count as long anyway)"), NULL }, \
  { "camber", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &(o).camber, \
    N_("Which side of the road was lower: none, left or right"), N_("SIDE") }, \
  { "surface", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &(o).surface, \
    N_("road, trail, track or treadmill (default: road)"), N_("SURFACE") }, \
  { "shoe", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &(o).shoe, \
    N_("The pair worn, as listed by 'loadwise-cli shoes'"), N_("NAME") }, \
  { "pain-during", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &(o).pain_during, \
    N_("Worst hip pain while running, 0-10"), N_("N") }, \
  { "pain-after", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &(o).pain_after, \
    N_("Hip pain after the run, 0-10"), N_("N") }, \
  { "note", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &(o).note, \
    N_("A few words about the run"), N_("TEXT") }

/* Applies the options given to @run: every value is checked before any is
 * stored, so a bad one changes nothing. */
static gboolean
apply_options (LoadwiseCli       *cli,
               LoadwiseDatabase  *database,
               const RunOptions  *o,
               LoadwiseRun       *run,
               GError           **error)
{
  gint64 value;

  if (o->date != NULL && !loadwise_cli_resolve_past_date (cli, o->date, &run->date, error))
    return FALSE;
  if (o->distance_km != NULL && !loadwise_parse_distance_km ("--distance-km", o->distance_km,
                                                             &run->distance_m, error))
    return FALSE;
  if (o->duration != NULL && !loadwise_parse_duration ("--duration", o->duration, &run->duration_s, error))
    return FALSE;
  if (o->climb != NULL)
    {
      if (!loadwise_parse_int ("--climb-m", o->climb, 0, LOADWISE_RUN_ELEVATION_MAX_M, &value, error))
        return FALSE;
      run->climb_m = (guint) value;
    }
  if (o->descent != NULL)
    {
      if (!loadwise_parse_int ("--descent-m", o->descent, 0, LOADWISE_RUN_ELEVATION_MAX_M, &value, error))
        return FALSE;
      run->descent_m = (guint) value;
    }
  if (o->speed && o->no_speed)
    return g_set_error (error, LOADWISE_CLI_ERROR, LOADWISE_CLI_ERROR_USAGE,
                        _("--speed and --no-speed: give one of them")), FALSE;
  if (o->long_run && o->no_long)
    return g_set_error (error, LOADWISE_CLI_ERROR, LOADWISE_CLI_ERROR_USAGE,
                        _("--long and --no-long: give one of them")), FALSE;
  if (o->speed || o->no_speed)
    run->speed = o->speed;
  if (o->long_run || o->no_long)
    run->long_run = o->long_run;
  if (o->camber != NULL && !loadwise_camber_from_string (o->camber, &run->camber))
    return g_set_error (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT,
                        _("--camber: %s is not one of none, left, right"), o->camber), FALSE;
  if (o->surface != NULL && !loadwise_surface_from_string (o->surface, &run->surface))
    return g_set_error (error, LOADWISE_ERROR, LOADWISE_ERROR_INVALID_INPUT,
                        _("--surface: %s is not one of road, trail, track, treadmill"), o->surface), FALSE;
  if (o->pain_during != NULL && !loadwise_cli_parse_pain ("--pain-during", o->pain_during, &run->pain_during, error))
    return FALSE;
  if (o->pain_after != NULL && o->no_pain_after)
    return g_set_error (error, LOADWISE_CLI_ERROR, LOADWISE_CLI_ERROR_USAGE,
                        _("--pain-after and --no-pain-after: give one of them")), FALSE;
  if (o->pain_after != NULL)
    {
      if (!loadwise_cli_parse_pain ("--pain-after", o->pain_after, &run->pain_after, error))
        return FALSE;
      run->has_pain_after = TRUE;
    }
  if (o->no_pain_after)
    run->has_pain_after = FALSE;
  if (o->note != NULL)
    {
      g_autofree char *note = NULL;

      /* The store's own check, named as the option; "" clears the note. */
      if (!loadwise_text_validate ("--note", o->note, -1, LOADWISE_TEXT_NOTE, &note, error))
        return FALSE;
      g_free (run->note);
      run->note = g_steal_pointer (&note);
    }
  if (o->shoe != NULL && o->no_shoe)
    return g_set_error (error, LOADWISE_CLI_ERROR, LOADWISE_CLI_ERROR_USAGE,
                        _("--shoe and --no-shoe: give one of them")), FALSE;
  if (o->no_shoe)
    run->shoe_id = 0;
  if (o->shoe != NULL)
    {
      g_autoptr (GError) shoe_error = NULL;

      if (!loadwise_database_find_shoe (database, o->shoe, &run->shoe_id, &shoe_error))
        {
          /* Name the option, as every other refusal does. */
          g_set_error (error, shoe_error->domain, shoe_error->code, "--%s", shoe_error->message);
          return FALSE;
        }
    }
  return loadwise_run_validate (run, error);
}

static void
print_guard (LoadwiseDatabase  *database,
             const LoadwiseRun *run)
{
  g_auto (LoadwiseRunGuard) guard = { 0 };

  /* A note, not a refusal: the run is stored whatever it says. */
  if (loadwise_database_check_run_guard (database, run, &guard, NULL) && guard.text != NULL)
    {
      g_autofree char *wrapped = loadwise_cli_wrap_text (guard.text, 78);

      g_print ("\n%s\n", wrapped);
    }
}

int
loadwise_cli_cmd_log_run (LoadwiseCli *cli,
                          int          argc,
                          char       **argv)
{
  g_auto (RunOptions) o = { 0 };
  const GOptionEntry entries[] = { RUN_ENTRIES (o), { NULL } };
  g_autoptr (LoadwiseDatabase) database = NULL;
  g_autoptr (LoadwiseRun) run = loadwise_run_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *date_iso = NULL;
  g_autofree char *km = NULL;
  g_auto (GStrv) args = NULL;
  int status;

  if (!loadwise_cli_parse_command ("log-run", NULL,
                                   _("Log a run with its load factors and the pain it brought."),
                                   /* xgettext:no-c-format */
                                   _("--distance-km and --pain-during are required. After logging, a note "
                                     "appears when the run is more than 10% longer than your longest run of "
                                     "the previous 30 days (Frandsen 2025), or your weekly distance grew by "
                                     "more than 30% over 2 weeks (Nielsen 2014)."),
                                   entries, 0, argc, argv, &args, &status))
    return status;
  if (o.distance_km == NULL)
    return loadwise_cli_fail_usage (_("log-run: --distance-km is required (from 0.01 to under 400)"));
  if (o.pain_during == NULL)
    return loadwise_cli_fail_usage (_("log-run: --pain-during is required (0-10)"));

  loadwise_clock_get_today (cli->clock, &run->date);
  database = loadwise_cli_open_database (cli, &error);
  if (database == NULL ||
      !apply_options (cli, database, &o, run, &error) ||
      !loadwise_database_add_run (database, run, &error))
    return loadwise_cli_fail (error);

  date_iso = loadwise_date_to_iso (&run->date);
  km = loadwise_format_km (run->distance_m);
  g_print (_("Run %lld logged: %s km on %s.\n"), (long long) run->id, km, date_iso);
  print_guard (database, run);
  /* PROGRAMME.md, "Red flags": a yes that stands means stop running. */
  loadwise_cli_warn_red_flags (database, NULL);
  return LOADWISE_CLI_EXIT_OK;
}

static gboolean
parse_id (const char  *text,
          gint64      *out_id,
          GError     **error)
{
  return loadwise_parse_int ("ID", text, 1, G_MAXINT64, out_id, error);
}

int
loadwise_cli_cmd_edit_run (LoadwiseCli *cli,
                           int          argc,
                           char       **argv)
{
  g_auto (RunOptions) o = { 0 };
  const GOptionEntry entries[] = {
    RUN_ENTRIES (o),
    { "no-speed", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, &o.no_speed, N_("Not speed work"), NULL },
    { "no-long", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, &o.no_long, N_("Not marked as a long run"), NULL },
    { "no-shoe", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, &o.no_shoe, N_("No shoe recorded"), NULL },
    { "no-pain-after", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, &o.no_pain_after,
      N_("No pain-after rating"), NULL },
    { NULL }
  };
  g_autoptr (LoadwiseDatabase) database = NULL;
  g_autoptr (LoadwiseRun) run = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) args = NULL;
  gint64 id;
  int status;

  if (!loadwise_cli_parse_command ("edit-run", N_("ID"),
                                   _("Change a logged run: only the options given change."),
                                   _("ID is the number 'loadwise-cli runs' shows. An empty --note clears "
                                     "the note."),
                                   entries, 1, argc, argv, &args, &status))
    return status;
  if (args[1] == NULL)
    return loadwise_cli_fail_usage (_("edit-run: which run? Give its ID (see 'loadwise-cli runs')"));
  if (!parse_id (args[1], &id, &error))
    return loadwise_cli_fail (error);
  if (!run_options_any (&o))
    {
      g_autoptr (GString) names = g_string_new (NULL);

      /* The options of the table above, so the list stays true. */
      for (guint i = 0; entries[i].long_name != NULL; i++)
        g_string_append_printf (names, "%s--%s", i > 0 ? ", " : "", entries[i].long_name);
      return loadwise_cli_fail_usage (_("edit-run: nothing to change; give at least one of %s"), names->str);
    }

  database = loadwise_cli_open_database (cli, &error);
  if (database == NULL ||
      (run = loadwise_database_get_run (database, id, &error)) == NULL ||
      !apply_options (cli, database, &o, run, &error) ||
      !loadwise_database_update_run (database, run, &error))
    return loadwise_cli_fail (error);

  g_print (_("Run %lld changed.\n"), (long long) id);
  print_guard (database, run);
  return LOADWISE_CLI_EXIT_OK;
}

int
loadwise_cli_cmd_delete_run (LoadwiseCli *cli,
                             int          argc,
                             char       **argv)
{
  g_autoptr (LoadwiseDatabase) database = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) args = NULL;
  gint64 id;
  int status;

  if (!loadwise_cli_parse_command ("delete-run", N_("ID"), _("Delete a logged run."), NULL,
                                   NULL, 1, argc, argv, &args, &status))
    return status;
  if (args[1] == NULL)
    return loadwise_cli_fail_usage (_("delete-run: which run? Give its ID (see 'loadwise-cli runs')"));
  if (!parse_id (args[1], &id, &error))
    return loadwise_cli_fail (error);

  database = loadwise_cli_open_database (cli, &error);
  if (database == NULL || !loadwise_database_delete_run (database, id, &error))
    return loadwise_cli_fail (error);
  g_print (_("Run %lld deleted.\n"), (long long) id);
  return LOADWISE_CLI_EXIT_OK;
}

const char *
loadwise_cli_shoe_name (GPtrArray *shoes,
                        gint64     id)
{
  for (guint i = 0; shoes != NULL && i < shoes->len; i++)
    {
      LoadwiseShoe *shoe = g_ptr_array_index (shoes, i);

      if (shoe->id == id)
        return shoe->name;
    }
  return NULL;
}

static void
add_double (JsonBuilder *builder,
            const char  *name,
            double       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_double_value (builder, value);
}

void
loadwise_cli_json_add_run (JsonBuilder       *builder,
                           const LoadwiseRun *run,
                           gboolean           is_long,
                           const char        *shoe)
{
  guint pace = loadwise_run_get_pace_s_per_km (run);

  if (run->id != 0)
    loadwise_cli_json_add_int (builder, "id", run->id);
  else
    loadwise_cli_json_add_null (builder, "id");
  loadwise_cli_json_add_date (builder, "date", &run->date);
  add_double (builder, "distance_km", run->distance_m / 1000.0);
  /* Exact, for scripts: json-glib prints doubles with 17 digits. */
  loadwise_cli_json_add_int (builder, "distance_m", run->distance_m);
  if (run->duration_s > 0)
    loadwise_cli_json_add_int (builder, "duration_s", run->duration_s);
  else
    loadwise_cli_json_add_null (builder, "duration_s");
  if (pace > 0)
    loadwise_cli_json_add_int (builder, "pace_s_per_km", pace);
  else
    loadwise_cli_json_add_null (builder, "pace_s_per_km");
  loadwise_cli_json_add_int (builder, "climb_m", run->climb_m);
  loadwise_cli_json_add_int (builder, "descent_m", run->descent_m);
  loadwise_cli_json_add_boolean (builder, "speed", run->speed);
  /* Marked long, or long by PROGRAMME.md's rule (design). */
  loadwise_cli_json_add_boolean (builder, "long", is_long);
  loadwise_cli_json_add_boolean (builder, "long_marked", run->long_run);
  loadwise_cli_json_add_string (builder, "camber", loadwise_camber_to_string (run->camber));
  loadwise_cli_json_add_string (builder, "surface", loadwise_surface_to_string (run->surface));
  loadwise_cli_json_add_string (builder, "shoe", shoe);
  loadwise_cli_json_add_int (builder, "pain_during", run->pain_during);
  if (run->has_pain_after)
    loadwise_cli_json_add_int (builder, "pain_after", run->pain_after);
  else
    loadwise_cli_json_add_null (builder, "pain_after");
  loadwise_cli_json_add_string (builder, "note", run->note);
  /* Issue 14: a run from a recorded track; null for one typed in. */
  if (run->started_at != 0)
    {
      g_autoptr (GDateTime) start = g_date_time_new_from_unix_utc (run->started_at);
      g_autofree char *iso = start != NULL ? g_date_time_format (start, "%Y-%m-%dT%H:%M:%SZ") : NULL;

      loadwise_cli_json_add_string (builder, "started_at", iso);
    }
  else
    loadwise_cli_json_add_null (builder, "started_at");
  loadwise_cli_json_add_string (builder, "track_sha256", run->track_sha256);
}

/* `runs`: ID, date, km, time, pace, up, down, pain, factors. */
static const LoadwiseCliAlign run_columns[] = {
  LOADWISE_CLI_ALIGN_RIGHT, LOADWISE_CLI_ALIGN_LEFT, LOADWISE_CLI_ALIGN_RIGHT, LOADWISE_CLI_ALIGN_RIGHT,
  LOADWISE_CLI_ALIGN_RIGHT, LOADWISE_CLI_ALIGN_RIGHT, LOADWISE_CLI_ALIGN_RIGHT, LOADWISE_CLI_ALIGN_LEFT,
  LOADWISE_CLI_ALIGN_LEFT,
};

int
loadwise_cli_cmd_runs (LoadwiseCli *cli,
                       int          argc,
                       char       **argv)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "from", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &from_text, N_("First day"), N_("YYYY-MM-DD") },
    { "to", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &to_text, N_("Last day"), N_("YYYY-MM-DD") },
    LOADWISE_CLI_JSON_OPTION (&json, N_("Print a JSON array")),
    { NULL }
  };
  g_autoptr (LoadwiseDatabase) database = NULL;
  g_autoptr (GPtrArray) runs = NULL;
  g_autoptr (GPtrArray) history = NULL;
  g_autoptr (GPtrArray) shoes = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) args = NULL;
  GDate from, to;
  int status;

  if (!loadwise_cli_parse_command ("runs", NULL, _("List the logged runs, oldest first."), NULL,
                                   entries, 0, argc, argv, &args, &status))
    return status;
  if ((from_text != NULL && !loadwise_parse_date ("--from", from_text, &from, &error)) ||
      (to_text != NULL && !loadwise_parse_date ("--to", to_text, &to, &error)))
    return loadwise_cli_fail (error);
  if (from_text != NULL && to_text != NULL && g_date_compare (&from, &to) > 0)
    return loadwise_cli_fail_usage (_("--to: %s is before --from %s"), to_text, from_text);

  database = loadwise_cli_open_database (cli, &error);
  if (database == NULL ||
      (runs = loadwise_database_list_runs (database, from_text ? &from : NULL, to_text ? &to : NULL,
                                           &error)) == NULL ||
      (history = loadwise_database_list_runs (database, NULL, to_text ? &to : NULL, &error)) == NULL ||
      (shoes = loadwise_database_list_shoes (database, &error)) == NULL)
    return loadwise_cli_fail (error);

  if (json)
    {
      g_autoptr (JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < runs->len; i++)
        {
          LoadwiseRun *run = g_ptr_array_index (runs, i);

          json_builder_begin_object (builder);
          loadwise_cli_json_add_run (builder, run, loadwise_run_is_long (run, history),
                                     loadwise_cli_shoe_name (shoes, run->shoe_id));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      loadwise_cli_json_print (builder);
      return LOADWISE_CLI_EXIT_OK;
    }

  if (runs->len == 0)
    {
      g_print ("%s\n", _("No runs logged yet."));
      return LOADWISE_CLI_EXIT_OK;
    }
  /* Translators: column headings of `loadwise-cli runs`; keep them short. */
  g_ptr_array_add (rows, g_strdupv ((char *[]) { _("ID"), _("Date"), _("km"), _("Time"), _("Pace"), _("Up m"),
                                                 _("Down m"), _("Pain"), _("Factors"), NULL }));
  for (guint i = 0; i < runs->len; i++)
    {
      LoadwiseRun *run = g_ptr_array_index (runs, i);
      g_autofree char *date_iso = loadwise_date_to_iso (&run->date);
      g_autofree char *km = loadwise_format_km (run->distance_m);
      g_autofree char *duration = loadwise_format_duration (run->duration_s);
      g_autofree char *pace = loadwise_format_pace (loadwise_run_get_pace_s_per_km (run));
      g_autofree char *pain = run->has_pain_after ? g_strdup_printf ("%u/%u", run->pain_during, run->pain_after)
                                                  : g_strdup_printf ("%u", run->pain_during);
      g_autoptr (GString) factors = g_string_new (loadwise_surface_to_string (run->surface));
      char *cells[10];

      if (run->speed)
        g_string_append (factors, _(", speed"));
      if (loadwise_run_is_long (run, history))
        g_string_append (factors, _(", long"));
      if (run->camber == LOADWISE_CAMBER_LEFT)
        g_string_append (factors, _(", camber: left side lower"));
      else if (run->camber == LOADWISE_CAMBER_RIGHT)
        g_string_append (factors, _(", camber: right side lower"));
      if (run->shoe_id != 0 && loadwise_cli_shoe_name (shoes, run->shoe_id) != NULL)
        g_string_append_printf (factors, ", %s", loadwise_cli_shoe_name (shoes, run->shoe_id));
      cells[0] = g_strdup_printf ("%" G_GINT64_FORMAT, run->id);
      cells[1] = g_strdup (date_iso);
      cells[2] = g_strdup (km);
      cells[3] = g_strdup (duration);
      cells[4] = g_strdup (pace);
      cells[5] = g_strdup_printf ("%u", run->climb_m);
      cells[6] = g_strdup_printf ("%u", run->descent_m);
      cells[7] = g_strdup (pain);
      cells[8] = g_strdup (factors->str);
      cells[9] = NULL;
      g_ptr_array_add (rows, g_memdup2 (cells, sizeof cells));
    }
  loadwise_cli_print_table (rows, G_N_ELEMENTS (run_columns), run_columns);
  return LOADWISE_CLI_EXIT_OK;
}

int
loadwise_cli_cmd_shoes (LoadwiseCli *cli,
                        int          argc,
                        char       **argv)
{
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    LOADWISE_CLI_JSON_OPTION (&json, N_("Print a JSON array")),
    { NULL }
  };
  g_autoptr (LoadwiseDatabase) database = NULL;
  g_autoptr (GPtrArray) shoes = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) args = NULL;
  int status;

  if (argc >= 2 && (g_strcmp0 (argv[1], "add") == 0 || g_strcmp0 (argv[1], "retire") == 0))
    {
      gboolean adding = g_strcmp0 (argv[1], "add") == 0;
      g_autofree char *name = g_strdup_printf ("shoes %s", argv[1]);
      g_autofree char *shoe = NULL;

      if (!loadwise_cli_parse_command (name, N_("NAME"),
                                       adding ? _("Add a pair of shoes.") : _("Retire a pair: its runs keep it."),
                                       NULL, NULL, 1, argc - 1, argv + 1, &args, &status))
        return status;
      if (args[1] == NULL)
        return loadwise_cli_fail_usage (_("%s: give the pair's NAME"), name);
      /* Checked as the store checks it, named as the argument. */
      if (!loadwise_text_validate (_("NAME"), args[1], -1, LOADWISE_TEXT_NAME, &shoe, &error))
        return loadwise_cli_fail (error);
      database = loadwise_cli_open_database (cli, &error);
      if (database == NULL ||
          !(adding ? loadwise_database_add_shoe (database, shoe, NULL, &error)
                   : loadwise_database_retire_shoe (database, shoe, &error)))
        return loadwise_cli_fail (error);
      g_print (adding ? _("Added %s.\n") : _("Retired %s.\n"), shoe);
      return LOADWISE_CLI_EXIT_OK;
    }

  if (!loadwise_cli_parse_command ("shoes", N_("[add NAME | retire NAME]"),
                                   _("List the shoes with the distance run in each pair."), NULL,
                                   entries, LOADWISE_CLI_ANY_ARGS, argc, argv, &args, &status))
    return status;
  if (args[1] != NULL)
    return loadwise_cli_fail_usage (_("shoes: unknown subcommand '%s'; use add or retire"), args[1]);

  database = loadwise_cli_open_database (cli, &error);
  if (database == NULL || (shoes = loadwise_database_list_shoes (database, &error)) == NULL)
    return loadwise_cli_fail (error);

  if (json)
    {
      g_autoptr (JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < shoes->len; i++)
        {
          LoadwiseShoe *shoe = g_ptr_array_index (shoes, i);

          json_builder_begin_object (builder);
          loadwise_cli_json_add_string (builder, "name", shoe->name);
          loadwise_cli_json_add_boolean (builder, "retired", shoe->retired);
          add_double (builder, "distance_km", shoe->distance_m / 1000.0);
          loadwise_cli_json_add_int (builder, "distance_m", (gint64) shoe->distance_m);
          loadwise_cli_json_add_int (builder, "runs", shoe->n_runs);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      loadwise_cli_json_print (builder);
      return LOADWISE_CLI_EXIT_OK;
    }

  if (shoes->len == 0)
    g_print ("%s\n", _("No shoes yet; add a pair with 'loadwise-cli shoes add NAME'."));
  for (guint i = 0; i < shoes->len; i++)
    {
      LoadwiseShoe *shoe = g_ptr_array_index (shoes, i);
      g_autofree char *km = loadwise_format_km ((guint) MIN (shoe->distance_m, G_MAXUINT));

      g_print (ngettext ("%s: %s km in %u run%s\n", "%s: %s km in %u runs%s\n", shoe->n_runs),
               shoe->name, km, shoe->n_runs, shoe->retired ? _(" (retired)") : "");
    }
  return LOADWISE_CLI_EXIT_OK;
}

int
loadwise_cli_cmd_habits (LoadwiseCli *cli,
                         int          argc,
                         char       **argv)
{
  g_autofree char *date_text = NULL;
  gboolean crossed = FALSE;
  gboolean slept = FALSE;
  const GOptionEntry entries[] = {
    { "date", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &date_text,
      N_("The morning of the check-in (default: today)"), N_("YYYY-MM-DD") },
    { "crossed-legs", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, &crossed,
      N_("Yesterday I sat with my legs crossed a lot"), NULL },
    { "slept-on-side", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, &slept,
      N_("Last night I slept on the painful side"), NULL },
    { NULL }
  };
  g_autoptr (LoadwiseDatabase) database = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) args = NULL;
  LoadwiseHabits habits = { { 0 } };
  int status;

  if (!loadwise_cli_parse_command ("habits", NULL,
                                   _("Record the compression habits of the morning check-in."),
                                   _("Pressing on the side of the hip (crossing the legs, lying on the sore "
                                     "side) can aggravate it (Grimaldi 2015); 'loadwise-cli insights' compares "
                                     "the mornings after them. A habit not given is recorded as not done."),
                                   entries, 0, argc, argv, &args, &status))
    return status;
  if (!loadwise_cli_resolve_past_date (cli, date_text, &habits.date, &error))
    return loadwise_cli_fail (error);
  habits.crossed_legs = crossed;
  habits.slept_on_side = slept;

  database = loadwise_cli_open_database (cli, &error);
  if (database == NULL || !loadwise_database_save_habits (database, &habits, &error))
    return loadwise_cli_fail (error);
  g_print ("%s\n", _("Habits saved."));
  return LOADWISE_CLI_EXIT_OK;
}

int
loadwise_cli_cmd_insights (LoadwiseCli *cli,
                           int          argc,
                           char       **argv)
{
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    LOADWISE_CLI_JSON_OPTION (&json, N_("Print a JSON array")),
    { NULL }
  };
  g_autoptr (LoadwiseDatabase) database = NULL;
  g_autoptr (GPtrArray) insights = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) args = NULL;
  int status;

  if (!loadwise_cli_parse_command ("insights", NULL,
                                   _("Which load factors go with your pain: associations, not causes."),
                                   _("Each finding compares the pain after runs (same day) or the next morning "
                                     "with and without a factor, and is shown only with at least 3 cases on "
                                     "each side; amounts (descent, distance) get a rank correlation."),
                                   entries, 0, argc, argv, &args, &status))
    return status;

  database = loadwise_cli_open_database (cli, &error);
  if (database == NULL || (insights = loadwise_database_compute_insights (database, &error)) == NULL)
    return loadwise_cli_fail (error);

  if (json)
    {
      g_autoptr (JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < insights->len; i++)
        {
          LoadwiseInsight *insight = g_ptr_array_index (insights, i);

          json_builder_begin_object (builder);
          loadwise_cli_json_add_string (builder, "factor", insight->factor);
          loadwise_cli_json_add_string (builder, "lag", loadwise_insight_lag_to_string (insight->lag));
          if (insight->kind == LOADWISE_INSIGHT_COMPARISON)
            {
              loadwise_cli_json_add_string (builder, "kind", "comparison");
              loadwise_cli_json_add_int (builder, "n_with", insight->n_with);
              loadwise_cli_json_add_int (builder, "n_without", insight->n_without);
              /* Two decimals: the figures people read, stable in tests. */
              add_double (builder, "mean_with", round (insight->mean_with * 100) / 100);
              add_double (builder, "mean_without", round (insight->mean_without * 100) / 100);
              add_double (builder, "difference", round (insight->difference * 100) / 100);
            }
          else
            {
              loadwise_cli_json_add_string (builder, "kind", "correlation");
              add_double (builder, "rho", round (insight->rho * 1000) / 1000);
              loadwise_cli_json_add_int (builder, "n", insight->n);
            }
          loadwise_cli_json_add_string (builder, "text", insight->text);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      loadwise_cli_json_print (builder);
      return LOADWISE_CLI_EXIT_OK;
    }

  if (insights->len == 0)
    g_print ("%s\n", _("No patterns yet: a finding needs at least 3 runs or days with a factor and 3 without, "
                       "and a difference of a point or more."));
  else
    /* Said once for the list, not in every finding (issue 13). */
    g_print ("%s\n", _("What has gone with your pain so far: associations in your own log, not proof of a cause."));
  for (guint i = 0; i < insights->len; i++)
    {
      LoadwiseInsight *insight = g_ptr_array_index (insights, i);
      g_autofree char *wrapped = loadwise_cli_wrap_text (insight->text, 76);
      g_auto (GStrv) lines = g_strsplit (wrapped, "\n", -1);

      for (guint j = 0; lines[j] != NULL; j++)
        g_print ("%s%s\n", j == 0 ? "- " : "  ", lines[j]);
    }
  return LOADWISE_CLI_EXIT_OK;
}

static void
print_flare_status (const LoadwiseFlareStatus *status,
                    gboolean                   json)
{
  if (json)
    {
      g_autoptr (JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      loadwise_cli_json_add_string (builder, "state", loadwise_flare_state_to_string (status->state));
      if (g_date_valid (&status->since))
        loadwise_cli_json_add_date (builder, "since", &status->since);
      else
        loadwise_cli_json_add_null (builder, "since");
      if (status->state == LOADWISE_FLARE_STATE_ACTIVE && status->advice.has_typical)
        add_double (builder, "max_run_km", status->advice.max_run_m / 1000.0);
      else
        loadwise_cli_json_add_null (builder, "max_run_km");
      loadwise_cli_json_add_string (builder, "advice", status->advice.text);
      loadwise_cli_json_add_string (builder, "reason", status->reason);
      json_builder_end_object (builder);
      loadwise_cli_json_print (builder);
      return;
    }

  if (status->just_ended)
    {
      g_autofree char *ended = loadwise_date_to_iso (&status->ended);

      g_print (_("The flare ended on %s: three mornings back near your usual pain. Rebuild runs "
                 "gradually: each within 10%% of your longest run of the past 30 days.\n"), ended);
    }
  if (status->state == LOADWISE_FLARE_STATE_NONE)
    g_print ("%s\n", _("No flare."));
  else if (status->state == LOADWISE_FLARE_STATE_SUGGESTED)
    {
      g_autofree char *text = g_strdup_printf (_("A flare-up looks likely. %s Start flare mode with "
                                                 "'loadwise-cli flare start', or decline with "
                                                 "'loadwise-cli flare decline'."),
                                               status->reason);
      g_autofree char *wrapped = loadwise_cli_wrap_text (text, 78);

      g_print ("%s\n", wrapped);
    }
  else
    {
      g_autofree char *since = loadwise_date_to_iso (&status->since);
      g_autofree char *advice = loadwise_cli_wrap_text (status->advice.text, 78);

      g_print (_("Flare mode since %s: glute sessions at levels 0-1, adherence paused.\n"), since);
      g_print ("%s\n", advice);
    }
}

int
loadwise_cli_cmd_flare (LoadwiseCli *cli,
                        int          argc,
                        char       **argv)
{
  g_autofree char *date_text = NULL;
  gboolean json = FALSE;
  const GOptionEntry status_entries[] = {
    LOADWISE_CLI_JSON_OPTION (&json, N_("Print a JSON object")),
    { NULL }
  };
  const GOptionEntry date_entries[] = {
    { "date", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &date_text,
      N_("The day (default: today)"), N_("YYYY-MM-DD") },
    { NULL }
  };
  g_auto (LoadwiseFlareStatus) status = { 0 };
  g_autoptr (LoadwiseDatabase) database = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *name = NULL;
  g_auto (GStrv) args = NULL;
  const char *sub = argc >= 2 ? argv[1] : NULL;
  GDate today;
  GDate date;
  int exit_status;

  if (sub == NULL || g_strcmp0 (sub, "--help") == 0 || g_strcmp0 (sub, "-h") == 0)
    {
      if (sub == NULL)
        return loadwise_cli_fail_usage (_("flare: missing subcommand; use status, start, end or decline"));
      g_print ("%s\n\n  %s\n", _("Usage:\n  loadwise-cli flare status|start|end|decline [OPTION…]"),
               _("Flare mode: shorter, flat, easy runs and glute levels 0-1 until the hip settles."));
      return LOADWISE_CLI_EXIT_OK;
    }
  if (g_strcmp0 (sub, "status") != 0 && g_strcmp0 (sub, "start") != 0 &&
      g_strcmp0 (sub, "end") != 0 && g_strcmp0 (sub, "decline") != 0)
    return loadwise_cli_fail_usage (_("flare: unknown subcommand '%s'; use status, start, end or decline"), sub);

  name = g_strdup_printf ("flare %s", sub);
  if (!loadwise_cli_parse_command (name, NULL, NULL, NULL,
                                   g_strcmp0 (sub, "status") == 0 ? status_entries : date_entries,
                                   0, argc - 1, argv + 1, &args, &exit_status))
    return exit_status;
  loadwise_clock_get_today (cli->clock, &today);
  /* A flare starts or ends on a day that has come (issue 12): one started
   * ahead was on for no day yet and could be neither seen nor ended. */
  if (!loadwise_cli_resolve_past_date (cli, date_text, &date, &error))
    return loadwise_cli_fail (error);

  database = loadwise_cli_open_database (cli, &error);
  if (database == NULL || !loadwise_database_get_flare_status (database, &today, &status, &error))
    return loadwise_cli_fail (error);

  if (g_strcmp0 (sub, "end") == 0 && status.state == LOADWISE_FLARE_STATE_ACTIVE &&
      g_date_compare (&date, &status.since) < 0)
    {
      g_autofree char *iso = loadwise_date_to_iso (&date);
      g_autofree char *since = loadwise_date_to_iso (&status.since);

      return loadwise_cli_fail_usage (_("--date: %s is before the flare started on %s"), iso, since);
    }

  if (g_strcmp0 (sub, "status") == 0)
    {
      print_flare_status (&status, json);
      return LOADWISE_CLI_EXIT_OK;
    }
  if (g_strcmp0 (sub, "start") == 0)
    {
      /* Starting while one is suggested accepts the suggestion. */
      gboolean ok = status.state == LOADWISE_FLARE_STATE_SUGGESTED
                    ? loadwise_database_answer_flare_suggestion (database, &date, &status.since, status.trigger,
                                                                 status.reason, TRUE, &error)
                    : loadwise_database_start_flare (database, &date, FALSE, NULL, &error);
      g_auto (LoadwiseFlareStatus) now = { 0 };

      if (!ok || !loadwise_database_get_flare_status (database, &today, &now, &error))
        return loadwise_cli_fail (error);
      print_flare_status (&now, FALSE);
      return LOADWISE_CLI_EXIT_OK;
    }
  if (g_strcmp0 (sub, "decline") == 0)
    {
      if (status.state != LOADWISE_FLARE_STATE_SUGGESTED)
        return loadwise_cli_fail_usage (_("flare decline: no flare is suggested"));
      if (!loadwise_database_answer_flare_suggestion (database, &date, &status.since, status.trigger,
                                                      status.reason, FALSE, &error))
        return loadwise_cli_fail (error);
      g_print ("%s\n", _("Declined. Keep an eye on tomorrow morning's pain."));
      return LOADWISE_CLI_EXIT_OK;
    }

  if (!loadwise_database_end_flare (database, &date, FALSE, &error))
    return loadwise_cli_fail (error);
  /* Frandsen 2025 and Nielsen 2014, as `log-run --help` says. */
  /* xgettext:no-c-format */
  g_print ("%s\n", _("Flare mode ended. Rebuild runs gradually: each within 10% of your longest run "
                     "of the past 30 days, and weekly distance up by less than 30% over 2 weeks."));
  return LOADWISE_CLI_EXIT_OK;
}
