/* loadwise-cli-import-runs.c: `import-runs`, runs from GPX, TCX and FIT
 * files (issue 14)
 *
 * The files are read and previewed first (loadwise_run_import_prepare());
 * they are written only when --pain-during says what no track can know,
 * and never with --dry-run.
 *
 * Copyright 2026 The Loadwise developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib/gi18n.h>

#include "cli/loadwise-cli-json.h"
#include "cli/loadwise-cli-private.h"
#include "cli/loadwise-cli-table.h"
#include "core/loadwise-error.h"
#include "core/loadwise-types.h"
#include "store/loadwise-database-runs.h"
#include "tracks/loadwise-run-import.h"

/* What `import-runs` accepts; NULL / FALSE: not given. */
typedef struct {
  char     *pain_during;
  char     *pain_after;
  char     *shoe;
  char     *surface;
  char     *camber;
  gboolean  dry_run;
  gboolean  json;
} ImportOptions;

static void
import_options_clear (ImportOptions *options)
{
  g_free (options->pain_during);
  g_free (options->pain_after);
  g_free (options->shoe);
  g_free (options->surface);
  g_free (options->camber);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ImportOptions, import_options_clear)

/* What the options give every run of the call, checked before any file is
 * read. */
typedef struct {
  gboolean        has_pain_during;
  guint           pain_during;
  gboolean        has_pain_after;
  guint           pain_after;
  LoadwiseSurface surface;
  LoadwiseCamber  camber;
  gint64          shoe_id;
} ImportValues;

static gboolean
parse_values (const ImportOptions  *o,
              ImportValues         *out,
              GError              **error)
{
  out->surface = LOADWISE_SURFACE_ROAD;
  out->camber = LOADWISE_CAMBER_NONE;
  if (o->pain_during != NULL)
    {
      if (!loadwise_cli_parse_pain ("--pain-during", o->pain_during, &out->pain_during, error))
        return FALSE;
      out->has_pain_during = TRUE;
    }
  if (o->pain_after != NULL)
    {
      if (!loadwise_cli_parse_pain ("--pain-after", o->pain_after, &out->pain_after, error))
        return FALSE;
      out->has_pain_after = TRUE;
    }
  if (o->surface != NULL && !loadwise_surface_from_string (o->surface, &out->surface))
    return loadwise_error_invalid (error, _("--surface: %s is not one of road, trail, track, treadmill"),
                                   o->surface);
  if (o->camber != NULL && !loadwise_camber_from_string (o->camber, &out->camber))
    return loadwise_error_invalid (error, _("--camber: %s is not one of none, left, right"), o->camber);
  return TRUE;
}

static gboolean
find_shoe (LoadwiseDatabase  *database,
           const char        *name,
           gint64            *out_id,
           GError           **error)
{
  g_autoptr (GError) shoe_error = NULL;

  if (loadwise_database_find_shoe (database, name, out_id, &shoe_error))
    return TRUE;
  /* The store names "shoe"; name the option, as log-run does. */
  g_set_error (error, shoe_error->domain, shoe_error->code, "--%s", shoe_error->message);
  return FALSE;
}

static void
apply_values (GPtrArray          *items,
              const ImportValues *values)
{
  for (guint i = 0; i < items->len; i++)
    {
      LoadwiseRunImportItem *item = g_ptr_array_index (items, i);

      if (item->status != LOADWISE_RUN_IMPORT_NEW)
        continue;
      item->run->pain_during = values->pain_during;
      item->run->has_pain_after = values->has_pain_after;
      item->run->pain_after = values->pain_after;
      item->run->surface = values->surface;
      item->run->camber = values->camber;
      item->run->shoe_id = values->shoe_id;
    }
}

/* Counts of @items per status. */
typedef struct {
  guint n_new;
  guint n_there;
  guint n_skipped;
} ImportCounts;

static ImportCounts
count_items (GPtrArray *items)
{
  ImportCounts counts = { 0 };

  for (guint i = 0; i < items->len; i++)
    {
      const LoadwiseRunImportItem *item = g_ptr_array_index (items, i);

      if (item->status == LOADWISE_RUN_IMPORT_NEW)
        counts.n_new++;
      else if (item->status == LOADWISE_RUN_IMPORT_ALREADY_THERE)
        counts.n_there++;
      else
        counts.n_skipped++;
    }
  return counts;
}

/* The factors a track showed, as words: "hilly, downhill, long". */
static char *
format_factors (guint factors)
{
  GString *text = g_string_new (NULL);
  const struct {
    guint       factor;
    const char *label;
  } labels[] = {
    { LOADWISE_TRACK_FACTOR_HILLY, N_("hilly") },
    { LOADWISE_TRACK_FACTOR_DOWNHILL, N_("downhill") },
    { LOADWISE_TRACK_FACTOR_SPEED, N_("speed") },
    { LOADWISE_TRACK_FACTOR_LONG, N_("long") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if ((factors & labels[i].factor) != 0)
      g_string_append_printf (text, "%s%s", text->len > 0 ? ", " : "", _(labels[i].label));
  if (text->len == 0)
    g_string_append (text, "-");
  return g_string_free (text, FALSE);
}

static const LoadwiseCliAlign column_align[] = {
  LOADWISE_CLI_ALIGN_LEFT, LOADWISE_CLI_ALIGN_LEFT, LOADWISE_CLI_ALIGN_RIGHT, LOADWISE_CLI_ALIGN_RIGHT,
  LOADWISE_CLI_ALIGN_RIGHT, LOADWISE_CLI_ALIGN_RIGHT, LOADWISE_CLI_ALIGN_RIGHT, LOADWISE_CLI_ALIGN_LEFT,
};

/* @reason without the file's name in front: the row names the file. */
static const char *
strip_name (const LoadwiseRunImportItem *item)
{
  gsize length = strlen (item->name);

  if (g_str_has_prefix (item->reason, item->name) && g_str_has_prefix (item->reason + length, ": "))
    return item->reason + length + 2;
  return item->reason;
}

static GStrv
item_row (const LoadwiseRunImportItem *item)
{
  g_autoptr (GStrvBuilder) row = g_strv_builder_new ();

  g_strv_builder_add (row, item->name);
  if (item->status == LOADWISE_RUN_IMPORT_NEW)
    {
      const LoadwiseRun *run = item->run;
      g_autofree char *date = loadwise_date_to_iso (&run->date);
      g_autofree char *km = loadwise_format_km (run->distance_m);
      g_autofree char *duration = loadwise_format_duration (run->duration_s);
      g_autofree char *pace = loadwise_format_pace (loadwise_run_get_pace_s_per_km (run));
      g_autofree char *climb = g_strdup_printf ("%u", run->climb_m);
      g_autofree char *descent = g_strdup_printf ("%u", run->descent_m);
      g_autofree char *factors = format_factors (item->factors);

      g_strv_builder_add_many (row, date, km, duration, pace, climb, descent, factors, NULL);
    }
  else if (item->status == LOADWISE_RUN_IMPORT_ALREADY_THERE)
    g_strv_builder_add (row, item->reason);
  else
    {
      /* Translators: a row of the import-runs table: "skipped: the track is a bike ride" */
      g_autofree char *text = g_strdup_printf (_("skipped: %s"), strip_name (item));

      g_strv_builder_add (row, text);
    }
  return g_strv_builder_end (row);
}

static void
print_summary (const ImportCounts *counts,
               gboolean            written)
{
  g_autoptr (GString) line = g_string_new (NULL);

  if (written)
    g_string_append_printf (line, ngettext ("%u run imported.", "%u runs imported.", counts->n_new),
                            counts->n_new);
  else
    g_string_append_printf (line, ngettext ("Preview: %u run to import; nothing was written.",
                                            "Preview: %u runs to import; nothing was written.", counts->n_new),
                            counts->n_new);
  if (counts->n_there > 0)
    {
      g_string_append_c (line, ' ');
      g_string_append_printf (line, ngettext ("%u file was already there.", "%u files were already there.",
                                              counts->n_there),
                              counts->n_there);
    }
  if (counts->n_skipped > 0)
    {
      g_string_append_c (line, ' ');
      g_string_append_printf (line, ngettext ("%u file skipped.", "%u files skipped.", counts->n_skipped),
                              counts->n_skipped);
    }
  g_print ("%s\n", line->str);
}

static void
print_text (GPtrArray          *items,
            const ImportCounts *counts,
            gboolean            written)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  /* Translators: column headings of `loadwise-cli import-runs`; keep them short. */
  const char *heading[] = {
    _("File"), _("Date"), _("km"), _("Time"), _("Pace"), _("Up m"), _("Down m"), _("Factors"), NULL,
  };

  g_ptr_array_add (rows, g_strdupv ((char **) heading));
  for (guint i = 0; i < items->len; i++)
    g_ptr_array_add (rows, item_row (g_ptr_array_index (items, i)));
  loadwise_cli_print_table (rows, G_N_ELEMENTS (column_align), column_align);
  print_summary (counts, written);

  /* The skips on stderr as well, so a script sees them apart from the list. */
  for (guint i = 0; i < items->len; i++)
    {
      const LoadwiseRunImportItem *item = g_ptr_array_index (items, i);

      if (item->status == LOADWISE_RUN_IMPORT_SKIPPED)
        g_printerr (_("loadwise-cli: skipped %s\n"), item->reason);
    }
}

/* File names may be any bytes; JSON strings are UTF-8. */
static void
add_file (JsonBuilder                 *builder,
          const LoadwiseRunImportItem *item)
{
  g_autofree char *shown = g_filename_display_name (item->path);

  loadwise_cli_json_add_string (builder, "file", shown);
}

static void
add_summary_members (JsonBuilder                 *builder,
                     const LoadwiseRunImportItem *item)
{
  const LoadwiseTrackSummary *summary = &item->summary;
  static const char * const elevation[] = { "none", "gps", "barometric" };

  loadwise_cli_json_add_string (builder, "format", loadwise_track_format_to_string (item->format));
  loadwise_cli_json_add_string (builder, "distance_source", summary->device_distance ? "device" : "track");
  loadwise_cli_json_add_int (builder, "elapsed_s", summary->elapsed_s);
  loadwise_cli_json_add_string (builder, "elevation",
                                summary->has_elevation ? elevation[summary->elevation_source] : "none");
  json_builder_set_member_name (builder, "factors");
  json_builder_begin_array (builder);
  if ((item->factors & LOADWISE_TRACK_FACTOR_HILLY) != 0)
    json_builder_add_string_value (builder, "hilly");
  if ((item->factors & LOADWISE_TRACK_FACTOR_DOWNHILL) != 0)
    json_builder_add_string_value (builder, "downhill");
  if ((item->factors & LOADWISE_TRACK_FACTOR_SPEED) != 0)
    json_builder_add_string_value (builder, "speed");
  if ((item->factors & LOADWISE_TRACK_FACTOR_LONG) != 0)
    json_builder_add_string_value (builder, "long");
  json_builder_end_array (builder);
  loadwise_cli_json_add_int (builder, "profile_points", item->profile != NULL ? item->profile->len : 0);
  if (summary->steepest.found)
    {
      json_builder_set_member_name (builder, "steepest_descent");
      json_builder_begin_object (builder);
      loadwise_cli_json_add_int (builder, "start_m", (gint64) (summary->steepest.start_m + 0.5));
      loadwise_cli_json_add_int (builder, "end_m", (gint64) (summary->steepest.end_m + 0.5));
      loadwise_cli_json_add_int (builder, "drop_m", (gint64) (summary->steepest.drop_m + 0.5));
      json_builder_end_object (builder);
    }
  else
    loadwise_cli_json_add_null (builder, "steepest_descent");
}

static void
print_json (GPtrArray *items,
            GPtrArray *shoes,
            gboolean   written)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  loadwise_cli_json_add_boolean (builder, "written", written);

  json_builder_set_member_name (builder, "runs");
  json_builder_begin_array (builder);
  for (guint i = 0; i < items->len; i++)
    {
      const LoadwiseRunImportItem *item = g_ptr_array_index (items, i);

      if (item->status != LOADWISE_RUN_IMPORT_NEW)
        continue;
      json_builder_begin_object (builder);
      add_file (builder, item);
      loadwise_cli_json_add_run (builder, item->run, (item->factors & LOADWISE_TRACK_FACTOR_LONG) != 0,
                                 loadwise_cli_shoe_name (shoes, item->run->shoe_id));
      add_summary_members (builder, item);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "already_there");
  json_builder_begin_array (builder);
  for (guint i = 0; i < items->len; i++)
    {
      const LoadwiseRunImportItem *item = g_ptr_array_index (items, i);

      if (item->status != LOADWISE_RUN_IMPORT_ALREADY_THERE)
        continue;
      json_builder_begin_object (builder);
      add_file (builder, item);
      loadwise_cli_json_add_string (builder, "reason", item->reason);
      /* null: the same run as another file of this import. */
      if (item->existing_id != 0)
        loadwise_cli_json_add_int (builder, "run_id", item->existing_id);
      else
        loadwise_cli_json_add_null (builder, "run_id");
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "skipped");
  json_builder_begin_array (builder);
  for (guint i = 0; i < items->len; i++)
    {
      const LoadwiseRunImportItem *item = g_ptr_array_index (items, i);

      if (item->status != LOADWISE_RUN_IMPORT_SKIPPED)
        continue;
      json_builder_begin_object (builder);
      add_file (builder, item);
      loadwise_cli_json_add_string (builder, "reason", item->reason);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_end_object (builder);
  loadwise_cli_json_print (builder);
}

/* The runner's time zone: the CLI clock's, so LOADWISE_NOW and TZ agree. */
static GTimeZone *
get_time_zone (LoadwiseCli *cli)
{
  g_autoptr (GDateTime) now = loadwise_clock_get_now (cli->clock);

  return g_time_zone_ref (g_date_time_get_timezone (now));
}

static GPtrArray *
prepare (LoadwiseCli       *cli,
         LoadwiseDatabase  *database,
         char             **paths,
         GError           **error)
{
  g_autoptr (GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GTimeZone) tz = get_time_zone (cli);

  for (guint i = 0; paths[i] != NULL; i++)
    g_ptr_array_add (files, g_file_new_for_commandline_arg (paths[i]));
  return loadwise_run_import_prepare (database, (GFile * const *) files->pdata, files->len, tz, NULL, error);
}

int
loadwise_cli_cmd_import_runs (LoadwiseCli *cli,
                              int          argc,
                              char       **argv)
{
  g_auto (ImportOptions) o = { 0 };
  const GOptionEntry entries[] = {
    { "pain-during", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &o.pain_during,
      N_("Worst hip pain while running, 0-10, for each run imported (required to write)"), N_("N") },
    { "pain-after", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &o.pain_after,
      N_("Hip pain after the runs, 0-10"), N_("N") },
    { "shoe", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &o.shoe,
      N_("The pair worn, as listed by 'loadwise-cli shoes'"), N_("NAME") },
    { "surface", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &o.surface,
      N_("road, trail, track or treadmill (default: road)"), N_("SURFACE") },
    { "camber", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &o.camber,
      N_("Which side of the road was lower: none, left or right"), N_("SIDE") },
    { "dry-run", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, &o.dry_run,
      N_("Only show what each file would become; write nothing"), NULL },
    LOADWISE_CLI_JSON_OPTION (&o.json, N_("Print a JSON object: runs, already_there, skipped")),
    { NULL }
  };
  g_autoptr (LoadwiseDatabase) database = NULL;
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GPtrArray) shoes = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) args = NULL;
  ImportValues values = { 0 };
  ImportCounts counts;
  gboolean write;
  int status;

  if (!loadwise_cli_parse_command ("import-runs", N_("FILE|FOLDER…"),
                                   _("Import runs from GPX, TCX and FIT files, or folders of them."),
                                   _("Each file's date, start time, distance, moving time, climb and descent "
                                     "are measured from its track; FIT files are read through GPSBabel. A "
                                     "folder gives the .gpx, .tcx and .fit files in it, not in its subfolders. "
                                     "A run already stored (the same file, or the same start time and "
                                     "distance) is listed as already there and not added again.\n"
                                     "Factors: hilly or downhill (200 m or more up or down), speed (speed work "
                                     "in the laps or the pace), long (over 1.5 x the median run of the 4 weeks "
                                     "before).\n"
                                     "A track cannot know the pain: the runs are written only with "
                                     "--pain-during, which applies to every run of the import, as do the "
                                     "other options. Without it, or with --dry-run, the files are only "
                                     "previewed.\n"
                                     "Numbers are read and printed in the C locale (a point before the "
                                     "decimals), the same in every language, for scripts.\n"
                                     "Exit status: 0 when the runs were written, or previewed with --dry-run, "
                                     "even if some files were skipped (they are listed on stderr); 1 when "
                                     "every file was skipped or none was found, or --pain-during is missing "
                                     "without --dry-run; 2 for a bad option. Nothing is written unless it "
                                     "exits 0 without --dry-run."),
                                   entries, LOADWISE_CLI_ANY_ARGS, argc, argv, &args, &status))
    return status;
  if (args[1] == NULL)
    return loadwise_cli_fail_usage (_("import-runs: give the GPX, TCX or FIT files to import, or a folder "
                                      "of them"));
  if (!parse_values (&o, &values, &error))
    return loadwise_cli_fail (error);

  database = loadwise_cli_open_database (cli, &error);
  if (database == NULL ||
      (o.shoe != NULL && !find_shoe (database, o.shoe, &values.shoe_id, &error)) ||
      (shoes = loadwise_database_list_shoes (database, &error)) == NULL ||
      (items = prepare (cli, database, args + 1, &error)) == NULL)
    return loadwise_cli_fail (error);

  apply_values (items, &values);
  write = values.has_pain_during && !o.dry_run;
  if (write && !loadwise_run_import_commit (database, items, NULL, &error))
    return loadwise_cli_fail (error);

  counts = count_items (items);
  if (o.json)
    print_json (items, shoes, write);
  else
    print_text (items, &counts, write);

  if (items->len == 0)
    {
      g_printerr ("%s\n", _("loadwise-cli: import-runs: no .gpx, .tcx or .fit file was found; nothing "
                            "was written"));
      return LOADWISE_CLI_EXIT_FAILURE;
    }
  if (counts.n_skipped == items->len)
    {
      g_printerr ("%s\n", _("loadwise-cli: import-runs: every file was skipped; nothing was written"));
      return LOADWISE_CLI_EXIT_FAILURE;
    }
  if (!values.has_pain_during && !o.dry_run)
    {
      g_printerr ("%s\n", _("loadwise-cli: import-runs: nothing was written: --pain-during is required "
                            "to import (0-10, for every run of the import); --dry-run only previews"));
      return LOADWISE_CLI_EXIT_FAILURE;
    }
  if (write && counts.n_new > 0)
    /* PROGRAMME.md, "Red flags": a yes that stands means stop running. */
    loadwise_cli_warn_red_flags (database, NULL);
  return LOADWISE_CLI_EXIT_OK;
}
